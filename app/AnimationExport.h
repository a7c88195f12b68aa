#pragma once
// AnimationExport: a stretch of a recording rendered as an animation, for a slide: a PNG frame
// series, and from it an MP4 or an animated GIF through ffmpeg. The frames come from the same
// pipeline as the window (playhead -> ObserverModel -> GraphScene) on a manual clock, so they show
// what the window shows at normal speed (or `speed`), whatever the machine's load. GUI thread.

#include "actorscope/recording.hpp"

#include <QSize>
#include <QString>

#include <functional>

namespace actorscope::app {

struct AnimationOptions {
  QSize size{1280, 720};  ///< frame size in pixels
  int fps = 25;
  double speed = 1;       ///< 0.25: four times slower than real time
  double tailMs = 1500;   ///< after the stretch's last event: its effects finish playing
  int maxFrames = 25 * 120;  ///< a longer stretch is cut (the result says so)
  QString ffmpeg = QStringLiteral("ffmpeg");  ///< the encoder to run (a name on PATH, or a path)
};

struct AnimationResult {
  int frames = 0;
  bool cut = false;  ///< maxFrames was reached before the stretch's end
  QString error;     ///< "" on success; else what went wrong, naming the file or program
  bool ok() const { return error.isEmpty(); }
};

/// Called after each frame with (frames done, frames expected); returning false cancels.
using AnimationProgress = std::function<bool(int done, int total)>;

/// Renders [fromNs, toNs] of `rec` (the state at fromNs, then its events as they play) as
/// frame_00001.png, frame_00002.png, ... into the existing directory `dir`.
AnimationResult renderAnimationFrames(const Recording& rec, int64_t fromNs, int64_t toNs, const QString& dir,
                                      const AnimationOptions& opts = {}, const AnimationProgress& progress = {});

/// The same stretch as `file`: .mp4 (H.264) or .gif (a palette per clip), through ffmpeg; the
/// frames go to a temporary directory. An unknown extension or a missing ffmpeg is an error.
AnimationResult exportAnimation(const Recording& rec, int64_t fromNs, int64_t toNs, const QString& file,
                                const AnimationOptions& opts = {}, const AnimationProgress& progress = {});

}  // namespace actorscope::app
