#pragma once
// NodeItem: one process in the graph. Painted from a few plain fields the scene sets; animated by
// the scene's central tick (no animation objects of its own). GUI thread only.

#include "ObserverModel.h"

#include "actorscope/term.hpp"

#include <QGraphicsItem>
#include <QStaticText>
#include <QString>

#include <array>

#include <algorithm>
#include <vector>

namespace actorscope::views {

class NodeItem final : public QGraphicsItem {
public:
  enum class Preview { None, Target, Dies, TrapsExit, GetsDown };

  explicit NodeItem(Pid pid);

  Pid pid() const { return pid_; }
  /// Copies what is drawn from the model's record.
  void setRecord(const ProcessRecord& r);

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  bool isSupervisor() const { return supervisor_; }
  /// The console's shell (drawn as a terminal with a ">_" prompt) or its server (a terminal with
  /// a restart arrow); ConsoleRole::None for every other process.
  ConsoleRole consoleRole() const { return console_; }
  bool isShell() const { return console_ == ConsoleRole::Shell; }
  const QString& label() const { return label_; }
  /// "#PID<0.84.0>" as node 0 prints it (its first number names another node).
  const QString& pidText() const { return pidText_; }
  uint16_t nodeId() const { return node_; }
  uint32_t mailbox() const { return mailbox_; }
  /// Ergo mode (SEMANTICS E1.9): the mailbox is drawn as three stacked counters, Urgent, System
  /// and Main, instead of one badge. Set before the first setRecord.
  void setErgo(bool on);
  bool ergo() const { return ergo_; }
  /// Ergo mode: where counter `queue` (0 Urgent, 1 System, 2 Main) is drawn at view scale `lod`
  /// (item coordinates): a stack rising from just off the body's top right, so it never covers the
  /// body, and as big as the labels (times the text scale: presentation mode).
  QRectF queueRect(int queue, double lod) const;
  /// Where the counters of a body of radius `r` reach at view scale `lod`, three digits wide (for
  /// fitting the view, which does not know every node's counts).
  static QRectF queueReach(double r, double lod);
  /// Ergo mode: how many wait in the Urgent, System and Main queues (they sum to mailbox()).
  uint32_t queueUrgent() const { return urgent_; }
  uint32_t queueSystem() const { return system_; }
  uint32_t queueMain() const { return mailbox_ - std::min(mailbox_, urgent_ + system_); }
  bool trapsExit() const { return trap_; }
  double radius() const;
  /// The body's fill colour (worker, supervisor or shell).
  QColor bodyColor() const;
  /// A group node (GraphScene's grouping): it stands for many processes, drawn as a stack, with
  /// `label` ("x 12,000 :erlang.apply/2") and `subtitle` under it instead of a name and a pid.
  void setGroup(const QString& label, const QString& subtitle);
  bool isGroup() const { return group_; }
  /// Text after the label ("  +23": a collapsed supervisor's hidden processes); "" for none.
  void setLabelSuffix(const QString& suffix);
  /// The label's font size (scene px) at view scale `lod`: at least kLabelPx, grown so that the
  /// name is ~11 px on screen where its room allows.
  double labelPx(double lod) const;
  static constexpr double kLabelPx = 15;
  /// Whether the label is drawn at view scale `lod`, and where (item coordinates, with the pid line
  /// under a name; empty when not drawn): an arrow to this node ends before it.
  bool labelShown(double lod) const;
  QRectF labelRect(double lod) const;
  /// Every label's size, times `k` (presentation mode: 1.5). GUI thread; GraphScene::setTextScale
  /// calls it and lays the nodes out again.
  static void setTextScale(double k);
  static double textScale();
  /// The width it needs side by side, after a text scale change.
  void refreshSlotWidth();
  static constexpr double kMaxLabelPx = 40;
  /// Width the node needs side by side with others (its label is usually the widest part).
  double slotWidth() const { return slotWidth_; }
  /// The label's width (scene px) at view scale `lod`, drawn centred below the node.
  double labelWidth(double lod) const { return (labelW15_ + 10) * labelPx(lod) / kLabelPx; }

