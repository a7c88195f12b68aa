// Session: several attached nodes as one picture (attach.hpp).

#include "actorscope/attach.hpp"

#include "ei_codec.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <unordered_set>

namespace actorscope::attach {

namespace {
using Clock = std::chrono::steady_clock;
constexpr uint64_t kTranslatorRefs = 1ull << 40;  // the refs a Translator makes start here
constexpr unsigned kRefShift = 44;                // node k's translator refs move up by k << 44
}  // namespace

struct Session::Impl {
  struct Node {
    std::unique_ptr<Client> client;
    Clock::time_point adopted{};
    bool joined = false;  // its first picture went out (node 0: its full snapshot)
    bool lost = false;
    int64_t offset = 0;   // added to its times: node 0's time line
    std::vector<std::string> connected;  // the node's connected nodes, as it last said
    AgentStats stats;
    std::unordered_set<uint32_t> procs;  // its processes in the picture (serials), k > 0
  };

  std::shared_ptr<PidMap> pids = std::make_shared<PidMap>();
  mutable std::mutex m;  // guards everything below
  std::vector<Node> nodes;
  uint64_t seq = 1;
  int64_t last_time = 0;
  int64_t now0 = 0;  // node 0's clock at its last report, and when that was read
  Clock::time_point now0_at{};
  bool named = false;  // node 0's NodeUp went out

  static Ref shifted(Ref r, size_t k) { return k && r.id >= kTranslatorRefs ? Ref{r.id + (uint64_t(k) << kRefShift)} : r; }

  void stamp(TraceEvent& e, size_t k) {
    e.seq = seq++;
    e.time_ns = std::max(last_time, e.time_ns + nodes[k].offset);
    last_time = e.time_ns;
    if (k) {
      if (e.kind == TraceKind::Spawn) {
        e.node = uint16_t(k);
        nodes[k].procs.insert(e.a.serial());
      } else if (e.kind == TraceKind::Exit) {
        nodes[k].procs.erase(e.a.serial());
      }
      e.ref = shifted(e.ref, k);
    }
  }

  /// Node k went away: NodeDown, and its processes end with :noconnection (as the BEAM's links to
  /// them fire), in serial order.
  void went_away(size_t k, std::vector<TraceEvent>& out) {
    TraceEvent down;
    down.kind = TraceKind::NodeDown;
    down.node = uint16_t(k);
    down.time_ns = last_time;
    stamp(down, 0);
    out.push_back(std::move(down));
    std::vector<uint32_t> gone(nodes[k].procs.begin(), nodes[k].procs.end());
    std::sort(gone.begin(), gone.end());
    for (uint32_t s : gone) {
      TraceEvent e;
      e.kind = TraceKind::Exit;
      e.a = Pid::make(0, s);
      e.term = Term::atom("noconnection");
      e.time_ns = last_time;
      stamp(e, 0);
      out.push_back(std::move(e));
    }
    nodes[k].procs.clear();
    // Back after a partition, its processes have the same pids: they must not map to the serials
    // the picture has just ended (a spawn of an ended serial is ignored).
    pids->forget_node(nodes[k].client->node().name);
  }

  bool connected(size_t a, size_t b) const {
    auto has = [](const Node& n, const std::string& name) { return std::find(n.connected.begin(), n.connected.end(), name) != n.connected.end(); };
    return has(nodes[a], nodes[b].client->node().name) || has(nodes[b], nodes[a].client->node().name);
  }

