import { test, expect } from '@playwright/test';
import { createStaff, hydrated, password, serverLog, staffLogIn, totp } from './support';

// The staff second factor as people meet it: a new district admin must set up an
// authenticator (QR code or typed secret), keeps ten recovery codes, and from then on logs in
// with a code; a recovery code works once; a provider may set one up from the security page.

test('RFC 6238 test vector: the helper computes the codes authenticator apps show', () => {
  // The RFC's SHA-1 secret "12345678901234567890" at T = 59 s is 94287082; six digits: 287082.
  expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1)).toBe('287082');
});

test('a district admin sets up a second factor, then logs in with a code or a recovery code once', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const username = `totp-${Date.now().toString().slice(-8)}`;
  createStaff(username, 'district_admin');
  await page.goto('/staff/login');
  await hydrated(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // The set-up step: a QR code the browser draws (CSP allows the data URI) and the secret.
  const qr = page.getByTestId('totp-qr');
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByTestId('second-factor-code').fill('000000');
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('form-error')).toContainText('动态验证码不正确');
  const step = Math.floor(Date.now() / 30_000);
  await page.getByTestId('second-factor-code').fill(totp(secret, step));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  const codes = await page.getByTestId('recovery-codes').locator('li').allTextContents();
  await page.getByTestId('recovery-continue').click();
  await expect(page.getByTestId('staff-whoami')).toContainText(username);
  // Setting it up and logging in are in the audit log, as the account's own actions.
  await page.goto(`/staff/audit?username=${username}`);
  await expect(page.getByTestId('audit-log')).toContainText('set_up_second_factor');
  await expect(page.getByTestId('audit-log')).toContainText('log_in');

  // Next time: the code step, answered with a recovery code; the same one is refused later.
  for (const expected of ['in', 'refused']) {
    await page.context().clearCookies();
    await page.goto('/staff/login');
    await hydrated(page);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('totp-qr')).toHaveCount(0);
    await page.getByTestId('second-factor-code').fill(codes[0].toUpperCase());
    await page.getByRole('button', { name: '验证并登录' }).click();
    if (expected === 'in') {
      await expect(page.getByTestId('staff-whoami')).toContainText(username);
    } else {
      await expect(page.getByTestId('form-error')).toContainText('动态验证码不正确');
    }
  }
});

test('a provider is not made to, but can set up a second factor from the security page', async ({ page }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const username = `provider-${Date.now().toString().slice(-8)}`;
  createStaff(username, 'provider');
  await staffLogIn(page, username);
  await page.goto('/staff/security');
  await hydrated(page);
  await expect(page.getByTestId('second-factor-status')).toContainText('尚未设置');
  await page.getByTestId('begin-second-factor').click();
  const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await page.getByTestId('second-factor-code').fill(totp(secret, Math.floor(Date.now() / 30_000)));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  await page.goto('/staff/security');
  await hydrated(page);
  await expect(page.getByTestId('second-factor-status')).toContainText('已启用');
});
