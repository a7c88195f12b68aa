// The graph scene, the inspector's reason parsing and the scenarios: the right nodes and edges,
// the animations a kill produces, cascades and their predicted blast radius.

#include "fixtures.hpp"
#include "BlastRadius.h"
#include "EventLog.h"
#include "EventText.h"
#include "GraphScene.h"
#include "GraphStyle.h"
#include "GraphView.h"
#include "InspectorWidget.h"
#include "NodeItem.h"
#include "TermDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QSignalSpy>
#include <QTest>

#include <actorscope/ergo.hpp>
#include <actorscope/scenarios.hpp>

#include <QGraphicsSceneMouseEvent>
#include <QImage>
#include <QPainter>

#include <set>

using namespace vt;
using views::GraphEdge;
using views::GraphScene;
using views::SignalAnim;

namespace {
size_t countEdges(const GraphScene& s, GraphEdge::Kind k) {
  size_t n = 0;
  for (const auto& e : s.edges()) n += e.kind == k ? 1 : 0;
  return n;
}
bool hasEdge(const GraphScene& s, GraphEdge::Kind k, Pid a, Pid b) {
  for (const auto& e : s.edges())
    if (e.kind == k && ((e.from == a.serial() && e.to == b.serial()) ||
                        (k == GraphEdge::Link && e.from == b.serial() && e.to == a.serial())))
      return true;
  return false;
}
/// Lets the scene play everything out (pulses, outcomes, fades) on its own clock.
void playOut(GraphScene& s, double ms = 6000) {
  const double t0 = s.now();
  for (double t = t0; t <= t0 + ms; t += 100) s.advance(t);
}
Term A(const char* s) { return Term::atom(s); }

/// The scene painted at scale 1 into a white image of `rect` (scene coordinates).
QImage renderScene(GraphScene& s, const QRectF& rect) {
  QImage img(rect.size().toSize(), QImage::Format_ARGB32_Premultiplied);
  img.fill(Qt::white);
  QPainter p(&img);
  s.render(&p, QRectF(QPointF(0, 0), rect.size()), rect);
  return img;
}
bool near(QColor a, QColor b, int tol = 40) {
  return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol && std::abs(a.blue() - b.blue()) <= tol;
}
/// Pixels of `img` within `box` (image coordinates) close to `c`.
int countNear(const QImage& img, const QRect& box, QColor c) {
  int n = 0;
  for (int y = std::max(0, box.top()); y <= std::min(img.height() - 1, box.bottom()); ++y)
    for (int x = std::max(0, box.left()); x <= std::min(img.width() - 1, box.right()); ++x) n += near(img.pixelColor(x, y), c, 30);
  return n;
}
/// Ergo mode: traps exits, links one-way to `linkTo`, monitors `watch`, never reads its mailbox.
Task<> ergoHoarder(Process& self, Pid linkTo, Pid watch) {
  self.trap_exit(true);
  self.link(linkTo);
  self.monitor(watch);
  co_await self.receive([](const Term& m) { return m.is_atom(intern("never_sent")); });
}
/// Monitors each of `targets`, then idles.
Task<> watchAll(Process& self, std::vector<Pid> targets) {
  for (Pid t : targets) self.monitor(t);
  for (;;) co_await self.receive();
}
/// Monitors the registered name `name` (BEAM: the pid it has now, R3.4), then idles.
Task<> nameWatcher(Process& self, Atom name) {
  self.monitor(name);
  for (;;) co_await self.receive();
}
}  // namespace

class TestGraph final : public QObject {
  Q_OBJECT

private slots:
  void nodesAndEdgesOfAKnownTopology();
  void supervisionTreeIsLaidOutTopDown();
  void killWithTrappingPeerGivesAnEnvelopeAndNoDeath();
  void cascadeKillsExactlyThePredictedSet();
  void downTravelsAlongTheMonitor();
  void pulseLabelsDoNotCoverEachOtherOrNames();
  void normalFizzles();
  void aLifeWithinOneTickIsStillShown();
  void restartTakesTheOldPlace();
  void nodesKeepTheirPlaces();
  void signalsInFlightDrawnWhereTheyAre();
  void cascadeKeepsTheChainInPlace();
  void searchAndSelect();
  void fitLeavesTheBannerFree();
  void rendersAtEveryZoom();
  void eachScenarioNodesAndEdges_data();
  void eachScenarioNodesAndEdges();
  void blastRadiusMatchesOnEveryScenario_data();
  void blastRadiusMatchesOnEveryScenario();
  void reasonParsing_data();
  void reasonParsing();
  void exitDialogExplainsAndRefusesBadTerms();
  void deadProcessStaysInspectable();
  void eventsInPlainWords();
  void r9_3_nodesAreRegionsAndACutTravelsFromTheBorder();
  void alikeProcessesAreGroupedUntilOpened();
  void supervisionSubtreesCollapseAndExpand();
  void applicationsCollapseWhenLearntAndOnce();
  void aRightClickDoesNotStartADrag();
  void ergoOneWayLinkIsAnArrow();
  void ergoQueuesAreThreeCountersAndNamedTheErgoWay();
  void ergoLogNamesMessagesAndReasons();
  void ergoLogNamesANodeLinkAndItsLostConnection();
  void ergoExitDialogAndInspectorUseErgoRulesAndNames();
  void ergoNameLinkEndsAtANameBadge();
};

void TestGraph::nodesAndEdgesOfAKnownTopology() {
  World w;
  GraphScene scene(&w.model);
  const Pid a = w.rt.spawn(trapper);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid c = w.rt.spawn(linked, a, false);
  const Pid m = w.rt.spawn(watcher, c);
  w.sync();
  scene.advance();
  QCOMPARE(scene.nodeCount(), 4);
  QCOMPARE(countEdges(scene, GraphEdge::Link), size_t(2));
  QCOMPARE(countEdges(scene, GraphEdge::Monitor), size_t(1));
  QVERIFY(hasEdge(scene, GraphEdge::Link, a, b));
  QVERIFY(hasEdge(scene, GraphEdge::Link, a, c));
  QVERIFY(hasEdge(scene, GraphEdge::Monitor, m, c));  // watcher -> target
  QVERIFY(scene.node(a)->trapsExit());
  QVERIFY(!scene.node(b)->trapsExit());
}

void TestGraph::supervisionTreeIsLaidOutTopDown() {
  World w;
  GraphScene scene(&w.model);
  ScenarioResult r = build_scenario(w.rt, "kv");
  QVERIFY2(r.ok, r.error.c_str());
  w.rt.advance_to(w.rt.now_ns() + 100'000'000);
  w.feed();
  playOut(scene, 2000);
  // Every supervisor sits above its children, children side by side in start order.
  int checked = 0;
  for (const auto& [k, rec] : w.model.processes()) {
    const views::NodeItem* child = scene.node(rec.pid);
    const views::NodeItem* parent = scene.node(rec.parent);
    if (!child || !parent || !parent->isSupervisor()) continue;
    QVERIFY(child->inTree);
    QVERIFY2(child->pos().y() > parent->pos().y() + 50, qPrintable(child->label()));
    ++checked;
  }
  QVERIFY(checked >= 3);
  // No two nodes overlap.
  std::vector<QPointF> ps;
  for (const auto& [k, rec] : w.model.processes()) ps.push_back(scene.node(rec.pid)->pos());
  for (size_t i = 0; i < ps.size(); ++i)
    for (size_t j = i + 1; j < ps.size(); ++j) QVERIFY(QLineF(ps[i], ps[j]).length() > 40);
}

void TestGraph::killWithTrappingPeerGivesAnEnvelopeAndNoDeath() {
  World w;
  GraphScene scene(&w.model);
  const Pid t = w.rt.spawn(trapper);
  const Pid v = w.rt.spawn(linked, t, false);
  w.sync();
  scene.advance();
  w.rt.exit(v, Term(atoms::kill));
  w.sync();
  // The bolt and the :killed pulse are on their way.
  bool bolt = false, pulse = false;
  for (const SignalAnim& a : scene.signalAnims()) {
    bolt = bolt || (a.kind == SignalAnim::KillBolt && a.to == v.serial());
    pulse = pulse || (a.kind == SignalAnim::ExitPulse && a.from == v.serial() && a.to == t.serial());
  }
  QVERIFY(bolt);
  QVERIFY(pulse);
  QVERIFY(scene.node(v)->dying());
  QVERIFY(!scene.node(t)->dying());
  // Play until the pulse lands: an envelope drops into the trapper; the trapper lives.
  bool envelope = false;
  const double t0 = scene.now();
  for (double now = t0; now < t0 + 5000 && !envelope; now += 50) {
    scene.advance(now);
    for (const SignalAnim& a : scene.signalAnims()) envelope = envelope || (a.kind == SignalAnim::Envelope && a.to == t.serial());
  }
  QVERIFY(envelope);
  QVERIFY(!scene.node(t)->dying());
  playOut(scene);
  QVERIFY(!scene.node(v));  // faded out and removed
  QCOMPARE(scene.nodeCount(), 1);
}

