#include "actorscope/process_graph.hpp"

#include "actorscope/recording.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace actorscope {

namespace {

template <class V, class P>
bool erase_if(V& v, P pred) {
  auto it = std::remove_if(v.begin(), v.end(), pred);
  const bool changed = it != v.end();
  v.erase(it, v.end());
  return changed;
}

bool add_link_to(std::vector<Pid>& v, Pid other) {
  if (std::find(v.begin(), v.end(), other) != v.end()) return false;
  v.push_back(other);
  return true;
}
bool add_link(ProcessSnapshot& p, Pid other) { return add_link_to(p.links, other); }

/// Ergo mode (E1.2): a link or monitor by name, kept by its ref.
bool add_name_target(ProcessSnapshot& p, const TraceEvent& e, bool link) {
  if (e.name == atoms::nil) return false;
  for (const NameTarget& t : p.name_targets)
    if (t.ref == e.ref) return false;
  p.name_targets.push_back({e.ref, e.b, e.name, link});
  return true;
}
bool drop_name_target(ProcessSnapshot& p, Ref ref) {
  return ref.id && erase_if(p.name_targets, [&](const NameTarget& t) { return t.ref == ref; });
}

/// Ergo's queue split: queue 1 System, 2 Urgent (0 Main is the rest of message_queue_len).
void count_queue(ProcessSnapshot& p, uint16_t queue, int d) {
  uint32_t& n = queue == 2 ? p.queue_urgent : p.queue_system;
  if (queue == 0 || (d < 0 && n == 0)) return;
  n = static_cast<uint32_t>(static_cast<int64_t>(n) + d);
}

}  // namespace

bool looks_like_supervisor(const Term& mfa) {
  if (!mfa.is_tuple() || mfa.tuple_size() < 1 || !mfa[0].is_atom()) return false;
  std::string m(atom_name(mfa[0].as_atom()));
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return m.find("supervisor") != std::string::npos;
}

ProcessRecord* ProcessGraph::get(uint32_t serial) {
  auto it = live_.find(serial);
  return it == live_.end() ? nullptr : &it->second;
}

ProcessRecord* ProcessGraph::get(Pid p) { return p.valid() ? get(p.serial()) : nullptr; }

const ProcessRecord* ProcessGraph::find(uint32_t serial) const {
  auto it = live_.find(serial);
  return it == live_.end() ? nullptr : &it->second;
}

const ProcessRecord* ProcessGraph::find_any(uint32_t serial) const {
  if (const ProcessRecord* r = find(serial)) return r;
  auto it = dead_.find(serial);
  return it == dead_.end() ? nullptr : &it->second;
}

ProcessRecord* ProcessGraph::find_any_mutable(uint32_t serial) {
  if (ProcessRecord* r = get(serial)) return r;
  auto it = dead_.find(serial);
  return it == dead_.end() ? nullptr : &it->second;
}

Pid ProcessGraph::whereis(Atom name) const {
  for (const auto& [s, r] : live_)
    if (r.name == name) return r.pid;
  return {};
}

size_t ProcessGraph::in_flight_match(const TraceEvent& e) const {
  // Signals between one pair arrive in the order they left (R4.1): the oldest match. A cut's
  // :noconnection signals are made on the receiver's side and may pass one still on the connection
  // (then lost, R9.6), so the oldest with the same reason is preferred.
  size_t match = flying_.size();
  for (size_t i = 0; i < flying_.size(); ++i) {
    const InFlightSignal& f = flying_[i];
    if (f.type != e.signal || f.from != e.a || f.to != e.b) continue;
    if (match == flying_.size()) match = i;
    if (f.term == e.term) return i;
  }
  return match;
}

uint16_t ProcessGraph::node_of(uint32_t serial) const {
  if (const ProcessRecord* r = find_any(serial)) return r->node;
  auto it = foreign_.find(serial);
  return it == foreign_.end() ? 0 : it->second;
}

std::optional<uint16_t> ProcessGraph::node_id(Atom name) const {
  for (const NodeState& n : nodes_)
    if (n.alive && n.name == name) return n.id;
  return std::nullopt;
}

Atom ProcessGraph::node_name(uint16_t id) const {
  if (id < nodes_.size()) return nodes_[id].name;
  return id == 0 ? atoms::nonode : atoms::nil;
}

