// Browser tests for issue 4: share links, embeds, exports, untrusted input
// and the Content-Security-Policy (run by `./build.sh test` after the build).
//
//   node --test tests/e2e/
//
// The hosted files are served from dist/ by a local http server that sends
// the hosted CSP as a header; the single file is opened from file://.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, DIST, SINGLE, SHOTS, KINDS, launchChromium, copyShare } from './support.mjs';

const HOSTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let server;
let BASE;
// Extra pages the tests serve beside dist/: path -> html.
const extraPages = new Map();

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart-embed.js')), 'dist/callchart-embed.js is missing: run ./build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  const types = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
    '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
  };
  server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const headers = { 'content-security-policy': HOSTED_CSP };
    if (extraPages.has(url.pathname)) {
      res.writeHead(200, { ...headers, 'content-type': types['.html'] }).end(extraPages.get(url.pathname));
      return;
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.join(DIST, path.normalize(rel));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  BASE = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
});

// A fresh context and page that record console errors, uncaught exceptions,
// dialogs (alert & co. would mean injected script ran) and CSP violations.
async function openPage(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, acceptDownloads: true, ...options,
  });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
    });
    window.__instantiations = 0;
    for (const name of ['instantiate', 'compile', 'compileStreaming']) {
      const orig = WebAssembly[name];
      WebAssembly[name] = function () { window.__instantiations++; return orig.apply(this, arguments); };
    }
  });
  return { context, page, errors, dialogs };
}

async function waitForReady(page) {
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 20000 });
  const { state, status } = await page.evaluate(() => ({
    state: document.body.dataset.state, status: document.getElementById('status').textContent,
  }));
  assert.equal(state, 'ready', `page did not chart; status line: "${status}"`);
  return status;
}

async function violations(page) {
  return page.evaluate(() => window.__violations);
}

// Pixels that differ from the top-left pixel, per canvas (in the page or in an element's shadow root).
function inkOf(canvas) {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 24) inked++;
  }
  return { inked, width: canvas.width, height: canvas.height, bg: [data[0], data[1], data[2]] };
}

async function pageCharts(page) {
  return page.evaluate((src) => {
    const ink = new Function('return ' + src)();
    return ['revenue', 'margins', 'guidance'].map((k) => {
      const c = document.getElementById('chart-' + k);
      const visible = !c.closest('figure').hidden;
      return { kind: k, visible, ...(visible && c.width ? ink(c) : {}) };
    });
  }, inkOf.toString());
}

// What a link must reproduce of a fact: everything but the source sentence and offsets.
function portable(facts) {
  return {
    company: facts.company, call: facts.call, currency: facts.currency,
    facts: facts.facts.map((f) => ({
      metric: f.metric, segment: f.segment, period: f.period, kind: f.kind, measure: f.measure,
      value: f.value, low: f.low, high: f.high, unit: f.unit, basis: f.basis, conflict: !!f.conflict, line: f.source.line,
    })),
    notes: facts.notes || [],
  };
}

// ---- share links -----------------------------------------------------------------

