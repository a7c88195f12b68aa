// Session: the interactive shell (iex) on the runtime.

#include "actorscope/console/session.hpp"

#include "interp.hpp"

#include <algorithm>
#include <condition_variable>
#include <set>

namespace actorscope::console {

using namespace detail;

InputStatus classify_input(std::string_view text) {
  ParseOutcome po = parse_program(text, "iex");
  if (po.ok()) return InputStatus::Complete;
  if (po.error.incomplete) return InputStatus::Incomplete;
  return InputStatus::Invalid;
}

struct Session::State {
  explicit State(Runtime& r) : rt(r) {}
  Runtime& rt;
  std::shared_ptr<Interp> ip;
  OutputFn output;
  std::function<void(Pid)> on_new_shell;
  std::string file;
  Term eval_token;
  Term interrupt_token;
  Term result_token;  // shell -> server: `result` is ready to print
  std::atomic<bool> interrupt{false};
  std::atomic<bool> closed{false};

  mutable std::mutex m;
  Env env;
  std::vector<std::pair<Atom, std::vector<std::pair<Atom, int>>>> imports;  // CompileContext::imports
  std::vector<std::pair<Atom, Atom>> aliases;                                // CompileContext::aliases
  int counter = 1;
  bool busy = false;
  bool taken = false;  // the shell has read `pending`
  std::string pending;
  std::string pending_file;  // the script `pending` came from ("" = typed input)
  DoneFn done;
  std::optional<EvalOutcome> result;  // set by the shell, taken by the server
  Pid shell;
  Pid server;
};

namespace {

// Predicates hold pointers, not Terms: GCC 12 may destroy a temporary of a co_await expression
// twice, which is harmless only for trivially destructible ones.
struct IsToken {
  const Term* token;
  bool operator()(const Term& m) const { return m == *token; }
};
struct IsDown {
  Ref ref;
  bool operator()(const Term& m) const { return m.is_tagged(atoms::DOWN, 5) && m[1].is_ref() && m[1].as_ref() == ref; }
};
struct Never {
  bool operator()(const Term&) const { return false; }
};
struct IsDownOrToken {
  Ref ref;
  const Term* token;
  bool operator()(const Term& m) const { return IsDown{ref}(m) || m == *token; }
};

void finish(Session::State& st, const EvalOutcome& out, bool count) {
  Session::DoneFn done;
  {
    std::lock_guard g(st.m);
    if (count) ++st.counter;
    st.busy = false;
    st.taken = false;
    done = std::move(st.done);
    st.done = nullptr;
  }
  if (done && !st.closed.load()) done(out);
}

/// A syntax or compile error in typed input as iex 1.14 prints it: lines counted from the prompt's
/// N, a one-line input's error pointed at under the line, a blank line after.
std::string format_shell_error(SyntaxError e, const std::string& input, int first_line) {
  if (e.line > 0) e.line += first_line - 1;
  std::string text = e.format("iex");
  std::string_view src(input);
  while (!src.empty() && src.back() == '\n') src.remove_suffix(1);
  if (e.kind == "SyntaxError" && e.column > 0 && src.find('\n') == std::string_view::npos) {
    std::string n = std::to_string(e.line);
    std::string gutter(n.size() + 3, ' ');
    text += "\n" + gutter + "|\n  " + n + " | " + std::string(src) + "\n" + gutter + "|" +
            std::string(static_cast<size_t>(e.column), ' ') + "^";
  }
  return text + "\n";
}

/// One line saying what to do instead, for typed input that is a step of a mix project (a
/// terminal command or a mix.exs), which the console cannot run; "" for other input.
std::string mix_hint(std::string_view input) {
  auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n'; };
  while (!input.empty() && space(input.front())) input.remove_prefix(1);
  while (!input.empty() && space(input.back())) input.remove_suffix(1);
  if (input.starts_with("iex "))
    return "Hint: this console is iex already; load a project's files with c \"lib/FILE.ex\" and start it "
           "with Application.start(:APP).";
  if (input.starts_with("mix ") || input == "mix")
    return "Hint: mix runs in a terminal, not in iex; here, type the project's modules (or c \"lib/FILE.ex\") "
           "and start it with Application.start(:APP).";
  return {};
}

Task<> shell_main(Process& self, std::shared_ptr<Session::State> st) {
  Ctx c(self, st->ip);
  c.interrupt = &st->interrupt;
  c.interrupt_token = st->interrupt_token;
  while (true) {
    (void)co_await self.receive(IsToken{&st->eval_token});
    // Interrupts aimed at an earlier evaluation are void.
    for (;;) {
      std::optional<Term> stale = co_await self.receive(IsToken{&st->interrupt_token}, 0);
      if (!stale) break;
    }
    st->interrupt.store(false);
    std::string input, script;
    Env env;
    {
      std::lock_guard g(st->m);
      input = st->pending;
      script = st->pending_file;
      env = st->env;
      st->taken = true;
    }
    std::vector<Atom> known;
    for (auto& [n, t] : env.vars) known.push_back(Atom{n});
    CompileContext cc;
    {
      std::lock_guard g(st->m);
      cc.imports = st->imports;
      cc.aliases = st->aliases;
    }
    for (Atom m : c.ip->module_names())
      if (auto def = c.ip->module(m)) {
        auto& pub = cc.modules[m.id];
        for (auto& [key, fd] : def->funs)
          if (!fd.priv) pub.emplace_back(Atom{key.first}, key.second);
        if (def->has_struct)
          for (auto& [f, d] : def->struct_fields) cc.structs[m.id].push_back(f);
      }
    int shell_line;  // iex numbers an input's lines from its prompt's N
    {
      std::lock_guard g(st->m);
      shell_line = st->counter;
    }
    const std::string& file = script.empty() ? st->file : script;
    ParseOutcome po = parse_program(input, file, known, &cc);
    EvalOutcome out;
    int line = 0;  // of the top-level expression being evaluated
    // Where an uncaught error in a script stopped it, as `elixir FILE` shows it.
    auto where = [&] { return script.empty() || line <= 0 ? std::string() : "\n    " + script + ":" + std::to_string(line) + ": (file)"; };
    if (!po.ok()) {
      out.status = EvalOutcome::Status::Error;
      out.text = script.empty() ? format_shell_error(po.error, input, shell_line) : po.error.format(file);
    } else {
      c.prog = po.program;
      try {
        Term v;
        for (const Node* n : po.program->top) {
          line = n->line;
          v = co_await eval_top(c, n, env);
        }
        // IEx prints results with pretty: true, width 80; none for IEx.dont_display_result().
        if (!v.is_atom(dont_display_result())) out.text = inspect_pretty(v, 80);
        std::lock_guard g(st->m);
        st->env = env;
        st->imports = cc.imports;
        st->aliases = cc.aliases;
      } catch (const ErlangError& e) {
        out.status = EvalOutcome::Status::Error;
        out.text = (e.reason().is_tagged(atoms::nocatch, 2) ? "** (throw) " + inspect_pretty(e.reason()[1])
                                                           : format_top_error(e)) +
                   where();
      } catch (const LangExit& e) {
        out.status = EvalOutcome::Status::Error;
        out.text = "** (exit) " + format_exit(e.reason()) + where();
      } catch (const Interrupted&) {
        out.status = EvalOutcome::Status::Interrupted;
        out.text = "** (Interrupted) evaluation interrupted";
      }
      c.prog = nullptr;
    }
    if (out.status == EvalOutcome::Status::Error && script.empty())
      if (std::string hint = mix_hint(input); !hint.empty()) {
        bool blank = out.text.ends_with("\n");
        if (blank) out.text.pop_back();
        out.text += "\n" + hint + (blank ? "\n" : "");
      }
    // iex's evaluator formats and writes its value while other schedulers run what the input woke:
    // a linked process that the input made crash kills it before it prints (1 ms of its time).
    // Then, as iex's evaluator, it hands the value to the server, which prints it: a message later
    // than the ones the input sent, so what the processes it woke print comes first.
    (void)co_await c.self.receive(Never{}, 1);
    Pid server;
    {
      std::lock_guard g(st->m);
      st->result = std::move(out);
      server = st->server;
    }
    c.self.send(server, st->result_token);
  }
}

/// Prints the shell's result (in the server, as iex's server prints its evaluator's).
void print_result(Session::State& st) {
  std::optional<EvalOutcome> out;
  {
    std::lock_guard g(st.m);
    out.swap(st.result);
  }
  if (!out) return;
  if (!out->text.empty())
    st.ip->write(out->status == EvalOutcome::Status::Ok ? Stream::Result : Stream::Error, out->text);
  finish(st, *out, out->status == EvalOutcome::Status::Ok);
}

Task<> server_main(Process& self, std::shared_ptr<Session::State> st, Pid first) {
  Pid shell = first;
  // The Session made this monitor before any input could reach the shell (a monitor taken here
  // could come after the first shell had already died, and report :noproc).
  static const Atom kMonitorTag = intern("$actorscope_shell_monitor");
  Term given = co_await self.receive([](const Term& t) { return t.is_tagged(kMonitorTag, 2); });
  Ref ref = given[1].as_ref();
  while (true) {
    Term down = co_await self.receive(IsDownOrToken{ref, &st->result_token});
    if (st->closed.load()) co_return;
    if (down == st->result_token) {
      print_result(*st);
      continue;
    }
    std::string text = "** (EXIT from " + inspect_pid(shell) + ") shell process exited with reason: " + format_exit(down[4]);
    st->ip->write(Stream::Error, text);
    // iex leaves a blank line, then greets the new shell with its banner (whose "press Ctrl+C to
    // exit (type h() ENTER for help)" this console has no use for: Ctrl+C interrupts here).
    st->ip->write(Stream::Out, "\n" + std::string(kRestartBanner) + "\n");
    std::pair<Pid, Ref> started = self.spawn_monitor(&shell_main, st);
    Pid pid = started.first;
    shell = pid;
    ref = started.second;
    bool was_busy, taken;
    {
      std::lock_guard g(st->m);
      st->shell = pid;
      st->counter = 1;  // a new shell's prompts count from iex(1) again, as iex's do
      was_busy = st->busy;
      taken = st->taken;
    }
    if (st->on_new_shell && !st->closed.load()) st->on_new_shell(pid);
    if (was_busy && !taken) {
      self.send(pid, st->eval_token);  // the input never reached the dead shell
    } else if (was_busy) {
      EvalOutcome out;
      out.status = EvalOutcome::Status::ShellDied;
      out.text = text;
      finish(*st, out, false);
    }
  }
}

}  // namespace

Session::Session(Runtime& rt, OutputFn output, SessionOptions opts) : rt_(rt), st_(std::make_shared<State>(rt)) {
  st_->output = std::move(output);
  st_->file = opts.file;
  st_->on_new_shell = std::move(opts.on_new_shell);
  st_->ip = std::make_shared<Interp>(rt);
  st_->ip->file = opts.file;
  std::weak_ptr<State> weak = st_;
  st_->ip->sink = [weak](Stream s, const std::string& text) {
    auto st = weak.lock();
    if (!st || st->closed.load() || !st->output) return;
    OutputKind k = s == Stream::Out ? OutputKind::Stdout
                   : s == Stream::Err ? OutputKind::Stderr
                   : s == Stream::Result ? OutputKind::Result
                   : s == Stream::Log    ? OutputKind::Log
                                         : OutputKind::Error;
    st->output(k, text);
  };
  st_->eval_token = Term::tuple({Term::atom("$actorscope_eval")});
  st_->interrupt_token = Term::tuple({Term::atom("$actorscope_interrupt")});
  st_->result_token = Term::tuple({Term::atom("$actorscope_result")});
  Pid shell = rt.spawn(&shell_main, st_);
  Pid server = rt.spawn(&server_main, st_, shell);
  std::optional<Ref> watch = rt.monitor(server, shell);  // both were just spawned: never nullopt
  rt.send(server, Term::tuple({Term::atom("$actorscope_shell_monitor"), Term(watch.value_or(Ref{}))}));
  std::lock_guard g(st_->m);
  st_->shell = shell;
  st_->server = server;
}

Session::~Session() {
  st_->closed.store(true);
  st_->ip->muted.store(true);
  Pid shell, server;
  {
    std::lock_guard g(st_->m);
    shell = st_->shell;
    server = st_->server;
  }
  rt_.exit(server, Term(atoms::kill));
  rt_.exit(shell, Term(atoms::kill));
}

bool Session::submit(std::string input, DoneFn done, std::string file) {
  Pid shell;
  {
    std::lock_guard g(st_->m);
    if (st_->busy) return false;
    st_->busy = true;
    st_->taken = false;
    st_->pending = std::move(input);
    st_->pending_file = std::move(file);
    st_->done = std::move(done);
    shell = st_->shell;
  }
  rt_.send(shell, st_->eval_token);
  return true;
}

bool Session::busy() const {
  std::lock_guard g(st_->m);
  return st_->busy;
}

void Session::interrupt() {
  Pid shell;
  {
    std::lock_guard g(st_->m);
    if (!st_->busy) return;
    shell = st_->shell;
  }
  st_->interrupt.store(true);
  rt_.send(shell, st_->interrupt_token);
}

EvalOutcome Session::eval(std::string input, int timeout_ms) {
  struct Wait {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    EvalOutcome out;
  };
  auto w = std::make_shared<Wait>();
  bool ok = submit(std::move(input), [w](const EvalOutcome& o) {
    std::lock_guard g(w->m);
    w->out = o;
    w->done = true;
    w->cv.notify_all();
  });
  if (!ok) return {EvalOutcome::Status::Error, "** (RuntimeError) the shell is busy"};
  if (rt_.deterministic()) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    rt_.run_ready();
    while (true) {
      {
        std::lock_guard g(w->m);
        if (w->done) return w->out;
      }
      if (std::chrono::steady_clock::now() > deadline || !rt_.step()) break;
    }
    std::lock_guard g(w->m);
    if (w->done) return w->out;
    return {EvalOutcome::Status::Timeout, ""};
  }
  std::unique_lock g(w->m);
  if (!w->cv.wait_for(g, std::chrono::milliseconds(timeout_ms), [&] { return w->done; }))
    return {EvalOutcome::Status::Timeout, ""};
  return w->out;
}

