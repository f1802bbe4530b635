// Bad input in the page (issue 5): every kind gets its own message, the text
// box keeps what was there, the previous charts stay, large inputs are read
// in a worker with a progress bar, and a panic leaves the page usable.
//
//   node --test tests/e2e/badinput.test.mjs    (after ./build.sh)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SINGLE, HOSTED_CSP, launchChromium, serveDist } from './support.mjs';

const SAMPLE = readFileSync(path.join(ROOT, 'www', 'sample', 'credo-q4-fy2023.txt'), 'utf8');
const SHARED = path.resolve(process.env.CALLCHART_SHARED || path.join(ROOT, '..', 'shared'));
const OTHER = readFileSync(path.join(SHARED, 'data', 'dev', 'mf_ZTS_q4_2021.txt'), 'utf8');
const STATUS_RE = /\d+ facts · \d+ turns · \d+ speakers/;

let browser;

before(async () => {
  assert.ok(existsSync(path.join(ROOT, 'dist', 'callchart.html')), 'dist/callchart.html is missing: run ./build.sh first');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function openPage(url = SINGLE) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 30000 });
  return { context, page, errors };
}

// What is on screen: state, status line, the box, and a hash of the charts.
async function snapshot(page) {
  return page.evaluate(() => {
    let h = 0x811c9dc5;
    for (const kind of ['revenue', 'margins', 'guidance']) {
      const c = document.getElementById('chart-' + kind);
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < data.length; i += 16) h = Math.imul(h ^ data[i], 16777619) >>> 0;
    }
    return {
      state: document.body.dataset.state,
      status: document.getElementById('status').textContent,
      text: document.getElementById('transcript').value,
      readOnly: document.getElementById('transcript').readOnly,
      charts: h,
      renders: window.__callchart.renders,
    };
  });
}

// Gives the page a file as the file picker would (bytes: Buffer).
async function openFile(page, name, bytes, mimeType = 'application/octet-stream') {
  await mark(page);
  await page.setInputFiles('#file', { name, mimeType, buffer: bytes });
  return waitForAnswer(page);
}

// Blanks the status line, so that waitForAnswer sees the page's next answer
// even when it reads the same as the last one.
async function mark(page) {
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
}

async function waitForAnswer(page, timeout = 60000) {
  try {
    await page.waitForFunction(() => {
      const s = document.body.dataset.state;
      return s !== 'working' && s !== 'loading' && document.getElementById('status').textContent !== '';
    }, null, { timeout });
  } catch (err) {
    const s = await snapshot(page);
    throw new Error(`no answer from the page (state ${s.state}, status "${s.status}"): ${err.message}`);
  }
  return snapshot(page);
}

function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function asHtml(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return '<!DOCTYPE html><html><head><title>Call</title><script>var x = "$999 billion";</script></head><body>\n' +
    text.split('\n\n').map((p) => '<p>' + p.split('\n').map(esc).join('<br>\n') + '</p>').join('\n') + '\n</body></html>\n';
}

function asRtf(text) {
  const body = text.split('\n').map((line) => Array.from(line).map((c) => {
    if (c === '\\' || c === '{' || c === '}') return '\\' + c;
    const code = c.codePointAt(0);
    if (code < 128) return c;
    return Array.from(Buffer.from(c, 'utf16le')).length === 2
      ? `\\u${(code > 32767 ? code - 65536 : code)}?`
      : c.split('').map((u) => `\\u${u.charCodeAt(0) > 32767 ? u.charCodeAt(0) - 65536 : u.charCodeAt(0)}?`).join('');
  }).join('') + '\\par\n').join('');
  return '{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\f0 ' + body + '}';
}

