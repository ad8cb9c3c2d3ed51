/** The portal's website for lawyers: styles. */
export const sitePageCss = String.raw`
* { box-sizing: border-box; }
html, body { margin: 0; }
body { min-height: 100vh; display: flex; flex-direction: column; background: #f2f4f7; color: #1f2329;
  font: 15px/1.6 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
[hidden] { display: none !important; }
h1 { font-size: 20px; margin: 0 0 12px; }
h2 { font-size: 16px; margin: 0 0 8px; }

.masthead { background: linear-gradient(180deg, #b3191f, #8f1217); color: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
.masthead-inner { max-width: 1080px; margin: 0 auto; padding: 14px 24px; display: flex; align-items: center; justify-content: space-between; }
.brand { display: flex; align-items: center; gap: 10px; }
.emblem { width: 38px; height: 38px; border-radius: 50%; background: #f5c342; color: #8f1217; display: inline-flex; align-items: center; justify-content: center; font-weight: 700; font-size: 18px; }
.brand-name { font-size: 22px; font-weight: 700; letter-spacing: 1px; }
.badge { font-size: 12px; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; padding: 0 6px; }
.masthead-actions { display: flex; align-items: center; gap: 14px; }
.who { font-size: 14px; }

.page { flex: 1; width: 100%; max-width: 1080px; margin: 0 auto; padding: 20px 24px 32px; }
.card { background: #fff; border-radius: 8px; padding: 24px 28px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.narrow { max-width: 440px; margin: 24px auto; text-align: center; }
.narrow form, .narrow ul, .narrow .facts, #view-authorize p { text-align: left; }
.hint { color: #6b7280; font-size: 14px; }
.plain { padding-left: 20px; }

button { font: inherit; padding: 8px 18px; border-radius: 4px; border: 1px solid #d0d5dd; background: #fff; color: #1f2329; cursor: pointer; }
button:hover { border-color: #9aa4b2; }
button.primary { background: #1d4f91; border-color: #1d4f91; color: #fff; }
button.primary:hover { background: #173f74; }
button.light { background: #fff; color: #8f1217; border-color: #fff; font-weight: 600; padding: 6px 22px; }
button.wide { display: block; width: 100%; margin: 16px 0 8px; padding: 11px; font-size: 16px; }
button.link { border: 0; background: none; color: #1d4f91; padding: 4px 0; }
button.link:hover { text-decoration: underline; }
button.small { padding: 3px 12px; font-size: 14px; color: #1d4f91; border-color: #1d4f91; }
button.small:hover { background: #1d4f91; color: #fff; }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 2px solid #f5a623; outline-offset: 2px; }

.message { margin: 0 0 16px; padding: 10px 14px; border-radius: 4px; background: #e8f5e9; color: #1b5e20; }
.message.error { background: #fdecea; color: #8a1c13; }

.hero { background: linear-gradient(120deg, #1d4f91, #2f6fbf); color: #fff; border-radius: 8px; padding: 44px 36px; }
.hero h1 { font-size: 30px; margin: 0 0 6px; letter-spacing: 2px; }
.hero p { margin: 0; opacity: .9; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 16px; margin-top: 18px; }
.tile { background: #fff; border-radius: 8px; padding: 18px 20px; box-shadow: 0 1px 3px rgba(0,0,0,.08); border-top: 3px solid #b3191f; }
.tile p { margin: 0; color: #4b5563; font-size: 14px; }

.qr-box { position: relative; width: 242px; height: 242px; margin: 16px auto 8px; border: 1px solid #e5e7eb; border-radius: 6px; background: #fff; }
.qr { display: block; width: 240px; height: 240px; image-rendering: pixelated; }
.qr-cover { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; background: rgba(255,255,255,.9); font-size: 20px; font-weight: 600; color: #1d4f91; border-radius: 6px; }
/* 已过期 and 已取消 read as a stop, 已扫描 and 已确认 as progress. */
.qr-cover.expired, .qr-cover.cancelled { color: #8a1c13; }
.qr-state { min-height: 1.6em; margin: 6px 0; color: #4b5563; }
.qr-state.scanned, .qr-state.confirmed { color: #1d4f91; font-weight: 600; }
.qr-state.expired, .qr-state.cancelled { color: #8a1c13; }
.case-line { font-weight: 600; margin: 4px 0 0; }
#pane-verify { text-align: center; }
#pane-verify h1 { text-align: left; }
#pane-verify .hint { text-align: left; }

label { display: block; margin: 12px 0; font-size: 14px; color: #374151; }
label input { display: block; width: 100%; margin-top: 4px; padding: 8px 10px; border: 1px solid #d0d5dd; border-radius: 4px; font: inherit; }
label input:focus { border-color: #1d4f91; outline: none; box-shadow: 0 0 0 2px rgba(29,79,145,.15); }

.facts { display: grid; grid-template-columns: max-content 1fr; gap: 8px 20px; margin: 8px 0 0; }
.facts dt { color: #6b7280; }
.facts dd { margin: 0; font-weight: 500; }

.center { display: grid; grid-template-columns: 200px 1fr; gap: 20px; align-items: start; }
.menu { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); padding: 8px 0; display: flex; flex-direction: column; }
.menu-item { border: 0; border-radius: 0; text-align: left; padding: 10px 20px; background: none; border-left: 3px solid transparent; }
.menu-item:hover { background: #f3f6fb; }
/* A drawn chevron: text in ::after would join the button's accessible name. */
.menu-item[aria-expanded]::after { content: ""; float: right; width: 7px; height: 7px; margin-top: 8px; border: solid #9aa4b2; border-width: 0 2px 2px 0; transform: rotate(-45deg); }
.menu-item[aria-expanded="true"]::after { transform: rotate(45deg); margin-top: 5px; }
.menu-item.sub { padding-left: 36px; font-size: 14px; }
.menu-item[aria-current="page"] { border-left-color: #b3191f; color: #b3191f; background: #fdf3f3; font-weight: 600; }
.submenu { display: flex; flex-direction: column; }
#logout { border-top: 1px solid #eef0f3; margin-top: 6px; color: #6b7280; }
.content { min-width: 0; }

.list { width: 100%; border-collapse: collapse; font-size: 14px; }
.list th, .list td { padding: 10px 12px; border-bottom: 1px solid #eef0f3; text-align: left; vertical-align: middle; }
.list th { background: #f7f8fa; color: #4b5563; font-weight: 600; white-space: nowrap; }
.list tbody tr:hover { background: #fafbfc; }
.status.published { color: #1b7f3b; font-weight: 600; }
.status.rejected { color: #8a1c13; }
.status.pending, .status.approved { color: #8a5a00; }
.empty { text-align: center; color: #9ca3af; margin: 28px 0 8px; }

dialog { border: 0; border-radius: 8px; padding: 24px 28px; width: 380px; max-width: 92vw; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
dialog::backdrop { background: rgba(15,23,42,.45); }
.field-error { color: #8a1c13; background: #fdecea; border-radius: 4px; padding: 6px 10px; font-size: 14px; margin: 0 0 8px; }
.actions { display: flex; gap: 10px; justify-content: flex-end; margin-top: 8px; }

.footer { text-align: center; color: #8a8f98; font-size: 12px; padding: 16px; border-top: 1px solid #e5e7eb; background: #fff; }

@media (max-width: 720px) {
  .center { grid-template-columns: 1fr; }
  .masthead-inner, .page { padding-left: 14px; padding-right: 14px; }
  .brand-name { font-size: 18px; }
}
`;
