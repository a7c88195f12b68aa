// The presentation playhead (actorscope/playhead.hpp): causal order, minimum life, travel,
// parallel chains, compression and fast-forward; on hand-written traces and on the trace of a real
// deterministic runtime running the textbook's spawn_link example.
#include "../common/test_support.hpp"

#include <actorscope/playhead.hpp>

#include <algorithm>
#include <map>
#include <random>

using namespace actorscope;
using namespace testsupport;

namespace {

Pid pid(uint32_t n) { return Pid::make(n, n); }

struct Trace {
  std::vector<TraceEvent> events;
  uint64_t seq = 1;
  TraceEvent& add(TraceKind k, Pid a, Pid b = {}) {
    TraceEvent e;
    e.seq = seq++;
    e.kind = k;
    e.a = a;
    e.b = b;
    events.push_back(e);
    return events.back();
  }
  void spawn(Pid child, Pid parent) { add(TraceKind::Spawn, child, parent); }
  void exit(Pid p, const char* reason) { add(TraceKind::Exit, p).term = A(reason); }
  void signal(Pid from, Pid to, SignalType t, SignalOutcome outcome) {
    add(TraceKind::SignalSent, from, to).signal = t;
    auto& d = add(TraceKind::SignalDelivered, from, to);
    d.signal = t;
    d.outcome = outcome;
  }
  void send(Pid from, Pid to) { add(TraceKind::Send, from, to).term = A("hello"); }
};

/// Everything the playhead hands out, taking every `frame` ms until it is empty.
std::vector<PresentedEvent> play(Playhead& ph, const std::vector<TraceEvent>& events, double frame = 16) {
  ph.push(events, 0);
  std::vector<PresentedEvent> out;
  for (double now = 0; now < 60'000 && (ph.pending() > 0 || now == 0); now += frame) {
    auto got = ph.take(now);
    for (auto& p : got) {
      if (!p.fast_forwarded && p.at_ms > now) qFatal("handed out %g ms early", p.at_ms - now);
      out.push_back(std::move(p));
    }
  }
  return out;
}

const PresentedEvent* find(const std::vector<PresentedEvent>& v, TraceKind k, Pid a,
                           PresentedEvent::Phase phase = PresentedEvent::Phase::Effect) {
  for (const auto& p : v)
    if (p.event.kind == k && p.event.a == a && p.phase == phase) return &p;
  return nullptr;
}

const PresentedEvent* findTo(const std::vector<PresentedEvent>& v, TraceKind k, Pid b,
                             PresentedEvent::Phase phase = PresentedEvent::Phase::Effect) {
  for (const auto& p : v)
    if (p.event.kind == k && p.event.b == b && p.phase == phase) return &p;
  return nullptr;
}

/// Per process, the events handed out keep their seq order.
void checkLaneOrder(const std::vector<PresentedEvent>& out) {
  std::map<uint32_t, uint64_t> last;
  for (const auto& p : out) {
    if (p.phase != PresentedEvent::Phase::Effect) continue;
    const auto& e = p.event;
    std::vector<Pid> pids;
    switch (e.kind) {
      case TraceKind::Send:
      case TraceKind::SignalDelivered: pids = {e.b}; break;
      case TraceKind::SignalSent: pids = {e.a}; break;
      default: pids = {e.a, e.b, e.pid2}; break;
    }
    std::sort(pids.begin(), pids.end(), [](Pid x, Pid y) { return x.serial() < y.serial(); });
    pids.erase(std::unique(pids.begin(), pids.end()), pids.end());  // Link(a, a) is one lane
    for (Pid q : pids) {
      if (!q.valid()) continue;
      QVERIFY2(last[q.serial()] < e.seq, qPrintable(QStringLiteral("seq %1 of %2 after seq %3")
                                                       .arg(e.seq)
                                                       .arg(q.serial())
                                                       .arg(last[q.serial()])));
      last[q.serial()] = e.seq;
    }
  }
}

}  // namespace

class TestPlayhead : public QObject {
  Q_OBJECT

private slots:
  void shortLifeIsShownTheMinimumTime();
  void signalEffectWaitsForItsLanding_data();
  void signalEffectWaitsForItsLanding();
  void messageBadgeRisesWhenTheEnvelopeLands();
  void floodDoesNotSerialiseTheSender();
  void supervisorStartsManyChildrenAtOnce();
  void independentChainsPlayInParallel();
  void observerCommandsDepartAtOnce();
  void namesKeepTheirOrder();
  void randomTracesKeepEachProcessInOrder();
  void backlogCompressesThenFastForwards();
  void stormIsSqueezedToTheTargetLag();
  void smallStoryPlaysAtNormalSpeed();
  void flushHandsOutEverything();
  void realRuntimeSpawnLinkExample();
};

