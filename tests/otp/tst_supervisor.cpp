// tst_supervisor: Supervisor and DynamicSupervisor, rules R7.1 .. R7.9 of SEMANTICS.md, and the
// child-management calls with the return values the BEAM gives (checked with elixir 1.14).
// Deterministic runtime unless the test name says Threaded.

#include "otp_helpers.hpp"

using namespace ot;

namespace {

struct Ctx {
  Log log;     // what the children did
  Log out;     // what the driver saw
  Pid sup;
  SupervisorOptions opts;
  std::vector<ChildSpec> specs;
  std::atomic<bool> done{false};
};

Task<Term> startSup(Process& self, Ctx* c) {
  self.trap_exit(true);
  Term r = co_await Supervisor::start_link(self, c->specs, c->opts);
  if (r.is_tagged(atoms::ok, 2)) c->sup = r[1].as_pid();
  co_return r;
}

// R7.1: start in order, stop in reverse order.
Task<> drvStartStop(Process& self, Ctx* c) {
  c->out.push(co_await startSup(self, c));
  c->out.push(co_await Supervisor::stop(self, Term(c->sup)));
  c->done = true;
  co_await hang(self);
}

// R7.2: kill b, report old and new pids of every child.
Task<> drvKillB(Process& self, Ctx* c) {
  co_await startSup(self, c);
  Term before = co_await Supervisor::which_children(self, Term(c->sup));
  c->out.push(before);
  c->out.push(co_await killAndWait(self, childPid(before, A("b")), A("boom")));
  c->out.push(co_await Supervisor::which_children(self, Term(c->sup)));
  c->done = true;
  co_await hang(self);
}

void strategyCase(Strategy s, const char* expectChanged) {
  Runtime rt(det());
  Ctx c;
  c.opts.strategy = s;
  c.specs = {W("a", &c.log, true), W("b", &c.log, true), W("c", &c.log, true), W("d", &c.log, true)};
  rt.spawn(drvKillB, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  Term before = c.out.at(0), after = c.out.at(2);
  std::string changed;
  for (const char* id : {"a", "b", "c", "d"})
    if (childPid(before, A(id)) != childPid(after, A(id))) changed += id;
  QCOMPARE(QString::fromStdString(changed), QString(expectChanged));
  for (const char* id : {"a", "b", "c", "d"}) QVERIFY(rt.alive(childPid(after, A(id))));
}

Task<> drvExitWith(Process& self, Ctx* c, Term reason) {
  co_await startSup(self, c);
  Term before = co_await Supervisor::which_children(self, Term(c->sup));
  co_await endWith(self, childPid(before, A("a")), reason);
  c->out.push(before);
  c->out.push(co_await Supervisor::which_children(self, Term(c->sup)));
  c->done = true;
  co_await hang(self);
}

/// R7.3: does a child of `restart` type come back after ending with `reason`? "" = spec dropped.
std::string restartAfter(Restart restart, Term reason) {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a").with_restart(restart)};
  rt.spawn(drvExitWith, &c, reason);
  rt.run_until_idle();
  if (!c.done) return "<driver stuck>";
  Term after = c.out.at(1);
  if (after.list_length() == 0) return "dropped";
  Pid before = childPid(c.out.at(0), A("a")), now = childPid(after, A("a"));
  if (!now.valid()) return "undefined";
  return now != before ? "restarted" : "same";
}

// R7.4: kill the child `kills` times, `gap_ms` apart; the sup's DOWN reason or :alive.
Task<> drvStorm(Process& self, Ctx* c, int kills, int64_t gap_ms) {
  co_await startSup(self, c);
  Ref mon = self.monitor(c->sup);
  auto isDown = [mon](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == mon; };
  for (int i = 0; i < kills; ++i) {
    Term w = co_await Supervisor::which_children(self, Term(c->sup));
    co_await killAndWait(self, childPid(w, A("a")), A("boom"));
    // The supervisor has the EXIT; a DOWN of it, if any, comes within the next 5 s.
    auto d = co_await self.receive(isDown, i + 1 == kills ? 5000 : gap_ms);
    if (d) {
      c->out.push((*d)[4]);
      c->done = true;
      co_await hang(self);
    }
  }
  c->out.push(A("alive"));
  c->done = true;
  co_await hang(self);
}

Task<Term> startBad(Process&, Term) { return ready(Term::tuple({A("error"), A("nope")})); }
Task<Term> startIgnore(Process&, Term) { return ready(A("ignore")); }
Task<Term> startThrows(Process& self, Term) {
  self.raise(A("badarg"));
  co_return Term();
}

ChildSpec bad(const char* id) {
  ChildSpec s;
  s.id = A(id);
  s.start = startBad;
  return s;
}
ChildSpec ignoring(const char* id) {
  ChildSpec s;
  s.id = A(id);
  s.start = startIgnore;
  return s;
}

// R7.5: a child that traps exits and ignores :shutdown (ends only when killed), or that takes
// `linger_ms` to end after the shutdown signal.
Task<> stubborn(Process& self, int64_t linger_ms) {
  self.trap_exit(true);
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(atoms::EXIT, 3) && linger_ms >= 0) {
      co_await sleepMs(self, linger_ms);
      co_await self.exit(m[2]);
    }
  }
}

