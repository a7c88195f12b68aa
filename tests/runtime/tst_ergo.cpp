// tst_ergo: Ergo mode, rules E1.1 .. E1.10 of /work/shared/SEMANTICS.md (section E), each test
// naming its rule. Where the rule differs from the BEAM's, the test runs the same code in BEAM
// mode too and shows where the two part (the R tests in tst_semantics cover BEAM mode in full).
// Deterministic runtime unless the test name ends in Threaded (conditions with timeouts there,
// never sleeps).

#include "helpers.hpp"
#include "actorscope/ergo.hpp"
#include "actorscope/scenarios.hpp"

using namespace ts;

namespace {

constexpr int kWait = 10000;  // ms, for QTRY_VERIFY_WITH_TIMEOUT

RuntimeOptions ergoDet() {
  RuntimeOptions o = det();
  o.semantics = Semantics::Ergo;
  return o;
}
RuntimeOptions ergoThreaded() {
  RuntimeOptions o = threaded(2);
  o.semantics = Semantics::Ergo;
  return o;
}

/// The reason `p` ended with, from a monitor's DOWN (spawned before it ends).
struct Reason {
  Log log;
  std::string str() const { return log.size() ? S(log.last()[4]) : std::string("<alive>"); }
};
Task<> watchInto(Process& self, Pid target, Reason* r) {
  (void)self.monitor(target);
  for (;;) r->log.push(co_await self.receive());
}

Task<> linkTo(Process& self, Pid target, bool trap, Log* log) {
  self.trap_exit(trap);
  log->push(Term(self.link(target)));
  for (;;) log->push(co_await self.receive());
}

Task<> ergoCalls(Process& self, std::vector<std::function<ergo::Error(Process&)>> calls, Log* log) {
  for (auto& c : calls) log->push(A(std::string("e:") + ergo::to_string(c(self))));
  for (;;) log->push(co_await self.receive());
}

}  // namespace

class TestErgo : public QObject {
  Q_OBJECT

 private slots:
  void e1_1_linksAreOneWay();
  void e1_1_spawnLinkIsLinkParentAndLinkChild();
  void e1_1_unlinkRemovesOnlyTheCallersLink();
  void e1_1_aLinkersEndLeavesNothingOnTheTarget();
  void e1_2_linkAndMonitorByNameNameTheTarget();
  void e1_3_unregisterFiresUnregisteredProcessLivesOn();
  void e1_2_e1_3_aliases();
  void e1_2_e1_3_aliasesFromATool();
  void e1_4_errorsAreReturnValues();
  void e1_4_ergoCallsRefuseBeamMode();
  void e1_5_normalKillsANonTrappingLinker();
  void e1_6_killIsTrappableNodeKillIsNot();
  void e1_7_parentExitIsNeverTrapped();
  void e1_8_connectionLossFiresEveryLinkAndMonitor();
  void e1_9_downOvertakesTheDeadProcessesMessages();
  void e1_9_prioritySendsAndTheTrace();
  void e1_10_exitWaitsForTheHandlerThreaded();
  void e1_10_beamKillsMidHandlerThreaded();
  void e1_10_infoDoesNotActMidHandler();
  void e1_10_suspendedMidHandlerParksThreaded();
  void e1_7_aCutParentLinkIsTrapped();
  void e1_8_aliasLinkAcrossACutNamesTheAlias();
  void e1_8_aNodeLinkGoesWithItsProcess();
  void beamStyleMonitorTwiceGivesTwoRefs();
  void ergoNamesForMessagesAndReasons();

  // The chapter's scenarios, each under both semantics
  void scenario_e1_1_serviceAndWorkers();
  void scenario_e1_1_serviceThreaded();
  void scenario_e1_3_nameMonitor();
  void scenario_e1_9_downOvertakes();
  void scenario_e1_9_downOvertakesThreaded();
  void scenario_e1_6_e1_7_trappedKill();
  void scenario_e1_8_nodeLink();
};

namespace {
struct Built {
  std::unique_ptr<Runtime> rt;
  std::vector<Pid> roots;
};
Built buildScenario(Semantics sem, const char* name, const ScenarioParams& params) {
  RuntimeOptions o = det();
  o.semantics = sem;
  Built b{std::make_unique<Runtime>(o), {}};
  b.rt->set_tracing(true);
  ScenarioResult r = build_scenario(*b.rt, name, params);
  if (!r.ok) qFatal("%s", r.error.c_str());
  b.roots = r.roots;
  b.rt->run_until_idle();
  return b;
}
std::string mailbox(Runtime& rt, Pid p) { return info(rt, p, atoms::messages); }
}  // namespace

void TestErgo::e1_1_linksAreOneWay() {
  // A worker linked to a service: the service's end takes the worker; the worker's does not touch
  // the service. On the BEAM the same calls couple both (R2.1).
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    RuntimeOptions o = det();
    o.semantics = sem;
    Runtime rt(o);
    Pid service = rt.spawn(idle);
    Log w1, w2;
    Pid worker1 = rt.spawn(linkTo, service, false, &w1);
    Pid worker2 = rt.spawn(linkTo, service, false, &w2);
    rt.run_until_idle();
    rt.exit(worker1, A("crash"));
    rt.run_until_idle();
    QVERIFY(!rt.alive(worker1));
    if (sem == Semantics::Ergo) {
      QVERIFY2(rt.alive(service), "E1.1: a worker's end leaves the service it linked to");
      QVERIFY(rt.alive(worker2));
      CHECK_STR(info(rt, worker2, atoms::links), "{:links, [" + P(service) + "]}");
      CHECK_STR(info(rt, service, atoms::links), "{:links, []}");
      rt.exit(service, A("crash"));
      rt.run_until_idle();
      QVERIFY2(!rt.alive(worker2), "E1.1: the service's end takes the worker linked to it");
    } else {
      QVERIFY2(!rt.alive(service), "R2.1: BEAM links are two-way");
      QVERIFY(!rt.alive(worker2));
    }
  }
}

