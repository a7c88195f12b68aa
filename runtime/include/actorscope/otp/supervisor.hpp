#pragma once
// Supervisor: Elixir's Supervisor (R7). A process that traps exits, starts its children in order,
// restarts them by strategy, gives up after too many restarts, and stops them in reverse order.
//
//   std::vector<otp::ChildSpec> children = {otp::ChildSpec::worker(Term::atom("w"), worker_body)};
//   Term r = co_await otp::Supervisor::start_link(self, children, {.strategy = otp::Strategy::OneForAll});
//
// Restarts: each restart is recorded in a ring of timestamps (runtime clock, so the virtual clock
// in deterministic mode) pruned from the front: O(1) amortised per restart. More than
// max_restarts within max_seconds ends the supervisor with :shutdown (R7.4).
// Every restart is emitted on the trace stream as TraceKind::Restart (see trace.hpp).
// The client functions are coroutines awaited from process code; they use the GenServer call
// protocol with an infinite timeout, as OTP's do.

#include "actorscope/otp/child_spec.hpp"

#include <functional>
#include <vector>

namespace actorscope::otp {

/// SimpleOneForOne: the first child spec is a template; start_child_with(sup, extra) starts a
/// copy with `extra` as its extra arguments (Elixir's deprecated :simple_one_for_one).
enum class Strategy : uint8_t { OneForOne, OneForAll, RestForOne, SimpleOneForOne };
enum class AutoShutdown : uint8_t { Never, AnySignificant, AllSignificant };

struct SupervisorOptions;
/// A callback module's init/1, run inside the supervisor process before any child starts (after
/// its name is registered), as OTP runs it. It may replace the flags (strategy, intensity) and the
/// children. Returns `:ok` to go on, `:ignore`, or `{:error, reason}` / `{:stop, reason}`: the
/// supervisor then acks that to its starter and ends (:normal for :ignore). An exception counts
/// as `{:error, reason}`.
using SupervisorInitFn = std::function<Task<Term>(Process& sup, SupervisorOptions& flags, std::vector<ChildSpec>& children)>;

struct SupervisorOptions {
  Strategy strategy = Strategy::OneForOne;
  int max_restarts = 3;
  int64_t max_seconds = 5;
  AutoShutdown auto_shutdown = AutoShutdown::Never;
  /// Registered name (nil: none).
  Atom name{atoms::nil.id};
  /// `:"$initial_call"` is `{:supervisor, module, 1}`; nil means `Supervisor.Default`.
  Atom module{atoms::nil.id};
  /// Unset: the children given to start_link are the children.
  SupervisorInitFn init;
};

class Supervisor {
 public:
  /// Starts a supervisor linked to `self` and returns once every child started (R7.1): `{:ok, pid}`,
  /// `{:error, {:shutdown, {:failed_to_start_child, id, reason}}}` (R7.6), or
  /// `{:error, {:already_started, pid}}` for a taken name.
  static Task<Term> start_link(Process& self, std::vector<ChildSpec> children, SupervisorOptions opts = {});
  /// Spawns a supervisor with no parent from outside the runtime; returns its pid at once.
  static Pid start(Runtime& rt, std::vector<ChildSpec> children, SupervisorOptions opts = {});
  /// A child spec (type supervisor, shutdown :infinity) starting a nested supervisor.
  static ChildSpec child_spec(Term id, std::vector<ChildSpec> children, SupervisorOptions opts = {});

  /// `[{id, pid | :undefined | :restarting, :worker | :supervisor, modules}]`, newest first as on
  /// the BEAM.
  static Task<Term> which_children(Process& self, Term sup);
  /// `%{active: n, specs: n, supervisors: n, workers: n}`.
  static Task<Term> count_children(Process& self, Term sup);
  /// `{:ok, pid}`, `{:ok, :undefined}` (ignored), `{:error, {:already_started, pid}}`,
  /// `{:error, :already_present}`, `{:error, {reason, child}}`.
  static Task<Term> start_child(Process& self, Term sup, ChildSpec spec);
  /// A :simple_one_for_one supervisor's start_child(sup, extra_args): `{:ok, pid}`, `{:ok,
  /// :undefined}` (ignored), `{:error, reason}`; `{:error, :not_simple}` for other strategies
  /// (OTP crashes the call there; the console reports it).
  static Task<Term> start_child_with(Process& self, Term sup, Term extra);
  /// `:ok` or `{:error, :not_found}`; a temporary child's spec is dropped.
  static Task<Term> terminate_child(Process& self, Term sup, Term id);
  /// `{:ok, pid}`, `{:error, :running}`, `{:error, :restarting}`, `{:error, :not_found}`.
  static Task<Term> restart_child(Process& self, Term sup, Term id);
  /// `:ok`, `{:error, :running}`, `{:error, :restarting}`, `{:error, :not_found}`.
  static Task<Term> delete_child(Process& self, Term sup, Term id);
  /// Stops the supervisor (children in reverse order) and returns `:ok`.
  static Task<Term> stop(Process& self, Term sup, Term reason = Term(atoms::normal));
};

}  // namespace actorscope::otp
