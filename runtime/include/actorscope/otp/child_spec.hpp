#pragma once
// ChildSpec: how a supervisor starts, restarts and stops one child (Elixir's child specification).
//
// The start function runs inside the supervisor process. It must spawn-and-link the child (or use a
// start_link helper such as GenServer::start_link) and yield `{:ok, pid}`, `{:error, reason}` or
// `:ignore`; anything else, or an exception, counts as `{:error, ...}` as on the BEAM.
// Thread-safety: a ChildSpec is a value; copy it freely. Its start function is called only on the
// supervisor's thread.

#include "actorscope/process.hpp"

#include <functional>
#include <optional>
#include <utility>

namespace actorscope::otp {

enum class Restart : uint8_t { Permanent, Transient, Temporary };
enum class ChildType : uint8_t { Worker, Supervisor };

/// How a child is stopped (R7.5).
struct Shutdown {
  enum class Kind : uint8_t { BrutalKill, Timeout, Infinity };
  Kind kind = Kind::Timeout;
  int64_t ms = 5000;
  static Shutdown brutal_kill() { return {Kind::BrutalKill, 0}; }
  static Shutdown timeout(int64_t ms) { return {Kind::Timeout, ms}; }
  static Shutdown infinity() { return {Kind::Infinity, 0}; }
  /// `:brutal_kill`, the integer, or `:infinity`.
  Term to_term() const;
};

/// Runs in the supervisor process. `extra` is a list of extra arguments (a DynamicSupervisor's
/// `extra_arguments`; `[]` otherwise) that the function may use as Elixir prepends them to `args`.
using StartFn = std::function<Task<Term>(Process& sup, Term extra)>;

/// A Task<Term> that completes at once with `t`.
inline Task<Term> ready(Term t) { co_return t; }

struct ChildSpec {
  Term id;
  StartFn start;
  Restart restart = Restart::Permanent;
  /// Unset: 5000 ms for a worker, :infinity for a supervisor (R7.5).
  std::optional<Shutdown> shutdown;
  ChildType type = ChildType::Worker;
  /// With auto_shutdown, ending (and not being restarted) may end the supervisor (R7.9).
  bool significant = false;
  /// What which_children lists as the child's modules, e.g. `KV.Bucket`; nil lists `[]`.
  Atom module{atoms::nil.id};
  /// which_children lists `:dynamic` as its modules (an event manager's, as Supervisor.Spec has it).
  bool dynamic_modules = false;

  Shutdown effective_shutdown() const {
    if (shutdown) return *shutdown;
    return type == ChildType::Supervisor ? Shutdown::infinity() : Shutdown::timeout(5000);
  }

  /// A worker whose start is `spawn_link(fn, args...)` from the supervisor (no proc_lib).
  template <class F, class... Args>
  static ChildSpec worker(Term id, F fn, Args... args) {
    ChildSpec s;
    s.id = std::move(id);
    s.start = [fn, args...](Process& sup, Term) -> Task<Term> {
      return ready(Term::tuple({Term(atoms::ok), Term(sup.spawn_link(fn, args...))}));
    };
    return s;
  }

  ChildSpec&& with_restart(Restart r) && { restart = r; return std::move(*this); }
  ChildSpec&& with_shutdown(Shutdown s) && { shutdown = s; return std::move(*this); }
  ChildSpec&& with_significant(bool b) && { significant = b; return std::move(*this); }
  ChildSpec&& with_module(Atom m) && { module = m; return std::move(*this); }
  ChildSpec& with_restart(Restart r) & { restart = r; return *this; }
  ChildSpec& with_shutdown(Shutdown s) & { shutdown = s; return *this; }
  ChildSpec& with_significant(bool b) & { significant = b; return *this; }
  ChildSpec& with_module(Atom m) & { module = m; return *this; }
};

/// `:permanent`, `:transient`, `:temporary`.
Term to_term(Restart r);
/// `:worker`, `:supervisor`.
Term to_term(ChildType t);

}  // namespace actorscope::otp
