#include "EventText.h"
#include "InspectorWidget.h"

#include "GraphStyle.h"
#include "ProcessTableModel.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace actorscope::views {

namespace {
QString pidLink(Pid p, const ObserverModel* m) {
  QString text = m->pidText(p);
  if (const ProcessRecord* r = m->findAny(p.serial()); r && r->name != atoms::nil)
    text += QStringLiteral(" ") + QString::fromStdString(inspect_atom(r->name));
  return QStringLiteral("<a href=\"pid:%1\">%2</a>").arg(p.raw).arg(text.toHtmlEscaped());
}

bool containsPid(const Term& t, int depth = 0) {
  if (t.is_pid()) return true;
  if (depth > 64) return false;
  if (t.is_tuple()) {
    for (size_t i = 0; i < t.tuple_size(); ++i)
      if (containsPid(t[i], depth + 1)) return true;
    return false;
  }
  if (t.is_cons())
    for (const Term& e : t.list_elements())
      if (containsPid(e, depth + 1)) return true;
  return false;
}

/// A term as HTML with every pid in it clickable; a term without pids as iex prints it
/// (charlists, keyword lists).
QString termHtml(const Term& t, const ObserverModel* m) {
  if (t.is_pid()) return pidLink(t.as_pid(), m);
  if (!containsPid(t)) return termText(t).toHtmlEscaped();
  if (t.is_list() && t.is_proper_list()) {
    QStringList parts;
    for (const Term& e : t.list_elements()) parts << termHtml(e, m);
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
  }
  if (t.is_tuple()) {
    QStringList parts;
    for (size_t i = 0; i < t.tuple_size(); ++i) parts << termHtml(t[i], m);
    return QStringLiteral("{") + parts.join(QStringLiteral(", ")) + QStringLiteral("}");
  }
  return termText(t).toHtmlEscaped();
}
}  // namespace

InspectorWidget::InspectorWidget(ObserverModel* model, QWidget* parent)
    : QWidget(parent), model_(model), header_(new QLabel(this)), status_(new QLabel(this)),
      trap_(new QCheckBox(tr("trap_exit"), this)), kill_(new QPushButton(tr("Kill"), this)),
      exit_(new QPushButton(tr("Exit..."), this)), send_(new QPushButton(tr("Send..."), this)),
      suspend_(new QPushButton(tr("Suspend"), this)), body_(new QTextBrowser(this)) {
  setObjectName(QStringLiteral("inspector"));
  QFont hf = header_->font();
  hf.setPointSizeF(hf.pointSizeF() * 1.35);
  hf.setBold(true);
  header_->setFont(hf);
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->setWordWrap(true);
  kill_->setToolTip(tr("Process.exit(pid, :kill): untrappable (K)"));
  exit_->setToolTip(tr("Process.exit(pid, reason) with a reason you pick (E)"));
  send_->setToolTip(tr("send(pid, message) (M)"));
  trap_->setToolTip(tr("Process.flag(:trap_exit, ...) (T)"));
  for (QWidget* w : {static_cast<QWidget*>(kill_), static_cast<QWidget*>(exit_), static_cast<QWidget*>(send_),
                     static_cast<QWidget*>(suspend_)})
    w->setProperty("normalTip", w->toolTip());
  kill_->setStyleSheet(QStringLiteral("QPushButton { color: white; background: #d0205a; font-weight: bold; padding: 4px 10px; }"
                                      "QPushButton:disabled { background: #b0b0b0; }"));
  body_->setOpenLinks(false);
  body_->setObjectName(QStringLiteral("inspectorBody"));
  status_->setObjectName(QStringLiteral("inspectorStatus"));
  kill_->setObjectName(QStringLiteral("inspectorKill"));
  auto* buttons = new QGridLayout;
  buttons->addWidget(kill_, 0, 0);
  buttons->addWidget(exit_, 0, 1);
  buttons->addWidget(send_, 1, 0);
  buttons->addWidget(suspend_, 1, 1);
  auto* lay = new QVBoxLayout(this);
  lay->setContentsMargins(6, 6, 6, 6);
  lay->addWidget(header_);
  lay->addWidget(status_);
  lay->addWidget(trap_);
  lay->addLayout(buttons);
  lay->addWidget(body_, 1);
  kill_->installEventFilter(this);

  connect(body_, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QStringLiteral("pid")) emit pidClicked(Pid{url.path().toULongLong()});
  });
  connect(trap_, &QCheckBox::clicked, this, [this](bool on) { emit trapExitRequested(pid_, on); });
  connect(kill_, &QPushButton::clicked, this, [this] { emit killRequested(pid_); });
  connect(exit_, &QPushButton::clicked, this, [this] { emit exitRequested(pid_); });
  connect(send_, &QPushButton::clicked, this, [this] { emit sendRequested(pid_); });
  connect(suspend_, &QPushButton::clicked, this, [this] {
    const ProcessRecord* r = model_->find(pid_);
    emit suspendRequested(pid_, !(r && r->suspended));
  });
  render();
}

