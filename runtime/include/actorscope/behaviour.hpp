#pragma once
// Behaviour: a process written as a message handler instead of a coroutine.
//
//   class Counter final : public Behaviour {
//     long n = 0;
//     HandlerResult handle(Process& self, const Term& msg) override {
//       if (msg.is_atom(intern("stop"))) return HandlerResult::stop(Term(atoms::normal));
//       ++n;
//       return HandlerResult::next();
//     }
//   };
//   Pid p = spawn_behaviour(rt, std::make_unique<Counter>());
//
// handle() is called once per message, in mailbox order, on the thread running the process; the
// process API (send, spawn, link, ...) is available through `self`. An exception thrown from init()
// or handle() ends the process as it would from coroutine code.

#include "actorscope/runtime.hpp"

#include <memory>

namespace actorscope {

class HandlerResult {
 public:
  static HandlerResult next() { return HandlerResult(false, Term()); }
  static HandlerResult stop(Term reason) { return HandlerResult(true, std::move(reason)); }
  bool stopping() const { return stop_; }
  const Term& reason() const { return reason_; }

 private:
  HandlerResult(bool s, Term r) : stop_(s), reason_(std::move(r)) {}
  bool stop_;
  Term reason_;
};

class Behaviour {
 public:
  virtual ~Behaviour() = default;
  /// Runs once, before the first message.
  virtual void init(Process&) {}
  virtual HandlerResult handle(Process& self, const Term& msg) = 0;
};

/// The process body that drives a Behaviour; spawn it like any other body.
Task<> run_behaviour(Process& self, std::unique_ptr<Behaviour> b);

inline Pid spawn_behaviour(Runtime& rt, std::unique_ptr<Behaviour> b, SpawnOptions opts = {}) {
  return rt.spawn_opt(opts, run_behaviour, std::move(b));
}
inline Pid spawn_behaviour(Process& parent, std::unique_ptr<Behaviour> b, SpawnOptions opts = {}) {
  return parent.spawn_opt(opts, run_behaviour, std::move(b));
}

}  // namespace actorscope
