%% Actorscope's agent on an observed BEAM node (OTP 25+).
%%
%% The contract is docs/attach-protocol.md. Loaded by the observer with code:load_binary/3 and
%% started with start/2 by rpc; it traces every process, reports to the observer, answers its
%% commands and, when the observer goes, removes its trace flags and unloads itself.
%% Depends on kernel and stdlib only ('Elixir.*' is called only when it is loaded).
-module(actorscope_agent).

-export([start/2]).
-export([continue/1, unload/1]).   % internal

-define(CHUNK, 2000).                 % processes per snapshot chunk
-define(POLL_MS, 500).                % a poll round
-define(FULL_POLL_MS, 2000).          % a new walk over all processes at most this often
-define(POLL_FIRST_MAX, 1000).        % the visible set, polled every round
-define(POLL_WALK_MAX, 5000).         % processes of the full walk per round
-define(LABEL_SUPS_MAX, 100).         % supervisors asked per labelling round
-define(SUP_CALL_MS, 1000).           % which_children timeout
-define(SUP_CHILDREN_MAX, 1000).      % bigger supervisors are not asked
-define(LABEL_WAIT_MS, 1500).         % a labelling helper answers within this
-define(BUSY_SAMPLE, 20000).          % processes checked for another tracer
-define(BUSY_LIST, 5).
-define(MQ_HIGH, 100000).             % agent mailbox: overload above this ...
-define(MQ_LOW, 10000).               % ... until it falls below this
-define(DRAIN_BATCH, 10000).          % trace messages counted unread between ticks
-define(EVAL_MS, 5000).
-define(EARLY_EXIT_MS, 1000).
%% Sustained event rate: this many events a second, or this many per ms of the node's own CPU
%% time in the last window, whichever is more (never more than max_eps). An event sent costs the
%% node about 10 us (the trace term, the agent's handling, the batch: actorscope-bench), so 5 a
%% CPU ms keep the agent near 5 % of what the node does; the floor keeps a quiet node readable.
-define(MIN_EPS, 500).
-define(EVENTS_PER_CPU_MS, 5).         % an exit waits this long for its spawn (see sample/3)
-define(TERM_BYTES, 16384).           % larger reasons/messages are sent as {truncated, Text}
-define(PRINT_CHARS, 100000).         % eval's printed result
-define(INFO_MESSAGES, 50).
-define(INFO_MQ_COPY_MAX, 10000).     % info copies the messages only up to this queue length
-define(INFO_DICT_MAX, 100).
-define(RED_DELTA, 100).              % info reports reductions that grew by this (a poll's own
                                      % process_info costs its target a few reductions)
-define(TRACE_FLAGS, [procs, 'receive', monotonic_timestamp]).
-define(TRACER, actorscope_tracer).
-define(BUSY_PULL, 50).                 % a take of this many events: the next one after ...
-define(BUSY_PULL_MS, 5).               % ... this long, while new processes are traced
-define(RECEIVE_MS, [{['_', '_', {'EXIT', '$1', '_'}], [{is_pid, '$1'}], []},
                     {['_', '_', {'DOWN', '_', process, '_', '_'}], [], []}]).

-record(st, {
    observer :: pid(),
    obs_mon :: reference() | undefined,
    read_only :: boolean(),
    batch_ms :: pos_integer(),
    max_eps :: pos_integer(),
    now = 0 :: integer(),                       % monotonic ms, refreshed per message
    next_flush = 0 :: integer(),
    next_poll = 0 :: integer(),
    %% the batch not yet delivered: events newest first, counters since the last delivery
    events = [] :: [tuple()],
    n_pending = 0 :: non_neg_integer(),
    n_traced = 0 :: non_neg_integer(),
    n_dropped = 0 :: non_neg_integer(),
    dropped_by_kind = #{} :: #{atom() => pos_integer()},
    overload = false :: boolean(),
    window_start = 0 :: integer(),              % rate limit: 1 s windows
    window_sent = 0 :: non_neg_integer(),
    allow = 0 :: non_neg_integer(),             % events this window may send (see new_window/1)
    cpu_ms = 0 :: integer(),                    % the node's CPU time when the window started
    hidden = #{} :: #{pid() => true},           % sampled out: spawned over the rate, not shown
    born = #{} :: #{pid() => true},             % shown, spawn sent, exit not yet seen
    %% While the rate is spent, new processes are not traced at all (they would be hidden: their
    %% events would cost the node and be dropped). Native monotonic times: since when (undefined:
    %% new processes are traced), and the recent spans [{Off, On}] a spawn may fall in.
    untraced_since = undefined :: integer() | undefined,
    nif = false :: boolean(),                   % the tracer is actorscope_tracer (see nif_tracer/1)
    busy_pull = false :: boolean(),             % the last take from the NIF was a crowd (wake sooner)
    untraced_spans = [] :: [{integer(), integer()}],
    early = #{} :: #{pid() => {integer(), tuple()}},  % exit traced before its spawn: {ms, msg}
    early_next = 0 :: integer(),                      % ms: no entry of `early` is due before
    nodes = [] :: [node()],                     % last reported
    helpers = #{} :: #{pid() => reference()},   % untraced helper processes
    labeller :: pid() | undefined,
    evals = #{} :: #{pid() => {term(), reference(), reference()}},
    captures = #{} :: #{pid() => pid()},  % an evaluation's io capture => the group leader it replaced
    sessions = #{} :: #{erlang | elixir => list()},  % the console's bindings, per language
    session_evals = #{} :: #{pid() => erlang | elixir},  % evals that keep their bindings
    suspended = #{} :: #{pid() => pos_integer()},
    %% polling: last reported {hash of Mq, Memory, Status; Reductions; MonitorTargets; TrapExit}
    known = #{} :: #{pid() => {integer() | undefined, non_neg_integer(), [pid()], boolean()}},
    sups = #{} :: #{pid() => true},
    visible = [] :: [pid()],
    walk = [] :: [pid()],
    walk_started = 0 :: integer(),
    label_pending = #{} :: #{pid() => [pid()]}  % supervisor => new children to label
}).

%% ---------------------------------------------------------------------------------------------
%% Start

%% Runs in the rpc caller; the agent is a new process, not linked to the caller.
%% Every refusal but already_attached unloads the module again (nothing is left behind).
-spec start(pid(), map()) -> {ok, pid()} | {error, term()}.
start(Observer, Opts) ->
    case whereis(?MODULE) of
        Agent when is_pid(Agent) ->
            {error, {already_attached, Agent}};
        undefined ->
            case config(Observer, Opts) of
                {ok, Cfg} -> spawn_agent(Observer, Cfg);
                error -> refuse({badarg, {Observer, Opts}})
            end
    end.

config(Observer, Opts) when is_pid(Observer), is_map(Opts) ->
    RO = maps:get(read_only, Opts, false),
    B = maps:get(batch_ms, Opts, 50),
    M = maps:get(max_events_per_s, Opts, 5000),
    T = maps:get(tracer, Opts, none),
    case is_boolean(RO) andalso is_integer(B) andalso B > 0 andalso is_integer(M) andalso M > 0
         andalso (T =:= none orelse (is_tuple(T) andalso tuple_size(T) =:= 2 andalso
                                     is_binary(element(1, T)) andalso is_binary(element(2, T)))) of
        true -> {ok, #{read_only => RO, batch_ms => B, max_events_per_s => M, tracer => T}};
        false -> error
    end;
config(_, _) ->
    error.

refuse(Why) ->
    Caller = self(),
    _ = spawn(fun() -> unload(Caller) end),
    {error, Why}.

spawn_agent(Observer, Cfg) ->
    Caller = self(),
    Ref = make_ref(),
    {Agent, MRef} = spawn_opt(fun() -> init(Caller, Ref, Observer, Cfg) end,
                              [monitor, {message_queue_data, off_heap}]),
    receive
        {Ref, Result} ->
            erlang:demonitor(MRef, [flush]),
            Result;
        {'DOWN', MRef, process, Agent, Why} ->
            refuse({agent_died, Why})
    end.

init(Caller, Ref, Observer, Cfg) ->
    case claim_name() of
        {error, _} = Error ->
            Caller ! {Ref, Error};
        ok ->
            case busy_tracers() of
                [] ->
                    attach(Caller, Ref, Observer, Cfg);
                Busy ->
                    unregister(?MODULE),
                    Caller ! {Ref, {error, {tracer_busy, Busy}}},
                    unload(Caller)
            end
    end.

claim_name() ->
    try register(?MODULE, self()) of
        true -> ok
    catch error:badarg ->
        case whereis(?MODULE) of
            undefined -> claim_name();
            Agent -> {error, {already_attached, Agent}}
        end
    end.

%% Up to ?BUSY_LIST {Pid | new, Tracer} of live tracers other than us: the default for new
%% processes, then all processes (an even sample of ?BUSY_SAMPLE on bigger nodes).
busy_tracers() ->
    New = [{new, T} || T <- [tracer_of(new)], T =/= none],
    busy(sample(erlang:processes()), New).

busy(_, Acc) when length(Acc) >= ?BUSY_LIST -> lists:reverse(Acc);
busy([], Acc) -> lists:reverse(Acc);
busy([P | Ps], Acc) ->
    case tracer_of(P) of
        none -> busy(Ps, Acc);
        T -> busy(Ps, [{P, T} | Acc])
    end.

tracer_of(What) ->
    case erlang:trace_info(What, tracer) of
        {tracer, []} -> none;
        {tracer, {?TRACER, T}} when is_pid(T) ->
            case is_process_alive(T) of
                true -> {?TRACER, T};
                false -> none                  % an earlier agent's: the NIF removes them
            end;
        {tracer, T} when is_pid(T), node(T) =:= node() ->
            case is_process_alive(T) of
                true -> T;
                false -> none                  % a dead tracer's flags are dropped by erts
            end;
        {tracer, T} -> T;
        _ -> none
    end.

sample(Ps) ->
    case length(Ps) of
        N when N =< ?BUSY_SAMPLE -> Ps;
        N -> every(Ps, N div ?BUSY_SAMPLE + 1, 0)
    end.

every([], _, _) -> [];
every([P | Ps], K, 0) -> [P | every(Ps, K, K - 1)];
every([_ | Ps], K, I) -> every(Ps, K, I - 1).

attach(Caller, Ref, Observer, #{read_only := RO, batch_ms := B, max_events_per_s := M, tracer := T}) ->
    %% The rpc caller's group leader may be on the observer's node, which can go away.
    _ = case whereis(user) of
            User when is_pid(User) -> group_leader(User, self());
            undefined -> ok
        end,
    ObsNode = node(Observer),
    _ = ObsNode =/= node() andalso monitor_node(ObsNode, true),
    ObsMon = try erlang:monitor(process, Observer) catch error:_ -> undefined end,
    Nif = nif_tracer(T),
    %% ns/1 on every event: no BIF call where the timestamps are nanoseconds already (the NIF's
    %% always are; the process tracer's are native time)
    put('$actorscope_native_ns', Nif orelse erlang:convert_time_unit(1, second, native) =:= 1000000000),
    start_tracing(Nif),
    Caller ! {Ref, {ok, self()}},
    Now = now_ms(),
    Nodes = other_nodes(Observer),
    St0 = #st{observer = Observer, obs_mon = ObsMon, read_only = RO, batch_ms = B, max_eps = M, nif = Nif,
              now = Now, next_flush = Now + B, next_poll = Now + ?POLL_MS, window_start = Now,
              allow = M, cpu_ms = element(1, erlang:statistics(runtime)),
              nodes = Nodes, walk_started = Now - ?FULL_POLL_MS},
    Hello = #{node => node(), otp => erlang:system_info(otp_release), elixir => elixir_app(),
              nodes => Nodes, read_only => RO, now => now_ns(),
              tracer => case Nif of true -> nif; false -> process end,
              processes => erlang:system_info(process_count) - 1},
    nif_gate(false, St0),  % the first window's budget
    send_obs({actorscope, self(), hello, Hello}, St0),
    case guarded(fun snapshot/1, St0) of
        {stop, Why, St} ->
            stop(Why, St);
        St ->
            %% Above the traced processes, so that a storm of them cannot starve the agent while
            %% its mailbox grows; its own work per message and per tick is bounded.
            _ = process_flag(priority, high),
            loop(St)
    end.

%% The 'receive' pattern first: the flags alone would trace every message.
start_tracing(Nif) ->
    _ = erlang:trace_pattern('receive', ?RECEIVE_MS, []),
    _ = erlang:trace(processes, true, [tracer(Nif) | ?TRACE_FLAGS]),
    _ = erlang:trace(self(), false, [all]),
    ok.

tracer(true) -> {tracer, ?TRACER, self()};
tracer(false) -> {tracer, self()}.

%% The erl_tracer NIF (actorscope_tracer), when the observer sent one and it loads on this node:
%% the same trace messages come from it, and a spawn the rate leaves out is counted there, never
%% built (a process tracer costs a traced spawner a message per spawn, shown or not). Where it
%% does not load (another architecture, no writable temporary directory) the agent is the tracer
%% process. The library's file lives only until it is loaded, in a directory made for it.
nif_tracer({Beam, So}) ->
    Dir = filename:join(temp_dir(), lists:flatten(io_lib:format("actorscope_~s_~b_~b",
              [os:getpid(), erlang:system_time(), erlang:unique_integer([positive])]))),
    Path = filename:join(Dir, "actorscope_tracer"),
    try
        ok = file:make_dir(Dir),
        ok = file:write_file(Path ++ ".so", So),
        %% a killed agent's copy (only one agent runs: it holds the name); its library cannot
        %% be upgraded, it goes first
        _ = erlang:check_old_code(?TRACER) andalso code:purge(?TRACER),
        _ = code:is_loaded(?TRACER) =/= false andalso code:delete(?TRACER) andalso code:purge(?TRACER),
        {module, ?TRACER} = code:load_binary(?TRACER, "actorscope_tracer.erl", Beam),
        ok = ?TRACER:load(Path, self()),
        true
    catch
        _:_ ->
            unload_nif_tracer(),
            false
    after
        _ = file:delete(Path ++ ".so"),
        _ = file:del_dir(Dir)
    end;
nif_tracer(none) ->
    false.

temp_dir() ->
    case os:getenv("TMPDIR") of
        Dir when is_list(Dir), Dir =/= "" -> Dir;
        _ -> "/tmp"
    end.

unload_nif_tracer() ->
    _ = code:delete(?TRACER),
    _ = code:soft_purge(?TRACER),
    ok.

%% The NIF keeps its trace terms until the agent wakes (for a batch, a poll, a command): taken
%% here, before whatever woke it, and handled as the messages they stand for.
pull(#st{nif = true} = St0) ->
    {Ms, Overflowed} = ?TRACER:take(),
    St = lists:foldl(fun trace_msg/2, St0#st{busy_pull = length(Ms) >= ?BUSY_PULL}, Ms),
    case Overflowed of
        false ->
            St;
        true ->
            %% The buffer was full: newer events came as messages. Every one sent so far is in
            %% the mailbox once resume/0 returns; they go before what the buffer takes next.
            ok = ?TRACER:resume(),
            pull_mailbox(St)
    end;
pull(St) ->
    St.

pull_mailbox(St) ->
    receive
        {trace_ts, _, _, _, _} = M -> pull_mailbox(trace_msg(M, St));
        {trace_ts, _, _, _, _, _} = M -> pull_mailbox(trace_msg(M, St))
    after 0 -> St
    end.

%% Closed: the NIF counts spawns instead of sending them (taken by nif_dropped/1). Opened: with
%% this window's budget of spawns (each brings its exit: half the event rate); the spawn that
%% spends it wakes the agent ({actorscope_tracer, budget_spent, WindowStart}), which closes the
%% gate then.
nif_gate(true, #st{nif = true}) -> _ = (catch ?TRACER:gate(true)), ok;
nif_gate(false, #st{nif = true, allow = Allow, window_sent = Sent, window_start = WS}) ->
    _ = (catch ?TRACER:budget(max(1, (Allow - Sent) div 2), WS)), ok;
nif_gate(_, _) -> ok.

nif_dropped(#st{nif = true} = St) ->
    case catch ?TRACER:take_spawns() of
        N when is_integer(N), N > 0 -> drop(spawn, N, St);
        _ -> St
    end;
nif_dropped(St) ->
    St.

%% Helpers start with this: new processes inherit the agent's flags.
untrace_self() ->
    _ = erlang:trace(self(), false, [all]),
    ok.

elixir_app() ->
    lists:keymember(elixir, 1, application:loaded_applications()).

other_nodes(Observer) ->
    lists:sort(nodes(connected) -- [node(Observer)]).

%% ---------------------------------------------------------------------------------------------
%% Snapshot

%% Each chunk goes as soon as it is read (the observer decodes one while the next is read); the
%% child ids follow as label events, so a slow supervisor never holds the picture up.
snapshot(St) ->
    Me = self(),
    Apps = app_masters(),
    {Count, Sups, Known} = stream([P || P <- erlang:processes(), P =/= Me], Apps, 0, 0, [], #{}, St),
    send_obs({actorscope, Me, snapshot_done, Count, now_ns()}, St),
    St1 = St#st{known = Known, sups = maps:from_keys(Sups, true)},
    Labels = sup_labels(Sups),
    emit([{label, C, Id, undefined} || {C, Id} <- maps:to_list(Labels)], St1).

stream([], _, _, Count, Sups, Known, _) ->
    {Count, Sups, Known};
stream(Procs, Apps, Chunk, Count, Sups, Known, St) ->
    {This, Rest} = take(?CHUNK, Procs),
    {Infos, Sups1, Known1} = lists:foldl(fun(P, Acc) -> snap_one(P, Apps, Acc) end, {[], Sups, Known}, This),
    send_obs({actorscope, self(), snapshot, Chunk, lists:reverse(Infos)}, St),
    stream(Rest, Apps, Chunk + 1, Count + length(Infos), Sups1, Known1, St).

-define(SNAP_ITEMS, [registered_name, initial_call, parent, links, monitors, monitored_by,
                     message_queue_len, trap_exit, status, reductions, memory]).

%% Apps: application master => its application (its label).
snap_one(P, Apps, {Procs, Sups, Known} = Acc) ->
    case process_info(P, ?SNAP_ITEMS) of
        [{_, Name}, {_, Raw}, {_, Parent}, {_, Links}, {_, Mons}, {_, MonBy}, {_, Mq}, {_, Trap},
         {_, Status}, {_, Red}, {_, Mem}] ->
            IC = initial_call(P, Raw),
            IsSup = is_sup(IC),
            Targets = monitor_targets(Mons),
            Proc = #{pid => P, parent => Parent, name => Name, initial_call => IC,
                     links => pids(Links), monitors => Targets, monitored_by => pids(MonBy),
                     message_queue_len => Mq, trap_exit => Trap, status => Status,
                     reductions => Red, memory => Mem, supervisor => IsSup,
                     label => maps:get(P, Apps, undefined)},
            {[Proc | Procs], [P || IsSup] ++ Sups,
             Known#{P => {info_hash(Mq, Mem, Status), Red, Targets, Trap}}};
        _ ->
            Acc
    end.

%% Application master => the application's name, read from application_controller's table (no
%% call: a busy controller cannot hold the snapshot up). #{} where it cannot be read.
app_masters() ->
    case catch ets:match(ac_tab, {{application_master, '$1'}, '$2'}) of
        Rows when is_list(Rows) -> maps:from_list([{M, App} || [App, M] <- Rows, is_pid(M)]);
        _ -> #{}
    end.

app_of_master(P) ->
    case catch ets:match(ac_tab, {{application_master, '$1'}, P}) of
        [[App]] -> App;
        _ -> undefined
    end.

%% Child => Id for the children of Sups; waits a bounded time for a helper that asks them.
sup_labels([]) ->
    #{};
sup_labels(Sups) ->
    Agent = self(),
    {Pid, MRef} = spawn_monitor(fun() -> label_helper(Agent, [{S, all} || S <- Sups]) end),
    receive
        {'$actorscope_labels', Pid, Results} ->
            erlang:demonitor(MRef, [flush]),
            maps:from_list(Results);
        {'DOWN', MRef, process, Pid, _} ->
            #{}
    after ?LABEL_WAIT_MS + 1000 ->
        exit(Pid, kill),
        erlang:demonitor(MRef, [flush]),
        #{}
    end.

%% Runs in a helper: asks each supervisor in its own process (a stuck one costs ?SUP_CALL_MS),
%% answers {'$actorscope_labels', self(), Results} within ?LABEL_WAIT_MS.
%% Job {Sup, all}: [{Child, Id}] for every child; {Sup, Kids}: [{Kid, Id | undefined, IC}].
label_helper(Agent, Jobs) ->
    untrace_self(),
    Workers = maps:from_list(
                [begin
                     {W, MRef} = spawn_monitor(fun() -> untrace_self(),
                                                        exit({'$children', which_children(Sup)})
                                               end),
                     {MRef, {W, Job}}
                 end || {Sup, _} = Job <- Jobs]),
    Results = collect_labels(Workers, now_ms() + ?LABEL_WAIT_MS, []),
    Agent ! {'$actorscope_labels', self(), Results}.

collect_labels(Workers, _, Acc) when map_size(Workers) =:= 0 ->
    Acc;
collect_labels(Workers, Deadline, Acc) ->
    receive
        {'DOWN', MRef, process, _, Why} when is_map_key(MRef, Workers) ->
            {{_, Job}, Rest} = maps:take(MRef, Workers),
            collect_labels(Rest, Deadline, job_labels(Job, Why) ++ Acc)
    after max(0, Deadline - now_ms()) ->
        _ = [exit(W, kill) || {W, _} <- maps:values(Workers)],
        Acc
    end.

%% Not asked: a supervisor with more than ?SUP_CHILDREN_MAX links (a simple_one_for_one pool,
%% whose children have no ids).
which_children(Sup) ->
    case process_info(Sup, links) of
        {links, Links} when length(Links) =< ?SUP_CHILDREN_MAX -> ask_children(Sup);
        _ -> []
    end.

ask_children(Sup) ->
    try gen_server:call(Sup, which_children, ?SUP_CALL_MS) of
        L when is_list(L) -> [{C, Id} || {Id, C, _, _} <- L, is_pid(C)];
        _ -> []
    catch _:_ -> []
    end.

job_labels({_, all}, {'$children', Children}) ->
    Children;
job_labels({_, all}, _) ->
    [];
job_labels({_, Kids}, Why) ->
    Ids = case Why of
              {'$children', Children} -> maps:from_list(Children);
              _ -> #{}
          end,
    lists:filtermap(fun(K) ->
                            case process_info(K, initial_call) of
                                {initial_call, Raw} ->
                                    {true, {K, maps:get(K, Ids, undefined), initial_call(K, Raw)}};
                                undefined ->
                                    false
                            end
                    end, Kids).

%% proc_lib's '$initial_call' where present, else the raw initial call.
initial_call(P, {proc_lib, init_p, 5} = Raw) ->
    case process_info(P, dictionary) of
        {dictionary, D} ->
            case lists:keyfind('$initial_call', 1, D) of
                {_, {_, _, _} = IC} -> IC;
                _ -> Raw
            end;
        undefined ->
            Raw
    end;
initial_call(_, Raw) ->
    Raw.

is_sup({supervisor, _, _}) -> true;
is_sup({'Elixir.DynamicSupervisor', _, _}) -> true;
is_sup(_) -> false.

%% Monitored processes as pids: by-name monitors resolved where local, ports left out.
monitor_targets(Mons) ->
    lists:sort(lists:filtermap(fun({process, P}) when is_pid(P) -> {true, P};
                                  ({process, {Name, Node}}) when Node =:= node() ->
                                       case whereis(Name) of
                                           P when is_pid(P) -> {true, P};
                                           _ -> false
                                       end;
                                  (_) -> false
                               end, Mons)).

pids(L) -> [P || P <- L, is_pid(P)].

info_hash(Mq, Mem, Status) -> erlang:phash2({Mq, Mem, Status}).

%% ---------------------------------------------------------------------------------------------
%% Main loop

loop(St0) ->
    case guarded(fun(S) -> tick(pull(S)) end, St0#st{now = now_ms()}) of
        {stop, Why, St} ->
            stop(Why, St);
        St when St#st.next_flush =/= St0#st.next_flush ->
            %% After each flush the agent moves to the current copy of the module, so that a
            %% load over a running agent (a second observer's attempt) leaves no process in the
            %% old copy: a further load or purge would kill it without cleanup.
            case erlang:module_loaded(?MODULE) of
                true -> ?MODULE:continue(St);
                false -> continue(St)
            end;
        St ->
            continue(St)
    end.

%% Internal (exported for loop/1's move to a newly loaded copy). A state this copy cannot read
%% (another version's) stops the agent with what needs no state.
continue(#st{overload = true} = St) ->
    case drain(?DRAIN_BATCH, {0, 0, 0, 0, 0, 0, 0, 0}, St#st.hidden, []) of
        {Counts, Kept, Hidden, none} -> wait(kept(Kept, drained(Counts, St#st{hidden = Hidden})));
        {Counts, Kept, Hidden, {msg, Msg}} -> dispatch(Msg, kept(Kept, drained(Counts, St#st{hidden = Hidden})))
    end;
continue(#st{} = St) ->
    wait(St);
continue(Foreign) ->
    untrace(),
    _ = erlang:trace_pattern('receive', true, []),
    _ = is_tuple(Foreign) andalso tuple_size(Foreign) > 1 andalso is_pid(element(2, Foreign))
        andalso erlang:send(element(2, Foreign), {actorscope, self(), detached}, [noconnect]),
    _ = (catch unregister(?MODULE)),
    unload(none).

wait(St) ->
    receive
        Msg -> dispatch(Msg, St)
    after wait_ms(St) ->
        loop(St)
    end.

%% Until the next batch or poll. While new processes are traced and the NIF's buffer fills fast,
%% sooner: the spawn that spends the window's rate closes the gate only once the agent handles it,
%% and every process spawned until then is traced (and costs the node) for nothing.
wait_ms(#st{now = Now, next_flush = F, next_poll = P, busy_pull = true, untraced_since = undefined}) ->
    max(0, min(?BUSY_PULL_MS, min(F, P) - Now));
wait_ms(#st{now = Now, next_flush = F, next_poll = P}) ->
    max(0, min(F, P) - Now).

dispatch(Msg, St) ->
    case guarded(fun(S) -> handle(Msg, pull(S)) end, St) of
        {stop, Why, St1} -> stop(Why, St1);
        St1 -> loop(St1)
    end.

%% A bug must not leave trace flags behind: a crash stops the agent like a detach.
guarded(F, St) ->
    try F(St)
    catch Class:Reason:Stack -> {stop, {crash, Class, Reason, Stack}, St}
    end.

tick(#st{now = Now} = St0) ->
    St1 = case Now >= St0#st.next_flush of
              true -> flush(check_load(St0#st{next_flush = Now + St0#st.batch_ms}));
              false -> St0
          end,
    case Now >= St1#st.next_poll of
        true -> poll(St1#st{next_poll = Now + ?POLL_MS});
        false -> St1
    end.

%% After pull/1 took what came before; a window's late message does not close the next one.
handle({?TRACER, budget_spent, WS}, #st{window_start = WS} = St) -> trace_new(false, St);
handle({trace_ts, _, _, _, _} = M, St) -> trace_msg(M, St);
handle({trace_ts, _, _, _, _, _} = M, St) -> trace_msg(M, St);
handle({'$actorscope_labels', Pid, Results}, #st{labeller = Pid} = St) ->
    emit([{label, K, Id, IC} || {K, Id, IC} <- Results], St);
handle({'$actorscope_eval', Pid, Result, Output}, St) -> eval_done(Pid, Result, Output, St);
handle({'$actorscope_eval_timeout', Pid}, St) -> eval_timeout(Pid, St);
handle({'DOWN', MRef, process, _, _}, #st{obs_mon = MRef} = St) -> {stop, observer_down, St};
handle({'DOWN', _, process, Pid, Why}, St) -> process_down(Pid, Why, St);
handle({nodedown, Node}, #st{observer = Obs} = St) when Node =:= node(Obs) ->
    {stop, nodedown, St};
handle({detach, Obs}, #st{observer = Obs} = St) -> {stop, detach, St};
handle({Ref, Obs, Cmd}, #st{observer = Obs} = St) -> command(Ref, Cmd, St);
handle(_, St) -> St.

%% ---------------------------------------------------------------------------------------------
%% Trace messages: no process_info here; translation only.

trace_msg(M, St) ->
    case kind(M) of
        ignore -> St;
        exit when St#st.overload -> sample(exit, M, St);  % a shown process's exit is never dropped
        spawn when St#st.overload -> hide(M, St);
        Kind when St#st.overload -> drop(Kind, St);
        Kind -> sample(Kind, M, St)
    end.

%% Sampling keeps whole lives: a spawn over the rate hides the new process (and what a hidden
%% process spawns), every later event of a hidden process is counted, not sent, and its exit
%% forgets it. Events of shown processes are always sent: an exit the observer never got would
%% leave a process on its screen for ever.
%% Trace messages of two processes are not ordered: a child's exit can come before its parent's
%% spawn (short lives on a loaded node). An exit of a process neither in the snapshot, polled,
%% nor shown by a spawn waits in `early` for its spawn, which then decides the whole life; after
%% ?EARLY_EXIT_MS without one it is sent (a process the observer may not know: harmless).
sample(Kind, M, #st{hidden = H} = St) ->
    P = element(2, M),
    case is_map_key(P, H) of
        true when Kind =:= exit -> drop(Kind, St#st{hidden = maps:remove(P, H)});
        true when Kind =:= spawn -> hide(M, St);
        true -> drop(Kind, St);
        false when Kind =:= spawn ->
            case maybe_untraced(element(6, M), St) of
                true -> hide(M, St);
                false -> admit(Kind, M, St)
            end;
        false when Kind =:= exit -> shown_exit(M, St);
        false when Kind =:= link; Kind =:= unlink ->
            case is_map_key(element(4, M), H) of
                true -> drop(Kind, St);
                false -> send_event(M, St)
            end;
        false -> send_event(M, St)
    end.

kind({trace_ts, _, spawn, _, _, _}) -> spawn;
kind({trace_ts, _, exit, _, _}) -> exit;
kind({trace_ts, _, link, O, _}) when is_pid(O) -> link;
kind({trace_ts, _, unlink, O, _}) when is_pid(O) -> unlink;
kind({trace_ts, _, register, _, _}) -> register;
kind({trace_ts, _, unregister, _, _}) -> unregister;
kind({trace_ts, _, 'receive', {'EXIT', F, _}, _}) when is_pid(F) -> exit_msg;
kind({trace_ts, _, 'receive', {'DOWN', _, process, _, _}, _}) -> down_msg;
kind(_) -> ignore.      % spawned, getting_linked, getting_unlinked, links to ports

event({trace_ts, P, spawn, C, {M, F, A}, TS}) -> {spawn, ns(TS), C, P, {M, F, arity(A)}};
event({trace_ts, P, exit, R, TS}) -> {exit, ns(TS), P, limit(R)};
event({trace_ts, P, link, O, TS}) -> {link, ns(TS), P, O};
event({trace_ts, P, unlink, O, TS}) -> {unlink, ns(TS), P, O};
event({trace_ts, P, register, N, TS}) -> {register, ns(TS), P, N};
event({trace_ts, P, unregister, N, TS}) -> {unregister, ns(TS), P, N};
event({trace_ts, P, 'receive', {'EXIT', F, R}, TS}) -> {exit_msg, ns(TS), P, F, limit(R)};
event({trace_ts, P, 'receive', {'DOWN', Ref, process, Tg, R}, TS}) ->
    {down_msg, ns(TS), P, Ref, Tg, limit(R)}.

arity(A) when is_list(A) -> length(A);
arity(A) when is_integer(A) -> A;
arity(_) -> 0.

%% Rate limit on spawns: once this window's allowance of events went out, a new process is hidden
%% (sample/3); everything left out is counted, exactly.
admit(Kind, M, #st{now = Now, window_start = WS} = St) when Now - WS >= 1000 ->
    admit(Kind, M, new_window(St));
admit(_, M, #st{window_sent = Sent, allow = Allow} = St) when Sent < Allow ->
    show(M, St);
admit(_, M, St) ->
    hide(M, trace_new(false, St)).

%% New processes traced or not (see #st.untraced_since). A process spawned while they were not
%% (its spawn's timestamp inside such a span, bounds taken outside the flag change) is hidden:
%% none of its later events come. Spans older than 10 s are forgotten.
trace_new(false, #st{untraced_since = undefined} = St) ->
    Since = erlang:monotonic_time(),
    _ = erlang:trace(new_processes, false, ?TRACE_FLAGS),
    nif_gate(true, St),
    St#st{untraced_since = Since};
trace_new(true, #st{untraced_since = Since} = St) when Since =/= undefined ->
    nif_gate(false, St),
    _ = erlang:trace(new_processes, true, [tracer(St#st.nif) | ?TRACE_FLAGS]),
    Until = erlang:monotonic_time(),
    Old = Until - erlang:convert_time_unit(10, second, native),
    St#st{untraced_since = undefined,
          untraced_spans = [{Since, Until} | [S || {_, To} = S <- St#st.untraced_spans, To > Old]]};
trace_new(_, St) ->
    St.

%% A new window: new processes are traced again (not only at the next spawn event: the spawns
%% may all come from processes that are not traced), and the NIF's gate opens for the window's
%% budget (it may have closed it by itself, unknown to the agent yet).
rate_window(#st{now = Now, window_start = WS} = St) when Now - WS >= 1000 ->
    new_window(St);
rate_window(St) ->
    St.

%% The allowance is a bucket of up to max_eps events: a burst after a quiet spell (a supervision
%% tree restarting) is shown whole; a storm that lasts gets the sustained rate (?MIN_EPS, or
%% ?EVENTS_PER_CPU_MS per ms of the node's CPU time), and the agent's cost stays a small share
%% of the node's own work.
new_window(#st{now = Now, window_start = WS, window_sent = Sent, allow = Allow, cpu_ms = Cpu0,
               max_eps = Max} = St0) ->
    {Cpu, _} = erlang:statistics(runtime),
    Refill = max(?MIN_EPS * (Now - WS) div 1000, ?EVENTS_PER_CPU_MS * (Cpu - Cpu0)),
    St = St0#st{window_start = Now, window_sent = 0, cpu_ms = Cpu,
                allow = min(Max, max(0, Allow - Sent) + Refill)},
    case St#st.untraced_since of
        undefined -> nif_gate(false, St), St;
        _ -> trace_new(true, St)
    end.

maybe_untraced(TS, #st{untraced_since = Since}) when Since =/= undefined, TS >= Since ->
    true;
maybe_untraced(TS, #st{untraced_spans = Spans}) ->
    lists:any(fun({From, To}) -> TS >= From andalso TS =< To end, Spans).

%% A spawn sent: the child is shown (with its exit, if that came first).
show(M, St0) ->
    C = element(4, M),
    St = send_event(M, St0),
    case maps:take(C, St#st.early) of
        {{_, Exit}, Early} -> send_event(Exit, St#st{early = Early});
        error -> St#st{born = (St#st.born)#{C => true}}
    end.

%% A spawn dropped: the child is hidden (its exit dropped too, if that came first).
hide(M, St) ->
    C = element(4, M),
    case maps:take(C, St#st.early) of
        {_, Early} -> drop(exit, drop(spawn, St#st{early = Early}));
        error -> drop(spawn, St#st{hidden = (St#st.hidden)#{C => true}})
    end.

shown_exit(M, #st{born = B, known = K} = St) ->
    P = element(2, M),
    case maps:take(P, B) of
        {_, Born} -> send_event(M, St#st{born = Born});
        error when is_map_key(P, K) -> send_event(M, St);
        error when map_size(St#st.early) =:= 0 ->
            St#st{early = #{P => {St#st.now, M}}, early_next = St#st.now + ?EARLY_EXIT_MS};
        error -> St#st{early = (St#st.early)#{P => {St#st.now, M}}}
    end.

%% Exits whose spawn did not come within ?EARLY_EXIT_MS are sent (oldest first). The map is
%% walked only once its oldest entry may be due (early_next: never later than that), not on every
%% tick: under a storm of short lives it holds thousands.
expire_early(#st{early = E} = St) when map_size(E) =:= 0 ->
    St;
expire_early(#st{now = Now, early_next = Next} = St) when Now < Next ->
    St;
expire_early(#st{early = E, now = Now} = St) ->
    {Old, Oldest} = maps:fold(fun(P, {T, M}, {Acc, O}) when Now - T >= ?EARLY_EXIT_MS -> {[{T, P, M} | Acc], O};
                                 (_, {T, _}, {Acc, O}) -> {Acc, min(T, O)}
                              end, {[], Now}, E),
    St1 = lists:foldl(fun({_, P, M}, S) -> send_event(M, S#st{early = maps:remove(P, S#st.early)}) end,
                      St, lists:sort(Old)),
    St1#st{early_next = Oldest + ?EARLY_EXIT_MS}.

send_event(M, #st{window_sent = Sent} = St) ->
    St#st{events = [event(M) | St#st.events], n_pending = St#st.n_pending + 1,
          n_traced = St#st.n_traced + 1, window_sent = Sent + 1}.

drop(Kind, St) ->
    drop(Kind, 1, St).

drop(Kind, N, #st{dropped_by_kind = ByKind} = St) ->
    St#st{n_traced = St#st.n_traced + N, n_dropped = St#st.n_dropped + N,
          dropped_by_kind = ByKind#{Kind => maps:get(Kind, ByKind, 0) + N}}.

%% Events from polls and helpers (Evs oldest first); not rate limited, bounded by the poll.
emit([], St) -> St;
emit(Evs, St) ->
    St#st{events = lists:reverse(Evs, St#st.events), n_pending = St#st.n_pending + length(Evs)}.

%% Overload: up to N trace messages counted by kind, unread; stops at the first other message.
%% Overload: up to N trace messages counted by kind, unread, except the exits of shown
%% processes, which are kept (the observer must not keep a process that ended); a process
%% spawned meanwhile is hidden (its spawn was not sent). Stops at the first other message.
drain(0, C, Hidden, Kept) ->
    {C, Kept, Hidden, none};
drain(N, C, Hidden, Kept) ->
    receive
        {trace_ts, P, exit, _, _} = M when not is_map_key(P, Hidden) -> drain(N - 1, C, Hidden, [M | Kept]);
        {trace_ts, _, spawn, Child, _, _} = M -> drain(N - 1, count(kind(M), C), Hidden#{Child => true}, Kept);
        {trace_ts, _, _, _, _} = M -> drain(N - 1, count(kind(M), C), Hidden, Kept);
        {trace_ts, _, _, _, _, _} = M -> drain(N - 1, count(kind(M), C), Hidden, Kept);
        Other -> {C, Kept, Hidden, {msg, Other}}
    after 0 ->
        {C, Kept, Hidden, none}
    end.

%% The kept exits go through sample/3: a spawn drained after one may have hidden its process.
kept(Kept, St) ->
    lists:foldl(fun(M, S) -> sample(exit, M, S) end, resolve_early(St), lists:reverse(Kept)).

%% Early exits of processes whose spawn a drain counted (and hid) are dropped with them.
resolve_early(#st{early = E} = St) when map_size(E) =:= 0 ->
    St;
resolve_early(#st{early = E, hidden = H} = St) ->
    maps:fold(fun(P, _, S) when is_map_key(P, H) ->
                      drop(exit, S#st{early = maps:remove(P, S#st.early),
                                      hidden = maps:remove(P, S#st.hidden)});
                 (_, _, S) -> S
              end, St, E).

count(ignore, C) -> C;
count(spawn, {S, E, L, U, R, Ur, Em, Dm}) -> {S + 1, E, L, U, R, Ur, Em, Dm};
count(exit, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E + 1, L, U, R, Ur, Em, Dm};
count(link, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L + 1, U, R, Ur, Em, Dm};
count(unlink, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L, U + 1, R, Ur, Em, Dm};
count(register, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L, U, R + 1, Ur, Em, Dm};
count(unregister, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L, U, R, Ur + 1, Em, Dm};
count(exit_msg, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L, U, R, Ur, Em + 1, Dm};
count(down_msg, {S, E, L, U, R, Ur, Em, Dm}) -> {S, E, L, U, R, Ur, Em, Dm + 1}.

drained(Counts, #st{dropped_by_kind = ByKind0} = St) ->
    Kinds = [spawn, exit, link, unlink, register, unregister, exit_msg, down_msg],
    {N, ByKind} = lists:foldl(fun({_, 0}, Acc) -> Acc;
                                 ({K, C}, {Sum, BK}) -> {Sum + C, BK#{K => maps:get(K, BK, 0) + C}}
                              end, {0, ByKind0}, lists:zip(Kinds, tuple_to_list(Counts))),
    St#st{n_traced = St#st.n_traced + N, n_dropped = St#st.n_dropped + N,
          dropped_by_kind = ByKind}.

%% Mailbox bound: above ?MQ_HIGH trace messages are counted unread and 'receive' tracing is
%% paused, until the mailbox is below ?MQ_LOW.
check_load(#st{overload = Over} = St) ->
    {message_queue_len, Mq} = process_info(self(), message_queue_len),
    if
        not Over, Mq > ?MQ_HIGH ->
            _ = erlang:trace_pattern('receive', false, []),
            St#st{overload = true};
        Over, Mq < ?MQ_LOW ->
            _ = erlang:trace_pattern('receive', ?RECEIVE_MS, []),
            St#st{overload = false};
        true ->
            St
    end.

%% Sends the batch when anything happened. A busy connection keeps it for the next flush; past
%% 2 s of events it is dropped (and counted).
flush(#st{} = St0) ->
    #st{observer = Obs} = St = nif_dropped(expire_early(rate_window(St0))),
    Nodes = other_nodes(Obs),
    NodesChanged = Nodes =/= St#st.nodes,
    case St#st.events =/= [] orelse St#st.n_dropped > 0 orelse NodesChanged of
        false ->
            St;
        true ->
            Stats0 = #{events => St#st.n_traced, dropped => St#st.n_dropped,
                       dropped_by_kind => St#st.dropped_by_kind,
                       sampling => St#st.n_dropped > 0 orelse St#st.overload,
                       overload => St#st.overload,
                       procs => erlang:system_info(process_count) - 1 - map_size(St#st.helpers),
                       hidden => map_size(St#st.hidden),
                       agent_reductions => element(2, process_info(self(), reductions))},
            Stats = case NodesChanged of
                        true -> Stats0#{nodes => Nodes};
                        false -> Stats0
                    end,
            Msg = {actorscope, self(), events, lists:reverse(St#st.events), Stats},
            case erlang:send(Obs, Msg, [noconnect, nosuspend]) of
                nosuspend when St#st.n_pending > 2 * St#st.max_eps ->
                    drop_pending(St);
                nosuspend ->
                    St;
                _ ->
                    St#st{events = [], n_pending = 0, n_traced = 0, n_dropped = 0,
                          dropped_by_kind = #{}, nodes = Nodes}
            end
    end.

%% A busy connection: the batch is dropped (and counted) but for the exits of shown processes.
drop_pending(#st{events = Evs} = St) ->
    Exits = [Ev || Ev <- Evs, element(1, Ev) =:= exit],
    lists:foldl(fun(Ev, S) -> drop(element(1, Ev), S#st{n_traced = S#st.n_traced - 1}) end,
                St#st{events = Exits, n_pending = length(Exits)}, [Ev || Ev <- Evs, element(1, Ev) =/= exit]).

%% ---------------------------------------------------------------------------------------------
%% Polling

poll(#st{overload = true} = St) ->
    St;
poll(St0) ->
    T = now_ns(),
    St1 = maybe_new_walk(St0),
    {Walk, Rest} = take(?POLL_WALK_MAX, St1#st.walk),
    St2 = lists:foldl(fun(P, S) -> poll_one(P, T, S) end, St1#st{walk = Rest},
                      St1#st.visible ++ Walk),
    start_labeller(St2).

maybe_new_walk(#st{walk = [], now = Now, walk_started = W} = St) when Now - W >= ?FULL_POLL_MS ->
    Procs = erlang:processes(),
    St#st{walk = Procs, walk_started = Now,
          known = maps:with(Procs, St#st.known), sups = maps:with(Procs, St#st.sups),
          hidden = maps:with(Procs, St#st.hidden), born = maps:with(Procs, St#st.born)};
maybe_new_walk(St) ->
    St.

-define(POLL_ITEMS, [message_queue_len, reductions, memory, status, monitors, trap_exit]).

poll_one(P, T, St) ->
    case P =:= self() orelse is_map_key(P, St#st.helpers) orelse is_map_key(P, St#st.evals)
         orelse is_map_key(P, St#st.hidden) of
        true ->
            St;
        false ->
            case process_info(P, ?POLL_ITEMS) of
                [{_, Mq}, {_, Red}, {_, Mem}, {_, Status}, {_, Mons}, {_, Trap}] ->
                    H = info_hash(Mq, Mem, Status),
                    Tg = monitor_targets(Mons),
                    case St#st.known of
                        #{P := {H, Red0, Tg, Trap}} when Red - Red0 < ?RED_DELTA ->
                            St;
                        #{P := Old} ->
                            changed(P, T, Old, {H, Red, Tg, Trap}, {Mq, Mem, Status}, St);
                        _ ->
                            changed(P, T, {undefined, 0, [], false}, {H, Red, Tg, Trap},
                                    {Mq, Mem, Status}, learn(P, St))
                    end;
                _ ->
                    St#st{known = maps:remove(P, St#st.known)}
            end
    end.

changed(P, T, {H0, Red0, Tg0, Trap0}, {H, Red, Tg, Trap}, {Mq, Mem, Status}, St) ->
    Report = H =/= H0 orelse Red - Red0 >= ?RED_DELTA,
    Info = [{info, P, Mq, Red, Mem, Status} || Report],
    TrapEv = [{trap_exit, T, P, Trap} || Trap =/= Trap0],
    Mon = [{monitor, T, P, X} || X <- Tg -- Tg0],
    %% a monitor that fired is reported by its down_msg, not as a demonitor
    Demon = [{demonitor, T, P, X} || X <- Tg0 -- Tg, alive(X)],
    Reported = {H, case Report of true -> Red; false -> Red0 end, Tg, Trap},
    emit(Info ++ TrapEv ++ Mon ++ Demon, St#st{known = (St#st.known)#{P => Reported}}).

alive(P) when node(P) =:= node() -> is_process_alive(P);
alive(_) -> true.

%% First sight of a process since the snapshot: its proc_lib initial call and child id.
learn(P, St) ->
    case process_info(P, [initial_call, parent]) of
        [{_, Raw}, {_, Parent}] ->
            IC = initial_call(P, Raw),
            St1 = case is_sup(IC) of
                      true -> St#st{sups = (St#st.sups)#{P => true}};
                      false -> St
                  end,
            case is_map_key(Parent, St1#st.sups) of
                true ->
                    Pending = maps:update_with(Parent, fun(Kids) -> [P | Kids] end, [P],
                                               St1#st.label_pending),
                    St1#st{label_pending = Pending};
                false when IC =:= {application_master, init, 4} ->
                    emit([{label, P, app_of_master(P), IC}], St1);
                false when IC =/= Raw ->
                    emit([{label, P, undefined, IC}], St1);
                false ->
                    St1
            end;
        _ ->
            St
    end.

start_labeller(#st{labeller = undefined, label_pending = Pending} = St)
  when map_size(Pending) > 0 ->
    {Jobs, _} = take(?LABEL_SUPS_MAX, maps:to_list(Pending)),
    Agent = self(),
    {Pid, MRef} = spawn_monitor(fun() -> label_helper(Agent, Jobs) end),
    St#st{labeller = Pid, helpers = (St#st.helpers)#{Pid => MRef},
          label_pending = maps:without([S || {S, _} <- Jobs], Pending)};
start_labeller(St) ->
    St.

process_down(Pid, Why, St) ->
    case maps:take(Pid, St#st.evals) of
        {{Ref, _, TRef}, Evals} ->
            _ = erlang:cancel_timer(TRef),
            reply(Ref, {error, exception(exit, Why, [])}, St),
            St#st{evals = Evals, session_evals = maps:remove(Pid, St#st.session_evals)};
        error ->
            Labeller = case St#st.labeller of
                           Pid -> undefined;
                           L -> L
                       end,
            St#st{helpers = maps:remove(Pid, St#st.helpers), labeller = Labeller,
                  captures = maps:remove(Pid, St#st.captures)}
    end.

%% ---------------------------------------------------------------------------------------------
%% Commands

command(Ref, Cmd, #st{read_only = true} = St) when not (Cmd =:= detach orelse
                                                        (is_tuple(Cmd) andalso
                                                         (element(1, Cmd) =:= info orelse
                                                          element(1, Cmd) =:= poll_first))) ->
    reply(Ref, {error, read_only}, St),
    St;
command(Ref, detach, St) ->
    reply(Ref, ok, St),
    {stop, detach, St};
command(Ref, {info, P}, St) ->
    reply(Ref, info(P), St),
    St;
command(Ref, {poll_first, Pids}, St) when is_list(Pids) ->
    Visible = [P || P <- Pids, is_pid(P), node(P) =:= node()],
    reply(Ref, ok, St),
    St#st{visible = lists:sublist(Visible, ?POLL_FIRST_MAX)};
command(Ref, {exit, P, Reason}, St) ->
    reply(Ref, do_exit(resolve(P), Reason), St),
    St;
command(Ref, {send, Dest, Msg}, St) ->
    reply(Ref, do_send(Dest, Msg), St),
    St;
command(Ref, {suspend, P}, St) ->
    {Result, St1} = suspend(resolve(P), St),
    reply(Ref, Result, St1),
    St1;
command(Ref, {resume, P}, St) ->
    {Result, St1} = resume(resolve(P), St),
    reply(Ref, Result, St1),
    St1;
command(Ref, {eval, Lang, Text, session}, St)
  when (Lang =:= erlang orelse Lang =:= elixir), (is_list(Text) orelse is_binary(Text)) ->
    %% The console's session: the bindings of the last evaluation carry over, as in a shell.
    St1 = eval_start(Ref, Lang, Text, maps:get(Lang, St#st.sessions, []), St),
    [Pid] = maps:keys(maps:without(maps:keys(St#st.evals), St1#st.evals)),
    St1#st{session_evals = (St1#st.session_evals)#{Pid => Lang}};
command(Ref, {eval, Lang, Text, Bindings}, St)
  when (Lang =:= erlang orelse Lang =:= elixir), (is_list(Text) orelse is_binary(Text)),
       is_list(Bindings) ->
    eval_start(Ref, Lang, Text, Bindings, St);
command(Ref, Cmd, St) ->
    reply(Ref, {error, {badarg, Cmd}}, St),
    St.

reply(Ref, Result, St) ->
    send_obs({actorscope, self(), reply, Ref, Result}, St).

resolve(P) when is_pid(P) -> P;
resolve(Name) when is_atom(Name) -> whereis(Name);
resolve(_) -> undefined.

local_alive(P) -> is_pid(P) andalso node(P) =:= node() andalso is_process_alive(P).

do_exit(P, _) when P =:= self() -> {error, agent};
do_exit(P, Reason) when is_pid(P) ->
    case node(P) =/= node() orelse is_process_alive(P) of
        true -> exit(P, Reason), ok;
        false -> {error, noproc}
    end;
do_exit(_, _) -> {error, noproc}.

do_send(P, Msg) when is_pid(P) ->
    case node(P) =/= node() orelse is_process_alive(P) of
        true -> P ! Msg, ok;
        false -> {error, noproc}
    end;
do_send(Name, Msg) when is_atom(Name) ->
    case whereis(Name) of
        undefined -> {error, noproc};
        P -> do_send(P, Msg)
    end;
do_send({Name, Node} = Dest, Msg) when is_atom(Name), is_atom(Node) ->
    try Dest ! Msg of
        _ -> ok
    catch error:_ -> {error, noproc}
    end;
do_send(_, _) ->
    {error, noproc}.

%% Suspensions are the agent's: counted, and undone at cleanup (erts also drops them when the
%% agent ends).
suspend(P, St) when P =:= self() ->
    {{error, agent}, St};
suspend(P, St) ->
    case local_alive(P) of
        true ->
            try erlang:suspend_process(P) of
                _ -> {ok, St#st{suspended = maps:update_with(P, fun(N) -> N + 1 end, 1,
                                                             St#st.suspended)}}
            catch error:badarg -> {{error, noproc}, St}
            end;
        false ->
            {{error, noproc}, St}
    end.

resume(P, #st{suspended = Susp} = St) ->
    case Susp of
        #{P := N} ->
            Susp1 = case N of
                        1 -> maps:remove(P, Susp);
                        _ -> Susp#{P := N - 1}
                    end,
            try erlang:resume_process(P) of
                _ -> {ok, St#st{suspended = Susp1}}
            catch error:badarg -> {{error, noproc}, St#st{suspended = maps:remove(P, Susp)}}
            end;
        _ ->
            {{error, not_suspended}, St}
    end.

%% {ok, {InfoList, Messages}}: process_info/1 (dictionary size-limited) plus monitors,
%% monitored_by, memory, current_stacktrace; up to ?INFO_MESSAGES messages.
info(P0) ->
    case resolve(P0) of
        P when is_pid(P), node(P) =:= node() ->
            case process_info(P) of
                undefined ->
                    {error, noproc};
                Items0 ->
                    Extra = case process_info(P, [monitors, monitored_by, memory,
                                                  current_stacktrace]) of
                                undefined -> [];
                                E -> E
                            end,
                    Items = [limit_item(I) || I <- Items0] ++ Extra,
                    Mq = proplists:get_value(message_queue_len, Items0, 0),
                    {ok, {Items, messages(P, Mq)}}
            end;
        P when is_pid(P) ->
            {error, not_local};
        _ ->
            {error, noproc}
    end.

limit_item({dictionary, D}) -> {dictionary, [limit(KV) || KV <- lists:sublist(D, ?INFO_DICT_MAX)]};
limit_item(I) -> I.

messages(P, Mq) when Mq > 0, Mq =< ?INFO_MQ_COPY_MAX ->
    case process_info(P, messages) of
        {messages, Ms} -> [limit(M) || M <- lists:sublist(Ms, ?INFO_MESSAGES)];
        undefined -> []
    end;
messages(_, _) ->
    [].

%% ---------------------------------------------------------------------------------------------
%% Eval: a fresh process (traced like any other), answered by message or after ?EVAL_MS.

%% What the evaluation prints goes to a capture process (its group leader, and that of what it
%% spawns), sent to the observer before the reply as {actorscope, A, output, Ref, Binary}.
eval_start(Ref, Lang, Text, Bindings, St) ->
    Agent = self(),
    Orig = group_leader(),
    Cap = spawn(fun() -> untrace_self(), receive {'$capture', Eval} -> capture(Orig, Eval) end end),
    CapMRef = erlang:monitor(process, Cap),
    {Pid, MRef} = spawn_monitor(fun() ->
                                        group_leader(Cap, self()),
                                        Result = eval(Lang, to_list(Text), Bindings),
                                        Cap ! {'$capture_take', self()},
                                        Output = receive {'$captured', Cap, Out} -> Out
                                                 after 1000 -> <<>>
                                                 end,
                                        Agent ! {'$actorscope_eval', self(), Result, Output}
                                end),
    Cap ! {'$capture', Pid},
    TRef = erlang:send_after(?EVAL_MS, self(), {'$actorscope_eval_timeout', Pid}),
    St#st{evals = (St#st.evals)#{Pid => {Ref, MRef, TRef}},
          helpers = (St#st.helpers)#{Cap => CapMRef}, captures = (St#st.captures)#{Cap => Orig}}.

%% An evaluation's group leader: keeps what is written (up to ?PRINT_CHARS bytes), answers
%% reads with eof (the console has no input for it). When the evaluation ends (it takes the text,
%% or dies), every process still using this one gets the original group leader back; requests
%% that come meanwhile are passed on to it for a second, then this ends.
capture(Orig, Eval) ->
    MRef = erlang:monitor(process, Eval),
    capture(Orig, Eval, MRef, [], 0).

capture(Orig, Eval, MRef, Acc, Size) ->
    receive
        {io_request, From, ReplyAs, Req} ->
            {Reply, Acc1, Size1} = io_request(Req, Acc, Size),
            From ! {io_reply, ReplyAs, Reply},
            capture(Orig, Eval, MRef, Acc1, Size1);
        {'$capture_take', Eval} ->
            erlang:demonitor(MRef, [flush]),
            Eval ! {'$captured', self(), iolist_to_binary(lists:reverse(Acc))},
            capture_end(Orig);
        {'DOWN', MRef, process, Eval, _} ->
            capture_end(Orig)
    end.

capture_end(Orig) ->
    restore_group_leader(self(), Orig),
    End = erlang:monotonic_time(millisecond) + 1000,
    capture_forward(Orig, End).

capture_forward(Orig, End) ->
    receive
        {io_request, _, _, _} = R -> Orig ! R, capture_forward(Orig, End)
    after max(0, End - erlang:monotonic_time(millisecond)) ->
        restore_group_leader(self(), Orig)
    end.

restore_group_leader(From, To) ->
    _ = [catch group_leader(To, P) || P <- erlang:processes(), P =/= From,
                                      process_info(P, group_leader) =:= {group_leader, From}],
    ok.

io_request({put_chars, Enc, Chars}, Acc, Size) ->
    put_text(catch unicode:characters_to_binary(Chars, Enc, unicode), Acc, Size);
io_request({put_chars, Enc, M, F, A}, Acc, Size) ->
    put_text(catch unicode:characters_to_binary(apply(M, F, A), Enc, unicode), Acc, Size);
io_request({put_chars, Chars}, Acc, Size) ->
    io_request({put_chars, latin1, Chars}, Acc, Size);
io_request({put_chars, M, F, A}, Acc, Size) ->
    io_request({put_chars, latin1, M, F, A}, Acc, Size);
io_request({requests, Reqs}, Acc, Size) ->
    lists:foldl(fun(R, {_, A, S}) -> io_request(R, A, S) end, {ok, Acc, Size}, Reqs);
io_request(getopts, Acc, Size) ->
    {[{binary, false}, {encoding, unicode}], Acc, Size};
io_request({setopts, _}, Acc, Size) ->
    {ok, Acc, Size};
io_request({get_geometry, _}, Acc, Size) ->
    {{error, enotsup}, Acc, Size};
io_request(Req, Acc, Size) when is_tuple(Req), element(1, Req) =:= get_chars;
                                is_tuple(Req), element(1, Req) =:= get_line;
                                is_tuple(Req), element(1, Req) =:= get_until;
                                is_tuple(Req), element(1, Req) =:= get_password ->
    {eof, Acc, Size};
io_request(_, Acc, Size) ->
    {{error, request}, Acc, Size}.

put_text(Bin, Acc, Size) when is_binary(Bin), Size + byte_size(Bin) =< ?PRINT_CHARS ->
    {ok, [Bin | Acc], Size + byte_size(Bin)};
put_text(Bin, Acc, Size) when is_binary(Bin), Size < ?PRINT_CHARS ->
    {ok, [<<"\n... (more output left out)\n">>, binary:part(Bin, 0, ?PRINT_CHARS - Size) | Acc], ?PRINT_CHARS};
put_text(Bin, Acc, Size) when is_binary(Bin) ->
    {ok, Acc, Size};
put_text(_, Acc, Size) ->
    {{error, {error, put_chars}}, Acc, Size}.

eval_done(Pid, Result0, Output, St0) ->
    {Result, St} = case maps:take(Pid, St0#st.session_evals) of
                       {Lang, Sessions} ->
                           keep_bindings(Lang, Result0, St0#st{session_evals = Sessions});
                       error ->
                           {Result0, St0}
                   end,
    case maps:take(Pid, St#st.evals) of
        {{Ref, MRef, TRef}, Evals} ->
            erlang:demonitor(MRef, [flush]),
            _ = erlang:cancel_timer(TRef),
            _ = Output =:= <<>> orelse send_obs({actorscope, self(), output, Ref, Output}, St),
            reply(Ref, Result, St),
            St#st{evals = Evals};
        error ->
            St
    end.

%% A session's evaluation keeps its bindings here; the reply carries none.
keep_bindings(Lang, {ok, {Printed, Bindings}}, St) ->
    {{ok, {Printed, []}}, St#st{sessions = (St#st.sessions)#{Lang => Bindings}}};
keep_bindings(_, Result, St) ->
    {Result, St}.

eval_timeout(Pid, St) ->
    case maps:take(Pid, St#st.evals) of
        {{Ref, MRef, _}, Evals} ->
            exit(Pid, kill),
            erlang:demonitor(MRef, [flush]),
            reply(Ref, {error, lists:flatten(io_lib:format("** evaluation timed out after ~w ms",
                                                           [?EVAL_MS]))}, St),
            St#st{evals = Evals, session_evals = maps:remove(Pid, St#st.session_evals)};
        error ->
            St
    end.

eval(erlang, Text, Bindings) ->
    try
        eval_erlang(Text, Bindings)
    catch Class:Reason:Stack ->
        {error, exception(Class, Reason, Stack)}
    end;
eval(elixir, Text, Bindings) ->
    case elixir_code() of
        true ->
            try 'Elixir.Code':eval_string(unicode:characters_to_binary(Text), Bindings) of
                {Value, NewBindings} ->
                    {ok, {truncate(to_list('Elixir.Kernel':inspect(Value, [{pretty, true}, {width, 80}]))),
                          NewBindings}}
            catch Class:Reason:Stack ->
                {error, elixir_exception(Class, Reason, Stack)}
            end;
        false ->
            {error, "** Elixir is not available on this node"}
    end.

eval_erlang(Text, Bindings) ->
    case erl_scan:string(Text, {1, 1}) of
        {error, {Loc, Mod, Desc}, _} ->
            {error, error_line(Loc, Mod, Desc)};
        {ok, Tokens, End} ->
            case erl_parse:parse_exprs(with_dot(Tokens, End)) of
                {error, {Loc, Mod, Desc}} ->
                    {error, error_line(Loc, Mod, Desc)};
                {ok, Exprs} ->
                    Bs0 = lists:foldl(fun({K, V}, B) -> erl_eval:add_binding(K, V, B) end,
                                      erl_eval:new_bindings(), Bindings),
                    case erl_lint:exprs(Exprs, erl_eval:bindings(Bs0)) of
                        {error, Errors, _} ->
                            {error, lists:flatten(
                                      lists:join($\n, [error_line(Loc, Mod, Desc)
                                                        || {_, Es} <- Errors,
                                                           {Loc, Mod, Desc} <- Es]))};
                        {ok, _} ->
                            {value, Value, Bs} =
                                erl_eval:exprs(Exprs, Bs0, {value, shell_local()}),
                            {ok, {truncate(io_lib:format("~tp", [Value])), erl_eval:bindings(Bs)}}
                    end
            end
    end.

%% Local calls in eval are the shell's commands (shell_default: pid/3, i/0, regs/0, ...). The
%% handler is made by erl_eval, not here: funs that the evaluation creates keep it, and a fun of
%% this module would make the purge at detach kill the processes that hold them.
shell_local() ->
    {ok, Tokens, _} = erl_scan:string("fun(Name, Args) -> apply(shell_default, Name, Args) end."),
    {ok, [Expr]} = erl_parse:parse_exprs(Tokens),
    {value, Fun, _} = erl_eval:expr(Expr, erl_eval:new_bindings()),
    Fun.

with_dot(Tokens, End) ->
    case lists:reverse(Tokens) of
        [{dot, _} | _] -> Tokens;
        _ -> Tokens ++ [{dot, End}]
    end.

error_line(Loc, Mod, Desc) ->
    lists:flatten(io_lib:format("* ~ts: ~ts", [location(Loc), Mod:format_error(Desc)])).

location({Line, Col}) -> io_lib:format("~w:~w", [Line, Col]);
location(Line) -> io_lib:format("~w", [Line]).

%% As the shell prints it: "** exception error: ...", the stack trimmed of eval's own frames.
exception(Class, Reason, Stack) ->
    Trim = fun(M, _, _) -> M =:= erl_eval orelse M =:= ?MODULE end,
    truncate(["** ", erl_error:format_exception(Class, Reason, Stack,
                                                #{stack_trim_fun => Trim})]).

%% As iex prints it: the banner with Exception.blame's detail ("...: 1 / 0"), the stack without
%% the evaluator's own frames.
elixir_exception(Class, Reason, Stack) ->
    Trimmed = [F || F <- Stack, not elixir_eval_frame(F)],
    try
        Normalized = 'Elixir.Exception':normalize(Class, Reason, Stack),
        {Blamed, _} = 'Elixir.Exception':blame(Class, Normalized, Stack),
        to_list('Elixir.Exception':format(Class, Blamed, Trimmed))
    of
        Text -> truncate(string:trim(Text, trailing))
    catch _:_ -> exception(Class, Reason, Stack)
    end.

elixir_eval_frame({M, _, _, _}) ->
    M =:= ?MODULE orelse M =:= erl_eval orelse M =:= 'Elixir.Code'
        orelse M =:= 'Elixir.Module.ParallelChecker'
        orelse lists:prefix("elixir", atom_to_list(M));
elixir_eval_frame(_) ->
    false.

elixir_code() ->
    case code:is_loaded('Elixir.Code') of
        {file, _} -> true;
        false -> element(1, code:ensure_loaded('Elixir.Code')) =:= module
    end.

truncate(Chars) ->
    S = to_list(Chars),
    case length(S) > ?PRINT_CHARS of
        true -> lists:sublist(S, ?PRINT_CHARS) ++ "...";
        false -> S
    end.

to_list(B) when is_binary(B) -> unicode:characters_to_list(B);
to_list(L) -> unicode:characters_to_list(L).

%% ---------------------------------------------------------------------------------------------
%% Cleanup

%% Undo everything, tell the observer, unload; the agent ends here.
stop(Why, St0) ->
    case Why of
        {crash, Class, Reason, Stack} ->
            catch logger:error("actorscope_agent crashed, detaching: ~tp",
                               [{Class, Reason, Stack}]);
        _ ->
            ok
    end,
    _ = [catch erlang:resume_process(P)
         || {P, N} <- maps:to_list(St0#st.suspended), _ <- lists:seq(1, N)],
    _ = [exit(P, kill) || P <- maps:keys(St0#st.helpers) ++ maps:keys(St0#st.evals)],
    %% what an evaluation left behind prints to the node again (a capture dies with the module)
    _ = [catch restore_group_leader(Cap, Orig) || {Cap, Orig} <- maps:to_list(St0#st.captures)],
    St = St0#st{suspended = #{}, helpers = #{}, evals = #{}, captures = #{}},
    _ = (catch flush(pull(St))),
    untrace(),
    _ = erlang:trace_pattern('receive', true, []),
    send_obs({actorscope, self(), detached}, St),
    _ = (catch unregister(?MODULE)),
    case erlang:module_loaded(?MODULE) of
        true -> ?MODULE:unload(none);      % from the current copy, so an old one purges safely
        false -> unload(none)
    end.

%% Removes our flags only: from the default for new processes first, then from each process
%% whose tracer is the agent, or the tracer NIF of an earlier agent (one agent runs per node: any
%% other state in it is an agent that has ended; the NIF would remove those flags only at the
%% process's next event, and an idle process has none).
untrace() ->
    Me = self(),
    Ours = fun({tracer, T}) when T =:= Me -> true;
              ({tracer, {?TRACER, P}}) -> is_pid(P);
              (_) -> false
           end,
    _ = case Ours(erlang:trace_info(new, tracer)) of
            true -> erlang:trace(new_processes, false, ?TRACE_FLAGS);
            false -> ok
        end,
    _ = [catch erlang:trace(P, false, ?TRACE_FLAGS) || P <- erlang:processes(), Ours(erlang:trace_info(P, tracer))],
    unload_nif_tracer().

%% Internal. code:delete, then purge from a process running code (the purge kills whatever
%% still runs this module, the caller of unload included). Waits (bounded) until Caller has left
%% the module's code so that start/2 can return to it. Runs in the current copy.
-spec unload(pid() | none) -> no_return().
unload(Caller) ->
    _ = erlang:check_old_code(?MODULE) andalso code:purge(?MODULE),  % an older copy: not ours
    _ = code:delete(?MODULE),
    wait_left(Caller, 200),
    _ = spawn(code, purge, [?MODULE]),
    exit(normal).

wait_left(none, _) -> ok;
wait_left(_, 0) -> ok;
wait_left(Pid, N) ->
    case erlang:check_process_code(Pid, ?MODULE) of
        false -> ok;
        true -> receive after 10 -> wait_left(Pid, N - 1) end
    end.

%% ---------------------------------------------------------------------------------------------
%% Utilities

%% Replies, hello, snapshot: wait for a busy connection; never reconnect to a gone observer.
send_obs(Msg, #st{observer = Obs}) ->
    _ = erlang:send(Obs, Msg, [noconnect]),
    ok.

%% Large terms (exit reasons, messages) are replaced by {truncated, Text}.
limit(T) when is_atom(T); is_number(T); is_pid(T); is_reference(T) ->
    T;
limit(T) ->
    case erlang:external_size(T) =< ?TERM_BYTES of
        true -> T;
        false -> {truncated, lists:sublist(lists:flatten(io_lib:format("~tP", [T, 12])), 1000)}
    end.

take(N, L) ->
    try lists:split(N, L)
    catch error:badarg -> {L, []}
    end.

now_ms() -> erlang:monotonic_time(millisecond).
now_ns() -> erlang:monotonic_time(nanosecond).
ns(TS) ->
    case get('$actorscope_native_ns') of
        true -> TS;
        _ -> erlang:convert_time_unit(TS, native, nanosecond)
    end.
