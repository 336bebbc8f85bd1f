import { test, expect, Page } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { bin, hydrated, itemWithSession, register, repo, serverLog } from './support';

// The residents' app on a phone: installable, its worker in control, tickets and pages seen
// before open without a network, and a new deployment's worker takes over when asked.

/** Waits until the service worker controls this page (the first visit installs it). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Waits until the worker has kept its copy of `path` (it saves after answering). */
async function kept(page: Page, path: string) {
  await expect.poll(() => page.evaluate(async (p) => !!(await (await caches.open('cc-pages')).match(p)), path)).toBe(true);
}

/** PNG width and height, from the file's header. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('the manifest is valid and its icons are the sizes it says', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({ name: expect.stringContaining('公共文化云'), short_name: '文化云', lang: 'zh-CN',
    start_url: '/', scope: '/', display: 'standalone' });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const purposes = new Set<string>();
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.headers()['content-type']).toBe('image/png');
    const [w, h] = pngSize(await response.body());
    expect(`${w}x${h}`).toBe(icon.sizes);
    purposes.add(`${icon.sizes} ${icon.purpose}`);
  }
  expect([...purposes].sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect((await request.get(touch!)).status()).toBe(200);
});

test('tickets, and pages seen before, open without a network; pages never seen say so kindly', async ({ page, context }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString().slice(-8);
  const title = `离线票演练 ${stamp}`;
  const itemPath = await itemWithSession(page, 5, title);

  await page.goto('/');
  await controlled(page);
  await register(page, `136${stamp}`, 'offline lantern 1');
  await page.goto(itemPath);
  await hydrated(page);
  await page.getByTestId('book').first().click();
  await expect(page.getByTestId('booking-outcome')).toContainText('预约成功');
  const code = (await page.getByTestId('booking-outcome').locator('strong').textContent())!.trim();

  // Seen once with the network: the tickets and the item page.
  await page.goto('/me/bookings');
  const ticket = page.getByTestId('ticket').filter({ hasText: title });
  await expect(ticket.locator('img')).toHaveJSProperty('complete', true);
  await kept(page, '/me/bookings');
  await page.goto(itemPath);
  await hydrated(page);
  await kept(page, itemPath);

  await context.setOffline(true);
  await page.goto('/me/bookings');
  const offlineTicket = page.getByTestId('ticket').filter({ hasText: title });
  await expect(offlineTicket).toContainText(code);
  await expect(offlineTicket.locator('.when')).not.toBeEmpty();
  await expect(offlineTicket.locator('.where')).not.toBeEmpty();
  const qrWidth = await offlineTicket.locator('img').evaluate((img: HTMLImageElement) =>
    img.decode().then(() => img.naturalWidth, () => 0));
  expect(qrWidth, 'the QR code is drawn from the saved copy').toBeGreaterThan(0);
  await expect(page.getByTestId('banner-offline')).toHaveText(/现在没有网络：这是 \d\d:\d\d 保存在手机上的副本。/);

  await page.goto(itemPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('banner-offline')).toBeVisible();
  // The saved copy still hydrates: this build's files are kept too.
  await hydrated(page);

  await page.goto('/coverage?never=seen');
  await expect(page.getByTestId('offline-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('现在没有网络');

  await context.setOffline(false);
  expect(errors, errors.join('\n')).toEqual([]);
});

test('booking without a network says so in words', async ({ page, context }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const itemPath = await itemWithSession(page, 5, `离线预约 ${stamp}`);
  await register(page, `135${stamp}`, 'offline lantern 2');
  await page.goto(itemPath);
  await hydrated(page);
  await context.setOffline(true);
  await page.getByTestId('book').first().click();
  await expect(page.getByTestId('booking-outcome')).toHaveText(/没有网络/);
  await expect(page.getByTestId('book').first()).toBeEnabled();
  await context.setOffline(false);
});

/** Serves the test database on `port` as build `build`, as a deployment would. */
async function deploy(port: number, build: string): Promise<ChildProcess> {
  const server = spawn(bin, ['serve'], {
    cwd: repo,
    env: { ...process.env, LEPTOS_SITE_ADDR: `127.0.0.1:${port}`, CC_BUILD_ID: build },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return server;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`build ${build} did not start on ${port}`);
}

test("a new deployment's worker takes over when the resident accepts, without a hydration error", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, 'scripts/test exports the database the deployments share');
  const port = 3107;
  const origin = `http://127.0.0.1:${port}`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  let server = await deploy(port, 'one');
  try {
    await page.goto(`${origin}/catalog`);
    await controlled(page);
    await hydrated(page);
    const builds = () => page.evaluate(() => caches.keys().then((keys) => keys.filter((k) => k.startsWith('cc-files-'))));
    expect(await builds()).toEqual(['cc-files-one']);

    server.kill();
    server = await deploy(port, 'two');
    // Coming back to the app looks for a new worker; the page offers it and keeps working.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const offer = page.getByTestId('banner-update');
    await expect(offer).toContainText('新版本可用');
    await Promise.all([page.waitForEvent('load'), offer.getByRole('button', { name: '更新' }).click()]);
    await hydrated(page);
    await expect(page.getByTestId('banner-update')).toHaveCount(0);
    await expect.poll(builds).toEqual(['cc-files-two']);
    expect(errors, errors.join('\n')).toEqual([]);
  } finally {
    server.kill();
  }
});
