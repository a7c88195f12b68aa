#include "actorscope/attach.hpp"

#include "ei_codec.hpp"
#include "translator.hpp"

#include <arpa/inet.h>
#include <ei.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace actorscope::attach {

extern const unsigned char kAgentBeam[];
extern const size_t kAgentBeamSize;
extern const unsigned char kTracerBeam[];
extern const size_t kTracerBeamSize;
extern const unsigned char kTracerNif[];
extern const size_t kTracerNifSize;

const char* to_string(Failure f) {
  switch (f) {
    case Failure::None: return "none";
    case Failure::BadName: return "bad node name";
    case Failure::BadOptions: return "bad options";
    case Failure::NoCookie: return "no cookie";
    case Failure::UnknownHost: return "unknown host";
    case Failure::EpmdDown: return "epmd not running";
    case Failure::NoSuchNode: return "no such node";
    case Failure::NameType: return "short/long name mismatch";
    case Failure::CookieRefused: return "cookie refused";
    case Failure::Unreachable: return "node unreachable";
    case Failure::AgentLoad: return "agent not loaded";
    case Failure::TracerBusy: return "another tracer";
    case Failure::AlreadyAttached: return "already attached";
    case Failure::Cancelled: return "cancelled";
    case Failure::Lost: return "node went away";
  }
  return "?";
}

std::string check_node_name(std::string_view node) {
  const size_t at = node.find('@');
  if (node.empty()) return "no node given: write it as name@host (e.g. app@localhost)";
  if (at == std::string_view::npos) return "\"" + std::string(node) + "\" is not a node name: write it as name@host (e.g. " + std::string(node) + "@localhost)";
  if (at == 0) return "\"" + std::string(node) + "\" has no name before the @";
  if (at + 1 == node.size()) return "\"" + std::string(node) + "\" has no host after the @";
  if (node.find('@', at + 1) != std::string_view::npos) return "\"" + std::string(node) + "\" has two @";
  if (at > EI_MAXALIVELEN) return "the name before the @ is longer than " + std::to_string(EI_MAXALIVELEN) + " characters";
  for (char c : node.substr(0, at))
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'))
      return "\"" + std::string(node) + "\": a node's name has letters, digits, _ and - only";
  return {};
}

std::string default_cookie() {
  const char* home = std::getenv("HOME");
  if (!home) return {};
  std::ifstream in(std::string(home) + "/.erlang.cookie");
  std::string c;
  std::getline(in, c);
  while (!c.empty() && (c.back() == '\n' || c.back() == '\r' || c.back() == ' ')) c.pop_back();
  return c;
}

namespace {

using Clock = std::chrono::steady_clock;

int epmd_port() {
  if (const char* p = std::getenv("ERL_EPMD_PORT")) {
    const int v = std::atoi(p);
    if (v > 0 && v < 65536) return v;
  }
  return 4369;
}

// A TCP connection to host:port within timeout_ms; -1 with errno.
int tcp_connect(const std::string& host, int port, unsigned timeout_ms, std::string& error, bool& unknown_host) {
  unknown_host = false;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* res = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res) != 0 || !res) {
    unknown_host = true;
    error = "the host \"" + host + "\" does not resolve";
    return -1;
  }
  int fd = -1;
  for (addrinfo* a = res; a; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    const int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    int r = ::connect(fd, a->ai_addr, a->ai_addrlen);
    if (r < 0 && errno == EINPROGRESS) {
      pollfd p{fd, POLLOUT, 0};
      r = ::poll(&p, 1, int(timeout_ms)) == 1 ? 0 : -1;
      int err = 0;
      socklen_t len = sizeof err;
      if (r == 0 && (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err)) {
        errno = err;
        r = -1;
      }
    }
    if (r == 0) {
      fcntl(fd, F_SETFL, flags);
      break;
    }
    error = std::strerror(errno);
    ::close(fd);
    fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

bool read_all(int fd, std::string& out, unsigned timeout_ms) {
  char buf[4096];
  const auto until = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, int(left)) != 1) return false;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) return false;
    if (n == 0) return true;
    out.append(buf, size_t(n));
  }
}

