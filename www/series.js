/* callchart page: several calls, one story (issue 12). A classic script
 * loaded after app.js; it fills in page.series.
 *
 * Several files opened or dropped at once, or added with "Add a call…", are
 * each read as one file is (the worker for large ones, progress per file),
 * then handed to a wasm `Series` handle (src/wasm.rs over src/trend.rs:
 * the calls and their merge per company live in Rust; this file only
 * wires). The series section shows the company picked (a picker when the
 * calls are of several companies), its calls, each removable, and four
 * charts drawn by Rust: revenue by quarter, margins, EPS, guidance vs
 * actual. The call a figure came from is shown below as one call is (its
 * three charts, its transcript): choosing a figure in a series chart shows
 * that call and its sentence. A series of one call is no series: the page
 * is exactly as for one call.
 */
(function () {
  'use strict';

  var page = window.callchartPage;
  var L = callchartI18n;
  var t = L.t;
  var KINDS = ['revenue', 'margins', 'eps', 'versus'];
  var $ = function (id) { return document.getElementById(id); };

  var series = null;     // the wasm Series handle
  var explained = null;  // series.explain(): details (naming calls), chart labels
  var current = -1;      // the call shown below (index into series.calls())
  var version = 0;
  var drawnKeys = {};
  var batch = 0;         // the newest batch of files; older ones are dropped
  var linked = false;    // the series came from a link (#v4=…)
  var section = $('series');
  var canvases = KINDS.map(function (k) { return $('series-' + k); });

  function plural(n, word) {
    return L.count(n, 'count.' + word, 'count.' + (word === 'company' ? 'companies' : word + 's'));
  }

  function capitalize(s) {
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  }

  // ---- reading the files, one after the other -----------------------------

  // Reads one file as the page reads one: {analysis, reading} or {error}.
  function readOne(file, label) {
    var engine = page.engine();
    if (file.size > page.inputLimit()) {
      return Promise.resolve({ error: t('status.file_too_big', label, (file.size / 1e6).toFixed(1) + ' MB', (page.inputLimit() / 1e6).toFixed(0) + ' MB') });
    }
    if (file.size > page.mainThreadMax) {
      return page.readInBackground(file, label);
    }
    return file.arrayBuffer().then(function (buffer) {
      try {
        var a = engine.read_bytes(new Uint8Array(buffer), 0);
        return { analysis: a, reading: a.reading(L.lang) };
      } catch (err) {
        page.recover();
        return { error: String(err && err.message || err) };
      }
    }, function (err) { return { error: String(err && err.message || err) }; });
  }

  // Reads `files` and adds them to the series (`replace`: a new series).
  function open(files, replace) {
    var engine = page.engine();
    if (!engine || !files.length) return;
    var id = ++batch;
    var refused = [];
    var added = [];
    var i = 0;
    page.cancel();
    var next = function () {
      if (id !== batch) return;
      if (i >= files.length) {
        finish(added, refused, replace);
        return;
      }
      var file = files[i++];
      var label = t('what.file', file.name);
      page.status('working', t('status.reading_n', i, files.length, file.name));
      readOne(file, label).then(function (r) {
        if (id !== batch) {
          if (r.analysis) r.analysis.free();
          return;
        }
        if (r.error) refused.push(t('status.not_added', label, r.error));
        else if (!r.reading.ok) {
          if (r.analysis) r.analysis.free();
          refused.push(t('status.not_added', label, r.reading.message));
        } else added.push({ name: file.name, analysis: r.analysis });
        next();
      });
    };
    next();
  }

  function finish(added, refused, replace) {
    var engine = page.engine();
    if (!added.length) {
      page.status('refused', refused.join(' · '));
      return;
    }
    linked = false;
    if (replace || !series) {
      var seed = !replace && page.analysis() && page.origin() === 'transcript' ? page.analysis() : null;
      clear();
      series = new engine.Series();
      // "Add a call" to the one call shown: it is the series' first call.
      if (seed) {
        series.add(page.fileName() || t('what.this_text'), seed);
        current = 0;
        page.adopt(series.call(0));
      }
    }
    var first = -1;
    added.forEach(function (a) {
      var k = series.add(a.name, a.analysis);
      if (first < 0) first = k;
    });
    shownCall(null);
    refresh(refused);
  }

  // ---- showing ------------------------------------------------------------------

  // The picked company's latest call (or `want`) is shown below as one call.
  function shownCall(want) {
    var company = series.companies(L.lang)[series.picked];
    if (!company) return;
    var k = want != null ? want : company.calls[company.calls.length - 1];
    if (k === current && page.analysis()) return;
    var a = series.call(k);
    if (page.showAnalysis(a, linked ? 'link' : 'transcript')) current = k;
  }

  function refresh(refused) {
    if (!series) return;
    var companies = series.companies(L.lang);
    var calls = series.calls(L.lang);
    var company = companies[series.picked];
    var many = company && company.calls.length > 1;
    // The section (calls, picker) shows for a series or several companies;
    // the series charts for a company of several calls only.
    section.hidden = !many && companies.length < 2;
    $('series-charts').hidden = !many;
    document.body.classList.toggle('has-series', !!many);
    explained = null;
    if (many) {
      try {
        explained = series.explain(L.lang);
      } catch (err) {
        console.warn('callchart: explaining the series failed:', err);
      }
    }
    if (explained) {
      var charts = {};
      explained.charts.forEach(function (pair) { charts['series-' + pair[0]] = pair[1]; });
      explained.charts = charts;
      explained.series = true;
      explained.open = openFact;
      $('series-heading').textContent = explained.heading;
      $('series-meta').textContent = explained.meta;
    } else {
      $('series-heading').textContent = company ? company.name : '';
      $('series-meta').textContent = '';
    }
    renderPicker(companies);
    renderCalls(calls, company);
    version++;
    drawnKeys = {};
    canvases.forEach(function (c) { c.closest('figure').hidden = false; });
    draw();
    var said = [plural(calls.length, 'call'), plural(companies.length, 'company')];
    var done = t('status.series', said[0], said[1]);
    page.status('ready', (refused && refused.length ? done + ' · ' + refused.join(' · ') : done));
  }

  function renderPicker(companies) {
    var label = $('company-pick-label');
    var select = $('company-pick');
    label.hidden = companies.length < 2;
    select.textContent = '';
    companies.forEach(function (c, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = c.name + ' (' + plural(c.calls.length, 'call') + ')';
      if (i === series.picked) o.selected = true;
      select.appendChild(o);
    });
  }

  function renderCalls(calls, company) {
    var list = $('calls-list');
    list.textContent = '';
    if (!company) return;
    company.calls.forEach(function (k) {
      var c = calls[k];
      var li = document.createElement('li');
      li.className = 'call-item' + (k === current ? ' current' : '');
      li.dataset.call = String(k);
      var show = document.createElement('button');
      show.type = 'button';
      show.className = 'call-show';
      show.textContent = (c.period ? c.period + ' · ' : '') + c.name;
      show.title = t('series.show');
      show.setAttribute('aria-current', k === current ? 'true' : 'false');
      show.addEventListener('click', function () { shownCall(k); refresh(); });
      li.appendChild(show);
      var facts = document.createElement('span');
      facts.className = 'call-facts';
      facts.textContent = plural(c.facts, 'fact') + (k === current ? ' · ' + t('series.shown') : '');
      li.appendChild(facts);
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button ghost small call-remove';
      remove.textContent = '×';
      remove.title = t('series.remove');
      remove.setAttribute('aria-label', t('series.remove_aria', c.name));
      remove.addEventListener('click', function () { removeCall(k); });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }

  function removeCall(k) {
    if (!series) return;
    series.remove(k);
    if (current === k) current = -1;
    else if (current > k) current--;
    if (series.length === 0) {
      clear();
      return;
    }
    if (current < 0) shownCall(null);
    refresh();
  }

  // A figure of a series chart was chosen: its call is shown below, and
  // the sentence it was said in.
  function openFact(i) {
    var o = null;
    try { o = series.origin(i); } catch (err) { return; }
    if (!o) return;
    if (o.call !== current) {
      shownCall(o.call);
      refresh();
    }
    if (page.trace) page.trace.openSentence(o.fact, true);
  }

  // ---- drawing ------------------------------------------------------------------

  function draw() {
    if (!series || section.hidden || $('series-charts').hidden) return;
    var dpr = window.devicePixelRatio || 1;
    var dark = page.isDark();
    canvases.forEach(function (canvas, n) {
      var box = canvas.getBoundingClientRect();
      var w = Math.round(box.width * dpr);
      var h = Math.round(box.height * dpr);
      if (w < 2 || h < 2) return;
      var key = w + 'x' + h + '@' + dpr + (dark ? 'd' : 'l') + '#' + version + L.lang;
      if (drawnKeys[canvas.id] === key) return;
      var scratch = document.createElement('canvas');
      scratch.width = w;
      scratch.height = h;
      var map;
      try {
        map = series.draw(scratch, KINDS[n], { scale: dpr, dark: dark, lang: L.lang });
      } catch (err) {
        console.warn('callchart: drawing the series ' + KINDS[n] + ' chart failed:', err);
        page.status('error', t('status.not_drawn', t('series.' + KINDS[n]), capitalize(String(err && err.message || err))));
        page.recover();
        return;
      }
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d').drawImage(scratch, 0, 0);
      drawnKeys[canvas.id] = key;
      var need = map && map.min_height > 0 ? Math.ceil(map.min_height / dpr) + 'px' : '';
      if (canvas.parentElement.style.minHeight !== need) canvas.parentElement.style.minHeight = need;
      if (page.trace) page.trace.drawn('series-' + KINDS[n], canvas, map, dpr, explained);
      // A company that states no margin: no empty margins chart.
      if (KINDS[n] === 'margins' && map.regions().length === 0) canvas.closest('figure').hidden = true;
    });
  }

  function clear() {
    batch++;
    if (series) {
      try { series.free(); } catch (e) { /* a panicked instance */ }
    }
    series = null;
    explained = null;
    current = -1;
    section.hidden = true;
    document.body.classList.remove('has-series');
  }

  if (typeof ResizeObserver === 'function') {
    var ro = new ResizeObserver(function () { requestAnimationFrame(draw); });
    canvases.forEach(function (c) { ro.observe(c); });
  }

  $('company-pick').addEventListener('change', function (e) {
    if (!series) return;
    series.pick(Number(e.target.value));
    current = -1;
    shownCall(null);
    refresh();
  });

  var addInput = $('add-file');
  addInput.addEventListener('change', function () {
    var files = Array.prototype.slice.call(addInput.files || []);
    addInput.value = '';
    open(files, false);
  });

  // Exports: the picked company's figures as CSV (a call column first),
  // the whole merge as callchart/series@1 JSON.
  function save(kind) {
    if (!series || !page.share) return;
    try {
      if (kind === 'csv') page.share.download(new Blob([series.csv()], { type: 'text/csv' }), series.file_name('csv'));
      else page.share.download(new Blob([JSON.stringify(series.series(), null, 2)], { type: 'application/json' }), series.file_name('json'));
    } catch (err) {
      console.warn('callchart: the series export failed:', err);
      page.recover();
    }
  }
  $('series-csv').addEventListener('click', function () { save('csv'); });
  $('series-json').addEventListener('click', function () { save('json'); });

  page.series = {
    // Several files at once (`replace`: a new series; else added to what is shown).
    open: open,
    // One call came in the usual way (typed, pasted, one file): no series.
    clear: function () { if (series) clear(); },
    // Redraw (size, theme) and relabel (language).
    draw: draw,
    relabel: function () { if (series) refresh(); },
    // The engine instance was replaced after a panic: the series is gone.
    lost: function () { series = null; clear(); },
    // A series opened from a link (a Series handle, taken over), call `shown` below.
    openLinked: function (handle, shown) {
      clear();
      series = handle;
      linked = true;
      shownCall(shown);
      if (current < 0) return false;
      refresh();
      return true;
    },
    // A promise of the series link of what is shown (#v4=…), or null when no series is.
    link: function (state) {
      return series && !section.hidden && series.length > 1 ? page.share.link(series, state, current) : null;
    },
    // For the tests.
    handle: function () { return series; },
    current: function () { return current; }
  };
})();
