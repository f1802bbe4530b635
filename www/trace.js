/* callchart page: every number traceable (a classic script, like app.js).
 *
 *  - Tooltips: hovering or tapping a chart element asks the wasm ChartMap
 *    (the layout the chart was drawn with) which element is under the
 *    pointer; the tooltip shows that fact's detail from analysis.explain().
 *  - Keyboard: each chart has a group of transparent buttons over its
 *    elements (one tab stop; arrow keys move, Enter opens the sentence).
 *  - Transcript pane: analysis.view() (built in Rust from the same parse
 *    as the facts) rendered with every figure as a button; figures and
 *    chart elements select each other.
 *  - Accessibility: each canvas is named by its summary; "Show data" opens
 *    a table of the chart's facts.
 *  - Other figures: the facts no chart draws (explain().other), a table
 *    under the charts whose source cells open the sentence.
 *
 * This file fills in page.trace on app.js's page object (window.callchartPage);
 * app.js calls page.trace.shown(explained, view) when a new analysis is on
 * screen and page.trace.drawn(...) after each chart is drawn. Everything from
 * the transcript reaches the DOM as text (textContent, createTextNode).
 */
(function () {
  'use strict';

  var page = window.callchartPage;
  var L = callchartI18n;
  if (!page) return;

  var KINDS = ['revenue', 'margins', 'guidance'];

  var explained = null;      // analysis.explain() of the analysis shown: details, chart texts
  var view = null;           // analysis.view(), or null (facts from a link)
  var charts = {};           // kind -> { map, regions, dpr, explained, group, buttons, active }
  var marks = {};            // fact index -> [figure buttons in the pane]
  var sentences = [];        // sentence id -> element
  var selected = null;       // { facts: [..] } currently selected
  var tip = null;            // the tooltip element
  var tipAnchor = null;      // element the tooltip is pinned to (repositioned on scroll)

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function label(kind) {
    return explained && explained.charts[kind] ? explained.charts[kind].label : kind;
  }

  // ---- tooltip -------------------------------------------------------------

  function ensureTip() {
    if (tip) return tip;
    tip = el('div', 'tip');
    tip.id = 'cc-tip';
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    // Inside <main>, so that it belongs to a landmark.
    (document.querySelector('main') || document.body).appendChild(tip);
    return tip;
  }

  // The sentence of fact `i` with its figure marked, from the transcript
  // view; the detail's quote when there is no view.
  function sentenceNode(i, detail, own) {
    var q = el('blockquote', 'tip-quote');
    var sid = own && view && view.fact_sentence ? view.fact_sentence[i] : null;
    if (sid != null && view.sentences[sid]) {
      view.sentences[sid].runs.forEach(function (r) {
        if (r.facts && r.facts.indexOf(i) !== -1) q.appendChild(el('mark', null, r.text));
        else q.appendChild(document.createTextNode(r.text));
      });
    } else if (detail.quote) {
      q.textContent = detail.quote;
    } else {
      return null;
    }
    return q;
  }

  // Fills the tooltip with fact `i` of explanation `ex` (the one its chart
  // was drawn from); `label` is what the chart element says.
  function fillTip(ex, i, label) {
    var detail = ex && ex.details[i];
    var t = ensureTip();
    t.textContent = '';
    if (!detail) {
      t.appendChild(el('p', 'tip-title', label || L.t('tip.none')));
      return;
    }
    t.appendChild(el('p', 'tip-title', label || detail.title));
    var dl = el('dl', 'tip-rows');
    detail.rows.forEach(function (row) {
      var d = el('div');
      d.appendChild(el('dt', null, row[0]));
      d.appendChild(el('dd', null, row[1]));
      dl.appendChild(d);
    });
    t.appendChild(dl);
    if (detail.computation) {
      var c = el('p', 'tip-calc');
      c.appendChild(el('span', 'tip-k', L.t('tip.computed')));
      c.appendChild(document.createTextNode(detail.computation + ', from'));
      t.appendChild(c);
    }
    var q = sentenceNode(i, detail, !ex.series);
    if (q) t.appendChild(q);
    if (detail.problems && detail.problems.length) {
      var ul = el('ul', 'tip-problems');
      detail.problems.forEach(function (p) { ul.appendChild(el('li', null, p)); });
      t.appendChild(ul);
    }
    if (detail.line) {
      var where = view ? L.t('tip.line_view', detail.line) : L.t('tip.line', detail.line);
      t.appendChild(el('p', 'tip-src', where));
    }
  }

  // Places the tooltip beside a viewport rectangle, inside the window.
  function placeTip(r) {
    var t = ensureTip();
    t.hidden = false;
    var vw = document.documentElement.clientWidth;
    var vh = window.innerHeight;
    var w = t.offsetWidth;
    var h = t.offsetHeight;
    var gap = 10;
    var x = r.right + gap;
    if (x + w > vw - 4) x = r.left - gap - w;
    if (x < 4) x = Math.max(4, Math.min(vw - w - 4, (r.left + r.right) / 2 - w / 2));
    var y = r.top;
    if (x < r.right && x + w > r.left) {
      // Above or below the element when it cannot sit beside it.
      y = r.bottom + gap;
      if (y + h > vh - 4) y = r.top - gap - h;
    }
    y = Math.max(4, Math.min(y, vh - h - 4));
    t.style.left = Math.round(x) + 'px';
    t.style.top = Math.round(y) + 'px';
  }

  function showTipAt(ex, i, label, rect, anchor) {
    fillTip(ex, i, label);
    tipAnchor = anchor || null;
    placeTip(rect);
  }

  function hideTip() {
    if (tip) tip.hidden = true;
    tipAnchor = null;
  }

  // Keeps a pinned tooltip beside its element while the page scrolls (a
  // hover tooltip follows the pointer events the browser sends after a scroll).
  function followAnchor() {
    if (!tip || tip.hidden || !tipAnchor) return;
    var r = tipAnchor && tipAnchor.isConnected ? tipAnchor.getBoundingClientRect() : null;
    if (r && r.bottom > 0 && r.top < window.innerHeight) placeTip(r);
    else hideTip();
  }

  // ---- chart elements: pointer and keyboard ----------------------------------

  function regionRect(c, r) {
    var box = c.canvas.getBoundingClientRect();
    return {
      left: box.left + r.x0 / c.dpr, right: box.left + r.x1 / c.dpr,
      top: box.top + r.y0 / c.dpr, bottom: box.top + r.y1 / c.dpr
    };
  }

  function labelOf(r) {
    return r.label + (r.flagged ? L.t('flag.sr') : '');
  }

  function hitAt(c, e) {
    if (!c || !c.map) return -1;
    var box = c.canvas.getBoundingClientRect();
    try {
      return c.map.hit((e.clientX - box.left) * c.dpr, (e.clientY - box.top) * c.dpr);
    } catch (err) {
      return -1;
    }
  }

  function setActive(c, k, focus) {
    if (!c.buttons.length) return;
    k = Math.max(0, Math.min(c.buttons.length - 1, k));
    c.buttons.forEach(function (b, j) { b.tabIndex = j === k ? 0 : -1; });
    c.active = k;
    if (focus) c.buttons[k].focus();
  }

  // The chart's buttons, one per region, placed over what it drew. A redraw
  // with as many regions (a resize, the theme) moves the buttons it has
  // rather than making new ones, and marks only this chart's selection.
  function buildOverlay(kind, c) {
    var frame = c.canvas.parentNode;
    if (!c.group) {
      c.group = el('div', 'hits');
      c.group.setAttribute('role', 'group');
      frame.appendChild(c.group);
      c.group.addEventListener('keydown', function (e) { onKey(kind, e); });
    }
    var own = c.explained && c.explained.series && c.explained.charts[kind];
    setAttr(c.group, 'aria-label', L.t('chart.elements', own ? own.label : label(kind)));
    if (c.buttons.length !== c.regions.length) {
      c.group.textContent = '';
      c.buttons = c.regions.map(function (r, k) { return c.group.appendChild(regionButton(c, k)); });
    }
    var want = selected ? selected.facts : [];
    c.buttons.forEach(function (b, k) {
      var r = c.regions[k];
      setAttr(b, 'data-fact', String(r.fact));
      setAttr(b, 'aria-label', labelOf(r));
      b.style.left = (r.x0 / c.dpr) + 'px';
      b.style.top = (r.y0 / c.dpr) + 'px';
      b.style.width = Math.max(1, (r.x1 - r.x0) / c.dpr) + 'px';
      b.style.height = Math.max(1, (r.y1 - r.y0) / c.dpr) + 'px';
      b.classList.toggle('flagged', !!r.flagged);
      b.classList.toggle('selected', want.indexOf(r.fact) !== -1);
    });
    setActive(c, Math.min(c.active || 0, c.buttons.length - 1), false);
  }

  function setAttr(e, name, value) {
    if (e.getAttribute(name) !== value) e.setAttribute(name, value);
  }

  // The button over region `k` of chart `c` (whichever region is k when it
  // is used: the buttons outlive a redraw).
  function regionButton(c, k) {
    var b = el('button', 'hit');
    b.type = 'button';
    b.tabIndex = -1;
    b.dataset.i = String(k);
    b.setAttribute('aria-describedby', 'cc-tip');
    b.addEventListener('focus', function () {
      var r = c.regions[k];
      setActive(c, k, false);
      showTipAt(c.explained, r.fact, labelOf(r), b.getBoundingClientRect(), b);
    });
    b.addEventListener('blur', function () { if (tipAnchor === b) hideTip(); });
    b.addEventListener('click', function () { open(c, c.regions[k].fact, true); });
    return b;
  }

  // Opens fact `i` of chart `c`: the sentence it was said in (a series
  // chart's facts are the series', which shows their call first).
  function open(c, i, focus) {
    if (c.explained && c.explained.open) c.explained.open(i);
    else openSentence(i, focus);
  }

  function onKey(kind, e) {
    var c = charts[kind];
    if (!c || !c.buttons.length) return;
    var k = c.active || 0;
    var next = null;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': next = k + 1; break;
      case 'ArrowLeft': case 'ArrowUp': next = k - 1; break;
      case 'Home': next = 0; break;
      case 'End': next = c.buttons.length - 1; break;
      case 'Escape': hideTip(); return;
      default: return;
    }
    e.preventDefault();
    setActive(c, next, true);
  }

  function attachPointer(kind, c) {
    if (c.pointerReady) return;
    c.pointerReady = true;
    var canvas = c.canvas;
    var lastTouch = -1;
    canvas.addEventListener('pointermove', function (e) {
      if (e.pointerType === 'touch') return;
      var k = hitAt(c, e);
      canvas.classList.toggle('pointing', k >= 0);
      if (k < 0) {
        if (!tipAnchor) hideTip();
        return;
      }
      var r = c.regions[k];
      showTipAt(c.explained, r.fact, labelOf(r), { left: e.clientX, right: e.clientX, top: e.clientY + 8, bottom: e.clientY + 8 }, null);
    });
    canvas.addEventListener('pointerleave', function () {
      canvas.classList.remove('pointing');
      if (!tipAnchor) hideTip();
    });
    canvas.addEventListener('click', function (e) {
      var k = hitAt(c, e);
      if (k < 0) {
        hideTip();
        return;
      }
      var r = c.regions[k];
      setActive(c, k, false);
      // A tap shows the tooltip first; tapping the same element again opens
      // its sentence. A mouse click opens it at once.
      var touch = e.pointerType === 'touch' || (e.sourceCapabilities && e.sourceCapabilities.firesTouchEvents);
      if (!(c.explained && c.explained.series)) select([r.fact]);
      if (touch && lastTouch !== k) {
        lastTouch = k;
        showTipAt(c.explained, r.fact, labelOf(r), regionRect(c, r), c.buttons[k]);
        return;
      }
      lastTouch = -1;
      open(c, r.fact, false);
      showTipAt(c.explained, r.fact, labelOf(r), regionRect(c, r), c.buttons[k]);
    });
  }

  // ---- selection: chart elements <-> figures in the transcript --------------

  function select(list) {
    selected = list && list.length ? { facts: list } : null;
    markSelected();
  }

  function markSelected() {
    var want = selected ? selected.facts : [];
    KINDS.forEach(function (kind) {
      var c = charts[kind];
      if (!c || !c.buttons) return;
      c.buttons.forEach(function (b) {
        b.classList.toggle('selected', want.indexOf(Number(b.dataset.fact)) !== -1);
      });
    });
    var marked = document.querySelectorAll('.reader .fig.selected, .reader .sent.current');
    Array.prototype.forEach.call(marked, function (m) { m.classList.remove('selected', 'current'); });
    want.forEach(function (i) {
      (marks[i] || []).forEach(function (m) { m.classList.add('selected'); });
      var sid = view && view.fact_sentence ? view.fact_sentence[i] : null;
      if (sid != null && sentences[sid]) sentences[sid].classList.add('current');
    });
  }

  // Scrolls the transcript to fact i's sentence and highlights it; with
  // `focus`, moves keyboard focus to the figure there.
  function openSentence(i, focus) {
    var sid = view && view.fact_sentence ? view.fact_sentence[i] : null;
    if (sid != null) ensureSentence(sid);
    select([i]);
    var s = sid != null ? sentences[sid] : null;
    if (!s) return false;
    var target = (marks[i] && marks[i][0]) || s;
    if (focus && target.focus) target.focus({ preventScroll: true });
    s.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  // A figure in the transcript was chosen: select its facts and show the
  // first chart element that draws one of them.
  function openFigure(list, mark) {
    select(list);
    for (var n = 0; n < KINDS.length; n++) {
      var c = charts[KINDS[n]];
      if (!c || !c.buttons || !c.buttons.length || c.canvas.closest('[hidden]')) continue;
      for (var k = 0; k < c.regions.length; k++) {
        if (list.indexOf(c.regions[k].fact) === -1) continue;
        var b = c.buttons[k];
        setActive(c, k, false);
        b.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        showTipAt(c.explained, c.regions[k].fact, labelOf(c.regions[k]), b.getBoundingClientRect(), b);
        return true;
      }
    }
    // No chart draws it (capex, cash, a change): the tooltip by the figure.
    showTipAt(explained, list[0], null, mark.getBoundingClientRect(), mark);
    return false;
  }

  // ---- transcript pane ----------------------------------------------------------

  // The pane is rendered in slices of about SLICE sentences, one task each,
  // so that a large input's transcript (tens of thousands of sentences)
  // never holds the main thread for long; a sentence asked for before its
  // slice is rendered gets the slices up to it at once (ensureSentence).
  var SLICE = 3000;
  var job = null; // {next: turn index, section, flagged, body} while slices remain

  function renderReader() {
    var body = $('reader');
    job = null;
    if (!body) return;
    body.textContent = '';
    marks = {};
    sentences = [];
    var flagged = {};
    if (explained) {
      explained.details.forEach(function (d) { if (d.problems && d.problems.length) flagged[d.fact] = true; });
    }
    if (!view) {
      body.appendChild(el('p', 'reader-empty', explained
        ? L.t('reader.from_link')
        : L.t('reader.empty')));
      return;
    }
    var mine = job = { next: 0, section: null, flagged: flagged, body: body };
    renderSlice(mine);
    markSelected();
    var more = function () {
      if (job !== mine) return; // a newer view, or done
      renderSlice(mine);
      markSelected();
      if (job === mine) setTimeout(more, 0);
    };
    if (job === mine) setTimeout(more, 0);
  }

  // Renders the next turns of `j`, about SLICE sentences.
  function renderSlice(j) {
    var frag = document.createDocumentFragment();
    var n = 0;
    while (j.next < view.turns.length && n < SLICE) {
      var turn = view.turns[j.next++];
      if (turn.section !== j.section) {
        j.section = turn.section;
        frag.appendChild(el('h3', 'reader-section', j.section === 'qa' ? L.t('reader.qa') : L.t('reader.prepared')));
      }
      frag.appendChild(turnEl(turn, j.flagged));
      turn.paragraphs.forEach(function (ids) { n += ids.length; });
    }
    j.body.appendChild(frag);
    if (j.next >= view.turns.length && job === j) job = null;
  }

  // Makes sure sentence `sid` is in the pane (renders the slices before it).
  function ensureSentence(sid) {
    while (job && !sentences[sid]) renderSlice(job);
  }

  function turnEl(turn, flagged) {
    var box = el('div', 'turn');
    var sp = turn.speaker != null ? view.speakers[turn.speaker] : null;
    if (sp) {
      box.classList.add('role-' + sp.role);
      var who = el('p', 'who');
      who.appendChild(el('span', 'who-name', sp.name));
      var title = sp.title || (sp.role === 'analyst' ? L.t('reader.analyst') : '');
      if (title) who.appendChild(el('span', 'who-title', title));
      box.appendChild(who);
    }
    turn.paragraphs.forEach(function (ids) {
      var p = el('p');
      ids.forEach(function (sid, k) {
        if (k > 0) p.appendChild(document.createTextNode(' '));
        p.appendChild(sentenceEl(sid, flagged));
      });
      box.appendChild(p);
    });
    return box;
  }

  function sentenceEl(sid, flagged) {
    var s = view.sentences[sid];
    var span = el('span', 'sent');
    span.dataset.s = String(sid);
    span.dataset.line = String(s.line);
    sentences[sid] = span;
    s.runs.forEach(function (r) {
      if (!r.facts || !r.facts.length) {
        span.appendChild(document.createTextNode(r.text));
        return;
      }
      var b = el('button', 'fig', r.text);
      b.type = 'button';
      b.dataset.facts = r.facts.join(' ');
      var bad = r.facts.some(function (i) { return flagged[i]; });
      if (bad) {
        b.classList.add('flagged');
        b.appendChild(el('span', 'sr-only', L.t('flag.sr')));
      }
      b.addEventListener('click', function () { openFigure(r.facts, b); });
      b.addEventListener('blur', function () { if (tipAnchor) hideTip(); });
      r.facts.forEach(function (i) { (marks[i] = marks[i] || []).push(b); });
      span.appendChild(b);
    });
    return span;
  }

  // ---- summaries and data tables ---------------------------------------------------

  function renderCharts() {
    KINDS.forEach(function (kind) {
      var canvas = $('chart-' + kind);
      if (!canvas) return;
      var fig = canvas.closest('figure');
      var info = explained && explained.charts[kind];
      canvas.setAttribute('aria-label', info ? info.summary : L.t('chart.' + kind + '_aria'));
      var tools = fig.querySelector('.chart-tools');
      if (!tools) {
        tools = el('div', 'chart-tools');
        fig.appendChild(tools);
      }
      var toggle = fig.querySelector('.show-data');
      var panel = $('data-' + kind);
      if (!toggle) {
        panel = el('div', 'data-panel');
        panel.id = 'data-' + kind;
        panel.hidden = true;
        toggle = el('button', 'button ghost show-data', L.t('data.show'));
        toggle.type = 'button';
        toggle.setAttribute('aria-expanded', 'false');
        toggle.setAttribute('aria-controls', panel.id);
        toggle.addEventListener('click', function () {
          var open = panel.hidden;
          panel.hidden = !open;
          toggle.setAttribute('aria-expanded', String(open));
          toggle.textContent = open ? L.t('data.hide') : L.t('data.show');
        });
        tools.insertBefore(toggle, tools.firstChild);
        fig.appendChild(panel);
      }
      fillTable(kind, panel, info);
    });
  }

  function fillTable(kind, panel, info) {
    panel.textContent = '';
    if (!info) return;
    panel.appendChild(el('p', 'chart-summary', info.summary));
    if (!info.table.rows.length) return;
    panel.appendChild(tableOf(info.table, L.t('data.region', label(kind)), L.t('data.caption', label(kind))));
  }

  // The figures no chart draws, under the charts (hidden when there are none).
  function renderOther() {
    var section = $('other');
    var holder = $('other-table');
    if (!section || !holder) return;
    holder.textContent = '';
    var t = explained && explained.other;
    section.hidden = !t || !t.rows.length;
    if (section.hidden) return;
    $('other-count').textContent = L.count(t.rows.length, 'count.figure', 'count.figures');
    holder.appendChild(tableOf(t, L.t('other.title'), L.t('other.caption')));
  }

  // A data table whose source cells open the sentence; scrolls sideways on
  // narrow screens (a keyboard stop of its own).
  function tableOf(data, regionLabel, caption) {
    var wrap = el('div', 'table-wrap');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', regionLabel);
    var table = el('table', 'data');
    table.appendChild(el('caption', null, caption));
    var head = el('thead');
    var tr = el('tr');
    data.columns.forEach(function (c) {
      var th = el('th', null, c);
      th.scope = 'col';
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var r = el('tr');
      row.cells.forEach(function (cell, k) {
        var td = el(k === 0 ? 'th' : 'td');
        if (k === 0) td.scope = 'row';
        var last = k === row.cells.length - 1;
        if (last && cell && view && view.fact_sentence[row.fact] != null) {
          var b = el('button', 'linkish', cell);
          b.type = 'button';
          b.setAttribute('aria-label', L.t('data.source', cell));
          b.addEventListener('click', function () { openSentence(row.fact, true); });
          td.appendChild(b);
        } else {
          td.textContent = cell;
        }
        r.appendChild(td);
      });
      if (/conflict|failed check/.test(row.cells[3] || '')) r.className = 'flagged';
      body.appendChild(r);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  // ---- hooks for app.js ---------------------------------------------------------------

  page.trace = {
    // A new analysis is on screen: `ex` is its explain(), `v` its view()
    // (null for facts from a share link).
    shown: function (ex, v) {
      explained = ex;
      view = v || null;
      selected = null;
      hideTip();
      renderReader();
      renderCharts();
      renderOther();
    },
    // Chart `kind` was drawn on `canvas` at `dpr` from the analysis
    // explained by `ex`; `map` is the ChartMap analysis.draw returned.
    drawn: function (kind, canvas, map, dpr, ex) {
      if (!map || typeof map.hit !== 'function') return;
      var c = charts[kind] || (charts[kind] = { canvas: canvas, buttons: [], active: 0 });
      if (c.map && c.map !== map && typeof c.map.free === 'function') c.map.free();
      c.canvas = canvas;
      c.map = map;
      c.dpr = dpr;
      c.explained = ex;
      try {
        c.regions = map.regions();
      } catch (err) {
        c.regions = [];
      }
      attachPointer(kind, c);
      buildOverlay(kind, c);
    },
    // For tests: what chart `kind` drew where (canvas pixels).
    layout: function (kind) {
      var c = charts[kind];
      if (!c || !c.map) return null;
      return { regions: c.regions, texts: c.map.texts(), plots: c.map.plots(), dpr: c.dpr, width: c.canvas.width,
        height: c.canvas.height, min_height: c.map.min_height };
    },
    openFigure: openFigure,
    openSentence: openSentence
  };

  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hideTip();
  });
  window.addEventListener('scroll', followAnchor, true);
  window.addEventListener('resize', followAnchor);
})();
