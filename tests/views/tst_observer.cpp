// ObserverModel and ProcessTableModel: events and snapshots applied correctly (including resync
// after drops), fine-grained table signals, selection kept, bounded work per tick.

#include "fixtures.hpp"
#include "EventText.h"
#include "ProcessTableModel.h"
#include "RuntimeHost.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

using namespace vt;
using views::ModelDelta;
using views::ObserverModel;
using views::ProcessTableModel;

namespace {
TraceEvent ev(uint64_t seq, TraceKind k, Pid a, Pid b = {}) {
  TraceEvent e;
  e.seq = seq;
  e.kind = k;
  e.a = a;
  e.b = b;
  return e;
}
Pid pid(uint32_t n) { return Pid::make(n, n); }
bool hasLink(const ObserverModel& m, Pid a, Pid b) {
  const auto* r = m.find(a);
  return r && std::find(r->links.begin(), r->links.end(), b) != r->links.end();
}
}  // namespace

class TestObserver final : public QObject {
  Q_OBJECT

private slots:
  void craftedEventSequence();
  void hostKeepsTheSnapshotTheGuiHasNotTaken();
  void eventsFromARuntime();
  void exitRemovesRelationsAndKeepsTheDead();
  void snapshotResyncAfterDrops();
  void snapshotThenOlderEventsAreIgnored();
  void modelTesterOnTable();
  void killRemovesOneRowWithoutReset();
  void selectionKeptAcrossUpdates();
  void filterAndSort();
  void boundedWorkWith3000Processes();
  void backlogOverflowAsksForResync();
  void termsPrintAsIexPrintsThem();
};

void TestObserver::craftedEventSequence() {
  ObserverModel m;
  QSignalSpy updated(&m, &ObserverModel::updated);
  std::vector<TraceEvent> es;
  es.push_back(ev(1, TraceKind::Spawn, pid(1)));
  es.push_back(ev(2, TraceKind::Spawn, pid(2), pid(1)));
  es.push_back(ev(3, TraceKind::Link, pid(1), pid(2)));
  TraceEvent mon = ev(4, TraceKind::Monitor, pid(2), pid(1));
  mon.ref = Ref{77};
  es.push_back(mon);
  TraceEvent trap = ev(5, TraceKind::TrapExit, pid(1));
  trap.flag = true;
  es.push_back(trap);
  TraceEvent reg = ev(6, TraceKind::Register, pid(1));
  reg.name = intern("boss");
  es.push_back(reg);
  es.push_back(ev(7, TraceKind::Send, {}, pid(2)));
  m.enqueue(std::move(es));
  const auto w = m.processPending();
  QCOMPARE(w.events, size_t(7));
  QCOMPARE(updated.count(), 1);  // one signal for the whole tick
  QCOMPARE(m.processCount(), size_t(2));
  QVERIFY(hasLink(m, pid(1), pid(2)));
  QVERIFY(hasLink(m, pid(2), pid(1)));
  QCOMPARE(m.find(pid(2))->parent, pid(1));
  QCOMPARE(m.find(pid(2))->monitors.size(), size_t(1));
  QCOMPARE(m.find(pid(1))->monitored_by.size(), size_t(1));
  QVERIFY(m.find(pid(1))->trap_exit);
  QCOMPARE(ObserverModel::label(*m.find(pid(1))), QStringLiteral(":boss"));
  QCOMPARE(m.find(pid(2))->message_queue_len, 1u);
  QCOMPARE(m.messagesSent(), uint64_t(1));
  QCOMPARE(m.whereis(intern("boss")), pid(1));

  // Applying the same events again changes nothing (idempotent).
  std::vector<TraceEvent> again;
  again.push_back(ev(3, TraceKind::Link, pid(1), pid(2)));
  again.push_back(mon);
  m.enqueue(std::move(again));
  m.processPending();
  QCOMPARE(m.find(pid(1))->links.size(), size_t(1));
  QCOMPARE(m.find(pid(2))->monitors.size(), size_t(1));

  std::vector<TraceEvent> more;
  more.push_back(ev(8, TraceKind::Unlink, pid(2), pid(1)));
  TraceEvent dm = ev(9, TraceKind::Demonitor, pid(2), pid(1));
  dm.ref = Ref{77};
  more.push_back(dm);
  m.enqueue(std::move(more));
  m.processPending();
  QVERIFY(!hasLink(m, pid(1), pid(2)));
  QVERIFY(m.find(pid(2))->monitors.empty());
  QVERIFY(m.find(pid(1))->monitored_by.empty());
}

