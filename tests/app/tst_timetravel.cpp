// The window's time travel and fault gestures: opening a recording (replay mode: the live
// runtime pauses, process actions wait for Live), broken recordings opened from the GUI, a
// timeline stretch exported as Mermaid, a delay set by dragging on an edge, and Ctrl+click adding
// processes to the mailbox chart.

#include "FaultPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "ProcessTableModel.h"
#include "ChartsWidget.h"
#include "ConsoleWidget.h"
#include "TimelineWidget.h"

#include "actorscope/headless.hpp"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <sstream>

#include "../common/tsan_qt.hpp"

using actorscope::Pid;
using actorscope::app::MainWindow;

namespace {

/// link-chain recorded headless (deterministic): the director kills :chain_0 and the cascade runs.
QString recordChain(const QTemporaryDir& dir, const QString& name = QStringLiteral("chain.jsonl")) {
  const QString path = dir.filePath(name);
  std::ostringstream err;
  const int st = actorscope::record_headless("link-chain", {}, 3000, path.toStdString(), err);
  if (st != 0) qWarning("record_headless: %s", err.str().c_str());
  return st == 0 ? path : QString();
}

QList<QByteArray> readLines(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  QList<QByteArray> lines = f.readAll().split('\n');
  while (!lines.isEmpty() && lines.back().isEmpty()) lines.pop_back();
  return lines;
}

bool writeLines(const QString& path, const QList<QByteArray>& lines) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  f.write(lines.join('\n'));
  return true;
}

}  // namespace

class TestTimeTravel final : public QObject {
  Q_OBJECT

private slots:
  void openingARecordingPausesTheLiveRuntime();
  void aPausedRuntimeStaysPausedAfterLive();
  void truncatedRecordingShowsWhatCouldBeRead();
  void futureVersionIsRefusedAndLiveGoesOn();
  void timelineStretchAsMermaid();
  void dragOnAnEdgeSetsItsDelay();
  void ctrlClickAddsToTheMailboxChart();
  void noShellGlyphOnARecordingsPids();
  void aJumpShowsTheSignalsInFlight();
  void anErgoRecordingIsShownByErgoRules();
};

void TestTimeTravel::openingARecordingPausesTheLiveRuntime() {
  QTemporaryDir dir;
  const QString rec = recordChain(dir);
  QVERIFY(!rec.isEmpty());
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  const QString registry = QStringLiteral("KV.Registry");
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(registry).valid(), 10000);
  QVERIFY(!window.paused());
  QStringList errors;
  QVERIFY(window.openRecording(rec, &errors));
  QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
  QVERIFY(window.paused());
  QCOMPARE(window.replayFile(), rec);
  QVERIFY(window.timeTravelling());
  QVERIFY(window.windowTitle().contains(QStringLiteral("replay of chain.jsonl")));
  QCOMPARE(window.timeline()->openedFile(), rec);
  QVERIFY(window.timeline()->replay() && window.timeline()->replay()->size() > 0);

  // The graph shows the recording: link-chain's members, not kv's processes.
  window.timeline()->seekIndex(window.timeline()->replay()->size());
  QVERIFY(window.observerModel()->processCount() > 0);
  QVERIFY(!window.findPid(registry).valid());
  // Acting on processes waits for Live: the menus and the inspector's buttons, which say why.
  QVERIFY(!window.findChild<QAction*>(QStringLiteral("killAction"))->isEnabled());
  const actorscope::Pid member = window.observerModel()->graph().processes().begin()->second.pid;
  QVERIFY(window.selectByName(QString::fromStdString(actorscope::inspect_pid(member)), false));
  auto* kill = window.findChild<QPushButton*>(QStringLiteral("inspectorKill"));
  QVERIFY(kill);
  QVERIFY(!kill->isEnabled());
  QVERIFY2(kill->toolTip().contains(QStringLiteral("past")), qPrintable(kill->toolTip()));

  // Live: the kv runtime runs again and its processes are back in the graph.
  window.timeline()->goLive();
  QVERIFY(!window.paused());
  QVERIFY(window.replayFile().isEmpty());
  QVERIFY(!window.timeTravelling());
  QVERIFY(!window.windowTitle().contains(QStringLiteral("replay")));
  QTRY_VERIFY_WITH_TIMEOUT((window.tick(), window.findPid(registry).valid()), 10000);
  QVERIFY(window.selectByName(registry, false));
  QTRY_VERIFY_WITH_TIMEOUT((window.tick(), kill->isEnabled()), 10000);
}