void TestPlayhead::shortLifeIsShownTheMinimumTime() {
  // spawn(fn -> :ok end): a process that lives a microsecond is on screen min_life_ms at least.
  Trace t;
  t.spawn(pid(10), pid(1));
  t.exit(pid(10), "normal");
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* born = find(out, TraceKind::Spawn, pid(10));
  const auto* died = find(out, TraceKind::Exit, pid(10));
  QVERIFY(born && died);
  QVERIFY(died->at_ms - born->at_ms >= ph.options().min_life_ms);
  checkLaneOrder(out);
}

void TestPlayhead::signalEffectWaitsForItsLanding_data() {
  QTest::addColumn<int>("type");
  QTest::addColumn<int>("outcome");
  QTest::newRow("exit kills") << int(SignalType::Exit) << int(SignalOutcome::Killed);
  QTest::newRow("exit trapped") << int(SignalType::Exit) << int(SignalOutcome::Trapped);
  QTest::newRow("exit normal dropped") << int(SignalType::Exit) << int(SignalOutcome::DroppedNormal);
  QTest::newRow("DOWN queued") << int(SignalType::Down) << int(SignalOutcome::DownQueued);
}

void TestPlayhead::signalEffectWaitsForItsLanding() {
  QFETCH(int, type);
  QFETCH(int, outcome);
  // R1.1 / R3.3 as the picture shows them: the target's outcome, and its own death, come after the
  // signal has travelled; the sender's death comes before the signal leaves.
  Trace t;
  t.spawn(pid(10), pid(1));
  t.exit(pid(10), "boom");
  t.signal(pid(10), pid(1), SignalType(type), SignalOutcome(outcome));
  if (SignalOutcome(outcome) == SignalOutcome::Killed) t.exit(pid(1), "boom");
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* died = find(out, TraceKind::Exit, pid(10));
  const auto* sent = find(out, TraceKind::SignalSent, pid(10));
  const auto* landed = findTo(out, TraceKind::SignalDelivered, pid(1));
  QVERIFY(died && sent && landed);
  QVERIFY(sent->at_ms >= died->at_ms);
  QCOMPARE(sent->travel_ms, ph.options().travel_ms);
  QVERIFY(landed->at_ms >= sent->at_ms + sent->travel_ms);
  if (SignalOutcome(outcome) == SignalOutcome::Killed) {
    const auto* victim = find(out, TraceKind::Exit, pid(1));
    QVERIFY(victim);
    QVERIFY(victim->at_ms >= landed->at_ms);
  }
  checkLaneOrder(out);
}

void TestPlayhead::messageBadgeRisesWhenTheEnvelopeLands() {
  Trace t;
  t.send(pid(1), pid(2));
  t.add(TraceKind::Receive, pid(2));
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* leaves = find(out, TraceKind::Send, pid(1), PresentedEvent::Phase::Departure);
  const auto* lands = find(out, TraceKind::Send, pid(1), PresentedEvent::Phase::Effect);
  const auto* taken = find(out, TraceKind::Receive, pid(2));
  QVERIFY(leaves && lands && taken);
  QCOMPARE(leaves->at_ms, 0.0);
  QVERIFY(lands->at_ms >= leaves->at_ms + ph.options().travel_ms);
  QVERIFY(taken->at_ms >= lands->at_ms);
}

void TestPlayhead::floodDoesNotSerialiseTheSender() {
  // A hundred sends from one process: each envelope travels, but the sender does not wait for
  // them, so they all land about one travel time later.
  Trace t;
  for (int i = 0; i < 100; ++i) t.send(pid(1), pid(2 + i % 3));
  Playhead ph;
  const auto out = play(ph, t.events);
  double last = 0;
  for (const auto& p : out) last = std::max(last, p.at_ms);
  QVERIFY2(last <= ph.options().travel_ms + 1, qPrintable(QString::number(last)));
}

