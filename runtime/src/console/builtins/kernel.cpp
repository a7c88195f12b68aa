// Kernel's built-ins (the IEx helpers, also Kernel built-ins here, are in iex.cpp).

#include "args.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace actorscope::console::detail {

namespace {

/// struct(Mod, fields) (keys that are not fields are dropped) and struct!/2 (they raise KeyError).
Term struct_of(Ctx& c, Args& a, bool strict) {
  Atom mod = need_atom(a[0]);
  std::vector<std::pair<Term, Term>> pairs;
  if (a[1].is_map()) {
    pairs = a[1].map_entries();
  } else {
    for (const Term& e : need_list(a[1]).list_elements()) {
      if (!e.is_tuple() || e.tuple_size() != 2) badarg();
      pairs.emplace_back(e[0], e[1]);
    }
  }
  auto m = c.ip->module(mod);
  std::vector<std::pair<Term, Term>> kv;
  for (auto& [k, v] : pairs) {
    bool known = !m || !m->has_struct ||
                 std::any_of(m->struct_fields.begin(), m->struct_fields.end(), [&](auto& f) { return k.is_atom(f.first); });
    if (known || strict) kv.emplace_back(k, v);
  }
  return make_struct(c, mod, std::move(kv), c.ip->file, 0);
}

/// raise/1 and reraise/2: a message (RuntimeError), an exception struct or an exception module.
[[noreturn]] void raise_value(const Term& v) {
  if (v.is_binary()) raise_message("RuntimeError", std::string(v.as_binary()));
  if (v.is_map() && v.map_get(Term(intern("__exception__")))) raise_error(v);
  if (v.is_atom()) raise_error(exception_of(v, Term::empty_list()));
  arg_error("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " + inspect_pretty(v));
}

/// raise/2 and reraise/3: the exception Mod.exception(arg).
[[noreturn]] void raise_module(const Term& mod, const Term& arg) {
  if (!mod.is_atom()) badarg();
  raise_error(exception_of(mod, arg));
}

}  // namespace

void register_kernel_builtins(BuiltinTable& t) {
  t.reg("Kernel", "self", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.pid()); };
  t.reg("Kernel", "make_ref", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.make_ref()); };
  t.reg("Kernel", "send", 2).sync = [](Ctx& c, Args& a) -> Term { return do_send(c, a[0], a[1]); };
  t.reg("Kernel", "spawn", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], false, false); };
  t.reg("Kernel", "spawn_link", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], true, false); };
  t.reg("Kernel", "spawn_monitor", 1).sync = [](Ctx& c, Args& a) -> Term { return spawn_fun(c, a[0], false, true); };
  t.reg("Kernel", "spawn", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, false, false); };
  t.reg("Kernel", "spawn_link", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, true, false); };
  t.reg("Kernel", "spawn_monitor", 3).sync = [](Ctx& c, Args& a) -> Term { return spawn_mfa(c, a, false, true); };
  for (const char* mod : {"Kernel", ":erlang"})
    t.reg(mod, "exit", 1).sync = [](Ctx&, Args& a) -> Term { throw LangExit(a[0]); };
  t.reg("Kernel", "raise", 1).sync = [](Ctx&, Args& a) -> Term { raise_value(a[0]); };
  t.reg("Kernel", "raise", 2).sync = [](Ctx&, Args& a) -> Term { raise_module(a[0], a[1]); };
  t.reg("Kernel", "reraise", 2).sync = [](Ctx&, Args& a) -> Term { raise_value(a[0]); };
  t.reg("Kernel", "reraise", 3).sync = [](Ctx&, Args& a) -> Term { raise_module(a[0], a[1]); };
  t.reg("Kernel", "throw", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(Term::tuple({Term(atoms::nocatch), a[0]})); };
#define GUARD(name, expr)                                                           \
  t.reg("Kernel", name, 1).sync = [](Ctx&, Args& a) -> Term {                      \
    const Term& x = a[0];                                                           \
    return Term::boolean(expr);                                                     \
  };
  GUARD("is_atom", x.is_atom())
  GUARD("is_integer", x.is_integer())
  GUARD("is_float", x.is_float())
  GUARD("is_number", x.is_number())
  GUARD("is_binary", x.is_binary())
  GUARD("is_bitstring", x.is_binary())
  GUARD("is_list", x.is_list())
  GUARD("is_tuple", x.is_tuple())
  GUARD("is_map", x.is_map())
  GUARD("is_pid", x.is_pid())
  GUARD("is_reference", x.is_ref())
  GUARD("is_function", x.is_fun())
  GUARD("is_boolean", x.is_boolean())
  GUARD("is_nil", x.is_atom(atoms::nil))
