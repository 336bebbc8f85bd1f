import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, hydrated, register, seedSession, serverLog, staffLogIn } from './support';

// The console beyond the publishing journey: editing a service and giving it a picture, the
// sortable compliance table, and picking a facility's position on the map.

test('a street admin edits a draft and gives it a picture that the browser can show', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  createStaff(`editor-${stamp}`, 'street_admin', ['--street', 'bajiao']);
  await staffLogIn(page, `editor-${stamp}`);
  const facility = (await (await page.request.get('/api/v1/facilities?street=bajiao')).json()).features[0].properties.id;
  const created = await page.request.post('/api/v1/staff/items', {
    data: { title: `剪纸初稿 ${stamp}`, provider: '八角街道', category: 'heritage', audience: 'children', facility_id: facility },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id;

  await page.goto(`/staff/items/${id}`);
  await hydrated(page);
  const form = page.getByTestId('service-form');
  await form.getByLabel('标题').fill(`剪纸体验课 ${stamp}`);
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('service-saved')).toBeVisible();
  await expect(page.getByTestId('service-title')).toHaveText(`剪纸体验课 ${stamp}`);

  // Not a picture: refused in words, nothing stored.
  const upload = page.getByTestId('picture-form');
  await upload.locator('input[type=file]').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await upload.getByRole('button', { name: '上传图片' }).click();
  await expect(page.getByTestId('picture-error')).toHaveText('只支持JPEG或PNG图片');
  await expect(page.getByTestId('service-picture')).toHaveCount(0);

  // A real PNG (a screenshot): stored without its metadata, and still a picture the browser draws.
  const png = await page.screenshot();
  await page.getByTestId('picture-form').locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await page.getByTestId('picture-form').getByRole('button', { name: '上传图片' }).click();
  await expect(page).toHaveURL(/image=saved/);
  const picture = page.getByTestId('service-picture');
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200);
});

test('the compliance table sorts by a column and reverses on a second click', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  createStaff(`district-${stamp}`, 'district_admin');
  await staffLogIn(page, `district-${stamp}`);
  await page.getByRole('link', { name: '达标与覆盖表' }).click();
  await hydrated(page);
  const rows = page.getByTestId('compliance-row');
  await expect(rows).toHaveCount(9);
  const rates = async () =>
    (await rows.locator('td:nth-child(3)').allTextContents()).map((t) => (t.startsWith('—') ? -1 : parseInt(t, 10)));
  const header = page.locator('th', { has: page.getByTestId('sort-ComplianceRate') });

  await page.getByTestId('sort-ComplianceRate').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const up = await rates();
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await page.getByTestId('sort-ComplianceRate').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const down = await rates();
  expect(down).toEqual([...up].sort((a, b) => b - a));
  expect(new Set(up).size).toBeGreaterThan(1);
});

test('a facility manager picks a position on the map and saves it', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  createStaff(`picker-${stamp}`, 'street_admin', ['--street', 'bajiao']);
  await staffLogIn(page, `picker-${stamp}`);
  await page.goto('/staff/facilities');
  await hydrated(page);
  const record = page.getByTestId('facility-record').first();
  const position = record.locator('input[name=position]');
  const before = await position.inputValue();
  await record.locator('[data-pick-map]').click();
  const map = record.getByTestId('pick-map');
  await expect(map.locator('.leaflet-marker-icon')).toBeVisible();
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 60, box.y + box.height / 2 - 40);
  await expect(position).not.toHaveValue(before);
  const picked = (await position.inputValue()).split(',').map(Number);
  expect(picked[0]).toBeGreaterThan(39.5);
  expect(picked[1]).toBeGreaterThan(115.5);

  const href = await record.locator('a').first().getAttribute('href');
  await record.getByRole('button', { name: '保存' }).click();
  await expect.poll(async () => {
    const [lng, lat] = (await (await page.request.get(`/api/v1${href}`)).json()).geometry.coordinates;
    return [lat.toFixed(6), lng.toFixed(6)].join(',');
  }).toBe(picked.map((x) => x.toFixed(6)).join(','));
});

