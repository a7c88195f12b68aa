%% The node tst_attach attaches to: a supervisor with three workers (child ids first, second,
%% third; registered as w1, w2, w3), a watcher that
%% monitors w2 and a trapper linked to w3 that traps exits. It answers on stdin, one command a
%% line, each answer ending with "end". Every line of ours starts with "@ " (the logger writes to
%% stdout too):
%%   report  -> one line per process: "<0.85.0> name=w1 links=<0.84.0>,... trap=false app=" (app=
%%              the application's name for an application master)
%%   clean   -> "agent_loaded=BOOL traced=N" (N: processes with a trace flag, plus 1 for new),
%%              then, when N > 0, what is still traced (pid or new, tracer, flags)
%%   whereis NAME -> the pid, or "undefined"
%%   peer NAME -> starts a second node NAME@localhost connected to this one: "ok NODE"
%%   idle N  -> N more processes that wait forever: "ok COUNT" (the node's process count)
%%   remote_link NODE -> on NODE a process registered as remote_sleeper, linked to a local one
%%              registered as linker: "ok REMOTE LOCAL"
%%   halt NODE -> halts the node NODE (a peer): "ok" once it is down
%%   connect NODE / disconnect NODE -> net_kernel:connect_node/1, erlang:disconnect_node/1: "ok BOOL"
%%   cut_hidden -> drops this node's connections to hidden nodes (observers), as a partition
%%              would: "ok N"
%%   start_app NAME -> starts the application NAME: "ok MASTER" (its application master's pid)
%%   churn RATE MS -> for MS ms, RATE processes a second spawned that end at once: "ok SPAWNED"
%%   churn_traced RATE MS DIR -> churn, this process traced as the agent would trace it, by the
%%              agent's tracer NIF from DIR (gate closed), without the agent: "ok SPAWNED"
%%   cpu -> "ok MS": the VM's CPU time so far (statistics(runtime): all its threads, ms)
%%   busy -> "ok MS": the schedulers' busy time so far, all of them (scheduler_wall_time: running
%%              processes, ports, NIFs, GC; not spinning while idle), ms since the first "busy"
-module(attach_demo).
-behaviour(supervisor).
-export([start/0, init/1, start_worker/1, worker/0]).

start() ->
    {ok, Sup} = supervisor:start_link({local, demo_sup}, ?MODULE, []),
    unlink(Sup),
    register(watcher, spawn(fun() -> watch() end)),
    register(trapper, spawn(fun() -> process_flag(trap_exit, true), trap() end)),
    io:format("@ ready~n"),
    serve().

init([]) ->
    Child = fun(Id, Name) -> #{id => Id, start => {?MODULE, start_worker, [Name]}} end,
    {ok, {#{strategy => one_for_one, intensity => 100, period => 1},
          [Child(first, w1), Child(second, w2), Child(third, w3)]}}.

start_worker(Name) ->
    Pid = spawn_link(?MODULE, worker, []),
    register(Name, Pid),
    {ok, Pid}.

worker() ->
    receive
        {echo, From, X} -> From ! X, worker();
        _ -> worker()
    end.

%% Monitors the current w2, and the next one after each DOWN.
watch() ->
    Ref = erlang:monitor(process, await(w2)),
    receive {'DOWN', Ref, process, _, _} -> watch() end.

%% Linked to the current w3, and to the next one after each EXIT.
trap() ->
    link(await(w3)),
    receive {'EXIT', _, _} -> trap() end.

await(Name) ->
    case whereis(Name) of
        undefined -> timer:sleep(10), await(Name);
        Pid -> Pid
    end.

serve() ->
    case io:get_line('') of
        eof -> halt(0);
        {error, _} -> halt(0);
        Line ->
            answer(string:tokens(string:trim(unicode:characters_to_list(Line)), " ")),  % Elixir makes stdio binary
            io:format("@ end~n"),
            serve()
    end.

answer(["report"]) ->
    Masters = maps:from_list([{application_controller:get_master(A), A}
                              || {A, _, _} <- application:which_applications()]),
    [report(P, maps:get(P, Masters, "")) || P <- processes()];
answer(["remote_link", Node]) ->
    N = list_to_atom(Node),
    Remote = erpc:call(N, erlang, spawn, [timer, sleep, [infinity]]),
    true = erpc:call(N, erlang, register, [remote_sleeper, Remote]),
    Self = self(),
    Local = spawn(fun() -> link(Remote), Self ! linked, receive stop -> ok end end),
    receive linked -> ok end,
    register(linker, Local),
    io:format("@ ok ~p ~p~n", [Remote, Local]);
answer(["halt", Node]) ->
    N = list_to_atom(Node),
    true = monitor_node(N, true),
    erpc:cast(N, erlang, halt, []),
    receive {nodedown, N} -> io:format("@ ok~n") after 30000 -> io:format("@ still up~n") end;
answer(["connect", Node]) ->
    io:format("@ ok ~p~n", [net_kernel:connect_node(list_to_atom(Node))]);
answer(["disconnect", Node]) ->
    io:format("@ ok ~p~n", [erlang:disconnect_node(list_to_atom(Node))]);
answer(["cut_hidden"]) ->
    Hidden = nodes(hidden),
    _ = [erlang:disconnect_node(N) || N <- Hidden],
    io:format("@ ok ~p~n", [length(Hidden)]);
answer(["start_app", Name]) ->
    App = list_to_atom(Name),
    {ok, _} = application:ensure_all_started(App),
    io:format("@ ok ~p~n", [application_controller:get_master(App)]);
answer(["busy"]) ->
    _ = erlang:system_flag(scheduler_wall_time, true),  % kept on while this process serves
    Active = lists:sum([A || {_, A, _} <- erlang:statistics(scheduler_wall_time_all)]),
    io:format("@ ok ~p~n", [erlang:convert_time_unit(Active, native, microsecond) / 1000]);
answer(["cpu"]) ->
    {Ms, _} = statistics(runtime),             % every thread of the VM, ms
    io:format("@ ok ~p~n", [Ms]);
answer(["clean"]) ->
    %% A process that ended between processes() and trace_info answers undefined: not traced.
    Traced = [{P, erlang:trace_info(P, tracer), Flags}
              || P <- processes(), {flags, [_ | _]} = Flags <- [erlang:trace_info(P, flags)]],
    New = case erlang:trace_info(new, flags) of
              {flags, []} -> [];
              Flags -> [{new, erlang:trace_info(new, tracer), Flags}]
          end,
    Loaded = code:is_loaded(actorscope_agent) =/= false orelse code:is_loaded(actorscope_tracer) =/= false,
    Which = case Traced ++ New of
                [] -> "";
                L -> lists:flatten(io_lib:format(" ~p", [L]))  % what is left, for the failure
            end,
    io:format("@ agent_loaded=~p traced=~p~s~n", [Loaded, length(Traced) + length(New), Which]);
answer(["whereis", Name]) ->
    io:format("@ ~p~n", [whereis(list_to_atom(Name))]);
answer(["peer", Name]) ->
    {ok, _Peer, Node} = peer:start(#{name => list_to_atom(Name), host => "localhost",
                                     args => ["-setcookie", atom_to_list(erlang:get_cookie()),
                                              "-kernel", "inet_dist_use_interface", "{127,0,0,1}"]}),
    pong = net_adm:ping(Node),
    io:format("@ ok ~p~n", [Node]);
answer(["idle", N]) ->
    Holder = self(),
    _ = [spawn(fun() -> receive {Holder, stop} -> ok end end) || _ <- lists:seq(1, list_to_integer(N))],
    io:format("@ ok ~p~n", [erlang:system_info(process_count)]);
answer(["churn", Rate, Ms]) ->
    io:format("@ ok ~p~n", [churn(list_to_integer(Rate), list_to_integer(Ms))]);
answer(["churn_traced", Rate, Ms, Dir]) ->
    io:format("@ ok ~p~n", [churn_traced(list_to_integer(Rate), list_to_integer(Ms), Dir)]);
answer(Other) ->
    io:format("@ unknown ~p~n", [Other]).

%% Spawns RATE short-lived processes a second for MS ms, in 10 ms slices; returns how many.
churn(Rate, Ms) ->
    Start = erlang:monotonic_time(millisecond),
    churn(Rate, Start, Start + Ms, 0).

churn(Rate, Start, End, Done) ->
    Now = erlang:monotonic_time(millisecond),
    case Now >= End of
        true -> Done;
        false ->
            Due = (Now - Start) * Rate div 1000,
            _ = [spawn(fun() -> ok end) || _ <- lists:seq(1, max(0, Due - Done))],
            receive after 10 -> ok end,
            churn(Rate, Start, End, max(Done, Due))
    end.

%% churn/2 with this process traced as the agent traces every process (procs, 'receive' with the
%% agent's match spec, monotonic timestamps) by the agent's erl_tracer NIF (from Dir) with its
%% gate closed (each spawn counted, no term built), and no agent: what the trace flags alone cost
%% the node for the load. Everything is removed after.
churn_traced(Rate, Ms, Dir) ->
    Sink = spawn(fun Sink() -> receive _ -> Sink() end end),
    Path = filename:join(Dir, "actorscope_tracer"),
    {module, actorscope_tracer} = code:load_abs(Path),
    ok = actorscope_tracer:load(Path, Sink),
    ok = actorscope_tracer:gate(true),
    Flags = [procs, 'receive', monotonic_timestamp],
    _ = erlang:trace_pattern('receive', [{['_', '_', {'EXIT', '$1', '_'}], [{is_pid, '$1'}], []},
                                         {['_', '_', {'DOWN', '_', process, '_', '_'}], [], []}], []),
    _ = erlang:trace(self(), true, [{tracer, actorscope_tracer, Sink} | Flags]),
    N = churn(Rate, Ms),
    _ = erlang:trace(self(), false, Flags),
    _ = erlang:trace_pattern('receive', true, []),
    exit(Sink, kill),
    _ = code:delete(actorscope_tracer),
    _ = code:purge(actorscope_tracer),
    N.

report(P, App) ->
    case process_info(P, [registered_name, links, trap_exit]) of
        undefined -> ok;
        [{registered_name, N}, {links, L}, {trap_exit, T}] ->
            Name = case N of [] -> ""; _ -> atom_to_list(N) end,
            Links = string:join([pid_to_list(X) || X <- L, is_pid(X)], ","),
            io:format("@ ~s name=~s links=~s trap=~p app=~s~n", [pid_to_list(P), Name, Links, T, App])
    end.
