// View > Compare semantics (CompareWindow): one scenario on a BEAM and an Ergo runtime stepped
// together; the selection and the process actions (toolbar and right-click menus) apply to both
// sides, each side's outcome read from its ObserverModel; ghosts of the dead, the captions, F11.
// Set ACTORSCOPE_COMPARE_SHOTS=dir to grab the window to PNG there (ACTORSCOPE_COMPARE_LANG=ru to
// grab it in Russian).

#include "CompareWindow.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "Language.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "ObserverModel.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QtTest>

#include "../common/tsan_qt.hpp"

using actorscope::Semantics;
using actorscope::app::CompareWindow;

namespace {

constexpr int kTimeout = 10'000;
constexpr int64_t kMs = 1'000'000;

/// The serial of the live process registered as `name` on a side (0: none).
uint32_t serialOf(const CompareWindow& w, Semantics side, const char* name) {
  for (const auto& [serial, r] : w.model(side)->processes())
    if (r.name == actorscope::intern(name)) return serial;
  return 0;
}

bool alive(const CompareWindow& w, Semantics side, uint32_t serial) { return w.model(side)->find(serial) != nullptr; }

actorscope::Pid pidOn(const CompareWindow& w, Semantics side, uint32_t serial) {
  const auto* r = w.model(side)->findAny(serial);
  return r ? r->pid : actorscope::Pid{};
}

/// The right-click menu of `serial` in the `side` graph, and its action `name` (null when absent).
struct Menu {
  std::unique_ptr<QMenu> menu;
  QAction* action(const char* name) const { return menu->findChild<QAction*>(QLatin1String(name)); }
  Menu(CompareWindow& w, Semantics side, uint32_t serial) : menu(w.contextMenu(side, pidOn(w, side, serial))) {}
};

/// The text dialog a menu action opened, answered with `text`.
bool answer(CompareWindow& w, const char* dialog, const QString& text) {
  auto* d = w.findChild<QInputDialog*>(QLatin1String(dialog));
  if (!d || !d->isVisible()) return false;
  d->setTextValue(text);
  d->accept();
  return true;
}

bool watches(const CompareWindow& w, Semantics side, uint32_t watcher, uint32_t target) {
  const auto* r = w.model(side)->find(watcher);
  if (!r) return false;
  for (const auto& [ref, p] : r->monitors)
    if (p.serial() == target) return true;
  return false;
}

bool linksTo(const CompareWindow& w, Semantics side, uint32_t from, uint32_t to) {
  const auto* r = w.model(side)->find(from);
  if (!r) return false;
  for (const auto& p : side == Semantics::Ergo ? r->one_way_links : r->links)
    if (p.serial() == to) return true;
  return false;
}

/// Steps both sides until nothing is due at or before `untilNs` (bounded).
bool stepThrough(CompareWindow& w, int64_t untilNs) {
  for (int i = 0; i < 1000; ++i) {
    if (!QTest::qWaitFor([&] { return !w.busy(); }, kTimeout)) return false;
    const auto due = w.nextDueNs();
    if (!due || *due > untilNs) return true;
    w.step();
  }
  return false;
}

/// ergo-service opened and shown on both sides: :service, three workers, :director.
struct Opened {
  CompareWindow w{QStringLiteral("ergo-service")};
  uint32_t service = 0, worker1 = 0, worker2 = 0, worker3 = 0, director = 0;
  bool ok() {
    w.show();
    for (Semantics s : {Semantics::Beam, Semantics::Ergo})
      for (const char* name : {"service", "worker_1", "worker_2", "worker_3", "director"})
        if (!QTest::qWaitFor([&] { return serialOf(w, s, name) != 0; }, kTimeout)) return false;
    service = serialOf(w, Semantics::Beam, "service");
    worker1 = serialOf(w, Semantics::Beam, "worker_1");
    worker2 = serialOf(w, Semantics::Beam, "worker_2");
    worker3 = serialOf(w, Semantics::Beam, "worker_3");
    director = serialOf(w, Semantics::Beam, "director");
    // Deterministic on both sides: the same scenario spawns the same serials.
    return service && worker1 && worker2 && service == serialOf(w, Semantics::Ergo, "service") &&
           worker1 == serialOf(w, Semantics::Ergo, "worker_1") && worker2 == serialOf(w, Semantics::Ergo, "worker_2");
  }
};

}  // namespace

