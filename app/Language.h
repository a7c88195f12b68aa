#pragma once
// Language: which translation of the window to load (--lang, the saved choice, the system
// locale), and loading it with Qt's own translations of standard dialogs. GUI thread, before the
// first window is made (widgets read their texts when they are built).

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace actorscope::app {

/// The languages the app ships, as --lang takes them: "en", "ru", "zh_CN".
QStringList availableLanguages();
/// The language's own name ("English", "Русский", "简体中文"), for menus.
QString languageName(const QString& code);
/// The shipped language that best matches `uiLanguages` (QLocale::uiLanguages() form, e.g.
/// "ru-RU", "zh-Hans-CN"); "en" when none does.
QString matchLanguage(const QStringList& uiLanguages);
/// Installs the translators for `code` on `app` (none for "en"). Returns false, with `error`
/// naming the problem, for an unknown code or a missing translation resource.
bool installLanguage(QCoreApplication& app, const QString& code, QString* error = nullptr);
/// The language installed by the last installLanguage() ("en" before any).
QString currentLanguage();

}  // namespace actorscope::app
