/* callchart page: a plain classic script (no modules, no bundler) so the very
 * same file works from a web server and inlined in the single-file build that
 * is opened from disk (file://).
 *
 * Flow: start the wasm engine -> analyze(textarea) -> draw the three charts.
 * The wasm module only exports analyze(text) and draw_chart(canvas, kind,
 * facts, dpr, dark); sizes, devicePixelRatio, themes and messages live here.
 *
 * Rules this file keeps: every wasm call is wrapped in try/catch; bad input
 * never clears the text or the previous charts; a chart is drawn off-screen
 * and only copied onto the visible canvas when it succeeded.
 */
(function () {
  'use strict';

  var KINDS = ['revenue', 'margins', 'guidance'];
  var TYPE_DELAY_MS = 500;

  var $ = function (id) { return document.getElementById(id); };
  var textarea = $('transcript');
  var statusEl = $('status');
  var button = $('chart-it');
  var fileInput = $('file');
  var titleEl = $('call-title');
  var metaEl = $('call-meta');
  var notesEl = $('notes');
  var notesList = $('notes-list');
  var canvases = KINDS.map(function (k) { return $('chart-' + k); });

  var engine = null;       // the wasm_bindgen namespace once started
  var shown = null;        // facts whose charts are on screen
  var lastText = null;     // text those facts came from
  var drawnKeys = {};      // per canvas: what was last drawn (size, dpr, theme, facts)
  var factsVersion = 0;
  var origin = 'transcript'; // where `shown` came from: 'transcript' or 'link'
  var frame = 0;
  var typeTimer = 0;
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  window.__callchart = { facts: null, drawnAt: null, renders: 0, error: null };

  // ---- status line -------------------------------------------------------

  function setState(state, message) {
    document.body.dataset.state = state;
    statusEl.textContent = message;
    statusEl.className = 'status status-' + state;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function panicked() {
    return globalThis.__callchartPanicked === true;
  }

  function errorMessage(err) {
    if (panicked()) return 'Internal error, please report (details are in the browser console).';
    var text = err && err.message ? err.message : String(err);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- engine start-up ---------------------------------------------------

  function base64Bytes(b64) {
    var raw = atob(b64.replace(/\s+/g, ''));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function startEngine() {
    if (typeof wasm_bindgen === 'undefined') {
      return Promise.reject(new Error('the chart engine script is missing (was the page built with ./build.sh?)'));
    }
    var ready = function () {
      if (typeof wasm_bindgen.init_panic_hook === 'function') wasm_bindgen.init_panic_hook();
      return wasm_bindgen;
    };
    var inlined = document.getElementById('callchart-wasm');
    if (!inlined) {
      // Hosted page: fetch pkg/callchart_bg.wasm next to the page.
      return wasm_bindgen({ module_or_path: 'pkg/callchart_bg.wasm' }).then(ready);
    }
    // Single-file build (file://): the wasm bytes are inlined as base64 and
    // nothing is fetched. initSync compiles them at once; should a browser
    // refuse synchronous compilation, the asynchronous path takes the bytes.
    var bytes = base64Bytes(inlined.textContent);
    try {
      wasm_bindgen.initSync({ module: bytes });
      return Promise.resolve(ready());
    } catch (err) {
      if (globalThis.__callchartPanicked) return Promise.reject(err);
      return wasm_bindgen({ module_or_path: bytes }).then(ready);
    }
  }

  // ---- analysis ----------------------------------------------------------

  function describe(facts) {
    var t = facts.transcript;
    var parts = [plural(facts.facts.length, 'fact')];
    if (t) {
      parts.push(plural(t.turns, 'turn'));
      parts.push(plural((t.speakers || []).length, 'speaker'));
    }
    return parts.join(' · ');
  }

  function periodLabel(p) {
    // "FY2023-Q4" -> "Q4 FY2023"; "FY2023" stays.
    var m = /^(FY|CY)(\d{4})-(Q\d|H\d)$/.exec(p || '');
    return m ? m[3] + ' ' + m[1] + m[2] : (p || '');
  }

  function analyzeNow(force) {
    if (!engine) return;
    var text = textarea.value;
    if (!force && text === lastText) return;
    if (!text.trim()) {
      lastText = text;
      setState('empty', 'Paste a transcript, drop a .txt file, or open one to chart it.');
      markStale(true);
      return;
    }
    var facts;
    try {
      facts = engine.analyze(text);
    } catch (err) {
      console.warn('callchart: analyze failed:', err);
      setState('error', 'Could not read this transcript: ' + errorMessage(err));
      markStale(true);
      return;
    }
    lastText = text;
    if (!facts || !Array.isArray(facts.facts) || facts.facts.length === 0) {
      var counts = facts && facts.transcript ? ' (' + describe(facts).replace(/^0 facts · /, '') + ')' : '';
      setState('nofacts', 'No figures found in this text' + counts + '. Is it an earnings-call transcript with revenue or margin figures?');
      markStale(shown !== null);
      return;
    }
    show(facts);
  }

  // The guidance chart draws one small panel per guided metric; on narrow
  // screens they stack, so the page gives that chart height to match.
  function sizeGuidance(facts) {
    var seen = {};
    facts.facts.forEach(function (f) {
      if (f.kind === 'guidance') seen[f.metric + '|' + f.segment] = true;
    });
    var n = Math.max(1, Object.keys(seen).length);
    $('chart-guidance').closest('.chart').style.setProperty('--guided', String(n));
  }

  function show(facts, from) {
    var previous = shown;
    var previousOrigin = origin;
    shown = facts;
    origin = from || 'transcript';
    factsVersion++;
    sizeGuidance(facts);
    if (!drawAll()) {
      // Keep whatever was on screen before: it is still the best we have.
      shown = previous;
      origin = previousOrigin;
      return false;
    }
    markStale(false);
    titleEl.textContent = (facts.company || 'Earnings call') +
      (facts.call ? ' · ' + periodLabel(facts.call) : '');
    var meta = [];
    if (facts.currency && facts.currency !== 'USD') meta.push('Figures in ' + facts.currency);
    var t = facts.transcript;
    var people = t && t.speakers ? t.speakers.filter(function (s) { return !/^operator$/i.test(s.name); }) : [];
    if (people.length) {
      meta.push(people.slice(0, 3).map(function (s) {
        return s.title ? s.name + ' (' + s.title + ')' : s.name;
      }).join(', ') + (people.length > 3 ? ' and ' + (people.length - 3) + ' more' : ''));
    }
    metaEl.textContent = meta.join(' · ');
    $('link-badge').hidden = origin !== 'link';
    renderNotes(facts.notes || []);
    setState('ready', origin === 'link' ? describe(facts) + ' · from a shared link' : describe(facts));
    if (window.callchartShare) window.callchartShare.shown(facts, origin);
    // trace.js: transcript pane, chart summaries and data tables.
    if (window.callchartTrace) window.callchartTrace.shown(engine, facts, origin === 'link' ? null : lastText);
    return true;
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
  function drawAll() {
    if (!engine || !shown) return true;
    var dpr = window.devicePixelRatio || 1;
    var dark = isDark();
    var ok = true;
    var drew = 0;
    for (var i = 0; i < canvases.length; i++) {
      var canvas = canvases[i];
      var box = canvas.getBoundingClientRect();
      var w = Math.round(box.width * dpr);
      var h = Math.round(box.height * dpr);
      if (w < 2 || h < 2) continue; // not laid out (hidden): drawn on the next resize
      var key = w + 'x' + h + '@' + dpr + (dark ? 'd' : 'l') + '#' + factsVersion;
      if (drawnKeys[canvas.id] === key) continue;
      // Draw off-screen first, so a failure leaves the previous chart in place.
      var scratch = document.createElement('canvas');
      scratch.width = w;
      scratch.height = h;
      var map;
      try {
        map = engine.draw_chart(scratch, canvas.dataset.kind, shown, dpr, dark);
      } catch (err) {
        console.warn('callchart: drawing the ' + canvas.dataset.kind + ' chart failed:', err);
        setState('error', 'The ' + canvas.dataset.kind + ' chart could not be drawn: ' + errorMessage(err));
        window.__callchart.error = String(err && err.message || err);
        ok = false;
        break;
      }
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d').drawImage(scratch, 0, 0);
      drawnKeys[canvas.id] = key;
      drew++;
      // trace.js: hover, tap and keyboard over the chart's elements.
      if (window.callchartTrace) window.callchartTrace.drawn(canvas.dataset.kind, canvas, map, dpr, shown);
    }
    if (ok && drew > 0) {
      window.__callchart = {
        facts: shown,
        drawnAt: performance.now(),
        renders: window.__callchart.renders + 1,
        error: null
      };
    }
    return ok;
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

  // ---- input: paste, type, file picker, drag and drop ----------------------

  function loadFile(file) {
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      setState('error', '“' + file.name + '” is ' + Math.round(file.size / 1048576) + ' MB; a transcript is plain text well under 20 MB.');
      return;
    }
    file.text().then(function (text) {
      if (text.indexOf('\u0000') !== -1) {
        setState('error', '“' + file.name + '” is not a plain-text file. Save the transcript as .txt and try again.');
        return;
      }
      textarea.value = text;
      textarea.scrollTop = 0;
      analyzeNow(true);
    }, function (err) {
      setState('error', 'Could not read “' + file.name + '”: ' + errorMessage(err));
    });
  }

  textarea.addEventListener('input', function (e) {
    clearTimeout(typeTimer);
    if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') {
      analyzeNow(false);
    } else {
      typeTimer = setTimeout(function () { analyzeNow(false); }, TYPE_DELAY_MS);
    }
  });

  button.addEventListener('click', function () {
    clearTimeout(typeTimer);
    analyzeNow(true);
  });

  fileInput.addEventListener('change', function () {
    loadFile(fileInput.files && fileInput.files[0]);
    fileInput.value = '';
  });

  var dragDepth = 0;
  function hasFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') !== -1;
  }
  document.addEventListener('dragenter', function (e) {
    if (!hasFiles(e)) return;
    dragDepth++;
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', function (e) {
    if (!hasFiles(e)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', function (e) {
    dragDepth = 0;
    document.body.classList.remove('dragging');
    if (!hasFiles(e)) return; // dropped text goes into the textarea as usual
    e.preventDefault();
    loadFile(e.dataTransfer.files[0]);
  });

  // ---- redraw on resize, dpr and theme changes ---------------------------

  if (typeof ResizeObserver === 'function') {
    var ro = new ResizeObserver(scheduleDraw);
    canvases.forEach(function (c) { ro.observe(c); });
  } else {
    window.addEventListener('resize', scheduleDraw);
  }
  watchDpr();
  if (darkQuery) darkQuery.addEventListener('change', scheduleDraw);

  // ---- start: chart the sample with no click -----------------------------

  // ---- hooks for share.js (share links, embed code, exports) ---------------

  window.callchartPage = {
    engine: function () { return engine; },
    facts: function () { return shown; },
    origin: function () { return origin; },
    isDark: isDark,
    // Shows facts that came from elsewhere (a link); false if they could not be drawn.
    showFacts: function (facts, from) {
      clearTimeout(typeTimer);
      lastText = textarea.value;
      return show(facts, from);
    },
    analyze: function () { analyzeNow(true); },
    redraw: function () { drawnKeys = {}; scheduleDraw(); }
  };

  function boot() {
    startEngine().then(function (e) {
      engine = e;
      // A share link (#v1=…) is opened instead of charting the text box.
      if (window.callchartShare && window.callchartShare.boot()) return;
      analyzeNow(true);
    }, function (err) {
      console.error('callchart: the chart engine did not start:', err);
      setState('error', 'The chart engine did not start in this browser: ' + errorMessage(err));
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