void TestErgo::e1_1_spawnLinkIsLinkParentAndLinkChild() {
  // spawn_link makes two one-way links, one each way: either end takes the other.
  Runtime rt(ergoDet());
  Log log;
  Pid child;
  Pid parent = rt.spawn(
      [](Process& self, Log* log, Pid* child) -> Task<> {
        self.trap_exit(true);
        *child = self.spawn_link([](Process& s) -> Task<> { (void)co_await s.receive(); co_await s.exit(A("boom")); });
        for (;;) log->push(co_await self.receive());
      },
      &log, &child);
  rt.run_until_idle();
  CHECK_STR(info(rt, parent, atoms::links), "{:links, [" + P(child) + "]}");
  CHECK_STR(info(rt, child, atoms::links), "{:links, [" + P(parent) + "]}");
  rt.send(child, A("go"));
  rt.run_until_idle();
  CHECK_STR(log.str(), "[" + exitMsg(child, ":boom") + "]");
  QVERIFY(rt.alive(parent));
  CHECK_STR(info(rt, parent, atoms::links), "{:links, []}");
}

void TestErgo::e1_1_unlinkRemovesOnlyTheCallersLink() {
  // Two links, one each way; the first end unlinks: its end no longer reaches... only its own link
  // goes, the other still takes it.
  Runtime rt(ergoDet());
  Pid a = rt.spawn(idle);
  Pid b = rt.spawn(idle);
  QVERIFY(rt.link(a, b));
  QVERIFY(rt.link(b, a));
  rt.run_until_idle();
  QVERIFY(rt.unlink(a, b));  // a no longer depends on b
  rt.run_until_idle();
  rt.exit(b, A("crash"));
  rt.run_until_idle();
  QVERIFY2(rt.alive(a), "E1.1: a removed its link to b");
  Pid c = rt.spawn(idle);
  QVERIFY(rt.link(c, a));
  rt.run_until_idle();
  rt.exit(a, A("crash"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(c));
}

void TestErgo::e1_1_aLinkersEndLeavesNothingOnTheTarget() {
  // The linker's end tells the target nothing and leaves no record there: when the target ends
  // later, no exit or DOWN goes to the ended linker (and a node link goes with its process).
  Runtime rt(ergoDet());
  rt.set_tracing(true);
  auto b = rt.add_node(intern("b@host"));
  Pid target = rt.spawn(idle);
  Pid linker = rt.spawn(
      [](Process& self, Pid t, uint16_t node) -> Task<> {
        ergo::link(self, ergo::Target::process(t));
        ergo::monitor(self, ergo::Target::process(t));
        ergo::link(self, ergo::Target::node_of(node));
        (void)co_await self.receive();
      },
      target, uint16_t(b));
  rt.run_until_idle();
  rt.send(linker, A("go"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(linker));
  drainAll(rt);
  rt.exit(target, A("crash"));
  rt.partition(0, b);
  rt.run_until_idle();
  QVERIFY(!rt.alive(target));
  for (const TraceEvent& e : drainAll(rt))
    QVERIFY2(!((e.kind == TraceKind::SignalSent || e.kind == TraceKind::SignalDelivered) && e.b == linker),
             "a signal went to the ended linker");
}

void TestErgo::e1_2_linkAndMonitorByNameNameTheTarget() {
  Runtime rt(ergoDet());
  Pid svc = rt.spawn(exitOnMessage, A("boom"));
  rt.register_name(svc, intern("svc"));
  Log log;
  Pid w = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        self.trap_exit(true);
        log->push(A(std::string("link:") + ergo::to_string(ergo::link(self, ergo::Target::registered(intern("svc"))))));
        log->push(A(std::string("mon:") + ergo::to_string(ergo::monitor(self, ergo::Target::registered(intern("svc"))))));
        for (;;) log->push(co_await self.receive());
      },
      &log);
  rt.run_until_idle();
  rt.send(svc, A("go"));
  rt.run_until_idle();
  QVERIFY(rt.alive(w));
  QCOMPARE(log.size(), size_t(4));
  CHECK_STR(S(log.at(0)), ":\"link:\"");
  CHECK_STR(S(log.at(2)), "{:EXIT, {:svc, :nonode@nohost}, :boom}");
  QCOMPARE(std::string(ergo::message_name(log.at(2))), std::string("MessageExitProcessID"));
  QVERIFY(log.at(3).is_tagged(atoms::DOWN, 5));
  CHECK_STR(S(log.at(3)[3]), "{:svc, :nonode@nohost}");
  CHECK_STR(S(log.at(3)[4]), ":boom");
  QCOMPARE(std::string(ergo::message_name(log.at(3))), std::string("MessageDownProcessID"));
}

void TestErgo::e1_3_unregisterFiresUnregisteredProcessLivesOn() {
  // On the BEAM a name monitor watches the pid found at call time; here it watches the name.
  Runtime rt(ergoDet());
  Pid svc = rt.spawn(idle);
  rt.register_name(svc, intern("svc"));
  Log trapper, plain;
  Pid w = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        self.trap_exit(true);
        ergo::link(self, ergo::Target::registered(intern("svc")));
        ergo::monitor(self, ergo::Target::registered(intern("svc")));
        for (;;) log->push(co_await self.receive());
      },
      &trapper);
  Pid linker = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        ergo::link(self, ergo::Target::registered(intern("svc")));
        for (;;) log->push(co_await self.receive());
      },
      &plain);
  Reason lr;
  rt.spawn(watchInto, linker, &lr);
  rt.run_until_idle();
  rt.unregister(intern("svc"));
  rt.run_until_idle();
  QVERIFY2(rt.alive(svc), "E1.3: the process goes on running");
  QCOMPARE(trapper.size(), size_t(2));
  CHECK_STR(S(trapper.at(0)), "{:EXIT, {:svc, :nonode@nohost}, :unregistered}");
  CHECK_STR(S(trapper.at(1)[4]), ":unregistered");
  QCOMPARE(std::string(ergo::reason_name(trapper.at(0)[2])), std::string("ErrUnregistered"));
  QVERIFY(!rt.alive(linker));
  CHECK_STR(lr.str(), ":unregistered");
  QVERIFY(rt.alive(w));
  CHECK_STR(info(rt, svc, atoms::monitored_by), "{:monitored_by, []}");
  // Registering the name again does not bring them back.
  rt.register_name(svc, intern("svc"));
  rt.exit(svc, A("crash"));
  rt.run_until_idle();
  QCOMPARE(trapper.size(), size_t(2));
}

