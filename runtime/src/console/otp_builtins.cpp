// The console language's OTP built-ins, wired to runtime/include/actorscope/otp: GenServer modules
// (`use GenServer` with init/handle_call/handle_cast/handle_info/terminate), Agent, Task,
// Supervisor and DynamicSupervisor.

#include "actorscope/otp/dynamic_supervisor.hpp"
#include "actorscope/otp/gen_server.hpp"
#include "actorscope/otp/supervisor.hpp"
#include "interp.hpp"

namespace actorscope::console::detail {

Task<Term> call_clauses(Ctx& c, Callable f, std::vector<Term> args);

namespace {

using Args = std::vector<Term>;
Term T2(Term a, Term b) { return Term::tuple({std::move(a), std::move(b)}); }
// GCC 12 rejects braced lists inside co_await expressions ("array used as initializer").
Args args0() { return Args(); }
Args args1(const Term& a) { return Args{a}; }
Args args2(const Term& a, const Term& b) { return Args{a, b}; }
Args args3(const Term& a, const Term& b, const Term& c) { return Args{a, b, c}; }
bool tagged(const Term& t, const char* tag, size_t n) { return t.is_tagged(A(tag), n); }

bool has_function(Interp& ip, Atom mod, const char* fun, int arity) {
  auto m = ip.module(mod);
  return m && m->find(A(fun), arity);
}

/// What OTP's gen_server logs when a server ends with a reason other than :normal, :shutdown or
/// {:shutdown, _}: "GenServer #PID<...> terminating", the reason, the last message (with its
/// caller for a call), the state, and for a call whether the caller is alive. The callbacks note
/// the message they handle; a stop asked by GenServer.stop/2 reports "Last message: []".
struct CrashReport {
  Term last_msg;
  Term from;  // {pid, tag} of a call, or nil
  bool pending = false;
  void begin(Term msg, Term caller = Term()) {
    last_msg = std::move(msg);
    from = std::move(caller);
    pending = true;
  }
  void done() { pending = false; }
  void log(Interp& ip, Process& self, const Term& reason, const Term& state) const {
    std::string why = format_report_reason(reason);
    if (why.empty()) return;
    // A registered server is named by its name ("GenServer Counter terminating").
    std::string who = inspect_pid(self.pid());
    Term reg = self.runtime().info(self.pid(), A("registered_name"));
    if (reg.is_tuple() && reg.tuple_size() == 2 && reg[1].is_atom()) who = inspect_atom(reg[1].as_atom());
    std::string r = "GenServer " + who + " terminating\n" + why + "\n";
    Pid client;
    if (pending && from.is_tuple() && from.tuple_size() == 2 && from[0].is_pid()) client = from[0].as_pid();
    if (!pending)
      r += "Last message: []\n";
    else if (client.valid())
      r += "Last message (from " + inspect_pid(client) + "): " + inspect_pretty(last_msg, 80) + "\n";
    else
      r += "Last message: " + inspect_pretty(last_msg, 80) + "\n";
    r += "State: " + inspect_pretty(state, 80);
    if (client.valid()) r += "\nClient " + inspect_pid(client) + (self.runtime().alive(client) ? " is alive" : " is dead");
    ip.log_error(r);
  }
};

/// A GenServer whose callbacks are a user module's functions; the state lives here.
class ModuleServer final : public otp::GenServer {
 public:
  ModuleServer(std::shared_ptr<Interp> ip, Atom mod, Term arg) : ip_(std::move(ip)), mod_(mod), arg_(std::move(arg)) {}

  Task<otp::InitResult> init(Process& self) override {
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("init"), args1(arg_));
    if (tagged(r, "ok", 2)) {
      state_ = r[1];
      co_return otp::InitResult::ok();
    }
    if (tagged(r, "stop", 2)) co_return otp::InitResult::stop(r[1]);
    if (r.is_atom(A("ignore"))) co_return otp::InitResult::ignore();
    co_return otp::InitResult::stop(T2(Term(A("bad_return_value")), r));
  }

