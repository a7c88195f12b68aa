// Enum's built-ins. Each matches Elixir 1.14's result; a bad argument raises what Elixir raises
// (mostly FunctionClauseError naming the function that has no clause for it).

#include "args.hpp"

#include <algorithm>

namespace actorscope::console::detail {

namespace {

std::string join(Ctx& c, const Term& coll, const std::string& sep) {
  std::string out;
  bool first = true;
  for (const Term& e : enumerate(coll)) {
    if (!first) out += sep;
    first = false;
    out += to_string_term(c, e);
  }
  return out;
}

bool less(const Term& a, const Term& b) { return compare(a, b) < 0; }

/// Enum.min_by/2 and max_by/2 (`max`): the first element with the least (greatest) key.
Task<Term> extreme_by(Ctx& c, Args a, bool max) {
  std::vector<Term> v = enumerate(a[0]);
  if (v.empty()) raise_message("Enum.EmptyError", "empty error");
  Term best = v[0], bk = co_await apply_fun(c, a[1], one(v[0]));
  for (size_t i = 1; i < v.size(); ++i) {
    Term k = co_await apply_fun(c, a[1], one(v[i]));
    if (max ? compare(k, bk) > 0 : compare(k, bk) < 0) best = v[i], bk = k;
  }
  co_return best;
}

}  // namespace

bool range_parts(const Term& r, int64_t& f, int64_t& l, int64_t& s) {
  if (!r.is_map()) return false;
  const Term* st = r.map_get(Term(A("__struct__")));
  if (!st || !st->is_atom(A("Elixir.Range"))) return false;
  f = r.map_get(Term(A("first")))->as_integer();
  l = r.map_get(Term(A("last")))->as_integer();
  s = r.map_get(Term(A("step")))->as_integer();
  return true;
}

Term zip_lists(const std::vector<std::vector<Term>>& ls) {
  std::vector<Term> out;
  size_t n = ls.empty() ? 0 : SIZE_MAX;
  for (auto& l : ls) n = std::min(n, l.size());
  for (size_t i = 0; i < n; ++i) {
    std::vector<Term> row;
    for (auto& l : ls) row.push_back(l[i]);
    out.push_back(Term::tuple(row));
  }
  return Term::list(out);
}

void slice_bounds(int64_t n, int64_t f, int64_t l, int64_t& b, int64_t& e) {
  if (f < 0) f += n;
  if (l < 0) l += n;
  b = std::max<int64_t>(f, 0);
  e = std::min<int64_t>(l + 1, n);
  if (e < b) e = b;
}
void register_enum_builtins(BuiltinTable& t) {
  t.reg("Enum", "map", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0])) out.push_back(co_await apply_fun(c, a[1], one(e)));
    co_return Term::list(out);
  };
  t.reg("Enum", "each", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0])) (void)co_await apply_fun(c, a[1], one(e));
    co_return ok();
  };
  t.reg("Enum", "filter", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) out.push_back(e);
    co_return Term::list(out);
  };
  t.reg("Enum", "reject", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (!truthy(co_await apply_fun(c, a[1], one(e)))) out.push_back(e);
    co_return Term::list(out);
  };
  t.reg("Enum", "find", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return e;
    co_return Term();
  };
  t.reg("Enum", "all?", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (!truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(atoms::false_);
    co_return Term(atoms::true_);
  };
  t.reg("Enum", "any?", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(atoms::true_);
    co_return Term(atoms::false_);
  };
  t.reg("Enum", "count", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    long long n = 0;
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[1], one(e)))) ++n;
    co_return Term(n);
  };
  t.reg("Enum", "reduce", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) acc = co_await apply_fun(c, a[2], two(e, acc));
    co_return acc;
  };
  t.reg("Enum", "reduce", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    Term acc = v[0];
    for (size_t i = 1; i < v.size(); ++i) acc = co_await apply_fun(c, a[1], two(v[i], acc));
    co_return acc;
  };
  t.reg("Enum", "sort_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<std::pair<Term, Term>> v;
    for (const Term& e : enumerate(a[0])) v.emplace_back(co_await apply_fun(c, a[1], one(e)), e);
    std::stable_sort(v.begin(), v.end(), [](auto& x, auto& y) { return compare(x.first, y.first) < 0; });
    std::vector<Term> out;
    for (auto& p : v) out.push_back(p.second);
    co_return Term::list(out);
  };
  t.reg("Enum", "with_index", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    long long i = 0;
    for (const Term& e : enumerate(a[0])) out.push_back(Term::tuple({e, Term(i++)}));
    return Term::list(out);
  };
  t.reg("Enum", "with_index", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    long long i = need_int(a[1]);
    for (const Term& e : enumerate(a[0])) out.push_back(Term::tuple({e, Term(i++)}));
    return Term::list(out);
  };
  t.reg("Enum", "random", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return v[rng()() % v.size()];
  };
  t.reg("Enum", "shuffle", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::shuffle(v.begin(), v.end(), rng());
    return Term::list(v);
  };
  t.reg("Enum", "sum", 1).sync = [](Ctx&, Args& a) -> Term {
    Term acc(0);
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_number()) raise_error(Term(atoms::badarith));
      if (acc.is_integer() && e.is_integer()) acc = Term(static_cast<long long>(acc.as_integer() + e.as_integer()));
      else acc = Term(acc.as_number() + e.as_number());
    }
    return acc;
  };
  t.reg("Enum", "count", 1).sync = [](Ctx&, Args& a) -> Term { return Term(static_cast<long long>(enumerate(a[0]).size())); };
  t.reg("Enum", "to_list", 1).sync = [](Ctx&, Args& a) -> Term { return Term::list(enumerate(a[0])); };
  t.reg("Enum", "reverse", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::reverse(v.begin(), v.end());
    return Term::list(v);
  };
  t.reg("Enum", "member?", 2).sync = [](Ctx&, Args& a) -> Term {
    for (const Term& e : enumerate(a[0]))
      if (e == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  t.reg("Enum", "at", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = need_int(a[1]);
    if (i < 0) i += static_cast<int64_t>(v.size());
    if (i < 0 || i >= static_cast<int64_t>(v.size())) return Term();
    return v[static_cast<size_t>(i)];
  };
  t.reg("Enum", "take", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = need_int(a[1]);
    if (n >= 0 && static_cast<size_t>(n) < v.size()) v.resize(static_cast<size_t>(n));
    return Term::list(v);
  };
  t.reg("Enum", "join", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::binary(join(c, a[0], "")); };
  t.reg("Enum", "join", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[1].is_binary()) badarg();
    return Term::binary(join(c, a[0], std::string(a[1].as_binary())));
  };
  t.reg("Enum", "chunk_every", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> xs = enumerate(a[0]);
    if (!a[1].is_integer() || a[1].as_integer() <= 0) fce("Enum", "chunk_every", 4);
    size_t n = static_cast<size_t>(a[1].as_integer());
    std::vector<Term> out;
    for (size_t i = 0; i < xs.size(); i += n)
      out.push_back(Term::list(std::vector<Term>(xs.begin() + static_cast<long>(i), xs.begin() + static_cast<long>(std::min(xs.size(), i + n)))));
    return Term::list(out);
  };
  t.reg("Enum", "zip", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> x = enumerate(a[0]), y = enumerate(a[1]), out;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) out.push_back(Term::tuple({x[i], y[i]}));
    return Term::list(out);
  };
  t.reg("Enum", "sort", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::stable_sort(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
    return Term::list(v);
  };
  // Enum.sort(enum, fun | :asc | :desc): a stable merge sort; fun.(a, b) truthy keeps a first.
  t.reg("Enum", "sort", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (a[1].is_atom(intern("asc")) || a[1].is_atom(intern("desc"))) {
      bool desc = a[1].is_atom(intern("desc"));
      std::stable_sort(v.begin(), v.end(), [desc](const Term& x, const Term& y) {
        return desc ? compare(y, x) < 0 : compare(x, y) < 0;
      });
      co_return Term::list(v);
    }
    if (!a[1].is_fun()) raise_error(Term::tuple({Term(intern("badfun")), a[1]}));
    std::vector<Term> tmp(v.size());
    for (size_t width = 1; width < v.size(); width *= 2) {
      for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
        size_t mid = std::min(lo + width, v.size()), hi = std::min(lo + 2 * width, v.size());
        size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
          bool first = truthy(co_await apply_fun(c, a[1], two(v[i], v[j])));
          tmp[k++] = first ? v[i++] : v[j++];
        }
        while (i < mid) tmp[k++] = v[i++];
        while (j < hi) tmp[k++] = v[j++];
      }
      v.swap(tmp);
    }
    co_return Term::list(v);
  };
  t.reg("Enum", "max", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::max_element(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  };
  t.reg("Enum", "min", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::min_element(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  };
  t.reg("Enum", "empty?", 1).sync = [](Ctx&, Args& a) -> Term { return Term::boolean(enumerate(a[0]).empty()); };
  t.reg("Enum", "uniq", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    return Term::list(out);
  };
  t.reg("Enum", "into", 2).sync = [](Ctx&, Args& a) -> Term {
    if (a[1].is_map()) return map_update(a[1], keyword_pairs(a[0]), false);
    if (a[1].is_list()) return Term::list(enumerate(a[0]), a[1]);
    badarg();
  };
  t.reg("Enum", "flat_map", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      for (const Term& x : enumerate(co_await apply_fun(c, a[1], one(e)))) out.push_back(x);
    co_return Term::list(out);
  };
  // group_by/2 is group_by/3 with the element itself as the value: groups in first-seen order.
  // (No co_await inside ?: here: GCC 12 miscompiles it.)
  static constexpr auto group_by = [](Ctx& c, Args a, bool mapped) -> Task<Term> {
    std::vector<std::pair<Term, std::vector<Term>>> groups;
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      Term v = e;
      if (mapped) v = co_await apply_fun(c, a[2], one(e));
      auto it = std::find_if(groups.begin(), groups.end(), [&](auto& g) { return g.first == k; });
      if (it == groups.end()) groups.push_back({k, {v}});
      else it->second.push_back(v);
    }
    std::vector<std::pair<Term, Term>> m;
    for (auto& [k, v] : groups) m.emplace_back(k, Term::list(v));
    co_return Term::map(std::move(m));
  };
  t.reg("Enum", "group_by", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await group_by(c, std::move(a), false); };
  t.reg("Enum", "group_by", 3).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await group_by(c, std::move(a), true); };
  t.reg("Enum", "min_max", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return T2(*std::min_element(v.begin(), v.end(), less), *std::max_element(v.begin(), v.end(), less));
  };
  t.reg("Enum", "map_reduce", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[2], two(e, acc));
      if (!r.is_tuple() || r.tuple_size() != 2) raise_error(Term::tuple({Term(A("badmatch")), r}));
      out.push_back(r[0]);
      acc = r[1];
    }
    co_return T2(Term::list(out), acc);
  };
  t.reg("Enum", "reduce_while", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[2], two(e, acc));
      if (!r.is_tuple() || r.tuple_size() != 2 || !(r[0].is_atom(A("cont")) || r[0].is_atom(A("halt"))))
        raise_error(Term::tuple({Term(A("case_clause")), r}));
      acc = r[1];
      if (r[0].is_atom(A("halt"))) break;
    }
    co_return acc;
  };
  t.reg("Enum", "scan", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]), out;
    for (size_t i = 0; i < v.size(); ++i) {
      Term x = v[0];
      if (i > 0) x = co_await apply_fun(c, a[1], two(v[i], out.back()));
      out.push_back(x);
    }
    co_return Term::list(out);
  };
  t.reg("Enum", "scan", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) {
      acc = co_await apply_fun(c, a[2], two(e, acc));
      out.push_back(acc);
    }
    co_return Term::list(out);
  };
  t.reg("Enum", "frequencies", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      const Term* n = m.map_get(e);
      m = map_update(m, {{e, Term(static_cast<long long>(n ? n->as_integer() + 1 : 1))}}, false);
    }
    return m;
  };
  t.reg("Enum", "frequencies_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      const Term* n = m.map_get(k);
      m = map_update(m, {{k, Term(static_cast<long long>(n ? n->as_integer() + 1 : 1))}}, false);
    }
    co_return m;
  };
  t.reg("Enum", "dedup", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (out.empty() || !(out.back() == e)) out.push_back(e);
    return Term::list(out);
  };
  t.reg("Enum", "uniq_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out, seen;
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
      seen.push_back(k);
      out.push_back(e);
    }
    co_return Term::list(out);
  };
  t.reg("Enum", "split_with", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> yes, no;
    for (const Term& e : enumerate(a[0])) (truthy(co_await apply_fun(c, a[1], one(e))) ? yes : no).push_back(e);
    co_return T2(Term::list(yes), Term::list(no));
  };
  t.reg("Enum", "zip_with", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> x = enumerate(a[0]), y = enumerate(a[1]), out;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) out.push_back(co_await apply_fun(c, a[2], two(x[i], y[i])));
    co_return Term::list(out);
  };
  t.reg("Enum", "zip", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<std::vector<Term>> ls;
    for (const Term& e : enumerate(a[0])) ls.push_back(enumerate(e));
    return zip_lists(ls);
  };
  t.reg("Enum", "unzip", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> x, y;
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_tuple() || e.tuple_size() != 2) fce("Enum", "unzip", 1);
      x.push_back(e[0]);
      y.push_back(e[1]);
    }
    return T2(Term::list(x), Term::list(y));
  };
  t.reg("Enum", "slice", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() < 0) fce("Enum", "slice", 3);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = static_cast<int64_t>(v.size()), b = a[1].as_integer();
    if (b < 0) b += n;
    if (b < 0 || b >= n) return Term::empty_list();
    int64_t e = std::min(n, b + a[2].as_integer());
    return Term::list(std::vector<Term>(v.begin() + b, v.begin() + e));
  };
  t.reg("Enum", "slice", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t f, l, s;
    if (!range_parts(a[1], f, l, s)) fce("Enum", "slice", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t b, e;
    slice_bounds(static_cast<int64_t>(v.size()), f, l, b, e);
    std::vector<Term> out;
    for (int64_t i = b; i < e; i += std::max<int64_t>(s, 1)) out.push_back(v[static_cast<size_t>(i)]);
    return Term::list(out);
  };
  t.reg("Enum", "at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "at", 3);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? a[2] : v[static_cast<size_t>(i)];
  };
  t.reg("Enum", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "fetch", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? Term(A("error")) : T2(Term(A("ok")), v[static_cast<size_t>(i)]);
  };
  t.reg("Enum", "fetch!", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "fetch!", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_message("Enum.OutOfBoundsError", "out of bounds error");
    return v[static_cast<size_t>(i)];
  };
  t.reg("Enum", "drop", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "drop", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = a[1].as_integer(), sz = static_cast<int64_t>(v.size());
    if (n >= 0) return Term::list(std::vector<Term>(v.begin() + std::min(n, sz), v.end()));
    return Term::list(std::vector<Term>(v.begin(), v.begin() + std::max<int64_t>(0, sz + n)));
  };
  t.reg("Enum", "split", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "split", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = a[1].as_integer(), sz = static_cast<int64_t>(v.size());
    int64_t k = n >= 0 ? std::min(n, sz) : std::max<int64_t>(0, sz + n);
    return T2(Term::list(std::vector<Term>(v.begin(), v.begin() + k)), Term::list(std::vector<Term>(v.begin() + k, v.end())));
  };
  t.reg("Enum", "drop_while", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    size_t i = 0;
    while (i < v.size() && truthy(co_await apply_fun(c, a[1], one(v[i])))) ++i;
    co_return Term::list(std::vector<Term>(v.begin() + static_cast<long>(i), v.end()));
  };
  t.reg("Enum", "take_while", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    size_t i = 0;
    while (i < v.size() && truthy(co_await apply_fun(c, a[1], one(v[i])))) ++i;
    co_return Term::list(std::vector<Term>(v.begin(), v.begin() + static_cast<long>(i)));
  };
  t.reg("Enum", "chunk_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out, cur;
    Term last;
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      if (!cur.empty() && !(k == last)) {
        out.push_back(Term::list(cur));
        cur.clear();
      }
      cur.push_back(e);
      last = k;
    }
    if (!cur.empty()) out.push_back(Term::list(cur));
    co_return Term::list(out);
  };
  t.reg("Enum", "take_every", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || a[1].as_integer() < 0) fce("Enum", "take_every", 2);
    std::vector<Term> v = enumerate(a[0]), out;
    int64_t n = a[1].as_integer();
    if (n == 0) return Term::empty_list();
    for (size_t i = 0; i < v.size(); i += static_cast<size_t>(n)) out.push_back(v[i]);
    return Term::list(out);
  };
  t.reg("Enum", "product", 1).sync = [](Ctx&, Args& a) -> Term {
    Term acc(1);
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_number()) raise_error(Term(atoms::badarith));
      long long r;
      if (acc.is_integer() && e.is_integer() && !__builtin_mul_overflow(static_cast<long long>(acc.as_integer()), static_cast<long long>(e.as_integer()), &r)) acc = Term(r);
      else if (acc.is_integer() && e.is_integer()) raise_message("ArithmeticError", "integer overflow");
      else acc = Term(acc.as_number() * e.as_number());
    }
    return acc;
  };
  t.reg("Enum", "min_by", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await extreme_by(c, std::move(a), false); };
  t.reg("Enum", "max_by", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await extreme_by(c, std::move(a), true); };
  t.reg("Enum", "sort_by", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    bool desc = a[2].is_atom(A("desc"));
    if (!desc && !a[2].is_atom(A("asc"))) fce("Enum", "sort_by", 3);
    std::vector<std::pair<Term, Term>> v;
    for (const Term& e : enumerate(a[0])) v.emplace_back(co_await apply_fun(c, a[1], one(e)), e);
    std::stable_sort(v.begin(), v.end(), [desc](auto& x, auto& y) { return desc ? less(y.first, x.first) : less(x.first, y.first); });
    std::vector<Term> out;
    for (auto& p : v) out.push_back(p.second);
    co_return Term::list(out);
  };
  t.reg("Enum", "find_index", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    long long i = 0;
    for (const Term& e : enumerate(a[0])) {
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(i);
      ++i;
    }
    co_return Term();
  };
  t.reg("Enum", "find_value", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[1], one(e));
      if (truthy(r)) co_return r;
    }
    co_return Term();
  };
  t.reg("Enum", "find", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[2], one(e)))) co_return e;
    co_return a[1];
  };
  t.reg("Enum", "concat", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      for (const Term& x : enumerate(e)) out.push_back(x);
    return Term::list(out);
  };
  t.reg("Enum", "concat", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out = enumerate(a[0]);
    for (const Term& x : enumerate(a[1])) out.push_back(x);
    return Term::list(out);
  };
  t.reg("Enum", "intersperse", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0])) {
      if (!out.empty()) out.push_back(a[1]);
      out.push_back(e);
    }
    return Term::list(out);
  };
  t.reg("Enum", "map_join", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[1].is_binary()) raise_error(Term(atoms::badarg));
    std::string out;
    bool first = true;
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[2], one(e));
      if (!first) out += a[1].as_binary();
      first = false;
      out += to_string_term(c, r);
    }
    co_return Term::binary(out);
  };
  t.reg("Enum", "map_join", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::string out;
    for (const Term& e : enumerate(a[0])) out += to_string_term(c, co_await apply_fun(c, a[1], one(e)));
    co_return Term::binary(out);
  };
  t.reg("Enum", "into", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v;
    for (const Term& e : enumerate(a[0])) v.push_back(co_await apply_fun(c, a[2], one(e)));
    if (a[1].is_map()) {
      std::vector<std::pair<Term, Term>> kv;
      for (const Term& e : v) {
        if (!e.is_tuple() || e.tuple_size() != 2) raise_error(Term(atoms::badarg));
        kv.emplace_back(e[0], e[1]);
      }
      co_return map_update(a[1], kv, false);
    }
    if (a[1].is_list()) co_return Term::list(a[1].list_elements().empty() ? v : [&] { auto w = a[1].list_elements(); w.insert(w.end(), v.begin(), v.end()); return w; }());
    raise_error(Term(atoms::badarg));
  };
  t.reg("Enum", "max", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::max_element(v.begin(), v.end(), less);
  };
  t.reg("Enum", "reverse", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::reverse(v.begin(), v.end());
    return Term::list(v, a[1]);
  };
}

}  // namespace actorscope::console::detail
