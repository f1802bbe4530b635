// Issue 14, the page and the charts in Traditional Chinese (zh-TW):
//
//   - the page's catalogue (www/i18n.js) has the same keys in both languages,
//     and every key the page's HTML and scripts use is in it;
//   - a reader whose browser asks for zh-TW (or zh-Hant, zh-HK) gets the page
//     in Chinese: <html lang>, every static text, the status line, the charts'
//     summaries, tables and titles from Rust, amounts in 萬/億, periods as
//     "2023 財年第四季"; the switch turns it to English and back;
//   - a link copied in Chinese opens in Chinese (the link's language bit);
//     an old English link opens in the reader's own language;
//   - <callchart-chart lang="zh-TW"> draws in Chinese;
//   - axe-core finds no serious or critical violation with lang="zh-TW";
//   - screenshots at 390 and 1280 px: target/e2e-zh-TW-390.png, -1280.png
//     (and the charts alone, -charts-390.png, -charts-1280.png).
//
//   node --test tests/e2e/i18n.test.mjs      (after ./build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT, DIST, SINGLE, SHOTS, KINDS, HOSTED_CSP, launchChromium, copyShare, serveDist } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const WWW = path.join(ROOT, 'www');
const CJK = /[\u4e00-\u9fff]/;

let browser;
let server;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  server = await serveDist({ csp: HOSTED_CSP, extra: { '/zh-embed.html': embedPage(), '/embed-errors.html': embedErrorsPage() } });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function catalogue() {
  const sandbox = { navigator: { languages: ['en'] }, localStorage: null };
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(path.join(WWW, 'i18n.js'), 'utf8') + '\nthis.I = callchartI18n;', sandbox);
  return sandbox.I;
}

test('the page catalogue: the same keys in both languages, every key used is there', () => {
  const I = catalogue();
  const en = Object.keys(I.catalogues.en).sort();
  const zh = Object.keys(I.catalogues['zh-TW']).sort();
  assert.deepEqual(zh, en, 'zh-TW and en have the same keys');
  const holes = (s) => (s.match(/\{\d\}/g) || []).sort().join();
  for (const k of en) {
    assert.equal(holes(I.catalogues['zh-TW'][k]), holes(I.catalogues.en[k]), `${k}: the same placeholders`);
    if (/[a-z]{4}/i.test(I.catalogues.en[k])) assert.match(I.catalogues['zh-TW'][k], CJK, `${k} is translated`);
  }
  // Keys in the HTML and in the scripts.
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  const used = new Set();
  for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) used.add(m[1]);
  for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g)) for (const pair of m[1].split(/\s+/)) used.add(pair.split(':')[1]);
  for (const f of ['app.js', 'input.js', 'share.js', 'trace.js']) {
    const js = readFileSync(path.join(WWW, f), 'utf8');
    for (const m of js.matchAll(/\bt\('([a-z_]+\.[a-z_.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 60, `only ${used.size} keys found in use`);
  for (const k of used) {
    if (k.includes("' + ")) continue;
    assert.ok(en.includes(k), `key ${k} is used but not in the catalogue`);
  }
  // Language choice from navigator.languages.
  assert.equal(I.pick(['zh-TW', 'en']), 'zh-TW');
  assert.equal(I.pick(['zh-Hant-HK']), 'zh-TW');
  assert.equal(I.pick(['zh-HK']), 'zh-TW');
  assert.equal(I.pick(['zh-CN', 'en-US']), 'en');
  assert.equal(I.pick(['fr', 'zh-Hant']), 'zh-TW');
  assert.equal(I.pick([]), 'en');
  I.lang = 'zh-TW';
  assert.equal(I.t('status.reading', '「a.txt」', '5.0 MB'), '正在讀取「a.txt」（5.0 MB）…');
});

async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 20000 });
  return { context, page, errors };
}

// Every text on the page a reader sees, and the charts' texts and summaries.
async function words(page) {
  return page.evaluate((kinds) => {
    const out = { lang: document.documentElement.lang, title: document.title, status: document.getElementById('status').textContent };
    out.heading = document.getElementById('call-title').textContent;
    out.summaries = kinds.map((k) => document.getElementById('chart-' + k).getAttribute('aria-label'));
    out.chartTexts = kinds.flatMap((k) => window.callchartPage.trace.layout(k).texts.map((t) => t.text));
    out.regions = kinds.flatMap((k) => window.callchartPage.trace.layout(k).regions.map((r) => r.label));
    out.tables = [...document.querySelectorAll('.charts table th, .charts table td')].map((e) => e.textContent);
    // Visible static texts: every element with data-i18n, as shown. (The
    // transcript pane's text is the transcript's own: English.)
    out.statics = [...document.querySelectorAll('[data-i18n]')].map((e) => e.textContent);
    out.buttons = [...document.querySelectorAll('button, summary, legend, label, figcaption, h1, h2, h3, option')]
      .filter((e) => (e.offsetParent !== null || e.tagName === 'OPTION') && !e.closest('#reader')).map((e) => e.textContent.trim()).filter(Boolean);
    return out;
  }, KINDS);
}

