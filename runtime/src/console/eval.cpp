// The console language's evaluator: pure evaluation, pattern matching, and the coroutine
// evaluator that runs inside processes.

#include "interp.hpp"
#include "../utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sstream>

namespace actorscope::console::detail {

// ---- Interp ------------------------------------------------------------------------------------

void Interp::write(Stream s, const std::string& text) {
  if (muted.load(std::memory_order_relaxed)) return;
  std::lock_guard g(io_m_);
  if (sink) sink(s, text);
}

void Interp::log_error(const std::string& report) {
  // Elixir 1.14's Logger (console backend, on standard output):
  // "\nHH:MM:SS.mmm [error] Process #PID<...> raised an exception\n** (E) msg\n    stacktrace\n"
  // The console keeps no stacktraces, so the indented stack lines are not printed.
  auto now = std::chrono::system_clock::now();
  std::time_t tt = std::chrono::system_clock::to_time_t(now);
  int ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  write(Stream::Log, std::string("\n") + stamp + " [error] " + report + "\n");
}

void Interp::log_crash(Pid pid, const Term& reason) {
  log_error("Process " + inspect_pid(pid) + " raised an exception\n" + format_error(reason));
}

std::shared_ptr<const ModuleDef> Interp::module(Atom name) const {
  std::lock_guard g(modules_m_);
  auto it = modules_.find(name.id);
  return it == modules_.end() ? nullptr : it->second;
}

void Interp::define_module(std::shared_ptr<ModuleDef> m) {
  std::lock_guard g(modules_m_);
  modules_[m->name.id] = std::move(m);
}

std::vector<Atom> Interp::module_names() const {
  std::lock_guard g(modules_m_);
  std::vector<Atom> out;
  for (auto& [id, m] : modules_) out.push_back(Atom{id});
  return out;
}

void Ctx::check_stop() {
  if (ip->stop.load(std::memory_order_relaxed)) throw ProcessExit(Term(atoms::killed));
  if (ip->deadline_ns) {
    int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count();
    if (now > ip->deadline_ns) {
      ip->muted.store(true);
      ip->timed_out.store(true);
      ip->stop.store(true);
      throw ProcessExit(Term(atoms::killed));
    }
  }
  if (interrupt && interrupt->load(std::memory_order_relaxed)) throw Interrupted{};
}

namespace {
std::atomic<uint32_t> g_fun_index{0};
}

std::string Closure::describe() const {
  // Elixir prints #Function<42.3316493/1 in :erl_eval.expr/6> for funs made in the shell: the
  // number tells fn literals apart (the same literal, the same number).
  return std::to_string(fn_->index) + "." + std::to_string(3316493) + "/" +
         std::to_string(arity()) + " in :erl_eval.expr/6";
}

std::string FunRef::describe() const {
  if (local_)
    return "0.3316493/" + std::to_string(arity()) + " in " + inspect_atom(mod_) + "." + std::string(atom_name(fun_));
  std::string m = inspect_atom(mod_);
  return "&" + m + "." + std::string(atom_name(fun_)) + "/" + std::to_string(arity());
}

namespace {
/// The value of `import Mod` / `alias Mod` / `require Mod`: the module, as elixir returns it.
Term directive_value(const Node* n) {
  if (atom_name(n->name) != "use" && n->mod.id) return Term(n->mod);
  return Term(atoms::ok);
}
}  // namespace

bool truthy(const Term& t) { return !(t.is_atom(atoms::nil) || t.is_atom(atoms::false_)); }

// ---- errors --------------------------------------------------------------------------------------

namespace {
std::string to_string_atomish(const Term& t) { return t.is_atom() ? std::string(atom_name(t.as_atom())) : inspect_pretty(t); }
}  // namespace

Term exception_fields(std::string_view module, std::vector<std::pair<Term, Term>> fields) {
  fields.emplace_back(Term(A("__struct__")), Term(A("Elixir." + std::string(module))));
  fields.emplace_back(Term(A("__exception__")), Term(atoms::true_));
  return Term::map(std::move(fields));
}

Term make_exception(std::string_view module, std::vector<std::pair<Term, Term>> given) {
  const std::vector<std::string>* names = struct_fields(module);
  if (!names) return exception_fields(module, std::move(given));
  std::vector<std::pair<Term, Term>> fields;
  for (const std::string& f : *names) {
    Term dflt;
    if (f == "message") {
      if (module == "RuntimeError") dflt = Term::binary("runtime error");
      else if (module == "ArgumentError") dflt = Term::binary("argument error");
      else if (module == "ArithmeticError") dflt = Term::binary("bad argument in arithmetic expression");
      else if (module == "SystemLimitError") dflt = Term::binary("a system limit has been reached");
      else if (module == "Enum.EmptyError") dflt = Term::binary("empty error");
      else if (module == "Enum.OutOfBoundsError") dflt = Term::binary("out of bounds error");
    } else if (f == "description") {
      dflt = Term::binary("");
    }
    fields.emplace_back(Term(A(f)), dflt);
  }
  for (auto& [k, v] : given) {
    bool found = false;
    for (auto& [fk, fv] : fields)
      if (fk == k) {
        fv = v;
        found = true;
      }
    if (!found) fields.emplace_back(k, v);
  }
  return exception_fields(module, std::move(fields));
}

Term exception_of(const Term& module, const Term& arg) {
  std::string n(atom_name(module.as_atom()));
  std::string mod = n.rfind("Elixir.", 0) == 0 ? n.substr(7) : n;
  if (arg.is_binary()) return make_exception(mod, {{Term(A("message")), arg}});
  if (!arg.is_list())
    raise_error(make_exception("FunctionClauseError",
                               {{Term(A("module")), module}, {Term(A("function")), Term(A("exception"))}, {Term(A("arity")), Term(1)}}));
  std::vector<std::pair<Term, Term>> fields;
  if (arg.is_list())
    for (const Term& kv : arg.list_elements())
      if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom()) fields.emplace_back(kv[0], kv[1]);
  if (!struct_fields(mod) && std::none_of(fields.begin(), fields.end(), [](auto& kv) { return kv.first.is_atom(A("message")); }))
    fields.emplace_back(Term(A("message")), Term::binary(""));
  return make_exception(mod, std::move(fields));
}

Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist);

Term merge_child_spec(const Term& spec, const Term& overrides) {
  static const char* const keys[] = {"id", "start", "restart", "shutdown", "type", "modules", "significant"};
  std::vector<std::pair<Term, Term>> kv;
  if (overrides.is_list()) {
    for (const Term& o : overrides.list_elements()) {
      if (!o.is_tuple() || o.tuple_size() != 2 || !o[0].is_atom()) raise_error(Term(atoms::badarg));
      bool known = false;
      for (const char* k : keys) known = known || o[0].is_atom(A(k));
      if (!known) raise_message("ArgumentError", "unknown key " + inspect_pretty(o[0]) + " in child specification override");
      kv.emplace_back(o[0], o[1]);
    }
  } else if (overrides.is_map()) {
    kv = overrides.map_entries();
  } else {
    raise_error(Term(atoms::badarg));
  }
  return map_update(spec, std::move(kv), false);
}

std::optional<Term> default_child_spec(const ModuleDef& m, const Term& arg) {
  if (!m.use_kind.id) return std::nullopt;
  std::vector<std::pair<Term, Term>> kv = {
      {Term(A("id")), Term(m.name)},
      {Term(A("start")), Term::tuple({Term(m.name), Term(A("start_link")), Term::list({arg})})}};
  if (m.use_kind == A("Elixir.Task")) kv.emplace_back(Term(A("restart")), Term(A("temporary")));
  if (m.use_kind == A("Elixir.Supervisor")) kv.emplace_back(Term(A("type")), Term(A("supervisor")));
  return merge_child_spec(Term::map(std::move(kv)), m.use_opts);
}

Term exception(std::string_view module, std::string message) {
  return make_exception(module, {{Term(A("message")), Term::binary(message)}});
}

void raise_error(Term reason) { throw ErlangError(std::move(reason)); }
void raise_message(std::string_view module, std::string message) { raise_error(exception(module, std::move(message))); }