void TestGraph::cascadeKillsExactlyThePredictedSet() {
  World w;
  GraphScene scene(&w.model);
  // a - b - c - d(trap) - e ; f watches c
  const Pid a = w.rt.spawn(idle);
  const Pid b = w.rt.spawn(linked, a, false);
  const Pid c = w.rt.spawn(linked, b, false);
  const Pid d = w.rt.spawn(linked, c, true);
  const Pid e = w.rt.spawn(linked, d, false);
  const Pid f = w.rt.spawn(watcher, c);
  w.sync();
  scene.advance();
  const auto radius = views::computeBlastRadius(views::topologyOf(w.model), a, A("boom"));
  scene.showBlastRadius(a, radius);
  QCOMPARE(scene.node(b)->preview(), views::NodeItem::Preview::Dies);
  QCOMPARE(scene.node(d)->preview(), views::NodeItem::Preview::TrapsExit);
  QCOMPARE(scene.node(f)->preview(), views::NodeItem::Preview::GetsDown);
  QCOMPARE(scene.node(e)->preview(), views::NodeItem::Preview::None);
  scene.clearBlastRadius();
  QCOMPARE(scene.node(b)->preview(), views::NodeItem::Preview::None);
  w.rt.exit(a, A("boom"));
  w.sync();
  std::set<uint32_t> dying, predicted;
  for (Pid p : {a, b, c, d, e, f})
    if (scene.node(p)->dying()) dying.insert(p.serial());
  for (const auto& x : radius.dies) predicted.insert(x.pid.serial());
  QCOMPARE(dying, predicted);
  QCOMPARE(dying, (std::set<uint32_t>{a.serial(), b.serial(), c.serial()}));
  // Hop by hop: c's death shows after b's, which shows after a's.
  QVERIFY(scene.node(b)->deathAt() > scene.node(a)->deathAt());
  QVERIFY(scene.node(c)->deathAt() > scene.node(b)->deathAt());
}

void TestGraph::downTravelsAlongTheMonitor() {
  World w;
  GraphScene scene(&w.model);
  const Pid target = w.rt.spawn(idle);
  const Pid m = w.rt.spawn(watcher, target);
  w.sync();
  scene.advance();
  w.rt.exit(target, A("boom"));
  w.sync();
  bool down = false;
  for (const SignalAnim& a : scene.signalAnims()) down = down || (a.kind == SignalAnim::DownPulse && a.from == target.serial() && a.to == m.serial());
  QVERIFY(down);
  bool envelope = false;
  const double t0 = scene.now();
  for (double now = t0; now < t0 + 5000 && !envelope; now += 50) {
    scene.advance(now);
    for (const SignalAnim& a : scene.signalAnims()) envelope = envelope || (a.kind == SignalAnim::Envelope && a.to == m.serial());
  }
  QVERIFY(envelope);
}

