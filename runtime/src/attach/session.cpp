// Session: several attached nodes as one picture (attach.hpp).

#include "actorscope/attach.hpp"

#include "ei_codec.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace actorscope::attach {

struct Session::Impl {
  struct Node {
    std::unique_ptr<Client> client;
    bool joined = false;  // its first picture went out
    bool lost = false;
    int64_t offset = 0;   // added to its times: the session's time line
    std::vector<std::string> connected;  // the node's connected nodes, as it last said
    AgentStats stats;
    std::unordered_set<uint32_t> procs;  // its processes in the picture (serials)
  };

  std::shared_ptr<PidMap> pids = std::make_shared<PidMap>();
  mutable std::mutex m;  // guards everything below
  std::vector<Node> nodes;
  // Clients of nodes attached again (released: their pictures dropped): a reference the GUI took
  // (client(k), owner()) stays valid.
  std::vector<std::unique_ptr<Client>> retired;
  uint64_t seq = 1;
  int64_t last_time = 0;
  int64_t now = 0;         // the latest time a node reported, on the session's time line
  int64_t epoch = 0;       // where the session's time line starts (the first node's epoch_ns)
  bool pictured = false;   // the first full picture went out
  bool named = false;      // node 0's NodeUp went out

  /// Seq and time (kept monotonic) for an event already on the session's time line.
  void seal(TraceEvent& e) {
    e.seq = seq++;
    e.time_ns = std::max(last_time, e.time_ns);
    last_time = e.time_ns;
  }

  /// An event node k reported (its time on its own line).
  void stamp(TraceEvent& e, size_t k) {
    e.time_ns += nodes[k].offset;
    seal(e);
    if (e.kind == TraceKind::Spawn) {
      e.node = uint16_t(k);
      nodes[k].procs.insert(e.a.serial());
    } else if (e.kind == TraceKind::Exit) {
      nodes[k].procs.erase(e.a.serial());
    }
  }

  size_t live() const {
    return size_t(std::count_if(nodes.begin(), nodes.end(), [](const Node& n) { return !n.lost; }));
  }

  /// Node k went away while others stay: NodeDown, and its processes end with :noconnection (as
  /// the BEAM's links to them fire), in serial order.
  void went_away(size_t k, std::vector<TraceEvent>& out) {
    TraceEvent down;
    down.kind = TraceKind::NodeDown;
    down.node = uint16_t(k);
    down.time_ns = last_time;
    seal(down);
    out.push_back(std::move(down));
    std::vector<uint32_t> gone(nodes[k].procs.begin(), nodes[k].procs.end());
    std::sort(gone.begin(), gone.end());
    for (uint32_t s : gone) {
      TraceEvent e;
      e.kind = TraceKind::Exit;
      e.a = Pid::make(0, s);
      e.term = Term::atom("noconnection");
      e.time_ns = last_time;
      seal(e);
      out.push_back(std::move(e));
    }
    nodes[k].procs.clear();
    // Back after a partition, its processes have the same pids: they must not map to the serials
    // the picture has just ended (a spawn of an ended serial is ignored).
    pids->forget_node(nodes[k].client->node().name);
  }

  static bool lists(const std::vector<std::string>& l, const std::string& name) {
    return std::find(l.begin(), l.end(), name) != l.end();
  }
  bool connected(size_t a, size_t b) const {
    return lists(nodes[a].connected, nodes[b].client->node().name) || lists(nodes[b].connected, nodes[a].client->node().name);
  }

  TraceEvent& add(std::vector<TraceEvent>& out, TraceKind kind, size_t k, int64_t time, Pid a = {}, Pid b = {}) {
    TraceEvent e;
    e.kind = kind;
    e.a = a;
    e.b = b;
    e.time_ns = time;
    stamp(e, k);
    out.push_back(std::move(e));
    return out.back();
  }

