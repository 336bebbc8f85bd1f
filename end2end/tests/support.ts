import { expect, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
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

/** A session's slot, as the console form takes it (district time, UTC+8), starting within the
 * hour so that its door is already open (check-in opens two hours before the start); never
 * across midnight, which one form row cannot express. */
export function soonSlot(): { date: string; start: string; end: string } {
  const district = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString();
  let start = Date.now() + 45 * 60_000;
  let end = start + 60 * 60_000;
  if (district(end).slice(0, 10) !== district(start).slice(0, 10)) {
    start = Date.parse(`${district(end).slice(0, 10)}T00:05:00+08:00`);
    end = start + 60 * 60_000;
  }
  return { date: district(start).slice(0, 10), start: district(start).slice(11, 16), end: district(end).slice(11, 16) };
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

/** The authenticator secrets of the staff these tests set up, and the last time step used. */
const secrets = new Map<string, string>();
const lastStep = new Map<string, number>();

/** RFC 6238: the 6-digit code of a base32 `secret` for a 30-second `step` (HMAC-SHA1). */
export function totp(secret: string, step: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

/** A code for `username` that the server has not seen yet (a code works once). */
async function freshCode(username: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 30_000);
    const step = Math.max(now, (lastStep.get(username) ?? 0) + 1);
    // The server takes the current step and its neighbours; later ones must wait their turn.
    if (step <= now + 1) {
      lastStep.set(username, step);
      return totp(secrets.get(username)!, step);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Logs a staff member in through the login page, setting up their authenticator (as a new
 * district admin or reviewer must) or entering its code when the account has one. */
export async function staffLogIn(page: Page, username: string) {
  await page.goto('/staff/login');
  await hydrated(page);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  const code = page.getByTestId('second-factor-code');
  await expect(page.getByTestId('staff-whoami').or(code)).toBeVisible();
  if (await code.isVisible()) {
    const secret = page.getByTestId('totp-secret');
    const enrolling = await secret.isVisible();
    if (enrolling) secrets.set(username, (await secret.textContent())!.replace(/\s/g, ''));
    await code.fill(await freshCode(username));
    await page.getByRole('button', { name: '验证并登录' }).click();
    if (enrolling) {
      await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
      await page.getByTestId('recovery-continue').click();
    }
  }
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByTestId('staff-whoami')).toContainText(username);
  await hydrated(page);
}

/** A session of `capacity` places with a waitlist, open for booking, made with the CLI; returns
 * its item page's path. */
export async function itemWithSession(page: Page, capacity: number, title: string): Promise<string> {
  expect(seedSession(capacity, title)).toBeGreaterThan(0);
  const found = await page.request.get(`/api/v1/items?q=${encodeURIComponent(title)}`);
  const items = (await found.json()).items.filter((i: { title: string }) => i.title === title);
  expect(items.length).toBe(1);
  return `/items/${items[0].id}`;
}

/** The last code the development SMS sender logged for this masked number. */
export function smsCode(phone: string): string {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const lines = readFileSync(serverLog, 'utf8').split('\n').filter((l) => l.includes(masked));
  const codes = lines.map((l) => /verification code (\d{6})/.exec(l)?.[1]).filter(Boolean);
  expect(codes.length, `a code for ${masked} in ${serverLog}`).toBeGreaterThan(0);
  return codes[codes.length - 1]!;
}

/** The text messages the development SMS sender logged for this number (masked in the log). */
export function smsMessages(phone: string): string[] {
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const lines = readFileSync(serverLog, 'utf8').split('\n').filter((l) => l.includes(masked));
  return lines.map((l) => /message: (.*?) \(development sender/.exec(l)?.[1]).filter((t): t is string => !!t);
}

/** Registers a resident through the form; lands on their (empty) bookings. */
export async function register(page: Page, phone: string, password: string) {
  await page.goto('/register');
  await hydrated(page);
  await page.getByLabel('手机号').fill(phone);
  await page.getByTestId('send-code').click();
  await expect(page.getByText('验证码已发送')).toBeVisible();
  await page.getByLabel('短信验证码').fill(smsCode(phone));
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '注册并登录' }).click();
  await expect(page).toHaveURL(/\/me\/bookings$/);
  await expect(page.getByText('还没有预约')).toBeVisible();
}

