#pragma once
// CompareWindow: View > Compare semantics (issue 16). One scenario on two deterministic runtimes,
// the BEAM's rules on the left and the Ergo Framework's on the right, each with its own
// RuntimeHost, EmbeddedSource, ObserverModel, Pipeline and GraphScene composed as in MainWindow.
// Time is driven from here: both hosts stay paused, and every Step or Play frame moves both
// runtimes to one virtual time (actorscope/lockstep.hpp), so the two pictures show the same moment.
// The selection and the process actions (kill, exit, send, trap_exit, Ergo's link and monitor; from
// the toolbar or a process's right-click menu in either graph) apply to both sides, matched by pid
// serial (the same scenario spawns the same serials on both). A process that ended stays drawn as a
// ghost ("dead: reason") until the next restart, so the class sees where the sides part; a caption
// under each graph names the processes alive on one side only. F11 scales it for the back row as
// the main window's presentation mode does. GUI thread only.

#include "SlowMotion.h"
#include "Source.h"
#include "actorscope/trace.hpp"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QString>
#include <QStringList>

#include <QFont>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QSlider;
class QTimer;

namespace actorscope {
class Runtime;
}

namespace actorscope::views {
class GraphScene;
class GraphView;
class ObserverModel;
struct ReasonParse;
}  // namespace actorscope::views

namespace actorscope::app {

class CompareWindow final : public QMainWindow {
  Q_OBJECT

public:
  /// Opens `scenario` (unknown or empty: the first Ergo scenario) on both sides, paused at virtual
  /// time 0.
  explicit CompareWindow(const QString& scenario = {}, QWidget* parent = nullptr);
  ~CompareWindow() override;

  /// The scenarios the chooser offers: the ergo-* ones first, then the others.
  static QStringList scenarioNames();
  /// Starts `name` on both sides; false (nothing changes) for an unknown name.
  bool setScenario(const QString& name);
  QString scenario() const { return scenario_; }
  /// Starts the scenario again on both sides at virtual time 0 (play, speed and slow motion kept).
  void restart();

  /// Play: virtual time runs speed() times the wall clock, the same on both sides.
  void setPlaying(bool on);
  bool playing() const { return playing_; }
  /// 0.25 to 4.
  void setSpeed(double speed);
  double speed() const { return speed_; }
  /// Per-hop latency of every signal on both sides in ms (0..2000): the main window's slow motion.
  void setSlowMotion(int ms);
  /// One step on both sides at the earliest time either has something due: a side with a signal
  /// due then delivers it, the other only moves its clock there. Pauses play. Asynchronous: busy()
  /// until both runtimes answered; a step asked meanwhile runs after.
  void step();
  bool busy() const { return awaiting_ > 0 || queuedSteps_ > 0; }
  /// The virtual time the sides are at (ns), as they last answered.
  int64_t virtualNowNs() const;
  /// When the next step is due (ns), as the sides last answered; nullopt when nothing is pending.
  std::optional<int64_t> nextDueNs() const;

  /// Selects the process with this pid serial on both sides (0: none).
  void selectSerial(uint32_t serial);
  uint32_t selectedSerial() const { return selected_; }
  /// The kill a tool gives (Runtime::kill: exit :kill on the BEAM, the node's Kill in Ergo) to the
  /// selected process, on each side where it lives; the status bar says what happened on each side.
  void killSelected();
  /// Process.exit(selected, reason) on each side where it lives. `reasonText` is a term in Elixir
  /// syntax (a bare word is an atom); false, with what is wrong on the status bar, when it is not
  /// one or no process is selected.
  bool exitSelected(const QString& reasonText);
  /// send(selected, message) on each side where it lives; false as exitSelected.
  bool sendSelected(const QString& messageText);

  /// The same for the process with pid serial `serial` (the right-click menu's target).
  void killSerial(uint32_t serial);
  bool exitSerial(uint32_t serial, const QString& reasonText);
  bool sendSerial(uint32_t serial, const QString& messageText);
  /// trap_exit set to `on` on each side where `serial` lives (one value for both, so a toggle
  /// never leaves the sides apart).
  void setTrapExit(uint32_t serial, bool on);
  /// What the Ergo graph's menu links or monitors: a process (by pid serial) or a registered name.
  struct RelateTarget {
    uint32_t serial = 0;
    Atom name{atoms::nil.id};
  };
  /// `watcher` links to or monitors `target` on each side where it lives: in Ergo a one-way link or
  /// a monitor by pid or by name (E1.1, E1.2); on the BEAM Process.link (both ways) or
  /// Process.monitor, a name taken as the pid it has there now. `what` is Link or Monitor.
  void relate(uint32_t watcher, const RelateTarget& target, views::Relation what);

