%% The agent's erl_tracer module: its functions are the NIFs of actorscope_tracer.cpp, loaded by
%% the agent (load/2) from a file it writes, then deletes. See actorscope_agent:nif_tracer/1.
-module(actorscope_tracer).
-export([load/2, enabled/3, trace/5, gate/1, budget/2, take_spawns/0, take/0, resume/0]).

%% The library at Path (without ".so"), for the agent Agent (its events go there, and only its
%% flags are served: an earlier agent's are removed).
load(Path, Agent) -> erlang:load_nif(Path, Agent).

enabled(_Tag, _Agent, _Tracee) -> erlang:nif_error(not_loaded).
trace(_Tag, _Agent, _Tracee, _Term, _Opts) -> erlang:nif_error(not_loaded).
gate(_Closed) -> erlang:nif_error(not_loaded).
%% The gate opens; the Nth spawn from now sends the agent {actorscope_tracer, budget_spent, Window}.
budget(_N, _Window) -> erlang:nif_error(not_loaded).
take_spawns() -> erlang:nif_error(not_loaded).
%% {the trace terms kept since the last call, oldest first; whether newer ones were sent as
%% messages because the buffer was full} (the agent's only).
take() -> erlang:nif_error(not_loaded).
%% The messages sent since the buffer was full are in the agent's mailbox: buffer again.
resume() -> erlang:nif_error(not_loaded).
