#pragma once
// A real Erlang node for the attach tests: `erl` on loopback, short name NAME@localhost, the
// cookie the test sets, running tests/attach/attach_demo.erl, which answers commands on stdin
// (see that file). Stopped by the test, by pid (SIGKILL), when the object goes. Test-only.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>

/// An epmd of our own on a port no user's node uses (base + pid % 2000), for as long as this object
/// lives; erl and the attach client find it through ERL_EPMD_PORT, which start() sets.
class PrivateEpmd {
public:
  PrivateEpmd() = default;
  PrivateEpmd(const PrivateEpmd&) = delete;
  ~PrivateEpmd() { stop(); }
  /// False when epmd did not start within 30 s (erlang-base missing).
  bool start(int base) {
    port_ = base + int(QCoreApplication::applicationPid() % 2000);
    qputenv("ERL_EPMD_PORT", QByteArray::number(port_));
    QProcess epmd;
    epmd.start(QStringLiteral("epmd"), {QStringLiteral("-port"), QString::number(port_), QStringLiteral("-daemon")});
    return epmd.waitForFinished(30'000);
  }
  int port() const { return port_; }
  void stop() {
    if (port_) QProcess::execute(QStringLiteral("epmd"), {QStringLiteral("-port"), QString::number(port_), QStringLiteral("-kill")});
    port_ = 0;
  }

private:
  int port_ = 0;
};

class ErlNode {
public:
  ErlNode() = default;
  ErlNode(const ErlNode&) = delete;
  ~ErlNode() { kill(); }

  /// Starts the node; false (with `error`) when it did not say "ready" within 60 s. `elixir`:
  /// Elixir (Debian's /usr/lib/elixir) is loaded and started there, as in an Elixir app.
  /// `extra`: more of erl's arguments (emulator flags such as +sbwt none).
  bool start(const QString& name, const QString& cookie, QString& error, bool elixir = false, const QStringList& extra = {}) {
    name_ = name + QStringLiteral("@localhost");
    p_.setProcessChannelMode(QProcess::SeparateChannels);
    QStringList args{QStringLiteral("-sname"), name_, QStringLiteral("-setcookie"), cookie,
                     QStringLiteral("-noshell"), QStringLiteral("-kernel"), QStringLiteral("inet_dist_use_interface"),
                     QStringLiteral("{127,0,0,1}"), QStringLiteral("-pa"), QStringLiteral(ACTORSCOPE_ATTACH_FIXTURES)};
    if (elixir) args << QStringLiteral("-pa") << QStringLiteral("/usr/lib/elixir/lib/elixir/ebin");
    args << extra;
    args << QStringLiteral("-eval")
         << (elixir ? QStringLiteral("{ok, _} = application:ensure_all_started(elixir), attach_demo:start()")
                    : QStringLiteral("attach_demo:start()"));
    p_.start(QStringLiteral("erl"), args);
    if (!p_.waitForStarted(30'000)) {
      error = QStringLiteral("erl did not start: ") + p_.errorString();
      return false;
    }
    const QStringList out = readUntil(QStringLiteral("ready"), 60'000);
    if (out.isEmpty() || out.last() != QStringLiteral("ready")) {
      error = QStringLiteral("the node did not get ready: ") + out.join(QLatin1Char('\n')) + QString::fromLocal8Bit(p_.readAllStandardError());
      return false;
    }
    return true;
  }

  const QString& name() const { return name_; }
  qint64 pid() const { return p_.processId(); }
  bool running() const { return p_.state() == QProcess::Running; }

  /// Sends a command line; its answer's lines (without the closing "end").
  QStringList ask(const QString& command, int timeout_ms = 60'000) {
    p_.write((command + QLatin1Char('\n')).toUtf8());
    QStringList lines = readUntil(QStringLiteral("end"), timeout_ms);
    if (!lines.isEmpty() && lines.last() == QStringLiteral("end")) lines.removeLast();
    return lines;
  }

  /// Ends the node's OS process at once (no clean shutdown: as a crash, or kill -9).
  void kill() {
    if (p_.state() == QProcess::NotRunning) return;
    ::kill(pid_t(p_.processId()), SIGKILL);
    p_.waitForFinished(10'000);
  }

private:
  QStringList readUntil(const QString& last, int timeout_ms) {
    QStringList lines;
    QDeadlineTimer deadline(timeout_ms);
    while (!deadline.hasExpired()) {
      while (p_.canReadLine()) {
        const QString raw = QString::fromUtf8(p_.readLine()).trimmed();
        if (!raw.startsWith(QStringLiteral("@ "))) continue;  // the node's logger, not an answer
        const QString l = raw.mid(2);
        lines << l;
        if (l == last) return lines;
      }
      if (p_.state() == QProcess::NotRunning) break;
      p_.waitForReadyRead(int(std::min<qint64>(200, deadline.remainingTime())));
    }
    return lines;
  }

  QProcess p_;
  QString name_;
};
