#include "ChartsWidget.h"

#include "ObserverModel.h"

#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace actorscope::views {

void PointRing::push(double x, double y) {
  const size_t cap = buf_.size();
  if (size_ < cap) {
    buf_[(head_ + size_) % cap] = {x, y};
    ++size_;
  } else {
    buf_[head_] = {x, y};
    head_ = (head_ + 1) % cap;
  }
}

PointRing PointRing::resized(size_t capacity) const {
  PointRing r(capacity);
  const size_t from = size_ > r.capacity() ? size_ - r.capacity() : 0;
  for (size_t i = from; i < size_; ++i) r.push(at(i).first, at(i).second);
  return r;
}

ChartsWidget::ChartsWidget(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("chartsWidget"));
  clock_.start();
  const size_t cap = ringCapacity();
  alive_ = msgRate_ = exitRate_ = restartRate_ = PointRing(cap);

  auto* top = new QHBoxLayout;
  top->setContentsMargins(4, 2, 4, 0);
  top->addWidget(new QLabel(tr("Window"), this));
  windowSpin_ = new QSpinBox(this);
  windowSpin_->setObjectName(QStringLiteral("chartWindow"));
  windowSpin_->setRange(10, kMaxWindowSeconds);
  windowSpin_->setSuffix(tr(" s"));
  windowSpin_->setValue(window_);
  windowSpin_->setToolTip(tr("How far back the charts show"));
  top->addWidget(windowSpin_);
  top->addSpacing(12);
  top->addWidget(new QLabel(tr("Top N mailboxes"), this));
  topSpin_ = new QSpinBox(this);
  topSpin_->setObjectName(QStringLiteral("chartTopN"));
  topSpin_->setRange(0, 10);
  topSpin_->setValue(topN_);
  topSpin_->setToolTip(tr("Chart the mailboxes of the N processes with the longest queues (and the selected ones: Ctrl+click a process to add it)"));
  top->addWidget(topSpin_);
  top->addStretch(1);
  connect(windowSpin_, &QSpinBox::valueChanged, this, [this](int v) { setWindowSeconds(v); });
  connect(topSpin_, &QSpinBox::valueChanged, this, [this](int v) { setTopN(v); });

  QChartView *qv, *av, *mv, *ev;
  queueChart_ = makeChart(tr("Mailbox length"), qx_, qy_, qv);
  aliveChart_ = makeChart(tr("Processes alive"), ax_, ay_, av);
  msgChart_ = makeChart(tr("Messages / s"), mx_, my_, mv);
  exitChart_ = makeChart(tr("Exits and restarts / s"), ex_, ey_, ev);
  queueChart_->legend()->setVisible(true);
  queueChart_->legend()->setAlignment(Qt::AlignRight);
  exitChart_->legend()->setVisible(true);
  exitChart_->legend()->setAlignment(Qt::AlignTop);
  aliveS_ = addSeries(aliveChart_, ax_, ay_, QStringLiteral("alive"));
  msgS_ = addSeries(msgChart_, mx_, my_, QStringLiteral("messages"));
  exitS_ = addSeries(exitChart_, ex_, ey_, QStringLiteral("exits"));
  restartS_ = addSeries(exitChart_, ex_, ey_, QStringLiteral("restarts"));
  exitS_->setName(tr("exits"));
  restartS_->setName(tr("restarts"));

  auto* grid = new QGridLayout;
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(0);
  grid->addWidget(qv, 0, 0);
  grid->addWidget(av, 0, 1);
  grid->addWidget(mv, 0, 2);
  grid->addWidget(ev, 0, 3);
  grid->setColumnStretch(0, 3);
  for (int c = 1; c < 4; ++c) grid->setColumnStretch(c, 2);
  auto* l = new QVBoxLayout(this);
  l->setContentsMargins(0, 0, 0, 0);
  l->setSpacing(0);
  l->addLayout(top);
  l->addLayout(grid, 1);
  applyPalette();
  flush();
}

void ChartsWidget::applyPalette() {
  // The charts follow the window's palette (a dark room, a projector), not Qt Charts' own light
  // theme.
  const QPalette pal = palette();
  const QColor base = pal.color(QPalette::Base), text = pal.color(QPalette::Text);
  QColor grid = text;
  grid.setAlpha(40);
  for (QChart* c : {queueChart_, aliveChart_, msgChart_, exitChart_}) {
    if (!c) continue;
    c->setBackgroundBrush(base);
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(text);
    c->legend()->setLabelColor(text);
    for (QAbstractAxis* a : c->axes()) {
      a->setLabelsBrush(text);
      a->setLinePenColor(text);
      a->setGridLineColor(grid);
    }
  }
}