// English words left in Chinese texts (names and codes aside).
const ALLOWED = /^(Credo|callchart|txt|Enter|PDF|PNG|SVG|CSV|JSON|GAAP|EBITDA|Product|IP|FY\d\d|Q\d|English|MB|URL|HTML|iframe|script|dist|facts)$/;
function englishWords(texts, names = []) {
  const own = new Set(names.flatMap((n) => n.split(/[^A-Za-z]+/)).map((w) => w.toLowerCase()));
  return texts.filter((t) => t.split(/[^A-Za-z]+/).some((w) => w.length >= 3 && !ALLOWED.test(w) && !own.has(w.toLowerCase())));
}

for (const [name, url] of [['single file', () => SINGLE], ['hosted page', () => server.url]]) {
  test(`${name}: a zh-TW reader gets the page and the charts in Traditional Chinese; the switch turns it to English and back`, async () => {
    const { context, page, errors } = await open(url(), { locale: 'zh-TW' });
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
    for (const kind of KINDS) await page.locator(`figure[data-chart="${kind}"] .show-data`).click();
    const w = await words(page);
    // Segment names are the call's own words ("Product", "License"): not translated.
    const segments = await page.evaluate(() => [...new Set(window.__callchart.facts.facts.map((f) => f.segment))]);
    const english = (texts) => englishWords(texts, segments);
    assert.equal(w.lang, 'zh-TW');
    assert.match(w.title, /法說會圖表/);
    assert.match(w.status, /^\d+ 個數字 · \d+ 段發言 · \d+ 位發言者$/, w.status);
    assert.equal(w.heading, 'Credo · 2023 財年第四季');
    assert.match(w.summaries[0], /^營收減少 41%，2023 財年第四季為 3,210 萬美元/);
    for (const want of ['營收', '毛利率', '財測', '億美元', '萬美元']) {
      assert.ok(w.chartTexts.some((t) => t.includes(want)), `no ${want} on the charts: ${w.chartTexts.join(' | ')}`);
    }
    assert.ok(w.chartTexts.some((t) => /^\d[\d,.]* (萬|億)美元$/.test(t)), 'amounts in 萬/億');
    assert.ok(w.chartTexts.some((t) => /^\d{4} 財年第[一二三四]季$|^FY\d\d Q\d$/.test(t)), 'periods as 2023 財年第四季 or FY23 Q4');
    assert.deepEqual(english(w.chartTexts), [], 'English words on the charts');
    assert.deepEqual(english(w.regions), [], 'English words in the elements\' names');
    assert.deepEqual(english(w.statics), [], 'English words in the page\'s static texts');
    assert.deepEqual(english(w.buttons), [], 'English words on buttons, labels and headings');
    assert.deepEqual(english(w.tables.filter((t) => !/^(Q|FY)/.test(t))), [], 'English words in the data tables');
    assert.ok(w.tables.includes('期間') && w.tables.includes('第 1 行') === false, 'table headings in Chinese');
    // The tooltip of a bar: its detail in Chinese.
    const tipText = await page.evaluate(() => window.callchartPage.explained().details.map((d) => d.rows.map((r) => r.join(' ')).join(' ')).join(' '));
    assert.match(tipText, /期間 2023 財年第四季/);
    // Switch to English: the page as it always was.
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => document.getElementById('call-title').textContent === 'Credo · Q4 FY2023');
    const e = await words(page);
    assert.equal(e.lang, 'en');
    assert.match(e.summaries[0], /^Revenue fell 41% to \$32\.1M in Q4 FY23/);
    assert.ok(!e.chartTexts.some((t) => CJK.test(t)), 'no Chinese on the English charts');
    assert.match(e.status, /^\d+ facts · \d+ turns · \d+ speakers$/);
    // The choice is remembered (same origin, next visit).
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.state === 'ready');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.selectOption('#lang', 'zh-TW');
    await page.waitForFunction(() => document.getElementById('call-title').textContent === 'Credo · 2023 財年第四季');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('zh-Hant and zh-HK browsers get Chinese; zh-CN and en get English', async () => {
  for (const [locale, want] of [['zh-HK', 'zh-TW'], ['zh-Hant', 'zh-TW'], ['zh-CN', 'en'], ['en-US', 'en']]) {
    const { context, page } = await open(SINGLE, { locale });
    assert.equal(await page.evaluate(() => document.documentElement.lang), want, locale);
    await context.close();
  }
});

test('bad input is refused in Chinese', async () => {
  const { context, page } = await open(SINGLE, { locale: 'zh-TW' });
  await page.setInputFiles('#file', { name: 'call.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n') });
  await page.waitForFunction(() => document.body.dataset.state === 'refused');
  const status = await page.textContent('#status');
  assert.match(status, /^「call\.pdf」：這是 PDF 檔，不是文字；請從 PDF 複製逐字稿的文字/, status);
  // Switching language redraws the charts on screen in English, and the
  // refusal stays said: the state is still "refused", the results still dimmed.
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.getElementById('call-title').textContent === 'Credo · Q4 FY2023');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'refused');
  assert.equal(await page.textContent('#status'), status);
  assert.ok(await page.evaluate(() => document.querySelector('.results').classList.contains('stale')));
  await page.selectOption('#lang', 'zh-TW');
  await page.fill('#transcript', '   ');
  await page.click('#chart-it');
  await page.waitForFunction(() => document.body.dataset.state === 'empty');
  assert.match(await page.textContent('#status'), /貼上逐字稿/);
  await context.close();
});

