// The GUI side of actorscope-bench: frame time with thousands of processes on screen, how fast the
// observer absorbs trace events, and what observing costs the runtime. Uses the views library as
// the app does (RuntimeHost -> ObserverModel -> GraphScene/ProcessTableModel/EventLogModel ->
// GraphView rendered into a 1600x1000 image), under an offscreen QApplication.

#include "gui_bench.hpp"

#include "EventLog.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "ObserverModel.h"
#include "Pipeline.h"
#include "ProcessTableModel.h"
#include "RuntimeHost.h"

#include "actorscope/faults.hpp"
#include "actorscope/runtime.hpp"
#include "actorscope/scenarios.hpp"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace actorscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

void out(const char* name, double v, const char* unit) {
  std::printf("{\"bench\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name, v, unit);
  std::fflush(stdout);
}

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

double percentile95(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, v.size() * 95 / 100)];
}

/// The offscreen application, made on first use (a GUI bench was selected).
std::unique_ptr<QApplication>& appSlot() {
  static std::unique_ptr<QApplication> app;
  return app;
}

void ensureApp() {
  auto& app = appSlot();
  if (app) return;
  qputenv("QT_QPA_PLATFORM", "offscreen");
  static int argc = 1;
  static char name[] = "actorscope-bench";
  static char* argv[] = {name, nullptr};
  app = std::make_unique<QApplication>(argc, argv);
}

// ---- process bodies -------------------------------------------------------------------------------

Task<> idleTrapper(Process& self) {
  self.trap_exit(true);
  for (;;) co_await self.receive();
}

Task<> sink(Process& self) {
  for (;;) co_await self.receive();
}

struct Atoms {
  Atom inc = intern("inc"), get = intern("get"), count = intern("count"), boom = intern("boom");
};
const Atoms& A() {
  static const Atoms a;
  return a;
}

Task<> counter(Process& self) {
  long k = 0;
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(A().inc, 1)) {
      ++k;
    } else if (m.is_tagged(A().get, 2)) {
      self.send(m[1].as_pid(), Term::tuple({Term(A().count), Term(k)}));
      co_return;
    }
  }
}

/// The runtime's counting benchmark (counting_ns_per_msg): n sends to one counter, then a get.
struct CountingResult {
  std::mutex m;
  std::condition_variable cv;
  double nsPerMsg = -1;
};
Task<> counting(Process& self, long n, CountingResult* result) {
  Pid c = self.spawn(counter);
  const auto t0 = Clock::now();
  for (long i = 0; i < n; ++i) self.send(c, Term::tuple({Term(A().inc)}));
  self.send(c, Term::tuple({Term(A().get), Term(self.pid())}));
  Term r = co_await self.receive([](const Term& t) { return t.is_tagged(A().count, 2); });
  const auto t1 = Clock::now();
  if (r[1].as_integer() != n) std::abort();
  std::lock_guard g(result->m);
  result->nsPerMsg = std::chrono::duration<double, std::nano>(t1 - t0).count() / double(n);
  result->cv.notify_all();
}

// ---- the GUI side, wired as MainWindow wires it -------------------------------------------------

struct Observer {
  views::ObserverModel model;
  views::ProcessTableModel table{&model};
  views::EventLogModel log{&model};
  views::GraphScene scene{&model};
  views::GraphView view{&scene};
  views::RuntimeHost host;
  views::Pipeline pipeline{&model, &scene};
  QImage image{1600, 1000, QImage::Format_ARGB32_Premultiplied};

  Observer() {
    QObject::connect(&model, &views::ObserverModel::updated, &log, [this](const views::ModelDelta& d) {
      if (d.events) log.append(*d.events);
    });
    QObject::connect(&model, &views::ObserverModel::resyncNeeded, &host, &views::RuntimeHost::requestSnapshot);
    view.resize(image.size());
    view.show();
  }
  ~Observer() { host.stop(); }

  /// One frame of the app's tick: take, playhead, model, layout and animations (no drawing).
  void absorb() {
    views::HostBatch batch = host.take();
    pipeline.feed(batch);
    model.processPending();
    scene.setRuntimeClock(batch.now_ns, true);
    if (batch.in_flight) scene.setInFlight(*batch.in_flight);
    scene.advance();
  }
  /// Draws the view into the 1600x1000 image, cleared first as a window's backing store is.
  void render() {
    image.fill(Qt::white);
    QPainter p(&image);
    view.render(&p);
  }
};

