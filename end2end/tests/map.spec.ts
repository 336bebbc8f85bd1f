import { test, expect, Page, APIRequestContext } from '@playwright/test';

// Every request that does not go to our own server fails, as when tiles are blocked or offline.
test.beforeEach(async ({ page }) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
});

async function facilityCount(request: APIRequestContext, query = '') {
  const body = await (await request.get('/api/v1/facilities' + query)).json();
  return body.features.length as number;
}

/** Facilities on the map: single markers plus the numbers on the clusters. */
async function shownOnMap(page: Page) {
  const singles = await page.locator('.leaflet-marker-icon.marker').count();
  const clusters = await page.locator('.marker-cluster').allTextContents();
  return singles + clusters.reduce((sum, n) => sum + Number(n.trim()), 0);
}

async function mapReady(page: Page, count: number) {
  await expect(page.locator(`#map[data-ready="true"][data-count="${count}"]`)).toHaveCount(1);
}

test('the map shows every facility without tiles, filters by level and opens a card', async ({ page, request }) => {
  const total = await facilityCount(request);
  await page.goto('/map');
  await mapReady(page, total);
  await expect(page.locator('[data-cc-map-notice]')).toBeVisible();
  expect(await shownOnMap(page)).toBe(total);
  await expect(page.getByTestId('map-list').locator('li')).toHaveCount(total);

  const streets = await facilityCount(request, '?level=street');
  expect(streets).toBeLessThan(total);
  // On a phone the map comes first and its filters wait behind 筛选.
  await page.getByTestId('filter-toggle').click();
  await page.getByLabel('级别').selectOption('street');
  await expect(page).toHaveURL(/level=street/);
  await mapReady(page, streets);
  expect(await shownOnMap(page)).toBe(streets);
  await expect(page.getByTestId('map-list').locator('li')).toHaveCount(streets);

  await page.goto('/map?level=district&street=bajiao');
  await mapReady(page, 1);
  await page.locator('.leaflet-marker-icon.marker').click();
  const link = page.locator('.map-card-title a');
  await expect(link).toHaveText('石景山区图书馆');
  await link.click();
  await expect(page).toHaveURL(/\/facilities\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('石景山区图书馆');
  await expect(page.getByTestId('open-state')).not.toBeEmpty();
});

test('near me lists the nearest facilities first', async ({ page, context, request }) => {
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 39.9138, longitude: 116.2032 });
  const total = await facilityCount(request);
  await page.goto('/map');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByTestId('near-me').click();
  await expect(page).toHaveURL(/near=39\.9138/);
  const distances = page.getByTestId('map-list').getByTestId('distance');
  await expect(distances).toHaveCount(total);
  const metres = await distances.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.metres)));
  expect(metres).toEqual([...metres].sort((a, b) => a - b));
  await expect(page.getByTestId('map-list').locator('.facility-card-title').first()).toHaveText('石景山区图书馆');
  await mapReady(page, total);
});