namespace {
std::string args_text(const Term& args) {
  std::string s;
  for (const Term& a : args.list_elements()) {
    if (!s.empty()) s += ", ";
    s += inspect_pretty(a);
  }
  return s;
}
bool is_exception(const Term& t) { return t.is_map() && t.map_get(Term(A("__exception__"))); }
const Term& field_or_nil(const Term& m, const char* f) {
  static const Term nil;
  const Term* v = m.map_get(Term(A(f)));
  return v ? *v : nil;
}
/// Exception.format_mfa/3, with anonymous funs ("-__FILE__/1-fun-0-") as "anonymous fn/1 in ...".
std::string format_mfa(const Term& mod, const Term& fun, const Term& arity) {
  std::string m = mod.is_atom() ? inspect_atom(mod.as_atom()) : inspect_pretty(mod);
  std::string a = inspect_pretty(arity);
  std::string f = fun.is_atom() ? std::string(atom_name(fun.as_atom())) : inspect_pretty(fun);
  if (f.size() > 1 && f[0] == '-') {
    size_t p = f.find("-fun-");
    if (p != std::string::npos) return "anonymous fn/" + a + " in " + m + "." + f.substr(1, p - 1);
  }
  return m + "." + f + "/" + a;
}
}  // namespace

std::string exception_name(const Term& exc) {
  const Term* st = exc.is_map() ? exc.map_get(Term(A("__struct__"))) : nullptr;
  if (!st || !st->is_atom()) return "ErlangError";
  std::string name(atom_name(st->as_atom()));
  if (name.rfind("Elixir.", 0) == 0) name = name.substr(7);
  return name;
}

Term normalize_exception(const Term& reason) {
  if (is_exception(reason)) return reason;
  auto one = [](const char* mod, const char* f, const Term& v) { return make_exception(mod, {{Term(A(f)), v}}); };
  if (reason.is_atom(atoms::badarith)) return make_exception("ArithmeticError", {});
  if (reason.is_atom(atoms::badarg)) return make_exception("ArgumentError", {});
  if (reason.is_atom(A("cond_clause"))) return make_exception("CondClauseError", {});
  if (reason.is_atom(A("system_limit"))) return make_exception("SystemLimitError", {});
  if (reason.is_atom(A("function_clause"))) return make_exception("FunctionClauseError", {});
  if (reason.is_tuple() && reason.tuple_size() >= 2 && reason[0].is_atom()) {
    std::string_view tag = atom_name(reason[0].as_atom());
    size_t n = reason.tuple_size();
    if (n == 2 && tag == "badmatch") return one("MatchError", "term", reason[1]);
    if (n == 2 && tag == "case_clause") return one("CaseClauseError", "term", reason[1]);
    if (n == 2 && tag == "try_clause") return one("TryClauseError", "term", reason[1]);
    if (n == 2 && tag == "with_clause") return one("WithClauseError", "term", reason[1]);
    if (n == 2 && tag == "badmap") return one("BadMapError", "term", reason[1]);
    if (n == 2 && tag == "badfun") return one("BadFunctionError", "term", reason[1]);
    if (n == 2 && tag == "badkey") return one("KeyError", "key", reason[1]);
    if (n == 3 && tag == "badkey")
      return make_exception("KeyError", {{Term(A("key")), reason[1]}, {Term(A("term")), reason[2]}});
    if (n == 2 && tag == "badarity" && reason[1].is_tuple() && reason[1].tuple_size() == 2)
      return make_exception("BadArityError", {{Term(A("function")), reason[1][0]}, {Term(A("args")), reason[1][1]}});
  }
  return one("ErlangError", "original", reason);
}

std::string exception_message(const Term& e) {
  std::string name = exception_name(e);
  const Term& msg = field_or_nil(e, "message");
  if (msg.is_binary()) return std::string(msg.as_binary());
  const Term& term = field_or_nil(e, "term");
  if (name == "MatchError") return "no match of right hand side value: " + inspect_pretty(term);
  if (name == "CaseClauseError") return "no case clause matching: " + inspect_pretty(term);
  if (name == "TryClauseError") return "no try clause matching: " + inspect_pretty(term);
  if (name == "WithClauseError") return "no with clause matching: " + inspect_pretty(term);
  if (name == "CondClauseError") return "no cond clause evaluated to a truthy value";
  if (name == "BadMapError") return "expected a map, got: " + inspect_pretty(term);
  if (name == "BadFunctionError") return "expected a function, got: " + inspect_pretty(term);
  if (name == "BadBooleanError")
    return "expected a boolean on left-side of \"" + to_string_atomish(field_or_nil(e, "operator")) +
           "\", got: " + inspect_pretty(term);
  if (name == "KeyError") {
    std::string s = "key " + inspect_pretty(field_or_nil(e, "key")) + " not found";
    if (!term.is_atom(atoms::nil)) s += " in: " + inspect_pretty(term);
    return s;
  }
  if (name == "FunctionClauseError")
    return "no function clause matching in " +
           format_mfa(field_or_nil(e, "module"), field_or_nil(e, "function"), field_or_nil(e, "arity"));
  if (name == "ErlangError") return "Erlang error: " + inspect_pretty(field_or_nil(e, "original"));
  if (name == "BadArityError") {
    const Term& f = field_or_nil(e, "function");
    const Term& args = field_or_nil(e, "args");
    long n = args.is_list() ? args.list_length() : 0;
    return inspect_pretty(f) + " with arity " + std::to_string(f.is_fun() ? f.as_fun()->arity() : 0) + " called with " +
           (n == 0 ? std::string("no arguments")
                   : std::to_string(n) + (n == 1 ? " argument (" : " arguments (") + args_text(args) + ")");
  }
  if (msg.is_atom(atoms::nil)) return "";
  return inspect_pretty(msg);
}

std::string format_error(const Term& reason) {
  Term e = normalize_exception(reason);
  return "** (" + exception_name(e) + ") " + exception_message(e);
}

void raise_badarith(std::string call) { throw BlamedError(Term(atoms::badarith), std::move(call)); }

std::string format_top_error(const ErlangError& e) {
  std::string text = format_error(e.reason());
  if (const auto* b = dynamic_cast<const BlamedError*>(&e); b && e.reason().is_atom(atoms::badarith))
    text += ": " + b->call();
  // elixir blames an uncaught FunctionClauseError with its arguments, which leaves four spaces
  // after the banner's first line.
  if (exception_name(normalize_exception(e.reason())) == "FunctionClauseError") text += "    ";
  return text;
}

namespace {
/// An error reason as a process exit carries it: an exception struct or a raw Erlang error.
bool is_error_reason(const Term& e) {
  bool exc = e.is_map() && e.map_get(Term(A("__exception__")));
  bool erl = e.is_atom(atoms::badarith) || e.is_atom(atoms::badarg) || e.is_atom(A("cond_clause")) ||
             (e.is_tuple() && e.tuple_size() >= 2 && e[0].is_atom() &&
              (e[0].is_atom(A("badmatch")) || e[0].is_atom(A("case_clause")) || e[0].is_atom(atoms::badfun) ||
               e[0].is_atom(A("badarity")) || e[0].is_atom(A("badkey")) || e[0].is_atom(A("badmap"))));
  return exc || erl;
}
}  // namespace

std::string format_report_reason(const Term& reason) {
  if (reason.is_atom(atoms::normal) || reason.is_atom(atoms::shutdown) || reason.is_tagged(atoms::shutdown, 2)) return "";
  if (reason.is_tuple() && reason.tuple_size() == 2 && reason[1].is_list() && is_error_reason(reason[0]))
    return format_error(reason[0]);
  return "** (stop) " + inspect_pretty(reason);
}

std::string format_exit(const Term& reason) {
  if (reason.is_atom(atoms::normal)) return "normal";
  if (reason.is_atom(atoms::shutdown)) return "shutdown";
  if (reason.is_atom(atoms::killed)) return "killed";
  if (reason.is_atom(atoms::noproc)) return "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started";
  if (reason.is_tagged(atoms::shutdown, 2)) return "shutdown: " + inspect_pretty(reason[1]);
  if (reason.is_tuple() && reason.tuple_size() == 2 && reason[1].is_list()) {
    const Term& e = reason[0];
    bool exc = e.is_map() && e.map_get(Term(A("__exception__")));
    bool erl = e.is_atom(atoms::badarith) || e.is_atom(atoms::badarg) || e.is_atom(A("cond_clause")) ||
               (e.is_tuple() && e.tuple_size() >= 2 && e[0].is_atom() &&
                (e[0].is_atom(A("badmatch")) || e[0].is_atom(A("case_clause")) || e[0].is_atom(atoms::badfun) ||
                 e[0].is_atom(A("badarity")) || e[0].is_atom(A("badkey")) || e[0].is_atom(A("badmap"))));
    if (exc || erl) return "an exception was raised:\n    " + format_error(e);
  }
  return inspect_pretty(reason);
}

