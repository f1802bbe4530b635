// Browser measurements for ./build.sh bench (bench/run.py reads the JSON
// this prints): the page from file:// in headless Chromium.
//
//   node bench/browser.mjs [--quick]
//
// - open_ms:    navigation start to three charts drawn (window.__callchart.drawnAt), median
// - redraw_ms:  drawing the three charts again after a resize (window.__callchart.drawMs), median
// - wasm_sample_ms: read_text(sample) (decode, parse, facts, view) in the page's wasm, median of 20 after a warm-up
// - big: a 50 MB file read in the worker: longest main-thread task (PerformanceObserver
//   'longtask') from the drop to the charts, and the time that took
// - compare: callchart against a Chart.js page with the same three charts
//   (bench/chartjs.mjs), navigation start to three charts drawn, a fresh
//   Chromium for every open, the pages alternating, 820 px wide at dpr 2:
//   the single file with the sample, the single file opening the sample's
//   share link (#v2=…), and the Chart.js page each round
// - series8: FCN's 8 calls from ../shared (when there): dropped on the open
//   single file to the series charts drawn, and the series' link (#v4=…)
//   opened to them (navigation start), a fresh Chromium each, medians
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chartData, chartjsPage } from './chartjs.mjs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(path.join(ROOT, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const SINGLE = pathToFileURL(path.join(ROOT, 'dist', 'callchart.html')).href;
const SAMPLE = readFileSync(path.join(ROOT, 'www', 'sample', 'credo-q4-fy2023.txt'), 'utf8');
const quick = process.argv.includes('--quick');
const RUNS = 20;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const browser = await launch();
const out = { runs: RUNS, chromium: browser.version() };

async function open(viewport = { width: 1200, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(SINGLE);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && window.__callchart.drawnAt, null, { timeout: 30000 });
  return { context, page };
}

// 1. Open to three charts drawn: a fresh context each time (no cached compile).
{
  const times = [];
  const marks = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await open();
    times.push(await page.evaluate(() => window.__callchart.drawnAt));
    marks.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const m = { dom_content_loaded: nav.domContentLoadedEventStart };
      for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('callchart:')) m[e.name.slice(10)] = e.startTime;
      m.drawn = window.__callchart.drawnAt;
      return m;
    }));
    await context.close();
  }
  out.open_ms = { median: median(times), min: Math.min(...times), max: Math.max(...times) };
  // Where the time goes: the median of each start-up mark (ms since navigation start).
  out.open_marks = Object.fromEntries(Object.keys(marks[0]).map((k) => [k, median(marks.map((m) => m[k] ?? NaN))]));
}

// 2. Redraw on resize and 3. the sample in wasm, in one page.
{
  const { context, page } = await open();
  const redraws = [];
  for (let i = 0; i < RUNS; i++) {
    const renders = await page.evaluate(() => window.__callchart.renders);
    await page.setViewportSize({ width: i % 2 ? 1200 : 1100, height: 900 });
    await page.waitForFunction((n) => window.__callchart.renders > n, renders, { timeout: 10000 });
    redraws.push(await page.evaluate(() => window.__callchart.drawMs));
  }
  out.redraw_ms = { median: median(redraws), min: Math.min(...redraws), max: Math.max(...redraws) };
  // The same three charts drawn by the wasm alone (no copy, no hit regions,
  // no page bookkeeping): how much of a redraw is the drawing code's.
  out.draw_only_ms = await page.evaluate((runs) => {
    const analysis = window.callchartPage.analysis();
    const canvases = ['revenue', 'margins', 'guidance'].map((k) => {
      const src = document.getElementById('chart-' + k);
      const c = document.createElement('canvas');
      c.width = src.width; c.height = src.height;
      return [k, c];
    });
    const t = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      for (const [k, c] of canvases) analysis.draw(c, k, { scale: 1, dark: false }).free();
      if (i >= 3) t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    return { median: (t[runs / 2 - 1] + t[runs / 2]) / 2, min: t[0], max: t[runs - 1] };
  }, RUNS);
  out.wasm_sample_ms = await page.evaluate(({ text, runs }) => {
    const engine = window.callchartPage.engine();
    // read_text: decode, one parse, the facts and the transcript view.
    for (let i = 0; i < 5; i++) engine.read_text(text).free();
    const t = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      engine.read_text(text).free();
      t.push(performance.now() - t0);
    }
    t.sort((a, b) => a - b);
    return { median: (t[runs / 2 - 1] + t[runs / 2]) / 2, min: t[0], max: t[runs - 1], bytes: text.length };
  }, { text: SAMPLE, runs: RUNS });
  await context.close();
}

// 4. A 50 MB file: read in the worker while the main thread stays free.
if (!quick) {
  const { context, page } = await open();
  const big = await page.evaluate(async ({ text, size }) => {
    const copies = Math.ceil(size / new Blob([text]).size);
    const file = new File(Array.from({ length: copies }, () => text), 'big.txt', { type: 'text/plain' });
    await new Promise((r) => setTimeout(r, 500)); // let the File's creation settle
    const tasks = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    });
    obs.observe({ type: 'longtask' });
    const renders = window.__callchart.renders;
    const t0 = performance.now();
    const dt = new DataTransfer();
    dt.items.add(file);
    document.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    await new Promise((resolve, reject) => {
      const tick = () => {
        if (window.__callchart.renders > renders) return resolve();
        if (['refused', 'error', 'nofacts'].includes(document.body.dataset.state)) return reject(new Error(document.getElementById('status').textContent));
        setTimeout(tick, 20);
      };
      tick();
    });
    const total = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    return { bytes: file.size, total_ms: total, longest_task_ms: tasks.length ? Math.max(...tasks) : 0, long_tasks: tasks.length,
      status: document.getElementById('status').textContent };
  }, { text: SAMPLE + '\n', size: 50e6 });
  out.big = big;
  await context.close();
}