// ---- gui_frame_ms -------------------------------------------------------------------------------

/// n processes in linked chains of ten, n/2 monitors (1,000 for 2,000), everyone trapping exits;
/// ~200 EXIT signals kept travelling along links (each turns into an envelope on arrival).
void frameBench(const char* name, long n, unsigned threads, int frames) {
  ensureApp();
  auto pids = std::make_shared<std::vector<Pid>>();
  Observer o;
  views::RuntimeHost::Config cfg;
  cfg.threads = threads;
  cfg.builder = [n, pids](Runtime& rt) {
    for (long i = 0; i < n; ++i) pids->push_back(rt.spawn(idleTrapper));
    for (long i = 0; i < n; ++i)
      if (i % 10) rt.link((*pids)[size_t(i)], (*pids)[size_t(i - 1)]);
    for (long i = 0; i < n / 2; ++i) rt.monitor((*pids)[size_t(i)], (*pids)[size_t((i + n / 2 + 7) % n)]);
  };
  o.host.start(std::move(cfg));

  // Wait for every process to be on screen, then let the first layout burst pass.
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (o.model.processCount() < size_t(n) && Clock::now() < deadline) {
    o.absorb();
    std::this_thread::sleep_for(std::chrono::milliseconds(8));
  }
  if (o.model.processCount() < size_t(n)) {
    std::fprintf(stderr, "%s: only %zu of %ld processes arrived\n", name, o.model.processCount(), n);
    return;
  }
  long next = 0;
  auto topUp = [&] {
    const size_t have = o.scene.signalAnims().size();
    if (have >= 200) return;
    std::vector<std::pair<Pid, Pid>> shots;
    for (size_t k = have; k < 200; ++k, next += 7) {
      long i = next % n;
      if (i % 10 == 0) ++i;  // from a linked peer
      shots.push_back({(*pids)[size_t(i)], (*pids)[size_t(i - 1)]});
    }
    o.host.post([shots = std::move(shots)](Runtime& rt) {
      for (auto [target, from] : shots) rt.exit(target, Term(A().boom), from);
    });
  };
  std::vector<double> times, renderTimes;
  size_t animating = 0;
  for (int f = -20; f < frames; ++f) {
    topUp();
    std::this_thread::sleep_for(std::chrono::milliseconds(4));  // the driver runs between frames
    const auto t0 = Clock::now();
    o.absorb();
    if (f < 5) o.view.fitAll();
    const auto tm = Clock::now();
    o.render();
    const auto t1 = Clock::now();
    if (f >= 0) {
      times.push_back(ms(t1 - t0));
      renderTimes.push_back(ms(t1 - tm));
      animating += o.scene.signalAnims().size();
    }
  }
  out(name, median(times), "ms");
  std::fprintf(stderr, "%s: %ld processes, %zu edges, %.0f signals animating on average, %zu frames, render %.2f ms, zoom %.3f\n",
               name, n, o.scene.edges().size(), double(animating) / double(std::max<size_t>(1, times.size())), times.size(),
               median(renderTimes), o.view.transform().m11());
}

// ---- frames and lag while the picture is busy -------------------------------------------------------

/// Runs frames as the app's 16 ms timer does (absorb + render) for `durationMs` and reports the
/// 95th percentile frame time and the playhead's lag behind live (its 95th percentile and maximum).
void busyFrames(Observer& o, const char* frameName, const char* lagName, double durationMs) {
  std::vector<double> times, lags;
  const auto start = Clock::now();
  while (ms(Clock::now() - start) < durationMs) {
    const auto t0 = Clock::now();
    o.absorb();
    o.render();
    const auto t1 = Clock::now();
    times.push_back(ms(t1 - t0));
    lags.push_back(o.pipeline.playhead().lag_ms(o.scene.now()));
    const double left = 16 - ms(Clock::now() - t0);
    if (left > 0) std::this_thread::sleep_for(std::chrono::microseconds(long(left * 1000)));
  }
  out(frameName, percentile95(times), "ms");
  out(lagName, percentile95(lags), "ms");
  std::fprintf(stderr, "%s: %zu frames, median %.2f ms, max %.2f ms; %s max %.0f ms; %zu events fast-forwarded\n", frameName,
               times.size(), median(times), *std::max_element(times.begin(), times.end()), lagName,
               *std::max_element(lags.begin(), lags.end()), size_t(o.pipeline.playhead().fast_forwarded_total()));
}

