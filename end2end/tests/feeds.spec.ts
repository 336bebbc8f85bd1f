import { expect, test } from '@playwright/test';

// Calendar feeds as residents find them: a facility's page links its sessions and its street's
// as webcal:// feeds, which answer as iCalendar files with times in Asia/Shanghai.
test('a facility page links subscribable calendar feeds', async ({ page, baseURL }) => {
  await page.goto('/facilities/1');
  for (const id of ['facility-feed', 'street-feed']) {
    const href = (await page.getByTestId(id).getAttribute('href'))!;
    expect(href).toMatch(/^webcal:\/\/[^/]+\/api\/v1\/feeds\/(facility|street)\/[\w-]+\.ics$/);
    const answer = await page.request.get(`${baseURL}${href.replace(/^webcal:\/\/[^/]+/, '')}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toContain('text/calendar');
    const ics = await answer.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('TZID:Asia/Shanghai');
  }
});
