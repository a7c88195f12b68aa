#include "CompareWindow.h"

#include "EmbeddedSource.h"
#include "EventText.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "Pipeline.h"
#include "Presentation.h"
#include "RuntimeHost.h"
#include "Scenarios.h"

#include "actorscope/ergo.hpp"
#include "actorscope/lockstep.hpp"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTransform>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace actorscope::app {

namespace {
/// Deterministic steps a side takes per Play frame at most, so a storm never stalls its driver.
constexpr size_t kStepsPerFrame = 20'000;
/// Wall time a Play frame may cover at most (after a stall the picture does not jump).
constexpr qint64 kMaxFrameMs = 100;
constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 4};
/// Graph labels are this much larger than the main window's (out of presentation mode).
constexpr double kGraphTextScale = 1.3;
/// Ghosts a side keeps at most (a storm's dead would bury the picture); the oldest go first.
constexpr size_t kMaxGhosts = 40;
/// Names a caption lists before "+N".
constexpr qsizetype kCaptionNames = 4;
}  // namespace

/// One runtime and its picture, composed as MainWindow composes its own.
struct CompareWindow::Side {
  Side(Semantics s, QObject* owner)
      : semantics(s), host(new views::RuntimeHost(owner)), model(new views::ObserverModel(owner)),
        scene(new views::GraphScene(model, owner)), view(new views::GraphView(scene)), source(host, owner),
        pipeline(model, scene) {}

  Semantics semantics;
  views::RuntimeHost* host;
  views::ObserverModel* model;
  views::GraphScene* scene;
  views::GraphView* view;
  views::EmbeddedSource source;
  views::Pipeline pipeline;  // after model and scene
  QLabel* title = nullptr;
  QLabel* caption = nullptr;
  QLabel* status = nullptr;
  Clock clock;
  std::unordered_map<uint32_t, Atom> names;  // every name a process had (a dead one keeps it)
  uint32_t lastExit = 0;                     // serial of the last process presented as ended
  Term lastReason;
  std::deque<uint32_t> ghosts;               // serials this window made ghosts of, oldest first

  bool ergo() const { return semantics == Semantics::Ergo; }
  /// A reason as this side's rules name it.
  QString reasonText(const Term& r) const { return ergo() ? views::ergoReasonText(r) : views::termText(r); }
};

namespace {
/// Every scenario, the ergo-* ones (the chapter's cases) first.
QList<ScenarioInfo> compareScenarios() {
  QList<ScenarioInfo> all = scenarioList();
  std::stable_partition(all.begin(), all.end(), [](const ScenarioInfo& s) { return s.name.startsWith(QStringLiteral("ergo-")); });
  return all;
}
}  // namespace

QStringList CompareWindow::scenarioNames() {
  QStringList names;
  for (const ScenarioInfo& s : compareScenarios()) names << s.name;
  return names;
}

CompareWindow::CompareWindow(const QString& scenario, QWidget* parent)
    : QMainWindow(parent), frameTimer_(new QTimer(this)) {
  setObjectName(QStringLiteral("compareWindow"));
  baseFont_ = QApplication::font();
  // Opened from a window in presentation mode: the application font is already scaled up.
  if (const auto* main = qobject_cast<MainWindow*>(parent); main && main->presentationMode() && baseFont_.pointSizeF() > 0)
    baseFont_.setPointSizeF(baseFont_.pointSizeF() / kPresentationScale);
  sides_[0] = std::make_unique<Side>(Semantics::Beam, this);
  sides_[1] = std::make_unique<Side>(Semantics::Ergo, this);

  auto* central = new QWidget(this);
  auto* row = new QHBoxLayout(central);
  row->setContentsMargins(4, 4, 4, 4);
  row->setSpacing(6);
  for (auto& sp : sides_) {
    Side& s = *sp;
    const bool ergo = s.ergo();
    auto* pane = new QWidget(central);
    auto* col = new QVBoxLayout(pane);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(2);
    auto* title = new QLabel(ergo ? tr("Ergo") : tr("BEAM"), pane);
    title->setObjectName(ergo ? QStringLiteral("ergoTitle") : QStringLiteral("beamTitle"));
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 2px; }")
                             .arg(ergo ? QStringLiteral("#7a4cc8") : QStringLiteral("#a2003e")));
    title->setToolTip(ergo ? tr("The Ergo Framework's rules: one-way links, kill can be trapped, three queues")
                           : tr("The BEAM's rules: links both ways, kill cannot be trapped, one mailbox"));
    s.view->setObjectName(ergo ? QStringLiteral("ergoGraph") : QStringLiteral("beamGraph"));
    s.view->setLegendVisible(false);
    s.title = title;
    // Sizes: applyScale(), big enough to read from the back of a classroom.
    s.caption = new QLabel(pane);
    s.caption->setObjectName(ergo ? QStringLiteral("ergoCaption") : QStringLiteral("beamCaption"));
    s.caption->setTextFormat(Qt::PlainText);
    s.caption->setMinimumWidth(1);
    s.caption->setWordWrap(true);
    s.caption->setToolTip(tr("Processes alive and ended on this side, and which are alive on one side only"));
    s.status = new QLabel(pane);
    s.status->setObjectName(ergo ? QStringLiteral("ergoStatus") : QStringLiteral("beamStatus"));
    s.status->setTextFormat(Qt::PlainText);
    s.status->setMinimumWidth(1);  // a long reason wraps, never widens its side
    s.status->setWordWrap(true);
    col->addWidget(title);
    col->addWidget(s.view, 1);
    col->addWidget(s.caption);
    col->addWidget(s.status);
    if (ergo) {
      auto* line = new QFrame(central);
      line->setFrameShape(QFrame::VLine);
      line->setFrameShadow(QFrame::Sunken);
      row->addWidget(line);
    }
    row->addWidget(pane, 1);

    connect(s.scene, &views::GraphScene::selectedPidChanged, this, [this](Pid p) {
      if (p.valid() && !syncingSelection_) selectSerial(p.serial());
    });
    connect(s.view, &views::GraphView::activated, this, [this](Pid p) { selectSerial(p.serial()); });
    connect(s.view, &views::GraphView::contextMenuForPid, this, [this, &s](Pid p, const QPoint& at) {
      if (!p.valid()) {
        // A ghost (the view offers only the living): its menu still acts where the process lives.
        for (QGraphicsItem* i : s.view->items(s.view->viewport()->mapFromGlobal(at)))
          if (auto* n = dynamic_cast<views::NodeItem*>(i)) {
            p = n->pid();
            break;
          }
      }
      QMenu* menu = contextMenu(s.semantics, p);
      menu->setAttribute(Qt::WA_DeleteOnClose);
      menu->popup(at);
    });
    connect(s.model, &views::ObserverModel::resyncNeeded, s.host, &views::RuntimeHost::requestSnapshot);
    // After the scene's own connection: it has scheduled the deaths these events bring.
    connect(s.model, &views::ObserverModel::updated, this, [this, &s](const views::ModelDelta& d) {
      if (d.events) onEvents(s, *d.events);
    });
  }
  setCentralWidget(central);
  createToolBars();
  applyScale();

  frameTimer_->setTimerType(Qt::PreciseTimer);
  frameTimer_->setInterval(16);
  connect(frameTimer_, &QTimer::timeout, this, &CompareWindow::tick);
  frameTimer_->start();

  QSize size(1600, 900);
  if (const QScreen* sc = screen()) size = size.boundedTo(sc->availableGeometry().size());
  resize(size);
  const QStringList names = scenarioNames();
  if (!setScenario(scenario) && !names.isEmpty()) setScenario(names.front());
}

