#include "actorscope/exporters.hpp"

#include "actorscope/faults.hpp"
#include "actorscope/recording.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace actorscope {

namespace {

std::string dot_quote(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '\n') {
      o += "\\n";
      continue;
    }
    o += c;
  }
  return o + '"';
}

std::string node_id(Pid p) { return "p" + std::to_string(p.serial()); }

std::string shorten(std::string s, size_t max) {
  if (max >= 3 && s.size() > max) {
    s.resize(max - 3);
    // Do not cut a UTF-8 sequence in two.
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    s += "...";
  }
  return s;
}

/// Mermaid text: entity codes for the characters its parser gives a meaning to.
std::string mermaid_text(std::string_view s) {
  std::string o;
  for (char c : s) {
    switch (c) {
      case '#': o += "#35;"; break;
      case ';': o += "#59;"; break;
      case '<': o += "#lt;"; break;
      case '>': o += "#gt;"; break;
      case '\n': o += ' '; break;
      default: o += c;
    }
  }
  return o;
}

}  // namespace

std::string process_label(const ProcessSnapshot& p) {
  return p.name != atoms::nil ? inspect_atom(p.name) : inspect_pid(p.pid);
}

// ---- DOT ---------------------------------------------------------------------------------------------------------

std::string export_dot(const Snapshot& s) {
  std::vector<const ProcessSnapshot*> ps;
  for (const auto& p : s.processes) ps.push_back(&p);
  std::sort(ps.begin(), ps.end(), [](auto* a, auto* b) { return a->pid.serial() < b->pid.serial(); });
  std::set<uint32_t> alive;
  for (auto* p : ps) alive.insert(p->pid.serial());
  std::string o = "digraph actorscope {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n";
  for (auto* p : ps) {
    std::string label = process_label(*p);
    if (p->name != atoms::nil) label += "\n" + inspect_pid(p->pid);
    if (p->message_queue_len) label += "\nmailbox " + std::to_string(p->message_queue_len);
    o += "  " + node_id(p->pid) + " [label=" + dot_quote(label) +
         (is_supervisor(*p) ? ", shape=box, style=rounded" : ", shape=ellipse");
    if (p->trap_exit) o += ", peripheries=2";
    if (p->suspended) o += ", color=grey";
    o += "];\n";
  }
  for (auto* p : ps)
    if (p->parent.valid() && alive.count(p->parent.serial()))
      o += "  " + node_id(p->parent) + " -> " + node_id(p->pid) + " [color=grey, style=bold, arrowhead=none];\n";
  for (auto* p : ps)
    for (Pid peer : p->links)
      if (p->pid.serial() < peer.serial() && alive.count(peer.serial()))
        o += "  " + node_id(p->pid) + " -> " + node_id(peer) + " [dir=none];\n";
  for (auto* p : ps)
    for (const auto& [ref, target] : p->monitors)
      if (alive.count(target.serial()))
        o += "  " + node_id(p->pid) + " -> " + node_id(target) + " [style=dashed];\n";
  o += "}\n";
  return o;
}

// ---- Mermaid -----------------------------------------------------------------------------------------------------

