#pragma once
// AttachSource: the Source of a live BEAM node the window is attached to (attach::Client, a
// hidden C node with the agent on the node; docs/attach-protocol.md). Its batches take the same
// way to the screen as the embedded runtime's (take() gives a HostBatch). Actions go to the
// agent; what the BEAM does not allow from outside a process (setting another process's
// trap_exit, linking two other processes, spawning) is refused with the reason. A command's
// answer comes back on the GUI thread. GUI thread only.

#include "RuntimeHost.h"
#include "ShellChannel.h"
#include "Source.h"

#include "actorscope/attach.hpp"

#include <QPointer>

#include <memory>

namespace actorscope::views {

class AttachSource;

/// The console on an attached node: each input is evaluated there (Elixir on a node that has it,
/// else Erlang), as `iex --remsh` would, and the node's printed answer is shown. With several
/// nodes attached, on the one chosen (targets(): each node still there).
class AttachShell final : public ShellChannel {
  Q_OBJECT

public:
  explicit AttachShell(AttachSource* source, QObject* parent = nullptr) : ShellChannel(parent), source_(source) {}
  void start() override;
  void stop() override { running_ = false; ++generation_; }
  bool available() const override;
  bool ready() const override { return running_; }
  bool submit(const std::string& input, const std::string& file = {}) override;
  void interrupt() override {}
  Pid shellPid() const override { return {}; }
  Pid serverPid() const override { return {}; }
  int counter() const override;
  std::vector<std::string> variables() const override { return {}; }
  std::vector<std::string> completions(const std::string&) const override { return {}; }
  /// As `iex --remsh` prints it: "iex(app@host)3>" (an Erlang node: "(app@host)3>").
  QString prompt(int n, bool more) const override;
  QStringList targets() const override;
  int target() const override;
  void setTarget(int i) override;
  /// A node joined or went away: the targets change (one that went away falls back to the first
  /// node still there).
  void nodesChanged();

private:
  /// node_, or the first node still there when node_ went away (before nodesChanged() says so).
  size_t current() const;
  attach::Client& client() const;
  void sayWhere();
  void onEvaluated(size_t node, attach::Reply r);
  AttachSource* source_;
  bool running_ = false;
  bool busy_ = false;
  size_t node_ = 0;                   // the session's node the console evaluates on
  std::vector<int> counters_;         // per node: its next prompt number
  quint64 generation_ = 0;
};

class AttachSource final : public Source {
public:
  /// Takes a session with its first node adopted. `context`: where answers are delivered (the
  /// window).
  AttachSource(std::unique_ptr<attach::Session> session, QObject* context);
  ~AttachSource() override;

  /// The first node's client (the console evaluates there).
  attach::Client& client() { return session_->client(0); }
  /// Every node attached (File > Attach another node... adds one to the picture).
  attach::Session& session() { return *session_; }
  /// The names of the nodes attached and there (`live`; else every one the session had), in node
  /// id order.
  QStringList nodeNames(bool live = true) const;
  /// The indexes in the session of the nodes still there (empty when every one went away).
  std::vector<size_t> liveNodes() const;
  /// Every node still there was attached read-only (each agent refuses actions on its own).
  bool readOnly() const;
  /// The agent's accounting at the last take (what it sampled out, counted exactly).
  const attach::AgentStats& agentStats() const { return stats_; }
  /// Tells the agent to leave (detach()); true when it said it removed itself.
  bool detach();
  /// Everything the nodes reported since the last take, as the embedded host hands it over.
  /// `lost` and `error` tell when the first node went away; `gone`, other nodes that did.
  HostBatch take(bool* lost = nullptr, QString* error = nullptr, QStringList* gone = nullptr);

  QString describe() const override;
  void exit(Pid pid, Term reason, CommandDone done = {}) override;
  void send(Pid pid, Term message, CommandDone done = {}) override;
  void setTrapExit(Pid pid, bool on, CommandDone done = {}) override;
  void suspend(Pid pid, bool suspended, CommandDone done = {}) override;
  void link(Pid a, Pid b, CommandDone done = {}) override;
  void monitor(Pid watcher, Pid target, CommandDone done = {}) override;
  void registerName(Pid pid, Atom name, CommandDone done = {}) override;
  void details(Pid pid, std::function<void(ProcessDetails)> done) override;
  QStringList spawnables() const override { return {}; }
  void spawn(const QString& kind, SpawnDone done = {}) override;
  void inject(const Fault& f, CommandDone done = {}) override;
  void setDetectionDelay(int ms, CommandDone done = {}) override;
  void startChaos(const ChaosConfig& c, SpawnDone done = {}) override;
  void startPlan(const FaultPlan& plan, SpawnDone done = {}) override;
  void stopInjector(Pid) override {}
  ShellChannel* shell() override { return &shell_; }
  /// A node joined the session or went away (the console's choice of node follows).
  void nodesChanged() { shell_.nodesChanged(); }

  /// Runs `fn` with the reply on the GUI thread (dropped when the window is gone).
  attach::ReplyFn onGui(std::function<void(attach::Reply)> fn) const;

private:
  CommandDone refuse(CommandDone done, const QString& why) const;
  attach::ReplyFn answer(CommandDone done) const;

  /// The client of the node `pid` runs on; null when that node is not attached (or went away),
  /// and `done` is told so.
  attach::Client* ownerOf(Pid pid, CommandDone& done) const;

  std::unique_ptr<attach::Session> session_;
  QObject* context_;  // outlives this source
  attach::AgentStats stats_;
  AttachShell shell_;
};

}  // namespace actorscope::views