bool startScenario(Observer& o, unsigned threads, const char* scenario, size_t processes) {
  views::RuntimeHost::Config cfg;
  cfg.threads = threads;
  cfg.builder = [scenario](Runtime& rt) {
    auto r = build_scenario(rt, scenario);
    if (!r.error.empty()) std::fprintf(stderr, "%s: %s\n", scenario, r.error.c_str());
  };
  o.host.start(std::move(cfg));
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  while (o.model.processCount() < processes && Clock::now() < deadline) {
    o.absorb();
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
  }
  if (o.model.processCount() < processes) {
    std::fprintf(stderr, "%s: only %zu of %zu processes arrived\n", scenario, o.model.processCount(), processes);
    return false;
  }
  for (int f = 0; f < 60; ++f) {  // the first layout burst
    o.absorb();
    if (f < 5) o.view.fitAll();
    o.render();
  }
  return true;
}

/// big-tree (3,011 processes): a branch supervisor is killed from outside, as the window does;
/// its 300 workers and watcher die and come back while the frames are timed.
void branchKillBench(unsigned threads) {
  ensureApp();
  Observer o;
  if (!startScenario(o, threads, "big-tree", 3011)) return;
  const Pid root = o.model.whereis(intern("big_root"));
  Pid branch;
  for (const auto& [serial, r] : o.model.processes())
    if (r.parent == root && r.supervisor) branch = r.pid;
  if (!branch.valid()) {
    std::fprintf(stderr, "gui_frame_ms_p95_branch_kill: no branch supervisor found\n");
    return;
  }
  o.host.post([branch](Runtime& rt) { rt.exit(branch, Term(atoms::kill)); });
  busyFrames(o, "gui_frame_ms_p95_branch_kill", "playhead_lag_ms_p95_branch_kill", 4000);
}

/// A flood of 100,000 messages a second into one process of the kv scenario.
void floodBench(unsigned threads) {
  ensureApp();
  Observer o;
  if (!startScenario(o, threads, "kv", 8)) return;
  Fault f;
  f.kind = FaultKind::Flood;
  f.target = Term(intern("Elixir.KV.Registry"));
  f.count = 300'000;
  f.per_second = 100'000;
  f.message = Term(intern("flood"));
  o.host.post([f](Runtime& rt) {
    std::string error;
    if (!inject(rt, f, {}, &error)) std::fprintf(stderr, "flood: %s\n", error.c_str());
  });
  busyFrames(o, "gui_frame_ms_p95_flood", "playhead_lag_ms_p95_flood", 3000);
}

/// The kv scenario at rest: the playhead's lag in normal use.
void steadyLagBench(unsigned threads) {
  ensureApp();
  Observer o;
  if (!startScenario(o, threads, "kv", 8)) return;
  busyFrames(o, "gui_frame_ms_p95_kv", "playhead_lag_ms_p95_kv", 3000);
}

// ---- observer_events_per_s ------------------------------------------------------------------------

