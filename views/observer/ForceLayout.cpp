#include "ForceLayout.h"

#include <algorithm>
#include <cmath>

namespace actorscope::views {

namespace {
struct GridEntry {
  int64_t key;
  uint32_t index;
};
// Row-major keys, monotone in gy within a column: a column's three cells are one range.
int64_t cellKey(int64_t gx, int64_t gy) { return int64_t(uint64_t(gx) << 32 | uint32_t(gy + 0x80000000LL)); }
}  // namespace

ForceStepResult forceStep(std::vector<ForceNode>& nodes, const std::vector<std::pair<uint32_t, uint32_t>>& springs,
                          const ForceLayoutParams& P, ForceLayoutState& state) {
  ForceStepResult out;
  const double cell = P.cell;
  auto cellX = [&](double v) { return int64_t(std::floor(v / cell)); };
  // Dying nodes still push (they hold their place while they fade), so nobody lands on them.
  std::vector<GridEntry> grid;
  grid.reserve(nodes.size());
  std::vector<uint32_t> awake;
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    const ForceNode& n = nodes[i];
    nodes[i].stepped = false;
    grid.push_back({cellKey(cellX(n.x), cellX(n.y)), i});
    if (!n.fixed && !n.dying && n.heat >= kForceAsleep) awake.push_back(i);
  }
  std::sort(grid.begin(), grid.end(), [](const GridEntry& a, const GridEntry& b) { return a.key < b.key; });
  // Springs by source node (CSR).
  std::vector<uint32_t> springAt(nodes.size() + 1, 0), springTo(springs.size());
  for (const auto& [a, b] : springs)
    if (a < nodes.size() && b < nodes.size()) ++springAt[a + 1];
  for (size_t i = 1; i < springAt.size(); ++i) springAt[i] += springAt[i - 1];
  {
    std::vector<uint32_t> fill(springAt.begin(), springAt.end() - 1);
    for (const auto& [a, b] : springs)
      if (a < nodes.size() && b < nodes.size()) springTo[fill[a]++] = b;
  }

  // A crowd steps a bounded share of its awake nodes per step, in turn (each node still gets
  // every step of its cooling, only spread over more frames).
  double restHeat = 0;  // the hottest of those that wait for their turn
  if (awake.size() > P.stepBudget && P.stepBudget > 0) {
    std::sort(awake.begin(), awake.end(), [&](uint32_t a, uint32_t b) { return nodes[a].key < nodes[b].key; });
    auto from = std::lower_bound(awake.begin(), awake.end(), state.cursor,
                                 [&](uint32_t i, uint32_t v) { return nodes[i].key < v; });
    std::rotate(awake.begin(), from, awake.end());
    for (size_t i = P.stepBudget; i < awake.size(); ++i) restHeat = std::max(restHeat, nodes[awake[i]].heat);
    awake.resize(P.stepBudget);
    state.cursor = nodes[awake.back()].key + 1;
  } else {
    state.cursor = 0;
  }

  constexpr double kRowBand = 60;  // labels sit below the nodes: only neighbours about level count
  const double maxRoom = 2 * cell;
  const double reach2 = cell * cell * 1.44;
  double moved = 0, maxHeat = 0;
  // Positions are read from the grid snapshot: every node of a step sees the same picture.
  std::vector<double> gx(nodes.size()), gy(nodes.size());
  for (uint32_t i = 0; i < nodes.size(); ++i) gx[i] = nodes[i].x, gy[i] = nodes[i].y;
  for (uint32_t i : awake) {
    ForceNode& n = nodes[i];
    const double px = gx[i], py = gy[i];
    double fx = 0, fy = 0;
    double room = maxRoom;
    const int64_t cx = cellX(px), cy = cellX(py);
    for (int64_t x = cx - 1; x <= cx + 1; ++x) {
      const int64_t key = cellKey(x, cy - 1), last = cellKey(x, cy + 1);
      auto it = std::lower_bound(grid.begin(), grid.end(), key, [](const GridEntry& e, int64_t v) { return e.key < v; });
      for (; it != grid.end() && it->key <= last; ++it) {
        const uint32_t j = it->index;
        if (j == i) continue;
        double dx = px - gx[j], dy = py - gy[j];
        const double l2 = dx * dx + dy * dy;
        if (std::abs(dy) < kRowBand) room = std::min(room, std::abs(dx));
        if (l2 >= reach2) continue;
        if (n.replaces && nodes[j].dying && nodes[j].key == n.replaces) continue;
        ++out.work;
        double l = std::sqrt(l2);
        if (l < 0.01) {  // on top of each other: a fixed nudge, never (0, 0), no NaN
          dx = 1.0 + double(n.key % 7);
          dy = double(n.key % 5) - 2;
          l = std::hypot(dx, dy);
        }
        const double k = (cell * cell / l) * 0.05 / l;
        fx += dx * k;
        fy += dy * k;
      }
    }
    for (uint32_t s = springAt[i]; s < springAt[i + 1]; ++s) {
      const uint32_t j = springTo[s];
      if (nodes[j].dying) continue;
      const double dx = gx[j] - px, dy = gy[j] - py;
      const double l = std::hypot(dx, dy);
      if (l > 0.01) {
        const double k = (l - P.linkRest) * 0.03 / l;
        fx += dx * k;
        fy += dy * k;
      }
    }
    if (n.banded) {
      fx += ((n.bandLeft + n.bandRight) / 2 - px) * 0.006;
      if (px < n.bandLeft + n.radius) fx += (n.bandLeft + n.radius - px) * 0.12;
      if (px > n.bandRight - n.radius) fx -= (px - n.bandRight + n.radius) * 0.12;
    } else {
      fx += (P.centreX - px) * 0.004;
      if (px < P.wallX) fx += (P.wallX - px) * 0.08;
    }
    fy += (P.centreY - py) * 0.004;
    n.room = std::max(room, 2 * n.radius + 24);
    n.vx = (n.vx + fx) * 0.55;
    n.vy = (n.vy + fy) * 0.55;
    const double v = std::hypot(n.vx, n.vy);
    const double cap = 40 * n.heat;
    n.heat *= 0.985;
    if (v > cap) {
      n.vx *= cap / v;
      n.vy *= cap / v;
    }
    n.x = px + n.vx;
    n.y = py + n.vy;
    if (n.banded && n.bandRight - n.bandLeft > 2 * n.radius)
      n.x = std::clamp(n.x, n.bandLeft + n.radius, n.bandRight - n.radius);
    moved += std::hypot(n.vx, n.vy);
    maxHeat = std::max(maxHeat, n.heat);
    n.stepped = true;
    ++out.moved;
  }
  out.heat = std::max(maxHeat, restHeat);
  if (restHeat < kForceAsleep && (awake.empty() || moved / double(awake.size()) < 0.02)) out.heat = 0;
  return out;
}

}  // namespace actorscope::views
