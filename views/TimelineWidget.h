#pragma once
// TimelineWidget: recording and time travel. A Recorder (bounded, on by default) is fed from every
// host batch; a scrub bar over the recorded time shows markers for exits, restarts and injected
// faults (click one to jump there); play forward or back at 0.1x..10x; "Live" returns to the
// running runtime. While scrubbing, live updates are not applied to the ObserverModel: the
// timeline feeds it Replay snapshots (jumps, backward) and Replay events (forward play, so the
// graph animates as live). Recordings are saved and opened as JSON Lines (docs/trace-format.md).
// Shift+drag (or right-drag) on the bar selects a stretch, exported as a Mermaid sequenceDiagram.
// GUI thread only.

#include "RuntimeHost.h"

#include "actorscope/recording.hpp"
#include "actorscope/replay.hpp"

#include <QElapsedTimer>
#include <QWidget>

#include <deque>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace actorscope::views {

class GraphScene;
class ObserverModel;
class Pipeline;
class TimelineBar;

class TimelineWidget final : public QWidget {
  Q_OBJECT

public:
  /// `scene` may be null (tests).
  TimelineWidget(ObserverModel* model, GraphScene* scene, QWidget* parent = nullptr);
  ~TimelineWidget() override;
  /// The window's presentation pipeline: events played forward take its playhead, as live ones
  /// do (causal order, travel, minimum life). Without one they are applied at once (tests).
  void setPipeline(Pipeline* p) { pipeline_ = p; }

  /// Live markers kept at most (the recording itself is bounded by the Recorder).
  static constexpr size_t kMaxLiveMarkers = 20'000;

  // ---- recording (fed by the window's frame tick) ----
  /// A new runtime: forget the recording; it starts from the next batch's snapshot.
  void startRecording(RecordingInfo info = {});
  /// Records a host batch (snapshot first: start or resync, then the events).
  void record(const HostBatch& batch);
  const Recorder& recorder() const { return rec_; }
  void setRecordingEnabled(bool on) { enabled_ = on; }
  bool recordingEnabled() const { return enabled_; }

  // ---- time travel ----
  /// True while the model shows the past (live updates must not be applied).
  bool scrubbing() const { return bool(replay_); }
  /// Freezes the recording into a Replay (when live) and shows the state after n events.
  void seekIndex(size_t n);
  /// Shows the state at time t (ns, the runtime clock).
  void seekTime(int64_t t_ns);
  /// Jumps to marker i of the replay (the state just after it). False when there is none.
  bool seekMarker(size_t i);
  /// Plays at `speed` (0.1..10) forward (dir = 1) or backward (dir = -1); 0 stops.
  void play(int dir, double speed);
  void setSpeed(double speed);
  /// Back to the running runtime.
  void goLive();
  Replay* replay() const { return replay_.get(); }
  size_t position() const { return pos_; }
  /// Events the live recording holds so far (0 when recording is off or nothing came yet).
  size_t recordedEvents() const { return rec_.size(); }
  /// The recording has its first snapshot: events from now on are kept.
  bool recordingStarted() const { return started_; }
  /// Markers: the replay's when scrubbing, else those seen live.
  const std::vector<Marker>& markers();

  // ---- files ----
  bool saveRecording(const QString& path, QString* error = nullptr);
  /// Opens a recording and shows its start; false (errors filled) when the header is unusable.
  /// Bad lines are listed in `errors` and skipped.
  bool openRecording(const QString& path, QStringList* errors = nullptr);
  QAction* saveAction() const { return saveAction_; }
  QAction* openAction() const { return openAction_; }
  /// The file shown ("" when live or scrubbing the live recording).
  QString openedFile() const { return fromFile_ ? file_ : QString(); }

  // ---- a stretch of time (Shift+drag or right-drag on the bar) ----
  /// Selects [a, b] (ns, either order, clamped to the range); a == b clears.
  void setSelection(int64_t a, int64_t b);
  void clearSelection();
  bool hasSelection() const { return selA_ < selB_; }
  int64_t selectionStart() const { return selA_; }
  int64_t selectionEnd() const { return selB_; }
  /// The selected stretch (or the whole recording when none is selected) as a Mermaid
  /// sequenceDiagram; `events` gets the number of events it covers.
  QString mermaid(size_t* events = nullptr) const;
  /// "Copy stretch as Mermaid" (clipboard) and "Save stretch as Mermaid..." (file).
  QAction* copyMermaidAction() const { return copyMermaidAction_; }
  QAction* saveMermaidAction() const { return saveMermaidAction_; }
  /// Most events a Mermaid export takes (a longer stretch is cut, with a note saying so).
  static constexpr size_t kMaxMermaidEvents = 2'000;

  /// What the timeline holds: the opened recording, or the live one so far.
  Recording recording() const;

  int64_t rangeStart() const;
  int64_t rangeEnd() const;
  int64_t cursor() const;

signals:
  /// The user went back to live: the model was cleared and needs a fresh snapshot.
  void liveRequested();
  /// Scrubbing started or ended.
  void scrubbingChanged(bool scrubbing);
  /// A recording file was opened (the timeline now scrubs it).
  void recordingOpened(const QString& path, qsizetype events);
  /// A one-line report for the status bar.
  void message(const QString& text);

private:
  void enterReplay();
  /// Shows the state after n events. `animate`: a few events forward are applied as events
  /// (else the state is rebuilt); `play`: they take the pipeline's playhead (Play), else they
  /// are applied at once (a seek: the state of that moment, now).
  void show(size_t n, bool animate, bool play = false);
  void onPlayTick();
  void updateUi();

  ObserverModel* model_;
  GraphScene* scene_;
  Pipeline* pipeline_ = nullptr;
  Recorder rec_;
  bool enabled_ = true;
  bool started_ = false;
  RecordingInfo info_;
  int64_t firstNs_ = -1;
  int64_t lastNs_ = 0;
  std::vector<Marker> liveMarkers_;
  std::unique_ptr<Replay> replay_;
  bool fromFile_ = false;
  QString file_;
  int64_t selA_ = 0, selB_ = 0;
  size_t pos_ = 0;
  int64_t curNs_ = 0;
  int dir_ = 0;
  double speed_ = 1;
  QElapsedTimer playClock_;

  TimelineBar* bar_;
  QPushButton* backBtn_;
  QPushButton* pauseBtn_;
  QPushButton* fwdBtn_;
  QPushButton* liveBtn_;
  QComboBox* speedCombo_;
  QLabel* info_l_;
  QTimer* playTimer_;
  QAction* saveAction_;
  QAction* openAction_;
  QAction* copyMermaidAction_;
  QAction* saveMermaidAction_;
};

}  // namespace actorscope::views
