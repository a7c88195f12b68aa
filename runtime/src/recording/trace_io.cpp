// The trace file format (JSON Lines, docs/trace-format.md): writer and forgiving reader.

#include "actorscope/recording.hpp"

#include "json.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <istream>
#include <ostream>

namespace actorscope {

namespace {

using json::Value;

// ---- names of enums ---------------------------------------------------------------------------------------

constexpr TraceKind kKinds[] = {
    TraceKind::Spawn,   TraceKind::Exit,       TraceKind::Link,           TraceKind::Unlink,
    TraceKind::Monitor, TraceKind::Demonitor,  TraceKind::Send,           TraceKind::Receive,
    TraceKind::SignalSent, TraceKind::SignalDelivered, TraceKind::TrapExit, TraceKind::Register,
    TraceKind::Unregister, TraceKind::Suspend, TraceKind::Resume,        TraceKind::Restart,
    TraceKind::Fault,   TraceKind::GiveUp,     TraceKind::Label,          TraceKind::NodeUp,
    TraceKind::NodeDown, TraceKind::Connect,   TraceKind::Disconnect,     TraceKind::Heal};
constexpr SignalOutcome kOutcomes[] = {
    SignalOutcome::None,          SignalOutcome::Killed,      SignalOutcome::Trapped,
    SignalOutcome::DroppedNormal, SignalOutcome::DroppedUnlinked, SignalOutcome::DroppedDead,
    SignalOutcome::DownQueued,    SignalOutcome::DownDropped, SignalOutcome::Lost};
constexpr ProcessStatus kStatuses[] = {ProcessStatus::Running, ProcessStatus::Runnable, ProcessStatus::Waiting,
                                       ProcessStatus::Suspended, ProcessStatus::Exiting};

const char* signal_name(SignalType t) {
  switch (t) {
    case SignalType::None: return "none";
    case SignalType::Message: return "message";
    case SignalType::Exit: return "exit";
    case SignalType::Down: return "down";
  }
  return "none";
}

// ---- writing --------------------------------------------------------------------------------------------------

void put_key(std::string& o, const char* key) {
  o += '"';
  o += key;
  o += "\":";
}
void put_pid(std::string& o, Pid p) {
  if (p.valid()) {
    o += '"';
    o += inspect_pid(p);
    o += '"';
  } else {
    o += "null";
  }
}
void put_ref(std::string& o, Ref r) {
  if (r.id) json::append_quoted(o, inspect(Term(r)));
  else o += "null";
}
void put_atom(std::string& o, Atom a) {
  if (a == atoms::nil) o += "null";
  else json::append_quoted(o, inspect_atom(a));
}
void put_bool(std::string& o, bool b) { o += b ? "true" : "false"; }

void put_process(std::string& o, const ProcessSnapshot& p) {
  o += '{';
  put_key(o, "pid"), put_pid(o, p.pid), o += ',';
  put_key(o, "parent"), put_pid(o, p.parent), o += ',';
  if (p.node) put_key(o, "node"), o += std::to_string(p.node), o += ',';
  put_key(o, "name"), put_atom(o, p.name), o += ',';
  put_key(o, "status"), json::append_quoted(o, to_string(p.status)), o += ',';
  put_key(o, "trap_exit"), put_bool(o, p.trap_exit), o += ',';
  put_key(o, "suspended"), put_bool(o, p.suspended), o += ',';
  put_key(o, "message_queue_len"), o += std::to_string(p.message_queue_len), o += ',';
  put_key(o, "reductions"), o += std::to_string(p.reductions), o += ',';
  put_key(o, "memory"), o += std::to_string(p.memory), o += ',';
  put_key(o, "initial_call"), json::append_quoted(o, inspect(p.initial_call)), o += ',';
  put_key(o, "links"), o += '[';
  for (size_t i = 0; i < p.links.size(); ++i) {
    if (i) o += ',';
    put_pid(o, p.links[i]);
  }
  o += "],";
  if (!p.one_way_links.empty()) {  // Ergo mode
    put_key(o, "one_way_links"), o += '[';
    for (size_t i = 0; i < p.one_way_links.size(); ++i) {
      if (i) o += ',';
      put_pid(o, p.one_way_links[i]);
    }
    o += "],";
  }
  if (!p.name_targets.empty()) {  // Ergo mode: links and monitors by name
    put_key(o, "name_targets"), o += '[';
    for (size_t i = 0; i < p.name_targets.size(); ++i) {
      const NameTarget& t = p.name_targets[i];
      if (i) o += ',';
      o += '{';
      put_key(o, "ref"), put_ref(o, t.ref), o += ',';
      put_key(o, "target"), put_pid(o, t.target), o += ',';
      put_key(o, "name"), put_atom(o, t.name), o += ',';
      put_key(o, "link"), put_bool(o, t.link);
      o += '}';
    }
    o += "],";
  }
  if (p.queue_urgent) put_key(o, "queue_urgent"), o += std::to_string(p.queue_urgent), o += ',';
  if (p.queue_system) put_key(o, "queue_system"), o += std::to_string(p.queue_system), o += ',';
  auto pairs = [&](const char* key, const std::vector<std::pair<Ref, Pid>>& v) {
    put_key(o, key);
    o += '[';
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) o += ',';
      o += '[';
      put_ref(o, v[i].first);
      o += ',';
      put_pid(o, v[i].second);
      o += ']';
    }
    o += ']';
  };
  pairs("monitors", p.monitors);
  o += ',';
  pairs("monitored_by", p.monitored_by);
  o += '}';
}

