import { test, expect } from '@playwright/test';
import { cli, hydrated, smsCode } from './support';

// A resident who forgot the password: from the login page, a code by SMS and a new password;
// the browser that still held a login with the old password is logged out.
test('a forgotten password is reset with an SMS code and every other login ends', async ({ page, browser }) => {
  const phone = '13700000042';
  cli(['seed', 'residents', '--count', '1', '--first-phone', phone, '--password', 'the old password 1']);

  // Another device, logged in with the old password.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/login');
  await hydrated(other);
  await other.getByLabel('手机号').fill(phone);
  await other.getByLabel('密码').fill('the old password 1');
  await other.getByRole('button', { name: '登录' }).click();
  await expect(other).toHaveURL(/\/me\/bookings$/);

  await page.goto('/login');
  await hydrated(page);
  await page.getByTestId('forgot-password').click();
  await expect(page).toHaveURL(/\/reset\?next=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('重设密码');
  await hydrated(page);
  await page.getByLabel('手机号').fill(phone);
  await page.getByTestId('send-code').click();
  await expect(page.getByText('验证码已发送')).toBeVisible();
  await page.getByLabel('短信验证码').fill('000000' === smsCode(phone) ? '111111' : '000000');
  await page.getByLabel('密码').fill('a new password 2');
  await page.getByRole('button', { name: '设置新密码并登录' }).click();
  await expect(page.getByTestId('form-error')).toContainText('验证码不正确');
  await page.getByLabel('短信验证码').fill(smsCode(phone));
  await page.getByRole('button', { name: '设置新密码并登录' }).click();
  await expect(page).toHaveURL(/\/me\/bookings$/);
  await expect(page.getByText('还没有预约')).toBeVisible();

  // The other device's login has ended.
  await other.reload();
  await expect(other.getByText('请先登录')).toBeVisible();
  await other.context().close();
});
