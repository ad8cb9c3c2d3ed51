/** The simulated lawyer's phone (中国律师身份核验 mini-program and 短信): markup. Script and styles are separate files (CSP). */
export const phonePageHtml = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>中国律师身份核验（模拟）</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/phone/app.css">
<script src="/phone/app.js" defer></script>
</head>
<body>
<main class="phone">
  <header class="bar">
    <h1 id="bar-title">中国律师身份核验</h1>
    <span class="badge">模拟</span>
  </header>

  <section id="activate-view" class="card" hidden>
    <h2>登录</h2>
    <p class="hint">输入个人信息，完成人脸识别并绑定手机号。已注册 12309 中国检察网的律师，手机号须与注册时录入的一致。</p>
    <form id="activate-form" novalidate>
      <label>姓名<input name="name" autocomplete="name" required maxlength="30"></label>
      <label>身份证号<input name="idNumber" required maxlength="18" inputmode="text" autocapitalize="characters"></label>
      <label>律师执业证号<input name="licenseNumber" required maxlength="17" inputmode="numeric"></label>
      <label>手机号<input name="phone" required maxlength="11" inputmode="tel" autocomplete="tel"></label>
      <fieldset>
        <legend>人脸识别（模拟）</legend>
        <label class="inline"><input type="radio" name="faceCheck" value="pass" checked>识别通过</label>
        <label class="inline"><input type="radio" name="faceCheck" value="fail">识别失败</label>
      </fieldset>
      <button type="submit" class="primary">登录</button>
    </form>
  </section>

  <section id="home-view" class="card" hidden>
    <div class="who">
      <div>
        <div id="home-name" class="name"></div>
        <div id="home-phone" class="muted"></div>
      </div>
      <button type="button" id="switch-lawyer" class="link">切换律师</button>
    </div>
    <button type="button" id="scan-open" class="primary big">扫一扫</button>
    <p class="hint">用于 12309 中国检察网的扫码登录，以及案件绑定、网上预约、申请阅卷和卷宗下载前的身份核验。</p>
    <form id="scan-form" hidden novalidate>
      <label>二维码内容<textarea name="qrText" rows="3" placeholder="粘贴 12309 页面上二维码中的文字"></textarea></label>
      <button type="submit" class="primary">识别</button>
    </form>
    <div id="prompt" class="prompt" hidden>
      <div id="prompt-title" class="prompt-title"></div>
      <p id="prompt-text"></p>
      <div class="actions">
        <button type="button" id="confirm" class="primary">确认</button>
        <button type="button" id="cancel">取消</button>
      </div>
    </div>
  </section>

  <section id="sms-view" class="sms" hidden>
    <form id="sms-phone-form" class="card" hidden novalidate>
      <p class="hint">本机尚未绑定律师。输入本机号码以查看收到的短信。</p>
      <label>本机号码<input name="phone" required maxlength="11" inputmode="tel" autocomplete="tel"></label>
      <button type="submit" class="primary">查看短信</button>
    </form>
    <div id="sms-box" hidden>
      <div class="sms-head">
        <span id="sms-number" class="muted"></span>
        <button type="button" id="sms-change" class="link" hidden>更换号码</button>
      </div>
      <p id="sms-empty" class="empty" hidden>暂无短信</p>
      <ol id="sms-list" class="sms-list" aria-live="polite"></ol>
    </div>
  </section>

  <p id="message" class="message" role="status" hidden></p>

  <nav class="tabs" aria-label="功能">
    <button type="button" id="tab-home" class="tab" aria-pressed="true">身份核验</button>
    <button type="button" id="tab-sms" class="tab" aria-pressed="false">短信<span id="sms-unread" class="unread" hidden></span></button>
  </nav>
</main>
</body>
</html>
`;