  // ---- animation state, driven by GraphScene's tick (times in ms of the scene clock) ----
  bool dying() const { return deathAt_ >= 0; }
  double deathAt() const { return deathAt_; }
  void scheduleDeath(double at, const Term& reason);
  /// Returns false once the fade-out is over (the scene then removes the item).
  bool animate(double now);
  /// Something on this node still changes with time (pop-in, ring, death): the scene's tick
  /// animates only these.
  bool needsAnimate() const { return appearAt_ >= 0 || ringAt_ >= 0 || (deathAt_ >= 0 && !ghostSettled_); }
  /// A supervisor that gave up: once dead it stays drawn, faded, with `note` beside it ("gave up:
  /// more than 3 restarts in 5 s"; the side: noteSide()) until dismissed (a click on it, or dismissGhost()).
  void setGhost(const QString& note);
  bool ghost() const { return !ghostNote_.isEmpty(); }
  const QString& ghostNote() const { return ghostNote_; }
  /// Lets a ghost go: its fade ends and the scene removes it.
  void dismissGhost();
  /// Where a ghost's note is drawn beside it: the scene picks the first side whose rect is free of
  /// the other nodes (body and labels) and inside the fitted scene (GraphScene::placeGhostNotes).
  enum class NoteSide { Right, Left, Below, Above };
  NoteSide noteSide() const { return noteSide_; }
  /// The note as drawn: the whole note, or elided to where no side had room for it all (the
  /// tooltip keeps the whole reason).
  const QString& noteText() const { return noteText_.isEmpty() ? ghostNote_ : noteText_; }
  /// `box`: its rect at the view scale it was placed for (the bounding rect holds it).
  /// `shift`: below or above, how far it is slid right of centred (scene px at `box`'s scale).
  void setNotePlacement(NoteSide side, const QString& shown, const QRectF& box, double shift = 0);
  /// The note's font and its rect (item coordinates) on side `side` at view scale `lod`, `width`
  /// wide (< 0: as wide as the text drawn needs); noteRect: on its side, as drawn. Empty for a
  /// node that is no ghost.
  QFont noteFont(double lod) const;
  QRectF noteRect(NoteSide side, double lod, double width = -1, double shift = 0) const;
  QRectF noteRect(double lod) const;
  /// What the node covers at view scale `lod` (item coordinates): its body, its label with the
  /// pid line under it where they are drawn, and (Ergo mode) its queue counters. A ghost's note keeps off the others'.
  QRectF footprint(double lod) const;
  void setAppearAt(double at) {
    appearAt_ = at;
    shownAt_ = at;
  }
  /// When the node first appeared (scene ms): its death is shown kMinLifeMs later at the earliest.
  double shownAt() const { return shownAt_; }
  static constexpr double kMinLifeMs = 300;
  void setPreview(Preview p);
  Preview preview() const { return preview_; }
  void setHighlight(bool on);
  /// Flash a short ring (a trapped envelope arrived, a restart).
  void pulseRing(double now, const QColor& c);

  /// Level of detail: at view scale `lod`, drawn as a plain blob (far away, or one of a crowd).
  bool wantsBlob(double lod) const;
  /// Blobs are drawn by the scene's node layer, in one pass, not by the item (which keeps its
  /// shape for picking and selection). Re-evaluated when the view's detail band or the node's
  /// state changes.
  void refreshBlob();
  bool blobbed() const { return blobbed_; }
  /// Draws the plain blob at `at` (scene coordinates).
  void paintBlob(QPainter* p, QPointF at) const;
  /// What the blob looks like, as a key for a cache of pre-drawn blobs (same key, same pixels).
  uint64_t blobKey() const;

