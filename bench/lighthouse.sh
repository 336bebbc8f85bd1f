#!/usr/bin/env bash
# Lighthouse 12.2.3 (npm, pinned in end2end/) as a phone on the home page, the catalogue and an
# item page, three runs each: every category's score, LCP and TBT. Figures only — the test
# suite asserts accessibility, best practices and SEO (lighthouse.spec.ts); performance and
# timings on two shared cores are too noisy to assert.
#
#   bench/lighthouse.sh   (builds the release site as scripts/run does, if not built yet)
set -euo pipefail
cd "$(dirname "$0")/.."
addr="127.0.0.1:3203"
name=lighthouse
. bench/demo-server.sh
for run in 1 2 3; do
  echo "== run $run"
  node end2end/lighthouse.mjs --performance "http://$addr/" "http://$addr/catalog" "http://$addr/items/1" \
    | node -e 'require("readline").createInterface({ input: process.stdin }).on("line", (l) => {
        if (!l.startsWith("{")) return; const r = JSON.parse(l);
        console.log(`${r.url.padEnd(36)} perf ${r.scores.performance} a11y ${r.scores.accessibility} bp ${r.scores["best-practices"]} seo ${r.scores.seo}  LCP ${r.lcp_ms} ms  TBT ${r.tbt_ms} ms`);
      })'
done
