// Task's built-ins: a task is a process that runs a fun and sends its result to its owner.

#include "otp_common.hpp"

namespace actorscope::console::detail {

namespace {

struct IsTaskRef {
  Ref ref;
  bool operator()(const Term& m) const { return m.is_tagged(A("$task_ref"), 2); }
};

/// Elixir's Task.Supervised report for a task that ends with an error or an abnormal exit.
void log_task_crash(Interp& ip, Process& self, Pid owner, const Term& fun, const Term& reason) {
  std::string why = format_report_reason(reason);
  if (why.empty()) return;
  ip.log_error("Task " + inspect_pid(self.pid()) + " started from " + inspect_pid(owner) + " terminating\n" + why +
               "\nFunction: " + inspect_pretty(fun, 80) + "\n    Args: []");
}

/// Runs a task's fun, reporting a crash as Task.Supervised does.
Task<Term> run_task_fun(Process& self, std::shared_ptr<Interp> ip, Term fun, Pid owner) {
  Ctx c(self, ip);
  try {
    co_return co_await apply_fun(c, fun, Args());
  } catch (const ErlangError& e) {
    log_task_crash(*ip, self, owner, fun, e.exit_reason());
    throw;
  } catch (const LangExit& e) {
    log_task_crash(*ip, self, owner, fun, e.reason());
    throw;
  }
}

Task<> task_main(Process& self, std::shared_ptr<Interp> ip, Term fun, Pid owner) {
  Term msg = co_await self.receive(IsTaskRef{});
  Term result = co_await run_task_fun(self, ip, fun, owner);
  self.send(owner, T2(msg[1], result));
}

/// Task.start/1 and Task.start_link/1: a task nobody awaits.
Task<> task_start_main(Process& self, std::shared_ptr<Interp> ip, Term fun, Pid owner) {
  (void)co_await run_task_fun(self, ip, fun, owner);
}

Term task_start(Ctx& c, const Term& fun, bool link) {
  if (!fun.is_fun() || fun.as_fun()->arity() != 0) raise_error(Term(atoms::badarg));
  SpawnOptions o;
  o.link = link;
  Pid pid = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, nullptr, &task_start_main, c.ip,
                                         fun, c.self.pid());
  return T2(Term(atoms::ok), Term(pid));
}

struct IsTaskReply {
  Ref ref;
  bool operator()(const Term& m) const {
    if (m.is_tuple() && m.tuple_size() == 2 && m[0].is_ref() && m[0].as_ref() == ref) return true;
    return m.is_tagged(atoms::DOWN, 5) && m[1].is_ref() && m[1].as_ref() == ref;
  }
};

Task<Term> task_await(Ctx& c, Term task, int64_t timeout, Term timeout_term) {
  const Term* r = task.is_map() ? task.map_get(Term(A("ref"))) : nullptr;
  if (!r || !r->is_ref()) raise_error(Term(atoms::badarg));
  Ref ref = r->as_ref();
  std::optional<Term> m;
  if (timeout == kInfinity)
    m = co_await c.self.receive(IsTaskReply{ref});
  else
    m = co_await c.self.receive(IsTaskReply{ref}, timeout);
  Term mfa = Term::tuple({Term(A("Elixir.Task")), Term(A("await")), Term::list({task, timeout_term})});
  if (!m) throw LangExit(T2(Term(atoms::timeout), mfa));
  if (m->is_tagged(atoms::DOWN, 5)) throw LangExit(T2((*m)[4], mfa));
  c.self.demonitor(ref, DemonitorOptions{true, false});
  co_return (*m)[1];
}

}  // namespace

void register_task_builtins(BuiltinTable& t) {
  t.reg("Task", "async", 1).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_fun()) raise_error(Term(atoms::badarg));
    SpawnOptions o;
    o.link = true;
    o.monitor = true;
    Ref ref;
    Pid pid = actorscope::detail::spawn_in(actorscope::detail::core_of(c.self), &c.self, o, &ref, &task_main, c.ip, a[0],
                                           c.self.pid());
    c.self.send(pid, T2(Term(A("$task_ref")), Term(ref)));
    return Term::map({{Term(A("__struct__")), Term(A("Elixir.Task"))},
                      {Term(A("mfa")), Term::tuple({Term(A("erlang")), Term(A("apply")), Term(2)})},
                      {Term(A("owner")), Term(c.self.pid())},
                      {Term(A("pid")), Term(pid)},
                      {Term(A("ref")), Term(ref)}});
  };
  // As Elixir's: a task under a supervisor is :temporary (never restarted).
  t.reg("Task", "child_spec", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term::map({{Term(A("id")), Term(A("Elixir.Task"))},
                      {Term(A("restart")), Term(A("temporary"))},
                      {Term(A("start")), Term::tuple({Term(A("Elixir.Task")), Term(A("start_link")), Term::list({a[0]})})}});
  };
  t.reg("Task", "start", 1).sync = [](Ctx& c, Args& a) -> Term { return task_start(c, a[0], false); };
  t.reg("Task", "start_link", 1).sync = [](Ctx& c, Args& a) -> Term { return task_start(c, a[0], true); };
  t.reg("Task", "await", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await task_await(c, a[0], 5000, Term(5000));
  };
  t.reg("Task", "await", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await task_await(c, a[0], timeout_arg(a[1]), a[1]);
  };
}

}  // namespace actorscope::console::detail
