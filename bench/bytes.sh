#!/usr/bin/env bash
# What a first visit to each resident page transfers, as served, by kind (page, styles,
# scripts, WebAssembly, images, the rest, including what the service worker keeps), in a
# fresh Chromium profile at phone size. The browser test budget.spec.ts holds scripts + WASM
# to 150 KiB on /, /catalog and an item page; this prints everything, for every page.
#
#   bench/bytes.sh        (builds the release site as scripts/run does, if not built yet)
set -euo pipefail
cd "$(dirname "$0")/.."
addr="127.0.0.1:3201"
name=bytes
export CC_TILE_URL='http://127.0.0.1:9/{z}/{x}/{y}.png'   # no tiles: the bench counts our bytes
. bench/demo-server.sh
node end2end/bytes.mjs "http://$addr" / /catalog /items/1 /facilities /facilities/1 /map /coverage /login /register /me
