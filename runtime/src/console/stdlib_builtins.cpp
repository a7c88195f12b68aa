// Enum, List, Map, Keyword, String, Integer, Tuple and Range functions beyond the core ones in
// builtins.cpp. Each matches Elixir 1.14's result; a bad argument raises what Elixir raises (mostly
// FunctionClauseError naming the function that has no clause for it).

#include "builtins.hpp"
#include "interp.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace actorscope::console::detail {

Term make_range(int64_t first, int64_t last, int64_t step);
std::vector<Term> enumerate(const Term& t);
Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist);
void register_stdlib(Builtin& (*reg)(void*, const char*, const char*, int), void* table);

namespace {

using Args = std::vector<Term>;
Args one(const Term& a) { return Args{a}; }
Args two(const Term& a, const Term& b) { return Args{a, b}; }
// GCC 12 rejects braced lists inside co_await expressions.
Args three(const Term& a, const Term& b, const Term& c) { return Args{a, b, c}; }

[[noreturn]] void fce(const char* mod, const char* fun, int arity) {
  raise_error(make_exception("FunctionClauseError", {{Term(A("module")), Term(A(mod[0] == ':' ? std::string(mod + 1) : std::string("Elixir.") + mod))},
                                                     {Term(A("function")), Term(A(fun))},
                                                     {Term(A("arity")), Term(arity)}}));
}
[[noreturn]] void badmap(const Term& t) { raise_error(Term::tuple({Term(A("badmap")), t})); }
const Term& need_map(const Term& t) {
  if (!t.is_map()) badmap(t);
  return t;
}
Term T2(const Term& a, const Term& b) { return Term::tuple({a, b}); }
bool less(const Term& a, const Term& b) { return compare(a, b) < 0; }

/// The code points of a UTF-8 binary, each as its bytes.
std::vector<std::string> codepoints(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    n = std::min(n, s.size() - i);
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}
std::string joined(const std::vector<std::string>& v, size_t b, size_t e) {
  std::string s;
  for (size_t i = b; i < e && i < v.size(); ++i) s += v[i];
  return s;
}
bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

/// A range's first, last and step; false for a non-range.
bool range_parts(const Term& r, int64_t& f, int64_t& l, int64_t& s) {
  if (!r.is_map()) return false;
  const Term* st = r.map_get(Term(A("__struct__")));
  if (!st || !st->is_atom(A("Elixir.Range"))) return false;
  f = r.map_get(Term(A("first")))->as_integer();
  l = r.map_get(Term(A("last")))->as_integer();
  s = r.map_get(Term(A("step")))->as_integer();
  return true;
}

/// Enum.slice's index range: [b, e) of a size-n enumerable for first..last//1 (negative indices
/// count from the end).
void slice_bounds(int64_t n, int64_t f, int64_t l, int64_t& b, int64_t& e) {
  if (f < 0) f += n;
  if (l < 0) l += n;
  b = std::max<int64_t>(f, 0);
  e = std::min<int64_t>(l + 1, n);
  if (e < b) e = b;
}

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

Term integer_pow(int64_t b, int64_t e) {
  long long r = 1;
  for (int64_t i = 0; i < e; ++i)
    if (__builtin_mul_overflow(r, b, &r)) raise_message("ArithmeticError", "integer overflow");
  return Term(r);
}

std::string to_base(int64_t v, int base) {
  if (v == 0) return "0";
  bool neg = v < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string s;
  while (u) {
    int d = static_cast<int>(u % static_cast<uint64_t>(base));
    s += static_cast<char>(d < 10 ? '0' + d : 'A' + d - 10);
    u /= static_cast<uint64_t>(base);
  }
  if (neg) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

/// Parses a leading integer in `base` (Integer.parse): {value, rest} or :error.
Term parse_int(std::string_view s, int base) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  int64_t v = 0;
  size_t start = i;
  for (; i < s.size(); ++i) {
    int c = std::tolower(static_cast<unsigned char>(s[i]));
    int d = std::isdigit(c) ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : 99;
    if (d >= base) break;
    v = v * base + d;
  }
  if (i == start) return Term(A("error"));
  return T2(Term(static_cast<long long>(neg ? -v : v)), Term::binary(s.substr(i)));
}

Term pad(const Args& a, bool leading) {
  int arity = static_cast<int>(a.size());
  const char* fn = leading ? "pad_leading" : "pad_trailing";
  if (!a[0].is_binary() || !a[1].is_integer() || a[1].as_integer() < 0) fce("String", fn, 3);
  std::string padding = arity == 3 ? (a[2].is_binary() ? std::string(a[2].as_binary()) : "") : " ";
  if (arity == 3 && (!a[2].is_binary() || padding.empty())) fce("String", fn, 3);
  std::vector<std::string> s = codepoints(a[0].as_binary()), p = codepoints(padding);
  int64_t need = a[1].as_integer() - static_cast<int64_t>(s.size());
  std::string fill;
  for (int64_t i = 0; i < need; ++i) fill += p[static_cast<size_t>(i) % p.size()];
  std::string str(a[0].as_binary());
  return Term::binary(leading ? fill + str : str + fill);
}

}  // namespace