void TestErgo::e1_2_e1_3_aliases() {
  // An alias is a reference a process makes; links and monitors on it name it (MessageExitAlias,
  // MessageDownAlias); deleting it fires them with :unregistered while the process lives on.
  Runtime rt(ergoDet());
  struct Aliases {
    Ref a1, a2;
  } al;
  Pid owner = rt.spawn(
      [](Process& self, Aliases* al) -> Task<> {
        al->a1 = ergo::create_alias(self);
        al->a2 = ergo::create_alias(self);
        for (;;) {
          Term m = co_await self.receive();
          if (m.is_atom(intern("delete"))) ergo::delete_alias(self, al->a1);
          if (m.is_atom(intern("crash"))) co_await self.exit(A("crash"));
        }
      },
      &al);
  rt.run_until_idle();
  QCOMPARE(ergo::alias_owner(rt, al.a1), owner);
  Log log;
  Pid w = rt.spawn(
      [](Process& self, Aliases* al, Log* log) -> Task<> {
        self.trap_exit(true);
        std::string e;
        for (Ref a : {al->a1, al->a2}) {
          e += ergo::to_string(ergo::link(self, ergo::Target::alias_of(a)));
          e += ergo::to_string(ergo::monitor(self, ergo::Target::alias_of(a)));
        }
        e += ergo::to_string(ergo::link(self, ergo::Target::alias_of(al->a1)));
        log->push(A(e));
        for (;;) log->push(co_await self.receive());
      },
      &al, &log);
  rt.run_until_idle();
  rt.send(owner, A("delete"));
  rt.run_until_idle();
  QVERIFY(rt.alive(owner));
  QVERIFY(!ergo::alias_owner(rt, al.a1).valid());
  QCOMPARE(log.size(), size_t(3));
  CHECK_STR(S(log.at(0)), ":ErrTargetExist");
  CHECK_STR(S(log.at(1)), "{:EXIT, " + R(al.a1) + ", :unregistered}");
  QCOMPARE(std::string(ergo::message_name(log.at(1))), std::string("MessageExitAlias"));
  CHECK_STR(S(log.at(2)[3]), R(al.a1));
  QCOMPARE(std::string(ergo::message_name(log.at(2))), std::string("MessageDownAlias"));
  // A deleted alias is unknown; deleting it again too.
  Log l2;
  rt.spawn(ergoCalls,
           std::vector<std::function<ergo::Error(Process&)>>{
               [&](Process& s) { return ergo::link(s, ergo::Target::alias_of(al.a1)); },
               [&](Process& s) { return ergo::delete_alias(s, al.a2); }},
           &l2);
  rt.run_until_idle();
  CHECK_STR(l2.str(), "[:\"e:ErrProcessUnknown\", :\"e:ErrTargetUnknown\"]");
  // The owner's end fires the other alias's link and monitor with its reason.
  rt.send(owner, A("crash"));
  rt.run_until_idle();
  QCOMPARE(log.size(), size_t(5));
  const Term exitMsgA2 = log.at(3).is_tagged(atoms::EXIT, 3) ? log.at(3) : log.at(4);
  const Term downMsgA2 = log.at(3).is_tagged(atoms::DOWN, 5) ? log.at(3) : log.at(4);
  CHECK_STR(S(exitMsgA2), "{:EXIT, " + R(al.a2) + ", :crash}");
  CHECK_STR(S(downMsgA2[3]), R(al.a2));
  CHECK_STR(S(downMsgA2[4]), ":crash");
  QVERIFY(!ergo::alias_owner(rt, al.a2).valid());
  QVERIFY(rt.alive(w));
}