  Task<otp::CallResult> handle_call(Process& self, const Term& request, const Term& from) override {
    report_.begin(request, from);
    if (!has_function(*ip_, mod_, "handle_call", 3)) co_return otp::CallResult::stop(T2(Term(A("bad_call")), request));
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_call"), args3(request, from, state_));
    co_return result(r);
  }
  Task<otp::NoReplyResult> handle_cast(Process& self, const Term& request) override {
    report_.begin(T2(Term(A("$gen_cast")), request));
    if (!has_function(*ip_, mod_, "handle_cast", 2)) co_return otp::CallResult::stop(T2(Term(A("bad_cast")), request));
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_cast"), args2(request, state_));
    co_return result(r);
  }
  Task<otp::NoReplyResult> handle_info(Process& self, const Term& msg) override {
    if (!has_function(*ip_, mod_, "handle_info", 2)) co_return otp::CallResult::noreply();
    report_.begin(msg);
    Ctx c(self, ip_);
    Term r = co_await apply_mfa(c, mod_, A("handle_info"), args2(msg, state_));
    co_return result(r);
  }
  Task<> terminate(Process& self, const Term& reason) override {
    if (has_function(*ip_, mod_, "terminate", 2)) {
      Ctx c(self, ip_);
      (void)co_await apply_mfa(c, mod_, A("terminate"), args2(reason, state_));
    }
    report_.log(*ip_, self, reason, state_);
  }
  Atom module() const override { return mod_; }

 private:
  otp::CallResult result(const Term& r) {
    if (!tagged(r, "stop", 4) && !tagged(r, "stop", 3)) report_.done();
    if (tagged(r, "reply", 3)) {
      state_ = r[2];
      return otp::CallResult::reply(r[1]);
    }
    if (tagged(r, "noreply", 2)) {
      state_ = r[1];
      return otp::CallResult::noreply();
    }
    if (tagged(r, "stop", 4)) {
      state_ = r[3];
      return otp::CallResult::stop(r[1], r[2]);
    }
    if (tagged(r, "stop", 3)) {
      state_ = r[2];
      return otp::CallResult::stop(r[1]);
    }
    return otp::CallResult::stop(T2(Term(A("bad_return_value")), r));
  }
  std::shared_ptr<Interp> ip_;
  Atom mod_;
  Term arg_;
  Term state_;
  CrashReport report_;
};

/// Elixir's Agent: a GenServer holding a value, changed by funs sent to it.
class AgentServer final : public otp::GenServer {
 public:
  AgentServer(std::shared_ptr<Interp> ip, Term fun) : ip_(std::move(ip)), fun_(std::move(fun)) {}
  Task<otp::InitResult> init(Process& self) override {
    Ctx c(self, ip_);
    state_ = co_await apply_fun(c, fun_, args0());
    co_return otp::InitResult::ok();
  }
  Task<otp::CallResult> handle_call(Process& self, const Term& request, const Term& from) override {
    Ctx c(self, ip_);
    report_.begin(request, from);
    otp::CallResult r = co_await handle(c, request);
    report_.done();
    co_return r;
  }
  Task<> terminate(Process& self, const Term& reason) override {
    report_.log(*ip_, self, reason, state_);
    co_return;
  }
  Atom module() const override { return A("Elixir.Agent"); }

 private:
  Task<otp::CallResult> handle(Ctx& c, const Term& request) {
    if (tagged(request, "get", 2)) co_return otp::CallResult::reply(co_await apply_fun(c, request[1], args1(state_)));
    if (tagged(request, "update", 2)) {
      state_ = co_await apply_fun(c, request[1], args1(state_));
      co_return otp::CallResult::reply(Term(atoms::ok));
    }
    if (tagged(request, "get_and_update", 2)) {
      Term r = co_await apply_fun(c, request[1], args1(state_));
      if (!r.is_tuple() || r.tuple_size() != 2) raise_error(T2(Term(A("bad_return_value")), r));
      state_ = r[1];
      co_return otp::CallResult::reply(r[0]);
    }
    co_return otp::CallResult::stop(T2(Term(A("bad_call")), request));
  }
  std::shared_ptr<Interp> ip_;
  Term fun_;
  Term state_;
  CrashReport report_;
};

Atom opt_name(const Term& opts) {
  if (!opts.is_list()) return atoms::nil;
  for (const Term& kv : opts.list_elements())
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(A("name")) && kv[1].is_atom()) return kv[1].as_atom();
  return atoms::nil;
}
const Term* opt(const Term& opts, const char* key) {
  if (!opts.is_list()) return nullptr;
  for (const Term& kv : opts.list_elements())
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(A(key))) return &kv[1];
  return nullptr;
}
int64_t timeout_arg(const Term& t) {
  if (t.is_atom(atoms::infinity)) return kInfinity;
  if (t.is_integer() && t.as_integer() >= 0) return t.as_integer();
  raise_error(Term(atoms::badarg));
}

/// OTP client calls end the caller by throwing ProcessExit; the language treats that as exit/1,
/// so the shell reports it ("** (exit) ...") instead of dying.
Task<Term> as_exit(Task<Term> task) {
  try {
    co_return co_await std::move(task);
  } catch (const LangExit&) {
    throw;
  } catch (const ProcessExit& e) {
    throw LangExit(e.reason());
  }
}

