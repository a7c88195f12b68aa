#include "TimelineWidget.h"

#include "GraphStyle.h"
#include "Pipeline.h"

#include "EventText.h"
#include "GraphScene.h"
#include "ObserverModel.h"

#include "actorscope/console/session.hpp"
#include "actorscope/exporters.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace actorscope::views {

// ---- the scrub bar -------------------------------------------------------------------------------

class TimelineBar final : public QWidget {
public:
  explicit TimelineBar(TimelineWidget* t) : QWidget(t), t_(t) {
    setObjectName(QStringLiteral("timelineBar"));
    setMinimumHeight(34);
    setMouseTracking(true);
    setToolTip(TimelineWidget::tr("Click or drag to travel in time; click a marker to jump to it;\n"
                  "Shift+drag or right-drag selects a stretch (right-click: export it as Mermaid)"));
    setContextMenuPolicy(Qt::PreventContextMenu);  // the menu opens on a right click that did not drag
  }

protected:
  double xOf(int64_t ns) const {
    const int64_t a = t_->rangeStart(), b = t_->rangeEnd();
    if (b <= a) return 8;
    return 8 + double(ns - a) / double(b - a) * (width() - 16);
  }
  int64_t nsOf(double x) const {
    const int64_t a = t_->rangeStart(), b = t_->rangeEnd();
    const double f = std::clamp((x - 8) / std::max(1, width() - 16), 0.0, 1.0);
    return a + int64_t(f * double(b - a));
  }
  static QColor colour(Marker::Kind k) {
    switch (k) {
      case Marker::Kind::Exit: return QColor(0xd6, 0x36, 0x36);
      case Marker::Kind::Restart: return QColor(0x2e, 0x7d, 0xd1);
      case Marker::Kind::Fault: return QColor(0xf0, 0x8c, 0x00);
      case Marker::Kind::Command: return style::observerColor();
      case Marker::Kind::GiveUp: return QColor(0x8b, 0x1a, 0x1a);
    }
    return Qt::gray;
  }
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF track(8, height() / 2.0 - 3, width() - 16, 6);
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::Mid));
    p.drawRoundedRect(track, 3, 3);
    const double cx = xOf(t_->cursor());
    p.setBrush(t_->scrubbing() ? QColor(0x7a, 0x5c, 0xc7) : QColor(0x3a, 0xa6, 0x5a));
    p.drawRoundedRect(QRectF(track.left(), track.top(), cx - track.left(), track.height()), 3, 3);
    if (t_->hasSelection()) {
      const double a = xOf(t_->selectionStart()), b = xOf(t_->selectionEnd());
      QColor band = palette().color(QPalette::Highlight);
      band.setAlpha(70);
      p.setBrush(band);
      p.setPen(QPen(palette().color(QPalette::Highlight), 1));
      p.drawRect(QRectF(a, 1, std::max(2.0, b - a), height() - 2));
      p.setPen(Qt::NoPen);
    }
    // Markers: short ticks above (exits), below (restarts), full height (faults).
    for (const Marker& m : t_->markers()) {
      const double x = xOf(m.time_ns);
      p.setPen(QPen(colour(m.kind), 2));
      switch (m.kind) {
        case Marker::Kind::Exit: p.drawLine(QPointF(x, 2), QPointF(x, height() / 2.0 - 4)); break;
        case Marker::Kind::Restart: p.drawLine(QPointF(x, height() / 2.0 + 4), QPointF(x, height() - 2)); break;
        case Marker::Kind::Fault:
        case Marker::Kind::GiveUp:
        case Marker::Kind::Command: p.drawLine(QPointF(x, 2), QPointF(x, height() - 2)); break;
      }
    }
    p.setPen(QPen(palette().color(QPalette::Text), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawEllipse(QPointF(cx, height() / 2.0), 6, 6);
  }
  int markerAt(double x) const {
    int best = -1;
    double bestD = 5;
    const auto& ms = t_->markers();
    for (size_t i = 0; i < ms.size(); ++i) {
      const double d = std::abs(xOf(ms[i].time_ns) - x);
      if (d < bestD) {
        bestD = d;
        best = int(i);
      }
    }
    return best;
  }
  void mousePressEvent(QMouseEvent* e) override {
    const double x = e->position().x();
    if (e->button() == Qt::RightButton || (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier))) {
      selecting_ = true;
      selFrom_ = nsOf(x);
      pressX_ = x;
      return;
    }
    const int m = markerAt(x);
    if (m >= 0) {
      const int64_t t = t_->markers()[size_t(m)].time_ns;
      t_->seekTime(t);  // freezes the replay; then the replay's marker at that time
      const auto& ms = t_->markers();
      for (size_t i = 0; i < ms.size(); ++i)
        if (ms[i].time_ns >= t) {
          t_->seekMarker(i);
          break;
        }
    } else {
      t_->seekTime(nsOf(x));
    }
    update();
  }
  void mouseMoveEvent(QMouseEvent* e) override {
    const double x = e->position().x();
    if (selecting_) {
      if (std::abs(x - pressX_) >= 3) t_->setSelection(selFrom_, nsOf(x));
      return;
    }
    if (e->buttons() & Qt::LeftButton) {
      t_->seekTime(nsOf(x));
      update();
      return;
    }
    const int m = markerAt(x);
    if (m >= 0) QToolTip::showText(e->globalPosition().toPoint(), QString::fromStdString(t_->markers()[size_t(m)].label), this);
    else QToolTip::hideText();
  }
  void mouseReleaseEvent(QMouseEvent* e) override {
    if (!selecting_) return;
    selecting_ = false;
    if (e->button() != Qt::RightButton || std::abs(e->position().x() - pressX_) >= 3) return;
    QMenu menu(this);
    menu.addAction(t_->copyMermaidAction());
    menu.addAction(t_->saveMermaidAction());
    QAction* clear = menu.addAction(TimelineWidget::tr("Clear the selection"));
    clear->setEnabled(t_->hasSelection());
    if (menu.exec(e->globalPosition().toPoint()) == clear) t_->clearSelection();
  }

