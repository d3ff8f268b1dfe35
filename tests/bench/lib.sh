# shellcheck shell=bash
# Shared by run-tracker.sh and run-ixs-search.sh (sourced, not run).
# Every process is started in the background and stopped by its PID; every wait is bounded.

BENCH_PIDS=()

bench_log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
bench_die() { bench_log "FAILED: $*"; exit 1; }

# Installs Debian packages that are missing (apt-get update only when something is).
bench_apt() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || bench_die "run as root to install: ${missing[*]}"
  bench_log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures $1 (Release) if it has no build files yet, then builds the named targets.
bench_build() {
  local build=$1 root=$2
  shift 2
  if [ ! -f "$build/CMakeCache.txt" ]; then
    bench_log "configuring $build (Release)"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  bench_log "building $*"
  cmake --build "$build" --target "$@" -j2 >/dev/null || bench_die "build of $* failed (run cmake --build $build --target $* to see why)"
}

# Re-runs the calling script inside a private network namespace that has only `lo`, so no
# benchmark traffic can leave the machine (needs root: unshare -n).
bench_enter_netns() {
  local script=$1
  shift
  [ "$(id -u)" -eq 0 ] || bench_die "unshare -n needs root"
  exec env MP2P_BENCH_IN_NETNS=1 unshare -n bash "$script" "$@"
}

bench_in_netns() { [ "${MP2P_BENCH_IN_NETNS:-}" = 1 ]; }

# Starts a command in the background with its output in a log file; its PID is left in
# BENCH_PID (not printed: a $(...) subshell would own the process, and `wait` could not reap it).
bench_start() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 &
  BENCH_PID=$!
  BENCH_PIDS+=("$BENCH_PID")
}

# SIGTERM, then SIGKILL after 10 s; always by PID.
bench_stop() {
  local pid=$1 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

bench_stop_all() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    bench_stop "$pid"
  done
  BENCH_PIDS=()
}

# Waits (at most $3 seconds) until 127.0.0.1:$2 accepts connections while PID $1 lives.
bench_wait_port() {
  local pid=$1 port=$2 seconds=${3:-30} i
  for ((i = 0; i < seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  return 1
}

# x / y with two decimals (awk, since bash has no floating point).
bench_ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else printf "n/a" }'; }
