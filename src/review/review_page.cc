#include "review/review_page.h"

#include <string_view>

#include "review/review_server.h"

namespace tmalign {
namespace {

// Placeholders: @NONCE@, @CONNECT@ (CSP connect-src), @DATA@ (view JSON or null).
// Text from the TM only ever reaches the DOM through textContent / createTextNode.
constexpr std::string_view kTemplate = R"page(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tmalign review</title>
<style nonce="@NONCE@">
:root { --line: #d8dbe0; --muted: #5f6670; --focus: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; color: #1d2430; background: #f6f7f9; }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid var(--line); padding: 8px 16px; }
h1 { font-size: 18px; margin: 0; }
#meta, #keys, #counts { color: var(--muted); font-size: 13px; }
.controls { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0 2px; }
.controls input[type=number] { width: 5em; }
button { font: inherit; font-size: 13px; padding: 1px 8px; border: 1px solid #b8bec8; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover { background: #eef2f8; }
button:disabled { opacity: .45; cursor: default; }
#banner { margin-top: 6px; padding: 6px 10px; border-radius: 4px; background: #fde8e8; border: 1px solid #e5a3a3; }
#banner[hidden] { display: none; }
main { padding: 8px 16px 40px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
th { text-align: left; font-size: 13px; color: var(--muted); border-bottom: 2px solid var(--line); padding: 4px 8px; }
th.info { width: 9.5em; } th.findings { width: 18%; }
td { vertical-align: top; border-bottom: 1px solid var(--line); padding: 6px 8px; overflow-wrap: anywhere; }
tr.bead.focus td { background: #eef4ff; }
tr.bead.focus td.info { box-shadow: inset 4px 0 0 var(--focus); }
tr.bead.reviewed td.info { box-shadow: inset 4px 0 0 #2f9e44; }
tr.bead.focus.reviewed td.info { box-shadow: inset 4px 0 0 var(--focus); }
.pos { font-weight: 600; }
.conf { display: inline-block; min-width: 3.2em; text-align: center; border-radius: 3px; font-variant-numeric: tabular-nums; font-size: 13px; }
.type { display: inline-block; margin-left: 6px; font-size: 13px; color: var(--muted); }
.ok { color: #2f9e44; font-size: 13px; }
.actions { margin-top: 4px; display: flex; flex-wrap: wrap; gap: 4px; }
td.zh { font-size: 16px; }
.sent { border-radius: 3px; }
.editable .sent:hover { background: #fff6d6; cursor: text; }
.sent + .sent::before { content: " "; }
td.zh .sent + .sent::before { content: ""; }
td.zh .sent + .sent, td.zh .cut + .sent { border-left: 1px dotted #b8bec8; padding-left: 2px; }
button.cut { padding: 0 3px; margin: 0 2px; font-size: 11px; line-height: 1.2; color: #8a5a00; border-color: #e0c68a; }
.tools { margin-top: 3px; display: flex; gap: 4px; flex-wrap: wrap; }
.tools button { font-size: 12px; color: var(--muted); }
mark.term { background: #e3ecff; border-bottom: 2px solid #6b8fe0; color: inherit; padding: 0 1px; }
mark.approved { background: #e2f5e6; border-bottom: 2px solid #2f9e44; color: inherit; }
mark.variant { background: #fff4cc; border-bottom: 2px solid #d9a400; color: inherit; }
mark.case, mark.forbidden { background: #fde2e2; border-bottom: 2px solid #d33; color: inherit; text-decoration: line-through #d33; }
mark.case { text-decoration: none; }
ul.findings { margin: 0; padding-left: 1.1em; font-size: 13px; }
li.error { color: #b42318; } li.warning { color: #8a5a00; }
textarea.editbox { width: 100%; font: inherit; }
.readonly .edit, .readonly .actions, .readonly .tools, .readonly button.cut { display: none; }
@media print { header { position: static; } .controls, #keys { display: none; } }
</style>
</head>
<body>
<header>
<h1 id="title">tmalign review</h1>
<div id="meta"></div>
<div class="controls">
<label><input type="checkbox" id="weakOnly"> only beads under confidence</label>
<input type="number" id="threshold" min="0" max="1" step="0.05" value="0.5" aria-label="confidence threshold">
<label><input type="checkbox" id="hideReviewed"> hide reviewed</label>
<button id="prevWeak" title="previous weak bead (k)">&#9664; weak</button>
<button id="nextWeak" title="next weak bead (j)">weak &#9654;</button>
<button id="undo" class="edit" title="undo the last edit (u)">Undo</button>
<span id="counts"></span>
</div>
<div id="keys">Keys: <b>j</b>/<b>k</b> next/previous weak bead &middot; <span class="edit"><b>m</b> merge with next &middot; <b>s</b> split &middot; <b>r</b> reviewed &middot; <b>u</b> undo &middot; double-click a sentence to edit it &middot; &#9986; splits a bead there</span></div>
<div id="banner" role="alert" hidden><span id="bannerText"></span> <button id="reload">Reload</button></div>
</header>
<main>
<table>
<thead><tr><th class="info">bead</th><th lang="zh">中文</th><th>English</th><th class="findings">terminology</th></tr></thead>
<tbody id="rows"></tbody>
</table>
</main>
<script type="application/json" id="data">@DATA@</script>
<script nonce="@NONCE@">
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const embedded = JSON.parse($('data').textContent);
  const editable = embedded === null;
  const token = new URLSearchParams(location.search).get('token') || '';
  let view = embedded;
  let focus = -1;  // index into view.beads
  let busy = false;

  document.body.classList.add(editable ? 'editable' : 'readonly');

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(cls, label, title, fn) {
    const b = el('button', cls, label);
    b.type = 'button';
    if (title) b.title = title;
    b.addEventListener('click', (ev) => { ev.stopPropagation(); fn(); });
    return b;
  }
  function threshold() {
    const v = parseFloat($('threshold').value);
    return isNaN(v) ? 0.5 : v;
  }
  function visible(b) {
    if ($('weakOnly').checked && !(b.confidence < threshold())) return false;
    if ($('hideReviewed').checked && b.reviewed) return false;
    return true;
  }
  function weak(b) { return b.confidence < threshold() && !b.reviewed; }
  function sentenceText(s) { return s.segs.map((g) => g.t).join(''); }

  function showBanner(message, reload) {
    $('bannerText').textContent = message;
    $('reload').hidden = !reload;
    $('banner').hidden = false;
  }
  function hideBanner() { $('banner').hidden = true; }

  function sideCell(b, i, side) {
    const td = el('td', side);
    td.lang = side;
    const sents = b[side];
    sents.forEach((s, k) => {
      const sp = el('span', 'sent');
      sp.dataset.index = k;
      for (const g of s.segs) {
        if (g.k) {
          const m = el('mark', 'term ' + g.k, g.t);
          if (g.k !== 'term') m.classList.remove('term');
          m.title = g.title || '';
          sp.appendChild(m);
        } else {
          sp.appendChild(document.createTextNode(g.t));
        }
      }
      if (editable) {
        sp.title = 'double-click to edit';
        sp.addEventListener('dblclick', (ev) => { ev.stopPropagation(); startEdit(b, side, k, sp); });
      }
      td.appendChild(sp);
      if (editable && k + 1 < sents.length) {
        td.appendChild(button('cut', '\u2702', 'split the bead after this sentence', () => splitAt(b, side, k + 1)));
      }
    });
    if (editable && sents.length) {
      const tools = el('div', 'tools');
      if (i > 0) tools.appendChild(button('move-first', '\u2191 first', 'move the first sentence to the previous bead',
          () => edit({op: 'move_first', position: b.position, side: side})));
      if (i + 1 < view.beads.length) tools.appendChild(button('move-last', '\u2193 last', 'move the last sentence to the next bead',
          () => edit({op: 'move_last', position: b.position, side: side})));
      td.appendChild(tools);
    }
    return td;
  }

  function row(b, i) {
    const tr = el('tr', 'bead');
    tr.id = 'bead-' + b.position;
    tr.dataset.index = i;
    if (i === focus) tr.classList.add('focus');
    if (b.reviewed) tr.classList.add('reviewed');
    if (weak(b)) tr.classList.add('weak');
    tr.addEventListener('click', () => setFocus(i, false));

    const info = el('td', 'info');
    info.appendChild(el('span', 'pos', '#' + b.position));
    info.appendChild(el('span', 'type', b.type));
    const conf = el('div', 'conf', b.confidence.toFixed(2));
    const hue = Math.round(Math.max(0, Math.min(1, b.confidence)) * 120);
    conf.style.backgroundColor = 'hsl(' + hue + ', 70%, 80%)';
    conf.title = 'confidence (red: unsure, green: sure)';
    info.appendChild(conf);
    if (b.reviewed) info.appendChild(el('div', 'ok', '\u2713 reviewed'));
    if (editable) {
      const actions = el('div', 'actions');
      if (i + 1 < view.beads.length) actions.appendChild(button('merge', 'merge \u2193', 'merge with the next bead (m)',
          () => edit({op: 'merge', position: b.position})));
      if (b.zh.length + b.en.length > 1) actions.appendChild(button('split', 'split', 'split this bead (s)', () => splitDefault(b)));
      actions.appendChild(button('review', b.reviewed ? 'unmark' : '\u2713 ok', 'mark reviewed (r)',
          () => edit({op: 'reviewed', position: b.position, reviewed: !b.reviewed})));
      info.appendChild(actions);
    }
    tr.appendChild(info);
    tr.appendChild(sideCell(b, i, 'zh'));
    tr.appendChild(sideCell(b, i, 'en'));
    const ft = el('td', 'findings');
    if (b.findings.length) {
      const ul = el('ul', 'findings');
      for (const f of b.findings) {
        let text = f.kind + ': ' + f.term_zh + ' \u2192 ' + f.expected;
        if (f.found) text += ' (found \u201c' + f.found + '\u201d)';
        const li = el('li', f.severity, text);
        li.title = f.suggestion;
        ul.appendChild(li);
      }
      ft.appendChild(ul);
    }
    tr.appendChild(ft);
    return tr;
  }

  function render() {
    const tb = $('rows');
    tb.textContent = '';
    if (!view) return;
    $('title').textContent = view.doc.title || view.doc.id;
    $('meta').textContent = 'document ' + view.doc.id + ' \u00b7 version ' + view.doc.version + ' \u00b7 ' +
        view.doc.src_lang + ' \u2192 ' + view.doc.tgt_lang + ' \u00b7 updated ' + view.doc.updated_at +
        (view.glossary ? ' \u00b7 glossary terms marked' : '');
    let under = 0, reviewed = 0, shown = 0;
    view.beads.forEach((b, i) => {
      if (b.confidence < threshold()) under++;
      if (b.reviewed) reviewed++;
      if (!visible(b)) return;
      shown++;
      tb.appendChild(row(b, i));
    });
    $('counts').textContent = view.beads.length + ' beads \u00b7 ' + under + ' under ' + threshold() + ' \u00b7 ' +
        reviewed + ' reviewed \u00b7 ' + shown + ' shown';
    $('undo').disabled = !editable || !view.undo_depth;
  }

  function setFocus(i, scroll) {
    focus = i;
    for (const tr of document.querySelectorAll('tr.bead.focus')) tr.classList.remove('focus');
    const tr = document.querySelector('tr.bead[data-index="' + i + '"]');
    if (tr) {
      tr.classList.add('focus');
      if (scroll) tr.scrollIntoView({block: 'center'});
    }
  }
  function nextWeak(step) {
    if (!view) return;
    for (let i = focus + step; i >= 0 && i < view.beads.length; i += step) {
      if (weak(view.beads[i]) && visible(view.beads[i])) { setFocus(i, true); return; }
    }
  }

  function splitAt(b, side, k) {
    const other = side === 'zh' ? 'en' : 'zh';
    const n = b[side].length, m = b[other].length;
    const at = {};
    at[side + '_at'] = k;
    at[other + '_at'] = Math.round(k * m / n);
    edit(Object.assign({op: 'split', position: b.position}, at));
  }
  function splitDefault(b) {
    if (b.zh.length > 1) splitAt(b, 'zh', Math.ceil(b.zh.length / 2));
    else if (b.en.length > 1) splitAt(b, 'en', Math.ceil(b.en.length / 2));
    else edit({op: 'split', position: b.position, zh_at: b.zh.length, en_at: 0});
  }

  function startEdit(b, side, k, sp) {
    const box = el('div', 'editor');
    const ta = el('textarea', 'editbox');
    ta.value = sentenceText(b[side][k]);
    ta.rows = 3;
    const save = button('save', 'Save', 'save (Ctrl+Enter)',
        () => edit({op: 'edit_text', position: b.position, side: side, index: k, text: ta.value}));
    const cancel = button('cancel', 'Cancel', 'cancel (Esc)', render);
    ta.addEventListener('keydown', (ev) => {
      ev.stopPropagation();
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); save.click(); }
      if (ev.key === 'Escape') render();
    });
    box.append(ta, save, cancel);
    sp.replaceWith(box);
    ta.focus();
  }

  function api(path) { return path + '?token=' + encodeURIComponent(token); }

  async function edit(body) {
    if (!editable || busy) return;
    busy = true;
    body.version = view.doc.version;
    try {
      let res;
      try {
        res = await fetch(api('api/edit'), {method: 'POST', headers: {'Content-Type': 'application/json'},
                                            body: JSON.stringify(body)});
      } catch (e) {
        showBanner('The review server cannot be reached (is tmalign review still running?).', false);
        return;
      }
      let data = null;
      try { data = await res.json(); } catch (e) { data = null; }
      if (res.ok && data && data.beads) {
        view = data;
        if (focus >= view.beads.length) focus = view.beads.length - 1;
        hideBanner();
        render();
        document.body.dataset.version = view.doc.version;
        return;
      }
      const message = data && data.error ? data.error : 'the server answered HTTP ' + res.status;
      showBanner(res.status === 409 ? message : 'Not saved: ' + message, res.status === 409);
    } finally {
      busy = false;
    }
  }

  async function load() {
    let res, data = null;
    try {
      res = await fetch(api('api/document'));
      data = await res.json();
    } catch (e) {
      showBanner('Could not load the document from the review server.', true);
      return;
    }
    if (!res.ok || !data.beads) {
      showBanner(data && data.error ? data.error : 'HTTP ' + res.status, true);
      return;
    }
    view = data;
    render();
    document.body.dataset.version = view.doc.version;
    document.body.dataset.loaded = 'yes';
  }

  for (const id of ['weakOnly', 'threshold', 'hideReviewed']) $(id).addEventListener('input', render);
  $('nextWeak').addEventListener('click', () => nextWeak(1));
  $('prevWeak').addEventListener('click', () => nextWeak(-1));
  $('undo').addEventListener('click', () => edit({op: 'undo'}));
  $('reload').addEventListener('click', () => location.reload());
  document.addEventListener('keydown', (ev) => {
    const t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    const b = view && focus >= 0 ? view.beads[focus] : null;
    switch (ev.key) {
      case 'j': case 'n': nextWeak(1); break;
      case 'k': case 'p': nextWeak(-1); break;
      case 'm': if (b && editable && focus + 1 < view.beads.length) edit({op: 'merge', position: b.position}); break;
      case 's': if (b && editable && b.zh.length + b.en.length > 1) splitDefault(b); break;
      case 'r': if (b && editable) edit({op: 'reviewed', position: b.position, reviewed: !b.reviewed}); break;
      case 'u': if (editable && view && view.undo_depth) edit({op: 'undo'}); break;
      default: return;
    }
    ev.preventDefault();
  });

  if (editable) load();
  else { render(); document.body.dataset.loaded = 'yes'; }
})();
</script>
</body>
</html>
)page";

void ReplaceAll(std::string* text, std::string_view from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

std::string Csp(const std::string& nonce, const char* connect) {
  return "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce +
         "'; connect-src " + connect + "; img-src data:; base-uri 'none'; form-action 'none'";
}

std::string Fill(const std::string& nonce, const std::string& csp, const std::string& data) {
  std::string page(kTemplate);
  // @DATA@ last: the other placeholders never occur in the JSON that replaces it.
  ReplaceAll(&page, "@CSP@", csp);
  ReplaceAll(&page, "@NONCE@", nonce);
  ReplaceAll(&page, "@DATA@", data);
  return page;
}

}  // namespace

std::string JsonForScript(const nlohmann::json& value) {
  const std::string text = value.dump();
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    // Only ever inside JSON strings, where \u escapes mean the same character.
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string ReviewPageCsp(const std::string& nonce) { return Csp(nonce, "'self'"); }

std::string ReviewPageHtml(const std::string& nonce) { return Fill(nonce, ReviewPageCsp(nonce), "null"); }

std::string ReviewReportHtml(const nlohmann::json& view) {
  const std::string nonce = RandomToken();
  return Fill(nonce, Csp(nonce, "'none'"), JsonForScript(view));
}

}  // namespace tmalign
