#include "Scenarios.h"

#include "DemoProcesses.h"

#include "actorscope/scenarios.hpp"

#include <QCoreApplication>
#include <QFile>

#include <stdexcept>

// Q_INIT_RESOURCE must be used outside a namespace.
static void initAppResources() { Q_INIT_RESOURCE(actorscope); }

namespace actorscope::app {

namespace {
QList<ScenarioInfo> own() {
  return {
      {QStringLiteral("demo"), QCoreApplication::translate("Scenario", "Demo: a small KV tree made of plain processes"),
       QCoreApplication::translate("Scenario", "A key-value store as in the Elixir guide: :kv_sup supervises a :registry, a :bucket_sup "
                      "with three buckets, and :events. A :client monitors the registry and sends it traffic; "
                      ":left and :right are linked, and :right traps exits.\n\n"
                      "Try: kill bucket_2 (select it, press K) and watch the EXIT travel to :bucket_sup, which "
                      "restarts it in place. Kill :registry and watch the DOWN reach :client. Kill :left: "
                      ":right traps the exit and gets an {:EXIT, ...} message instead of dying. Hover Kill to "
                      "preview the blast radius.")},
      {QStringLiteral("empty"), QCoreApplication::translate("Scenario", "Empty: your own playground"),
       QCoreApplication::translate("Scenario", "No processes. Spawn some from the palette (Process > Spawn), link them with Shift+drag, "
                      "monitor with Ctrl+Shift+drag, and see what an exit does.")},
  };
}
}  // namespace

QList<ScenarioInfo> scenarioList() {
  QList<ScenarioInfo> all;
  for (const actorscope::ScenarioInfo& s : actorscope::scenarios())
    all.push_back({QString::fromStdString(s.name), QCoreApplication::translate("Scenario", s.title.c_str()),
                   QCoreApplication::translate("Scenario", s.description.c_str())});
  all += own();
  return all;
}

bool hasScenario(const QString& name) {
  for (const auto& s : scenarioList())
    if (s.name == name) return true;
  return false;
}

ScenarioInfo scenarioInfo(const QString& name) {
  for (const auto& s : scenarioList())
    if (s.name == name) return s;
  return {};
}

QString defaultScenario() { return QString::fromUtf8(kDefaultScenario.data(), qsizetype(kDefaultScenario.size())); }

views::ScenarioBuilder scenarioBuilder(const QString& name) {
  if (name == QStringLiteral("demo")) return [](Runtime& rt) { buildDemo(rt); };
  if (find_scenario(name.toStdString())) {
    return [n = name.toStdString()](Runtime& rt) {
      const ScenarioResult r = build_scenario(rt, n);
      if (!r.ok) throw std::runtime_error(r.error);
    };
  }
  if (name == QStringLiteral("empty")) return [](Runtime&) {};
  return {};
}

QString scenarioScriptPath(const QString& name) {
  initResources();
  QString file = name;
  file.replace(QLatin1Char('-'), QLatin1Char('_'));
  const QString path = QStringLiteral(":/scenarios/%1.exs").arg(file);
  return !name.isEmpty() && QFile::exists(path) ? path : QString();
}

QString scenarioScript(const QString& name) {
  const QString path = scenarioScriptPath(name);
  QFile f(path);
  if (path.isEmpty() || !f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
  return QString::fromUtf8(f.readAll());
}

void initResources() {
  static const bool done = [] {
    initAppResources();
    return true;
  }();
  (void)done;
}

}  // namespace actorscope::app
