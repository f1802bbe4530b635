// What every browser test shares: where the built pages are, and how
// Debian's Chromium is started (headless, no sandbox, no background network:
// this machine reaches no host but the package registries).
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
