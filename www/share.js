/* callchart page: share links, embed code and exports (classic script, after
 * app.js, whose page object, window.callchartPage, it uses and fills in as
 * page.share).
 *
 *   Copy link        the analysis shown + chart choice + theme -> #v2=…
 *                    (analysis.share_bytes, deflated by the browser:
 *                    shareLink), in the address bar and on the
 *                    clipboard; a series shown: all its calls -> #v4=…
 *                    (series.share_bytes, with the company and call shown)
 *   Opening a link   #v2=… -> wasm link_packed (strict, size-capped), the
 *                    browser inflates (engine.js openLink), open_unpacked
 *                    -> an Analysis -> charts (#v4=…: Series.open_unpacked
 *                    -> the series, series.js); a broken or foreign link shows why
 *                    and the page charts the text box instead
 *   Copy embed code  <script src=…/callchart-embed.js> + <callchart-chart>
 *                    elements, and a sandboxed <iframe> alternative
 *   Exports          PNG at 2x (analysis.draw), SVG (analysis.svg), CSV
 *                    (analysis.csv), JSON (analysis.facts()); names from
 *                    analysis.file_name
 *   Copy image       a chart as a 2x PNG on the clipboard, for editors that
 *                    strip scripts (Substack, Medium, hosted WordPress); its
 *                    HTML flavour is the image with the chart's summary as
 *                    alt text and the share link under it
 *
 * Everything that comes from a link or a transcript reaches the DOM through
 * textContent or form values only, and into the embed snippet only
 * HTML-escaped.
 */