Task<Term> gen_start(Ctx& c, Term mod, Term arg, Term opts, bool link) {
  if (!mod.is_atom()) raise_error(Term(atoms::badarg));
  otp::GenServerOptions o;
  o.name = opt_name(opts);
  o.module = mod.as_atom();
  auto impl = std::make_unique<ModuleServer>(c.ip, mod.as_atom(), arg);
  if (link) co_return co_await otp::GenServer::start_link(c.self, std::move(impl), o);
  co_return co_await otp::GenServer::start(c.self, std::move(impl), o);
}

// ---- child specs -------------------------------------------------------------------------------

Task<Term> start_mfa(Process& sup, std::shared_ptr<Interp> ip, Atom m, Atom f, Term args, Term extra) {
  Ctx c(sup, ip);
  std::vector<Term> a = extra.is_list() ? extra.list_elements() : std::vector<Term>{};
  for (const Term& x : args.list_elements()) a.push_back(x);
  co_return co_await apply_mfa(c, m, f, std::move(a));
}

otp::ChildSpec child_spec(Ctx& c, const Term& spec) {
  Term id, start, restart, shutdown, type;
  if (spec.is_atom()) {
    id = spec;
    start = Term::tuple({spec, Term(A("start_link")), Term::list({Term::empty_list()})});
  } else if (spec.is_tuple() && spec.tuple_size() == 2 && spec[0].is_atom()) {
    id = spec[0];
    start = Term::tuple({spec[0], Term(A("start_link")), Term::list({spec[1]})});
  } else if (spec.is_map()) {
    const Term* i = spec.map_get(Term(A("id")));
    const Term* s = spec.map_get(Term(A("start")));
    if (!s) raise_message("ArgumentError", "invalid child specification: " + inspect_pretty(spec));
    id = i ? *i : Term();
    start = *s;
    if (const Term* r = spec.map_get(Term(A("restart")))) restart = *r;
    if (const Term* sd = spec.map_get(Term(A("shutdown")))) shutdown = *sd;
    if (const Term* t = spec.map_get(Term(A("type")))) type = *t;
  } else {
    raise_message("ArgumentError", "invalid child specification: " + inspect_pretty(spec));
  }
  if (!start.is_tuple() || start.tuple_size() != 3 || !start[0].is_atom() || !start[1].is_atom() || !start[2].is_list())
    raise_message("ArgumentError", "invalid child specification: " + inspect_pretty(spec));
  otp::ChildSpec cs;
  cs.id = id;
  std::shared_ptr<Interp> ip = c.ip;
  Atom m = start[0].as_atom(), f = start[1].as_atom();
  Term args = start[2];
  cs.start = [ip, m, f, args](Process& sup, Term extra) { return start_mfa(sup, ip, m, f, args, std::move(extra)); };
  cs.module = m;
  if (restart.is_atom(A("transient"))) cs.restart = otp::Restart::Transient;
  if (restart.is_atom(A("temporary"))) cs.restart = otp::Restart::Temporary;
  if (shutdown.is_atom(A("brutal_kill"))) cs.shutdown = otp::Shutdown::brutal_kill();
  if (shutdown.is_atom(atoms::infinity)) cs.shutdown = otp::Shutdown::infinity();
  if (shutdown.is_integer()) cs.shutdown = otp::Shutdown::timeout(shutdown.as_integer());
  if (type.is_atom(A("supervisor"))) cs.type = otp::ChildType::Supervisor;
  return cs;
}

