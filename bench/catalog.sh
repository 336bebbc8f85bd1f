#!/usr/bin/env bash
# Catalogue benchmark: 10,000 synthetic items, then /catalog and /api/v1/items under load
# (64 connections), in-process search latency, and the server's memory idle and under load.
#
#   bench/catalog.sh                      SQLite (a fresh file under bench/out/)
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench bench/catalog.sh
#                                         PostgreSQL (the database must exist and be empty)
# Knobs: BENCH_ITEMS (10000), BENCH_SECONDS (15 per endpoint), BENCH_CONNECTIONS (64).
set -euo pipefail
cd "$(dirname "$0")/.."
items="${BENCH_ITEMS:-10000}"; seconds="${BENCH_SECONDS:-15}"; connections="${BENCH_CONNECTIONS:-64}"
addr="127.0.0.1:3200"

scripts/setup
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get update -q && $sudo apt-get install -y -q wrk; }
cargo leptos build --release >/dev/null
scripts/precompress
# The same flag cargo-leptos builds with (always-erase-components), so the example reuses its
# release artifacts.
export RUSTFLAGS="--cfg erase_components"
cargo build --release -q -p cc-store --example search_bench

out="bench/out"; mkdir -p "$out"
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$BENCH_DATABASE_URL"
else
  rm -f "$out"/bench.db*
  export DATABASE_URL="sqlite://$out/bench.db"
fi
export LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site CC_LOG=warn

echo "== seeding $items synthetic items into $DATABASE_URL"
/usr/bin/time -f "seeded in %e s" target/release/culture-cloud seed synthetic --items "$items"

target/release/culture-cloud serve > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://$addr/healthz" >/dev/null && break; sleep 0.1; done
rss() { awk '/^VmRSS/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status"; }
hwm() { awk '/^VmHWM/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status"; }

curl -fs "http://$addr/catalog" >/dev/null; curl -fs "http://$addr/api/v1/items" >/dev/null
echo "== server RSS idle (after warm-up): $(rss)"
wasm_raw=$(stat -c %s target/site/pkg/culture-cloud.wasm)
wasm_br=$(curl -s -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "http://$addr/pkg/culture-cloud.wasm")
echo "== WASM bundle: $((wasm_raw / 1024)) KiB after wasm-opt, $((wasm_br / 1024)) KiB as served (brotli)"

# A mix of what residents ask: searches in Chinese and pinyin, filters, deeper pages.
cat > "$out/mix.lua" <<'LUA'
local queries = {
  "", "?q=%E9%9D%9E%E9%81%97", "?q=%E5%B9%BF%E5%9C%BA%E8%88%9E", "?q=gcw", "?street=bajiao",
  "?category=heritage&sort=popular", "?free=true&page=3", "?audience=elderly", "?q=%E4%BA%AC%E5%89%A7&street=gucheng",
}
local base = os.getenv("BENCH_PATH")
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", base .. queries[(i % #queries) + 1])
end
LUA

for path in /catalog /api/v1/items; do
  echo "== $path: $connections connections, ${seconds}s, mixed queries"
  BENCH_PATH="$path" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$out/mix.lua" "http://$addr" > "$out/wrk.txt" &
  wrk_pid=$!
  sleep $((seconds / 2)); echo "   server RSS under load: $(rss)"
  wait $wrk_pid
  awk '/Requests\/sec/ { print "   requests/s: " $2 } / 50%/ { print "   p50: " $2 } / 99%/ { print "   p99: " $2 } /Non-2xx/ { print "   non-2xx responses: " $NF }' "$out/wrk.txt"
done
echo "== server peak RSS: $(hwm)"

kill $server; wait $server 2>/dev/null || true; trap - EXIT
echo "== in-process search (no HTTP)"
target/release/examples/search_bench "$DATABASE_URL" 50
