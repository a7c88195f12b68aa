#pragma once
// RuntimeHost: owns a Runtime on a driver thread and is the GUI's only door to it.
//
// Threading contract: every Runtime call happens on the driver thread (this is required for a
// deterministic runtime and keeps the GUI thread free of runtime locks in threaded mode too).
// The GUI posts commands (post()) and queries (query()); the driver drains the trace stream into
// a bounded outbox that the GUI takes, O(1), on its frame tick (take()). Query results come back
// on the GUI thread through a queued call. Nothing here blocks the GUI thread except stop(),
// which joins the driver (reset, quit).

#include "actorscope/runtime.hpp"

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace actorscope::views {

/// Builds a scenario into a fresh runtime; runs on the driver thread. May throw.
using ScenarioBuilder = std::function<void(Runtime&)>;

/// How the runtime runs.
enum class RunMode {
  Live,          ///< threaded runtime, real time, real per-hop latency
  Deterministic  ///< deterministic runtime: one pending signal per step(), or auto-played
};

/// What the driver hands to the GUI on each take(). A plain value.
struct HostBatch {
  std::vector<TraceEvent> events;   ///< in seq order
  std::optional<Snapshot> snapshot; ///< when set, apply it before `events`
  bool coalesced = false;           ///< events were thrown away in favour of `snapshot`
  uint64_t dropped_events = 0;      ///< runtime's dropped_events() at the last drain
  size_t pending_signals = 0;
  int64_t now_ns = 0;               ///< runtime clock at the last drain
  uint64_t steps = 0;               ///< deterministic steps taken so far
  /// Exit and DOWN signals on their way (Runtime::in_flight(), messages left out), refreshed a
  /// few times a second while signals can be seen travelling (deterministic mode or a per-hop
  /// latency); unset when this batch carries no fresh list.
  std::optional<std::vector<InFlightSignal>> in_flight;
  std::string error;                ///< the scenario builder failed with this
};

class RuntimeHost final : public QObject {
  Q_OBJECT

public:
  struct Config {
    RunMode mode = RunMode::Live;
    unsigned threads = 0;
    std::chrono::milliseconds latency{0};
    bool paused = false;  ///< start paused (Live: set_paused; Deterministic: no auto-play)
    Semantics semantics = Semantics::Beam;  ///< the runtime's rules (RuntimeOptions::semantics)
    ScenarioBuilder builder;
  };

  explicit RuntimeHost(QObject* parent = nullptr);
  ~RuntimeHost() override;

  /// Stops any running runtime, then starts a new one with `cfg` (scenario built on the driver).
  void start(Config cfg);
  /// Joins the driver; the runtime is destroyed on it. Safe to call twice.
  void stop();
  bool running() const { return thread_.joinable(); }
  RunMode mode() const { return cfg_.mode; }
  /// The rules of the runtime started last (GUI thread).
  Semantics semantics() const { return cfg_.semantics; }

  /// Runs `fn` on the driver thread, in post order, between scheduler steps.
  void post(std::function<void(Runtime&)> fn);
  /// Runs `fn` on the driver and hands its result to `done` on `context`'s thread (queued).
  template <class R>
  void query(std::function<R(Runtime&)> fn, QObject* context, std::function<void(R)> done) {
    post([fn = std::move(fn), context, done = std::move(done)](Runtime& rt) mutable {
      R r = fn(rt);
      QMetaObject::invokeMethod(
          context, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); },
          Qt::QueuedConnection);
    });
  }

  /// Takes everything the driver has published since the last take. O(1) under a short lock.
  HostBatch take();

  // ---- time controls (GUI thread; they post to the driver) ----
  void setPaused(bool paused);
  bool paused() const { return paused_.load(); }
  /// Deterministic mode: deliver one more pending signal.
  void step();
  /// Per-hop latency of every signal (rt.set_global_latency); also the auto-play pace.
  void setLatency(std::chrono::milliseconds ms);
  /// Ask the driver for a fresh snapshot on its next round (resync).
  void requestSnapshot() { snapshotRequested_.store(true); }

  /// Events the outbox holds at most before the driver coalesces into a snapshot.
  static constexpr size_t kOutboxCap = 200'000;
  /// Signals listed in HostBatch::in_flight at most.
  static constexpr size_t kInFlightCap = 2'000;

private:
  void run(Config cfg);
  void wake();

  Config cfg_;
  std::thread thread_;
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::deque<std::function<void(Runtime&)>> commands_;
  uint64_t stepRequests_ = 0;
  HostBatch outbox_;
  std::atomic<bool> paused_{false};
  std::atomic<int64_t> latencyMs_{0};
  std::atomic<bool> snapshotRequested_{true};
};

}  // namespace actorscope::views