  bool pinned() const { return pinned_; }
  void setPinned(bool on) { pinned_ = on; }
  bool dragging() const { return dragging_; }
  bool inTree = false;   // placed by the tree layout
  QPointF target;        // where the layout wants it
  QPointF velocity;      // force layout
  double heat = 1;       // force layout: how far it may still move (new nodes hot, settled ones cold)
  double order = 0;
  /// The force layout's springs (links, monitors, monitored_by), rebuilt with the edges.
  std::vector<NodeItem*> springs;
  uint32_t layoutIndex = 0;  // GraphScene::forceStep's scratch: this node's index in its input
  /// Horizontal room (scene px) the layout leaves for this node's label: its slot in a tree (a
  /// parent: its subtree's width), about the distance to its nearest neighbour in the force layout.
  /// The label grows into it as the view zooms out, to stay readable on screen.
  double room = 0;
  /// 1: the label sits one row lower (tree leaves alternate, so each label gets two slots' room).
  int labelRow = 0;
  /// Set by the scene when hundreds of nodes are on show: unnamed nodes drop their pid labels
  /// and bodies are drawn plainly (level of detail for a crowd).
  bool crowd = false;
  size_t relations = 0;
  uint32_t replaces = 0;  // a restarted child: the serial of the one it replaces (no push between them)  // links + monitors + monitored_by last seen (layout: reheat on growth)

protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
  void mousePressEvent(QGraphicsSceneMouseEvent* e) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* e) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* e) override;

private:
  /// The body's outline grown by `grow` (circle, rounded square or terminal window).
  QPainterPath bodyPath(double grow, double cornerGrow = 0) const;
  void paintShellGlyph(QPainter* p) const;
  /// Ergo mode's mailbox: Urgent, System and Main counters stacked where the badge would be (a
  /// queue with nothing in it dimmed), in font `f`, for a body of radius `r` at view scale `lod`.
  void paintQueues(QPainter* p, const QFont& f, double r, double lod) const;
  /// The counters' size factor at view scale `lod` (1 at normal size and zoom), their texts ("U 3")
  /// and the pill `queue` of width `w` for a body of radius `r`.
  static double queueScale(double lod);
  std::array<QString, 3> queueTexts() const;
  static QRectF queuePill(int queue, double r, double k, double w);
  /// The plain blob (no label, no badges) of radius `r` centred at `at`.
  void paintPlain(QPainter* p, QPointF at, double r) const;

  Pid pid_;
  bool group_ = false;
  QString groupLabel_;
  QString labelSuffix_;
  Term labelTerm_;  // the record's label (child id) the label was made from
  QString label_;
  QString pidText_;
  uint16_t node_ = 0;
  bool supervisor_ = false;
  ConsoleRole console_ = ConsoleRole::None;
  bool trap_ = false;
  bool suspended_ = false;
  uint32_t mailbox_ = 0;
  bool ergo_ = false;
  uint32_t urgent_ = 0, system_ = 0;  // Ergo mode: parts of mailbox_
  uint32_t restarts_ = 0;
  double deathAt_ = -1;
  QColor deathColor_;
  QString ghostNote_;
  QString noteText_;  // the note elided ("" : the whole of ghostNote_)
  NoteSide noteSide_ = NoteSide::Right;
  double noteShift_ = 0;  // below or above: slid right by this many of the note's pixels (its font's)
  QRectF noteBox_;  // the note's rect when last placed (the bounding rect holds it)
  bool ghostSettled_ = false;
  double appearAt_ = -1;
  double shownAt_ = 0;
  double ringAt_ = -1;
  QColor ringColor_;
  double now_ = 0;
  Preview preview_ = Preview::None;
  bool highlight_ = false;
  bool pinned_ = false;
  bool dragging_ = false;
  bool moved_ = false;
  double slotWidth_ = 96;
  double labelW15_ = 60;  // width of the label at the base font (15 px)
  QStaticText labelText_;  // laid out once per font size: thousands of labels per frame stay cheap
  int labelTextPx_ = 0;
  bool labelled_ = false;
  bool blobbed_ = false;
  Atom name_{atoms::nil.id};
};

}  // namespace actorscope::views
