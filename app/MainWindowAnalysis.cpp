// MainWindow: the analysis docks (charts, timeline / recording, fault injection). Kept apart from
// MainWindow.cpp so the window's core stays small; the frame tick calls analysisTick() and
// analysisSampled(), startRuntime() calls analysisRestarted().

#include "MainWindow.h"

#include "AttachSource.h"
#include "AnimationExport.h"

#include "ChartsWidget.h"
#include "FaultPanel.h"
#include "GraphScene.h"
#include "ObserverModel.h"
#include "TimelineWidget.h"

#include <QComboBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QDockWidget>
#include <QGuiApplication>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QScrollArea>
#include <QTextBrowser>

#include <algorithm>

namespace actorscope::app {

void MainWindow::createAnalysisDocks() {
  charts_ = new views::ChartsWidget;
  timeline_ = new views::TimelineWidget(model_, scene_);
  timeline_->setPipeline(&pipeline_);
  faults_ = new views::FaultPanel(source_, model_);
  QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
  auto dock = [&](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(w);
    addDockWidget(area, d, Qt::Vertical);
    if (viewMenu) viewMenu->addAction(d->toggleViewAction());
    return d;
  };
  // Charts share the bottom with the event log, as a tab: the graph keeps the height (a
  // projector's 720 lines hold the graph, the log or charts, and the console).
  dock(charts_, tr("Charts"), QStringLiteral("chartsDock"), Qt::BottomDockWidgetArea);  // tabbed in createDocks()
  QDockWidget* scen = findChild<QDockWidget*>(QStringLiteral("scenarioDock"));
  // The fault panel is taller than its tab: it scrolls.
  auto* faultScroll = new QScrollArea;
  faultScroll->setObjectName(QStringLiteral("faultScroll"));
  faultScroll->setWidget(faults_);
  faultScroll->setWidgetResizable(true);
  faultScroll->setFrameShape(QFrame::NoFrame);
  QDockWidget* faults = dock(faultScroll, tr("Fault injection"), QStringLiteral("faultDock"), Qt::RightDockWidgetArea);
  if (scen) tabifyDockWidget(scen, faults);
  if (scen) scen->raise();
  QDockWidget* tl = dock(timeline_, tr("Timeline"), QStringLiteral("timelineDock"), Qt::BottomDockWidgetArea);
  tl->setFeatures(tl->features() & ~QDockWidget::DockWidgetFloatable);

  // File > Save recording... / Open recording..., before Quit.
  if (QMenu* file = menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"))) {
    QAction* quit = findChild<QAction*>(QStringLiteral("quitAction"));
    file->insertAction(quit, timeline_->openAction());
    file->insertAction(quit, timeline_->saveAction());
    file->insertSeparator(quit);
  }
  if (QMenu* exportMenu = menuBar()->findChild<QMenu*>(QStringLiteral("exportMenu"))) {
    exportMenu->addSeparator();
    exportMenu->addAction(timeline_->saveMermaidAction());
    exportMenu->addAction(timeline_->copyMermaidAction());
    exportMenu->addSeparator();
    QAction* video = exportMenu->addAction(tr("Stretch as animation (MP4 or GIF)..."), this, [this] { exportAnimationDialog(false); });
    video->setObjectName(QStringLiteral("exportAnimationAction"));
    QAction* frames = exportMenu->addAction(tr("Stretch as PNG frames..."), this, [this] { exportAnimationDialog(true); });
    frames->setObjectName(QStringLiteral("exportFramesAction"));
  }
  connect(timeline_, &views::TimelineWidget::message, this, [this](const QString& m) { statusBar()->showMessage(m, 6000); });
  // A recording file takes the graph: the live runtime pauses until Live (or a new scenario).
  connect(timeline_, &views::TimelineWidget::recordingOpened, this, [this](const QString& path, qsizetype events) {
    if (replayFile_.isEmpty()) pausedBeforeReplay_ = paused_;
    replayFile_ = path;
    model_->setConsolePids({}, {});  // the file's pids are not the live shell's
    setPaused(true);
    if (modeCombo_) modeCombo_->setEnabled(false);
    updateTitle();
    if (scriptBox_) scriptBox_->hide();  // the live scenario's script; showScenarioInfo() brings it back
    if (const Replay* r = timeline_->replay()) {
      const RecordingInfo& info = r->recording().info;
      const QString from = info.scenario.empty()
                               ? tr("a session without a built-in scenario")
                               : tr("the scenario <b>%1</b>").arg(QString::fromStdString(info.scenario).toHtmlEscaped());
      scenarioPanel_->setHtml(
          tr("<h3>Replay of %1</h3><p>Recorded from %2 (%3 runtime) by %4%5: %6 events over %7 s.</p>"
             "<p>Scrub on the timeline, play forward or back at 0.1x to 10x, click a marker to jump to an exit, "
             "a restart or a fault. Shift+drag on the timeline selects a stretch; right-click it to copy it as a "
             "Mermaid sequence diagram.</p><p>The live scenario is paused meanwhile: press <b>Live</b> to return "
             "to it.</p>")
              .arg(QFileInfo(path).fileName().toHtmlEscaped(), from,
                   (info.deterministic ? tr("deterministic") : tr("threaded")) +
                       (info.semantics == Semantics::Ergo ? tr(", Ergo mode") : QString()),
                   QString::fromStdString(info.created_by).toHtmlEscaped(),
                   info.created_at.empty() ? QString() : tr(" at %1").arg(QString::fromStdString(info.created_at).toHtmlEscaped()))
              .arg(events)
              .arg(double(r->end_ns() - r->start_ns()) / 1e9, 0, 'f', 2));
    }
    statusBar()->showMessage(tr("Replaying %1 (%2 events); the live runtime is paused until you press Live")
                                 .arg(path)
                                 .arg(events),
                             8000);
  });
  connect(timeline_, &views::TimelineWidget::liveRequested, host_, &views::RuntimeHost::requestSnapshot);
  connect(timeline_, &views::TimelineWidget::scrubbingChanged, this, [this](bool on) {
    if (!on && !replayFile_.isEmpty()) {
      replayFile_.clear();
      model_->setConsolePids(consoleShell_, consoleServer_);
      if (modeCombo_) modeCombo_->setEnabled(true);
      setPaused(pausedBeforeReplay_);
      updateTitle();
      showScenarioInfo();
    }
    updateProcessActions();
    updateStatus();
    statusBar()->showMessage(on ? tr("Time travel: the graph shows the recording; press Live to return")
                                : tr("Live again"),
                             5000);
  });
  connect(faults_, &views::FaultPanel::message, this, [this](const QString& m) { statusBar()->showMessage(m, 5000); });
}

bool MainWindow::openRecording(const QString& path, QStringList* errors) {
  return timeline_ && timeline_->openRecording(path, errors);
}

bool MainWindow::timeTravelling() const { return timeline_ && timeline_->scrubbing(); }

QString MainWindow::actionsOff() const {
  if (QString off = nodeActionsOff(); !off.isEmpty()) return off;
  if (timeTravelling()) return tr("The graph shows the past: press Live on the timeline to act on the running processes");
  return {};
}

bool MainWindow::canAct() {
  const QString off = actionsOff();
  if (off.isEmpty()) return true;
  statusBar()->showMessage(off, 6000);
  return false;
}

bool MainWindow::analysisTick(const views::HostBatch& batch) {
  // The charts count what the playhead presents (MainWindow::present), not what just happened.
  if (!timeline_) return true;
  timeline_->record(batch);
  return !timeline_->scrubbing();
}

void MainWindow::analysisSampled() {
  if (charts_ && (!timeline_ || !timeline_->scrubbing())) charts_->sampleNow(*model_);
}

void MainWindow::analysisRestarted() {
  if (charts_) charts_->clear();
  chartPids_.clear();
  if (faults_) faults_->runtimeRestarted();
  if (timeline_) {
    RecordingInfo info;
    info.scenario = scenario_.toStdString();
    info.deterministic = mode_ == views::RunMode::Deterministic;
    info.semantics = semantics_;
    timeline_->startRecording(std::move(info));
  }
}

void MainWindow::analysisSelected(Pid pid) {
  // The mailbox chart follows the selection; Ctrl+click (graph, table, log) adds a process to it.
  if (charts_) {
    if (QGuiApplication::keyboardModifiers() & Qt::ControlModifier) {
      if (std::find(chartPids_.begin(), chartPids_.end(), pid) == chartPids_.end()) chartPids_.push_back(pid);
      if (chartPids_.size() > kMaxChartedPids) chartPids_.erase(chartPids_.begin());
    } else {
      chartPids_ = {pid};
    }
    charts_->setSelected(chartPids_);
  }
  if (faults_) faults_->setTarget(pid);
}

void MainWindow::exportAnimationDialog(bool pngFrames) {
  const Recording rec = timeline_->recording();
  if (rec.events.empty()) {
    QMessageBox::information(this, tr("Export animation"), tr("Nothing is recorded yet: run a scenario or open a recording first."));
    return;
  }
  int64_t from = rec.events.front().time_ns, to = rec.events.back().time_ns;
  if (timeline_->hasSelection()) {
    from = timeline_->selectionStart();
    to = timeline_->selectionEnd();
  } else if (double(to - from) / 1e9 > 60) {
    from = to - 60'000'000'000;  // no stretch selected: the last minute
  }
  QString target;
  if (pngFrames) {
    target = QFileDialog::getExistingDirectory(this, tr("Folder for the PNG frames"));
  } else {
    target = QFileDialog::getSaveFileName(this, tr("Export animation"), QStringLiteral("actorscope.mp4"),
                                          tr("MP4 video (*.mp4);;Animated GIF (*.gif)"));
  }
  if (target.isEmpty()) return;
  AnimationOptions opts;  // normal speed: the recording's own times, at 25 frames a second
  QProgressDialog progress(tr("Rendering the animation..."), tr("Cancel"), 0, 100, this);
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(300);
  auto step = [&progress](int done, int total) {
    progress.setMaximum(std::max(total, done));
    progress.setValue(done);
    return !progress.wasCanceled();
  };
  const AnimationResult r = pngFrames ? renderAnimationFrames(rec, from, to, target, opts, step)
                                      : exportAnimation(rec, from, to, target, opts, step);
  progress.reset();
  if (!r.ok()) {
    QMessageBox::warning(this, tr("Export animation"), tr("The animation was not saved: %1").arg(r.error));
    return;
  }
  statusBar()->showMessage(tr("Saved %n frame(s) to %1%2", nullptr, r.frames)
                               .arg(target, r.cut ? tr(" (cut at two minutes)") : QString()),
                           8000);
}

}  // namespace actorscope::app