// epmd's answer for `alive` on `host`: the node's port, 0 when epmd does not know it (then
// `names` lists the nodes it knows), -1 when epmd cannot be reached.
int epmd_lookup(const std::string& host, const std::string& alive, unsigned timeout_ms, std::string& names,
                std::string& error, bool& unknown_host) {
  int fd = tcp_connect(host, epmd_port(), timeout_ms, error, unknown_host);
  if (fd < 0) return -1;
  std::string req;
  const uint16_t len = uint16_t(alive.size() + 1);
  req.push_back(char(len >> 8));
  req.push_back(char(len & 0xff));
  req.push_back(char(122));  // PORT_PLEASE2_REQ
  req += alive;
  std::string resp;
  const bool ok = ::write(fd, req.data(), req.size()) == ssize_t(req.size()) && read_all(fd, resp, timeout_ms);
  ::close(fd);
  if (!ok || resp.size() < 2 || static_cast<unsigned char>(resp[0]) != 119) {
    error = "epmd on " + host + " gave no answer";
    return -1;
  }
  if (resp[1] == 0 && resp.size() >= 4) return (static_cast<unsigned char>(resp[2]) << 8) | static_cast<unsigned char>(resp[3]);
  // Unknown: ask for the names it knows (NAMES_REQ).
  fd = tcp_connect(host, epmd_port(), timeout_ms, error, unknown_host);
  if (fd >= 0) {
    const char names_req[] = {0, 1, 110};
    std::string all;
    if (::write(fd, names_req, 3) == 3 && read_all(fd, all, timeout_ms) && all.size() > 4) {
      std::istringstream lines(all.substr(4));
      std::string line;
      while (std::getline(lines, line)) {  // "name app at port 40123"
        if (line.rfind("name ", 0) != 0) continue;
        const std::string n = line.substr(5, line.find(" at port") - 5);
        names += (names.empty() ? "" : ", ") + n;
      }
    }
    ::close(fd);
  }
  return 0;
}

/// A term for an error message: long ones (an answer that echoes a binary) end in "...".
std::string term_text(const Term& t) {
  constexpr size_t kMax = 400;
  std::string s = inspect(t);
  if (s.size() <= kMax) return s;
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  s.resize(cut);
  return s + "...";
}

}  // namespace

struct Client::Impl {
  Options opts;
  NodeInfo info;
  ei_cnode ec{};
  int fd = -1;
  erlang_pid agent{};
  std::shared_ptr<PidMap> pid_map;  // shared by a Session's clients
  PidMap& pids;
  bool home;                        // this node's pids print as its own (<0.N.0>)
  Translator tr{pids};

  Impl(std::shared_ptr<PidMap> shared, bool is_home)
      : pid_map(shared ? std::move(shared) : std::make_shared<PidMap>()), pids(*pid_map), home(is_home) {}
  std::string alive_name;

  // Receive thread.
  std::thread thread;
  std::atomic<bool> stop{false};
  std::atomic<bool> running{false};
  std::atomic<bool> alive{false};  // the receive thread runs and the node is there
  std::mutex m;  // guards out, jobs, detached, loop_done
  bool loop_done = true;          // no receive thread takes jobs (before connect, after its end)
  std::condition_variable cv;
  Batch out;
  std::deque<std::function<void()>> jobs;  // run on the receive thread
  bool detached = false;
  bool agent_left = false;  // the agent said it removed itself
  std::unordered_map<long long, ReplyFn> waiting;  // receive thread only
  std::unordered_map<long long, std::string> outputs;  // an evaluation's printed output, until its reply
  long long next_ref = 1;
  Clock::time_point last_refresh{};
  // The node's clock: at `clock_local`, the node's monotonic ns was `clock_node`.
  int64_t clock_node = 0;
  Clock::time_point clock_local{};
  AgentStats stats;

