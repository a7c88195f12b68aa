// The built-in table: BuiltinTable, the one list of the module files' register functions, and
// the lookups the compile step and the evaluator use. Built once (a function-local static, so
// thread-safe), then only read.

#include "table.hpp"

namespace actorscope::console {

Atom kernel_atom() {
  static const Atom k = intern("Elixir.Kernel");
  return k;
}

namespace detail {

namespace {

uint64_t key(Atom mod, Atom fun, int arity) {
  return (static_cast<uint64_t>(mod.id) << 36) ^ (static_cast<uint64_t>(fun.id) << 8) ^ static_cast<uint64_t>(arity & 0xFF);
}

}  // namespace

Builtin& BuiltinTable::reg(const char* mod, const char* fun, int arity) {
  Atom m = intern(std::string(mod[0] == ':' ? mod + 1 : "Elixir." + std::string(mod)));
  Atom f = intern(fun);
  auto& v = map[key(m, f, arity)];
  v.push_back({m, f, arity, {}});
  names.push_back(std::string(mod) + "." + fun + "/" + std::to_string(arity));
  modules.insert(m.id);
  exports[m.id].emplace_back(f, arity);
  return v.back().b;
}

const Builtin* BuiltinTable::find(Atom m, Atom f, int arity) const {
  auto it = map.find(key(m, f, arity));
  if (it == map.end()) return nullptr;
  for (const Entry& e : it->second)
    if (e.mod == m && e.fun == f && e.arity == arity) return &e.b;
  return nullptr;
}

namespace {

/// Every module file's register function (a new module file adds its own here).
constexpr void (*kModules[])(BuiltinTable&) = {
    register_kernel_builtins,   register_iex_builtins,     register_exception_builtins,
    register_process_builtins,  register_timer_builtins,   register_erlang_builtins, register_node_builtins,
    register_io_builtins,       register_enum_builtins,    register_list_builtins,
    register_map_builtins,      register_keyword_builtins, register_string_builtins,
    register_integer_builtins,  register_tuple_atom_range_builtins,
    register_genserver_builtins, register_agent_builtins,  register_task_builtins,
    register_supervisor_builtins, register_genevent_builtins, register_logger_builtins,
    register_application_builtins, register_hashdict_builtins,
};

BuiltinTable build() {
  BuiltinTable t;
  for (auto register_module : kModules) register_module(t);
  return t;
}

const BuiltinTable& table() {
  static const BuiltinTable t = build();
  return t;
}

}  // namespace

const Builtin* find_builtin(Atom mod, Atom fun, int arity) { return table().find(mod, fun, arity); }

bool builtin_module(Atom mod) { return table().modules.count(mod.id) != 0; }

std::vector<std::pair<Atom, int>> builtin_exports(Atom mod) {
  auto it = table().exports.find(mod.id);
  return it == table().exports.end() ? std::vector<std::pair<Atom, int>>{} : it->second;
}

std::vector<std::string> builtin_names() { return table().names; }

}  // namespace detail

bool builtin_is_sync(Atom mod, Atom fun, int arity) {
  const detail::Builtin* b = detail::find_builtin(mod, fun, arity);
  return b && b->sync;
}

}  // namespace actorscope::console
