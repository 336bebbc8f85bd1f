import { test, expect, Page } from '@playwright/test';

// Residents never download the staff console: the first visit to a resident page transfers at
// most 150 KiB of JavaScript and WebAssembly together, as served (brotli). A size check, not a
// timing: bench/bytes.sh prints the same figures for every page.

const BUDGET = 150 * 1024;

/** Bytes of JS and WASM a first visit to `path` transfers, as the server sent them. */
async function scriptBytes(page: Page, path: string): Promise<{ total: number; files: string[] }> {
  const files: string[] = [];
  let total = 0;
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!/\.(js|wasm)$/.test(url.pathname)) return;
    const headers = await response.allHeaders();
    const length = Number(headers['content-length'] ?? (await response.body()).length);
    files.push(`${url.pathname} ${headers['content-encoding'] ?? 'identity'} ${length}`);
    total += length;
  });
  await page.goto(path);
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  return { total, files };
}

for (const path of ['/', '/catalog', '/items/1']) {
  test(`a first visit to ${path} downloads at most 150 KiB of script, brotli`, async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
    const page = await context.newPage();
    const { total, files } = await scriptBytes(page, path);
    console.log(`${path}: ${(total / 1024).toFixed(1)} KiB\n  ${files.join('\n  ')}`);
    expect(files.some((f) => f.includes('culture-cloud-staff')), 'no staff bundle').toBe(false);
    expect(total, files.join('\n')).toBeLessThanOrEqual(BUDGET);
    await context.close();
  });
}
