// tst_recording: the recorder (bounded ring, keyframes), the trace file format (round trip and
// the documented errors for corrupt files), replay (state at every marker equals the live state
// seen at that moment), headless recording.

#include "rec_helpers.hpp"

#include <cstdio>
#include <random>
#include <set>

using namespace rt_test;

namespace {

/// What the runtime showed right after a step that contained a marker.
struct LiveMoment {
  Snapshot snap;
  std::vector<InFlightSignal> flying;
  size_t events_so_far = 0;
};

struct LiveRun {
  Recorder rec{RecorderOptions{1'000'000, 16}};
  std::vector<LiveMoment> moments;
  size_t markers = 0;
  size_t exits = 0;
  size_t restarts = 0;
};

bool isMarker(const TraceEvent& e) {
  return e.kind == TraceKind::Exit || e.kind == TraceKind::Restart || e.kind == TraceKind::Fault ||
         e.kind == TraceKind::GiveUp;
}

/// Runs `scenario` step by step for `ms` of virtual time, recording, and snapshots the runtime
/// after every step that had a marker. `lateStart`: the recorder starts after some steps, from a
/// snapshot and the signals in flight.
void runLive(LiveRun& run, const char* scenario, const ScenarioParams& params, int64_t ms, bool lateStart,
             int64_t latency_ms, Semantics sem = Semantics::Beam) {
  RuntimeOptions o = det();
  o.semantics = sem;
  Runtime rt(o);
  rt.set_tracing(true);
  if (latency_ms) rt.set_global_latency(std::chrono::milliseconds(latency_ms));
  std::vector<TraceEvent> evs;
  RecordingInfo info;
  info.semantics = sem;
  if (!lateStart) run.rec.start(rt.snapshot(), rt.in_flight(), info);
  QVERIFY(build_scenario(rt, scenario, params).ok);
  if (lateStart) {
    for (int i = 0; i < 2; ++i) rt.step();
    rt.drain_trace(evs);  // before the recording: thrown away
    evs.clear();
    run.rec.start(rt.snapshot(), rt.in_flight(), info);
  }
  const int64_t end = rt.now_ns() + ms * 1'000'000;
  size_t steps = 0;
  while (rt.now_ns() <= end && steps < 200'000) {
    if (!rt.step()) break;
    ++steps;
    evs.clear();
    rt.drain_trace(evs);
    run.rec.record(evs);
    bool marker = false;
    for (const auto& e : evs) {
      if (!isMarker(e)) continue;
      marker = true;
      ++run.markers;
      run.exits += e.kind == TraceKind::Exit;
      run.restarts += e.kind == TraceKind::Restart;
    }
    if (marker) run.moments.push_back({rt.snapshot(), rt.in_flight(), run.rec.recorded()});
  }
  QCOMPARE(rt.dropped_events(), uint64_t(0));
}

std::vector<Pid> sorted(std::vector<Pid> v) {
  std::sort(v.begin(), v.end());
  return v;
}
std::vector<std::pair<uint64_t, uint32_t>> sorted(const std::vector<std::pair<Ref, Pid>>& v) {
  std::vector<std::pair<uint64_t, uint32_t>> o;
  for (auto& [r, p] : v) o.emplace_back(r.id, p.serial());
  std::sort(o.begin(), o.end());
  return o;
}

/// "" when the replayed state equals what the runtime showed, else the first difference.
std::string compareState(const ReplayState& st, const std::vector<InFlightSignal>& replayFlying, const LiveMoment& m) {
  const Snapshot& live = m.snap;
  if (st.processes().size() != live.processes.size())
    return "process count " + std::to_string(st.processes().size()) + " vs live " + std::to_string(live.processes.size());
  for (const ProcessSnapshot& lp : live.processes) {
    const ProcessSnapshot* rp = st.find(lp.pid);
    const std::string who = inspect_pid(lp.pid) + ": ";
    if (!rp) return who + "missing in the replay";
    if (rp->parent != lp.parent) return who + "parent";
    if (rp->node != lp.node) return who + "node " + std::to_string(rp->node) + " vs live " + std::to_string(lp.node);
    if (rp->name != lp.name) return who + "name " + inspect_atom(rp->name) + " vs live " + inspect_atom(lp.name);
    if (rp->trap_exit != lp.trap_exit) return who + "trap_exit";
    if (rp->suspended != lp.suspended) return who + "suspended";
    if (rp->status != lp.status) return who + "status " + to_string(rp->status) + " vs live " + to_string(lp.status);
    if (!(rp->initial_call == lp.initial_call)) return who + "initial_call";
    if (sorted(rp->links) != sorted(lp.links)) return who + "links";
    if (sorted(rp->one_way_links) != sorted(lp.one_way_links)) return who + "one-way links (Ergo)";
    auto byRef = [](std::vector<NameTarget> v) {
      std::sort(v.begin(), v.end(), [](const NameTarget& x, const NameTarget& y) { return x.ref.id < y.ref.id; });
      return v;
    };
    if (byRef(rp->name_targets) != byRef(lp.name_targets)) return who + "links/monitors by name (Ergo, E1.2)";
    if (sorted(rp->monitors) != sorted(lp.monitors)) return who + "monitors";
    if (sorted(rp->monitored_by) != sorted(lp.monitored_by)) return who + "monitored_by";
    // The replay counts messages still travelling (as the live observer does).
    uint32_t travelling = 0, by_queue[3] = {0, 0, 0};
    for (const auto& f : m.flying)
      if (f.type == SignalType::Message && f.to == lp.pid) ++travelling, ++by_queue[f.queue % 3];
    if (rp->queue_urgent != lp.queue_urgent + by_queue[2] || rp->queue_system != lp.queue_system + by_queue[1])
      return who + "Ergo queues " + std::to_string(rp->queue_urgent) + "/" + std::to_string(rp->queue_system) +
             " vs live " + std::to_string(lp.queue_urgent) + "/" + std::to_string(lp.queue_system);
    if (rp->message_queue_len != lp.message_queue_len + travelling)
      return who + "mailbox " + std::to_string(rp->message_queue_len) + " vs live " +
             std::to_string(lp.message_queue_len) + " + " + std::to_string(travelling) + " travelling";
  }
  auto key = [](const InFlightSignal& f) {
    return std::to_string(int(f.type)) + " " + inspect_pid(f.from) + " " + inspect_pid(f.to) + " " + inspect(f.term);
  };
  std::multiset<std::string> a, b;
  for (const auto& f : replayFlying) a.insert(key(f));
  for (const auto& f : m.flying)
    if (f.type != SignalType::Message) b.insert(key(f));
  if (a != b) {
    std::string o = "signals in flight: " + std::to_string(a.size()) + " vs live " + std::to_string(b.size()) + ";";
    for (const auto& k : a) o += " [" + k + "]";
    o += " vs live";
    for (const auto& k : b) o += " [" + k + "]";
    return o;
  }
  if (st.nodes() != live.nodes) return "nodes: " + std::to_string(st.nodes().size()) + " vs live " + std::to_string(live.nodes.size());
  if (st.connections() != live.connections) {
    auto text = [](const std::vector<ConnectionState>& v) {
      std::string o;
      for (const auto& c : v) o += std::to_string(c.a) + "-" + std::to_string(c.b) + (c.up ? " up " : c.partitioned ? " part " : " cut ");
      return o;
    };
    return "connections: " + text(st.connections()) + "vs live " + text(live.connections);
  }
  return {};
}

std::string validRecordingText() {
  Runtime rt(det());
  rt.set_tracing(true);
  Recorder rec;
  rec.start(rt.snapshot(), rt.in_flight(), RecordingInfo{"test", "2024-01-01T00:00:00Z", "link-chain", {{"length", 4}}, true});
  if (!build_scenario(rt, "link-chain", {{"length", 4}, {"kill_after_ms", 10}}).ok) return {};
  rt.run_until_idle();
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  rec.record(evs);
  return to_text(rec.recording());
}

std::string replaceOnce(std::string s, const std::string& from, const std::string& to) {
  auto p = s.find(from);
  if (p != std::string::npos) s.replace(p, from.size(), to);
  return s;
}

}  // namespace

