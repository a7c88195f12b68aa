#include "AttachSource.h"

#include <QCoreApplication>

#include <algorithm>

namespace actorscope::views {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("AttachSource", s); }
}  // namespace

AttachSource::AttachSource(std::unique_ptr<attach::Session> session, QObject* context)
    : session_(std::move(session)), context_(context), shell_(this) {}

AttachSource::~AttachSource() {
  shell_.stop();
  session_->detach();
}

bool AttachSource::detach() {
  shell_.stop();
  return session_->detach();
}

std::vector<size_t> AttachSource::liveNodes() const {
  std::vector<size_t> out;
  for (size_t k = 0; k < session_->size(); ++k)
    if (!session_->lost(k)) out.push_back(k);
  return out;
}

QStringList AttachSource::nodeNames(bool live) const {
  QStringList out;
  for (size_t k = 0; k < session_->size(); ++k)
    if (!live || !session_->lost(k)) out << QString::fromStdString(session_->client(k).node().name);
  return out;
}

attach::Client* AttachSource::ownerOf(Pid pid, CommandDone& done) const {
  attach::Client* c = session_->owner(pid);
  if (!c && done) {
    done(CommandResult::failed(tr("%1 is not a process of an attached node (its node went away, or was never attached)")
                                   .arg(QString::fromStdString(session_->client(0).pid_text(pid)))));
    done = {};
  }
  return c;
}

HostBatch AttachSource::take(bool* lost, QString* error, QStringList* gone) {
  attach::Batch b = session_->take();
  if (gone)
    for (const std::string& g : b.gone) *gone << QString::fromStdString(g);
  HostBatch h;
  h.events = std::move(b.events);
  h.snapshot = std::move(b.snapshot);
  h.coalesced = b.full;
  // What the agent sampled out was never in the picture: not "lost events" (that would make the
  // model rebuild itself from every periodic snapshot).
  stats_ = b.stats;
  h.now_ns = b.now_ns;
  if (lost) *lost = b.lost;
  if (error) *error = QString::fromStdString(b.error);
  return h;
}

bool AttachSource::readOnly() const {
  const auto live = liveNodes();
  if (live.empty()) return session_->client(0).node().read_only;
  return std::all_of(live.begin(), live.end(), [&](size_t k) { return session_->client(k).node().read_only; });
}

QString AttachSource::describe() const {
  const auto& n = session_->client(0).node();
  const QStringList names = session_->all_lost() ? nodeNames(false) : nodeNames();
  QString s = names.size() > 1 ? tr("nodes %1").arg(names.join(QStringLiteral(", "))) : tr("node %1").arg(names.value(0, QString::fromStdString(n.name)));
  if (readOnly()) s += tr(" (read-only)");
  return s;
}

attach::ReplyFn AttachSource::onGui(std::function<void(attach::Reply)> fn) const {
  // The context (the window) outlives this source, whose destructor joins the receive thread:
  // the pointer is valid whenever this runs. A queued call whose receiver is gone is dropped by Qt.
  QObject* ctx = context_;
  return [ctx, fn = std::move(fn)](attach::Reply r) mutable {
    if (!ctx) return;
    QMetaObject::invokeMethod(ctx, [fn = std::move(fn), r = std::move(r)]() mutable { fn(std::move(r)); }, Qt::QueuedConnection);
  };
}

attach::ReplyFn AttachSource::answer(CommandDone done) const {
  if (!done) return {};
  return onGui([done = std::move(done)](attach::Reply r) {
    done(r.ok ? CommandResult{} : CommandResult::failed(QString::fromStdString(r.error)));
  });
}

CommandDone AttachSource::refuse(CommandDone done, const QString& why) const {
  if (done) done(CommandResult::failed(why));
  return {};
}

void AttachSource::exit(Pid pid, Term reason, CommandDone done) {
  if (attach::Client* c = ownerOf(pid, done)) c->exit(pid, reason, answer(std::move(done)));
}

void AttachSource::send(Pid pid, Term message, CommandDone done) {
  if (attach::Client* c = ownerOf(pid, done)) c->send(pid, message, answer(std::move(done)));
}

void AttachSource::setTrapExit(Pid, bool, CommandDone done) {
  refuse(std::move(done), tr("trap_exit cannot be set from outside on a BEAM node: only the process itself can call "
                             "Process.flag(:trap_exit, ...). The checkbox shows the value the node reports."));
}

void AttachSource::suspend(Pid pid, bool suspended, CommandDone done) {
  if (attach::Client* c = ownerOf(pid, done)) c->suspend(pid, suspended, answer(std::move(done)));
}

void AttachSource::link(Pid, Pid, CommandDone done) {
  refuse(std::move(done), tr("on an attached node a link is made by the process itself (Process.link/1); use the console"));
}

void AttachSource::monitor(Pid, Pid, CommandDone done) {
  refuse(std::move(done), tr("on an attached node a monitor is made by the process itself (Process.monitor/1); use the console"));
}

void AttachSource::registerName(Pid, Atom, CommandDone done) {
  refuse(std::move(done), tr("registering another process's name on an attached node: use the console (Process.register/2)"));
}

