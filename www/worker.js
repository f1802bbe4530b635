/* callchart worker: reads large inputs off the page's main thread, with the
 * very same wasm module (the page compiles it once and posts the
 * WebAssembly.Module here).
 *
 * The single-file build runs this script from a blob: URL with the
 * wasm-bindgen glue and engine.js prepended (nothing can be fetched from
 * file://); the hosted page runs worker.js itself, which loads
 * pkg/callchart.js and engine.js.
 *
 * Messages in:  {type: 'init', module}
 *               {type: 'read', id, file, keep}   a File: read, decoded, analyzed
 *               {type: 'read', id, bytes, keep}  an ArrayBuffer (the box's text as UTF-8)
 *               {type: 'read', id, text}         a string (the box's text)
 * Messages out: {type: 'ready'}
 *               {type: 'progress', id, stage, fraction}   stage: read, decode, parse, extract, done
 *               {type: 'result', id, reading, facts, view}
 *                   the analysis: how the input was read, its facts as bytes
 *                   (Analysis.facts_bytes, a transferred buffer) and the
 *                   transcript view, from which the page rebuilds it
 *                   (Analysis.rebuild) without parsing anything again
 *               {type: 'failed', id, message, panicked}
 * A panic leaves this worker's instance unusable: the page ends the worker
 * and starts another.
 */
/* global wasm_bindgen, callchartEngine, importScripts, FileReader */
'use strict';

if (typeof wasm_bindgen === 'undefined') importScripts('pkg/callchart.js');
if (typeof callchartEngine === 'undefined') importScripts('engine.js');

var started = false;

// Progress: reading the file is the first half of the bar (it is the part
// that scales with the size that a person waits for); then decoding, parsing
// and extracting.
var SPAN = { read: [0, 0.5], decode: [0.5, 0.55], parse: [0.55, 0.8], extract: [0.8, 0.98], done: [1, 1] };

function progress(id, stage, fraction) {
  var s = SPAN[stage] || [0, 1];
  self.postMessage({ type: 'progress', id: id, stage: stage, fraction: s[0] + (s[1] - s[0]) * (fraction || 0) });
}

function fail(id, err) {
  self.postMessage({
    type: 'failed',
    id: id,
    message: String(err && err.message || err),
    panicked: callchartEngine.panicked()
  });
}

function readFile(id, file) {
  return new Promise(function (resolve, reject) {
    var reader = new FileReader();
    reader.onprogress = function (e) {
      if (e.lengthComputable && e.total > 0) progress(id, 'read', e.loaded / e.total);
    };
    reader.onload = function () { resolve(new Uint8Array(reader.result)); };
    reader.onerror = function () { reject(reader.error || new Error('the file could not be read')); };
    reader.readAsArrayBuffer(file);
  });
}

self.onmessage = function (e) {
  var msg = e.data || {};
  if (msg.type === 'init') {
    try {
      callchartEngine.start(msg.module);
      started = true;
      self.postMessage({ type: 'ready' });
    } catch (err) {
      fail(null, err);
    }
    return;
  }
  if (msg.type !== 'read') return;
  var id = msg.id;
  if (!started) {
    fail(id, new Error('the chart engine did not start in the worker'));
    return;
  }
  var onStage = function (stage, fraction) { progress(id, stage, fraction); };
  var run = function (fn) {
    try {
      var analysis = fn();
      var reading = analysis.reading(msg.lang);
      var facts = reading.ok ? analysis.facts_bytes() : null;
      var view = reading.ok ? analysis.view() : null;
      analysis.free();
      self.postMessage({ type: 'result', id: id, reading: reading, facts: facts, view: view }, facts ? [facts.buffer] : []);
    } catch (err) {
      fail(id, err);
    }
  };
  if (msg.file) {
    progress(id, 'read', 0);
    readFile(id, msg.file).then(function (bytes) {
      run(function () { return wasm_bindgen.read_bytes(bytes, msg.keep, onStage, msg.call || undefined); });
    }, function (err) { fail(id, err); });
  } else if (msg.bytes) {
    run(function () { return wasm_bindgen.read_bytes(new Uint8Array(msg.bytes), msg.keep, onStage, msg.call || undefined); });
  } else {
    run(function () { return wasm_bindgen.read_text(String(msg.text || ''), onStage, msg.call || undefined); });
  }
};
