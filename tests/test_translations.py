"""Every UI string has Russian, and the compiled catalogue matches its source."""

import subprocess
import sys

from tests.conftest import ROOT


def test_every_string_in_the_code_has_a_finished_russian_translation():
    out = subprocess.run([sys.executable, "tools/i18n.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


def test_placeholders_survive_translation():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    for source, translation in i18n.read_ts().items():
        for n in range(4):
            mark = "{" + str(n) + "}"
            assert source.count(mark) == translation.count(mark), (source, translation)


def test_the_russian_catalogue_is_compiled_and_used(qapp):
    from PySide6.QtCore import QCoreApplication

    from game.ui import i18n

    i18n.install("ru")
    try:
        assert QCoreApplication.translate("Game", "Next →") == "Дальше →"
    finally:
        i18n.install("en")
    assert QCoreApplication.translate("Game", "Next →") == "Next →"


def test_counts_use_plural_forms_in_both_languages(qapp):
    from game.ui import i18n
    from game.ui.widgets import trn

    try:
        i18n.install("ru")
        assert [trn("%n ideas", n) for n in (1, 2, 5, 21)] == ["1 идея", "2 идеи", "5 идей", "21 идея"]
        assert trn("%n ideas", 100_000) == "100\u00a0000 идей"  # grouped as the language writes numbers
        assert trn("%n dots", 1_001) == "1\u00a0001 точка"
    finally:
        i18n.install("en")
    assert [trn("%n ideas", n) for n in (1, 2)] == ["1 idea", "2 ideas"]
    assert trn("%n ideas", 100_000) == "100,000 ideas"
    assert trn("%n dots", 1) == "1 dot"


def test_english_text_uses_english_quotes(content):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    guillemets = [s for s in i18n.extract() if "«" in s or "»" in s]
    for deck in content.decks.values():
        for card in deck.cards:
            for field in (card.title, card.prompt, card.example, card.source, card.twist):
                if field is not None and ("«" in field.en or "»" in field.en):
                    guillemets.append(f"{card.id}: {field.en}")
    assert not guillemets, guillemets
