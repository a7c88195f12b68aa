// tst_faults: injected faults act and appear on the trace stream; the chaos monkey picks from its
// scope and is reproducible from its seed (same recording twice in deterministic mode); fault
// plans run at their times and survive a JSON round trip; bad plan files give clear errors.

#include "rec_helpers.hpp"

#include <QDir>

using namespace rt_test;

namespace {

Task<> idler(Process& self) { (void)co_await self.receive([](const Term&) { return false; }); }

Task<> counter(Process& self, std::atomic<int>* got) {
  for (;;) {
    (void)co_await self.receive();
    ++*got;
  }
}

Fault mk(FaultKind k, Term target = Term(), int64_t at_ms = 0) {
  Fault f;
  f.kind = k;
  f.target = std::move(target);
  f.at_ms = at_ms;
  return f;
}
Fault kill(Term target, Term reason, int64_t at_ms = 0) {
  Fault f = mk(FaultKind::Kill, std::move(target), at_ms);
  f.reason = std::move(reason);
  return f;
}
Fault delay(Term target, Term peer, int64_t ms, int64_t at_ms = 0) {
  Fault f = mk(FaultKind::Delay, std::move(target), at_ms);
  f.peer = std::move(peer);
  f.latency_ms = ms;
  return f;
}
Fault flood(Term target, int64_t count, double rate, Term msg, int64_t at_ms = 0) {
  Fault f = mk(FaultKind::Flood, std::move(target), at_ms);
  f.count = count;
  f.per_second = rate;
  f.message = std::move(msg);
  return f;
}

std::vector<TraceEvent> drain(Runtime& rt) {
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  return evs;
}

std::vector<TraceEvent> faultsIn(const std::vector<TraceEvent>& evs) {
  std::vector<TraceEvent> out;
  for (const auto& e : evs)
    if (e.kind == TraceKind::Fault) out.push_back(e);
  return out;
}

FaultPlan chaosPlan(uint64_t seed) {
  Fault f;
  f.kind = FaultKind::Chaos;
  f.at_ms = 50;
  f.chaos.interval_ms = 120;
  f.chaos.reasons = {Term(atoms::kill), Term::atom("boom"), Term(atoms::shutdown)};
  f.chaos.scope = ChaosScope::Workers;
  f.chaos.seed = seed;
  f.chaos.kills = 12;
  FaultPlan plan;
  plan.description = "chaos among the workers";
  plan.faults.push_back(f);
  return plan;
}

std::string recordChaos(const QString& planPath, uint64_t seed) {
  std::string err;
  if (!save_fault_plan(planPath.toStdString(), chaosPlan(seed), err)) return "save: " + err;
  HeadlessOptions o;
  o.fault_plan_path = planPath.toStdString();
  o.latency_ms = 3;
  Recording rec;
  if (!record_scenario("strategies", {{"kill_after_ms", 0}}, 3000, rec, err, o)) return "record: " + err;
  rec.info.created_at = "fixed";
  return to_text(rec);
}

}  // namespace

class TestFaults : public QObject {
  Q_OBJECT

 private slots:
  void killSuspendResumeDelay();
  void floodAtARate();
  void unknownTargets();
  void chaosScopes();
  void chaosSameSeedSameRecording();
  void planRunsAtItsTimes();
  void planJsonRoundTrip();
  void partitionForATimeThenHeal();
  void connectionLatency();
  void badPlans_data();
  void badPlans();
};

