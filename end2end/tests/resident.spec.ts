import { test, expect, Page } from '@playwright/test';

/** Waits until the WASM bundle has hydrated the server-rendered page. */
async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

test('a resident finds heritage, filters by street, reads English and turns on elder mode', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  // Home → search 非遗
  await page.goto('/');
  await hydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公共文化云');
  await page.getByRole('searchbox').fill('非遗');
  await page.getByRole('button', { name: '搜索' }).click();
  // Exactly the search, nothing stray (the router's <Form> once added `&=`).
  await expect(page).toHaveURL(/\/catalog\?q=%E9%9D%9E%E9%81%97$/);
  await hydrated(page);
  const firstResult = page.locator('[data-testid="results"] .item-card-title a').first();
  await expect(firstResult).toContainText('非遗');

  // A second search from the catalogue's own box, submitted with Enter: the results are
  // swapped in without a full page load, and back brings the first ones again.
  await page.evaluate(() => { (window as any).__sameDocument = true; });
  await page.getByRole('searchbox').fill('京剧');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/catalog\?q=%E4%BA%AC%E5%89%A7$/);
  await expect(page.getByRole('searchbox')).toHaveValue('京剧');
  await page.goBack();
  await expect(page).toHaveURL(/\/catalog\?q=%E9%9D%9E%E9%81%97$/);
  await expect(page.getByRole('searchbox')).toHaveValue('非遗');
  await expect(firstResult).toContainText('非遗');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  // Open an item, then come back
  const title = (await firstResult.textContent())!;
  await firstResult.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByTestId('sessions')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator('[data-testid="results"] .item-card').first()).toBeVisible();

  // Filter by street: the list changes without a full page load
  await page.goto('/catalog');
  await hydrated(page);
  await page.evaluate(() => { (window as any).__sameDocument = true; });
  const before = await page.getByTestId('results-count').textContent();
  // On a phone the filters wait behind 筛选, so the results come first; the sheet stays open
  // while the results change under it, and says how many filters are set.
  await expect(page.getByLabel('街道')).toBeHidden();
  await page.getByTestId('filter-toggle').click();
  await page.getByLabel('街道').selectOption('bajiao');
  await expect(page.getByTestId('filter-toggle')).toHaveText('筛选（1）');
  await expect(page.getByLabel('街道')).toBeVisible();
  await expect(page).toHaveURL(/street=bajiao/);
  await expect(page.getByTestId('results-count')).not.toHaveText(before!);
  const places = await page.locator('.item-card-where').allTextContents();
  expect(places.length).toBeGreaterThan(0);
  for (const place of places) expect(place.startsWith('八角街道')).toBe(true);
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  // Back button restores the unfiltered list
  await page.goBack();
  await expect(page.getByTestId('results-count')).toHaveText(before!);
  await page.goForward();
  await expect(page).toHaveURL(/street=bajiao/);

  // Switch to English
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public cultural service catalogue');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Street')).toHaveValue('bajiao');

  // Elder mode on: larger type, remembered across a reload
  const normalSize = await page.locator('.item-card-title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await page.getByTestId('elder-toggle').click();
  await expect(page.getByTestId('elder-toggle')).toHaveAttribute('aria-pressed', 'true');
  const elderSize = await page.locator('.item-card-title').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(elderSize).toBeGreaterThan(normalSize * 1.2);
  const lineHeight = await page.locator('.app').evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) / parseFloat(getComputedStyle(e).fontSize));
  expect(lineHeight).toBeGreaterThanOrEqual(1.3);
  await page.reload();
  await expect(page.locator('html.elder')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Public cultural service catalogue');

  expect(errors, errors.join('\n')).toEqual([]);
});

test('an unknown item shows a localized 404', async ({ page }) => {
  const response = await page.goto('/items/987654321');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
});
