/* callchart page: a plain classic script (no modules, no bundler) so the very
 * same file works from a web server and inlined in the single-file build that
 * is opened from disk (file://).
 *
 * Flow: start the wasm engine -> input.js reads the box or a file into an
 * Analysis handle, held in Rust -> this file shows it: the heading, notes and
 * status line, and the three charts drawn with analysis.draw(canvas, kind,
 * style). The handle answers everything else too (explain, view,
 * share_bytes + link_text, csv, svg, file_name, facts; see src/wasm.rs): no facts are
 * sent back into wasm. Sizes, devicePixelRatio, themes and messages live here.
 *
 * Rules this file keeps: every wasm call is wrapped in try/catch; bad input
 * never clears the text or the previous charts; a new analysis's charts are
 * drawn off-screen and shown only when they all succeeded (a redraw of the
 * one on screen draws in place).
 */
(function () {
  'use strict';

  var KINDS = ['revenue', 'margins', 'guidance'];

  var $ = function (id) { return document.getElementById(id); };
  // The page's words (www/i18n.js); Rust's come through explain(L.lang),
  // reading(L.lang) and the draw style's lang.
  var L = callchartI18n;
  var t = L.t;
  var statusEl = $('status');
  var titleEl = $('call-title');
  var metaEl = $('call-meta');
  var notesEl = $('notes');
  var notesList = $('notes-list');
  var canvases = KINDS.map(function (k) { return $('chart-' + k); });

  var engine = null;       // the wasm_bindgen namespace once started
  var shown = null;        // the Analysis handle whose charts are on screen
  var explained = null;    // shown.explain(): heading, notes, details, chart texts
  var pending = null;      // the page's first charts, drawn but not yet explained (see show)
  var drawnKeys = {};      // per canvas: what was last drawn (size, dpr, theme, facts)
  var scratches = {};      // per canvas: the off-screen canvas it is drawn on first (kept: a fresh one costs ~2 ms)
  var shelf = null;        // the hidden box that holds them (see drawAll)
  var factsVersion = 0;
  var drawnVersion = -1;   // the factsVersion whose charts are on screen
  var origin = 'transcript'; // where `shown` came from: 'transcript' or 'link'
  var frame = 0;
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  // The page object (see the end of this file); the one global the page's
  // scripts share.
  var page = window.callchartPage = {};

  // For the tests and the bench: renders, timings, and the facts shown.
  var probe = { drawnAt: null, drawMs: 0, renders: 0, error: null };
  Object.defineProperty(probe, 'facts', {
    enumerable: true,
    get: function () { return shown ? shown.facts() : null; }
  });
  window.__callchart = probe;

  // ---- status line -------------------------------------------------------

  function setState(state, message) {
    document.body.dataset.state = state;
    sayStatus(state, message);
  }

  // The status line alone (the page's state unchanged).
  function sayStatus(state, message) {
    statusEl.textContent = message;
    statusEl.className = 'status status-' + state;
  }

  function plural(n, word) {
    return L.count(n, 'count.' + word, 'count.' + word + 's');
  }

  function errorMessage(err) {
    if (typeof callchartEngine !== 'undefined' && callchartEngine.panicked()) return t('status.internal');
    var text = err && err.message ? err.message : String(err);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- engine start-up (www/engine.js) ----------------------------------------

  var engineModule = null; // the compiled WebAssembly.Module (for the worker and recovery)

  function startEngine() {
    if (typeof callchartEngine === 'undefined') {
      return Promise.reject(new Error('the chart engine script is missing (was the page built with ./build.sh?)'));
    }
    return callchartEngine.compile().then(function (module) {
      engineModule = module;
      return callchartEngine.start(module);
    });
  }

  // After a panic the instance's memory can't be trusted: the page swaps in
  // a fresh instance of the same module and stays usable.
  function recoverIfPanicked() {
    if (!callchartEngine.panicked() || !engineModule) return;
    var fresh = callchartEngine.recover(engineModule);
    if (!fresh) return;
    // The analysis on screen lives in the old instance: it moves to the
    // fresh one as its facts' bytes and view (no parse); if even that
    // fails, the charts on screen stay as pixels until the next input.
    if (shown) {
      var moved = null;
      try { moved = fresh.Analysis.rebuild(shown.facts_bytes(), shown.view()); } catch (e) { console.warn('callchart: the charts could not be moved to the fresh engine:', e); }
      shown = moved;
    }
    engine = fresh;
    window.wasm_bindgen = fresh;
    if (page.series) page.series.lost();
    drawnKeys = {};
  }

  // ---- analysis ----------------------------------------------------------

  // "57 turns · 10 speakers" (none for a link) from explain()'s counts.
  function transcriptCounts(ex) {
    return ex.turns != null ? [plural(ex.turns, 'turn'), plural(ex.speakers, 'speaker')] : [];
  }

  // "55 facts · 57 turns · 10 speakers".
  function describe(ex) {
    return [plural(ex.facts, 'fact')].concat(transcriptCounts(ex)).join(' · ');
  }

  // Shows an analysis and how its input was read (src/analysis.rs
  // `Reading`): the charts, or why not. Bad input leaves the text box and
  // the previous charts as they were. The page owns `analysis` (null for
  // a refused input from the worker) from here: it is freed when it is not
  // (or no longer) shown.
  function showAnalysis(analysis, reading, what) {
    if (!reading.ok) {
      if (analysis) analysis.free();
      setState('refused', t('status.refused', capitalize(what), reading.message));
      markStale(true);
      return false;
    }
    var notice = (reading.warnings || []).map(capitalize).join(' · ');
    // The page's first charts are drawn before they are explained (see
    // show): its headline is all they wait for.
    var ex = firstCharts() ? analysis.headline(L.lang) : analysis.explain(L.lang);
    if (ex.facts === 0) {
      analysis.free();
      var counts = ex.turns != null ? ' (' + transcriptCounts(ex).join(' · ') + ')' : '';
      // A call whose year nothing says: no figure can be dated, and the reader is asked (input.js).
      var undated = ex.call && !ex.call.period && (ex.call.undated || !!ex.call.quarter);
      setState('nofacts', t(undated ? 'status.undated' : 'status.nofacts', what, counts) + (notice ? ' ' + notice + '.' : ''));
      markStale(shown !== null);
      if (page.askCall) page.askCall(ex.call, 'transcript');
      return false;
    }
    if (page.series) page.series.clear();
    if (!show(analysis, 'transcript', notice, ex.details ? ex : null, ex)) return false;
    if (page.askCall) page.askCall(ex.call, 'transcript');
    return true;
  }

  function capitalize(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  }

  // True until the page has drawn its first charts.
  function firstCharts() {
    return drawnVersion < 0 && !pending;
  }

  // Shows `analysis` (an Analysis handle) from `from` ('transcript' or
  // 'link'); `ex` is its explain() when the caller has it already, `head`
  // its headline(). On success the previous handle is freed; on failure
  // `analysis` is, and the previous charts stay.
  //
  // The page's first charts (nothing on screen yet: the sample, a link)
  // are drawn first, with what is above them (heading, speakers); what
  // explains them (notes, status line, tooltips, tables, the transcript
  // pane: explain() and view()) follows after the browser has painted them
  // (settle), and only then is the page 'ready'.
  function show(analysis, from, notice, ex, head) {
    settle();
    var lazy = !ex && firstCharts();
    var previous = shown;
    var previousExplained = explained;
    var previousOrigin = origin;
    shown = analysis;
    explained = ex || (lazy ? null : analysis.explain(L.lang));
    origin = from || 'transcript';
    factsVersion++;
    if (lazy) pending = { analysis: analysis, notice: notice, maps: {} };
    if (!drawAll()) {
      // Keep whatever was on screen before: it is still the best we have.
      pending = null;
      shown = previous;
      explained = previousExplained;
      origin = previousOrigin;
      freeHandle(analysis);
      return false;
    }
    if (previous && previous !== analysis) freeHandle(previous);
    markStale(false);
    head = explained || head || analysis.headline(L.lang);
    titleEl.textContent = head.heading;
    metaEl.textContent = head.meta;
    $('link-badge').hidden = origin !== 'link';
    shownNotice = notice;
    if (page.share) page.share.shown(origin);
    if (lazy) {
      // What the reader sees change with the charts (the status line's
      // height moves what is under it) is said now; the page is 'ready'
      // once explained.
      sayStatus('ready', statusLine(head, notice));
      // After the next frame (painted), or soon in a hidden page (no frames).
      requestAnimationFrame(function () { setTimeout(settle, 0); });
      setTimeout(settle, 250);
      return true;
    }
    explainShown(analysis, notice);
    return true;
  }

  // The first charts' explanation (see show), now: before anything else
  // touches what is shown (another analysis, the language, the page object).
  function settle() {
    if (!pending) return;
    var p = pending;
    pending = null;
    showBox();
    if (!shown) return;
    try {
      explained = shown.explain(L.lang);
      mark('explained');
    } catch (err) {
      console.warn('callchart: explaining the charts failed:', err);
      // The drawn charts' maps are of no use without their explanation.
      KINDS.forEach(function (kind) {
        if (p.maps[kind]) freeHandle(p.maps[kind].map);
      });
      setState('error', t('status.not_explained', errorMessage(err)));
      recoverIfPanicked();
      return;
    }
    KINDS.forEach(function (kind) {
      var d = p.maps[kind];
      // (Maps of an instance that panicked since are dead: its charts are drawn again.)
      if (d && page.trace && p.analysis === shown) page.trace.drawn(kind, d.canvas, d.map, d.dpr, explained);
    });
    explainShown(shown, p.notice, true);
    probe.renders++;
  }

  // The first charts are painted (or none are coming): the text box's
  // sample is laid out now (see engine.js, style.css). A link's opening is
  // share.js's to end.
  function showBox() {
    if (document.documentElement.dataset.opening === 'sample') delete document.documentElement.dataset.opening;
  }

  // "76 facts · 57 turns · 10 speakers" (and where they came from, what the reading noticed).
  function statusLine(ex, notice) {
    return (origin === 'link' ? describe(ex) + ' · ' + t('call.from_link') : describe(ex)) + (notice ? ' · ' + notice : '');
  }

  // What explains the charts of `analysis` (shown, with `explained`):
  // notes, the status line (`said` with the first charts already: not
  // said again to a screen reader), tooltips, tables and the transcript pane.
  function explainShown(analysis, notice, said) {
    renderNotes(explained.notes || []);
    var line = statusLine(explained, notice);
    if (said && statusEl.textContent === line) document.body.dataset.state = 'ready';
    else setState('ready', line);
    // trace.js: transcript pane (the view the analysis made from the very
    // parse its facts came from; none for a link), summaries and tables.
    var view = null;
    try {
      view = analysis.view();
    } catch (err) {
      console.warn('callchart: the transcript view failed:', err);
    }
    if (page.trace) page.trace.shown(explained, view);
  }

  function freeHandle(h) {
    try { h.free(); } catch (e) { /* an instance that panicked: its memory is gone anyway */ }
  }

  function renderNotes(notes) {
    notesList.textContent = '';
    notes.forEach(function (n) {
      var li = document.createElement('li');
      var mark = document.createElement('span');
      mark.className = 'mark ' + (n.ok === true ? 'ok' : n.ok === false ? 'bad' : 'info');
      mark.textContent = n.ok === true ? '✓' : n.ok === false ? '✗' : 'i';
      mark.setAttribute('aria-hidden', 'true');
      li.appendChild(mark);
      li.appendChild(document.createTextNode(n.message));
      notesList.appendChild(li);
    });
    notesEl.hidden = notes.length === 0;
  }

  function markStale(stale) {
    document.querySelector('.results').classList.toggle('stale', stale && shown !== null);
  }

  // ---- drawing -----------------------------------------------------------

  function isDark() {
    // share.js may force a theme (<html data-theme="light|dark">).
    var forced = document.documentElement.dataset.theme;
    if (forced === 'dark' || forced === 'light') return forced === 'dark';
    return !!(darkQuery && darkQuery.matches);
  }

  // Draws every chart whose size, dpr, theme or facts changed. Returns false
  // when a chart failed (the status line says why).
  //
  // Every canvas's size is read before anything is written: a read after a
  // write (a canvas's size, a frame's min-height, trace.js's buttons) would
  // force a layout per chart. A new analysis is drawn off-screen first and
  // shown only when all its charts drew, so a failure leaves the previous
  // charts; a redraw of the analysis on screen (a resize, the dpr, the
  // theme, the language) draws straight onto the canvases, which their new
  // size clears anyway: no second bitmap to draw, rasterise and copy. Both
  // give the same pixels because the off-screen canvases are in the document
  // too, in a hidden box (Chromium draws text on a canvas outside the
  // document with other glyph positions at a device pixel ratio of 2).
  function drawAll() {
    if (!engine || !shown) return true;
    var dpr = window.devicePixelRatio || 1;
    var dark = isDark();
    var started = performance.now();
    var todo = sizesToDraw(dpr, dark);
    var fresh = drawnVersion !== factsVersion;
    // A redraw, or the page's first charts (no charts on screen to keep),
    // draw in place; a new analysis over charts on screen, off-screen first.
    var inPlace = !fresh || drawnVersion < 0;
    var maps = [];
    for (var i = 0; i < todo.length; i++) {
      var job = todo[i];
      // Off-screen, in the scratch's top-left job.w × job.h (see scratchFor).
      var style = inPlace ? { scale: dpr, dark: dark, lang: L.lang } : { scale: dpr, dark: dark, lang: L.lang, width: job.w, height: job.h };
      try {
        if (inPlace) resize(job.canvas, job.w, job.h);
        maps.push(shown.draw(inPlace ? job.canvas : scratchFor(job), job.canvas.dataset.kind, style));
      } catch (err) {
        console.warn('callchart: drawing the ' + job.canvas.dataset.kind + ' chart failed:', err);
        setState('error', t('status.not_drawn', t('chart.' + job.canvas.dataset.kind), errorMessage(err)));
        probe.error = String(err && err.message || err);
        maps.forEach(function (m) { try { m.free(); } catch (e) { /* a panicked instance */ } });
        // A redraw cleared these canvases: drawn again on the next chance.
        if (!fresh) todo.forEach(function (j) { delete drawnKeys[j.canvas.id]; });
        // First charts that failed: none of them stays half drawn.
        else if (inPlace) todo.forEach(function (j) { resize(j.canvas, j.canvas.width, j.canvas.height); });
        recoverIfPanicked();
        return false;
      }
    }
    if (todo.length > 0) drawnVersion = factsVersion;
    if (fresh) mark('charts');
    todo.forEach(function (job, n) {
      var canvas = job.canvas;
      if (!inPlace) {
        resize(canvas, job.w, job.h);
        canvas.getContext('2d').drawImage(scratches[canvas.id], 0, 0, job.w, job.h, 0, 0, job.w, job.h);
      }
      drawnKeys[canvas.id] = job.key;
      fitHeight(canvas, maps[n], dpr);
      // trace.js: hover, tap and keyboard over the chart's elements (once
      // they are explained: see settle).
      var kind = canvas.dataset.kind;
      if (pending) {
        var old = pending.maps[kind];
        if (old) freeHandle(old.map);
        pending.maps[kind] = { canvas: canvas, map: maps[n], dpr: dpr };
      } else if (page.trace && explained) {
        page.trace.drawn(kind, canvas, maps[n], dpr, explained);
      } else {
        freeHandle(maps[n]); // nothing to trace without an explanation
      }
    });
    if (page.series) page.series.draw();
    if (todo.length > 0) {
      probe.drawnAt = performance.now();
      probe.drawMs = performance.now() - started; // how long this drawing took (bench/)
      if (!pending) probe.renders++; // else once explained (settle)
      probe.error = null;
    }
    return true;
  }

  // The canvases to draw, {canvas, w, h, key}: those whose size (in device
  // pixels), dpr, theme, facts or language changed; all sizes read at once.
  function sizesToDraw(dpr, dark) {
    var todo = [];
    canvases.forEach(function (canvas) {
      var box = canvas.getBoundingClientRect();
      var w = Math.round(box.width * dpr);
      var h = Math.round(box.height * dpr);
      if (w < 2 || h < 2) return; // not laid out (hidden): drawn on the next resize
      var key = w + 'x' + h + '@' + dpr + (dark ? 'd' : 'l') + '#' + factsVersion + L.lang;
      if (drawnKeys[canvas.id] !== key) todo.push({ canvas: canvas, w: w, h: h, key: key });
    });
    return todo;
  }

  // The off-screen canvas a new analysis's chart is drawn on first, in its
  // top-left job.w × job.h: in the hidden shelf (drawn like the canvas on
  // screen), kept between draws (a new one's context costs more than the
  // drawing) and only ever grown (a new size is a new bitmap to allocate
  // and fill, about a millisecond a chart).
  function scratchFor(job) {
    var scratch = scratches[job.canvas.id];
    if (!scratch) {
      scratch = scratches[job.canvas.id] = document.createElement('canvas');
      if (!shelf) {
        shelf = document.createElement('div');
        shelf.hidden = true;
        document.body.appendChild(shelf);
      }
      shelf.appendChild(scratch);
    }
    if (scratch.width < job.w || scratch.height < job.h) resize(scratch, Math.max(scratch.width, job.w), Math.max(scratch.height, job.h));
    return scratch;
  }

  // Sizes `canvas` to w × h and clears it, resetting its bitmap once (each
  // of width and height resets it when set, even to the same value).
  function resize(canvas, w, h) {
    var tall = canvas.height !== h;
    if (canvas.width !== w || !tall) canvas.width = w;
    if (tall) canvas.height = h;
  }

  // A chart says how tall it needs to be at its width for its plot areas to
  // reach their minimum (a wrapped legend, stacked guidance panels): its
  // frame grows to that, and shrinks back when a wider screen needs less.
  // The new size reaches the ResizeObserver, which redraws.
  function fitHeight(canvas, map, dpr) {
    var need = map && map.min_height > 0 ? Math.ceil(map.min_height / dpr) : 0;
    var frameEl = canvas.parentElement;
    var want = need > 0 ? need + 'px' : '';
    if (frameEl.style.minHeight !== want) frameEl.style.minHeight = want;
  }

  function scheduleDraw() {
    if (frame) return;
    frame = requestAnimationFrame(function () {
      frame = 0;
      drawAll();
    });
  }

  function watchDpr() {
    if (!window.matchMedia) return;
    var q = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    var onChange = function () {
      q.removeEventListener('change', onChange);
      watchDpr();
      scheduleDraw();
    };
    q.addEventListener('change', onChange);
  }

  // ---- redraw on resize, dpr and theme changes ---------------------------

  if (typeof ResizeObserver === 'function') {
    var ro = new ResizeObserver(scheduleDraw);
    canvases.forEach(function (c) { ro.observe(c); });
  } else {
    window.addEventListener('resize', scheduleDraw);
  }
  watchDpr();
  if (darkQuery) darkQuery.addEventListener('change', scheduleDraw);

  // ---- the page object: what share.js and trace.js use ----------------------
  //
  // One object instead of globals: app.js makes it, input.js (reading
  // input) adds its functions, share.js and trace.js (loaded after it) fill
  // in page.share and page.trace, and app.js calls them when an analysis is
  // shown and a chart drawn.

  page.engine = function () { return engine; };
  page.analysis = function () { return shown; };
  // Its explain(): heading, chart titles and labels, details, tables.
  page.explained = function () { settle(); return explained; };
  page.origin = function () { return origin; };
  page.isDark = isDark;
  // Shows an analysis from elsewhere (a link); false if it could not be drawn.
  page.showAnalysis = function (analysis, from) {
    if (page.settleInput) page.settleInput();
    if (!show(analysis, from)) return false;
    if (page.askCall) page.askCall(null, from); // a link carries no text to read again
    return true;
  };
  var pageApi = {
    recover: recoverIfPanicked,
    redraw: function () { drawnKeys = {}; scheduleDraw(); },
    // For series.js and input.js: the status line, the call shown.
    status: setState,
    // Shows `analysis` in place of a handle the series took over (spent: not freed).
    adopt: function (analysis) {
      shown = null;
      if (page.askCall) page.askCall(null, 'series'); // one call of a series: read as part of it
      return show(analysis, 'transcript');
    },
    // For input.js: an input's analysis shown (or refused) as it was read,
    // and the words and marks around it.
    showReading: showAnalysis,
    markStale: markStale,
    errorMessage: errorMessage,
    capitalize: capitalize,
    mark: mark,
    engineModule: function () { return engineModule; }
  };
  Object.keys(pageApi).forEach(function (k) { page[k] = pageApi[k]; });

  // performance.mark()s of the start-up, for bench/browser.mjs's breakdown
  // (engine.js marks 'decoded': the wasm's base64 read).
  function mark(name) {
    if (window.performance && performance.mark) performance.mark('callchart:' + name);
  }

  // The language: the page's words at once, then what Rust wrote for the
  // analysis on screen (heading, notes, summaries, tables, tooltips) and the
  // charts, drawn again in it.
  var shownNotice = '';
  function relabel() {
    settle();
    if (!shown) return;
    var ex;
    try {
      ex = shown.explain(L.lang);
    } catch (err) {
      console.warn('callchart: explaining in ' + L.lang + ' failed:', err);
      recoverIfPanicked();
      return;
    }
    drawnKeys = {};
    // A refusal or an empty box stays said (in the words it was said in);
    // only the charts on screen and their status line change language.
    var state = document.body.dataset.state;
    var said = statusEl.textContent;
    show(shown, origin, shownNotice, ex);
    if (state !== 'ready') {
      setState(state, said);
      markStale(true);
    }
    if (page.series) page.series.relabel();
  }
  L.onChange(relabel);
  $('lang').addEventListener('change', function (e) { L.set(e.target.value, 'choice'); });

  function boot() {
    mark('boot');
    L.apply(document);
    // The status line is the page's to write (not a static text: a language
    // switch must not put "Loading…" back over what it says).
    if (document.body.dataset.state === 'loading') statusEl.textContent = t('status.loading');
    startEngine().then(function (e) {
      engine = e;
      mark('engine');
      // A share link (#v2=…) is opened instead of charting the text box.
      if (page.share && page.share.boot()) return;
      page.analyze();
      if (!pending) showBox(); // refused, no facts, or read in the worker: no first charts to wait for
    }, function (err) {
      console.error('callchart: the chart engine did not start:', err);
      setState('error', t('status.engine_failed', errorMessage(err)));
      delete document.documentElement.dataset.opening; // no link opens: the text box shows (see engine.js)
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