const ConnectionState* ProcessGraph::connection(uint16_t a, uint16_t b) const {
  if (a > b) std::swap(a, b);
  for (const ConnectionState& c : conns_)
    if (c.a == a && c.b == b) return &c;
  return nullptr;
}

NodeState& ProcessGraph::node_slot(uint16_t id) {
  while (nodes_.size() <= id) {
    NodeState n;
    n.id = static_cast<uint16_t>(nodes_.size());
    n.name = n.id == 0 ? atoms::nonode : atoms::nil;
    n.alive = n.id == 0;  // a gap in the ids: never seen up
    nodes_.push_back(n);
  }
  return nodes_[id];
}

ConnectionState& ProcessGraph::conn_slot(uint16_t a, uint16_t b) {
  if (a > b) std::swap(a, b);
  auto it = std::lower_bound(conns_.begin(), conns_.end(), std::pair{a, b},
                             [](const ConnectionState& c, std::pair<uint16_t, uint16_t> k) { return std::pair{c.a, c.b} < k; });
  if (it == conns_.end() || it->a != a || it->b != b) it = conns_.insert(it, ConnectionState{a, b, false, false});
  return *it;
}

void ProcessGraph::apply_node_event(const TraceEvent& e, GraphChanges* ch) {
  switch (e.kind) {
    case TraceKind::NodeUp: {
      if (e.node >= kMaxNodes) return;  // a broken recording: not thousands of empty regions
      node_slot(0);
      NodeState& n = node_slot(e.node);
      n.name = e.name;
      n.alive = true;
      n.tied_to = e.term.is_integer() ? static_cast<int>(e.term.as_integer()) : -1;
      break;
    }
    case TraceKind::NodeDown:  // its connections go (a node that is down is not partitioned)
      if (e.node >= kMaxNodes) return;
      node_slot(e.node).alive = false;
      erase_if(conns_, [&](const ConnectionState& c) { return c.a == e.node || c.b == e.node; });
      break;
    case TraceKind::Connect:
      if (e.node >= kMaxNodes || e.node2 >= kMaxNodes || e.node == e.node2) return;
      conn_slot(e.node, e.node2).up = true;
      break;
    case TraceKind::Disconnect: {  // kept only as a partition; a plain disconnect is no connection
      if (e.node >= kMaxNodes || e.node2 >= kMaxNodes || e.node == e.node2) return;
      ConnectionState& c = conn_slot(e.node, e.node2);
      const bool was_up = c.up;
      c.up = false;
      c.partitioned = c.partitioned || e.flag;
      if (!c.partitioned) erase_if(conns_, [&](const ConnectionState& x) { return x == c; });
      if (was_up)  // R9.3: the links across it break at once on both sides (their :noconnection follow)
        for (auto& [serial, r] : live_) {
          if (r.node != e.node && r.node != e.node2) continue;
          const uint16_t other = r.node == e.node ? e.node2 : e.node;
          const auto across = [&](Pid x) { return node_of(x.serial()) == other; };
          // A monitor by name across it stays until its DOWN lands, as the runtime keeps it.
          const bool named = erase_if(r.name_targets, [&](const NameTarget& t) { return t.link && across(t.target); });
          if ((erase_if(r.links, across) | erase_if(r.one_way_links, across) | named) && ch) {
            ch->touch(serial);
            ch->relations = true;
          }
        }
      break;
    }
    case TraceKind::Heal: {
      ConnectionState& c = conn_slot(e.node, e.node2);
      c.partitioned = false;
      if (!c.up) erase_if(conns_, [&](const ConnectionState& x) { return x == c; });
      break;
    }
    default: return;
  }
  if (ch) ch->nodes = true;
}

ProcessRecord ProcessGraph::record_of(const ProcessSnapshot& p) {
  ProcessRecord r;
  static_cast<ProcessSnapshot&>(r) = p;
  r.supervisor = looks_like_supervisor(p.initial_call);
  r.console = role_of ? role_of(p.pid.serial()) : ConsoleRole::None;
  r.order = next_order_++;
  return r;
}

void ProcessGraph::clear() {
  live_.clear();
  dead_.clear();
  dead_order_.clear();
  flying_.clear();
  flying_seq_.clear();
  nodes_.clear();
  conns_.clear();
  foreign_.clear();
  next_seq_ = floor_ = 0;
  time_ns_ = 0;
  messages_ = exits_ = 0;
  next_order_ = 1;
}