void put_in_flight(std::string& o, const InFlightSignal& f) {
  o += '{';
  put_key(o, "type"), json::append_quoted(o, signal_name(f.type)), o += ',';
  put_key(o, "from"), put_pid(o, f.from), o += ',';
  put_key(o, "to"), put_pid(o, f.to), o += ',';
  put_key(o, "term"), json::append_quoted(o, inspect(f.term)), o += ',';
  put_key(o, "linked"), put_bool(o, f.linked), o += ',';
  put_key(o, "sent_ns"), o += std::to_string(f.sent_ns), o += ',';
  put_key(o, "due_ns"), o += std::to_string(f.due_ns);
  o += '}';
}

/// The members of a keyframe after "type" (index, seq, time_ns, processes, in_flight).
void put_keyframe_body(std::string& o, const Keyframe& k) {
  put_key(o, "index"), o += std::to_string(k.index), o += ',';
  put_key(o, "seq"), o += std::to_string(k.state.seq), o += ',';
  put_key(o, "time_ns"), o += std::to_string(k.state.time_ns), o += ',';
  put_key(o, "processes"), o += '[';
  for (size_t i = 0; i < k.state.processes.size(); ++i) {
    if (i) o += ',';
    put_process(o, k.state.processes[i]);
  }
  o += "],";
  put_key(o, "in_flight"), o += '[';
  for (size_t i = 0; i < k.in_flight.size(); ++i) {
    if (i) o += ',';
    put_in_flight(o, k.in_flight[i]);
  }
  o += ']';
  if (!k.state.nodes.empty()) {
    o += ',';
    put_key(o, "nodes"), o += '[';
    for (size_t i = 0; i < k.state.nodes.size(); ++i) {
      const NodeState& n = k.state.nodes[i];
      if (i) o += ',';
      o += '{';
      put_key(o, "id"), o += std::to_string(n.id), o += ',';
      put_key(o, "name"), put_atom(o, n.name), o += ',';
      put_key(o, "alive"), put_bool(o, n.alive), o += ',';
      put_key(o, "tied_to"), o += std::to_string(n.tied_to), o += '}';
    }
    o += ']';
  }
  if (!k.state.connections.empty()) {
    o += ',';
    put_key(o, "connections"), o += '[';
    for (size_t i = 0; i < k.state.connections.size(); ++i) {
      const ConnectionState& c = k.state.connections[i];
      if (i) o += ',';
      o += '{';
      put_key(o, "a"), o += std::to_string(c.a), o += ',';
      put_key(o, "b"), o += std::to_string(c.b), o += ',';
      put_key(o, "up"), put_bool(o, c.up), o += ',';
      put_key(o, "partitioned"), put_bool(o, c.partitioned), o += '}';
    }
    o += ']';
  }
}

