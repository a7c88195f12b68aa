#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

/// The command-line options of the app, beside the standard --help and --version.
struct Options {
  QCommandLineOption screenshot{
      QStringLiteral("screenshot"),
      QStringLiteral("Show the main window, save it as a PNG to <file>, then quit."),
      QStringLiteral("file")};
  QCommandLineOption scenario{QStringLiteral("scenario"),
                              QStringLiteral("Start with the scenario <name>."),
                              QStringLiteral("name")};

  void addTo(QCommandLineParser& parser) const {
    parser.setApplicationDescription(
        QStringLiteral("Actorscope: an Erlang-style actor runtime, shown live."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(screenshot);
    parser.addOption(scenario);
  }
};

/// True when the command line only asks for text (--help, --version): no display is needed then.
bool wantsTextOnly(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    for (const char* option : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
      if (std::strcmp(argv[i], option) == 0) return true;
    }
  }
  return false;
}

void setApplicationInfo() {
  QCoreApplication::setApplicationName(QStringLiteral("actorscope"));
  QCoreApplication::setApplicationVersion(QStringLiteral(ACTORSCOPE_VERSION));
  QCoreApplication::setOrganizationName(QStringLiteral("Actorscope"));
}

}  // namespace

int main(int argc, char* argv[]) {
  const Options options;

  if (wantsTextOnly(argc, argv)) {
    QCoreApplication core(argc, argv);
    setApplicationInfo();
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(core);  // prints the help or the version, and exits
    return 0;
  }

  QApplication app(argc, argv);
  setApplicationInfo();
  QApplication::setApplicationDisplayName(QStringLiteral("Actorscope"));
  QApplication::setDesktopFileName(QStringLiteral("actorscope"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/actorscope.svg")));

  QCommandLineParser parser;
  options.addTo(parser);
  parser.process(app);  // exits with a message on unknown options

  actorscope::app::MainWindow window;
  if (parser.isSet(options.scenario)) window.setScenario(parser.value(options.scenario));
  window.show();

  if (parser.isSet(options.screenshot)) {
    const QString file = parser.value(options.screenshot);
    // Let the event loop lay out and paint the window first.
    QTimer::singleShot(300, &window, [&window, file] {
      const QPixmap shot = window.grab();
      if (shot.isNull() || !shot.save(file, "PNG")) {
        std::fprintf(stderr, "actorscope: could not save the screenshot to %s\n",
                     qPrintable(file));
        QCoreApplication::exit(1);
        return;
      }
      std::printf("actorscope: screenshot saved to %s (%dx%d)\n", qPrintable(file), shot.width(),
                  shot.height());
      QCoreApplication::exit(0);
    });
  }
  return QApplication::exec();
}
