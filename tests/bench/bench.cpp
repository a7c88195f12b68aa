// actorscope-bench: the runtime's benchmarks, with the names, parameters and work of
// ../shared/anchors/beam_bench.erl, so the three systems can be set side by side.
// Prints one JSON object per figure: {"bench":NAME,"value":X,"unit":U}.
// Usage: actorscope-bench [--threads N] [--only NAME,...] [--list] [--scale F]
// --scale shrinks every workload (e.g. 0.01 for a quick run under a sanitizer); figures are only
// comparable with the anchors at scale 1.
// When the GUI is built, the GUI benchmarks (gui_bench.cpp) are listed and run here too; they
// create an offscreen QApplication only when one of them is selected.

#include "actorscope/otp/supervisor.hpp"
#include "actorscope/runtime.hpp"
#ifdef ACTORSCOPE_GUI_BENCH
#include "gui_bench.hpp"
#endif

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string_view>
#include <string>
#include <vector>

using namespace actorscope;

namespace {

int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void out(const char* name, double v, const char* unit) {
  std::printf("{\"bench\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}\n", name, v, unit);
  std::fflush(stdout);
}

long rss_bytes() {
  std::ifstream f("/proc/self/statm");
  long pages = 0, resident = 0;
  f >> pages >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

struct Atoms {
  Atom ping = intern("ping"), pong = intern("pong"), stop = intern("stop"), inc = intern("inc"),
       get = intern("get"), count = intern("count"), token = intern("token"), sum = intern("sum"),
       tail = intern("tail"), never = intern("never"), boom = intern("boom"), done = intern("done");
} A;

/// Runs `main` as a process of the bench runtime and waits until it ends.
template <class F, class... Args>
void run_main(unsigned threads, F fn, Args... args) {
  // One runtime for the whole run, as the BEAM runs every bench in one VM (processes a bench
  // leaves blocked, like the ring nodes the last token never reached, stay, as they do there).
  static std::unique_ptr<Runtime> shared;
  if (!shared) {
    RuntimeOptions o;
    o.threads = threads;
    o.max_processes = 1u << 22;
    shared = std::make_unique<Runtime>(o);
  }
  Runtime& rt = *shared;
  std::mutex m;
  std::condition_variable cv;
  bool finished = false;
  rt.spawn(
      [](Process& self, F f, std::mutex* m, std::condition_variable* cv, bool* finished, Args... a) -> Task<> {
        co_await f(self, a...);
        std::lock_guard g(*m);
        *finished = true;
        cv->notify_all();
      },
      fn, &m, &cv, &finished, args...);
  std::unique_lock g(m);
  cv.wait(g, [&] { return finished; });
}

bool is(const Term& t, Atom a) { return t.is_atom(a); }

// ---- B1 ping-pong ------------------------------------------------------------------------------------
Task<> ponger(Process& self) {
  for (;;) {
    Term m = co_await self.receive();
    if (is(m, A.stop)) co_return;
    self.send(m[1].as_pid(), Term(A.pong));
  }
}
Task<> pingpong(Process& self, long n) {
  Pid pong = self.spawn(ponger);
  int64_t t0 = now_us();
  for (long i = 0; i < n; ++i) {
    self.send(pong, Term::tuple({Term(A.ping), Term(self.pid())}));
    co_await self.receive([](const Term& t) { return is(t, A.pong); });
  }
  int64_t t1 = now_us();
  self.send(pong, Term(A.stop));
  out("pingpong_ns_per_msg", double(t1 - t0) * 1000 / (2.0 * n), "ns");
}

// ---- B2 counting -------------------------------------------------------------------------------------
Task<> counter(Process& self, Pid) {
  long k = 0;
  for (;;) {
    Term m = co_await self.receive();
    if (m.is_tagged(A.inc, 1)) {
      ++k;
    } else if (m.is_tagged(A.get, 2)) {
      self.send(m[1].as_pid(), Term::tuple({Term(A.count), Term(k)}));
      co_return;
    }
  }
}
Task<> counting(Process& self, long n) {
  Pid c = self.spawn(counter, self.pid());
  int64_t t0 = now_us();
  for (long i = 0; i < n; ++i) self.send(c, Term::tuple({Term(A.inc)}));
  self.send(c, Term::tuple({Term(A.get), Term(self.pid())}));
  Term r = co_await self.receive([](const Term& t) { return t.is_tagged(A.count, 2); });
  int64_t t1 = now_us();
  if (r[1].as_integer() != n) std::abort();
  out("counting_ns_per_msg", double(t1 - t0) * 1000 / n, "ns");
}

// ---- B3 ring -------------------------------------------------------------------------------------------
Task<> ring_node(Process& self, Pid next) {
  for (;;) {
    Term m = co_await self.receive([](const Term& t) { return t.is_tagged(A.token, 2); });
    long k = m[1].as_integer();
    if (k == 0) {
      self.send(next, std::move(m));
      co_return;
    }
    self.send(next, Term::tuple({Term(A.token), Term(k - 1)}));
  }
}
Task<> ring(Process& self, long n, long hops) {
  int64_t t0 = now_us();
  Pid first = self.pid();
  for (long i = 0; i < n; ++i) first = self.spawn(ring_node, first);
  int64_t t1 = now_us();
  self.send(first, Term::tuple({Term(A.token), Term(hops)}));
  for (;;) {
    Term m = co_await self.receive([](const Term& t) { return t.is_tagged(A.token, 2); });
    long k = m[1].as_integer();
    if (k == 0) break;
    self.send(first, Term::tuple({Term(A.token), Term(k - 1)}));
  }
  int64_t t2 = now_us();
  out("ring_spawn_us_per_proc", double(t1 - t0) / n, "us");
  out("ring_ns_per_hop", double(t2 - t1) * 1000 / hops, "ns");
  // Nodes the zero token never reached still wait; the runtime's shutdown ends them.
}

// ---- B4 skynet --------------------------------------------------------------------------------------------
Task<> sky(Process& self, long num, long size, Pid parent) {
  if (size == 1) {
    self.send(parent, Term::tuple({Term(A.sum), Term(num)}));
    co_return;
  }
  long d = size / 10;
  for (long i = 0; i < 10; ++i) self.spawn(sky, num + i * d, d, self.pid());
  long s = 0;
  for (int i = 0; i < 10; ++i) {
    Term m = co_await self.receive([](const Term& t) { return t.is_tagged(A.sum, 2); });
    s += m[1].as_integer();
  }
  self.send(parent, Term::tuple({Term(A.sum), Term(s)}));
}
Task<> skynet(Process& self, long size) {
  int64_t t0 = now_us();
  self.spawn(sky, 0L, size, self.pid());
  Term m = co_await self.receive([](const Term& t) { return t.is_tagged(A.sum, 2); });
  int64_t t1 = now_us();
  if (m[1].as_integer() != size * (size - 1) / 2) std::abort();
  out("skynet_us_per_proc", double(t1 - t0) / double(size + size / 9), "us");
}

// ---- B5 idle footprint ---------------------------------------------------------------------------------------
Task<> idle(Process& self) {
  co_await self.receive([](const Term& t) { return is(t, A.stop); });
}
Task<> footprint(Process& self, long n) {
  const size_t before = self.runtime().process_count();
  malloc_trim(0);
  long m0 = rss_bytes();
  std::vector<Pid> ps;
  ps.reserve(n);
  long vec_bytes = long(ps.capacity() * sizeof(Pid));  // the list of pids is the BEAM's too
  for (long i = 0; i < n; ++i) ps.push_back(self.spawn(idle));
  co_await self.yield();
  long m1 = rss_bytes();
  out("idle_bytes_per_proc", double(m1 - m0 - vec_bytes) / n, "B");
  for (Pid p : ps) self.send(p, Term(A.stop));
  // The next bench starts on a quiet runtime, as CAF's anchor waits for its actors here (the BEAM
  // runs this bench after the message benches): a million processes ending would share the
  // workers with the next measurement.
  for (int i = 0; i < 60000 && self.runtime().process_count() > before; ++i)
    (void)co_await self.receive([](const Term& t) { return is(t, A.never); }, 1);
  // Their memory goes back before the next bench. The BEAM runs this bench after its message
  // benches; here they come after it, and would otherwise carve their messages from blocks spread
  // over the million processes' memory (counting: 60-100 ns a message instead of 40-50).
  self.runtime().trim_memory();
}

// ---- B6 link cascade -----------------------------------------------------------------------------------------------
Task<> chain(Process& self, long k, Pid main) {
  if (k == 0) {
    self.send(main, Term::tuple({Term(A.tail), Term(self.pid())}));
  } else {
    self.spawn_link(chain, k - 1, main);
  }
  co_await self.receive([](const Term& t) { return is(t, A.never); });
}
Task<> cascade(Process& self, long n) {
  Pid head = self.spawn(chain, n - 1, self.pid());
  Term t = co_await self.receive([](const Term& m) { return m.is_tagged(A.tail, 2); });
  Pid tail = t[1].as_pid();
  Ref ref = self.monitor(tail);
  int64_t t0 = now_us();
  self.exit(head, Term(A.boom));
  co_await self.receive([ref](const Term& m) { return m.is_tagged(atoms::DOWN, 5) && m[1].as_ref() == ref; });
  int64_t t1 = now_us();
  out("link_cascade_ns_per_hop", double(t1 - t0) * 1000 / n, "ns");
}

// ---- B7 monitor churn --------------------------------------------------------------------------------------------------
Task<> quitter(Process& self) { co_await self.exit(Term(A.done)); }
Task<> monitors(Process& self, long n) {
  int64_t t0 = now_us();
  for (long i = 0; i < n; ++i) self.spawn_monitor(quitter);
  for (long k = n; k > 0; --k)
    co_await self.receive([](const Term& m) { return m.is_tagged(atoms::DOWN, 5) && is(m[4], A.done); });
  int64_t t1 = now_us();
  out("spawn_monitor_down_us_each", double(t1 - t0) / n, "us");
}

// ---- B8 restart storm -------------------------------------------------------------------------------------------------
// A one_for_one supervisor (intensity raised so it never gives up) restarts a permanent child that
// is killed n times in a row; each incarnation reports itself to main, which kills it.
Task<> restarts(Process& self, long n) {
  self.trap_exit(true);
  auto child = [](Process& c, Pid main) -> Task<> {
    c.send(main, Term::tuple({Term(A.token), Term(c.pid())}));
    co_await c.receive([](const Term& t) { return is(t, A.never); });
  };
  otp::SupervisorOptions o;
  o.max_restarts = 100000000;
  o.max_seconds = 1;
  std::vector<otp::ChildSpec> children;
  children.push_back(otp::ChildSpec::worker(Term(A.tail), child, self.pid()));
  Term r = co_await otp::Supervisor::start_link(self, std::move(children), o);
  Pid sup = r[1].as_pid();
  int64_t t0 = now_us();
  for (long k = n; k >= 0; --k) {
    Term m = co_await self.receive([](const Term& t) { return t.is_tagged(A.token, 2); });
    if (k > 0) self.exit(m[1].as_pid(), Term(atoms::kill));
  }
  int64_t t1 = now_us();
  out("restart_us_each", double(t1 - t0) / n, "us");
  self.unlink(sup);
  self.exit(sup, Term(atoms::shutdown));
}

struct Bench {
  const char* name;       // the figure(s) it prints
  const char* also;       // a second figure, or nullptr
  std::function<void(unsigned)> run;
};

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = 0;
  double scale = 1.0;
  std::set<std::string> only;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) {
      threads = unsigned(std::atoi(argv[++i]));
    } else if (a == "--only" && i + 1 < argc) {
      std::string s = argv[++i];
      size_t p = 0;
      while (p <= s.size()) {
        size_t q = s.find(',', p);
        if (q == std::string::npos) q = s.size();
        if (q > p) only.insert(s.substr(p, q - p));
        p = q + 1;
      }
    } else if (a == "--scale" && i + 1 < argc) {
      scale = std::atof(argv[++i]);
      if (!(scale > 0 && scale <= 1)) {
        std::fprintf(stderr, "--scale expects a number in (0, 1]\n");
        return 2;
      }
    } else if (a == "--list") {
      list = true;
    } else {
      std::fprintf(stderr, "usage: %s [--threads N] [--only NAME,...] [--list] [--scale F]\n", argv[0]);
      return a == "--help" || a == "-h" ? 0 : 2;
    }
  }
  // The footprint runs first, on a heap no other bench has grown.
  auto n = [scale](long full) { return std::max(1L, long(double(full) * scale)); };
  // Skynet's tree needs a power of ten.
  long sky_size = 10;
  while (sky_size * 10 <= n(1000000L)) sky_size *= 10;
  std::vector<Bench> benches = {
      {"idle_bytes_per_proc", nullptr, [&](unsigned t) { run_main(t, footprint, n(1000000L)); }},
      {"pingpong_ns_per_msg", nullptr, [&](unsigned t) { run_main(t, pingpong, n(1000000L)); }},
      {"counting_ns_per_msg", nullptr, [&](unsigned t) { run_main(t, counting, n(5000000L)); }},
      {"ring_spawn_us_per_proc", "ring_ns_per_hop", [&](unsigned t) { run_main(t, ring, n(10000L), n(1000000L)); }},
      {"skynet_us_per_proc", nullptr, [&](unsigned t) { run_main(t, skynet, sky_size); }},
      {"link_cascade_ns_per_hop", nullptr, [&](unsigned t) { run_main(t, cascade, n(100000L)); }},
      {"spawn_monitor_down_us_each", nullptr, [&](unsigned t) { run_main(t, monitors, n(1000000L)); }},
      {"restart_us_each", nullptr, [&](unsigned t) { run_main(t, restarts, n(100000L)); }},
  };
