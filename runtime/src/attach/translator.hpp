#pragma once
// Translator: the agent's reports (docs/attach-protocol.md) into the trace vocabulary. The agent
// sees what the BEAM's tracer shows: a process's exit, a trapped {'EXIT', ...} or {'DOWN', ...}
// entering a mailbox. The signals between them are not traced, so the translator, which keeps
// every process's links and monitors, makes them: an exit sends a SignalSent along each link and
// to each watcher; each is delivered (Killed, Trapped, DownQueued) when its effect is reported,
// or, when none comes within kSettleNs, with what the rules say (DroppedNormal, DroppedDead).
// A supervisor's spawn right after it trapped a child's exit is that child's Restart.
// Not thread-safe: the attach client's receive thread owns it.

#include "actorscope/process_graph.hpp"
#include "actorscope/trace.hpp"
#include "ei_codec.hpp"

#include <deque>
#include <unordered_map>
#include <vector>

namespace actorscope::attach {

class Translator {
public:
  /// How long (node ns) a signal waits for its reported effect before the rules decide it.
  static constexpr int64_t kSettleNs = 300'000'000;
  /// How long the node may stay silent before the present (not its reports) decides signals.
  static constexpr int64_t kQuietNs = 2'000'000'000;

  explicit Translator(PidMap& pids) : pids_(pids) {}

  /// The node's monotonic ns that becomes time 0 of the trace; the agent's own pid (its
  /// exit/2 is the observer's).
  void start(int64_t origin_ns, Pid agent);
  /// One `Proc` map of a snapshot chunk. Returns false when it is malformed.
  bool snapshot_proc(const Term& proc);
  /// The same, read straight from the external format at `*index` (no Term map is built: the
  /// first picture of 100,000 processes is read at this speed). Advances `*index`.
  bool snapshot_proc(const char* buf, int* index);
  /// The snapshot is complete: the first picture (labels follow as events in `out`).
  Snapshot finish_snapshot(int64_t node_now_ns, std::vector<TraceEvent>& out);

  /// One agent event. Returns false when it is malformed (it is skipped).
  bool event(const Term& ev, std::vector<TraceEvent>& out);
  /// Signals older than kSettleNs by the node's reports (or, after kQuietNs of silence, by
  /// `node_now_ns`) are decided by the rules.
  void settle(int64_t node_now_ns, std::vector<TraceEvent>& out);
  /// The observer is about to make the agent call exit(target, reason); `node_now_ns`: the node's
  /// clock now (the signal leaves now, however long the node has been quiet).
  void observer_exit(Pid target, const Term& reason, int64_t node_now_ns, std::vector<TraceEvent>& out);
  /// The agent did what the observer asked: a message sent, a process suspended or resumed.
  void observer_send(Pid target, const Term& message, int64_t node_now_ns, std::vector<TraceEvent>& out);
  void observer_suspend(Pid target, bool suspended, int64_t node_now_ns, std::vector<TraceEvent>& out);

  /// The picture now (for the periodic refresh of status, reductions, memory, queue lengths).
  Snapshot snapshot() const;
  int64_t now_ns() const { return now_; }
  bool alive(Pid p) const { return procs_.count(p.serial()) > 0; }
  size_t size() const { return procs_.size(); }
  /// Forgets every process and signal (their memory goes): a client whose node is gone for good.
  void clear();

private:
  struct Proc {
    ProcessSnapshot s;
    Term label;       // child id, or nil
    Term spawn_call;  // the initial call its spawn reported (raw: proc_lib's own), nil when unknown
  };
  struct Pending {
    SignalType type;
    Pid from, to;  // from: none for the observer
    Term reason;
    Ref ref;
    int64_t deadline;
    bool linked;
  };
  struct ChildExit {
    Pid child;
    Term reason;
    Term label;
    int64_t at;
    Term initial_call;  // the raw initial call it was spawned with (nil: unknown)
  };
  /// A supervisor's spawn this soon after it trapped a child's abnormal exit is its restart.
  static constexpr int64_t kRestartWindowNs = 1'000'000'000;

  int64_t time(const Term& t);
  TraceEvent make(TraceKind k, Pid a, Pid b = {});
  Proc* get(Pid p);
  Ref monitor_ref(Pid watcher, Pid target);
  void deliver(size_t i, SignalOutcome o, std::vector<TraceEvent>& out);
  void sent(SignalType type, Pid from, Pid to, const Term& reason, Ref ref, bool linked, std::vector<TraceEvent>& out);
  void on_exit(Pid p, const Term& reason, std::vector<TraceEvent>& out);
  void on_spawn(Pid p, Pid parent, const Term& mfa, std::vector<TraceEvent>& out);
  void spawned(Pid p, Pid parent, const Term& mfa, std::vector<TraceEvent>& out);
  Pid from_of(Pid p) const { return p == agent_ ? Pid{} : p; }

  PidMap& pids_;
  Pid agent_;
  int64_t origin_ = 0;
  int64_t now_ = 0;
  uint64_t seq_ = 1;
  // The picture: every container from here on is emptied by clear() (a new one must be too).
  std::unordered_map<uint32_t, Proc> procs_;
  std::vector<std::pair<uint32_t, std::vector<Pid>>> snap_monitors_, snap_monitored_by_;
  std::unordered_map<uint64_t, Ref> monitor_refs_;  // (watcher serial, target serial) -> ref
  std::vector<Pending> pending_;
  std::unordered_map<uint32_t, std::deque<ChildExit>> child_exits_;  // per supervisor
  std::unordered_map<uint32_t, Term> labels_;  // child ids, kept past a child's end for its restart
  std::unordered_map<uint32_t, Term> ended_calls_;  // raw spawn initial calls of ended processes (for restarts)
  // Exits of processes not seen yet: the tracer gets a child's exit and its parent's spawn from
  // two processes, in either order. The spawn, when it comes, is followed by this exit.
  std::unordered_map<uint32_t, std::pair<Term, int64_t>> early_exits_;
  // Other events of processes not seen yet (a link made before the spawn was reported), replayed
  // after the spawn.
  std::unordered_map<uint32_t, std::vector<std::pair<Term, int64_t>>> early_events_;
  /// Keeps `ev` for `p` until its spawn comes; true (it is handled).
  bool stash(Pid p, const Term& ev);
};

}  // namespace actorscope::attach