Task<> drvShutdown(Process& self, Ctx* c) {
  co_await startSup(self, c);
  Term w = co_await Supervisor::which_children(self, Term(c->sup));
  Pid child = childPid(w, A("s"));
  Ref m = self.monitor(child);
  int64_t t0 = self.runtime().now_ns();
  c->out.push(co_await Supervisor::terminate_child(self, Term(c->sup), A("s")));
  Term d = co_await self.receive([m](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == m; });
  c->out.push(d[4]);
  c->out.push(Term(static_cast<long long>((self.runtime().now_ns() - t0) / 1'000'000)));
  c->done = true;
  co_await hang(self);
}

std::string shutdownCase(Shutdown sd, int64_t linger_ms) {
  Runtime rt(det());
  Ctx c;
  ChildSpec s = ChildSpec::worker(A("s"), stubborn, linger_ms);
  s.shutdown = sd;
  c.specs = {s};
  rt.spawn(drvShutdown, &c);
  rt.run_until_idle();
  if (!c.done) return "<stuck>";
  return S(c.out.at(0)) + " " + S(c.out.at(1)) + " after " + S(c.out.at(2)) + " ms";
}

// The child-management calls in one iex-like session (values checked against elixir 1.14).
Task<> drvManage(Process& self, Ctx* c) {
  co_await startSup(self, c);
  Term sup(c->sup);
  auto& o = c->out;
  o.push(co_await Supervisor::which_children(self, sup));                 // 0
  o.push(co_await Supervisor::count_children(self, sup));                 // 1
  o.push(co_await Supervisor::start_child(self, sup, W("a")));            // 2 already_started
  o.push(co_await Supervisor::start_child(self, sup, W("d")));            // 3 ok
  o.push(co_await Supervisor::delete_child(self, sup, A("a")));           // 4 running
  o.push(co_await Supervisor::terminate_child(self, sup, A("a")));        // 5 ok
  o.push(co_await Supervisor::terminate_child(self, sup, A("a")));        // 6 ok again
  o.push(co_await Supervisor::terminate_child(self, sup, A("zz")));       // 7 not_found
  o.push(co_await Supervisor::count_children(self, sup));                 // 8
  o.push(co_await Supervisor::start_child(self, sup, W("a")));            // 9 already_present
  o.push(co_await Supervisor::restart_child(self, sup, A("a")));          // 10 ok
  o.push(co_await Supervisor::restart_child(self, sup, A("a")));          // 11 running
  o.push(co_await Supervisor::restart_child(self, sup, A("zz")));         // 12 not_found
  o.push(co_await Supervisor::terminate_child(self, sup, A("b")));        // 13 temporary: dropped
  o.push(co_await Supervisor::delete_child(self, sup, A("zz")));          // 14 not_found
  co_await Supervisor::terminate_child(self, sup, A("a"));
  o.push(co_await Supervisor::delete_child(self, sup, A("a")));           // 15 ok
  o.push(co_await Supervisor::start_child(self, sup, bad("bad")));        // 16 {:error, {:nope, child}}
  o.push(co_await Supervisor::start_child(self, sup, ignoring("ign")));   // 17 {:ok, :undefined}
  o.push(co_await Supervisor::restart_child(self, sup, A("ign")));        // 18 {:ok, :undefined}
  o.push(co_await Supervisor::which_children(self, sup));                 // 19
  o.push(co_await Supervisor::count_children(self, sup));                 // 20
  c->done = true;
  co_await hang(self);
}

// R7.7
Task<> outsider(Process& self, Pid sup) {
  self.link(sup);
  co_await self.receive([](const Term& t) { return t.is_atom(intern("go")); });
  co_await self.exit(A("boom"));
}
Task<> drvNonChild(Process& self, Ctx* c) {
  co_await startSup(self, c);
  Term before = co_await Supervisor::which_children(self, Term(c->sup));
  Pid o = self.spawn(outsider, c->sup);
  co_await sleepMs(self, 1);
  Ref m = self.monitor(o);
  self.send(o, A("go"));
  co_await self.receive([m](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == m; });
  Term after = co_await Supervisor::which_children(self, Term(c->sup));
  c->out.push(Term::boolean(before == after));
  c->done = true;
  co_await hang(self);
}

Task<> parentBody(Process& self, Ctx* c) {
  co_await startSup(self, c);
  self.trap_exit(false);
  c->done = true;
  co_await hang(self);
}

