"""Deck and scenario files: valid ones load, broken ones say exactly what and where."""

import os
from pathlib import Path

import pytest

from game.cli import main
from game.domain.content import ContentErrors, load_content, load_deck, load_scenario

GOOD_DECK = """\
[deck]
id = "mini"
kind = "lens"
name = { ru = "Мини", en = "Mini" }

[[cards]]
id = "mini-one"
title = { ru = "Первая", en = "First" }
prompt = { ru = "Что клиент видит?", en = "What does the client see?" }

[[cards]]
id = "mini-two"
title = { ru = "Вторая", en = "Second" }
prompt = { ru = "Что клиент слышит?", en = "What does the client hear?" }
example = { ru = "Пример.", en = "An example." }
tags = ["x"]
"""


def write(tmp_path: Path, text: str | bytes, name: str = "deck.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path, loader=load_deck) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        loader(path)
    return [str(e) for e in info.value.errors]


def test_a_valid_deck_loads_with_both_languages(tmp_path):
    deck = load_deck(write(tmp_path, GOOD_DECK))
    assert deck.id == "mini" and deck.kind == "lens"
    assert [c.id for c in deck.cards] == ["mini-one", "mini-two"]
    assert deck.cards[1].example.get("ru") == "Пример."
    assert deck.cards[0].title.get("en") == "First"


def test_bad_toml_names_the_line(tmp_path):
    path = write(tmp_path, GOOD_DECK.replace('kind = "lens"', 'kind = "lens'))
    [message] = messages(path)
    assert message.startswith(f"{path}:3: invalid TOML")


def test_missing_russian_names_card_line_and_field(tmp_path):
    path = write(tmp_path, GOOD_DECK.replace('title = { ru = "Вторая", en = "Second" }', 'title = { en = "Second" }'))
    assert messages(path) == [f"{path}:13: card mini-two: title: missing `ru`"]


def test_card_marks_and_story_are_checked_with_file_line_and_field(tmp_path):
    deck = GOOD_DECK.replace(
        'tags = ["x"]',
        'effort = "weeks"\ncost = 5\nstory = "Not An Id"\nwhy = "plain"\ntags = ["x"]',
    )
    path = write(tmp_path, deck)
    found = messages(path)
    assert f"{path}:16: card mini-two: effort: 'weeks' must be one of: minutes, hours, days" in found
    assert f"{path}:17: card mini-two: cost: 5 must be one of: free, small, budget" in found
    assert any(m.startswith(f"{path}:18: card mini-two: story:") for m in found)
    assert any(m.startswith(f"{path}:19: card mini-two: why: must be a table") for m in found)
    good = GOOD_DECK.replace(
        'tags = ["x"]',
        'why = { ru = "Потому что.", en = "Because." }\neffort = "hours"\ncost = "free"\nstory = "joshi"\ntags = ["x"]',
    )
    card = load_deck(write(tmp_path, good)).cards[1]
    assert (card.why.en, card.effort, card.cost, card.story) == ("Because.", "hours", "free", "joshi")


def test_duplicate_card_ids(tmp_path):
    path = write(tmp_path, GOOD_DECK.replace('id = "mini-two"', 'id = "mini-one"'))
    assert messages(path) == [f"{path}:7: card mini-one: id: duplicate card id (card #1 has it too)"]


def test_unknown_deck_kind(tmp_path):
    path = write(tmp_path, GOOD_DECK.replace('kind = "lens"', 'kind = "spells"'))
    [message] = messages(path)
    assert message.startswith(f"{path}: deck.kind: unknown deck kind 'spells'; expected one of: business,")


def test_empty_deck(tmp_path):
    path = write(tmp_path, GOOD_DECK.split("[[cards]]")[0])
    assert messages(path) == [f"{path}: the deck has no cards (add [[cards]] tables)"]


def test_non_utf8_bytes_name_the_line(tmp_path):
    raw = GOOD_DECK.encode().replace("Первая".encode(), "Первая".encode("cp1251"))
    path = write(tmp_path, raw)
    assert messages(path) == [f"{path}:8: not UTF-8 text (byte 0xCF); save the file as UTF-8"]


def test_ten_megabyte_file_is_refused_without_parsing(tmp_path):
    path = write(tmp_path, GOOD_DECK + "#" * (10 * 1024 * 1024) + "\n")
    assert messages(path) == [f"{path}: file is too large (10.0 MB; the limit is 2 MB)"]


def test_every_problem_of_a_file_is_listed(tmp_path):
    broken = GOOD_DECK.replace(
        'prompt = { ru = "Что клиент видит?", en = "What does the client see?" }', 'prompt = "What?"'
    ).replace('en = "Second"', 'en = ""')
    path = write(tmp_path, broken)
    assert messages(path) == [
        f'{path}:9: card mini-one: prompt: must be a table {{ ru = "…", en = "…" }}, not a plain string',
        f"{path}:13: card mini-two: title.en: is empty",
    ]


def test_a_card_without_id_is_located_by_its_number(tmp_path):
    path = write(tmp_path, GOOD_DECK.replace('id = "mini-two"\n', ""))
    assert messages(path) == [f"{path}: card #2: id: missing"]


def test_content_keeps_valid_decks_and_reports_skipped(tmp_path, content):
    decks = tmp_path / "decks"
    decks.mkdir()
    write(decks, GOOD_DECK, "good.toml")
    write(decks, "[deck]\nid = 1\n", "bad.toml")
    loaded = load_content([decks], [])
    assert list(loaded.decks) == ["mini"]
    assert loaded.skipped_files() == [decks / "bad.toml"]


def test_user_deck_replaces_a_shipped_deck_with_the_same_id(tmp_path, content):
    from game import paths

    user = tmp_path / "user"
    user.mkdir()
    write(user, GOOD_DECK.replace('id = "mini"', 'id = "lens"'), "lens.toml")
    loaded = load_content([paths.shipped("cards"), user], [paths.shipped("scenarios")])
    assert [c.id for c in loaded.cards_of("lens")] == ["mini-one", "mini-two"]
    assert "solo-spark" in loaded.scenarios


def test_scenario_with_unknown_step(tmp_path, content):
    text = (
        Path(content.scenarios["solo-spark"].path)
        .read_text(encoding="utf-8")
        .replace('step = "lens"', 'step = "dance"')
    )
    path = write(tmp_path, text, "s.toml")
    [message] = messages(path, load_scenario)
    assert message.startswith(f"{path}: step 3: step: unknown step 'dance'; expected one of: warmup,")


def test_a_scenario_names_the_decks_each_team_draws_for_itself(tmp_path, content):
    text = Path(content.scenarios["solo-spark"].path).read_text(encoding="utf-8")
    head, first, *rest = text.split("\n[[steps]]\n")
    own = head + '\nper_team = ["business", "client"]\n'
    scenario = load_scenario(write(tmp_path, "\n[[steps]]\n".join([own, first, *rest]), "s.toml"))
    assert scenario.per_team == ("business", "client")
    assert [s.per_team for s in scenario.steps[:2]] == [("business", "client"), ()]  # only where a step draws them
    wrong = "\n[[steps]]\n".join([head, first + '\nper_team = ["lens"]\n', *rest])
    path = write(tmp_path, wrong, "w.toml")
    assert messages(path, load_scenario) == [f"{path}: step 1: per_team: must list deck kinds that this step draws"]
    bad = write(tmp_path, head + '\nper_team = "business"\n' + "\n[[steps]]\n" + "\n[[steps]]\n".join([first, *rest]))
    assert messages(bad, load_scenario)[0].endswith("scenario.per_team: must list deck kinds from: " + ", ".join(
        ("business", "client", "touchpoint", "lens", "technomagic", "constraint", "check", "obstacle", "warmup")))


def test_scenario_must_end_with_choose_then_promise(tmp_path, content):
    text = Path(content.scenarios["solo-spark"].path).read_text(encoding="utf-8")
    blocks = text.split("\n[[steps]]\n")
    swapped = "\n[[steps]]\n".join([*blocks[:-2], blocks[-1], blocks[-2]])
    path = write(tmp_path, swapped, "s.toml")
    assert messages(path, load_scenario) == [f"{path}: steps: the last two steps must be 'choose' and then 'promise'"]


def test_check_deck_cli_exit_codes_and_lines(tmp_path, capsys):
    good = write(tmp_path, GOOD_DECK, "good.toml")
    bad = write(tmp_path, GOOD_DECK.replace('id = "mini-two"', 'id = "mini-one"'), "bad.toml")
    assert main(["check-deck", str(good)]) == 0
    assert capsys.readouterr().out == "1 file(s) valid\n"
    assert main(["check-deck", str(good), str(bad)]) == 2
    assert capsys.readouterr().out == f"{bad}:7: card mini-one: id: duplicate card id (card #1 has it too)\n"


def test_check_deck_cli_on_a_missing_file(tmp_path, capsys):
    assert main(["check-deck", str(tmp_path / "nope.toml")]) == 2
    assert capsys.readouterr().out == f"{tmp_path / 'nope.toml'}: cannot read the file: No such file or directory\n"


def test_check_deck_cli_on_a_folder_and_an_unreadable_file(tmp_path, capsys):
    locked = write(tmp_path, GOOD_DECK, "locked.toml")
    locked.chmod(0)
    try:
        readable = os.access(locked, os.R_OK)  # root reads anything
        assert main(["check-deck", str(tmp_path), str(locked)]) == 2
    finally:
        locked.chmod(0o644)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{tmp_path}: cannot read the file: not a file (name deck or scenario .toml files)"
    if not readable:
        assert lines[1] == f"{locked}: cannot read the file: Permission denied"


def test_a_step_filter_names_only_known_marks(tmp_path, content):
    text = Path(content.scenarios["solo-spark"].path).read_text(encoding="utf-8")
    bad = text.replace('draw = ["technomagic", "constraint"]', 'draw = ["technomagic", "constraint"]\ncost = ["cheap"]')
    path = write(tmp_path, bad, "s.toml")
    assert messages(path, load_scenario) == [f"{path}: step 4: cost: must list values from: free, small, budget"]
    good = load_scenario(write(tmp_path, bad.replace('["cheap"]', '["free", "small"]'), "g.toml"))
    assert good.steps[3].costs == ("free", "small")


def test_a_check_step_says_whether_teams_check_on_their_phones(tmp_path, content):
    text = Path(content.scenarios["classic-workshop"].path).read_text(encoding="utf-8")
    assert all(s.teams_check for s in content.scenarios["classic-workshop"].steps)  # by default they do
    off_text = text.replace("shortlist = 3\n", "shortlist = 3\nteams_check = false\n")
    off = load_scenario(write(tmp_path, off_text, "o.toml"))
    assert [s.teams_check for s in off.steps if s.kind == "check"] == [False]
    bad = write(tmp_path, text.replace("shortlist = 3\n", 'shortlist = 3\nteams_check = "no"\n'), "b.toml")
    number = 1 + [s.kind for s in off.steps].index("check")
    assert messages(bad, load_scenario) == [
        f"{bad}: step {number}: teams_check: must be true (teams tick the checks on their phones) or false"
    ]
    on_vote = text.replace('step = "choose"\n', 'step = "choose"\nteams_check = false\n')
    misplaced = write(tmp_path, on_vote, "m.toml")
    assert messages(misplaced, load_scenario) == [
        f"{misplaced}: step {number + 1}: teams_check: only a check step says whether teams check"
    ]
