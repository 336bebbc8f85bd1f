// What a first visit to each resident page transfers, as served (brotli where the browser asks
// for it), by kind: the page, styles, scripts, WebAssembly, images, the rest — including what
// the service worker fetches to keep. Prints a table; used by bench/bytes.sh.
//   node bytes.mjs http://127.0.0.1:3201 / /catalog …
import { chromium } from 'playwright-core';

const [origin, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const kinds = ['document', 'stylesheet', 'script', 'wasm', 'image', 'other'];
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`${'page'.padEnd(14)}${kinds.map((k) => k.padStart(11)).join('')}      total  (KiB, as transferred)`);
for (const path of paths) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  // No request interception here: it would turn off the browser's cache, and the worker's
  // copies of the files would count twice. bench/bytes.sh points map tiles at a closed port.
  const sizes = Object.fromEntries(kinds.map((k) => [k, 0]));
  const pending = [];
  context.on('requestfinished', (request) => pending.push((async () => {
    const { responseBodySize, responseHeadersSize } = await request.sizes();
    const url = new URL(request.url());
    let kind = request.resourceType();
    if (url.pathname.endsWith('.wasm')) kind = 'wasm';
    if (!kinds.includes(kind)) kind = kind === 'fetch' && url.pathname.endsWith('.js') ? 'script' : 'other';
    // A negative body size is an answer from the browser's cache: nothing transferred.
    if (responseBodySize >= 0) sizes[kind] += responseBodySize + responseHeadersSize;
  })()));
  const page = await context.newPage();
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  // Let the worker finish keeping its files, which a first visit also pays for.
  await page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.ready).catch(() => {});
  await page.waitForTimeout(1500);
  await Promise.all(pending);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`${path.padEnd(14)}${kinds.map((k) => kib(sizes[k]).padStart(11)).join('')}${kib(total).padStart(11)}`);
  await context.close();
}
await browser.close();
