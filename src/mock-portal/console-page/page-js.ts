/**
 * The prosecutor console (检察官控制台): behaviour. Plain browser script, served as its own file;
 * it talks to /api/console and redraws itself every few seconds. Text goes in through textContent
 * only: lawyers' input is never parsed as markup.
 */
export const consolePageJs = String.raw`'use strict';
(function () {
  var REFRESH_MS = 3000;
  var $ = function (id) { return document.getElementById(id); };
  var state = { kind: 'bindings', items: { bindings: [], reviews: [] }, busy: {} };
  var pendingReject = null;
  var pendingPublish = null;

  var statusLabels = { pending: '待审核', approved: '审核通过', rejected: '审核未通过', published: '卷宗已发布' };
  var roleLabels = { defender: '辩护人', agent: '诉讼代理人' };
  var relationLabels = {
    self: '本人', spouse: '配偶', parent: '父母', child: '子女', sibling: '兄弟姐妹',
    'other-relative': '其他近亲属', guardian: '监护人', 'legal-aid': '法律援助',
  };
  var uploadLabels = {
    license: '律师执业证', 'power-of-attorney': '授权委托书', 'legal-aid-letter': '法律援助公函',
    'law-firm-letter': '律师事务所函', 'client-id': '委托人身份证明', 'kinship-proof': '亲属关系证明',
  };

  function say(text, isError) {
    var box = $('message');
    box.textContent = text;
    box.className = isError ? 'message error' : 'message';
    box.hidden = !text;
  }

  async function call(method, path, body) {
    var response;
    try {
      response = await fetch(path, {
        method: method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error('无法连接门户');
    }
    var data = await response.json().catch(function () { return null; });
    if (!response.ok) throw new Error((data && data.error && data.error.message) || ('请求失败（' + response.status + '）'));
    return data;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function cell(lines) {
    var td = el('td');
    lines.forEach(function (line, i) {
      if (line === null || line === undefined || line === '') return;
      td.appendChild(el('div', i === 0 ? '' : 'sub-line', line));
    });
    return td;
  }

  function when(iso) {
    var d = new Date(iso);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function sizeText(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
    return Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function uploadsCell(uploads) {
    var td = el('td');
    var list = el('ul');
    uploads.forEach(function (upload) {
      var li = el('li');
      var a = el('a', '', uploadLabels[upload.kind] || upload.kind);
      a.href = upload.url;
      a.target = '_blank';
      a.rel = 'noopener';
      a.title = upload.fileName + '（' + sizeText(upload.size) + '）';
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!uploads.length) td.appendChild(el('span', 'muted', '无'));
    else td.appendChild(list);
    return td;
  }

  function statusCell(item) {
    var td = el('td');
    var label = item.publishing ? '卷宗生成中…' : statusLabels[item.status] || item.status;
    td.appendChild(el('span', 'status ' + (item.publishing ? 'approved' : item.status), label));
    if (item.status === 'rejected' && item.rejectReason) td.appendChild(el('div', 'sub-line', '原因：' + item.rejectReason));
    if (item.dossier) {
      td.appendChild(el('div', 'sub-line', item.dossier.pages + ' 页 · ' + sizeText(item.dossier.size)));
      td.appendChild(el('div', 'sub-line', '发布于 ' + when(item.dossier.publishedAt)));
    }
    if (item.reviewedAt) td.appendChild(el('div', 'sub-line', '审核于 ' + when(item.reviewedAt)));
    return td;
  }

  function button(text, className, action, item) {
    var b = el('button', className, text);
    b.type = 'button';
    b.dataset.action = action;
    b.dataset.id = item.id;
    b.disabled = !!state.busy[item.id] || !!item.publishing;
    return b;
  }

  function opsCell(kind, item) {
    var td = el('td');
    var ops = el('div', 'ops');
    if (item.status === 'pending') {
      ops.appendChild(button('通过', 'approve', 'approve', item));
      ops.appendChild(button('不通过', 'danger', 'reject', item));
    } else if (kind === 'reviews' && item.status === 'approved') {
      ops.appendChild(button('发布卷宗', 'primary', 'publish', item));
    } else {
      ops.appendChild(el('span', 'muted', '—'));
    }
    td.appendChild(ops);
    return td;
  }

  function row(kind, item) {
    var tr = el('tr');
    tr.dataset.id = item.id;
    tr.dataset.status = item.status;
    tr.appendChild(cell([when(item.createdAt)]));
    tr.appendChild(cell([item.lawyer.name, item.lawyer.lawFirm, '执业证号 ' + item.lawyer.licenseNumber]));
    tr.appendChild(cell([item.unit.name]));
    tr.appendChild(cell([
      item.caseName,
      item.departmentCaseNo ? '受案号 ' + item.departmentCaseNo : null,
      item.suspectName ? '犯罪嫌疑人 ' + item.suspectName : null,
    ]));
    tr.appendChild(cell([roleLabels[item.role] || item.role]));
    tr.appendChild(cell([item.clientName, relationLabels[item.clientRelation] || item.clientRelation]));
    tr.appendChild(uploadsCell(item.uploads));
    tr.appendChild(statusCell(item));
    tr.appendChild(opsCell(kind, item));
    return tr;
  }

  function render() {
    var filter = $('status-filter').value;
    ['bindings', 'reviews'].forEach(function (kind) {
      var items = state.items[kind];
      var pending = items.filter(function (i) { return i.status === 'pending'; }).length;
      $('count-' + kind).textContent = pending ? String(pending) : '';
      var shown = items.filter(function (i) { return !filter || i.status === filter; });
      var body = $('rows-' + kind);
      body.replaceChildren.apply(body, shown.map(function (item) { return row(kind, item); }));
      $('empty-' + kind).hidden = shown.length > 0;
      $('panel-' + kind).hidden = kind !== state.kind;
      $('tab-' + kind).setAttribute('aria-selected', kind === state.kind ? 'true' : 'false');
    });
    Array.prototype.forEach.call($('status-filter').options, function (option) {
      option.hidden = option.dataset.only !== undefined && option.dataset.only !== state.kind;
    });
  }

  async function refresh() {
    try {
      var lists = await Promise.all([call('GET', '/api/console/bindings'), call('GET', '/api/console/reviews')]);
      state.items.bindings = lists[0].items;
      state.items.reviews = lists[1].items;
      $('updated').textContent = '更新于 ' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
      render();
    } catch (error) {
      say(error.message, true);
    }
  }

  function find(id) {
    return state.items[state.kind].filter(function (i) { return i.id === id; })[0];
  }

  async function act(id, run, done) {
    state.busy[id] = true;
    render();
    try {
      await run();
      say(done, false);
    } catch (error) {
      say(error.message, true);
    } finally {
      delete state.busy[id];
      await refresh();
    }
  }

  function subject(item) {
    return item.lawyer.name + ' · ' + item.caseName + ' · ' + item.unit.shortName;
  }

  document.addEventListener('click', function (event) {
    var target = event.target.closest('button[data-action]');
    if (!target) return;
    var item = find(target.dataset.id);
    if (!item) return;
    var kind = state.kind;
    var base = '/api/console/' + kind + '/' + encodeURIComponent(item.id);
    if (target.dataset.action === 'approve') {
      act(item.id, function () { return call('POST', base + '/approve'); }, '已审核通过，短信已发送给律师');
    } else if (target.dataset.action === 'reject') {
      pendingReject = { kind: kind, item: item };
      $('reject-subject').textContent = subject(item);
      $('reject-form').reset();
      $('reject-dialog').showModal();
    } else if (target.dataset.action === 'publish') {
      pendingPublish = item;
      $('publish-subject').textContent = subject(item);
      $('publish-form').reset();
      $('publish-dialog').showModal();
    }
  });

  $('reject-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var reason = String(new FormData(event.currentTarget).get('reason') || '').trim();
    if (reason.length < 2) { say('请填写不通过原因（2–200 字）', true); return; }
    var target = pendingReject;
    $('reject-dialog').close();
    pendingReject = null;
    if (!target) return;
    var base = '/api/console/' + target.kind + '/' + encodeURIComponent(target.item.id);
    act(target.item.id, function () { return call('POST', base + '/reject', { reason: reason }); }, '已审核不通过，短信已发送给律师');
  });

  $('publish-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = String(new FormData(event.currentTarget).get('pages') || '').trim();
    if (text && !/^\d+$/.test(text)) { say('卷宗页数须为整数', true); return; }
    var item = pendingPublish;
    $('publish-dialog').close();
    pendingPublish = null;
    if (!item) return;
    var body = text ? { pages: Number(text) } : {};
    say('正在生成卷宗…', false);
    act(item.id, function () { return call('POST', '/api/console/reviews/' + encodeURIComponent(item.id) + '/publish', body); },
      '卷宗已发布，下载密码和文档打开密码已短信发送给律师');
  });

  $('reject-cancel').addEventListener('click', function () { pendingReject = null; $('reject-dialog').close(); });
  $('publish-cancel').addEventListener('click', function () { pendingPublish = null; $('publish-dialog').close(); });

  Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (tab) {
    tab.addEventListener('click', function () {
      state.kind = tab.dataset.kind;
      var filter = $('status-filter');
      if (state.kind === 'bindings' && filter.value === 'published') filter.value = '';
      say('', false);
      render();
    });
  });
  $('status-filter').addEventListener('change', render);
  $('refresh').addEventListener('click', refresh);

  refresh();
  setInterval(function () { if (!document.hidden) refresh(); }, REFRESH_MS);
})();
`;