void ProcessGraph::reset(const Snapshot& s, const std::vector<InFlightSignal>& in_flight) {
  live_.clear();
  dead_.clear();
  dead_order_.clear();
  flying_.clear();
  flying_seq_.clear();
  for (const ProcessSnapshot& p : s.processes) live_[p.pid.serial()] = record_of(p);
  nodes_ = s.nodes;
  conns_ = s.connections;
  for (const InFlightSignal& f : in_flight) {
    if (f.type == SignalType::Message) {
      if (ProcessRecord* r = get(f.to)) {
        ++r->message_queue_len;
        if (ergo_) count_queue(*r, f.queue, +1);
      }
    } else if (f.type == SignalType::Exit || f.type == SignalType::Down) {
      flying_.push_back(f);
      flying_seq_.push_back(0);
    }
  }
  next_seq_ = floor_ = s.seq;
  time_ns_ = s.time_ns;
}

void ProcessGraph::reset(const Keyframe& k) {
  reset(k.state);
  flying_ = k.in_flight;
  flying_seq_ = k.in_flight_seq;
  flying_seq_.resize(flying_.size(), 0);
  floor_ = 0;
}

void ProcessGraph::resync(const Snapshot& s, GraphChanges* ch) {
  floor_ = s.seq;
  next_seq_ = std::max(next_seq_, s.seq);
  time_ns_ = std::max(time_ns_, s.time_ns);
  if (nodes_ != s.nodes || conns_ != s.connections) {
    nodes_ = s.nodes;
    conns_ = s.connections;
    if (ch) ch->nodes = true;
  }
  std::unordered_set<uint32_t> present;
  present.reserve(s.processes.size() * 2);
  for (const ProcessSnapshot& p : s.processes) {
    const uint32_t key = p.pid.serial();
    present.insert(key);
    ProcessRecord* r = get(key);
    if (!r) {
      if (dead_.count(key)) continue;  // its end was seen after the snapshot was taken
      live_.emplace(key, record_of(p));
      if (ch) {
        ch->added.push_back(key);
        ch->relations = true;
      }
      continue;
    }
    const bool fields = r->name != p.name || r->status != p.status || r->trap_exit != p.trap_exit ||
                        r->suspended != p.suspended || r->message_queue_len != p.message_queue_len ||
                        r->queue_urgent != p.queue_urgent || r->queue_system != p.queue_system ||
                        r->reductions != p.reductions || r->memory != p.memory;
    const bool rel = r->links != p.links || r->one_way_links != p.one_way_links || r->monitors != p.monitors ||
                     r->monitored_by != p.monitored_by || r->parent != p.parent || r->name_targets != p.name_targets;
    r->name = p.name;
    r->node = p.node;
    r->status = p.status;
    r->trap_exit = p.trap_exit;
    r->suspended = p.suspended;
    r->message_queue_len = p.message_queue_len;
    r->queue_urgent = p.queue_urgent;
    r->queue_system = p.queue_system;
    r->reductions = p.reductions;
    r->memory = p.memory;
    if (rel) {
      r->links = p.links;
      r->one_way_links = p.one_way_links;
      r->name_targets = p.name_targets;
      r->monitors = p.monitors;
      r->monitored_by = p.monitored_by;
      r->parent = p.parent;
      if (ch) ch->relations = true;
    }
    if (ch && (fields || rel)) ch->touch(key);
  }
  std::vector<uint32_t> vanished;
  for (const auto& [key, r] : live_)
    if (!present.count(key)) vanished.push_back(key);
  for (uint32_t key : vanished) end(key, Term(atoms::unknown), ch);
}

