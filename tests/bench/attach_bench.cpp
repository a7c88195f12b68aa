// The attach benchmarks of actorscope-bench: a real Erlang node (erl, loopback, a private epmd)
// running tests/attach/attach_demo.erl. attach_full_picture_ms_100k: connect to a node holding
// 100,000 processes until the full picture is read. attach_events_absorbed_pct_50k: the share of
// the trace events of 50,000 spawns and exits a second that reach the observer (the rest is
// counted exactly by the agent). attach_agent_cpu_overhead_pct: the node's OS CPU time for that
// load with the agent attached over the same load alone (rounds in turn; the node's schedulers do
// not spin while idle, so its CPU time is its work); attach_agent_busy_overhead_pct: the same from
// the schedulers' busy wall time (statistics(scheduler_wall_time)), which also grows while the OS
// runs another thread on a busy scheduler's core (on two cores, the observer's);
// attach_trace_flags_overhead_pct: the load with the churning process traced as the agent traces
// it (its tracer NIF, gate closed) but no agent, over the load alone: the BEAM's share of the cost.
// attach_frame_ms_100k: a frame (take,
// playhead, model, layout, render) with the 100,000 processes in the window's views.

#include "gui_bench.hpp"

#include "../attach/erl_node.hpp"

#include "GraphScene.h"
#include "GraphView.h"
#include "ObserverModel.h"
#include "Pipeline.h"
#include "ProcessTableModel.h"

#include "actorscope/attach.hpp"

#include <QImage>
#include <QPainter>
#include <QProcess>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace actorscope::bench {

