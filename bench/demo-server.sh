# Sourced by bench scripts: serves the release site (built as scripts/run builds it, if not
# yet) on a fresh SQLite copy of the demo at $addr, named $name under bench/out/, and stops it
# when the script exits. Sets $server to its process id.
[ -x target/release/culture-cloud ] && [ -f target/release/hash.txt ] || scripts/build
out="bench/out"; mkdir -p "$out"
rm -f "$out/$name".db*
export DATABASE_URL="sqlite://$out/$name.db" LEPTOS_SITE_ADDR="$addr" LEPTOS_SITE_ROOT=target/site CC_LOG=warn
target/release/culture-cloud seed demo >/dev/null
target/release/culture-cloud serve > "$out/$name-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://$addr/healthz" >/dev/null && break; sleep 0.1; done