private:
  TimelineWidget* t_;
  bool selecting_ = false;
  int64_t selFrom_ = 0;
  double pressX_ = 0;
};

// ---- the widget -----------------------------------------------------------------------------------

TimelineWidget::TimelineWidget(ObserverModel* model, GraphScene* scene, QWidget* parent)
    : QWidget(parent), model_(model), scene_(scene), bar_(new TimelineBar(this)), playTimer_(new QTimer(this)) {
  setObjectName(QStringLiteral("timelineWidget"));
  auto button = [this](const QString& text, const QString& name, const QString& tip) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(name);
    b->setToolTip(tip);
    b->setAutoDefault(false);
    b->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);  // as wide as its text, in every language
    return b;
  };
  backBtn_ = button(tr("\u25c0 Back"), QStringLiteral("timelineBack"), tr("Play backward"));
  pauseBtn_ = button(QStringLiteral("\u2016"), QStringLiteral("timelinePause"), tr("Stop playing (stay at this moment)"));
  fwdBtn_ = button(tr("Play \u25b6"), QStringLiteral("timelinePlay"), tr("Play forward"));
  liveBtn_ = button(tr("Live"), QStringLiteral("timelineLive"), tr("Return to the running runtime"));
  speedCombo_ = new QComboBox(this);
  speedCombo_->setObjectName(QStringLiteral("timelineSpeed"));
  for (double s : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0}) speedCombo_->addItem(QStringLiteral("%1x").arg(s), s);
  speedCombo_->setCurrentIndex(3);
  speedCombo_->setToolTip(tr("Playback speed"));
  info_l_ = new QLabel(this);
  info_l_->setObjectName(QStringLiteral("timelineInfo"));
  info_l_->setMinimumWidth(230);

  auto* l = new QHBoxLayout(this);
  l->setContentsMargins(4, 2, 4, 2);
  l->addWidget(backBtn_);
  l->addWidget(pauseBtn_);
  l->addWidget(fwdBtn_);
  l->addWidget(speedCombo_);
  l->addWidget(bar_, 1);
  l->addWidget(info_l_);
  l->addWidget(liveBtn_);

  connect(backBtn_, &QPushButton::clicked, this, [this] { play(-1, speed_); });
  connect(fwdBtn_, &QPushButton::clicked, this, [this] { play(1, speed_); });
  connect(pauseBtn_, &QPushButton::clicked, this, [this] { play(0, speed_); });
  connect(liveBtn_, &QPushButton::clicked, this, &TimelineWidget::goLive);
  connect(speedCombo_, &QComboBox::activated, this, [this](int i) { setSpeed(speedCombo_->itemData(i).toDouble()); });
  playTimer_->setInterval(33);
  connect(playTimer_, &QTimer::timeout, this, &TimelineWidget::onPlayTick);

  saveAction_ = new QAction(tr("Save recording..."), this);
  saveAction_->setObjectName(QStringLiteral("saveRecordingAction"));
  saveAction_->setShortcut(QKeySequence::Save);
  connect(saveAction_, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save recording"), QStringLiteral("recording.jsonl"),
                                                      tr("Recordings (*.jsonl);;All files (*)"));
    if (path.isEmpty()) return;
    QString err;
    if (!saveRecording(path, &err)) QMessageBox::warning(this, tr("Save recording"), err);
  });
  openAction_ = new QAction(tr("Open recording..."), this);
  openAction_->setShortcut(QKeySequence::Open);
  openAction_->setObjectName(QStringLiteral("openRecordingAction"));
  connect(openAction_, &QAction::triggered, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open recording"), {}, tr("Recordings (*.jsonl);;All files (*)"));
    if (path.isEmpty()) return;
    QStringList errors;
    const bool ok = openRecording(path, &errors);
    if (!errors.isEmpty())
      QMessageBox::warning(this, tr("Open recording"),
                           (ok ? tr("Some lines could not be read and were skipped:\n")
                               : tr("The recording could not be opened:\n")) +
                               errors.mid(0, 20).join(QLatin1Char('\n')));
  });
  copyMermaidAction_ = new QAction(tr("Copy stretch as Mermaid"), this);
  copyMermaidAction_->setObjectName(QStringLiteral("copyMermaidAction"));
  copyMermaidAction_->setToolTip(tr("The selected stretch of the timeline (all of it when none is selected) as a "
                                    "Mermaid sequenceDiagram, to paste into notes"));
  connect(copyMermaidAction_, &QAction::triggered, this, [this] {
    size_t n = 0;
    const QString text = mermaid(&n);
    if (n == 0) {
      emit message(tr("Mermaid: the stretch holds no events (Shift+drag on the timeline to select one)"));
      return;
    }
    QApplication::clipboard()->setText(text);
    emit message(tr("Copied a Mermaid sequenceDiagram of %1 events to the clipboard").arg(n));
  });
  saveMermaidAction_ = new QAction(tr("Save stretch as Mermaid..."), this);
  saveMermaidAction_->setObjectName(QStringLiteral("saveMermaidAction"));
  connect(saveMermaidAction_, &QAction::triggered, this, [this] {
    size_t n = 0;
    const QString text = mermaid(&n);
    if (n == 0) {
      QMessageBox::information(this, tr("Export Mermaid"),
                               tr("The selected stretch holds no events. Shift+drag (or right-drag) on the timeline "
                                  "to select a stretch with spawns, messages or exits."));
      return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save stretch as Mermaid"), QStringLiteral("sequence.mmd"),
                                                      tr("Mermaid (*.mmd *.md);;All files (*)"));
    if (path.isEmpty()) return;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
      QMessageBox::warning(this, tr("Export Mermaid"), tr("Could not write %1: %2").arg(path, f.errorString()));
      return;
    }
    emit message(tr("Saved a Mermaid sequenceDiagram of %1 events to %2").arg(n).arg(path));
  });
  updateUi();
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::startRecording(RecordingInfo info) {
  if (replay_) {
    replay_.reset();
    fromFile_ = false;
    playTimer_->stop();
    dir_ = 0;
    emit scrubbingChanged(false);
  }
  rec_.clear();
  selA_ = selB_ = 0;
  info_ = std::move(info);
  started_ = false;
  firstNs_ = -1;
  lastNs_ = 0;
  liveMarkers_.clear();
  updateUi();
}

