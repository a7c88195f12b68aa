#pragma once
// Helpers shared by the runtime test suites (tst_semantics, tst_runtime, tst_tools, tst_behaviour):
// process bodies and observers; the basics (Log, A, P, R, det, threaded) are in
// tests/common/test_support.hpp.

#include "../common/test_support.hpp"

#include <atomic>
#include <memory>

namespace ts {

using namespace actorscope;
using namespace testsupport;

inline Term pidOrNil(Pid p) { return p.valid() ? Term(p) : Term(); }


inline std::string downMsg(Ref r, Pid p, std::string_view reason) {
  return "{:DOWN, " + R(r) + ", :process, " + P(p) + ", " + std::string(reason) + "}";
}
inline std::string exitMsg(Pid from, std::string_view reason) {
  return "{:EXIT, " + P(from) + ", " + std::string(reason) + "}";
}
inline std::string list(std::initializer_list<std::string> items) {
  std::string s = "[";
  bool first = true;
  for (auto& i : items) {
    if (!first) s += ", ";
    s += i;
    first = false;
  }
  return s + "]";
}

/// The reason of the ErlangError `f` throws, inspected; or a marker when it throws nothing.
template <class F>
std::string raised(F&& f) {
  try {
    f();
  } catch (const ErlangError& e) {
    return inspect(e.reason());
  } catch (...) {
    return "<other exception>";
  }
  return "<no exception>";
}

// ---- process bodies ---------------------------------------------------------------------------

/// Records every message forever.
inline Task<> sink(Process& self, Log* log) {
  for (;;) log->push(co_await self.receive());
}
/// Traps exits, then records every message forever.
inline Task<> trapSink(Process& self, Log* log) {
  self.trap_exit(true);
  for (;;) log->push(co_await self.receive());
}
/// Waits for any message, then ends with `reason` (:normal: returns).
inline Task<> exitOnMessage(Process& self, Term reason) {
  (void)co_await self.receive();
  if (reason.is_atom(atoms::normal)) co_return;
  co_await self.exit(reason);
}
/// Links to `peer` (not trapping), then records every message forever.
inline Task<> linkAndWait(Process& self, Pid peer, Log* log) {
  self.link(peer);
  for (;;) log->push(co_await self.receive());
}
/// Waits for a message that never comes.
inline Task<> idle(Process& self) {
  (void)co_await self.receive([](const Term& t) { return t.is_atom(intern("never_sent")); });
}

/// Watches a target two ways: a monitor (`downs`) and a trapping link (`exits`).
struct Observer {
  Log downs;
  Log exits;
  std::atomic<uint64_t> ref_id{0};
  std::atomic<int> ready{0};
  int expected_ready = 0;
  Pid watcher, linker;
  Ref ref() const { return Ref{ref_id.load()}; }
  bool isReady() const { return ready.load() == expected_ready; }
  std::string down(std::string_view reason, Pid target) const { return list({downMsg(ref(), target, reason)}); }
  std::string exit(std::string_view reason, Pid target) const { return list({exitMsg(target, reason)}); }
};

inline Task<> monitorInto(Process& self, Pid target, Observer* o) {
  o->ref_id.store(self.monitor(target).id);
  o->ready.fetch_add(1);
  for (;;) o->downs.push(co_await self.receive());
}
inline Task<> linkInto(Process& self, Pid target, Observer* o) {
  self.trap_exit(true);
  self.link(target);
  o->ready.fetch_add(1);
  for (;;) o->exits.push(co_await self.receive());
}

/// Spawns the observer processes. Deterministic mode: they act at the next run_ready()/step();
/// threaded mode: wait for isReady() before making the target end.
inline std::unique_ptr<Observer> observe(Runtime& rt, Pid target, bool link = true) {
  auto o = std::make_unique<Observer>();
  o->expected_ready = link ? 2 : 1;
  o->watcher = rt.spawn(monitorInto, target, o.get());
  if (link) o->linker = rt.spawn(linkInto, target, o.get());
  return o;
}

inline std::vector<TraceEvent> drainAll(Runtime& rt) {
  std::vector<TraceEvent> out;
  rt.drain_trace(out);
  return out;
}

/// `{item, value}` from Process.info, inspected.
inline std::string info(Runtime& rt, Pid p, Atom item) { return inspect(rt.info(p, item)); }

}  // namespace ts