std::string utc_now() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// ---- reading -------------------------------------------------------------------------------------------------

/// A field-level error; the caller adds "line N: ".
struct FieldError {
  std::string message;
};

[[noreturn]] void bad(std::string_view field, std::string_view expected, const Value& got) {
  throw FieldError{"field \"" + std::string(field) + "\": expected " + std::string(expected) + ", got " +
                   json::dump(got)};
}

const Value* member(const Value& obj, const char* key, bool required) {
  const Value* v = obj.get(key);
  if (!v && required) throw FieldError{"field \"" + std::string(key) + "\": missing"};
  return v;
}

int64_t get_int(const Value& obj, const char* key, bool required, int64_t def = 0) {
  const Value* v = member(obj, key, required);
  if (!v) return def;
  if (!v->is_int()) bad(key, "an integer", *v);
  return v->i;
}

uint16_t get_node(const Value& obj, const char* key, bool required) {
  int64_t n = get_int(obj, key, required);
  if (n < 0 || n > 0xFFFF) bad(key, "a node id (0 to 65535)", *obj.get(key));
  return static_cast<uint16_t>(n);
}

bool get_bool(const Value& obj, const char* key, bool def = false) {
  const Value* v = member(obj, key, false);
  if (!v) return def;
  if (v->type != Value::Type::Bool) bad(key, "true or false", *v);
  return v->b;
}

std::string get_string(const Value& obj, const char* key, bool required, std::string def = {}) {
  const Value* v = member(obj, key, required);
  if (!v || v->is_null()) return def;
  if (!v->is_string()) bad(key, "a string", *v);
  return v->str;
}

Term term_of(std::string_view field, const Value& v, std::string_view expected) {
  if (!v.is_string()) bad(field, expected, v);
  ParseResult r = parse_term(v.str, ParseOptions{.opaque_funs = true});  // funs come back opaque
  if (!r) bad(field, expected, v);
  return r.term();
}

Pid pid_value(std::string_view field, const Value& v) {
  if (v.is_null()) return {};
  Term t = term_of(field, v, "a pid");
  if (!t.is_pid()) bad(field, "a pid", v);
  return t.as_pid();
}
Pid get_pid(const Value& obj, const char* key) {
  const Value* v = member(obj, key, false);
  return v ? pid_value(key, *v) : Pid{};
}
Ref ref_value(std::string_view field, const Value& v) {
  if (v.is_null()) return {};
  Term t = term_of(field, v, "a reference");
  if (!t.is_ref()) bad(field, "a reference", v);
  return t.as_ref();
}
Atom get_atom(const Value& obj, const char* key) {
  const Value* v = member(obj, key, false);
  if (!v || v->is_null()) return Atom{atoms::nil.id};
  Term t = term_of(key, *v, "an atom");
  if (!t.is_atom()) bad(key, "an atom", *v);
  return t.as_atom();
}
Term get_term(const Value& obj, const char* key) {
  const Value* v = member(obj, key, false);
  if (!v || v->is_null()) return Term();
  return term_of(key, *v, "a term");
}

const Value& get_array(const Value& obj, const char* key) {
  static const Value empty = [] {
    Value e;
    e.type = Value::Type::Array;
    return e;
  }();
  const Value* v = member(obj, key, false);
  if (!v || v->is_null()) return empty;
  if (!v->is_array()) bad(key, "an array", *v);
  return *v;
}

