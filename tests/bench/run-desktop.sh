#!/usr/bin/env bash
# Desktop benchmark (issue 6). Idle cost of seeding the same 100 small torrents for 60 s:
#   mp2p-desktop (Xvfb)  vs  Debian's qbittorrent (Xvfb)
#   mp2p daemon          vs  Debian's qbittorrent-nox
# Prints mean RSS (MiB) and CPU % for each program and the ratio mp2p / qBittorrent (goal <= 1.0).
# Then the time from "Play" to the first decoded video frame on loopback (goal <= 2 s).
# Everything runs inside `unshare -n` (only lo); qBittorrent has DHT, LSD, UPnP/NAT-PMP and PeX off.
# The mp2p programs talk to one external mp2pd (started here, not measured), so every measured
# process does only peer work. Each program is measured alone (one after the other).
# Usage (as root on Debian 12): tests/bench/run-desktop.sh [build folder, default build-bench]
# Knobs: COUNT=100 SIZE_KIB=256 SECONDS_IDLE=120 SETTLE=20 ROUNDS=5. About 11 minutes after the build.
# CPU % is the sum of every thread's time on a CPU (schedstat, nanoseconds) over the window.
# ONLY=desktop or ONLY=daemon measures that mp2p program alone (no baseline, no ratio): a quick check
# while tuning; ONLY=gui measures the desktop pair, ONLY=headless the daemon pair (with ratios). THREADS=1 also prints, per thread, its CPU ticks and wake-ups (context switches) in
# the window: where idle time goes. PERF=1 also records a perf profile of the window into
# <build>/bench-desktop-<program>.perf (look at it with `perf report -i FILE`).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=$(realpath -m "${1:-$ROOT/build-bench}")
COUNT=${COUNT:-100}
SIZE_KIB=${SIZE_KIB:-256}
SECONDS_IDLE=${SECONDS_IDLE:-120}
SETTLE=${SETTLE:-20}
ROUNDS=${ROUNDS:-5}
ONLY=${ONLY:-all}
case "$ONLY" in
  all) STAGES="desktop qbt daemon nox play" ;;
  desktop) STAGES="desktop" ;;
  daemon) STAGES="daemon" ;;
  gui) STAGES="desktop qbt" ;;
  headless) STAGES="daemon nox" ;;
  *) echo "ONLY must be all, desktop, daemon, gui or headless" >&2; exit 2 ;;
esac
want() { [[ " $STAGES " == *" $1 "* ]]; }
THREADS=${THREADS:-0}
PERF=${PERF:-0}
# shellcheck source=lib.sh
source "$HERE/lib.sh"

if ! bench_in_netns; then
  bench_apt qbittorrent qbittorrent-nox xvfb xauth curl iproute2 util-linux cmake ninja-build g++
  if ! want play; then
    bench_build "$BUILD" "$ROOT" mp2pd mp2p mp2p-desktop mp2p_bench_desktop_setup
  else
    bench_build "$BUILD" "$ROOT" mp2pd mp2p mp2p-desktop mp2p_bench_desktop_setup mp2p_bench_playlatency
  fi
  bench_enter_netns "${BASH_SOURCE[0]}" "$BUILD"
fi

