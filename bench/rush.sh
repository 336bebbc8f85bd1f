#!/usr/bin/env bash
# Booking rush benchmark: 2,000 residents (already logged in) book one 200-place session at the
# same moment against the release server; prints attempts/s, p50/p99 latency, the answers and
# the confirmed count the database holds afterwards.
#
#   bench/rush.sh                          SQLite (a fresh file under bench/out/)
#   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_rush bench/rush.sh
#                                          PostgreSQL (created if missing, emptied first)
# Knobs: BENCH_RESIDENTS (2000), BENCH_PLACES (200), BENCH_IN_FLIGHT (256), BENCH_WAITLIST (1).
set -euo pipefail
cd "$(dirname "$0")/.."
residents="${BENCH_RESIDENTS:-2000}"; places="${BENCH_PLACES:-200}"; in_flight="${BENCH_IN_FLIGHT:-256}"
addr="127.0.0.1:3201"

export RUSTFLAGS="--cfg erase_components"
cargo build --release -q -p culture-cloud --bin culture-cloud --example rush_client

out="bench/out"; mkdir -p "$out"
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$BENCH_DATABASE_URL"
  db="${DATABASE_URL##*/}"
  psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null
else
  rm -f "$out"/rush.db*
  export DATABASE_URL="sqlite://$out/rush.db"
fi
# CC_THROTTLE=off: thousands of logins from one address would otherwise be throttled.
export LEPTOS_SITE_ADDR="$addr" CC_LOG=warn CC_THROTTLE=off

waitlist_flag=""; [ "${BENCH_WAITLIST:-1}" = "0" ] && waitlist_flag="--no-waitlist"
target/release/culture-cloud seed demo >/dev/null
session=$(target/release/culture-cloud seed rush --capacity "$places" $waitlist_flag | sed -E 's/.*"session_id":([0-9]+).*/\1/')
target/release/culture-cloud seed residents --count "$residents" --sessions-out "$out/cookies.txt"

target/release/culture-cloud serve > "$out/rush-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://$addr/healthz" >/dev/null && break; sleep 0.1; done

echo "== rush: $residents residents, $places places, session $session, ${DATABASE_URL%%:*}"
target/release/examples/rush_client "http://$addr" "$session" "$out/cookies.txt" "$in_flight"
echo "== server peak RSS: $(awk '/^VmHWM/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status")"
kill $server; wait $server 2>/dev/null || true
target/release/culture-cloud check
if grep -qi "database is locked" "$out/rush-server.log"; then echo "!! 'database is locked' in the server log"; fi