std::string export_mermaid(std::span<const TraceEvent> events, const Snapshot* names, size_t max_text) {
  std::map<uint32_t, Atom> name_of;
  if (names)
    for (const auto& p : names->processes)
      if (p.name != atoms::nil) name_of[p.pid.serial()] = p.name;
  for (const TraceEvent& e : events)
    if (e.kind == TraceKind::Register && !name_of.count(e.a.serial())) name_of[e.a.serial()] = e.name;

  std::vector<std::string> lines;
  std::vector<uint32_t> order;
  std::set<uint32_t> declared;
  auto part = [&](Pid p) -> std::string {
    const uint32_t k = p.valid() ? p.serial() : 0;
    if (declared.insert(k).second) order.push_back(k);
    return k ? "P" + std::to_string(k) : std::string("observer");
  };
  auto text = [&](const Term& t) { return mermaid_text(shorten(inspect(t), max_text)); };
  for (const TraceEvent& e : events) {
    switch (e.kind) {
      case TraceKind::Spawn:
        if (e.b.valid()) {
          std::string from = part(e.b);
          lines.push_back("  " + from + "->>" + part(e.a) + ": spawn " + text(e.term));
        } else {
          lines.push_back("  Note over " + part(e.a) + ": spawned " + text(e.term));
        }
        break;
      case TraceKind::Send: {
        std::string from = part(e.a);
        lines.push_back("  " + from + "->>" + part(e.b) + ": " + text(e.term));
        break;
      }
      case TraceKind::SignalSent: {
        if (e.signal != SignalType::Exit && e.signal != SignalType::Down) break;
        std::string from = part(e.a);
        const std::string to = part(e.b);
        if (e.signal == SignalType::Exit)
          lines.push_back("  " + from + "-x" + to + ": EXIT " + text(e.term));
        else
          lines.push_back("  " + from + "--)" + to + ": DOWN " + text(e.term));
        break;
      }
      case TraceKind::SignalDelivered:
        if (e.outcome == SignalOutcome::Trapped)
          lines.push_back("  Note over " + part(e.b) + ": traps {:EXIT, ...}");
        break;
      case TraceKind::Exit: lines.push_back("  Note over " + part(e.a) + ": exits " + text(e.term)); break;
      case TraceKind::Restart: {
        std::string sup = part(e.a);
        lines.push_back("  " + sup + "->>" + part(e.b) + ": restart " + text(e.term));
        break;
      }
      case TraceKind::GiveUp:
        lines.push_back("  Note over " + part(e.a) + ": gives up (restart intensity reached) " + text(e.term));
        break;
      case TraceKind::Fault:
        lines.push_back("  Note over " + part(e.a) + ": fault " + mermaid_text(std::string(atom_name(e.name))) + " " +
                        text(e.term));
        break;
      default: break;
    }
  }
  std::string o = "sequenceDiagram\n";
  for (uint32_t k : order) {
    if (k == 0) {
      o += "  participant observer\n";
      continue;
    }
    auto it = name_of.find(k);
    const std::string label = it != name_of.end() ? inspect_atom(it->second) : inspect_pid(Pid::make(0, k));
    o += "  participant P" + std::to_string(k) + " as " + mermaid_text(label) + "\n";
  }
  for (const auto& l : lines) o += l + "\n";
  return o;
}

// ---- CSV ---------------------------------------------------------------------------------------------------------

std::string csv_field(std::string_view t) {
  if (t.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(t);
  std::string o = "\"";
  for (char c : t) {
    if (c == '"') o += '"';
    o += c;
  }
  return o + '"';
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string o;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) o += ',';
    o += csv_field(fields[i]);
  }
  return o + "\r\n";
}

std::string export_csv(const Snapshot& s) {
  std::string o = csv_row({"pid", "name", "status", "message_queue_len", "trap_exit", "suspended", "reductions",
                           "memory", "initial_call", "parent", "links", "monitors", "monitored_by"});
  std::vector<const ProcessSnapshot*> ps;
  for (const auto& p : s.processes) ps.push_back(&p);
  std::sort(ps.begin(), ps.end(), [](auto* a, auto* b) { return a->pid.serial() < b->pid.serial(); });
  auto pids = [](const std::vector<Pid>& v) {
    std::string o;
    for (size_t i = 0; i < v.size(); ++i) o += (i ? " " : "") + inspect_pid(v[i]);
    return o;
  };
  auto pairs = [](const std::vector<std::pair<Ref, Pid>>& v) {
    std::string o;
    for (size_t i = 0; i < v.size(); ++i) o += (i ? " " : "") + inspect_pid(v[i].second);
    return o;
  };
  for (auto* p : ps) {
    o += csv_row({inspect_pid(p->pid), p->name != atoms::nil ? inspect_atom(p->name) : std::string(),
                  to_string(p->status), std::to_string(p->message_queue_len), p->trap_exit ? "true" : "false",
                  p->suspended ? "true" : "false", std::to_string(p->reductions), std::to_string(p->memory),
                  inspect(p->initial_call), p->parent.valid() ? inspect_pid(p->parent) : std::string(),
                  pids(p->links), pairs(p->monitors), pairs(p->monitored_by)});
  }
  return o;
}

// ---- JSON Lines ----------------------------------------------------------------------------------------------------

std::string export_jsonl(std::span<const TraceEvent> events) {
  std::string o;
  for (const TraceEvent& e : events) {
    o += event_to_json(e);
    o += '\n';
  }
  return o;
}

}  // namespace actorscope