class TestRecording : public QObject {
  Q_OBJECT

 private slots:
  void markerStateEqualsLive_data();
  void markerStateEqualsLive();
  void seekAnywhereMatchesSequential();
  void roundTrip();
  void corrupt_data();
  void corrupt();
  void futureVersion();
  void notATrace();
  void mutationsNeverCrash();
  void memoryStaysBounded();
  void memoryBoundedWithRuntime();
  void resyncKeyframeIsAuthoritative();
  void headless();
  void headlessErrors();
};

void TestRecording::markerStateEqualsLive_data() {
  QTest::addColumn<QString>("scenario");
  QTest::addColumn<int>("param");  // kill_after_ms / crash_every_ms
  QTest::addColumn<bool>("lateStart");
  QTest::addColumn<int>("latency");
  QTest::newRow("link-chain cascade") << "link-chain" << 50 << false << 0;
  QTest::newRow("link-chain, late start, latency") << "link-chain" << 50 << true << 20;
  QTest::newRow("strategies restarts") << "strategies" << 50 << false << 0;
  QTest::newRow("strategies, latency") << "strategies" << 50 << false << 15;
  QTest::newRow("restart-storm") << "restart-storm" << 100 << true << 0;
  QTest::newRow("link-vs-monitor") << "link-vs-monitor" << 50 << false << 5;
  QTest::newRow("monitors") << "monitors" << 20 << false << 0;
  QTest::newRow("trap-exit") << "trap-exit" << 20 << false << 0;
  QTest::newRow("netsplit (R9: nodes, partition, heal)") << "netsplit" << 600 << false << 0;
  QTest::newRow("netsplit, late start, latency") << "netsplit" << 600 << true << 10;
  QTest::newRow("remote-supervisor (R9)") << "remote-supervisor" << 600 << false << 0;
  // Ergo mode (SEMANTICS E): one-way links and the queue split survive recording and replay.
  for (const char* e : {"ergo-service", "ergo-name-monitor", "ergo-down-overtakes", "ergo-trapped-kill", "ergo-node-link"})
    QTest::newRow((std::string("Ergo ") + e).c_str()) << (std::string("ergo:") + e).c_str() << 0 << false << 0;
  QTest::newRow("Ergo ergo-service, late start, latency") << "ergo:ergo-service" << 0 << true << 10;
  QTest::newRow("Ergo ergo-name-monitor, late start (names in the keyframe)") << "ergo:ergo-name-monitor" << 0 << true << 0;
  QTest::newRow("Ergo strategies (supervisors under Ergo rules)") << "ergo:strategies" << 50 << false << 0;
}

