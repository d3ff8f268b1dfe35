#!/usr/bin/env bash
# Relayed throughput: the same TURN-over-TCP transfer (RFC 6062 allocation on loopback, a peer
# pushing SIZE_MIB MiB through the relayed address to the allocating client) through our RS
# (core/relay, mp2p_bench_relay serve) and through Debian's coturn, in the same run, rounds
# alternating. Prints MiB/s of each (median of ROUNDS) and ours/coturn (goal >= 0.9).
# Then the volunteer cap: our RS with CAP_MIBPS MiB/s, measured rate / cap (goal within 10 %).
# Usage (as root on Debian 12): tests/bench/run-relay.sh [build folder, default build-bench]
# Knobs: SIZE_MIB=256 ROUNDS=3 CAP_MIBPS=32
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
SIZE_MIB=${SIZE_MIB:-256}
ROUNDS=${ROUNDS:-3}
CAP_MIBPS=${CAP_MIBPS:-32}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt coturn iproute2 util-linux cmake ninja-build g++
  bench_build "$BUILD" "$ROOT" mp2p_bench_relay
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
BIN="$BUILD/tests/bench/relay/mp2p_bench_relay"
WORK=$(mktemp -d /tmp/mp2p-bench-relay.XXXXXX)
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
OURS_PORT=34790
COTURN_PORT=34780
CAPPED_PORT=34791

bench_start "$WORK/ours.log" "$BIN" serve "$OURS_PORT" bench secret
OURS_PID=$BENCH_PID
bench_start "$WORK/coturn.log" turnserver -n --listening-ip=127.0.0.1 --listening-port="$COTURN_PORT" \
  --relay-ip=127.0.0.1 --lt-cred-mech --user=bench:secret --realm=mp2p --no-tls --no-dtls --no-cli \
  --allow-loopback-peers --no-udp-relay --no-stun --min-port=49160 --max-port=49400 --log-file=stdout --simple-log
COTURN_PID=$BENCH_PID
bench_start "$WORK/capped.log" "$BIN" serve "$CAPPED_PORT" bench secret $((CAP_MIBPS * 1048576))
CAPPED_PID=$BENCH_PID
bench_wait_port "$OURS_PID" "$OURS_PORT" 20 || bench_die "our RS did not start ($(cat "$WORK/ours.log"))"
bench_wait_port "$COTURN_PID" "$COTURN_PORT" 20 || bench_die "coturn did not start ($(tail -5 "$WORK/coturn.log"))"
bench_wait_port "$CAPPED_PID" "$CAPPED_PORT" 20 || bench_die "capped RS did not start"

measure() {   # port size → MiB/s
  local out
  out=$(timeout 300 "$BIN" run "$1" bench secret "$2") || bench_die "transfer through port $1 failed"
  awk '/^relay-mibps/ { print $2 }' <<<"$out"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ours=() coturn=()
for ((r = 1; r <= ROUNDS; r++)); do
  if ((r % 2)); then
    ours+=("$(measure $OURS_PORT "$SIZE_MIB")"); coturn+=("$(measure $COTURN_PORT "$SIZE_MIB")")
  else
    coturn+=("$(measure $COTURN_PORT "$SIZE_MIB")"); ours+=("$(measure $OURS_PORT "$SIZE_MIB")")
  fi
  bench_log "round $r: ours ${ours[-1]} MiB/s, coturn ${coturn[-1]} MiB/s"
done
OURS_MED=$(printf '%s\n' "${ours[@]}" | median)
COTURN_MED=$(printf '%s\n' "${coturn[@]}" | median)

# The cap: enough bytes for ~4 s at the cap.
CAP_SIZE=$((CAP_MIBPS * 4))
CAPPED=$(measure $CAPPED_PORT "$CAP_SIZE")

echo "relay benchmark: ${SIZE_MIB} MiB through one TCP allocation on loopback, median of $ROUNDS rounds"
echo "  baseline coturn $(dpkg-query -W -f='${Version}' coturn 2>/dev/null): ${COTURN_MED} MiB/s  (rounds: ${coturn[*]})"
echo "  our RS (core/relay):  ${OURS_MED} MiB/s  (rounds: ${ours[*]})"
echo "  ratio ours/coturn:    $(bench_ratio "$OURS_MED" "$COTURN_MED")  (goal >= 0.9)"
echo "  volunteer cap ${CAP_MIBPS} MiB/s: measured ${CAPPED} MiB/s over ${CAP_SIZE} MiB, ratio $(bench_ratio "$CAPPED" "$CAP_MIBPS") (goal 0.90-1.10)"
