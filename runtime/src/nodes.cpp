// Nodes and the connections between them (SEMANTICS R9). Every process runs on a node (Process::
// node_, set at start); a signal between two nodes travels on their connection, stamped with its
// epoch, and is lost if the connection was cut before delivery. Cutting fires links, monitors and
// node monitors on both sides as the BEAM does when a connection goes down.
//
// Thread-safety: nodes_m guards node_names, conns, node_monitors, node_subscribers; it is never held
// while a process lock is taken, nor while a signal is sent.

#include "core.hpp"

#include <algorithm>

namespace actorscope::detail {

namespace {
std::pair<uint16_t, uint16_t> key(uint16_t a, uint16_t b) { return {std::min(a, b), std::max(a, b)}; }
}  // namespace

RuntimeCore::NodeConn& RuntimeCore::conn_locked(uint16_t a, uint16_t b) {
  auto [it, added] = conn_index.emplace(key(a, b), static_cast<uint16_t>(conns.size()));
  if (added) conns.emplace_back();
  return conns[it->second];
}

uint16_t RuntimeCore::current_node() noexcept {
  Process* self = tls_current;
  return self ? self->node_.load(std::memory_order_relaxed) : 0;
}

uint32_t RuntimeCore::pid_print_node(Pid p) noexcept {
  Process* self = tls_current;
  if (!self || !self->core_->multi_node.load(std::memory_order_acquire)) return 0;
  uint16_t pn = self->core_->node_of(p);
  return pn == self->node_.load(std::memory_order_relaxed) ? 0 : pn + 1u;
}

uint32_t pid_print_node(Pid p) noexcept { return RuntimeCore::pid_print_node(p); }

bool RuntimeCore::connect_locked(uint16_t a, uint16_t b, std::vector<Signal*>* out) {
  if (!node_up[a] || !node_up[b]) return false;
  NodeConn& c = conn_locked(a, b);
  if (c.up) return true;
  if (c.blocked || c.detect_until > now()) return false;  // partitioned, or a cut not yet noticed
  c.up = true;
  trace_node(TraceKind::Connect, a, b);
  for (Pid w : node_subscribers) {  // R9.5: {:nodeup, node} on each side about the other
    uint16_t wn = node_of(w);
    if (wn != a && wn != b) continue;
    Term other(node_names[wn == a ? b : a]);
    out->push_back(node_notice(w, Term::tuple({Term(intern("nodeup")), other})));
  }
  return true;
}

bool RuntimeCore::connect(uint16_t a, uint16_t b) {
  std::vector<Signal*> notices;
  bool ok;
  {
    std::lock_guard g(nodes_m);
    if (a >= node_names.size() || b >= node_names.size()) return false;
    ok = a == b || connect_locked(a, b, &notices);
  }
  for (Signal* n : notices) send_signal(n);
  return ok;
}

bool RuntimeCore::route(Signal* s) {
  Process* to = lookup(s->to);
  if (!to) return true;  // a dead target: nothing to route, the signal is dropped at delivery
  uint16_t fn = node_of(s->from);
  uint16_t tn = to->node_.load(std::memory_order_relaxed);
  if (fn == tn) return true;
  std::vector<Signal*> notices;
  bool ok;
  {
    std::lock_guard g(nodes_m);
    ok = connect_locked(fn, tn, &notices);
    if (ok) {
      uint16_t i = conn_index[key(fn, tn)];
      s->conn = static_cast<uint16_t>(i + 1);
      s->conn_epoch = conns[i].epoch;
    }
  }
  for (Signal* n : notices) send_signal(n);
  return ok;
}

bool RuntimeCore::reach(Pid a, Pid b) {
  if (!multi_node.load(std::memory_order_acquire)) return true;
  // A dead pid keeps its node: one on a node that has ended, or behind a cut, is unreachable.
  uint16_t na = node_of(a), nb = node_of(b);
  return na == nb || connect(na, nb);
}

bool RuntimeCore::still_connected(const Signal* s) {
  std::lock_guard g(nodes_m);
  const NodeConn& c = conns[s->conn - 1u];
  return c.up && c.epoch == s->conn_epoch;
}

Signal* RuntimeCore::node_notice(Pid watcher, Term msg) {
  if (tracing_on()) {  // a Send from no process, flagged: the runtime's node notice, not the observer's
    TraceEvent ev;
    ev.kind = TraceKind::Send;
    ev.b = watcher;
    ev.flag = true;
    ev.node2 = ergo() ? 1 : 0;  // Ergo: MessageDownNode goes to the System queue
    ev.term = msg;
    emit(std::move(ev));
  }
  Signal* s = make_signal(SignalKind::Message, Pid{}, watcher, std::move(msg));
  s->local = true;
  if (ergo()) s->prio = 1;  // MessageDownNode: the System queue (E1.9)
  return s;
}

void RuntimeCore::trace_node(TraceKind k, uint16_t a, uint16_t b, Atom name, Term term, bool flag) {
  if (!tracing_on()) return;
  TraceEvent ev;
  ev.kind = k;
  ev.node = a;
  ev.node2 = b;
  ev.name = name;
  ev.term = std::move(term);
  ev.flag = flag;
  emit(std::move(ev));
}

void RuntimeCore::send_signal_after(Signal* s, int64_t delay_ns) {
  if (delay_ns <= 0) return send_signal(s);
  if (opts.deterministic) {
    pending.push({keep_pair_order(s, vnow + delay_ns), trace_seq.fetch_add(1, std::memory_order_relaxed), s, vnow});
    return;
  }
  delayed_in_flight.fetch_add(1, std::memory_order_acq_rel);
  add_timed(keep_pair_order(s, now() + delay_ns), s);
}

void RuntimeCore::cut(uint16_t a, uint16_t b, bool block, int64_t delay_ns) {
  if (a == b) return;
  std::vector<Signal*> out, node_notices;  // links and monitors first: net_kernel's notices come after
  std::vector<Signal*> node_link_exits;     // Ergo mode
  std::vector<std::pair<Pid, Atom>> nodedown;  // (watcher, the other node): made after the scan
  Atom name_a, name_b;
  {
    std::lock_guard g(nodes_m);
    if (a >= node_names.size() || b >= node_names.size()) return;
    name_a = node_names[a];
    name_b = node_names[b];
    NodeConn& c = conn_locked(a, b);
    bool newly_blocked = block && !c.blocked;
    if (block) c.blocked = true;
    if (!c.up) {
      if (newly_blocked) trace_node(TraceKind::Disconnect, a, b, atoms::nil, Term(delay_ns / 1'000'000), true);
      return;
    }
    c.up = false;
    if (delay_ns > 0) c.detect_until = now() + delay_ns;  // no new connection before both sides noticed
    ++c.epoch;  // R9.6: what is in flight on it is lost
    if (c.epoch == 0) c.epoch = 1;
    trace_node(TraceKind::Disconnect, a, b, atoms::nil, Term(delay_ns / 1'000'000), block);
    // R9.5: node monitors fire once, on each side about the other.
    auto fire = [&](Pid w, Atom other) {
      nodedown.emplace_back(w, other);
    };
    for (auto it = node_monitors.begin(); it != node_monitors.end();) {
      uint16_t wn = node_of(it->first);
      if ((wn == a && it->second == b) || (wn == b && it->second == a)) {
        fire(it->first, wn == a ? name_b : name_a);
        it = node_monitors.erase(it);
      } else {
        ++it;
      }
    }
    for (Pid w : node_subscribers) {
      uint16_t wn = node_of(w);
      if (wn == a || wn == b) fire(w, wn == a ? name_b : name_a);
    }
    // E1.8: node links fire as exits, once (nothing is restored on reconnect).
    for (auto it = node_links.begin(); it != node_links.end();) {
      uint16_t wn = node_of(it->first);
      if ((wn == a && it->second == b) || (wn == b && it->second == a)) {
        Signal* s = make_signal(SignalKind::Exit, Pid{}, it->first, Term(intern("noconnection")));
        s->linked = true;
        s->local = true;
        s->object = 2;
        s->object_node = it->second;
        trace_signal_sent(SignalType::Exit, Pid{}, it->first, s->payload, {}, true, it->second);
        node_link_exits.push_back(s);
        it = node_links.erase(it);
      } else {
        ++it;
      }
    }
  }
  // R9.3, R9.4: every link and monitor across the connection fires on both sides, each side told
  // by a signal made on its own node (the remote process may live on).
  const Term noconnection(intern("noconnection"));
  uint32_t hw = high_water();
  for (uint32_t i = 0; i < hw; ++i) {
    Process* p = slot_ptr(i);
    uint16_t pn = p->node_.load(std::memory_order_relaxed);
    if (pn != a && pn != b) continue;
    uint16_t other = pn == a ? b : a;
    Atom other_name = pn == a ? name_b : name_a;
    std::vector<Pid> links;
    std::vector<MonitorOut> monitors;
    std::vector<MonitorOut> one_way;  // Ergo mode: its one-way links across the cut (E1.8)
    Pid self;
    {
      SpinGuard g(p->lock_);
      uint64_t raw = p->pid_.load(std::memory_order_relaxed);
      if (raw == 0 || !p->rel_) continue;
      self = Pid{raw};
      // The links across the cut are broken now, on this side too: an unlink made later from the
      // far side cannot take back the :noconnection this side is about to hear (R9.3).
      for (Pid peer : p->rel_->links)
        if (node_of(peer) == other) links.push_back(peer);
      for (Pid peer : links) p->rel_->links.erase_key(peer.serial());
      for (const MonitorOut& m : p->rel_->monitors)
        if (m.target.valid() && node_of(m.target) == other) (m.link ? one_way : monitors).push_back(m);
      for (const MonitorOut& m : one_way) p->rel_->monitors.erase_key(m.ref.id);  // broken now, as links
      // Monitors others hold on p across the cut: their DOWN comes from their own side.
      std::vector<Ref> gone;
      for (const MonitorIn& m : p->rel_->monitored_by)
        if (node_of(m.watcher) == other) gone.push_back(m.ref);
      for (Ref r : gone) p->rel_->monitored_by.erase_key(r.id);
    }
    for (Pid peer : links) {
      Signal* s = make_signal(SignalKind::Exit, peer, self, noconnection);
      s->linked = true;  // trapped as {:EXIT, peer, :noconnection}; the link is gone already (above), and
                         // `local` makes the arrival not look for it (R1.8 is about unlinks before the cut)
      s->local = true;
      out.push_back(s);
      trace_signal_sent(SignalType::Exit, peer, self, noconnection, {}, true, other);
    }
    for (const MonitorOut& m : one_way) {
      Signal* s = ergo_fire(m.target, other, MonitorIn{m.ref, self, m.name, true, m.alias}, noconnection, true, other);
      if (m.alias) {  // its record is gone with the cut: the exit carries the alias (MessageExitAlias)
        s->object = 3;
        s->ref = Ref{m.alias};
      }
      out.push_back(s);
    }
    for (const MonitorOut& m : monitors) {
      Term object = m.alias                ? Term(Ref{m.alias})
                    : m.name == atoms::nil ? Term(m.target)
                                           : Term::tuple({Term(m.name), Term(other_name)});
      Signal* s = make_signal(SignalKind::Down, m.target, self,
                              Term::tuple({Term(atoms::DOWN), Term(m.ref), Term(atoms::process), object, noconnection}));
      s->ref = m.ref;
      s->local = true;
      out.push_back(s);
      trace_signal_sent(SignalType::Down, m.target, self, noconnection, m.ref, false, other);
    }
  }
  for (const auto& [w, other] : nodedown)
    node_notices.push_back(node_notice(w, Term::tuple({Term(intern("nodedown")), Term(other)})));
  for (Signal* s : out) send_signal_after(s, delay_ns);
  for (Signal* s : node_link_exits) send_signal_after(s, delay_ns);
  for (Signal* s : node_notices) send_signal_after(s, delay_ns);
}

}  // namespace actorscope::detail

