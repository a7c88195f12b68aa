// Recorder: a bounded ring of keyframe segments (the picture itself is a ProcessGraph).

#include "actorscope/recording.hpp"

#include <algorithm>

namespace actorscope {

namespace {

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
  live_.set_semantics(info_.semantics);
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
