// The built-in files' shared argument checks (declared in args.hpp).

#include "args.hpp"

namespace actorscope::console::detail {

namespace {
[[noreturn]] void badmap(const Term& t) { raise_error(Term::tuple({Term(A("badmap")), t})); }
}  // namespace

[[noreturn]] void badarg() { raise_error(Term(atoms::badarg)); }
[[noreturn]] void arg_error(const std::string& msg) { raise_message("ArgumentError", msg); }

const Term& need_pid(const Term& t) {
  if (!t.is_pid()) raise_bif_badarg("1st argument: not a pid");
  return t;
}
const Term& need_list(const Term& t) {
  if (!t.is_list() || !t.is_proper_list()) badarg();
  return t;
}
int64_t need_int(const Term& t) {
  if (!t.is_integer()) badarg();
  return t.as_integer();
}
Atom need_atom(const Term& t) {
  if (!t.is_atom()) badarg();
  return t.as_atom();
}
const Term& need_map(const Term& t) {
  if (!t.is_map()) badmap(t);
  return t;
}

[[noreturn]] void bif_arg_error(const std::string& what) {
  raise_bif_badarg(what);
}

[[noreturn]] void fce(const char* mod, const char* fun, int arity) {
  raise_error(make_exception("FunctionClauseError", {{Term(A("module")), Term(A(mod[0] == ':' ? std::string(mod + 1) : std::string("Elixir.") + mod))},
                                                     {Term(A("function")), Term(A(fun))},
                                                     {Term(A("arity")), Term(arity)}}));
}

std::vector<std::pair<Term, Term>> keyword_pairs(const Term& t) {
  std::vector<std::pair<Term, Term>> out;
  for (const Term& e : enumerate(t)) {
    if (!e.is_tuple() || e.tuple_size() != 2) badarg();
    out.emplace_back(e[0], e[1]);
  }
  return out;
}

std::mt19937_64& rng() {
  thread_local std::mt19937_64 g{std::random_device{}()};
  return g;
}

}  // namespace actorscope::console::detail
