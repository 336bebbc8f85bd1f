import { test, expect, Page, BrowserContext } from '@playwright/test';
import { itemWithSession } from './support';

// The app shell for one hand: a compact top bar and a tab bar on phones, the top navigation on
// wider screens; no page wider than the phone in either language or in elder mode; the
// catalogue's first result whole on the first screen; 长辈版 and the text size scale every size.

const residentPages = ['/', '/catalog', '/catalog?q=%E9%9D%9E%E9%81%97&street=bajiao', '/items/1', '/facilities',
  '/facilities/1', '/map', '/coverage', '/login', '/register', '/me', '/me/bookings', '/offline', '/no/such/page'];
const widths = [320, 360, 390, 412];
const modes = [
  { name: 'Chinese', cookies: {} },
  { name: 'English', cookies: { cc_lang: 'en' } },
  { name: 'Chinese elder mode', cookies: { cc_elder: '1' } },
  { name: 'English elder mode at the largest text', cookies: { cc_lang: 'en', cc_elder: '1', cc_text: '3' } },
];

async function withCookies(context: BrowserContext, baseURL: string, cookies: Record<string, string>) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseURL })));
}

/** What sticks out past the right edge of the screen, named for the failure message. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
  });
}

for (const mode of modes) {
  test(`no resident page is wider than a phone, in ${mode.name}`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await withCookies(context, baseURL!, mode.cookies);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      for (const path of residentPages) {
        await page.goto(path);
        const wide = await overflowing(page);
        expect(wide, `${path} at ${width} px: ${wide.join(', ')}`).toEqual([]);
      }
    }
  });
}

test("the catalogue's first result is whole on a 390×844 phone's first screen", async ({ page, context, baseURL }) => {
  await withCookies(context, baseURL!, {});
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/catalog');
  const card = await page.locator('[data-testid="results"] .item-card').first().boundingBox();
  const tabBar = await page.locator('.tab-bar').boundingBox();
  expect(card).not.toBeNull();
  expect(card!.y).toBeGreaterThanOrEqual(0);
  expect(card!.y + card!.height, 'above the tab bar').toBeLessThanOrEqual(tabBar!.y);
});

test('phones get a tab bar, wider screens the top navigation', async ({ page, context, baseURL }) => {
  await withCookies(context, baseURL!, {});
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/catalog');
  const tabs = page.getByRole('navigation', { name: '快捷导航' });
  await expect(tabs.getByRole('link')).toHaveText(['首页', '目录', '地图', '我的']);
  await expect(tabs.getByRole('link', { name: '目录' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  const header = await page.locator('.site-header').boundingBox();
  expect(header!.height, 'a compact top bar').toBeLessThanOrEqual(64);
  await tabs.getByRole('link', { name: '我的' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的');

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(tabs).toBeHidden();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await page.goto('/catalog');
  await expect(page.getByLabel('街道'), 'the filters are open beside the results').toBeVisible();
});

test("an item's sessions are cards with the booking button across the card", async ({ page }) => {
  const itemPath = await itemWithSession(page, 3, `卡片场次 ${Date.now().toString().slice(-8)}`);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(itemPath);
  const card = page.getByTestId('session').first();
  await expect(card).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  // A visitor's card leads to logging in; a resident's books.
  const action = card.getByRole('link', { name: '登录后预约' });
  const box = (await action.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(48);
  expect(box.width).toBeGreaterThan(cardBox.width * 0.8);
});

test('the text size and 长辈版 scale every size, are remembered, and keep targets large', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/me');
  const sizes = () => page.evaluate(() => {
    const size = (selector: string) => parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
    return { body: size('body'), h1: size('h1'), h2: size('h2'), hint: size('.hint'), tab: size('.tab-bar a') };
  });
  const standard = await sizes();
  expect(standard.h2).toBeGreaterThan(standard.body);
  await page.getByTestId('text-size-3').click();
  await expect(page.getByTestId('text-size-3')).toHaveAttribute('aria-pressed', 'true');
  const largest = await sizes();
  for (const key of Object.keys(standard) as (keyof typeof standard)[]) {
    expect(largest[key], `${key} grows with the text size`).toBeGreaterThanOrEqual(standard[key] * 1.2);
  }
  await page.reload();
  await expect(page.getByTestId('text-size-3')).toHaveAttribute('aria-pressed', 'true');
  expect((await sizes()).body).toBe(largest.body);

  await page.getByTestId('text-size-1').click();
  await page.getByTestId('elder-toggle').first().click();
  await expect(page.locator('html.elder')).toHaveCount(1);
  // The header's switch and 我的's are separate islands: both say what the page now is.
  for (const toggle of await page.getByTestId('elder-toggle').all()) {
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByTestId('text-size-2')).toHaveAttribute('aria-pressed', 'true');
  const elder = await sizes();
  expect(elder.body).toBeGreaterThanOrEqual(standard.body * 1.2);
  expect(elder.h2).toBeGreaterThan(elder.body);
  const lineHeight = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
  });
  expect(lineHeight).toBeGreaterThanOrEqual(1.3);

  // Every control a finger needs is at least 48 px tall, on the pages residents use most.
  for (const path of ['/me', '/catalog', '/items/1', '/login']) {
    await page.goto(path);
    const small = await page.evaluate(() => [...document.querySelectorAll('button, .button, .pref-toggle, .tab-bar a, summary, select, input:not([type=hidden]):not([type=checkbox])')]
      .filter((e) => (e as HTMLElement).offsetParent !== null)
      .filter((e) => e.getBoundingClientRect().height < 48)
      .map((e) => `${e.tagName.toLowerCase()} "${(e.textContent || (e as HTMLInputElement).name || '').trim()}" ${Math.round(e.getBoundingClientRect().height)} px`));
    expect(small, `${path}: ${small.join(', ')}`).toEqual([]);
  }

  // Off again: the larger text it brought goes too, and the switch keeps its one name.
  await page.goto('/me');
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.getByTestId('elder-toggle').first()).toHaveText('长辈版');
  await page.getByTestId('elder-toggle').first().click();
  await expect(page.locator('html.elder')).toHaveCount(0);
  await expect(page.getByTestId('elder-toggle').first()).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('text-size-1')).toHaveAttribute('aria-pressed', 'true');
  expect((await sizes()).body).toBe(standard.body);
});
