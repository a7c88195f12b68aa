#pragma once
// The tidy tree layout of supervision trees, as a pure function over plain values (no scene, no
// Qt): supervisors above their children, children in start order, subtrees side by side, a wide
// row of leaves folded into a grid, leaf labels alternating between two rows. GraphScene feeds it
// its nodes and applies the slots; tests call it directly.

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace actorscope::views {

struct TreeNode {
  uint32_t serial = 0;
  uint32_t parent = 0;      // the parent's serial when the parent is on screen, else 0 (a root)
  double order = 0;         // start order among siblings; a restarted child keeps its place
  bool dying = false;       // fading out: keeps its slot until its successor takes it
  bool supervisor = false;
  double slotWidth = 0;     // width it needs side by side (its label, usually)
};

struct TreeSlot {
  bool inTree = false;      // placed by this layout (else the force layout places it)
  bool placed = false;      // x, y and room are set
  double x = 0, y = 0;      // where it goes
  double room = 0;          // horizontal room for its label
  int labelRow = 0;         // 1: its label one row lower
};

struct TreeLayoutResult {
  std::unordered_map<uint32_t, TreeSlot> placement;  // every node given, by serial
  double width = 0;   // of the trees laid out side by side, gaps included (0: no tree)
  size_t work = 0;    // nodes visited (bounded work, for tests)
};

/// Lays out every tree whose root has children and holds a supervisor, left to right from x = 0,
/// root at y = 0, one level per `levelGap`, siblings `siblingGap` apart at least.
TreeLayoutResult layoutTrees(const std::vector<TreeNode>& nodes, double siblingGap, double levelGap);

}  // namespace actorscope::views
