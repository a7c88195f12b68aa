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

/// `key`'s value in `p`'s process dictionary (nil when absent or not alive).
Term dictGet(Runtime& rt, Pid p, const Term& key) {
  Term d = rt.info(p, atoms::dictionary);
  if (!d.is_tuple()) return Term();
  for (auto& kv : d[1].list_elements())
    if (kv[0] == key) return kv[1];
  return Term();
}

int64_t msNs(int64_t ms) { return ms * 1'000'000; }

/// The reason of `p`'s Exit event, "" when it has none.
std::string exitReason(const std::vector<TraceEvent>& evs, Pid p) {
  for (auto& e : evs)
    if (e.kind == TraceKind::Exit && e.a == p) return S(e.term);
  return "";
}

const ConnectionState* connection(Runtime& rt, Runtime::NodeId a, Runtime::NodeId b, std::vector<ConnectionState>& keep) {
  keep = rt.connection_states();
  for (auto& c : keep)
    if (c.a == std::min(a, b) && c.b == std::max(a, b)) return &c;
  return nullptr;
}

bool connectionUp(Runtime& rt, Runtime::NodeId a, Runtime::NodeId b) {
  std::vector<ConnectionState> keep;
  const ConnectionState* c = connection(rt, a, b, keep);
  return c && c->up && !c->partitioned;
}

