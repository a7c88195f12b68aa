#include "GraphScene.h"

#include "EventText.h"
#include "GraphLayers.h"
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
constexpr size_t kCrowd = 400;        // more nodes than this: level of detail for a crowd   // beyond this many, labels would only cover each other
constexpr double kFinishMs = 320;      // a tracked signal, once delivered, finishes its way at this pace (ms per edge)
constexpr double kSameTimeAt = 0.5;    // a tracked signal due the moment it was sent waits here
constexpr double kCell = 170;          // force layout grid bucket
constexpr double kRegionGap = 150;     // between two nodes' regions
constexpr double kMinBand = 320;       // a node's band, at least (an empty node still shows)
constexpr double kRegionPad = 40;      // trees start this far inside their band


uint64_t pairKey(uint32_t a, uint32_t b) {
  return (uint64_t(std::min(a, b)) << 32) | std::max(a, b);
}
/// Links (both kinds) and monitors either way: a node that gains one is pulled to its peer.
size_t relationCount(const ProcessRecord& r) {
  return r.links.size() + r.one_way_links.size() + r.monitors.size() + r.monitored_by.size();
}
}  // namespace

double SignalAnim::progress(double now) const {
  if (dur <= 0) return 1;
  return std::clamp((now - t0) / dur, 0.0, 1.0);
}

// ---- scene ---------------------------------------------------------------------------------------

GraphScene::GraphScene(ObserverModel* model, QObject* parent)
    : QGraphicsScene(parent), model_(model), regionLayer_(new RegionLayer(this)), edgeLayer_(new EdgeLayer(this)), signalLayer_(new SignalLayer(this)), nodeLayer_(new NodeLayer(this)) {
  setItemIndexMethod(QGraphicsScene::NoIndex);  // items move every frame
  addItem(regionLayer_);
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
  connect(this, &QGraphicsScene::selectionChanged, this, [this] {
    const Pid p = selectedPid();
    if (p.serial() >= kGroupSerial && groupKeyOf_.count(p.serial())) {
      if (selectedItems().size() != 1) return;  // swept up with others: nothing to inspect
      {
        QSignalBlocker block(this);
        clearSelection();
      }
      emit groupClicked(p.serial(), groupSize(p.serial()));  // a click on a group
      return;
    }
    emit selectedPidChanged(p);
  });
}

GraphScene::~GraphScene() {
  // Items go while this is still a GraphScene: no selectionChanged into a half-destroyed object.
  blockSignals(true);
  clear();
}

double GraphScene::now() const { return manualClock_ ? lastNow_ : double(clock_.nsecsElapsed()) / 1e6; }

void GraphScene::setTextScale(double k) {
  NodeItem::setTextScale(k);
  rectDirty_ = true;  // the counters above Ergo nodes grow with it
  for (auto& [key, badge] : badges_) badge->refreshGeometry();
  for (auto& [serial, n] : nodes_) {
    n->refreshSlotWidth();
    n->heat = std::max(n->heat, 0.5);  // free nodes make room too
  }
  treesDirty_ = edgesDirty_ = true;
  heat_ = std::max(heat_, 0.5);
  animating_ = true;
  update();
}

void GraphScene::reset() {
  clearBlastRadius();
  for (auto& [k, n] : nodes_) {
    removeItem(n);
    delete n;
  }
  nodes_.clear();
  groups_.clear();
  collapsedSups_.clear();
  autoCollapsed_.clear();
  hiddenBy_.clear();
  hiddenCount_.clear();
  memberOf_.clear();
  groupKeyOf_.clear();
  candidates_.clear();
  openedGroups_.clear();
  dirtyGroups_.clear();
  anims_.clear();
  drawnMessages_.clear();
  plannedTravel_.clear();
  animSet_.clear();
  gliding_.clear();
  rectDirty_ = true;
  edgeLayer_->edges.clear();
  for (auto& [key, badge] : badges_) {
    removeItem(badge);
    delete badge;
  }
  badges_.clear();
  edgeDelays_.clear();
  bands_.clear();
  regions_.clear();
  regionsDirty_ = true;
  connChangedAt_.clear();
  detectMs_.clear();
  lastConnChange_ = -1e9;
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
int GraphScene::dismissGhosts() {
  int n = 0;
  for (auto& [serial, item] : nodes_)
    if (item->ghost()) {
      item->dismissGhost();
      animSet_.insert(serial);
      ++n;
    }
  return n;
}

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
  // Ergo mode: the queue counters stack above a node's top right (at a fitted view's usual scale).
  const bool ergo = model_->ergo();
  double countersTop = 1e300, countersRight = -1e300;
  for (const auto& [k, n] : nodes_) {
    const QPointF p = n->pos();
    x0 = std::min(x0, p.x());
    y0 = std::min(y0, p.y());
    x1 = std::max(x1, p.x());
    y1 = std::max(y1, p.y());
    if (ergo) {
      const QRectF q = NodeItem::queueReach(n->radius(), 0.8).translated(p);
      countersTop = std::min(countersTop, q.top());
      countersRight = std::max(countersRight, q.right());
    }
  }
  // Each node with its label below (labels grow when zoomed out) and its badge above (GraphView's
  // fit adds 40 more).
  nodesRect_ = QRectF(QPointF(x0 - 60, std::min(y0 - 50, countersTop + 32)), QPointF(std::max(x1 + 60, countersRight), y1 + 120));
  regionsDirty_ = true;  // something moved: the regions follow their processes
  for (const Region& r : regions()) nodesRect_ |= r.rect;
  for (const ConnectionState& c : model_->graph().connections())  // they arc over the regions
    nodesRect_ |= connectionPath(c.a, c.b).boundingRect().adjusted(-10, -50, 10, 0);
  return nodesRect_;
}

QRectF GraphScene::labelsRect(double lod) const {
  QRectF out;
  for (const auto& [k, n] : nodes_)
    if (!n->dying()) {
      const double half = n->labelWidth(lod) / 2;
      out |= QRectF(n->pos().x() - half, n->pos().y(), 2 * half, 1);
    }
  return out;
}

// ---- nodes' regions -------------------------------------------------------------------------------

const std::vector<GraphScene::Region>& GraphScene::regions() const {
  if (!regionsDirty_) return regions_;
  regionsDirty_ = false;
  regions_.clear();
  if (!multiNode()) return regions_;
  // Each node's processes, with room for their labels.
  std::map<uint16_t, QRectF> ext;
  for (const auto& [k, n] : nodes_) {
    if (n->dying()) continue;  // a fading process keeps its place, which may be in a band that moved
    const double r = n->radius() + 34;
    ext[n->nodeId()] |= QRectF(n->pos() - QPointF(r, r), QSizeF(2 * r, 2 * r + 36));
  }
  double top = 1e300, bottom = -1e300;
  for (const NodeState& ns : model_->graph().nodes()) {
    auto e = ext.find(ns.id);
    auto b = bands_.find(ns.id);
    if (e == ext.end() && (!ns.alive || b == bands_.end())) continue;  // an ended node shows while its processes fade
    Region reg;
    reg.node = ns.id;
    reg.name = model_->nodeText(ns.id);
    reg.alive = ns.alive;
    double l = b != bands_.end() ? b->second.left : e->second.left();
    double r = b != bands_.end() ? b->second.right : e->second.right();
    if (e != ext.end()) {
      l = std::min(l, e->second.left());
      r = std::max(r, e->second.right());
      top = std::min(top, e->second.top());
      bottom = std::max(bottom, e->second.bottom());
    }
    if (b != bands_.end()) {
      reg.left = b->second.left;
      reg.freeLeft = b->second.freeLeft;
      reg.right = b->second.right;
    }
    reg.rect = QRectF(QPointF(l - 24, 0), QPointF(r + 24, 0));
    regions_.push_back(reg);
  }
  if (top > bottom) top = 0, bottom = 300;
  top -= 64;  // the node's name
  bottom = std::max(bottom + 24, top + 300);
  for (Region& reg : regions_) reg.rect = QRectF(QPointF(reg.rect.left(), top), QPointF(reg.rect.right(), bottom));
  return regions_;
}