  /// Node k's first picture as events: it joins the one already drawn.
  void join(size_t k, const Snapshot& s, std::vector<TraceEvent>& out) {
    auto add = [&](TraceKind kind, Pid a, Pid b = {}) -> TraceEvent& {
      TraceEvent e;
      e.kind = kind;
      e.a = a;
      e.b = b;
      e.time_ns = s.time_ns;
      stamp(e, k);
      out.push_back(std::move(e));
      return out.back();
    };
    auto node_up = [&](size_t n) {
      TraceEvent& e = add(TraceKind::NodeUp, {});
      e.node = uint16_t(n);
      e.name = intern(nodes[n].client->node().name);
    };
    if (!named) {
      node_up(0);
      named = true;
    }
    node_up(k);
    for (size_t j = 0; j < k; ++j)
      if (!nodes[j].lost && connected(j, k)) {
        TraceEvent& e = add(TraceKind::Connect, {});
        e.node = uint16_t(j);
        e.node2 = uint16_t(k);
      }
    std::unordered_set<uint32_t> own;
    for (const ProcessSnapshot& p : s.processes) own.insert(p.pid.serial());
    for (const ProcessSnapshot& p : s.processes) add(TraceKind::Spawn, p.pid, p.parent).term = p.initial_call;
    for (const ProcessSnapshot& p : s.processes) {
      if (p.name != atoms::nil) add(TraceKind::Register, p.pid).name = p.name;
      if (p.trap_exit) add(TraceKind::TrapExit, p.pid).flag = true;
      for (Pid l : p.links)
        if (!own.count(l.serial()) || p.pid.serial() < l.serial()) add(TraceKind::Link, p.pid, l);  // each pair once
      // Its monitors; one held on it by another node's process is that node's report.
      for (const auto& [ref, target] : p.monitors) add(TraceKind::Monitor, p.pid, target).ref = shifted(ref, k);
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
  Impl::Node n;
  n.connected = client->node().nodes;
  n.client = std::move(client);
  n.adopted = Clock::now();
  // A node that went away and is back takes its old place (its region comes back to life).
  for (size_t k = 1; k < d_->nodes.size(); ++k)
    if (d_->nodes[k].lost && d_->nodes[k].client->node().name == n.client->node().name) {
      d_->nodes[k] = std::move(n);
      return;
    }
  d_->nodes.push_back(std::move(n));
}

size_t Session::size() const {
  std::lock_guard g(d_->m);
  return d_->nodes.size();
}

bool Session::lost(size_t k) const {
  std::lock_guard g(d_->m);
  return d_->nodes.at(k).lost;
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

Batch Session::take() {
  std::lock_guard g(d_->m);
  Impl& d = *d_;
  Batch out;
  for (size_t k = 0; k < d.nodes.size(); ++k) {
    Impl::Node& n = d.nodes[k];
    if (n.lost) continue;
    Batch b = n.client->take();
    if (!b.nodes.empty()) n.connected = b.nodes;
    n.stats = b.stats;
    if (k == 0) {
      d.now0 = b.now_ns;
      d.now0_at = Clock::now();
    } else if (!n.joined) {
      // Its clock onto node 0's: node 0's time when it was adopted, against its own then.
      const int64_t since = std::chrono::duration_cast<std::chrono::nanoseconds>(n.adopted - d.now0_at).count();
      n.offset = d.now0 + since - b.now_ns;
    }
    if (b.snapshot) {
      Snapshot& s = *b.snapshot;
      for (ProcessSnapshot& p : s.processes) {
        p.node = uint16_t(k);
        if (k && !n.joined) n.procs.insert(p.pid.serial());
        for (auto& mref : p.monitors) mref.first = Impl::shifted(mref.first, k);
        for (auto& mref : p.monitored_by) mref.first = Impl::shifted(mref.first, k);
      }
      if (k == 0 && b.full) {
        s.seq = d.seq;
        s.time_ns = d.last_time = std::max(d.last_time, s.time_ns);
        out.snapshot = std::move(s);
        out.full = true;
        n.joined = true;
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
    for (TraceEvent& e : b.events) {
      d.stamp(e, k);
      out.events.push_back(std::move(e));
    }
    if (b.lost) {
      n.lost = true;
      if (k == 0) {
        out.lost = true;
        out.error = b.error;
      } else {
        d.went_away(k, out.events);
        out.gone.push_back(b.error.empty() ? n.client->node().name + " went away" : b.error);
      }
    }
    if (k == 0) out.nodes = std::move(b.nodes);
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
  out.now_ns = std::max(d.now0, d.last_time);
  return out;
}

bool Session::detach() {
  std::vector<Client*> clients;
  {
    std::lock_guard g(d_->m);
    for (auto& n : d_->nodes) clients.push_back(n.client.get());
  }
  bool all = true;
  for (Client* c : clients) all = c->detach() && all;  // not under the lock: each may wait 2 s
  return all;
}

}  // namespace actorscope::attach
