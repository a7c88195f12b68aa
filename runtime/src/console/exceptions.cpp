// Errors of the console language: exception structs, raising, Exception.normalize/message and the
// "** (Kind) message" texts of errors and exits; String.Chars (to_string). Pure functions.

#include "interp.hpp"
#include "../utf8.hpp"

#include <algorithm>

namespace actorscope::console::detail {

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

namespace {
/// The message a BIF's error_info gives in a stacktrace's first frame, or nullptr.
const Term* error_info_message(const Term& stack) {
  if (!stack.is_list() || stack.is_empty_list()) return nullptr;
  const Term& frame = stack.head();
  if (!frame.is_tuple() || frame.tuple_size() != 4 || !frame[3].is_list()) return nullptr;
  for (const Term& kv : frame[3].list_elements())
    if (kv.is_tagged(A("error_info"), 2) && kv[1].is_map())
      if (const Term* m = kv[1].map_get(Term(A("message")))) return m;
  return nullptr;
}
}  // namespace

void raise_bif_badarg(const std::string& detail) {
  Term info = Term::map({{Term(A("module")), Term(A("erl_erts_errors"))},
                         {Term(A("message")), Term::binary("errors were found at the given arguments:\n\n  * " + detail + "\n")}});
  Term frame = Term::tuple({Term(A("erlang")), Term(A("apply")), Term(2),
                            Term::list({Term::tuple({Term(A("error_info")), info})})});
  throw ErlangError::with_stacktrace(Term(atoms::badarg), Term::list({frame}));
}

Term exception_from(const Term& reason, const Term& stacktrace) {
  Term e = normalize_exception(reason);
  if (reason.is_atom(atoms::badarg))
    if (const Term* msg = error_info_message(stacktrace)) return make_exception("ArgumentError", {{Term(A("message")), *msg}});
  return e;
}

std::string format_error(const Term& reason) {
  Term e = normalize_exception(reason);
  return "** (" + exception_name(e) + ") " + exception_message(e);
}

void raise_badarith(std::string call) { throw BlamedError(Term(atoms::badarith), std::move(call)); }

std::string format_top_error(const ErlangError& e) {
  std::string text = format_error(exception_for(e));
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
    return format_error(exception_from(reason[0], reason[1]));
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
    if (is_error_reason(e)) return "an exception was raised:\n    " + format_error(exception_from(e, reason[1]));
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
}  // namespace actorscope::console::detail
