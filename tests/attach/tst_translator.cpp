// The attach translator on its own (no node): the agent's reports in the orders a tracer delivers
// them become trace events the one state machine (ProcessGraph) can apply, with the BEAM's rules
// for what a signal did (SEMANTICS R1: a :normal exit signal never kills a process).

#include "../../runtime/src/attach/translator.hpp"

#include "actorscope/process_graph.hpp"

#include "../common/tsan_qt.hpp"

#include <QtTest>

#include <cstring>

using namespace actorscope;
using attach::Translator;

namespace {

Term A(const char* s) { return Term::atom(s); }
Term P(uint32_t n) { return Term(Pid::make(0, n)); }
Term T(int64_t ms) { return Term(int64_t(ms) * 1'000'000); }
Term mfa(const char* m, const char* f, int a) { return Term::tuple({A(m), A(f), Term(a)}); }

struct Rig {
  attach::PidMap pids{"n@h"};
  Translator tr{pids};
  ProcessGraph graph;
  std::vector<TraceEvent> events;
  Rig() {
    tr.start(0, Pid::make(0, 999));
    std::vector<TraceEvent> labels;
    graph.resync(tr.finish_snapshot(0, labels));
  }
  void feed(std::initializer_list<Term> evs, int64_t settle_ms = -1) {
    std::vector<TraceEvent> out;
    for (const Term& e : evs) QVERIFY2(tr.event(e, out), inspect(e).c_str());
    if (settle_ms >= 0) tr.settle(settle_ms * 1'000'000, out);
    for (const TraceEvent& e : out) graph.apply(e);
    events.insert(events.end(), out.begin(), out.end());
  }
  const TraceEvent* find(TraceKind k, uint32_t a, uint32_t b = 0) const {
    for (const TraceEvent& e : events)
      if (e.kind == k && e.a.serial() == a && (!b || e.b.serial() == b)) return &e;
    return nullptr;
  }
};

}  // namespace

class TstTranslator : public QObject {
  Q_OBJECT

private slots:
  // R1.2: a linked peer's :normal exit does not kill; the peer's own normal end is its own.
  void r1_2_aNormalExitNeverKillsALinkedPeer() {
    Rig r;
    r.feed({Term::tuple({A("spawn"), T(1), P(10), P(1), mfa("m", "f", 0)}),
            Term::tuple({A("spawn"), T(1), P(11), P(1), mfa("m", "g", 0)}),
            Term::tuple({A("link"), T(2), P(10), P(11)}),
            Term::tuple({A("exit"), T(3), P(10), A("normal")}),
            Term::tuple({A("exit"), T(4), P(11), A("normal")})},
           1000);
    const TraceEvent* d = r.find(TraceKind::SignalDelivered, 10, 11);
    QVERIFY(d);
    QVERIFY(d->outcome != SignalOutcome::Killed);
    QVERIFY(!r.graph.find(Pid::make(0, 10)) && !r.graph.find(Pid::make(0, 11)));
  }

  // R1.1: an abnormal exit kills a linked peer that does not trap: delivered before its Exit.
  void r1_1_anAbnormalExitKillsALinkedPeer() {
    Rig r;
    r.feed({Term::tuple({A("spawn"), T(1), P(10), P(1), mfa("m", "f", 0)}),
            Term::tuple({A("spawn"), T(1), P(11), P(1), mfa("m", "g", 0)}),
            Term::tuple({A("link"), T(2), P(10), P(11)}),
            Term::tuple({A("exit"), T(3), P(10), A("boom")}),
            Term::tuple({A("exit"), T(3), P(11), A("boom")})});
    const TraceEvent* d = r.find(TraceKind::SignalDelivered, 10, 11);
    QVERIFY(d && d->outcome == SignalOutcome::Killed);
    QVERIFY(d < r.find(TraceKind::Exit, 11));
  }

