#include "FaultPanel.h"

#include "ObserverModel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QListWidget>
#include <QSet>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace actorscope::views {

namespace {
Term reasonTerm(const QString& text) {
  QString s = text.trimmed();
  if (s.isEmpty()) return Term(atoms::kill);
  if (s.startsWith(QLatin1Char(':'))) s = s.mid(1);
  if (!s.isEmpty() && s[0].isLower() && !s.contains(QLatin1Char(' '))) return Term::atom(s.toStdString());
  ParseResult r = parse_term(text.trimmed().toStdString());
  return r ? r.term() : Term::atom(s.toStdString());
}
}  // namespace

FaultPanel::FaultPanel(Source* source, ObserverModel* model, QWidget* parent)
    : QWidget(parent), source_(source), model_(model) {
  setObjectName(QStringLiteral("faultPanel"));
  sessionClock_.start();
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(4, 4, 4, 4);

  // Target, shared by flood, delay and suspend/resume.
  auto* tl = new QFormLayout;
  target_ = new QLineEdit(this);
  target_->setObjectName(QStringLiteral("faultTarget"));
  target_->setPlaceholderText(tr("name or pid (the selection)"));
  tl->addRow(tr("Target"), target_);
  outer->addLayout(tl);

  // Chaos.
  auto* chaos = new QGroupBox(tr("Chaos monkey"), this);
  auto* cf = new QFormLayout(chaos);
  interval_ = new QSpinBox(chaos);
  interval_->setObjectName(QStringLiteral("chaosInterval"));
  interval_->setRange(10, 600'000);
  interval_->setValue(1000);
  interval_->setSuffix(tr(" ms"));
  cf->addRow(tr("Kill every"), interval_);
  reason_ = new QComboBox(chaos);
  reason_->setObjectName(QStringLiteral("chaosReason"));
  reason_->setEditable(true);
  reason_->addItems({QStringLiteral(":kill"), QStringLiteral(":shutdown"), QStringLiteral(":boom"), QStringLiteral(":normal")});
  reason_->setToolTip(tr("Exit reason of each kill (any term, e.g. {:shutdown, :chaos})"));
  cf->addRow(tr("Reason"), reason_);
  scope_ = new QComboBox(chaos);
  scope_->setObjectName(QStringLiteral("chaosScope"));
  scope_->addItem(tr("Workers (children of supervisors)"), int(ChaosScope::Workers));
  scope_->addItem(tr("Subtree of..."), int(ChaosScope::Subtree));
  scope_->addItem(tr("All but supervisors"), int(ChaosScope::AllButSupervisors));
  cf->addRow(tr("Among"), scope_);
  root_ = new QLineEdit(chaos);
  root_->setObjectName(QStringLiteral("chaosRoot"));
  root_->setPlaceholderText(tr("subtree root: name or pid"));
  root_->setEnabled(false);
  cf->addRow(tr("Root"), root_);
  connect(scope_, &QComboBox::currentIndexChanged, this,
          [this](int i) { root_->setEnabled(scope_->itemData(i).toInt() == int(ChaosScope::Subtree)); });
  seed_ = new QSpinBox(chaos);
  seed_->setObjectName(QStringLiteral("chaosSeed"));
  seed_->setRange(0, 1'000'000'000);
  seed_->setValue(42);
  seed_->setToolTip(tr("The same seed gives the same victims in deterministic mode"));
  cf->addRow(tr("Seed"), seed_);
  auto* cb = new QHBoxLayout;
  chaosStart_ = new QPushButton(tr("Start chaos"), chaos);
  chaosStart_->setObjectName(QStringLiteral("chaosStart"));
  chaosStop_ = new QPushButton(tr("Stop"), chaos);
  chaosStop_->setObjectName(QStringLiteral("chaosStop"));
  chaosStop_->setEnabled(false);
  cb->addWidget(chaosStart_);
  cb->addWidget(chaosStop_);
  cf->addRow(cb);
  connect(chaosStart_, &QPushButton::clicked, this, &FaultPanel::startChaos);
  connect(chaosStop_, &QPushButton::clicked, this, &FaultPanel::stopChaos);
  outer->addWidget(chaos);

  // Flood, delay, suspend.
  auto* once = new QGroupBox(tr("On the target"), this);
  auto* of = new QFormLayout(once);
  auto* fl = new QHBoxLayout;
  floodCount_ = new QSpinBox(once);
  floodCount_->setObjectName(QStringLiteral("floodCount"));
  floodCount_->setRange(1, 10'000'000);
  floodCount_->setValue(1000);
  floodRate_ = new QSpinBox(once);
  floodRate_->setObjectName(QStringLiteral("floodRate"));
  floodRate_->setRange(0, 1'000'000);
  floodRate_->setValue(0);
  floodRate_->setSuffix(tr(" /s"));
  floodRate_->setSpecialValueText(tr("at once"));
  auto* flood = new QPushButton(tr("Flood"), once);
  flood->setObjectName(QStringLiteral("floodButton"));
  fl->addWidget(floodCount_);
  fl->addWidget(floodRate_);
  fl->addWidget(flood);
  of->addRow(tr("Messages"), fl);
  connect(flood, &QPushButton::clicked, this, [this] {
    Fault f;
    f.kind = FaultKind::Flood;
    f.target = targetTerm(target_->text());
    f.count = floodCount_->value();
    f.per_second = floodRate_->value();
    injectFault(f);
  });
  auto* dl = new QHBoxLayout;
  peer_ = new QLineEdit(once);
  peer_->setObjectName(QStringLiteral("delayPeer"));
  peer_->setPlaceholderText(tr("edge to (optional)"));
  latency_ = new QSpinBox(once);
  latency_->setObjectName(QStringLiteral("delayLatency"));
  latency_->setRange(0, 60'000);
  latency_->setValue(200);
  latency_->setSuffix(tr(" ms"));
  auto* delay = new QPushButton(tr("Delay"), once);
  delay->setObjectName(QStringLiteral("delayButton"));
  delay->setToolTip(tr("Latency of the target's signals (to the peer only when one is given); "
                       "with no target, of every signal"));
  dl->addWidget(peer_, 1);
  dl->addWidget(latency_);
  dl->addWidget(delay);
  of->addRow(tr("Latency"), dl);
  connect(delay, &QPushButton::clicked, this, [this] {
    Fault f;
    f.kind = FaultKind::Delay;
    f.target = targetTerm(target_->text());
    f.peer = targetTerm(peer_->text());
    f.latency_ms = latency_->value();
    injectFault(f);
  });
  auto* sl = new QHBoxLayout;
  auto* susp = new QPushButton(tr("Suspend"), once);
  susp->setObjectName(QStringLiteral("suspendButton"));
  auto* res = new QPushButton(tr("Resume"), once);
  res->setObjectName(QStringLiteral("resumeButton"));
  auto* kill = new QPushButton(tr("Kill"), once);
  kill->setObjectName(QStringLiteral("faultKillButton"));
  sl->addWidget(susp);
  sl->addWidget(res);
  sl->addWidget(kill);
  of->addRow(sl);
  auto simple = [this](FaultKind k) {
    Fault f;
    f.kind = k;
    f.target = targetTerm(target_->text());
    if (k == FaultKind::Kill) f.reason = reasonTerm(reason_->currentText());
    injectFault(f);
  };
  connect(susp, &QPushButton::clicked, this, [simple] { simple(FaultKind::Suspend); });
  connect(res, &QPushButton::clicked, this, [simple] { simple(FaultKind::Resume); });
  connect(kill, &QPushButton::clicked, this, [simple] { simple(FaultKind::Kill); });
  outer->addWidget(once);

  // Network partitions between nodes (R9).
  auto* net = new QGroupBox(tr("Network partition"), this);
  auto* nv = new QVBoxLayout(net);
  netHint_ = new QLabel(net);
  netHint_->setWordWrap(true);
  nv->addWidget(netHint_);
  nodeList_ = new QListWidget(net);
  nodeList_->setObjectName(QStringLiteral("partitionNodes"));
  nodeList_->setMaximumHeight(90);
  nv->addWidget(nodeList_);
  auto* nf = new QFormLayout;
  cutFor_ = new QSpinBox(net);
  cutFor_->setObjectName(QStringLiteral("partitionFor"));
  cutFor_->setRange(0, 600'000);
  cutFor_->setSingleStep(500);
  cutFor_->setValue(5000);
  cutFor_->setSuffix(tr(" ms"));
  cutFor_->setSpecialValueText(tr("until healed"));
  nf->addRow(tr("For"), cutFor_);
  detectDelay_ = new QSpinBox(net);
  detectDelay_->setObjectName(QStringLiteral("detectionDelay"));
  detectDelay_->setRange(0, 120'000);
  detectDelay_->setSingleStep(500);
  detectDelay_->setSuffix(tr(" ms"));
  detectDelay_->setSpecialValueText(tr("immediately"));
  detectDelay_->setToolTip(tr("How long each side takes to notice a partition (net_ticktime): the :noconnection "
                              "exits, DOWNs and nodedown notices arrive that late; messages sent meanwhile are lost"));
  nf->addRow(tr("Noticed after"), detectDelay_);
  connect(detectDelay_, &QSpinBox::editingFinished, this, [this] {
    source_->setDetectionDelay(detectDelay_->value(), [self = QPointer<FaultPanel>(this), ms = detectDelay_->value()](const CommandResult& r) {
      if (self) self->setStatus(r.ok ? tr("A partition is now noticed after %1 ms").arg(ms) : r.error);
    });
  });
  nv->addLayout(nf);
  auto* nb = new QHBoxLayout;
  cutButton_ = new QPushButton(tr("Cut off"), net);
  cutButton_->setObjectName(QStringLiteral("partitionCut"));
  cutButton_->setToolTip(tr("Partition the checked nodes from every other node: links and monitors across fire "
                            ":noconnection on both sides, and what is in flight is lost"));
  healButton_ = new QPushButton(tr("Heal all"), net);
  healButton_->setObjectName(QStringLiteral("partitionHeal"));
  nb->addWidget(cutButton_);
  nb->addWidget(healButton_);
  nv->addLayout(nb);
  connect(cutButton_, &QPushButton::clicked, this, [this] {
    Fault f;
    f.kind = FaultKind::Partition;
    for (int i = 0; i < nodeList_->count(); ++i)
      if (nodeList_->item(i)->checkState() == Qt::Checked) f.nodes.push_back(intern(nodeList_->item(i)->text().toStdString()));
    if (f.nodes.empty()) {
      setStatus(tr("Check the nodes to cut off from the others first"));
      return;
    }
    f.duration_ms = cutFor_->value();
    injectFault(f);
  });
  connect(healButton_, &QPushButton::clicked, this, [this] {
    Fault f;
    f.kind = FaultKind::Heal;
    injectFault(f);
  });
  connect(model_, &ObserverModel::updated, this, [this](const ModelDelta& d) {
    if (d.nodesChanged) refreshNodes();
  });
  refreshNodes();
  outer->addWidget(net);

  // Plans.
  auto* plans = new QGroupBox(tr("Fault plan"), this);
  auto* pv = new QVBoxLayout(plans);
  planLabel_ = new QLabel(tr("No plan loaded: the faults injected here are collected, Save writes them."), plans);
  planLabel_->setWordWrap(true);
  pv->addWidget(planLabel_);
  auto* pb = new QHBoxLayout;
  auto* load = new QPushButton(tr("Load..."), plans);
  auto* save = new QPushButton(tr("Save..."), plans);
  auto* run = new QPushButton(tr("Run"), plans);
  run->setObjectName(QStringLiteral("planRun"));
  auto* stop = new QPushButton(tr("Stop"), plans);
  for (auto* b : {load, save, run, stop}) pb->addWidget(b);
  pv->addLayout(pb);
  connect(load, &QPushButton::clicked, this, [this] {
    const QString p = QFileDialog::getOpenFileName(this, tr("Load fault plan"), {}, tr("Fault plans (*.json);;All files (*)"));
    QString err;
    if (!p.isEmpty() && !loadPlan(p, &err)) setStatus(err);
  });
  connect(save, &QPushButton::clicked, this, [this] {
    const QString p = QFileDialog::getSaveFileName(this, tr("Save fault plan"), QStringLiteral("plan.json"),
                                                   tr("Fault plans (*.json);;All files (*)"));
    QString err;
    if (!p.isEmpty() && !savePlan(p, &err)) setStatus(err);
  });
  connect(run, &QPushButton::clicked, this, &FaultPanel::runPlan);
  connect(stop, &QPushButton::clicked, this, &FaultPanel::stopPlan);
  outer->addWidget(plans);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("faultStatus"));
  status_->setWordWrap(true);
  outer->addWidget(status_);
  outer->addStretch(1);
}

Term FaultPanel::targetTerm(const QString& text) const {
  const QString s = text.trimmed();
  if (s.isEmpty()) return Term();
  if (s.contains(QLatin1Char('<'))) {
    QString want = s;
    if (!want.startsWith(QLatin1String("#PID"))) want.prepend(QStringLiteral("#PID"));
    for (const auto& [k, r] : model_->processes())
      if (model_->pidText(r.pid) == want) return Term(r.pid);
    ParseResult p = parse_term(want.toStdString());
    if (p && p.term().is_pid()) return p.term();
  }
  return Term::atom((s.startsWith(QLatin1Char(':')) ? s.mid(1) : s).toStdString());
}

void FaultPanel::setTarget(Pid pid) {
  if (!pid.valid()) return;
  const ProcessRecord* r = model_->find(pid);
  target_->setText(r && r->name != atoms::nil ? QString::fromStdString(std::string(atom_name(r->name)))
                                              : model_->pidText(pid));
}

void FaultPanel::runtimeRestarted() {
  detectDelay_->setValue(0);  // a new runtime notices a partition at once
  chaos_ = {};
  planRunner_ = {};
  chaosStarting_ = false;
  chaosStart_->setEnabled(true);
  chaosStop_->setEnabled(false);
}

void FaultPanel::setChaos(const ChaosConfig& c) {
  interval_->setValue(int(c.interval_ms));
  if (!c.reasons.empty()) reason_->setCurrentText(QString::fromStdString(inspect(c.reasons.front())));
  scope_->setCurrentIndex(scope_->findData(int(c.scope)));
  root_->setText(c.root.is_atom(atoms::nil) ? QString() : QString::fromStdString(inspect(c.root)));
  seed_->setValue(int(c.seed));
}

ChaosConfig FaultPanel::chaosConfig() const {
  ChaosConfig c;
  c.interval_ms = interval_->value();
  c.reasons = {reasonTerm(reason_->currentText())};
  c.scope = ChaosScope(scope_->currentData().toInt());
  if (c.scope == ChaosScope::Subtree) c.root = targetTerm(root_->text());
  c.seed = uint64_t(seed_->value());
  return c;
}

void FaultPanel::startChaos() {
  if (chaosRunning()) stopChaos();
  const ChaosConfig c = chaosConfig();
  chaosStarting_ = true;
  chaosStart_->setEnabled(false);
  chaosStop_->setEnabled(true);
  Fault f;
  f.kind = FaultKind::Chaos;
  f.chaos = c;
  f.at_ms = sessionClock_.elapsed();
  session_.faults.push_back(f);
  source_->startChaos(c, [self = QPointer<FaultPanel>(this), this](const SpawnResult& r) {
    if (!self) return;
    chaosStarting_ = false;
    if (!r.pid.valid()) {
      chaosStart_->setEnabled(true);
      chaosStop_->setEnabled(false);
      setStatus(tr("Chaos monkey not started: %1").arg(r.error));
      return;
    }
    const Pid p = r.pid;
    chaos_ = p;
    chaosStarting_ = false;
    setStatus(tr("Chaos monkey %1 kills one process every %2 ms (seed %3)")
                  .arg(QString::fromStdString(inspect_pid(p)))
                  .arg(interval_->value())
                  .arg(seed_->value()));
  });
}

void FaultPanel::stopChaos() {
  const Pid p = chaos_;
  chaos_ = {};
  chaosStarting_ = false;
  chaosStart_->setEnabled(true);
  chaosStop_->setEnabled(false);
  source_->stopInjector(p);
  setStatus(tr("Chaos stopped"));
}

void FaultPanel::refreshNodes() {
  QStringList names;
  for (const NodeState& n : model_->graph().nodes())
    if (n.alive) names << QString::fromStdString(std::string(atom_name(n.name)));
  QStringList shown;
  for (int i = 0; i < nodeList_->count(); ++i) shown << nodeList_->item(i)->text();
  if (names != shown) {
    QSet<QString> checked;
    for (int i = 0; i < nodeList_->count(); ++i)
      if (nodeList_->item(i)->checkState() == Qt::Checked) checked.insert(nodeList_->item(i)->text());
    nodeList_->clear();
    for (const QString& n : names) {
      auto* item = new QListWidgetItem(n, nodeList_);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      item->setCheckState(checked.contains(n) ? Qt::Checked : Qt::Unchecked);
    }
  }
  const bool several = names.size() > 1;
  nodeList_->setVisible(several);
  cutButton_->setEnabled(several);
  healButton_->setEnabled(several);
  cutFor_->setEnabled(several);
  detectDelay_->setEnabled(several);
  netHint_->setText(several ? tr("Check the side to cut off from the rest; or drag across a connection in the graph.")
                            : tr("One node only. Pick the netsplit scenario, or start a node in the console: "
                                 "Node.start(:a, :shortnames) then :peer.start_link(%{name: :b})"));
}

void FaultPanel::injectFault(const Fault& f0) {
  Fault f = f0;
  f.at_ms = sessionClock_.elapsed();
  session_.faults.push_back(f);
  source_->inject(f, [self = QPointer<FaultPanel>(this), k = f.kind](const CommandResult& r) {
    if (!self) return;
    self->setStatus(r.ok ? tr("Injected: %1").arg(QString::fromLatin1(to_string(k)))
                         : tr("%1 failed: %2").arg(QString::fromLatin1(to_string(k)), r.error));
  });
}

bool FaultPanel::loadPlan(const QString& path, QString* error) {
  FaultPlan p;
  std::string err;
  if (!load_fault_plan(path.toStdString(), p, err)) {
    if (error) *error = tr("%1: %2").arg(path, QString::fromStdString(err));
    return false;
  }
  plan_ = std::move(p);
  loaded_ = true;
  planLabel_->setText(tr("%1: %2 faults. %3")
                          .arg(path.section(QLatin1Char('/'), -1))
                          .arg(plan_.faults.size())
                          .arg(QString::fromStdString(plan_.description)));
  return true;
}

bool FaultPanel::savePlan(const QString& path, QString* error) {
  FaultPlan p = plan();
  if (!loaded_ && !p.faults.empty()) {
    const int64_t t0 = p.faults.front().at_ms;
    for (Fault& f : p.faults) f.at_ms -= t0;
    p.description = "faults injected from the Actorscope fault panel";
  }
  std::string err;
  if (!save_fault_plan(path.toStdString(), p, err)) {
    if (error) *error = QString::fromStdString(err);
    return false;
  }
  setStatus(tr("Saved %1 faults to %2").arg(p.faults.size()).arg(path));
  return true;
}

void FaultPanel::runPlan() {
  FaultPlan p = plan();
  if (!loaded_ && !p.faults.empty()) {
    const int64_t t0 = p.faults.front().at_ms;
    for (Fault& f : p.faults) f.at_ms -= t0;
  }
  if (p.faults.empty()) {
    setStatus(tr("The plan is empty"));
    return;
  }
  source_->startPlan(p, [self = QPointer<FaultPanel>(this), this, n = p.faults.size()](const SpawnResult& r) {
    if (!self) return;
    if (!r.pid.valid()) {
      setStatus(tr("The plan did not start: %1").arg(r.error));
      return;
    }
    const Pid pid = r.pid;
    planRunner_ = pid;
    setStatus(tr("Running a plan of %1 faults (%2)").arg(n).arg(QString::fromStdString(inspect_pid(pid))));
  });
}

void FaultPanel::stopPlan() {
  const Pid p = planRunner_;
  planRunner_ = {};
  source_->stopInjector(p);
}

QString FaultPanel::status() const { return status_->text(); }

void FaultPanel::setStatus(const QString& s) {
  status_->setText(s);
  emit message(s);
}

}  // namespace actorscope::views
