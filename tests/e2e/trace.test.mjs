// Browser tests of issue 6, "every number traceable": tooltips from the
// Rust hit-test, click-through between chart elements and the transcript
// pane, keyboard access, summaries and data tables, axe-core, and the
// phone and desktop screenshots (target/e2e-trace-320.png, -1200.png).
//
//   node --test tests/e2e/trace.test.mjs      (after ./build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, SINGLE, SHOTS, KINDS, launchChromium } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

let browser;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function open(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(SINGLE);
  await page.waitForFunction(() => document.body.dataset.state !== 'loading', null, { timeout: 20000 });
  const status = await page.textContent('#status');
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready', `not charted: ${status}; ${errors.join(' | ')}`);
  // The transcript pane and the chart overlays are in place.
  await page.waitForFunction(() => document.querySelectorAll('.reader .fig').length > 0
    && document.querySelectorAll('#chart-revenue ~ .hits .hit').length > 0);
  return { context, page, errors };
}

// The chart element of `kind` whose label starts with `prefix`, with its
// centre in page (CSS) pixels.
async function element(page, kind, prefix) {
  await page.locator('#chart-' + kind).scrollIntoViewIfNeeded();
  const found = await page.evaluate(([kind, prefix]) => {
    const l = window.callchartPage.trace.layout(kind);
    const k = l.regions.findIndex((r) => r.label.startsWith(prefix));
    if (k < 0) return { labels: l.regions.map((r) => r.label) };
    const r = l.regions[k];
    const box = document.getElementById('chart-' + kind).getBoundingClientRect();
    return { k, fact: r.fact, label: r.label, x: box.left + (r.x0 + r.x1) / 2 / l.dpr, y: box.top + (r.y0 + r.y1) / 2 / l.dpr };
  }, [kind, prefix]);
  assert.ok(found.k !== undefined, `no ${kind} element "${prefix}…"; elements: ${JSON.stringify(found.labels)}`);
  return found;
}

async function tipText(page) {
  await page.waitForSelector('#cc-tip:not([hidden])', { timeout: 5000 });
  return page.textContent('#cc-tip');
}