void TestObserver::eventsFromARuntime() {
  World w;
  const Pid a = w.rt.spawn(trapper);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid c = w.rt.spawn(watcher, a);
  w.sync();
  QCOMPARE(w.model.processCount(), size_t(3));
  QVERIFY(hasLink(w.model, a, b));
  QVERIFY(w.model.find(a)->trap_exit);
  QCOMPARE(w.model.find(c)->monitors.size(), size_t(1));
  QCOMPARE(w.model.find(c)->monitors[0].second, a);
  // The model agrees with a snapshot of the same moment.
  const Snapshot s = w.rt.snapshot();
  for (const ProcessSnapshot& p : s.processes) {
    const auto* r = w.model.find(p.pid);
    QVERIFY(r);
    QCOMPARE(r->links.size(), p.links.size());
    QCOMPARE(r->monitors.size(), p.monitors.size());
    QCOMPARE(r->trap_exit, p.trap_exit);
  }
}

void TestObserver::exitRemovesRelationsAndKeepsTheDead() {
  World w;
  const Pid a = w.rt.spawn(trapper);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid c = w.rt.spawn(watcher, b);
  w.sync();
  w.rt.exit(b, Term::atom("kaboom"));
  w.sync();
  QVERIFY(!w.alive(b));
  QVERIFY(w.alive(a));  // trapped
  QVERIFY(w.model.find(a)->links.empty());
  QVERIFY(w.model.find(c)->monitors.empty());
  const auto* dead = w.model.findAny(b.serial());
  QVERIFY(dead);
  QVERIFY(!dead->alive);
  QCOMPARE(QString::fromStdString(inspect(dead->exit_reason)), QStringLiteral(":kaboom"));
  QCOMPARE(w.model.exits(), uint64_t(1));
}

void TestObserver::snapshotResyncAfterDrops() {
  // A model that missed everything (as after dropped events) catches up from one snapshot.
  World w;
  const Pid a = w.rt.spawn(trapper);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid gone = w.rt.spawn(idle);
  w.sync();
  QCOMPARE(w.model.processCount(), size_t(3));
  // Now the model stops seeing events: the runtime changes behind its back.
  w.rt.set_tracing(false);
  w.rt.exit(gone, Term(atoms::kill));
  const Pid c = w.rt.spawn(watcher, a);
  const Pid d = w.rt.spawn(linked, b, true);
  w.rt.run_until_idle();
  w.rt.set_tracing(true);
  QSignalSpy resync(&w.model, &ObserverModel::resyncNeeded);
  w.model.setDroppedEvents(5);  // what the host reports when the runtime dropped events
  QCOMPARE(resync.count(), 1);
  w.model.setDroppedEvents(5);
  QCOMPARE(resync.count(), 1);  // only when it grows
  ModelDelta last;
  connect(&w.model, &ObserverModel::updated, this, [&](const ModelDelta& d) {
    last.added = d.added;
    last.removed = d.removed;
    last.resynced = d.resynced;
  });
  w.model.enqueueSnapshot(w.rt.snapshot());
  w.model.processPending();
  QVERIFY(last.resynced);
  QCOMPARE(w.model.processCount(), size_t(4));
  QVERIFY(!w.alive(gone));
  QCOMPARE(last.removed, std::vector<uint32_t>{gone.serial()});
  QCOMPARE(last.added.size(), size_t(2));
  QVERIFY(w.alive(c) && w.alive(d));
  QVERIFY(hasLink(w.model, b, d));
  QCOMPARE(w.model.find(c)->monitors.size(), size_t(1));
  QVERIFY(w.model.find(d)->trap_exit);
}

void TestObserver::snapshotThenOlderEventsAreIgnored() {
  World w;
  const Pid a = w.rt.spawn(idle);
  const Pid b = w.rt.spawn(linked, a, false);
  w.rt.run_until_idle();
  std::vector<TraceEvent> old;
  w.rt.drain_trace(old);
  w.rt.exit(b, Term(atoms::kill));  // a dies with it
  w.rt.run_until_idle();
  // The snapshot is newer than `old`: the old spawns must not resurrect anything.
  w.model.enqueueSnapshot(w.rt.snapshot());
  w.model.enqueue(std::move(old));
  w.model.processPending();
  QCOMPARE(w.model.processCount(), size_t(0));
  w.feed();  // the exits themselves, after the snapshot: idempotent
  QCOMPARE(w.model.processCount(), size_t(0));
}