  /// A process's right-click menu in the `side` graph: Kill, Exit with reason..., Send message...,
  /// trap_exit and, in the Ergo graph, Ergo's link and monitor by pid or name; each acts on both
  /// sides. An invalid pid (a click on the background): Step, Play, Restart. The caller owns it.
  QMenu* contextMenu(Semantics side, Pid pid);

  /// Presentation mode (F11): full screen, the toolbars, titles, counters, captions and graph labels
  /// kPresentationScale times larger, as MainWindow::setPresentationMode.
  void setPresentationMode(bool on);
  bool presentationMode() const { return presenting_; }

  /// Ghosts (on by default): a process that ended stays drawn faded, "dead: reason" beside it
  /// (NodeItem::setGhost), until the next restart or a click on it. Off lets every ghost go.
  void setGhosts(bool on);
  bool ghosts() const { return ghosts_; }

  views::ObserverModel* model(Semantics side) const;
  views::GraphScene* scene(Semantics side) const;
  views::GraphView* view(Semantics side) const;
  /// The status line under a side's graph: live processes, exits so far, the last exit.
  QString sideStatus(Semantics side) const;
  /// The one-line caption under a side's graph: alive and ended, and what is alive on one side only.
  QString sideCaption(Semantics side) const;
  /// One frame on both sides (the frame timer calls it; public for tests).
  void tick();

private:
  struct Side;
  /// One side's clock as its driver last answered.
  struct Clock {
    int64_t now = 0;
    std::optional<int64_t> nextDue;
  };
  Side& side(Semantics s) const;
  void createToolBars();
  void startRuntimes();
  /// Runs `fn` (may be empty) on both drivers, then each answers its clock; busy() till both have.
  void drive(std::function<void(Runtime&)> fn);
  void tickSide(Side& s);
  /// Both graphs at the smaller of their fitted scales.
  void matchScales();
  void updateSideStatus(Side& s);
  /// The caption of both sides (each compares itself with the other).
  void updateCaptions();
  /// Fonts, title and counter sizes and graph label scale for the current presentation mode.
  void applyScale();
  /// A model's new events: names, the last exit, ghosts.
  void onEvents(Side& s, const std::vector<TraceEvent>& events);
  /// Asks for a text (exit reason, message) without blocking, then runs `done` with it.
  void askText(const QString& title, const QString& label, const QString& text, std::function<void(const QString&)> done);
  /// Asks which process or name `watcher` should link to or monitor.
  void relateDialog(uint32_t watcher, views::Relation what, bool byName);
  void updateControls();
  /// Runs `command` on the process `serial` on each side where it lives; `done` names what was
  /// done on a side; the status bar gets both outcomes (a side where it ended or never ran says so).
  void act(uint32_t serial, const std::function<void(Side&, Pid, views::CommandDone)>& command,
           const std::function<QString(const Side&, const QString& who)>& done);
  /// The term a typed text parsed to, when it is one and a process is selected; else the status bar
  /// says why (`notATerm` with the parse error as %1).
  std::optional<Term> termToAct(uint32_t serial, const views::ReasonParse& parsed, const QString& notATerm);
  /// `serial` as a side knows it: ":worker_1 #PID<0.3.0>".
  QString who(const Side& s, uint32_t serial) const;
  /// Its name alone when it has one, else its pid: ":worker_1".
  QString shortName(const Side& s, uint32_t serial) const;

  std::array<std::unique_ptr<Side>, 2> sides_;  // BEAM, Ergo
  QString scenario_;
  bool playing_ = false;
  double speed_ = 1.0;
  int slowMs_ = 0;
  int awaiting_ = 0;     // drivers that have not answered the last drive()
  int queuedSteps_ = 0;  // steps asked while busy
  quint64 generation_ = 0;  // a restart drops the answers of the runtimes before it
  QElapsedTimer playClock_;
  uint32_t selected_ = 0;
  bool syncingSelection_ = false;
  quint64 frames_ = 0;
  bool presenting_ = false;
  bool ghosts_ = true;
  QFont baseFont_;  // the window's font out of presentation mode

  QTimer* frameTimer_;
  QComboBox* scenarioCombo_ = nullptr;
  QComboBox* speedCombo_ = nullptr;
  views::SlowMotionControl slow_;
  QLabel* timeLabel_ = nullptr;
  QLabel* selectedLabel_ = nullptr;
  QLineEdit* reasonEdit_ = nullptr;
  QLineEdit* messageEdit_ = nullptr;
  QAction* playAction_ = nullptr;
  QAction* stepAction_ = nullptr;
  QAction* killAction_ = nullptr;
  QAction* exitAction_ = nullptr;
  QAction* sendAction_ = nullptr;
  QAction* restartAction_ = nullptr;
  QAction* presentAction_ = nullptr;
  QAction* ghostsAction_ = nullptr;
};

/// View > Compare semantics: opens a CompareWindow on `scenario` (deleted when closed), playing.
CompareWindow* openCompareWindow(QWidget* parent, const QString& scenario);

}  // namespace actorscope::app
