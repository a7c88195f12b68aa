#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (new strings are added unfinished,
# vanished ones marked obsolete). Translate them in Qt Linguist (linguist-qt6) or by editing the
# XML; the build turns them into .qm files (app/CMakeLists.txt).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[[ -x $LUPDATE ]] || { echo "update-translations.sh: $LUPDATE not found (apt-get install qt6-l10n-tools)" >&2; exit 1; }
# The runtime's scenario texts (Qt-free) reach lupdate through a generated list.
BUILD_DIR=${BUILD_DIR:-build}
cmake --build "$BUILD_DIR" --target actorscope-scenario-texts >/dev/null
"$BUILD_DIR/tests/tools/actorscope-scenario-texts" > app/ScenarioTexts.cpp
"$LUPDATE" -locations relative -no-obsolete app views -ts resources/translations/actorscope_ru.ts \
  resources/translations/actorscope_zh_CN.ts
