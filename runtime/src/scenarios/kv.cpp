// kv and kv-nested: the key-value application of the Elixir getting-started guide.

#include "actorscope/otp/agent.hpp"
#include "scenario_util.hpp"

#include <unordered_map>

namespace actorscope::scenario_lib {

using namespace otp;

namespace {

struct KvAtoms {
  Atom root = intern("Elixir.KV.Supervisor"), registry = intern("Elixir.KV.Registry"),
       buckets = intern("Elixir.KV.BucketSupervisor"), events = intern("Elixir.KV.EventManager"),
       reg_sup = intern("Elixir.KV.RegistrySupervisor"), bucket = intern("Elixir.KV.Bucket"),
       create = intern("create"), lookup = intern("lookup"), event = intern("event"), crash = intern("bucket_down"),
       created = intern("bucket_created"), put = intern("put");
};
const KvAtoms& K() {
  static const KvAtoms k;
  return k;
}

/// KV.EventManager: keeps the events the registry reports (the guide's event manager).
class EventManager final : public GenServer {
 public:
  Task<NoReplyResult> handle_cast(Process&, const Term& req) override {
    events_.push_back(req);
    if (events_.size() > 100) events_.erase(events_.begin());
    co_return CallResult::noreply();
  }
  Task<CallResult> handle_call(Process&, const Term&, const Term&) override {
    co_return CallResult::reply(Term::list(events_));
  }
  Atom module() const override { return K().events; }

 private:
  std::vector<Term> events_;
};

/// KV.Registry: bucket name -> bucket pid; monitors its buckets and forgets the ones that end.
class KvRegistry final : public GenServer {
 public:
  Task<CallResult> handle_call(Process& self, const Term& req, const Term&) override {
    const auto& k = K();
    if (req.is_tagged(k.lookup, 2)) {
      auto it = names_.find(req[1]);
      co_return CallResult::reply(it == names_.end() ? Term(atoms::error)
                                                     : Term::tuple({Term(atoms::ok), Term(it->second)}));
    }
    if (req.is_tagged(k.create, 2)) {
      auto it = names_.find(req[1]);
      if (it != names_.end()) co_return CallResult::reply(Term(it->second));
      ChildSpec spec = Agent::child_spec(Term(k.bucket), [] { return Term::map({}); });
      spec.restart = Restart::Temporary;
      spec.module = k.bucket;
      Term r = co_await DynamicSupervisor::start_child(self, Term(k.buckets), spec);
      if (!r.is_tagged(atoms::ok, 2)) co_return CallResult::reply(r);
      Pid pid = r[1].as_pid();
      self.runtime().trace_label(pid, req[1]);  // the bucket's name, as the guide's Registry keeps it
      Ref ref = self.monitor(pid);
      names_[req[1]] = pid;
      refs_[ref.id] = req[1];
      GenServer::cast(self, Term(k.events), Term::tuple({Term(k.created), req[1], Term(pid)}));
      co_return CallResult::reply(Term(pid));
    }
    co_return CallResult::stop(Term::tuple({A("bad_call"), req}));
  }
  Task<NoReplyResult> handle_info(Process& self, const Term& msg) override {
    if (msg.is_tagged(atoms::DOWN, 5) && msg[1].is_ref()) {
      auto it = refs_.find(msg[1].as_ref().id);
      if (it != refs_.end()) {
        names_.erase(it->second);
        GenServer::cast(self, Term(K().events), Term::tuple({Term(K().crash), it->second, msg[4]}));
        refs_.erase(it);
      }
    }
    co_return CallResult::noreply();
  }
  Atom module() const override { return K().registry; }

