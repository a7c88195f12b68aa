// netsplit, remote-supervisor: several nodes and a partition between them (SEMANTICS R9).

#include "scenario_util.hpp"

namespace actorscope::scenario_lib {

using namespace otp;
using NodeId = Runtime::NodeId;

namespace {

/// Spawn-and-link of `fn(args...)` on `node`, as Node.spawn_link/2 does: when the node cannot be
/// reached (partitioned) the pid names no process and {:EXIT, pid, :noconnection} arrives at once
/// (R9.3). For a caller that traps exits, as a supervisor does.
template <class F, class... Args>
Pid spawn_link_on(Process& self, NodeId node, F fn, Args... args) {
  // The runtime does what the BEAM does on an unreachable node: a dead pid whose link fires
  // :noconnection at once (an exit signal: the supervisor traps it).
  SpawnOptions o;
  o.link = true;
  o.node = node;
  return self.spawn_opt(o, fn, args...);
}

/// A registered process that traps exits and waits forever: its {:EXIT, ...} stay in the mailbox.
Task<> named_trapper(Process& self, Atom name) {
  self.runtime().register_name(self.pid(), name);
  self.trap_exit(true);
  co_await idle(self);
}

// ---- netsplit ---------------------------------------------------------------------------------------
/// :echo on its node: answers {:ping, n, from} with {:pong, n, node}, counts the pings it got (in its
/// dictionary, :pings) and passes each on to `relay_to` (when valid) as {:relay, n}.
Task<> echo(Process& self, Pid relay_to) {
  Runtime& rt = self.runtime();
  rt.register_name(self.pid(), intern("echo"));
  const Term node(rt.nodes().at(rt.node_of(self.pid())));
  int64_t pings = 0, relays = 0;
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(intern("ping"), 3) && m[2].is_pid()) {
      self.put(A("pings"), Term(static_cast<long long>(++pings)));
      self.send(m[2].as_pid(), Term::tuple({A("pong"), m[1], node}));
      if (relay_to.valid()) self.send(relay_to, Term::tuple({A("relay"), m[1]}));
    } else if (m.is_tagged(intern("relay"), 2)) {
      self.put(A("relays"), Term(static_cast<long long>(++relays)));
    }
  }
}
/// :pinger sends {:ping, n, self} to every peer each `every_ms` (counted in its dictionary, :sent)
/// and takes the pongs in between (the last n per node under {:last_pong, node}).
Task<> pinger(Process& self, std::vector<Pid> peers, int64_t every_ms) {
  Runtime& rt = self.runtime();
  rt.register_name(self.pid(), intern("pinger"));
  for (int64_t n = 1;; ++n) {
    for (Pid p : peers) self.send(p, Term::tuple({A("ping"), Term(static_cast<long long>(n)), Term(self.pid())}));
    self.put(A("sent"), Term(static_cast<long long>(n)));
    const int64_t until = rt.now_ns() + every_ms * 1'000'000;
    for (int64_t left = every_ms; left > 0; left = (until - rt.now_ns()) / 1'000'000) {
      std::optional<Term> m = co_await self.receive([](const Term& t) { return t.is_tagged(intern("pong"), 3); }, left);
      if (!m) break;
      self.put(Term::tuple({A("last_pong"), (*m)[2]}), (*m)[1]);
    }
  }
}
/// :linker traps exits and spawn_links :partner on node `b`.
Task<> netsplit_linker(Process& self, NodeId b) {
  self.runtime().register_name(self.pid(), intern("linker"));
  self.trap_exit(true);
  SpawnOptions o;
  o.link = true;
  o.node = b;
  self.spawn_opt(o, named_idle, intern("partner"));
  co_await idle(self);  // {:EXIT, partner, :noconnection} stays in the mailbox
}
/// :watcher spawns :target on node `c`, monitors it, and monitors nodes b and c (Node.monitor).
Task<> netsplit_watcher(Process& self, NodeId b, NodeId c) {
  Runtime& rt = self.runtime();
  rt.register_name(self.pid(), intern("watcher"));
  SpawnOptions o;
  o.node = c;
  self.monitor(self.spawn_opt(o, named_idle, intern("target")));
  rt.monitor_node(self.pid(), b);
  rt.monitor_node(self.pid(), c);
  co_await idle(self);  // the DOWN and the nodedowns stay in the mailbox
}

/// :director, the timed events: after `cut_after_ms` it partitions node `a` from every node of
/// `far`; `heal_after_ms` later it heals those partitions (0: never).
// ---- remote-supervisor ------------------------------------------------------------------------------
/// A worker child started on `node` (Node.spawn_link from the supervisor), registered there as `id`.
ChildSpec remote_worker(std::string_view id, NodeId node, bool trap) {
  ChildSpec s;
  s.id = A(id);
  s.module = intern("Elixir.Worker");
  s.start = [node, name = intern(id), trap](Process& sup, Term) -> Task<Term> {
    Pid p = trap ? spawn_link_on(sup, node, named_trapper, name) : spawn_link_on(sup, node, named_idle, name);
    return ready(Term::tuple({Term(atoms::ok), Term(p)}));
  };
  return s;
}

}  // namespace

