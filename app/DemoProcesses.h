#pragma once
// DemoProcesses: small process bodies the app spawns itself: the palette ("spawn a worker") and
// a built-in demo scenario used when the scenario library is not available.
//
// Palette processes understand a little control protocol (scripts can send it too):
//   {:"$link", pid}  {:"$unlink", pid}  {:"$monitor", pid}  {:"$crash", reason}
// The GUI links and monitors by dragging through Runtime::link / Runtime::monitor instead, which
// works for every process. Everything else is consumed (a slow worker takes 500 ms per message, a sleeper never reads).

#include "actorscope/runtime.hpp"

#include <string>
#include <vector>

namespace actorscope::app {

enum class PaletteKind { Worker, Trapper, SlowWorker, Sleeper, Supervisor };

struct PaletteEntry {
  PaletteKind kind;
  const char* title;
  const char* description;
};
const std::vector<PaletteEntry>& palette();

/// Spawns one palette process from outside the runtime; returns its pid.
Pid spawnPalette(Runtime& rt, PaletteKind kind);

/// Control messages understood by palette and demo processes.
Term linkRequest(Pid to);
Term monitorRequest(Pid target);

/// The demo: a supervision tree (root supervisor, a registry, a bucket supervisor with three
/// buckets, an event manager), a client that monitors the registry and sends traffic, and a
/// linked pair outside the tree where one side traps exits.
void buildDemo(Runtime& rt);

}  // namespace actorscope::app