namespace {

using Clock = std::chrono::steady_clock;
double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void out(const char* name, double v, const char* unit) {
  std::printf("{\"bench\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name, v, unit);
  std::fflush(stdout);
}

/// A private epmd and one node, for the length of a bench.
struct Rig {
  PrivateEpmd epmd;
  ErlNode node;
  bool ok = false;
  /// `extra`: erl's emulator flags for this node.
  explicit Rig(const QStringList& extra = {}) {
    epmd.start(45'000);
    QString err;
    ok = node.start(QStringLiteral("bench%1").arg(::getpid()), QStringLiteral("bench_cookie"), err, false, extra);
    if (!ok) std::fprintf(stderr, "attach bench: the node did not start: %s\n", qPrintable(err));
  }
  ~Rig() { node.kill(); }  // then epmd stops
  attach::Options options() const {
    attach::Options o;
    o.node = node.name().toStdString();
    o.cookie = "bench_cookie";
    o.timeout_ms = 30'000;
    return o;
  }
  /// The node's CPU time so far (every thread of the VM, s), as the node counts it: to the ms
  /// (/proc's stat counts 10 ms ticks, too coarse for a few percent of a second of CPU).
  double cpuSeconds() { return seconds(QStringLiteral("cpu")); }
  /// The schedulers' busy time so far (s): running processes, ports, NIFs, GC; not the spinning
  /// of an idle scheduler before it sleeps, which statistics(runtime) counts.
  double busySeconds() { return seconds(QStringLiteral("busy")); }
  double seconds(const QString& what) {
    const QString r = node.ask(what).value(0);
    return r.startsWith(QStringLiteral("ok ")) ? r.mid(3).toDouble() / 1000.0 : 0;
  }
};

void fullPictureAndFrames(double scale, bool frames) {
  Rig rig;
  if (!rig.ok) return;
  const long n = std::max(1000L, long(100'000 * scale));
  const QStringList made = rig.node.ask(QStringLiteral("idle %1").arg(n), 300'000);
  attach::Client client;
  std::string error;
  const auto t0 = Clock::now();
  if (!client.connect(rig.options(), error)) {
    std::fprintf(stderr, "attach bench: %s\n", error.c_str());
    return;
  }
  const double t = ms(Clock::now() - t0);
  attach::Batch first = client.take();
  const size_t procs = first.snapshot ? first.snapshot->processes.size() : 0;
  if (!frames) {
    out("attach_full_picture_ms_100k", t, "ms");
    std::fprintf(stderr, "attach_full_picture_ms_100k: %zu processes read (%s on the node)\n", procs, qPrintable(made.value(0)));
    client.detach();
    return;
  }
  ensureGuiApp();
  views::ObserverModel model;
  views::ProcessTableModel table{&model};
  views::GraphScene scene{&model};
  views::GraphView view{&scene};
  views::Pipeline pipeline{&model, &scene};
  scene.setGrouping(true);  // as the window does for an attached node
  model.setQueueLengthsFromSnapshots(true);
  QImage image{1600, 1000, QImage::Format_ARGB32_Premultiplied};
  view.resize(image.size());
  view.show();
  auto frame = [&](attach::Batch b) {
    views::HostBatch h;
    h.events = std::move(b.events);
    h.snapshot = std::move(b.snapshot);
    h.coalesced = b.full;
    h.now_ns = b.now_ns;
    pipeline.feed(h);
    model.processPending();
    scene.setRuntimeClock(h.now_ns, true);
    scene.advance();
    QPainter p(&image);
    view.render(&p);
  };
  const auto s0 = Clock::now();
  frame(std::move(first));
  const double firstFrame = ms(Clock::now() - s0);
  std::vector<double> times;
  const auto until = Clock::now() + std::chrono::seconds(60);
  for (int f = 0; f < 20 && Clock::now() < until; ++f) {
    const auto f0 = Clock::now();
    frame(client.take());
    times.push_back(ms(Clock::now() - f0));
  }
  std::sort(times.begin(), times.end());
  out("attach_frame_ms_100k", times.empty() ? firstFrame : times[times.size() / 2], "ms");
  std::fprintf(stderr, "attach_frame_ms_100k: %zu processes in the model, %d nodes drawn (%zu groups), first frame %.0f ms, %zu frames measured\n",
               model.processCount(), scene.nodeCount(), scene.groupCount(), firstFrame, times.size());
  client.detach();
}

void churnBench(double scale) {
  // Schedulers that never spin while idle (+sbwt none, also for the dirty ones): the node's OS CPU
  // time is then the work it did, and what the agent adds to it is the agent's cost. With
  // spinning, an idle scheduler's wait counts as CPU too, and whatever wakes it (the agent's
  // ticks, the load itself) changes that wait more than the agent's work does.
  Rig rig({QStringLiteral("+sbwt"), QStringLiteral("none"), QStringLiteral("+sbwtdcpu"), QStringLiteral("none"),
           QStringLiteral("+sbwtdio"), QStringLiteral("none")});
  if (!rig.ok) return;
  const long rate = 50'000;
  const long churnMs = std::max(500L, long(3000 * scale));
  const int rounds = 6;  // a multiple of 3: each order as often
  const QString cmd = QStringLiteral("churn %1 %2").arg(rate).arg(churnMs);
  struct Cost {
    double cpu = 0, busy = 0;
    Cost& operator+=(const Cost& o) {
      cpu += o.cpu;
      busy += o.busy;
      return *this;
    }
  };
  auto cost = [&] { return Cost{rig.cpuSeconds(), rig.busySeconds()}; };
  // Each measured churn follows a second of the same load, not measured: the cost under that
  // load, once the agent has spent the burst it allows after a quiet spell (up to
  // max_events_per_s events at once) and sends its sustained rate.
  const QString settleCmd = QStringLiteral("churn %1 1000").arg(rate);
  auto churn = [&](QString* answer, const QString& command, const QString& settle) {
    rig.node.ask(settle, 120'000);
    const Cost c = cost();
    const QString a = rig.node.ask(command, 120'000).value(0);
    if (answer) *answer = a;
    const Cost d = cost();
    return Cost{d.cpu - c.cpu, d.busy - c.busy};
  };
  // A first round, not counted, warms the node (its allocators grow for the load). Then rounds
  // of the load alone, with the trace flags only, and with the agent attached, in an order that
  // turns each round (alone-flags-observed, flags-observed-alone, observed-alone-flags): the
  // node's own cost for the load drifts over a run (it grew by half over seven rounds here), and
  // in a fixed order the drift is charged to whatever comes last. Trace flags only: the churning
  // process traced as the agent traces it, by the agent's tracer NIF with its gate closed, and no
  // agent: the BEAM's own cost of the flags (a tracer call for each spawn), which the exact counts
  // need whatever the agent does.
  rig.node.ask(QStringLiteral("churn %1 %2").arg(rate).arg(std::max(200L, churnMs / 4)), 120'000);
  const QString tracedCmd = QStringLiteral("churn_traced %1 %2 %3").arg(rate).arg(churnMs).arg(QStringLiteral(ACTORSCOPE_TRACER_DIR));
  const QString tracedSettleCmd = QStringLiteral("churn_traced %1 1000 %2").arg(rate).arg(QStringLiteral(ACTORSCOPE_TRACER_DIR));
  Cost alone, flagsOnly, seen;
  uint64_t spawned = 0, traced = 0, dropped = 0, received = 0;
  QString perRound;
  std::vector<double> agentRatios, flagRatios;
  auto runAlone = [&](Cost& a) {
    a = churn(nullptr, cmd, settleCmd);
    return true;
  };
  auto runFlags = [&](Cost& f) {
    QString tracedAnswer;
    f = churn(&tracedAnswer, tracedCmd, tracedSettleCmd);
    if (!tracedAnswer.startsWith(QStringLiteral("ok "))) {
      std::fprintf(stderr, "attach bench: churn_traced: %s\n", qPrintable(tracedAnswer));
      return false;
    }
    return true;
  };
  auto runObserved = [&](Cost& o) {
    attach::Client client;
    std::string error;
    if (!client.connect(rig.options(), error)) {
      std::fprintf(stderr, "attach bench: %s\n", error.c_str());
      return false;
    }
    client.take();
    std::atomic<uint64_t> got{0};
    std::atomic<bool> draining{true};
    std::thread drain([&] {
      while (draining.load()) {
        for (const TraceEvent& e : client.take().events)
          if (e.kind == TraceKind::Spawn || e.kind == TraceKind::Exit) got.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    });
    QString observed;
    o = churn(&observed, cmd, settleCmd);
    // Until the agent's last batch has arrived.
    attach::AgentStats stats;
    uint64_t last = ~0ull;
    for (int i = 0; i < 100 && stats.events != last; ++i) {
      last = stats.events;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      stats = client.take().stats;
    }
    draining.store(false);
    drain.join();
    client.detach();
    spawned += observed.section(QLatin1Char(' '), 1, 1).toULongLong();
    traced += stats.events;
    dropped += stats.dropped;
    received += got.load();
    return true;
  };
  for (int r = 0; r < rounds; ++r) {
    Cost a, f, o;
    for (int k = 0; k < 3; ++k) {
      const int which = (r + k) % 3;
      if (!(which == 0 ? runAlone(a) : which == 1 ? runFlags(f) : runObserved(o))) return;
    }
    alone += a;
    flagsOnly += f;
    seen += o;
    if (a.cpu > 0) {
      agentRatios.push_back(o.cpu / a.cpu);
      flagRatios.push_back(f.cpu / a.cpu);
    }
    perRound += QStringLiteral(" %1/%2/%3").arg(a.cpu, 0, 'f', 3).arg(f.cpu, 0, 'f', 3).arg(o.cpu, 0, 'f', 3);
  }
  auto median = [](std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  };
  auto over = [](double with, double without) { return without > 0 ? 100.0 * (with - without) / without : 0; };
  out("attach_events_absorbed_pct_50k", traced > 0 ? 100.0 * double(traced - dropped) / double(traced) : 0, "%");
  out("attach_agent_cpu_overhead_pct", over(seen.cpu, alone.cpu), "%");
  out("attach_trace_flags_overhead_pct", over(flagsOnly.cpu, alone.cpu), "%");
  out("attach_agent_busy_overhead_pct", over(seen.busy, alone.busy), "%");
  std::fprintf(stderr,
               "attach churn: %d rounds of %ld ms at %ld spawns/s, alone, trace flags only, observed; %llu processes spawned and "
               "ended observed; the agent traced %llu events, left out %llu (counted exactly), %llu spawn/exit events "
               "reached the observer; the node's CPU time %.3f s alone, %.3f s with the trace flags only, %.3f s "
               "observed (per round, alone/flags/observed:%s); "
               "its schedulers' busy wall time %.3f s alone, %.3f s observed (wall time: it grows when the OS "
               "runs another thread on the scheduler's core, the observer's own among them)\n",
               rounds, churnMs, rate, (unsigned long long)spawned, (unsigned long long)traced,
               (unsigned long long)dropped, (unsigned long long)received, alone.cpu, flagsOnly.cpu, seen.cpu, qPrintable(perRound),
               alone.busy, seen.busy);
  if (!agentRatios.empty())
    std::fprintf(stderr, "attach churn: per round, observed over alone: median %+.1f %% (%+.1f to %+.1f); flags only over alone: median %+.1f %%\n",
                 100 * (median(agentRatios) - 1), 100 * (*std::min_element(agentRatios.begin(), agentRatios.end()) - 1),
                 100 * (*std::max_element(agentRatios.begin(), agentRatios.end()) - 1), 100 * (median(flagRatios) - 1));
}

}  // namespace

std::vector<GuiBench> attachBenches() {
  return {
      {"attach_full_picture_ms_100k", [](unsigned, double s) { fullPictureAndFrames(s, false); }},
      {"attach_events_absorbed_pct_50k", [](unsigned, double s) { churnBench(s); }},
      {"attach_frame_ms_100k", [](unsigned, double s) { fullPictureAndFrames(s, true); }},
  };
}

}  // namespace actorscope::bench