void TestRecording::markerStateEqualsLive() {
  QFETCH(QString, scenario);
  QFETCH(int, param);
  QFETCH(bool, lateStart);
  QFETCH(int, latency);
  std::string name = scenario.toStdString();
  const Semantics sem = name.rfind("ergo:", 0) == 0 ? Semantics::Ergo : Semantics::Beam;
  if (sem == Semantics::Ergo) name = name.substr(5);
  ScenarioParams params;
  if (name == "link-chain") params = {{"length", 8}, {"kill_after_ms", param}};
  if (name == "strategies" || name == "link-vs-monitor") params = {{"kill_after_ms", param}};
  if (name == "restart-storm") params = {{"crash_every_ms", param}};
  if (name == "monitors") params = {{"delay_ms", param}};
  if (name == "trap-exit") params = {{"delay_ms", param}};
  if (name == "netsplit" || name == "remote-supervisor") params = {{"cut_after_ms", param}, {"heal_after_ms", 900}};
  LiveRun run;
  runLive(run, name.c_str(), params, sem == Semantics::Ergo ? 12000 : 3000, lateStart, latency, sem);
  QVERIFY2(run.exits >= 1, "the scenario shows a cascade");
  if (name == "strategies" || name == "restart-storm") QVERIFY(run.restarts >= 1);
  QVERIFY(!run.moments.empty());

  // From memory, and through the file format.
  Recording mem = run.rec.recording();
  ReadResult file = from_text(to_text(mem));
  QVERIFY2(file.ok(), file.errors.empty() ? "" : file.errors.front().c_str());
  QCOMPARE(file.recording.events.size(), mem.events.size());
  QCOMPARE(file.recording.info.semantics, sem);
  if (name == "ergo-name-monitor" && lateStart)  // E1.2: the first keyframe holds the links and monitors by name
    QVERIFY(to_text(mem).find("\"name_targets\":[{\"ref\"") != std::string::npos);
  for (Recording* r : {&mem, &file.recording}) {
    Replay replay(*r, 8);
    size_t markers = 0;
    for (const Marker& m : replay.markers()) markers += m.kind != Marker::Kind::Fault;
    QCOMPARE(markers, run.markers);
    for (const LiveMoment& m : run.moments) {
      const size_t n = replay.index_at_seq(m.snap.seq);
      QCOMPARE(n, m.events_so_far);
      const std::string diff = compareState(replay.seek(n), replay.in_flight_at(n), m);
      QVERIFY2(diff.empty(), (name + " after " + std::to_string(n) + " events: " + diff).c_str());
    }
    // Scrubbing backwards gives the same states.
    for (auto it = run.moments.rbegin(); it != run.moments.rend(); ++it) {
      const size_t n = replay.index_at_seq(it->snap.seq);
      const std::string diff = compareState(replay.seek(n), replay.in_flight_at(n), *it);
      QVERIFY2(diff.empty(), (name + " backwards, after " + std::to_string(n) + " events: " + diff).c_str());
    }
  }
}

