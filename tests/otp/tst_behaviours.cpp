// tst_behaviours: GenServer, Task, Agent, Registry and Application, rules R8.1 .. R8.5 of
// SEMANTICS.md. Exit terms were checked against elixir 1.14 (see the comments).

#include "otp_helpers.hpp"

using namespace ot;

namespace {

struct Ctx {
  Log log;  // what the server did
  Log out;  // what the driver saw
  Pid server;
  std::atomic<bool> done{false};
};

/// A server: :ping -> :pong; :slow -> no reply; {:crash, r} -> stops with r; cast {:push, x}
/// keeps x; :get -> the pushed items. init logs :init; with `initMode` it stops or ignores.
class Echo final : public GenServer {
 public:
  Echo(Log* log, int initMode = 0) : log_(log), mode_(initMode) {}
  Task<InitResult> init(Process&) override {
    if (log_) log_->push(A("init"));
    if (mode_ == 1) co_return InitResult::stop(A("no_way"));
    if (mode_ == 2) co_return InitResult::ignore();
    if (mode_ == 3) throw ErlangError(A("badarith"));
    co_return InitResult::ok();
  }
  Task<CallResult> handle_call(Process&, const Term& req, const Term&) override {
    if (req.is_atom(intern("ping"))) co_return CallResult::reply(A("pong"));
    if (req.is_atom(intern("slow"))) co_return CallResult::noreply();
    if (req.is_atom(intern("get"))) co_return CallResult::reply(Term::list(items_));
    if (req.is_tagged(intern("crash"), 2)) co_return CallResult::stop(req[1]);
    if (req.is_atom(intern("stop_reply"))) co_return CallResult::stop(A("normal"), A("bye"));
    co_return CallResult::stop(Term::tuple({A("bad_call"), req}));
  }
  Task<NoReplyResult> handle_cast(Process&, const Term& req) override {
    if (req.is_tagged(intern("push"), 2)) items_.push_back(req[1]);
    co_return CallResult::noreply();
  }
  Task<> terminate(Process&, const Term& reason) override {
    if (log_) log_->push(Term::tuple({A("terminate"), reason}));
    co_return;
  }
  Atom module() const override { return intern("Elixir.Echo"); }

