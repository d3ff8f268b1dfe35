#!/usr/bin/env bash
# Tracker announce throughput: the OMS of mp2pd against opentracker (Debian) and the npm
# bittorrent-tracker HTTP server, all loaded by the same wrk script with the same announce list.
# Usage (as root on Debian 12): tests/bench/run-tracker.sh [build folder, default build-bench]
# Knobs (environment): OVERLAYS=200 PEERS=50 THREADS=2 CONNECTIONS=32 DURATION=10 WARMUP=5 ROUNDS=3
#                      BEFORE=<build folder of an earlier commit> (adds its mp2pd as "mp2pd-before",
#                      set up by that commit's own mp2p_bench_tracker_setup, to compare before/after in one run)
# The three servers run side by side (idle while not loaded); the measured runs are
# interleaved (mp2pd, opentracker, bittorrent-tracker, mp2pd, ...) and each figure is the
# median of ROUNDS runs, so a burst of other load on the machine hits all three alike.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
OVERLAYS=${OVERLAYS:-200}
PEERS=${PEERS:-50}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-3}
BEFORE=${BEFORE:+$(realpath -m "$BEFORE")}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt opentracker wrk iproute2 util-linux cmake ninja-build g++ curl
  # node/npm may come from elsewhere than Debian (a newer nodejs that bundles npm, which the
  # Debian npm package would conflict with): install them only when the commands are missing.
  command -v node >/dev/null || bench_apt nodejs
  command -v npm >/dev/null || bench_apt npm
  if [ ! -f "$HERE/node/node_modules/bittorrent-tracker/package.json" ]; then
    bench_log "installing bittorrent-tracker (npm, pinned in tests/bench/node/package.json)"
    (cd "$HERE/node" && npm install --ignore-scripts --no-package-lock --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  bench_build "$BUILD" "$ROOT" mp2pd mp2p_bench_tracker_setup
  if [ -n "$BEFORE" ]; then
    for f in app/mp2pd tests/bench/mp2p_bench_tracker_setup; do
      [ -x "$BEFORE/$f" ] || bench_die "BEFORE=$BEFORE has no $f (build mp2pd and mp2p_bench_tracker_setup there)"
    done
  fi
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-tracker.XXXXXX)
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
MP2PD_PORT=17800
OT_PORT=16969
NODE_PORT=18000
BEFORE_PORT=17900
NAMES=(mp2pd opentracker bittorrent-tracker)
[ -z "$BEFORE" ] || NAMES+=(mp2pd-before)
declare -A PORT PID RATES CPUS COSTS P50 P99 BODY CHECK PATHS

# CPU seconds (user + system) that process $1 has used so far, with its threads.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat"
}

