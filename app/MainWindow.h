#pragma once
// MainWindow: the observer window. Owns the runtime host (driver thread), the observer model and
// the views on it, and one ~60 Hz frame tick that takes the host's batch, updates the model,
// steps layout and animations, and refreshes the status bar. GUI thread only.

#include "Pipeline.h"
#include "RuntimeHost.h"
#include "SlowMotion.h"
#include "Source.h"

#include "actorscope/attach.hpp"

#include <map>
#include <memory>

#include <QElapsedTimer>
#include <QFont>
#include <QMainWindow>
#include <QStringList>
#include <QString>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace actorscope::views {
class AttachSource;
class EmbeddedSource;
class ChartsWidget;
class FaultPanel;
class TimelineWidget;
class EventLogModel;
class ConsoleWidget;
class EventLogWidget;
class GraphScene;
class GraphView;
class InspectorWidget;
class ObserverModel;
class ProcessTableModel;
}  // namespace actorscope::views

namespace actorscope::app {

class Tour;

class Exporter;

class MainWindow final : public QMainWindow {
  Q_OBJECT

public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// The scenario running ("" = none yet).
  QString scenario() const { return scenario_; }
  /// Starts scenario `name` in a fresh runtime; false (and nothing changes) for an unknown name.
  bool setScenario(const QString& name);
  /// Restarts the current scenario (keeps the mode and the slow-motion setting).
  void resetScenario();

  void setRunMode(views::RunMode mode);
  views::RunMode runMode() const { return mode_; }
  /// The embedded runtime's rules: BEAM (default) or Ergo (SEMANTICS E). A change restarts the
  /// current scenario under the other rules; the title and the status bar say "Ergo mode".
  void setSemantics(Semantics s);
  Semantics semantics() const { return semantics_; }
  /// Ergo mode: makes `watcher` link to, monitor, unlink or demonitor `target` (Process menu);
  /// the status bar says what happened, or the Ergo error in words.
  void relate(Pid watcher, const ergo::Target& target, views::Relation what);
  /// Ergo mode: makes a new alias for `owner` (Process > Ergo links and monitors > Create alias);
  /// the status bar names it and the inspector lists it, or says why not.
  void createAlias(Pid owner);
  void setPaused(bool paused);
  bool paused() const;
  /// Presentation mode (F11): full screen, every font and the graph larger, the console larger
  /// still, only the docks a lesson needs. Remembered across runs.
  void setPresentationMode(bool on);
  /// Saves `code` (one of availableLanguages()) as the window's language and offers a restart.
  void chooseLanguage(const QString& code);
  /// File > Export > the timeline's stretch (or the last minute) as MP4/GIF, or as PNG frames.
  void exportAnimationDialog(bool pngFrames);
  /// Asks before a mode or scenario switch wipes the timeline (`what` says what will happen);
  /// true when it may go on. Not asked when nothing is recorded, or after "Do not ask again".
  bool confirmRestart(const QString& what);
  /// Opens the first-five-minutes tour beside the window (not modal).
  Tour* showTour();
  bool presentationMode() const { return presenting_; }
  /// The shortcut sheet (F1) as rich text.
  QString shortcutSheet() const;
  void step();
  /// Per-hop signal latency in ms (0..2000), the slow-motion slider.
  void setSlowMotion(int ms);
  int slowMotion() const;
  void setThreads(unsigned n) { threads_ = n; }

  /// Sends `Process.exit(pid, :kill)` to the process registered as `name` (or with that pid text).
  bool killByName(const QString& nameOrPid);
  /// Shows the "graph" or the "processes" tab; false for another name.
  bool showTab(const QString& name);
  /// Selects a process by name or pid text; with `previewKill`, shows its blast radius too.
  bool selectByName(const QString& nameOrPid, bool previewKill = false);
  /// The pid of a live process by registered name or pid text.
  Pid findPid(const QString& nameOrPid) const;
  /// Links two processes (Runtime::link, as if `a` called Process.link(b)); any process, any code.
  void linkPids(Pid a, Pid b);
  /// Signals between `a` and `b` (either way) take `ms` longer: a delay fault (FaultPanel), as
  /// dragging on their edge asks.
  void setEdgeDelay(Pid a, Pid b, int ms);
  /// Partitions (or heals) the connection between two nodes, as a fault.
  void cutConnection(quint16 a, quint16 b, bool heal);
  /// Makes `watcher` monitor `target` (Runtime::monitor).
  void monitorPid(Pid watcher, Pid target);
  /// Runs the script file `path` in the console's live session (File > Run script...); the
  /// console dock shows its output, or why it could not run. False when it could not start.
  bool runScriptFile(const QString& path);
  /// Runs the current scenario's script (the scenario panel's "Run in console").
  bool runScenarioScript();
  /// The script shown in the scenario panel ("" when the scenario has none).
  QString scenarioScriptText() const;

