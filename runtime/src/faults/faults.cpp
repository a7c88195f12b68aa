// Fault injection: immediate faults, the chaos monkey, floods, plan runner; plans as JSON.

#include "actorscope/faults.hpp"

#include "../recording/json.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace actorscope {

namespace {

/// Times beyond this (about 11.6 days) are refused by the plan reader and clamped elsewhere.
constexpr int64_t kMaxMs = 1'000'000'000;

Atom module_atom() { return intern("actorscope_faults"); }
Atom stop_atom() { return intern("stop"); }

SpawnOptions injector_opts(const char* function) {
  SpawnOptions o;
  o.initial_call = InitialCall{module_atom(), intern(function), 1};
  return o;
}

void register_if_free(Runtime& rt, Pid p, const char* name) {
  Atom a = intern(name);
  if (rt.whereis(a).valid()) return;
  try {
    rt.register_name(p, a);
  } catch (const std::exception&) {
    // taken meanwhile: stay unnamed
  }
}

/// A registered name or a pid; invalid when unknown.
Pid resolve(Runtime& rt, const Term& t) {
  if (t.is_pid()) return t.as_pid();
  if (t.is_atom() && !t.is_atom(atoms::nil)) return rt.whereis(t.as_atom());
  return {};
}

/// Sleeps `ms`; true when told to stop meanwhile.
Task<bool> sleep_or_stop(Process& self, int64_t ms) {
  auto m = co_await self.receive([](const Term& t) { return t.is_atom(stop_atom()); }, std::max<int64_t>(0, ms));
  co_return m.has_value();
}

void emit_fault(Runtime& rt, Atom what, Pid a, Pid b, Pid injector, bool random, Term term) {
  TraceEvent ev;
  ev.kind = TraceKind::Fault;
  ev.name = what;
  ev.a = a;
  ev.b = b;
  ev.pid2 = injector;
  ev.flag = random;
  ev.term = std::move(term);
  rt.emit_trace(std::move(ev));
}

Task<> flooder(Process& self, Pid target, int64_t count, double per_second, Term message) {
  Runtime& rt = self.runtime();
  const int64_t t0 = rt.now_ns();
  int64_t sent = 0;
  const int64_t tick_ms =
      per_second > 0 ? static_cast<int64_t>(std::clamp(1000.0 / per_second, 1.0, double(kMaxMs))) : 0;
  while (sent < count) {
    int64_t due = count;
    if (per_second > 0) {
      const double elapsed_s = double(rt.now_ns() - t0) / 1e9;
      due = static_cast<int64_t>(std::min(double(count), 1 + std::floor(elapsed_s * per_second + 1e-9)));
    }
    for (; sent < due; ++sent) self.send(target, message);
    if (sent >= count) break;
    if (co_await sleep_or_stop(self, tick_ms)) co_return;
  }
}

Task<> chaos_monkey(Process& self, ChaosConfig c) {
  Runtime& rt = self.runtime();
  std::mt19937_64 rng(c.seed);
  int64_t kills = 0;
  while (c.kills <= 0 || kills < c.kills) {
    if (co_await sleep_or_stop(self, std::clamp<int64_t>(c.interval_ms, 1, kMaxMs))) co_return;
    Snapshot s = rt.snapshot();
    std::vector<Pid> victims = chaos_candidates(s, c.scope, resolve(rt, c.root));
    std::erase(victims, self.pid());
    if (victims.empty()) continue;
    Pid victim = victims[rng() % victims.size()];
    Term reason = c.reasons.empty() ? Term(atoms::kill) : c.reasons[rng() % c.reasons.size()];
    emit_fault(rt, atoms::kill, victim, {}, self.pid(), true, reason);
    rt.exit(victim, reason);
    ++kills;
  }
}

Task<> plan_runner(Process& self, FaultPlan plan) {
  Runtime& rt = self.runtime();
  std::stable_sort(plan.faults.begin(), plan.faults.end(),
                   [](const Fault& a, const Fault& b) { return a.at_ms < b.at_ms; });
  const int64_t t0 = rt.now_ns();
  for (const Fault& f : plan.faults) {
    const int64_t wait_ms = (t0 + std::clamp<int64_t>(f.at_ms, 0, kMaxMs) * 1'000'000 - rt.now_ns() + 999'999) / 1'000'000;
    if (wait_ms > 0 && co_await sleep_or_stop(self, wait_ms)) co_return;
    inject(rt, f, self.pid());
  }
}

/// The live nodes called `names`, or an error naming the first unknown one.
bool node_ids(Runtime& rt, const std::vector<Atom>& names, std::vector<Runtime::NodeId>& out, std::string& error) {
  for (Atom n : names) {
    auto id = rt.node_id(n);
    if (!id) {
      error = inspect(Term(n)) + " is not a live node";
      return false;
    }
    out.push_back(*id);
  }
  return true;
}

/// Heals `side` from `rest` (every other node when empty; every pair when both are empty); emits
/// the :heal fault.
void heal_side(Runtime& rt, const std::vector<Runtime::NodeId>& side, const std::vector<Runtime::NodeId>& rest,
               Pid injector, const Term& what) {
  emit_fault(rt, intern("heal"), {}, {}, injector, false, what);
  const auto all = rt.nodes();
  auto in = [](const std::vector<Runtime::NodeId>& v, size_t n) { return std::find(v.begin(), v.end(), n) != v.end(); };
  for (size_t a = 0; a < all.size(); ++a)
    for (size_t b = a + 1; b < all.size(); ++b) {
      bool cross = side.empty() || in(side, a) != in(side, b);
      if (!rest.empty()) cross = (in(side, a) && in(rest, b)) || (in(side, b) && in(rest, a));
      if (cross) rt.heal(static_cast<Runtime::NodeId>(a), static_cast<Runtime::NodeId>(b));
    }
}

Term names_term(const std::vector<Atom>& names) {
  std::vector<Term> v;
  for (Atom a : names) v.emplace_back(a);
  return Term::list(v);
}

Term partition_term(const Fault& f) {
  return f.rest.empty() ? names_term(f.nodes) : Term::tuple({names_term(f.nodes), names_term(f.rest)});
}

/// A timed partition's end: sleeps, then heals it (unless stopped first).
Task<> healer(Process& self, Fault f) {
  if (co_await sleep_or_stop(self, std::clamp<int64_t>(f.duration_ms, 1, kMaxMs))) co_return;
  // A node that ended meanwhile (a tied peer ends at the cut) is left out; the others are healed.
  Runtime& rt = self.runtime();
  std::vector<Runtime::NodeId> side, rest;
  for (Atom n : f.nodes)
    if (auto id = rt.node_id(n)) side.push_back(*id);
  for (Atom n : f.rest)
    if (auto id = rt.node_id(n)) rest.push_back(*id);
  if (side.empty() || (!f.rest.empty() && rest.empty())) co_return;  // nothing left to heal
  heal_side(rt, side, rest, self.pid(), partition_term(f));
}

bool looks_like(const Term& mfa, std::string_view word) {
  if (!mfa.is_tuple() || mfa.tuple_size() < 1 || !mfa[0].is_atom()) return false;
  std::string m(atom_name(mfa[0].as_atom()));
  std::transform(m.begin(), m.end(), m.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
  return m.find(word) != std::string::npos;
}

}  // namespace

const char* to_string(FaultKind k) {
  switch (k) {
    case FaultKind::Kill: return "kill";
    case FaultKind::Flood: return "flood";
    case FaultKind::Delay: return "delay";
    case FaultKind::Suspend: return "suspend";
    case FaultKind::Resume: return "resume";
    case FaultKind::Chaos: return "chaos";
    case FaultKind::Partition: return "partition";
    case FaultKind::Heal: return "heal";
  }
  return "?";
}

const char* to_string(ChaosScope s) {
  switch (s) {
    case ChaosScope::Workers: return "workers";
    case ChaosScope::Subtree: return "subtree";
    case ChaosScope::AllButSupervisors: return "all_but_supervisors";
  }
  return "?";
}

bool is_supervisor(const ProcessSnapshot& p) { return looks_like(p.initial_call, "supervisor"); }
bool is_injector(const ProcessSnapshot& p) {
  return p.initial_call.is_tuple() && p.initial_call.tuple_size() >= 1 && p.initial_call[0].is_atom(module_atom());
}

std::vector<Pid> chaos_candidates(const Snapshot& s, ChaosScope scope, Pid root) {
  std::map<uint32_t, const ProcessSnapshot*> by;
  for (const auto& p : s.processes) by[p.pid.serial()] = &p;
  std::vector<Pid> out;
  if (scope == ChaosScope::Subtree) {
    if (!root.valid()) return out;
    std::multimap<uint32_t, uint32_t> children;
    for (const auto& p : s.processes)
      if (p.parent.valid()) children.emplace(p.parent.serial(), p.pid.serial());
    std::vector<uint32_t> todo{root.serial()};
    while (!todo.empty()) {
      uint32_t k = todo.back();
      todo.pop_back();
      auto [lo, hi] = children.equal_range(k);
      for (auto it = lo; it != hi; ++it) {
        auto p = by.find(it->second);
        if (p == by.end()) continue;
        if (!is_injector(*p->second)) out.push_back(p->second->pid);
        todo.push_back(it->second);
      }
    }
  } else {
    for (const auto& p : s.processes) {
      if (is_injector(p) || is_supervisor(p)) continue;
      if (scope == ChaosScope::Workers) {
        auto parent = by.find(p.parent.serial());
        if (!p.parent.valid() || parent == by.end() || !is_supervisor(*parent->second)) continue;
      }
      out.push_back(p.pid);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool inject(Runtime& rt, const Fault& f, Pid injector, std::string* error, Pid* started) {
  auto fail = [&](std::string msg) {
    if (error) *error = std::move(msg);
    return false;
  };
  if (f.kind == FaultKind::Delay && !f.nodes.empty()) {  // a connection's latency (R9)
    std::vector<Runtime::NodeId> ends;
    std::string err;
    if (f.nodes.size() != 2) return fail("delay: a connection is two nodes, got " + std::to_string(f.nodes.size()));
    if (!node_ids(rt, f.nodes, ends, err)) return fail("delay: " + err);
    if (ends[0] == ends[1]) return fail("delay: a connection is two different nodes");
    emit_fault(rt, intern("delay"), {}, {}, injector, false,
               Term::tuple({Term(static_cast<long long>(f.latency_ms)), names_term(f.nodes)}));
    rt.set_connection_latency(ends[0], ends[1], std::chrono::milliseconds(std::clamp<int64_t>(f.latency_ms, 0, kMaxMs)));
    return true;
  }
  if (f.kind == FaultKind::Partition || f.kind == FaultKind::Heal) {
    std::vector<Runtime::NodeId> side, rest;
    std::string err;
    const char* what = to_string(f.kind);
    if (!node_ids(rt, f.nodes, side, err) || !node_ids(rt, f.rest, rest, err)) return fail(std::string(what) + ": " + err);
    if (f.kind == FaultKind::Heal) {
      if (side.empty() && !rest.empty()) return fail("heal: \"rest\" without \"nodes\": name the side to heal");
      heal_side(rt, side, rest, injector, partition_term(f));
      return true;
    }
    if (side.empty()) return fail("partition: no node chosen");
    for (auto n : rest)
      if (std::find(side.begin(), side.end(), n) != side.end())
        return fail("partition: " + inspect(Term(rt.nodes()[n])) + " is on both sides");
    if (f.rest.empty()) {
      const auto all = rt.nodes();
      for (size_t n = 0; n < all.size(); ++n)
        if (rt.node_alive(static_cast<Runtime::NodeId>(n)) && std::find(side.begin(), side.end(), n) == side.end())
          rest.push_back(static_cast<Runtime::NodeId>(n));
    }
    if (rest.empty()) return fail("partition: every live node is on the cut side; nothing is left to cut it from");
    emit_fault(rt, intern("partition"), {}, {}, injector, false,
               Term::tuple({partition_term(f), Term(static_cast<long long>(f.duration_ms))}));
    for (auto a : side)
      for (auto b : rest) rt.partition(a, b);
    if (f.duration_ms > 0) {
      Pid p = rt.spawn_opt(injector_opts("healer"), healer, f);
      register_if_free(rt, p, "partition_healer");
      if (started) *started = p;
    }
    return true;
  }
  Pid target = resolve(rt, f.target);
  const bool needs_target = f.kind != FaultKind::Chaos && !(f.kind == FaultKind::Delay && f.target.is_atom(atoms::nil));
  if (needs_target && (!target.valid() || !rt.alive(target)))
    return fail(std::string(to_string(f.kind)) + ": " + inspect(f.target) + " is not a live process");
  switch (f.kind) {
    case FaultKind::Kill:
      emit_fault(rt, atoms::kill, target, {}, injector, false, f.reason);
      rt.exit(target, f.reason);
      return true;
    case FaultKind::Suspend:
      emit_fault(rt, intern("suspend"), target, {}, injector, false, Term());
      return rt.suspend(target) || fail("suspend: the process ended");
    case FaultKind::Resume:
      emit_fault(rt, intern("resume"), target, {}, injector, false, Term());
      return rt.resume(target) || fail("resume: the process ended");
    case FaultKind::Delay: {
      const auto d = std::chrono::milliseconds(std::clamp<int64_t>(f.latency_ms, 0, kMaxMs));
      Pid peer = resolve(rt, f.peer);
      if (!f.peer.is_atom(atoms::nil) && !peer.valid()) return fail("delay: " + inspect(f.peer) + " is not a live process");
      emit_fault(rt, intern("delay"), target, peer, injector, false, Term(static_cast<long long>(f.latency_ms)));
      if (!target.valid()) rt.set_global_latency(d);
      else if (peer.valid()) rt.set_edge_latency(target, peer, d);
      else rt.set_process_latency(target, d);
      return true;
    }
    case FaultKind::Flood: {
      emit_fault(rt, intern("flood"), target, {}, injector, false,
                 Term::tuple({Term(static_cast<long long>(f.count)), Term(f.per_second), f.message}));
      if (f.per_second <= 0) {
        for (int64_t i = 0; i < f.count; ++i) rt.send(target, f.message);
        return true;
      }
      Pid p = rt.spawn_opt(injector_opts("flooder"), flooder, target, f.count, f.per_second, f.message);
      if (started) *started = p;
      return true;
    }
    case FaultKind::Chaos: {
      Pid p = start_chaos(rt, f.chaos);
      if (started) *started = p;
      return true;
    }
  }
  return fail("unknown fault");
}

Pid start_chaos(Runtime& rt, const ChaosConfig& c) {
  Pid p = rt.spawn_opt(injector_opts("chaos_monkey"), chaos_monkey, c);
  register_if_free(rt, p, "chaos_monkey");
  return p;
}

Pid start_fault_plan(Runtime& rt, const FaultPlan& plan) {
  Pid p = rt.spawn_opt(injector_opts("plan_runner"), plan_runner, plan);
  register_if_free(rt, p, "fault_plan");
  return p;
}

void stop_injector(Runtime& rt, Pid injector) { rt.send(injector, Term(stop_atom())); }

// ---- JSON -------------------------------------------------------------------------------------------------------

namespace {

using json::Value;

std::string term_json(const Term& t) { return json::quote(inspect(t)); }

struct PlanError {
  std::string message;
};

[[noreturn]] void bad(std::string_view field, std::string_view expected, const Value& got) {
  throw PlanError{"field \"" + std::string(field) + "\": expected " + std::string(expected) + ", got " + json::dump(got)};
}

int64_t int_of(const Value& o, const char* key, int64_t def) {
  const Value* v = o.get(key);
  if (!v) return def;
  if (!v->is_int()) bad(key, "an integer", *v);
  return v->i;
}
double num_of(const Value& o, const char* key, double def) {
  const Value* v = o.get(key);
  if (!v) return def;
  if (v->type != Value::Type::Number) bad(key, "a number", *v);
  return v->num;
}
Term term_of(const Value& o, const char* key, Term def, bool target) {
  const Value* v = o.get(key);
  if (!v || v->is_null()) return def;
  const char* expected = target ? "a name or a pid (\":worker\", \"#PID<0.84.0>\")" : "a term in Elixir syntax";
  if (!v->is_string()) bad(key, expected, *v);
  ParseResult r = parse_term(v->str);
  if (!r) bad(key, expected, *v);
  if (target && !(r.term().is_pid() || r.term().is_atom())) bad(key, expected, *v);
  return r.term();
}

/// A list of node names ("b@host") under `key`, or none.
std::vector<Atom> node_list(const Value& o, const char* key) {
  std::vector<Atom> out;
  const Value* ns = o.get(key);
  if (!ns) return out;
  if (!ns->is_array()) bad(key, "an array of node names", *ns);
  for (const Value& n : ns->arr) {
    if (!n.is_string() || n.str.empty()) bad(key, "node names (strings such as \"b@host\")", n);
    out.push_back(intern(n.str));
  }
  return out;
}

Fault read_fault(const Value& o) {
  if (!o.is_object()) throw PlanError{"expected an object, got " + json::dump(o)};
  Fault f;
  const Value* k = o.get("kind");
  if (!k) throw PlanError{"field \"kind\": missing"};
  bool found = false;
  for (FaultKind fk : {FaultKind::Kill, FaultKind::Flood, FaultKind::Delay, FaultKind::Suspend, FaultKind::Resume,
                       FaultKind::Chaos, FaultKind::Partition, FaultKind::Heal})
    if (k->is_string() && k->str == to_string(fk)) f.kind = fk, found = true;
  if (!found) bad("kind", "kill, flood, delay, suspend, resume, chaos, partition or heal", *k);
  f.at_ms = int_of(o, "at_ms", 0);
  if (f.at_ms < 0 || f.at_ms > kMaxMs) bad("at_ms", "a time from 0 to 1000000000 ms", *o.get("at_ms"));
  f.target = term_of(o, "target", Term(), true);
  f.peer = term_of(o, "peer", Term(), true);
  const bool needs_target = f.kind != FaultKind::Chaos && f.kind != FaultKind::Delay && f.kind != FaultKind::Partition &&
                            f.kind != FaultKind::Heal;
  if (needs_target && f.target.is_atom(atoms::nil)) throw PlanError{"field \"target\": missing"};
  f.nodes = node_list(o, "nodes");
  f.rest = node_list(o, "rest");
  if (f.kind == FaultKind::Partition && f.nodes.empty()) throw PlanError{"field \"nodes\": expected the nodes to cut off"};
  if (f.kind == FaultKind::Heal && f.nodes.empty() && !f.rest.empty())
    throw PlanError{"field \"nodes\": expected the side to heal (\"rest\" alone names no side)"};
  f.duration_ms = int_of(o, "duration_ms", 0);
  if (f.duration_ms < 0 || f.duration_ms > kMaxMs) bad("duration_ms", "a duration from 0 to 1000000000 ms", *o.get("duration_ms"));
  f.reason = term_of(o, "reason", Term(atoms::kill), false);
  f.count = int_of(o, "count", 0);
  if (f.kind == FaultKind::Flood && f.count <= 0) throw PlanError{"field \"count\": expected a count > 0"};
  f.per_second = num_of(o, "per_second", 0);
  f.message = term_of(o, "message", Term(atoms::ok), false);
  f.latency_ms = int_of(o, "latency_ms", 0);
  if (f.latency_ms < 0 || f.latency_ms > kMaxMs) bad("latency_ms", "a latency from 0 to 1000000000 ms", *o.get("latency_ms"));
  if (f.kind == FaultKind::Chaos) {
    ChaosConfig& c = f.chaos;
    c.interval_ms = int_of(o, "interval_ms", c.interval_ms);
    if (c.interval_ms <= 0 || c.interval_ms > kMaxMs) bad("interval_ms", "an interval from 1 to 1000000000 ms", *o.get("interval_ms"));
    if (const Value* rs = o.get("reasons")) {
      if (!rs->is_array() || rs->arr.empty()) bad("reasons", "a non-empty array of terms", *rs);
      c.reasons.clear();
      for (const Value& r : rs->arr) {
        if (!r.is_string()) bad("reasons", "terms in Elixir syntax", r);
        ParseResult pr = parse_term(r.str);
        if (!pr) bad("reasons", "terms in Elixir syntax", r);
        c.reasons.push_back(pr.term());
      }
    }
    if (const Value* s = o.get("scope")) {
      found = false;
      for (ChaosScope cs : {ChaosScope::Workers, ChaosScope::Subtree, ChaosScope::AllButSupervisors})
        if (s->is_string() && s->str == to_string(cs)) c.scope = cs, found = true;
      if (!found) bad("scope", "workers, subtree or all_but_supervisors", *s);
    }
    c.root = term_of(o, "root", Term(), true);
    if (c.scope == ChaosScope::Subtree && c.root.is_atom(atoms::nil)) throw PlanError{"field \"root\": missing (scope subtree)"};
    const int64_t seed = int_of(o, "seed", 1);
    c.seed = static_cast<uint64_t>(seed);
    c.kills = int_of(o, "kills", 0);
  }
  return f;
}

}  // namespace

namespace {
void put_nodes(std::ostringstream& o, const char* key, const std::vector<Atom>& nodes) {
  o << ", \"" << key << "\": [";
  for (size_t n = 0; n < nodes.size(); ++n) o << (n ? ", " : "") << json::quote(std::string(atom_name(nodes[n])));
  o << ']';
}
}  // namespace

std::string fault_plan_to_json(const FaultPlan& plan) {
  std::ostringstream o;
  o << "{\n  \"format\": \"actorscope-fault-plan\",\n  \"version\": " << kFaultPlanVersion
    << ",\n  \"description\": " << json::quote(plan.description) << ",\n  \"faults\": [";
  for (size_t i = 0; i < plan.faults.size(); ++i) {
    const Fault& f = plan.faults[i];
    o << (i ? ",\n" : "\n") << "    {\"at_ms\": " << f.at_ms << ", \"kind\": \"" << to_string(f.kind) << '"';
    if (!f.target.is_atom(atoms::nil)) o << ", \"target\": " << term_json(f.target);
    switch (f.kind) {
      case FaultKind::Kill: o << ", \"reason\": " << term_json(f.reason); break;
      case FaultKind::Flood:
        o << ", \"count\": " << f.count << ", \"per_second\": " << f.per_second << ", \"message\": " << term_json(f.message);
        break;
      case FaultKind::Delay:
        if (!f.peer.is_atom(atoms::nil)) o << ", \"peer\": " << term_json(f.peer);
        if (!f.nodes.empty()) put_nodes(o, "nodes", f.nodes);
        o << ", \"latency_ms\": " << f.latency_ms;
        break;
      case FaultKind::Suspend:
      case FaultKind::Resume: break;
      case FaultKind::Partition:
      case FaultKind::Heal: {
        put_nodes(o, "nodes", f.nodes);
        if (!f.rest.empty()) put_nodes(o, "rest", f.rest);
        if (f.kind == FaultKind::Partition) o << ", \"duration_ms\": " << f.duration_ms;
        break;
      }
      case FaultKind::Chaos: {
        const ChaosConfig& c = f.chaos;
        o << ", \"interval_ms\": " << c.interval_ms << ", \"reasons\": [";
        for (size_t r = 0; r < c.reasons.size(); ++r) o << (r ? ", " : "") << term_json(c.reasons[r]);
        o << "], \"scope\": \"" << to_string(c.scope) << '"';
        if (!c.root.is_atom(atoms::nil)) o << ", \"root\": " << term_json(c.root);
        o << ", \"seed\": " << static_cast<int64_t>(c.seed) << ", \"kills\": " << c.kills;
        break;
      }
    }
    o << '}';
  }
  o << (plan.faults.empty() ? "]\n}\n" : "\n  ]\n}\n");
  return o.str();
}

bool fault_plan_from_json(std::string_view text, FaultPlan& out, std::string& error) {
  Value v;
  std::string jerr;
  if (!json::parse(text, v, jerr)) {
    error = "not JSON: " + jerr;
    return false;
  }
  try {
    if (!v.is_object()) throw PlanError{"expected a JSON object, got " + json::dump(v)};
    const Value* fmt = v.get("format");
    if (!fmt || !fmt->is_string() || fmt->str != "actorscope-fault-plan")
      throw PlanError{"not a fault plan: \"format\" must be \"actorscope-fault-plan\""};
    const int64_t version = int_of(v, "version", 1);
    if (version > kFaultPlanVersion)
      throw PlanError{"fault plan version " + std::to_string(version) + " is newer than this build reads (" +
                      std::to_string(kFaultPlanVersion) + ")"};
    FaultPlan plan;
    if (const Value* d = v.get("description"); d && d->is_string()) plan.description = d->str;
    const Value* fs = v.get("faults");
    if (!fs || !fs->is_array()) throw PlanError{"field \"faults\": expected an array of faults"};
    for (size_t i = 0; i < fs->arr.size(); ++i) {
      try {
        plan.faults.push_back(read_fault(fs->arr[i]));
      } catch (const PlanError& e) {
        throw PlanError{"fault " + std::to_string(i + 1) + ": " + e.message};
      }
    }
    out = std::move(plan);
    return true;
  } catch (const PlanError& e) {
    error = e.message;
    return false;
  }
}

bool save_fault_plan(const std::string& path, const FaultPlan& plan, std::string& error) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f || !(f << fault_plan_to_json(plan))) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

bool load_fault_plan(const std::string& path, FaultPlan& out, std::string& error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    error = path + ": cannot open";
    return false;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  if (!fault_plan_from_json(ss.str(), out, error)) {
    error = path + ": " + error;
    return false;
  }
  return true;
}

}  // namespace actorscope