// 5. callchart against Chart.js, in one run: a fresh browser for every open.
{
  const rounds = quick ? 5 : 10;
  const viewport = { width: 820, height: 900 };
  const link = readFileSync(path.join(ROOT, 'target', 'www', 'sample-link.txt'), 'utf8').trim();
  const facts = await (async () => {
    const { context, page } = await open();
    const f = await page.evaluate(() => window.__callchart.facts);
    await context.close();
    return f;
  })();
  const dir = path.join(ROOT, 'target', 'bench');
  mkdirSync(dir, { recursive: true });
  const chartjsFile = path.join(dir, 'chartjs.html');
  // Not require.resolve: chart.js's package "exports" name neither file.
  const chartjsDir = path.join(ROOT, 'tests', 'e2e', 'node_modules', 'chart.js');
  const chartjsLib = path.join(chartjsDir, 'dist', 'chart.umd.min.js');
  writeFileSync(chartjsFile, chartjsPage(chartjsLib, chartData(facts)));
  const pages = {
    sample: { url: SINGLE, ready: () => document.body.dataset.state === 'ready' && window.__callchart.drawnAt, at: () => window.__callchart.drawnAt },
    link: { url: SINGLE + link, ready: () => document.body.dataset.state === 'ready' && window.__callchart.drawnAt, at: () => window.__callchart.drawnAt },
    chartjs: { url: pathToFileURL(chartjsFile).href, ready: () => window.__chartjs && window.__chartjs.drawnAt, at: () => window.__chartjs.drawnAt },
  };
  const times = { sample: [], link: [], chartjs: [] };
  for (let i = 0; i < rounds; i++) {
    // Alternating, and the order turned each round so none always goes first.
    const order = i % 2 ? ['chartjs', 'link', 'sample'] : ['sample', 'link', 'chartjs'];
    for (const name of order) {
      const b = await launch();
      const context = await b.newContext({ viewport, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.goto(pages[name].url);
      await page.waitForFunction(pages[name].ready, null, { timeout: 30000 });
      times[name].push(await page.evaluate(pages[name].at));
      if (name === 'link' && await page.evaluate(() => window.callchartPage.analysis().view() !== null)) {
        throw new Error('the link open charted the text box, not the link');
      }
      await b.close();
    }
  }
  const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const cj = stat(times.chartjs);
  out.compare = {
    rounds, viewport: `${viewport.width}x${viewport.height}@2`, chartjs_version: JSON.parse(readFileSync(path.join(chartjsDir, 'package.json'), 'utf8')).version,
    chartjs: cj, chartjs_gz: gzipSync(readFileSync(chartjsLib), { level: 9 }).length,
    sample: { ...stat(times.sample), ratio: median(times.sample) / cj.median },
    link: { ...stat(times.link), ratio: median(times.link) / cj.median },
  };
}

// 6. An 8-call series (FCN's consecutive calls in ../shared/data/corpus),
//    from file://, a fresh Chromium for every open: (a) the 8 files dropped
//    on the open page, to the series charts drawn (reading 8 transcripts,
//    the merge, four charts); (b) the series' link (#v4=…) opened, navigation
//    start to the series charts drawn. Reported, not gated.
{
  const corpus = path.join(ROOT, '..', 'shared', 'data', 'corpus');
  let names = [];
  try {
    names = readdirSync(corpus).filter((n) => n.includes('_FCN_') && !n.endsWith('.summary.txt')).sort();
  } catch (e) { /* no shared data: no series line */ }
  if (names.length === 8) {
    const files = names.map((name) => ({ name, text: readFileSync(path.join(corpus, name), 'utf8') }));
    // True once the series shows `n` calls and every series chart drew; notes the time.
    const drawn = (n) => {
      const p = window.callchartPage;
      const ok = p && p.series && !document.getElementById('series').hidden && document.querySelectorAll('#calls-list li').length === n
        && document.body.dataset.state === 'ready' && ['revenue', 'eps', 'versus'].every((k) => p.trace.layout('series-' + k));
      if (ok && !window.__seriesAt) window.__seriesAt = performance.now();
      return ok;
    };
    const rounds = quick ? 3 : 7;
    const dropped = [];
    const opened = [];
    let link = null;
    for (let i = 0; i < rounds; i++) {
      const b = await launch();
      const context = await b.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(SINGLE);
      await page.waitForFunction(() => document.body.dataset.state === 'ready' && window.__callchart.drawnAt, null, { timeout: 30000 });
      const t0 = await page.evaluate((files) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
        const t = performance.now();
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
        }
        return t;
      }, files);
      await page.waitForFunction(drawn, 8, { timeout: 30000, polling: 'raf' });
      dropped.push(await page.evaluate(() => window.__seriesAt) - t0);
      if (!link) {
        await page.click('#copy-link');
        link = await page.evaluate(() => window.__callchartShare.link);
      }
      await b.close();
      const b2 = await launch();
      const context2 = await b2.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const page2 = await context2.newPage();
      await page2.goto(link);
      await page2.waitForFunction(drawn, 8, { timeout: 30000, polling: 'raf' });
      opened.push(await page2.evaluate(() => window.__seriesAt));
      await b2.close();
    }
    const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
    out.series8 = { calls: 8, rounds, drop_ms: stat(dropped), link_ms: stat(opened), link_chars: link.split('#')[1].length };
  }
}

await browser.close();
console.log(JSON.stringify(out));
