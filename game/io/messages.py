"""What import and export say, in the UI's language, without Qt until a translation is needed.

A message is carried as its English template and its values (`Message`, a `str` that reads in English) and put
into words only where it is shown: the screens pass `tr`, the command line a translator for `--lang`. The
templates are marked with `tr("…")` below and in the modules that raise them, so `tools/i18n.py` finds them and
the Russian lives in the project's one catalogue. Nothing ever matches a message by its text.
"""

from collections.abc import Callable
from pathlib import Path
from typing import Any

Translate = Callable[[str], str]


def tr(text: str) -> str:
    """Marks a template for the translation catalogue; the words are chosen later, by `Message.render`."""
    return text


def same(text: str) -> str:
    return text


class Message(str):
    """English text (what `str` gives: logs, tests) that keeps its template and values for other languages."""

    template: str
    values: tuple[Any, ...]

    def __new__(cls, template: str, *values: Any) -> "Message":
        self = super().__new__(cls, template.format(*values))
        self.template, self.values = template, values
        return self

    def render(self, translate: Translate = same) -> str:
        values = (v.render(translate) if isinstance(v, Message) else v for v in self.values)
        return translate(self.template).format(*values)


_UNPRINTABLE = {n: f"\\x{n:02x}" for n in (*range(0x20), *range(0x7F, 0xA0))} | {
    0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029",
}  # fmt: skip


def one_line(text: str) -> str:
    """Text (a file name, a column) as it can be shown on one line of any terminal: breaks, control characters
    and undecodable bytes (surrogates) escaped."""
    if text.isprintable():
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8").translate(_UNPRINTABLE)


def shown_path(path: Path | str) -> str:
    return one_line(str(path))


def translator(lang: str) -> Translate:
    """The project's catalogue for `lang` (the compiled .qm the app uses), without a QApplication."""
    if lang != "ru":
        return same
    from PySide6.QtCore import QTranslator

    from game import paths

    catalogue = QTranslator()
    if not catalogue.load(str(paths.asset("translations", f"technomagic_{lang}.qm"))):
        return same
    return lambda text: catalogue.translate("Game", text) or text
