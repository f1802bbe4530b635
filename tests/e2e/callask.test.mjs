// "Which quarter is this call?" (issue 9): a transcript that never says its
// fiscal year gives no datable figure; the page says so and asks, prefilled
// with the quarter its words point to; choosing charts it with the figures at
// that quarter, in English and in Chinese, and a link made then reproduces it.
//
//   CALLCHART_ROOT=$PWD node --test tests/e2e/callask.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DIST, SINGLE, SHOTS, KINDS, launchChromium } from './support.mjs';

// A call that names its quarter ("third quarter", "fourth quarter") but no year anywhere.
const NO_YEAR = [
  'Operator',
  'Welcome to the Acme third quarter earnings call.',
  'Jane Doe - Chief Financial Officer',
  'Revenue in the third quarter was $52.4 million, up 12% from the second quarter.',
  'Gross margin was 41.5% in the third quarter, and operating margin was 12.2%.',
  'For the fourth quarter, we expect revenue of $54 million to $56 million.',
  '',
].join('\n');

let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function openPage(width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, errors };
}

async function state(page) {
  await page.waitForFunction(() => !['loading', 'working'].includes(document.body.dataset.state), null, { timeout: 20000 });
  return page.evaluate(() => ({ state: document.body.dataset.state, status: document.getElementById('status').textContent }));
}

// Pixels of each chart that differ from its background.
function inked(page) {
  return page.evaluate((kinds) => kinds.map((k) => {
    const c = document.getElementById('chart-' + k);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 24) n++;
    return n;
  }), KINDS);
}

// The page at 1280 px; at 390 px the input panel (question and status) and the first chart.
async function shot(page, name, width) {
  if (width >= 1000) return page.screenshot({ path: path.join(SHOTS, name) });
  const top = await page.evaluate(() => document.querySelector('.input').getBoundingClientRect().top + window.scrollY);
  const bottom = await page.evaluate(() => document.getElementById('chart-revenue').getBoundingClientRect().bottom + window.scrollY);
  return page.screenshot({ path: path.join(SHOTS, name), fullPage: true, clip: { x: 0, y: top, width, height: Math.min(1400, bottom - top) } });
}

