#!/usr/bin/env bash
# Swarm benchmark: one seed -> N downloaders (N = 4 and 16) on loopback, the managed flow
# (mp2pd + mp2p publish/get) against the same libtorrent engine without the control plane:
# peers told each other's addresses ("plain") and peers announcing to Debian's opentracker
# ("tracker"). Same content, same run. Prints seconds to all-complete for each flow, the
# ratios baseline/managed (goal >= 0.95) and every peer's peak RSS. See swarm/README.md.
# Usage (as root on Debian 12): tests/bench/run-swarm.sh [build folder, default build-bench]
# About 5 minutes after the build (3 rounds x 3 flows x 2 values of N, 256 MiB, 2 cores).
# Knobs (environment): PEERS=4,16 SIZE_MIB=256 ROUNDS=3 (the median is compared)
# RUN_TIMEOUT=120 (seconds per swarm run) MAX_SECONDS=570 (the whole benchmark, after the build)
# MODES=plain,tracker,managed (the flows, in round 1's order; later rounds rotate it),
# SIZE_NOTE="text for the header".
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
PEERS=${PEERS:-4,16}
SIZE_MIB=${SIZE_MIB:-256}
ROUNDS=${ROUNDS:-3}
RUN_TIMEOUT=${RUN_TIMEOUT:-120}
MAX_SECONDS=${MAX_SECONDS:-570}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt opentracker iproute2 util-linux cmake ninja-build g++
  bench_build "$BUILD" "$ROOT" mp2pd mp2p mp2p_bench_swarm mp2p_bench_swarm_peer
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-swarm.XXXXXX)
LOGS="$BUILD/bench-swarm-logs"
TOTAL=$MAX_SECONDS
cleanup() {
  bench_stop_all
  rm -rf "$LOGS" && mkdir -p "$LOGS"
  cp -r "$WORK/logs/." "$LOGS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ARGS=(--peers "$PEERS" --size-mib "$SIZE_MIB" --rounds "$ROUNDS" --timeout "$RUN_TIMEOUT" --work "$WORK")
[ -n "${MODES:-}" ] && ARGS+=(--modes "$MODES")
[ -n "${SIZE_NOTE:-}" ] && ARGS+=(--note "$SIZE_NOTE")

bench_log "swarm: N in {$PEERS}, $SIZE_MIB MiB, $ROUNDS round(s), at most ${TOTAL}s"
# The driver starts every peer and mp2pd itself and stops each by its PID; `timeout` bounds
# the whole run, and killing the driver's process group also ends any peer left behind.
set +e
MP2P_BIN_DIR="$BUILD/app" setsid timeout --kill-after=20 "$TOTAL" "$BUILD/tests/bench/swarm/mp2p_bench_swarm" "${ARGS[@]}" &
BENCH_PID=$!
BENCH_PIDS+=("$BENCH_PID")
wait "$BENCH_PID"
STATUS=$?
set -e
# Anything of the driver's process group still alive (a peer it could not stop): end it by PID.
for pid in $(pgrep -g "$BENCH_PID" 2>/dev/null || true); do
  kill -KILL "$pid" 2>/dev/null || true
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; every peer, mp2pd and the driver share them)"
echo "per-process logs: $LOGS"
[ "$STATUS" = 124 ] && bench_die "the benchmark hit its ${TOTAL}s bound"
exit "$STATUS"