void TestPlayhead::supervisorStartsManyChildrenAtOnce() {
  // A restarted branch: its supervisor spawns and links 300 workers in a row. They appear
  // together, not one after another (the parent's lane does not wait for each child).
  Trace t;
  for (uint32_t i = 0; i < 300; ++i) {
    t.spawn(pid(100 + i), pid(1));
    t.add(TraceKind::Link, pid(1), pid(100 + i));
  }
  Playhead ph;
  const auto out = play(ph, t.events);
  QCOMPARE(out.size(), t.events.size());
  for (const auto& p : out) QCOMPARE(p.at_ms, 0.0);
  QCOMPARE(ph.last_fast_forward(), size_t(0));
}

void TestPlayhead::independentChainsPlayInParallel() {
  // Two unrelated spawn_link + exit chains: the second does not wait for the first.
  Trace t;
  for (uint32_t base : {10u, 20u}) {
    t.spawn(pid(base), pid(base + 1));
    t.add(TraceKind::Link, pid(base + 1), pid(base));
    t.exit(pid(base), "boom");
    t.signal(pid(base), pid(base + 1), SignalType::Exit, SignalOutcome::Killed);
    t.exit(pid(base + 1), "boom");
  }
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* first = find(out, TraceKind::Exit, pid(11));
  const auto* second = find(out, TraceKind::Exit, pid(21));
  QVERIFY(first && second);
  QCOMPARE(second->at_ms, first->at_ms);
  checkLaneOrder(out);
}

void TestPlayhead::observerCommandsDepartAtOnce() {
  // Process.exit(pid, :kill) from the window: from no process, it leaves at once and lands after
  // its travel; the victim's death follows.
  Trace t;
  auto& k = t.add(TraceKind::SignalSent, Pid{}, pid(5));
  k.signal = SignalType::Exit;
  k.term = A("kill");
  auto& d = t.add(TraceKind::SignalDelivered, Pid{}, pid(5));
  d.signal = SignalType::Exit;
  d.outcome = SignalOutcome::Killed;
  t.exit(pid(5), "killed");
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* sent = findTo(out, TraceKind::SignalSent, pid(5));
  const auto* landed = findTo(out, TraceKind::SignalDelivered, pid(5));
  const auto* died = find(out, TraceKind::Exit, pid(5));
  QVERIFY(sent && landed && died);
  QCOMPARE(sent->at_ms, 0.0);
  QVERIFY(landed->at_ms >= ph.options().travel_ms);
  QVERIFY(died->at_ms >= landed->at_ms);
}

void TestPlayhead::namesKeepTheirOrder() {
  // A restarted child registers the name its predecessor held: the old Unregister is shown first.
  Trace t;
  t.spawn(pid(10), pid(1));
  t.add(TraceKind::Register, pid(10)).name = intern("worker");
  t.exit(pid(10), "boom");
  t.add(TraceKind::Unregister, pid(10)).name = intern("worker");
  t.spawn(pid(11), pid(1));
  t.add(TraceKind::Register, pid(11)).name = intern("worker");
  Playhead ph;
  const auto out = play(ph, t.events);
  const auto* gone = find(out, TraceKind::Unregister, pid(10));
  const auto* again = find(out, TraceKind::Register, pid(11));
  QVERIFY(gone && again);
  QVERIFY(again->at_ms >= gone->at_ms);
  QVERIFY(std::find_if(out.begin(), out.end(), [&](const auto& p) { return &p == gone; }) <
          std::find_if(out.begin(), out.end(), [&](const auto& p) { return &p == again; }));
}

void TestPlayhead::randomTracesKeepEachProcessInOrder() {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    Trace t;
    for (int i = 0; i < 400; ++i) {
      const Pid a = pid(1 + rng() % 12), b = pid(1 + rng() % 12);
      switch (rng() % 6) {
        case 0: t.send(a, b); break;
        case 1: t.add(TraceKind::Link, a, b); break;
        case 2: t.signal(a, b, SignalType::Exit, SignalOutcome::Trapped); break;
        case 3: t.add(TraceKind::Receive, a); break;
        case 4: t.add(TraceKind::Monitor, a, b); break;
        default: t.add(TraceKind::TrapExit, a).flag = true; break;
      }
    }
    Playhead ph;
    std::vector<PresentedEvent> out;
    // Pushed in batches while playing, as frames do.
    size_t next = 0;
    for (double now = 0; now < 120'000 && (next < t.events.size() || ph.pending() > 0); now += 16) {
      const size_t n = std::min<size_t>(t.events.size() - next, rng() % 40);
      ph.push(std::vector<TraceEvent>(t.events.begin() + long(next), t.events.begin() + long(next + n)), now);
      next += n;
      for (auto& p : ph.take(now)) out.push_back(std::move(p));
    }
    QCOMPARE(ph.pending(), size_t(0));
    size_t effects = 0;
    for (const auto& p : out) effects += p.phase == PresentedEvent::Phase::Effect;
    QCOMPARE(effects, t.events.size());
    checkLaneOrder(out);
  }
}

