#include "GraphScene.h"

#include "EventText.h"
#include "GraphStyle.h"
#include "NodeItem.h"
#include "TreeLayout.h"

#include "actorscope/console/session.hpp"

#include <QGraphicsItem>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_set>

namespace actorscope::views {

namespace {
constexpr double kEnvelopeMs = 800;
constexpr double kFizzleMs = 650;
constexpr size_t kMaxMessagesDrawn = 150;  // envelopes on their way at once; more are not drawn
constexpr size_t kMaxAnims = 800;
constexpr int kMaxPulseLabels = 40;
constexpr size_t kCrowd = 400;        // more nodes than this: level of detail for a crowd   // beyond this many, labels would only cover each other
constexpr double kInFlightHold = 0.9;  // where an undelivered, untracked signal waits
constexpr double kFinishMs = 320;      // a tracked signal, once delivered, finishes its way in this
constexpr double kSameTimeAt = 0.5;    // a tracked signal due the moment it was sent waits here
constexpr double kCell = 170;          // force layout grid bucket
constexpr double kMaxRoom = 2 * kCell;  // label room of a free node with nobody beside it

double len(QPointF v) { return std::hypot(v.x(), v.y()); }

uint64_t pairKey(uint32_t a, uint32_t b) {
  return (uint64_t(std::min(a, b)) << 32) | std::max(a, b);
}
}  // namespace

double SignalAnim::progress(double now) const {
  if (dur <= 0) return 1;
  return std::clamp((now - t0) / dur, 0.0, 1.0);
}

// ---- layers ------------------------------------------------------------------------------------

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
    const bool thin = lod < 0.4 || (scene_->crowd_ && lod < 0.6);
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
    struct Faded {
      QLineF line;
      const QPen* pen;
      double opacity;
      bool head;
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
      if (e.kind == GraphEdge::Tree || e.kind == GraphEdge::Link) {
        const bool tree = e.kind == GraphEdge::Tree;
        if (fade < 1)
          faded.push_back({QLineF(pa, pb), tree ? &treePen : &linkPen, fade, false});
        else
          (tree ? tree_ : links_).append(QLineF(pa, pb));
      } else {
        // Watcher -> target, offset a little so it does not hide a link between the same pair.
        QPointF d = pb - pa;
        const double l = len(d);
        if (l < 1) continue;
        QPointF u = d / l, n(-u.y(), u.x());
        pa += n * 7;
        pb += n * 7;
        const QPointF tip = pb - u * (b->radius() + 8);
        const QPointF start = pa + u * (a->radius() + 4);
        if (fade < 1) {
          faded.push_back({QLineF(start, tip), &monPen, fade, !thin});
        } else {
          mons_.append(QLineF(start, tip));
          if (!thin) heads_.append(QLineF(tip, tip - u));
        }
      }
    }
    auto head = [&](QPointF tip, QPointF u) {
      const QPointF n(-u.y(), u.x());
      QPolygonF h;
      h << tip << tip - u * 16 + n * 8 << tip - u * 16 - n * 8;
      p->drawPolygon(h);
    };
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
    for (const Faded& f : faded) {
      p->setOpacity(f.opacity);
      p->setPen(*f.pen);
      p->setBrush(Qt::NoBrush);
      p->drawLine(f.line);
      if (f.head) {
        const double l = f.line.length();
        if (l < 0.01) continue;
        p->setPen(Qt::NoPen);
        p->setBrush(style::monitorColor());
        head(f.line.p2(), (f.line.p2() - f.line.p1()) / l);
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
  QVector<QLineF> tree_, links_, mons_, heads_;  // per paint, kept to reuse their memory
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
    const double k = std::clamp(0.85 / std::max(lod, 0.01), 1.0, 2.6);
    QFont f = p->font();
    f.setPixelSize(int(std::lround(std::clamp(11.5 / std::max(lod, 0.01), 13.0, 32.0))));
    f.setBold(true);
    p->setFont(f);
    const QFontMetricsF fm(f);
    const bool labels = f.pixelSize() * lod >= 8;
    int labelled = 0;
    for (const SignalAnim& a : scene_->anims_) {
      const bool tracked = a.rtProgress >= 0 && !a.delivered;
      if (now < a.t0 && !tracked) continue;
      const QPointF to = scene_->posOf(a.to, a.toPos);
      QPointF from = a.from ? scene_->posOf(a.from, a.fromPos) : a.fromPos;
      double t = tracked ? a.rtProgress : a.progress(now);
      switch (a.kind) {
        case SignalAnim::ExitPulse:
        case SignalAnim::DownPulse:
        case SignalAnim::KillBolt:
        case SignalAnim::Message: {
          if (!a.delivered && !tracked && a.kind != SignalAnim::Message) t = std::min(t, kInFlightHold);
          const QPointF d = to - from;
          const double l = len(d);
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
          const double startGap = a.from ? 26 : 0;
          const double endGap = 28 + 4 * k;
          const double usable = std::max(1.0, l - startGap - endGap);
          const QPointF head = from + u * (startGap + usable * t);
          const QPointF tail = from + u * (startGap + usable * std::max(0.0, t - 0.3));
          if (a.kind == SignalAnim::Message) {
            // An envelope on its way; one from the observer carries its message as a label.
            QRectF env(head.x() - 9 * k, head.y() - 6 * k, 18 * k, 12 * k);
            p->setPen(QPen(QColor(0x55, 0x55, 0x66), 1.5));
            p->setBrush(QColor(0xff, 0xfb, 0xe8));
            p->drawRect(env);
            p->drawLine(env.topLeft(), env.center());
            p->drawLine(env.topRight(), env.center());
            if (!a.text.isEmpty() && labels) {
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
          if (labels && labelled++ < kMaxPulseLabels) {
            const QString& text = a.text;
            const double w = fm.horizontalAdvance(text) + fm.height() * 0.6;
            const double h = fm.height() + 2;
            QRectF box(head.x() - w / 2, head.y() - r - h - 4, w, h);
            p->setPen(Qt::NoPen);
            p->setBrush(QColor(a.color.red(), a.color.green(), a.color.blue(), 235));
            p->drawRoundedRect(box, h / 3, h / 3);
            p->setPen(Qt::white);
            p->drawText(box, Qt::AlignCenter, text);
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

private:
  GraphScene* scene_;
  QRectF rect_;
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
  QRectF boundingRect() const override { return QRectF(-69, -36, 138, 99); }
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
    p->drawText(QRectF(-46, 20, 92, 20), Qt::AlignCenter, QObject::tr("observer"));
  }
};

// ---- scene ---------------------------------------------------------------------------------------

GraphScene::GraphScene(ObserverModel* model, QObject* parent)
    : QGraphicsScene(parent), model_(model), edgeLayer_(new EdgeLayer(this)), signalLayer_(new SignalLayer(this)), nodeLayer_(new NodeLayer(this)) {
  setItemIndexMethod(QGraphicsScene::NoIndex);  // items move every frame
  addItem(edgeLayer_);
  addItem(signalLayer_);
  nodeLayer_->setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
  addItem(nodeLayer_);
  observer_ = new ObserverGlyph;
  observer_->setVisible(false);
  addItem(observer_);
  clock_.start();
  for (const auto& [key, r] : model->processes()) addNode(r, 0);
  connect(model, &ObserverModel::updated, this, &GraphScene::onUpdated);
  connect(this, &QGraphicsScene::selectionChanged, this, [this] { emit selectedPidChanged(selectedPid()); });
}

GraphScene::~GraphScene() {
  // Items go while this is still a GraphScene: no selectionChanged into a half-destroyed object.
  blockSignals(true);
  clear();
}

double GraphScene::now() const { return double(clock_.nsecsElapsed()) / 1e6; }

void GraphScene::reset() {
  clearBlastRadius();
  for (auto& [k, n] : nodes_) {
    removeItem(n);
    delete n;
  }
  nodes_.clear();
  anims_.clear();
  drawnMessages_.clear();
  plannedTravel_.clear();
  animSet_.clear();
  gliding_.clear();
  rectDirty_ = true;
  edgeLayer_->edges.clear();
  edgeDelays_.clear();
  treesDirty_ = edgesDirty_ = true;
  heat_ = 1;
}

void GraphScene::setRuntimeClock(int64_t nowNs, bool running) {
  rtNow_ = nowNs;
  rtNowAt_ = now();
  rtRunning_ = running;
}

int64_t GraphScene::runtimeNow(double nowMs) const {
  if (!rtRunning_) return rtNow_;
  return rtNow_ + int64_t(std::max(0.0, nowMs - rtNowAt_) * 1e6);
}

void GraphScene::setInFlight(const std::vector<InFlightSignal>& inFlight) {
  // Pair each undelivered pulse with the runtime's signal between the same ends, in order.
  struct Key {
    uint32_t from, to;
    bool down;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const { return std::hash<uint64_t>()((uint64_t(k.from) << 33) ^ (uint64_t(k.to) << 1) ^ k.down); }
  };
  std::unordered_map<Key, std::deque<const InFlightSignal*>, KeyHash> byEnds;
  for (const InFlightSignal& s : inFlight) {
    if (s.type != SignalType::Exit && s.type != SignalType::Down) continue;
    const uint32_t from = s.from.valid() && node(s.from.serial()) ? s.from.serial() : 0;
    byEnds[{from, s.to.serial(), s.type == SignalType::Down}].push_back(&s);
  }
  for (SignalAnim& a : anims_) {
    a.listed = false;
    if (a.delivered || (a.kind != SignalAnim::ExitPulse && a.kind != SignalAnim::KillBolt && a.kind != SignalAnim::DownPulse))
      continue;
    auto it = byEnds.find({a.from, a.to, a.kind == SignalAnim::DownPulse});
    if (it == byEnds.end() || it->second.empty()) continue;
    const InFlightSignal* s = it->second.front();
    it->second.pop_front();
    // Unknown departure (0): the moment it was first listed.
    a.rtSent = s->sent_ns > 0 ? s->sent_ns : a.rtSent >= 0 ? a.rtSent : std::min(s->due_ns, rtNow_);
    a.rtDue = s->due_ns;
    a.listed = true;
  }
}

void GraphScene::setViewLod(double lod) {
  viewLod_ = lod;
  const int band = lod < 0.22 ? 0 : lod < 0.45 ? 1 : 2;
  if (band == lodBand_) return;
  lodBand_ = band;
  for (auto& [k, n] : nodes_) n->refreshBlob();
  nodeLayer_->update();
}

NodeItem* GraphScene::node(Pid pid) const { return node(pid.serial()); }
NodeItem* GraphScene::node(uint32_t serial) const {
  auto it = nodes_.find(serial);
  return it == nodes_.end() ? nullptr : it->second;
}

int GraphScene::nodeCount() const {
  int n = 0;
  for (const auto& [k, item] : nodes_) n += item->dying() ? 0 : 1;
  return n;
}

QPointF GraphScene::posOf(uint32_t serial, const QPointF& fallback) const {
  NodeItem* n = node(serial);
  return n ? n->pos() : fallback;
}

QRectF GraphScene::nodesRect() const {
  if (!rectDirty_) return nodesRect_;
  rectDirty_ = false;
  if (nodes_.empty()) return nodesRect_ = QRectF();
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const auto& [k, n] : nodes_) {
    const QPointF p = n->pos();
    x0 = std::min(x0, p.x());
    y0 = std::min(y0, p.y());
    x1 = std::max(x1, p.x());
    y1 = std::max(y1, p.y());
  }
  // Each node with its label below (labels grow when zoomed out) and its badge above.
  return nodesRect_ = QRectF(QPointF(x0 - 60, y0 - 50), QPointF(x1 + 60, y1 + 120));
}

Pid GraphScene::selectedPid() const {
  for (QGraphicsItem* i : selectedItems())
    if (auto* n = dynamic_cast<NodeItem*>(i)) return n->pid();
  return {};
}

void GraphScene::selectPid(Pid pid) {
  NodeItem* n = node(pid);
  if (n && n->isSelected() && selectedItems().size() == 1) return;
  QSignalBlocker block(this);
  clearSelection();
  if (n) n->setSelected(true);
  block.unblock();
  emit selectedPidChanged(selectedPid());
}

NodeItem* GraphScene::findNode(const QString& text) const {
  const QString t = text.trimmed();
  if (t.isEmpty()) return nullptr;
  NodeItem* best = nullptr;
  for (const auto& [k, n] : nodes_) {
    if (n->dying()) continue;
    const QString pidText = QString::fromStdString(inspect_pid(n->pid()));
    if (n->label().compare(t, Qt::CaseInsensitive) == 0 || pidText == t) return n;
    if (!best && (n->label().contains(t, Qt::CaseInsensitive) || pidText.contains(t))) best = n;
  }
  return best;
}

std::vector<GraphEdge> GraphScene::edges() const { return edgeLayer_->edges; }

std::optional<GraphEdge> GraphScene::edgeAt(QPointF q, double tol) const {
  std::optional<GraphEdge> best;
  double bestD = tol;
  for (const GraphEdge& e : edgeLayer_->edges) {
    const NodeItem* a = node(e.from);
    const NodeItem* b = node(e.to);
    if (!a || !b) continue;
    QPointF pa = a->pos(), pb = b->pos();
    const QPointF d = pb - pa;
    const double l2 = d.x() * d.x() + d.y() * d.y();
    if (l2 < 1) continue;
    if (e.kind == GraphEdge::Monitor) {  // drawn offset to the side (see EdgeLayer)
      const double l = std::sqrt(l2);
      const QPointF n(-d.y() / l, d.x() / l);
      pa += n * 7;
      pb += n * 7;
    }
    const double t = std::clamp(((q.x() - pa.x()) * d.x() + (q.y() - pa.y()) * d.y()) / l2, 0.0, 1.0);
    const QPointF c = pa + d * t;
    const double dist = std::hypot(q.x() - c.x(), q.y() - c.y());
    if (dist < bestD) {
      bestD = dist;
      best = e;
    }
  }
  return best;
}

int GraphScene::edgeDelayMs(uint32_t a, uint32_t b) const {
  const auto it = edgeDelays_.find(pairKey(a, b));
  return it == edgeDelays_.end() ? 0 : it->second;
}

void GraphScene::showBlastRadius(Pid target, const BlastRadius& radius) {
  clearBlastRadius();
  auto mark = [&](Pid p, NodeItem::Preview how) {
    if (NodeItem* n = node(p)) {
      n->setPreview(how);
      previewed_.push_back(p.serial());
    }
  };
  for (const auto& d : radius.dies) mark(d.pid, NodeItem::Preview::Dies);
  for (Pid p : radius.trapsExit) mark(p, NodeItem::Preview::TrapsExit);
  for (Pid p : radius.getsDown) mark(p, NodeItem::Preview::GetsDown);
  if (NodeItem* n = node(target); n && n->preview() == NodeItem::Preview::None) mark(target, NodeItem::Preview::Target);
  previewTarget_ = target.serial();
}

void GraphScene::clearBlastRadius() {
  for (uint32_t s : previewed_)
    if (NodeItem* n = node(s)) n->setPreview(NodeItem::Preview::None);
  previewed_.clear();
  previewTarget_ = 0;
}

// ---- model updates -------------------------------------------------------------------------------

NodeItem* GraphScene::addNode(const ProcessRecord& r, double now) {
  auto* n = new NodeItem(r.pid);
  n->setRecord(r);
  n->crowd = crowd_;
  n->relations = r.links.size() + r.monitors.size() + r.monitored_by.size();
  const QPointF p = placeNew(r);
  n->setPos(p);
  n->target = p;
  n->setAppearAt(now);
  n->setScale(0.01);
  addItem(n);
  nodes_[r.pid.serial()] = n;
  n->refreshBlob();
  animSet_.insert(r.pid.serial());
  rectDirty_ = true;
  treesDirty_ = edgesDirty_ = true;
  heat_ = 1;
  return n;
}

QPointF GraphScene::placeNew(const ProcessRecord& r) {
  // Near whoever it is linked to or was spawned by; else in the free area.
  const double jitterX = double(int(r.pid.serial() * 2654435761u % 120) - 60);
  const double jitterY = double(int(r.pid.serial() * 40503u % 80) - 40);
  if (NodeItem* parent = node(r.parent); parent && !parent->dying())
    return parent->pos() + QPointF(jitterX, style::kLevelGap + jitterY * 0.3);
  for (Pid peer : r.links)
    if (NodeItem* n = node(peer)) return n->pos() + QPointF(jitterX + 90, jitterY + 60);
  const int k = int(nodes_.size());
  if (k < 48)
    return QPointF(freeOriginX_ + 160 + (k % 6) * 150 + jitterX * 0.2, 80 + (k / 6 % 8) * 140 + jitterY * 0.2);
  // A crowd: a sunflower spiral around the free area's centre, evenly dense however many come,
  // so the force layout does not start from piles of nodes on the same few spots.
  const double golden = M_PI * (3 - std::sqrt(5.0));
  const double rad = 110 * std::sqrt(double(k - 48) + 60);
  return QPointF(freeOriginX_ + 380 + rad * std::cos(k * golden) + jitterX * 0.2, 260 + rad * std::sin(k * golden) + jitterY * 0.2);
}

void GraphScene::onUpdated(const ModelDelta& d) {
  const double t = now();
  // For the presentation log: the event each change stands for.
  std::unordered_map<uint32_t, uint64_t> spawnSeq, mailboxSeq;
  if (presentationLog_ && d.events)
    for (const TraceEvent& e : *d.events) {
      if (e.kind == TraceKind::Spawn) spawnSeq[e.a.serial()] = e.seq;
      if (e.kind == TraceKind::Send || e.kind == TraceKind::SignalDelivered) mailboxSeq[e.b.serial()] = e.seq;
      if (e.kind == TraceKind::Receive) mailboxSeq[e.a.serial()] = e.seq;
    }
  for (uint32_t s : d.added)
    if (const ProcessRecord* r = model_->find(s); r && !node(s)) {
      addNode(*r, t);
      if (presentationLog_) {
        auto it = spawnSeq.find(s);
        logPresented(t, it != spawnSeq.end() ? it->second : model_->lastSnapshotSeq(), "node_shown", s, 0, 0, nullptr);
      }
    }
  if (d.events)
    for (const TraceEvent& e : *d.events) handleEvent(e, t);
  for (uint32_t s : d.removed)
    if (NodeItem* n = node(s); n && !n->dying()) {
      const ProcessRecord* r = model_->findAny(s);
      n->scheduleDeath(std::max(t, arrivalAt(s)), r ? r->exit_reason : Term());
      logPresented(n->deathAt(), model_->lastSnapshotSeq(), "node_ended", s, 0, 0, nullptr);
      animSet_.insert(s);
    }
  bool grew = !d.added.empty();
  for (uint32_t s : d.updated)
    if (NodeItem* n = node(s))
      if (const ProcessRecord* r = model_->find(s)) {
        const bool sup = n->isSupervisor();
        const uint32_t mailbox = n->mailbox();
        n->setRecord(*r);
        if (presentationLog_ && n->mailbox() != mailbox) {
          auto it = mailboxSeq.find(s);
          logPresented(t, it != mailboxSeq.end() ? it->second : 0, "badge", s, 0, 0, nullptr, n->mailbox());
        }
        if (sup != n->isSupervisor()) treesDirty_ = true;
        // A new edge pulls the node towards its peer; an edge lost to a death moves nothing, so a
        // cascade does not make the survivors collapse into the gaps.
        const size_t rel = r->links.size() + r->monitors.size() + r->monitored_by.size();
        if (rel > n->relations) {
          n->heat = std::max(n->heat, 0.35);
          grew = true;
        } else if (rel < n->relations) {
          n->heat = 0;  // lost a peer (to a death, an unlink): it stays where it is
        }
        n->relations = rel;
      }
  if (d.relationsChanged || !d.added.empty() || !d.removed.empty()) {
    edgesDirty_ = true;
    treesDirty_ = true;
    if (grew) heat_ = std::max(heat_, 0.6);
  }
  animating_ = true;
}

double GraphScene::arrivalAt(uint32_t serial) const {
  double at = -1;
  for (const SignalAnim& a : anims_)
    if (a.to == serial && (a.kind == SignalAnim::ExitPulse || a.kind == SignalAnim::KillBolt) &&
        (!a.delivered || a.outcome == SignalOutcome::Killed))
      at = std::max(at, a.t0 + a.dur);
  return at;
}

double GraphScene::departureAt(uint32_t serial, double now) const {
  NodeItem* n = node(serial);
  if (n && n->dying()) return std::max(now, n->deathAt());
  return now;
}

std::optional<SignalAnim> GraphScene::signalAnim(Pid from, Pid to, SignalType type, const Term& reason, bool linked,
                                                 double t0) const {
  NodeItem* target = node(to.serial());
  if (!target) return std::nullopt;
  SignalAnim s;
  s.from = from.valid() && node(from.serial()) ? from.serial() : 0;
  s.to = to.serial();
  s.toPos = target->pos();
  s.sender = from.valid() ? from.serial() : 0;
  // From its sender; from the observer's glyph when it came from outside the runtime.
  s.fromPos = s.from ? node(s.from)->pos() : !from.valid() ? observerPos() : target->pos() + QPointF(150, -120);
  s.reason = reason;
  s.text = type == SignalType::Down ? QStringLiteral("DOWN ") + QString::fromStdString(inspect(reason))
                                    : QString::fromStdString(inspect(reason));
  s.t0 = t0;
  s.dur = std::max(travelMs_, latencyMs_);
  if (type == SignalType::Down) {
    s.kind = SignalAnim::DownPulse;
    s.color = style::downColor();
  } else {
    s.kind = reason.is_atom(atoms::kill) && !linked ? SignalAnim::KillBolt : SignalAnim::ExitPulse;
    s.color = style::reasonColor(reason);
  }
  return s;
}

void GraphScene::addInFlight(const std::vector<InFlightSignal>& inFlight) {
  const double t = now();
  for (const InFlightSignal& f : inFlight)
    if (f.type == SignalType::Exit || f.type == SignalType::Down)
      if (auto anim = signalAnim(f.from, f.to, f.type, f.term, f.linked, t)) addAnim(std::move(*anim));
  setInFlight(inFlight);
  animating_ = true;
}

void GraphScene::addAnim(SignalAnim a) {
  if (anims_.size() >= kMaxAnims) {
    // Shed message dots first, then the oldest.
    auto it = std::find_if(anims_.begin(), anims_.end(), [](const SignalAnim& x) { return x.kind == SignalAnim::Message; });
    if (it == anims_.end()) it = anims_.begin();
    if (it->kind == SignalAnim::Message) drawnMessages_.erase(it->seq);
    anims_.erase(it);
  }
  anims_.push_back(std::move(a));
}

void GraphScene::deliver(const TraceEvent& e, double now) {
  const bool down = e.signal == SignalType::Down;
  const uint32_t a = e.a.serial(), b = e.b.serial();
  for (SignalAnim& s : anims_) {
    if (s.delivered || s.to != b) continue;
    if (down != (s.kind == SignalAnim::DownPulse)) continue;
    if (s.kind == SignalAnim::Message || s.kind == SignalAnim::Envelope || s.kind == SignalAnim::Fizzle) continue;
    if (s.from != (e.a.valid() ? a : 0) && s.from != 0) continue;
    s.delivered = true;
    s.outcome = e.outcome;
    s.landSeq = e.seq;
    if (s.rtProgress >= 0) {
      // Tracked: play the rest of the way from where it was, briefly.
      const double p = std::clamp(s.rtProgress, 0.0, 0.999);
      s.dur = kFinishMs / (1 - p);
      s.t0 = now - p * s.dur;
      s.rtProgress = -1;
    } else if (now < s.t0 + s.dur) {
      // The playhead presents the outcome now: the pulse has landed by now.
      s.dur = std::max(1.0, now - s.t0);
    }
    return;
  }
}

void GraphScene::departure(const TraceEvent& send, double travelMs) {
  const double t = now();
  const uint32_t a = send.a.serial(), b = send.b.serial();
  NodeItem* to = node(b);
  NodeItem* from = send.a.valid() ? node(a) : nullptr;
  if (!to || (send.a.valid() && (!from || from == to))) return;
  // Every message is drawn while few are on their way; a flood is sampled (its badges still rise).
  if (send.a.valid() && drawnMessages_.size() >= kMaxMessagesDrawn) return;
  SignalAnim s;
  s.kind = SignalAnim::Message;
  s.from = from ? a : 0;
  s.sender = send.a.valid() ? a : 0;
  s.to = b;
  s.seq = s.landSeq = send.seq;
  s.fromPos = from ? from->pos() : observerPos();
  s.toPos = to->pos();
  s.t0 = t;
  s.dur = std::max(1.0, travelMs);
  s.delivered = true;
  s.color = style::observerColor();
  // A message from the window carries its text; the console's own (the line typed) says "input".
  if (!from)
    s.text = QString::fromStdString(console::is_console_protocol(send.term) ? console::console_protocol_label(send.term)
                                                                           : inspect(send.term));
  drawnMessages_.insert(send.seq);
  logPresented(t, send.seq, "pulse_start", 0, a, b, "message", -1, !from);
  addAnim(std::move(s));
}

void GraphScene::handleEvent(const TraceEvent& e, double now) {
  const uint32_t a = e.a.serial();
  const uint32_t b = e.b.serial();
  struct Forget {
    std::unordered_map<uint64_t, double>& m;
    uint64_t seq;
    ~Forget() { if (!m.empty()) m.erase(seq); }
  } forget{plannedTravel_, e.seq};
  switch (e.kind) {
    case TraceKind::SignalSent:
      if (auto anim = signalAnim(e.a, e.b, e.signal, e.term, e.flag, departureAt(a, now))) {
        anim->seq = e.seq;
        if (auto it = plannedTravel_.find(e.seq); it != plannedTravel_.end())
          anim->dur = std::max({1.0, it->second, latencyMs_});
        logPresented(anim->t0, e.seq, "pulse_start", 0, a, b, signalName(*anim), -1, !e.a.valid());
        addAnim(std::move(*anim));
      }
      break;
    case TraceKind::SignalDelivered: deliver(e, now); break;
    case TraceKind::Exit:
      if (NodeItem* n = node(a); n && !n->dying()) {
        // After the signal that killed it lands, and never before it was on screen its minimum time.
        n->scheduleDeath(std::max({now, arrivalAt(a), n->shownAt() + NodeItem::kMinLifeMs}), e.term);
        logPresented(n->deathAt(), e.seq, "node_ended", a, 0, 0, nullptr);
        animSet_.insert(a);
      }
      break;
    case TraceKind::Restart: {
      NodeItem* fresh = node(b);
      NodeItem* old = node(e.pid2.serial());
      if (fresh && old) {
        // The new process appears where the old one was, once the old one has gone.
        fresh->setPos(old->pos());
        fresh->target = old->target;
        fresh->replaces = e.pid2.serial();
        fresh->setPinned(old->pinned());
        const double gone = old->dying() ? old->deathAt() : std::max(now, arrivalAt(e.pid2.serial()));
        fresh->setAppearAt(std::max(now, gone + 900));
        fresh->setScale(0.01);
        animSet_.insert(b);
        rectDirty_ = true;
        treesDirty_ = true;
      }
      if (NodeItem* sup = node(a)) {
        sup->pulseRing(now, style::reasonColor(restartReason(e)));
        animSet_.insert(a);
      }
      break;
    }
    case TraceKind::TrapExit:
      if (NodeItem* n = node(a)) {
        n->pulseRing(now, style::trapColor());
        animSet_.insert(a);
      }
      break;
    case TraceKind::Send:
      // The envelope (drawn at its departure) lands now at the latest: the badge rises now.
      if (drawnMessages_.count(e.seq))
        for (SignalAnim& m : anims_)
          if (m.kind == SignalAnim::Message && m.seq == e.seq) {
            if (now < m.t0 + m.dur) m.dur = std::max(1.0, now - m.t0);
            break;
          }
      break;
    case TraceKind::Fault:
      // A delay on an edge (target and peer): remembered and drawn on that edge.
      if (e.a.valid() && e.b.valid() && e.term.is_integer() && atom_name(e.name) == "delay") {
        const uint64_t key = pairKey(a, b);
        if (e.term.as_integer() > 0)
          edgeDelays_[key] = int(std::min<long long>(e.term.as_integer(), 1'000'000));
        else
          edgeDelays_.erase(key);
        edgesDirty_ = true;
      }
      break;
    default: break;
  }
}

// ---- the tick ------------------------------------------------------------------------------------

void GraphScene::advance(double nowMs) {
  const double t = nowMs >= 0 ? nowMs : now();
  lastNow_ = t;
  bool moving = false;

  // Signals: finish, turn into their outcome, expire.
  std::vector<SignalAnim> born;
  for (auto it = anims_.begin(); it != anims_.end();) {
    SignalAnim& a = *it;
    if (a.rtSent >= 0 && !a.delivered) {
      const int64_t rt = runtimeNow(t);
      a.rtProgress = a.rtDue <= a.rtSent ? (rt >= a.rtDue && rt > a.rtSent ? 1.0 : kSameTimeAt)
                                          : std::clamp(double(rt - a.rtSent) / double(a.rtDue - a.rtSent), 0.0, 1.0);
    }
    const bool ended = t >= a.t0 + a.dur;
    if (!ended) {
      ++it;
      moving = true;
      continue;
    }
    const bool travelling = a.kind == SignalAnim::ExitPulse || a.kind == SignalAnim::KillBolt || a.kind == SignalAnim::DownPulse;
    if (a.kind == SignalAnim::Message) {
      drawnMessages_.erase(a.seq);
      logPresented(a.t0 + a.dur, a.landSeq, "pulse_landed", 0, a.sender, a.to, "message", -1, a.sender == 0);
    }
    if (travelling && a.delivered) logPresented(a.t0 + a.dur, a.landSeq, "pulse_landed", 0, a.sender, a.to, signalName(a), -1, a.sender == 0);
    if (travelling && !a.delivered) {
      // In flight (slow motion, stepping): kept while the runtime lists it, else for a minute.
      if (!a.listed && t - a.t0 > 60'000) it = anims_.erase(it); else ++it;
      continue;
    }
    if (travelling) {
      SignalAnim o;
      o.to = a.to;
      o.toPos = posOf(a.to, a.toPos);
      o.t0 = t;
      o.reason = a.reason;
      o.delivered = true;
      switch (a.outcome) {
        case SignalOutcome::Trapped:
        case SignalOutcome::DownQueued:
          o.kind = SignalAnim::Envelope;
          o.dur = kEnvelopeMs;
          o.color = a.outcome == SignalOutcome::Trapped ? style::reasonColor(a.reason) : style::downColor();
          if (NodeItem* n = node(a.to); n && a.outcome == SignalOutcome::Trapped) {
            n->pulseRing(t, style::trapColor());
            animSet_.insert(a.to);
          }
          born.push_back(o);
          break;
        case SignalOutcome::Killed: break;  // the node flashes and fades (scheduled at arrival)
        default:
          o.kind = SignalAnim::Fizzle;
          o.dur = kFizzleMs;
          o.color = a.outcome == SignalOutcome::DroppedNormal ? style::reasonColor(a.reason) : style::deadColor();
          born.push_back(o);
          break;
      }
    }
    it = anims_.erase(it);
  }
  for (auto& b : born) addAnim(std::move(b));
  if (!anims_.empty()) moving = true;

  // A crowd on show: a simpler drawing per node (see NodeItem::crowd).
  const bool crowd = nodes_.size() > kCrowd;
  if (crowd != crowd_) {
    crowd_ = crowd;
    for (auto& [k, n] : nodes_) {
      n->crowd = crowd;
      n->refreshBlob();
    }
  }

  // Nodes: pop-ins, deaths, removal after the fade.
  std::vector<uint32_t> gone;
  for (auto it = animSet_.begin(); it != animSet_.end();) {
    NodeItem* n = node(*it);
    if (!n) {
      it = animSet_.erase(it);
      continue;
    }
    if (!n->animate(t)) gone.push_back(*it);
    if (n->dying() || n->scale() < 1) moving = true;
    if (n->needsAnimate()) ++it; else it = animSet_.erase(it);
  }
  for (uint32_t k : gone) {
    NodeItem* n = nodes_[k];
    nodes_.erase(k);
    animSet_.erase(k);
    rectDirty_ = true;
    previewed_.erase(std::remove(previewed_.begin(), previewed_.end(), k), previewed_.end());
    removeItem(n);
    delete n;
    edgesDirty_ = treesDirty_ = true;
  }

  if (treesDirty_) relayoutTrees();
  if (edgesDirty_) {
    edgesDirty_ = false;
    std::vector<GraphEdge>& out = edgeLayer_->edges;
    out.clear();
    std::unordered_set<uint64_t> links;
    for (const auto& [k, n] : nodes_) {
      n->springs.clear();
      const ProcessRecord* r = model_->findAny(k);
      if (!r) continue;
      if (r->alive && model_->find(k)) {  // the force layout's springs, as the live record has them
        auto spring = [&](Pid other) {
          if (NodeItem* m = node(other)) n->springs.push_back(m);
        };
        for (Pid o : r->links) spring(o);
        for (const auto& [ref, o] : r->monitors) spring(o);
        for (const auto& [ref, o] : r->monitored_by) spring(o);
      }
      for (Pid peer : r->links)
        if (node(peer) && links.insert(pairKey(k, peer.serial())).second) out.push_back({GraphEdge::Link, k, peer.serial()});
      for (const auto& [ref, target] : r->monitors)
        if (node(target)) out.push_back({GraphEdge::Monitor, k, target.serial()});
      if (!r->alive)  // a dead target keeps its arrows while it fades
        for (const auto& [ref, watcher] : r->monitored_by)
          if (NodeItem* w = node(watcher); w && !w->dying()) out.push_back({GraphEdge::Monitor, watcher.serial(), k});
    }
    for (const auto& [k, n] : nodes_) {
      const ProcessRecord* r = model_->findAny(k);
      if (!r || !n->inTree || !node(r->parent)) continue;
      if (!links.count(pairKey(k, r->parent.serial()))) out.push_back({GraphEdge::Tree, r->parent.serial(), k});
    }
    moving = true;
  }

  // Layout: tree nodes glide to their slots; free nodes follow the forces.
  for (size_t i = 0; i < gliding_.size();) {
    NodeItem* n = node(gliding_[i]);
    const QPointF d = n ? n->target - n->pos() : QPointF();
    if (!n || !n->inTree || n->pinned() || std::abs(d.x()) + std::abs(d.y()) <= 0.5) {
      gliding_[i] = gliding_.back();
      gliding_.pop_back();
      continue;
    }
    ++i;
    if (n->dragging()) continue;
    n->setPos(n->pos() + d * 0.22);
    rectDirty_ = true;
    moving = true;
  }
  if (heat_ > 0.02) {
    forceStep();
    moving = true;
  }

  observer_->setVisible(!nodes_.empty());
  if (!nodes_.empty() && observer_->pos() != observerPos()) observer_->setPos(observerPos());
  const QRectF r = nodesRect().adjusted(-300, -300, 300, 300);
  edgeLayer_->setRect(r);
  signalLayer_->setRect(r);
  nodeLayer_->setRect(r);
  animating_ = moving;
  if (moving) {
    edgeLayer_->update();
    signalLayer_->update();
    nodeLayer_->update();
  }
}

void GraphScene::relayoutTrees() {
  treesDirty_ = false;
  // The layout itself is a pure function (TreeLayout.h); here: its input from the nodes on
  // screen, and its slots back onto them.
  std::vector<TreeNode> input;
  input.reserve(nodes_.size());
  for (auto& [k, n] : nodes_) {
    const ProcessRecord* r = n->dying() ? model_->findAny(k) : model_->find(k);
    TreeNode t;
    t.serial = k;
    t.parent = r && node(r->parent) ? r->parent.serial() : 0;  // a dying parent keeps its place
    t.order = n->order;
    t.dying = n->dying();
    t.supervisor = n->isSupervisor();
    t.slotWidth = n->slotWidth();
    if (r || !t.dying) input.push_back(t);
  }
  const TreeLayoutResult trees = layoutTrees(input, style::kSiblingGap, style::kLevelGap);
  layoutWork_ += trees.work;
  for (auto& [k, n] : nodes_) {
    auto it = trees.placement.find(k);
    n->inTree = it != trees.placement.end() && it->second.inTree;
    n->labelRow = 0;
    if (it == trees.placement.end() || !it->second.inTree) continue;
    n->labelRow = it->second.labelRow;
    if (it->second.placed) {
      n->target = QPointF(it->second.x, it->second.y);
      n->room = it->second.room;
    }
  }
  const double x = trees.width;
  const double newOrigin = x > 0 ? x + 60 : 0;
  if (newOrigin > freeOriginX_ + 1) {  // the trees grew into the free area: make room
    heat_ = std::max(heat_, 0.5);
    for (auto& [k, n] : nodes_)
      if (!n->inTree) n->heat = std::max(n->heat, 0.5);
  }
  freeOriginX_ = newOrigin;
  // Brand-new tree nodes start in their slot instead of flying across the scene.
  gliding_.clear();
  for (auto& [k, n] : nodes_) {
    if (!n->inTree) continue;
    gliding_.push_back(k);
    if (n->scale() < 0.05 && !n->dying()) n->setPos(n->target);
  }
  rectDirty_ = true;
}

void GraphScene::forceStep() {
  // Only awake nodes move: a free node sleeps once its heat has run out (it keeps pushing its
  // neighbours away, from the grid, but costs nothing of its own). Grid buckets: repulsion only
  // from nodes in the 3x3 neighbouring cells, O(awake) per step. The buckets are a sorted flat
  // array, rebuilt per step without allocating.
  constexpr double kAsleep = 0.02;
  // Row-major keys, monotone in gy within a column: a column's three cells are one range.
  auto cellKey = [](int64_t gx, int64_t gy) { return int64_t(uint64_t(gx) << 32 | uint32_t(gy + 0x80000000LL)); };
  auto cellOf = [&](QPointF p) { return cellKey(int64_t(std::floor(p.x() / kCell)), int64_t(std::floor(p.y() / kCell))); };
  // Dying nodes still push (they hold their place while they fade), so nobody lands on them.
  grid_.clear();
  grid_.reserve(nodes_.size());
  std::vector<std::pair<uint32_t, NodeItem*>> awake;
  for (auto& [k, n] : nodes_) {
    const QPointF p = n->pos();
    grid_.push_back({cellOf(p), p.x(), p.y(), n});
    if (!(n->inTree || n->pinned() || n->dragging() || n->dying()) && n->heat >= kAsleep) awake.push_back({k, n});
  }
  std::sort(grid_.begin(), grid_.end(), [](const GridEntry& x, const GridEntry& y) { return x.key < y.key; });

  // A crowd steps a bounded share of its awake nodes per tick, in turn (each node still gets
  // every step of its cooling, only spread over more frames): a frame stays within budget.
  constexpr size_t kStepBudget = 2500;
  double restHeat = 0;  // the hottest of those that wait for their turn
  if (awake.size() > kStepBudget) {
    std::sort(awake.begin(), awake.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    auto from = std::lower_bound(awake.begin(), awake.end(), layoutCursor_, [](const auto& e, uint32_t v) { return e.first < v; });
    std::rotate(awake.begin(), from, awake.end());
    for (size_t i = kStepBudget; i < awake.size(); ++i) restHeat = std::max(restHeat, awake[i].second->heat);
    awake.resize(kStepBudget);
    layoutCursor_ = awake.back().first + 1;
  } else {
    layoutCursor_ = 0;
  }

  const QPointF centre(freeOriginX_ + 380, 260);
  double moved = 0;
  double maxHeat = 0;
  int free = 0;
  for (auto& [k, n] : awake) {
    ++free;
    const QPointF p = n->pos();
    QPointF f;
    double room = kMaxRoom;  // labels sit below the nodes: only neighbours about level with it count
    const int64_t cx = int64_t(std::floor(p.x() / kCell)), cy = int64_t(std::floor(p.y() / kCell));
    for (int64_t gx = cx - 1; gx <= cx + 1; ++gx) {
        const int64_t key = cellKey(gx, cy - 1), last = cellKey(gx, cy + 1);
        auto it = std::lower_bound(grid_.begin(), grid_.end(), key, [](const GridEntry& e, int64_t v) { return e.key < v; });
        for (; it != grid_.end() && it->key <= last; ++it) {
          NodeItem* m = it->n;
          if (m == n) continue;
          QPointF d(p.x() - it->x, p.y() - it->y);
          const double l2 = d.x() * d.x() + d.y() * d.y();
          if (std::abs(d.y()) < 60) room = std::min(room, std::abs(d.x()));
          if (l2 >= kCell * kCell * 1.44) continue;  // out of reach
          if (n->replaces && m->dying() && m->pid().serial() == n->replaces) continue;
          ++layoutWork_;
          double l = std::sqrt(l2);
          if (l < 0.01) {
            d = QPointF(1.0 + double(k % 7), double(k % 5) - 2);  // never (0, 0): no NaN
            l = len(d);
          }
          f += d / l * (kCell * kCell / l) * 0.05;
        }
      }
    for (NodeItem* m : n->springs) {
      if (m->dying()) continue;
      const QPointF d = m->pos() - p;
      const double l = len(d);
      if (l > 0.01) f += d / l * (l - style::kLinkRest) * 0.03;
    }
    f += (centre - p) * 0.004;
    // Keep free nodes out of the tree area.
    if (p.x() < freeOriginX_) f.rx() += (freeOriginX_ - p.x()) * 0.08;
    n->room = std::max(room, 2 * n->radius() + 24);
    n->velocity = (n->velocity + f) * 0.55;
    const double v = len(n->velocity);
    const double cap = 40 * n->heat;
    n->heat *= 0.985;
    if (v > cap) n->velocity *= cap / v;
    if (n->velocity != QPointF()) n->setPos(p + n->velocity);
    moved += len(n->velocity);
    maxHeat = std::max(maxHeat, n->heat);
  }
  if (free) rectDirty_ = true;
  heat_ = std::max(maxHeat, restHeat);
  if (restHeat < 0.02 && (free == 0 || moved / std::max(1, free) < 0.02)) heat_ = 0;
}

QPointF GraphScene::observerPos() const {
  const QRectF r = nodesRect();
  if (r.isNull()) return {0, 0};
  return {r.left() - 70, r.top() + 40};  // beside the leftmost node, never on it
}

QRectF GraphScene::observerRect() const {
  if (nodes_.empty()) return {};
  return QRectF(observerPos() + QPointF(-69, -36), QSizeF(138, 99));
}

const char* GraphScene::signalName(const SignalAnim& a) {
  switch (a.kind) {
    case SignalAnim::DownPulse: return "down";
    case SignalAnim::Message: return "message";
    default: return "exit";
  }
}

void GraphScene::logPresented(double t, uint64_t seq, const char* kind, uint32_t pid, uint32_t from, uint32_t to,
                              const char* signal, int64_t count, bool fromObserver) {
  if (!presentationLog_) return;
  auto pidText = [](uint32_t serial) { return QStringLiteral("#PID<0.%1.0>").arg(serial); };
  QJsonObject o;
  o.insert(QStringLiteral("t"), std::round(t * 10) / 10);
  o.insert(QStringLiteral("seq"), qint64(seq));
  o.insert(QStringLiteral("kind"), QLatin1String(kind));
  if (pid) o.insert(QStringLiteral("pid"), pidText(pid));
  if (signal) {
    o.insert(QStringLiteral("from"), fromObserver ? QStringLiteral("observer") : pidText(from));
    o.insert(QStringLiteral("to"), pidText(to));
    o.insert(QStringLiteral("signal"), QLatin1String(signal));
  }
  if (count >= 0) o.insert(QStringLiteral("count"), qint64(count));
  presentationLog_(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

}  // namespace actorscope::views