# ---- from here on: inside `unshare -n`, only loopback exists ----
ip link set lo up
WORK=$(mktemp -d /tmp/mp2p-bench-desktop.XXXXXX)
LOGS="$BUILD/bench-desktop-logs"
cleanup() {
  bench_stop_all
  rm -rf "$LOGS" && mkdir -p "$LOGS"
  cp "$WORK"/*.log "$LOGS/" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
TICKS=$(getconf CLK_TCK)

# One Xvfb for both desktop programs (they run one after the other).
DISPLAY_NUM=97
bench_start "$WORK/xvfb.log" Xvfb ":$DISPLAY_NUM" -screen 0 1280x1024x24 -nolisten tcp
XVFB_PID=$BENCH_PID
for ((i = 0; i < 100; i++)); do [ -S "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
[ -S "/tmp/.X11-unix/X$DISPLAY_NUM" ] || bench_die "Xvfb did not start (see $LOGS/xvfb.log)"

# ---- the provider and the content ----
bench_start "$WORK/mp2pd.log" "$BUILD/app/mp2pd" --listen 127.0.0.1 --port 0 --port-file "$WORK/mp2pd.port" \
  --data-dir "$WORK/mp2pd" --log-level warning
MP2PD_PID=$BENCH_PID
for ((i = 0; i < 300; i++)); do [ -s "$WORK/mp2pd.port" ] && break; sleep 0.1; done
[ -s "$WORK/mp2pd.port" ] || bench_die "mp2pd did not start"
PROVIDER="http://127.0.0.1:$(cat "$WORK/mp2pd.port")"
bench_log "publishing $COUNT torrents of $SIZE_KIB KiB at $PROVIDER"
timeout 600 "$BUILD/tests/bench/desktop/mp2p_bench_desktop_setup" --provider "$PROVIDER" --work "$WORK" \
  --count "$COUNT" --size-kib "$SIZE_KIB" >"$WORK/setup.log" 2>&1 || bench_die "setup failed: $(tail -3 "$WORK/setup.log")"
[ "$(find "$WORK/torrents" -name '*.torrent' | wc -l)" -eq "$COUNT" ] || bench_die "expected $COUNT .torrent files"

# ---- measuring: mean RSS over the window and CPU % (utime+stime) ----
# thread_sample PID → one line per thread: "tid name cpu_ns switches" (schedstat: nanoseconds on a
# CPU, so an idle thread's few milliseconds are not lost to 10 ms clock ticks; voluntary+involuntary).
thread_sample() {
  local t
  for t in /proc/"$1"/task/*; do
    awk -v tid="${t##*/}" -v pid="$1" -v name="$(tr ' ' _ <"$t/comm")" '
      FILENAME ~ /schedstat$/ { ns = $1 }
      /ctxt_switches/ { sw += $2 }
      END { print tid, (tid == pid ? "main:" : "") name, ns, sw }' "$t/schedstat" "$t/status" 2>/dev/null || true
  done
}
# thread_report BEFORE AFTER SECONDS → the busiest threads first (threads that came or went in
# between are left out).
thread_report() {
  join <(sort "$1") <(sort "$2") | awk -v s="$3" '{ printf "  %-22s %7.3f%% CPU %7.1f wake-ups/s\n", $2, ($6 - $3) / 1e9 / s * 100, ($7 - $4) / s }' |
    sort -k2 -rn
}