 private:
  Log* log_;
  int mode_;
  std::vector<Term> items_;
};

/// Runs `call` and logs its value, or {:exit, reason} when it exits the caller.
Task<> logCall(Process& self, Ctx* c, Term server, Term req, int64_t timeout) {
  try {
    c->out.push(co_await GenServer::call(self, server, req, timeout));
  } catch (const ProcessExit& e) {
    c->out.push(Term::tuple({A("exit"), e.reason()}));
  }
}

Task<> drvStartLink(Process& self, Ctx* c) {
  Term r = co_await GenServer::start_link(self, std::make_unique<Echo>(&c->log));
  c->log.push(A("returned"));
  c->out.push(r);
  c->server = r[1].as_pid();
  c->done = true;
  co_await hang(self);
}

Task<> drvInitModes(Process& self, Ctx* c) {
  self.trap_exit(true);
  for (int mode = 1; mode <= 3; ++mode) c->out.push(co_await GenServer::start_link(self, std::make_unique<Echo>(nullptr, mode)));
  GenServerOptions o;
  o.name = intern("echo");
  Term first = co_await GenServer::start_link(self, std::make_unique<Echo>(nullptr), o);
  c->out.push(first);
  c->out.push(co_await GenServer::start_link(self, std::make_unique<Echo>(nullptr), o));
  co_await logCall(self, c, A("echo"), A("ping"), 5000);
  c->out.push(co_await GenServer::start(self, std::make_unique<Echo>(nullptr, 1)));  // unlinked
  c->done = true;
  co_await hang(self);
}

Task<> drvCalls(Process& self, Ctx* c) {
  Term r = co_await GenServer::start_link(self, std::make_unique<Echo>(&c->log));
  Term s = r[1];
  c->server = s.as_pid();
  co_await logCall(self, c, s, A("ping"), 5000);                // 0 :pong
  int64_t t0 = self.runtime().now_ns();
  co_await logCall(self, c, s, A("slow"), 5000);                // 1 timeout
  c->out.push(Term(static_cast<long long>((self.runtime().now_ns() - t0) / 1'000'000)));  // 2
  co_await logCall(self, c, A("nosuch"), A("x"), 5000);         // 3 noproc by name
  GenServer::cast(self, s, Term::tuple({A("push"), Term(1)}));
  GenServer::cast(self, A("nosuch"), A("x"));                   // never fails
  co_await logCall(self, c, s, A("get"), 5000);                 // 4 [1]
  co_await logCall(self, c, s, A("stop_reply"), 5000);          // 5 :bye, and the server ends :normal
  co_await logCall(self, c, s, A("ping"), 5000);                // 6 noproc (dead pid)
  Term r2 = co_await GenServer::start(self, std::make_unique<Echo>(&c->log));
  Term crash = Term::tuple({A("crash"), A("boom")});
  co_await logCall(self, c, r2[1], crash, kInfinity);  // 7 {:boom, ...}
  Term r3 = co_await GenServer::start(self, std::make_unique<Echo>(&c->log));
  c->out.push(co_await GenServer::stop(self, r3[1]));           // 8 :ok
  try {
    co_await GenServer::stop(self, r3[1]);
  } catch (const ProcessExit& e) {
    c->out.push(e.reason());                                    // 9 noproc
  }
  c->done = true;
  co_await hang(self);
}

Task<> uncaughtCaller(Process& self) { co_await GenServer::call(self, A("nosuch"), A("x")); }

// R8.3
Task<Term> compute(Process&) { co_return Term(42); }
Task<Term> failing(Process& self) {
  co_await self.exit(A("boom"));
  co_return Term();
}
Task<Term> sleepy(Process& self) {
  co_await sleepMs(self, 10000);
  co_return Term(1);
}

Task<> drvTasks(Process& self, Ctx* c, bool trap) {
  self.trap_exit(trap);
  TaskHandle t = OtpTask::async(self, compute);
  c->out.push(co_await OtpTask::await(self, t));                            // 0 42
  c->out.push(Term(t.pid));                                                 // 1
  TaskHandle s = OtpTask::async(self, sleepy);
  try {
    co_await OtpTask::await(self, s, 100);
  } catch (const ProcessExit& e) {
    c->out.push(e.reason());                                                // 2 timeout
  }
  TaskHandle f = OtpTask::async(self, failing);
  c->server = f.pid;
  try {
    co_await OtpTask::await(self, f);
  } catch (const ProcessExit& e) {
    c->out.push(e.reason());                                                // 3 {:boom, {Task, :await, ...}}
  }
  c->done = true;
  co_await hang(self);
}

// R8.4
Task<> drvAgent(Process& self, Ctx* c) {
  Term r = co_await Agent::start_link(self, [] { return Term(1); });
  Term a = r[1];
  c->server = a.as_pid();
  c->out.push(co_await Agent::get_and_update(self, a, [](const Term& x) {
    return Term::tuple({x, Term(x.as_integer() + 1)});
  }));                                                                                  // 1
  c->out.push(co_await Agent::update(self, a, [](const Term& x) { return Term(x.as_integer() + 1); }));  // :ok
  c->out.push(co_await Agent::get(self, a, [](const Term& x) { return x; }));          // 3
  c->out.push(co_await Agent::stop(self, a));                                           // :ok
  c->done = true;
  co_await hang(self);
}

// R8.5
Task<> registrant(Process& self, Term key, Log* out) {
  out->push(co_await Registry::register_key(self, A("reg"), key, A("v")));
  co_await self.receive([](const Term& t) { return t.is_atom(intern("go")); });
}
Task<> drvRegistry(Process& self, Ctx* c) {
  Term r = co_await Registry::start_link(self, intern("reg"));
  Term reg = r[1];
  c->out.push(co_await Registry::register_key(self, reg, Term::binary("mine"), A("v0")));  // 0 {:ok, reg}
  c->out.push(co_await Registry::register_key(self, reg, Term::binary("mine"), A("v0")));  // 1 already
  Pid other = self.spawn(registrant, Term::binary("k"), &c->out);                          // 2 {:ok, reg}
  co_await sleepMs(self, 1);
  c->out.push(co_await Registry::register_key(self, reg, Term::binary("k"), A("x")));      // 3 already (other)
  c->out.push(co_await Registry::lookup(self, reg, Term::binary("k")));                    // 4 [{other, :v}]
  c->out.push(co_await Registry::keys(self, reg, other));                                  // 5 ["k"]
  co_await killAndWait(self, other, A("boom"));
  c->out.push(co_await Registry::lookup(self, reg, Term::binary("k")));                    // 6 []
  c->out.push(co_await Registry::register_key(self, reg, Term::binary("k"), A("x")));      // 7 ok now
  c->out.push(co_await Registry::unregister(self, reg, Term::binary("k")));                // 8 :ok
  c->out.push(co_await Registry::lookup(self, reg, Term::binary("k")));                    // 9 []
  c->out.push(Term(other));                                                                // 10
  c->done = true;
  co_await hang(self);
}

// Application
ApplicationSpec appSpec(Log* log) {
  ApplicationSpec spec;
  spec.name = intern("my_app");
  spec.children = {W("a", log, true), Supervisor::child_spec(A("inner"), {W("b", log, true)})};
  return spec;
}
Task<> drvApp(Process& self, Ctx* c, Log* log) {
  ApplicationSpec spec = appSpec(log);
  c->out.push(co_await Application::start(self, spec));  // 0 {:ok, pid}
  c->out.push(co_await Application::start(self, spec));  // 1 {:error, {:already_started, :my_app}}
  c->out.push(Term(static_cast<long long>(self.runtime().process_count())));  // 2
  c->out.push(co_await Application::stop(self, intern("my_app")));  // 3 :ok
  c->out.push(Term(static_cast<long long>(self.runtime().process_count())));  // 4
  c->out.push(co_await Application::stop(self, intern("my_app")));  // 5 {:error, {:not_started, :my_app}}
  c->done = true;
  co_await hang(self);
}

}  // namespace

