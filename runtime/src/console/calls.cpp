// Funs and calls of the console language: closures and captures, finding what a call names (a
// module's clauses, a built-in), running clauses with tail calls, apply, and process_main.

#include "eval_internal.hpp"

namespace actorscope::console::detail {

// ---- funs and calls -------------------------------------------------------------------------------

/// The program whose code is running, for closures created by pure evaluation.
std::shared_ptr<Program> current_program(Ctx& c) { return c.prog; }

Term make_fn(Ctx&, const Node* n, const Env& env, const std::shared_ptr<Program>& prog) {
  return Term::fun(new Closure(prog, n, env, n->mod));
}

std::string Closure::describe() const {
  // Elixir prints #Function<42.3316493/1 in :erl_eval.expr/6> for funs made in the shell: the
  // number tells fn literals apart (the same literal, the same number).
  return std::to_string(fn_->index) + "." + std::to_string(3316493) + "/" +
         std::to_string(arity()) + " in :erl_eval.expr/6";
}

std::string FunRef::describe() const {
  if (local_)
    return "0.3316493/" + std::to_string(arity()) + " in " + inspect_atom(mod_) + "." + std::string(atom_name(fun_));
  std::string m = inspect_atom(mod_);
  return "&" + m + "." + std::string(atom_name(fun_)) + "/" + std::to_string(arity());
}

namespace {

/// RuntimeError.exception/1 and the like: the built-in exception modules' constructors.
bool is_exception_constructor(Atom mod, Atom fun, int arity) {
  std::string_view m = atom_name(mod);
  if (arity != 1 || atom_name(fun) != "exception" || m.substr(0, 7) != "Elixir.") return false;
  const auto* f = struct_fields(m.substr(7));
  return f && m != "Elixir.Task";
}

[[noreturn]] void undefined_function(Atom mod, Atom fun, int arity, bool module_exists) {
  std::string m = inspect_atom(mod);
  std::string msg = "function " + m + "." + std::string(atom_name(fun)) + "/" + std::to_string(arity) +
                    (module_exists ? " is undefined or private" : " is undefined (module " + m + " is not available)");
  raise_error(make_exception("UndefinedFunctionError", {{Term(A("message")), Term::binary(msg)},
                                                          {Term(A("module")), Term(mod)},
                                                          {Term(A("function")), Term(fun)},
                                                          {Term(A("arity")), Term(arity)}}));
}

[[noreturn]] void function_clause(const Callable& f, const std::vector<Term>& args) {
  (void)args;
  // An anonymous fn is named as the BEAM names it ("-__FILE__/1-fun-0-"), which Exception.message
  // turns into "anonymous fn/1 in :elixir_compiler_0.__FILE__/1".
  bool anon = f.fun.is_fun();
  Term mod = anon && !f.module.id ? Term(A("elixir_compiler_0")) : Term(f.module);
  Term fun = anon ? Term(A("-__FILE__/1-fun-0-")) : Term(f.name);
  raise_error(make_exception("FunctionClauseError",
                             {{Term(A("module")), mod}, {Term(A("function")), fun}, {Term(A("arity")), Term(f.arity)}}));
}

bool callable_of_fun(const Term& fun, Callable& out) {
  if (!fun.is_fun()) return false;
  auto* cl = dynamic_cast<Closure*>(fun.as_fun());
  if (!cl) return false;
  out.clauses = &cl->node()->clauses;
  out.env = cl->env();
  out.module = cl->module();
  out.arity = cl->arity();
  out.prog = cl->program();
  out.fun = fun;
  return true;
}

bool callable_of_module(Ctx& c, Atom mod, Atom fun, int arity, bool allow_private, Callable& out, bool& module_exists) {
  auto m = c.ip->module(mod);
  module_exists = m != nullptr;
  if (!m) return false;
  const FunctionDef* f = m->find(fun, arity);
  if (!f || (f->priv && !allow_private)) return false;
  out.clauses = &f->clauses;
  out.env = Env{};
  out.module = mod;
  out.name = fun;
  out.arity = arity;
  out.prog = m->program;
  out.keep = m;
  out.fun = Term();
  return true;
}

}  // namespace

namespace {
/// Sets the running program for the closures a body creates; restores it on exit.
struct ProgramScope {
  ProgramScope(Ctx& c, std::shared_ptr<Program> p) : c_(c), saved_(std::exchange(c.prog, std::move(p))) {}
  ~ProgramScope() { c_.prog = std::move(saved_); }
  ProgramScope(const ProgramScope&) = delete;
  ProgramScope& operator=(const ProgramScope&) = delete;
  Ctx& c_;
  std::shared_ptr<Program> saved_;
};
}  // namespace

/// Runs a callable to completion, looping over tail calls.
Task<Term> call_clauses(Ctx& c, Callable f, std::vector<Term> args) {
  while (true) {
    if (c.tick()) {
      c.check_stop();
      co_await c.self.yield();
    }
    Env env;
    const Clause* hit = nullptr;
    for (const Clause& cl : *f.clauses) {
      if (clause_matches(c, cl, args, f.env, env)) {
        hit = &cl;
        break;
      }
    }
    if (!hit) function_clause(f, args);
    ProgramScope scope(c, f.prog);  // the body's nodes stay alive while it runs
    std::shared_ptr<const void> keep = f.keep;
    Term r;
    if (hit->body->pure) {
      r = eval_pure(c, hit->body, env);
    } else {
      r = co_await eval(c, hit->body, env, true);
    }
    if (!c.tail_pending) co_return r;
    c.tail_pending = false;
    f = std::move(c.tail_fn);
    args = std::move(c.tail_args);
  }
}

namespace {

Task<Term> call_builtin(Ctx& c, const Builtin* b, std::vector<Term> args) {
  if (b->sync) co_return b->sync(c, args);
  co_return co_await b->async(c, std::move(args));
}

[[noreturn]] void bad_arity(const Term& fun, const std::vector<Term>& args) {
  raise_error(Term::tuple({Term(A("badarity")), Term::tuple({fun, Term::list(args)})}));
}

/// A call in tail position: left in `c` for the loop of call_clauses() to run.
void pend_tail_call(Ctx& c, Callable f, std::vector<Term> args) {
  c.tail_pending = true;
  c.tail_fn = std::move(f);
  c.tail_args = std::move(args);
}

}  // namespace

Task<Term> apply_mfa(Ctx& c, Atom mod, Atom fun, std::vector<Term> args) {
  Callable f;
  bool exists = false;
  if (callable_of_module(c, mod, fun, static_cast<int>(args.size()), false, f, exists))
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  if (const Builtin* b = find_builtin(mod, fun, static_cast<int>(args.size())))
    co_return co_await call_builtin(c, b, std::move(args));
  if (is_exception_constructor(mod, fun, static_cast<int>(args.size()))) co_return exception_of(Term(mod), args[0]);
  if (args.size() == 1 && fun == A("child_spec"))
    if (auto m = c.ip->module(mod))
      if (auto spec = default_child_spec(*m, args[0])) co_return *spec;
  undefined_function(mod, fun, static_cast<int>(args.size()), exists || builtin_module(mod));
}

Task<Term> apply_fun(Ctx& c, Term fun, std::vector<Term> args) {
  if (!fun.is_fun()) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  if (fun.as_fun()->arity() != static_cast<int>(args.size())) bad_arity(fun, args);
  Callable f;
  if (callable_of_fun(fun, f)) co_return co_await call_clauses(c, std::move(f), std::move(args));
  auto* ref = dynamic_cast<FunRef*>(fun.as_fun());
  if (!ref) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  bool exists = false;
  if (ref->local() && callable_of_module(c, ref->mod(), ref->fun(), static_cast<int>(args.size()), true, f, exists))
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  co_return co_await apply_mfa(c, ref->mod(), ref->fun(), std::move(args));
}

Task<Term> eval_call(Ctx& c, const Node* n, Env& env, bool tail) {
  std::vector<Term> args = co_await eval_args(c, n->kids, env);
  int arity = static_cast<int>(args.size());
  Callable f;
  bool exists = false;
  if (n->kind == NodeKind::Call) {
    if (n->mod.id && callable_of_module(c, n->mod, n->name, arity, true, f, exists)) {
      if (tail) {
        pend_tail_call(c, std::move(f), std::move(args));
        co_return Term();
      }
      co_return co_await call_clauses(c, std::move(f), std::move(args));
    }
    if (const Builtin* b = find_builtin(kernel_atom(), n->name, arity))
      co_return co_await call_builtin(c, b, std::move(args));
    std::string msg = "undefined function " + std::string(atom_name(n->name)) + "/" + std::to_string(arity) +
                      " (there is no such import)";
    if (!n->parens && arity == 0)
      msg = "undefined variable \"" + std::string(atom_name(n->name)) + "\"";
    raise_error(exception_fields("CompileError",
                                 {{Term(A("message")), Term::binary(c.ip->file + ":" + std::to_string(n->line) + ": " + msg)},
                                  {Term(A("file")), Term::binary(c.ip->file)},
                                  {Term(A("line")), Term(n->line)}}));
  }
  // Remote: a module atom, or a receiver expression evaluating to one.
  Atom mod = n->mod;
  if (n->tail) {
    Term recv = EVAL(n->tail, env);
    if (recv.is_map() && arity == 0 && !n->parens) co_return field(recv, n->name);
    if (!recv.is_atom()) raise_error(Term::tuple({Term(A("badarg")), recv}));
    mod = recv.as_atom();
  }
  if (callable_of_module(c, mod, n->name, arity, false, f, exists)) {
    if (tail) {
      pend_tail_call(c, std::move(f), std::move(args));
      co_return Term();
    }
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  }
  if (const Builtin* b = find_builtin(mod, n->name, arity)) co_return co_await call_builtin(c, b, std::move(args));
  if (is_exception_constructor(mod, n->name, arity)) co_return exception_of(Term(mod), args[0]);
  if (arity == 1 && n->name == A("child_spec"))
    if (auto m = c.ip->module(mod))
      if (auto spec = default_child_spec(*m, args[0])) co_return *spec;
  undefined_function(mod, n->name, arity, exists || builtin_module(mod));
}

Task<Term> eval_dyncall(Ctx& c, const Node* n, Env& env, bool tail) {
  Term fun = EVAL(n->kids[0], env);
  std::vector<Term> args = co_await eval_args(c, n->kids, env, 1);
  if (!fun.is_fun()) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  if (fun.as_fun()->arity() != static_cast<int>(args.size())) bad_arity(fun, args);
  Callable f;
  if (tail && callable_of_fun(fun, f)) {
    pend_tail_call(c, std::move(f), std::move(args));
    co_return Term();
  }
  co_return co_await apply_fun(c, std::move(fun), std::move(args));
}
// ---- child specs that `use` defines ---------------------------------------------------------------

Term merge_child_spec(const Term& spec, const Term& overrides) {
  static const char* const keys[] = {"id", "start", "restart", "shutdown", "type", "modules", "significant"};
  std::vector<std::pair<Term, Term>> kv;
  if (overrides.is_list()) {
    for (const Term& o : overrides.list_elements()) {
      if (!o.is_tuple() || o.tuple_size() != 2 || !o[0].is_atom()) raise_error(Term(atoms::badarg));
      bool known = false;
      for (const char* k : keys) known = known || o[0].is_atom(A(k));
      if (!known) raise_message("ArgumentError", "unknown key " + inspect_pretty(o[0]) + " in child specification override");
      kv.emplace_back(o[0], o[1]);
    }
  } else if (overrides.is_map()) {
    kv = overrides.map_entries();
  } else {
    raise_error(Term(atoms::badarg));
  }
  return map_update(spec, std::move(kv), false);
}

std::optional<Term> default_child_spec(const ModuleDef& m, const Term& arg) {
  if (!m.use_kind.id || m.use_kind == A("Elixir.GenEvent") || m.use_kind == A("Elixir.Application")) return std::nullopt;
  std::vector<std::pair<Term, Term>> kv = {
      {Term(A("id")), Term(m.name)},
      {Term(A("start")), Term::tuple({Term(m.name), Term(A("start_link")), Term::list({arg})})}};
  if (m.use_kind == A("Elixir.Task")) kv.emplace_back(Term(A("restart")), Term(A("temporary")));
  if (m.use_kind == A("Elixir.Supervisor")) kv.emplace_back(Term(A("type")), Term(A("supervisor")));
  return merge_child_spec(Term::map(std::move(kv)), m.use_opts);
}

// ---- processes ------------------------------------------------------------------------------------

Task<> process_main(Process& self, std::shared_ptr<Interp> ip, Term fun, Atom mod, Atom f, std::vector<Term> args) {
  Ctx c(self, ip);
  try {
    if (fun.is_fun())
      (void)co_await apply_fun(c, std::move(fun), std::move(args));
    else
      (void)co_await apply_mfa(c, mod, f, std::move(args));
  } catch (const ErlangError& e) {
    ip->log_crash(self, ip, self.pid(), exception_for(e));
    throw;  // the process ends with {reason, stacktrace}: the raw Erlang reason, as on the BEAM
  }
}

}  // namespace actorscope::console::detail
