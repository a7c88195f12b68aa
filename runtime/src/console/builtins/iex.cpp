// The IEx helpers (flush/0, pid/1, pid/3, c/1,2): imported in the shell, `import IEx.Helpers` in a
// script; they are Kernel built-ins here.

#include "args.hpp"

#include <fstream>
#include <sstream>

namespace actorscope::console::detail {

namespace {

struct NotInterrupt {
  Ctx* c;
  bool operator()(const Term& m) const { return !(c->interrupt && m == c->interrupt_token); }
};

}  // namespace

namespace {
/// IEx.Helpers.c/1,2: evaluates the file's top-level code (its modules get defined) in the calling
/// process, as iex compiles it; the modules it defined, in order.
Task<Term> compile_file(Ctx& c, Term path) {
  if (!path.is_binary()) raise_message("ArgumentError", "expected a binary path, got: " + inspect_pretty(path));
  std::string file(path.as_binary());
  std::ifstream in(file, std::ios::binary);
  if (!in) raise_message("ArgumentError", "could not find files " + file);
  std::stringstream text;
  text << in.rdbuf();
  CompileContext cc;
  for (Atom m : c.ip->module_names())
    if (auto def = c.ip->module(m))
      for (auto& [key, fd] : def->funs)
        if (!fd.priv) cc.modules[m.id].emplace_back(Atom{key.first}, key.second);
  ParseOutcome po = parse_program(text.str(), file, {}, &cc);
  if (!po.ok()) raise_message(po.error.kind, po.error.where(file));
  std::shared_ptr<Program> saved = c.prog;
  c.prog = po.program;
  Env env;
  std::vector<Term> defined;
  for (const Node* n : po.program->top) {
    Term v = co_await eval_top(c, n, env);
    if (n->kind == NodeKind::Defmodule && v.is_tagged(A("module"), 4)) defined.push_back(v[1]);
  }
  c.prog = saved;
  co_return Term::list(defined);
}
}  // namespace

void register_iex_builtins(BuiltinTable& t) {
  t.reg("Kernel", "c", 1).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await compile_file(c, a[0]); };
  t.reg("Kernel", "c", 2).async = [](Ctx& c, Args a) -> Task<Term> { co_return co_await compile_file(c, a[0]); };
  // IEx helpers (imported in the shell; scripts `import IEx.Helpers`).
  t.reg("Kernel", "flush", 0).async = [](Ctx& c, Args) -> Task<Term> {
    while (true) {
      auto m = co_await c.self.receive(NotInterrupt{&c}, 0);
      if (!m) break;
      c.ip->write(Stream::Out, inspect_pretty(*m, 80) + "\n");  // IO.inspect's layout, as iex's flush/0
    }
    co_return ok();
  };
  // iex's pid/3 is Erlang's shell helper :c.pid/3.
  for (const char* mod : {"Kernel", ":c"})
    t.reg(mod, "pid", 3).sync = [](Ctx&, Args& a) -> Term {
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
