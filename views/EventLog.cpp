#include "EventLog.h"

#include "GraphStyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace actorscope::views {

namespace {
int categoryOf(TraceKind k) {
  switch (k) {
    case TraceKind::Spawn:
    case TraceKind::Exit:
    case TraceKind::Restart:
    case TraceKind::GiveUp: return EventLogModel::Lifecycle;
    case TraceKind::Label: return EventLogModel::Other;
    case TraceKind::SignalSent:
    case TraceKind::SignalDelivered:
    case TraceKind::Send: return EventLogModel::Signals;
    case TraceKind::Link:
    case TraceKind::Unlink:
    case TraceKind::Monitor:
    case TraceKind::Demonitor: return EventLogModel::Relations;
    default: return EventLogModel::Other;
  }
}

/// Filters by category (a bit mask) and text.
class LogFilter final : public QSortFilterProxyModel {
public:
  using QSortFilterProxyModel::QSortFilterProxyModel;
  int mask = 0xff;
  void setMask(int m) {
    mask = m;
    invalidateFilter();
  }

protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const QModelIndex i = sourceModel()->index(row, 0, parent);
    if (!(i.data(EventLogModel::CategoryRole).toInt() & mask)) return false;
    return QSortFilterProxyModel::filterAcceptsRow(row, parent);
  }
};
}  // namespace

EventLogModel::EventLogModel(ObserverModel* model, QObject* parent) : QAbstractListModel(parent), model_(model) {}

int EventLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(lines_.size()); }

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Line& l = lines_[size_t(index.row())];
  switch (role) {
    case Qt::DisplayRole: return l.text;
    case Qt::ToolTipRole: return l.text.size() > 60 ? QVariant(l.text) : QVariant();  // a long line, whole
    case PidRole: return QVariant::fromValue<quint64>(l.pid.raw);
    case CategoryRole: return l.category;
    case Qt::DecorationRole: return l.colour.isValid() ? QVariant(l.colour) : QVariant();
    default: return {};
  }
}

void EventLogModel::clear() {
  beginResetModel();  // a new runtime: nothing to keep
  lines_.clear();
  naming_.clear();
  endResetModel();
}

void EventLogModel::append(const std::vector<TraceEvent>& events) {
  const PidNamer namer = [this](Pid p) {
    QString s = model_->pidText(p);
    if (const ProcessRecord* r = model_->findAny(p.serial()); r && r->name != atoms::nil)
      s += QStringLiteral(" (") + QString::fromStdString(inspect_atom(r->name)) + QStringLiteral(")");
    return s;
  };
  std::vector<Line> fresh;
  const ErgoNaming* ergo = model_->ergo() ? &naming_ : nullptr;
  for (const TraceEvent& e : events) {
    struct Observe {  // after the line is made: a link that fires is forgotten by then
      ErgoNaming& n;
      const TraceEvent& e;
      ~Observe() { n.observe(e); }
    } observe{naming_, e};
    if ((e.kind == TraceKind::Send && e.a.valid()) || e.kind == TraceKind::Receive) continue;
    // A delivered :normal to a non-trapper and the SignalSent lines are noise next to outcomes.
    if (e.kind == TraceKind::SignalSent && e.signal == SignalType::Exit && e.flag) continue;
    if (e.kind == TraceKind::SignalSent && e.signal == SignalType::Down) continue;
    QString text = describeEvent(e, namer, [this](uint16_t n) { return model_->nodeText(n); }, ergo);
    if (text.isEmpty()) continue;
    QColor colour;
    if (e.kind == TraceKind::Exit) colour = style::reasonColor(e.term);
    if (e.kind == TraceKind::SignalDelivered)
      colour = e.signal == SignalType::Down ? style::downColor() : style::reasonColor(e.term);
    if (e.kind == TraceKind::Restart) colour = style::supervisorColor();
    const Pid subject =
        e.kind == TraceKind::SignalDelivered || e.kind == TraceKind::Restart || e.kind == TraceKind::Send ? e.b : e.a;
    fresh.push_back({std::move(text), subject, categoryOf(e.kind), colour});
  }
  if (fresh.empty()) return;
  if (fresh.size() > kMaxRows) fresh.erase(fresh.begin(), fresh.end() - kMaxRows);
  const size_t overflow = lines_.size() + fresh.size() > kMaxRows ? lines_.size() + fresh.size() - kMaxRows : 0;
  if (overflow > 0) {
    beginRemoveRows({}, 0, int(overflow) - 1);
    lines_.erase(lines_.begin(), lines_.begin() + long(overflow));
    endRemoveRows();
  }
  const int first = int(lines_.size());
  beginInsertRows({}, first, first + int(fresh.size()) - 1);
  for (auto& l : fresh) lines_.push_back(std::move(l));
  endInsertRows();
}

EventLogWidget::EventLogWidget(EventLogModel* model, QWidget* parent)
    : QWidget(parent), model_(model), proxy_(new LogFilter(this)), filter_(new QLineEdit(this)),
      category_(new QComboBox(this)), view_(new QListView(this)) {
  setObjectName(QStringLiteral("eventLog"));
  proxy_->setSourceModel(model);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  filter_->setPlaceholderText(tr("Filter: a pid, a name, a reason..."));
  filter_->setClearButtonEnabled(true);
  category_->addItem(tr("All events"), 0xff);
  category_->addItem(tr("Exits, signals, restarts"), EventLogModel::Lifecycle | EventLogModel::Signals);
  category_->addItem(tr("Links and monitors"), int(EventLogModel::Relations));
  category_->addItem(tr("Spawns, exits, restarts"), int(EventLogModel::Lifecycle));
  view_->setModel(proxy_);
  view_->setUniformItemSizes(true);
  view_->setIconSize(QSize(10, 10));
  view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  view_->setAlternatingRowColors(true);
  auto* top = new QHBoxLayout;
  top->addWidget(filter_, 1);
  top->addWidget(category_);
  auto* lay = new QVBoxLayout(this);
  lay->setContentsMargins(4, 4, 4, 4);
  lay->addLayout(top);
  lay->addWidget(view_);
  connect(filter_, &QLineEdit::textChanged, this, &EventLogWidget::setFilterText);
  connect(category_, &QComboBox::currentIndexChanged, this,
          [this](int) { static_cast<LogFilter*>(proxy_)->setMask(category_->currentData().toInt()); });
  connect(view_, &QListView::clicked, this, [this](const QModelIndex& i) {
    emit pidActivated(Pid{i.data(EventLogModel::PidRole).value<quint64>()});
  });
  // Follow the newest line unless the user scrolled up.
  connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
    QScrollBar* sb = view_->verticalScrollBar();
    if (sb->value() >= sb->maximum() - 40) view_->scrollToBottom();
  });
}

void EventLogWidget::setFilterText(const QString& text) {
  if (filter_->text() != text) filter_->setText(text);
  proxy_->setFilterFixedString(text);
}

}  // namespace actorscope::views
