#pragma once
// Headless runner: runs a script of the console language on a fresh Runtime and prints what
// `elixir FILE.exs` prints for it.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace actorscope::console {

struct ScriptOptions {
  /// Wall-clock limit for the whole run; 0 = none. Past it every process is stopped and the run
  /// ends with status 2 and "** (timeout) ..." on stderr.
  int64_t time_limit_ms = 10'000;
  /// Run on a deterministic runtime (one thread, virtual clock: `Process.sleep` takes no real
  /// time). A script left waiting with nothing pending ends with status 2.
  bool deterministic = false;
  /// Worker threads of a threaded runtime; 0 = hardware concurrency.
  unsigned threads = 0;
};

/// Exit statuses, as `elixir FILE.exs` gives them.
enum ScriptStatus : int {
  kScriptOk = 0,        // ran to its end (or exit(:normal))
  kScriptError = 1,     // syntax/compile error (nothing ran), an uncaught error or exit, or the
                        // script process was killed by a link
  kScriptTimeout = 2,   // time limit, or blocked forever in deterministic mode
  kScriptNoFile = 3,    // could not read the file
};

/// Runs the script in `path`. Output of IO.puts/IO.inspect/flush() goes to `out`, and so do the
/// logger reports of crashed processes (Elixir 1.14's console logger writes to standard output);
/// errors (syntax errors as "** (SyntaxError) FILE:LINE:COL: message", an uncaught error or exit
/// of the script, "** (EXIT from ...)") go to `err`.
int run_script_file(const std::string& path, std::ostream& out, std::ostream& err, const ScriptOptions& opts = {});
/// The same for a script given as text; `file` names it in messages.
int run_script_source(std::string_view source, const std::string& file, std::ostream& out, std::ostream& err,
                      const ScriptOptions& opts = {});

}  // namespace actorscope::console