void TestPlayhead::backlogCompressesThenFastForwards() {
  // A link chain of 200 dying at once: 200 hops would take 70 s at normal speed; the playhead
  // shrinks the hops as far as they stay visible and, still past skip_lag_ms, hands the rest out at
  // once and says how many.
  Trace t;
  for (uint32_t i = 0; i < 200; ++i) {
    t.exit(pid(100 + i), "boom");
    t.signal(pid(100 + i), pid(101 + i), SignalType::Exit, SignalOutcome::Killed);
  }
  PlayheadOptions o;
  o.skip_lag_ms = 100'000;  // compression only
  Playhead slow(o);
  slow.push(t.events, 0);
  QVERIFY(slow.compression() < 1);
  Playhead ph;  // default: fast-forward
  ph.push(t.events, 0);
  QVERIFY(ph.pending() > 0);
  const auto out = ph.take(16);
  QCOMPARE(out.size(), t.events.size());
  QVERIFY(std::all_of(out.begin(), out.end(), [](const auto& p) { return p.fast_forwarded; }));
  QCOMPARE(ph.last_fast_forward(), t.events.size());
  QCOMPARE(ph.pending(), size_t(0));
  QCOMPARE(ph.lag_ms(16), 0.0);
  checkLaneOrder(out);
}

void TestPlayhead::stormIsSqueezedToTheTargetLag() {
  // big-tree's branch kill: the observer kills a supervisor of 300 workers; its EXIT reaches them
  // all, they die, the root restarts the branch and its 300 new workers. At normal speed the story
  // is over a second long; as a storm it is squeezed to storm_lag_ms, every order kept.
  Trace t;
  const Pid root = pid(1), branch = pid(2), branch2 = pid(3);
  t.add(TraceKind::SignalSent, Pid{}, branch).signal = SignalType::Exit;
  t.add(TraceKind::SignalDelivered, Pid{}, branch).signal = SignalType::Exit;
  t.exit(branch, "killed");
  for (uint32_t i = 0; i < 300; ++i) t.signal(branch, pid(100 + i), SignalType::Exit, SignalOutcome::Killed);
  t.signal(branch, root, SignalType::Exit, SignalOutcome::Trapped);
  for (uint32_t i = 0; i < 300; ++i) {
    t.exit(pid(100 + i), "killed");
    t.signal(pid(100 + i), branch, SignalType::Exit, SignalOutcome::DroppedDead);
  }
  t.add(TraceKind::Restart, root, branch2).pid2 = branch;
  t.spawn(branch2, root);
  for (uint32_t i = 0; i < 300; ++i) {
    t.spawn(pid(1000 + i), branch2);
    t.add(TraceKind::Link, branch2, pid(1000 + i));
  }
  Playhead normal(PlayheadOptions{.storm_pending = 1'000'000});  // never a storm: the full story
  normal.push(t.events, 0);
  QVERIFY2(normal.lag_ms(0) > 1000, qPrintable(QString::number(normal.lag_ms(0))));

  Playhead ph;
  ph.push(t.events, 0);
  QVERIFY2(ph.lag_ms(0) <= ph.options().storm_lag_ms + 1, qPrintable(QString::number(ph.lag_ms(0))));
  const auto out = play(ph, {});
  QCOMPARE(ph.last_fast_forward(), size_t(0));
  size_t effects = 0;
  for (const auto& p : out) effects += p.phase == PresentedEvent::Phase::Effect;
  QCOMPARE(effects, t.events.size());
  checkLaneOrder(out);
  // Each signal still travels before it lands, and the pulse's time matches its landing.
  const auto* killSent = find(out, TraceKind::SignalSent, Pid{});
  const auto* killed = find(out, TraceKind::Exit, branch);
  QVERIFY(killSent && killed);
  QVERIFY(killSent->travel_ms >= ph.options().travel_ms * ph.options().min_compression);
  QVERIFY(killed->at_ms >= killSent->at_ms + killSent->travel_ms - 1e-6);
  for (uint32_t i = 0; i < 300; i += 37) {
    const auto* sent = findTo(out, TraceKind::SignalSent, pid(100 + i));
    const auto* landed = findTo(out, TraceKind::SignalDelivered, pid(100 + i));
    const auto* died = find(out, TraceKind::Exit, pid(100 + i));
    QVERIFY(sent && landed && died);
    QVERIFY(sent->travel_ms > 0);
    QVERIFY(landed->at_ms >= sent->at_ms + sent->travel_ms - 1e-6);
    QVERIFY(died->at_ms >= landed->at_ms);
    QVERIFY(sent->at_ms >= killed->at_ms);
  }
}

