"""Deck packs: a deck travels as one .tmdeck file and plays the same elsewhere; a broken or hostile pack is refused
with one line naming the file and the entry, and nothing is written."""

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game import paths
from game.domain.content import load_content
from game.domain.round import new_round
from game.io import deckpack

DECK = """[deck]
id = "dental"
kind = "touchpoint"
name = { ru = "Стоматология", en = "Dental clinic" }
emblem = "art/tooth.svg"

# the route of a patient
[[cards]]
id = "dn-call"
title = { ru = "Звонок в клинику", en = "Calling the clinic" }
prompt = { ru = "Как вас встречают по телефону?", en = "How are you greeted on the phone?" }
art = "art/tooth.svg"

[[cards]]
id = "dn-chair"
title = { ru = "В кресле", en = "In the chair" }
prompt = { ru = "О чём вы думаете в кресле?", en = "What goes through your mind in the chair?" }
"""
TOOTH = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#fff"/></svg>'


def make_pack(files: dict[str, bytes], manifest: dict | None = None, *, raw_manifest: bytes | None = None,
              entries: list[zipfile.ZipInfo] | None = None) -> bytes:
    if manifest is None:
        manifest = {"format": 1, "deck": {"id": "dental"},
                    "sha256": {n: hashlib.sha256(d).hexdigest() for n, d in files.items()}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw_manifest if raw_manifest is not None else json.dumps(manifest))
        for name, data in files.items():
            zf.writestr(name, data)
        for info in entries or []:
            zf.writestr(info, b"x")
    return buffer.getvalue()


@pytest.fixture
def good_files() -> dict[str, bytes]:
    return {"deck.toml": DECK.encode(), "art/tooth.svg": TOOTH}


def test_a_deck_exported_and_installed_in_a_fresh_folder_plays_the_same(tmp_path, good_files):
    mine = tmp_path / "mine" / "cards"
    mine.mkdir(parents=True)
    (mine / "dental.toml").write_text(DECK, encoding="utf-8")
    (mine / "art").mkdir()
    (mine / "art" / "tooth.svg").write_bytes(TOOTH)
    content = load_content([paths.shipped("cards"), mine], [paths.shipped("scenarios")])
    pack_file = deckpack.build(content.decks["dental"], tmp_path / "dental.tmdeck")

    fresh = tmp_path / "fresh" / "cards"
    pack = deckpack.read(pack_file)
    assert [c.id for c in pack.deck.cards] == ["dn-call", "dn-chair"] and set(pack.art) == {"art/tooth.svg"}
    target = deckpack.install(pack, fresh)
    assert target.read_text(encoding="utf-8") == DECK  # byte for byte, comments kept
    assert (fresh / "art" / "tooth.svg").read_bytes() == TOOTH
    again = load_content([paths.shipped("cards"), fresh], [paths.shipped("scenarios")])
    assert [c.title.en for c in again.decks["dental"].cards] == ["Calling the clinic", "In the chair"]
    # a user deck of kind touchpoint joins the draws: rounds draw its cards at the Moment step
    drawn = set()
    for seed in range(60):
        rnd = new_round(again.scenarios["solo-spark"], again, seed=seed)
        while rnd.step.kind != "moment":
            rnd.next()
        drawn.add(rnd.drawn_of_kind("touchpoint").id)
    assert {"dn-call", "dn-chair"} <= drawn


def test_an_id_that_exists_is_kept_both_or_replaced_with_the_old_kept_aside(tmp_path, good_files):
    pack_file = tmp_path / "p.tmdeck"
    pack_file.write_bytes(make_pack(good_files))
    decks = tmp_path / "cards"
    deckpack.install(deckpack.read(pack_file), decks)
    with pytest.raises(deckpack.DeckClash):
        deckpack.install(deckpack.read(pack_file), decks)
    both = deckpack.install(deckpack.read(pack_file), decks, keep_both=True)
    assert both.name == "dental-2.toml"
    text = both.read_text(encoding="utf-8")
    assert 'id = "dental-2"' in text and 'id = "dn-call-2"' in text and "# the route of a patient" in text
    (decks / "dental.toml").write_text(DECK.replace("Dental clinic", "My old clinic"), encoding="utf-8")
    deckpack.install(deckpack.read(pack_file), decks, replace=True)
    aside = list((decks / "replaced").glob("dental-*.toml"))
    assert len(aside) == 1 and "My old clinic" in aside[0].read_text(encoding="utf-8")
    content = load_content([paths.shipped("cards"), decks], [paths.shipped("scenarios")])
    assert {"dental", "dental-2"} <= set(content.decks) and not content.problems


def _symlink() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("art/link.svg")
    info.external_attr = (0o120777 << 16)
    return info


