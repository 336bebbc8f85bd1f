import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, hydrated, serverLog, staffLogIn } from './support';

// Units (organisations): a resident registers the heritage unit they are the contact of (a
// mistyped credit code is caught and nothing typed is lost), district staff verify it, and
// the contact reads the outcome.

/** A unified social credit code with its check digit (GB 32100-2015), from 17 characters. */
function creditCode(body: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

test('a unit registers, is verified by district staff, and its contact is told', async ({ page, browser, context, baseURL }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString().slice(-8);
  const code = creditCode(`911101075${stamp}`);
  const name = `京西太平鼓传承工作室 ${stamp}`;

  // A resident logged in by the CLI (the browser tests' SMS codes are counted per address).
  const file = path.join(os.tmpdir(), `cc-units-${stamp}.txt`);
  cli(['seed', 'residents', '--count', '1', '--first-phone', `151${stamp}`, '--sessions-out', file]);
  const line = readFileSync(file, 'utf8').trim();
  const at = line.indexOf('=');
  await context.addCookies([{ name: line.slice(0, at), value: line.slice(at + 1), url: baseURL! }]);
  await page.goto('/me');
  await page.getByTestId('me-org').click();
  await expect(page).toHaveURL(/\/org$/);
  const form = page.getByTestId('unit-form');
  await form.getByLabel('单位名称').fill(name);
  // The last character mistyped: refused by its check digit, what was typed kept.
  const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
  await form.getByLabel('统一社会信用代码').fill(wrong);
  await form.getByLabel('单位类型').selectOption('studio');
  await form.getByLabel('联系人姓名').fill('李桂芳');
  await form.getByTestId('save-unit').click();
  await expect(page.getByTestId('unit-error')).toContainText('校验位');
  await expect(page.getByTestId('unit-form').getByLabel('单位名称')).toHaveValue(name);
  await page.getByTestId('unit-form').getByLabel('统一社会信用代码').fill(code.toLowerCase());
  await page.getByTestId('unit-form').getByTestId('save-unit').click();
  await expect(page.getByTestId('unit-saved')).toBeVisible();
  await expect(page.getByTestId('unit-status')).toHaveText('待审核');
  await expect(page.getByTestId('unit-phone')).toHaveText(`151****${stamp.slice(-4)}`);

  // A district admin verifies it.
  const console = await browser.newContext();
  const staff = await console.newPage();
  createStaff(`units-${stamp}`, 'district_admin');
  await staffLogIn(staff, `units-${stamp}`);
  await staff.goto('/staff/organisations');
  const unit = staff.getByTestId('staff-unit').filter({ hasText: name });
  await expect(unit).toHaveAttribute('data-status', 'pending');
  await expect(unit).toContainText(code);
  await unit.locator('select[name=status]').selectOption('verified');
  await unit.getByTestId('send-decision').click();
  await expect(staff.getByTestId('staff-unit').filter({ hasText: name })).toHaveAttribute('data-status', 'verified');
  await console.close();

  await page.goto('/org');
  await expect(page.getByTestId('unit-status')).toHaveText('已认证');
  await expect(page.getByTestId('unit-form')).toHaveCount(0);
  await page.goto('/me/messages');
  await hydrated(page);
  await expect(page.getByTestId('message').first()).toContainText('已通过认证');
  expect(errors).toEqual([]);
});
