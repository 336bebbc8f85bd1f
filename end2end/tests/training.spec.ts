import { expect, test } from '@playwright/test';
import { createStaff, staffLogIn } from './support';

/** `minutes` from now as a `datetime-local` value in the district's time (+08:00). */
function districtTime(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

// Training as its people use it: an organiser creates a course and a session, a staff member
// enrols on the console and gets a ticket, the organiser lets them in at the door by the code,
// and the staff member's certificate shows the course and its hours.
test('a staff member enrols in a course and is checked in', async ({ browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const [organiser, learner] = [`trainer-${stamp}`, `learner-${stamp}`];
  createStaff(organiser, 'district_admin');
  createStaff(learner, 'reviewer');
  const topic = `文化志愿服务实务 ${stamp}`;

  const office = await browser.newContext();
  const lead = await office.newPage();
  await staffLogIn(lead, organiser);
  await lead.getByTestId('training-link').click();
  await expect(lead).toHaveURL(/\/staff\/training$/);
  await expect(lead.getByTestId('training-course')).not.toHaveCount(0);
  const course = lead.getByTestId('new-course-form');
  await course.getByLabel('培训主题').fill(topic);
  await course.getByLabel('授课人').fill('李静');
  await course.getByLabel('学时').fill('2.5');
  await course.getByRole('button', { name: '创建课程' }).click();
  await expect(lead.getByTestId('course-topic')).toHaveText(topic);
  const coursePage = lead.url();
  const session = lead.getByTestId('new-session-form');
  await session.getByLabel('开始时间').fill(districtTime(60));
  await session.getByLabel('结束时间').fill(districtTime(210));
  await session.getByLabel('地点').fill('区文化馆三楼');
  await session.getByLabel('名额').fill('20');
  await session.getByRole('button', { name: '增加场次' }).click();
  await expect(lead.getByTestId('course-session')).toHaveCount(1);
  await expect(lead.getByTestId('places-left')).toHaveText('20');

  // The learner enrols and gets a ticket: a QR code and a code.
  const desk = await browser.newContext();
  const staff = await desk.newPage();
  await staffLogIn(staff, learner);
  await staff.goto(coursePage);
  await staff.getByTestId('enrol').click();
  await expect(staff.getByTestId('my-enrolment')).toContainText('已报名');
  await expect(staff.getByTestId('training-qr')).toBeVisible();
  expect(await staff.getByTestId('training-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const code = (await staff.getByTestId('training-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{12}$/);

  // The organiser lets them in at the door by the code read out.
  await lead.goto(coursePage);
  await expect(lead.getByTestId('places-left')).toHaveText('19');
  await expect(lead.getByTestId('enrolment-list')).toContainText(learner);
  await lead.getByTestId('door-link').click();
  await lead.getByTestId('training-ticket').fill(code.toLowerCase());
  await lead.getByTestId('training-let-in-button').click();
  await expect(lead.getByTestId('training-let-in')).toContainText(learner);
  await expect(lead.getByTestId('training-door-list')).toContainText('已签到');
  await office.close();

  // The learner's training shows the course done, with its certificate.
  await staff.goto('/staff/training');
  const mine = staff.getByTestId('my-enrolment').filter({ hasText: topic });
  await expect(mine).toContainText('已签到');
  await mine.getByTestId('certificate-link').click();
  await expect(staff.getByTestId('certificate-topic')).toHaveText(topic);
  await expect(staff.getByTestId('certificate-hours')).toHaveText('2.5');
  await expect(staff.getByTestId('certificate-name')).toHaveText(learner);
  await desk.close();
});
