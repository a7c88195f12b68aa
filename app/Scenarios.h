#pragma once
// Scenarios: the built-in scenarios the app offers (picker, --scenario, --list-scenarios).
// Uses the runtime's scenario library when it is there, plus the app's own demo.

#include "RuntimeHost.h"

#include <QList>
#include <QString>

namespace actorscope::app {

struct ScenarioInfo {
  QString name;
  QString title;
  QString description;  // what to try, in a few sentences
};

/// Every scenario, the default first.
QList<ScenarioInfo> scenarioList();
bool hasScenario(const QString& name);
ScenarioInfo scenarioInfo(const QString& name);
/// The scenario a new user sees.
QString defaultScenario();
/// Builds `name` into a runtime (on the runtime host's driver thread).
views::ScenarioBuilder scenarioBuilder(const QString& name);

}  // namespace actorscope::app