Pid Session::shell_pid() const {
  std::lock_guard g(st_->m);
  return st_->shell;
}

Pid Session::server_pid() const {
  std::lock_guard g(st_->m);
  return st_->server;
}

int Session::counter() const {
  std::lock_guard g(st_->m);
  return st_->counter;
}

std::string Session::prompt() const { return "iex(" + std::to_string(counter()) + ")> "; }

std::vector<std::string> Session::variables() const {
  std::vector<std::string> out;
  std::lock_guard g(st_->m);
  for (auto& [n, t] : st_->env.vars) {
    std::string name(atom_name(Atom{n}));
    if (!name.empty() && name[0] != '&') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Session::completions(std::string_view prefix) const {
  std::set<std::string> all;
  auto strip = [](std::string_view m) {
    std::string s(m);
    if (s.rfind("Elixir.", 0) == 0) return s.substr(7);
    return ":" + s;
  };
  // Built-ins: "Mod.fun/arity"
  for (const std::string& n : builtin_names()) {
    size_t slash = n.rfind('/');
    size_t dot = n.rfind('.', slash);
    std::string mod = n.substr(0, dot);
    std::string fun = n.substr(dot + 1, slash - dot - 1);
    if (mod == "Kernel") all.insert(fun);
    all.insert(mod + "." + fun);
    if (mod[0] != ':') all.insert(mod);
  }
  for (Atom m : st_->ip->module_names()) {
    std::string mod = strip(atom_name(m));
    all.insert(mod);
    if (auto def = st_->ip->module(m))
      for (auto& [key, f] : def->funs)
        if (!f.priv) all.insert(mod + "." + std::string(atom_name(Atom{key.first})));
  }
  for (const std::string& v : variables()) all.insert(v);
  for (const char* k : {"defmodule", "def", "defp", "receive", "case", "cond", "if", "unless", "fn", "for", "after",
                        "do", "end", "else", "true", "false", "nil", "import", "try", "rescue"})
    all.insert(k);
  std::vector<std::string> out;
  bool dotted = prefix.find('.') != std::string_view::npos;
  for (const std::string& s : all) {
    if (s.size() < prefix.size() || s.compare(0, prefix.size(), prefix) != 0) continue;
    if (!dotted && s.find('.') != std::string::npos) continue;
    out.push_back(s);
  }
  return out;
}


bool is_console_protocol(const Term& message) {
  if (!message.is_tuple() || message.tuple_size() < 1 || !message[0].is_atom()) return false;
  return atom_name(message[0].as_atom()).starts_with("$actorscope_");
}

std::string console_protocol_label(const Term& message) {
  if (!is_console_protocol(message)) return {};
  std::string_view tag = atom_name(message[0].as_atom()).substr(12);
  if (tag == "eval") return "input";
  if (tag == "shell_monitor") return "watch";
  return std::string(tag);
}

}  // namespace actorscope::console