test('refused files: empty, blank, PDF, PNG, ZIP, Word, unknown binary; the box and the charts stay', async () => {
  const { context, page, errors } = await openPage();
  const start = await snapshot(page);
  const cases = [
    ['empty.txt', Buffer.alloc(0), /“empty\.txt”: the input is empty/],
    ['blank.txt', Buffer.from('   \n\t\n  \r\n'), /“blank\.txt”: the input has no text, only whitespace/],
    ['call.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), /“call\.pdf”: this is a PDF document, not text; copy the transcript's text out of the PDF/],
    ['chart.png', Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex'), /this is a PNG image, not text/],
    ['calls.zip', Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'), Buffer.from('call.txt'), Buffer.alloc(64, 7)]), /this is a ZIP archive, not text; unpack it/],
    ['call.docx', Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml PK\x03\x04 word/document.xml', 'latin1'), /this is a Word document \(\.docx\), not text/],
    ['data.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761 >>> 13) & 255)), /this is a binary file, not text/],
  ];
  for (const [name, bytes, want] of cases) {
    const s = await openFile(page, name, bytes);
    assert.equal(s.state, 'refused', `${name}: state ${s.state} (${s.status})`);
    assert.match(s.status, want, name);
    assert.equal(s.text, start.text, `${name}: the box must keep its text`);
    assert.equal(s.charts, start.charts, `${name}: the previous charts must stay`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a text file with no figures says so and keeps the previous charts', async () => {
  const { context, page, errors } = await openPage();
  const start = await snapshot(page);
  const s = await openFile(page, 'notes.txt', Buffer.from('Operator\nWelcome, everyone. We have nothing to report today.\n'), 'text/plain');
  assert.equal(s.state, 'nofacts');
  assert.match(s.status, /No figures found in “notes\.txt”/);
  assert.equal(s.charts, start.charts);
  assert.deepEqual(errors, []);
  await context.close();
});

test('UTF-16, Latin-1, broken UTF-8, HTML and RTF files are read, with a warning each', async () => {
  const { context, page, errors } = await openPage();
  const cases = [
    ['utf16.txt', utf16le(OTHER), /UTF-16 text, decoded/, (t) => t === OTHER],
    ['latin1.txt', Buffer.from(OTHER.replace(/\u2019/g, "'") + '\nRen\u00e9 Dupont - CFO\nThanks.\n', 'latin1'), /read as Latin-1 \(Windows-1252\)/, (t) => t.includes('Ren\u00e9 Dupont')],
    ['broken.txt', Buffer.concat([Buffer.from(OTHER + '\nThanks \u2014 bye.\n'), Buffer.from([0xff, 0xfe]), Buffer.from(' end\n')]), /not valid UTF-8: 2 bytes could not be read/, (t) => t.includes('\ufffd\ufffd end')],
    ['page.html', Buffer.from(asHtml(OTHER)), /HTML page's source: its text was read, tags removed/, (t) => !t.includes('<p>') && !t.includes('999')],
    ['call.rtf', Buffer.from(asRtf(OTHER)), /RTF document: its text was read/, (t) => !t.includes('\\par') && t.includes('Zoetis')],
  ];
  for (const [name, bytes, warning, boxOk] of cases) {
    const before = await snapshot(page);
    const s = await openFile(page, name, bytes);
    assert.equal(s.state, 'ready', `${name}: ${s.status}`);
    assert.match(s.status, STATUS_RE, name);
    assert.match(s.status, warning, name);
    assert.ok(boxOk(s.text), `${name}: the box holds the decoded text`);
    assert.ok(s.renders > before.renders, `${name}: charts redrawn`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted HTML source and blank text: the pasted text stays in the box', async () => {
  const { context, page, errors } = await openPage();
  const html = asHtml(OTHER);
  await page.fill('#transcript', html);
  await page.click('#chart-it');
  let s = await snapshot(page);
  assert.equal(s.state, 'ready', s.status);
  assert.match(s.status, /HTML page's source/);
  assert.equal(s.text, html, 'the pasted HTML stays as pasted');
  const charts = s.charts;
  await page.fill('#transcript', '   \n\n   ');
  await page.click('#chart-it');
  s = await snapshot(page);
  assert.equal(s.state, 'empty');
  assert.equal(s.text, '   \n\n   ');
  assert.equal(s.charts, charts, 'blank text keeps the charts');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 100 MB file is refused by size before it is read, the page stays usable', async () => {
  const { context, page, errors } = await openPage();
  const start = await snapshot(page);
  await page.evaluate(() => {
    const file = new File([new Uint8Array(100 * 1000 * 1000)], 'huge.txt', { type: 'text/plain' });
    const dt = new DataTransfer();
    dt.items.add(file);
    document.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  const s = await snapshot(page);
  assert.equal(s.state, 'refused');
  assert.match(s.status, /“huge\.txt” is 100 MB: the page reads transcripts up to 64 MB/);
  assert.equal(s.text, start.text);
  assert.equal(s.charts, start.charts);
  assert.equal(await page.evaluate(() => window.callchartPage.reading()), null, 'nothing is being read');
  assert.deepEqual(errors, []);
  await context.close();
});

test('large inputs are read in a worker with a progress bar: a 5 MB single line and a 12 MB call', async () => {
  const { context, page, errors } = await openPage();
  // Watch the progress bar while the worker reads.
  await page.evaluate(() => {
    window.__seen = [];
    const bar = document.getElementById('progress');
    new MutationObserver(() => { if (!bar.hidden) window.__seen.push(bar.value); })
      .observe(bar, { attributes: true, attributeFilter: ['hidden', 'value'] });
    setInterval(() => { if (!bar.hidden) window.__seen.push(bar.value); }, 5);
  });
  const line = SAMPLE.replace(/[^\x00-\x7f]/g, '').split(/\s+/).join(' ');
  const single = line.repeat(Math.ceil(5e6 / line.length));
  await mark(page);
  await page.setInputFiles('#file', { name: 'oneline.txt', mimeType: 'text/plain', buffer: Buffer.from(single) });
  let s = await waitForAnswer(page);
  assert.match(s.status, /One line is 5\.\d MB long: speakers and paragraphs are told apart by line breaks/, s.status);
  assert.ok(s.readOnly, 'a large file shows as a read-only preview');
  assert.ok(s.text.length < 300000 && single.startsWith(s.text.slice(0, 1000)), 'the box holds the beginning of the file');
  assert.match(await page.textContent('#input-note'), /Showing the beginning of “oneline\.txt” \(5\.\d MB\); the charts are from the whole file/);
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(new Set(seen).size >= 2, `the progress bar moved (saw ${JSON.stringify(seen.slice(0, 10))})`);
  assert.ok(await page.evaluate(() => document.getElementById('progress').hidden), 'the progress bar is gone when done');

  // A 12 MB call (the sample, repeated): charted from the worker.
  const big = (SAMPLE + '\n').repeat(Math.ceil(12e6 / SAMPLE.length));
  const mid = await snapshot(page);
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  });
  await mark(page);
  await page.setInputFiles('#file', { name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.from(big) });
  // (Handing the test's 12 MB to the page is one long task of its own.)
  const posted = await page.evaluate(() => performance.now());
  s = await waitForAnswer(page, 120000);
  assert.equal(s.state, 'ready', s.status);
  assert.match(s.status, STATUS_RE);
  assert.ok(s.renders > mid.renders, 'charts drawn from the worker\'s facts');
  // The transcript pane too: the worker's view of the one parse it made,
  // rendered in slices (none of them a long freeze).
  await page.waitForFunction(() => document.querySelectorAll('#reader .turn').length > 5000, null, { timeout: 60000 });
  await new Promise((r) => setTimeout(r, 500));
  const pane = await page.evaluate((since) => ({
    turns: document.querySelectorAll('#reader .turn').length,
    sentences: document.querySelectorAll('#reader .sent').length,
    figures: document.querySelectorAll('#reader .fig').length,
    empty: !!document.querySelector('#reader .reader-empty'),
    opened: window.callchartPage.trace.openSentence(0, false),
    longest: Math.round(Math.max(0, ...window.__tasks.filter((t) => t[0] >= since).map((t) => t[1]))),
  }), posted);
  console.log(`12 MB call: ${pane.turns} turns, ${pane.sentences} sentences, ${pane.figures} figures in the pane; longest main-thread task ${pane.longest} ms`);
  assert.equal(pane.empty, false, 'a large input has its transcript pane');
  assert.ok(pane.turns > 5000 && pane.sentences > pane.turns, `${pane.turns} turns, ${pane.sentences} sentences`);
  assert.ok(pane.figures > 10, `${pane.figures} figures marked`);
  assert.equal(pane.opened, true, 'a fact opens its sentence in the pane');
  assert.ok(pane.longest < 1000, `the longest main-thread task while the answer was shown took ${pane.longest} ms`);

  // Clear leaves preview mode; pasting works again.
  await page.click('#input-clear');
  s = await snapshot(page);
  assert.equal(s.readOnly, false);
  assert.equal(s.text, '');
  await page.fill('#transcript', OTHER);
  await page.click('#chart-it');
  s = await snapshot(page);
  assert.equal(s.state, 'ready', s.status);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows "internal error, please report" and the page recovers with a fresh instance', async () => {
  const { context, page, errors } = await openPage();
  // No input reaches a panic (fuzzed), so the test makes the engine panic.
  await page.evaluate(() => {
    const engine = window.callchartPage.engine();
    engine.read_text = function () { return engine.panic_for_tests(); };
  });
  await page.fill('#transcript', OTHER);
  await page.click('#chart-it');
  let s = await snapshot(page);
  assert.equal(s.state, 'error');
  assert.match(s.status, /Internal error, please report/);
  assert.equal(s.text, OTHER, 'the text stays');
  assert.ok(errors.some((e) => /callchart: internal error, please report/.test(e)), 'the hook logs the panic');
  assert.ok(errors.some((e) => /panic_for_tests was called/.test(e)));
  errors.length = 0;
  const fresh = await page.evaluate(() => window.callchartPage.engine().read_text.toString().includes('panic_for_tests'));
  assert.equal(fresh, false, 'a fresh engine replaced the panicked one');
  await page.click('#chart-it');
  s = await snapshot(page);
  assert.equal(s.state, 'ready', s.status);
  assert.match(s.status, STATUS_RE);
  assert.equal(await page.evaluate(() => globalThis.__callchartPanicked), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hosted page: the worker runs from worker.js under the hosted CSP', async () => {
  const server = await serveDist({ csp: HOSTED_CSP });
  const served = server.served;
  try {
    const { context, page, errors } = await openPage(server.url);
    const big = (SAMPLE + '\n').repeat(Math.ceil(2.5e6 / SAMPLE.length));
    const s = await openFile(page, 'big.txt', Buffer.from(big), 'text/plain');
    assert.equal(s.state, 'ready', s.status);
    assert.ok(s.readOnly, 'read in the worker: the box holds a preview');
    assert.ok(await page.evaluate(() => document.querySelectorAll('#reader .turn').length > 1000), 'the transcript pane of the worker\'s view');
    assert.ok(served.includes('/worker.js') && served.includes('/pkg/callchart.js'), `served: ${served.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});
