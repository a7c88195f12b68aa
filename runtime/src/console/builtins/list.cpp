// List's built-ins.

#include "args.hpp"

#include <algorithm>

namespace actorscope::console::detail {

void register_list_builtins(BuiltinTable& t) {
  t.reg("List", "first", 1).sync = [](Ctx&, Args& a) -> Term { return need_list(a[0]).is_cons() ? a[0].head() : Term(); };
  t.reg("List", "last", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = need_list(a[0]).list_elements();
    return v.empty() ? Term() : v.back();
  };
  t.reg("List", "duplicate", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t n = need_int(a[1]);
    return Term::list(std::vector<Term>(static_cast<size_t>(std::max<int64_t>(0, n)), a[0]));
  };
  t.reg("List", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = need_list(a[0]).list_elements();
    for (auto it = v.begin(); it != v.end(); ++it)
      if (*it == a[1]) {
        v.erase(it);
        break;
      }
    return Term::list(v);
  };
  t.reg("List", "to_tuple", 1).sync = [](Ctx&, Args& a) -> Term { return Term::tuple(need_list(a[0]).list_elements()); };
  t.reg("List", "flatten", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list()) fce(":lists", "flatten", 1);
    std::vector<Term> out;
    auto go = [&](auto& self, const Term& l) -> void {
      for (const Term& e : l.list_elements()) {
        if (e.is_list()) self(self, e);
        else out.push_back(e);
      }
    };
    go(go, a[0]);
    return Term::list(out);
  };
  t.reg("List", "wrap", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_list()) return a[0];
    if (a[0].is_atom(atoms::nil)) return Term::empty_list();
    return Term::list({a[0]});
  };
  t.reg("List", "insert_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "insert_at", 3);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i = n + i + 1;
    i = std::clamp<int64_t>(i, 0, n);
    v.insert(v.begin() + i, a[2]);
    return Term::list(v);
  };
  t.reg("List", "delete_at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "delete_at", 2);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i += n;
    if (i >= 0 && i < n) v.erase(v.begin() + i);
    return Term::list(v);
  };
  t.reg("List", "replace_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "replace_at", 3);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i += n;
    if (i >= 0 && i < n) v[static_cast<size_t>(i)] = a[2];
    return Term::list(v);
  };
  t.reg("List", "keyfind", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[2].is_integer()) fce("List", "keyfind", 3);
    size_t pos = static_cast<size_t>(a[2].as_integer());
    for (const Term& e : a[0].list_elements())
      if (e.is_tuple() && e.tuple_size() > pos && e[pos] == a[1]) return e;
    return Term();
  };
  t.reg("List", "keymember?", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[2].is_integer()) fce("List", "keymember?", 3);
    size_t pos = static_cast<size_t>(a[2].as_integer());
    for (const Term& e : a[0].list_elements())
      if (e.is_tuple() && e.tuple_size() > pos && e[pos] == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  t.reg("List", "keydelete", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[2].is_integer()) fce("List", "keydelete", 3);
    size_t pos = static_cast<size_t>(a[2].as_integer());
    std::vector<Term> v = a[0].list_elements();
    for (auto it = v.begin(); it != v.end(); ++it)
      if (it->is_tuple() && it->tuple_size() > pos && (*it)[pos] == a[1]) {
        v.erase(it);
        break;
      }
    return Term::list(v);
  };
  t.reg("List", "foldl", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_list()) fce("List", "foldl", 3);
    Term acc = a[1];
    for (const Term& e : a[0].list_elements()) acc = co_await apply_fun(c, a[2], two(e, acc));
    co_return acc;
  };
  t.reg("List", "foldr", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_list()) fce("List", "foldr", 3);
    std::vector<Term> v = a[0].list_elements();
    Term acc = a[1];
    for (auto it = v.rbegin(); it != v.rend(); ++it) acc = co_await apply_fun(c, a[2], two(*it, acc));
    co_return acc;
  };
  t.reg("List", "zip", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list()) fce("List", "zip", 1);
    std::vector<std::vector<Term>> ls;
    for (const Term& e : a[0].list_elements()) ls.push_back(e.list_elements());
    return zip_lists(ls);
  };
}

}  // namespace actorscope::console::detail
