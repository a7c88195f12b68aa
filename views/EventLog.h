#pragma once
// EventLog: the trace in plain words ("#PID<0.84.0> trapped the exit of #PID<0.85.0> (:kaboom)"),
// a bounded list model fed once per tick, and a dock widget to filter it and pick a process.
// GUI thread only.

#include "EventText.h"
#include "ObserverModel.h"

#include <QAbstractListModel>
#include <QWidget>

#include <deque>

class QLineEdit;
class QComboBox;
class QListView;
class QSortFilterProxyModel;

namespace actorscope::views {

class EventLogModel final : public QAbstractListModel {
  Q_OBJECT

public:
  enum Category { Lifecycle = 1, Signals = 2, Relations = 4, Other = 8 };
  static constexpr int PidRole = Qt::UserRole;       // quint64 raw pid the line is about
  static constexpr int CategoryRole = Qt::UserRole + 1;
  static constexpr size_t kMaxRows = 5000;

  explicit EventLogModel(ObserverModel* model, QObject* parent = nullptr);
  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  void clear();
  /// Appends the lines for `events` (one insert for the batch; the oldest fall off the top).
  void append(const std::vector<TraceEvent>& events);

private:
  struct Line {
    QString text;
    Pid pid;
    int category;
    QColor colour;
  };
  ObserverModel* model_;
  std::deque<Line> lines_;
  ErgoNaming naming_;  // Ergo mode: the links and monitors made by name
};

class EventLogWidget final : public QWidget {
  Q_OBJECT

public:
  explicit EventLogWidget(EventLogModel* model, QWidget* parent = nullptr);
  void setFilterText(const QString& text);
  QSortFilterProxyModel* proxy() const { return proxy_; }

signals:
  void pidActivated(actorscope::Pid pid);

private:
  EventLogModel* model_;
  QSortFilterProxyModel* proxy_;
  QLineEdit* filter_;
  QComboBox* category_;
  QListView* view_;
};

}  // namespace actorscope::views