void TestTimeTravel::aPausedRuntimeStaysPausedAfterLive() {
  QTemporaryDir dir;
  const QString rec = recordChain(dir);
  QVERIFY(!rec.isEmpty());
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("monitors")));
  window.setPaused(true);
  QVERIFY(window.openRecording(rec));
  QVERIFY(window.paused());
  window.timeline()->goLive();
  QVERIFY(window.paused());
  // A new scenario while replaying also ends the replay.
  window.setPaused(false);
  QVERIFY(window.openRecording(rec));
  QVERIFY(window.paused());
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));
  QVERIFY(!window.timeTravelling());
  QVERIFY(window.replayFile().isEmpty());
  QVERIFY(!window.paused());
}

void TestTimeTravel::truncatedRecordingShowsWhatCouldBeRead() {
  QTemporaryDir dir;
  const QString rec = recordChain(dir);
  QVERIFY(!rec.isEmpty());
  QList<QByteArray> lines = readLines(rec);
  QVERIFY(lines.size() > 10);
  const int keep = lines.size() / 2;
  lines = lines.mid(0, keep);
  lines.back().chop(lines.back().size() / 2);  // the last line cut in the middle, as by a crash
  QVERIFY(writeLines(rec, lines));

  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QStringList errors;
  QVERIFY(window.openRecording(rec, &errors));
  QCOMPARE(errors.size(), 1);
  QVERIFY2(errors.front().contains(QStringLiteral("line %1").arg(keep)), qPrintable(errors.front()));
  // Every complete line before it is shown: keep - 2 events (the header and the cut line are not events).
  QCOMPARE(qsizetype(window.timeline()->replay()->size()), qsizetype(keep - 2));
  QVERIFY(window.paused());
}

void TestTimeTravel::futureVersionIsRefusedAndLiveGoesOn() {
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("future.jsonl"));
  QVERIFY(writeLines(rec, {"{\"type\":\"header\",\"format\":\"actorscope-trace\",\"version\":99}"}));
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QStringList errors;
  QVERIFY(!window.openRecording(rec, &errors));
  QVERIFY(!errors.isEmpty());
  QVERIFY2(errors.front().contains(QStringLiteral("line 1")) && errors.front().contains(QStringLiteral("version")),
           qPrintable(errors.front()));
  QVERIFY(!window.paused());
  QVERIFY(!window.timeTravelling());
  QVERIFY(window.replayFile().isEmpty());

  // Not JSON at all, and a missing file: errors, nothing opened.
  const QString junk = dir.filePath(QStringLiteral("junk.jsonl"));
  QVERIFY(writeLines(junk, {"this is not a recording"}));
  errors.clear();
  QVERIFY(!window.openRecording(junk, &errors));
  QVERIFY2(!errors.isEmpty() && errors.front().contains(QStringLiteral("line 1")), qPrintable(errors.join('\n')));
  errors.clear();
  QVERIFY(!window.openRecording(dir.filePath(QStringLiteral("missing.jsonl")), &errors));
  QVERIFY2(!errors.isEmpty() && errors.front().contains(QStringLiteral("missing.jsonl")), qPrintable(errors.join('\n')));
  QVERIFY(!window.timeTravelling());
}