void ProcessGraph::refresh_fields(const Snapshot& s, bool queue_lengths, GraphChanges* ch) {
  for (const ProcessSnapshot& p : s.processes) {
    ProcessRecord* r = get(p.pid);
    if (!r) continue;
    const uint32_t queue = queue_lengths ? p.message_queue_len : r->message_queue_len;
    // An attached node learns a proc_lib process's real initial call after its spawn.
    if (p.initial_call.is_tuple() && !(p.initial_call == r->initial_call)) {
      r->initial_call = p.initial_call;
      r->supervisor = r->supervisor || looks_like_supervisor(p.initial_call);
      if (ch) {
        ch->touch(p.pid.serial());
        ch->relations = true;
      }
    }
    const bool split_same = !queue_lengths || (r->queue_urgent == p.queue_urgent && r->queue_system == p.queue_system);
    if (r->status == p.status && r->reductions == p.reductions && r->memory == p.memory && r->message_queue_len == queue &&
        r->suspended == p.suspended && split_same)
      continue;
    r->suspended = p.suspended;
    r->status = p.status;
    r->reductions = p.reductions;
    r->memory = p.memory;
    r->message_queue_len = queue;
    if (queue_lengths) {
      r->queue_urgent = p.queue_urgent;
      r->queue_system = p.queue_system;
    }
    if (ch) ch->touch(p.pid.serial());
  }
}

void ProcessGraph::end(uint32_t serial, const Term& reason, GraphChanges* ch) {
  auto it = live_.find(serial);
  if (it == live_.end()) {
    // A snapshot saw it gone before its Exit event came: the event tells why it ended.
    auto d = dead_.find(serial);
    if (d != dead_.end() && d->second.exit_reason.is_atom(atoms::unknown) && !reason.is_atom(atoms::unknown)) {
      d->second.exit_reason = reason;
      if (ch) ch->touch(serial);
    }
    return;
  }
  ProcessRecord r = std::move(it->second);
  live_.erase(it);
  // Its monitors leave their targets at once (R3.7); peers keep the link, and watchers the
  // monitor, until the exit signal or DOWN reaches them.
  for (const auto& [ref, target] : r.monitors)
    if (ProcessRecord* t = get(target)) {
      if (erase_if(t->monitored_by, [&, ref = ref](const auto& m) { return m.first == ref; }) && ch) {
        ch->touch(target.serial());
        ch->relations = true;
      }
    }
  r.alive = false;
  r.exit_reason = reason;
  r.status = ProcessStatus::Exiting;
  r.message_queue_len = 0;
  dead_[serial] = std::move(r);
  dead_order_.push_back(serial);
  while (dead_order_.size() > dead_kept_) {
    dead_.erase(dead_order_.front());
    dead_order_.pop_front();
  }
  if (ch) {
    ch->removed.push_back(serial);
    ch->relations = true;
  }
}

void ProcessGraph::restart(const TraceEvent& e, GraphChanges* ch) {
  if (ProcessRecord* sup = get(e.a); sup && !sup->supervisor) {
    sup->supervisor = true;
    if (ch) {
      ch->touch(e.a.serial());
      ch->relations = true;
    }
  }
  ProcessRecord* old = find_any_mutable(e.pid2.serial());
  if (old) {
    old->restarted_as = e.b;
  }
  if (ProcessRecord* fresh = get(e.b); fresh && old) {
    fresh->order = old->order;  // the new child takes the old one's place
    fresh->restarts = old->restarts + 1;
    if (ch) {
      ch->touch(e.b.serial());
      ch->relations = true;
    }
  }
}

