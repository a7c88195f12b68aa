// OtpTask: Task.async / Task.await (R8.3).

#include "actorscope/otp/otp_task.hpp"

#include "otp_internal.hpp"

namespace actorscope::otp {

namespace {

struct TaskAtoms {
  Atom Task = intern("Elixir.Task"), await = intern("await"), mfa = intern("mfa"), owner = intern("owner"),
       struct_ = intern("__struct__"), ref = intern("ref"), callers = intern("$callers"),
       Supervised = intern("Elixir.Task.Supervised"), invoke_mfa = intern("invoke_mfa");
};
const TaskAtoms& TA() {
  static const TaskAtoms a;
  return a;
}

Task<> task_main(Process& self, OtpTask::Fn fn, Pid owner, Ref tag) {
  self.put(Term(TA().callers), Term::list({Term(owner)}));
  Term r = co_await fn(self);
  self.send(owner, Term::tuple({Term(tag), std::move(r)}));
}

}  // namespace

Term TaskHandle::to_term() const {
  const auto& a = TA();
  return Term::map({{Term(a.struct_), Term(a.Task)},
                    {Term(a.mfa), Term::tuple({Term(atoms::erlang), Term(atoms::apply), Term(2)})},
                    {Term(a.owner), Term(owner)},
                    {Term(atoms::pid), Term(pid)},
                    {Term(a.ref), Term(ref)}});
}

TaskHandle OtpTask::async(Process& self, Fn fn) {
  SpawnOptions so;
  so.link = true;
  so.monitor = true;
  so.proc_lib = true;
  so.initial_call = InitialCall{TA().Supervised, TA().invoke_mfa, 2};
  TaskHandle t;
  t.owner = self.pid();
  t.tag = self.make_ref();
  t.pid = actorscope::detail::spawn_in(actorscope::detail::core_of(self), &self, so, &t.ref, task_main, std::move(fn),
                                       self.pid(), t.tag);
  return t;
}

Task<Term> OtpTask::await(Process& self, TaskHandle t, int64_t timeout_ms) {
  Ref tag = t.tag, mref = t.ref;
  std::optional<Term> m = co_await self.receive(
      [tag, mref](const Term& x) {
        if (x.is_tuple() && x.tuple_size() == 2) return x[0].is_ref() && x[0].as_ref() == tag;
        return x.is_tagged(atoms::DOWN, 5) && x[1].is_ref() && x[1].as_ref() == mref;
      },
      timeout_ms);
  auto exit_term = [&](Term reason) {
    return Term::tuple({std::move(reason), Term::tuple({Term(TA().Task), Term(TA().await),
                                                        Term::list({t.to_term(), detail::timeout_term(timeout_ms)})})});
  };
  if (!m) throw ProcessExit(exit_term(Term(atoms::timeout)));
  if (m->is_tagged(atoms::DOWN, 5)) throw ProcessExit(exit_term((*m)[4]));
  self.demonitor(mref, {.flush = true});
  co_return (*m)[1];
}

}  // namespace actorscope::otp
