#pragma once
// The console language's evaluator (private to runtime/src/console).
//
// Evaluation runs inside runtime processes: eval() is a coroutine, so `receive` suspends the
// process like any receive. Subtrees marked `pure` (no call that could suspend) are evaluated by
// the plain function eval_pure(), which is also what guards use. Calls in tail position return to
// the calling loop instead of nesting (Ctx::tail), so the classic `loop(state)` processes run in
// constant space.

#include "actorscope/console/ast.hpp"
#include "actorscope/errors.hpp"
#include "actorscope/runtime.hpp"
#include "builtins.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <utility>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace actorscope::console::detail {

/// Variable bindings of one scope; small, copied by value into inner scopes and closures.
struct Env {
  std::vector<std::pair<uint32_t, Term>> vars;
  const Term* find(uint32_t name) const {
    for (auto it = vars.rbegin(); it != vars.rend(); ++it)
      if (it->first == name) return &it->second;
    return nullptr;
  }
  void set(uint32_t name, Term v) {
    for (auto& [n, t] : vars)
      if (n == name) {
        t = std::move(v);
        return;
      }
    vars.emplace_back(name, std::move(v));
  }
};

struct FunctionDef {
  std::vector<Clause> clauses;
  bool priv = false;
};

struct ModuleDef {
  Atom name;
  std::shared_ptr<Program> program;  // keeps the clauses' nodes alive
  std::map<std::pair<uint32_t, int>, FunctionDef> funs;
  std::map<uint32_t, Term> attrs;
  bool genserver = false;
  /// `use GenServer|Agent|Task|Supervisor[, opts]`: the behaviour, and the options that its
  /// default child_spec/1 merges.
  Atom use_kind{};
  Term use_opts;
  /// `defstruct`: the fields with their defaults, in definition order.
  bool has_struct = false;
  std::vector<std::pair<Atom, Term>> struct_fields;
  const FunctionDef* find(Atom f, int arity) const {
    auto it = funs.find({f.id, arity});
    return it == funs.end() ? nullptr : &it->second;
  }
};

/// Where a piece of output goes: the two IO streams, and (for the shell) values and errors.
enum class Stream : uint8_t { Out, Err, Result, Error, Log };

/// State shared by every process of one console session or script run.
class Interp {
 public:
  explicit Interp(Runtime& r) : rt(r) {}
  Runtime& rt;
  std::string file = "iex";
  /// Where IO goes; called from runtime threads, serialised by write().
  std::function<void(Stream, const std::string&)> sink;
  /// Set to end every evaluation at its next step (time limit, shutdown).
  std::atomic<bool> stop{false};
  /// Steady-clock deadline in ns since epoch; 0 = none.
  int64_t deadline_ns = 0;
  /// Suppresses output (after a time limit or a shutdown).
  std::atomic<bool> muted{false};
  /// Set when an evaluation found the deadline passed.
  std::atomic<bool> timed_out{false};

  void write(Stream s, const std::string& text);
  /// "warning: <text>" on stderr the first time this session meets `text` (a deprecation Elixir
  /// reports once per call site at compile time). Thread-safe.
  void warn_once(const std::string& text);
  /// The crash report of `pid` (Elixir's "Process ... raised an exception"), written by the
  /// session's logger process (spawned on first use, as Elixir's Logger is a process): the report
  /// reaches the screen after what the crash causes at once (a linked shell's EXIT, a script's
  /// halt, which drops it). The first report waits kLoggerWarmupMs, as Elixir's first does
  /// (loading the formatter). Called by the crashing process; thread-safe.
  void log_crash(Process& self, const std::shared_ptr<Interp>& me, Pid pid, const Term& reason);
  /// log() through the logger process (on node 0), as log_crash does; `crashed` makes it a crash
  /// report of that pid, worded by the logger.
  void log_later(Process& self, const std::shared_ptr<Interp>& me, int severity, std::string_view level,
                 const std::string& text, Pid crashed = Pid{});
  static constexpr int64_t kLoggerWarmupMs = 15;
  /// Logger's level as syslog severities: 0 emergency .. 3 error .. 6 info, 7 debug (all); -1 none.
  std::atomic<int> log_level{7};
  /// "\nHH:MM:SS.mmm [level] text\n" when `severity` passes log_level (Logger's console backend).
  void log(int severity, std::string_view level, const std::string& text);
  /// "\nHH:MM:SS.mmm [error] <report>\n", as Elixir 1.14's Logger prints on standard output.
  void log_error(const std::string& report);

  /// Applications of the session (Application.start/stop/get_env): per application name, its
  /// record `%{mod: {m, args} | nil, applications: [...], env: %{}, master: pid | nil}`.
  /// Guarded by apps_m; read and changed by the processes that call Application functions.
  std::mutex apps_m;
  std::map<uint32_t, Term> apps;

  std::shared_ptr<const ModuleDef> module(Atom name) const;
  void define_module(std::shared_ptr<ModuleDef> m);
  std::vector<Atom> module_names() const;