// ---- String.Chars ----------------------------------------------------------------------------------

namespace {
void chardata(const Term& t, std::string& out, bool& ok) {
  if (t.is_binary()) {
    out += t.as_binary();
    return;
  }
  if (t.is_integer()) {
    int64_t cp = t.as_integer();
    if (cp < 0 || cp > 0x10FFFF) {
      ok = false;
      return;
    }
    actorscope::detail::append_utf8(out, static_cast<uint32_t>(cp));
    return;
  }
  if (t.is_list()) {
    Term cur = t;
    while (cur.is_cons()) {
      chardata(cur.head(), out, ok);
      if (!ok) return;
      cur = cur.tail();
    }
    if (!cur.is_empty_list()) chardata(cur, out, ok);
    return;
  }
  ok = false;
}
}  // namespace

std::string to_string_term(Ctx&, const Term& t) {
  if (t.is_binary()) return std::string(t.as_binary());
  if (t.is_atom()) {
    if (t.is_atom(atoms::nil)) return "";
    std::string n(atom_name(t.as_atom()));
    if (n.rfind("Elixir.", 0) == 0) return n.substr(7);
    return n;
  }
  if (t.is_number()) return inspect_pretty(t);
  if (t.is_list()) {
    std::string out;
    bool ok = true;
    chardata(t, out, ok);
    if (ok) return out;
    raise_message("ArgumentError", "cannot convert the given list to a string.\n\nTo be converted to a string, a list must either be empty or only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode code points\n  * a list containing one of these three elements\n\nPlease check the given list or call inspect/1 to get the list representation, got:\n\n" + inspect_pretty(t) + "\n");
  }
  std::string kind = t.is_pid() ? "PID" : t.is_ref() ? "Reference" : t.is_tuple() ? "Tuple" : t.is_map() ? "Map" : t.is_fun() ? "Function" : "Term";
  raise_error(exception_fields("Protocol.UndefinedError",
                               {{Term(A("message")),
                                 Term::binary("protocol String.Chars not implemented for " + inspect_pretty(t) + " of type " + kind)},
                                {Term(A("protocol")), Term(A("Elixir.String.Chars"))},
                                {Term(A("value")), t}}));
}

// ---- operators -------------------------------------------------------------------------------------

namespace {

[[noreturn]] void badarith() { raise_error(Term(atoms::badarith)); }

const char* op_text(Op op) {
  switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    default: return "?";
  }
}

[[noreturn]] void badarith(Op op, const Term& a, const Term& b) {
  raise_badarith(inspect_pretty(a) + " " + op_text(op) + " " + inspect_pretty(b));
}

Term arith(Op op, const Term& a, const Term& b) {
  if (!a.is_number() || !b.is_number()) badarith(op, a, b);
  if (op == Op::Div) {
    double d = b.as_number();
    if (d == 0.0) badarith(op, a, b);
    return Term(a.as_number() / d);
  }
  if (a.is_integer() && b.is_integer()) {
    long long x = a.as_integer(), y = b.as_integer(), r = 0;
    bool ovf = false;
    switch (op) {
      case Op::Add: ovf = __builtin_add_overflow(x, y, &r); break;
      case Op::Sub: ovf = __builtin_sub_overflow(x, y, &r); break;
      case Op::Mul: ovf = __builtin_mul_overflow(x, y, &r); break;
      default: badarith();
    }
    if (ovf) raise_message("ArithmeticError", "integer overflow: the console has no big integers");
    return Term(r);
  }
  double x = a.as_number(), y = b.as_number();
  switch (op) {
    case Op::Add: return Term(x + y);
    case Op::Sub: return Term(x - y);
    case Op::Mul: return Term(x * y);
    default: badarith();
  }
}

Term bool_op_error(const char* op, const Term& v) {
  raise_error(make_exception("BadBooleanError", {{Term(A("term")), v}, {Term(A("operator")), Term(A(op))}}));
}

bool is_range(const Term& t) {
  if (!t.is_map()) return false;
  const Term* s = t.map_get(Term(A("__struct__")));
  return s && s->is_atom(A("Elixir.Range"));
}

}  // namespace

Term make_range(int64_t first, int64_t last, int64_t step) {
  return Term::map({{Term(A("__struct__")), Term(A("Elixir.Range"))},
                    {Term(A("first")), Term(static_cast<long long>(first))},
                    {Term(A("last")), Term(static_cast<long long>(last))},
                    {Term(A("step")), Term(static_cast<long long>(step))}});
}

/// Elements of an enumerable: list, range, map (as {k, v}).
std::vector<Term> enumerate(const Term& t) {
  if (t.is_list()) {
    if (!t.is_proper_list()) raise_error(Term::tuple({Term(A("badarg")), t}));
    return t.list_elements();
  }
  if (is_range(t)) {
    int64_t a = t.map_get(Term(A("first")))->as_integer();
    int64_t b = t.map_get(Term(A("last")))->as_integer();
    int64_t s = t.map_get(Term(A("step")))->as_integer();
    std::vector<Term> out;
    if (s > 0)
      for (int64_t i = a; i <= b; i += s) out.push_back(Term(static_cast<long long>(i)));
    else if (s < 0)
      for (int64_t i = a; i >= b; i += s) out.push_back(Term(static_cast<long long>(i)));
    return out;
  }
  if (t.is_map()) {
    std::vector<Term> out;
    for (auto& [k, v] : t.map_entries()) out.push_back(Term::tuple({k, v}));
    return out;
  }
  raise_error(exception_fields("Protocol.UndefinedError",
                               {{Term(A("message")), Term::binary("protocol Enumerable not implemented for " + inspect_pretty(t) +
                                                                  " of type " + (t.is_tuple() ? "Tuple" : t.is_atom() ? "Atom" : t.is_integer() ? "Integer" : t.is_binary() ? "BitString" : "Term"))},
                                {Term(A("value")), t}}));
}

Term binop_values(Op op, const Term& a, const Term& b) {
  switch (op) {
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: return arith(op, a, b);
    case Op::Pow:
      if (!a.is_number() || !b.is_number()) badarith();
      if (a.is_integer() && b.is_integer() && b.as_integer() >= 0) {
        long long r = 1;
        for (long long i = 0; i < b.as_integer(); ++i)
          if (__builtin_mul_overflow(r, a.as_integer(), &r)) raise_message("ArithmeticError", "integer overflow");
        return Term(r);
      }
      return Term(std::pow(a.as_number(), b.as_number()));
    case Op::Concat:
      if (!a.is_binary() || !b.is_binary()) raise_message("ArgumentError", "expected binary argument in <> operator but got: " + inspect_pretty(a.is_binary() ? b : a));
      return Term::binary(std::string(a.as_binary()) + std::string(b.as_binary()));
    case Op::ListAdd: {
      if (!a.is_list() || !a.is_proper_list()) raise_error(Term(atoms::badarg));
      return Term::list(a.list_elements(), b);
    }
    case Op::ListSub: {
      if (!a.is_proper_list() || !b.is_proper_list() || !a.is_list() || !b.is_list()) raise_error(Term(atoms::badarg));
      std::vector<Term> xs = a.list_elements();
      for (const Term& y : b.list_elements()) {
        for (auto it = xs.begin(); it != xs.end(); ++it)
          if (*it == y) {
            xs.erase(it);
            break;
          }
      }
      return Term::list(xs);
    }
    case Op::Range:
      if (!a.is_integer() || !b.is_integer()) raise_message("ArgumentError", "ranges (first..last) expect both sides to be integers, got: " + inspect_pretty(a) + ".." + inspect_pretty(b));
      return make_range(a.as_integer(), b.as_integer(), a.as_integer() <= b.as_integer() ? 1 : -1);
    case Op::Eq: return Term::boolean(compare(a, b) == 0);
    case Op::Ne: return Term::boolean(compare(a, b) != 0);
    case Op::StrictEq: return Term::boolean(a == b);
    case Op::StrictNe: return Term::boolean(!(a == b));
    case Op::Lt: return Term::boolean(compare(a, b) < 0);
    case Op::Gt: return Term::boolean(compare(a, b) > 0);
    case Op::Le: return Term::boolean(compare(a, b) <= 0);
    case Op::Ge: return Term::boolean(compare(a, b) >= 0);
    case Op::In:
    case Op::NotIn: {
      bool found = false;
      if (is_range(b)) {
        if (a.is_integer()) {
          int64_t f = b.map_get(Term(A("first")))->as_integer(), l = b.map_get(Term(A("last")))->as_integer(),
                  s = b.map_get(Term(A("step")))->as_integer();
          int64_t x = a.as_integer();
          found = s > 0 ? (x >= f && x <= l && (x - f) % s == 0) : (x <= f && x >= l && (f - x) % (-s) == 0);
        }
      } else {
        for (const Term& e : enumerate(b))
          if (compare(a, e) == 0) {
            found = true;
            break;
          }
      }
      return Term::boolean(op == Op::In ? found : !found);
    }
    default: break;
  }
  raise_message("RuntimeError", "unsupported operator");
}

