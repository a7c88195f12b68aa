#pragma once
// The graph scene's layers, each painting all of its kind in one call: edges (links, monitors,
// their delays), signals (pulses and envelopes in flight, with labels), nodes (the crowd's level
// of detail), and the observer's glyph where commands from the window start. Internal to
// GraphScene.cpp, which owns them; they read the scene's state as its friends. GUI thread only.

#include "GraphScene.h"
#include "GraphStyle.h"
#include "NodeItem.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStaticText>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace actorscope::views {

namespace layer {
inline constexpr int kMaxPulseLabels = 40;
inline constexpr double kInFlightHold = 0.9;  // where an undelivered, untracked signal waits
inline double len(QPointF v) { return std::hypot(v.x(), v.y()); }
/// How far from `from` (item coordinates of `n`) along `dir` (unit) an arrow's tip must stop to
/// touch neither the body nor the label of `n` at view scale `lod`.
inline double arrowEnd(const NodeItem* n, QPointF from, QPointF dir, double lod) {
  double t = n->radius() + 6;
  const QRectF box = n->labelRect(lod).adjusted(-3, -3, 3, 3);
  if (box.isEmpty()) return t;
  // The ray's way through the label's box (slabs): it leaves the box at `out`.
  double in = 0, out = 1e9;
  const double o[2] = {from.x(), from.y()}, v[2] = {dir.x(), dir.y()}, lo[2] = {box.left(), box.top()},
               hi[2] = {box.right(), box.bottom()};
  for (int i = 0; i < 2; ++i) {
    if (std::abs(v[i]) < 1e-9) {
      if (o[i] < lo[i] || o[i] > hi[i]) return t;
      continue;
    }
    double a = (lo[i] - o[i]) / v[i], b = (hi[i] - o[i]) / v[i];
    if (a > b) std::swap(a, b);
    in = std::max(in, a);
    out = std::min(out, b);
  }
  return in <= out ? std::max(t, out + 2) : t;
}
}  // namespace layer

