#pragma once
// Helpers shared by the runtime test suites (tst_semantics, tst_runtime).
//
// Conventions: a Log records what a process saw (thread-safe, so the same helpers serve the
// deterministic and the threaded runtime). Expected terms are written as the strings inspect()
// prints, with pids and references spliced in from the actual values (P(), R()).

#include <actorscope/runtime.hpp>

#include <QString>
#include <QtTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SANITIZE_THREAD__)
// Qt is not built with TSan, so the QtTest watchdog thread's QWaitCondition handshake with the
// main thread is reported as races inside libQt6Core/libQt6Test. Only Qt's frames are suppressed.
// (Each test executable is one translation unit including this header once.)
extern "C" const char* __tsan_default_suppressions() { return "race:libQt6Core.so\nrace:libQt6Test.so\n"; }
#endif

namespace ts {

using namespace actorscope;

#define CHECK_STR(actual, expected) \
  QCOMPARE(QString::fromStdString(actual), QString::fromStdString(expected))

inline Term A(std::string_view s) { return Term(intern(s)); }
inline std::string P(Pid p) { return inspect_pid(p); }
inline std::string R(Ref r) { return inspect(Term(r)); }
inline Term pidOrNil(Pid p) { return p.valid() ? Term(p) : Term(); }

inline RuntimeOptions det() {
  RuntimeOptions o;
  o.deterministic = true;
  return o;
}
inline RuntimeOptions threaded(unsigned n = 2) {
  RuntimeOptions o;
  o.threads = n;
  return o;
}

/// What a process saw, in order. Safe to push from any thread.
class Log {
 public:
  void push(Term t) {
    std::lock_guard g(m_);
    v_.push_back(std::move(t));
  }
  std::vector<Term> items() const {
    std::lock_guard g(m_);
    return v_;
  }
  size_t size() const {
    std::lock_guard g(m_);
    return v_.size();
  }
  Term at(size_t i) const {
    std::lock_guard g(m_);
    return i < v_.size() ? v_[i] : Term();
  }
  bool contains(const Term& t) const {
    std::lock_guard g(m_);
    for (auto& x : v_)
      if (x == t) return true;
    return false;
  }
  void clear() {
    std::lock_guard g(m_);
    v_.clear();
  }
  /// inspect() of the whole log as a list: `[:a, {:EXIT, #PID<0.3.0>, :boom}]`.
  std::string str() const { return inspect(Term::list(items())); }

 private:
  mutable std::mutex m_;
  std::vector<Term> v_;
};

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