void TestRecording::seekAnywhereMatchesSequential() {
  LiveRun run;
  runLive(run, "strategies", {{"kill_after_ms", 30}}, 2000, false, 10);
  Recording rec = run.rec.recording();
  Replay replay(rec, 5);
  QVERIFY(replay.keyframe_count() > 3);
  // Sequential states, then random seeks compared with them.
  ReplayState seq;
  seq.reset(rec.initial);
  std::vector<std::string> texts;
  auto text = [](const ReplayState& s) { return export_csv(s.snapshot()) + std::to_string(s.in_flight().size()); };
  texts.push_back(text(seq));
  for (const auto& e : rec.events) {
    seq.apply(e);
    texts.push_back(text(seq));
  }
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    size_t n = rng() % (rec.events.size() + 1);
    QCOMPARE(QString::fromStdString(text(replay.seek(n))), QString::fromStdString(texts[n]));
  }
  // Positions by time.
  QCOMPARE(replay.index_at_time(replay.end_ns()), rec.events.size());
  QCOMPARE(replay.index_at_time(replay.start_ns() - 1), size_t(0));
  const int64_t mid = rec.events[rec.events.size() / 2].time_ns;
  const size_t n = replay.index_at_time(mid);
  QVERIFY(n > 0 && rec.events[n - 1].time_ns <= mid);
  QVERIFY(n == rec.events.size() || rec.events[n].time_ns > mid);
  QCOMPARE(replay.time_at(n), rec.events[n - 1].time_ns);
  QCOMPARE(replay.events(n, n + 3).size(), std::min<size_t>(3, rec.events.size() - n));
}

