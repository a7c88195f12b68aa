#pragma once
// Atoms: interned names, compared in O(1) as 32-bit indices.
// Thread-safety: intern() and name() may be called from any thread at any time; an atom is never
// freed, so a string_view returned by name() stays valid for the life of the program.

#include <cstdint>
#include <string_view>

namespace actorscope {

struct Atom {
  uint32_t id = 0;
  constexpr bool operator==(const Atom&) const = default;
};

/// Returns the atom for `name`, creating it on first use. Cost: a hash lookup under a shared lock.
Atom intern(std::string_view name);
/// The text of an atom, without the leading colon (`ok`, `EXIT`, `Elixir.GenServer`).
std::string_view atom_name(Atom a);
/// Number of atoms interned so far.
uint32_t atom_count();

// Atoms the runtime uses, with fixed indices so they are compile-time constants.
// X(identifier, "text"). Order matters: the index is the position in this list.
#define ACTORSCOPE_ATOMS(X)                                                \
  X(nil, "nil") X(true_, "true") X(false_, "false") X(ok, "ok")            \
  X(error, "error") X(normal, "normal") X(kill, "kill") X(killed, "killed") \
  X(shutdown, "shutdown") X(noproc, "noproc") X(EXIT, "EXIT")              \
  X(DOWN, "DOWN") X(process, "process") X(undefined, "undefined")          \
  X(badarg, "badarg") X(badarith, "badarith") X(system_limit, "system_limit") \
  X(timeout, "timeout") X(infinity, "infinity") X(trap_exit, "trap_exit")  \
  X(links, "links") X(monitors, "monitors") X(monitored_by, "monitored_by") \
  X(status, "status") X(message_queue_len, "message_queue_len")            \
  X(messages, "messages") X(registered_name, "registered_name")            \
  X(reductions, "reductions") X(memory, "memory")                          \
  X(initial_call, "initial_call") X(current_function, "current_function")  \
  X(dictionary, "dictionary") X(running, "running") X(runnable, "runnable") \
  X(waiting, "waiting") X(suspended, "suspended") X(exiting, "exiting")    \
  X(ancestors, "$ancestors") X(dollar_initial_call, "$initial_call")       \
  X(flush, "flush") X(info, "info") X(nonode, "nonode@nohost")             \
  X(erlang, "erlang") X(apply, "apply") X(cpp, "cpp") X(fun, "fun")        \
  X(badfun, "badfun") X(exception, "exception") X(throw_, "throw")         \
  X(nocatch, "nocatch") X(inbox, "inbox") X(receive, "receive")            \
  X(unknown, "unknown") X(pid, "pid") X(port, "port")                      \
  X(group_leader, "group_leader") X(error_handler, "error_handler")        \
  X(priority, "priority") X(total_heap_size, "total_heap_size")            \
  X(heap_size, "heap_size") X(stack_size, "stack_size")                    \
  X(garbage_collection, "garbage_collection") X(suspending, "suspending")

namespace atoms {
enum Index : uint32_t {
#define ACTORSCOPE_ATOM_INDEX(id, text) id##_index,
  ACTORSCOPE_ATOMS(ACTORSCOPE_ATOM_INDEX)
#undef ACTORSCOPE_ATOM_INDEX
      predefined_count
};
#define ACTORSCOPE_ATOM_CONST(id, text) inline constexpr Atom id{id##_index};
ACTORSCOPE_ATOMS(ACTORSCOPE_ATOM_CONST)
#undef ACTORSCOPE_ATOM_CONST
}  // namespace atoms

}  // namespace actorscope
