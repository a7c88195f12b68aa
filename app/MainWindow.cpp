#include "MainWindow.h"

#include "AttachSource.h"
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

#include <algorithm>
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
#include <QScreen>
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
      embedded_(std::make_unique<views::EmbeddedSource>(host_, this)), source_(embedded_.get()), pipeline_(model_, scene_) {
  setObjectName(QStringLiteral("mainWindow"));
  for (const PaletteEntry& e : actorscope::app::palette())
    embedded_->addSpawnable(QString::fromLatin1(e.title), [k = e.kind](Runtime& rt) { return spawnPalette(rt, k); });
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
  tableView_->setColumnHidden(views::ProcessTableModel::NodeCol, true);  // until there are nodes
  tableView_->setSelectionBehavior(QAbstractItemView::SelectRows);
  tableView_->setSelectionMode(QAbstractItemView::SingleSelection);
  tableView_->setAlternatingRowColors(true);
  tableView_->verticalHeader()->hide();
  tableView_->horizontalHeader()->setStretchLastSection(false);
  tableView_->horizontalHeader()->setSectionResizeMode(views::ProcessTableModel::NameCol, QHeaderView::Stretch);
  tableView_->horizontalHeader()->setMinimumSectionSize(70);
  tableView_->setColumnWidth(views::ProcessTableModel::PidCol, 120);
  // The figures' columns as wide as their headings need (numbers are shorter), so the name keeps
  // the room at 1280x720.
  for (int c = views::ProcessTableModel::StatusCol; c < views::ProcessTableModel::ColumnCount; ++c) {
    const QString heading = table_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    tableView_->setColumnWidth(c, std::max(64, tableView_->horizontalHeader()->fontMetrics().horizontalAdvance(heading) + 28));
  }
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
            // A removed row moves the table's current row; the selection stays with the user's pick.
            if (table_->removing()) return;
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
  connect(scene_, &views::GraphScene::groupClicked, this, [this](quint32 group, size_t members) {
    // Opening draws every member: a big group asks first.
    if (members > 2000 &&
        QMessageBox::question(this, tr("Open the group"),
                              tr("Draw its %L1 processes one by one? The graph gets crowded; the Processes tab lists them all.")
                                  .arg(members)) != QMessageBox::Yes)
      return;
    scene_->openGroup(group);
  });
  connect(view_, &views::GraphView::activated, this, [this](Pid p) {
    if (scene_->collapsed(p)) {  // a double-click opens a collapsed subtree; the view follows it
      scene_->expandSubtree(p);
      followAfterLayout(p);
      return;
    }
    select(p);
    if (auto* d = findChild<QDockWidget*>(QStringLiteral("inspectorDock"))) d->raise();
  });
  connect(view_, &views::GraphView::linkRequested, this, &MainWindow::linkPids);
  connect(view_, &views::GraphView::nameRelateRequested, this, [this](Pid from, Pid holder, quint32 name, bool monitor) {
    // Ergo (E1.2): a drag dropped onto a name badge or a name: LinkProcessID / MonitorProcessID.
    const auto* r = model_->findAny(holder.serial());
    relate(from, ergo::Target::registered(Atom{name}, r ? r->node : 0), monitor ? views::Relation::Monitor : views::Relation::Link);
  });
  connect(view_, &views::GraphView::edgeDelayRequested, this, &MainWindow::setEdgeDelay);
  connect(view_, &views::GraphView::partitionRequested, this, [this](quint16 a, quint16 b) { cutConnection(a, b, false); });
  connect(view_, &views::GraphView::healRequested, this, [this](quint16 a, quint16 b) { cutConnection(a, b, true); });
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
  statSemantics_ = new QLabel(tr("Ergo mode"), this);
  statSemantics_->setObjectName(QStringLiteral("statSemantics"));
  statSemantics_->setToolTip(tr("The runtime follows the Ergo Framework's rules (Scenario > Ergo semantics)"));
  statSemantics_->setStyleSheet(QStringLiteral("QLabel { color: white; background: #7a4cc8; font-weight: bold; padding: 1px 8px; border-radius: 4px; }"));
  statSemantics_->hide();
  statusBar()->addPermanentWidget(statSemantics_);

  frameTimer_->setTimerType(Qt::PreciseTimer);
  frameTimer_->setInterval(16);
  connect(frameTimer_, &QTimer::timeout, this, &MainWindow::tick);
  frameTimer_->start();
  rateClock_.start();
  detailsClock_.start();

  updateTitle();
  // Never larger than the screen (a projector's 1024x768 or 1280x720).
  QSize size(1440, 900);
  if (const QScreen* sc = screen()) size = size.boundedTo(sc->availableGeometry().size());
  if (size.height() < 900) {
    // A short screen (a projector's 768 or 720 lines): the right column's docks share one tab set.
    auto* insp = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    auto* scen = findChild<QDockWidget*>(QStringLiteral("scenarioDock"));
    auto* faults = findChild<QDockWidget*>(QStringLiteral("faultDock"));
    if (insp && scen && faults) {
      tabifyDockWidget(insp, scen);
      tabifyDockWidget(insp, faults);
      insp->raise();
    }
  }
  resize(size);
  // The console and the event log share the bottom evenly; the graph keeps most of the width.
  auto* logDock = findChild<QDockWidget*>(QStringLiteral("eventLogDock"));
  auto* conDock = findChild<QDockWidget*>(QStringLiteral("consoleDock"));
  if (logDock && conDock) resizeDocks({logDock, conDock}, {size.width() / 2, size.width() / 2}, Qt::Horizontal);
  if (auto* insp = findChild<QDockWidget*>(QStringLiteral("inspectorDock")))
    resizeDocks({insp}, {std::clamp(size.width() / 3, 300, 420)}, Qt::Horizontal);
  readSettings();
}

