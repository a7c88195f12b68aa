#pragma once
// EventText: a trace event in words a student can read, and the one-line meaning of exit reasons.
// Pure functions; any thread.

#include "actorscope/trace.hpp"

#include <QString>

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

namespace actorscope::views {

/// A term as iex prints it (structs and exceptions as structs), on one line.
QString termText(const Term& t);
/// termText cut to `maxChars` with an ellipsis (labels on the graph; the whole text goes in a tooltip).
QString termTextShort(const Term& t, int maxChars = 40);

/// How a pid is printed: "#PID<0.84.0>" or with its name, "#PID<0.84.0> (:registry)".
using PidNamer = std::function<QString(Pid)>;
/// How a node is named in a line: "b@host".
using NodeNamer = std::function<QString(uint16_t)>;

/// A pid as the first node (node 0, where the console runs) prints it (R9.1): "#PID<0.84.0>" for
/// its own processes, "#PID<N.84.0>" (N = node + 1) for node N-1's.
QString pidText(Pid p, uint16_t node);

/// Ergo mode (SEMANTICS E): an exit reason as the Ergo Framework names it ("TerminateReasonKill",
/// "ErrUnregistered"); a crash's own reason follows ("TerminateReasonPanic (:boom)").
QString ergoReasonText(const Term& reason);
/// Ergo mode: the reason's Ergo name with the term it stands for, "TerminateReasonKill (:kill)"
/// (a crash as ergoReasonText: "TerminateReasonPanic (:boom)"), for the inspector.
QString ergoReasonDetail(const Term& reason);
/// Ergo mode: a runtime message as Ergo names it, "MessageExitPID{PID: #PID<0.12.0>, Reason:
/// TerminateReasonKill}"; "" for an ordinary message. `field` prints the PID, ProcessID and Name
/// fields (default termText); with `html` the rest is HTML-escaped.
QString ergoMessageText(const Term& msg, const std::function<QString(const Term&)>& field = {}, bool html = false);

/// Ergo mode's memory for describeEvent: which links and monitors target a registered name (their
/// Link and Monitor events say so), so that what they deliver is named MessageExitProcessID or
/// MessageDownProcessID; and which node a node link's exit comes from (its SignalSent names the
/// node, its SignalDelivered does not). Feed it each event after describing it. Not thread-safe.
class ErgoNaming {
public:
  void observe(const TraceEvent& e);
  /// The name the link or monitor `ref` targets (nil: a pid, or not known).
  Atom nameOf(Ref ref) const;
  /// The node whose lost connection fired the node-link exit now reaching `target` (-1: not known).
  int lostNodeOf(Pid target) const;
  void clear() {
    names_.clear();
    lostNodes_.clear();
  }

private:
  std::unordered_map<uint64_t, Atom> names_;
  std::unordered_map<uint32_t, std::vector<uint16_t>> lostNodes_;  // by target serial, oldest first
};

/// E.g. "#PID<0.84.0> trapped the exit of #PID<0.85.0> (:kaboom)". Empty for events that are not
/// worth a line of their own (Send, Receive: counted, not logged). With `ergo`, the events of an
/// Ergo-mode runtime, in Ergo's words (MessageExitPID, TerminateReasonKill, one-way links).
QString describeEvent(const TraceEvent& e, const PidNamer& namer = {}, const NodeNamer& nodes = {},
                      const ErgoNaming* ergo = nullptr);

/// The exit reason a Restart event carries.
Term restartReason(const TraceEvent& e);

/// A GiveUp event's term {max_restarts, max_seconds, child_id, reason} as the note under the
/// supervisor's ghost: "gave up: more than 3 restarts in 5 s".
QString giveUpNote(const Term& term);
/// One line on what `Process.exit(pid, reason)` from outside does, for the Exit dialog; with
/// `ergo`, by Ergo's rules (SendExit: any reason ends a non-trapper, E1.5; :kill is trapped, E1.6).
QString explainExitReason(const Term& reason, bool ergo = false);

/// Parses a reason typed by the user ("kaboom" or ":kaboom" or "{:shutdown, :tired}").
/// A bare word is taken as an atom. On error, `error` says where and what.
struct ReasonParse {
  std::optional<Term> term;
  QString error;
};
ReasonParse parseReason(const QString& text);
/// As parseReason, for a message (no bare-word shortcut).
ReasonParse parseMessage(const QString& text);

}  // namespace actorscope::views
