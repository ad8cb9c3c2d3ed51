/**
 * The simulated lawyer's phone: behaviour. Plain browser script, served as its own file; it talks
 * to the portal's /api/phone endpoints and remembers the bound lawyer (and the SIM's number) locally.
 */
export const phonePageJs = String.raw`'use strict';
(function () {
  var STORAGE_KEY = 'mock-12309-phone-lawyer';
  var SIM_KEY = 'mock-12309-phone-sim';
  var SEEN_KEY = 'mock-12309-phone-sms-seen';
  var SMS_REFRESH_MS = 3000;
  var KIND_LABELS = {
    'login-code': '登录验证码',
    'binding-approved': '案件绑定审核通过',
    'binding-rejected': '案件绑定审核未通过',
    'review-approved': '在线阅卷审核通过',
    'review-rejected': '在线阅卷审核未通过',
    'dossier-ready': '卷宗可下载',
  };
  var $ = function (id) { return document.getElementById(id); };
  var pending = null;
  var tab = 'home';
  var inboxPhone = null;
  var rendered = new Map();
  var refreshing = false;

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function lawyer() { return read(STORAGE_KEY); }
  /** The number the simulated SIM receives SMS on: the bound lawyer's, else one typed in. */
  function simPhone() {
    var me = lawyer();
    return (me && me.phone) || read(SIM_KEY);
  }

  function say(text, isError) {
    var box = $('message');
    box.textContent = text;
    box.className = isError ? 'message error' : 'message';
    box.hidden = !text;
  }

  async function request(path, init) {
    var response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new Error('无法连接门户，请检查网络');
    }
    var data = await response.json().catch(function () { return null; });
    if (!response.ok) throw new Error((data && data.error && data.error.message) || ('请求失败（' + response.status + '）'));
    return data;
  }

  function call(path, body) {
    return request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  function maskPhone(phone) { return phone.slice(0, 3) + '****' + phone.slice(7); }

  function show() {
    var me = lawyer();
    var phone = simPhone();
    $('activate-view').hidden = tab !== 'home' || !!me;
    $('home-view').hidden = tab !== 'home' || !me;
    $('sms-view').hidden = tab !== 'sms';
    $('sms-phone-form').hidden = !!phone;
    $('sms-box').hidden = !phone;
    $('sms-change').hidden = !!me;
    $('bar-title').textContent = tab === 'sms' ? '短信' : '中国律师身份核验';
    $('tab-home').setAttribute('aria-pressed', String(tab === 'home'));
    $('tab-sms').setAttribute('aria-pressed', String(tab === 'sms'));
    if (me) {
      $('home-name').textContent = me.name + ' 律师';
      $('home-phone').textContent = '已绑定手机号 ' + maskPhone(me.phone);
    }
    if (phone) $('sms-number').textContent = '本机号码 ' + phone;
    if (tab !== 'home') {
      $('scan-form').hidden = true;
      $('prompt').hidden = true;
    }
  }

  function busy(form, on) {
    Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = on; });
  }

  function switchTab(next) {
    tab = next;
    say('', false);
    $('scan-form').hidden = true;
    $('prompt').hidden = true;
    show();
    refreshInbox();
  }

  $('tab-home').addEventListener('click', function () { switchTab('home'); });
  $('tab-sms').addEventListener('click', function () { switchTab('sms'); });

  $('activate-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.currentTarget;
    var data = new FormData(form);
    busy(form, true);
    try {
      var result = await call('/api/phone/activate', {
        name: String(data.get('name') || '').trim(),
        idNumber: String(data.get('idNumber') || '').trim(),
        licenseNumber: String(data.get('licenseNumber') || '').trim(),
        phone: String(data.get('phone') || '').trim(),
        faceCheck: String(data.get('faceCheck') || 'pass'),
      });
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ name: result.name, phone: result.phone }));
      say('身份核验通过，手机号绑定成功', false);
      show();
      refreshInbox();
    } catch (error) {
      say(error.message, true);
    } finally {
      busy(form, false);
    }
  });

  $('switch-lawyer').addEventListener('click', function () {
    localStorage.removeItem(STORAGE_KEY);
    say('', false);
    show();
    refreshInbox();
  });

  $('scan-open').addEventListener('click', function () {
    $('scan-form').hidden = false;
    $('prompt').hidden = true;
    say('', false);
    $('scan-form').elements.namedItem('qrText').focus();
  });

  $('scan-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    var form = event.currentTarget;
    var qrText = String(new FormData(form).get('qrText') || '').trim();
    busy(form, true);
    try {
      var result = await call('/api/phone/scan', { qrText: qrText, phone: lawyer().phone });
      pending = { sessionId: result.sessionId, purpose: result.purpose };
      $('prompt-title').textContent = result.purpose === 'verify' ? '身份核验' : '登录确认';
      $('prompt-text').textContent = result.prompt;
      form.hidden = true;
      form.reset();
      $('prompt').hidden = false;
      say('', false);
    } catch (error) {
      say(error.message, true);
    } finally {
      busy(form, false);
    }
  });

  async function decide(decision) {
    var prompt = $('prompt');
    if (!pending) return;
    var verify = pending.purpose === 'verify';
    busy(prompt, true);
    try {
      await call('/api/phone/confirm', { sessionId: pending.sessionId, phone: lawyer().phone, decision: decision });
      prompt.hidden = true;
      pending = null;
      if (decision === 'confirm') say(verify ? '身份核验已完成，请在电脑上继续操作' : '已确认登录，请在电脑上继续操作', false);
      else say(verify ? '已取消身份核验' : '已取消登录', false);
    } catch (error) {
      say(error.message, true);
    } finally {
      busy(prompt, false);
    }
  }

  $('confirm').addEventListener('click', function () { decide('confirm'); });
  $('cancel').addEventListener('click', function () { decide('cancel'); });

  $('sms-phone-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var phone = String(new FormData(event.currentTarget).get('phone') || '').trim();
    if (!/^1[3-9]\d{9}$/.test(phone)) {
      say('手机号格式不正确，应为 11 位中国大陆手机号', true);
      return;
    }
    localStorage.setItem(SIM_KEY, JSON.stringify(phone));
    say('', false);
    show();
    refreshInbox();
  });

  $('sms-change').addEventListener('click', function () {
    localStorage.removeItem(SIM_KEY);
    show();
    refreshInbox();
  });

  function two(n) { return (n < 10 ? '0' : '') + n; }
  function when(iso) {
    var date = new Date(iso);
    var now = new Date();
    var time = two(date.getHours()) + ':' + two(date.getMinutes());
    if (date.toDateString() === now.toDateString()) return time;
    return (date.getMonth() + 1) + '月' + date.getDate() + '日 ' + time;
  }
  /** The sender signs the message in its last 【】. */
  function sender(text) {
    var match = /【([^【】]+)】\s*$/.exec(text);
    return match ? match[1] : '短信';
  }

  function copy(text, node) {
    var done = function () { say('已复制', false); };
    var select = function () {
      var range = document.createRange();
      range.selectNodeContents(node);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      say('已选中短信内容，请复制', false);
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, select);
    else select();
  }

  function messageItem(message) {
    var item = document.createElement('li');
    item.className = 'sms-item';
    var head = document.createElement('div');
    head.className = 'sms-meta';
    var from = document.createElement('span');
    from.className = 'sms-from';
    from.textContent = sender(message.text);
    var kind = document.createElement('span');
    kind.className = 'sms-kind';
    kind.textContent = KIND_LABELS[message.kind] || '';
    var time = document.createElement('time');
    time.dateTime = message.sentAt;
    time.textContent = when(message.sentAt);
    head.append(from, kind, time);
    var body = document.createElement('p');
    body.className = 'sms-text';
    body.textContent = message.text;
    var code = message.kind === 'login-code' ? /验证码为：(\d{6})/.exec(message.text) : null;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'link sms-copy';
    button.textContent = code ? '复制验证码' : '复制';
    button.addEventListener('click', function () { copy(code ? code[1] : message.text, body); });
    item.append(head, body, button);
    return item;
  }

  /** Newest on top. Only new messages are added, so a selection in progress is never disturbed. */
  function render(messages) {
    var list = $('sms-list');
    var keep = new Set(messages.map(function (m) { return m.id; }));
    rendered.forEach(function (item, id) {
      if (!keep.has(id)) { item.remove(); rendered.delete(id); }
    });
    messages.forEach(function (message, index) {
      var item = rendered.get(message.id);
      if (!item) {
        item = messageItem(message);
        rendered.set(message.id, item);
      }
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null);
    });
    $('sms-empty').hidden = messages.length > 0;
  }

  function updateUnread(messages, phone) {
    var seen = read(SEEN_KEY) || {};
    var newest = messages.length ? messages[0].sentAt : '';
    if (tab === 'sms' && newest && seen[phone] !== newest) {
      seen[phone] = newest;
      localStorage.setItem(SEEN_KEY, JSON.stringify(seen));
    }
    var unread = messages.filter(function (m) { return !seen[phone] || m.sentAt > seen[phone]; }).length;
    var badge = $('sms-unread');
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
  }

  async function refreshInbox() {
    var phone = simPhone();
    if (phone !== inboxPhone) {
      inboxPhone = phone;
      rendered.forEach(function (item) { item.remove(); });
      rendered.clear();
      $('sms-unread').hidden = true;
    }
    if (!phone || refreshing) return;
    refreshing = true;
    try {
      var inbox = await request('/api/phone/sms?phone=' + encodeURIComponent(phone), { headers: { accept: 'application/json' } });
      if (phone !== simPhone()) return;
      render(inbox.messages);
      updateUnread(inbox.messages, phone);
    } catch (error) {
      if (tab === 'sms') say(error.message, true);
    } finally {
      refreshing = false;
    }
  }

  setInterval(function () { if (!document.hidden) refreshInbox(); }, SMS_REFRESH_MS);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) refreshInbox(); });

  show();
  refreshInbox();
})();
`;
