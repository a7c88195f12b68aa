#include "Cli.h"

#include "MainWindow.h"
#include "ObserverModel.h"
#include "TimelineWidget.h"

#include "actorscope/console/script.hpp"
#include "actorscope/headless.hpp"
#include "actorscope/recording.hpp"
#include "actorscope/replay.hpp"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

namespace actorscope::app {

bool wantsHeadless(int argc, char* argv[]) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) return false;
    for (const char* option : {"--script", "--record", "--headless"}) {
      const size_t n = std::strlen(option);
      if (std::strncmp(argv[i], option, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '=')) return true;
    }
  }
  return false;
}

int runScript(const QString& path, bool deterministic, unsigned threads, long long timeLimitMs) {
  console::ScriptOptions opts;
  opts.deterministic = deterministic;
  opts.threads = threads;
  opts.time_limit_ms = timeLimitMs;
  const int status = console::run_script_file(path.toStdString(), std::cout, std::cerr, opts);
  std::cout.flush();
  std::cerr.flush();
  if (status == console::kScriptNoFile)
    std::fprintf(stderr, "actorscope: cannot read the script %s\n", qPrintable(path));
  return status;
}

std::optional<Semantics> semanticsNamed(const QString& name) {
  for (Semantics s : {Semantics::Beam, Semantics::Ergo})
    if (name.compare(QLatin1String(to_string(s)), Qt::CaseInsensitive) == 0) return s;
  return std::nullopt;
}

int runRecord(const QString& path, const QString& scenario, long long durationMs, bool deterministic,
              unsigned threads, Semantics semantics) {
  HeadlessOptions opts;
  opts.deterministic = deterministic;
  opts.threads = threads;
  opts.semantics = semantics;
  std::ostringstream err;
  const int status = record_headless(scenario.toStdString(), {}, durationMs, path.toStdString(), err, opts);
  std::istringstream lines(err.str());
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) std::fprintf(stderr, "actorscope: %s\n", line.c_str());
  if (status == 0) std::printf("actorscope: recorded %s for %lld ms to %s\n", qPrintable(scenario), durationMs, qPrintable(path));
  return status;
}

bool openReplay(MainWindow& window, const QString& path, double speed) {
  QStringList errors;
  const bool ok = window.openRecording(path, &errors);
  for (const QString& e : errors) {
    if (e.startsWith(path))
      std::fprintf(stderr, "actorscope: %s\n", qPrintable(e));
    else
      std::fprintf(stderr, "actorscope: %s: %s\n", qPrintable(path), qPrintable(e));
  }
  if (!ok) {
    if (errors.isEmpty()) std::fprintf(stderr, "actorscope: %s: not a recording\n", qPrintable(path));
    return false;
  }
  if (speed > 0) window.timeline()->play(1, speed);
  return true;
}

}  // namespace actorscope::app
