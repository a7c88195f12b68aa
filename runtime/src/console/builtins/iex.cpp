// The IEx helpers (flush/0, pid/1, pid/3): imported in the shell, `import IEx.Helpers` in a
// script; they are Kernel built-ins here.

#include "args.hpp"

namespace actorscope::console::detail {

namespace {

struct NotInterrupt {
  Ctx* c;
  bool operator()(const Term& m) const { return !(c->interrupt && m == c->interrupt_token); }
};

}  // namespace

void register_iex_builtins(BuiltinTable& t) {
  // IEx helpers (imported in the shell; scripts `import IEx.Helpers`).
  t.reg("Kernel", "flush", 0).async = [](Ctx& c, Args) -> Task<Term> {
    while (true) {
      auto m = co_await c.self.receive(NotInterrupt{&c}, 0);
      if (!m) break;
      c.ip->write(Stream::Out, inspect_pretty(*m) + "\n");
    }
    co_return ok();
  };
  t.reg("Kernel", "pid", 3).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_integer() || !a[1].is_integer() || !a[2].is_integer()) badarg();
    ParseResult r = parse_term("#PID<" + inspect_pretty(a[0]) + "." + inspect_pretty(a[1]) + "." + inspect_pretty(a[2]) + ">");
    if (!r) badarg();
    return r.term();
  };
  t.reg("Kernel", "pid", 1).sync = [](Ctx&, Args& a) -> Term {
    if (!a[0].is_binary()) badarg();
    ParseResult r = parse_term("#PID<" + std::string(a[0].as_binary()) + ">");
    if (!r) badarg();
    return r.term();
  };
}

}  // namespace actorscope::console::detail
