// tst_scenarios: every built-in scenario builds on a deterministic and on a threaded runtime and
// shows what its description promises; bad names and parameters give clear errors.

#include "otp_helpers.hpp"

#include <actorscope/scenarios.hpp>

using namespace ot;

namespace {

Pid named(Runtime& rt, const char* n) { return rt.whereis(intern(n)); }

std::vector<Term> messagesOf(Runtime& rt, Pid p) {
  Term i = rt.info(p, atoms::messages);
  return i.is_tuple() ? i[1].list_elements() : std::vector<Term>{};
}

size_t countRestarts(const std::vector<TraceEvent>& evs, Pid sup) {
  size_t n = 0;
  for (auto& e : evs)
    if (e.kind == TraceKind::Restart && e.a == sup) ++n;
  return n;
}

struct KvCtx {
  Log out;
  std::atomic<bool> done{false};
};

/// Looks up the three buckets, the milk, the bucket supervisor's children.
Task<> kvProbe(Process& self, KvCtx* c) {
  Term reg = A("Elixir.KV.Registry");
  for (const char* n : {"shopping", "groceries", "todo"}) {
    Term req = Term::tuple({A("lookup"), Term::binary(n)});
    Term r = co_await GenServer::call(self, reg, req);
    c->out.push(r);
  }
  Term shopping = c->out.at(0);
  if (shopping.is_tagged(atoms::ok, 2)) {
    Term milk = co_await Agent::get(self, shopping[1], [](const Term& m) {
      const Term* v = m.map_get(Term::binary("milk"));
      return v ? *v : Term();
    });
    c->out.push(milk);
  }
  c->out.push(co_await DynamicSupervisor::count_children(self, A("Elixir.KV.BucketSupervisor")));
  c->done = true;
}

void checkKvBuilt(KvCtx& c) {
  for (int i = 0; i < 3; ++i) QVERIFY2(c.out.at(i).is_tagged(atoms::ok, 2), S(c.out.at(i)).c_str());
  CHECK_STR(S(c.out.at(3)), "3");
  CHECK_STR(S(c.out.at(4)), "%{active: 3, specs: 3, supervisors: 0, workers: 3}");
}

/// The client of kv ends once its buckets exist.
bool kvClientDone(Runtime& rt, Pid client) { return !rt.alive(client); }

}  // namespace

class TestScenarios : public QObject {
  Q_OBJECT

 private slots:
  void listIsComplete();
  void badNamesAndParameters();
  void kv();
  void kvThreaded();
  void kvRegistryCrashOrphansBuckets();
  void kvNestedRegistryCrashTakesBucketsAlong();
  void monitors();
  void monitorsThreaded();
  void trapExit();
  void trapExitThreaded();
  void linkChain();
  void linkChainThreaded();
  void strategies();
  void strategiesThreaded();
  void restartStorm();
  void restartStormThreaded();
  void linkVsMonitor();
  void linkVsMonitorThreaded();
  void mailboxFlood();
  void mailboxFloodThreaded();
  void bigTree();
  void bigTreeThreaded();
};

void TestScenarios::listIsComplete() {
  std::string names;
  for (auto& s : scenarios()) {
    names += s.name + " ";
    QVERIFY(!s.title.empty());
    QVERIFY(s.description.size() > 100);
    for (auto& p : s.params) {
      QVERIFY(!p.description.empty());
      QVERIFY(p.min <= p.default_value && p.default_value <= p.max);
    }
  }
  CHECK_STR(names, "kv kv-nested monitors trap-exit link-chain strategies restart-storm link-vs-monitor mailbox-flood big-tree ");
  QVERIFY(find_scenario(kDefaultScenario) != nullptr);
}