CompareWindow::~CompareWindow() {
  frameTimer_->stop();
  for (auto& s : sides_) s->host->stop();
  // Graph labels share one scale (NodeItem::setTextScale): the main window's again.
  if (const auto* main = qobject_cast<MainWindow*>(parentWidget()))
    views::NodeItem::setTextScale(main->presentationMode() ? kPresentationScale : 1.0);
}

CompareWindow::Side& CompareWindow::side(Semantics s) const { return *sides_[s == Semantics::Ergo ? 1 : 0]; }
views::ObserverModel* CompareWindow::model(Semantics s) const { return side(s).model; }
views::GraphScene* CompareWindow::scene(Semantics s) const { return side(s).scene; }
views::GraphView* CompareWindow::view(Semantics s) const { return side(s).view; }
QString CompareWindow::sideStatus(Semantics s) const { return side(s).status->text(); }
QString CompareWindow::sideCaption(Semantics s) const { return side(s).caption->text(); }

void CompareWindow::createToolBars() {
  auto bar = [this](const QString& title, const char* name) {
    QToolBar* b = addToolBar(title);
    b->setObjectName(QString::fromLatin1(name));
    b->setMovable(false);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
  };
  auto make = [this](QToolBar* b, const QString& text, const char* name, const QKeySequence& key, const QString& tip) {
    auto* a = new QAction(text, this);
    a->setObjectName(QString::fromLatin1(name));
    a->setShortcut(key);
    a->setToolTip(tip);
    b->addAction(a);
    return a;
  };
  QToolBar* tb = bar(tr("Time"), "compareTimeToolBar");
  scenarioCombo_ = new QComboBox(tb);
  scenarioCombo_->setObjectName(QStringLiteral("compareScenarioCombo"));
  for (const ScenarioInfo& s : compareScenarios()) scenarioCombo_->addItem(s.title, s.name);
  // As wide as a short title: a long one (its tooltip has the description) leaves the toolbar room
  // for its actions, in presentation mode and in longer languages too.
  scenarioCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  scenarioCombo_->setMinimumContentsLength(26);
  connect(scenarioCombo_, &QComboBox::activated, this, [this](int i) { setScenario(scenarioCombo_->itemData(i).toString()); });
  tb->addWidget(scenarioCombo_);
  restartAction_ = make(tb, tr("Restart"), "compareRestartAction", QKeySequence(Qt::CTRL | Qt::Key_R),
                        tr("Start the scenario again on both sides (Ctrl+R)"));
  connect(restartAction_, &QAction::triggered, this, &CompareWindow::restart);
  playAction_ = make(tb, tr("Play"), "comparePlayAction", QKeySequence(Qt::Key_Space), tr("Run both sides at the same virtual time (Space)"));
  playAction_->setCheckable(true);
  connect(playAction_, &QAction::toggled, this, &CompareWindow::setPlaying);
  stepAction_ = make(tb, tr("Step"), "compareStepAction", QKeySequence(Qt::Key_Period),
                     tr("Deliver the next signal on both sides, at the same moment (.)"));
  connect(stepAction_, &QAction::triggered, this, &CompareWindow::step);
  tb->addSeparator();
  tb->addWidget(new QLabel(tr(" Speed "), tb));
  speedCombo_ = new QComboBox(tb);
  speedCombo_->setObjectName(QStringLiteral("compareSpeedCombo"));
  for (double v : kSpeeds) speedCombo_->addItem(QStringLiteral("%1x").arg(v), v);
  speedCombo_->setCurrentIndex(speedCombo_->findData(speed_));
  speedCombo_->setToolTip(tr("Virtual time per second of Play"));
  connect(speedCombo_, &QComboBox::activated, this, [this](int i) { setSpeed(speedCombo_->itemData(i).toDouble()); });
  tb->addWidget(speedCombo_);
  slow_ = views::SlowMotionControl::add(tb, QStringLiteral("compareSlowMotionSlider"),
                                        tr("Delay on every signal between processes, per hop (0 to 2000 ms), on both sides"),
                                        140, [this](int v) { setSlowMotion(v); });
  tb->addSeparator();
  timeLabel_ = new QLabel(tb);
  timeLabel_->setObjectName(QStringLiteral("compareTime"));
  timeLabel_->setToolTip(tr("The virtual time both sides are at"));
  tb->addWidget(timeLabel_);
  tb->addSeparator();
  ghostsAction_ = make(tb, tr("Ghosts"), "compareGhostsAction", QKeySequence(),
                       tr("Keep the processes that ended drawn, faded, with their reason, until Restart (a click lets one go)"));
  ghostsAction_->setCheckable(true);
  ghostsAction_->setChecked(ghosts_);
  connect(ghostsAction_, &QAction::toggled, this, &CompareWindow::setGhosts);
  presentAction_ = make(tb, tr("Presentation"), "comparePresentationAction", QKeySequence(Qt::Key_F11),
                        tr("Full screen, large text for the back of the room (F11)"));
  presentAction_->setCheckable(true);
  connect(presentAction_, &QAction::toggled, this, &CompareWindow::setPresentationMode);

  addToolBarBreak();
  QToolBar* acts = bar(tr("Process"), "compareProcessToolBar");
  selectedLabel_ = new QLabel(acts);
  selectedLabel_->setObjectName(QStringLiteral("compareSelected"));
  selectedLabel_->setMinimumWidth(220);
  acts->addWidget(selectedLabel_);
  auto makeEdit = [this, acts](const char* name, const QString& text, const QString& placeholder) {
    auto* e = new QLineEdit(text, acts);
    e->setObjectName(QString::fromLatin1(name));
    e->setPlaceholderText(placeholder);
    e->setMaximumWidth(200);
    acts->addWidget(e);
    return e;
  };
  killAction_ = make(acts, tr("Kill"), "compareKillAction", QKeySequence(Qt::Key_K),
                     tr("The kill nothing traps, on both sides: Process.exit(pid, :kill) on the BEAM, the node's Kill in Ergo (K)"));
  connect(killAction_, &QAction::triggered, this, &CompareWindow::killSelected);
  acts->addSeparator();
  exitAction_ = make(acts, tr("Exit with reason"), "compareExitAction", QKeySequence(), tr("Process.exit(pid, reason) on both sides"));
  reasonEdit_ = makeEdit("compareReason", QStringLiteral(":shutdown"), QStringLiteral(":kaboom"));
  reasonEdit_->setToolTip(tr("The exit reason, in Elixir syntax: :normal, :kill, {:shutdown, :tired} ..."));
  connect(exitAction_, &QAction::triggered, this, [this] { exitSelected(reasonEdit_->text()); });
  connect(reasonEdit_, &QLineEdit::returnPressed, exitAction_, &QAction::trigger);
  acts->addSeparator();
  sendAction_ = make(acts, tr("Send message"), "compareSendAction", QKeySequence(), tr("send(pid, message) on both sides"));
  messageEdit_ = makeEdit("compareMessage", QString(), QStringLiteral("{:hello, 1}"));
  messageEdit_->setToolTip(tr("The message, in Elixir syntax"));
  connect(sendAction_, &QAction::triggered, this, [this] { sendSelected(messageEdit_->text()); });
  connect(messageEdit_, &QLineEdit::returnPressed, sendAction_, &QAction::trigger);
}

