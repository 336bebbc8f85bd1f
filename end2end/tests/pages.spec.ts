import { test, expect, Page, BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, seedSession, serverLog, staffLogIn } from './support';

// Every page of the site hydrates without an error — for a visitor, a logged-in resident and a
// logged-in district admin, in Chinese and in English (with elder mode): a hydration mismatch
// or a WASM that fails to start is a panic in the browser, which only a real browser sees; and
// nothing on any page breaks its Content-Security-Policy.

const publicPages = ['/', '/catalog', '/catalog?q=%E9%9D%9E%E9%81%97&street=bajiao&sort=popular', '/items/1',
  '/facilities', '/facilities?level=street', '/facilities/1', '/map', '/coverage', '/login', '/register',
  '/me/bookings', '/staff/login', '/staff', '/staff/audit', '/staff/facilities', '/staff/items/1',
  '/staff/accounts', '/staff/compliance', '/staff/dashboard', '/staff/checkin/1', '/staff/security'];
const residentPages = ['/', '/catalog', '/items/1', '/map', '/heritage', '/heritage/1', '/org', '/fund', '/plan', '/me', '/me/bookings'];
const staffPages = ['/staff', '/staff/items/1', '/staff/accounts', '/staff/compliance', '/staff/facilities',
  '/staff/audit', '/staff/checkin/1', '/staff/dashboard', '/staff/dashboard?wall=1', '/staff/security',
  '/staff/demands', '/staff/reviews', '/staff/organisations', '/staff/fund', '/staff/plan', '/staff/evaluation',
  '/staff/training', '/staff/training/1', '/staff/training/hours', '/staff/training/sessions/1/door', '/staff/vocabulary'];

const languages = [
  { name: 'in Chinese', cookies: [] as { name: string; value: string }[] },
  { name: 'in English elder mode', cookies: [{ name: 'cc_lang', value: 'en' }, { name: 'cc_elder', value: '1' }] },
];

/** Collects page errors, console errors and Content-Security-Policy violations; only loads we
 * blocked ourselves (other hosts) pass. */
async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const blockedElsewhere = m.text().startsWith('Failed to load resource') && !m.location().url.startsWith(new URL(page.url()).origin);
    if (!blockedElsewhere) errors.push(`${page.url()}: ${m.text()} (${m.location().url})`);
  });
  return errors;
}

/** Opens each path and waits for it to hydrate, with one <h1>. */
async function visitAll(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    await expect(page.locator('body[data-hydrated="true"]'), path).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
  }
}

async function setLanguage(context: BrowserContext, baseURL: string, cookies: { name: string; value: string }[]) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  if (cookies.length) await context.addCookies(cookies.map((c) => ({ ...c, url: baseURL })));
}

for (const { name, cookies } of languages) {
  test(`every page hydrates cleanly for a visitor ${name}`, async ({ page, context, baseURL }) => {
    await setLanguage(context, baseURL!, cookies);
    const errors = await watchErrors(page);
    await visitAll(page, publicPages);
    // The 404 page too: its status is the only failure allowed.
    const missing = await page.goto('/items/987654321');
    expect(missing!.status()).toBe(404);
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
    expect(errors.filter((e) => !e.includes('/items/987654321: Failed to load resource')), errors.join('\n')).toEqual([]);
  });

  test(`every resident page hydrates cleanly for a resident with a ticket ${name}`, async ({ page, context, baseURL }) => {
    test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
    await setLanguage(context, baseURL!, cookies);
    const stamp = Date.now().toString().slice(-8);
    const session = seedSession(2, `逐页检查 ${stamp}`);
    const file = path.join(os.tmpdir(), `cc-pages-${stamp}.txt`);
    cli(['seed', 'residents', '--count', '1', '--first-phone', `136${stamp}`, '--sessions-out', file]);
    const line = readFileSync(file, 'utf8').trim();
    const at = line.indexOf('=');
    await context.addCookies([{ name: line.slice(0, at), value: line.slice(at + 1), url: baseURL! }]);
    const booked = await page.request.post(`/api/v1/sessions/${session}/bookings`);
    expect(booked.status()).toBe(201);
    const errors = await watchErrors(page);
    await visitAll(page, residentPages);
    await expect(page.getByTestId('ticket')).toHaveCount(1);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  test(`every console page hydrates cleanly for a logged-in district admin ${name}`, async ({ page, context, baseURL }) => {
    test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
    const username = `pages-${cookies.length}-${Date.now().toString().slice(-8)}`;
    createStaff(username, 'district_admin');
    const errors = await watchErrors(page);
    await staffLogIn(page, username);
    await setLanguage(context, baseURL!, cookies);
    await visitAll(page, staffPages);
    await expect(page.getByTestId('staff-login-needed')).toHaveCount(0);
    expect(errors, errors.join('\n')).toEqual([]);
  });
}
