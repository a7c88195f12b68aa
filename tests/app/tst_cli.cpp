// The command line of the built executable: --script, --record/--replay, and their errors.
// Runs `actorscope` with QProcess (no display needed for --script and --record; --replay uses
// the offscreen platform).

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
  int status = -1;
  QString out, err;
};

/// Runs the app offscreen, or with no display at all (`noDisplay`).
Run runApp(const QStringList& args, int timeoutMs = 60000, bool noDisplay = false) {
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  if (noDisplay)
    for (const char* v : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(QString::fromLatin1(v));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(ACTORSCOPE_EXE), args);
  Run r;
  if (!p.waitForStarted(10000)) return r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = QStringLiteral("timeout");
    return r;
  }
  r.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return {};
  f.write(text);
  return path;
}

}  // namespace

class TestCli final : public QObject {
  Q_OBJECT

private slots:
  void scriptPrints();
  void noDisplaySaysSo();
  void scriptWithProcesses();
  void scriptSyntaxError();
  void scriptMissingFile();
  void recordThenReplay();
  void replayCorruptNamesTheLine();
  void replayFutureVersion();
  void replayMissingFile();
  void recordOfSeveralNodesIsRefused();
  void recordUnknownScenario();
  void runScriptMissingFile();
  void semanticsErgoRecords();
  void semanticsNonsenseIsRefused();
};

void TestCli::scriptPrints() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("hello.exs"),
                                 "IO.puts(\"hello\")\nx = 1 + 2\nIO.inspect(x * 7)\nIO.inspect({:ok, [1, 2]})\n");
  const Run r = runApp({QStringLiteral("--script"), path});
  QCOMPARE(r.status, 0);
  QCOMPARE(r.out, QStringLiteral("hello\n21\n{:ok, [1, 2]}\n"));
}

void TestCli::scriptWithProcesses() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("procs.exs"),
                                 "pid = spawn(fn -> receive do {from, x} -> send(from, {:got, x}) end end)\n"
                                 "send(pid, {self(), :hi})\n"
                                 "receive do\n  {:got, x} -> IO.inspect(x)\nafter 2000 -> IO.puts(\"none\")\nend\n");
  const Run r = runApp({QStringLiteral("--script"), path});
  QCOMPARE(r.status, 0);
  QCOMPARE(r.out, QStringLiteral(":hi\n"));
}

void TestCli::scriptSyntaxError() {
  QTemporaryDir dir;
  const QString path = writeFile(dir, QStringLiteral("bad.exs"), "IO.puts(\"a\")\nx = (1 +\ny = )\n");
  const Run r = runApp({QStringLiteral("--script"), path});
  QCOMPARE(r.status, 1);
  QVERIFY2(r.err.contains(QRegularExpression(QRegularExpression::escape(path) + QStringLiteral(":\\d+:"))), qPrintable(r.err));
  QVERIFY2(r.out.isEmpty(), qPrintable(r.out));  // nothing ran
}

void TestCli::scriptMissingFile() {
  const Run r = runApp({QStringLiteral("--script"), QStringLiteral("/nonexistent/nope.exs")});
  QVERIFY(r.status != 0 && r.status > 0);
  QVERIFY2(r.err.contains(QStringLiteral("nope.exs")), qPrintable(r.err));
}

// --record --headless takes one node; several --attach are refused before connecting, naming why.
void TestCli::recordOfSeveralNodesIsRefused() {
  const Run r = runApp({QStringLiteral("--attach"), QStringLiteral("a@localhost"), QStringLiteral("--attach"), QStringLiteral("b@localhost"),
                        QStringLiteral("--record"), QStringLiteral("/tmp/never_written.jsonl"), QStringLiteral("--headless")});
  QVERIFY(r.status > 0);
  QVERIFY2(r.err.contains(QStringLiteral("--record records one node")), qPrintable(r.err));
  QVERIFY(!QFile::exists(QStringLiteral("/tmp/never_written.jsonl")));
}

void TestCli::recordThenReplay() {
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("chain.jsonl"));
  Run r = runApp({QStringLiteral("--record"), rec, QStringLiteral("--scenario"), QStringLiteral("link-chain"),
                  QStringLiteral("--duration"), QStringLiteral("300"), QStringLiteral("--headless")});
  QVERIFY2(r.status == 0, qPrintable(r.err));
  QFile f(rec);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QByteArray first = f.readLine();
  QVERIFY(first.contains("\"actorscope-trace\""));
  f.close();

  const QString shot = dir.filePath(QStringLiteral("replay.png"));
  r = runApp({QStringLiteral("--replay"), rec, QStringLiteral("--screenshot"), shot, QStringLiteral("--after"),
              QStringLiteral("300")});
  QVERIFY2(r.status == 0, qPrintable(r.err));
  QVERIFY2(r.err.isEmpty() || !r.err.contains(QStringLiteral("line")), qPrintable(r.err));
  QImage img(shot);
  QVERIFY(!img.isNull());
}

