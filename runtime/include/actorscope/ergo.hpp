#pragma once
// Ergo mode (SEMANTICS section E): the Ergo Framework v3's links and monitors on this runtime.
//
// A Runtime made with RuntimeOptions::semantics = Semantics::Ergo applies E1.1-E1.10 instead of
// the corresponding R rules. The BEAM-style calls keep working and mean their Ergo counterparts:
// Process::link(pid) is LinkPID (one-way, E1.1: the caller depends on the target), spawn_link is
// LinkParent + LinkChild, Process::monitor is MonitorPID, Runtime::exit is SendExit. The functions
// below add what only Ergo has: targets by name and node, errors as return values (E1.4), sends
// with a priority (E1.9) and the node's forced Kill (E1.6).
//
// Messages keep the runtime's shapes, so OTP code runs unchanged; the views name them as Ergo does:
//   {:EXIT, pid, reason}            MessageExitPID        {:EXIT, {name, node}, reason}   MessageExitProcessID
//   {:EXIT, node, reason}           MessageExitNode       {:DOWN, ref, :process, pid, r}  MessageDownPID
//   {:EXIT, alias, reason}          MessageExitAlias      {:DOWN, ref, :process, alias, r}  MessageDownAlias
//   {:DOWN, ref, :process, {name, node}, r}  MessageDownProcessID                {:nodedown, node}  MessageDownNode
// Reasons are atoms: :normal (TerminateReasonNormal), :kill (TerminateReasonKill), :shutdown
// (TerminateReasonShutdown), :unregistered (ErrUnregistered), :noconnection (ErrNoConnection);
// any other reason is a crash (TerminateReasonPanic).
//
// Thread-safety: the Process& overloads only from that process's own code; the Runtime& ones from
// any thread (a deterministic runtime: its owning thread).

#include "actorscope/process.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace actorscope {
class Runtime;
}

namespace actorscope::ergo {

enum class Error : uint8_t {
  None,
  ProcessUnknown,  // ErrProcessUnknown: no such process, name or node
  TargetExist,     // ErrTargetExist: the link or monitor is there already
  NotAllowed,      // ErrNotAllowed: to itself, or the caller is not alive
  TargetUnknown,   // ErrTargetUnknown: removing a link or monitor that does not exist
  NoConnection,    // ErrNoConnection: the target's node cannot be reached
};
/// "ErrProcessUnknown", ... ("" for None).
const char* to_string(Error e);

/// The queue a message goes to (E1.9): Normal -> Main, High -> System, Max -> Urgent.
enum class Priority : uint8_t { Normal = 0, High = 1, Max = 2 };

/// What a link or monitor targets (E1.2).
struct Target {
  enum class Kind : uint8_t { Pid, Name, Alias, Node } kind = Kind::Pid;
  Pid pid;
  Atom name{atoms::nil.id};
  uint16_t node = 0;  // Name: the node the name is registered on; Node: the node
  Ref alias;          // Alias: one create_alias made
  static Target process(Pid p) { return Target{Kind::Pid, p, atoms::nil, 0, {}}; }
  static Target registered(Atom n, uint16_t on_node = 0) { return Target{Kind::Name, Pid{}, n, on_node, {}}; }
  static Target alias_of(Ref a) { return Target{Kind::Alias, Pid{}, atoms::nil, 0, a}; }
  static Target node_of(uint16_t n) { return Target{Kind::Node, Pid{}, atoms::nil, n, {}}; }
};

// From the process's own code. In BEAM mode these throw ErlangError(:badarg): they are Ergo's.
Error link(Process& self, const Target& t);
Error unlink(Process& self, const Target& t);
Error monitor(Process& self, const Target& t);
Error demonitor(Process& self, const Target& t);
/// Sends `msg` into the queue `p` names (the Main queue in BEAM mode, where there is one queue).
void send(Process& self, Pid to, Term msg, Priority p);
/// A new alias of the calling process (gen.Alias, a reference). It goes with the process.
Ref create_alias(Process& self);
/// Deletes one of the caller's aliases: links and monitors on it fire with :unregistered while the
/// process lives on (E1.3). TargetUnknown when it is not one of the caller's.
Error delete_alias(Process& self, Ref alias);
/// The process an alias belongs to (invalid when deleted or its process ended). Any thread.
Pid alias_owner(Runtime& rt, Ref alias);
/// The aliases alive now, oldest first, as (alias, its process): `owner`'s, or every process's
/// when `owner` is none. Any thread.
std::vector<std::pair<Ref, Pid>> aliases(Runtime& rt, Pid owner = {});

// For tools (the window), as if `watcher` made the call. NotAllowed when the watcher is not alive.
Error link(Runtime& rt, Pid watcher, const Target& t);
Error unlink(Runtime& rt, Pid watcher, const Target& t);
Error monitor(Runtime& rt, Pid watcher, const Target& t);
Error demonitor(Runtime& rt, Pid watcher, const Target& t);
/// As if `owner` called create_alias; an invalid Ref when `owner` is not alive.
Ref create_alias(Runtime& rt, Pid owner);
/// As if `owner` called delete_alias (E1.3: what is linked to or monitors it fires with
/// :unregistered). NotAllowed when `owner` is not alive, TargetUnknown when not one of its aliases.
Error delete_alias(Runtime& rt, Pid owner, Ref alias);

/// The message-name Ergo gives a runtime message (above), or "" when it is an ordinary message.
const char* message_name(const Term& msg);
/// The Ergo name of an exit reason: "TerminateReasonNormal", "ErrUnregistered", ...;
/// "TerminateReasonPanic" for any other term.
const char* reason_name(const Term& reason);

}  // namespace actorscope::ergo
