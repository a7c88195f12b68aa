// :erlang's built-ins, and the small modules that share its clock functions or belong with it:
// System and :os (monotonic_time, system_time), :rand (uniform/0,1). Node functions: node.cpp.

#include "args.hpp"

#include <chrono>
#include <random>

namespace actorscope::console::detail {

namespace {

/// A time in nanoseconds in the unit an Erlang time function is asked for.
Term time_in(int64_t ns, const Term& unit) {
  std::string_view u = unit.is_atom() ? atom_name(unit.as_atom()) : "";
  if (u == "native" || u == "nanosecond" || u == "nano_seconds") return Term(static_cast<long long>(ns));
  if (u == "microsecond" || u == "micro_seconds") return Term(static_cast<long long>(ns / 1000));
  if (u == "millisecond" || u == "milli_seconds") return Term(static_cast<long long>(ns / 1000000));
  if (u == "second" || u == "seconds") return Term(static_cast<long long>(ns / 1000000000));
  badarg();
}

int64_t system_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

void register_erlang_builtins(BuiltinTable& t) {
  t.reg(":erlang", "send_after", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[1], a[2], a[0], false); };
  t.reg(":erlang", "start_timer", 3).sync = [](Ctx& c, Args& a) -> Term { return start_timer(c, a[1], a[2], a[0], true); };
  t.reg(":erlang", "cancel_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], true); };
  t.reg(":erlang", "read_timer", 1).sync = [](Ctx& c, Args& a) -> Term { return timer_left(c, a[0], false); };
  // Monotonic time is the runtime's clock (virtual in deterministic mode); native unit = ns.
  for (const char* mod : {":erlang", "System"}) {
    t.reg(mod, "monotonic_time", 0).sync = [](Ctx& c, Args&) -> Term { return Term(static_cast<long long>(c.ip->rt.now_ns())); };
    t.reg(mod, "monotonic_time", 1).sync = [](Ctx& c, Args& a) -> Term { return time_in(c.ip->rt.now_ns(), a[0]); };
  }
  for (const char* mod : {":erlang", "System", ":os"}) {
    t.reg(mod, "system_time", 0).sync = [](Ctx&, Args&) -> Term { return Term(static_cast<long long>(system_ns())); };
    t.reg(mod, "system_time", 1).sync = [](Ctx&, Args& a) -> Term { return time_in(system_ns(), a[0]); };
  }
  t.reg(":erlang", "error", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(a[0]); };
  t.reg(":erlang", "throw", 1).sync = [](Ctx&, Args& a) -> Term { raise_error(Term::tuple({Term(atoms::nocatch), a[0]})); };
  t.reg(":erlang", "self", 0).sync = [](Ctx& c, Args&) -> Term { return Term(c.self.pid()); };
  t.reg(":erlang", "exit", 2).sync = [](Ctx& c, Args& a) -> Term { return Term::boolean(c.self.exit(need_pid(a[0]).as_pid(), a[1])); };
  t.reg(":erlang", "send", 2).sync = [](Ctx& c, Args& a) -> Term { return do_send(c, a[0], a[1]); };
  t.reg(":rand", "uniform", 0).sync = [](Ctx&, Args&) -> Term {
    return Term(std::uniform_real_distribution<double>(0.0, 1.0)(rng()));
  };
  t.reg(":rand", "uniform", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || a[0].as_integer() < 1) raise_error(Term(intern("function_clause")));
    return Term(static_cast<long long>(rng()() % static_cast<uint64_t>(a[0].as_integer())) + 1);
  };
}

}  // namespace actorscope::console::detail
