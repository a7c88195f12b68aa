#include "MainWindow.h"

#include "BlastRadius.h"
#include "ChartsWidget.h"
#include "ConsoleWidget.h"
#include "DemoProcesses.h"
#include "EmbeddedSource.h"
#include "EventLog.h"
#include "FaultPanel.h"
#include "Export.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "InspectorWidget.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "ProcessTableModel.h"
#include "Scenarios.h"
#include "TermDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace actorscope::app {

using views::RunMode;

namespace {
QString rate(double v) {
  if (v >= 10'000) return QStringLiteral("%1k").arg(v / 1000, 0, 'f', 0);
  if (v >= 1000) return QStringLiteral("%1k").arg(v / 1000, 0, 'f', 1);
  return QString::number(v, 'f', 0);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), host_(new views::RuntimeHost(this)), model_(new views::ObserverModel(this)),
      table_(new views::ProcessTableModel(model_, this)), tableProxy_(new QSortFilterProxyModel(this)),
      scene_(new views::GraphScene(model_, this)), view_(new views::GraphView(scene_)),
      inspector_(new views::InspectorWidget(model_)), logModel_(new views::EventLogModel(model_, this)),
      logWidget_(new views::EventLogWidget(logModel_)), tabs_(new QTabWidget(this)), tableView_(new QTableView),
      scenarioPanel_(new QTextBrowser), frameTimer_(new QTimer(this)),
      source_(std::make_unique<views::EmbeddedSource>(host_, this)), pipeline_(model_, scene_) {
  setObjectName(QStringLiteral("mainWindow"));
  for (const PaletteEntry& e : actorscope::app::palette())
    static_cast<views::EmbeddedSource*>(source_.get())
        ->addSpawnable(QString::fromLatin1(e.title), [k = e.kind](Runtime& rt) { return spawnPalette(rt, k); });
  // The charts count what the playhead presents, not what just happened.
  pipeline_.onPresented = [this](const std::vector<TraceEvent>& events) {
    if (charts_) charts_->observe(events);
  };

  tableProxy_->setSourceModel(table_);
  tableProxy_->setSortRole(views::ProcessTableModel::SortRole);
  tableProxy_->setFilterKeyColumn(-1);
  tableProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  tableProxy_->setDynamicSortFilter(true);
  tableView_->setObjectName(QStringLiteral("processTable"));
  tableView_->setModel(tableProxy_);
  tableView_->setSortingEnabled(true);
  tableView_->sortByColumn(views::ProcessTableModel::PidCol, Qt::AscendingOrder);
  tableView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tableView_->setSelectionMode(QAbstractItemView::SingleSelection);
  tableView_->setAlternatingRowColors(true);
  tableView_->verticalHeader()->hide();
  tableView_->horizontalHeader()->setStretchLastSection(false);
  tableView_->horizontalHeader()->setSectionResizeMode(views::ProcessTableModel::NameCol, QHeaderView::Stretch);
  tableView_->horizontalHeader()->setMinimumSectionSize(70);
  tableView_->setColumnWidth(views::ProcessTableModel::PidCol, 120);
  tableView_->verticalHeader()->setDefaultSectionSize(24);
  tableView_->setContextMenuPolicy(Qt::CustomContextMenu);

  auto* tablePage = new QWidget;
  auto* tableFilter = new QLineEdit(tablePage);
  tableFilter->setPlaceholderText(tr("Filter processes (name, pid, status...)"));
  tableFilter->setClearButtonEnabled(true);
  auto* tl = new QVBoxLayout(tablePage);
  tl->setContentsMargins(0, 4, 0, 0);
  tl->addWidget(tableFilter);
  tl->addWidget(tableView_);
  connect(tableFilter, &QLineEdit::textChanged, tableProxy_, &QSortFilterProxyModel::setFilterFixedString);

  tabs_->addTab(view_, tr("&Graph"));
  tabs_->addTab(tablePage, tr("&Processes"));
  tabs_->setDocumentMode(true);
  setCentralWidget(tabs_);

  createActions();
  createMenus();
  createToolBar();
  createDocks();

  // Selection: graph, table, log and inspector follow one pid.
  connect(scene_, &views::GraphScene::selectedPidChanged, this, [this](Pid p) {
    if (p.valid()) select(p);
  });
  connect(tableView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& cur) {
            if (cur.isValid()) select(Pid{cur.data(views::ProcessTableModel::PidRole).value<quint64>()});
          });
  connect(tableView_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
    const QModelIndex i = tableView_->indexAt(pos);
    if (i.isValid())
      showContextMenu(Pid{i.data(views::ProcessTableModel::PidRole).value<quint64>()},
                      tableView_->viewport()->mapToGlobal(pos));
  });
  connect(logWidget_, &views::EventLogWidget::pidActivated, this, &MainWindow::select);
  connect(inspector_, &views::InspectorWidget::pidClicked, this, &MainWindow::select);
  connect(inspector_, &views::InspectorWidget::detailsWanted, this, &MainWindow::requestDetails);
  connect(inspector_, &views::InspectorWidget::killRequested, this, &MainWindow::killPid);
  connect(inspector_, &views::InspectorWidget::exitRequested, this, &MainWindow::exitPid);
  connect(inspector_, &views::InspectorWidget::sendRequested, this, &MainWindow::sendTo);
  connect(inspector_, &views::InspectorWidget::trapExitRequested, this, &MainWindow::setTrap);
  connect(inspector_, &views::InspectorWidget::suspendRequested, this, &MainWindow::suspendPid);
  connect(inspector_, &views::InspectorWidget::killHovered, this,
          [this](Pid p, bool on) { previewKill(p, Term(atoms::kill), on); });
  connect(view_, &views::GraphView::contextMenuForPid, this, &MainWindow::showContextMenu);
  connect(view_, &views::GraphView::activated, this, [this](Pid p) {
    select(p);
    if (auto* d = findChild<QDockWidget*>(QStringLiteral("inspectorDock"))) d->raise();
  });
  connect(view_, &views::GraphView::linkRequested, this, &MainWindow::linkPids);
  connect(view_, &views::GraphView::edgeDelayRequested, this, &MainWindow::setEdgeDelay);
  connect(view_, &views::GraphView::monitorRequested, this, &MainWindow::monitorPid);
  connect(model_, &views::ObserverModel::updated, this, [this](const views::ModelDelta& d) {
    if (d.events) logModel_->append(*d.events);
  });
  connect(model_, &views::ObserverModel::resyncNeeded, host_, &views::RuntimeHost::requestSnapshot);

