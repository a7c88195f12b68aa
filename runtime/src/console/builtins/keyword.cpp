// Keyword's built-ins.

#include "args.hpp"

namespace actorscope::console::detail {

namespace {

std::vector<std::pair<Term, Term>> kw_pairs(const Term& t, const char* mod, const char* fun, int arity) {
  if (!t.is_list() || !t.is_proper_list()) fce(mod, fun, arity);
  std::vector<std::pair<Term, Term>> out;
  for (const Term& e : t.list_elements()) {
    if (!e.is_tuple() || e.tuple_size() != 2) fce(mod, fun, arity);
    out.emplace_back(e[0], e[1]);
  }
  return out;
}
Term kw_list(const std::vector<std::pair<Term, Term>>& kv) {
  std::vector<Term> v;
  for (auto& [k, x] : kv) v.push_back(T2(k, x));
  return Term::list(v);
}

/// Keyword.take/2 (keep) and drop/2: the list's order and duplicate keys kept, as Keyword's do.
Term kw_select(Args& a, bool keep) {
  const char* fun = keep ? "take" : "drop";
  if (!a[1].is_list() || !a[1].is_proper_list()) fce("Keyword", fun, 2);
  std::vector<Term> keys = a[1].list_elements();
  std::vector<std::pair<Term, Term>> out;
  for (auto& p : kw_pairs(a[0], "Keyword", fun, 2))
    if (std::any_of(keys.begin(), keys.end(), [&](const Term& k) { return k == p.first; }) == keep) out.push_back(p);
  return kw_list(out);
}

}  // namespace

void register_keyword_builtins(BuiltinTable& t) {
  t.reg("Keyword", "get", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& [k, v] : keyword_pairs(a[0]))
      if (k == a[1]) return v;
    return Term();
  };
  t.reg("Keyword", "get", 3).sync = [](Ctx&, Args& a) -> Term {
    for (auto& [k, v] : keyword_pairs(a[0]))
      if (k == a[1]) return v;
    return a[2];
  };
  t.reg("Keyword", "put", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_atom()) fce("Keyword", "put", 3);
    std::vector<std::pair<Term, Term>> kv = kw_pairs(a[0], "Keyword", "put", 3), out{{a[1], a[2]}};
    for (auto& p : kv)
      if (!(p.first == a[1])) out.push_back(p);
    return kw_list(out);
  };
  t.reg("Keyword", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_atom()) fce("Keyword", "delete", 2);
    std::vector<std::pair<Term, Term>> out;
    for (auto& p : kw_pairs(a[0], "Keyword", "delete", 2))
      if (!(p.first == a[1])) out.push_back(p);
    return kw_list(out);
  };
  t.reg("Keyword", "keys", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v;
    for (auto& p : kw_pairs(a[0], "Keyword", "keys", 1)) v.push_back(p.first);
    return Term::list(v);
  };
  t.reg("Keyword", "values", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v;
    for (auto& p : kw_pairs(a[0], "Keyword", "values", 1)) v.push_back(p.second);
    return Term::list(v);
  };
  t.reg("Keyword", "has_key?", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& p : kw_pairs(a[0], "Keyword", "has_key?", 2))
      if (p.first == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  t.reg("Keyword", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& p : kw_pairs(a[0], "Keyword", "fetch", 2))
      if (p.first == a[1]) return T2(Term(A("ok")), p.second);
    return Term(A("error"));
  };
  t.reg("Keyword", "take", 2).sync = [](Ctx&, Args& a) -> Term { return kw_select(a, true); };
  t.reg("Keyword", "drop", 2).sync = [](Ctx&, Args& a) -> Term { return kw_select(a, false); };
  t.reg("Keyword", "merge", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<std::pair<Term, Term>> x = kw_pairs(a[0], "Keyword", "merge", 2), y = kw_pairs(a[1], "Keyword", "merge", 2), out;
    for (auto& p : x)
      if (std::none_of(y.begin(), y.end(), [&](auto& q) { return q.first == p.first; })) out.push_back(p);
    out.insert(out.end(), y.begin(), y.end());
    return kw_list(out);
  };
}

}  // namespace actorscope::console::detail
