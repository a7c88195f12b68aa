#include "AnimationExport.h"
#include "Cli.h"
#include "actorscope/attach.hpp"
#include "Tour.h"
#include "Language.h"
#include "GraphScene.h"
#include "MainWindow.h"
#include "Scenarios.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QSettings>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QPixmap>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <cstring>

namespace {

/// The command-line options of the app, beside the standard --help and --version.
/// To add one: a member here, a line in addTo(), and its effect in apply() or main().
struct Options {
  QCommandLineOption size{QStringLiteral("size"),
                          QStringLiteral("Open the window at <WxH> pixels (default: 1440x900, never larger than the screen)."),
                          QStringLiteral("WxH")};
  QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                QStringLiteral("Show the main window, save it as a PNG to <file>, then quit."),
                                QStringLiteral("file")};
  QCommandLineOption after{QStringLiteral("after"),
                           QStringLiteral("With --screenshot: run for <ms> milliseconds first (default 1500)."),
                           QStringLiteral("ms"), QStringLiteral("1500")};
  QCommandLineOption scenario{QStringLiteral("scenario"), QStringLiteral("Start with the scenario <name>."),
                              QStringLiteral("name")};
  QCommandLineOption listScenarios{QStringLiteral("list-scenarios"),
                                   QStringLiteral("Print every scenario's name and one line about it, then quit.")};
  QCommandLineOption slowMotion{QStringLiteral("slow-motion"),
                                QStringLiteral("Delay every signal by <ms> milliseconds per hop (0-2000)."),
                                QStringLiteral("ms")};
  QCommandLineOption threads{QStringLiteral("threads"), QStringLiteral("Runtime worker threads (live mode)."),
                             QStringLiteral("n")};
  QCommandLineOption deterministic{QStringLiteral("deterministic"),
                                   QStringLiteral("Run the runtime in deterministic (steppable) mode.")};
  QCommandLineOption semantics{QStringLiteral("semantics"),
                               QStringLiteral("The runtime's rules: beam (default) or ergo (the Ergo Framework's links, "
                                              "monitors and queues); also for --record."),
                               QStringLiteral("beam|ergo")};
  QCommandLineOption kill{QStringLiteral("kill"),
                          QStringLiteral("Kill the process registered as <name> (or with that pid) after --kill-at ms."),
                          QStringLiteral("name")};
  QCommandLineOption killAt{QStringLiteral("kill-at"), QStringLiteral("When --kill acts, in ms (default 800)."),
                            QStringLiteral("ms"), QStringLiteral("800")};

  QCommandLineOption select{QStringLiteral("select"),
                            QStringLiteral("Select the process registered as <name> (or with that pid) at start."),
                            QStringLiteral("name")};
  QCommandLineOption preview{QStringLiteral("preview-kill"),
                             QStringLiteral("With --select: show the blast radius of killing it.")};

  QCommandLineOption palette{QStringLiteral("palette"),
                             QStringLiteral("Use a <light> or <dark> palette instead of the system's."),
                             QStringLiteral("light|dark")};

  QCommandLineOption lang{QStringLiteral("lang"),
                          QStringLiteral("The window's language: en, ru or zh_CN (default: the one chosen in View > Language, else the system's)."),
                          QStringLiteral("code")};
  QCommandLineOption tab{QStringLiteral("tab"), QStringLiteral("Show the tab <name>: graph or processes."),
                         QStringLiteral("name")};
  QCommandLineOption runScript{QStringLiteral("run-script"),
                               QStringLiteral("Open the window and run the Elixir script <file> in the console's live session."),
                               QStringLiteral("file")};

  QCommandLineOption presentationLog{QStringLiteral("presentation-log"),
                                     QStringLiteral("Write what the graph presents, and when, to <file> (JSON Lines, docs/presentation-log.md)."),
                                     QStringLiteral("file")};

