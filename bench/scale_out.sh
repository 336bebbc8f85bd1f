#!/usr/bin/env bash
# Scale-out benchmark: the same steady mixed load (server-rendered catalogue and item pages,
# bookings on ten sessions) through nginx to one server, then to two, on one PostgreSQL.
# Prints requests/s and latency per kind for each. nginx is installed from Debian if missing.
#
#   bench/scale_out.sh
# Knobs: BENCH_SECONDS (20), BENCH_IN_FLIGHT (64),
#        BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/bench_scale; emptied first).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-20}"; in_flight="${BENCH_IN_FLIGHT:-64}"
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bench_scale}"
out="$PWD/bench/out/scale"; mkdir -p "$out/nginx/logs"

if ! command -v nginx >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -q nginx-light 2>/dev/null || $sudo apt-get install -y -q nginx
fi
export RUSTFLAGS="--cfg erase_components"
cargo build --release -q -p culture-cloud --bin culture-cloud --example mixed_load
bin=target/release/culture-cloud
export CC_LOG=warn CC_THROTTLE=off CC_TRUST_FORWARDED=1

fresh_database() {
  local db="${DATABASE_URL##*/}"
  psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
  $bin seed demo >/dev/null
  sessions=""
  for _ in $(seq 1 10); do
    sessions="$sessions,$($bin seed rush --capacity 500 | sed -E 's/.*"session_id":([0-9]+).*/\1/')"
  done
  sessions="${sessions#,}"
  $bin seed residents --count 2000 --first-phone 13500000000 --sessions-out "$out/cookies.txt" >/dev/null
}

# nginx in front of `$1` servers, with the repository's deploy/nginx.conf.
run_with_servers() {
  local count=$1 pids=()
  fresh_database
  for n in $(seq 1 "$count"); do
    LEPTOS_SITE_ADDR="127.0.0.1:300$n" $bin serve > "$out/server-$n.log" 2>&1 &
    pids+=($!)
  done
  if [ "$count" -eq 1 ]; then
    grep -v '127.0.0.1:3002' deploy/nginx.conf > "$out/nginx/culture-cloud.conf"
  else
    cp deploy/nginx.conf "$out/nginx/culture-cloud.conf"
  fi
  cat > "$out/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $out/nginx/nginx.pid;
error_log $out/nginx/logs/error.log warn;
events { worker_connections 4096; }
http { access_log off; include $out/nginx/culture-cloud.conf; }
CONF
  nginx -p "$out/nginx" -c "$out/nginx/nginx.conf" -g 'daemon off;' &
  pids+=($!)
  trap 'kill ${pids[*]} 2>/dev/null || true' EXIT
  for port in $(seq 3001 $((3000 + count))) 8080; do
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  done
  echo "== $count server(s) behind nginx, ${seconds}s, $in_flight in flight"
  target/release/examples/mixed_load http://127.0.0.1:8080 "$sessions" "$out/cookies.txt" "$seconds" "$in_flight"
  for n in $(seq 1 "$count"); do
    echo "   server $n peak RSS: $(awk '/^VmHWM/ { printf "%.1f MiB", $2/1024 }' "/proc/${pids[$((n-1))]}/status")"
  done
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  trap - EXIT
}

run_with_servers 1
run_with_servers 2
$bin check