test('copy link: a fresh browser opening it shows the same facts and charts (hosted and single file)', async () => {
  const { context, page, errors, dialogs } = await openPage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE.slice(0, -1) });
  await page.goto(BASE);
  await waitForReady(page);
  const original = await page.evaluate(() => window.__callchart.facts);

  // All three charts: the link's length is the bar.
  await copyShare(page, '#copy-link');
  await page.waitForFunction(() => !document.getElementById('share-out').hidden);
  const fullLink = await page.inputValue('#share-url');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clipboard, fullLink, 'the clipboard should hold the link');
  assert.match(fullLink, /^http:\/\/127\.0\.0\.1:\d+\/#v2=[A-Za-z0-9_-]+$/);
  const fragmentChars = fullLink.length - fullLink.indexOf('#');
  console.log(`sample share link, three charts: ${fullLink.length} characters (fragment ${fragmentChars})`);
  assert.ok(fullLink.length <= 2000, `the sample's link is ${fullLink.length} characters (want ≤ 2000)`);
  assert.equal(await page.evaluate(() => location.hash), fullLink.slice(fullLink.indexOf('#')), 'the address bar should carry the link');

  // Chart choice and theme travel too.
  await page.uncheck('input[name="show-chart"][value="guidance"]');
  await page.selectOption('#theme', 'dark');
  await copyShare(page, '#copy-link');
  const link = await page.inputValue('#share-url');
  assert.notEqual(link, fullLink);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  await context.close();

  for (const [label, url] of [['hosted', link], ['single file', SINGLE + link.slice(link.indexOf('#'))]]) {
    const fresh = await openPage();
    await fresh.page.goto(url);
    const status = await waitForReady(fresh.page);
    try {
      const got = await fresh.page.evaluate(() => ({
        facts: window.__callchart.facts,
        title: document.getElementById('call-title').textContent,
        badge: document.getElementById('link-badge').hidden ? null : document.getElementById('link-badge').textContent,
        textarea: document.getElementById('transcript').value,
        theme: document.documentElement.dataset.theme,
        select: document.getElementById('theme').value,
        checked: [...document.querySelectorAll('input[name="show-chart"]:checked')].map((b) => b.value),
        linkError: !document.getElementById('link-error').hidden,
      }));
      assert.deepEqual(portable(got.facts), portable(original), `${label}: facts differ from the original page's`);
      assert.equal(got.facts.transcript, undefined, `${label}: a link carries no transcript`);
      assert.equal(got.title, 'Credo · Q4 FY2023');
      assert.equal(got.badge, 'from a shared link');
      assert.match(status, /from a shared link/);
      assert.equal(got.textarea, '', `${label}: the text box should not pretend to hold the call`);
      assert.equal(got.theme, 'dark');
      assert.equal(got.select, 'dark');
      assert.deepEqual(got.checked, ['revenue', 'margins']);
      assert.equal(got.linkError, false);
      const charts = await pageCharts(fresh.page);
      assert.deepEqual(charts.map((c) => c.visible), [true, true, false]);
      for (const c of charts.filter((c) => c.visible)) {
        assert.ok(c.inked > 5000, `${label}: ${c.kind} chart drew ${c.inked} pixels`);
        assert.ok(0.2126 * c.bg[0] + 0.7152 * c.bg[1] + 0.0722 * c.bg[2] < 100, `${label}: ${c.kind} is not dark`);
      }
      assert.deepEqual(await violations(fresh.page), [], `${label}: CSP violations`);
      assert.deepEqual(fresh.errors, []);
      assert.deepEqual(fresh.dialogs, []);

      // Pasting a transcript afterwards works and drops the stale link.
      await fresh.page.fill('#transcript', 'Operator\nRevenue was $12.5 million in Q4 2023, up 10% year-over-year.\n');
      await fresh.page.click('#chart-it');
      await fresh.page.waitForFunction(() => document.getElementById('link-badge').hidden);
      assert.equal(await fresh.page.evaluate(() => location.hash), '');
    } finally {
      await fresh.page.screenshot({ path: path.join(SHOTS, `e2e-share-${label.replace(' ', '-')}.png`), fullPage: true });
      await fresh.context.close();
    }
  }
});

// ---- untrusted links ---------------------------------------------------------------

