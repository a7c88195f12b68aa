// MainWindow: building the window (actions, menus, toolbar, docks, the scenario page) and its
// settings.
#include "MainWindow.h"

#include "BlastRadius.h"
#include "ChartsWidget.h"
#include "CompareWindow.h"
#include "ConsoleWidget.h"
#include "DemoProcesses.h"
#include "EmbeddedSource.h"
#include "EventLog.h"
#include "FaultPanel.h"
#include "Export.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "Language.h"
#include "InspectorWidget.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "Presentation.h"
#include "ProcessTableModel.h"
#include "Scenarios.h"
#include "TermDialog.h"
#include "TimelineWidget.h"
#include "Tour.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>

#include <climits>
#include <QClipboard>
#include <QProcess>
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
  attachAction_ = file->addAction(tr("&Attach to node..."), this, [this] { attachDialog(false); });
  attachAction_->setObjectName(QStringLiteral("attachAction"));
  attachAction_->setStatusTip(tr("Show a live Erlang or Elixir node (OTP 25+) in this window"));
  attachAnotherAction_ = file->addAction(tr("Attach a&nother node..."), this, [this] { attachDialog(true); });
  attachAnotherAction_->setObjectName(QStringLiteral("attachAnotherAction"));
  attachAnotherAction_->setStatusTip(tr("Add a node of the cluster to the picture: its processes in a region of their own, links across nodes drawn"));
  attachAnotherAction_->setEnabled(false);
  reconnectAction_ = file->addAction(tr("&Reconnect to the node"), this, &MainWindow::reconnectNodes);
  reconnectAction_->setObjectName(QStringLiteral("reconnectAction"));
  reconnectAction_->setEnabled(false);  // until a node went away
  detachAction_ = file->addAction(tr("&Detach from the node"), this, &MainWindow::detachNode);
  detachAction_->setObjectName(QStringLiteral("detachAction"));
  detachAction_->setEnabled(false);  // until attached
  detachAction_->setStatusTip(tr("Leave the node (the agent removes itself) and return to the scenario"));
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
  scen->addSeparator();
  ergoAction_ = scen->addAction(tr("Ergo semantics"));
  ergoAction_->setObjectName(QStringLiteral("ergoSemanticsAction"));
  ergoAction_->setCheckable(true);
  ergoAction_->setChecked(semantics_ == Semantics::Ergo);
  ergoAction_->setStatusTip(tr("Run the scenario under the Ergo Framework's rules: one-way links, links and monitors by "
                               "name and node, the Urgent, System and Main queues"));
  connect(ergoAction_, &QAction::triggered, this, [this](bool on) {
    const Semantics want = on ? Semantics::Ergo : Semantics::Beam;
    if (want == semantics_) return;
    if (confirmRestart(on ? tr("Ergo semantics restart the scenario under the Ergo Framework's rules.")
                          : tr("BEAM semantics restart the scenario under the BEAM's rules.")))
      setSemantics(want);
    else
      ergoAction_->setChecked(!on);
  });

  QMenu* proc = menuBar()->addMenu(tr("&Process"));
  proc->setObjectName(QStringLiteral("processMenu"));
  proc->addAction(killAction_);
  proc->addAction(exitAction_);
  proc->addAction(sendAction_);
  proc->addAction(trapAction_);
  proc->addAction(suspendAction_);
  proc->addAction(registerAction_);
  proc->addSeparator();
  proc->addMenu(createErgoMenu());
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
  QAction* compare = view->addAction(tr("Compare semantics"), this, [this] { openCompareWindow(this, scenario_); });
  compare->setObjectName(QStringLiteral("compareAction"));
  compare->setToolTip(tr("The scenario on a BEAM and an Ergo runtime side by side, stepping and acting together"));
  presentAction_ = view->addAction(tr("Presentation mode"));
  presentAction_->setObjectName(QStringLiteral("presentationAction"));
  presentAction_->setCheckable(true);
  presentAction_->setShortcut(QKeySequence(Qt::Key_F11));
  presentAction_->setToolTip(tr("Full screen, large text for the back of the room (F11)"));
  connect(presentAction_, &QAction::toggled, this, [this](bool on) { setPresentationMode(on); });
  addAction(presentAction_);  // F11 works in full screen too
  QMenu* langMenu = view->addMenu(tr("Language"));
  langMenu->setObjectName(QStringLiteral("languageMenu"));
  auto* langGroup = new QActionGroup(langMenu);
  for (const QString& code : availableLanguages()) {
    QAction* a = langMenu->addAction(languageName(code));
    a->setObjectName(QStringLiteral("language_") + code);
    a->setCheckable(true);
    a->setChecked(code == currentLanguage());
    langGroup->addAction(a);
    connect(a, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
  }
  view->addSeparator();
  view->setProperty("docksAt", view->actions().size());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->setObjectName(QStringLiteral("helpMenu"));
  QAction* keys = help->addAction(tr("&Keyboard shortcuts"), this, [this] {
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), shortcutSheet(), QMessageBox::Close, this);
    box.setTextFormat(Qt::RichText);
    box.exec();
  });
  keys->setObjectName(QStringLiteral("shortcutsAction"));
  QAction* tour = help->addAction(tr("The &first five minutes"), this, [this] { showTour(); });
  tour->setObjectName(QStringLiteral("tourAction"));
  keys->setShortcut(QKeySequence(Qt::Key_F1));
  addAction(keys);
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
  connect(scenarioCombo_, &QComboBox::activated, this, [this](int i) {
    const QString name = scenarioCombo_->itemData(i).toString();
    if (name == scenario_ || confirmRestart(tr("Switching to \"%1\" starts a new runtime.").arg(scenarioCombo_->itemText(i))))
      setScenario(name);
    else
      scenarioCombo_->setCurrentIndex(scenarioCombo_->findData(scenario_));
  });
  tb->addWidget(scenarioCombo_);
  tb->addSeparator();
  modeCombo_ = new QComboBox(tb);
  modeCombo_->setObjectName(QStringLiteral("modeCombo"));
  modeCombo_->addItem(tr("Live (threads)"));
  modeCombo_->addItem(tr("Deterministic (steppable)"));
  modeCombo_->setToolTip(tr("Live: the runtime runs on all cores in real time.\nDeterministic: one thread, reproducible order; "
                            "Step delivers one signal at a time."));
  connect(modeCombo_, &QComboBox::activated, this, [this](int i) {
    const RunMode want = i == 0 ? RunMode::Live : RunMode::Deterministic;
    if (want == mode_) return;
    if (confirmRestart(want == RunMode::Live ? tr("Live mode restarts the scenario on all cores.")
                                             : tr("Deterministic mode restarts the scenario on one thread, steppable.")))
      setRunMode(want);
    else
      modeCombo_->setCurrentIndex(mode_ == RunMode::Live ? 0 : 1);
  });
  tb->addWidget(modeCombo_);
  tb->addAction(pauseAction_);
  tb->addAction(stepAction_);
  tb->addAction(resetAction_);
  tb->addSeparator();
  slow_ = views::SlowMotionControl::add(tb, QStringLiteral("slowMotionSlider"),
                                        tr("Delay on every signal between processes, per hop (0 to 2000 ms)"), 180,
                                        [this](int v) { setSlowMotion(v); });
  tb->addSeparator();
  tb->addAction(fitAction_);
  search_ = new QLineEdit(tb);
  search_->setObjectName(QStringLiteral("searchField"));
  search_->setPlaceholderText(tr("Find a name or pid"));
  search_->setClearButtonEnabled(true);
  search_->setMaximumWidth(200);
  connect(search_, &QLineEdit::returnPressed, this, [this] {
    bool found = view_->search(search_->text());
    if (!found) {  // inside a collapsed subtree or a group: shown first
      const Pid p = findPid(search_->text());
      found = p.valid() && scene_->reveal(p) && view_->search(search_->text());
    }
    if (!found) statusBar()->showMessage(tr("No process matches \"%1\"").arg(search_->text()), 3000);
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
  resizeDocks({insp}, {360}, Qt::Horizontal);
  logWidget_->setMinimumHeight(90);
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
  if (auto* charts = findChild<QDockWidget*>(QStringLiteral("chartsDock"))) {
    tabifyDockWidget(log, charts);
    log->raise();
  }
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

QString MainWindow::shortcutSheet() const {
  QString rows;
  auto row = [&rows](const QString& key, const QString& what) {
    rows += QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>").arg(key.toHtmlEscaped(), what.toHtmlEscaped());
  };
  for (QAction* a : findChildren<QAction*>()) {
    if (a->shortcut().isEmpty() || a->text().isEmpty()) continue;
    row(a->shortcut().toString(QKeySequence::NativeText), QString(a->text()).remove(QLatin1Char('&')));
  }
  row(tr("Shift+drag"), tr("Link two processes"));
  row(tr("Ctrl+Shift+drag"), tr("Monitor: from the watcher to the target"));
  row(tr("... onto a name"), tr("Ergo mode: link or monitor by the registered name (its badge, or the name under a process)"));
  row(tr("Right click"), tr("The process's menu"));
  row(tr("Tab, Up/Down, Ctrl+C, Ctrl+P"), tr("Console: complete, history, interrupt, insert the selected pid"));
  return QStringLiteral("<table>%1</table>").arg(rows);
}

void MainWindow::setPresentationMode(bool on) {
  if (on == presenting_) return;
  presenting_ = on;
  if (presentAction_ && presentAction_->isChecked() != on) {
    const QSignalBlocker b(presentAction_);
    presentAction_->setChecked(on);
  }
  constexpr double kScale = kPresentationScale;  // the compare window scales by it too
  if (on) {
    normalFont_ = QApplication::font();
    QFont big = normalFont_;
    big.setPointSizeF(normalFont_.pointSizeF() * kScale);
    QApplication::setFont(big);
    if (console_) console_->setFontScale(1.8);
    scene_->setTextScale(kScale);
    // The docks a lesson needs: the graph, inspector, scenario, console, log and timeline.
    hiddenForPresentation_.clear();
    for (const char* name : {"chartsDock", "faultDock"})
      if (auto* d = findChild<QDockWidget*>(QLatin1String(name)); d && d->toggleViewAction()->isChecked()) {
        d->hide();
        hiddenForPresentation_ << QLatin1String(name);
      }
    showFullScreen();
  } else {
    QApplication::setFont(normalFont_);
    if (console_) console_->setFontScale(1.0);
    scene_->setTextScale(1.0);
    for (const QString& name : hiddenForPresentation_)
      if (auto* d = findChild<QDockWidget*>(name)) d->show();
    hiddenForPresentation_.clear();
    showNormal();
  }
  QSettings().setValue(QStringLiteral("view/presentation"), on);
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

namespace {
constexpr int kLayoutVersion = 2;  // 2: charts beside the event log, the fault panel scrolls
}  // namespace

void MainWindow::readSettings() {
  QSettings s;
  if (s.contains(QStringLiteral("window/geometry"))) restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
  // A state saved by an older layout (another dock arrangement) is not restored.
  if (s.contains(QStringLiteral("window/state"))) restoreState(s.value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
  setSlowMotion(s.value(QStringLiteral("time/slowMotion"), 0).toInt());
  if (s.value(QStringLiteral("view/presentation"), false).toBool()) setPresentationMode(true);
}

void MainWindow::writeSettings() {
  QSettings s;
  s.setValue(QStringLiteral("window/geometry"), saveGeometry());
  s.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
  s.setValue(QStringLiteral("time/slowMotion"), slowMotion());
}

void MainWindow::chooseLanguage(const QString& code) {
  QSettings().setValue(QStringLiteral("view/language"), code);
  if (code == currentLanguage()) return;
  QMessageBox box(QMessageBox::Question, tr("Language"),
                  tr("Actorscope will be in %1 from its next start. Restart now?").arg(languageName(code)),
                  QMessageBox::NoButton, this);
  QPushButton* now = box.addButton(tr("Restart now"), QMessageBox::AcceptRole);
  box.addButton(tr("Later"), QMessageBox::RejectRole);
  box.exec();
  if (box.clickedButton() != now) return;
  QStringList args = QCoreApplication::arguments().mid(1);
  for (int i = 0; i < args.size(); ++i)
    if (args[i] == QStringLiteral("--lang") && i + 1 < args.size()) {
      args.remove(i, 2);
      break;
    } else if (args[i].startsWith(QStringLiteral("--lang="))) {
      args.remove(i);
      break;
    }
  if (QProcess::startDetached(QCoreApplication::applicationFilePath(), args)) close();
}

bool MainWindow::confirmRestart(const QString& what) {
  const size_t events = timeline_ ? timeline_->recordedEvents() : 0;
  if (events == 0 || QSettings().value(QStringLiteral("ui/restartWithoutAsking")).toBool()) return true;
  QMessageBox box(QMessageBox::Question, tr("Restart the scenario?"),
                  what + QStringLiteral("\n\n") +
                      tr("The timeline's %n recorded event(s) will be cleared (File > Save recording keeps them).", nullptr,
                         int(std::min<size_t>(events, INT_MAX))),
                  QMessageBox::NoButton, this);
  QPushButton* go = box.addButton(tr("Restart"), QMessageBox::AcceptRole);
  box.addButton(QMessageBox::Cancel);
  auto* never = new QCheckBox(tr("Do not ask again"), &box);
  box.setCheckBox(never);
  box.exec();
  if (box.clickedButton() != go) return false;
  if (never->isChecked()) QSettings().setValue(QStringLiteral("ui/restartWithoutAsking"), true);
  return true;
}

Tour* MainWindow::showTour() {
  auto* t = new Tour(this);
  t->show();
  t->raise();
  return t;
}

}  // namespace actorscope::app
