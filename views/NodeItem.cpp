#include "NodeItem.h"

#include "GraphScene.h"
#include "GraphStyle.h"
#include "ObserverModel.h"
#include "EventText.h"

#include <QCoreApplication>
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

namespace {
double gTextScale = 1.0;  // GUI thread only
}  // namespace

void NodeItem::setTextScale(double k) { gTextScale = std::clamp(k, 0.5, 4.0); }
double NodeItem::textScale() { return gTextScale; }

void NodeItem::refreshSlotWidth() {
  prepareGeometryChange();
  slotWidth_ = std::max(2 * radius() + 30, labelW15_ + 26);
  labelTextPx_ = 0;
}

NodeItem::NodeItem(Pid pid) : pid_(pid), pidText_(QString::fromStdString(inspect_pid(pid))) {
  QFont f;
  f.setPixelSize(15);
  f.setBold(true);
  slotWidth_ = QFontMetricsF(f).horizontalAdvance(pidText_) + 26;
  setFlags(ItemIsSelectable | ItemIsMovable);  // no geometry notifications: the layout moves thousands
  setAcceptHoverEvents(true);
  setCursor(Qt::PointingHandCursor);
  setZValue(10);
  label_ = pidText_;
}

void NodeItem::setGroup(const QString& label, const QString& subtitle) {
  group_ = true;
  if (label != groupLabel_) {
    groupLabel_ = label;
    labelled_ = false;  // setRecord relabels
  }
  pidText_ = subtitle;
  refreshBlob();
}

void NodeItem::setLabelSuffix(const QString& suffix) {
  if (suffix == labelSuffix_) return;
  labelSuffix_ = suffix;
  labelled_ = false;  // setRecord relabels
  refreshBlob();
}

void NodeItem::setRecord(const ProcessRecord& r) {
  // Called for every process on every snapshot: only a change costs anything.
  const bool sup = r.supervisor;
  const bool moved = r.node != node_;
  if (moved) {
    node_ = r.node;
    if (!group_) pidText_ = views::pidText(pid_, node_);
  }
  const bool relabel = !labelled_ || moved || r.name != name_ || sup != supervisor_ || r.console != console_ ||
                       !(r.label == labelTerm_);  // a child id learnt after the node was drawn
  if (relabel) {
    prepareGeometryChange();
    labelled_ = true;
    name_ = r.name;
    labelTerm_ = r.label;
    label_ = (group_ ? groupLabel_ : ObserverModel::label(r)) + labelSuffix_;
    supervisor_ = sup;
    console_ = r.console;
    labelTextPx_ = 0;
    QFont f;
    f.setPixelSize(15);
    f.setBold(true);
    labelW15_ = QFontMetricsF(f).horizontalAdvance(label_);
    slotWidth_ = std::max(2 * radius() + 30, labelW15_ + 26);
    refreshBlob();
  }
  order = r.order;
  if (!relabel && trap_ == r.trap_exit && suspended_ == r.suspended && mailbox_ == r.message_queue_len &&
      restarts_ == r.restarts && urgent_ == r.queue_urgent && system_ == r.queue_system)
    return;
  trap_ = r.trap_exit;
  suspended_ = r.suspended;
  mailbox_ = r.message_queue_len;
  urgent_ = r.queue_urgent;
  system_ = r.queue_system;
  restarts_ = r.restarts;
  QString tip = QStringLiteral("%1\nmailbox: %2\ntrap_exit: %3").arg(pidText_).arg(mailbox_).arg(trap_ ? "true" : "false");
  if (ergo_)
    tip += QCoreApplication::translate("NodeItem", "\nqueues: Urgent %1 (exits), System %2 (DOWNs), Main %3; read in that order")
               .arg(urgent_)
               .arg(system_)
               .arg(queueMain());
  if (label_ != pidText_) tip.prepend(label_ + QStringLiteral("  "));
  if (console_ == ConsoleRole::Shell)
    tip += QCoreApplication::translate("NodeItem", "\nThe console's shell: what you type in the Console dock runs in this process (self()).");
  else if (console_ == ConsoleRole::ShellServer)
    tip += QCoreApplication::translate("NodeItem", "\nPart of the console: it monitors the shell and starts a new one when the shell dies.");
  setToolTip(tip);
  update();
}

