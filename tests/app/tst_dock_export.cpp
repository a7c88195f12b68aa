// The console dock (an iex shell on the window's runtime) and File > Export.

#include "AnimationExport.h"
#include "ConsoleWidget.h"
#include "Export.h"
#include "MainWindow.h"
#include "ObserverModel.h"
#include "../common/tsan_qt.hpp"

#include <QDockWidget>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include "actorscope/headless.hpp"

using actorscope::app::MainWindow;
using actorscope::views::ConsoleWidget;

namespace {
/// A live process whose pid prints as `text`.
bool modelHas(const MainWindow& w, const QString& text) {
  for (const auto& [serial, r] : w.observerModel()->processes())
    if (QString::fromStdString(actorscope::inspect_pid(r.pid)) == text) return true;
  return false;
}

void type(QPlainTextEdit* input, const QString& text) {
  QTest::keyClicks(input, text);
  QTest::keyClick(input, Qt::Key_Return);
}
}  // namespace

class TestDockExport final : public QObject {
  Q_OBJECT

private slots:
  void initTestCase();
  void consoleDockExists();
  void consoleSpawnAndSend();
  void consoleMultiLineHistoryCompletion();
  void consoleInterrupt();
  void consoleInsertsSelectedPid();
  void consoleSurvivesReset();
  void exportsWriteWellFormedFiles();
  void animationFramesTellTheStory();
  void animationEncodesMp4AndGif();
  void animationErrorsNameTheProblem();
};

namespace {
/// link-chain, recorded for 3 s of virtual time: a chain of linked processes, one killed.
actorscope::Recording chainRecording() {
  actorscope::Recording rec;
  std::string error;
  if (!actorscope::record_scenario("link-chain", {}, 3000, rec, error)) qWarning("record_scenario: %s", error.c_str());
  return rec;
}
int nonBackground(const QImage& img) {
  const QRgb bg = img.pixel(0, 0);
  int n = 0;
  for (int y = 0; y < img.height(); y += 2)
    for (int x = 0; x < img.width(); x += 2) n += img.pixel(x, y) != bg;
  return n;
}
}  // namespace

void TestDockExport::animationFramesTellTheStory() {
  const actorscope::Recording rec = chainRecording();
  QVERIFY(!rec.events.empty());
  QTemporaryDir dir;
  actorscope::app::AnimationOptions opts;
  opts.size = QSize(640, 360);
  int calls = 0;
  const auto r = actorscope::app::renderAnimationFrames(rec, rec.events.front().time_ns, rec.events.back().time_ns,
                                                        dir.path(), opts, [&](int done, int total) {
                                                          ++calls;
                                                          return done <= total + 1;
                                                        });
  QVERIFY2(r.ok(), qPrintable(r.error));
  // The stretch and its tail at 25 frames a second.
  const double storyMs = double(rec.events.back().time_ns - rec.events.front().time_ns) / 1e6;
  QVERIFY2(r.frames >= int((storyMs + opts.tailMs) / 40), qPrintable(QString::number(r.frames)));
  QCOMPARE(calls, r.frames);
  QVERIFY(!r.cut);
  const QStringList files = QDir(dir.path()).entryList({QStringLiteral("frame_*.png")}, QDir::Files, QDir::Name);
  QCOMPARE(files.size(), r.frames);
  QCOMPARE(files.first(), QStringLiteral("frame_00001.png"));
  QImage first(dir.filePath(files.first())), last(dir.filePath(files.last()));
  QCOMPARE(first.size(), opts.size);
  QVERIFY(nonBackground(first) > 100);  // processes are drawn from the first frame
  // Something moves: consecutive frames differ somewhere in the clip.
  int changes = 0;
  QImage prev = first;
  for (const QString& f : files) {
    QImage img(dir.filePath(f));
    changes += img != prev;
    prev = img;
  }
  QVERIFY2(changes >= 5, qPrintable(QString::number(changes)));
  QVERIFY(first != last);
}

void TestDockExport::animationEncodesMp4AndGif() {
  const actorscope::Recording rec = chainRecording();
  QTemporaryDir dir;
  actorscope::app::AnimationOptions opts;
  opts.size = QSize(320, 180);
  opts.tailMs = 200;
  const int64_t from = rec.events.front().time_ns, to = from + 800'000'000;
  for (const QString& name : {QStringLiteral("clip.mp4"), QStringLiteral("clip.gif")}) {
    const QString path = dir.filePath(name);
    const auto r = actorscope::app::exportAnimation(rec, from, to, path, opts);
    QVERIFY2(r.ok(), qPrintable(name + QStringLiteral(": ") + r.error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray head = f.read(12);
    if (name.endsWith(QStringLiteral("gif")))
      QVERIFY2(head.startsWith("GIF89a"), head.toHex().constData());
    else
      QVERIFY2(head.mid(4, 4) == "ftyp", head.toHex().constData());
    QVERIFY(f.size() > 1000);
  }
}

void TestDockExport::animationErrorsNameTheProblem() {
  const actorscope::Recording rec = chainRecording();
  QTemporaryDir dir;
  actorscope::app::AnimationOptions opts;
  opts.size = QSize(160, 90);
  opts.tailMs = 0;
  const int64_t from = rec.events.front().time_ns, to = from + 100'000'000;
  auto r = actorscope::app::exportAnimation(rec, from, to, dir.filePath(QStringLiteral("clip.avi")), opts);
  QVERIFY(r.error.contains(QStringLiteral("clip.avi")) && r.error.contains(QStringLiteral(".gif")));
  opts.ffmpeg = QStringLiteral("/nonexistent/ffmpeg");
  r = actorscope::app::exportAnimation(rec, from, to, dir.filePath(QStringLiteral("clip.gif")), opts);
  QVERIFY2(r.error.contains(QStringLiteral("/nonexistent/ffmpeg")), qPrintable(r.error));
  QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("clip.gif"))));
  r = actorscope::app::renderAnimationFrames(rec, from, to, dir.filePath(QStringLiteral("missing")), opts);
  QVERIFY2(r.error.contains(QStringLiteral("missing")), qPrintable(r.error));
  r = actorscope::app::renderAnimationFrames({}, 0, 1, dir.path(), opts);
  QVERIFY2(r.error.contains(QStringLiteral("no events")), qPrintable(r.error));
}