void TimelineWidget::record(const HostBatch& b) {
  if (!enabled_) return;
  if (b.snapshot) {
    if (!started_) {
      rec_.start(*b.snapshot, {}, info_);
      started_ = true;
    } else {
      // The batch's events older than its snapshot are the steps to it (a kill and what followed,
      // in the round that ran the command): kept, unless events were lost on the way (coalesced),
      // when the snapshot alone says where things stand.
      if (!b.coalesced)
        for (const TraceEvent& e : b.events)
          if (e.seq < b.snapshot->seq) rec_.record(e);
      rec_.resync(*b.snapshot);
    }
  }
  if (!started_) return;  // nothing to start from yet
  if (!b.events.empty()) {
    rec_.record(b.events);
    if (firstNs_ < 0) firstNs_ = b.events.front().time_ns;
    for (const TraceEvent& e : b.events) {
      Marker m;
      switch (e.kind) {
        case TraceKind::Exit:
          m.kind = Marker::Kind::Exit;
          m.pid = e.a;
          break;
        case TraceKind::Restart:
          m.kind = Marker::Kind::Restart;
          m.pid = e.a;
          break;
        case TraceKind::Fault:
          m.kind = Marker::Kind::Fault;
          m.pid = e.a;
          break;
        case TraceKind::GiveUp:
          m.kind = Marker::Kind::GiveUp;
          m.pid = e.a;
          break;
        case TraceKind::SignalSent:
        case TraceKind::Send:
          if (!is_observer_command(e)) continue;
          m.kind = Marker::Kind::Command;
          m.pid = e.b;
          break;
        default: continue;
      }
      m.seq = e.seq;
      m.time_ns = e.time_ns;
      static const ErgoNaming ergoWords;  // by-name links are not told apart here
      m.label = describeEvent(e, {}, {}, info_.semantics == Semantics::Ergo ? &ergoWords : nullptr)
                    .toStdString();  // the tooltip, as the event log says it
      liveMarkers_.push_back(std::move(m));
    }
    if (liveMarkers_.size() > kMaxLiveMarkers)
      liveMarkers_.erase(liveMarkers_.begin(), liveMarkers_.begin() + ptrdiff_t(liveMarkers_.size() - kMaxLiveMarkers / 2));
  }
  if (firstNs_ < 0 && b.now_ns > 0) firstNs_ = b.now_ns;
  lastNs_ = std::max(lastNs_, b.now_ns);
  if (!b.events.empty()) lastNs_ = std::max(lastNs_, b.events.back().time_ns);
  if (!replay_) updateUi();
}