void TestErgo::e1_2_e1_3_aliasesFromATool() {
  // What the window does: make an alias for a process, list it, link to it by alias, delete it
  // (E1.3: the link fires :unregistered while the owner lives on); errors as values (E1.4).
  Runtime rt(ergoDet());
  const Pid owner = rt.spawn(idle);
  const Pid other = rt.spawn(idle);
  rt.run_until_idle();
  QVERIFY(ergo::aliases(rt).empty());
  const Ref a = ergo::create_alias(rt, owner);
  const Ref b = ergo::create_alias(rt, owner);
  const Ref c = ergo::create_alias(rt, other);
  QVERIFY(a.id && b.id && c.id && a.id < b.id);
  QCOMPARE(ergo::alias_owner(rt, a), owner);
  QCOMPARE(ergo::aliases(rt, owner), (std::vector<std::pair<Ref, Pid>>{{a, owner}, {b, owner}}));
  QCOMPARE(ergo::aliases(rt).size(), size_t(3));
  Log log;
  const Pid linker = rt.spawn(linkTo, other, true, &log);  // traps: it keeps the :unregistered exit
  rt.run_until_idle();
  log.clear();
  QCOMPARE(ergo::link(rt, linker, ergo::Target::alias_of(a)), ergo::Error::None);
  QCOMPARE(ergo::link(rt, linker, ergo::Target::alias_of(a)), ergo::Error::TargetExist);
  QCOMPARE(ergo::delete_alias(rt, other, a), ergo::Error::TargetUnknown);  // not other's
  QCOMPARE(ergo::delete_alias(rt, owner, a), ergo::Error::None);
  rt.run_until_idle();
  QVERIFY(rt.alive(owner));
  QCOMPARE(log.size(), size_t(1));
  CHECK_STR(S(log.at(0)), "{:EXIT, " + R(a) + ", :unregistered}");
  QCOMPARE(ergo::delete_alias(rt, owner, a), ergo::Error::TargetUnknown);  // gone already
  QCOMPARE(ergo::link(rt, linker, ergo::Target::alias_of(a)), ergo::Error::ProcessUnknown);
  QCOMPARE(ergo::aliases(rt, owner), (std::vector<std::pair<Ref, Pid>>{{b, owner}}));
  // A dead owner: no alias, and its aliases went with it.
  rt.exit(owner, A("kill"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(owner));
  QCOMPARE(ergo::create_alias(rt, owner), Ref{});
  QCOMPARE(ergo::delete_alias(rt, owner, b), ergo::Error::NotAllowed);
  QCOMPARE(ergo::aliases(rt), (std::vector<std::pair<Ref, Pid>>{{c, other}}));
  // BEAM mode has no aliases.
  Runtime beam(det());
  const Pid bp = beam.spawn(idle);
  QVERIFY_THROWS_EXCEPTION(ErlangError, ergo::create_alias(beam, bp));
}

void TestErgo::e1_4_errorsAreReturnValues() {
  Runtime rt(ergoDet());
  Pid dead = rt.spawn([](Process&) -> Task<> { co_return; });
  Pid live = rt.spawn(idle);
  rt.run_until_idle();
  QVERIFY(!rt.alive(dead));
  using T = ergo::Target;
  std::vector<std::function<ergo::Error(Process&)>> calls = {
      [=](Process& s) { return ergo::link(s, T::process(dead)); },
      [=](Process& s) { return ergo::monitor(s, T::process(dead)); },
      [=](Process& s) { return ergo::link(s, T::process(s.pid())); },
      [=](Process& s) { return ergo::link(s, T::process(live)); },
      [=](Process& s) { return ergo::link(s, T::process(live)); },
      [=](Process& s) { return ergo::unlink(s, T::process(live)); },
      [=](Process& s) { return ergo::unlink(s, T::process(live)); },
      [=](Process& s) { return ergo::demonitor(s, T::process(live)); },
      [=](Process& s) { return ergo::monitor(s, T::registered(intern("nobody"))); },
  };
  Log log;
  Pid w = rt.spawn(ergoCalls, calls, &log);
  rt.run_until_idle();
  CHECK_STR(log.str(), "[:\"e:ErrProcessUnknown\", :\"e:ErrProcessUnknown\", :\"e:ErrNotAllowed\", :\"e:\", "
                       ":\"e:ErrTargetExist\", :\"e:\", :\"e:ErrTargetUnknown\", :\"e:ErrTargetUnknown\", "
                       ":\"e:ErrProcessUnknown\"]");
  QVERIFY2(rt.alive(w), "no signal for any of them: no :noproc exit, no DOWN");
  // Process::link / monitor on a dead pid: false and an invalid ref, no exception, no signal.
  Log l2;
  Pid w2 = rt.spawn(
      [](Process& self, Pid dead, Log* log) -> Task<> {
        log->push(self.link(dead) ? A("true") : A("false"));
        log->push(Term(int64_t(self.monitor(dead).id)));
        for (;;) log->push(co_await self.receive());
      },
      dead, &l2);
  rt.run_until_idle();
  CHECK_STR(l2.str(), "[false, 0]");
  QVERIFY(rt.alive(w2));
}

void TestErgo::e1_4_ergoCallsRefuseBeamMode() {
  Runtime rt(det());
  Log log;
  Pid w = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        log->push(A(raised([&] { ergo::link(self, ergo::Target::registered(intern("x"))); })));
        for (;;) log->push(co_await self.receive());
      },
      &log);
  rt.run_until_idle();
  CHECK_STR(log.str(), "[:\":badarg\"]");
  QVERIFY(rt.alive(w));
}

void TestErgo::e1_5_normalKillsANonTrappingLinker() {
  // R1.3 drops :normal; Ergo does not.
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    RuntimeOptions o = det();
    o.semantics = sem;
    Runtime rt(o);
    Pid t = rt.spawn(exitOnMessage, A("normal"));
    Log l;
    Pid linker = rt.spawn(linkTo, t, false, &l);
    Pid target2 = rt.spawn(idle);
    rt.run_until_idle();
    rt.send(t, A("go"));
    rt.exit(target2, A("normal"), linker);
    rt.run_until_idle();
    QVERIFY(!rt.alive(t));
    QCOMPARE(rt.alive(linker), sem == Semantics::Beam);
    QCOMPARE(rt.alive(target2), sem == Semantics::Beam);
  }
}

void TestErgo::e1_6_killIsTrappableNodeKillIsNot() {
  Runtime rt(ergoDet());
  Log lt;
  Pid t = rt.spawn(trapSink, &lt);
  Reason r;
  rt.spawn(watchInto, t, &r);
  Pid killer = rt.spawn(idle);
  rt.run_until_idle();
  rt.exit(t, A("kill"), killer);
  rt.run_until_idle();
  QVERIFY2(rt.alive(t), "E1.6: an exit with reason kill is trapped like any other (R1.5 on the BEAM)");
  CHECK_STR(lt.str(), "[" + exitMsg(killer, ":kill") + "]");
  QVERIFY(rt.kill(t));  // the node's Kill
  rt.run_until_idle();
  QVERIFY(!rt.alive(t));
  CHECK_STR(r.str(), ":kill");
  QCOMPARE(std::string(ergo::reason_name(r.log.last()[4])), std::string("TerminateReasonKill"));
  CHECK_STR(lt.str(), "[" + exitMsg(killer, ":kill") + "]");
  QVERIFY(!rt.kill(t));  // no longer alive
}

