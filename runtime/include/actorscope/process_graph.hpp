#pragma once
// ProcessGraph: the one state machine that turns trace events and snapshots into the picture's
// state: processes (live, and recently ended with their exit reason), links, monitors, mailbox
// sizes, names, trap_exit, suspension, restarts, and the exit signals and DOWNs in flight. The
// live window (views' ObserverModel wraps one), the timeline's replay, the recorder's keyframes
// and the exporters all apply events through it, so they cannot disagree.
//
// Rules (as the runtime orders things, SEMANTICS R1-R3): when a process ends, its own monitors
// leave their targets at once (R3.7); its peers keep their link to it until the exit signal
// reaches them, and its watchers their monitor until the DOWN does, so the picture shows the
// signal travelling along the edge. A sampled message event (weight > 1) stands for messages
// between other pairs too: it changes no mailbox (snapshots then give the sizes). Applying the
// same relation event twice changes nothing, so a snapshot may be taken a little before events
// applied after it; events older than the last snapshot only add facts it does not carry (why
// a process ended, that a child is a restart).
// Not thread-safe: one owner at a time.

#include "actorscope/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorscope {

struct Keyframe;

/// The part a process plays for the console (set by its owner, not seen in the trace).
enum class ConsoleRole : uint8_t {
  None,
  Shell,        // the iex shell process: evaluates what is typed (self() in the console)
  ShellServer,  // the Session's server: monitors the shell and starts a new one when it dies
};

/// One process as the picture knows it. Key: pid serial.
struct ProcessRecord : ProcessSnapshot {
  bool alive = true;
  bool supervisor = false;     // its initial call says so, or a Restart names it
  ConsoleRole console = ConsoleRole::None;
  Term exit_reason;            // when !alive (:unknown when a snapshot saw it gone)
  double order = 0;            // start order among siblings (a restarted child keeps its place)
  uint32_t restarts = 0;       // times this child id was restarted before this pid
  Term label;                  // a Label event's term (child id, Registry key), else none
  Pid restarted_as;            // a child its supervisor restarted: the new pid (R7.2)
  Term gave_up;                // a supervisor that reached its restart intensity: the GiveUp
                               // event's term {max_restarts, max_seconds, child_id, reason}
  uint64_t seen_seq = 0;       // the Spawn that brought it (0: a snapshot)
};

/// What apply()/resync() changed, for an owner that updates views. Serials of pids.
struct GraphChanges {
  std::vector<uint32_t> added;
  std::vector<uint32_t> removed;  // ended (or vanished in a resync)
  std::vector<uint32_t> updated;  // fields or relations changed
  bool relations = false;         // links, monitors or parents changed
  bool nodes = false;             // nodes or connections changed
  void touch(uint32_t serial) {
    if (touched_.insert(serial).second) updated.push_back(serial);
  }
  void clear() {
    added.clear();
    removed.clear();
    updated.clear();
    touched_.clear();
    relations = false;
    nodes = false;
  }

private:
  std::unordered_set<uint32_t> touched_;
};

class ProcessGraph {
public:
  // ---- starting points ----
  /// Replaces the picture with a runtime snapshot (ended processes are forgotten). `in_flight`
  /// (Runtime::in_flight()) fills the signals on their way; messages among them count in their
  /// target's mailbox (the Keyframe convention). Events with a smaller seq are facts only.
  void reset(const Snapshot& s, const std::vector<InFlightSignal>& in_flight = {});
  /// Starts from a keyframe (its counts already follow the mailbox convention).
  void reset(const Keyframe& k);
  /// Merges a snapshot into the picture (after lost events): new processes are added, known ones
  /// take its fields and relations, ones it lacks have ended (reason :unknown until their Exit
  /// event says why); the ended are kept. Events with a smaller seq are facts only.
  void resync(const Snapshot& s, GraphChanges* changes = nullptr);
  /// Takes from a snapshot only what events do not carry (status, reductions, memory, the initial
  /// call an attached node learns late, and the mailbox sizes when `queue_lengths`) for the
  /// processes the picture already has.
  void refresh_fields(const Snapshot& s, bool queue_lengths, GraphChanges* changes = nullptr);
  /// Forgets everything (counters too).
  void clear();

  void apply(const TraceEvent& e, GraphChanges* changes = nullptr);

