/** The review page's inline stylesheet and script (the script is allowed by its hash in the page's CSP). */
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
nav ol { columns: 2; font-size: 13px; }
`;

export const PAGE_JS = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('facts-data').textContent);
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
      row(dl, 'text', f.t); row(dl, 'value', f.v); row(dl, 'rule', f.r);
      row(dl, 'span', f.s + '-' + f.e); row(dl, 'page', f.p); row(dl, 'section', f.sec);
      Object.keys(f.x || {}).forEach(function (k) { row(dl, k, f.x[k]); });
      row(dl, 'id', f.id);
      box.appendChild(dl); panel.appendChild(box);
    });
    panel.setAttribute('data-shown', ids.join(' '));
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    while (t && t !== document && !(t.getAttribute && t.getAttribute('data-f') !== null)) t = t.parentNode;
    if (!t || t === document) return;
    if (t.classList.contains('factlink')) {
      var target = document.querySelector('.hl[data-f~="' + t.getAttribute('data-f') + '"]');
      if (target) { ev.preventDefault(); target.scrollIntoView({ block: 'center' }); show(target); }
      return;
    }
    show(t);
  });
  document.addEventListener('keydown', function (ev) {
    if ((ev.key === 'Enter' || ev.key === ' ') && ev.target && ev.target.getAttribute && ev.target.getAttribute('data-f') !== null) { ev.preventDefault(); show(ev.target); }
  });
  document.addEventListener('focusin', function (ev) {
    if (ev.target && ev.target.getAttribute && ev.target.getAttribute('data-f') !== null && ev.target.classList.contains('hl')) show(ev.target);
  });
})();
`;