#undef GUARD
  t.reg("Kernel", "is_function", 2).sync = [](Ctx&, Args& a) -> Term {
    return Term::boolean(a[0].is_fun() && a[1].is_integer() && a[0].as_fun()->arity() == a[1].as_integer());
  };
  t.reg("Kernel", "elem", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 ||
        static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      raise_bif_badarg("1st argument: out of range");
    return a[0][static_cast<size_t>(a[1].as_integer())];
  };
  t.reg("Kernel", "put_elem", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 ||
        static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      badarg();
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v[static_cast<size_t>(a[1].as_integer())] = a[2];
    return Term::tuple(v);
  };
  t.reg("Kernel", "tuple_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) badarg();
    return Term(static_cast<long long>(a[0].tuple_size()));
  };
  t.reg("Kernel", "length", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term(static_cast<long long>(need_list(a[0]).list_length()));
  };
  t.reg("Kernel", "hd", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_cons()) badarg();
    return a[0].head();
  };
  t.reg("Kernel", "tl", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_cons()) badarg();
    return a[0].tail();
  };
  t.reg("Kernel", "abs", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return Term(static_cast<long long>(std::llabs(a[0].as_integer())));
    if (a[0].is_float()) return Term(std::fabs(a[0].as_float()));
    badarg();
  };
  t.reg("Kernel", "div", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || a[1].as_integer() == 0)
      raise_badarith("div(" + inspect_pretty(a[0]) + ", " + inspect_pretty(a[1]) + ")");
    return Term(static_cast<long long>(a[0].as_integer() / a[1].as_integer()));
  };
  t.reg("Kernel", "rem", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || a[1].as_integer() == 0)
      raise_badarith("rem(" + inspect_pretty(a[0]) + ", " + inspect_pretty(a[1]) + ")");
    return Term(static_cast<long long>(a[0].as_integer() % a[1].as_integer()));
  };
  t.reg("Kernel", "max", 2).sync = [](Ctx&, Args& a) -> Term { return compare(a[0], a[1]) >= 0 ? a[0] : a[1]; };
  t.reg("Kernel", "min", 2).sync = [](Ctx&, Args& a) -> Term { return compare(a[0], a[1]) <= 0 ? a[0] : a[1]; };
  t.reg("Kernel", "round", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return a[0];
    if (!a[0].is_float()) badarg();
    return Term(static_cast<long long>(std::llround(a[0].as_float())));
  };
  t.reg("Kernel", "trunc", 1).sync = [](Ctx&, Args& a) -> Term {
    if (a[0].is_integer()) return a[0];
    if (!a[0].is_float()) badarg();
    return Term(static_cast<long long>(a[0].as_float()));
  };
  t.reg("Kernel", "map_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_map()) raise_error(Term::tuple({Term(intern("badmap")), a[0]}));
    return Term(static_cast<long long>(a[0].map_size()));
  };
  t.reg("Kernel", "byte_size", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    return Term(static_cast<long long>(a[0].as_binary().size()));
  };
  t.reg("Kernel", "to_string", 1).sync = [](Ctx& c, Args& a) -> Term { return Term::binary(to_string_term(c, a[0])); };
  t.reg("Kernel", "inspect", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(inspect_pretty(a[0])); };
  t.reg("Kernel", "inspect", 2).sync = [](Ctx&, Args& a) -> Term {
    bool pretty = false;
    if (a[1].is_list())
      for (const Term& kv : a[1].list_elements())
        if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(intern("pretty")) && kv[1].is_atom(atoms::true_)) pretty = true;
    return Term::binary(inspect_pretty(a[0], pretty ? inspect_width(a[1]) : kInspectOneLine, inspect_limit(a[1])));
  };
  t.reg("Kernel", "apply", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await apply_fun(c, a[0], need_list(a[1]).list_elements());
  };
  t.reg("Kernel", "apply", 3).async = [](Ctx& c, Args a) -> Task<Term> {
    co_return co_await apply_mfa(c, need_atom(a[0]), need_atom(a[1]), need_list(a[2]).list_elements());
  };
  t.reg("Kernel", "then", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await apply_fun(c, a[1], one(a[0])); };
  t.reg("Kernel", "struct", 2).sync = [](Ctx& c, Args& a) -> Term { return struct_of(c, a, false); };
  t.reg("Kernel", "struct!", 2).sync = [](Ctx& c, Args& a) -> Term { return struct_of(c, a, true); };
  // first..last//step
  t.reg("Kernel", "..//", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer())
      raise_message("ArgumentError", "ranges (first..last//step) expect both sides to be integers, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]) + "//" + inspect_pretty(a[2]));
    if (a[2].as_integer() == 0)
      raise_message("ArgumentError", "ranges (first..last//step) expect the step to be a non-zero integer, got: 0");
    return make_range(a[0].as_integer(), a[1].as_integer(), a[2].as_integer());
  };
  t.reg("Kernel", "tap", 2).async = [](Ctx& c, Args a) -> Task<Term> {
    (void)co_await apply_fun(c, a[1], one(a[0]));
    co_return a[0];
  };

  t.reg("Kernel", "ceil", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_number()) raise_error(Term(atoms::badarg));
    return a[0].is_integer() ? a[0] : Term(static_cast<long long>(std::ceil(a[0].as_float())));
  };
  t.reg("Kernel", "floor", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_number()) raise_error(Term(atoms::badarg));
    return a[0].is_integer() ? a[0] : Term(static_cast<long long>(std::floor(a[0].as_float())));
  };
}

}  // namespace actorscope::console::detail
