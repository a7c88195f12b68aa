#include "RuntimeHost.h"

#include <QCoreApplication>
#include "ShellChannel.h"

#include <QMetaObject>
#include <QPointer>

#include <chrono>
#include <future>

namespace actorscope::views {

using console::OutputKind;
using console::Session;

EmbeddedShell::EmbeddedShell(RuntimeHost* host, QObject* parent) : ShellChannel(parent), host_(host) {}

EmbeddedShell::~EmbeddedShell() { stop(); }

bool EmbeddedShell::available() const { return host_ && host_->running(); }

void EmbeddedShell::start() {
  stop();
  if (!available()) return;
  const quint64 gen = ++generation_;
  QPointer<EmbeddedShell> self(this);
  // Output and shell restarts come on a runtime thread: queued to the GUI thread.
  auto out = [self, gen](OutputKind kind, const std::string& text) {
    if (!self) return;
    QMetaObject::invokeMethod(
        self.data(),
        [self, gen, kind, t = QString::fromStdString(text)] {
          if (self && self->generation_ == gen) emit self->output(kind, t);
        },
        Qt::QueuedConnection);
  };
  auto newShell = [self, gen](Pid shell) {
    if (!self) return;
    QMetaObject::invokeMethod(
        self.data(),
        [self, gen, shell] {
          if (self && self->generation_ == gen && self->session_) emit self->shellChanged(shell, self->serverPid());
        },
        Qt::QueuedConnection);
  };
  host_->post([self, gen, out, newShell, pending = pending_](Runtime& rt) {
    std::shared_ptr<Session> s;
    QString error;
    try {
      console::SessionOptions opts;
      opts.on_new_shell = newShell;
      s = std::make_shared<Session>(rt, out, std::move(opts));
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
    }
    if (!self) return;  // the session dies here, on the driver
    if (s) {
      std::lock_guard lock(pending->m);
      pending->generation = gen;
      pending->session = std::move(s);
    }
    QMetaObject::invokeMethod(
        self.data(),
        [self, gen, error, pending]() {
          if (!self || self->generation_ != gen) return;  // a stale one: stop() disposes of it
          std::shared_ptr<Session> taken;
          {
            std::lock_guard lock(pending->m);
            if (pending->generation == gen) taken = std::move(pending->session);
          }
          if (!taken) {
            emit self->started(error.isEmpty() ? QCoreApplication::translate("EmbeddedShell", "the shell did not start") : error);
            return;
          }
          self->session_ = std::move(taken);
          emit self->started(QString());
          emit self->shellChanged(self->shellPid(), self->serverPid());
        },
        Qt::QueuedConnection);
  });
}

void EmbeddedShell::stop() {
  ++generation_;
  std::shared_ptr<Session> s = std::move(session_);
  session_.reset();
  // Sessions die on the driver thread, never after their runtime: the taken one and one made on
  // the driver but not taken yet (posts run in order, so a session still being made is placed
  // before this runs).
  auto takePending = [](Pending& p) {
    std::lock_guard lock(p.m);
    return std::move(p.session);
  };
  if (host_ && host_->running()) {
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> f = done->get_future();
    auto holder = std::make_shared<std::shared_ptr<Session>>(std::move(s));
    host_->post([holder, done, pending = pending_, takePending](Runtime&) {
      holder->reset();
      takePending(*pending).reset();
      done->set_value();
    });
    if (f.wait_for(std::chrono::seconds(3)) != std::future_status::ready) {
      // The driver did not run it: never destroy a session after its runtime.
      new std::shared_ptr<Session>(std::move(*holder));
      new std::shared_ptr<Session>(takePending(*pending_));
    }
  } else {
    // No runtime thread to destroy them on: leak them.
    if (s) new std::shared_ptr<Session>(std::move(s));
    if (auto p = takePending(*pending_)) new std::shared_ptr<Session>(std::move(p));
  }
}

bool EmbeddedShell::submit(const std::string& input, const std::string& file) {
  if (!session_ || !available()) return false;
  QPointer<EmbeddedShell> self(this);
  const quint64 gen = generation_;
  host_->post([s = session_, self, gen, input, file](Runtime&) {
    const bool ok = s->submit(input, [self, gen](const console::EvalOutcome&) {
      if (!self) return;
      QMetaObject::invokeMethod(
          self.data(),
          [self, gen] {
            if (self && self->generation_ == gen) emit self->evaluated();
          },
          Qt::QueuedConnection);
    }, file);
    if (!ok && self) {
      QMetaObject::invokeMethod(
          self.data(),
          [self, gen] {
            if (self && self->generation_ == gen) emit self->refused();
          },
          Qt::QueuedConnection);
    }
  });
  return true;
}

void EmbeddedShell::interrupt() {
  if (!session_ || !available()) return;
  host_->post([s = session_](Runtime&) { s->interrupt(); });
}

Pid EmbeddedShell::shellPid() const { return session_ ? session_->shell_pid() : Pid{}; }
Pid EmbeddedShell::serverPid() const { return session_ ? session_->server_pid() : Pid{}; }
int EmbeddedShell::counter() const { return session_ ? session_->counter() : 1; }
std::vector<std::string> EmbeddedShell::variables() const { return session_ ? session_->variables() : std::vector<std::string>{}; }
std::vector<std::string> EmbeddedShell::completions(const std::string& prefix) const {
  return session_ ? session_->completions(prefix) : std::vector<std::string>{};
}

}  // namespace actorscope::views
