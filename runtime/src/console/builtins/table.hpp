#pragma once
// The table of built-in functions (private to runtime/src/console): BuiltinTable, and the register
// function of each module file in builtins/ that fills it (table.cpp calls them all, in one list).
// The table is built once, on first use, and only read afterwards, from any thread.

#include "../builtins.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace actorscope::console::detail {

struct BuiltinTable {
  struct Entry {
    Atom mod, fun;
    int arity;
    Builtin b;
  };
  std::unordered_map<uint64_t, std::vector<Entry>> map;
  std::vector<std::string> names;
  std::set<uint32_t> modules;
  std::map<uint32_t, std::vector<std::pair<Atom, int>>> exports;
  /// Adds Mod.fun/arity and returns its entry, for the caller to set its .sync (a function that
  /// never suspends: usable in guards and pure code) or its .async (a coroutine). `mod` is an
  /// Elixir module without "Elixir." ("Kernel", "GenServer") or an Erlang module (":erlang").
  Builtin& reg(const char* mod, const char* fun, int arity);
  const Builtin* find(Atom m, Atom f, int arity) const;
};

// One register function per file in builtins/, each adding its module's functions.
void register_kernel_builtins(BuiltinTable& t);            // kernel.cpp: Kernel
void register_iex_builtins(BuiltinTable& t);               // iex.cpp: the IEx helpers (Kernel built-ins)
void register_exception_builtins(BuiltinTable& t);         // exception.cpp: Exception
void register_process_builtins(BuiltinTable& t);           // process.cpp: Process
void register_timer_builtins(BuiltinTable& t);             // timer.cpp: :timer
void register_erlang_builtins(BuiltinTable& t);            // erlang.cpp: :erlang, System, :os, :rand
void register_node_builtins(BuiltinTable& t);              // node.cpp: Node, node/0,1, :net_kernel, :rpc, :peer
void register_io_builtins(BuiltinTable& t);                // io.cpp: IO, :io
void register_enum_builtins(BuiltinTable& t);              // enum.cpp: Enum
void register_list_builtins(BuiltinTable& t);              // list.cpp: List
void register_map_builtins(BuiltinTable& t);               // map.cpp: Map
void register_keyword_builtins(BuiltinTable& t);           // keyword.cpp: Keyword
void register_string_builtins(BuiltinTable& t);            // string.cpp: String
void register_integer_builtins(BuiltinTable& t);           // integer.cpp: Integer
void register_tuple_atom_range_builtins(BuiltinTable& t);  // tuple_atom_range.cpp: Tuple, Atom, Range
void register_genserver_builtins(BuiltinTable& t);         // genserver.cpp: GenServer
void register_agent_builtins(BuiltinTable& t);             // agent.cpp: Agent
void register_task_builtins(BuiltinTable& t);              // task.cpp: Task
void register_supervisor_builtins(BuiltinTable& t);        // supervisor.cpp: Supervisor, DynamicSupervisor, Supervisor.Spec
void register_genevent_builtins(BuiltinTable& t);          // genevent.cpp: GenEvent
void register_logger_builtins(BuiltinTable& t);            // logger.cpp: Logger
void register_application_builtins(BuiltinTable& t);       // application.cpp: Application
void register_hashdict_builtins(BuiltinTable& t);          // hashdict.cpp: HashDict (deprecated, over maps)

}  // namespace actorscope::console::detail
