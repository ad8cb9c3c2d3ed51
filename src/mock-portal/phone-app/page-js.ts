/**
 * The simulated 中国律师身份核验 mini-program: behaviour. Plain browser script, served as its own
 * file; it talks to the portal's /api/phone endpoints and remembers the bound lawyer locally.
 */
export const phonePageJs = String.raw`'use strict';
(function () {
  var STORAGE_KEY = 'mock-12309-phone-lawyer';
  var $ = function (id) { return document.getElementById(id); };
  var pendingSessionId = null;

  function lawyer() {
    try { return JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function say(text, isError) {
    var box = $('message');
    box.textContent = text;
    box.className = isError ? 'message error' : 'message';
    box.hidden = !text;
  }

  async function call(path, body) {
    var response;
    try {
      response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (e) {
      throw new Error('无法连接门户，请检查网络');
    }
    var data = await response.json().catch(function () { return null; });
    if (!response.ok) throw new Error((data && data.error && data.error.message) || ('请求失败（' + response.status + '）'));
    return data;
  }

  function maskPhone(phone) { return phone.slice(0, 3) + '****' + phone.slice(7); }

  function show() {
    var me = lawyer();
    $('activate-view').hidden = !!me;
    $('home-view').hidden = !me;
    if (me) {
      $('home-name').textContent = me.name + ' 律师';
      $('home-phone').textContent = '已绑定手机号 ' + maskPhone(me.phone);
    }
    $('scan-form').hidden = true;
    $('prompt').hidden = true;
  }

  function busy(form, on) {
    Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = on; });
  }

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
      pendingSessionId = result.sessionId;
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
    busy(prompt, true);
    try {
      await call('/api/phone/confirm', { sessionId: pendingSessionId, phone: lawyer().phone, decision: decision });
      prompt.hidden = true;
      pendingSessionId = null;
      say(decision === 'confirm' ? '已确认登录，请在电脑上继续操作' : '已取消登录', false);
    } catch (error) {
      say(error.message, true);
    } finally {
      busy(prompt, false);
    }
  }

  $('confirm').addEventListener('click', function () { decide('confirm'); });
  $('cancel').addEventListener('click', function () { decide('cancel'); });

  show();
})();
`;