void TestScenarios::badNamesAndParameters() {
  Runtime rt(det());
  ScenarioResult r = build_scenario(rt, "nope");
  QVERIFY(!r.ok);
  QVERIFY(r.error.starts_with("unknown scenario 'nope'; known: kv kv-nested"));
  r = build_scenario(rt, "link-chain", {{"lenght", 3}});
  QVERIFY(!r.ok);
  CHECK_STR(r.error, "scenario 'link-chain' has no parameter 'lenght'; its parameters: length trapper kill_after_ms");
  r = build_scenario(rt, "link-chain", {{"length", 1}});
  QVERIFY(!r.ok);
  CHECK_STR(r.error, "parameter 'length' of scenario 'link-chain' must be between 2 and 500, not 1");
  r = build_scenario(rt, "link-chain", {{"length", 4}, {"trapper", 4}});
  QVERIFY(!r.ok);
  QVERIFY(r.error.find("trapper must be less than length") != std::string::npos);
  r = build_scenario(rt, "kv", {{"x", 1}});
  CHECK_STR(r.error, "scenario 'kv' has no parameter 'x'");
  QCOMPARE(rt.process_count(), size_t(0));  // nothing was spawned
}

void TestScenarios::kv() {
  Runtime rt(det());
  ScenarioResult r = build_scenario(rt, "kv");
  QVERIFY(r.ok);
  rt.run_until_idle();
  QVERIFY(kvClientDone(rt, r.roots[1]));
  KvCtx c;
  rt.spawn(kvProbe, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  checkKvBuilt(c);
  CHECK_STR(S(rt.info(named(rt, "Elixir.KV.Supervisor"), atoms::dictionary)),
            "{:dictionary, [\"$ancestors\": [], \"$initial_call\": {:supervisor, KV.Supervisor, 1}]}");
}

void TestScenarios::kvThreaded() {
  Runtime rt(threaded());
  ScenarioResult r = build_scenario(rt, "kv");
  QVERIFY(r.ok);
  QTRY_VERIFY_WITH_TIMEOUT(kvClientDone(rt, r.roots[1]), kWait);
  KvCtx c;
  rt.spawn(kvProbe, &c);
  QTRY_VERIFY_WITH_TIMEOUT(c.done, kWait);
  checkKvBuilt(c);
}

void TestScenarios::kvRegistryCrashOrphansBuckets() {
  Runtime rt(det());
  ScenarioResult r = build_scenario(rt, "kv");
  rt.run_until_idle();
  Pid reg = named(rt, "Elixir.KV.Registry");
  rt.exit(reg, A("kill"));
  rt.run_until_idle();
  Pid reg2 = named(rt, "Elixir.KV.Registry");
  QVERIFY(reg2.valid() && reg2 != reg);  // restarted by the root
  KvCtx c;
  rt.spawn(kvProbe, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), ":error");  // the new registry knows no bucket...
  CHECK_STR(S(c.out.at(3)), "%{active: 3, specs: 3, supervisors: 0, workers: 3}");  // ...yet they live on
}

void TestScenarios::kvNestedRegistryCrashTakesBucketsAlong() {
  Runtime rt(det());
  ScenarioResult r = build_scenario(rt, "kv-nested");
  QVERIFY(r.ok);
  rt.run_until_idle();
  KvCtx c;
  rt.spawn(kvProbe, &c);
  rt.run_until_idle();
  checkKvBuilt(c);
  Pid reg = named(rt, "Elixir.KV.Registry"), buckets = named(rt, "Elixir.KV.BucketSupervisor");
  rt.exit(reg, A("kill"));
  rt.run_until_idle();
  QVERIFY(named(rt, "Elixir.KV.Registry") != reg);
  QVERIFY(named(rt, "Elixir.KV.BucketSupervisor") != buckets);  // one_for_all restarted it too
  KvCtx c2;
  rt.spawn(kvProbe, &c2);
  rt.run_until_idle();
  CHECK_STR(S(c2.out.at(0)), ":error");
  CHECK_STR(S(c2.out.at(3)), "%{active: 0, specs: 0, supervisors: 0, workers: 0}");  // buckets gone too
}