void AttachSource::details(Pid pid, std::function<void(ProcessDetails)> done) {
  attach::Client* c = session_->owner(pid);
  if (!c) {
    ProcessDetails d;
    d.messages = Term::empty_list();
    done(d);
    return;
  }
  c->info(pid, onGui([done = std::move(done)](attach::Reply r) {
    ProcessDetails d;
    d.messages = Term::empty_list();
    if (r.ok && r.value.is_tuple() && r.value.tuple_size() == 2) {
      d.info = r.value[0];
      d.messages = r.value[1];
    }
    done(d);
  }));
}

void AttachSource::spawn(const QString&, SpawnDone done) {
  if (done) done({{}, tr("nothing is spawned on an attached node from the window; use the console")});
}

void AttachSource::inject(const Fault&, CommandDone done) {
  refuse(std::move(done), tr("faults are injected into the embedded runtime; on an attached node kill or exit a process from "
                             "the inspector or the Process menu (they ask first)"));
}

void AttachSource::setDetectionDelay(int, CommandDone done) {
  refuse(std::move(done), tr("the detection delay of a real node is its net_ticktime; set it there"));
}

void AttachSource::startChaos(const ChaosConfig&, SpawnDone done) {
  if (done) done({{}, tr("the chaos monkey runs on the embedded runtime only")});
}

void AttachSource::startPlan(const FaultPlan&, SpawnDone done) {
  if (done) done({{}, tr("fault plans run on the embedded runtime only")});
}

// ---- the shell -----------------------------------------------------------------------------------

void AttachShell::start() {
  running_ = true;
  ++generation_;
  busy_ = false;
  const auto& n = client().node();
  if (n.read_only) {  // a read-only agent evaluates nothing: code could change anything
    running_ = false;
    emit started(QCoreApplication::translate("AttachSource", "attached to %1 read-only: the console evaluates nothing there")
                     .arg(QString::fromStdString(n.name)));
    return;
  }
  emit started({});
  sayWhere();
}

void AttachShell::sayWhere() {
  const auto& n = client().node();
  emit output(console::OutputKind::Stdout,
              QCoreApplication::translate("AttachSource", "Evaluating on %1 (%2, OTP %3), as iex --remsh would\n")
                  .arg(QString::fromStdString(n.name), n.elixir ? QStringLiteral("Elixir") : QStringLiteral("Erlang"),
                       QString::fromStdString(n.otp)));
}

size_t AttachShell::current() const {
  const attach::Session& s = source_->session();
  if (node_ < s.size() && !s.lost(node_)) return node_;
  const auto live = source_->liveNodes();
  return live.empty() ? 0 : live.front();
}

attach::Client& AttachShell::client() const { return source_->session().client(current()); }

int AttachShell::counter() const {
  const size_t k = current();
  return k < counters_.size() ? counters_[k] : 1;
}

QStringList AttachShell::targets() const { return source_->nodeNames(); }

int AttachShell::target() const {
  const auto a = source_->liveNodes();
  const auto it = std::find(a.begin(), a.end(), node_);
  return it == a.end() ? 0 : int(it - a.begin());
}

void AttachShell::setTarget(int i) {
  const auto a = source_->liveNodes();
  if (i < 0 || size_t(i) >= a.size() || a[size_t(i)] == node_) return;
  node_ = a[size_t(i)];
  if (running_) sayWhere();
}

void AttachShell::nodesChanged() {
  const auto a = source_->liveNodes();
  if (std::find(a.begin(), a.end(), node_) == a.end()) {
    node_ = a.empty() ? 0 : a.front();
    if (running_) sayWhere();
  }
  emit targetsChanged();
}

QString AttachShell::prompt(int n, bool more) const {
  const auto& node = client().node();
  const QString name = QString::fromStdString(node.name);
  if (more) return QStringLiteral("...(%1)%2>").arg(name).arg(n);
  return node.elixir ? QStringLiteral("iex(%1)%2>").arg(name).arg(n) : QStringLiteral("(%1)%2>").arg(name).arg(n);
}

bool AttachShell::available() const { return client().connected(); }

bool AttachShell::submit(const std::string& input, const std::string&) {
  if (!running_) return false;
  if (busy_) {
    emit refused();
    return true;
  }
  busy_ = true;
  const quint64 gen = generation_;
  attach::Client& c = client();
  const size_t node = current();  // the node `c` is: its prompt number counts the answer
  // The answer may come after this shell is gone (a detach while evaluating): checked on the
  // GUI thread through a QPointer.
  c.eval(c.node().elixir, input, source_->onGui([self = QPointer<AttachShell>(this), gen, node](attach::Reply r) {
    if (!self || gen != self->generation_) return;
    self->onEvaluated(node, std::move(r));
  }));
  return true;
}

void AttachShell::onEvaluated(size_t node, attach::Reply r) {
  busy_ = false;
  if (!r.output.empty()) emit output(console::OutputKind::Stdout, QString::fromStdString(r.output));
  if (r.ok) {
    if (counters_.size() <= node) counters_.resize(node + 1, 1);
    ++counters_[node];  // as iex: an error does not take a prompt number
    const QString text = r.value.is_binary() ? QString::fromStdString(std::string(r.value.as_binary()))
                                             : QString::fromStdString(inspect(r.value));
    emit output(console::OutputKind::Result, text);
  } else {
    emit output(console::OutputKind::Error, QString::fromStdString(r.error));
  }
  emit evaluated();
}

}  // namespace actorscope::views
