// Supervisor and DynamicSupervisor: one engine (R7.1-R7.9).

#include "actorscope/otp/supervisor.hpp"

#include "actorscope/otp/dynamic_supervisor.hpp"
#include "otp_internal.hpp"

#include <deque>
#include <list>
#include <unordered_map>

namespace actorscope::otp {

using detail::A;
using detail::err;
using detail::ok;

namespace {

struct Child {
  uint64_t key = 0;
  ChildSpec spec;
  Term extra = Term::empty_list();
  Pid pid;                  // valid while running
  bool restarting = false;  // a failed restart waits for its try-again message
  Pid last_pid;             // the pid it had when it last stopped, for the Restart trace event
  Term last_reason;
};

class SupState {
 public:
  bool dynamic = false;
  Strategy strategy = Strategy::OneForOne;
  int max_restarts = 3;
  int64_t period_ns = 5'000'000'000;
  AutoShutdown auto_shutdown = AutoShutdown::Never;
  int64_t max_children = kInfinity;
  Term extra = Term::empty_list();
  Atom name{atoms::nil.id};
  Pid parent;  // linked starter; EXIT from it ends the supervisor
  std::vector<ChildSpec> initial;
  SupervisorInitFn init;  // a callback module's init/1 (run in the supervisor), or empty
  std::optional<ChildSpec> simple;  // :simple_one_for_one's template

  /// Takes the flags an init/1 returned.
  void apply(const SupervisorOptions& o) {
    strategy = o.strategy;
    max_restarts = o.max_restarts;
    period_ns = o.max_seconds * 1'000'000'000;
    auto_shutdown = o.auto_shutdown;
  }
  /// :simple_one_for_one keeps its one child spec as a template and starts no child.
  void make_simple() {
    if (strategy != Strategy::SimpleOneForOne) return;
    dynamic = true;
    if (!initial.empty()) simple = std::move(initial.front());
    initial.clear();
  }

  std::list<Child> children;  // start order
  std::unordered_map<uint64_t, std::list<Child>::iterator> by_pid;  // pid serial -> child
  std::deque<int64_t> restarts;  // restart times within the period, oldest first
  uint64_t next_key = 1;

  using It = std::list<Child>::iterator;

  It find_id(const Term& id) {
    for (auto it = children.begin(); it != children.end(); ++it)
      if (it->spec.id == id) return it;
    return children.end();
  }
  It find_pid(Pid p) {
    auto f = by_pid.find(p.serial());
    return f == by_pid.end() ? children.end() : f->second;
  }
  It find_key(uint64_t k) {
    for (auto it = children.begin(); it != children.end(); ++it)
      if (it->key == k) return it;
    return children.end();
  }
  void erase(It it) {
    if (it->pid.valid()) by_pid.erase(it->pid.serial());
    children.erase(it);
  }

  /// R7.4: records a restart; false when that makes more than max_restarts within the period.
  bool add_restart(int64_t now) {
    restarts.push_back(now);
    while (!restarts.empty() && now - restarts.front() > period_ns) restarts.pop_front();
    if (restarts.size() > static_cast<size_t>(max_restarts < 0 ? 0 : max_restarts)) return false;
    return true;
  }

  Term child_term(const Child& c) const {
    const auto& a = A();
    Term mods = c.spec.module == atoms::nil ? Term::empty_list() : Term::list({Term(c.spec.module)});
    Term start = Term::tuple({c.spec.module == atoms::nil ? Term(atoms::cpp) : Term(c.spec.module),
                              Term(a.start_link), c.extra});
    return Term::tuple({Term(a.child), Term(atoms::undefined), c.spec.id, start, to_term(c.spec.restart),
                        Term::boolean(c.spec.significant), c.spec.effective_shutdown().to_term(),
                        to_term(c.spec.type), mods});
  }

  // ---- starting and stopping one child ----------------------------------------------------------

  /// Runs the child's start function: `{:ok, pid}`, `{:ok, :undefined}` (ignore) or
  /// `{:error, reason}`, as supervisor:do_start_child_i/3 classifies it.
  Task<Term> start_one(Process& self, It it) {
    Child& c = *it;
    Term r;
    std::exception_ptr ex;
    try {
      r = co_await c.spec.start(self, c.extra);
    } catch (...) {
      ex = std::current_exception();
    }
    if (ex) co_return err(Term::tuple({Term(atoms::EXIT), detail::reason_of(ex)}));
    if (r.is_tuple() && r.tuple_size() >= 2 && r[0].is_atom(atoms::ok) && r[1].is_pid()) {
      c.pid = r[1].as_pid();
      c.restarting = false;
      by_pid[c.pid.serial()] = it;
      if (!c.spec.id.is_atom(atoms::undefined) && !c.spec.id.is_atom(atoms::nil)) self.runtime().trace_label(c.pid, c.spec.id);
      co_return ok(Term(c.pid));
    }
    if (r.is_atom(A().ignore)) co_return ok(Term(atoms::undefined));
    if (r.is_tagged(atoms::error, 2)) co_return r;
    co_return err(r);
  }

