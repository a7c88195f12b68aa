#pragma once
// Recording: a bounded in-memory record of the trace stream with keyframes, and its file format
// (JSON Lines, documented in docs/trace-format.md).
//
//   Recorder rec;                                   // on the thread that drains the trace
//   rec.start(rt.snapshot(), rt.in_flight(), info); // the state recording starts from
//   rec.record(events);                             // every drained batch
//   if (dropped_events grew) rec.resync(rt.snapshot(), rt.in_flight());
//   save_recording("run.jsonl", rec.recording(), err);
//
//   ReadResult r = load_recording("run.jsonl");     // never throws; errors name the line
//   for (auto& e : r.errors) std::cerr << e << '\n';
//   Replay replay(std::move(r.recording));          // actorscope/replay.hpp
//
// No Qt. A Recorder and a ReplayState are used from one thread at a time.

#include "actorscope/scenarios.hpp"
#include "actorscope/process_graph.hpp"
#include "actorscope/trace.hpp"

#include <cstdint>
#include <deque>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope {

/// The trace-format version this build writes, and the newest it reads.
inline constexpr int kTraceFormatVersion = 2;

/// Who made a recording, and of what.
struct RecordingInfo {
  std::string created_by = "actorscope";  // program and version
  std::string created_at;                 // ISO 8601 UTC; filled in by the writer when empty
  std::string scenario;                   // the built-in scenario's name, empty when none
  ScenarioParams params;                  // its parameters
  bool deterministic = false;             // recorded from a deterministic runtime
  Semantics semantics = Semantics::Beam;  // the runtime's rules (the picture reads events by them)
};

/// The picture at one moment of a recording: live processes and the exit signals and DOWNs on
/// their way. Mailbox convention (as the live observer counts): message_queue_len counts the
/// messages sent to a process and not yet received, including those still travelling.
struct Keyframe {
  size_t index = 0;                    // events of the recording before this moment
  Snapshot state;                      // seq: first seq not reflected; processes sorted by serial
  std::vector<InFlightSignal> in_flight;  // Exit and Down signals only
  std::vector<uint64_t> in_flight_seq;    // seq of each one's SignalSent (0: unknown; not saved)
};

/// A recording: where it starts, the events in seq order, and keyframes for fast seeking.
struct Recording {
  RecordingInfo info;
  Keyframe initial;                 // index 0
  std::vector<TraceEvent> events;
  std::vector<Keyframe> keyframes;  // increasing index in (0, events.size()]; authoritative states
  uint64_t dropped = 0;             // events the recorder threw away before `initial` (ring full)
};

/// The picture a recording replays: the one state machine (process_graph.hpp).
using ReplayState = ProcessGraph;

struct RecorderOptions {
  /// Events held at most; when full, the oldest keyframe segment is dropped (and counted).
  size_t capacity = 1'000'000;
  /// Events between two keyframes, at least; grown to 2 x live processes so keyframes cost O(1)
  /// per event, and capped at capacity / 4.
  size_t keyframe_interval = 4096;
};

/// A bounded in-memory recording of the trace stream. Memory: at most `capacity` events, plus
/// one keyframe per segment (at most capacity / keyframe_interval + 2 segments).
/// Not thread-safe: call from the thread that drains the trace (or guard it).
class Recorder {
 public:
  explicit Recorder(RecorderOptions opts = {});

  /// Forgets everything and starts from `initial` (a runtime snapshot; may be empty).
  void start(const Snapshot& initial, const std::vector<InFlightSignal>& in_flight = {}, RecordingInfo info = {});
  void set_info(RecordingInfo info) { info_ = std::move(info); }
  const RecordingInfo& info() const { return info_; }
  void record(const TraceEvent& e);
  void record(const std::vector<TraceEvent>& events);
  /// After lost events (Runtime::dropped_events() grew, or the GUI host coalesced): a new
  /// segment from the runtime's state. Later events with a seq below the snapshot's are already
  /// in it and are not recorded.
  void resync(const Snapshot& s, const std::vector<InFlightSignal>& in_flight = {});
  void clear();

  size_t size() const { return size_; }
  size_t capacity() const { return opts_.capacity; }
  uint64_t recorded() const { return recorded_; }  // since start()
  uint64_t dropped() const { return dropped_; }    // oldest events thrown away since start()
  size_t segments() const { return segs_.size(); }
  /// Keyframe processes held (a measure of keyframe memory).
  size_t keyframe_processes() const;
  /// A rough estimate of the bytes held (events with their terms, keyframes).
  size_t approx_bytes() const { return bytes_; }
  /// The picture after the last recorded event.
  const ReplayState& state() const { return live_; }

  /// A copy of what is held: the oldest segment's keyframe as `initial`, the others as keyframes.
  Recording recording() const;

 private:
  struct Segment {
    Keyframe start;
    std::vector<TraceEvent> events;
    size_t bytes = 0;
  };
  void open_segment();
  size_t interval() const;

  RecorderOptions opts_;
  RecordingInfo info_;
  ReplayState live_;
  std::deque<Segment> segs_;
  size_t size_ = 0;
  size_t bytes_ = 0;
  uint64_t recorded_ = 0;
  uint64_t dropped_ = 0;
  uint64_t floor_ = 0;  // seq of the last snapshot started from
};

// ---- the file format (docs/trace-format.md) -------------------------------------------------------

/// One event as a JSON object on one line (no newline): the encoding of event lines, also used
/// by the event-log export.
std::string event_to_json(const TraceEvent& e);
/// Parses an event object; on failure returns false and sets `error` (`field "a": expected a
/// pid, got "x"`, `unknown event kind "spwn"`), without the line number.
bool event_from_json(std::string_view line, TraceEvent& out, std::string& error);

/// Writes the header, every event, and the keyframes at their places. Returns false on a stream
/// error.
bool write_recording(std::ostream& os, const Recording& r);
/// Writes to a file; false with `error` set when it cannot.
bool save_recording(const std::string& path, const Recording& r, std::string& error);

struct ReadResult {
  Recording recording;              // as much as could be read
  std::vector<std::string> errors;  // "line 17: unknown event kind \"spwn\"", at most kMaxErrors
  bool header_ok = false;           // false: nothing usable (no header, future version, no file)
  size_t lines = 0;
  static constexpr size_t kMaxErrors = 100;
  bool ok() const { return header_ok && errors.empty(); }
};
/// Reads a recording. Never throws; a bad event line is skipped (and named in errors), a
/// truncated last line is reported, a future version stops at line 1.
ReadResult read_recording(std::istream& is);
ReadResult load_recording(const std::string& path);

}  // namespace actorscope
