#include "CompareWindow.h"

#include "EmbeddedSource.h"
#include "EventText.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "ObserverModel.h"
#include "Pipeline.h"
#include "RuntimeHost.h"
#include "Scenarios.h"

#include "actorscope/lockstep.hpp"

#include <QAction>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTransform>
#include <QVBoxLayout>

#include <algorithm>
#include <unordered_map>

namespace actorscope::app {

namespace {
/// Deterministic steps a side takes per Play frame at most, so a storm never stalls its driver.
constexpr size_t kStepsPerFrame = 20'000;
/// Wall time a Play frame may cover at most (after a stall the picture does not jump).
constexpr qint64 kMaxFrameMs = 100;
constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 4};
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
  QLabel* status = nullptr;
  Clock clock;
  std::unordered_map<uint32_t, Atom> names;  // every name a process had (a dead one keeps it)
  uint32_t lastExit = 0;                     // serial of the last process presented as ended
  Term lastReason;

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
  sides_[0] = std::make_unique<Side>(Semantics::Beam, this);
  sides_[1] = std::make_unique<Side>(Semantics::Ergo, this);

  auto* central = new QWidget(this);
  auto* row = new QHBoxLayout(central);
  row->setContentsMargins(4, 4, 4, 4);
  row->setSpacing(6);
  // Big enough to read from the back of a classroom; each side in its own colour.
  QFont titleFont = font();
  titleFont.setPointSizeF(std::max(26.0, font().pointSizeF() * 2.6));
  titleFont.setBold(true);
  QFont statusFont = font();
  statusFont.setPointSizeF(std::max(13.0, font().pointSizeF() * 1.3));
  for (auto& sp : sides_) {
    Side& s = *sp;
    const bool ergo = s.ergo();
    auto* pane = new QWidget(central);
    auto* col = new QVBoxLayout(pane);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(2);
    auto* title = new QLabel(ergo ? tr("Ergo") : tr("BEAM"), pane);
    title->setObjectName(ergo ? QStringLiteral("ergoTitle") : QStringLiteral("beamTitle"));
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 2px; }")
                             .arg(ergo ? QStringLiteral("#7a4cc8") : QStringLiteral("#a2003e")));
    title->setToolTip(ergo ? tr("The Ergo Framework's rules: one-way links, kill can be trapped, three queues")
                           : tr("The BEAM's rules: links both ways, kill cannot be trapped, one mailbox"));
    s.view->setObjectName(ergo ? QStringLiteral("ergoGraph") : QStringLiteral("beamGraph"));
    s.view->setLegendVisible(false);
    s.scene->setTextScale(1.3);
    s.status = new QLabel(pane);
    s.status->setObjectName(ergo ? QStringLiteral("ergoStatus") : QStringLiteral("beamStatus"));
    s.status->setFont(statusFont);
    s.status->setTextFormat(Qt::PlainText);
    s.status->setMinimumWidth(1);  // a long reason wraps, never widens its side
    s.status->setWordWrap(true);
    col->addWidget(title);
    col->addWidget(s.view, 1);
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
    connect(s.model, &views::ObserverModel::resyncNeeded, s.host, &views::RuntimeHost::requestSnapshot);
    connect(s.model, &views::ObserverModel::updated, this, [this, &s](const views::ModelDelta& d) {
      if (!d.events) return;
      for (const TraceEvent& e : *d.events) {
        if (e.kind == TraceKind::Register) s.names[e.a.serial()] = e.name;
        if (e.kind == TraceKind::Exit) {
          s.lastExit = e.a.serial();
          s.lastReason = e.term;
        }
      }
    });
  }
  setCentralWidget(central);
  createToolBars();

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
}

CompareWindow::Side& CompareWindow::side(Semantics s) const { return *sides_[s == Semantics::Ergo ? 1 : 0]; }
views::ObserverModel* CompareWindow::model(Semantics s) const { return side(s).model; }
views::GraphScene* CompareWindow::scene(Semantics s) const { return side(s).scene; }
views::GraphView* CompareWindow::view(Semantics s) const { return side(s).view; }
QString CompareWindow::sideStatus(Semantics s) const { return side(s).status->text(); }

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
  scenarioCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(scenarioCombo_, &QComboBox::activated, this, [this](int i) { setScenario(scenarioCombo_->itemData(i).toString()); });
  tb->addWidget(scenarioCombo_);
  connect(make(tb, tr("Restart"), "compareRestartAction", QKeySequence(Qt::CTRL | Qt::Key_R), tr("Start the scenario again on both sides (Ctrl+R)")),
          &QAction::triggered, this, &CompareWindow::restart);
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
  QString text = tr("%1 live  \u00b7  %2 ended").arg(s.model->processCount()).arg(s.model->exits());
  text += QLatin1Char('\n') + (s.lastExit ? tr("last exit: %1 %2").arg(who(s, s.lastExit), s.reasonText(s.lastReason))
                                          : tr("no exit yet"));
  if (s.status->text() != text) {
    s.status->setText(text);
    s.status->setToolTip(text);
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

void CompareWindow::act(
    const std::function<void(views::Source&, Pid, std::function<void(const views::CommandResult&)>)>& command,
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
    const QString w = who(s, selected_);
    const ProcessRecord* r = s.model->find(selected_);
    if (!r) {
      out->text[i] = tr("%1 has already ended, nothing sent").arg(w);
      finish();
      continue;
    }
    command(s.source, r->pid, [out, i, finish, what = done(s, w)](const views::CommandResult& res) {
      out->text[i] = res.ok ? what : tr("refused: %1").arg(res.error);
      out->sent = out->sent || res.ok;
      finish();
    });
  }
}

void CompareWindow::killSelected() {
  if (!selected_) return;
  act([](views::Source& src, Pid p, auto done) { src.kill(p, std::move(done)); },
      [](const Side& s, const QString& w) {
        return s.ergo() ? tr("Kill(%1), the node's forced kill").arg(w) : tr("Process.exit(%1, :kill)").arg(w);
      });
}

std::optional<Term> CompareWindow::termToAct(const views::ReasonParse& parsed, const QString& notATerm) {
  if (!parsed.term) {
    statusBar()->showMessage(notATerm.arg(parsed.error), 15000);
    return std::nullopt;
  }
  if (!selected_) {
    statusBar()->showMessage(tr("Select a process first: click it on either side"), 6000);
    return std::nullopt;
  }
  return parsed.term;
}

bool CompareWindow::exitSelected(const QString& reasonText) {
  const std::optional<Term> reason = termToAct(views::parseReason(reasonText), tr("Not an exit reason: %1"));
  if (!reason) return false;
  act([r = *reason](views::Source& src, Pid p, auto done) { src.exit(p, r, std::move(done)); },
      [r = *reason](const Side&, const QString& w) { return tr("Process.exit(%1, %2)").arg(w, views::termText(r)); });
  return true;
}

bool CompareWindow::sendSelected(const QString& messageText) {
  const std::optional<Term> msg = termToAct(views::parseMessage(messageText), tr("Not a message: %1"));
  if (!msg) return false;
  act([m = *msg](views::Source& src, Pid p, auto done) { src.send(p, m, std::move(done)); },
      [m = *msg](const Side&, const QString& w) { return tr("send(%1, %2)").arg(w, views::termText(m)); });
  return true;
}

CompareWindow* openCompareWindow(QWidget* parent, const QString& scenario) {
  auto* w = new CompareWindow(scenario, parent);
  w->setAttribute(Qt::WA_DeleteOnClose);
  w->show();
  w->setPlaying(true);
  return w;
}

}  // namespace actorscope::app