HOSTILE = {
    "not a zip": (b"PK\x03\x04 not really", "not a deck pack (not a zip file)"),
    "parent path": (lambda f: make_pack({**f, "../evil.toml": b"x"}), "../evil.toml: a path that leaves the pack"),
    "absolute path": (lambda f: make_pack({**f, "/etc/evil": b"x"}), "/etc/evil: a path that leaves the pack"),
    "backslash path": (lambda f: make_pack({**f, "art\\..\\x.svg": b"x"}), "a path that leaves the pack"),
    "symlink": (lambda f: make_pack(f, entries=[_symlink()]), "art/link.svg: a symbolic link is refused"),
    "zip bomb": (
        lambda f: make_pack({**f, "deck.toml": DECK.encode() + b"#" + b"0" * 1_500_000}),
        "deck.toml: compressed beyond any real deck",
    ),
    "huge image": (
        lambda f: make_pack({**f, "art/tooth.svg": os.urandom(600_000)}),
        "art/tooth.svg: file is too large",
    ),
    "svg script": (
        lambda f: make_pack({**f, "art/tooth.svg": TOOTH.replace(b"<circle", b"<script>alert(1)</script><circle")}),
        "art/tooth.svg: an SVG with <script> is refused",
    ),
    "svg handler": (
        lambda f: make_pack({**f, "art/tooth.svg": TOOTH.replace(b"<circle", b'<circle onload="x()"')}),
        "art/tooth.svg: an SVG with an event handler (onload) is refused",
    ),
    "svg external": (
        lambda f: make_pack({**f, "art/tooth.svg": TOOTH.replace(b"<circle", b'<image href="http://x/y.png"/><circle')}),
        "art/tooth.svg: an SVG that refers to something outside itself is refused",
    ),
    "svg entities": (
        lambda f: make_pack({**f, "art/tooth.svg": b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
                             + TOOTH}),
        "art/tooth.svg: an SVG with a DTD or entities is refused",
    ),
    "broken deck": (
        lambda f: make_pack({**f, "deck.toml": DECK.replace('title = { ru = "В кресле", en = "In the chair" }\n',
                                                            "").encode()}),
        "deck.toml:15: card dn-chair: title: missing (needs ru and en)",
    ),
    "checksum": (
        lambda f: make_pack(f, {"format": 1, "deck": {"id": "dental"},
                                "sha256": {"deck.toml": "0" * 64, "art/tooth.svg": hashlib.sha256(TOOTH).hexdigest()}}),
        "deck.toml: checksum does not match",
    ),
    "newer format": (
        lambda f: make_pack(f, {"format": 9, "deck": {}, "sha256": {}}),
        "made by a newer version of the game (pack format 9)",
    ),
    "twin keys": (
        lambda f: make_pack(f, raw_manifest=b'{"format": 1, "format": 1}'),
        "manifest.json: not valid JSON (a key appears twice)",
    ),
    "stray file": (lambda f: make_pack({**f, "art/other.svg": TOOTH}), "art/other.svg: no card uses this picture"),
    "no manifest": (
        lambda f: (lambda b: b)(_zip({"deck.toml": DECK.encode()})),
        "not a deck pack (it needs manifest.json and deck.toml)",
    ),
    "other file kind": (lambda f: make_pack({**f, "run.py": b"print(1)"}), "run.py: not a file a deck pack holds"),
}


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_or_broken_pack_is_refused_with_one_line_and_nothing_written(tmp_path, good_files, case):
    made, expected = HOSTILE[case]
    pack_file = tmp_path / "bad.tmdeck"
    pack_file.write_bytes(made(dict(good_files)) if callable(made) else made)
    decks = tmp_path / "cards"
    with pytest.raises(deckpack.PackError) as refused:
        deckpack.install(deckpack.read(pack_file), decks)
    message = str(refused.value)
    assert message.startswith(f"{pack_file}") and expected in message and "\n" not in message
    assert not decks.exists()


def test_only_a_regular_file_is_read(tmp_path):
    fifo = tmp_path / "pipe.tmdeck"
    os.mkfifo(fifo)
    with pytest.raises(deckpack.PackError, match="not a regular file"):
        deckpack.read(fifo)
    with pytest.raises(deckpack.PackError, match="not a regular file"):
        deckpack.read(tmp_path)


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TECHNOMAGIC_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2], timeout=60)


@pytest.mark.slow
def test_the_command_line_lists_exports_installs_and_refuses(tmp_path):
    home = tmp_path / "home"
    out = tmp_path / "lens.tmdeck"
    assert run_cli("deck", "export", "lens", "--out", str(out), home=home).returncode == 0
    assert run_cli("check-deck", str(out), home=home).returncode == 0
    fresh = tmp_path / "fresh"
    done = run_cli("deck", "install", str(out), home=fresh)
    assert done.returncode == 0, done.stderr
    again = run_cli("deck", "install", str(out), home=fresh)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "--keep-both" in again.stderr
    listed = json.loads(run_cli("deck", "list", "--json", home=fresh).stdout)
    assert {"id": "lens", "origin": "replaces shipped"}.items() <= next(d for d in listed if d["id"] == "lens").items()
    bad = tmp_path / "bad.tmdeck"
    bad.write_bytes(b"not a zip")
    refused = run_cli("deck", "install", str(bad), home=fresh)
    assert refused.returncode == 2 and refused.stderr == f"technomagic: {bad}: not a deck pack (not a zip file)\n"
    checked = run_cli("check-deck", str(bad), home=fresh)
    assert checked.returncode == 2 and "not a deck pack" in checked.stdout