 private:
  mutable std::mutex io_m_;
  std::mutex logger_m_;
  Pid logger_;  // guarded by logger_m_
  std::set<std::string> warned_;  // guarded by io_m_
  mutable std::mutex modules_m_;
  std::map<uint32_t, std::shared_ptr<const ModuleDef>> modules_;
};

/// Thrown into the shell's evaluation by Session::interrupt().
struct Interrupted {};

/// `exit(reason)` called by the language (the shell catches it; the runtime's own ProcessExit,
/// thrown when a signal kills the process, it does not).
class LangExit : public ProcessExit {
 public:
  using ProcessExit::ProcessExit;
};

/// A callable found for a call: clauses plus their closure environment.
struct Callable {
  const std::vector<Clause>* clauses = nullptr;
  Env env;
  Atom module{};
  Atom name{};
  int arity = 0;
  std::shared_ptr<Program> prog;     // keeps the clauses' nodes alive
  std::shared_ptr<const void> keep;  // the ModuleDef of a module function
  Term fun;                           // the fun term, for error messages (nil for module functions)
};

/// Per-process evaluation context.
struct Ctx {
  Ctx(Process& p, std::shared_ptr<Interp> i) : self(p), ip(std::move(i)) {}
  Process& self;
  std::shared_ptr<Interp> ip;
  /// The program whose code is running (closures created now keep it alive).
  std::shared_ptr<Program> prog;
  uint32_t steps = 0;
  /// Shell only: set by Session::interrupt(); `interrupt_token` wakes a blocked receive.
  std::atomic<bool>* interrupt = nullptr;
  Term interrupt_token;
  // Pending tail call, set by eval() in tail position, consumed by call_clauses().
  bool tail_pending = false;
  Callable tail_fn;
  std::vector<Term> tail_args;
  /// Counts a reduction; every so often yields and checks interruption/time limit. A yield also
  /// unwinds the C stack: where symmetric transfer is not compiled to tail calls (sanitizer
  /// builds), every completed co_await leaves a C frame behind until the process yields.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  static constexpr uint32_t kYieldMask = 63;
#else
  static constexpr uint32_t kYieldMask = 1023;
#endif
  bool tick() { return (++steps & kYieldMask) == 0; }
  void check_stop();
};

/// A closure: an `fn` with its environment.
class Closure final : public FunObject {
 public:
  Closure(std::shared_ptr<Program> prog, const Node* fn, Env env, Atom module)
      : FunObject(fn->arity), prog_(std::move(prog)), fn_(fn), env_(std::move(env)), module_(module) {}
  std::string describe() const override;
  const Node* node() const { return fn_; }
  const Env& env() const { return env_; }
  Atom module() const { return module_; }
  const std::shared_ptr<Program>& program() const { return prog_; }

 private:
  std::shared_ptr<Program> prog_;
  const Node* fn_;
  Env env_;
  Atom module_;
};

/// `&Mod.fun/arity` or `&fun/arity` (mod = Kernel for built-ins, the importing module's source,
/// or the defining module). `local`: a capture of the module's own function, which may be private
/// and prints as an anonymous function, as in Elixir.
class FunRef final : public FunObject {
 public:
  FunRef(Atom mod, Atom fun, int arity, bool local = false)
      : FunObject(arity), mod_(mod), fun_(fun), local_(local) {}
  std::string describe() const override;
  Atom mod() const { return mod_; }
  Atom fun() const { return fun_; }
  bool local() const { return local_; }

 private:
  Atom mod_;
  Atom fun_;
  bool local_;
};

// ---- evaluation --------------------------------------------------------------------------------
Term eval_pure(Ctx& c, const Node* n, const Env& env);
Task<Term> eval(Ctx& c, const Node* n, Env& env, bool tail);
/// Evaluates a top-level expression (not in tail position).
Task<Term> eval_top(Ctx& c, const Node* n, Env& env);
/// Calls a fun term with arguments.
Task<Term> apply_fun(Ctx& c, Term fun, std::vector<Term> args);
/// Calls Module.fun(args) (user module or built-in).
Task<Term> apply_mfa(Ctx& c, Atom mod, Atom fun, std::vector<Term> args);
/// Matches `pat` against `v`; on success adds the bindings to env.
bool match(Ctx& c, const Node* pat, const Term& v, Env& env);
bool truthy(const Term& t);
/// The Range struct first..last//step.
Term make_range(int64_t first, int64_t last, int64_t step);
/// Elements of an enumerable: list, range, map (as {k, v}); Protocol.UndefinedError for others.
std::vector<Term> enumerate(const Term& t);
/// `base` with the pairs `kvs` put in; `must_exist`: each key must be there already (:badkey).
Term map_update(const Term& base, std::vector<std::pair<Term, Term>> kvs, bool must_exist);

/// The body of a process spawned by the language: runs fun.(args...) or Mod.fun(args...).
Task<> process_main(Process& self, std::shared_ptr<Interp> ip, Term fun, Atom mod, Atom f, std::vector<Term> args);