void TestPlayhead::smallStoryPlaysAtNormalSpeed() {
  // A textbook example is a handful of events: it keeps its full travel and minimum life.
  Trace t;
  t.spawn(pid(10), pid(1));
  t.add(TraceKind::Link, pid(1), pid(10));
  t.exit(pid(10), "boom");
  t.signal(pid(10), pid(1), SignalType::Exit, SignalOutcome::Killed);
  t.exit(pid(1), "boom");
  Playhead ph;
  const auto out = play(ph, t.events);
  QCOMPARE(ph.compression(), 1.0);
  const auto* sent = find(out, TraceKind::SignalSent, pid(10));
  const auto* born = find(out, TraceKind::Spawn, pid(10));
  const auto* died = find(out, TraceKind::Exit, pid(10));
  QVERIFY(sent && born && died);
  QCOMPARE(sent->travel_ms, ph.options().travel_ms);
  QVERIFY(died->at_ms - born->at_ms >= ph.options().min_life_ms);
}

void TestPlayhead::flushHandsOutEverything() {
  Trace t;
  t.spawn(pid(10), pid(1));
  t.exit(pid(10), "normal");
  Playhead ph;
  ph.push(t.events, 0);
  QCOMPARE(ph.take(0).size(), size_t(1));  // the spawn
  QCOMPARE(ph.flush().size(), size_t(1));  // the exit, early
  QCOMPARE(ph.pending(), size_t(0));
  // A spawn handed out by a flush still gets its minimum life from the flush on.
  Trace late;
  late.spawn(pid(20), pid(1));
  ph.push(late.events, 100);
  QCOMPARE(ph.flush().size(), size_t(1));
  Trace end;
  end.seq = 10;
  end.exit(pid(20), "normal");
  ph.push(end.events, 110);
  QVERIFY(ph.take(110).empty());
  const auto died = ph.take(100 + ph.options().min_life_ms);
  QCOMPARE(died.size(), size_t(1));
  ph.push(t.events, 10);
  ph.clear();
  QCOMPARE(ph.pending(), size_t(0));
}

void TestPlayhead::realRuntimeSpawnLinkExample() {
  // iex> spawn_link(fn -> exit(:boom) end) from a shell-like parent, traced by a deterministic
  // runtime: the child is shown, lives min_life_ms, its EXIT travels, and only then the parent
  // (not trapping) dies.
  Runtime rt(det());
  rt.set_tracing(true);
  Pid parent = rt.spawn([](Process& self) -> Task<> {
    self.spawn_link([](Process& child) -> Task<> { co_await child.exit(Term(intern("boom"))); });
    co_await self.receive();
  });
  rt.run_until_idle();
  std::vector<TraceEvent> events;
  rt.drain_trace(events);
  Playhead ph;
  const auto out = play(ph, events);
  const PresentedEvent* childBorn = nullptr;
  for (const auto& p : out)
    if (p.event.kind == TraceKind::Spawn && p.event.b == parent) childBorn = &p;
  QVERIFY(childBorn);
  const Pid child = childBorn->event.a;
  const auto* childDied = find(out, TraceKind::Exit, child);
  const auto* sent = find(out, TraceKind::SignalSent, child);
  const auto* landed = findTo(out, TraceKind::SignalDelivered, parent);
  const auto* parentDied = find(out, TraceKind::Exit, parent);
  QVERIFY(childDied && sent && landed && parentDied);
  QCOMPARE(landed->event.outcome, SignalOutcome::Killed);
  QVERIFY(childDied->at_ms - childBorn->at_ms >= ph.options().min_life_ms);
  QVERIFY(landed->at_ms >= sent->at_ms + ph.options().travel_ms);
  QVERIFY(parentDied->at_ms >= landed->at_ms);
  checkLaneOrder(out);
}

QTEST_GUILESS_MAIN(TestPlayhead)
#include "tst_playhead.moc"