namespace actorscope {

namespace {
/// The live node called `name` (nodes_m held), or -1.
int live_node_locked(const detail::RuntimeCore& c, Atom name) {
  for (size_t i = c.node_names.size(); i-- > 0;)
    if (c.node_names[i] == name && c.node_up[i]) return static_cast<int>(i);
  return -1;
}
}  // namespace

Runtime::NodeId Runtime::add_node(Atom name, int tied_to) {
  auto& c = *core_;
  std::lock_guard g(c.nodes_m);
  if (name == atoms::nil || name == atoms::nonode || live_node_locked(c, name) >= 0 || c.node_names.size() >= 0xFFFF ||
      tied_to >= static_cast<int>(c.node_names.size()))
    throw ErlangError(Term(atoms::badarg));
  c.node_names.push_back(name);
  c.node_up.push_back(1);
  c.node_tie.push_back(tied_to);
  c.multi_node.store(true, std::memory_order_release);
  auto id = static_cast<NodeId>(c.node_names.size() - 1);
  c.trace_node(TraceKind::NodeUp, id, 0, name, tied_to >= 0 ? Term(int64_t{tied_to}) : Term());
  return id;
}

void Runtime::set_node_name(NodeId n, Atom name) {
  auto& c = *core_;
  std::lock_guard g(c.nodes_m);
  int other = live_node_locked(c, name);
  if (n >= c.node_names.size() || name == atoms::nil || (other >= 0 && other != n))
    throw ErlangError(Term(atoms::badarg));
  c.node_names[n] = name;
  c.trace_node(TraceKind::NodeUp, n, 0, name, c.node_tie[n] >= 0 ? Term(int64_t{c.node_tie[n]}) : Term());
}

bool Runtime::node_alive(NodeId n) const {
  std::lock_guard g(core_->nodes_m);
  return n < core_->node_up.size() && core_->node_up[n];
}

void Runtime::stop_node(NodeId n) {
  auto& c = *core_;
  if (n == 0) throw ErlangError(Term(atoms::badarg));
  size_t count;
  {
    std::lock_guard g(c.nodes_m);
    if (n >= c.node_names.size() || !c.node_up[n]) return;
    count = c.node_names.size();
    c.trace_node(TraceKind::NodeDown, n, 0, c.node_names[n]);  // the cause of what follows
  }
  // R9.3-R9.5: seen as lost connections (not partitions: a node that is down cannot connect anyway).
  for (size_t m = 0; m < count; ++m)
    if (m != n) c.cut(n, static_cast<uint16_t>(m), false);
  {
    std::lock_guard g(c.nodes_m);
    c.node_up[n] = 0;
    std::erase_if(c.node_monitors, [&](const auto& w) { return c.node_of(w.first) == n; });
    std::erase_if(c.node_subscribers, [&](Pid w) { return c.node_of(w) == n; });
  }
  // Its processes end, killed by no one (the NodeDown event says why); nothing they send on the way
  // out can cross to another node any more.
  for (Pid p : processes())
    if (c.node_of(p) == n) {
      detail::Signal* s = c.make_signal(detail::SignalKind::Exit, Pid{}, p, Term(atoms::kill));
      s->node_stop = true;
      c.send_signal(s);
    }
}

std::vector<Atom> Runtime::nodes() const {
  std::lock_guard g(core_->nodes_m);
  return core_->node_names;
}

std::optional<Runtime::NodeId> Runtime::node_id(Atom name) const {
  std::lock_guard g(core_->nodes_m);
  int n = live_node_locked(*core_, name);
  if (n < 0) return std::nullopt;
  return static_cast<NodeId>(n);
}

Runtime::NodeId Runtime::node_of(Pid pid) const { return core_->node_of(pid); }

bool Runtime::connect_nodes(NodeId a, NodeId b) { return core_->connect(a, b); }

Pid Runtime::dead_pid() { return core_->fresh_dead_pid(); }

void Runtime::disconnect_nodes(NodeId a, NodeId b) {
  core_->cut(a, b, false);
  end_tied(a, b);
}

void Runtime::partition(NodeId a, NodeId b) {
  core_->cut(a, b, true, core_->detection_delay_ms.load(std::memory_order_relaxed) * 1'000'000);
  end_tied(a, b);
}

void Runtime::end_tied(NodeId a, NodeId b) {
  int tie_a, tie_b;
  {
    std::lock_guard g(core_->nodes_m);
    if (a >= core_->node_tie.size() || b >= core_->node_tie.size()) return;
    tie_a = core_->node_tie[a];
    tie_b = core_->node_tie[b];
  }
  if (tie_a == b) stop_node(a);
  if (tie_b == a) stop_node(b);
}

void Runtime::heal(NodeId a, NodeId b) {
  std::lock_guard g(core_->nodes_m);
  auto it = core_->conn_index.find({std::min(a, b), std::max(a, b)});
  if (it == core_->conn_index.end() || !core_->conns[it->second].blocked) return;
  core_->conns[it->second].blocked = false;  // R9.7: made again on next use
  core_->trace_node(TraceKind::Heal, a, b);
}

void Runtime::set_connection_latency(NodeId a, NodeId b, std::chrono::nanoseconds d) {
  if (a == b) return;
  {
    std::lock_guard g(core_->nodes_m);
    if (a >= core_->node_names.size() || b >= core_->node_names.size()) return;
    core_->conn_locked(a, b).latency_ns = std::max<int64_t>(d.count(), 0);
    bool any = false;
    for (const auto& c : core_->conns) any = any || c.latency_ns > 0;
    core_->conn_latency_any.store(any);
  }
  core_->recompute_latency_flag();
}

int64_t Runtime::connection_latency_ms(NodeId a, NodeId b) const {
  std::lock_guard g(core_->nodes_m);
  auto it = core_->conn_index.find({std::min(a, b), std::max(a, b)});
  return it == core_->conn_index.end() ? 0 : core_->conns[it->second].latency_ns / 1'000'000;
}

void Runtime::set_detection_delay_ms(int64_t ms) { core_->detection_delay_ms.store(std::clamp<int64_t>(ms, 0, kMaxDetectionDelayMs)); }
int64_t Runtime::detection_delay_ms() const { return core_->detection_delay_ms.load(); }

std::vector<NodeState> Runtime::node_states() const {
  std::lock_guard g(core_->nodes_m);
  std::vector<NodeState> out;
  if (!core_->multi_node.load(std::memory_order_relaxed) && core_->node_names[0] == atoms::nonode) return out;
  for (size_t i = 0; i < core_->node_names.size(); ++i)
    out.push_back({static_cast<uint16_t>(i), core_->node_names[i], core_->node_up[i] != 0, core_->node_tie[i]});
  return out;
}

std::vector<ConnectionState> Runtime::connection_states() const {
  std::lock_guard g(core_->nodes_m);
  std::vector<ConnectionState> out;
  for (auto& [k, i] : core_->conn_index) {
    const auto& c = core_->conns[i];
    if (c.up || c.blocked) out.push_back({k.first, k.second, c.up, c.blocked});
  }
  return out;  // conn_index is ordered by (a, b)
}

bool Runtime::nodes_connected(NodeId a, NodeId b) const {
  if (a == b) return true;
  std::lock_guard g(core_->nodes_m);
  auto it = core_->conn_index.find({std::min(a, b), std::max(a, b)});
  return it != core_->conn_index.end() && core_->conns[it->second].up;
}

std::vector<Runtime::NodeId> Runtime::connected_nodes(NodeId n) const {
  std::lock_guard g(core_->nodes_m);
  std::vector<NodeId> out;
  for (auto& [k, i] : core_->conn_index)
    if (core_->conns[i].up && core_->node_up[k.first] && core_->node_up[k.second] && (k.first == n || k.second == n)) out.push_back(k.first == n ? k.second : k.first);
  std::sort(out.begin(), out.end());
  return out;
}

void Runtime::monitor_node(Pid watcher, NodeId node) {
  auto& c = *core_;
  uint16_t wn = c.node_of(watcher);
  std::vector<detail::Signal*> out;
  {
    std::lock_guard g(c.nodes_m);
    if (node >= c.node_names.size()) return;
    if (node == wn || c.connect_locked(wn, node, &out)) {
      c.node_monitors.emplace_back(watcher, node);
    } else {  // R9.5: cannot be made: at once
      out.push_back(c.node_notice(watcher, Term::tuple({Term(intern("nodedown")), Term(c.node_names[node])})));
    }
  }
  for (auto* s : out) c.send_signal(s);
}

void Runtime::demonitor_node(Pid watcher, NodeId node) {
  std::lock_guard g(core_->nodes_m);
  auto& v = core_->node_monitors;
  auto it = std::find(v.begin(), v.end(), std::pair<Pid, uint16_t>{watcher, static_cast<uint16_t>(node)});
  if (it != v.end()) v.erase(it);
}

void Runtime::monitor_nodes(Pid watcher, bool on) {
  std::lock_guard g(core_->nodes_m);
  auto& v = core_->node_subscribers;
  if (on) {
    v.push_back(watcher);
  } else {
    v.erase(std::remove(v.begin(), v.end(), watcher), v.end());
  }
}

}  // namespace actorscope