void ChartsWidget::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  if (e->type() == QEvent::PaletteChange) applyPalette();
}

size_t ChartsWidget::ringCapacity() const { return size_t(window_ * kSampleHz) + 8; }

QChart* ChartsWidget::makeChart(const QString& title, QValueAxis*& x, QValueAxis*& y, QChartView*& view) {
  auto* c = new QChart;
  c->setTitle(title);
  QFont f = c->titleFont();
  f.setPointSizeF(f.pointSizeF() * 0.9);
  f.setBold(true);
  c->setTitleFont(f);
  c->legend()->setVisible(false);
  c->setMargins(QMargins(2, 2, 2, 2));
  c->setBackgroundRoundness(0);
  x = new QValueAxis(c);
  y = new QValueAxis(c);
  QFont lf = x->labelsFont();
  lf.setPointSizeF(lf.pointSizeF() * 0.8);
  x->setLabelsFont(lf);
  y->setLabelsFont(lf);
  x->setLabelFormat(QStringLiteral("%.0f s"));
  y->setLabelFormat(QStringLiteral("%.0f"));
  x->setTickCount(4);
  y->setTickCount(4);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  view = new QChartView(c, this);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(160, 140);
  return c;
}

QLineSeries* ChartsWidget::addSeries(QChart* c, QValueAxis* x, QValueAxis* y, const QString& name) {
  auto* s = new QLineSeries(c);
  s->setObjectName(name);
  s->setName(name);
  s->setUseOpenGL(false);
  c->addSeries(s);
  s->attachAxis(x);
  s->attachAxis(y);
  return s;
}

void ChartsWidget::setWindowSeconds(int s) {
  s = std::clamp(s, 10, kMaxWindowSeconds);
  if (s == window_) return;
  window_ = s;
  if (windowSpin_->value() != s) windowSpin_->setValue(s);
  const size_t cap = ringCapacity();
  alive_ = alive_.resized(cap);
  msgRate_ = msgRate_.resized(cap);
  exitRate_ = exitRate_.resized(cap);
  restartRate_ = restartRate_.resized(cap);
  for (auto& [k, t] : tracks_) t.ring = t.ring.resized(cap);
  flush();
}

void ChartsWidget::setTopN(int n) {
  topN_ = std::clamp(n, 0, 10);
  if (topSpin_->value() != topN_) topSpin_->setValue(topN_);
}

void ChartsWidget::setSelected(std::vector<Pid> pids) { selected_ = std::move(pids); }

void ChartsWidget::observe(const std::vector<TraceEvent>& events) {
  for (const TraceEvent& e : events) {
    switch (e.kind) {
      case TraceKind::Send: msgs_ += e.weight; break;
      case TraceKind::Exit: ++exits_; break;
      case TraceKind::Restart: ++restarts_; break;
      default: break;
    }
  }
}

bool ChartsWidget::sample(const ObserverModel& model, double tSec) {
  if (lastT_ >= 0 && tSec - lastT_ < 1.0 / kSampleHz) return false;
  ChartSample s;
  s.t = tSec;
  s.alive = double(model.processCount());
  const double dt = lastT_ >= 0 ? tSec - lastT_ : 0;
  if (dt > 0) {
    s.messagesPerSec = msgs_ / dt;
    s.exitsPerSec = exits_ / dt;
    s.restartsPerSec = restarts_ / dt;
  }
  msgs_ = exits_ = restarts_ = 0;
  lastT_ = tSec;

  std::vector<const ProcessRecord*> chosen;
  for (Pid p : selected_)
    if (const ProcessRecord* r = model.find(p)) chosen.push_back(r);
  if (topN_ > 0) {
    std::vector<const ProcessRecord*> all;
    all.reserve(model.processCount());
    for (const auto& [k, r] : model.processes())
      if (r.message_queue_len > 0) all.push_back(&r);
    const size_t n = std::min<size_t>(size_t(topN_), all.size());
    std::partial_sort(all.begin(), all.begin() + n, all.end(), [](const ProcessRecord* a, const ProcessRecord* b) {
      return a->message_queue_len != b->message_queue_len ? a->message_queue_len > b->message_queue_len
                                                          : a->pid.serial() < b->pid.serial();
    });
    for (size_t i = 0; i < n; ++i)
      if (std::find(chosen.begin(), chosen.end(), all[i]) == chosen.end()) chosen.push_back(all[i]);
  }
  for (const ProcessRecord* r : chosen) s.queues.push_back({r->pid.serial(), ObserverModel::label(*r), r->message_queue_len});
  addSample(s);
  flush();
  return true;
}

