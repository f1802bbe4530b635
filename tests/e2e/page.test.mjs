// Browser tests for the built page (run by `./build.sh test`, which builds
// dist/ first). They drive Debian's Chromium through playwright-core.
//
//   node --test tests/e2e/
//
// Environment: CALLCHART_ROOT (repo root, default ../.. from here),
// CALLCHART_SHARED (default <root>/../shared), CHROMIUM (default
// /usr/bin/chromium).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, SINGLE, SHOTS, KINDS, launchChromium, serveDist } from './support.mjs';

const SHARED = path.resolve(process.env.CALLCHART_SHARED || path.join(ROOT, '..', 'shared'));
const SECOND_CALL = path.join(SHARED, 'data', 'dev', 'mf_ZTS_q4_2021.txt');
const THIRD_CALL = path.join(SHARED, 'data', 'dev', 'mf_DE_q4_2021.txt');
const STATUS_RE = /\d+ facts · \d+ turns · \d+ speakers/;

let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// A fresh page that records console errors and uncaught exceptions; every
// test ends with `assertNoErrors(errors)`.
async function openPage(options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1200, height: 900 },
    deviceScaleFactor: 2,
    ...options,
  });
  const page = await context.newPage();
  const errors = [];
  page.__errors = errors;
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url().slice(0, 120)} ${r.failure()?.errorText}`));
  return { context, page, errors };
}

function assertNoErrors(errors) {
  assert.deepEqual(errors, [], 'the page logged errors');
}

// Waits until the page has settled (anything but "loading") and returns the
// state and status line.
async function settle(page, timeout = 20000) {
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout });
  return page.evaluate(() => ({
    state: document.body.dataset.state,
    status: document.getElementById('status').textContent,
  }));
}

async function waitForReady(page) {
  const { state, status } = await settle(page);
  const errors = page.__errors?.length ? `; errors: ${page.__errors.join(' | ')}` : '';
  assert.equal(state, 'ready', `page did not chart the call; status line: "${status}"${errors}`);
  return status;
}

// Waits for a render newer than `renders` (window.__callchart.renders).
async function waitForRender(page, renders, timeout = 10000) {
  await page.waitForFunction((n) => window.__callchart && window.__callchart.renders > n, renders, { timeout });
}

// For each canvas: size, device pixel ratio, how many pixels differ from the
// background (the top-left pixel), the background itself and a pixel hash.
async function canvasInfo(page) {
  return page.evaluate((kinds) => kinds.map((kind) => {
    const c = document.getElementById('chart-' + kind);
    const rect = c.getBoundingClientRect();
    const out = { kind, width: c.width, height: c.height, cssWidth: rect.width, cssHeight: rect.height, dpr: window.devicePixelRatio, inked: 0, hash: 0, bg: null };
    if (!c.width || !c.height) return out;
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const bg = [data[0], data[1], data[2], data[3]];
    let inked = 0;
    let h = 0x811c9dc5;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) + Math.abs(data[i + 3] - bg[3]) > 24) inked++;
      h = Math.imul(h ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16)), 16777619) >>> 0;
    }
    return { ...out, inked, hash: h, bg };
  }), KINDS);
}

// Each chart must have drawn something beyond its background: at least 0.5%
// of its pixels (thousands at this size; a blank or background-only canvas
// has none).
function assertDrawn(infos, label) {
  for (const c of infos) {
    assert.ok(c.width > 0 && c.height > 0, `${label}: ${c.kind} canvas has no backing store`);
    assert.equal(c.width, Math.round(c.cssWidth * c.dpr), `${label}: ${c.kind} canvas width is not CSS width × dpr`);
    assert.equal(c.height, Math.round(c.cssHeight * c.dpr), `${label}: ${c.kind} canvas height is not CSS height × dpr`);
    const min = Math.max(500, Math.round(c.width * c.height * 0.005));
    assert.ok(c.inked >= min, `${label}: ${c.kind} chart drew ${c.inked} pixels beyond its background (want ≥ ${min})`);
  }
}

async function statusText(page) {
  return page.textContent('#status');
}

test('single file from file:// starts the wasm engine and exposes its API', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(SINGLE);
  const { state, status } = await settle(page);
  assert.notEqual(state, 'error', `engine failed: ${status}; errors: ${errors.join(' | ')}`);
  const api = await page.evaluate(() => {
    const out = { read: typeof wasm_bindgen.read_text, analyze: typeof wasm_bindgen.analyze, drawChart: typeof wasm_bindgen.draw_chart };
    const a = wasm_bindgen.read_text('Operator\nRevenue was $12.5 million in Q4 2023.\n');
    out.isHandle = a instanceof wasm_bindgen.Analysis;
    out.reading = a.reading();
    out.schema = a.facts().schema;
    out.view = Array.isArray(a.view().sentences);
    const c = document.createElement('canvas');
    c.width = 300; c.height = 200;
    try { out.drawn = a.draw(c, 'revenue', { scale: 1, dark: false }).regions().length; } catch (e) { out.drawn = String(e); }
    try { a.draw(c, 'pie', {}); } catch (e) { out.badKind = e.message; }
    try { a.draw(c, 'margins', { scale: 'big' }); } catch (e) { out.badStyle = e.message; }
    try { wasm_bindgen.Analysis.rebuild(new Uint8Array([1, 2, 3]), null); } catch (e) { out.badFacts = e.message; }
    const back = wasm_bindgen.Analysis.rebuild(a.facts_bytes(), a.view());
    out.rebuilt = JSON.stringify(back.facts()) === JSON.stringify(a.facts()) && back.view().sentences.length === a.view().sentences.length;
    back.free();
    a.free();
    const refused = wasm_bindgen.read_text('   ');
    out.refused = refused.reading();
    refused.free();
    out.canvases = ['revenue', 'margins', 'guidance'].map((k) => !!document.getElementById('chart-' + k));
    out.panicked = globalThis.__callchartPanicked === true;
    out.textareaChars = document.getElementById('transcript').value.length;
    return out;
  });
  assert.equal(api.read, 'function');
  assert.equal(api.analyze, 'undefined', 'facts no longer cross the boundary: no analyze()');
  assert.equal(api.drawChart, 'undefined', 'no draw_chart(facts): the Analysis handle draws');
  assert.ok(api.isHandle, 'read_text returns an Analysis handle');
  assert.equal(api.reading.ok, true);
  assert.equal(api.schema, 'callchart/facts@1');
  assert.equal(api.view, true, 'the handle has the transcript view');
  assert.equal(api.drawn, 1, 'one revenue bar');
  assert.match(api.badKind, /unknown chart "pie"/);
  assert.match(api.badStyle, /bad chart style/);
  assert.match(api.badFacts, /not callchart facts/);
  assert.equal(api.rebuilt, true, 'facts_bytes + view rebuild the same analysis');
  assert.equal(api.refused.ok, false);
  assert.equal(api.refused.code, 'blank');
  assert.deepEqual(api.canvases, [true, true, true]);
  assert.equal(api.panicked, false);
  assert.ok(api.textareaChars > 10000, 'the sample transcript should be in the textarea');
  assertNoErrors(errors);
  await context.close();
});

test('single file from file:// charts the sample with no click, then a pasted call', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(SINGLE);
  let status;
  try {
    status = await waitForReady(page);
  } finally {
    await page.screenshot({ path: path.join(SHOTS, 'e2e-callchart.png'), fullPage: true });
  }
  const timing = await page.evaluate(() => window.__callchart.drawnAt);
  console.log(`open to three charts drawn (file://, dpr 2): ${timing.toFixed(0)} ms`);
  assert.match(status, STATUS_RE);
  const first = await canvasInfo(page);
  assertDrawn(first, 'sample');
  const facts = await page.evaluate(() => window.__callchart.facts);
  assert.ok(facts.facts.length > 0);

  // Paste a second call: the page re-analyzes by itself (no click).
  const renders = await page.evaluate(() => window.__callchart.renders);
  await page.fill('#transcript', readFileSync(SECOND_CALL, 'utf8'));
  await waitForRender(page, renders);
  const status2 = await waitForReady(page);
  assert.match(status2, STATUS_RE);
  assert.notEqual(status2, status, 'status line should describe the new call');
  const second = await canvasInfo(page);
  assertDrawn(second, 'second call');
  for (let i = 0; i < KINDS.length; i++) {
    assert.notEqual(second[i].hash, first[i].hash, `${KINDS[i]} chart did not change for the second call`);
  }

  // Bad input: clear message, text kept, previous charts kept.
  await page.fill('#transcript', '');
  await page.click('#chart-it');
  assert.match(await statusText(page), /Paste a transcript/);
  const nonsense = 'This is not an earnings call. Just some words without any figures.';
  await page.fill('#transcript', nonsense);
  await page.click('#chart-it');
  assert.match(await statusText(page), /No figures found/);
  assert.equal(await page.inputValue('#transcript'), nonsense);
  const kept = await canvasInfo(page);
  assert.deepEqual(kept.map((c) => c.hash), second.map((c) => c.hash), 'bad input must leave the previous charts');

  // The file picker loads and charts a file.
  const before = await page.evaluate(() => window.__callchart.renders);
  await page.setInputFiles('#file', THIRD_CALL);
  await waitForRender(page, before);
  assert.match(await waitForReady(page), STATUS_RE);
  assert.equal((await page.inputValue('#transcript')).length, readFileSync(THIRD_CALL, 'utf8').length);

  assertNoErrors(errors);
  await context.close();
});

