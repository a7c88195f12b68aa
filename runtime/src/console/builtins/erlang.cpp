// :erlang's built-ins, and the small modules that share its clock functions or belong with it:
// System and :os (monotonic_time, system_time), :rand (uniform/0,1). Node functions: node.cpp.

#include "args.hpp"
#include "../eval_internal.hpp"

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

template <Op op>
Term binop(Ctx&, Args& a) {
  return binop_values(op, a[0], a[1]);
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
  t.reg(":erlang", "register", 2).sync = [](Ctx& c, Args& a) -> Term {
    if (!a[0].is_atom() || a[0].is_atom(intern("undefined"))) raise_bif_badarg("1st argument: not an atom");
    if (!a[1].is_pid()) raise_bif_badarg("2nd argument: not a pid or port");
    try {
      rt(c).register_name(a[1].as_pid(), a[0].as_atom());
    } catch (const ErlangError&) {
      raise_bif_badarg("2nd argument: the process is not alive, or already has a name, or the name is taken");
    }
    return Term(atoms::true_);
  };
  t.reg(":erlang", "unregister", 1).sync = [](Ctx& c, Args& a) -> Term {
    try {
      rt(c).unregister(need_atom(a[0]));
    } catch (const ErlangError&) {
      raise_bif_badarg("1st argument: the name is not registered");
    }
    return Term(atoms::true_);
  };
  t.reg(":erlang", "whereis", 1).sync = [](Ctx& c, Args& a) -> Term {
    Pid p = rt(c).whereis(need_atom(a[0]));
    return p.valid() ? Term(p) : Term(intern("undefined"));
  };
  t.reg(":erlang", "process_info", 2).sync = [](Ctx& c, Args& a) -> Term {
    Term r = rt(c).info(need_pid(a[0]).as_pid(), need_atom(a[1]));
    return r.is_atom(atoms::nil) ? Term(intern("undefined")) : r;
  };
  t.reg(":erlang", "send", 2).sync = [](Ctx& c, Args& a) -> Term { return do_send(c, a[0], a[1]); };
  // The operators as :erlang functions (for apply and :rpc.call): Erlang's names, Elixir's meaning.
  t.reg(":erlang", "+", 2).sync = &binop<Op::Add>;
  t.reg(":erlang", "-", 2).sync = &binop<Op::Sub>;
  t.reg(":erlang", "*", 2).sync = &binop<Op::Mul>;
  t.reg(":erlang", "/", 2).sync = &binop<Op::Div>;
  t.reg(":erlang", "==", 2).sync = &binop<Op::Eq>;
  t.reg(":erlang", "/=", 2).sync = &binop<Op::Ne>;
  t.reg(":erlang", "=:=", 2).sync = &binop<Op::StrictEq>;
  t.reg(":erlang", "=/=", 2).sync = &binop<Op::StrictNe>;
  t.reg(":erlang", "<", 2).sync = &binop<Op::Lt>;
  t.reg(":erlang", ">", 2).sync = &binop<Op::Gt>;
  t.reg(":erlang", "=<", 2).sync = &binop<Op::Le>;
  t.reg(":erlang", ">=", 2).sync = &binop<Op::Ge>;
  t.reg(":erlang", "++", 2).sync = &binop<Op::ListAdd>;
  t.reg(":erlang", "--", 2).sync = &binop<Op::ListSub>;
  t.reg(":rand", "uniform", 0).sync = [](Ctx&, Args&) -> Term {
    return Term(std::uniform_real_distribution<double>(0.0, 1.0)(rng()));
  };
  t.reg(":rand", "uniform", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || a[0].as_integer() < 1) raise_error(Term(intern("function_clause")));
    return Term(static_cast<long long>(rng()() % static_cast<uint64_t>(a[0].as_integer())) + 1);
  };
}

}  // namespace actorscope::console::detail