  // ---- reading ----
  const std::map<uint32_t, ProcessRecord>& processes() const { return live_; }
  const ProcessRecord* find(Pid p) const { return find(p.serial()); }
  const ProcessRecord* find(uint32_t serial) const;
  /// A live or recently ended process (the ended are kept, bounded by dead_kept()).
  const ProcessRecord* find_any(uint32_t serial) const;
  ProcessRecord* find_any_mutable(uint32_t serial);
  Pid whereis(Atom name) const;
  /// The nodes (by id; empty while only an unnamed node 0 exists) and the connections made or
  /// partitioned, sorted by (a, b).
  const std::vector<NodeState>& nodes() const { return nodes_; }
  /// Node ids at or above this are ignored (a broken recording cannot make thousands of nodes).
  static constexpr uint16_t kMaxNodes = 1024;
  const std::vector<ConnectionState>& connections() const { return conns_; }
  /// The live node called `name`, if any.
  std::optional<uint16_t> node_id(Atom name) const;
  /// A node's name (:nonode@nohost for node 0 before it is named; nil when unknown).
  Atom node_name(uint16_t id) const;
  /// The node a pid runs or ran on: its record's, or the far node a lost connection named for a pid
  /// that never ran (a spawn on an unreachable node); 0 when unknown.
  uint16_t node_of(uint32_t serial) const;
  /// The connection between a and b (either order), or null when never made.
  const ConnectionState* connection(uint16_t a, uint16_t b) const;
  /// The live processes as a Snapshot (sorted by serial); seq = the next seq to apply.
  Snapshot snapshot() const;
  Keyframe keyframe(size_t index) const;
  /// Exit signals and DOWNs sent and not yet delivered, oldest first (when tracked).
  const std::vector<InFlightSignal>& in_flight() const { return flying_; }
  /// The in_flight() entry a SignalDelivered event lands (in_flight().size() when none).
  size_t in_flight_match(const TraceEvent& delivered) const;
  /// seq of the SignalSent event of in_flight()[i] (0 when it predates the start).
  const std::vector<uint64_t>& in_flight_seq() const { return flying_seq_; }
  uint64_t next_seq() const { return next_seq_; }
  /// Events with a smaller seq are reflected in the last snapshot (facts only).
  uint64_t snapshot_seq() const { return floor_; }
  int64_t time_ns() const { return time_ns_; }
  /// Counters since clear(): messages (by weight) and exits applied.
  uint64_t messages() const { return messages_; }
  uint64_t exits() const { return exits_; }

  // ---- settings ----
  /// Keep the in-flight list (replay, recorder); off for the live window, which draws pulses.
  void set_track_in_flight(bool on) { track_flying_ = on; }
  /// How many ended processes are kept for find_any() (oldest forgotten first).
  void set_dead_kept(size_t n) { dead_kept_ = n; }
  /// Ergo mode (SEMANTICS E): Link/Unlink events with flag are one-way (ProcessSnapshot::
  /// one_way_links), links and monitors by name are kept with their name (name_targets, E1.2)
  /// until their exit or DOWN lands, and queue_urgent / queue_system are counted from the events (E1.9).
  void set_semantics(Semantics s) { ergo_ = s == Semantics::Ergo; }
  Semantics semantics() const { return ergo_ ? Semantics::Ergo : Semantics::Beam; }
  /// The role a new record gets (the console's shell and server); none when unset.
  std::function<ConsoleRole(uint32_t serial)> role_of;

private:
  ProcessRecord* get(Pid p);
  ProcessRecord* get(uint32_t serial);
  void end(uint32_t serial, const Term& reason, GraphChanges* ch);
  void restart(const TraceEvent& e, GraphChanges* ch);
  ProcessRecord record_of(const ProcessSnapshot& p);
  void apply_node_event(const TraceEvent& e, GraphChanges* ch);
  NodeState& node_slot(uint16_t id);
  ConnectionState& conn_slot(uint16_t a, uint16_t b);

  std::map<uint32_t, ProcessRecord> live_;
  std::map<uint32_t, ProcessRecord> dead_;
  std::deque<uint32_t> dead_order_;
  std::vector<InFlightSignal> flying_;
  std::vector<uint64_t> flying_seq_;
  std::vector<NodeState> nodes_;
  std::vector<ConnectionState> conns_;
  std::unordered_map<uint32_t, uint16_t> foreign_;  // pids that never ran here -> their node
  uint64_t next_seq_ = 0;
  uint64_t floor_ = 0;
  int64_t time_ns_ = 0;
  uint64_t messages_ = 0;
  uint64_t exits_ = 0;
  double next_order_ = 1;
  bool track_flying_ = true;
  bool ergo_ = false;
  size_t dead_kept_ = 4096;
};

/// True when an initial call {m, f, a} names a supervisor module (".*supervisor.*", any case).
bool looks_like_supervisor(const Term& initial_call);

}  // namespace actorscope
