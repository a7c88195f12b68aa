#pragma once
// ObserverModel: the GUI's id-keyed picture of a runtime, built from trace events and snapshots.
//
// Fed on the GUI frame tick: enqueue() the events and snapshots a RuntimeHost hands over, then
// processPending() applies a bounded number of them and emits one updated(delta) for the whole
// tick (no per-process signals, no resets). Events are applied idempotently, so a snapshot may
// arrive at any point (resync after dropped events). GUI thread only (mutators assert it).

#include "actorscope/trace.hpp"

#include <QObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorscope::views {

/// The part a process plays for the console dock (set by the window, not seen in the runtime).
enum class ConsoleRole : uint8_t {
  None,
  Shell,        // the iex shell process: evaluates what is typed (self() in the console)
  ShellServer,  // the Session's server: monitors the shell and starts a new one when it dies
};

/// One process as the observer knows it. Key: pid serial.
struct ProcessRecord {
  Pid pid;
  Pid parent;
  Atom name{atoms::nil.id};
  ProcessStatus status = ProcessStatus::Waiting;
  bool trap_exit = false;
  bool suspended = false;
  bool alive = true;
  bool supervisor = false;
  ConsoleRole console = ConsoleRole::None;
  uint32_t message_queue_len = 0;
  uint64_t reductions = 0;
  uint64_t memory = 0;
  Term initial_call;
  std::vector<Pid> links;
  std::vector<std::pair<Ref, Pid>> monitors;      // held by this process: (ref, target)
  std::vector<std::pair<Ref, Pid>> monitored_by;  // (ref, watcher)
  Term exit_reason;        // when !alive
  double order = 0;        // start order among siblings (a restarted child keeps its place)
  uint32_t restarts = 0;   // times this child id was restarted before this pid
  uint64_t seen_seq = 0;
};

/// What one tick changed, handed to the views in one signal. Serial numbers of pids.
struct ModelDelta {
  std::vector<uint32_t> added;
  std::vector<uint32_t> removed;   // died (or vanished in a resync)
  std::vector<uint32_t> updated;   // fields changed (status, mailbox, flags, name, ...)
  bool relationsChanged = false;   // links, monitors or parents changed
  bool resynced = false;
  const std::vector<TraceEvent>* events = nullptr;  // the events applied this tick, in order
  bool empty() const { return added.empty() && removed.empty() && updated.empty() && !relationsChanged; }
};

/// Work done by one processPending(), for tests and the status bar.
struct TickWork {
  size_t events = 0;
  size_t snapshotProcesses = 0;
  size_t backlog = 0;
  bool droppedBacklog = false;
};

class ObserverModel final : public QObject {
  Q_OBJECT

public:
  explicit ObserverModel(QObject* parent = nullptr);

  /// Events applied per processPending() at most; the rest waits for the next tick.
  static constexpr size_t kMaxEventsPerTick = 20'000;
  /// Backlog beyond which the model drops events and asks for a snapshot (resyncNeeded).
  static constexpr size_t kMaxBacklog = 400'000;

  void enqueue(std::vector<TraceEvent>&& events);
  /// `full`: the snapshot replaces the state (processes, relations, fields). Otherwise it only
  /// refreshes the fields events do not carry (status, reductions, memory; the mailbox length
  /// while messages are sampled) of the processes the model already shows: the playhead, not the
  /// snapshot, decides when a process appears, ends or gains a relation.
  void enqueueSnapshot(Snapshot snapshot, bool full = true);
  /// True until a full snapshot is applied after clear() or lost events: the next snapshot
  /// must replace the state whatever its sender thought.
  bool wantsFullSnapshot() const { return wantsFull_; }
  /// The runtime's dropped_events(); when it grows, resyncNeeded() is emitted.
  void setDroppedEvents(uint64_t dropped);
  uint64_t droppedEvents() const { return dropped_; }
  /// Applies the pending snapshot and up to `maxEvents` events; emits updated() once.
  TickWork processPending(size_t maxEvents = kMaxEventsPerTick);
  /// Forgets every process (a new runtime, or the timeline rebuilding a moment from a snapshot).
  /// The console's pids stay: the console resets them when its session stops.
  void clear();
  /// The console's shell and shell server (invalid: none). Records gain or lose their
  /// ConsoleRole; the next processPending() reports the changed ones as updated. A former shell
  /// keeps its role until its end is presented (the console hears of the new shell before the
  /// picture shows the old one die), then loses it.
  void setConsolePids(Pid shell, Pid server);
  Pid consoleShell() const { return shell_; }

  // ---- reading ----
  const ProcessRecord* find(Pid pid) const { return find(pid.serial()); }
  const ProcessRecord* find(uint32_t serial) const;
  /// A live or recently ended process (ended ones are kept, bounded, for the inspector).
  const ProcessRecord* findAny(uint32_t serial) const;
  const std::unordered_map<uint32_t, ProcessRecord>& processes() const { return live_; }
  size_t processCount() const { return live_.size(); }
  /// Pid of a process by its registered name (live only), or an invalid pid.
  Pid whereis(Atom name) const;
  /// The label shown for a process: its registered name (":registry"), its console role
  /// ("iex shell", "shell server") or its pid.
  static QString label(const ProcessRecord& r);

  // ---- counters (since clear) ----
  uint64_t messagesSent() const { return messages_; }
  uint64_t exits() const { return exits_; }
  uint64_t eventsApplied() const { return eventsApplied_; }
  uint64_t lastSnapshotSeq() const { return snapSeq_; }

signals:
  void updated(const actorscope::views::ModelDelta& delta);
  /// Events were lost (runtime buffers or the model's own backlog): a snapshot is needed.
  void resyncNeeded();

private:
  void applySnapshot(const Snapshot& s, ModelDelta& d);
  void refreshFields(const Snapshot& s, ModelDelta& d);
  void apply(const TraceEvent& e, ModelDelta& d);
  void applyRestart(const TraceEvent& e, ModelDelta& d);
  ProcessRecord* get(uint32_t serial);
  void kill(uint32_t serial, const Term& reason, ModelDelta& d);
  void touch(uint32_t serial, ModelDelta& d);
  void assertThread() const;
  ConsoleRole roleOf(uint32_t serial) const;

  std::unordered_map<uint32_t, ProcessRecord> live_;
  std::unordered_map<uint32_t, ProcessRecord> dead_;
  std::deque<uint32_t> deadOrder_;
  std::unordered_set<uint32_t> touched_;
  std::deque<TraceEvent> backlog_;
  std::vector<TraceEvent> tickEvents_;
  bool hasSnapshot_ = false;
  bool snapshotFull_ = true;
  bool wantsFull_ = true;
  bool sampled_ = false;  // an event stood for several messages (the host samples a flood)
  Snapshot snapshot_;
  uint64_t snapSeq_ = 0;
  uint64_t dropped_ = 0;
  uint64_t messages_ = 0;
  uint64_t exits_ = 0;
  uint64_t eventsApplied_ = 0;
  double nextOrder_ = 1;
  Pid shell_;                          // the console's current shell
  std::unordered_set<uint32_t> shells_;  // shells still shown alive (the current one and former ones)
  Pid server_;
  std::vector<uint32_t> roleChanged_;  // reported as updated by the next processPending()
};

}  // namespace actorscope::views

Q_DECLARE_METATYPE(actorscope::views::ModelDelta)
