// View > Compare semantics (CompareWindow): one scenario on a BEAM and an Ergo runtime stepped
// together; the selection and the process actions apply to both sides, each side's outcome read
// from its ObserverModel. Set ACTORSCOPE_COMPARE_SHOTS=dir to grab the window to PNG there.

#include "CompareWindow.h"
#include "GraphScene.h"
#include "ObserverModel.h"

#include <QDir>
#include <QStatusBar>
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
  uint32_t service = 0, worker1 = 0, worker2 = 0;
  bool ok() {
    w.show();
    for (Semantics s : {Semantics::Beam, Semantics::Ergo})
      for (const char* name : {"service", "worker_1", "worker_2", "worker_3", "director"})
        if (!QTest::qWaitFor([&] { return serialOf(w, s, name) != 0; }, kTimeout)) return false;
    service = serialOf(w, Semantics::Beam, "service");
    worker1 = serialOf(w, Semantics::Beam, "worker_1");
    worker2 = serialOf(w, Semantics::Beam, "worker_2");
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