void TestGraph::pulseLabelsDoNotCoverEachOtherOrNames() {
  // Five DOWNs at once into one watcher (the monitors chapter's run_and_exit): their labels were
  // stacked on each other and on the watcher's name.
  World w;
  GraphScene scene(&w.model);
  views::GraphView view(&scene);
  view.resize(900, 600);
  view.show();
  std::vector<Pid> watched;
  for (int i = 0; i < 5; ++i) watched.push_back(w.rt.spawn(idle));
  const Pid watcher = w.rt.spawn(watchAll, watched);
  w.rt.register_name(watcher, intern("the_watcher"));
  w.sync();
  playOut(scene, 2000);
  view.fitAll();
  for (Pid p : watched) w.rt.exit(p, A("boom"));
  w.sync();
  size_t mostLabels = 0;
  const double t0 = scene.now();
  for (double now = t0; now < t0 + 3000; now += 40) {
    scene.advance(now);
    QImage img(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter painter(&img);
    view.render(&painter);
    painter.end();
    const std::vector<QRectF> labels = scene.paintedPulseLabels();
    mostLabels = std::max(mostLabels, labels.size());
    for (size_t i = 0; i < labels.size(); ++i) {
      for (size_t j = i + 1; j < labels.size(); ++j)
        QVERIFY2(!labels[i].intersects(labels[j]), qPrintable(QStringLiteral("labels %1 and %2 overlap at %3 ms").arg(i).arg(j).arg(now - t0)));
      const views::NodeItem* n = scene.node(watcher);
      QVERIFY(!labels[i].intersects(n->mapRectToScene(n->labelRect(view.transform().m11()))));
    }
  }
  QVERIFY2(mostLabels >= 2, "several DOWNs were labelled at once");
}

void TestGraph::normalFizzles() {
  World w;
  GraphScene scene(&w.model);
  const Pid a = w.rt.spawn(idle);
  w.sync();
  scene.advance();
  w.rt.exit(a, Term(atoms::normal));
  w.sync();
  bool fizzle = false;
  const double t0 = scene.now();
  for (double now = t0; now < t0 + 5000 && !fizzle; now += 50) {
    scene.advance(now);
    for (const SignalAnim& s : scene.signalAnims()) fizzle = fizzle || (s.kind == SignalAnim::Fizzle && s.to == a.serial());
  }
  QVERIFY(fizzle);
  QVERIFY(!scene.node(a)->dying());
}

void TestGraph::aLifeWithinOneTickIsStillShown() {
  // A process born and killed between two ticks (a loaded machine's long tick) is drawn for its
  // minimum time, and its EXIT travels from it to the process it was linked to.
  World w;
  GraphScene scene(&w.model);
  const Pid keeper = w.rt.spawn(trapper);
  w.sync();
  scene.advance();
  const Pid brief = w.rt.spawn(linked, keeper, false);
  w.rt.run_until_idle();
  w.rt.exit(brief, A("boom"));
  w.sync();
  QVERIFY(!w.alive(brief));
  const views::NodeItem* n = scene.node(brief);
  QVERIFY2(n, "the brief process is drawn");
  QVERIFY(n->dying());
  QVERIFY(n->deathAt() >= n->shownAt() + views::NodeItem::kMinLifeMs - 0.5);
  bool pulse = false;
  for (const SignalAnim& a : scene.signalAnims())
    pulse = pulse || (a.kind == SignalAnim::ExitPulse && a.from == brief.serial() && a.to == keeper.serial());
  QVERIFY(pulse);
  playOut(scene);
  // A storm of such lives is counted, not drawn one by one.
  std::vector<Pid> storm;
  for (size_t i = 0; i < GraphScene::kMaxPassedShown + 1; ++i) storm.push_back(w.rt.spawn(idle));
  w.rt.run_until_idle();
  for (Pid p : storm) w.rt.exit(p, A("kill"));
  w.sync();
  for (Pid p : storm) QVERIFY(!scene.node(p));
}

void TestGraph::restartTakesTheOldPlace() {
  World w;
  GraphScene scene(&w.model);
  const Pid sup = w.rt.spawn(trapper);
  const Pid old = w.rt.spawn(linked, sup, false);
  w.sync();
  playOut(scene, 1000);
  const QPointF place = scene.node(old)->pos();
  w.rt.exit(old, A("boom"));
  const Pid fresh = w.rt.spawn(linked, sup, false);
  TraceEvent ev;
  ev.kind = TraceKind::Restart;
  ev.a = sup;
  ev.b = fresh;
  ev.pid2 = old;
  ev.term = Term::tuple({A("worker"), A("boom")});
  w.rt.emit_trace(ev);
  w.sync();
  scene.advance();
  QVERIFY(QLineF(scene.node(fresh)->pos(), place).length() < 30);
  QVERIFY(w.model.find(fresh)->restarts == 1);
}

void TestGraph::nodesKeepTheirPlaces() {
  World w;
  GraphScene scene(&w.model);
  std::vector<Pid> ps;
  for (int i = 0; i < 6; ++i) ps.push_back(w.rt.spawn(idle));
  for (int i = 0; i + 1 < 6; ++i) w.rt.spawn(linked, ps[size_t(i)], false);
  w.sync();
  playOut(scene, 20000);  // the force layout settles
  std::vector<QPointF> before;
  for (Pid p : ps) before.push_back(scene.node(p)->pos());
  const Pid extra = w.rt.spawn(idle);  // a newcomer far from everyone
  w.sync();
  playOut(scene, 20000);
  QVERIFY(scene.node(extra));
  for (size_t i = 0; i < ps.size(); ++i)
    QVERIFY2(QLineF(before[i], scene.node(ps[i])->pos()).length() < 60, "a settled node moved far");
  // Pinned nodes stay exactly.
  scene.node(ps[0])->setPinned(true);
  scene.node(ps[0])->setPos(-500, -500);
  w.rt.spawn(linked, ps[0], false);
  w.sync();
  playOut(scene, 3000);
  QCOMPARE(scene.node(ps[0])->pos(), QPointF(-500, -500));
}

void TestGraph::signalsInFlightDrawnWhereTheyAre() {
  // Deterministic runtime with a 1 s per-hop latency: a pulse sits where the runtime clock says,
  // not where the scene's own clock would have taken it.
  World w;
  GraphScene scene(&w.model);
  const Pid a = w.rt.spawn(idle);
  const Pid b = w.rt.spawn(linked, a, true);
  w.sync();
  w.rt.set_global_latency(std::chrono::milliseconds(1000));
  w.rt.exit(a, A("boom"));  // from outside: on its way to a for 1 s
  w.rt.run_ready();
  w.feed();
  auto pulse = [&](uint32_t from, uint32_t to) -> const SignalAnim* {
    for (const SignalAnim& x : scene.signalAnims())
      if (x.kind == SignalAnim::ExitPulse && x.from == from && x.to == to) return &x;
    return nullptr;
  };
  auto sync = [&](double now) {
    w.feed();
    scene.setRuntimeClock(w.rt.now_ns(), false);
    scene.setInFlight(w.rt.in_flight());
    scene.advance(now);
  };
  const int64_t start = w.rt.now_ns();
  const double t0 = scene.now();
  sync(t0 + 5000);  // long after the scene's own pulse would have arrived
  QVERIFY(pulse(0, a.serial()));
  QVERIFY(!pulse(0, a.serial())->delivered);
  QVERIFY2(pulse(0, a.serial())->rtProgress >= 0 && pulse(0, a.serial())->rtProgress < 0.05, "it has only just left");
  w.rt.advance_to(start + 400'000'000);
  sync(t0 + 5100);
  QVERIFY(pulse(0, a.serial()));
  QVERIFY2(std::abs(pulse(0, a.serial())->rtProgress - 0.4) < 0.05, qPrintable(QString::number(pulse(0, a.serial())->rtProgress)));
  // Delivered at 1 s: a dies, and its own EXIT leaves for b, due at 2 s.
  w.rt.advance_to(start + 1'500'000'000);
  sync(t0 + 5200);
  const SignalAnim* next = pulse(a.serial(), b.serial());
  QVERIFY(next);
  QVERIFY(!next->delivered);
  QVERIFY2(std::abs(next->rtProgress - 0.5) < 0.05, qPrintable(QString::number(next->rtProgress)));
  // Delivered: it finishes its way from there and becomes an envelope (b traps exits).
  w.rt.advance_to(start + 2'100'000'000);
  sync(t0 + 5300);
  bool envelope = false;
  for (double now = t0 + 5300; now < t0 + 8000 && !envelope; now += 50) {
    scene.advance(now);
    for (const SignalAnim& x : scene.signalAnims()) envelope = envelope || (x.kind == SignalAnim::Envelope && x.to == b.serial());
  }
  QVERIFY(envelope);
}

void TestGraph::cascadeKeepsTheChainInPlace() {
  // A linked chain settles; a cascade kills it from one end. The survivors of each step keep their
  // places (no collapse into the gaps), and no live node sits on a dying one.
  World w;
  GraphScene scene(&w.model);
  std::vector<Pid> chain{w.rt.spawn(idle)};
  for (int i = 1; i < 8; ++i) chain.push_back(w.rt.spawn(linked, chain.back(), i >= 5));
  w.sync();
  playOut(scene, 20000);
  std::vector<QPointF> before;
  for (Pid p : chain) before.push_back(scene.node(p)->pos());
  w.rt.exit(chain[0], Term(atoms::kill));
  w.sync();
  const double t0 = scene.now() + 20000;
  for (double t = t0; t < t0 + 8000; t += 50) {
    scene.advance(t);
    for (size_t i = 0; i < chain.size(); ++i) {
      views::NodeItem* n = scene.node(chain[i]);
      if (!n || n->dying()) continue;
      QVERIFY2(QLineF(before[i], n->pos()).length() < 40, "a survivor moved into the gap");
      for (Pid o : chain)
        if (views::NodeItem* m = scene.node(o); m && m != n && m->dying())
          QVERIFY2(QLineF(m->pos(), n->pos()).length() > 2 * m->radius(), "a live node overlaps a dying one");
    }
  }
}

void TestGraph::searchAndSelect() {
  World w;
  GraphScene scene(&w.model);
  views::GraphView view(&scene);
  const Pid a = w.rt.spawn(idle);
  w.rt.spawn(idle);
  w.rt.register_name(a, intern("needle"));
  w.sync();
  scene.advance();
  QVERIFY(view.search(QStringLiteral("needle")));
  QCOMPARE(scene.selectedPid(), a);
  QVERIFY(view.search(QString::fromStdString(inspect_pid(a))));
  QVERIFY(!view.search(QStringLiteral("haystack")));
}

void TestGraph::fitLeavesTheBannerFree() {
  // "Showing the past" / "Paused" is drawn over the top of the graph: a fit keeps every node below
  // it (it covered the observer and the top nodes).
  World w;
  GraphScene scene(&w.model);
  views::GraphView view(&scene);
  view.resize(900, 420);
  std::vector<Pid> pids;
  for (int i = 0; i < 12; ++i) pids.push_back(w.rt.spawn(idle));
  w.sync();
  playOut(scene, 3000);
  view.setBanner(QStringLiteral("Showing the past: press Live to return"));
  view.fitAll();
  QFont f = view.font();
  f.setPointSizeF(f.pointSizeF() * 1.3);
  f.setBold(true);
  const int bannerBottom = 8 + QFontMetrics(f).height() + 12;
  for (Pid p : pids) {
    const views::NodeItem* n = scene.node(p);
    QVERIFY(n);
    const QPoint top = view.mapFromScene(n->pos() - QPointF(0, n->radius()));
    QVERIFY2(top.y() > bannerBottom, qPrintable(QStringLiteral("%1 at y %2, under the banner (to %3)")
                                                   .arg(QString::fromStdString(inspect_pid(p))).arg(top.y()).arg(bannerBottom)));
  }
}

void TestGraph::rendersAtEveryZoom() {
  World w;
  GraphScene scene(&w.model);
  views::GraphView view(&scene);
  view.resize(800, 600);
  std::vector<Pid> ps;
  for (int i = 0; i < 50; ++i) ps.push_back(w.rt.spawn(i % 4 ? idle : trapper));
  for (int i = 0; i + 1 < 50; i += 2) w.rt.spawn(linked, ps[size_t(i)], false);
  for (int i = 0; i < 10; ++i) w.rt.send(ps[1], Term(i));
  w.sync();
  playOut(scene, 500);
  w.rt.exit(ps[0], A("boom"));
  w.sync();
  scene.advance();
  for (double z : {2.0, 1.0, 0.4, 0.15, 0.05}) {
    view.setTransform(QTransform::fromScale(z, z));
    QImage img(800, 600, QImage::Format_ARGB32_Premultiplied);
    img.fill(Qt::white);
    QPainter p(&img);
    view.render(&p);
    p.end();
    QVERIFY(!img.isNull());
  }
}

void TestGraph::eachScenarioNodesAndEdges_data() {
  QTest::addColumn<QString>("name");
  for (const auto& s : scenarios()) QTest::newRow(s.name.c_str()) << QString::fromStdString(s.name);
}

void TestGraph::eachScenarioNodesAndEdges() {
  QFETCH(QString, name);
  World w;
  GraphScene scene(&w.model);
  ScenarioResult r = build_scenario(w.rt, name.toStdString());
  QVERIFY2(r.ok, r.error.c_str());
  w.rt.advance_to(w.rt.now_ns() + 50'000'000, 2'000'000);
  w.feed();
  playOut(scene, 3000);  // what died has faded away
  const Snapshot s = w.rt.snapshot();
  QCOMPARE(size_t(scene.nodeCount()), s.processes.size());
  std::set<std::pair<uint32_t, uint32_t>> links;
  size_t monitors = 0;
  for (const auto& p : s.processes) {
    QVERIFY(scene.node(p.pid));
    for (Pid l : p.links) links.insert({std::min(p.pid.serial(), l.serial()), std::max(p.pid.serial(), l.serial())});
    monitors += p.monitors.size();
  }
  QCOMPARE(countEdges(scene, GraphEdge::Link), links.size());
  QCOMPARE(countEdges(scene, GraphEdge::Monitor), monitors);
}

void TestGraph::blastRadiusMatchesOnEveryScenario_data() { eachScenarioNodesAndEdges_data(); }

void TestGraph::blastRadiusMatchesOnEveryScenario() {
  QFETCH(QString, name);
  World w;
  ScenarioResult r = build_scenario(w.rt, name.toStdString());
  QVERIFY2(r.ok, r.error.c_str());
  w.rt.advance_to(w.rt.now_ns() + 50'000'000, 2'000'000);
  w.feed();
  // Kill the live process with the most links (a hub), as a user would.
  Pid target;
  size_t best = 0;
  for (const auto& [k, rec] : w.model.processes())
    if (!target.valid() || rec.links.size() > best || (rec.links.size() == best && rec.pid < target)) {
      target = rec.pid;
      best = rec.links.size();
    }
  QVERIFY(target.valid());
  const auto radius = views::computeBlastRadius(views::topologyOf(w.model), target, Term(atoms::kill));
  std::vector<TraceEvent> events;
  w.rt.exit(target, Term(atoms::kill));
  w.rt.advance_to(w.rt.now_ns());  // deliver everything due now: the whole cascade, no timers
  w.rt.drain_trace(events);
  std::set<uint32_t> exited, trapped, downed;
  for (const auto& e : events) {
    if (e.kind == TraceKind::Exit) exited.insert(e.a.serial());
    if (e.kind == TraceKind::SignalDelivered && e.outcome == SignalOutcome::Trapped) trapped.insert(e.b.serial());
    if (e.kind == TraceKind::SignalDelivered && e.outcome == SignalOutcome::DownQueued) downed.insert(e.b.serial());
  }
  for (const auto& d : radius.dies) QVERIFY2(exited.count(d.pid.serial()), qPrintable(QString::fromStdString(inspect_pid(d.pid)) + " should have died"));
  // A supervisor may stop a predicted receiver first (one_for_all, rest_for_one): then it exited.
  for (Pid p : radius.trapsExit)
    QVERIFY2(trapped.count(p.serial()) || exited.count(p.serial()), qPrintable(QString::fromStdString(inspect_pid(p)) + " should have trapped"));
  for (Pid p : radius.getsDown)
    QVERIFY2(downed.count(p.serial()) || exited.count(p.serial()), qPrintable(QString::fromStdString(inspect_pid(p)) + " should have got DOWN"));
}

void TestGraph::reasonParsing_data() {
  QTest::addColumn<QString>("text");
  QTest::addColumn<QString>("term");   // inspect() of the result, or "" for an error
  QTest::addColumn<QString>("error");  // a part of the error message
  QTest::newRow("bare word") << "kaboom" << ":kaboom" << "";
  QTest::newRow("atom") << ":shutdown" << ":shutdown" << "";
  QTest::newRow("tuple") << "{:shutdown, :tired}" << "{:shutdown, :tired}" << "";
  QTest::newRow("string") << "\"oops\"" << "\"oops\"" << "";
  QTest::newRow("unclosed") << "{:shutdown, :tired" << "" << "column";
  QTest::newRow("garbage") << ":ok ]" << "" << "column";
  QTest::newRow("empty") << "   " << "" << "Type a reason";
}

void TestGraph::reasonParsing() {
  QFETCH(QString, text);
  QFETCH(QString, term);
  QFETCH(QString, error);
  const views::ReasonParse r = views::parseReason(text);
  if (term.isEmpty()) {
    QVERIFY(!r.term);
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
  } else {
    QVERIFY2(r.term, qPrintable(r.error));
    QCOMPARE(QString::fromStdString(inspect(*r.term)), term);
    QVERIFY(r.error.isEmpty());
  }
}

void TestGraph::exitDialogExplainsAndRefusesBadTerms() {
  views::TermDialog dlg(views::TermDialog::Mode::ExitReason, QStringLiteral("#PID<0.1.0>"));
  dlg.setText(QStringLiteral(":kill"));
  QVERIFY(dlg.term() && dlg.term()->is_atom(atoms::kill));
  QVERIFY(dlg.explanation().contains(QStringLiteral("cannot be trapped")));
  dlg.setText(QStringLiteral(":normal"));
  QVERIFY(dlg.explanation().contains(QStringLiteral("does nothing")));
  dlg.setText(QStringLiteral(":shutdown"));
  QVERIFY(dlg.explanation().contains(QStringLiteral("supervisors")));
  dlg.setText(QStringLiteral("{:oops, 1"));
  QVERIFY(!dlg.term());
  QVERIFY(dlg.errorText().contains(QStringLiteral("column")));
  dlg.setText(QStringLiteral("{:oops, 1}"));
  QVERIFY(dlg.term());
  QVERIFY(dlg.explanation().contains(QStringLiteral("abnormal")));
  // Nothing typed yet: no term and no error, a hint instead; the custom field starts empty.
  views::TermDialog fresh(views::TermDialog::Mode::ExitReason, QStringLiteral("#PID<0.1.0>"));
  fresh.setText(QString());
  QVERIFY(!fresh.term());
  QVERIFY2(fresh.errorText().isEmpty(), qPrintable(fresh.errorText()));
  QVERIFY(fresh.findChild<QLineEdit*>()->text().isEmpty());
  views::TermDialog send(views::TermDialog::Mode::Message, QStringLiteral("x"));
  QVERIFY(!send.term());
  QVERIFY2(send.errorText().isEmpty(), qPrintable(send.errorText()));
  QVERIFY(!send.explanation().isEmpty());
  send.setText(QStringLiteral("kaboom"));  // a message is not a bare word
  QVERIFY(!send.term());
  QVERIFY(!send.errorText().isEmpty());
}

void TestGraph::deadProcessStaysInspectable() {
  World w;
  views::InspectorWidget insp(&w.model);
  QSignalSpy wanted(&insp, &views::InspectorWidget::detailsWanted);
  const Pid a = w.rt.spawn(idle);
  w.sync();
  insp.setPid(a);
  QCOMPARE(wanted.count(), 1);
  QVERIFY(!insp.showsDead());
  insp.setDetails(a, w.rt.info(a), Term::empty_list());
  w.rt.exit(a, A("kaboom"));
  w.sync();
  insp.refresh();
  QVERIFY(insp.showsDead());
  QCOMPARE(insp.pid(), a);
  QVERIFY(insp.headerText().contains(QString::fromStdString(inspect_pid(a))));
}

void TestGraph::eventsInPlainWords() {
  TraceEvent e;
  e.kind = TraceKind::SignalDelivered;
  e.signal = SignalType::Exit;
  e.outcome = SignalOutcome::Trapped;
  e.a = Pid::make(5, 85);
  e.b = Pid::make(4, 84);
  e.term = A("kaboom");
  QCOMPARE(views::describeEvent(e), QStringLiteral("#PID<0.84.0> trapped the exit of #PID<0.85.0> (:kaboom)"));
  const views::ErgoNaming ergo;  // the same event from an Ergo-mode runtime
  QCOMPARE(views::describeEvent(e, {}, {}, &ergo),
           QStringLiteral("#PID<0.84.0> got MessageExitPID from #PID<0.85.0> (TerminateReasonPanic (:kaboom)) in its Urgent queue"));
  e.outcome = SignalOutcome::Killed;
  QVERIFY(views::describeEvent(e).contains(QStringLiteral("was killed")));
  e.kind = TraceKind::Send;
  QVERIFY(views::describeEvent(e).isEmpty());
}


void TestGraph::r9_3_nodesAreRegionsAndACutTravelsFromTheBorder() {
  // Each node is a region holding its processes; the connection between two regions is drawn and
  // can be cut by dragging across it; the :noconnection EXIT a cut fires (R9.3) starts at the
  // border where the connection was, not at the far process.
  World w;
  GraphScene scene(&w.model);
  const auto b = w.rt.add_node(intern("b@host"));
  SpawnOptions onB;
  onB.node = b;
  const Pid remote = w.rt.spawn_opt(onB, trapper);
  const Pid local = w.rt.spawn(linked, remote, true);
  w.sync();
  playOut(scene, 1500);
  QVERIFY(scene.multiNode());
  QCOMPARE(scene.regions().size(), size_t(2));
  const GraphScene::Region* ra = scene.region(0);
  const GraphScene::Region* rb = scene.region(b);
  QVERIFY(ra && rb);
  QCOMPARE(rb->name, QStringLiteral("b@host"));
  QVERIFY(ra->rect.right() < rb->rect.left());  // side by side, apart
  QVERIFY(ra->rect.contains(scene.node(local)->pos()));
  QVERIFY(rb->rect.contains(scene.node(remote)->pos()));
  QCOMPARE(scene.node(remote)->pidText(), QStringLiteral("#PID<2.%1.0>").arg(remote.serial()));
  const ConnectionState* c = w.model.graph().connection(0, b);
  QVERIFY(c && c->up);
  const QPainterPath path = scene.connectionPath(0, b);
  QVERIFY(!path.isEmpty());
  auto hit = scene.connectionAt(path.pointAtPercent(0.5), 4);
  QVERIFY(scene.connectionAt(path.pointAtPercent(0.3711) + QPointF(0, 1.5), 2));  // anywhere along it
  QVERIFY(hit && hit->a == 0 && hit->b == b);
  QVERIFY(!scene.connectionAt(path.pointAtPercent(0.5) + QPointF(0, 200), 4));

  // Dragging across the connection asks for a partition of exactly that pair.
  views::GraphView view(&scene);
  view.resize(1000, 700);
  view.show();
  view.fitAll();
  QSignalSpy cut(&view, &views::GraphView::partitionRequested);
  QSignalSpy heal(&view, &views::GraphView::healRequested);
  const QPoint at = view.mapFromScene(path.pointAtPercent(0.5));
  QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at);
  QTest::mouseMove(view.viewport(), at + QPoint(0, 40));
  QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at + QPoint(0, 40));
  QCOMPARE(cut.size(), 1);
  QCOMPARE(cut.at(0).at(0).value<quint16>(), quint16(0));
  QCOMPARE(cut.at(0).at(1).value<quint16>(), quint16(b));
  QCOMPARE(heal.size(), 0);

  w.rt.partition(0, b);
  w.sync();
  c = w.model.graph().connection(0, b);
  QVERIFY(c && !c->up && c->partitioned);
  bool fromBorder = false;
  const QPointF border = scene.borderPoint(0, b);
  for (const SignalAnim& a : scene.signalAnims())
    if (a.to == local.serial() && a.kind == SignalAnim::ExitPulse && a.sender == remote.serial())
      fromBorder = fromBorder || (a.from == 0 && QLineF(a.fromPos, border).length() < 1);
  QVERIFY(fromBorder);
  // A click on the partitioned connection asks to heal it.
  playOut(scene, 500);
  const QPoint mid = view.mapFromScene(scene.connectionPath(0, b).pointAtPercent(0.5));
  QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, mid);
  QCOMPARE(heal.size(), 1);
  QCOMPARE(cut.size(), 1);
}


