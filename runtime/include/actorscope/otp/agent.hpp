#pragma once
// Agent: Elixir's Agent (R8.4), a GenServer holding one value. The functions run in the agent
// process; they travel to it inside the request as fun terms.

#include "actorscope/otp/gen_server.hpp"

#include <functional>

namespace actorscope::otp {

class Agent {
 public:
  using InitFn = std::function<Term()>;
  using Fn = std::function<Term(const Term& state)>;

  /// `{:ok, pid}` after init_fn ran in the agent (linked to `self`).
  static Task<Term> start_link(Process& self, InitFn init, GenServerOptions opts = {});
  /// From outside the runtime (no parent); returns the pid at once.
  static Pid start(Runtime& rt, InitFn init, GenServerOptions opts = {});
  static ChildSpec child_spec(Term id, InitFn init, GenServerOptions opts = {});

  /// `fun.(state)`.
  static Task<Term> get(Process& self, Term agent, Fn fun, int64_t timeout_ms = 5000);
  /// state = `fun.(state)`; `:ok`.
  static Task<Term> update(Process& self, Term agent, Fn fun, int64_t timeout_ms = 5000);
  /// `fun.(state)` must return `{get, new_state}`; returns get.
  static Task<Term> get_and_update(Process& self, Term agent, Fn fun, int64_t timeout_ms = 5000);
  /// `:ok` once stopped.
  static Task<Term> stop(Process& self, Term agent, Term reason = Term(atoms::normal), int64_t timeout_ms = kInfinity);
};

}  // namespace actorscope::otp
