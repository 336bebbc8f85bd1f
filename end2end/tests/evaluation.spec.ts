import { expect, test } from '@playwright/test';
import { createStaff, staffLogIn } from './support';

// The leading group reads last quarter's evaluation report, with a chart per indicator, and
// prints it: the print layout drops the navigation, keeps every block whole on A4 pages, and
// Chromium saves it as a PDF.
test('the evaluation report renders for a quarter and prints without cutting a block', async ({ page }) => {
  const stamp = Date.now().toString().slice(-6);
  createStaff(`report-${stamp}`, 'district_admin');
  await staffLogIn(page, `report-${stamp}`);
  await page.getByTestId('evaluation-link').click();
  await expect(page.getByTestId('evaluation-table')).toBeVisible();
  // Choose last quarter and the district on the form, as people do.
  const choice = page.getByTestId('evaluation-choice');
  const periods = await choice.locator('select[name=period] option').allTextContents();
  await choice.locator('select[name=period]').selectOption(periods[1]);
  await choice.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${periods[1]}`));
  await expect(page.getByTestId('report-place')).toContainText(periods[1]);
  await expect(page.getByTestId('evaluation-line')).toHaveCount(9);
  await expect(page.getByTestId('evaluation-trend')).toHaveCount(9);
  await expect(page.getByText('期末快照，不再变化')).toBeVisible();
  const xlsx = await page.request.get((await page.getByTestId('evaluation-xlsx').getAttribute('href'))!);
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByTestId('evaluation-choice')).toBeHidden();
  // A4 is 297 mm; less the page's margins (15 mm each) that leaves 267 mm, about 1009 CSS px.
  // A block may only be kept whole if it is shorter than that, and print asks it to be.
  const blocks = await page.locator('[data-keep]').evaluateAll((nodes) =>
    nodes.map((n) => ({ height: n.getBoundingClientRect().height, avoid: getComputedStyle(n).breakInside })));
  expect(blocks.length).toBeGreaterThanOrEqual(10);
  for (const block of blocks) {
    expect(block.avoid).toBe('avoid');
    expect(block.height).toBeLessThan(1009);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(4);
});
