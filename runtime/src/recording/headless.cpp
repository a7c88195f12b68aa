#include "actorscope/headless.hpp"

#include "actorscope/faults.hpp"

#include <chrono>
#include <ostream>
#include <thread>

namespace actorscope {

namespace {
void drain_into(Runtime& rt, Recorder& rec, std::vector<TraceEvent>& buf, uint64_t& dropped_seen) {
  buf.clear();
  rt.drain_trace(buf);
  rec.record(buf);
  if (rt.dropped_events() != dropped_seen) {
    dropped_seen = rt.dropped_events();
    rec.resync(rt.snapshot(), rt.in_flight());
  }
}
}  // namespace

bool record_scenario(std::string_view scenario, const ScenarioParams& params, int64_t duration_ms, Recording& out,
                     std::string& error, const HeadlessOptions& opts) {
  FaultPlan plan;
  if (!opts.fault_plan_path.empty() && !load_fault_plan(opts.fault_plan_path, plan, error)) return false;
  if (duration_ms < 0 || duration_ms > 1'000'000'000) {
    error = "the duration must be from 0 to 1000000000 ms";
    return false;
  }
  RuntimeOptions ro;
  ro.deterministic = opts.deterministic;
  ro.threads = opts.threads;
  ro.trace_buffer_events = 1u << 20;
  ro.semantics = opts.semantics;
  Runtime rt(ro);
  rt.set_tracing(true);
  if (opts.latency_ms > 0) rt.set_global_latency(std::chrono::milliseconds(opts.latency_ms));
  if (!opts.deterministic) rt.set_paused(true);  // build, then start the clock with the recorder

  RecordingInfo info;
  info.created_by = "actorscope (headless)";
  info.scenario = std::string(scenario);
  info.params = params;
  info.deterministic = opts.deterministic;
  info.semantics = opts.semantics;
  if (const ScenarioInfo* si = find_scenario(scenario))
    for (const ScenarioParam& p : si->params) info.params.try_emplace(p.name, p.default_value);
  Recorder rec(opts.recorder);
  rec.start(rt.snapshot(), rt.in_flight(), info);

  ScenarioResult r = build_scenario(rt, scenario, params);
  if (!r.ok) {
    error = r.error;
    return false;
  }
  if (!plan.faults.empty()) start_fault_plan(rt, plan);

  std::vector<TraceEvent> buf;
  uint64_t dropped_seen = rt.dropped_events();
  if (opts.deterministic) {
    const int64_t t0 = rt.now_ns();
    const int64_t end = t0 + duration_ms * 1'000'000;
    // 1 ms slices of virtual time keep the trace buffer drained.
    for (int64_t t = t0; t < end;) {
      t = std::min(end, t + 1'000'000);
      rt.advance_to(t);
      drain_into(rt, rec, buf, dropped_seen);
    }
    rt.run_ready();
  } else {
    rt.set_paused(false);
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(duration_ms);
    while (std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      drain_into(rt, rec, buf, dropped_seen);
    }
    rt.set_paused(true);
  }
  drain_into(rt, rec, buf, dropped_seen);
  out = rec.recording();
  return true;
}

int record_headless(std::string_view scenario, const ScenarioParams& params, int64_t duration_ms,
                    const std::string& path, std::ostream& err, const HeadlessOptions& opts) {
  Recording rec;
  std::string error;
  if (!record_scenario(scenario, params, duration_ms, rec, error, opts)) {
    err << "actorscope: " << error << '\n';
    return 2;
  }
  if (!save_recording(path, rec, error)) {
    err << "actorscope: " << error << '\n';
    return 1;
  }
  return 0;
}

}  // namespace actorscope
