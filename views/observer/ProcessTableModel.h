#pragma once
// ProcessTableModel: the live processes of an ObserverModel as rows, with the columns of Erlang's
// observer. Updated from ObserverModel::updated() with fine-grained row signals (insert, remove,
// dataChanged ranges): never a reset, so sorting proxies and selections survive. GUI thread only.

#include "ObserverModel.h"

#include <QAbstractTableModel>

#include <unordered_map>
#include <vector>

namespace actorscope::views {

class ProcessTableModel final : public QAbstractTableModel {
  Q_OBJECT

public:
  /// True while rows of ended processes are being removed: a view's current row moving then is
  /// not the user's choice.
  bool removing() const { return removing_; }
  enum Column { PidCol, NameCol, StatusCol, ReductionsCol, MemoryCol, MsgQCol, LinksCol, MonitorsCol,
                RestartsCol, TrapExitCol, NodeCol, ColumnCount };  // NodeCol: shown with more than one node
  /// Role with a sortable value (numbers as numbers); Qt::DisplayRole is text.
  static constexpr int SortRole = Qt::UserRole;
  /// Role with the pid's raw value (quint64).
  static constexpr int PidRole = Qt::UserRole + 1;

  explicit ProcessTableModel(ObserverModel* model, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

  /// Row of a pid, or -1.
  int rowOf(Pid pid) const;
  Pid pidAt(int row) const;

private:
  bool removing_ = false;
  void onUpdated(const ModelDelta& d);
  void reindex(int from);

  ObserverModel* model_;
  std::vector<uint32_t> rows_;  // pid serials, in the order processes appeared
  std::vector<Pid> pids_;
  std::unordered_map<uint32_t, int> rowOf_;
};

/// Text of the Name column: the registered name or the initial call ("Elixir.KV.Bucket.init/1").
QString nameOrInitialCall(const ProcessRecord& r);

}  // namespace actorscope::views
