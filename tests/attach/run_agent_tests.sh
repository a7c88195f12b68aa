#!/bin/sh
# Compiles actorscope_agent and its tests into a temporary directory and runs them, with an epmd
# of their own (for the case with a second node) on a port no user's node uses.
# Exit status: the tests' (0 all passed, 1 a failure); 2 when compiling fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/actorscope_agent_tests.XXXXXX") || exit 2
ERL_EPMD_PORT=$((45000 + $$ % 2000))
export ERL_EPMD_PORT
cleanup() {
  epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1
  rm -rf "$out"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
erlc +warnings_as_errors -o "$out" "$root/runtime/src/attach/actorscope_agent.erl" || exit 2
erlc +warnings_as_errors -o "$out" "$here/actorscope_agent_tests.erl" || exit 2
epmd -port "$ERL_EPMD_PORT" -daemon -relaxed_command_check >/dev/null 2>&1
erl -noshell -pa "$out" -eval 'actorscope_agent_tests:run()'