/// A child as Supervisor.start_link/2 and start_child/2 take it, as a child spec map: `Mod` and
/// `{Mod, arg}` call Mod.child_spec(arg) (the module's own, or the one `use GenServer` and the
/// like define); maps pass through.
Task<Term> child_spec_map(Ctx& c, Term spec) {
  Term mod, arg;
  if (spec.is_atom()) {
    mod = spec;
    arg = Term::empty_list();
  } else if (spec.is_tuple() && spec.tuple_size() == 2 && spec[0].is_atom()) {
    mod = spec[0];
    arg = spec[1];
  } else if (spec.is_map() && spec.map_get(Term(A("id"))) && spec.map_get(Term(A("start")))) {
    co_return spec;
  } else {
    raise_message("ArgumentError",
                  "supervisors expect each child to be one of the following:\n\n  * a module\n"
                  "  * a {module, arg} tuple\n"
                  "  * a child specification as a map with at least the :id and :start fields\n"
                  "  * or a tuple with 6 elements generated by Supervisor.Spec (deprecated)\n\nGot: " +
                      inspect_pretty(spec) + "\n");
  }
  Atom m = mod.as_atom();
  auto def = c.ip->module(m);
  if (!def && !builtin_module(m))
    raise_message("ArgumentError", "The module " + inspect_pretty(mod) + " was given as a child to a supervisor but it does not exist.");
  if (def && def->find(A("child_spec"), 1)) {
    Term r = co_await apply_mfa(c, m, A("child_spec"), args1(arg));
    if (!r.is_map()) raise_message("ArgumentError", "invalid child specification: " + inspect_pretty(r));
    co_return r;
  }
  if (def)
    if (auto d = default_child_spec(*def, arg)) co_return *d;
  std::string name = inspect_pretty(mod);
  raise_message("ArgumentError",
                "The module " + name +
                    " was given as a child to a supervisor\nbut it does not implement child_spec/1.\n\n"
                    "If you own the given module, please define a child_spec/1 function\n"
                    "that receives an argument and returns a child specification as a map.\nFor example:\n\n"
                    "    def child_spec(opts) do\n      %{\n        id: __MODULE__,\n"
                    "        start: {__MODULE__, :start_link, [opts]},\n        type: :worker,\n"
                    "        restart: :permanent,\n        shutdown: 500\n      }\n    end\n\n"
                    "Note that \"use Agent\", \"use GenServer\" and so on automatically define\nthis function for you.\n\n"
                    "However, if you don't own the given module and it doesn't implement\n"
                    "child_spec/1, instead of passing the module name directly as a supervisor\n"
                    "child, you will have to pass a child specification as a map:\n\n    %{\n      id: " +
                    name + ",\n      start: {" + name +
                    ", :start_link, [arg1, arg2]}\n    }\n\nSee the Supervisor documentation for more information.\n");
}

Task<otp::ChildSpec> resolve_child(Ctx& c, Term spec) {
  Term m = co_await child_spec_map(c, std::move(spec));
  co_return child_spec(c, m);
}