class TestCompare : public QObject {
  Q_OBJECT

private slots:
  void opensBothSides();
  void workerCrashPartsTheSides();
  void playRunsBothSides();
  void selectionFollowsOnBothSides();
  void killReachesBothSides();
  void badExitReasonIsRefused();
  void menuKillFromErgoActsOnBoth();
  void menuTrapExitAndExitActOnBoth();
  void ergoMenuLinksAndMonitorsOnBoth();
  void menuOnProcessEndedOnOneSide();
  void ghostsStayUntilRestart();
  void ghostNotesKeepOffOtherNodes();
  void captionsSayWhereTheSidesPart();
  void presentationModeScalesText();
  void followsTheMainWindowsPresentation();
  void everyErgoScenarioRuns_data();
  void everyErgoScenarioRuns();
  void opensFromTheMenuPlaying();
  void screenshots();
};

void TestCompare::opensBothSides() {
  Opened o;
  QVERIFY(o.ok());
  QCOMPARE(o.w.scenario(), QStringLiteral("ergo-service"));
  QVERIFY(!o.w.playing());
  QVERIFY(!o.w.model(Semantics::Beam)->ergo());
  QVERIFY(o.w.model(Semantics::Ergo)->ergo());
  QCOMPARE(o.w.model(Semantics::Beam)->processCount(), size_t(5));
  QCOMPARE(o.w.model(Semantics::Ergo)->processCount(), size_t(5));
  // The chooser offers the chapter's scenarios first.
  const QStringList names = CompareWindow::scenarioNames();
  QVERIFY(names.size() > 5);
  for (int i = 0; i < 5; ++i) QVERIFY2(names[i].startsWith(QStringLiteral("ergo-")), qPrintable(names[i]));
}

void TestCompare::workerCrashPartsTheSides() {
  Opened o;
  QVERIFY(o.ok());
  // :director crashes :worker_1 at 2 s and :service 3 s later: step through the first crash only.
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  QCOMPARE(o.w.virtualNowNs(), 2000 * kMs);
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker1) && !alive(o.w, Semantics::Ergo, o.worker1), kTimeout);
  // BEAM: the link is two-way, the crash takes :service and its other workers. Ergo: one-way, it stays.
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker2), kTimeout);
  QVERIFY(alive(o.w, Semantics::Ergo, o.service));
  QVERIFY(alive(o.w, Semantics::Ergo, o.worker2));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.sideStatus(Semantics::Ergo).contains(QStringLiteral("TerminateReasonPanic")), kTimeout);
  QVERIFY2(o.w.sideStatus(Semantics::Beam).contains(QStringLiteral(":crash")), qPrintable(o.w.sideStatus(Semantics::Beam)));

  // An action on a process dead on one side goes to the side where it lives and says so.
  o.w.selectSerial(o.service);
  o.w.killSelected();
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("Kill(")), kTimeout);
  const QString msg = o.w.statusBar()->currentMessage();
  QVERIFY2(msg.contains(QStringLiteral("BEAM: ")) && msg.contains(QStringLiteral("already ended")), qPrintable(msg));
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Ergo, o.service), kTimeout);
  // Ergo: the workers' one-way links to :service fire on its end.
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Ergo, o.worker2), kTimeout);
}

void TestCompare::playRunsBothSides() {
  Opened o;
  QVERIFY(o.ok());
  o.w.setSpeed(4);
  o.w.setPlaying(true);
  QTRY_VERIFY_WITH_TIMEOUT(o.w.virtualNowNs() > 2500 * kMs, kTimeout);
  o.w.setPlaying(false);
  QVERIFY(o.w.virtualNowNs() < 5000 * kMs);  // before :director crashes :service
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service), kTimeout);
  QVERIFY(alive(o.w, Semantics::Ergo, o.service));
}