// An attached node's crowds: alike free processes become one group node with their count and
// summed mailboxes; one that gains a relation leaves it; ended members leave the count; a click
// opens the group; processes with names or relations are never grouped.
void TestGraph::alikeProcessesAreGroupedUntilOpened() {
  World w;
  GraphScene scene(&w.model);
  scene.setGrouping(true);
  const Pid named = w.rt.spawn(idle);
  w.rt.register_name(named, intern("keeper"));
  std::vector<Pid> crowd;
  for (int i = 0; i < 60; ++i) crowd.push_back(w.rt.spawn(deaf));
  const Pid t = w.rt.spawn(trapper);
  w.sync();
  scene.advance();
  QCOMPARE(scene.groupCount(), size_t(1));
  const uint32_t g = scene.groupOf(crowd[0].serial());
  QVERIFY(g >= GraphScene::kGroupSerial);
  QCOMPARE(scene.groupSize(g), size_t(60));
  QVERIFY(!scene.node(crowd[0]));            // drawn as the group
  QVERIFY(scene.node(named) && scene.node(t));  // a name, another initial call: drawn alone
  QVERIFY(scene.node(g)->isGroup());
  QVERIFY2(scene.node(g)->label().contains(QStringLiteral("60")), qPrintable(scene.node(g)->label()));
  // Mailboxes add up.
  w.rt.send(crowd[1], Term::atom("a"));
  w.rt.send(crowd[2], Term::atom("b"));
  w.rt.send(crowd[2], Term::atom("c"));
  w.sync();
  scene.advance();
  QCOMPARE(scene.node(g)->mailbox(), uint32_t(3));
  // A link takes one out of the group; ended ones leave the count.
  w.rt.link(crowd[3], t);
  w.rt.exit(crowd[4], Term::atom("kill"));
  w.rt.exit(crowd[5], Term::atom("kill"));
  w.sync();
  playOut(scene, 1000);
  QVERIFY(scene.node(crowd[3]));
  QCOMPARE(scene.groupOf(crowd[3].serial()), 0u);
  QCOMPARE(scene.groupSize(g), size_t(57));
  QVERIFY2(scene.node(g)->label().contains(QStringLiteral("57")), qPrintable(scene.node(g)->label()));
  // A click asks the window to open it (groupClicked); opened, its processes are drawn one by one,
  // and new alike ones too.
  QSignalSpy clicked(&scene, &GraphScene::groupClicked);
  scene.node(g)->setSelected(true);
  QCOMPARE(clicked.count(), 1);
  QCOMPARE(clicked.at(0).at(0).toUInt(), g);
  QCOMPARE(scene.groupCount(), size_t(1));  // not opened by the click itself
  scene.openGroup(g);
  QCOMPARE(scene.groupCount(), size_t(0));
  QVERIFY(scene.node(crowd[0]) && scene.node(crowd[59]));
  QVERIFY(scene.selectedPid() == Pid{});
  const Pid late = w.rt.spawn(deaf);
  w.sync();
  scene.advance();
  QVERIFY(scene.node(late));
  // Grouping off (the embedded runtime): nothing is grouped.
  World w2;
  GraphScene plain(&w2.model);
  for (int i = 0; i < 60; ++i) w2.rt.spawn(deaf);
  w2.sync();
  plain.advance();
  QCOMPARE(plain.groupCount(), size_t(0));
  QCOMPARE(plain.nodeCount(), 60);
}

