// tst_exporters: DOT, Mermaid, CSV and JSON Lines of a small known topology (golden strings).

#include "rec_helpers.hpp"

using namespace rt_test;

namespace {

Pid pid(uint32_t serial) { return Pid::make(serial - 80, serial); }

/// :sup (a supervisor) -> :worker (linked, traps exits, 2 messages) and #PID<0.83.0> (linked,
/// monitored by :worker); a suspended #PID<0.84.0> with no parent.
Snapshot topology() {
  Snapshot s;
  ProcessSnapshot sup;
  sup.pid = pid(81);
  sup.name = intern("sup");
  sup.initial_call = Term::tuple({Term::atom("supervisor"), Term::atom("Elixir.Demo.Sup"), Term(1)});
  sup.links = {pid(82), pid(83)};
  ProcessSnapshot w;
  w.pid = pid(82);
  w.parent = pid(81);
  w.name = intern("worker");
  w.trap_exit = true;
  w.message_queue_len = 2;
  w.reductions = 17;
  w.memory = 2688;
  w.initial_call = Term::tuple({Term::atom("Elixir.Demo.Worker"), Term::atom("init"), Term(1)});
  w.links = {pid(81)};
  w.monitors = {{Ref{9}, pid(83)}};
  ProcessSnapshot x;
  x.pid = pid(83);
  x.parent = pid(81);
  x.initial_call = Term::tuple({Term::atom("erlang"), Term::atom("apply"), Term(2)});
  x.links = {pid(81)};
  x.monitored_by = {{Ref{9}, pid(82)}};
  ProcessSnapshot y;
  y.pid = pid(84);
  y.status = ProcessStatus::Suspended;
  y.suspended = true;
  y.initial_call = Term::tuple({Term::atom("erlang"), Term::atom("apply"), Term(2)});
  s.processes = {w, sup, y, x};  // any order in, sorted out
  return s;
}

TraceEvent ev(TraceKind k, Pid a, Pid b, Term t) {
  TraceEvent e;
  e.kind = k;
  e.a = a;
  e.b = b;
  e.term = std::move(t);
  return e;
}

std::vector<TraceEvent> cascade() {
  std::vector<TraceEvent> v;
  v.push_back(ev(TraceKind::Spawn, pid(85), pid(82), Term::tuple({Term::atom("erlang"), Term::atom("apply"), Term(2)})));
  TraceEvent reg = ev(TraceKind::Register, pid(85), {}, Term());
  reg.name = intern("helper");
  v.push_back(reg);
  v.push_back(ev(TraceKind::Send, pid(82), pid(85), Term::tuple({Term::atom("work"), Term::binary("a;b#c")})));
  v.push_back(ev(TraceKind::Receive, pid(85), pid(82), Term::atom("work")));
  TraceEvent f = ev(TraceKind::Fault, pid(83), {}, Term::atom("boom"));
  f.name = atoms::kill;
  v.push_back(f);
  v.push_back(ev(TraceKind::Exit, pid(83), {}, Term::atom("boom")));
  TraceEvent sx = ev(TraceKind::SignalSent, pid(83), pid(81), Term::atom("boom"));
  sx.signal = SignalType::Exit;
  sx.flag = true;
  v.push_back(sx);
  TraceEvent sd = ev(TraceKind::SignalSent, pid(83), pid(82), Term::atom("boom"));
  sd.signal = SignalType::Down;
  v.push_back(sd);
  TraceEvent tr = ev(TraceKind::SignalDelivered, pid(83), pid(81), Term::atom("boom"));
  tr.signal = SignalType::Exit;
  tr.outcome = SignalOutcome::Trapped;
  v.push_back(tr);
  TraceEvent rs = ev(TraceKind::Restart, pid(81), pid(86), Term::tuple({Term::atom("x"), Term::atom("boom")}));
  rs.pid2 = pid(83);
  v.push_back(rs);
  TraceEvent out = ev(TraceKind::SignalSent, {}, pid(84),
                      Term::binary("a very long reason that goes on and on and on and will be cut short"));
  out.signal = SignalType::Exit;
  v.push_back(out);
  for (size_t i = 0; i < v.size(); ++i) {
    v[i].seq = 100 + i;
    v[i].time_ns = 1000 * int64_t(i);
  }
  return v;
}

}  // namespace

class TestExporters : public QObject {
  Q_OBJECT

 private slots:
  void dot();
  void mermaid();
  void csv();
  void csvQuoting();
  void jsonl();
};