void TestDockExport::initTestCase() {
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("ActorscopeTest"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_dock_export"));
}

void TestDockExport::consoleDockExists() {
  MainWindow w;
  auto* dock = w.findChild<QDockWidget*>(QStringLiteral("consoleDock"));
  QVERIFY(dock);
  QCOMPARE(dock->windowTitle(), QStringLiteral("Console (iex)"));
  QVERIFY(w.console());
  QVERIFY(w.findChild<QMenu*>(QStringLiteral("exportMenu")));
}

void TestDockExport::consoleSpawnAndSend() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  w.show();
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  QCOMPARE(c->promptText(), QStringLiteral("iex(1)>"));
  // The shell is a process, and the graph's model sees it.
  const QString shell = QString::fromStdString(actorscope::inspect_pid(c->shellPid()));
  QTRY_VERIFY_WITH_TIMEOUT(modelHas(w, shell), 10000);

  type(c->input(), QStringLiteral("pid = spawn(fn -> receive do x -> IO.inspect({:got, x}) end end)"));
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy() && c->promptText() == QStringLiteral("iex(2)>"), 10000);
  const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("#PID<\\d+\\.\\d+\\.\\d+>\\s*$")).match(c->transcript());
  QVERIFY2(m.hasMatch(), qPrintable(c->transcript()));
  const QString pid = m.captured(0).trimmed();
  QTRY_VERIFY_WITH_TIMEOUT(modelHas(w, pid), 10000);

  type(c->input(), QStringLiteral("send(pid, :hi)"));
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().contains(QStringLiteral("{:got, :hi}")), 10000);
  QTRY_VERIFY_WITH_TIMEOUT(c->promptText() == QStringLiteral("iex(3)>"), 10000);
  QVERIFY(c->transcript().contains(QStringLiteral("iex(2)> send(pid, :hi)")));
  QTRY_VERIFY_WITH_TIMEOUT(!modelHas(w, pid), 10000);  // it received, printed and ended
}

void TestDockExport::consoleMultiLineHistoryCompletion() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  // Enter inside an open fn continues the input.
  type(c->input(), QStringLiteral("f = fn x ->"));
  QVERIFY(c->input()->toPlainText().contains(QLatin1Char('\n')));
  QTRY_COMPARE(c->promptText(), QStringLiteral("...(1)>"));
  type(c->input(), QStringLiteral("x * 2 end"));
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy() && c->promptText() == QStringLiteral("iex(2)>"), 10000);
  QVERIFY(c->input()->toPlainText().isEmpty());
  type(c->input(), QStringLiteral("f.(21)"));
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().contains(QStringLiteral("\n42")), 10000);
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), 10000);
  // History: Up recalls the last input.
  QTest::keyClick(c->input(), Qt::Key_Up);
  QCOMPARE(c->input()->toPlainText(), QStringLiteral("f.(21)"));
  QTest::keyClick(c->input(), Qt::Key_Down);
  QCOMPARE(c->input()->toPlainText(), QString());
  // Tab completes a unique prefix.
  QTest::keyClicks(c->input(), QStringLiteral("Process.demon"));
  QTest::keyClick(c->input(), Qt::Key_Tab);
  QCOMPARE(c->input()->toPlainText(), QStringLiteral("Process.demonitor"));
}

void TestDockExport::consoleInterrupt() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  type(c->input(), QStringLiteral("receive do :never -> 1 end"));
  QTRY_VERIFY(c->busy());
  QTest::qWait(100);
  QVERIFY(c->busy());
  QTest::keyClick(c->input(), Qt::Key_C, Qt::ControlModifier);
  QTRY_VERIFY_WITH_TIMEOUT(!c->busy(), 10000);
  QVERIFY2(c->transcript().contains(QStringLiteral("Interrupted")), qPrintable(c->transcript()));
}

