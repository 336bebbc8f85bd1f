import { test, expect, BrowserContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core finds no serious or critical accessibility problem on any resident page, in
// Chinese, in English and in elder mode (WCAG 2.1 A and AA rules, plus axe's best practices).

const residentPages = ['/', '/catalog', '/catalog?q=%E9%9D%9E%E9%81%97', '/items/1', '/facilities', '/facilities/1',
  '/map', '/coverage', '/demands', '/heritage', '/heritage/1', '/plan', '/login', '/register', '/me', '/me/bookings', '/offline'];
const modes = [
  { name: 'Chinese', cookies: {} },
  { name: 'English', cookies: { cc_lang: 'en' } },
  { name: 'elder mode', cookies: { cc_elder: '1', cc_text: '2' } },
];

async function withCookies(context: BrowserContext, baseURL: string, cookies: Record<string, string>) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseURL })));
}

for (const mode of modes) {
  test(`axe finds no serious or critical problem on resident pages in ${mode.name}`, async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await withCookies(context, baseURL!, mode.cookies);
    const found: string[] = [];
    for (const path of residentPages) {
      await page.goto(path);
      await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        // Leaflet's tiles are blocked in tests; its attribution control is its own.
        .exclude('.leaflet-control-attribution')
        .analyze();
      for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
        found.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
