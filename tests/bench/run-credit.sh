#!/usr/bin/env bash
# PAMS receipt redemptions per second (POST /pams/v1/credit/redeem of a real mp2pd --services
# ums,pams,ixs,oms, over HTTP on loopback; the PAMS credits only overlays the OMS and the IXS
# know, between users the OMS saw in the swarm) against raw libsodium Ed25519 verifications per second
# (core/protocol/keys verifySignature in a tight loop) on the same machine, in the same run.
# Goal (issue 7): redemptions/s >= 0.5 x verifications/s.
# Usage (as root on Debian 12): tests/bench/run-credit.sh [build folder, default build-bench]
# Knobs (environment): RECEIPTS=20000 CLIENTS=4 DOWNLOADERS=50 OVERLAYS=4 BATCH=100
#                      VERIFICATIONS=40000 MAX_SECONDS=120 ROUNDS=3
# Each round uses a fresh mp2pd data folder; the median round is shown.
# The driver (tests/bench/credit) signs and serialises every receipt before the clock starts,
# sleeps in its event loop while waiting (it used to spin a whole core), parses the answers only
# after the clock stops, and sets TCP_NODELAY on its keep-alive connections: QNetworkAccessManager
# sends a POST's headers and body in two writes, and Nagle + the server's delayed ACK stalled every
# request by ~40 ms. "driver CPU" below shows what the driver still takes from the shared cores.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
RECEIPTS=${RECEIPTS:-20000}
CLIENTS=${CLIENTS:-4}
DOWNLOADERS=${DOWNLOADERS:-50}
OVERLAYS=${OVERLAYS:-4}
BATCH=${BATCH:-100}
VERIFICATIONS=${VERIFICATIONS:-40000}
MAX_SECONDS=${MAX_SECONDS:-120}
ROUNDS=${ROUNDS:-3}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt iproute2 util-linux cmake ninja-build g++
  bench_build "$BUILD" "$ROOT" mp2pd mp2p_bench_credit
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-credit.XXXXXX)
trap 'bench_stop_all; rm -rf "$WORK"' EXIT
PORT=17810
RESULTS=()
FAILED=0

# The driver registers and logs in every user from one address: lift those per-address limits.
CONFIG="$WORK/mp2pd.json"
cat >"$CONFIG" <<'JSON'
{"rateLimits": {"registrations-per-address": {"count": 100000, "windowSecs": 60},
                "logins-per-address": {"count": 100000, "windowSecs": 60}}}
JSON

for ((round = 1; round <= ROUNDS; round++)); do
  mkdir -p "$WORK/data-$round"
  bench_start "$WORK/mp2pd-$round.log" "$BUILD/app/mp2pd" --services ums,pams,ixs,oms --listen 127.0.0.1 --port "$PORT" \
    --data-dir "$WORK/data-$round" --config "$CONFIG" --log-level warning
  PID=$BENCH_PID
  bench_wait_port "$PID" "$PORT" 60 || bench_die "mp2pd did not start: $(tail -5 "$WORK/mp2pd-$round.log")"
  OUT="$WORK/bench-$round.txt"
  if ! timeout $((3 * MAX_SECONDS + 120)) "$BUILD/tests/bench/credit/mp2p_bench_credit" --url "http://127.0.0.1:$PORT" \
    --server-pid "$PID" --receipts "$RECEIPTS" --clients "$CLIENTS" --downloaders "$DOWNLOADERS" \
    --overlays "$OVERLAYS" --batch "$BATCH" --verifications "$VERIFICATIONS" --max-seconds "$MAX_SECONDS" >"$OUT" 2>&1; then
    FAILED=1
  fi
  bench_stop "$PID"
  RESULT=$(grep '^RESULT' "$OUT") || bench_die "no RESULT from the driver: $(tail -5 "$OUT")"
  RESULTS+=("$RESULT")
  bench_log "round $round: $(grep -oE 'verify_per_s=[0-9]+|redeem_per_s=[0-9]+|ratio=[0-9.]+|ok=[01]' <<<"$RESULT" | tr '\n' ' ')"
done

field() { sed -E "s/.*[ ^]$1=([^ ]+).*/\1/" <<<" $2"; }
# The round with the median ratio.
MEDIAN=$(for r in "${RESULTS[@]}"; do printf '%s %s\n' "$(field ratio "$r")" "$r"; done | sort -n |
  awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }' | cut -d' ' -f2-)

echo
echo "PAMS credit redemption vs raw Ed25519 verification, $ROUNDS rounds (median round shown)"
echo "load: $RECEIPTS distinct honest receipts, $CLIENTS concurrent uploaders, $DOWNLOADERS downloaders x $OVERLAYS overlays,"
echo "      batches of $BATCH receipts per POST /pams/v1/credit/redeem; mp2pd --services ums,pams,ixs,oms on loopback (unshare -n)"
printf '  raw Ed25519 verify (libsodium, 1 core): %8s /s  (%s us each; before %s, after the load %s)\n' \
  "$(field verify_per_s "$MEDIAN")" "$(field verify_us "$MEDIAN")" "$(field verify_before "$MEDIAN")" "$(field verify_after "$MEDIAN")"
printf '  PAMS redemptions over HTTP:             %8s /s  (%s receipts in %s s; server CPU %s us/receipt, driver CPU %s us/receipt)\n' \
  "$(field redeem_per_s "$MEDIAN")" "$(field receipts "$MEDIAN")" "$(field seconds "$MEDIAN")" \
  "$(field server_cpu_us_per_receipt "$MEDIAN")" "$(field driver_cpu_us_per_receipt "$MEDIAN")"
echo "  ratio redemptions/verifications: $(field ratio "$MEDIAN")  (goal >= 0.5; rounds: $(for r in "${RESULTS[@]}"; do printf '%s ' "$(field ratio "$r")"; done))"
echo "  CPU ratio (verify CPU us $(field verify_cpu_us "$MEDIAN") / server CPU us per receipt): $(field cpu_ratio "$MEDIAN")" \
  "(rounds: $(for r in "${RESULTS[@]}"; do printf '%s ' "$(field cpu_ratio "$r")"; done); less sensitive to other load)"
echo "  checks: accepted $(field accepted "$MEDIAN")/$(field receipts "$MEDIAN"), rejected $(field rejected "$MEDIAN")," \
  "credited $(field credited "$MEDIAN") of $(field expected "$MEDIAN") expected, balances $(field balances "$MEDIAN")," \
  "HTTP errors $(field http_errors "$MEDIAN"), timed out $(field timed_out "$MEDIAN")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores: the driver shares them with mp2pd)"
if [ "$FAILED" -ne 0 ]; then
  echo "WARNING: a round failed its checks (see above)"
  exit 1
fi