const std::vector<Marker>& TimelineWidget::markers() { return replay_ ? replay_->markers() : liveMarkers_; }

int64_t TimelineWidget::rangeStart() const {
  if (replay_) return replay_->start_ns();
  return std::max<int64_t>(0, firstNs_);
}
int64_t TimelineWidget::rangeEnd() const {
  if (replay_) return replay_->end_ns();
  return lastNs_;
}
int64_t TimelineWidget::cursor() const { return replay_ ? curNs_ : rangeEnd(); }

void TimelineWidget::enterReplay() {
  if (replay_) return;
  replay_ = std::make_unique<Replay>(rec_.recording());
  fromFile_ = false;
  pos_ = replay_->size();
  curNs_ = replay_->end_ns();
  emit scrubbingChanged(true);
}

void TimelineWidget::seekIndex(size_t n) {
  if (!replay_ && !started_) return;
  const bool entering = !replay_;
  enterReplay();
  n = std::min(n, replay_->size());
  curNs_ = replay_->time_at(n);
  show(n, !entering);
  updateUi();
}

void TimelineWidget::seekTime(int64_t t) {
  if (!replay_ && !started_) return;
  const bool entering = !replay_;
  enterReplay();
  t = std::clamp(t, replay_->start_ns(), replay_->end_ns());
  curNs_ = t;
  show(replay_->index_at_time(t), !entering);
  updateUi();
}

