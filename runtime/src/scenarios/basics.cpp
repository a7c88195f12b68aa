// monitors, trap-exit, link-chain, link-vs-monitor, mailbox-flood: links and monitors by hand.

#include "scenario_util.hpp"

#include <stdexcept>

namespace actorscope::scenario_lib {

namespace {

// ---- monitors -------------------------------------------------------------------------------------
Task<> ending_worker(Process& self, int64_t after_ms, Term reason) {
  co_await sleep_ms(self, after_ms);
  if (reason.is_atom(atoms::normal)) co_return;
  co_await self.exit(reason);
}
Task<> watcher(Process& self, int64_t n, int64_t delay_ms) {
  self.runtime().register_name(self.pid(), intern("watcher"));
  for (int64_t i = 0; i < n; ++i) {
    Term reason = i == n / 2 ? A("some_reason") : Term(atoms::normal);
    Pid w = self.spawn(ending_worker, delay_ms * (i + 1), reason);
    self.monitor(w);
  }
  co_await idle(self);  // the DOWNs stay in the mailbox
}

// ---- trap-exit --------------------------------------------------------------------------------------
Task<> kaboom_child(Process& self, int64_t delay_ms) {
  co_await sleep_ms(self, delay_ms);
  co_await self.exit(A("kaboom"));
}
Task<> trapping_parent(Process& self, int64_t delay_ms) {
  self.runtime().register_name(self.pid(), intern("parent"));
  self.trap_exit(true);
  self.spawn_link(kaboom_child, delay_ms);
  co_await idle(self);  // {:EXIT, child, :kaboom} stays in the mailbox
}

// ---- link-chain -------------------------------------------------------------------------------------
Task<> chain_member(Process& self, int64_t k, int64_t n, int64_t trapper) {
  self.runtime().register_name(self.pid(), intern("chain_" + std::to_string(k)));
  if (k == trapper) self.trap_exit(true);
  if (k + 1 < n) self.spawn_link(chain_member, k + 1, n, trapper);
  co_await idle(self);
}
Task<> chain_director(Process& self, int64_t n, int64_t trapper, int64_t kill_after_ms) {
  self.runtime().register_name(self.pid(), intern("director"));
  Pid head = self.spawn(chain_member, int64_t(0), n, trapper);
  if (kill_after_ms <= 0) co_await idle(self);
  co_await sleep_ms(self, kill_after_ms);
  self.exit(head, Term(atoms::kill));
  co_await idle(self);
}

// ---- link-vs-monitor ------------------------------------------------------------------------------------
Task<> lvm_parent(Process& self, bool link, int64_t n) {
  self.runtime().register_name(self.pid(), intern(link ? "linker" : "monitorer"));
  for (int64_t i = 0; i < n; ++i) {
    if (link)
      self.spawn_link(named_idle, atoms::nil);
    else
      self.spawn_monitor(named_idle, atoms::nil);
  }
  co_await idle(self);
}
Task<> lvm_director(Process& self, Pid linker, Pid monitorer, int64_t kill_after_ms) {
  if (kill_after_ms <= 0) co_return;
  co_await sleep_ms(self, kill_after_ms);
  self.exit(linker, Term(atoms::kill));
  self.exit(monitorer, Term(atoms::kill));
}

// ---- mailbox-flood ----------------------------------------------------------------------------------------
Task<> consumer(Process& self, int64_t consume_ms) {
  self.runtime().register_name(self.pid(), intern("consumer"));
  for (;;) {
    (void)co_await self.receive();
    co_await sleep_ms(self, consume_ms);  // slow work per message
  }
}
Task<> producer(Process& self, Pid to, int64_t every_ms, int64_t messages) {
  self.runtime().register_name(self.pid(), intern("producer"));
  for (int64_t i = 1; messages == 0 || i <= messages; ++i) {
    self.send(to, Term::tuple({A("job"), Term(static_cast<long long>(i))}));
    co_await sleep_ms(self, every_ms);
  }
}

}  // namespace

ScenarioInfo monitors_scenario() {
  ScenarioInfo s;
  s.name = "monitors";
  s.title = "Monitors: five DOWNs";
  s.description =
      "The watcher spawns five workers and monitors each one (dashed arrows). One after the other the "
      "workers end: the middle one with :some_reason, the others with :normal. Every ending sends a DOWN "
      "to the watcher, whatever the reason, and the watcher keeps running: a monitor only reports. The "
      "watcher ends with five {:DOWN, ref, :process, pid, reason} messages in its mailbox. Try: kill the "
      "watcher before the workers end: the workers do not notice (monitors are one-way).";
  s.params = {{"workers", 5, 1, 100, "how many workers the watcher monitors"},
              {"delay_ms", 1000, 0, 600000, "ms between two workers ending"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    return std::vector<Pid>{rt.spawn(watcher, p.at("workers"), p.at("delay_ms"))};
  };
  return s;
}

ScenarioInfo trap_exit_scenario() {
  ScenarioInfo s;
  s.name = "trap-exit";
  s.title = "Trapping exits";
  s.description =
      "The parent sets trap_exit (a shield around it) and spawn_links a child, which soon exits with "
      ":kaboom. Without the shield the exit signal would kill the parent; with it the signal turns into "
      "the message {:EXIT, child, :kaboom} in the parent's mailbox and the parent lives on. Try: untrap "
      "the parent before the child ends, or send the parent an exit with :kill, which no shield stops.";
  s.params = {{"delay_ms", 2000, 0, 600000, "ms before the child exits with :kaboom"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    return std::vector<Pid>{rt.spawn(trapping_parent, p.at("delay_ms"))};
  };
  return s;
}

ScenarioInfo link_chain_scenario() {
  ScenarioInfo s;
  s.name = "link-chain";
  s.title = "A chain of links";
  s.description =
      "A chain of linked processes, :chain_0 to :chain_N, each spawn_linked by the one before; one member "
      "in the middle traps exits. The director kills :chain_0: the :killed exit signal travels hop by hop "
      "down the chain, killing each member, until it reaches the trapping member, where it becomes an "
      "{:EXIT, ...} message and stops. The rest of the chain survives. Try: kill a member behind the trapper, "
      "or untrap it first and watch the whole chain go.";
  s.params = {{"length", 12, 2, 500, "processes in the chain"},
              {"trapper", -1, -1, 499, "index of the member that traps exits (-1: the middle one)"},
              {"kill_after_ms", 3000, 0, 600000, "ms before the director kills :chain_0 (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    int64_t n = p.at("length"), t = p.at("trapper");
    if (t < 0) t = n / 2;
    if (t >= n) throw std::invalid_argument("trapper must be less than length");
    return std::vector<Pid>{rt.spawn(chain_director, n, t, p.at("kill_after_ms"))};
  };
  return s;
}

ScenarioInfo link_vs_monitor_scenario() {
  ScenarioInfo s;
  s.name = "link-vs-monitor";
  s.title = "Link or monitor?";
  s.description =
      "Two parents side by side: :linker spawn_links its children (solid lines), :monitorer spawn_monitors "
      "its children (dashed arrows). After a while both parents are killed. The linked children die with "
      "them (:killed travels along every link), the monitored children carry on: a monitor goes from "
      "watcher to target only, so the parent's death reaches nobody. Try: kill a child instead: the linker "
      "dies with it, the monitorer just gets a DOWN.";
  s.params = {{"children", 3, 1, 100, "children of each parent"},
              {"kill_after_ms", 3000, 0, 600000, "ms before both parents are killed (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid l = rt.spawn(lvm_parent, true, p.at("children"));
    Pid m = rt.spawn(lvm_parent, false, p.at("children"));
    Pid d = rt.spawn(lvm_director, l, m, p.at("kill_after_ms"));
    return std::vector<Pid>{l, m, d};
  };
  return s;
}

ScenarioInfo mailbox_flood_scenario() {
  ScenarioInfo s;
  s.name = "mailbox-flood";
  s.title = "Mailbox flood";
  s.description =
      "The :producer sends a {:job, n} message much faster than the :consumer can handle one. Nothing pushes "
      "back: the consumer's mailbox grows (watch its badge heat up) until the producer stops, then slowly "
      "drains. Try: suspend the consumer, or slow the producer down (produce_every_ms) until the mailbox "
      "stays small.";
  s.params = {{"produce_every_ms", 10, 1, 60000, "ms between two messages of the producer"},
              {"consume_ms", 50, 0, 60000, "ms the consumer spends on each message"},
              {"messages", 2000, 0, 10000000, "messages the producer sends (0: no end)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    Pid c = rt.spawn(consumer, p.at("consume_ms"));
    Pid pr = rt.spawn(producer, c, p.at("produce_every_ms"), p.at("messages"));
    return std::vector<Pid>{c, pr};
  };
  return s;
}

}  // namespace actorscope::scenario_lib
