#pragma once
// DynamicSupervisor: Elixir's DynamicSupervisor (R7.8). Starts with no children; start_child adds
// them one at a time (one_for_one only), up to max_children, each started with extra_arguments.
// Children are kept in a list with a pid index: adding, restarting and removing are O(1).

#include "actorscope/otp/child_spec.hpp"

#include <vector>

namespace actorscope::otp {

struct DynamicSupervisorOptions {
  /// kInfinity (default) or a limit; beyond it start_child returns `{:error, :max_children}`.
  int64_t max_children = kInfinity;
  /// A list passed to every child's start function as `extra` (Elixir prepends them to the args).
  Term extra_arguments = Term::empty_list();
  int max_restarts = 3;
  int64_t max_seconds = 5;
  Atom name{atoms::nil.id};
  /// `:"$initial_call"` is `{:supervisor, module, 1}`; nil means `DynamicSupervisor.Default`.
  Atom module{atoms::nil.id};
};

class DynamicSupervisor {
 public:
  /// `{:ok, pid}` once started, linked to `self`; `{:error, {:already_started, pid}}`.
  static Task<Term> start_link(Process& self, DynamicSupervisorOptions opts = {});
  /// Spawns one with no parent from outside the runtime; returns its pid at once.
  static Pid start(Runtime& rt, DynamicSupervisorOptions opts = {});
  /// A child spec (type supervisor, shutdown :infinity) starting one under a supervisor.
  static ChildSpec child_spec(Term id, DynamicSupervisorOptions opts = {});

  /// `{:ok, pid}`, `:ignore`, `{:error, :max_children}` or `{:error, reason}`. The spec's id is
  /// not used (children are known by pid).
  static Task<Term> start_child(Process& self, Term sup, ChildSpec spec);
  /// `:ok` or `{:error, :not_found}`.
  static Task<Term> terminate_child(Process& self, Term sup, Pid child);
  /// `[{:undefined, pid, type, modules}]`.
  static Task<Term> which_children(Process& self, Term sup);
  /// `%{active: n, specs: n, supervisors: n, workers: n}`.
  static Task<Term> count_children(Process& self, Term sup);
  static Task<Term> stop(Process& self, Term sup, Term reason = Term(atoms::normal));
};

}  // namespace actorscope::otp
