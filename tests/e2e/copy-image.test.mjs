// Browser test of "Copy image" (issue 13): where a blog strips scripts
// (Substack, Medium, hosted WordPress), a chart goes in as an image. The
// clipboard gets a 2x PNG of the chart, and in its HTML flavour the same
// image with the chart's summary as alt text and the share link under it.
//
//   node --test tests/e2e/copy-image.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SHOTS, launchChromium, serveDist, HOSTED_CSP } from './support.mjs';

let browser;
let server;

before(async () => {
  server = await serveDist({ csp: HOSTED_CSP });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Copy image puts a 2x PNG on the clipboard, with alt text and the share link in its HTML', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, -1) });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
    const button = page.locator('button[data-copy-image="margins"]');
    assert.equal(await button.textContent(), 'Copy image');
    await button.click();
    await page.waitForFunction(() => /Image copied|could not|cannot/.test(document.getElementById('share-status').textContent));
    const status = await page.textContent('#share-status');
    assert.match(status, /^Image copied \(\d+×\d+ px\)/, status);

    const got = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const png = await item.getType('image/png');
      const bitmap = await createImageBitmap(png);
      const html = await (await item.getType('text/html')).text();
      const text = await (await item.getType('text/plain')).text();
      const canvas = document.getElementById('chart-margins').getBoundingClientRect();
      const chart = window.callchartPage.explained().charts.margins;
      // The image's pixels: not blank (several colours).
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
      return { types: item.types, width: bitmap.width, height: bitmap.height, cssW: canvas.width, cssH: canvas.height,
        html, text, summary: chart.summary, title: chart.title, colours: colours.size };
    });
    assert.deepEqual([...got.types].sort(), ['image/png', 'text/html', 'text/plain']);
    assert.equal(got.width, Math.round(got.cssW) * 2, 'the PNG is twice the chart\'s CSS width');
    assert.equal(got.height, Math.round(got.cssH) * 2, 'the PNG is twice the chart\'s CSS height');
    assert.ok(got.colours > 3, `the PNG looks blank (${got.colours} colours)`);

    // The HTML flavour: one image (the same PNG, inline), its summary as alt, a link to the charts.
    const doc = await page.evaluate((html) => {
      const d = new DOMParser().parseFromString(html, 'text/html');
      const img = d.querySelector('img');
      const a = d.querySelector('a');
      return { imgs: d.querySelectorAll('img').length, src: img && img.getAttribute('src').slice(0, 22), alt: img && img.alt,
        width: img && img.getAttribute('width'), href: a && a.href, caption: a && a.textContent, scripts: d.querySelectorAll('script').length };
    }, got.html);
    assert.equal(doc.imgs, 1);
    assert.equal(doc.scripts, 0);
    assert.equal(doc.src, 'data:image/png;base64,');
    assert.equal(doc.width, String(Math.round(got.cssW)));
    assert.ok(got.summary.length > 20, got.summary);
    assert.equal(doc.alt, got.summary, 'the alt text is the chart\'s summary');
    assert.equal(doc.caption, got.title);
    assert.match(doc.href, /^http:\/\/127\.0\.0\.1:\d+\/#v2=[A-Za-z0-9_-]+$/);
    assert.equal(got.text, got.summary + '\n' + doc.href);

    // The link opens the same call's charts in a fresh page.
    const other = await context.newPage();
    await other.goto(doc.href);
    await other.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
    assert.equal(await other.evaluate(() => window.callchartPage.explained().charts.margins.summary), got.summary);
    await page.screenshot({ path: path.join(SHOTS, 'e2e-copy-image.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