void TestCompare::selectionFollowsOnBothSides() {
  Opened o;
  QVERIFY(o.ok());
  auto* beam = o.w.scene(Semantics::Beam);
  auto* ergo = o.w.scene(Semantics::Ergo);
  QTRY_VERIFY_WITH_TIMEOUT(beam->nodeCount() >= 5 && ergo->nodeCount() >= 5, kTimeout);
  const actorscope::Pid p = o.w.model(Semantics::Beam)->find(o.worker2)->pid;
  beam->selectPid(p);  // as a click on the BEAM side
  QCOMPARE(o.w.selectedSerial(), o.worker2);
  QCOMPARE(ergo->selectedPid().serial(), o.worker2);
  ergo->selectPid(o.w.model(Semantics::Ergo)->find(o.service)->pid);
  QCOMPARE(beam->selectedPid().serial(), o.service);
}

void TestCompare::killReachesBothSides() {
  Opened o;
  QVERIFY(o.ok());
  o.w.selectSerial(o.worker2);
  o.w.killSelected();
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("Ergo: Kill(")), kTimeout);
  QVERIFY(o.w.statusBar()->currentMessage().contains(QStringLiteral("BEAM: Process.exit(")));
  QVERIFY(stepThrough(o.w, 0));  // the kills are due now
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker2) && !alive(o.w, Semantics::Ergo, o.worker2), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service), kTimeout);  // the link, both ways
  QVERIFY(alive(o.w, Semantics::Ergo, o.service));
}

void TestCompare::badExitReasonIsRefused() {
  Opened o;
  QVERIFY(o.ok());
  o.w.selectSerial(o.service);
  QVERIFY(!o.w.exitSelected(QStringLiteral("{:shutdown, ")));
  const QString msg = o.w.statusBar()->currentMessage();
  QVERIFY2(msg.startsWith(QStringLiteral("Not an exit reason: ")) && msg.contains(QStringLiteral("column")), qPrintable(msg));
  QVERIFY(!o.w.busy());  // nothing was sent
  // A good one goes to both.
  QVERIFY(o.w.exitSelected(QStringLiteral("{:shutdown, :tired}")));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("{:shutdown, :tired}")), kTimeout);
  QVERIFY(stepThrough(o.w, 0));
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service) && !alive(o.w, Semantics::Ergo, o.service), kTimeout);
}

void TestCompare::menuKillFromErgoActsOnBoth() {
  Opened o;
  QVERIFY(o.ok());
  Menu m(o.w, Semantics::Ergo, o.worker2);
  QVERIFY(m.action("compareMenuKill") && m.action("compareMenuKill")->isEnabled());
  QCOMPARE(o.w.selectedSerial(), o.worker2);  // the menu's process is selected on both sides
  m.action("compareMenuKill")->trigger();
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("Ergo: Kill(")), kTimeout);
  QVERIFY(o.w.statusBar()->currentMessage().contains(QStringLiteral("BEAM: Process.exit(")));
  QVERIFY(stepThrough(o.w, 0));
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker2) && !alive(o.w, Semantics::Ergo, o.worker2), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service), kTimeout);  // the BEAM's link, both ways
  QVERIFY(alive(o.w, Semantics::Ergo, o.service));
}

