// actorscope_tracer: the agent's erl_tracer module (a NIF library, loaded onto the attached node
// by the agent, see actorscope_tracer.erl). It keeps the same {trace_ts, ...} terms the BEAM's
// process tracer would send, in a buffer the agent takes (take/0) when it wakes for its own
// reasons (a batch every 50 ms, a command): a message per event would wake the agent's scheduler
// thousands of times a second, and on a busy node those wakeups cost more than the events. Past
// kBufferMax buffered events they are sent as messages (the agent's mailbox rules apply then),
// every one until the agent says resume(): take() tells it, and it handles what the mailbox holds
// before it takes the buffer again, so the events keep their order.
// It leaves out at the source what the agent would only count: while the gate is closed (the
// agent's event rate is spent), `spawn` events are counted here and never built; `spawned`,
// `getting_linked`, `getting_unlinked` and links to ports are never kept. The spawn that spends
// the window's budget (budget/2) wakes the agent ({actorscope_tracer, budget_spent}) so that it
// closes the gate and stops tracing new processes at once, not at its next tick: every process
// spawned until then is traced (and costs the node) for nothing. (The gate cannot close here by
// itself: a child whose spawn was left out would still be traced, and the BEAM removes a
// tracee's flags on `remove` only in its own context, not at its birth.)
// Thread-safety: enabled/trace run on any scheduler, in the context of the traced process; the
// gate and the counts are atomics, the buffer is under g_m (take swaps it out and copies it
// unlocked: the agent is its only caller). One agent per node (the agent's name is registered),
// so one buffer per loaded library copy is enough.
// Built apart from the rest (no sanitizer flags: it runs inside the user's node).

#include <erl_nif.h>

#include <atomic>
#include <climits>
#include <mutex>

