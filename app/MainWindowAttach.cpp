// MainWindow: attaching to a live BEAM node (File > Attach to node..., --attach), leaving it, and
// the care an action on someone's production node deserves (confirmation with the blast radius).

#include "MainWindow.h"

#include "AttachSource.h"
#include "BlastRadius.h"
#include "ChartsWidget.h"
#include "ConsoleWidget.h"
#include "EmbeddedSource.h"
#include "EventLog.h"
#include "Export.h"
#include "FaultPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "InspectorWidget.h"
#include "NodeItem.h"
#include "ObserverModel.h"
#include "TimelineWidget.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>

#include <atomic>
#include <mutex>
#include <thread>

namespace actorscope::app {

namespace {
constexpr int kRecentNodes = 8;
const QString kRecentKey = QStringLiteral("attach/recentNodes");  // names only, never a cookie

/// Said after "Attached to ..." when the agent traces as a process (its NIF did not load there).
QString tracerFallbackNote() {
  return QCoreApplication::translate("actorscope::app::MainWindow",
                                     "; the agent traces as a process there (its NIF did not load), which costs a busy node more");
}
}  // namespace

bool MainWindow::attachTo(const attach::Options& opts, QString* error, bool interactive, bool another) {
  another = another && attached_ && !attachLost_;
  if (attached_ && !attachLost_ && attached_->session().attached(opts.node)) {
    const QString text = tr("Already attached to %1").arg(QString::fromStdString(opts.node));
    if (error) *error = text;
    statusBar()->showMessage(text, 6000);
    return false;
  }
  // One more node joins the picture (its processes in a region of their own), or a first one
  // replaces the embedded runtime.
  auto session = another ? nullptr : std::make_unique<attach::Session>();
  std::unique_ptr<attach::Client> client = another ? attached_->session().new_client() : session->new_client();
  // Connecting blocks (epmd, the handshake, loading the agent, reading every process): off the
  // GUI thread, with progress and Cancel.
  struct Shared {
    std::mutex m;
    QString step;
    uint64_t done = 0, total = 0;
    std::atomic<bool> cancel{false};
    std::atomic<bool> finished{false};
  } shared;
  bool ok = false;
  std::string why;
  attach::Failure failure = attach::Failure::None;
  views::AttachSource* const into = another ? attached_.get() : nullptr;  // checked again after the wait
  std::thread worker([&] {
    try {
      ok = client->connect(opts, why, &failure, [&](std::string_view step, uint64_t done, uint64_t total) {
        std::lock_guard g(shared.m);
        shared.step = QString::fromUtf8(step.data(), int(step.size()));
        shared.done = done;
        shared.total = total;
        return !shared.cancel.load();
      });
    } catch (const std::exception& e) {
      ok = false;
      why = std::string("attaching failed: ") + e.what();
    }
    shared.finished.store(true);
  });
  std::unique_ptr<QProgressDialog> dlg;
  if (interactive) {
    dlg = std::make_unique<QProgressDialog>(tr("Attaching to %1...").arg(QString::fromStdString(opts.node)), tr("Cancel"), 0, 0, this);
    dlg->setWindowTitle(tr("Attach to node"));
    dlg->setWindowModality(Qt::WindowModal);
    dlg->setMinimumDuration(300);
  }
  while (!shared.finished.load()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 30);
    if (dlg) {
      std::lock_guard g(shared.m);
      QString label = shared.step;
      if (shared.total) label += tr(": %L1 of %L2").arg(shared.done).arg(shared.total);
      else if (shared.done) label += tr(": %L1").arg(shared.done);
      dlg->setLabelText(label);
      if (shared.total) {
        dlg->setMaximum(int(std::min<uint64_t>(shared.total, 1u << 30)));
        dlg->setValue(int(std::min(shared.done, shared.total)));
      }
      if (dlg->wasCanceled()) shared.cancel.store(true);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  worker.join();
  dlg.reset();
  if (another && (attached_.get() != into || attachLost_)) {  // the session ended (or was replaced) meanwhile
    if (ok) client->detach();
    const QString text = tr("%1 was not added: the session it was to join ended while attaching").arg(QString::fromStdString(opts.node));
    if (error) *error = text;
    statusBar()->showMessage(text, 15000);
    return false;
  }
  if (!ok && failure == attach::Failure::AlreadyAttached && attached_ && !attachLost_ &&
      attached_->session().attached(client->node().name)) {  // ours: the same node, by another name
    const QString text = client->node().name == opts.node
                             ? tr("Already attached to %1").arg(QString::fromStdString(opts.node))
                             : tr("Already attached to %1 (as %2)").arg(QString::fromStdString(opts.node), QString::fromStdString(client->node().name));
    if (error) *error = text;
    statusBar()->showMessage(text, 8000);
    return false;
  }
  if (!ok) {
    const QString text = QString::fromStdString(why);
    if (error) *error = text;
    statusBar()->showMessage(another ? tr("%1 was not added: %2").arg(QString::fromStdString(opts.node), text) : tr("Not attached: %1").arg(text), 15000);
    if (interactive && !shared.cancel.load()) QMessageBox::warning(this, tr("Attach to node"), text);
    return false;
  }
  nodeOpts_[client->node().name] = opts;
  if (another) {
    const auto& n = client->node();
    const QString joined = tr("%1 joined the picture (OTP %2%3)%4%5")
                               .arg(QString::fromStdString(n.name), QString::fromStdString(n.otp), n.elixir ? tr(", Elixir") : QString(),
                                    n.read_only ? tr(", read-only") : QString(), n.tracer_nif ? QString() : tracerFallbackNote());
    attached_->session().adopt(std::move(client));
    attached_->nodesChanged();
    rememberNode(opts.node);
    updateTitle();
    updateBanner();
    updateSourceControls();
    statusBar()->showMessage(joined, 8000);
    return true;
  }
  session->adopt(std::move(client));

  // The node replaces the embedded runtime in every view.
  if (console_) console_->detach();
  attached_.reset();
  host_->stop();
  attached_ = std::make_unique<views::AttachSource>(std::move(session), this);
  source_ = attached_.get();
  if (faults_) faults_->setSource(source_);
  lastAttach_ = opts;
  nodeOpts_.clear();
  nodeOpts_[attached_->client().node().name] = opts;
  attachLost_ = false;
  model_->clear();
  model_->setQueueLengthsFromSnapshots(true);  // the node's receives are not traced
  model_->setSemantics(source_->semantics());
  pipeline_.clear();
  if (exporter_) exporter_->clear();
  scene_->reset();
  scene_->setGrouping(true);  // a real node's crowds of alike processes: one node each
  // its system trees and applications folded: the user's own first
  scene_->setAutoCollapse(views::GraphScene::systemSupervisors(), views::GraphScene::systemApplications());
  logModel_->clear();
  inspector_->setPid({});
  if (charts_) charts_->clear();
  chartPids_.clear();
  if (faults_) faults_->runtimeRestarted();
  if (timeline_) {
    RecordingInfo info;
    info.created_by = "actorscope (attached to " + attached_->client().node().name + ")";
    timeline_->startRecording(std::move(info));
  }
  if (console_) console_->attach(source_->shell());
  view_->setAutoFit(true);
  rateMessages_ = rateExits_ = 0;
  rememberNode(opts.node);
  updateSourceControls();
  updateProcessActions();
  updateTitle();
  updateBanner();
  const auto& n = attached_->client().node();
  statusBar()->showMessage(tr("Attached to %1 (OTP %2%3)%4%5")
                               .arg(QString::fromStdString(n.name), QString::fromStdString(n.otp),
                                    n.elixir ? tr(", Elixir") : QString(), n.read_only ? tr(", read-only") : QString(),
                                    n.tracer_nif ? QString() : tracerFallbackNote()),
                           8000);
  return true;
}

void MainWindow::rememberNode(const std::string& node) {
  QSettings settings;
  QStringList recent = settings.value(kRecentKey).toStringList();
  recent.removeAll(QString::fromStdString(node));
  recent.prepend(QString::fromStdString(node));
  settings.setValue(kRecentKey, recent.mid(0, kRecentNodes));
}

void MainWindow::reconnectNodes() {
  if (!attached_) return;
  attach::Session& s = attached_->session();
  std::vector<std::string> names;
  for (size_t k = 0; k < s.size(); ++k)
    if (attachLost_ || s.lost(k)) names.push_back(s.client(k).node().name);
  const bool fresh = attachLost_;
  const std::map<std::string, attach::Options> saved = nodeOpts_;  // a fresh attach clears it
  QStringList failed;
  for (size_t i = 0; i < names.size(); ++i) {
    // Each later one joins the session the first made (or the one there): never a fresh attach
    // that would replace the picture, if that session ended meanwhile.
    if ((!fresh || i > 0) && (!attached_ || attachLost_)) break;
    attach::Options o = lastAttach_;  // the same cookie as the first, unless it had its own
    if (auto it = saved.find(names[i]); it != saved.end()) o = it->second;
    else o.node = names[i];
    QString why;
    if (!attachTo(o, &why, true, !(fresh && i == 0))) {
      failed << why;
      if (fresh && i == 0) return;  // the first did not come back: the old picture stays
    }
  }
  if (!failed.isEmpty()) statusBar()->showMessage(failed.join(QStringLiteral("; ")), 15000);
}

void MainWindow::detachNode() {
  if (!attached_) return;
  const QString name = attached_->describe();
  const bool left = !attachLost_ && attached_->detach();
  startRuntime();  // restarts the scenario
  updateTitle();
  updateBanner();
  statusBar()->showMessage(left ? tr("Detached from %1: its agent removed itself and its trace flags").arg(name)
                                : tr("Left %1; its agent did not answer: it removes itself and its trace flags when it "
                                     "notices the connection closed").arg(name),
                           8000);
}

void MainWindow::followAfterLayout(Pid pid) {
  view_->setAutoFit(false);
  QTimer::singleShot(450, this, [this, pid] {
    if (views::NodeItem* n = scene_->node(pid)) view_->centerOn(n);
  });
}

QString MainWindow::nodeActionsOff() const {
  if (!attached_) return {};
  if (attachLost_)
    return attached_->session().size() > 1 ? tr("The nodes went away: this is their last picture (File > Reconnect)")
                                           : tr("The node went away: this is its last picture (File > Reconnect)");
  if (attached_->readOnly()) return tr("Attached read-only: actions are refused (attach without read-only to act)");
  return {};
}

void MainWindow::attachLostWith(const QString& why) {
  if (attachLost_) return;
  attachLost_ = true;
  updateSourceControls();
  updateProcessActions();
  updateBanner();
  statusBar()->showMessage(why, 30000);
}

void MainWindow::updateSourceControls() {
  const bool node = attached_ != nullptr;
  for (QWidget* w : {static_cast<QWidget*>(scenarioCombo_), static_cast<QWidget*>(modeCombo_), static_cast<QWidget*>(slow_.slider)})
    if (w) w->setEnabled(!node);
  for (QAction* a : {stepAction_, resetAction_, pauseAction_, ergoAction_})
    if (a) a->setEnabled(!node);
  if (ergoMenu_) ergoMenu_->menuAction()->setVisible(!node && semantics_ == Semantics::Ergo);
  if (spawnMenu_) spawnMenu_->setEnabled(!node);
  if (detachAction_) detachAction_->setEnabled(node);
  if (attachAnotherAction_) attachAnotherAction_->setEnabled(node && !attachLost_);
  const bool anyLost = node && (attachLost_ || attached_->liveNodes().size() < attached_->session().size());
  inspector_->setTrapReadOnly(node ? tr("Read-only on an attached node: the BEAM lets only the process itself set its trap_exit "
                                        "(Process.flag/2). This shows the value the node reports.")
                                   : QString());
  inspector_->setActionsOff(actionsOff());
  if (reconnectAction_) reconnectAction_->setEnabled(node && anyLost);
}

bool MainWindow::confirmOnNode(Pid pid, const QString& action, const Term& reason) {
  if (!attached_ || !confirmOnNode_) return true;
  QString consequence;
  if (!reason.is_atom(atoms::nil)) {
    const views::BlastRadius r = views::computeBlastRadius(views::topologyOf(*model_), pid, reason, model_->semantics());
    scene_->showBlastRadius(pid, r);
    QStringList dies;
    for (const auto& d : r.dies)
      if (d.pid != pid) dies << pidText(d.pid);
    if (r.targetUnaffected) consequence = tr("The process is not affected (it does not trap exits, and the reason is :normal).");
    else if (dies.isEmpty()) consequence = tr("No other process dies through links.");
    else consequence = tr("Through links, %n more process(es) die: %1.", nullptr, int(dies.size())).arg(dies.mid(0, 12).join(QStringLiteral(", ")) + (dies.size() > 12 ? QStringLiteral(", ...") : QString()));
    if (!r.getsDown.empty()) consequence += QLatin1Char(' ') + tr("%n monitor(s) get a DOWN.", nullptr, int(r.getsDown.size()));
    if (!r.trapsExit.empty()) consequence += QLatin1Char(' ') + tr("%n process(es) trap the EXIT.", nullptr, int(r.trapsExit.size()));
    consequence += QLatin1Char(' ') + tr("Supervisors may restart what ends.");
  }
  const attach::Client* owner = attached_->session().owner(pid);
  const QString nodeName = QString::fromStdString((owner ? *owner : attached_->client()).node().name);
  QMessageBox box(QMessageBox::Warning, tr("Act on %1?").arg(tr("node %1").arg(nodeName)),
                  tr("%1 on the live node %2.").arg(action, nodeName), QMessageBox::Cancel, this);
  box.setInformativeText(consequence);
  QPushButton* go = box.addButton(tr("Do it"), QMessageBox::AcceptRole);
  box.setDefaultButton(QMessageBox::Cancel);
  auto* dontAsk = new QCheckBox(tr("Don't ask again this session"), &box);
  box.setCheckBox(dontAsk);
  box.exec();
  scene_->clearBlastRadius();
  if (box.clickedButton() != go) return false;
  if (dontAsk->isChecked()) confirmOnNode_ = false;
  return true;
}

void MainWindow::attachDialog(bool another) {
  another = another && attached_ && !attachLost_;
  QDialog dlg(this);
  dlg.setWindowTitle(another ? tr("Attach another node") : tr("Attach to node"));
  auto* form = new QFormLayout(&dlg);
  auto* node = new QComboBox(&dlg);
  node->setEditable(true);
  node->setObjectName(QStringLiteral("attachNode"));
  QStringList offered;
  if (another)  // the nodes the attached ones are connected to, not attached yet, first
    for (const std::string& n : attached_->session().connected_nodes())
      if (!attached_->session().attached(n)) offered << QString::fromStdString(n);
  for (const QString& r : QSettings().value(kRecentKey).toStringList())
    if (!offered.contains(r) && !(another && attached_->session().attached(r.toStdString()))) offered << r;
  node->addItems(offered);
  node->setCurrentText(node->count() ? node->itemText(0) : QStringLiteral("app@localhost"));
  node->setMinimumContentsLength(28);
  auto* cookie = new QLineEdit(&dlg);
  cookie->setObjectName(QStringLiteral("attachCookie"));
  cookie->setEchoMode(QLineEdit::Password);
  if (another && !lastAttach_.cookie.empty())  // a cluster shares its cookie
    cookie->setPlaceholderText(tr("empty: the cookie of %1").arg(QString::fromStdString(attached_->client().node().name)));
  else
    cookie->setPlaceholderText(attach::default_cookie().empty() ? tr("the node's cookie") : tr("empty: ~/.erlang.cookie"));
  auto* readOnly = new QCheckBox(tr("Read-only: observe, refuse every action"), &dlg);
  readOnly->setObjectName(QStringLiteral("attachReadOnly"));
  auto* note = new QLabel(tr("Actorscope connects as a hidden node, loads a small agent module onto the node and "
                             "removes it (and every trace flag it set) when it detaches or goes away. The cookie is not saved."),
                          &dlg);
  note->setWordWrap(true);
  form->addRow(tr("Node (name@host):"), node);
  form->addRow(tr("Cookie:"), cookie);
  form->addRow(readOnly);
  form->addRow(note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dlg);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Attach"));
  form->addRow(buttons);
  connect(buttons, &QDialogButtonBox::accepted, &dlg, [&] {
    const std::string bad = attach::check_node_name(node->currentText().trimmed().toStdString());
    if (!bad.empty()) {
      QMessageBox::warning(&dlg, tr("Attach to node"), QString::fromStdString(bad));
      return;
    }
    dlg.accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, &dlg, &QDialog::reject);
  if (dlg.exec() != QDialog::Accepted) return;
  attach::Options o;
  o.node = node->currentText().trimmed().toStdString();
  o.cookie = cookie->text().toStdString();
  if (another && o.cookie.empty()) o.cookie = lastAttach_.cookie;
  o.read_only = readOnly->isChecked();
  attachTo(o, nullptr, true, another);
}

}  // namespace actorscope::app
