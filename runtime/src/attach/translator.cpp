#include "translator.hpp"

#include <algorithm>

namespace actorscope::attach {

namespace {

const Term* field(const Term& map, const char* key) { return map.is_map() ? map.map_get(Term::atom(key)) : nullptr; }

ProcessStatus status_of(const Term& t) {
  if (!t.is_atom()) return ProcessStatus::Waiting;
  const std::string_view s = atom_name(t.as_atom());
  if (s == "running" || s == "garbage_collecting") return ProcessStatus::Running;
  if (s == "runnable") return ProcessStatus::Runnable;
  if (s == "suspended") return ProcessStatus::Suspended;
  if (s == "exiting") return ProcessStatus::Exiting;
  return ProcessStatus::Waiting;
}

std::vector<Pid> pids_in(const Term* list) {
  std::vector<Pid> out;
  if (!list) return out;
  for (const Term& e : list->list_elements())
    if (e.is_pid()) out.push_back(e.as_pid());
  return out;
}

uint64_t key(Pid a, Pid b) { return uint64_t{a.serial()} << 32 | b.serial(); }

bool contains(const std::vector<Pid>& v, Pid p) { return std::find(v.begin(), v.end(), p) != v.end(); }

void erase(std::vector<Pid>& v, Pid p) { v.erase(std::remove(v.begin(), v.end(), p), v.end()); }

}  // namespace

void Translator::start(int64_t origin_ns, Pid agent) {
  origin_ = origin_ns;
  agent_ = agent;
  now_ = 0;
}

int64_t Translator::time(const Term& t) {
  if (t.is_integer()) now_ = std::max(now_, t.as_integer() - origin_);
  return now_;
}

TraceEvent Translator::make(TraceKind k, Pid a, Pid b) {
  TraceEvent e;
  e.seq = seq_++;
  e.time_ns = now_;
  e.kind = k;
  e.a = a;
  e.b = b;
  return e;
}

void Translator::clear() {
  // Swapped with empty ones: clear() would keep the buckets of a million processes.
  decltype(procs_)().swap(procs_);
  decltype(snap_monitors_)().swap(snap_monitors_);
  decltype(snap_monitored_by_)().swap(snap_monitored_by_);
  decltype(monitor_refs_)().swap(monitor_refs_);
  decltype(pending_)().swap(pending_);
  decltype(child_exits_)().swap(child_exits_);
  decltype(labels_)().swap(labels_);
  decltype(ended_calls_)().swap(ended_calls_);
  decltype(early_exits_)().swap(early_exits_);
  decltype(early_events_)().swap(early_events_);
}

Translator::Proc* Translator::get(Pid p) {
  auto it = procs_.find(p.serial());
  return it == procs_.end() ? nullptr : &it->second;
}

Ref Translator::monitor_ref(Pid watcher, Pid target) {
  auto [it, fresh] = monitor_refs_.try_emplace(key(watcher, target), Ref{});
  if (fresh) it->second = pids_.new_ref();
  return it->second;
}

bool Translator::snapshot_proc(const Term& proc) {
  const Term* pid = field(proc, "pid");
  if (!pid || !pid->is_pid()) return false;
  Proc p;
  p.s.pid = pid->as_pid();
  if (const Term* t = field(proc, "parent"); t && t->is_pid()) p.s.parent = t->as_pid();
  if (const Term* t = field(proc, "name"); t && t->is_atom() && !t->is_atom(atoms::undefined)) p.s.name = t->as_atom();
  if (const Term* t = field(proc, "initial_call")) p.s.initial_call = *t;
  p.s.links = pids_in(field(proc, "links"));
  if (const Term* t = field(proc, "message_queue_len"); t && t->is_integer()) p.s.message_queue_len = uint32_t(t->as_integer());
  if (const Term* t = field(proc, "trap_exit")) p.s.trap_exit = t->as_bool();
  if (const Term* t = field(proc, "status")) p.s.status = status_of(*t);
  p.s.suspended = p.s.status == ProcessStatus::Suspended;
  if (const Term* t = field(proc, "reductions"); t && t->is_integer()) p.s.reductions = uint64_t(t->as_integer());
  if (const Term* t = field(proc, "memory"); t && t->is_integer()) p.s.memory = uint64_t(t->as_integer());
  if (const Term* t = field(proc, "label"); t && !t->is_atom(atoms::undefined)) {
    p.label = *t;
    labels_[p.s.pid.serial()] = *t;
  }
  snap_monitors_.emplace_back(p.s.pid.serial(), pids_in(field(proc, "monitors")));
  snap_monitored_by_.emplace_back(p.s.pid.serial(), pids_in(field(proc, "monitored_by")));
  procs_[p.s.pid.serial()] = std::move(p);
  return true;
}

bool Translator::snapshot_proc(const char* buf, int* index) {
  int arity = 0;
  if (ei_decode_map_header(buf, index, &arity) < 0) return false;
  Proc p;
  std::vector<Pid> monitors, monitored_by;
  bool have_pid = false;
  char key[MAXATOMLEN_UTF8];
  auto pid_list = [&](std::vector<Pid>& out) {
    Term t;
    if (!decode(buf, index, pids_, t)) return false;
    for (const Term& e : t.list_elements())
      if (e.is_pid()) out.push_back(e.as_pid());
    return true;
  };
  for (int i = 0; i < arity; ++i) {
    if (ei_decode_atom_as(buf, index, key, sizeof key, ERLANG_UTF8, nullptr, nullptr) < 0) return false;
    const std::string_view k(key);
    if (k == "pid") {
      erlang_pid ep;
      if (ei_decode_pid(buf, index, &ep) < 0) return false;
      p.s.pid = pids_.local(ep);
      have_pid = true;
      continue;
    }
    if (k == "links" || k == "monitors" || k == "monitored_by") {
      if (!pid_list(k == "links" ? p.s.links : k == "monitors" ? monitors : monitored_by)) return false;
      continue;
    }
    Term v;
    if (!decode(buf, index, pids_, v)) return false;
    if (k == "parent" && v.is_pid()) p.s.parent = v.as_pid();
    else if (k == "name" && v.is_atom() && !v.is_atom(atoms::undefined)) p.s.name = v.as_atom();
    else if (k == "initial_call") p.s.initial_call = v;
    else if (k == "message_queue_len" && v.is_integer()) p.s.message_queue_len = uint32_t(v.as_integer());
    else if (k == "trap_exit") p.s.trap_exit = v.as_bool();
    else if (k == "status") p.s.status = status_of(v);
    else if (k == "reductions" && v.is_integer()) p.s.reductions = uint64_t(v.as_integer());
    else if (k == "memory" && v.is_integer()) p.s.memory = uint64_t(v.as_integer());
    else if (k == "label" && !v.is_atom(atoms::undefined)) p.label = v;
  }
  if (!have_pid) return false;
  p.s.suspended = p.s.status == ProcessStatus::Suspended;
  if (!p.label.is_atom(atoms::nil)) labels_[p.s.pid.serial()] = p.label;
  snap_monitors_.emplace_back(p.s.pid.serial(), std::move(monitors));
  snap_monitored_by_.emplace_back(p.s.pid.serial(), std::move(monitored_by));
  procs_[p.s.pid.serial()] = std::move(p);
  return true;
}

Snapshot Translator::finish_snapshot(int64_t node_now_ns, std::vector<TraceEvent>& out) {
  now_ = std::max<int64_t>(now_, node_now_ns - origin_);
  for (auto& [serial, targets] : snap_monitors_) {
    Proc* w = get(Pid::make(0, serial));
    if (!w) continue;
    for (Pid t : targets) w->s.monitors.emplace_back(monitor_ref(w->s.pid, t), t);
  }
  for (auto& [serial, watchers] : snap_monitored_by_) {
    Proc* t = get(Pid::make(0, serial));
    if (!t) continue;
    for (Pid w : watchers) t->s.monitored_by.emplace_back(monitor_ref(w, t->s.pid), w);
  }
  snap_monitors_.clear();
  snap_monitored_by_.clear();
  // A link is symmetric: a side the snapshot read after the other changed is made to agree.
  for (auto& [serial, p] : procs_)
    for (Pid l : p.s.links)
      if (Proc* o = get(l); o && !contains(o->s.links, p.s.pid)) o->s.links.push_back(p.s.pid);
  Snapshot s = snapshot();
  for (auto& [serial, p] : procs_)
    if (!p.label.is_atom(atoms::nil) && !p.label.is_atom(p.s.name)) {  // a child id that is not its name
      TraceEvent e = make(TraceKind::Label, p.s.pid);
      e.term = p.label;
      out.push_back(std::move(e));
    }
  return s;
}

Snapshot Translator::snapshot() const {
  Snapshot s;
  s.seq = seq_;
  s.time_ns = now_;
  s.processes.reserve(procs_.size());
  for (const auto& [serial, p] : procs_) s.processes.push_back(p.s);
  std::sort(s.processes.begin(), s.processes.end(), [](const ProcessSnapshot& a, const ProcessSnapshot& b) { return a.pid.serial() < b.pid.serial(); });
  return s;
}

void Translator::sent(SignalType type, Pid from, Pid to, const Term& reason, Ref ref, bool linked, std::vector<TraceEvent>& out) {
  TraceEvent e = make(TraceKind::SignalSent, from, to);
  e.signal = type;
  e.term = reason;
  e.ref = ref;
  e.flag = linked;
  out.push_back(std::move(e));
  pending_.push_back({type, from, to, reason, ref, now_ + kSettleNs, linked});
}

void Translator::deliver(size_t i, SignalOutcome o, std::vector<TraceEvent>& out) {
  Pending p = std::move(pending_[i]);
  pending_.erase(pending_.begin() + long(i));
  TraceEvent e = make(TraceKind::SignalDelivered, p.from, p.to);
  e.signal = p.type;
  e.outcome = o;
  e.term = p.reason;
  e.ref = p.ref;
  e.flag = p.linked;
  out.push_back(std::move(e));
}

void Translator::observer_exit(Pid target, const Term& reason, int64_t node_now_ns, std::vector<TraceEvent>& out) {
  now_ = std::max(now_, node_now_ns - origin_);
  if (!get(target)) return;
  sent(SignalType::Exit, {}, target, reason, {}, false, out);
}

void Translator::observer_send(Pid target, const Term& message, int64_t node_now_ns, std::vector<TraceEvent>& out) {
  now_ = std::max(now_, node_now_ns - origin_);
  if (!get(target)) return;
  TraceEvent e = make(TraceKind::Send, {}, target);
  e.term = message;
  out.push_back(std::move(e));
}

void Translator::observer_suspend(Pid target, bool suspended, int64_t node_now_ns, std::vector<TraceEvent>& out) {
  now_ = std::max(now_, node_now_ns - origin_);
  Proc* p = get(target);
  if (!p) return;
  p->s.suspended = suspended;
  p->s.status = suspended ? ProcessStatus::Suspended : ProcessStatus::Waiting;
  out.push_back(make(suspended ? TraceKind::Suspend : TraceKind::Resume, target));
}

void Translator::on_spawn(Pid p, Pid parent, const Term& mfa, std::vector<TraceEvent>& out) {
  spawned(p, parent, mfa, out);
  if (auto early = early_events_.find(p.serial()); early != early_events_.end()) {
    const auto stashed = std::move(early->second);
    early_events_.erase(early);
    if (get(p))
      for (const auto& [ev, at] : stashed) event(ev, out);
  }
}

void Translator::spawned(Pid p, Pid parent, const Term& mfa, std::vector<TraceEvent>& out) {
  if (get(p)) return;  // the snapshot has it already
  if (auto early = early_exits_.find(p.serial()); early != early_exits_.end()) {
    // Its exit came first: it is shown for the moment it lived.
    const Term reason = early->second.first;
    early_exits_.erase(early);
    Proc& n = procs_[p.serial()];
    n.s.pid = p;
    n.s.parent = parent;
    n.s.initial_call = mfa;
    TraceEvent e = make(TraceKind::Spawn, p, parent);
    e.term = mfa;
    out.push_back(std::move(e));
    on_exit(p, reason, out);
    return;
  }
  Proc& n = procs_[p.serial()];
  n.s.pid = p;
  n.s.parent = parent;
  n.s.initial_call = mfa;
  n.spawn_call = mfa;
  TraceEvent e = make(TraceKind::Spawn, p, parent);
  e.term = mfa;
  out.push_back(std::move(e));
  // A supervisor that just trapped a child's exit and now starts a process: the restart.
  auto it = child_exits_.find(parent.serial());
  if (it == child_exits_.end()) return;
  auto& q = it->second;
  while (!q.empty() && now_ - q.front().at > kRestartWindowNs) q.pop_front();
  // The child it replaces: the oldest one that ran the same code.
  auto match = std::find_if(q.begin(), q.end(), [&](const ChildExit& c) { return c.initial_call.is_atom(atoms::nil) || c.initial_call == mfa; });
  if (match == q.end()) return;
  ChildExit c = std::move(*match);
  q.erase(match);
  TraceEvent r = make(TraceKind::Restart, parent, p);
  r.pid2 = c.child;
  r.name = c.label.is_atom() ? c.label.as_atom() : Atom{atoms::nil.id};
  r.term = Term::tuple({c.label, c.reason});
  out.push_back(std::move(r));
  if (!c.label.is_atom(atoms::nil)) {
    n.label = c.label;
    labels_[p.serial()] = c.label;
    TraceEvent l = make(TraceKind::Label, p);
    l.term = c.label;
    out.push_back(std::move(l));
  }
}

void Translator::on_exit(Pid pid, const Term& reason, std::vector<TraceEvent>& out) {
  Proc* p = get(pid);
  if (!p) {  // ended before the snapshot read it, or before its spawn was reported
    if (early_exits_.size() > 100'000)
      std::erase_if(early_exits_, [this](const auto& e) { return now_ - e.second.second > 5'000'000'000; });
    early_exits_.emplace(pid.serial(), std::make_pair(reason, now_));
    return;
  }
  // Signals waiting on this process: the one that killed it, and the ones it never handled.
  const bool killed_by_kill = reason.is_atom(atoms::killed);
  for (size_t i = 0; i < pending_.size();) {
    const Pending& s = pending_[i];
    if (s.to != pid || s.type != SignalType::Exit) {
      ++i;
      continue;
    }
    // R1: :normal never kills (only from the observer, as exit/2 of a non-trapping process);
    // a trapping process is killed by :kill alone.
    const bool from_observer = !s.from.valid();
    const bool normal = reason.is_atom(atoms::normal);
    const bool cause = (s.reason == reason && (!normal || from_observer) && !p->s.trap_exit) ||
                       (killed_by_kill && s.reason.is_atom(atoms::kill));
    if (cause) {
      deliver(i, SignalOutcome::Killed, out);
      break;
    }
    ++i;
  }
  if (p->s.name != atoms::nil) {
    TraceEvent u = make(TraceKind::Unregister, pid);
    u.name = p->s.name;
    out.push_back(std::move(u));
  }
  TraceEvent x = make(TraceKind::Exit, pid);
  x.term = reason;
  out.push_back(std::move(x));
  Proc gone = std::move(*p);
  procs_.erase(pid.serial());
  pids_.forget(pid);
  if (!gone.spawn_call.is_atom(atoms::nil)) ended_calls_[pid.serial()] = gone.spawn_call;
  const Term link_reason = reason;
  for (Pid peer : gone.s.links) {
    if (Proc* q = get(peer)) {
      erase(q->s.links, pid);
      sent(SignalType::Exit, pid, peer, link_reason, {}, true, out);
    }
  }
  for (const auto& [ref, watcher] : gone.s.monitored_by) {
    if (Proc* w = get(watcher)) {
      std::erase_if(w->s.monitors, [&, r = ref](const auto& m) { return m.first == r; });
      sent(SignalType::Down, pid, watcher, reason, ref, false, out);
    }
    monitor_refs_.erase(key(watcher, pid));
  }
  for (const auto& [ref, target] : gone.s.monitors) {
    if (Proc* t = get(target)) std::erase_if(t->s.monitored_by, [&, r = ref](const auto& m) { return m.first == r; });
    monitor_refs_.erase(key(pid, target));
  }
  // Signals still on their way to it are dropped there.
  for (size_t i = 0; i < pending_.size();) {
    if (pending_[i].to == pid) deliver(i, pending_[i].type == SignalType::Down ? SignalOutcome::DownDropped : SignalOutcome::DroppedDead, out);
    else ++i;
  }
  child_exits_.erase(pid.serial());
  if (labels_.size() > 4 * procs_.size() + 1024)  // ended children's ids: kept for a while
    std::erase_if(labels_, [this](const auto& l) { return !procs_.count(l.first); });
  if (ended_calls_.size() > 4 * procs_.size() + 1024) ended_calls_.clear();  // only the last second's matter
}

bool Translator::stash(Pid p, const Term& ev) {
  if (early_events_.size() > 10'000)
    std::erase_if(early_events_, [this](const auto& e) { return e.second.empty() || now_ - e.second.back().second > 5'000'000'000; });
  early_events_[p.serial()].emplace_back(ev, now_);
  return true;
}

bool Translator::event(const Term& ev, std::vector<TraceEvent>& out) {
  if (!ev.is_tuple() || ev.tuple_size() < 2 || !ev[0].is_atom()) return false;
  const std::string_view tag = atom_name(ev[0].as_atom());
  const size_t n = ev.tuple_size();
  auto pid = [&](size_t i) { return i < n && ev[i].is_pid() ? ev[i].as_pid() : Pid{}; };
  // The tracer gets a process's own events and its parent's spawn from two processes, in
  // either order: what comes before the spawn waits for it.
  if (n == 4 && pid(2).valid() && !get(pid(2)) && !early_exits_.count(pid(2).serial()) &&
      (tag == "link" || tag == "unlink" || tag == "register" || tag == "unregister" || tag == "trap_exit" ||
       tag == "monitor" || tag == "demonitor")) {
    time(ev[1]);
    return stash(pid(2), ev);
  }
  if (tag == "spawn" && n == 5) {
    time(ev[1]);
    if (!pid(2).valid()) return false;
    on_spawn(pid(2), pid(3), ev[4], out);
  } else if (tag == "exit" && n == 4) {
    time(ev[1]);
    if (!pid(2).valid()) return false;
    on_exit(pid(2), ev[3], out);
  } else if ((tag == "link" || tag == "unlink") && n == 4) {
    time(ev[1]);
    Pid a = pid(2), b = pid(3);
    Proc* pa = get(a);
    if (!pa || !b.valid()) return !a.valid() ? false : true;
    Proc* pb = get(b);
    if (tag == "link") {
      if (contains(pa->s.links, b)) return true;
      pa->s.links.push_back(b);
      if (pb && !contains(pb->s.links, a)) pb->s.links.push_back(a);
      out.push_back(make(TraceKind::Link, a, b));
    } else {
      if (!contains(pa->s.links, b)) return true;
      erase(pa->s.links, b);
      if (pb) erase(pb->s.links, a);
      out.push_back(make(TraceKind::Unlink, a, b));
    }
  } else if ((tag == "register" || tag == "unregister") && n == 4) {
    time(ev[1]);
    Proc* p = get(pid(2));
    if (!p || !ev[3].is_atom()) return p != nullptr;
    const bool reg = tag == "register";
    if (reg == (p->s.name == ev[3].as_atom())) return true;
    p->s.name = reg ? ev[3].as_atom() : Atom{atoms::nil.id};
    TraceEvent e = make(reg ? TraceKind::Register : TraceKind::Unregister, pid(2));
    e.name = ev[3].as_atom();
    out.push_back(std::move(e));
  } else if (tag == "trap_exit" && n == 4) {
    time(ev[1]);
    Proc* p = get(pid(2));
    if (!p) return true;
    if (p->s.trap_exit == ev[3].as_bool()) return true;
    p->s.trap_exit = ev[3].as_bool();
    TraceEvent e = make(TraceKind::TrapExit, pid(2));
    e.flag = p->s.trap_exit;
    out.push_back(std::move(e));
  } else if (tag == "exit_msg" && n == 5) {
    time(ev[1]);
    Pid to = pid(2);
    Pid from = from_of(pid(3));
    Proc* p = get(to);
    if (!p) return true;
    if (!p->s.trap_exit) {  // a trapped EXIT proves it traps
      p->s.trap_exit = true;
      TraceEvent e = make(TraceKind::TrapExit, to);
      e.flag = true;
      out.push_back(std::move(e));
    }
    size_t i = 0;
    for (; i < pending_.size(); ++i)
      if (pending_[i].type == SignalType::Exit && pending_[i].to == to && pending_[i].from == from) break;
    if (i == pending_.size()) {
      // exit/2, or the EXIT of a link whose end has not been reported yet: the link is gone
      // now (the BEAM removes it as the signal arrives), so that end sends nothing more.
      const bool linked = contains(p->s.links, from);
      if (linked) {
        erase(p->s.links, from);
        if (Proc* f = get(from)) erase(f->s.links, to);
      }
      sent(SignalType::Exit, from, to, ev[4], {}, linked, out);
    }
    deliver(std::min(i, pending_.size() - 1), SignalOutcome::Trapped, out);
    // A supervisor restarts a child that ended abnormally (a temporary or dynamic child that
    // ends :normal or :shutdown is not restarted; its successor is a new child, not a restart).
    const Term& why = ev[4];
    const bool ordinary = why.is_atom(atoms::normal) || why.is_atom(atoms::shutdown) ||
                          (why.is_tuple() && why.tuple_size() == 2 && why[0].is_atom(atoms::shutdown));
    if (looks_like_supervisor(p->s.initial_call) && from.valid() && !ordinary) {
      Term label;
      // The child's id: remembered from the snapshot or an earlier restart (it has ended).
      if (auto c = labels_.find(from.serial()); c != labels_.end()) label = c->second;
      auto& q = child_exits_[to.serial()];
      while (!q.empty() && now_ - q.front().at > kRestartWindowNs) q.pop_front();
      q.push_back({from, why, label, now_, ended_calls_.count(from.serial()) ? ended_calls_[from.serial()] : Term()});
    }
  } else if (tag == "down_msg" && n == 6) {
    time(ev[1]);
    Pid to = pid(2);
    if (!get(to)) return true;
    Pid target = pid(4);
    size_t i = 0;
    for (; i < pending_.size(); ++i)
      if (pending_[i].type == SignalType::Down && pending_[i].to == to && (!target.valid() || pending_[i].from == target)) break;
    if (i == pending_.size()) {
      // The target's end not reported yet: the monitor is gone now, so it sends no second DOWN.
      Proc* w = get(to);
      Ref r = ev[3].is_ref() ? ev[3].as_ref() : Ref{};
      if (target.valid() && w) {
        if (auto m = std::find_if(w->s.monitors.begin(), w->s.monitors.end(), [&](const auto& x) { return x.second == target; });
            m != w->s.monitors.end()) {
          r = m->first;
          w->s.monitors.erase(m);
          if (Proc* t = get(target)) std::erase_if(t->s.monitored_by, [&](const auto& x) { return x.first == r; });
          monitor_refs_.erase(key(to, target));
        }
      }
      sent(SignalType::Down, target, to, ev[5], r, false, out);
    }
    deliver(std::min(i, pending_.size() - 1), SignalOutcome::DownQueued, out);
  } else if ((tag == "monitor" || tag == "demonitor") && n == 4) {
    time(ev[1]);
    Pid w = pid(2), t = pid(3);
    Proc* pw = get(w);
    if (!pw || !t.valid()) return true;
    Proc* pt = get(t);
    const bool has = std::any_of(pw->s.monitors.begin(), pw->s.monitors.end(), [&](const auto& m) { return m.second == t; });
    if (tag == "monitor") {
      if (has) return true;
      Ref r = monitor_ref(w, t);
      pw->s.monitors.emplace_back(r, t);
      if (pt) pt->s.monitored_by.emplace_back(r, w);
      TraceEvent e = make(TraceKind::Monitor, w, t);
      e.ref = r;
      out.push_back(std::move(e));
    } else {
      if (!has) return true;
      Ref r = monitor_ref(w, t);
      std::erase_if(pw->s.monitors, [&](const auto& m) { return m.first == r; });
      if (pt) std::erase_if(pt->s.monitored_by, [&](const auto& m) { return m.first == r; });
      monitor_refs_.erase(key(w, t));
      TraceEvent e = make(TraceKind::Demonitor, w, t);
      e.ref = r;
      out.push_back(std::move(e));
    }
  } else if (tag == "info" && n == 6) {
    Proc* p = get(pid(1));
    if (!p) return true;
    if (ev[2].is_integer()) p->s.message_queue_len = uint32_t(ev[2].as_integer());
    if (ev[3].is_integer()) p->s.reductions = uint64_t(ev[3].as_integer());
    if (ev[4].is_integer()) p->s.memory = uint64_t(ev[4].as_integer());
    p->s.status = status_of(ev[5]);
    p->s.suspended = p->s.status == ProcessStatus::Suspended;
  } else if (tag == "label" && n == 4) {
    Proc* p = get(pid(1));
    if (!p) return true;
    if (ev[3].is_tuple()) p->s.initial_call = ev[3];
    if (!ev[2].is_atom(atoms::undefined) && !(ev[2] == p->label)) {
      p->label = ev[2];
      labels_[pid(1).serial()] = ev[2];
      if (!ev[2].is_atom(p->s.name)) {  // a child id that is not its name
        TraceEvent e = make(TraceKind::Label, pid(1));
        e.term = ev[2];
        out.push_back(std::move(e));
      }
    }
  } else {
    return false;
  }
  return true;
}

void Translator::settle(int64_t node_now_ns, std::vector<TraceEvent>& out) {
  // Judged against what the node has reported (its events' times); only when it has been quiet
  // for kQuietNs against the present, so a batch that comes late is not judged before it lands.
  const int64_t horizon = std::max(now_, node_now_ns - origin_ - kQuietNs);
  for (size_t i = 0; i < pending_.size();) {
    const Pending& s = pending_[i];
    if (s.deadline > horizon) {
      ++i;
      continue;
    }
    const Proc* t = get(s.to);
    SignalOutcome o;
    if (s.type == SignalType::Down) o = t ? SignalOutcome::DownQueued : SignalOutcome::DownDropped;
    else if (!t) o = SignalOutcome::DroppedDead;
    else if (t->s.trap_exit && !s.reason.is_atom(atoms::kill)) o = SignalOutcome::Trapped;
    else if (s.reason.is_atom(atoms::normal)) o = SignalOutcome::DroppedNormal;
    else o = SignalOutcome::DroppedUnlinked;  // alive, not trapping, not killed: the link had gone
    deliver(i, o, out);
  }
}

}  // namespace actorscope::attach
