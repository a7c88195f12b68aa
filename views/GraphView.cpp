#include "GraphView.h"

#include "GraphScene.h"
#include "GraphStyle.h"
#include "NodeItem.h"

#include <QContextMenuEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace actorscope::views {

GraphView::GraphView(GraphScene* scene, QWidget* parent) : QGraphicsView(scene, parent), scene_(scene) {
  setObjectName(QStringLiteral("graphView"));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setViewportUpdateMode(QGraphicsView::FullViewportUpdate);  // layers cover everything anyway
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setResizeAnchor(QGraphicsView::AnchorViewCenter);
  setOptimizationFlags(QGraphicsView::DontSavePainterState);
  setCacheMode(QGraphicsView::CacheNone);
  setFrameShape(QFrame::NoFrame);
  setMinimumSize(300, 200);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QStringList GraphView::legendTexts(bool ergo) {
  return {tr("worker process"), tr("supervisor"), tr("console shell (iex)"), tr("traps exits (ring)"),
          ergo ? tr("one-way link (linker \u2192 target)") : tr("link"), tr("monitor (watcher \u2192 target)"),
          ergo ? tr("exit Kill / Panic") : tr("exit :kill / crash"), ergo ? tr("exit Normal, Shutdown") : tr("exit :normal, :shutdown"),
          ergo ? tr("DOWN message (MessageDown)") : tr("DOWN message")};
}

int GraphView::legendWidth() const {
  // As wide as its longest line needs (a translation may be longer than the English).
  QFont f = font();
  f.setPixelSize(13);
  const QFontMetrics fm(f);
  int text = 0;
  for (const QString& s : legendTexts(scene_->model()->ergo())) text = std::max(text, fm.horizontalAdvance(s));
  return std::max(kLegendWidth, text + 62);
}

void GraphView::fitAll() {
  QRectF r = scene_->nodesRect();
  if (r.isNull()) return;
  r = r.united(scene_->observerRect());
  r.adjust(-50, -40, 50, 40);
  setSceneRect(r.adjusted(-4000, -4000, 4000, 4000));
  // Leave the legend's corner free: beside it or above it, whichever gives the larger scale.
  const double W = std::max(50, viewport()->width()), H = std::max(50, viewport()->height());
  const double lw = legend_ ? legendWidth() + 20 : 0, lh = legend_ ? kLegendHeight + 20 : 0;
  const double bh = bannerHeight();  // the banner's band at the top is left free too
  double beside = 0, above = 0, s = 1.5;
  // Labels keep their size on screen, so they reach further at a smaller scale: twice is enough.
  for (int pass = 0; pass < 3; ++pass) {
    beside = std::min((W - lw) / r.width(), std::max(10.0, H - bh) / r.height());
    above = std::min(W / r.width(), std::max(10.0, H - lh - bh) / r.height());
    s = std::min(std::max(beside, above), 1.5);
    const QRectF labels = scene_->labelsRect(s).adjusted(-10 / s, 0, 10 / s, 0);
    if (labels.isNull() || (labels.left() >= r.left() && labels.right() <= r.right())) break;
    r.setLeft(std::min(r.left(), labels.left()));
    r.setRight(std::max(r.right(), labels.right()));
  }
  setTransform(QTransform::fromScale(s, s));
  if (beside >= above)
    centerOn(r.center() - QPointF(lw / 2 / s, bh / 2 / s));
  else
    centerOn(r.center() + QPointF(0, (lh - bh) / 2 / s));
}

QFont GraphView::bannerFont() const {
  QFont f = font();
  f.setPointSizeF(f.pointSizeF() * 1.3);
  f.setBold(true);
  return f;
}

double GraphView::bannerHeight() const {
  if (banner_.isEmpty()) return 0;
  return QFontMetrics(bannerFont()).height() + 12 + 8 + 8;  // its box, the gap above and below it
}

void GraphView::zoomBy(double factor) {
  autoFit_ = false;
  const double s = transform().m11() * factor;
  if (s < 0.02 || s > 6) return;
  scale(factor, factor);
}

bool GraphView::search(const QString& text) {
  NodeItem* n = scene_->findNode(text);
  if (!n) return false;
  scene_->selectPid(n->pid());
  autoFit_ = false;
  if (transform().m11() < 0.8) setTransform(QTransform::fromScale(1, 1));
  centerOn(n);
  return true;
}

void GraphView::setLegendVisible(bool on) {
  legend_ = on;
  viewport()->update();
}

NodeItem* GraphView::nodeAt(const QPoint& viewPos) const {
  for (QGraphicsItem* i : items(viewPos))
    if (auto* n = dynamic_cast<NodeItem*>(i); n && !n->dying()) return n;
  return nullptr;
}

std::optional<GraphEdge> GraphView::edgeAt(const QPoint& viewPos) const {
  if (nodeAt(viewPos)) return std::nullopt;
  // A ghost takes the click (it lets the ghost go), not an edge that ends at its centre.
  for (QGraphicsItem* i : items(viewPos))
    if (auto* n = dynamic_cast<NodeItem*>(i); n && n->ghost()) return std::nullopt;
  const double scale = std::max(0.01, transform().m11());
  return scene_->edgeAt(mapToScene(viewPos), 6.0 / scale);
}

std::optional<ConnectionState> GraphView::connectionAt(const QPoint& viewPos) const {
  if (nodeAt(viewPos)) return std::nullopt;
  const double scale = std::max(0.01, transform().m11());
  return scene_->connectionAt(mapToScene(viewPos), 10.0 / scale);
}

void GraphView::wheelEvent(QWheelEvent* e) {
  const double steps = e->angleDelta().y() / 120.0;
  if (steps == 0) return;
  zoomBy(std::pow(1.18, steps));
  e->accept();
}

void GraphView::mousePressEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier)) {
    if (NodeItem* n = nodeAt(e->pos())) {
      linkFrom_ = n;
      linkMonitor_ = e->modifiers() & Qt::ControlModifier;
      linkTo_ = mapToScene(e->pos());
      e->accept();
      return;
    }
  }
  if (e->button() == Qt::LeftButton && !(e->modifiers() & Qt::ShiftModifier)) {
    if (auto c = connectionAt(e->pos())) {
      cutConn_ = c;
      cutPress_ = cutAt_ = e->pos();
      cutMoved_ = false;
      e->accept();
      return;
    }
    if (auto edge = edgeAt(e->pos())) {
      delayEdge_ = edge;
      delayPress_ = delayAt_ = e->pos();
      delayStartMs_ = delayMs_ = scene_->edgeDelayMs(edge->from, edge->to);
      delayMoved_ = false;
      viewport()->update();
      e->accept();
      return;
    }
  }
  if (e->button() == Qt::LeftButton && !nodeAt(e->pos())) autoFit_ = false;  // the user pans
  QGraphicsView::mousePressEvent(e);
}

