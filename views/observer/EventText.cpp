#include "EventText.h"

#include "actorscope/console/session.hpp"
#include "actorscope/ergo.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

#include <string_view>

namespace actorscope::views {

namespace {
/// The translation context of the texts below.
struct EventText {
  Q_DECLARE_TR_FUNCTIONS(EventText)
};

QString t(const std::string& s) { return QString::fromStdString(s); }

QString reasonText(const Term& r) { return termText(r); }
}  // namespace

QString pidText(Pid p, uint16_t node) {
  if (p.serial() >= kForeignPidSerial) return QString::fromStdString(inspect_pid(p));  // an attached node's view
  return QStringLiteral("#PID<%1.%2.0>").arg(node ? node + 1u : 0u).arg(p.serial());
}

QString termText(const Term& term) { return QString::fromStdString(console::inspect_iex(term)); }

QString termTextShort(const Term& term, int maxChars) {
  QString s = termText(term);
  if (s.size() > maxChars && maxChars > 1) s = s.left(maxChars - 1) + QChar(0x2026);
  return s;
}

QString ergoReasonText(const Term& reason) {
  const QString name = QString::fromLatin1(ergo::reason_name(reason));
  if (name == QLatin1String("TerminateReasonPanic")) return name + QStringLiteral(" (") + termText(reason) + QStringLiteral(")");
  return name;
}

QString ergoReasonDetail(const Term& reason) {
  const QString name = QString::fromLatin1(ergo::reason_name(reason));
  if (name == QLatin1String("TerminateReasonPanic")) return ergoReasonText(reason);
  return name + QStringLiteral(" (") + termText(reason) + QStringLiteral(")");
}

QString ergoMessageText(const Term& msg, const std::function<QString(const Term&)>& field, bool html) {
  const QString name = QString::fromLatin1(ergo::message_name(msg));
  if (name.isEmpty()) return {};
  auto F = [&](const Term& x) { return field ? field(x) : termText(x); };
  auto R = [&](const Term& r) { return html ? ergoReasonText(r).toHtmlEscaped() : ergoReasonText(r); };
  // {:EXIT, object, reason}, {:DOWN, ref, :process, object, reason}, {:nodedown, node}; the field
  // is named as the message is: MessageExitPID{PID, Reason}, ...ProcessID{ProcessID, ...}, ...Node{Name}.
  const bool exit = msg.is_tagged(atoms::EXIT, 3);
  const QString kind = name.mid(QStringLiteral("MessageExit").size());  // "MessageDown" is as long
  if (kind == QLatin1String("Node")) return QStringLiteral("%1{Name: %2}").arg(name, F(msg[1]));
  const Term& object = exit ? msg[1] : msg[3];
  const Term& reason = exit ? msg[2] : msg[4];
  return QStringLiteral("%1{%2: %3, Reason: %4}").arg(name, kind, F(object), R(reason));
}

void ErgoNaming::observe(const TraceEvent& e) {
  switch (e.kind) {
    case TraceKind::Link:
    case TraceKind::Monitor:
      if (e.name != atoms::nil && e.ref.id) {
        if (names_.size() >= 100'000) names_.clear();  // bounded: a forgotten name reads as a pid
        names_[e.ref.id] = e.name;
      }
      break;
    case TraceKind::Unlink:
    case TraceKind::Demonitor: names_.erase(e.ref.id); break;
    case TraceKind::SignalSent:
      if (!e.a.valid() && e.node2 == 1 && e.signal == SignalType::Exit && e.b.valid()) {  // a node link fired
        if (lostNodes_.size() >= 10'000) lostNodes_.clear();  // bounded: a forgotten node reads as "a node"
        std::vector<uint16_t>& q = lostNodes_[e.b.serial()];
        if (q.size() < 64) q.push_back(e.node);
      }
      break;
    case TraceKind::SignalDelivered:
      if (e.ref.id && e.outcome != SignalOutcome::DroppedUnlinked && e.outcome != SignalOutcome::DownDropped)
        names_.erase(e.ref.id);  // it fired: the link or monitor is gone
      if (!e.a.valid() && e.signal == SignalType::Exit && e.flag)
        if (const auto it = lostNodes_.find(e.b.serial()); it != lostNodes_.end()) {
          it->second.erase(it->second.begin());
          if (it->second.empty()) lostNodes_.erase(it);
        }
      break;
    default: break;
  }
}

Atom ErgoNaming::nameOf(Ref ref) const {
  const auto it = names_.find(ref.id);
  return it == names_.end() ? atoms::nil : it->second;
}

int ErgoNaming::lostNodeOf(Pid target) const {
  const auto it = lostNodes_.find(target.serial());
  return it == lostNodes_.end() || it->second.empty() ? -1 : it->second.front();
}

namespace {
/// describeEvent's Ergo-mode lines; nullopt where the BEAM's words fit as they are.
std::optional<QString> describeErgo(const TraceEvent& e, const std::function<QString(Pid)>& P,
                                    const std::function<QString(uint16_t)>& N, const ErgoNaming& naming) {
  const QString reason = ergoReasonText(e.term);
  const bool byName = naming.nameOf(e.ref) != atoms::nil;
  const int lostNode = naming.lostNodeOf(e.b);
  auto A = [](Atom a) { return t(inspect_atom(a)); };
  switch (e.kind) {
    case TraceKind::Exit: return EventText::tr("%1 terminated (%2)").arg(P(e.a), reason);
    case TraceKind::Link:
    case TraceKind::Unlink: {
      if (!e.flag) return std::nullopt;
      const bool add = e.kind == TraceKind::Link;
      if (e.node2 == 1)
        return (add ? EventText::tr("%1 links to node %2 (LinkNode: it gets an exit when the connection is lost)")
                    : EventText::tr("%1 removed its link to node %2"))
            .arg(P(e.a), N(e.node));
      if (e.name != atoms::nil)
        return (add ? EventText::tr("%1 links to the name %2, now %3 (LinkProcessID, one-way)")
                    : EventText::tr("%1 removed its link to the name %2 (%3)"))
            .arg(P(e.a), A(e.name), P(e.b));
      return (add ? EventText::tr("%1 links to %2 (LinkPID, one-way)")
                  : EventText::tr("%1 removed its link to %2"))
          .arg(P(e.a), P(e.b));
    }
    case TraceKind::Monitor:
      if (e.name != atoms::nil)
        return EventText::tr("%1 monitors the name %2, now %3 (MonitorProcessID)").arg(P(e.a), A(e.name), P(e.b));
      return EventText::tr("%1 monitors %2 (MonitorPID)").arg(P(e.a), P(e.b));
    case TraceKind::Send:
      // The runtime's own notice to a node monitor (MonitorNode): {:nodedown, node} is MessageDownNode.
      if (!e.a.valid() && e.flag && ergo::message_name(e.term) == std::string_view("MessageDownNode"))
        return EventText::tr("%1 got %2 (it monitors nodes)").arg(P(e.b), ergoMessageText(e.term));
      return std::nullopt;
    case TraceKind::SignalSent:
      if (e.node2 == 1 && !e.a.valid())  // a node link or node monitor: no process on the far side sent it
        return e.signal == SignalType::Down
                   ? EventText::tr("the connection to node %1 was lost: %2 gets a DOWN with ErrNoConnection from its own side")
                         .arg(N(e.node), P(e.b))
                   : EventText::tr("the connection to node %1 was lost: %2's link to that node fires, an exit with "
                                   "ErrNoConnection from its own side")
                         .arg(N(e.node), P(e.b));
      if (e.node2 == 1)
        return e.signal == SignalType::Down
                   ? EventText::tr("%1 is unreachable: %2 gets a DOWN with ErrNoConnection from its own side").arg(P(e.a), P(e.b))
                   : EventText::tr("%1 is unreachable: %2 gets an exit with ErrNoConnection from its own side").arg(P(e.a), P(e.b));
      if (e.signal == SignalType::Down)
        return EventText::tr("%1 is down: %2 goes to %3 (%4)")
            .arg(P(e.a), QString::fromLatin1(byName ? "MessageDownProcessID" : "MessageDownPID"), P(e.b), reason);
      if (e.flag) return EventText::tr("%1's end of the link sends %2 an exit (%3)").arg(P(e.a), P(e.b), reason);
      if (!e.a.valid()) return EventText::tr("the observer sent an exit to %1 (%2)").arg(P(e.b), reason);
      return EventText::tr("%1 sent an exit to %2 (SendExit: %3)").arg(P(e.a), P(e.b), reason);
    case TraceKind::SignalDelivered:
      switch (e.outcome) {
        case SignalOutcome::Killed:
          if (e.node2 == 1 && e.term.is_atom(atoms::kill))
            return EventText::tr("the node killed %1 (Kill: forced, it cannot be trapped)").arg(P(e.b));
          if (e.node2 == 1) return std::nullopt;
          if (e.flag && !e.a.valid())  // a node link (LinkNode) fired
            return lostNode < 0 ? EventText::tr("%1 terminated: the connection to a node it links to was lost (%2)").arg(P(e.b), reason)
                                : EventText::tr("%1 terminated: the connection to node %2 was lost, and it links to that node (%3)")
                                      .arg(P(e.b), N(uint16_t(lostNode)), reason);
          return (e.flag ? EventText::tr("%1 terminated: its link to %2 fired (%3)")
                         : EventText::tr("%1 was terminated by an exit from %2 (%3)"))
              .arg(P(e.b), P(e.a), reason);
        case SignalOutcome::Trapped: {
          if (e.flag && !e.a.valid())  // a node link (LinkNode) fired: MessageExitNode
            return lostNode < 0 ? EventText::tr("%1 got MessageExitNode in its Urgent queue: the connection to a node it links to was lost (%2)")
                                      .arg(P(e.b), reason)
                                : EventText::tr("%1 got MessageExitNode in its Urgent queue: the connection to node %2 was lost (%3)")
                                      .arg(P(e.b), N(uint16_t(lostNode)), reason);
          const char* what = byName ? "MessageExitProcessID" : "MessageExitPID";
          return EventText::tr("%1 got %2 from %3 (%4) in its Urgent queue")
              .arg(P(e.b), QString::fromLatin1(what), P(e.a), reason);
        }
        case SignalOutcome::DroppedUnlinked:
          return EventText::tr("%1 dropped the exit from %2: it no longer links to it").arg(P(e.b), P(e.a));
        case SignalOutcome::DownQueued:
          return EventText::tr("%1 got %2 for %3 (%4) in its System queue")
              .arg(P(e.b), QString::fromLatin1(byName ? "MessageDownProcessID" : "MessageDownPID"), P(e.a), reason);
        default: return std::nullopt;
      }
    default: return std::nullopt;
  }
}
}  // namespace

QString describeEvent(const TraceEvent& e, const PidNamer& namer, const NodeNamer& nodes, const ErgoNaming* ergo) {
  auto P = [&](Pid p) -> QString {
    if (!p.valid()) return EventText::tr("the observer");
    return namer ? namer(p) : t(inspect_pid(p));
  };
  auto N = [&](uint16_t n) -> QString { return nodes ? nodes(n) : EventText::tr("node %1").arg(n); };
  if (ergo)
    if (std::optional<QString> line = describeErgo(e, P, N, *ergo)) return *line;
  switch (e.kind) {
    case TraceKind::Spawn:
      if (e.b.valid())
        return EventText::tr("%1 spawned %2 (%3)").arg(P(e.b), P(e.a), termText(e.term));
      return EventText::tr("%1 was spawned (%2)").arg(P(e.a), termText(e.term));
    case TraceKind::Exit:
      return EventText::tr("%1 exited (%2)").arg(P(e.a), reasonText(e.term));
    case TraceKind::Link: return EventText::tr("%1 linked to %2").arg(P(e.a), P(e.b));
    case TraceKind::Unlink: return EventText::tr("%1 unlinked from %2").arg(P(e.a), P(e.b));
    case TraceKind::Monitor: return EventText::tr("%1 monitors %2").arg(P(e.a), P(e.b));
    case TraceKind::Demonitor:
      return EventText::tr("%1 stopped monitoring %2").arg(P(e.a), P(e.b));
    case TraceKind::Send:
      // Only a message from outside the runtime (the window's Send) gets a line: processes'
      // own traffic is counted and charted, not listed.
      if (!e.a.valid() && e.flag) return EventText::tr("%1 got %2 (it monitors nodes)").arg(P(e.b), termText(e.term));
      if (!e.a.valid() && !console::is_console_protocol(e.term))
        return EventText::tr("the observer sent %1 to %2").arg(termText(e.term), P(e.b));
      return {};
    case TraceKind::Receive: return {};
    case TraceKind::SignalSent:
      if (e.node2 == 1)  // made because a connection was lost or cannot be made
        return e.signal == SignalType::Down
                   ? EventText::tr("%1 is unreachable: DOWN (:noconnection) sent to %2 from its own side").arg(P(e.a), P(e.b))
                   : EventText::tr("%1 is unreachable: an exit signal (:noconnection) goes to %2 from its own side")
                         .arg(P(e.a), P(e.b));
      if (e.signal == SignalType::Down)
        return EventText::tr("%1 is down: DOWN sent to %2 (%3)").arg(P(e.a), P(e.b), reasonText(e.term));
      if (e.term.is_atom(atoms::kill) && !e.flag)
        return EventText::tr("%1 sent an untrappable kill to %2").arg(P(e.a), P(e.b));
      return EventText::tr("%1 sent an exit signal to %2 (%3)%4")
          .arg(P(e.a), P(e.b), reasonText(e.term), e.flag ? EventText::tr(" along their link") : QString());
    case TraceKind::SignalDelivered:
      switch (e.outcome) {
        case SignalOutcome::Killed:
          if (e.node2 == 1) return EventText::tr("%1 ended with its node").arg(P(e.b));
          return EventText::tr("%1 was killed by the exit signal from %2 (%3)")
              .arg(P(e.b), P(e.a), reasonText(e.term));
        case SignalOutcome::Trapped:
          return EventText::tr("%1 trapped the exit of %2 (%3)").arg(P(e.b), P(e.a), reasonText(e.term));
        case SignalOutcome::DroppedNormal:
          return EventText::tr("%1 ignored a :normal exit signal from %2 (it does not trap exits)")
              .arg(P(e.b), P(e.a));
        case SignalOutcome::DroppedUnlinked:
          return EventText::tr("%1 dropped the exit signal from %2: no longer linked").arg(P(e.b), P(e.a));
        case SignalOutcome::DroppedDead:
          return EventText::tr("the exit signal from %1 found %2 already dead").arg(P(e.a), P(e.b));
        case SignalOutcome::DownQueued:
          return EventText::tr("%1 got {:DOWN, ...} for %2 (%3)").arg(P(e.b), P(e.a), reasonText(e.term));
        case SignalOutcome::DownDropped:
          return EventText::tr("%1 dropped a DOWN for %2: no longer monitoring").arg(P(e.b), P(e.a));
        case SignalOutcome::Lost:
          if (e.signal == SignalType::Message)
            return EventText::tr("a message from %1 to %2 was lost: the connection between their nodes was cut (%3)")
                .arg(P(e.a), P(e.b), termTextShort(e.term));
          return EventText::tr("the %1 from %2 to %3 was lost: the connection between their nodes was cut")
              .arg(e.signal == SignalType::Down ? QStringLiteral("DOWN") : EventText::tr("exit signal"), P(e.a), P(e.b));
        case SignalOutcome::None: break;
      }
      return {};
    case TraceKind::TrapExit:
      return e.flag ? EventText::tr("%1 now traps exits").arg(P(e.a))
                    : EventText::tr("%1 no longer traps exits").arg(P(e.a));
    case TraceKind::Register:
      return EventText::tr("%1 registered as %2").arg(P(e.a), t(inspect_atom(e.name)));
    case TraceKind::Unregister:
      return EventText::tr("%1 lost the name %2").arg(P(e.a), t(inspect_atom(e.name)));
    case TraceKind::Suspend: return EventText::tr("%1 was suspended").arg(P(e.a));
    case TraceKind::Resume: return EventText::tr("%1 was resumed").arg(P(e.a));
    case TraceKind::Label: return EventText::tr("%1 is known as %2").arg(P(e.a), termText(e.term));
    case TraceKind::GiveUp: {
      // term: {max_restarts, max_seconds, child_id, reason}
      const bool ok = e.term.is_tuple() && e.term.tuple_size() == 4;
      auto field = [&](size_t i) { return ok ? termText(e.term[i]) : QStringLiteral("?"); };
      return EventText::tr("supervisor %1 gave up: more than %2 restarts in %3 s (the last: %4 exited with %5); "
                           "it stops its children and exits with :shutdown")
          .arg(P(e.a), field(0), field(1),
               e.name == atoms::nil ? P(e.pid2) : t(inspect_atom(e.name)) + QStringLiteral(" ") + P(e.pid2), field(3));
    }
    case TraceKind::Restart:
      return EventText::tr("supervisor %1 restarted %2 as %3 (it exited with %4)")
          .arg(P(e.a), e.name == atoms::nil ? P(e.pid2) : t(inspect_atom(e.name)) + QStringLiteral(" ") + P(e.pid2),
               P(e.b), reasonText(restartReason(e)));
    case TraceKind::NodeUp:
      return e.term.is_integer()
                 ? EventText::tr("node %1 is up (a peer of %2: it ends when their connection is cut)")
                       .arg(N(e.node), N(static_cast<uint16_t>(e.term.as_integer())))
                 : EventText::tr("node %1 is up").arg(N(e.node));
    case TraceKind::NodeDown:
      return EventText::tr("node %1 is down: its processes end, and links and monitors to them fire with :noconnection")
          .arg(N(e.node));
    case TraceKind::Connect: return EventText::tr("nodes %1 and %2 connected").arg(N(e.node), N(e.node2));
    case TraceKind::Disconnect: {
      QString s = (e.flag ? EventText::tr("partition: the connection between %1 and %2 is cut (until healed)")
                          : EventText::tr("nodes %1 and %2 disconnected"))
                      .arg(N(e.node), N(e.node2));
      if (e.term.is_integer() && e.term.as_integer() > 0)
        s += EventText::tr("; each side notices after %1 ms").arg(e.term.as_integer());
      return s;
    }
    case TraceKind::Heal:
      return EventText::tr("partition healed between %1 and %2: they connect again on next use; nothing that fired comes back")
          .arg(N(e.node), N(e.node2));
    case TraceKind::Fault:
      if (e.name == intern("partition") || e.name == intern("heal")) {
        // partition: {side, ms} or {{side, rest}, ms}; heal: side or {side, rest}
        const bool cut = e.name == intern("partition");
        const Term what = cut && e.term.is_tuple() && e.term.tuple_size() == 2 ? e.term[0] : e.term;
        auto names = [&](const Term& l) {
          QStringList out;
          if (l.is_list() && l.is_proper_list())
            for (Term x = l; x.is_cons(); x = x.tail())
              out << (x.head().is_atom() ? t(std::string(atom_name(x.head().as_atom()))) : termText(x.head()));
          return out.join(QStringLiteral(", "));
        };
        const bool pair = what.is_tuple() && what.tuple_size() == 2;
        const QString side = names(pair ? what[0] : what);
        const QString rest = pair ? names(what[1]) : EventText::tr("the rest");
        if (!cut)
          return side.isEmpty() ? EventText::tr("fault injected: heal every partition")
                                : EventText::tr("fault injected: heal %1 | %2").arg(side, rest);
        const long long ms = e.term.is_tuple() && e.term.tuple_size() == 2 && e.term[1].is_integer() ? e.term[1].as_integer() : 0;
        return ms > 0 ? EventText::tr("fault injected: partition %1 | %2 for %3 ms").arg(side, rest).arg(ms)
                      : EventText::tr("fault injected: partition %1 | %2 until healed").arg(side, rest);
      }
      if (e.name == intern("delay") && !e.a.valid() && e.term.is_tuple() && e.term.tuple_size() == 2)
        return EventText::tr("fault injected: signals between nodes %1 take %2 ms longer")
            .arg(termText(e.term[1]), termText(e.term[0]));
      return EventText::tr("fault injected: %1 %2 (%3)")
          .arg(t(std::string(atom_name(e.name))), e.a.valid() ? P(e.a) : EventText::tr("everyone"),
               termText(e.term));
  }
  return {};
}

Term restartReason(const TraceEvent& e) {
  // OTP's supervisors put {child_id, reason} in the term.
  if (e.term.is_tuple() && e.term.tuple_size() == 2) return e.term[1];
  return e.term;
}

QString giveUpNote(const Term& term) {
  if (!term.is_tuple() || term.tuple_size() != 4) return EventText::tr("gave up: too many restarts");
  return EventText::tr("gave up: more than %1 restarts in %2 s").arg(termText(term[0]), termText(term[1]));
}

QString explainExitReason(const Term& reason, bool ergo) {
  if (ergo) {  // SendExit by Ergo's rules: E1.5 (any reason ends a non-trapper), E1.6 (:kill is trapped)
    if (reason.is_atom(atoms::kill))
      return EventText::tr("TerminateReasonKill: in Ergo an exit with :kill is trapped like any other (E1.6): a trapper gets "
                           "MessageExitPID in its Urgent queue, any other process terminates. Only the node's Kill is forced.");
    if (reason.is_atom(atoms::normal))
      return EventText::tr("TerminateReasonNormal: in Ergo a process that does not trap exits terminates on any reason, "
                           ":normal too (E1.5); a trapper gets MessageExitPID in its Urgent queue.");
    if (reason.is_atom(atoms::shutdown))
      return EventText::tr("TerminateReasonShutdown: the process terminates unless it traps exits (then it gets "
                           "MessageExitPID in its Urgent queue); the processes that link to it get an exit with it.");
    return EventText::tr("%1: the process terminates unless it traps exits, and every process linked to it that does "
                         "not trap terminates too.")
        .arg(ergoReasonText(reason));
  }
  if (reason.is_atom(atoms::kill))
    return EventText::tr(":kill cannot be trapped: the process dies with :killed, and its links get "
                          ":killed (which they can trap).");
  if (reason.is_atom(atoms::normal))
    return EventText::tr(":normal does nothing to a process that does not trap exits; a trapper gets "
                          "{:EXIT, from, :normal} in its mailbox.");
  if (reason.is_atom(atoms::shutdown))
    return EventText::tr(":shutdown is how supervisors stop children: the process dies (unless it traps "
                          "exits) and a supervisor does not report it as a crash.");
  return EventText::tr("%1 is an abnormal reason: the process dies unless it traps exits, and every "
                        "linked process that does not trap dies with it.")
      .arg(termText(reason));
}

namespace {
ReasonParse parse(const std::string& text) {
  ReasonParse out;
  ParseResult r = parse_term(text);
  if (r) {
    out.term = r.term();
  } else {
    const ParseError& e = r.error();
    out.error = EventText::tr("Not a term: column %1: %2").arg(e.column).arg(t(e.message));
    if (e.line > 1) out.error = EventText::tr("Not a term: line %1, column %2: %3").arg(e.line).arg(e.column).arg(t(e.message));
  }
  return out;
}
}  // namespace

ReasonParse parseReason(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) return {std::nullopt, EventText::tr("Type a reason, e.g. :kaboom or {:shutdown, :tired}")};
  static const QRegularExpression bareWord(QStringLiteral("^[a-z_][A-Za-z0-9_@]*[?!]?$"));
  if (bareWord.match(trimmed).hasMatch() && trimmed != QStringLiteral("nil") &&
      trimmed != QStringLiteral("true") && trimmed != QStringLiteral("false"))
    return {Term::atom(trimmed.toStdString()), {}};
  return parse(trimmed.toStdString());
}

ReasonParse parseMessage(const QString& text) {
  const QString trimmed = text.trimmed();
  if (trimmed.isEmpty()) return {std::nullopt, EventText::tr("Type a message, e.g. {:put, \"k\", 1}")};
  return parse(trimmed.toStdString());
}

}  // namespace actorscope::views
