#!/usr/bin/env bash
# Sets up and builds Actorscope (scripts/setup.sh), then runs every test with ctest.
# GUI tests run headless (QT_QPA_PLATFORM=offscreen). The exit code is ctest's.
# Environment: BUILD_DIR (default: build), TEST_TIMEOUT seconds per test (default: 300),
# CTEST_ARGS extra ctest arguments (e.g. "-R term").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"

bash scripts/setup.sh

export QT_QPA_PLATFORM=offscreen
status=0
# shellcheck disable=SC2086  # CTEST_ARGS is intentionally word-split
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 --timeout "${TEST_TIMEOUT:-300}" \
  --no-tests=error ${CTEST_ARGS:-} || status=$?
if ((status)); then
  echo "test.sh: ctest failed (exit $status)" >&2
else
  echo "test.sh: all tests passed"
fi
exit "$status"