  int64_t node_now() const {
    return clock_node + std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - clock_local).count();
  }

  // ---- sending ----
  bool send_to_agent(const Term& cmd, long long ref, std::string& error) {
    ei_x_buff x;
    ei_x_new_with_version(&x);
    ei_x_encode_tuple_header(&x, 3);
    ei_x_encode_longlong(&x, ref);
    ei_x_encode_pid(&x, ei_self(&ec));
    const bool ok = encode(&x, cmd, pids, error) && ei_send_tmo(fd, &agent, x.buff, x.index, opts.timeout_ms) == 0;
    if (!ok && error.empty()) error = "the node did not take the command (connection lost?)";
    ei_x_free(&x);
    return ok;
  }

  // An rpc by rex ({self(), {call, M, F, Args, user}} -> {rex, Reply}); other messages that
  // arrive meanwhile go to `other`.
  bool rpc(const char* mod, const char* fun, const std::function<void(ei_x_buff*)>& args, Term& reply, std::string& error,
           const std::function<void(const Term&)>& other = {}) {
    ei_x_buff x;
    ei_x_new_with_version(&x);
    ei_x_encode_tuple_header(&x, 2);
    ei_x_encode_pid(&x, ei_self(&ec));
    ei_x_encode_tuple_header(&x, 5);
    ei_x_encode_atom(&x, "call");
    ei_x_encode_atom(&x, mod);
    ei_x_encode_atom(&x, fun);
    args(&x);
    ei_x_encode_atom(&x, "user");
    const int r = ei_reg_send_tmo(&ec, fd, const_cast<char*>("rex"), x.buff, x.index, opts.timeout_ms);
    ei_x_free(&x);
    if (r < 0) {
      error = "the rpc call " + std::string(mod) + ":" + fun + " could not be sent";
      return false;
    }
    const auto until = Clock::now() + std::chrono::milliseconds(std::max(opts.timeout_ms, 10'000u));
    while (Clock::now() < until) {
      Term msg;
      const int got = receive(msg, 100);
      if (got < 0) {
        error = "the node went away during " + std::string(mod) + ":" + fun;
        return false;
      }
      if (got == 0) continue;
      if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0].is_atom() && atom_name(msg[0].as_atom()) == "rex") {
        reply = msg[1];
        return true;
      }
      if (other) other(msg);
    }
    error = "the node did not answer " + std::string(mod) + ":" + fun + " in time";
    return false;
  }

  // One message: 1 with `msg`, 0 on timeout or tick, -1 when the connection is gone. A
  // snapshot chunk (`snapshot_chunk` set) is read straight into the translator: `msg` is then
  // {actorscope, Agent, snapshot, Chunk, Count} with Count the processes it held.
  int receive(Term& msg, unsigned timeout_ms, bool snapshot_chunks = false) {
    erlang_msg em;
    ei_x_buff x;
    ei_x_new(&x);
    const int r = ei_xreceive_msg_tmo(fd, &em, &x, timeout_ms);
    int result = 0;
    if (r == ERL_MSG) {
      if (em.msgtype == ERL_SEND || em.msgtype == ERL_REG_SEND) {
        int index = 0, version = 0;
        ei_decode_version(x.buff, &index, &version);
        const int start = index;
        if (snapshot_chunks && read_chunk(x.buff, &index, msg)) result = 1;
        else result = decode(x.buff, &(index = start), pids, msg) ? 1 : 0;
      }
    } else if (r == ERL_ERROR && erl_errno != ETIMEDOUT && erl_errno != EAGAIN) {
      result = -1;
    }
    ei_x_free(&x);
    return result;
  }

  // {actorscope, Agent, snapshot, Chunk, [Proc]} read into the translator; false (nothing read)
  // for any other message.
  bool read_chunk(const char* buf, int* index, Term& msg) {
    int arity = 0, n = 0;
    char atom[MAXATOMLEN_UTF8];
    long long chunk = 0;
    if (ei_decode_tuple_header(buf, index, &arity) < 0 || arity != 5) return false;
    if (ei_decode_atom_as(buf, index, atom, sizeof atom, ERLANG_UTF8, nullptr, nullptr) < 0 || std::strcmp(atom, "actorscope")) return false;
    if (ei_skip_term(buf, index) < 0) return false;
    if (ei_decode_atom_as(buf, index, atom, sizeof atom, ERLANG_UTF8, nullptr, nullptr) < 0 || std::strcmp(atom, "snapshot")) return false;
    if (ei_decode_longlong(buf, index, &chunk) < 0 || ei_decode_list_header(buf, index, &n) < 0) return false;
    long long read = 0;
    for (int i = 0; i < n; ++i)
      if (tr.snapshot_proc(buf, index)) ++read;
      else break;  // malformed: the rest of this chunk is skipped
    msg = Term::tuple({Term::atom("actorscope"), Term(), Term::atom("snapshot"), Term(chunk), Term(read)});
    return true;
  }

  // {actorscope, Agent, Tag, ...}: Tag's name, else "".
  static std::string_view tag_of(const Term& m) {
    if (!m.is_tuple() || m.tuple_size() < 3 || !m[0].is_atom() || atom_name(m[0].as_atom()) != "actorscope" || !m[2].is_atom()) return {};
    return atom_name(m[2].as_atom());
  }

  void note_stats(const Term& s) {
    auto num = [&](const char* k) -> uint64_t {
      const Term* v = s.is_map() ? s.map_get(Term::atom(k)) : nullptr;
      return v && v->is_integer() ? uint64_t(v->as_integer()) : 0;
    };
    if (!s.is_map()) return;
    stats.events += num("events");
    stats.dropped += num("dropped");
    if (const Term* v = s.map_get(Term::atom("sampling"))) stats.sampling = v->as_bool();
    if (const Term* v = s.map_get(Term::atom("procs")); v && v->is_integer()) stats.processes = uint64_t(v->as_integer());
    stats.agent_reductions = std::max(stats.agent_reductions, num("agent_reductions"));
    if (const Term* v = s.map_get(Term::atom("nodes")); v && v->is_list()) {
      std::vector<std::string> nodes;
      for (const Term& n : v->list_elements())
        if (n.is_atom()) nodes.emplace_back(atom_name(n.as_atom()));
      std::lock_guard g(m);  // (info.nodes stays as hello said: it is read on other threads)
      out.nodes = std::move(nodes);
      out.nodes_changed = true;
    }
  }

  void handle(const Term& msg) {
    const std::string_view tag = tag_of(msg);
    std::vector<TraceEvent> evs;
    if (tag == "events" && msg.tuple_size() == 5) {
      for (const Term& e : msg[3].list_elements()) tr.event(e, evs);
      note_stats(msg[4]);
    } else if (tag == "output" && msg.tuple_size() == 5 && msg[3].is_integer() && msg[4].is_binary()) {
      if (waiting.count(msg[3].as_integer())) outputs[msg[3].as_integer()] += msg[4].as_binary();
      return;
    } else if (tag == "reply" && msg.tuple_size() == 5) {
      const long long ref = msg[3].is_integer() ? msg[3].as_integer() : -1;
      auto it = waiting.find(ref);
      if (it == waiting.end()) return;
      ReplyFn done = std::move(it->second);
      waiting.erase(it);
      Reply r = reply_of(msg[4]);
      if (auto o = outputs.find(ref); o != outputs.end()) {
        r.output = std::move(o->second);
        outputs.erase(o);
      }
      if (done) done(std::move(r));
      return;
    } else if (tag == "detached") {
      std::lock_guard g(m);
      detached = true;
      agent_left = true;
      cv.notify_all();
      return;
    } else {
      return;
    }
    publish(std::move(evs));
  }

  static Reply reply_of(const Term& r) {
    Reply out;
    if (r.is_atom(atoms::ok)) {
      out.ok = true;
    } else if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atoms::ok)) {
      out.ok = true;
      out.value = r[1];
    } else if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atoms::error)) {
      out.error = error_text(r[1]);
    } else {
      out.error = "the agent answered " + term_text(r);
    }
    return out;
  }

  static std::string error_text(const Term& why) {
    if (why.is_atom()) {
      const std::string_view w = atom_name(why.as_atom());
      if (w == "noproc") return "the process is not alive";
      if (w == "read_only") return "attached read-only: actions are refused (attach without --read-only to act)";
      if (w == "timeout") return "the node did not finish in time";
      if (w == "not_suspended") return "the process was not suspended from here (only who suspended a process can resume it)";
      if (w == "agent") return "that is Actorscope's own agent";
      if (w == "not_local") return "the process runs on another node";
    }
    if (why.is_binary()) return std::string(why.as_binary());
    if (why.is_list()) {  // a charlist: the shell's printed error
      std::string s;
      for (const Term& c : why.list_elements())
        if (c.is_integer() && c.as_integer() > 0 && c.as_integer() < 0x110000) {
          const auto cp = uint32_t(c.as_integer());
          if (cp < 0x80) s.push_back(char(cp));
          else if (cp < 0x800) { s.push_back(char(0xC0 | (cp >> 6))); s.push_back(char(0x80 | (cp & 0x3F))); }
          else if (cp < 0x10000) { s.push_back(char(0xE0 | (cp >> 12))); s.push_back(char(0x80 | ((cp >> 6) & 0x3F))); s.push_back(char(0x80 | (cp & 0x3F))); }
          else { s.push_back(char(0xF0 | (cp >> 18))); s.push_back(char(0x80 | ((cp >> 12) & 0x3F))); s.push_back(char(0x80 | ((cp >> 6) & 0x3F))); s.push_back(char(0x80 | (cp & 0x3F))); }
        }
      if (!s.empty()) return s;
    }
    return term_text(why);
  }

  void publish(std::vector<TraceEvent> evs) {
    tr.settle(node_now(), evs);
    std::lock_guard g(m);
    for (auto& e : evs) out.events.push_back(std::move(e));
    out.now_ns = tr.now_ns();
    out.stats = stats;
  }

  // The receive thread. Ends when stopped or when the node goes away; then every command still
  // waiting (and every one asked later) is answered with a failure, outside the lock.
  void loop() {
    std::string lost_why;
    try {
      run_loop(lost_why);
    } catch (const std::exception& e) {
      lost_why = std::string("the attach session failed: ") + e.what();
    }
    std::deque<std::function<void()>> todo;
    {
      std::lock_guard g(m);
      if (!lost_why.empty()) {
        out.lost = true;
        out.error = lost_why;
      }
      detached = true;
      loop_done = true;
      alive.store(false);
      running.store(false);
      todo.swap(jobs);
      cv.notify_all();
    }
    for (auto& j : todo) j();  // they see !alive and fail
    for (auto& [ref, done] : waiting)
      if (done) done(Reply{false, {}, lost_why.empty() ? "detached from the node" : "the node went away", {}});
    waiting.clear();
  }

  void run_loop(std::string& lost_why) {
    while (!stop.load()) {
      std::deque<std::function<void()>> todo;
      {
        std::lock_guard g(m);
        todo.swap(jobs);
      }
      for (auto& j : todo) j();
      Term msg;
      const int got = receive(msg, 20);
      if (got < 0) {
        lost_why = "the node " + opts.node + " went away (stopped, or the network between us broke)";
        return;
      }
      if (got > 0) handle(msg);
      if (Clock::now() - last_refresh > std::chrono::milliseconds(500)) {
        last_refresh = Clock::now();
        std::vector<TraceEvent> evs;
        tr.settle(node_now(), evs);
        Snapshot s = tr.snapshot();
        std::lock_guard g(m);
        for (auto& e : evs) out.events.push_back(std::move(e));
        if (!out.full) out.snapshot = std::move(s);  // the periodic refresh
        out.now_ns = tr.now_ns();
      }
    }
  }

  // Runs `job` on the receive thread; once that has ended, at once on the caller's (the job
  // then sees !alive).
  void command(std::function<void()> job) {
    {
      std::lock_guard g(m);
      if (!loop_done) {
        jobs.push_back(std::move(job));
        return;
      }
    }
    job();
  }

  // Sends `cmd` to the agent on the receive thread; `done` gets the reply.
  void ask(Term cmd, ReplyFn done, std::function<void()> before = {}) {
    command([this, cmd = std::move(cmd), done = std::move(done), before = std::move(before)]() mutable {
      if (!alive.load()) {
        if (done) done(Reply{false, {}, "not attached to a node (it went away, or this window detached)", {}});
        return;
      }
      const long long ref = next_ref++;
      std::string error;
      if (before) before();
      if (!send_to_agent(cmd, ref, error)) {
        if (done) done(Reply{false, {}, error, {}});
        return;
      }
      waiting.emplace(ref, std::move(done));
    });
  }

  void close_fd() {
    if (fd >= 0) ei_close_connection(fd);
    fd = -1;
  }
};