void TestCompare::menuTrapExitAndExitActOnBoth() {
  Opened o;
  QVERIFY(o.ok());
  {
    Menu m(o.w, Semantics::Beam, o.service);
    QAction* trap = m.action("compareMenuTrapExit");
    QVERIFY(trap && trap->isCheckable() && !trap->isChecked());
    trap->trigger();
  }
  QVERIFY(stepThrough(o.w, 0));
  for (Semantics s : {Semantics::Beam, Semantics::Ergo})
    QTRY_VERIFY_WITH_TIMEOUT(o.w.model(s)->find(o.service) && o.w.model(s)->find(o.service)->trap_exit, kTimeout);
  QVERIFY(Menu(o.w, Semantics::Ergo, o.service).action("compareMenuTrapExit")->isChecked());

  // Exit with reason: the menu asks for the reason, then both sides get it.
  Menu m(o.w, Semantics::Ergo, o.worker3);
  m.action("compareMenuExit")->trigger();
  QVERIFY(answer(o.w, "compareAskDialog", QStringLiteral("{:shutdown, :tired}")));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("{:shutdown, :tired}")), kTimeout);
  QVERIFY(stepThrough(o.w, 0));
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker3) && !alive(o.w, Semantics::Ergo, o.worker3), kTimeout);
  // :service traps now: on the BEAM it lives on with an {:EXIT, ...}; in Ergo it never linked to :worker_3.
  QVERIFY(alive(o.w, Semantics::Beam, o.service));
  QVERIFY(alive(o.w, Semantics::Ergo, o.service));
}

void TestCompare::ergoMenuLinksAndMonitorsOnBoth() {
  Opened o;
  QVERIFY(o.ok());
  QVERIFY(!Menu(o.w, Semantics::Beam, o.director).action("compareMenuMonitorName"));  // Ergo's graph only
  {
    Menu m(o.w, Semantics::Ergo, o.director);
    QAction* byName = m.action("compareMenuMonitorName");
    QVERIFY(byName && byName->isEnabled());
    byName->trigger();
  }
  QVERIFY(answer(o.w, "compareRelateDialog", QStringLiteral(":service")));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("the name :service")), kTimeout);
  QVERIFY(stepThrough(o.w, 0));
  QTRY_VERIFY_WITH_TIMEOUT(watches(o.w, Semantics::Ergo, o.director, o.service), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(watches(o.w, Semantics::Beam, o.director, o.service), kTimeout);  // the pid the name has
  QTRY_VERIFY_WITH_TIMEOUT(!o.w.findChild<QInputDialog*>(QStringLiteral("compareRelateDialog")), kTimeout);

  // A link by pid: one-way in Ergo, both ways on the BEAM.
  Menu(o.w, Semantics::Ergo, o.director).action("compareMenuLinkPid")->trigger();
  const auto* w3 = o.w.model(Semantics::Ergo)->find(o.worker3);
  QVERIFY(answer(o.w, "compareRelateDialog", QStringLiteral(":worker_3 %1").arg(o.w.model(Semantics::Ergo)->pidText(w3->pid))));
  QVERIFY(stepThrough(o.w, 0));
  QTRY_VERIFY_WITH_TIMEOUT(linksTo(o.w, Semantics::Ergo, o.director, o.worker3), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(linksTo(o.w, Semantics::Beam, o.director, o.worker3), kTimeout);
  QVERIFY(linksTo(o.w, Semantics::Beam, o.worker3, o.director));
  QVERIFY(!linksTo(o.w, Semantics::Ergo, o.worker3, o.director));
}

void TestCompare::menuOnProcessEndedOnOneSide() {
  Opened o;
  QVERIFY(o.ok());
  QVERIFY(stepThrough(o.w, 2500 * kMs));  // :worker_1 crashed: on the BEAM :service went with it
  QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.service), kTimeout);
  Menu m(o.w, Semantics::Ergo, o.service);
  bool said = false;
  for (QAction* a : m.menu->actions()) said = said || (a->text().contains(QStringLiteral("Ended on the BEAM")) && !a->isEnabled());
  QVERIFY(said);
  m.action("compareMenuSend")->trigger();
  QVERIFY(answer(o.w, "compareAskDialog", QStringLiteral("{:hello, 1}")));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.statusBar()->currentMessage().contains(QStringLiteral("Ergo: send(")), kTimeout);
  const QString msg = o.w.statusBar()->currentMessage();
  QVERIFY2(msg.contains(QStringLiteral("BEAM: :service")) && msg.contains(QStringLiteral("already ended")), qPrintable(msg));
  // Dead on both sides: nothing to do.
  QVERIFY(!Menu(o.w, Semantics::Beam, o.worker1).action("compareMenuKill")->isEnabled());
}