  /// Node k's first picture as events: it joins the one already drawn.
  void join(size_t k, const Snapshot& s, std::vector<TraceEvent>& out) {
    auto node_up = [&](size_t n) {
      TraceEvent& e = add(out, TraceKind::NodeUp, k, s.time_ns);
      e.node = uint16_t(n);
      e.name = intern(nodes[n].client->node().name);
    };
    if (!named) {
      node_up(0);
      named = true;
    }
    node_up(k);
    for (size_t j = 0; j < nodes.size(); ++j)
      if (j != k && nodes[j].joined && !nodes[j].lost && connected(j, k)) {
        TraceEvent& e = add(out, TraceKind::Connect, k, s.time_ns);
        e.node = uint16_t(std::min(j, k));
        e.node2 = uint16_t(std::max(j, k));
      }
    std::unordered_set<uint32_t> own;
    for (const ProcessSnapshot& p : s.processes) own.insert(p.pid.serial());
    for (const ProcessSnapshot& p : s.processes) add(out, TraceKind::Spawn, k, s.time_ns, p.pid, p.parent).term = p.initial_call;
    for (const ProcessSnapshot& p : s.processes) {
      if (p.name != atoms::nil) add(out, TraceKind::Register, k, s.time_ns, p.pid).name = p.name;
      if (p.trap_exit) add(out, TraceKind::TrapExit, k, s.time_ns, p.pid).flag = true;
      for (Pid l : p.links)
        if (!own.count(l.serial()) || p.pid.serial() < l.serial()) add(out, TraceKind::Link, k, s.time_ns, p.pid, l);  // each pair once
      // Its monitors; one held on it by another node's process is that node's report.
      for (const auto& [ref, target] : p.monitors) add(out, TraceKind::Monitor, k, s.time_ns, p.pid, target).ref = ref;
    }
  }

  /// Node k (joined) now says it is connected to `list`: Connect / Disconnect for each attached
  /// node whose connection to it changed (not sealed: they go after the take's events, which
  /// the node reported before it said so).
  void reconnected(size_t k, std::vector<std::string> list, std::vector<TraceEvent>& out) {
    std::vector<bool> before(nodes.size());
    for (size_t j = 0; j < nodes.size(); ++j) before[j] = j != k && connected(j, k);
    nodes[k].connected = std::move(list);
    for (size_t j = 0; j < nodes.size(); ++j) {
      if (j == k || !nodes[j].joined || nodes[j].lost) continue;
      const bool after = connected(j, k);
      if (after == before[j]) continue;
      TraceEvent e;
      e.kind = after ? TraceKind::Connect : TraceKind::Disconnect;
      e.node = uint16_t(std::min(j, k));
      e.node2 = uint16_t(std::max(j, k));
      if (!after) e.term = Term(0LL);  // noticed at once: the node said so
      out.push_back(std::move(e));
    }
  }
};

Session::Session() : d_(std::make_unique<Impl>()) {}

Session::~Session() { detach(); }

std::unique_ptr<Client> Session::new_client() const {
  std::lock_guard g(d_->m);
  return std::make_unique<Client>(d_->pids, d_->nodes.empty());
}

void Session::adopt(std::unique_ptr<Client> client) {
  std::lock_guard g(d_->m);
  Impl& d = *d_;
  Impl::Node n;
  n.connected = client->node().nodes;
  if (d.nodes.empty()) d.epoch = client->epoch_ns();
  n.offset = client->epoch_ns() - d.epoch;  // its time line started this much after the session's
  n.client = std::move(client);
  // A node that went away and is back takes its old place (its region comes back to life).
  for (size_t k = 0; k < d.nodes.size(); ++k)
    if (d.nodes[k].lost && d.nodes[k].client->node().name == n.client->node().name) {
      d.nodes[k].client->release();  // its receive thread has ended: it went away
      d.retired.push_back(std::move(d.nodes[k].client));
      d.nodes[k] = std::move(n);
      return;
    }
  d.nodes.push_back(std::move(n));
}

size_t Session::size() const {
  std::lock_guard g(d_->m);
  return d_->nodes.size();
}

bool Session::lost(size_t k) const {
  std::lock_guard g(d_->m);
  return d_->nodes.at(k).lost;
}

bool Session::all_lost() const {
  std::lock_guard g(d_->m);
  return !d_->nodes.empty() && d_->live() == 0;
}

Client& Session::client(size_t k) {
  std::lock_guard g(d_->m);
  return *d_->nodes.at(k).client;
}

const Client& Session::client(size_t k) const {
  std::lock_guard g(d_->m);
  return *d_->nodes.at(k).client;
}

Client* Session::owner(Pid p) {
  const std::string node = d_->pids->node_of(p);
  std::lock_guard g(d_->m);
  for (auto& n : d_->nodes)
    if (!n.lost && n.client->node().name == node) return n.client.get();
  return nullptr;
}

bool Session::attached(const std::string& node) const {
  std::lock_guard g(d_->m);
  return std::any_of(d_->nodes.begin(), d_->nodes.end(), [&](const Impl::Node& n) { return !n.lost && n.client->node().name == node; });
}

std::vector<std::string> Session::connected_nodes() const {
  std::lock_guard g(d_->m);
  std::vector<std::string> out;
  for (const auto& n : d_->nodes)
    if (!n.lost)
      for (const std::string& c : n.connected)
        if (!Impl::lists(out, c)) out.push_back(c);
  return out;
}