  // The tracer delivers a child's exit or link before its parent's spawn: shown in cause order.
  void eventsBeforeTheirSpawnWaitForIt() {
    Rig r;
    r.feed({Term::tuple({A("spawn"), T(1), P(10), P(1), mfa("m", "f", 0)}),
            Term::tuple({A("link"), T(2), P(11), P(10)}),
            Term::tuple({A("exit"), T(2), P(12), A("normal")}),
            Term::tuple({A("spawn"), T(2), P(11), P(10), mfa("m", "g", 0)}),
            Term::tuple({A("spawn"), T(2), P(12), P(10), mfa("m", "h", 0)})});
    const ProcessRecord* c = r.graph.find(Pid::make(0, 11));
    QVERIFY(c);
    QCOMPARE(c->links.size(), size_t(1));
    QVERIFY(r.find(TraceKind::Spawn, 11) < r.find(TraceKind::Link, 11));
    QVERIFY(r.find(TraceKind::Spawn, 12) && r.find(TraceKind::Exit, 12));
    QVERIFY(r.find(TraceKind::Spawn, 12) < r.find(TraceKind::Exit, 12));
    QVERIFY(!r.graph.find(Pid::make(0, 12)));
  }

  // R7: a supervisor restarts a child that crashed; a dynamic child that ended :normal and a new
  // one started later is no restart.
  void r7_restartsOnlyAfterAnAbnormalEnd() {
    Rig r;
    const Term sup = mfa("supervisor", "kv_sup", 1);
    r.feed({Term::tuple({A("spawn"), T(1), P(5), P(1), sup}),
            Term::tuple({A("spawn"), T(2), P(10), P(5), mfa("w", "init", 1)}),
            Term::tuple({A("link"), T(2), P(5), P(10)}),
            Term::tuple({A("trap_exit"), T(2), P(5), Term::boolean(true)}),
            Term::tuple({A("exit"), T(3), P(10), A("normal")}),
            Term::tuple({A("exit_msg"), T(3), P(5), P(10), A("normal")}),
            Term::tuple({A("spawn"), T(4), P(11), P(5), mfa("w", "init", 1)})});
    QVERIFY(!r.find(TraceKind::Restart, 5));
    r.feed({Term::tuple({A("link"), T(4), P(5), P(11)}),
            Term::tuple({A("exit"), T(5), P(11), A("boom")}),
            Term::tuple({A("exit_msg"), T(5), P(5), P(11), A("boom")}),
            Term::tuple({A("spawn"), T(6), P(12), P(5), mfa("w", "init", 1)})});
    const TraceEvent* restart = r.find(TraceKind::Restart, 5, 12);
    QVERIFY(restart);
    QCOMPARE(restart->pid2.serial(), 11u);
  }

  // The observer's kill: sent from outside (a = none), delivered as Killed before the Exit.
  void theObserversKillLandsBeforeTheExit() {
    Rig r;
    r.feed({Term::tuple({A("spawn"), T(1), P(10), P(1), mfa("m", "f", 0)})});
    std::vector<TraceEvent> out;
    r.tr.observer_exit(Pid::make(0, 10), A("kill"), 60'000'000'000, out);  // a minute later
    for (const TraceEvent& e : out) r.graph.apply(e);
    r.events.insert(r.events.end(), out.begin(), out.end());
    r.feed({Term::tuple({A("exit"), T(60'001), P(10), A("killed")})}, 60'002);
    const TraceEvent* d = r.find(TraceKind::SignalDelivered, 0, 10);
    QVERIFY(d && d->outcome == SignalOutcome::Killed);
  }

  // A home node that went away and came back restarted (a new creation): a pid number the
  // picture saw end must not map to that ended serial again (its spawn would be ignored). After
  // forget_node the home node's pids get serials of their own, printed as the node prints them.
  void aHomeNodeBackGetsFreshSerials() {
    attach::PidMap pids{"n@h"};
    auto pid = [](unsigned num, unsigned creation) {
      erlang_pid p{};
      std::strncpy(p.node, "n@h", sizeof p.node - 1);
      p.num = num;
      p.creation = creation;
      return p;
    };
    const Pid first = pids.local(pid(500, 1));
    QCOMPARE(first.serial(), 500u);
    pids.forget(first);  // it ended
    QCOMPARE(pids.local(pid(500, 1)).serial(), 500u);  // met again while the node is there: the same
    pids.forget(first);
    pids.forget_node("n@h");
    const Pid again = pids.local(pid(500, 2));
    QVERIFY(again.serial() != 500u);
    QCOMPARE(QString::fromStdString(pids.text(again)), QStringLiteral("#PID<0.500.0>"));
    QCOMPARE(pids.node_of(again), std::string("n@h"));
  }
};

QTEST_GUILESS_MAIN(TstTranslator)
#include "tst_translator.moc"
