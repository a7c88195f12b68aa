#include "TreeLayout.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace actorscope::views {

TreeLayoutResult layoutTrees(const std::vector<TreeNode>& nodes, double dx, double dy) {
  TreeLayoutResult out;
  std::unordered_map<uint32_t, const TreeNode*> byId;
  for (const TreeNode& n : nodes) {
    byId[n.serial] = &n;
    out.placement[n.serial] = TreeSlot{};
  }
  // Children of each node in start order; live ones first, then the dying (who keep their slot
  // until their restarted successor takes it).
  std::unordered_map<uint32_t, std::vector<const TreeNode*>> kids;
  std::vector<const TreeNode*> roots;
  for (int pass = 0; pass < 2; ++pass)
    for (const TreeNode& n : nodes) {
      if (n.dying != (pass == 1)) continue;
      if (n.parent && byId.count(n.parent))
        kids[n.parent].push_back(&n);
      else
        roots.push_back(&n);
    }
  auto byOrder = [](const TreeNode* x, const TreeNode* y) { return x->order != y->order ? x->order < y->order : x->serial < y->serial; };
  for (auto& [k, v] : kids) std::stable_sort(v.begin(), v.end(), byOrder);
  std::stable_sort(roots.begin(), roots.end(), byOrder);

  std::function<bool(const TreeNode*)> hasSupervisor = [&](const TreeNode* n) {
    if (n->supervisor) return true;
    auto it = kids.find(n->serial);
    return it != kids.end() && std::any_of(it->second.begin(), it->second.end(), hasSupervisor);
  };
  auto slot = [&](const TreeNode* n) -> TreeSlot& { return out.placement[n->serial]; };
  auto setTarget = [&](const TreeNode* n, double x, double y, double room) {
    TreeSlot& s = slot(n);
    s.inTree = s.placed = true;
    s.x = x;
    s.y = y;
    s.room = room;
  };

  std::function<double(const TreeNode*, int, double)> place = [&](const TreeNode* n, int depth, double left) -> double {
    ++out.work;
    slot(n).inTree = true;
    auto it = kids.find(n->serial);
    // Siblings that share a slot (a dying child and its restarted successor with the same order)
    // are laid out once; the dropped twin follows the kept one.
    std::vector<const TreeNode*> children;
    if (it != kids.end()) {
      for (const TreeNode* c : it->second) {
        slot(c).inTree = true;
        if (children.empty() || children.back()->order != c->order || !(children.back()->dying || c->dying))
          children.push_back(c);
        else if (children.back()->dying)
          children.back() = c;
      }
    }
    if (children.empty()) {
      const double w = std::max(dx, n->slotWidth);
      setTarget(n, left + w / 2, depth * dy, w);
      return w;
    }
    const bool allLeaves = std::none_of(children.begin(), children.end(), [&](const TreeNode* c) { return kids.count(c->serial) > 0; });
    if (allLeaves && children.size() > 12) {
      double cell = dx;
      for (const TreeNode* c : children) cell = std::max(cell, c->slotWidth);
      const size_t cols = std::max<size_t>(8, size_t(std::ceil(std::sqrt(double(children.size()) / 1.5))));
      for (size_t i = 0; i < children.size(); ++i) {
        setTarget(children[i], left + (double(i % cols) + 0.5) * cell, (depth + 1) * dy + double(i / cols) * dy * 0.8, cell);
        ++out.work;
      }
      const double width = double(std::min(cols, children.size())) * cell;
      setTarget(n, left + width / 2, depth * dy, width);
      return width;
    }
    double x = left;
    for (const TreeNode* c : children) x += place(c, depth + 1, x);
    // Leaves side by side: labels alternate between two rows, so each may use two slots.
    int leafIndex = 0;
    for (const TreeNode* c : children) {
      if (kids.count(c->serial)) {
        leafIndex = 0;
        continue;
      }
      const bool neighbours = children.size() > 1;
      slot(c).labelRow = neighbours ? leafIndex++ % 2 : 0;
      if (neighbours) slot(c).room *= 2;
    }
    const double centre = (slot(children.front()).x + slot(children.back()).x) / 2;
    // A parent wider than its children's span (a long name over one child) widens its subtree.
    const double need = n->slotWidth;
    setTarget(n, centre, depth * dy, std::max(need, x - left));
    if (x - left < need) {
      const double shift = (need - (x - left)) / 2;
      std::function<void(const TreeNode*)> move = [&](const TreeNode* m) {
        slot(m).x += shift;
        if (auto k = kids.find(m->serial); k != kids.end())
          for (const TreeNode* c : k->second) move(c);
      };
      move(n);
      return need;
    }
    return x - left;
  };

  double x = 0;
  for (const TreeNode* root : roots) {
    if (!kids.count(root->serial) || !hasSupervisor(root)) continue;
    x += place(root, 0, x) + dx;
  }
  out.width = x;
  // Twins (dying and restarted) share the slot of the one that was placed.
  for (auto& [k, v] : kids)
    for (size_t i = 1; i < v.size(); ++i)
      if (v[i]->order == v[i - 1]->order) {
        TreeSlot& a = slot(v[i - 1]);
        TreeSlot& b = slot(v[i]);
        if (!b.placed && a.placed) b.x = a.x, b.y = a.y, b.placed = true;
        if (!a.placed && b.placed) a.x = b.x, a.y = b.y, a.placed = true;
        a.room = b.room = std::max(a.room, b.room);
        a.labelRow = b.labelRow = std::max(a.labelRow, b.labelRow);
      }
  return out;
}

}  // namespace actorscope::views
