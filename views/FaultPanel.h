#pragma once
// FaultPanel: fault injection from the GUI (actorscope/faults.hpp). Chaos monkey (interval,
// reason, scope, seed), flood (target, count, rate), delay (per process, per edge, global),
// suspend/resume, network partitions (a set of nodes cut off from the rest, for a time, and
// heal), and fault plans (load, save, run). Every fault goes through the runtime's
// inject()/start_chaos(), which put a TraceKind::Fault event on the trace: it shows in the event
// log, on the timeline and in recordings. The faults injected by hand are also collected into a
// plan that "Save plan..." writes when no plan was loaded. GUI thread only; runtime work is
// sent through the window's Source.

#include "Source.h"

#include "actorscope/faults.hpp"

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace actorscope::views {

class ObserverModel;

class FaultPanel final : public QWidget {
  Q_OBJECT

public:
  FaultPanel(Source* source, ObserverModel* model, QWidget* parent = nullptr);
  /// The window now acts on another source (an attached node, or the embedded runtime again).
  void setSource(Source* source) { source_ = source; }

  /// Fills the target fields (the selected process).
  void setTarget(Pid pid);
  /// A new runtime: injectors of the old one are gone.
  void runtimeRestarted();

  // ---- actions (also the buttons) ----
  void setChaos(const ChaosConfig& c);
  ChaosConfig chaosConfig() const;
  void startChaos();
  void stopChaos();
  bool chaosRunning() const { return chaos_.valid() || chaosStarting_; }
  /// Injects one fault now; the result (or the error) shows in the panel's status line.
  void injectFault(const Fault& f);
  bool loadPlan(const QString& path, QString* error = nullptr);
  bool savePlan(const QString& path, QString* error = nullptr);
  void runPlan();
  void stopPlan();
  const FaultPlan& plan() const { return loaded_ ? plan_ : session_; }
  QString status() const;

  /// "name", ":name", "#PID<0.5.0>" or "<0.5.0>" as a target term; nil for "".
  Term targetTerm(const QString& text) const;

signals:
  void message(const QString& text);

private:
  void setStatus(const QString& s);
  void refreshNodes();

  Source* source_;
  ObserverModel* model_;
  Pid chaos_;
  bool chaosStarting_ = false;
  Pid planRunner_;
  FaultPlan plan_;
  bool loaded_ = false;
  FaultPlan session_;
  QElapsedTimer sessionClock_;

  QLabel* netHint_;
  QListWidget* nodeList_;
  QSpinBox* cutFor_;
  QSpinBox* detectDelay_;
  QPushButton* cutButton_;
  QPushButton* healButton_;
  QSpinBox* interval_;
  QComboBox* reason_;
  QComboBox* scope_;
  QLineEdit* root_;
  QSpinBox* seed_;
  QPushButton* chaosStart_;
  QPushButton* chaosStop_;
  QLineEdit* target_;
  QSpinBox* floodCount_;
  QSpinBox* floodRate_;
  QLineEdit* peer_;
  QSpinBox* latency_;
  QLabel* planLabel_;
  QLabel* status_;
};

}  // namespace actorscope::views
