// strategies, restart-storm, big-tree: supervision trees.

#include "scenario_util.hpp"

namespace actorscope::scenario_lib {

using namespace otp;

namespace {

ChildSpec idle_worker(std::string_view id) {
  return ChildSpec::worker(A(id), named_idle, atoms::nil).with_module(intern("Elixir.Worker"));
}

// ---- strategies --------------------------------------------------------------------------------------
const char* const kStrategyNames[] = {"one_for_one", "one_for_all", "rest_for_one"};

Task<> strategies_director(Process& self, int64_t kill_after_ms) {
  if (kill_after_ms <= 0) co_return;
  co_await sleep_ms(self, kill_after_ms);
  for (const char* n : kStrategyNames) {
    Pid sup = co_await await_name(self, intern(n));
    Term w = co_await Supervisor::which_children(self, Term(sup));
    for (auto& c : w.list_elements())
      if (c[0].is_atom(intern("b")) && c[1].is_pid()) self.exit(c[1].as_pid(), A("boom"));
  }
}

// ---- restart-storm -------------------------------------------------------------------------------------
Task<> crasher(Process& self, int64_t every_ms) {
  co_await sleep_ms(self, every_ms);
  co_await self.exit(A("boom"));
}

// ---- big-tree ---------------------------------------------------------------------------------------------
/// Monitors every worker of its supervisor (found with which_children).
Task<> branch_watcher(Process& self, Pid sup) {
  Term w = co_await Supervisor::which_children(self, Term(sup));
  for (auto& c : w.list_elements())
    if (c[1].is_pid() && c[1].as_pid() != self.pid()) self.monitor(c[1].as_pid());
  co_await idle(self);
}
ChildSpec watcher_spec() {
  ChildSpec s;
  s.id = A("watcher");
  s.module = intern("Elixir.Watcher");
  s.start = [](Process& sup, Term) -> Task<Term> {
    return ready(Term::tuple({Term(atoms::ok), Term(sup.spawn_link(branch_watcher, sup.pid()))}));
  };
  return s;
}

}  // namespace

ScenarioInfo strategies_scenario() {
  ScenarioInfo s;
  s.name = "strategies";
  s.title = "Three restart strategies";
  s.description =
      "Three supervisors side by side, :one_for_one, :one_for_all and :rest_for_one, each with the same four "
      "children a, b, c, d started in that order. After a while the director crashes child b under each of "
      "them. :one_for_one restarts b alone; :one_for_all stops the others (d, c, a: reverse order) and "
      "restarts all four; :rest_for_one restarts b and the children started after it, c and d. Compare the "
      "new pids. Try: kill a or d yourself under each supervisor.";
  s.params = {{"kill_after_ms", 3000, 0, 600000, "ms before b is crashed under each supervisor (0: never)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    std::vector<Pid> roots;
    Strategy st[] = {Strategy::OneForOne, Strategy::OneForAll, Strategy::RestForOne};
    for (int i = 0; i < 3; ++i) {
      SupervisorOptions o;
      o.strategy = st[i];
      o.name = intern(kStrategyNames[i]);
      roots.push_back(Supervisor::start(rt, {idle_worker("a"), idle_worker("b"), idle_worker("c"), idle_worker("d")}, o));
    }
    roots.push_back(rt.spawn(strategies_director, p.at("kill_after_ms")));
    return roots;
  };
  return s;
}

ScenarioInfo restart_storm_scenario() {
  ScenarioInfo s;
  s.name = "restart-storm";
  s.title = "Restart storm";
  s.description =
      "A worker that crashes on a timer, under :storm_sup (at most max_restarts restarts in 5 s), under "
      ":storm_root (at most root_max_restarts in 5 s). Each crash is a restart; when the crashes come too "
      "fast :storm_sup gives up, stops its children and exits with :shutdown, and the failure climbs one "
      "level: :storm_root restarts :storm_sup, the storm starts again, until the root gives up too and the "
      "whole tree is gone. Try: raise crash_every_ms above 1700 and the tree copes forever.";
  s.params = {{"crash_every_ms", 500, 1, 600000, "ms each incarnation of the worker lives"},
              {"max_restarts", 3, 0, 1000, ":storm_sup's restart intensity (per 5 s)"},
              {"root_max_restarts", 1, 0, 1000, ":storm_root's restart intensity (per 5 s)"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    SupervisorOptions mid;
    mid.name = intern("storm_sup");
    mid.max_restarts = static_cast<int>(p.at("max_restarts"));
    std::vector<ChildSpec> workers = {
        ChildSpec::worker(A("crasher"), crasher, p.at("crash_every_ms")).with_module(intern("Elixir.Crasher")),
        idle_worker("bystander")};
    SupervisorOptions root;
    root.name = intern("storm_root");
    root.max_restarts = static_cast<int>(p.at("root_max_restarts"));
    std::vector<ChildSpec> top = {Supervisor::child_spec(A("storm_sup"), workers, mid), idle_worker("calm")};
    return std::vector<Pid>{Supervisor::start(rt, std::move(top), root)};
  };
  return s;
}

ScenarioInfo big_tree_scenario() {
  ScenarioInfo s;
  s.name = "big-tree";
  s.title = "A big tree";
  s.description =
      "A supervision tree for scale: :big_root supervises `branches` one_for_one supervisors, each with "
      "`workers` workers linked to it and a watcher that monitors every worker of its branch. A few thousand "
      "processes, links and monitors. Try: kill a branch supervisor and watch its subtree go and come back, "
      "with a DOWN for every worker reaching the branch's watcher; zoom out and kill the root.";
  s.params = {{"branches", 10, 1, 1000, "supervisors under the root"},
              {"workers", 300, 1, 10000, "workers under each branch supervisor"}};
  s.build = [](Runtime& rt, const ScenarioParams& p) {
    std::vector<ChildSpec> branches;
    for (int64_t b = 0; b < p.at("branches"); ++b) {
      std::vector<ChildSpec> kids;
      for (int64_t w = 0; w < p.at("workers"); ++w)
        kids.push_back(ChildSpec::worker(Term::tuple({A("worker"), Term(static_cast<long long>(w))}), named_idle,
                                         atoms::nil));
      kids.push_back(watcher_spec());
      branches.push_back(Supervisor::child_spec(Term::tuple({A("branch"), Term(static_cast<long long>(b))}),
                                                std::move(kids)));
    }
    SupervisorOptions o;
    o.name = intern("big_root");
    return std::vector<Pid>{Supervisor::start(rt, std::move(branches), o)};
  };
  return s;
}

}  // namespace actorscope::scenario_lib