/// Ergo mode (E1.2): a registered name that links or monitors point at, a pill beside its process
/// on the side its holders are (right, above, above left or left: never over the label below or
/// the queue counters above right); the arrows of links and monitors made by that name end at it.
/// Struck through and grey once the process no longer holds the name (E1.3: the unregister fired
/// them with :unregistered); the scene drops it when the last of them has reached its holder.
/// The item sits at its process's centre; the pill's size follows the view scale as labels do.
class NameBadge final : public QGraphicsItem {
public:
  NameBadge(GraphScene* s, uint32_t target, Atom name)
      : scene_(s), target_(target), name_(name), text_(QString::fromStdString(inspect_atom(name))) {
    setZValue(12);  // over the nodes' labels, under the signals
    setAcceptedMouseButtons(Qt::NoButton);
    refreshGeometry();
    refreshTip();
  }
  uint32_t target() const { return target_; }
  Atom name() const { return name_; }
  const QString& text() const { return text_; }
  bool stale() const { return stale_; }
  void setStale(bool on) {
    if (on == stale_) return;
    stale_ = on;
    refreshTip();
    update();
  }
  /// 0: next to the process; 1: above that (a second name of the same process).
  void setSlot(int slot) {
    if (slot == slot_) return;
    slot_ = slot;
    refreshGeometry();
    update();
  }
  enum Side { Right, Up, UpLeft, Left };
  static constexpr double kSideAngle[4] = {0, 90, 135, 180};  // degrees, y up
  Side side() const { return side_; }
  void setSide(Side s) {
    if (s == side_) return;
    side_ = s;
    update();
  }
  /// The processes whose links or monitors by this name end here (the scene keeps it).
  std::vector<uint32_t> holders;
  /// The text's pixel size at view scale `lod`: about 12 px on screen, as the labels.
  static double px(double lod) {
    const double k = NodeItem::textScale();
    return std::clamp(12.5 * k / std::max(lod, 0.01), 13.0 * k, 32.0 * k);
  }
  static QFont font(double px) {
    QFont f;
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(true);
    return f;
  }
  /// The pill, item coordinates, at view scale `lod`.
  QRectF pill(double lod) const {
    const NodeItem* n = scene_->node(target_);
    const double r = n ? n->radius() : style::kWorkerRadius;
    const QFontMetricsF fm(font(px(lod)));
    const double h = fm.height() + 4, w = fm.horizontalAdvance(text_) + h;
    return pillAt(side_, r, w, h).translated(0, -slot_ * (h + 3));
  }
  static QRectF pillAt(Side s, double r, double w, double h) {
    switch (s) {
      case Right: return QRectF(r + 6, -h * 0.3, w, h);  // a little low: the counters are above right
      case Left: return QRectF(-r - 6 - w, -h / 2, w, h);
      case UpLeft: return QRectF(-r * 0.72 - 2 - w, -r * 0.72 - 2 - h, w, h);
      case Up: break;
    }
    return QRectF(std::min(6.0, w / 2) - w, -(r + 6) - h, w, h);  // its right end left of the counters
  }
  /// The pill in scene coordinates.
  QRectF sceneRect(double lod) const { return pill(lod).translated(pos()); }
  /// Call after the text scale changed.
  void refreshGeometry() {
    QRectF r;
    const Side now = side_;
    for (Side s : {Right, Up, UpLeft, Left}) {
      side_ = s;
      r = r.united(pill(0.01)).united(pill(100));
    }
    side_ = now;
    r.adjust(-3, -3, 3, 3);
    if (r == bounds_) return;
    prepareGeometryChange();
    bounds_ = r;
  }
  QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    if (lod < 0.08) return;  // far away: the arrows end there all the same
    const QRectF box = pill(lod);
    const bool dark = style::isDark(scene_->palette());
    // Outlined in its process's colour (it is that process's name), grey once the name is gone.
    const NodeItem* n = scene_->node(target_);
    const QColor ink = stale_ ? QColor(0x90, 0x90, 0x90) : n ? n->bodyColor() : style::workerColor();
    p->setRenderHint(QPainter::Antialiasing, true);
    p->setPen(QPen(ink, 2.2, stale_ ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(dark ? QColor(0x2a, 0x30, 0x3a, 235) : QColor(0xfb, 0xfc, 0xfe, 235));
    p->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    p->setFont(font(px(lod)));
    p->setPen(stale_ ? ink : (dark ? QColor(0xe8, 0xec, 0xf2) : QColor(0x26, 0x2c, 0x36)));
    p->drawText(box, Qt::AlignCenter, text_);
    if (stale_) {
      const QFontMetricsF fm(p->font());
      const double half = fm.horizontalAdvance(text_) / 2 + 2;
      p->setPen(QPen(ink, 1.6));
      p->drawLine(QPointF(box.center().x() - half, box.center().y()), QPointF(box.center().x() + half, box.center().y()));
    }
  }

private:
  void refreshTip() {
    setToolTip(stale_ ? QObject::tr("%1 was unregistered: the links and monitors made by this name fire ErrUnregistered").arg(text_)
                      : QObject::tr("The registered name %1: links and monitors made by this name point here").arg(text_));
  }
  GraphScene* scene_;
  uint32_t target_;
  Atom name_;
  QString text_;
  bool stale_ = false;
  int slot_ = 0;
  Side side_ = Up;
  QRectF bounds_;
};


// ---- layers ------------------------------------------------------------------------------------

/// Paints the nodes' regions (tinted, labelled areas) and the connections between them, under
/// everything else. Nothing when the runtime has a single node.
class RegionLayer final : public QGraphicsItem {
public:
  explicit RegionLayer(GraphScene* s) : scene_(s) {
    setZValue(-10);
    setAcceptedMouseButtons(Qt::NoButton);
  }
  QRectF boundingRect() const override { return rect_; }
  void setRect(const QRectF& r) {
    if (r == rect_) return;
    prepareGeometryChange();
    rect_ = r;
  }
  static QColor tint(uint16_t node) {
    static const QColor hues[] = {QColor(0x3b, 0x82, 0xc4), QColor(0x3c, 0xa0, 0x5a), QColor(0x9a, 0x5c, 0xc8),
                                  QColor(0xd0, 0x84, 0x2c), QColor(0x2a, 0xa0, 0xa0), QColor(0xc8, 0x50, 0x8c)};
    return hues[node % 6];
  }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const auto& regions = scene_->regions();
    if (regions.empty()) return;
    // Names stay readable when the view is zoomed out (a class reads them from the back row).
    const double lod = std::max(0.05, option->levelOfDetailFromTransform(p->worldTransform()));
    p->setRenderHint(QPainter::Antialiasing, true);
    const bool dark = style::isDark(scene_->palette());
    const double k = NodeItem::textScale();
    for (const GraphScene::Region& r : regions) {
      QColor c = r.alive ? tint(r.node) : QColor(0x80, 0x80, 0x80);
      QColor fill = c;
      fill.setAlpha(dark ? 38 : 26);
      QColor edge = c;
      edge.setAlpha(r.alive ? 170 : 120);
      p->setPen(QPen(edge, 2.5, r.alive ? Qt::SolidLine : Qt::DashLine));
      p->setBrush(fill);
      p->drawRoundedRect(r.rect, 18, 18);
      QFont f = p->font();
      f.setPixelSize(int(std::max(20.0, 15.0 / lod) * k));
      f.setBold(true);
      p->setFont(f);
      QColor ink = c.darker(dark ? 60 : 130);
      if (dark) ink = c.lighter(140);
      p->setPen(ink);
      const QString text = r.alive ? r.name : QObject::tr("%1 (down)").arg(r.name);
      p->drawText(r.rect.adjusted(16, 10, -16, 0), Qt::AlignLeft | Qt::AlignTop, text);
    }
    // Connections: made (solid), cut (broken in the middle, red; a partition says how to heal it).
    const double now = scene_->lastNow_;
    for (const ConnectionState& c : scene_->model_->graph().connections()) {
      const QPainterPath path = scene_->connectionPath(c.a, c.b);
      if (path.isEmpty()) continue;
      if (c.up) {
        p->setPen(QPen(dark ? QColor(0x8a, 0x9c, 0xb8) : QColor(0x46, 0x5a, 0x78), 9, Qt::SolidLine, Qt::RoundCap));
        p->setBrush(Qt::NoBrush);
        p->drawPath(path);
        p->setPen(QPen(dark ? QColor(0x2a, 0x30, 0x3a) : QColor(0xe8, 0xee, 0xf6), 3, Qt::SolidLine, Qt::RoundCap));
        p->drawPath(path);
        continue;
      }
      // The break opens over 400 ms after the cut, so the eye catches it.
      const double since = now - scene_->connectionChangedAt(c.a, c.b);
      const double open = scene_->connectionChangedAt(c.a, c.b) < 0 ? 1.0 : std::clamp(since / 400.0, 0.0, 1.0);
      const double gap = 0.02 + 0.07 * open;
      const QColor red(0xd0, 0x3c, 0x3c);
      p->setPen(QPen(red, 7, c.partitioned ? Qt::SolidLine : Qt::DashLine, Qt::RoundCap));
      p->setBrush(Qt::NoBrush);
      auto half = [&](double from, double to) {
        QPainterPath h;
        h.moveTo(path.pointAtPercent(from));
        for (int i = 1; i <= 24; ++i) h.lineTo(path.pointAtPercent(from + (to - from) * i / 24.0));
        p->drawPath(h);
      };
      half(0, 0.5 - gap);
      half(0.5 + gap, 1);
      const QPointF mid = path.pointAtPercent(0.5);
      p->setPen(QPen(red, 4, Qt::SolidLine, Qt::RoundCap));
      p->drawLine(mid + QPointF(-12, -12), mid + QPointF(12, 12));
      p->drawLine(mid + QPointF(-12, 12), mid + QPointF(12, -12));
      QFont f = p->font();
      const double px = std::max(15.0, 12.0 / lod) * k;
      f.setPixelSize(int(px));
      f.setBold(true);
      p->setFont(f);
      const QString label = c.partitioned ? QObject::tr("partitioned") : QObject::tr("disconnected");
      const QRectF box(mid.x() - 30 * px, mid.y() - 14 - 1.6 * px, 60 * px, 1.5 * px);
      p->setPen(red);
      p->drawText(box, Qt::AlignCenter, label);
    }
  }

private:
  GraphScene* scene_;
  QRectF rect_;
};