void TestFaults::killSuspendResumeDelay() {
  Runtime rt(det());
  rt.set_tracing(true);
  Pid a = rt.spawn(idler);
  Pid b = rt.spawn(idler);
  rt.register_name(b, intern("bee"));
  rt.run_until_idle();
  drain(rt);
  std::string err;
  QVERIFY(inject(rt, mk(FaultKind::Suspend, Term(a)), {}, &err));
  QVERIFY(rt.info(a, atoms::status).is_tuple());
  Fault d = delay(Term::atom("bee"), Term(a), 250);
  QVERIFY(inject(rt, d, {}, &err));
  QVERIFY(inject(rt, mk(FaultKind::Resume, Term(a)), {}, &err));
  QVERIFY(inject(rt, kill(Term::atom("bee"), Term::atom("boom")), {}, &err));
  rt.run_until_idle();
  QVERIFY(!rt.alive(b));
  QVERIFY(rt.alive(a));
  auto evs = drain(rt);
  auto faults = faultsIn(evs);
  QCOMPARE(faults.size(), size_t(4));
  CHECK_STR(std::string(atom_name(faults[0].name)), "suspend");
  QVERIFY(faults[0].a == a);
  CHECK_STR(std::string(atom_name(faults[1].name)), "delay");
  QVERIFY(faults[1].a == b && faults[1].b == a);
  CHECK_STR(inspect(faults[1].term), "250");
  CHECK_STR(std::string(atom_name(faults[2].name)), "resume");
  CHECK_STR(std::string(atom_name(faults[3].name)), "kill");
  CHECK_STR(inspect(faults[3].term), ":boom");
  QVERIFY(!faults[3].flag);
  // Each fault comes before what it causes.
  auto pos = [&](auto pred) { return std::find_if(evs.begin(), evs.end(), pred) - evs.begin(); };
  QVERIFY(pos([](auto& e) { return e.kind == TraceKind::Fault && e.name == atoms::kill; }) <
          pos([&](auto& e) { return e.kind == TraceKind::Exit && e.a == b; }));
  QVERIFY(pos([](auto& e) { return e.kind == TraceKind::Fault && atom_name(e.name) == "suspend"; }) <
          pos([](auto& e) { return e.kind == TraceKind::Suspend; }));
  // A global delay has no target.
  QVERIFY(inject(rt, delay(Term(), Term(), 40), {}, &err));
  QCOMPARE(rt.global_latency(), std::chrono::nanoseconds(40'000'000));
  auto g = faultsIn(drain(rt));
  QCOMPARE(g.size(), size_t(1));
  QVERIFY(!g[0].a.valid());
  // The event log text exists for faults.
  CHECK_STR(std::string(to_string(TraceKind::Fault)), "fault");
}

void TestFaults::floodAtARate() {
  Runtime rt(det());
  rt.set_tracing(true);
  std::atomic<int> got{0};
  Pid c = rt.spawn(counter, &got);
  rt.run_until_idle();
  Pid flooder;
  Fault f = flood(Term(c), 100, 1000, Term::atom("hi"));
  QVERIFY(inject(rt, f, {}, nullptr, &flooder));
  QVERIFY(flooder.valid());
  rt.advance_to(rt.now_ns() + 50'000'000);  // 50 ms: about 50 of them
  QVERIFY2(got.load() >= 45 && got.load() <= 55, std::to_string(got.load()).c_str());
  rt.advance_to(rt.now_ns() + 200'000'000);
  QCOMPARE(got.load(), 100);
  QVERIFY(!rt.alive(flooder));
  // All at once.
  QVERIFY(inject(rt, flood(Term(c), 30, 0, Term(atoms::ok))));
  rt.run_until_idle();
  QCOMPARE(got.load(), 130);
  auto faults = faultsIn(drain(rt));
  QCOMPARE(faults.size(), size_t(2));
  CHECK_STR(inspect(faults[0].term), "{100, 1000.0, :hi}");
}

void TestFaults::unknownTargets() {
  Runtime rt(det());
  rt.set_tracing(true);
  std::string err;
  QVERIFY(!inject(rt, kill(Term::atom("nobody"), Term(atoms::kill)), {}, &err));
  CHECK_STR(err, "kill: :nobody is not a live process");
  QVERIFY(!inject(rt, mk(FaultKind::Suspend, Term(Pid::make(7, 777))), {}, &err));
  CHECK_STR(err, "suspend: #PID<0.777.0> is not a live process");
  QVERIFY(faultsIn(drain(rt)).empty());  // nothing happened, nothing traced
}