 private:
  std::unordered_map<Term, Pid> names_;
  std::unordered_map<uint64_t, Term> refs_;
};

GenServerOptions named(Atom n) {
  GenServerOptions o;
  o.name = n;
  return o;
}

ChildSpec events_spec() {
  ChildSpec s = GenServer::child_spec(
      Term(K().events), [] { return std::unique_ptr<GenServer>(new EventManager); }, named(K().events));
  s.module = K().events;
  return s;
}
ChildSpec registry_spec() {
  ChildSpec s = GenServer::child_spec(
      Term(K().registry), [] { return std::unique_ptr<GenServer>(new KvRegistry); }, named(K().registry));
  s.module = K().registry;
  return s;
}
ChildSpec buckets_spec() {
  DynamicSupervisorOptions o;
  o.name = K().buckets;
  return DynamicSupervisor::child_spec(Term(K().buckets), o);
}

/// The iex session of the guide: create the buckets, put milk into "shopping".
Task<> client(Process& self, std::vector<std::string> names) {
  const auto& k = K();
  co_await await_name(self, k.registry);
  for (auto& n : names) {
    Term req = Term::tuple({Term(k.create), Term::binary(n)});
    co_await GenServer::call(self, Term(k.registry), req);
  }
  Term lookup = Term::tuple({Term(k.lookup), Term::binary(names[0])});
  Term r = co_await GenServer::call(self, Term(k.registry), lookup);
  if (r.is_tagged(atoms::ok, 2)) {
    co_await Agent::update(self, r[1], [](const Term& m) {
      auto e = m.map_entries();
      e.emplace_back(Term::binary("milk"), Term(3));
      return Term::map(std::move(e));
    });
  }
}

std::vector<Pid> build_kv(Runtime& rt, bool nested) {
  const auto& k = K();
  std::vector<ChildSpec> children;
  children.push_back(events_spec());
  if (nested) {
    SupervisorOptions ro;
    ro.strategy = Strategy::OneForAll;
    ro.name = k.reg_sup;
    ro.module = k.reg_sup;
    children.push_back(Supervisor::child_spec(Term(k.reg_sup), {buckets_spec(), registry_spec()}, ro));
  } else {
    children.push_back(buckets_spec());
    children.push_back(registry_spec());
  }
  SupervisorOptions o;
  o.name = k.root;
  o.module = k.root;
  Pid root = Supervisor::start(rt, std::move(children), o);
  Pid c = rt.spawn(client, std::vector<std::string>{"shopping", "groceries", "todo"});
  return {root, c};
}

}  // namespace

ScenarioInfo kv_scenario(bool nested) {
  ScenarioInfo s;
  if (!nested) {
    s.name = "kv";
    s.title = "KV: the key-value store of the Elixir guide";
    s.description =
        "The application of Elixir's getting-started guide. KV.Supervisor (one_for_one) starts an event "
        "manager, KV.BucketSupervisor (a DynamicSupervisor of temporary buckets) and KV.Registry, which maps "
        "bucket names to bucket processes and monitors every bucket. A client then creates the buckets "
        "\"shopping\", \"groceries\" and \"todo\" and puts milk into the first. Try: kill a bucket and watch the "
        "DOWN reach the registry, which forgets it; the bucket supervisor does not restart it (temporary). "
        "Then kill KV.Registry: the root restarts it, but the buckets live on, orphaned, unknown to the new "
        "registry. That is what kv-nested fixes.";
  } else {
    s.name = "kv-nested";
    s.title = "KV with a one_for_all registry supervisor";
    s.description =
        "The guide's fix for orphaned buckets: KV.Registry and KV.BucketSupervisor live under their own "
        "one_for_all supervisor, KV.RegistrySupervisor, beside the event manager. Try: kill KV.Registry and "
        "watch the one_for_all strategy stop the bucket supervisor too (and with it every bucket) and restart "
        "both, so the registry and the buckets never disagree. Killing a bucket still only sends a DOWN.";
  }
  s.build = [nested](Runtime& rt, const ScenarioParams&) { return build_kv(rt, nested); };
  return s;
}

}  // namespace actorscope::scenario_lib
