#include "ObserverModel.h"
#include "EventText.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

namespace actorscope::views {

namespace {
template <class V, class P>
bool eraseIf(V& v, P pred) {
  auto it = std::remove_if(v.begin(), v.end(), pred);
  bool changed = it != v.end();
  v.erase(it, v.end());
  return changed;
}
}  // namespace

ObserverModel::ObserverModel(QObject* parent) : QObject(parent) {
  qRegisterMetaType<ModelDelta>();
  graph_.set_track_in_flight(false);  // the scene draws the pulses; the model needs no list
  graph_.role_of = [this](uint32_t serial) { return roleOf(serial); };
}

void ObserverModel::assertThread() const {
  Q_ASSERT_X(QThread::currentThread() == thread(), "ObserverModel", "used from a foreign thread");
}

void ObserverModel::enqueue(std::vector<TraceEvent>&& events) {
  assertThread();
  if (backlog_.size() + events.size() > kMaxBacklog) {
    // Falling behind: coalesce. The snapshot we ask for replaces what is dropped here.
    backlog_.clear();
    wantsFull_ = true;
    emit resyncNeeded();
    return;
  }
  for (auto& e : events) backlog_.push_back(std::move(e));
}

void ObserverModel::enqueueSnapshot(Snapshot snapshot, bool full) {
  assertThread();
  full = full || wantsFull_;
  snapshotFull_ = hasSnapshot_ ? (snapshotFull_ || full) : full;  // a pending full one stays full
  snapshot_ = std::move(snapshot);
  hasSnapshot_ = true;
}

void ObserverModel::setDroppedEvents(uint64_t dropped) {
  if (dropped > dropped_) {
    dropped_ = dropped;
    wantsFull_ = true;
    emit resyncNeeded();
  }
}

void ObserverModel::clear() {
  assertThread();
  ModelDelta d;
  for (const auto& [key, r] : graph_.processes()) d.removed.push_back(key);
  d.relationsChanged = !d.removed.empty();
  d.nodesChanged = !graph_.nodes().empty();
  graph_.clear();
  backlog_.clear();
  hasSnapshot_ = false;
  wantsFull_ = true;
  sampled_ = false;
  dropped_ = 0;
  eventsApplied_ = 0;
  roleChanged_.clear();
  tickEvents_.clear();
  d.events = &tickEvents_;
  if (!d.removed.empty() || d.nodesChanged) emit updated(d);
}

QString ObserverModel::label(const ProcessRecord& r) {
  if (r.name != atoms::nil) return QString::fromStdString(inspect_atom(r.name));
  switch (r.console) {
    case ConsoleRole::Shell: return QCoreApplication::translate("ObserverModel", "iex shell");
    case ConsoleRole::ShellServer: return QCoreApplication::translate("ObserverModel", "shell server");
    case ConsoleRole::None: break;
  }
  if (r.label.is_atom() && isApplicationMaster(r))
    return QCoreApplication::translate("ObserverModel", "%1 (app)").arg(QString::fromStdString(std::string(atom_name(r.label.as_atom()))));
  // A child id or a Registry key, as iex prints it, kept short enough for a node's label.
  if (!r.label.is_atom(atoms::nil)) return termTextShort(r.label, 28);
  return views::pidText(r.pid, r.node);
}

bool ObserverModel::isApplicationMaster(const ProcessRecord& r) {
  static const Atom master = intern("application_master"), init = intern("init");
  const Term& ic = r.initial_call;
  return ic.is_tagged(master, 3) && ic[1].is_atom(init) && ic[2].is_integer() && ic[2].as_integer() == 4;
}

QString ObserverModel::pidText(Pid p) const { return views::pidText(p, graph_.node_of(p.serial())); }

QString ObserverModel::nodeText(uint16_t node) const {
  const Atom a = graph_.node_name(node);
  return a == atoms::nil ? QCoreApplication::translate("ObserverModel", "node %1").arg(node)
                         : QString::fromStdString(std::string(atom_name(a)));
}

ConsoleRole ObserverModel::roleOf(uint32_t serial) const {
  if (shells_.count(serial)) return ConsoleRole::Shell;
  if (server_.valid() && serial == server_.serial()) return ConsoleRole::ShellServer;
  return ConsoleRole::None;
}

void ObserverModel::setConsolePids(Pid shell, Pid server) {
  assertThread();
  // The console learns of a new shell at once, the picture when the playhead gets there: a
  // former shell keeps its role until its end is presented (kill() takes it away).
  std::vector<uint32_t> before(shells_.begin(), shells_.end());
  if (server_.valid()) before.push_back(server_.serial());
  if (!shell.valid()) shells_.clear();
  else shells_.insert(shell.serial());
  shell_ = shell;
  server_ = server;
  if (shell.valid()) before.push_back(shell.serial());
  if (server.valid()) before.push_back(server.serial());
  for (const uint32_t s : before) {
    ProcessRecord* r = graph_.find_any_mutable(s);
    if (r && !r->alive && r->console == ConsoleRole::Shell) shells_.erase(s);  // already presented dead
    if (r && r->console != roleOf(s)) {
      r->console = roleOf(s);
      roleChanged_.push_back(s);
    }
  }
}

void ObserverModel::dropEndedShells(const GraphChanges& ch) {
  for (uint32_t s : ch.removed)
    if (shells_.erase(s) > 0)
      if (ProcessRecord* r = graph_.find_any_mutable(s)) r->console = ConsoleRole::None;  // no longer the shell
}

TickWork ObserverModel::processPending(size_t maxEvents) {
  assertThread();
  TickWork w;
  ModelDelta d;
  changes_.clear();
  tickEvents_.clear();
  for (uint32_t s : roleChanged_)
    if (graph_.find(s)) changes_.touch(s);
  roleChanged_.clear();
  if (hasSnapshot_) {
    if (snapshotFull_) {
      graph_.resync(snapshot_, &changes_);
      d.resynced = true;
      wantsFull_ = false;
    } else {
      graph_.refresh_fields(snapshot_, sampled_ || queuesFromSnapshots_, &changes_);
    }
    w.snapshotProcesses = snapshot_.processes.size();
    snapshot_ = Snapshot{};
    hasSnapshot_ = false;
  }
  const size_t n = std::min(maxEvents, backlog_.size());
  tickEvents_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    tickEvents_.push_back(std::move(backlog_.front()));
    backlog_.pop_front();
    const TraceEvent& e = tickEvents_.back();
    sampled_ = sampled_ || (e.kind == TraceKind::Send && e.weight > 1);
    graph_.apply(e, &changes_);
  }
  dropEndedShells(changes_);
  w.events = n;
  w.backlog = backlog_.size();
  eventsApplied_ += n;
  d.added = std::move(changes_.added);
  d.removed = std::move(changes_.removed);
  d.updated = std::move(changes_.updated);
  d.relationsChanged = changes_.relations;
  d.nodesChanged = changes_.nodes;
  // A process added and removed in the same tick is reported as removed (and passed) only.
  if (!d.removed.empty() && !d.added.empty()) {
    std::unordered_set<uint32_t> gone(d.removed.begin(), d.removed.end());
    for (uint32_t s : d.added)
      if (gone.count(s)) d.passed.push_back(s);
    eraseIf(d.added, [&](uint32_t s) { return gone.count(s) > 0; });
    eraseIf(d.updated, [&](uint32_t s) { return gone.count(s) > 0; });
  }
  if (!d.added.empty() && !d.updated.empty()) {
    std::unordered_set<uint32_t> fresh(d.added.begin(), d.added.end());
    eraseIf(d.updated, [&](uint32_t s) { return fresh.count(s) > 0; });
  }
  // Updated means alive and changed: an ended one is reported as removed.
  if (!d.updated.empty()) eraseIf(d.updated, [&](uint32_t s) { return graph_.find(s) == nullptr; });
  d.events = &tickEvents_;
  if (!d.empty() || !tickEvents_.empty()) emit updated(d);
  return w;
}

}  // namespace actorscope::views
