/**
 * The review site's stylesheet and scripts, written as files beside the pages (the CSP allows `'self'` only,
 * no inline code). The scripts write report content with textContent only, never as HTML, and follow no link
 * that names a scheme.
 */
export const PAGE_CSS = `
:root { --ref: #dbeafe; --date: #dcfce7; --metric: #fef3c7; --ev: #dc2626; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #111; background: #fafafa; }
header { padding: 8px 16px; background: #1e293b; color: #fff; }
header h1 { margin: 0; font-size: 18px; }
header .muted { color: #cbd5e1; }
main { margin-right: 340px; padding: 8px 16px; }
#panel { position: fixed; right: 0; top: 0; bottom: 0; width: 330px; overflow: auto; padding: 12px; background: #fff; border-left: 1px solid #ddd; }
#panel dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 0; }
#panel dt { font-weight: 600; color: #475569; }
#panel dd { margin: 0; word-break: break-word; }
#panel .fact { border-bottom: 1px solid #eee; padding: 6px 0; }
.muted { color: #64748b; }
section.report { background: #fff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
pre.text { white-space: pre-wrap; font: 14px/1.7 system-ui, 'DejaVu Sans', sans-serif; background: #f8fafc; padding: 8px; border-radius: 4px; }
.hl { border-radius: 2px; cursor: pointer; }
.k-reference { background: var(--ref); }
.k-date { background: var(--date); }
.k-metric { background: var(--metric); }
.k-reference.k-date { background: linear-gradient(var(--ref), var(--date)); }
.ev { text-decoration: underline wavy var(--ev); text-underline-offset: 3px; }
.hl.active { outline: 2px solid #2563eb; }
.anchor:target + .hl, .anchor:target + span { outline: 3px solid var(--ev); }
ol.findings { padding-left: 20px; }
.finding { margin: 4px 0; }
.finding .sev { font-weight: 700; text-transform: uppercase; font-size: 11px; padding: 1px 4px; border-radius: 3px; color: #fff; background: #64748b; }
.sev-error .sev { background: #b91c1c; }
.sev-warning .sev { background: #d97706; }
.finding .vi { color: #334155; font-style: italic; }
ul.evidence { margin: 2px 0; padding-left: 18px; font-size: 12px; }
.serieslist { display: flex; flex-wrap: wrap; gap: 12px; }
.series { border: 1px solid #e2e8f0; border-radius: 4px; padding: 6px; background: #fff; }
.series h4 { margin: 0 0 4px; font-size: 12px; }
.series table, table.facts { border-collapse: collapse; font-size: 12px; }
.series td, .series th, table.facts td, table.facts th { border: 1px solid #e2e8f0; padding: 1px 6px; }
td.num { text-align: right; }
svg.spark polyline { fill: none; stroke: #2563eb; stroke-width: 2; }
svg.spark circle { fill: #2563eb; }
svg.spark .axis { stroke: #cbd5e1; }
svg.spark .lbl { font-size: 9px; fill: #64748b; }
a { color: #1d4ed8; }
header h1 a { color: #fff; text-decoration: none; }
body.index-page main, body.agency-page main { margin-right: 0; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; background: #fff; border: 1px solid #e2e8f0; border-radius: 6px; padding: 8px 12px; position: sticky; top: 0; z-index: 1; }
form.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 8px; }
form.filters legend { font-weight: 600; color: #475569; float: left; margin-right: 4px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #475569; }
form.filters fieldset label { flex-direction: row; gap: 2px; align-items: center; }
form.filters select { max-width: 260px; }
form.filters .grow { flex: 1 1 280px; }
form.filters input[type=search] { width: 100%; padding: 4px; }
.count { font-weight: 400; color: #64748b; font-size: 14px; }
.place { color: #475569; font-size: 11px; }
.finding .where { font-size: 12px; color: #475569; }
dl.fdetails { display: grid; grid-template-columns: auto 1fr; gap: 0 8px; margin: 2px 0; font-size: 12px; }
dl.fdetails dt { color: #475569; }
dl.fdetails dd { margin: 0; }
table.index { border-collapse: collapse; font-size: 13px; background: #fff; width: 100%; }
table.index td, table.index th { border: 1px solid #e2e8f0; padding: 2px 6px; text-align: left; vertical-align: top; }
table.index .docmeta { display: block; font-size: 12px; font-weight: 400; }
table.index .file { display: block; color: #64748b; font-size: 11px; }
table.index button.fc { border: 0; background: none; color: #1d4ed8; cursor: pointer; padding: 0; font: inherit; text-decoration: underline; }
table.index td.zero { color: #cbd5e1; }
.series .key { font-size: 10px; }
#searchnote { font-size: 12px; color: #64748b; }
.docmeta { margin: 0; font-weight: 600; color: #334155; }
.meta.source { font-size: 12px; color: #64748b; }
nav.parts { margin: 8px 0; padding: 4px 8px; background: #f1f5f9; border-radius: 4px; font-size: 13px; }
nav.parts a, nav.parts strong { margin: 0 2px; }
`;