void TestRecording::roundTrip() {
  const std::string text = validRecordingText();
  ReadResult r = from_text(text);
  QVERIFY(r.ok());
  QCOMPARE(r.recording.info.scenario, std::string("link-chain"));
  QCOMPARE(r.recording.info.params.at("length"), int64_t(4));
  QCOMPARE(r.recording.info.created_at, std::string("2024-01-01T00:00:00Z"));
  QVERIFY(r.recording.info.deterministic);
  // Writing what was read gives the same text: every field survives.
  CHECK_STR(to_text(r.recording), text);
  // Every event kind is named as in trace.hpp.
  QVERIFY(text.find("\"kind\":\"spawn\"") != std::string::npos);
  QVERIFY(text.find("\"kind\":\"signal_delivered\"") != std::string::npos);
  // An event with every field set.
  TraceEvent e;
  e.seq = 42;
  e.time_ns = -7;
  e.kind = TraceKind::Fault;
  e.signal = SignalType::Down;
  e.outcome = SignalOutcome::DownQueued;
  e.flag = true;
  e.a = Pid::make(3, 84);
  e.b = Pid::make(4, 85);
  e.pid2 = Pid::make(5, 86);
  e.ref = Ref{123};
  e.name = intern("Elixir.KV.Registry");
  e.term = Term::tuple({Term::atom("shutdown"), Term::binary("a \"quoted\"\nline"), Term(1.5), Term::list({Term(1)})});
  const std::string line = event_to_json(e);
  CHECK_STR(line,
            "{\"type\":\"event\",\"seq\":42,\"time_ns\":-7,\"kind\":\"fault\",\"signal\":\"down\",\"outcome\":"
            "\"down_queued\",\"flag\":true,\"a\":\"#PID<0.84.0>\",\"b\":\"#PID<0.85.0>\",\"pid2\":\"#PID<0.86.0>\","
            "\"ref\":\"#Reference<0.3495598603.3171118130.10000123>\",\"name\":\"KV.Registry\",\"term\":\"{:shutdown, \\\"a \\\\\\\"quoted\\\\\\\"\\\\nline\\\", 1.5, [1]}\"}");
  TraceEvent back;
  std::string err;
  QVERIFY2(event_from_json(line, back, err), err.c_str());
  CHECK_STR(event_to_json(back), line);
  QVERIFY(back.a == e.a && back.ref == e.ref && back.name == e.name && back.term == e.term);
}

void TestRecording::corrupt_data() {
  QTest::addColumn<QString>("edit");
  QTest::addColumn<QString>("expected");
  QTest::newRow("unknown kind") << "kind 17" << "line 17: unknown event kind \"spwn\"";
  QTest::newRow("pid of wrong type") << "a 3" << "line 3: field \"a\": expected a pid, got \"x\"";
  QTest::newRow("number for a pid") << "a5 3" << "line 3: field \"a\": expected a pid, got 5";
  QTest::newRow("string for seq") << "seq 4" << "line 4: field \"seq\": expected an integer, got \"4\"";
  QTest::newRow("bad term") << "term 5" << "line 5: field \"term\": expected a term, got \"{:open\"";
  QTest::newRow("flag not bool") << "flag 6" << "line 6: field \"flag\": expected true or false, got 1";
  QTest::newRow("not json") << "json 7" << "line 7: not JSON: column 2: expected a member name";
  QTest::newRow("missing kind") << "nokind 8" << "line 8: field \"kind\": missing";
  QTest::newRow("truncated last line") << "truncate" << "truncated line: the file ends inside it";
}

void TestRecording::corrupt() {
  QFETCH(QString, edit);
  QFETCH(QString, expected);
  const std::string text = validRecordingText();
  std::vector<std::string> ls = lines_of(text);
  QVERIFY(ls.size() > 20);
  const size_t events = ls.size() - 1;  // no keyframes in this small recording
  QCOMPARE(from_text(text).recording.events.size(), events);
  const std::string what = edit.section(' ', 0, 0).toStdString();
  const size_t line = edit.section(' ', 1, 1).toUInt();
  std::string bad;
  size_t lost = 1;
  if (what == "truncate") {
    bad = join(ls);
    bad.resize(bad.size() - 1 - ls.back().size() / 2);  // half of the last line, no newline
    lost = 1;
  } else {
    std::string& l = ls[line - 1];
    if (what == "kind") l = std::regex_replace(l, std::regex("\"kind\":\"[a-z_]+\""), "\"kind\":\"spwn\"");
    if (what == "a") l = std::regex_replace(l, std::regex("\"a\":(\"[^\"]*\"|null)"), "\"a\":\"x\"");
    if (what == "a5") l = std::regex_replace(l, std::regex("\"a\":(\"[^\"]*\"|null)"), "\"a\":5");
    if (what == "seq") l = std::regex_replace(l, std::regex("\"seq\":[0-9]+"), "\"seq\":\"4\"");
    if (what == "term") l = std::regex_replace(l, std::regex("\"term\":\".*\"\\}$"), "\"term\":\"{:open\"}");
    if (what == "flag") l = std::regex_replace(l, std::regex("\"flag\":(true|false)"), "\"flag\":1");
    if (what == "json") l = "{" + l.substr(2);
    if (what == "nokind") l = std::regex_replace(l, std::regex("\"kind\":\"[a-z_]+\","), "");
    bad = join(ls);
  }
  ReadResult r = from_text(bad);
  QVERIFY(r.header_ok);
  QVERIFY(!r.ok());
  QCOMPARE(r.errors.size(), size_t(1));
  QVERIFY2(QString::fromStdString(r.errors[0]).contains(expected), r.errors[0].c_str());
  if (what == "truncate")
    QVERIFY2(r.errors[0].rfind("line " + std::to_string(ls.size()) + ": ", 0) == 0, r.errors[0].c_str());
  // The rest is read, and replays.
  QCOMPARE(r.recording.events.size(), events - lost);
  Replay replay(std::move(r.recording));
  QVERIFY(!replay.markers().empty());
  (void)replay.seek(replay.size());
}

