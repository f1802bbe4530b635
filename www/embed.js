/* <callchart-chart>: a callchart chart for any page, loaded by one script tag.
 *
 *   <script src="https://example.com/callchart/callchart-embed.js" defer></script>
 *   <callchart-chart chart="revenue" data="v2=…"></callchart-chart>
 *   <callchart-chart chart="margins" src="transcript.txt"></callchart-chart>
 *
 * Attributes: chart (revenue | margins | guidance), data (a share link's
 * payload, "v2=…", as the page's "Copy embed code" writes it) or src (a
 * transcript URL, fetched and analyzed in the reader's browser), theme
 * (light | dark; default: the reader's prefers-color-scheme), aria-label,
 * lang (zh-TW, zh-Hant, zh-HK: the chart in Traditional Chinese; the nearest
 * lang="" of the element or its page decides; default English).
 * Styling: the element is a block that fills its container's width at 2:1
 * (3:2 for guidance, 1:1 when narrow); give it a height or aspect-ratio to
 * change that. It never gets shorter than the chart needs at its width for
 * a readable plot (a min-height from the chart's own layout). --callchart-bg, --callchart-fg, --callchart-accent and
 * --callchart-font restyle the chart.
 *
 * build.sh wraps this file with the viewer's wasm-bindgen glue, engine.js
 * and the viewer's wasm bytes (gzip, base64) into dist/callchart-embed.js,
 * one self-contained script: every element on a page shares one wasm
 * instance, and nothing else is fetched for data="…" (no CORS, works in a
 * sandboxed iframe and under a strict CSP). The viewer decodes links and
 * draws; it cannot read a transcript, so the first src="…" element loads
 * the full engine, callchart-embed-engine.js from beside this script (it
 * hands its glue and wasm over by a `callchart-engine` event on document).
 * After a panic (a bug) the instance is replaced by a fresh one.
 *
 * A link's data is untrusted: wasm decodes it strictly; messages reach the
 * element as text only.
 */