  // Headless modes and replay (Cli.h).
  QCommandLineOption script{QStringLiteral("script"),
                            QStringLiteral("Run the Elixir script <file> without a window, print what elixir prints, exit with its status."),
                            QStringLiteral("file")};
  QCommandLineOption timeLimit{QStringLiteral("time-limit"), QStringLiteral("With --script: stop after <ms> (default 10000, 0 = none)."),
                               QStringLiteral("ms"), QStringLiteral("10000")};
  QCommandLineOption record{QStringLiteral("record"), QStringLiteral("Record --scenario for --duration ms to <file> (JSON Lines), without a window."),
                            QStringLiteral("file")};
  QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("With --record: how long, in ms (default 2000)."),
                              QStringLiteral("ms"), QStringLiteral("2000")};
  QCommandLineOption headless{QStringLiteral("headless"), QStringLiteral("No window (implied by --script and --record).")};
  QCommandLineOption replay{QStringLiteral("replay"),
                            QStringLiteral("Open the recording <file> in the timeline and play it from its start (the live scenario waits, paused)."),
                            QStringLiteral("file")};
  QCommandLineOption exportAnimation{
      QStringLiteral("export-animation"),
      QStringLiteral("With --replay: render the whole recording as an animation to <file> (.mp4 or .gif, through ffmpeg) "
                     "or, for an existing directory, as PNG frames into it; at --speed (default 1) and --size (default "
                     "1280x720); then quit."),
      QStringLiteral("file")};
  // An attached node (issue: attach).
  QCommandLineOption attachNode{QStringLiteral("attach"),
                                QStringLiteral("Attach to the live Erlang/Elixir node <name@host> (OTP 25+) instead of a scenario; "
                                               "give it again for more nodes of a cluster (one picture); "
                                               "with --record and --headless, record it for --duration ms."),
                                QStringLiteral("node")};
  QCommandLineOption cookie{QStringLiteral("cookie"), QStringLiteral("With --attach: the node's cookie (default: $ACTORSCOPE_COOKIE, else ~/.erlang.cookie; the environment keeps it out of ps)."),
                            QStringLiteral("cookie")};
  QCommandLineOption readOnly{QStringLiteral("read-only"), QStringLiteral("With --attach: observe only; every action is refused.")};
  QCommandLineOption speed{QStringLiteral("speed"), QStringLiteral("With --replay: playback speed, 0.1 to 10 (default 1; 0 = stay at the start)."),
                           QStringLiteral("x"), QStringLiteral("1")};

  void addTo(QCommandLineParser& parser) const {
    parser.setApplicationDescription(QStringLiteral("Actorscope: an Erlang-style actor runtime, shown live."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const auto* o : {&size, &screenshot, &after, &scenario, &listScenarios, &slowMotion, &threads, &deterministic, &semantics, &kill, &killAt, &select, &preview, &palette, &lang, &tab, &runScript, &presentationLog, &script, &timeLimit, &record, &duration, &headless, &replay, &exportAnimation, &speed, &attachNode, &cookie, &readOnly})
      parser.addOption(*o);
  }
};

/// True when the command line only asks for text (--help, --version, --list-scenarios): no
/// display is needed then.
bool wantsTextOnly(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    for (const char* option : {"-h", "--help", "-?", "--help-all", "-v", "--version", "--list-scenarios"}) {
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

/// A dark palette (a darkened room, a projector), for Fusion.
QPalette darkPalette() {
  QPalette p;
  const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xea, 0xee), mid(0x4a, 0x4d, 0x55);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
  p.setColor(QPalette::ToolTipBase, window);
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa8));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::Button, window);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Light, QColor(0x3a, 0x3d, 0x44));
  p.setColor(QPalette::Midlight, QColor(0x34, 0x37, 0x3d));
  p.setColor(QPalette::Mid, mid);
  p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, QColor(0x2f, 0x7b, 0xd6));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x6a, 0xb0, 0xff));
  for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
    p.setColor(QPalette::Disabled, role, QColor(0x80, 0x84, 0x8c));
  return p;
}

int fail(const QString& message) {
  std::fprintf(stderr, "actorscope: %s\n", qPrintable(message));
  return 2;
}

/// --semantics, or an error naming the bad value (nullopt and `error` set).
std::optional<actorscope::Semantics> semanticsValue(const QCommandLineParser& p, const QCommandLineOption& o, QString* error) {
  if (!p.isSet(o)) return actorscope::Semantics::Beam;
  const QString v = p.value(o);
  if (auto s = actorscope::app::semanticsNamed(v)) return s;
  *error = QStringLiteral("--semantics wants beam or ergo, not '%1'").arg(v);
  return std::nullopt;
}

/// Parses a non-negative integer option; -1 when it is not one.
int intValue(const QCommandLineParser& p, const QCommandLineOption& o, int max) {
  bool ok = false;
  const int v = p.value(o).toInt(&ok);
  return ok && v >= 0 && v <= max ? v : -1;
}