/// Paints every edge in one call.
class EdgeLayer final : public QGraphicsItem {
public:
  explicit EdgeLayer(GraphScene* s) : scene_(s) {
    setZValue(0);
    setAcceptedMouseButtons(Qt::NoButton);
    setFlag(ItemUsesExtendedStyleOption);  // exposedRect: edges outside it are culled
  }
  QRectF boundingRect() const override { return rect_; }
  void setRect(const QRectF& r) {
    if (r == rect_) return;
    prepareGeometryChange();
    rect_ = r;
  }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    p->setRenderHint(QPainter::Antialiasing, lod > (scene_->crowd_ ? 0.5 : 0.3));
    const bool dark = style::isDark(scene_->palette());
    QPen treePen(dark ? QColor(0x6a, 0x72, 0x84) : QColor(0x90, 0x98, 0xa8), 2, Qt::DotLine);
    QPen linkPen(style::linkColor(dark), 3.2);
    QPen monPen(style::monitorColor(), 2.6, Qt::DashLine);
    // A few processes (a class, a cluster side by side) keep dashes and arrowheads further out.
    const bool thin = lod < (scene_->nodes_.size() < 150 ? 0.25 : 0.4) || (scene_->crowd_ && lod < 0.6);
    if (thin) {
      // Far away or a crowd: hairline-cheap cosmetic pens, monitors solid (dashing thousands of
      // lines is what a frame would spend its time on).
      linkPen = QPen(linkPen.color(), 2);
      QColor mc = style::monitorColor();
      mc.setAlpha(170);
      monPen = QPen(mc, 1);
      treePen = QPen(treePen.color(), 1);
      for (QPen* pen : {&linkPen, &monPen, &treePen}) pen->setCosmetic(true);
    }
    // Batched: one drawLines per style for the edges between opaque nodes, culled to the exposed
    // rect; edges of a fading node are drawn one by one with its opacity.
    const QRectF vis = option->exposedRect;
    auto visible = [&](QPointF a, QPointF b) {
      return std::max(a.x(), b.x()) >= vis.left() && std::min(a.x(), b.x()) <= vis.right() &&
             std::max(a.y(), b.y()) >= vis.top() && std::min(a.y(), b.y()) <= vis.bottom();
    };
    tree_.clear();
    links_.clear();
    mons_.clear();
    heads_.clear();
    oneWay_.clear();
    oneWayHeads_.clear();
    const QColor linkInk = linkPen.color();
    struct Faded {
      QLineF line;
      const QPen* pen;
      double opacity;
      bool head;
      QColor headColor;
    };
    std::vector<Faded> faded;
    for (const GraphEdge& e : edges) {
      if (lod < 0.12 && e.kind == GraphEdge::Monitor) continue;  // far away: no monitor arrows
      NodeItem* a = scene_->node(e.from);
      NodeItem* b = scene_->node(e.to);
      if (!a || !b) continue;
      QPointF pa = a->pos(), pb = b->pos();
      if (!visible(pa, pb)) continue;
      const double fade = std::min(a->opacity(), b->opacity());
      if (e.name) {  // Ergo: made by a registered name, it ends at the name's badge (E1.2)
        const QLineF arrow = scene_->badgeArrow(e, lod);
        const double l = arrow.length();
        if (l < 1) continue;
        const QPointF u = (arrow.p2() - arrow.p1()) / l;
        const bool link = e.kind == GraphEdge::OneWayLink;
        if (fade < 1) {
          faded.push_back({arrow, link ? &linkPen : &monPen, fade, link || !thin, link ? linkInk : style::monitorColor()});
        } else if (link) {
          oneWay_.append(QLineF(arrow.p1(), arrow.p2() - u * 10));
          oneWayHeads_.append(QLineF(arrow.p2(), arrow.p2() - u));
        } else {
          mons_.append(arrow);
          if (!thin) heads_.append(QLineF(arrow.p2(), arrow.p2() - u));
        }
        continue;
      }
      if (e.kind == GraphEdge::Tree || e.kind == GraphEdge::Link) {
        const bool tree = e.kind == GraphEdge::Tree;
        if (fade < 1)
          faded.push_back({QLineF(pa, pb), tree ? &treePen : &linkPen, fade, false, {}});
        else
          (tree ? tree_ : links_).append(QLineF(pa, pb));
      } else if (e.kind == GraphEdge::OneWayLink) {
        // Linker -> target, the head at the target (Ergo, E1.1); beside the centre line, so the
        // reverse link is a second arrow.
        QPointF d = pb - pa;
        const double l = layer::len(d);
        if (l < 1) continue;
        const QPointF u = d / l, n(-u.y(), u.x());
        pa -= n * style::kOneWayOffset;
        pb -= n * style::kOneWayOffset;
        const QPointF tip = pb - u * layer::arrowEnd(b, pb - b->pos(), -u, lod);
        const QPointF start = pa + u * (a->radius() + 2);
        if (fade < 1) {
          faded.push_back({QLineF(start, tip), &linkPen, fade, true, linkInk});
        } else {
          oneWay_.append(QLineF(start, tip - u * 10));  // the line stops inside the head
          oneWayHeads_.append(QLineF(tip, tip - u));
        }
      } else {
        // Watcher -> target, offset a little so it does not hide a link between the same pair.
        QPointF d = pb - pa;
        const double l = layer::len(d);
        if (l < 1) continue;
        QPointF u = d / l, n(-u.y(), u.x());
        pa += n * 7;
        pb += n * 7;
        const QPointF tip = pb - u * (b->radius() + 8);
        const QPointF start = pa + u * (a->radius() + 4);
        if (fade < 1) {
          faded.push_back({QLineF(start, tip), &monPen, fade, !thin, style::monitorColor()});
        } else {
          mons_.append(QLineF(start, tip));
          if (!thin) heads_.append(QLineF(tip, tip - u));
        }
      }
    }
    auto head = [&](QPointF tip, QPointF u, double size = 1) {
      const QPointF n(-u.y(), u.x());
      QPolygonF h;
      h << tip << tip - u * 16 * size + n * 8 * size << tip - u * 16 * size - n * 8 * size;
      p->drawPolygon(h);
    };
    constexpr double kOneWayHead = 1.35;  // a link's head is bigger than a monitor's: it is the point
    p->setBrush(Qt::NoBrush);
    if (!tree_.isEmpty()) {
      p->setPen(treePen);
      p->drawLines(tree_);
    }
    if (!links_.isEmpty()) {
      p->setPen(linkPen);
      p->drawLines(links_);
    }
    if (!mons_.isEmpty()) {
      p->setPen(monPen);
      p->drawLines(mons_);
    }
    if (!heads_.isEmpty()) {
      p->setPen(Qt::NoPen);
      p->setBrush(style::monitorColor());
      for (const QLineF& h : heads_) head(h.p1(), h.p1() - h.p2());
    }
    if (!oneWay_.isEmpty()) {
      p->setPen(linkPen);
      p->drawLines(oneWay_);
      p->setPen(Qt::NoPen);
      p->setBrush(linkInk);
      for (const QLineF& h : oneWayHeads_) head(h.p1(), h.p1() - h.p2(), kOneWayHead);
    }
    for (const Faded& f : faded) {
      p->setOpacity(f.opacity);
      p->setPen(*f.pen);
      p->setBrush(Qt::NoBrush);
      p->drawLine(f.line);
      if (f.head) {
        const double l = f.line.length();
        if (l < 0.01) continue;
        p->setPen(Qt::NoPen);
        p->setBrush(f.headColor);
        head(f.line.p2(), (f.line.p2() - f.line.p1()) / l, f.pen == &linkPen ? kOneWayHead : 1);
      }
    }
    p->setOpacity(1);
    // Delayed edges (a delay fault with a peer): an amber band and the latency at the middle.
    if (!scene_->edgeDelays_.empty()) {
      const QColor amber(0xf0, 0x8c, 0x00);
      QFont f = p->font();
      f.setPixelSize(12);
      f.setBold(true);
      p->setFont(f);
      for (const auto& [key, ms] : scene_->edgeDelays_) {
        NodeItem* a = scene_->node(uint32_t(key >> 32));
        NodeItem* b = scene_->node(uint32_t(key));
        if (!a || !b || !visible(a->pos(), b->pos())) continue;
        QColor band = amber;
        band.setAlpha(150);
        QPen pen(band, thin ? 3 : 10, Qt::SolidLine, Qt::RoundCap);
        if (thin) pen.setCosmetic(true);
        p->setPen(pen);
        p->drawLine(a->pos(), b->pos());
        if (lod < 0.3) continue;
        const QPointF mid = (a->pos() + b->pos()) / 2;
        const QString text = QStringLiteral("delay %1 ms").arg(ms);
        const QRectF r = p->fontMetrics().boundingRect(text).adjusted(-5, -2, 5, 2);
        const QRectF box(mid.x() - r.width() / 2, mid.y() - r.height() / 2, r.width(), r.height());
        p->setPen(Qt::NoPen);
        p->setBrush(amber);
        p->drawRoundedRect(box, 6, 6);
        p->setPen(Qt::white);
        p->drawText(box, Qt::AlignCenter, text);
        p->setBrush(Qt::NoBrush);
      }
    }
  }
  std::vector<GraphEdge> edges;

