#pragma once
// Private helpers of the built-in scenarios.

#include "actorscope/otp/dynamic_supervisor.hpp"
#include "actorscope/otp/gen_server.hpp"
#include "actorscope/otp/supervisor.hpp"
#include "actorscope/scenarios.hpp"

namespace actorscope::scenario_lib {

inline Term A(std::string_view s) { return Term(intern(s)); }

/// Sleeps `ms` with receive-after (virtual time in deterministic mode).
inline Task<> sleep_ms(Process& self, int64_t ms) {
  (void)co_await self.receive([](const Term&) { return false; }, ms);
}
/// Waits forever.
inline Task<> idle(Process& self) { (void)co_await self.receive([](const Term&) { return false; }); }
/// Waits (polling every 10 ms) until `name` is registered; returns its pid.
inline Task<Pid> await_name(Process& self, Atom name) {
  for (;;) {
    Pid p = self.runtime().whereis(name);
    if (p.valid()) co_return p;
    co_await sleep_ms(self, 10);
  }
}
/// A registered idle process body: registers `name` (when not nil) and waits forever.
inline Task<> named_idle(Process& self, Atom name) {
  if (name != atoms::nil) self.runtime().register_name(self.pid(), name);
  co_await idle(self);
}

// ---- nodes ------------------------------------------------------------------------------------------
/// Names node 0 `name` (as Node.start/2 does), unless it has that name already.
inline Runtime::NodeId name_first_node(Runtime& rt, std::string_view name) {
  if (rt.nodes().at(0) != intern(name)) rt.set_node_name(0, intern(name));
  return 0;
}
/// The live node called `name`, added when there is none.
inline Runtime::NodeId node_named(Runtime& rt, std::string_view name) {
  std::optional<Runtime::NodeId> n = rt.node_id(intern(name));
  if (n && rt.node_alive(*n)) return *n;
  return rt.add_node(intern(name));
}
/// :director: after cut_after_ms partitions `a` from each of `far`; heal_after_ms later heals
/// (0: never).
inline Task<> partition_director(Process& self, Runtime::NodeId a, std::vector<Runtime::NodeId> far,
                                 int64_t cut_after_ms, int64_t heal_after_ms) {
  Runtime& rt = self.runtime();
  rt.register_name(self.pid(), intern("director"));
  if (cut_after_ms <= 0) co_return;
  co_await sleep_ms(self, cut_after_ms);
  for (Runtime::NodeId n : far) rt.partition(a, n);
  if (heal_after_ms <= 0) co_return;
  co_await sleep_ms(self, heal_after_ms);
  for (Runtime::NodeId n : far) rt.heal(a, n);
}

ScenarioInfo kv_scenario(bool nested);
ScenarioInfo monitors_scenario();
ScenarioInfo trap_exit_scenario();
ScenarioInfo link_chain_scenario();
ScenarioInfo strategies_scenario();
ScenarioInfo restart_storm_scenario();
ScenarioInfo link_vs_monitor_scenario();
ScenarioInfo mailbox_flood_scenario();
ScenarioInfo big_tree_scenario();
ScenarioInfo netsplit_scenario();
ScenarioInfo remote_supervisor_scenario();
// The Ergo Framework chapter's cases (ergo.cpp); each runs under either semantics, for comparing.
ScenarioInfo ergo_service_scenario();
ScenarioInfo ergo_name_monitor_scenario();
ScenarioInfo ergo_down_overtakes_scenario();
ScenarioInfo ergo_trapped_kill_scenario();
ScenarioInfo ergo_node_link_scenario();

}  // namespace actorscope::scenario_lib
