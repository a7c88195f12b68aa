// ergo-service, ergo-name-monitor, ergo-down-overtakes, ergo-trapped-kill, ergo-node-link: the cases
// of the Ergo Framework's "Links And Monitors" chapter (SEMANTICS section E). Each builds the same
// processes under either semantics, so View > Compare semantics can run one on each side; the
// descriptions say what each side shows.

#include "actorscope/ergo.hpp"
#include "scenario_util.hpp"

namespace actorscope::scenario_lib {

namespace {

bool is_ergo(Process& self) { return self.runtime().semantics() == Semantics::Ergo; }

// ---- ergo-service -----------------------------------------------------------------------------------
Task<> service_worker(Process& self, Pid service) {
  self.link(service);  // Ergo: LinkPID, one-way (the worker depends on the service); BEAM: both ways
  co_await idle(self);
}
Task<> service_director(Process& self, Pid service, Pid worker, int64_t crash_worker_ms, int64_t crash_service_ms) {
  self.runtime().register_name(self.pid(), intern("director"));
  if (crash_worker_ms > 0) {
    co_await sleep_ms(self, crash_worker_ms);
    self.exit(worker, A("crash"));
  }
  if (crash_service_ms > 0) {
    co_await sleep_ms(self, crash_service_ms);
    self.exit(service, A("crash"));
  }
  co_await idle(self);
}

// ---- ergo-name-monitor ----------------------------------------------------------------------------------
Task<> name_db(Process& self) {
  (void)co_await self.receive([](const Term& t) { return t.is_atom(intern("unregister")); });
  self.runtime().unregister(intern("db"));
  (void)co_await self.receive([](const Term& t) { return t.is_atom(intern("crash")); });
  co_await self.exit(A("crash"));
}
Task<> name_client(Process& self) {
  if (is_ergo(self))
    ergo::monitor(self, ergo::Target::registered(intern("db")));  // MonitorProcessID: watches the name
  else
    self.monitor(intern("db"));  // the BEAM: watches the pid the name has now (R3.4)
  co_await idle(self);           // the DOWN stays in the mailbox
}
Task<> name_linker(Process& self) {
  if (is_ergo(self))
    ergo::link(self, ergo::Target::registered(intern("db")));  // LinkProcessID
  else
    self.link(self.runtime().whereis(intern("db")));
  co_await idle(self);
}
Task<> name_director(Process& self, Pid db, int64_t unregister_ms, int64_t crash_ms) {
  self.runtime().register_name(self.pid(), intern("director"));
  if (unregister_ms > 0) {
    co_await sleep_ms(self, unregister_ms);
    self.send(db, A("unregister"));
  }
  if (crash_ms > 0) {
    co_await sleep_ms(self, crash_ms);
    self.send(db, A("crash"));
  }
  co_await idle(self);
}

// ---- ergo-down-overtakes --------------------------------------------------------------------------------
Task<> slow_consumer(Process& self, Pid producer, int64_t handle_ms) {
  self.monitor(producer);
  for (;;) {
    (void)co_await self.receive();
    co_await sleep_ms(self, handle_ms);  // busy with it: the rest waits in the mailbox
  }
}
Task<> producer(Process& self, int64_t start_ms, int64_t jobs) {
  co_await sleep_ms(self, start_ms);
  Pid consumer = self.runtime().whereis(intern("consumer"));
  for (int64_t i = 1; i <= jobs; ++i) self.send(consumer, Term::tuple({A("job"), Term(i)}));
  co_return;  // ends :normal right after its last send: its DOWN follows the jobs
}

// ---- ergo-trapped-kill ----------------------------------------------------------------------------------
Task<> trapping_idle(Process& self) {
  self.trap_exit(true);
  co_await idle(self);  // trapped exits stay in the mailbox
}
Task<> trapping_parent_of_child(Process& self) {
  Pid child = self.spawn_link(trapping_idle);
  self.runtime().register_name(child, intern("child"));
  co_await idle(self);
}
Task<> kill_director(Process& self, Pid trapper, Pid plain, Pid parent, int64_t kill_ms, int64_t force_ms) {
  self.runtime().register_name(self.pid(), intern("director"));
  if (kill_ms > 0) {
    co_await sleep_ms(self, kill_ms);
    self.exit(trapper, Term(atoms::kill));  // Ergo: trapped like any exit (E1.6); BEAM: untrappable
    self.exit(plain, Term(atoms::kill));
    self.exit(parent, A("shutdown"));       // its trapping child: Ergo never traps a parent's exit (E1.7)
  }
  if (force_ms > 0) {
    co_await sleep_ms(self, force_ms);
    self.runtime().kill(trapper);  // Ergo: the node's Kill, which nothing refuses
  }
  co_await idle(self);
}

// ---- ergo-node-link -------------------------------------------------------------------------------------
Task<> remote_dependent(Process& self, Pid remote) {
  self.link(remote);  // Ergo: one-way across nodes; BEAM: both ways
  co_await idle(self);
}
Task<> node_watcher(Process& self, Runtime::NodeId far) {
  self.trap_exit(true);
  if (is_ergo(self)) {
    ergo::link(self, ergo::Target::node_of(far));     // LinkNode: MessageExitNode on a lost connection
    ergo::monitor(self, ergo::Target::node_of(far));  // MonitorNode: MessageDownNode
  } else {
    self.runtime().monitor_node(self.pid(), far);  // :erlang.monitor_node/2
  }
  co_await idle(self);
}

Pid spawn_named(Runtime& rt, const char* name, Pid pid) {
  rt.register_name(pid, intern(name));
  return pid;
}

}  // namespace

ScenarioInfo ergo_service_scenario() {
  ScenarioInfo s;
  s.name = "ergo-service";
  s.title = "Ergo: a service and the workers linked to it";
  s.description =
      "The Ergo chapter's shared service: :service and workers that each link to it (Process.link, LinkPID in "
      "Ergo). In Ergo a link is one-way, drawn as an arrow from the worker to the service: when :worker_1 crashes the "
      "service stays; when the service crashes every worker goes. On the BEAM the same links are two-way: the "
      "crash of :worker_1 takes the service and, through it, every other worker. Open View > Compare semantics to "
      "see both at once.";
  s.params = {{"workers", 3, 1, 50, "workers linked to the service"},
              {"crash_worker_ms", 2000, 0, 600000, "ms before :director crashes :worker_1 (0: never)"},
              {"crash_service_ms", 3000, 0, 600000, "ms after that before it crashes :service (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid service = spawn_named(rt, "service", rt.spawn(idle));
    std::vector<Pid> roots{service};
    for (int64_t i = 1; i <= p.at("workers"); ++i)
      roots.push_back(spawn_named(rt, ("worker_" + std::to_string(i)).c_str(), rt.spawn(service_worker, service)));
    roots.push_back(rt.spawn(service_director, service, roots[1], p.at("crash_worker_ms"), p.at("crash_service_ms")));
    return roots;
  };
  return s;
}

ScenarioInfo ergo_name_monitor_scenario() {
  ScenarioInfo s;
  s.name = "ergo-name-monitor";
  s.title = "Ergo: monitoring and linking a name";
  s.description =
      ":client monitors the name :db and :name_linker links to it (MonitorProcessID, LinkProcessID in Ergo). Then "
      ":db unregisters its name and lives on. In Ergo that fires both: :client gets MessageDownProcessID with "
      "ErrUnregistered and :name_linker terminates with it, while :db keeps running. On the BEAM a name monitor "
      "watches the pid the name had when it was made, so nothing happens until :db crashes later: then the DOWN "
      "names {:db, node} and the link takes :name_linker.";
  s.params = {{"unregister_ms", 2000, 0, 600000, "ms before :db unregisters its name (0: never)"},
              {"crash_ms", 3000, 0, 600000, "ms after that before :db crashes (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid db = spawn_named(rt, "db", rt.spawn(name_db));
    return std::vector<Pid>{db, spawn_named(rt, "client", rt.spawn(name_client)),
                            spawn_named(rt, "name_linker", rt.spawn(name_linker)),
                            rt.spawn(name_director, db, p.at("unregister_ms"), p.at("crash_ms"))};
  };
  return s;
}

ScenarioInfo ergo_down_overtakes_scenario() {
  ScenarioInfo s;
  s.name = "ergo-down-overtakes";
  s.title = "Ergo: a DOWN overtakes the messages before it";
  s.description =
      ":producer sends jobs to a slow :consumer and ends at once; :consumer monitors it. In Ergo a process has "
      "queues drained Urgent, then System, then Main: the DOWN goes to System and is handled next, before the jobs "
      "the producer sent before it died (the mailbox shows three counters: Urgent, System, Main). On the BEAM one "
      "queue keeps the order of sending (R4.2): the DOWN comes after the last job.";
  s.params = {{"jobs", 6, 1, 1000, "jobs the producer sends"},
              {"start_ms", 1000, 0, 600000, "ms before the producer sends"},
              {"handle_ms", 700, 1, 600000, "ms the consumer takes per message"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid prod = spawn_named(rt, "producer", rt.spawn(producer, p.at("start_ms"), p.at("jobs")));
    return std::vector<Pid>{prod, spawn_named(rt, "consumer", rt.spawn(slow_consumer, prod, p.at("handle_ms")))};
  };
  return s;
}

ScenarioInfo ergo_trapped_kill_scenario() {
  ScenarioInfo s;
  s.name = "ergo-trapped-kill";
  s.title = "Ergo: kill can be trapped, a parent's exit cannot";
  s.description =
      ":director sends an exit with reason kill to :trapper (trapping exits) and :plain, and :shutdown to :parent, "
      "whose linked :child traps exits. In Ergo the kill is trapped like any exit (MessageExitPID with "
      "TerminateReasonKill): :trapper lives, :plain terminates; and :child terminates although it traps, because a "
      "process never traps its parent's exit. Later the node's Kill ends :trapper: nothing refuses it. On the BEAM "
      "kill is untrappable (both end with :killed) and :child traps {:EXIT, parent, :shutdown} and lives.";
  s.params = {{"kill_ms", 2000, 0, 600000, "ms before the exits (0: never)"},
              {"force_ms", 2000, 0, 600000, "ms after that before the forced kill of :trapper (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid trapper = spawn_named(rt, "trapper", rt.spawn(trapping_idle));
    Pid plain = spawn_named(rt, "plain", rt.spawn(idle));
    Pid parent = spawn_named(rt, "parent", rt.spawn(trapping_parent_of_child));
    return std::vector<Pid>{trapper, plain, parent,
                            rt.spawn(kill_director, trapper, plain, parent, p.at("kill_ms"), p.at("force_ms"))};
  };
  return s;
}

ScenarioInfo ergo_node_link_scenario() {
  ScenarioInfo s;
  s.name = "ergo-node-link";
  s.title = "Ergo: links across nodes and a partition";
  s.description =
      "Two nodes, :\"a@host\" and :\"b@host\". On a, :dependent links to :remote on b, and :node_watcher (trapping) "
      "links to node b and monitors it (LinkNode, MonitorNode in Ergo). Then a is partitioned from b. In Ergo every "
      "local link and monitor of something on b fires with ErrNoConnection: :dependent terminates, :node_watcher gets "
      "MessageExitNode and MessageDownNode, and :remote lives on (its end had no link back). After the heal nothing "
      "is restored. On the BEAM the link fires on both sides: :remote dies with :noconnection too.";
  s.params = {{"cut_after_ms", 2000, 0, 600000, "ms before a is partitioned from b (0: never)"},
              {"heal_after_ms", 3000, 0, 600000, "ms after the cut before it heals (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Runtime::NodeId a = name_first_node(rt, "a@host");
    Runtime::NodeId b = node_named(rt, "b@host");
    SpawnOptions on_b;
    on_b.node = b;
    Pid remote = spawn_named(rt, "remote", rt.spawn_opt(on_b, idle));
    return std::vector<Pid>{remote, spawn_named(rt, "dependent", rt.spawn(remote_dependent, remote)),
                            spawn_named(rt, "node_watcher", rt.spawn(node_watcher, b)),
                            rt.spawn(partition_director, a, std::vector<Runtime::NodeId>{b}, p.at("cut_after_ms"),
                                     p.at("heal_after_ms"))};
  };
  return s;
}

}  // namespace actorscope::scenario_lib