test('an open dashboard counts a booking made elsewhere without a reload', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const session = seedSession(5, `看板直播 ${stamp}`);
  const cookies = path.join(os.tmpdir(), `cc-dashboard-${stamp}.txt`);
  cli(['seed', 'residents', '--count', '2', '--first-phone', `133${stamp}`, '--sessions-out', cookies]);
  const [first, second] = readFileSync(cookies, 'utf8').trim().split('\n');

  createStaff(`watch-${stamp}`, 'district_admin');
  await staffLogIn(page, `watch-${stamp}`);
  await page.goto('/staff/dashboard');
  await hydrated(page);
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  const todays = page.getByTestId('kpi-today-bookings');
  const before = Number(await todays.textContent());
  let loads = 0;
  page.on('load', () => loads++);

  expect((await page.request.post(`/api/v1/sessions/${session}/bookings`, { headers: { cookie: first } })).status()).toBe(201);
  await expect(todays).toHaveText(String(before + 1));
  await expect(page.getByTestId('top-items')).toContainText(`看板直播`);
  expect((await page.request.post(`/api/v1/sessions/${session}/bookings`, { headers: { cookie: second } })).status()).toBe(201);
  await expect(todays).toHaveText(String(before + 2));
  expect(loads).toBe(0);

  // The wall display shows the same figures, full screen.
  await page.getByTestId('wall-link').click();
  await expect(page.getByTestId('dashboard')).toHaveClass(/wall/);
  await expect(todays).toHaveText(String(before + 2));
});

test('staff cancel a booked session with a reason, and the resident is told it', async ({ page, browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const title = `社区电影 ${stamp}`;
  const session = seedSession(5, title);
  const found = await page.request.get(`/api/v1/items?q=${encodeURIComponent(title)}`);
  const item = (await found.json()).items.find((i: { title: string }) => i.title === title).id;

  const resident = await (await browser.newContext()).newPage();
  await register(resident, `136${stamp}`, 'lantern festival 6');
  expect((await resident.request.post(`/api/v1/sessions/${session}/bookings`, { data: {} })).status()).toBe(201);

  createStaff(`canceller-${stamp}`, 'district_admin');
  await staffLogIn(page, `canceller-${stamp}`);
  await page.goto(`/staff/items/${item}`);
  await hydrated(page);
  const row = page.locator(`tr[data-session="${session}"]`);
  // First a move to another room: saved, told, and the row drawn anew with its form folded.
  await row.getByText('改期、改地点或取消').click();
  const move = row.getByTestId('move-session');
  await move.getByLabel('地点（不填则为设施地址）').fill('二层多功能厅');
  await move.getByRole('button', { name: '保存并通知报名居民' }).click();
  await expect(page.getByTestId('session-moved')).toBeVisible();
  await expect(row.getByTestId('session-place')).toHaveText('二层多功能厅');
  await expect(row.locator('details')).not.toHaveAttribute('open', /.*/);
  // A move without a place and a start: refused by name, in words.
  await row.getByText('改期、改地点或取消').click();
  await row.getByTestId('move-session').locator('input[name=start]').fill('');
  await row.getByTestId('move-session').locator('input[name=start]').evaluate((input: HTMLInputElement) => input.removeAttribute('required'));
  await row.getByTestId('move-session').getByRole('button', { name: '保存并通知报名居民' }).click();
  await expect(page.getByTestId('capacity-error')).toContainText('开始时间：');
  // The rows are drawn anew after every action (never a stale form on another session's row).
  if (!(await row.locator('details').evaluate((d: HTMLDetailsElement) => d.open))) {
    await row.getByText('改期、改地点或取消').click();
  }
  const cancel = row.getByTestId('cancel-session');
  await cancel.getByLabel('取消原因（报名居民会收到）').fill('场馆临时检修');
  await cancel.getByRole('button', { name: '取消场次并通知报名居民' }).click();
  await expect(page.getByTestId('residents-told')).toHaveText('已通知 1 位居民。');
  await expect(page.locator(`tr[data-session="${session}"]`).getByTestId('session-cancelled')).toBeVisible();

  await resident.goto('/me/messages');
  const message = resident.getByTestId('message').first();
  await expect(message).toContainText('活动取消');
  await expect(message).toContainText('原因：场馆临时检修');
  await expect(resident.getByTestId('message').nth(1)).toContainText('地点：二层多功能厅');
  await resident.context().close();
});
