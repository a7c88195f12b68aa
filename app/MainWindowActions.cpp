// MainWindow: the process actions (kill, exit, send, trap_exit, suspend, register, link, monitor,
// edge delay, spawn), each made through the window's Source and reported in the status bar; the
// context menu and the kill preview.
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

void MainWindow::updateProcessActions() {
  const bool node = attached_ != nullptr;
  const QString off = actionsOff();
  const bool can = model_->find(currentPid()) != nullptr && off.isEmpty();
  if (inspector_) inspector_->setActionsOff(off);  // its buttons say why, as the menus are off
  for (QAction* a : {killAction_, exitAction_, sendAction_, suspendAction_}) a->setEnabled(can);
  // The BEAM lets only a process itself set its trap_exit or register it: not from the window.
  for (QAction* a : {trapAction_, registerAction_}) a->setEnabled(can && !node);
  if (ergoMenu_) ergoMenu_->setEnabled(can && !node);
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
  if (!confirmOnNode(pid, tr("Process.exit(%1, :kill)").arg(pidText(pid)), Term(atoms::kill))) return;
  // Ergo mode: the node's Kill (E1.6); an exit :kill would be trapped like any other.
  source_->kill(pid, report(source_->semantics() == Semantics::Ergo ? tr("Kill(%1): the node's forced kill").arg(pidText(pid))
                                                                     : tr("Process.exit(%1, :kill)").arg(pidText(pid))));
}