class TestBehaviours : public QObject {
  Q_OBJECT

 private slots:
  void r8_1_startLinkLinksAndReturnsAfterInit();
  void r8_1_initStopIgnoreRaiseAndNames();
  void r8_2_callTimeoutNoprocAndServerExit();
  void r8_2_uncaughtCallExitEndsTheCaller();
  void r8_2_callThreaded();
  void r8_3_taskAsyncAwait();
  void r8_3_taskFailureKillsNonTrappingCaller();
  void r8_4_agent();
  void r8_5_registryDropsKeysOfEndedProcess();
  void applicationStartsAndStopsAsAWhole();
  void applicationFromOutside();
};

void TestBehaviours::r8_1_startLinkLinksAndReturnsAfterInit() {
  Runtime rt(det());
  Ctx c;
  Pid drv = rt.spawn(drvStartLink, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(c.log.str(), "[:init, :returned]");
  CHECK_STR(S(c.out.at(0)), "{:ok, " + P(c.server) + "}");
  CHECK_STR(S(rt.info(c.server, atoms::links)), "{:links, [" + P(drv) + "]}");
  // Process.info of a GenServer on the BEAM: "$ancestors" and "$initial_call" {Module, :init, 1}
  CHECK_STR(S(rt.info(c.server, atoms::dictionary)),
            "{:dictionary, [\"$ancestors\": [" + P(drv) + "], \"$initial_call\": {Echo, :init, 1}]}");
}

void TestBehaviours::r8_1_initStopIgnoreRaiseAndNames() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvInitModes, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), "{:error, :no_way}");
  CHECK_STR(S(c.out.at(1)), ":ignore");
  CHECK_STR(S(c.out.at(2)), "{:error, {:badarith, []}}");
  Pid named = c.out.at(3)[1].as_pid();
  CHECK_STR(S(c.out.at(4)), "{:error, {:already_started, " + P(named) + "}}");
  CHECK_STR(S(c.out.at(5)), ":pong");
  CHECK_STR(S(c.out.at(6)), "{:error, :no_way}");
}