private:
  GraphScene* scene_;
  QRectF rect_;
  QVector<QLineF> tree_, links_, mons_, heads_, oneWay_, oneWayHeads_;  // per paint, kept to reuse their memory
};

/// Paints every travelling signal in one call.
class SignalLayer final : public QGraphicsItem {
public:
  explicit SignalLayer(GraphScene* s) : scene_(s) { setZValue(20); setAcceptedMouseButtons(Qt::NoButton); }
  QRectF boundingRect() const override { return rect_; }
  void setRect(const QRectF& r) {
    if (r == rect_) return;
    prepareGeometryChange();
    rect_ = r;
  }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = option->levelOfDetailFromTransform(p->worldTransform());
    const double now = scene_->lastNow_;
    p->setRenderHint(QPainter::Antialiasing, true);
    // Zoomed out, pulses and their labels grow so that they stay visible on screen.
    if (!(lod > 0)) return;
    // Presentation mode (NodeItem::textScale() > 1): pulses and their labels larger still.
    const double big = NodeItem::textScale();
    const double k = std::clamp(0.85 / std::max(lod, 0.01), 1.0, 2.6) * big;
    QFont f = p->font();
    f.setPixelSize(int(std::lround(std::clamp(11.5 / std::max(lod, 0.01), 13.0, 32.0) * big)));
    f.setBold(true);
    p->setFont(f);
    const QFontMetricsF fm(f);
    const bool labels = f.pixelSize() * lod >= 8;
    int labelled = 0;
    // Unlabelled envelopes more than half covered by one already drawn are not drawn again: a
    // stream of messages on one edge stays a stream, at a fraction of the raster work.
    drawnEnvelopes_.clear();
    drawnLabels_.clear();
    const double cellW = 9 * k, cellH = 6 * k;
    for (const SignalAnim& a : scene_->anims_) {
      const bool tracked = a.rtProgress >= 0 && !a.delivered;
      if (now < a.t0 && !tracked) continue;
      const QPointF to = scene_->posOf(a.to, a.toPos);
      QPointF from = a.from ? scene_->posOf(a.from, a.fromPos) : a.fromPos;
      double startGap = a.from ? 26 : 0;
      if (a.fromName)  // by name: from the name's badge (gone: from the process)
        if (auto b = scene_->badges_.find({a.from, a.fromName}); b != scene_->badges_.end()) {
          from = b->second->sceneRect(lod).center();
          startGap = 0;
        }
      double t = tracked ? a.rtProgress : a.progress(now);
      switch (a.kind) {
        case SignalAnim::ExitPulse:
        case SignalAnim::DownPulse:
        case SignalAnim::KillBolt:
        case SignalAnim::Message: {
          if (!a.delivered && !tracked && a.kind != SignalAnim::Message) t = std::min(t, layer::kInFlightHold);
          const QPointF d = to - from;
          const double l = layer::len(d);
          if (l < 1) break;
          const QPointF u = d / l;
          if (a.sender == 0 && a.kind != SignalAnim::Message && t < 1) {
            // A command from the window: its path from the observer's glyph, so the pulse is
            // not mistaken for a signal from a process it passes over.
            QColor c = style::observerColor();
            c.setAlpha(150);
            p->setPen(QPen(c, 2.5 * k, Qt::DashLine, Qt::RoundCap));
            p->drawLine(from, to - u * (28 + 4 * k));
          }
          const double endGap = 28 + 4 * k;
          const double usable = std::max(1.0, l - startGap - endGap);
          const QPointF head = from + u * (startGap + usable * t);
          const QPointF tail = from + u * (startGap + usable * std::max(0.0, t - 0.3));
          if (a.kind == SignalAnim::Message) {
            // An envelope on its way; one from the observer carries its message as a label.
            const bool labelled = !a.text.isEmpty() && labels;
            if (!labelled) {
              const auto cx = uint32_t(int32_t(std::floor(head.x() / cellW))), cy = uint32_t(int32_t(std::floor(head.y() / cellH)));
              if (!drawnEnvelopes_.insert((uint64_t(cx) << 32) | cy).second) break;
            }
            QRectF env(head.x() - 9 * k, head.y() - 6 * k, 18 * k, 12 * k);
            p->setPen(QPen(QColor(0x55, 0x55, 0x66), 1.5));
            p->setBrush(QColor(0xff, 0xfb, 0xe8));
            p->drawRect(env);
            p->drawLine(env.topLeft(), env.center());
            p->drawLine(env.topRight(), env.center());
            if (labelled) {
              const double w = fm.horizontalAdvance(a.text) + fm.height() * 0.6, h = fm.height() + 2;
              QRectF box(head.x() - w / 2, env.top() - h - 4, w, h);
              p->setPen(Qt::NoPen);
              p->setBrush(QColor(0x4a, 0x5a, 0x6e, 235));
              p->drawRoundedRect(box, h / 3, h / 3);
              p->setPen(Qt::white);
              p->drawText(box, Qt::AlignCenter, a.text);
            }
            break;
          }
          if (a.kind == SignalAnim::KillBolt) {
            // A lightning bolt: zigzag from the tail to the head.
            const QPointF n(-u.y(), u.x());
            QPolygonF zig;
            const int steps = 7;
            for (int i = 0; i <= steps; ++i) {
              const double s = double(i) / steps;
              zig << tail + (head - tail) * s + n * ((i % 2 ? 9 : -9) * k * (i == 0 || i == steps ? 0 : 1));
            }
            p->setPen(QPen(QColor(255, 255, 255, 220), 9 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->drawPolyline(zig);
            p->setPen(QPen(a.color, 5 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->drawPolyline(zig);
          } else {
            // A fading trail: three solid segments (a gradient pen costs far more to raster).
            const double w = (a.kind == SignalAnim::DownPulse ? 5 : 8) * k;
            QColor c = a.color;
            for (int i = 0; i < 3; ++i) {
              c.setAlpha(60 + 70 * i);
              p->setPen(QPen(c, w * (0.6 + 0.2 * i), Qt::SolidLine, Qt::FlatCap));
              p->drawLine(tail + (head - tail) * (i / 3.0), tail + (head - tail) * ((i + 1) / 3.0));
            }
          }
          p->setPen(QPen(Qt::white, 2.5 * k));
          p->setBrush(a.color);
          const double r = (a.kind == SignalAnim::DownPulse ? 10 : 12) * k;
          p->drawEllipse(head, r, r);
          if (labels && labelled++ < layer::kMaxPulseLabels) {
            const QString& text = a.text;
            const double w = fm.horizontalAdvance(text) + fm.height() * 0.6;
            const double h = fm.height() + 2;
            // Above the head, else below it, else higher up: clear of the labels drawn before it
            // and of the names of the processes it leaves and reaches; nowhere clear, none.
            const QRectF above(head.x() - w / 2, head.y() - r - h - 4, w, h);
            const QRectF candidates[] = {above, above.translated(0, 2 * r + h + 8), above.translated(0, -(h + 3))};
            auto nameOf = [&](uint32_t serial) {
              const NodeItem* n = serial ? scene_->node(serial) : nullptr;
              return n ? n->mapRectToScene(n->labelRect(lod)) : QRectF();
            };
            const QRectF names[] = {nameOf(a.from), nameOf(a.to)};
            const QRectF* chosen = nullptr;
            for (const QRectF& c : candidates) {
              bool clear = std::none_of(drawnLabels_.begin(), drawnLabels_.end(), [&](const QRectF& d) { return d.intersects(c); });
              for (const QRectF& nm : names) clear = clear && (nm.isEmpty() || !nm.intersects(c));
              if (clear) {
                chosen = &c;
                break;
              }
            }
            if (chosen) {
              drawnLabels_.push_back(*chosen);
              p->setPen(Qt::NoPen);
              p->setBrush(QColor(a.color.red(), a.color.green(), a.color.blue(), 235));
              p->drawRoundedRect(*chosen, h / 3, h / 3);
              p->setPen(Qt::white);
              p->drawText(*chosen, Qt::AlignCenter, text);
            }
          }
          break;
        }
        case SignalAnim::Envelope: {
          // Drops from above into the mailbox and fades.
          const QPointF at = to + QPointF(0, -70 * k * (1 - t) - 6);
          QColor c = a.color;
          p->setOpacity(t < 0.75 ? 1.0 : (1 - t) / 0.25);
          QRectF env(at.x() - 15 * k, at.y() - 10 * k, 30 * k, 20 * k);
          p->setPen(QPen(c.darker(140), 2));
          p->setBrush(QColor(0xff, 0xfb, 0xe8));
          p->drawRect(env);
          p->drawLine(env.topLeft(), env.center() + QPointF(0, 2));
          p->drawLine(env.topRight(), env.center() + QPointF(0, 2));
          p->setOpacity(1);
          break;
        }
        case SignalAnim::Fizzle: {
          QColor c = a.color;
          c.setAlphaF(1 - t);
          p->setPen(QPen(c, 3 * k, Qt::DotLine));
          p->setBrush(Qt::NoBrush);
          const double r = (30 + 30 * t) * k;
          p->drawEllipse(to, r, r);
          for (int i = 0; i < 6; ++i) {
            const double ang = i * M_PI / 3 + t;
            p->drawPoint(to + QPointF(std::cos(ang), std::sin(ang)) * (r + 6));
          }
          break;
        }
      }
    }
  }

  const std::vector<QRectF>& drawnLabels() const { return drawnLabels_; }

private:
  GraphScene* scene_;
  QRectF rect_;
  std::unordered_set<uint64_t> drawnEnvelopes_;  // paint()'s, kept for its buckets
  std::vector<QRectF> drawnLabels_;               // paint()'s pulse labels so far
};

/// Paints every node that is a plain blob at the view's scale, in one call (the items themselves
/// then have no contents: no per-item transform, state and clip for thousands of dots).
class NodeLayer final : public QGraphicsItem {
public:
  explicit NodeLayer(GraphScene* s) : scene_(s) { setZValue(9); setAcceptedMouseButtons(Qt::NoButton); }
  QRectF boundingRect() const override { return rect_; }
  void setRect(const QRectF& r) {
    if (r == rect_) return;
    prepareGeometryChange();
    rect_ = r;
  }
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override {
    const QTransform wt = p->worldTransform();
    const double lod = option->levelOfDetailFromTransform(wt);
    if (!(lod > 0)) return;
    // Painted at another scale than the graph view's (an export, a second view): the nodes that
    // are no blobs at this scale are drawn in full, as their items would.
    if (!bandMatches(lod)) return paintDirect(p, option, widget, lod);
    if (wt.type() > QTransform::TxScale || !p->paintEngine() || p->paintEngine()->type() != QPaintEngine::Raster)
      return paintDirect(p, option, widget, lod);
    // Each distinct blob is drawn once per scale into a small image, then blitted in device
    // coordinates: thousands of dots cost thousands of small copies, not thousands of ellipses.
    if (lod != spriteLod_) {
      sprites_.clear();
      spriteLod_ = lod;
    }
    const double dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    const QRectF vis = option->exposedRect.adjusted(-40, -40, 40, 40);
    p->save();
    p->resetTransform();
    double opacity = 1;
    for (const auto& [k, n] : scene_->nodes_) {
      if (!n->blobbed()) continue;
      const QPointF at = n->pos();
      if (!vis.contains(at)) continue;
      const double o = n->opacity();
      if (o <= 0) continue;
      if (o != opacity) p->setOpacity(opacity = o);
      const uint64_t key = n->blobKey();
      auto it = sprites_.find(key);
      if (it == sprites_.end()) {
        const double half = (n->radius() + 6) * n->scale() * lod + 1.5;
        const int side = int(std::ceil(2 * half * dpr));
        QImage img(side, side, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(dpr);
        img.fill(Qt::transparent);
        QPainter ip(&img);
        ip.setRenderHint(QPainter::Antialiasing, lod > 0.3);
        ip.setPen(Qt::NoPen);
        ip.translate(half, half);
        ip.scale(lod, lod);
        n->paintBlob(&ip, QPointF(0, 0));
        ip.end();
        it = sprites_.emplace(key, Sprite{std::move(img), half}).first;
      }
      const QPointF d = wt.map(at);
      p->drawImage(QPointF(d.x() - it->second.half, d.y() - it->second.half), it->second.image);
    }
    p->restore();
  }

private:
  bool bandMatches(double lod) const {
    const double v = scene_->viewLod_;
    return v > 0 && (lod < 0.22) == (v < 0.22) && (lod < 0.45) == (v < 0.45);
  }
  void paintDirect(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget, double lod) {
    const QRectF vis = option->exposedRect.adjusted(-200, -200, 200, 200);
    for (const auto& [k, n] : scene_->nodes_) {
      if (!n->blobbed()) continue;
      const QPointF at = n->pos();
      if (!vis.contains(at)) continue;
      const double o = n->opacity();
      if (o <= 0) continue;
      p->save();
      p->setOpacity(o);
      if (n->wantsBlob(lod)) {
        p->setRenderHint(QPainter::Antialiasing, lod > 0.3);
        p->setPen(Qt::NoPen);
        n->paintBlob(p, at);
      } else {
        p->translate(at);
        p->scale(n->scale(), n->scale());
        QStyleOptionGraphicsItem opt(*option);
        opt.state = n->isSelected() ? QStyle::State_Selected : QStyle::State_None;
        opt.exposedRect = n->boundingRect();
        n->paint(p, &opt, widget);
      }
      p->restore();
    }
  }
  struct Sprite {
    QImage image;
    double half;
  };
  std::unordered_map<uint64_t, Sprite> sprites_;
  double spriteLod_ = -1;

private:
  GraphScene* scene_;
  QRectF rect_;
};

// The observer: where commands from the window (kill, exit, send ...) come from. An eye at the
// left edge of the graph, labelled, so a pulse from "outside the runtime" has a visible source.
class ObserverGlyph final : public QGraphicsItem {
public:
  ObserverGlyph() {
    setZValue(15);
    setAcceptedMouseButtons(Qt::NoButton);
    setToolTip(QObject::tr("The observer: commands from this window (kill, exit, send, trap_exit) start here"));
  }
  QRectF boundingRect() const override {
    const double half = std::max(106.0, halfWidth() + 4);
    return QRectF(-half, -36, 2 * half, 99);
  }
  /// Half the width its label takes (scene units; the eye is narrower), in the current language.
  /// Measured again only when the text or the scene's font changed (it is asked every tick).
  double halfWidth() const {
    QFont f = scene() ? scene()->font() : QFont();
    f.setPixelSize(13);
    f.setBold(true);
    const QString text = QObject::tr("observer");
    if (text != halfFor_ || f != halfFont_) {
      halfFor_ = text;
      halfFont_ = f;
      half_ = std::max(30.0, QFontMetricsF(f).horizontalAdvance(text) * 1.5 / 2);
    }
    return half_;
  }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override {
    p->setRenderHint(QPainter::Antialiasing, true);
    p->scale(1.5, 1.5);
    const QColor ink = style::observerColor();
    p->setPen(QPen(ink, 2.5));
    p->setBrush(QColor(ink.red(), ink.green(), ink.blue(), 40));
    QPainterPath eye;
    eye.moveTo(-20, 0);
    eye.quadTo(0, -22, 20, 0);
    eye.quadTo(0, 22, -20, 0);
    p->drawPath(eye);
    p->setBrush(ink);
    p->drawEllipse(QPointF(0, 0), 6, 6);
    QFont f = p->font();
    f.setPixelSize(13);
    f.setBold(true);
    p->setFont(f);
    // Laid out once (again when the language or font changes), not every frame.
    const QString text = QObject::tr("observer");
    if (text != label_.text() || f != labelFont_) {
      label_ = QStaticText(text);
      label_.setTextFormat(Qt::PlainText);
      label_.prepare(QTransform(), f);
      labelFont_ = f;
    }
    const QSizeF size = label_.size();
    p->drawStaticText(QPointF(-size.width() / 2, 30 - size.height() / 2), label_);
  }

private:
  QStaticText label_;
  QFont labelFont_;
  mutable QString halfFor_;  // halfWidth()'s cache: the text and font it measured
  mutable QFont halfFont_;
  mutable double half_ = 30;
};

}  // namespace actorscope::views
