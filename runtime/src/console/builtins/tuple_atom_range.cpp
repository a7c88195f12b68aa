// The small modules Tuple, Atom and Range.

#include "args.hpp"

namespace actorscope::console::detail {

void register_tuple_atom_range_builtins(BuiltinTable& t) {
  t.reg("Tuple", "to_list", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) badarg();
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    return Term::list(v);
  };
  t.reg("Tuple", "append", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple()) raise_bif_badarg("1st argument: not a tuple");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v.push_back(a[1]);
    return Term::tuple(v);
  };
  t.reg("Tuple", "delete_at", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 || static_cast<size_t>(a[1].as_integer()) >= a[0].tuple_size())
      raise_bif_badarg("1st argument: out of range");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i)
      if (i != static_cast<size_t>(a[1].as_integer())) v.push_back(a[0][i]);
    return Term::tuple(v);
  };
  t.reg("Tuple", "insert_at", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_tuple() || !a[1].is_integer() || a[1].as_integer() < 0 || static_cast<size_t>(a[1].as_integer()) > a[0].tuple_size())
      raise_bif_badarg("1st argument: out of range");
    std::vector<Term> v;
    for (size_t i = 0; i < a[0].tuple_size(); ++i) v.push_back(a[0][i]);
    v.insert(v.begin() + a[1].as_integer(), a[2]);
    return Term::tuple(v);
  };
  t.reg("Tuple", "duplicate", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[1].is_integer() || a[1].as_integer() < 0) raise_error(Term(atoms::badarg));
    return Term::tuple(std::vector<Term>(static_cast<size_t>(a[1].as_integer()), a[0]));
  };
  t.reg("Atom", "to_string", 1).sync = [](Ctx&, Args& a) -> Term { return Term::binary(atom_name(need_atom(a[0]))); };
  t.reg("Range", "new", 2).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer())
      raise_message("ArgumentError", "ranges (first..last) expect both sides to be integers, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]));
    return make_range(a[0].as_integer(), a[1].as_integer(), a[0].as_integer() <= a[1].as_integer() ? 1 : -1);
  };
  t.reg("Range", "new", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer() || a[2].as_integer() == 0)
      raise_message("ArgumentError", "ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: " +
                                         inspect_pretty(a[0]) + ".." + inspect_pretty(a[1]) + "//" + inspect_pretty(a[2]));
    return make_range(a[0].as_integer(), a[1].as_integer(), a[2].as_integer());
  };
  t.reg("Range", "size", 1).sync = [](Ctx&, Args& a) -> Term { return Term(static_cast<long long>(enumerate(a[0]).size())); };
}

}  // namespace actorscope::console::detail
