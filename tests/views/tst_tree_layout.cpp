// The layouts as pure functions, without a scene. The tree layout (views/observer/TreeLayout.h):
// supervisors above their children in start order, subtrees side by side, grids of many leaves,
// restarted children in their predecessor's slot, wide labels widening their subtree. The force
// layout (ForceLayout.h): free nodes spread apart, springs hold linked nodes near their rest
// length, fixed and dying nodes never move, cold nodes sleep, a crowd moves in bounded turns.
#include "ForceLayout.h"
#include "TreeLayout.h"

#include <cmath>

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

ForceNode fnode(uint32_t key, double x, double y) {
  ForceNode n;
  n.key = key;
  n.x = x;
  n.y = y;
  return n;
}

/// Steps until the layout says it has settled (or `max` steps); returns the steps taken.
int settle(std::vector<ForceNode>& nodes, const std::vector<std::pair<uint32_t, uint32_t>>& springs,
           const ForceLayoutParams& p, int max = 2000) {
  ForceLayoutState st;
  for (int i = 1; i <= max; ++i)
    if (forceStep(nodes, springs, p, st).heat == 0) return i;
  return max;
}

double dist(const ForceNode& a, const ForceNode& b) { return std::hypot(a.x - b.x, a.y - b.y); }

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

  void forceSpreadsNodesOnTopOfEachOther() {
    std::vector<ForceNode> nodes{fnode(1, 300, 200), fnode(2, 300, 200), fnode(3, 300, 200)};
    ForceLayoutParams p;
    const int steps = settle(nodes, {}, p);
    QVERIFY2(steps < 2000, "the layout settles");
    for (size_t i = 0; i < nodes.size(); ++i) {
      QVERIFY(std::isfinite(nodes[i].x) && std::isfinite(nodes[i].y));  // no NaN from (0, 0)
      for (size_t j = i + 1; j < nodes.size(); ++j) QVERIFY2(dist(nodes[i], nodes[j]) > 40, "pushed apart");
    }
  }

  void forceSpringPullsLinkedNodesTogether() {
    // Two far nodes linked by a spring close in within 30 steps; two without one barely move.
    std::vector<ForceNode> linked{fnode(1, 0, 260), fnode(2, 1500, 260)};
    std::vector<ForceNode> apart = linked;
    ForceLayoutParams p;
    p.centreX = 750;
    ForceLayoutState a, b;
    for (int i = 0; i < 30; ++i) {
      forceStep(linked, {{0, 1}, {1, 0}}, p, a);
      forceStep(apart, {}, p, b);
    }
    QVERIFY2(dist(linked[0], linked[1]) < 400, qPrintable(QString::number(dist(linked[0], linked[1]))));
    QVERIFY2(dist(apart[0], apart[1]) > 1000, qPrintable(QString::number(dist(apart[0], apart[1]))));
  }

  void forceFixedAndDyingNodesNeverMoveButPush() {
    std::vector<ForceNode> nodes{fnode(1, 300, 200), fnode(2, 305, 200), fnode(3, 600, 200)};
    nodes[0].fixed = true;  // in a tree, pinned or dragged
    nodes[2].dying = true;
    nodes[2].x = 310;
    ForceLayoutParams p;
    ForceLayoutState st;
    for (int i = 0; i < 50; ++i) forceStep(nodes, {{1, 2}}, p, st);
    QCOMPARE(nodes[0].x, 300.0);
    QCOMPARE(nodes[2].x, 310.0);
    QVERIFY(!nodes[0].stepped && !nodes[2].stepped);
    QVERIFY2(dist(nodes[1], nodes[0]) > 30, "the free node was pushed off the fixed one");
  }

  void forceARestartedChildDoesNotPushItsPredecessor() {
    std::vector<ForceNode> with{fnode(5, 300, 200), fnode(9, 301, 200)};
    with[0].dying = true;
    with[1].replaces = 5;
    ForceLayoutParams p;
    p.centreX = 301;
    p.centreY = 200;
    ForceLayoutState st;
    const auto r = forceStep(with, {}, p, st);
    QCOMPARE(r.work, size_t(0));  // the one pair there is, skipped
    QVERIFY(std::abs(with[1].x - 301) < 1);
  }

  void forceColdNodesSleep() {
    std::vector<ForceNode> nodes{fnode(1, 0, 0), fnode(2, 10, 0)};
    for (auto& n : nodes) n.heat = kForceAsleep / 2;
    ForceLayoutParams p;
    ForceLayoutState st;
    const auto r = forceStep(nodes, {}, p, st);
    QCOMPARE(r.moved, size_t(0));
    QCOMPARE(r.heat, 0.0);
    QCOMPARE(nodes[0].x, 0.0);
  }

  void forceACrowdMovesInBoundedTurns() {
    std::vector<ForceNode> nodes;
    for (uint32_t k = 1; k <= 100; ++k) nodes.push_back(fnode(k, double(k % 10) * 30, double(k / 10) * 30));
    ForceLayoutParams p;
    p.stepBudget = 30;
    ForceLayoutState st;
    std::set<uint32_t> seen;
    for (int i = 0; i < 4; ++i) {
      const auto r = forceStep(nodes, {}, p, st);
      QCOMPARE(r.moved, size_t(30));
      QVERIFY(r.heat > 0);
      for (const auto& n : nodes)
        if (n.stepped) seen.insert(n.key);
    }
    QCOMPARE(seen.size(), size_t(100));  // everyone had a turn within four steps
  }
};

QTEST_GUILESS_MAIN(TestTreeLayout)
#include "tst_tree_layout.moc"
#include "../common/tsan_qt.hpp"
