#pragma once
// Attach: observe and act on a live BEAM node (OTP 25 and later) as a hidden C node through
// erl_interface, with the agent module runtime/src/attach/actorscope_agent.erl loaded onto the
// node (protocol: docs/attach-protocol.md). The agent's reports become the trace vocabulary of
// trace.hpp (one Snapshot, then TraceEvents), so every view works on an attached node as on the
// embedded runtime. Qt-free.
//
// Threading: connect() blocks its caller (run it off the GUI thread; progress() may cancel).
// After it succeeds one receive thread owns the connection. take(), the commands and detach()
// may be called from any thread; a command's callback runs on the receive thread.

#include "actorscope/term.hpp"
#include "actorscope/trace.hpp"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope::attach {

class PidMap;

/// Why an attach failed (or a session ended).
enum class Failure : uint8_t {
  None,
  BadName,          // not name@host
  BadOptions,       // batch_ms or max_events_per_s below 1
  NoCookie,         // no --cookie and no readable ~/.erlang.cookie
  UnknownHost,      // the host does not resolve
  EpmdDown,         // nothing listens on the host's epmd port
  NoSuchNode,       // epmd runs, but no node of that name
  NameType,         // the node uses long names and was named short (or the reverse)
  CookieRefused,    // the handshake was refused: most likely the cookie
  Unreachable,      // the node's port does not answer
  AgentLoad,        // the agent could not be loaded or started
  TracerBusy,       // another tracer owns processes on the node
  AlreadyAttached,  // another observer's agent runs there
  Cancelled,        // progress() said stop
  Lost,             // the node went away mid-session
};
const char* to_string(Failure f);

struct Options {
  std::string node;          ///< name@host (short or long)
  std::string cookie;        ///< empty: the contents of $HOME/.erlang.cookie
  bool read_only = false;    ///< the agent refuses every action
  unsigned timeout_ms = 5000;
  int batch_ms = 50;
  /// The agent's burst of traced events after a quiet spell; a storm that lasts gets the
  /// sustained rate, max(500, 5 per ms of the node's CPU time) a second (docs/attach-protocol.md).
  int max_events_per_s = 5000;
  /// Send the agent its erl_tracer NIF (actorscope_tracer.so: spawns the rate leaves out are
  /// counted on the node, not sent). Where it does not load the agent traces as a process.
  bool tracer_nif = true;
};

/// The agent's accounting, totals since attach.
struct AgentStats {
  uint64_t events = 0;    ///< traced events the agent reported
  uint64_t dropped = 0;   ///< traced events it left out (rate limit), exact
  bool sampling = false;  ///< it is shedding load now
  uint64_t processes = 0; ///< processes on the node at the last report
  uint64_t agent_reductions = 0;
};

/// What take() hands over: a plain value.
struct Batch {
  std::vector<TraceEvent> events;     ///< in seq order
  std::optional<Snapshot> snapshot;   ///< apply before `events`
  bool full = false;                  ///< `snapshot` replaces the picture (the first one)
  int64_t now_ns = 0;                 ///< the node's clock (ns since attach) at the last report
  AgentStats stats;
  std::vector<std::string> nodes;     ///< the node's connected nodes, when they changed
  bool nodes_changed = false;         ///< `nodes` is news (it may be empty: no node connected)
  bool lost = false;                  ///< the session ended; `error` says why
  std::string error;
  std::vector<std::string> gone;      ///< Session: other nodes that went away now, each with why
};

/// A command's answer: ok with a value, or an error in words.
struct Reply {
  bool ok = false;
  Term value;
  std::string error;
  std::string output;  ///< eval: what the evaluation printed (UTF-8), ok or not
};
using ReplyFn = std::function<void(Reply)>;

/// Progress of connect(): a step's words and a count (total 0: unknown). Return false to cancel.
using ProgressFn = std::function<bool(std::string_view step, uint64_t done, uint64_t total)>;

/// What the agent's hello said about the node.
struct NodeInfo {
  std::string name;      ///< its node name
  std::string otp;       ///< "25"
  bool elixir = false;   ///< Elixir is loaded there (the console speaks Elixir)
  bool read_only = false;
  bool tracer_nif = false;  ///< the agent's tracer is its NIF (else the agent process itself)
  std::vector<std::string> nodes;
};

class Client {
public:
  Client();
  /// A client whose pids are mapped in `pids` (shared with a Session's other clients); `home`:
  /// the first node's, whose pids print as the node prints them (<0.N.0>); others get serials
  /// of their own. Give `home` to one client per map, before any pid is mapped.
  Client(std::shared_ptr<PidMap> pids, bool home);
  ~Client();  ///< detaches
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// Connects, loads and starts the agent, reads the node's first full picture (the first
  /// take() carries it), then starts the receive thread. On failure returns false with `error`
  /// naming the cause and the fix; nothing is left on the node.
  bool connect(const Options& opts, std::string& error, Failure* why = nullptr, ProgressFn progress = {});
  bool connected() const;
  /// What the node said of itself. After a failed connect, `name` is its own name when it was
  /// reached (the typed host may be another name for it).
  const NodeInfo& node() const;
  /// Where this client's time line (the times of its events, ns since the attach) starts, on
  /// std::chrono::steady_clock, in ns. Valid once connected.
  int64_t epoch_ns() const;

