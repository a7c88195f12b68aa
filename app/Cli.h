#pragma once
// Command-line modes beside the window: --script (headless Elixir script), --record (headless
// recording) and --replay (open a recording in the window). main.cpp parses, these act.

#include "actorscope/trace.hpp"

#include <QString>

#include <optional>

namespace actorscope::app {

class MainWindow;

/// True when argv asks for a mode that needs no display (--script, --record, --headless).
bool wantsHeadless(int argc, char* argv[]);

/// --semantics: "beam" or "ergo" (any case); nullopt for anything else.
std::optional<Semantics> semanticsNamed(const QString& name);

/// Runs `path` with console::run_script_file; prints what elixir prints. Returns its status.
int runScript(const QString& path, bool deterministic, unsigned threads, long long timeLimitMs);

/// record_headless of `scenario` for `durationMs` into `path`. Returns 0 or a non-zero status.
int runRecord(const QString& path, const QString& scenario, long long durationMs, bool deterministic,
              unsigned threads, Semantics semantics = Semantics::Beam);

/// Opens the recording `path` in `window`'s timeline (errors to stderr, each naming its line; bad
/// lines are skipped and the rest is shown) and plays it forward from its start at `speed`
/// (0.1..10; 0: stay at the start). The live runtime is paused meanwhile. False (message printed)
/// when nothing usable could be read.
bool openReplay(MainWindow& window, const QString& path, double speed = 1.0);

}  // namespace actorscope::app