void TestCompare::ghostsStayUntilRestart() {
  Opened o;
  QVERIFY(o.ok());
  QVERIFY(o.w.ghosts());
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  auto* beam = o.w.scene(Semantics::Beam);
  auto* ergo = o.w.scene(Semantics::Ergo);
  // :service ended on the BEAM only: a ghost there, saying why; alive in Ergo.
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.service) && beam->node(o.service)->ghost(), kTimeout);
  QVERIFY2(beam->node(o.service)->ghostNote().startsWith(QStringLiteral("dead: ")), qPrintable(beam->node(o.service)->ghostNote()));
  QTRY_VERIFY_WITH_TIMEOUT(ergo->node(o.worker1) && ergo->node(o.worker1)->ghost(), kTimeout);
  QVERIFY2(ergo->node(o.worker1)->ghostNote().startsWith(QStringLiteral("dead: TerminateReasonPanic")), qPrintable(ergo->node(o.worker1)->ghostNote()));
  QVERIFY(ergo->node(o.service) && !ergo->node(o.service)->dying());
  // Faded and settled: it stays (a plain death is gone after ~1.5 s).
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.service) && beam->node(o.service)->opacity() < 0.6 &&
                               !beam->node(o.service)->needsAnimate(), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.worker2) && beam->node(o.worker2)->ghost(), kTimeout);
  QCOMPARE(beam->nodeCount(), 1);  // ghosts are not counted among the living
  // A right click on a ghost opens its menu and keeps it; a left click lets it go.
  auto* view = o.w.view(Semantics::Beam);
  o.w.view(Semantics::Beam)->setAutoFit(false);
  // Beside its centre, where its links' lines end: a click there is the ghost's, not an edge's.
  const auto* ghost = beam->node(o.service);
  const QPoint at = view->mapFromScene(ghost->pos() + QPointF(-0.4, -0.4) * ghost->radius());
  QTest::mousePress(view->viewport(), Qt::RightButton, {}, at);
  QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, at);
  QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at));  // as the platform sends it
  QApplication::sendEvent(view->viewport(), &menuEvent);
  QTRY_VERIFY_WITH_TIMEOUT(o.w.findChild<QMenu*>(QStringLiteral("compareContextMenu")), kTimeout);
  delete o.w.findChild<QMenu*>(QStringLiteral("compareContextMenu"));
  QVERIFY(beam->node(o.service) && beam->node(o.service)->ghost());
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  QTRY_VERIFY_WITH_TIMEOUT(!beam->node(o.service), kTimeout);
  view->setAutoFit(true);

  // Restart: the ghosts go, the processes are back alive.
  o.w.restart();
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.service) && !beam->node(o.service)->ghost() && !beam->node(o.service)->dying(), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(ergo->node(o.worker1) && !ergo->node(o.worker1)->ghost(), kTimeout);

  // Ghosts off: they fade as a plain death does.
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.service) && beam->node(o.service)->ghost(), kTimeout);
  o.w.setGhosts(false);
  QVERIFY(!beam->node(o.service) || !beam->node(o.service)->ghost());
  QTRY_VERIFY_WITH_TIMEOUT(!beam->node(o.service) && !ergo->node(o.worker1), kTimeout);
}

