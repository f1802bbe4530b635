// A Chinese-only transcript charts like an English one: the sample call with
// its English lines removed (one copy of each doubled speaker line kept) is
// pasted into the page, which must draw the revenue chart with its figures.
//
//   node --test tests/e2e/zh-only.test.mjs   (after ./build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, SINGLE, SHOTS, launchChromium } from './support.mjs';

const SAMPLE = path.join(ROOT, 'www', 'sample', 'credo-q4-fy2023.txt');

// transcript::is_cjk_line: CJK characters are at least a sixth of the Latin letters.
function isCjkLine(s) {
  let cjk = 0;
  let latin = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if ((c >= 0x3000 && c <= 0x303f) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)
      || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return cjk > 0 && cjk * 2 >= Math.floor(latin / 3);
}

// The sample without its English lines, as tests/zh_only.rs builds it.
function chineseOnly(text) {
  const lines = text.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isCjkLine(l.trim())) out.push(l);
    else if (l.trim() && lines[i + 1] === l) { out.push(l); i++; }
  }
  return out.join('\n');
}

let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('a Chinese-only paste charts its revenue with figures', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(SINGLE);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && window.__callchart.renders > 0, null, { timeout: 20000 });

  const zh = chineseOnly(readFileSync(SAMPLE, 'utf8'));
  assert.ok(!/Revenue for fiscal year/.test(zh), 'the English lines are gone');
  const renders = await page.evaluate(() => window.__callchart.renders);
  await page.fill('#transcript', zh);
  await page.waitForFunction((n) => window.__callchart.renders > n && document.body.dataset.state !== 'loading', renders, { timeout: 20000 });
  const got = await page.evaluate(() => {
    const facts = window.__callchart.facts;
    const c = document.getElementById('chart-revenue');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 24) inked++;
    }
    const explained = window.callchartPage.explained();
    return {
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      call: facts && facts.call,
      revenue: facts ? facts.facts.filter((f) => f.metric === 'revenue' && f.segment === 'total') : [],
      inked,
      size: c.width * c.height,
      summary: explained.charts.revenue.summary,
    };
  });
  await page.screenshot({ path: path.join(SHOTS, 'e2e-zh-only.png'), fullPage: true });
  assert.equal(got.state, 'ready', `not charted: ${got.status}`);
  assert.equal(got.call, 'FY2023-Q4', 'the Chinese welcome names the call');
  const q4 = got.revenue.find((f) => f.period === 'FY2023-Q4' && f.kind === 'actual' && f.measure === 'level');
  assert.ok(q4, 'Q4 revenue read from the Chinese sentence');
  assert.equal(q4.value, 32100000);
  assert.match(q4.source.text, /3,210 萬美元/, 'the fact keeps its Chinese sentence');
  assert.ok(got.revenue.some((f) => f.period === 'FY2024-Q1' && f.kind === 'guidance'), 'Q1 guidance read');
  assert.ok(got.inked >= Math.max(500, got.size * 0.005), `revenue chart drew ${got.inked} pixels`);
  assert.match(got.summary, /32\.1/, `the revenue chart shows Q4's figure: ${got.summary}`);
  assert.deepEqual(errors, []);
  await context.close();
});