void GraphView::mouseMoveEvent(QMouseEvent* e) {
  if (linkFrom_) {
    linkTo_ = mapToScene(e->pos());
    viewport()->update();
    return;
  }
  if (cutConn_) {
    cutAt_ = e->pos();
    if ((cutAt_ - cutPress_).manhattanLength() >= 12) cutMoved_ = true;
    viewport()->update();
    return;
  }
  if (delayEdge_) {
    delayAt_ = e->pos();
    const int dx = e->pos().x() - delayPress_.x();
    if (std::abs(dx) >= 3) delayMoved_ = true;
    delayMs_ = std::clamp((delayStartMs_ + dx * 10) / 10 * 10, 0, 10'000);
    viewport()->update();
    return;
  }
  if (!(e->buttons() & Qt::LeftButton)) {  // hovering: a connection can be cut or healed
    const auto c = connectionAt(e->pos());
    if (bool(c) != connHover_) {
      connHover_ = bool(c);
      if (c) viewport()->setCursor(c->partitioned ? Qt::PointingHandCursor : Qt::CrossCursor);
      else viewport()->unsetCursor();
    }
    if (c) {
      const QString pair = scene_->model()->nodeText(c->a) + QStringLiteral(" \u2194 ") + scene_->model()->nodeText(c->b);
      viewport()->setToolTip(c->partitioned ? tr("%1: partitioned. Click to heal.").arg(pair)
                             : c->up         ? tr("%1: connected. Drag across it to cut it (a partition).").arg(pair)
                                             : tr("%1: disconnected; made again on next use. Drag across it to partition.").arg(pair));
      return;
    }
    viewport()->setToolTip(QString());
  }
  if (!(e->buttons() & Qt::LeftButton)) {  // hovering: an edge can be dragged
    const bool over = bool(edgeAt(e->pos()));
    if (over != edgeHover_) {
      edgeHover_ = over;
      if (over) viewport()->setCursor(Qt::SizeHorCursor);
      else viewport()->unsetCursor();
    }
  }
  QGraphicsView::mouseMoveEvent(e);
  if (edgeHover_) viewport()->setCursor(Qt::SizeHorCursor);  // the base class resets it for a drag mode
}

void GraphView::mouseReleaseEvent(QMouseEvent* e) {
  if (cutConn_) {
    const ConnectionState c = *cutConn_;
    cutConn_.reset();
    viewport()->update();
    if (cutMoved_ && !c.partitioned) emit partitionRequested(c.a, c.b);
    else if (!cutMoved_ && c.partitioned) emit healRequested(c.a, c.b);
    return;
  }
  if (delayEdge_) {
    const GraphEdge edge = *delayEdge_;
    delayEdge_.reset();
    viewport()->update();
    const NodeItem* a = scene_->node(edge.from);
    const NodeItem* b = scene_->node(edge.to);
    if (delayMoved_ && a && b && delayMs_ != delayStartMs_) emit edgeDelayRequested(a->pid(), b->pid(), delayMs_);
    return;
  }
  if (linkFrom_) {
    NodeItem* to = nodeAt(e->pos());
    const Pid from = linkFrom_->pid();
    linkFrom_ = nullptr;
    viewport()->update();
    // Ergo (E1.2): onto a name badge, or the name under a registered process: by that name.
    if (!to)
      if (auto named = scene_->nameDropAt(mapToScene(e->pos()), std::max(0.01, transform().m11()));
          named && named->first != from) {
        emit nameRelateRequested(from, named->first, named->second.id, linkMonitor_);
        return;
      }
    if (to && to->pid() != from) {
      if (linkMonitor_)
        emit monitorRequested(from, to->pid());
      else
        emit linkRequested(from, to->pid());
    }
    return;
  }
  QGraphicsView::mouseReleaseEvent(e);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent* e) {
  if (NodeItem* n = nodeAt(e->pos())) {
    emit activated(n->pid());
    return;
  }
  QGraphicsView::mouseDoubleClickEvent(e);
}

void GraphView::contextMenuEvent(QContextMenuEvent* e) {
  NodeItem* n = nodeAt(e->pos());
  if (n) scene_->selectPid(n->pid());
  emit contextMenuForPid(n ? n->pid() : Pid{}, e->globalPos());
}

void GraphView::drawBackground(QPainter* p, const QRectF& rect) {
  // Tell the scene the scale it is drawn at (before the items are painted): it picks the level
  // of detail of each node from it.
  scene_->setViewLod(QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform()));
  QGraphicsView::drawBackground(p, rect);
}