measure() {
  local name=$1 pid=$2 t0 t1 sum=0 n=0 rss i window ticks_cpu
  bench_log "$name (pid $pid): settling ${SETTLE}s, then measuring ${SECONDS_IDLE}s"
  sleep "$SETTLE"
  kill -0 "$pid" 2>/dev/null || bench_die "$name exited before the measurement (see its log in $LOGS)"
  t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  thread_sample "$pid" >"$WORK/threads0"
  if [ "$PERF" = 1 ]; then
    perf record -q -F 2000 --call-graph dwarf,16384 -p "$pid" -o "$BUILD/bench-desktop-${name// /-}.perf" -- sleep "$SECONDS_IDLE" >/dev/null 2>&1 &
  fi
  for ((i = 0; i < SECONDS_IDLE / 2; i++)); do
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    sum=$((sum + rss)); n=$((n + 1))
    sleep 2
  done
  kill -0 "$pid" 2>/dev/null || bench_die "$name exited during the measurement"
  t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  thread_sample "$pid" >"$WORK/threads1"
  window=$((SECONDS_IDLE / 2 * 2))
  if [ "$THREADS" = 1 ]; then
    echo "$name, per thread:"
    thread_report "$WORK/threads0" "$WORK/threads1" "$window"
  fi
  M_RSS=$(awk -v s="$sum" -v n="$n" 'BEGIN { printf "%.1f", s / n / 1024 }')
  # CPU: nanoseconds on a CPU of every thread (schedstat) — threads alive at both ends count
  # their difference, threads born in the window all of theirs. At idle a program uses a few
  # 10 ms clock ticks a minute, too coarse for a ratio; the tick count is logged as a check.
  M_CPU=$(awk -v t="$window" '
    NR == FNR { before[$1] = $3; next }
    { total += ($1 in before) ? $3 - before[$1] : $3 }
    END { printf "%.3f", total / 1e9 / t * 100 }' "$WORK/threads0" "$WORK/threads1")
  ticks_cpu=$(awk -v d="$((t1 - t0))" -v hz="$TICKS" -v t="$window" 'BEGIN { printf "%.2f", d / hz / t * 100 }')
  bench_log "$name: RSS $M_RSS MiB, CPU $M_CPU % (clock ticks: $ticks_cpu %)"
}

# A private copy of the seed's state for each mp2p program (one peer per data folder).
mp2p_state() { rm -rf "$1" && mkdir -p "$(dirname "$1")" && cp -r "$WORK/mp2p-state" "$1"; }

# ---- qBittorrent: a profile with DHT/LSD/UPnP/PeX off and the Web API on 127.0.0.1 ----
qbt_profile() {
  local dir=$1 webport=$2 peerport=$3
  mkdir -p "$dir/qBittorrent/config"
  cat >"$dir/qBittorrent/config/qBittorrent.conf" <<CONF
[LegalNotice]
Accepted=true

[BitTorrent]
Session\\DHTEnabled=false
Session\\LSDEnabled=false
Session\\PeXEnabled=false
Session\\Port=$peerport
Session\\Interface=lo
Session\\InterfaceName=lo
Session\\QueueingSystemEnabled=false
Session\\AddTorrentPaused=false

[Network]
PortForwardingEnabled=false

[Preferences]
Bittorrent\\DHT=false
Bittorrent\\LSD=false
Bittorrent\\PeX=false
Connection\\UPnP=false
General\\Locale=en
General\\CloseToTray=false
General\\MinimizeToTray=false
General\\StartMinimized=false
General\\NoSplashScreen=true
WebUI\\Enabled=true
WebUI\\Address=127.0.0.1
WebUI\\Port=$webport
WebUI\\LocalHostAuth=false
WebUI\\CSRFProtection=false
WebUI\\HostHeaderValidation=false
CONF
}

# Adds every .torrent through the Web API (data already complete: no hash check) and waits
# until all are listed as seeding.
qbt_add_all() {
  local webport=$1 args=() f i seeding
  bench_wait_port "$2" "$webport" 60 || bench_die "qBittorrent's Web API did not open on $webport"
  for f in "$WORK"/torrents/*.torrent; do args+=(-F "torrents=@$f"); done
  curl -sf --max-time 60 "http://127.0.0.1:$webport/api/v2/torrents/add" "${args[@]}" \
    -F "savepath=$WORK/content" -F "skip_checking=true" >/dev/null || bench_die "adding torrents to qBittorrent failed"
  for ((i = 0; i < 600; i++)); do
    seeding=$(curl -sf --max-time 10 "http://127.0.0.1:$webport/api/v2/torrents/info?filter=completed" | grep -o '"hash"' | wc -l || true)
    [ "$seeding" -ge "$COUNT" ] && break
    sleep 0.5
  done
  [ "$seeding" -ge "$COUNT" ] || bench_die "qBittorrent lists only $seeding of $COUNT torrents as complete"
  bench_log "qBittorrent on $webport seeds $seeding torrents"
}

# ---- 1. mp2p-desktop under Xvfb ----
D_RSS=- D_CPU=- Q_RSS=- Q_CPU=- H_RSS=- H_CPU=- N_RSS=- N_CPU=-
if want desktop; then
export XDG_RUNTIME_DIR="$WORK/xdg-runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
DESKTOP_HOME="$WORK/desktop-home"
mp2p_state "$DESKTOP_HOME/data/mp2p/mp2p-desktop"
mkdir -p "$DESKTOP_HOME/config/mp2p"
cat >"$DESKTOP_HOME/config/mp2p/mp2p-desktop.conf" <<CONF
[firstRun]
done=true

[provider]
mode=url
url=$PROVIDER

[network]
listen=127.0.0.1:0

[transfers]
downloadFolder=$WORK/desktop-downloads

[tray]
closeToTray=false
startMinimised=false
CONF
bench_start "$WORK/mp2p-desktop.log" env DISPLAY=":$DISPLAY_NUM" QT_QPA_PLATFORM=xcb \
  XDG_CONFIG_HOME="$DESKTOP_HOME/config" XDG_DATA_HOME="$DESKTOP_HOME/data" HOME="$DESKTOP_HOME" \
  "$BUILD/app/mp2p-desktop"
PID=$BENCH_PID
measure "mp2p-desktop" "$PID"
D_RSS=$M_RSS D_CPU=$M_CPU
bench_stop "$PID"
fi

# ---- 2. qbittorrent (desktop) under Xvfb ----
if want qbt; then
QBT_HOME="$WORK/qbt-desktop"
qbt_profile "$QBT_HOME" 18081 16881
bench_start "$WORK/qbittorrent.log" env DISPLAY=":$DISPLAY_NUM" QT_QPA_PLATFORM=xcb HOME="$QBT_HOME" \
  qbittorrent --profile="$QBT_HOME" --no-splash
PID=$BENCH_PID
qbt_add_all 18081 "$PID"
measure "qbittorrent" "$PID"
Q_RSS=$M_RSS Q_CPU=$M_CPU
bench_stop "$PID"
fi

# ---- 3. mp2p daemon (headless) ----
if want daemon; then
mp2p_state "$WORK/daemon-state"
bench_start "$WORK/mp2p-daemon.log" env HOME="$WORK/daemon-home" "$BUILD/app/mp2p" daemon --server "$PROVIDER" \
  --data-dir "$WORK/daemon-state" --listen 127.0.0.1:0 --no-utp
PID=$BENCH_PID
measure "mp2p daemon" "$PID"
H_RSS=$M_RSS H_CPU=$M_CPU
bench_stop "$PID"
fi

# ---- 4. qbittorrent-nox ----
if want nox; then
NOX_HOME="$WORK/qbt-nox"
qbt_profile "$NOX_HOME" 18082 16882
bench_start "$WORK/qbittorrent-nox.log" env HOME="$NOX_HOME" qbittorrent-nox --profile="$NOX_HOME"
PID=$BENCH_PID
qbt_add_all 18082 "$PID"
measure "qbittorrent-nox" "$PID"
N_RSS=$M_RSS N_CPU=$M_CPU
bench_stop "$PID"
fi

# ---- 5. Play → first frame ----
PLAY_OUT="(not measured: ONLY=$ONLY)"
if want play; then
bench_log "play-to-first-frame: $ROUNDS rounds"
PLAY_OUT=$(QT_QPA_PLATFORM=offscreen timeout 300 "$BUILD/tests/bench/desktop/mp2p_bench_playlatency" --rounds "$ROUNDS" \
  2>"$WORK/playlatency.log") || bench_die "play latency run failed: $(tail -3 "$WORK/playlatency.log")"
fi
bench_stop "$MP2PD_PID"
bench_stop "$XVFB_PID"

echo
echo "== Idle seeding of $COUNT torrents x $SIZE_KIB KiB, ${SECONDS_IDLE}s after ${SETTLE}s settling (mean RSS, CPU % of one core) =="
printf '%-16s %10s %8s   %-16s %10s %8s   %10s %10s\n' program "RSS MiB" "CPU %" baseline "RSS MiB" "CPU %" "RSS ratio" "CPU ratio"
printf '%-16s %10s %8s   %-16s %10s %8s   %10s %10s\n' mp2p-desktop "$D_RSS" "$D_CPU" qbittorrent "$Q_RSS" "$Q_CPU" \
  "$(bench_ratio "$D_RSS" "$Q_RSS")" "$(bench_ratio "$D_CPU" "$Q_CPU")"
printf '%-16s %10s %8s   %-16s %10s %8s   %10s %10s\n' "mp2p daemon" "$H_RSS" "$H_CPU" qbittorrent-nox "$N_RSS" "$N_CPU" \
  "$(bench_ratio "$H_RSS" "$N_RSS")" "$(bench_ratio "$H_CPU" "$N_CPU")"
echo "(goal: ratios <= 1.00; a CPU ratio of n/a means the baseline used no measurable CPU)"
echo
echo "== Play -> first decoded frame (loopback, download starts at Play) =="
echo "$PLAY_OUT"