#ifdef ACTORSCOPE_GUI_BENCH
  for (auto& g : actorscope::bench::guiBenches())
    benches.push_back({g.name, nullptr, [run = g.run, scale](unsigned t) { run(t, scale); }});
  for (auto& g : actorscope::bench::attachBenches())
    benches.push_back({g.name, std::string_view(g.name) == "attach_events_absorbed_pct_50k" ? "attach_agent_cpu_overhead_pct" : nullptr,
                       [run = g.run, scale](unsigned t) { run(t, scale); }});
#endif
  if (list) {
    for (auto& b : benches) {
      std::printf("%s\n", b.name);
      if (b.also) std::printf("%s\n", b.also);
    }
    return 0;
  }
  std::set<std::string> known;
  for (auto& b : benches) {
    known.insert(b.name);
    if (b.also) known.insert(b.also);
  }
  for (auto& n : only)
    if (!known.count(n)) {
      std::fprintf(stderr, "unknown bench '%s' (see --list)\n", n.c_str());
      return 2;
    }
  for (auto& b : benches)
    if (only.empty() || only.count(b.name) || (b.also && only.count(b.also))) b.run(threads);
#ifdef ACTORSCOPE_GUI_BENCH
  actorscope::bench::shutdownGuiBenches();
#endif
  return 0;
}
