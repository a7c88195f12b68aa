#pragma once
// GraphScene: the live process graph. Nodes are NodeItems; every edge and every travelling signal
// is painted by two layer items (one paint call each), so thousands of edges cost no items.
// Layout: a tidy tree for supervision trees (supervisor above its children, in start order) and
// an incremental, grid-bucketed force layout for everything else; nodes keep their places.
// Animations: one central tick (advance()), driven by the events the model applied, in order.
// GUI thread only.

#include "BlastRadius.h"
#include "ForceLayout.h"
#include "ObserverModel.h"
#include "Pipeline.h"

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QLineF>
#include <QPainterPath>

#include <functional>

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace actorscope::views {

class NodeItem;
class RegionLayer;
class EdgeLayer;
class SignalLayer;
class NodeLayer;
class NameBadge;

/// One edge as drawn, for tests and the edge layer.
struct GraphEdge {
  enum Kind { Link, Monitor, Tree, OneWayLink } kind;
  uint32_t from;  // serials; Monitor: watcher -> target; Tree: parent -> child; OneWayLink (Ergo
                  // mode): linker -> target, drawn as an arrow (the target's end sends the exit)
  uint32_t to;
  uint32_t name = 0;  // Ergo mode (E1.2): a OneWayLink or Monitor made by this registered name (an
                      // atom id): its arrow ends at the target's name badge. 0: by pid
};

/// A signal being animated.
struct SignalAnim {
  enum Kind { ExitPulse, KillBolt, DownPulse, Message, Envelope, Fizzle } kind;
  uint32_t from = 0;  // 0: from outside the runtime (the observer)
  uint64_t seq = 0;   // the trace event it stands for (SignalSent, or the Send)
  uint64_t landSeq = 0;  // the SignalDelivered (or the Send) that landed it
  uint32_t sender = 0;   // the sending process's serial (drawn or not); 0: the observer
  uint32_t to = 0;
  QPointF fromPos, toPos;  // last known ends (used when a node is gone)
  QColor color;
  double t0 = 0, dur = 0;
  bool delivered = false;
  // Where the runtime says it is (Runtime::in_flight()): sent and due on the runtime clock, in ns.
  // rtSent < 0: not tracked; the pulse then plays on the scene clock and waits near its target.
  int64_t rtSent = -1, rtDue = -1;
  bool listed = false;      // in the latest in-flight list
  double rtProgress = -1;   // the tracked position along the edge, 0..1 (set each tick)
  SignalOutcome outcome = SignalOutcome::None;
  Term reason;
  QString text;  // the label drawn beside a pulse (made once, not per frame)
  uint32_t fromName = 0;  // Ergo: an exit or DOWN of a link or monitor by this name (atom id): it
                          // leaves from the name's badge over `from` (E1.2, E1.3)
  double progress(double now) const;
};

class GraphScene final : public QGraphicsScene, public PresentationSink {
  Q_OBJECT

public:
  explicit GraphScene(ObserverModel* model, QObject* parent = nullptr);
  ~GraphScene() override;

  /// The central tick: layout step, animation step, repaint. `now` in ms (default: own clock).
  void advance(double now = -1);
  /// Manual clock (an export renders frames faster or slower than real time): now() is the `now`
  /// of the last advance(), which then must be given. Off by default (a wall clock).
  void setManualClock(bool on) { manualClock_ = on; }
  double now() const override;
  /// The pulse duration when a signal is instantaneous (ms), and the per-hop latency the user set.
  void setLatencyHint(double ms) { latencyMs_ = ms; }
  /// Labels `k` times their size (presentation mode); the layout makes room for them.
  void setTextScale(double k);
  /// Forget every node (a new runtime).
  void reset();
  /// How long a signal or message travels along its edge (ms): the playhead's travel time, so a
  /// pulse lands when the playhead presents its effect.
  void setTravelMs(double ms) override { travelMs_ = ms; }
  /// The travel the playhead planned for the signal of trace event `seq` (a SignalSent about to
  /// be applied): its pulse takes exactly that long.
  void planTravel(uint64_t seq, double ms) override { plannedTravel_[seq] = ms; }
  /// A message leaves its sender (the playhead's Departure of a Send); it lands `travelMs` later.
  void departure(const TraceEvent& send, double travelMs) override;
  /// Where commands from the window start: the observer's glyph at the left edge of the graph.
  QPointF observerPos() const;
  /// The glyph's rect (empty while no node is shown): fitting the view keeps it in sight.
  QRectF observerRect() const;

  /// What the graph presents and when, one JSON object a line (docs/presentation-log.md); set a
  /// writer to log, an empty one to stop. Costs nothing when unset.
  using PresentationWriter = std::function<void(const QByteArray& line)>;
  void setPresentationLog(PresentationWriter w) { presentationLog_ = std::move(w); }

  /// The runtime's clock at the last take (ns), and whether it advances with the wall clock
  /// (live mode, or a deterministic runtime playing); the scene interpolates between takes.
  void setRuntimeClock(int64_t nowNs, bool running);
  /// The signals on their way, from Runtime::in_flight(): undelivered EXIT and DOWN pulses are
  /// then drawn where they are (sent_ns/due_ns against the runtime clock), not parked near the end.
  void setInFlight(const std::vector<InFlightSignal>& inFlight);
  /// The scene was rebuilt from a snapshot (a jump in a recording): draws the EXIT and DOWN
  /// signals on their way at that moment (no pulse exists for them yet), then setInFlight().
  void addInFlight(const std::vector<InFlightSignal>& inFlight);
  /// The runtime clock estimated at scene time `now` (ms).
  int64_t runtimeNow(double now) const;

  NodeItem* node(Pid pid) const;
  NodeItem* node(uint32_t serial) const;
  /// The node `serial` changed by itself (a ghost dismissed): animate it on the next tick.
  void wake(uint32_t serial) { animSet_.insert(serial); }
  /// Lets every give-up ghost go (a new scenario does it too). Returns how many there were.
  int dismissGhosts();
  /// Live (not dying) nodes.
  int nodeCount() const;
  std::vector<GraphEdge> edges() const;
  const std::deque<SignalAnim>& signalAnims() const { return anims_; }
  /// The pulse labels the last painted frame drew (scene coordinates): clear of each other and of
  /// the names of the processes each pulse travels between.
  std::vector<QRectF> paintedPulseLabels() const;
  /// True when something moves: the view repaints only then.
  bool animating() const { return animating_; }

  /// Shows who dies / gets EXIT / gets DOWN; an empty radius clears it.
  void showBlastRadius(Pid target, const BlastRadius& radius);
  void clearBlastRadius();

  /// The first node whose label or pid contains `text` (case-insensitive), or nullptr.
  NodeItem* findNode(const QString& text) const;
  Pid selectedPid() const;
  void selectPid(Pid pid);
  /// Bounding rect of the live nodes.
  QRectF nodesRect() const;
  /// The live nodes' labels at view scale `lod` (they grow as the view zooms out).
  QRectF labelsRect(double lod) const;

  /// The level of detail (view scale) the graph view draws at, told by the view before each
  /// paint: nodes drawn as plain blobs at that scale are painted in one pass by a layer.
  void setViewLod(double lod);
  double viewLod() const { return viewLod_; }

  /// The edge (link, monitor or tree) nearest to `scenePos` within `tolerance` scene units, or
  /// none. Edges touching a node under `scenePos` count too (the caller tests nodes first).
  std::optional<GraphEdge> edgeAt(QPointF scenePos, double tolerance) const;
  // ---- Ergo mode: name badges (E1.2) ----
  /// The pill drawn above process `target` for its registered name `name` while a live process
  /// links to or monitors it by that name (the arrows of those end at it); null when none. It is
  /// struck through once the process no longer holds the name (an unregister fired them with
  /// :unregistered, E1.3) and goes when the last of them has reached its holder.
  const NameBadge* nameBadge(uint32_t target, Atom name) const;
  size_t nameBadgeCount() const { return badges_.size(); }
  /// The badge's pill in scene coordinates at view scale `lod` (empty when there is none), and
  /// whether it is struck through (the process no longer holds the name).
  QRectF nameBadgeRect(uint32_t target, Atom name, double lod = 1) const;
  bool nameBadgeStruck(uint32_t target, Atom name) const;
  /// The badge under `scenePos` at view scale `lod`: (its process, the name); none when none.
  std::optional<std::pair<Pid, Atom>> nameBadgeAt(QPointF scenePos, double lod) const;
  /// Where a drag may link or monitor by name (Ergo mode): a badge, else the label of a live
  /// registered process, under `scenePos`: (the process, the name); none in BEAM mode.
  std::optional<std::pair<Pid, Atom>> nameDropAt(QPointF scenePos, double lod) const;
  /// A named edge's arrow at view scale `lod`, from its holder to the badge's border (scene
  /// coordinates); null when `e` has no name or its badge or holder is not drawn.
  QLineF badgeArrow(const GraphEdge& e, double lod) const;

  /// The extra latency (ms) injected on the edge between two processes (a delay fault with a
  /// peer, seen on the trace); 0 when none. Drawn as a label on the edge.
  int edgeDelayMs(uint32_t a, uint32_t b) const;
  size_t delayedEdgeCount() const { return edgeDelays_.size(); }

  /// Counts for the perf tests.
  size_t layoutWork() const { return layoutWork_; }

  // ---- groups: a crowd of alike processes as one node (an attached node's 100,000) ----
  /// With grouping on, free processes (no name, link, monitor, trap_exit, supervisor or child id),
  /// and a supervisor's anonymous children linked to it alone (a pool), that share an initial
  /// call (and supervisor) on a node are drawn as one group node once kGroupMin are shown:
  /// "x N module.fun/arity", as a stack, with their mailboxes summed. A click opens a group (its
  /// processes are drawn one by one from then on); a member that gains a name or a relation
  /// leaves its group. Off by default (the window turns it on for an attached node).
  void setGrouping(bool on);
  bool grouping() const { return grouping_; }
  static constexpr size_t kGroupMin = 25;
  /// Lives that began and ended within one tick are drawn (for their minimum time) when at most
  /// this many did; more are a storm, counted but not drawn one by one.
  static constexpr size_t kMaxPassedShown = 64;
  /// Group nodes have serials from here up (no process has one).
  static constexpr uint32_t kGroupSerial = 0xFFF0'0000u;
  /// The group node standing for process `serial` (0: none).
  uint32_t groupOf(uint32_t serial) const;
  /// Members of the group node `groupSerial` (0 when it is none).
  size_t groupSize(uint32_t groupSerial) const;
  size_t groupCount() const { return groups_.size(); }
  /// Draws the group's processes one by one from now on.
  void openGroup(uint32_t groupSerial);

  // ---- collapsed supervision subtrees ----
  /// Hides every process under supervisor `sup` (its subtree); the supervisor stays, its label
  /// followed by "+N", the processes hidden. Signals to hidden processes are not drawn.
  void collapseSubtree(Pid sup);
  void expandSubtree(Pid sup);
  bool collapsed(Pid sup) const { return collapsedSups_.count(sup.serial()) > 0; }
  /// How many processes a collapsed supervisor hides (with those of collapsed ones inside it).
  size_t hiddenUnder(Pid sup) const;
  /// Collapse when first seen as one of these, as they appear or when a later report says so
  /// (a name registered, an application learnt): supervisors registered under `names` (an
  /// attached node's own trees: kernel_sup, logger_sup...) and the masters of the applications
  /// `apps` (the node's system applications, whole); with `apps`, also the node's `init`, which
  /// then folds only the runtime system's own processes it started (runtimeSystemProcess).
  /// Each process is collapsed once: one the user opened stays open.
  void setAutoCollapse(std::vector<Atom> names, std::vector<Atom> apps = {}) {
    autoCollapse_ = std::move(names);
    autoCollapseApps_ = std::move(apps);
  }
  /// Draws `pid` if a collapsed subtree hides it or a group stands for it (expands the one, takes
  /// it out of the other). True when it is drawn now.
  bool reveal(Pid pid);
  /// The names an attached node's system trees go by.
  static std::vector<Atom> systemSupervisors();
  /// The applications of Erlang/OTP and Elixir (a user's node shows its own ones open).
  static std::vector<Atom> systemApplications();
  /// One of the processes ERTS starts under init (the code purger, the literal area collector,
  /// the dirty signal handlers, prim_file, socket_registry): by its initial call.
  static bool runtimeSystemProcess(const ProcessRecord& r);
  /// Its subtree can be collapsed and expanded: a supervisor, an application master, or an
  /// attached node's init (see setAutoCollapse).
  bool foldable(const ProcessRecord& r) const;

  // ---- nodes (R9): drawn when the runtime has more than one ----
  /// A node's region: a labelled, tinted area that holds its processes, side by side with the
  /// others. A node that ended is shown (greyed) while its processes fade.
  struct Region {
    uint16_t node = 0;
    QString name;
    bool alive = true;
    QRectF rect;                            // scene coordinates
    double left = 0, freeLeft = 0, right = 0;  // the band its processes are laid out in
  };
  bool multiNode() const { return model_->graph().nodes().size() > 1; }
  const ObserverModel* model() const { return model_; }
  const std::vector<Region>& regions() const;
  const Region* region(uint16_t node) const;
  /// The curve drawn for the connection between two nodes' regions (over their tops); empty
  /// when either region is not shown.
  QPainterPath connectionPath(uint16_t a, uint16_t b) const;
  /// The connection (made, cut or partitioned) whose curve passes within `tol` of `scenePos`.
  std::optional<ConnectionState> connectionAt(QPointF scenePos, double tol) const;
  /// Where the news of a lost connection to `fromNode` enters `toNode`'s region: the end of the
  /// connection's curve there (the :noconnection signals travel from it to their targets).
  QPointF borderPoint(uint16_t toNode, uint16_t fromNode) const;
  /// Scene time the connection between a and b last changed (cut, made, healed); -1 when never.
  double connectionChangedAt(uint16_t a, uint16_t b) const;

signals:
  void selectedPidChanged(actorscope::Pid pid);
  /// A group node was clicked (alone): the window opens it (openGroup), asking first when big.
  void groupClicked(quint32 groupSerial, size_t members);

private:
  friend class RegionLayer;
  friend class EdgeLayer;
  friend class SignalLayer;
  friend class NodeLayer;
  friend class NameBadge;
  void onUpdated(const ModelDelta& d);
  void handleEvent(const TraceEvent& e, double now);
  NodeItem* addNode(const ProcessRecord& r, double now);
  QPointF placeNew(const ProcessRecord& r);
  void relayoutTrees();
  void forceStep();
  double arrivalAt(uint32_t serial) const;
  double departureAt(uint32_t serial, double now) const;
  void addAnim(SignalAnim a);
  /// A pulse for an exit signal or DOWN from `from` to `to` (none when `to` has no node).
  /// Marks the pulse that stands for `e` (a SignalDelivered) delivered; it lands now at the latest.
  void deliver(const TraceEvent& e, double now);
  std::unordered_set<uint64_t> drawnMessages_;  // seqs of the Sends whose envelope is on its way
  size_t messagesInFlight() const { return drawnMessages_.size(); }
  /// farNode >= 0: a lost connection's signal (it starts at the border towards that node).
  std::optional<SignalAnim> signalAnim(Pid from, Pid to, SignalType type, const Term& reason, bool linked, double t0,
                                       int farNode = -1) const;
  QPointF posOf(uint32_t serial, const QPointF& fallback) const;
  void logPresented(double t, uint64_t seq, const char* kind, uint32_t pid, uint32_t from, uint32_t to,
                    const char* signal, int64_t count = -1, bool fromObserver = false);
  static const char* signalName(const SignalAnim& a);

  ObserverModel* model_;
  RegionLayer* regionLayer_;
  EdgeLayer* edgeLayer_;
  SignalLayer* signalLayer_;
  NodeLayer* nodeLayer_;
  double viewLod_ = -1;
  int lodBand_ = -1;
  std::unordered_map<uint32_t, NodeItem*> nodes_;
  std::deque<SignalAnim> anims_;
  QElapsedTimer clock_;
  bool manualClock_ = false;
  double latencyMs_ = 0;
  double travelMs_ = 350;
  PresentationWriter presentationLog_;
  std::unordered_map<uint64_t, double> plannedTravel_;
  class ObserverGlyph* observer_ = nullptr;
  double lastNow_ = 0;
  bool treesDirty_ = true;
  bool edgesDirty_ = true;
  double heat_ = 1.0;  // force-layout temperature
  int64_t rtNow_ = 0;     // runtime clock at the last setRuntimeClock
  double rtNowAt_ = 0;    // scene time of that
  bool rtRunning_ = false;
  bool crowd_ = false;
  bool animating_ = true;
  double freeOriginX_ = 0;
  size_t layoutWork_ = 0;
  // Only what changes is visited per tick: nodes with an animation running, tree nodes still
  // gliding to their slots; the nodes' bounding rect is recomputed only after something moved.
  std::unordered_set<uint32_t> animSet_;
  std::vector<uint32_t> gliding_;
  mutable QRectF nodesRect_;
  mutable bool rectDirty_ = true;
  std::vector<ForceNode> forceNodes_;  // the force layout's input, reused between steps
  std::vector<std::pair<uint32_t, uint32_t>> forceSprings_;
  ForceLayoutState forceState_;
  friend class NodeItem;
  void nodeDragged() { rectDirty_ = true; animating_ = true; }
  void ghostsChanged() { notesDirty_ = true; }
  /// Puts each ghost's note on the first side (right, left, below, above) where it covers no other
  /// node, name badge, note or the observer and stays inside the fitted scene (nodesRect), one no
  /// edge crosses preferred; with no such side, elided to the room right or left of it. Ghosts are
  /// few: redone when one comes or goes, the view's scale changes, or (at most every 80 ms) nodes
  /// move.
  void placeGhostNotes(double now, bool moving);
  bool notesDirty_ = true;
  double notesAt_ = -1e9;
  double notesLod_ = -1;
  std::unordered_map<uint64_t, int> edgeDelays_;  // key: min serial << 32 | max serial
  std::map<std::pair<uint32_t, uint32_t>, NameBadge*> badges_;  // (target serial, name atom id)
  /// Makes and drops badges to match `wanted` (the named edges'), then places them.
  void syncBadges(const std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>>& wanted);
  void placeBadges();
  uint32_t previewTarget_ = 0;
  std::vector<uint32_t> previewed_;
  // Nodes: the band each node's processes are laid out in (empty with one node), the regions as
  // drawn (recomputed when something moved), and when each connection last changed.
  struct Band {
    double left = 0, freeLeft = 0, right = 0;
  };
  std::map<uint16_t, Band> bands_;
  mutable std::vector<Region> regions_;
  mutable bool regionsDirty_ = true;
  std::map<std::pair<uint16_t, uint16_t>, double> connChangedAt_;
  std::map<std::pair<uint16_t, uint16_t>, double> detectMs_;  // the last cut's detection delay
  void layoutBands();
  void layoutOneNode();  // trees at the left, the free area right of them

  struct Group {
    uint32_t serial = 0;
    Term initialCall;
    uint16_t node = 0;
    Pid parent;  // the supervisor of a pool (none for free processes)
    std::unordered_set<uint32_t> members;
  };
  uint32_t groupParent(uint32_t groupSerial) const;
  bool groupable(const ProcessRecord& r) const;
  static std::string groupKey(const ProcessRecord& r);
  /// A process the model added: into its group, or drawn (and counted towards a group).
  void addOrGroup(const ProcessRecord& r, double now);
  void collapse(const std::string& key, double now);
  void leaveGroup(uint32_t serial, double now);
  void refreshGroups(double now);
  bool grouping_ = false;
  /// The nearest collapsed supervisor above `r` (0: none). A collapsed init hides only the runtime
  /// system's processes (and theirs): what the user started from it stays drawn.
  uint32_t collapsedAbove(const ProcessRecord& r) const;
  void refreshCollapsed(uint32_t sup);
  std::unordered_set<uint32_t> collapsedSups_;
  std::unordered_map<uint32_t, uint32_t> hiddenBy_;      // hidden serial -> its collapsed supervisor
  std::unordered_map<uint32_t, size_t> hiddenCount_;     // collapsed supervisor -> processes hidden
  std::vector<Atom> autoCollapse_;
  std::vector<Atom> autoCollapseApps_;
  std::unordered_set<uint32_t> autoCollapsed_;  // collapsed once by setAutoCollapse's rule
  bool wantsAutoCollapse(const ProcessRecord& r) const;
  std::unordered_map<std::string, Group> groups_;
  std::unordered_map<uint32_t, std::string> memberOf_;      // member serial -> its group's key
  std::unordered_map<uint32_t, std::string> groupKeyOf_;    // group serial -> key
  std::unordered_map<std::string, std::vector<uint32_t>> candidates_;  // drawn, could be grouped
  std::unordered_set<std::string> openedGroups_;
  std::unordered_set<std::string> dirtyGroups_;
  uint32_t nextGroupSerial_ = kGroupSerial;
  double lastConnChange_ = -1e9;  // scene time of the last connection change (the break animates)
};

}  // namespace actorscope::views
