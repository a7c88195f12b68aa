#pragma once
// InspectorWidget: every Process.info item of one process, its mailbox (the first messages, as
// terms), its links, monitors and monitored_by as clickable pids, and the actions: trap_exit,
// Kill, Exit with reason, Send message, Suspend/Resume. A process that died stays shown, marked
// dead, with its exit reason. Details come asynchronously (setDetails) from the runtime host.
// GUI thread only.

#include "ObserverModel.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace actorscope::views {

class InspectorWidget final : public QWidget {
  Q_OBJECT

public:
  explicit InspectorWidget(ObserverModel* model, QWidget* parent = nullptr);

  Pid pid() const { return pid_; }
  void setPid(Pid pid);
  /// `info` is Process.info(pid) (nil when it ended), `messages` the list of mailbox messages,
  /// `aliases` its aliases (Ergo mode).
  void setDetails(Pid pid, const Term& info, const Term& messages, std::vector<Ref> aliases = {});
  /// The aliases the last details named (Ergo mode).
  const std::vector<Ref>& aliases() const { return aliases_; }
  /// Refreshes from the model (status, flags, relations); called once per tick.
  void refresh();
  QString headerText() const;
  bool showsDead() const;
  /// An attached BEAM node: another process's trap_exit cannot be set from outside, so the
  /// checkbox shows the value read-only and its tooltip says why (`why` empty: editable again).
  void setTrapReadOnly(const QString& why);
  /// No action can be taken (a read-only attach, a node that went away): the buttons are off and
  /// their tooltips say `why` ("" enables them again).
  void setActionsOff(const QString& why);

signals:
  void pidClicked(actorscope::Pid pid);
  void detailsWanted(actorscope::Pid pid);
  void killRequested(actorscope::Pid pid);
  void exitRequested(actorscope::Pid pid);
  void sendRequested(actorscope::Pid pid);
  void trapExitRequested(actorscope::Pid pid, bool on);
  void suspendRequested(actorscope::Pid pid, bool suspend);
  /// The pointer is over Kill (true) or left it (false): preview the blast radius.
  void killHovered(actorscope::Pid pid, bool on);

protected:
  bool eventFilter(QObject* o, QEvent* e) override;

private:
  void render();

  ObserverModel* model_;
  Pid pid_;
  Term info_;
  Term messages_;
  std::vector<Ref> aliases_;
  bool haveDetails_ = false;
  QLabel* header_;
  QLabel* status_;
  QCheckBox* trap_;
  QString trapReadOnly_;  // why trap_exit is read-only ("" when it can be set)
  QString actionsOff_;    // why no action can be taken ("" when they can)
  QPushButton* kill_;
  QPushButton* exit_;
  QPushButton* send_;
  QPushButton* suspend_;
  QTextBrowser* body_;
  QString lastHtml_;
};

}  // namespace actorscope::views
