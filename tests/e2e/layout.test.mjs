// The layout matrix (issue 10, "charts that are right at every screen
// size"): the sample's three charts at widths 360–1920, device pixel ratio
// 1 and 2, light and dark, in the single file (file://), the hosted page
// (http, hosted CSP) and the <callchart-chart> embed. For each chart it
// asserts, from the chart's own hit map, text boxes and plot areas (what
// Rust recorded as it drew):
//
//   - every element drawn at the wide single-column width (1440) is drawn;
//   - every element's period has its label under it ("Q4 FY22", "Q4 '22",
//     or "Q4" with its year written under the group);
//   - no two texts overlap, and none leaves the canvas;
//   - every plot area is at least its documented minimum (150 CSS px for
//     revenue and margins, 64 for each guidance panel), and the margins
//     chart is at least 300 CSS px tall.
//
// The whole matrix runs twice: in English and in Traditional Chinese (zh-TW:
// a browser asking for zh-TW, an embed under lang="zh-TW"), whose labels
// are wider ("2023 財年第四季", "3,210 萬美元") and shorten to "FY23 Q4", "Q4".
//
// Screenshots go to target/layout-matrix/, with contact-sheet.png and
// contact-sheet-zh-TW.png (every screenshot as a labelled thumbnail) and
// measurements.json (plot heights, element counts). One browser; one context
// per language, page kind, ratio and theme, resized through the widths.
//
//   node --test tests/e2e/layout.test.mjs      (after ./build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, SINGLE, SHOTS, KINDS, HOSTED_CSP, launchChromium, serveDist } from './support.mjs';

const WIDTHS = [360, 390, 768, 1024, 1280, 1440, 1920];
const REFERENCE = 1440; // one chart per row here: the widest single-column layout
const RATIOS = [1, 2];
const THEMES = ['light', 'dark'];
const TARGETS = ['single', 'hosted', 'embed'];
const LANGS = ['en', 'zh-TW'];
const HEIGHT = 900;
// Documented minimums (CSS px): src/chart/mod.rs MIN_PLOT_H, MIN_PANEL_PLOT_H.
const MIN_PLOT = { revenue: 150, margins: 150, guidance: 64 };
const MIN_MARGINS_CHART = 300;
const OUT = path.join(SHOTS, 'layout-matrix');

let browser;
let server;
const shots = []; // { file, lang, target, dpr, theme, width }
const measured = []; // one row per target × ratio × theme × width

function embedPage(lang = 'en') {
  // The sample's share-link payload, as build.sh wrote it into the demo.
  const demo = readFileSync(path.join(DIST, 'embed-demo.html'), 'utf8');
  const data = /data="(v2=[A-Za-z0-9_-]+)"/.exec(demo)?.[1];
  assert.ok(data, 'no data="v2=…" in dist/embed-demo.html');
  return `<!doctype html><html lang="${lang}"><head>`
    + '<meta charset="utf-8"><title>callchart embed, layout matrix</title>'
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg">'
    + '<script src="/callchart-embed.js" defer></script></head><body><main>'
    + KINDS.map((k) => `<callchart-chart chart="${k}" data="${data}"></callchart-chart>`).join('\n')
    + '</main></body></html>';
}

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  mkdirSync(OUT, { recursive: true });
  browser = await launchChromium();
  server = await serveDist({ csp: HOSTED_CSP, extra: { '/layout-embed.html': embedPage(), '/layout-embed-zh-TW.html': embedPage('zh-TW') } });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Each chart's layout once its drawing matches its canvas's size.
function settledLayouts() {
  return (args) => {
    const [kinds, target] = args;
    const dpr = window.devicePixelRatio;
    const out = {};
    for (const kind of kinds) {
      let l;
      let box;
      if (target === 'embed') {
        const el = document.querySelector(`callchart-chart[chart="${kind}"]`);
        l = el && el.layout && el.layout();
        box = el && el.getBoundingClientRect();
      } else {
        l = window.callchartPage.trace && window.callchartPage.trace.layout(kind);
        box = document.getElementById('chart-' + kind).getBoundingClientRect();
      }
      if (!l) return null;
      if (l.width !== Math.round(box.width * dpr) || l.height !== Math.round(box.height * dpr)) return null;
      out[kind] = { ...l, cssWidth: box.width, cssHeight: box.height };
    }
    return out;
  };
}

async function layouts(page, target) {
  const fn = settledLayouts();
  let last = null;
  // Settled twice in a row, a few frames apart: no redraw pending (a chart
  // that asked for more height is drawn again once its frame has grown).
  for (let i = 0; i < 50; i++) {
    const h = await page.waitForFunction(fn, [KINDS, target], { timeout: 15000 }).catch(() => null);
    if (!h) return null;
    const now = await h.jsonValue();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const again = await page.evaluate(fn, [KINDS, target]);
    if (again && JSON.stringify(again) === JSON.stringify(now)) return now;
    last = now;
  }
  return last;
}

