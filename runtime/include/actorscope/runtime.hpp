#pragma once
// Runtime: an Erlang-style actor runtime. Owns the process table, the schedulers, the timers, the
// name registry and the trace stream.
//
// Threaded mode (default): processes run M:N on a pool of worker threads; every public member
// function is thread-safe and may be called from any thread, including from process code.
// Deterministic mode: nothing runs until the owning thread calls step() / run_until_idle(); signals
// wait in one global pending queue and are delivered one per step() in a reproducible order, on a
// virtual clock. In that mode call the Runtime only from the thread that created it.
//
// Calls on a pid that is not alive do what the BEAM does: send/exit are silently ignored, info()
// returns nil, alive() is false, register_name() throws ErlangError(:badarg).

#include "actorscope/process.hpp"
#include "actorscope/trace.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace actorscope {

struct RuntimeOptions {
  /// Worker threads in threaded mode; 0 = std::thread::hardware_concurrency().
  unsigned threads = 0;
  /// One thread, reproducible order, signals delivered by step().
  bool deterministic = false;
  /// Spawning beyond this many live processes throws ErlangError(:system_limit).
  uint32_t max_processes = 1u << 22;
  /// Reductions a process may use before it yields to others.
  int32_t reduction_budget = 4000;
  /// Trace events each producer thread buffers before events are dropped (and counted).
  uint32_t trace_buffer_events = 1u << 16;
  Semantics semantics = Semantics::Beam;
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions opts = {});
  /// Stops every process (their coroutine frames are destroyed, nothing runs any more).
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  const RuntimeOptions& options() const noexcept;
  bool deterministic() const noexcept;
  Semantics semantics() const noexcept { return options().semantics; }

  // ---- processes ----------------------------------------------------------------------------
  /// Spawns `fn(Process&, args...)`, a coroutine returning Task<>, with no parent process.
  template <class F, class... Args>
  Pid spawn(F&& fn, Args&&... args) {
    return detail::spawn_in(core(), nullptr, SpawnOptions{}, nullptr, std::forward<F>(fn),
                            std::forward<Args>(args)...);
  }
  template <class F, class... Args>
  Pid spawn_opt(const SpawnOptions& opts, F&& fn, Args&&... args) {
    return detail::spawn_in(core(), nullptr, opts, nullptr, std::forward<F>(fn), std::forward<Args>(args)...);
  }

  /// Sends a message from outside the runtime (no sender pid).
  void send(Pid to, Term msg);
  /// ErlangError(:badarg) when the name is not registered (R4.3).
  void send(Atom name, Term msg);
  /// `Process.exit(pid, reason)` from outside; `from` is the pid the signal names (default none,
  /// printed #PID<0.0.0>). Returns true.
  bool exit(Pid pid, Term reason, Pid from = {});
  /// The kill a tool gives: BEAM mode `Process.exit(pid, :kill)` (untrappable, R1.5); Ergo mode the
  /// node's Kill(pid), which the target cannot trap or refuse (E1.6; reason :kill). False when not
  /// alive.
  bool kill(Pid pid);
  /// Sets a process's trap_exit flag from outside (for tools); returns the previous value, or
  /// nullopt when the process is not alive.
  std::optional<bool> set_trap_exit(Pid pid, bool on);
  /// Stops a process from running code and consuming messages; exit signals still act on it.
  /// Takes effect at its next receive or yield. False when not alive.
  bool suspend(Pid pid);
  bool resume(Pid pid);

  // ---- relations, for tools (a process's own code uses Process::link and friends) ----------
  /// Links `a` and `b` as if `a` called `Process.link(b)`. False (and no link) when either is not
  /// alive, or a == b.
  bool link(Pid a, Pid b);
  /// Removes the link between a and b, as if `a` called `Process.unlink(b)`. Always true.
  bool unlink(Pid a, Pid b);
  /// Makes `watcher` monitor `target`, as if `watcher` called `Process.monitor(target)`: a dead
  /// target gives the watcher a :noproc DOWN. nullopt when the watcher is not alive.
  std::optional<Ref> monitor(Pid watcher, Pid target);
  /// As if `watcher` called `Process.demonitor(ref)`; returns whether the monitor was active.
  bool demonitor(Pid watcher, Ref ref);

  bool alive(Pid pid) const;
  /// Pids of all live processes, in spawn order of their slots.
  std::vector<Pid> processes() const;
  size_t process_count() const noexcept;
  /// Gives back the memory kept for reuse: the pooled blocks of ended processes and messages (the
  /// shared depot and the calling thread's cache) go to malloc, and malloc's free pages to the OS.
  /// For after a large population has ended: handed out again, their blocks lie one per page over
  /// all the memory they took, a TLB and cache miss per message. Any thread; a runtime does it
  /// itself when it ends.
  void trim_memory() noexcept;

  // ---- nodes and connections (R9) ----------------------------------------------------------------
  // Node 0 is :nonode@nohost, where everything runs until a process is spawned on another node
  // (SpawnOptions::node). Registered names are per node. A connection between two nodes is made on
  // first use (a signal between them, connect_nodes, monitor_node) unless the pair is partitioned.
  // Cutting it (disconnect_nodes, partition) fires every link and monitor across it on both sides
  // with :noconnection (R9.3, R9.4), node monitors with {:nodedown, node} (R9.5), and drops what was
  // in flight on it (R9.6); nothing fired comes back after a heal (R9.7). Each of these is a node event on the trace.
  // Any thread.
  using NodeId = uint16_t;
  /// Adds a node; ErlangError(:badarg) if a live node has the name. Returns its id (never reused).
  /// With `tied_to` (a node's id), the new node ends when its connection to that node is cut, as
  /// a peer started by OTP's :peer halts when it loses its origin.
  NodeId add_node(Atom name, int tied_to = -1);
  /// A pid that names no process, and never will (a spawn on a node that cannot be reached).
  Pid dead_pid();
  /// Renames a node (Node.start/2 names node 0, :nonode@nohost until then); ErlangError(:badarg)
  /// if another live node has the name.
  void set_node_name(NodeId n, Atom name);
  /// The node ends (:peer.stop/1): NodeDown on the trace, its connections go down as cut ones do
  /// (R9.3-R9.5 on the other side), then its processes are killed. Node 0 cannot end (badarg). Its pids keep their node.
  void stop_node(NodeId n);
  bool node_alive(NodeId n) const;
  /// The nodes' names, by id.
  std::vector<Atom> nodes() const;
  std::optional<NodeId> node_id(Atom name) const;
  /// The node `pid` runs or ran on (a dead pid keeps its node; 0 for a pid never seen).
  NodeId node_of(Pid pid) const;
  /// False when the pair is partitioned (or a or b is unknown).
  bool connect_nodes(NodeId a, NodeId b);
  /// Cuts the connection (if up); the next use makes it again.
  void disconnect_nodes(NodeId a, NodeId b);
  /// Cuts the connection and keeps it cut until heal(): signals between a and b are dropped.
  void partition(NodeId a, NodeId b);
  void heal(NodeId a, NodeId b);
  /// The detection delay (net_ticktime) of a partition: its :noconnection exits, DOWNs and nodedown
  /// notices are delivered this long after the cut (what was in flight is lost at once). 0 (the
  /// default) for a class; Node.disconnect and a node's end are always seen at once.
  void set_detection_delay_ms(int64_t ms);  // clamped to [0, kMaxDetectionDelayMs]
  static constexpr int64_t kMaxDetectionDelayMs = 600'000;
  /// Latency injection per connection: every signal between a process on `a` and one on `b` takes
  /// `d` longer (0 removes it); order per pair is kept as for the other latencies (R4.1).
  void set_connection_latency(NodeId a, NodeId b, std::chrono::nanoseconds d);
  int64_t connection_latency_ms(NodeId a, NodeId b) const;
  int64_t detection_delay_ms() const;
  /// Every node and the connections made or partitioned (empty while only an unnamed node 0 exists).
  std::vector<NodeState> node_states() const;
  std::vector<ConnectionState> connection_states() const;
  bool nodes_connected(NodeId a, NodeId b) const;
  /// The nodes `n` is connected to (Node.list/0 from n).
  std::vector<NodeId> connected_nodes(NodeId n) const;
  /// :erlang.monitor_node(node, true) for `watcher`: {:nodedown, name} once the connection goes
  /// down, or at once when it cannot be made. Each call is its own instance.
  void monitor_node(Pid watcher, NodeId node);
  /// :erlang.monitor_node(node, false): removes one instance.
  void demonitor_node(Pid watcher, NodeId node);
  /// :net_kernel.monitor_nodes(on): {:nodeup, name} / {:nodedown, name} for the watcher's node.
  void monitor_nodes(Pid watcher, bool on);

  // ---- names (R5) -----------------------------------------------------------------------------
  /// ErlangError(:badarg) if the name is taken, the process has a name, is not alive, or the name
  /// is nil or :undefined.
  void register_name(Pid pid, Atom name);
  /// ErlangError(:badarg) for an unknown name.
  void unregister(Atom name);
  /// The pid, or an invalid Pid (print it as nil) when unknown. Names are per node (R9.1): these
  /// use the calling process's node (node 0 from outside a process), or the one given.
  Pid whereis(Atom name) const;
  Pid whereis(Atom name, NodeId node) const;
  std::vector<Atom> registered() const;
  std::vector<Atom> registered(NodeId node) const;

  // ---- introspection (R6) -----------------------------------------------------------------------
  /// `Process.info(pid)`: a keyword list of every item, or nil when not alive.
  Term info(Pid pid);
  /// `Process.info(pid, item)`: `{item, value}`, or nil when not alive.
  /// ErlangError(:badarg) for an unknown item.
  Term info(Pid pid, Atom item);
  /// `Process.group_leader(pid, leader)`: false when `pid` is not alive. Thread-safe.
  bool set_group_leader(Pid pid, Pid leader);
  /// The group leader of `pid` (itself when it has none); invalid when not alive. Thread-safe.
  Pid group_leader(Pid pid);

  // ---- latency injection ----------------------------------------------------------------------
  /// Delay added to every signal (message, exit signal, DOWN) between processes. Default 0.
  void set_global_latency(std::chrono::nanoseconds d);
  std::chrono::nanoseconds global_latency() const noexcept;
  /// Extra delay on every signal delivered to `pid`.
  bool set_process_latency(Pid pid, std::chrono::nanoseconds d);
  /// Extra delay on signals between a and b in either direction (a link or monitor edge).
  void set_edge_latency(Pid a, Pid b, std::chrono::nanoseconds d);

  // ---- time and stepping --------------------------------------------------------------------------
  /// Monotonic time of the runtime in ns (the virtual clock in deterministic mode).
  int64_t now_ns() const noexcept;
  /// Threaded mode: stops running processes (signals still queue) until unpaused.
  void set_paused(bool paused);
  bool paused() const noexcept;
  /// Deterministic mode: runs every runnable process until all wait, then delivers exactly one
  /// pending signal or timeout (advancing the virtual clock to its due time) and runs again until
  /// all wait. Returns false when nothing was pending.
  bool step();
  /// Deterministic mode: runs runnable processes until all wait; delivers nothing.
  void run_ready();
  /// Deterministic mode: step() until nothing is pending or max_steps were taken; returns steps.
  size_t run_until_idle(size_t max_steps = 10'000'000);
  /// Deterministic mode: delivers, one step() at a time, every pending signal due at or before
  /// `t_ns`, then moves the virtual clock to `t_ns` (never backwards). Lets a GUI run a
  /// deterministic runtime in real or slowed time. Returns the steps taken.
  size_t advance_to(int64_t t_ns, size_t max_steps = SIZE_MAX);
  /// Signals and timeouts waiting for delivery (deterministic mode; in threaded mode, the delayed
  /// ones).
  size_t pending_signals() const;
  /// The signals counted by pending_signals() (timeouts excluded), in delivery order. Deterministic
  /// mode: call from the owning thread; threaded mode: any thread.
  std::vector<InFlightSignal> in_flight() const;

  // ---- observing ----------------------------------------------------------------------------------
  /// Turns the trace stream on or off. Off, tracing costs one flag check per event site.
  void set_tracing(bool on);
  bool tracing() const noexcept;
  /// Message sampling for observers of busy systems: with `every` > 1, each thread emits a Send
  /// (and a Receive) event for one message in `every`, whose `weight` is the number of messages
  /// it stands for (so totals stay exact); other events are never sampled. 1 (default) = all.
  void set_message_sampling(uint32_t every);
  uint32_t message_sampling() const noexcept;
  /// Moves up to `max` buffered events, in seq order, into `out`. A batch never holds an event
  /// without the events it causally follows (an exit before the restart it caused, whatever
  /// threads emitted them); an event read while others were still being published may wait for
  /// the next call. Call from one thread only.
  size_t drain_trace(std::vector<TraceEvent>& out, size_t max = SIZE_MAX);
  /// Events lost because a buffer was full since the runtime started. When it grows, resynchronise
  /// from snapshot().
  uint64_t dropped_events() const noexcept;
  /// Every live process with its relations. Events with seq < Snapshot::seq are reflected in it;
  /// later ones may be partly reflected, so an observer applies them idempotently.
  Snapshot snapshot();
  /// Adds an event from a layer above the core (OTP restarts, injected faults) to the stream;
  /// seq and time_ns are filled in. A no-op when tracing is off.
  void emit_trace(TraceEvent ev);
  /// Traces `label` for `pid` (a Label event: how the picture names a process without a
  /// registered name). Any thread; a no-op when tracing is off.
  void trace_label(Pid pid, Term label);

  detail::RuntimeCore& core() noexcept { return *core_; }

 private:
  void end_tied(NodeId a, NodeId b);  // after a cut: a node tied to the other one ends
  std::unique_ptr<detail::RuntimeCore> core_;
};

}  // namespace actorscope
