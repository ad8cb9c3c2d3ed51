/** The simulated lawyer's phone (中国律师身份核验 mini-program and 短信): styles. */
export const phonePageCss = String.raw`
* { box-sizing: border-box; }
body { margin: 0; background: #eef1f5; font: 15px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2329; }
.phone { max-width: 420px; margin: 0 auto; min-height: 100vh; background: #f7f8fa; padding-bottom: 72px; }
.bar { display: flex; align-items: center; justify-content: center; gap: 8px; background: #1d4f91; color: #fff; padding: 14px 16px; }
.bar h1 { font-size: 17px; margin: 0; font-weight: 600; }
.badge { font-size: 12px; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; padding: 0 6px; }
.card { background: #fff; margin: 12px; padding: 16px; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
.card h2 { margin: 0 0 8px; font-size: 16px; }
.hint, .muted { color: #6b7280; font-size: 13px; }
label { display: block; margin: 10px 0; font-size: 14px; }
label input, label textarea { display: block; width: 100%; margin-top: 4px; padding: 9px 10px; border: 1px solid #d0d5dd; border-radius: 6px; font: inherit; }
label.inline { display: inline-flex; align-items: center; gap: 4px; margin-right: 16px; }
label.inline input { width: auto; margin: 0; }
fieldset { border: 1px solid #e5e7eb; border-radius: 6px; margin: 10px 0; padding: 6px 10px; }
legend { font-size: 13px; color: #6b7280; }
button { font: inherit; padding: 9px 16px; border-radius: 6px; border: 1px solid #d0d5dd; background: #fff; cursor: pointer; }
button.primary { background: #1d4f91; border-color: #1d4f91; color: #fff; width: 100%; margin-top: 6px; }
button.big { padding: 14px; font-size: 17px; }
button.link { border: 0; background: none; color: #1d4f91; padding: 0; }
button:disabled { opacity: .6; cursor: default; }
.who { display: flex; justify-content: space-between; align-items: center; margin-bottom: 12px; }
.who .name { font-size: 17px; font-weight: 600; }
.prompt { margin-top: 14px; padding: 14px; border: 1px solid #c7d7ee; border-radius: 8px; background: #f3f7fd; text-align: center; }
.prompt p { margin: 0 0 10px; font-size: 16px; }
.actions { display: flex; gap: 10px; }
.actions button { flex: 1; margin: 0; }
.message { margin: 12px; padding: 10px 12px; border-radius: 6px; background: #e8f5e9; color: #1b5e20; }
.message.error { background: #fdecea; color: #8a1c13; }
.prompt-title { font-size: 13px; color: #1d4f91; font-weight: 600; margin-bottom: 4px; }
.tabs { position: fixed; bottom: 0; left: 50%; transform: translateX(-50%); width: 100%; max-width: 420px; display: flex; background: #fff; border-top: 1px solid #e5e7eb; }
.tab { flex: 1; border: 0; border-radius: 0; padding: 12px 0; color: #6b7280; background: #fff; position: relative; }
.tab[aria-pressed="true"] { color: #1d4f91; font-weight: 600; }
.unread { display: inline-block; min-width: 18px; margin-left: 4px; padding: 0 5px; border-radius: 9px; background: #d93025; color: #fff; font-size: 12px; line-height: 18px; font-weight: 400; }
.unread[hidden] { display: none; }
.sms-head { display: flex; justify-content: space-between; align-items: center; margin: 12px 16px 0; }
.sms-list { list-style: none; margin: 0; padding: 0; }
.sms-item { background: #fff; margin: 10px 12px; padding: 12px 14px; border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.06); }
.sms-meta { display: flex; align-items: baseline; gap: 8px; font-size: 12px; color: #6b7280; }
.sms-from { font-size: 14px; font-weight: 600; color: #1f2329; }
.sms-kind { flex: 1; }
.sms-text { margin: 6px 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; user-select: text; -webkit-user-select: text; }
.sms-copy { font-size: 13px; }
.empty { text-align: center; color: #9ca3af; margin: 40px 0; }
`;
