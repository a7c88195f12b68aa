#include "DemoProcesses.h"

#include <functional>
#include <memory>

namespace actorscope::app {

namespace {

struct Names {
  Atom link = intern("$link"), unlink = intern("$unlink"), monitor = intern("$monitor"), crash = intern("$crash"),
       put = intern("put"), get = intern("get"), tick = intern("tick"), init = intern("init"),
       start_link = intern("start_link"), supervisor = intern("supervisor"), worker = intern("Worker"),
       kv_sup = intern("kv_sup"), bucket_sup = intern("bucket_sup"), registry = intern("registry"),
       events = intern("events"), client = intern("client"), left = intern("left"), right = intern("right"),
       kv_supervisor = intern("KV.Supervisor"), bucket_supervisor = intern("KV.BucketSupervisor"),
       kv_registry = intern("KV.Registry"), kv_bucket = intern("KV.Bucket"), kv_events = intern("KV.Events"),
       kv_client = intern("KV.Client"), pair = intern("Pair");
};
const Names& N() {
  static const Names n;
  return n;
}

/// Handles a control message; true when `m` was one.
bool control(Process& self, const Term& m) {
  if (!m.is_tuple() || m.tuple_size() != 2 || !m[0].is_atom()) return false;
  const Atom tag = m[0].as_atom();
  if (tag == N().link && m[1].is_pid()) {
    try {
      self.link(m[1].as_pid());
    } catch (const ErlangError&) {
    }
    return true;
  }
  if (tag == N().unlink && m[1].is_pid()) return self.unlink(m[1].as_pid()), true;
  if (tag == N().monitor && m[1].is_pid()) return self.monitor(m[1].as_pid()), true;
  if (tag == N().crash) throw ErlangError(m[1]);
  return false;
}

void registerAs(Process& self, Atom name) {
  if (name == atoms::nil) return;
  try {
    self.runtime().register_name(self.pid(), name);
  } catch (const ErlangError&) {
  }
}

Task<> worker(Process& self, Atom name, int64_t pace_ms) {
  registerAs(self, name);
  for (;;) {
    Term m = co_await self.receive();
    if (control(self, m)) continue;
    if (pace_ms > 0) co_await self.receive([](const Term&) { return false; }, pace_ms);
  }
}

Task<> trapper(Process& self, Atom name) {
  self.trap_exit(true);
  registerAs(self, name);
  for (;;) {
    Term m = co_await self.receive();
    if (control(self, m)) continue;
    // Hold an {:EXIT, ...} for a moment so the mailbox shows it.
    if (m.is_tagged(atoms::EXIT, 3)) co_await self.receive([](const Term&) { return false; }, 1200);
  }
}

Task<> sleeper(Process& self) {
  co_await self.receive([](const Term& m) { return m.is_tuple() && m.tuple_size() == 2 && m[0].is_atom(N().crash); });
}

/// A child of the mini supervisor: how to start it.
struct ChildSpec {
  Atom id;
  std::function<Pid(Process&)> start;
};

SpawnOptions childOptions(Atom module) {
  SpawnOptions o;
  o.link = true;
  o.proc_lib = true;
  o.initial_call = InitialCall{module, N().init, 1};
  return o;
}

/// A one_for_one supervisor in a few lines: traps exits, restarts a child that ends abnormally in
/// its place, and stops with the reason of an exit from anyone else (its own parent).
Task<> miniSupervisor(Process& self, Atom name, std::vector<ChildSpec> children) {
  self.trap_exit(true);
  registerAs(self, name);
  std::vector<Pid> pids;
  for (auto& c : children) pids.push_back(c.start(self));
  for (;;) {
    Term m = co_await self.receive();
    if (control(self, m)) continue;
    if (!m.is_tagged(atoms::EXIT, 3)) continue;
    const Pid from = m[1].as_pid();
    const Term reason = m[2];
    size_t i = 0;
    while (i < pids.size() && !(pids[i] == from)) ++i;
    if (i == pids.size()) co_await self.exit(reason);
    if (reason.is_atom(atoms::normal) || reason.is_atom(atoms::shutdown)) {
      pids[i] = Pid{};
      continue;
    }
    const Pid old = pids[i];
    pids[i] = children[i].start(self);
    Runtime& rt = self.runtime();
    TraceEvent ev;
    ev.kind = TraceKind::Restart;
    ev.a = self.pid();
    ev.b = pids[i];
    ev.pid2 = old;
    ev.name = children[i].id;
    ev.term = Term::tuple({Term(children[i].id), reason});
    rt.emit_trace(std::move(ev));
  }
}

ChildSpec workerChild(Atom id, Atom module, Atom name, int64_t pace) {
  return {id, [=](Process& sup) { return sup.spawn_opt(childOptions(module), worker, name, pace); }};
}

Task<> client(Process& self) {
  registerAs(self, N().client);
  bool monitoring = false;
  long n = 0;
  for (;;) {
    if (!monitoring) {
      const Pid registry = self.runtime().whereis(N().registry);
      if (registry.valid()) {
        self.monitor(registry);
        monitoring = true;
      }
    }
    auto m = co_await self.receive(Process::any_message, 700);
    if (m && control(self, *m)) continue;
    if (m) {
      if (m->is_tagged(atoms::DOWN, 5)) monitoring = false;  // watch the restarted registry next
      continue;
    }
    ++n;
    const Pid r = self.runtime().whereis(N().registry);
    if (r.valid()) self.send(r, Term::tuple({Term(N().get), Term(n % 3)}));
    const Pid b = self.runtime().whereis(intern("bucket_" + std::to_string(n % 3 + 1)));
    if (b.valid()) self.send(b, Term::tuple({Term(N().put), Term(n), Term(n * n)}));
  }
}

Task<> pairLeft(Process& self) {
  registerAs(self, N().left);
  SpawnOptions o;
  o.link = true;
  o.initial_call = InitialCall{N().pair, N().right, 0};
  self.spawn_opt(o, trapper, N().right);
  co_await worker(self, Atom{atoms::nil.id}, 0);
}

}  // namespace

const std::vector<PaletteEntry>& palette() {
  static const std::vector<PaletteEntry> p{
      {PaletteKind::Worker, "Worker", "reads every message at once"},
      {PaletteKind::Trapper, "Trapping worker", "traps exits: an exit signal becomes an {:EXIT, ...} message"},
      {PaletteKind::SlowWorker, "Slow worker", "takes 500 ms per message: its mailbox fills up"},
      {PaletteKind::Sleeper, "Sleeper", "never reads its mailbox"},
      {PaletteKind::Supervisor, "Supervisor with 2 workers", "restarts a crashed worker in its place"},
  };
  return p;
}

Term linkRequest(Pid to) { return Term::tuple({Term(N().link), Term(to)}); }
Term monitorRequest(Pid target) { return Term::tuple({Term(N().monitor), Term(target)}); }

Pid spawnPalette(Runtime& rt, PaletteKind kind) {
  SpawnOptions o;
  const Atom none{atoms::nil.id};
  switch (kind) {
    case PaletteKind::Worker:
      o.initial_call = InitialCall{N().worker, N().init, 1};
      return rt.spawn_opt(o, worker, none, int64_t(0));
    case PaletteKind::Trapper:
      o.initial_call = InitialCall{intern("Trapper"), N().init, 1};
      return rt.spawn_opt(o, trapper, none);
    case PaletteKind::SlowWorker:
      o.initial_call = InitialCall{intern("SlowWorker"), N().init, 1};
      return rt.spawn_opt(o, worker, none, int64_t(500));
    case PaletteKind::Sleeper:
      o.initial_call = InitialCall{intern("Sleeper"), N().init, 1};
      return rt.spawn_opt(o, sleeper);
    case PaletteKind::Supervisor: {
      o.initial_call = InitialCall{N().supervisor, intern("Palette.Supervisor"), 1};
      std::vector<ChildSpec> kids{workerChild(intern("w1"), N().worker, none, 0),
                                  workerChild(intern("w2"), N().worker, none, 0)};
      return rt.spawn_opt(o, miniSupervisor, none, std::move(kids));
    }
  }
  return {};
}

void buildDemo(Runtime& rt) {
  std::vector<ChildSpec> buckets;
  for (int i = 1; i <= 3; ++i) {
    const Atom name = intern("bucket_" + std::to_string(i));
    buckets.push_back(workerChild(name, N().kv_bucket, name, 0));
  }
  std::vector<ChildSpec> top{
      workerChild(N().registry, N().kv_registry, N().registry, 0),
      {N().bucket_sup,
       [buckets](Process& sup) {
         SpawnOptions o = childOptions(N().bucket_supervisor);
         o.initial_call = InitialCall{N().supervisor, N().bucket_supervisor, 1};
         return sup.spawn_opt(o, miniSupervisor, N().bucket_sup, buckets);
       }},
      workerChild(N().events, N().kv_events, N().events, 0),
  };
  SpawnOptions o;
  o.initial_call = InitialCall{N().supervisor, N().kv_supervisor, 1};
  rt.spawn_opt(o, miniSupervisor, N().kv_sup, std::move(top));
  if (rt.deterministic()) rt.run_ready();
  SpawnOptions c;
  c.initial_call = InitialCall{N().kv_client, N().init, 1};
  rt.spawn_opt(c, client);
  SpawnOptions l;
  l.initial_call = InitialCall{N().pair, N().left, 0};
  rt.spawn_opt(l, pairLeft);
}

}  // namespace actorscope::app
