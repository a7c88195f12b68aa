// Pattern matching of the console language: patterns against values, guards, and the choice of a
// clause (function clauses, receive/case clauses, try's rescue/catch handlers).

#include "eval_internal.hpp"

namespace actorscope::console::detail {

// ---- pattern matching ---------------------------------------------------------------------------------

namespace {

using Binds = std::vector<std::pair<uint32_t, Term>>;

bool match_into(Ctx& c, const Node* p, const Term& v, const Env& env, Binds& binds) {
  switch (p->kind) {
    case NodeKind::Lit: return p->lit == v;
    case NodeKind::Var: {
      std::string_view nm = atom_name(p->name);
      if (nm == "_") return true;
      for (auto& [n, t] : binds)
        if (n == p->name.id) return t == v;
      binds.emplace_back(p->name.id, v);
      return true;
    }
    case NodeKind::Pin: {
      const Term* t = env.find(p->name.id);
      return t && *t == v;
    }
    case NodeKind::Tuple: {
      if (!v.is_tuple() || v.tuple_size() != p->kids.size()) return false;
      for (size_t i = 0; i < p->kids.size(); ++i)
        if (!match_into(c, p->kids[i], v[i], env, binds)) return false;
      return true;
    }
    case NodeKind::List: {
      Term cur = v;
      for (const Node* k : p->kids) {
        if (!cur.is_cons()) return false;
        if (!match_into(c, k, cur.head(), env, binds)) return false;
        Term next = cur.tail();
        cur = std::move(next);
      }
      if (p->tail) return match_into(c, p->tail, cur, env, binds);
      return cur.is_empty_list();
    }
    case NodeKind::Map: {
      if (!v.is_map()) return false;
      if (p->mod.id) {
        const Term* st = v.map_get(Term(A("__struct__")));
        if (!st || !st->is_atom(p->mod)) return false;
      }
      for (size_t i = 0; i + 1 < p->kids.size(); i += 2) {
        Term key = eval_pure(c, p->kids[i], env);
        const Term* val = v.map_get(key);
        if (!val || !match_into(c, p->kids[i + 1], *val, env, binds)) return false;
      }
      return true;
    }
    case NodeKind::Match:
      return match_into(c, p->kids[0], v, env, binds) && match_into(c, p->kids[1], v, env, binds);
    case NodeKind::BinOp:
      if (p->op == Op::Concat) {
        if (!v.is_binary()) return false;
        std::string_view prefix = p->kids[0]->lit.as_binary();
        std::string_view s = v.as_binary();
        if (s.substr(0, prefix.size()) != prefix) return false;
        return match_into(c, p->kids[1], Term::binary(s.substr(prefix.size())), env, binds);
      }
      if (p->op == Op::ListAdd) {
        Term cur = v;
        for (const Node* k : p->kids[0]->kids) {
          if (!cur.is_cons()) return false;
          if (!match_into(c, k, cur.head(), env, binds)) return false;
          Term next = cur.tail();
          cur = std::move(next);
        }
        return match_into(c, p->kids[1], cur, env, binds);
      }
      return false;
    case NodeKind::Module:
    case NodeKind::Attr: return eval_pure(c, p, env) == v;
    default: return false;
  }
}

void apply_binds(Env& env, Binds& binds) {
  for (auto& [n, t] : binds) env.set(n, std::move(t));
}

bool guard_ok(Ctx& c, const Node* g, const Env& env) {
  if (!g) return true;
  try {
    return eval_pure(c, g, env).is_atom(atoms::true_);
  } catch (...) {  // an error in a guard makes the guard fail
    return false;
  }
}

}  // namespace

/// Tries a clause's patterns against args; fills `env` (a copy of the base) on success.
bool clause_matches(Ctx& c, const Clause& cl, const std::vector<Term>& args, const Env& base, Env& out) {
  if (cl.patterns.size() != args.size()) return false;
  Binds binds;
  for (size_t i = 0; i < args.size(); ++i)
    if (!match_into(c, cl.patterns[i], args[i], base, binds)) return false;
  out = base;
  apply_binds(out, binds);
  return guard_ok(c, cl.guard, out);
}

bool match(Ctx& c, const Node* pat, const Term& v, Env& env) {
  Binds binds;
  if (!match_into(c, pat, v, env, binds)) return false;
  apply_binds(env, binds);
  return true;
}

/// The rescue/catch clause of a try that handles an error (kind 0), exit (1) or throw (2), or
/// nullptr; fills `inner` with its bindings.
const Clause* try_handler(Ctx& c, const Node* n, int kind, const Term& err_reason, const Term& err_stack, const Env& env,
                          Env& inner) {
  // Erlang reasons become exception structs for rescue; catch sees them raw.
  Term exc = kind == 0 ? exception_from(err_reason, err_stack) : err_reason;
  for (const Clause& cl : n->clauses) {
    inner = env;
    bool ok = false;
    if (cl.kind == 0 && kind == 0) {
      const Node* p = cl.patterns[0];
      const Term* st = exc.map_get(Term(A("__struct__")));
      auto type_ok = [&](const Node* types) {
        if (types->kind == NodeKind::Lit) return st && *st == types->lit;
        if (types->kind == NodeKind::List) {
          for (const Node* t : types->kids)
            if (t->kind == NodeKind::Lit && st && *st == t->lit) return true;
        }
        return false;
      };
      if (p->kind == NodeKind::Lit)
        ok = type_ok(p);
      else if (p->kind == NodeKind::BinOp && p->op == Op::In)
        ok = type_ok(p->kids[1]) && match(c, p->kids[0], exc, inner);
      else
        ok = match(c, p, exc, inner);
    } else if (cl.kind == 1 && cl.patterns.size() == 2) {
      Term k = Term(A(kind == 0 ? "error" : kind == 1 ? "exit" : "throw"));
      ok = match(c, cl.patterns[0], k, inner) && match(c, cl.patterns[1], err_reason, inner);
    } else if (cl.kind == 1 && cl.patterns.size() == 1 && kind == 2) {
      ok = match(c, cl.patterns[0], err_reason, inner);
    }
    if (ok && cl.guard && !guard_ok(c, cl.guard, inner)) ok = false;
    if (ok) return &cl;
  }
  return nullptr;
}

}  // namespace actorscope::console::detail
