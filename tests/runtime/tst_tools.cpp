// The runtime's relation calls for tools (Runtime::link/unlink/monitor/demonitor): a GUI links or
// monitors two processes that are not its own, with the semantics of the process doing it itself.

#include "helpers.hpp"

#include "actorscope/lockstep.hpp"

using namespace ts;

class TstTools : public QObject {
  Q_OBJECT

 private slots:
  // R2.1: a link made by a tool is an ordinary link: the peer's exit reaches a trapper as EXIT.
  void r2_1_toolLinkCarriesExits() {
    Runtime rt(det());
    Log log;
    Pid a = rt.spawn(trapSink, &log);
    Pid b = rt.spawn(exitOnMessage, A("boom"));
    rt.run_ready();
    QVERIFY(rt.link(a, b));
    CHECK_STR(info(rt, a, atoms::links), "{:links, [" + P(b) + "]}");
    CHECK_STR(info(rt, b, atoms::links), "{:links, [" + P(a) + "]}");
    rt.send(b, A("go"));
    rt.run_until_idle();
    CHECK_STR(log.str(), list({exitMsg(b, ":boom")}));
  }

  // R2.3 for tools: no link to a process that is not alive, and none to itself (R2.2).
  void r2_3_toolLinkToDeadIsRefused() {
    Runtime rt(det());
    Log log;
    Pid a = rt.spawn(trapSink, &log);
    Pid b = rt.spawn(exitOnMessage, A("boom"));
    rt.send(b, A("go"));
    rt.run_until_idle();
    QVERIFY(!rt.alive(b));
    QVERIFY(!rt.link(a, b));
    QVERIFY(!rt.link(a, a));
    CHECK_STR(info(rt, a, atoms::links), "{:links, []}");
  }

  // R2.4: unlink by a tool removes both sides; the peer's later exit no longer arrives.
  void r2_4_toolUnlink() {
    Runtime rt(det());
    Log log;
    Pid a = rt.spawn(trapSink, &log);
    Pid b = rt.spawn(exitOnMessage, A("boom"));
    rt.run_ready();
    QVERIFY(rt.link(a, b));
    QVERIFY(rt.unlink(b, a));
    CHECK_STR(info(rt, a, atoms::links), "{:links, []}");
    rt.send(b, A("go"));
    rt.run_until_idle();
    CHECK_STR(log.str(), "[]");
  }

  // R3.1 / R3.2 for tools: a monitor gives a DOWN with the reason; a dead target gives :noproc.
  void r3_1_toolMonitor() {
    Runtime rt(det());
    Log log;
    Pid w = rt.spawn(sink, &log);
    Pid t = rt.spawn(exitOnMessage, A("bye"));
    rt.run_ready();
    auto ref = rt.monitor(w, t);
    QVERIFY(ref.has_value());
    CHECK_STR(info(rt, w, atoms::monitors), "{:monitors, [process: " + P(t) + "]}");
    CHECK_STR(info(rt, t, atoms::monitored_by), "{:monitored_by, [" + P(w) + "]}");
    rt.send(t, A("go"));
    rt.run_until_idle();
    CHECK_STR(log.str(), list({downMsg(*ref, t, ":bye")}));
    auto ref2 = rt.monitor(w, t);  // t is dead now
    QVERIFY(ref2.has_value());
    rt.run_until_idle();
    CHECK_STR(log.str(), list({downMsg(*ref, t, ":bye"), downMsg(*ref2, t, ":noproc")}));
  }

  // R3.5 for tools: after demonitor, no DOWN.
  void r3_5_toolDemonitor() {
    Runtime rt(det());
    Log log;
    Pid w = rt.spawn(sink, &log);
    Pid t = rt.spawn(exitOnMessage, A("bye"));
    rt.run_ready();
    auto ref = rt.monitor(w, t);
    QVERIFY(ref.has_value());
    QVERIFY(rt.demonitor(w, *ref));
    QVERIFY(!rt.demonitor(w, *ref));
    rt.send(t, A("go"));
    rt.run_until_idle();
    CHECK_STR(log.str(), "[]");
    QVERIFY(!rt.monitor(t, w).has_value());  // a dead watcher monitors nothing
  }

  // Lockstep (the compare window): two deterministic runtimes kept at one virtual time. A step at
  // the earlier due time delivers only on the runtime that has something due then; the other's
  // clock moves with it.
  void lockstepKeepsRuntimesAtOneTime() {
    auto sleeper = [](Process& self, int64_t ms) -> Task<> {
      (void)co_await self.receive([](const Term&) { return false; }, ms);
    };
    Runtime a(det()), b(det());
    const int64_t t0 = a.now_ns();
    QCOMPARE(b.now_ns(), t0);
    Pid pa = a.spawn(sleeper, int64_t(100));
    Pid pb = b.spawn(sleeper, int64_t(300));
    QCOMPARE(next_due_ns(a), std::optional<int64_t>(t0 + 100'000'000));
    QCOMPARE(next_due_ns(b), std::optional<int64_t>(t0 + 300'000'000));
    const int64_t t = t0 + 100'000'000;
    QVERIFY(step_at(a, t));
    QVERIFY(!step_at(b, t));
    QCOMPARE(a.now_ns(), t);
    QCOMPARE(b.now_ns(), t);
    QVERIFY(!a.alive(pa));
    QVERIFY(b.alive(pb));
    QVERIFY(!next_due_ns(a));
    QVERIFY(step_at(b, *next_due_ns(b)));
    QVERIFY(!b.alive(pb));
    Runtime th(threaded(1));
    QVERIFY(!next_due_ns(th));  // threaded: no virtual time
  }
};

QTEST_GUILESS_MAIN(TstTools)
#include "tst_tools.moc"
