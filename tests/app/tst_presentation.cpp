// What the graph presents, and when (--presentation-log, docs/presentation-log.md), for the
// textbook examples typed into the console and for a kill from the window: every process is shown
// its minimum time, no death shows before the exit signal that caused it lands, no badge rises
// before its envelope lands, and a command from the window starts at the observer.
// Runs the built `actorscope` offscreen with QProcess; the examples run in the console's live
// session (--run-script) on the empty scenario.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

namespace {

struct Entry {
  double t = 0;
  qint64 seq = 0;
  QString kind, pid, from, to, signal;
  qint64 count = -1;
};

/// Runs the app with `args` plus a presentation log; returns the log's entries.
std::vector<Entry> present(const QTemporaryDir& dir, QStringList args, QString* error) {
  const QString log = dir.filePath(QStringLiteral("presented.jsonl"));
  args << QStringLiteral("--presentation-log") << log << QStringLiteral("--screenshot")
       << dir.filePath(QStringLiteral("shot.png"));
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(ACTORSCOPE_EXE), args);
  if (!p.waitForStarted(10000) || !p.waitForFinished(90000) || p.exitCode() != 0) {
    p.kill();
    *error = QStringLiteral("actorscope failed: ") + QString::fromUtf8(p.readAllStandardError());
    return {};
  }
  QFile f(log);
  if (!f.open(QIODevice::ReadOnly)) {
    *error = QStringLiteral("no presentation log");
    return {};
  }
  std::vector<Entry> out;
  int line = 0;
  while (!f.atEnd()) {
    ++line;
    const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
    if (o.isEmpty()) {
      *error = QStringLiteral("line %1 is not a JSON object").arg(line);
      return {};
    }
    Entry e;
    e.t = o.value(QStringLiteral("t")).toDouble();
    e.seq = o.value(QStringLiteral("seq")).toInteger();
    e.kind = o.value(QStringLiteral("kind")).toString();
    e.pid = o.value(QStringLiteral("pid")).toString();
    e.from = o.value(QStringLiteral("from")).toString();
    e.to = o.value(QStringLiteral("to")).toString();
    e.signal = o.value(QStringLiteral("signal")).toString();
    e.count = o.value(QStringLiteral("count")).toInteger(-1);
    out.push_back(e);
  }
  return out;
}

QString scriptFile(const QTemporaryDir& dir, const QByteArray& text) {
  const QString path = dir.filePath(QStringLiteral("example.exs"));
  QFile f(path);
  if (f.open(QIODevice::WriteOnly)) f.write(text);
  return path;
}

/// The three causal rules of the issue, on one log. Returns "" or what broke.
QString causalViolations(const std::vector<Entry>& log) {
  constexpr double kMinLifeMs = 300;
  std::map<QString, const Entry*> shown, ended;
  for (const Entry& e : log) {
    if (e.kind == QLatin1String("node_shown") && !shown.count(e.pid)) shown[e.pid] = &e;
    if (e.kind == QLatin1String("node_ended") && !ended.count(e.pid)) ended[e.pid] = &e;
  }
  for (const auto& [pid, end] : ended) {
    // Every process of the trace is shown for at least the minimum time.
    if (shown.count(pid) && end->t - shown[pid]->t < kMinLifeMs - 0.5)
      return QStringLiteral("%1 shown %2 ms only").arg(pid).arg(end->t - shown[pid]->t);
    // No death is shown before an exit signal delivered to it earlier (in trace order) lands.
    for (const Entry& l : log)
      if (l.kind == QLatin1String("pulse_landed") && l.to == pid && l.signal == QLatin1String("exit") &&
          l.seq < end->seq && l.t > end->t + 0.5)
        return QStringLiteral("%1 died at %2 before the exit signal (seq %3) landed at %4").arg(pid).arg(end->t).arg(l.seq).arg(l.t);
  }
  // No badge rises before its envelope lands.
  std::map<QString, qint64> badge;
  for (const Entry& b : log) {
    if (b.kind != QLatin1String("badge")) continue;
    const qint64 before = badge.count(b.pid) ? badge[b.pid] : 0;
    badge[b.pid] = b.count;
    if (b.count <= before) continue;
    for (const Entry& l : log)
      if (l.kind == QLatin1String("pulse_landed") && l.to == b.pid && l.seq == b.seq && l.t > b.t + 0.5)
        return QStringLiteral("badge of %1 rose at %2 before its envelope (seq %3) landed at %4").arg(b.pid).arg(b.t).arg(b.seq).arg(l.t);
  }
  return {};
}