Client::Client() : d_(std::make_unique<Impl>(nullptr, true)) {}

Client::Client(std::shared_ptr<PidMap> pids, bool home) : d_(std::make_unique<Impl>(std::move(pids), home)) {}

Client::~Client() { detach(); }

bool Client::connected() const { return d_->running.load(); }
const NodeInfo& Client::node() const { return d_->info; }
std::string Client::pid_text(Pid p) const { return d_->pids.text(p); }
int64_t Client::epoch_ns() const {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d_->clock_local.time_since_epoch()).count() - 1;
}

bool Client::connect(const Options& opts, std::string& error, Failure* why, ProgressFn progress) {
  Impl& d = *d_;
  auto fail = [&](Failure f, std::string text) {
    if (why) *why = f;
    error = std::move(text);
    d.close_fd();
    return false;
  };
  if (d.running.load() || d.fd >= 0) {  // not fail(): that would close the live connection
    if (why) *why = Failure::AlreadyAttached;
    error = "this client is attached already";
    return false;
  }
  d.opts = opts;
  if (std::string e = check_node_name(opts.node); !e.empty()) return fail(Failure::BadName, e);
  if (opts.batch_ms < 1 || opts.max_events_per_s < 1)
    return fail(Failure::BadOptions, "batch_ms and max_events_per_s must be at least 1 (got " + std::to_string(opts.batch_ms) +
                                         " and " + std::to_string(opts.max_events_per_s) + ")");
  const size_t at = opts.node.find('@');
  const std::string alive = opts.node.substr(0, at);
  const std::string host = opts.node.substr(at + 1);
  std::string cookie = opts.cookie;
  if (cookie.empty())
    if (const char* env = std::getenv("ACTORSCOPE_COOKIE")) cookie = env;
  if (cookie.empty()) cookie = default_cookie();
  if (cookie.empty())
    return fail(Failure::NoCookie, "no cookie: give --cookie, set ACTORSCOPE_COOKIE, or put the node's cookie in ~/.erlang.cookie");
  auto step = [&](std::string_view what, uint64_t done = 0, uint64_t total = 0) { return !progress || progress(what, done, total); };

  if (!step("Looking up " + opts.node + " in epmd")) return fail(Failure::Cancelled, "cancelled");
  std::string names, neterr;
  bool unknown_host = false;
  const int port = epmd_lookup(host, alive, opts.timeout_ms, names, neterr, unknown_host);
  if (unknown_host) return fail(Failure::UnknownHost, "cannot attach to " + opts.node + ": " + neterr + " (check the part after the @)");
  if (port < 0)
    return fail(Failure::EpmdDown, "cannot attach to " + opts.node + ": epmd is not running on " + host + " (" + neterr +
                                       "); start the node (it starts epmd), or run `epmd -daemon`");
  if (port == 0)
    return fail(Failure::NoSuchNode, "cannot attach to " + opts.node + ": no node named \"" + alive + "\" runs on " + host +
                                         (names.empty() ? std::string(" (epmd knows none)") : " (epmd knows: " + names + ")") +
                                         "; start it with `iex --sname " + alive + " --cookie ...` or check the name");

  // Our own name: hidden, unique, and of the node's kind (a host with a dot is a long name).
  static std::atomic<unsigned> counter{0};
  const bool long_name = host.find('.') != std::string::npos;
  auto try_connect = [&](bool as_long) {
    d.close_fd();
    d.alive_name = "actorscope_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const std::string self_host = as_long ? (long_name ? host : std::string("127.0.0.1")) : (long_name ? host.substr(0, host.find('.')) : host);
    const std::string self_node = d.alive_name + "@" + self_host;
    in_addr addr{};
    addr.s_addr = htonl(INADDR_LOOPBACK);
    if (ei_connect_xinit(&d.ec, self_host.c_str(), d.alive_name.c_str(), self_node.c_str(), reinterpret_cast<Erl_IpAddr>(&addr),
                         cookie.c_str(), unsigned(::time(nullptr) & 0x7fffffff) | 1u) < 0)
      return false;
    d.fd = ei_connect_tmo(&d.ec, const_cast<char*>(opts.node.c_str()), opts.timeout_ms);
    return d.fd >= 0;
  };
  if (!step("Connecting to " + opts.node)) return fail(Failure::Cancelled, "cancelled");
  if (!try_connect(long_name)) {
    const int first_errno = erl_errno;
    if (first_errno == ETIMEDOUT)
      return fail(Failure::Unreachable, "cannot attach to " + opts.node + ": its port " + std::to_string(port) +
                                            " does not answer (a firewall, or the node is stuck)");
    if (try_connect(!long_name)) {
      d.close_fd();
      return fail(Failure::NameType, "cannot attach to " + opts.node + ": the node runs with " +
                                         (long_name ? "short names (-sname); name it without the domain" : "long names (-name); name it with its full host name (name@host.domain)"));
    }
    return fail(Failure::CookieRefused, "cannot attach to " + opts.node + ": the node refused the connection: the cookie is not its cookie (give --cookie, or check ~/.erlang.cookie on both sides)");
  }
  if (d.home) d.pids.set_home(opts.node);

  // Load the agent.
  if (!step("Loading the agent onto " + opts.node)) return fail(Failure::Cancelled, "cancelled");
  std::vector<Term> early;  // agent messages that come during an rpc
  auto keep = [&](const Term& m) { early.push_back(m); };
  Term reply;
  std::string rerr;
  // The node's own name (the typed host may be another name for it): its pids print as its own.
  if (!d.rpc("erlang", "node", [](ei_x_buff* x) { ei_x_encode_empty_list(x); }, reply, rerr, keep))
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": " + rerr);
  if (reply.is_atom()) {
    d.info.name = std::string(atom_name(reply.as_atom()));  // said even when the attach fails below
    if (d.home) d.pids.set_home(d.info.name);
  }
  // Another observer's agent runs there: loading over it would make its code old.
  if (!d.rpc("erlang", "whereis",
             [](ei_x_buff* x) {
               ei_x_encode_list_header(x, 1);
               ei_x_encode_atom(x, "actorscope_agent");
               ei_x_encode_empty_list(x);
             },
             reply, rerr, keep))
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": " + rerr);
  if (reply.is_pid())
    return fail(Failure::AlreadyAttached, "cannot attach to " + opts.node + ": another Actorscope is attached to it (its agent is " +
                                              d.pids.text(reply.as_pid()) +
                                              "); detach that one first. After a broken connection the old session's agent leaves by "
                                              "itself once the node notices (its net_ticktime, 60 s by default): then attach again");
  if (!d.rpc("code", "load_binary",
             [&](ei_x_buff* x) {
               ei_x_encode_list_header(x, 3);
               ei_x_encode_atom(x, "actorscope_agent");
               ei_x_encode_string(x, "actorscope_agent.erl");
               ei_x_encode_binary(x, kAgentBeam, long(kAgentBeamSize));
               ei_x_encode_empty_list(x);
             },
             reply, rerr, keep))
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": " + rerr);
  if (!(reply.is_tuple() && reply.tuple_size() == 2 && reply[0].is_atom(intern("module"))))
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": loading the agent failed: " + term_text(reply));

  // Unloads the agent's module, unless an agent runs (a start that timed out may have started
  // one: it then cleans up itself when this connection closes; purging would kill it first).
  auto unload = [&] {
    Term r;
    std::string e;
    if (!d.rpc("erlang", "whereis", [](ei_x_buff* x) { ei_x_encode_list_header(x, 1); ei_x_encode_atom(x, "actorscope_agent"); ei_x_encode_empty_list(x); }, r, e) ||
        !r.is_atom(atoms::undefined))
      return;
    d.rpc("code", "delete", [](ei_x_buff* x) { ei_x_encode_list_header(x, 1); ei_x_encode_atom(x, "actorscope_agent"); ei_x_encode_empty_list(x); }, r, e);
    d.rpc("code", "purge", [](ei_x_buff* x) { ei_x_encode_list_header(x, 1); ei_x_encode_atom(x, "actorscope_agent"); ei_x_encode_empty_list(x); }, r, e);
  };
  if (!step("Starting the agent")) {
    unload();
    return fail(Failure::Cancelled, "cancelled");
  }
  if (!d.rpc("actorscope_agent", "start",
             [&](ei_x_buff* x) {
               ei_x_encode_list_header(x, 2);
               ei_x_encode_pid(x, ei_self(&d.ec));
               ei_x_encode_map_header(x, opts.tracer_nif ? 4 : 3);
               ei_x_encode_atom(x, "read_only");
               ei_x_encode_boolean(x, opts.read_only);
               ei_x_encode_atom(x, "batch_ms");
               ei_x_encode_long(x, opts.batch_ms);
               ei_x_encode_atom(x, "max_events_per_s");
               ei_x_encode_long(x, opts.max_events_per_s);
               if (opts.tracer_nif) {
                 ei_x_encode_atom(x, "tracer");
                 ei_x_encode_tuple_header(x, 2);
                 ei_x_encode_binary(x, kTracerBeam, long(kTracerBeamSize));
                 ei_x_encode_binary(x, kTracerNif, long(kTracerNifSize));
               }
               ei_x_encode_empty_list(x);
             },
             reply, rerr, keep)) {
    unload();
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": " + rerr);
  }
  if (!(reply.is_tuple() && reply.tuple_size() == 2 && reply[0].is_atom(atoms::ok) && reply[1].is_pid())) {
    const Term why = reply.is_tuple() && reply.tuple_size() == 2 ? reply[1] : reply;
    if (why.is_tuple() && why.tuple_size() == 2 && why[0].is_atom(intern("already_attached"))) {
      return fail(Failure::AlreadyAttached, "cannot attach to " + opts.node + ": another Actorscope is attached to it (its agent is " +
                                                d.pids.text(why[1].is_pid() ? why[1].as_pid() : Pid{}) + "); detach that one first");
    }
    unload();
    if (why.is_tuple() && why.tuple_size() == 2 && why[0].is_atom(intern("tracer_busy"))) {
      std::string who;
      for (const Term& pt : why[1].list_elements())
        if (pt.is_tuple() && pt.tuple_size() == 2)
          who += (who.empty() ? "" : ", ") + term_text(pt[0]) + " traced by " + term_text(pt[1]);
      return fail(Failure::TracerBusy, "cannot attach to " + opts.node + ": another tracer owns processes there (" + who +
                                           "); stop it (e.g. :dbg.stop(), :recon_trace.clear()) and attach again");
    }
    return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": the agent did not start: " + term_text(why));
  }
  const Pid agent_local = reply[1].as_pid();
  d.agent = *d.pids.remote(agent_local);

  // Hello and the snapshot (messages that came during the rpc first).
  bool hello = false, done = false;
  uint64_t procs_total = 0, procs_read = 0;
  std::vector<Term> later;  // events that arrive while the snapshot is read
  auto take_msg = [&](const Term& m) {
    const std::string_view tag = Impl::tag_of(m);
    if (tag == "hello" && m.tuple_size() == 4) {
      const Term& i = m[3];
      auto get = [&](const char* k) { const Term* v = i.map_get(Term::atom(k)); return v ? *v : Term(); };
      d.info.name = get("node").is_atom() ? std::string(atom_name(get("node").as_atom())) : opts.node;
      d.info.otp = Impl::error_text(get("otp"));
      d.info.elixir = get("elixir").as_bool();
      d.info.read_only = get("read_only").as_bool();
      d.info.tracer_nif = get("tracer").is_atom(intern("nif"));
      for (const Term& n : get("nodes").list_elements())
        if (n.is_atom()) d.info.nodes.emplace_back(atom_name(n.as_atom()));
      if (get("processes").is_integer()) procs_total = uint64_t(get("processes").as_integer());
      const int64_t now = get("now").is_integer() ? get("now").as_integer() : 0;
      d.clock_node = now;
      d.clock_local = Clock::now();
      d.tr.start(now - 1, agent_local);
      hello = true;
    } else if (tag == "snapshot" && m.tuple_size() == 5) {
      if (m[4].is_integer()) {
        procs_read += uint64_t(m[4].as_integer());  // read by receive() already
      } else {
        for (const Term& p : m[4].list_elements())
          if (d.tr.snapshot_proc(p)) ++procs_read;
      }
    } else if (tag == "snapshot_done") {
      done = true;
    } else if (tag == "events") {
      later.push_back(m);
    }
  };
  for (const Term& m : early) take_msg(m);
  const auto until = Clock::now() + std::chrono::seconds(120);
  while (!done) {
    if (Clock::now() > until) {
      std::string e;
      d.send_to_agent(Term::atom("detach"), 0, e);
      return fail(Failure::AgentLoad, "cannot attach to " + opts.node + ": the agent sent no full picture within 120 s");
    }
    if (!step(hello ? "Reading the processes" : "Waiting for the agent", procs_read, procs_total)) {
      std::string e;
      d.send_to_agent(Term::atom("detach"), 0, e);
      Term m;
      for (int i = 0; i < 100 && d.receive(m, 20) >= 0;)
        if (Impl::tag_of(m) == "detached") break; else ++i;
      return fail(Failure::Cancelled, "cancelled; the agent has left " + opts.node);
    }
    Term m;
    const int got = d.receive(m, 100, hello);
    if (got < 0) return fail(Failure::Lost, "the node " + opts.node + " went away while attaching");
    if (got > 0) take_msg(m);
  }
  std::vector<TraceEvent> labels;
  Snapshot first = d.tr.finish_snapshot(d.node_now(), labels);
  {
    std::lock_guard g(d.m);
    d.out = Batch{};
    d.out.snapshot = std::move(first);
    d.out.full = true;
    d.out.events = std::move(labels);
    d.out.now_ns = d.tr.now_ns();
  }
  for (const Term& m : later) d.handle(m);
  d.last_refresh = Clock::now();
  d.stop.store(false);
  {
    std::lock_guard g(d.m);
    d.loop_done = false;
    d.detached = false;
    d.agent_left = false;
  }
  d.alive.store(true);
  d.running.store(true);
  d.thread = std::thread([&d] { d.loop(); });
  if (why) *why = Failure::None;
  return true;
}

