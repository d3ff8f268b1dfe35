#!/usr/bin/env bash
# IXS search latency: 1,000,000 generated content records in an IXS database, then K searches
# over the IXS's HTTP API (mp2pd --services ixs) against raw FTS5 on the same SQLite file.
# Usage (as root on Debian 12): tests/bench/run-ixs-search.sh [build folder, default build-bench]
# Knobs (environment): RECORDS=1000000 QUERIES=1000 SEED=7 BATCH=20000 MAX_SECONDS=150
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
RECORDS=${RECORDS:-1000000}
QUERIES=${QUERIES:-1000}
SEED=${SEED:-7}
BATCH=${BATCH:-20000}
MAX_SECONDS=${MAX_SECONDS:-150}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt iproute2 util-linux cmake ninja-build g++
  bench_build "$BUILD" "$ROOT" mp2pd mp2p_bench_ixs
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-ixs.XXXXXX)
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
TOOL="$BUILD/tests/bench/mp2p_bench_ixs"
PORT=17900
START=$(date +%s)

bench_log "generating $RECORDS records into $WORK/ixs.db"
timeout 600 "$TOOL" generate --data-dir "$WORK" --count "$RECORDS" --seed "$SEED" --batch "$BATCH" >"$WORK/generate.txt" ||
  bench_die "generation: $(tail -3 "$WORK/generate.txt")"

# Searches need no token, but an mp2pd without the UMS needs some UMS key to start. The load
# comes from one address, so the per-address read limit and connection cap are lifted.
KEY=$("$TOOL" keygen)
printf '{"rateLimits": {"ixs-reads": {"count": 10000000, "windowSecs": 1}}, "limits": {"maxConnectionsPerAddress": 100000}}\n' \
  > "$WORK/mp2pd.json"
bench_start "$WORK/mp2pd.log" "$BUILD/app/mp2pd" --services ixs --listen 127.0.0.1 --port "$PORT" \
  --data-dir "$WORK" --ums-public-key "$KEY" --log-level warning --config "$WORK/mp2pd.json"
MP2PD_PID=$BENCH_PID
bench_wait_port "$MP2PD_PID" "$PORT" 60 || bench_die "mp2pd did not start: $(tail -5 "$WORK/mp2pd.log")"
status=0
timeout $((4 * MAX_SECONDS + 120)) "$TOOL" query --url "http://127.0.0.1:$PORT" --db "$WORK/ixs.db" \
  --queries "$QUERIES" --seed "$SEED" --max-seconds "$MAX_SECONDS" >"$WORK/query.txt" || status=1
bench_stop "$MP2PD_PID"

echo
echo "IXS search benchmark (seed $SEED, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
grep -E '^(generation|database):' "$WORK/generate.txt"
cat "$WORK/query.txt"
echo "total time: $(($(date +%s) - START)) s"
[ "$status" -eq 0 ] || echo "WARNING: some queries failed (errors above)"
exit "$status"
