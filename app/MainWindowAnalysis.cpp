// MainWindow: the analysis docks (charts, timeline / recording, fault injection). Kept apart from
// MainWindow.cpp so the window's core stays small; the frame tick calls analysisTick() and
// analysisSampled(), startRuntime() calls analysisRestarted().

#include "MainWindow.h"

#include "ChartsWidget.h"
#include "FaultPanel.h"
#include "GraphScene.h"
#include "ObserverModel.h"
#include "TimelineWidget.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace actorscope::app {

void MainWindow::createAnalysisDocks() {
  charts_ = new views::ChartsWidget;
  timeline_ = new views::TimelineWidget(model_, scene_);
  faults_ = new views::FaultPanel(host_, model_);
  QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
  auto dock = [&](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(w);
    addDockWidget(area, d, Qt::Vertical);
    if (viewMenu) viewMenu->addAction(d->toggleViewAction());
    return d;
  };
  // Charts above the graph (the bottom holds the event log and its neighbours, the timeline).
  QDockWidget* charts = dock(charts_, tr("Charts"), QStringLiteral("chartsDock"), Qt::TopDockWidgetArea);
  resizeDocks({charts}, {200}, Qt::Vertical);
  QDockWidget* scen = findChild<QDockWidget*>(QStringLiteral("scenarioDock"));
  QDockWidget* faults = dock(faults_, tr("Fault injection"), QStringLiteral("faultDock"), Qt::RightDockWidgetArea);
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
  connect(timeline_, &views::TimelineWidget::liveRequested, host_, &views::RuntimeHost::requestSnapshot);
  connect(timeline_, &views::TimelineWidget::scrubbingChanged, this, [this](bool on) {
    statusBar()->showMessage(on ? tr("Time travel: the graph shows the recording; press Live to return")
                                : tr("Live again"),
                             5000);
  });
  connect(faults_, &views::FaultPanel::message, this, [this](const QString& m) { statusBar()->showMessage(m, 5000); });
}

bool MainWindow::analysisTick(const views::HostBatch& batch) {
  if (charts_) charts_->observe(batch.events);
  if (!timeline_) return true;
  timeline_->record(batch);
  return !timeline_->scrubbing();
}

void MainWindow::analysisSampled() {
  if (charts_ && (!timeline_ || !timeline_->scrubbing())) charts_->sampleNow(*model_);
}

void MainWindow::analysisRestarted() {
  if (charts_) charts_->clear();
  if (faults_) faults_->runtimeRestarted();
  if (timeline_) {
    RecordingInfo info;
    info.scenario = scenario_.toStdString();
    info.deterministic = mode_ == views::RunMode::Deterministic;
    timeline_->startRecording(std::move(info));
  }
}

void MainWindow::analysisSelected(Pid pid) {
  if (charts_) charts_->setSelected({pid});
  if (faults_) faults_->setTarget(pid);
}

}  // namespace actorscope::app
