"""What the Decks screen does with files: a new deck, your copy of a shipped one, installing and exporting packs.

Each returns what to tell the trainer (or None when they cancelled); nothing here is half-done on a refusal.
"""

import re
import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from game.domain.content import DECK_KINDS, Content, Deck
from game.ui.widgets import deck_word, tr

#: Deck kinds a trainer writes cards for (the human check's questions are the game's own).
EDITABLE_KINDS = tuple(k for k in DECK_KINDS if k != "check")


def is_shipped(deck: Deck, shipped_dir: Path) -> bool:
    return deck.path.parent.resolve() == shipped_dir.resolve()


class _NewDialog(QDialog):
    """A new deck or scenario: one choice (its kind, what it starts from) and its name in both languages."""

    def __init__(self, title: str, label: str, choice: QComboBox, both_names: bool, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        choice.setParent(self)
        choice.setAccessibleName(label)
        form.addRow(label, choice)
        self.name_ru, self.name_en = QLineEdit(self), QLineEdit(self)
        for edit, word in ((self.name_ru, tr("Name in Russian")), (self.name_en, tr("Name in English"))):
            edit.setAccessibleName(word)
            edit.setMaxLength(80)
            form.addRow(word, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        named = all if both_names else any
        for edit in (self.name_ru, self.name_en):
            edit.textChanged.connect(
                lambda: self.ok.setEnabled(named(e.text().strip() for e in (self.name_ru, self.name_en)))
            )


class NewDeckDialog(_NewDialog):
    def __init__(self, parent: QWidget | None = None):
        self.kind = QComboBox()
        for kind in EDITABLE_KINDS:
            self.kind.addItem(deck_word(kind), kind)
        super().__init__(tr("New deck"), tr("Deck kind"), self.kind, True, parent)


def free_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "my-deck"
    if not base[0].isalnum():
        base = "deck-" + base
    deck_id, n = base, 2
    while deck_id in taken:
        deck_id, n = f"{base}-{n}", n + 1
    return deck_id


def new_deck(parent: QWidget, content: Content, decks_dir: Path) -> Path | None:
    from game.io.deckfile import DeckFile

    dialog = NewDeckDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    ru, en = dialog.name_ru.text().strip(), dialog.name_en.text().strip()
    taken = set(content.decks) | {p.stem for p in decks_dir.glob("*.toml")}
    deck_id = free_id(en or "my-deck", taken)
    path = decks_dir / f"{deck_id}.toml"
    first = {"id": f"{deck_id[:12]}-1", "title": {"ru": "", "en": ""}, "prompt": {"ru": "", "en": ""}}
    file = DeckFile.new(path, deck_id, dialog.kind.currentData(), {"ru": ru, "en": en}, first)
    file.save()
    return path


def _make_copy(parent: QWidget, title: str, question: str, source: Path, target: Path) -> Path | None:
    """After one question (Cancel the default), a user copy of a shipped file; the shipped one never changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.NoIcon)
    box.setWindowTitle(title)
    box.setText(question)
    go = box.addButton(tr("Make my copy"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    if box.clickedButton() is not go:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def own_copy(parent: QWidget, deck: Deck, decks_dir: Path) -> Path | None:
    """Your copy of a shipped deck (same id: the game plays it instead)."""
    question = tr(
        "Shipped decks stay as they are. Your copy, with the same id, is what your games will play; "
        "“Back to the shipped deck” undoes that at any time. Make your copy?"
    )
    return _make_copy(parent, tr("Edit a shipped deck"), question, deck.path, decks_dir / f"{deck.id}.toml")


def put_aside(path: Path) -> Path:
    aside = path.parent / "replaced" / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}.toml"
    aside.parent.mkdir(exist_ok=True)
    path.replace(aside)
    return aside


def install_pack(parent: QWidget, decks_dir: Path, lang: str) -> str | None:
    from game.io import deckpack

    name, _ = QFileDialog.getOpenFileName(parent, tr("Install deck"), "", tr("Deck packs (*.tmdeck)"))
    if not name:
        return None
    try:
        pack = deckpack.read(Path(name))
    except deckpack.PackError as e:
        QMessageBox.warning(parent, tr("Install deck"), tr("Not installed, nothing was written: {0}").format(e))
        return tr("Not installed: {0}").format(e)
    titles = "\n".join(f"• {c.title.get(lang)}" for c in pack.deck.cards[:6])
    more = len(pack.deck.cards) - 6
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.NoIcon)
    box.setWindowTitle(tr("Install deck"))
    box.setText(
        tr("{0} — {1}, {2} cards:").format(pack.deck.name.get(lang), deck_word(pack.deck.kind), len(pack.deck.cards))
        + "\n" + titles + (tr("\n… and {0} more").format(more) if more > 0 else "")
    )
    existing = deckpack.installed_path(decks_dir, pack.deck.id)
    choice = {}
    if existing is None:
        choice[box.addButton(tr("Install"), QMessageBox.ButtonRole.AcceptRole)] = {}
    else:
        box.setInformativeText(tr("You already have a deck with this id ({0}).").format(existing.name))
        choice[box.addButton(tr("Keep both"), QMessageBox.ButtonRole.AcceptRole)] = {"keep_both": True}
        choice[box.addButton(tr("Replace mine"), QMessageBox.ButtonRole.DestructiveRole)] = {"replace": True}
    box.setDefaultButton(box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    how = choice.get(box.clickedButton())
    if how is None:
        return None
    try:
        target = deckpack.install(pack, decks_dir, **how)
    except OSError as e:
        return tr("Not installed: cannot write {0}: {1}").format(e.filename, e.strerror)
    return tr("Installed {0} as {1}").format(pack.deck.name.get(lang), target.name)


def export_pack(parent: QWidget, deck: Deck) -> str | None:
    from game.io import deckpack

    name, _ = QFileDialog.getSaveFileName(parent, tr("Export deck"), f"{deck.id}.tmdeck", tr("Deck packs (*.tmdeck)"))
    if not name:
        return None
    path = Path(name if name.lower().endswith(".tmdeck") else f"{name}.tmdeck")
    try:
        deckpack.build(deck, path)
    except OSError as e:
        return tr("Could not write {0}: {1}").format(path, e.strerror or e)
    return tr("Deck written to {0}: give it to a colleague, who installs it with Install deck…").format(path)


class NewScenarioDialog(_NewDialog):
    def __init__(self, content: Content, lang: str, parent: QWidget | None = None):
        self.start = QComboBox()
        for scenario in content.scenarios.values():
            self.start.addItem(f"{scenario.name.get(lang)} ({scenario.minutes} {tr('min')})", scenario.id)
        super().__init__(tr("New scenario"), tr("Start from"), self.start, True, parent)


def new_scenario(parent: QWidget, content: Content, scenarios_dir: Path, lang: str) -> Path | None:
    """A new scenario, starting as a copy of one the trainer picks, under a new id."""
    from game.io.scenariofile import ScenarioFile

    dialog = NewScenarioDialog(content, lang, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    source = content.scenarios[dialog.start.currentData()]
    ru, en = dialog.name_ru.text().strip(), dialog.name_en.text().strip()
    mine = {p.stem for p in scenarios_dir.glob("*.toml")} if scenarios_dir.is_dir() else set()
    taken = set(content.scenarios) | mine
    scenario_id = free_id(en, taken)
    target = scenarios_dir / f"{scenario_id}.toml"
    file = ScenarioFile.copy_of(source.path, target, scenario_id, {"ru": ru, "en": en})
    file.save()
    return file.path


def own_scenario_copy(parent: QWidget, scenario, scenarios_dir: Path) -> Path | None:
    """Your copy of a shipped scenario (same id: the game plays it instead)."""
    question = tr("Shipped scenarios stay as they are. Your copy, with the same id, is what the game will play. "
                  "Make your copy?")  # fmt: skip
    target = scenarios_dir / f"{scenario.id}.toml"
    return _make_copy(parent, tr("Edit a shipped scenario"), question, scenario.path, target)


def step_catalogue(content: Content) -> dict[str, dict[str, str]]:
    """Each step kind's instruction as the shipped scenarios word it: a new step starts with it."""
    found: dict[str, dict[str, str]] = {}
    for scenario in content.scenarios.values():
        for step in scenario.steps:
            found.setdefault(step.kind, {"ru": step.instruction.ru, "en": step.instruction.en})
    return found
