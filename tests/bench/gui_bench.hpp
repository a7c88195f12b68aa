#pragma once
// The GUI benchmarks of actorscope-bench (compiled in only when the GUI is built). Each entry
// prints its figure as one JSON line, like the runtime's. An offscreen QApplication is created
// the first time a GUI bench runs, never otherwise.

#include <functional>
#include <vector>

namespace actorscope::bench {

struct GuiBench {
  const char* name;
  /// threads: runtime worker threads (0: all cores); scale: workload factor in (0, 1].
  std::function<void(unsigned threads, double scale)> run;
};

/// gui_frame_ms_2k, gui_frame_ms_10k, observer_events_per_s, observer_overhead_ratio.
std::vector<GuiBench> guiBenches();
/// attach_full_picture_ms_100k, attach_events_absorbed_pct_50k (with attach_agent_cpu_overhead_pct),
/// attach_frame_ms_100k: against a real Erlang node (attach_bench.cpp).
std::vector<GuiBench> attachBenches();
/// The offscreen QApplication (made on first use).
void ensureGuiApp();
/// Destroys the offscreen QApplication, if one was made; call before main() returns (a
/// QApplication must not outlive main: static destruction order would crash it).
void shutdownGuiBenches();

}  // namespace actorscope::bench
