// Renders public/icons/{16,32,48,128}.png from assets/icons/icon.svg with headless Chromium
// (run once after changing the SVG: `npx tsx scripts/render-icons.ts`; needs fonts-noto-cjk).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets/icons/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: join(root, `public/icons/${size}.png`), omitBackground: true });
}
await browser.close();
