/** The prosecutor console (检察官控制台): markup. Script and styles are separate files (CSP). */
export const consolePageHtml = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>检察官控制台（模拟）</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/app.css">
<script src="/console/app.js" defer></script>
</head>
<body>
<header class="top">
  <div class="brand">
    <h1>检察官控制台</h1>
    <span class="badge">模拟</span>
  </div>
  <div class="sub">12309 中国检察网 · 律师网上阅卷审核（仅限本机访问）</div>
</header>

<main class="console">
  <nav class="tabs" role="tablist">
    <button type="button" role="tab" id="tab-bindings" data-kind="bindings" aria-selected="true">案件绑定审核<span class="count" id="count-bindings"></span></button>
    <button type="button" role="tab" id="tab-reviews" data-kind="reviews" aria-selected="false">在线阅卷审核<span class="count" id="count-reviews"></span></button>
  </nav>

  <div class="toolbar">
    <label>状态
      <select id="status-filter">
        <option value="">全部</option>
        <option value="pending" selected>待审核</option>
        <option value="approved">审核通过</option>
        <option value="rejected">审核未通过</option>
        <option value="published" data-only="reviews">卷宗已发布</option>
      </select>
    </label>
    <button type="button" id="refresh">刷新</button>
    <span class="muted" id="updated"></span>
  </div>

  <p id="message" class="message" role="status" hidden></p>

  <section class="panel" id="panel-bindings" role="tabpanel" aria-labelledby="tab-bindings">
    <table class="grid">
      <thead>
        <tr><th>申请时间</th><th>律师</th><th>受理单位</th><th>案件</th><th>身份</th><th>委托人</th><th>材料</th><th>状态</th><th>操作</th></tr>
      </thead>
      <tbody id="rows-bindings"></tbody>
    </table>
    <p class="empty" id="empty-bindings" hidden>暂无案件绑定申请</p>
  </section>

  <section class="panel" id="panel-reviews" role="tabpanel" aria-labelledby="tab-reviews" hidden>
    <table class="grid">
      <thead>
        <tr><th>申请时间</th><th>律师</th><th>受理单位</th><th>案件</th><th>身份</th><th>委托人</th><th>材料</th><th>状态</th><th>操作</th></tr>
      </thead>
      <tbody id="rows-reviews"></tbody>
    </table>
    <p class="empty" id="empty-reviews" hidden>暂无在线阅卷申请</p>
  </section>
</main>

<dialog id="reject-dialog">
  <form id="reject-form" method="dialog" novalidate>
    <h2>审核不通过</h2>
    <p class="muted" id="reject-subject"></p>
    <label>不通过原因<textarea name="reason" rows="3" maxlength="200" required placeholder="例如：授权委托书未加盖律师事务所公章"></textarea></label>
    <p class="hint">原因将以短信告知律师，2–200 字。</p>
    <div class="actions">
      <button type="button" id="reject-cancel">取消</button>
      <button type="submit" class="danger">确认不通过</button>
    </div>
  </form>
</dialog>

<dialog id="publish-dialog">
  <form id="publish-form" method="dialog" novalidate>
    <h2>卷宗网上处理完成</h2>
    <p class="muted" id="publish-subject"></p>
    <label>卷宗页数（可不填，使用默认页数）<input name="pages" inputmode="numeric" maxlength="4" placeholder="默认"></label>
    <p class="hint">发布后系统生成卷宗及下载密码、文档打开密码，并以短信发送给律师。</p>
    <div class="actions">
      <button type="button" id="publish-cancel">取消</button>
      <button type="submit" class="primary">发布卷宗</button>
    </div>
  </form>
</dialog>
</body>
</html>
`;
