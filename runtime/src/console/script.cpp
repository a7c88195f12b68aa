// Headless runner: `elixir FILE.exs` on the embedded runtime.

#include "actorscope/console/script.hpp"

#include "interp.hpp"

#include <condition_variable>
#include <fstream>
#include <ostream>
#include <sstream>

namespace actorscope::console {

using namespace detail;

namespace {

struct RunState {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  bool reported = false;  // the script process ended by itself (ok, or error already printed)
  int status = kScriptOk;
};

Task<> script_main(Process& self, std::shared_ptr<Interp> ip, std::shared_ptr<Program> prog,
                   std::shared_ptr<RunState> rs) {
  Ctx c(self, ip);
  c.prog = prog;
  Env env;
  int status = kScriptOk;
  int line = 0;
  try {
    for (const Node* n : prog->top) {
      line = n->line;
      (void)co_await eval_top(c, n, env);
    }
  } catch (const ErlangError& e) {
    std::string what = e.reason().is_tagged(atoms::nocatch, 2) ? "** (throw) " + inspect_pretty(e.reason()[1])
                                                               : format_top_error(e);
    ip->write(Stream::Err, what + "\n    " + ip->file + ":" + std::to_string(line) + ": (file)\n");
    status = kScriptError;
  } catch (const LangExit& e) {
    if (!e.reason().is_atom(atoms::normal)) {
      ip->write(Stream::Err, "** (exit) " + format_exit(e.reason()) + "\n    " + ip->file + ":" + std::to_string(line) +
                                 ": (file)\n");
      status = kScriptError;
    }
  }
  std::lock_guard g(rs->m);
  rs->reported = true;
  rs->status = status;
}

struct IsDown {
  Ref ref;
  bool operator()(const Term& m) const { return m.is_tagged(atoms::DOWN, 5) && m[1].is_ref() && m[1].as_ref() == ref; }
};

Task<> watcher_main(Process& self, std::shared_ptr<Interp> ip, std::shared_ptr<Program> prog,
                    std::shared_ptr<RunState> rs) {
  std::pair<Pid, Ref> started = self.spawn_monitor(&script_main, ip, prog, rs);
  Pid pid = started.first;
  Term down = co_await self.receive(IsDown{started.second});
  const Term& reason = down[4];
  std::lock_guard g(rs->m);
  if (!rs->reported && !reason.is_atom(atoms::normal)) {
    ip->write(Stream::Err, "** (EXIT from " + inspect_pid(pid) + ") " + format_exit(reason) + "\n\n");
    rs->status = kScriptError;
  }
  rs->done = true;
  rs->cv.notify_all();
}

int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int run_script_source(std::string_view source, const std::string& file, std::ostream& out, std::ostream& err,
                      const ScriptOptions& opts) {
  ParseOutcome po = parse_program(source, file);
  if (!po.ok()) {
    err << po.error.format(file) << "\n";
    err.flush();
    return kScriptError;
  }
  RuntimeOptions ro;
  ro.deterministic = opts.deterministic;
  ro.threads = opts.threads;
  Runtime rt(ro);
  auto ip = std::make_shared<Interp>(rt);
  ip->file = file;
  ip->sink = [&out, &err](Stream s, const std::string& text) {
    // Elixir's Logger writes to standard output too.
    std::ostream& o = (s == Stream::Out || s == Stream::Result || s == Stream::Log) ? out : err;
    o << text;
    o.flush();
  };
  int64_t start = steady_ns();
  if (opts.time_limit_ms > 0) ip->deadline_ns = start + opts.time_limit_ms * 1'000'000;
  auto rs = std::make_shared<RunState>();
  rt.spawn(&watcher_main, ip, po.program, rs);

  bool finished = false;
  bool blocked = false;
  if (opts.deterministic) {
    rt.run_ready();
    while (true) {
      {
        std::lock_guard g(rs->m);
        if (rs->done) break;
      }
      if (ip->stop.load()) break;
      if (!rt.step()) {
        blocked = true;
        break;
      }
    }
    std::lock_guard g(rs->m);
    finished = rs->done;
  } else {
    std::unique_lock g(rs->m);
    if (opts.time_limit_ms > 0)
      finished = rs->cv.wait_for(g, std::chrono::milliseconds(opts.time_limit_ms), [&] { return rs->done; });
    else {
      rs->cv.wait(g, [&] { return rs->done; });
      finished = true;
    }
  }
  int status;
  {
    std::lock_guard g(rs->m);
    status = rs->status;
  }
  if (ip->timed_out.load()) {
    finished = false;
    blocked = false;
  }
  ip->muted.store(true);
  ip->stop.store(true);
  if (!finished) {
    if (blocked && !ip->deadline_ns) {
      err << "** (timeout) " << file << ": the script waits in receive and no message can arrive\n";
    } else if (blocked && steady_ns() < ip->deadline_ns) {
      err << "** (timeout) " << file << ": the script waits in receive and no message can arrive\n";
    } else {
      err << "** (timeout) " << file << ": the script did not finish within " << opts.time_limit_ms << " ms\n";
    }
    err.flush();
    status = kScriptTimeout;
  }
  return status;
}

int run_script_file(const std::string& path, std::ostream& out, std::ostream& err, const ScriptOptions& opts) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    err << "** (File.Error) could not read file \"" << path << "\": no such file or directory\n";
    return kScriptNoFile;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  return run_script_source(ss.str(), path, out, err, opts);
}

}  // namespace actorscope::console