void TestTimeTravel::timelineStretchAsMermaid() {
  QTemporaryDir dir;
  const QString rec = recordChain(dir);
  QVERIFY(!rec.isEmpty());
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  QVERIFY(window.openRecording(rec));
  auto* tl = window.timeline();
  const auto& markers = tl->replay()->markers();
  auto firstExit = std::find_if(markers.begin(), markers.end(),
                                [](const actorscope::Marker& m) { return m.kind == actorscope::Marker::Kind::Exit; });
  QVERIFY(firstExit != markers.end());

  // The whole recording when nothing is selected.
  size_t all = 0;
  const QString whole = tl->mermaid(&all);
  QCOMPARE(all, std::min(tl->replay()->size(), actorscope::views::TimelineWidget::kMaxMermaidEvents));
  QVERIFY(whole.startsWith(QStringLiteral("sequenceDiagram\n")));

  // A stretch around the first exit: the kill of :chain_0 and the EXIT signals it sends.
  tl->setSelection(firstExit->time_ns - 1, tl->rangeEnd());
  QVERIFY(tl->hasSelection());
  tl->seekIndex(3);
  size_t n = 0;
  const QString text = tl->mermaid(&n);
  QCOMPARE(tl->position(), size_t(3));  // exporting does not move the view
  QVERIFY(n > 0 && n <= all);
  QVERIFY2(text.startsWith(QStringLiteral("sequenceDiagram\n")), qPrintable(text.left(200)));
  QVERIFY2(text.contains(QStringLiteral("participant")) && text.contains(QStringLiteral(":chain_0")), qPrintable(text.left(600)));
  QVERIFY2(text.contains(QStringLiteral(": EXIT :killed")) || text.contains(QStringLiteral(": EXIT :kill")), qPrintable(text.left(2000)));

  // An empty stretch (before the first event) holds nothing.
  tl->setSelection(tl->rangeStart(), tl->rangeStart() + 1);
  size_t none = 99;
  tl->mermaid(&none);
  QVERIFY(none <= 1);

  // The action copies to the clipboard.
  tl->setSelection(firstExit->time_ns - 1, tl->rangeEnd());
  QGuiApplication::clipboard()->clear();
  tl->copyMermaidAction()->trigger();
  QCOMPARE(QGuiApplication::clipboard()->text(), text);
  // Both actions are in File > Export.
  QVERIFY(window.findChild<QAction*>(QStringLiteral("saveMermaidAction")));
}

void TestTimeTravel::dragOnAnEdgeSetsItsDelay() {
  MainWindow window;
  window.resize(1200, 800);
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QTRY_VERIFY_WITH_TIMEOUT(window.findPid(QStringLiteral("chain_0")).valid() && window.findPid(QStringLiteral("chain_1")).valid(), 10000);
  const Pid a = window.findPid(QStringLiteral("chain_0"));
  const Pid b = window.findPid(QStringLiteral("chain_1"));
  auto* scene = window.graphScene();
  auto hasEdge = [&] {
    const auto edges = scene->edges();
    return std::any_of(edges.begin(), edges.end(), [&](const actorscope::views::GraphEdge& e) {
      return (e.from == a.serial() && e.to == b.serial()) || (e.from == b.serial() && e.to == a.serial());
    });
  };
  QTRY_VERIFY_WITH_TIMEOUT((window.tick(), hasEdge()), 10000);
  window.graphView()->setAutoFit(false);
  QTest::qWait(1500);  // the layout settles so the edge stays under the mouse
  auto* view = window.graphView();
  const QPointF pa = scene->node(a)->pos(), pb = scene->node(b)->pos();
  const QPoint mid = view->mapFromScene((pa + pb) / 2);
  const auto edge = scene->edgeAt(view->mapToScene(mid), 6 / view->transform().m11());
  QVERIFY(edge.has_value());
  QCOMPARE(scene->edgeDelayMs(a.serial(), b.serial()), 0);

  QWidget* vp = view->viewport();
  QTest::mousePress(vp, Qt::LeftButton, {}, mid);
  QTest::mouseMove(vp, mid + QPoint(15, 0));
  QTest::mouseMove(vp, mid + QPoint(30, 0));
  QTest::mouseRelease(vp, Qt::LeftButton, {}, mid + QPoint(30, 0));
  // The delay fault went through the runtime (the scene learns it from the trace).
  QTRY_COMPARE_WITH_TIMEOUT((window.tick(), scene->edgeDelayMs(a.serial(), b.serial())), 300, 10000);
  QTRY_VERIFY_WITH_TIMEOUT(window.faultPanel()->status().contains(QStringLiteral("delay")), 10000);

  // Dragging back to the left clears it.
  QTest::mousePress(vp, Qt::LeftButton, {}, mid);
  QTest::mouseMove(vp, mid + QPoint(-20, 0));
  QTest::mouseMove(vp, mid + QPoint(-40, 0));
  QTest::mouseRelease(vp, Qt::LeftButton, {}, mid + QPoint(-40, 0));
  QTRY_COMPARE_WITH_TIMEOUT((window.tick(), scene->edgeDelayMs(a.serial(), b.serial())), 0, 10000);
}

