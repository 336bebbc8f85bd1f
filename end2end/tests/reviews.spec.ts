import { test, expect } from '@playwright/test';
import { createStaff, hydrated, register, seedSession, serverLog, staffLogIn } from './support';

// 评价: a resident who was let in at the door rates the service from 我的预约; the item page then
// shows the rating (and tells search engines), and the comment as the text it was.

test('a checked-in resident rates the service and the item page shows the rating', async ({ page, browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString().slice(-8);
  const title = `评价演练 ${stamp}`;
  const session = seedSession(5, title);
  const found = await (await page.request.get(`/api/v1/items?q=${encodeURIComponent(title)}`)).json();
  const itemPath = `/items/${found.items.find((i: { title: string }) => i.title === title).id}`;

  await register(page, `136${stamp}`, 'lantern review 1');
  await page.goto(itemPath);
  await hydrated(page);
  await page.getByTestId('book').click();
  await expect(page.getByTestId('booking-outcome')).toContainText('预约成功');
  const code = await page.getByTestId('booking-outcome').locator('strong').textContent();

  // Before the door, there is nothing to review.
  await page.goto('/me/bookings');
  const ticket = page.getByTestId('ticket').filter({ hasText: title });
  await expect(ticket.getByTestId('review-link')).toHaveCount(0);

  // A street admin lets the resident in at the door.
  const staff = await browser.newContext();
  const door = await staff.newPage();
  createStaff(`reviews-door-${stamp}`, 'street_admin', ['--street', 'bajiao']);
  await staffLogIn(door, `reviews-door-${stamp}`);
  const checked = await door.request.post(`/api/v1/staff/sessions/${session}/checkins`, { data: { ticket: code } });
  expect(checked.status()).toBe(200);
  await staff.close();

  // The resident reviews it from their bookings: stars and a few words.
  await page.reload();
  await hydrated(page);
  await expect(ticket).toHaveAttribute('data-status', 'attended');
  await ticket.getByTestId('review-link').click();
  await expect(page).toHaveURL(/\/me\/bookings\/\d+\/review$/);
  await page.getByLabel('4/5').check();
  await page.getByLabel('说说您的感受（选填，不超过500字）').fill('<b>老师讲得很好</b>，下次还来');
  await page.getByTestId('save-review').click();
  await expect(page.getByTestId('review-saved')).toBeVisible();
  await expect(page.getByLabel('4/5')).toBeChecked();

  // The item page shows the rating, the comment as text, and schema.org's aggregateRating.
  await page.goto(itemPath);
  await hydrated(page);
  await expect(page.getByTestId('rating')).toHaveText('★ 4.0 · 1 条评价');
  await expect(page.getByTestId('review').first()).toContainText('<b>老师讲得很好</b>，下次还来');
  await expect(page.getByTestId('review').first()).toContainText(`136****${stamp.slice(-4)}`);
  const data = await page.locator('script[type="application/ld+json"]').allTextContents();
  const events = data.map((text) => JSON.parse(text)).find((value) => Array.isArray(value));
  expect(events[0].aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4, reviewCount: 1, bestRating: 5, worstRating: 1 });
  expect(errors).toEqual([]);
});
