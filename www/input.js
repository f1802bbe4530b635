/* callchart page: reading input (a classic script, like app.js, loaded
 * after it). The text box (typed text after a pause, pasted text at once,
 * the Chart button), the file picker and drops (several files are a series:
 * series.js), and inputs over MAIN_THREAD_MAX read in a Web Worker with a
 * progress bar while the page stays responsive; a large file's text box
 * holds a read-only preview. Each reading becomes an Analysis handle that
 * app.js shows (page.showReading) or refuses with the reading's message.
 *
 * It fills in on app.js's page object: analyze(), reading(), cancel,
 * inputLimit, mainThreadMax, fileName(), readInBackground (for series.js)
 * and settleInput (app.js, when a link replaces what the box said).
 */
(function () {
  'use strict';

  var page = window.callchartPage;
  if (!page) return;
  var L = callchartI18n;
  var t = L.t;
  var TYPE_DELAY_MS = 500;

  var $ = function (id) { return document.getElementById(id); };
  var textarea = $('transcript');
  var button = $('chart-it');
  var fileInput = $('file');
  var lastText = null;     // the text the analysis shown came from
  var typeTimer = 0;
  var givenCall = null;    // the call's period the reader chose for this input ("FY2021-Q3"), or null
  var lastFile = null;     // the file the input came from (a re-read with a chosen period reads it again)

  // ---- the text box ------------------------------------------------------

  function analyzeNow(force) {
    if (!page.engine()) return;
    if (bigInput) return; // the box holds a read-only preview of a large file
    var text = textarea.value;
    if (!force && text === lastText) return;
    if (!text.trim()) {
      lastText = text;
      cancelReading();
      page.status('empty', t('status.empty'));
      page.markStale(true);
      return;
    }
    if (text !== lastText) givenCall = null; // another text: its own period
    lastText = text;
    shownName = null;
    lastFile = null;
    if (text.length > MAIN_THREAD_MAX) {
      readOffThread({ text: text }, t('what.pasted'), text.length);
      return;
    }
    // Several calls in one paste (src/split.rs): a series of them, each read as a file.
    var parts = [];
    try { parts = page.series ? page.engine().split_calls(text) : []; } catch (err) { page.recover(); }
    page.mark('split');
    if (parts.length > 1) {
      page.series.open(parts.map(function (p, i) { return new File([p], 'pasted-' + (i + 1) + '.txt', { type: 'text/plain' }); }), true);
      return;
    }
    cancelReading();
    var analysis;
    try {
      analysis = page.engine().read_text(text, undefined, givenCall || undefined);
      page.mark('read');
    } catch (err) {
      console.warn('callchart: reading the text failed:', err);
      page.status('error', t('status.cannot_read_text', page.errorMessage(err)));
      page.markStale(true);
      page.recover();
      return;
    }
    var reading = analysis.reading(L.lang);
    page.mark('reading');
    page.showReading(analysis, reading, t('what.this_text'));
  }

  // ---- input: paste, type, file picker, drag and drop ----------------------

  function loadFile(file) {
    if (!file || !page.engine()) return;
    if (file !== lastFile) givenCall = null; // another file: its own period
    lastFile = file;
    var name = t('what.file', file.name);
    if (file.size > inputLimit()) {
      cancelReading();
      page.status('refused', t('status.file_too_big', name, megabytes(file.size), megabytes(inputLimit())));
      return;
    }
    if (file.size > MAIN_THREAD_MAX) {
      readOffThread({ file: file, keep: PREVIEW_BYTES }, name, file.size, file);
      return;
    }
    cancelReading();
    var ticket = ++readingId;
    file.arrayBuffer().then(function (buffer) {
      if (ticket !== readingId) return; // something newer came in meanwhile
      var analysis, reading;
      try {
        analysis = page.engine().read_bytes(new Uint8Array(buffer), WHOLE_TEXT, undefined, givenCall || undefined);
        reading = analysis.reading(L.lang);
      } catch (err) {
        page.status('error', t('status.cannot_read', name, page.errorMessage(err)));
        page.recover();
        return;
      }
      if (reading.ok) putText(reading, file);
      lastFile = file;
      page.showReading(analysis, reading, name);
    }, function (err) {
      page.status('error', t('status.cannot_read', name, page.errorMessage(err)));
    });
  }

  textarea.addEventListener('input', function (e) {
    clearTimeout(typeTimer);
    lastFile = null; // the box is the input now
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

  // Several files at once are a series of calls (series.js).
  function loadFiles(list) {
    var files = Array.prototype.slice.call(list || []);
    if (files.length > 1 && page.series) {
      askCall(null, 'series');
      page.series.open(files, true);
    } else loadFile(files[0]);
  }

  fileInput.addEventListener('change', function () {
    loadFiles(fileInput.files);
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
    loadFiles(e.dataTransfer.files);
  });

  // ---- large inputs: read off the main thread -------------------------------
  //
  // Files and texts over MAIN_THREAD_MAX go to a Web Worker running the same
  // wasm module, with a progress bar; the page stays responsive and the
  // previous charts stay until the new ones are drawn. A large file is not
  // put into the text box whole (a textarea with tens of MB freezes the tab
  // for seconds): the box shows a read-only preview of its beginning.

  var MAIN_THREAD_MAX = 1000000;  // bytes (characters for pasted text)
  var PREVIEW_BYTES = 200000;
  var WHOLE_TEXT = 0x3fffffff;
  var worker = null;
  var workerReady = null;         // Promise of a started worker
  var readingId = 0;              // the newest request; older answers are dropped
  var bigInput = null;            // {name, size} while the box shows a preview
  var shownName = null;           // the file name of the call read last
  var progressEl = $('progress');
  var inputNoteEl = $('input-note');

  function inputLimit() {
    var engine = page.engine();
    try { return engine && engine.input_limit ? engine.input_limit() : 64e6; } catch (e) { return 64e6; }
  }

  function megabytes(n) {
    return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + ' MB';
  }

  function workerSource() {
    var glue = document.getElementById('callchart-glue');
    var eng = document.getElementById('callchart-engine');
    var code = document.getElementById('callchart-worker');
    if (glue && eng && code) {
      // Single file (file://): glue, engine and worker code, inlined, as a blob.
      var blob = new Blob([glue.textContent, '\n', eng.textContent, '\n', code.textContent], { type: 'text/javascript' });
      return URL.createObjectURL(blob);
    }
    return 'worker.js';
  }

  function startWorker() {
    if (workerReady) return workerReady;
    workerReady = new Promise(function (resolve, reject) {
      var w;
      try {
        w = new Worker(workerSource());
      } catch (err) {
        reject(err);
        return;
      }
      w.onmessage = function (e) {
        if (e.data && e.data.type === 'ready') {
          w.onmessage = onWorkerMessage;
          resolve(w);
        } else if (e.data && e.data.type === 'failed') {
          reject(new Error(e.data.message));
        }
      };
      w.onerror = function (e) {
        e.preventDefault();
        reject(new Error(e.message || 'the worker did not start'));
      };
      w.postMessage({ type: 'init', module: page.engineModule() });
      worker = w;
    });
    workerReady.catch(function () { stopWorker(); });
    return workerReady;
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
    workerReady = null;
  }

  var pending = null; // {id, what, file, onDone}

  function showProgress(fraction, label) {
    progressEl.hidden = false;
    progressEl.value = Math.max(0, Math.min(1, fraction));
    progressEl.textContent = Math.round(fraction * 100) + '%';
    page.status('working', label + ' ' + Math.round(fraction * 100) + '%');
  }

  function hideProgress() {
    progressEl.hidden = true;
  }

  // Stops whatever is being read in the background (newer input wins).
  function cancelReading() {
    readingId++;
    if (pending) {
      pending = null;
      hideProgress();
      stopWorker(); // a worker deep in a 50 MB parse can only be stopped this way
    }
  }

  function readOffThread(request, what, size, file, onDone) {
    if (size > inputLimit()) {
      cancelReading();
      page.status('refused', t('status.too_big', page.capitalize(what), megabytes(size), megabytes(inputLimit())));
      return;
    }
    cancelReading();
    var id = readingId;
    pending = { id: id, what: what, file: file || null, size: size, onDone: onDone || null };
    showProgress(0, t('status.reading', what, megabytes(size)));
    var message = { type: 'read', id: id, keep: request.keep || 0, lang: L.lang, call: onDone ? null : givenCall };
    var transfer = [];
    if (request.file) {
      message.file = request.file;
    } else {
      // A string is copied when posted (slow for tens of MB); UTF-8 bytes are moved.
      message.bytes = new TextEncoder().encode(request.text).buffer;
      transfer.push(message.bytes);
    }
    startWorker().then(function (w) {
      if (!pending || pending.id !== id) return;
      w.postMessage(message, transfer);
    }, function (err) {
      if (!pending || pending.id !== id) return;
      var done = pending.onDone;
      pending = null;
      hideProgress();
      if (done) return done({ type: 'failed', message: page.errorMessage(err) });
      console.warn('callchart: the background reader did not start:', err);
      page.status('error', t('status.cannot_read_bg', what, page.errorMessage(err)));
    });
  }

  function onWorkerMessage(e) {
    var msg = e.data || {};
    if (!pending || msg.id !== pending.id) return;
    var p = pending;
    if (msg.type === 'progress') {
      showProgress(msg.fraction, t('status.reading', p.what, megabytes(p.size)));
      return;
    }
    pending = null;
    hideProgress();
    if (p.onDone) {
      if (msg.type === 'failed') stopWorker();
      p.onDone(msg);
      return;
    }
    if (msg.type === 'failed') {
      if (msg.panicked) {
        console.error('callchart: internal error in the background reader:', msg.message);
        page.status('error', t('status.cannot_read', p.what, t('status.internal')));
      } else {
        page.status('error', t('status.cannot_read', p.what, page.capitalize(msg.message)));
      }
      stopWorker(); // a fresh worker (and wasm instance) for the next input
      page.markStale(true);
      return;
    }
    if (msg.type === 'result') {
      // The worker's analysis, rebuilt here from its facts' bytes without
      // parsing anything again; its view (the transcript pane) comes along.
      var reading = msg.reading;
      var analysis;
      try {
        analysis = reading.ok ? page.engine().Analysis.rebuild(msg.facts, msg.view) : null;
      } catch (err) {
        page.status('error', t('status.cannot_read', p.what, page.errorMessage(err)));
        page.recover();
        return;
      }
      if (reading.ok && p.file) {
        putText(reading, p.file);
        lastFile = p.file;
      }
      page.showReading(analysis, reading, p.what);
    }
  }

  // Puts a file's decoded text into the box: whole when it is small, else a
  // read-only preview of its beginning with a note.
  function putText(reading, file) {
    shownName = file.name;
    var whole = !reading.text_cut;
    clearTimeout(typeTimer);
    if (whole) {
      leaveBigInput();
      textarea.value = reading.text;
    } else {
      bigInput = { name: file.name, size: file.size };
      textarea.value = reading.text;
      textarea.readOnly = true;
      inputNoteEl.hidden = false;
      $('input-note-text').textContent = t('status.preview', file.name, megabytes(file.size));
    }
    textarea.scrollTop = 0;
    lastText = textarea.value;
  }

  function leaveBigInput() {
    if (!bigInput) return;
    bigInput = null;
    textarea.readOnly = false;
    inputNoteEl.hidden = true;
  }

  $('input-clear').addEventListener('click', function () {
    leaveBigInput();
    cancelReading();
    textarea.value = '';
    lastText = '';
    lastFile = null;
    givenCall = null;
    askCall(null, 'transcript');
    textarea.focus();
    page.status('empty', t('status.empty'));
    page.markStale(true);
  });


  // ---- which quarter is this call? --------------------------------------------
  //
  // A transcript that never says its fiscal year gives no datable figure
  // (src/extract/identity.rs): the page says so and asks, prefilled with
  // what its words point to (a quarter without a year). Choosing reads the
  // same input again with that period given (read_text / read_bytes's
  // `call`, the worker's too), as if the text had said it; the text stays.
  // A call whose period was read can be corrected the same way ("Wrong
  // quarter?"). explain()'s `call` ({period, year, quarter, given}) says
  // what is shown; app.js calls askCall after every input read.

  var askForm = $('call-ask');
  var askWhy = $('call-ask-why');
  var askYear = $('call-year');
  var askQuarter = $('call-quarter');
  var askFix = $('call-fix');
  var asked = null;       // {call, open}: explain()'s call of the input shown, null for none

  var QUARTERS = ['ask.q1', 'ask.q2', 'ask.q3', 'ask.q4'];

  function quarterText(q) {
    return t(QUARTERS[q - 1]);
  }

  function periodText(year, quarter) {
    return t('ask.period', String(year), quarterText(quarter));
  }

  // The years offered: next year back to 1990, and the call's own if older.
  function fillYears(selected) {
    var top = new Date().getFullYear() + 1;
    var years = [];
    for (var y = top; y >= 1990; y--) years.push(y);
    if (selected && years.indexOf(selected) === -1) years.push(selected);
    askYear.textContent = '';
    var none = document.createElement('option');
    none.value = '';
    none.textContent = t('ask.choose');
    askYear.appendChild(none);
    years.forEach(function (y) {
      var o = document.createElement('option');
      o.value = String(y);
      o.textContent = t('ask.fy', String(y));
      askYear.appendChild(o);
    });
    askYear.value = selected ? String(selected) : '';
  }

  // Says why the question is asked (in the page's language) and what is chosen.
  function renderAsk() {
    if (!asked) return;
    var c = asked.call;
    var why;
    if (!c.period) why = c.quarter ? t('ask.unknown_guess', quarterText(c.quarter)) : t('ask.unknown');
    else if (c.given) why = t('ask.given', c.quarter ? periodText(c.year, c.quarter) : t('ask.fy', String(c.year)));
    else why = t('ask.fix_why', c.quarter ? periodText(c.year, c.quarter) : t('ask.fy', String(c.year)));
    askWhy.textContent = why;
    askFix.hidden = asked.open || !c.period; // no period read: nothing to correct
    askForm.hidden = !asked.open;
  }

  // What is shown now: `call` is explain()'s call (null: nothing to ask, as
  // for a link or a series), `from` where it came from.
  function askCall(call, from) {
    if (!call || from !== 'transcript') {
      asked = null;
      askForm.hidden = true;
      askFix.hidden = true;
      return;
    }
    // Asked at once when figures could not be dated for want of a period (or
    // the words point to a quarter), or a period was chosen; else on "Wrong quarter?".
    var undated = !call.period && (call.undated || !!call.quarter);
    asked = { call: call, open: undated || !!call.given };
    fillYears(call.year || null);
    askQuarter.value = call.quarter ? String(call.quarter) : '';
    renderAsk();
  }

  askFix.addEventListener('click', function () {
    if (!asked) return;
    asked.open = true;
    renderAsk();
    askYear.focus();
  });

  askForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var year = askYear.value;
    var quarter = askQuarter.value;
    if (!year || !quarter) {
      askWhy.textContent = t('ask.incomplete');
      (year ? askQuarter : askYear).focus();
      return;
    }
    givenCall = 'FY' + year + '-Q' + quarter;
    if (lastFile) loadFile(lastFile);
    else analyzeNow(true);
  });

  L.onChange(function () {
    if (!asked) return;
    fillYears(askYear.value ? Number(askYear.value) : null);
    renderAsk();
  });

  // ---- on the page object ---------------------------------------------------

  var api = {
    analyze: function () { analyzeNow(true); },
    // For app.js: the call shown (explain()'s `call`) and where from, to ask which quarter it is.
    askCall: askCall,
    // For the tests: is a large input being read in the background?
    reading: function () { return pending ? { what: pending.what, size: pending.size } : null; },
    // For series.js: how one file is read.
    cancel: cancelReading,
    inputLimit: inputLimit,
    mainThreadMax: MAIN_THREAD_MAX,
    fileName: function () { return shownName; },
    // Reads a large file in the worker: a Promise of {analysis, reading} or {error}.
    readInBackground: function (file, what) {
      return new Promise(function (resolve) {
        readOffThread({ file: file, keep: 0 }, what, file.size, file, function (msg) {
          if (msg.type !== 'result') return resolve({ error: page.capitalize(msg.message || '') });
          try {
            resolve({ reading: msg.reading, analysis: msg.reading.ok ? page.engine().Analysis.rebuild(msg.facts, msg.view) : null });
          } catch (err) {
            page.recover();
            resolve({ error: page.errorMessage(err) });
          }
        });
      });
    },
    // Something other than the box (a link) is shown: what the box says
    // now counts as read, and a pending typing pause is dropped.
    settleInput: function () {
      clearTimeout(typeTimer);
      lastText = textarea.value;
    }
  };
  Object.keys(api).forEach(function (k) { page[k] = api[k]; });
})();