MainWindow::~MainWindow() {
  frameTimer_->stop();
  if (console_) console_->detach();  // the shell dies before its runtime
  attached_.reset();                 // the agent leaves the node
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
  updateBanner();
  if (paused_)
    statusBar()->showMessage(tr("The scenario is set up and paused: press Space (Resume) to run it"), 8000);
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
  if (attached_) {  // a scenario again: the node is left (its agent removes itself)
    attached_.reset();
    model_->setQueueLengthsFromSnapshots(false);
    scene_->reset();  // before grouping goes off: no group opens into items about to go
    scene_->setGrouping(false);
    scene_->setAutoCollapse({});
    source_ = embedded_.get();
    if (faults_) faults_->setSource(source_);
    attachLost_ = false;
    updateSourceControls();
  }
  host_->stop();
  model_->clear();  // the table follows with row removals
  model_->setSemantics(semantics_);
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
  cfg.semantics = semantics_;
  cfg.builder = scenarioBuilder(scenario_);
  host_->start(std::move(cfg));
  analysisRestarted();
  if (console_) console_->attach(source_->shell());
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

void MainWindow::setSemantics(Semantics s) {
  if (s == semantics_) return;
  semantics_ = s;
  if (ergoAction_) {
    const QSignalBlocker b(ergoAction_);
    ergoAction_->setChecked(s == Semantics::Ergo);
  }
  if (ergoMenu_) ergoMenu_->menuAction()->setVisible(s == Semantics::Ergo);
  resetScenario();
  updateTitle();
  updateStatus();
  if (!scenario_.isEmpty())
    statusBar()->showMessage(s == Semantics::Ergo
                               ? tr("Ergo mode: the scenario restarted under the Ergo Framework's rules (one-way links, "
                                    "three queues, Kill cannot be trapped but an exit :kill can)")
                               : tr("BEAM mode: the scenario restarted under the BEAM's rules"),
                           8000);
}

void MainWindow::setPaused(bool p) {
  paused_ = p;
  host_->setPaused(p);
  const QSignalBlocker b(pauseAction_);
  pauseAction_->setChecked(p);
  pauseAction_->setText(p ? tr("Resume") : tr("Pause"));
  updateStatus();
  updateBanner();
}

bool MainWindow::paused() const { return paused_; }

void MainWindow::updateBanner() {
  QString text;
  if (attached_ && attachLost_) {
    const QStringList gone = attached_->nodeNames(false);
    text = gone.size() > 1 ? tr("%1 went away: this is their last picture (File > Reconnect)").arg(gone.join(QStringLiteral(", ")))
                           : tr("%1 went away: this is its last picture (File > Reconnect)").arg(gone.value(0));
  }
  else if (timeTravelling()) text = tr("Showing the past: press Live to return");
  else if (attached_) text = QString();
  else if (paused_) text = mode_ == RunMode::Deterministic ? tr("Paused: Space resumes, . steps") : tr("Paused: Space resumes");
  view_->setBanner(text);
}

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
  ms = slow_.show(ms);
  host_->setLatency(std::chrono::milliseconds(ms));
  scene_->setLatencyHint(ms);
}