  // Status bar: processes, msg/s, exits/s, fps, dropped events, mode.
  auto addStat = [this](QLabel*& l, const char* name) {
    l = new QLabel(this);
    l->setObjectName(QString::fromLatin1(name));
    l->setMinimumWidth(90);
    statusBar()->addPermanentWidget(l);
  };
  addStat(statProcesses_, "statProcesses");
  addStat(statMessages_, "statMessages");
  addStat(statExits_, "statExits");
  addStat(statFps_, "statFps");
  addStat(statDropped_, "statDropped");
  addStat(statMode_, "statMode");

  frameTimer_->setTimerType(Qt::PreciseTimer);
  frameTimer_->setInterval(16);
  connect(frameTimer_, &QTimer::timeout, this, &MainWindow::tick);
  frameTimer_->start();
  rateClock_.start();
  detailsClock_.start();

  updateTitle();
  resize(1440, 900);
  readSettings();
}

MainWindow::~MainWindow() {
  frameTimer_->stop();
  if (console_) console_->detach();  // the shell dies before its runtime
  host_->stop();
}

// ---- running -----------------------------------------------------------------------------------

bool MainWindow::setScenario(const QString& name) {
  if (!hasScenario(name)) return false;
  scenario_ = name;
  if (scenarioCombo_) {
    const QSignalBlocker b(scenarioCombo_);
    scenarioCombo_->setCurrentIndex(scenarioCombo_->findData(name));
  }
  showScenarioInfo();
  startRuntime();
  updateTitle();
  return true;
}

void MainWindow::showScenarioInfo() {
  if (scenario_.isEmpty()) return;
  const ScenarioInfo info = scenarioInfo(scenario_);
  scenarioPanel_->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p>")
                              .arg(info.title.toHtmlEscaped(),
                                   info.description.toHtmlEscaped().replace(QStringLiteral("\n\n"), QStringLiteral("</p><p>"))));
  const QString script = scenarioScript(scenario_);
  scriptName_ = script.isEmpty() ? QString() : scenarioScriptPath(scenario_).mid(2);  // ":/scenarios/x.exs"
  scriptView_->setPlainText(script);
  scriptTitle_->setText(tr("<b>As a script</b> &nbsp;<code>%1</code>").arg(scriptName_.toHtmlEscaped()));
  scriptBox_->setVisible(!script.isEmpty());
}

void MainWindow::resetScenario() {
  if (!scenario_.isEmpty()) startRuntime();
}

void MainWindow::startRuntime() {
  if (console_) console_->detach();  // the shell dies before its runtime
  host_->stop();
  model_->clear();  // the table follows with row removals
  pipeline_.clear();
  if (exporter_) exporter_->clear();  // the event-log export holds this run's events only
  scene_->reset();
  logModel_->clear();
  inspector_->setPid({});
  views::RuntimeHost::Config cfg;
  cfg.mode = mode_;
  cfg.threads = threads_;
  cfg.latency = std::chrono::milliseconds(slowMotion());
  cfg.paused = paused_;
  cfg.builder = scenarioBuilder(scenario_);
  host_->start(std::move(cfg));
  analysisRestarted();
  if (console_) console_->attach(host_);
  view_->setAutoFit(true);
  rateMessages_ = rateExits_ = 0;
}

void MainWindow::setRunMode(RunMode mode) {
  if (mode == mode_) return;
  mode_ = mode;
  if (modeCombo_) {
    const QSignalBlocker b(modeCombo_);
    modeCombo_->setCurrentIndex(mode == RunMode::Live ? 0 : 1);
  }
  stepAction_->setEnabled(true);
  resetScenario();
  statusBar()->showMessage(mode == RunMode::Deterministic
                               ? tr("Deterministic mode: the scenario restarted; Step delivers one signal at a time")
                               : tr("Live mode: the scenario restarted on all cores"),
                           6000);
}

void MainWindow::setPaused(bool p) {
  paused_ = p;
  host_->setPaused(p);
  const QSignalBlocker b(pauseAction_);
  pauseAction_->setChecked(p);
  pauseAction_->setText(p ? tr("Resume") : tr("Pause"));
  updateStatus();
}

