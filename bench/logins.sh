#!/usr/bin/env bash
# Login burst: 500 logins at once against the release server (each for another number, so all
# reach the password check), with the server's memory sampled throughout. argon2id needs 19 MiB
# per check; the hashing pool runs one per core (2–4 threads, each reusing its memory) behind a
# 256-deep queue, so the peak stays near the idle size plus threads × 19 MiB plus the burst's
# connections, and the rest are told "busy" rather than queued without end.
#
#   bench/logins.sh                 SQLite (a fresh file under bench/out/)
# Knobs: BENCH_LOGINS (500).
set -euo pipefail
cd "$(dirname "$0")/.."
logins="${BENCH_LOGINS:-500}"
addr="127.0.0.1:3202"

export RUSTFLAGS="--cfg erase_components"
cargo build --release -q -p culture-cloud --bin culture-cloud --example login_burst

out="bench/out"; mkdir -p "$out"
rm -f "$out"/logins.db*
# CC_THROTTLE=off: every login here comes from 127.0.0.1, and the address limit (30 per 15
# minutes) would answer all but 30 with 429 before any hashing; the question is the pool's bound.
export DATABASE_URL="sqlite://$out/logins.db" LEPTOS_SITE_ADDR="$addr" CC_LOG=warn CC_THROTTLE=off
target/release/culture-cloud seed demo >/dev/null
target/release/culture-cloud serve > "$out/logins-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://$addr/healthz" >/dev/null && break; sleep 0.1; done

rss() { awk '/^VmRSS/ { printf "%.1f", $2/1024 }' "/proc/$server/status"; }
echo "== idle RSS: $(rss) MiB"
( while kill -0 $server 2>/dev/null; do r=$(rss); echo "$r"; sleep 0.05; done ) > "$out/logins-rss.txt" &
sampler=$!
target/release/examples/login_burst "http://$addr" "$logins"
sleep 2
echo "== RSS 2 s after the burst: $(rss) MiB"
kill $sampler 2>/dev/null || true
peak=$(sort -n "$out/logins-rss.txt" | tail -1)
echo "== peak RSS during the burst (sampled every 50 ms): $peak MiB; kernel high-water mark: $(awk '/^VmHWM/ { printf "%.1f MiB", $2/1024 }' "/proc/$server/status")"