test('hovering a bar shows its period, metric, value, change, basis and marked sentence', async () => {
  const { context, page, errors } = await open();
  const bar = await element(page, 'revenue', 'Q4 FY23 · Product revenue');
  await page.mouse.move(bar.x, bar.y);
  const text = await tipText(page);
  for (const want of ['Q4 FY23 · Product revenue: $26.4M', 'PeriodQ4 FY2023', 'SegmentProduct', 'Value$26.4M',
    '−37% QoQ', 'Basisnon-GAAP', 'Our product business generated $26.4 million of revenue in Q4']) {
    assert.ok(text.includes(want), `tooltip lacks "${want}": ${text}`);
  }
  assert.equal(await page.textContent('#cc-tip blockquote mark'), '$26.4 million', 'the figure is marked in its sentence');
  assert.equal(await page.evaluate(() => document.getElementById('chart-revenue').classList.contains('pointing')), true);

  // A derived bar says how it was computed, and marks the change it came from.
  const derived = await element(page, 'revenue', 'Q3 FY23 · Revenue');
  await page.mouse.move(derived.x, derived.y);
  await page.waitForFunction(() => document.getElementById('cc-tip').textContent.includes('Q3 FY23'));
  const d = await tipText(page);
  assert.ok(d.includes('Computed: 32.1M / (1 − 0.41) = 54.4M, from'), d);
  assert.ok(d.includes('Derived: computed from a stated change'), d);
  assert.equal(await page.textContent('#cc-tip blockquote mark'), '41%');

  // A margin point and a guided range hit-test too.
  const gm = await element(page, 'margins', 'Q4 FY23 · Gross margin');
  await page.mouse.move(gm.x, gm.y);
  await page.waitForFunction(() => document.getElementById('cc-tip').textContent.includes('58.2%'));
  const range = await element(page, 'guidance', 'Q1 FY24 · Revenue guidance');
  await page.mouse.move(range.x, range.y);
  await page.waitForFunction(() => document.getElementById('cc-tip').textContent.includes('$33–35M'));
  assert.ok((await tipText(page)).includes('Midpoint$34M'));

  // Off the elements (the chart's title), no tooltip.
  const box = await page.locator('#chart-revenue').boundingBox();
  await page.mouse.move(box.x + 8, box.y + 8);
  await page.waitForSelector('#cc-tip', { state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('clicking a chart element opens its sentence; clicking a figure in the text selects its element', async () => {
  const { context, page, errors } = await open();
  const derived = await element(page, 'revenue', 'Q3 FY23 · Revenue');
  await page.mouse.click(derived.x, derived.y);
  await page.waitForSelector('.reader .sent.current');
  const sentence = await page.textContent('.reader .sent.current');
  assert.ok(sentence.startsWith('In Q4, we reported revenue of $32.1 million, down 41% sequentially'), sentence);
  assert.equal(await page.textContent('.reader .fig.selected'), '41%');
  const visible = await page.evaluate(() => {
    const s = document.querySelector('.reader .sent.current').getBoundingClientRect();
    const pane = document.getElementById('reader').getBoundingClientRect();
    return s.top >= pane.top - 1 && s.bottom <= pane.bottom + 1 && s.top >= 0 && s.bottom <= innerHeight;
  });
  assert.ok(visible, 'the sentence is scrolled into view');

  // The other way: a figure in the transcript highlights the bar that shows it.
  const product = await element(page, 'revenue', 'Q4 FY23 · Product revenue');
  await page.locator('.reader .fig', { hasText: /^\$26\.4 million$/ }).first().click();
  await page.waitForSelector(`#chart-revenue ~ .hits .hit.selected[data-i="${product.k}"]`);
  assert.ok((await tipText(page)).includes('$26.4M'));
  assert.equal(await page.locator('#chart-revenue ~ .hits .hit.selected').count(), 1);
  // A figure that no chart draws (cash) still explains itself beside the text.
  await page.locator('.reader .fig', { hasText: /^\$217\.8 million$/ }).first().click();
  await page.waitForFunction(() => document.getElementById('cc-tip').textContent.includes('Cash'));
  assert.equal(await page.locator('.hits .hit.selected').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('tabbing reaches each chart once; arrow keys walk its elements; Enter opens the sentence', async () => {
  const { context, page, errors } = await open();
  // Flagged elements (conflicts, failed checks) say so in their accessible name.
  const labels = await page.evaluate(() => window.callchartPage.trace.layout('revenue').regions
    .map((r) => r.label + (r.flagged ? ' (conflict or failed check)' : '')));
  assert.ok(labels.length >= 6, `revenue elements: ${labels}`);
  await page.focus('#transcript');
  let reached = false;
  for (let n = 0; n < 80 && !reached; n++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement.closest('#chart-revenue ~ .hits'));
  }
  assert.ok(reached, 'Tab never reached the revenue chart');
  const seen = [];
  for (let n = 0; n < labels.length; n++) {
    const info = await page.evaluate(() => {
      const a = document.activeElement;
      return { label: a.getAttribute('aria-label'), ring: getComputedStyle(a).boxShadow, tip: document.getElementById('cc-tip').hidden };
    });
    assert.notEqual(info.ring, 'none', 'focus is visible');
    assert.equal(info.tip, false, 'the focused element shows its tooltip');
    seen.push(info.label);
    await page.keyboard.press('ArrowRight');
  }
  assert.deepEqual(seen, labels, 'arrow keys walk the elements in reading order');
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), labels[0]);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), labels[labels.length - 2]);

  // Enter: the sentence, with focus on its figure.
  const derived = labels.findIndex((l) => l.startsWith('Q3 FY23 · Revenue'));
  await page.keyboard.press('Home');
  for (let n = 0; n < derived; n++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.reader .sent.current');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'fig selected');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '41%');

  // One tab stop per chart: Tab from an element leaves the chart.
  await page.focus('#chart-revenue ~ .hits .hit[tabindex="0"]');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('#chart-revenue ~ .hits')), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('charts are named by their summaries and "Show data" opens their figures', async () => {
  const { context, page, errors } = await open();
  const names = await page.evaluate((kinds) => kinds.map((k) => document.getElementById('chart-' + k).getAttribute('aria-label')), KINDS);
  assert.match(names[0], /^Revenue fell 41% to \$32\.1M in Q4 FY23 \(.*\); Q1 FY24 guided \$33–35M\.$/);
  assert.match(names[1], /^Gross margin was 58\.2% in Q4 FY23/);
  assert.match(names[2], /^Guidance for Q1 FY24: revenue \$33–35M \(\+5\.9% vs Q4 FY23\)/);

  const toggle = page.locator('figure[data-chart="revenue"] .show-data');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const rows = await page.$$eval('#data-revenue tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('Q4 FY2023') && r.includes('Product revenue') && r.includes('$26.4M')), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('Q1 FY2024') && r.includes('$33–35M') && r.includes('Guidance')));
  assert.ok(rows.some((r) => r.includes('Q3 FY2023') && r.includes('Derived')));
  // A row's source opens its sentence.
  await page.locator('#data-revenue tbody tr', { hasText: 'Product revenue' }).locator('button.linkish').first().click();
  await page.waitForSelector('.reader .sent.current');
  assert.ok((await page.textContent('.reader .sent.current')).includes('$26.4 million'));
  await toggle.click();
  assert.equal(await page.locator('#data-revenue').isHidden(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Other figures" lists what no chart draws, each traceable to its sentence', async () => {
  const { context, page, errors } = await open();
  assert.equal(await page.locator('#other').isVisible(), true);
  assert.match(await page.textContent('#other-count'), /^\d+ figures$/);
  // Collapsed until asked for.
  assert.equal(await page.locator('#other-table').isVisible(), false);
  await page.click('#other summary');
  const rows = await page.$$eval('#other-table tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.ok(rows.some((r) => r.includes('Cash') && r.includes('$217.8M') && r.includes('Q4 FY2023')), rows.join('\n'));
  assert.ok(rows.some((r) => r.includes('Free cash flow') && r.includes('−$15.7M')));
  // Nothing a chart draws is listed again: no revenue level, no gross margin level.
  assert.ok(!rows.some((r) => r.includes('Revenue') && r.includes('$32.1M')), rows.join('\n'));
  await page.locator('#other-table tbody tr', { hasText: '$217.8M' }).locator('button.linkish').first().click();
  await page.waitForSelector('.reader .sent.current');
  assert.ok((await page.textContent('.reader .sent.current')).includes('217.8'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap shows the tooltip, a second tap opens the sentence (touch, 320 px)', async () => {
  const { context, page, errors } = await open({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const bar = await element(page, 'revenue', 'Q4 FY23 · Product revenue');
  await page.locator('#chart-revenue').scrollIntoViewIfNeeded();
  const again = await element(page, 'revenue', 'Q4 FY23 · Product revenue');
  await page.touchscreen.tap(again.x, again.y);
  assert.ok((await tipText(page)).includes('$26.4M'));
  assert.equal(bar.fact, again.fact);
  await page.touchscreen.tap(again.x, again.y);
  await page.waitForSelector('.reader .sent.current');
  assert.ok((await page.textContent('.reader .sent.current')).includes('$26.4 million'));
  assert.deepEqual(errors, []);
  await context.close();
});

// No two chart texts overlap (real fonts, the page's real sizes).
async function assertNoOverlaps(page, label) {
  const bad = await page.evaluate((kinds) => kinds.flatMap((kind) => {
    const l = window.callchartPage.trace.layout(kind);
    const t = l.texts;
    const out = [];
    for (let i = 0; i < t.length; i++) {
      for (let j = i + 1; j < t.length; j++) {
        const a = t[i], b = t[j], s = 0.5 * l.dpr;
        if (a.x0 + s < b.x1 && b.x0 + s < a.x1 && a.y0 + s < b.y1 && b.y0 + s < a.y1) out.push(`${kind}: "${a.text}" / "${b.text}"`);
      }
      if (t[i].x0 < -1 || t[i].x1 > l.width + 1) out.push(`${kind}: "${t[i].text}" outside the chart`);
    }
    return out;
  }), KINDS);
  assert.deepEqual(bad, [], `${label}: overlapping chart labels`);
}

// axe-core in the page; returns the serious and critical violations.
async function axe(page) {
  await page.addScriptTag({ content: readFileSync(AXE_PATH, 'utf8') });
  const res = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return res;
}

for (const { width, height, dpr, scheme } of [
  { width: 1200, height: 900, dpr: 2, scheme: 'light' },
  { width: 320, height: 640, dpr: 3, scheme: 'dark' },
]) {
  test(`${width} px, ${scheme}: no overlapping labels, no serious axe-core violation, screenshot`, async () => {
    // bypassCSP: the page's CSP (rightly) refuses the injected axe-core script.
    const { context, page, errors } = await open({
      viewport: { width, height }, deviceScaleFactor: dpr, colorScheme: scheme, bypassCSP: true,
      ...(width < 400 ? { isMobile: true, hasTouch: true } : {}),
    });
    await assertNoOverlaps(page, `${width}px`);
    // Open everything axe should see: the data tables, a selection, a tooltip.
    for (const kind of KINDS) await page.locator(`figure[data-chart="${kind}"] .show-data`).click();
    await page.locator('.reader .fig', { hasText: /^\$26\.4 million$/ }).first().click();
    await page.waitForSelector('#cc-tip:not([hidden])');
    const found = await axe(page);
    const version = await page.evaluate(() => window.axe.version);
    const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    console.log(`axe-core ${version} at ${width}px ${scheme}: ${found.length} violation rule(s)` +
      (found.length ? ': ' + found.map((v) => `${v.id} (${v.impact}, ${v.nodes}: ${v.targets.join(' | ')})`).join(', ') : '') +
      `; serious or critical: ${serious.length}`);
    assert.deepEqual(serious, [], 'serious or critical accessibility violations');
    await page.keyboard.press('Escape');
    for (const kind of KINDS) await page.locator(`figure[data-chart="${kind}"] .show-data`).click();
    const shot = path.join(SHOTS, `e2e-trace-${width}.png`);
    // The tooltip of a bar in the picture.
    await page.locator('#chart-revenue').scrollIntoViewIfNeeded();
    const bar = await element(page, 'revenue', 'Q4 FY23 · Product revenue');
    if (width >= 400) await page.mouse.move(bar.x, bar.y);
    else await page.touchscreen.tap(bar.x, bar.y);
    await page.waitForSelector('#cc-tip:not([hidden])');
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);
    if (width < 400) {
      const full = path.join(SHOTS, `e2e-trace-${width}-full.png`);
      await page.screenshot({ path: full, fullPage: true });
      console.log(`screenshot: ${full}`);
    }
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `page is ${scroll}px wide at ${width}px`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('conflicting figures and failed checks are marked in the chart and the text; transcript text stays text', async () => {
  const { context, page, errors } = await open();
  // A segment larger than the total (a failed sum), and two different totals.
  // (A segment stands when the call names it more than once: products and licenses.)
  const call = 'Operator\nJane Doe - CFO\n'
    + 'We sell products and licenses. Revenue was $30 million in the fourth quarter of 2023. '
    + 'Product revenue was $35 million in the fourth quarter of 2023 <img src=x onerror="window.__pwned=1">. '
    + 'License revenue was $5 million in the fourth quarter of 2023. '
    + 'Revenue was $31 million in the fourth quarter of 2023.\n';
  const renders = await page.evaluate(() => window.__callchart.renders);
  await page.fill('#transcript', call);
  await page.waitForFunction((n) => window.__callchart.renders > n && document.body.dataset.state === 'ready', renders);
  await page.waitForFunction(() => document.querySelectorAll('.reader .fig').length >= 4);
  const pane = await page.evaluate(() => ({
    flagged: Array.from(document.querySelectorAll('.reader .fig.flagged')).map((b) => b.textContent),
    imgs: document.querySelectorAll('.reader img, #cc-tip img').length,
    text: document.getElementById('reader').textContent,
  }));
  assert.ok(pane.flagged.some((t) => t.startsWith('$30 million') && t.includes('(conflict or failed check)')), pane.flagged.join(' | '));
  assert.ok(pane.flagged.some((t) => t.startsWith('$35 million')), 'a segment of the failed sum is marked');
  assert.equal(pane.imgs, 0);
  assert.ok(pane.text.includes('<img src=x onerror="window.__pwned=1">'), 'markup in the transcript is shown as text');
  const chart = await page.evaluate(() => Array.from(document.querySelectorAll('#chart-revenue ~ .hits .hit.flagged'))
    .map((b) => b.getAttribute('aria-label')));
  assert.ok(chart.length >= 1 && chart.every((l) => l.endsWith('(conflict or failed check)')), chart.join(' | '));
  // The figure's tooltip says what is wrong.
  await page.locator('.reader .fig', { hasText: /^\$35 million/ }).first().click();
  const text = await tipText(page);
  assert.ok(text.includes('Failed check: revenue FY2023-Q4: segments'), text);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});
