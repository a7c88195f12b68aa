#pragma once
// Scenarios: the built-in, self-describing setups the app, the tests and the benchmark share.
//
// A scenario builds processes on a Runtime (from outside it, so call build_scenario from the
// thread that owns a deterministic runtime, or from any thread for a threaded one) and may run a
// script of timed events, as processes that sleep with receive-after and then act. Names of the
// processes a user is told about (`:watcher`, `KV.Registry`, ...) are registered names.
//
//   ScenarioResult r = build_scenario(rt, "link-chain", {{"length", 20}});
//   if (!r.ok) show(r.error);

#include "actorscope/runtime.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope {

struct ScenarioParam {
  std::string name;
  int64_t default_value = 0;
  int64_t min = 0;
  int64_t max = 0;
  std::string description;
};

/// Parameter values by name; missing ones take their defaults.
using ScenarioParams = std::map<std::string, int64_t>;

struct ScenarioInfo {
  std::string name;         // e.g. "kv"
  std::string title;        // e.g. "Key-value store (Elixir guide)"
  std::string description;  // a paragraph for the user: what it shows, what to try
  std::vector<ScenarioParam> params;
  /// Builds it; `params` holds every parameter, checked. Returns the top-level processes.
  std::function<std::vector<Pid>(Runtime&, const ScenarioParams&)> build;
};

struct ScenarioResult {
  bool ok = false;
  std::string error;       // why not, when !ok
  std::vector<Pid> roots;  // the top-level processes it spawned
};

/// Every built-in scenario, in menu order.
const std::vector<ScenarioInfo>& scenarios();
/// The scenario called `name`, or nullptr.
const ScenarioInfo* find_scenario(std::string_view name);
/// Builds scenario `name`. An unknown name, an unknown parameter or a value out of range gives
/// ok = false and a message naming the problem (and nothing is spawned).
ScenarioResult build_scenario(Runtime& rt, std::string_view name, const ScenarioParams& params = {});
/// The scenario the app opens with.
inline constexpr std::string_view kDefaultScenario = "kv";

}  // namespace actorscope