bool InspectorWidget::eventFilter(QObject* o, QEvent* e) {
  if (o == kill_ && (e->type() == QEvent::Enter || e->type() == QEvent::Leave) && pid_.valid())
    emit killHovered(pid_, e->type() == QEvent::Enter);
  return QWidget::eventFilter(o, e);
}

void InspectorWidget::setPid(Pid pid) {
  if (pid == pid_ && pid.valid()) return;
  pid_ = pid;
  haveDetails_ = false;
  info_ = Term();
  messages_ = Term();
  aliases_.clear();
  render();
  if (pid.valid()) emit detailsWanted(pid);
}

void InspectorWidget::setDetails(Pid pid, const Term& info, const Term& messages, std::vector<Ref> aliases) {
  if (!(pid == pid_)) return;
  info_ = info;
  messages_ = messages;
  aliases_ = std::move(aliases);
  haveDetails_ = true;
  render();
}

void InspectorWidget::refresh() { render(); }

QString InspectorWidget::headerText() const { return header_->text(); }

void InspectorWidget::setTrapReadOnly(const QString& why) {
  trapReadOnly_ = why;
  trap_->setToolTip(why.isEmpty() ? tr("Process.flag(:trap_exit, ...) (T)") : why);
  render();
}

void InspectorWidget::setActionsOff(const QString& why) {
  if (why == actionsOff_) return;
  actionsOff_ = why;
  for (QWidget* w : {static_cast<QWidget*>(kill_), static_cast<QWidget*>(exit_), static_cast<QWidget*>(send_),
                     static_cast<QWidget*>(suspend_)})
    w->setToolTip(why.isEmpty() ? w->property("normalTip").toString() : why);
  render();
}

bool InspectorWidget::showsDead() const {
  const ProcessRecord* r = model_->findAny(pid_.serial());
  return r && !r->alive;
}