bool MainWindow::paused() const { return paused_; }

void MainWindow::step() {
  if (mode_ != RunMode::Deterministic) {
    paused_ = true;
    const QSignalBlocker b(pauseAction_);
    pauseAction_->setChecked(true);
    setRunMode(RunMode::Deterministic);  // restarts the scenario, paused
    return;
  }
  if (!paused_) setPaused(true);
  host_->step();
}

void MainWindow::setSlowMotion(int ms) {
  ms = std::clamp(ms, 0, 2000);
  if (slowSlider_->value() != ms) slowSlider_->setValue(ms);
  slowLabel_->setText(ms == 0 ? tr("off") : tr("%1 ms").arg(ms));
  host_->setLatency(std::chrono::milliseconds(ms));
  scene_->setLatencyHint(ms);
}

int MainWindow::slowMotion() const { return slowSlider_ ? slowSlider_->value() : 0; }

void MainWindow::tick() {
  ++frames_;
  views::HostBatch batch = host_->take();
  if (!batch.error.empty())
    statusBar()->showMessage(tr("The scenario failed: %1").arg(QString::fromStdString(batch.error)), 10000);
  const bool live = analysisTick(batch);  // recorded always; applied unless the timeline shows the past
  // Live events reach the views through the playhead, in causal order at presentation time.
  // The timeline's forward play pushes recorded events into the same playhead.
  if (live) pipeline_.feed(batch);
  else pipeline_.advance();
  model_->processPending();
  analysisSampled();
  // Signals in flight are drawn where the runtime says they are (stepping, slow motion).
  if (live) scene_->setRuntimeClock(batch.now_ns, mode_ == RunMode::Live || !paused_);
  if (live && batch.in_flight) scene_->setInFlight(*batch.in_flight);
  scene_->advance();
  if (view_->autoFit() && scene_->nodeCount() > 0 && (frames_ % 15 == 0 || frames_ < 40)) view_->fitAll();
  if (scene_->animating() || frames_ % 30 == 0) view_->viewport()->update();
  lastBatch_.dropped_events = batch.dropped_events;
  lastBatch_.pending_signals = batch.pending_signals;
  lastBatch_.now_ns = batch.now_ns;
  lastBatch_.steps = batch.steps;
  if (inspector_->pid().valid()) {
    inspector_->refresh();
    if (detailsClock_.elapsed() > 500 && !inspector_->showsDead()) {
      detailsClock_.restart();
      requestDetails(inspector_->pid());
    }
  }
  if (rateClock_.elapsed() >= 1000) updateStatus();
}

void MainWindow::updateStatus() {
  const double secs = std::max<qint64>(1, rateClock_.elapsed()) / 1000.0;
  statProcesses_->setText(tr("%1 processes").arg(model_->processCount()));
  // The model's counters restart when it is rebuilt (a new scenario, a timeline jump): a counter
  // that went down gives no rate this second. The past has no rate at all.
  auto perSecond = [secs](uint64_t now, uint64_t before) { return now >= before ? double(now - before) / secs : 0.0; };
  if (timeTravelling()) {
    statMessages_->setText(tr("- msg/s"));
    statExits_->setText(tr("- exits/s"));
  } else {
    statMessages_->setText(tr("%1 msg/s").arg(rate(perSecond(model_->messagesSent(), rateMessages_))));
    statExits_->setText(tr("%1 exits/s").arg(rate(perSecond(model_->exits(), rateExits_))));
  }
  statFps_->setText(tr("%1 fps").arg(rate((frames_ - rateFrames_) / secs)));
  statDropped_->setText(model_->droppedEvents() ? tr("%1 events dropped").arg(model_->droppedEvents()) : QString());
  statDropped_->setVisible(model_->droppedEvents() > 0);
  QString mode = mode_ == RunMode::Live ? tr("live") : tr("deterministic, t = %1 ms").arg(lastBatch_.now_ns / 1'000'000);
  if (mode_ == RunMode::Deterministic) mode += tr(", %1 pending").arg(lastBatch_.pending_signals);
  if (paused_) mode += tr(" (paused)");
  if (scene_->now() - pipeline_.lastFastForwardAt() < 3000)
    mode += tr(", fast-forwarding %L1 events").arg(pipeline_.playhead().last_fast_forward());
  else if (pipeline_.playhead().compression() < 0.99)
    mode += tr(", time compressed %1x").arg(1 / pipeline_.playhead().compression(), 0, 'f', 1);
  if (!replayFile_.isEmpty())
    mode = tr("replay of %1 (live runtime paused)").arg(QFileInfo(replayFile_).fileName());
  else if (timeTravelling())
    mode = tr("time travel (the recording); ") + mode;
  statMode_->setText(mode);
  rateMessages_ = model_->messagesSent();
  rateExits_ = model_->exits();
  rateFrames_ = frames_;
  rateClock_.restart();
}

// ---- acting ------------------------------------------------------------------------------------

QString MainWindow::pidText(Pid pid) const {
  QString s = QString::fromStdString(inspect_pid(pid));
  if (const auto* r = model_->findAny(pid.serial()); r && r->name != atoms::nil)
    s += QStringLiteral(" ") + QString::fromStdString(inspect_atom(r->name));
  return s;
}