Batch Client::take() {
  std::lock_guard g(d_->m);
  Batch b = std::move(d_->out);
  d_->out = Batch{};
  d_->out.stats = b.stats;
  d_->out.now_ns = b.now_ns;
  return b;
}

void Client::exit(Pid pid, const Term& reason, ReplyFn done) {
  Impl& d = *d_;
  d.ask(Term::tuple({Term::atom("exit"), Term(pid), reason}), std::move(done), [&d, pid, reason] {
    if (d.info.read_only) return;
    std::vector<TraceEvent> evs;
    d.tr.observer_exit(pid, reason, d.node_now(), evs);
    d.publish(std::move(evs));
  });
}

void Client::send(Pid pid, const Term& message, ReplyFn done) {
  Impl& d = *d_;
  // The message is shown leaving the observer once the agent has sent it (the replies come on
  // the receive thread, where the translator lives).
  d.ask(Term::tuple({Term::atom("send"), Term(pid), message}), [&d, pid, message, done = std::move(done)](Reply r) {
    if (r.ok) {
      std::vector<TraceEvent> evs;
      d.tr.observer_send(pid, message, d.node_now(), evs);
      d.publish(std::move(evs));
    }
    if (done) done(std::move(r));
  });
}

void Client::suspend(Pid pid, bool suspended, ReplyFn done) {
  Impl& d = *d_;
  d.ask(Term::tuple({Term::atom(suspended ? "suspend" : "resume"), Term(pid)}), [&d, pid, suspended, done = std::move(done)](Reply r) {
    if (r.ok) {
      std::vector<TraceEvent> evs;
      d.tr.observer_suspend(pid, suspended, d.node_now(), evs);
      d.publish(std::move(evs));
    }
    if (done) done(std::move(r));
  });
}

