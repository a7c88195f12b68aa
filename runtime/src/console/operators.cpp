// Operators of the console language on values: arithmetic, comparisons, `in`, list and binary
// operators, ranges and enumeration; map update and struct construction (`%{m | k: v}`, `%Mod{}`).

#include "eval_internal.hpp"

#include <algorithm>
#include <cmath>

namespace actorscope::console::detail {

bool truthy(const Term& t) { return !(t.is_atom(atoms::nil) || t.is_atom(atoms::false_)); }

// ---- operators -------------------------------------------------------------------------------------

namespace {

[[noreturn]] void badarith() { raise_error(Term(atoms::badarith)); }

const char* op_text(Op op) {
  switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    default: return "?";
  }
}

[[noreturn]] void badarith(Op op, const Term& a, const Term& b) {
  raise_badarith(inspect_pretty(a) + " " + op_text(op) + " " + inspect_pretty(b));
}

Term arith(Op op, const Term& a, const Term& b) {
  if (!a.is_number() || !b.is_number()) badarith(op, a, b);
  if (op == Op::Div) {
    double d = b.as_number();
    if (d == 0.0) badarith(op, a, b);
    return Term(a.as_number() / d);
  }
  if (a.is_integer() && b.is_integer()) {
    long long x = a.as_integer(), y = b.as_integer(), r = 0;
    bool ovf = false;
    switch (op) {
      case Op::Add: ovf = __builtin_add_overflow(x, y, &r); break;
      case Op::Sub: ovf = __builtin_sub_overflow(x, y, &r); break;
      case Op::Mul: ovf = __builtin_mul_overflow(x, y, &r); break;
      default: badarith();
    }
    if (ovf) raise_message("ArithmeticError", "integer overflow: the console has no big integers");
    return Term(r);
  }
  double x = a.as_number(), y = b.as_number();
  switch (op) {
    case Op::Add: return Term(x + y);
    case Op::Sub: return Term(x - y);
    case Op::Mul: return Term(x * y);
    default: badarith();
  }
}

bool is_range(const Term& t) {
  if (!t.is_map()) return false;
  const Term* s = t.map_get(Term(A("__struct__")));
  return s && s->is_atom(A("Elixir.Range"));
}

}  // namespace

Term bool_op_error(const char* op, const Term& v) {
  raise_error(make_exception("BadBooleanError", {{Term(A("term")), v}, {Term(A("operator")), Term(A(op))}}));
}

Term make_range(int64_t first, int64_t last, int64_t step) {
  return Term::map({{Term(A("__struct__")), Term(A("Elixir.Range"))},
                    {Term(A("first")), Term(static_cast<long long>(first))},
                    {Term(A("last")), Term(static_cast<long long>(last))},
                    {Term(A("step")), Term(static_cast<long long>(step))}});
}

/// Elements of an enumerable: list, range, map (as {k, v}).
std::vector<Term> enumerate(const Term& t) {
  if (t.is_list()) {
    if (!t.is_proper_list()) raise_error(Term::tuple({Term(A("badarg")), t}));
    return t.list_elements();
  }
  if (is_range(t)) {
    int64_t a = t.map_get(Term(A("first")))->as_integer();
    int64_t b = t.map_get(Term(A("last")))->as_integer();
    int64_t s = t.map_get(Term(A("step")))->as_integer();
    std::vector<Term> out;
    if (s > 0)
      for (int64_t i = a; i <= b; i += s) out.push_back(Term(static_cast<long long>(i)));
    else if (s < 0)
      for (int64_t i = a; i >= b; i += s) out.push_back(Term(static_cast<long long>(i)));
    return out;
  }
  if (t.is_map()) {
    std::vector<Term> out;
    for (auto& [k, v] : t.map_entries()) out.push_back(Term::tuple({k, v}));
    return out;
  }
  raise_error(exception_fields("Protocol.UndefinedError",
                               {{Term(A("message")), Term::binary("protocol Enumerable not implemented for " + inspect_pretty(t) +
                                                                  " of type " + (t.is_tuple() ? "Tuple" : t.is_atom() ? "Atom" : t.is_integer() ? "Integer" : t.is_binary() ? "BitString" : "Term"))},
                                {Term(A("value")), t}}));
}