void GraphView::setBanner(const QString& text) {
  if (text == banner_) return;
  banner_ = text;
  if (autoFit_) fitAll();  // nothing under the banner
  viewport()->update();
}

void GraphView::drawForeground(QPainter* p, const QRectF&) {
  p->save();
  p->resetTransform();
  p->setRenderHint(QPainter::Antialiasing);
  if (!banner_.isEmpty()) {
    p->setFont(bannerFont());
    QRect r = p->fontMetrics().boundingRect(banner_).adjusted(-14, -6, 14, 6);
    r.moveCenter(QPoint(viewport()->width() / 2, r.height() / 2 + 8));
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0x30, 0x36, 0x40, 220));
    p->drawRoundedRect(r, 8, 8);
    p->setPen(Qt::white);
    p->drawText(r, Qt::AlignCenter, banner_);
  }
  if (linkFrom_) {
    const QColor ink = linkMonitor_ ? style::monitorColor() : style::linkColor(style::isDark(palette()));
    p->setPen(QPen(ink, 3, linkMonitor_ ? Qt::DashLine : Qt::SolidLine));
    const QPointF a = mapFromScene(linkFrom_->pos()), b = mapFromScene(linkTo_);
    p->drawLine(a, b);
    const double l = QLineF(a, b).length();
    if (scene_->model()->ergo() && l > 20) {  // Ergo: both are one-way, from the one that asks
      const QPointF u = (b - a) / l, n(-u.y(), u.x());
      p->setPen(Qt::NoPen);
      p->setBrush(ink);
      p->drawPolygon(QPolygonF() << b << b - u * 16 + n * 8 << b - u * 16 - n * 8);
    }
  }
  if (cutConn_ && cutMoved_) {
    const QColor red(0xd0, 0x3c, 0x3c);
    p->setPen(QPen(red, 3, Qt::DashLine, Qt::RoundCap));
    p->drawLine(cutPress_, cutAt_);
    QFont f = font();
    f.setPixelSize(15);
    f.setBold(true);
    p->setFont(f);
    const QString text = cutConn_->partitioned ? tr("already partitioned: click to heal") : tr("release to cut this connection");
    QRect r = p->fontMetrics().boundingRect(text).adjusted(-8, -4, 8, 4);
    r.moveCenter(QPoint(cutAt_.x(), cutAt_.y() - 26));
    r.moveLeft(std::clamp(r.left(), 4, std::max(4, viewport()->width() - r.width() - 4)));
    r.moveTop(std::max(4, r.top()));
    p->setPen(Qt::NoPen);
    p->setBrush(red);
    p->drawRoundedRect(r, 6, 6);
    p->setPen(Qt::white);
    p->drawText(r, Qt::AlignCenter, text);
  }
  if (delayEdge_) {
    const NodeItem* a = scene_->node(delayEdge_->from);
    const NodeItem* b = scene_->node(delayEdge_->to);
    if (a && b) {
      const QColor amber(0xf0, 0x8c, 0x00);
      p->setPen(QPen(amber, 6, Qt::SolidLine, Qt::RoundCap));
      p->drawLine(mapFromScene(a->pos()), mapFromScene(b->pos()));
      QFont f = font();
      f.setPixelSize(13);
      f.setBold(true);
      p->setFont(f);
      const QString text = delayMoved_ ? tr("signal delay %1 ms").arg(delayMs_)
                                       : tr("drag ← → to set the delay (now %1 ms)").arg(delayMs_);
      QRect r = p->fontMetrics().boundingRect(text).adjusted(-8, -4, 8, 4);
      r.moveCenter(QPoint(delayAt_.x(), delayAt_.y() - 26));
      r.moveLeft(std::clamp(r.left(), 4, std::max(4, viewport()->width() - r.width() - 4)));
      r.moveTop(std::max(4, r.top()));
      p->setPen(Qt::NoPen);
      p->setBrush(amber);
      p->drawRoundedRect(r, 6, 6);
      p->setPen(Qt::white);
      p->drawText(r, Qt::AlignCenter, text);
    }
  }
  if (legend_) {
    // Drawn once into a pixmap, again only when its texts, palette, font or pixel ratio change.
    const bool ergo = scene_->model()->ergo();
    const QStringList texts = legendTexts(ergo);
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QString key = texts.join(QChar('\n')) + QChar('\n') + QString::number(palette().cacheKey()) + QChar(' ') +
                        font().key() + QChar(' ') + QString::number(dpr);
    if (key != legendKey_ || legendPixmap_.isNull()) {
      legendKey_ = key;
      legendPixmap_ = paintLegend(texts, ergo, dpr);
    }
    p->drawPixmap(QPoint(9, viewport()->height() - kLegendRows * kLegendLineHeight - 19), legendPixmap_);
  }
  p->restore();
}