/// --size WxH, each side in [min, max]; an empty size when it is not that.
QSize sizeValue(const QCommandLineParser& p, const QCommandLineOption& o, QSize min, QSize max) {
  const QStringList wh = p.value(o).split(QLatin1Char('x'));
  const QSize s(wh.size() == 2 ? wh[0].toInt() : 0, wh.size() == 2 ? wh[1].toInt() : 0);
  return s.width() >= min.width() && s.height() >= min.height() && s.width() <= max.width() && s.height() <= max.height()
             ? s
             : QSize();
}

}  // namespace

int main(int argc, char* argv[]) {
  const Options options;

  if (wantsTextOnly(argc, argv)) {
    QCoreApplication core(argc, argv);
    setApplicationInfo();
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(core);  // prints the help or the version and exits, or fails on unknown options
    if (parser.isSet(options.listScenarios)) {
      for (const auto& s : actorscope::app::scenarioList())
        std::printf("%-16s %s\n", qPrintable(s.name), qPrintable(s.title));
    }
    return 0;
  }

  if (actorscope::app::wantsHeadless(argc, argv)) {
    QCoreApplication core(argc, argv);
    setApplicationInfo();
    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(core);
    int threads = -1;
    if (parser.isSet(options.threads) && (threads = intValue(parser, options.threads, 1024)) < 0)
      return fail(QStringLiteral("--threads wants a number"));
    QString semanticsError;
    const auto semantics = semanticsValue(parser, options.semantics, &semanticsError);
    if (!semantics) return fail(semanticsError);
    if (parser.isSet(options.script)) {
      if (*semantics != actorscope::Semantics::Beam)
        return fail(QStringLiteral("--script runs on the BEAM's rules only; --semantics ergo is for the window and --record"));
      const int limit = intValue(parser, options.timeLimit, 86'400'000);
      if (limit < 0) return fail(QStringLiteral("--time-limit wants milliseconds"));
      return actorscope::app::runScript(parser.value(options.script), parser.isSet(options.deterministic),
                                        unsigned(std::max(threads, 0)), limit);
    }
    if (parser.isSet(options.record) && parser.isSet(options.attachNode)) {
      const int duration = intValue(parser, options.duration, 86'400'000);
      if (duration < 0) return fail(QStringLiteral("--duration wants milliseconds"));
      if (parser.values(options.attachNode).size() > 1)
        return fail(QStringLiteral("--record records one node: give --attach once (a cluster is attached in the window)"));
      actorscope::attach::Options o;
      o.node = parser.value(options.attachNode).toStdString();
      o.cookie = parser.value(options.cookie).toStdString();
      o.read_only = parser.isSet(options.readOnly);
      std::ostringstream err;
      const int status = actorscope::attach::record_attached(o, duration, parser.value(options.record).toStdString(), std::cout, err);
      std::istringstream lines(err.str());
      for (std::string line; std::getline(lines, line);)
        if (!line.empty()) std::fprintf(stderr, "actorscope: %s\n", line.c_str());
      return status;
    }
    if (parser.isSet(options.record)) {
      const QString scenario = parser.isSet(options.scenario) ? parser.value(options.scenario)
                                                              : actorscope::app::defaultScenario();
      const int duration = intValue(parser, options.duration, 3'600'000);
      if (duration < 0) return fail(QStringLiteral("--duration wants milliseconds"));
      return actorscope::app::runRecord(parser.value(options.record), scenario, duration, true,
                                        unsigned(std::max(threads, 0)), *semantics);
    }
    if (parser.isSet(options.attachNode))
      return fail(QStringLiteral("--attach with --headless wants --record FILE (and --duration MS)"));
    return fail(QStringLiteral("--headless wants --script FILE or --record FILE"));
  }

  {
    // What can be checked before a display is needed is checked first: a bad option exits 2
    // with its reason, on a machine with a display or without.
    QCommandLineParser pre;
    options.addTo(pre);
    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    QString semanticsError;
    if (pre.parse(args) && !semanticsValue(pre, options.semantics, &semanticsError)) return fail(semanticsError);
    if (pre.parse(args) && pre.isSet(options.scenario)) {
      const QString want = pre.value(options.scenario);
      bool known = false;
      QStringList names;
      for (const auto& sc : actorscope::app::scenarioList()) {
        known = known || sc.name == want;
        names << sc.name;
      }
      if (!known)
        return fail(QStringLiteral("no scenario '%1' (there are: %2)").arg(want, names.join(QStringLiteral(", "))));
    }
    const bool display = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
                         qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || args.contains(QStringLiteral("-platform"));
    if (!display)
      return fail(QStringLiteral("no display to open the window on: run it in a desktop session, under xvfb-run, "
                                 "or with QT_QPA_PLATFORM=offscreen (with --screenshot); --script and --record need none"));
  }

  QApplication app(argc, argv);
  setApplicationInfo();
  QApplication::setApplicationDisplayName(QStringLiteral("Actorscope"));
  QApplication::setDesktopFileName(QStringLiteral("actorscope"));
  actorscope::app::initResources();
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/actorscope.svg")));

  QCommandLineParser parser;
  options.addTo(parser);
  parser.process(app);  // exits with a message on unknown options
  if (!parser.positionalArguments().isEmpty())
    return fail(QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().first()));

  const QString scenario = parser.isSet(options.scenario) ? parser.value(options.scenario)
                                                          : actorscope::app::defaultScenario();
  if (!actorscope::app::hasScenario(scenario))
    return fail(QStringLiteral("unknown scenario '%1' (try --list-scenarios)").arg(scenario));
  int slow = -1, threads = -1, after = -1, killAt = -1;
  if (parser.isSet(options.slowMotion) && (slow = intValue(parser, options.slowMotion, 2000)) < 0)
    return fail(QStringLiteral("--slow-motion wants milliseconds from 0 to 2000"));
  if (parser.isSet(options.threads) && (threads = intValue(parser, options.threads, 1024)) < 0)
    return fail(QStringLiteral("--threads wants a number"));
  if ((after = intValue(parser, options.after, 3'600'000)) < 0) return fail(QStringLiteral("--after wants milliseconds"));
  if ((killAt = intValue(parser, options.killAt, 3'600'000)) < 0) return fail(QStringLiteral("--kill-at wants milliseconds"));
  if (parser.isSet(options.runScript) && !QFileInfo(parser.value(options.runScript)).isReadable())
    return fail(QStringLiteral("--run-script: cannot read '%1'").arg(parser.value(options.runScript)));
  if (parser.isSet(options.palette)) {
    const QString which = parser.value(options.palette);
    if (which != QStringLiteral("light") && which != QStringLiteral("dark"))
      return fail(QStringLiteral("--palette wants light or dark"));
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(which == QStringLiteral("dark") ? darkPalette() : QApplication::style()->standardPalette());
  }

  {
    // The language, before the first widget reads its texts.
    QString lang = parser.value(options.lang);
    if (lang.isEmpty()) lang = QSettings().value(QStringLiteral("view/language")).toString();
    if (lang.isEmpty()) lang = actorscope::app::matchLanguage(QLocale::system().uiLanguages());
    QString error;
    if (!actorscope::app::installLanguage(app, lang, &error)) {
      if (parser.isSet(options.lang)) return fail(QStringLiteral("--lang: %1").arg(error));
      std::fprintf(stderr, "actorscope: %s; the window stays in English\n", qPrintable(error));
    }
  }

  if (parser.isSet(options.exportAnimation)) {
    if (!parser.isSet(options.replay)) return fail(QStringLiteral("--export-animation wants --replay FILE"));
    const auto loaded = actorscope::load_recording(parser.value(options.replay).toStdString());
    if (!loaded.header_ok && !loaded.errors.empty())
      return fail(QStringLiteral("--replay: %1").arg(QString::fromStdString(loaded.errors.front())));
    actorscope::app::AnimationOptions opts;
    if (parser.isSet(options.speed)) {
      bool ok = false;
      opts.speed = parser.value(options.speed).toDouble(&ok);
      if (!ok || opts.speed < 0.1 || opts.speed > 10) return fail(QStringLiteral("--speed wants a number from 0.1 to 10"));
    }
    if (parser.isSet(options.size) && !(opts.size = sizeValue(parser, options.size, {16, 16}, {7680, 4320})).isValid())
      return fail(QStringLiteral("--size wants WIDTHxHEIGHT, for example 1280x720 (16x16 to 7680x4320)"));
    const auto& rec = loaded.recording;
    if (rec.events.empty()) return fail(QStringLiteral("--replay: the recording holds no events"));
    const QString target = parser.value(options.exportAnimation);
    const int64_t from = rec.events.front().time_ns, to = rec.events.back().time_ns;
    const auto r = QFileInfo(target).isDir() ? actorscope::app::renderAnimationFrames(rec, from, to, target, opts)
                                             : actorscope::app::exportAnimation(rec, from, to, target, opts);
    if (!r.ok()) return fail(QStringLiteral("--export-animation: %1").arg(r.error));
    std::printf("actorscope: %d frames to %s%s\n", r.frames, qPrintable(target), r.cut ? " (cut at two minutes)" : "");
    return 0;
  }

  actorscope::app::MainWindow window;
  if (parser.isSet(options.presentationLog)) {
    auto* log = new QFile(parser.value(options.presentationLog), &window);
    if (!log->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
      return fail(QStringLiteral("--presentation-log: cannot write '%1': %2").arg(log->fileName(), log->errorString()));
    window.graphScene()->setPresentationLog([log](const QByteArray& line) {
      log->write(line);
      log->write("\n");
    });
  }
  if (slow >= 0) window.setSlowMotion(slow);
  if (threads >= 0) window.setThreads(unsigned(threads));
  if (parser.isSet(options.deterministic)) window.setRunMode(actorscope::views::RunMode::Deterministic);
  {
    QString error;
    const auto semantics = semanticsValue(parser, options.semantics, &error);
    if (!semantics) return fail(error);
    window.setSemantics(*semantics);
  }
  window.setScenario(scenario);
  if (parser.isSet(options.attachNode)) {
    // Each --attach NODE after the first joins the picture (a cluster).
    bool first = true;
    for (const QString& node : parser.values(options.attachNode)) {
      actorscope::attach::Options o;
      o.node = node.toStdString();
      o.cookie = parser.value(options.cookie).toStdString();
      o.read_only = parser.isSet(options.readOnly);
      QString why;
      if (!window.attachTo(o, &why, false, !first)) {
        std::fprintf(stderr, "actorscope: %s\n", qPrintable(why));
        if (parser.isSet(options.screenshot)) return 2;  // a scripted run: no picture of the wrong thing
      }
      first = false;
    }
  }
  if (parser.isSet(options.replay)) {
    bool ok = false;
    const double speed = parser.value(options.speed).toDouble(&ok);
    if (!ok || (speed != 0 && (speed < 0.1 || speed > 10))) return fail(QStringLiteral("--speed wants 0 or a number from 0.1 to 10"));
    if (!actorscope::app::openReplay(window, parser.value(options.replay), speed)) return 1;
  }
  if (parser.isSet(options.tab) && !window.showTab(parser.value(options.tab)))
    return fail(QStringLiteral("--tab wants graph or processes"));
  if (parser.isSet(options.size)) {
    const QSize size = sizeValue(parser, options.size, {320, 240}, {16384, 16384});
    if (!size.isValid()) return fail(QStringLiteral("--size wants WIDTHxHEIGHT, for example 1280x720 (from 320x240)"));
    window.resize(size);
  }
  window.show();
  // The first start on this machine, as a person starts it: the tour (not for screenshots or
  // scripted runs).
  if (actorscope::app::Tour::firstRun() && !parser.isSet(options.screenshot) && !parser.isSet(options.runScript) &&
      !parser.isSet(options.replay) && !parser.isSet(options.presentationLog) &&
      QGuiApplication::platformName() != QStringLiteral("offscreen"))
    QTimer::singleShot(600, &window, [&window] { window.showTour(); });
  if (parser.isSet(options.runScript)) window.runScriptFile(parser.value(options.runScript));  // once the shell starts

  if (parser.isSet(options.kill)) {
    const QString name = parser.value(options.kill);
    QTimer::singleShot(killAt, &window, [&window, name] {
      if (!window.killByName(name)) std::fprintf(stderr, "actorscope: --kill: no process '%s'\n", qPrintable(name));
    });
  }
  if (parser.isSet(options.select)) {
    const QString name = parser.value(options.select);
    const bool preview = parser.isSet(options.preview);
    QTimer::singleShot(std::min(after / 2, 1000), &window, [&window, name, preview] {
      if (!window.selectByName(name, preview))
        std::fprintf(stderr, "actorscope: --select: no process '%s'\n", qPrintable(name));
    });
  }
  if (parser.isSet(options.screenshot)) {
    const QString file = parser.value(options.screenshot);
    QTimer::singleShot(after, &window, [&window, file] {
      window.tick();
      const QPixmap shot = window.grab();
      if (shot.isNull() || !shot.save(file, "PNG")) {
        std::fprintf(stderr, "actorscope: could not save the screenshot to %s\n", qPrintable(file));
        QCoreApplication::exit(1);
        return;
      }
      std::printf("actorscope: screenshot saved to %s (%dx%d)\n", qPrintable(file), shot.width(), shot.height());
      QCoreApplication::exit(0);
    });
  }
  return QApplication::exec();
}
