#pragma once
// ChartsWidget: load over time (Qt Charts). Mailbox length of the selected processes and of the
// top N by queue length (one series each), processes alive, messages/s (sampled messages count
// with their weight), exits/s and restarts/s, over a sliding window (60 s by default).
//
// Memory is bounded however long the app runs: every series keeps its points in a fixed-size
// ring (window x sample rate), per-process series are capped and dropped once out of the
// window. Samples are taken at most ~10 Hz and each series is refreshed with one replace().
// GUI thread only.

#include "actorscope/trace.hpp"

#include <QElapsedTimer>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
class QSpinBox;
QT_END_NAMESPACE

namespace actorscope::views {

class ObserverModel;

/// A fixed-capacity ring of points; pushing into a full ring drops the oldest.
class PointRing {
public:
  explicit PointRing(size_t capacity = 1) : buf_(std::max<size_t>(1, capacity)) {}
  void push(double x, double y);
  size_t size() const { return size_; }
  size_t capacity() const { return buf_.size(); }
  /// i-th oldest point.
  std::pair<double, double> at(size_t i) const { return buf_[(head_ + i) % buf_.size()]; }
  /// The same points in a ring of another capacity (the newest kept).
  PointRing resized(size_t capacity) const;
  void clear() { head_ = size_ = 0; }

private:
  std::vector<std::pair<double, double>> buf_;
  size_t head_ = 0;
  size_t size_ = 0;
};

/// One observation of the runtime, as the charts take it.
struct ChartSample {
  struct Queue {
    uint32_t serial = 0;
    QString label;
    uint32_t length = 0;
  };
  double t = 0;  ///< seconds (any monotonic origin)
  double alive = 0;
  double messagesPerSec = 0;
  double exitsPerSec = 0;
  double restartsPerSec = 0;
  std::vector<Queue> queues;  ///< processes whose mailbox is charted
};

class ChartsWidget final : public QWidget {
  Q_OBJECT

public:
  explicit ChartsWidget(QWidget* parent = nullptr);

  static constexpr double kSampleHz = 10;
  static constexpr int kMaxWindowSeconds = 600;
  /// Mailbox series shown at most (selected + top N).
  static constexpr size_t kMaxQueueSeries = 16;

  void setWindowSeconds(int s);
  /// The charts in the widget's palette colours (called on a palette change).
  void applyPalette();
  int windowSeconds() const { return window_; }
  void setTopN(int n);
  int topN() const { return topN_; }
  /// Processes whose mailbox is always charted (the selection).
  void setSelected(std::vector<Pid> pids);
  const std::vector<Pid>& selected() const { return selected_; }

  /// Counts messages (by weight), exits and restarts of a batch of live events.
  void observe(const std::vector<TraceEvent>& events);
  /// Takes a sample from the model at time `tSec` if 1/kSampleHz has passed since the last one
  /// (rates from what observe() counted meanwhile), and refreshes the series. Returns whether it did.
  bool sample(const ObserverModel& model, double tSec);
  /// sample() at the widget's own clock (seconds since it was made): for the frame tick.
  bool sampleNow(const ObserverModel& model);
  /// Appends one sample to the rings (no redraw).
  void addSample(const ChartSample& s);
  /// Pushes the rings into the series, one replace() each, and rescales the axes.
  void flush();
  /// Forgets everything (a new runtime).
  void clear();

  // ---- for tests ----
  /// "alive", "messages", "exits", "restarts", or "queue:<serial>".
  QLineSeries* series(const QString& key) const;
  /// Points held in every ring and every series (the memory bound).
  size_t pointsHeld() const;
  size_t pointCapacity() const;
  size_t queueSeriesCount() const { return tracks_.size(); }

private:
  struct Track {
    QString label;
    PointRing ring;
    QLineSeries* series = nullptr;
    double last = 0;
  };
  size_t ringCapacity() const;
  void changeEvent(QEvent* e) override;
  QChart* makeChart(const QString& title, QValueAxis*& x, QValueAxis*& y, QChartView*& view);
  QLineSeries* addSeries(QChart* c, QValueAxis* x, QValueAxis* y, const QString& name);
  void fill(QLineSeries* s, const PointRing& r, double from, double& maxY) const;

  QElapsedTimer clock_;
  int window_ = 60;
  int topN_ = 3;
  std::vector<Pid> selected_;
  double lastT_ = -1;
  double now_ = 0;
  uint64_t msgs_ = 0, exits_ = 0, restarts_ = 0;

  PointRing alive_, msgRate_, exitRate_, restartRate_;
  std::map<uint32_t, Track> tracks_;

  QChart* queueChart_;
  QChart* aliveChart_;
  QChart* msgChart_;
  QChart* exitChart_;
  QValueAxis *qx_, *qy_, *ax_, *ay_, *mx_, *my_, *ex_, *ey_;
  QLineSeries *aliveS_, *msgS_, *exitS_, *restartS_;
  QSpinBox* windowSpin_;
  QSpinBox* topSpin_;
};

}  // namespace actorscope::views
