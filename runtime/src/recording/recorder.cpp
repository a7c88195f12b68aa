// ReplayState (events applied to a picture of the runtime) and Recorder (bounded ring of
// keyframe segments).

#include "actorscope/recording.hpp"

#include <algorithm>

namespace actorscope {

namespace {

template <class V, class P>
bool erase_if(V& v, P pred) {
  auto it = std::remove_if(v.begin(), v.end(), pred);
  bool changed = it != v.end();
  v.erase(it, v.end());
  return changed;
}

void add_link(ProcessSnapshot& p, Pid other) {
  if (std::find(p.links.begin(), p.links.end(), other) == p.links.end()) p.links.push_back(other);
}

size_t process_bytes(const ProcessSnapshot& p) {
  return sizeof(ProcessSnapshot) + p.links.size() * sizeof(Pid) +
         (p.monitors.size() + p.monitored_by.size()) * sizeof(std::pair<Ref, Pid>) + p.initial_call.heap_bytes();
}

size_t event_bytes(const TraceEvent& e) { return sizeof(TraceEvent) + e.term.heap_bytes(); }

size_t keyframe_bytes(const Keyframe& k) {
  size_t b = sizeof(Keyframe);
  for (const auto& p : k.state.processes) b += process_bytes(p);
  b += k.in_flight.size() * sizeof(InFlightSignal);
  return b;
}

}  // namespace

// ---- ReplayState ----------------------------------------------------------------------------------------

void ReplayState::reset(const Snapshot& s, const std::vector<InFlightSignal>& in_flight) {
  procs_.clear();
  flying_.clear();
  flying_seq_.clear();
  for (const ProcessSnapshot& p : s.processes) procs_[p.pid.serial()] = p;
  for (const InFlightSignal& f : in_flight) {
    if (f.type == SignalType::Message) {
      auto it = procs_.find(f.to.serial());
      if (it != procs_.end()) ++it->second.message_queue_len;
    } else if (f.type == SignalType::Exit || f.type == SignalType::Down) {
      flying_.push_back(f);
      flying_seq_.push_back(0);
    }
  }
  next_seq_ = s.seq;
  floor_ = s.seq;
  time_ns_ = s.time_ns;
}

void ReplayState::reset(const Keyframe& k) {
  procs_.clear();
  for (const ProcessSnapshot& p : k.state.processes) procs_[p.pid.serial()] = p;
  flying_ = k.in_flight;
  flying_seq_ = k.in_flight_seq;
  flying_seq_.resize(flying_.size(), 0);
  next_seq_ = k.state.seq;
  floor_ = 0;
  time_ns_ = k.state.time_ns;
}

const ProcessSnapshot* ReplayState::find(Pid p) const {
  auto it = procs_.find(p.serial());
  return it == procs_.end() ? nullptr : &it->second;
}

Snapshot ReplayState::snapshot() const {
  Snapshot s;
  s.seq = next_seq_;
  s.time_ns = time_ns_;
  s.processes.reserve(procs_.size());
  for (const auto& [k, p] : procs_) s.processes.push_back(p);
  return s;
}

Keyframe ReplayState::keyframe(size_t index) const {
  Keyframe k;
  k.index = index;
  k.state = snapshot();
  k.in_flight = flying_;
  k.in_flight_seq = flying_seq_;
  return k;
}

void ReplayState::apply(const TraceEvent& e) {
  if (e.seq < floor_) return;
  if (e.seq >= next_seq_) next_seq_ = e.seq + 1;
  time_ns_ = std::max(time_ns_, e.time_ns);
  auto get = [&](Pid p) -> ProcessSnapshot* {
    if (!p.valid()) return nullptr;
    auto it = procs_.find(p.serial());
    return it == procs_.end() ? nullptr : &it->second;
  };
  switch (e.kind) {
    case TraceKind::Spawn: {
      const uint32_t key = e.a.serial();
      if (procs_.count(key)) break;
      ProcessSnapshot p;
      p.pid = e.a;
      p.parent = e.b;
      p.initial_call = e.term;
      p.status = ProcessStatus::Waiting;
      procs_.emplace(key, std::move(p));
      break;
    }
    case TraceKind::Exit: {
      auto it = procs_.find(e.a.serial());
      if (it == procs_.end()) break;
      ProcessSnapshot gone = std::move(it->second);
      procs_.erase(it);
      // Its monitors leave the targets at once (R3.7); its peers keep the link, and its
      // watchers the monitor, until the exit signal or DOWN reaches them.
      for (const auto& [ref, target] : gone.monitors)
        if (ProcessSnapshot* t = get(target))
          erase_if(t->monitored_by, [&, ref = ref](const auto& m) { return m.first == ref; });
      break;
    }
    case TraceKind::Link: {
      ProcessSnapshot* a = get(e.a);
      ProcessSnapshot* b = get(e.b);
      if (!a || !b || a == b) break;
      add_link(*a, e.b);
      add_link(*b, e.a);
      break;
    }
    case TraceKind::Unlink:
      if (ProcessSnapshot* a = get(e.a)) erase_if(a->links, [&](Pid x) { return x == e.b; });
      if (ProcessSnapshot* b = get(e.b)) erase_if(b->links, [&](Pid x) { return x == e.a; });
      break;
    case TraceKind::Monitor: {
      ProcessSnapshot* a = get(e.a);
      ProcessSnapshot* b = get(e.b);
      if (!a || !b) break;  // a monitor of a dead process only yields a :noproc DOWN
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      if (std::none_of(a->monitors.begin(), a->monitors.end(), same)) a->monitors.push_back({e.ref, e.b});
      if (std::none_of(b->monitored_by.begin(), b->monitored_by.end(), same)) b->monitored_by.push_back({e.ref, e.a});
      break;
    }
    case TraceKind::Demonitor: {
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      if (ProcessSnapshot* a = get(e.a)) erase_if(a->monitors, same);
      if (ProcessSnapshot* b = get(e.b)) {
        erase_if(b->monitored_by, same);
      } else if (!e.b.valid()) {
        for (auto& [k, p] : procs_) erase_if(p.monitored_by, same);
      }
      break;
    }
    case TraceKind::Send:
      if (ProcessSnapshot* b = get(e.b)) ++b->message_queue_len;
      break;
    case TraceKind::Receive:
      if (ProcessSnapshot* a = get(e.a); a && a->message_queue_len > 0) --a->message_queue_len;
      break;
    case TraceKind::SignalSent: {
      if (e.signal != SignalType::Exit && e.signal != SignalType::Down) break;
      InFlightSignal f;
      f.type = e.signal;
      f.from = e.a;
      f.to = e.b;
      f.term = e.term;
      f.linked = e.flag;
      f.sent_ns = e.time_ns;
      f.due_ns = e.time_ns;
      flying_.push_back(std::move(f));
      flying_seq_.push_back(e.seq);
      break;
    }
    case TraceKind::SignalDelivered: {
      // Signals between one pair arrive in the order they left (R4.1): the oldest match.
      for (size_t i = 0; i < flying_.size(); ++i) {
        const InFlightSignal& f = flying_[i];
        if (f.type == e.signal && f.from == e.a && f.to == e.b) {
          flying_.erase(flying_.begin() + static_cast<std::ptrdiff_t>(i));
          flying_seq_.erase(flying_seq_.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
      ProcessSnapshot* b = get(e.b);
      if (!b) break;
      if (e.signal == SignalType::Exit) {
        if (e.flag && e.outcome != SignalOutcome::DroppedUnlinked && e.outcome != SignalOutcome::DroppedDead)
          erase_if(b->links, [&](Pid x) { return x == e.a; });
        if (e.outcome == SignalOutcome::Trapped) ++b->message_queue_len;
      } else if (e.signal == SignalType::Down && e.outcome == SignalOutcome::DownQueued) {
        ++b->message_queue_len;
        erase_if(b->monitors, [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; });
      }
      break;
    }
    case TraceKind::TrapExit:
      if (ProcessSnapshot* a = get(e.a)) a->trap_exit = e.flag;
      break;
    case TraceKind::Register:
      if (ProcessSnapshot* a = get(e.a)) a->name = e.name;
      break;
    case TraceKind::Unregister:
      if (ProcessSnapshot* a = get(e.a); a && a->name == e.name) a->name = Atom{atoms::nil.id};
      break;
    case TraceKind::Suspend:
    case TraceKind::Resume:
      if (ProcessSnapshot* a = get(e.a)) {
        a->suspended = e.kind == TraceKind::Suspend;
        a->status = a->suspended ? ProcessStatus::Suspended : ProcessStatus::Waiting;
      }
      break;
    case TraceKind::Restart:
    case TraceKind::Fault: break;  // markers; the events around them change the state
  }
}

// ---- Recorder -------------------------------------------------------------------------------------------

Recorder::Recorder(RecorderOptions opts) : opts_(opts) {
  if (opts_.capacity < 16) opts_.capacity = 16;
  if (opts_.keyframe_interval < 1) opts_.keyframe_interval = 1;
  clear();
}

void Recorder::clear() {
  segs_.clear();
  live_ = ReplayState{};
  size_ = bytes_ = 0;
  recorded_ = dropped_ = 0;
  floor_ = 0;
  open_segment();
}

void Recorder::start(const Snapshot& initial, const std::vector<InFlightSignal>& in_flight, RecordingInfo info) {
  info_ = std::move(info);
  segs_.clear();
  size_ = bytes_ = 0;
  recorded_ = dropped_ = 0;
  floor_ = initial.seq;
  live_.reset(initial, in_flight);
  open_segment();
}

size_t Recorder::interval() const {
  size_t k = std::max(opts_.keyframe_interval, 2 * live_.processes().size());
  return std::max<size_t>(1, std::min(k, opts_.capacity / 4));
}

void Recorder::open_segment() {
  Segment s;
  s.start = live_.keyframe(0);
  s.bytes = keyframe_bytes(s.start);
  bytes_ += s.bytes;
  segs_.push_back(std::move(s));
}

void Recorder::record(const TraceEvent& e) {
  if (e.seq < floor_) return;  // reflected in the snapshot we started from
  if (segs_.back().events.size() >= interval()) open_segment();
  live_.apply(e);
  Segment& s = segs_.back();
  const size_t b = event_bytes(e);
  s.events.push_back(e);
  s.bytes += b;
  bytes_ += b;
  ++size_;
  ++recorded_;
  while (size_ > opts_.capacity && segs_.size() > 1) {
    Segment& old = segs_.front();
    size_ -= old.events.size();
    dropped_ += old.events.size();
    bytes_ -= old.bytes;
    segs_.pop_front();
  }
}

void Recorder::record(const std::vector<TraceEvent>& events) {
  for (const TraceEvent& e : events) record(e);
}

void Recorder::resync(const Snapshot& s, const std::vector<InFlightSignal>& in_flight) {
  floor_ = s.seq;
  live_.reset(s, in_flight);
  if (segs_.back().events.empty()) {
    bytes_ -= segs_.back().bytes;
    segs_.pop_back();
  }
  open_segment();
}

size_t Recorder::keyframe_processes() const {
  size_t n = 0;
  for (const Segment& s : segs_) n += s.start.state.processes.size();
  return n;
}

Recording Recorder::recording() const {
  Recording r;
  r.info = info_;
  r.dropped = dropped_;
  r.events.reserve(size_);
  bool first = true;
  for (const Segment& s : segs_) {
    Keyframe k = s.start;
    k.index = r.events.size();
    if (first) {
      r.initial = std::move(k);
      first = false;
    } else {
      r.keyframes.push_back(std::move(k));
    }
    r.events.insert(r.events.end(), s.events.begin(), s.events.end());
  }
  return r;
}

}  // namespace actorscope
