"""The UI language: Qt translators for our strings and Qt's own, chosen from settings or the locale."""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from game import paths

LANGUAGES = ("ru", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def resolve(preference: str) -> str:
    return preference if preference in LANGUAGES else system_language()


def install(lang: str) -> None:
    """Replace the installed translators with those for `lang` (English needs none: it is the source)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English))
    if lang == "en":  # English is the source: only its plural forms ("1 idea", "2 ideas") need a catalogue
        plural = QTranslator(app)
        if plural.load(str(paths.asset("translations", "technomagic_en.qm"))):
            app.installTranslator(plural)
            _installed.append(plural)
        return
    ours = QTranslator(app)
    if ours.load(str(paths.asset("translations", f"technomagic_{lang}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
