/** The prosecutor console (检察官控制台): styles, desktop-sized. */
export const consolePageCss = String.raw`
* { box-sizing: border-box; }
body { margin: 0; background: #f0f2f5; color: #1f2329; font: 14px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; min-width: 1100px; }
.top { background: #8c1c13; color: #fff; padding: 12px 32px; display: flex; align-items: baseline; gap: 24px; }
.brand { display: flex; align-items: center; gap: 10px; }
.top h1 { margin: 0; font-size: 20px; font-weight: 600; letter-spacing: 1px; }
.badge { font-size: 12px; border: 1px solid rgba(255,255,255,.7); border-radius: 4px; padding: 0 6px; }
.sub { opacity: .85; font-size: 13px; }
.console { max-width: 1480px; margin: 0 auto; padding: 20px 32px 40px; }
.tabs { display: flex; gap: 4px; border-bottom: 2px solid #d9d9d9; }
.tabs button { border: 0; border-radius: 6px 6px 0 0; background: #e4e7ec; padding: 10px 22px; font: inherit; font-size: 15px; cursor: pointer; color: #4b5563; margin-bottom: -2px; border-bottom: 2px solid transparent; }
.tabs button[aria-selected="true"] { background: #fff; color: #8c1c13; font-weight: 600; border-bottom-color: #8c1c13; }
.count { display: inline-block; min-width: 20px; margin-left: 6px; padding: 0 6px; border-radius: 10px; background: #8c1c13; color: #fff; font-size: 12px; text-align: center; font-weight: 400; }
.count:empty { display: none; }
.toolbar { display: flex; align-items: center; gap: 14px; background: #fff; padding: 12px 16px; border-bottom: 1px solid #eceef1; }
.toolbar select { margin-left: 6px; padding: 5px 8px; font: inherit; border: 1px solid #d0d5dd; border-radius: 4px; }
.panel { background: #fff; padding: 0 0 8px; box-shadow: 0 1px 2px rgba(0,0,0,.05); }
.grid { width: 100%; border-collapse: collapse; }
.grid th { background: #fafafa; text-align: left; font-weight: 600; color: #374151; padding: 10px 12px; border-bottom: 1px solid #e5e7eb; white-space: nowrap; }
.grid td { padding: 10px 12px; border-bottom: 1px solid #f0f0f0; vertical-align: top; }
.grid tr:hover td { background: #fcfcfd; }
.grid .sub-line { color: #6b7280; font-size: 12px; }
/* 申请时间, 身份, 委托人, 材料, 操作 and the licence line stay on one line. */
.grid td:nth-child(1), .grid td:nth-child(5), .grid td:nth-child(6), .grid td:nth-child(7), .grid td:nth-child(9), .grid td:nth-child(2) .sub-line { white-space: nowrap; }
.grid ul { margin: 0; padding: 0; list-style: none; }
.grid li a { color: #1d4f91; text-decoration: none; }
.grid li a:hover { text-decoration: underline; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; white-space: nowrap; }
.status.pending { background: #fff7e6; color: #ad6800; }
.status.approved { background: #e6f4ff; color: #0958d9; }
.status.rejected { background: #fff1f0; color: #a8071a; }
.status.published { background: #f6ffed; color: #237804; }
.ops { display: flex; gap: 6px; }
.grid td:nth-child(8) { min-width: 150px; max-width: 260px; }
button { font: inherit; padding: 5px 14px; border-radius: 4px; border: 1px solid #d0d5dd; background: #fff; cursor: pointer; }
button.primary { background: #1d4f91; border-color: #1d4f91; color: #fff; }
button.approve { background: #237804; border-color: #237804; color: #fff; }
button.danger { background: #a8071a; border-color: #a8071a; color: #fff; }
button:disabled { opacity: .55; cursor: default; }
.muted { color: #6b7280; font-size: 13px; }
.hint { color: #6b7280; font-size: 12px; margin: 4px 0 0; }
.empty { text-align: center; color: #9ca3af; padding: 28px 0; margin: 0; }
.message { margin: 12px 0; padding: 9px 14px; border-radius: 4px; background: #f6ffed; color: #237804; border: 1px solid #b7eb8f; }
.message.error { background: #fff1f0; color: #a8071a; border-color: #ffa39e; }
dialog { border: 0; border-radius: 8px; padding: 22px 24px; width: 460px; box-shadow: 0 8px 30px rgba(0,0,0,.2); }
dialog::backdrop { background: rgba(0,0,0,.35); }
dialog h2 { margin: 0 0 6px; font-size: 17px; }
dialog label { display: block; margin-top: 12px; }
dialog textarea, dialog input { display: block; width: 100%; margin-top: 6px; padding: 8px 10px; font: inherit; border: 1px solid #d0d5dd; border-radius: 4px; }
.actions { display: flex; justify-content: flex-end; gap: 10px; margin-top: 18px; }
`;