// A supervisor's subtree collapses into the supervisor ("+N"): its processes are hidden (their
// edges with them) and come back when it expands; a supervisor named in the auto-collapse list
// starts collapsed.
void TestGraph::supervisionSubtreesCollapseAndExpand() {
  World w;
  GraphScene scene(&w.model);
  ScenarioResult r = build_scenario(w.rt, "kv");
  QVERIFY2(r.ok, r.error.c_str());
  w.rt.advance_to(w.rt.now_ns() + 100'000'000);
  w.feed();
  playOut(scene, 500);
  // The top supervisor: a supervisor whose parent is no supervisor, with the most descendants.
  Pid top;
  size_t most = 0;
  auto under = [&](Pid sup) {
    size_t n = 0;
    for (const auto& [k, rec] : w.model.processes()) {
      Pid p = rec.parent;
      for (int d = 0; d < 32 && p.valid(); ++d) {
        if (p == sup) { ++n; break; }
        const ProcessRecord* up = w.model.find(p);
        p = up ? up->parent : Pid{};
      }
    }
    return n;
  };
  for (const auto& [k, rec] : w.model.processes())
    if (rec.supervisor)
      if (const size_t n = under(rec.pid); n > most) {
        most = n;
        top = rec.pid;
      }
  QVERIFY(top.valid() && most >= 3);
  const int before = scene.nodeCount();
  scene.collapseSubtree(top);
  scene.advance();
  QVERIFY(scene.collapsed(top));
  QCOMPARE(scene.hiddenUnder(top), most);
  QCOMPARE(scene.nodeCount(), before - int(most));
  QVERIFY2(scene.node(top)->label().endsWith(QStringLiteral("+%1").arg(most)), qPrintable(scene.node(top)->label()));
  for (const auto& e : scene.edges()) QVERIFY(scene.node(e.from) && scene.node(e.to));
  scene.expandSubtree(top);
  scene.advance();
  QCOMPARE(scene.nodeCount(), before);
  QVERIFY(!scene.node(top)->label().contains(QLatin1Char('+')));
  // By name, as an attached node's system trees: collapsed as they appear.
  World w2;
  GraphScene auto2(&w2.model);
  const ProcessRecord* topRec = w.model.find(top);
  QVERIFY(topRec && topRec->name != atoms::nil);
  auto2.setAutoCollapse({topRec->name});
  QVERIFY(build_scenario(w2.rt, "kv").ok);
  w2.rt.advance_to(w2.rt.now_ns() + 100'000'000);
  w2.feed();
  auto2.advance();
  QCOMPARE(auto2.nodeCount(), before - int(most));
}

// An attached node's system application collapses into its master ("kernel (app)  +N") when the
// report that names the application comes, after the master was drawn; a supervisor collapsed by
// name inside it counts in the +N; once the user opened it, later reports leave it open.
void TestGraph::applicationsCollapseWhenLearntAndOnce() {
  World w;
  GraphScene scene(&w.model);
  scene.setAutoCollapse({intern("kernel_sup")}, GraphScene::systemApplications());
  uint64_t seq = 0;
  auto ev = [&](TraceKind k, uint32_t a, uint32_t b = 0) {
    TraceEvent e;
    e.seq = ++seq;
    e.time_ns = int64_t(seq) * 1000;
    e.kind = k;
    e.a = Pid::make(0, a);
    if (b) e.b = Pid::make(0, b);
    return e;
  };
  auto mfa = [](const char* m, const char* f, int n) { return Term::tuple({Term::atom(m), Term::atom(f), Term(n)}); };
  std::vector<TraceEvent> evs;
  // 10 the master, 11 its start_it loop, 12 kernel_sup, 13/14 its workers; 20 a user's free process
  evs.push_back(ev(TraceKind::Spawn, 10));
  evs.back().term = mfa("application_master", "init", 4);
  evs.push_back(ev(TraceKind::Spawn, 11, 10));
  evs.back().term = mfa("application_master", "start_it", 4);
  evs.push_back(ev(TraceKind::Spawn, 12, 11));
  evs.back().term = mfa("supervisor", "kernel", 1);
  evs.push_back(ev(TraceKind::Register, 12));
  evs.back().name = intern("kernel_sup");
  for (uint32_t c : {13u, 14u}) {
    evs.push_back(ev(TraceKind::Spawn, c, 12));
    evs.back().term = mfa("code_server", "init", 1);
  }
  evs.push_back(ev(TraceKind::Spawn, 20));
  evs.back().term = mfa("shop", "worker", 0);
  w.model.enqueue(std::move(evs));
  w.model.processPending(SIZE_MAX);
  scene.advance();
  const Pid master = Pid::make(0, 10), sup = Pid::make(0, 12);
  // kernel_sup was named after it came: collapsed then (its workers hidden); the master still open
  QVERIFY(scene.collapsed(sup));
  QVERIFY(!scene.collapsed(master));
  QCOMPARE(scene.hiddenUnder(sup), size_t(2));
  QVERIFY(scene.node(master) && scene.node(Pid::make(0, 11)) && scene.node(sup) && scene.node(Pid::make(0, 20)));
  QVERIFY(!scene.node(Pid::make(0, 13)));
  // the application's name arrives: the whole application folds into its master
  std::vector<TraceEvent> label{ev(TraceKind::Label, 10)};
  label.back().term = Term::atom("kernel");
  w.model.enqueue(std::move(label));
  w.model.processPending(SIZE_MAX);
  scene.advance();
  QVERIFY(scene.collapsed(master));
  QCOMPARE(scene.hiddenUnder(master), size_t(4));  // start_it, kernel_sup and, inside it, 2 workers
  QVERIFY(!scene.node(Pid::make(0, 11)) && !scene.node(sup));
  QVERIFY(scene.node(Pid::make(0, 20)));  // not the application's
  QCOMPARE(scene.node(master)->label(), QStringLiteral("kernel (app)  +4"));
  // a new worker under kernel_sup counts in the master's +N too
  std::vector<TraceEvent> more{ev(TraceKind::Spawn, 15, 12)};
  more.back().term = mfa("code_server", "init", 1);
  w.model.enqueue(std::move(more));
  w.model.processPending(SIZE_MAX);
  scene.advance();
  QCOMPARE(scene.node(master)->label(), QStringLiteral("kernel (app)  +5"));
  // opened by the user: it stays open through later reports about it
  scene.expandSubtree(master);
  scene.advance();
  QVERIFY(scene.node(sup) && scene.collapsed(sup));
  std::vector<TraceEvent> again{ev(TraceKind::Label, 10)};
  again.back().term = Term::atom("kernel");
  w.model.enqueue(std::move(again));
  w.model.processPending(SIZE_MAX);
  scene.advance();
  QVERIFY(!scene.collapsed(master));
  QVERIFY(scene.node(Pid::make(0, 11)));
  // a user's application is not folded
  World w2;
  GraphScene user(&w2.model);
  user.setAutoCollapse({}, GraphScene::systemApplications());
  seq = 0;
  std::vector<TraceEvent> shop{ev(TraceKind::Spawn, 30), ev(TraceKind::Spawn, 31, 30), ev(TraceKind::Label, 30)};
  shop[0].term = mfa("application_master", "init", 4);
  shop[1].term = mfa("application_master", "start_it", 4);
  shop[2].term = Term::atom("shop");
  w2.model.enqueue(std::move(shop));
  w2.model.processPending(SIZE_MAX);
  user.advance();
  QVERIFY(!user.collapsed(Pid::make(0, 30)));
  QCOMPARE(user.node(Pid::make(0, 30))->label(), QStringLiteral("shop (app)"));
}

