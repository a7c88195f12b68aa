#pragma once
// EmbeddedSource: the Source of the runtime the app embeds, through its RuntimeHost (every call
// runs on the driver thread; results come back queued to `context`'s thread). GUI thread only.

#include "RuntimeHost.h"
#include "ShellChannel.h"
#include "Source.h"

#include <QPointer>

#include <utility>
#include <vector>

namespace actorscope::views {

class EmbeddedSource final : public Source {
public:
  EmbeddedSource(RuntimeHost* host, QObject* context) : host_(host), context_(context), shell_(host) {}

  QString describe() const override;
  Semantics semantics() const override { return host_->semantics(); }
  void exit(Pid pid, Term reason, CommandDone done = {}) override;
  void kill(Pid pid, CommandDone done = {}) override;
  void send(Pid pid, Term message, CommandDone done = {}) override;
  void setTrapExit(Pid pid, bool on, CommandDone done = {}) override;
  void suspend(Pid pid, bool suspended, CommandDone done = {}) override;
  void link(Pid a, Pid b, CommandDone done = {}) override;
  void monitor(Pid watcher, Pid target, CommandDone done = {}) override;
  void registerName(Pid pid, Atom name, CommandDone done = {}) override;
  void relate(Pid watcher, const ergo::Target& target, Relation what, CommandDone done = {}) override;
  void createAlias(Pid owner, std::function<void(const AliasResult&)> done) override;
  void deleteAlias(Pid owner, Ref alias, CommandDone done = {}) override;
  void aliases(std::function<void(std::vector<std::pair<Ref, Pid>>)> done) override;
  void details(Pid pid, std::function<void(ProcessDetails)> done) override;

  QStringList spawnables() const override;
  void spawn(const QString& kind, SpawnDone done = {}) override;
  /// Makes `kind` spawnable: `fn` runs on the driver thread and returns the started pid.
  void addSpawnable(const QString& kind, std::function<Pid(Runtime&)> fn);

  void inject(const Fault& f, CommandDone done = {}) override;
  void setDetectionDelay(int ms, CommandDone done = {}) override;
  void startChaos(const ChaosConfig& c, SpawnDone done = {}) override;
  void startPlan(const FaultPlan& plan, SpawnDone done = {}) override;
  void stopInjector(Pid injector) override;
  ShellChannel* shell() override { return &shell_; }

private:
  /// Runs `fn` on the driver; the started pid (or the error it threw) reaches `done`.
  void spawnWith(std::function<Pid(Runtime&)> fn, SpawnDone done);

  /// Runs `fn` on the driver; its result reaches `done` on the GUI thread (dropped when none).
  void command(std::function<CommandResult(Runtime&)> fn, CommandDone done);

  RuntimeHost* host_;
  QPointer<QObject> context_;
  EmbeddedShell shell_;
  std::vector<std::pair<QString, std::function<Pid(Runtime&)>>> spawnables_;
};

}  // namespace actorscope::views