// ---- pure evaluation ---------------------------------------------------------------------------------

namespace {

Term call_builtin_sync(Ctx& c, const Node* n, Atom mod, std::vector<Term>& args) {
  const Builtin* b = find_builtin(mod, n->name, static_cast<int>(args.size()));
  if (!b || !b->sync) raise_message("RuntimeError", "not a pure built-in: " + std::string(atom_name(n->name)));
  return b->sync(c, args);
}

Term field(const Term& m, Atom name) {
  if (!m.is_map()) {
    if (m.is_atom())
      raise_error(make_exception("UndefinedFunctionError",
                                   {{Term(A("message")), Term::binary("function " + inspect_pretty(m) + "." + std::string(atom_name(name)) + "/0 is undefined (module " + inspect_pretty(m) + " is not available)")},
                                    {Term(A("module")), m}, {Term(A("function")), Term(name)}, {Term(A("arity")), Term(0)}}));
    raise_error(Term::tuple({Term(A("badmap")), m}));
  }
  const Term* v = m.map_get(Term(name));
  if (!v) raise_error(Term::tuple({Term(A("badkey")), Term(name), m}));
  return *v;
}

Term access(const Term& m, const Term& k) {
  if (m.is_map()) {
    const Term* v = m.map_get(k);
    return v ? *v : Term();
  }
  if (m.is_list()) {
    for (const Term& e : m.list_elements())
      if (e.is_tuple() && e.tuple_size() == 2 && e[0] == k) return e[1];
    return Term();
  }
  if (m.is_atom(atoms::nil)) return Term();
  raise_message("UndefinedFunctionError", "function " + inspect_pretty(m) + " does not implement the Access behaviour");
}

}  // namespace

/// %Mod{k: v}: see interp.hpp.
Term make_struct(Ctx& c, Atom mod, std::vector<std::pair<Term, Term>> kv, const std::string& file, int line) {
  std::string_view name = atom_name(mod);
  if (name.substr(0, 7) == "Elixir.") name = name.substr(7);
  if (auto m = c.ip->module(mod); m && m->has_struct) {
    std::vector<std::pair<Term, Term>> out{{Term(A("__struct__")), Term(mod)}};
    for (auto& [f, d] : m->struct_fields) out.emplace_back(Term(f), d);
    for (auto& [k, v] : kv) {
      auto it = std::find_if(out.begin() + 1, out.end(), [&](auto& e) { return e.first == k; });
      if (it == out.end())
        raise_error(exception_fields("KeyError", {{Term(A("key")), k}, {Term(A("term")), Term(mod)},
                                                  {Term(A("message")), Term::binary("key " + inspect_pretty(k) + " not found")}}));
      it->second = v;
    }
    return Term::map(std::move(out));
  }
  const std::vector<std::string>* fields = struct_fields(name);
  if (!fields || name == "Task") {
    std::string m(name);
    raise_error(exception_fields("CompileError",
                                 {{Term(A("message")), Term::binary(file + ":" + std::to_string(line) + ": " + m +
                                                                    ".__struct__/1 is undefined, cannot expand struct " + m +
                                                                    ". Make sure the struct name is correct. If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code")},
                                  {Term(A("file")), Term::binary(file)},
                                  {Term(A("line")), Term(line)}}));
  }
  for (auto& [k, v] : kv) {
    if (!k.is_atom() || std::find(fields->begin(), fields->end(), std::string(atom_name(k.as_atom()))) == fields->end()) {
      raise_error(exception_fields("KeyError", {{Term(A("key")), k}, {Term(A("term")), Term(mod)},
                                                {Term(A("message")), Term::binary("key " + inspect_pretty(k) + " not found")}}));
    }
  }
  return make_exception(name, std::move(kv));
}

/// The base of `%Mod{s | k: v}`: s must be a Mod struct (BadStructError).
Term struct_base(Atom mod, Term base) {
  if (!mod.id) return base;
  const Term* st = base.is_map() ? base.map_get(Term(A("__struct__"))) : nullptr;
  if (!st || !st->is_atom(mod)) {
    std::string_view name = atom_name(mod);
    if (name.substr(0, 7) == "Elixir.") name = name.substr(7);
    raise_error(exception_fields("BadStructError", {{Term(A("struct")), Term(mod)}, {Term(A("term")), base},
                                                    {Term(A("message")), Term::binary("expected a struct named " + std::string(name) +
                                                                                      ", got: " + inspect_pretty(base))}}));
  }
  return base;
}

Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist) {
  if (!base.is_map()) raise_error(Term::tuple({Term(A("badmap")), base}));
  std::vector<std::pair<Term, Term>> entries = base.map_entries();
  for (auto& [k, v] : kvs) {
    bool found = false;
    for (auto& e : entries)
      if (e.first == k) {
        e.second = v;
        found = true;
      }
    if (!found) {
      if (must_exist) raise_error(Term::tuple({Term(A("badkey")), k, base}));
      entries.emplace_back(k, v);
    }
  }
  return Term::map(std::move(entries));
}

Term make_fn(Ctx& c, const Node* n, const Env& env, const std::shared_ptr<Program>& prog);
std::shared_ptr<Program> current_program(Ctx& c);