void MainWindow::exitPid(Pid pid) {
  if (!pid.valid() || !canAct()) return;
  views::TermDialog dlg(views::TermDialog::Mode::ExitReason, pidText(pid), this, source_->semantics() == Semantics::Ergo);
  connect(&dlg, &views::TermDialog::termChanged, this, [this, pid](const Term& t) { previewKill(pid, t, true); });
  dlg.setText(QStringLiteral(":shutdown"));
  const bool ok = dlg.exec() == QDialog::Accepted && dlg.term();
  scene_->clearBlastRadius();
  if (!ok) return;
  const Term reason = *dlg.term();
  if (!confirmOnNode(pid, tr("Process.exit(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(reason))), reason)) return;
  source_->exit(pid, reason, report(tr("Process.exit(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(reason)))));
}

void MainWindow::sendTo(Pid pid) {
  if (!pid.valid() || !canAct()) return;
  views::TermDialog dlg(views::TermDialog::Mode::Message, pidText(pid), this);
  if (dlg.exec() != QDialog::Accepted || !dlg.term()) return;
  const Term msg = *dlg.term();
  if (!confirmOnNode(pid, tr("send(%1, %2)").arg(pidText(pid), QString::fromStdString(inspect(msg))), Term())) return;
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
  if (!confirmOnNode(pid, suspend ? tr("Suspending %1 (every call to it waits, or times out, until it is resumed)").arg(pidText(pid))
                                  : tr("Resuming %1").arg(pidText(pid)),
                     Term()))
    return;
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

void MainWindow::linkPids(Pid a, Pid b) {
  if (!a.valid() || !b.valid() || a == b || !canAct()) return;
  // Runtime::link: as if `a` called Process.link(b), whatever code `a` runs (Ergo: LinkPID, one-way).
  if (source_->semantics() == Semantics::Ergo) return relate(a, ergo::Target::process(b), views::Relation::Link);
  source_->link(a, b, report(tr("Linked %1 and %2 (Process.link)").arg(pidText(a), pidText(b)), tr("Could not link: ")));
}

void MainWindow::relate(Pid watcher, const ergo::Target& target, views::Relation what) {
  if (!watcher.valid() || !canAct()) return;
  QString t;
  switch (target.kind) {
    case ergo::Target::Kind::Pid: t = pidText(target.pid); break;
    case ergo::Target::Kind::Name: t = tr("the name %1").arg(QString::fromStdString(inspect_atom(target.name))); break;
    case ergo::Target::Kind::Node: t = tr("node %1").arg(model_->nodeText(target.node)); break;
    case ergo::Target::Kind::Alias: t = tr("the alias %1").arg(QString::fromStdString(inspect(Term(target.alias)))); break;
  }
  const QString w = pidText(watcher);
  QString done;
  switch (what) {
    case views::Relation::Link: done = tr("%1 now links to %2 (one-way: it gets an exit when %2 goes)").arg(w, t); break;
    case views::Relation::Unlink: done = tr("%1 no longer links to %2").arg(w, t); break;
    case views::Relation::Monitor: done = tr("%1 now monitors %2").arg(w, t); break;
    case views::Relation::Demonitor: done = tr("%1 no longer monitors %2").arg(w, t); break;
  }
  source_->relate(watcher, target, what, report(done));
}

void MainWindow::relateDialog(views::Relation what, ergo::Target::Kind kind) {
  const Pid watcher = currentPid();
  if (!model_->find(watcher) || !canAct()) return;
  const bool remove = what == views::Relation::Unlink || what == views::Relation::Demonitor;
  const bool link = what == views::Relation::Link || what == views::Relation::Unlink;
  // The likely targets, to pick from or to type over: processes (for a removal, the ones it
  // links to or monitors), registered names, nodes.
  QStringList items;
  std::vector<ergo::Target> targets;
  const views::ProcessRecord* self = model_->find(watcher);
  switch (kind) {
    case ergo::Target::Kind::Pid: {
      auto add = [&](Pid p) {
        items << pidText(p);
        targets.push_back(ergo::Target::process(p));
      };
      if (remove && link)
        for (Pid p : self->one_way_links) add(p);
      else if (remove)
        for (const auto& [ref, p] : self->monitors) add(p);
      else
        for (const auto& [key, r] : model_->processes())
          if (r.pid != watcher) add(r.pid);
      break;
    }
    case ergo::Target::Kind::Name:
      for (const auto& [key, r] : model_->processes())
        if (r.name != atoms::nil) {
          items << QString::fromStdString(inspect_atom(r.name));
          targets.push_back(ergo::Target::registered(r.name, r.node));
        }
      break;
    case ergo::Target::Kind::Node:
      // Not its own node: that is ErrNotAllowed (E1.4), so the first other node is the default.
      for (const NodeState& n : model_->graph().nodes())
        if (n.id != self->node) {
          items << model_->nodeText(n.id);
          targets.push_back(ergo::Target::node_of(n.id));
        }
      if (items.isEmpty()) {
        statusBar()->showMessage(tr("No other node: %1 runs on the only node, and a process cannot link to or monitor its own node")
                                     .arg(pidText(watcher)),
                                 8000);
        return;
      }
      break;
    case ergo::Target::Kind::Alias: return relateAliasDialog(what);
  }
  QString title;
  switch (what) {
    case views::Relation::Link: title = tr("Link to"); break;
    case views::Relation::Unlink: title = tr("Unlink"); break;
    case views::Relation::Monitor: title = tr("Monitor"); break;
    case views::Relation::Demonitor: title = tr("Demonitor"); break;
  }
  // Whole sentences, one per relation and kind of target (they do not compose in every language).
  const int k = kind == ergo::Target::Kind::Pid ? 0 : kind == ergo::Target::Kind::Name ? 1 : 2;
  QString prompt;
  switch (what) {
    case views::Relation::Link:
      prompt = k == 0   ? tr("Which process should %1 link to?")
               : k == 1 ? tr("Which registered name should %1 link to? It must be registered now (a free name is "
                             "ErrProcessUnknown); the link fires ErrUnregistered when the name goes.")
                        : tr("Which node should %1 link to?");
      break;
    case views::Relation::Monitor:
      prompt = k == 0   ? tr("Which process should %1 monitor?")
               : k == 1 ? tr("Which registered name should %1 monitor? It must be registered now (a free name is "
                             "ErrProcessUnknown); the monitor fires ErrUnregistered when the name goes.")
                        : tr("Which node should %1 monitor?");
      break;
    case views::Relation::Unlink:
      prompt = k == 0 ? tr("Which process should %1 no longer link to?")
               : k == 1 ? tr("Which name should %1 no longer link to?")
                        : tr("Which node should %1 no longer link to?");
      break;
    case views::Relation::Demonitor:
      prompt = k == 0 ? tr("Which process should %1 stop monitoring?")
               : k == 1 ? tr("Which name should %1 stop monitoring?")
                        : tr("Which node should %1 stop monitoring?");
      break;
  }
  bool ok = false;
  const QString pick = QInputDialog::getItem(this, title, prompt.arg(pidText(watcher)), items, 0,
                                             kind != ergo::Target::Kind::Node, &ok)
                           .trimmed();
  if (!ok || pick.isEmpty()) return;
  if (const qsizetype i = items.indexOf(pick); i >= 0) return relate(watcher, targets[size_t(i)], what);
  // Typed: a name (":worker" or "worker") or a pid's text.
  if (kind == ergo::Target::Kind::Pid) {
    const Pid p = findPid(pick);
    if (!p.valid()) {
      // As the runtime words an unknown target (EmbeddedSource): Ergo's error, then what is wrong.
      statusBar()->showMessage(QStringLiteral("ErrProcessUnknown: ") + tr("no process is %1").arg(pick), 6000);
      return;
    }
    return relate(watcher, ergo::Target::process(p), what);
  }
  const QString name = pick.startsWith(QLatin1Char(':')) ? pick.mid(1) : pick;
  relate(watcher, ergo::Target::registered(intern(name.toStdString()), self->node), what);
}

namespace {
/// An alias as the window offers it: "#Reference<...> (of #PID<0.84.0> :db)".
QString aliasItem(Ref alias, const QString& owner) {
  return QCoreApplication::translate("MainWindow", "%1 (of %2)").arg(QString::fromStdString(inspect(Term(alias))), owner);
}
/// A reference typed into a prompt ("#Reference<0.1.2.3>", with or without "(of ...)").
Ref typedAlias(QString text) {
  if (const qsizetype i = text.indexOf(QLatin1String(" (")); i > 0) text.truncate(i);
  const ParseResult r = parse_term(text.trimmed().toStdString());
  return r && r.term().is_ref() ? r.term().as_ref() : Ref{};
}
}  // namespace

void MainWindow::relateAliasDialog(views::Relation what) {
  const Pid watcher = currentPid();
  if (!model_->find(watcher) || !canAct()) return;
  source_->aliases([this, what, watcher](std::vector<std::pair<Ref, Pid>> all) {
    if (!model_->find(watcher) || !canAct()) return;
    QStringList items;
    std::vector<Ref> refs;
    for (const auto& [alias, owner] : all)
      if (owner != watcher) {  // its own alias is ErrNotAllowed (E1.4)
        items << aliasItem(alias, pidText(owner));
        refs.push_back(alias);
      }
    const bool add = what == views::Relation::Link || what == views::Relation::Monitor;
    if (items.isEmpty() && add) {
      statusBar()->showMessage(tr("No alias to choose: make one first (select a process, then Process > Ergo links and monitors > "
                                  "Create alias)"),
                               8000);
      return;
    }
    QString title, prompt;
    switch (what) {
      case views::Relation::Link:
        title = tr("Link to");
        prompt = tr("Which alias should %1 link to? The link fires ErrUnregistered when the alias is deleted.");
        break;
      case views::Relation::Monitor:
        title = tr("Monitor");
        prompt = tr("Which alias should %1 monitor? The monitor fires ErrUnregistered when the alias is deleted.");
        break;
      case views::Relation::Unlink:
        title = tr("Unlink");
        prompt = tr("Which alias should %1 no longer link to?");
        break;
      case views::Relation::Demonitor:
        title = tr("Demonitor");
        prompt = tr("Which alias should %1 stop monitoring?");
        break;
    }
    bool ok = false;
    const QString pick = QInputDialog::getItem(this, title, prompt.arg(pidText(watcher)), items, 0, true, &ok).trimmed();
    if (!ok || pick.isEmpty()) return;
    const qsizetype i = items.indexOf(pick);
    const Ref alias = i >= 0 ? refs[size_t(i)] : typedAlias(pick);
    if (!alias.id) {
      statusBar()->showMessage(QStringLiteral("ErrProcessUnknown: ") + tr("%1 is not an alias (#Reference<...>)").arg(pick), 6000);
      return;
    }
    relate(watcher, ergo::Target::alias_of(alias), what);
  });
}

void MainWindow::createAlias(Pid owner) {
  if (!owner.valid() || !canAct()) return;
  source_->createAlias(owner, [this, owner](const views::AliasResult& r) {
    if (!r.alias.id) {
      statusBar()->showMessage(tr("Refused: ") + r.error, 8000);
      return;
    }
    statusBar()->showMessage(tr("%1 has a new alias %2: link to it or monitor it (Process > Ergo links and monitors > ... an "
                                "alias); deleting it fires them with ErrUnregistered")
                                 .arg(pidText(owner), QString::fromStdString(inspect(Term(r.alias)))),
                             8000);
    if (inspector_->pid() == owner) requestDetails(owner);  // the inspector lists it
  });
}

void MainWindow::deleteAliasDialog() {
  const Pid owner = currentPid();
  if (!model_->find(owner) || !canAct()) return;
  source_->aliases([this, owner](std::vector<std::pair<Ref, Pid>> all) {
    if (!model_->find(owner) || !canAct()) return;
    QStringList items;
    std::vector<Ref> refs;
    for (const auto& [alias, o] : all)
      if (o == owner) {
        items << QString::fromStdString(inspect(Term(alias)));
        refs.push_back(alias);
      }
    if (items.isEmpty()) {
      statusBar()->showMessage(tr("%1 has no alias to delete").arg(pidText(owner)), 6000);
      return;
    }
    bool ok = false;
    const QString pick = QInputDialog::getItem(this, tr("Delete alias"),
                                               tr("Which alias of %1 should go? What links to it or monitors it fires with "
                                                  "ErrUnregistered; %1 lives on.")
                                                   .arg(pidText(owner)),
                                               items, 0, false, &ok);
    const qsizetype i = items.indexOf(pick);
    if (!ok || i < 0) return;
    const Ref alias = refs[size_t(i)];
    source_->deleteAlias(owner, alias,
                         [this, owner, alias](const views::CommandResult& r) {
                           statusBar()->showMessage(r.ok ? tr("Deleted the alias %1 of %2").arg(QString::fromStdString(inspect(Term(alias))), pidText(owner))
                                                         : tr("Refused: ") + r.error,
                                                    r.ok ? 4000 : 8000);
                           if (r.ok && inspector_->pid() == owner) requestDetails(owner);
                         });
  });
}

QMenu* MainWindow::createErgoMenu() {
  ergoMenu_ = new QMenu(tr("Ergo links and monitors"), this);
  ergoMenu_->setObjectName(QStringLiteral("ergoMenu"));
  ergoMenu_->setStatusTip(tr("Ergo mode: one-way links and monitors by pid, registered name, alias or node"));
  const std::pair<views::Relation, QString> whats[] = {{views::Relation::Link, tr("Link to")},
                                                       {views::Relation::Monitor, tr("Monitor")},
                                                       {views::Relation::Unlink, tr("Unlink")},
                                                       {views::Relation::Demonitor, tr("Demonitor")}};
  const std::pair<ergo::Target::Kind, QString> kinds[] = {{ergo::Target::Kind::Pid, tr("a process (by pid)...")},
                                                          {ergo::Target::Kind::Name, tr("a registered name...")},
                                                          {ergo::Target::Kind::Alias, tr("an alias...")},
                                                          {ergo::Target::Kind::Node, tr("a node...")}};
  for (const auto& [what, title] : whats) {
    QMenu* sub = ergoMenu_->addMenu(title);
    for (const auto& [kind, text] : kinds) {
      QAction* a = sub->addAction(text, this, [this, w = what, k = kind] { relateDialog(w, k); });
      a->setObjectName(QStringLiteral("ergo_%1_%2").arg(int(what)).arg(int(kind)));
    }
  }
  // Aliases (gen.Alias): made and deleted for the selected process, as if it called them.
  ergoMenu_->addSeparator();
  QAction* make = ergoMenu_->addAction(tr("Create alias"), this, [this] { createAlias(currentPid()); });
  make->setObjectName(QStringLiteral("ergo_create_alias"));
  make->setStatusTip(tr("A new alias of the selected process: others can link to it or monitor it by alias"));
  QAction* drop = ergoMenu_->addAction(tr("Delete alias..."), this, [this] { deleteAliasDialog(); });
  drop->setObjectName(QStringLiteral("ergo_delete_alias"));
  drop->setStatusTip(tr("Deletes one of the selected process's aliases: what links to it or monitors it fires ErrUnregistered"));
  ergoMenu_->menuAction()->setVisible(semantics_ == Semantics::Ergo);
  return ergoMenu_;
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

void MainWindow::cutConnection(quint16 a, quint16 b, bool heal) {
  if (a == b || !canAct() || !faults_) return;
  // A partition fault between the two nodes only (on the trace, the timeline, the session's plan).
  const Atom na = model_->graph().node_name(a), nb = model_->graph().node_name(b);
  if (na == atoms::nil || nb == atoms::nil) return;
  Fault f;
  f.kind = heal ? FaultKind::Heal : FaultKind::Partition;
  f.nodes = {na};
  f.rest = {nb};
  faults_->injectFault(f);
  statusBar()->showMessage(heal ? tr("Healed the partition between %1 and %2: they connect again on next use")
                                      .arg(model_->nodeText(a), model_->nodeText(b))
                                : tr("Cut the connection between %1 and %2: links and monitors across it fire "
                                     ":noconnection on both sides. Click the broken connection to heal it.")
                                      .arg(model_->nodeText(a), model_->nodeText(b)),
                           8000);
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
  const views::BlastRadius r = views::computeBlastRadius(views::topologyOf(*model_), pid, reason, model_->semantics());
  scene_->showBlastRadius(pid, r);
  QStringList dies;
  for (const auto& d : r.dies) dies << pidText(d.pid);
  const QString line = model_->ergo() ? tr("Blast radius: %1 terminate, %2 get MessageExitPID, %3 get MessageDownPID")
                                     : tr("Blast radius: %1 die, %2 get an EXIT message, %3 get a DOWN");
  statusBar()->showMessage(line.arg(r.dies.size()).arg(r.trapsExit.size()).arg(r.getsDown.size()), 5000);
}

void MainWindow::requestDetails(Pid pid) {
  if (!pid.valid()) return;
  source_->details(pid, [this, pid](views::ProcessDetails d) { inspector_->setDetails(pid, d.info, d.messages, std::move(d.aliases)); });
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
    const bool ergo = source_->semantics() == Semantics::Ergo;
    QAction* kill = menu.addAction(ergo ? tr("Kill (the node's Kill: forced)") : tr("Kill (untrappable)"), this,
                                   [this, pid] { killPid(pid); });
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
    trap->setEnabled(trapAction_->isEnabled());
    kill->setEnabled(killAction_->isEnabled());
    ex->setEnabled(exitAction_->isEnabled());
    menu.addAction(r && r->suspended ? tr("Resume") : tr("Suspend"), this,
                   [this, pid, s = !(r && r->suspended)] { suspendPid(pid, s); })
        ->setShortcut(suspendAction_->shortcut());
    for (QAction* a : menu.actions())
      if (a->shortcut() == sendAction_->shortcut() || a->shortcut() == suspendAction_->shortcut()) a->setEnabled(sendAction_->isEnabled());
    menu.addAction(tr("Register a name..."), this, [this, pid] { registerName(pid); })->setEnabled(registerAction_->isEnabled());
    if (ergo && ergoMenu_) menu.addMenu(ergoMenu_);  // acts on the selection, which is `pid` now
    if (r && (scene_->foldable(*r) || scene_->collapsed(pid))) {
      if (scene_->collapsed(pid))
        menu.addAction(tr("Expand its subtree (%L1 processes)").arg(scene_->hiddenUnder(pid)), this, [this, pid] {
          scene_->expandSubtree(pid);
          followAfterLayout(pid);
        });
      else
        menu.addAction(tr("Collapse its subtree"), this, [this, pid] {
          scene_->collapseSubtree(pid);
          followAfterLayout(pid);
        });
    }
    if (views::NodeItem* n = scene_->node(pid); n && n->pinned())
      menu.addAction(tr("Unpin (let the layout place it)"), this, [this, pid] {  // by pid: the item may be gone by then
        if (views::NodeItem* item = scene_->node(pid)) item->setPinned(false);
      });
    menu.addSeparator();
  }
  menu.addMenu(spawnMenu_);
  menu.addAction(fitAction_);
  connect(&menu, &QMenu::aboutToHide, scene_, &views::GraphScene::clearBlastRadius);
  menu.exec(globalPos);
}

// ---- building the window -------------------------------------------------------------------------

}  // namespace actorscope::app
