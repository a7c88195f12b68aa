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

class GraphScene;
class ObserverModel;

class Pipeline {
public:
  Pipeline(ObserverModel* model, GraphScene* scene) : model_(model), scene_(scene) {}

  /// One frame of the live source. A full snapshot (the model was cleared or lost events) first
  /// presents everything the playhead holds, then replaces the state; a periodic one only
  /// refreshes fields (the playhead reorders independent processes, so the picture is never "the
  /// state at one seq"). The caller then runs ObserverModel::processPending().
  void feed(HostBatch& batch);
  /// The graph shows something else (the timeline's past): what the playhead holds is dropped.
  void clear() { playhead_.clear(); }

  const Playhead& playhead() const { return playhead_; }
  /// Scene ms of the latest fast-forward (-inf when none).
  double lastFastForwardAt() const { return fastForwardAt_; }
  /// Called with the effects as they are presented, before the model gets them (the charts).
  std::function<void(const std::vector<TraceEvent>&)> onPresented;

private:
  void present(std::vector<PresentedEvent> due);

  ObserverModel* model_;
  GraphScene* scene_;
  Playhead playhead_;
  double fastForwardAt_ = -1e300;
};

}  // namespace actorscope::views