void TestRecording::futureVersion() {
  std::string text = validRecordingText();
  text = replaceOnce(text, "\"version\":2", "\"version\":3");
  ReadResult r = from_text(text);
  QVERIFY(!r.header_ok);
  QCOMPARE(r.errors.size(), size_t(1));
  CHECK_STR(r.errors[0], "line 1: format version 3 is newer than this build reads (2)");
  QVERIFY(r.recording.events.empty());
  QCOMPARE(kTraceFormatVersion, 2);
}

void TestRecording::notATrace() {
  for (const std::string& text : {std::string(""), std::string("hello\n"), std::string("{\"type\":\"event\"}\n"),
                                 std::string("[1,2]\n")}) {
    ReadResult r = from_text(text);
    QVERIFY(!r.header_ok);
    QCOMPARE(r.errors.size(), size_t(1));
    QVERIFY2(r.errors[0].rfind("line 1: ", 0) == 0, r.errors[0].c_str());
  }
  ReadResult missing = load_recording("/nonexistent/dir/x.jsonl");
  QVERIFY(!missing.header_ok);
  CHECK_STR(missing.errors.at(0), "/nonexistent/dir/x.jsonl: cannot open");
}

void TestRecording::mutationsNeverCrash() {
  const std::string text = validRecordingText();
  std::mt19937 rng(1234);
  const char junk[] = "{}[]\",:0123456789aex#<>.\\\n ";
  for (int i = 0; i < 400; ++i) {
    std::string t = text;
    const int edits = 1 + int(rng() % 6);
    for (int k = 0; k < edits; ++k) {
      size_t p = rng() % t.size();
      switch (rng() % 3) {
        case 0: t[p] = junk[rng() % (sizeof junk - 1)]; break;
        case 1: t.erase(p, 1 + rng() % 20); break;
        case 2: t.resize(p); break;
      }
      if (t.empty()) break;
    }
    ReadResult r = from_text(t);
    QVERIFY(r.errors.size() <= ReadResult::kMaxErrors);
    if (!r.header_ok) continue;
    Replay replay(std::move(r.recording), 4);
    (void)replay.seek(replay.size());
    (void)replay.seek(replay.size() / 2);
    (void)replay.in_flight_at(replay.size() / 3);
  }
}