bool TimelineWidget::seekMarker(size_t i) {
  if (!replay_ && !started_) return false;
  const bool entering = !replay_;
  enterReplay();
  if (i >= replay_->markers().size()) return false;
  const size_t n = replay_->markers()[i].index + 1;
  curNs_ = replay_->time_at(n);
  show(n, !entering);
  updateUi();
  return true;
}

void TimelineWidget::show(size_t n, bool animate, bool play) {
  n = std::min(n, replay_->size());
  const bool viaPlayhead = play && pipeline_;
  // A seek shows its moment now: what Play left in the playhead is presented first.
  if (pipeline_ && !viaPlayhead) pipeline_->flush();
  // Forward by a few events: they are applied (the graph animates as live); otherwise rebuilt.
  const bool rebuilt = !(animate && n >= pos_ && n - pos_ <= ObserverModel::kMaxEventsPerTick);
  if (!rebuilt) {
    if (n > pos_) {
      auto span = replay_->events(pos_, n);
      std::vector<TraceEvent> events(span.begin(), span.end());
      if (viaPlayhead) pipeline_->push(events);
      else model_->enqueue(std::move(events));
    }
  } else {
    if (pipeline_) pipeline_->clear();
    // A jump, or backward: the state as it was, from scratch (the model keeps the dead, which a
    // past snapshot would not bring back).
    model_->clear();
    if (scene_) scene_->reset();
    model_->enqueueSnapshot(replay_->snapshot_at(n));
  }
  pos_ = n;
  model_->processPending(SIZE_MAX);
  if (scene_) {
    // The moment shown is curNs_ (between events when scrubbing by time), not the last event's.
    scene_->setRuntimeClock(std::max(curNs_, replay_->time_at(n)), dir_ != 0);
    if (rebuilt)
      scene_->addInFlight(replay_->in_flight_at(n));  // the pulses of that moment, mid-edge
    else if (!viaPlayhead)
      scene_->setInFlight(replay_->in_flight_at(n));  // via the playhead, its departures draw them
  }
}

void TimelineWidget::play(int dir, double speed) {
  setSpeed(speed);
  dir_ = dir;
  if (dir == 0) {
    playTimer_->stop();
    updateUi();
    return;
  }
  if (!replay_) {
    if (!started_) return;
    enterReplay();
    if (dir > 0) {  // from live, playing forward starts from the beginning
      curNs_ = replay_->start_ns();
      show(0, false);
    }
  }
  playClock_.start();
  playTimer_->start();
  updateUi();
}

void TimelineWidget::setSpeed(double speed) {
  speed_ = std::clamp(speed, 0.1, 10.0);
  for (int i = 0; i < speedCombo_->count(); ++i)
    if (std::abs(speedCombo_->itemData(i).toDouble() - speed_) < 1e-9) speedCombo_->setCurrentIndex(i);
}

void TimelineWidget::onPlayTick() {
  if (!replay_ || dir_ == 0) {
    playTimer_->stop();
    return;
  }
  const int64_t dt = playClock_.nsecsElapsed();
  playClock_.restart();
  curNs_ += int64_t(double(dt) * speed_) * dir_;
  bool end = false;
  if (curNs_ >= replay_->end_ns()) {
    curNs_ = replay_->end_ns();
    end = true;
  } else if (curNs_ <= replay_->start_ns()) {
    curNs_ = replay_->start_ns();
    end = true;
  }
  show(replay_->index_at_time(curNs_), true, /*play=*/true);
  if (end) {
    dir_ = 0;
    playTimer_->stop();
  }
  updateUi();
}

