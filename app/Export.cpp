#include "Export.h"

#include "GraphScene.h"
#include "GraphView.h"
#include "ObserverModel.h"

#include "actorscope/exporters.hpp"

#include <QFile>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <vector>

namespace actorscope::app {

namespace {
bool writeText(const QString& path, const std::string& text, QString& error) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly)) {
    error = f.errorString();
    return false;
  }
  f.write(text.data(), qint64(text.size()));
  if (!f.commit()) {
    error = f.errorString();
    return false;
  }
  return true;
}
}  // namespace

Exporter::Exporter(views::ObserverModel* model, views::GraphView* view, QWidget* dialogParent)
    : QObject(dialogParent), model_(model), view_(view), parent_(dialogParent) {
  connect(model_, &views::ObserverModel::updated, this, &Exporter::onUpdated);
}

void Exporter::clear() {
  events_.clear();
  seqs_.clear();
}

void Exporter::onUpdated(const views::ModelDelta& d) {
  if (!d.events) return;
  // The timeline's jumps feed the model events it had seen already: each seq is kept once.
  for (const TraceEvent& e : *d.events)
    if (seqs_.insert(e.seq).second) events_.push_back(e);
  while (events_.size() > kMaxEvents) {
    seqs_.erase(events_.front().seq);
    events_.pop_front();
  }
}

Snapshot Exporter::snapshot() const {
  Snapshot s = model_->graph().snapshot();  // the picture's processes, sorted by serial
  s.seq = model_->lastSnapshotSeq();
  return s;
}

bool Exporter::exportPng(const QString& path, QString& error) const {
  QGraphicsScene* scene = view_->scene();
  QRectF r = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
  if (r.isEmpty()) r = QRectF(0, 0, 400, 300);
  const double scale = std::clamp(1600.0 / std::max(r.width(), r.height()), 0.25, 2.0);
  QImage img((r.size() * scale).toSize().expandedTo(QSize(16, 16)), QImage::Format_ARGB32_Premultiplied);
  img.fill(view_->palette().color(QPalette::Base));
  {
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    scene->render(&p, QRectF(QPointF(0, 0), QSizeF(img.size())), r);
  }
  if (!img.save(path, "PNG")) {
    error = QObject::tr("cannot write %1").arg(path);
    return false;
  }
  return true;
}

bool Exporter::exportSvg(const QString& path, QString& error) const {
  QGraphicsScene* scene = view_->scene();
  QRectF r = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
  if (r.isEmpty()) r = QRectF(0, 0, 400, 300);
  QSvgGenerator gen;
  gen.setFileName(path);
  gen.setSize(r.size().toSize());
  gen.setViewBox(QRectF(QPointF(0, 0), r.size()));
  gen.setTitle(QStringLiteral("Actorscope graph"));
  gen.setDescription(QStringLiteral("Processes, links and monitors"));
  QPainter p;
  if (!p.begin(&gen)) {
    error = QObject::tr("cannot write %1").arg(path);
    return false;
  }
  p.setRenderHint(QPainter::Antialiasing);
  scene->render(&p, QRectF(QPointF(0, 0), r.size()), r);
  p.end();
  if (!QFile::exists(path) || QFile(path).size() == 0) {
    error = QObject::tr("cannot write %1").arg(path);
    return false;
  }
  return true;
}

bool Exporter::exportCsv(const QString& path, QString& error) const { return writeText(path, export_csv(snapshot()), error); }

bool Exporter::exportDot(const QString& path, QString& error) const { return writeText(path, export_dot(snapshot()), error); }

bool Exporter::exportJsonl(const QString& path, QString& error) const {
  // In trace order: the playhead presents independent processes' events out of seq order.
  std::vector<TraceEvent> events(events_.begin(), events_.end());
  std::stable_sort(events.begin(), events.end(), [](const TraceEvent& a, const TraceEvent& b) { return a.seq < b.seq; });
  return writeText(path, export_jsonl(events), error);
}

void Exporter::ask(const QString& title, const QString& filter, const QString& suffix,
                   bool (Exporter::*fn)(const QString&, QString&) const) {
  QFileDialog dialog(parent_, title, QString(), filter);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  dialog.setDefaultSuffix(suffix);
  dialog.selectFile(QStringLiteral("actorscope.") + suffix);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  const QString path = dialog.selectedFiles().first();
  QString error;
  if (!(this->*fn)(path, error)) QMessageBox::warning(parent_, title, QObject::tr("Export failed: %1").arg(error));
}

void Exporter::addActions(QMenu* menu) {
  QMenu* m = menu->addMenu(tr("&Export"));
  m->setObjectName(QStringLiteral("exportMenu"));
  auto add = [this, m](const QString& text, const QString& name, const QString& filter, const QString& suffix,
                       bool (Exporter::*fn)(const QString&, QString&) const) {
    QAction* a = m->addAction(text, this, [this, text, filter, suffix, fn] { ask(text, filter, suffix, fn); });
    a->setObjectName(name);
  };
  add(tr("Graph as &PNG..."), QStringLiteral("exportPngAction"), tr("PNG images (*.png)"), QStringLiteral("png"), &Exporter::exportPng);
  add(tr("Graph as &SVG..."), QStringLiteral("exportSvgAction"), tr("SVG images (*.svg)"), QStringLiteral("svg"), &Exporter::exportSvg);
  add(tr("Process table as &CSV..."), QStringLiteral("exportCsvAction"), tr("CSV files (*.csv)"), QStringLiteral("csv"), &Exporter::exportCsv);
  add(tr("Event log as &JSON Lines..."), QStringLiteral("exportJsonlAction"), tr("JSON Lines (*.jsonl)"), QStringLiteral("jsonl"), &Exporter::exportJsonl);
  add(tr("Topology as &DOT..."), QStringLiteral("exportDotAction"), tr("Graphviz DOT (*.dot *.gv)"), QStringLiteral("dot"), &Exporter::exportDot);
}

}  // namespace actorscope::app