// R7.8
Task<Term> startWithExtra(Process& sup, Term extra, Log* log) {
  log->push(extra);
  return ready(Term::tuple({Term(atoms::ok), Term(sup.spawn_link(worker, (Log*)nullptr, A("dyn"), false))}));
}
Task<> drvDynamic(Process& self, Ctx* c) {
  self.trap_exit(true);
  DynamicSupervisorOptions o;
  o.max_children = 2;
  o.extra_arguments = Term::list({A("x"), Term(1)});
  Term r = co_await DynamicSupervisor::start_link(self, o);
  Term sup = r[1];
  c->sup = sup.as_pid();
  Log* log = &c->log;
  ChildSpec s;
  s.id = A("ignored_id");
  s.start = [log](Process& p, Term extra) { return startWithExtra(p, extra, log); };
  auto& out = c->out;
  out.push(co_await DynamicSupervisor::start_child(self, sup, s));                 // 0
  out.push(co_await DynamicSupervisor::start_child(self, sup, s));                 // 1
  out.push(co_await DynamicSupervisor::start_child(self, sup, s));                 // 2 max_children
  out.push(co_await DynamicSupervisor::which_children(self, sup));                 // 3
  out.push(co_await DynamicSupervisor::count_children(self, sup));                 // 4
  out.push(co_await DynamicSupervisor::terminate_child(self, sup, out.at(0)[1].as_pid()));  // 5 ok
  out.push(co_await DynamicSupervisor::terminate_child(self, sup, out.at(0)[1].as_pid()));  // 6 not_found
  // a permanent child is restarted in place
  Pid second = out.at(1)[1].as_pid();
  co_await killAndWait(self, second, A("boom"));
  out.push(co_await DynamicSupervisor::which_children(self, sup));                 // 7
  out.push(co_await DynamicSupervisor::start_child(self, sup, ignoring("i")));     // 8 :ignore
  out.push(co_await DynamicSupervisor::start_child(self, sup, bad("b")));          // 9 {:error, :nope}
  c->done = true;
  co_await hang(self);
}

// A callback module's init/1 runs in the supervisor; :simple_one_for_one starts copies of a template.
Task<Term> initInSup(Process& sup, SupervisorOptions& flags, std::vector<ChildSpec>& children, Log* log) {
  log->push(Term::tuple({A("init_in"), Term(sup.pid())}));
  flags.strategy = Strategy::SimpleOneForOne;
  children.clear();
  ChildSpec t;
  t.id = A("template");
  t.start = [log](Process& p, Term extra) { return startWithExtra(p, extra, log); };
  children.push_back(t);
  co_return Term(atoms::ok);
}
Task<> drvSimple(Process& self, Ctx* c) {
  self.trap_exit(true);
  SupervisorOptions o;
  Log* log = &c->log;
  o.init = [log](Process& sup, SupervisorOptions& f, std::vector<ChildSpec>& ch) { return initInSup(sup, f, ch, log); };
  std::vector<ChildSpec> given = {W("never_started")};
  Term r = co_await Supervisor::start_link(self, given, o);
  Term sup = r[1];
  c->sup = sup.as_pid();
  auto& out = c->out;
  out.push(r);                                                                        // 0
  out.push(co_await Supervisor::which_children(self, sup));                           // 1 []
  Term argsA = Term::list({A("a")}), argsB = Term::list({A("b")});
  out.push(co_await Supervisor::start_child_with(self, sup, argsA));                  // 2
  out.push(co_await Supervisor::start_child_with(self, sup, argsB));                  // 3
  out.push(co_await Supervisor::count_children(self, sup));                           // 4
  out.push(co_await Supervisor::restart_child(self, sup, A("template")));             // 5
  out.push(co_await Supervisor::terminate_child(self, sup, out.at(2)[1]));            // 6 by pid
  out.push(co_await Supervisor::which_children(self, sup));                           // 7
  c->done = true;
  co_await hang(self);
}
Task<Term> initIgnore(Process&, SupervisorOptions&, std::vector<ChildSpec>&) { co_return A("ignore"); }
Task<Term> initStop(Process&, SupervisorOptions&, std::vector<ChildSpec>&) {
  co_return Term::tuple({A("stop"), A("no_config")});
}
Task<> drvInitResults(Process& self, Ctx* c) {
  self.trap_exit(true);
  SupervisorOptions o;
  std::vector<ChildSpec> given = {W("a", &c->log)};
  o.init = initIgnore;
  c->out.push(co_await Supervisor::start_link(self, given, o));
  o.init = initStop;
  c->out.push(co_await Supervisor::start_link(self, given, o));
  c->done = true;
  co_await hang(self);
}

// R7.9
Task<> drvAuto(Process& self, Ctx* c, int endFirst, int endSecond) {
  co_await startSup(self, c);
  Ref mon = self.monitor(c->sup);
  Term w = co_await Supervisor::which_children(self, Term(c->sup));
  if (endFirst) co_await endWith(self, childPid(w, A("s1")), A("normal"));
  if (endSecond) co_await endWith(self, childPid(w, A("s2")), A("shutdown"));
  auto d = co_await self.receive([mon](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == mon; }, 0);
  if (!d) {
    co_await sleepMs(self, 1);
    d = co_await self.receive([mon](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == mon; }, 0);
  }
  c->out.push(d ? (*d)[4] : A("alive"));
  c->done = true;
  co_await hang(self);
}

