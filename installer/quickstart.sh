#!/usr/bin/env bash
# The README's Quick start: installs what is missing from Debian 12's packages, builds, then
#   demo  runs the headless demo: an embedded P2PSP, one publisher and two downloaders on loopback;
#   test  runs the whole test suite (ctest) in a private network namespace (only `lo`).
# Run as root on Debian 12 (bookworm). Safe to run again: it installs only what is missing.
set -euo pipefail

mode=${1:-demo}
case "$mode" in demo|test) ;; *) echo "usage: $0 demo|test" >&2; exit 2 ;; esac

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${MP2P_BUILD_DIR:-$top/build}

# Every package the build, the app and the tests need; names from Debian 12.
packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6opengl6-dev
  qt6-charts-dev qt6-multimedia-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools libgl-dev
  libtorrent-rasterbar-dev libsodium-dev gstreamer1.0-plugins-base
  xvfb xauth coturn iproute2 util-linux procps nftables curl zlib1g-dev openssl
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root to install packages (apt-get)" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "== building in $build"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMP2P_TEST_MODULES= >/dev/null
cmake --build "$build" -j"$(nproc)"

# CI set to anything but "", "false" or "0" (the same rule as tests/common/testrequire.h).
under_ci() { case "${CI:-}" in ''|false|0) return 1 ;; *) return 0 ;; esac; }

# Runs "$@" with only the loopback interface, so no test can reach another address even by
# mistake (DHT, UPnP, LSD defaults). Outside CI it falls back to the normal namespace where
# unshare is refused; under CI that is an error, since CI must prove the suite stays on loopback.
isolated() {
  if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
    unshare -n bash -c 'ip link set lo up && exec "$@"' isolated "$@"
  elif under_ci; then
    echo "error: cannot create a network namespace (unshare -n needs root, or a container that allows it);" \
         "CI is set, so the tests do not fall back to the host's network" >&2
    return 1
  else
    echo "note: cannot create a network namespace here; running on the host's loopback" >&2
    "$@"
  fi
}

if [ "$mode" = test ]; then
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$build/xdg-runtime}
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  # A test whose prerequisite is missing exits 77 and ctest lists it as "Not Run (Skipped)"
  # (under CI it fails instead). ctest's junit report counts them.
  junit=$build/Testing/quickstart-junit.xml
  rm -f "$junit"
  status=0
  isolated ctest --test-dir "$build" --output-on-failure -j2 --timeout 600 --output-junit "$junit" || status=$?
  if [ -f "$junit" ]; then
    # One <skipped/> element per test that did not run (ctest escapes "<" inside the output).
    skipped=$(grep -c '<skipped' "$junit" || true)
    echo "== tests skipped because a prerequisite is missing (listed above as \"Not Run\"): ${skipped:-0}"
  else
    echo "== no test report was written ($junit): the tests did not run" >&2
    [ "$status" -ne 0 ] || status=1
  fi
  exit "$status"
fi

# demo: one peer publishes a generated sample, two others find it and download it, all on
# this machine with the P2PSP services embedded (no --server); printed step by step.
isolated "$build/app/mp2p" demo
