// Map's built-ins.

#include "args.hpp"

namespace actorscope::console::detail {

namespace {

/// Map.pop/2,3: {the value of `k` (`dflt` without one), the map without `k`}.
Term map_pop(const Term& m, const Term& k, const Term& dflt) {
  need_map(m);
  const Term* v = m.map_get(k);
  if (!v) return T2(dflt, m);
  std::vector<std::pair<Term, Term>> out;
  for (auto& kv : m.map_entries())
    if (!(kv.first == k)) out.push_back(kv);
  return T2(*v, Term::map(std::move(out)));
}

}  // namespace

void register_map_builtins(BuiltinTable& t) {
  t.reg("Map", "from_struct", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = a[0];
    if (m.is_atom()) badarg();
    if (!m.is_map()) raise_error(Term::tuple({Term(intern("badmap")), m}));
    std::vector<std::pair<Term, Term>> out;
    for (auto& [k, v] : m.map_entries())
      if (!k.is_atom(intern("__struct__"))) out.emplace_back(k, v);
    return Term::map(std::move(out));
  };
  t.reg("Map", "new", 0).sync = [](Ctx&, Args&) -> Term { return Term::map({}); };
  t.reg("Map", "get", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? *v : Term();
  };
  t.reg("Map", "get", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? *v : a[2];
  };
  t.reg("Map", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    return v ? Term::tuple({ok(), *v}) : Term(atoms::error);
  };
  t.reg("Map", "new", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_tuple() || e.tuple_size() != 2) badarg();
      m = map_update(m, {{e[0], e[1]}}, false);
    }
    return m;
  };
  t.reg("Map", "fetch!", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    if (!v) raise_error(make_exception("KeyError", {{Term(intern("key")), a[1]}, {Term(intern("term")), a[0]}}));
    return *v;
  };
  t.reg("Map", "put", 3).sync = [](Ctx&, Args& a) -> Term { return map_update(a[0], {{a[1], a[2]}}, false); };
  t.reg("Map", "has_key?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    return Term::boolean(a[0].map_get(a[1]) != nullptr);
  };
  t.reg("Map", "keys", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<Term> v;
    for (auto& [k, x] : a[0].map_entries()) v.push_back(k);
    return Term::list(v);
  };
  t.reg("Map", "values", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<Term> v;
    for (auto& [k, x] : a[0].map_entries()) v.push_back(x);
    return Term::list(v);
  };
  t.reg("Map", "to_list", 1).sync = [](Ctx&, Args& a) -> Term { return Term::list(enumerate(a[0])); };
  t.reg("Map", "merge", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[1]}));
    return map_update(a[0], a[1].map_entries(), false);
  };
  t.reg("Map", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    std::vector<std::pair<Term, Term>> v;
    for (auto& kv : a[0].map_entries())
      if (!(kv.first == a[1])) v.push_back(kv);
    return Term::map(std::move(v));
  };
  t.reg("Map", "update!", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    if (!v) raise_error(Term::tuple({Term(intern("badkey")), a[1], a[0]}));
    Term nv = co_await apply_fun(c, a[2], one(*v));
    co_return map_update(a[0], {{a[1], nv}}, true);
  };
  t.reg("Map", "update", 4).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    const Term* v = a[0].map_get(a[1]);
    Term nv = a[2];
    if (v) nv = co_await apply_fun(c, a[3], one(*v));
    co_return map_update(a[0], {{a[1], nv}}, false);
  };
  t.reg("Map", "merge", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    need_map(a[0]);
    need_map(a[1]);
    Term m = a[0];
    for (auto& [k, v] : a[1].map_entries()) {
      const Term* old = m.map_get(k);
      Term nv = v;
      if (old) nv = co_await apply_fun(c, a[2], three(k, *old, v));
      m = map_update(m, {{k, nv}}, false);
    }
    co_return m;
  };
  t.reg("Map", "drop", 2).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    std::vector<Term> ks = enumerate(a[1]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (std::find(ks.begin(), ks.end(), kv.first) == ks.end()) out.push_back(kv);
    return Term::map(std::move(out));
  };
  t.reg("Map", "take", 2).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    std::vector<Term> ks = enumerate(a[1]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (std::find(ks.begin(), ks.end(), kv.first) != ks.end()) out.push_back(kv);
    return Term::map(std::move(out));
  };
  t.reg("Map", "filter", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    need_map(a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (truthy(co_await apply_fun(c, a[1], one(T2(kv.first, kv.second))))) out.push_back(kv);
    co_return Term::map(std::move(out));
  };
  t.reg("Map", "reject", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    need_map(a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (!truthy(co_await apply_fun(c, a[1], one(T2(kv.first, kv.second))))) out.push_back(kv);
    co_return Term::map(std::move(out));
  };
  t.reg("Map", "pop", 2).sync = [](Ctx&, Args& a) -> Term { return map_pop(a[0], a[1], Term()); };
  t.reg("Map", "pop", 3).sync = [](Ctx&, Args& a) -> Term { return map_pop(a[0], a[1], a[2]); };
  t.reg("Map", "put_new", 3).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    return a[0].map_get(a[1]) ? a[0] : map_update(a[0], {{a[1], a[2]}}, false);
  };
  t.reg("Map", "new", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[1], one(e));
      if (!r.is_tuple() || r.tuple_size() != 2) raise_error(Term(atoms::badarg));
      m = map_update(m, {{r[0], r[1]}}, false);
    }
    co_return m;
  };
}

}  // namespace actorscope::console::detail