// "Q4 FY22" → the labels that may stand for it and the year a bare "Q4" needs under it.
function periodForms(period) {
  // Chinese: "2023 財年第四季", "FY23 Q4", or "Q4" with "FY23" under it.
  const z = /^\d\d(\d\d) 財年第([一二三四])季$/.exec(period);
  if (z) {
    const part = 'Q' + ('一二三四'.indexOf(z[2]) + 1);
    return { labels: [period, `FY${z[1]} ${part}`, part], part, years: ['FY' + z[1]] };
  }
  const zy = /^\d\d(\d\d) 財年$/.exec(period);
  if (zy) return { labels: [period, 'FY' + zy[1]] };
  if (period === '長期') return { labels: ['長期'] };
  const m = /^(Q\d|H\d) (FY|CY)(\d\d)$/.exec(period);
  if (m) return { labels: [period, `${m[1]} '${m[3]}`, m[1]], part: m[1], years: [m[2] + m[3], `'${m[3]}`] };
  if (period === 'Long term') return { labels: ['Long term', 'LT'] };
  return { labels: [period] };
}

// What is wrong with chart `kind`'s layout `l` (canvas pixels), against the reference labels.
function problems(kind, l, ref) {
  const out = [];
  const d = l.dpr;
  // Every element of the wide layout.
  const labels = new Set(l.regions.map((r) => r.label));
  for (const want of ref.labels) if (!labels.has(want)) out.push(`element missing: "${want}"`);
  // Every element's period labelled under it.
  for (const r of l.regions) {
    const period = r.label.split(' · ')[0];
    const f = periodForms(period);
    const cx = (r.x0 + r.x1) / 2;
    const t = l.texts.find((t) => f.labels.includes(t.text) && t.x0 - 2 * d <= cx && cx <= t.x1 + 2 * d && t.y0 >= r.y1 - 2 * d);
    if (!t) {
      out.push(`no period label under "${r.label}"`);
    } else if (t.text === f.part) {
      const plot = l.plots.find((p) => p.x0 - 1 <= cx && cx <= p.x1 + 1);
      const year = l.texts.find((y) => f.years.includes(y.text) && y.y0 >= t.y1 - 1
        && (!plot || (y.x1 >= plot.x0 && y.x0 <= plot.x1)));
      if (!year) out.push(`"${t.text}" under "${r.label}" has no year (${f.years.join(' or ')}) under it`);
    }
  }
  // No overlaps, nothing outside.
  const s = 0.5 * d;
  for (let i = 0; i < l.texts.length; i++) {
    const a = l.texts[i];
    for (let j = i + 1; j < l.texts.length; j++) {
      const b = l.texts[j];
      if (a.x0 + s < b.x1 && b.x0 + s < a.x1 && a.y0 + s < b.y1 && b.y0 + s < a.y1) out.push(`texts overlap: "${a.text}" / "${b.text}"`);
    }
    if (a.x0 < -1 || a.x1 > l.width + 1 || a.y0 < -1 || a.y1 > l.height + 1) out.push(`text outside the chart: "${a.text}"`);
  }
  // Plot areas.
  if (l.plots.length !== ref.plots) out.push(`${l.plots.length} plot areas, ${ref.plots} at ${REFERENCE} px`);
  for (const p of l.plots) {
    const h = (p.y1 - p.y0) / d;
    if (h < MIN_PLOT[kind] - 0.5) out.push(`plot area ${h.toFixed(1)} CSS px tall, below ${MIN_PLOT[kind]}`);
  }
  if (kind === 'margins' && l.cssHeight < MIN_MARGINS_CHART - 0.5) {
    out.push(`margins chart ${l.cssHeight.toFixed(1)} CSS px tall, below ${MIN_MARGINS_CHART}`);
  }
  return out;
}

async function open(target, dpr, theme, lang) {
  const context = await browser.newContext({ viewport: { width: REFERENCE, height: HEIGHT }, deviceScaleFactor: dpr, colorScheme: theme, locale: lang });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  if (target === 'embed') {
    await page.goto(server.url + (lang === 'en' ? 'layout-embed.html' : `layout-embed-${lang}.html`));
  } else {
    await page.goto(target === 'single' ? SINGLE : server.url);
    await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 20000 });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready', `${target}: not charted: ${await page.textContent('#status')}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${target}: the page's language`);
  }
  return { context, page, errors };
}