# One wrk run against tracker $1 in mode $2 (started|steady) for $3 seconds; output to $4.
run_wrk() {
  timeout $(($3 + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${3}s" -s "$HERE/tracker/announce.lua" \
    "http://127.0.0.1:${PORT[$1]}" -- "${PATHS[$1]:-$WORK/paths.txt}" "$2" "$THREADS" >"$4" 2>&1 ||
    bench_die "wrk against $1: $(tail -3 "$4")"
}

# A measured run (round $2) of steady re-announces against tracker $1: appends announces/s
# and the server's CPU use to its lists and keeps the latency, reply size and reply checks.
measure() {
  local name=$1 round=$2 key=$1 out result cpu_before cpu_after requests seconds
  out="$WORK/$name-$round.txt"
  cpu_before=$(cpu_seconds "${PID[$name]}")
  run_wrk "$name" steady "$DURATION" "$out"
  cpu_after=$(cpu_seconds "${PID[$name]}")
  result=$(grep '^RESULT' "$out") || bench_die "no RESULT line from wrk for $name"
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  seconds=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$result")
  CPUS[$key]+=" $(awk -v a="$cpu_before" -v b="$cpu_after" -v d="$seconds" 'BEGIN { printf "%.0f", 100 * (b - a) / d }')"
  # Server CPU time per announce: less sensitive to other load on the machine than announces/s.
  COSTS[$key]+=" $(awk -v a="$cpu_before" -v b="$cpu_after" -v r="$requests" 'BEGIN { printf "%.1f", (r > 0 ? 1e6 * (b - a) / r : 0) }')"
  RATES[$key]+=" $(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
  P50[$key]=$(sed -E 's/.*p50ms=([0-9.]+).*/\1/' <<<"$result")
  P99[$key]=$(sed -E 's/.*p99ms=([0-9.]+).*/\1/' <<<"$result")
  BODY[$key]=$(sed -E 's/.*avgbody=([0-9]+).*/\1/' <<<"$result")
  CHECK[$key]=$(grep -oE 'non200=.*' <<<"$result")
  grep -q 'non200=0 failure=0 notbencoded=0 connect=0 write=0 timeout=0' <<<"${CHECK[$key]}" || BAD+=" $key/$round"
  bench_log "$key round $round: $(awk '{ print $NF }' <<<"${RATES[$key]}") announces/s (${CHECK[$key]})"
}

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# mp2pd: UMS (for the tokens) + OMS, a long announce interval, warnings only; wrk's CONNECTIONS all
# come from 127.0.0.1, so the per-address connection cap (64 by default) is lifted.
mkdir -p "$WORK/mp2pd"
printf '{"oms": {"announceIntervalSecs": 3600, "minAnnounceIntervalSecs": 1800}, "limits": {"maxConnectionsPerAddress": 100000}}\n' \
  >"$WORK/mp2pd.json"
bench_start "$WORK/mp2pd.log" "$BUILD/app/mp2pd" --services ums,oms --listen 127.0.0.1 --port "$MP2PD_PORT" \
  --data-dir "$WORK/mp2pd" --config "$WORK/mp2pd.json" --log-level warning
PID[mp2pd]=$BENCH_PID
PORT[mp2pd]=$MP2PD_PORT
bench_wait_port "${PID[mp2pd]}" "$MP2PD_PORT" 60 || bench_die "mp2pd did not start: $(tail -5 "$WORK/mp2pd.log")"
timeout 300 "$BUILD/tests/bench/mp2p_bench_tracker_setup" --url "http://127.0.0.1:$MP2PD_PORT" \
  --overlays "$OVERLAYS" --peers "$PEERS" --paths "$WORK/paths.txt" --whitelist "$WORK/whitelist.txt" >&2
# mp2pd's paths carry the user's passkey (/announce/<passkey>?...); the other two trackers get the
# same announces at the plain /announce path (bittorrent-tracker answers any other path with a failure).
sed -E 's#^/announce/[^?]*\?#/announce?#' "$WORK/paths.txt" >"$WORK/paths-plain.txt"
PATHS[opentracker]=$WORK/paths-plain.txt
PATHS[bittorrent-tracker]=$WORK/paths-plain.txt

# The earlier mp2pd, with the same work: its own users and overlays, made by its own setup tool
# (announce URLs changed between versions), and the same announce-interval config.
if [ -n "$BEFORE" ]; then
  mkdir -p "$WORK/before"
  printf '{"oms": {"announceIntervalSecs": 3600, "minAnnounceIntervalSecs": 1800}}\n' >"$WORK/before.json"
  bench_start "$WORK/before.log" "$BEFORE/app/mp2pd" --services ums,oms --listen 127.0.0.1 --port "$BEFORE_PORT" \
    --data-dir "$WORK/before" --config "$WORK/before.json" --log-level warning
  PID[mp2pd-before]=$BENCH_PID
  PORT[mp2pd-before]=$BEFORE_PORT
  PATHS[mp2pd-before]=$WORK/paths-before.txt
  bench_wait_port "${PID[mp2pd-before]}" "$BEFORE_PORT" 60 || bench_die "the earlier mp2pd did not start: $(tail -5 "$WORK/before.log")"
  timeout 300 "$BEFORE/tests/bench/mp2p_bench_tracker_setup" --url "http://127.0.0.1:$BEFORE_PORT" \
    --overlays "$OVERLAYS" --peers "$PEERS" --paths "$WORK/paths-before.txt" --whitelist "$WORK/whitelist-before.txt" >&2
fi

# opentracker (Debian's build is whitelist-only): chrooted into its own folder with the
# same info-hashes; it drops to `nobody`, so the folder must be readable.
mkdir -p "$WORK/ot"
cp "$WORK/whitelist.txt" "$WORK/ot/whitelist.txt"
printf 'access.whitelist /whitelist.txt\n' >"$WORK/ot/opentracker.conf"
chmod 755 "$WORK/ot" && chmod 644 "$WORK/ot/whitelist.txt" "$WORK/ot/opentracker.conf"
bench_start "$WORK/opentracker.log" opentracker -i 127.0.0.1 -p "$OT_PORT" -P "$OT_PORT" \
  -f "$WORK/ot/opentracker.conf" -d "$WORK/ot" -u nobody
PID[opentracker]=$BENCH_PID
PORT[opentracker]=$OT_PORT
bench_wait_port "${PID[opentracker]}" "$OT_PORT" 30 || bench_die "opentracker did not start: $(tail -5 "$WORK/opentracker.log")"
# Its whitelist is loaded by a background thread: wait (bounded) until a listed hash is accepted.
FIRST_PATH=$(head -1 "$WORK/paths-plain.txt")
for ((i = 0; i < 100; i++)); do
  curl -s --max-time 2 "http://127.0.0.1:$OT_PORT$FIRST_PATH" | grep -q 'failure reason' || break
  sleep 0.1
done

# bittorrent-tracker (node, single-threaded like mp2pd's HTTP server).
bench_start "$WORK/node.log" node "$HERE/node/tracker-server.mjs" "$NODE_PORT" "$WORK/whitelist.txt"
PID[bittorrent-tracker]=$BENCH_PID
PORT[bittorrent-tracker]=$NODE_PORT
bench_wait_port "${PID[bittorrent-tracker]}" "$NODE_PORT" 30 || bench_die "bittorrent-tracker did not start: $(tail -5 "$WORK/node.log")"

# Warm-up: every peer announces event=started once (and more), filling the swarms.
for name in "${NAMES[@]}"; do
  run_wrk "$name" started "$WARMUP" "$WORK/$name-warmup.txt"
done
BAD=""
for ((round = 1; round <= ROUNDS; round++)); do
  for name in "${NAMES[@]}"; do
    measure "$name" "$round"
  done
done
bench_stop_all

echo
echo "Tracker announce throughput: wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS interleaved rounds (median shown),"
echo "$OVERLAYS overlays x $PEERS peers = $((OVERLAYS * PEERS)) announce paths, compact=1, numwant=50, steady re-announces"
echo "after a ${WARMUP}s event=started warm-up; all servers on loopback in a private network namespace."
declare -A MEDIAN COST
for name in "${NAMES[@]}"; do
  MEDIAN[$name]=$(median "${RATES[$name]}")
  COST[$name]=$(median "${COSTS[$name]}")
  printf '  %-19s %7s announces/s (rounds:%s)   server CPU %s us/announce (rounds:%s; %%CPU:%s)\n' \
    "$name" "${MEDIAN[$name]}" "${RATES[$name]}" "${COST[$name]}" "${COSTS[$name]}" "${CPUS[$name]}"
  printf '  %-19s last round: latency p50 %s ms, p99 %s ms, reply %s B; %s\n' "" "${P50[$name]}" "${P99[$name]}" \
    "${BODY[$name]}" "${CHECK[$name]}"
done
echo "ratio mp2pd/bittorrent-tracker: $(bench_ratio "${MEDIAN[mp2pd]}" "${MEDIAN[bittorrent-tracker]}") (announces/s)," \
  "$(bench_ratio "${COST[bittorrent-tracker]}" "${COST[mp2pd]}") (inverse CPU per announce)"
echo "ratio mp2pd/opentracker:        $(bench_ratio "${MEDIAN[mp2pd]}" "${MEDIAN[opentracker]}") (announces/s)," \
  "$(bench_ratio "${COST[opentracker]}" "${COST[mp2pd]}") (inverse CPU per announce)"
if [ -n "$BEFORE" ]; then
  echo "ratio mp2pd/mp2pd-before:       $(bench_ratio "${MEDIAN[mp2pd]}" "${MEDIAN[mp2pd-before]}") (announces/s)," \
    "$(bench_ratio "${COST[mp2pd-before]}" "${COST[mp2pd]}") (inverse CPU per announce; mp2pd-before = $BEFORE)"
fi
echo "(server CPU: the server's user+system time per announce (and %CPU, 100 = one core) while measured;"
echo " reply: mean body bytes;"
echo " closed: connections the server closed after a reply. opentracker has no HTTP keep-alive, so wrk"
echo " reconnects for each of its announces while mp2pd and bittorrent-tracker reuse connections: real"
echo " clients open a new connection per announce anyway, so this favours the other two over opentracker)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores shared with wrk; other load slows all three)"
if [ -n "$BAD" ]; then
  echo "WARNING: some replies were not HTTP 200 bencoded announces in:$BAD"
  exit 1
fi