void TestRecording::memoryStaysBounded() {
  // A long run in count: 2 million events through a 10 000-event ring.
  RecorderOptions o;
  o.capacity = 10'000;
  o.keyframe_interval = 100;
  Recorder rec(o);
  rec.start(Snapshot{});
  const uint32_t procs = 60;
  uint64_t seq = 0;
  uint32_t serial = 100;
  std::vector<Pid> live;
  auto spawn = [&] {
    TraceEvent e;
    e.seq = seq++;
    e.kind = TraceKind::Spawn;
    e.a = Pid::make(serial % 1024, serial);
    ++serial;
    live.push_back(e.a);
    rec.record(e);
  };
  for (uint32_t i = 0; i < procs; ++i) spawn();
  std::mt19937 rng(3);
  size_t maxBytes = 0;
  const size_t maxSegments = o.capacity / o.keyframe_interval + 2;
  for (int i = 0; i < 2'000'000; ++i) {
    TraceEvent e;
    e.seq = seq++;
    e.time_ns = int64_t(i) * 1000;
    switch (rng() % 8) {
      case 0: {  // churn: one ends, one starts
        size_t k = rng() % live.size();
        e.kind = TraceKind::Exit;
        e.a = live[k];
        e.term = Term(atoms::normal);
        live.erase(live.begin() + long(k));
        rec.record(e);
        spawn();
        continue;
      }
      case 1:
        e.kind = TraceKind::Link;
        e.a = live[rng() % live.size()];
        e.b = live[rng() % live.size()];
        break;
      case 2:
      case 3:
        e.kind = TraceKind::Receive;
        e.a = live[rng() % live.size()];
        e.term = Term::tuple({Term::atom("ping"), Term(i)});
        break;
      default:
        e.kind = TraceKind::Send;
        e.a = live[rng() % live.size()];
        e.b = live[rng() % live.size()];
        e.term = Term::tuple({Term::atom("ping"), Term(i)});
    }
    rec.record(e);
    QVERIFY(rec.size() <= o.capacity);
    if (i % 1000 == 0) {
      QVERIFY(rec.segments() <= maxSegments);
      maxBytes = std::max(maxBytes, rec.approx_bytes());
    }
  }
  QCOMPARE(rec.recorded(), rec.dropped() + rec.size());
  QVERIFY(rec.dropped() > 1'900'000);
  QVERIFY(rec.size() >= o.capacity * 3 / 4);  // drops whole segments, never much more
  QVERIFY(rec.keyframe_processes() <= maxSegments * (procs + 1));
  // Bytes: events of a few hundred bytes each, plus keyframes.
  QVERIFY2(maxBytes < o.capacity * 400 + maxSegments * (procs + 1) * 400, std::to_string(maxBytes).c_str());
  // What is held still replays, and its end is the recorder's picture of now.
  Replay replay(rec.recording());
  QCOMPARE(replay.size(), rec.size());
  CHECK_STR(export_csv(replay.snapshot_at(replay.size())), export_csv(rec.state().snapshot()));
}

void TestRecording::memoryBoundedWithRuntime() {
  Runtime rt(det());
  rt.set_tracing(true);
  RecorderOptions o;
  o.capacity = 5000;
  o.keyframe_interval = 64;
  Recorder rec(o);
  rec.start(rt.snapshot(), rt.in_flight());
  QVERIFY(build_scenario(rt, "mailbox-flood", {{"produce_every_ms", 1}, {"consume_ms", 0}, {"messages", 0}}).ok);
  std::vector<TraceEvent> evs;
  for (int ms = 1; ms <= 20'000; ++ms) {
    rt.advance_to(int64_t(ms) * 1'000'000);
    evs.clear();
    rt.drain_trace(evs);
    rec.record(evs);
    QVERIFY(rec.size() <= o.capacity);
    QVERIFY(rec.segments() <= o.capacity / o.keyframe_interval + 2);
  }
  QVERIFY(rec.recorded() > 5 * o.capacity);
  QCOMPARE(rec.recorded(), rec.dropped() + rec.size());
  Recording r = rec.recording();
  QCOMPARE(r.dropped, rec.dropped());
  ReadResult back = from_text(to_text(r));
  QVERIFY(back.ok());
  QCOMPARE(back.recording.dropped, rec.dropped());
  // The replayed end equals the live end (mailboxes: the travelling messages are counted).
  Replay replay(std::move(back.recording));
  Snapshot live = rt.snapshot();
  std::vector<InFlightSignal> flying = rt.in_flight();
  const std::string diff = compareState(replay.seek(replay.size()), replay.in_flight_at(replay.size()),
                                        LiveMoment{live, flying, 0});
  QVERIFY2(diff.empty(), diff.c_str());
}

