#include "Pipeline.h"

#include "ObserverModel.h"

namespace actorscope::views {

void Pipeline::feed(HostBatch& batch) {
  const double now = scene_->now();
  if (batch.snapshot) {
    const bool full = model_->wantsFullSnapshot();
    if (full) present(playhead_.flush());
    model_->enqueueSnapshot(std::move(*batch.snapshot), full);
    batch.snapshot.reset();
  }
  if (!batch.events.empty()) playhead_.push(batch.events, now);
  advance();
  model_->setDroppedEvents(batch.dropped_events);
}

void Pipeline::push(const std::vector<TraceEvent>& events) {
  if (!events.empty()) playhead_.push(events, scene_->now());
}

void Pipeline::advance() {
  present(playhead_.take(scene_->now()));
  scene_->setTravelMs(playhead_.travel_now());
}

void Pipeline::present(std::vector<PresentedEvent> due) {
  if (due.empty()) return;
  std::vector<TraceEvent> effects;
  effects.reserve(due.size());
  bool skipped = false;
  for (PresentedEvent& p : due) {
    skipped = skipped || p.fast_forwarded;
    if (p.phase == PresentedEvent::Phase::Departure) {
      if (!p.fast_forwarded) scene_->departure(p.event, p.travel_ms);
      continue;
    }
    if (p.event.kind == TraceKind::SignalSent && !p.fast_forwarded) scene_->planTravel(p.event.seq, p.travel_ms);
    effects.push_back(std::move(p.event));
  }
  if (skipped) fastForwardAt_ = scene_->now();
  if (onPresented) onPresented(effects);
  model_->enqueue(std::move(effects));
}

}  // namespace actorscope::views