  /// Everything reported since the last take(). O(events).
  Batch take();

  // ---- actions (refused by a read-only agent) ----
  /// exit(pid, reason) made by the agent; the trace shows it coming from the observer.
  void exit(Pid pid, const Term& reason, ReplyFn done = {});
  void send(Pid pid, const Term& message, ReplyFn done = {});
  void suspend(Pid pid, bool suspended, ReplyFn done = {});
  /// {info list, messages}: the Process.info items as a keyword list, and the first messages.
  void info(Pid pid, ReplyFn done);
  /// Evaluates `text` on the node (elixir or erlang) in the console's session (the bindings of
  /// the last evaluation carry over); the value is the printed result, as a binary; `output`,
  /// what the evaluation (and what it spawned, while it ran) printed.
  void eval(bool elixir, const std::string& text, ReplyFn done);
  /// The processes shown now: the agent polls them first.
  void poll_first(const std::vector<Pid>& pids);

  /// Tells the agent to remove itself and its trace flags, waits (up to 2 s) for it to say so,
  /// closes the connection. True when the agent said it left (false: the node was gone or did
  /// not answer; the agent then cleans up when it sees the connection close). Safe to call twice.
  bool detach();
  /// Closes the connection without a word to the agent, as if this process had died: the agent
  /// sees the observer's node go down and cleans up on its own (a stuck node; the tests).
  void abandon();
  /// Its node went away and another client took its place: closes as abandon() does and drops the
  /// picture it kept (processes, signals), keeping the object (references to it stay valid).
  /// Call it from the thread that gives it commands.
  void release();

  /// How a pid of the attached node prints there ("#PID<0.84.0>"): the pid's own numbers.
  std::string pid_text(Pid p) const;

private:
  struct Impl;
  std::unique_ptr<Impl> d_;
};

/// Several nodes attached at once (a cluster), as one picture. The first node's processes are
/// node 0; each node added later is node k (attach order) and joins with NodeUp events (node 0's
/// too, the first time), Connect to the attached nodes it is connected to, and its first picture
/// as events (Spawn, Register, TrapExit, Link, Monitor; its labels follow), so views, recordings
/// and replays see it join. A change in a node's connected nodes gives Connect / Disconnect. One
/// seq order and one time line: each node's clock shifted to the first node's (by when each
/// attach started, on this machine's steady clock), each take's events interleaved by time (each
/// node's in its own order). One PidMap (and its refs), so a link across nodes joins the two
/// processes each node reports. A node that goes away while others stay (the first one too) gives
/// NodeDown and its processes end with :noconnection; attached again, it takes its old node id.
/// When the last one goes, the take says `lost` and the picture stays as it was. Each node's agent
/// reports only its own processes: a signal to another node's process is judged by the rules on
/// the sender's side, its effect is what that node reports.
/// Thread-safe: take(), adopt() and the commands may be called from any thread. A Client reference
/// (client(k), owner()) stays valid for the session's life, also after its node was attached again.
class Session {
public:
  Session();
  ~Session();  ///< detaches every node
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// A client for the next node, sharing this session's pids: connect it (off the GUI thread),
  /// then adopt() it.
  std::unique_ptr<Client> new_client() const;
  /// Takes a connected client made by new_client(); its node becomes node size().
  void adopt(std::unique_ptr<Client> client);
  size_t size() const;
  /// Node k went away (its place is taken again when it is attached again).
  bool lost(size_t k) const;
  /// Every node went away (the take that saw the last one go said `lost`).
  bool all_lost() const;
  /// The nodes the attached ones (not gone) are connected to, as they last said, each once.
  std::vector<std::string> connected_nodes() const;
  /// Node k's client (0: the first; the console evaluates there).
  Client& client(size_t k = 0);
  const Client& client(size_t k = 0) const;
  /// The client of the node `p` runs on; nullptr when that node is not attached or went away.
  Client* owner(Pid p);
  /// True when `node` (its name) is attached and there.
  bool attached(const std::string& node) const;

  /// Everything every node reported since the last take, merged (see the class comment).
  Batch take();
  /// Detaches every node; true when every agent said it left.
  bool detach();

private:
  struct Impl;
  std::unique_ptr<Impl> d_;
};

/// `actorscope --attach NODE --record FILE --duration MS --headless`: attaches, records what the
/// node does for `duration_ms` (real time), detaches, writes the recording (an ordinary one: it
/// replays in the window). Progress and a summary go to `out`, errors to `err`, one line each.
/// Returns 0, 2 when the attach failed, 1 when the file cannot be written.
int record_attached(const Options& opts, int64_t duration_ms, const std::string& path, std::ostream& out, std::ostream& err);

/// The node's name as the user typed it, checked: "name@host" (short or long). Empty error: ok.
std::string check_node_name(std::string_view node);
/// The cookie in $HOME/.erlang.cookie, or "" when there is none.
std::string default_cookie();

}  // namespace actorscope::attach