export const REPORT_JS = `
(function () {
  'use strict';
  // this part's facts by number, and the titles of their sections (report-page.ts factData)
  var all = JSON.parse(document.getElementById('facts-data').textContent);
  var data = all.f || {}, sections = all.s || {};
  var rid = (document.getElementById('report') || { getAttribute: function () { return ''; } }).getAttribute('data-id') || '';
  var panel = document.getElementById('panel');
  var active = [];
  function row(dl, k, v) {
    if (v === null || v === undefined || v === '') return;
    var dt = document.createElement('dt'); dt.textContent = k;
    var dd = document.createElement('dd'); dd.textContent = String(v);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function show(el) {
    var ids = (el.getAttribute('data-f') || '').split(' ').filter(Boolean);
    active.forEach(function (a) { a.classList.remove('active'); });
    active = [el]; el.classList.add('active');
    panel.textContent = '';
    ids.forEach(function (i) {
      var f = data[Number(i)];
      if (!f) return;
      var box = document.createElement('div'); box.className = 'fact';
      var h = document.createElement('strong'); h.textContent = f.k; box.appendChild(h);
      var dl = document.createElement('dl');
      row(dl, 'text', f.t); row(dl, 'value', f.v); row(dl, 'unit', f.u); row(dl, 'reading', f.rd); row(dl, 'rule', f.r);
      row(dl, 'page', f.p); row(dl, 'line', f.l); row(dl, 'section', f.s !== undefined ? sections[f.s] : null);
      Object.keys(f.x || {}).forEach(function (k) { row(dl, k, f.x[k]); });
      row(dl, 'id', typeof f.id === 'string' && f.id.charAt(0) === ':' ? rid + f.id : f.id);
      box.appendChild(dl); panel.appendChild(box);
    });
    panel.setAttribute('data-shown', ids.join(' '));
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    while (t && t !== document && !(t.getAttribute && t.getAttribute('data-f') !== null)) t = t.parentNode;
    if (!t || t === document) return;
    show(t);
  });
  document.addEventListener('keydown', function (ev) {
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target && ev.target.getAttribute && ev.target.getAttribute('data-f') !== null) { ev.preventDefault(); show(ev.target); }
  });
  document.addEventListener('focusin', function (ev) {
    if (ev.target && ev.target.getAttribute && ev.target.getAttribute('data-f') !== null && ev.target.classList.contains('hl')) show(ev.target);
  });
  function fromHash() {
    var m = /^#fact-(\\d+)$/.exec(location.hash);
    if (!m) return;
    var el = document.querySelector('.hl[data-f~="' + m[1] + '"]');
    if (el) { el.scrollIntoView({ block: 'center' }); show(el); }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
`;