const Entry* first(const std::vector<Entry>& log, const QString& kind, const QString& signal = {}) {
  for (const Entry& e : log)
    if (e.kind == kind && (signal.isEmpty() || e.signal == signal)) return &e;
  return nullptr;
}

}  // namespace

class TestPresentation final : public QObject {
  Q_OBJECT

private slots:
  void textbookExamples_data();
  void textbookExamples();
  void killFromTheWindowStartsAtTheObserver();
  void aReplayTellsTheCausalStory();
  void unwritableLogIsAnError();
};

void TestPresentation::textbookExamples_data() {
  QTest::addColumn<QByteArray>("script");
  QTest::addColumn<QString>("signal");  // a pulse of this signal must land
  QTest::addColumn<bool>("shellDies");  // the shell is linked to a process that exits abnormally
  QTest::newRow("spawn_link + exit") << QByteArray("spawn_link(fn -> exit(:boom) end)\n") << "exit" << true;
  QTest::newRow("spawn_monitor + exit")
      << QByteArray("{pid, ref} = spawn_monitor(fn -> exit(:boom) end)\nreceive do msg -> IO.inspect(msg) end\n")
      << "down" << false;
  QTest::newRow("Agent.stop with a monitor")
      << QByteArray("{:ok, agent} = Agent.start(fn -> 0 end)\nref = Process.monitor(agent)\nAgent.stop(agent)\n"
                    "receive do {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason) end\n")
      << "down" << false;
  QTest::newRow("link chain")
      << QByteArray("last = spawn(fn -> receive do _ -> :ok end end)\n"
                    "mid = spawn(fn -> Process.link(last); receive do _ -> :ok end end)\n"
                    "first = spawn(fn -> Process.link(mid); receive do _ -> :ok end end)\n"
                    "Process.sleep(200)\nProcess.exit(first, :boom)\n")
      << "exit" << false;
  QTest::newRow("trap_exit")
      << QByteArray("Process.flag(:trap_exit, true)\nspawn_link(fn -> exit(:boom) end)\n"
                    "receive do msg -> IO.inspect(msg) end\n")
      << "exit" << false;
}

void TestPresentation::textbookExamples() {
  QFETCH(QByteArray, script);
  QFETCH(QString, signal);
  QFETCH(bool, shellDies);
  QTemporaryDir dir;
  QString error;
  const auto log = present(dir, {QStringLiteral("--scenario"), QStringLiteral("empty"), QStringLiteral("--run-script"),
                                 scriptFile(dir, script), QStringLiteral("--after"), QStringLiteral("4000")},
                           &error);
  QVERIFY2(!log.empty(), qPrintable(error));
  const QString broken = causalViolations(log);
  QVERIFY2(broken.isEmpty(), qPrintable(broken));
  // The short-lived processes were drawn, and the signal travelled and landed.
  int shownCount = 0, endedCount = 0;
  for (const Entry& e : log) {
    shownCount += e.kind == QLatin1String("node_shown");
    endedCount += e.kind == QLatin1String("node_ended");
  }
  if (shownCount < 3) {  // what was presented, for the failure's diagnosis
    QFile f(dir.filePath(QStringLiteral("presented.jsonl")));
    if (f.open(QIODevice::ReadOnly)) qWarning("presentation log:\n%s", f.readAll().constData());
  }
  QVERIFY2(shownCount >= 3, "the shell, its server and the example's process are shown");
  QVERIFY2(endedCount >= 1, "the example's process ends on screen");
  const Entry* start = first(log, QStringLiteral("pulse_start"), signal);
  const Entry* landed = first(log, QStringLiteral("pulse_landed"), signal);
  QVERIFY2(start && landed, qPrintable(QStringLiteral("no %1 pulse").arg(signal)));
  QVERIFY(landed->t >= start->t);
  if (shellDies) {
    // The shell (the pulse's target) dies only once the EXIT has landed on it.
    const QString shell = landed->to;
    const Entry* death = nullptr;
    for (const Entry& e : log)
      if (e.kind == QLatin1String("node_ended") && e.pid == shell) death = &e;
    QVERIFY2(death, "the shell's death is shown");
    QVERIFY(death->t >= landed->t);
  }
}

