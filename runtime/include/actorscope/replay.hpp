#pragma once
// Replay: time travel over a Recording. The state (topology, mailboxes, names, trap_exit,
// suspension) and the exit signals and DOWNs in flight after any number of events, the markers
// (exits, restarts, injected faults), and positions by time or seq.
//
//   Replay r(std::move(recording));
//   size_t n = r.index_at_time(t_ns);     // events at or before t
//   Snapshot s = r.snapshot_at(n);        // -> ObserverModel::enqueueSnapshot (a resync)
//   auto flying = r.in_flight_at(n);      // pulses to draw, with the time they arrive
//   r.events(n, n2)                       // -> play forward: feed them as live events
//
// Seeking starts from the nearest keyframe at or before the target (at most `interval` events
// applied), or continues from the last position when moving forward a little. No Qt; not
// thread-safe (one thread, e.g. the GUI thread).

#include "actorscope/recording.hpp"

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace actorscope {

/// A Send or SignalSent the window made (a command from outside the runtime): marked on timelines.
bool is_observer_command(const TraceEvent& e);

struct Marker {
  enum class Kind : uint8_t { Exit, Restart, Fault, Command, GiveUp };  // Command: from the observer (the window);
                                                                        // GiveUp: a supervisor reached its restart intensity
  Kind kind = Kind::Exit;
  size_t index = 0;     // the event's position; the state "at" the marker is state_at(index + 1)
  uint64_t seq = 0;
  int64_t time_ns = 0;
  Pid pid;              // Exit: who ended; Restart, GiveUp: the supervisor; Fault, Command: the target
  Term detail;          // Exit: reason; Restart: {child_id, reason}; Fault: the fault's term;
                        // Command: the exit reason or the message
  std::string label;    // one line for a tooltip: "#PID<0.90.0> exited: :boom"
};

class Replay {
 public:
  explicit Replay(Recording rec, size_t keyframe_interval = 1024);

  const Recording& recording() const { return rec_; }
  size_t size() const { return rec_.events.size(); }
  int64_t start_ns() const;
  int64_t end_ns() const;
  /// Events with time_ns <= t (so state_at(index_at_time(t)) is the state at time t).
  size_t index_at_time(int64_t t_ns) const;
  /// Events with seq < seq (the state a live Snapshot with this seq reflects).
  size_t index_at_seq(uint64_t seq) const;
  /// Time of the state after n events (the time of event n-1, or the start).
  int64_t time_at(size_t n) const;

  /// The state after the first n events (n is clamped to size()). Moves the cursor.
  const ReplayState& seek(size_t n);
  size_t position() const { return pos_; }
  Snapshot snapshot_at(size_t n) { return seek(n).snapshot(); }
  /// Exit signals and DOWNs sent and not yet delivered after n events; due_ns is when the
  /// recording shows them arriving (sent_ns when they never do, within the recording).
  std::vector<InFlightSignal> in_flight_at(size_t n);

  const std::vector<Marker>& markers() const { return markers_; }
  /// Events [from, to), clamped.
  std::span<const TraceEvent> events(size_t from, size_t to) const;
  /// Keyframes held (the recording's own ones and those computed on load).
  size_t keyframe_count() const { return keyframes_.size(); }

 private:
  Recording rec_;
  std::vector<Keyframe> keyframes_;  // sorted by index; keyframes_[0] is the initial state
  std::vector<Marker> markers_;
  std::unordered_map<uint64_t, int64_t> delivered_at_;  // SignalSent seq -> delivery time
  ReplayState cur_;
  size_t pos_ = 0;
  size_t interval_;
};

}  // namespace actorscope
