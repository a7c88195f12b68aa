#pragma once
// Export (File > Export): the graph as PNG and SVG, the process table as CSV, the event log as
// JSON Lines, the topology as Graphviz DOT. Keeps a bounded copy of the events the observer
// model applied (the event-log widget only holds text). GUI thread only.

#include "actorscope/trace.hpp"

#include <QObject>
#include <QString>

#include <deque>
#include <unordered_set>

class QMenu;
class QWidget;

namespace actorscope::views {
class GraphScene;
class GraphView;
class ObserverModel;
struct ModelDelta;
}  // namespace actorscope::views

namespace actorscope::app {

class Exporter final : public QObject {
  Q_OBJECT

public:
  Exporter(views::ObserverModel* model, views::GraphView* view, QWidget* dialogParent);

  /// Events kept for the JSON Lines export, at most.
  static constexpr size_t kMaxEvents = 100'000;

  /// Adds "Export" entries (with file dialogs) to `menu`.
  void addActions(QMenu* menu);

  // Each writes `path`; false with `error` set when it cannot.
  bool exportPng(const QString& path, QString& error) const;
  bool exportSvg(const QString& path, QString& error) const;
  bool exportCsv(const QString& path, QString& error) const;
  bool exportJsonl(const QString& path, QString& error) const;
  bool exportDot(const QString& path, QString& error) const;

  /// The model's live processes as a runtime Snapshot (sorted by serial).
  Snapshot snapshot() const;
  size_t eventCount() const { return events_.size(); }
  /// Forgets the events (a new runtime: its seqs start again).
  void clear();

private:
  void onUpdated(const views::ModelDelta& d);
  void ask(const QString& title, const QString& filter, const QString& suffix,
           bool (Exporter::*fn)(const QString&, QString&) const);

  views::ObserverModel* model_;
  views::GraphView* view_;
  QWidget* parent_;
  std::deque<TraceEvent> events_;
  std::unordered_set<uint64_t> seqs_;  // the seqs in events_
};

}  // namespace actorscope::app