(function () {
  'use strict';

  var page = window.callchartPage;
  var L = callchartI18n;
  if (!page) return;

  var KINDS = ['revenue', 'margins', 'guidance'];
  var $ = function (id) { return document.getElementById(id); };
  var statusEl = $('share-status');
  var themeSelect = $('theme');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name="show-chart"]'));
  // A "Copy image" button before each chart's PNG button.
  Array.prototype.forEach.call(document.querySelectorAll('[data-export="png"]'), function (png) {
    var b = document.createElement('button');
    b.className = png.className;
    b.type = 'button';
    b.disabled = png.disabled;
    b.dataset.copyImage = png.dataset.kind;
    b.textContent = L.t('share.copy_image');
    png.parentNode.insertBefore(b, png);
  });
  var actionButtons = ['copy-link', 'copy-embed', 'export-csv', 'export-json'].map($)
    .concat(Array.prototype.slice.call(document.querySelectorAll('[data-export], [data-copy-image]')));

  window.__callchartShare = { link: null, opened: null, linkError: null };

  function engine() { return page.engine(); }
  function analysis() { return page.analysis(); }

  function say(message, kind) {
    statusEl.textContent = message;
    statusEl.className = 'share-status' + (kind ? ' share-' + kind : '');
  }

  function errorText(err) {
    var text = err && err.message ? err.message : String(err);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // ---- chart choice and theme --------------------------------------------

  function chosenCharts() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }

  function applyCharts(list) {
    boxes.forEach(function (b) { b.checked = list.indexOf(b.value) !== -1; });
    KINDS.forEach(function (k) {
      var fig = document.querySelector('figure[data-chart="' + k + '"]');
      if (!fig) return;
      fig.hidden = list.indexOf(k) === -1;
      // Margins and guidance share a row on wide screens: one alone takes it all.
      var pair = k === 'margins' ? 'guidance' : k === 'guidance' ? 'margins' : null;
      fig.classList.toggle('chart-span', pair !== null && list.indexOf(pair) === -1);
    });
  }

  function applyTheme(theme) {
    if (theme !== 'light' && theme !== 'dark') theme = 'auto';
    themeSelect.value = theme;
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    page.redraw();
  }

  boxes.forEach(function (b) {
    b.addEventListener('change', function () {
      if (chosenCharts().length === 0) b.checked = true; // at least one chart
      applyCharts(chosenCharts());
      staleLink();
    });
  });
  themeSelect.addEventListener('change', function () {
    applyTheme(themeSelect.value);
    staleLink();
  });

  // ---- opening a link --------------------------------------------------------

  // "#v2=…" (or any "#key=value") is a link to open; "#", "#top" are not.
  function linkIn(hash) {
    return /^#[^=]*=/.test(hash || '') ? hash : null;
  }

  function showLinkError(message) {
    window.__callchartShare.linkError = message;
    $('link-error-text').textContent = message;
    $('link-error').hidden = false;
  }

  function hideLinkError() {
    $('link-error').hidden = true;
  }

  $('link-error-close').addEventListener('click', hideLinkError);

  // The link of the address is open (or failed): the text box is laid out
  // again (see engine.js, style.css).
  function showBox() {
    delete document.documentElement.dataset.opening;
  }

  // Opens the link in `hash` (the browser inflates it: engine.js's
  // openLink); a promise of false (with the reason on screen) when it cannot.
  function openLink(hash) {
    // A series link (#v4=…) is a Series of its calls; any other, one call.
    var e = engine();
    var series = e.is_series_link(hash);
    return callchartEngine.openLink(e, hash, L.lang, series).then(function (got) {
      page.mark('link');
      return showLink(series ? null : got, series ? got : null);
    }, function (err) {
      console.warn('callchart: link not opened:', err);
      showLinkError(errorText(err) + '.');
      return false;
    });
  }

  // Shows an opened link: a call's analysis `a` or a series `many`.
  function showLink(a, many) {
    var opened;
    try {
      opened = many ? many.opened() : a.reading(L.lang).link;
    } catch (err) {
      console.warn('callchart: link not opened:', err);
      showLinkError(errorText(err) + '.');
      return false;
    }
    applyCharts(opened.charts);
    applyTheme(opened.theme);
    // A link made in Chinese opens in Chinese; otherwise in the reader's language.
    if (opened.lang) L.set(opened.lang);
    var textarea = $('transcript');
    textarea.value = '';
    showBox();
    if (!(many ? page.series.openLinked(many, opened.shown) : page.showAnalysis(a, 'link'))) {
      showLinkError(L.t('link.not_drawn'));
      return false;
    }
    hideLinkError();
    window.__callchartShare.opened = { charts: opened.charts, theme: opened.theme };
    return true;
  }

  window.addEventListener('hashchange', function () {
    var hash = linkIn(location.hash);
    if (hash && engine()) openLink(hash);
  });

  // ---- after facts are shown ---------------------------------------------

  function shown(origin) {
    actionButtons.forEach(function (b) { b.disabled = false; });
    if (origin !== 'link') {
      // New facts from a transcript: an old link in the address bar no longer matches.
      if (linkIn(location.hash)) history.replaceState(null, '', location.pathname + location.search);
      staleLink();
    }
  }

  function staleLink() {
    $('share-out').hidden = true;
    $('embed-out').hidden = true;
    say('');
  }

  // ---- copy link ---------------------------------------------------------

  function pageBase() {
    return location.href.split('#')[0];
  }

  // The share link (`v2=…`; `v4=…` of a Series, with the call `shown`) of
  // `handle` with `state`: the wasm writes its bytes, the browser deflates
  // them (CompressionStream('deflate-raw')), the wasm checks the length and
  // writes the link. A promise, rejected with the reason when there is none.
  function shareLink(handle, state, shown) {
    return new Promise(function (resolve) {
      if (typeof CompressionStream !== 'function') throw new Error('this browser is too old to write chart links (it lacks CompressionStream)');
      var bytes = shown === undefined ? handle.share_bytes(state) : handle.share_bytes(shown, state);
      resolve(new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    }).then(function (packed) {
      return handle.link_text(new Uint8Array(packed));
    });
  }

  // A promise of the link of the series shown (several calls) or the call shown.
  function fragment() {
    var state = { charts: chosenCharts(), theme: themeSelect.value, lang: L.lang };
    var link = page.series && page.series.link(state);
    return link || shareLink(analysis(), state);
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error('no clipboard'));
  }

  $('copy-link').addEventListener('click', function () {
    var made;
    try {
      made = fragment();
    } catch (err) {
      say(errorText(err), 'error');
      return;
    }
    made.then(copyLink, function (err) { say(errorText(err), 'error'); });
  });

  function copyLink(frag) {
    var url = pageBase() + '#' + frag;
    history.replaceState(null, '', '#' + frag);
    var input = $('share-url');
    input.value = url;
    $('embed-out').hidden = true;
    $('share-out').hidden = false;
    window.__callchartShare.link = url;
    var n = url.length.toLocaleString('en-US');
    copyText(url).then(function () {
      say(L.t('share.copied', n), 'ok');
    }, function () {
      input.focus();
      input.select();
      say(L.t('share.copy_selected', n));
    });
  }

  // ---- embed code --------------------------------------------------------

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // "Credo · Q4 FY2023 — Revenue", from Rust (analysis.explain()).
  function title(kind) {
    return page.explained().charts[kind].title;
  }

  // A promise of the snippets for the charts chosen now: [elements, iframes].
  function embedCode() {
    var charts = chosenCharts();
    var theme = themeSelect.value;
    return shareLink(analysis(), { charts: charts, theme: theme, lang: L.lang }).then(function (data) {
      return snippets(data, charts, theme);
    });
  }

  function snippets(data, charts, theme) {
    var dir = pageBase().split('?')[0].replace(/[^/]*$/, '');
    var themeAttr = (theme === 'auto' ? '' : ' theme="' + theme + '"') + (L.lang === 'en' ? '' : ' lang="' + L.lang + '"');
    var elements = ['<script src="' + esc(dir + 'callchart-embed.js') + '" defer></scr' + 'ipt>'];
    var frames = [];
    charts.forEach(function (k) {
      elements.push('<callchart-chart chart="' + k + '"' + themeAttr + ' data="' + esc(data) + '" aria-label="' +
        esc(title(k)) + '"></callchart-chart>');
      var src = dir + 'embed.html?chart=' + k + (theme === 'auto' ? '' : '&theme=' + theme) + (L.lang === 'en' ? '' : '&lang=' + L.lang) + '#' + data;
      frames.push('<iframe src="' + esc(src) + '" sandbox="allow-scripts" title="' + esc(title(k)) +
        '" width="100%" height="' + (k === 'guidance' ? 480 : 380) + '" loading="lazy"></iframe>');
    });
    return [elements.join('\n'), frames.join('\n')];
  }

  $('copy-embed').addEventListener('click', function () {
    var made;
    try {
      made = embedCode();
    } catch (err) {
      say(errorText(err), 'error');
      return;
    }
    made.then(copyEmbed, function (err) { say(errorText(err), 'error'); });
  });

  function copyEmbed(code) {
    $('embed-code').value = code[0];
    $('embed-iframe').value = code[1];
    $('share-out').hidden = true;
    $('embed-out').hidden = false;
    window.__callchartShare.embed = code;
    var hint = location.protocol === 'file:'
      ? L.t('share.serve_hint')
      : '';
    copyText(code[0]).then(function () {
      say(L.t('share.embed_copied', hint), 'ok');
    }, function () {
      $('embed-code').focus();
      $('embed-code').select();
      say(L.t('share.embed_selected', hint));
    });
  }

  // ---- exports -----------------------------------------------------------

  function download(blob, name) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    say(L.t('share.saved', name), 'ok');
  }

  // The chart's size on screen in CSS pixels (a default when it is hidden).
  function cssSize(kind) {
    var box = $('chart-' + kind).getBoundingClientRect();
    var w = Math.round(box.width);
    var h = Math.round(box.height);
    return w >= 16 && h >= 16 ? [w, h] : [960, kind === 'guidance' ? 640 : 480];
  }

  // Chart `kind` drawn at twice `size` (CSS pixels) on a new canvas; the
  // analysis's map of it is not needed.
  function drawn2x(a, kind, size) {
    var canvas = document.createElement('canvas');
    canvas.width = size[0] * 2;
    canvas.height = size[1] * 2;
    a.draw(canvas, kind, { scale: 2, dark: page.isDark(), lang: L.lang }).free();
    return canvas;
  }

  function exportChart(kind, format) {
    var a = analysis();
    var size = cssSize(kind);
    try {
      var name = a.file_name(kind, format);
      if (format === 'svg') {
        var svg = a.svg(kind, size[0], size[1], { scale: 1, dark: page.isDark(), lang: L.lang });
        download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name);
        return;
      }
      var canvas = drawn2x(a, kind, size);
      canvas.toBlob(function (blob) {
        if (blob) download(blob, name);
        else say(L.t('share.png_failed'), 'error');
      }, 'image/png');
    } catch (err) {
      console.warn('callchart: export failed:', err);
      say(L.t('share.export_failed', errorText(err)), 'error');
    }
  }

  var exportButtons = document.querySelectorAll('[data-export]');
  function nameButtons() {
    Array.prototype.forEach.call(exportButtons, function (b) {
      var what = L.t('share.download_chart', L.t('chart.' + b.dataset.kind + '_name'), b.dataset.export.toUpperCase(),
        b.dataset.export === 'png' ? L.t('share.png_twice') : '');
      b.setAttribute('aria-label', what);
      b.title = what;
    });
    $('export-csv').title = L.t('share.csv_title');
    $('export-json').title = L.t('share.json_title');
    $('copy-link').title = L.t('share.link_title');
    $('copy-embed').title = L.t('share.embed_title');
  }
  Array.prototype.forEach.call(exportButtons, function (b) {
    b.addEventListener('click', function () { exportChart(b.dataset.kind, b.dataset.export); });
  });
  nameButtons();
  L.onChange(nameButtons);

  // ---- copy image --------------------------------------------------------

  function pngOf(canvas) {
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) {
        if (blob) resolve(blob);
        else reject(new Error('the PNG could not be made in this browser'));
      }, 'image/png');
    });
  }

  function dataUrl(blob) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
      r.readAsDataURL(blob);
    });
  }

  // The clipboard gets the PNG, and for editors that paste HTML the same
  // image with its summary as alt text and a link to these charts under it.
  function copyImage(kind) {
    if (!navigator.clipboard || !navigator.clipboard.write || typeof ClipboardItem !== 'function') {
      say(L.t('share.copy_unsupported'), 'error');
      return;
    }
    var size = cssSize(kind);
    var png, url, chart;
    try {
      var a = analysis();
      chart = page.explained().charts[kind];
      url = fragment().then(function (f) { return pageBase() + '#' + f; });
      png = pngOf(drawn2x(a, kind, size));
    } catch (err) {
      say(L.t('share.copy_failed', errorText(err)), 'error');
      return;
    }
    var html = Promise.all([png.then(dataUrl), url]).then(function (got) {
      return new Blob(['<figure><img src="' + got[0] + '" width="' + size[0] + '" height="' + size[1] + '" alt="' +
        esc(chart.summary) + '"><figcaption><a href="' + esc(got[1]) + '">' + esc(chart.title) + '</a></figcaption></figure>'],
      { type: 'text/html' });
    });
    var text = url.then(function (u) { return new Blob([chart.summary + '\n' + u], { type: 'text/plain' }); });
    // Promises as values: the item is made within the click (Safari requires that).
    navigator.clipboard.write([new ClipboardItem({ 'image/png': png, 'text/html': html, 'text/plain': text })]).then(function () {
      say(L.t('share.image_copied', size[0] * 2 + '×' + size[1] * 2), 'ok');
    }, function (err) {
      console.warn('callchart: copying the image failed:', err);
      say(L.t('share.image_not_copied', errorText(err)), 'error');
    });
  }

  var copyButtons = document.querySelectorAll('[data-copy-image]');
  function nameCopyButtons() {
    Array.prototype.forEach.call(copyButtons, function (b) {
      // The label starts with the visible text (axe: label-content-name-mismatch).
      var what = L.t('share.copy_image_title', L.t('chart.' + b.dataset.copyImage + '_name'));
      b.textContent = L.t('share.copy_image');
      b.setAttribute('aria-label', what);
      b.title = what;
    });
  }
  Array.prototype.forEach.call(copyButtons, function (b) {
    b.addEventListener('click', function () { copyImage(b.dataset.copyImage); });
  });
  nameCopyButtons();
  L.onChange(nameCopyButtons);


  $('export-csv').addEventListener('click', function () {
    try {
      var a = analysis();
      download(new Blob([a.csv(L.lang)], { type: 'text/csv;charset=utf-8' }), a.file_name('facts', 'csv'));
    } catch (err) {
      say(L.t('share.export_failed', errorText(err)), 'error');
    }
  });

  $('export-json').addEventListener('click', function () {
    try {
      var a = analysis();
      download(new Blob([JSON.stringify(a.facts(), null, 2) + '\n'], { type: 'application/json' }), a.file_name('facts', 'json'));
    } catch (err) {
      say(L.t('share.export_failed', errorText(err)), 'error');
    }
  });

  // ---- start -------------------------------------------------------------

  page.share = {
    // A promise of the share link of an Analysis (a Series, with the call
    // `shown`) with `state` (series.js's link, the tests).
    link: shareLink,
    // Called by app.js once the engine runs: true when a link was opened.
    // Opens the address's link, if any (true), and charts the text box
    // instead (page.analyze) when it cannot be opened.
    boot: function () {
      var hash = linkIn(location.hash);
      if (!hash) return false;
      // The text box shows again whatever happens to the link.
      var opened;
      try {
        opened = openLink(hash);
      } catch (err) {
        opened = Promise.reject(err);
      }
      opened.then(function (ok) {
        showBox();
        if (!ok) page.analyze();
      }, function (err) {
        showBox();
        console.warn('callchart: opening the link failed:', err);
        say(L.t('link.error') + ' ' + errorText(err), 'error');
        page.analyze();
      });
      return true;
    },
    shown: shown,
    // Saves `blob` as `name` and says so (series.js's exports).
    download: download
  };
})();