Term eval_pure(Ctx& c, const Node* n, const Env& env) {
  switch (n->kind) {
    case NodeKind::Lit: return n->lit;
    case NodeKind::Module: return n->mod.id ? Term(n->mod) : Term();
    case NodeKind::Var: {
      const Term* v = env.find(n->name.id);
      if (!v) raise_message("CompileError", "undefined variable " + std::string(atom_name(n->name)));
      return *v;
    }
    case NodeKind::Pin: {
      const Term* v = env.find(n->name.id);
      if (!v) raise_message("CompileError", "undefined variable ^" + std::string(atom_name(n->name)));
      return *v;
    }
    case NodeKind::Str: {
      std::string s;
      for (const Node* k : n->kids) s += to_string_term(c, eval_pure(c, k, env));
      return Term::binary(s);
    }
    case NodeKind::Tuple: {
      std::vector<Term> v;
      v.reserve(n->kids.size());
      for (const Node* k : n->kids) v.push_back(eval_pure(c, k, env));
      return Term::tuple(v);
    }
    case NodeKind::List: {
      std::vector<Term> v;
      v.reserve(n->kids.size());
      for (const Node* k : n->kids) v.push_back(eval_pure(c, k, env));
      return n->tail ? Term::list(v, eval_pure(c, n->tail, env)) : Term::list(v);
    }
    case NodeKind::Map: {
      std::vector<std::pair<Term, Term>> kv;
      for (size_t i = 0; i + 1 < n->kids.size(); i += 2)
        kv.emplace_back(eval_pure(c, n->kids[i], env), eval_pure(c, n->kids[i + 1], env));
      if (n->tail) return map_update(struct_base(n->mod, eval_pure(c, n->tail, env)), std::move(kv), true);
      if (n->mod.id) return make_struct(c, n->mod, std::move(kv), c.ip->file, n->line);
      return Term::map(std::move(kv));
    }
    case NodeKind::UnOp: {
      Term v = eval_pure(c, n->kids[0], env);
      switch (n->op) {
        case Op::Neg:
          if (v.is_integer()) return Term(-v.as_integer());
          if (v.is_float()) return Term(-v.as_float());
          raise_badarith("-(" + inspect_pretty(v) + ")");
        case Op::Plus:
          if (!v.is_number()) raise_badarith("+(" + inspect_pretty(v) + ")");
          return v;
        case Op::Bang: return Term::boolean(!truthy(v));
        case Op::Not:
          if (!v.is_boolean()) raise_error(Term(atoms::badarg));
          return Term::boolean(!v.as_bool());
        default: break;
      }
      raise_message("RuntimeError", "bad unary operator");
    }
    case NodeKind::BinOp: {
      switch (n->op) {
        case Op::And: {
          Term a = eval_pure(c, n->kids[0], env);
          if (!a.is_boolean()) bool_op_error("and", a);
          return a.as_bool() ? eval_pure(c, n->kids[1], env) : a;
        }
        case Op::Or: {
          Term a = eval_pure(c, n->kids[0], env);
          if (!a.is_boolean()) bool_op_error("or", a);
          return a.as_bool() ? a : eval_pure(c, n->kids[1], env);
        }
        case Op::AndAnd: {
          Term a = eval_pure(c, n->kids[0], env);
          return truthy(a) ? eval_pure(c, n->kids[1], env) : a;
        }
        case Op::OrOr: {
          Term a = eval_pure(c, n->kids[0], env);
          return truthy(a) ? a : eval_pure(c, n->kids[1], env);
        }
        default: break;
      }
      Term a = eval_pure(c, n->kids[0], env);
      Term b = eval_pure(c, n->kids[1], env);
      return binop_values(n->op, a, b);
    }
    case NodeKind::Field: return field(eval_pure(c, n->kids[0], env), n->name);
    case NodeKind::Access: return access(eval_pure(c, n->kids[0], env), eval_pure(c, n->kids[1], env));
    case NodeKind::Call: {
      std::vector<Term> args;
      args.reserve(n->kids.size());
      for (const Node* k : n->kids) args.push_back(eval_pure(c, k, env));
      return call_builtin_sync(c, n, kernel_atom(), args);
    }
    case NodeKind::Remote: {
      std::vector<Term> args;
      args.reserve(n->kids.size());
      for (const Node* k : n->kids) args.push_back(eval_pure(c, k, env));
      return call_builtin_sync(c, n, n->mod, args);
    }
    case NodeKind::Fn: return make_fn(c, n, env, current_program(c));
    case NodeKind::Capture: {
      Atom mod = n->mod;
      if (!mod.id) mod = kernel_atom();
      return Term::fun(new FunRef(mod, n->name, n->arity, n->op == Op::Not));
    }
    case NodeKind::Attr: {
      if (!n->mod.id) raise_message("ArgumentError", "cannot read module attribute @" + std::string(atom_name(n->name)) + " outside a module");
      auto m = c.ip->module(n->mod);
      if (m) {
        auto it = m->attrs.find(n->name.id);
        if (it != m->attrs.end()) return it->second;
      }
      return Term();
    }
    case NodeKind::Directive: return directive_value(n);
    default: break;
  }
  raise_message("RuntimeError", "internal: expression is not pure");
}

// ---- pattern matching ---------------------------------------------------------------------------------

namespace {

using Binds = std::vector<std::pair<uint32_t, Term>>;

bool match_into(Ctx& c, const Node* p, const Term& v, const Env& env, Binds& binds) {
  switch (p->kind) {
    case NodeKind::Lit: return p->lit == v;
    case NodeKind::Var: {
      std::string_view nm = atom_name(p->name);
      if (nm == "_") return true;
      for (auto& [n, t] : binds)
        if (n == p->name.id) return t == v;
      binds.emplace_back(p->name.id, v);
      return true;
    }
    case NodeKind::Pin: {
      const Term* t = env.find(p->name.id);
      return t && *t == v;
    }
    case NodeKind::Tuple: {
      if (!v.is_tuple() || v.tuple_size() != p->kids.size()) return false;
      for (size_t i = 0; i < p->kids.size(); ++i)
        if (!match_into(c, p->kids[i], v[i], env, binds)) return false;
      return true;
    }
    case NodeKind::List: {
      Term cur = v;
      for (const Node* k : p->kids) {
        if (!cur.is_cons()) return false;
        if (!match_into(c, k, cur.head(), env, binds)) return false;
        Term next = cur.tail();
        cur = std::move(next);
      }
      if (p->tail) return match_into(c, p->tail, cur, env, binds);
      return cur.is_empty_list();
    }
    case NodeKind::Map: {
      if (!v.is_map()) return false;
      if (p->mod.id) {
        const Term* st = v.map_get(Term(A("__struct__")));
        if (!st || !st->is_atom(p->mod)) return false;
      }
      for (size_t i = 0; i + 1 < p->kids.size(); i += 2) {
        Term key = eval_pure(c, p->kids[i], env);
        const Term* val = v.map_get(key);
        if (!val || !match_into(c, p->kids[i + 1], *val, env, binds)) return false;
      }
      return true;
    }
    case NodeKind::Match:
      return match_into(c, p->kids[0], v, env, binds) && match_into(c, p->kids[1], v, env, binds);
    case NodeKind::BinOp:
      if (p->op == Op::Concat) {
        if (!v.is_binary()) return false;
        std::string_view prefix = p->kids[0]->lit.as_binary();
        std::string_view s = v.as_binary();
        if (s.substr(0, prefix.size()) != prefix) return false;
        return match_into(c, p->kids[1], Term::binary(s.substr(prefix.size())), env, binds);
      }
      if (p->op == Op::ListAdd) {
        Term cur = v;
        for (const Node* k : p->kids[0]->kids) {
          if (!cur.is_cons()) return false;
          if (!match_into(c, k, cur.head(), env, binds)) return false;
          Term next = cur.tail();
          cur = std::move(next);
        }
        return match_into(c, p->kids[1], cur, env, binds);
      }
      return false;
    case NodeKind::Module:
    case NodeKind::Attr: return eval_pure(c, p, env) == v;
    default: return false;
  }
}

void apply_binds(Env& env, Binds& binds) {
  for (auto& [n, t] : binds) env.set(n, std::move(t));
}

bool guard_ok(Ctx& c, const Node* g, const Env& env) {
  if (!g) return true;
  try {
    return eval_pure(c, g, env).is_atom(atoms::true_);
  } catch (...) {  // an error in a guard makes the guard fail
    return false;
  }
}

/// Tries a clause's patterns against args; fills `env` (a copy of the base) on success.
bool clause_matches(Ctx& c, const Clause& cl, const std::vector<Term>& args, const Env& base, Env& out) {
  if (cl.patterns.size() != args.size()) return false;
  Binds binds;
  for (size_t i = 0; i < args.size(); ++i)
    if (!match_into(c, cl.patterns[i], args[i], base, binds)) return false;
  out = base;
  apply_binds(out, binds);
  return guard_ok(c, cl.guard, out);
}

}  // namespace

bool match(Ctx& c, const Node* pat, const Term& v, Env& env) {
  Binds binds;
  if (!match_into(c, pat, v, env, binds)) return false;
  apply_binds(env, binds);
  return true;
}

// ---- funs and calls -------------------------------------------------------------------------------

/// The program whose code is running, for closures created by pure evaluation.
std::shared_ptr<Program> current_program(Ctx& c) { return c.prog; }

Term make_fn(Ctx&, const Node* n, const Env& env, const std::shared_ptr<Program>& prog) {
  return Term::fun(new Closure(prog, n, env, n->mod));
}

