#pragma once
// GraphView: the view on a GraphScene. Wheel zooms under the mouse, dragging the background pans,
// Shift+drag from one node to another asks to link them (Ctrl+Shift: monitor; in Ergo mode both
// are one-way, from the first to the second, and the rubber band is an arrow), dragging sideways
// on an edge sets the latency of the signals along it (right: slower, left: faster, 10 ms a pixel).
// Draws a legend of the visual language in a corner. GUI thread only.

#include "GraphScene.h"

#include "actorscope/term.hpp"

#include <QGraphicsView>
#include <QPixmap>

#include <optional>

namespace actorscope::views {

class NodeItem;

class GraphView final : public QGraphicsView {
  Q_OBJECT

public:
  explicit GraphView(GraphScene* scene, QWidget* parent = nullptr);

  GraphScene* graphScene() const { return scene_; }
  /// Zooms so that every node is visible (never beyond 1.5x).
  void fitAll();
  void zoomBy(double factor);
  /// Selects and centres the first node matching `text`; false when none matches.
  bool search(const QString& text);
  void setLegendVisible(bool on);
  /// Refits automatically until the user zooms or pans.
  void setAutoFit(bool on) { autoFit_ = on; }
  bool autoFit() const { return autoFit_; }
  /// A line drawn at the top of the graph, above everything ("Paused: Space resumes"); "" for none.
  void setBanner(const QString& text);
  QString banner() const { return banner_; }

signals:
  void contextMenuForPid(actorscope::Pid pid, const QPoint& globalPos);
  void linkRequested(actorscope::Pid from, actorscope::Pid to);
  void monitorRequested(actorscope::Pid watcher, actorscope::Pid target);
  /// Ergo mode (E1.2): the same drag dropped onto a name badge, or onto the name under a registered
  /// process: link to (or with Ctrl, monitor) the name `name` (an atom id) that `holder` has or had.
  void nameRelateRequested(actorscope::Pid from, actorscope::Pid holder, quint32 name, bool monitor);
  void activated(actorscope::Pid pid);
  /// The user dragged on the edge between `a` and `b`: signals between them should take `ms`
  /// longer (0: no extra delay).
  void edgeDelayRequested(actorscope::Pid a, actorscope::Pid b, int ms);
  /// The user dragged across the connection between nodes a and b (cut it: a partition), or
  /// clicked a partitioned one (heal it).
  void partitionRequested(quint16 a, quint16 b);
  void healRequested(quint16 a, quint16 b);


protected:
  void wheelEvent(QWheelEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
  void drawBackground(QPainter* p, const QRectF& rect) override;
  void drawForeground(QPainter* p, const QRectF& rect) override;

private:
  static constexpr int kLegendWidth = 240;  ///< at least; legendWidth() fits the translation
  int legendWidth() const;
  /// The legend's lines, top to bottom (drawForeground draws a glyph beside each).
  /// The legend's lines; `ergo`: Ergo mode's (a link is a one-way arrow).
  static QStringList legendTexts(bool ergo = false);
  static constexpr int kLegendHeight = 212;
  static constexpr int kLegendRows = 9, kLegendLineHeight = 22;
  QFont bannerFont() const;
  /// The band at the top the banner takes (0 without one): fitAll() leaves it free.
  double bannerHeight() const;
  /// The legend box at device pixel ratio `dpr`, transparent around its rounded corners.
  QPixmap paintLegend(const QStringList& texts, bool ergo, qreal dpr) const;
  QString legendKey_;  // what legendPixmap_ was drawn for
  QPixmap legendPixmap_;
  NodeItem* nodeAt(const QPoint& viewPos) const;
  /// The edge under `viewPos` (within a few pixels), when no node is there.
  std::optional<GraphEdge> edgeAt(const QPoint& viewPos) const;

  GraphScene* scene_;
  NodeItem* linkFrom_ = nullptr;
  QPointF linkTo_;
  bool linkMonitor_ = false;
  bool legend_ = true;
  bool autoFit_ = true;
  QString banner_;
  // Dragging on an edge: its ends, the delay it had and the one shown while dragging.
  std::optional<GraphEdge> delayEdge_;
  QPoint delayPress_, delayAt_;
  int delayStartMs_ = 0;
  int delayMs_ = 0;
  bool delayMoved_ = false;
  bool edgeHover_ = false;
  // Pressing on a connection between nodes: dragging cuts it, a click heals a partitioned one.
  std::optional<ConnectionState> cutConn_;
  QPoint cutPress_, cutAt_;
  bool cutMoved_ = false;
  bool connHover_ = false;
  std::optional<ConnectionState> connectionAt(const QPoint& viewPos) const;
};

}  // namespace actorscope::views