// ---- running -----------------------------------------------------------------------------------

bool CompareWindow::setScenario(const QString& name) {
  if (name.isEmpty() || !hasScenario(name)) return false;
  scenario_ = name;
  const ScenarioInfo info = scenarioInfo(name);
  const int i = scenarioCombo_->findData(name);
  scenarioCombo_->setCurrentIndex(i);
  scenarioCombo_->setToolTip(info.description);
  setWindowTitle(tr("Actorscope %1 Compare semantics: %2").arg(QChar(0x2014), info.title));
  startRuntimes();
  return true;
}

void CompareWindow::restart() {
  if (!scenario_.isEmpty()) startRuntimes();
}

void CompareWindow::startRuntimes() {
  ++generation_;
  awaiting_ = queuedSteps_ = 0;
  for (auto& sp : sides_) {
    Side& s = *sp;
    s.host->stop();
    s.model->clear();
    s.model->setSemantics(s.semantics);
    s.pipeline.clear();
    s.scene->reset();
    s.scene->setLatencyHint(slowMs_);
    s.clock = {};
    s.names.clear();
    s.lastExit = 0;
    s.lastReason = Term();
    s.ghosts.clear();  // the scene's reset took them
    views::RuntimeHost::Config cfg;
    cfg.mode = views::RunMode::Deterministic;  // reproducible: the same serials on both sides
    cfg.paused = true;                         // this window moves the clocks (drive)
    cfg.latency = std::chrono::milliseconds(slowMs_);
    cfg.semantics = s.semantics;
    cfg.builder = scenarioBuilder(scenario_);
    s.host->start(std::move(cfg));
    s.view->setAutoFit(true);
    updateSideStatus(s);
  }
  updateCaptions();
  selected_ = 0;
  drive({});  // learn the clocks
  playClock_.restart();
  updateControls();
}

