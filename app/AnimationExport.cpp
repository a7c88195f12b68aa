#include "AnimationExport.h"

#include "GraphScene.h"
#include "GraphView.h"
#include "ObserverModel.h"
#include "Pipeline.h"

#include "actorscope/replay.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>

namespace actorscope::app {

namespace {
/// The translation context of the messages below.
struct AnimationExport {
  Q_DECLARE_TR_FUNCTIONS(AnimationExport)
};
}  // namespace

AnimationResult renderAnimationFrames(const Recording& rec, int64_t fromNs, int64_t toNs, const QString& dir,
                                      const AnimationOptions& opts, const AnimationProgress& progress) {
  AnimationResult out;
  if (!QFileInfo(dir).isDir()) {
    out.error = AnimationExport::tr("no directory '%1' to write the frames into").arg(dir);
    return out;
  }
  if (rec.events.empty()) {
    out.error = AnimationExport::tr("the recording holds no events");
    return out;
  }
  if (opts.fps < 1 || opts.fps > 60 || opts.speed <= 0 || opts.size.width() < 16 || opts.size.height() < 16) {
    out.error = AnimationExport::tr("bad animation options (fps 1-60, speed above 0, frames at least 16x16)");
    return out;
  }
  Replay replay(rec);
  if (fromNs > toNs) std::swap(fromNs, toNs);
  fromNs = std::clamp(fromNs, replay.start_ns(), replay.end_ns());
  toNs = std::clamp(toNs, replay.start_ns(), replay.end_ns());
  const size_t first = replay.index_at_time(fromNs);
  const size_t last = std::max(first, replay.index_at_time(toNs));

  views::ObserverModel model;
  model.setSemantics(rec.info.semantics);
  views::GraphScene scene(&model);
  scene.setManualClock(true);
  views::Pipeline pipeline(&model, &scene);
  views::GraphView view(&scene);
  view.setLegendVisible(false);
  view.setAttribute(Qt::WA_DontShowOnScreen);
  view.resize(opts.size);
  view.show();

  const double frameMs = 1000.0 / opts.fps;
  const double preRollMs = 1200;  // the layout settles before the first frame
  double now = 0;
  model.enqueueSnapshot(replay.snapshot_at(first));
  model.processPending(SIZE_MAX);
  scene.setRuntimeClock(fromNs, true);
  scene.addInFlight(replay.in_flight_at(first));
  for (; now < preRollMs; now += frameMs) scene.advance(now);

  const auto span = replay.events(first, last);
  const double storyMs = double(toNs - fromNs) / 1e6 / opts.speed;
  const int expected = std::min(opts.maxFrames, int(std::ceil((storyMs + opts.tailMs) / frameMs)) + 1);
  size_t next = 0;
  QRectF camera;
  const QColor background = QGuiApplication::palette().color(QPalette::Base);
  QImage image(opts.size, QImage::Format_RGB32);
  const double start = now;
  for (int f = 0;; ++f, now += frameMs) {
    const double storyNow = (now - start) * opts.speed;  // ms of recording time shown
    std::vector<TraceEvent> due;
    while (next < span.size() && double(span[next].time_ns - fromNs) / 1e6 <= storyNow) due.push_back(span[next++]);
    if (!due.empty()) pipeline.push(due);
    pipeline.advance();
    model.processPending(SIZE_MAX);
    scene.setRuntimeClock(fromNs + int64_t(storyNow * 1e6), true);
    scene.advance(now);

    // The camera only grows, so nothing jumps from frame to frame.
    // The camera fits what is drawn, as the window's "fit" does, and only ever widens, so
    // nothing jumps from frame to frame.
    const QRectF nodes = scene.nodesRect();
    if (!nodes.isNull() && !camera.contains(nodes)) {
      camera = camera.isNull() ? nodes : camera.united(nodes);
      view.fitAll();
    }
    image.fill(background);
    {
      QPainter p(&image);
      view.render(&p);
    }
    const QString path = QDir(dir).filePath(QStringLiteral("frame_%1.png").arg(f + 1, 5, 10, QLatin1Char('0')));
    if (!image.save(path, "PNG")) {
      out.error = AnimationExport::tr("cannot write the frame '%1'").arg(path);
      return out;
    }
    out.frames = f + 1;
    if (progress && !progress(out.frames, expected)) {
      out.error = AnimationExport::tr("cancelled");
      return out;
    }
    const bool storyOver = next >= span.size() && storyNow >= storyMs;
    if (storyOver && pipeline.playhead().pending() == 0 && (now - start) * opts.speed >= storyMs + opts.tailMs) break;
    if (out.frames >= opts.maxFrames) {
      out.cut = next < span.size() || pipeline.playhead().pending() > 0;
      break;
    }
  }
  return out;
}

AnimationResult exportAnimation(const Recording& rec, int64_t fromNs, int64_t toNs, const QString& file,
                                const AnimationOptions& opts, const AnimationProgress& progress) {
  AnimationResult out;
  const QString ext = QFileInfo(file).suffix().toLower();
  if (ext != QStringLiteral("mp4") && ext != QStringLiteral("gif")) {
    out.error = AnimationExport::tr("'%1': an animation is saved as .mp4 or .gif").arg(file);
    return out;
  }
  QTemporaryDir frames;
  if (!frames.isValid()) {
    out.error = AnimationExport::tr("cannot make a temporary directory for the frames: %1").arg(frames.errorString());
    return out;
  }
  out = renderAnimationFrames(rec, fromNs, toNs, frames.path(), opts, progress);
  if (!out.ok()) return out;
  QStringList args{QStringLiteral("-y"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-framerate"),
                   QString::number(opts.fps), QStringLiteral("-i"), QDir(frames.path()).filePath(QStringLiteral("frame_%05d.png"))};
  if (ext == QStringLiteral("mp4")) {
    args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt") << QStringLiteral("yuv420p")
         << QStringLiteral("-vf") << QStringLiteral("scale=trunc(iw/2)*2:trunc(ih/2)*2") << QStringLiteral("-movflags")
         << QStringLiteral("+faststart");
  } else {
    // One palette for the whole clip, so the colours of pulses and nodes stay true.
    args << QStringLiteral("-vf")
         << QStringLiteral("fps=%1,split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=none")
                .arg(std::min(opts.fps, 15))
         << QStringLiteral("-loop") << QStringLiteral("0");
  }
  args << file;
  QProcess ffmpeg;
  ffmpeg.start(opts.ffmpeg, args);
  if (!ffmpeg.waitForStarted(10000)) {
    out.error = AnimationExport::tr("cannot run '%1' to encode the %2 (install Debian's ffmpeg package): %3")
                    .arg(opts.ffmpeg, ext.toUpper(), ffmpeg.errorString());
    return out;
  }
  ffmpeg.waitForFinished(-1);
  if (ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
    out.error = AnimationExport::tr("ffmpeg could not write '%1': %2")
                    .arg(file, QString::fromLocal8Bit(ffmpeg.readAllStandardError()).trimmed().left(400));
    return out;
  }
  return out;
}

}  // namespace actorscope::app