for (const lang of LANGS) for (const target of TARGETS) {
  test(`layout matrix: ${target}${lang === 'en' ? '' : ' ' + lang}`, async () => {
    const failures = [];
    for (const dpr of RATIOS) {
      for (const theme of THEMES) {
        const { context, page, errors } = await open(target, dpr, theme, lang);
        let ref = null;
        for (const width of [REFERENCE, ...WIDTHS.filter((w) => w !== REFERENCE)]) {
          await page.setViewportSize({ width, height: HEIGHT });
          const ls = await layouts(page, target);
          const where = `${target}${lang === 'en' ? '' : ' ' + lang} ${width}px @${dpr}x ${theme}`;
          if (!ls) {
            failures.push(`${where}: the charts never settled`);
            continue;
          }
          if (!ref) {
            // The reference must be one chart per row.
            const widths = KINDS.map((k) => Math.round(ls[k].cssWidth));
            if (!widths.every((w) => w === widths[0])) failures.push(`${where}: not one chart per row (${widths.join(', ')} px)`);
            ref = Object.fromEntries(KINDS.map((k) => [k, { labels: ls[k].regions.map((r) => r.label), plots: ls[k].plots.length }]));
          }
          const row = { lang, target, dpr, theme, width };
          for (const kind of KINDS) {
            const l = ls[kind];
            for (const p of problems(kind, l, ref[kind])) failures.push(`${where} ${kind}: ${p}`);
            row[kind] = {
              css: [Math.round(l.cssWidth), Math.round(l.cssHeight)],
              plots: l.plots.map((p) => Math.round((p.y1 - p.y0) / dpr)),
              elements: l.regions.length,
              texts: l.texts.length,
            };
          }
          measured.push(row);
          if (lang !== 'en') {
            // Every word drawn is Chinese (the company's and segments' names,
            // FY/Q period forms and amounts aside).
            const names = await page.evaluate((embed) => {
              const facts = embed ? document.querySelector('callchart-chart').facts : window.__callchart.facts;
              return [facts.company, ...facts.facts.map((f) => f.segment)].join(' ').toLowerCase();
            }, target === 'embed');
            for (const kind of KINDS) {
              for (const t of ls[kind].texts) {
                if (t.text.split(/[^A-Za-z]+/).some((w) => w.length >= 3 && !names.includes(w.toLowerCase()))) failures.push(`${where} ${kind}: English text "${t.text}"`);
              }
            }
          }
          const file = path.join(OUT, `${target}-${lang === 'en' ? '' : lang + '-'}${width}-${dpr}x-${theme}.png`);
          await page.locator(target === 'embed' ? 'main' : '.charts').screenshot({ path: file });
          shots.push({ file, lang, target, dpr, theme, width });
        }
        for (const e of errors) failures.push(`${target} ${lang} @${dpr}x ${theme}: ${e}`);
        await context.close();
      }
    }
    assert.deepEqual(failures, [], `${failures.length} layout problem(s)`);
  });
}

test('layout matrix: contact sheet and measurements', async () => {
  assert.equal(shots.length, LANGS.length * TARGETS.length * RATIOS.length * THEMES.length * WIDTHS.length, 'a screenshot per configuration');
  writeFileSync(path.join(OUT, 'measurements.json'), JSON.stringify(measured, null, 1));
  for (const lang of LANGS) for (const w of [390, 1280, 1440, 1920]) {
    const rows = measured.filter((r) => r.lang === lang && r.width === w && r.dpr === 1 && r.theme === 'light');
    console.log(`${lang} ${w} px: ` + rows.map((r) => `${r.target}: revenue plot ${r.revenue.plots.join('/')}, margins ${r.margins.css[1]} tall (plot ${r.margins.plots}), `
      + `guidance ${r.guidance.elements} elements (plots ${r.guidance.plots.join('/')})`).join('; '));
  }
  // One page of labelled thumbnails per language (a row per width; a column
  // per page kind, ratio and theme), screenshotted.
  for (const lang of LANGS) await contactSheet(lang);
});

async function contactSheet(lang) {
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const configs = TARGETS.flatMap((target) => RATIOS.flatMap((dpr) => THEMES.map((theme) => ({ target, dpr, theme }))));
  const head = configs.map((c) => `<th>${c.target}<br>${c.dpr}x ${c.theme}</th>`).join('');
  const rows = WIDTHS.map((width) => `<tr><th>${width} px</th>` + configs.map(({ target, dpr, theme }) => {
    const s = shots.find((x) => x.lang === lang && x.target === target && x.dpr === dpr && x.theme === theme && x.width === width);
    return `<td><img src="${esc(pathToFileURL(s.file).href)}" alt=""><div>${width} · ${dpr}x · ${theme}</div></td>`;
  }).join('') + '</tr>');
  const html = '<!doctype html><meta charset="utf-8"><style>'
    + 'body{margin:6px;background:#777;font:11px sans-serif}table{border-collapse:collapse}'
    + 'td,th{vertical-align:top;padding:2px;border:1px solid #555;background:#ddd}'
    + 'img{display:block;width:112px;max-height:300px;object-fit:contain;object-position:top;background:#fff}'
    + 'td div{margin-top:1px;font-weight:bold}</style>'
    + `<p>callchart layout matrix (${lang}): ${TARGETS.join(', ')} × ${WIDTHS.join(', ')} px × ${RATIOS.join('x, ')}x × ${THEMES.join(', ')}`
    + ' (each thumbnail: the three charts, top to bottom)</p>'
    + `<table><tr><th></th>${head}</tr>${rows.join('')}</table>`;
  const name = lang === 'en' ? 'contact-sheet' : `contact-sheet-${lang}`;
  const sheet = path.join(OUT, name + '.html');
  writeFileSync(sheet, html);
  const context = await browser.newContext({ viewport: { width: 1520, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(pathToFileURL(sheet).href);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 30000 });
  await page.screenshot({ path: path.join(OUT, name + '.png'), fullPage: true });
  await context.close();
}
