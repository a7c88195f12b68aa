#!/bin/sh
# Compiles actorscope_agent and its tests into a temporary directory and runs them, with an epmd
# of their own (for the case with a second node) on a port no user's node uses.
# Usage: run_agent_tests.sh [TRACER_BEAM TRACER_SO]: with the agent's erl_tracer NIF (built by
# the runtime's CMake), the tests run twice: the agent as the tracer process, then with the NIF.
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
echo "== the agent as the tracer process"
erl -noshell -pa "$out" -eval 'actorscope_agent_tests:run()' || exit $?
if [ $# -ge 2 ]; then
  echo "== the agent with its tracer NIF ($2)"
  ACTORSCOPE_TRACER="$1:$2" erl -noshell -pa "$out" -eval 'actorscope_agent_tests:run()' || exit $?
fi