void TestCompare::ghostNotesKeepOffOtherNodes() {
  // After the worker's crash at 1280x720 (the picture that showed it): Ergo's :worker_1 ghost had
  // its "dead: TerminateReasonPanic" over :director and past the graph's right edge. Each ghost's
  // note now keeps off every other node's body and labels, and stays inside the fitted scene.
  Opened o;
  o.w.resize(1280, 720);
  QVERIFY(o.ok());
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  auto* beam = o.w.scene(Semantics::Beam);
  auto* ergo = o.w.scene(Semantics::Ergo);
  QTRY_VERIFY_WITH_TIMEOUT(ergo->node(o.worker1) && ergo->node(o.worker1)->ghost(), kTimeout);
  QTRY_VERIFY_WITH_TIMEOUT(beam->node(o.worker2) && beam->node(o.worker2)->ghost(), kTimeout);
  // Every ghost's note clear of the other nodes and inside the scene as the view fits it.
  auto check = [&](const char* when) {
    for (auto* scene : {beam, ergo}) QTRY_VERIFY_WITH_TIMEOUT(!scene->animating(), kTimeout);  // settled
    QTest::qWait(300);  // the views painted the settled layout (their scale told to the scenes)
    int ghosts = 0;
    for (Semantics side : {Semantics::Beam, Semantics::Ergo}) {
      auto* scene = o.w.scene(side);
      const double lod = scene->viewLod() > 0 ? scene->viewLod() : 1;
      const QRectF fitted = (scene->nodesRect() | scene->observerRect()).adjusted(-50, -40, 50, 40);  // as fitAll shows it
      std::vector<const actorscope::views::NodeItem*> nodes;
      for (QGraphicsItem* i : scene->items())
        if (const auto* n = dynamic_cast<const actorscope::views::NodeItem*>(i)) nodes.push_back(n);
      for (const auto* g : nodes) {
        if (!g->ghost()) continue;
        ++ghosts;
        const QRectF note = g->noteRect(lod).translated(g->pos());
        QVERIFY(!note.isEmpty() && !g->noteText().isEmpty());
        QVERIFY2(fitted.contains(note), qPrintable(QLatin1String(when) + QLatin1Char(' ') + g->label() + QStringLiteral(": the note leaves the scene")));
        for (const auto* n : nodes) {
          if (n == g || (n->dying() && !n->ghost())) continue;
          QVERIFY2(!note.intersects(n->footprint(lod).translated(n->pos())),
                   qPrintable(QLatin1String(when) + QLatin1Char(' ') + g->label() + QStringLiteral("'s note \"") + g->noteText() +
                              QStringLiteral("\" covers ") + n->label()));
        }
      }
    }
    QCOMPARE(ghosts, 5);  // the BEAM's :service and three workers, Ergo's :worker_1
  };
  check("normal");
  if (QTest::currentTestFailed()) return;
  QVERIFY(ergo->node(o.worker1)->noteText() == ergo->node(o.worker1)->ghostNote());  // room for all of it
  // F11 (the lesson's screen size): the labels and notes grow, the notes still keep clear.
  o.w.setPresentationMode(true);
  o.w.showNormal();
  o.w.resize(1280, 720);
  check("presentation");
  if (QTest::currentTestFailed()) return;
  // The whole reason is in the tooltip, elided or not.
  QVERIFY(ergo->node(o.worker1)->toolTip().contains(QStringLiteral("dead: TerminateReasonPanic")));
}

void TestCompare::captionsSayWhereTheSidesPart() {
  Opened o;
  QVERIFY(o.ok());
  QTRY_VERIFY_WITH_TIMEOUT(o.w.sideCaption(Semantics::Beam).startsWith(QStringLiteral("5 alive, 0 dead")), kTimeout);
  QVERIFY(o.w.sideCaption(Semantics::Ergo).contains(QStringLiteral("the same processes alive on both sides")));
  QVERIFY(stepThrough(o.w, 2500 * kMs));
  QTRY_VERIFY_WITH_TIMEOUT(o.w.sideCaption(Semantics::Beam).startsWith(QStringLiteral("1 alive, 4 dead")), kTimeout);
  const QString beam = o.w.sideCaption(Semantics::Beam), ergo = o.w.sideCaption(Semantics::Ergo);
  QVERIFY2(beam.contains(QStringLiteral("alive only in Ergo: :service, :worker_2, :worker_3")), qPrintable(beam));
  QVERIFY2(ergo.startsWith(QStringLiteral("4 alive, 1 dead")) && ergo.contains(QStringLiteral("alive only here: :service, :worker_2, :worker_3")),
           qPrintable(ergo));
}