void TestObserver::modelTesterOnTable() {
  World w;
  ProcessTableModel table(&w.model);
  QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&table);
  proxy.setSortRole(ProcessTableModel::SortRole);
  proxy.sort(ProcessTableModel::MsgQCol, Qt::DescendingOrder);
  QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
  std::vector<Pid> ps;
  for (int i = 0; i < 20; ++i) ps.push_back(w.rt.spawn(i % 3 ? idle : trapper));
  w.sync();
  QCOMPARE(table.rowCount(), 20);
  for (int i = 0; i < 20; i += 2) w.rt.spawn(linked, ps[size_t(i)], false);
  w.sync();
  for (int i = 0; i < 20; i += 5) w.rt.exit(ps[size_t(i)], Term(atoms::kill));
  w.sync();
  w.model.enqueueSnapshot(w.rt.snapshot());
  w.model.processPending();
  QCOMPARE(size_t(table.rowCount()), w.model.processCount());
  for (int r = 0; r < table.rowCount(); ++r) QVERIFY(w.model.find(table.pidAt(r)));
  QCOMPARE(table.data(table.index(table.rowOf(ps[1]), ProcessTableModel::PidCol)).toString(),
           QString::fromStdString(inspect_pid(ps[1])));
  QCOMPARE(table.headerData(ProcessTableModel::MsgQCol, Qt::Horizontal).toString(), QStringLiteral("MsgQ"));
}

void TestObserver::killRemovesOneRowWithoutReset() {
  World w;
  ProcessTableModel table(&w.model);
  QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
  std::vector<Pid> ps;
  for (int i = 0; i < 5; ++i) ps.push_back(w.rt.spawn(idle));
  w.sync();
  QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
  QSignalSpy removed(&table, &QAbstractItemModel::rowsRemoved);
  QSignalSpy inserted(&table, &QAbstractItemModel::rowsInserted);
  const int row = table.rowOf(ps[2]);
  w.rt.exit(ps[2], Term(atoms::kill));
  w.sync();
  QCOMPARE(reset.count(), 0);
  QCOMPARE(removed.count(), 1);
  QCOMPARE(removed.at(0).at(1).toInt(), row);
  QCOMPARE(removed.at(0).at(2).toInt(), row);
  QCOMPARE(inserted.count(), 0);
  QCOMPARE(table.rowCount(), 4);
  QCOMPARE(table.rowOf(ps[2]), -1);
  QCOMPARE(table.rowOf(ps[3]), row);
}

void TestObserver::selectionKeptAcrossUpdates() {
  World w;
  ProcessTableModel table(&w.model);
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&table);
  proxy.setSortRole(ProcessTableModel::SortRole);
  proxy.setDynamicSortFilter(true);
  proxy.sort(ProcessTableModel::MsgQCol, Qt::DescendingOrder);
  QItemSelectionModel sel(&proxy);
  std::vector<Pid> ps;
  for (int i = 0; i < 8; ++i) ps.push_back(w.rt.spawn(deaf));
  w.sync();
  const Pid chosen = ps[5];
  const QModelIndex src = table.index(table.rowOf(chosen), 0);
  sel.select(proxy.mapFromSource(src), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  // Mailboxes fill (rows re-sort), others die and are born.
  for (int i = 0; i < 5; ++i) w.rt.send(ps[1], Term(i));
  for (int i = 0; i < 3; ++i) w.rt.send(ps[6], Term(i));
  w.rt.exit(ps[0], Term(atoms::kill));
  w.rt.exit(ps[7], Term(atoms::kill));
  w.rt.spawn(idle);
  w.sync();
  w.model.enqueueSnapshot(w.rt.snapshot());
  w.model.processPending();
  const QModelIndexList rows = sel.selectedRows();
  QCOMPARE(rows.size(), 1);
  QCOMPARE(Pid{rows[0].data(ProcessTableModel::PidRole).value<quint64>()}, chosen);
  // The sort followed the mailboxes.
  QCOMPARE(Pid{proxy.index(0, 0).data(ProcessTableModel::PidRole).value<quint64>()}, ps[1]);
}

void TestObserver::filterAndSort() {
  World w;
  ProcessTableModel table(&w.model);
  QSortFilterProxyModel proxy;
  proxy.setSourceModel(&table);
  proxy.setFilterKeyColumn(-1);
  const Pid named = w.rt.spawn(idle);
  w.rt.spawn(idle);
  w.rt.register_name(named, intern("needle"));
  w.sync();
  proxy.setFilterFixedString(QStringLiteral("needle"));
  QCOMPARE(proxy.rowCount(), 1);
  QCOMPARE(proxy.index(0, ProcessTableModel::NameCol).data().toString(), QStringLiteral(":needle"));
}