namespace {

/// RuntimeError.exception/1 and the like: the built-in exception modules' constructors.
bool is_exception_constructor(Atom mod, Atom fun, int arity) {
  std::string_view m = atom_name(mod);
  if (arity != 1 || atom_name(fun) != "exception" || m.substr(0, 7) != "Elixir.") return false;
  const auto* f = struct_fields(m.substr(7));
  return f && m != "Elixir.Task";
}

[[noreturn]] void undefined_function(Atom mod, Atom fun, int arity, bool module_exists) {
  std::string m = inspect_atom(mod);
  std::string msg = "function " + m + "." + std::string(atom_name(fun)) + "/" + std::to_string(arity) +
                    (module_exists ? " is undefined or private" : " is undefined (module " + m + " is not available)");
  raise_error(make_exception("UndefinedFunctionError", {{Term(A("message")), Term::binary(msg)},
                                                          {Term(A("module")), Term(mod)},
                                                          {Term(A("function")), Term(fun)},
                                                          {Term(A("arity")), Term(arity)}}));
}

[[noreturn]] void function_clause(const Callable& f, const std::vector<Term>& args) {
  (void)args;
  // An anonymous fn is named as the BEAM names it ("-__FILE__/1-fun-0-"), which Exception.message
  // turns into "anonymous fn/1 in :elixir_compiler_0.__FILE__/1".
  bool anon = f.fun.is_fun();
  Term mod = anon && !f.module.id ? Term(A("elixir_compiler_0")) : Term(f.module);
  Term fun = anon ? Term(A("-__FILE__/1-fun-0-")) : Term(f.name);
  raise_error(make_exception("FunctionClauseError",
                             {{Term(A("module")), mod}, {Term(A("function")), fun}, {Term(A("arity")), Term(f.arity)}}));
}

bool callable_of_fun(const Term& fun, Callable& out) {
  if (!fun.is_fun()) return false;
  auto* cl = dynamic_cast<Closure*>(fun.as_fun());
  if (!cl) return false;
  out.clauses = &cl->node()->clauses;
  out.env = cl->env();
  out.module = cl->module();
  out.arity = cl->arity();
  out.prog = cl->program();
  out.fun = fun;
  return true;
}

bool callable_of_module(Ctx& c, Atom mod, Atom fun, int arity, bool allow_private, Callable& out, bool& module_exists) {
  auto m = c.ip->module(mod);
  module_exists = m != nullptr;
  if (!m) return false;
  const FunctionDef* f = m->find(fun, arity);
  if (!f || (f->priv && !allow_private)) return false;
  out.clauses = &f->clauses;
  out.env = Env{};
  out.module = mod;
  out.name = fun;
  out.arity = arity;
  out.prog = m->program;
  out.keep = m;
  out.fun = Term();
  return true;
}

}  // namespace

namespace {
/// Sets the running program for the closures a body creates; restores it on exit.
struct ProgramScope {
  ProgramScope(Ctx& c, std::shared_ptr<Program> p) : c_(c), saved_(std::exchange(c.prog, std::move(p))) {}
  ~ProgramScope() { c_.prog = std::move(saved_); }
  ProgramScope(const ProgramScope&) = delete;
  ProgramScope& operator=(const ProgramScope&) = delete;
  Ctx& c_;
  std::shared_ptr<Program> saved_;
};
}  // namespace

/// Runs a callable to completion, looping over tail calls.
Task<Term> call_clauses(Ctx& c, Callable f, std::vector<Term> args) {
  while (true) {
    if (c.tick()) {
      c.check_stop();
      co_await c.self.yield();
    }
    Env env;
    const Clause* hit = nullptr;
    for (const Clause& cl : *f.clauses) {
      if (clause_matches(c, cl, args, f.env, env)) {
        hit = &cl;
        break;
      }
    }
    if (!hit) function_clause(f, args);
    ProgramScope scope(c, f.prog);  // the body's nodes stay alive while it runs
    std::shared_ptr<const void> keep = f.keep;
    Term r;
    if (hit->body->pure) {
      r = eval_pure(c, hit->body, env);
    } else {
      r = co_await eval(c, hit->body, env, true);
    }
    if (!c.tail_pending) co_return r;
    c.tail_pending = false;
    f = std::move(c.tail_fn);
    args = std::move(c.tail_args);
  }
}

namespace {

Task<Term> call_builtin(Ctx& c, const Builtin* b, std::vector<Term> args) {
  if (b->sync) co_return b->sync(c, args);
  co_return co_await b->async(c, std::move(args));
}

[[noreturn]] void bad_arity(const Term& fun, const std::vector<Term>& args) {
  raise_error(Term::tuple({Term(A("badarity")), Term::tuple({fun, Term::list(args)})}));
}

}  // namespace

Task<Term> apply_mfa(Ctx& c, Atom mod, Atom fun, std::vector<Term> args) {
  Callable f;
  bool exists = false;
  if (callable_of_module(c, mod, fun, static_cast<int>(args.size()), false, f, exists))
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  if (const Builtin* b = find_builtin(mod, fun, static_cast<int>(args.size())))
    co_return co_await call_builtin(c, b, std::move(args));
  if (is_exception_constructor(mod, fun, static_cast<int>(args.size()))) co_return exception_of(Term(mod), args[0]);
  if (args.size() == 1 && fun == A("child_spec"))
    if (auto m = c.ip->module(mod))
      if (auto spec = default_child_spec(*m, args[0])) co_return *spec;
  undefined_function(mod, fun, static_cast<int>(args.size()), exists || builtin_module(mod));
}

Task<Term> apply_fun(Ctx& c, Term fun, std::vector<Term> args) {
  if (!fun.is_fun()) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  if (fun.as_fun()->arity() != static_cast<int>(args.size())) bad_arity(fun, args);
  Callable f;
  if (callable_of_fun(fun, f)) co_return co_await call_clauses(c, std::move(f), std::move(args));
  auto* ref = dynamic_cast<FunRef*>(fun.as_fun());
  if (!ref) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  bool exists = false;
  if (ref->local() && callable_of_module(c, ref->mod(), ref->fun(), static_cast<int>(args.size()), true, f, exists))
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  co_return co_await apply_mfa(c, ref->mod(), ref->fun(), std::move(args));
}

// ---- the coroutine evaluator ------------------------------------------------------------------------