Batch Session::take() {
  std::lock_guard g(d_->m);
  Impl& d = *d_;
  Batch out;
  // Each node's events in its own order; merged by time below.
  struct Part {
    size_t k;
    std::vector<TraceEvent> events;
    size_t next = 0;
  };
  std::vector<Part> parts;
  std::vector<std::pair<size_t, std::string>> lost_now;
  std::vector<TraceEvent> connections;
  for (size_t k = 0; k < d.nodes.size(); ++k) {
    Impl::Node& n = d.nodes[k];
    if (n.lost) continue;
    Batch b = n.client->take();
    n.stats = b.stats;
    if (b.nodes_changed) {
      if (k == 0) {
        out.nodes = b.nodes;
        out.nodes_changed = true;
      }
      if (n.joined) d.reconnected(k, std::move(b.nodes), connections);
      else n.connected = std::move(b.nodes);
    }
    if (b.snapshot) {
      Snapshot& s = *b.snapshot;
      for (ProcessSnapshot& p : s.processes) {
        p.node = uint16_t(k);
        if (!n.joined) n.procs.insert(p.pid.serial());
      }
      if (!d.pictured && b.full) {  // the first picture: it replaces the window's
        s.time_ns = std::max(d.last_time, s.time_ns + n.offset);
        d.last_time = s.time_ns;
        s.seq = d.seq;
        out.snapshot = std::move(s);
        out.full = true;
        n.joined = d.pictured = true;
      } else if (!n.joined) {
        d.join(k, s, out.events);
        n.joined = true;
      } else if (!out.snapshot) {
        out.snapshot = std::move(s);
      } else {
        out.snapshot->processes.insert(out.snapshot->processes.end(), std::make_move_iterator(s.processes.begin()),
                                       std::make_move_iterator(s.processes.end()));
      }
    }
    if (!b.events.empty()) parts.push_back({k, std::move(b.events)});
    d.now = std::max(d.now, b.now_ns + n.offset);
    if (b.lost) lost_now.emplace_back(k, b.error.empty() ? n.client->node().name + " went away" : b.error);
  }
  // One time line: the nodes' events interleaved by time, each node's in its own order.
  for (;;) {
    Part* best = nullptr;
    int64_t best_t = 0;
    for (Part& p : parts)
      if (p.next < p.events.size()) {
        const int64_t t = p.events[p.next].time_ns + d.nodes[p.k].offset;
        if (!best || t < best_t) best = &p, best_t = t;
      }
    if (!best) break;
    TraceEvent& e = best->events[best->next++];
    d.stamp(e, best->k);
    out.events.push_back(std::move(e));
  }
  for (TraceEvent& e : connections) {
    e.time_ns = d.last_time;
    d.seal(e);
    out.events.push_back(std::move(e));
  }
  for (auto& [k, why] : lost_now) d.nodes[k].lost = true;
  if (!lost_now.empty()) {
    if (d.live() == 0) {
      // The last node went away: the window keeps its last picture (nothing is left to say the
      // processes ended; they may well run on).
      out.lost = true;
      out.error = lost_now.front().second;
      for (size_t i = 1; i < lost_now.size(); ++i) out.error += "; " + lost_now[i].second;
    } else {
      for (auto& [k, why] : lost_now) {
        d.went_away(k, out.events);
        out.gone.push_back(why);
      }
    }
  }
  if (out.snapshot && !out.full) {
    out.snapshot->seq = d.seq;
    out.snapshot->time_ns = d.last_time;
  }
  for (const auto& n : d.nodes) {
    out.stats.events += n.stats.events;
    out.stats.dropped += n.stats.dropped;
    out.stats.sampling = out.stats.sampling || (!n.lost && n.stats.sampling);
    if (!n.lost) out.stats.processes += n.stats.processes;
    out.stats.agent_reductions += n.stats.agent_reductions;
  }
  out.now_ns = std::max(d.now, d.last_time);
  return out;
}

bool Session::detach() {
  std::vector<Client*> clients;
  {
    std::lock_guard g(d_->m);
    for (auto& n : d_->nodes) clients.push_back(n.client.get());
  }
  // Not under the lock, and side by side: each may wait 2 s for its agent.
  if (clients.size() == 1) return clients[0]->detach();
  std::vector<char> left(clients.size(), 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < clients.size(); ++i) threads.emplace_back([&, i] { left[i] = clients[i]->detach(); });
  for (auto& t : threads) t.join();
  return std::all_of(left.begin(), left.end(), [](char l) { return l != 0; });
}

}  // namespace actorscope::attach