  views::ObserverModel* observerModel() const { return model_; }
  views::GraphScene* graphScene() const { return scene_; }
  views::GraphView* graphView() const { return view_; }
  views::ProcessTableModel* tableModel() const { return table_; }
  views::InspectorWidget* inspector() const { return inspector_; }
  views::EventLogModel* eventLog() const { return logModel_; }
  views::RuntimeHost* host() const { return host_; }
  /// What the window acts on: every process command goes through it.
  views::Source* source() const { return source_; }

  // ---- an attached BEAM node (MainWindowAttach.cpp) ----
  /// Attaches to a live node (File > Attach to node..., --attach): the embedded runtime stops and
  /// the window shows the node through an AttachSource. Connecting runs off the GUI thread behind
  /// a cancellable progress dialog (`interactive`) or silently. False, with the reason in
  /// `error`, when it failed (the embedded scenario then goes on).
  /// `another`: when attached, the node joins the picture (a cluster: each node's processes in a
  /// region of their own, links across them drawn) instead of replacing it.
  bool attachTo(const attach::Options& opts, QString* error = nullptr, bool interactive = true, bool another = false);
  /// Leaves the node (its agent removes itself and its trace flags) and restarts the scenario.
  void detachNode();
  /// Puts `node` first in File > Attach's recent names (never a cookie).
  void rememberNode(const std::string& node);
  /// File > Reconnect: every node that went away, attached again (all of them, the first first,
  /// when the session was lost; else each into its old place).
  void reconnectNodes();
  bool attached() const { return attached_ != nullptr; }
  /// File > Attach to node... (node, cookie, read-only, recent nodes); File > Attach another
  /// node... (`another`: offers the attached nodes' connected nodes first).
  void attachDialog(bool another = false);
  /// Why no action can be taken on the attached node (read-only, or it went away); "" when they can.
  QString nodeActionsOff() const;
  /// Why no process action can be taken now ("" when they can): the node's reason, or the past.
  QString actionsOff() const;
  /// Centres the graph on `pid` once the layout has moved it (after a collapse or an expand).
  void followAfterLayout(Pid pid);
  /// Actions on a real node ask first (the process, the blast radius); false: cancelled.
  bool confirmOnNode(Pid pid, const QString& action, const Term& reason);
  /// "Don't ask again this session" for confirmOnNode.
  void setConfirmOnNode(bool ask) { confirmOnNode_ = ask; }
  views::ConsoleWidget* console() const { return console_; }
  Exporter* exporter() const { return exporter_; }
  views::ChartsWidget* charts() const { return charts_; }
  views::TimelineWidget* timeline() const { return timeline_; }
  views::FaultPanel* faultPanel() const { return faults_; }
  /// Frames ticked so far.
  quint64 frames() const { return frames_; }

  /// Opens a recording into the timeline (the live runtime pauses until Live); false when the
  /// header is unusable. `errors` lists what could not be read (bad lines are skipped).
  bool openRecording(const QString& path, QStringList* errors = nullptr);
  /// The recording file being replayed ("" when none).
  QString replayFile() const { return replayFile_; }
  /// True while the graph shows the past (a recording), not the running runtime.
  bool timeTravelling() const;

  /// One frame: take the batch, update the model, layout and animations. Public for tests.
  void tick();
  /// The presentation playhead between the live runtime's events and the views.
  const Playhead& playhead() const { return pipeline_.playhead(); }

protected:
  void closeEvent(QCloseEvent* e) override;

private:
  void createActions();
  void createMenus();
  void createToolBar();
  void createDocks();
  QWidget* createScenarioPage();
  // MainWindowAnalysis.cpp: charts, timeline (recording, time travel), fault injection.
  void createAnalysisDocks();
  bool analysisTick(const views::HostBatch& batch);  // false while the timeline shows the past
  void analysisSampled();
  void analysisRestarted();
  void analysisSelected(Pid pid);
  /// False (and says why on the status bar) while the graph shows the past.
  bool canAct();
  /// Kill, Exit, Send, trap_exit, Suspend, Register: enabled for a live selection in the present.
  void updateProcessActions();
  void updateTitle();
  /// The scenario panel: the current scenario's title and description.
  void showScenarioInfo();
  void updateStatus();
  /// The graph's banner: paused, or showing the past.
  void updateBanner();
  void showAbout();
  void startRuntime();
  void select(Pid pid);
  Pid currentPid() const;
  /// A command's answer on the status bar: `done` when it worked, else why not.
  views::CommandDone report(QString done, QString failedPrefix = {});
  void killPid(Pid pid);
  void exitPid(Pid pid);
  void sendTo(Pid pid);
  void toggleTrap(Pid pid);
  void setTrap(Pid pid, bool on);
  void suspendPid(Pid pid, bool suspend);
  void registerName(Pid pid);
  void spawnFromPalette(int kind);
  void previewKill(Pid pid, const Term& reason, bool on);
  void requestDetails(Pid pid);
  void showContextMenu(Pid pid, const QPoint& globalPos);
  /// Ergo mode: asks for the target of `what` (a process, a registered name or a node, by `kind`)
  /// and relates the current process to it.
  void relateDialog(views::Relation what, ergo::Target::Kind kind);
  /// The same with an alias: asks the source which aliases there are first.
  void relateAliasDialog(views::Relation what);
  /// Asks which of the current process's aliases to delete, and deletes it.
  void deleteAliasDialog();
  /// The Process menu's Ergo part (Link to, Monitor, Unlink, Demonitor), shown in Ergo mode.
  QMenu* createErgoMenu();
  QString pidText(Pid pid) const;
  void readSettings();
  void writeSettings();

