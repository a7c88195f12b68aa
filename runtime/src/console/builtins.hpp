#pragma once
// The console language's built-in functions (Kernel, Process, IO, Enum, ... and IEx helpers):
// the lookups, over the table that builtins/table.cpp builds from the module files in builtins/.

#include "actorscope/task.hpp"
#include "actorscope/term.hpp"

#include <string>
#include <utility>
#include <vector>

namespace actorscope::console {

Atom kernel_atom();
/// True when Mod.fun/arity is a built-in that never suspends (usable in pure code and guards).
bool builtin_is_sync(Atom mod, Atom fun, int arity);

namespace detail {
struct Ctx;
using SyncFn = Term (*)(Ctx&, std::vector<Term>&);
using AsyncFn = Task<Term> (*)(Ctx&, std::vector<Term>);
struct Builtin {
  SyncFn sync = nullptr;
  AsyncFn async = nullptr;
};
const Builtin* find_builtin(Atom mod, Atom fun, int arity);
/// True for a module that has built-ins (IO, Process, Enum, ...).
bool builtin_module(Atom mod);
/// The built-in functions (name, arity) of a module, what `import Mod` brings in.
std::vector<std::pair<Atom, int>> builtin_exports(Atom mod);
/// Field order (without __exception__) of a struct the console knows: the built-in exceptions,
/// Task ("KeyError" -> key, term, message); nullptr for other modules. In pretty.cpp.
const std::vector<std::string>* struct_fields(std::string_view module);
/// Names of built-in modules, and "Mod.fun/arity" of every built-in, for completion.
std::vector<std::string> builtin_names();
}  // namespace detail

}  // namespace actorscope::console