void TestCli::replayCorruptNamesTheLine() {
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("chain.jsonl"));
  Run r = runApp({QStringLiteral("--record"), rec, QStringLiteral("--scenario"), QStringLiteral("link-chain"),
                  QStringLiteral("--duration"), QStringLiteral("300"), QStringLiteral("--headless")});
  QVERIFY2(r.status == 0, qPrintable(r.err));
  QFile f(rec);
  QVERIFY(f.open(QIODevice::ReadOnly));
  QList<QByteArray> lines = f.readAll().split('\n');
  f.close();
  QVERIFY(lines.size() > 4);
  lines[2] = "{\"this is\": not json";
  QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(lines.join('\n'));
  f.close();
  const QString shot = dir.filePath(QStringLiteral("replay.png"));
  r = runApp({QStringLiteral("--replay"), rec, QStringLiteral("--screenshot"), shot, QStringLiteral("--after"),
              QStringLiteral("200")});
  QVERIFY2(r.err.contains(QStringLiteral("line 3")), qPrintable(r.err));
  QCOMPARE(r.status, 0);  // the part that could be read is shown
  QVERIFY(QFile::exists(shot));
}

void TestCli::replayFutureVersion() {
  QTemporaryDir dir;
  const QString rec = writeFile(dir, QStringLiteral("future.jsonl"),
                                "{\"type\":\"header\",\"format\":\"actorscope-trace\",\"version\":99}\n");
  const Run r = runApp({QStringLiteral("--replay"), rec, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))});
  QCOMPARE(r.status, 1);
  QVERIFY2(r.err.contains(QStringLiteral("line 1")), qPrintable(r.err));
}

void TestCli::replayMissingFile() {
  const Run r = runApp({QStringLiteral("--replay"), QStringLiteral("/nonexistent/rec.jsonl")});
  QCOMPARE(r.status, 1);
  QVERIFY2(r.err.contains(QStringLiteral("rec.jsonl")), qPrintable(r.err));
}

void TestCli::noDisplaySaysSo() {
  // Without a display the window cannot open: a clear message and status 2, not an abort; a bad
  // scenario name is named first.
  Run r = runApp({QStringLiteral("--scenario"), QStringLiteral("nosuch")}, 60000, true);
  QCOMPARE(r.status, 2);
  QVERIFY2(r.err.contains(QStringLiteral("no scenario 'nosuch'")) && r.err.contains(QStringLiteral("link-chain")), qPrintable(r.err));
  r = runApp({}, 60000, true);
  QCOMPARE(r.status, 2);
  QVERIFY2(r.err.contains(QStringLiteral("no display")), qPrintable(r.err));
}

void TestCli::recordUnknownScenario() {
  QTemporaryDir dir;
  const Run r = runApp({QStringLiteral("--record"), dir.filePath(QStringLiteral("x.jsonl")), QStringLiteral("--scenario"),
                        QStringLiteral("no-such-scenario"), QStringLiteral("--headless")});
  QVERIFY(r.status > 0);
  QVERIFY2(r.err.contains(QStringLiteral("no-such-scenario")), qPrintable(r.err));
}

void TestCli::runScriptMissingFile() {
  const Run r = runApp({QStringLiteral("--run-script"), QStringLiteral("/nonexistent/nope.exs")});
  QCOMPARE(r.status, 2);
  QVERIFY2(r.err.contains(QStringLiteral("--run-script")) && r.err.contains(QStringLiteral("nope.exs")), qPrintable(r.err));
}

#include "../common/tsan_qt.hpp"

void TestCli::semanticsErgoRecords() {
  // --semantics ergo reaches the runtime of a headless recording: the file says so.
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("ergo.jsonl"));
  const Run r = runApp({QStringLiteral("--semantics"), QStringLiteral("ergo"), QStringLiteral("--record"), file,
                        QStringLiteral("--scenario"), QStringLiteral("link-chain"), QStringLiteral("--duration"), QStringLiteral("300")},
                       60000, true);
  QCOMPARE(r.status, 0);
  QFile f(file);
  QVERIFY(f.open(QIODevice::ReadOnly));
  const QByteArray header = f.readLine();
  QVERIFY2(header.contains("\"semantics\":\"ergo\""), header.constData());
  // And BEAM by default.
  const QString beamFile = dir.filePath(QStringLiteral("beam.jsonl"));
  QCOMPARE(runApp({QStringLiteral("--record"), beamFile, QStringLiteral("--scenario"), QStringLiteral("link-chain"),
                   QStringLiteral("--duration"), QStringLiteral("300")},
                  60000, true)
               .status,
           0);
  QFile bf(beamFile);
  QVERIFY(bf.open(QIODevice::ReadOnly));
  QVERIFY(bf.readLine().contains("\"semantics\":\"beam\""));
}

void TestCli::semanticsNonsenseIsRefused() {
  // Headless and window alike: status 2 and a message naming the value, before any display.
  for (const QStringList& extra : {QStringList{QStringLiteral("--record"), QStringLiteral("/nonexistent/x.jsonl")},
                                   QStringList{QStringLiteral("--screenshot"), QStringLiteral("/nonexistent/x.png")}}) {
    const Run r = runApp(QStringList{QStringLiteral("--semantics"), QStringLiteral("nonsense")} + extra, 60000, true);
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--semantics wants beam or ergo, not 'nonsense'")), qPrintable(r.err));
  }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
