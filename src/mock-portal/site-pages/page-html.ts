/** The portal's website for lawyers (登录, 个人中心, 辩护与代理网上预约, 卷宗下载): markup. Script and styles are separate files (CSP). */
export const sitePageHtml = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>12309 中国检察网</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/site/app.css">
<script src="/site/app.js" defer></script>
</head>
<body>
<header class="masthead">
  <div class="masthead-inner">
    <div class="brand">
      <span class="emblem" aria-hidden="true">检</span>
      <span class="brand-name">12309 中国检察网</span>
      <span class="badge">模拟</span>
    </div>
    <div class="masthead-actions">
      <span id="who" class="who" hidden></span>
      <button type="button" id="open-login" class="light" hidden>登录</button>
    </div>
  </div>
</header>

<main class="page">
  <p id="message" class="message" role="status" hidden></p>

  <section id="view-home" class="view" aria-labelledby="home-title" hidden>
    <div class="hero">
      <h1 id="home-title">12309 中国检察网</h1>
      <p>检察服务 · 律师服务 · 案件信息公开</p>
    </div>
    <div class="tiles">
      <div class="tile"><h2>律师服务</h2><p>案件绑定申请、辩护与代理网上预约、申请在线阅卷、卷宗下载。律师请从【登录】进入。</p></div>
      <div class="tile"><h2>在线阅卷</h2><p>检察机关审核通过并完成卷宗网上处理后，以短信发送卷宗下载密码和卷宗文档打开密码。</p></div>
      <div class="tile"><h2>身份核验</h2><p>登录及下载卷宗前，请使用手机“中国律师身份核验”小程序扫码核验身份。</p></div>
    </div>
  </section>

  <section id="view-login" class="view card narrow" aria-labelledby="login-title" hidden>
    <h1 id="login-title">登录</h1>
    <p class="hint">律师用户请使用“中国律师身份核验”小程序扫码登录。</p>
    <button type="button" id="lawyer-login" class="primary wide">律师认证登录</button>
    <button type="button" id="login-back" class="link">返回首页</button>
  </section>

  <section id="view-qr" class="view card narrow" aria-labelledby="qr-title" hidden>
    <h1 id="qr-title">律师身份核验扫码</h1>
    <p class="hint">请使用手机“中国律师身份核验”小程序中的“扫一扫”扫描下方二维码。</p>
    <div class="qr-box">
      <img id="qr-image" class="qr" alt="登录二维码" width="240" height="240" hidden>
      <div id="qr-cover" class="qr-cover" hidden></div>
    </div>
    <p id="qr-state" class="qr-state" aria-live="polite"></p>
    <button type="button" id="qr-refresh" class="primary wide" hidden>刷新二维码</button>
    <button type="button" id="qr-back" class="link">返回</button>
  </section>

  <section id="view-authorize" class="view card narrow" aria-labelledby="authorize-title" hidden>
    <h1 id="authorize-title">授权信息</h1>
    <p>12309 中国检察网将获取您在“中国律师身份核验”小程序中核验的以下信息，用于律师身份认证：</p>
    <ul class="plain">
      <li>姓名、身份证号</li>
      <li>律师执业证号</li>
      <li>绑定的手机号</li>
    </ul>
    <button type="button" id="authorize-agree" class="primary wide">同意</button>
  </section>

  <section id="view-profile" class="view card narrow" aria-labelledby="profile-title" hidden>
    <h1 id="profile-title">完善信息</h1>
    <dl class="facts">
      <dt>姓名</dt><dd id="profile-name"></dd>
      <dt>执业证号</dt><dd id="profile-license"></dd>
      <dt>手机号</dt><dd id="profile-phone"></dd>
    </dl>
    <form id="profile-form" novalidate>
      <label>律师事务所<input name="lawFirm" required maxlength="100" autocomplete="organization"></label>
      <label>电子邮箱（选填）<input name="email" type="email" maxlength="254" autocomplete="email"></label>
      <label>通讯地址（选填）<input name="address" maxlength="200" autocomplete="street-address"></label>
      <button type="submit" class="primary wide">提交</button>
    </form>
  </section>

  <div id="view-center" class="view center" hidden>
    <nav class="menu" aria-label="个人中心菜单">
      <button type="button" id="menu-home" class="menu-item">个人中心</button>
      <button type="button" id="menu-appointments" class="menu-item" aria-expanded="false" aria-controls="menu-appointments-list">我的预约</button>
      <div id="menu-appointments-list" class="submenu" hidden>
        <button type="button" id="menu-online" class="menu-item sub">辩护与代理网上预约</button>
      </div>
      <button type="button" id="logout" class="menu-item">退出登录</button>
    </nav>

    <div class="content">
      <section id="pane-home" class="card" aria-labelledby="center-title" hidden>
        <h1 id="center-title">个人中心</h1>
        <dl class="facts">
          <dt>姓名</dt><dd id="center-name"></dd>
          <dt>律师事务所</dt><dd id="center-firm"></dd>
          <dt>执业证号</dt><dd id="center-license"></dd>
          <dt>手机号</dt><dd id="center-phone"></dd>
        </dl>
      </section>

      <section id="pane-appointments" class="card" aria-labelledby="appointments-title" hidden>
        <h1 id="appointments-title">辩护与代理网上预约</h1>
        <table class="list">
          <thead>
            <tr><th scope="col">案件名称</th><th scope="col">受理单位</th><th scope="col">预约类型</th><th scope="col">状态</th><th scope="col">申请时间</th><th scope="col">操作</th></tr>
          </thead>
          <tbody id="appointments-body"></tbody>
        </table>
        <p id="appointments-empty" class="empty" hidden>暂无预约</p>
      </section>

      <section id="pane-verify" class="card" aria-labelledby="verify-title" hidden>
        <h1 id="verify-title">律师身份核验</h1>
        <p class="hint">下载卷宗前须核验身份：请使用本人手机“中国律师身份核验”小程序中的“扫一扫”扫描下方二维码。</p>
        <p id="verify-case" class="case-line"></p>
        <div class="qr-box">
          <img id="verify-image" class="qr" alt="身份核验二维码" width="240" height="240" hidden>
          <div id="verify-cover" class="qr-cover" hidden></div>
        </div>
        <p id="verify-state" class="qr-state" aria-live="polite"></p>
        <button type="button" id="verify-refresh" class="primary" hidden>刷新二维码</button>
        <button type="button" id="verify-back" class="link">返回</button>
      </section>
    </div>
  </div>
</main>

<dialog id="password-dialog" aria-labelledby="password-title">
  <form id="password-form" novalidate>
    <h2 id="password-title">卷宗下载密码</h2>
    <p id="password-case" class="hint"></p>
    <label>卷宗下载密码<input id="password-input" name="password" type="password" maxlength="64" autocomplete="off" required></label>
    <p id="password-error" class="field-error" role="alert" hidden></p>
    <div class="actions">
      <button type="submit" class="primary">确定</button>
      <button type="button" id="password-cancel">取消</button>
    </div>
  </form>
</dialog>

<footer class="footer">最高人民检察院 12309 中国检察网（卷宗台模拟门户，仅用于演示和测试）</footer>
</body>
</html>
`;
