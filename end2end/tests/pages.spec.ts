import { test, expect } from '@playwright/test';
import { createStaff, serverLog, staffLogIn } from './support';

// Every page hydrates without an error, in both languages and in elder mode: a hydration
// mismatch is a panic in the browser, so this catches markup the client would render differently.
const pages = ['/', '/catalog?q=%E9%9D%9E%E9%81%97', '/items/1', '/facilities?level=street', '/facilities/1', '/map', '/coverage', '/login', '/register', '/me/bookings', '/staff/login', '/staff', '/staff/audit', '/staff/facilities', '/staff/items/1', '/staff/accounts', '/staff/compliance', '/staff/dashboard'];

for (const cookies of [[], [{ name: 'cc_lang', value: 'en' }, { name: 'cc_elder', value: '1' }]]) {
  test(`every page hydrates cleanly ${cookies.length ? 'in English elder mode' : 'in Chinese'}`, async ({ page, context, baseURL }) => {
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: baseURL! })));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of pages) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(200);
      await expect(page.locator('body[data-hydrated="true"]'), path).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    }
    expect(errors, errors.join('\n')).toEqual([]);
  });
}

test('every console page hydrates cleanly for a logged-in district admin', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const username = `pages-${Date.now().toString().slice(-8)}`;
  createStaff(username, 'district_admin');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`);
  });
  await staffLogIn(page, username);
  for (const path of ['/staff', '/staff/items/1', '/staff/accounts', '/staff/compliance', '/staff/facilities', '/staff/audit', '/staff/checkin/1', '/staff/dashboard', '/staff/dashboard?wall=1']) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    await expect(page.locator('body[data-hydrated="true"]'), path).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByTestId('staff-login-needed'), path).toHaveCount(0);
  }
  expect(errors, errors.join('\n')).toEqual([]);
});