void TimelineWidget::goLive() {
  playTimer_->stop();
  dir_ = 0;
  if (!replay_) return;
  replay_.reset();
  if (fromFile_) selA_ = selB_ = 0;
  fromFile_ = false;
  if (pipeline_) pipeline_->clear();
  model_->clear();
  model_->setSemantics(info_.semantics);  // the live runtime's rules again
  if (scene_) scene_->reset();
  emit scrubbingChanged(false);
  emit liveRequested();
  updateUi();
}

Recording TimelineWidget::recording() const { return replay_ ? replay_->recording() : rec_.recording(); }

bool TimelineWidget::saveRecording(const QString& path, QString* error) {
  std::string err;
  const Recording r = recording();
  if (!save_recording(path.toStdString(), r, err)) {
    if (error) *error = QString::fromStdString(err);
    return false;
  }
  return true;
}

bool TimelineWidget::openRecording(const QString& path, QStringList* errors) {
  ReadResult r = load_recording(path.toStdString());
  if (errors)
    for (const std::string& e : r.errors) errors->append(QString::fromStdString(e));
  if (!r.header_ok) return false;
  playTimer_->stop();
  dir_ = 0;
  const bool was = bool(replay_);
  replay_ = std::make_unique<Replay>(std::move(r.recording));
  model_->setSemantics(replay_->recording().info.semantics);  // the file's rules, until Live
  fromFile_ = true;
  file_ = path;
  selA_ = selB_ = 0;
  if (!was) emit scrubbingChanged(true);
  curNs_ = replay_->start_ns();
  show(0, false);
  updateUi();
  emit recordingOpened(path, qsizetype(replay_->size()));
  return true;
}

void TimelineWidget::setSelection(int64_t a, int64_t b) {
  if (a > b) std::swap(a, b);
  selA_ = std::clamp(a, rangeStart(), std::max(rangeStart(), rangeEnd()));
  selB_ = std::clamp(b, rangeStart(), std::max(rangeStart(), rangeEnd()));
  updateUi();
}

void TimelineWidget::clearSelection() { setSelection(0, 0); }

QString TimelineWidget::mermaid(size_t* count) const {
  std::unique_ptr<Replay> own;
  Replay* r = replay_.get();
  if (!r) {
    if (!started_) {
      if (count) *count = 0;
      return {};
    }
    own = std::make_unique<Replay>(rec_.recording());
    r = own.get();
  }
  size_t a = 0, b = r->size();
  if (hasSelection()) {
    a = r->index_at_time(selA_);
    b = std::max(a, r->index_at_time(selB_));
  }
  const size_t all = b - a;
  b = std::min(b, a + kMaxMermaidEvents);
  const Snapshot names = r->snapshot_at(a);
  std::string text = export_mermaid(r->events(a, b), &names);
  if (b - a < all)
    text += "  %% cut here: " + std::to_string(all - (b - a)) + " more events in the selected stretch\n";
  if (r == replay_.get()) r->seek(pos_);  // leave the replay where the view is
  if (count) *count = b - a;
  return QString::fromStdString(text);
}

void TimelineWidget::updateUi() {
  const double ms = double(cursor() - rangeStart()) / 1e6;
  const double total = double(rangeEnd() - rangeStart()) / 1e6;
  QString text;
  if (!replay_)
    text = tr("Live  \u2022  recording %1 events (%2 s)").arg(rec_.size()).arg(total / 1000, 0, 'f', 1);
  else
    text = tr("%1%2 / %3 s  \u2022  event %4 / %5")
               .arg(fromFile_ ? tr("File  ") : QString())
               .arg(ms / 1000, 0, 'f', 2)
               .arg(total / 1000, 0, 'f', 2)
               .arg(pos_)
               .arg(replay_->size());
  if (hasSelection())
    text += tr("  \u2022  selected %1 ms").arg(double(selB_ - selA_) / 1e6, 0, 'f', 2);
  info_l_->setText(text);
  liveBtn_->setEnabled(bool(replay_));
  pauseBtn_->setEnabled(dir_ != 0);
  bar_->update();
}

}  // namespace actorscope::views
