#pragma once
// Application: a named root supervisor started and stopped as a whole. The root supervisor is
// registered under the application's name; stopping the application stops the whole tree
// (children in reverse order, each subtree likewise) and ends the root with :shutdown.

#include "actorscope/otp/supervisor.hpp"

namespace actorscope::otp {

struct ApplicationSpec {
  Atom name;
  std::vector<ChildSpec> children;
  /// The root supervisor's options; its name is the application's name.
  SupervisorOptions options;
};

class Application {
 public:
  /// From outside the runtime: spawns the root supervisor (no parent). Returns its pid, or an
  /// invalid pid when an application (or process) of that name is already running.
  static Pid start(Runtime& rt, ApplicationSpec spec);
  /// From outside the runtime: asks the root to stop with :shutdown. False when not running.
  static bool stop(Runtime& rt, Atom name);
  /// From process code: `{:ok, pid}` once the tree started (not linked to the caller),
  /// `{:error, {:already_started, name}}`, or `{:error, reason}`.
  static Task<Term> start(Process& self, ApplicationSpec spec);
  /// From process code: `:ok` once the whole tree is down, or `{:error, {:not_started, name}}`.
  static Task<Term> stop(Process& self, Atom name);
};

}  // namespace actorscope::otp