void TestTimeTravel::ctrlClickAddsToTheMailboxChart() {
  MainWindow window;
  window.resize(1200, 800);
  QVERIFY(window.setScenario(QStringLiteral("link-chain")));
  window.show();
  QVERIFY(QTest::qWaitForWindowExposed(&window));
  QVERIFY(window.showTab(QStringLiteral("processes")));
  QTRY_VERIFY_WITH_TIMEOUT((window.tick(), window.tableModel()->rowCount() >= 4), 10000);
  auto* table = window.findChild<QTableView*>(QStringLiteral("processTable"));
  QVERIFY(table);
  auto rowPoint = [&](int row) { return table->visualRect(table->model()->index(row, 0)).center(); };
  auto pidAt = [&](int row) {
    return Pid{table->model()->index(row, 0).data(actorscope::views::ProcessTableModel::PidRole).value<quint64>()};
  };
  const Pid p0 = pidAt(0), p1 = pidAt(1), p2 = pidAt(2);
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rowPoint(0));
  QCOMPARE(window.charts()->selected(), std::vector<Pid>{p0});
  QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, rowPoint(1));
  QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, rowPoint(2));
  QCOMPARE(window.charts()->selected(), (std::vector<Pid>{p0, p1, p2}));
  // A plain click starts over.
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rowPoint(1));
  QCOMPARE(window.charts()->selected(), std::vector<Pid>{p1});
}

void TestTimeTravel::noShellGlyphOnARecordingsPids() {
  using actorscope::views::ConsoleRole;
  QTemporaryDir dir;
  const QString rec = recordChain(dir);
  QVERIFY(!rec.isEmpty());
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));
  auto shellMarked = [&] {
    window.tick();
    const auto* r = window.observerModel()->find(window.console()->shellPid());
    return r && r->console == ConsoleRole::Shell;
  };
  QTRY_VERIFY_WITH_TIMEOUT(shellMarked(), 30000);
  QVERIFY(window.openRecording(rec));
  // Just before the kill, every member of the chain is alive, the live shell's serial among them.
  QVERIFY(!window.timeline()->replay()->markers().empty());
  window.timeline()->seekIndex(window.timeline()->replay()->markers().front().index);
  QVERIFY(window.observerModel()->findAny(window.console()->shellPid().serial()));
  for (const auto& [serial, r] : window.observerModel()->processes()) QCOMPARE(r.console, ConsoleRole::None);
  window.timeline()->goLive();
  QTRY_VERIFY_WITH_TIMEOUT(shellMarked(), 30000);
}