void TestErgo::e1_7_parentExitIsNeverTrapped() {
  Runtime rt(ergoDet());
  Log cl;
  Pid child, child2;
  struct Kids {
    Pid a, b;
    Log* log;
  } kids{{}, {}, &cl};
  Pid parent = rt.spawn(
      [](Process& self, Kids* k) -> Task<> {
        auto body = [](Process& s, Log* log) -> Task<> {
          s.trap_exit(true);
          for (;;) log->push(co_await s.receive());
        };
        k->a = self.spawn_link(body, k->log);
        k->b = self.spawn(body, k->log);
        auto m = co_await self.receive();
        self.exit(k->b, m);  // a plain exit from the parent: not trapped either
        co_await self.exit(A("boom"));
      },
      &kids);
  rt.run_until_idle();
  child = kids.a;
  child2 = kids.b;
  Pid other = rt.spawn(idle);
  rt.run_until_idle();
  rt.exit(child, A("from_other"), other);  // trapped: not from its parent
  rt.run_until_idle();
  CHECK_STR(cl.str(), "[" + exitMsg(other, ":from_other") + "]");
  Reason r1, r2;
  rt.spawn(watchInto, child, &r1);
  rt.spawn(watchInto, child2, &r2);
  rt.run_until_idle();
  rt.send(parent, A("stop"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(parent));
  QVERIFY2(!rt.alive(child), "E1.7: the parent's link exit is not trapped");
  CHECK_STR(r1.str(), ":boom");
  QVERIFY2(!rt.alive(child2), "E1.7: nor a plain exit from the parent");
  CHECK_STR(r2.str(), ":stop");
  CHECK_STR(cl.str(), "[" + exitMsg(other, ":from_other") + "]");
}

void TestErgo::e1_8_connectionLossFiresEveryLinkAndMonitor() {
  Runtime rt(ergoDet());
  auto b = rt.add_node(intern("b@host"));
  SpawnOptions o;
  o.node = b;
  Pid remote = rt.spawn_opt(o, idle);
  rt.register_name(remote, intern("svc"));
  Log log;
  Pid w = rt.spawn(
      [](Process& self, Pid t, uint16_t node, Log* log) -> Task<> {
        self.trap_exit(true);
        std::string errs;
        errs += ergo::to_string(ergo::link(self, ergo::Target::process(t)));
        errs += ergo::to_string(ergo::monitor(self, ergo::Target::process(t)));
        errs += ergo::to_string(ergo::link(self, ergo::Target::registered(intern("svc"), node)));
        errs += ergo::to_string(ergo::link(self, ergo::Target::node_of(node)));
        errs += ergo::to_string(ergo::monitor(self, ergo::Target::node_of(node)));
        errs += ergo::to_string(ergo::link(self, ergo::Target::node_of(node)));
        log->push(A(errs));
        for (;;) log->push(co_await self.receive());
      },
      remote, uint16_t(b), &log);
  rt.run_until_idle();
  rt.partition(0, b);
  rt.run_until_idle();
  QVERIFY(rt.alive(w));
  QVERIFY(rt.alive(remote));
  std::vector<std::string> got;
  for (auto& t : log.items()) got.push_back(t.is_tagged(atoms::DOWN, 5) ? "DOWN " + S(t[3]) + " " + S(t[4]) : S(t));
  QCOMPARE(got.size(), size_t(6));
  CHECK_STR(got[0], ":ErrTargetExist");
  std::sort(got.begin() + 1, got.end());
  CHECK_STR(got[1], "DOWN " + P(remote) + " :noconnection");
  CHECK_STR(got[2], "{:EXIT, " + P(remote) + ", :noconnection}");
  CHECK_STR(got[3], "{:EXIT, :b@host, :noconnection}");
  CHECK_STR(got[4], "{:EXIT, {:svc, :b@host}, :noconnection}");
  CHECK_STR(got[5], "{:nodedown, :b@host}");
  std::vector<std::string> names;
  for (auto& t : log.items()) names.push_back(ergo::message_name(t));
  QVERIFY(std::count(names.begin(), names.end(), "MessageExitNode") == 1);
  QVERIFY(std::count(names.begin(), names.end(), "MessageDownNode") == 1);
  // Nothing is restored on reconnect (E1.8).
  rt.heal(0, b);
  QVERIFY(rt.connect_nodes(0, b));
  rt.exit(remote, A("crash"));
  rt.run_until_idle();
  QCOMPARE(log.size(), size_t(6));
  CHECK_STR(info(rt, w, atoms::links), "{:links, []}");
}

void TestErgo::e1_9_downOvertakesTheDeadProcessesMessages() {
  // A sender sends two messages and ends; its watcher (trapping, linked and monitoring) reads its
  // mailbox afterwards. Ergo: the exit (Urgent), then the DOWN (System), then the messages (Main).
  // The BEAM keeps the order of sending (R4.2): the messages first.
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    RuntimeOptions o = det();
    o.semantics = sem;
    Runtime rt(o);
    Log log;
    Pid w = rt.spawn(
        [](Process& self, Log* log) -> Task<> {
          self.trap_exit(true);
          (void)co_await self.receive([](const Term& t) { return t.is_atom(intern("go")); });
          for (;;) log->push(co_await self.receive());
        },
        &log);
    Pid s = rt.spawn(
        [](Process& self, Pid w) -> Task<> {
          (void)co_await self.receive();
          self.send(w, A("m1"));
          self.send(w, A("m2"));
        },
        w);
    rt.run_until_idle();
    QVERIFY(rt.link(w, s));
    QVERIFY(rt.monitor(w, s).has_value());
    rt.send(s, A("start"));
    rt.run_until_idle();
    QVERIFY(!rt.alive(s));
    if (sem == Semantics::Ergo) {
      const Snapshot snap = rt.snapshot();
      for (auto& p : snap.processes)
        if (p.pid == w) {
          QCOMPARE(p.message_queue_len, 4u);
          QCOMPARE(p.queue_urgent, 1u);
          QCOMPARE(p.queue_system, 1u);
        }
    }
    rt.send(w, A("go"));
    rt.run_until_idle();
    QCOMPARE(log.size(), size_t(4));
    std::vector<std::string> order;
    for (auto& t : log.items()) order.push_back(t.is_atom() ? S(t) : S(t[0]));
    if (sem == Semantics::Ergo)
      QCOMPARE(order, (std::vector<std::string>{":EXIT", ":DOWN", ":m1", ":m2"}));
    else
      QCOMPARE(order, (std::vector<std::string>{":m1", ":m2", ":EXIT", ":DOWN"}));
  }
}