Term binop_values(Op op, const Term& a, const Term& b) {
  switch (op) {
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: return arith(op, a, b);
    case Op::Pow:
      if (!a.is_number() || !b.is_number()) badarith();
      if (a.is_integer() && b.is_integer() && b.as_integer() >= 0) {
        long long r = 1;
        for (long long i = 0; i < b.as_integer(); ++i)
          if (__builtin_mul_overflow(r, a.as_integer(), &r)) raise_message("ArithmeticError", "integer overflow");
        return Term(r);
      }
      return Term(std::pow(a.as_number(), b.as_number()));
    case Op::Concat:
      if (!a.is_binary() || !b.is_binary()) raise_message("ArgumentError", "expected binary argument in <> operator but got: " + inspect_pretty(a.is_binary() ? b : a));
      return Term::binary(std::string(a.as_binary()) + std::string(b.as_binary()));
    case Op::ListAdd: {
      if (!a.is_list() || !a.is_proper_list()) raise_error(Term(atoms::badarg));
      return Term::list(a.list_elements(), b);
    }
    case Op::ListSub: {
      if (!a.is_proper_list() || !b.is_proper_list() || !a.is_list() || !b.is_list()) raise_error(Term(atoms::badarg));
      std::vector<Term> xs = a.list_elements();
      for (const Term& y : b.list_elements()) {
        for (auto it = xs.begin(); it != xs.end(); ++it)
          if (*it == y) {
            xs.erase(it);
            break;
          }
      }
      return Term::list(xs);
    }
    case Op::Range:
      if (!a.is_integer() || !b.is_integer()) raise_message("ArgumentError", "ranges (first..last) expect both sides to be integers, got: " + inspect_pretty(a) + ".." + inspect_pretty(b));
      return make_range(a.as_integer(), b.as_integer(), a.as_integer() <= b.as_integer() ? 1 : -1);
    case Op::Eq: return Term::boolean(compare(a, b) == 0);
    case Op::Ne: return Term::boolean(compare(a, b) != 0);
    case Op::StrictEq: return Term::boolean(a == b);
    case Op::StrictNe: return Term::boolean(!(a == b));
    case Op::Lt: return Term::boolean(compare(a, b) < 0);
    case Op::Gt: return Term::boolean(compare(a, b) > 0);
    case Op::Le: return Term::boolean(compare(a, b) <= 0);
    case Op::Ge: return Term::boolean(compare(a, b) >= 0);
    case Op::In:
    case Op::NotIn: {
      bool found = false;
      if (is_range(b)) {
        if (a.is_integer()) {
          int64_t f = b.map_get(Term(A("first")))->as_integer(), l = b.map_get(Term(A("last")))->as_integer(),
                  s = b.map_get(Term(A("step")))->as_integer();
          int64_t x = a.as_integer();
          found = s > 0 ? (x >= f && x <= l && (x - f) % s == 0) : (x <= f && x >= l && (f - x) % (-s) == 0);
        }
      } else {
        for (const Term& e : enumerate(b))
          if (compare(a, e) == 0) {
            found = true;
            break;
          }
      }
      return Term::boolean(op == Op::In ? found : !found);
    }
    default: break;
  }
  raise_message("RuntimeError", "unsupported operator");
}
// ---- maps and structs ------------------------------------------------------------------------------

/// %Mod{k: v}: see interp.hpp.
Term make_struct(Ctx& c, Atom mod, std::vector<std::pair<Term, Term>> kv, const std::string& file, int line) {
  std::string_view name = atom_name(mod);
  if (name.substr(0, 7) == "Elixir.") name = name.substr(7);
  if (auto m = c.ip->module(mod); m && m->has_struct) {
    std::vector<std::pair<Term, Term>> out{{Term(A("__struct__")), Term(mod)}};
    for (auto& [f, d] : m->struct_fields) out.emplace_back(Term(f), d);
    for (auto& [k, v] : kv) {
      auto it = std::find_if(out.begin() + 1, out.end(), [&](auto& e) { return e.first == k; });
      if (it == out.end())
        raise_error(exception_fields("KeyError", {{Term(A("key")), k}, {Term(A("term")), Term(mod)},
                                                  {Term(A("message")), Term::binary("key " + inspect_pretty(k) + " not found")}}));
      it->second = v;
    }
    return Term::map(std::move(out));
  }
  const std::vector<std::string>* fields = struct_fields(name);
  if (!fields || name == "Task") {
    std::string m(name);
    raise_error(exception_fields("CompileError",
                                 {{Term(A("message")), Term::binary(file + ":" + std::to_string(line) + ": " + m +
                                                                    ".__struct__/1 is undefined, cannot expand struct " + m +
                                                                    ". Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code")},
                                  {Term(A("file")), Term::binary(file)},
                                  {Term(A("line")), Term(line)}}));
  }
  for (auto& [k, v] : kv) {
    if (!k.is_atom() || std::find(fields->begin(), fields->end(), std::string(atom_name(k.as_atom()))) == fields->end()) {
      raise_error(exception_fields("KeyError", {{Term(A("key")), k}, {Term(A("term")), Term(mod)},
                                                {Term(A("message")), Term::binary("key " + inspect_pretty(k) + " not found")}}));
    }
  }
  return make_exception(name, std::move(kv));
}

/// The base of `%Mod{s | k: v}`: s must be a Mod struct (BadStructError).
Term struct_base(Atom mod, Term base) {
  if (!mod.id) return base;
  const Term* st = base.is_map() ? base.map_get(Term(A("__struct__"))) : nullptr;
  if (!st || !st->is_atom(mod)) {
    std::string_view name = atom_name(mod);
    if (name.substr(0, 7) == "Elixir.") name = name.substr(7);
    raise_error(exception_fields("BadStructError", {{Term(A("struct")), Term(mod)}, {Term(A("term")), base},
                                                    {Term(A("message")), Term::binary("expected a struct named " + std::string(name) +
                                                                                      ", got: " + inspect_pretty(base))}}));
  }
  return base;
}

Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist) {
  if (!base.is_map()) raise_error(Term::tuple({Term(A("badmap")), base}));
  std::vector<std::pair<Term, Term>> entries = base.map_entries();
  for (auto& [k, v] : kvs) {
    bool found = false;
    for (auto& e : entries)
      if (e.first == k) {
        e.second = v;
        found = true;
      }
    if (!found) {
      if (must_exist) raise_error(Term::tuple({Term(A("badkey")), k, base}));
      entries.emplace_back(k, v);
    }
  }
  return Term::map(std::move(entries));
}
}  // namespace actorscope::console::detail
