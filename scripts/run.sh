#!/usr/bin/env bash
# Sets up and builds Actorscope (scripts/setup.sh), then launches the app.
# Arguments are passed to the app, e.g. `scripts/run.sh --scenario NAME` or `scripts/run.sh --help`.
# BUILD_DIR overrides the build directory (default: build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"

bash scripts/setup.sh

app="$BUILD_DIR/app/actorscope"
[[ -x "$app" ]] || { echo "run.sh: error: $app was not built (ACTORSCOPE_BUILD_GUI=OFF?)" >&2; exit 1; }

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  echo "run.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
  echo "run.sh: hint: run it under a virtual X server:  xvfb-run -a scripts/run.sh $*" >&2
  echo "run.sh:       or headless with a screenshot:     QT_QPA_PLATFORM=offscreen scripts/run.sh --screenshot shot.png" >&2
  exit 1
fi

exec "$app" "$@"
