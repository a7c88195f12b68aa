#pragma once
// The slow-motion control of a window's toolbar (the main window, the compare window): a label, a
// 0-2000 ms slider (a real per-hop latency in the runtime) and the value beside it. GUI thread.

#include <QString>

#include <functional>

class QLabel;
class QSlider;
class QToolBar;

namespace actorscope::views {

struct SlowMotionControl {
  QSlider* slider = nullptr;
  QLabel* value = nullptr;  // "off" or "N ms"
  static constexpr int kMaxMs = 2000;

  /// Adds the control to `tb`; the slider is found by `objectName`; `changed` gets each new value.
  static SlowMotionControl add(QToolBar* tb, const QString& objectName, const QString& toolTip, int width,
                               std::function<void(int)> changed);
  /// Clamps ms to [0, kMaxMs], moves the slider there (without a second `changed` when it is there
  /// already) and shows it; returns the clamped value.
  int show(int ms) const;
  int ms() const;
};

}  // namespace actorscope::views