std::string autoCase(AutoShutdown mode, int endFirst, int endSecond) {
  Runtime rt(det());
  Ctx c;
  c.opts.auto_shutdown = mode;
  c.specs = {W("s1").with_restart(Restart::Transient).with_significant(true),
             W("s2").with_restart(Restart::Temporary).with_significant(true), W("other")};
  rt.spawn(drvAuto, &c, endFirst, endSecond);
  rt.run_until_idle();
  return c.done ? S(c.out.last()) : "<stuck>";
}

}  // namespace

class TestSupervisor : public QObject {
  Q_OBJECT

 private slots:
  void r7_1_startInOrderStopInReverse();
  void r7_1_nestedSupervisorsStopBottomUp();
  void r7_2_oneForOneRestartsOnlyTheFailed();
  void r7_2_oneForAllRestartsAll();
  void r7_2_restForOneRestartsTheRest();
  void r7_2_oneForAllStopsOthersInReverseThenStartsInOrder();
  void r7_3_permanentRestartsEvenAfterNormal();
  void r7_3_transient();
  void r7_3_temporaryNeverRestartsAndIsDropped();
  void r7_4_tooManyRestartsShutsDown();
  void r7_4_restartsSpreadOverTimeAreFine();
  void r7_4_intensityUsesVirtualClock();
  void r7_4_transientParentDoesNotRestartAGivenUpSupervisor();
  void r7_5_brutalKill();
  void r7_5_timeoutThenKill();
  void r7_5_timeoutObeyed();
  void r7_5_infinityWaits();
  void r7_5_defaults();
  void r7_6_failedStartStopsStartedChildren();
  void r7_6_startThatThrows();
  void r7_7_exitFromNonChildRestartsNothing();
  void r7_7_exitFromParentEndsSupervisor();
  void r7_8_dynamicSupervisor();
  void initRunsInTheSupervisorAndSimpleOneForOne();
  void initIgnoreAndStop();
  void r7_9_autoShutdownAnySignificant();
  void r7_9_autoShutdownAllSignificant();
  void r7_9_autoShutdownNever();
  void childManagementReturnValues();
  void restartTraceEvent();
  void childrenAreLabelledWithTheirIds();
  void giveUpTraceEvent();
  void procLibDictionary();
  void namedSupervisorAlreadyStarted();
  void r7_2_oneForOneThreaded();
  void r7_4_stormThreaded();
};

void TestSupervisor::r7_1_startInOrderStopInReverse() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a", &c.log, true), W("b", &c.log, true), W("c", &c.log, true)};
  rt.spawn(drvStartStop, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::string order;
  for (auto& t : c.log.items()) order += inspect(t[0]) + inspect(t[1]) + (t[0].is_atom(intern("stopping")) ? inspect(t[2]) : "") + " ";
  CHECK_STR(order, ":started:a :started:b :started:c :stopping:c:shutdown :stopping:b:shutdown :stopping:a:shutdown ");
  CHECK_STR(S(c.out.at(1)), ":ok");
  QCOMPARE(rt.process_count(), size_t(1));  // the driver
}

Task<> drvNested(Process& self, Ctx* c) {
  co_await startSup(self, c);
  co_await Supervisor::stop(self, Term(c->sup), A("shutdown"));
  c->done = true;
  co_await hang(self);
}

void TestSupervisor::r7_1_nestedSupervisorsStopBottomUp() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a", &c.log, true),
             Supervisor::child_spec(A("inner"), {W("i1", &c.log, true), W("i2", &c.log, true)}), W("z", &c.log, true)};
  rt.spawn(drvNested, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::string order;
  for (auto& t : c.log.items()) order += inspect(t[1]) + (t[0].is_atom(intern("stopping")) ? "-" : "+") + " ";
  CHECK_STR(order, ":a+ :i1+ :i2+ :z+ :z- :i2- :i1- :a- ");
  QCOMPARE(rt.process_count(), size_t(1));  // the driver
}

void TestSupervisor::r7_2_oneForOneRestartsOnlyTheFailed() { strategyCase(Strategy::OneForOne, "b"); }
void TestSupervisor::r7_2_oneForAllRestartsAll() { strategyCase(Strategy::OneForAll, "abcd"); }
void TestSupervisor::r7_2_restForOneRestartsTheRest() { strategyCase(Strategy::RestForOne, "bcd"); }