void TestErgo::e1_9_prioritySendsAndTheTrace() {
  Runtime rt(ergoDet());
  rt.set_tracing(true);
  Log log;
  Pid r = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        (void)co_await self.receive([](const Term& t) { return t.is_atom(intern("go")); });
        for (;;) log->push(co_await self.receive());
      },
      &log);
  rt.spawn(
      [](Process& self, Pid r) -> Task<> {
        ergo::send(self, r, A("normal1"), ergo::Priority::Normal);
        ergo::send(self, r, A("high1"), ergo::Priority::High);
        ergo::send(self, r, A("max1"), ergo::Priority::Max);
        ergo::send(self, r, A("high2"), ergo::Priority::High);
        ergo::send(self, r, A("normal2"), ergo::Priority::Normal);
        ergo::send(self, r, A("max2"), ergo::Priority::Max);
        ergo::send(self, r, A("go"), ergo::Priority::Normal);
        co_return;
      },
      r);
  rt.run_until_idle();
  CHECK_STR(log.str(), "[:max1, :max2, :high1, :high2, :normal1, :normal2]");
  std::vector<TraceEvent> evs = drainAll(rt);
  std::string sends, receives;
  for (auto& e : evs) {
    if (e.kind == TraceKind::Send) sends += std::to_string(e.node2);
    if (e.kind == TraceKind::Receive && !e.term.is_atom(intern("go"))) receives += std::to_string(e.node2);
  }
  QCOMPARE(sends, std::string("0121020"));
  QCOMPARE(receives, std::string("221100"));
}

void TestErgo::e1_10_exitWaitsForTheHandlerThreaded() {
  // A handler that gives way (yields) keeps running after an exit reaches it; the exit acts when
  // the handler is done, at its next receive.
  Runtime rt(ergoThreaded());
  struct State {
    std::atomic<bool> in_handler{false}, exit_sent{false}, release{false};
    std::atomic<int> turns_after_exit{0};
    Log log;
  } st;
  Pid t = rt.spawn(
      [](Process& self, State* st) -> Task<> {
        (void)co_await self.receive();
        st->in_handler = true;
        while (!st->release.load()) {
          if (st->exit_sent.load()) st->turns_after_exit.fetch_add(1);
          co_await self.yield();
        }
        st->log.push(A("handler_done"));
        (void)co_await self.receive();
        st->log.push(A("next_handler"));
      },
      &st);
  Reason r;
  rt.spawn(watchInto, t, &r);
  rt.send(t, A("work"));
  QTRY_VERIFY_WITH_TIMEOUT(st.in_handler.load(), kWait);
  rt.exit(t, A("boom"));  // in t's inbox when this returns (no latency)
  st.exit_sent = true;
  QTRY_VERIFY_WITH_TIMEOUT(st.turns_after_exit.load() >= 200, kWait);
  QVERIFY2(rt.alive(t), "E1.10: the running handler finishes first");
  st.release = true;
  QTRY_VERIFY_WITH_TIMEOUT(!rt.alive(t), kWait);
  QTRY_COMPARE_WITH_TIMEOUT(r.str(), std::string(":boom"), kWait);
  CHECK_STR(st.log.str(), "[:handler_done]");
}

void TestErgo::e1_10_beamKillsMidHandlerThreaded() {
  // The contrast (R1.10): on the BEAM the exit acts at the handler's next yield.
  Runtime rt(threaded(2));
  struct State {
    std::atomic<bool> in_handler{false}, release{false};
    Log log;
  } st;
  Pid t = rt.spawn(
      [](Process& self, State* st) -> Task<> {
        (void)co_await self.receive();
        st->in_handler = true;
        while (!st->release.load()) co_await self.yield();
        st->log.push(A("handler_done"));
      },
      &st);
  rt.send(t, A("work"));
  QTRY_VERIFY_WITH_TIMEOUT(st.in_handler.load(), kWait);
  rt.exit(t, A("boom"));
  QTRY_VERIFY_WITH_TIMEOUT(!rt.alive(t), kWait);
  st.release = true;
  CHECK_STR(st.log.str(), "[]");
}

void TestErgo::e1_10_infoDoesNotActMidHandler() {
  // Process.info on a process inside a handler (the window polls it) must not let an exit act
  // there: the handler still finishes, the process is alive meanwhile.
  Runtime rt(ergoDet());
  Log log;
  Pid a = rt.spawn(
      [](Process& self, Log* log) -> Task<> {
        (void)co_await self.receive();
        self.spawn(
            [](Process& b, Pid a, Log* log) -> Task<> {
              b.exit(a, A("boom"));
              log->push(b.runtime().info(a, atoms::status).is_tuple() ? A("alive") : A("dead"));
              co_return;
            },
            self.pid(), log);
        for (int i = 0; i < 3; ++i) co_await self.yield();
        log->push(A("handler_done"));
        (void)co_await self.receive();
        log->push(A("next_handler"));
      },
      &log);
  Reason r;
  rt.spawn(watchInto, a, &r);
  rt.run_until_idle();
  rt.send(a, A("work"));
  rt.run_until_idle();
  CHECK_STR(log.str(), "[:alive, :handler_done]");
  CHECK_STR(r.str(), ":boom");
}

void TestErgo::e1_10_suspendedMidHandlerParksThreaded() {
  // Suspended inside a handler, a process parks: sends and exits wait (no busy loop); resumed, the
  // handler finishes, then the exit acts.
  Runtime rt(ergoThreaded());
  struct State {
    std::atomic<bool> in_handler{false}, release{false};
    std::atomic<int> turns{0};
    Log log;
  } st;
  Pid t = rt.spawn(
      [](Process& self, State* st) -> Task<> {
        (void)co_await self.receive();
        st->in_handler = true;
        while (!st->release.load()) {
          st->turns.fetch_add(1);
          co_await self.yield();
        }
        st->log.push(A("handler_done"));
        (void)co_await self.receive();
        st->log.push(A("next_handler"));
      },
      &st);
  Reason r;
  rt.spawn(watchInto, t, &r);
  rt.send(t, A("work"));
  QTRY_VERIFY_WITH_TIMEOUT(st.in_handler.load(), kWait);
  QVERIFY(rt.suspend(t));
  QTRY_COMPARE_WITH_TIMEOUT(info(rt, t, atoms::status), std::string("{:status, :suspended}"), kWait);
  const int parked = st.turns.load();
  for (int i = 0; i < 50; ++i) rt.send(t, Term(int64_t(i)));
  rt.exit(t, A("boom"));
  QTRY_COMPARE_WITH_TIMEOUT(info(rt, t, atoms::status), std::string("{:status, :suspended}"), kWait);
  QCOMPARE(st.turns.load(), parked);
  QVERIFY(rt.alive(t));
  QVERIFY(rt.resume(t));
  QTRY_VERIFY_WITH_TIMEOUT(st.turns.load() > parked, kWait);
  QVERIFY(rt.alive(t));
  st.release = true;
  QTRY_COMPARE_WITH_TIMEOUT(r.str(), std::string(":boom"), kWait);
  CHECK_STR(st.log.str(), "[:handler_done]");
}

