import { test, expect } from '@playwright/test';
import { hydrated, register, itemWithSession, serverLog, smsMessages } from './support';

// scripts/test exports the server's database and log so this test can add a session with one
// place and read the SMS codes the development sender writes to the log.

test('register, log in, book, see the QR ticket, cancel: the waitlisted resident accepts the place offered late', async ({ page, browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString().slice(-8);
  const first = `139${stamp}`;
  const second = `137${stamp}`;
  const title = `抢票演练 ${stamp}`;
  const itemPath = await itemWithSession(page, 1, title);

  // The first resident registers, logs out, and logs in again.
  await register(page, first, 'lantern festival 1');
  await page.getByTestId('logout').click();
  // On a phone, 我的 in the tab bar is where a logged-out resident finds the way back in.
  await page.getByTestId('tab-me').click();
  await expect(page.getByTestId('me-login')).toBeVisible();
  await page.goto(`/login?next=${encodeURIComponent(itemPath)}`);
  await hydrated(page);
  await page.getByLabel('手机号').fill(first);
  await page.getByLabel('密码').fill('wrong password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('手机号或密码不正确。');
  await page.getByLabel('密码').fill('lantern festival 1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(new RegExp(`${itemPath}$`));

  // Books the only place and sees the QR ticket.
  await hydrated(page);
  const row = page.getByTestId('session').first();
  await expect(row.getByTestId('places-left')).toHaveText('余 1 / 1 位');
  await page.getByTestId('book').click();
  await expect(page.getByTestId('booking-outcome')).toContainText('预约成功');
  // The row shows the place taken at once, as the server counted it, without a reload.
  await expect(row.getByTestId('places-left')).toHaveText('余 0 / 1 位');
  await expect(row.getByTestId('session-status')).toHaveText('已约满');
  // Seen again later, the card says the place is theirs and leads to the ticket, not to a
  // second booking.
  await page.reload();
  await hydrated(page);
  await expect(row.getByTestId('booking-mine')).toContainText(/已预约 · 票码：[0-9A-Z]{12}/);
  await expect(row.getByTestId('book')).toHaveCount(0);
  // Its link opens that very ticket.
  await row.getByTestId('booking-mine').getByRole('link').click();
  await expect(page).toHaveURL(/\/me\/bookings#session-\d+$/);
  await hydrated(page);
  const ticket = page.getByTestId('ticket').filter({ hasText: title });
  await expect(page.locator('.ticket:target')).toContainText(title);
  await expect(ticket).toHaveAttribute('data-status', 'confirmed');
  await expect(ticket.getByTestId('ticket-code')).toHaveText(/^[0-9A-Z]{12}$/);
  const qr = ticket.getByTestId('ticket-qr');
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth >= 280)).toBe(true);

  // A second resident, in another browser, finds it full and joins the waitlist.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await register(page2, second, 'lantern festival 2');
  await page2.goto(itemPath);
  await hydrated(page2);
  await page2.getByTestId('book').click();
  await expect(page2.getByTestId('booking-outcome')).toContainText('候补');
  await page2.reload();
  await expect(page2.getByTestId('booking-mine')).toContainText('已加入候补，当前排第 1 位');

  // The first resident cancels an hour before the start: the place is held for the second,
  // who must accept it in time (or it passes on, never counted as a no-show).
  await ticket.getByTestId('cancel').click();
  await ticket.getByTestId('keep-booking').click();
  await expect(ticket.getByTestId('cancel')).toBeVisible();
  await ticket.getByTestId('cancel').click();
  await ticket.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('ticket').filter({ hasText: title })).toHaveCount(0);
  await expect(page.getByTestId('past')).toContainText('已取消');
  await expect(page.getByTestId('no-upcoming')).toContainText('没有待参加的活动。');

  // … and is told: 我的 counts the message, the inbox says until when (and reads it as it
  // opens), and an SMS went out.
  await page2.goto('/me');
  await expect(page2.getByTestId('tab-me').getByTestId('unread-count')).toHaveText('1');
  await page2.goto('/me/messages');
  await hydrated(page2);
  const message = page2.getByTestId('message').first();
  await expect(message).toHaveClass(/unread/);
  await expect(message).toContainText('候补名额待确认');
  await expect(message).toContainText(`《${title}》`);
  await expect(message).toContainText('为您保留至');
  await expect(page2.getByTestId('tab-me').getByTestId('unread-count')).toHaveCount(0);
  await expect.poll(() => smsMessages(second).some((text) => text.includes('保留至')), { timeout: 15_000 }).toBe(true);
  await page2.goto('/me');
  await expect(page2.getByTestId('tab-me').getByTestId('unread-count')).toHaveCount(0);

  // The ticket waits for the answer: no QR code until the place is accepted.
  await page2.goto('/me/bookings');
  await hydrated(page2);
  const offered = page2.getByTestId('ticket').filter({ hasText: title });
  await expect(offered).toHaveAttribute('data-status', 'offered');
  await expect(offered.getByTestId('offer')).toContainText('为您保留至');
  await expect(offered.getByTestId('ticket-qr')).toHaveCount(0);
  await offered.getByTestId('accept-offer').click();
  await expect(page2).toHaveURL(/\/me\/bookings/);
  const accepted = page2.getByTestId('ticket').filter({ hasText: title });
  await expect(accepted).toHaveAttribute('data-status', 'confirmed');
  await expect(accepted.getByTestId('ticket-qr')).toBeVisible();
  await expect(accepted.getByTestId('offer')).toHaveCount(0);

  // Fewer text messages: the choice is kept.
  await page2.goto('/me/messages');
  await hydrated(page2);
  await page2.getByLabel('候补转为预约成功').uncheck();
  await page2.getByRole('button', { name: '保存' }).click();
  await expect(page2.getByLabel('候补转为预约成功')).not.toBeChecked();
  await page2.reload();
  await expect(page2.getByLabel('候补转为预约成功')).not.toBeChecked();
  await expect(page2.getByLabel('临近开始的候补名额（需限时确认）')).toBeChecked();
  await expect(page2.getByLabel('活动前一天提醒我')).toBeChecked();
  await other.close();
  expect(errors).toEqual([]);
});
