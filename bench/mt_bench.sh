#!/bin/sh
# Builds and runs the MT benchmark against the local test server:
#   bench/mt_bench.sh [BUILD_DIR] [SENTENCES] [LATENCY_MS]
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
cmake --build "$BUILD" --target mt_bench -j2 >/dev/null
exec python3 tests/mt/with_server.py "$BUILD/mt_bench" "${2:-1000}" "${3:-5}"