void ProcessGraph::apply(const TraceEvent& e, GraphChanges* ch) {
  // Counters follow every event; the state changes only from events the snapshot lacks.
  if (e.kind == TraceKind::Send) messages_ += e.weight;
  if (e.kind == TraceKind::Exit) ++exits_;
  if (e.seq >= next_seq_) next_seq_ = e.seq + 1;
  time_ns_ = std::max(time_ns_, e.time_ns);
  const uint32_t a = e.a.serial();
  const uint32_t b = e.b.serial();
  auto touch = [ch](uint32_t s) {
    if (ch) ch->touch(s);
  };
  auto related = [ch] {
    if (ch) ch->relations = true;
  };
  if (e.seq < floor_) {
    if (e.kind == TraceKind::Exit) {
      auto d = dead_.find(a);
      if (d != dead_.end() && d->second.exit_reason.is_atom(atoms::unknown)) {
        d->second.exit_reason = e.term;
        touch(a);
      }
    }
    if (e.kind == TraceKind::Restart) restart(e, ch);
    return;
  }
  switch (e.kind) {
    case TraceKind::Spawn: {
      if (live_.count(a) || dead_.count(a)) break;
      ProcessSnapshot p;
      p.pid = e.a;
      p.parent = e.b;
      p.node = e.node;
      p.initial_call = e.term;
      p.status = ProcessStatus::Waiting;
      ProcessRecord r = record_of(p);
      r.seen_seq = e.seq;
      live_.emplace(a, std::move(r));
      if (ch) {
        ch->added.push_back(a);
        ch->touch(a);
        ch->relations = true;
      }
      break;
    }
    case TraceKind::Exit: end(a, e.term, ch); break;
    case TraceKind::Link: {
      ProcessRecord* ra = get(e.a);
      ProcessRecord* rb = get(e.b);
      if (e.flag) {  // Ergo: one-way, only the linker holds it (node links are not drawn)
        if (!ra || !rb || ra == rb || e.node2 == 1) break;
        const bool named = ergo_ && add_name_target(*ra, e, true);
        if (add_link_to(ra->one_way_links, e.b) || named) {
          related();
          touch(a);
        }
        break;
      }
      if (!ra || !rb || ra == rb) break;
      bool c = add_link(*ra, e.b);
      c = add_link(*rb, e.a) || c;
      if (c) {
        related();
        touch(a);
        touch(b);
      }
      break;
    }
    case TraceKind::Unlink: {
      if (e.flag) {
        if (ProcessRecord* ra = get(e.a);
            ra && (drop_name_target(*ra, e.ref) | erase_if(ra->one_way_links, [&](Pid x) { return x == e.b; }))) {
          related();
          touch(a);
        }
        break;
      }
      bool c = false;
      if (ProcessRecord* ra = get(e.a)) c = erase_if(ra->links, [&](Pid x) { return x == e.b; }) || c;
      if (ProcessRecord* rb = get(e.b)) c = erase_if(rb->links, [&](Pid x) { return x == e.a; }) || c;
      if (c) {
        related();
        touch(a);
        touch(b);
      }
      break;
    }
    case TraceKind::Monitor: {
      ProcessRecord* ra = get(e.a);
      ProcessRecord* rb = get(e.b);
      if (!ra || !rb) break;  // a monitor of a dead process only yields a :noproc DOWN
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      bool c = false;
      if (std::none_of(ra->monitors.begin(), ra->monitors.end(), same)) {
        ra->monitors.push_back({e.ref, e.b});
        c = true;
      }
      if (ergo_) c = add_name_target(*ra, e, false) || c;
      if (std::none_of(rb->monitored_by.begin(), rb->monitored_by.end(), same)) {
        rb->monitored_by.push_back({e.ref, e.a});
        c = true;
      }
      if (c) {
        related();
        touch(a);
        touch(b);
      }
      break;
    }
    case TraceKind::Demonitor: {
      auto same = [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; };
      bool c = false;
      if (ProcessRecord* ra = get(e.a)) c = (erase_if(ra->monitors, same) | drop_name_target(*ra, e.ref)) || c;
      if (ProcessRecord* rb = get(e.b)) {
        c = erase_if(rb->monitored_by, same) || c;
      } else if (!e.b.valid()) {
        for (auto& [k, r] : live_) c = erase_if(r.monitored_by, same) || c;
      }
      if (c) {
        related();
        touch(a);
        if (get(e.b)) touch(b);
      }
      break;
    }
    case TraceKind::Send:
      if (ProcessRecord* rb = get(e.b); rb && e.weight == 1) {
        ++rb->message_queue_len;
        if (ergo_) count_queue(*rb, e.node2, +1);
        touch(b);
      }
      break;
    case TraceKind::Receive:
      if (ProcessRecord* ra = get(e.a); ra && e.weight == 1) {
        if (ra->message_queue_len > 0) --ra->message_queue_len;
        if (ergo_) count_queue(*ra, e.node2, -1);
        touch(a);
      }
      break;
    case TraceKind::SignalSent: {
      if (e.node2 == 1 && e.a.valid() && !find_any(a)) {  // a pid of an unreachable node
        if (foreign_.size() >= dead_kept_) foreign_.clear();
        foreign_[a] = e.node;
      }
      // A lost connection's DOWN (R9.4), or a name monitor's when the name goes (Ergo, E1.3): the
      // target, which lives on, forgets the monitor at once.
      if (e.signal == SignalType::Down && (e.node2 == 1 || (ergo_ && get(e.a))))
        if (ProcessRecord* ra = get(e.a);
            ra && erase_if(ra->monitored_by, [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; })) {
          related();
          touch(a);
        }
      if (!track_flying_ || (e.signal != SignalType::Exit && e.signal != SignalType::Down)) break;
      InFlightSignal f;
      f.type = e.signal;
      f.from = e.a;
      f.to = e.b;
      f.term = e.term;
      f.linked = e.flag;
      f.sent_ns = e.time_ns;
      f.due_ns = e.time_ns;
      flying_.push_back(std::move(f));
      flying_seq_.push_back(e.seq);
      break;
    }
    case TraceKind::SignalDelivered: {
      if (track_flying_) {
        const size_t match = in_flight_match(e);
        if (match < flying_.size()) {
          flying_.erase(flying_.begin() + static_cast<std::ptrdiff_t>(match));
          flying_seq_.erase(flying_seq_.begin() + static_cast<std::ptrdiff_t>(match));
        }
      }
      ProcessRecord* rb = get(e.b);
      if (!rb) break;
      if (e.outcome == SignalOutcome::Lost) {  // R9.6: it never arrives
        if (e.signal == SignalType::Message && rb->message_queue_len > 0) {
          --rb->message_queue_len;
          touch(b);
        }
        break;
      }
      if (e.signal == SignalType::Exit) {
        // R1.1: the link is gone once the exit signal of a linked process arrives.
        if (e.flag && e.outcome != SignalOutcome::DroppedUnlinked && e.outcome != SignalOutcome::DroppedDead &&
            (erase_if(ergo_ ? rb->one_way_links : rb->links, [&](Pid x) { return x == e.a; }) |
             (ergo_ && drop_name_target(*rb, e.ref)))) {
          related();
          touch(b);
        }
        if (e.outcome == SignalOutcome::Trapped) {
          ++rb->message_queue_len;
          if (ergo_) count_queue(*rb, 2, +1);
          touch(b);
        }
      } else if (e.signal == SignalType::Down && e.outcome == SignalOutcome::DownQueued) {
        ++rb->message_queue_len;
        if (ergo_) count_queue(*rb, 1, +1);
        if (erase_if(rb->monitors, [&](const std::pair<Ref, Pid>& m) { return m.first == e.ref; }) |
            drop_name_target(*rb, e.ref))
          related();
        touch(b);
      }
      break;
    }
    case TraceKind::TrapExit:
      if (ProcessRecord* ra = get(e.a); ra && ra->trap_exit != e.flag) {
        ra->trap_exit = e.flag;
        touch(a);
      }
      break;
    case TraceKind::Register:
      if (ProcessRecord* ra = get(e.a)) {
        ra->name = e.name;
        touch(a);
      }
      break;
    case TraceKind::Unregister:
      if (ProcessRecord* ra = get(e.a); ra && ra->name == e.name) {
        ra->name = Atom{atoms::nil.id};
        touch(a);
      }
      break;
    case TraceKind::Suspend:
    case TraceKind::Resume:
      if (ProcessRecord* ra = get(e.a)) {
        ra->suspended = e.kind == TraceKind::Suspend;
        ra->status = ra->suspended ? ProcessStatus::Suspended : ProcessStatus::Waiting;
        touch(a);
      }
      break;
    case TraceKind::Restart: restart(e, ch); break;
    case TraceKind::Fault: break;  // the event that follows (exit, suspend, ...) changes the state
    case TraceKind::Label:
      if (ProcessRecord* ra = get(e.a)) {
        ra->label = e.term;
        touch(a);
      }
      break;
    case TraceKind::GiveUp:
      if (ProcessRecord* ra = get(e.a)) {
        ra->supervisor = true;
        ra->gave_up = e.term;
        touch(a);
      }
      break;
    case TraceKind::NodeUp:
    case TraceKind::NodeDown:
    case TraceKind::Connect:
    case TraceKind::Disconnect:
    case TraceKind::Heal: apply_node_event(e, ch); break;
  }
}

Snapshot ProcessGraph::snapshot() const {
  Snapshot s;
  s.seq = next_seq_;
  s.time_ns = time_ns_;
  s.processes.reserve(live_.size());
  for (const auto& [k, p] : live_) s.processes.push_back(p);
  s.nodes = nodes_;
  s.connections = conns_;
  return s;
}

Keyframe ProcessGraph::keyframe(size_t index) const {
  Keyframe k;
  k.index = index;
  k.state = snapshot();
  k.in_flight = flying_;
  k.in_flight_seq = flying_seq_;
  return k;
}

}  // namespace actorscope
