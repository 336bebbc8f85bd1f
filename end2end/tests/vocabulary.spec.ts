import { expect, test } from '@playwright/test';
import { createStaff, hydrated, staffLogIn } from './support';

// Categories are the district's own: a district admin adds one with an icon on the desk,
// renames it and moves it up, and a resident's home page and catalogue follow at once; once
// no service uses it, it can be deleted and leaves the filters.
test('a district admin keeps the categories and residents see them at once', async ({ browser }) => {
  const stamp = Date.now().toString().slice(-6);
  const admin = `terms-${stamp}`;
  createStaff(admin, 'district_admin');
  const [slug, name, renamed] = [`opera-${stamp}`, `戏曲${stamp}`, `曲艺${stamp}`];

  const office = await browser.newContext();
  const desk = await office.newPage();
  await staffLogIn(desk, admin);
  await desk.getByTestId('vocabulary-link').click();
  await expect(desk).toHaveURL(/\/staff\/vocabulary$/);
  const categories = desk.getByTestId('terms-categories');
  await expect(categories.getByTestId('term')).not.toHaveCount(0);

  // A slug that cannot stand in an address is refused in its form, and what was typed stays.
  const add = desk.getByTestId('new-categories');
  await add.getByLabel('标识').fill('Opera!');
  await add.getByLabel('名称', { exact: true }).fill(name);
  await add.getByLabel('扇子').check();
  // The browser's own check would stop it first: send it as a browser without that check does.
  await add.evaluate((form: HTMLFormElement) => { form.noValidate = true; });
  await add.getByRole('button', { name: '新增' }).click();
  await expect(desk.getByTestId('term-error')).toContainText('标识为2到30个小写字母');
  await expect(desk.getByTestId('new-categories').getByLabel('名称', { exact: true })).toHaveValue(name);
  await expect(desk.getByTestId('new-categories').getByLabel('扇子')).toBeChecked();

  await desk.getByTestId('new-categories').getByLabel('标识').fill(slug);
  await desk.getByTestId('new-categories').getByRole('button', { name: '新增' }).click();
  const line = desk.locator(`[data-testid="term"][data-slug="${slug}"]`);
  await expect(line.getByTestId('term-name')).toHaveText(name);
  await expect(line.locator('.term-head svg[data-icon="fan"]')).toHaveCount(1);

  // A resident sees it on the home page, with its icon, and in the catalogue's filter.
  const street = await browser.newContext();
  const resident = await street.newPage();
  await resident.goto('/');
  await hydrated(resident);
  const tile = resident.locator('.category-tile', { hasText: name });
  await expect(tile).toBeVisible();
  await expect(tile.locator('svg[data-icon="fan"]')).toBeVisible();
  await tile.click();
  await expect(resident).toHaveURL(new RegExp(`category=${slug}`));
  await expect(resident.locator('select[name="category"] option:checked')).toHaveText(name);

  // Renamed and moved up: the resident's next look shows the new name before the old last one.
  await line.locator('summary').click();
  await line.getByTestId('term-change').getByLabel('名称', { exact: true }).fill(renamed);
  await line.getByTestId('term-change').getByRole('button', { name: '保存' }).click();
  await expect(desk.locator(`[data-testid="term"][data-slug="${slug}"]`).getByTestId('term-name')).toHaveText(renamed);
  await desk.locator(`[data-testid="term"][data-slug="${slug}"]`).getByTestId('term-up').click();
  const names = await desk.getByTestId('terms-categories').getByTestId('term-name').allTextContents();
  expect(names.indexOf(renamed)).toBe(names.length - 2);
  await resident.goto('/');
  const tiles = await resident.locator('.category-tile').allTextContents();
  expect(tiles.findIndex((t) => t.includes(renamed))).toBe(tiles.length - 2);
  expect(tiles.some((t) => t.includes(name) && !t.includes(renamed))).toBe(false);

  // No service uses it: it can be deleted, and the filter no longer offers it.
  await desk.locator(`[data-testid="term"][data-slug="${slug}"]`).getByTestId('term-delete').click();
  await expect(desk.locator(`[data-testid="term"][data-slug="${slug}"]`)).toHaveCount(0);
  await resident.goto('/catalog');
  await expect(resident.locator(`select[name="category"] option[value="${slug}"]`)).toHaveCount(0);
  await office.close();
  await street.close();
});