void TestCompare::presentationModeScalesText() {
  Opened o;
  QVERIFY(o.ok());
  auto* title = o.w.findChild<QLabel*>(QStringLiteral("ergoTitle"));
  auto* caption = o.w.findChild<QLabel*>(QStringLiteral("beamCaption"));
  auto* bar = o.w.findChild<QToolBar*>(QStringLiteral("compareProcessToolBar"));
  auto* f11 = o.w.findChild<QAction*>(QStringLiteral("comparePresentationAction"));
  QVERIFY(title && caption && bar && f11);
  QCOMPARE(f11->shortcut(), QKeySequence(Qt::Key_F11));
  const double titlePt = title->font().pointSizeF(), captionPt = caption->font().pointSizeF(), barPt = bar->font().pointSizeF();
  const double labels = actorscope::views::NodeItem::textScale();
  const int barHeight = bar->sizeHint().height();
  f11->trigger();
  QVERIFY(o.w.presentationMode());
  QCOMPARE(title->font().pointSizeF(), titlePt * 1.5);
  QCOMPARE(caption->font().pointSizeF(), captionPt * 1.5);
  QCOMPARE(bar->font().pointSizeF(), barPt * 1.5);
  QVERIFY(bar->sizeHint().height() > barHeight);
  QCOMPARE(actorscope::views::NodeItem::textScale(), labels * 1.5);
  o.w.setPresentationMode(false);
  QVERIFY(!f11->isChecked());
  QCOMPARE(title->font().pointSizeF(), titlePt);
  QCOMPARE(bar->font().pointSizeF(), barPt);
  QCOMPARE(actorscope::views::NodeItem::textScale(), labels);
}

void TestCompare::followsTheMainWindowsPresentation() {
  // A lesson in presentation mode opens View > Compare semantics: it presents too, at the same
  // size (the application font is scaled already: not 1.5 x 1.5), and gives the labels back.
  QStandardPaths::setTestModeEnabled(true);
  QCoreApplication::setOrganizationName(QStringLiteral("ActorscopeTest"));
  QCoreApplication::setApplicationName(QStringLiteral("tst_compare"));
  QSettings().clear();
  const double app = QApplication::font().pointSizeF();
  actorscope::app::MainWindow main;
  main.show();
  main.setPresentationMode(true);
  QCOMPARE(QApplication::font().pointSizeF(), app * 1.5);
  QPointer<CompareWindow> w = actorscope::app::openCompareWindow(&main, QStringLiteral("ergo-service"));
  QVERIFY(w && w->presentationMode());
  QCOMPARE(w->findChild<QToolBar*>(QStringLiteral("compareTimeToolBar"))->font().pointSizeF(), app * 1.5);
  QCOMPARE(actorscope::views::NodeItem::textScale(), 1.3 * 1.5);
  w->close();
  QTRY_VERIFY_WITH_TIMEOUT(!w, kTimeout);
  QCOMPARE(actorscope::views::NodeItem::textScale(), 1.5);  // the main window's again
  main.setPresentationMode(false);
  QCOMPARE(QApplication::font().pointSizeF(), app);
  QSettings().clear();
}

void TestCompare::everyErgoScenarioRuns_data() {
  QTest::addColumn<QString>("scenario");
  for (const QString& name : CompareWindow::scenarioNames())
    if (name.startsWith(QStringLiteral("ergo-"))) QTest::newRow(qPrintable(name)) << name;
}

void TestCompare::everyErgoScenarioRuns() {
  QFETCH(QString, scenario);
  CompareWindow w(scenario);
  QCOMPARE(w.scenario(), scenario);
  w.show();
  for (Semantics s : {Semantics::Beam, Semantics::Ergo})
    QTRY_VERIFY_WITH_TIMEOUT(w.model(s)->processCount() >= 2, kTimeout);
  QVERIFY(stepThrough(w, 8000 * kMs));  // past every step the chapter's scenarios take
  QVERIFY(w.virtualNowNs() > 0);
  QVERIFY2(!w.statusBar()->currentMessage().contains(QStringLiteral("failed")), qPrintable(w.statusBar()->currentMessage()));
}