void TestSupervisor::r7_2_oneForAllStopsOthersInReverseThenStartsInOrder() {
  Runtime rt(det());
  Ctx c;
  c.opts.strategy = Strategy::OneForAll;
  c.specs = {W("a", &c.log, true), W("b", &c.log, true), W("c", &c.log, true), W("d", &c.log, true)};
  rt.spawn(drvKillB, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::string order;
  auto items = c.log.items();
  for (size_t i = 4; i < items.size(); ++i)
    order += inspect(items[i][1]) + (items[i][0].is_atom(intern("stopping")) ? "-" : "+") + " ";
  CHECK_STR(order, ":b- :d- :c- :a- :a+ :b+ :c+ :d+ ");  // b traps: it logs the kill too
}

void TestSupervisor::r7_3_permanentRestartsEvenAfterNormal() {
  CHECK_STR(restartAfter(Restart::Permanent, A("normal")), "restarted");
  CHECK_STR(restartAfter(Restart::Permanent, A("shutdown")), "restarted");
  CHECK_STR(restartAfter(Restart::Permanent, A("boom")), "restarted");
}

void TestSupervisor::r7_3_transient() {
  CHECK_STR(restartAfter(Restart::Transient, A("normal")), "undefined");
  CHECK_STR(restartAfter(Restart::Transient, A("shutdown")), "undefined");
  CHECK_STR(restartAfter(Restart::Transient, Term::tuple({A("shutdown"), A("x")})), "undefined");
  CHECK_STR(restartAfter(Restart::Transient, A("boom")), "restarted");
  CHECK_STR(restartAfter(Restart::Transient, A("kill")), "restarted");  // ends with :killed
}

void TestSupervisor::r7_3_temporaryNeverRestartsAndIsDropped() {
  CHECK_STR(restartAfter(Restart::Temporary, A("boom")), "dropped");
  CHECK_STR(restartAfter(Restart::Temporary, A("normal")), "dropped");
}

void TestSupervisor::r7_4_tooManyRestartsShutsDown() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvStorm, &c, 4, int64_t(0));  // 3 restarts are allowed, the 4th is one too many
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.last()), ":shutdown");
  QVERIFY(!rt.alive(c.sup));
  QCOMPARE(rt.process_count(), size_t(1));  // only the driver: both children were stopped
}

void TestSupervisor::r7_4_restartsSpreadOverTimeAreFine() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a")};
  rt.spawn(drvStorm, &c, 3, int64_t(0));
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.last()), ":alive");
}

void TestSupervisor::r7_4_intensityUsesVirtualClock() {
  {  // 10 kills 2 s apart: never more than 3 within 5 s
    Runtime rt(det());
    Ctx c;
    c.specs = {W("a")};
    rt.spawn(drvStorm, &c, 10, int64_t(2000));
    rt.run_until_idle();
    QVERIFY(c.done);
    CHECK_STR(S(c.out.last()), ":alive");
    QVERIFY(rt.now_ns() >= 20'000'000'000);
  }
  {  // 1 s apart: the 4th within 5 s ends it
    Runtime rt(det());
    Ctx c;
    c.specs = {W("a")};
    rt.spawn(drvStorm, &c, 10, int64_t(1000));
    rt.run_until_idle();
    QVERIFY(c.done);
    CHECK_STR(S(c.out.last()), ":shutdown");
  }
  {  // max_restarts 0: the first restart is one too many
    Runtime rt(det());
    Ctx c;
    c.opts.max_restarts = 0;
    c.specs = {W("a")};
    rt.spawn(drvStorm, &c, 1, int64_t(0));
    rt.run_until_idle();
    CHECK_STR(S(c.out.last()), ":shutdown");
  }
}

Task<> drvTransientParent(Process& self, Ctx* c) {
  // outer (one_for_one) -> inner (transient, intensity 0) -> w: killing w makes inner give up with
  // :shutdown, which a transient spec does not restart (the trap at the end of SEMANTICS.md).
  co_await startSup(self, c);
  Term w = co_await Supervisor::which_children(self, Term(c->sup));
  Pid inner = childPid(w, A("inner"));
  Term iw = co_await Supervisor::which_children(self, Term(inner));
  c->out.push(co_await killAndWait(self, childPid(iw, A("w")), A("boom")));
  Ref m = self.monitor(inner);
  Term d = co_await self.receive([m](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].as_ref() == m; });
  c->out.push(d[4]);
  c->out.push(co_await Supervisor::which_children(self, Term(c->sup)));
  c->done = true;
  co_await hang(self);
}

void TestSupervisor::r7_4_transientParentDoesNotRestartAGivenUpSupervisor() {
  Runtime rt(det());
  Ctx c;
  SupervisorOptions inner;
  inner.max_restarts = 0;
  c.specs = {Supervisor::child_spec(A("inner"), {W("w")}, inner).with_restart(Restart::Transient)};
  rt.spawn(drvTransientParent, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(1)), ":noproc");  // already gone when monitored, or :shutdown
  CHECK_STR(S(c.out.at(2)), "[{:inner, :undefined, :supervisor, [Supervisor]}]");
}