namespace {

ERL_NIF_TERM a_ok, a_budget_spent, a_actorscope_tracer, a_trace, a_discard, a_remove, a_trace_status, a_spawn, a_spawned, a_getting_linked,
    a_getting_unlinked, a_link, a_unlink, a_trace_ts, a_extra, a_true, a_false;

std::atomic<bool> g_gate{false};
std::atomic<long> g_budget{LONG_MAX};   // spawns in this window before the agent is woken
std::atomic<long> g_window{0};          // the agent's name for the window (budget/2)
ErlNifPid g_agent;                       // set once, by load(): the agent that loaded this copy
std::atomic<bool> g_agent_gone{false};  // a send to the agent failed: it has ended
std::atomic<unsigned long> g_spawns{0};

constexpr size_t kBufferMax = 200'000;
std::mutex g_m;
ErlNifEnv* g_env = nullptr;   // the buffer's terms (process-independent)
ERL_NIF_TERM g_list = 0;      // newest first
size_t g_n = 0;
bool g_overflow = false;       // events go as messages until resume()
ErlNifEnv* g_spare = nullptr;  // the other env: take() swaps them
std::atomic<int64_t> g_last_take{0};   // ns: when the agent last took the buffer
std::atomic<int64_t> g_last_check{0};  // ns: when trace() last asked whether the agent lives
constexpr int64_t kAgentQuietNs = 1'000'000'000;  // no take for this long: is the agent there?

/// The agent ended (a kill; a detach unloads this library): the BEAM removes each tracee's flags
/// as their events fire (enabled() says remove).
void agent_gone() { g_agent_gone.store(true, std::memory_order_relaxed); }

/// load_info: the agent's pid.
int load(ErlNifEnv* env, void**, ERL_NIF_TERM info) {
  if (!enif_get_local_pid(env, info, &g_agent)) return 1;
  a_ok = enif_make_atom(env, "ok");
  a_budget_spent = enif_make_atom(env, "budget_spent");
  a_actorscope_tracer = enif_make_atom(env, "actorscope_tracer");
  a_trace = enif_make_atom(env, "trace");
  a_discard = enif_make_atom(env, "discard");
  a_remove = enif_make_atom(env, "remove");
  a_trace_status = enif_make_atom(env, "trace_status");
  a_spawn = enif_make_atom(env, "spawn");
  a_spawned = enif_make_atom(env, "spawned");
  a_getting_linked = enif_make_atom(env, "getting_linked");
  a_getting_unlinked = enif_make_atom(env, "getting_unlinked");
  a_link = enif_make_atom(env, "link");
  a_unlink = enif_make_atom(env, "unlink");
  a_trace_ts = enif_make_atom(env, "trace_ts");
  a_extra = enif_make_atom(env, "extra");
  a_true = enif_make_atom(env, "true");
  a_false = enif_make_atom(env, "false");
  g_env = enif_alloc_env();
  g_spare = enif_alloc_env();
  g_list = enif_make_list(g_env, 0);
  g_last_take.store(enif_monotonic_time(ERL_NIF_NSEC));
  return 0;
}

void unload(ErlNifEnv*, void*) {
  std::lock_guard g(g_m);
  if (g_env) enif_free_env(g_env);
  if (g_spare) enif_free_env(g_spare);
  g_env = g_spare = nullptr;
  g_n = 0;
}

/// enabled(Tag, Agent, Tracee): trace, discard, or remove once the agent is gone (the BEAM then
/// removes the tracee's flags, as it does for a dead tracer process), and for flags an earlier
/// agent left (another Agent). Whether the agent lives is learnt from a failed send (asking on
/// every event would cost more than the event).
ERL_NIF_TERM enabled(ErlNifEnv* env, int, const ERL_NIF_TERM argv[]) {
  const ERL_NIF_TERM tag = argv[0];
  ErlNifPid state;
  if (g_agent_gone.load(std::memory_order_relaxed) || !enif_get_local_pid(env, argv[1], &state) ||
      enif_compare_pids(&state, &g_agent) != 0)
    return a_remove;
  if (enif_is_identical(tag, a_trace_status)) return enif_is_process_alive(env, &g_agent) ? a_trace : a_remove;
  if (enif_is_identical(tag, a_spawn)) {
    if (g_gate.load(std::memory_order_relaxed)) {
      // Now and then: a killed agent with its gate closed would otherwise be counted for ever.
      if ((g_spawns.fetch_add(1, std::memory_order_relaxed) & 0xFFF) == 0xFFF && !enif_is_process_alive(env, &g_agent)) {
        agent_gone();
        return a_remove;
      }
      return a_discard;
    }
    // acquire: budget/2 stored the window before the budget (release), so this names its window.
    if (g_budget.fetch_sub(1, std::memory_order_acquire) == 1 &&
        !enif_send(env, &g_agent, nullptr,
                   enif_make_tuple3(env, a_actorscope_tracer, a_budget_spent,
                                    enif_make_long(env, g_window.load(std::memory_order_relaxed)))))
      agent_gone();
    return a_trace;
  }
  if (enif_is_identical(tag, a_spawned) || enif_is_identical(tag, a_getting_linked) ||
      enif_is_identical(tag, a_getting_unlinked))
    return a_discard;
  return a_trace;
}

/// trace(Tag, Agent, Tracee, TraceTerm, Opts): {trace_ts, Tracee, Tag, TraceTerm[, Extra], Ts},
/// Ts the node's monotonic time in nanoseconds, as the process tracer's monotonic_timestamp.
ERL_NIF_TERM trace(ErlNifEnv* env, int, const ERL_NIF_TERM argv[]) {
  const ERL_NIF_TERM tag = argv[0];
  if ((enif_is_identical(tag, a_link) || enif_is_identical(tag, a_unlink)) && !enif_is_pid(env, argv[3]))
    return a_ok;  // a port's: the agent ignores them
  const int64_t now = enif_monotonic_time(ERL_NIF_NSEC);
  const ERL_NIF_TERM ts = enif_make_int64(env, now);
  ERL_NIF_TERM extra;
  const ERL_NIF_TERM msg = enif_get_map_value(env, argv[4], a_extra, &extra)
                               ? enif_make_tuple6(env, a_trace_ts, argv[2], tag, argv[3], extra, ts)
                               : enif_make_tuple5(env, a_trace_ts, argv[2], tag, argv[3], ts);
  if (now - g_last_take.load(std::memory_order_relaxed) > kAgentQuietNs) {
    int64_t checked = g_last_check.load(std::memory_order_relaxed);
    if (now - checked > kAgentQuietNs / 10 && g_last_check.compare_exchange_strong(checked, now) &&
        !enif_is_process_alive(env, &g_agent)) {
      agent_gone();
      return a_ok;
    }
  }
  std::lock_guard g(g_m);
  if (g_env && !g_overflow && g_n < kBufferMax) {
    g_list = enif_make_list_cell(g_env, enif_make_copy(g_env, msg), g_list);
    ++g_n;
    return a_ok;
  }
  // Sent under the lock: once resume() returned, every message sent before it is in the agent's
  // queue (enif_send enqueues at once).
  g_overflow = true;
  if (!enif_send(env, &g_agent, nullptr, msg)) agent_gone();
  return a_ok;
}

/// resume(): the agent handled the messages sent since the buffer overflowed; buffer again.
ERL_NIF_TERM resume(ErlNifEnv*, int, const ERL_NIF_TERM[]) {
  std::lock_guard g(g_m);
  g_overflow = false;
  return a_ok;
}

/// take(): {the buffered trace terms, oldest first; whether newer ones went as messages (then the
/// agent handles those, calls resume(), and only then takes again)}. The agent's only.
ERL_NIF_TERM take(ErlNifEnv* env, int, const ERL_NIF_TERM[]) {
  g_last_take.store(enif_monotonic_time(ERL_NIF_NSEC), std::memory_order_relaxed);
  ErlNifEnv* full;
  ERL_NIF_TERM list;
  bool overflow;
  {
    std::lock_guard g(g_m);
    overflow = g_overflow;
    if (!g_env || g_n == 0) return enif_make_tuple2(env, enif_make_list(env, 0), overflow ? a_true : a_false);
    full = g_env;
    list = g_list;
    g_env = g_spare;
    g_list = enif_make_list(g_env, 0);
    g_n = 0;
  }
  ERL_NIF_TERM out;
  if (!enif_make_reverse_list(env, enif_make_copy(env, list), &out)) out = enif_make_list(env, 0);
  enif_clear_env(full);
  std::lock_guard g(g_m);
  g_spare = full;
  return enif_make_tuple2(env, out, overflow ? a_true : a_false);
}

/// gate(Closed): closed, spawns are counted and not sent; opened, without a budget.
ERL_NIF_TERM gate(ErlNifEnv* env, int, const ERL_NIF_TERM argv[]) {
  if (!enif_is_identical(argv[0], a_true) && !enif_is_identical(argv[0], a_false)) return enif_make_badarg(env);
  const bool closed = enif_is_identical(argv[0], a_true);
  if (!closed) g_budget.store(LONG_MAX, std::memory_order_relaxed);
  g_gate.store(closed, std::memory_order_relaxed);
  return a_ok;
}

/// budget(N, Window): the gate opens; the Nth spawn from now sends the agent
/// {actorscope_tracer, budget_spent, Window} (N >= 1; Window tells a late message from the last).
ERL_NIF_TERM budget(ErlNifEnv* env, int, const ERL_NIF_TERM argv[]) {
  long n, window;
  if (!enif_get_long(env, argv[0], &n) || n < 1 || !enif_get_long(env, argv[1], &window)) return enif_make_badarg(env);
  g_window.store(window, std::memory_order_relaxed);
  g_budget.store(n, std::memory_order_release);
  g_gate.store(false, std::memory_order_relaxed);
  return a_ok;
}

/// take_spawns(): the spawns counted since the last call.
ERL_NIF_TERM take_spawns(ErlNifEnv* env, int, const ERL_NIF_TERM[]) {
  return enif_make_uint64(env, g_spawns.exchange(0, std::memory_order_relaxed));
}

ErlNifFunc funcs[] = {
    {"enabled", 3, enabled, 0},
    {"trace", 5, trace, 0},
    {"gate", 1, gate, 0},
    {"budget", 2, budget, 0},
    {"take_spawns", 0, take_spawns, 0},
    {"take", 0, take, 0},
    {"resume", 0, resume, 0},
};

}  // namespace

ERL_NIF_INIT(actorscope_tracer, funcs, load, nullptr, nullptr, unload)