void TestBehaviours::r8_2_callTimeoutNoprocAndServerExit() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvCalls, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  std::string s = P(c.server);
  CHECK_STR(S(c.out.at(0)), ":pong");
  // elixir: {:timeout, {GenServer, :call, [#PID<0.103.0>, :slow, 5000]}}
  CHECK_STR(S(c.out.at(1)), "{:exit, {:timeout, {GenServer, :call, [" + s + ", :slow, 5000]}}}");
  CHECK_STR(S(c.out.at(2)), "5000");
  // elixir: {:noproc, {GenServer, :call, [:nosuch, :x, 5000]}}
  CHECK_STR(S(c.out.at(3)), "{:exit, {:noproc, {GenServer, :call, [:nosuch, :x, 5000]}}}");
  CHECK_STR(S(c.out.at(4)), "[1]");
  CHECK_STR(S(c.out.at(5)), ":bye");
  CHECK_STR(S(c.out.at(6)), "{:exit, {:noproc, {GenServer, :call, [" + s + ", :ping, 5000]}}}");
  QVERIFY(S(c.out.at(7)).starts_with("{:exit, {:boom, {GenServer, :call, [#PID<"));
  QVERIFY(S(c.out.at(7)).ends_with(", {:crash, :boom}, :infinity]}}}"));
  CHECK_STR(S(c.out.at(8)), ":ok");
  // elixir: {:noproc, {GenServer, :stop, [#PID<0.104.0>, :normal, :infinity]}}
  QVERIFY(S(c.out.at(9)).starts_with("{:noproc, {GenServer, :stop, [#PID<"));
  QVERIFY(S(c.out.at(9)).ends_with(", :normal, :infinity]}}"));
  QVERIFY(c.log.contains_str("{:terminate, :boom}"));
}

void TestBehaviours::r8_2_uncaughtCallExitEndsTheCaller() {
  Runtime rt(det());
  rt.set_tracing(true);
  Pid p = rt.spawn(uncaughtCaller);
  rt.run_until_idle();
  QVERIFY(!rt.alive(p));
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  std::string reason;
  for (auto& e : evs)
    if (e.kind == TraceKind::Exit && e.a == p) reason = S(e.term);
  CHECK_STR(reason, "{:noproc, {GenServer, :call, [:nosuch, :x, 5000]}}");
}

void TestBehaviours::r8_2_callThreaded() {
  Runtime rt(threaded());
  Ctx c;
  rt.spawn(drvCalls, &c);
  QTRY_VERIFY_WITH_TIMEOUT(c.done, kWait * 2);  // one call waits out its real 5 s timeout
  CHECK_STR(S(c.out.at(0)), ":pong");
  CHECK_STR(S(c.out.at(4)), "[1]");
  CHECK_STR(S(c.out.at(8)), ":ok");
}

void TestBehaviours::r8_3_taskAsyncAwait() {
  Runtime rt(det());
  Ctx c;
  Pid drv = rt.spawn(drvTasks, &c, true);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(S(c.out.at(0)), "42");
  QVERIFY(S(c.out.at(2)).starts_with("{:timeout, {Task, :await, [%{__struct__: Task, mfa: {:erlang, :apply, 2}, owner: " + P(drv)));
  QVERIFY(S(c.out.at(2)).ends_with(", 100]}}"));
  // elixir: {:boom, {Task, :await, [%Task{...}, 5000]}}
  std::string f = S(c.out.at(3));
  QVERIFY2(f.starts_with("{:boom, {Task, :await, [%{__struct__: Task,") && f.ends_with(", 5000]}}"), f.c_str());
  QVERIFY(f.find("pid: " + P(c.server)) != std::string::npos);
}