// A right-button press (the context menu takes its release) must not leave a node "dragged":
// a dragged node is held out of the layout until the next click.
void TestGraph::aRightClickDoesNotStartADrag() {
  World w;
  GraphScene scene(&w.model);
  const Pid a = w.rt.spawn(idle);
  w.sync();
  scene.advance();
  views::NodeItem* n = scene.node(a);
  QVERIFY(n);
  QGraphicsSceneMouseEvent right(QEvent::GraphicsSceneMousePress);
  right.setButton(Qt::RightButton);
  right.setButtons(Qt::RightButton);
  right.setScenePos(n->pos());
  scene.sendEvent(n, &right);
  QVERIFY(!n->dragging());
  QGraphicsSceneMouseEvent left(QEvent::GraphicsSceneMousePress);
  left.setButton(Qt::LeftButton);
  left.setButtons(Qt::LeftButton);
  left.setScenePos(n->pos());
  scene.sendEvent(n, &left);
  QVERIFY(n->dragging());
}

void TestGraph::ergoOneWayLinkIsAnArrow() {
  // E1.1: a link is one-way; the graph draws it as an arrow from the linker to its target, and
  // the reverse link as a second arrow. BEAM's two-way Link edge is not drawn.
  World w(Semantics::Ergo);
  GraphScene scene(&w.model);
  const Pid target = w.rt.spawn(idle);
  const Pid linker = w.rt.spawn(linked, target, false);  // Process.link: LinkPID in Ergo mode
  w.sync();
  playOut(scene, 1000);
  QCOMPARE(countEdges(scene, GraphEdge::Link), size_t(0));
  QCOMPARE(countEdges(scene, GraphEdge::OneWayLink), size_t(1));
  QVERIFY(hasEdge(scene, GraphEdge::OneWayLink, linker, target));
  QVERIFY(!hasEdge(scene, GraphEdge::OneWayLink, target, linker));

  // The head is at the target's end and nowhere near the linker's.
  views::NodeItem* t = scene.node(target);
  views::NodeItem* l = scene.node(linker);
  t->setPinned(true);
  l->setPinned(true);
  t->setPos(0, 0);
  l->setPos(400, 0);
  scene.advance(scene.now() + 10);
  const QRectF area(-100, -150, 600, 300);
  const QImage img = renderScene(scene, area);
  const QColor ink = views::style::linkColor(views::style::isDark(scene.palette()));
  // The arrow runs at y = +6 (beside the centre line); its head spans 30..52 px from the target's
  // centre. 6 px off the line, inside the head: ink; the same spot at the linker's end: nothing.
  const QPoint headSide = (QPointF(46, 12) - area.topLeft()).toPoint();
  const QPoint tailSide = (QPointF(400 - 46, 12) - area.topLeft()).toPoint();
  QVERIFY2(near(img.pixelColor(headSide), ink), qPrintable(img.pixelColor(headSide).name()));
  QVERIFY2(near(img.pixelColor(tailSide), Qt::white), qPrintable(img.pixelColor(tailSide).name()));
  QVERIFY(near(img.pixelColor((QPointF(200, 6) - area.topLeft()).toPoint()), ink));  // the line itself

  // The reverse link is an arrow of its own.
  QCOMPARE(ergo::link(w.rt, target, ergo::Target::process(linker)), ergo::Error::None);
  w.sync();
  scene.advance(scene.now() + 10);
  QCOMPARE(countEdges(scene, GraphEdge::OneWayLink), size_t(2));
  QVERIFY(hasEdge(scene, GraphEdge::OneWayLink, target, linker));

  // The target dies: its exit travels against the arrow, from the target to the linker.
  w.rt.exit(target, A("boom"));
  w.sync();
  bool pulse = false;
  for (const SignalAnim& a : scene.signalAnims())
    pulse = pulse || (a.kind == SignalAnim::ExitPulse && a.from == target.serial() && a.to == linker.serial() &&
                      a.text.startsWith(QStringLiteral("TerminateReasonPanic")));
  QVERIFY(pulse);

  // BEAM mode: the same program draws one plain link and no arrow.
  World beam;
  GraphScene beamScene(&beam.model);
  const Pid bt = beam.rt.spawn(idle);
  beam.rt.spawn(linked, bt, false);
  beam.sync();
  beamScene.advance();
  QCOMPARE(countEdges(beamScene, GraphEdge::Link), size_t(1));
  QCOMPARE(countEdges(beamScene, GraphEdge::OneWayLink), size_t(0));
}

void TestGraph::ergoQueuesAreThreeCountersAndNamedTheErgoWay() {
  // E1.9: a trapped exit waits in Urgent, a DOWN in System, sends in Main. The node shows three
  // counters; the inspector lists the messages in the order they will be read, in Ergo's names.
  auto build = [](World& w, Pid* hoarder) {
    const Pid linkTo = w.rt.spawn(idle);
    const Pid watched = w.rt.spawn(idle);
    *hoarder = w.rt.spawn(ergoHoarder, linkTo, watched);
    w.sync();
    for (int i = 0; i < 3; ++i) w.rt.send(*hoarder, Term::atom("m" + std::to_string(i)));
    w.rt.exit(linkTo, A("boom"));
    w.rt.exit(watched, A("boom"));
    w.sync();
  };
  World w(Semantics::Ergo);
  GraphScene scene(&w.model);
  Pid h;
  build(w, &h);
  playOut(scene, 3000);
  views::NodeItem* n = scene.node(h);
  QVERIFY(n && n->ergo());
  QCOMPARE(n->mailbox(), 5u);
  QCOMPARE(n->queueUrgent(), 1u);
  QCOMPARE(n->queueSystem(), 1u);
  QCOMPARE(n->queueMain(), 3u);
  // Drawn: an Urgent (red) and a System (DOWN blue) counter stacked at its top right, clear of
  // the body; in presentation mode (text scale 1.5) as much bigger as the labels.
  n->setPinned(true);
  n->setPos(0, 0);
  scene.advance(scene.now() + 10);
  const QRectF area(-150, -150, 300, 300);
  auto row = [&](int queue) { return n->queueRect(queue, 1.0).translated(-area.topLeft()).adjusted(4, 3, -4, -3).toRect(); };
  const QRect urgentRow = row(0), systemRow = row(1);
  const QImage img = renderScene(scene, area);
  QVERIFY(countNear(img, urgentRow, QColor(0xe0, 0x1e, 0x5a)) > 30);
  QVERIFY(countNear(img, systemRow, views::style::downColor()) > 30);
  QPainterPath disc;
  disc.addEllipse(QPointF(0, 0), n->radius() + 2, n->radius() + 2);
  for (int q = 0; q < 3; ++q) {
    QPainterPath pill;
    const QRectF at = n->queueRect(q, 1.0);
    pill.addRoundedRect(at, at.height() / 2, at.height() / 2);
    QVERIFY2(!pill.intersects(disc), qPrintable(QStringLiteral("queue %1 covers the body").arg(q)));
    QVERIFY(n->boundingRect().contains(at));
  }
  QVERIFY(n->queueRect(0, 1.0).bottom() < n->queueRect(1, 1.0).top());  // Urgent on top, then System, Main
  QVERIFY(n->queueRect(1, 1.0).bottom() < n->queueRect(2, 1.0).top());
  const double normalHeight = n->queueRect(0, 1.0).height();
  scene.setTextScale(1.5);
  scene.advance(scene.now() + 10);
  QCOMPARE(n->queueRect(0, 1.0).height(), normalHeight * 1.5);
  QVERIFY(n->boundingRect().contains(n->queueRect(0, 0.3)));  // far out, at its largest
  // A fitted view leaves them room above the topmost node (GraphView::fitAll: nodesRect, 40 more).
  QVERIFY(scene.nodesRect().adjusted(0, -40, 0, 0).contains(n->queueRect(0, 0.8).translated(n->pos())));
  const QImage big = renderScene(scene, area);
  const QRect bigUrgent = row(0);
  scene.setTextScale(1.0);
  QVERIFY(bigUrgent.height() > urgentRow.height() * 1.4);
  QVERIFY(countNear(big, bigUrgent, QColor(0xe0, 0x1e, 0x5a)) > countNear(img, urgentRow, QColor(0xe0, 0x1e, 0x5a)) * 3 / 2);

  views::InspectorWidget insp(&w.model);
  insp.setPid(h);
  const Term msgs = w.rt.info(h, atoms::messages);
  QVERIFY(msgs.is_tuple() && msgs.tuple_size() == 2);
  insp.setDetails(h, w.rt.info(h), msgs[1]);
  const QString body = insp.findChild<QTextBrowser*>(QStringLiteral("inspectorBody"))->toPlainText();
  const int exitAt = body.indexOf(QStringLiteral("MessageExitPID{PID: #PID<0."));
  const int downAt = body.indexOf(QStringLiteral("MessageDownPID{PID: #PID<0."));
  const int mainAt = body.indexOf(QStringLiteral(":m0"));
  QVERIFY2(exitAt >= 0 && downAt > exitAt && mainAt > downAt, qPrintable(body));  // Urgent, System, Main
  QVERIFY(body.contains(QStringLiteral("Reason: TerminateReasonPanic (:boom)}")));
  QVERIFY(body.contains(QStringLiteral("links to (one-way)")));
  QVERIFY(body.contains(QStringLiteral("Urgent 1, System 1, Main 3")));

  // BEAM mode: one badge, {:EXIT, ...} as iex prints it.
  World beam;
  GraphScene beamScene(&beam.model);
  Pid bh;
  build(beam, &bh);
  playOut(beamScene, 3000);
  views::NodeItem* bn = beamScene.node(bh);
  QVERIFY(bn && !bn->ergo());
  QCOMPARE(bn->mailbox(), 5u);
  bn->setPinned(true);
  bn->setPos(0, 0);
  beamScene.advance(beamScene.now() + 10);
  QCOMPARE(countNear(renderScene(beamScene, area), urgentRow, QColor(0xe0, 0x1e, 0x5a)), 0);
  views::InspectorWidget beamInsp(&beam.model);
  beamInsp.setPid(bh);
  beamInsp.setDetails(bh, beam.rt.info(bh), beam.rt.info(bh, atoms::messages)[1]);
  const QString beamBody = beamInsp.findChild<QTextBrowser*>(QStringLiteral("inspectorBody"))->toPlainText();
  QVERIFY(beamBody.contains(QStringLiteral("{:EXIT, #PID<0.")));
  QVERIFY(!beamBody.contains(QStringLiteral("MessageExitPID")));
}

