#pragma once
// ShellChannel: the console's way to an iex-like shell on the observed system, so the console
// widget never reaches a Runtime. EmbeddedShell is the embedded runtime's (a console::Session
// made, fed and destroyed on the RuntimeHost's driver thread); an attached node would evaluate on
// the node. Every member function and signal: GUI thread.

#include "actorscope/console/session.hpp"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace actorscope::views {

class RuntimeHost;

class ShellChannel : public QObject {
  Q_OBJECT

public:
  using QObject::QObject;
  ~ShellChannel() override = default;

  /// Starts a shell (asynchronous: started() follows). A running one is stopped first.
  virtual void start() = 0;
  /// Ends the shell and waits for it (before the source stops). No signal follows it.
  virtual void stop() = 0;
  /// Can a shell start now (the source is running)?
  virtual bool available() const = 0;
  virtual bool ready() const = 0;
  /// Evaluates `input` (`file`: the script it comes from, "" when typed); evaluated() follows, or
  /// refused() when the shell is still evaluating. False when no shell is there.
  virtual bool submit(const std::string& input, const std::string& file = {}) = 0;
  virtual void interrupt() = 0;

  virtual Pid shellPid() const = 0;
  virtual Pid serverPid() const = 0;
  virtual int counter() const = 0;
  virtual std::vector<std::string> variables() const = 0;
  virtual std::vector<std::string> completions(const std::string& prefix) const = 0;
  /// The prompt before input number `n` (`more`: an unfinished expression goes on), as the
  /// shell prints it: "iex(3)>", "...(3)>".
  virtual QString prompt(int n, bool more) const {
    return more ? QStringLiteral("...(%1)>").arg(n) : QStringLiteral("iex(%1)>").arg(n);
  }
  /// Where an input can be evaluated, when there is a choice (the nodes of an attached cluster);
  /// none or one: no choice. targetsChanged() tells when the list changed.
  virtual QStringList targets() const { return {}; }
  virtual int target() const { return 0; }
  /// Evaluates on targets()[i] from now on (each keeps its own bindings and prompt number).
  virtual void setTarget(int) {}

signals:
  /// The shell started (`error` empty) or could not (`error` says why).
  void started(const QString& error);
  void output(actorscope::console::OutputKind kind, const QString& text);
  /// The shell died and the session's server started a new one (or the session started).
  void shellChanged(actorscope::Pid shell, actorscope::Pid server);
  void evaluated();
  void refused();
  void targetsChanged();
};

class EmbeddedShell final : public ShellChannel {
  Q_OBJECT

public:
  EmbeddedShell(RuntimeHost* host, QObject* parent = nullptr);
  ~EmbeddedShell() override;

  void start() override;
  void stop() override;
  bool available() const override;
  bool ready() const override { return session_ != nullptr; }
  bool submit(const std::string& input, const std::string& file = {}) override;
  void interrupt() override;
  Pid shellPid() const override;
  Pid serverPid() const override;
  int counter() const override;
  std::vector<std::string> variables() const override;
  std::vector<std::string> completions(const std::string& prefix) const override;

private:
  RuntimeHost* host_;
  std::shared_ptr<console::Session> session_;
  // A session made on the driver and not yet taken by the GUI thread. It is handed over here, not
  // captured by the queued call: a call still queued when this goes would otherwise destroy the
  // session on the GUI thread, after its runtime. stop() destroys it on the driver.
  struct Pending {
    std::mutex m;
    quint64 generation = 0;
    std::shared_ptr<console::Session> session;
  };
  std::shared_ptr<Pending> pending_ = std::make_shared<Pending>();
  quint64 generation_ = 0;  // bumped by start() and stop(): late calls of an older shell are dropped
};

}  // namespace actorscope::views