for (const width of [1280, 390]) {
  test(`${width}px: a call naming no year is asked for its quarter, and charted at the one chosen`, async () => {
    const { context, page, errors } = await openPage(width);
    await page.goto(SINGLE);
    assert.equal((await state(page)).state, 'ready');
    // The sample's period is known: no question, only "Wrong quarter?".
    assert.equal(await page.isVisible('#call-ask'), false);
    assert.equal(await page.isVisible('#call-fix'), true);

    await page.fill('#transcript', NO_YEAR);
    await page.click('#chart-it');
    let s = await state(page);
    assert.equal(s.state, 'nofacts');
    assert.match(s.status, /No figures could be dated in this text .*choose below which quarter this call is/);
    assert.equal(await page.isVisible('#call-ask'), true);
    assert.equal(await page.isVisible('#call-fix'), false);
    assert.match(await page.textContent('#call-ask-why'), /never says which fiscal year .* Its words point to Q3\./);
    assert.match(await page.textContent('#call-ask legend'), /Which quarter is this call\?/);
    // Prefilled with the quarter the words point to; the year is the reader's to say.
    assert.equal(await page.inputValue('#call-quarter'), '3');
    assert.equal(await page.inputValue('#call-year'), '');
    await shot(page, `e2e-callask-${width}-asked.png`, width);

    // No year yet: said, nothing read.
    await page.click('#call-apply');
    assert.equal(await page.textContent('#call-ask-why'), 'Choose the fiscal year and the quarter.');
    assert.equal((await state(page)).state, 'nofacts');

    const renders = await page.evaluate(() => window.__callchart.renders);
    await page.selectOption('#call-year', '2021');
    await page.click('#call-apply');
    await page.waitForFunction((n) => window.__callchart.renders > n, renders);
    s = await state(page);
    assert.equal(s.state, 'ready', s.status);
    assert.equal(await page.inputValue('#transcript'), NO_YEAR, 'the pasted text stays');
    const facts = await page.evaluate(() => window.__callchart.facts);
    assert.equal(facts.call, 'FY2021-Q3');
    const said = facts.facts.map((f) => `${f.metric} ${f.period} ${f.kind} ${f.value ?? f.low + '..' + f.high}`);
    for (const want of ['revenue FY2021-Q3 actual 52400000', 'gross_margin FY2021-Q3 actual 41.5', 'revenue FY2021-Q4 guidance 54000000..56000000']) {
      assert.ok(said.includes(want), `${want} in ${said.join(' | ')}`);
    }
    assert.match(await page.textContent('#call-title'), /Q3 FY2021/);
    assert.match(await page.textContent('#notes-list'), /The call's period, FY2021-Q3, was given by the reader: the transcript does not say it/);
    assert.equal(await page.textContent('#call-ask-why'), 'Read as Q3 FY2021, the quarter you chose.');
    for (const [i, n] of (await inked(page)).entries()) assert.ok(n > 500, `${KINDS[i]} chart drew ${n} pixels`);
    // The transcript pane, the exports and the tables follow.
    assert.ok(await page.locator('.reader .fig', { hasText: '$52.4 million' }).count() > 0);
    const csv = await page.evaluate(() => window.callchartPage.analysis().csv());
    assert.match(csv, /revenue,total,FY2021-Q3,actual,level,52400000/);
    await shot(page, `e2e-callask-${width}-chosen.png`, width);

    // In Chinese: the question and what was chosen, in Chinese words.
    await page.selectOption('#lang', 'zh-TW');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
    assert.equal(await page.textContent('#call-ask legend'), '這是哪一季的法說會？');
    assert.equal(await page.textContent('#call-ask-why'), '依你選擇的2021 財年第三季解讀。');
    assert.match(await page.textContent('#notes-list'), /2021 財年第三季.*由讀者指定/);
    assert.equal(await page.inputValue('#call-year'), '2021');
    await shot(page, `e2e-callask-${width}-zh.png`, width);
    await page.selectOption('#lang', 'en');

    // A link made now reproduces the charts, at the chosen quarter (and asks nothing: no text).
    const link = await page.evaluate(() => window.callchartPage.share.link(window.callchartPage.analysis(), { charts: ['revenue', 'margins', 'guidance'], theme: 'auto' }));
    const other = await context.newPage();
    await other.goto(SINGLE + '#' + link);
    assert.equal((await state(other)).state, 'ready');
    const linked = await other.evaluate(() => window.__callchart.facts);
    assert.equal(linked.call, 'FY2021-Q3');
    assert.deepEqual(linked.facts.map((f) => `${f.metric} ${f.period} ${f.kind}`), facts.facts.map((f) => `${f.metric} ${f.period} ${f.kind}`));
    assert.equal(await other.isVisible('#call-ask'), false);
    assert.equal(await other.isVisible('#call-fix'), false);
    await other.close();

    // Another text asks again from scratch; "Wrong quarter?" corrects a period that was read.
    await page.fill('#transcript', NO_YEAR.replace('Acme', 'Acme Corp'));
    await page.click('#chart-it');
    assert.equal((await state(page)).state, 'nofacts');
    assert.equal(await page.inputValue('#call-year'), '');
    await page.fill('#transcript', NO_YEAR.replace('third quarter earnings call', 'Q3 2020 earnings call'));
    await page.click('#chart-it');
    assert.equal((await state(page)).state, 'ready');
    assert.equal(await page.isVisible('#call-ask'), false);
    await page.click('#call-fix');
    assert.equal(await page.isVisible('#call-ask'), true);
    assert.equal(await page.inputValue('#call-year'), '2020');
    assert.match(await page.textContent('#call-ask-why'), /Read as Q3 FY2020 from the transcript's own words/);
    await page.selectOption('#call-year', '2021');
    await page.click('#call-apply');
    await page.waitForFunction(() => window.__callchart.facts && window.__callchart.facts.call === 'FY2021-Q3');
    assert.match(await page.textContent('#notes-list'), /given by the reader \(the transcript reads as FY2020-Q3\)/);

    assert.deepEqual(errors, []);
    await context.close();
  });
}