void TestDockExport::consoleInsertsSelectedPid() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  const QString shell = QString::fromStdString(actorscope::inspect_pid(c->shellPid()));
  QTRY_VERIFY_WITH_TIMEOUT(modelHas(w, shell), 10000);
  QVERIFY(w.selectByName(shell));
  QTest::keyClicks(c->input(), QStringLiteral("Process.alive?("));
  QTest::keyClick(c->input(), Qt::Key_P, Qt::ControlModifier);
  QTest::keyClicks(c->input(), QStringLiteral(")"));
  QVERIFY2(c->input()->toPlainText().startsWith(QStringLiteral("Process.alive?(pid(0, ")), qPrintable(c->input()->toPlainText()));
  QTest::keyClick(c->input(), Qt::Key_Return);
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().endsWith(QStringLiteral("\ntrue")), 10000);
}

void TestDockExport::consoleSurvivesReset() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  w.resetScenario();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  type(c->input(), QStringLiteral("1 + 1"));
  QTRY_VERIFY_WITH_TIMEOUT(c->transcript().contains(QStringLiteral("\n2")), 10000);
}

void TestDockExport::exportsWriteWellFormedFiles() {
  MainWindow w;
  QVERIFY(w.setScenario(QStringLiteral("kv")));
  w.show();
  QTRY_VERIFY_WITH_TIMEOUT(w.observerModel()->processCount() > 0, 10000);
  ConsoleWidget* c = w.console();
  QTRY_VERIFY_WITH_TIMEOUT(c->ready(), 10000);
  type(c->input(), QStringLiteral("spawn(fn -> :ok end)"));  // a few events for the log
  QTRY_VERIFY_WITH_TIMEOUT(w.exporter()->eventCount() > 0, 10000);
  QTest::qWait(200);

  QTemporaryDir dir;
  QString error;
  const QString png = dir.filePath(QStringLiteral("g.png"));
  QVERIFY2(w.exporter()->exportPng(png, error), qPrintable(error));
  const QImage img(png);
  QVERIFY(!img.isNull() && img.width() > 10 && img.height() > 10);

  const QString svg = dir.filePath(QStringLiteral("g.svg"));
  QVERIFY2(w.exporter()->exportSvg(svg, error), qPrintable(error));
  QFile fs(svg);
  QVERIFY(fs.open(QIODevice::ReadOnly));
  QXmlStreamReader xml(&fs);
  bool sawSvg = false;
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement() && xml.name() == QStringLiteral("svg")) sawSvg = true;
  }
  QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
  QVERIFY(sawSvg);

  const QString csv = dir.filePath(QStringLiteral("t.csv"));
  QVERIFY2(w.exporter()->exportCsv(csv, error), qPrintable(error));
  QFile fc(csv);
  QVERIFY(fc.open(QIODevice::ReadOnly));
  const QList<QByteArray> rows = fc.readAll().split('\n');
  QVERIFY(rows.first().startsWith("pid,name,status,message_queue_len"));
  QVERIFY(rows.size() >= 3);

  const QString jsonl = dir.filePath(QStringLiteral("e.jsonl"));
  QVERIFY2(w.exporter()->exportJsonl(jsonl, error), qPrintable(error));
  QFile fj(jsonl);
  QVERIFY(fj.open(QIODevice::ReadOnly));
  int objects = 0;
  for (const QByteArray& line : fj.readAll().split('\n')) {
    if (line.isEmpty()) continue;
    QJsonParseError pe;
    const QJsonDocument d = QJsonDocument::fromJson(line, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError && d.isObject(), line.constData());
    ++objects;
  }
  QVERIFY(objects > 0);

  // A new scenario: the export holds that run's events only, each seq once (no earlier run's).
  QVERIFY(w.setScenario(QStringLiteral("link-chain")));
  QTRY_VERIFY_WITH_TIMEOUT(w.findPid(QStringLiteral("chain_0")).valid(), 10000);
  QVERIFY2(w.exporter()->exportJsonl(jsonl, error), qPrintable(error));
  QFile again(jsonl);
  QVERIFY(again.open(QIODevice::ReadOnly));
  QSet<qint64> seqs;
  qint64 last = -1;
  int bucketLines = 0;
  for (const QByteArray& line : again.readAll().split('\n')) {
    if (line.isEmpty()) continue;
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const qint64 seq = o.value(QStringLiteral("seq")).toInteger();
    QVERIFY2(!seqs.contains(seq), line.constData());
    QVERIFY2(seq > last, "in trace order");
    seqs.insert(seq);
    last = seq;
    bucketLines += line.contains("KV.") || line.contains("bucket");
  }
  QVERIFY(!seqs.isEmpty());
  QCOMPARE(bucketLines, 0);  // nothing of the kv run

  const QString dot = dir.filePath(QStringLiteral("t.dot"));
  QVERIFY2(w.exporter()->exportDot(dot, error), qPrintable(error));
  QFile fd(dot);
  QVERIFY(fd.open(QIODevice::ReadOnly));
  const QByteArray d = fd.readAll().trimmed();
  QVERIFY(d.startsWith("digraph"));
  QVERIFY(d.endsWith("}"));
  QVERIFY(d.count('{') == d.count('}'));
}

QTEST_MAIN(TestDockExport)
#include "tst_dock_export.moc"