void TestGraph::ergoLogNamesMessagesAndReasons() {
  World w(Semantics::Ergo);
  views::EventLogModel log(&w.model);
  QObject::connect(&w.model, &views::ObserverModel::updated, &log, [&log](const views::ModelDelta& d) {
    if (d.events) log.append(*d.events);
  });
  auto text = [&log] {
    QStringList lines;
    for (int i = 0; i < log.rowCount(); ++i) lines << log.index(i).data().toString();
    return lines.join(QLatin1Char('\n'));
  };
  // A trapped exit along a one-way link, and a DOWN by pid.
  const Pid linkTo = w.rt.spawn(idle);
  const Pid watched = w.rt.spawn(idle);
  const Pid h = w.rt.spawn(ergoHoarder, linkTo, watched);
  w.sync();
  w.rt.exit(linkTo, A("boom"));
  w.rt.exit(watched, Term(atoms::shutdown));
  w.sync();
  QString all = text();
  QVERIFY2(all.contains(QStringLiteral("links to %1 (LinkPID, one-way)").arg(QString::fromStdString(inspect_pid(linkTo)))), qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("got MessageExitPID from %1 (TerminateReasonPanic (:boom)) in its Urgent queue")
                            .arg(QString::fromStdString(inspect_pid(linkTo)))),
           qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("got MessageDownPID for %1 (TerminateReasonShutdown) in its System queue")
                            .arg(QString::fromStdString(inspect_pid(watched)))),
           qPrintable(all));

  // E1.3: a monitor on a name fires ErrUnregistered when the name goes, the process lives on.
  const Pid named = w.rt.spawn(idle);
  w.rt.register_name(named, intern("svc"));
  const Pid watcherByName = w.rt.spawn(idle);
  w.sync();
  QCOMPARE(ergo::monitor(w.rt, watcherByName, ergo::Target::registered(intern("svc"))), ergo::Error::None);
  w.sync();
  w.rt.unregister(intern("svc"));
  w.sync();
  all = text();
  QVERIFY2(all.contains(QStringLiteral("monitors the name :svc")), qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("got MessageDownProcessID for")) && all.contains(QStringLiteral("(ErrUnregistered)")),
           qPrintable(all));

  // E1.6: the node's Kill.
  w.rt.kill(h);
  w.sync();
  all = text();
  QVERIFY2(all.contains(QStringLiteral("the node killed %1 (Kill").arg(QString::fromStdString(inspect_pid(h)))), qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("%1 terminated (TerminateReasonKill)").arg(QString::fromStdString(inspect_pid(h)))),
           qPrintable(all));

  // Ergo's names of a reason and of a runtime message; an ordinary message has none.
  QCOMPARE(views::ergoReasonText(Term(atoms::normal)), QStringLiteral("TerminateReasonNormal"));
  QCOMPARE(views::ergoMessageText(Term::tuple({Term(atoms::EXIT), Term(Pid::make(4, 84)), Term(atoms::kill)})),
           QStringLiteral("MessageExitPID{PID: #PID<0.84.0>, Reason: TerminateReasonKill}"));
  QVERIFY(views::ergoMessageText(Term::tuple({A("hello"), Term(1)})).isEmpty());
}

namespace {
/// The event log's lines after a partition cuts node 0 from b@host: `watcher` traps exits and
/// monitors the node; `relate` adds what else crosses the connection.
QString logOfACut(Semantics s, const std::function<void(World&, Pid watcher, Pid linker, Runtime::NodeId b)>& relate,
                  Pid* watcherOut, Pid* linkerOut) {
  World w(s);
  views::EventLogModel log(&w.model);
  QObject::connect(&w.model, &views::ObserverModel::updated, &log, [&log](const views::ModelDelta& d) {
    if (d.events) log.append(*d.events);
  });
  const Runtime::NodeId b = w.rt.add_node(intern("b@host"));
  w.rt.connect_nodes(0, b);
  *watcherOut = w.rt.spawn(trapper);
  *linkerOut = w.rt.spawn(idle);
  w.sync();
  relate(w, *watcherOut, *linkerOut, b);
  w.rt.monitor_node(*watcherOut, b);
  w.sync();
  w.rt.partition(0, b);
  w.sync();
  QStringList lines;
  for (int i = 0; i < log.rowCount(); ++i) lines << log.index(i).data().toString();
  return lines.join(QLatin1Char('\n'));
}
}  // namespace

void TestGraph::ergoLogNamesANodeLinkAndItsLostConnection() {
  // E1.8: a cut fires node links (LinkNode) and node monitors (MonitorNode). The log names what
  // arrives as Ergo does and says which connection was lost: no process sent the exit, and the
  // observer did not either.
  Pid watcher, linker;
  const QString all = logOfACut(
      Semantics::Ergo,
      [](World& w, Pid watcher, Pid linker, Runtime::NodeId b) {
        QCOMPARE(ergo::link(w.rt, watcher, ergo::Target::node_of(b)), ergo::Error::None);
        QCOMPARE(ergo::link(w.rt, linker, ergo::Target::node_of(b)), ergo::Error::None);
      },
      &watcher, &linker);
  const QString W = QString::fromStdString(inspect_pid(watcher)), L = QString::fromStdString(inspect_pid(linker));
  QVERIFY2(all.contains(QStringLiteral("%1 got MessageDownNode{Name: :b@host} (it monitors nodes)").arg(W)), qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("%1 got MessageExitNode in its Urgent queue: the connection to node b@host was lost "
                                       "(ErrNoConnection)").arg(W)),
           qPrintable(all));
  QVERIFY2(all.contains(QStringLiteral("%1 terminated: the connection to node b@host was lost, and it links to that node "
                                       "(ErrNoConnection)").arg(L)),
           qPrintable(all));
  QVERIFY2(!all.contains(QStringLiteral("observer")), qPrintable(all));
  QVERIFY2(!all.contains(QStringLiteral("{:nodedown")), qPrintable(all));

  // The exit a node link fires (SignalSent: no sender, node2 = 1, by a link): which connection.
  TraceEvent sent;
  sent.kind = TraceKind::SignalSent;
  sent.signal = SignalType::Exit;
  sent.flag = true;
  sent.node = 1;
  sent.node2 = 1;
  sent.b = Pid::make(3, 3);
  sent.term = Term::atom("noconnection");
  const views::NodeNamer nodes = [](uint16_t n) { return n == 1 ? QStringLiteral("b@host") : QStringLiteral("a@host"); };
  views::ErgoNaming naming;
  QCOMPARE(views::describeEvent(sent, {}, nodes, &naming),
           QStringLiteral("the connection to node b@host was lost: #PID<0.3.0>'s link to that node fires, an exit with "
                          "ErrNoConnection from its own side"));
  naming.observe(sent);
  TraceEvent got = sent;
  got.kind = TraceKind::SignalDelivered;
  got.outcome = SignalOutcome::Trapped;
  got.node = 0;
  got.node2 = 0;
  QCOMPARE(views::describeEvent(got, {}, nodes, &naming),
           QStringLiteral("#PID<0.3.0> got MessageExitNode in its Urgent queue: the connection to node b@host was lost (ErrNoConnection)"));
  naming.observe(got);
  QCOMPARE(naming.lostNodeOf(got.b), -1);  // delivered: forgotten
  QCOMPARE(views::describeEvent(got, {}, nodes, &naming),  // not seen sent (a log started later)
           QStringLiteral("#PID<0.3.0> got MessageExitNode in its Urgent queue: the connection to a node it links to was lost (ErrNoConnection)"));

  // BEAM mode words a cut as before: the :noconnection exit comes from the far process's side,
  // {:nodedown, node} is printed as iex does.
  const QString beam = logOfACut(
      Semantics::Beam, [](World& w, Pid watcher, Pid, Runtime::NodeId b) {
        SpawnOptions onB;
        onB.node = b;
        const Pid remote = w.rt.spawn_opt(onB, idle);
        w.sync();
        QVERIFY(w.rt.link(watcher, remote));
      },
      &watcher, &linker);
  const QString BW = QString::fromStdString(inspect_pid(watcher));
  QVERIFY2(beam.contains(QStringLiteral("%1 got {:nodedown, :b@host} (it monitors nodes)").arg(BW)), qPrintable(beam));
  QVERIFY2(beam.contains(QStringLiteral("%1 trapped the exit of #PID<2.").arg(BW)) && beam.contains(QStringLiteral("(:noconnection)")),
           qPrintable(beam));
  QVERIFY2(!beam.contains(QStringLiteral("Message")), qPrintable(beam));
  TraceEvent far = sent;  // BEAM: a process on the far side is the sender
  far.a = Pid::make(1, 1);
  far.flag = true;
  QCOMPARE(views::describeEvent(far),
           QStringLiteral("#PID<0.1.0> is unreachable: an exit signal (:noconnection) goes to #PID<0.3.0> from its own side"));
  far.signal = SignalType::Down;
  QCOMPARE(views::describeEvent(far),
           QStringLiteral("#PID<0.1.0> is unreachable: DOWN (:noconnection) sent to #PID<0.3.0> from its own side"));
}