void TestPresentation::killFromTheWindowStartsAtTheObserver() {
  // --kill acts as the window's Kill does: the :kill bolt starts at the observer, and the chain
  // dies hop by hop after it lands.
  QTemporaryDir dir;
  QString error;
  const auto log = present(dir, {QStringLiteral("--scenario"), QStringLiteral("link-chain"), QStringLiteral("--kill"),
                                 QStringLiteral("chain_0"), QStringLiteral("--kill-at"), QStringLiteral("1000"),
                                 QStringLiteral("--after"), QStringLiteral("5000")},
                           &error);
  QVERIFY2(!log.empty(), qPrintable(error));
  const QString broken = causalViolations(log);
  QVERIFY2(broken.isEmpty(), qPrintable(broken));
  const Entry* bolt = nullptr;
  for (const Entry& e : log)
    if (e.kind == QLatin1String("pulse_start") && e.from == QLatin1String("observer")) bolt = &e;
  QVERIFY2(bolt, "no pulse from the observer");
  QCOMPARE(bolt->signal, QStringLiteral("exit"));
  const Entry* victim = nullptr;
  for (const Entry& e : log)
    if (e.kind == QLatin1String("node_ended") && e.pid == bolt->to) victim = &e;
  QVERIFY2(victim, "the killed process's end is shown");
  QVERIFY(victim->t >= bolt->t);
  // Its links carry the EXIT on: more than one death, each after the pulse that reached it.
  int deaths = 0;
  for (const Entry& e : log) deaths += e.kind == QLatin1String("node_ended");
  QVERIFY(deaths >= 2);
}

void TestPresentation::aReplayTellsTheCausalStory() {
  // A recording played forward (--replay) takes the same playhead as live events: the recorded
  // kill of link-chain is shown hop by hop, each death after the pulse that reached it.
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("chain.jsonl"));
  QProcess recorder;
  recorder.start(QStringLiteral(ACTORSCOPE_EXE), {QStringLiteral("--record"), rec, QStringLiteral("--scenario"),
                                                  QStringLiteral("link-chain"), QStringLiteral("--duration"), QStringLiteral("3000")});
  QVERIFY(recorder.waitForFinished(60000));
  QVERIFY2(recorder.exitCode() == 0, recorder.readAllStandardError().constData());
  QString error;
  const auto log = present(dir, {QStringLiteral("--replay"), rec, QStringLiteral("--after"), QStringLiteral("6000")}, &error);
  QVERIFY2(!log.empty(), qPrintable(error));
  const QString broken = causalViolations(log);
  QVERIFY2(broken.isEmpty(), qPrintable(broken));
  int deaths = 0, landed = 0;
  for (const Entry& e : log) {
    deaths += e.kind == QLatin1String("node_ended");
    landed += e.kind == QLatin1String("pulse_landed") && e.signal == QLatin1String("exit");
  }
  QVERIFY2(deaths >= 2, "the recorded cascade is shown");
  QVERIFY2(landed >= 1, "exit signals travel in the replay");
}

void TestPresentation::unwritableLogIsAnError() {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(ACTORSCOPE_EXE), {QStringLiteral("--presentation-log"), QStringLiteral("/nonexistent/dir/log.jsonl")});
  QVERIFY(p.waitForFinished(30000));
  QCOMPARE(p.exitCode(), 2);
  QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("--presentation-log: cannot write")));
}

QTEST_GUILESS_MAIN(TestPresentation)
#include "tst_presentation.moc"
#include "../common/tsan_qt.hpp"