(function (engineApi, wasmBase64, script) {
  'use strict';

  if (typeof customElements === 'undefined' || customElements.get('callchart-chart')) return;

  var KINDS = ['revenue', 'margins', 'guidance'];
  var NARROW_PX = 480;
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  // ---- one engine for all elements -----------------------------------------

  // Two engines, each started once for all elements: the viewer (its wasm
  // in this script) and, for src="…" elements only, the full one.
  var FULL_ENGINE = 'callchart-embed-engine.js';
  var base = script && script.src ? script.src : null;
  var engines = {
    viewer: { promise: null, module: null, glue: null },
    full: { promise: null, module: null, glue: null }
  };

  function fullEngineSource() {
    return new Promise(function (resolve, reject) {
      if (!base) throw oops('the transcript engine cannot be found (load callchart-embed.js by its URL)', '找不到逐字稿引擎（請以網址載入 callchart-embed.js）');
      var url = new URL(FULL_ENGINE, base).href;
      var tag = document.createElement('script');
      function got(event) {
        document.removeEventListener('callchart-engine', got);
        resolve(event.detail);
      }
      document.addEventListener('callchart-engine', got);
      tag.src = url;
      tag.onerror = function () {
        document.removeEventListener('callchart-engine', got);
        reject(oops('could not load the transcript engine (' + url + ')', '無法載入逐字稿引擎（' + url + '）'));
      };
      (document.head || document.documentElement).appendChild(tag);
    });
  }

  function engine(which) {
    var e = engines[which];
    if (!e.promise) {
      var source = which === 'full' ? fullEngineSource()
        : Promise.resolve({ glue: null, wasm: wasmBase64 });
      e.promise = !engineApi || !wasmBase64
        ? Promise.reject(oops('the chart engine is missing (load dist/callchart-embed.js built by build.sh)', '缺少圖表引擎（請載入 build.sh 產生的 dist/callchart-embed.js）'))
        : source.then(function (src) {
          return engineApi.compileBase64(src.wasm, true).then(function (module) {
            e.module = module;
            e.glue = src.glue;
            return src.glue ? engineApi.instantiate(module, src.glue) : engineApi.start(module);
          });
        });
    }
    return e.promise;
  }

  // After a panic the shared instance's memory can't be trusted: a fresh
  // one replaces it; true when it did (the element then loads again).
  function recover(which) {
    var e = engines[which];
    if (!engineApi || !engineApi.panicked() || !e.module) return false;
    var fresh = engineApi.recover(e.module, e.glue);
    if (!fresh) return false;
    e.promise = Promise.resolve(fresh);
    return true;
  }

  // ---- styles (constructed: allowed under style-src 'self') ---------------

  var CSS = [
    ':host { display: block; position: relative; width: 100%; aspect-ratio: 2 / 1; min-height: 180px; contain: content; }',
    ':host([chart="guidance"]) { aspect-ratio: 3 / 2; }',
    ':host([data-narrow]) { aspect-ratio: 1 / 1; }',
    ':host([data-narrow][chart="guidance"]) { aspect-ratio: 2 / 3; }',
    ':host([hidden]) { display: none; }',
    'canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }',
    '.msg { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; padding: 12px;',
    '  text-align: center; font: 14px/1.4 system-ui, sans-serif; color: #5f666d; overflow-wrap: anywhere; }',
    '.msg[hidden] { display: none; }',
    ':host([data-state="error"]) .msg { color: #b42318; }',
    '.probe { display: none; }'
  ].join('\n');
  var sheet = null;

  function styleShadow(root) {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      try {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(CSS);
        }
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (e) { /* fall through */ }
    }
    var style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  // ---- helpers -----------------------------------------------------------

  // An error with its words in Traditional Chinese too (`zh`).
  function oops(en, zh) {
    var err = new Error(en);
    err.zh = zh;
    return err;
  }

  function message(err, zh) {
    var text = zh && err && err.zh ? err.zh : err && err.message ? err.message : String(err);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function hex(n) {
    return ('0' + Math.max(0, Math.min(255, Math.round(n))).toString(16)).slice(-2);
  }

  // ---- the element ---------------------------------------------------------

  function CallchartChart() {
    return Reflect.construct(HTMLElement, [], CallchartChart);
  }
  CallchartChart.prototype = Object.create(HTMLElement.prototype);
  CallchartChart.prototype.constructor = CallchartChart;
  Object.setPrototypeOf(CallchartChart, HTMLElement);

  Object.defineProperty(CallchartChart, 'observedAttributes', {
    get: function () { return ['chart', 'data', 'src', 'theme', 'lang']; }
  });

  var proto = CallchartChart.prototype;

  proto.setup = function () {
    if (this._root) return;
    var root = this.attachShadow({ mode: 'open' });
    styleShadow(root);
    this._canvas = document.createElement('canvas');
    this._canvas.setAttribute('role', 'img');
    this._msg = document.createElement('div');
    this._msg.className = 'msg';
    this._msg.textContent = 'Loading chart…';
    this._probe = document.createElement('span');
    this._probe.className = 'probe';
    root.appendChild(this._canvas);
    root.appendChild(this._msg);
    root.appendChild(this._probe);
    this._root = root;
    this._analysis = null; // the Analysis handle (wasm) this element draws
    this._engine = 'viewer'; // the engine it is in: 'viewer' (data=) or 'full' (src=)
    this._key = '';
    this._frame = 0;
    this._loadId = 0;
    this.renders = 0;
    var self = this;
    this._schedule = function () { self.schedule(); };
  };

  proto.connectedCallback = function () {
    this.setup();
    if (typeof ResizeObserver === 'function') {
      this._ro = new ResizeObserver(this._schedule);
      this._ro.observe(this);
    } else {
      window.addEventListener('resize', this._schedule);
    }
    if (darkQuery) darkQuery.addEventListener('change', this._schedule);
    this.load();
  };

  proto.disconnectedCallback = function () {
    if (this._ro) this._ro.disconnect();
    window.removeEventListener('resize', this._schedule);
    if (darkQuery) darkQuery.removeEventListener('change', this._schedule);
  };

  proto.attributeChangedCallback = function (name, old, value) {
    if (!this._root || old === value) return;
    if (name === 'data' || name === 'src') this.load();
    else {
      if (name === 'lang') this._names = {};
      this.schedule(true);
    }
  };

  // The facts shown (callchart/facts@1), for scripts and tests.
  Object.defineProperty(proto, 'facts', {
    get: function () { return this._analysis ? this._analysis.facts() : null; }
  });

  // `dead`: the old analysis is in a panicked instance (not freed there).
  proto.setAnalysis = function (a, dead) {
    if (this._analysis && this._analysis !== a && !dead) this._analysis.free();
    this._analysis = a;
    this._names = {}; // per chart, {label, title, summary} from Rust (describe), when first drawn
  };

  // "zh-TW" when the element's (or its page's) lang is Traditional Chinese.
  proto.chartLang = function () {
    var el = this.closest('[lang]');
    var tag = (el ? el.getAttribute('lang') : '').toLowerCase().split(/[-_]/);
    return tag[0] === 'zh' && tag.slice(1).some(function (p) { return p === 'tw' || p === 'hant' || p === 'hk' || p === 'mo'; }) ? 'zh-TW' : 'en';
  };

  // The element's words: English, or Traditional Chinese (chartLang).
  proto.say = function (en, zh) {
    return this.chartLang() === 'zh-TW' ? zh : en;
  };

  proto.fail = function (text) {
    this.setAnalysis(null);
    this.dataset.state = 'error';
    this._canvas.hidden = true;
    this._msg.hidden = false;
    this._msg.textContent = text;
  };

  proto.load = function () {
    var self = this;
    var id = ++this._loadId;
    var data = this.getAttribute('data');
    var src = this.getAttribute('src');
    this.dataset.state = 'loading';
    var analysis;
    this._engine = src && !data ? 'full' : 'viewer';
    if (data) {
      analysis = engine('viewer').then(function (e) { return engineApi.openLink(e, data.trim(), self.chartLang(), false); });
    } else if (src) {
      analysis = Promise.all([engine('full'), fetch(src).then(function (r) {
        if (!r.ok) throw oops('could not load ' + src + ' (HTTP ' + r.status + ')', '無法載入 ' + src + '（HTTP ' + r.status + '）');
        return r.text();
      }, function () {
        throw oops('could not load ' + src, '無法載入 ' + src);
      })]).then(function (both) {
        var text = both[1];
        if (text.length > 20 * 1024 * 1024) throw oops(src + ' is too large for a transcript', src + ' 太大，不像逐字稿');
        var a = both[0].read_text(text);
        var reading = a.reading(self.chartLang());
        if (!reading.ok) {
          a.free();
          throw new Error(src + ': ' + reading.message);
        }
        return a;
      });
    } else {
      analysis = Promise.reject(oops('this chart has no data="…" or src="…"', '這張圖表沒有 data="…" 或 src="…"'));
    }
    analysis.then(function (a) {
      if (id !== self._loadId) {
        a.free();
        return;
      }
      self.setAnalysis(a);
      self._key = '';
      self.schedule(true);
    }).catch(function (err) {
      if (id !== self._loadId) return;
      console.warn('callchart-chart:', err);
      self.fail(self.say('Chart not shown: ', '圖表未顯示：') + message(err, self.chartLang() === 'zh-TW'));
    });
  };

  proto.schedule = function (force) {
    if (force) this._key = '';
    if (this._frame) return;
    var self = this;
    this._frame = requestAnimationFrame(function () {
      self._frame = 0;
      self.draw();
    });
  };

  proto.kind = function () {
    var k = (this.getAttribute('chart') || 'revenue').trim().toLowerCase();
    return KINDS.indexOf(k) === -1 ? null : k;
  };

  proto.isDark = function () {
    var t = this.getAttribute('theme');
    if (t === 'dark' || t === 'light') return t === 'dark';
    return !!(darkQuery && darkQuery.matches);
  };

  // A CSS colour as #rrggbb, or null (resolved by the browser, so names,
  // hsl() and var() work).
  proto.color = function (value) {
    value = (value || '').trim();
    if (!value) return null;
    var probe = this._probe;
    probe.style.color = '';
    probe.style.color = value;
    if (!probe.style.color) return null;
    var m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(getComputedStyle(probe).color);
    return m ? '#' + hex(+m[1]) + hex(+m[2]) + hex(+m[3]) : null;
  };

  proto.draw = function () {
    var analysis = this._analysis;
    var engineOf = engines[this._engine];
    if (!analysis || !engineOf || !engineOf.promise) return;
    var kind = this.kind();
    if (!kind) {
      this.fail(this.say('Chart not shown: unknown chart "' + this.getAttribute('chart') + '" (revenue, margins or guidance).',
        '圖表未顯示：沒有「' + this.getAttribute('chart') + '」這種圖表（revenue、margins 或 guidance）。'));
      return;
    }
    var box = this.getBoundingClientRect();
    if (box.width < NARROW_PX) this.setAttribute('data-narrow', '');
    else this.removeAttribute('data-narrow');
    var dpr = window.devicePixelRatio || 1;
    var w = Math.round(box.width * dpr);
    var h = Math.round(box.height * dpr);
    if (w < 2 || h < 2) return;
    var css = getComputedStyle(this);
    var style = {
      scale: dpr,
      dark: this.isDark(),
      bg: this.color(css.getPropertyValue('--callchart-bg')),
      fg: this.color(css.getPropertyValue('--callchart-fg')),
      accent: this.color(css.getPropertyValue('--callchart-accent')),
      font: css.getPropertyValue('--callchart-font').trim() || null,
      lang: this.chartLang()
    };
    var key = [w, h, dpr, kind, JSON.stringify(style)].join('|');
    if (key === this._key) return;
    var self = this;
    engineOf.promise.then(function () {
      // Off-screen first: a failure leaves the previous drawing. The
      // off-screen canvas is kept (setting its size clears it).
      var scratch = self._scratch || (self._scratch = document.createElement('canvas'));
      scratch.width = w;
      scratch.height = h;
      var map;
      try {
        if (analysis !== self._analysis) return; // replaced meanwhile (and freed)
        map = analysis.draw(scratch, kind, style);
      } catch (err) {
        console.warn('callchart-chart:', err);
        if (recover(self._engine)) {
          self.setAnalysis(null, true);
          self.load();
          return;
        }
        self.fail(self.say('Chart not drawn: ', '圖表無法繪製：') + message(err, self.chartLang() === 'zh-TW'));
        return;
      }
      var c = self._canvas;
      c.width = w;
      c.height = h;
      c.getContext('2d').drawImage(scratch, 0, 0);
      c.hidden = false;
      self._msg.hidden = true;
      self._key = key;
      if (self._map && typeof self._map.free === 'function') self._map.free();
      self._map = map;
      // The chart's own minimum height at this width (its plots' minimum
      // below a wrapped legend or stacked panels): the element grows to it.
      var need = map && map.min_height > 0 ? Math.ceil(map.min_height / dpr) + 'px' : '';
      if (self.style.minHeight !== need) self.style.minHeight = need;
      // Named by the chart's title ("Credo · Q4 FY2023 — Revenue"), described by its summary.
      var names = self._names[kind] || (self._names[kind] = analysis.describe(kind, self.chartLang()));
      c.setAttribute('aria-label', self.getAttribute('aria-label') || names.title);
      c.setAttribute('aria-description', names.summary);
      self.renders++;
      self.dataset.state = 'ready';
      self.dispatchEvent(new CustomEvent('callchart-drawn', { bubbles: true }));
    });
  };

  // What the chart drew where (canvas pixels), for tests: its elements,
  // texts and plot areas, as the page's callchartPage.trace.layout() gives them.
  proto.layout = function () {
    var m = this._map;
    if (!m) return null;
    return { regions: m.regions(), texts: m.texts(), plots: m.plots(), dpr: window.devicePixelRatio || 1,
      width: this._canvas.width, height: this._canvas.height, min_height: m.min_height };
  };

  customElements.define('callchart-chart', CallchartChart);
})(typeof callchartEngine !== 'undefined' ? callchartEngine : null,
  typeof CALLCHART_WASM_GZ64 !== 'undefined' ? CALLCHART_WASM_GZ64 : null,
  document.currentScript);
