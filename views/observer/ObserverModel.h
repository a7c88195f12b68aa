#pragma once
// ObserverModel: the GUI's id-keyed picture of a runtime, built from trace events and snapshots
// by a ProcessGraph (runtime/include/actorscope/process_graph.hpp, the one state machine that the
// timeline's replay and the recorder use too); this class adds the Qt side: the per-tick batch,
// one updated(delta) signal, the resync requests and the console's roles.
//
// Fed on the GUI frame tick: enqueue() the events and snapshots a RuntimeHost hands over, then
// processPending() applies a bounded number of them and emits one updated(delta) for the whole
// tick (no per-process signals, no resets). Events are applied idempotently, so a snapshot may
// arrive at any point (resync after dropped events). GUI thread only (mutators assert it).

#include "actorscope/process_graph.hpp"
#include "actorscope/trace.hpp"

#include <QObject>
#include <QString>

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorscope::views {

// The picture's records and console roles are the runtime's ProcessGraph's (one state machine).
using ConsoleRole = actorscope::ConsoleRole;
using ProcessRecord = actorscope::ProcessRecord;

/// What one tick changed, handed to the views in one signal. Serial numbers of pids.
struct ModelDelta {
  std::vector<uint32_t> added;
  std::vector<uint32_t> removed;   // died (or vanished in a resync)
  /// Born and ended within this tick: in `removed` only, not in `added` (a view that shows every
  /// life, however short, takes them from here; findAny() has their records).
  std::vector<uint32_t> passed;
  std::vector<uint32_t> updated;   // fields changed (status, mailbox, flags, name, ...)
  bool relationsChanged = false;   // links, monitors or parents changed
  bool nodesChanged = false;       // nodes or the connections between them changed
  bool resynced = false;
  const std::vector<TraceEvent>* events = nullptr;  // the events applied this tick, in order
  bool empty() const { return added.empty() && removed.empty() && updated.empty() && !relationsChanged && !nodesChanged; }
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
  const ProcessRecord* find(uint32_t serial) const { return graph_.find(serial); }
  /// A live or recently ended process (ended ones are kept, bounded, for the inspector).
  const ProcessRecord* findAny(uint32_t serial) const { return graph_.find_any(serial); }
  const std::map<uint32_t, ProcessRecord>& processes() const { return graph_.processes(); }
  size_t processCount() const { return graph_.processes().size(); }
  const ProcessGraph& graph() const { return graph_; }
  /// Pid of a process by its registered name (live only), or an invalid pid.
  Pid whereis(Atom name) const { return graph_.whereis(name); }
  /// The label shown for a process: its registered name (":registry"), its console role
  /// ("iex shell", "shell server"), its application ("logger (app)" for an attached node's
  /// application master), its child id, or its pid.
  static QString label(const ProcessRecord& r);
  /// An attached node's application master (initial call application_master:init/4): its label
  /// is the application's name.
  static bool isApplicationMaster(const ProcessRecord& r);
  /// A pid as node 0 prints it (EventText's pidText with the process's node).
  QString pidText(Pid p) const;
  /// The source does not trace every receive (an attached node): mailbox sizes come from its
  /// periodic snapshots, not from counting sends and receives. Kept across clear().
  void setQueueLengthsFromSnapshots(bool on) { queuesFromSnapshots_ = on; }
  /// The rules the observed runtime follows (its Source's, or a recording's): how Link events
  /// read (Ergo: one-way) and how the views name things. Set before its events come; kept
  /// across clear().
  void setSemantics(Semantics s) { graph_.set_semantics(s); }
  Semantics semantics() const { return graph_.semantics(); }
  bool ergo() const { return graph_.semantics() == Semantics::Ergo; }
  /// A node's name ("b@host"), or "node N" when unknown.
  QString nodeText(uint16_t node) const;

  // ---- counters (since clear) ----
  uint64_t messagesSent() const { return graph_.messages(); }
  uint64_t exits() const { return graph_.exits(); }
  uint64_t eventsApplied() const { return eventsApplied_; }
  uint64_t lastSnapshotSeq() const { return graph_.snapshot_seq(); }

signals:
  void updated(const actorscope::views::ModelDelta& delta);
  /// Events were lost (runtime buffers or the model's own backlog): a snapshot is needed.
  void resyncNeeded();

private:
  void assertThread() const;
  ConsoleRole roleOf(uint32_t serial) const;
  /// A shell whose end was just applied is no longer the shell.
  void dropEndedShells(const GraphChanges& ch);

  ProcessGraph graph_;
  GraphChanges changes_;
  std::deque<TraceEvent> backlog_;
  std::vector<TraceEvent> tickEvents_;
  bool hasSnapshot_ = false;
  bool snapshotFull_ = true;
  bool wantsFull_ = true;
  bool sampled_ = false;  // an event stood for several messages (the host samples a flood)
  bool queuesFromSnapshots_ = false;  // the source traces no receives: snapshots say the queue lengths
  Snapshot snapshot_;
  uint64_t dropped_ = 0;
  uint64_t eventsApplied_ = 0;
  Pid shell_;                          // the console's current shell
  std::unordered_set<uint32_t> shells_;  // shells still shown alive (the current one and former ones)
  Pid server_;
  std::vector<uint32_t> roleChanged_;  // reported as updated by the next processPending()
};

}  // namespace actorscope::views

Q_DECLARE_METATYPE(actorscope::views::ModelDelta)