bool ChartsWidget::sampleNow(const ObserverModel& model) { return sample(model, clock_.elapsed() / 1000.0); }

void ChartsWidget::addSample(const ChartSample& s) {
  now_ = s.t;
  alive_.push(s.t, s.alive);
  msgRate_.push(s.t, s.messagesPerSec);
  exitRate_.push(s.t, s.exitsPerSec);
  restartRate_.push(s.t, s.restartsPerSec);
  for (const ChartSample::Queue& q : s.queues) {
    auto it = tracks_.find(q.serial);
    if (it == tracks_.end()) {
      if (tracks_.size() >= kMaxQueueSeries) continue;
      it = tracks_.emplace(q.serial, Track{q.label, PointRing(ringCapacity()), nullptr, s.t}).first;
    }
    it->second.label = q.label;
    it->second.ring.push(s.t, q.length);
    it->second.last = s.t;
  }
  // Processes no longer charted leave once their last point is out of the window.
  for (auto it = tracks_.begin(); it != tracks_.end();) {
    if (it->second.last < s.t - window_) {
      if (it->second.series) {
        queueChart_->removeSeries(it->second.series);
        delete it->second.series;
      }
      it = tracks_.erase(it);
    } else {
      ++it;
    }
  }
}

void ChartsWidget::fill(QLineSeries* s, const PointRing& r, double from, double& maxY) const {
  QList<QPointF> pts;
  pts.reserve(qsizetype(r.size()));
  for (size_t i = 0; i < r.size(); ++i) {
    const auto [x, y] = r.at(i);
    if (x < from) continue;
    pts.append(QPointF(x, y));
    maxY = std::max(maxY, y);
  }
  s->replace(pts);
}

void ChartsWidget::flush() {
  const double from = now_ - window_;
  auto scale = [&](QValueAxis* x, QValueAxis* y, double maxY) {
    x->setRange(std::max(0.0, from), std::max(now_, double(std::min(window_, 10))));
    double top = maxY <= 0 ? 1 : maxY * 1.15;
    if (top > 5) top = std::ceil(top);
    y->setRange(0, top);
    y->setLabelFormat(top < 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
  };
  double m = 0;
  fill(aliveS_, alive_, from, m);
  scale(ax_, ay_, m);
  m = 0;
  fill(msgS_, msgRate_, from, m);
  scale(mx_, my_, m);
  m = 0;
  fill(exitS_, exitRate_, from, m);
  fill(restartS_, restartRate_, from, m);
  scale(ex_, ey_, m);
  m = 0;
  for (auto& [serial, t] : tracks_) {
    if (!t.series) {
      t.series = addSeries(queueChart_, qx_, qy_, QStringLiteral("queue:%1").arg(serial));
    }
    t.series->setName(t.label);
    fill(t.series, t.ring, from, m);
  }
  scale(qx_, qy_, m);
}

void ChartsWidget::clear() {
  for (auto& [k, t] : tracks_)
    if (t.series) {
      queueChart_->removeSeries(t.series);
      delete t.series;
    }
  tracks_.clear();
  alive_.clear();
  msgRate_.clear();
  exitRate_.clear();
  restartRate_.clear();
  msgs_ = exits_ = restarts_ = 0;
  lastT_ = -1;
  now_ = 0;
  clock_.restart();  // a new runtime's charts start at 0 s
  flush();
}

QLineSeries* ChartsWidget::series(const QString& key) const {
  if (key == QLatin1String("alive")) return aliveS_;
  if (key == QLatin1String("messages")) return msgS_;
  if (key == QLatin1String("exits")) return exitS_;
  if (key == QLatin1String("restarts")) return restartS_;
  if (key.startsWith(QLatin1String("queue:"))) {
    auto it = tracks_.find(key.mid(6).toUInt());
    return it == tracks_.end() ? nullptr : it->second.series;
  }
  return nullptr;
}

size_t ChartsWidget::pointsHeld() const {
  size_t n = alive_.size() + msgRate_.size() + exitRate_.size() + restartRate_.size();
  n += size_t(aliveS_->count() + msgS_->count() + exitS_->count() + restartS_->count());
  for (const auto& [k, t] : tracks_) n += t.ring.size() + size_t(t.series ? t.series->count() : 0);
  return n;
}

size_t ChartsWidget::pointCapacity() const { return 2 * ringCapacity() * (4 + kMaxQueueSeries); }

}  // namespace actorscope::views
