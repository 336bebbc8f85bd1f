// Runs Lighthouse 12.2.3 (npm, pinned) in Debian's Chromium on the given pages, as a phone,
// and prints one JSON line per page: the category scores (0–100), LCP and TBT in ms, and the
// audits that lost points. Used by tests/lighthouse.spec.ts (scores asserted) and by
// bench/lighthouse.sh (performance printed; never asserted: timings are noisy).
//   node lighthouse.mjs [--performance] http://127.0.0.1:3100/ …
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const args = process.argv.slice(2);
const performance = args.includes('--performance');
const urls = args.filter((a) => !a.startsWith('--'));
const categories = ['accessibility', 'best-practices', 'seo', ...(performance ? ['performance'] : [])];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const url of urls) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories, formFactor: 'mobile' });
    const lhr = result.lhr;
    const scores = Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)]));
    const lost = Object.values(lhr.categories).flatMap((c) => c.auditRefs)
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`);
    const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    console.log(JSON.stringify({ url, scores, lcp_ms: performance ? ms('largest-contentful-paint') : undefined,
      tbt_ms: performance ? ms('total-blocking-time') : undefined, lost, runtimeError: lhr.runtimeError?.message }));
  }
} finally {
  await chrome.kill();
}
