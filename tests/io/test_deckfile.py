"""The studio's deck file: read and written back in the shipped format, only edited cards rewritten."""

import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game import paths
from game.domain.content import load_deck
from game.io.deckfile import DeckFile, rename_ids, toml_string

SHIPPED = sorted(paths.shipped("cards").glob("*.toml"))


@given(st.text())
def test_any_text_survives_as_a_toml_string(text):
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_deck_is_written_back_byte_for_byte_when_nothing_changed(path):
    assert DeckFile.open(path).dumps() == path.read_text(encoding="utf-8")


def test_an_edit_rewrites_only_that_card_and_keeps_comments(tmp_path):
    source = paths.shipped("cards") / "technomagic.toml"
    text = source.read_text(encoding="utf-8")
    deck = DeckFile(tmp_path / "technomagic.toml", text)
    deck.set_text(1, "title", "ru", 'Новый "заголовок" \\ с переносом\nстроки')
    deck.set_text(1, "twist", "en", "")
    deck.set_text(1, "twist", "ru", "")
    deck.save()
    written = (tmp_path / "technomagic.toml").read_text(encoding="utf-8")
    assert "# --- Techniques from the seed stories" in written
    loaded = load_deck(tmp_path / "technomagic.toml")
    original = load_deck(source)
    assert loaded.cards[1].title.ru == 'Новый "заголовок" \\ с переносом\nстроки' and loaded.cards[1].twist is None
    assert loaded.cards[0] == original.cards[0].__class__(**{**original.cards[0].__dict__, "deck_id": loaded.id})
    assert loaded.cards[2:] == tuple(original.cards[2:])
    first_block = text.split("[[cards]]")[1]
    assert first_block in written  # the untouched card is the same text, byte for byte


def test_moves_inserts_and_removals_keep_the_other_blocks(tmp_path):
    deck = DeckFile.open(paths.shipped("cards") / "lens.toml")
    ids = [c["id"] for c in deck.cards]
    deck.path = tmp_path / "lens.toml"
    deck.move_card(0, 2)
    new = deck.new_card()
    new["title"] = {"ru": "Новая", "en": "New"}
    new["prompt"] = {"ru": "Вопрос?", "en": "Question?"}
    deck.insert_card(1, new)
    removed = deck.remove_card(len(deck.cards) - 1)
    deck.save()
    loaded = load_deck(deck.path)
    assert [c.id for c in loaded.cards] == [ids[1], new["id"], ids[2], ids[0], *ids[3:-1]]
    assert removed[0]["id"] == ids[-1] and deck.problems() == []


def test_missing_translations_and_problems_are_named():
    deck = DeckFile.new(paths.shipped("cards") / "x.toml", "mine", "lens", {"ru": "Моя", "en": "Mine"},
                        {"id": "mine-1", "title": {"ru": "Карта", "en": ""}, "prompt": {"ru": "", "en": ""}})
    assert deck.missing_translation(0) == ["title.en"]
    assert [str(p).split(": ", 1)[1] for p in deck.problems()] == [
        "card mine-1: title.en: is empty", "card mine-1: prompt.ru: is empty", "card mine-1: prompt.en: is empty"
    ]


def test_renaming_ids_touches_only_id_lines():
    text = (paths.shipped("cards") / "lens.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    ids = [c["id"] for c in data["cards"]]
    renamed = tomllib.loads(rename_ids(text, "lens", "lens-2", ids, "-2"))
    assert renamed["deck"]["id"] == "lens-2" and [c["id"] for c in renamed["cards"]] == [i + "-2" for i in ids]
    assert [c["title"] for c in renamed["cards"]] == [c["title"] for c in data["cards"]]
