#pragma once
// Session: an interactive console shell on a Runtime, as iex is on the BEAM. The GUI's console
// dock is built on this class.
//
// The shell is a process: every input is evaluated inside it (so `self()`, `receive`, `flush()`
// and links behave as in iex). A hidden server process watches it; when the shell dies (it was
// linked to a process that died) the server prints
//   ** (EXIT from #PID<0.121.0>) shell process exited with reason: killed
//
//   Interactive Elixir (Actorscope) - press Ctrl+C to interrupt
// and starts a new shell process, with a new pid and the variables kept.
//
// Thread-safety: every member function may be called from any thread (the GUI thread). The output
// callback is called on a runtime thread (in deterministic mode: the thread calling step()), one
// call at a time, never while a Session lock is held; marshal it to the GUI thread yourself.
// The Runtime must outlive the Session.

#include "actorscope/runtime.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope::console {

/// Printed (to Stdout, after a blank line) when a new shell replaces one that died, where iex
/// prints its banner.
inline constexpr std::string_view kRestartBanner = "Interactive Elixir (Actorscope) - press Ctrl+C to interrupt";

/// Whether an input can be evaluated yet.
enum class InputStatus {
  Complete,    // parses: evaluate it
  Incomplete,  // ends inside an open construct (fn/do/(/[/{/string): read another line
  Invalid,     // a syntax error that more input cannot fix: evaluate it to show the error
};
/// iex's rule: an input is incomplete when parsing stops at its end inside an open construct.
InputStatus classify_input(std::string_view text);

enum class OutputKind {
  Stdout,  // IO.puts, IO.inspect, flush() output
  Stderr,  // IO.puts(:stderr, ...)
  Log,     // logger reports of processes that crashed ("[error] Process #PID<...> raised an exception")
  Result,  // the value of an evaluated input, as iex prints it (inspect)
  Error,   // "** (ArithmeticError) ...", "** (EXIT from ...) shell process exited ...", syntax errors
};

/// How one submitted input ended.
struct EvalOutcome {
  enum class Status {
    Ok,           // evaluated; `text` is the value as iex prints it (empty: none, as for i/1)
    Error,        // raised, exited or did not parse; `text` is the "** (...)" message
    Interrupted,  // stopped by interrupt(); the shell keeps running
    ShellDied,    // the shell process died during the evaluation and was replaced
    Timeout,      // eval() only: no answer within the timeout (the evaluation goes on)
  };
  Status status = Status::Ok;
  std::string text;
};

/// The console's own messages between the window and its shell processes (the input to
/// evaluate, an interrupt, the shell server's monitor set-up): tuples tagged with an atom that
/// starts with "$actorscope_". Observers draw them without their text and leave them out of
/// logs and timeline markers.
bool is_console_protocol(const Term& message);
/// The short word an observer shows for such a message ("input", "interrupt", ...).
std::string console_protocol_label(const Term& message);

/// A term as iex prints it, on one line: structs and exceptions as `%RuntimeError{message: "oops"}`,
/// long collections cut after 50 elements. Any thread.
std::string inspect_iex(const Term& t);

struct SessionOptions {
  /// Name used in error messages ("iex" gives "iex:3: ..." like iex).
  std::string file = "iex";
  /// Called with the new shell's pid each time the server replaces a dead shell (not for the
  /// first shell: shell_pid() gives it once the constructor returns). Runs on a runtime thread,
  /// after the "** (EXIT from ...)" line went to the output callback and shell_pid() returns the
  /// new pid, never while a Session lock is held. Not called once the Session is being destroyed.
  std::function<void(Pid shell)> on_new_shell;
};

class Session {
 public:
  using OutputFn = std::function<void(OutputKind, const std::string& text)>;
  using DoneFn = std::function<void(const EvalOutcome&)>;

  /// Spawns the shell server and the first shell process. `output` receives every line the shell
  /// prints (text ends with "\n" for Stdout/Stderr; Result/Error texts have no trailing newline, except an error iex follows with a blank line).
  Session(Runtime& rt, OutputFn output, SessionOptions opts = {});
  /// Kills the shell and its server. Processes the shell spawned live on.
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Evaluates `input` (one or more expressions) in the shell process, asynchronously. Its output
  /// and its value or error arrive through the output callback, then `done` is called once.
  /// Returns false (and calls nothing) while another evaluation is running. `file` names a script
  /// the input was read from: syntax errors name it, and an uncaught error gets the location line
  /// a script run gets ("    FILE:LINE: (file)"); empty: the shell's own input ("iex").
  bool submit(std::string input, DoneFn done = {}, std::string file = {});
  /// True while an evaluation runs.
  bool busy() const;
  /// Stops the running evaluation at its next reduction, or wakes it from a receive/sleep; the
  /// shell prints "** (Interrupted) evaluation interrupted" and keeps its variables. A no-op when idle.
  void interrupt();

  /// Threaded runtime only: submit() and wait for the outcome (for tests and tools).
  EvalOutcome eval(std::string input, int timeout_ms = 10000);

  /// The current shell process (changes when the shell is restarted).
  Pid shell_pid() const;
  /// The hidden server process that restarts the shell (the GUI may hide it from the graph).
  Pid server_pid() const;
  /// The N of the next prompt "iex(N)> ": 1 + the number of inputs evaluated so far.
  int counter() const;
  std::string prompt() const;

  /// Completion candidates for the word before the cursor: variables, Kernel and IEx functions,
  /// modules, `Module.function` for a prefix with a dot (built-in and user modules), keywords.
  /// Sorted, without duplicates; each is the whole word (e.g. "Process.monitor").
  std::vector<std::string> completions(std::string_view prefix) const;
  /// Names of the variables bound in the shell.
  std::vector<std::string> variables() const;

  struct State;

 private:
  Runtime& rt_;
  std::shared_ptr<State> st_;
};

}  // namespace actorscope::console