void CompareWindow::drive(std::function<void(Runtime&)> fn) {
  awaiting_ += int(sides_.size());
  const quint64 gen = generation_;
  for (auto& sp : sides_) {
    Side* s = sp.get();
    s->host->query<Clock>(
        [fn](Runtime& rt) {
          try {
            if (fn) fn(rt);
          } catch (...) {
            // The host drops a failed command; the clock still answers, so the window is never stuck busy.
          }
          const std::optional<int64_t> due = next_due_ns(rt);
          return Clock{rt.now_ns(), due};
        },
        this,
        [this, s, gen](Clock c) {
          if (gen != generation_) return;  // a runtime before the last restart
          s->clock = c;
          if (--awaiting_ > 0) return;
          updateControls();
          if (queuedSteps_ > 0) {
            --queuedSteps_;
            step();
          }
        });
  }
}

int64_t CompareWindow::virtualNowNs() const {
  return std::max(sides_[0]->clock.now, sides_[1]->clock.now);
}

std::optional<int64_t> CompareWindow::nextDueNs() const {
  std::optional<int64_t> t;
  for (const auto& s : sides_)
    if (s->clock.nextDue && (!t || *s->clock.nextDue < *t)) t = s->clock.nextDue;
  return t;
}

void CompareWindow::setPlaying(bool on) {
  playing_ = on;
  playClock_.restart();
  const QSignalBlocker b(playAction_);
  playAction_->setChecked(on);
  playAction_->setText(on ? tr("Pause") : tr("Play"));
}

void CompareWindow::setSpeed(double v) {
  speed_ = std::clamp(v, 0.25, 4.0);
  if (const int i = speedCombo_->findData(speed_); i >= 0) speedCombo_->setCurrentIndex(i);
}

void CompareWindow::setSlowMotion(int ms) {
  slowMs_ = slow_.show(ms);
  for (auto& s : sides_) {
    s->host->setLatency(std::chrono::milliseconds(slowMs_));
    s->scene->setLatencyHint(slowMs_);
  }
}

void CompareWindow::step() {
  if (playing_) setPlaying(false);
  if (awaiting_ > 0) {
    ++queuedSteps_;
    return;
  }
  const std::optional<int64_t> t = nextDueNs();
  if (!t) {
    statusBar()->showMessage(tr("Nothing is pending on either side"), 4000);
    return;
  }
  drive([t = *t](Runtime& rt) { step_at(rt, t); });
}

void CompareWindow::tick() {
  ++frames_;
  if (playing_ && awaiting_ == 0) {
    const qint64 ms = std::min(playClock_.restart(), kMaxFrameMs);
    const int64_t target = virtualNowNs() + int64_t(double(ms) * speed_ * 1e6);
    drive([target](Runtime& rt) { rt.advance_to(target, kStepsPerFrame); });
  }
  for (auto& s : sides_) tickSide(*s);
  matchScales();
  if (frames_ % 10 == 0) {
    for (auto& s : sides_) updateSideStatus(*s);
    updateCaptions();
    updateControls();
  }
}

void CompareWindow::tickSide(Side& s) {
  views::HostBatch batch = s.host->take();
  if (!batch.error.empty())
    statusBar()->showMessage(
        tr("%1: the scenario failed: %2").arg(s.ergo() ? tr("Ergo") : tr("BEAM"), QString::fromStdString(batch.error)), 10000);
  s.pipeline.feed(batch);
  s.model->processPending();
  s.scene->setRuntimeClock(batch.now_ns, playing_);
  if (batch.in_flight) s.scene->setInFlight(*batch.in_flight);
  s.scene->advance();
  if (s.view->autoFit() && s.scene->nodeCount() > 0 && (frames_ % 15 == 0 || frames_ < 40)) s.view->fitAll();
  if (s.scene->animating() || frames_ % 30 == 0) s.view->viewport()->update();
}

void CompareWindow::matchScales() {
  // Side by side at one scale: a process is as large on the left as on the right, whichever side
  // has fewer left. Each side keeps its own centre.
  for (const auto& s : sides_)
    if (!s->view->autoFit() || s->scene->nodeCount() == 0) return;
  const double k = std::min(sides_[0]->view->transform().m11(), sides_[1]->view->transform().m11());
  for (auto& s : sides_) {
    views::GraphView* v = s->view;
    if (v->transform().m11() <= k * 1.001) continue;
    const QPointF centre = v->mapToScene(v->viewport()->rect().center());
    v->setTransform(QTransform::fromScale(k, k));
    v->centerOn(centre);
  }
}

void CompareWindow::updateSideStatus(Side& s) {
  const QString text = s.lastExit ? tr("last exit: %1 %2").arg(shortName(s, s.lastExit), s.reasonText(s.lastReason)) : tr("no exit yet");
  if (s.status->text() != text) {
    s.status->setText(text);
    s.status->setToolTip(text);
  }
}