bool connectionPartitioned(Runtime& rt, Runtime::NodeId a, Runtime::NodeId b) {
  std::vector<ConnectionState> keep;
  const ConnectionState* c = connection(rt, a, b, keep);
  return c && !c->up && c->partitioned;
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
  void netsplitR9();
  void netsplitR9Threaded();
  void netsplitR9UntrappedLinkerDies();
  void remoteSupervisorR9();
  void remoteSupervisorR9Threaded();
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
  CHECK_STR(names, "kv kv-nested monitors trap-exit link-chain strategies restart-storm link-vs-monitor mailbox-flood big-tree netsplit remote-supervisor "
                   "ergo-service ergo-name-monitor ergo-down-overtakes ergo-trapped-kill ergo-node-link ");
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

// ---- netsplit (R9) --------------------------------------------------------------------------------

void TestScenarios::netsplitR9() {
  Runtime rt(det());
  rt.set_tracing(true);
  ScenarioResult r = build_scenario(rt, "netsplit");
  QVERIFY(r.ok);
  std::vector<TraceEvent> evs;

  // R9.1: three named nodes; every process where the description puts it, names per node.
  rt.advance_to(msNs(2500));
  std::vector<Atom> nodes = rt.nodes();
  QCOMPARE(nodes.size(), size_t(3));
  CHECK_STR(S(Term(nodes[0])) + " " + S(Term(nodes[1])) + " " + S(Term(nodes[2])), ":a@host :b@host :c@host");
  const Runtime::NodeId a = 0, b = 1, c = 2;
  QCOMPARE(rt.node_states().size(), size_t(3));
  for (const char* n : {"pinger", "linker", "watcher", "director"}) {
    QVERIFY2(rt.alive(rt.whereis(intern(n), a)), n);
    QCOMPARE(rt.node_of(rt.whereis(intern(n), a)), a);
  }
  Pid echoB = rt.whereis(intern("echo"), b), echoC = rt.whereis(intern("echo"), c);
  Pid partner = rt.whereis(intern("partner"), b), target = rt.whereis(intern("target"), c);
  QVERIFY(echoB.valid() && echoC.valid() && echoB != echoC);
  QVERIFY(!rt.whereis(intern("echo"), a).valid());
  QCOMPARE(rt.node_of(echoB), b);
  QCOMPARE(rt.node_of(partner), b);
  QCOMPARE(rt.node_of(echoC), c);
  QCOMPARE(rt.node_of(target), c);
  Pid pinger = rt.whereis(intern("pinger"), a), linker = rt.whereis(intern("linker"), a),
      watcher = rt.whereis(intern("watcher"), a);
  CHECK_STR(S(rt.info(linker, atoms::links)), "{:links, [" + S(Term(partner)) + "]}");
  // R9.2: the traffic made the connections, b-c too (the relayed pings).
  QVERIFY(connectionUp(rt, a, b) && connectionUp(rt, a, c) && connectionUp(rt, b, c));
  CHECK_STR(S(dictGet(rt, echoB, A("pings"))), "3");
  CHECK_STR(S(dictGet(rt, echoC, A("relays"))), "3");
  CHECK_STR(S(dictGet(rt, pinger, Term::tuple({A("last_pong"), A("c@host")}))), "3");

  // The cut at 3 s: a|{b, c}. R9.3: the link fires on both sides with :noconnection.
  rt.advance_to(msNs(3500));
  rt.drain_trace(evs);
  QVERIFY(connectionPartitioned(rt, a, b) && connectionPartitioned(rt, a, c));
  QVERIFY(connectionUp(rt, b, c));  // the other side of the split still talks
  QVERIFY(!rt.alive(partner));
  CHECK_STR(exitReason(evs, partner), ":noconnection");
  QVERIFY(rt.alive(linker));
  CHECK_STR(S(rt.info(linker, atoms::messages)),
            "{:messages, [{:EXIT, " + S(Term(partner)) + ", :noconnection}]}");
  CHECK_STR(S(rt.info(linker, atoms::links)), "{:links, []}");
  // R9.4, R9.5: the monitor fires although :target lives on; a nodedown for each node.
  QVERIFY(rt.alive(target));
  auto msgs = messagesOf(rt, watcher);
  QCOMPARE(msgs.size(), size_t(3));
  std::vector<std::string> seen;  // b is cut first: {:nodedown, b}, then c's DOWN and nodedown
  for (auto& m : msgs) seen.push_back(m.is_tagged(atoms::DOWN, 5) ? "DOWN " + S(m[3]) + " " + S(m[4]) : S(m));
  std::sort(seen.begin(), seen.end());
  CHECK_STR(seen[0] + "; " + seen[1] + "; " + seen[2],
            "DOWN " + S(Term(target)) + " :noconnection; {:nodedown, :b@host}; {:nodedown, :c@host}");
  CHECK_STR(S(rt.info(watcher, atoms::monitors)), "{:monitors, []}");

  // R9.6: pings sent during the partition are lost without an error; b still relays to c.
  Term pingsAtCut = dictGet(rt, echoB, A("pings"));
  rt.advance_to(msNs(7500));
  QVERIFY(rt.alive(pinger));
  CHECK_STR(S(dictGet(rt, echoB, A("pings"))), S(pingsAtCut));
  CHECK_STR(S(dictGet(rt, pinger, A("sent"))), "8");

  // The heal at 8 s. R9.7: the next ping connects again; nothing that fired comes back.
  rt.advance_to(msNs(9500));
  rt.drain_trace(evs);
  QVERIFY(connectionUp(rt, a, b) && connectionUp(rt, a, c));
  QVERIFY(dictGet(rt, echoB, A("pings")).as_integer() > pingsAtCut.as_integer());
  QVERIFY(dictGet(rt, echoB, A("pings")).as_integer() < dictGet(rt, pinger, A("sent")).as_integer());
  QVERIFY(!rt.alive(partner) && !rt.whereis(intern("partner"), b).valid());
  CHECK_STR(S(rt.info(linker, atoms::links)), "{:links, []}");
  CHECK_STR(S(rt.info(watcher, atoms::monitors)), "{:monitors, []}");
  QCOMPARE(messagesOf(rt, watcher).size(), size_t(3));  // no nodeup: Node.monitor reports downs only
  size_t spawns = 0, connects = 0, heals = 0;
  for (auto& e : evs) {
    spawns += e.kind == TraceKind::Spawn;
    connects += e.kind == TraceKind::Connect;
    heals += e.kind == TraceKind::Heal;
  }
  QCOMPARE(spawns, size_t(8));  // 6 roots, :partner, :target: nothing was spawned again
  QCOMPARE(heals, size_t(2));
  QCOMPARE(connects, size_t(3 + 2));  // a-b, a-c, b-c on first use; a-b, a-c again after the heal
}

void TestScenarios::netsplitR9Threaded() {
  Runtime rt(threaded());
  ScenarioResult r = build_scenario(rt, "netsplit", {{"ping_every_ms", 5}, {"cut_after_ms", 500}, {"heal_after_ms", 50}});
  QVERIFY(r.ok);
  Pid linker = r.roots[3], partner;
  QTRY_VERIFY_WITH_TIMEOUT((partner = rt.whereis(intern("partner"), 1)).valid(), kWait);
  QCOMPARE(rt.whereis(intern("linker"), 0), linker);
  QTRY_VERIFY_WITH_TIMEOUT(!rt.alive(partner) && messagesOf(rt, linker).size() == 1, kWait);  // R9.3
  CHECK_STR(S(messagesOf(rt, linker)[0]), "{:EXIT, " + S(Term(partner)) + ", :noconnection}");
  QTRY_VERIFY_WITH_TIMEOUT(messagesOf(rt, rt.whereis(intern("watcher"), 0)).size() == 3, kWait);  // R9.4, R9.5
  QVERIFY(rt.alive(rt.whereis(intern("target"), 2)));
  QTRY_VERIFY_WITH_TIMEOUT(connectionUp(rt, 0, 1) && connectionUp(rt, 0, 2), kWait);  // R9.7: healed, used again
  QVERIFY(!rt.whereis(intern("partner"), 1).valid());
}

void TestScenarios::netsplitR9UntrappedLinkerDies() {
  // The description's "Try": untrapped, :linker dies with :noconnection too (R9.3).
  Runtime rt(det());
  rt.set_tracing(true);
  QVERIFY(build_scenario(rt, "netsplit").ok);
  rt.advance_to(msNs(1000));
  Pid linker = rt.whereis(intern("linker"), 0);
  QCOMPARE(rt.set_trap_exit(linker, false), std::optional<bool>(true));
  rt.advance_to(msNs(3500));
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  QVERIFY(!rt.alive(linker));
  CHECK_STR(exitReason(evs, linker), ":noconnection");
}

// ---- remote-supervisor (R9) -------------------------------------------------------------------------

void TestScenarios::remoteSupervisorR9() {
  Runtime rt(det());
  rt.set_tracing(true);
  ScenarioResult r = build_scenario(rt, "remote-supervisor");
  QVERIFY(r.ok);
  std::vector<TraceEvent> evs;

  // R9.1: the supervisor on a, its remote children on b, linked across the connection.
  rt.advance_to(msNs(2900));
  std::vector<Atom> nodes = rt.nodes();
  QCOMPARE(nodes.size(), size_t(2));
  CHECK_STR(S(Term(nodes[0])) + " " + S(Term(nodes[1])), ":a@host :b@host");
  const Runtime::NodeId a = 0, b = 1;
  Pid sup = rt.whereis(intern("remote_sup"), a), local = rt.whereis(intern("local_worker"), a);
  QVERIFY(sup == r.roots[0] && rt.alive(local));
  Pid remote1 = rt.whereis(intern("remote_1"), b), remote2 = rt.whereis(intern("remote_2"), b),
      trapper = rt.whereis(intern("remote_trapper"), b);
  for (Pid p : {remote1, remote2, trapper}) {
    QVERIFY(rt.alive(p));
    QCOMPARE(rt.node_of(p), b);
    CHECK_STR(S(rt.info(p, atoms::links)), "{:links, [" + S(Term(sup)) + "]}");
  }
  QVERIFY(connectionUp(rt, a, b));  // R9.2: made by the remote spawns

  // The cut at 3 s. R9.3: the links fire on both sides; each remote restart is a dead pid that
  // exits with :noconnection at once, until the intensity (3 in 5 s) is reached.
  rt.advance_to(msNs(3100));
  rt.drain_trace(evs);
  QVERIFY(connectionPartitioned(rt, a, b));
  QVERIFY(!rt.alive(sup));
  CHECK_STR(exitReason(evs, sup), ":shutdown");
  CHECK_STR(exitReason(evs, remote1), ":noconnection");
  CHECK_STR(exitReason(evs, remote2), ":noconnection");
  CHECK_STR(exitReason(evs, local), ":shutdown");  // stopped by the supervisor giving up
  size_t restarts = 0, giveUps = 0;
  for (auto& e : evs) {
    if (e.kind == TraceKind::Restart && e.a == sup) {
      ++restarts;
      QVERIFY2(e.term[1].is_atom(intern("noconnection")), S(e.term).c_str());
      QVERIFY(!rt.alive(e.b));  // the restarted child never ran: b cannot be reached
    }
    if (e.kind == TraceKind::GiveUp && e.a == sup) {
      ++giveUps;
      CHECK_STR(S(e.term[3]), ":noconnection");
    }
  }
  QCOMPARE(restarts, size_t(3));
  QCOMPARE(giveUps, size_t(1));
  // The trapping child survives, orphaned, with the supervisor's :noconnection in its mailbox.
  QVERIFY(rt.alive(trapper));
  CHECK_STR(S(rt.info(trapper, atoms::messages)), "{:messages, [{:EXIT, " + S(Term(sup)) + ", :noconnection}]}");
  CHECK_STR(S(rt.info(trapper, atoms::links)), "{:links, []}");

  // The heal at 6 s. R9.7: nothing comes back; the connection is made again on next use.
  rt.run_until_idle();
  rt.drain_trace(evs);
  QVERIFY(rt.now_ns() >= msNs(6000));
  QVERIFY(!connectionPartitioned(rt, a, b));
  QVERIFY(!rt.whereis(intern("remote_sup"), a).valid());
  QVERIFY(!rt.whereis(intern("remote_1"), b).valid() && !rt.whereis(intern("remote_2"), b).valid());
  QVERIFY(rt.alive(trapper));
  QCOMPARE(rt.process_count(), size_t(1));  // the orphan
  QVERIFY(rt.connect_nodes(a, b));
  QVERIFY(connectionUp(rt, a, b));
}

void TestScenarios::remoteSupervisorR9Threaded() {
  Runtime rt(threaded());
  rt.set_tracing(true);
  // The cut is made by the test once the trapper traps exits (no race with a timer on a loaded machine).
  ScenarioResult r = build_scenario(rt, "remote-supervisor", {{"cut_after_ms", 0}});
  QVERIFY(r.ok);
  auto trapping = [&] {
    Pid t = rt.whereis(intern("remote_trapper"), 1);
    return t.valid() && inspect(rt.info(t, intern("trap_exit"))) == "{:trap_exit, true}";
  };
  QTRY_VERIFY_WITH_TIMEOUT(trapping(), kWait);
  rt.partition(0, 1);
  // The supervisor gives up (its restarts on b give dead pids) before the heal: nothing comes back.
  QTRY_VERIFY_WITH_TIMEOUT(!rt.whereis(intern("remote_sup")).valid(), kWait);
  rt.heal(0, 1);
  QVERIFY(!connectionPartitioned(rt, 0, 1));
  QVERIFY(rt.whereis(intern("remote_trapper"), 1).valid());  // the orphan on b lives on
  // R9.3: the cut broke their links to the supervisor; its later unlinks (giving up) cannot take
  // their :noconnection back. They end on their own threads: waited for, not assumed.
  for (const char* gone : {"remote_1", "remote_2"}) QTRY_VERIFY_WITH_TIMEOUT(!rt.whereis(intern(gone), 1).valid(), kWait);
  QTRY_VERIFY_WITH_TIMEOUT(!rt.whereis(intern("local_worker")).valid(), kWait);
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  QCOMPARE(countRestarts(evs, r.roots[0]), size_t(3));
  CHECK_STR(exitReason(evs, r.roots[0]), ":shutdown");
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
