// The tree layout as a pure function (views/TreeLayout.h), without a scene: supervisors above
// their children in start order, subtrees side by side, grids of many leaves, restarted children
// in their predecessor's slot, wide labels widening their subtree.
#include "TreeLayout.h"

#include <QtTest>

#include <set>

using namespace actorscope::views;

namespace {

constexpr double kGap = 100, kLevel = 150;

TreeNode node(uint32_t serial, uint32_t parent, double order, bool supervisor = false, double width = 60) {
  TreeNode n;
  n.serial = serial;
  n.parent = parent;
  n.order = order;
  n.supervisor = supervisor;
  n.slotWidth = width;
  return n;
}

}  // namespace

class TestTreeLayout final : public QObject {
  Q_OBJECT

private slots:
  void childrenInStartOrderUnderTheirSupervisor() {
    const auto out = layoutTrees({node(1, 0, 1, true), node(4, 1, 4), node(2, 1, 2), node(3, 1, 3)}, kGap, kLevel);
    const auto& p = out.placement;
    for (uint32_t s : {1u, 2u, 3u, 4u}) QVERIFY(p.at(s).inTree && p.at(s).placed);
    QCOMPARE(p.at(1).y, 0.0);
    for (uint32_t s : {2u, 3u, 4u}) QCOMPARE(p.at(s).y, kLevel);
    QVERIFY(p.at(2).x + kGap <= p.at(3).x + 1e-9);  // start order, a gap apart at least
    QVERIFY(p.at(3).x + kGap <= p.at(4).x + 1e-9);
    QCOMPARE(p.at(1).x, (p.at(2).x + p.at(4).x) / 2);  // centred over them
    QCOMPARE(p.at(2).labelRow + p.at(3).labelRow + p.at(4).labelRow, 1);  // leaves alternate rows: 0 1 0
  }

  void treesWithoutASupervisorAreLeftToTheForces() {
    const auto out = layoutTrees({node(1, 0, 1), node(2, 1, 2), node(3, 0, 3)}, kGap, kLevel);
    for (const auto& [s, slot] : out.placement) QVERIFY(!slot.inTree);
    QCOMPARE(out.width, 0.0);
  }

  void manyLeavesMakeAGrid() {
    std::vector<TreeNode> nodes{node(1, 0, 1, true)};
    for (uint32_t i = 0; i < 40; ++i) nodes.push_back(node(10 + i, 1, 10 + i));
    const auto out = layoutTrees(nodes, kGap, kLevel);
    std::set<double> rows;
    for (uint32_t i = 0; i < 40; ++i) rows.insert(out.placement.at(10 + i).y);
    QVERIFY(rows.size() >= 3);  // folded into rows, not one line 4,000 px long
    QVERIFY(out.width < 40 * kGap / 2);
    QVERIFY(out.work <= 2 * nodes.size());
  }

  void aRestartedChildTakesItsPredecessorsSlot() {
    TreeNode dying = node(2, 1, 2);
    dying.dying = true;
    const auto out = layoutTrees({node(1, 0, 1, true), dying, node(5, 1, 2), node(3, 1, 3)}, kGap, kLevel);
    QCOMPARE(out.placement.at(5).x, out.placement.at(2).x);
    QVERIFY(out.placement.at(3).x > out.placement.at(5).x);
  }

  void aWideLabelWidensItsSubtree() {
    const auto out = layoutTrees({node(1, 0, 1, true, 400), node(2, 1, 2)}, kGap, kLevel);
    QCOMPARE(out.placement.at(1).room, 400.0);
    QCOMPARE(out.placement.at(2).x, out.placement.at(1).x);  // the child stays under it
    QVERIFY(out.placement.at(1).x >= 200 - 1e-9);              // nothing left of x = 0
  }

  void treesStandSideBySide() {
    const auto out = layoutTrees({node(1, 0, 1, true), node(2, 1, 2), node(3, 0, 3, true), node(4, 3, 4)}, kGap, kLevel);
    QVERIFY(out.placement.at(3).x - out.placement.at(1).x >= kGap);
    QVERIFY(out.width >= 2 * kGap);
  }
};

QTEST_GUILESS_MAIN(TestTreeLayout)
#include "tst_tree_layout.moc"
