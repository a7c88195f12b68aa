// actorscope-image-check FILE.png [--min-colors N] [--min-detail PERCENT]
// Says whether a screenshot shows a drawn window rather than a blank one, for CI's check of the
// README's run command. Prints the image's size, its number of distinct colours and the share of
// pixels that differ from the most common colour; exits 0 when both reach their minimum, 1 when
// the picture is blank (or nearly), 2 when the file cannot be read or the arguments are wrong.
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QString>
#include <QStringList>

#include <cstdio>

namespace {

int usage(const char* why) {
  std::fprintf(stderr, "actorscope-image-check: %s\nusage: actorscope-image-check FILE.png [--min-colors N] [--min-detail PERCENT]\n", why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = app.arguments().mid(1);
  QString file;
  int min_colors = 16;
  double min_detail = 2.0;
  for (qsizetype i = 0; i < args.size(); ++i) {
    bool ok = true;
    if (args[i] == QLatin1String("--min-colors") && i + 1 < args.size()) {
      min_colors = args[++i].toInt(&ok);
    } else if (args[i] == QLatin1String("--min-detail") && i + 1 < args.size()) {
      min_detail = args[++i].toDouble(&ok);
    } else if (file.isEmpty() && !args[i].startsWith(QLatin1String("--"))) {
      file = args[i];
    } else {
      return usage(qPrintable(QStringLiteral("unknown argument '%1'").arg(args[i])));
    }
    if (!ok) return usage(qPrintable(QStringLiteral("'%1' needs a number").arg(args[i - 1])));
  }
  if (file.isEmpty()) return usage("no file given");
  QImage image(file);
  if (image.isNull()) {
    std::fprintf(stderr, "actorscope-image-check: %s: not a readable image\n", qPrintable(file));
    return 2;
  }
  image = image.convertToFormat(QImage::Format_RGB32);
  QHash<QRgb, qint64> counts;
  for (int y = 0; y < image.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); ++x) ++counts[line[x]];
  }
  qint64 most = 0;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) most = std::max(most, it.value());
  const qint64 total = qint64(image.width()) * image.height();
  const double detail = total ? 100.0 * double(total - most) / double(total) : 0.0;
  const bool drawn = counts.size() >= min_colors && detail >= min_detail;
  std::printf("%s: %dx%d, %lld colours, %.1f%% of the pixels differ from the background: %s\n", qPrintable(file),
              image.width(), image.height(), static_cast<long long>(counts.size()), detail,
              drawn ? "drawn" : "BLANK");
  return drawn ? 0 : 1;
}