void TestFaults::chaosScopes() {
  Runtime rt(det());
  QVERIFY(build_scenario(rt, "strategies", {{"kill_after_ms", 0}}).ok);
  rt.run_until_idle();
  Pid loner = rt.spawn(idler);  // no supervisor above it
  ChaosConfig slow;
  slow.interval_ms = 100000;
  Pid monkey = start_chaos(rt, slow);
  rt.run_ready();
  Snapshot s = rt.snapshot();
  auto workers = chaos_candidates(s, ChaosScope::Workers);
  QCOMPARE(workers.size(), size_t(12));  // a, b, c, d under each of the three supervisors
  auto all = chaos_candidates(s, ChaosScope::AllButSupervisors);
  QCOMPARE(all.size(), size_t(13));  // and the loner; never the monkey
  QVERIFY(std::find(all.begin(), all.end(), loner) != all.end());
  QVERIFY(std::find(workers.begin(), workers.end(), loner) == workers.end());
  QVERIFY(std::find(all.begin(), all.end(), monkey) == all.end());
  Pid ofa = rt.whereis(intern("one_for_all"));
  auto sub = chaos_candidates(s, ChaosScope::Subtree, ofa);
  QCOMPARE(sub.size(), size_t(4));
  for (Pid p : sub) QVERIFY(std::find(workers.begin(), workers.end(), p) != workers.end());
  QVERIFY(chaos_candidates(s, ChaosScope::Subtree, Pid{}).empty());
  for (auto& p : s.processes)
    if (p.pid == ofa) QVERIFY(is_supervisor(p));
    else if (p.pid == monkey) QVERIFY(is_injector(p));
  CHECK_STR(inspect(rt.info(monkey, atoms::registered_name)), "{:registered_name, :chaos_monkey}");
  stop_injector(rt, monkey);
  rt.run_until_idle();
  QVERIFY(!rt.alive(monkey));
}

void TestFaults::chaosSameSeedSameRecording() {
  const QString plan = QDir::temp().filePath(QStringLiteral("actorscope-plan-%1.json").arg(QCoreApplication::applicationPid()));
  const std::string one = recordChaos(plan, 42);
  const std::string two = recordChaos(plan, 42);
  const std::string other = recordChaos(plan, 43);
  QFile::remove(plan);
  QVERIFY2(one.rfind("{\"type\":\"header\"", 0) == 0, one.substr(0, 200).c_str());
  QVERIFY(one == two);
  QVERIFY(one != other);
  ReadResult r = from_text(one);
  QVERIFY(r.ok());
  // Twelve random kills among the workers, each with one of the chosen reasons.
  Replay replay(std::move(r.recording));
  size_t kills = 0;
  for (const Marker& m : replay.markers()) {
    if (m.kind != Marker::Kind::Fault) continue;
    const TraceEvent& e = replay.recording().events[m.index];
    if (e.name != atoms::kill) continue;
    ++kills;
    QVERIFY(e.flag);
    const std::string reason = inspect(e.term);
    QVERIFY2(reason == ":kill" || reason == ":boom" || reason == ":shutdown", reason.c_str());
    Snapshot before = replay.snapshot_at(m.index);
    auto workers = chaos_candidates(before, ChaosScope::Workers);
    QVERIFY(std::find(workers.begin(), workers.end(), e.a) != workers.end());
    // The victim is gone right after.
    bool exited = false;
    for (const TraceEvent& x : replay.events(m.index, replay.size()))
      if (x.kind == TraceKind::Exit && x.a == e.a) exited = true;
    QVERIFY(exited);
  }
  QCOMPARE(kills, size_t(12));
}

void TestFaults::planRunsAtItsTimes() {
  Runtime rt(det());
  rt.set_tracing(true);
  Pid a = rt.spawn(idler);
  rt.register_name(a, intern("victim"));
  Pid b = rt.spawn(idler);
  rt.run_until_idle();
  FaultPlan plan;
  plan.faults.push_back(kill(Term::atom("victim"), Term::atom("planned"), 300));
  plan.faults.push_back(mk(FaultKind::Suspend, Term(b), 100));
  plan.faults.push_back(mk(FaultKind::Resume, Term(b), 200));
  const int64_t t0 = rt.now_ns();
  Pid runner = start_fault_plan(rt, plan);
  rt.run_until_idle();
  QVERIFY(!rt.alive(runner));
  QVERIFY(!rt.alive(a));
  auto faults = faultsIn(drain(rt));
  QCOMPARE(faults.size(), size_t(3));
  const char* order[] = {"suspend", "resume", "kill"};
  const int64_t at[] = {100, 200, 300};
  for (int i = 0; i < 3; ++i) {
    CHECK_STR(std::string(atom_name(faults[i].name)), order[i]);
    QCOMPARE(faults[i].time_ns - t0, at[i] * 1'000'000);
    QVERIFY(faults[i].pid2 == runner);
  }
}

