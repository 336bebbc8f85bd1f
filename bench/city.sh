#!/usr/bin/env bash
# City scale: 100,000 synthetic services with about 200,000 sessions, then side by side in one
# run — nginx serving the very bytes of /catalog as a static file vs our /catalog (the page
# cache warm), uncached mixed searches through /api/v1/items, in-process search, seeding and
# index build time, and the server's memory idle and under load.
#
#   bench/city.sh                          SQLite (a fresh file under bench/out/)
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_city bench/city.sh
#                                          PostgreSQL (created if missing, emptied first)
# Knobs: BENCH_ITEMS (100000), BENCH_SECONDS (15 per measurement), BENCH_CONNECTIONS (64).
# The load generator shares the machine's cores with the server (and nginx, and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
items="${BENCH_ITEMS:-100000}"; seconds="${BENCH_SECONDS:-15}"; connections="${BENCH_CONNECTIONS:-64}"
addr="127.0.0.1:3200"; static="127.0.0.1:3202"

scripts/setup >/dev/null
sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || command -v "/usr/sbin/$tool" >/dev/null || {
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk nginx-light >/dev/null; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p bench/out
scripts/build > "$PWD/bench/out/build.log" 2>&1 || { tail -30 bench/out/build.log; exit 1; }
export RUSTFLAGS="--cfg erase_components"
cargo build --release -q -p cc-store --example search_bench

out="$PWD/bench/out"; mkdir -p "$out/static"
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$BENCH_DATABASE_URL"
  db="${DATABASE_URL##*/}"
  psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
else
  rm -f "$out"/city.db*
  export DATABASE_URL="sqlite://$out/city.db"
fi
export LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site CC_LOG=info

echo "== seeding $items synthetic items into ${DATABASE_URL%%:*}"
target/release/culture-cloud migrate >/dev/null
started=$(date +%s.%N)
target/release/culture-cloud seed synthetic --items "$items" | sed 's/^/   /'
awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "   seeded in %.1f s\n", b - a }'
target/release/culture-cloud serve > "$out/city-server.log" 2>&1 &
server=$!
nginx_pid=""
trap 'kill $server 2>/dev/null || true; [ -n "$nginx_pid" ] && kill $nginx_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do curl -fs "http://$addr/healthz" >/dev/null && break; sleep 0.1; done
# The server logs the build as `search index built items=… ms=…` (plain tracing lines).
sed -E 's/\x1b\[[0-9;]*m//g' "$out/city-server.log" | grep 'search index built' | sed -E 's/.*items=([0-9]+) ms=([0-9]+).*/   search index built at start: \1 items in \2 ms/' | head -1
rss() { awk '/^VmRSS/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status"; }

curl -fs "http://$addr/catalog" -o "$out/static/catalog.html"
curl -fs "http://$addr/api/v1/items" >/dev/null
echo "== server RSS idle (after warm-up): $(rss)"

# nginx serving the same bytes as a static file, on its own port.
user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$out/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen $static;
    root $out/static;
    location = /catalog { default_type text/html; try_files /catalog.html =404; }
  }
}
CONF
"$nginx_bin" -c "$out/nginx.conf" -p "$out" &
nginx_pid=$!
for _ in $(seq 1 50); do curl -fs "http://$static/catalog" >/dev/null && break; sleep 0.1; done
cmp -s <(curl -fs "http://$static/catalog") "$out/static/catalog.html" || echo "!! nginx does not serve the same bytes"

measure() { # name, url, [lua script]
  local script=()
  [ -n "${3:-}" ] && script=(-s "$3")
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${script[@]}" "$2" > "$out/wrk-$1.txt"
  awk -v name="$1" '/Requests\/sec/ { rps=$2 } / 50%/ { p50=$2 } / 99%/ { p99=$2 } /Non-2xx/ { bad=$NF }
    END { printf "   %-22s %10s req/s   p50 %8s   p99 %8s%s\n", name, rps, p50, p99, (bad ? "   non-2xx: " bad : "") }' "$out/wrk-$1.txt"
}
rps() { awk '/Requests\/sec/ { print $2 }' "$out/wrk-$1.txt"; }

echo "== /catalog, $connections connections, ${seconds}s each"
measure "nginx (static file)" "http://$static/catalog"
measure "ours (page cache)" "http://$addr/catalog"
awk -v a="$(rps 'ours (page cache)')" -v b="$(rps 'nginx (static file)')" 'BEGIN { printf "   ratio ours / nginx: %.2f×\n", a / b }'

# Uncached: the API is never kept. Chinese, pinyin, initials, a typo, filters, deep pages.
cat > "$out/city-mix.lua" <<'LUA'
local queries = {
  "?q=%E9%9D%9E%E9%81%97", "?q=%E5%B9%BF%E5%9C%BA%E8%88%9E", "?q=gcw", "?q=guangchangwu",
  "?q=jingju&street=bajiao", "?q=%E4%BA%AC%E5%89%A7&sort=popular", "?q=guangcangwu",
  "?q=%E4%B9%A6%E6%B3%95&free=true&page=20", "?q=sheying&category=training", "?category=heritage&page=400",
  "?street=gucheng&sort=popular&page=100", "?audience=elderly&free=true", "?q=%E7%AC%AC1%E6%9C%9F",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/items" .. queries[(i % #queries) + 1])
end
LUA
echo "== uncached mixed searches through /api/v1/items"
measure "search (api, mixed)" "http://$addr" "$out/city-mix.lua" &
wrk_pid=$!
sleep $((seconds / 2)); echo "   server RSS under load: $(rss)"
wait $wrk_pid
echo "== server peak RSS: $(awk '/^VmHWM/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status")"

kill $server; wait $server 2>/dev/null || true
kill $nginx_pid 2>/dev/null || true; nginx_pid=""
trap - EXIT
echo "== in-process search (no HTTP)"
target/release/examples/search_bench "$DATABASE_URL" 50 | sed 's/^/   /'