Pid MainWindow::currentPid() const { return inspector_->pid(); }

void MainWindow::select(Pid pid) {
  if (!pid.valid()) return;
  inspector_->setPid(pid);
  scene_->selectPid(pid);
  analysisSelected(pid);
  const int row = table_->rowOf(pid);
  if (row >= 0) {
    const QModelIndex i = tableProxy_->mapFromSource(table_->index(row, 0));
    if (i.isValid() && tableView_->currentIndex().row() != i.row()) {
      const QSignalBlocker b(tableView_->selectionModel());
      tableView_->selectionModel()->setCurrentIndex(i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
      tableView_->viewport()->update();
    }
  }
  updateProcessActions();
}

void MainWindow::updateProcessActions() {
  const bool can = model_->find(currentPid()) != nullptr && !timeTravelling();
  for (QAction* a : {killAction_, exitAction_, sendAction_, trapAction_, suspendAction_, registerAction_}) a->setEnabled(can);
}

Pid MainWindow::findPid(const QString& nameOrPid) const {
  const QString t = nameOrPid.trimmed();
  for (const auto& [k, r] : model_->processes()) {
    if (r.name != atoms::nil) {
      const QString n = QString::fromStdString(std::string(atom_name(r.name)));
      if (n == t || QStringLiteral(":") + n == t || QString::fromStdString(inspect_atom(r.name)) == t) return r.pid;
    }
    if (QString::fromStdString(inspect_pid(r.pid)) == t) return r.pid;
  }
  return {};
}

bool MainWindow::showTab(const QString& name) {
  if (name == QStringLiteral("graph"))
    tabs_->setCurrentIndex(0);
  else if (name == QStringLiteral("processes"))
    tabs_->setCurrentIndex(1);
  else
    return false;
  return true;
}

bool MainWindow::selectByName(const QString& nameOrPid, bool preview) {
  const Pid p = findPid(nameOrPid);
  if (!p.valid()) return false;
  select(p);
  if (preview) previewKill(p, Term(atoms::kill), true);
  return true;
}

bool MainWindow::killByName(const QString& nameOrPid) {
  const Pid p = findPid(nameOrPid);
  if (!p.valid()) return false;
  killPid(p);
  return true;
}

views::CommandDone MainWindow::report(QString done, QString failedPrefix) {
  return [this, done, failedPrefix](const views::CommandResult& r) {
    statusBar()->showMessage(r.ok ? done : (failedPrefix.isEmpty() ? tr("Refused: ") : failedPrefix) + r.error, r.ok ? 4000 : 8000);
  };
}

void MainWindow::killPid(Pid pid) {
  if (!pid.valid() || !canAct()) return;
  scene_->clearBlastRadius();
  source_->exit(pid, Term(atoms::kill), report(tr("Process.exit(%1, :kill)").arg(pidText(pid))));
}

void MainWindow::exitPid(Pid pid) {
  if (!pid.valid() || !canAct()) return;
  views::TermDialog dlg(views::TermDialog::Mode::ExitReason, pidText(pid), this);
  connect(&dlg, &views::TermDialog::termChanged, this, [this, pid](const Term& t) { previewKill(pid, t, true); });
  dlg.setText(QStringLiteral(":shutdown"));
  const bool ok = dlg.exec() == QDialog::Accepted && dlg.term();
  scene_->clearBlastRadius();
  if (!ok) return;
  const Term reason = *dlg.term();
  source_->exit(pid, reason, report(tr("Process.exit(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(reason)))));
}

void MainWindow::sendTo(Pid pid) {
  if (!pid.valid() || !canAct()) return;
  views::TermDialog dlg(views::TermDialog::Mode::Message, pidText(pid), this);
  if (dlg.exec() != QDialog::Accepted || !dlg.term()) return;
  const Term msg = *dlg.term();
  source_->send(pid, msg, report(tr("send(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(msg)))));
}

void MainWindow::toggleTrap(Pid pid) {
  if (const auto* r = model_->find(pid)) setTrap(pid, !r->trap_exit);
}

void MainWindow::setTrap(Pid pid, bool on) {
  if (!canAct()) return;
  source_->setTrapExit(pid, on, report(tr("trap_exit of %1 is now %2").arg(pidText(pid), on ? tr("on") : tr("off"))));
}

void MainWindow::suspendPid(Pid pid, bool suspend) {
  if (!canAct()) return;
  source_->suspend(pid, suspend, report(suspend ? tr("%1 suspended").arg(pidText(pid)) : tr("%1 resumed").arg(pidText(pid))));
}

void MainWindow::registerName(Pid pid) {
  if (!canAct()) return;
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Register a name"), tr("Name for %1 (an atom, without the colon):").arg(pidText(pid)),
                                             QLineEdit::Normal, QString(), &ok)
                           .trimmed();
  if (!ok || name.isEmpty()) return;
  const std::string n = (name.startsWith(QLatin1Char(':')) ? name.mid(1) : name).toStdString();
  const Atom atom = intern(n);
  source_->registerName(pid, atom,
                        report(tr("Process.register(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(Term(atom))))));
}

bool MainWindow::runScriptFile(const QString& path) {
  if (auto* d = findChild<QDockWidget*>(QStringLiteral("consoleDock"))) {
    d->show();
    d->raise();
  }
  const bool ok = console_->runScriptFile(path);
  statusBar()->showMessage(ok ? tr("Running %1 in the console").arg(QFileInfo(path).fileName())
                              : tr("Could not run %1: see the console").arg(QFileInfo(path).fileName()),
                           5000);
  return ok;
}

bool MainWindow::runScenarioScript() {
  if (scriptName_.isEmpty()) return false;
  if (auto* d = findChild<QDockWidget*>(QStringLiteral("consoleDock"))) {
    d->show();
    d->raise();
  }
  return console_->runScript(scriptView_->toPlainText(), scriptName_);
}

QString MainWindow::scenarioScriptText() const { return scriptBox_->isHidden() ? QString() : scriptView_->toPlainText(); }

void MainWindow::linkPids(Pid a, Pid b) {
  if (!a.valid() || !b.valid() || a == b || !canAct()) return;
  // Runtime::link: as if `a` called Process.link(b), whatever code `a` runs.
  source_->link(a, b, report(tr("Linked %1 and %2 (Process.link)").arg(pidText(a), pidText(b)), tr("Could not link: ")));
}

void MainWindow::setEdgeDelay(Pid a, Pid b, int ms) {
  if (!a.valid() || !b.valid() || a == b || !canAct() || !faults_) return;
  // A delay fault (on the trace, in the event log, the timeline, the recording and the session's
  // plan); registered names make a plan that works in the next run too.
  auto target = [this](Pid p) {
    const auto* r = model_->find(p);
    return r && r->name != atoms::nil ? Term(r->name) : Term(p);
  };
  Fault f;
  f.kind = FaultKind::Delay;
  f.target = target(a);
  f.peer = target(b);
  f.latency_ms = std::clamp(ms, 0, 60'000);
  faults_->injectFault(f);
  statusBar()->showMessage(tr("Signals between %1 and %2 now take %3 ms longer").arg(pidText(a), pidText(b)).arg(f.latency_ms), 5000);
}

void MainWindow::monitorPid(Pid watcher, Pid target) {
  if (!watcher.valid() || !target.valid() || watcher == target || !canAct()) return;
  // Runtime::monitor: as if `watcher` called Process.monitor(target); a dead target gives :noproc.
  source_->monitor(watcher, target,
                   report(tr("%1 now monitors %2 (Process.monitor)").arg(pidText(watcher), pidText(target)), tr("Could not monitor: ")));
}

void MainWindow::spawnFromPalette(int kind) {
  if (!canAct()) return;
  for (const PaletteEntry& e : actorscope::app::palette())
    if (int(e.kind) == kind)
      source_->spawn(QString::fromLatin1(e.title), [this, title = QString::fromLatin1(e.title)](const views::SpawnResult& r) {
        statusBar()->showMessage(r.pid.valid() ? tr("Spawned %1: %2").arg(title, pidText(r.pid))
                                               : tr("Could not spawn %1: %2").arg(title, r.error),
                                 5000);
      });
}

void MainWindow::previewKill(Pid pid, const Term& reason, bool on) {
  if (!on) {
    scene_->clearBlastRadius();
    return;
  }
  const views::BlastRadius r = views::computeBlastRadius(views::topologyOf(*model_), pid, reason);
  scene_->showBlastRadius(pid, r);
  QStringList dies;
  for (const auto& d : r.dies) dies << pidText(d.pid);
  statusBar()->showMessage(tr("Blast radius: %1 die, %2 get an EXIT message, %3 get a DOWN")
                               .arg(r.dies.size()).arg(r.trapsExit.size()).arg(r.getsDown.size()),
                           5000);
}

void MainWindow::requestDetails(Pid pid) {
  if (!pid.valid()) return;
  source_->details(pid, [this, pid](views::ProcessDetails d) { inspector_->setDetails(pid, d.info, d.messages); });
}

void MainWindow::showContextMenu(Pid pid, const QPoint& globalPos) {
  QMenu menu(this);
  if (timeTravelling()) {
    menu.addSection(tr("The graph shows the past"));
    menu.addAction(tr("Press Live on the timeline to act on processes"))->setEnabled(false);
    menu.addAction(fitAction_);
    menu.exec(globalPos);
    return;
  }
  if (pid.valid() && model_->find(pid)) {
    select(pid);
    menu.addSection(pidText(pid));
    QAction* kill = menu.addAction(tr("Kill (untrappable)"), this, [this, pid] { killPid(pid); });
    kill->setShortcut(killAction_->shortcut());
    connect(kill, &QAction::hovered, this, [this, pid] { previewKill(pid, Term(atoms::kill), true); });
    QAction* ex = menu.addAction(tr("Exit with reason..."), this, [this, pid] { exitPid(pid); });
    ex->setShortcut(exitAction_->shortcut());
    connect(ex, &QAction::hovered, this, [this, pid] { previewKill(pid, Term(atoms::shutdown), true); });
    menu.addAction(tr("Send message..."), this, [this, pid] { sendTo(pid); })->setShortcut(sendAction_->shortcut());
    const auto* r = model_->find(pid);
    QAction* trap = menu.addAction(tr("trap_exit"), this, [this, pid] { toggleTrap(pid); });
    trap->setCheckable(true);
    trap->setChecked(r && r->trap_exit);
    trap->setShortcut(trapAction_->shortcut());
    menu.addAction(r && r->suspended ? tr("Resume") : tr("Suspend"), this,
                   [this, pid, s = !(r && r->suspended)] { suspendPid(pid, s); })
        ->setShortcut(suspendAction_->shortcut());
    menu.addAction(tr("Register a name..."), this, [this, pid] { registerName(pid); });
    if (views::NodeItem* n = scene_->node(pid); n && n->pinned())
      menu.addAction(tr("Unpin (let the layout place it)"), this, [n] { n->setPinned(false); });
    menu.addSeparator();
  }
  menu.addMenu(spawnMenu_);
  menu.addAction(fitAction_);
  connect(&menu, &QMenu::aboutToHide, scene_, &views::GraphScene::clearBlastRadius);
  menu.exec(globalPos);
}

// ---- building the window -------------------------------------------------------------------------

void MainWindow::createActions() {
  auto make = [this](const QString& text, const QString& name, const QKeySequence& key, auto slot) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    if (!key.isEmpty()) a->setShortcut(key);
    connect(a, &QAction::triggered, this, slot);
    addAction(a);
    return a;
  };
  pauseAction_ = make(tr("Pause"), QStringLiteral("pauseAction"), QKeySequence(Qt::Key_Space), [this](bool on) { setPaused(on); });
  pauseAction_->setCheckable(true);
  pauseAction_->setToolTip(tr("Pause or resume the runtime (Space)"));
  stepAction_ = make(tr("Step"), QStringLiteral("stepAction"), QKeySequence(Qt::Key_Period), [this] { step(); });
  stepAction_->setToolTip(tr("Deliver one pending signal (deterministic mode) (.)"));
  resetAction_ = make(tr("Reset scenario"), QStringLiteral("resetAction"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] { resetScenario(); });
  fitAction_ = make(tr("Fit to view"), QStringLiteral("fitAction"), QKeySequence(Qt::Key_F), [this] {
    view_->setAutoFit(true);
    view_->fitAll();
  });
  killAction_ = make(tr("Kill"), QStringLiteral("killAction"), QKeySequence(Qt::Key_K), [this] { killPid(currentPid()); });
  exitAction_ = make(tr("Exit with reason..."), QStringLiteral("exitAction"), QKeySequence(Qt::Key_E), [this] { exitPid(currentPid()); });
  sendAction_ = make(tr("Send message..."), QStringLiteral("sendAction"), QKeySequence(Qt::Key_M), [this] { sendTo(currentPid()); });
  trapAction_ = make(tr("Toggle trap_exit"), QStringLiteral("trapAction"), QKeySequence(Qt::Key_T), [this] { toggleTrap(currentPid()); });
  suspendAction_ = make(tr("Suspend / Resume"), QStringLiteral("suspendAction"), QKeySequence(Qt::Key_U), [this] {
    if (const auto* r = model_->find(currentPid())) suspendPid(r->pid, !r->suspended);
  });
  registerAction_ = make(tr("Register a name..."), QStringLiteral("registerAction"), QKeySequence(Qt::Key_N), [this] { registerName(currentPid()); });
  for (QAction* a : {killAction_, exitAction_, sendAction_, trapAction_, suspendAction_, registerAction_}) {
    a->setEnabled(false);
    a->setShortcutContext(Qt::WindowShortcut);
  }
  legendAction_ = make(tr("Legend"), QStringLiteral("legendAction"), QKeySequence(Qt::Key_L), [this](bool on) { view_->setLegendVisible(on); });
  legendAction_->setCheckable(true);
  legendAction_->setChecked(true);
  runScriptAction_ = make(tr("&Run script..."), QStringLiteral("runScriptAction"), QKeySequence(), [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Run an Elixir script in the console"), QString(),
                                                      tr("Elixir scripts (*.exs *.ex);;All files (*)"));
    if (!path.isEmpty()) runScriptFile(path);
  });
  runScriptAction_->setStatusTip(tr("Run an .exs file in the console's live session, as if typed at the iex prompt"));

  spawnMenu_ = new QMenu(tr("Spawn"), this);
  spawnMenu_->setObjectName(QStringLiteral("spawnMenu"));
  for (const PaletteEntry& e : actorscope::app::palette()) {
    QAction* a = spawnMenu_->addAction(QString::fromLatin1(e.title), this, [this, k = int(e.kind)] { spawnFromPalette(k); });
    a->setToolTip(QString::fromLatin1(e.description));
    a->setStatusTip(QString::fromLatin1(e.description));
  }
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->setObjectName(QStringLiteral("fileMenu"));
  file->addAction(runScriptAction_);
  file->addSeparator();
  exporter_ = new Exporter(model_, view_, this);
  exporter_->addActions(file);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setObjectName(QStringLiteral("quitAction"));
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* scen = menuBar()->addMenu(tr("&Scenario"));
  scen->setObjectName(QStringLiteral("scenarioMenu"));
  for (const ScenarioInfo& s : scenarioList())
    scen->addAction(s.title, this, [this, n = s.name] { setScenario(n); })->setStatusTip(s.description.section(QLatin1Char('.'), 0, 0));
  scen->addSeparator();
  scen->addAction(resetAction_);
  scen->addAction(pauseAction_);
  scen->addAction(stepAction_);

  QMenu* proc = menuBar()->addMenu(tr("&Process"));
  proc->setObjectName(QStringLiteral("processMenu"));
  proc->addAction(killAction_);
  proc->addAction(exitAction_);
  proc->addAction(sendAction_);
  proc->addAction(trapAction_);
  proc->addAction(suspendAction_);
  proc->addAction(registerAction_);
  proc->addSeparator();
  proc->addMenu(spawnMenu_);
  proc->addSeparator();
  QAction* hint = proc->addAction(tr("Link: Shift+drag from one process to another"));
  hint->setEnabled(false);
  QAction* hint2 = proc->addAction(tr("Monitor: Ctrl+Shift+drag from watcher to target"));
  hint2->setEnabled(false);

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("viewMenu"));
  view->addAction(fitAction_);
  view->addAction(tr("Zoom in"), QKeySequence::ZoomIn, this, [this] { view_->zoomBy(1.25); });
  view->addAction(tr("Zoom out"), QKeySequence::ZoomOut, this, [this] { view_->zoomBy(0.8); });
  view->addAction(tr("Find process"), QKeySequence::Find, this, [this] {
    search_->setFocus();
    search_->selectAll();
  });
  view->addAction(legendAction_);
  view->addSeparator();
  view->setProperty("docksAt", view->actions().size());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("helpMenu"));
  QAction* about = help->addAction(tr("&About Actorscope"), this, &MainWindow::showAbout);
  about->setObjectName(QStringLiteral("aboutAction"));
  about->setMenuRole(QAction::AboutRole);
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createToolBar() {
  QToolBar* tb = addToolBar(tr("Time"));
  tb->setObjectName(QStringLiteral("timeToolBar"));
  tb->setMovable(false);
  tb->setToolButtonStyle(Qt::ToolButtonTextOnly);
  scenarioCombo_ = new QComboBox(tb);
  scenarioCombo_->setObjectName(QStringLiteral("scenarioCombo"));
  for (const ScenarioInfo& s : scenarioList()) scenarioCombo_->addItem(s.title, s.name);
  scenarioCombo_->setToolTip(tr("Scenario"));
  connect(scenarioCombo_, &QComboBox::activated, this, [this](int i) { setScenario(scenarioCombo_->itemData(i).toString()); });
  tb->addWidget(scenarioCombo_);
  tb->addSeparator();
  modeCombo_ = new QComboBox(tb);
  modeCombo_->setObjectName(QStringLiteral("modeCombo"));
  modeCombo_->addItem(tr("Live (threads)"));
  modeCombo_->addItem(tr("Deterministic (steppable)"));
  modeCombo_->setToolTip(tr("Live: the runtime runs on all cores in real time.\nDeterministic: one thread, reproducible order; "
                            "Step delivers one signal at a time."));
  connect(modeCombo_, &QComboBox::activated, this, [this](int i) { setRunMode(i == 0 ? RunMode::Live : RunMode::Deterministic); });
  tb->addWidget(modeCombo_);
  tb->addAction(pauseAction_);
  tb->addAction(stepAction_);
  tb->addAction(resetAction_);
  tb->addSeparator();
  auto* sl = new QLabel(tr(" Slow motion "), tb);
  tb->addWidget(sl);
  slowSlider_ = new QSlider(Qt::Horizontal, tb);
  slowSlider_->setObjectName(QStringLiteral("slowMotionSlider"));
  slowSlider_->setRange(0, 2000);
  slowSlider_->setSingleStep(50);
  slowSlider_->setPageStep(250);
  slowSlider_->setFixedWidth(180);
  slowSlider_->setToolTip(tr("Delay on every signal between processes, per hop (0 to 2000 ms)"));
  slowLabel_ = new QLabel(tr("off"), tb);
  slowLabel_->setMinimumWidth(70);
  connect(slowSlider_, &QSlider::valueChanged, this, [this](int v) { setSlowMotion(v); });
  tb->addWidget(slowSlider_);
  tb->addWidget(slowLabel_);
  tb->addSeparator();
  tb->addAction(fitAction_);
  search_ = new QLineEdit(tb);
  search_->setObjectName(QStringLiteral("searchField"));
  search_->setPlaceholderText(tr("Find a name or pid"));
  search_->setClearButtonEnabled(true);
  search_->setMaximumWidth(200);
  connect(search_, &QLineEdit::returnPressed, this, [this] {
    if (!view_->search(search_->text())) statusBar()->showMessage(tr("No process matches \"%1\"").arg(search_->text()), 3000);
    else select(scene_->selectedPid());
  });
  tb->addWidget(search_);
  auto* spawn = new QAction(tr("Spawn"), tb);
  spawn->setMenu(spawnMenu_);
  tb->addAction(spawn);
}

void MainWindow::createDocks() {
  setDockNestingEnabled(true);
  auto dock = [this](QWidget* w, const QString& title, const QString& name, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setWidget(w);
    addDockWidget(area, d);
    if (QMenu* view = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) view->addAction(d->toggleViewAction());
    return d;
  };
  QDockWidget* insp = dock(inspector_, tr("Inspector"), QStringLiteral("inspectorDock"), Qt::RightDockWidgetArea);
  QDockWidget* scen = dock(createScenarioPage(), tr("Scenario: what to try"), QStringLiteral("scenarioDock"), Qt::RightDockWidgetArea);
  splitDockWidget(insp, scen, Qt::Vertical);
  resizeDocks({insp, scen}, {480, 340}, Qt::Vertical);
  resizeDocks({insp}, {380}, Qt::Horizontal);
  logWidget_->setMinimumHeight(150);
  QDockWidget* log = dock(logWidget_, tr("Event log"), QStringLiteral("eventLogDock"), Qt::BottomDockWidgetArea);
  resizeDocks({log}, {190}, Qt::Vertical);
  createAnalysisDocks();
  console_ = new views::ConsoleWidget;
  console_->setPidProvider([this] { return currentPid(); });
  // The shell (and the server that replaces it when it dies) is drawn as part of the console.
  // The shell's glyph: on the live runtime's processes only (a recording file has its own pids).
  connect(console_, &views::ConsoleWidget::shellChanged, this, [this](Pid shell, Pid server) {
    consoleShell_ = shell;
    consoleServer_ = server;
    if (replayFile_.isEmpty()) model_->setConsolePids(shell, server);
  });
  QDockWidget* con = dock(console_, tr("Console (iex)"), QStringLiteral("consoleDock"), Qt::BottomDockWidgetArea);
  splitDockWidget(log, con, Qt::Horizontal);
}

QWidget* MainWindow::createScenarioPage() {
  scenarioPanel_->setObjectName(QStringLiteral("scenarioPanel"));
  scenarioPanel_->setMinimumHeight(60);
  // The scenario written as a script: read-only source a teacher can copy, change and run.
  scriptBox_ = new QWidget;
  scriptBox_->setObjectName(QStringLiteral("scenarioScriptBox"));
  scriptTitle_ = new QLabel;
  scriptTitle_->setTextFormat(Qt::RichText);
  scriptView_ = new QPlainTextEdit;
  scriptView_->setObjectName(QStringLiteral("scenarioScript"));
  scriptView_->setReadOnly(true);
  scriptView_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  scriptView_->setLineWrapMode(QPlainTextEdit::NoWrap);
  scriptView_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  scriptView_->setToolTip(tr("The scenario as a script of the console's Elixir subset: copy it, change it, "
                             "run it with File > Run script..."));
  auto* copy = new QPushButton(tr("Copy"));
  copy->setObjectName(QStringLiteral("scenarioScriptCopy"));
  copy->setToolTip(tr("Copy the script to the clipboard"));
  connect(copy, &QPushButton::clicked, this, [this] {
    QGuiApplication::clipboard()->setText(scriptView_->toPlainText());
    statusBar()->showMessage(tr("%1 copied to the clipboard").arg(scriptName_), 3000);
  });
  auto* run = new QPushButton(tr("Run in console"));
  run->setObjectName(QStringLiteral("scenarioScriptRun"));
  run->setToolTip(tr("Run the script in the console's live session: its processes join the graph"));
  connect(run, &QPushButton::clicked, this, [this] { runScenarioScript(); });
  auto* head = new QHBoxLayout;
  head->setContentsMargins(0, 0, 0, 0);
  head->addWidget(scriptTitle_, 1);
  head->addWidget(copy);
  head->addWidget(run);
  auto* sl = new QVBoxLayout(scriptBox_);
  sl->setContentsMargins(0, 4, 0, 0);
  sl->setSpacing(3);
  sl->addLayout(head);
  sl->addWidget(scriptView_, 1);
  scriptBox_->hide();

  auto* split = new QSplitter(Qt::Vertical);
  split->setObjectName(QStringLiteral("scenarioPage"));
  split->setChildrenCollapsible(false);
  split->addWidget(scenarioPanel_);
  split->addWidget(scriptBox_);
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  return split;
}

void MainWindow::updateTitle() {
  if (!replayFile_.isEmpty())
    setWindowTitle(QStringLiteral("Actorscope %1 replay of %2").arg(QChar(0x2014), QFileInfo(replayFile_).fileName()));
  else if (scenario_.isEmpty())
    setWindowTitle(QStringLiteral("Actorscope"));
  else
    setWindowTitle(QStringLiteral("Actorscope %1 %2").arg(QChar(0x2014), scenario_));
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Actorscope"),
                     tr("<h3>Actorscope %1</h3>"
                        "<p>An Erlang-style actor runtime, shown live: processes, links, monitors, "
                        "mailboxes and the signals that travel between them.</p>"
                        "<p>Space pause/resume, . step, K kill, E exit with reason, M send, T trap_exit, "
                        "U suspend/resume, N register, F fit, Ctrl+F find, Shift+drag link, "
                        "Ctrl+Shift+drag monitor.</p>")
                         .arg(QStringLiteral(ACTORSCOPE_VERSION)));
}

void MainWindow::readSettings() {
  QSettings s;
  if (s.contains(QStringLiteral("window/geometry"))) restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
  if (s.contains(QStringLiteral("window/state"))) restoreState(s.value(QStringLiteral("window/state")).toByteArray());
  setSlowMotion(s.value(QStringLiteral("time/slowMotion"), 0).toInt());
}

void MainWindow::writeSettings() {
  QSettings s;
  s.setValue(QStringLiteral("window/geometry"), saveGeometry());
  s.setValue(QStringLiteral("window/state"), saveState());
  s.setValue(QStringLiteral("time/slowMotion"), slowMotion());
}

void MainWindow::closeEvent(QCloseEvent* e) {
  writeSettings();
  QMainWindow::closeEvent(e);
}

}  // namespace actorscope::app
