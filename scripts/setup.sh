#!/usr/bin/env bash
# Installs the Debian 12 packages Actorscope needs (only those missing), then configures and
# builds the project with CMake + Ninja. Idempotent: a second run installs nothing and rebuilds
# only what changed.
#
# Environment:
#   BUILD_DIR        build directory (default: build)
#   CMAKE_ARGS       extra arguments for the configure step, e.g. "-DACTORSCOPE_SANITIZE=address"
#   ACTORSCOPE_SKIP_APT=1  do not check or install packages
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"

# Keep this list in sync with README.md ("Dependencies").
PACKAGES=(
  build-essential     # g++ (C++20), make, libc headers
  cmake               # build system (>= 3.22)
  ninja-build         # build tool
  qt6-base-dev        # Qt Core, Gui, Widgets, Test + CMake config
  qt6-base-dev-tools  # moc, rcc, uic
  qt6-charts-dev      # Qt Charts (views)
  libqt6opengl6-dev   # Qt OpenGL: Qt6Charts' CMake package requires it (qt6-charts-dev only recommends it)
  qt6-svg-dev         # Qt Svg; pulls libqt6svg6 whose plugins load the SVG icon
  libgl-dev           # OpenGL headers Qt6Gui's CMake config looks for
  qt6-qpa-plugins     # platform plugins: xcb (desktop) and offscreen (headless tests)
  xvfb                # virtual X server for screenshot tests (xvfb-run)
  xauth               # needed by xvfb-run
  fonts-dejavu-core   # a font, so offscreen and Xvfb rendering have glyphs
  fonts-wqy-microhei  # CJK glyphs for the Chinese translation (--lang zh_CN)
  qt6-l10n-tools      # lrelease (and lupdate): the translations' .ts -> .qm at build time
  qt6-tools-dev       # Qt6LinguistTools' CMake package (qt_add_lrelease)
  qt6-translations-l10n  # Qt's own translations (standard buttons and dialogs in ru, zh_CN)
  ffmpeg              # File > Export animation as MP4 or GIF
  erlang-dev          # erl_interface (ei): attaching to a live node as a hidden C node
  erlang-base         # erlc (the agent module is compiled at build time), epmd, erl
  erlang-nox          # the attach tests start real Erlang nodes (supervisors, sasl)
  elixir              # the attach tests start an Elixir node; the console on an attached node speaks Elixir
)

fail() {
  echo "setup.sh: error: $*" >&2
  exit 1
}

if [[ "${ACTORSCOPE_SKIP_APT:-0}" != 1 ]]; then
  missing=()
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]})); then
    echo "setup.sh: installing missing packages: ${missing[*]}"
    SUDO=()
    if [[ $(id -u) -ne 0 ]]; then
      command -v sudo >/dev/null 2>&1 ||
        fail "not root and sudo is not available; install as root: apt-get install ${missing[*]}"
      SUDO=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q ||
      fail "apt-get update failed (network? sources.list?)"
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}" || fail "apt-get install failed for: ${missing[*]}"
  else
    echo "setup.sh: all ${#PACKAGES[@]} packages present"
  fi
fi

echo "setup.sh: configuring in $BUILD_DIR"
# shellcheck disable=SC2086  # CMAKE_ARGS is intentionally word-split
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-} ||
  fail "CMake configure failed (see above). If the generator changed, remove $BUILD_DIR and retry."

echo "setup.sh: building in $BUILD_DIR"
cmake --build "$BUILD_DIR" || fail "build failed (see the compiler errors above)"
echo "setup.sh: build OK ($BUILD_DIR)"
