#pragma once
// Exporters: pure functions from observer values to text (no Qt). The graph as PNG/SVG needs
// the GUI and lives there.
//
//   export_dot(model snapshot)                       -> Graphviz DOT of the current topology
//   export_mermaid(replay.events(a, b), &replay.snapshot_at(a)) -> Mermaid sequenceDiagram
//   export_csv(snapshot)                             -> the process table (RFC 4180)
//   export_jsonl(events)                             -> the event log, one event per line

#include "actorscope/trace.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actorscope {

/// The label of a process: its registered name (`:registry`, `KV.Registry`) or its pid.
std::string process_label(const ProcessSnapshot& p);

/// `digraph actorscope { ... }`: one node per process (supervisors as boxes, workers as
/// ellipses; trap_exit: a double border; label with the mailbox length when not zero),
/// supervision edges parent -> child (bold, grey), links undirected (solid, no arrow, once per
/// pair), monitors dashed arrows watcher -> target. Sorted by serial: the same state gives the
/// same text.
std::string export_dot(const Snapshot& s);

/// A Mermaid `sequenceDiagram` of `events`: spawns, messages, exit signals (EXIT) and DOWNs with
/// their reasons, deaths, restarts and injected faults as notes. `names` (the state before the
/// first event, e.g. Replay::snapshot_at(from)) gives participants their registered names;
/// registrations among the events are followed too. Message texts longer than `max_text`
/// characters are shortened with "...".
std::string export_mermaid(std::span<const TraceEvent> events, const Snapshot* names = nullptr, size_t max_text = 60);

/// The process table as CSV (RFC 4180: CRLF line ends, fields with comma, quote, CR or LF quoted,
/// quotes doubled). Columns: pid,name,status,message_queue_len,trap_exit,suspended,reductions,
/// memory,initial_call,parent,links,monitors,monitored_by.
std::string export_csv(const Snapshot& s);
/// One RFC 4180 field / row (with CRLF), for tables with other columns.
std::string csv_field(std::string_view text);
std::string csv_row(const std::vector<std::string>& fields);

/// The event log as JSON Lines, in the recording's event encoding (event_to_json).
std::string export_jsonl(std::span<const TraceEvent> events);

}  // namespace actorscope
