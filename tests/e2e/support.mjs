// What every browser test shares: where the built pages are, and how
// Debian's Chromium is started (headless, no sandbox, no background network:
// this machine reaches no host but the package registries).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(process.env.CALLCHART_ROOT || path.join(HERE, '..', '..'));
export const DIST = path.join(ROOT, 'dist');
export const SINGLE = pathToFileURL(path.join(DIST, 'callchart.html')).href;
export const SHOTS = path.join(ROOT, 'target');
export const KINDS = ['revenue', 'margins', 'guidance'];

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The hosted page's CSP, sent as a header by serveDist.
export const HOSTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8' };

// Serves dist/ over http on a free local port ("/" is index.html), plus
// `extra` pages ({'/path.html': html}); every response carries `csp` when
// given. Returns { url, served (paths asked for), close() }.
export async function serveDist({ csp = null, extra = {} } = {}) {
  const served = [];
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    const headers = csp ? { 'content-security-policy': csp } : {};
    if (Object.hasOwn(extra, rel)) {
      served.push(rel);
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers }).end(extra[rel]);
      return;
    }
    const file = path.join(DIST, path.normalize(rel));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    served.push(rel);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Clicks Copy link (`#copy-link`) or Copy embed code (`#copy-embed`) and
// waits for what it makes (the page writes links asynchronously: the
// browser deflates them), which is then in window.__callchartShare (`link`,
// `embed`) and on the page.
export async function copyShare(page, selector) {
  const key = selector === '#copy-embed' ? 'embed' : 'link';
  await page.evaluate((k) => { window.__callchartShare[k] = null; }, key);
  await page.click(selector);
  await page.waitForFunction((k) => window.__callchartShare[k] != null, key);
}
