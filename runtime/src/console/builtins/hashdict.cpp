// HashDict's built-ins (deprecated since Elixir 1.3, still in 1.14): a dictionary kept here as a
// map, each function the Map function of the same name.

#include "args.hpp"

namespace actorscope::console::detail {

namespace {
/// Mod.fun/arity of Map, looked up when first called (the table is complete by then).
template <const char* Fun, int Arity>
Term via_map(Ctx& c, Args& a) {
  static const Builtin* b = find_builtin(A("Elixir.Map"), A(Fun), Arity);
  if (!b || !b->sync) badarg();
  return b->sync(c, a);
}
constexpr char kPut[] = "put", kGet[] = "get", kFetch[] = "fetch", kDelete[] = "delete", kHasKey[] = "has_key?",
               kKeys[] = "keys", kValues[] = "values", kToList[] = "to_list",
               kFetchBang[] = "fetch!", kDrop[] = "drop", kMerge[] = "merge", kPop[] = "pop";
}  // namespace

void register_hashdict_builtins(BuiltinTable& t) {
  t.reg("HashDict", "new", 0).sync = [](Ctx&, Args&) -> Term { return Term::map({}); };
  t.reg("HashDict", "put", 3).sync = via_map<kPut, 3>;
  t.reg("HashDict", "get", 2).sync = via_map<kGet, 2>;
  t.reg("HashDict", "get", 3).sync = via_map<kGet, 3>;
  t.reg("HashDict", "fetch", 2).sync = via_map<kFetch, 2>;
  t.reg("HashDict", "fetch!", 2).sync = via_map<kFetchBang, 2>;
  t.reg("HashDict", "delete", 2).sync = via_map<kDelete, 2>;
  t.reg("HashDict", "drop", 2).sync = via_map<kDrop, 2>;
  t.reg("HashDict", "has_key?", 2).sync = via_map<kHasKey, 2>;
  t.reg("HashDict", "keys", 1).sync = via_map<kKeys, 1>;
  t.reg("HashDict", "values", 1).sync = via_map<kValues, 1>;
  t.reg("HashDict", "to_list", 1).sync = via_map<kToList, 1>;
  t.reg("HashDict", "merge", 2).sync = via_map<kMerge, 2>;
  t.reg("HashDict", "pop", 2).sync = via_map<kPop, 2>;
  t.reg("HashDict", "pop", 3).sync = via_map<kPop, 3>;
  t.reg("HashDict", "size", 1).sync = [](Ctx&, Args& a) -> Term {
    return Term(static_cast<long long>(need_map(a[0]).map_entries().size()));
  };
}

}  // namespace actorscope::console::detail