void CompareWindow::updateCaptions() {
  for (size_t i = 0; i < sides_.size(); ++i) {
    Side& s = *sides_[i];
    const Side& o = *sides_[1 - i];
    auto list = [this](const Side& side, const std::vector<uint32_t>& serials) {
      QStringList out;
      for (uint32_t serial : serials) {
        if (out.size() == kCaptionNames) {
          out << QStringLiteral("+%1").arg(serials.size() - size_t(kCaptionNames));
          break;
        }
        out << shortName(side, serial);
      }
      return out.join(QStringLiteral(", "));
    };
    std::vector<uint32_t> onlyHere, onlyThere;
    for (const auto& [serial, r] : s.model->processes())
      if (!o.model->find(serial)) onlyHere.push_back(serial);
    for (const auto& [serial, r] : o.model->processes())
      if (!s.model->find(serial)) onlyThere.push_back(serial);
    QStringList parts{tr("%1 alive, %2 dead").arg(s.model->processCount()).arg(s.model->exits())};
    if (!onlyHere.empty())
      parts << tr("alive only here: %1").arg(list(s, onlyHere));
    if (!onlyThere.empty())
      parts << (o.ergo() ? tr("alive only in Ergo: %1") : tr("alive only on the BEAM: %1")).arg(list(o, onlyThere));
    if (onlyHere.empty() && onlyThere.empty()) parts << tr("the same processes alive on both sides");
    const QString text = parts.join(QStringLiteral(" \u00b7 "));
    if (s.caption->text() == text) continue;
    s.caption->setText(text);
    const bool parted = !onlyHere.empty() || !onlyThere.empty();
    s.caption->setStyleSheet(parted ? QStringLiteral("QLabel { color: #b0301c; }") : QString());
  }
}

void CompareWindow::applyScale() {
  const double k = presenting_ ? kPresentationScale : 1.0;
  const double base = baseFont_.pointSizeF() > 0 ? baseFont_.pointSizeF() : 10.0;
  QFont f = baseFont_;
  f.setPointSizeF(base * k);
  setFont(f);  // the toolbars, their combos and labels, the status bar, menus and dialogs
  QFont title = f;
  title.setPointSizeF(std::max(26.0, base * 2.6) * k);
  title.setBold(true);
  QFont status = f;
  status.setPointSizeF(std::max(13.0, base * 1.3) * k);
  QFont caption = status;
  caption.setBold(true);
  for (auto& s : sides_) {
    s->title->setFont(title);
    s->caption->setFont(caption);
    s->status->setFont(status);
    s->scene->setTextScale(kGraphTextScale * k);
    s->view->viewport()->update();
  }
  // The first row fits at 1280 px in presentation mode, in longer languages too: a shorter
  // scenario title (its tooltip has the description) and a shorter slow-motion slider.
  scenarioCombo_->setMinimumContentsLength(presenting_ ? 17 : 26);
  slow_.slider->setFixedWidth(presenting_ ? 80 : 140);
  selectedLabel_->setMinimumWidth(int(220 * k));
  for (QLineEdit* e : {reasonEdit_, messageEdit_}) e->setMaximumWidth(int(200 * k));
}

void CompareWindow::setPresentationMode(bool on) {
  presenting_ = on;
  if (presentAction_->isChecked() != on) {
    const QSignalBlocker b(presentAction_);
    presentAction_->setChecked(on);
  }
  applyScale();
  if (on)
    showFullScreen();
  else if (isFullScreen())
    showNormal();
}

void CompareWindow::setGhosts(bool on) {
  ghosts_ = on;
  if (ghostsAction_->isChecked() != on) {
    const QSignalBlocker b(ghostsAction_);
    ghostsAction_->setChecked(on);
  }
  if (on) return;
  for (auto& s : sides_) {
    for (uint32_t serial : s->ghosts)
      if (views::NodeItem* n = s->scene->node(serial); n && n->ghost()) {
        n->dismissGhost();
        s->scene->wake(serial);
      }
    s->ghosts.clear();
  }
}

void CompareWindow::onEvents(Side& s, const std::vector<TraceEvent>& events) {
  for (const TraceEvent& e : events) {
    switch (e.kind) {
      case TraceKind::Register: s.names[e.a.serial()] = e.name; break;
      case TraceKind::Exit: {
        const uint32_t serial = e.a.serial();
        s.lastExit = serial;
        s.lastReason = e.term;
        // A ghost: the scene scheduled its death (fade) just now; it stays, faded, with its reason.
        views::NodeItem* n = ghosts_ ? s.scene->node(serial) : nullptr;
        if (!n || n->ghost()) break;  // already gone, or a supervisor's give-up ghost
        // Short beside a node: Ergo's name alone ("TerminateReasonPanic"; the status line has its term).
        QString reason = s.ergo() ? QString::fromLatin1(ergo::reason_name(e.term)) : views::termText(e.term);
        if (reason.size() > 40) reason = reason.left(39) + QChar(0x2026);
        n->setGhost(tr("dead: %1").arg(reason));
        s.scene->wake(serial);
        s.ghosts.push_back(serial);
        while (s.ghosts.size() > kMaxGhosts) {
          if (views::NodeItem* old = s.scene->node(s.ghosts.front()); old && old->ghost()) {
            old->dismissGhost();
            s.scene->wake(s.ghosts.front());
          }
          s.ghosts.pop_front();
        }
        break;
      }
      case TraceKind::Restart:
        // A restarted child comes back in its place: its ghost makes way.
        if (const auto it = std::find(s.ghosts.begin(), s.ghosts.end(), e.pid2.serial()); it != s.ghosts.end()) {
          if (views::NodeItem* old = s.scene->node(*it); old && old->ghost()) {
            old->dismissGhost();
            s.scene->wake(*it);
          }
          s.ghosts.erase(it);
        }
        break;
      default: break;
    }
  }
}