void TestExporters::dot() {
  CHECK_STR(export_dot(topology()),
            "digraph actorscope {\n"
            "  rankdir=TB;\n"
            "  node [fontname=\"Helvetica\"];\n"
            "  p81 [label=\":sup\\n#PID<0.81.0>\", shape=box, style=rounded];\n"
            "  p82 [label=\":worker\\n#PID<0.82.0>\\nmailbox 2\", shape=ellipse, peripheries=2];\n"
            "  p83 [label=\"#PID<0.83.0>\", shape=ellipse];\n"
            "  p84 [label=\"#PID<0.84.0>\", shape=ellipse, color=grey];\n"
            "  p81 -> p82 [color=grey, style=bold, arrowhead=none];\n"
            "  p81 -> p83 [color=grey, style=bold, arrowhead=none];\n"
            "  p81 -> p82 [dir=none];\n"
            "  p81 -> p83 [dir=none];\n"
            "  p82 -> p83 [style=dashed];\n"
            "}\n");
  CHECK_STR(export_dot(Snapshot{}), "digraph actorscope {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n}\n");
}

void TestExporters::mermaid() {
  const auto evs = cascade();
  const Snapshot names = topology();
  CHECK_STR(export_mermaid(evs, &names, 40),
            "sequenceDiagram\n"
            "  participant P82 as :worker\n"
            "  participant P85 as :helper\n"
            "  participant P83 as #35;PID#lt;0.83.0#gt;\n"
            "  participant P81 as :sup\n"
            "  participant P86 as #35;PID#lt;0.86.0#gt;\n"
            "  participant observer\n"
            "  participant P84 as #35;PID#lt;0.84.0#gt;\n"
            "  P82->>P85: spawn {:erlang, :apply, 2}\n"
            "  P82->>P85: {:work, \"a#59;b#35;c\"}\n"
            "  Note over P83: fault kill :boom\n"
            "  Note over P83: exits :boom\n"
            "  P83-xP81: EXIT :boom\n"
            "  P83--)P82: DOWN :boom\n"
            "  Note over P81: traps {:EXIT, ...}\n"
            "  P81->>P86: restart {:x, :boom}\n"
            "  observer-xP84: EXIT \"a very long reason that goes on and ...\n");
  // A stretch of it, without names.
  CHECK_STR(export_mermaid(std::span(evs).subspan(5, 2)),
            "sequenceDiagram\n"
            "  participant P83 as #35;PID#lt;0.83.0#gt;\n"
            "  participant P81 as #35;PID#lt;0.81.0#gt;\n"
            "  Note over P83: exits :boom\n"
            "  P83-xP81: EXIT :boom\n");
}

void TestExporters::csv() {
  CHECK_STR(export_csv(topology()),
            "pid,name,status,message_queue_len,trap_exit,suspended,reductions,memory,initial_call,parent,links,"
            "monitors,monitored_by\r\n"
            "#PID<0.81.0>,:sup,waiting,0,false,false,0,0,\"{:supervisor, Demo.Sup, 1}\",,#PID<0.82.0> #PID<0.83.0>,,\r\n"
            "#PID<0.82.0>,:worker,waiting,2,true,false,17,2688,\"{Demo.Worker, :init, 1}\",#PID<0.81.0>,#PID<0.81.0>,"
            "#PID<0.83.0>,\r\n"
            "#PID<0.83.0>,,waiting,0,false,false,0,0,\"{:erlang, :apply, 2}\",#PID<0.81.0>,#PID<0.81.0>,,#PID<0.82.0>\r\n"
            "#PID<0.84.0>,,suspended,0,false,true,0,0,\"{:erlang, :apply, 2}\",,,,\r\n");
}

void TestExporters::csvQuoting() {
  CHECK_STR(csv_field("plain"), "plain");
  CHECK_STR(csv_field(""), "");
  CHECK_STR(csv_field("a,b"), "\"a,b\"");
  CHECK_STR(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  CHECK_STR(csv_field("two\nlines"), "\"two\nlines\"");
  CHECK_STR(csv_field("cr\r"), "\"cr\r\"");
  CHECK_STR(csv_row({"a", "b,c", "\"", ""}), "a,\"b,c\",\"\"\"\",\r\n");
}

void TestExporters::jsonl() {
  const auto evs = cascade();
  const std::string text = export_jsonl(std::span(evs).subspan(0, 2));
  CHECK_STR(text,
            "{\"type\":\"event\",\"seq\":100,\"time_ns\":0,\"kind\":\"spawn\",\"signal\":\"none\",\"outcome\":\"none\","
            "\"flag\":false,\"a\":\"#PID<0.85.0>\",\"b\":\"#PID<0.82.0>\",\"pid2\":null,\"ref\":null,\"name\":null,"
            "\"term\":\"{:erlang, :apply, 2}\"}\n"
            "{\"type\":\"event\",\"seq\":101,\"time_ns\":1000,\"kind\":\"register\",\"signal\":\"none\",\"outcome\":"
            "\"none\",\"flag\":false,\"a\":\"#PID<0.85.0>\",\"b\":null,\"pid2\":null,\"ref\":null,\"name\":\":helper\","
            "\"term\":\"nil\"}\n");
  // Every line reads back as the same event.
  for (const auto& line : lines_of(export_jsonl(evs))) {
    TraceEvent e;
    std::string err;
    QVERIFY2(event_from_json(line, e, err), err.c_str());
    CHECK_STR(event_to_json(e), line);
  }
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