  views::RuntimeHost* host_;
  views::ObserverModel* model_;
  views::ProcessTableModel* table_;
  QSortFilterProxyModel* tableProxy_;
  views::GraphScene* scene_;
  views::GraphView* view_;
  views::InspectorWidget* inspector_;
  views::EventLogModel* logModel_;
  views::EventLogWidget* logWidget_;
  QTabWidget* tabs_;
  QTableView* tableView_;
  QTextBrowser* scenarioPanel_;   // the scenario's description
  QWidget* scriptBox_ = nullptr;  // its script, when it has one: header, source, buttons
  QLabel* scriptTitle_ = nullptr;
  QPlainTextEdit* scriptView_ = nullptr;
  QString scriptName_;  // how the script is named in the console ("scenarios/monitors.exs")
  QTimer* frameTimer_;

  QComboBox* scenarioCombo_ = nullptr;
  QComboBox* modeCombo_ = nullptr;
  views::SlowMotionControl slow_;
  QLineEdit* search_ = nullptr;
  QAction* pauseAction_ = nullptr;
  QAction* stepAction_ = nullptr;
  QAction* resetAction_ = nullptr;
  QAction* fitAction_ = nullptr;
  QAction* killAction_ = nullptr;
  QAction* exitAction_ = nullptr;
  QAction* sendAction_ = nullptr;
  QAction* trapAction_ = nullptr;
  QAction* suspendAction_ = nullptr;
  QAction* registerAction_ = nullptr;
  QAction* legendAction_ = nullptr;
  QAction* ergoAction_ = nullptr;  // Scenario > Ergo semantics
  QMenu* ergoMenu_ = nullptr;      // Process > Ergo links and monitors
  QAction* presentAction_ = nullptr;
  bool presenting_ = false;
  QFont normalFont_;
  QStringList hiddenForPresentation_;  // docks presentation mode hid (shown again after)
  QAction* runScriptAction_ = nullptr;
  QMenu* spawnMenu_ = nullptr;

  QLabel* statProcesses_ = nullptr;
  QLabel* statMessages_ = nullptr;
  QLabel* statExits_ = nullptr;
  QLabel* statFps_ = nullptr;
  QLabel* statDropped_ = nullptr;
  QLabel* statMode_ = nullptr;
  QLabel* statSemantics_ = nullptr;  // "Ergo mode", shown only then

  QString scenario_;
  QString replayFile_;  // the recording file the timeline shows ("" = none)
  bool pausedBeforeReplay_ = false;
  Pid consoleShell_, consoleServer_;  // the console's shell and its server (live runtime)
  views::RunMode mode_ = views::RunMode::Live;
  Semantics semantics_ = Semantics::Beam;
  unsigned threads_ = 0;
  bool paused_ = false;
  quint64 frames_ = 0;
  QElapsedTimer rateClock_;
  quint64 rateFrames_ = 0;
  uint64_t rateMessages_ = 0;
  uint64_t rateExits_ = 0;
  QElapsedTimer detailsClock_;
  views::HostBatch lastBatch_;
  std::unique_ptr<views::EmbeddedSource> embedded_;  // the embedded runtime's source
  std::unique_ptr<views::AttachSource> attached_;    // the node attached to, when one is
  views::Source* source_ = nullptr;                  // what the window acts on: one of the two
  attach::Options lastAttach_;                       // the first node's (the cookie is never saved)
  std::map<std::string, attach::Options> nodeOpts_;  // each attached node's, by its own name: Reconnect
  bool attachLost_ = false;                          // every node went away; the last picture stays
  bool confirmOnNode_ = true;
  QAction* attachAction_ = nullptr;
  QAction* detachAction_ = nullptr;
  QAction* attachAnotherAction_ = nullptr;
  QAction* reconnectAction_ = nullptr;
  /// The node went away: keep the picture, say so, offer Reconnect.
  void attachLostWith(const QString& why);
  /// Scenario, mode, step and spawn controls belong to the embedded runtime.
  void updateSourceControls();
  views::Pipeline pipeline_;  // host batch -> playhead -> model and scene (after model_, scene_)
  views::ChartsWidget* charts_ = nullptr;      // the "Charts" dock
  views::TimelineWidget* timeline_ = nullptr;  // the "Timeline" dock (recording)
  views::FaultPanel* faults_ = nullptr;        // the "Fault injection" dock
  std::vector<Pid> chartPids_;                 // the processes the mailbox chart follows
  static constexpr size_t kMaxChartedPids = 8;
  views::ConsoleWidget* console_ = nullptr;  // the "Console (iex)" dock
  Exporter* exporter_ = nullptr;             // File > Export
};

}  // namespace actorscope::app
