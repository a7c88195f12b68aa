// The scenario registry and parameter checking.

#include "scenario_util.hpp"

namespace actorscope {

const std::vector<ScenarioInfo>& scenarios() {
  static const std::vector<ScenarioInfo> all = {
      scenario_lib::kv_scenario(false),          scenario_lib::kv_scenario(true),
      scenario_lib::monitors_scenario(),         scenario_lib::trap_exit_scenario(),
      scenario_lib::link_chain_scenario(),       scenario_lib::strategies_scenario(),
      scenario_lib::restart_storm_scenario(),    scenario_lib::link_vs_monitor_scenario(),
      scenario_lib::mailbox_flood_scenario(),    scenario_lib::big_tree_scenario(),
      scenario_lib::netsplit_scenario(),         scenario_lib::remote_supervisor_scenario(),
      scenario_lib::ergo_service_scenario(),     scenario_lib::ergo_name_monitor_scenario(),
      scenario_lib::ergo_down_overtakes_scenario(), scenario_lib::ergo_trapped_kill_scenario(),
      scenario_lib::ergo_node_link_scenario(),
  };
  return all;
}

const ScenarioInfo* find_scenario(std::string_view name) {
  for (auto& s : scenarios())
    if (s.name == name) return &s;
  return nullptr;
}

ScenarioResult build_scenario(Runtime& rt, std::string_view name, const ScenarioParams& params) {
  ScenarioResult r;
  const ScenarioInfo* s = find_scenario(name);
  if (!s) {
    r.error = "unknown scenario '" + std::string(name) + "'; known:";
    for (auto& x : scenarios()) r.error += " " + x.name;
    return r;
  }
  ScenarioParams full;
  for (auto& p : s->params) full[p.name] = p.default_value;
  for (auto& [k, v] : params) {
    const ScenarioParam* p = nullptr;
    for (auto& x : s->params)
      if (x.name == k) p = &x;
    if (!p) {
      r.error = "scenario '" + s->name + "' has no parameter '" + k + "'";
      if (!s->params.empty()) {
        r.error += "; its parameters:";
        for (auto& x : s->params) r.error += " " + x.name;
      }
      return r;
    }
    if (v < p->min || v > p->max) {
      r.error = "parameter '" + k + "' of scenario '" + s->name + "' must be between " + std::to_string(p->min) +
                " and " + std::to_string(p->max) + ", not " + std::to_string(v);
      return r;
    }
    full[k] = v;
  }
  try {
    r.roots = s->build(rt, full);
  } catch (const std::exception& e) {
    r.error = "scenario '" + s->name + "' failed to build: " + e.what();
    return r;
  }
  r.ok = true;
  return r;
}

}  // namespace actorscope