void NodeItem::setErgo(bool on) {
  if (on == ergo_) return;
  prepareGeometryChange();  // the counters reach higher than the one badge
  ergo_ = on;
}

double NodeItem::queueScale(double lod) {
  // About as big on screen as the labels (labelPx), in presentation mode too.
  const double s = gTextScale;
  return std::clamp(10.5 * s / (12 * std::max(lod, 0.01)), s, 2.2 * s);
}

std::array<QString, 3> NodeItem::queueTexts() const {
  return {QStringLiteral("U ") + countText(urgent_), QStringLiteral("S ") + countText(system_),
          QStringLiteral("M ") + countText(queueMain())};
}

QRectF NodeItem::queuePill(int queue, double r, double k, double w) {
  // The Main pill's round left end touches a circle 3 px outside the body at 45 degrees up-right;
  // System and Urgent stack above it, so the first read is on top.
  const double h = 20 * k, gap = 2 * k;
  const double c = (r + h / 2 + 3) / std::sqrt(2.0);
  return QRectF(c - h / 2, -c - h / 2 - (2 - queue) * (h + gap), w, h);
}

QRectF NodeItem::queueReach(double r, double lod) {
  const double k = queueScale(lod);
  return queuePill(0, r, k, 55 * k).united(queuePill(2, r, k, 55 * k));
}

QRectF NodeItem::queueRect(int queue, double lod) const {
  const double k = queueScale(lod);
  QFont f;
  f.setBold(true);
  f.setPixelSize(int(std::lround(13 * k)));
  const QFontMetricsF fm(f);
  double w = 0;
  for (const QString& t : queueTexts()) w = std::max(w, fm.horizontalAdvance(t) + 10 * k);
  return queuePill(queue, radius(), k, w);
}

void NodeItem::paintQueues(QPainter* p, const QFont& f, double r, double lod) const {
  const double k = queueScale(lod);
  QFont bf = f;
  bf.setPixelSize(int(std::lround(13 * k)));
  p->setFont(bf);
  const QFontMetricsF fm(bf);
  const uint32_t main = queueMain();
  const uint32_t counts[] = {urgent_, system_, main};
  const QColor colours[] = {QColor(0xe0, 0x1e, 0x5a), style::downColor(),
                            main >= 50 ? style::heatColor(main) : QColor(0x20, 0x20, 0x28)};
  const std::array<QString, 3> texts = queueTexts();
  double w = 0;
  for (const QString& t : texts) w = std::max(w, fm.horizontalAdvance(t) + 10 * k);
  for (int i = 0; i < 3; ++i) {
    const QRectF pill = queuePill(i, r, k, w);
    const double h = pill.height();
    const bool empty = counts[i] == 0;
    QColor fill = colours[i];
    if (empty) fill.setAlpha(70);
    p->setPen(QPen(empty ? QColor(255, 255, 255, 110) : QColor(Qt::white), 1.5));
    p->setBrush(fill);
    p->drawRoundedRect(pill, h / 2, h / 2);
    p->setPen(empty ? QColor(255, 255, 255, 190) : QColor(Qt::white));
    p->drawText(pill, Qt::AlignCenter, texts[i]);
  }
}

bool NodeItem::labelShown(double lod) const {
  if (lod < 0.22) return false;
  // A group or a collapsed supervisor stands for many: its label is always drawn.
  const bool singled = isSelected() || highlight_ || preview_ != Preview::None || group_ || !labelSuffix_.isEmpty();
  return (labelPx(lod) * lod >= 6.5 && (label_ != pidText_ || !crowd)) || singled;
}

QRectF NodeItem::labelRect(double lod) const {
  if (!labelShown(lod)) return {};
  const double px = labelPx(lod);
  QFont f;
  f.setPixelSize(std::max(1, int(std::lround(px))));
  f.setBold(true);
  const QFontMetricsF fm(f);
  const double tw = fm.horizontalAdvance(label_);
  const double rowGap = labelRow ? 2.1 * (fm.height() + 2) : 0;
  QRectF lr(-tw / 2 - px / 3, radius() + 5 + px / 8 + rowGap, tw + px * 2 / 3, fm.height() + 2);
  if (label_ != pidText_ && px * 0.75 * lod >= 8.5) lr.setBottom(lr.bottom() + px * 0.75 * 1.35);  // the pid line
  return lr;
}

