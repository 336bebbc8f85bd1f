import { expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// What the console's browser tests share: the repository, the staff password, logging in.
export const repo = path.resolve(__dirname, '../..');
export const serverLog = process.env.E2E_SERVER_LOG ?? '';
export const password = 'staff password 2026 石景山';

/** Waits until the page's WASM has hydrated (the app marks the body). */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

/** Makes a staff account with the CLI, as an operator would. */
export function createStaff(username: string, role: string, extra: string[] = []) {
  execFileSync(path.join(repo, 'target/debug/culture-cloud'),
    ['admin', 'create', '--username', username, '--name', username, '--role', role, ...extra],
    { cwd: repo, env: { ...process.env, CC_ADMIN_PASSWORD: password } });
}

/** Logs a staff member in through the login page. */
export async function staffLogIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await hydrated(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByTestId('staff-whoami')).toContainText(username);
  await hydrated(page);
}
