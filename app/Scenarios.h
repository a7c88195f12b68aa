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

/// The runtime scenarios' titles and descriptions, for lupdate (app/ScenarioTexts.cpp).
extern const char* const kScenarioTexts[];
extern const size_t kScenarioTextCount;

/// Every scenario, the default first (titles and descriptions in the window's language).
QList<ScenarioInfo> scenarioList();
bool hasScenario(const QString& name);
ScenarioInfo scenarioInfo(const QString& name);
/// The scenario a new user sees.
QString defaultScenario();
/// Builds `name` into a runtime (on the runtime host's driver thread).
views::ScenarioBuilder scenarioBuilder(const QString& name);

/// The resource path of the script that does what scenario `name` does
/// (":/scenarios/link_chain.exs" for "link-chain"), or "" when it has none.
QString scenarioScriptPath(const QString& name);
/// That script's source ("" when none).
QString scenarioScript(const QString& name);

/// Registers the app's resources (icon, scenario scripts), which live in this static library.
/// Idempotent; call before using a ":/" path. GUI thread.
void initResources();

}  // namespace actorscope::app