  /// R7.5: stops a running child, as supervisor:shutdown/2 does (monitor, exit, wait for the
  /// DOWN, then unlink and flush the EXIT).
  Task<> shutdown_child(Process& self, Child& c) {
    Pid pid = c.pid;
    if (!pid.valid()) co_return;
    by_pid.erase(pid.serial());
    c.pid = Pid{};
    c.last_pid = pid;
    c.last_reason = Term(atoms::shutdown);
    Ref mon = self.monitor(pid);
    auto is_down = [mon](const Term& t) { return t.is_tagged(atoms::DOWN, 5) && t[1].is_ref() && t[1].as_ref() == mon; };
    Shutdown sd = c.spec.effective_shutdown();
    if (mon.id == 0) {
      // Ergo mode: the child has ended already (monitoring the dead is an error there, E1.4).
    } else if (sd.kind == Shutdown::Kind::BrutalKill) {
      self.exit(pid, Term(atoms::kill));
      (void)co_await self.receive(is_down);
    } else {
      self.exit(pid, Term(atoms::shutdown));
      std::optional<Term> d = co_await self.receive(is_down, sd.kind == Shutdown::Kind::Infinity ? kInfinity : sd.ms);
      if (!d) {
        self.exit(pid, Term(atoms::kill));
        (void)co_await self.receive(is_down);
      }
    }
    self.unlink(pid);
    (void)co_await self.receive(
        [pid](const Term& t) { return t.is_tagged(atoms::EXIT, 3) && t[1].is_pid() && t[1].as_pid() == pid; }, 0);
  }

  /// Stops every running child in reverse start order; temporary children are dropped (R7.1).
  Task<> terminate_children(Process& self, It from_it) {
    std::vector<It> its;
    for (It i = from_it; i != children.end(); ++i) its.push_back(i);
    for (auto r = its.rbegin(); r != its.rend(); ++r) {
      It i = *r;
      if (i->pid.valid()) co_await shutdown_child(self, *i);
      i->restarting = false;
      if (i->spec.restart == Restart::Temporary) erase(i);
    }
  }

  Task<> terminate_all(Process& self) { co_await terminate_children(self, children.begin()); }

  /// A trace event about child `c` of this supervisor: a = the supervisor, pid2 = the child's
  /// last pid, name = its id if an atom.
  static TraceEvent child_event(Process& self, TraceKind kind, const Child& c) {
    TraceEvent ev;
    ev.kind = kind;
    ev.a = self.pid();
    ev.pid2 = c.last_pid;
    ev.name = c.spec.id.is_atom() ? c.spec.id.as_atom() : atoms::nil;
    return ev;
  }

  void emit_restart(Process& self, const Child& c) {
    if (!self.runtime().tracing()) return;
    TraceEvent ev = child_event(self, TraceKind::Restart, c);
    ev.b = c.pid;
    ev.term = Term::tuple({c.spec.id, c.last_reason});
    self.runtime().emit_trace(std::move(ev));
  }

