import { expect, test } from '@playwright/test';
import { createStaff, hydrated, staffLogIn } from './support';

// The work plan as its people use it: the leading group names a street admin as a task's owner,
// the owner adds evidence (a link and a photo) and marks a milestone done on the console, and
// anyone follows the task's progress on /plan, where a resident's comment goes to the lead unit.
test('an owner adds evidence and marks a milestone done; /plan shows the progress', async ({ page, browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const [lead, owner] = [`lead-${stamp}`, `owner-${stamp}`];
  createStaff(lead, 'district_admin');
  createStaff(owner, 'street_admin', ['--street', 'bajiao']);
  const taskName = '建设数字化公共文化设施设备';

  // The leading group names the owner.
  const office = await browser.newContext();
  const leader = await office.newPage();
  await staffLogIn(leader, lead);
  await leader.getByTestId('plan-link').click();
  await expect(leader).toHaveURL(/\/staff\/plan$/);
  await expect(leader.getByTestId('staff-plan-task')).toHaveCount(18);
  await expect(leader.getByTestId('plan-flagged')).toBeVisible();
  const task = leader.getByTestId('staff-plan-task').filter({ hasText: taskName });
  await task.getByText('任务信息（领导小组）').click();
  await task.getByLabel(`${owner}（${owner}）`).check();
  await task.getByTestId('plan-task-form').getByRole('button', { name: '保存' }).click();
  await expect(leader.getByTestId('staff-plan-task').filter({ hasText: taskName })).toContainText(owner);
  await office.close();

  // The owner keeps only that task: evidence, then a milestone done.
  const desk = await browser.newContext();
  const staff = await desk.newPage();
  await staffLogIn(staff, owner);
  await staff.goto('/staff/plan');
  const mine = staff.getByTestId('staff-plan-task');
  await expect(mine).toHaveCount(1);
  const before = Number((await mine.getByTestId('task-progress').textContent())!.replace('%', ''));
  await mine.getByText('添加佐证材料').click();
  const evidence = mine.getByTestId('plan-evidence-form');
  await evidence.getByLabel('标题').fill(`合作框架协议 ${stamp}`);
  await evidence.getByLabel('链接（http:// 或 https://）').fill('https://example.org/agreement');
  await evidence.getByLabel('公开').check();
  await evidence.getByRole('button', { name: '添加' }).click();
  await expect(staff.getByTestId('staff-evidence')).toContainText(`合作框架协议 ${stamp}`);
  await staff.getByTestId('staff-plan-task').getByText('添加佐证材料').click();
  const upload = staff.getByTestId('plan-file-form');
  await upload.getByLabel('标题').fill(`设备进社区照片 ${stamp}`);
  // A 1×1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await upload.getByLabel('文件（PDF、JPEG、PNG 或 DOCX，10MB以内）').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await upload.getByLabel('公开').check();
  await upload.getByRole('button', { name: '上传' }).click();
  await expect(staff.getByTestId('staff-evidence')).toContainText(`设备进社区照片 ${stamp}`);
  await staff.getByTestId('staff-milestone').getByRole('button', { name: '标记完成' }).first().click();
  await expect(staff.getByTestId('staff-plan-task')).toContainText('已保存');
  const after = Number((await staff.getByTestId('task-progress').textContent())!.replace('%', ''));
  expect(after).toBeGreaterThan(before);
  await desk.close();

  // Anyone follows it on /plan; a resident's comment is sent to the lead unit.
  await page.goto('/plan');
  const shown = page.getByTestId('plan-task').filter({ hasText: taskName });
  await expect(shown.getByTestId('task-progress')).toHaveText(`${after}%`);
  await expect(shown).toContainText(`合作框架协议 ${stamp}`);
  await expect(shown.getByRole('link', { name: '下载' })).toHaveCount(1);
  await expect(page.getByTestId('plan-task').filter({ hasText: '推进公共文化服务社会化运营' }).getByTestId('task-status')).toHaveText('已逾期');
  await hydrated(page);
});
