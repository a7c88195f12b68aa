#include "actorscope/replay.hpp"

#include "actorscope/console/session.hpp"

#include <algorithm>

namespace actorscope {

bool is_observer_command(const TraceEvent& e) {
  // From outside the runtime (the window): not the console's own traffic, not the runtime's node
  // notices, not a DOWN the runtime makes for a name or node it cannot reach, not a lost
  // connection's exit (an Ergo node link), not the node's Kill called by a process (pid2).
  if (e.kind != TraceKind::Send && e.kind != TraceKind::SignalSent) return false;
  return !e.a.valid() && !e.pid2.valid() && e.signal != SignalType::Down && !(e.kind == TraceKind::Send && e.flag) &&
         !(e.kind == TraceKind::SignalSent && e.node2 == 1) && !console::is_console_protocol(e.term);
}

namespace {
std::string label_of(const Marker& m) {
  switch (m.kind) {
    case Marker::Kind::Exit: return inspect_pid(m.pid) + " exited: " + inspect(m.detail);
    case Marker::Kind::Restart: return "supervisor " + inspect_pid(m.pid) + " restarted a child: " + inspect(m.detail);
    case Marker::Kind::Command: return "the observer: " + inspect(m.detail) + " to " + inspect_pid(m.pid);
    case Marker::Kind::GiveUp: return "supervisor " + inspect_pid(m.pid) + " gave up: " + inspect(m.detail);
    case Marker::Kind::Fault: break;
  }
  return "fault: " + inspect(m.detail);
}
}  // namespace

Replay::Replay(Recording rec, size_t keyframe_interval) : rec_(std::move(rec)), interval_(std::max<size_t>(1, keyframe_interval)) {
  ReplayState s;
  s.set_semantics(rec_.info.semantics);
  s.reset(rec_.initial);
  keyframes_.push_back(s.keyframe(0));
  size_t next_file_kf = 0;
  size_t since = 0;
  // Pairs SignalSent with SignalDelivered as the picture does (ProcessGraph::in_flight_match).
  const auto& ev = rec_.events;
  for (size_t i = 0; i <= ev.size(); ++i) {
    bool stored = false;
    while (next_file_kf < rec_.keyframes.size() && rec_.keyframes[next_file_kf].index <= i) {
      s.reset(rec_.keyframes[next_file_kf]);  // authoritative (a resync after lost events)
      Keyframe k = rec_.keyframes[next_file_kf];
      k.index = i;
      if (!stored) keyframes_.push_back(std::move(k));
      else keyframes_.back() = std::move(k);
      stored = true;
      since = 0;
      ++next_file_kf;
    }
    if (i == ev.size()) break;
    if (!stored && since >= std::max(interval_, 2 * s.processes().size())) {
      keyframes_.push_back(s.keyframe(i));
      since = 0;
    }
    const TraceEvent& e = ev[i];
    if (e.kind == TraceKind::SignalDelivered) {
      const size_t k = s.in_flight_match(e);
      if (k < s.in_flight().size())
        if (uint64_t sq = s.in_flight_seq()[k]) delivered_at_[sq] = e.time_ns;
    }
    s.apply(e);
    ++since;
    Marker m;
    m.index = i;
    m.seq = e.seq;
    m.time_ns = e.time_ns;
    switch (e.kind) {
      case TraceKind::Exit:
        m.kind = Marker::Kind::Exit;
        m.pid = e.a;
        m.detail = e.term;
        break;
      case TraceKind::Restart:
        m.kind = Marker::Kind::Restart;
        m.pid = e.a;
        m.detail = e.term;
        break;
      case TraceKind::GiveUp:
        m.kind = Marker::Kind::GiveUp;
        m.pid = e.a;
        m.detail = e.term;
        break;
      case TraceKind::Fault:
        m.kind = Marker::Kind::Fault;
        m.pid = e.a;
        m.detail = e.term;
        break;
      case TraceKind::SignalSent:
      case TraceKind::Send:
        if (!is_observer_command(e)) continue;
        m.kind = Marker::Kind::Command;
        m.pid = e.b;
        m.detail = e.term;
        break;
      default: continue;
    }
    m.label = label_of(m);
    if (m.kind == Marker::Kind::Fault) {
      m.label = "fault " + std::string(atom_name(e.name)) +
                (e.a.valid() ? " on " + inspect_pid(e.a) : std::string()) + ": " + inspect(e.term);
    }
    markers_.push_back(std::move(m));
  }
  cur_.set_semantics(rec_.info.semantics);
  cur_.reset(keyframes_.front());
  pos_ = 0;
}

int64_t Replay::start_ns() const {
  return rec_.events.empty() ? rec_.initial.state.time_ns : std::min(rec_.initial.state.time_ns, rec_.events.front().time_ns);
}
int64_t Replay::end_ns() const { return rec_.events.empty() ? start_ns() : rec_.events.back().time_ns; }

size_t Replay::index_at_time(int64_t t) const {
  auto it = std::upper_bound(rec_.events.begin(), rec_.events.end(), t,
                             [](int64_t v, const TraceEvent& e) { return v < e.time_ns; });
  return static_cast<size_t>(it - rec_.events.begin());
}

size_t Replay::index_at_seq(uint64_t seq) const {
  auto it = std::lower_bound(rec_.events.begin(), rec_.events.end(), seq,
                             [](const TraceEvent& e, uint64_t v) { return e.seq < v; });
  return static_cast<size_t>(it - rec_.events.begin());
}

int64_t Replay::time_at(size_t n) const {
  n = std::min(n, rec_.events.size());
  return n == 0 ? start_ns() : rec_.events[n - 1].time_ns;
}

const ReplayState& Replay::seek(size_t n) {
  n = std::min(n, rec_.events.size());
  // The keyframe at or before n.
  auto it = std::upper_bound(keyframes_.begin(), keyframes_.end(), n,
                             [](size_t v, const Keyframe& k) { return v < k.index; });
  const Keyframe& kf = *(it - 1);
  if (n < pos_ || kf.index > pos_) {
    cur_.reset(kf);
    pos_ = kf.index;
  }
  // Events between pos_ and n, resetting at authoritative keyframes on the way.
  auto next = std::upper_bound(keyframes_.begin(), keyframes_.end(), pos_,
                               [](size_t v, const Keyframe& k) { return v < k.index; });
  for (; pos_ < n; ++pos_) {
    cur_.apply(rec_.events[pos_]);
    if (next != keyframes_.end() && next->index == pos_ + 1) {
      cur_.reset(*next);
      ++next;
    }
  }
  return cur_;
}

std::vector<InFlightSignal> Replay::in_flight_at(size_t n) {
  const ReplayState& s = seek(n);
  std::vector<InFlightSignal> out = s.in_flight();
  for (size_t k = 0; k < out.size(); ++k) {
    auto it = delivered_at_.find(s.in_flight_seq()[k]);
    out[k].due_ns = it != delivered_at_.end() ? it->second : out[k].sent_ns;
  }
  return out;
}

std::span<const TraceEvent> Replay::events(size_t from, size_t to) const {
  to = std::min(to, rec_.events.size());
  from = std::min(from, to);
  return std::span<const TraceEvent>(rec_.events.data() + from, to - from);
}

}  // namespace actorscope