void CompareWindow::updateControls() {
  const double t = double(virtualNowNs()) / 1e9;
  timeLabel_->setText(tr("t = %1 s").arg(t, 0, 'f', 2));
  QString sel = tr("No process selected: click one on either side");
  if (selected_) {
    QStringList where;
    for (const auto& s : sides_)
      if (!s->model->find(selected_)) where << (s->ergo() ? tr("ended in Ergo") : tr("ended on the BEAM"));
    sel = tr("Selected: %1").arg(who(*sides_[0], selected_));
    if (!where.isEmpty()) sel += QStringLiteral(" (") + where.join(QStringLiteral(", ")) + QStringLiteral(")");
  }
  selectedLabel_->setText(sel);
  const bool any = selected_ && (sides_[0]->model->find(selected_) || sides_[1]->model->find(selected_));
  for (QAction* a : {killAction_, exitAction_, sendAction_}) a->setEnabled(any);
}

// ---- selection and actions ---------------------------------------------------------------------

QString CompareWindow::who(const Side& s, uint32_t serial) const {
  const ProcessRecord* r = s.model->findAny(serial);
  QString pid = r ? s.model->pidText(r->pid) : views::pidText(Pid::make(0, serial), 0);
  const auto n = s.names.find(serial);
  const Atom name = r && r->name != atoms::nil ? r->name : n != s.names.end() ? n->second : Atom{atoms::nil.id};
  return name == atoms::nil ? pid : QString::fromStdString(inspect_atom(name)) + QLatin1Char(' ') + pid;
}

QString CompareWindow::shortName(const Side& s, uint32_t serial) const {
  // By name where it has one (read from the back of the room), else its pid.
  if (const auto n = s.names.find(serial); n != s.names.end()) return QString::fromStdString(inspect_atom(n->second));
  const ProcessRecord* r = s.model->findAny(serial);
  if (r && r->name != atoms::nil) return QString::fromStdString(inspect_atom(r->name));
  return r ? s.model->pidText(r->pid) : views::pidText(Pid::make(0, serial), 0);
}

void CompareWindow::selectSerial(uint32_t serial) {
  selected_ = serial;
  syncingSelection_ = true;
  for (auto& s : sides_) {
    const ProcessRecord* r = serial ? s->model->find(serial) : nullptr;
    s->scene->selectPid(r ? r->pid : Pid{});
  }
  syncingSelection_ = false;
  updateControls();
}

void CompareWindow::act(uint32_t serial, const std::function<void(Side&, Pid, views::CommandDone)>& command,
                        const std::function<QString(const Side&, const QString& who)>& done) {
  struct Outcome {
    QString text[2];
    int left = 2;
    bool sent = false;
  };
  auto out = std::make_shared<Outcome>();
  const quint64 gen = generation_;
  auto finish = [this, out, gen] {
    if (--out->left > 0 || gen != generation_) return;
    QString msg = tr("BEAM: %1  |  Ergo: %2").arg(out->text[0], out->text[1]);
    if (out->sent && !playing_) msg += tr("  (paused: Step delivers it)");
    statusBar()->showMessage(msg, 15000);
    drive({});  // the command's signals are pending now
  };
  for (size_t i = 0; i < sides_.size(); ++i) {
    Side& s = *sides_[i];
    const QString w = who(s, serial);
    const ProcessRecord* r = s.model->find(serial);
    if (!r) {
      out->text[i] = s.model->findAny(serial) ? tr("%1 has already ended, nothing sent").arg(w)
                                              : tr("%1 never ran on this side, nothing sent").arg(w);
      finish();
      continue;
    }
    command(s, r->pid, [out, i, finish, what = done(s, w)](const views::CommandResult& res) {
      out->text[i] = res.ok ? what : tr("refused: %1").arg(res.error);
      out->sent = out->sent || res.ok;
      finish();
    });
  }
}

void CompareWindow::killSelected() { killSerial(selected_); }

void CompareWindow::killSerial(uint32_t serial) {
  if (!serial) return;
  act(serial, [](Side& s, Pid p, views::CommandDone done) { s.source.kill(p, std::move(done)); },
      [](const Side& s, const QString& w) {
        return s.ergo() ? tr("Kill(%1), the node's forced kill").arg(w) : tr("Process.exit(%1, :kill)").arg(w);
      });
}

std::optional<Term> CompareWindow::termToAct(uint32_t serial, const views::ReasonParse& parsed, const QString& notATerm) {
  if (!parsed.term) {
    statusBar()->showMessage(notATerm.arg(parsed.error), 15000);
    return std::nullopt;
  }
  if (!serial) {
    statusBar()->showMessage(tr("Select a process first: click it on either side"), 6000);
    return std::nullopt;
  }
  return parsed.term;
}

bool CompareWindow::exitSelected(const QString& reasonText) { return exitSerial(selected_, reasonText); }

bool CompareWindow::exitSerial(uint32_t serial, const QString& reasonText) {
  const std::optional<Term> reason = termToAct(serial, views::parseReason(reasonText), tr("Not an exit reason: %1"));
  if (!reason) return false;
  act(serial, [r = *reason](Side& s, Pid p, views::CommandDone done) { s.source.exit(p, r, std::move(done)); },
      [r = *reason](const Side&, const QString& w) { return tr("Process.exit(%1, %2)").arg(w, views::termText(r)); });
  return true;
}

bool CompareWindow::sendSelected(const QString& messageText) { return sendSerial(selected_, messageText); }

