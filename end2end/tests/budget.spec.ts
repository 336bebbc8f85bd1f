import { test, expect, BrowserContext } from '@playwright/test';
import http from 'node:http';

// Residents never download the staff console: the first visit to a resident page transfers at
// most 150 KiB of JavaScript and WebAssembly together, as served (brotli). A size check, not a
// timing: bench/bytes.sh prints the same figures for every page.

const BUDGET = 150 * 1024;

/** The body's bytes as the server sends `url` to a browser that accepts brotli (not decoded). */
function servedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      response.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

/** Bytes of JS and WASM a first visit to `path` transfers, as the server sent them (the
 * bodies, brotli), the service worker's script and what it fetches to keep included. */
async function scriptBytes(context: BrowserContext, path: string): Promise<{ total: number; files: string[] }> {
  const files: string[] = [];
  const pending: Promise<void>[] = [];
  let total = 0;
  context.on('requestfinished', (request) => pending.push((async () => {
    const url = new URL(request.url());
    if (!/\.(js|wasm)$/.test(url.pathname)) return;
    const { responseBodySize } = await request.sizes();
    const encoding = (await request.response())?.headers()['content-encoding'] ?? 'identity';
    // A negative body size is an answer from the browser's cache (the worker keeping a file
    // the page has just loaded): nothing crossed the network.
    if (responseBodySize < 0) return;
    // Chromium does not report the worker script's own download: it is measured apart.
    const size = url.pathname === '/sw.js' ? await servedBytes(url.toString()) : responseBodySize;
    files.push(`${url.pathname} ${encoding} ${size}`);
    total += size;
  })()));
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return { total, files };
}

for (const path of ['/', '/catalog', '/items/1']) {
  test(`a first visit to ${path} downloads at most 150 KiB of script, brotli`, async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
    const { total, files } = await scriptBytes(context, path);
    console.log(`${path}: ${(total / 1024).toFixed(1)} KiB\n  ${files.join('\n  ')}`);
    expect(files.some((f) => f.includes('culture-cloud-staff')), 'no staff bundle').toBe(false);
    expect(total, files.join('\n')).toBeLessThanOrEqual(BUDGET);
    await context.close();
  });
}