namespace {

/// Evaluates a subexpression (not in tail position). GCC 12 miscompiles co_await inside ?:, so the
/// choice between the pure and the coroutine evaluator is made here, in a plain function.
Task<Term> ready_term(Term t) { co_return t; }
Task<Term> ev(Ctx& c, const Node* n, Env& env) {
  if (n->pure) return ready_term(eval_pure(c, n, env));
  return eval(c, n, env, false);
}
#define EVAL(node, env) (co_await ev(c, (node), (env)))

/// Evaluates the arguments of a call.
Task<std::vector<Term>> eval_args(Ctx& c, const std::vector<Node*>& kids, Env& env, size_t from = 0) {
  std::vector<Term> args;
  args.reserve(kids.size() - from);
  for (size_t i = from; i < kids.size(); ++i) {
    if (kids[i]->pure)
      args.push_back(eval_pure(c, kids[i], env));
    else
      args.push_back(co_await eval(c, kids[i], env, false));
  }
  co_return args;
}

struct ReceiveState {
  Ctx* c;
  const Node* n;
  const Env* env;
  int hit = -1;
  bool interrupted = false;
  Env binds;
  bool operator()(const Term& msg) noexcept {
    try {
      return try_match(msg);
    } catch (...) {
      return false;
    }
  }
  bool try_match(const Term& msg) {
    if (c->interrupt && c->interrupt->load(std::memory_order_relaxed) && msg == c->interrupt_token) {
      interrupted = true;
      return true;
    }
    const auto& cls = n->clauses;
    std::vector<Term> one{msg};
    for (size_t i = 0; i < cls.size(); ++i) {
      if (clause_matches(*c, cls[i], one, *env, binds)) {
        hit = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }
};

struct ReceivePred {
  ReceiveState* st;
  bool operator()(const Term& m) const { return (*st)(m); }
};

Task<Term> eval_receive(Ctx& c, const Node* n, Env& env, bool tail) {
  int64_t timeout = kInfinity;
  if (n->kids[0]) {
    Term t = EVAL(n->kids[0], env);
    if (t.is_atom(atoms::infinity))
      timeout = kInfinity;
    else if (t.is_integer() && t.as_integer() >= 0)
      timeout = t.as_integer();
    else
      raise_error(Term::tuple({Term(A("timeout_value")), t}));
  }
  ReceiveState st{&c, n, &env, -1, false, Env{}};
  std::optional<Term> got;
  if (timeout == kInfinity) {
    got = co_await c.self.receive(ReceivePred{&st});
  } else {
    got = co_await c.self.receive(ReceivePred{&st}, timeout);
  }
  if (st.interrupted) throw Interrupted{};
  if (!got) {
    if (n->kids[1]->pure) co_return eval_pure(c, n->kids[1], env);
    Env inner = env;
    co_return co_await eval(c, n->kids[1], inner, tail);
  }
  const Clause& cl = n->clauses[static_cast<size_t>(st.hit)];
  Env inner = std::move(st.binds);
  if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
  co_return co_await eval(c, cl.body, inner, tail);
}

Task<Term> eval_call(Ctx& c, const Node* n, Env& env, bool tail) {
  std::vector<Term> args = co_await eval_args(c, n->kids, env);
  int arity = static_cast<int>(args.size());
  Callable f;
  bool exists = false;
  if (n->kind == NodeKind::Call) {
    if (n->mod.id && callable_of_module(c, n->mod, n->name, arity, true, f, exists)) {
      if (tail) {
        c.tail_pending = true;
        c.tail_fn = std::move(f);
        c.tail_args = std::move(args);
        co_return Term();
      }
      co_return co_await call_clauses(c, std::move(f), std::move(args));
    }
    if (const Builtin* b = find_builtin(kernel_atom(), n->name, arity))
      co_return co_await call_builtin(c, b, std::move(args));
    std::string msg = "undefined function " + std::string(atom_name(n->name)) + "/" + std::to_string(arity) +
                      " (there is no such import)";
    if (!n->parens && arity == 0)
      msg = "undefined variable \"" + std::string(atom_name(n->name)) + "\"";
    raise_error(exception_fields("CompileError",
                                 {{Term(A("message")), Term::binary(c.ip->file + ":" + std::to_string(n->line) + ": " + msg)},
                                  {Term(A("file")), Term::binary(c.ip->file)},
                                  {Term(A("line")), Term(n->line)}}));
  }
  // Remote: a module atom, or a receiver expression evaluating to one.
  Atom mod = n->mod;
  if (n->tail) {
    Term recv = EVAL(n->tail, env);
    if (recv.is_map() && arity == 0 && !n->parens) co_return field(recv, n->name);
    if (!recv.is_atom()) raise_error(Term::tuple({Term(A("badarg")), recv}));
    mod = recv.as_atom();
  }
  if (callable_of_module(c, mod, n->name, arity, false, f, exists)) {
    if (tail) {
      c.tail_pending = true;
      c.tail_fn = std::move(f);
      c.tail_args = std::move(args);
      co_return Term();
    }
    co_return co_await call_clauses(c, std::move(f), std::move(args));
  }
  if (const Builtin* b = find_builtin(mod, n->name, arity)) co_return co_await call_builtin(c, b, std::move(args));
  if (is_exception_constructor(mod, n->name, arity)) co_return exception_of(Term(mod), args[0]);
  if (arity == 1 && n->name == A("child_spec"))
    if (auto m = c.ip->module(mod))
      if (auto spec = default_child_spec(*m, args[0])) co_return *spec;
  undefined_function(mod, n->name, arity, exists || builtin_module(mod));
}

Task<Term> eval_dyncall(Ctx& c, const Node* n, Env& env, bool tail) {
  Term fun = EVAL(n->kids[0], env);
  std::vector<Term> args = co_await eval_args(c, n->kids, env, 1);
  if (!fun.is_fun()) raise_error(Term::tuple({Term(atoms::badfun), fun}));
  if (fun.as_fun()->arity() != static_cast<int>(args.size())) bad_arity(fun, args);
  Callable f;
  if (tail && callable_of_fun(fun, f)) {
    c.tail_pending = true;
    c.tail_fn = std::move(f);
    c.tail_args = std::move(args);
    co_return Term();
  }
  co_return co_await apply_fun(c, std::move(fun), std::move(args));
}

Task<Term> eval_defmodule(Ctx& c, const Node* n) {
  auto m = std::make_shared<ModuleDef>();
  m->name = n->name;
  m->program = c.prog;
  std::vector<const Node*> items;
  const Node* body = n->kids[0];
  if (body->kind == NodeKind::Block)
    items.assign(body->kids.begin(), body->kids.end());
  else
    items.push_back(body);
  Term last = Term();
  Env env;
  for (const Node* it : items) {
    if (it->kind == NodeKind::Def) {
      auto& fd = m->funs[{it->name.id, it->arity}];
      fd.priv = it->op == Op::Not;
      for (const Clause& cl : it->clauses) fd.clauses.push_back(cl);
      last = Term::tuple({Term(it->name), Term(it->arity)});
    } else if (it->kind == NodeKind::Attr && !it->kids.empty()) {
      m->attrs[it->name.id] = EVAL(it->kids[0], env);
    } else if (it->kind == NodeKind::Directive && atom_name(it->name) == "defstruct") {
      Term fields = EVAL(it->kids[0], env);
      m->has_struct = true;
      std::vector<std::string> names;
      for (const Term& f : fields.list_elements()) {
        if (f.is_atom()) m->struct_fields.emplace_back(f.as_atom(), Term());
        else m->struct_fields.emplace_back(f[0].as_atom(), f[1]);
        names.emplace_back(atom_name(m->struct_fields.back().first));
      }
      register_user_struct(m->name, std::move(names));
    } else if (it->kind == NodeKind::Directive) {
      if (atom_name(it->name) == "use" && it->mod == A("Elixir.GenServer")) m->genserver = true;
      if (atom_name(it->name) == "use" &&
          (it->mod == A("Elixir.GenServer") || it->mod == A("Elixir.Agent") || it->mod == A("Elixir.Task") ||
           it->mod == A("Elixir.Supervisor"))) {
        m->use_kind = it->mod;
        m->use_opts = Term::empty_list();
        if (!it->kids.empty()) m->use_opts = EVAL(it->kids[0], env);  // (no co_await inside ?:, see ev())
      }
    } else {
      // Define what exists so far so the body can call it (rare).
      last = EVAL(it, env);
    }
  }
  c.ip->define_module(m);
  co_return Term::tuple({Term(A("module")), Term(n->name), Term::binary(std::string("FOR1\0\0", 6)), last});
}

struct ForGen {
  static Task<void> run(Ctx& c, const Node* n, size_t i, Env env, std::vector<Term>& out) {
    size_t last = n->kids.size() - 1;
    if (i == last) {
      out.push_back(co_await ev(c, n->kids[last], env));
      co_return;
    }
    const Node* k = n->kids[i];
    if (k->kind == NodeKind::BinOp && k->op == Op::Arrow) {
      Term coll = co_await ev(c, k->kids[1], env);
      for (const Term& e : enumerate(coll)) {
        Env inner = env;
        if (!match(c, k->kids[0], e, inner)) continue;
        co_await run(c, n, i + 1, std::move(inner), out);
      }
      co_return;
    }
    Term f = co_await ev(c, k, env);
    if (truthy(f)) co_await run(c, n, i + 1, std::move(env), out);
  }
};

Task<Term> eval_for(Ctx& c, const Node* n, Env& env) {
  std::vector<Term> out;
  co_await ForGen::run(c, n, 0, env, out);
  co_return Term::list(out);
}

/// The rescue/catch clause of a try that handles an error (kind 0), exit (1) or throw (2), or
/// nullptr; fills `inner` with its bindings.
const Clause* try_handler(Ctx& c, const Node* n, int kind, const Term& err_reason, const Env& env, Env& inner) {
  // Erlang reasons become exception structs for rescue; catch sees them raw.
  Term exc = kind == 0 ? normalize_exception(err_reason) : err_reason;
  for (const Clause& cl : n->clauses) {
    inner = env;
    bool ok = false;
    if (cl.kind == 0 && kind == 0) {
      const Node* p = cl.patterns[0];
      const Term* st = exc.map_get(Term(A("__struct__")));
      auto type_ok = [&](const Node* types) {
        if (types->kind == NodeKind::Lit) return st && *st == types->lit;
        if (types->kind == NodeKind::List) {
          for (const Node* t : types->kids)
            if (t->kind == NodeKind::Lit && st && *st == t->lit) return true;
        }
        return false;
      };
      if (p->kind == NodeKind::Lit)
        ok = type_ok(p);
      else if (p->kind == NodeKind::BinOp && p->op == Op::In)
        ok = type_ok(p->kids[1]) && match(c, p->kids[0], exc, inner);
      else
        ok = match(c, p, exc, inner);
    } else if (cl.kind == 1 && cl.patterns.size() == 2) {
      Term k = Term(A(kind == 0 ? "error" : kind == 1 ? "exit" : "throw"));
      ok = match(c, cl.patterns[0], k, inner) && match(c, cl.patterns[1], err_reason, inner);
    } else if (cl.kind == 1 && cl.patterns.size() == 1 && kind == 2) {
      ok = match(c, cl.patterns[0], err_reason, inner);
    }
    if (ok && cl.guard && !guard_ok(c, cl.guard, inner)) ok = false;
    if (ok) return &cl;
  }
  return nullptr;
}

/// try: do, then rescue/catch (clause kinds 0/1) on an error, exit or throw, else (kind 2) on a
/// value; `after` runs in every case (not when the process is killed).
Task<Term> eval_try(Ctx& c, const Node* n, Env& env, bool) {
  std::optional<Term> result;
  Term err_reason;
  int kind = -1;  // 0 error, 1 exit, 2 throw
  try {
    Env inner = env;
    result = EVAL(n->kids[0], inner);
  } catch (const ErlangError& e) {
    kind = 0;
    err_reason = e.reason();
    if (err_reason.is_tagged(atoms::nocatch, 2)) {  // throw/1 (an uncaught throw ends as this error)
      kind = 2;
      err_reason = err_reason[1];
    }
  } catch (const LangExit& e) {
    kind = 1;
    err_reason = e.reason();
  }
  std::optional<Term> out;
  std::exception_ptr failed;
  try {
    if (result) {
      bool has_else = false;
      for (const Clause& cl : n->clauses) has_else = has_else || cl.kind == 2;
      if (!has_else) {
        out = *result;
      } else {
        std::vector<Term> one{*result};
        const Clause* hit = nullptr;
        Env inner;
        for (const Clause& cl : n->clauses)
          if (cl.kind == 2 && clause_matches(c, cl, one, env, inner)) {
            hit = &cl;
            break;
          }
        if (!hit) raise_error(Term::tuple({Term(A("try_clause")), *result}));
        out = EVAL(hit->body, inner);
      }
    } else {
      Env inner;
      const Clause* hit = try_handler(c, n, kind, err_reason, env, inner);
      if (hit) {
        out = EVAL(hit->body, inner);
      } else if (kind == 1) {
        throw LangExit(err_reason);
      } else if (kind == 2) {
        throw ErlangError(Term::tuple({Term(atoms::nocatch), err_reason}));
      } else {
        throw ErlangError(err_reason);
      }
    }
  } catch (const ErlangError&) {
    failed = std::current_exception();
  } catch (const LangExit&) {
    failed = std::current_exception();
  }
  if (n->kids[1]) {
    Env a = env;
    (void)EVAL(n->kids[1], a);
  }
  if (failed) std::rethrow_exception(failed);
  co_return *out;
}

}  // namespace

Task<Term> eval(Ctx& c, const Node* n, Env& env, bool tail) {
  if (c.tick()) {
    c.check_stop();
    co_await c.self.yield();
  }
  switch (n->kind) {
    case NodeKind::Block: {
      size_t last = n->kids.size() - 1;
      for (size_t i = 0; i < last; ++i) {
        if (n->kids[i]->pure)
          (void)eval_pure(c, n->kids[i], env);
        else
          (void)co_await eval(c, n->kids[i], env, false);
      }
      if (n->kids[last]->pure) co_return eval_pure(c, n->kids[last], env);
      co_return co_await eval(c, n->kids[last], env, tail);
    }
    case NodeKind::Match: {
      Term v = EVAL(n->kids[1], env);
      if (!match(c, n->kids[0], v, env)) raise_error(Term::tuple({Term(A("badmatch")), v}));
      co_return v;
    }
    case NodeKind::Case: {
      Term v = EVAL(n->kids[0], env);
      std::vector<Term> one{v};
      for (const Clause& cl : n->clauses) {
        Env inner;
        if (clause_matches(c, cl, one, env, inner)) {
          if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
          co_return co_await eval(c, cl.body, inner, tail);
        }
      }
      raise_error(Term::tuple({Term(A("case_clause")), v}));
    }
    case NodeKind::Cond: {
      for (const Clause& cl : n->clauses) {
        Env inner = env;
        Term t = EVAL(cl.patterns[0], inner);
        if (truthy(t)) {
          if (cl.body->pure) co_return eval_pure(c, cl.body, inner);
          co_return co_await eval(c, cl.body, inner, tail);
        }
      }
      raise_error(Term(A("cond_clause")));
    }
    case NodeKind::If: {
      Env inner = env;
      Term t = EVAL(n->kids[0], inner);
      const Node* branch = truthy(t) ? n->kids[1] : n->kids[2];
      if (!branch) co_return Term();
      Env b = env;
      if (branch->pure) co_return eval_pure(c, branch, b);
      co_return co_await eval(c, branch, b, tail);
    }
    case NodeKind::Receive: co_return co_await eval_receive(c, n, env, tail);
    case NodeKind::Call:
    case NodeKind::Remote: co_return co_await eval_call(c, n, env, tail);
    case NodeKind::DynCall: co_return co_await eval_dyncall(c, n, env, tail);
    case NodeKind::Defmodule: co_return co_await eval_defmodule(c, n);
    case NodeKind::For: co_return co_await eval_for(c, n, env);
    case NodeKind::Try: co_return co_await eval_try(c, n, env, tail);
    case NodeKind::Def: raise_message("ArgumentError", "cannot invoke def/2 outside module");
    case NodeKind::Directive: co_return directive_value(n);
    case NodeKind::Str: {
      std::string s;
      for (const Node* k : n->kids) s += to_string_term(c, EVAL(k, env));
      co_return Term::binary(s);
    }
    case NodeKind::Tuple: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      co_return Term::tuple(v);
    }
    case NodeKind::List: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      if (n->tail) co_return Term::list(v, EVAL(n->tail, env));
      co_return Term::list(v);
    }
    case NodeKind::Map: {
      std::vector<Term> v = co_await eval_args(c, n->kids, env);
      std::vector<std::pair<Term, Term>> kv;
      for (size_t i = 0; i + 1 < v.size(); i += 2) kv.emplace_back(v[i], v[i + 1]);
      if (n->tail) co_return map_update(struct_base(n->mod, EVAL(n->tail, env)), std::move(kv), true);
      if (n->mod.id) co_return make_struct(c, n->mod, std::move(kv), c.ip->file, n->line);
      co_return Term::map(std::move(kv));
    }
    case NodeKind::UnOp: {
      Term v = EVAL(n->kids[0], env);
      Node tmp;
      tmp.kind = NodeKind::UnOp;
      tmp.op = n->op;
      Node lit;
      lit.kind = NodeKind::Lit;
      lit.lit = v;
      tmp.kids = {&lit};
      co_return eval_pure(c, &tmp, env);
    }
    case NodeKind::BinOp: {
      Term a = EVAL(n->kids[0], env);
      switch (n->op) {
        case Op::And:
          if (!a.is_boolean()) bool_op_error("and", a);
          if (!a.as_bool()) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::Or:
          if (!a.is_boolean()) bool_op_error("or", a);
          if (a.as_bool()) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::AndAnd:
          if (!truthy(a)) co_return a;
          co_return EVAL(n->kids[1], env);
        case Op::OrOr:
          if (truthy(a)) co_return a;
          co_return EVAL(n->kids[1], env);
        default: break;
      }
      Term b = EVAL(n->kids[1], env);
      co_return binop_values(n->op, a, b);
    }
    case NodeKind::Field: co_return field(EVAL(n->kids[0], env), n->name);
    case NodeKind::Access: {
      Term m = EVAL(n->kids[0], env);
      co_return access(m, EVAL(n->kids[1], env));
    }
    case NodeKind::Attr:
      if (!n->kids.empty()) raise_message("ArgumentError", "cannot set module attribute @" + std::string(atom_name(n->name)) + " outside a module");
      co_return eval_pure(c, n, env);
    default: co_return eval_pure(c, n, env);
  }
}

Task<Term> eval_top(Ctx& c, const Node* n, Env& env) {
  if (n->pure) co_return eval_pure(c, n, env);
  co_return co_await eval(c, n, env, false);
}

// ---- processes ------------------------------------------------------------------------------------

Task<> process_main(Process& self, std::shared_ptr<Interp> ip, Term fun, Atom mod, Atom f, std::vector<Term> args) {
  Ctx c(self, ip);
  try {
    if (fun.is_fun())
      (void)co_await apply_fun(c, std::move(fun), std::move(args));
    else
      (void)co_await apply_mfa(c, mod, f, std::move(args));
  } catch (const ErlangError& e) {
    ip->log_crash(self.pid(), e.reason());
    throw;
  }
}

}  // namespace actorscope::console::detail