void Client::info(Pid pid, ReplyFn done) { d_->ask(Term::tuple({Term::atom("info"), Term(pid)}), std::move(done)); }

void Client::eval(bool elixir, const std::string& text, ReplyFn done) {
  // The agent answers {ok, {Printed, Bindings}} with Printed a charlist: the value is Printed as
  // a binary.
  auto printed = [done = std::move(done)](Reply r) {
    if (r.ok && r.value.is_tuple() && r.value.tuple_size() == 2) r.value = Term::binary(Impl::error_text(r.value[0]));
    if (done) done(std::move(r));
  };
  d_->ask(Term::tuple({Term::atom("eval"), Term::atom(elixir ? "elixir" : "erlang"), Term::binary(text), Term::atom("session")}),
          std::move(printed));
}

void Client::poll_first(const std::vector<Pid>& pids) {
  std::vector<Term> list;
  list.reserve(pids.size());
  for (Pid p : pids) list.emplace_back(p);
  d_->ask(Term::tuple({Term::atom("poll_first"), Term::list(list)}), {});
}

bool Client::detach() {
  Impl& d = *d_;
  bool left = false;
  if (d.thread.joinable()) {
    if (d.running.load()) {
      d.command([&d] {
        if (!d.alive.load()) return;
        std::string e;
        d.send_to_agent(Term::atom("detach"), 0, e);
      });
      std::unique_lock g(d.m);
      d.cv.wait_for(g, std::chrono::seconds(2), [&] { return d.detached; });
      left = d.agent_left;
    }
    d.stop.store(true);
    d.thread.join();
    d.running.store(false);
  }
  d.close_fd();
  return left;
}

void Client::abandon() {
  Impl& d = *d_;
  d.stop.store(true);
  if (d.thread.joinable()) d.thread.join();
  d.running.store(false);
  d.close_fd();
}

void Client::release() {
  abandon();
  Impl& d = *d_;
  d.tr.clear();
  std::lock_guard g(d.m);
  d.out = Batch{};
}

}  // namespace actorscope::attach
