// ChartsWidget: the series hold the values fed in, and stay within their memory bound over a
// long run.

#include "fixtures.hpp"
#include "ChartsWidget.h"

#include <QLineSeries>

using namespace vt;
using views::ChartSample;
using views::ChartsWidget;

class TestCharts final : public QObject {
  Q_OBJECT

private slots:
  void seriesHoldTheValuesFed() {
    ChartsWidget w;
    for (int i = 0; i < 20; ++i) {
      ChartSample s;
      s.t = i * 0.1;
      s.alive = 10 + i;
      s.messagesPerSec = 100.0 * i;
      s.exitsPerSec = i % 3;
      s.restartsPerSec = i % 2;
      s.queues = {{7, QStringLiteral("worker"), uint32_t(i * 2)}, {9, QStringLiteral("#PID<0.9.0>"), 5}};
      w.addSample(s);
    }
    w.flush();
    QLineSeries* alive = w.series(QStringLiteral("alive"));
    QVERIFY(alive);
    QCOMPARE(alive->count(), 20);
    for (int i = 0; i < 20; ++i) {
      QCOMPARE(alive->at(i).x(), i * 0.1);
      QCOMPARE(alive->at(i).y(), 10.0 + i);
      QCOMPARE(w.series(QStringLiteral("messages"))->at(i).y(), 100.0 * i);
      QCOMPARE(w.series(QStringLiteral("exits"))->at(i).y(), double(i % 3));
      QCOMPARE(w.series(QStringLiteral("restarts"))->at(i).y(), double(i % 2));
      QCOMPARE(w.series(QStringLiteral("queue:7"))->at(i).y(), i * 2.0);
    }
    QCOMPARE(w.series(QStringLiteral("queue:7"))->name(), QStringLiteral("worker"));
    QCOMPARE(w.series(QStringLiteral("queue:9"))->count(), 20);
  }

  void samplesFromAModelWithWeights() {
    World world;
    Pid a = world.rt.spawn(deaf);
    world.rt.send(a, Term(1));
    world.rt.send(a, Term(2));
    world.sync();
    ChartsWidget w;
    w.setTopN(1);
    QVERIFY(w.sample(world.model, 0.0));
    TraceEvent send;
    send.kind = TraceKind::Send;
    send.weight = 50;  // a sampled message standing for 50
    TraceEvent ex;
    ex.kind = TraceKind::Exit;
    w.observe({send, send, ex});
    QVERIFY(!w.sample(world.model, 0.05));  // at most 10 Hz
    QVERIFY(w.sample(world.model, 0.5));
    QLineSeries* msgs = w.series(QStringLiteral("messages"));
    QCOMPARE(msgs->count(), 2);
    QCOMPARE(msgs->at(1).y(), 100 / 0.5);
    QCOMPARE(w.series(QStringLiteral("exits"))->at(1).y(), 1 / 0.5);
    QCOMPARE(w.series(QStringLiteral("alive"))->at(1).y(), double(world.model.processCount()));
    QLineSeries* q = w.series(QStringLiteral("queue:%1").arg(a.serial()));
    QVERIFY(q);
    QCOMPARE(q->at(1).y(), 2.0);
  }

  void boundedOverALongRun() {
    ChartsWidget w;
    w.setWindowSeconds(30);
    // Two simulated hours at 10 Hz, with the top processes changing all the time.
    const int samples = 2 * 3600 * 10;
    size_t most = 0;
    for (int i = 0; i < samples; ++i) {
      ChartSample s;
      s.t = i / 10.0;
      s.alive = i % 100;
      for (uint32_t k = 0; k < 3; ++k) s.queues.push_back({uint32_t(i / 50) * 3 + k, QStringLiteral("p"), k});
      w.addSample(s);
      if (i % 10 == 0) w.flush();
      most = std::max(most, w.pointsHeld());
    }
    w.flush();
    QVERIFY2(most <= w.pointCapacity(), qPrintable(QStringLiteral("%1 > %2").arg(most).arg(w.pointCapacity())));
    QVERIFY(w.queueSeriesCount() <= ChartsWidget::kMaxQueueSeries);
    // The window holds 30 s of samples at 10 Hz.
    QVERIFY(w.series(QStringLiteral("alive"))->count() <= 30 * 10 + 1);
    QVERIFY(w.series(QStringLiteral("alive"))->count() >= 30 * 10 - 1);
    QCOMPARE(w.series(QStringLiteral("alive"))->at(0).x() >= samples / 10.0 - 31, true);
  }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