ScenarioInfo netsplit_scenario() {
  ScenarioInfo s;
  s.name = "netsplit";
  s.title = "Netsplit";
  s.description =
      "Three nodes, :\"a@host\", :\"b@host\" and :\"c@host\". On a, :pinger sends {:ping, n, pid} to the :echo of b "
      "and the :echo of c (names are per node: {:echo, :\"b@host\"}); b's :echo passes each ping on to c's, so b and "
      "c are connected too. :linker on a traps exits and is linked to :partner on b; :watcher on a monitors :target "
      "on c and monitors both nodes. After a while the :director cuts a off from b and c: every link and monitor "
      "across the cut fires on both sides with :noconnection, though nothing crashed. :partner dies with "
      ":noconnection, :linker gets {:EXIT, partner, :noconnection}; :watcher gets {:DOWN, ref, :process, target, "
      ":noconnection} and {:nodedown, node} for b and c, while :target lives on. Pings sent meanwhile are lost "
      "without an error; b and c still talk. Then the partition heals: the next ping connects again, but nothing "
      "is resurrected: the link and the monitor are gone and :partner stays dead. Try: untrap :linker before the "
      "cut and it dies with :noconnection too.";
  s.params = {{"ping_every_ms", 1000, 1, 600000, "ms between two rounds of pings from :pinger"},
              {"cut_after_ms", 3000, 0, 600000, "ms before a is partitioned from b and c (0: never)"},
              {"heal_after_ms", 5000, 0, 600000, "ms after the cut before the partitions heal (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    NodeId a = name_first_node(rt, "a@host");
    NodeId b = node_named(rt, "b@host"), c = node_named(rt, "c@host");
    SpawnOptions on_b, on_c;
    on_b.node = b;
    on_c.node = c;
    Pid echo_c = rt.spawn_opt(on_c, echo, Pid{});
    Pid echo_b = rt.spawn_opt(on_b, echo, echo_c);
    return std::vector<Pid>{
        echo_b,
        echo_c,
        rt.spawn(pinger, std::vector<Pid>{echo_b, echo_c}, p.at("ping_every_ms")),
        rt.spawn(netsplit_linker, b),
        rt.spawn(netsplit_watcher, b, c),
        rt.spawn(partition_director, a, std::vector<NodeId>{b, c}, p.at("cut_after_ms"), p.at("heal_after_ms")),
    };
  };
  return s;
}

ScenarioInfo remote_supervisor_scenario() {
  ScenarioInfo s;
  s.name = "remote-supervisor";
  s.title = "A supervisor across a netsplit";
  s.description =
      "A supervisor on :\"a@host\", :remote_sup (one_for_one, at most max_restarts restarts in 5 s), with one child "
      "on its own node, :local_worker, and three on :\"b@host\": :remote_1, :remote_2 and :remote_trapper, which traps "
      "exits. Their links to the supervisor cross the connection between a and b. After a while the :director "
      "partitions a from b and the links fire on both sides with :noconnection: :remote_1 and :remote_2 die with it, "
      ":remote_trapper gets {:EXIT, sup, :noconnection} and lives on, orphaned. The supervisor restarts each remote "
      "child, but b cannot be reached: as on the BEAM, spawn_link there gives a pid that is already dead and an "
      "{:EXIT, pid, :noconnection} at once, so every restart fails until the intensity is reached; :remote_sup "
      "gives up, stops :local_worker and exits with :shutdown. When the partition heals nothing comes back: no "
      "supervisor, and the orphan still runs on b, linked to nobody. Try: raise max_restarts: every restart fails "
      "just the same, only more of them.";
  s.params = {{"cut_after_ms", 3000, 0, 600000, "ms before a is partitioned from b (0: never)"},
              {"heal_after_ms", 3000, 0, 600000, "ms after the cut before the partition heals (0: never)"},
              {"max_restarts", 3, 0, 1000, ":remote_sup's restart intensity (per 5 s)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    NodeId a = name_first_node(rt, "a@host");
    NodeId b = node_named(rt, "b@host");
    SupervisorOptions o;
    o.name = intern("remote_sup");
    o.max_restarts = static_cast<int>(p.at("max_restarts"));
    std::vector<ChildSpec> kids = {
        ChildSpec::worker(A("local_worker"), named_idle, intern("local_worker")).with_module(intern("Elixir.Worker")),
        remote_worker("remote_1", b, false), remote_worker("remote_2", b, false),
        remote_worker("remote_trapper", b, true)};
    Pid sup = Supervisor::start(rt, std::move(kids), o);
    return std::vector<Pid>{
        sup, rt.spawn(partition_director, a, std::vector<NodeId>{b}, p.at("cut_after_ms"), p.at("heal_after_ms"))};
  };
  return s;
}

}  // namespace actorscope::scenario_lib