test('dropping a .txt file on the page charts it', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(SINGLE);
  await waitForReady(page);
  const renders = await page.evaluate(() => window.__callchart.renders);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'call.txt', { type: 'text/plain' }));
    const target = document.getElementById('transcript');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, readFileSync(SECOND_CALL, 'utf8'));
  await waitForRender(page, renders);
  assert.match(await waitForReady(page), STATUS_RE);
  assert.ok((await page.inputValue('#transcript')).startsWith(readFileSync(SECOND_CALL, 'utf8').slice(0, 40)));
  assertNoErrors(errors);
  await context.close();
});

test('narrow (320px) and dark: no sideways scrolling, dark charts', async () => {
  const { context, page, errors } = await openPage({
    viewport: { width: 320, height: 640 }, deviceScaleFactor: 3, colorScheme: 'dark', isMobile: true, hasTouch: true,
  });
  await page.goto(SINGLE);
  try {
    await waitForReady(page);
  } finally {
    await page.screenshot({ path: path.join(SHOTS, 'e2e-callchart-320-dark.png'), fullPage: true });
  }
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 320, `page is ${scroll}px wide at a 320px viewport`);
  const infos = await canvasInfo(page);
  assertDrawn(infos, '320px dark');
  for (const c of infos) {
    const [r, g, b] = c.bg;
    assert.ok(0.2126 * r + 0.7152 * g + 0.0722 * b < 100, `${c.kind} chart background ${c.bg} is not dark in dark mode`);
  }
  assertNoErrors(errors);
  await context.close();
});

test('resizing the window redraws the charts at the new size', async () => {
  const { context, page, errors } = await openPage();
  await page.goto(SINGLE);
  await waitForReady(page);
  const renders = await page.evaluate(() => window.__callchart.renders);
  await page.setViewportSize({ width: 700, height: 900 });
  await waitForRender(page, renders);
  assertDrawn(await canvasInfo(page), 'after resize');
  assertNoErrors(errors);
  await context.close();
});

test('hosted dist/index.html over http fetches the wasm and charts the sample', async () => {
  const server = await serveDist();
  const served = server.served;
  const { context, page, errors } = await openPage();
  try {
    await page.goto(server.url);
    const { state, status } = await settle(page);
    assert.notEqual(state, 'error', `engine failed: ${status}; errors: ${errors.join(' | ')}`);
    assert.ok(served.includes('/pkg/callchart_bg.wasm'), `wasm not fetched; served: ${served.join(', ')}`);
    assert.equal(state, 'ready', `page did not chart the call; status line: "${status}"`);
    assert.match(status, STATUS_RE);
    assertDrawn(await canvasInfo(page), 'hosted');
    assertNoErrors(errors);
  } finally {
    await context.close();
    await server.close();
  }
});