void TestFaults::planJsonRoundTrip() {
  FaultPlan plan = chaosPlan(7);
  plan.faults[0].chaos.scope = ChaosScope::Subtree;
  plan.faults[0].chaos.root = Term::atom("Elixir.KV.Supervisor");
  plan.faults.push_back(kill(Term(Pid::make(1, 84)), Term::tuple({Term::atom("shutdown"), Term::binary("bye, \"you\"")}), 10));
  plan.faults.push_back(flood(Term::atom("consumer"), 500, 250.5, Term::tuple({Term::atom("job"), Term(1)}), 20));
  plan.faults.push_back(delay(Term::atom("a"), Term::atom("b"), 300, 30));
  plan.faults.push_back(delay(Term(), Term(), 5, 40));
  plan.faults.push_back(mk(FaultKind::Suspend, Term::atom("a"), 50));
  plan.faults.push_back(mk(FaultKind::Resume, Term::atom("a"), 60));
  Fault cut = mk(FaultKind::Partition, Term(), 70);
  cut.nodes = {intern("b@host"), intern("c@host")};
  cut.duration_ms = 2500;
  plan.faults.push_back(cut);
  const std::string text = fault_plan_to_json(plan);
  FaultPlan back;
  std::string err;
  QVERIFY2(fault_plan_from_json(text, back, err), err.c_str());
  CHECK_STR(fault_plan_to_json(back), text);
  QCOMPARE(back.faults.size(), size_t(8));
  QCOMPARE(back.faults[7].duration_ms, int64_t(2500));
  QCOMPARE(back.faults[7].nodes.size(), size_t(2));
  QVERIFY(text.find("\"nodes\": [\"b@host\", \"c@host\"]") != std::string::npos);
  CHECK_STR(inspect(back.faults[1].reason), "{:shutdown, \"bye, \\\"you\\\"\"}");
  QCOMPARE(back.faults[2].per_second, 250.5);
  CHECK_STR(inspect(back.faults[0].chaos.root), "KV.Supervisor");
  QVERIFY(text.find("\"kind\": \"chaos\"") != std::string::npos);
  // Files.
  const QString path = QDir::temp().filePath(QStringLiteral("actorscope-plan-rt-%1.json").arg(QCoreApplication::applicationPid()));
  QVERIFY(save_fault_plan(path.toStdString(), plan, err));
  FaultPlan loaded;
  QVERIFY2(load_fault_plan(path.toStdString(), loaded, err), err.c_str());
  CHECK_STR(fault_plan_to_json(loaded), text);
  QFile::remove(path);
}

