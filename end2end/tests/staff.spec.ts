import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, createStaff, hydrated, seedSession, serverLog, soonSlot, staffLogIn } from './support';

// A street admin creates a service with a session, a district reviewer publishes it, a resident
// books it, and staff check the resident in by typing the code: the door list shows it.
function smsCode(phone: string): string {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const lines = readFileSync(serverLog, 'utf8').split('\n').filter((l) => l.includes(masked));
  const codes = lines.map((l) => /verification code (\d{6})/.exec(l)?.[1]).filter(Boolean);
  return codes[codes.length - 1]!;
}

test('a street admin publishes through review, a resident books, the door checks them in', async ({ page, browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const title = `社区合唱公开课 ${stamp}`;
  createStaff(`bajiao-${stamp}`, 'street_admin', ['--street', 'bajiao']);
  createStaff(`review-${stamp}`, 'reviewer');

  // The street admin writes the service and its session, then submits it.
  await staffLogIn(page, `bajiao-${stamp}`);
  await page.getByText('新建服务').click();
  const form = page.getByTestId('new-service');
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('主办方').fill('八角街道文化中心');
  // Within the hour, so the door is open when the resident arrives.
  const slot = soonSlot();
  await form.getByLabel('日期').fill(slot.date);
  await form.getByLabel('开始').fill(slot.start);
  await form.getByLabel('结束').fill(slot.end);
  await form.getByLabel('名额').fill('5');
  await form.getByRole('button', { name: '保存为草稿' }).click();
  const row = page.getByTestId('staff-item').filter({ hasText: title });
  await expect(row).toHaveAttribute('data-status', 'draft');
  await row.getByRole('button', { name: '提交审核' }).click();
  await expect(row).toHaveAttribute('data-status', 'submitted');
  await expect(row.getByRole('button', { name: '发布' })).toHaveCount(0);

  // The reviewer publishes it.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await staffLogIn(reviewer, `review-${stamp}`);
  const toReview = reviewer.getByTestId('staff-item').filter({ hasText: title });
  await toReview.getByRole('button', { name: '发布' }).click();
  await expect(toReview).toHaveAttribute('data-status', 'published');
  await reviewerContext.close();

  // A resident finds it in the catalogue and books it.
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  const phone = `136${stamp}`;
  await resident.goto('/register');
  await hydrated(resident);
  await resident.getByLabel('手机号').fill(phone);
  await resident.getByTestId('send-code').click();
  await expect(resident.getByText('验证码已发送')).toBeVisible();
  await resident.getByLabel('短信验证码').fill(smsCode(phone));
  await resident.getByLabel('密码').fill('lantern festival 3');
  await resident.getByRole('button', { name: '注册并登录' }).click();
  await expect(resident).toHaveURL(/\/me\/bookings$/);
  await resident.goto(`/catalog?q=${encodeURIComponent(title)}`);
  await resident.getByRole('link', { name: title }).click();
  await hydrated(resident);
  await resident.getByTestId('book').click();
  await expect(resident.getByTestId('booking-outcome')).toContainText('预约成功');
  const code = (await resident.getByTestId('booking-outcome').locator('strong').textContent())!.trim();
  await residentContext.close();

  // At the door, the street admin types the code: checked in, once.
  await page.goto('/staff');
  await hydrated(page);
  await page.getByTestId('staff-sessions').locator('tr', { hasText: title }).getByRole('link', { name: '签到' }).click();
  await hydrated(page);
  await expect(page.getByTestId('attended-count')).toHaveText('0');
  await page.getByTestId('ticket-input').fill(code.toLowerCase());
  await page.getByTestId('check-in').click();
  // It says who was let in (masked), and empties the field for the next person.
  await expect(page.getByTestId('checkin-outcome')).toHaveText(/^签到成功。 1\d{2}\*{4}\d{4}$/);
  await expect(page.getByTestId('ticket-input')).toHaveValue('');
  await expect(page.getByTestId('attended-count')).toHaveText('1');
  await expect(page.getByTestId('door-list').locator('tr[data-status="attended"]')).toHaveCount(1);
  await page.getByTestId('ticket-input').fill(code);
  await page.getByTestId('check-in').click();
  await expect(page.getByTestId('checkin-outcome')).toContainText('不能重复使用');
});

test('scans made offline wait in a queue, are sent when the connection returns, and count once', async ({ page, context }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const stamp = Date.now().toString().slice(-8);
  const session = seedSession(3, `门口离线 ${stamp}`);
  const cookies = path.join(require('node:os').tmpdir(), `cc-e2e-${stamp}.txt`);
  cli(['seed', 'residents', '--count', '1', '--first-phone', `135${stamp}`, '--sessions-out', cookies]);
  const cookie = readFileSync(cookies, 'utf8').trim();
  const booked = await page.request.post(`/api/v1/sessions/${session}/bookings`, { headers: { cookie } });
  expect(booked.status()).toBe(201);
  const code = (await booked.json()).code as string;

  createStaff(`door-${stamp}`, 'district_admin');
  await staffLogIn(page, `door-${stamp}`);
  await page.goto(`/staff/checkin/${session}`);
  await hydrated(page);
  await expect(page.getByTestId('attended-count')).toHaveText('0');

  await context.setOffline(true);
  await page.evaluate((c) => (window as any).ccCheckin.submit(c), code);
  await expect(page.getByTestId('scan-queue')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('scan-status')).toContainText('网络不通');

  await context.setOffline(false);
  await page.evaluate(() => (window as any).ccCheckin.flush());
  await expect(page.getByTestId('scan-status')).toHaveText(`签到成功。 135****${stamp.slice(-4)}`);
  await expect(page.getByTestId('scan-queue')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('attended-count')).toHaveText('1');

  // The same ticket again (a second scan, or a retry whose answer was lost): counted once.
  await page.evaluate((c) => (window as any).ccCheckin.submit(c), code);
  await expect(page.getByTestId('scan-status')).toContainText('不能重复使用');
  await expect(page.getByTestId('attended-count')).toHaveText('1');
});
