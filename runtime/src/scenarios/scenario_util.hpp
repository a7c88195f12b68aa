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

}  // namespace actorscope::scenario_lib