test('the CSV\'s column names follow the page\'s language, its rows do not', async () => {
  const { context, page, errors } = await open(SINGLE, { locale: 'zh-TW' });
  const grab = async () => {
    await page.waitForSelector('#export-csv:not([disabled])');
    const wait = page.waitForEvent('download');
    await page.click('#export-csv');
    return readFileSync(await (await wait).path(), 'utf8');
  };
  const zh = await grab();
  assert.equal(zh.split('\n')[0], '指標,部門,期間,類別,衡量,數值,下限,上限,單位,基礎,衝突,行,出處');
  await page.selectOption('#lang', 'en');
  const en = await grab();
  assert.equal(en.split('\n')[0], 'metric,segment,period,kind,measure,value,low,high,unit,basis,conflict,line,source');
  assert.equal(zh.slice(zh.indexOf('\n')), en.slice(en.indexOf('\n')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link copied in Chinese opens in Chinese; an English one in the reader\'s language', async () => {
  const { context, page } = await open(server.url, { locale: 'zh-TW' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, -1) });
  await copyShare(page, '#copy-link');
  await page.waitForFunction(() => /已複製連結/.test(document.getElementById('share-status').textContent));
  const zhLink = await page.inputValue('#share-url');
  await page.selectOption('#lang', 'en');
  await copyShare(page, '#copy-link');
  const enLink = await page.inputValue('#share-url');
  assert.notEqual(zhLink, enLink, 'the language travels in the link');
  // The embed code carries lang="zh-TW" when made in Chinese.
  await page.selectOption('#lang', 'zh-TW');
  await copyShare(page, '#copy-embed');
  assert.match(await page.inputValue('#embed-code'), /<callchart-chart chart="revenue" lang="zh-TW" data="v2=/);
  assert.match(await page.inputValue('#embed-iframe'), /embed\.html\?chart=revenue&amp;lang=zh-TW#v2=/);
  await context.close();
  // An English reader opening the Chinese link sees Chinese; the English link, English.
  for (const [link, want, heading] of [[zhLink, 'zh-TW', 'Credo · 2023 財年第四季'], [enLink, 'en', 'Credo · Q4 FY2023']]) {
    const c = await browser.newContext({ locale: 'en-US' });
    const p = await c.newPage();
    await p.goto(link);
    await p.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
    assert.equal(await p.evaluate(() => document.documentElement.lang), want);
    assert.equal(await p.textContent('#call-title'), heading);
    await c.close();
  }
  // A v1 link made before languages existed opens for a Chinese reader in Chinese.
  const v1 = readFileSync(path.join(ROOT, 'tests', 'data', 'links', 'credo-q4-fy2023.link'), 'utf8').trim();
  const c = await browser.newContext({ locale: 'zh-TW' });
  const p = await c.newPage();
  await p.goto(server.url + (v1.startsWith('#') ? v1 : '#' + v1));
  await p.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
  assert.equal(await p.textContent('#call-title'), 'Credo · 2023 財年第四季');
  await c.close();
});

test('a broken link is refused in Chinese', async () => {
  const c = await browser.newContext({ locale: 'zh-TW' });
  const p = await c.newPage();
  await p.goto(server.url + '#v2=AAAA');
  await p.waitForSelector('#link-error:not([hidden])', { timeout: 20000 });
  assert.equal(await p.textContent('#link-error strong'), '無法開啟這個連結。');
  assert.match(await p.textContent('#link-error-text'), /^這個連結/);
  await c.close();
});

function embedPage() {
  const demo = readFileSync(path.join(DIST, 'embed-demo.html'), 'utf8');
  const data = /data="(v2=[A-Za-z0-9_-]+)"/.exec(demo)?.[1];
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>zh embed</title>'
    + '<script src="/callchart-embed.js" defer></script></head><body><main>'
    + `<callchart-chart chart="revenue" lang="zh-TW" data="${data}"></callchart-chart>`
    + `<callchart-chart chart="margins" data="${data}"></callchart-chart>`
    + '</main></body></html>';
}

// Charts that cannot be shown: an unknown kind, and no data at all; each in Chinese and in English.
function embedErrorsPage() {
  const demo = readFileSync(path.join(DIST, 'embed-demo.html'), 'utf8');
  const data = /data="(v2=[A-Za-z0-9_-]+)"/.exec(demo)?.[1];
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed errors</title>'
    + '<script src="/callchart-embed.js" defer></script></head><body><main>'
    + `<callchart-chart chart="bogus" lang="zh-TW" data="${data}"></callchart-chart>`
    + `<callchart-chart chart="bogus" data="${data}"></callchart-chart>`
    + '<callchart-chart chart="revenue" lang="zh-TW"></callchart-chart>'
    + '<callchart-chart chart="revenue"></callchart-chart>'
    + '</main></body></html>';
}

test('the embed\'s error line is in Chinese with lang="zh-TW" and unchanged in English', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + 'embed-errors.html');
  const msgs = await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('callchart-chart')];
    return els.every((e) => e.dataset.state === 'error') ? els.map((e) => e.shadowRoot.querySelector('.msg').textContent) : null;
  }, null, { timeout: 20000 }).then((h) => h.jsonValue());
  assert.equal(msgs[0], '圖表未顯示：沒有「bogus」這種圖表（revenue、margins 或 guidance）。');
  assert.equal(msgs[1], 'Chart not shown: unknown chart "bogus" (revenue, margins or guidance).');
  assert.equal(msgs[2], '圖表未顯示：這張圖表沒有 data="…" 或 src="…"');
  assert.equal(msgs[3], 'Chart not shown: This chart has no data="…" or src="…"');
  await context.close();
});