  /// R7.4: the restart intensity is reached; the supervisor is about to give up.
  void emit_give_up(Process& self, const Child& c) {
    if (!self.runtime().tracing()) return;
    TraceEvent ev = child_event(self, TraceKind::GiveUp, c);
    ev.term = Term::tuple({Term(static_cast<long long>(max_restarts)), Term(static_cast<long long>(period_ns / 1'000'000'000)),
                           c.spec.id, c.last_reason});
    self.runtime().emit_trace(std::move(ev));
  }

  /// Starts `it` and every child after it, in order (one_for_all, rest_for_one). On a failure the
  /// failed child waits for a try-again; the rest stay stopped.
  Task<> restart_from(Process& self, It it) {
    for (; it != children.end(); ++it) {
      if (it->pid.valid()) continue;
      Term r = co_await start_one(self, it);
      if (r[0].is_atom(atoms::ok)) {
        if (it->pid.valid()) emit_restart(self, *it);
        continue;
      }
      it->restarting = true;
      self.send(self.pid(), Term::tuple({Term(A().try_again), Term(static_cast<long long>(it->key))}));
      co_return;
    }
  }

  /// Ends the supervisor: children stopped in reverse order, then exit with `reason`.
  Task<> shutdown_self(Process& self, Term reason) {
    co_await terminate_all(self);
    co_await self.exit(std::move(reason));
  }

  /// supervisor:restart/2: counts the restart, then restarts by strategy (R7.2, R7.4).
  Task<> restart(Process& self, It it) {
    if (!add_restart(self.runtime().now_ns())) {
      emit_give_up(self, *it);
      if (it->spec.restart == Restart::Temporary || dynamic) erase(it);
      co_await shutdown_self(self, Term(atoms::shutdown));
    }
    switch (dynamic ? Strategy::OneForOne : strategy) {
      case Strategy::SimpleOneForOne:  // always dynamic
      case Strategy::OneForOne: {
        Term r = co_await start_one(self, it);
        if (r[0].is_atom(atoms::ok)) {
          if (it->pid.valid()) emit_restart(self, *it);
        } else {
          it->restarting = true;
          self.send(self.pid(), Term::tuple({Term(A().try_again), Term(static_cast<long long>(it->key))}));
        }
        break;
      }
      case Strategy::OneForAll: {
        co_await terminate_all(self);  // the failed child is not running: it is kept, stopped
        co_await restart_from(self, children.begin());
        break;
      }
      case Strategy::RestForOne: {
        auto next = std::next(it);
        if (next != children.end()) co_await terminate_children(self, next);
        co_await restart_from(self, it);
        break;
      }
    }
  }

  static bool is_shutdown_reason(const Term& r) {
    return r.is_atom(atoms::normal) || r.is_atom(atoms::shutdown) || r.is_tagged(atoms::shutdown, 2);
  }

  /// A child ended with `reason` (R7.3, R7.9).
  Task<> child_exited(Process& self, It it, Term reason) {
    Child& c = *it;
    by_pid.erase(c.pid.serial());
    c.last_pid = c.pid;
    c.last_reason = reason;
    c.pid = Pid{};
    bool again = c.spec.restart == Restart::Permanent ||
                 (c.spec.restart == Restart::Transient && !is_shutdown_reason(reason));
    if (again) {
      co_await restart(self, it);
      co_return;
    }
    bool significant = c.spec.significant;
    if (c.spec.restart == Restart::Temporary || dynamic) erase(it);
    if (!significant || auto_shutdown == AutoShutdown::Never) co_return;
    if (auto_shutdown == AutoShutdown::AllSignificant) {
      for (auto& o : children)
        if (o.spec.significant && (o.pid.valid() || o.restarting)) co_return;
    }
    co_await shutdown_self(self, Term(atoms::shutdown));
  }

  /// Starts the initial children in order (R7.1); on a failure stops those started (R7.6).
  Task<Term> init_children(Process& self) {
    for (auto& spec : initial) {
      Child c;
      c.key = next_key++;
      c.spec = std::move(spec);
      children.push_back(std::move(c));
    }
    initial.clear();
    for (auto it = children.begin(); it != children.end();) {
      Term r = co_await start_one(self, it);
      if (!r[0].is_atom(atoms::ok)) {
        Term id = it->spec.id;
        if (it->spec.restart == Restart::Temporary) erase(it);
        co_await terminate_all(self);
        co_return err(Term::tuple({Term(atoms::shutdown), Term::tuple({Term(A().failed_to_start_child), id, r[1]})}));
      }
      if (!it->pid.valid() && it->spec.restart == Restart::Temporary) {
        auto next = std::next(it);
        erase(it);
        it = next;
        continue;
      }
      ++it;
    }
    co_return ok(Term(self.pid()));
  }

  // ---- calls ---------------------------------------------------------------------------------

  Term child_pid_term(const Child& c) const {
    if (c.pid.valid()) return Term(c.pid);
    return Term(c.restarting ? A().restarting : atoms::undefined);
  }

  Term which_children() const {
    std::vector<Term> out;
    out.reserve(children.size());
    for (auto it = children.rbegin(); it != children.rend(); ++it) {
      const Child& c = *it;
      Term mods = c.spec.dynamic_modules       ? Term(A().dynamic)
                  : c.spec.module == atoms::nil ? Term::empty_list()
                                                : Term::list({Term(c.spec.module)});
      out.push_back(Term::tuple({dynamic ? Term(atoms::undefined) : c.spec.id, child_pid_term(c), to_term(c.spec.type), mods}));
    }
    return Term::list(out);
  }

  Term count_children() const {
    const auto& a = A();
    long long active = 0, sups = 0, workers = 0;
    for (auto& c : children) {
      if (c.pid.valid()) ++active;
      (c.spec.type == ChildType::Supervisor ? sups : workers)++;
    }
    // A :simple_one_for_one supervisor has one spec, its template, however many children.
    long long specs = simple ? 1 : static_cast<long long>(children.size());
    return Term::map({{Term(a.active), Term(active)},
                      {Term(a.specs), Term(specs)},
                      {Term(a.supervisors), Term(sups)},
                      {Term(a.workers), Term(workers)}});
  }

  Task<Term> handle_call(Process& self, const Term& req) {
    const auto& a = A();
    if (req.is_atom(a.which_children)) co_return which_children();
    if (req.is_atom(a.count_children)) co_return count_children();
    if (req.is_tagged(a.start_child, 2)) {
      ChildSpec* spec = detail::unbox<ChildSpec>(req[1]);
      if (!spec) co_return err(Term(atoms::badarg));
      if (dynamic) {
        if (max_children >= 0 && static_cast<int64_t>(children.size()) >= max_children)
          co_return err(Term(a.max_children));
      } else {
        It ex = find_id(spec->id);
        if (ex != children.end()) {
          if (ex->pid.valid()) co_return err(Term::tuple({Term(a.already_started), Term(ex->pid)}));
          co_return err(Term(a.already_present));
        }
      }
      Child c;
      c.key = next_key++;
      c.spec = *spec;
      if (dynamic) c.extra = extra;
      children.push_back(std::move(c));
      It it = std::prev(children.end());
      Term r = co_await start_one(self, it);
      if (!r[0].is_atom(atoms::ok)) {
        Term reason = dynamic ? r[1] : Term::tuple({r[1], child_term(*it)});
        erase(it);
        co_return err(reason);
      }
      if (!it->pid.valid()) {  // ignored
        if (dynamic || it->spec.restart == Restart::Temporary) erase(it);
        co_return dynamic ? Term(a.ignore) : r;
      }
      co_return r;
    }
    if (req.is_tagged(a.start_child_with, 2)) {
      if (!simple) co_return err(Term(a.not_simple));
      if (max_children >= 0 && static_cast<int64_t>(children.size()) >= max_children)
        co_return err(Term(a.max_children));
      Child c;
      c.key = next_key++;
      c.spec = *simple;
      c.extra = req[1];
      children.push_back(std::move(c));
      It it = std::prev(children.end());
      Term r = co_await start_one(self, it);
      if (!r[0].is_atom(atoms::ok) || !it->pid.valid()) erase(it);
      co_return r;
    }
    if (req.is_tagged(a.terminate_child, 2)) {
      It it = children.end();
      if (dynamic) {
        if (req[1].is_pid()) it = find_pid(req[1].as_pid());
      } else {
        it = find_id(req[1]);
      }
      if (it == children.end()) co_return err(Term(a.not_found));
      co_await shutdown_child(self, *it);
      it->restarting = false;
      if (dynamic || it->spec.restart == Restart::Temporary) erase(it);
      co_return Term(atoms::ok);
    }
    if ((req.is_tagged(a.restart_child, 2) || req.is_tagged(a.delete_child, 2)) && simple)
      co_return err(Term(a.simple_one_for_one));
    if (req.is_tagged(a.restart_child, 2) && !dynamic) {
      It it = find_id(req[1]);
      if (it == children.end()) co_return err(Term(a.not_found));
      if (it->pid.valid()) co_return err(Term(a.running));
      if (it->restarting) co_return err(Term(a.restarting));
      Term r = co_await start_one(self, it);
      co_return r;
    }
    if (req.is_tagged(a.delete_child, 2) && !dynamic) {
      It it = find_id(req[1]);
      if (it == children.end()) co_return err(Term(a.not_found));
      if (it->pid.valid()) co_return err(Term(a.running));
      if (it->restarting) co_return err(Term(a.restarting));
      erase(it);
      co_return Term(atoms::ok);
    }
    co_return err(Term::tuple({Term(a.bad_call), req}));
  }
};

Task<> supervisor_main(Process& self, std::unique_ptr<SupState> st, Pid starter) {
  const auto& a = A();
  self.trap_exit(true);
  if (st->name != atoms::nil) {
    bool taken = false;
    try {
      self.runtime().register_name(self.pid(), st->name);
    } catch (const ErlangError&) {
      taken = true;
    }
    if (taken) {
      Pid other = self.runtime().whereis(st->name);
      detail::ack(self, starter, err(Term::tuple({Term(a.already_started), other.valid() ? Term(other) : Term()})));
      co_return;
    }
  }
  if (st->init) {
    SupervisorOptions flags;
    flags.strategy = st->strategy;
    flags.max_restarts = st->max_restarts;
    flags.max_seconds = st->period_ns / 1'000'000'000;
    flags.auto_shutdown = st->auto_shutdown;
    Term ir;
    std::exception_ptr ex;
    try {
      ir = co_await st->init(self, flags, st->initial);
    } catch (...) {
      ex = std::current_exception();
    }
    if (ex) ir = err(detail::reason_of(ex));
    if (!ir.is_atom(atoms::ok)) {
      detail::drop_name(self, st->name);
      if (ir.is_atom(a.ignore)) {
        detail::ack(self, starter, ir);
        co_await self.exit(Term(atoms::normal));
      }
      Term reason = ir.is_tuple() && ir.tuple_size() == 2 ? ir[1] : ir;  // {:error | :stop, reason}
      detail::ack(self, starter, err(reason));
      co_await self.exit(reason);
    }
    st->apply(flags);
  }
  st->make_simple();
  Term r = co_await st->init_children(self);
  if (!r[0].is_atom(atoms::ok)) {
    detail::drop_name(self, st->name);
    detail::ack(self, starter, r);
    co_await self.exit(r[1]);
  }
  detail::ack(self, starter, r);
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(atoms::EXIT, 3) && m[1].is_pid()) {
      Pid from = m[1].as_pid();
      if (st->parent.valid() && from == st->parent) co_await st->shutdown_self(self, m[2]);
      auto it = st->find_pid(from);
      if (it != st->children.end() && it->pid == from) co_await st->child_exited(self, it, m[2]);
      // R7.7: an EXIT from any other process restarts nothing.
    } else if (m.is_tagged(a.gen_call, 3)) {
      Term reply = co_await st->handle_call(self, m[2]);
      GenServer::reply(self, m[1], std::move(reply));
    } else if (m.is_tagged(a.try_again, 2)) {
      auto it = st->find_key(static_cast<uint64_t>(m[1].as_integer()));
      if (it != st->children.end() && it->restarting && !it->pid.valid()) co_await st->restart(self, it);
    } else if (m.is_tagged(a.system, 3) && m[2].is_tagged(a.terminate, 2)) {
      co_await st->shutdown_self(self, m[2][1]);
    }
    // Anything else is ignored (OTP logs it).
  }
}

InitialCall sup_initial_call(Atom module) { return InitialCall{A().supervisor, module, 1}; }

std::unique_ptr<SupState> make_state(std::vector<ChildSpec> children, const SupervisorOptions& o) {
  auto st = std::make_unique<SupState>();
  st->strategy = o.strategy;
  st->max_restarts = o.max_restarts;
  st->period_ns = o.max_seconds * 1'000'000'000;
  st->auto_shutdown = o.auto_shutdown;
  st->name = o.name;
  st->initial = std::move(children);
  st->init = o.init;
  return st;
}
std::unique_ptr<SupState> make_state(const DynamicSupervisorOptions& o) {
  auto st = std::make_unique<SupState>();
  st->dynamic = true;
  st->max_restarts = o.max_restarts;
  st->period_ns = o.max_seconds * 1'000'000'000;
  st->max_children = o.max_children;
  st->extra = o.extra_arguments;
  st->name = o.name;
  return st;
}

Task<Term> start_linked(Process& self, std::unique_ptr<SupState> st, Atom module) {
  SpawnOptions so;
  so.link = true;
  so.proc_lib = true;
  so.initial_call = sup_initial_call(module);
  st->parent = self.pid();
  Pid pid = self.spawn_opt(so, supervisor_main, std::move(st), self.pid());
  co_return co_await detail::wait_ack(self, pid, true);
}

Pid start_unlinked(Runtime& rt, std::unique_ptr<SupState> st, Atom module) {
  SpawnOptions so;
  so.proc_lib = true;
  so.initial_call = sup_initial_call(module);
  return rt.spawn_opt(so, supervisor_main, std::move(st), Pid{});
}

Task<Term> sup_call(Process& self, Term sup, Term req) {
  co_return co_await GenServer::call(self, std::move(sup), std::move(req), kInfinity);
}

}  // namespace

// ---- Supervisor ----------------------------------------------------------------------------------

static Atom sup_module(Atom m) { return m != atoms::nil ? m : A().SupervisorDefault; }
static Atom dyn_module(Atom m) { return m != atoms::nil ? m : A().DynamicSupervisorDefault; }

Task<Term> Supervisor::start_link(Process& self, std::vector<ChildSpec> children, SupervisorOptions opts) {
  return start_linked(self, make_state(std::move(children), opts), sup_module(opts.module));
}
Pid Supervisor::start(Runtime& rt, std::vector<ChildSpec> children, SupervisorOptions opts) {
  return start_unlinked(rt, make_state(std::move(children), opts), sup_module(opts.module));
}
ChildSpec Supervisor::child_spec(Term id, std::vector<ChildSpec> children, SupervisorOptions opts) {
  ChildSpec s;
  s.id = std::move(id);
  s.type = ChildType::Supervisor;
  s.module = A().Supervisor;
  s.start = [children, opts](Process& sup, Term) -> Task<Term> { return start_link(sup, children, opts); };
  return s;
}
Task<Term> Supervisor::which_children(Process& self, Term sup) {
  return sup_call(self, std::move(sup), Term(A().which_children));
}
Task<Term> Supervisor::count_children(Process& self, Term sup) {
  return sup_call(self, std::move(sup), Term(A().count_children));
}
Task<Term> Supervisor::start_child(Process& self, Term sup, ChildSpec spec) {
  Term boxed = detail::box(std::move(spec), "child_spec");
  return sup_call(self, std::move(sup), Term::tuple({Term(A().start_child), boxed}));
}
Task<Term> Supervisor::start_child_with(Process& self, Term sup, Term extra) {
  return sup_call(self, std::move(sup), Term::tuple({Term(A().start_child_with), std::move(extra)}));
}
Task<Term> Supervisor::terminate_child(Process& self, Term sup, Term id) {
  return sup_call(self, std::move(sup), Term::tuple({Term(A().terminate_child), std::move(id)}));
}
Task<Term> Supervisor::restart_child(Process& self, Term sup, Term id) {
  return sup_call(self, std::move(sup), Term::tuple({Term(A().restart_child), std::move(id)}));
}
Task<Term> Supervisor::delete_child(Process& self, Term sup, Term id) {
  return sup_call(self, std::move(sup), Term::tuple({Term(A().delete_child), std::move(id)}));
}
Task<Term> Supervisor::stop(Process& self, Term sup, Term reason) {
  return GenServer::stop(self, std::move(sup), std::move(reason));
}

// ---- DynamicSupervisor ------------------------------------------------------------------------------

Task<Term> DynamicSupervisor::start_link(Process& self, DynamicSupervisorOptions opts) {
  return start_linked(self, make_state(opts), dyn_module(opts.module));
}
Pid DynamicSupervisor::start(Runtime& rt, DynamicSupervisorOptions opts) {
  return start_unlinked(rt, make_state(opts), dyn_module(opts.module));
}
ChildSpec DynamicSupervisor::child_spec(Term id, DynamicSupervisorOptions opts) {
  ChildSpec s;
  s.id = std::move(id);
  s.type = ChildType::Supervisor;
  s.module = A().DynamicSupervisor;
  s.start = [opts](Process& sup, Term) -> Task<Term> { return start_link(sup, opts); };
  return s;
}
Task<Term> DynamicSupervisor::start_child(Process& self, Term sup, ChildSpec spec) {
  Term boxed = detail::box(std::move(spec), "child_spec");
  return sup_call(self, std::move(sup), Term::tuple({Term(A().start_child), boxed}));
}
Task<Term> DynamicSupervisor::terminate_child(Process& self, Term sup, Pid child) {
  return sup_call(self, std::move(sup), Term::tuple({Term(A().terminate_child), Term(child)}));
}
Task<Term> DynamicSupervisor::which_children(Process& self, Term sup) {
  return sup_call(self, std::move(sup), Term(A().which_children));
}
Task<Term> DynamicSupervisor::count_children(Process& self, Term sup) {
  return sup_call(self, std::move(sup), Term(A().count_children));
}
Task<Term> DynamicSupervisor::stop(Process& self, Term sup, Term reason) {
  return GenServer::stop(self, std::move(sup), std::move(reason));
}

}  // namespace actorscope::otp