void TestRecording::resyncKeyframeIsAuthoritative() {
  // Events lost (as after a full trace buffer): the resync keyframe puts the picture right.
  Runtime rt(det());
  rt.set_tracing(true);
  Recorder rec;
  rec.start(rt.snapshot());
  QVERIFY(build_scenario(rt, "link-chain", {{"length", 5}, {"kill_after_ms", 0}}).ok);
  rt.run_until_idle();
  std::vector<TraceEvent> evs;
  rt.drain_trace(evs);
  rec.record(std::vector<TraceEvent>(evs.begin(), evs.begin() + long(evs.size() / 2)));  // half lost
  rec.resync(rt.snapshot(), rt.in_flight());
  // Events that arrive after the snapshot but are older than it are in it already.
  const size_t held = rec.size();
  rec.record(evs);
  QCOMPARE(rec.size(), held);
  const Recording r = rec.recording();
  QCOMPARE(r.keyframes.size(), size_t(1));
  ReadResult back = from_text(to_text(r));
  QVERIFY(back.ok());
  Replay replay(std::move(back.recording));
  CHECK_STR(export_csv(replay.snapshot_at(replay.size())), export_csv(rt.snapshot()));
}

void TestRecording::headless() {
  const QString path = QDir::temp().filePath(QStringLiteral("actorscope-headless-%1.jsonl").arg(QCoreApplication::applicationPid()));
  std::ostringstream err;
  QCOMPARE(record_headless("link-chain", {{"length", 6}, {"kill_after_ms", 100}}, 1000, path.toStdString(), err), 0);
  QVERIFY(err.str().empty());
  ReadResult r = load_recording(path.toStdString());
  QVERIFY(r.ok());
  CHECK_STR(r.recording.info.scenario, "link-chain");
  QCOMPARE(r.recording.info.params.at("length"), int64_t(6));
  QCOMPARE(r.recording.info.params.at("trapper"), int64_t(-1));  // defaults are written too
  Replay replay(std::move(r.recording));
  size_t exits = 0;
  for (const Marker& m : replay.markers()) exits += m.kind == Marker::Kind::Exit;
  QVERIFY(exits >= 3);
  QVERIFY(replay.end_ns() >= 100'000'000);
  // The same again gives the same events.
  const QString again = path + ".2";
  QCOMPARE(record_headless("link-chain", {{"length", 6}, {"kill_after_ms", 100}}, 1000, again.toStdString(), err), 0);
  QFile a(path), b(again);
  QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
  auto body = [](QFile& f) {
    QByteArray all = f.readAll();
    return all.mid(all.indexOf('\n'));
  };
  QCOMPARE(body(a), body(b));
  QFile::remove(path);
  QFile::remove(again);
  // Ergo mode (SEMANTICS E): the header says so, and the replay reads one-way links.
  HeadlessOptions ergo;
  ergo.semantics = Semantics::Ergo;
  QCOMPARE(record_headless("ergo-service", {{"crash_service_ms", 0}}, 3000, path.toStdString(), err, ergo), 0);
  ReadResult e = load_recording(path.toStdString());
  QVERIFY(e.ok());
  QCOMPARE(e.recording.info.semantics, Semantics::Ergo);
  Replay er(std::move(e.recording));
  const ReplayState& end = er.seek(er.size());
  const Pid service = end.whereis(intern("service"));
  QVERIFY2(service.valid(), "E1.1: the service outlives the crashed worker");
  size_t arrows = 0;
  for (const auto& [serial, p] : end.processes()) arrows += std::count(p.one_way_links.begin(), p.one_way_links.end(), service);
  QCOMPARE(arrows, size_t(2));  // the two workers left
  QFile::remove(path);
}

void TestRecording::headlessErrors() {
  std::ostringstream err;
  QCOMPARE(record_headless("no-such-scenario", {}, 100, "/tmp/never-written.jsonl", err), 2);
  QVERIFY2(err.str().find("no-such-scenario") != std::string::npos, err.str().c_str());
  std::ostringstream err2;
  QCOMPARE(record_headless("link-chain", {}, 10, "/nonexistent/dir/x.jsonl", err2), 1);
  CHECK_STR(err2.str(), "actorscope: cannot write /nonexistent/dir/x.jsonl\n");
  std::ostringstream err3;
  HeadlessOptions o;
  o.fault_plan_path = "/nonexistent/plan.json";
  QCOMPARE(record_headless("link-chain", {}, 10, "/tmp/never-written.jsonl", err3, o), 2);
  CHECK_STR(err3.str(), "actorscope: /nonexistent/plan.json: cannot open\n");
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