/// Records about `total` trace events of a realistic mix (mostly message traffic, with spawns,
/// links and exits), then times the GUI side absorbing them tick by tick as the app does.
void eventsBench(double scale) {
  ensureApp();
  const size_t total = size_t(std::max(20'000.0, 1'000'000 * scale));
  std::vector<TraceEvent> events;
  events.reserve(total + 10'000);
  {
    RuntimeOptions opts;
    opts.deterministic = true;
    Runtime rt(opts);
    rt.set_tracing(true);
    std::vector<Pid> sinks;
    for (int i = 0; i < 200; ++i) sinks.push_back(rt.spawn(i % 4 ? sink : idleTrapper));
    rt.run_ready();
    long k = 0;
    while (events.size() < total) {
      for (int i = 0; i < 2000; ++i, ++k) rt.send(sinks[size_t(k % 200)], Term(k));
      // A little structure: a short-lived process linked to a trapping sink every round.
      const Pid p = rt.spawn(sink);
      rt.link(p, sinks[size_t(k / 2000 % 50) * 4]);
      rt.run_ready();
      rt.exit(p, Term(A().boom));
      rt.run_until_idle();
      rt.drain_trace(events);
    }
  }
  Observer o;
  const size_t chunk = 50'000;  // what the driver hands over per take at most
  const auto t0 = Clock::now();
  for (size_t at = 0; at < events.size(); at += chunk) {
    std::vector<TraceEvent> part(events.begin() + long(at), events.begin() + long(std::min(events.size(), at + chunk)));
    o.model.enqueue(std::move(part));
    for (;;) {  // one app tick per round: a bounded slice of events, then the scene's step
      const views::TickWork w = o.model.processPending();
      o.scene.advance();
      if (w.backlog == 0) break;
    }
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  if (o.model.eventsApplied() < events.size()) std::fprintf(stderr, "observer_events_per_s: events were dropped\n");
  out("observer_events_per_s", double(events.size()) / secs, "events/s");
  std::fprintf(stderr, "observer_events_per_s: %zu events in %.3f s\n", events.size(), secs);
}

// ---- observer_overhead_ratio ------------------------------------------------------------------------

double countingAlone(unsigned threads, long n) {
  CountingResult r;
  RuntimeOptions opts;
  opts.threads = threads;
  Runtime rt(opts);
  rt.spawn(counting, n, &r);
  std::unique_lock g(r.m);
  r.cv.wait(g, [&] { return r.nsPerMsg >= 0; });
  return r.nsPerMsg;
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/// `frameMs`: the GUI thread's CPU time per frame (absorb and render), added to.
double countingObserved(unsigned threads, long n, std::vector<double>* frameMs) {
  auto r = std::make_shared<CountingResult>();
  Observer o;
  views::RuntimeHost::Config cfg;
  cfg.threads = threads;
  cfg.builder = [n, r](Runtime& rt) { rt.spawn(counting, n, r.get()); };
  o.host.start(std::move(cfg));
  // The GUI thread ticks at ~60 Hz, absorbing and drawing, while the runtime counts.
  for (;;) {
    {
      std::unique_lock g(r->m);
      if (r->cv.wait_for(g, std::chrono::milliseconds(16), [&] { return r->nsPerMsg >= 0; })) break;
    }
    const double c0 = threadCpuMs();
    o.absorb();
    o.render();
    frameMs->push_back(threadCpuMs() - c0);
  }
  return r->nsPerMsg;
}

void overheadBench(unsigned threads, double scale) {
  ensureApp();
  const long n = std::max(10'000L, long(5'000'000 * scale));
  std::vector<double> alone, observed, frameMs;
  countingAlone(threads, n / 10);  // warm the pools
  for (int i = 0; i < 3; ++i) {
    alone.push_back(countingAlone(threads, n));
    observed.push_back(countingObserved(threads, n, &frameMs));
  }
  const double a = median(alone), b = median(observed);
  out("observer_overhead_ratio", b / a, "ratio");
  std::fprintf(stderr, "observer_overhead_ratio: counting %.1f ns/msg alone, %.1f ns/msg observed; GUI thread %.2f ms CPU a frame (median of %zu)\n",
               a, b, median(frameMs), frameMs.size());
}

}  // namespace

void shutdownGuiBenches() { appSlot().reset(); }

void ensureGuiApp() { ensureApp(); }

std::vector<GuiBench> guiBenches() {
  return {
      {"gui_frame_ms_2k", [](unsigned t, double s) { frameBench("gui_frame_ms_2k", std::max(50L, long(2000 * s)), t, 60); }},
      {"gui_frame_ms_10k", [](unsigned t, double s) { frameBench("gui_frame_ms_10k", std::max(50L, long(10000 * s)), t, 30); }},
      {"observer_events_per_s", [](unsigned, double s) { eventsBench(s); }},
      {"observer_overhead_ratio", [](unsigned t, double s) { overheadBench(t, s); }},
      {"gui_frame_ms_p95_branch_kill", [](unsigned t, double) { branchKillBench(t); }},
      {"gui_frame_ms_p95_flood", [](unsigned t, double) { floodBench(t); }},
      {"gui_frame_ms_p95_kv", [](unsigned t, double) { steadyLagBench(t); }},
  };
  // (attachBenches() are appended by bench.cpp: they need a real Erlang node.)
}

}  // namespace actorscope::bench