QPixmap GraphView::paintLegend(const QStringList& texts, bool ergo, qreal dpr) const {
  const int lh = kLegendLineHeight, rows = kLegendRows;
  static_assert(kLegendRows * kLegendLineHeight + 8 <= kLegendHeight);  // rows: legendTexts().size()
  const QRect box(1, 1, legendWidth(), rows * lh + 8);  // a pixel of margin for the border's pen
  QPixmap pm((QSizeF(box.size() + QSize(2, 2)) * dpr).toSize());
  pm.setDevicePixelRatio(dpr);
  pm.fill(Qt::transparent);
  QPainter painter(&pm);
  QPainter* p = &painter;
  p->setRenderHint(QPainter::Antialiasing);
  p->setRenderHint(QPainter::TextAntialiasing);
  QFont f = font();
  f.setPixelSize(13);
  p->setFont(f);
  QColor bg = palette().base().color();
  bg.setAlpha(225);
  p->setPen(QPen(palette().mid().color(), 1));
  p->setBrush(bg);
  p->drawRoundedRect(box, 8, 8);
  int y = box.top() + 6;
  const int x = box.left() + 10;
  int line = 0;
  auto row = [&](auto&& glyph) {  // the next line: its glyph, then its text
    glyph(QRect(x, y, 34, lh));
    p->setPen(palette().text().color());
    p->drawText(QRect(x + 42, y, box.width() - 52, lh), Qt::AlignVCenter, texts.value(line++));
    y += lh;
  };
  row([&](QRect r) { p->setPen(Qt::NoPen); p->setBrush(style::workerColor()); p->drawEllipse(r.center(), 8, 8); });
  row([&](QRect r) { p->setPen(Qt::NoPen); p->setBrush(style::supervisorColor()); p->drawRoundedRect(QRectF(r.center().x() - 8, r.center().y() - 8, 16, 16), 3, 3); });
  row([&](QRect r) {  // a tiny terminal with its prompt
        const QRectF t(r.center().x() - 11, r.center().y() - 8, 22, 16);
        p->setPen(QPen(style::shellAccent(), 1.5));
        p->setBrush(style::shellColor());
        p->drawRoundedRect(t, 3, 3);
        p->setPen(QPen(style::shellAccent(), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        const QPointF v[] = {{t.left() + 5, t.top() + 5}, {t.left() + 9, t.center().y() + 1}, {t.left() + 5, t.bottom() - 3}};
        p->drawPolyline(v, 3);
        p->drawLine(QPointF(t.left() + 11, t.bottom() - 3), QPointF(t.right() - 4, t.bottom() - 3));
      });
  row([&](QRect r) { p->setPen(QPen(style::trapColor(), 3)); p->setBrush(style::workerColor()); p->drawEllipse(r.center(), 8, 8); });
  row([&](QRect r) {
    const QColor ink = style::linkColor(style::isDark(palette()));
    p->setPen(QPen(ink, 3));
    p->drawLine(r.left(), r.center().y(), r.right() - (ergo ? 6 : 0), r.center().y());
    if (!ergo) return;
    p->setPen(Qt::NoPen);
    p->setBrush(ink);
    p->drawPolygon(QPolygonF() << QPointF(r.right(), r.center().y()) << QPointF(r.right() - 11, r.center().y() - 6)
                               << QPointF(r.right() - 11, r.center().y() + 6));
  });
  row([&](QRect r) { p->setPen(QPen(style::monitorColor(), 2.5, Qt::DashLine)); p->drawLine(r.left(), r.center().y(), r.right() - 4, r.center().y());
                      p->setBrush(style::monitorColor()); p->setPen(Qt::NoPen);
                      p->drawPolygon(QPolygonF() << QPointF(r.right(), r.center().y()) << QPointF(r.right() - 8, r.center().y() - 5) << QPointF(r.right() - 8, r.center().y() + 5)); });
  auto dot = [&](QColor c) { return [&, c](QRect r) { p->setPen(QPen(Qt::white, 1.5)); p->setBrush(c); p->drawEllipse(r.center(), 7, 7); }; };
  row(dot(style::reasonColor(Term(atoms::kill))));
  row(dot(style::reasonColor(Term(atoms::normal))));
  row(dot(style::downColor()));
  painter.end();
  return pm;
}

}  // namespace actorscope::views
