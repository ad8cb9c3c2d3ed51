/**
 * The portal's website for lawyers: behaviour. Plain browser script, served as its own file; it
 * calls the portal's JSON API on the same origin the way the app's portal client does (QR session,
 * long poll, token; step-up; download link) and lets the browser download the archive itself.
 */
export const sitePageJs = String.raw`'use strict';
(function () {
  // This site is the mock portal's demo counterpart of the real one: the bearer token is kept in
  // sessionStorage (gone with the tab), which a real site holding real credentials would not do.
  var TOKEN_KEY = 'mock-12309-site-token';
  var WAIT_MS = 20000;
  var $ = function (id) { return document.getElementById(id); };
  var VIEWS = ['view-home', 'view-login', 'view-qr', 'view-authorize', 'view-profile', 'view-center'];
  var PANES = ['pane-home', 'pane-appointments', 'pane-verify'];
  var me = null;
  var download = null; // { reviewId, caseName, verifyId }
  var watching = null; // the QR session being waited on: { abort }

  function token() { return sessionStorage.getItem(TOKEN_KEY); }

  function say(text, isError) {
    var box = $('message');
    box.textContent = text || '';
    box.className = isError ? 'message error' : 'message';
    box.hidden = !text;
  }

  function show(view, pane) {
    VIEWS.forEach(function (id) { $(id).hidden = id !== view; });
    PANES.forEach(function (id) { $(id).hidden = id !== pane; });
    $('open-login').hidden = view !== 'view-home';
    var signedIn = !!me && me.stage === 'ready';
    $('who').hidden = !signedIn;
    if (signedIn) $('who').textContent = me.lawyer.name + ' 律师';
  }

  /** An API failure, carrying the portal's own code and Chinese message. */
  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  async function request(method, path, options) {
    options = options || {};
    var headers = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.auth && token()) headers.authorization = 'Bearer ' + token();
    if (options.stepUp) headers['x-step-up'] = options.stepUp;
    var response;
    try {
      response = await fetch(path, {
        method: method,
        headers: headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        cache: 'no-store',
      });
    } catch (e) {
      if (options.signal && options.signal.aborted) throw e;
      throw new ApiError(0, 'PORTAL_UNREACHABLE', '无法连接 12309 中国检察网，请检查网络后重试');
    }
    var data = response.status === 204 ? null : await response.json().catch(function () { return null; });
    if (!response.ok) {
      var error = (data && data.error) || {};
      throw new ApiError(response.status, error.code || 'PORTAL_ERROR', error.message || ('请求失败（' + response.status + '）'));
    }
    return data;
  }

  /** A lost or expired sign-in sends the lawyer back to 【登录】; other failures are shown as worded. */
  function fail(error) {
    if (error && error.name === 'AbortError') return;
    if (error instanceof ApiError && error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      me = null;
      stopWatching();
      closeDialog();
      show('view-home');
      say(error.message, true);
      return;
    }
    say(error && error.message ? error.message : String(error), true);
  }

  function stopWatching() {
    if (watching) watching.abort();
    watching = null;
  }

  /**
   * Shows a QR session and waits on it (long poll) until it is confirmed, as the app's portal
   * client does; resolves to the confirmed session, or to null when the wait was abandoned.
   */
  async function watchQr(session, parts, kind) {
    stopWatching();
    var controller = new AbortController();
    watching = controller;
    var img = $(parts.image);
    img.src = '/site/qr.svg?text=' + encodeURIComponent(session.qrText);
    img.hidden = false;
    $(parts.refresh).hidden = true;
    var current = session;
    for (;;) {
      paintQr(current, parts, kind);
      if (current.state === 'confirmed') break;
      if (current.state === 'expired' || current.state === 'cancelled') {
        $(parts.refresh).hidden = false;
        return null;
      }
      try {
        current = await request('GET', '/api/auth/qr-sessions/' + encodeURIComponent(session.id) +
          '?since=' + current.state + '&waitMs=' + WAIT_MS, { signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) return null;
        throw error;
      }
      if (controller.signal.aborted) return null;
    }
    if (watching === controller) watching = null;
    return current;
  }

  function paintQr(session, parts, kind) {
    var text = {
      waiting: kind === 'login' ? '请使用手机扫码登录' : '请使用本人手机扫码核验身份',
      scanned: '已扫描' + (session.scannedBy ? '（' + session.scannedBy + '）' : '') + '，请在手机上确认',
      confirmed: kind === 'login' ? '已确认，正在登录…' : '身份核验通过',
      cancelled: kind === 'login' ? '已在手机上取消登录，请刷新二维码后重新扫码' : '已在手机上取消身份核验，请刷新二维码后重新扫码',
      expired: '二维码已过期，请刷新二维码',
    }[session.state];
    $(parts.state).textContent = text;
    $(parts.state).className = 'qr-state ' + session.state;
    var cover = $(parts.cover);
    cover.hidden = session.state === 'waiting';
    cover.className = 'qr-cover ' + session.state;
    cover.textContent = { scanned: '已扫描', confirmed: '已确认', cancelled: '已取消', expired: '已过期' }[session.state] || '';
  }

  // 登录 (manual §2)

  var loginParts = { image: 'qr-image', cover: 'qr-cover', state: 'qr-state', refresh: 'qr-refresh' };

  async function startLogin() {
    say('');
    show('view-qr');
    $('qr-image').hidden = true;
    $('qr-cover').hidden = true;
    $('qr-refresh').hidden = true;
    $('qr-state').textContent = '正在获取二维码…';
    try {
      var session = await request('POST', '/api/auth/qr-sessions', { body: { purpose: 'login' } });
      var confirmed = await watchQr(session, loginParts, 'login');
      if (!confirmed) return;
      var issued = await request('POST', '/api/auth/qr-sessions/' + encodeURIComponent(confirmed.id) + '/token', { body: {} });
      sessionStorage.setItem(TOKEN_KEY, issued.token);
      await enter();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) $('qr-refresh').hidden = false;
      fail(error);
    }
  }

  /** Where a signed-in lawyer goes next: 授权信息, 完善信息 or 个人中心. */
  async function enter() {
    me = await request('GET', '/api/me', { auth: true });
    say('');
    if (me.stage === 'authorize') return show('view-authorize');
    if (me.stage === 'complete-profile') {
      $('profile-name').textContent = me.lawyer.name;
      $('profile-license').textContent = me.lawyer.licenseNumber;
      $('profile-phone').textContent = me.lawyer.phone;
      var form = $('profile-form');
      form.elements.namedItem('lawFirm').value = me.lawyer.lawFirm || '';
      form.elements.namedItem('email').value = me.lawyer.email || '';
      form.elements.namedItem('address').value = me.lawyer.address || '';
      return show('view-profile');
    }
    showCenter();
  }

  function showCenter() {
    $('center-name').textContent = me.lawyer.name;
    $('center-firm').textContent = me.lawyer.lawFirm || '—';
    $('center-license').textContent = me.lawyer.licenseNumber;
    $('center-phone').textContent = me.lawyer.phone;
    show('view-center', 'pane-home');
    markMenu('menu-home');
  }

  function markMenu(id) {
    ['menu-home', 'menu-online'].forEach(function (item) {
      if (item === id) $(item).setAttribute('aria-current', 'page');
      else $(item).removeAttribute('aria-current');
    });
  }

  function busy(element, on) {
    Array.prototype.forEach.call(element.querySelectorAll('button'), function (b) { b.disabled = on; });
    if (element.tagName === 'BUTTON') element.disabled = on;
  }

  $('open-login').addEventListener('click', function () { say(''); show('view-login'); });
  $('login-back').addEventListener('click', function () { say(''); show('view-home'); });
  $('lawyer-login').addEventListener('click', startLogin);
  $('qr-refresh').addEventListener('click', startLogin);
  $('qr-back').addEventListener('click', function () { stopWatching(); say(''); show('view-login'); });

  $('authorize-agree').addEventListener('click', async function (event) {
    var button = event.currentTarget;
    busy(button, true);
    try {
      await request('POST', '/api/me/authorization', { auth: true, body: { agree: true } });
      await enter();
    } catch (error) {
      fail(error);
    } finally {
      busy(button, false);
    }
  });

  $('profile-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.currentTarget;
    var data = new FormData(form);
    busy(form, true);
    try {
      await request('PUT', '/api/me/profile', {
        auth: true,
        body: {
          lawFirm: String(data.get('lawFirm') || '').trim(),
          email: String(data.get('email') || '').trim(),
          address: String(data.get('address') || '').trim(),
        },
      });
      await enter();
    } catch (error) {
      fail(error);
    } finally {
      busy(form, false);
    }
  });

  // 个人中心 and 我的预约 (manual §6)

  $('menu-home').addEventListener('click', function () { stopWatching(); say(''); showCenter(); });

  $('menu-appointments').addEventListener('click', function () {
    var list = $('menu-appointments-list');
    list.hidden = !list.hidden;
    $('menu-appointments').setAttribute('aria-expanded', String(!list.hidden));
  });

  $('menu-online').addEventListener('click', function () { stopWatching(); say(''); loadAppointments(); });

  $('logout').addEventListener('click', async function () {
    stopWatching();
    try {
      await request('POST', '/api/auth/logout', { auth: true });
    } catch (e) {
      // Signed out here either way; the token is forgotten below.
    }
    sessionStorage.removeItem(TOKEN_KEY);
    me = null;
    show('view-home');
    say('已退出登录');
  });

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function day(iso) {
    var d = new Date(iso);
    var two = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  async function loadAppointments() {
    show('view-center', 'pane-appointments');
    markMenu('menu-online');
    var body = $('appointments-body');
    try {
      var list = await request('GET', '/api/appointments', { auth: true });
      body.textContent = '';
      list.items.forEach(function (item) {
        var row = document.createElement('tr');
        cell(row, item.caseName);
        cell(row, item.procuratorate.name);
        cell(row, item.type);
        var status = cell(row, item.statusLabel);
        status.className = 'status ' + item.status;
        if (item.rejectReason) status.textContent = item.statusLabel + '：' + item.rejectReason;
        cell(row, day(item.createdAt));
        var action = cell(row, '');
        if (item.status === 'published' && item.dossier) {
          var button = document.createElement('button');
          button.type = 'button';
          button.className = 'small';
          button.textContent = '卷宗下载';
          button.addEventListener('click', function () { startVerify({ reviewId: item.id, caseName: item.caseName, verifyId: null }); });
          action.appendChild(button);
        } else {
          action.textContent = '—';
        }
        body.appendChild(row);
      });
      $('appointments-empty').hidden = list.items.length > 0;
    } catch (error) {
      fail(error);
    }
  }

  // 卷宗下载: 律师身份核验, then 卷宗下载密码 (manual §6 (1)–(3))

  var verifyParts = { image: 'verify-image', cover: 'verify-cover', state: 'verify-state', refresh: 'verify-refresh' };

  async function startVerify(target, notice) {
    download = target;
    download.verifyId = null;
    say(notice || '', !!notice);
    show('view-center', 'pane-verify');
    $('verify-case').textContent = '案件名称：' + target.caseName;
    $('verify-image').hidden = true;
    $('verify-cover').hidden = true;
    $('verify-refresh').hidden = true;
    $('verify-state').textContent = '正在获取二维码…';
    try {
      var session = await request('POST', '/api/step-up', { auth: true, body: { action: 'download' } });
      var confirmed = await watchQr(session, verifyParts, 'verify');
      if (!confirmed || download !== target) return;
      download.verifyId = confirmed.id;
      openDialog();
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) $('verify-refresh').hidden = false;
      fail(error);
    }
  }

  $('verify-refresh').addEventListener('click', function () { if (download) startVerify(download); });
  $('verify-back').addEventListener('click', function () { stopWatching(); download = null; say(''); loadAppointments(); });

  function openDialog() {
    var dialog = $('password-dialog');
    $('password-case').textContent = '案件名称：' + download.caseName;
    $('password-input').value = '';
    $('password-error').hidden = true;
    if (!dialog.open) dialog.showModal();
    $('password-input').focus();
  }

  function closeDialog() {
    var dialog = $('password-dialog');
    if (dialog.open) dialog.close();
  }

  function dialogError(text) {
    $('password-error').textContent = text;
    $('password-error').hidden = !text;
  }

  $('password-cancel').addEventListener('click', function () {
    closeDialog();
    download = null;
    loadAppointments();
  });

  // Esc closes the dialog like 【取消】.
  $('password-dialog').addEventListener('cancel', function (event) {
    event.preventDefault();
    $('password-cancel').click();
  });

  $('password-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.currentTarget;
    var password = $('password-input').value.trim();
    if (!password) return dialogError('请输入卷宗下载密码');
    var target = download;
    busy(form, true);
    dialogError('');
    try {
      var link = await request('POST', '/api/reviews/' + encodeURIComponent(target.reviewId) + '/download-links', {
        auth: true,
        stepUp: target.verifyId,
        body: { password: password },
      });
      closeDialog();
      download = null;
      await loadAppointments();
      say('卷宗开始下载：' + link.fileName + '（' + size(link.size) + '）。请在浏览器的下载列表中查看。');
      // The link itself is the credential (no bearer header): the browser downloads it as an attachment.
      location.assign(link.url);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'STEP_UP_REQUIRED') {
        closeDialog();
        startVerify(target, error.message);
      } else if (error instanceof ApiError && error.status !== 401) {
        dialogError(error.message);
        $('password-input').select();
      } else {
        fail(error);
      }
    } finally {
      busy(form, false);
    }
  });

  function size(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
    return Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  // A reload keeps the lawyer signed in for as long as the tab lives.
  if (token()) {
    enter().catch(fail);
  } else {
    show('view-home');
  }
})();
`;