bool CompareWindow::sendSerial(uint32_t serial, const QString& messageText) {
  const std::optional<Term> msg = termToAct(serial, views::parseMessage(messageText), tr("Not a message: %1"));
  if (!msg) return false;
  act(serial, [m = *msg](Side& s, Pid p, views::CommandDone done) { s.source.send(p, m, std::move(done)); },
      [m = *msg](const Side&, const QString& w) { return tr("send(%1, %2)").arg(w, views::termText(m)); });
  return true;
}

void CompareWindow::setTrapExit(uint32_t serial, bool on) {
  if (!serial) return;
  act(serial, [on](Side& s, Pid p, views::CommandDone done) { s.source.setTrapExit(p, on, std::move(done)); },
      [on](const Side&, const QString& w) {
        return on ? tr("Process.flag(:trap_exit, true) in %1").arg(w) : tr("Process.flag(:trap_exit, false) in %1").arg(w);
      });
}

void CompareWindow::relate(uint32_t watcher, const RelateTarget& target, views::Relation what) {
  if (!watcher || (!target.serial && target.name == atoms::nil)) return;
  const bool link = what == views::Relation::Link;
  // What the target is on a side: Ergo takes a name as it is (E1.2); the BEAM links by pid only and
  // monitors a name's current pid, so a name is looked up there.
  auto targetPid = [target](const Side& s) -> Pid {
    if (target.serial) {
      const ProcessRecord* r = s.model->findAny(target.serial);
      return r ? r->pid : Pid{};
    }
    for (const auto& [serial, r] : s.model->processes())
      if (r.name == target.name) return r.pid;
    return Pid{};
  };
  const QString name = QString::fromStdString(inspect_atom(target.name));
  act(watcher,
      [this, link, what, target, targetPid, name](Side& s, Pid p, views::CommandDone done) {
        if (s.ergo()) {
          const ProcessRecord* self = s.model->find(p);
          const ergo::Target t = target.serial ? ergo::Target::process(targetPid(s))
                                               : ergo::Target::registered(target.name, self ? self->node : 0);
          if (target.serial && !t.pid.valid())
            return done(views::CommandResult::failed(tr("%1 never ran on this side").arg(who(s, target.serial))));
          return s.source.relate(p, t, what, std::move(done));
        }
        const Pid t = targetPid(s);
        if (!t.valid())
          return done(views::CommandResult::failed(target.serial ? tr("%1 never ran on this side").arg(who(s, target.serial))
                                                                 : tr("no process is registered as %1 here").arg(name)));
        if (link) return s.source.link(p, t, std::move(done));
        s.source.monitor(p, t, std::move(done));
      },
      [this, link, target, targetPid, name](const Side& s, const QString& w) {
        const Pid t = targetPid(s);
        const QString to = s.ergo() && !target.serial ? tr("the name %1").arg(name) : who(s, t.valid() ? t.serial() : target.serial);
        if (s.ergo()) return link ? tr("%1 links to %2 (one-way)").arg(w, to) : tr("%1 monitors %2").arg(w, to);
        return link ? tr("Process.link: %1 and %2 linked both ways").arg(w, to) : tr("Process.monitor: %1 monitors %2").arg(w, to);
      });
}