static void checkMonitors(Runtime& rt) {
  Pid w = named(rt, "watcher");
  QVERIFY(rt.alive(w));
  auto msgs = messagesOf(rt, w);
  QCOMPARE(msgs.size(), size_t(5));
  int some = 0;
  for (auto& m : msgs) {
    QVERIFY(m.is_tagged(atoms::DOWN, 5));
    if (m[4].is_atom(intern("some_reason"))) ++some;
    else QVERIFY(m[4].is_atom(atoms::normal));
  }
  QCOMPARE(some, 1);
}

void TestScenarios::monitors() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "monitors").ok);
  rt.run_until_idle();
  checkMonitors(rt);
  QCOMPARE(rt.now_ns(), int64_t(5'000'000'000));
}

void TestScenarios::monitorsThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "monitors", {{"delay_ms", 10}}).ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 1 && messagesOf(rt, named(rt, "watcher")).size() == 5, kWait);
  checkMonitors(rt);
}

static void checkTrapExit(Runtime& rt) {
  Pid p = named(rt, "parent");
  QVERIFY(rt.alive(p));
  auto msgs = messagesOf(rt, p);
  QCOMPARE(msgs.size(), size_t(1));
  QVERIFY(msgs[0].is_tagged(atoms::EXIT, 3));
  CHECK_STR(S(msgs[0][2]), ":kaboom");
  QVERIFY(!rt.alive(msgs[0][1].as_pid()));
}

void TestScenarios::trapExit() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "trap-exit").ok);
  rt.run_until_idle();
  checkTrapExit(rt);
}

void TestScenarios::trapExitThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "trap-exit", {{"delay_ms", 5}}).ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 1 && messagesOf(rt, named(rt, "parent")).size() == 1, kWait);
  checkTrapExit(rt);
}

static void checkChain(Runtime& rt) {
  for (int k = 0; k < 6; ++k) QVERIFY(!named(rt, ("chain_" + std::to_string(k)).c_str()).valid());
  for (int k = 6; k < 12; ++k) QVERIFY(rt.alive(named(rt, ("chain_" + std::to_string(k)).c_str())));
  auto msgs = messagesOf(rt, named(rt, "chain_6"));
  QCOMPARE(msgs.size(), size_t(1));
  QVERIFY(msgs[0].is_tagged(atoms::EXIT, 3));
  CHECK_STR(S(msgs[0][2]), ":killed");
}

void TestScenarios::linkChain() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "link-chain").ok);
  rt.run_until_idle();
  checkChain(rt);
}

void TestScenarios::linkChainThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "link-chain", {{"kill_after_ms", 20}}).ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 7 && messagesOf(rt, named(rt, "chain_6")).size() == 1, kWait);
  checkChain(rt);
}

static void checkStrategies(Runtime& rt, const std::vector<TraceEvent>& evs) {
  QCOMPARE(countRestarts(evs, named(rt, "one_for_one")), size_t(1));
  QCOMPARE(countRestarts(evs, named(rt, "one_for_all")), size_t(4));
  QCOMPARE(countRestarts(evs, named(rt, "rest_for_one")), size_t(3));
}

void TestScenarios::strategies() {
  Runtime rt(det());
  rt.set_tracing(true);
  QVERIFY(build_scenario(rt, "strategies").ok);
  rt.run_until_idle();
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  checkStrategies(rt, evs);
  QCOMPARE(rt.process_count(), size_t(15));
}

void TestScenarios::strategiesThreaded() {
  Runtime rt(threaded());
  rt.set_tracing(true);
  QVERIFY(build_scenario(rt, "strategies", {{"kill_after_ms", 20}}).ok);
  std::vector<TraceEvent> evs;
  auto restarts = [&] {
    rt.drain_trace(evs);
    size_t n = 0;
    for (auto& e : evs) n += e.kind == TraceKind::Restart;
    return n;
  };
  QTRY_VERIFY_WITH_TIMEOUT(restarts() == 8, kWait);
  checkStrategies(rt, evs);
}

