#pragma once
// The observer API's value types: trace events and process snapshots.
// These are plain values, safe to copy and hand to another thread.

#include "actorscope/term.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace actorscope {

enum class TraceKind : uint8_t {
  Spawn,           // a = child, b = parent (or none), term = initial call {m, f, arity}
  Exit,            // a = process, term = reason
  Link,            // a = b's peer: a linked to b. With flag (Ergo mode, E1.1): a one-way link, a
                   // depends on b (b's end sends a an exit), ref = the link's, name = the name it
                   // targets (nil: by pid); node2 = 1: a node link, b none, node = the node
  Unlink,          // a unlinked b (flag, ref, name, node, node2 as for Link)
  Monitor,         // a (watcher) monitors b (target), ref; name = the name it targets (nil: by pid)
  Demonitor,       // a removed monitor ref on b
  Send,            // a sent term to b (a may be none for sends from outside the runtime; none with
                   // flag set: the runtime's own {:nodeup, n} / {:nodedown, n} notice); Ergo mode:
                   // node2 = the queue it goes to (0 Main, 1 System, 2 Urgent; E1.9)
  Receive,         // a consumed message term from its mailbox; Ergo mode: node2 = the queue it
                   // left (0 Main, 1 System: DOWNs, 2 Urgent: trapped exits)
  SignalSent,      // a sent an exit signal (signal = Exit) or DOWN (signal = Down) to b, term = reason;
                   // a none: from outside (pid2: the process that had the runtime send it, as Ergo's
                   // node Kill called from process code; none: a tool)
  SignalDelivered, // the signal from a reached b with `outcome`, term = reason
  TrapExit,        // a set trap_exit to flag
  Register,        // a registered name
  Unregister,      // a lost name (unregister, or exit)
  Suspend,         // a was suspended
  Resume,          // a was resumed
  Restart,         // supervisor a restarted child: b = new pid, pid2 = old pid (none if it never ran),
                   // name = child id if an atom (else nil), term = {child_id, reason} (reason: why the
                   // old one ended; :shutdown for siblings a one_for_all/rest_for_one restart stopped)
  Fault,           // an injected fault (actorscope/faults.hpp), emitted just before it acts:
                   // name = what (:kill, :flood, :delay, :suspend, :resume), a = target (none for a
                   // global delay), b = the other end of an edge delay (else none), pid2 = the
                   // injecting process (chaos monkey, fault plan runner; none from a tool),
                   // flag = chosen at random by the chaos monkey, term = the parameter: kill: the
                   // reason; flood: {count, per_second, message}; delay: latency in ms (integer);
                   // suspend, resume: nil
  GiveUp,          // supervisor a reached its restart intensity (R7.4) and is about to stop its
                   // children and exit with :shutdown: pid2 = the child whose exit was one restart
                   // too many, name = its id if an atom (else nil), term = {max_restarts,
                   // max_seconds, child_id, reason}
  Label,           // a is known by term (its child id under a supervisor, its key in a Registry,
                   // a name an application gives it, as OTP 27's proc_lib:set_label/1): the picture
                   // shows it where the process has no registered name
  // Nodes (R9). Node ids are small integers that are never reused; node 0 always exists.
  NodeUp,          // node `node` exists (added, or renamed) with name `name`; term = the node it is
                   // tied to (a :peer node ends when that connection is cut), or nil
  NodeDown,        // node `node` ended (:peer.stop, or its tied connection was cut); its processes
                   // are killed next, and their Exit events follow
  Connect,         // the connection between `node` and `node2` came up (on first use, or a connect)
  Disconnect,      // the connection between `node` and `node2` went down: flag = partitioned (it
                   // stays down until Heal; false for Node.disconnect); term = detection delay in
                   // ms (integer). The :noconnection exits and DOWNs it fires follow as SignalSent
                   // events from a process on the far side (a is that process, b the one told)
  Heal,            // the partition between `node` and `node2` was healed: the pair may connect again
};

/// Whose rules a runtime applies: the BEAM's (SEMANTICS R1-R9) or the Ergo Framework's (section E;
/// actorscope/ergo.hpp). Observers need it to read Link events and to name things.
enum class Semantics : uint8_t { Beam, Ergo };
const char* to_string(Semantics s);  // "beam", "ergo"

enum class SignalType : uint8_t { None, Message, Exit, Down };

/// What an exit signal or DOWN did when it reached its target.
enum class SignalOutcome : uint8_t {
  None,
  Killed,          // the target ended (with `reason`, or :killed for an untrappable kill)
  Trapped,         // converted to {:EXIT, from, reason} in the target's mailbox
  DroppedNormal,   // :normal to a process not trapping exits: no effect
  DroppedUnlinked, // the link was removed before the signal arrived (R1.8)
  DroppedDead,     // the target had already ended
  DownQueued,      // {:DOWN, ...} put into the watcher's mailbox
  DownDropped,     // the monitor had been removed (demonitor) before the DOWN arrived
  Lost,            // lost on a connection between nodes that was cut while it travelled, or sent
                   // across a partition (R9.6); signal = Message for a message (term = the message)
};

