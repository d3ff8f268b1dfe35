#!/usr/bin/env bash
# Locality benchmark (issue 5's headline figure): three ISPs on loopback (127.1/127.2/127.3),
# one seed in ISP A, K downloaders per ISP, one content. The same swarm twice: random peer
# lists (mp2pd's OMS without a UNIS, i.e. a plain tracker) and the managed OMS ranking by the
# UNIS's ALTO map. Prints, for both, the cross-ISP bytes (exact, counted by every downloader per
# sender address), cross/limit (limit = content x 2) and the seconds until all complete, then
# the ratios managed/random. Goal: managed <= 1.25 x limit, completion no worse than random.
# Usage (as root on Debian 12): tests/bench/run-locality.sh [build folder, default build-bench]
# Knobs (environment): K=8 (downloaders per ISP) SIZE_MIB=200 RUN_TIMEOUT=300 (seconds per run)
# MAX_SECONDS=840 (the whole benchmark after the build) MODES=random,managed
# About 2-4 minutes after the build with K=8 and 200 MiB on 2 cores. See locality/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
K=${K:-8}
SIZE_MIB=${SIZE_MIB:-200}
RUN_TIMEOUT=${RUN_TIMEOUT:-300}
MAX_SECONDS=${MAX_SECONDS:-840}
MODES=${MODES:-random,managed}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt iproute2 util-linux cmake ninja-build g++
  bench_build "$BUILD" "$ROOT" mp2pd mp2p-unis mp2p_bench_locality mp2p_bench_locality_peer
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-locality.XXXXXX)
LOGS="$BUILD/bench-locality-logs"
cleanup() {
  bench_stop_all
  rm -rf "$LOGS" && mkdir -p "$LOGS"
  cp -r "$WORK/logs/." "$LOGS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

bench_log "locality: K=$K per ISP ($((3 * K + 1)) peers), $SIZE_MIB MiB, runs $MODES, at most ${MAX_SECONDS}s"
# The driver starts mp2pd, mp2p-unis and every peer itself and stops each by its PID; `timeout`
# bounds the whole run, and the driver's process group is swept by PID afterwards.
set +e
MP2P_BIN_DIR="$BUILD/app" setsid timeout --kill-after=20 "$MAX_SECONDS" "$BUILD/tests/bench/locality/mp2p_bench_locality" \
  --work "$WORK" --k "$K" --size-mib "$SIZE_MIB" --timeout "$RUN_TIMEOUT" --modes "$MODES" &
BENCH_PID=$!
BENCH_PIDS+=("$BENCH_PID")
wait "$BENCH_PID"
STATUS=$?
set -e
for pid in $(pgrep -g "$BENCH_PID" 2>/dev/null || true); do
  kill -KILL "$pid" 2>/dev/null || true
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores; all peers, mp2pd, mp2p-unis and the driver share them)"
echo "per-process logs: $LOGS"
[ "$STATUS" = 124 ] && bench_die "the benchmark hit its ${MAX_SECONDS}s bound"
exit "$STATUS"
