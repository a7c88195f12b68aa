#pragma once
// Fault injection: kill, flood, delay, suspend/resume, network partitions between nodes and their
// heals, and a seeded chaos monkey; fault plans
// (timed lists of faults) saved and loaded as JSON.
//
// Every injected fault goes on the trace stream as TraceKind::Fault (fields in trace.hpp) just
// before it acts, so it shows in the event log, on the timeline and in recordings. Timed work
// (chaos, floods with a rate, plans) runs in ordinary processes that sleep with receive-after:
// in a deterministic runtime the same seed gives the same run. They carry the initial call
// {:actorscope_faults, _, _} (is_injector()) and are never chosen as victims.
//
//   start_chaos(rt, {.interval_ms = 500, .scope = ChaosScope::Workers, .seed = 42});
//   inject(rt, Fault{.kind = FaultKind::Suspend, .target = Term::atom("registry")});
//   FaultPlan plan; std::string err;
//   if (!load_fault_plan("plan.json", plan, err)) report(err); else start_fault_plan(rt, plan);
//
// No Qt. Call from any thread for a threaded runtime, from its owning thread (or process code)
// for a deterministic one.

#include "actorscope/runtime.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope {

enum class FaultKind : uint8_t { Kill, Flood, Delay, Suspend, Resume, Chaos, Partition, Heal };
const char* to_string(FaultKind k);

/// Which processes the chaos monkey chooses from (never injectors, never itself).
enum class ChaosScope : uint8_t {
  Workers,            ///< non-supervisors whose parent is a supervisor
  Subtree,            ///< everything below `root` (by parent), not root itself
  AllButSupervisors,  ///< every process that is not a supervisor
};
const char* to_string(ChaosScope s);

struct ChaosConfig {
  int64_t interval_ms = 1000;                    ///< one kill every interval
  std::vector<Term> reasons{Term(atoms::kill)};  ///< each kill picks one at random
  ChaosScope scope = ChaosScope::Workers;
  Term root;                                     ///< Subtree: a registered name or a pid
  uint64_t seed = 1;
  int64_t kills = 0;                             ///< stop after this many (0: until stopped)
};

/// One fault. `target` and `peer` are registered names (atoms) or pids, resolved when it fires.
struct Fault {
  int64_t at_ms = 0;                 ///< in a plan: since the plan started
  FaultKind kind = FaultKind::Kill;
  Term target;                       ///< nil: none (Delay: global latency)
  Term peer;                         ///< Delay: the other end of an edge (nil: per-process)
  Term reason{atoms::kill};          ///< Kill
  int64_t count = 0;                 ///< Flood: messages
  double per_second = 0;             ///< Flood: rate (0: all at once)
  Term message{atoms::ok};           ///< Flood
  int64_t latency_ms = 0;            ///< Delay
  ChaosConfig chaos;                 ///< Chaos
  std::vector<Atom> nodes;           ///< Partition: the side cut from every other node (R9.3-R9.6);
                                     ///< Heal: the side healed from the rest (empty: every partition);
                                     ///< Delay: two nodes, the latency of their connection
  std::vector<Atom> rest;            ///< Partition, Heal: the other side (empty: every other node)
  int64_t duration_ms = 0;           ///< Partition: healed after this long (0: until a Heal)
};

struct FaultPlan {
  std::string description;
  std::vector<Fault> faults;  ///< run in at_ms order (stable)
};

/// Performs one fault now (the GUI's fault panel): emits TraceKind::Fault, then acts. Flood with
/// a rate and Chaos start a process (its pid is returned through `started` when given). Returns
/// false, with `error` set when given, when the target is unknown or not alive.
bool inject(Runtime& rt, const Fault& f, Pid injector = {}, std::string* error = nullptr, Pid* started = nullptr);

/// Starts a chaos monkey (registered as :chaos_monkey when the name is free). Stop it with
/// stop_injector(rt, pid).
Pid start_chaos(Runtime& rt, const ChaosConfig& c);
/// Starts a process that runs the plan's faults at their times (registered as :fault_plan
/// when free).
Pid start_fault_plan(Runtime& rt, const FaultPlan& plan);
/// Stops a chaos monkey, flooder or plan runner (a :stop message; it ends :normal).
void stop_injector(Runtime& rt, Pid injector);

/// A supervisor (its initial call's module names a supervisor, as OTP's do).
bool is_supervisor(const ProcessSnapshot& p);
/// A chaos monkey, flooder or plan runner.
bool is_injector(const ProcessSnapshot& p);
/// The processes a chaos monkey with this scope may choose, sorted by serial (for a preview).
std::vector<Pid> chaos_candidates(const Snapshot& s, ChaosScope scope, Pid root = {});

// ---- fault plans as JSON (format in docs/trace-format.md) ----------------------------------------------
inline constexpr int kFaultPlanVersion = 1;
std::string fault_plan_to_json(const FaultPlan& plan);
/// False with `error` naming the place ("line 4, column 9: ..." for bad JSON, "fault 2: field
/// \"target\": expected a name or a pid, got 5" for a bad field).
bool fault_plan_from_json(std::string_view text, FaultPlan& out, std::string& error);
bool save_fault_plan(const std::string& path, const FaultPlan& plan, std::string& error);
bool load_fault_plan(const std::string& path, FaultPlan& out, std::string& error);

}  // namespace actorscope