const GraphScene::Region* GraphScene::region(uint16_t node) const {
  for (const Region& r : regions())
    if (r.node == node) return &r;
  return nullptr;
}

QPainterPath GraphScene::connectionPath(uint16_t a, uint16_t b) const {
  const Region* ra = region(a);
  const Region* rb = region(b);
  if (!ra || !rb || a == b) return {};
  // Each end leaves its region's top on the side facing the other, and arcs over what lies between.
  auto end = [](const Region& r, const Region& other) {
    const double side = other.rect.center().x() > r.rect.center().x() ? 1 : -1;
    return QPointF(r.rect.center().x() + side * std::min(70.0, r.rect.width() / 5), r.rect.top());
  };
  const QPointF s = end(*ra, *rb), e = end(*rb, *ra);
  const double dx = std::abs(e.x() - s.x());
  const QPointF ctrl((s.x() + e.x()) / 2, std::min(s.y(), e.y()) - 40 - 0.16 * dx);
  QPainterPath path(s);
  path.quadTo(ctrl, e);
  return path;
}

std::optional<ConnectionState> GraphScene::connectionAt(QPointF q, double tol) const {
  std::optional<ConnectionState> best;
  double bestD = tol;
  for (const ConnectionState& c : model_->graph().connections()) {
    const QPainterPath path = connectionPath(c.a, c.b);
    if (path.isEmpty() || !path.boundingRect().adjusted(-tol, -tol, tol, tol).contains(q)) continue;
    // Distance to the curve as segments, fine enough whatever the zoom.
    const int n = std::clamp(int(path.length() / std::max(tol, 1.0)), 32, 2048);
    QPointF prev = path.pointAtPercent(0);
    for (int i = 1; i <= n; ++i) {
      const QPointF cur = path.pointAtPercent(double(i) / n);
      const QPointF d = cur - prev;
      const double len2 = QPointF::dotProduct(d, d);
      const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(q - prev, d) / len2, 0.0, 1.0) : 0.0;
      const double dist = layer::len(prev + d * t - q);
      if (dist <= bestD) bestD = dist, best = c;
      prev = cur;
    }
  }
  return best;
}

QPointF GraphScene::borderPoint(uint16_t toNode, uint16_t fromNode) const {
  const QPainterPath path = connectionPath(toNode, fromNode);
  if (!path.isEmpty()) return path.pointAtPercent(0);
  if (const Region* r = region(toNode)) return QPointF(r->rect.center().x(), r->rect.top());
  return {};
}

double GraphScene::connectionChangedAt(uint16_t a, uint16_t b) const {
  auto it = connChangedAt_.find({std::min(a, b), std::max(a, b)});
  return it == connChangedAt_.end() ? -1 : it->second;
}