int MainWindow::slowMotion() const { return slow_.ms(); }

void MainWindow::tick() {
  ++frames_;
  bool lost = false;
  QString lostWhy;
  QStringList gone;
  views::HostBatch batch = attached_ ? attached_->take(&lost, &lostWhy, &gone) : host_->take();
  if (lost) attachLostWith(lostWhy);
  if (!gone.isEmpty()) {
    attached_->nodesChanged();
    updateSourceControls();  // Reconnect
    updateTitle();
    statusBar()->showMessage(tr("%1; its processes are shown ended (:noconnection)").arg(gone.join(QStringLiteral("; "))), 30000);
  }
  if (!batch.error.empty())
    statusBar()->showMessage(tr("The scenario failed: %1").arg(QString::fromStdString(batch.error)), 10000);
  const bool live = analysisTick(batch);  // recorded always; applied unless the timeline shows the past
  // Live events reach the views through the playhead, in causal order at presentation time.
  // The timeline's forward play pushes recorded events into the same playhead.
  if (live) pipeline_.feed(batch);
  else pipeline_.advance();
  model_->processPending();
  analysisSampled();
  if (const bool one = model_->graph().nodes().size() < 2; tableView_->isColumnHidden(views::ProcessTableModel::NodeCol) != one)
    tableView_->setColumnHidden(views::ProcessTableModel::NodeCol, one);  // a cluster: which node runs it
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
  if (frames_ % 15 == 0) updateBanner();
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
  if (attached_) {
    mode = attachLost_ ? tr("%1 went away").arg(attached_->nodeNames(false).join(QStringLiteral(", ")))
                       : tr("attached to %1").arg(attached_->describe());
    if (const auto& st = attached_->agentStats(); st.dropped)
      mode += tr(", %L1 events sampled out by the agent").arg(st.dropped);
  }
  if (!replayFile_.isEmpty())
    mode = tr("replay of %1 (live runtime paused)").arg(QFileInfo(replayFile_).fileName());
  else if (timeTravelling())
    mode = tr("time travel (the recording); ") + mode;
  statMode_->setText(mode);
  statSemantics_->setVisible(model_->ergo());  // the picture's rules: the runtime's, or a recording's
  rateMessages_ = model_->messagesSent();
  rateExits_ = model_->exits();
  rateFrames_ = frames_;
  rateClock_.restart();
}

// ---- acting ------------------------------------------------------------------------------------

QString MainWindow::pidText(Pid pid) const {
  QString s = model_->pidText(pid);
  if (const auto* r = model_->findAny(pid.serial()); r && r->name != atoms::nil)
    s += QStringLiteral(" ") + QString::fromStdString(inspect_atom(r->name));
  return s;
}

Pid MainWindow::currentPid() const { return inspector_->pid(); }

void MainWindow::select(Pid pid) {
  if (!pid.valid()) return;
  if (attached_)
    if (attach::Client* c = attached_->session().owner(pid)) c->poll_first({pid});  // its mailbox and flags, fresh first
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

Pid MainWindow::findPid(const QString& nameOrPid) const {
  const QString t = nameOrPid.trimmed();
  for (const auto& [k, r] : model_->processes()) {
    if (r.name != atoms::nil) {
      const QString n = QString::fromStdString(std::string(atom_name(r.name)));
      if (n == t || QStringLiteral(":") + n == t || QString::fromStdString(inspect_atom(r.name)) == t) return r.pid;
    }
    if (model_->pidText(r.pid) == t) return r.pid;
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

void MainWindow::updateTitle() {
  QString title;
  if (!replayFile_.isEmpty())
    title = QStringLiteral("Actorscope %1 replay of %2").arg(QChar(0x2014), QFileInfo(replayFile_).fileName());
  else if (attached_)
    title = QStringLiteral("Actorscope %1 %2").arg(QChar(0x2014), attached_->describe());
  else if (scenario_.isEmpty())
    title = QStringLiteral("Actorscope");
  else
    title = QStringLiteral("Actorscope %1 %2").arg(QChar(0x2014), scenario_);
  if (model_->ergo()) title += tr(" (Ergo mode)");
  setWindowTitle(title);
  if (statSemantics_) statSemantics_->setVisible(model_->ergo());
}

void MainWindow::closeEvent(QCloseEvent* e) {
  writeSettings();
  QMainWindow::closeEvent(e);
}

}  // namespace actorscope::app
