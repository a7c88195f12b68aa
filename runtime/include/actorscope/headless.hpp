#pragma once
// Headless recording: runs a built-in scenario without a window and writes a recording, for
// `actorscope --record FILE --scenario NAME --duration MS --headless`. No Qt.

#include "actorscope/recording.hpp"
#include "actorscope/scenarios.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace actorscope {

struct HeadlessOptions {
  /// Deterministic runtime on a virtual clock (reproducible, runs as fast as it can); false: a
  /// threaded runtime in real time for duration_ms.
  bool deterministic = true;
  unsigned threads = 0;               ///< threaded mode only; 0 = hardware threads
  int64_t latency_ms = 0;             ///< global per-hop latency
  std::string fault_plan_path;        ///< a fault plan to run from the start (empty: none)
  RecorderOptions recorder;           ///< the ring; what does not fit is dropped oldest first
  Semantics semantics = Semantics::Beam;  ///< the runtime's rules (Ergo mode: SEMANTICS E)
};

/// Builds `scenario` with `params`, runs it for `duration_ms` (virtual ms when deterministic),
/// writes the recording to `path`. Errors go to `err`, one line each. Returns 0 on success, 2 for
/// a bad scenario, parameter or fault plan, 1 when the file cannot be written.
int record_headless(std::string_view scenario, const ScenarioParams& params, int64_t duration_ms,
                    const std::string& path, std::ostream& err, const HeadlessOptions& opts = {});

/// The same, into a Recording in memory (for tests and for the GUI to open without a file).
/// Returns false with the reason in `error`.
bool record_scenario(std::string_view scenario, const ScenarioParams& params, int64_t duration_ms,
                     Recording& out, std::string& error, const HeadlessOptions& opts = {});

}  // namespace actorscope