export const INDEX_JS = `
(function () {
  'use strict';
  var shards = [], fshards = [], texts = [];
  var R = [], F = [], T = [], FH = [], RH = [];
  var textState = 0; // 0 not asked, 1 loading, 2 loaded
  var PAGE = 100, limitF = PAGE, limitR = PAGE;
  var SEV = ['error', 'warning', 'info'];
  window.RM = {
    reports: function (n, rows) { shards[n] = rows; },
    findings: function (n, rows) { fshards[n] = rows; },
    text: function (n, list) { texts[n] = list; if (textState === 1) textArrived(); }
  };
  function fold(s) {
    return String(s || '').toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/\\u0111/g, 'd').replace(/\\s+/g, ' ');
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  /** only links to the site's own files: anything naming a scheme (javascript:, http:, data:) is dropped */
  function safeHref(h) { return typeof h === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(h) && h.indexOf('//') !== 0 ? h : null; }
  function link(href, text) {
    var h = safeHref(href);
    var a = el(h ? 'a' : 'span', null, text);
    if (h) a.setAttribute('href', h);
    return a;
  }
  function reportLabel(r) { return (r.a || r.p) + (r.y !== null ? ' ' + r.y : ''); }
  function group(n) { return String(n).replace(/\\B(?=(\\d{3})+$)/g, '.'); }
  function option(sel, value, text) { var o = el('option', null, text); o.value = value; sel.appendChild(o); }

  function start() {
    var root = $('index');
    if (!root) return;
    shards.forEach(function (rows) { rows.forEach(function (r) { R.push(r); }); });
    fshards.forEach(function (rows) { rows.forEach(function (f) { F.push(f); }); });
    var byReport = R.map(function () { return []; });
    F.forEach(function (f, i) {
      var r = R[f.r];
      byReport[f.r].push(i);
      FH[i] = fold([f.m, f.v, f.u, (f.e || []).map(function (e) { return e[0]; }).join(' '), r.t, r.a, r.pv, r.p].join(' \\u0001 '));
    });
    R.forEach(function (r, i) {
      RH[i] = fold([r.t, r.d, r.a, r.pv, r.p, r.id].join(' \\u0001 ')) + ' \\u0001 ' + byReport[i].map(function (fi) { return fold(F[fi].m + ' ' + (F[fi].v || '')); }).join(' \\u0001 ');
    });
    var rules = {}, agencies = {}, years = {};
    F.forEach(function (f) { rules[f.u] = (rules[f.u] || 0) + 1; });
    R.forEach(function (r) { if (r.a) agencies[r.a] = (agencies[r.a] || 0) + 1; if (r.y !== null) years[r.y] = (years[r.y] || 0) + 1; });
    Object.keys(rules).sort().forEach(function (k) { option($('f-rule'), k, k + ' (' + group(rules[k]) + ')'); });
    Object.keys(agencies).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (k) { option($('f-agency'), k, k + ' (' + group(agencies[k]) + ')'); });
    Object.keys(years).sort().forEach(function (k) { option($('f-year'), k, k + ' (' + group(years[k]) + ')'); });
    R.forEach(function (r, i) { if (byReport[i].length) option($('f-report'), String(i), reportLabel(r) + ' — ' + (r.p.split('/').pop()) + ' (' + byReport[i].length + ')'); });
    var form = $('filters');
    form.addEventListener('input', function () { limitF = PAGE; limitR = PAGE; render(); });
    form.addEventListener('change', function () { limitF = PAGE; limitR = PAGE; render(); });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(function () { limitF = PAGE; limitR = PAGE; render(); }, 0); });
    $('more-findings').addEventListener('click', function () { limitF += PAGE; render(); });
    $('more-reports').addEventListener('click', function () { limitR += PAGE; render(); });
    root.setAttribute('data-ready', '1');
    render();
  }

  function loadTexts() {
    if (textState !== 0) return;
    textState = 1;
    var n = Number($('index').getAttribute('data-text-shards'));
    var folder = $('index').getAttribute('data-folder');
    if (n === 0) { textState = 2; return; }
    for (var i = 0; i < n; i++) {
      var s = document.createElement('script');
      s.src = folder + '/data/text-' + String(i).padStart(3, '0') + '.js';
      document.body.appendChild(s);
    }
  }
  function textArrived() {
    var n = Number($('index').getAttribute('data-text-shards'));
    for (var i = 0; i < n; i++) if (!texts[i]) return;
    // [report, piece] pairs: a long search text comes in several pieces, in order
    texts.forEach(function (list) { list.forEach(function (p) { T[p[0]] = (T[p[0]] || '') + p[1]; }); });
    textState = 2;
    render();
  }

  function state() {
    var sev = {};
    Array.prototype.forEach.call(document.querySelectorAll('input[name=sev]'), function (c) { if (c.checked) sev[c.value] = 1; });
    var q = fold($('q').value).trim();
    return { sev: sev, allSev: Object.keys(sev).length === 3, rule: $('f-rule').value, agency: $('f-agency').value, year: $('f-year').value, report: $('f-report').value, words: q ? q.split(' ') : [] };
  }
  function has(h, words) { for (var i = 0; i < words.length; i++) if (h.indexOf(words[i]) < 0) return false; return true; }
  function reportPasses(i, st) {
    var r = R[i];
    if (st.agency && r.a !== st.agency) return false;
    if (st.year && String(r.y) !== st.year) return false;
    if (st.report && String(i) !== st.report) return false;
    return true;
  }

  function render() {
    var st = state();
    if (st.words.length) loadTexts();
    var fShown = [], rWithF = {};
    F.forEach(function (f, i) {
      if (!st.sev[String(f.s)]) return;
      if (st.rule && f.u !== st.rule) return;
      if (!reportPasses(f.r, st)) return;
      rWithF[f.r] = 1;
      if (st.words.length && !has(FH[i], st.words)) return;
      fShown.push(i);
    });
    var filteringFindings = !st.allSev || !!st.rule;
    var rShown = [];
    R.forEach(function (r, i) {
      if (!reportPasses(i, st)) return;
      if (filteringFindings && !rWithF[i]) return;
      if (st.words.length && !has(RH[i], st.words) && !(T[i] && has(T[i], st.words))) return;
      rShown.push(i);
    });
    $('n-findings').textContent = group(fShown.length) + ' of ' + group(F.length);
    $('n-reports').textContent = group(rShown.length) + ' of ' + group(R.length) + (st.words.length && textState === 1 ? ' (reading the search texts…)' : '');
    var list = $('findings');
    list.textContent = '';
    fShown.slice(0, limitF).forEach(function (i) {
      var f = F[i], r = R[f.r];
      var li = el('li', 'finding sev-' + SEV[f.s]);
      li.appendChild(el('span', 'sev', SEV[f.s]));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('code', null, f.u));
      li.appendChild(document.createTextNode(' ' + f.m));
      if (f.c !== undefined) li.appendChild(el('span', 'muted', ' (confidence ' + f.c + ')'));
      if (f.v) li.appendChild(el('div', 'vi', f.v));
      var where = el('div', 'where');
      where.appendChild(link(r.h, reportLabel(r)));
      where.appendChild(document.createTextNode(' · ' + (r.t || r.p)));
      li.appendChild(where);
      var ul = el('ul', 'evidence');
      (f.e || []).forEach(function (e) {
        var eli = el('li');
        var a = link(e[2], e[0] || '(evidence)'); a.className = 'evlink';
        eli.appendChild(a);
        if (e[1]) eli.appendChild(el('span', 'place', ' ' + e[1]));
        ul.appendChild(eli);
      });
      li.appendChild(ul);
      list.appendChild(li);
    });
    $('more-findings').hidden = fShown.length <= limitF;
    var body = $('report-rows');
    body.textContent = '';
    rShown.slice(0, limitR).forEach(function (i) {
      var r = R[i];
      var tr = el('tr');
      tr.setAttribute('data-r', String(i));
      tr.appendChild(el('td', null, r.a + (r.pv && r.a.indexOf(r.pv) < 0 ? ' (' + r.pv + ')' : '')));
      tr.appendChild(el('td', null, r.y));
      var td = el('td');
      td.appendChild(link(r.h, r.t || r.p));
      if (r.d) td.appendChild(el('span', 'docmeta', r.d));
      td.appendChild(el('span', 'file', r.p + (r.x ? '' : ' · text not available') + (r.np > 1 ? ' · ' + r.np + ' parts' : '')));
      tr.appendChild(td);
      tr.appendChild(el('td', 'num', r.n.map(group).join(' / ')));
      r.f.forEach(function (c, s) {
        var cell = el('td', c ? 'num' : 'num zero');
        if (c) {
          var b = el('button', 'fc', group(c));
          b.type = 'button';
          b.title = 'show the ' + SEV[s] + ' findings of this report';
          b.addEventListener('click', function () {
            $('f-report').value = String(i);
            Array.prototype.forEach.call(document.querySelectorAll('input[name=sev]'), function (x) { x.checked = x.value === String(s); });
            limitF = PAGE; render();
            $('overview').scrollIntoView({ block: 'start' });
          });
          cell.appendChild(b);
        } else cell.textContent = '0';
        tr.appendChild(cell);
      });
      body.appendChild(tr);
    });
    $('more-reports').hidden = rShown.length <= limitR;
  }
  document.addEventListener('DOMContentLoaded', start);
})();
`;
