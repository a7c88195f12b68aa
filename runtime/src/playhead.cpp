#include "actorscope/playhead.hpp"

#include <algorithm>
#include <initializer_list>

namespace actorscope {

namespace {
constexpr uint64_t kNameLane = uint64_t(1) << 40;
constexpr uint64_t kNodeLane = uint64_t(1) << 41;  // | node id: a node's own events keep their order
constexpr uint64_t kFaultLane = uint64_t(1) << 42;  // faults and node events: a partition fault before its cut

uint64_t pidKey(Pid p) { return p.serial(); }
uint64_t pairKey(Pid from, Pid to, SignalType type) {
  // from/to serials are 32 bits each; the type picks one of two key spaces by the top bit of
  // `from` (serials never reach 2^31 within a session).
  const uint64_t f = uint64_t(from.serial()) | (type == SignalType::Down ? 0x8000'0000ull : 0);
  return (f << 32) | to.serial();
}
}  // namespace

double& Playhead::lane(uint64_t key) { return lanes_.try_emplace(key, 0.0).first->second; }

double Playhead::laneOf(uint64_t key) const {
  auto it = lanes_.find(key);
  return it == lanes_.end() ? 0.0 : it->second;
}

void Playhead::enqueue(const TraceEvent& e, double at, PresentedEvent::Phase phase, double travel) {
  Item it;
  it.p.event = e;
  it.p.at_ms = at;
  it.p.phase = phase;
  it.p.travel_ms = travel;
  it.order = order_++;
  if (phase == PresentedEvent::Phase::Effect) pendingSeqs_.insert(e.seq);
  batch_.push_back(std::move(it));
  newest_ = std::max(newest_, at + travel);  // a signal's story ends where it lands
}

void Playhead::schedule(const TraceEvent& e, double now) {
  // The lanes an event belongs to: it waits for all of them, and moves all of them to its time.
  auto sync = [&](std::initializer_list<Pid> pids, double t, std::initializer_list<uint64_t> extra = {}) {
    for (Pid p : pids)
      if (p.valid()) t = std::max(t, laneOf(pidKey(p)));
    for (uint64_t k : extra) t = std::max(t, laneOf(k));
    for (Pid p : pids)
      if (p.valid()) lane(pidKey(p)) = t;
    for (uint64_t k : extra) lane(k) = t;
    return t;
  };
  const double travel = opts_.travel_ms * scale_;
  switch (e.kind) {
    case TraceKind::Spawn: {
      const double t = sync({e.b}, std::max(now, laneOf(pidKey(e.a))));
      shownAt_[e.a.serial()] = t;
      lane(pidKey(e.a)) = t + opts_.appear_ms * scale_;
      enqueue(e, t, PresentedEvent::Phase::Effect, 0);
      break;
    }
    case TraceKind::Exit: {
      double t = now;
      if (auto it = shownAt_.find(e.a.serial()); it != shownAt_.end()) {
        t = std::max(t, it->second + opts_.min_life_ms * scale_);
        shownAt_.erase(it);
      }
      enqueue(e, sync({e.a}, t), PresentedEvent::Phase::Effect, 0);
      break;
    }
    case TraceKind::Send: {
      const double depart = e.a.valid() ? sync({e.a}, now) : now;
      const bool self = e.a == e.b || !e.b.valid();
      const double tr = self ? 0 : travel;
      if (!self) enqueue(e, depart, PresentedEvent::Phase::Departure, tr);
      enqueue(e, sync({e.b}, depart + tr), PresentedEvent::Phase::Effect, tr);
      break;
    }
    case TraceKind::SignalSent: {
      // A lost connection's signal leaves after the cut is shown (the fault lane holds node events).
      const double depart = e.node2 == 1 ? sync({e.a}, now, {kFaultLane}) : e.a.valid() ? sync({e.a}, now) : now;
      const double tr = e.a == e.b ? 0 : travel;
      landings_[pairKey(e.a, e.b, e.signal)].push_back(depart + tr);
      enqueue(e, depart, PresentedEvent::Phase::Effect, tr);
      break;
    }
    case TraceKind::SignalDelivered: {
      double t = now;
      if (auto it = landings_.find(pairKey(e.a, e.b, e.signal)); it != landings_.end()) {
        t = std::max(t, it->second.front());
        it->second.pop_front();
        if (it->second.empty()) landings_.erase(it);
      }
      // A kill by a node's end comes after the NodeDown that caused it.
      enqueue(e, e.node2 == 1 ? sync({e.b}, t, {kFaultLane}) : sync({e.b}, t), PresentedEvent::Phase::Effect, 0);
      break;
    }
    case TraceKind::Link:
    case TraceKind::Unlink:
    case TraceKind::Monitor:
    case TraceKind::Demonitor: enqueue(e, sync({e.a, e.b}, now), PresentedEvent::Phase::Effect, 0); break;
    case TraceKind::Register:
    case TraceKind::Unregister:
      enqueue(e, sync({e.a}, now, {kNameLane | e.name.id}), PresentedEvent::Phase::Effect, 0);
      break;
    case TraceKind::Restart:
    case TraceKind::GiveUp: enqueue(e, sync({e.a, e.b, e.pid2}, now), PresentedEvent::Phase::Effect, 0); break;
    case TraceKind::Fault: enqueue(e, sync({e.a, e.b, e.pid2}, now, {kFaultLane}), PresentedEvent::Phase::Effect, 0); break;
    case TraceKind::Receive:
    case TraceKind::Label:
    case TraceKind::TrapExit:
    case TraceKind::Suspend:
    case TraceKind::Resume: enqueue(e, sync({e.a}, now), PresentedEvent::Phase::Effect, 0); break;
    case TraceKind::NodeUp:
    case TraceKind::NodeDown:
    case TraceKind::Connect:
    case TraceKind::Disconnect:
    case TraceKind::Heal:
      enqueue(e, sync({}, now, {kNodeLane | e.node, kNodeLane | e.node2, kFaultLane}), PresentedEvent::Phase::Effect, 0);
      break;
  }
}

double Playhead::targetLag() const {
  return heap_.size() + batch_.size() > opts_.storm_pending ? opts_.storm_lag_ms : opts_.max_lag_ms;
}

// Maps every time of the batch, and every lane, landing and appearance it moved, by
// f(x) = x for x <= from, from + (x - from) * k above, with k chosen so that the newest
// presentation lands at now + targetLag() (k >= min_compression). f is monotone, so every order the
// scheduling made (per lane, departure before landing) holds after it; what was scheduled before
// this batch ends at or before `from` and is left as it is.
void Playhead::squeeze(double from, double now) {
  const double target = targetLag();
  if (newest_ - now <= target || newest_ <= from) return;
  const double k = std::clamp((now + target - from) / (newest_ - from), opts_.min_compression, 1.0);
  if (k >= 1) return;
  auto f = [from, k](double x) { return x <= from ? x : from + (x - from) * k; };
  for (Item& it : batch_) {
    const double at = f(it.p.at_ms);
    it.p.travel_ms = f(it.p.at_ms + it.p.travel_ms) - at;
    it.p.at_ms = at;
  }
  for (auto& [key, t] : lanes_) t = f(t);
  for (auto& [serial, t] : shownAt_) t = f(t);
  for (auto& [key, times] : landings_)
    for (double& t : times) t = f(t);
  newest_ = f(newest_);
}

void Playhead::push(const std::vector<TraceEvent>& events, double now_ms) {
  lastNow_ = std::max(lastNow_, now_ms);
  const double now = lastNow_;
  const double from = std::max(now, newest_);
  batch_.clear();
  for (const TraceEvent& e : events) schedule(e, now);
  squeeze(from, now);
  for (Item& it : batch_) heap_.push(std::move(it));
  batch_.clear();
  const double lag = newest_ - now;
  const double target = targetLag();
  if (lag > target) scale_ = std::clamp(scale_ * target / lag, opts_.min_compression, 1.0);
  if (lag > opts_.skip_lag_ms || heap_.size() > opts_.max_pending) skipNext_ = true;
  prune(now);
}

std::vector<PresentedEvent> Playhead::drain(bool fastForward, double now) {
  std::vector<PresentedEvent> out;
  while (!heap_.empty() && (fastForward || heap_.top().p.at_ms <= now)) {
    out.push_back(heap_.top().p);
    heap_.pop();
    if (out.back().phase == PresentedEvent::Phase::Effect) pendingSeqs_.erase(pendingSeqs_.find(out.back().event.seq));
    if (fastForward) out.back().fast_forwarded = true;
  }
  return out;
}

std::vector<PresentedEvent> Playhead::take(double now_ms) {
  lastNow_ = std::max(lastNow_, now_ms);
  if (skipNext_) return flush();
  auto out = drain(false, lastNow_);
  // The backlog is gone: durations come back to normal speed over a second or so.
  if (scale_ < 1 && newest_ - lastNow_ < targetLag() / 2) scale_ = std::min(1.0, scale_ * 1.15 + 0.01);
  return out;
}

std::vector<PresentedEvent> Playhead::flush() {
  skipNext_ = false;
  auto out = drain(true, lastNow_);
  lastFastForward_ = out.size();
  fastForwardedTotal_ += out.size();
  // Everything scheduled is now shown: no lane waits any more. A process that appears now still
  // gets its minimum time on screen from now.
  lanes_.clear();
  landings_.clear();
  for (const PresentedEvent& p : out) {
    if (p.event.kind == TraceKind::Spawn) shownAt_[p.event.a.serial()] = lastNow_;
    if (p.event.kind == TraceKind::Exit) shownAt_.erase(p.event.a.serial());
  }
  newest_ = lastNow_;
  return out;
}

void Playhead::clear() {
  heap_ = {};
  pendingSeqs_.clear();
  lanes_.clear();
  shownAt_.clear();
  landings_.clear();
  scale_ = 1;
  newest_ = lastNow_;
  skipNext_ = false;
  lastFastForward_ = 0;
}

double Playhead::lag_ms(double now_ms) const { return heap_.empty() ? 0.0 : std::max(0.0, newest_ - now_ms); }

void Playhead::prune(double now) {
  if (lanes_.size() + shownAt_.size() < pruneAt_) return;
  // A lane whose time has passed constrains nothing (every event waits for `now` anyway).
  for (auto it = lanes_.begin(); it != lanes_.end();) it = it->second <= now ? lanes_.erase(it) : std::next(it);
  const double life = opts_.min_life_ms * scale_;
  for (auto it = shownAt_.begin(); it != shownAt_.end();)
    it = it->second + life <= now ? shownAt_.erase(it) : std::next(it);
  pruneAt_ = std::max<size_t>(4096, 2 * (lanes_.size() + shownAt_.size()));
}

}  // namespace actorscope
