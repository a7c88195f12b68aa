%% Tests of runtime/src/attach/actorscope_agent.erl against docs/attach-protocol.md.
%%
%% erl -noshell -pa DIR -eval 'actorscope_agent_tests:run()'   (DIR holds both .beam files)
%% Exits the VM with 0 when every step passes, 1 with the failing step and why otherwise.
%% The observer is the test process itself, except in the last session, where it is a process
%% on a second node (peer, loopback) that is killed.
%% With ACTORSCOPE_TRACER=BEAM:SO (the agent's erl_tracer NIF, runtime/src/attach/nif) every
%% session is started with it, as the observer does, and the steps also check the NIF's parts.
-module(actorscope_agent_tests).

-export([run/0]).
-export([init/1, worker_start/1, worker_init/2, remote_observer/1]).  % callbacks

-define(AGENT, actorscope_agent).
-define(WAIT, 10000).           % ms to wait for a condition (events, polls, cleanup)
-define(SUP, actorscope_test_sup).
-define(TRACE_KINDS, [spawn, exit, link, unlink, register, unregister, exit_msg, down_msg]).

run() ->
    {Pid, MRef} = spawn_monitor(fun main/0),
    receive
        {'DOWN', MRef, process, Pid, normal} ->
            io:format("actorscope_agent_tests: all passed~n"),
            halt(0);
        {'DOWN', MRef, process, Pid, {test_failed, Step, Text}} ->
            io:format("~nactorscope_agent_tests: FAILED in step \"~ts\":~n~ts~n", [Step, Text]),
            halt(1);
        {'DOWN', MRef, process, Pid, Why} ->
            io:format("~nactorscope_agent_tests: FAILED: ~tp~n", [Why]),
            halt(1)
    after 280000 ->
        io:format("~nactorscope_agent_tests: FAILED: no end after 280 s~n"),
        halt(1)
    end.

main() ->
    %% supervisor and crash reports of the processes killed on purpose are noise here
    ok = logger:add_primary_filter(actorscope_tests_quiet,
                                   {fun logger_filters:domain/2, {stop, sub, [otp]}}),
    put(events, []),
    put(batches, []),
    Default = erlang:trace_info('receive', match_spec),
    step("nothing is traced before the tests", fun() -> assert_no_flags() end),
    Sup = step("start a supervisor with 3 workers", fun start_tree/0),
    A = step("start and hello", fun start_main/0),
    step("snapshot has the supervision tree", fun() -> check_snapshot(A, Sup) end),
    step("spawn, link, unlink, register, exit events in order", fun() -> check_proc_events(A) end),
    step("an exit traced before its spawn is held for it; alone, it is sent after 1 s",
         fun() -> check_exit_before_spawn(A) end),
    step("a trapping process gets exit_msg; a poll reports trap_exit",
         fun() -> check_exit_msg(A) end),
    step("monitor, demonitor (polls) and down_msg", fun() -> check_monitors(A) end),
    step("exit command kills a child; the supervisor restarts it (spawn, label)",
         fun() -> check_exit_command(A, Sup) end),
    step("send command", fun() -> check_send(A) end),
    step("suspend, info, resume commands", fun() -> check_suspend_info(A) end),
    step("eval erlang", fun() -> check_eval_erlang(A) end),
    step("eval elixir", fun() -> check_eval_elixir(A) end),
    step("a second start gives already_attached", fun() ->
        expect({error, {already_attached, A}}, ?AGENT:start(self(), opts(#{})))
    end),
    step("a load over the running agent (a second observer): it moves to the new copy",
         fun() -> check_reload(A) end),
    step("every batch: Stats events = trace events sent + dropped", fun check_batches/0),
    step("detach command cleans up; a process eval spawned lives on",
         fun() -> detach_command(A, Default) end),
    step("read_only refuses all but info, poll_first and detach; rate limit counts drops",
         fun() -> check_read_only(Default) end),
    step("a spawn storm: the mailbox stays bounded, every event is counted",
         fun() -> check_storm(Default) end),
    step("a storm that lasts: a burst of max_events_per_s, then the sustained rate",
         fun() -> check_sustained_rate(Default) end),
    step("the observer process ends: the agent cleans up", fun() -> check_observer_down(Default) end),
    step("another tracer: tracer_busy, and the module unloads", fun check_tracer_busy/0),
    [step("the agent killed: its NIF removes the flags as they fire, a new agent attaches",
          fun() -> check_agent_killed(Default) end) || nif_mode()],
    [step("the NIF's buffer overflows while the agent is held: every life is reported, spawn first",
          fun() -> check_overflow(Default) end) || nif_mode()],
    step("observer on a second node, node killed: the agent cleans up",
         fun() -> check_remote_observer(Default) end),
    unlink(Sup),
    exit(Sup, shutdown),
    ok.

%% ---------------------------------------------------------------------------------------------
%% Steps

start_tree() ->
    {ok, Sup} = supervisor:start_link({local, ?SUP}, ?MODULE, sup),
    Sup.

start_main() ->
    {ok, A} = ?AGENT:start(self(), opts(#{})),
    expect(A, whereis(?AGENT)),
    Hello = recv(A, hello),
    #{node := N, otp := Otp, elixir := Ex, nodes := Nodes, read_only := false, now := Now,
      processes := Count, tracer := Tracer} = Hello,
    case nif_mode() of
        true ->
            expect(nif, Tracer),
            expect({tracer, {actorscope_tracer, A}}, erlang:trace_info(new, tracer));
        false ->
            expect(process, Tracer),
            expect({tracer, A}, erlang:trace_info(new, tracer))
    end,
    expect(node(), N),
    expect(erlang:system_info(otp_release), Otp),
    true = is_boolean(Ex) andalso is_list(Nodes) andalso is_integer(Now) andalso Count > 10,
    A.

check_snapshot(A, Sup) ->
    Procs = snapshot(A),
    ByPid = maps:from_list([{P, M} || #{pid := P} = M <- Procs]),
    is_map_key(A, ByPid) andalso fail("the agent is in its own snapshot", []),
    #{Sup := S} = ByPid,
    #{supervisor := true, name := ?SUP, initial_call := {supervisor, ?MODULE, 1},
      parent := Parent, trap_exit := true} = S,
    expect(self(), Parent),
    Workers = [{Id, whereis(worker_name(Id))} || Id <- [w1, w2, w3]],
    [begin
         #{W := M} = ByPid,
         #{parent := Sup, links := [Sup], supervisor := false,
           initial_call := {?MODULE, worker_init, 2}, name := Name} = M,
         expect(worker_name(Id), Name),
         true = lists:member(W, maps:get(links, S)),
         [expect(true, maps:is_key(K, M))
          || K <- [monitors, monitored_by, message_queue_len, status, reductions, memory]]
     end || {Id, W} <- Workers],
    true = lists:member(self(), maps:get(links, S)),
    #{label := undefined} = maps:get(self(), ByPid),
    %% Child ids follow the picture as label events (a slow supervisor never holds it up).
    get(events) =:= undefined andalso clear_events(),
    Labels = await(A, "child ids as label events",
                   fun(Evs) ->
                           L = maps:from_list([{P, Id} || {label, P, Id, _} <- Evs, Id =/= undefined]),
                           case lists:all(fun({Id, W}) -> maps:get(W, L, none) =:= Id end, Workers) of
                               true -> {true, L};
                               false -> false
                           end
                   end),
    false = is_map_key(self(), Labels),
    ok.

check_proc_events(A) ->
    Self = self(),
    W = spawn(fun() ->
                      receive {reg, N} -> register(N, self()) end,
                      receive stop -> ok end
              end),
    link(W),
    unlink(W),
    link(W),
    W ! {reg, actorscope_test_w},
    W ! stop,
    Patterns = [{spawn, '_', W, Self, {erlang, apply, 2}},
                {link, '_', Self, W},
                {unlink, '_', Self, W},
                {link, '_', Self, W},
                {register, '_', W, actorscope_test_w},
                {exit, '_', W, normal},
                {unregister, '_', W, actorscope_test_w}],
    Found = await(A, "the events of W in order", fun(Es) -> in_order(Patterns, Es) end),
    Ts = [element(2, E) || E <- Found],
    expect(Ts, lists:sort(Ts)),
    Now = erlang:monotonic_time(nanosecond),
    [true = is_integer(T) andalso T =< Now andalso Now - T < 60000000000 || T <- Ts],
    ok.

%% Trace messages of two processes are not ordered: a short-lived child's exit can reach the
%% agent before its parent's spawn. Injected here (two pids no process has), the exit must come
%% after the spawn, not before it (the observer would ignore it and keep the process for ever).
check_exit_before_spawn(A) ->
    Self = self(),
    [C1, C2] = [list_to_pid(S) || S <- ["<0.32001.8000>", "<0.32002.8000>"]],
    false = is_process_alive(C1) orelse is_process_alive(C2),
    TS = erlang:monotonic_time(),
    clear_events(),
    A ! {trace_ts, C1, exit, normal, TS + 2},
    A ! {trace_ts, Self, spawn, C1, {erlang, apply, [fun() -> ok end, []]}, TS + 1},
    Found = await(A, "C1's spawn and exit",
                  fun(Es) -> in_order([{spawn, '_', C1, Self, {erlang, apply, 2}},
                                       {exit, '_', C1, normal}], Es) end),
    expect(2, length([E || E <- events(), lists:member(C1, tuple_to_list(E))])),
    [] = [E || E <- events(), element(1, E) =:= exit, element(3, E) =:= C1,
               E =/= lists:last(Found)],
    %% an exit whose spawn never comes (a process the agent never saw) is sent late, not lost
    T0 = erlang:monotonic_time(millisecond),
    A ! {trace_ts, C2, exit, killed, TS + 3},
    await(A, "C2's exit", fun(Es) -> in_order([{exit, '_', C2, killed}], Es) end),
    Late = erlang:monotonic_time(millisecond) - T0,
    Late >= 900 orelse fail("C2's exit came after ~p ms, before its spawn could", [Late]),
    ok.

check_exit_msg(A) ->
    Self = self(),
    Tp = spawn(fun() ->
                       process_flag(trap_exit, true),
                       C = spawn_link(fun() -> exit(boom) end),
                       Self ! {child, self(), C},
                       receive stop -> ok end
               end),
    C = receive {child, Tp, C0} -> C0 after ?WAIT -> fail("no child", []) end,
    ok = cmd(A, {poll_first, [Tp]}),
    await(A, "exit_msg", fun(Es) ->
        in_order([{link, '_', Tp, C}, {exit, '_', C, boom}, {exit_msg, '_', Tp, C, boom}], Es)
    end),
    await(A, "trap_exit from a poll", fun(Es) -> in_order([{trap_exit, '_', Tp, true}], Es) end),
    Tp ! stop.

check_monitors(A) ->
    Self = self(),
    Target = spawn(fun sink/0),
    Mp = spawn(fun() ->
                       Ref = monitor(process, Target),
                       Self ! {monitoring, self(), Ref},
                       receive {'DOWN', Ref, process, Target, _} -> ok end,
                       receive stop -> ok end
               end),
    Ref = receive {monitoring, Mp, R} -> R after ?WAIT -> fail("no monitor", []) end,
    ok = cmd(A, {poll_first, [Mp]}),
    await(A, "monitor from a poll", fun(Es) -> in_order([{monitor, '_', Mp, Target}], Es) end),
    exit(Target, kill),
    await(A, "down_msg", fun(Es) -> in_order([{down_msg, '_', Mp, Ref, Target, killed}], Es) end),
    %% demonitor while the target lives
    Target2 = spawn(fun sink/0),
    Mp2 = spawn(fun() ->
                        Ref2 = monitor(process, Target2),
                        Self ! {monitoring, self(), Ref2},
                        receive demonitor -> demonitor(Ref2) end,
                        receive stop -> ok end
                end),
    receive {monitoring, Mp2, _} -> ok after ?WAIT -> fail("no monitor 2", []) end,
    ok = cmd(A, {poll_first, [Mp, Mp2]}),
    await(A, "monitor 2 from a poll", fun(Es) -> in_order([{monitor, '_', Mp2, Target2}], Es) end),
    Mp2 ! demonitor,
    await(A, "demonitor from a poll",
          fun(Es) -> in_order([{demonitor, '_', Mp2, Target2}], Es) end),
    %% a monitor that fired is not a demonitor
    [fail("fired monitor reported as demonitor: ~p", [E])
     || {demonitor, _, P, _} = E <- events(), P =:= Mp],
    [P ! stop || P <- [Mp, Mp2, Target2]],
    ok.

check_exit_command(A, Sup) ->
    W2 = whereis(worker_name(w2)),
    ok = cmd(A, {exit, W2, {test_kill, 1}}),
    [_, {spawn, _, New, Sup, {proc_lib, init_p, 5}}] =
        await(A, "exit of w2, then the supervisor's spawn", fun(Es) ->
            in_order([{exit, '_', W2, {test_kill, 1}}, {spawn, '_', '_', Sup, '_'}], Es)
        end),
    wait_until("w2 restarted", fun() ->
        lists:keyfind(w2, 1, supervisor:which_children(Sup)) =:= {w2, New, worker, [?MODULE]}
    end),
    ok = cmd(A, {poll_first, [New]}),
    await(A, "label of the new w2",
          fun(Es) -> in_order([{label, New, w2, {?MODULE, worker_init, 2}}], Es) end),
    expect({error, noproc}, cmd(A, {exit, W2, kill})),
    expect({error, agent}, cmd(A, {exit, A, kill})),
    ok.

check_send(A) ->
    W1 = whereis(worker_name(w1)),
    ok = cmd(A, {send, W1, {echo, self(), hello}}),
    receive {echo_reply, W1, hello} -> ok after ?WAIT -> fail("no echo by pid", []) end,
    ok = cmd(A, {send, worker_name(w1), {echo, self(), by_name}}),
    receive {echo_reply, W1, by_name} -> ok after ?WAIT -> fail("no echo by name", []) end,
    expect({error, noproc}, cmd(A, {send, actorscope_no_such_name, x})),
    ok.

check_suspend_info(A) ->
    W1 = whereis(worker_name(w1)),
    ok = cmd(A, {suspend, W1}),
    expect({status, suspended}, process_info(W1, status)),
    W1 ! {echo, self(), queued},
    {ok, {Items, Msgs}} = cmd(A, {info, W1}),
    Self = self(),
    [{echo, Self, queued}] = Msgs,
    expect(suspended, proplists:get_value(status, Items)),
    [true = lists:keymember(K, 1, Items) orelse fail("info lacks ~p: ~p", [K, Items])
     || K <- [current_function, initial_call, links, dictionary, monitors, monitored_by,
              memory, current_stacktrace, reductions, message_queue_len]],
    true = lists:keymember('$initial_call', 1, proplists:get_value(dictionary, Items)),
    receive {echo_reply, W1, queued} -> fail("a suspended process answered", []) after 0 -> ok end,
    ok = cmd(A, {resume, W1}),
    receive {echo_reply, W1, queued} -> ok after ?WAIT -> fail("no echo after resume", []) end,
    expect({error, not_suspended}, cmd(A, {resume, W1})),
    Dead = spawn(fun() -> ok end),
    wait_until("a process ends", fun() -> not is_process_alive(Dead) end),
    expect({error, noproc}, cmd(A, {info, Dead})),
    expect({error, noproc}, cmd(A, {suspend, Dead})),
    ok.

check_eval_erlang(A) ->
    {ok, {"42", [{'X', 41}]}} = cmd(A, {eval, erlang, "X + 1.", [{'X', 41}]}),
    {ok, {"42", Bs}} = cmd(A, {eval, erlang, "Y = 6 * 7, Y", []}),
    expect({'Y', 42}, lists:keyfind('Y', 1, Bs)),
    {ok, {"<<\"abc\">>", _}} = cmd(A, {eval, erlang, <<"list_to_binary(\"abc\").">>, []}),
    {ok, {"[1,2]", _}} = cmd(A, {eval, erlang, "lists:seq(1, 2).", []}),
    {error, "** exception error: an error occurred when evaluating an arithmetic expression"
     ++ _} = cmd(A, {eval, erlang, "1 / 0.", []}),
    {error, "** exception exit: bye"} = cmd(A, {eval, erlang, "exit(bye).", []}),
    {error, "** exception throw: ball"} = cmd(A, {eval, erlang, "throw(ball).", []}),
    expect({error, "* 1:5: syntax error before: '.'"}, cmd(A, {eval, erlang, "1 + .", []})),
    expect({error, "* 1:1: variable 'Z' is unbound"}, cmd(A, {eval, erlang, "Z + 1.", []})),
    {error, "* 1:5: unterminated string" ++ _} = cmd(A, {eval, erlang, "1 + \"abc", []}),
    {ok, {Pid, _}} = cmd(A, {eval, erlang, "pid(0, 1, 0).", []}),
    expect(Pid, lists:flatten(io_lib:format("~p", [c:pid(0, 1, 0)]))),
    %% a process the evaluation leaves behind, with a fun that calls a shell command
    {ok, {Kept, _}} = cmd(A, {eval, erlang,
                              "spawn(fun() -> receive {stop, To} -> To ! {kept, pid(0, 1, 0)} end"
                              " end).", []}),
    put(eval_spawned, list_to_pid(Kept)),
    %% what an evaluation prints comes before its reply; what it started prints to the node again
    OutRef = cmd_async(A, {eval, erlang, "io:format(\"hello ~s~n\", [\"world\"]), "
                                         "io:put_chars(<<\"caf\\x{e9}\"/utf8>>), 7.", []}),
    receive {actorscope, A, output, OutRef, Out} -> expect(<<"hello world\ncaf", 16#c3, 16#a9>>, Out)
    after ?WAIT -> fail("no output before the eval's reply", [])
    end,
    {ok, {"7", _}} = reply(A, OutRef, ?WAIT),
    {error, "** exception error: no match" ++ _} = cmd(A, {eval, erlang, "io:format(\"before~n\"), 1 = 2.", []}),
    receive {actorscope, A, output, _, <<"before\n">>} -> ok
    after 0 -> fail("the output of a failed evaluation was lost", [])
    end,
    Node = group_leader(),
    wait_until("the kept process prints to the node again",
               fun() -> process_info(list_to_pid(Kept), group_leader) =:= {group_leader, Node} end),
    %% a long evaluation does not block the agent, and times out after 5 s
    EvalRef = cmd_async(A, {eval, erlang, "receive after 60000 -> ok end.", []}),
    {ok, _} = cmd(A, {info, whereis(worker_name(w1))}),
    receive {actorscope, A, reply, EvalRef, _} -> fail("eval answered before info", [])
    after 0 -> ok
    end,
    {error, "** evaluation timed out" ++ _} = reply(A, EvalRef, ?WAIT),
    ok.

check_eval_elixir(A) ->
    case code:ensure_loaded('Elixir.Code') of
        {module, _} -> ok;
        _ ->
            {error, "** Elixir is not available" ++ _} = cmd(A, {eval, elixir, "1 + 2", []}),
            add_elixir()
    end,
    case application:ensure_all_started(elixir) of
        {ok, _} ->
            {ok, {"3", []}} = cmd(A, {eval, elixir, "1 + 2", []}),
            {ok, {"42", [{x, 41}]}} = cmd(A, {eval, elixir, <<"x + 1">>, [{x, 41}]}),
            {ok, {"\"ab\"", _}} = cmd(A, {eval, elixir, "\"a\" <> \"b\"", []}),
            {error, "** (RuntimeError) boom" ++ _} = cmd(A, {eval, elixir, "raise \"boom\"", []}),
            Ref = cmd_async(A, {eval, elixir, "IO.puts(\"hi\"); IO.inspect(:x); :done", []}),
            receive {actorscope, A, output, Ref, Out} -> expect(<<"hi\n:x\n">>, Out)
            after ?WAIT -> fail("no output of IO.puts", [])
            end,
            {ok, {":done", _}} = reply(A, Ref, ?WAIT),
            ok;
        {error, Why} ->
            io:format("[Elixir not startable here (~p): only the refusal was tested] ", [Why])
    end.

%% Elixir's ebin, found from the elixir executable (EXE/../../lib/elixir/ebin), if installed.
add_elixir() ->
    case os:find_executable("elixir") of
        false ->
            ok;
        Exe ->
            Ebin = filename:join([filename:dirname(filename:dirname(resolve_links(Exe, 10))),
                                  "lib", "elixir", "ebin"]),
            code:add_pathz(Ebin)
    end.

resolve_links(Path, 0) ->
    Path;
resolve_links(Path, N) ->
    case file:read_link(Path) of
        {ok, Target} ->
            resolve_links(filename:absname(Target, filename:dirname(Path)), N - 1);
        {error, _} ->
            Path
    end.

%% What a second observer does: load the module again, then start (already_attached). The next
%% load purges the copy before it: by then (a flush later) the agent must have left it.
check_reload(A) ->
    {ok, Beam} = file:read_file(code:which(?AGENT)),
    Load = fun() ->
                   {module, ?AGENT} = code:load_binary(?AGENT, "actorscope_agent.erl", Beam),
                   wait_until("the agent left the old copy",
                              fun() -> not erlang:check_process_code(A, ?AGENT) end)
           end,
    Load(),
    expect({error, {already_attached, A}}, ?AGENT:start(self(), opts(#{}))),
    Load(),
    Load(),
    true = is_process_alive(A) orelse fail("the agent was killed by a load", []),
    {ok, _} = cmd(A, {info, self()}),
    ok.

detach_command(A, Default) ->
    Ref = cmd_async(A, detach),
    ok = reply(A, Ref, ?WAIT),
    recv(A, detached),
    assert_clean(A, Default),
    %% it lives on, and its shell command does not need the agent's module
    Kept = get(eval_spawned),
    true = is_process_alive(Kept) orelse fail("the detach killed a process eval spawned", []),
    Kept ! {stop, self()},
    Pid010 = c:pid(0, 1, 0),
    receive {kept, Pid010} -> ok after ?WAIT -> fail("the process eval spawned did not answer", []) end,
    expect(false, code:is_loaded(?AGENT)).

check_read_only(Default) ->
    {ok, A} = ?AGENT:start(self(), opts(#{read_only => true, max_events_per_s => 20, batch_ms => 20})),
    #{read_only := true} = recv(A, hello),
    _ = snapshot(A),
    W1 = whereis(worker_name(w1)),
    [expect({error, read_only}, cmd(A, C))
     || C <- [{exit, W1, kill}, {send, W1, x}, {suspend, W1}, {resume, W1},
              {eval, erlang, "1.", []}, {eval, elixir, "1", []}]],
    true = is_process_alive(W1),
    {ok, {_, _}} = cmd(A, {info, W1}),
    ok = cmd(A, {poll_first, [W1]}),
    %% 400 trace events at once against a limit of 20/s
    T0 = erlang:monotonic_time(millisecond),
    clear_events(),
    [spawn(fun() -> ok end) || _ <- lists:seq(1, 200)],
    %% (over the rate the children may not be traced at all: their spawns are what is counted)
    Batches = await_batches(A, "every spawn sent or counted", fun(Bs) ->
        Shown = length([E || {Es, _} <- Bs, E <- Es, element(1, E) =:= spawn]),
        Shown + lists:sum([maps:get(spawn, maps:get(dropped_by_kind, S), 0) || {_, S} <- Bs]) >= 200
    end),
    Secs = (erlang:monotonic_time(millisecond) - T0) div 1000 + 2,
    %% The limit hides new processes (whole lives): at most 20 spawns a second are shown, and a
    %% shown process's exit always follows it.
    Spawns = length([E || {Es, _} <- Batches, E <- Es, element(1, E) =:= spawn]),
    Spawns =< 20 * Secs orelse fail("~p spawns shown in about ~p s over a limit of 20/s", [Spawns, Secs]),
    Sent = length([E || {Es, _} <- Batches, E <- Es, lists:member(element(1, E), ?TRACE_KINDS)]),
    Sent =< 2 * 20 * Secs orelse fail("~p events sent in about ~p s over a limit of 20/s (and their exits)",
                                  [Sent, Secs]),
    [true = maps:get(sampling, S) || {_, S} <- Batches, maps:get(dropped, S) > 0],
    #{spawn := _} = lists:foldl(fun({_, #{dropped_by_kind := K}}, Acc) -> maps:merge(Acc, K) end,
                                #{}, Batches),
    check_batches(),
    %% Over the rate new processes are not traced at all (none of their events would be shown)
    Untraced = untraced_spawn(200),
    Untraced =/= none orelse fail("every new process was traced, over a rate of 20/s", []),
    A ! {detach, self()},
    recv(A, detached),
    assert_clean(A, Default).

%% Two processes spawn as fast as they can for 1.5 s (about a million trace messages here).
untraced_spawn(0) ->
    none;
untraced_spawn(N) ->
    P = spawn(fun() -> receive stop -> ok end end),
    Flags = erlang:trace_info(P, flags),
    P ! stop,
    case Flags of
        {flags, []} -> P;
        _ -> receive after 5 -> untraced_spawn(N - 1) end
    end.

check_storm(Default) ->
    {ok, A} = ?AGENT:start(self(), opts(#{})),
    _ = recv(A, hello),
    _ = snapshot(A),
    clear_events(),
    Self = self(),
    Watch = spawn(fun() -> watch_mailbox(A, 0) end),
    End = erlang:monotonic_time(millisecond) + 1500,
    Spawners = [spawn(fun() -> Self ! {spawned, self(), storm(End, 0)} end) || _ <- [1, 2]],
    N = lists:sum([receive {spawned, S, K} -> K after 60000 -> fail("no storm end", []) end
                   || S <- Spawners]),
    Expected = N + 3,                           % and the watcher and the 2 spawners
    Bs = await_batches(A, "every spawn sent or counted",
                       fun(Bs) -> spawns_accounted(Bs) >= Expected end),
    Watch ! {stop, self()},
    Max = receive {max_mailbox, M} -> M after ?WAIT -> fail("no watcher", []) end,
    Total = spawns_accounted(Bs),
    Overload = lists:any(fun({_, S}) -> maps:get(overload, S) end, Bs),
    io:format("[~p spawns, ~p dropped, agent mailbox at most ~p~ts] ",
              [N, lists:sum([maps:get(dropped, S) || {_, S} <- Bs]), Max,
               [", overload seen" || Overload]]),
    Total - Expected =< 10 orelse fail("~p spawns accounted for ~p", [Total, Expected]),
    Max < 1000000 orelse fail("the agent's mailbox reached ~p", [Max]),
    check_batches(),
    A ! {detach, self()},
    recv(A, detached),
    assert_clean(A, Default).

%% After a quiet spell the agent shows a burst of up to max_events_per_s events; a storm that
%% lasts gets the sustained rate: 500 events a second, or 5 per ms of the node's CPU time. A
%% paced storm of 4000 spawns a second for 4 s (32,000 events) against a limit of 3000 a second:
%% about 3000 + 3 x 500 are sent, where a fixed limit of 3000 a window sends about 12,000.
check_sustained_rate(Default) ->
    Max = 3000,
    {ok, A} = ?AGENT:start(self(), opts(#{max_events_per_s => Max})),
    _ = recv(A, hello),
    _ = snapshot(A),
    clear_events(),
    {Cpu0, _} = erlang:statistics(runtime),
    T0 = erlang:monotonic_time(millisecond),
    N = paced_storm(4000, T0, T0 + 4000, 0),
    Bs = await_batches(A, "every spawn sent or counted", fun(Bs) -> spawns_accounted(Bs) >= N end),
    {Cpu1, _} = erlang:statistics(runtime),
    Secs = (erlang:monotonic_time(millisecond) - T0) div 1000 + 1,
    Sent = length([E || {Es, _} <- Bs, E <- Es, lists:member(element(1, E), [spawn, exit])]),
    Bound = Max + 5 * (Cpu1 - Cpu0) + 500 * (Secs + 1),
    io:format("[~p spawns, ~p spawn and exit events sent in about ~p s, ~p ms of CPU, bound ~p] ",
              [N, Sent, Secs, Cpu1 - Cpu0, Bound]),
    Sent >= Max div 2 orelse fail("only ~p events of the first burst were sent (limit ~p)", [Sent, Max]),
    Sent =< Bound orelse fail("~p events sent in about ~p s: over the sustained rate (bound ~p)", [Sent, Secs, Bound]),
    check_batches(),
    A ! {detach, self()},
    recv(A, detached),
    assert_clean(A, Default).

%% Spawns Rate short-lived processes a second until End (10 ms slices); returns how many.
paced_storm(Rate, Start, End, Done) ->
    Now = erlang:monotonic_time(millisecond),
    case Now >= End of
        true -> Done;
        false ->
            Due = (Now - Start) * Rate div 1000,
            _ = [spawn(fun() -> ok end) || _ <- lists:seq(1, max(0, Due - Done))],
            receive after 10 -> ok end,
            paced_storm(Rate, Start, End, max(Done, Due))
    end.

storm(End, K) ->
    case K rem 100 =:= 0 andalso erlang:monotonic_time(millisecond) > End of
        true -> K;
        false -> spawn(fun() -> ok end), storm(End, K + 1)
    end.

spawns_accounted(Bs) ->
    lists:sum([length([x || {spawn, _, _, _, _} <- Es]) + maps:get(spawn, ByKind, 0)
               || {Es, #{dropped_by_kind := ByKind}} <- Bs]).

watch_mailbox(A, Max) ->
    receive {stop, To} -> To ! {max_mailbox, Max}
    after 10 ->
        case process_info(A, message_queue_len) of
            {message_queue_len, Q} -> watch_mailbox(A, max(Q, Max));
            undefined -> watch_mailbox(A, Max)
        end
    end.

%% The agent suspended while 150,000 processes live and end (300,000 events: past the NIF's
%% buffer of 200,000, the rest comes as messages). Resumed, it reports each life (no rate limit
%% here), its spawn before its exit: the buffer's events, then the messages, then the buffer again.
check_overflow(Default) ->
    {ok, A} = ?AGENT:start(self(), opts(#{max_events_per_s => 10000000})),
    _ = recv(A, hello),
    _ = snapshot(A),
    clear_events(),
    true = erlang:suspend_process(A),
    Self = self(),
    N = 150000,
    Spawner = spawn(fun() -> Self ! {children, self(), [spawn(fun() -> ok end) || _ <- lists:seq(1, N)]} end),
    Children = receive {children, Spawner, Cs} -> Cs after 60000 -> fail("no spawner end", []) end,
    Q = element(2, process_info(A, message_queue_len)),
    Q > 0 orelse fail("no message came past the buffer (mailbox ~p)", [Q]),
    true = erlang:resume_process(A),
    Bs = await_batches(A, "every life reported", fun(Bs) ->
        length([x || {Es, _} <- Bs, {exit, _, P, _} <- Es, P =/= Spawner]) >= N
    end),
    Seen = lists:foldl(fun({spawn, _, C, _, _}, Acc) -> Acc#{C => spawned};
                          ({exit, _, P, _}, Acc) when is_map_key(P, Acc) -> Acc#{P => ended};
                          ({exit, _, P, _}, _) -> fail("~p's exit came before its spawn", [P]);
                          (_, Acc) -> Acc
                       end, #{}, [E || {Es, _} <- Bs, E <- Es]),
    [fail("~p's life was not reported whole (~p)", [C, maps:get(C, Seen, none)])
     || C <- Children, maps:get(C, Seen, none) =/= ended],
    io:format("[~p messages past the buffer] ", [Q]),
    A ! {detach, self()},
    recv(A, detached),
    assert_clean(A, Default).

check_observer_down(Default) ->
    Obs = spawn(fun sink/0),
    {ok, A} = ?AGENT:start(Obs, opts(#{})),
    exit(Obs, kill),
    assert_clean(A, Default).

check_tracer_busy() ->
    Tracer = spawn(fun sink/0),
    X = spawn(fun sink/0),
    1 = erlang:trace(X, true, [procs, {tracer, Tracer}]),
    {error, {tracer_busy, Busy}} = ?AGENT:start(self(), opts(#{})),
    true = lists:member({X, Tracer}, Busy) orelse fail("~p not in ~p", [{X, Tracer}, Busy]),
    wait_unloaded(),
    expect({flags, [procs]}, erlang:trace_info(X, flags)),
    expect({tracer, Tracer}, erlang:trace_info(X, tracer)),
    1 = erlang:trace(X, false, [all]),
    _ = erlang:trace(new_processes, true, [procs, {tracer, Tracer}]),
    {error, {tracer_busy, [{new, Tracer} | _]}} = ?AGENT:start(self(), opts(#{})),
    _ = erlang:trace(new_processes, false, [all]),
    wait_unloaded(),
    exit(Tracer, kill),
    exit(X, kill),
    assert_no_flags().

check_remote_observer(Default) ->
    case ensure_distribution() of
        {skip, Why} ->
            io:format("[SKIPPED: ~ts] ", [Why]);
        ok ->
            Dir = filename:dirname(code:which(?MODULE)),
            {ok, Peer, Node} = peer:start(#{name => peer:random_name(actorscope_obs),
                                             host => "127.0.0.1", longnames => true,
                                             args => ["-pa", Dir]}),
            Obs = spawn(Node, ?MODULE, remote_observer, [self()]),
            {ok, A} = ?AGENT:start(Obs, opts(#{})),
            #{nodes := Nodes} = forwarded(A, hello),
            false = lists:member(Node, Nodes),
            forwarded(A, snapshot_done),
            OsPid = erpc:call(Node, os, getpid, []),
            PeerMon = monitor(process, Peer),
            _ = os:cmd("kill -9 " ++ OsPid),
            assert_clean(A, Default),
            receive {'DOWN', PeerMon, process, Peer, _} -> ok
            after ?WAIT -> fail("the peer's control process did not end", [])
            end
    end.

%% ---------------------------------------------------------------------------------------------
%% Supervisor and worker callbacks

init(sup) ->
    {ok, {#{strategy => one_for_one, intensity => 10, period => 10},
          [#{id => Id, start => {?MODULE, worker_start, [Id]}} || Id <- [w1, w2, w3]]}}.

worker_start(Id) ->
    proc_lib:start_link(?MODULE, worker_init, [Id, self()]).

worker_init(Id, Parent) ->
    register(worker_name(Id), self()),
    proc_lib:init_ack(Parent, {ok, self()}),
    worker_loop().

worker_loop() ->
    receive
        {echo, From, X} -> From ! {echo_reply, self(), X};
        _ -> ok
    end,
    worker_loop().

worker_name(Id) -> list_to_atom("actorscope_test_" ++ atom_to_list(Id)).

%% On the peer: forwards what the agent sends.
remote_observer(To) ->
    receive M -> To ! {forwarded, M} end,
    remote_observer(To).

sink() ->
    receive _ -> sink() end.

%% ---------------------------------------------------------------------------------------------
%% Talking to the agent

cmd(A, Cmd) ->
    reply(A, cmd_async(A, Cmd), ?WAIT).

cmd_async(A, Cmd) ->
    Ref = make_ref(),
    A ! {Ref, self(), Cmd},
    Ref.

reply(A, Ref, Timeout) ->
    receive {actorscope, A, reply, Ref, R} -> R
    after Timeout ->
        fail("no reply from the agent in ~p ms; the agent: ~tp",
             [Timeout, process_info(A, [status, message_queue_len, current_stacktrace])])
    end.

recv(A, hello) ->
    receive {actorscope, A, hello, Info} -> Info after ?WAIT -> fail("no hello", []) end;
recv(A, detached) ->
    receive {actorscope, A, detached} -> ok after ?WAIT -> fail("no detached", []) end.

forwarded(A, hello) ->
    receive {forwarded, {actorscope, A, hello, Info}} -> Info
    after ?WAIT -> fail("no hello on the remote observer", [])
    end;
forwarded(A, snapshot_done) ->
    receive {forwarded, {actorscope, A, snapshot_done, _, _}} -> ok
    after ?WAIT -> fail("no snapshot_done on the remote observer", [])
    end.

%% The snapshot's processes; checks chunk numbers and the count.
snapshot(A) ->
    snapshot(A, 0, []).

snapshot(A, N, Acc) ->
    receive
        {actorscope, A, snapshot, N, Procs} ->
            length(Procs) =< 2000 orelse fail("chunk of ~p", [length(Procs)]),
            snapshot(A, N + 1, Acc ++ Procs);
        {actorscope, A, snapshot_done, Count, Now} ->
            expect(Count, length(Acc)),
            true = is_integer(Now),
            Acc
    after ?WAIT -> fail("snapshot incomplete after chunk ~p", [N])
    end.

%% Event batches are kept, in order, in the process dictionary.
events() -> get(events).

clear_events() ->
    put(events, []),
    put(batches, []).

take_batch(A, Timeout) ->
    receive
        {actorscope, A, events, Evs, Stats} ->
            true = is_list(Evs) andalso is_map(Stats),
            put(events, get(events) ++ Evs),
            put(batches, [{Evs, Stats} | case get(batches) of undefined -> []; B -> B end]),
            ok
    after Timeout -> timeout
    end.

%% Receives batches until Pred(AllEvents) is {true, X}; returns X.
await(A, What, Pred) ->
    await(A, What, Pred, erlang:monotonic_time(millisecond) + ?WAIT).

await(A, What, Pred, Deadline) ->
    case Pred(events()) of
        {true, X} ->
            X;
        false ->
            case take_batch(A, max(0, Deadline - erlang:monotonic_time(millisecond))) of
                ok -> await(A, What, Pred, Deadline);
                timeout -> fail("timed out waiting for ~ts; the last events: ~tp",
                                [What, lists:sublist(lists:reverse(events()), 15)])
            end
    end.

await_batches(A, What, Pred) ->
    Deadline = erlang:monotonic_time(millisecond) + ?WAIT,
    await_batches(A, What, Pred, Deadline).

await_batches(A, What, Pred, Deadline) ->
    Bs = lists:reverse(get(batches)),
    case Pred(Bs) of
        true -> Bs;
        false ->
            case take_batch(A, max(0, Deadline - erlang:monotonic_time(millisecond))) of
                ok -> await_batches(A, What, Pred, Deadline);
                timeout -> fail("timed out waiting for ~ts: ~tp", [What, [S || {_, S} <- Bs]])
            end
    end.

%% Stats events = the trace events in the batch + dropped, in every batch so far.
check_batches() ->
    [fail("batch stats ~p do not add up with ~p trace events", [S, N])
     || {Evs, #{events := Total, dropped := D} = S} <- get(batches),
        N <- [length([E || E <- Evs, lists:member(element(1, E), ?TRACE_KINDS)])],
        N + D =/= Total],
    ok.

%% {true, [Matched]} when the patterns match events in this order ('_' matches anything).
in_order(Patterns, Events) ->
    in_order(Patterns, Events, []).

in_order([], _, Acc) -> {true, lists:reverse(Acc)};
in_order(_, [], _) -> false;
in_order([P | Ps] = All, [E | Es], Acc) ->
    case match(P, E) of
        true -> in_order(Ps, Es, [E | Acc]);
        false -> in_order(All, Es, Acc)
    end.

match('_', _) -> true;
match(P, E) when is_tuple(P), is_tuple(E), tuple_size(P) =:= tuple_size(E) ->
    lists:all(fun({X, Y}) -> match(X, Y) end, lists:zip(tuple_to_list(P), tuple_to_list(E)));
match(P, E) -> P =:= E.

%% ---------------------------------------------------------------------------------------------
%% Cleanup checks

assert_clean(A, DefaultReceivePattern) ->
    wait_until("the agent ends", fun() -> not is_process_alive(A) end),
    wait_unloaded(),
    assert_no_flags(),
    expect(DefaultReceivePattern, erlang:trace_info('receive', match_spec)).

wait_unloaded() ->
    wait_until("actorscope_agent (and actorscope_tracer) unloaded", fun() ->
        code:is_loaded(?AGENT) =:= false andalso whereis(?AGENT) =:= undefined
            andalso not erlang:check_old_code(?AGENT)
            andalso code:is_loaded(actorscope_tracer) =:= false
            andalso not erlang:check_old_code(actorscope_tracer)
    end),
    %% the NIF's file and its directory went as soon as it was loaded
    Left = filelib:wildcard(filename:join(temp_dir(), "actorscope_" ++ os:getpid() ++ "_*")),
    expect([], Left).

temp_dir() ->
    case os:getenv("TMPDIR") of
        Dir when is_list(Dir), Dir =/= "" -> Dir;
        _ -> "/tmp"
    end.

%% The options a session starts with: the NIF's module and library, in NIF mode.
opts(M) ->
    case os:getenv("ACTORSCOPE_TRACER") of
        false ->
            M;
        Spec ->
            [BeamFile, SoFile] = string:split(Spec, ":"),
            {ok, Beam} = file:read_file(BeamFile),
            {ok, So} = file:read_file(SoFile),
            M#{tracer => {Beam, So}}
    end.

nif_mode() ->
    os:getenv("ACTORSCOPE_TRACER") =/= false.

%% Killed, the agent cleans nothing up: the NIF serves no other agent, and the BEAM removes the
%% flags of each process when it next fires (a register; a spawn asks for the trace status).
check_agent_killed(Default) ->
    {ok, A} = ?AGENT:start(self(), opts(#{})),
    _ = recv(A, hello),
    _ = snapshot(A),
    X = spawn(fun sink/0),
    expect({tracer, {actorscope_tracer, A}}, erlang:trace_info(X, tracer)),
    exit(A, kill),
    wait_until("the agent ends", fun() -> not is_process_alive(A) end),
    register(actorscope_test_x, X),
    Y = spawn(fun sink/0),
    wait_until("the flags of the processes that fired are gone", fun() ->
        erlang:trace_info(X, flags) =:= {flags, []} andalso erlang:trace_info(Y, flags) =:= {flags, []}
            andalso erlang:trace_info(new, flags) =:= {flags, []}
    end),
    %% what a killed agent leaves: flags on processes that did not fire, its 'receive' pattern,
    %% its modules; a new agent's attach is not refused for them, and its detach clears all
    Z = spawn(fun sink/0),
    {ok, B} = ?AGENT:start(self(), opts(#{})),
    _ = recv(B, hello),
    _ = snapshot(B),
    expect({tracer, {actorscope_tracer, B}}, erlang:trace_info(Z, tracer)),
    B ! {detach, self()},
    recv(B, detached),
    [exit(P, kill) || P <- [X, Y, Z]],
    _ = erlang:trace(all, false, [all]),  % left by the killed agent on processes that never fired
    assert_clean(B, Default).

assert_no_flags() ->
    Flagged = [{P, F} || P <- processes(), {flags, F} <- [erlang:trace_info(P, flags)], F =/= []],
    expect([], Flagged),
    expect({flags, []}, erlang:trace_info(new, flags)).

ensure_distribution() ->
    case node() of
        nonode@nohost -> start_distribution(10);
        _ -> ok
    end.

start_distribution(0) ->
    {skip, "distribution does not start here (epmd?)"};
start_distribution(N) ->
    Name = list_to_atom("actorscope_agent_tests_" ++ os:getpid() ++ "@127.0.0.1"),
    case net_kernel:start(Name, #{name_domain => longnames}) of
        {ok, _} ->
            ok;
        {error, _} ->
            _ = os:cmd("epmd -daemon"),
            receive after 300 -> start_distribution(N - 1) end
    end.

%% ---------------------------------------------------------------------------------------------
%% Harness

step(Name, F) ->
    io:format("  ~ts ... ", [Name]),
    T0 = erlang:monotonic_time(millisecond),
    try F() of
        R ->
            io:format("ok (~w ms)~n", [erlang:monotonic_time(millisecond) - T0]),
            R
    catch
        throw:{fail, Text} ->
            exit({test_failed, Name, Text});
        Class:Reason:Stack ->
            exit({test_failed, Name, io_lib:format("~p:~tp~n~tp", [Class, Reason, Stack])})
    end.

fail(Fmt, Args) ->
    throw({fail, lists:flatten(io_lib:format(Fmt, Args))}).

expect(X, X) -> ok;
expect(Want, Got) -> fail("expected ~tp~n got ~tp", [Want, Got]).

wait_until(What, F) ->
    wait_until(What, F, erlang:monotonic_time(millisecond) + ?WAIT).

wait_until(What, F, Deadline) ->
    case F() of
        true -> ok;
        false ->
            erlang:monotonic_time(millisecond) < Deadline orelse fail("timed out: ~ts", [What]),
            receive after 20 -> wait_until(What, F, Deadline) end
    end.