function b64url(buf) {
  return Buffer.from(buf).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

test('hostile, broken, foreign and oversized links show an error, run no script, and leave the page usable', async () => {
  // A well-formed link whose strings are markup and script.
  const maker = await openPage();
  await maker.page.goto(SINGLE);
  await waitForReady(maker.page);
  // Made natively (tests/links.rs checks it is what those facts encode to):
  // the page no longer takes facts from JS to encode.
  const hostile = readFileSync(path.join(ROOT, 'tests', 'data', 'links', 'hostile.link'), 'utf8').trim().replace(/^#/, '');
  const good = await maker.page.evaluate(() => window.callchartPage.share.link(window.callchartPage.analysis(), { charts: ['revenue'], theme: 'auto' }));
  await maker.context.close();

  // The hostile one opens, as text.
  {
    const { context, page, errors, dialogs } = await openPage();
    await page.goto(`${BASE}#${hostile}`);
    await waitForReady(page);
    const seen = await page.evaluate(() => ({
      title: document.getElementById('call-title').textContent,
      note: document.getElementById('notes-list').textContent,
      injected: document.querySelectorAll('main img, main script, main svg[onload], [onerror]').length,
      pwned: window.__pwned,
    }));
    assert.equal(seen.title, '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2</script> · Q4 FY2023');
    assert.match(seen.note, /<img src=x onerror=/);
    assert.equal(seen.injected, 0, 'markup from the link became elements');
    assert.equal(seen.pwned, undefined);
    // Its embed code escapes the names.
    await copyShare(page, '#copy-embed');
    const code = await page.inputValue('#embed-code');
    const frames = await page.inputValue('#embed-iframe');
    assert.ok(!/<img|<script>window/.test(code + frames), 'embed code carries raw markup from the link');
    assert.match(code, /&lt;img src=x onerror=&quot;/);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // A v1 link made by the page before notes carried their subjects opens,
  // and its failed check still marks its figure (subjects read on decoding).
  {
    const old = readFileSync(path.join(ROOT, 'tests', 'data', 'links', 'credo-q4-fy2023.link'), 'utf8').trim();
    assert.match(old, /^#v1=/);
    const { context, page, errors } = await openPage();
    await page.goto(`${BASE}${old}`);
    await waitForReady(page);
    await page.waitForFunction(() => document.querySelectorAll('#chart-revenue ~ .hits .hit').length > 0);
    const seen = await page.evaluate(() => ({
      title: document.getElementById('call-title').textContent,
      notes: document.querySelectorAll('#notes-list li').length,
      flagged: Array.from(document.querySelectorAll('#chart-revenue ~ .hits .hit.flagged')).map((b) => b.getAttribute('aria-label')),
    }));
    assert.equal(seen.title, 'Credo · Q4 FY2023');
    assert.equal(seen.notes, 5);
    assert.ok(seen.flagged.length >= 1 && seen.flagged.every((l) => /\bIT\b/i.test(l)), seen.flagged.join(' | '));
    assert.deepEqual(errors, []);
    await context.close();
  }

  const bomb = 'v1=' + b64url(deflateRawSync(Buffer.alloc(16 << 20)));
  assert.ok(bomb.length < 32 * 1024, 'the zip bomb should pass the length cap, to test the inflate cap');
  const cases = [
    ['markup in the fragment', `v1=<img src=x onerror=alert(1)>`, /damaged: its data has characters/],
    ['script tag', `v1=${good}<script>alert(1)</script>`, /damaged: its data has characters/],
    ['javascript: URL', 'v1=javascript:alert(document.domain)', /damaged: its data has characters/],
    ['truncated', good.slice(0, Math.floor(good.length / 2)), /damaged or incomplete|damaged: its data/],
    ['bit flip', good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41), /damaged|not hold valid/],
    ['foreign version', good.replace(/^v2=/, 'v9='), /another version of callchart \(format v9\)/],
    ['foreign data', 'data=eyJmb28iOjF9', /holds no callchart data/],
    ['oversized', 'v1=' + 'A'.repeat(40000), /more than a chart link ever needs/],
    ['zip bomb', bomb, /unpacks to more than 256 KB/],
  ];
  for (const [label, fragment, want] of cases) {
    const { context, page, errors, dialogs } = await openPage();
    await page.goto(`${BASE}#${fragment}`);
    // The page stays usable: it charts the sample in the text box.
    await waitForReady(page);
    const seen = await page.evaluate(() => ({
      shown: !document.getElementById('link-error').hidden,
      text: document.getElementById('link-error-text').textContent,
      badge: !document.getElementById('link-badge').hidden,
      textarea: document.getElementById('transcript').value.length,
      injected: document.querySelectorAll('main img, main script').length,
      pwned: window.__pwned,
    }));
    assert.ok(seen.shown, `${label}: no error shown`);
    assert.match(seen.text, want, `${label}: message "${seen.text}"`);
    assert.equal(seen.badge, false, `${label}: claims to show a link`);
    assert.ok(seen.textarea > 10000, `${label}: the sample should still be in the text box`);
    assert.equal(seen.injected, 0);
    assert.equal(seen.pwned, undefined);
    assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
    assert.deepEqual(await violations(page), [], `${label}: CSP violations`);
    assert.deepEqual(errors, [], `${label}: errors`);
    assert.equal(await page.evaluate(() => globalThis.__callchartPanicked === true), false, `${label}: wasm panicked`);
    await context.close();
  }
});

// ---- CSP -----------------------------------------------------------------------------

test('hosted page under the CSP header, and the single file under its hash CSP: no violation', async () => {
  for (const [label, url] of [['hosted', BASE], ['single file', SINGLE]]) {
    const { context, page, errors } = await openPage();
    await page.goto(url);
    await waitForReady(page);
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    if (label === 'hosted') assert.equal(csp, HOSTED_CSP);
    else {
      // One hash per inline script (glue, app.js, share.js, trace.js, …).
      // (Only scripts that run: the inlined wasm and the worker's text/plain sources are data.)
      const inline = await page.evaluate(() => Array.from(document.scripts).filter((s) => !s.src && (!s.type || /javascript/.test(s.type))).length);
      assert.ok(inline >= 3, `${inline} inline scripts`);
      assert.match(csp, new RegExp(`script-src( 'sha256-[A-Za-z0-9+/=]+'){${inline}} 'wasm-unsafe-eval'`));
      assert.match(csp, /style-src 'sha256-/);
      assert.doesNotMatch(csp, /unsafe-inline/);
    }
    // Everything the page does: draw, share, embed code, every export, theme switch.
    await copyShare(page, '#copy-link');
    await copyShare(page, '#copy-embed');
    for (const k of KINDS) {
      for (const f of ['png', 'svg']) {
        const dl = page.waitForEvent('download');
        await page.click(`[data-export="${f}"][data-kind="${k}"]`);
        await dl;
      }
    }
    await page.selectOption('#theme', 'dark');
    await page.waitForTimeout(200);
    assert.deepEqual(await violations(page), [], `${label}: CSP violations`);
    assert.deepEqual(errors, [], `${label}: errors`);

    // The policy is in force (so "no violation" means something): inline
    // script and style attributes are refused and reported.
    const blocked = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.appendChild(s);
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.appendChild(d);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: window.__inline === 1, violations: window.__violations.length };
    });
    assert.equal(blocked.ran, false, `${label}: an inline script ran`);
    assert.ok(blocked.violations >= 2, `${label}: the CSP listener saw ${blocked.violations} violations of 2`);
    await context.close();
  }
});

// ---- exports ---------------------------------------------------------------------------

function pngSize(buf) {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
  assert.equal(buf.subarray(12, 16).toString('ascii'), 'IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('exports download PNG at 2x, SVG, CSV and JSON, named after company, call and chart', async () => {
  const { context, page, errors } = await openPage({ deviceScaleFactor: 1 });
  await page.goto(SINGLE);
  await waitForReady(page);
  const facts = await page.evaluate(() => window.__callchart.facts);

  async function grab(selector) {
    const wait = page.waitForEvent('download');
    await page.click(selector);
    const dl = await wait;
    return { name: dl.suggestedFilename(), body: readFileSync(await dl.path()) };
  }

  for (const kind of KINDS) {
    const css = await page.evaluate((k) => {
      const r = document.getElementById('chart-' + k).getBoundingClientRect();
      return [Math.round(r.width), Math.round(r.height)];
    }, kind);
    const png = await grab(`[data-export="png"][data-kind="${kind}"]`);
    assert.equal(png.name, `credo-q4-fy2023-${kind}.png`);
    assert.deepEqual(pngSize(png.body), [css[0] * 2, css[1] * 2], `${kind} PNG is not 2x the chart's CSS size`);

    const svg = await grab(`[data-export="svg"][data-kind="${kind}"]`);
    assert.equal(svg.name, `credo-q4-fy2023-${kind}.svg`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: root.nodeName, width: root.getAttribute('width'), height: root.getAttribute('height'),
        texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent),
        rects: doc.getElementsByTagName('rect').length,
      };
    }, svg.body.toString('utf8'));
    assert.equal(parsed.error, 0, `${kind} SVG does not parse`);
    assert.equal(parsed.root, 'svg');
    assert.deepEqual([+parsed.width, +parsed.height], css);
    assert.ok(parsed.texts.some((t) => t.includes('Credo')), `${kind} SVG lacks its title`);
    assert.ok(parsed.rects > 3, `${kind} SVG draws too little`);
  }

  const csv = await grab('#export-csv');
  assert.equal(csv.name, 'credo-q4-fy2023-facts.csv');
  const rows = parseCsv(csv.body.toString('utf8'));
  assert.deepEqual(rows[0], ['metric', 'segment', 'period', 'kind', 'measure', 'value', 'low', 'high', 'unit', 'basis', 'conflict', 'line', 'source']);
  assert.equal(rows.length, facts.facts.length + 1, 'CSV should have one row per fact');
  rows.slice(1).forEach((r, i) => {
    const f = facts.facts[i];
    assert.equal(r.length, 13);
    assert.deepEqual([r[0], r[1], r[2], r[3], r[4]], [f.metric, f.segment, f.period, f.kind, f.measure]);
    if (f.value !== undefined) assert.equal(Number(r[5]), f.value);
    // Text that a spreadsheet would run as a formula is defused with a leading '.
    assert.equal(r[12], /^[=+\-@\t\r]/.test(f.source.text) ? "'" + f.source.text : f.source.text);
  });

  const json = await grab('#export-json');
  assert.equal(json.name, 'credo-q4-fy2023-facts.json');
  const doc = JSON.parse(json.body.toString('utf8'));
  assert.equal(doc.schema, 'callchart/facts@1');
  assert.deepEqual(doc, facts);

  assert.deepEqual(errors, []);
  await context.close();
});

