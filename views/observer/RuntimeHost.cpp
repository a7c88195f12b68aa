#include "RuntimeHost.h"

#include <exception>

namespace actorscope::views {

namespace {
using Clock = std::chrono::steady_clock;
/// How often the driver takes a snapshot for the counters a trace does not carry (mailbox sizes,
/// reductions, memory).
constexpr auto kRefreshEvery = std::chrono::milliseconds(250);
/// Driver round when nothing else wakes it.
constexpr auto kRound = std::chrono::milliseconds(8);
/// Events drained per round at most.
constexpr size_t kDrainPerRound = 50'000;
/// Deterministic steps per driver round at most, so commands are never starved.
constexpr size_t kStepsPerRound = 20'000;
/// How often the driver lists the signals in flight (when they can be seen travelling).
constexpr auto kInFlightEvery = std::chrono::milliseconds(30);
/// Coalescing snapshots (after lost events) at most this often.
constexpr auto kResyncEvery = std::chrono::milliseconds(100);
/// Message sampling (live mode): message events per driver round above which the runtime is asked
/// to sample messages more sparsely, and below which less. Messages are counted exactly (event
/// weights); only their animation is sampled. Other events are never sampled.
constexpr size_t kMessageEventsHigh = 400;  // ~50k/s at one round per 8 ms
constexpr size_t kMessageEventsLow = 25;
constexpr uint32_t kMaxSampling = 1u << 16;
constexpr uint32_t kInitialSampling = 64;
}  // namespace

RuntimeHost::RuntimeHost(QObject* parent) : QObject(parent) {}

RuntimeHost::~RuntimeHost() { stop(); }

void RuntimeHost::start(Config cfg) {
  stop();
  {
    std::lock_guard g(m_);
    stop_ = false;
    commands_.clear();
    stepRequests_ = 0;
    outbox_ = HostBatch{};
  }
  paused_.store(cfg.paused);
  latencyMs_.store(cfg.latency.count());
  snapshotRequested_.store(true);
  cfg_ = cfg;
  thread_ = std::thread([this, cfg = std::move(cfg)]() mutable { run(std::move(cfg)); });
}

void RuntimeHost::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard g(m_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void RuntimeHost::post(std::function<void(Runtime&)> fn) {
  {
    std::lock_guard g(m_);
    commands_.push_back(std::move(fn));
  }
  cv_.notify_all();
}

HostBatch RuntimeHost::take() {
  HostBatch out;
  std::lock_guard g(m_);
  std::swap(out, outbox_);
  // Keep the running figures in the outbox for the next take.
  outbox_.dropped_events = out.dropped_events;
  outbox_.pending_signals = out.pending_signals;
  outbox_.now_ns = out.now_ns;
  outbox_.steps = out.steps;
  return out;
}

void RuntimeHost::setPaused(bool paused) {
  paused_.store(paused);
  post([paused](Runtime& rt) {
    if (!rt.deterministic()) rt.set_paused(paused);
  });
}

void RuntimeHost::step() {
  {
    std::lock_guard g(m_);
    ++stepRequests_;
  }
  cv_.notify_all();
}

void RuntimeHost::setLatency(std::chrono::milliseconds ms) {
  latencyMs_.store(ms.count());
  post([ms](Runtime& rt) { rt.set_global_latency(ms); });
}

void RuntimeHost::wake() { cv_.notify_all(); }

void RuntimeHost::run(Config cfg) {
  RuntimeOptions o;
  o.deterministic = cfg.mode == RunMode::Deterministic;
  o.threads = cfg.threads;
  o.semantics = cfg.semantics;
  Runtime rt(o);
  rt.set_tracing(true);
  // Live mode starts sampling messages and adapts (see kMessageEventsHigh): a quiet system is down
  // to every message within a few rounds, a flood never floods the observer.
  if (cfg.mode != RunMode::Deterministic) rt.set_message_sampling(kInitialSampling);
  rt.set_global_latency(cfg.latency);
  if (!o.deterministic && cfg.paused) rt.set_paused(true);
  std::string error;
  try {
    if (cfg.builder) cfg.builder(rt);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "the scenario failed to start";
  }
  if (o.deterministic) rt.run_ready();

  // The first snapshot is taken before anything is drained: what happens after it (a script's
  // process that lives and dies before the first round) is presented from its events, not
  // folded into a snapshot taken after its life as facts no one sees.
  std::optional<Snapshot> first = rt.snapshot();
  std::vector<TraceEvent> drained;
  uint64_t lastDropped = 0;
  uint64_t steps = 0;
  auto lastRefresh = Clock::now();
  bool lostPending = false;
  auto lastInFlight = Clock::now() - kInFlightEvery;
  bool listedInFlight = false;
  // Deterministic mode runs against the wall clock (advance_to) while not paused.
  auto realAnchor = Clock::now();
  int64_t virtualAnchor = rt.now_ns();
  bool wasPaused = paused_.load();

  for (;;) {
    std::deque<std::function<void(Runtime&)>> cmds;
    bool doStep = false;
    {
      std::unique_lock g(m_);
      cv_.wait_until(g, Clock::now() + kRound, [&] { return stop_ || !commands_.empty() || stepRequests_ > 0; });
      if (stop_) break;
      cmds.swap(commands_);
      if (stepRequests_ > 0) {
        --stepRequests_;
        doStep = true;
      }
    }
    for (auto& c : cmds) {
      try {
        c(rt);
      } catch (...) {
        // A command on a process that ended in the meantime: the runtime says badarg; ignore.
      }
    }
    if (o.deterministic) {
      const bool isPaused = paused_.load();
      if (isPaused != wasPaused || doStep) {
        realAnchor = Clock::now();
        virtualAnchor = rt.now_ns();
        wasPaused = isPaused;
      }
      if (doStep) {
        if (rt.step()) ++steps;
        realAnchor = Clock::now();
        virtualAnchor = rt.now_ns();
      } else if (!isPaused) {
        const int64_t target =
            virtualAnchor + std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - realAnchor).count();
        steps += rt.advance_to(target, kStepsPerRound);
      } else if (!cmds.empty()) {
        rt.run_ready();
      }
    }

    drained.clear();
    size_t outboxSize;
    bool snapshotWaiting;  // the GUI has not taken the last one: a new one would not be used
    {
      std::lock_guard g(m_);
      outboxSize = outbox_.events.size();
      snapshotWaiting = outbox_.snapshot.has_value();
    }
    if (outboxSize < kOutboxCap) rt.drain_trace(drained, std::min(kDrainPerRound, kOutboxCap - outboxSize));
    const uint64_t dropped = rt.dropped_events();
    if (!o.deterministic) {
      size_t messageEvents = 0;
      for (const TraceEvent& e : drained) messageEvents += e.kind == TraceKind::Send || e.kind == TraceKind::Receive;
      const uint32_t every = rt.message_sampling();
      if ((messageEvents > kMessageEventsHigh || dropped != lastDropped) && every < kMaxSampling)
        rt.set_message_sampling(every * 4);
      else if (messageEvents < kMessageEventsLow && every > 1)
        rt.set_message_sampling(every / 2);
    }
    lostPending = lostPending || dropped != lastDropped;
    lastDropped = dropped;
    // Resynchronise after lost events at most every kResyncEvery: under a flood events are lost
    // every round, and a snapshot per round would cost the runtime more than the trace itself.
    const bool lost = lostPending && Clock::now() - lastRefresh >= kResyncEvery;
    const bool initial = first.has_value();  // older than this round's events: never coalesces them
    std::optional<Snapshot> snap = std::exchange(first, std::nullopt);
    if (!snap && (lost || (!snapshotWaiting && (snapshotRequested_.exchange(false) ||
                                                Clock::now() - lastRefresh >= kRefreshEvery || doStep || !cmds.empty())))) {
      if (lostPending) lostPending = false;
      snap = rt.snapshot();
      lastRefresh = Clock::now();
    }
    // Where the signals are: only while they take visible time (stepping or slow motion).
    std::optional<std::vector<InFlightSignal>> inFlight;
    const bool visible = o.deterministic || latencyMs_.load() > 0;
    if ((visible || listedInFlight) && (doStep || !cmds.empty() || Clock::now() - lastInFlight >= kInFlightEvery)) {
      lastInFlight = Clock::now();
      inFlight.emplace();
      if (visible)
        for (InFlightSignal& s : rt.in_flight()) {
          if (s.type == SignalType::Message) continue;
          inFlight->push_back(std::move(s));
          if (inFlight->size() >= kInFlightCap) break;
        }
      listedInFlight = visible;  // one empty list after slow motion is turned off
    }
    {
      std::lock_guard g(m_);
      if (inFlight) outbox_.in_flight = std::move(inFlight);
      if (snap) {
        if (lost && !initial) {
          // The GUI fell behind: coalesce into the snapshot instead of queueing without bound.
          outbox_.events.clear();
          outbox_.coalesced = true;
          outbox_.snapshot = std::move(snap);
        } else if (!outbox_.snapshot) {
          // Events drained before the snapshot are older than it; they stay for the animations.
          outbox_.snapshot = std::move(snap);
        }
        // else: the GUI has not taken the older one yet, and the events after it are all here:
        // it stays (a newer one would turn those events into facts no one sees presented).
      }
      if (outbox_.events.empty()) {
        outbox_.events.swap(drained);
      } else {
        outbox_.events.insert(outbox_.events.end(), std::make_move_iterator(drained.begin()),
                              std::make_move_iterator(drained.end()));
      }
      outbox_.dropped_events = dropped;
      outbox_.pending_signals = rt.pending_signals();
      outbox_.now_ns = rt.now_ns();
      outbox_.steps = steps;
      if (!error.empty()) outbox_.error = std::exchange(error, {});
    }
  }
  rt.set_tracing(false);
}

}  // namespace actorscope::views