void TestTimeTravel::aJumpShowsTheSignalsInFlight() {
  // link-chain with 200 ms a hop: jump into the cascade, and the exit signal on its way is drawn
  // part of the way along its edge (the scene had no pulse for it: it was rebuilt from a snapshot).
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("slow.jsonl"));
  actorscope::HeadlessOptions opts;
  opts.latency_ms = 200;
  std::ostringstream err;
  QCOMPARE(actorscope::record_headless("link-chain", {}, 4000, rec.toStdString(), err, opts), 0);
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("empty")));
  QVERIFY(window.openRecording(rec));
  auto* tl = window.timeline();
  const actorscope::Replay* r = tl->replay();
  int64_t sent = -1;
  for (const actorscope::TraceEvent& e : r->events(0, r->size()))
    if (e.kind == actorscope::TraceKind::SignalSent && e.signal == actorscope::SignalType::Exit && e.a.valid()) {
      sent = e.time_ns;
      break;
    }
  QVERIFY(sent > 0);
  tl->seekIndex(r->size());           // the end first: going back rebuilds the scene from a snapshot
  tl->seekTime(sent + 100'000'000);  // half way along a 200 ms hop
  auto* scene = window.graphScene();
  scene->advance();
  const auto& anims = scene->signalAnims();
  const auto pulse = std::find_if(anims.begin(), anims.end(), [](const actorscope::views::SignalAnim& a) {
    return (a.kind == actorscope::views::SignalAnim::KillBolt || a.kind == actorscope::views::SignalAnim::ExitPulse) &&
           !a.delivered && a.listed;
  });
  QVERIFY(pulse != anims.end());
  QVERIFY2(pulse->rtProgress > 0.3 && pulse->rtProgress < 0.7, qPrintable(QString::number(pulse->rtProgress)));
  // Just before it was sent, nothing is on its way.
  tl->seekTime(sent - 1);
  scene->advance();
  QVERIFY(std::none_of(scene->signalAnims().begin(), scene->signalAnims().end(),
                       [](const actorscope::views::SignalAnim& a) { return a.listed && !a.delivered; }));
}

void TestTimeTravel::anErgoRecordingIsShownByErgoRules() {
  // A recording says whose rules it was made under: a BEAM window opening an Ergo one reads its
  // links as one-way arrows and says "Ergo mode" until Live, then follows its own runtime again.
  QTemporaryDir dir;
  const QString rec = dir.filePath(QStringLiteral("ergo.jsonl"));
  std::ostringstream err;
  actorscope::HeadlessOptions opts;
  opts.semantics = actorscope::Semantics::Ergo;
  QCOMPARE(actorscope::record_headless("ergo-service", {}, 1000, rec.toStdString(), err, opts), 0);
  MainWindow window;
  QVERIFY(window.setScenario(QStringLiteral("kv")));  // BEAM: supervisors linked to their children
  QVERIFY(!window.observerModel()->ergo());
  QVERIFY(window.openRecording(rec));
  QVERIFY(window.observerModel()->ergo());
  QVERIFY2(window.windowTitle().endsWith(QStringLiteral("replay of ergo.jsonl (Ergo mode)")), qPrintable(window.windowTitle()));
  window.timeline()->seekIndex(window.timeline()->replay()->size());
  window.graphScene()->advance();
  auto count = [&](actorscope::views::GraphEdge::Kind k) {
    const auto edges = window.graphScene()->edges();
    return std::count_if(edges.begin(), edges.end(), [k](const auto& e) { return e.kind == k; });
  };
  QCOMPARE(count(actorscope::views::GraphEdge::OneWayLink), 3);  // each worker -> :service
  QCOMPARE(count(actorscope::views::GraphEdge::Link), 0);
  window.timeline()->goLive();
  QVERIFY(!window.observerModel()->ergo());
  QVERIFY(!window.windowTitle().contains(QStringLiteral("Ergo")));
  QTRY_VERIFY_WITH_TIMEOUT((window.tick(), window.graphScene()->advance(), count(actorscope::views::GraphEdge::Link) > 0), 30000);
  QCOMPARE(count(actorscope::views::GraphEdge::OneWayLink), 0);
}

QTEST_MAIN(TestTimeTravel)
#include "tst_timetravel.moc"