void TestSupervisor::r7_5_brutalKill() {
  CHECK_STR(shutdownCase(Shutdown::brutal_kill(), -1), ":ok :killed after 0 ms");
}
void TestSupervisor::r7_5_timeoutThenKill() {
  CHECK_STR(shutdownCase(Shutdown::timeout(1000), -1), ":ok :killed after 1000 ms");
}
void TestSupervisor::r7_5_timeoutObeyed() {
  CHECK_STR(shutdownCase(Shutdown::timeout(1000), 300), ":ok :shutdown after 300 ms");
}
void TestSupervisor::r7_5_infinityWaits() {
  CHECK_STR(shutdownCase(Shutdown::infinity(), 60000), ":ok :shutdown after 60000 ms");
}
void TestSupervisor::r7_5_defaults() {
  QVERIFY(W("w").effective_shutdown().kind == Shutdown::Kind::Timeout);
  QCOMPARE(W("w").effective_shutdown().ms, int64_t(5000));
  QVERIFY(Supervisor::child_spec(A("s"), {}).effective_shutdown().kind == Shutdown::Kind::Infinity);
  // A worker that ignores :shutdown is killed after the default 5000 ms.
  Runtime rt(det());
  Ctx c;
  c.specs = {ChildSpec::worker(A("s"), stubborn, int64_t(-1))};
  rt.spawn(drvShutdown, &c);
  rt.run_until_idle();
  CHECK_STR(S(c.out.at(1)) + " " + S(c.out.at(2)), ":killed 5000");
}

Task<> drvFailedStart(Process& self, Ctx* c) {
  Term r = co_await startSup(self, c);
  c->out.push(r);
  Term m = co_await self.receive([](const Term& t) { return t.is_tagged(atoms::EXIT, 3); });
  c->out.push(m[2]);
  c->done = true;
  co_await hang(self);
}

void TestSupervisor::r7_6_failedStartStopsStartedChildren() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a", &c.log, true), W("b", &c.log, true), bad("bad"), W("never", &c.log, true)};
  rt.spawn(drvFailedStart, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), "{:error, {:shutdown, {:failed_to_start_child, :bad, :nope}}}");
  CHECK_STR(S(c.out.at(1)), "{:shutdown, {:failed_to_start_child, :bad, :nope}}");
  std::string order;
  for (auto& t : c.log.items()) order += inspect(t[1]) + (t[0].is_atom(intern("stopping")) ? "-" : "+") + " ";
  CHECK_STR(order, ":a+ :b+ :b- :a- ");
  QCOMPARE(rt.process_count(), size_t(1));
}

void TestSupervisor::r7_6_startThatThrows() {
  Runtime rt(det());
  Ctx c;
  ChildSpec t;
  t.id = A("t");
  t.start = startThrows;
  c.specs = {t};
  rt.spawn(drvFailedStart, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), "{:error, {:shutdown, {:failed_to_start_child, :t, {:EXIT, {:badarg, []}}}}}");
}

void TestSupervisor::r7_7_exitFromNonChildRestartsNothing() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvNonChild, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.last()), "true");
  QVERIFY(rt.alive(c.sup));
}

void TestSupervisor::r7_7_exitFromParentEndsSupervisor() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a", &c.log, true)};
  Pid parent = rt.spawn(parentBody, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  QVERIFY(rt.alive(c.sup));
  rt.exit(parent, A("bye"));
  rt.run_until_idle();
  QVERIFY(!rt.alive(c.sup));
  CHECK_STR(S(c.log.last()), "{:stopping, :a, :shutdown}");
  QCOMPARE(rt.process_count(), size_t(0));
}

void TestSupervisor::initRunsInTheSupervisorAndSimpleOneForOne() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvSimple, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.log.items().at(0)), "{:init_in, " + inspect(Term(c.sup)) + "}");  // init/1 ran in the supervisor
  CHECK_STR(S(c.out.at(1)), "[]");  // the template is not a child
  QVERIFY(c.out.at(2).is_tagged(atoms::ok, 2) && c.out.at(2)[1].is_pid());
  CHECK_STR(S(c.log.items().at(1)), "[:a]");  // start_child's extra arguments reach the start function
  CHECK_STR(S(c.log.items().at(2)), "[:b]");
  CHECK_STR(S(c.out.at(4)), "%{active: 2, specs: 1, supervisors: 0, workers: 2}");  // the template is the one spec
  CHECK_STR(S(c.out.at(5)), "{:error, :simple_one_for_one}");
  CHECK_STR(S(c.out.at(6)), ":ok");
  Term w = c.out.at(7);
  QCOMPARE(w.list_elements().size(), size_t(1));
  CHECK_STR(S(w.list_elements()[0][0]), ":undefined");
  QVERIFY(w.list_elements()[0][1] == c.out.at(3)[1]);
}

void TestSupervisor::initIgnoreAndStop() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvInitResults, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), ":ignore");
  CHECK_STR(S(c.out.at(1)), "{:error, :no_config}");
  QVERIFY(c.log.items().empty());  // no child started
  QCOMPARE(rt.process_count(), size_t(1));
}

