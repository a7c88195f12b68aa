#include "NodeItem.h"

#include "GraphStyle.h"
#include "ObserverModel.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace actorscope::views {

namespace {
constexpr double kFlashMs = 260;
constexpr double kFadeMs = 1100;
constexpr double kPopMs = 420;
constexpr double kRingMs = 700;

QString countText(uint32_t n) {
  if (n < 1000) return QString::number(n);
  if (n < 100'000) return QStringLiteral("%1k").arg(n / 1000.0, 0, 'f', n < 10'000 ? 1 : 0);
  return QStringLiteral("%1k").arg(n / 1000);
}
}  // namespace

NodeItem::NodeItem(Pid pid) : pid_(pid), pidText_(QString::fromStdString(inspect_pid(pid))) {
  QFont f;
  f.setPixelSize(15);
  f.setBold(true);
  slotWidth_ = QFontMetricsF(f).horizontalAdvance(pidText_) + 26;
  setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
  setAcceptHoverEvents(true);
  setCursor(Qt::PointingHandCursor);
  setZValue(10);
  label_ = pidText_;
}

void NodeItem::setRecord(const ProcessRecord& r) {
  const QString l = ObserverModel::label(r);
  const bool sup = r.supervisor;
  if (l != label_ || sup != supervisor_) prepareGeometryChange();
  label_ = l;
  supervisor_ = sup;
  QFont f;
  f.setPixelSize(15);
  f.setBold(true);
  slotWidth_ = std::max(2 * radius() + 30, QFontMetricsF(f).horizontalAdvance(label_) + 26);
  trap_ = r.trap_exit;
  suspended_ = r.suspended;
  mailbox_ = r.message_queue_len;
  restarts_ = r.restarts;
  order = r.order;
  QString tip = QStringLiteral("%1\nmailbox: %2\ntrap_exit: %3").arg(pidText_).arg(mailbox_).arg(trap_ ? "true" : "false");
  if (r.name != atoms::nil) tip.prepend(label_ + QStringLiteral("  "));
  setToolTip(tip);
  update();
}

double NodeItem::radius() const { return supervisor_ ? style::kSupervisorHalf : style::kWorkerRadius; }

QRectF NodeItem::boundingRect() const {
  const double r = radius() + 14;
  return QRectF(-std::max(r + 80, 95.0), -r - 30, 2 * std::max(r + 80, 95.0), 2 * r + 30 + 40);
}

QPainterPath NodeItem::shape() const {
  QPainterPath path;
  const double r = radius() + 4;
  if (supervisor_)
    path.addRoundedRect(QRectF(-r, -r, 2 * r, 2 * r), 9, 9);
  else
    path.addEllipse(QPointF(0, 0), r, r);
  return path;
}

void NodeItem::scheduleDeath(double at, const Term& reason) {
  if (deathAt_ >= 0) return;
  deathAt_ = at;
  deathColor_ = style::reasonColor(reason);
  setFlag(ItemIsMovable, false);
  setFlag(ItemIsSelectable, false);
  update();
}

void NodeItem::pulseRing(double now, const QColor& c) {
  ringAt_ = now;
  ringColor_ = c;
  update();
}

void NodeItem::setPreview(Preview p) {
  if (p == preview_) return;
  preview_ = p;
  update();
}

void NodeItem::setHighlight(bool on) {
  if (on == highlight_) return;
  highlight_ = on;
  update();
}

