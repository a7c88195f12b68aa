// The blast-radius computation on crafted topologies: links, monitors, trap_exit, :kill vs
// :normal vs an abnormal reason.

#include "fixtures.hpp"
#include "BlastRadius.h"

using namespace vt;
using views::BlastNode;
using views::BlastTopology;
using views::computeBlastRadius;

namespace {
Pid pid(uint32_t n) { return Pid::make(n, n); }

/// A topology from a list of links, monitors (watcher, target) and trappers.
BlastTopology topo(std::initializer_list<std::pair<int, int>> links, std::initializer_list<std::pair<int, int>> monitors,
                   std::initializer_list<int> trappers, int n = 8) {
  BlastTopology t;
  for (int i = 1; i <= n; ++i) t[uint32_t(i)].pid = pid(uint32_t(i));
  for (auto [a, b] : links) {
    t[uint32_t(a)].links.push_back(pid(uint32_t(b)));
    t[uint32_t(b)].links.push_back(pid(uint32_t(a)));
  }
  for (auto [w, target] : monitors) t[uint32_t(target)].watchers.push_back(pid(uint32_t(w)));
  for (int i : trappers) t[uint32_t(i)].trap_exit = true;
  return t;
}

QList<uint32_t> dead(const views::BlastRadius& r) {
  QList<uint32_t> out;
  for (const auto& d : r.dies) out << d.pid.serial();
  std::sort(out.begin(), out.end());
  return out;
}
QList<uint32_t> serials(const std::vector<Pid>& v) {
  QList<uint32_t> out;
  for (Pid p : v) out << p.serial();
  std::sort(out.begin(), out.end());
  return out;
}
Term A(const char* s) { return Term::atom(s); }
}  // namespace

class TestBlast final : public QObject {
  Q_OBJECT

private slots:
  void chainDiesToTheTrapper();
  void killIsUntrappableButKilledIsTrappable();
  void normalDoesNothingToANonTrapper();
  void normalToATrapperIsAMessage();
  void abnormalToATrapperIsAMessage();
  void monitorsGetDown();
  void cyclesTerminate();
  void reasonTravelsUnchanged();
  void fromTheModel();
  void ergoFollowsTheArrows();
};

void TestBlast::chainDiesToTheTrapper() {
  // 1 - 2 - 3 - 4(trap) - 5
  const auto t = topo({{1, 2}, {2, 3}, {3, 4}, {4, 5}}, {}, {4});
  const auto r = computeBlastRadius(t, pid(1), A("kaboom"));
  QCOMPARE(dead(r), (QList<uint32_t>{1, 2, 3}));
  QCOMPARE(serials(r.trapsExit), QList<uint32_t>{4});
  QVERIFY(r.getsDown.empty());
  QCOMPARE(r.dies.front().pid, pid(1));  // propagation order: the target first
}

void TestBlast::killIsUntrappableButKilledIsTrappable() {
  // The target traps exits, but :kill cannot be trapped; its trapping peer gets {:EXIT, _, :killed}.
  const auto t = topo({{1, 2}, {1, 3}}, {}, {1, 2});
  const auto r = computeBlastRadius(t, pid(1), Term(atoms::kill));
  QCOMPARE(dead(r), (QList<uint32_t>{1, 3}));
  QCOMPARE(serials(r.trapsExit), QList<uint32_t>{2});
  for (const auto& d : r.dies) QVERIFY(d.reason.is_atom(atoms::killed));
}

void TestBlast::normalDoesNothingToANonTrapper() {
  const auto t = topo({{1, 2}}, {{3, 1}}, {});
  const auto r = computeBlastRadius(t, pid(1), Term(atoms::normal));
  QVERIFY(r.dies.empty());
  QVERIFY(r.trapsExit.empty());
  QVERIFY(r.getsDown.empty());
  QVERIFY(r.targetUnaffected);
}

void TestBlast::normalToATrapperIsAMessage() {
  const auto t = topo({{1, 2}}, {}, {1});
  const auto r = computeBlastRadius(t, pid(1), Term(atoms::normal));
  QVERIFY(r.dies.empty());
  QCOMPARE(serials(r.trapsExit), QList<uint32_t>{1});
}

void TestBlast::abnormalToATrapperIsAMessage() {
  const auto t = topo({{1, 2}}, {{3, 1}}, {1});
  const auto r = computeBlastRadius(t, pid(1), Term(atoms::shutdown));
  QVERIFY(r.dies.empty());
  QCOMPARE(serials(r.trapsExit), QList<uint32_t>{1});
  QVERIFY(r.getsDown.empty());  // nobody died
}

