#include "EventText.h"
#include "ProcessTableModel.h"

#include <QCoreApplication>
#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace actorscope::views {

namespace {
QString str(const std::string& s) { return QString::fromStdString(s); }

QString mfa(const Term& t) {
  if (t.is_tuple() && t.tuple_size() == 3 && t[0].is_atom() && t[1].is_atom() && t[2].is_integer())
    return str(inspect_atom(t[0].as_atom())) + QStringLiteral(".") + str(std::string(atom_name(t[1].as_atom()))) +
           QStringLiteral("/") + QString::number(t[2].as_integer());
  return termText(t);
}

QString bytes(uint64_t b) {
  if (b < 10'000) return QStringLiteral("%1 B").arg(b);
  if (b < 10'000'000) return QStringLiteral("%1 kB").arg(b / 1000);
  return QStringLiteral("%1 MB").arg(b / 1'000'000);
}
}  // namespace

QString nameOrInitialCall(const ProcessRecord& r) {
  if (r.name != atoms::nil) return str(inspect_atom(r.name));
  if (r.console != ConsoleRole::None) return ObserverModel::label(r) + QCoreApplication::translate("ProcessTableModel", " (console)");
  return mfa(r.initial_call);
}

ProcessTableModel::ProcessTableModel(ObserverModel* model, QObject* parent)
    : QAbstractTableModel(parent), model_(model) {
  for (const auto& [key, r] : model->processes()) {
    rows_.push_back(key);
    pids_.push_back(r.pid);
  }
  reindex(0);
  connect(model, &ObserverModel::updated, this, &ProcessTableModel::onUpdated);
}

int ProcessTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}
int ProcessTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int ProcessTableModel::rowOf(Pid pid) const {
  auto it = rowOf_.find(pid.serial());
  return it == rowOf_.end() ? -1 : it->second;
}

Pid ProcessTableModel::pidAt(int row) const {
  return row >= 0 && row < int(pids_.size()) ? pids_[size_t(row)] : Pid{};
}

void ProcessTableModel::reindex(int from) {
  for (size_t i = size_t(from); i < rows_.size(); ++i) rowOf_[rows_[i]] = int(i);
}

QVariant ProcessTableModel::headerData(int section, Qt::Orientation o, int role) const {
  if (o != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, o, role);
  switch (section) {
    case PidCol: return tr("Pid");
    case NameCol: return tr("Name or initial call");
    case StatusCol: return tr("Status");
    case ReductionsCol: return tr("Reductions");
    case MemoryCol: return tr("Memory");
    case MsgQCol: return tr("MsgQ");
    case LinksCol: return tr("Links");
    case MonitorsCol: return tr("Monitors");
    case RestartsCol: return tr("Restarts");
    case TrapExitCol: return tr("trap_exit");
    case NodeCol: return tr("Node");
    default: return {};
  }
}

QVariant ProcessTableModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const ProcessRecord* r = model_->find(rows_[size_t(index.row())]);
  if (!r) return {};
  if (role == PidRole) return QVariant::fromValue<quint64>(r->pid.raw);
  const int c = index.column();
  if (role == SortRole) {
    switch (c) {
      case PidCol: return QVariant::fromValue<quint64>(r->pid.serial());
      case ReductionsCol: return QVariant::fromValue<quint64>(r->reductions);
      case MemoryCol: return QVariant::fromValue<quint64>(r->memory);
      case MsgQCol: return r->message_queue_len;
      case LinksCol: return int(r->links.size() + r->one_way_links.size());  // Ergo: the one-way ones it holds
      case MonitorsCol: return int(r->monitors.size());
      case RestartsCol: return int(r->restarts);
      case TrapExitCol: return r->trap_exit;
      default: return data(index, Qt::DisplayRole);
    }
  }
  if (role == Qt::DisplayRole) {
    switch (c) {
      case PidCol: return pidText(r->pid, r->node);
      case NameCol: return nameOrInitialCall(*r);
      case StatusCol: return QString::fromLatin1(to_string(r->suspended ? ProcessStatus::Suspended : r->status));
      case ReductionsCol: return QString::number(r->reductions);
      case MemoryCol: return bytes(r->memory);
      case MsgQCol: return QString::number(r->message_queue_len);
      case LinksCol: return QString::number(r->links.size() + r->one_way_links.size());
      case MonitorsCol: return QString::number(r->monitors.size());
      case RestartsCol: return QString::number(r->restarts);
      case TrapExitCol: return r->trap_exit ? QStringLiteral("true") : QStringLiteral("false");
      case NodeCol: return model_->nodeText(r->node);
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole) {
    if (c == ReductionsCol || c == MemoryCol || c == MsgQCol || c == LinksCol || c == MonitorsCol || c == RestartsCol)
      return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
  }
  if (role == Qt::ForegroundRole && c == MsgQCol && r->message_queue_len >= 100) return QBrush(QColor(0xd0, 0x30, 0x20));
  if (role == Qt::FontRole && c == NameCol && (r->name != atoms::nil || r->console != ConsoleRole::None)) {
    QFont f;
    f.setBold(true);
    return f;
  }
  if (role == Qt::ToolTipRole) return termText(r->initial_call);
  return {};
}

void ProcessTableModel::onUpdated(const ModelDelta& d) {
  // Removals: contiguous runs from the bottom up, one beginRemoveRows per run.
  if (!d.removed.empty()) {
    std::vector<int> gone;
    gone.reserve(d.removed.size());
    for (uint32_t s : d.removed)
      if (auto it = rowOf_.find(s); it != rowOf_.end()) gone.push_back(it->second);
    std::sort(gone.begin(), gone.end(), std::greater<>());
    size_t i = 0;
    int lowest = int(rows_.size());
    while (i < gone.size()) {
      int last = gone[i];
      int first = last;
      while (i + 1 < gone.size() && gone[i + 1] == first - 1) {
        ++i;
        --first;
      }
      ++i;
      removing_ = true;  // reset after endRemoveRows: views react to the removal in between
      beginRemoveRows({}, first, last);
      for (int r = first; r <= last; ++r) rowOf_.erase(rows_[size_t(r)]);
      rows_.erase(rows_.begin() + first, rows_.begin() + last + 1);
      pids_.erase(pids_.begin() + first, pids_.begin() + last + 1);
      endRemoveRows();
      removing_ = false;
      lowest = std::min(lowest, first);
    }
    reindex(lowest);
  }
  if (!d.added.empty()) {
    std::vector<uint32_t> fresh;
    fresh.reserve(d.added.size());
    for (uint32_t s : d.added)
      if (!rowOf_.count(s) && model_->find(s)) fresh.push_back(s);
    if (!fresh.empty()) {
      const int first = int(rows_.size());
      beginInsertRows({}, first, first + int(fresh.size()) - 1);
      for (uint32_t s : fresh) {
        rowOf_[s] = int(rows_.size());
        rows_.push_back(s);
        pids_.push_back(model_->find(s)->pid);
      }
      endInsertRows();
    }
  }
  if (!d.updated.empty()) {
    std::vector<int> changed;
    changed.reserve(d.updated.size());
    for (uint32_t s : d.updated)
      if (auto it = rowOf_.find(s); it != rowOf_.end()) changed.push_back(it->second);
    std::sort(changed.begin(), changed.end());
    size_t i = 0;
    while (i < changed.size()) {
      int first = changed[i];
      int last = first;
      while (i + 1 < changed.size() && changed[i + 1] <= last + 1) last = changed[++i];
      ++i;
      emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
  }
}

}  // namespace actorscope::views