std::vector<std::pair<Ref, Pid>> get_pairs(const Value& obj, const char* key) {
  std::vector<std::pair<Ref, Pid>> out;
  for (const Value& e : get_array(obj, key).arr) {
    if (!e.is_array() || e.arr.size() != 2) bad(key, "[reference, pid] pairs", e);
    out.emplace_back(ref_value(key, e.arr[0]), pid_value(key, e.arr[1]));
  }
  return out;
}

ProcessSnapshot read_process(const Value& v) {
  if (!v.is_object()) bad("processes", "process objects", v);
  ProcessSnapshot p;
  p.pid = get_pid(v, "pid");
  if (!p.pid.valid()) bad("pid", "a pid", v.get("pid") ? *v.get("pid") : Value{});
  p.parent = get_pid(v, "parent");
  p.node = get_node(v, "node", false);
  p.name = get_atom(v, "name");
  std::string st = get_string(v, "status", false, "waiting");
  bool found = false;
  for (ProcessStatus s : kStatuses)
    if (st == to_string(s)) p.status = s, found = true;
  if (!found) throw FieldError{"field \"status\": unknown status \"" + st + "\""};
  p.trap_exit = get_bool(v, "trap_exit");
  p.suspended = get_bool(v, "suspended");
  int64_t q = get_int(v, "message_queue_len", false);
  if (q < 0) bad("message_queue_len", "a count", *v.get("message_queue_len"));
  p.message_queue_len = static_cast<uint32_t>(q);
  p.reductions = static_cast<uint64_t>(get_int(v, "reductions", false));
  p.memory = static_cast<uint64_t>(get_int(v, "memory", false));
  p.initial_call = get_term(v, "initial_call");
  for (const Value& l : get_array(v, "links").arr) p.links.push_back(pid_value("links", l));
  if (v.get("one_way_links"))
    for (const Value& l : get_array(v, "one_way_links").arr) p.one_way_links.push_back(pid_value("one_way_links", l));
  for (const Value& t : get_array(v, "name_targets").arr) {
    if (!t.is_object()) bad("name_targets", "{ref, target, name, link} objects", t);
    NameTarget n;
    if (const Value* r = member(t, "ref", false)) n.ref = ref_value("ref", *r);
    n.target = get_pid(t, "target");
    n.name = get_atom(t, "name");
    n.link = get_bool(t, "link");
    if (!n.target.valid() || n.name == atoms::nil) bad("name_targets", "a target pid and a name", t);
    p.name_targets.push_back(n);
  }
  for (auto [key, field] : {std::pair{"queue_urgent", &p.queue_urgent}, std::pair{"queue_system", &p.queue_system}}) {
    const int64_t n = get_int(v, key, false);
    if (n < 0 || n > p.message_queue_len) bad(key, "a count within message_queue_len", *v.get(key));
    *field = static_cast<uint32_t>(n);
  }
  p.monitors = get_pairs(v, "monitors");
  p.monitored_by = get_pairs(v, "monitored_by");
  return p;
}

SignalType signal_of(std::string_view field, const Value& v, bool allow_none) {
  if (v.is_string()) {
    for (SignalType t : {SignalType::None, SignalType::Message, SignalType::Exit, SignalType::Down})
      if (v.str == signal_name(t) && (allow_none || t != SignalType::None)) return t;
  }
  bad(field, allow_none ? "none, message, exit or down" : "message, exit or down", v);
}

InFlightSignal read_in_flight(const Value& v) {
  if (!v.is_object()) bad("in_flight", "signal objects", v);
  InFlightSignal f;
  const Value* t = member(v, "type", true);
  f.type = signal_of("type", *t, false);
  f.from = get_pid(v, "from");
  f.to = get_pid(v, "to");
  f.term = get_term(v, "term");
  f.linked = get_bool(v, "linked");
  f.sent_ns = get_int(v, "sent_ns", false);
  f.due_ns = get_int(v, "due_ns", false);
  return f;
}

