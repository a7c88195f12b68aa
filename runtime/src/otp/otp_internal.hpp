#pragma once
// Private helpers shared by the OTP behaviours: atoms, boxed C++ values inside terms, the
// proc_lib-style start handshake, exit reasons of exceptions.

#include "actorscope/otp/gen_server.hpp"
#include "actorscope/runtime.hpp"

#include <exception>
#include <string>
#include <utility>

namespace actorscope::otp::detail {

struct Atoms {
  Atom gen_call = intern("$gen_call"), gen_cast = intern("$gen_cast"), system = intern("system"),
       terminate = intern("terminate"), ack = intern("ack"), GenServer = intern("Elixir.GenServer"),
       call = intern("call"), stop = intern("stop"), init = intern("init"), supervisor = intern("supervisor"),
       worker = intern("worker"), permanent = intern("permanent"), transient = intern("transient"),
       temporary = intern("temporary"), brutal_kill = intern("brutal_kill"),
       already_started = intern("already_started"), already_present = intern("already_present"),
       not_found = intern("not_found"), running = intern("running"), restarting = intern("restarting"),
       failed_to_start_child = intern("failed_to_start_child"), child = intern("child"),
       which_children = intern("which_children"), count_children = intern("count_children"),
       start_child = intern("start_child"), terminate_child = intern("terminate_child"),
       restart_child = intern("restart_child"), delete_child = intern("delete_child"),
       try_again = intern("$sup_try_again"), active = intern("active"), specs = intern("specs"),
       supervisors = intern("supervisors"), workers = intern("workers"), max_children = intern("max_children"),
       bad_call = intern("bad_call"), bad_cast = intern("bad_cast"), SupervisorDefault = intern("Elixir.Supervisor.Default"),
       DynamicSupervisorDefault = intern("Elixir.DynamicSupervisor.Default"), Supervisor = intern("Elixir.Supervisor"),
       DynamicSupervisor = intern("Elixir.DynamicSupervisor"), start_link = intern("start_link"),
       ignore = intern("ignore"), start_child_with = intern("$start_child_with"), not_simple = intern("not_simple"),
       simple_one_for_one = intern("simple_one_for_one"), dynamic = intern("dynamic");
};
const Atoms& A();

/// A C++ value carried inside a term (as a fun), to hand specs and functions to a server.
template <class T>
class Boxed final : public FunObject {
 public:
  Boxed(T v, std::string what) : FunObject(0), value(std::move(v)), what_(std::move(what)) {}
  std::string describe() const override { return what_; }
  T value;

 private:
  std::string what_;
};
template <class T>
Term box(T v, std::string what) {
  return Term::fun(new Boxed<T>(std::move(v), std::move(what)));
}
/// The boxed value, or nullptr when `t` is not a Boxed<T>.
template <class T>
T* unbox(const Term& t) {
  if (!t.is_fun()) return nullptr;
  auto* b = dynamic_cast<Boxed<T>*>(t.as_fun());
  return b ? &b->value : nullptr;
}

inline Term timeout_term(int64_t ms) { return ms < 0 ? Term(atoms::infinity) : Term(static_cast<long long>(ms)); }
inline Term ok(Term t) { return Term::tuple({Term(atoms::ok), std::move(t)}); }
inline Term err(Term t) { return Term::tuple({Term(atoms::error), std::move(t)}); }

/// The exit reason an exception ends a process with (as RuntimeCore::finish computes it).
Term reason_of(std::exception_ptr e);

/// proc_lib's init_ack: `{:ack, self, ret}` to the starter (no-op without one).
void ack(Process& self, Pid starter, Term ret);
/// proc_lib's sync wait: the `ret` of the child's ack, or `{:error, reason}` if the child ended
/// first. `linked`: wait for its EXIT (OTP's way); otherwise a monitor tells.
Task<Term> wait_ack(Process& self, Pid child, bool linked);

/// Unregisters `name` if this process holds it (before an ack that reports failure).
void drop_name(Process& self, Atom name);

}  // namespace actorscope::otp::detail
