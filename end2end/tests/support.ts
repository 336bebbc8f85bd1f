import { expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// What the console's browser tests share: the repository, the staff password, logging in.
export const repo = path.resolve(__dirname, '../..');
export const serverLog = process.env.E2E_SERVER_LOG ?? '';
export const password = 'staff password 2026 石景山';
/** The server binary under test: scripts/test sets the release build it serves. */
export const bin = process.env.E2E_BIN ?? path.join(repo, 'target/release/culture-cloud');

/** Runs the server's command line against the test database, as an operator would; its output. */
export function cli(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(bin, args, { cwd: repo, env: { ...process.env, ...env } }).toString();
}

/** `seed rush`: a session open for booking now; its id. */
export function seedSession(capacity: number, title: string): number {
  const out = cli(['seed', 'rush', '--capacity', String(capacity), '--title', title]);
  return JSON.parse(out.trim().split('\n').pop()!).session_id;
}

/** Waits until the page's WASM has hydrated (the app marks the body). */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

/** Makes a staff account with the CLI, as an operator would. */
export function createStaff(username: string, role: string, extra: string[] = []) {
  cli(['admin', 'create', '--username', username, '--name', username, '--role', role, ...extra],
    { CC_ADMIN_PASSWORD: password });
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
