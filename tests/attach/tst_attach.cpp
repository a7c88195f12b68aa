// Attach to real Erlang nodes (erl on loopback, started here with their own epmd and cookie):
// the picture equals what the node reports, a kill is followed by the exit and the restart,
// errors name their cause, the node's death is noticed, and detach leaves nothing behind.

#include "actorscope/attach.hpp"
#include "actorscope/process_graph.hpp"
#include "actorscope/recording.hpp"

#include "erl_node.hpp"
#include "../common/tsan_qt.hpp"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>

#include <map>
#include <set>
#include <sstream>

using namespace actorscope;
using attach::Client;
using attach::Failure;

namespace {

const QString kCookie = QStringLiteral("actorscope_test_cookie");

QString text(const Client& c, Pid p) { return QString::fromStdString(c.pid_text(p)).mid(4); }  // "<0.85.0>"

/// The node's own report: pid text -> (name, sorted links, trap).
struct Reported {
  QString name;
  QStringList links;
  bool trap = false;
  QString app;  // an application master: its application
};
std::map<QString, Reported> report(ErlNode& node) {
  std::map<QString, Reported> out;
  for (const QString& line : node.ask(QStringLiteral("report"))) {
    const QStringList f = line.split(QLatin1Char(' '));
    if (f.size() != 5) continue;
    Reported r;
    r.name = f[1].mid(5);
    r.links = f[2].mid(6).split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.links.sort();
    r.trap = f[3] == QStringLiteral("trap=true");
    r.app = f[4].mid(4);
    out[f[0]] = r;
  }
  return out;
}

/// Takes batches into `graph` and `events` until `done()` or the timeout; the first batch's full
/// snapshot starts the graph.
struct Feed {
  explicit Feed(Client& c) : take([&c] { return c.take(); }) {}
  explicit Feed(attach::Session& s) : take([&s] { return s.take(); }) {}
  std::function<attach::Batch()> take;
  ProcessGraph graph;
  std::vector<TraceEvent> events;
  attach::AgentStats stats;
  bool lost = false;
  std::string error;

  bool until(const std::function<bool()>& done, int timeout_ms = 30'000) {
    QDeadlineTimer deadline(timeout_ms);
    for (;;) {
      attach::Batch b = take();
      if (b.snapshot) {
        if (b.full) graph.resync(*b.snapshot);
        else graph.refresh_fields(*b.snapshot, true);
      }
      for (const TraceEvent& e : b.events) graph.apply(e);
      stats = b.stats;
      events.insert(events.end(), b.events.begin(), b.events.end());
      if (b.lost) {
        lost = true;
        error = b.error;
      }
      if (done()) return true;
      if (deadline.hasExpired()) return false;
      QTest::qWait(20);
    }
  }

  Pid named(const char* name) const {
    const Atom a = intern(name);
    for (const auto& [serial, r] : graph.processes())
      if (r.name == a) return r.pid;
    return {};
  }

  /// Index of the first event after `from` that matches.
  long find(const std::function<bool(const TraceEvent&)>& match, long from = 0) const {
    for (size_t i = size_t(std::max(0L, from)); i < events.size(); ++i)
      if (match(events[i])) return long(i);
    return -1;
  }
};

}  // namespace

class TstAttach : public QObject {
  Q_OBJECT

  PrivateEpmd epmd_;
  int nodes_ = 0;

  QString nextName() { return QStringLiteral("attach%1_%2").arg(QCoreApplication::applicationPid()).arg(nodes_++); }

