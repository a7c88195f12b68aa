#pragma once
// What the built-in module files share (private to runtime/src/console/builtins), each declared
// once: argument checks, small helpers, and the few functions one module's file defines for
// another's. They run in the calling process (its Ctx) and keep no state of their own.

#include "../interp.hpp"
#include "table.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace actorscope::console::detail {

using Args = std::vector<Term>;
// GCC 12 rejects braced lists inside co_await expressions ("array used as initializer").
inline Args one(const Term& a) { return Args{a}; }
inline Args two(const Term& a, const Term& b) { return Args{a, b}; }
inline Args three(const Term& a, const Term& b, const Term& c) { return Args{a, b, c}; }
inline Term T2(Term a, Term b) { return Term::tuple({std::move(a), std::move(b)}); }
inline Term ok() { return Term(atoms::ok); }
inline Runtime& rt(Ctx& c) { return c.self.runtime(); }

// ---- argument checks (args.cpp) ----------------------------------------------------------------
[[noreturn]] void badarg();
[[noreturn]] void arg_error(const std::string& msg);
/// A BIF's :badarg, explained as "errors were found at the given arguments: * <what>" (raise_bif_badarg).
[[noreturn]] void bif_arg_error(const std::string& what);
/// FunctionClauseError of mod.fun/arity ("Enum", or ":lists" for an Erlang module): what Elixir
/// raises for most bad arguments of its library functions.
[[noreturn]] void fce(const char* mod, const char* fun, int arity);
const Term& need_pid(const Term& t);
const Term& need_list(const Term& t);
int64_t need_int(const Term& t);
Atom need_atom(const Term& t);
const Term& need_map(const Term& t);  // BadMapError
/// The {key, value} pairs of an enumerable of 2-tuples (a keyword list, a map); badarg otherwise.
std::vector<std::pair<Term, Term>> keyword_pairs(const Term& t);
/// The random generator of Enum.random/shuffle and :rand (one per thread).
std::mt19937_64& rng();

// ---- defined by the module file named, used by others -----------------------------------------
// process.cpp
/// `node`: Runtime::add_node's id, or -1 for the caller's node.
Term spawn_fun(Ctx& c, const Term& fun, bool link, bool monitor, int node = -1);
Term spawn_mfa(Ctx& c, const Args& a, bool link, bool monitor, int node = -1);
Term do_send(Ctx& c, const Term& dest, const Term& msg);
// node.cpp
/// send({name, node}, msg): never fails; the name resolves on that node (R9.1, R9.6).
Term send_to_named(Ctx& c, const Term& dest, const Term& msg);
/// Process.monitor({name, node}): DOWN :noconnection when the node cannot be reached (R9.4).
Term monitor_named(Ctx& c, const Term& dest);
// timer.cpp
/// send_after(dest, msg, ms), or start_timer's {:timeout, ref, msg} when `wrap`: the timer's reference.
Term start_timer(Ctx& c, const Term& dest, const Term& msg, const Term& time, bool wrap);
/// cancel_timer / read_timer: the milliseconds left, or false for a timer that fired or is unknown.
Term timer_left(Ctx& c, const Term& ref, bool cancel);
/// Process.sleep/:timer.sleep (ms or :infinity); the shell's interrupt ends it.
Task<Term> sleep_ms(Ctx& c, const Term& t);
// io.cpp
/// IO.inspect/2 prints with pretty: true and width 80; `width:` changes it (0: one line).
int inspect_width(const Term& opts, int dflt = 80);
/// The `limit:` option of IO.inspect/2 and inspect/2 (default 50; :infinity: no limit).
int inspect_limit(const Term& opts);
// enum.cpp
/// A range's first, last and step; false for a non-range.
bool range_parts(const Term& r, int64_t& f, int64_t& l, int64_t& s);
/// Enum.slice's index range: [b, e) of a size-n enumerable for first..last//1 (negative indices
/// count from the end).
void slice_bounds(int64_t n, int64_t f, int64_t l, int64_t& b, int64_t& e);
/// Enum.zip/1 and List.zip/1: the tuples of the lists' i-th elements, as many as the shortest has.
Term zip_lists(const std::vector<std::vector<Term>>& ls);
// integer.cpp
/// Parses a leading integer in `base` (Integer.parse): {value, rest} or :error.
Term parse_int(std::string_view s, int base);

}  // namespace actorscope::console::detail