// ---- embeds ----------------------------------------------------------------------------

async function elementInfo(page, selector) {
  return page.evaluate(([sel, src]) => {
    const ink = new Function('return ' + src)();
    return [...document.querySelectorAll(sel)].map((el) => {
      const c = el.shadowRoot && el.shadowRoot.querySelector('canvas');
      const r = el.getBoundingClientRect();
      const msg = el.shadowRoot && el.shadowRoot.querySelector('.msg');
      return {
        id: el.id, state: el.dataset.state, renders: el.renders, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio,
        message: msg && !msg.hidden ? msg.textContent : null,
        label: c && c.getAttribute('aria-label'),
        ...(c && c.width && !c.hidden ? ink(c) : {}),
      };
    });
  }, [selector, inkOf.toString()]);
}

async function waitForElements(page, selector, n, timeout = 20000) {
  await page.waitForFunction(([sel, count]) => {
    const els = [...document.querySelectorAll(sel)];
    return els.length === count && els.every((e) => e.dataset.state === 'ready' || e.dataset.state === 'error');
  }, [selector, n], { timeout });
  return elementInfo(page, selector);
}

test('embed demo: two elements (light and dark) draw at their size, share one wasm instance, redraw on resize', async () => {
  const { context, page, errors } = await openPage({ viewport: { width: 900, height: 1000 } });
  try {
    await page.goto(BASE + 'embed-demo.html');
    let els = await waitForElements(page, 'callchart-chart', 2);
    await page.screenshot({ path: path.join(SHOTS, 'e2e-embed-demo.png'), fullPage: true });
    assert.deepEqual(els.map((e) => e.state), ['ready', 'ready'], `embeds: ${els.map((e) => e.message).join(' | ')}`);
    for (const e of els) {
      assert.equal(e.width, Math.round(e.cssWidth * e.dpr), `${e.id}: backing store is not CSS width × dpr`);
      assert.equal(e.height, Math.round(e.cssHeight * e.dpr));
      assert.ok(e.inked > 5000, `${e.id} drew ${e.inked} pixels`);
      assert.match(e.label, /Credo/);
    }
    const lum = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    assert.ok(lum(els[0].bg) > 200, `the light embed's background is ${els[0].bg}`);
    assert.deepEqual(els[1].bg, [0x10, 0x15, 0x22], 'the dark embed should use --callchart-bg');
    assert.equal(await page.evaluate(() => window.__instantiations), 1, 'the two elements should share one wasm instance');
    assert.equal(await page.evaluate(() => typeof window.wasm_bindgen), 'undefined', 'the embed script leaks a global');

    // Narrower column: both redraw at the new size.
    const before = els.map((e) => e.renders);
    await page.setViewportSize({ width: 420, height: 1000 });
    await page.waitForFunction((b) => [...document.querySelectorAll('callchart-chart')].every((e, i) => e.renders > b[i]), before);
    els = await elementInfo(page, 'callchart-chart');
    for (const e of els) {
      assert.ok(e.cssWidth < 420);
      assert.equal(e.width, Math.round(e.cssWidth * e.dpr), `${e.id}: not redrawn at the new width`);
    }
    // The system theme flips the light one (the dark one is theme="dark").
    const r0 = els[0].renders;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction((n) => document.getElementById('demo-revenue').renders > n, r0);
    // A redraw from the resize above can land before the one the theme change
    // asks for: wait (bounded) for the canvas background to turn dark.
    await page
      .waitForFunction(() => {
        const c = document.getElementById('demo-revenue').shadowRoot.querySelector('canvas');
        const [r, g, b] = c.getContext('2d').getImageData(0, 0, 1, 1).data;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 100;
      }, null, { timeout: 10000 })
      .catch(() => {});
    els = await elementInfo(page, 'callchart-chart');
    assert.ok(lum(els[0].bg) < 100, 'the light embed did not follow prefers-color-scheme: dark');

    // A panic (a bug) in the shared instance: the element that meets it
    // swaps in a fresh instance (engine.js recover) and draws again.
    const r1 = await page.evaluate(() => document.getElementById('demo-revenue').renders);
    await page.evaluate(() => {
      const el = document.getElementById('demo-revenue');
      globalThis.__callchartPanicked = true; // what the Rust panic hook sets
      el._analysis.draw = () => { throw new Error('unreachable'); };
      el.setAttribute('theme', 'light');
    });
    await page.waitForFunction((n) => {
      const e = document.getElementById('demo-revenue');
      return e.renders > n && e.dataset.state === 'ready';
    }, r1, { timeout: 10000 });
    assert.equal(await page.evaluate(() => globalThis.__callchartPanicked), false, 'the panic flag is cleared');
    assert.equal(await page.evaluate(() => Object.prototype.hasOwnProperty.call(document.getElementById('demo-revenue')._analysis, 'draw')), false,
      'the element loaded its data again in the fresh instance');
    assert.equal(await page.evaluate(() => window.__instantiations), 1, 'the compiled module is reused, not compiled again');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the page\'s embed code works in a blog page: elements, src= transcripts, hostile data, and the sandboxed iframe', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(BASE);
  await waitForReady(page);
  await copyShare(page, '#copy-embed');
  const code = await page.inputValue('#embed-code');
  const frames = await page.inputValue('#embed-iframe');
  await context.close();
  assert.match(code, new RegExp(`^<script src="${BASE}callchart-embed.js" defer></script>\n`));
  assert.equal((code.match(/<callchart-chart chart="(revenue|margins|guidance)" data="v2=[A-Za-z0-9_-]+"/g) || []).length, 3);
  assert.equal((frames.match(/<iframe src="[^"]*embed\.html\?chart=\w+#v2=[A-Za-z0-9_-]+" sandbox="allow-scripts"/g) || []).length, 3);

  const blog = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>blog</title></head><body><article>${body}</article></body></html>`;
  extraPages.set('/blog.html', blog(code));
  extraPages.set('/blog-src.html', blog(`<script src="callchart-embed.js" defer></script>
<callchart-chart id="from-src" chart="guidance" src="sample/credo-q4-fy2023.txt"></callchart-chart>
<callchart-chart id="missing" chart="revenue" src="sample/missing.txt"></callchart-chart>
<callchart-chart id="hostile" chart="revenue" data="v1=&lt;img src=x onerror=alert(1)&gt;"></callchart-chart>
<callchart-chart id="bad-kind" chart="pie" data="${code.match(/data="(v2=[^"]+)"/)[1]}"></callchart-chart>`));
  extraPages.set('/blog-frames.html', blog(frames));

  const b = await openPage({ viewport: { width: 800, height: 900 } });
  // Which scripts each blog page loads: the full engine only for src= elements.
  const scripts = [];
  b.page.on('request', (r) => { if (/\.js$/.test(r.url())) scripts.push(r.url().replace(BASE, '')); });
  try {
    await b.page.goto(BASE + 'blog.html');
    const els = await waitForElements(b.page, 'callchart-chart', 3);
    assert.deepEqual(els.map((e) => e.state), ['ready', 'ready', 'ready'], els.map((e) => e.message).join(' | '));
    els.forEach((e) => assert.ok(e.inked > 5000));
    assert.equal(await b.page.evaluate(() => window.__instantiations), 1);
    assert.deepEqual(scripts, ['callchart-embed.js'], 'links alone should load the viewer only');
    assert.equal(await b.page.evaluate(() => typeof document.querySelector('callchart-chart')._analysis.csv), 'undefined',
      'a link\'s element should be drawn by the viewer build (which has no CSV export)');
    scripts.length = 0;

    await b.page.goto(BASE + 'blog-src.html');
    const more = await waitForElements(b.page, 'callchart-chart', 4);
    const byId = Object.fromEntries(more.map((e) => [e.id, e]));
    assert.equal(byId['from-src'].state, 'ready', byId['from-src'].message);
    assert.ok(byId['from-src'].inked > 5000);
    assert.deepEqual(scripts, ['callchart-embed.js', 'callchart-embed-engine.js'], 'a src= element loads the full engine once');
    assert.equal(await b.page.evaluate(() => typeof document.getElementById('from-src')._analysis.csv), 'function',
      'a transcript is read by the full engine');
    assert.equal(byId.missing.state, 'error');
    assert.match(byId.missing.message, /Could not load sample\/missing\.txt \(HTTP 404\)/);
    assert.equal(byId.hostile.state, 'error');
    assert.match(byId.hostile.message, /damaged: its data has characters/);
    assert.match(byId['bad-kind'].message, /unknown chart "pie"/);
    assert.deepEqual(await b.page.evaluate(() => [document.querySelectorAll('img').length, window.__pwned]), [0, undefined]);
    assert.deepEqual(b.dialogs, []);
    // The missing transcript's 404 is the only console error allowed here.
    assert.deepEqual(b.errors.filter((e) => !/404/.test(e)), []);

    // The iframe alternative, sandboxed to scripts only (an opaque origin).
    b.errors.length = 0;
    await b.page.goto(BASE + 'blog-frames.html');
    await b.page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    const frameEls = b.page.frames().filter((f) => f !== b.page.mainFrame());
    assert.equal(frameEls.length, 3);
    for (const f of frameEls) {
      await f.waitForFunction(() => {
        const el = document.querySelector('callchart-chart');
        return el && (el.dataset.state === 'ready' || el.dataset.state === 'error');
      }, null, { timeout: 20000 });
      const info = await f.evaluate((src) => {
        const ink = new Function('return ' + src)();
        const el = document.querySelector('callchart-chart');
        const c = el.shadowRoot.querySelector('canvas');
        return { state: el.dataset.state, origin: self.origin, violations: window.__violations, ...ink(c) };
      }, inkOf.toString());
      assert.equal(info.state, 'ready', `iframe ${f.url().slice(0, 80)}`);
      assert.equal(info.origin, 'null', 'the iframe should be sandboxed');
      assert.ok(info.inked > 5000);
      assert.deepEqual(info.violations, []);
    }
    assert.deepEqual(b.errors, []);
  } finally {
    await b.page.screenshot({ path: path.join(SHOTS, 'e2e-embed-blog.png'), fullPage: true });
    await b.context.close();
  }
});