bool NodeItem::animate(double now) {
  now_ = now;
  bool changed = false;
  if (appearAt_ >= 0) {
    const double t = (now - appearAt_) / kPopMs;
    double s = 0;
    if (t >= 1) {
      s = 1;
      appearAt_ = -1;
    } else if (t > 0) {
      // ease-out-back: a little overshoot reads as "pop".
      const double c1 = 1.70158, c3 = c1 + 1, u = t - 1;
      s = 1 + c3 * u * u * u + c1 * u * u;
    }
    setScale(std::max(0.01, s));
    changed = true;
  }
  if (deathAt_ >= 0 && now >= deathAt_) {
    const double t = now - deathAt_;
    if (t > kFlashMs + kFadeMs) return false;
    setOpacity(t < kFlashMs ? 1.0 : 1.0 - (t - kFlashMs) / kFadeMs);
    changed = true;
  }
  if (ringAt_ >= 0) {
    if (now - ringAt_ > kRingMs) ringAt_ = -1;
    changed = true;
  }
  if (changed) update();
  return true;
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged && dragging_) moved_ = true;
  return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* e) {
  dragging_ = true;
  moved_ = false;
  QGraphicsItem::mousePressEvent(e);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* e) {
  QGraphicsItem::mouseReleaseEvent(e);
  if (moved_) {
    pinned_ = true;  // a dragged node stays where the user put it
    target = pos();
    velocity = {};
  }
  dragging_ = false;
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
  const double lod = option->levelOfDetailFromTransform(p->worldTransform());
  const double r = radius();
  const bool dead = deathAt_ >= 0 && now_ >= deathAt_;
  const bool flashing = dead && now_ - deathAt_ < kFlashMs;
  QColor body = supervisor_ ? style::supervisorColor() : style::workerColor();
  if (dead) body = flashing ? QColor(Qt::white) : style::deadColor();
  const QRectF box(-r, -r, 2 * r, 2 * r);

  p->setRenderHint(QPainter::Antialiasing, lod > 0.3);

  if (lod < 0.22) {  // far away: a plain blob, nothing else
    p->setPen(Qt::NoPen);
    p->setBrush(mailbox_ >= 50 ? style::heatColor(mailbox_) : body);
    if (supervisor_)
      p->drawRect(box);
    else
      p->drawEllipse(box);
    return;
  }

  // Halo for selection and the blast-radius preview.
  auto ring = [&](double extra, const QColor& c, double width, Qt::PenStyle st = Qt::SolidLine) {
    QPen pen(c, width, st);
    pen.setCosmetic(false);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const double rr = r + extra;
    if (supervisor_)
      p->drawRoundedRect(QRectF(-rr, -rr, 2 * rr, 2 * rr), 10, 10);
    else
      p->drawEllipse(QPointF(0, 0), rr, rr);
  };
  if (isSelected() || highlight_) ring(11, style::selectColor(), 5);
  // Blast-radius preview: a dashed ring and a tag saying what will happen.
  QString tag;
  QColor tagColour;
  switch (preview_) {
    case Preview::None: break;
    case Preview::Target: tagColour = QColor(0xe0, 0x1e, 0x5a); tag = QStringLiteral("target"); break;
    case Preview::Dies: tagColour = QColor(0xe0, 0x1e, 0x5a); tag = QStringLiteral("dies"); break;
    case Preview::TrapsExit: tagColour = style::trapColor().darker(115); tag = QStringLiteral("gets EXIT"); break;
    case Preview::GetsDown: tagColour = style::downColor(); tag = QStringLiteral("gets DOWN"); break;
  }
  if (!tag.isEmpty()) {
    ring(15, tagColour, 5, preview_ == Preview::Target ? Qt::SolidLine : Qt::DashLine);
    QFont tf = p->font();
    tf.setPixelSize(13);
    tf.setBold(true);
    p->setFont(tf);
    const double w = QFontMetricsF(tf).horizontalAdvance(tag) + 12;
    const QRectF box(-r - 18 - w + 22, -r - 24, w, 19);
    p->setPen(Qt::NoPen);
    p->setBrush(tagColour);
    p->drawRoundedRect(box, 6, 6);
    p->setPen(Qt::white);
    p->drawText(box, Qt::AlignCenter, tag);
  }
  if (ringAt_ >= 0) {
    const double t = std::clamp((now_ - ringAt_) / kRingMs, 0.0, 1.0);
    QColor c = ringColor_;
    c.setAlphaF(1.0 - t);
    ring(6 + 22 * t, c, 4);
  }

  // Body, with the mailbox as water that rises with the queue.
  QPainterPath outline;
  if (supervisor_)
    outline.addRoundedRect(box, 9, 9);
  else
    outline.addEllipse(box);
  p->setPen(Qt::NoPen);
  p->setBrush(body);
  p->drawPath(outline);
  if (mailbox_ > 0 && !dead) {
    const double level = std::min(1.0, std::log10(1.0 + mailbox_) / 3.0) * 0.85 + 0.15;
    QColor water = style::heatColor(mailbox_);
    water.setAlpha(230);
    p->save();
    p->setClipPath(outline);
    p->fillRect(QRectF(-r, r - 2 * r * level, 2 * r, 2 * r * level), water);
    p->restore();
  }
  p->setPen(QPen(dead ? QColor(0x70, 0x70, 0x70) : body.darker(150), 2.5));
  p->setBrush(Qt::NoBrush);
  p->drawPath(outline);

  // trap_exit: a shield ring.
  if (trap_ && !dead) ring(5, style::trapColor(), 4.5);

  if (lod < 0.3) return;

  // Glyphs inside: suspended bars, a dead cross.
  if (suspended_ && !dead) {
    p->setPen(Qt::NoPen);
    p->setBrush(Qt::white);
    p->drawRect(QRectF(-8, -9, 5, 18));
    p->drawRect(QRectF(3, -9, 5, 18));
  }
  if (dead && !flashing) {
    p->setPen(QPen(deathColor_, 4, Qt::SolidLine, Qt::RoundCap));
    p->drawLine(QPointF(-9, -9), QPointF(9, 9));
    p->drawLine(QPointF(9, -9), QPointF(-9, 9));
  }
  if (supervisor_ && !suspended_ && !dead) {  // a tiny tree: one over two
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(Qt::white);
    p->drawLine(QPointF(0, -6), QPointF(-8, 6));
    p->drawLine(QPointF(0, -6), QPointF(8, 6));
    p->drawEllipse(QPointF(0, -7), 3.5, 3.5);
    p->drawEllipse(QPointF(-8, 7), 3.5, 3.5);
    p->drawEllipse(QPointF(8, 7), 3.5, 3.5);
  }

  // Label below: the name (bold) or the pid; a named process shows its pid small underneath.
  QFont f = option->fontMetrics.lineSpacing() > 0 ? p->font() : QFont();
  f.setPixelSize(15);
  f.setBold(true);
  p->setFont(f);
  const QFontMetricsF fm(f);
  const bool named = label_ != pidText_;
  const double tw = fm.horizontalAdvance(label_);
  QRectF lr(-tw / 2 - 5, r + 7, tw + 10, fm.height() + 2);
  QColor bg = option->palette.base().color();
  bg.setAlpha(215);
  p->setPen(Qt::NoPen);
  p->setBrush(bg);
  p->drawRoundedRect(lr, 5, 5);
  p->setPen(dead ? style::deadColor() : option->palette.text().color());
  p->drawText(lr, Qt::AlignCenter, label_);
  if (named && lod > 0.55) {
    QFont small = f;
    small.setPixelSize(11);
    small.setBold(false);
    p->setFont(small);
    p->setPen(option->palette.placeholderText().color());
    p->drawText(QRectF(-70, lr.bottom(), 140, 15), Qt::AlignCenter, pidText_);
  }

  // Mailbox badge (top right).
  if (mailbox_ > 0 && !dead) {
    QFont bf = f;
    bf.setPixelSize(12);
    p->setFont(bf);
    const QString txt = countText(mailbox_);
    const double w = std::max(22.0, QFontMetricsF(bf).horizontalAdvance(txt) + 10);
    QRectF badge(r * 0.62, -r * 0.62 - 12, w, 22);
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(mailbox_ >= 50 ? style::heatColor(mailbox_) : QColor(0x20, 0x20, 0x28));
    p->drawRoundedRect(badge, 11, 11);
    p->setPen(Qt::white);
    p->drawText(badge, Qt::AlignCenter, txt);
  }
  if (restarts_ > 0 && !dead && lod > 0.7) {
    QFont rf = f;
    rf.setPixelSize(11);
    p->setFont(rf);
    p->setPen(option->palette.text().color());
    p->drawText(QRectF(-r - 40, -r - 4, 36, 16), Qt::AlignRight | Qt::AlignVCenter,
                QStringLiteral("\u21bb%1").arg(restarts_));
  }
}

}  // namespace actorscope::views