void TestErgo::e1_7_aCutParentLinkIsTrapped() {
  // Only an exit the parent itself sends is untrappable; the :noconnection a cut makes is trapped.
  Runtime rt(ergoDet());
  auto b = rt.add_node(intern("b@host"));
  Log log;
  struct Out {
    Pid child;
  } out;
  SpawnOptions on_b;
  on_b.node = b;
  rt.spawn_opt(
      on_b,
      [](Process& self, Log* log, Out* out) -> Task<> {
        SpawnOptions here;
        here.node = 0;
        here.link = true;
        out->child = self.spawn_opt(
            here,
            [](Process& c, Log* log) -> Task<> {
              c.trap_exit(true);
              for (;;) log->push(co_await c.receive());
            },
            log);
        co_await idle(self);
      },
      &log, &out);
  rt.run_until_idle();
  QVERIFY(rt.alive(out.child));
  rt.partition(0, b);
  rt.run_until_idle();
  QVERIFY2(rt.alive(out.child), "E1.7 is about the parent's own exit, not a lost connection's");
  QCOMPARE(log.size(), size_t(1));
  CHECK_STR(S(log.at(0)[2]), ":noconnection");
}

void TestErgo::e1_8_aliasLinkAcrossACutNamesTheAlias() {
  Runtime rt(ergoDet());
  auto b = rt.add_node(intern("b@host"));
  Ref alias;
  SpawnOptions on_b;
  on_b.node = b;
  Pid owner = rt.spawn_opt(
      on_b,
      [](Process& self, Ref* alias) -> Task<> {
        *alias = ergo::create_alias(self);
        co_await idle(self);
      },
      &alias);
  rt.run_until_idle();
  Log log;
  rt.spawn(
      [](Process& self, Ref* alias, Log* log) -> Task<> {
        self.trap_exit(true);
        ergo::link(self, ergo::Target::alias_of(*alias));
        ergo::monitor(self, ergo::Target::alias_of(*alias));
        for (;;) log->push(co_await self.receive());
      },
      &alias, &log);
  rt.run_until_idle();
  rt.partition(0, b);
  rt.run_until_idle();
  QVERIFY(rt.alive(owner));
  QCOMPARE(log.size(), size_t(2));
  std::vector<std::string> names{ergo::message_name(log.at(0)), ergo::message_name(log.at(1))};
  std::sort(names.begin(), names.end());
  QCOMPARE(names, (std::vector<std::string>{"MessageDownAlias", "MessageExitAlias"}));
}

void TestErgo::e1_8_aNodeLinkGoesWithItsProcess() {
  // A process whose only relation is a node link: its end removes it (no exit to it at the cut).
  Runtime rt(ergoDet());
  rt.set_tracing(true);
  auto b = rt.add_node(intern("b@host"));
  Pid p = rt.spawn(
      [](Process& self, uint16_t node) -> Task<> {
        ergo::link(self, ergo::Target::node_of(node));
        (void)co_await self.receive();
      },
      uint16_t(b));
  rt.run_until_idle();
  rt.send(p, A("go"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(p));
  drainAll(rt);
  rt.partition(0, b);
  rt.run_until_idle();
  for (const TraceEvent& e : drainAll(rt)) QVERIFY(!(e.kind == TraceKind::SignalSent && e.b == p));
}

void TestErgo::beamStyleMonitorTwiceGivesTwoRefs() {
  // The BEAM-style call keeps its meaning (two monitors, two refs) so OTP code that monitors a
  // server it already watches (GenServer.call) works; Ergo's own call says ErrTargetExist.
  Runtime rt(ergoDet());
  Pid t = rt.spawn(idle);
  Log log;
  rt.spawn(
      [](Process& self, Pid t, Log* log) -> Task<> {
        Ref r1 = self.monitor(t), r2 = self.monitor(t);
        log->push(A(r1.id && r2.id && r1.id != r2.id ? "two" : "not two"));
        log->push(A(ergo::to_string(ergo::monitor(self, ergo::Target::process(t)))));
        co_await idle(self);
      },
      t, &log);
  rt.run_until_idle();
  CHECK_STR(log.str(), "[:two, :ErrTargetExist]");
}

void TestErgo::ergoNamesForMessagesAndReasons() {
  Runtime rt(ergoDet());
  Pid p = rt.spawn(idle);
  QCOMPARE(std::string(ergo::message_name(Term::tuple({A("EXIT"), Term(p), A("normal")}))), std::string("MessageExitPID"));
  QCOMPARE(std::string(ergo::message_name(Term::tuple({A("EXIT"), A("b@host"), A("noconnection")}))),
           std::string("MessageExitNode"));
  QCOMPARE(std::string(ergo::message_name(Term::tuple({A("DOWN"), Term(Ref{7}), A("process"), Term(p), A("x")}))),
           std::string("MessageDownPID"));
  QCOMPARE(std::string(ergo::message_name(Term::tuple({A("nodedown"), A("b@host")}))), std::string("MessageDownNode"));
  QCOMPARE(std::string(ergo::message_name(A("hello"))), std::string(""));
  QCOMPARE(std::string(ergo::reason_name(A("normal"))), std::string("TerminateReasonNormal"));
  QCOMPARE(std::string(ergo::reason_name(A("noconnection"))), std::string("ErrNoConnection"));
  QCOMPARE(std::string(ergo::reason_name(A("shutdown"))), std::string("TerminateReasonShutdown"));
  QCOMPARE(std::string(ergo::reason_name(Term::tuple({A("badarith"), Term::empty_list()}))),
           std::string("TerminateReasonPanic"));
}

void TestErgo::scenario_e1_1_serviceAndWorkers() {
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    Built b = buildScenario(sem, "ergo-service", {{"workers", 3}, {"crash_service_ms", 0}});
    Runtime& rt = *b.rt;
    const Pid service = b.roots[0], w1 = b.roots[1], w2 = b.roots[2], w3 = b.roots[3];
    QVERIFY(!rt.alive(w1));
    const bool ergo = sem == Semantics::Ergo;
    QCOMPARE(rt.alive(service), ergo);
    QCOMPARE(rt.alive(w2), ergo);
    QCOMPARE(rt.alive(w3), ergo);
  }
  Built b = buildScenario(Semantics::Ergo, "ergo-service", {{"workers", 3}});
  for (int i = 0; i < 4; ++i) QVERIFY(!b.rt->alive(b.roots[i]));
}

