// The IEx helpers (flush/0, i/1, pid/1, pid/3, c/1,2): imported in the shell, `import IEx.Helpers` in a
// script; they are Kernel built-ins here.

#include "args.hpp"
#include "../../utf8.hpp"

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

/// The first byte of `b` that starts no valid UTF-8 sequence (as Erlang decodes it), or -1.
int first_invalid_utf8(std::string_view b) {
  uint32_t cp;
  for (size_t i = 0; i < b.size();) {
    size_t n = actorscope::detail::decode_utf8(b, i, cp);
    if (n == 0) return static_cast<unsigned char>(b[i]);
    i += n;
  }
  return -1;
}

/// The elements, inspected one by one, between `open` and `close` ("<<1, 2>>", "[97, 98]").
std::string raw_elements(const std::vector<Term>& elems, const char* open, const char* close) {
  std::string out = open;
  for (size_t i = 0; i < elems.size(); ++i) out += (i ? ", " : "") + inspect_pretty(elems[i]);
  return out + close;
}

/// IEx.Helpers.i/1 (IEx.Info): the term's sections as iex 1.14 prints them.
std::string info_text(Runtime& rt, const Term& t) {
  std::vector<std::pair<std::string, std::string>> sec;
  auto indent = [](const std::string& text) {
    std::string out = "  ";
    for (char ch : text) {
      out += ch;
      if (ch == '\n') out += "  ";
    }
    return out;
  };
  sec.emplace_back("Term", inspect_pretty(t, 78));
  const char* protocols = "IEx.Info, Inspect, List.Chars, String.Chars";
  if (t.is_pid()) {
    sec.emplace_back("Data type", "PID");
    Pid p = t.as_pid();
    bool alive = rt.alive(p);
    sec.emplace_back("Alive", alive ? "true" : "false");
    if (alive) {
      Term name = rt.info(p, atoms::registered_name);
      if (name.is_tuple() && name.tuple_size() == 2) name = name[1];  // {:registered_name, name}
      sec.emplace_back("Name", name.is_atom() && !name.is_atom(atoms::nil) ? inspect_pretty(name) : "not registered");
      Term links = rt.info(p, atoms::links);
      std::string ls;
      if (links.is_tuple() && links[1].is_list())
        for (const Term& l : links[1].list_elements()) ls += (ls.empty() ? "" : ", ") + inspect_pretty(l);
      sec.emplace_back("Links", ls.empty() ? "none" : ls);
      Term q = rt.info(p, atoms::message_queue_len);
      sec.emplace_back("Message queue length", q.is_tuple() ? inspect_pretty(q[1]) : "0");
    }
    sec.emplace_back("Description", "Use Process.info/1 to get more info about this process");
    sec.emplace_back("Reference modules", "Process, Node");
    protocols = "IEx.Info, Inspect";
  } else if (t.is_integer()) {
    sec.emplace_back("Data type", "Integer");
    sec.emplace_back("Reference modules", "Integer");
  } else if (t.is_float()) {
    sec.emplace_back("Data type", "Float");
    sec.emplace_back("Reference modules", "Float");
  } else if (t.is_atom()) {
    sec.emplace_back("Data type", "Atom");
    sec.emplace_back("Reference modules", "Atom");
  } else if (t.is_binary()) {
    std::string_view b = t.as_binary();
    sec.emplace_back("Data type", "BitString");
    sec.emplace_back("Byte size", std::to_string(b.size()));
    if (sec[0].second.starts_with('"')) {
      std::vector<Term> bytes;
      for (unsigned char ch : b) bytes.push_back(Term(static_cast<int64_t>(ch)));
      sec.emplace_back("Description",
                       "This is a string: a UTF-8 encoded binary. It's printed surrounded by\n"
                       "\"double quotes\" because all UTF-8 encoded code points in it are printable.");
      sec.emplace_back("Raw representation", raw_elements(bytes, "<<", ">>"));
      sec.emplace_back("Reference modules", "String, :binary");
    } else {
      int bad = first_invalid_utf8(b);
      sec.emplace_back("Description",
                       bad >= 0 ? "This is a binary: a collection of bytes. It's printed with the `<<>>`\n"
                                  "syntax (as opposed to double quotes) because it is not a UTF-8 encoded\n"
                                  "binary (the first invalid byte being `<<" + std::to_string(bad) + ">>`)"
                                : "This is a binary: a collection of bytes. It's printed with the `<<>>`\n"
                                  "syntax (as opposed to double quotes) because it contains non-printable\n"
                                  "UTF-8 encoded code points");
      sec.emplace_back("Reference modules", ":binary");
    }
    protocols = "Collectable, IEx.Info, Inspect, List.Chars, String.Chars";
  } else if (t.is_list()) {
    sec.emplace_back("Data type", "List");
    bool keyword = !t.is_empty_list() && t.is_proper_list();
    if (keyword)
      for (const Term& e : t.list_elements())
        if (!e.is_tuple() || e.tuple_size() != 2 || !e[0].is_atom()) keyword = false;
    if (sec[0].second.starts_with('\'')) {
      sec.emplace_back("Description",
                       "This is a list of integers that is printed as a sequence of characters\n"
                       "delimited by single quotes because all the integers in it represent printable\n"
                       "ASCII characters. Conventionally, a list of Unicode code points is known as a\n"
                       "charlist and a list of ASCII characters is a subset of it.");
      sec.emplace_back("Raw representation", raw_elements(t.list_elements(), "[", "]"));
      sec.emplace_back("Reference modules", "List");
    } else if (keyword) {
      sec.emplace_back("Description",
                       "This is what is referred to as a \"keyword list\". A keyword list is a list\n"
                       "of two-element tuples where the first element of each tuple is an atom.");
      sec.emplace_back("Reference modules", "Keyword, List");
    } else {
      sec.emplace_back("Reference modules", "List");
    }
    protocols = "Collectable, Enumerable, IEx.Info, Inspect, List.Chars, String.Chars";
  } else if (t.is_tuple()) {
    sec.emplace_back("Data type", "Tuple");
    sec.emplace_back("Reference modules", "Tuple");
    protocols = "IEx.Info, Inspect";
  } else if (t.is_map()) {
    sec.emplace_back("Data type", "Map");
    sec.emplace_back("Reference modules", "Map");
    protocols = "Collectable, Enumerable, IEx.Info, Inspect";
  } else if (t.is_ref()) {
    sec.emplace_back("Data type", "Reference");
    protocols = "IEx.Info, Inspect";
  } else if (t.is_fun()) {
    sec.emplace_back("Data type", "Function");
    sec.emplace_back("Description", "This is an anonymous function.");
    protocols = "Enumerable, IEx.Info, Inspect";
  }
  sec.emplace_back("Implemented protocols", protocols);
  std::string out;
  for (auto& [title, body] : sec) out += title + "\n" + indent(body) + "\n";
  return out;
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
  t.reg("Kernel", "i", 1).sync = [](Ctx& c, Args& a) -> Term {
    c.ip->write(Stream::Out, info_text(rt(c), a[0]));
    return Term(dont_display_result());
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
