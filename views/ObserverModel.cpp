#include "ObserverModel.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

namespace actorscope::views {

namespace {
constexpr size_t kDeadKept = 4096;

bool looksLikeSupervisor(const Term& mfa) {
  if (!mfa.is_tuple() || mfa.tuple_size() < 1 || !mfa[0].is_atom()) return false;
  std::string m(atom_name(mfa[0].as_atom()));
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return m.find("supervisor") != std::string::npos;
}

template <class V, class P>
bool eraseIf(V& v, P pred) {
  auto it = std::remove_if(v.begin(), v.end(), pred);
  bool changed = it != v.end();
  v.erase(it, v.end());
  return changed;
}

bool addLink(ProcessRecord& r, Pid other) {
  if (std::find(r.links.begin(), r.links.end(), other) != r.links.end()) return false;
  r.links.push_back(other);
  return true;
}
}  // namespace

ObserverModel::ObserverModel(QObject* parent) : QObject(parent) {
  qRegisterMetaType<ModelDelta>();
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

void ObserverModel::refreshFields(const Snapshot& s, ModelDelta& d) {
  for (const ProcessSnapshot& p : s.processes) {
    ProcessRecord* r = get(p.pid.serial());
    if (!r) continue;
    const uint32_t queue = sampled_ ? p.message_queue_len : r->message_queue_len;
    if (r->status == p.status && r->reductions == p.reductions && r->memory == p.memory && r->message_queue_len == queue)
      continue;
    r->status = p.status;
    r->reductions = p.reductions;
    r->memory = p.memory;
    r->message_queue_len = queue;
    touch(p.pid.serial(), d);
  }
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
  for (const auto& [key, r] : live_) d.removed.push_back(key);
  d.relationsChanged = !d.removed.empty();
  live_.clear();
  dead_.clear();
  deadOrder_.clear();
  backlog_.clear();
  hasSnapshot_ = false;
  wantsFull_ = true;
  sampled_ = false;
  snapSeq_ = 0;
  dropped_ = 0;
  messages_ = exits_ = eventsApplied_ = 0;
  nextOrder_ = 1;
  roleChanged_.clear();
  tickEvents_.clear();
  d.events = &tickEvents_;
  if (!d.removed.empty()) emit updated(d);
}

const ProcessRecord* ObserverModel::find(uint32_t serial) const {
  auto it = live_.find(serial);
  return it == live_.end() ? nullptr : &it->second;
}

const ProcessRecord* ObserverModel::findAny(uint32_t serial) const {
  if (auto* r = find(serial)) return r;
  auto it = dead_.find(serial);
  return it == dead_.end() ? nullptr : &it->second;
}

ProcessRecord* ObserverModel::get(uint32_t serial) {
  auto it = live_.find(serial);
  return it == live_.end() ? nullptr : &it->second;
}

Pid ObserverModel::whereis(Atom name) const {
  for (const auto& [s, r] : live_)
    if (r.name == name) return r.pid;
  return {};
}

QString ObserverModel::label(const ProcessRecord& r) {
  if (r.name != atoms::nil) return QString::fromStdString(inspect_atom(r.name));
  switch (r.console) {
    case ConsoleRole::Shell: return QStringLiteral("iex shell");
    case ConsoleRole::ShellServer: return QStringLiteral("shell server");
    case ConsoleRole::None: break;
  }
  return QString::fromStdString(inspect_pid(r.pid));
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
    auto it = live_.find(s);
    ProcessRecord* r = it != live_.end() ? &it->second : nullptr;
    if (!r) {
      auto d = dead_.find(s);
      if (d != dead_.end()) r = &d->second;
      if (r && r->console == ConsoleRole::Shell) shells_.erase(s);  // already presented dead
    }
    if (r && r->console != roleOf(s)) {
      r->console = roleOf(s);
      roleChanged_.push_back(s);
    }
  }
}

void ObserverModel::touch(uint32_t serial, ModelDelta& d) {
  if (touched_.insert(serial).second) d.updated.push_back(serial);
}

TickWork ObserverModel::processPending(size_t maxEvents) {
  assertThread();
  TickWork w;
  ModelDelta d;
  touched_.clear();
  tickEvents_.clear();
  for (uint32_t s : roleChanged_)
    if (live_.count(s)) touch(s, d);
  roleChanged_.clear();
  if (hasSnapshot_) {
    if (snapshotFull_) {
      applySnapshot(snapshot_, d);
      wantsFull_ = false;
    } else {
      refreshFields(snapshot_, d);
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
    apply(tickEvents_.back(), d);
  }
  w.events = n;
  w.backlog = backlog_.size();
  eventsApplied_ += n;
  // A process added and removed in the same tick is reported as removed only.
  if (!d.removed.empty() && !d.added.empty()) {
    std::unordered_set<uint32_t> gone(d.removed.begin(), d.removed.end());
    eraseIf(d.added, [&](uint32_t s) { return gone.count(s) > 0; });
    eraseIf(d.updated, [&](uint32_t s) { return gone.count(s) > 0; });
  }
  if (!d.added.empty() && !d.updated.empty()) {
    std::unordered_set<uint32_t> fresh(d.added.begin(), d.added.end());
    eraseIf(d.updated, [&](uint32_t s) { return fresh.count(s) > 0; });
  }
  d.events = &tickEvents_;
  if (!d.empty() || !tickEvents_.empty()) emit updated(d);
  return w;
}

void ObserverModel::applySnapshot(const Snapshot& s, ModelDelta& d) {
  d.resynced = true;
  snapSeq_ = s.seq;
  std::unordered_set<uint32_t> present;
  present.reserve(s.processes.size() * 2);
  for (const ProcessSnapshot& p : s.processes) {
    const uint32_t key = p.pid.serial();
    present.insert(key);
    auto it = live_.find(key);
    if (it == live_.end()) {
      if (dead_.count(key)) continue;  // we saw it die after the snapshot was taken
      ProcessRecord r;
      r.pid = p.pid;
      r.parent = p.parent;
      r.name = p.name;
      r.status = p.status;
      r.trap_exit = p.trap_exit;
      r.suspended = p.suspended;
      r.message_queue_len = p.message_queue_len;
      r.reductions = p.reductions;
      r.memory = p.memory;
      r.initial_call = p.initial_call;
      r.links = p.links;
      r.monitors = p.monitors;
      r.monitored_by = p.monitored_by;
      r.supervisor = looksLikeSupervisor(p.initial_call);
      r.console = roleOf(key);
      r.order = nextOrder_++;
      live_.emplace(key, std::move(r));
      d.added.push_back(key);
      d.relationsChanged = true;
      continue;
    }
    ProcessRecord& r = it->second;
    const bool fields = r.name != p.name || r.status != p.status || r.trap_exit != p.trap_exit ||
                        r.suspended != p.suspended || r.message_queue_len != p.message_queue_len ||
                        r.reductions != p.reductions || r.memory != p.memory;
    const bool rel = r.links != p.links || r.monitors != p.monitors || r.monitored_by != p.monitored_by ||
                     r.parent != p.parent;
    r.name = p.name;
    r.status = p.status;
    r.trap_exit = p.trap_exit;
    r.suspended = p.suspended;
    r.message_queue_len = p.message_queue_len;
    r.reductions = p.reductions;
    r.memory = p.memory;
    if (rel) {
      r.links = p.links;
      r.monitors = p.monitors;
      r.monitored_by = p.monitored_by;
      r.parent = p.parent;
      d.relationsChanged = true;
    }
    if (fields || rel) touch(key, d);
  }
  // Gone from the runtime: ended while we were not looking.
  std::vector<uint32_t> vanished;
  for (const auto& [key, r] : live_)
    if (!present.count(key)) vanished.push_back(key);
  for (uint32_t key : vanished) kill(key, Term(atoms::unknown), d);
}

void ObserverModel::kill(uint32_t serial, const Term& reason, ModelDelta& d) {
  auto it = live_.find(serial);
  if (it == live_.end()) {
    // A snapshot saw it gone before its Exit event came: the event tells why it ended.
    auto dead = dead_.find(serial);
    if (dead != dead_.end() && dead->second.exit_reason.is_atom(atoms::unknown) && !reason.is_atom(atoms::unknown)) {
      dead->second.exit_reason = reason;
      touched_.insert(serial);
    }
    return;
  }
  ProcessRecord r = std::move(it->second);
  live_.erase(it);
  const Pid pid = r.pid;
  for (Pid peer : r.links)
    if (ProcessRecord* p = get(peer.serial())) {
      eraseIf(p->links, [&](Pid x) { return x == pid; });
      touch(peer.serial(), d);
    }
  for (auto& [ref, target] : r.monitors)
    if (ProcessRecord* t = get(target.serial())) {
      eraseIf(t->monitored_by, [&, ref = ref](const auto& m) { return m.first == ref; });
      touch(target.serial(), d);
    }
  // Watchers keep their monitor until the DOWN arrives (drawn along the arrow meanwhile);
  // the model drops it now since the target is gone.
  for (auto& [ref, watcher] : r.monitored_by)
    if (ProcessRecord* w = get(watcher.serial())) {
      eraseIf(w->monitors, [&, ref = ref](const auto& m) { return m.first == ref; });
      touch(watcher.serial(), d);
    }
  r.alive = false;
  r.exit_reason = reason;
  r.status = ProcessStatus::Exiting;
  if (shells_.erase(serial) > 0) r.console = ConsoleRole::None;  // a dead shell is no longer the shell
  r.message_queue_len = 0;
  dead_[serial] = std::move(r);
  deadOrder_.push_back(serial);
  while (deadOrder_.size() > kDeadKept) {
    dead_.erase(deadOrder_.front());
    deadOrder_.pop_front();
  }
  d.removed.push_back(serial);
  d.relationsChanged = true;
  touched_.insert(serial);
}

void ObserverModel::applyRestart(const TraceEvent& e, ModelDelta& d) {
  const uint32_t a = e.a.serial();
  const uint32_t b = e.b.serial();
  if (ProcessRecord* sup = get(a); sup && !sup->supervisor) {
    sup->supervisor = true;
    touch(a, d);
    d.relationsChanged = true;
  }
  const ProcessRecord* old = findAny(e.pid2.serial());
  if (ProcessRecord* fresh = get(b); fresh && old) {
    fresh->order = old->order;  // the new child takes the old one's place
    fresh->restarts = old->restarts + 1;
    touch(b, d);
    d.relationsChanged = true;
  }
}

void ObserverModel::apply(const TraceEvent& e, ModelDelta& d) {
  // Counters follow every event; state changes only from events the snapshot does not reflect.
  switch (e.kind) {
    case TraceKind::Send:
      messages_ += e.weight;
      sampled_ = sampled_ || e.weight > 1;
      break;
    case TraceKind::Exit: ++exits_; break;
    default: break;
  }
  const uint32_t a = e.a.serial();
  const uint32_t b = e.b.serial();
  // Facts a snapshot does not carry (why a process ended, that a child is a restart) are taken
  // from the event even when a newer snapshot already showed the result.
  if (e.seq < snapSeq_) {
    if (e.kind == TraceKind::Exit) {
      auto it = dead_.find(a);
      if (it != dead_.end() && it->second.exit_reason.is_atom(atoms::unknown)) {
        it->second.exit_reason = e.term;
        touched_.insert(a);
      }
    } else if (e.kind == TraceKind::Restart) {
      applyRestart(e, d);
    }
    return;
  }
  switch (e.kind) {
    case TraceKind::Spawn: {
      if (live_.count(a) || dead_.count(a)) break;
      ProcessRecord r;
      r.pid = e.a;
      r.parent = e.b;
      r.initial_call = e.term;
      r.supervisor = looksLikeSupervisor(e.term);
      r.console = roleOf(a);
      r.order = nextOrder_++;
      r.seen_seq = e.seq;
      live_.emplace(a, std::move(r));
      d.added.push_back(a);
      touched_.insert(a);
      d.relationsChanged = true;
      break;
    }
    case TraceKind::Exit: kill(a, e.term, d); break;
    case TraceKind::Link: {
      ProcessRecord* ra = get(a);
      ProcessRecord* rb = get(b);
      if (!ra || !rb) break;
      bool c = addLink(*ra, e.b);
      c = addLink(*rb, e.a) || c;
      if (c) {
        d.relationsChanged = true;
        touch(a, d);
        touch(b, d);
      }
      break;
    }
    case TraceKind::Unlink: {
      bool c = false;
      if (ProcessRecord* ra = get(a)) c = eraseIf(ra->links, [&](Pid x) { return x == e.b; }) || c;
      if (ProcessRecord* rb = get(b)) c = eraseIf(rb->links, [&](Pid x) { return x == e.a; }) || c;
      if (c) {
        d.relationsChanged = true;
        touch(a, d);
        touch(b, d);
      }
      break;
    }
    case TraceKind::Monitor: {
      ProcessRecord* ra = get(a);
      ProcessRecord* rb = get(b);
      if (!ra || !rb) break;
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      if (std::none_of(ra->monitors.begin(), ra->monitors.end(), same)) ra->monitors.push_back({e.ref, e.b});
      if (std::none_of(rb->monitored_by.begin(), rb->monitored_by.end(), same))
        rb->monitored_by.push_back({e.ref, e.a});
      d.relationsChanged = true;
      touch(a, d);
      touch(b, d);
      break;
    }
    case TraceKind::Demonitor: {
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      bool c = false;
      if (ProcessRecord* ra = get(a)) c = eraseIf(ra->monitors, same) || c;
      if (ProcessRecord* rb = get(b)) {
        c = eraseIf(rb->monitored_by, same) || c;
      } else if (!e.b.valid()) {
        for (auto& [key, r] : live_) c = eraseIf(r.monitored_by, same) || c;
      }
      if (c) {
        d.relationsChanged = true;
        touch(a, d);
        if (get(b)) touch(b, d);
      }
      break;
    }
    case TraceKind::SignalSent: break;
    case TraceKind::SignalDelivered:
      if (e.outcome == SignalOutcome::Trapped || e.outcome == SignalOutcome::DownQueued) {
        if (ProcessRecord* rb = get(b)) {
          ++rb->message_queue_len;
          touch(b, d);
        }
      }
      if (e.signal == SignalType::Down && e.outcome == SignalOutcome::DownQueued) {
        if (ProcessRecord* rb = get(b)) {
          auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
          if (eraseIf(rb->monitors, same)) d.relationsChanged = true;
        }
      }
      break;
    // A sampled message event (weight > 1) stands for messages between other pairs too: mailbox
    // sizes then come from the periodic snapshots alone.
    case TraceKind::Send:
      if (ProcessRecord* rb = get(b); rb && e.weight == 1) {
        ++rb->message_queue_len;
        touch(b, d);
      }
      break;
    case TraceKind::Receive:
      if (ProcessRecord* ra = get(a); ra && e.weight == 1) {
        if (ra->message_queue_len > 0) --ra->message_queue_len;
        touch(a, d);
      }
      break;
    case TraceKind::TrapExit:
      if (ProcessRecord* ra = get(a); ra && ra->trap_exit != e.flag) {
        ra->trap_exit = e.flag;
        touch(a, d);
      }
      break;
    case TraceKind::Register:
      if (ProcessRecord* ra = get(a)) {
        ra->name = e.name;
        touch(a, d);
      }
      break;
    case TraceKind::Unregister:
      if (ProcessRecord* ra = get(a); ra && ra->name == e.name) {
        ra->name = Atom{atoms::nil.id};
        touch(a, d);
      }
      break;
    case TraceKind::Suspend:
    case TraceKind::Resume:
      if (ProcessRecord* ra = get(a)) {
        ra->suspended = e.kind == TraceKind::Suspend;
        ra->status = ra->suspended ? ProcessStatus::Suspended : ProcessStatus::Waiting;
        touch(a, d);
      }
      break;
    case TraceKind::Restart: applyRestart(e, d); break;
    case TraceKind::Fault: break;  // the event that follows (exit, suspend, ...) changes the state
  }
}

}  // namespace actorscope::views