void TestGraph::ergoExitDialogAndInspectorUseErgoRulesAndNames() {
  // The Exit dialog explains the presets by Ergo's rules (E1.5: :normal ends a non-trapper; E1.6:
  // :kill is trapped, only the node's Kill is forced); BEAM's explanations stay as they were.
  views::TermDialog dlg(views::TermDialog::Mode::ExitReason, QStringLiteral("#PID<0.1.0>"), nullptr, true);
  dlg.setText(QStringLiteral(":kill"));
  QVERIFY2(dlg.explanation().contains(QStringLiteral("trapped like any other (E1.6)")) &&
               dlg.explanation().contains(QStringLiteral("Only the node's Kill is forced")),
           qPrintable(dlg.explanation()));
  QVERIFY(!dlg.explanation().contains(QStringLiteral("cannot be trapped")));
  dlg.setText(QStringLiteral(":normal"));
  QVERIFY2(dlg.explanation().contains(QStringLiteral("terminates on any reason, :normal too (E1.5)")), qPrintable(dlg.explanation()));
  dlg.setText(QStringLiteral(":shutdown"));
  QVERIFY2(dlg.explanation().startsWith(QStringLiteral("TerminateReasonShutdown: ")), qPrintable(dlg.explanation()));
  QVERIFY(!dlg.explanation().contains(QStringLiteral("supervisors")));
  dlg.setText(QStringLiteral(":kaboom"));
  QVERIFY2(dlg.explanation().startsWith(QStringLiteral("TerminateReasonPanic (:kaboom): ")), qPrintable(dlg.explanation()));
  views::TermDialog beam(views::TermDialog::Mode::ExitReason, QStringLiteral("#PID<0.1.0>"));
  beam.setText(QStringLiteral(":kill"));
  QVERIFY(beam.explanation().startsWith(QStringLiteral(":kill cannot be trapped")));

  // After the node's Kill the inspector names the reason as the log does; BEAM's words stay.
  auto afterKill = [](Semantics s) {
    World w(s);
    views::InspectorWidget insp(&w.model);
    const Pid a = w.rt.spawn(idle);
    w.sync();
    insp.setPid(a);
    w.rt.kill(a);
    w.sync();
    insp.refresh();
    return std::pair(insp.findChild<QLabel*>(QStringLiteral("inspectorStatus"))->text(),
                     insp.findChild<QTextBrowser*>(QStringLiteral("inspectorBody"))->toPlainText());
  };
  const auto [status, body] = afterKill(Semantics::Ergo);
  QCOMPARE(status, QStringLiteral("DEAD: terminated: TerminateReasonKill (:kill)"));
  QVERIFY2(body.contains(QStringLiteral("exit reason\nTerminateReasonKill (:kill)")), qPrintable(body));
  const auto [beamStatus, beamBody] = afterKill(Semantics::Beam);
  QCOMPARE(beamStatus, QStringLiteral("DEAD: exited with :killed"));
  QVERIFY2(beamBody.contains(QStringLiteral("exit reason\n:killed")), qPrintable(beamBody));
}

void TestGraph::ergoNameLinkEndsAtANameBadge() {
  // E1.2: a link or monitor made by a registered name is drawn to a badge with the name beside its
  // process, not to the process; E1.3: once the name is unregistered the badge is struck through,
  // the :unregistered exit and DOWN leave from it, and it goes when they have landed.
  World w(Semantics::Ergo);
  GraphScene scene(&w.model);
  const Atom db = intern("db");
  const Pid target = w.rt.spawn(idle);
  w.rt.register_name(target, db);
  const Pid linker = w.rt.spawn(idle);
  const Pid mon = w.rt.spawn(idle);
  const Pid byPid = w.rt.spawn(idle);
  QCOMPARE(ergo::link(w.rt, linker, ergo::Target::registered(db)), ergo::Error::None);
  QCOMPARE(ergo::monitor(w.rt, mon, ergo::Target::registered(db)), ergo::Error::None);
  QCOMPARE(ergo::link(w.rt, byPid, ergo::Target::process(target)), ergo::Error::None);
  w.sync();
  playOut(scene, 1000);
  QCOMPARE(scene.nameBadgeCount(), size_t(1));
  QVERIFY(scene.nameBadge(target.serial(), db));
  QVERIFY(!scene.nameBadgeStruck(target.serial(), db));
  // The named edges carry the name; the link by pid does not.
  std::vector<GraphEdge> named;
  for (const GraphEdge& e : scene.edges())
    if (e.name) named.push_back(e);
  QCOMPARE(named.size(), size_t(2));
  for (const GraphEdge& e : named) QCOMPARE(e.name, db.id);
  QVERIFY(hasEdge(scene, GraphEdge::OneWayLink, linker, target));
  QVERIFY(hasEdge(scene, GraphEdge::Monitor, mon, target));
  for (const GraphEdge& e : scene.edges())
    if (e.from == byPid.serial()) QCOMPARE(e.name, 0u);

  // Fixed places: the target in the middle, the linker right, the watcher above, the other left.
  for (auto [p, at] : {std::pair{target, QPointF(0, 0)}, std::pair{linker, QPointF(400, 0)},
                       std::pair{mon, QPointF(0, -400)}, std::pair{byPid, QPointF(-400, 0)}}) {
    scene.node(p)->setPinned(true);
    scene.node(p)->setPos(at);
  }
  for (int i = 0; i < 3; ++i) scene.advance(scene.now() + 10);
  const QRectF badge = scene.nameBadgeRect(target.serial(), db);
  QVERIFY(!badge.isEmpty());
  // Beside its process, on its holders' side (right and above), clear of the body.
  QVERIFY2(badge.center().x() > 0 || badge.center().y() < 0, qPrintable(QStringLiteral("%1,%2").arg(badge.center().x()).arg(badge.center().y())));
  QVERIFY(!badge.intersects(QRectF(-24, -24, 48, 48)));
  QVERIFY(badge.center().manhattanLength() < 120);
  QCOMPARE(scene.nameBadgeAt(badge.center(), 1), (std::optional<std::pair<Pid, Atom>>{{target, db}}));
  QVERIFY(!scene.nameBadgeAt(QPointF(200, 200), 1));
  // Each named arrow ends at the badge's border (within a few px), not at the process.
  for (const GraphEdge& e : named) {
    const QLineF arrow = scene.badgeArrow(e, 1);
    QVERIFY(!arrow.isNull());
    QVERIFY2(badge.adjusted(-6, -6, 6, 6).contains(arrow.p2()) && !badge.adjusted(1, 1, -1, -1).contains(arrow.p2()),
             qPrintable(QStringLiteral("tip %1,%2").arg(arrow.p2().x()).arg(arrow.p2().y())));
  }
  // Painted so: the link's head is link ink just outside the badge, and the badge is drawn.
  const QRectF area(-150, -150, 600, 300);
  const QImage img = renderScene(scene, area);
  const QColor ink = views::style::linkColor(views::style::isDark(scene.palette()));
  const QLineF link = scene.badgeArrow(named[0].kind == GraphEdge::OneWayLink ? named[0] : named[1], 1);
  const QPointF inHead = link.p2() + (link.p1() - link.p2()) / link.length() * 8;
  QVERIFY2(near(img.pixelColor((inHead - area.topLeft()).toPoint()), ink), qPrintable(img.pixelColor((inHead - area.topLeft()).toPoint()).name()));
  QVERIFY(countNear(img, badge.translated(-area.topLeft()).toAlignedRect(), views::style::workerColor()) > 10);  // its outline

  // The name goes (E1.3): the badge is struck through while the :unregistered exit and DOWN travel,
  // and they leave from the badge.
  w.rt.unregister(db);
  w.rt.run_ready();
  w.feed();
  scene.advance(scene.now() + 10);
  QVERIFY(scene.nameBadge(target.serial(), db));
  QVERIFY(scene.nameBadgeStruck(target.serial(), db));
  int fromBadge = 0;
  for (const SignalAnim& a : scene.signalAnims())
    if (a.from == target.serial() && (a.to == linker.serial() || a.to == mon.serial())) fromBadge += a.fromName == db.id;
  QCOMPARE(fromBadge, 2);
  w.sync();
  playOut(scene, 3000);
  QCOMPARE(scene.nameBadgeCount(), size_t(0));
  QVERIFY(w.alive(target));    // it lives on
  QVERIFY(!w.alive(linker));   // E1.5: a non-trapping linker ends, even on :unregistered
  QVERIFY(hasEdge(scene, GraphEdge::OneWayLink, byPid, target));  // the link by pid stays

  // BEAM mode: a name monitor watches the pid; no badge.
  World beam;
  GraphScene beamScene(&beam.model);
  const Pid bt = beam.rt.spawn(idle);
  beam.rt.register_name(bt, db);
  beam.rt.spawn(nameWatcher, db);
  beam.sync();
  playOut(beamScene, 500);
  QCOMPARE(beamScene.nameBadgeCount(), size_t(0));
  QCOMPARE(countEdges(beamScene, GraphEdge::Monitor), size_t(1));
}

QTEST_MAIN(TestGraph)
#include "tst_graph.moc"