void register_stdlib(Builtin& (*reg)(void*, const char*, const char*, int), void* t) {
  auto R = [&](const char* m, const char* f, int n) -> Builtin& { return reg(t, m, f, n); };

  // ---- ranges ------------------------------------------------------------------------------------
  // first..last//step
  R("Kernel", "..//", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer())
      raise_message("ArgumentError", "ranges (first..last//step) expect both sides to be integers, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]) + "//" + inspect_pretty(a[2]));
    if (a[2].as_integer() == 0)
      raise_message("ArgumentError", "ranges (first..last//step) expect the step to be a non-zero integer, got: 0");
    return make_range(a[0].as_integer(), a[1].as_integer(), a[2].as_integer());
  };
  R("Range", "new", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer())
      raise_message("ArgumentError", "ranges (first..last) expect both sides to be integers, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]));
    return make_range(a[0].as_integer(), a[1].as_integer(), a[0].as_integer() <= a[1].as_integer() ? 1 : -1);
  };
  R("Range", "new", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() == 0)
      raise_message("ArgumentError", "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]) + "//" + inspect_pretty(a[2]));
    return make_range(a[0].as_integer(), a[1].as_integer(), a[2].as_integer());
  };
  R("Range", "size", 1).sync = [](Ctx&, Args& a) -> Term { return Term(static_cast<long long>(enumerate(a[0]).size())); };

  // ---- Kernel ------------------------------------------------------------------------------------
  R("Kernel", "tap", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    (void)co_await apply_fun(c, a[1], one(a[0]));
    co_return a[0];
  };

  R("Kernel", "ceil", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_number()) raise_error(Term(atoms::badarg));
    return a[0].is_integer() ? a[0] : Term(static_cast<long long>(std::ceil(a[0].as_float())));
  };
  R("Kernel", "floor", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_number()) raise_error(Term(atoms::badarg));
    return a[0].is_integer() ? a[0] : Term(static_cast<long long>(std::floor(a[0].as_float())));
  };

  // ---- Enum --------------------------------------------------------------------------------------
  R("Enum", "flat_map", 2).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "group_by", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await group_by(c, std::move(a), false); };
  R("Enum", "group_by", 3).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await group_by(c, std::move(a), true); };
  R("Enum", "min_max", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return T2(*std::min_element(v.begin(), v.end(), less), *std::max_element(v.begin(), v.end(), less));
  };
  R("Enum", "map_reduce", 3).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "reduce_while", 3).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "scan", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]), out;
    for (size_t i = 0; i < v.size(); ++i) {
      Term x = v[0];
      if (i > 0) x = co_await apply_fun(c, a[1], two(v[i], out.back()));
      out.push_back(x);
    }
    co_return Term::list(out);
  };
  R("Enum", "scan", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out;
    Term acc = a[1];
    for (const Term& e : enumerate(a[0])) {
      acc = co_await apply_fun(c, a[2], two(e, acc));
      out.push_back(acc);
    }
    co_return Term::list(out);
  };
  R("Enum", "frequencies", 1).sync = [](Ctx&, Args& a) -> Term {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      const Term* n = m.map_get(e);
      m = map_update(m, {{e, Term(static_cast<long long>(n ? n->as_integer() + 1 : 1))}}, false);
    }
    return m;
  };
  R("Enum", "frequencies_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      const Term* n = m.map_get(k);
      m = map_update(m, {{k, Term(static_cast<long long>(n ? n->as_integer() + 1 : 1))}}, false);
    }
    co_return m;
  };
  R("Enum", "dedup", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      if (out.empty() || !(out.back() == e)) out.push_back(e);
    return Term::list(out);
  };
  R("Enum", "uniq_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> out, seen;
    for (const Term& e : enumerate(a[0])) {
      Term k = co_await apply_fun(c, a[1], one(e));
      if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
      seen.push_back(k);
      out.push_back(e);
    }
    co_return Term::list(out);
  };
  R("Enum", "split_with", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> yes, no;
    for (const Term& e : enumerate(a[0])) (truthy(co_await apply_fun(c, a[1], one(e))) ? yes : no).push_back(e);
    co_return T2(Term::list(yes), Term::list(no));
  };
  R("Enum", "zip_with", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> x = enumerate(a[0]), y = enumerate(a[1]), out;
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) out.push_back(co_await apply_fun(c, a[2], two(x[i], y[i])));
    co_return Term::list(out);
  };
  R("Enum", "zip", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<std::vector<Term>> ls;
    for (const Term& e : enumerate(a[0])) ls.push_back(enumerate(e));
    std::vector<Term> out;
    if (ls.empty()) return Term::list(out);
    size_t n = SIZE_MAX;
    for (auto& l : ls) n = std::min(n, l.size());
    for (size_t i = 0; i < n; ++i) {
      std::vector<Term> row;
      for (auto& l : ls) row.push_back(l[i]);
      out.push_back(Term::tuple(row));
    }
    return Term::list(out);
  };
  R("Enum", "unzip", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> x, y;
    for (const Term& e : enumerate(a[0])) {
      if (!e.is_tuple() || e.tuple_size() != 2) fce("Enum", "unzip", 1);
      x.push_back(e[0]);
      y.push_back(e[1]);
    }
    return T2(Term::list(x), Term::list(y));
  };
  R("Enum", "slice", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() < 0) fce("Enum", "slice", 3);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = static_cast<int64_t>(v.size()), b = a[1].as_integer();
    if (b < 0) b += n;
    if (b < 0 || b >= n) return Term::empty_list();
    int64_t e = std::min(n, b + a[2].as_integer());
    return Term::list(std::vector<Term>(v.begin() + b, v.begin() + e));
  };
  R("Enum", "slice", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t f, l, s;
    if (!range_parts(a[1], f, l, s)) fce("Enum", "slice", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t b, e;
    slice_bounds(static_cast<int64_t>(v.size()), f, l, b, e);
    std::vector<Term> out;
    for (int64_t i = b; i < e; i += std::max<int64_t>(s, 1)) out.push_back(v[static_cast<size_t>(i)]);
    return Term::list(out);
  };
  R("Enum", "at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "at", 3);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? a[2] : v[static_cast<size_t>(i)];
  };
  R("Enum", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "fetch", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? Term(A("error")) : T2(Term(A("ok")), v[static_cast<size_t>(i)]);
  };
  R("Enum", "fetch!", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "fetch!", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise_message("Enum.OutOfBoundsError", "out of bounds error");
    return v[static_cast<size_t>(i)];
  };
  R("Enum", "drop", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "drop", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = a[1].as_integer(), sz = static_cast<int64_t>(v.size());
    if (n >= 0) return Term::list(std::vector<Term>(v.begin() + std::min(n, sz), v.end()));
    return Term::list(std::vector<Term>(v.begin(), v.begin() + std::max<int64_t>(0, sz + n)));
  };
  R("Enum", "split", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer()) fce("Enum", "split", 2);
    std::vector<Term> v = enumerate(a[0]);
    int64_t n = a[1].as_integer(), sz = static_cast<int64_t>(v.size());
    int64_t k = n >= 0 ? std::min(n, sz) : std::max<int64_t>(0, sz + n);
    return T2(Term::list(std::vector<Term>(v.begin(), v.begin() + k)), Term::list(std::vector<Term>(v.begin() + k, v.end())));
  };
  R("Enum", "drop_while", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    size_t i = 0;
    while (i < v.size() && truthy(co_await apply_fun(c, a[1], one(v[i])))) ++i;
    co_return Term::list(std::vector<Term>(v.begin() + static_cast<long>(i), v.end()));
  };
  R("Enum", "take_while", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    size_t i = 0;
    while (i < v.size() && truthy(co_await apply_fun(c, a[1], one(v[i])))) ++i;
    co_return Term::list(std::vector<Term>(v.begin(), v.begin() + static_cast<long>(i)));
  };
  R("Enum", "chunk_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "take_every", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || a[1].as_integer() < 0) fce("Enum", "take_every", 2);
    std::vector<Term> v = enumerate(a[0]), out;
    int64_t n = a[1].as_integer();
    if (n == 0) return Term::empty_list();
    for (size_t i = 0; i < v.size(); i += static_cast<size_t>(n)) out.push_back(v[i]);
    return Term::list(out);
  };
  R("Enum", "product", 1).sync = [](Ctx&, Args& a) -> Term {
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
  R("Enum", "min_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    Term best = v[0], bk = co_await apply_fun(c, a[1], one(v[0]));
    for (size_t i = 1; i < v.size(); ++i) {
      Term k = co_await apply_fun(c, a[1], one(v[i]));
      if (compare(k, bk) < 0) best = v[i], bk = k;
    }
    co_return best;
  };
  R("Enum", "max_by", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    Term best = v[0], bk = co_await apply_fun(c, a[1], one(v[0]));
    for (size_t i = 1; i < v.size(); ++i) {
      Term k = co_await apply_fun(c, a[1], one(v[i]));
      if (compare(k, bk) > 0) best = v[i], bk = k;
    }
    co_return best;
  };
  R("Enum", "sort_by", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    bool desc = a[2].is_atom(A("desc"));
    if (!desc && !a[2].is_atom(A("asc"))) fce("Enum", "sort_by", 3);
    std::vector<std::pair<Term, Term>> v;
    for (const Term& e : enumerate(a[0])) v.emplace_back(co_await apply_fun(c, a[1], one(e)), e);
    std::stable_sort(v.begin(), v.end(), [desc](auto& x, auto& y) { return desc ? less(y.first, x.first) : less(x.first, y.first); });
    std::vector<Term> out;
    for (auto& p : v) out.push_back(p.second);
    co_return Term::list(out);
  };
  R("Enum", "find_index", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    long long i = 0;
    for (const Term& e : enumerate(a[0])) {
      if (truthy(co_await apply_fun(c, a[1], one(e)))) co_return Term(i);
      ++i;
    }
    co_return Term();
  };
  R("Enum", "find_value", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[1], one(e));
      if (truthy(r)) co_return r;
    }
    co_return Term();
  };
  R("Enum", "find", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    for (const Term& e : enumerate(a[0]))
      if (truthy(co_await apply_fun(c, a[2], one(e)))) co_return e;
    co_return a[1];
  };
  R("Enum", "concat", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0]))
      for (const Term& x : enumerate(e)) out.push_back(x);
    return Term::list(out);
  };
  R("Enum", "concat", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out = enumerate(a[0]);
    for (const Term& x : enumerate(a[1])) out.push_back(x);
    return Term::list(out);
  };
  R("Enum", "intersperse", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> out;
    for (const Term& e : enumerate(a[0])) {
      if (!out.empty()) out.push_back(a[1]);
      out.push_back(e);
    }
    return Term::list(out);
  };
  R("Enum", "map_join", 3).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "map_join", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    std::string out;
    for (const Term& e : enumerate(a[0])) out += to_string_term(c, co_await apply_fun(c, a[1], one(e)));
    co_return Term::binary(out);
  };
  R("Enum", "into", 3).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Enum", "max", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    if (v.empty()) raise_message("Enum.EmptyError", "empty error");
    return *std::max_element(v.begin(), v.end(), less);
  };
  R("Enum", "reverse", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v = enumerate(a[0]);
    std::reverse(v.begin(), v.end());
    return Term::list(v, a[1]);
  };

  // ---- List --------------------------------------------------------------------------------------
  R("List", "flatten", 1).sync = [](Ctx&, Args& a) -> Term {
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
  R("List", "wrap", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_list()) return a[0];
    if (a[0].is_atom(atoms::nil)) return Term::empty_list();
    return Term::list({a[0]});
  };
  R("List", "insert_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "insert_at", 3);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i = n + i + 1;
    i = std::clamp<int64_t>(i, 0, n);
    v.insert(v.begin() + i, a[2]);
    return Term::list(v);
  };
  R("List", "delete_at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "delete_at", 2);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i += n;
    if (i >= 0 && i < n) v.erase(v.begin() + i);
    return Term::list(v);
  };
  R("List", "replace_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[1].is_integer()) fce("List", "replace_at", 3);
    std::vector<Term> v = a[0].list_elements();
    int64_t n = static_cast<int64_t>(v.size()), i = a[1].as_integer();
    if (i < 0) i += n;
    if (i >= 0 && i < n) v[static_cast<size_t>(i)] = a[2];
    return Term::list(v);
  };
  R("List", "keyfind", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[2].is_integer()) fce("List", "keyfind", 3);
    size_t pos = static_cast<size_t>(a[2].as_integer());
    for (const Term& e : a[0].list_elements())
      if (e.is_tuple() && e.tuple_size() > pos && e[pos] == a[1]) return e;
    return Term();
  };
  R("List", "keymember?", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list() || !a[2].is_integer()) fce("List", "keymember?", 3);
    size_t pos = static_cast<size_t>(a[2].as_integer());
    for (const Term& e : a[0].list_elements())
      if (e.is_tuple() && e.tuple_size() > pos && e[pos] == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  R("List", "keydelete", 3).sync = [](Ctx&, Args& a) -> Term {
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
  R("List", "foldl", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_list()) fce("List", "foldl", 3);
    Term acc = a[1];
    for (const Term& e : a[0].list_elements()) acc = co_await apply_fun(c, a[2], two(e, acc));
    co_return acc;
  };
  R("List", "foldr", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    if (!a[0].is_list()) fce("List", "foldr", 3);
    std::vector<Term> v = a[0].list_elements();
    Term acc = a[1];
    for (auto it = v.rbegin(); it != v.rend(); ++it) acc = co_await apply_fun(c, a[2], two(*it, acc));
    co_return acc;
  };
  R("List", "zip", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list()) fce("List", "zip", 1);
    std::vector<std::vector<Term>> ls;
    for (const Term& e : a[0].list_elements()) ls.push_back(e.list_elements());
    std::vector<Term> out;
    size_t n = ls.empty() ? 0 : SIZE_MAX;
    for (auto& l : ls) n = std::min(n, l.size());
    for (size_t i = 0; i < n; ++i) {
      std::vector<Term> row;
      for (auto& l : ls) row.push_back(l[i]);
      out.push_back(Term::tuple(row));
    }
    return Term::list(out);
  };

  // ---- Map ---------------------------------------------------------------------------------------
  R("Map", "merge", 3).async = [](Ctx& c, Args a) -> Task<Term> {
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
  R("Map", "drop", 2).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    std::vector<Term> ks = enumerate(a[1]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (std::find(ks.begin(), ks.end(), kv.first) == ks.end()) out.push_back(kv);
    return Term::map(std::move(out));
  };
  R("Map", "take", 2).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    std::vector<Term> ks = enumerate(a[1]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (std::find(ks.begin(), ks.end(), kv.first) != ks.end()) out.push_back(kv);
    return Term::map(std::move(out));
  };
  R("Map", "filter", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    need_map(a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (truthy(co_await apply_fun(c, a[1], one(T2(kv.first, kv.second))))) out.push_back(kv);
    co_return Term::map(std::move(out));
  };
  R("Map", "reject", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    need_map(a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (!truthy(co_await apply_fun(c, a[1], one(T2(kv.first, kv.second))))) out.push_back(kv);
    co_return Term::map(std::move(out));
  };
  R("Map", "pop", 2).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    const Term* v = a[0].map_get(a[1]);
    if (!v) return T2(Term(), a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (!(kv.first == a[1])) out.push_back(kv);
    return T2(*v, Term::map(std::move(out)));
  };
  R("Map", "pop", 3).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    const Term* v = a[0].map_get(a[1]);
    if (!v) return T2(a[2], a[0]);
    std::vector<std::pair<Term, Term>> out;
    for (auto& kv : a[0].map_entries())
      if (!(kv.first == a[1])) out.push_back(kv);
    return T2(*v, Term::map(std::move(out)));
  };
  R("Map", "put_new", 3).sync = [](Ctx&, Args& a) -> Term {
    need_map(a[0]);
    return a[0].map_get(a[1]) ? a[0] : map_update(a[0], {{a[1], a[2]}}, false);
  };
  R("Map", "new", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    Term m = Term::map({});
    for (const Term& e : enumerate(a[0])) {
      Term r = co_await apply_fun(c, a[1], one(e));
      if (!r.is_tuple() || r.tuple_size() != 2) raise_error(Term(atoms::badarg));
      m = map_update(m, {{r[0], r[1]}}, false);
    }
    co_return m;
  };

  // ---- Keyword -----------------------------------------------------------------------------------
  R("Keyword", "put", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_atom()) fce("Keyword", "put", 3);
    std::vector<std::pair<Term, Term>> kv = kw_pairs(a[0], "Keyword", "put", 3), out{{a[1], a[2]}};
    for (auto& p : kv)
      if (!(p.first == a[1])) out.push_back(p);
    return kw_list(out);
  };
  R("Keyword", "delete", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_atom()) fce("Keyword", "delete", 2);
    std::vector<std::pair<Term, Term>> out;
    for (auto& p : kw_pairs(a[0], "Keyword", "delete", 2))
      if (!(p.first == a[1])) out.push_back(p);
    return kw_list(out);
  };
  R("Keyword", "keys", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v;
    for (auto& p : kw_pairs(a[0], "Keyword", "keys", 1)) v.push_back(p.first);
    return Term::list(v);
  };
  R("Keyword", "values", 1).sync = [](Ctx&, Args& a) -> Term {
    std::vector<Term> v;
    for (auto& p : kw_pairs(a[0], "Keyword", "values", 1)) v.push_back(p.second);
    return Term::list(v);
  };
  R("Keyword", "has_key?", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& p : kw_pairs(a[0], "Keyword", "has_key?", 2))
      if (p.first == a[1]) return Term(atoms::true_);
    return Term(atoms::false_);
  };
  R("Keyword", "fetch", 2).sync = [](Ctx&, Args& a) -> Term {
    for (auto& p : kw_pairs(a[0], "Keyword", "fetch", 2))
      if (p.first == a[1]) return T2(Term(A("ok")), p.second);
    return Term(A("error"));
  };
  R("Keyword", "merge", 2).sync = [](Ctx&, Args& a) -> Term {
    std::vector<std::pair<Term, Term>> x = kw_pairs(a[0], "Keyword", "merge", 2), y = kw_pairs(a[1], "Keyword", "merge", 2), out;
    for (auto& p : x)
      if (std::none_of(y.begin(), y.end(), [&](auto& q) { return q.first == p.first; })) out.push_back(p);
    out.insert(out.end(), y.begin(), y.end());
    return kw_list(out);
  };

  // ---- String ------------------------------------------------------------------------------------
  R("String", "reverse", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "reverse", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    std::reverse(v.begin(), v.end());
    return Term::binary(joined(v, 0, v.size()));
  };
  R("String", "graphemes", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "graphemes", 1);
    std::vector<Term> out;
    for (auto& s : codepoints(a[0].as_binary())) out.push_back(Term::binary(s));
    return Term::list(out);
  };
  R("String", "codepoints", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "codepoints", 1);
    std::vector<Term> out;
    for (auto& s : codepoints(a[0].as_binary())) out.push_back(Term::binary(s));
    return Term::list(out);
  };
  R("String", "first", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "first", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    return v.empty() ? Term() : Term::binary(v.front());
  };
  R("String", "last", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "last", 1);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    return v.empty() ? Term() : Term::binary(v.back());
  };
  R("String", "at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer()) fce("String", "at", 2);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t i = a[1].as_integer(), n = static_cast<int64_t>(v.size());
    if (i < 0) i += n;
    return i < 0 || i >= n ? Term() : Term::binary(v[static_cast<size_t>(i)]);
  };
  R("String", "slice", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() < 0) fce("String", "slice", 3);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t n = static_cast<int64_t>(v.size()), b = a[1].as_integer();
    if (b < 0) b = std::max<int64_t>(0, b + n);
    if (b >= n) return Term::binary("");
    return Term::binary(joined(v, static_cast<size_t>(b), static_cast<size_t>(std::min(n, b + a[2].as_integer()))));
  };
  R("String", "slice", 2).sync = [](Ctx&, Args& a) -> Term {
    int64_t f, l, s;
    if (!a[0].is_binary() || !range_parts(a[1], f, l, s)) fce("String", "slice", 2);
    std::vector<std::string> v = codepoints(a[0].as_binary());
    int64_t b, e;
    slice_bounds(static_cast<int64_t>(v.size()), f, l, b, e);
    std::string out;
    for (int64_t i = b; i < e; i += std::max<int64_t>(s, 1)) out += v[static_cast<size_t>(i)];
    return Term::binary(out);
  };
  R("String", "starts_with?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "starts_with?", 2);
    std::vector<Term> ps = a[1].is_list() ? a[1].list_elements() : std::vector<Term>{a[1]};
    for (const Term& p : ps) {
      if (!p.is_binary()) raise_error(Term(atoms::badarg));
      if (a[0].as_binary().substr(0, p.as_binary().size()) == p.as_binary()) return Term(atoms::true_);
    }
    return Term(atoms::false_);
  };
  R("String", "ends_with?", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "ends_with?", 2);
    std::vector<Term> ps = a[1].is_list() ? a[1].list_elements() : std::vector<Term>{a[1]};
    std::string_view s = a[0].as_binary();
    for (const Term& p : ps) {
      if (!p.is_binary()) raise_error(Term(atoms::badarg));
      std::string_view x = p.as_binary();
      if (s.size() >= x.size() && s.substr(s.size() - x.size()) == x) return Term(atoms::true_);
    }
    return Term(atoms::false_);
  };
  R("String", "replace", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[2].is_binary()) fce("String", "replace", 4);
    if (!a[1].is_binary()) raise_message("ArgumentError", "the console supports only a string pattern in String.replace/3");
    std::string_view s = a[0].as_binary(), p = a[1].as_binary(), r = a[2].as_binary();
    std::string out;
    if (p.empty()) {
      for (auto& cp : codepoints(s)) out += std::string(r) + cp;
      return Term::binary(out + std::string(r));
    }
    size_t pos = 0;
    while (true) {
      size_t f = s.find(p, pos);
      if (f == std::string_view::npos) break;
      out += s.substr(pos, f - pos);
      out += r;
      pos = f + p.size();
    }
    out += s.substr(pos);
    return Term::binary(out);
  };
  R("String", "capitalize", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "capitalize", 1);
    std::string s(a[0].as_binary());
    for (size_t i = 0; i < s.size(); ++i)
      s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i])) : std::tolower(static_cast<unsigned char>(s[i])));
    return Term::binary(s);
  };
  R("String", "pad_leading", 2).sync = [](Ctx&, Args& a) -> Term { return pad(a, true); };
  R("String", "pad_leading", 3).sync = [](Ctx&, Args& a) -> Term { return pad(a, true); };
  R("String", "pad_trailing", 2).sync = [](Ctx&, Args& a) -> Term { return pad(a, false); };
  R("String", "pad_trailing", 3).sync = [](Ctx&, Args& a) -> Term { return pad(a, false); };
  R("String", "trim_leading", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "trim_leading", 1);
    std::string_view s = a[0].as_binary();
    size_t b = 0;
    while (b < s.size() && is_ws(s[b])) ++b;
    return Term::binary(s.substr(b));
  };
  R("String", "trim_trailing", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "trim_trailing", 1);
    std::string_view s = a[0].as_binary();
    size_t e = s.size();
    while (e > 0 && is_ws(s[e - 1])) --e;
    return Term::binary(s.substr(0, e));
  };
  R("String", "split", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "split", 1);
    std::string_view s = a[0].as_binary();
    std::vector<Term> out;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_ws(s[i])) ++i;
      size_t b = i;
      while (i < s.size() && !is_ws(s[i])) ++i;
      if (i > b) out.push_back(Term::binary(s.substr(b, i - b)));
    }
    return Term::list(out);
  };
  // String.split(s, sep, parts: n | trim: bool)
  R("String", "split", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_binary() || !a[2].is_list()) fce("String", "split", 3);
    int64_t parts = -1;
    bool trim = false;
    for (const Term& o : a[2].list_elements()) {
      if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(A("parts")) && o[1].is_integer()) parts = o[1].as_integer();
      if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(A("trim"))) trim = truthy(o[1]);
    }
    std::string_view s = a[0].as_binary(), sep = a[1].as_binary();
    std::vector<Term> out;
    if (sep.empty()) {
      for (auto& cp : codepoints(s)) out.push_back(Term::binary(cp));
      if (!trim) out.push_back(Term::binary(""));
      return Term::list(out);
    }
    size_t pos = 0;
    while (true) {
      size_t f = s.find(sep, pos);
      if (f == std::string_view::npos || (parts > 0 && static_cast<int64_t>(out.size()) == parts - 1)) {
        out.push_back(Term::binary(s.substr(pos)));
        break;
      }
      Term piece = Term::binary(s.substr(pos, f - pos));
      if (!(trim && f == pos)) out.push_back(piece);
      pos = f + sep.size();
    }
    if (trim && !out.empty() && out.back().as_binary().empty()) out.pop_back();
    return Term::list(out);
  };
  R("String", "to_integer", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary() || !a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36) raise_error(Term(atoms::badarg));
    Term r = parse_int(a[0].as_binary(), static_cast<int>(a[1].as_integer()));
    if (!r.is_tuple() || !r[1].as_binary().empty())
      raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n");
    return r[0];
  };
  R("String", "to_float", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "to_float", 1);
    std::string s(a[0].as_binary());
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (s.empty() || *end || s.find('.') == std::string::npos || std::isspace(static_cast<unsigned char>(s[0])))
      raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a float\n");
    return Term(v);
  };
  R("String", "to_charlist", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("String", "to_charlist", 1);
    std::vector<Term> out;
    for (auto& cp : codepoints(a[0].as_binary())) {
      uint32_t c = static_cast<unsigned char>(cp[0]);
      if (cp.size() == 2) c &= 0x1F;
      if (cp.size() == 3) c &= 0x0F;
      if (cp.size() == 4) c &= 0x07;
      for (size_t i = 1; i < cp.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(cp[i]) & 0x3F);
      out.push_back(Term(static_cast<long long>(c)));
    }
    return Term::list(out);
  };

  // ---- Integer -----------------------------------------------------------------------------------
  R("Integer", "pow", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "pow", 2);
    if (a[1].as_integer() < 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    return integer_pow(a[0].as_integer(), a[1].as_integer());
  };
  R("Integer", "parse", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("Integer", "parse", 2);
    return parse_int(a[0].as_binary(), 10);
  };
  R("Integer", "parse", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) fce("Integer", "parse", 2);
    if (!a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36)
      raise_message("ArgumentError", "invalid base " + inspect_pretty(a[1]));
    return parse_int(a[0].as_binary(), static_cast<int>(a[1].as_integer()));
  };
  R("Integer", "digits", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer()) fce("Integer", "digits", 2);
    int64_t v = a[0].as_integer();
    std::vector<Term> out;
    uint64_t u = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    do {
      int64_t d = static_cast<int64_t>(u % 10);
      out.insert(out.begin(), Term(static_cast<long long>(v < 0 ? -d : d)));
      u /= 10;
    } while (u);
    return Term::list(out);
  };
  R("Integer", "undigits", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_list()) fce("Integer", "undigits", 2);
    long long v = 0;
    for (const Term& d : a[0].list_elements()) {
      if (!d.is_integer()) fce("Integer", "undigits", 2);
      v = v * 10 + d.as_integer();
    }
    return Term(v);
  };
  R("Integer", "to_string", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer()) raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: not an integer\n");
    if (!a[1].is_integer() || a[1].as_integer() < 2 || a[1].as_integer() > 36)
      raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 2nd argument: not an integer in the range 2 through 36\n");
    return Term::binary(to_base(a[0].as_integer(), static_cast<int>(a[1].as_integer())));
  };
  R("Integer", "mod", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "mod", 2);
    if (a[1].as_integer() == 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    int64_t r = a[0].as_integer() % a[1].as_integer();
    if (r != 0 && ((r < 0) != (a[1].as_integer() < 0))) r += a[1].as_integer();
    return Term(static_cast<long long>(r));
  };
  R("Integer", "floor_div", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "floor_div", 2);
    if (a[1].as_integer() == 0) raise_message("ArithmeticError", "bad argument in arithmetic expression");
    int64_t x = a[0].as_integer(), y = a[1].as_integer(), q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return Term(static_cast<long long>(q));
  };
  R("Integer", "gcd", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer()) fce("Integer", "gcd", 2);
    int64_t x = std::llabs(a[0].as_integer()), y = std::llabs(a[1].as_integer());
    while (y) {
      int64_t t2 = x % y;
      x = y;
      y = t2;
    }
    return Term(static_cast<long long>(x));
  };

  // ---- Tuple -------------------------------------------------------------------------------------
  R("Tuple", "append", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: not a tuple\n");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v.push_back(a[1]);
    return Term::tuple(v);
  };
  R("Tuple", "delete_at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 || static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: out of range\n");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i)
      if (i != static_cast<size_t>(a[1].as_integer())) v.push_back(a[0][i]);
    return Term::tuple(v);
  };
  R("Tuple", "insert_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 || static_cast<size_t>(a[1].as_integer()) > a[0].tuple_size())
      raise_message("ArgumentError", "errors were found at the given arguments:\n\n  * 1st argument: out of range\n");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v.insert(v.begin() + a[1].as_integer(), a[2]);
    return Term::tuple(v);
  };
  R("Tuple", "duplicate", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || a[1].as_integer() < 0) raise_error(Term(atoms::badarg));
    return Term::tuple(std::vector<Term>(static_cast<size_t>(a[1].as_integer()), a[0]));
  };
}

}  // namespace actorscope::console::detail