void TestFaults::partitionForATimeThenHeal() {
  // A partition fault cuts the chosen side from every other live node (R9.3: links across fire
  // :noconnection), traced before it acts; with a duration a healer heals it later (R9.7: the
  // pair connects again on next use, nothing fired comes back).
  Runtime rt(RuntimeOptions{.deterministic = true});
  rt.set_tracing(true);
  auto b = rt.add_node(intern("b@host"));
  auto c = rt.add_node(intern("c@host"));
  SpawnOptions onB;
  onB.node = b;
  Pid remote = rt.spawn_opt(onB, [](Process& self) -> Task<> { (void)co_await self.receive(); });
  Pid local = rt.spawn([](Process& self, Pid peer) -> Task<> {
    self.link(peer);
    (void)co_await self.receive();
  }, remote);
  rt.run_until_idle();
  QVERIFY(rt.connect_nodes(0, c));
  std::string err;
  Fault unknown = mk(FaultKind::Partition, Term());
  unknown.nodes = {intern("z@host")};
  QVERIFY(!inject(rt, unknown, {}, &err));
  CHECK_STR(err, "partition: :z@host is not a live node");
  Fault everyone = mk(FaultKind::Partition, Term());
  everyone.nodes = {rt.nodes()[0], intern("b@host"), intern("c@host")};
  QVERIFY(!inject(rt, everyone, {}, &err));
  CHECK_STR(err, "partition: every live node is on the cut side; nothing is left to cut it from");
  Fault cut = mk(FaultKind::Partition, Term());
  cut.nodes = {intern("b@host")};
  cut.duration_ms = 1000;
  Pid healer;
  QVERIFY2(inject(rt, cut, {}, &err, &healer), err.c_str());
  QVERIFY(healer.valid());
  rt.advance_to(rt.now_ns() + 10'000'000);  // not run_until_idle: it would run the healer's wait too
  QVERIFY(!rt.alive(local));  // R9.3
  QVERIFY(!rt.alive(remote));
  QVERIFY(!rt.nodes_connected(0, b));
  QVERIFY(!rt.connect_nodes(0, b));  // partitioned
  QVERIFY(!rt.connect_nodes(c, b));
  QVERIFY(rt.nodes_connected(0, c));  // the rest stays connected
  rt.advance_to(rt.now_ns() + 1'100'000'000);
  QVERIFY(!rt.alive(healer));
  QVERIFY(rt.connect_nodes(0, b));  // healed: made again on use (R9.7)
  QVERIFY(!rt.alive(local));
  auto faults = faultsIn(drain(rt));
  QCOMPARE(faults.size(), size_t(2));
  CHECK_STR(inspect(Term(faults[0].name)), ":partition");
  CHECK_STR(inspect(faults[0].term), "{[:b@host], 1000}");
  CHECK_STR(inspect(Term(faults[1].name)), ":heal");
  QCOMPARE(faults[1].pid2, healer);
  // One connection only (the graph's cut): b from c, not from node 0; then healed by a Heal fault.
  QVERIFY(rt.connect_nodes(b, c));
  Fault pair = mk(FaultKind::Partition, Term());
  pair.nodes = {intern("b@host")};
  pair.rest = {intern("c@host")};
  QVERIFY2(inject(rt, pair, {}, &err), err.c_str());
  QVERIFY(!rt.nodes_connected(b, c));
  QVERIFY(rt.nodes_connected(0, b));
  QVERIFY(!rt.connect_nodes(b, c));
  Fault both = pair;
  both.rest = {intern("b@host")};
  QVERIFY(!inject(rt, both, {}, &err));
  CHECK_STR(err, "partition: :b@host is on both sides");
  Fault heal = mk(FaultKind::Heal, Term());
  heal.nodes = {intern("c@host")};
  heal.rest = {intern("b@host")};
  QVERIFY2(inject(rt, heal, {}, &err), err.c_str());
  QVERIFY(rt.connect_nodes(b, c));
}

void TestFaults::connectionLatency() {
  // Latency injection per connection (R9): a signal between the two nodes takes that much longer;
  // within a node nothing changes.
  Runtime rt(RuntimeOptions{.deterministic = true});
  rt.set_tracing(true);
  auto b = rt.add_node(intern("b@host"));
  SpawnOptions onB;
  onB.node = b;
  auto sink = [](Process& self, std::vector<int64_t>* at) -> Task<> {
    for (;;) {
      (void)co_await self.receive();
      at->push_back(self.runtime().now_ns());
    }
  };
  std::vector<int64_t> remoteAt, localAt;
  Pid remote = rt.spawn_opt(onB, sink, &remoteAt);
  Pid local = rt.spawn(sink, &localAt);
  auto sender = [](Process& self, Pid a, Pid b) -> Task<> {
    self.send(a, Term(atoms::ok));
    self.send(b, Term(atoms::ok));
    co_return;
  };
  Fault f = mk(FaultKind::Delay, Term());
  f.nodes = {rt.nodes()[0], intern("b@host")};
  f.latency_ms = 500;
  std::string err;
  QVERIFY2(inject(rt, f, {}, &err), err.c_str());
  QCOMPARE(rt.connection_latency_ms(b, 0), int64_t(500));
  const int64_t t0 = rt.now_ns();
  rt.spawn(sender, remote, local);
  rt.run_until_idle();
  QCOMPARE(localAt.size(), size_t(1));
  QCOMPARE(remoteAt.size(), size_t(1));
  QCOMPARE(localAt[0] - t0, int64_t(0));
  QCOMPARE(remoteAt[0] - t0, int64_t(500'000'000));
  auto faults = faultsIn(drain(rt));
  QCOMPARE(faults.size(), size_t(1));
  CHECK_STR(inspect(faults[0].term), "{500, [:nonode@nohost, :b@host]}");
  Fault bad = f;
  bad.nodes = {intern("b@host")};
  QVERIFY(!inject(rt, bad, {}, &err));
  CHECK_STR(err, "delay: a connection is two nodes, got 1");
  f.latency_ms = 0;
  QVERIFY(inject(rt, f, {}, &err));
  QCOMPARE(rt.connection_latency_ms(0, b), int64_t(0));
}

void TestFaults::badPlans_data() {
  QTest::addColumn<QString>("text");
  QTest::addColumn<QString>("error");
  const QString head = QStringLiteral("{\"format\": \"actorscope-fault-plan\", \"version\": 1, \"faults\": [");
  QTest::newRow("not json") << QStringLiteral("{\n  \"format\": \"actorscope-fault-plan\",\n  \"faults\": [}\n")
                            << QStringLiteral("not JSON: line 3, column 14: unexpected character");
  QTest::newRow("not a plan") << QStringLiteral("{\"faults\": []}")
                              << QStringLiteral("not a fault plan: \"format\" must be \"actorscope-fault-plan\"");
  QTest::newRow("future") << QStringLiteral("{\"format\": \"actorscope-fault-plan\", \"version\": 9, \"faults\": []}")
                          << QStringLiteral("fault plan version 9 is newer than this build reads (1)");
  QTest::newRow("no faults") << QStringLiteral("{\"format\": \"actorscope-fault-plan\"}")
                             << QStringLiteral("field \"faults\": expected an array of faults");
  QTest::newRow("bad kind") << head + QStringLiteral("{\"kind\": \"kil\", \"target\": \":a\"}]}")
                            << QStringLiteral("fault 1: field \"kind\": expected kill, flood, delay, suspend, resume, chaos, partition or heal, got \"kil\"");
  QTest::newRow("partition nodes") << head + QStringLiteral("{\"kind\": \"partition\"}]}")
                                   << QStringLiteral("fault 1: field \"nodes\": expected the nodes to cut off");
  QTest::newRow("partition node type") << head + QStringLiteral("{\"kind\": \"partition\", \"nodes\": [3]}]}")
                                       << QStringLiteral("fault 1: field \"nodes\": expected node names (strings such as \"b@host\"), got 3");
  QTest::newRow("no target") << head + QStringLiteral("{\"kind\": \"suspend\"}, {\"kind\": \"kill\"}]}")
                             << QStringLiteral("fault 1: field \"target\": missing");
  QTest::newRow("target type") << head + QStringLiteral("{\"kind\": \"kill\", \"target\": 5}]}")
                               << QStringLiteral("fault 1: field \"target\": expected a name or a pid (\":worker\", \"#PID<0.84.0>\"), got 5");
  QTest::newRow("at_ms type") << head + QStringLiteral("{\"kind\": \"kill\", \"target\": \":a\"}, {\"kind\": \"kill\", \"target\": \":a\", \"at_ms\": \"soon\"}]}")
                              << QStringLiteral("fault 2: field \"at_ms\": expected an integer, got \"soon\"");
  QTest::newRow("at_ms too far") << head + QStringLiteral("{\"kind\": \"kill\", \"target\": \":a\", \"at_ms\": 9223372036854775807}]}")
                                 << QStringLiteral("fault 1: field \"at_ms\": expected a time from 0 to 1000000000 ms, got 9223372036854775807");
  QTest::newRow("bad reason") << head + QStringLiteral("{\"kind\": \"kill\", \"target\": \":a\", \"reason\": \"{:x\"}]}")
                              << QStringLiteral("fault 1: field \"reason\": expected a term in Elixir syntax, got \"{:x\"");
  QTest::newRow("flood count") << head + QStringLiteral("{\"kind\": \"flood\", \"target\": \":a\"}]}")
                               << QStringLiteral("fault 1: field \"count\": expected a count > 0");
  QTest::newRow("chaos scope") << head + QStringLiteral("{\"kind\": \"chaos\", \"scope\": \"everyone\"}]}")
                               << QStringLiteral("fault 1: field \"scope\": expected workers, subtree or all_but_supervisors, got \"everyone\"");
  QTest::newRow("subtree root") << head + QStringLiteral("{\"kind\": \"chaos\", \"scope\": \"subtree\"}]}")
                                << QStringLiteral("fault 1: field \"root\": missing (scope subtree)");
}

void TestFaults::badPlans() {
  QFETCH(QString, text);
  QFETCH(QString, error);
  FaultPlan plan;
  plan.description = "untouched";
  std::string err;
  QVERIFY(!fault_plan_from_json(text.toStdString(), plan, err));
  QCOMPARE(QString::fromStdString(err), error);
  QCOMPARE(plan.description, std::string("untouched"));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
