// The console language's evaluator: the plain evaluator of pure subtrees (eval_pure) and the
// coroutine evaluator that runs inside processes (eval). Matching, operators, calls and errors
// are in match.cpp, operators.cpp, calls.cpp and exceptions.cpp.

#include "eval_internal.hpp"

namespace actorscope::console::detail {

// ---- pure evaluation ---------------------------------------------------------------------------------

namespace {

/// The value of `import Mod` / `alias Mod` / `require Mod`: the module, as elixir returns it.
Term directive_value(const Node* n) {
  if (atom_name(n->name) != "use" && n->mod.id) return Term(n->mod);
  return Term(atoms::ok);
}

Term call_builtin_sync(Ctx& c, const Node* n, Atom mod, std::vector<Term>& args) {
  const Builtin* b = find_builtin(mod, n->name, static_cast<int>(args.size()));
  if (!b || !b->sync) raise_message("RuntimeError", "not a pure built-in: " + std::string(atom_name(n->name)));
  return b->sync(c, args);
}

Term access(const Term& m, const Term& k) {
  if (m.is_map()) {
    const Term* v = m.map_get(k);
    return v ? *v : Term();
  }
  if (m.is_list()) {
    for (const Term& e : m.list_elements())
      if (e.is_tuple() && e.tuple_size() == 2 && e[0] == k) return e[1];
    return Term();
  }
  if (m.is_atom(atoms::nil)) return Term();
  raise_message("UndefinedFunctionError", "function " + inspect_pretty(m) + " does not implement the Access behaviour");
}

}  // namespace

Term field(const Term& m, Atom name) {
  if (!m.is_map()) {
    if (m.is_atom())
      raise_error(make_exception("UndefinedFunctionError",
                                   {{Term(A("message")), Term::binary("function " + inspect_pretty(m) + "." + std::string(atom_name(name)) + "/0 is undefined (module " + inspect_pretty(m) + " is not available)")},
                                    {Term(A("module")), m}, {Term(A("function")), Term(name)}, {Term(A("arity")), Term(0)}}));
    raise_error(Term::tuple({Term(A("badmap")), m}));
  }
  const Term* v = m.map_get(Term(name));
  if (!v) raise_error(Term::tuple({Term(A("badkey")), Term(name), m}));
  return *v;
}

Term eval_pure(Ctx& c, const Node* n, const Env& env) {
  switch (n->kind) {
    case NodeKind::Lit: return n->lit;
    case NodeKind::Module: return n->mod.id ? Term(n->mod) : Term();
    case NodeKind::Var: {
      const Term* v = env.find(n->name.id);
      if (!v) raise_message("CompileError", "undefined variable " + std::string(atom_name(n->name)));
      return *v;
    }
    case NodeKind::Pin: {
      const Term* v = env.find(n->name.id);
      if (!v) raise_message("CompileError", "undefined variable ^" + std::string(atom_name(n->name)));
      return *v;
    }
    case NodeKind::Str: {
      std::string s;
      for (const Node* k : n->kids) s += to_string_term(c, eval_pure(c, k, env));
      return Term::binary(s);
    }
    case NodeKind::Tuple: {
      std::vector<Term> v;
      v.reserve(n->kids.size());
      for (const Node* k : n->kids) v.push_back(eval_pure(c, k, env));
      return Term::tuple(v);
    }
    case NodeKind::List: {
      std::vector<Term> v;
      v.reserve(n->kids.size());
      for (const Node* k : n->kids) v.push_back(eval_pure(c, k, env));
      return n->tail ? Term::list(v, eval_pure(c, n->tail, env)) : Term::list(v);
    }
    case NodeKind::Map: {
      std::vector<std::pair<Term, Term>> kv;
      for (size_t i = 0; i + 1 < n->kids.size(); i += 2)
        kv.emplace_back(eval_pure(c, n->kids[i], env), eval_pure(c, n->kids[i + 1], env));
      if (n->tail) return map_update(struct_base(n->mod, eval_pure(c, n->tail, env)), std::move(kv), true);
      if (n->mod.id) return make_struct(c, n->mod, std::move(kv), c.ip->file, n->line);
      return Term::map(std::move(kv));
    }
    case NodeKind::UnOp: {
      Term v = eval_pure(c, n->kids[0], env);
      switch (n->op) {
        case Op::Neg:
          if (v.is_integer()) return Term(-v.as_integer());
          if (v.is_float()) return Term(-v.as_float());
          raise_badarith("-(" + inspect_pretty(v) + ")");
        case Op::Plus:
          if (!v.is_number()) raise_badarith("+(" + inspect_pretty(v) + ")");
          return v;
        case Op::Bang: return Term::boolean(!truthy(v));
        case Op::Not:
          if (!v.is_boolean()) raise_error(Term(atoms::badarg));
          return Term::boolean(!v.as_bool());
        default: break;
      }
      raise_message("RuntimeError", "bad unary operator");
    }
    case NodeKind::BinOp: {
      switch (n->op) {
        case Op::And: {
          Term a = eval_pure(c, n->kids[0], env);
          if (!a.is_boolean()) bool_op_error("and", a);
          return a.as_bool() ? eval_pure(c, n->kids[1], env) : a;
        }
        case Op::Or: {
          Term a = eval_pure(c, n->kids[0], env);
          if (!a.is_boolean()) bool_op_error("or", a);
          return a.as_bool() ? a : eval_pure(c, n->kids[1], env);
        }
        case Op::AndAnd: {
          Term a = eval_pure(c, n->kids[0], env);
          return truthy(a) ? eval_pure(c, n->kids[1], env) : a;
        }
        case Op::OrOr: {
          Term a = eval_pure(c, n->kids[0], env);
          return truthy(a) ? a : eval_pure(c, n->kids[1], env);
        }
        default: break;
      }
      Term a = eval_pure(c, n->kids[0], env);
      Term b = eval_pure(c, n->kids[1], env);
      return binop_values(n->op, a, b);
    }
    case NodeKind::Field: return field(eval_pure(c, n->kids[0], env), n->name);
    case NodeKind::Access: return access(eval_pure(c, n->kids[0], env), eval_pure(c, n->kids[1], env));
    case NodeKind::Call: {
      std::vector<Term> args;
      args.reserve(n->kids.size());
      for (const Node* k : n->kids) args.push_back(eval_pure(c, k, env));
      return call_builtin_sync(c, n, kernel_atom(), args);
    }
    case NodeKind::Remote: {
      std::vector<Term> args;
      args.reserve(n->kids.size());
      for (const Node* k : n->kids) args.push_back(eval_pure(c, k, env));
      return call_builtin_sync(c, n, n->mod, args);
    }
    case NodeKind::Fn: return make_fn(c, n, env, current_program(c));
    case NodeKind::Capture: {
      Atom mod = n->mod;
      if (!mod.id) mod = kernel_atom();
      return Term::fun(new FunRef(mod, n->name, n->arity, n->op == Op::Not));
    }
    case NodeKind::Attr: {
      if (!n->mod.id) raise_message("ArgumentError", "cannot read module attribute @" + std::string(atom_name(n->name)) + " outside a module");
      auto m = c.ip->module(n->mod);
      if (m) {
        auto it = m->attrs.find(n->name.id);
        if (it != m->attrs.end()) return it->second;
      }
      return Term();
    }
    case NodeKind::Directive: return directive_value(n);
    default: break;
  }
  raise_message("RuntimeError", "internal: expression is not pure");
}

// ---- the coroutine evaluator ------------------------------------------------------------------------

namespace {
Task<Term> ready_term(Term t) { co_return t; }
}  // namespace

/// Evaluates a subexpression (not in tail position). GCC 12 miscompiles co_await inside ?:, so the
/// choice between the pure and the coroutine evaluator is made here, in a plain function.
Task<Term> ev(Ctx& c, const Node* n, Env& env) {
  if (n->pure) return ready_term(eval_pure(c, n, env));
  return eval(c, n, env, false);
}

/// Evaluates the arguments of a call.
Task<std::vector<Term>> eval_args(Ctx& c, const std::vector<Node*>& kids, Env& env, size_t from) {
  std::vector<Term> args;
  args.reserve(kids.size() - from);
  for (size_t i = from; i < kids.size(); ++i) {
    if (kids[i]->pure)
      args.push_back(eval_pure(c, kids[i], env));
    else
      args.push_back(co_await eval(c, kids[i], env, false));
  }
  co_return args;
}

namespace {

struct ReceiveState {
  Ctx* c;
  const Node* n;
  const Env* env;
  int hit = -1;
  bool interrupted = false;
  Env binds;
  bool operator()(const Term& msg) noexcept {
    try {
      return try_match(msg);
    } catch (...) {
      return false;
    }
  }
  bool try_match(const Term& msg) {
    if (c->interrupt && c->interrupt->load(std::memory_order_relaxed) && msg == c->interrupt_token) {
      interrupted = true;
      return true;
    }
    const auto& cls = n->clauses;
    std::vector<Term> one{msg};
    for (size_t i = 0; i < cls.size(); ++i) {
      if (clause_matches(*c, cls[i], one, *env, binds)) {
        hit = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }
};

struct ReceivePred {
  ReceiveState* st;
  bool operator()(const Term& m) const { return (*st)(m); }
};

Task<Term> eval_receive(Ctx& c, const Node* n, Env& env, bool tail) {
  int64_t timeout = kInfinity;
  if (n->kids[0]) {
    Term t = EVAL(n->kids[0], env);
    if (t.is_atom(atoms::infinity))
      timeout = kInfinity;
    else if (t.is_integer() && t.as_integer() >= 0)
      timeout = t.as_integer();
    else
      raise_error(Term::tuple({Term(A("timeout_value")), t}));
  }
  ReceiveState st{&c, n, &env, -1, false, Env{}};
  std::optional<Term> got;
  if (timeout == kInfinity) {
    got = co_await c.self.receive(ReceivePred{&st});
  } else {
    got = co_await c.self.receive(ReceivePred{&st}, timeout);
  }
  if (st.interrupted) throw Interrupted{};
  if (!got) {
    if (n->kids[1]->pure) co_return eval_pure(c, n->kids[1], env);
    Env inner = env;
    co_return co_await eval(c, n->kids[1], inner, tail);
  }
  const Clause& cl = n->clauses[static_cast<size_t>(st.hit)];
  Env inner = std::move(st.binds);
  if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
  co_return co_await eval(c, cl.body, inner, tail);
}

Task<Term> eval_defmodule(Ctx& c, const Node* n) {
  auto m = std::make_shared<ModuleDef>();
  m->name = n->name;
  m->program = c.prog;
  std::vector<const Node*> items;
  const Node* body = n->kids[0];
  if (body->kind == NodeKind::Block)
    items.assign(body->kids.begin(), body->kids.end());
  else
    items.push_back(body);
  Term last = Term();
  Env env;
  for (const Node* it : items) {
    if (it->kind == NodeKind::Def) {
      auto& fd = m->funs[{it->name.id, it->arity}];
      fd.priv = it->op == Op::Not;
      for (const Clause& cl : it->clauses) fd.clauses.push_back(cl);
      last = Term::tuple({Term(it->name), Term(it->arity)});
    } else if (it->kind == NodeKind::Attr && !it->kids.empty()) {
      m->attrs[it->name.id] = EVAL(it->kids[0], env);
    } else if (it->kind == NodeKind::Directive && atom_name(it->name) == "defstruct") {
      Term fields = EVAL(it->kids[0], env);
      m->has_struct = true;
      std::vector<std::string> names;
      for (const Term& f : fields.list_elements()) {
        if (f.is_atom()) m->struct_fields.emplace_back(f.as_atom(), Term());
        else m->struct_fields.emplace_back(f[0].as_atom(), f[1]);
        names.emplace_back(atom_name(m->struct_fields.back().first));
      }
      register_user_struct(m->name, std::move(names));
    } else if (it->kind == NodeKind::Directive) {
      if (atom_name(it->name) == "use" && it->mod == A("Elixir.GenServer")) m->genserver = true;
      if (atom_name(it->name) == "use" &&
          (it->mod == A("Elixir.GenServer") || it->mod == A("Elixir.Agent") || it->mod == A("Elixir.Task") ||
           it->mod == A("Elixir.Supervisor") || it->mod == A("Elixir.GenEvent") || it->mod == A("Elixir.Application"))) {
        m->use_kind = it->mod;
        m->use_opts = Term::empty_list();
        if (!it->kids.empty()) m->use_opts = EVAL(it->kids[0], env);  // (no co_await inside ?:, see ev())
      }
    } else {
      // Define what exists so far so the body can call it (rare).
      last = EVAL(it, env);
    }
  }
  c.ip->define_module(m);
  // The BEAM gives the module's bytecode; this one has only its "FOR1....BEAM" header, padded to a
  // module's smallest size so that it prints (and wraps) as a real one does.
  static const std::string bytecode = [] {
    std::string b("FOR1\0\0\x02\x00" "BEAMAtU8", 16);  // split: \x00BEA would be one escape
    b.resize(512, '\0');
    return b;
  }();
  co_return Term::tuple({Term(A("module")), Term(n->name), Term::binary(bytecode), last});
}

struct ForGen {
  static Task<void> run(Ctx& c, const Node* n, size_t i, Env env, std::vector<Term>& out) {
    size_t last = n->kids.size() - 1;
    if (i == last) {
      out.push_back(co_await ev(c, n->kids[last], env));
      co_return;
    }
    const Node* k = n->kids[i];
    if (k->kind == NodeKind::BinOp && k->op == Op::Arrow) {
      Term coll = co_await ev(c, k->kids[1], env);
      for (const Term& e : enumerate(coll)) {
        Env inner = env;
        if (!match(c, k->kids[0], e, inner)) continue;
        co_await run(c, n, i + 1, std::move(inner), out);
      }
      co_return;
    }
    Term f = co_await ev(c, k, env);
    if (truthy(f)) co_await run(c, n, i + 1, std::move(env), out);
  }
};

Task<Term> eval_for(Ctx& c, const Node* n, Env& env) {
  std::vector<Term> out;
  co_await ForGen::run(c, n, 0, env, out);
  co_return Term::list(out);
}

/// try: do, then rescue/catch (clause kinds 0/1) on an error, exit or throw, else (kind 2) on a
/// value; `after` runs in every case (not when the process is killed).
Task<Term> eval_try(Ctx& c, const Node* n, Env& env, bool) {
  std::optional<Term> result;
  Term err_reason, err_stack;
  std::exception_ptr raised;  // rethrown as it was when no clause handles it
  int kind = -1;  // 0 error, 1 exit, 2 throw
  try {
    Env inner = env;
    result = EVAL(n->kids[0], inner);
  } catch (const ErlangError& e) {
    kind = 0;
    raised = std::current_exception();
    err_reason = e.reason();
    err_stack = e.stacktrace();
    if (err_reason.is_tagged(atoms::nocatch, 2)) {  // throw/1 (an uncaught throw ends as this error)
      kind = 2;
      err_reason = err_reason[1];
    }
  } catch (const LangExit& e) {
    kind = 1;
    raised = std::current_exception();
    err_reason = e.reason();
  }
  std::optional<Term> out;
  std::exception_ptr failed;
  try {
    if (result) {
      bool has_else = false;
      for (const Clause& cl : n->clauses) has_else = has_else || cl.kind == 2;
      if (!has_else) {
        out = *result;
      } else {
        std::vector<Term> one{*result};
        const Clause* hit = nullptr;
        Env inner;
        for (const Clause& cl : n->clauses)
          if (cl.kind == 2 && clause_matches(c, cl, one, env, inner)) {
            hit = &cl;
            break;
          }
        if (!hit) raise_error(Term::tuple({Term(A("try_clause")), *result}));
        out = EVAL(hit->body, inner);
      }
    } else {
      Env inner;
      const Clause* hit = try_handler(c, n, kind, err_reason, err_stack, env, inner);
      if (!hit) std::rethrow_exception(raised);
      out = EVAL(hit->body, inner);
    }
  } catch (const ErlangError&) {
    failed = std::current_exception();
  } catch (const LangExit&) {
    failed = std::current_exception();
  }
  if (n->kids[1]) {
    Env a = env;
    (void)EVAL(n->kids[1], a);
  }
  if (failed) std::rethrow_exception(failed);
  co_return *out;
}

}  // namespace

Task<Term> eval(Ctx& c, const Node* n, Env& env, bool tail) {
  if (c.tick()) {
    c.check_stop();
    co_await c.self.yield();
  }
  switch (n->kind) {
    case NodeKind::Block: {
      size_t last = n->kids.size() - 1;
      for (size_t i = 0; i < last; ++i) {
        if (n->kids[i]->pure)
          (void)eval_pure(c, n->kids[i], env);
        else
          (void)co_await eval(c, n->kids[i], env, false);
      }
      if (n->kids[last]->pure) co_return eval_pure(c, n->kids[last], env);
      co_return co_await eval(c, n->kids[last], env, tail);
    }
    case NodeKind::Match: {
      Term v = EVAL(n->kids[1], env);
      if (!match(c, n->kids[0], v, env)) raise_error(Term::tuple({Term(A("badmatch")), v}));
      co_return v;
    }
    case NodeKind::Case: {
      Term v = EVAL(n->kids[0], env);
      std::vector<Term> one{v};
      for (const Clause& cl : n->clauses) {
        Env inner;
        if (clause_matches(c, cl, one, env, inner)) {
          if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
          co_return co_await eval(c, cl.body, inner, tail);
        }
      }
      raise_error(Term::tuple({Term(A("case_clause")), v}));
    }
    case NodeKind::Cond: {
      for (const Clause& cl : n->clauses) {
        Env inner = env;
        Term t = EVAL(cl.patterns[0], inner);
        if (truthy(t)) {
          if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
          co_return co_await eval(c, cl.body, inner, tail);
        }
      }
      raise_error(Term(A("cond_clause")));
    }
    case NodeKind::If: {
      Env inner = env;
      Term t = EVAL(n->kids[0], inner);
      const Node* branch = truthy(t) ? n->kids[1] : n->kids[2];
      if (!branch) co_return Term();
      Env b = env;
      if (branch->pure) co_return eval_pure(c, branch, b);
      co_return co_await eval(c, branch, b, tail);
    }
    case NodeKind::Receive: co_return co_await eval_receive(c, n, env, tail);
    case NodeKind::Call:
    case NodeKind::Remote: co_return co_await eval_call(c, n, env, tail);
    case NodeKind::DynCall: co_return co_await eval_dyncall(c, n, env, tail);
    case NodeKind::Defmodule: co_return co_await eval_defmodule(c, n);
    case NodeKind::For: co_return co_await eval_for(c, n, env);
    case NodeKind::Try: co_return co_await eval_try(c, n, env, tail);
    case NodeKind::Def: raise_message("ArgumentError", "cannot invoke def/2 outside module");
    case NodeKind::Directive: co_return directive_value(n);
    case NodeKind::Str: {
      std::string s;
      for (const Node* k : n->kids) s += to_string_term(c, EVAL(k, env));
      co_return Term::binary(s);
    }
    case NodeKind::Tuple: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      co_return Term::tuple(v);
    }
    case NodeKind::List: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      if (n->tail) co_return Term::list(v, EVAL(n->tail, env));
      co_return Term::list(v);
    }
    case NodeKind::Map: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      std::vector<std::pair<Term, Term>> kv;
      for (size_t i = 0; i + 1 < v.size(); i += 2) kv.emplace_back(v[i], v[i + 1]);
      if (n->tail) co_return map_update(struct_base(n->mod, EVAL(n->tail, env)), std::move(kv), true);
      if (n->mod.id) co_return make_struct(c, n->mod, std::move(kv), c.ip->file, n->line);
      co_return Term::map(std::move(kv));
    }
    case NodeKind::UnOp: {
      Term v = EVAL(n->kids[0], env);
      Node tmp;
      tmp.kind = NodeKind::UnOp;
      tmp.op = n->op;
      Node lit;
      lit.kind = NodeKind::Lit;
      lit.lit = v;
      tmp.kids = {&lit};
      co_return eval_pure(c, &tmp, env);
    }
    case NodeKind::BinOp: {
      Term a = EVAL(n->kids[0], env);
      switch (n->op) {
        case Op::And:
          if (!a.is_boolean()) bool_op_error("and", a);
          if (!a.as_bool()) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::Or:
          if (!a.is_boolean()) bool_op_error("or", a);
          if (a.as_bool()) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::AndAnd:
          if (!truthy(a)) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::OrOr:
          if (truthy(a)) co_return a;
          co_return EVAL(n->kids[1], env);
        default: break;
      }
      Term b = EVAL(n->kids[1], env);
      co_return binop_values(n->op, a, b);
    }
    case NodeKind::Field: co_return field(EVAL(n->kids[0], env), n->name);
    case NodeKind::Access: {
      Term m = EVAL(n->kids[0], env);
      co_return access(m, EVAL(n->kids[1], env));
    }
    case NodeKind::Attr:
      if (!n->kids.empty()) raise_message("ArgumentError", "cannot set module attribute @" + std::string(atom_name(n->name)) + " outside a module");
      co_return eval_pure(c, n, env);
    default: co_return eval_pure(c, n, env);
  }
}

Task<Term> eval_top(Ctx& c, const Node* n, Env& env) {
  if (n->pure) co_return eval_pure(c, n, env);
  co_return co_await eval(c, n, env, false);
}
}  // namespace actorscope::console::detail