void InspectorWidget::render() {
  const ProcessRecord* r = pid_.valid() ? model_->findAny(pid_.serial()) : nullptr;
  const bool alive = r && r->alive;
  for (QWidget* w : {static_cast<QWidget*>(trap_), static_cast<QWidget*>(kill_), static_cast<QWidget*>(exit_),
                     static_cast<QWidget*>(send_), static_cast<QWidget*>(suspend_)})
    w->setEnabled(alive);
  if (!trapReadOnly_.isEmpty()) trap_->setEnabled(false);
  if (!actionsOff_.isEmpty())
    for (QWidget* w : {static_cast<QWidget*>(trap_), static_cast<QWidget*>(kill_), static_cast<QWidget*>(exit_),
                       static_cast<QWidget*>(send_), static_cast<QWidget*>(suspend_)})
      w->setEnabled(false);
  if (!r) {
    header_->setText(pid_.valid() ? model_->pidText(pid_) : tr("No process selected"));
    status_->setText(pid_.valid() ? tr("unknown process") : tr("Click a process in the graph, the table or the log."));
    trap_->setChecked(false);
    if (lastHtml_ != QString()) body_->clear();
    lastHtml_.clear();
    return;
  }
  QString head = model_->pidText(r->pid);
  if (!model_->graph().nodes().empty()) {  // a node name has its own @ (a@host): "on" it, not "@" it
    const QString node = model_->nodeText(r->node);
    head += (node.contains(QLatin1Char('@')) ? QStringLiteral("  ") : QStringLiteral("  @")) + node;
  }
  if (r->name != atoms::nil) head += QStringLiteral("  ") + QString::fromStdString(inspect_atom(r->name));
  header_->setText(head);
  const bool ergo = model_->ergo();
  const uint32_t urgent = r->queue_urgent, system = r->queue_system;
  const uint32_t mainQueue = r->message_queue_len - std::min(r->message_queue_len, urgent + system);
  if (alive) {
    QString status = tr("%1 %2, %3 in mailbox")
                         .arg(r->supervisor ? tr("supervisor") : tr("process"),
                              QString::fromLatin1(to_string(r->suspended ? ProcessStatus::Suspended : r->status)))
                         .arg(r->message_queue_len);
    if (ergo && r->message_queue_len > 0)
      status += tr(" (Urgent %1, System %2, Main %3)").arg(urgent).arg(system).arg(mainQueue);
    status_->setText(status);
    status_->setStyleSheet(QString());
  } else {
    if (ergo)  // Ergo's names, as the log gives them: "terminated: TerminateReasonKill (:kill)"
      status_->setText(r->gave_up.is_tuple()
                           ? tr("DEAD: %1 (terminated: %2)").arg(giveUpNote(r->gave_up), ergoReasonDetail(r->exit_reason))
                           : tr("DEAD: terminated: %1").arg(ergoReasonDetail(r->exit_reason)));
    else
      status_->setText(r->gave_up.is_tuple() ? tr("DEAD: %1 (exited with %2)").arg(giveUpNote(r->gave_up), termText(r->exit_reason))
                                             : tr("DEAD: exited with %1").arg(termText(r->exit_reason)));
    status_->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(style::reasonColor(r->exit_reason).name()));
  }
  trap_->setChecked(r->trap_exit);
  const QString killTip = ergo ? tr("The node's Kill(pid): forced, it cannot be trapped (K)") : tr("Process.exit(pid, :kill): untrappable (K)");
  if (kill_->property("normalTip").toString() != killTip) {
    kill_->setProperty("normalTip", killTip);
    if (actionsOff_.isEmpty()) kill_->setToolTip(killTip);
  }
  suspend_->setText(r->suspended ? tr("Resume") : tr("Suspend"));

  QString html;
  html += QStringLiteral("<style>td{padding:1px 6px 1px 0;vertical-align:top} .k{color:#7a7a7a}</style><table>");
  auto row = [&](const QString& k, const QString& v) {
    html += QStringLiteral("<tr><td class=k>%1</td><td>%2</td></tr>").arg(k, v);
  };
  row(QStringLiteral("initial_call"), termText(r->initial_call).toHtmlEscaped());
  if (r->restarts > 0)
    row(tr("restarts"), tr("%n time(s) before this pid (by its supervisor)", nullptr, int(r->restarts)));
  if (r->parent.valid()) row(QStringLiteral("parent"), pidLink(r->parent, model_));
  auto pids = [&](const std::vector<Pid>& v) {
    QStringList s;
    for (Pid p : v) s << pidLink(p, model_);
    return s.isEmpty() ? QStringLiteral("[]") : s.join(QStringLiteral("<br>"));
  };
  std::vector<Pid> mons, monBy;
  for (const auto& [ref, p] : r->monitors) mons.push_back(p);
  for (const auto& [ref, p] : r->monitored_by) monBy.push_back(p);
  if (ergo) {  // one-way links (E1.1): whose exit reaches whom
    std::vector<Pid> linkers;
    for (const auto& [key, p] : model_->processes())
      if (std::find(p.one_way_links.begin(), p.one_way_links.end(), r->pid) != p.one_way_links.end()) linkers.push_back(p.pid);
    row(tr("links to (one-way)"), pids(r->one_way_links));
    row(tr("linked by (one-way)"), pids(linkers));
    // E1.2: what it links to or monitors by a registered name, and the process that had it.
    QStringList byName;
    for (const NameTarget& t : r->name_targets)
      byName << (t.link ? tr("link to %1 (%2)") : tr("monitor of %1 (%2)"))
                    .arg(QString::fromStdString(inspect_atom(t.name)).toHtmlEscaped(), pidLink(t.target, model_));
    if (!byName.isEmpty()) row(tr("by name"), byName.join(QStringLiteral("<br>")));
    if (alive && haveDetails_)
      row(tr("aliases"), aliases_.empty() ? QStringLiteral("[]") : [&] {
        QStringList a;
        for (Ref ref : aliases_) a << QString::fromStdString(inspect(Term(ref))).toHtmlEscaped();
        return a.join(QStringLiteral("<br>"));
      }());
  } else {
    row(QStringLiteral("links"), pids(r->links));
  }
  row(QStringLiteral("monitors"), pids(mons));
  row(QStringLiteral("monitored_by"), pids(monBy));
  if (alive && haveDetails_ && info_.is_list()) {
    for (const Term& item : info_.list_elements()) {
      if (!item.is_tuple() || item.tuple_size() != 2 || !item[0].is_atom()) continue;
      const Atom k = item[0].as_atom();
      if (k == atoms::links || k == atoms::initial_call) continue;  // shown above
      row(QString::fromStdString(std::string(atom_name(k))), termHtml(item[1], model_));
    }
  } else if (!alive) {
    row(tr("exit reason"), (ergo ? ergoReasonDetail(r->exit_reason) : termText(r->exit_reason)).toHtmlEscaped());
    if (r->restarted_as.valid())
      row(tr("restarted as"), tr("%1 (click to go to the new pid)").arg(pidLink(r->restarted_as, model_)));
  }
  html += QStringLiteral("</table>");
  if (alive) {
    // The messages are read from the source, which runs ahead of the picture: list no more than
    // the presented mailbox holds, so no message shows before its envelope lands.
    const auto msgs = messages_.is_list() ? messages_.list_elements() : std::vector<Term>{};
    const size_t presented = std::min<size_t>(msgs.size(), r->message_queue_len);
    html += ergo ? tr("<p><b>Mailbox</b> (%1: Urgent %2, System %3, Main %4, read in that order)</p><ol style='margin-left:-20px'>")
                       .arg(r->message_queue_len)
                       .arg(urgent)
                       .arg(system)
                       .arg(mainQueue)
                 : tr("<p><b>Mailbox</b> (%1)</p><ol style='margin-left:-20px'>").arg(r->message_queue_len);
    const size_t shown = std::min<size_t>(presented, 30);
    auto field = [this](const Term& t) { return termHtml(t, model_); };
    for (size_t i = 0; i < shown; ++i) {
      QString text = ergo ? ergoMessageText(msgs[i], field, true) : QString();  // Ergo's names (E1.2)
      if (text.isEmpty()) text = termHtml(msgs[i], model_);
      html += QStringLiteral("<li><tt>%1</tt></li>").arg(text);
    }
    html += QStringLiteral("</ol>");
    if (r->message_queue_len > shown) html += tr("<p>... and %1 more</p>").arg(r->message_queue_len - shown);
  }
  if (html != lastHtml_) {
    lastHtml_ = html;
    const int scroll = body_->verticalScrollBar()->value();
    body_->setHtml(html);
    body_->verticalScrollBar()->setValue(scroll);
  }
}

}  // namespace actorscope::views
