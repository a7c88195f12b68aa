#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace actorscope::app {

namespace {
QString& current() {
  static QString code = QStringLiteral("en");
  return code;
}
QList<QPointer<QTranslator>>& installed() {
  static QList<QPointer<QTranslator>> list;
  return list;
}
}  // namespace

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("zh_CN")}; }

QString languageName(const QString& code) {
  if (code == QStringLiteral("ru")) return QStringLiteral("Русский");
  if (code == QStringLiteral("zh_CN")) return QStringLiteral("简体中文");
  return QStringLiteral("English");
}

QString matchLanguage(const QStringList& uiLanguages) {
  for (QString lang : uiLanguages) {
    lang.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (lang.startsWith(QStringLiteral("ru"))) return QStringLiteral("ru");
    // Simplified Chinese: zh, zh_CN, zh_SG, zh_Hans...; not zh_TW / zh_HK / zh_Hant.
    if (lang.startsWith(QStringLiteral("zh")) && !lang.contains(QStringLiteral("Hant")) &&
        !lang.contains(QStringLiteral("TW")) && !lang.contains(QStringLiteral("HK")) && !lang.contains(QStringLiteral("MO")))
      return QStringLiteral("zh_CN");
    if (lang.startsWith(QStringLiteral("en"))) return QStringLiteral("en");
  }
  return QStringLiteral("en");
}

bool installLanguage(QCoreApplication& app, const QString& code, QString* error) {
  if (!availableLanguages().contains(code)) {
    if (error)
      *error = QCoreApplication::translate("Language", "unknown language '%1' (there are: %2)")
                   .arg(code, availableLanguages().join(QStringLiteral(", ")));
    return false;
  }
  for (const auto& t : installed())
    if (t) {
      app.removeTranslator(t);
      delete t;
    }
  installed().clear();
  current() = QStringLiteral("en");
  if (code == QStringLiteral("en")) return true;

  auto* own = new QTranslator(&app);
  if (!own->load(QStringLiteral(":/i18n/actorscope_%1.qm").arg(code))) {
    delete own;
    if (error) *error = QStringLiteral("the %1 translation is missing from this build (:/i18n/actorscope_%1.qm)").arg(code);
    return false;
  }
  app.installTranslator(own);
  installed() << own;
  // Qt's own strings (standard buttons, file dialogs), from qt6-translations-l10n when installed.
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    app.installTranslator(qt);
    installed() << qt;
  } else {
    delete qt;
  }
  current() = code;
  return true;
}

QString currentLanguage() { return current(); }

}  // namespace actorscope::app