void TestSupervisor::r7_8_dynamicSupervisor() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvDynamic, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  auto& o = c.out;
  QVERIFY(o.at(0).is_tagged(atoms::ok, 2) && o.at(0)[1].is_pid());
  QVERIFY(o.at(1).is_tagged(atoms::ok, 2));
  CHECK_STR(S(o.at(2)), "{:error, :max_children}");
  Pid p1 = o.at(0)[1].as_pid(), p2 = o.at(1)[1].as_pid();
  CHECK_STR(S(o.at(3)), "[{:undefined, " + P(p2) + ", :worker, []}, {:undefined, " + P(p1) + ", :worker, []}]");
  CHECK_STR(S(o.at(4)), "%{active: 2, specs: 2, supervisors: 0, workers: 2}");
  CHECK_STR(S(o.at(5)), ":ok");
  CHECK_STR(S(o.at(6)), "{:error, :not_found}");
  Term w = o.at(7);
  QCOMPARE(w.list_length(), 1L);
  QVERIFY(w.head()[1].is_pid() && w.head()[1].as_pid() != p2 && rt.alive(w.head()[1].as_pid()));
  CHECK_STR(S(o.at(8)), ":ignore");
  CHECK_STR(S(o.at(9)), "{:error, :nope}");
  CHECK_STR(c.log.str(), "[[:x, 1], [:x, 1], [:x, 1]]");  // extra_arguments, for each start
}

void TestSupervisor::r7_9_autoShutdownAnySignificant() {
  CHECK_STR(autoCase(AutoShutdown::AnySignificant, 1, 0), ":shutdown");
}
void TestSupervisor::r7_9_autoShutdownAllSignificant() {
  CHECK_STR(autoCase(AutoShutdown::AllSignificant, 1, 0), ":alive");
  CHECK_STR(autoCase(AutoShutdown::AllSignificant, 1, 1), ":shutdown");
}
void TestSupervisor::r7_9_autoShutdownNever() { CHECK_STR(autoCase(AutoShutdown::Never, 1, 1), ":alive"); }

void TestSupervisor::childManagementReturnValues() {
  Runtime rt(det());
  Ctx c;
  c.specs = {W("a"), W("b").with_restart(Restart::Temporary),
             Supervisor::child_spec(A("c"), {})};
  rt.spawn(drvManage, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  auto& o = c.out;
  Term w0 = o.at(0);
  Pid a = childPid(w0, A("a")), b = childPid(w0, A("b")), cc = childPid(w0, A("c"));
  CHECK_STR(S(w0), "[{:c, " + P(cc) + ", :supervisor, [Supervisor]}, {:b, " + P(b) +
                       ", :worker, [Worker]}, {:a, " + P(a) + ", :worker, [Worker]}]");
  CHECK_STR(S(o.at(1)), "%{active: 3, specs: 3, supervisors: 1, workers: 2}");
  CHECK_STR(S(o.at(2)), "{:error, {:already_started, " + P(a) + "}}");
  QVERIFY(o.at(3).is_tagged(atoms::ok, 2));
  CHECK_STR(S(o.at(4)), "{:error, :running}");
  CHECK_STR(S(o.at(5)), ":ok");
  CHECK_STR(S(o.at(6)), ":ok");
  CHECK_STR(S(o.at(7)), "{:error, :not_found}");
  CHECK_STR(S(o.at(8)), "%{active: 3, specs: 4, supervisors: 1, workers: 3}");
  CHECK_STR(S(o.at(9)), "{:error, :already_present}");
  QVERIFY(o.at(10).is_tagged(atoms::ok, 2) && o.at(10)[1].as_pid() != a);
  CHECK_STR(S(o.at(11)), "{:error, :running}");
  CHECK_STR(S(o.at(12)), "{:error, :not_found}");
  CHECK_STR(S(o.at(13)), ":ok");
  CHECK_STR(S(o.at(14)), "{:error, :not_found}");
  CHECK_STR(S(o.at(15)), ":ok");
  CHECK_STR(S(o.at(16)), "{:error, {:nope, {:child, :undefined, :bad, {:cpp, :start_link, []}, :permanent, false, "
                         "5000, :worker, []}}}");
  CHECK_STR(S(o.at(17)), "{:ok, :undefined}");
  CHECK_STR(S(o.at(18)), "{:ok, :undefined}");
  Term w = o.at(19);
  Pid d = childPid(w, A("d"));
  CHECK_STR(S(w), "[{:ign, :undefined, :worker, []}, {:d, " + P(d) + ", :worker, [Worker]}, {:c, " + P(cc) +
                      ", :supervisor, [Supervisor]}]");
  CHECK_STR(S(o.at(20)), "%{active: 2, specs: 3, supervisors: 1, workers: 2}");
}

void TestSupervisor::restartTraceEvent() {
  Runtime rt(det());
  rt.set_tracing(true);
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvKillB, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  std::vector<TraceEvent> restarts;
  for (auto& e : evs)
    if (e.kind == TraceKind::Restart) restarts.push_back(e);
  QCOMPARE(restarts.size(), size_t(1));
  const TraceEvent& e = restarts[0];
  QCOMPARE(e.a, c.sup);
  QCOMPARE(e.pid2, childPid(c.out.at(0), A("b")));
  QCOMPARE(e.b, childPid(c.out.at(2), A("b")));
  QVERIFY(e.name == intern("b"));
  CHECK_STR(S(e.term), "{:b, :boom}");
}

void TestSupervisor::childrenAreLabelledWithTheirIds() {
  // The picture names a child by its id (a Label event), as observer shows it under its supervisor.
  Runtime rt(det());
  rt.set_tracing(true);
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvKillB, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  std::map<uint32_t, std::string> labels;
  for (auto& e : evs)
    if (e.kind == TraceKind::Label) labels[e.a.serial()] = S(e.term);
  QCOMPARE(labels[childPid(c.out.at(0), A("a")).serial()], std::string(":a"));
  QCOMPARE(labels[childPid(c.out.at(0), A("b")).serial()], std::string(":b"));
  QCOMPARE(labels[childPid(c.out.at(2), A("b")).serial()], std::string(":b"));  // the restarted one too
}

void TestSupervisor::giveUpTraceEvent() {
  // R7.4: the 4th restart within 5 s is one too many: a GiveUp (max, seconds, child id, its reason)
  // goes on the trace before the children are stopped and the supervisor exits with :shutdown.
  Runtime rt(det());
  rt.set_tracing(true);
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvStorm, &c, 4, int64_t(0));
  rt.run_until_idle();
  QVERIFY(c.done);
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  size_t giveUp = evs.size(), supExit = evs.size(), restarts = 0, bStopped = evs.size();
  for (size_t i = 0; i < evs.size(); ++i) {
    const TraceEvent& e = evs[i];
    if (e.kind == TraceKind::GiveUp) {
      QCOMPARE(giveUp, evs.size());  // once
      giveUp = i;
      QCOMPARE(e.a, c.sup);
      QVERIFY(e.name == intern("a"));
      QVERIFY(e.pid2.valid());
      CHECK_STR(S(e.term), "{3, 5, :a, :boom}");
    }
    if (e.kind == TraceKind::Restart && e.a == c.sup) ++restarts;
    if (e.kind == TraceKind::Exit && e.a == c.sup) {
      supExit = i;
      CHECK_STR(S(e.term), ":shutdown");
    }
    if (e.kind == TraceKind::Exit && giveUp < evs.size() && e.a != c.sup && bStopped == evs.size()) bStopped = i;
  }
  QCOMPARE(restarts, size_t(3));
  QVERIFY(giveUp < evs.size());
  QVERIFY(giveUp < bStopped);  // said before the children are stopped
  QVERIFY(bStopped < supExit);
}

