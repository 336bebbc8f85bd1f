import { test, expect } from '@playwright/test';
import { createStaff, hydrated, register, serverLog, staffLogIn } from './support';

// 点单: a resident says what they want, a neighbour adds their vote, staff answer it with the
// service that delivers it, and the resident who asked is told.

test('a resident raises a demand, another votes, staff answer it delivered, and the first is told', async ({ page, browser }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const stamp = Date.now().toString().slice(-8);
  const note = `周末想学书法 ${stamp}`;

  await register(page, `133${stamp}`, 'lantern demand 1');
  await page.goto('/demands');
  await hydrated(page);
  await page.getByTestId('raise-open').click();
  const form = page.getByTestId('raise-demand');
  await form.locator('select[name=community_id]').selectOption({ index: 1 });
  await form.locator('select[name=category]').selectOption('heritage');
  await form.getByLabel('想要的活动（一两句话，不超过200字）').fill(note);
  await form.getByTestId('raise').click();
  await expect(page.getByTestId('demand-notice')).toHaveText('点单已提交，您的附议已计入。');
  const mine = page.getByTestId('demand').filter({ hasText: note }).first();
  await expect(mine.getByTestId('demand-votes')).toHaveText('1');
  await expect(mine.getByTestId('vote')).toHaveCount(0);

  // A neighbour adds their vote.
  const other = await browser.newContext();
  const neighbour = await other.newPage();
  await register(neighbour, `134${stamp}`, 'lantern demand 2');
  await neighbour.goto('/demands?sort=recent');
  await hydrated(neighbour);
  await neighbour.getByTestId('demand-list').getByTestId('demand').filter({ hasText: note }).getByTestId('vote').click();
  await expect(neighbour.getByTestId('demand-notice')).toHaveText('已附议。');
  await expect(neighbour.getByTestId('demand').filter({ hasText: note }).first().getByTestId('demand-votes')).toHaveText('2');
  await other.close();

  // A district admin answers: delivered, by a service in the catalogue.
  const console = await browser.newContext();
  const staff = await console.newPage();
  createStaff(`demands-${stamp}`, 'district_admin');
  await staffLogIn(staff, `demands-${stamp}`);
  const item = (await (await staff.request.get('/api/v1/items?per_page=1')).json()).items[0].id;
  await staff.goto('/staff/demands');
  await hydrated(staff);
  const card = staff.getByTestId('staff-demand').filter({ hasText: note });
  await card.locator('select[name=status]').selectOption('delivered');
  await card.getByLabel('答复内容（暂不采纳时必填）').fill('每周六上午开课');
  await card.getByLabel('配送服务的编号（已配送时必填）').fill(String(item));
  await card.getByTestId('send-answer').click();
  await expect(staff.getByTestId('staff-demand').filter({ hasText: note })).toHaveAttribute('data-status', 'delivered');
  await console.close();

  // The resident who asked is told, and the demand leads to the service.
  await page.goto('/me/messages');
  await hydrated(page);
  const message = page.getByTestId('message').first();
  await expect(message).toContainText('点单有答复');
  await expect(message).toContainText(note);
  await expect(message).toContainText('已安排服务');
  await page.goto('/demands?status=delivered');
  const delivered = page.getByTestId('demand').filter({ hasText: note }).first();
  await expect(delivered).toContainText('每周六上午开课');
  await expect(delivered.getByRole('link', { name: '去预约' })).toHaveAttribute('href', `/items/${item}`);
  expect(errors).toEqual([]);
});