void TestBlast::monitorsGetDown() {
  // 6 watches 2, which dies with 1; 7 watches 5 (alive); 3 watches 1 but dies itself (linked).
  const auto t = topo({{1, 2}, {1, 3}}, {{6, 2}, {7, 5}, {3, 1}}, {});
  const auto r = computeBlastRadius(t, pid(1), A("boom"));
  QCOMPARE(dead(r), (QList<uint32_t>{1, 2, 3}));
  QCOMPARE(serials(r.getsDown), QList<uint32_t>{6});
}

void TestBlast::cyclesTerminate() {
  const auto t = topo({{1, 2}, {2, 3}, {3, 1}, {3, 4}}, {}, {});
  const auto r = computeBlastRadius(t, pid(2), A("boom"));
  QCOMPARE(dead(r), (QList<uint32_t>{1, 2, 3, 4}));
  QCOMPARE(r.dies.size(), size_t(4));  // each once
}

void TestBlast::reasonTravelsUnchanged() {
  const auto t = topo({{1, 2}}, {}, {});
  const auto r = computeBlastRadius(t, pid(1), Term::tuple({Term(atoms::shutdown), A("tired")}));
  QCOMPARE(QString::fromStdString(inspect(r.dies.back().reason)), QStringLiteral("{:shutdown, :tired}"));
  // And :normal through a link does nothing: only the target could have died.
  const auto n = computeBlastRadius(topo({{1, 2}}, {}, {2}), pid(1), Term(atoms::normal));
  QVERIFY(n.dies.empty());
}

void TestBlast::fromTheModel() {
  // The topology read from a model built by a real runtime predicts what the runtime then does.
  World w;
  const Pid root = w.rt.spawn(trapper);
  const Pid a = w.rt.spawn(linked, root, false);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid c = w.rt.spawn(linked, b, true);
  const Pid mon = w.rt.spawn(watcher, b);
  w.sync();
  const auto r = computeBlastRadius(views::topologyOf(w.model), a, A("boom"));
  QCOMPARE(dead(r), (QList<uint32_t>{a.serial(), b.serial()}));
  QCOMPARE(serials(r.trapsExit), (QList<uint32_t>{root.serial(), c.serial()}));
  QCOMPARE(serials(r.getsDown), QList<uint32_t>{mon.serial()});
  w.rt.exit(a, A("boom"));
  w.sync();
  QVERIFY(!w.alive(a) && !w.alive(b));
  QVERIFY(w.alive(root) && w.alive(c) && w.alive(mon));
}

void TestBlast::ergoFollowsTheArrows() {
  // Ergo mode: an exit goes only to those that link to the process that ends (E1.1), :normal ends
  // a linker that does not trap (E1.5), the window's Kill is forced and its reason :kill (E1.6).
  BlastTopology one = topo({}, {}, {}, 2);
  one[1].links.push_back(pid(2));  // 2 links to 1: it gets 1's exit
  const auto normal = computeBlastRadius(one, pid(1), Term(atoms::normal), Semantics::Ergo);
  QCOMPARE(dead(normal), (QList<uint32_t>{1, 2}));
  QVERIFY(computeBlastRadius(one, pid(1), Term(atoms::normal)).targetUnaffected);  // BEAM
  QCOMPARE(dead(computeBlastRadius(one, pid(2), A("boom"), Semantics::Ergo)), QList<uint32_t>{2});  // not against the arrow

  // Predicted from a real Ergo runtime's model, then done.
  World w(Semantics::Ergo);
  const Pid target = w.rt.spawn(idle);
  const Pid l1 = w.rt.spawn(linked, target, false);
  const Pid l2 = w.rt.spawn(linked, l1, false);
  const Pid trap = w.rt.spawn(linked, l1, true);
  const Pid mon = w.rt.spawn(watcher, l1);
  const Pid up = w.rt.spawn(idle);
  w.sync();
  QVERIFY(w.rt.link(target, up));  // target -> up: up does not care when target goes
  w.sync();
  const auto r = computeBlastRadius(views::topologyOf(w.model), target, Term(atoms::kill), Semantics::Ergo);
  QCOMPARE(dead(r), (QList<uint32_t>{target.serial(), l1.serial(), l2.serial()}));
  for (const auto& d : r.dies) QVERIFY(d.reason.is_atom(atoms::kill));
  QCOMPARE(serials(r.trapsExit), QList<uint32_t>{trap.serial()});
  QCOMPARE(serials(r.getsDown), QList<uint32_t>{mon.serial()});
  QVERIFY(w.rt.kill(target));
  w.sync();
  QVERIFY(!w.alive(target) && !w.alive(l1) && !w.alive(l2));
  QVERIFY(w.alive(trap) && w.alive(mon) && w.alive(up));
}

QTEST_MAIN(TestBlast)
#include "tst_blast.moc"