void TestCompare::opensFromTheMenuPlaying() {
  QWidget parent;
  QPointer<CompareWindow> w = actorscope::app::openCompareWindow(&parent, QStringLiteral("ergo-trapped-kill"));
  QVERIFY(w);
  QVERIFY(w->isWindow() && w->isVisible());
  QCOMPARE(w->scenario(), QStringLiteral("ergo-trapped-kill"));
  QVERIFY(w->playing());
  QTRY_VERIFY_WITH_TIMEOUT(w->virtualNowNs() > 0, kTimeout);
  // An unknown name falls back to the first of the chapter's scenarios.
  QPointer<CompareWindow> w2 = actorscope::app::openCompareWindow(&parent, QStringLiteral("no-such-scenario"));
  QCOMPARE(w2->scenario(), CompareWindow::scenarioNames().front());
  w->close();
  w2->close();
  QTRY_VERIFY_WITH_TIMEOUT(!w && !w2, kTimeout);  // deleted on close
}

void TestCompare::screenshots() {
  const QString dir = qEnvironmentVariable("ACTORSCOPE_COMPARE_SHOTS");
  if (dir.isEmpty()) QSKIP("set ACTORSCOPE_COMPARE_SHOTS=dir to grab the window");
  QDir().mkpath(dir);
  if (const QString lang = qEnvironmentVariable("ACTORSCOPE_COMPARE_LANG"); !lang.isEmpty())
    QVERIFY(actorscope::app::installLanguage(*qApp, lang));
  for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
    Opened o;
    o.w.resize(size);
    QVERIFY(o.ok());
    auto grab = [&](const char* when) {
      QTest::qWait(2500);  // the layout settles and the dying fade out (a picture, not a check)
      const QString name = QStringLiteral("compare-%1x%2-%3.png").arg(size.width()).arg(size.height()).arg(QLatin1String(when));
      return o.w.grab().save(QDir(dir).filePath(name));
    };
    QVERIFY(grab("start"));
    QVERIFY(stepThrough(o.w, 2500 * kMs));
    QTRY_VERIFY_WITH_TIMEOUT(!alive(o.w, Semantics::Beam, o.worker2), kTimeout);
    o.w.selectSerial(o.service);
    QVERIFY(grab("crashed"));
    // F11 (offscreen, full screen is the window's size): the back row's sizes.
    o.w.setPresentationMode(true);
    o.w.showNormal();  // offscreen, full screen is its 800x800 screen: the lesson's screen size instead
    o.w.resize(size);
    QVERIFY(grab("presentation"));
    o.w.setPresentationMode(false);
    if (QGuiApplication::platformName() == QLatin1String("xcb") && size.width() == 1920) {
      // A real X server (Xvfb): the Ergo graph's menu on :service, as a right click opens it.
      auto* view = o.w.view(Semantics::Ergo);
      const auto* n = o.w.scene(Semantics::Ergo)->node(o.service);
      QVERIFY(n);
      const QPoint at = view->viewport()->mapToGlobal(view->mapFromScene(n->pos()));
      QMenu* menu = o.w.contextMenu(Semantics::Ergo, pidOn(o.w, Semantics::Ergo, o.service));
      menu->popup(at);
      QTest::qWait(600);
      if (auto* ergoMenu = menu->findChild<QMenu*>(QStringLiteral("compareErgoMenu"))) {
        menu->setActiveAction(ergoMenu->menuAction());
        ergoMenu->popup(menu->mapToGlobal(menu->actionGeometry(ergoMenu->menuAction()).topRight()));
      }
      QTest::qWait(600);
      QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).save(QDir(dir).filePath(QStringLiteral("compare-menu.png"))));
      menu->close();
      delete menu;
    }
  }
  // The chapter's other cases just after their first act (each acts at 2 s).
  for (const QString& name : CompareWindow::scenarioNames()) {
    if (!name.startsWith(QStringLiteral("ergo-")) || name == QStringLiteral("ergo-service")) continue;
    CompareWindow w(name);
    w.resize(1280, 720);
    w.show();
    QVERIFY(stepThrough(w, 2500 * kMs));
    QTest::qWait(2500);
    QVERIFY(w.grab().save(QDir(dir).filePath(QStringLiteral("compare-1280x720-%1.png").arg(name))));
  }
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