void TestObserver::boundedWorkWith3000Processes() {
  World w;
  ProcessTableModel table(&w.model);
  std::vector<Pid> ps;
  for (int i = 0; i < 3000; ++i) ps.push_back(w.rt.spawn(i % 2 ? idle : trapper));
  for (int i = 0; i + 1 < 3000; i += 2) w.rt.spawn(linked, ps[size_t(i)], false);
  for (int k = 0; k < 3; ++k)
    for (Pid p : ps) w.rt.send(p, Term(k));  // traffic: a Send and a Receive each
  w.rt.run_until_idle();
  std::vector<TraceEvent> all;
  w.rt.drain_trace(all);
  const size_t total = all.size();
  QVERIFY(total > ObserverModel::kMaxEventsPerTick);
  w.model.enqueue(std::move(all));
  // One tick never applies more than its bound; the rest waits for later ticks.
  size_t applied = 0;
  int ticks = 0;
  while (applied < total) {
    const auto work = w.model.processPending();
    QVERIFY(work.events <= ObserverModel::kMaxEventsPerTick);
    QVERIFY(work.events > 0);
    applied += work.events;
    QCOMPARE(work.backlog, total - applied);
    ++ticks;
  }
  QVERIFY(ticks >= 2);
  QCOMPARE(w.model.processCount(), size_t(4500));
  QCOMPARE(table.rowCount(), 4500);
  // A steady-state tick with a snapshot of everything touches each process once.
  w.model.enqueueSnapshot(w.rt.snapshot());
  const auto work = w.model.processPending();
  QCOMPARE(work.snapshotProcesses, size_t(4500));
  QCOMPARE(work.events, size_t(0));
}

void TestObserver::backlogOverflowAsksForResync() {
  ObserverModel m;
  QSignalSpy resync(&m, &ObserverModel::resyncNeeded);
  std::vector<TraceEvent> flood(ObserverModel::kMaxBacklog + 1);
  for (size_t i = 0; i < flood.size(); ++i) flood[i] = ev(i + 1, TraceKind::Send, {}, pid(1));
  m.enqueue(std::move(flood));
  QCOMPARE(resync.count(), 1);
  QCOMPARE(m.processPending().events, size_t(0));  // coalesced: the snapshot will replace them
}

void TestObserver::termsPrintAsIexPrintsThem() {
  // An exception reason prints as iex prints it, a struct, not the map under it.
  const Term exc = Term::map({{Term(intern("__struct__")), Term(intern("Elixir.RuntimeError"))},
                              {Term(intern("__exception__")), Term(atoms::true_)},
                              {Term(intern("message")), Term::binary("oops")}});
  const Term reason = Term::tuple({exc, Term::list({})});
  QCOMPARE(views::termText(reason), QStringLiteral("{%RuntimeError{message: \"oops\"}, []}"));
  TraceEvent e;
  e.kind = TraceKind::Exit;
  e.a = Pid{7};
  e.term = reason;
  const QString line = views::describeEvent(e);
  QVERIFY2(line.contains(QStringLiteral("%RuntimeError{message: \"oops\"}")) && !line.contains(QStringLiteral("__exception__")),
           qPrintable(line));
  // Long reasons are cut for labels, with an ellipsis.
  const QString cut = views::termTextShort(reason, 12);
  QCOMPARE(cut.size(), 12);
  QVERIFY(cut.endsWith(QChar(0x2026)));
  QCOMPARE(views::termTextShort(Term(atoms::normal), 12), QStringLiteral(":normal"));
}

QTEST_MAIN(TestObserver)
void TestObserver::hostKeepsTheSnapshotTheGuiHasNotTaken() {
  // A slow GUI takes the outbox late: the snapshot in it must stay the oldest one, so a process
  // that lived and died after it is presented from its events (a newer snapshot made them facts
  // older than the picture: CI's tst_presentation lost the textbook example's process so).
  views::RuntimeHost host;
  views::RuntimeHost::Config cfg;
  cfg.mode = views::RunMode::Live;
  cfg.threads = 1;
  host.start(cfg);
  std::atomic<bool> spawned{false}, later{false};
  std::atomic<uint32_t> brief{0};
  host.post([&](Runtime& rt) {
    brief = rt.spawn([](Process&) -> Task<> { co_return; }).serial();
    spawned = true;
  });
  QTRY_VERIFY_WITH_TIMEOUT(spawned.load(), 10000);
  // Rounds with a command take a snapshot each; the GUI takes none of them.
  for (int round = 0; round < 3; ++round) {
    later = false;
    host.post([&](Runtime&) { later = true; });
    QTRY_VERIFY_WITH_TIMEOUT(later.load(), 10000);
  }
  host.stop();  // the last round's outbox is complete
  views::HostBatch b = host.take();
  QVERIFY(b.snapshot);
  const TraceEvent* spawn = nullptr;
  for (const TraceEvent& e : b.events)
    if (e.kind == TraceKind::Spawn && e.a.serial() == brief.load()) spawn = &e;
  QVERIFY2(spawn, "the brief process's spawn is in the batch");
  QVERIFY2(spawn->seq >= b.snapshot->seq, "the spawn is newer than the batch's snapshot: presented, not a fact");
}

#include "tst_observer.moc"