test('<callchart-chart lang="zh-TW"> draws in Chinese, its neighbour without lang in English', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url + 'zh-embed.html');
  const texts = await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('callchart-chart')];
    const ls = els.map((e) => e.layout && e.layout());
    return ls.every(Boolean) ? ls.map((l) => l.texts.map((t) => t.text)) : null;
  }, null, { timeout: 20000 }).then((h) => h.jsonValue());
  assert.ok(texts[0].some((t) => t.includes('營收')) && texts[0].some((t) => /萬美元|億美元/.test(t)), texts[0].join(' | '));
  assert.ok(!texts[1].some((t) => CJK.test(t)), texts[1].join(' | '));
  await context.close();
});

for (const { width, height, dpr, scheme } of [
  { width: 390, height: 844, dpr: 3, scheme: 'light' },
  { width: 1280, height: 900, dpr: 2, scheme: 'dark' },
]) {
  test(`zh-TW at ${width} px (${scheme}): axe-core clean with lang="zh-TW", screenshots`, async () => {
    const { context, page, errors } = await open(SINGLE, {
      locale: 'zh-TW', viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: scheme, bypassCSP: true,
      ...(width < 400 ? { isMobile: true, hasTouch: true } : {}),
    });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-TW');
    for (const kind of KINDS) await page.locator(`figure[data-chart="${kind}"] .show-data`).click();
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(() => window.scrollTo(0, 0));
    // The whole page on a phone (one column); on a desktop the window as the
    // reader sees it (the transcript column is sticky, which a full-page
    // capture leaves blank).
    await page.screenshot({ path: path.join(SHOTS, `e2e-zh-TW-${width}.png`), fullPage: width < 980 });
    await page.locator('.charts').screenshot({ path: path.join(SHOTS, `e2e-zh-TW-charts-${width}.png`) });
    await page.addScriptTag({ content: readFileSync(AXE_PATH, 'utf8') });
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(`axe-core zh-TW ${width}px ${scheme}: ${found.length} rule(s) violated` +
      (found.length ? ': ' + found.map((v) => `${v.id} (${v.impact})`).join(', ') : '') + `; serious or critical: ${serious.length}`);
    assert.deepEqual(serious, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
