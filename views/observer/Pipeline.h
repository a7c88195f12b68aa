#pragma once
// Pipeline: the live source's way to the screen. Each frame it takes the host's batch into the
// playhead (causal order, presentation time), hands the due effects to the observer model and the
// due departures to the graph scene, and keeps snapshots from running ahead of the picture.
// MainWindow and the GUI benchmarks drive the same object. GUI thread only.

#include "RuntimeHost.h"

#include "actorscope/playhead.hpp"

#include <functional>
#include <vector>

namespace actorscope::views {

class ObserverModel;

/// What draws the travel of signals: the graph scene implements it (Widgets side); the pipeline
/// knows only this.
class PresentationSink {
public:
  virtual ~PresentationSink() = default;
  /// The presentation clock (ms).
  virtual double now() const = 0;
  /// How long a signal travels along its edge now (the playhead's travel time).
  virtual void setTravelMs(double ms) = 0;
  /// The travel planned for the signal of trace event `seq` (a SignalSent about to be applied).
  virtual void planTravel(uint64_t seq, double ms) = 0;
  /// A message leaves its sender; it lands `travelMs` later.
  virtual void departure(const TraceEvent& send, double travelMs) = 0;
};

class Pipeline {
public:
  Pipeline(ObserverModel* model, PresentationSink* scene) : model_(model), scene_(scene) {}

  /// One frame of the live source. A full snapshot (the model was cleared or lost events) first
  /// presents everything the playhead holds, then replaces the state; a periodic one only
  /// refreshes fields (the playhead reorders independent processes, so the picture is never "the
  /// state at one seq"). The caller then runs ObserverModel::processPending().
  void feed(HostBatch& batch);
  /// Events of another source (the timeline playing a recording forward): they take the same
  /// way to the screen, presented by advance().
  void push(const std::vector<TraceEvent>& events);
  /// Presents what is due now (feed() does this itself).
  void advance();
  /// Presents everything the playhead holds, now (before the picture jumps elsewhere).
  void flush() { present(playhead_.flush()); }
  /// The picture was rebuilt from elsewhere (a timeline jump, a new runtime): what the playhead
  /// holds is dropped.
  void clear() { playhead_.clear(); }

  const Playhead& playhead() const { return playhead_; }
  /// Scene ms of the latest fast-forward (-inf when none).
  double lastFastForwardAt() const { return fastForwardAt_; }
  /// Called with the effects as they are presented, before the model gets them (the charts).
  std::function<void(const std::vector<TraceEvent>&)> onPresented;

private:
  void present(std::vector<PresentedEvent> due);

  ObserverModel* model_;
  PresentationSink* scene_;
  Playhead playhead_;
  double fastForwardAt_ = -1e300;
};

}  // namespace actorscope::views