  attach::Options options(const ErlNode& n) {
    attach::Options o;
    o.node = n.name().toStdString();
    o.cookie = kCookie.toStdString();
    return o;
  }

private slots:
  void initTestCase() { QVERIFY2(epmd_.start(43'000), "epmd did not start (is erlang-base installed?)"); }
  void cleanupTestCase() { epmd_.stop(); }

  // The first picture is the node's: every process it reports, with its name, links and trap_exit.
  void thePictureIsTheNodes() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    Failure why{};
    QVERIFY2(client.connect(options(node), error, &why), error.c_str());
    QCOMPARE(client.node().name, node.name().toStdString());
    QVERIFY2(client.node().tracer_nif, "the agent's tracer NIF did not load on a node of this machine");
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.graph.processes().size() > 0; }));
    const auto reported = report(node);
    QVERIFY(reported.size() > 20);  // the kernel's processes and the demo
    int compared = 0, masters = 0;
    for (const auto& [pidText, r] : reported) {
      if (r.name == QStringLiteral("actorscope_agent")) continue;
      const ProcessRecord* rec = nullptr;
      for (const auto& [serial, p] : feed.graph.processes())
        if (text(client, p.pid) == pidText) rec = &p;
      if (!rec) continue;  // the agent's own helpers are not shown
      ++compared;
      QCOMPARE(rec->name == atoms::nil ? QString() : QString::fromStdString(std::string(atom_name(rec->name))), r.name);
      QStringList links;
      for (Pid l : rec->links) links << text(client, l);
      links.sort();
      QCOMPARE(links, r.links);
      QCOMPARE(rec->trap_exit, r.trap);
      if (!r.app.isEmpty()) {  // an application master is labelled with its application, in the snapshot
        QVERIFY2(rec->label.is_atom() && QString::fromStdString(std::string(atom_name(rec->label.as_atom()))) == r.app,
                 qPrintable(pidText + QStringLiteral(" should be labelled ") + r.app));
        ++masters;
      }
    }
    QVERIFY(masters >= 1);  // kernel's at least
    QVERIFY2(compared >= int(reported.size()) - 3, qPrintable(QStringLiteral("%1 of %2 processes in the picture").arg(compared).arg(reported.size())));
    // The tree: demo_sup is a supervisor, its children are w1..w3 with their child ids.
    const Pid sup = feed.named("demo_sup");
    QVERIFY(sup.valid());
    QVERIFY(feed.graph.find(sup)->supervisor);
    QVERIFY(feed.until([&] {
      const std::pair<const char*, const char*> kids[] = {{"w1", "first"}, {"w2", "second"}, {"w3", "third"}};
      for (const auto& [name, id] : kids) {
        const ProcessRecord* r = feed.graph.find(feed.named(name));
        if (!r || r->parent != sup || !r->label.is_atom() || atom_name(r->label.as_atom()) != id) return false;
      }
      return true;
    }));
    // An application started later: its master is labelled when a poll first sees it.
    const QStringList started = node.ask(QStringLiteral("start_app sasl"));
    QVERIFY2(started.size() == 1 && started[0].startsWith(QStringLiteral("ok ")), qPrintable(started.join(QLatin1Char('|'))));
    const QString master = started[0].mid(3);
    QVERIFY2(feed.until([&] {
      for (const auto& [serial, p] : feed.graph.processes())
        if (text(client, p.pid) == master) return p.label.is_atom(intern("sasl"));
      return false;
    }), qPrintable(QStringLiteral("sasl's master %1 not labelled").arg(master)));
    client.detach();
  }

  // Kill a worker from the observer: the kill leaves the observer, the worker exits with the
  // reason, its EXIT reaches the trapping supervisor, and the supervisor restarts it.
  void killAWorkerThenItRestarts() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    QVERIFY2(client.connect(options(node), error), error.c_str());
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.named("w1").valid() && feed.named("demo_sup").valid(); }));
    const Pid w1 = feed.named("w1"), sup = feed.named("demo_sup");
    const size_t before = feed.events.size();
    bool replied = false, ok = false;
    client.exit(w1, Term::atom("boom"), [&](attach::Reply r) {
      ok = r.ok;
      replied = true;
    });
    QVERIFY(feed.until([&] {
      return feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Restart && e.a == sup && e.pid2 == w1; }, long(before)) >= 0;
    }));
    QTRY_VERIFY_WITH_TIMEOUT(replied, 30'000);
    QVERIFY(ok);
    const long kill = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalSent && !e.a.valid() && e.b == w1; }, long(before));
    const long killed = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalDelivered && e.b == w1 && e.outcome == SignalOutcome::Killed; }, long(before));
    const long exit = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == w1; }, long(before));
    const long toSup = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalSent && e.a == w1 && e.b == sup; }, long(before));
    const long trapped = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalDelivered && e.a == w1 && e.b == sup && e.outcome == SignalOutcome::Trapped; }, long(before));
    const long restart = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Restart && e.pid2 == w1; }, long(before));
    QVERIFY(kill >= 0 && killed > kill && exit > killed && toSup > exit && trapped > toSup && restart > trapped);
    QCOMPARE(inspect(feed.events[size_t(exit)].term), std::string(":boom"));
    const Pid fresh = feed.events[size_t(restart)].b;
    QVERIFY(fresh.valid() && fresh != w1);
    // The node agrees: w1 is the new pid.
    QCOMPARE(node.ask(QStringLiteral("whereis w1")).value(0), text(client, fresh));
    QVERIFY(feed.until([&] { return feed.named("w1") == fresh; }));
    client.detach();
  }

  // A DOWN and a trapped EXIT reach the processes that hold the monitor and the link.
  void downAndTrappedExitArrive() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    QVERIFY2(client.connect(options(node), error), error.c_str());
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.named("w2").valid() && feed.named("w3").valid() && feed.named("watcher").valid(); }));
    const Pid w2 = feed.named("w2"), w3 = feed.named("w3"), watcher = feed.named("watcher"), trapper = feed.named("trapper");
    QVERIFY(feed.until([&] {
      const ProcessRecord* w = feed.graph.find(watcher);
      return w && !w->monitors.empty();
    }));
    client.exit(w2, Term::atom("shutdown_test"));
    client.exit(w3, Term::atom("kill"));
    QVERIFY(feed.until([&] {
      return feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalDelivered && e.signal == SignalType::Down && e.a == w2 && e.b == watcher && e.outcome == SignalOutcome::DownQueued; }) >= 0 &&
             feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::SignalDelivered && e.signal == SignalType::Exit && e.a == w3 && e.b == trapper && e.outcome == SignalOutcome::Trapped; }) >= 0;
    }));
    const long killedW3 = feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == w3; });
    QVERIFY(killedW3 >= 0);
    QCOMPARE(inspect(feed.events[size_t(killedW3)].term), std::string(":killed"));
    client.detach();
  }

  void readOnlyRefusesActions() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    attach::Options o = options(node);
    o.read_only = true;
    o.tracer_nif = false;  // and the agent traces as a process, as where its NIF does not load
    QVERIFY2(client.connect(o, error), error.c_str());
    QVERIFY(!client.node().tracer_nif);
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.named("w1").valid(); }));
    const Pid w1 = feed.named("w1");
    bool replied = false;
    attach::Reply reply;
    client.exit(w1, Term::atom("kill"), [&](attach::Reply r) {
      reply = r;
      replied = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(replied, 30'000);
    QVERIFY(!reply.ok);
    QVERIFY2(reply.error.find("read-only") != std::string::npos, reply.error.c_str());
    QCOMPARE(node.ask(QStringLiteral("whereis w1")).value(0), text(client, w1));  // still the same process
    client.detach();
  }

  void errorsNameTheCause() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    struct Case {
      std::string node, cookie;
      Failure why;
      const char* says;
    };
    const std::string alive = node.name().section(QLatin1Char('@'), 0, 0).toStdString();
    const Case cases[] = {
        {"justaname", "c", Failure::BadName, "name@host"},
        {node.name().toStdString(), "wrong_cookie", Failure::CookieRefused, "cookie"},
        {"nosuchnode@localhost", kCookie.toStdString(), Failure::NoSuchNode, alive.c_str()},  // lists the ones it knows
        {alive + "@no-such-host.invalid", kCookie.toStdString(), Failure::UnknownHost, "does not resolve"},
    };
    for (const Case& c : cases) {
      Client client;
      attach::Options o;
      o.node = c.node;
      o.cookie = c.cookie;
      o.timeout_ms = 5000;
      std::string error;
      Failure why = Failure::None;
      QVERIFY(!client.connect(o, error, &why));
      QVERIFY2(why == c.why, (c.node + ": " + attach::to_string(why) + ": " + error).c_str());
      QVERIFY2(error.find(c.says) != std::string::npos, error.c_str());
    }
    {  // an event rate of 0: refused before anything reaches the node
      Client client;
      attach::Options o = options(node);
      o.max_events_per_s = 0;
      std::string error;
      Failure why = Failure::None;
      QVERIFY(!client.connect(o, error, &why));
      QVERIFY2(why == Failure::BadOptions, error.c_str());
      QVERIFY2(error.find("max_events_per_s") != std::string::npos, error.c_str());
    }
    // epmd not running: a port where no epmd listens.
    qputenv("ERL_EPMD_PORT", QByteArray::number(epmd_.port() + 1));
    Client client;
    std::string error;
    Failure why = Failure::None;
    QVERIFY(!client.connect(options(node), error, &why));
    qputenv("ERL_EPMD_PORT", QByteArray::number(epmd_.port()));
    QVERIFY2(why == Failure::EpmdDown, error.c_str());
    QVERIFY2(error.find("epmd") != std::string::npos, error.c_str());
    // The failed attempts left nothing on the node.
    QCOMPARE(node.ask(QStringLiteral("clean")).value(0), QStringLiteral("agent_loaded=false traced=0"));
  }

  // The node is killed mid-session: the session says so and keeps the last picture.
  void nodeKilledMidSession() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    QVERIFY2(client.connect(options(node), error), error.c_str());
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.named("w1").valid(); }));
    const size_t shown = feed.graph.processes().size();
    node.kill();
    QVERIFY(feed.until([&] { return feed.lost; }));
    QVERIFY2(feed.error.find("went away") != std::string::npos, feed.error.c_str());
    QVERIFY(!client.connected());
    QCOMPARE(feed.graph.processes().size(), shown);
    bool replied = false;
    attach::Reply reply;
    client.exit(feed.named("w1"), Term::atom("kill"), [&](attach::Reply r) {
      reply = r;
      replied = true;
    });
    QVERIFY(replied && !reply.ok);
  }

  // Detach removes the agent and every trace flag; a second attach works after it.
  void detachLeavesNothing() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    {
      Client client;
      std::string error;
      QVERIFY2(client.connect(options(node), error), error.c_str());
      QCOMPARE(node.ask(QStringLiteral("clean")).value(0).left(18), QStringLiteral("agent_loaded=true "));
      Client second;
      Failure why{};
      QVERIFY(!second.connect(options(node), error, &why));
      QVERIFY2(why == Failure::AlreadyAttached, error.c_str());
      client.detach();
    }
    QTRY_COMPARE_WITH_TIMEOUT(node.ask(QStringLiteral("clean")).value(0), QStringLiteral("agent_loaded=false traced=0"), 30'000);
    // The observer vanishes without detaching (a crash): the agent notices and cleans up.
    {
      Client client;
      std::string error;
      QVERIFY2(client.connect(options(node), error), error.c_str());
      QCOMPARE(node.ask(QStringLiteral("clean")).value(0).left(18), QStringLiteral("agent_loaded=true "));
      client.abandon();
    }
    QTRY_COMPARE_WITH_TIMEOUT(node.ask(QStringLiteral("clean")).value(0), QStringLiteral("agent_loaded=false traced=0"), 30'000);
  }

  // The console evaluates on the node: Erlang on an Erlang node, Elixir where Elixir runs, with
  // the value and the errors as the shells print them, and what the code prints.
  void consoleEvaluatesOnTheNode() {
    for (const bool elixir : {false, true}) {
      ErlNode node;
      QString err;
      QVERIFY2(node.start(nextName(), kCookie, err, elixir), qPrintable(err));
      Client client;
      std::string error;
      QVERIFY2(client.connect(options(node), error), error.c_str());
      QCOMPARE(client.node().elixir, elixir);
      auto eval = [&](const std::string& text) {
        bool replied = false;
        attach::Reply reply;
        client.eval(elixir, text, [&](attach::Reply r) {
          reply = r;
          replied = true;
        });
        for (QDeadlineTimer d(30'000); !replied && !d.hasExpired();) QTest::qWait(10);
        return reply;
      };
      attach::Reply r = eval(elixir ? "Enum.sum([1, 2, 3]) * 2" : "lists:sum([1, 2, 3]) * 2.");
      QVERIFY2(r.ok, r.error.c_str());
      QCOMPARE(std::string(r.value.as_binary()), std::string("12"));
      r = eval(elixir ? "Process.whereis(:demo_sup) |> is_pid()" : "is_pid(whereis(demo_sup)).");
      QVERIFY2(r.ok, r.error.c_str());
      QCOMPARE(std::string(r.value.as_binary()), std::string("true"));
      r = eval(elixir ? "1 / 0" : "1 / 0.");
      QVERIFY(!r.ok);
      QVERIFY2(r.error.find(elixir ? "** (ArithmeticError) bad argument in arithmetic expression" : "** exception error: an error occurred when evaluating an arithmetic expression") != std::string::npos,
               r.error.c_str());
      QVERIFY(r.output.empty());
      r = eval(elixir ? "IO.puts(\"r\u00e9sum\u00e9\"); :ok" : "io:format(\"~ts~n\", [<<\"r\\x{e9}sum\\x{e9}\"/utf8>>]), ok.");
      QVERIFY2(r.ok, r.error.c_str());
      QCOMPARE(std::string(r.value.as_binary()), std::string(elixir ? ":ok" : "ok"));
      QCOMPARE(r.output, std::string("r\u00e9sum\u00e9\n"));
      client.detach();
    }
  }

  // --attach NODE --record FILE --duration MS --headless: an ordinary recording of the node.
  void headlessRecordingOfANode() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    const QString path = QDir::temp().filePath(QStringLiteral("actorscope_attach_%1.jsonl").arg(QCoreApplication::applicationPid()));
    std::ostringstream out, errors;
    QCOMPARE(attach::record_attached(options(node), 1500, path.toStdString(), out, errors), 0);
    QVERIFY2(errors.str().empty(), errors.str().c_str());
    const auto loaded = load_recording(path.toStdString());
    QFile::remove(path);
    QVERIFY(loaded.errors.empty());
    const Recording& rec = loaded.recording;
    QVERIFY(rec.info.created_by.find(node.name().toStdString()) != std::string::npos);
    bool sup = false;
    for (const ProcessSnapshot& p : rec.initial.state.processes) sup = sup || (p.name != atoms::nil && atom_name(p.name) == "demo_sup");
    QVERIFY(sup);
    QVERIFY(rec.initial.state.processes.size() > 20);
    QCOMPARE(node.ask(QStringLiteral("clean")).value(0), QStringLiteral("agent_loaded=false traced=0"));
  }

  // Over its rate the agent samples whole lives (docs/attach-protocol.md, Load limits): what it
  // leaves out is counted, and the picture never keeps a process that ended.
  void samplingKeepsWholeLives() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    Client client;
    std::string error;
    attach::Options o = options(node);
    o.max_events_per_s = 2000;
    QVERIFY2(client.connect(o, error), error.c_str());
    Feed feed(client);
    QVERIFY(feed.until([&] { return feed.named("demo_sup").valid(); }));
    const QString churned = node.ask(QStringLiteral("churn 20000 1500")).value(0);
    QVERIFY2(churned.startsWith(QStringLiteral("ok ")), qPrintable(churned));
    uint64_t dropped = 0;
    QVERIFY(feed.until([&] {
      dropped = feed.stats.dropped;
      const auto reported = report(node);
      for (const auto& [serial, r] : feed.graph.processes())
        if (!reported.count(text(client, r.pid)) && r.name != intern("actorscope_agent")) return false;
      return dropped > 0;
    }, 60'000));
    QVERIFY(dropped > 1000);
    client.detach();
  }

  // A cluster in one picture (a Session of two nodes): the first node's agent lists the other
  // among its connected nodes; each node's processes on their node id,
  // the nodes named and connected, a link across them joining the two processes each node
  // reports, one seq order; a command goes to the node that runs the process, and an exit there
  // reaches the linked process on the other node.
  void aClusterIsOnePicture() {
    ErlNode node;
    QString err;
    QVERIFY2(node.start(nextName(), kCookie, err), qPrintable(err));
    const QString peer = nextName();
    const QStringList started = node.ask(QStringLiteral("peer ") + peer);
    QVERIFY2(started.value(0).startsWith(QStringLiteral("ok ")), qPrintable(started.join(QLatin1Char('\n'))));
    const QString peerNode = peer + QStringLiteral("@localhost");
    const QStringList linked = node.ask(QStringLiteral("remote_link ") + peerNode);
    QVERIFY2(linked.value(0).startsWith(QStringLiteral("ok ")), qPrintable(linked.join(QLatin1Char('\n'))));
    attach::Session session;
    std::string error;
    auto first = session.new_client();
    QVERIFY2(first->connect(options(node), error), error.c_str());
    const auto& listed = first->node().nodes;
    QVERIFY2(std::find(listed.begin(), listed.end(), peerNode.toStdString()) != listed.end(), qPrintable(QString::number(listed.size())));
    session.adopt(std::move(first));
    Feed feed(session);
    QVERIFY(feed.until([&] { return feed.named("linker").valid(); }));
    QVERIFY(!feed.named("remote_sleeper").valid());  // the peer is not attached yet
    auto second = session.new_client();
    attach::Options o = options(node);
    o.node = peerNode.toStdString();
    QVERIFY2(second->connect(o, error), error.c_str());
    session.adopt(std::move(second));
    QCOMPARE(session.size(), size_t(2));
    QVERIFY(session.attached(peerNode.toStdString()));
    auto has = [](const std::vector<Pid>& v, Pid p) { return std::find(v.begin(), v.end(), p) != v.end(); };
    QVERIFY(feed.until([&] {
      const Pid remote = feed.named("remote_sleeper");
      const ProcessRecord* l = feed.graph.find(feed.named("linker"));
      const ProcessRecord* r = remote.valid() ? feed.graph.find(remote) : nullptr;
      return r && l && r->node == 1 && l->node == 0 && has(l->links, remote) && has(r->links, l->pid);
    }));
    const Pid linker = feed.named("linker"), remote = feed.named("remote_sleeper");
    QCOMPARE(feed.graph.nodes().size(), size_t(2));
    QCOMPARE(std::string(atom_name(feed.graph.node_name(1))), peerNode.toStdString());
    QCOMPARE(std::string(atom_name(feed.graph.node_name(0))), session.client(0).node().name);
    QVERIFY(std::any_of(feed.graph.connections().begin(), feed.graph.connections().end(),
                        [](const ConnectionState& c) { return c.a == 0 && c.b == 1 && c.up; }));
    size_t onPeer = 0;
    for (const auto& [serial, r] : feed.graph.processes()) {
      QCOMPARE(session.owner(r.pid), &session.client(r.node));
      onPeer += r.node == 1;
    }
    QVERIFY(onPeer >= 10);  // the peer's kernel and the sleeper
    QCOMPARE(session.owner(linker), &session.client(0));
    QCOMPARE(session.owner(remote), &session.client(1));
    // the peer's agent reports the remote process's end; the demo's, the linked one's
    bool replied = false, ok = false;
    session.owner(remote)->exit(remote, Term::atom("boom"), [&](attach::Reply r) {
      ok = r.ok;
      replied = true;
    });
    QVERIFY(feed.until([&] { return feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == remote; }) >= 0; }));
    QVERIFY(feed.until([&] { return feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == linker; }) >= 0; }));
    QTRY_VERIFY_WITH_TIMEOUT(replied, 30'000);
    QVERIFY(ok);
    QVERIFY(!feed.graph.find(remote) && !feed.graph.find(linker));
    for (size_t i = 1; i < feed.events.size(); ++i) QVERIFY(feed.events[i].seq > feed.events[i - 1].seq);
    for (size_t i = 1; i < feed.events.size(); ++i) QVERIFY(feed.events[i].time_ns >= feed.events[i - 1].time_ns);
    // The peer goes away: its region is down, its processes end (:noconnection), the first node
    // stays; attached again, it takes its old node id and comes back to life.
    auto onNode = [&](uint16_t n) {
      size_t c = 0;
      for (const auto& [serial, r] : feed.graph.processes()) c += r.node == n;
      return c;
    };
    QCOMPARE(node.ask(QStringLiteral("halt ") + peerNode).value(0), QStringLiteral("ok"));
    QVERIFY(feed.until([&] { return session.lost(1) && !feed.graph.nodes().at(1).alive && onNode(1) == 0; }));
    QVERIFY(onNode(0) > 10 && session.owner(feed.named("demo_sup")) == &session.client(0));
    QVERIFY(feed.find([](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.term.is_atom(intern("noconnection")); }) >= 0);
    QVERIFY(!session.attached(peerNode.toStdString()));
    const QStringList again = node.ask(QStringLiteral("peer ") + peer);
    QVERIFY2(again.value(0).startsWith(QStringLiteral("ok ")), qPrintable(again.join(QLatin1Char('\n'))));
    auto third = session.new_client();
    QVERIFY2(third->connect(o, error), error.c_str());
    session.adopt(std::move(third));
    QCOMPARE(session.size(), size_t(2));
    QVERIFY(feed.until([&] { return !session.lost(1) && feed.graph.nodes().size() == 2 && feed.graph.nodes().at(1).alive && onNode(1) > 10; }));

    // The first node's connection lost (as a partition cuts it off; the node runs on): the peer's
    // picture goes on, the first node's processes end (:noconnection, R9.3 as the nodes still
    // attached see it), the session is not lost. Attached again, it takes node id 0 again and its
    // processes, the same pids, come back as new ones (R9.7: the ended ones stay ended).
    const Pid sup = feed.named("demo_sup");
    QVERIFY(sup.valid());
    const size_t mark = feed.events.size();
    QCOMPARE(node.ask(QStringLiteral("cut_hidden")).value(0), QStringLiteral("ok 1"));
    QVERIFY(feed.until([&] { return session.lost(0) && !feed.graph.nodes().at(0).alive && onNode(0) == 0; }));
    QVERIFY(!feed.lost && !session.all_lost());
    QVERIFY(onNode(1) > 10);
    QVERIFY(!feed.graph.find(sup));
    QVERIFY(feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::NodeDown && e.node == 0; }, long(mark)) >= 0);
    QVERIFY(feed.find([&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == sup && e.term.is_atom(intern("noconnection")); }, long(mark)) >= 0);
    QCOMPARE(session.owner(feed.graph.processes().begin()->second.pid), &session.client(1));
    std::unique_ptr<Client> back;
    QDeadlineTimer patience(60'000);  // its agent leaves when the node notices the connection closed
    for (;;) {
      back = session.new_client();
      Failure why = Failure::None;
      if (back->connect(options(node), error, &why)) break;
      QVERIFY2(why == Failure::AlreadyAttached && !patience.hasExpired(), error.c_str());
      QTest::qWait(200);
    }
    Client* const backPtr = back.get();
    session.adopt(std::move(back));
    QCOMPARE(session.size(), size_t(2));
    QVERIFY(feed.until([&] {
      const ProcessRecord* s = feed.graph.find(feed.named("demo_sup"));
      return !session.lost(0) && feed.graph.nodes().at(0).alive && s && s->node == 0 && onNode(0) > 10;
    }));
    QCOMPARE(&session.client(0), backPtr);
    QVERIFY(!feed.graph.find(sup) && feed.named("demo_sup") != sup);  // R9.7: the ended one stays ended
    QCOMPARE(session.owner(feed.named("demo_sup")), backPtr);
    QCOMPARE(QString::fromStdString(backPtr->pid_text(feed.named("demo_sup"))), QString::fromStdString(session.client(1).pid_text(sup)));
    QVERIFY(std::any_of(feed.graph.connections().begin(), feed.graph.connections().end(),
                        [](const ConnectionState& c) { return c.a == 0 && c.b == 1 && c.up; }));
    for (size_t i = 1; i < feed.events.size(); ++i) QVERIFY(feed.events[i].seq > feed.events[i - 1].seq);
    for (size_t i = 1; i < feed.events.size(); ++i) QVERIFY(feed.events[i].time_ns >= feed.events[i - 1].time_ns);
    QVERIFY(session.detach());
    const QStringList clean = node.ask(QStringLiteral("clean"));
    QVERIFY2(clean.value(0).startsWith(QStringLiteral("agent_loaded=false traced=0")), qPrintable(clean.join(QLatin1Char('|'))));
  }

  // Two attached nodes that connect and disconnect while attached (R9.2, R9.3: Node.connect,
  // Node.disconnect): the picture's connection between them follows (Connect, then Disconnect),
  // from the connected nodes an agent reports.
  void connectionsFollowTheNodes() {
    ErlNode a, b;
    QString err;
    QVERIFY2(a.start(nextName(), kCookie, err), qPrintable(err));
    QVERIFY2(b.start(nextName(), kCookie, err), qPrintable(err));
    attach::Session session;
    std::string error;
    for (ErlNode* n : {&a, &b}) {
      auto c = session.new_client();
      QVERIFY2(c->connect(options(*n), error), error.c_str());
      session.adopt(std::move(c));
    }
    Feed feed(session);
    auto up = [&] {
      return std::any_of(feed.graph.connections().begin(), feed.graph.connections().end(),
                         [](const ConnectionState& c) { return c.a == 0 && c.b == 1 && c.up; });
    };
    QVERIFY(feed.until([&] { return feed.graph.nodes().size() == 2 && feed.graph.nodes().at(1).alive; }));
    QVERIFY(!up());
    QCOMPARE(a.ask(QStringLiteral("connect ") + b.name()).value(0), QStringLiteral("ok true"));
    QVERIFY(feed.until(up));
    const long connected = feed.find([](const TraceEvent& e) { return e.kind == TraceKind::Connect && e.node == 0 && e.node2 == 1; });
    QVERIFY(connected >= 0);
    QCOMPARE(a.ask(QStringLiteral("disconnect ") + b.name()).value(0), QStringLiteral("ok true"));
    QVERIFY(feed.until([&] { return !up(); }));
    QVERIFY(feed.find([](const TraceEvent& e) { return e.kind == TraceKind::Disconnect && e.node == 0 && e.node2 == 1 && !e.flag; }, connected) > connected);
    QVERIFY(!session.lost(0) && !session.lost(1));
    QVERIFY(session.detach());
  }
};

QTEST_GUILESS_MAIN(TstAttach)
#include "tst_attach.moc"