Keyframe read_keyframe(const Value& v, size_t index) {
  Keyframe k;
  k.index = index;
  k.state.seq = static_cast<uint64_t>(get_int(v, "seq", false));
  k.state.time_ns = get_int(v, "time_ns", false);
  for (const Value& p : get_array(v, "processes").arr) k.state.processes.push_back(read_process(p));
  std::sort(k.state.processes.begin(), k.state.processes.end(),
            [](const ProcessSnapshot& a, const ProcessSnapshot& b) { return a.pid.serial() < b.pid.serial(); });
  for (const Value& f : get_array(v, "in_flight").arr) k.in_flight.push_back(read_in_flight(f));
  for (const Value& n : get_array(v, "nodes").arr) {
    if (!n.is_object()) bad("nodes", "node objects", n);
    NodeState s;
    s.id = get_node(n, "id", true);
    if (s.id != k.state.nodes.size()) bad("nodes", "ids 0, 1, 2, ... in order", n);
    s.name = get_atom(n, "name");
    s.alive = get_bool(n, "alive", true);
    s.tied_to = static_cast<int>(get_int(n, "tied_to", false, -1));
    k.state.nodes.push_back(s);
  }
  for (const Value& c : get_array(v, "connections").arr) {
    if (!c.is_object()) bad("connections", "connection objects", c);
    ConnectionState s;
    s.a = get_node(c, "a", true);
    s.b = get_node(c, "b", true);
    if (s.a > s.b) std::swap(s.a, s.b);
    if (s.a == s.b) bad("connections", "two different nodes", c);
    s.up = get_bool(c, "up");
    s.partitioned = get_bool(c, "partitioned");
    k.state.connections.push_back(s);
  }
  std::sort(k.state.connections.begin(), k.state.connections.end(),
            [](const ConnectionState& a, const ConnectionState& b) { return std::pair{a.a, a.b} < std::pair{b.a, b.b}; });
  for (size_t i = 0; i < k.state.connections.size(); ++i) {
    const ConnectionState& c = k.state.connections[i];
    if (!k.state.nodes.empty() && c.b >= k.state.nodes.size())
      throw FieldError{"field \"connections\": node " + std::to_string(c.b) + " is not in \"nodes\""};
    if (i && c.a == k.state.connections[i - 1].a && c.b == k.state.connections[i - 1].b)
      throw FieldError{"field \"connections\": " + std::to_string(c.a) + "-" + std::to_string(c.b) + " twice"};
  }
  return k;
}

TraceEvent read_event(const Value& v) {
  TraceEvent e;
  e.seq = static_cast<uint64_t>(get_int(v, "seq", true));
  e.time_ns = get_int(v, "time_ns", true);
  std::string kind = get_string(v, "kind", true);
  bool found = false;
  for (TraceKind k : kKinds)
    if (kind == to_string(k)) e.kind = k, found = true;
  if (!found) throw FieldError{"unknown event kind \"" + kind + "\""};
  if (const Value* s = member(v, "signal", false)) e.signal = signal_of("signal", *s, true);
  std::string outcome = get_string(v, "outcome", false, "none");
  found = false;
  for (SignalOutcome o : kOutcomes)
    if (outcome == to_string(o)) e.outcome = o, found = true;
  if (!found) throw FieldError{"field \"outcome\": unknown outcome \"" + outcome + "\""};
  e.flag = get_bool(v, "flag");
  e.node = get_node(v, "node", false);
  e.node2 = get_node(v, "node2", false);
  e.a = get_pid(v, "a");
  e.b = get_pid(v, "b");
  e.pid2 = get_pid(v, "pid2");
  if (const Value* r = member(v, "ref", false)) e.ref = ref_value("ref", *r);
  e.name = get_atom(v, "name");
  e.term = get_term(v, "term");
  return e;
}

}  // namespace

