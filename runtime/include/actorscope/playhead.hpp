#pragma once
// Playhead: the presentation clock between a source's trace events and the picture.
//
// Events arrive in seq order as a source hands them over (a batch at a time, stamped with the
// wall-clock ms of its arrival). The playhead gives each one a presentation time so that the
// picture tells the causal story, then hands them back when that time has come:
//  - each process's events keep their order (a lane per process, and one per registered name);
//  - a message or a signal travels: its departure is presented on the sender's lane, and its
//    effect (the envelope in the mailbox, the exit signal's or DOWN's outcome) only when it has
//    travelled `travel_ms` and the receiver's lane is free: nothing shows its effect before its
//    cause arrives;
//  - a new process appears (`appear_ms`) before it acts, and is shown `min_life_ms` at least
//    before its end, however short its life;
//  - independent chains play in parallel (they share no lane), so the lag stays small.
// When a batch would put the newest presentation more than the target lag ahead of now
// (`max_lag_ms`; `storm_lag_ms` once more than `storm_pending` events wait, as when a branch of
// thousands dies), the part of the batch's story beyond what was already scheduled is squeezed
// (a monotone time map: every order is kept, travel times shrink with it); later batches start
// compressed too (compression() < 1) while the backlog lasts. When even that leaves the lag past
// `skip_lag_ms`, or the pending events pass `max_pending`, the next take() hands out every
// pending event at once, marked fast_forwarded, and says how many (last_fast_forward()).
// The order of the events handed out is a valid order for a state machine that applies them: per
// process and per name it is the seq order. Not thread-safe: one owner (the GUI thread).

#include "actorscope/trace.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <queue>
#include <set>
#include <unordered_map>
#include <vector>

namespace actorscope {

struct PlayheadOptions {
  double travel_ms = 350;    ///< a message's or signal's flight along its edge at normal speed
  double appear_ms = 0;      ///< a new process is shown this long before its first act (0: it
                             ///< pops in as it acts; a parent's lane waits for it through the
                             ///< link, so a supervisor starting 300 children would wait 300 times)
  double min_life_ms = 300;  ///< a process is on screen at least this long
  double max_lag_ms = 1500;  ///< the target lag behind live for a small story (one textbook
                             ///< example's whole story, spawn to DOWN, takes about 1.2 s)
  double storm_lag_ms = 450; ///< the target lag while more than `storm_pending` events wait
  size_t storm_pending = 256;
  double skip_lag_ms = 5000; ///< beyond this lag, the pending events are fast-forwarded
  size_t max_pending = 100'000;
  double min_compression = 0.15;  ///< below this a hop (350 ms x 0.15) is too short to be seen
};

/// One event handed out by take().
struct PresentedEvent {
  enum class Phase : uint8_t {
    Effect,    ///< apply it to the picture's state now
    Departure  ///< a Send leaves its sender now; its Effect (the envelope lands) follows later
  };
  TraceEvent event;
  double at_ms = 0;       ///< its presentation time (wall-clock ms)
  Phase phase = Phase::Effect;
  double travel_ms = 0;   ///< Departure, and SignalSent: how long until it lands
  bool fast_forwarded = false;  ///< handed out at once by a fast-forward, not at its time
};

class Playhead {
public:
  explicit Playhead(PlayheadOptions opts = {}) : opts_(opts) {}

  /// Schedules `events` (seq order) that arrived at `now_ms`. O(events * log pending).
  void push(const std::vector<TraceEvent>& events, double now_ms);
  /// The events due at `now_ms`, in presentation order (ties: seq order, departures first).
  std::vector<PresentedEvent> take(double now_ms);
  /// Every pending event now, in presentation order, marked fast_forwarded (a snapshot is
  /// about to replace the state, or the source changes).
  std::vector<PresentedEvent> flush();
  /// Forgets everything (a new source or scenario).
  void clear();

  size_t pending() const { return heap_.size(); }
  /// The smallest seq among the events not handed out yet (UINT64_MAX when none): a snapshot
  /// taken after event N may be applied once this is above N.
  uint64_t oldest_pending_seq() const { return pendingSeqs_.empty() ? UINT64_MAX : *pendingSeqs_.begin(); }
  /// How far the newest scheduled presentation is ahead of `now_ms` (0 when nothing waits).
  double lag_ms(double now_ms) const;
  /// 1 at normal speed; below 1 while a backlog compresses the durations.
  double compression() const { return scale_; }
  /// The travel time a pulse scheduled now gets (travel_ms x compression).
  double travel_now() const { return opts_.travel_ms * scale_; }
  /// Events handed out by the latest fast-forward, and in all.
  size_t last_fast_forward() const { return lastFastForward_; }
  uint64_t fast_forwarded_total() const { return fastForwardedTotal_; }
  const PlayheadOptions& options() const { return opts_; }

private:
  struct Item {
    PresentedEvent p;
    uint64_t order;  // push order: a tie-break that keeps seq order within one presentation time
  };
  struct Later {
    bool operator()(const Item& x, const Item& y) const {
      if (x.p.at_ms != y.p.at_ms) return x.p.at_ms > y.p.at_ms;
      return x.order > y.order;
    }
  };
  double& lane(uint64_t key);
  double laneOf(uint64_t key) const;
  void schedule(const TraceEvent& e, double now);
  void enqueue(const TraceEvent& e, double at, PresentedEvent::Phase phase, double travel);
  double targetLag() const;
  void squeeze(double from, double now);
  std::vector<PresentedEvent> drain(bool fastForward, double now);
  void prune(double now);

  PlayheadOptions opts_;
  std::priority_queue<Item, std::vector<Item>, Later> heap_;
  std::vector<Item> batch_;  // the batch being scheduled by push(), before it joins heap_
  std::multiset<uint64_t> pendingSeqs_;  // seqs of the pending effects
  std::unordered_map<uint64_t, double> lanes_;       // key: pid serial, kNameLane | atom id, kNodeLane | node id
  std::unordered_map<uint32_t, double> shownAt_;     // pid serial -> when its spawn was presented
  std::unordered_map<uint64_t, std::deque<double>> landings_;  // (from, to, type) -> landing times
  uint64_t order_ = 0;
  double scale_ = 1;
  double newest_ = 0;       // latest presentation time scheduled
  double lastNow_ = 0;
  bool skipNext_ = false;
  size_t lastFastForward_ = 0;
  uint64_t fastForwardedTotal_ = 0;
  size_t pruneAt_ = 4096;
};

}  // namespace actorscope
