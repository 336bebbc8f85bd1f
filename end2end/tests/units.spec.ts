import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, createStaff, hydrated, serverLog, staffLogIn } from './support';

// Units (organisations): a resident registers the heritage unit they are the contact of (a
// mistyped credit code is caught and nothing typed is lost), district staff verify it, and
// the contact reads the outcome; the unit then applies to the heritage fund, staff return the
// application for completion, and once sent again three experts score it, the committee
// proposes an amount and publishes it, and the public list shows the award in notice.

/** A unified social credit code with its check digit (GB 32100-2015), from 17 characters. */
function creditCode(body: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

test('a unit registers, is verified, applies, and three experts\' scores lead to an award in public notice', async ({ page, browser, context, baseURL }) => {
  test.skip(!serverLog, 'E2E_SERVER_LOG is set by scripts/test');
  test.setTimeout(180_000);
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

  // The verified unit applies to the fund: a draft keeps what was typed, the rules' words say
  // what is missing, the files go up through the page's own form, and it is submitted.
  await page.goto('/org');
  const start = page.getByTestId('start-application');
  await start.getByLabel('支持类别').selectOption({ label: '非遗理论研究 (≤ ¥50,000.00)' });
  await start.getByTestId('start-application-button').click();
  await expect(page).toHaveURL(/\/org\/applications\/\d+$/);
  const application = page.getByTestId('application-form');
  const project = `京西太平鼓研究 ${stamp}`;
  await application.getByLabel('项目名称').fill(project);
  await application.getByLabel('项目目标').fill('教鼓');
  await application.getByLabel('实施计划').fill('三月备课，四至六月授课，七月展演。');
  await application.getByLabel('用途 1').fill('访谈与资料费');
  await application.getByLabel('金额（元） 1').fill('12,000');
  await application.getByLabel('用途 2').fill('报告印制');
  await application.getByLabel('金额（元） 2').fill('8000');
  await application.getByLabel('申请金额（元）').fill('20,000');
  await application.getByTestId('submit-application').click();
  await expect(page.getByTestId('application-error')).toContainText('至少20个字');
  await expect(page.getByTestId('application-form').getByLabel('金额（元） 2')).toHaveValue('8000');
  await page.getByTestId('application-form').getByLabel('项目目标').fill('梳理京西太平鼓的历史沿革、鼓点与舞步，形成研究报告一份，为传承教学提供依据。');
  await page.getByTestId('application-form').getByTestId('submit-application').click();
  await expect(page.getByTestId('application-error')).toContainText('研究方案');
  const pdf = { mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n') };
  for (const label of ['研究方案', '单位资质证明']) {
    const upload = page.getByTestId('upload-form');
    await upload.getByLabel('材料').selectOption(label);
    await upload.getByLabel('文件').setInputFiles({ name: `${label}.pdf`, ...pdf });
    await upload.getByTestId('upload-file').click();
    await expect(page.getByTestId('file-attached')).toBeVisible();
  }
  await expect(page.getByTestId('file')).toHaveCount(2);
  await page.getByTestId('application-form').getByTestId('submit-application').click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'submitted');

  // Staff find it incomplete and return it; the unit reads why and may change it again.
  const office = await browser.newContext();
  const fund = await office.newPage();
  await staffLogIn(fund, `units-${stamp}`);
  await fund.goto('/staff/fund');
  const sent = fund.getByTestId('staff-application').filter({ hasText: project });
  await expect(sent).toContainText('¥20,000.00');
  await sent.getByLabel('需要补正的内容').fill('请补充传承人访谈名单');
  await sent.getByTestId('send-back').click();
  await expect(fund.getByTestId('staff-application').filter({ hasText: project })).toHaveAttribute('data-status', 'returned');
  await page.goto(page.url().split('?')[0]);
  await expect(page.getByTestId('application-returned')).toContainText('请补充传承人访谈名单');
  await expect(page.getByTestId('application-form')).toBeVisible();

  // The unit sends it again; staff hand it to three experts, who declare no conflict and score
  // it on their own page, blind to each other until all are in.
  await page.getByTestId('application-form').getByTestId('submit-application').click();
  await expect(page.getByTestId('application-status')).toHaveAttribute('data-status', 'submitted');
  const experts = [1, 2, 3].map((n) => `expert${n}-${stamp}`);
  for (const expert of experts) createStaff(expert, 'expert');
  await fund.goto('/staff/fund');
  const desk = () => fund.getByTestId('staff-application').filter({ hasText: project });
  for (const expert of experts) await desk().getByTestId('hand-to-experts').getByLabel(expert).check();
  await desk().getByTestId('hand-to-experts').getByRole('button').click();
  await expect(desk()).toHaveAttribute('data-status', 'in_review');
  for (const [n, expert] of experts.entries()) {
    const room = await browser.newContext();
    const own = await room.newPage();
    await staffLogIn(own, expert);
    await own.getByTestId('my-assignments').click();
    const mine = own.getByTestId('assignment').filter({ hasText: project });
    await mine.getByLabel('无利益冲突').check();
    await mine.getByRole('button', { name: '提交声明' }).click();
    const reading = own.getByTestId('assignment').filter({ hasText: project });
    await expect(reading).toHaveAttribute('data-state', 'reading');
    await expect(reading.getByTestId('application-sent')).toContainText('京西太平鼓的历史沿革');
    for (const field of await reading.locator('input[type=number]').all()) await field.fill(String(80 + n * 5));
    await reading.getByRole('button', { name: '提交评分' }).click();
    const scored = own.getByTestId('assignment').filter({ hasText: project });
    await expect(scored.getByTestId('my-total')).toHaveText(`${80 + n * 5}.00`);
    if (n < 2) await expect(scored).toContainText('其他专家的分数在全部评分后显示');
    await room.close();
  }

  // The committee proposes an amount and publishes it; anyone sees the award during its notice.
  await fund.goto('/staff/fund');
  await expect(desk().getByTestId('mean-score')).toHaveText('85.00');
  await desk().getByTestId('propose-award').getByLabel('资助金额（元）').fill('15,000');
  await desk().getByTestId('propose-award').getByRole('button').click();
  await expect(desk()).toHaveAttribute('data-status', 'proposed');
  await desk().getByTestId('publish-awards').getByRole('button').click();
  await expect(desk()).toHaveAttribute('data-status', 'in_notice');
  await office.close();
  const anyone = await (await browser.newContext()).newPage();
  await anyone.goto('/fund');
  const award = anyone.getByTestId('fund-award').filter({ hasText: project });
  await expect(award).toHaveAttribute('data-status', 'in_notice');
  await expect(award).toContainText('¥15,000.00');
  await expect(award).toContainText('公示截至');
  expect(errors).toEqual([]);
});