QMenu* CompareWindow::contextMenu(Semantics sideSem, Pid pid) {
  auto* menu = new QMenu(this);
  menu->setObjectName(QStringLiteral("compareContextMenu"));
  const Side& here = side(sideSem);
  const uint32_t serial = pid.serial();
  if (!pid.valid() || !(here.model->findAny(serial) || sides_[0]->model->find(serial) || sides_[1]->model->find(serial))) {
    menu->addAction(stepAction_);
    menu->addAction(playAction_);
    menu->addAction(restartAction_);
    menu->addAction(ghostsAction_);
    return menu;
  }
  selectSerial(serial);
  menu->addSection(who(here, serial));
  // Where it does not live, the actions skip that side (the status bar says so): the menu says it first.
  const bool anyAlive = sides_[0]->model->find(serial) || sides_[1]->model->find(serial);
  for (const auto& s : sides_) {
    if (!anyAlive) {
      menu->addAction(tr("Ended on both sides"))->setEnabled(false);
      break;
    }
    if (s->model->find(serial)) continue;
    const bool ran = s->model->findAny(serial) != nullptr;
    const QString note = s->ergo() ? (ran ? tr("Ended in Ergo: acts on the BEAM only") : tr("Not in Ergo: acts on the BEAM only"))
                                   : (ran ? tr("Ended on the BEAM: acts in Ergo only") : tr("Not on the BEAM: acts in Ergo only"));
    menu->addAction(note)->setEnabled(false);
  }
  auto add = [&](const QString& text, const char* name, auto fn) {
    QAction* a = menu->addAction(text, this, fn);
    a->setObjectName(QString::fromLatin1(name));
    a->setEnabled(anyAlive);
    return a;
  };
  QAction* kill = add(tr("Kill on both sides (untrappable; Ergo: the node's Kill)"), "compareMenuKill", [this, serial] { killSerial(serial); });
  kill->setShortcut(killAction_->shortcut());
  add(tr("Exit with reason..."), "compareMenuExit", [this, serial] {
    askText(tr("Exit with reason"), tr("Process.exit(%1, reason) on both sides. The reason, in Elixir syntax:").arg(who(*sides_[0], serial)),
            reasonEdit_->text(), [this, serial](const QString& t) {
              reasonEdit_->setText(t);
              exitSerial(serial, t);
            });
  });
  add(tr("Send message..."), "compareMenuSend", [this, serial] {
    askText(tr("Send message"), tr("send(%1, message) on both sides. The message, in Elixir syntax:").arg(who(*sides_[0], serial)),
            messageEdit_->text().isEmpty() ? QStringLiteral("{:hello, 1}") : messageEdit_->text(), [this, serial](const QString& t) {
              messageEdit_->setText(t);
              sendSerial(serial, t);
            });
  });
  const ProcessRecord* r = here.model->find(serial);
  if (!r) r = side(sideSem == Semantics::Ergo ? Semantics::Beam : Semantics::Ergo).model->find(serial);
  QAction* trap = add(tr("trap_exit (both sides)"), "compareMenuTrapExit", [this, serial, on = !(r && r->trap_exit)] { setTrapExit(serial, on); });
  trap->setCheckable(true);
  trap->setChecked(r && r->trap_exit);
  if (here.ergo()) {
    QMenu* ergo = menu->addMenu(tr("Ergo: link and monitor"));
    ergo->setObjectName(QStringLiteral("compareErgoMenu"));
    ergo->setToolTipsVisible(true);
    ergo->setEnabled(anyAlive);
    const struct {
      views::Relation what;
      bool byName;
      QString text;
      const char* name;
    } items[] = {
        {views::Relation::Link, false, tr("Link to a process (by pid)..."), "compareMenuLinkPid"},
        {views::Relation::Link, true, tr("Link to a registered name..."), "compareMenuLinkName"},
        {views::Relation::Monitor, false, tr("Monitor a process (by pid)..."), "compareMenuMonitorPid"},
        {views::Relation::Monitor, true, tr("Monitor a registered name..."), "compareMenuMonitorName"},
    };
    for (const auto& it : items) {
      QAction* a = ergo->addAction(it.text, this, [this, serial, w = it.what, n = it.byName] { relateDialog(serial, w, n); });
      a->setObjectName(QString::fromLatin1(it.name));
      a->setToolTip(it.what == views::Relation::Link
                        ? tr("Ergo: a one-way link (the target's end reaches this process, not the other way). "
                             "The BEAM: Process.link, both ways.")
                        : tr("Ergo: a monitor, by name too (ErrUnregistered when the name goes). "
                             "The BEAM: Process.monitor of the pid."));
    }
  }
  return menu;
}

void CompareWindow::askText(const QString& title, const QString& label, const QString& text,
                            std::function<void(const QString&)> done) {
  auto* d = new QInputDialog(this);
  d->setObjectName(QStringLiteral("compareAskDialog"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setWindowTitle(title);
  d->setLabelText(label);
  d->setTextValue(text);
  connect(d, &QInputDialog::textValueSelected, this, [done = std::move(done)](const QString& t) { done(t.trimmed()); });
  d->open();
}

void CompareWindow::relateDialog(uint32_t watcher, views::Relation what, bool byName) {
  // The Ergo side's processes or names to pick from (a name may be typed).
  const Side& e = side(Semantics::Ergo);
  QStringList items;
  std::vector<RelateTarget> targets;
  for (const auto& [serial, r] : e.model->processes()) {
    if (serial == watcher || (byName && r.name == atoms::nil)) continue;
    items << (byName ? QString::fromStdString(inspect_atom(r.name)) : who(e, serial));
    targets.push_back(byName ? RelateTarget{0, r.name} : RelateTarget{serial, atoms::nil});
  }
  if (items.isEmpty() && !byName) {
    statusBar()->showMessage(tr("No other process to link to or monitor"), 6000);
    return;
  }
  const bool link = what == views::Relation::Link;
  auto* d = new QInputDialog(this);
  d->setObjectName(QStringLiteral("compareRelateDialog"));
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setWindowTitle(link ? tr("Link to") : tr("Monitor"));
  const QString w = who(e, watcher);
  d->setLabelText(byName ? (link ? tr("Which registered name should %1 link to? In Ergo the link fires ErrUnregistered when the name goes; "
                                      "the BEAM links both ways to the pid the name has now.")
                                 : tr("Which registered name should %1 monitor? In Ergo the monitor fires ErrUnregistered when the "
                                      "name goes; the BEAM monitors the pid the name has now."))
                                .arg(w)
                         : (link ? tr("Which process should %1 link to? One-way in Ergo, both ways on the BEAM.")
                                 : tr("Which process should %1 monitor?"))
                               .arg(w));
  d->setComboBoxItems(items);
  d->setComboBoxEditable(byName);
  connect(d, &QInputDialog::textValueSelected, this, [this, watcher, what, items, targets](const QString& text) {
    const QString pick = text.trimmed();
    if (const qsizetype i = items.indexOf(pick); i >= 0) return relate(watcher, targets[size_t(i)], what);
    if (pick.isEmpty()) return;
    relate(watcher, RelateTarget{0, intern((pick.startsWith(QLatin1Char(':')) ? pick.mid(1) : pick).toStdString())}, what);
  });
  d->open();
}

CompareWindow* openCompareWindow(QWidget* parent, const QString& scenario) {
  auto* w = new CompareWindow(scenario, parent);
  w->setAttribute(Qt::WA_DeleteOnClose);
  w->show();
  // The lesson is in presentation mode already: so is this window.
  if (const auto* main = qobject_cast<MainWindow*>(parent); main && main->presentationMode()) w->setPresentationMode(true);
  w->setPlaying(true);
  return w;
}

}  // namespace actorscope::app
