#pragma once
// GraphStyle: the graph's visual language in one place (sizes, colours by exit reason).

#include "actorscope/term.hpp"

#include <QColor>
#include <QPalette>

namespace actorscope::views::style {

inline constexpr double kWorkerRadius = 24;
inline constexpr double kSupervisorHalf = 26;
inline constexpr double kShellHalf = 27;        // the console's shell: a small terminal window
inline constexpr double kShellServerHalf = 20;  // the shell's server: the same, smaller
inline constexpr double kLevelGap = 130;    // tree: vertical distance between levels
inline constexpr double kSiblingGap = 96;   // tree: horizontal distance between leaves
inline constexpr double kLinkRest = 150;    // force layout: spring length
inline constexpr double kOneWayOffset = 6;  // Ergo: a one-way link's arrow, beside the centre line

inline QColor workerColor() { return QColor(0x2f, 0x7b, 0xd6); }
inline QColor supervisorColor() { return QColor(0x7a, 0x4c, 0xc8); }
/// The console's shell: a dark terminal with a green prompt and border (legible on light and dark).
inline QColor shellColor() { return QColor(0x22, 0x29, 0x33); }
inline QColor shellAccent() { return QColor(0x3c, 0xd0, 0x70); }
inline QColor trapColor() { return QColor(0xf0, 0xa8, 0x00); }
/// True for a dark palette (light text on a dark base): edges are drawn lighter then.
inline bool isDark(const QPalette& p) { return p.base().color().lightness() < 110; }
inline QColor linkColor(bool dark = false) { return dark ? QColor(0xa4, 0xac, 0xbc) : QColor(0x60, 0x68, 0x78); }
inline QColor monitorColor() { return QColor(0x1e, 0x9e, 0xb8); }
inline QColor downColor() { return QColor(0x10, 0xa8, 0xd8); }
inline QColor selectColor() { return QColor(0x00, 0xc8, 0xff); }
inline QColor deadColor() { return QColor(0x9a, 0x9a, 0x9a); }
/// The observer's glyph (commands from the window start there).
inline QColor observerColor() { return QColor(0x4a, 0x5a, 0x6e); }

/// Colour of an exit signal by reason: :normal green, :shutdown amber, :kill/:killed red, other
/// (a crash) orange.
inline QColor reasonColor(const Term& reason) {
  if (reason.is_atom(atoms::normal)) return QColor(0x2e, 0xb8, 0x4a);
  if (reason.is_atom(atoms::shutdown) || (reason.is_tuple() && reason.tuple_size() == 2 && reason[0].is_atom(atoms::shutdown)))
    return QColor(0xe0, 0xb0, 0x00);
  if (reason.is_atom(atoms::kill) || reason.is_atom(atoms::killed)) return QColor(0xe0, 0x1e, 0x5a);
  return QColor(0xf0, 0x60, 0x10);
}

/// Mailbox heat: calm blue to red as the queue grows.
inline QColor heatColor(uint32_t queue) {
  if (queue < 5) return QColor(0x8a, 0xd8, 0xff);
  if (queue < 50) return QColor(0xff, 0xc0, 0x40);
  if (queue < 500) return QColor(0xff, 0x80, 0x20);
  return QColor(0xe8, 0x28, 0x20);
}

}  // namespace actorscope::views::style