// ---- public -----------------------------------------------------------------------------------------------------

std::string event_to_json(const TraceEvent& e) {
  std::string o;
  o.reserve(200);
  o += "{\"type\":\"event\",";
  put_key(o, "seq"), o += std::to_string(e.seq), o += ',';
  put_key(o, "time_ns"), o += std::to_string(e.time_ns), o += ',';
  put_key(o, "kind"), o += '"', o += to_string(e.kind), o += "\",";
  put_key(o, "signal"), o += '"', o += signal_name(e.signal), o += "\",";
  put_key(o, "outcome"), o += '"', o += to_string(e.outcome), o += "\",";
  put_key(o, "flag"), put_bool(o, e.flag), o += ',';
  if (e.node) put_key(o, "node"), o += std::to_string(e.node), o += ',';
  if (e.node2) put_key(o, "node2"), o += std::to_string(e.node2), o += ',';
  put_key(o, "a"), put_pid(o, e.a), o += ',';
  put_key(o, "b"), put_pid(o, e.b), o += ',';
  put_key(o, "pid2"), put_pid(o, e.pid2), o += ',';
  put_key(o, "ref"), put_ref(o, e.ref), o += ',';
  put_key(o, "name"), put_atom(o, e.name), o += ',';
  put_key(o, "term"), json::append_quoted(o, inspect(e.term));
  o += '}';
  return o;
}

bool event_from_json(std::string_view line, TraceEvent& out, std::string& error) {
  Value v;
  if (!json::parse(line, v, error)) return false;
  if (!v.is_object()) {
    error = "expected a JSON object, got " + json::dump(v);
    return false;
  }
  try {
    out = read_event(v);
    return true;
  } catch (const FieldError& e) {
    error = e.message;
    return false;
  }
}

bool write_recording(std::ostream& os, const Recording& r) {
  std::string o;
  o += "{\"type\":\"header\",\"format\":\"actorscope-trace\",";
  put_key(o, "version"), o += std::to_string(kTraceFormatVersion), o += ',';
  put_key(o, "created_by"), json::append_quoted(o, r.info.created_by), o += ',';
  put_key(o, "created_at"), json::append_quoted(o, r.info.created_at.empty() ? utc_now() : r.info.created_at), o += ',';
  put_key(o, "scenario"), json::append_quoted(o, r.info.scenario), o += ',';
  put_key(o, "params"), o += '{';
  bool first = true;
  for (const auto& [k, v] : r.info.params) {
    if (!first) o += ',';
    first = false;
    json::append_quoted(o, k);
    o += ':';
    o += std::to_string(v);
  }
  o += "},";
  put_key(o, "deterministic"), put_bool(o, r.info.deterministic), o += ',';
  put_key(o, "semantics"), json::append_quoted(o, to_string(r.info.semantics)), o += ',';
  put_key(o, "dropped"), o += std::to_string(r.dropped), o += ',';
  put_key(o, "events"), o += std::to_string(r.events.size()), o += ',';
  put_key(o, "initial"), o += '{';
  put_keyframe_body(o, r.initial);
  o += "}}\n";
  os << o;
  size_t next_kf = 0;
  auto keyframes_at = [&](size_t index) {
    while (next_kf < r.keyframes.size() && r.keyframes[next_kf].index <= index) {
      std::string k = "{\"type\":\"keyframe\",";
      Keyframe copy = r.keyframes[next_kf];
      copy.index = index;
      put_keyframe_body(k, copy);
      k += "}\n";
      os << k;
      ++next_kf;
    }
  };
  for (size_t i = 0; i < r.events.size(); ++i) {
    keyframes_at(i);
    os << event_to_json(r.events[i]) << '\n';
  }
  keyframes_at(r.events.size());
  os.flush();
  return static_cast<bool>(os);
}