void TestBehaviours::r8_3_taskFailureKillsNonTrappingCaller() {
  Runtime rt(det());
  rt.set_tracing(true);
  Ctx c;
  Pid drv = rt.spawn(drvTasks, &c, false);
  rt.run_until_idle();
  QVERIFY(!c.done);
  QVERIFY(!rt.alive(drv));
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  std::string reason;
  for (auto& e : evs)
    if (e.kind == TraceKind::Exit && e.a == drv) reason = S(e.term);
  CHECK_STR(reason, ":boom");  // the link killed it before await could
}

void TestBehaviours::r8_4_agent() {
  Runtime rt(det());
  Ctx c;
  rt.spawn(drvAgent, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  CHECK_STR(c.out.str(), "[1, :ok, 3, :ok]");  // as elixir prints them
  QVERIFY(!rt.alive(c.server));
}

void TestBehaviours::r8_5_registryDropsKeysOfEndedProcess() {
  Runtime rt(det());
  Ctx c;
  Pid drv = rt.spawn(drvRegistry, &c);
  rt.run_until_idle();
  QVERIFY(c.done);
  Pid reg = rt.whereis(intern("reg"));
  Pid other = c.out.at(10).as_pid();
  CHECK_STR(S(c.out.at(0)), "{:ok, " + P(reg) + "}");
  CHECK_STR(S(c.out.at(1)), "{:error, {:already_registered, " + P(drv) + "}}");
  CHECK_STR(S(c.out.at(2)), "{:ok, " + P(reg) + "}");
  CHECK_STR(S(c.out.at(3)), "{:error, {:already_registered, " + P(other) + "}}");
  CHECK_STR(S(c.out.at(4)), "[{" + P(other) + ", :v}]");
  CHECK_STR(S(c.out.at(5)), "[\"k\"]");
  CHECK_STR(S(c.out.at(6)), "[]");
  CHECK_STR(S(c.out.at(7)), "{:ok, " + P(reg) + "}");
  CHECK_STR(S(c.out.at(8)), ":ok");
  CHECK_STR(S(c.out.at(9)), "[]");
}

void TestBehaviours::applicationStartsAndStopsAsAWhole() {
  Runtime rt(det());
  Ctx c;
  Log log;
  rt.spawn(drvApp, &c, &log);
  rt.run_until_idle();
  QVERIFY(c.done);
  QVERIFY(c.out.at(0).is_tagged(atoms::ok, 2));
  CHECK_STR(S(c.out.at(1)), "{:error, {:already_started, :my_app}}");
  CHECK_STR(S(c.out.at(2)), "5");  // driver, root, a, inner, b
  CHECK_STR(S(c.out.at(3)), ":ok");
  CHECK_STR(S(c.out.at(4)), "1");
  CHECK_STR(S(c.out.at(5)), "{:error, {:not_started, :my_app}}");
  std::string order;
  for (auto& t : log.items()) order += inspect(t[1]) + (t[0].is_atom(intern("stopping")) ? "-" : "+") + " ";
  CHECK_STR(order, ":a+ :b+ :b- :a- ");
}

void TestBehaviours::applicationFromOutside() {
  Runtime rt(threaded());
  ApplicationSpec spec;
  spec.name = intern("outside_app");
  spec.children = {W("a"), W("b")};
  Pid root = Application::start(rt, spec);
  QVERIFY(root.valid());
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 3, kWait);
  QCOMPARE(rt.whereis(intern("outside_app")), root);
  QVERIFY(!Application::start(rt, spec).valid());
  QVERIFY(Application::stop(rt, intern("outside_app")));
  QTRY_VERIFY_WITH_TIMEOUT(rt.process_count() == 0, kWait);
  QVERIFY(!Application::stop(rt, intern("outside_app")));
}

QTEST_GUILESS_MAIN(TestBehaviours)
#include "tst_behaviours.moc"