void TestErgo::scenario_e1_1_serviceThreaded() {
  Runtime rt(ergoThreaded());
  ScenarioResult r = build_scenario(rt, "ergo-service", {{"workers", 4}, {"crash_worker_ms", 20}, {"crash_service_ms", 0}});
  QVERIFY(r.ok);
  QTRY_VERIFY_WITH_TIMEOUT(!rt.alive(r.roots[1]), kWait);
  QVERIFY(rt.alive(r.roots[0]));
  rt.exit(r.roots[0], A("crash"));
  for (size_t i = 0; i < 5; ++i) QTRY_VERIFY_WITH_TIMEOUT(!rt.alive(r.roots[i]), kWait);
  QVERIFY(rt.alive(r.roots[5]));  // the director was linked to nothing
}

void TestErgo::scenario_e1_3_nameMonitor() {
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    Built b = buildScenario(sem, "ergo-name-monitor", {{"crash_ms", 0}});
    Runtime& rt = *b.rt;
    const Pid db = b.roots[0], client = b.roots[1], linker = b.roots[2];
    QVERIFY(rt.alive(db));
    QVERIFY(!rt.whereis(intern("db")).valid());
    if (sem == Semantics::Ergo) {
      QVERIFY(!rt.alive(linker));
      QVERIFY2(mailbox(rt, client).find(":unregistered}]") != std::string::npos, mailbox(rt, client).c_str());
    } else {
      QVERIFY(rt.alive(linker));
      CHECK_STR(mailbox(rt, client), "{:messages, []}");
    }
  }
  Built b = buildScenario(Semantics::Beam, "ergo-name-monitor", {});
  QVERIFY(!b.rt->alive(b.roots[2]));
}

void TestErgo::scenario_e1_9_downOvertakes() {
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    Built b = buildScenario(sem, "ergo-down-overtakes", {{"jobs", 4}});
    const Pid consumer = b.roots[1];
    std::vector<std::string> got;
    for (const TraceEvent& e : drainAll(*b.rt))
      if (e.kind == TraceKind::Receive && e.a == consumer) got.push_back(e.term.is_tuple() ? S(e.term[0]) : S(e.term));
    QCOMPARE(got.size(), size_t(5));
    if (sem == Semantics::Ergo)
      QCOMPARE(got, (std::vector<std::string>{":job", ":DOWN", ":job", ":job", ":job"}));
    else
      QCOMPARE(got, (std::vector<std::string>{":job", ":job", ":job", ":job", ":DOWN"}));
  }
}

void TestErgo::scenario_e1_9_downOvertakesThreaded() {
  // As the window runs it (threads, real time): the consumer takes the DOWN second.
  Runtime rt(ergoThreaded());
  rt.set_tracing(true);
  ScenarioResult r = build_scenario(rt, "ergo-down-overtakes", {{"jobs", 4}, {"start_ms", 1}, {"handle_ms", 200}});
  QVERIFY(r.ok);
  const Pid consumer = r.roots[1];
  std::vector<std::string> got;
  std::vector<TraceEvent> evs;
  QTRY_VERIFY_WITH_TIMEOUT(
      [&] {
        evs.clear();
        rt.drain_trace(evs);
        for (const TraceEvent& e : evs)
          if (e.kind == TraceKind::Receive && e.a == consumer) got.push_back(e.term.is_tuple() ? S(e.term[0]) : S(e.term));
        return got.size() >= 5;
      }(),
      kWait);
  // The jobs already there when the DOWN arrives wait behind it; the producer ends right after its
  // sends, so at most the job being handled then (one per 200 ms) goes first. On the BEAM it is last.
  const auto down = std::find(got.begin(), got.end(), ":DOWN") - got.begin();
  QVERIFY2(down < 4, "the DOWN overtook no job");
  QCOMPARE(std::count(got.begin(), got.end(), ":job"), 4L);
}

void TestErgo::scenario_e1_6_e1_7_trappedKill() {
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    Built b = buildScenario(sem, "ergo-trapped-kill", {{"force_ms", 0}});
    Runtime& rt = *b.rt;
    const Pid trapper = b.roots[0], plain = b.roots[1], parent = b.roots[2];
    QVERIFY(!rt.alive(plain));
    QVERIFY(!rt.alive(parent));
    const bool ergo = sem == Semantics::Ergo;
    QCOMPARE(rt.alive(trapper), ergo);
    QCOMPARE(rt.whereis(intern("child")).valid(), !ergo);
    if (ergo) QVERIFY(mailbox(rt, trapper).find(", :kill}]") != std::string::npos);
  }
  Built b = buildScenario(Semantics::Ergo, "ergo-trapped-kill", {});
  QVERIFY(!b.rt->alive(b.roots[0]));
}

void TestErgo::scenario_e1_8_nodeLink() {
  for (Semantics sem : {Semantics::Ergo, Semantics::Beam}) {
    Built b = buildScenario(sem, "ergo-node-link", {{"heal_after_ms", 0}});
    Runtime& rt = *b.rt;
    const Pid remote = b.roots[0], dependent = b.roots[1], watcher = b.roots[2];
    QVERIFY(!rt.alive(dependent));
    QVERIFY(rt.alive(watcher));
    const bool ergo = sem == Semantics::Ergo;
    QCOMPARE(rt.alive(remote), ergo);
    const std::string mb = mailbox(rt, watcher);
    QVERIFY2(mb.find("nodedown") != std::string::npos && mb.find(":b@host") != std::string::npos, mb.c_str());
    QCOMPARE(mb.find("{:EXIT, :b@host, :noconnection}") != std::string::npos, ergo);
  }
}

QTEST_GUILESS_MAIN(TestErgo)
#include "tst_ergo.moc"
