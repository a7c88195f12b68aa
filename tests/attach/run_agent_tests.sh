#!/bin/sh
# Compiles actorscope_agent and its tests into a temporary directory and runs them.
# Exit status: the tests' (0 all passed, 1 a failure); 2 when compiling fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/actorscope_agent_tests.XXXXXX") || exit 2
trap 'rm -rf "$out"' EXIT INT TERM
erlc +warnings_as_errors -o "$out" "$root/runtime/src/attach/actorscope_agent.erl" || exit 2
erlc +warnings_as_errors -o "$out" "$here/actorscope_agent_tests.erl" || exit 2
erl -noshell -pa "$out" -eval 'actorscope_agent_tests:run()'
