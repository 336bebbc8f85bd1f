import { test, expect } from '@playwright/test';

// 非遗: a resident finds a heritage project by its pinyin, reads who passes it on and where,
// goes to a class that teaches it and back, and finds its place on the map.

test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});

test('a resident searches the registry in pinyin, opens a project, its class, and its place on the map', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/heritage');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('非遗名录');
  const all = await page.getByTestId('heritage-project').count();
  expect(all).toBeGreaterThanOrEqual(8);
  await expect(page.getByTestId('heritage-project').first()).toHaveAttribute('data-level', 'national');

  await page.getByLabel('搜索').fill('jianzhi');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/q=jianzhi/);
  await expect(page.getByTestId('heritage-project')).toHaveCount(1);
  await page.getByRole('link', { name: '北京剪纸' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('北京剪纸');
  await expect(page.getByTestId('heritage-level')).toHaveText('市级');
  await expect(page.getByTestId('inheritors')).toContainText('王秀兰');
  await expect(page.getByTestId('heritage-places')).toContainText('八角街道文化活动中心');

  const service = page.getByTestId('heritage-services').getByRole('link', { name: /^非遗剪纸体验课/ }).first();
  await service.click();
  await expect(page).toHaveURL(/\/items\/\d+$/);
  await expect(page.getByTestId('item-heritage')).toHaveText('北京剪纸');
  await page.getByTestId('item-heritage').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('北京剪纸');

  // The map draws every place of the registry, each leading to its project.
  const places = await (await page.request.get('/api/v1/heritage/places')).json();
  await page.goto('/map');
  await expect(page.locator(`#map[data-heritage="${places.length}"]`)).toHaveCount(1);
  await expect(page.locator('.heritage-marker')).toHaveCount(places.length);
  await page.locator('.heritage-marker[title^="北京剪纸"]').click();
  const link = page.locator('.map-card-title a', { hasText: '北京剪纸' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('北京剪纸');
  expect(errors).toEqual([]);
});
