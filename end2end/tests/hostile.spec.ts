import { test, expect, Page, BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, hydrated, serverLog, staffLogIn } from './support';

// Hostile text written through the forms people use — a service's title, description and
// provider, a reviewer's return comment, staff names — stays text in the browser, on every page
// that shows it, as served and after hydration: no script runs, no dialog opens, no element
// appears. (The server-side half, with the network's names, the JSON-LD, exports and .ics, is
// server/tests/http/hostile_text.rs.)

const run = `</title><script>window.__pwned=1</script>"><img src=x onerror=window.__pwned=2>{{7*7}}\u202E`;

async function tripwire(context: BrowserContext, dialogs: string[]) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
}

/** The page hydrated, shows the hostile text as text, and nothing of it ran or became markup. */
async function inert(page: Page, path: string, shows: string | null) {
  await page.goto(path);
  await hydrated(page);
  if (shows) await expect(page.getByText(shows, { exact: false }).first(), path).toBeVisible();
  const findings = await page.evaluate(() => ({
    pwned: (window as any).__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.querySelectorAll('script')]
      .filter((s) => s.type !== 'application/ld+json' && (s.textContent ?? '').includes('__pwned') && !(s.textContent ?? '').includes('__RESOLVED_RESOURCES'))
      .length,
  }));
  expect(findings, path).toEqual({ pwned: null, images: 0, scripts: 0 });
}

test('hostile text written through the forms stays text on every page that shows it', async ({ browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const title = `${run}${stamp}`;
  const dialogs: string[] = [];
  createStaff(`hostile-street-${stamp}`, 'street_admin', ['--street', 'bajiao']);
  createStaff(`hostile-admin-${stamp}`, 'district_admin');
  cli(['admin', 'create', '--username', `hostile-named-${stamp}`, '--name', run, '--role', 'provider'],
    { CC_ADMIN_PASSWORD: 'staff password 2026 石景山' });

  // A street admin writes the service through the console form.
  const streetContext = await browser.newContext();
  await tripwire(streetContext, dialogs);
  const street = await streetContext.newPage();
  await staffLogIn(street, `hostile-street-${stamp}`);
  await street.getByText('新建服务').click();
  const form = street.getByTestId('new-service');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('简介').fill(`${run} javascript:window.__pwned=3 ${'长'.repeat(3000)}`);
  await form.getByLabel('主办方').fill(run);
  const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  await form.getByLabel('日期').fill(tomorrow);
  await form.getByLabel('开始').fill('19:00');
  await form.getByLabel('结束').fill('21:00');
  await form.getByLabel('名额').fill('5');
  await form.getByRole('button', { name: '保存为草稿' }).click();
  const row = street.getByTestId('staff-item').filter({ hasText: stamp });
  await expect(row).toHaveAttribute('data-status', 'draft');
  await row.getByRole('button', { name: '提交审核' }).click();
  await expect(row).toHaveAttribute('data-status', 'submitted');

  // The district admin returns it with a hostile comment; the author reads it; then it is published.
  const adminContext = await browser.newContext();
  await tripwire(adminContext, dialogs);
  const admin = await adminContext.newPage();
  await staffLogIn(admin, `hostile-admin-${stamp}`);
  const toReview = admin.getByTestId('staff-item').filter({ hasText: stamp });
  await toReview.getByPlaceholder('退回意见').fill(run);
  await toReview.getByRole('button', { name: '退回' }).click();
  await expect(toReview).toHaveAttribute('data-status', 'returned');
  await inert(street, '/staff', '{{7*7}}');
  await street.getByTestId('staff-item').filter({ hasText: stamp }).getByRole('button', { name: '提交审核' }).click();
  await admin.reload();
  await hydrated(admin);
  await admin.getByTestId('staff-item').filter({ hasText: stamp }).getByRole('button', { name: '发布' }).click();
  await expect(admin.getByTestId('staff-item').filter({ hasText: stamp })).toHaveAttribute('data-status', 'published');

  // A resident books it and reads it everywhere residents see it.
  const items = await (await admin.request.get(`/api/v1/items?q=${encodeURIComponent(stamp)}`)).json();
  const item = items.items.find((i: { title: string }) => i.title === title);
  expect(item, 'the published item').toBeTruthy();
  const detail = await (await admin.request.get(`/api/v1/items/${item.id}`)).json();
  const session = detail.sessions[0].id;
  const file = path.join(os.tmpdir(), `cc-hostile-${stamp}.txt`);
  cli(['seed', 'residents', '--count', '1', '--first-phone', `132${stamp}`, '--sessions-out', file]);
  const line = readFileSync(file, 'utf8').trim();
  const residentContext = await browser.newContext();
  await tripwire(residentContext, dialogs);
  await residentContext.addCookies([{ name: line.slice(0, line.indexOf('=')), value: line.slice(line.indexOf('=') + 1), url: admin.url() }]);
  const resident = await residentContext.newPage();
  expect((await resident.request.post(`/api/v1/sessions/${session}/bookings`)).status()).toBe(201);
  await inert(resident, '/', null);
  for (const page of [`/catalog?q=${encodeURIComponent(stamp)}`, `/items/${item.id}`, `/facilities/${detail.facility.id}`, '/me/bookings']) {
    await inert(resident, page, stamp);
  }
  // After a client-side navigation too: the catalogue card's link, then the item.
  await resident.goto(`/catalog?q=${encodeURIComponent(stamp)}`);
  await hydrated(resident);
  await resident.locator('.item-card-title a').first().click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(await resident.evaluate(() => document.title)).toContain('</title><script>');
  expect(await resident.evaluate(() => (window as any).__pwned ?? null)).toBeNull();

  // And everywhere staff see it, their own names included.
  const staffPages: [string, string | null][] = [[`/staff/items/${item.id}`, stamp], ['/staff/audit', null],
    ['/staff/dashboard', null], ['/staff/accounts', '{{7*7}}'], [`/staff/checkin/${session}`, stamp]];
  for (const [page, shows] of staffPages) {
    await inert(admin, page, shows);
  }
  expect(dialogs).toEqual([]);
  for (const c of [streetContext, adminContext, residentContext]) await c.close();
});