void GraphScene::layoutBands() {
  // One band a node, side by side in node order: its supervision trees (a child whose parent runs
  // on another node is a root here: the tree edge crosses the border), then its free processes.
  std::map<uint16_t, std::vector<TreeNode>> groups;
  for (const NodeState& ns : model_->graph().nodes())
    if (ns.alive) groups[ns.id];
  for (auto& [k, n] : nodes_) {
    const ProcessRecord* r = n->dying() ? model_->findAny(k) : model_->find(k);
    TreeNode t;
    t.serial = k;
    NodeItem* parent = r ? node(r->parent) : nullptr;
    t.parent = parent && parent->nodeId() == n->nodeId() ? r->parent.serial() : 0;
    if (!r && k >= kGroupSerial) t.parent = groupParent(k);
    t.order = n->order;
    t.dying = n->dying();
    t.supervisor = n->isSupervisor();
    t.slotWidth = n->slotWidth();
    if (r || !t.dying) groups[n->nodeId()].push_back(t);
  }
  std::map<uint16_t, Band> old = std::move(bands_);
  bands_.clear();
  double x = 0;
  for (auto& [id, input] : groups) {
    const TreeLayoutResult trees = layoutTrees(input, style::kSiblingGap, style::kLevelGap);
    layoutWork_ += trees.work;
    size_t free = 0;
    for (const TreeNode& t : input) {
      NodeItem* n = node(t.serial);
      auto it = trees.placement.find(t.serial);
      n->inTree = it != trees.placement.end() && it->second.inTree;
      n->labelRow = 0;
      if (!n->inTree) {
        free += t.dying ? 0 : 1;
        continue;
      }
      n->labelRow = it->second.labelRow;
      if (it->second.placed) {
        n->target = QPointF(x + kRegionPad + it->second.x, it->second.y);
        n->room = it->second.room;
      }
    }
    // A tree node alone in its row (a supervisor whose children run on another node) may use the
    // room up to its row neighbours for its label.
    std::map<double, std::vector<NodeItem*>> rows;
    for (const TreeNode& t : input)
      if (NodeItem* n = node(t.serial); n->inTree && !t.dying) rows[std::round(n->target.y())].push_back(n);
    for (auto& [y, row] : rows) {
      std::sort(row.begin(), row.end(), [](NodeItem* p, NodeItem* q) { return p->target.x() < q->target.x(); });
      for (size_t i = 0; i < row.size(); ++i) {
        const double left = i ? row[i]->target.x() - row[i - 1]->target.x() : row[i]->target.x() - x + 40;
        const double right = i + 1 < row.size() ? row[i + 1]->target.x() - row[i]->target.x() : 160;
        row[i]->room = std::max(row[i]->room, std::min({left, right, 170.0}) * 2 - 20);
      }
    }
    Band b;
    b.left = x;
    b.freeLeft = x + (trees.width > 0 ? kRegionPad + trees.width + 60 : 0);
    const double freeW = free ? std::clamp(std::sqrt(double(free)) * 190.0, 300.0, 3000.0) : 0;
    b.right = std::max(b.freeLeft + freeW, x + kMinBand);
    bands_[id] = b;
    x = b.right + kRegionGap;
    auto o = old.find(id);
    if (o == old.end() || std::abs(o->second.freeLeft - b.freeLeft) + std::abs(o->second.right - b.right) > 1)
      for (const TreeNode& t : input)  // the band moved: its free processes follow
        if (NodeItem* n = node(t.serial); n && !n->inTree) n->heat = std::max(n->heat, 0.6), heat_ = std::max(heat_, 0.6);
  }
  freeOriginX_ = 0;
  regionsDirty_ = true;
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
    const QString pidText = n->pidText();
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
    if (e.name) {  // to the name's badge
      const QLineF arrow = badgeArrow(e, viewLod_ > 0 ? viewLod_ : 1.0);
      if (arrow.isNull()) continue;
      pa = arrow.p1();
      pb = arrow.p2();
    }
    const QPointF d = pb - pa;
    const double l2 = d.x() * d.x() + d.y() * d.y();
    if (l2 < 1) continue;
    if (!e.name && (e.kind == GraphEdge::Monitor || e.kind == GraphEdge::OneWayLink)) {  // drawn offset to the side (see EdgeLayer)
      const double l = std::sqrt(l2);
      const QPointF n(-d.y() / l, d.x() / l);
      const double off = e.kind == GraphEdge::Monitor ? 7 : -style::kOneWayOffset;
      pa += n * off;
      pb += n * off;
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

const NameBadge* GraphScene::nameBadge(uint32_t target, Atom name) const {
  auto it = badges_.find({target, name.id});
  return it == badges_.end() ? nullptr : it->second;
}

QRectF GraphScene::nameBadgeRect(uint32_t target, Atom name, double lod) const {
  const NameBadge* b = nameBadge(target, name);
  return b ? b->sceneRect(lod) : QRectF();
}

bool GraphScene::nameBadgeStruck(uint32_t target, Atom name) const {
  const NameBadge* b = nameBadge(target, name);
  return b && b->stale();
}

std::optional<std::pair<Pid, Atom>> GraphScene::nameBadgeAt(QPointF q, double lod) const {
  for (const auto& [key, badge] : badges_)
    if (badge->isVisible() && badge->sceneRect(lod).adjusted(-4, -4, 4, 4).contains(q))
      if (const ProcessRecord* r = model_->findAny(key.first)) return std::pair{r->pid, badge->name()};
  return std::nullopt;
}

std::optional<std::pair<Pid, Atom>> GraphScene::nameDropAt(QPointF q, double lod) const {
  if (!model_->ergo()) return std::nullopt;
  if (auto b = nameBadgeAt(q, lod)) return b;
  for (const auto& [serial, n] : nodes_) {
    if (n->dying() || !n->isVisible()) continue;
    const ProcessRecord* r = model_->find(serial);
    if (!r || r->name == atoms::nil) continue;
    const QRectF label = n->labelRect(lod);
    if (!label.isEmpty() && label.translated(n->pos()).contains(q)) return std::pair{r->pid, r->name};
  }
  return std::nullopt;
}

QLineF GraphScene::badgeArrow(const GraphEdge& e, double lod) const {
  if (!e.name) return {};
  auto it = badges_.find({e.to, e.name});
  const NodeItem* a = node(e.from);
  if (it == badges_.end() || !a) return {};
  const QRectF box = it->second->sceneRect(lod);
  const QPointF pa = a->pos(), d = box.center() - pa;
  const double l = layer::len(d);
  if (l < 1) return {};
  const QPointF u = d / l;
  // Back from the pill's centre along the ray to its border, then 3 px short of it.
  const double tx = std::abs(u.x()) > 1e-9 ? box.width() / 2 / std::abs(u.x()) : 1e9;
  const double ty = std::abs(u.y()) > 1e-9 ? box.height() / 2 / std::abs(u.y()) : 1e9;
  const double end = l - std::min(tx, ty) - 3, start = a->radius() + 2;
  if (end <= start + 4) return {};
  return QLineF(pa + u * start, pa + u * end);
}

void GraphScene::syncBadges(const std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>>& wanted) {
  for (auto it = badges_.begin(); it != badges_.end();)
    if (!wanted.count(it->first) || !node(it->first.first)) {
      removeItem(it->second);
      delete it->second;
      it = badges_.erase(it);
    } else {
      ++it;
    }
  for (const auto& [key, holders] : wanted) {
    if (!node(key.first)) continue;
    NameBadge*& badge = badges_[key];
    if (!badge) {
      badge = new NameBadge(this, key.first, Atom{key.second});
      addItem(badge);
    }
    badge->holders = holders;
  }
  // A process's names (a name it lost, the one it took next) stack up from its top.
  uint32_t target = 0;
  int slot = 0;
  for (auto& [key, badge] : badges_) {
    slot = key.first == target ? slot + 1 : 0;
    target = key.first;
    badge->setSlot(slot);
  }
}

void GraphScene::placeBadges() {
  for (auto& [key, badge] : badges_) {
    NodeItem* n = node(key.first);
    if (!n) continue;
    if (badge->pos() != n->pos()) badge->setPos(n->pos());
    if (badge->opacity() != n->opacity()) badge->setOpacity(n->opacity());
    badge->setVisible(n->isVisible());
    const ProcessRecord* r = model_->findAny(key.first);
    badge->setStale(!r || !r->alive || r->name.id != key.second);
    // On the side its holders are, so their arrows do not cross the process (a little
    // hysteresis: a holder moving about does not make it jump to and fro).
    QPointF mean;
    for (uint32_t h : badge->holders)
      if (NodeItem* w = node(h)) {
        const QPointF d = w->pos() - n->pos();
        if (const double l = layer::len(d); l > 1) mean += d / l;
      }
    if (layer::len(mean) < 1e-3) continue;
    const double angle = std::atan2(-mean.y(), mean.x()) * 180 / M_PI;  // y up
    auto off = [&](NameBadge::Side s) {
      const double a = std::abs(std::remainder(angle - NameBadge::kSideAngle[s], 360.0));
      return a;
    };
    NameBadge::Side best = badge->side();
    for (NameBadge::Side s : {NameBadge::Right, NameBadge::Up, NameBadge::UpLeft, NameBadge::Left})
      if (off(s) < off(best) - (best == badge->side() ? 15 : 0)) best = s;
    badge->setSide(best);
  }
}

namespace {

/// Whether segment a-b crosses or lies in `r`.
bool segmentHits(QPointF a, QPointF b, const QRectF& r) {
  if (r.contains(a) || r.contains(b)) return true;
  if (std::max(a.x(), b.x()) < r.left() || std::min(a.x(), b.x()) > r.right() || std::max(a.y(), b.y()) < r.top() ||
      std::min(a.y(), b.y()) > r.bottom())
    return false;
  const QLineF s(a, b);
  const QLineF sides[] = {{r.topLeft(), r.topRight()}, {r.topRight(), r.bottomRight()},
                          {r.bottomRight(), r.bottomLeft()}, {r.bottomLeft(), r.topLeft()}};
  for (const QLineF& e : sides)
    if (s.intersects(e) == QLineF::BoundedIntersection) return true;
  return false;
}

}  // namespace

void GraphScene::placeGhostNotes(double now, bool moving) {
  const double lod = viewLod_ > 0 ? viewLod_ : 1;
  const bool lodChanged = std::abs(lod - notesLod_) > 0.02 * std::max(lod, notesLod_);
  if (moving) notesDirty_ = true;
  if (!notesDirty_ && !lodChanged) return;
  if (moving && !lodChanged && now - notesAt_ < 80) return;  // again soon (and once it all stops)
  notesDirty_ = moving;  // moving on: look again once it stops
  notesAt_ = now;
  notesLod_ = lod;
  std::vector<NodeItem*> ghosts;
  for (const auto& [k, n] : nodes_)
    if (n->ghost() && n->isVisible()) ghosts.push_back(n);
  if (ghosts.empty()) return;
  std::sort(ghosts.begin(), ghosts.end(), [](NodeItem* a, NodeItem* b) { return a->pid().serial() < b->pid().serial(); });

  // What a note keeps off: the other nodes (bodies and labels), the name badges, the observer,
  // the notes placed before it; and the fitted scene it stays inside.
  std::vector<std::pair<const NodeItem*, QRectF>> taken;
  taken.reserve(nodes_.size() + badges_.size() + ghosts.size() + 1);
  for (const auto& [k, n] : nodes_)
    if (n->isVisible() && (!n->dying() || n->ghost())) taken.emplace_back(n, n->footprint(lod).translated(n->pos()));
  for (const auto& [key, b] : badges_)
    if (b->isVisible()) taken.emplace_back(node(key.first), b->sceneRect(lod));
  if (observer_->isVisible()) taken.emplace_back(nullptr, observerRect());
  // The fit shows the nodes' rect and the observer with a margin (GraphView::fitAll): inside that.
  const QRectF bounds = (nodesRect() | observerRect()).adjusted(-40, -30, 40, 30);
  const std::vector<GraphEdge>& edges = edgeLayer_->edges;
  const bool allEdges = edges.size() <= 4000;  // else only the ghost's own (a huge graph)

  using Side = NodeItem::NoteSide;
  constexpr Side kSides[] = {Side::Right, Side::Left, Side::Below, Side::Above};
  for (NodeItem* g : ghosts) {
    const QPointF at = g->pos();
    const uint32_t serial = g->pid().serial();
    auto crossed = [&](const QRectF& r) {
      for (const GraphEdge& e : edges) {
        if (!allEdges && e.from != serial && e.to != serial) continue;
        const NodeItem* a = node(e.from);
        const NodeItem* b = node(e.to);
        if (a && b && segmentHits(a->pos(), b->pos(), r)) return true;
      }
      return false;
    };
    // Side `s`: the free room left and right of where the note starts (right: its left end; left:
    // its right end; below, above: the node's middle), in the band it takes; false when the band
    // leaves the fitted scene.
    const QFontMetricsF fm(g->noteFont(lod));
    const double fullW = fm.horizontalAdvance(g->ghostNote()) + 8;
    struct Room {
      double before = 0, after = 0;
    };
    auto room = [&](Side s, Room& out) {
      const QRectF band = g->noteRect(s, lod, 0).translated(at);
      if (band.top() < bounds.top() || band.bottom() > bounds.bottom()) return false;
      const double x = band.left();
      out = {x - bounds.left(), bounds.right() - x};
      for (const auto& [owner, box] : taken) {
        if (owner == g || box.bottom() <= band.top() || box.top() >= band.bottom()) continue;
        if (box.left() >= x) out.after = std::min(out.after, box.left() - x - 2);
        else if (box.right() <= x) out.before = std::min(out.before, x - box.right() - 2);
        else out.before = out.after = 0;
      }
      return true;
    };
    auto width = [](Side s, const Room& r) {
      return s == Side::Right ? r.after : s == Side::Left ? r.before : r.before + r.after;
    };
    // Below and above: centred on the node where there is room, else slid along (still under it).
    auto shiftFor = [](Side s, const Room& r, double w) {
      if (s == Side::Right || s == Side::Left) return 0.0;
      const double lo = w / 2 - r.before, hi = r.after - w / 2;
      return lo > hi ? (lo + hi) / 2 : std::clamp(0.0, lo, hi);
    };
    std::optional<Side> side;
    double shift = 0;
    QString shown = g->ghostNote();
    auto tryFit = [&](Side s, bool edgesToo) {
      Room r;
      if (!room(s, r) || width(s, r) < fullW) return false;
      const double sh = shiftFor(s, r, fullW);
      if (edgesToo && crossed(g->noteRect(s, lod, fullW, sh).translated(at))) return false;
      side = s;
      shift = sh;
      return true;
    };
    if (!tryFit(g->noteSide(), true))  // where it is, if still clear: no jumps
      for (int pass = 0; pass < 2 && !side; ++pass)
        for (Side s : kSides)
          if (tryFit(s, pass == 0)) break;
    if (!side) {
      // No side has room for all of it: elided, on the side with the most room.
      double best = -1;
      Room bestRoom;
      for (Side s : kSides)
        if (Room r; room(s, r) && width(s, r) > best + 1) {
          best = width(s, r);
          bestRoom = r;
          side = s;
        }
      if (!side) side = Side::Right;
      shown = fm.elidedText(g->ghostNote(), Qt::ElideRight, std::max(40.0, best - 8));
      shift = shiftFor(*side, bestRoom, fm.horizontalAdvance(shown) + 8);
    }
    const QRectF box = g->noteRect(*side, lod, fm.horizontalAdvance(shown) + 8, shift);
    g->setNotePlacement(*side, shown, box, shift);
    taken.emplace_back(nullptr, box.translated(at));
  }
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
  n->setErgo(model_->ergo());
  n->relations = relationCount(r);
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
  if (multiNode()) {  // in its node's band, near a parent or peer there
    if (NodeItem* parent = node(r.parent); parent && !parent->dying() && parent->nodeId() == r.node)
      return parent->pos() + QPointF(jitterX, style::kLevelGap + jitterY * 0.3);
    for (const auto* peers : {&r.links, &r.one_way_links})
      for (Pid peer : *peers)
        if (NodeItem* n = node(peer); n && n->nodeId() == r.node) return n->pos() + QPointF(jitterX + 90, jitterY + 60);
    if (auto b = bands_.find(r.node); b != bands_.end())
      return QPointF((b->second.freeLeft + b->second.right) / 2 + jitterX, 260 + jitterY);
    const double x = bands_.empty() ? 0 : bands_.rbegin()->second.right + kRegionGap;
    return QPointF(x + kMinBand / 2 + jitterX, 260 + jitterY);
  }
  if (NodeItem* parent = node(r.parent); parent && !parent->dying())
    return parent->pos() + QPointF(jitterX, style::kLevelGap + jitterY * 0.3);
  for (const auto* peers : {&r.links, &r.one_way_links})
    for (Pid peer : *peers)
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

// ---- groups ----------------------------------------------------------------------------------------

void GraphScene::setGrouping(bool on) {
  if (on == grouping_) return;
  grouping_ = on;
  if (!on) {  // every group opens
    std::vector<uint32_t> serials;
    for (const auto& [key, g] : groups_) serials.push_back(g.serial);
    for (uint32_t s : serials) openGroup(s);
    openedGroups_.clear();
    candidates_.clear();
  }
}

uint32_t GraphScene::groupOf(uint32_t serial) const {
  auto m = memberOf_.find(serial);
  if (m == memberOf_.end()) return 0;
  auto g = groups_.find(m->second);
  return g == groups_.end() ? 0 : g->second.serial;
}

uint32_t GraphScene::groupParent(uint32_t groupSerial) const {
  auto k = groupKeyOf_.find(groupSerial);
  if (k == groupKeyOf_.end()) return 0;
  auto g = groups_.find(k->second);
  return g == groups_.end() ? 0 : g->second.parent.serial();
}

size_t GraphScene::groupSize(uint32_t groupSerial) const {
  auto k = groupKeyOf_.find(groupSerial);
  if (k == groupKeyOf_.end()) return 0;
  auto g = groups_.find(k->second);
  return g == groups_.end() ? 0 : g->second.members.size();
}

bool GraphScene::groupable(const ProcessRecord& r) const {
  if (r.name != atoms::nil || r.supervisor || r.trap_exit || r.console != ConsoleRole::None || !r.label.is_atom(atoms::nil))
    return false;
  if (!r.monitors.empty() || !r.monitored_by.empty() || !r.one_way_links.empty()) return false;
  // Free, or a dynamic supervisor's anonymous child (no child id) linked to it alone: a pool.
  const ProcessRecord* parent = model_->find(r.parent);
  const bool underSupervisor = parent && parent->supervisor;
  if (r.links.empty()) return !underSupervisor;
  return underSupervisor && r.links.size() == 1 && r.links[0] == r.parent;
}

std::string GraphScene::groupKey(const ProcessRecord& r) {
  // A pool under a supervisor is its own group; free ones group by node and initial call.
  std::string key = std::to_string(r.node) + " " + inspect(r.initial_call);
  if (!r.links.empty()) key += " under " + std::to_string(r.parent.serial());
  return key;
}

void GraphScene::addOrGroup(const ProcessRecord& r, double now) {
  const uint32_t s = r.pid.serial();
  if (grouping_ && groupable(r)) {
    const std::string key = groupKey(r);
    if (!openedGroups_.count(key)) {
      if (auto g = groups_.find(key); g != groups_.end()) {
        g->second.members.insert(s);
        memberOf_[s] = key;
        dirtyGroups_.insert(key);
        return;
      }
      addNode(r, now);
      auto& c = candidates_[key];
      c.push_back(s);
      if (c.size() >= kGroupMin) {  // alive and still alike: ended ones do not count
        std::erase_if(c, [this](uint32_t m) {
          const ProcessRecord* mr = model_->find(m);
          NodeItem* n = node(m);
          return !mr || !n || n->dying() || !groupable(*mr);
        });
        if (c.size() >= kGroupMin) collapse(key, now);
      }
      return;
    }
  }
  addNode(r, now);
}

void GraphScene::collapse(const std::string& key, double now) {
  std::vector<uint32_t> cands = std::move(candidates_[key]);
  candidates_.erase(key);
  Group& g = groups_[key];
  g.serial = nextGroupSerial_++;
  groupKeyOf_[g.serial] = key;
  QPointF at;
  bool placed = false;
  for (uint32_t s : cands) {
    NodeItem* n = node(s);
    const ProcessRecord* r = model_->find(s);
    if (!n || n->dying() || !r || !groupable(*r) || n->pinned() || n->isSelected() || n->dragging()) continue;
    if (!placed) {
      at = n->pos();
      placed = true;
      g.initialCall = r->initial_call;
      g.node = r->node;
      if (!r->links.empty()) g.parent = r->parent;  // a supervisor's pool hangs under it in the tree
    }
    if (n->isSelected()) n->setSelected(false);
    removeItem(n);
    nodes_.erase(s);
    animSet_.erase(s);
    delete n;
    g.members.insert(s);
    memberOf_[s] = key;
  }
  ProcessRecord rec;
  rec.pid = Pid::make(0, g.serial);
  rec.node = g.node;
  rec.initial_call = g.initialCall;
  NodeItem* item = addNode(rec, now);
  if (placed) {
    item->setPos(at);
    item->target = at;
  }
  dirtyGroups_.insert(key);
  refreshGroups(now);
}

void GraphScene::leaveGroup(uint32_t serial, double now) {
  auto m = memberOf_.find(serial);
  if (m == memberOf_.end()) return;
  const std::string key = m->second;
  memberOf_.erase(m);
  if (auto g = groups_.find(key); g != groups_.end()) g->second.members.erase(serial);
  dirtyGroups_.insert(key);
  if (const ProcessRecord* r = model_->find(serial)) {
    if (const uint32_t above = collapsedAbove(*r)) {  // its supervisor's subtree is collapsed
      hiddenBy_[serial] = above;
      ++hiddenCount_[above];
      return;
    }
    NodeItem* n = addNode(*r, now);
    if (auto g = groups_.find(key); g != groups_.end())
      if (NodeItem* gn = node(g->second.serial)) n->setPos(gn->pos() + QPointF(40, 40));
  }
}

void GraphScene::openGroup(uint32_t groupSerial) {
  auto k = groupKeyOf_.find(groupSerial);
  if (k == groupKeyOf_.end()) return;
  const std::string key = k->second;
  const double t = now();
  auto g = groups_.find(key);
  if (g == groups_.end()) return;
  std::vector<uint32_t> members(g->second.members.begin(), g->second.members.end());
  openedGroups_.insert(key);
  for (uint32_t s : members) leaveGroup(s, t);
  dirtyGroups_.insert(key);
  refreshGroups(t);
}

void GraphScene::refreshGroups(double now) {
  for (const std::string& key : dirtyGroups_) {
    auto g = groups_.find(key);
    if (g == groups_.end()) continue;
    NodeItem* n = node(g->second.serial);
    if (g->second.members.empty()) {  // all ended, or opened: the group node goes
      if (n && !n->dying()) {
        n->scheduleDeath(now, Term(atoms::normal));
        animSet_.insert(g->second.serial);
      }
      groupKeyOf_.erase(g->second.serial);
      groups_.erase(g);
      continue;
    }
    if (!n) continue;
    ProcessRecord rec;
    rec.pid = Pid::make(0, g->second.serial);
    rec.node = g->second.node;
    rec.initial_call = g->second.initialCall;
    uint64_t mailbox = 0;
    for (uint32_t s : g->second.members)
      if (const ProcessRecord* r = model_->find(s)) mailbox += r->message_queue_len;
    rec.message_queue_len = uint32_t(std::min<uint64_t>(mailbox, UINT32_MAX));
    // A short label that stays readable from afar ("x 300 Worker"); the whole initial call under it.
    const Term& ic = g->second.initialCall;
    QString who = termTextShort(ic, 40);
    if (ic.is_tuple() && ic.tuple_size() == 3 && ic[0].is_atom()) {
      QString m = QString::fromStdString(std::string(atom_name(ic[0].as_atom())));
      if (m.startsWith(QStringLiteral("Elixir."))) m = m.mid(7);
      who = m.section(QLatin1Char('.'), -1);
    }
    n->setGroup(QStringLiteral("\u00d7%L1 %2").arg(g->second.members.size()).arg(who),
                tr("%1: click to open", nullptr).arg(termTextShort(ic, 40)));
    n->setRecord(rec);
    n->update();
  }
  dirtyGroups_.clear();
  animating_ = true;
}

// ---- collapsed subtrees ------------------------------------------------------------------------------

std::vector<Atom> GraphScene::systemSupervisors() {
  std::vector<Atom> out;
  for (const char* n : {"kernel_sup", "logger_sup", "elixir_sup", "Elixir.Logger.Supervisor", "Elixir.IEx.Supervisor",
                        "Elixir.Mix.Supervisor", "Elixir.Hex.Supervisor", "sasl_sup", "crypto_sup", "ssl_sup", "inets_sup",
                        "Elixir.Phoenix.PubSub.Supervisor", "Elixir.Plug.Crypto.Supervisor", "Elixir.Telemetry.Supervisor"})
    out.push_back(intern(n));
  return out;
}

std::vector<Atom> GraphScene::systemApplications() {
  std::vector<Atom> out;
  for (const char* n :
       {"kernel", "stdlib", "sasl", "logger", "compiler", "crypto", "ssl", "public_key", "asn1", "inets", "runtime_tools", "os_mon",
        "mnesia", "tools", "syntax_tools", "parsetools", "xmerl", "eunit", "common_test", "observer", "wx", "debugger", "et",
        "megaco", "diameter", "eldap", "ftp", "tftp", "snmp", "ssh", "odbc", "reltool", "edoc", "dialyzer", "erl_interface", "mix",
        "elixir", "iex", "ex_unit", "eex", "hex"})
    out.push_back(intern(n));
  return out;
}

bool GraphScene::runtimeSystemProcess(const ProcessRecord& r) {
  if (!r.initial_call.is_tuple() || r.initial_call.tuple_size() != 3 || !r.initial_call[0].is_atom()) return false;
  const std::string_view m = atom_name(r.initial_call[0].as_atom());
  return m.starts_with("erts_") || m == "prim_file" || m == "socket_registry";
}

namespace {
bool isInit(const ProcessRecord& r) {
  static const Atom init = intern("init");
  return r.name == init;
}
}  // namespace

bool GraphScene::foldable(const ProcessRecord& r) const {
  return r.supervisor || ObserverModel::isApplicationMaster(r) || (!autoCollapseApps_.empty() && isInit(r));
}

bool GraphScene::wantsAutoCollapse(const ProcessRecord& r) const {
  if (r.supervisor && r.name != atoms::nil && std::find(autoCollapse_.begin(), autoCollapse_.end(), r.name) != autoCollapse_.end())
    return true;
  if (!autoCollapseApps_.empty() && isInit(r)) return true;
  return r.label.is_atom() && !autoCollapseApps_.empty() && ObserverModel::isApplicationMaster(r) &&
         std::find(autoCollapseApps_.begin(), autoCollapseApps_.end(), r.label.as_atom()) != autoCollapseApps_.end();
}

uint32_t GraphScene::collapsedAbove(const ProcessRecord& r) const {
  if (collapsedSups_.empty()) return 0;
  const ProcessRecord* child = &r;  // the one below `p` on the way up
  Pid p = r.parent;
  for (int depth = 0; depth < 64 && p.valid(); ++depth) {
    const ProcessRecord* up = model_->find(p);
    if (collapsedSups_.count(p.serial())) {
      if (up && isInit(*up) && !runtimeSystemProcess(*child)) return 0;
      return p.serial();
    }
    if (!up) return 0;
    child = up;
    p = up->parent;
  }
  return 0;
}

size_t GraphScene::hiddenUnder(Pid sup) const {
  auto it = hiddenCount_.find(sup.serial());
  size_t n = it == hiddenCount_.end() ? 0 : it->second;
  for (uint32_t inner : collapsedSups_)  // collapsed itself inside it: what that one hides too
    if (auto h = hiddenBy_.find(inner); h != hiddenBy_.end() && h->second == sup.serial() && inner != sup.serial())
      n += hiddenUnder(Pid::make(0, inner));
  return n;
}

void GraphScene::collapseSubtree(Pid sup) {
  if (!collapsedSups_.insert(sup.serial()).second) return;
  for (const auto& [serial, r] : model_->processes()) {
    if (hiddenBy_.count(serial) || serial == sup.serial()) continue;
    const uint32_t above = collapsedAbove(r);
    if (!above) continue;
    if (NodeItem* n = node(serial)) {
      if (n->isSelected()) n->setSelected(false);
      removeItem(n);
      nodes_.erase(serial);
      animSet_.erase(serial);
      delete n;
    }
    if (auto m = memberOf_.find(serial); m != memberOf_.end()) {
      if (auto g = groups_.find(m->second); g != groups_.end()) g->second.members.erase(serial);
      dirtyGroups_.insert(m->second);
      memberOf_.erase(m);
    }
    hiddenBy_[serial] = above;
    ++hiddenCount_[above];
  }
  refreshCollapsed(sup.serial());
  if (!dirtyGroups_.empty()) refreshGroups(now());
  treesDirty_ = edgesDirty_ = rectDirty_ = true;
  heat_ = std::max(heat_, 0.6);
  animating_ = true;
}

void GraphScene::expandSubtree(Pid sup) {
  if (!collapsedSups_.erase(sup.serial())) return;
  const double t = now();
  std::vector<uint32_t> shown;
  for (const auto& [serial, by] : hiddenBy_)
    if (by == sup.serial()) shown.push_back(serial);
  std::sort(shown.begin(), shown.end());  // parents (older, smaller serials) first, near their place
  hiddenCount_.erase(sup.serial());
  for (uint32_t s : shown) {
    hiddenBy_.erase(s);
    const ProcessRecord* r = model_->find(s);
    if (!r) continue;
    if (const uint32_t above = collapsedAbove(*r)) {  // still under another collapsed supervisor
      hiddenBy_[s] = above;
      ++hiddenCount_[above];
      continue;
    }
    addOrGroup(*r, t);
  }
  refreshCollapsed(sup.serial());
  treesDirty_ = edgesDirty_ = rectDirty_ = true;
  heat_ = std::max(heat_, 0.6);
  animating_ = true;
}

bool GraphScene::reveal(Pid pid) {
  if (node(pid)) return true;
  for (int i = 0; i < 64; ++i) {  // each collapsed supervisor above it, innermost first
    auto h = hiddenBy_.find(pid.serial());
    if (h == hiddenBy_.end()) break;
    expandSubtree(Pid::make(0, h->second));
  }
  if (memberOf_.count(pid.serial())) leaveGroup(pid.serial(), now());
  if (!dirtyGroups_.empty()) refreshGroups(now());
  return node(pid) != nullptr;
}

void GraphScene::refreshCollapsed(uint32_t sup) {
  if (auto h = hiddenBy_.find(sup); h != hiddenBy_.end() && collapsedSups_.count(sup))
    refreshCollapsed(h->second);  // collapsed inside a collapsed one: that one's count changed too
  NodeItem* n = node(sup);
  const ProcessRecord* r = model_->find(sup);
  if (!n || !r) return;
  const size_t hidden = hiddenUnder(Pid::make(0, sup));
  const QString label = n->label();
  n->setLabelSuffix(collapsedSups_.count(sup) ? QStringLiteral("  +%L1").arg(hidden) : QString());
  n->setRecord(*r);
  if (n->label() != label) {  // a wider label needs a wider slot in its tree
    n->refreshSlotWidth();
    treesDirty_ = true;
    animating_ = true;
  }
  n->update();
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
  if (!autoCollapse_.empty() || !autoCollapseApps_.empty())
    for (uint32_t s : d.added)
      if (const ProcessRecord* r = model_->find(s); r && wantsAutoCollapse(*r) && autoCollapsed_.insert(s).second)
        collapsedSups_.insert(s);
  auto show = [&](uint32_t s, const ProcessRecord* r) {
    if (!r || node(s) || memberOf_.count(s) || hiddenBy_.count(s)) return;
    if (const uint32_t sup = collapsedAbove(*r)) {
      hiddenBy_[s] = sup;
      ++hiddenCount_[sup];
      refreshCollapsed(sup);
      return;
    }
    addOrGroup(*r, t);
    if (memberOf_.count(s)) return;  // drawn as its group
    if (presentationLog_) {
      auto it = spawnSeq.find(s);
      logPresented(t, it != spawnSeq.end() ? it->second : model_->lastSnapshotSeq(), "node_shown", s, 0, 0, nullptr);
    }
  };
  for (uint32_t s : d.added) show(s, model_->find(s));
  // A life that began and ended within one tick is still shown (its minimum time, then its death
  // below), unless so many did that they are a storm, which the counters tell.
  if (d.passed.size() <= kMaxPassedShown)
    for (uint32_t s : d.passed) show(s, model_->findAny(s));
  if (!d.added.empty())
    for (uint32_t sup : collapsedSups_) refreshCollapsed(sup);  // its node may have come after its children
  if (d.events)
    for (const TraceEvent& e : *d.events) handleEvent(e, t);
  for (uint32_t s : d.removed)
    if (collapsedSups_.count(s)) expandSubtree(Pid::make(0, s));  // what it hid is shown again
  for (uint32_t s : d.removed)
    if (auto h = hiddenBy_.find(s); h != hiddenBy_.end()) {
      const uint32_t sup = h->second;
      hiddenBy_.erase(h);
      if (hiddenCount_[sup] > 0) --hiddenCount_[sup];
      refreshCollapsed(sup);
    } else if (auto m = memberOf_.find(s); m != memberOf_.end()) {
      auto g = groups_.find(m->second);
      if (g != groups_.end()) g->second.members.erase(s);
      dirtyGroups_.insert(m->second);
      memberOf_.erase(m);
    } else if (NodeItem* n = node(s); n && !n->dying()) {
      const ProcessRecord* r = model_->findAny(s);
      n->scheduleDeath(std::max(t, arrivalAt(s)), r ? r->exit_reason : Term());
      logPresented(n->deathAt(), model_->lastSnapshotSeq(), "node_ended", s, 0, 0, nullptr);
      animSet_.insert(s);
    }
  if (!autoCollapse_.empty() || !autoCollapseApps_.empty())
    for (uint32_t s : d.updated)  // named or labelled since it came
      if (const ProcessRecord* r = model_->find(s); r && wantsAutoCollapse(*r) && !autoCollapsed_.count(s)) {
        autoCollapsed_.insert(s);
        collapseSubtree(r->pid);
      }
  bool grew = !d.added.empty();
  for (uint32_t s : d.updated)
    if (auto m = memberOf_.find(s); m != memberOf_.end()) {
      const ProcessRecord* r = model_->find(s);
      if (r && !groupable(*r)) leaveGroup(s, t);
      else dirtyGroups_.insert(m->second);
    }
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
        const size_t rel = relationCount(*r);
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
  if (!dirtyGroups_.empty()) refreshGroups(t);
  if (d.nodesChanged) {
    regionsDirty_ = rectDirty_ = true;
    treesDirty_ = true;
    heat_ = std::max(heat_, 0.6);
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
                                                 double t0, int farNode) const {
  NodeItem* target = node(to.serial());
  if (!target) return std::nullopt;
  SignalAnim s;
  s.from = from.valid() && node(from.serial()) ? from.serial() : 0;
  s.to = to.serial();
  s.toPos = target->pos();
  s.sender = from.valid() ? from.serial() : 0;
  // From its sender; from the observer's glyph when it came from outside the runtime.
  s.fromPos = s.from ? node(s.from)->pos() : !from.valid() ? observerPos() : target->pos() + QPointF(150, -120);
  if (farNode >= 0 && farNode != target->nodeId() && multiNode()) {
    // A lost connection: each side hears of it at its own border, where the connection was.
    s.from = 0;
    s.fromPos = borderPoint(target->nodeId(), static_cast<uint16_t>(farNode));
  }
  s.reason = reason;
  const bool ergo = model_->ergo();
  if (ergo) {  // Ergo's words (E1.2): the reason's name, a crash's own reason after it
    QString why = ergoReasonText(reason);
    if (why.size() > 40) why = why.left(39) + QChar(0x2026);
    s.text = type == SignalType::Down ? QStringLiteral("MessageDown ") + why : why;
  } else {
    s.text = type == SignalType::Down ? QStringLiteral("DOWN ") + termTextShort(reason) : termTextShort(reason);
  }
  s.t0 = t0;
  s.dur = std::max(travelMs_, latencyMs_);
  if (type == SignalType::Down) {
    s.kind = SignalAnim::DownPulse;
    s.color = style::downColor();
  } else {
    // Ergo mode: only the window's Kill (the node's, from no process) is forced (E1.6); a bolt
    // that turns out trapped (an Exit with :kill) becomes a pulse when it lands (deliver()).
    const bool forced = reason.is_atom(atoms::kill) && !linked && (!ergo || !from.valid());
    s.kind = forced ? SignalAnim::KillBolt : SignalAnim::ExitPulse;
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
  for (size_t i = 0; i < anims_.size(); ++i) {
    SignalAnim& s = anims_[i];
    if (s.delivered || s.to != b) continue;
    if (down != (s.kind == SignalAnim::DownPulse)) continue;
    if (s.kind == SignalAnim::Message || s.kind == SignalAnim::Envelope || s.kind == SignalAnim::Fizzle) continue;
    if (s.sender != (e.a.valid() ? a : 0)) continue;
    if (e.outcome == SignalOutcome::Lost) {  // R9.6: it never arrives; the pulse vanishes on its way
      anims_.erase(anims_.begin() + std::ptrdiff_t(i));
      return;
    }
    s.delivered = true;
    s.outcome = e.outcome;
    s.landSeq = e.seq;
    if (e.outcome == SignalOutcome::Trapped && s.kind == SignalAnim::KillBolt) s.kind = SignalAnim::ExitPulse;
    if (s.rtProgress >= 0) {
      // Tracked: play the rest of the way from where it was, at kFinishMs for the whole edge, so a
      // pulse that is nearly there lands now: its effects are presented right after this (a killed
      // node's end, the exits it sends), and must not leave before it lands.
      const double p = std::clamp(s.rtProgress, 0.0, 1.0);
      s.dur = kFinishMs;
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
  if (!send.a.valid() && send.flag) {  // a node notice: from the border, where the connection is
    uint16_t other = to->nodeId();
    if (send.term.is_tuple() && send.term.tuple_size() == 2 && send.term[1].is_atom())
      if (auto id = model_->graph().node_id(send.term[1].as_atom())) other = *id;
    s.fromPos = borderPoint(to->nodeId(), other);
  }
  s.toPos = to->pos();
  s.t0 = t;
  s.dur = std::max(1.0, travelMs);
  s.delivered = true;
  s.color = style::observerColor();
  // A message from the window carries its text; the console's own (the line typed) says "input".
  if (!from)
    s.text = console::is_console_protocol(send.term) ? QString::fromStdString(console::console_protocol_label(send.term))
                                                     : termTextShort(send.term);
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
      if (auto anim = signalAnim(e.a, e.b, e.signal, e.term, e.flag, departureAt(a, now), e.node2 ? int(e.node) : -1)) {
        anim->seq = e.seq;
        // Ergo (E1.2, E1.3): an exit or DOWN of a link or monitor by name leaves from the name's badge.
        if (e.ref.id && !badges_.empty())
          if (const ProcessRecord* w = model_->find(b))
            for (const NameTarget& nt : w->name_targets)
              if (nt.ref == e.ref && badges_.count({a, nt.name.id})) anim->fromName = nt.name.id;
        if (auto it = plannedTravel_.find(e.seq); it != plannedTravel_.end())
          anim->dur = std::max({1.0, it->second, latencyMs_});
        if (e.node2 == 1 && e.b.valid())  // a lost connection's signal: it arrives once the cut is noticed
          if (NodeItem* to = node(b)) {
            auto d = detectMs_.find({std::min(e.node, to->nodeId()), std::max(e.node, to->nodeId())});
            if (d != detectMs_.end()) anim->dur = std::max(anim->dur, d->second);
          }
        logPresented(anim->t0, e.seq, "pulse_start", 0, a, b, signalName(*anim), -1, !e.a.valid());
        addAnim(std::move(*anim));
      }
      break;
    case TraceKind::SignalDelivered:
      if (e.signal != SignalType::Message) deliver(e, now);  // a lost message: its envelope has landed already
      break;
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
    case TraceKind::GiveUp:
      // It stops its children and exits next; it stays drawn as a ghost, saying why.
      if (NodeItem* sup = node(a)) {
        sup->setGhost(giveUpNote(e.term));
        sup->pulseRing(now, style::reasonColor(Term(atoms::kill)));
        animSet_.insert(a);
      }
      break;
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
    case TraceKind::Connect:
    case TraceKind::Disconnect:
    case TraceKind::Heal:
      connChangedAt_[{std::min(e.node, e.node2), std::max(e.node, e.node2)}] = now;
      lastConnChange_ = now;
      if (e.kind == TraceKind::Disconnect)  // the cut's signals take this long to be noticed
        detectMs_[{std::min(e.node, e.node2), std::max(e.node, e.node2)}] =
            e.term.is_integer() ? double(e.term.as_integer()) : 0;
      regionsDirty_ = true;
      break;
    case TraceKind::NodeUp:
    case TraceKind::NodeDown:
      regionsDirty_ = true;
      treesDirty_ = true;
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
    std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> named;  // badges the edges end at -> holders
    for (const auto& [k, n] : nodes_) {
      n->springs.clear();
      const ProcessRecord* r = model_->findAny(k);
      if (!r) continue;
      if (r->alive && model_->find(k)) {  // the force layout's springs, as the live record has them
        auto spring = [&](Pid other) {
          if (NodeItem* m = node(other)) n->springs.push_back(m);
        };
        for (Pid o : r->links) spring(o);
        for (Pid o : r->one_way_links) spring(o);
        for (const auto& [ref, o] : r->monitors) spring(o);
        for (const auto& [ref, o] : r->monitored_by) spring(o);
      }
      for (Pid peer : r->links)
        if (node(peer) && links.insert(pairKey(k, peer.serial())).second) out.push_back({GraphEdge::Link, k, peer.serial()});
      // Ergo: each direction is a link of its own; one made by name ends at the name's badge (E1.2).
      for (const NameTarget& t : r->name_targets)
        if (t.link && node(t.target)) {
          links.insert(pairKey(k, t.target.serial()));
          out.push_back({GraphEdge::OneWayLink, k, t.target.serial(), t.name.id});
          named[{t.target.serial(), t.name.id}].push_back(k);
        }
      for (Pid target : r->one_way_links)
        if (node(target) && std::none_of(r->name_targets.begin(), r->name_targets.end(),
                                         [&](const NameTarget& t) { return t.link && t.target == target; })) {
          links.insert(pairKey(k, target.serial()));
          out.push_back({GraphEdge::OneWayLink, k, target.serial()});
        }
      for (const auto& [ref, target] : r->monitors)
        if (node(target)) {
          uint32_t name = 0;
          for (const NameTarget& t : r->name_targets)
            if (!t.link && t.ref == ref) name = t.name.id;
          out.push_back({GraphEdge::Monitor, k, target.serial(), name});
          if (name) named[{target.serial(), name}].push_back(k);
        }
      if (!r->alive)  // a dead target keeps its arrows while it fades
        for (const auto& [ref, watcher] : r->monitored_by)
          if (NodeItem* w = node(watcher); w && !w->dying()) out.push_back({GraphEdge::Monitor, watcher.serial(), k});
    }
    for (const auto& [k, n] : nodes_) {
      if (k >= kGroupSerial && n->inTree)  // a pool's group hangs under its supervisor
        if (const uint32_t p = groupParent(k); p && node(p)) out.push_back({GraphEdge::Tree, p, k});
      const ProcessRecord* r = model_->findAny(k);
      if (!r || !n->inTree || !node(r->parent)) continue;
      if (!links.count(pairKey(k, r->parent.serial()))) out.push_back({GraphEdge::Tree, r->parent.serial(), k});
    }
    syncBadges(named);
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

  placeBadges();
  placeGhostNotes(t, moving);
  observer_->setVisible(!nodes_.empty());
  if (!nodes_.empty() && observer_->pos() != observerPos()) observer_->setPos(observerPos());
  const QRectF r = nodesRect().adjusted(-300, -300, 300, 300);
  regionLayer_->setRect(r);
  edgeLayer_->setRect(r);
  signalLayer_->setRect(r);
  nodeLayer_->setRect(r);
  if (!connChangedAt_.empty() && t < lastConnChange_ + 450) moving = true;  // a cut's break opening
  animating_ = moving;
  if (moving) {
    regionLayer_->update();
    edgeLayer_->update();
    signalLayer_->update();
    nodeLayer_->update();
  }
}

void GraphScene::relayoutTrees() {
  treesDirty_ = false;
  if (multiNode()) layoutBands();
  else layoutOneNode();
  // Brand-new tree nodes start in their slot instead of flying across the scene.
  gliding_.clear();
  for (auto& [k, n] : nodes_) {
    if (!n->inTree) continue;
    gliding_.push_back(k);
    if (n->scale() < 0.05 && !n->dying()) n->setPos(n->target);
  }
  rectDirty_ = true;
}

void GraphScene::layoutOneNode() {
  if (!bands_.empty()) {  // back to one node
    bands_.clear();
    regionsDirty_ = true;
  }
  // The layout itself is a pure function (TreeLayout.h); here: its input from the nodes on
  // screen, and its slots back onto them.
  std::vector<TreeNode> input;
  input.reserve(nodes_.size());
  for (auto& [k, n] : nodes_) {
    const ProcessRecord* r = n->dying() ? model_->findAny(k) : model_->find(k);
    TreeNode t;
    t.serial = k;
    t.parent = r && node(r->parent) ? r->parent.serial() : 0;  // a dying parent keeps its place
    if (!r && k >= kGroupSerial) t.parent = groupParent(k);  // a pool under its supervisor
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
}

void GraphScene::forceStep() {
  // The scene's free nodes as plain values for the pure layout (views/observer/ForceLayout.h);
  // the vectors are reused between steps.
  forceNodes_.clear();
  forceSprings_.clear();
  forceNodes_.reserve(nodes_.size());
  for (auto& [k, n] : nodes_) {
    n->layoutIndex = uint32_t(forceNodes_.size());
    ForceNode f;
    f.key = k;
    f.x = n->pos().x();
    f.y = n->pos().y();
    f.vx = n->velocity.x();
    f.vy = n->velocity.y();
    f.heat = n->heat;
    f.radius = n->radius();
    f.fixed = n->inTree || n->pinned() || n->dragging();
    f.dying = n->dying();
    f.replaces = n->replaces;
    if (!bands_.empty())
      if (auto b = bands_.find(n->nodeId()); b != bands_.end()) {
        f.banded = true;
        f.bandLeft = b->second.freeLeft;
        f.bandRight = b->second.right;
      }
    forceNodes_.push_back(f);
  }
  for (auto& [k, n] : nodes_) {
    const ForceNode& f = forceNodes_[n->layoutIndex];
    if (f.fixed || f.dying || f.heat < kForceAsleep) continue;  // only the awake are pulled
    for (NodeItem* m : n->springs) forceSprings_.push_back({n->layoutIndex, m->layoutIndex});
  }
  ForceLayoutParams params;
  params.cell = kCell;
  params.linkRest = style::kLinkRest;
  params.centreX = freeOriginX_ + 380;
  params.centreY = 260;
  params.wallX = freeOriginX_;
  const ForceStepResult r = views::forceStep(forceNodes_, forceSprings_, params, forceState_);
  layoutWork_ += r.work;
  for (auto& [k, n] : nodes_) {
    const ForceNode& f = forceNodes_[n->layoutIndex];
    if (!f.stepped) continue;
    n->room = f.room;
    n->velocity = QPointF(f.vx, f.vy);
    n->heat = f.heat;
    if (n->velocity != QPointF()) n->setPos(f.x, f.y);
  }
  if (r.moved) rectDirty_ = true;
  heat_ = r.heat;
}

std::vector<QRectF> GraphScene::paintedPulseLabels() const { return signalLayer_->drawnLabels(); }

QPointF GraphScene::observerPos() const {
  const QRectF r = nodesRect();
  if (r.isNull()) return {0, 0};
  // Beside the leftmost node, never on it: its label (wider in some languages) clear of the node's.
  return {r.left() - std::max(70.0, observer_->halfWidth() + 16), r.top() + 40};
}

QRectF GraphScene::observerRect() const {
  if (nodes_.empty()) return {};
  const double half = std::max(69.0, observer_->halfWidth() + 2);
  return QRectF(observerPos() + QPointF(-half, -36), QSizeF(2 * half, 99));
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
  auto pidText = [this](uint32_t serial) {  // as node 0 prints it (another node's: #PID<N.x.0>)
    const uint16_t node = model_->graph().node_of(serial);
    return QStringLiteral("#PID<%1.%2.0>").arg(node ? node + 1u : 0u).arg(serial);
  };
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