static void checkStorm(const std::vector<TraceEvent>& evs, Pid root) {
  size_t fromRoot = 0, fromMid = 0;
  std::string rootEnd;
  for (auto& e : evs) {
    if (e.kind == TraceKind::Restart) (e.a == root ? fromRoot : fromMid)++;
    if (e.kind == TraceKind::Exit && e.a == root) rootEnd = S(e.term);
  }
  QCOMPARE(fromRoot, size_t(1));  // root restarted :storm_sup once, then gave up
  QCOMPARE(fromMid, size_t(6));   // 3 restarts by each :storm_sup incarnation
  CHECK_STR(rootEnd, ":shutdown");
}

void TestScenarios::restartStorm() {
  Runtime rt(det());
  rt.set_tracing(true);
  ScenarioResult r = build_scenario(rt, "restart-storm");
  QVERIFY(r.ok);
  rt.run_until_idle();
  QCOMPARE(rt.process_count(), size_t(0));  // the failure climbed to the top
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  checkStorm(evs, r.roots[0]);
}

void TestScenarios::restartStormThreaded() {
  Runtime rt(threaded());
  rt.set_tracing(true);
  ScenarioResult r = build_scenario(rt, "restart-storm", {{"crash_every_ms", 5}});
  QVERIFY(r.ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 0, kWait);
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  checkStorm(evs, r.roots[0]);
}

void TestScenarios::linkVsMonitor() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "link-vs-monitor").ok);
  rt.run_until_idle();
  QVERIFY(!named(rt, "linker").valid() && !named(rt, "monitorer").valid());
  QCOMPARE(rt.process_count(), size_t(3));  // the monitored children
}

void TestScenarios::linkVsMonitorThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "link-vs-monitor", {{"kill_after_ms", 20}, {"children", 5}}).ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 5 && !named(rt, "linker").valid(), kWait);
}

void TestScenarios::mailboxFlood() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "mailbox-flood").ok);
  rt.run_ready();
  Pid consumer = named(rt, "consumer");
  int64_t most = 0;
  while (rt.step()) {
    Term q = rt.info(consumer, atoms::message_queue_len);
    most = std::max<int64_t>(most, q[1].as_integer());
  }
  QVERIFY2(most > 1000, std::to_string(most).c_str());
  CHECK_STR(S(rt.info(consumer, atoms::message_queue_len)), "{:message_queue_len, 0}");  // drained at last
}

void TestScenarios::mailboxFloodThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "mailbox-flood", {{"produce_every_ms", 1}, {"consume_ms", 1000}, {"messages", 0}}).ok);
  QTRY_VERIFY_WITH_TIMEOUT(named(rt, "consumer").valid() &&
                               rt.info(named(rt, "consumer"), atoms::message_queue_len)[1].as_integer() > 100,
                           kWait);
}

static void checkBigTree(Runtime& rt) {
  Pid root = named(rt, "big_root");
  QVERIFY(rt.alive(root));
  Term links = rt.info(root, atoms::links);
  QCOMPARE(links[1].list_length(), 10L);
}

void TestScenarios::bigTree() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "big-tree").ok);
  rt.run_until_idle();
  QCOMPARE(rt.process_count(), size_t(1 + 10 * 302));
  checkBigTree(rt);
  size_t monitors = 0;
  for (Pid p : rt.processes()) {
    Term m = rt.info(p, atoms::monitors);
    monitors += size_t(m[1].list_length());
  }
  QCOMPARE(monitors, size_t(10 * 300));
}

void TestScenarios::bigTreeThreaded() {
  Runtime rt(threaded());
  QVERIFY(build_scenario(rt, "big-tree").ok);
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == size_t(1 + 10 * 302), kWait);
  checkBigTree(rt);
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
