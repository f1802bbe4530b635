/* callchart engine: starts the wasm module the same way for the page
 * (app.js), the worker (worker.js) and the embed (embed.js); defines one
 * name, callchartEngine (inside the embed's closure, not even that).
 * compile(): the page's module (the single file's gzip+base64 bytes, else
 * pkg/callchart_bg.wasm); compileBase64(b64, gzipped): the embed's;
 * openLink(ns, fragment, lang, series): a share link opened (the browser
 * inflates it: the wasm has no inflater), a promise;
 * start(module): the glue's own wasm_bindgen namespace; instantiate(module,
 * glue?): a fresh one (no eval: build.sh wraps the glue in callchart_glue();
 * `glue` is another module's, such as the embed's full engine);
 * panicked(): the Rust panic hook raised globalThis.__callchartPanicked;
 * recover(module, glue?): a fresh instance after a panic (its memory can't
 * be trusted), or null.
 */
/* global callchart_glue, wasm_bindgen, CALLCHART_EMBED */
var callchartEngine = (function () {
  'use strict';

  // atob skips ASCII whitespace itself (forgiving base64): no pass over
  // the ~450 KB of text to drop it first. Uint8Array.fromBase64 (where
  // there is one) decodes in native code: the loop below runs cold, in the
  // interpreter, ~10 ms on the critical path of every open.
  function base64Bytes(b64) {
    if (typeof Uint8Array.fromBase64 === 'function') {
      try { return Uint8Array.fromBase64(String(b64)); } catch (e) { /* not base64: atob says why */ }
    }
    var raw = atob(String(b64));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  // `bytes` unpacked as a stream (`format`: gzip, else DecompressionStream's name).
  function unpacking(bytes, format) {
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser is too old to unpack ' + (format ? 'chart links' : 'the chart engine') + ' (it lacks DecompressionStream)');
    }
    return new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format || 'gzip'));
  }

  function mark(name) {
    if (typeof performance !== 'undefined' && performance.mark) performance.mark('callchart:' + name);
  }

  // The wasm is compiled as it is unpacked (compileStreaming over the
  // DecompressionStream: the two overlap, off the main thread), else
  // unpacked whole, then compiled.
  function compileBase64(b64, gzipped) {
    return new Promise(function (resolve) {
      var bytes = base64Bytes(b64);
      mark('decoded');
      resolve(bytes);
    }).then(function (bytes) {
      if (!gzipped) return WebAssembly.compile(bytes);
      var whole = function () { return new Response(unpacking(bytes)).arrayBuffer().then(function (b) { return WebAssembly.compile(b); }); };
      if (typeof WebAssembly.compileStreaming !== 'function') return whole();
      return WebAssembly.compileStreaming(new Response(unpacking(bytes), { headers: { 'Content-Type': 'application/wasm' } }))
        .catch(whole);
    });
  }

  // A link's packed bytes (wasm link_packed) inflated by the browser, at
  // most `max` bytes: {bytes} or {failure: 'too-big' | 'bad'}, as
  // open_unpacked takes them (the wasm carries no inflater).
  function inflate(packed, max) {
    var reader = unpacking(packed, 'deflate-raw').getReader();
    var parts = [];
    var size = 0;
    function next() {
      return reader.read().then(function (r) {
        if (r.done) {
          var all = new Uint8Array(size);
          for (var i = 0, at = 0; i < parts.length; at += parts[i].length, i++) all.set(parts[i], at);
          return { bytes: all, failure: null };
        }
        size += r.value.length;
        if (size > max) {
          reader.cancel().catch(function () {});
          return { bytes: null, failure: 'too-big' };
        }
        parts.push(r.value);
        return next();
      }, function () {
        return { bytes: null, failure: 'bad' };
      });
    }
    return next();
  }

  // Opens share link `fragment` in wasm namespace `ns`: a promise of its
  // Analysis, or of its Series (`series`: a #v4=… link); rejected with the
  // reason, in `lang`, when the link cannot be opened.
  function openLink(ns, fragment, lang, series) {
    return new Promise(function (resolve) {
      resolve(inflate(ns.link_packed(fragment, lang), ns.link_max_inflated()));
    }).then(function (got) {
      return (series ? ns.Series : ns).open_unpacked(fragment, got.bytes, got.failure, lang);
    });
  }

  function compileUrl(url) {
    var response = fetch(url);
    if (WebAssembly.compileStreaming) {
      return WebAssembly.compileStreaming(response).catch(function () {
        // A server that sends .wasm without application/wasm: compile the bytes.
        return fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
      });
    }
    return response.then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
  }

  // The page's module: inlined in the single file
  // (type="application/wasm;gzip;base64"), fetched next to a hosted page.
  // The single file puts the wasm and this script at the top of <head>, so
  // the compile starts as this script runs (`early`), while the browser
  // still parses and lays out the page; compile() hands that promise over.
  var early = null;
  function compile() {
    if (early) {
      var got = early;
      early = null;
      return got;
    }
    var inlined = typeof document !== 'undefined' && document.getElementById('callchart-wasm');
    if (inlined) return compileBase64(inlined.textContent, /gzip/.test(inlined.type));
    return compileUrl('pkg/callchart_bg.wasm');
  }
  function startEarly() {
    if (typeof document !== 'undefined' && document.getElementById('callchart-wasm') && document.readyState === 'loading' && !document.body) {
      early = compile();
      early.catch(function () { /* said by whoever takes it */ });
      // A share link replaces the text box's sample: style.css does not lay
      // it out meanwhile (share.js lifts this once the link is open or not).
      // Else the sample is charted first and laid out once the charts are
      // painted (app.js lifts it): its ~90 KB of text, CJK lines and all,
      // were tens of ms of the first layout, in the middle of the parse.
      document.documentElement.dataset.opening = /^#[^=]*=/.test(location.hash) ? 'link' : 'sample';
    }
  }

  function init(ns, module) {
    ns.initSync({ module: module });
    ns.init_panic_hook(); // the module has no start function: this is its start
    return ns;
  }

  function start(module) {
    if (typeof wasm_bindgen === 'undefined') throw new Error('the chart engine script is missing (was the page built with ./build.sh?)');
    return init(wasm_bindgen, module);
  }

  function instantiate(module, glue) {
    if (typeof glue === 'function') return init(glue(), module);
    return init(typeof callchart_glue === 'function' ? callchart_glue() : wasm_bindgen, module);
  }

  function panicked() {
    return globalThis.__callchartPanicked === true;
  }

  function recover(module, glue) {
    try {
      var fresh = instantiate(module, glue);
      globalThis.__callchartPanicked = false;
      return fresh;
    } catch (err) {
      console.error('callchart: the chart engine could not be restarted:', err);
      return null;
    }
  }

  var api = {
    compileBase64: compileBase64,
    openLink: openLink,
    start: start,
    instantiate: instantiate,
    panicked: panicked,
    recover: recover
  };
  // The page's and the worker's alone: build.sh minifies the embed script
  // with CALLCHART_EMBED defined (terser's --define), which leaves this out,
  // and with it compile and compileUrl (nothing else calls them).
  if (typeof CALLCHART_EMBED === 'undefined') {
    api.compile = compile;
    startEarly();
  }
  return api;
})();
