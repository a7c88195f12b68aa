// TimelineWidget: recording from host batches, markers, and time travel through the model;
// FaultPanel: chaos from a seed in a deterministic runtime kills processes, and the event log
// shows the faults.

#include "fixtures.hpp"
#include "EventLog.h"
#include "EmbeddedSource.h"
#include "FaultPanel.h"
#include "RuntimeHost.h"
#include "TimelineWidget.h"

#include <actorscope/scenarios.hpp>

#include <QTemporaryDir>

using namespace vt;
using views::HostBatch;
using views::TimelineWidget;

namespace {
/// The trace so far drained, and the first batch the host sends after start (a snapshot)
/// recorded: the timeline starts from it.
HostBatch startFromSnapshot(World& w, TimelineWidget& tl) {
  std::vector<TraceEvent> early;
  w.rt.drain_trace(early);
  HostBatch b0;
  b0.snapshot = w.rt.snapshot();
  tl.record(b0);
  return b0;
}
}  // namespace

class TestTimeline final : public QObject {
  Q_OBJECT

private slots:
  void exitMarkerAndSeekGiveTheLiveState() {
    World w;
    TimelineWidget tl(&w.model, nullptr);
    tl.startRecording();
    Pid a = w.rt.spawn(idle);
    Pid b = w.rt.spawn(linked, a, false);
    w.rt.spawn(trapper);
    w.rt.spawn(watcher, a);
    w.rt.run_until_idle();
    const HostBatch b0 = startFromSnapshot(w, tl);
    w.model.enqueueSnapshot(*b0.snapshot);
    w.model.processPending();
    const size_t before = w.model.processCount();
    QCOMPARE(before, size_t(4));

    // Kill a: b dies with it (linked), the watcher gets a DOWN.
    w.rt.exit(a, Term(atoms::kill));
    w.rt.run_until_idle();
    std::vector<TraceEvent> ev;
    w.rt.drain_trace(ev);
    const auto firstExit =
        std::find_if(ev.begin(), ev.end(), [](const TraceEvent& e) { return e.kind == TraceKind::Exit; });
    QVERIFY(firstExit != ev.end());
    HostBatch b1, b2;
    b1.events.assign(ev.begin(), firstExit + 1);
    b2.events.assign(firstExit + 1, ev.end());
    for (HostBatch* hb : {&b1, &b2}) {
      hb->now_ns = hb->events.back().time_ns;
      tl.record(*hb);
      w.model.enqueue(std::vector<TraceEvent>(hb->events));
      w.model.processPending();
      if (hb == &b1) QCOMPARE(w.model.processCount(), before - 1);  // the live count at the exit
    }
    const size_t after = w.model.processCount();
    QCOMPARE(after, before - 2);
    QVERIFY(!tl.scrubbing());
    QVERIFY(tl.markers().size() >= 2);
    // The kill came from outside the runtime (as the window's Kill): a command marker on `a`.
    QCOMPARE(tl.markers()[0].kind, Marker::Kind::Command);
    QCOMPARE(tl.markers()[0].pid, a);
    QCOMPARE(tl.markers()[1].kind, Marker::Kind::Exit);

    // Seek to the first exit marker: the model shows the state just after it.
    QVERIFY(tl.seekMarker(1));
    QVERIFY(tl.scrubbing());
    QCOMPARE(tl.markers()[1].kind, Marker::Kind::Exit);
    QCOMPARE(tl.markers()[1].pid, a);
    QCOMPARE(w.model.processCount(), before - 1);
    QVERIFY(!w.model.find(a));
    QVERIFY(w.model.find(b));
    // Back to the start and forward to the end.
    tl.seekIndex(0);
    QCOMPARE(w.model.processCount(), before);
    tl.seekIndex(tl.replay()->size());
    QCOMPARE(w.model.processCount(), after);
    tl.seekMarker(1);  // the exit (marker 0 is the kill command)
    QCOMPARE(w.model.processCount(), before - 1);

    // Saved and opened again, the recording gives the same states.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rec.jsonl"));
    QString err;
    QVERIFY2(tl.saveRecording(path, &err), qPrintable(err));
    QStringList errors;
    QVERIFY2(tl.openRecording(path, &errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(errors.isEmpty());
    QCOMPARE(w.model.processCount(), before);
    QVERIFY(tl.seekMarker(1));
    QCOMPARE(w.model.processCount(), before - 1);

    // Live again: the model is cleared for the host's fresh snapshot.
    QSignalSpy live(&tl, &TimelineWidget::liveRequested);
    tl.goLive();
    QCOMPARE(live.count(), 1);
    QVERIFY(!tl.scrubbing());
    QCOMPARE(w.model.processCount(), size_t(0));
  }

  // The host runs a command (a kill) and takes a snapshot in the same round: the batch holds the
  // kill's events and the snapshot after them. The events are kept (the recording has the kill);
  // a coalesced batch (events were lost) starts again from the snapshot alone.
  void eventsBeforeTheBatchSnapshotAreKept() {
    World w;
    TimelineWidget tl(&w.model, nullptr);
    tl.startRecording();
    Pid a = w.rt.spawn(idle);
    w.rt.spawn(linked, a, false);
    w.rt.run_until_idle();
    startFromSnapshot(w, tl);
    QCOMPARE(tl.recordedEvents(), size_t(0));

    w.rt.exit(a, Term(atoms::kill));
    w.rt.run_until_idle();
    HostBatch b1;
    w.rt.drain_trace(b1.events);
    QVERIFY(std::any_of(b1.events.begin(), b1.events.end(), [&](const TraceEvent& e) { return e.kind == TraceKind::Exit && e.a == a; }));
    b1.snapshot = w.rt.snapshot();
    QVERIFY(b1.snapshot->seq > b1.events.back().seq);
    b1.now_ns = b1.events.back().time_ns;
    tl.record(b1);
    QCOMPARE(tl.recordedEvents(), b1.events.size());

    w.rt.exit(w.rt.spawn(idle), Term(atoms::kill));
    w.rt.run_until_idle();
    HostBatch b2;
    w.rt.drain_trace(b2.events);
    b2.snapshot = w.rt.snapshot();
    b2.coalesced = true;
    tl.record(b2);
    QCOMPARE(tl.recordedEvents(), b1.events.size());
  }

  void openBadRecordingNamesTheLine() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"this is\": \"not a header\"}\n");
    f.close();
    views::ObserverModel model;
    TimelineWidget tl(&model, nullptr);
    QStringList errors;
    QVERIFY(!tl.openRecording(path, &errors));
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.front().contains(QLatin1String("line 1")), qPrintable(errors.front()));
    QVERIFY(!tl.scrubbing());
  }

  void chaosFromASeedKillsAndLogsFaults() {
    views::RuntimeHost host;
    views::ObserverModel model;
    views::EventLogModel log(&model);
    connect(&model, &views::ObserverModel::updated, &log, [&log](const views::ModelDelta& d) {
      if (d.events) log.append(*d.events);
    });
    TimelineWidget tl(&model, nullptr);
    tl.startRecording();
    views::EmbeddedSource source(&host, &model);
    views::FaultPanel panel(&source, &model);
    views::RuntimeHost::Config cfg;
    cfg.mode = views::RunMode::Deterministic;
    cfg.latency = std::chrono::milliseconds(0);
    cfg.builder = [](Runtime& rt) {
      const ScenarioResult r = build_scenario(rt, "kv");
      if (!r.ok) throw std::runtime_error(r.error);
    };
    host.start(std::move(cfg));
    auto pump = [&] {
      HostBatch b = host.take();
      QVERIFY(b.error.empty());
      tl.record(b);
      if (b.snapshot) model.enqueueSnapshot(std::move(*b.snapshot));
      if (!b.events.empty()) model.enqueue(std::move(b.events));
      model.processPending();
    };
    QTRY_VERIFY_WITH_TIMEOUT((pump(), model.processCount() > 3), 10000);
    ChaosConfig c;
    c.interval_ms = 20;
    c.seed = 7;
    c.scope = ChaosScope::AllButSupervisors;
    panel.setChaos(c);
    QCOMPARE(panel.chaosConfig().seed, uint64_t(7));
    panel.startChaos();
    auto faultLines = [&] {
      int n = 0;
      for (int i = 0; i < log.rowCount(); ++i)
        if (log.index(i).data().toString().contains(QLatin1String("fault injected: kill"))) ++n;
      return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT((pump(), faultLines() >= 2 && model.exits() >= 2), 20000);
    panel.stopChaos();
    // The faults are on the timeline too.
    const auto& ms = tl.markers();
    QVERIFY(std::count_if(ms.begin(), ms.end(), [](const Marker& m) { return m.kind == Marker::Kind::Fault; }) >= 2);
    host.stop();
  }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