double NodeItem::radius() const {
  switch (console_) {
    case ConsoleRole::Shell: return style::kShellHalf;
    case ConsoleRole::ShellServer: return style::kShellServerHalf;
    case ConsoleRole::None: break;
  }
  return supervisor_ ? style::kSupervisorHalf : style::kWorkerRadius;
}

QColor NodeItem::bodyColor() const {
  if (console_ != ConsoleRole::None) return style::shellColor();
  return supervisor_ ? style::supervisorColor() : style::workerColor();
}

QPainterPath NodeItem::bodyPath(double grow, double cornerGrow) const {
  const double r = radius();
  QPainterPath path;
  if (console_ != ConsoleRole::None) {  // a terminal window, wider than tall
    const double w = r * 1.2 + grow, h = r * 0.9 + grow;
    path.addRoundedRect(QRectF(-w, -h, 2 * w, 2 * h), 6 + cornerGrow, 6 + cornerGrow);
  } else if (supervisor_) {
    path.addRoundedRect(QRectF(-r - grow, -r - grow, 2 * (r + grow), 2 * (r + grow)), 9 + cornerGrow, 9 + cornerGrow);
  } else {
    path.addEllipse(QPointF(0, 0), r + grow, r + grow);
  }
  return path;
}

void NodeItem::paintShellGlyph(QPainter* p) const {
  const double r = radius();
  const double w = r * 1.2, h = r * 0.9;
  const QPainterPath outline = bodyPath(0);
  // Title bar with three dots: reads as "a window" from afar.
  p->save();
  p->setClipPath(outline);
  p->fillRect(QRectF(-w, -h, 2 * w, h * 0.42), QColor(0x3a, 0x44, 0x53));
  p->restore();
  p->setPen(Qt::NoPen);
  const double dot = std::max(1.6, r * 0.08);
  const QColor dots[] = {QColor(0xff, 0x5f, 0x57), QColor(0xfe, 0xbc, 0x2e), QColor(0x28, 0xc8, 0x40)};
  for (int i = 0; i < 3; ++i) {
    p->setBrush(dots[i]);
    p->drawEllipse(QPointF(-w + r * 0.22 + i * dot * 3, -h + h * 0.21), dot, dot);
  }
  const QColor accent = style::shellAccent();
  if (console_ == ConsoleRole::Shell) {
    // The prompt ">_", drawn with strokes so it needs no particular font.
    const double gy = h * 0.2, s = r * 0.34;
    QPen pen(accent, std::max(2.5, r * 0.13), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const double x0 = -r * 0.62;
    const QPointF chevron[] = {{x0, gy - s}, {x0 + s * 0.95, gy}, {x0, gy + s}};
    p->drawPolyline(chevron, 3);
    p->drawLine(QPointF(x0 + s * 1.45, gy + s), QPointF(x0 + s * 2.75, gy + s));
  } else {
    // A restart arrow: this process starts a new shell when the shell dies.
    const double gy = h * 0.2, a = r * 0.36;
    QPen pen(accent, std::max(2.2, r * 0.12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const QRectF arc(-a, gy - a, 2 * a, 2 * a);
    p->drawArc(arc, 90 * 16, 270 * 16);  // from 12 o'clock, counter-clockwise to 3 o'clock
    p->setPen(Qt::NoPen);
    p->setBrush(accent);
    const double t = a * 0.55;
    const QPointF head[] = {{0, gy - a - t}, {0, gy - a + t}, {t * 1.2, gy - a}};
    p->drawPolygon(head, 3);
  }
}

double NodeItem::labelPx(double lod) const {
  if (!(lod > 0)) lod = 1;
  const double k = gTextScale;
  const double want = 11.5 * k / std::max(lod, 0.01);                    // ~11 px on screen
  const double avail = std::max(room, 2 * radius() + 24) - 12;           // its room, less padding
  const double fits = kLabelPx * avail / std::max(1.0, labelW15_ + 10);  // widest that fits the room
  // Grown by the text scale where its room allows, never over a neighbour's label.
  return std::clamp(want, kLabelPx, std::max(kLabelPx, std::min(kMaxLabelPx * k, fits)));
}

QRectF NodeItem::boundingRect() const {
  // Room for the largest label (and its pid line) below, tags and badges above.
  const double r = radius() + 14;
  const double k = kMaxLabelPx / kLabelPx;
  const double half = std::max({r + 90, 95.0, (labelW15_ + 14) * k / 2 + 4, ghost() ? 360.0 * std::sqrt(std::max(1.0, gTextScale)) : 0.0});  // the restart mark: left of the node
  QRectF box(-half, -r - 30 * k, 2 * half, 2 * r + 30 * k + 22 * k * 3 + 30);
  if (!noteBox_.isEmpty()) box = box.united(noteBox_.adjusted(-40, -12, 40, 12));  // and more, zoomed since
  if (!ergo_) return box;
  // The queue counters at their largest (far out, in presentation mode), four digits wide.
  const double qk = 2.2 * gTextScale;
  return box.united(queuePill(0, radius(), qk, 60 * qk)).united(queuePill(2, radius(), qk, 60 * qk)).adjusted(-2, -2, 2, 2);
}

QPainterPath NodeItem::shape() const { return bodyPath(4); }

void NodeItem::scheduleDeath(double at, const Term& reason) {
  if (deathAt_ >= 0) return;
  deathAt_ = at;
  deathColor_ = style::reasonColor(reason);
  setZValue(5);  // under the living
  setFlag(ItemIsMovable, false);
  setFlag(ItemIsSelectable, false);
  update();
}

void NodeItem::setGhost(const QString& note) {
  prepareGeometryChange();
  ghostNote_ = note;
  noteText_.clear();
  if (auto* s = static_cast<GraphScene*>(scene())) s->ghostsChanged();
  update();
}

void NodeItem::setNotePlacement(NoteSide side, const QString& shown, const QRectF& box, double shift) {
  const QString text = shown == ghostNote_ ? QString() : shown;
  // The slide in units of the font's size at the scale it was placed for: it scales with the note.
  const double px = box.height() > 0 ? box.height() * 13 / 24 : 13;
  const double unitShift = shift / px;
  if (side == noteSide_ && text == noteText_ && box == noteBox_ && unitShift == noteShift_) return;
  prepareGeometryChange();
  noteShift_ = unitShift;
  noteSide_ = side;
  noteText_ = text;
  noteBox_ = box;
  update();
}

QFont NodeItem::noteFont(double lod) const {
  // Readable at any zoom, and grown with the labels (presentation mode).
  if (!(lod > 0)) lod = 1;
  const double k = std::clamp(1.0 / lod, 1.0, 1.6) * std::sqrt(std::max(1.0, gTextScale));
  QFont nf;
  nf.setPixelSize(int(std::lround(13 * k)));
  nf.setBold(true);
  return nf;
}

QRectF NodeItem::noteRect(double lod) const {
  return noteRect(noteSide_, lod, -1, noteShift_ * noteFont(lod).pixelSize());
}

QRectF NodeItem::noteRect(NoteSide side, double lod, double width, double shift) const {
  if (!ghost()) return {};
  const QFont nf = noteFont(lod);
  const double h = nf.pixelSize() * 24.0 / 13;
  const double w = width >= 0 ? width : QFontMetricsF(nf).horizontalAdvance(noteText()) + 8;
  const double r = radius();
  switch (side) {
    case NoteSide::Right: return QRectF(r + 12, -h / 2, w, h);
    case NoteSide::Left: return QRectF(-r - 12 - w, -h / 2, w, h);
    case NoteSide::Below: return QRectF(-w / 2 + shift, footprint(lod).bottom() + 2, w, h);
    case NoteSide::Above: return QRectF(-w / 2 + shift, -r - 8 - h, w, h);
  }
  return {};
}

QRectF NodeItem::footprint(double lod) const {
  QRectF box = bodyPath(5).boundingRect();
  if (blobbed_) return box;
  if (ergo_ && mailbox_ > 0 && !dying()) box |= queueRect(0, lod) | queueRect(2, lod);  // the counters
  if (!labelShown(lod)) return box;
  QRectF lr = labelRect(lod);
  const double px = labelPx(lod);
  if (label_ != pidText_ && px * 0.75 * lod >= 8.5) {  // the pid line, often wider than the name
    QFont small;
    small.setPixelSize(std::max(1, int(std::lround(px * 0.75))));
    const double sw = QFontMetricsF(small).horizontalAdvance(pidText_) + 8;
    lr |= QRectF(-sw / 2, lr.top(), sw, lr.height());
  }
  return box | lr;
}

void NodeItem::dismissGhost() {
  prepareGeometryChange();
  if (auto* s = static_cast<GraphScene*>(scene())) s->ghostsChanged();
  ghostNote_.clear();
  noteText_.clear();
  noteBox_ = {};
  ghostSettled_ = false;
  deathAt_ = std::min(deathAt_, now_ - kFlashMs - kFadeMs - 1);  // the next animate() lets it go
}

void NodeItem::pulseRing(double now, const QColor& c) {
  ringAt_ = now;
  ringColor_ = c;
  refreshBlob();
  update();
}

void NodeItem::setPreview(Preview p) {
  if (p == preview_) return;
  preview_ = p;
  refreshBlob();
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
  if (deathAt_ >= 0 && now >= deathAt_ && !ghostSettled_) {
    const double t = now - deathAt_;
    constexpr double kGhostOpacity = 0.55;
    if (ghost() && t > kFlashMs + kFadeMs * (1 - kGhostOpacity)) {
      setOpacity(kGhostOpacity);
      ghostSettled_ = true;
      setToolTip(ghostNote_ + QCoreApplication::translate("NodeItem", "\nClick to dismiss."));
      update();
      return true;
    }
    if (t > kFlashMs + kFadeMs) return false;
    setOpacity(t < kFlashMs ? 1.0 : 1.0 - (t - kFlashMs) / kFadeMs);
    changed = true;
  }
  if (ringAt_ >= 0) {
    if (now - ringAt_ > kRingMs) {
      ringAt_ = -1;
      refreshBlob();
    }
    changed = true;
  }
  if (changed && !blobbed_) update();
  return true;
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemSelectedHasChanged) refreshBlob();
  return QGraphicsItem::itemChange(change, value);
}

bool NodeItem::wantsBlob(double lod) const {
  if (group_ || !labelSuffix_.isEmpty()) return false;  // few, and they stand for many: drawn whole
  const bool named = label_ != pidText_;
  return lod < 0.22 || (crowd && lod < 0.45 && !named && !isSelected() && preview_ == Preview::None && ringAt_ < 0);
}

void NodeItem::refreshBlob() {
  auto* s = static_cast<GraphScene*>(scene());
  const double lod = s ? s->viewLod() : -1;
  const bool on = lod > 0 && wantsBlob(lod);
  if (on == blobbed_) return;
  blobbed_ = on;
  setFlag(ItemHasNoContents, on);
  update();
}

uint64_t NodeItem::blobKey() const {
  const bool dead = deathAt_ >= 0 && now_ >= deathAt_;
  const bool flashing = dead && now_ - deathAt_ < kFlashMs;
  QColor body = bodyColor();
  if (dead) body = flashing ? QColor(Qt::white) : style::deadColor();
  const QRgb fill = (mailbox_ >= 50 ? style::heatColor(mailbox_) : body).rgb() & 0xffffff;
  const uint64_t scaleStep = uint64_t(std::clamp(std::lround(scale() * 64), 0L, 255L));
  return uint64_t(fill) | uint64_t(trap_ && !dead) << 24 | uint64_t(supervisor_) << 25 | uint64_t(console_) << 26 |
         scaleStep << 32;
}

void NodeItem::paintBlob(QPainter* p, QPointF at) const { paintPlain(p, at, radius() * scale()); }

void NodeItem::paintPlain(QPainter* p, QPointF at, double r) const {
  const bool dead = deathAt_ >= 0 && now_ >= deathAt_;
  const bool flashing = dead && now_ - deathAt_ < kFlashMs;
  QColor body = bodyColor();
  if (dead) body = flashing ? QColor(Qt::white) : style::deadColor();
  const bool term = console_ != ConsoleRole::None;
  const QRectF box = term ? QRectF(at.x() - 1.2 * r, at.y() - 0.9 * r, 2.4 * r, 1.8 * r)
                          : QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r);
  if (trap_ && !dead) {  // the shield as a wider disc behind: a fill is cheaper than a stroke
    p->setBrush(style::trapColor());
    const QRectF shield = box.adjusted(-5, -5, 5, 5);
    if (supervisor_ || term)
      p->drawRect(shield);
    else
      p->drawEllipse(shield);
  }
  if (term && !dead) {  // the terminal's green frame, so a shell stays a shell from afar
    p->setBrush(style::shellAccent());
    p->drawRect(box.adjusted(-2.5, -2.5, 2.5, 2.5));
  }
  if (group_) {
    p->setBrush(body.lighter(125));
    p->drawEllipse(box.translated(r * 0.6, -r * 0.5));
  }
  p->setBrush(mailbox_ >= 50 ? style::heatColor(mailbox_) : body);
  if (supervisor_ || term)
    p->drawRect(box);
  else
    p->drawEllipse(box);
}

void NodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent* e) {
  const QPointF before = pos();
  QGraphicsItem::mouseMoveEvent(e);
  if (dragging_ && pos() != before) moved_ = true;
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* e) {
  if (ghostSettled_ && e->button() == Qt::LeftButton) {  // a right press opens its menu instead
    dismissGhost();
    if (auto* s = static_cast<GraphScene*>(scene())) s->wake(pid_.serial());
    e->accept();
    return;
  }
  // Only the left button drags: a right-button press opens the context menu, which takes the
  // release, and a drag begun then would hold the node out of the layout until the next click.
  dragging_ = e->button() == Qt::LeftButton;
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
  QColor body = bodyColor();
  if (dead) body = flashing ? QColor(Qt::white) : style::deadColor();
  const bool term = console_ != ConsoleRole::None;

  p->setRenderHint(QPainter::Antialiasing, lod > 0.3);

  const bool named = label_ != pidText_;
  if (lod < 0.22 || (crowd && lod < 0.45 && !named && !isSelected() && preview_ == Preview::None && ringAt_ < 0)) {
    // Far away, or one of a crowd: a plain blob (with its shield ring), nothing else.
    p->setPen(Qt::NoPen);
    paintPlain(p, QPointF(0, 0), r);
    return;
  }

  // Halo for selection and the blast-radius preview.
  auto ring = [&](double extra, const QColor& c, double width, Qt::PenStyle st = Qt::SolidLine) {
    QPen pen(c, width, st);
    pen.setCosmetic(false);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(bodyPath(extra, 1));
  };
  if (isSelected() || highlight_) ring(11, style::selectColor(), 5);
  // Blast-radius preview: a dashed ring and a tag saying what will happen.
  QString tag;
  QColor tagColour;
  switch (preview_) {
    case Preview::None: break;
    case Preview::Target: tagColour = QColor(0xe0, 0x1e, 0x5a); tag = QStringLiteral("target"); break;
    case Preview::Dies: tagColour = QColor(0xe0, 0x1e, 0x5a); tag = QStringLiteral("dies"); break;
    case Preview::TrapsExit: tagColour = style::trapColor().darker(115); tag = QCoreApplication::translate("NodeItem", "gets EXIT"); break;
    case Preview::GetsDown: tagColour = style::downColor(); tag = QCoreApplication::translate("NodeItem", "gets DOWN"); break;
  }
  if (!tag.isEmpty()) {
    ring(15, tagColour, 5, preview_ == Preview::Target ? Qt::SolidLine : Qt::DashLine);
    const double k = std::clamp(11.0 / (13 * lod), 1.0, 2.2);
    QFont tf = p->font();
    tf.setPixelSize(int(std::lround(13 * k)));
    tf.setBold(true);
    p->setFont(tf);
    const double w = QFontMetricsF(tf).horizontalAdvance(tag) + 12 * k;
    const QRectF box(-r + 4 - w, -r - 5 - 19 * k, w, 19 * k);
    p->setPen(Qt::NoPen);
    p->setBrush(tagColour);
    p->drawRoundedRect(box, 6 * k, 6 * k);
    p->setPen(Qt::white);
    p->drawText(box, Qt::AlignCenter, tag);
  }
  if (ringAt_ >= 0) {
    const double t = std::clamp((now_ - ringAt_) / kRingMs, 0.0, 1.0);
    QColor c = ringColor_;
    c.setAlphaF(1.0 - t);
    ring(6 + 22 * t, c, 4);
  }

  // Body, with the mailbox as water that rises with the queue; a group is a stack of bodies.
  const QPainterPath outline = bodyPath(0);
  if (group_) {
    p->setPen(QPen(body.darker(150), 2));
    p->setBrush(body.lighter(125));
    p->drawPath(outline.translated(12, -10));
    p->drawPath(outline.translated(6, -5));
  }
  p->setPen(Qt::NoPen);
  p->setBrush(body);
  p->drawPath(outline);
  if (mailbox_ > 0 && !dead) {
    const double level = std::min(1.0, std::log10(1.0 + mailbox_) / 3.0) * 0.85 + 0.15;
    QColor water = style::heatColor(mailbox_);
    water.setAlpha(230);
    p->save();
    p->setClipPath(outline);
    p->fillRect(QRectF(-2 * r, r - 2 * r * level, 4 * r, 2 * r * level), water);
    p->restore();
  }
  if (lod >= 0.3 && term && !dead && !suspended_) paintShellGlyph(p);
  p->setPen(QPen(dead ? QColor(0x70, 0x70, 0x70) : term ? style::shellAccent() : body.darker(150), term ? 3 : 2.5));
  p->setBrush(Qt::NoBrush);
  p->drawPath(outline);

  // trap_exit: a shield ring.
  if (trap_ && !dead) ring(5, style::trapColor(), 4.5);

  const bool glyphs = lod >= 0.3;
  // Glyphs inside: suspended bars, a dead cross.
  if (glyphs && suspended_ && !dead) {
    p->setPen(Qt::NoPen);
    p->setBrush(Qt::white);
    p->drawRect(QRectF(-8, -9, 5, 18));
    p->drawRect(QRectF(3, -9, 5, 18));
  }
  if (glyphs && dead && !flashing) {
    p->setPen(QPen(deathColor_, 4, Qt::SolidLine, Qt::RoundCap));
    p->drawLine(QPointF(-9, -9), QPointF(9, 9));
    p->drawLine(QPointF(9, -9), QPointF(-9, 9));
  }
  if (glyphs && supervisor_ && !term && !suspended_ && !dead) {  // a tiny tree: one over two
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(Qt::white);
    p->drawLine(QPointF(0, -6), QPointF(-8, 6));
    p->drawLine(QPointF(0, -6), QPointF(8, 6));
    p->drawEllipse(QPointF(0, -7), 3.5, 3.5);
    p->drawEllipse(QPointF(-8, 7), 3.5, 3.5);
    p->drawEllipse(QPointF(8, 7), 3.5, 3.5);
  }

  // Label below: the name (bold) or the pid; a named process shows its pid small underneath.
  // Both grow as the view zooms out (labelPx), so a class can read them from the back row; too
  // small to read even so, they give way (level of detail) unless the node is singled out.
  const double px = labelPx(lod);
  QFont f = p->font();
  f.setPixelSize(std::max(1, int(std::lround(px))));
  f.setBold(true);
  if (labelShown(lod)) {
    p->setFont(f);
    const QFontMetricsF fm(f);
    if (labelTextPx_ != f.pixelSize()) {
      labelText_.setText(label_);
      labelText_.setTextFormat(Qt::PlainText);
      labelText_.setPerformanceHint(QStaticText::AggressiveCaching);
      labelText_.prepare(QTransform(), f);
      labelTextPx_ = f.pixelSize();
    }
    const double tw = labelText_.size().width();
    const double rowGap = labelRow ? 2.1 * (fm.height() + 2) : 0;
    QRectF lr(-tw / 2 - px / 3, r + 5 + px / 8 + rowGap, tw + px * 2 / 3, fm.height() + 2);
    if (rowGap > 0) {  // a thin stem from the node down to its lowered label
      p->setPen(QPen(option->palette.mid().color(), 1.5));
      p->drawLine(QPointF(0, r + 2), QPointF(0, lr.top()));
    }
    QColor bg = option->palette.base().color();
    bg.setAlpha(215);
    p->setPen(Qt::NoPen);
    p->setBrush(bg);
    p->drawRoundedRect(lr, px / 3, px / 3);
    p->setPen(dead ? style::deadColor() : option->palette.text().color());
    p->drawStaticText(QPointF(-tw / 2, lr.top() + (lr.height() - labelText_.size().height()) / 2), labelText_);
    const double smallPx = px * 0.75;
    if (named && smallPx * lod >= 8.5) {
      QFont small = f;
      small.setPixelSize(int(std::lround(smallPx)));
      small.setBold(false);
      p->setFont(small);
      // Presentation mode (text scale above 1): full-contrast pids, for the back of the room.
      p->setPen(gTextScale > 1 ? option->palette.text().color() : option->palette.placeholderText().color());
      const double sw = QFontMetricsF(small).horizontalAdvance(pidText_) + 8;
      p->drawText(QRectF(-sw / 2, lr.bottom(), sw, smallPx * 1.35), Qt::AlignCenter, pidText_);
    }
  }

  // Ergo mode: the three queues as stacked counters (top right), read from the top.
  if (ergo_ && mailbox_ > 0 && !dead) {
    paintQueues(p, f, r, lod);
  } else if (mailbox_ > 0 && !dead) {  // mailbox badge (top right)
    const double k = std::clamp(10.5 / (12 * lod), 1.0, 2.2);  // readable on screen too
    QFont bf = f;
    bf.setPixelSize(int(std::lround(12 * k)));
    p->setFont(bf);
    const QString txt = countText(mailbox_);
    const double h = 22 * k;
    const double w = std::max(h, QFontMetricsF(bf).horizontalAdvance(txt) + 10 * k);
    QRectF badge(r * 0.62, -r * 0.62 - h / 2 - 1, w, h);
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(mailbox_ >= 50 ? style::heatColor(mailbox_) : QColor(0x20, 0x20, 0x28));
    p->drawRoundedRect(badge, h / 2, h / 2);
    p->setPen(Qt::white);
    p->drawText(badge, Qt::AlignCenter, txt);
  }
  if (restarts_ > 0 && !dead && lod > 0.25) {
    // Readable at any zoom: about 12 px on screen, whatever the scale.
    const double k = std::clamp(12.0 / (12 * lod), 1.0, 2.0);
    QFont rf = f;
    rf.setPixelSize(int(std::lround(12 * k)));
    p->setFont(rf);
    p->setPen(option->palette.text().color());
    p->drawText(QRectF(-r - 48 * k, -r - 4 * k, 44 * k, 18 * k), Qt::AlignRight | Qt::AlignVCenter,
                QStringLiteral("\u21bb%1").arg(restarts_));
  }
  if (ghost() && dead && !flashing && lod > 0.2) {
    // The note ("gave up: ...", "dead: reason"), in the exit colour, on the side the scene chose
    // for it (right, left, below or above: where no other node is, inside the fitted scene).
    QFont nf = f;
    nf.setPixelSize(noteFont(lod).pixelSize());
    p->setFont(nf);
    p->setPen(QColor(0xb0, 0x1c, 0x2e));
    const Qt::Alignment align = noteSide_ == NoteSide::Left ? Qt::AlignRight : noteSide_ == NoteSide::Right ? Qt::AlignLeft : Qt::AlignHCenter;
    p->drawText(noteRect(lod), align | Qt::AlignVCenter, noteText());
    QPen dash(QColor(0xb0, 0x1c, 0x2e), 2, Qt::DashLine);
    dash.setCosmetic(true);
    p->setPen(dash);
    p->setBrush(Qt::NoBrush);
    p->drawPath(bodyPath(5));
  }
}

}  // namespace actorscope::views