struct TraceEvent {
  uint64_t seq = 0;      // global, strictly increasing in emission order
  int64_t time_ns = 0;   // monotonic clock (virtual clock in deterministic mode)
  TraceKind kind = TraceKind::Spawn;
  SignalType signal = SignalType::None;
  SignalOutcome outcome = SignalOutcome::None;
  bool flag = false;     // TrapExit: the new value; Exit signal: sent by a link
  uint16_t node = 0;     // Spawn: the child's node; node events: the node (Connect...: one end)
  uint16_t node2 = 0;    // Connect, Disconnect, Heal: the other end. SignalSent with node2 = 1: made
                         // because a connection was lost or cannot be made (R9.3, R9.4); node = the
                         // node on the far side. SignalDelivered with node2 = 1: the kill of a
                         // process whose node ended (no process sent it)
  uint32_t weight = 1;   // Send/Receive under message sampling: how many messages this one stands for
  Pid a, b, pid2;
  Ref ref;
  Atom name;
  Term term;
};

const char* to_string(TraceKind k);
const char* to_string(SignalOutcome o);

enum class ProcessStatus : uint8_t { Running, Runnable, Waiting, Suspended, Exiting };
const char* to_string(ProcessStatus s);

/// Ergo mode (E1.2, E1.3): a one-way link or a monitor a process holds on a registered name.
struct NameTarget {
  Ref ref;                   // the link's or the monitor's
  Pid target;                // the process the name was registered to when it was made
  Atom name{atoms::nil.id};  // the name
  bool link = false;         // a one-way link (one_way_links lists its target too), else a monitor
  bool operator==(const NameTarget&) const = default;
};

/// One live process as seen by Runtime::snapshot().
struct ProcessSnapshot {
  Pid pid;
  Pid parent;
  uint16_t node = 0;         // the node it runs on (0: the first node)
  Atom name{atoms::nil.id};  // nil when unregistered
  ProcessStatus status = ProcessStatus::Waiting;
  bool trap_exit = false;
  bool suspended = false;
  uint32_t message_queue_len = 0;
  uint64_t reductions = 0;
  uint64_t memory = 0;
  Term initial_call;           // {module, function, arity}
  std::vector<Pid> links;
  /// Ergo mode (E1.1): the targets of the one-way links it holds (their end sends it an exit);
  /// `links` stays empty there.
  std::vector<Pid> one_way_links;
  /// Ergo mode (E1.2): the one-way links and monitors it holds on a registered name (their targets
  /// are in one_way_links and monitors as well). One goes when its exit or DOWN reaches this
  /// process (an unregister fires it with :unregistered, E1.3), or when it is removed.
  std::vector<NameTarget> name_targets;
  /// Ergo mode (E1.9): how many of message_queue_len wait in the Urgent and the System queue.
  uint32_t queue_urgent = 0;
  uint32_t queue_system = 0;
  std::vector<std::pair<Ref, Pid>> monitors;      // monitors this process holds: (ref, target)
  std::vector<std::pair<Ref, Pid>> monitored_by;  // (ref, watcher)
};

/// A signal on its way: waiting in the deterministic pending queue, or delayed by latency.
struct InFlightSignal {
  SignalType type = SignalType::Message;  // Message, Exit or Down (receive timeouts are not listed)
  Pid from, to;
  Term term;            // the message, the exit reason, or the DOWN's reason
  bool linked = false;  // Exit: sent because a linked process ended
  uint8_t queue = 0;    // Message in Ergo mode: the queue it goes to (0 Main, 1 System, 2 Urgent)
  int64_t sent_ns = 0;  // when it left (0 when unknown)
  int64_t due_ns = 0;   // when it will be delivered
};

/// A node, as Runtime::snapshot() and ProcessGraph know it.
struct NodeState {
  uint16_t id = 0;
  Atom name{atoms::nil.id};
  bool alive = true;
  int tied_to = -1;  // a :peer node ends when its connection to this node is cut
  bool operator==(const NodeState&) const = default;
};

/// A connection between two nodes (a < b) that has been made at least once, or is partitioned.
struct ConnectionState {
  uint16_t a = 0, b = 0;
  bool up = false;
  bool partitioned = false;  // cut and kept cut until healed
  bool operator==(const ConnectionState&) const = default;
};

struct Snapshot {
  uint64_t seq = 0;  // every event with a smaller seq is reflected in `processes`
  int64_t time_ns = 0;
  std::vector<ProcessSnapshot> processes;
  std::vector<NodeState> nodes;              // empty while only node 0 exists
  std::vector<ConnectionState> connections;  // sorted by (a, b)
};

}  // namespace actorscope