Task<> drvInfo(Process& self, Ctx* c) {
  co_await startSup(self, c);
  c->done = true;
  co_await hang(self);
}

void TestSupervisor::procLibDictionary() {
  Runtime rt(det());
  Ctx c;
  c.opts.module = intern("Elixir.KV.Supervisor");
  c.specs = {W("a")};
  Pid drv = rt.spawn(drvInfo, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(rt.info(c.sup, intern("dictionary"))),
            "{:dictionary, [\"$ancestors\": [" + P(drv) + "], \"$initial_call\": {:supervisor, KV.Supervisor, 1}]}");
  CHECK_STR(S(rt.info(c.sup, atoms::trap_exit)), "{:trap_exit, true}");
}

Task<> drvNamed(Process& self, Ctx* c) {
  c->out.push(co_await startSup(self, c));
  c->out.push(co_await Supervisor::start_link(self, {}, c->opts));
  c->out.push(co_await Supervisor::which_children(self, A("named_sup")));
  c->done = true;
  co_await hang(self);
}

void TestSupervisor::namedSupervisorAlreadyStarted() {
  Runtime rt(det());
  Ctx c;
  c.opts.name = intern("named_sup");
  c.specs = {W("a")};
  rt.spawn(drvNamed, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(1)), "{:error, {:already_started, " + P(c.sup) + "}}");
  QCOMPARE(c.out.at(2).list_length(), 1L);
  QCOMPARE(rt.whereis(intern("named_sup")), c.sup);
}

void TestSupervisor::r7_2_oneForOneThreaded() {
  Runtime rt(threaded());
  Ctx c;
  c.specs = {W("a", &c.log, true), W("b", &c.log, true), W("c", &c.log, true), W("d", &c.log, true)};
  rt.spawn(drvKillB, &c);
  QTRY_VERIFY_WITH_TIMEOUT(c.done, kWait);
  Term before = c.out.at(0), after = c.out.at(2);
  for (const char* id : {"a", "c", "d"}) QCOMPARE(childPid(before, A(id)), childPid(after, A(id)));
  QVERIFY(childPid(before, A("b")) != childPid(after, A("b")));
  QVERIFY(rt.alive(childPid(after, A("b"))));
}

void TestSupervisor::r7_4_stormThreaded() {
  Runtime rt(threaded());
  Ctx c;
  c.specs = {W("a"), W("b")};
  rt.spawn(drvStorm, &c, 4, int64_t(0));
  QTRY_VERIFY_WITH_TIMEOUT(c.done, kWait);
  CHECK_STR(S(c.out.last()), ":shutdown");
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 1, kWait);
}

QTEST_GUILESS_MAIN(TestSupervisor)
#include "tst_supervisor.moc"
