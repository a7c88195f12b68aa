#pragma once
// Registry: Elixir's Registry with unique keys (R8.5). A server process that traps exits and links
// to every process that registers a key, so the keys of a process go when it ends.

#include "actorscope/otp/gen_server.hpp"

namespace actorscope::otp {

class Registry {
 public:
  /// `{:ok, pid}`, linked to `self`, registered under `name`.
  static Task<Term> start_link(Process& self, Atom name);
  /// From outside the runtime; returns the pid at once.
  static Pid start(Runtime& rt, Atom name);
  static ChildSpec child_spec(Atom name);

  /// Registers `key` for the calling process: `{:ok, registry_pid}` or
  /// `{:error, {:already_registered, pid}}`.
  static Task<Term> register_key(Process& self, Term registry, Term key, Term value);
  /// `[{pid, value}]` or `[]`.
  static Task<Term> lookup(Process& self, Term registry, Term key);
  /// `:ok` (also when the caller had not registered the key).
  static Task<Term> unregister(Process& self, Term registry, Term key);
  /// The keys `pid` holds, in registration order.
  static Task<Term> keys(Process& self, Term registry, Pid pid);
};

}  // namespace actorscope::otp
