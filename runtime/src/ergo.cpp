// Ergo mode (SEMANTICS section E): one-way links and monitors by pid, name or node, errors as
// values, the four-queue mailbox's order, and the Ergo names of messages and reasons.

#include "actorscope/ergo.hpp"

#include "core.hpp"

#include <algorithm>

namespace actorscope::detail {

namespace {
using Err = ergo::Error;
using Kind = ergo::Target::Kind;
Atom name_of(const ergo::Target& t) { return t.kind == Kind::Name ? t.name : atoms::nil; }
uint64_t alias_of_target(const ergo::Target& t) { return t.kind == Kind::Alias ? t.alias.id : 0; }
}  // namespace

ergo::Error RuntimeCore::ergo_relate(Process* w, const ergo::Target& tg, bool link, bool repeatable, Ref* ref_out) {
  flush_staged();  // what this process sent before acts first (R4.1)
  const Pid me = w->pid();
  const Atom name = name_of(tg);
  const uint64_t alias = alias_of_target(tg);
  Pid target = tg.pid;
  if (tg.kind == Kind::Name) target = whereis(name, tg.node);
  if (tg.kind == Kind::Alias) {
    std::lock_guard g(aliases_m);
    auto it = aliases.find(alias);
    target = it == aliases.end() ? Pid{} : it->second;
  }
  Process* t = lookup(target);
  if (!t) return Err::ProcessUnknown;  // E1.4: a dead pid is an error, not a DOWN
  if (t == w) return Err::NotAllowed;
  const Pid resolved = t->pid();  // a parsed pid has no slot; the slot may also be reused by now
  if (resolved.serial() != target.serial()) return Err::ProcessUnknown;
  target = resolved;
  if (!repeatable) {
    SpinGuard g(w->lock_);
    if (w->rel_)
      for (const MonitorOut& m : w->rel_->monitors)
        if (m.link == link && m.target == target && m.name == name && m.alias == alias)
          return Err::TargetExist;
  }
  if (!reach(me, target)) return Err::NoConnection;
  const Ref ref = make_ref();
  // The watcher's side first, so an exit or DOWN racing with this call always finds its record.
  {
    SpinGuard g(w->lock_);
    if (w->pid_.load(std::memory_order_relaxed) != me.raw || w->exiting_.load(std::memory_order_acquire))
      return Err::NotAllowed;  // the watcher ended meanwhile (a tool's call)
    if (!w->rel_) w->rel_ = std::make_unique<Relations>();
    w->rel_->monitors.push_back({ref, target, name, link, alias});
  }
  bool ok = false;
  {
    SpinGuard g(t->lock_);
    // Still that process, and still the name or alias it was found by: an unregister or
    // delete_alias in between fired what was there, and this one must not miss it (E1.3).
    const bool still = name != atoms::nil ? t->name_ == name
                       : alias            ? alias_of(alias, target)
                                          : true;
    if (still && t->pid_.load(std::memory_order_relaxed) == target.raw && !t->exiting_.load(std::memory_order_acquire)) {
      if (!t->rel_) t->rel_ = std::make_unique<Relations>();
      t->rel_->monitored_by.push_back({ref, me, name, link, alias});
      ok = true;
    }
  }
  if (!ok) {
    SpinGuard g(w->lock_);
    if (w->rel_) w->rel_->monitors.erase_key(ref.id);
    return Err::ProcessUnknown;
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = link ? TraceKind::Link : TraceKind::Monitor;
    ev.flag = link;  // a Link with flag: one-way, a depends on b
    ev.a = me;
    ev.b = target;
    ev.ref = ref;
    ev.name = name;
    emit(std::move(ev));
  }
  if (ref_out) *ref_out = ref;
  return Err::None;
}

ergo::Error RuntimeCore::ergo_unrelate(Process* w, const ergo::Target& tg, bool link) {
  flush_staged();  // what this process sent before acts first (R4.1)
  const Atom name = name_of(tg);
  const uint64_t alias = alias_of_target(tg);
  MonitorOut found;
  bool have = false;
  {
    SpinGuard g(w->lock_);
    if (w->rel_)
      for (const MonitorOut& m : w->rel_->monitors)
        if (m.link == link && m.target.valid() && m.name == name && m.alias == alias &&
            (name != atoms::nil ? node_of(m.target) == tg.node : alias || m.target == tg.pid)) {
          found = m;
          have = true;
          break;
        }
    if (have && link) w->rel_->monitors.erase_key(found.ref.id);
  }
  if (!have) return Err::TargetUnknown;
  if (!link) {
    demonitor(w, found.ref);
    return Err::None;
  }
  if (Process* t = lookup(found.target)) {
    SpinGuard g(t->lock_);
    if (t->rel_ && t->pid_.load(std::memory_order_relaxed) == found.target.raw)
      t->rel_->monitored_by.erase_key(found.ref.id);
  }
  if (tracing_on()) {
    TraceEvent ev;
    ev.kind = TraceKind::Unlink;
    ev.flag = true;
    ev.a = w->pid();
    ev.b = found.target;
    ev.ref = found.ref;
    ev.name = name;
    emit(std::move(ev));
  }
  return Err::None;
}

Signal* RuntimeCore::ergo_fire(Pid target, uint16_t target_node, const MonitorIn& m, const Term& reason, bool local,
                              int far_node) {
  Signal* s;
  if (m.link) {
    trace_signal_sent(SignalType::Exit, target, m.watcher, reason, m.ref, true, far_node);
    s = make_signal(SignalKind::Exit, target, m.watcher, reason);
    s->linked = true;
    if (m.name != atoms::nil) {
      s->object = 1;
      s->object_name = m.name.id;
      s->object_node = target_node;
    }
  } else {
    Term object = m.alias                ? Term(Ref{m.alias})
                  : m.name == atoms::nil ? Term(target)
                                         : Term::tuple({Term(m.name), Term(node_name(target_node))});
    trace_signal_sent(SignalType::Down, target, m.watcher, reason, m.ref, false, far_node);
    s = make_signal(SignalKind::Down, target, m.watcher,
                    Term::tuple({Term(atoms::DOWN), Term(m.ref), Term(atoms::process), std::move(object), reason}));
  }
  s->ref = m.ref;
  s->local = local;
  return s;
}

Ref RuntimeCore::ergo_create_alias(Process* p) {
  flush_staged();  // what this process sent before acts first (R4.1)
  const Ref a = make_ref();
  aliases_made.store(true, std::memory_order_release);
  std::lock_guard g(aliases_m);
  aliases.emplace(a.id, p->pid());
  alias_owners.emplace(p->pid().serial(), a.id);
  return a;
}

ergo::Error RuntimeCore::ergo_delete_alias(Process* p, Ref alias) {
  flush_staged();  // what this process sent before acts first (R4.1)
  {
    std::lock_guard g(aliases_m);
    auto it = aliases.find(alias.id);
    if (it == aliases.end() || it->second != p->pid()) return Err::TargetUnknown;
    aliases.erase(it);
    auto [b, e] = alias_owners.equal_range(p->pid().serial());
    for (auto o = b; o != e; ++o)
      if (o->second == alias.id) {
        alias_owners.erase(o);
        break;
      }
  }
  ergo_fire_unregistered(p->pid(), p->node_.load(std::memory_order_relaxed), atoms::nil, alias.id);
  return Err::None;
}

void RuntimeCore::ergo_fire_unregistered(Pid pid, uint16_t node, Atom name, uint64_t alias) {
  std::vector<MonitorIn> fire;
  if (Process* p = lookup(pid)) {
    SpinGuard pg(p->lock_);
    if (p->rel_ && p->pid_.load(std::memory_order_relaxed) == pid.raw) {
      for (const MonitorIn& m : p->rel_->monitored_by)
        if ((name != atoms::nil && m.name == name) || (alias && m.alias == alias)) fire.push_back(m);
      for (const MonitorIn& m : fire) p->rel_->monitored_by.erase_key(m.ref.id);
    }
  }
  const Term unregistered(intern("unregistered"));
  for (const MonitorIn& m : fire) send_signal(ergo_fire(pid, node, m, unregistered, false));
}

void RuntimeCore::ergo_enqueue(Process* p, Signal* s) {
  SpinGuard g(p->lock_);
  ergo_enqueue_locked(p, s);
}

void RuntimeCore::ergo_enqueue_locked(Process* p, Signal* s) {
  s->next.store(nullptr, std::memory_order_relaxed);
  p->queue_len_.store(p->queue_len_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  const uint8_t k = s->prio;
  if (k == 0 || !p->q_head_ || static_cast<Signal*>(p->q_tail_)->prio >= k) {  // behind everything
    if (p->q_tail_)
      p->q_tail_->next.store(s, std::memory_order_relaxed);
    else
      p->q_head_ = s;
    p->q_tail_ = s;
    return;
  }
  // Urgent and System entries sit at the front, so this walks only those.
  Signal* prev = nullptr;
  Signal* cur = p->q_head_;
  while (cur && cur->prio >= k) {
    prev = cur;
    cur = static_cast<Signal*>(cur->next.load(std::memory_order_relaxed));
  }
  s->next.store(cur, std::memory_order_relaxed);
  if (prev)
    prev->next.store(s, std::memory_order_relaxed);
  else
    p->q_head_ = s;
  if (!cur) p->q_tail_ = s;
  p->q_scanned_ = nullptr;  // s may sit before where a receive stopped scanning: it starts over
}

}  // namespace actorscope::detail

namespace actorscope::ergo {

using detail::RuntimeCore;

const char* to_string(Error e) {
  switch (e) {
    case Error::None: return "";
    case Error::ProcessUnknown: return "ErrProcessUnknown";
    case Error::TargetExist: return "ErrTargetExist";
    case Error::NotAllowed: return "ErrNotAllowed";
    case Error::TargetUnknown: return "ErrTargetUnknown";
    case Error::NoConnection: return "ErrNoConnection";
  }
  return "";
}

namespace {
void require_ergo(RuntimeCore& c) {
  if (!c.ergo()) throw ErlangError(Term(atoms::badarg), "an Ergo call on a runtime with BEAM semantics");
}

Error node_relate(RuntimeCore& c, Pid watcher, uint16_t node, bool link, bool add) {
  Runtime& rt = c.facade;
  if (!rt.node_alive(node) && add) return Error::ProcessUnknown;
  if (!link) {
    if (!add) {
      std::lock_guard g(c.nodes_m);
      auto& v = c.node_monitors;
      auto it = std::find(v.begin(), v.end(), std::pair<Pid, uint16_t>{watcher, node});
      if (it == v.end()) return Error::TargetUnknown;
      v.erase(it);
      return Error::None;
    }
    {
      std::lock_guard g(c.nodes_m);
      auto& v = c.node_monitors;
      if (std::find(v.begin(), v.end(), std::pair<Pid, uint16_t>{watcher, node}) != v.end())
        return Error::TargetExist;
    }
    const uint16_t wn = c.node_of(watcher);
    if (wn == node) return Error::NotAllowed;
    if (!c.connect(wn, node)) return Error::NoConnection;
    rt.monitor_node(watcher, node);
    return Error::None;
  }
  const uint16_t wn = c.node_of(watcher);
  if (add) {
    if (wn == node) return Error::NotAllowed;
    std::vector<detail::Signal*> notices;  // the connection's nodeup notices, sent after the lock
    Error e = Error::None;
    {
      // One hold: a cut cannot fall between making the connection and adding the link (E1.8).
      std::lock_guard g(c.nodes_m);
      for (auto& [w, n] : c.node_links)
        if (w == watcher && n == node) e = Error::TargetExist;
      if (e == Error::None && !c.connect_locked(wn, node, &notices)) e = Error::NoConnection;
      if (e == Error::None) {
        c.node_links.emplace_back(watcher, node);
        c.node_links_made.store(true, std::memory_order_release);
      }
    }
    for (detail::Signal* s : notices) c.send_signal(s);
    if (e != Error::None) return e;
  } else {
    std::lock_guard g(c.nodes_m);
    auto& v = c.node_links;
    auto it = std::find(v.begin(), v.end(), std::pair<Pid, uint16_t>{watcher, node});
    if (it == v.end()) return Error::TargetUnknown;
    v.erase(it);
  }
  if (c.tracing_on()) {  // a node link: b none, node = the node
    TraceEvent ev;
    ev.kind = add ? TraceKind::Link : TraceKind::Unlink;
    ev.flag = true;
    ev.a = watcher;
    ev.node = node;
    ev.node2 = 1;
    c.emit(std::move(ev));
  }
  return Error::None;
}

Error relate(Process& self, const Target& t, bool link, bool add) {
  RuntimeCore& c = detail::core_of(self);
  require_ergo(c);
  if (t.kind == Target::Kind::Node) return node_relate(c, self.pid(), t.node, link, add);
  if (t.kind == Target::Kind::Alias && !t.alias.id) return Error::ProcessUnknown;
  return add ? c.ergo_relate(&self, t, link) : c.ergo_unrelate(&self, t, link);
}

Error relate(Runtime& rt, Pid watcher, const Target& t, bool link, bool add) {
  RuntimeCore& c = rt.core();
  require_ergo(c);
  Process* w = c.lookup(watcher);
  if (!w || w->pid().serial() != watcher.serial()) return Error::NotAllowed;
  return relate(*w, t, link, add);
}
}  // namespace

Error link(Process& self, const Target& t) { return relate(self, t, true, true); }
Error unlink(Process& self, const Target& t) { return relate(self, t, true, false); }
Error monitor(Process& self, const Target& t) { return relate(self, t, false, true); }
Error demonitor(Process& self, const Target& t) { return relate(self, t, false, false); }
Error link(Runtime& rt, Pid watcher, const Target& t) { return relate(rt, watcher, t, true, true); }
Error unlink(Runtime& rt, Pid watcher, const Target& t) { return relate(rt, watcher, t, true, false); }
Error monitor(Runtime& rt, Pid watcher, const Target& t) { return relate(rt, watcher, t, false, true); }
Error demonitor(Runtime& rt, Pid watcher, const Target& t) { return relate(rt, watcher, t, false, false); }

Ref create_alias(Process& self) {
  RuntimeCore& c = detail::core_of(self);
  require_ergo(c);
  return c.ergo_create_alias(&self);
}

Error delete_alias(Process& self, Ref alias) {
  RuntimeCore& c = detail::core_of(self);
  require_ergo(c);
  return c.ergo_delete_alias(&self, alias);
}

Pid alias_owner(Runtime& rt, Ref alias) {
  RuntimeCore& c = rt.core();
  std::lock_guard g(c.aliases_m);
  auto it = c.aliases.find(alias.id);
  return it == c.aliases.end() ? Pid{} : it->second;
}

std::vector<std::pair<Ref, Pid>> aliases(Runtime& rt, Pid owner) {
  RuntimeCore& c = rt.core();
  std::vector<std::pair<Ref, Pid>> out;
  if (!c.aliases_made.load(std::memory_order_acquire)) return out;
  {
    std::lock_guard g(c.aliases_m);
    if (owner.valid()) {
      auto [b, e] = c.alias_owners.equal_range(owner.serial());
      for (auto it = b; it != e; ++it)
        if (auto a = c.aliases.find(it->second); a != c.aliases.end()) out.emplace_back(Ref{it->second}, a->second);
    } else {
      for (const auto& [id, pid] : c.aliases) out.emplace_back(Ref{id}, pid);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first.id < y.first.id; });
  return out;
}

Ref create_alias(Runtime& rt, Pid owner) {
  RuntimeCore& c = rt.core();
  require_ergo(c);
  Process* p = c.lookup(owner);
  if (!p || p->pid().serial() != owner.serial() || !rt.alive(owner)) return Ref{};
  const Ref a = c.ergo_create_alias(p);
  // It may have ended meanwhile, after its end dropped its aliases (or its slot went to another
  // process): this one must not outlive it. Its end marks it exiting before it takes aliases_m,
  // so one of the two sees the other.
  const Pid made_for = alias_owner(rt, a);
  if (made_for != owner || !rt.alive(owner)) {
    std::lock_guard g(c.aliases_m);
    c.aliases.erase(a.id);
    auto [b, e] = c.alias_owners.equal_range(made_for.serial());
    for (auto it = b; it != e; ++it)
      if (it->second == a.id) {
        c.alias_owners.erase(it);
        break;
      }
    return Ref{};
  }
  return a;
}

Error delete_alias(Runtime& rt, Pid owner, Ref alias) {
  RuntimeCore& c = rt.core();
  require_ergo(c);
  Process* p = c.lookup(owner);
  if (!p || p->pid().serial() != owner.serial() || !rt.alive(owner)) return Error::NotAllowed;
  return c.ergo_delete_alias(p, alias);
}

void send(Process& self, Pid to, Term msg, Priority p) {
  RuntimeCore& c = detail::core_of(self);
  c.send_message(self.pid(), to, std::move(msg), c.ergo() ? static_cast<uint8_t>(p) : 0);
}

const char* message_name(const Term& m) {
  if (m.is_tagged(atoms::EXIT, 3)) {
    const Term& o = m[1];
    if (o.is_pid()) return "MessageExitPID";
    if (o.is_ref()) return "MessageExitAlias";
    if (o.is_tuple() && o.tuple_size() == 2) return "MessageExitProcessID";
    if (o.is_atom()) return "MessageExitNode";
    return "";
  }
  if (m.is_tagged(atoms::DOWN, 5)) {
    const Term& o = m[3];
    if (o.is_pid()) return "MessageDownPID";
    if (o.is_ref()) return "MessageDownAlias";
    if (o.is_tuple()) return "MessageDownProcessID";
    return "";
  }
  if (m.is_tuple() && m.tuple_size() == 2 && m[0].is_atom() && atom_name(m[0].as_atom()) == "nodedown")
    return "MessageDownNode";
  return "";
}

const char* reason_name(const Term& r) {
  if (r.is_atom()) {
    const std::string_view n = atom_name(r.as_atom());
    if (n == "normal") return "TerminateReasonNormal";
    if (n == "kill" || n == "killed") return "TerminateReasonKill";
    if (n == "shutdown") return "TerminateReasonShutdown";
    if (n == "unregistered") return "ErrUnregistered";
    if (n == "noconnection") return "ErrNoConnection";
    if (n == "noproc") return "ErrProcessUnknown";
  }
  return "TerminateReasonPanic";
}

}  // namespace actorscope::ergo
