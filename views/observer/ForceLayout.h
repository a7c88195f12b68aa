#pragma once
// The force layout of free processes (those no supervision tree places), as a pure function over
// plain values (no scene, no Qt): grid-bucketed repulsion between neighbours, springs along links
// and monitors, a pull to the centre, a wall that keeps free nodes right of the trees. Only awake
// nodes move (heat above kAsleep, not fixed); a crowd moves a bounded share per step, in turn, so
// a frame stays within budget. GraphScene feeds it its nodes and applies the moves; tests call it
// directly.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace actorscope::views {

struct ForceNode {
  uint32_t key = 0;        // stable id (the serial): the order of turns in a crowd
  double x = 0, y = 0;     // position (in/out)
  double vx = 0, vy = 0;   // velocity (in/out)
  double heat = 1;         // how far it may still move; cools each step it moves (in/out)
  double radius = 10;
  bool fixed = false;      // placed by someone else (in a tree, pinned, dragged): pushes, never moves
  bool dying = false;      // fading out: pushes (holds its place), never moves, pulls nobody
  uint32_t replaces = 0;   // the key of the dying node it replaces: no push between the two
  double room = 0;         // out, for nodes that moved: horizontal room for the label
  bool stepped = false;    // out: it took a step (x, y, vx, vy, heat, room are new)
  bool banded = false;     // kept between bandLeft and bandRight (its node's band), pulled to its middle
  double bandLeft = 0, bandRight = 0;
};

struct ForceLayoutParams {
  double cell = 170;       // grid bucket and reach of repulsion (reach: 1.2 cells)
  double linkRest = 120;   // rest length of a spring
  double centreX = 380, centreY = 260;
  double wallX = 0;        // free nodes are pushed right of this
  size_t stepBudget = 2500;  // nodes moved per step at most
};

/// What a step leaves for the next: keep it between calls.
struct ForceLayoutState {
  uint32_t cursor = 0;     // a crowd's turn: the key the next step's share starts at
};

struct ForceStepResult {
  double heat = 0;         // the hottest awake node after the step (0: settled, stop stepping)
  size_t moved = 0;        // nodes that took a step
  size_t work = 0;         // pair interactions computed (bounded work, for tests)
};

constexpr double kForceAsleep = 0.02;

/// One step. `springs` lists pairs of indices into `nodes` (each pair pulls both ways).
ForceStepResult forceStep(std::vector<ForceNode>& nodes, const std::vector<std::pair<uint32_t, uint32_t>>& springs,
                          const ForceLayoutParams& params, ForceLayoutState& state);

}  // namespace actorscope::views