// ---- Task --------------------------------------------------------------------------------------

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
    co_return co_await apply_fun(c, fun, args0());
  } catch (const ErlangError& e) {
    log_task_crash(*ip, self, owner, fun, T2(e.reason(), Term::empty_list()));
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

/// Registers the OTP built-ins; called by the built-in table.
namespace {
/// Agent.start/1,2 and Agent.start_link/1,2: `opts` (nullopt for the /1 forms) may name it.
Task<Term> start_agent(Ctx& c, Term fun, std::optional<Term> opts, bool link) {
  otp::GenServerOptions o;
  if (opts) o.name = opt_name(*opts);
  o.module = A("Elixir.Agent");
  auto server = std::make_unique<AgentServer>(c.ip, std::move(fun));
  if (link) co_return co_await otp::GenServer::start_link(c.self, std::move(server), o);
  co_return co_await otp::GenServer::start(c.self, std::move(server), o);
}
}  // namespace

void register_otp(Builtin& (*reg)(void*, const char*, const char*, int), void* t) {
  reg(t, "GenServer", "start_link", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], Term::empty_list(), true);
  };
  reg(t, "GenServer", "start_link", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], a[2], true);
  };
  reg(t, "GenServer", "start", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], Term::empty_list(), false);
  };
  reg(t, "GenServer", "start", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await gen_start(c, a[0], a[1], a[2], false);
  };
  reg(t, "GenServer", "call", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], a[1]));
  };
  reg(t, "GenServer", "call", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], a[1], timeout_arg(a[2])));
  };
  reg(t, "GenServer", "cast", 2).sync = [](Ctx& c, Args& a) -> Term { return otp::GenServer::cast(c.self, a[0], a[1]); };
  reg(t, "GenServer", "reply", 2).sync = [](Ctx& c, Args& a) -> Term {
    otp::GenServer::reply(c.self, a[0], a[1]);
    return Term(atoms::ok);
  };
  reg(t, "GenServer", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0]));
  };
  reg(t, "GenServer", "stop", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0], a[1]));
  };
  reg(t, "GenServer", "whereis", 1).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = otp::whereis(c.self.runtime(), a[0]);
    return p.valid() ? Term(p) : Term();
  };
  // Agent
  reg(t, "Agent", "start_link", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], {}, true); };
  reg(t, "Agent", "start_link", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], a[1], true); };
  reg(t, "Agent", "start", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], {}, false); };
  reg(t, "Agent", "start", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await start_agent(c, a[0], a[1], false); };
  reg(t, "Agent", "get", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("get")), a[1])));
  };
  reg(t, "Agent", "update", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("update")), a[1])));
  };
  reg(t, "Agent", "get_and_update", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::call(c.self, a[0], T2(Term(A("get_and_update")), a[1])));
  };
  reg(t, "Agent", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::GenServer::stop(c.self, a[0]));
  };
  // Task
  reg(t, "Task", "async", 1).sync = [](Ctx& c, Args& a) -> Term {
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
  reg(t, "Task", "start", 1).sync = [](Ctx& c, Args& a) -> Term { return task_start(c, a[0], false); };
  reg(t, "Task", "start_link", 1).sync = [](Ctx& c, Args& a) -> Term { return task_start(c, a[0], true); };
  reg(t, "Task", "await", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await task_await(c, a[0], 5000, Term(5000));
  };
  reg(t, "Task", "await", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await task_await(c, a[0], timeout_arg(a[1]), a[1]);
  };
  // Supervisor
  reg(t, "Supervisor", "start_link", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<otp::ChildSpec> specs;
    if (!a[0].is_list()) raise_error(Term(atoms::badarg));
    for (const Term& s : a[0].list_elements()) specs.push_back(co_await resolve_child(c, s));
    otp::SupervisorOptions o;
    const Term* st = opt(a[1], "strategy");
    if (!st) raise_message("ArgumentError", "expected :strategy option to be given");
    if (st->is_atom(A("one_for_all"))) o.strategy = otp::Strategy::OneForAll;
    else if (st->is_atom(A("rest_for_one"))) o.strategy = otp::Strategy::RestForOne;
    else if (!st->is_atom(A("one_for_one"))) raise_message("ArgumentError", "unknown strategy " + inspect_pretty(*st));
    if (const Term* mr = opt(a[1], "max_restarts"); mr && mr->is_integer()) o.max_restarts = static_cast<int>(mr->as_integer());
    if (const Term* ms = opt(a[1], "max_seconds"); ms && ms->is_integer()) o.max_seconds = ms->as_integer();
    o.name = opt_name(a[1]);
    co_return co_await otp::Supervisor::start_link(c.self, std::move(specs), o);
  };
  reg(t, "Supervisor", "child_spec", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    Term spec = co_await child_spec_map(c, a[0]);
    if (!spec.is_map()) raise_message("ArgumentError", "invalid child specification: " + inspect_pretty(spec));
    co_return merge_child_spec(spec, a[1]);
  };
  reg(t, "Supervisor", "which_children", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::Supervisor::which_children(c.self, a[0]));
  };
  reg(t, "Supervisor", "count_children", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::Supervisor::count_children(c.self, a[0]));
  };
  reg(t, "Supervisor", "start_child", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    otp::ChildSpec cs = co_await resolve_child(c, a[1]);
    co_return co_await as_exit(otp::Supervisor::start_child(c.self, a[0], std::move(cs)));
  };
  reg(t, "Supervisor", "terminate_child", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::Supervisor::terminate_child(c.self, a[0], a[1]));
  };
  reg(t, "Supervisor", "stop", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::Supervisor::stop(c.self, a[0]));
  };
  // DynamicSupervisor
  reg(t, "DynamicSupervisor", "start_link", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    otp::DynamicSupervisorOptions o;
    o.name = opt_name(a[0]);
    if (const Term* mc = opt(a[0], "max_children"); mc && mc->is_integer()) o.max_children = mc->as_integer();
    if (const Term* ea = opt(a[0], "extra_arguments"); ea && ea->is_list()) o.extra_arguments = *ea;
    if (const Term* mr = opt(a[0], "max_restarts"); mr && mr->is_integer()) o.max_restarts = static_cast<int>(mr->as_integer());
    if (const Term* ms = opt(a[0], "max_seconds"); ms && ms->is_integer()) o.max_seconds = ms->as_integer();
    co_return co_await otp::DynamicSupervisor::start_link(c.self, o);
  };
  reg(t, "DynamicSupervisor", "which_children", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::DynamicSupervisor::which_children(c.self, a[0]));
  };
  reg(t, "DynamicSupervisor", "count_children", 1).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await as_exit(otp::DynamicSupervisor::count_children(c.self, a[0]));
  };
  reg(t, "DynamicSupervisor", "start_child", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    otp::ChildSpec cs = co_await resolve_child(c, a[1]);
    co_return co_await as_exit(otp::DynamicSupervisor::start_child(c.self, a[0], std::move(cs)));
  };
}

}  // namespace actorscope::console::detail