// ---- errors --------------------------------------------------------------------------------------
Term exception(std::string_view module, std::string message);
Term exception_fields(std::string_view module, std::vector<std::pair<Term, Term>> fields);
[[noreturn]] void raise_error(Term reason);
/// An error that knows the call that raised it ("1 + :a"): Elixir adds it to the report of an
/// uncaught error at the top level ("bad argument in arithmetic expression: 1 + :a"). Caught as
/// an ErlangError everywhere else.
class BlamedError : public ErlangError {
 public:
  BlamedError(Term reason, std::string call) : ErlangError(std::move(reason)), call_(std::move(call)) {}
  const std::string& call() const noexcept { return call_; }

 private:
  std::string call_;
};
/// :badarith, blaming `call`.
[[noreturn]] void raise_badarith(std::string call);
/// A BIF's error as the BEAM raises it: the raw reason (:badarg), which catch, EXIT and DOWN see,
/// and a stacktrace whose frame carries its error_info; from that, rescue and reports build the
/// ArgumentError's message ("errors were found at the given arguments:\n\n  * 1st argument:
/// invalid destination\n"). `detail` is the text after "  * " (several lines joined by "\n  * ").
[[noreturn]] void raise_bif_badarg(const std::string& detail);
/// The exception struct `rescue` sees for an error reason raised with `stacktrace`
/// (Exception.normalize/3): an Erlang reason becomes its struct, explained by the error_info.
Term exception_from(const Term& reason, const Term& stacktrace);
/// exception_from() of a caught error.
inline Term exception_for(const ErlangError& e) { return exception_from(e.reason(), e.stacktrace()); }
/// format_error() of an uncaught top-level error, with the blame of a BlamedError.
std::string format_top_error(const ErlangError& e);
[[noreturn]] void raise_message(std::string_view module, std::string message);
/// "** (Kind) message" for an error reason (an exception struct or an Erlang reason).
std::string format_error(const Term& reason);
/// The "** (...)" line of a Logger report for a process that ended with `reason`: the exception
/// for an error ({exception, stacktrace}), "** (stop) reason" otherwise; empty when the reason
/// is one that OTP does not report (:normal, :shutdown, {:shutdown, _}).
std::string format_report_reason(const Term& reason);
/// Exception.format_exit/1.
std::string format_exit(const Term& reason);
std::string to_string_term(Ctx& c, const Term& t);  // String.Chars
/// Exception.normalize(:error, reason): an Erlang error reason (`:badarith`, `{:badmatch, v}`, ...)
/// as the exception struct `rescue` sees; exception structs are returned as they are.
Term normalize_exception(const Term& reason);
/// Exception.message/1 of an exception struct.
std::string exception_message(const Term& exc);
/// "RuntimeError" for an exception struct (its module without "Elixir.").
std::string exception_name(const Term& exc);
/// A struct of a built-in exception module with its default fields, `fields` overriding them.
Term make_exception(std::string_view module, std::vector<std::pair<Term, Term>> fields);
/// The child_spec/1 that `use GenServer` (Agent, Task, Supervisor) defines, for a module that
/// does not define its own; nullopt when the module has no such `use`.
std::optional<Term> default_child_spec(const ModuleDef& m, const Term& arg);
/// %Mod{fields}: a built-in struct or a module's defstruct with `kv` over its defaults
/// (KeyError for a key it lacks; CompileError, at `file:line`, for a module without a struct).
Term make_struct(Ctx& c, Atom mod, std::vector<std::pair<Term, Term>> kv, const std::string& file, int line);
/// The struct fields of a module defined by the user, for Inspect (any Interp; the last definition).
void register_user_struct(Atom mod, std::vector<std::string> fields);
const std::vector<std::string>* user_struct_fields(std::string_view module);
/// Supervisor.child_spec/2's overrides merged into a child spec map.
Term merge_child_spec(const Term& spec, const Term& overrides);
/// Mod.exception(arg) for `raise Mod, arg`: a message string or a keyword list of fields.
Term exception_of(const Term& module, const Term& arg);

// ---- inspect (pretty.cpp) ----------------------------------------------------------------------
/// Elixir's Inspect of a term: structs as structs; laid out in `width` columns as IO.inspect/2
/// (pretty: true, width 80) does, or on one line as Kernel.inspect/1 (pretty: false) does.
constexpr int kInspectOneLine = 1 << 30;
/// `limit` is Inspect.Opts' :limit (default 50 elements per container; negative: no limit).
std::string inspect_pretty(const Term& t, int width = kInspectOneLine, int limit = 50);

inline Atom A(std::string_view s) { return intern(s); }

/// What IEx.dont_display_result/0 returns (i/1 does): the shell prints no value for it.
inline Atom dont_display_result() {
  static const Atom a = intern("do not show this result in output");
  return a;
}

}  // namespace actorscope::console::detail
