#!/usr/bin/env bash
# Runs actorscope-bench beside the anchor benchmarks (the BEAM and the C++ Actor Framework, from
# ../shared/anchors/run) in one run on this machine, and prints one table: every figure is "lower
# is better"; the last column says whether Actorscope beats both.
# Usage: scripts/bench-compare.sh [--threads N]   (default 2, as the anchors use: +S 2, max-threads 2)
# Env: BUILD_DIR (default build), ANCHORS (default ../shared/anchors/run), RAW (file to keep all JSON lines)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=2
[ "${1:-}" = "--threads" ] && threads=$2
BUILD_DIR=${BUILD_DIR:-build}
anchors=${ANCHORS:-../shared/anchors/run}
[ -x "$BUILD_DIR/tests/bench/actorscope-bench" ] || bash scripts/setup.sh >&2
[ -f "$anchors" ] || { echo "bench-compare: anchors not found at $anchors" >&2; exit 1; }
raw=${RAW:-$(mktemp)}
: > "$raw"
echo "running actorscope-bench --threads $threads ..." >&2
# The anchors measure the runtime only: leave out the GUI benches (gui_*, observer_*).
only=$("$BUILD_DIR/tests/bench/actorscope-bench" --list | grep -v -E '^(gui_|observer_)' | paste -sd, -)
"$BUILD_DIR/tests/bench/actorscope-bench" --threads "$threads" --only "$only" | sed 's/^{/{"system":"actorscope",/' | tee -a "$raw" >&2
echo "running the anchors (BEAM, CAF) ..." >&2
bash "$anchors" | tee -a "$raw" >&2
awk '
  match($0, /"system":"[^"]*"/) { s = substr($0, RSTART + 10, RLENGTH - 11) }
  match($0, /"bench":"[^"]*"/)  { b = substr($0, RSTART + 9, RLENGTH - 10) }
  match($0, /"value":[-0-9.e+]*/) { v = substr($0, RSTART + 8, RLENGTH - 8) }
  match($0, /"unit":"[^"]*"/)   { u = substr($0, RSTART + 8, RLENGTH - 9) }
  { if (!(b in seen)) { order[n++] = b; seen[b] = 1 }; val[s, b] = v; unit[b] = u }
  END {
    printf "%-28s %6s %12s %12s %12s  %s\n", "bench", "unit", "actorscope", "beam", "caf", "beats both"
    for (i = 0; i < n; i++) {
      b = order[i]; a = val["actorscope", b]; e = val["beam", b]; c = val["caf", b]
      verdict = (a == "") ? "n/a" : ((e == "" || a + 0 < e + 0) && (c == "" || a + 0 < c + 0)) ? "yes" : "NO"
      printf "%-28s %6s %12s %12s %12s  %s\n", b, unit[b], a, (e == "" ? "-" : e), (c == "" ? "-" : c), verdict
    }
  }' "$raw"
