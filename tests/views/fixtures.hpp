#pragma once
// Shared fixtures of the view tests: a deterministic runtime whose trace feeds an ObserverModel,
// and a few process bodies to build topologies with.

#include "ObserverModel.h"

#include <actorscope/runtime.hpp>

#include <QtTest>

#include "../common/tsan_qt.hpp"

namespace vt {

using namespace actorscope;

/// Waits for messages forever, reading each one.
inline Task<> idle(Process& self) {
  for (;;) co_await self.receive();
}
/// Traps exits, then idles; keeps what it reads out of the way.
inline Task<> trapper(Process& self) {
  self.trap_exit(true);
  for (;;) co_await self.receive();
}
/// Links to `other`, then idles (trapping when `trap`).
inline Task<> linked(Process& self, Pid other, bool trap) {
  if (trap) self.trap_exit(true);
  self.link(other);
  for (;;) co_await self.receive();
}
/// Monitors `target`, then idles.
inline Task<> watcher(Process& self, Pid target) {
  self.monitor(target);
  for (;;) co_await self.receive();
}
/// Never reads its mailbox (it only waits for a message nobody sends).
inline Task<> deaf(Process& self) {
  co_await self.receive([](const Term& m) { return m.is_atom(intern("never_sent")); });
}

/// A deterministic runtime with tracing on, and a model fed from it (reading the events by the
/// runtime's rules).
struct World {
  Runtime rt;
  views::ObserverModel model;
  explicit World(Semantics s = Semantics::Beam) : rt(options(s)) {
    rt.set_tracing(true);
    model.setSemantics(s);
  }
  static RuntimeOptions options(Semantics s = Semantics::Beam) {
    RuntimeOptions o;
    o.deterministic = true;
    o.semantics = s;
    return o;
  }
  /// Runs the runtime until nothing is pending, then hands every event to the model.
  views::TickWork sync(size_t maxEvents = SIZE_MAX) {
    rt.run_until_idle();
    return feed(maxEvents);
  }
  views::TickWork feed(size_t maxEvents = SIZE_MAX) {
    std::vector<TraceEvent> ev;
    rt.drain_trace(ev);
    model.enqueue(std::move(ev));
    return model.processPending(maxEvents);
  }
  bool alive(Pid p) const { return model.find(p) != nullptr; }
};

}  // namespace vt