bool save_recording(const std::string& path, const Recording& r, std::string& error) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) {
    error = "cannot write " + path;
    return false;
  }
  if (!write_recording(f, r)) {
    error = "error while writing " + path;
    return false;
  }
  return true;
}

ReadResult read_recording(std::istream& is) {
  ReadResult res;
  auto error = [&](size_t line, const std::string& msg) {
    if (res.errors.size() < ReadResult::kMaxErrors) res.errors.push_back("line " + std::to_string(line) + ": " + msg);
  };
  std::string text;
  size_t n = 0;
  while (std::getline(is, text)) {
    ++n;
    const bool last_unterminated = is.eof();  // the file ends inside this line
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    Value v;
    std::string jerr;
    if (!json::parse(text, v, jerr)) {
      if (last_unterminated) error(n, "truncated line: the file ends inside it (" + jerr + ")");
      else error(n, "not JSON: " + jerr);
      if (n == 1) return res;
      continue;
    }
    if (!v.is_object()) {
      error(n, "expected a JSON object, got " + json::dump(v));
      if (n == 1) return res;
      continue;
    }
    try {
      std::string type = get_string(v, "type", false);
      if (n == 1) {
        if (type != "header" || get_string(v, "format", false) != "actorscope-trace") {
          error(n, "not an actorscope trace: the first line must be the header "
                   "({\"type\":\"header\",\"format\":\"actorscope-trace\",...})");
          return res;
        }
        int64_t version = get_int(v, "version", true);
        if (version > kTraceFormatVersion) {
          error(n, "format version " + std::to_string(version) + " is newer than this build reads (" +
                       std::to_string(kTraceFormatVersion) + ")");
          return res;
        }
        if (version < 1) throw FieldError{"field \"version\": expected a version >= 1, got " + std::to_string(version)};
        RecordingInfo& info = res.recording.info;
        info.created_by = get_string(v, "created_by", false);
        info.created_at = get_string(v, "created_at", false);
        info.scenario = get_string(v, "scenario", false);
        if (const Value* p = v.get("params"); p && !p->is_null()) {
          if (!p->is_object()) bad("params", "an object", *p);
          for (const auto& [k, pv] : p->obj) {
            if (!pv.is_int()) bad("params", "integer values", pv);
            info.params[k] = pv.i;
          }
        }
        info.deterministic = get_bool(v, "deterministic");
        const std::string sem = get_string(v, "semantics", false, "beam");
        if (sem != "beam" && sem != "ergo") bad("semantics", "\"beam\" or \"ergo\"", *v.get("semantics"));
        info.semantics = sem == "ergo" ? Semantics::Ergo : Semantics::Beam;
        res.recording.dropped = static_cast<uint64_t>(get_int(v, "dropped", false));
        res.header_ok = true;  // from here on, whatever else is wrong, the rest is usable
        if (const Value* init = v.get("initial"); init && !init->is_null()) {
          if (!init->is_object()) bad("initial", "an object", *init);
          res.recording.initial = read_keyframe(*init, 0);
        }
        continue;
      }
      if (type == "event" || (type.empty() && v.get("kind"))) {
        res.recording.events.push_back(read_event(v));
      } else if (type == "keyframe") {
        res.recording.keyframes.push_back(read_keyframe(v, res.recording.events.size()));
      } else if (type == "header") {
        error(n, "a second header line (ignored)");
      } else {
        error(n, "unknown line type \"" + type + "\"");
      }
    } catch (const FieldError& e) {
      if (last_unterminated) error(n, "truncated line: the file ends inside it (" + e.message + ")");
      else error(n, e.message);
      if (n == 1) return res;
    }
  }
  res.lines = n;
  if (n == 0) error(1, "empty file: no header line");
  return res;
}

ReadResult load_recording(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    ReadResult r;
    r.errors.push_back(path + ": cannot open");
    return r;
  }
  return read_recording(f);
}

}  // namespace actorscope
