"""A deck to hand to a colleague: one `.tmdeck` file, checked whole before anything is written.

A pack is a zip of `manifest.json` (format version, the deck's id, kind and names, and a SHA-256 of every
other file), `deck.toml` (the deck in the shipped format, editable by hand) and `art/NAME.svg` for the card art
the deck names. Reading a pack trusts nothing in it: the zip's own size claims, names, types and compression
ratios are checked before a byte is inflated, inflation stops at the limits whatever the zip says, the TOML
goes through the same validation as `technomagic check-deck`, and an SVG with scripts, event handlers,
entities or references outside itself is refused. Installing writes the deck into the user's decks folder in
one step per file; a deck with the same id is replaced only when asked, and the old file is kept aside.
"""

import hashlib
import io
import json
import re
import stat
import tempfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from game import __version__
from game.domain.content import MAX_FILE_BYTES, ContentErrors, Deck, check_files, load_deck
from game.io.atomic import write_atomically
from game.io.deckfile import DeckFile, rename_ids

FORMAT = 1
SUFFIX = ".tmdeck"
MAX_PACK_BYTES = 8 * 1024 * 1024
MAX_ENTRIES = 205  # manifest, deck and one picture per card of a 200-card deck, and a few more
MAX_IMAGE_BYTES = 512 * 1024
MAX_TOTAL_BYTES = 24 * 1024 * 1024
MAX_RATIO = 60  # what deflate gives honest TOML and SVG is well under this; a zip bomb is far over
_ART_NAME = re.compile(r"^art/[A-Za-z0-9][A-Za-z0-9_.-]{0,79}\.svg$")
_SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SVG_BANNED = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}


class PackError(Exception):
    """A pack that cannot be used; `str()` is one line naming the file (and the entry) and what is wrong."""

    def __init__(self, path: Path, message: str, entry: str = ""):
        self.path, self.entry, self.message = path, entry, message
        where = f"{path}:{entry}" if entry else str(path)
        super().__init__(f"{where}: {message}".replace("\n", " "))


class DeckClash(Exception):
    """The user already has a deck with the pack's id: the caller chooses `replace` or `keep_both`."""

    def __init__(self, deck_id: str, existing: Path):
        super().__init__(f"a deck with the id {deck_id!r} is already installed ({existing})")
        self.deck_id, self.existing = deck_id, existing


@dataclass
class Pack:
    path: Path
    deck: Deck
    toml: bytes
    art: dict[str, bytes] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)


# --- writing ------------------------------------------------------------------------------------------


def build(deck: Deck, out: Path) -> Path:
    """Write `deck` (from its TOML file, byte for byte) and the art it names into one `.tmdeck` file."""
    toml = deck.path.read_bytes()
    art = {}
    for name in pictures(deck):
        source = deck.path.parent / name
        if source.is_file():
            art[name] = source.read_bytes()
    files = {"deck.toml": toml, **art}
    manifest = {
        "format": FORMAT,
        "app": __version__,
        "deck": {"id": deck.id, "kind": deck.kind, "name": {"ru": deck.name.ru, "en": deck.name.en}},
        "cards": len(deck.cards),
        "made": datetime.now().astimezone().isoformat(timespec="seconds"),
        "sha256": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        for name, data in files.items():
            zf.writestr(name, data)
    _write(out, buffer.getvalue())
    return out


# --- reading ------------------------------------------------------------------------------------------


def read(path: Path) -> Pack:
    """The pack at `path`, fully checked; raises `PackError` (one line) for anything broken or hostile."""
    raw = _read_regular(path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise PackError(path, "not a deck pack (not a zip file)") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise PackError(path, f"too many files in the pack ({len(infos)}; at most {MAX_ENTRIES})")
        names = [_check_entry(path, info) for info in infos]
        if len(set(names)) != len(names):
            raise PackError(path, "the pack holds the same file twice")
        if "manifest.json" not in names or "deck.toml" not in names:
            raise PackError(path, "not a deck pack (it needs manifest.json and deck.toml)")
        files = {info.filename: _inflate(path, zf, info) for info in infos}
    manifest = _manifest(path, files.pop("manifest.json"))
    sums = manifest["sha256"]
    if set(sums) != set(files):
        raise PackError(path, "the manifest does not list exactly the files in the pack", "manifest.json")
    for name, data in files.items():
        if hashlib.sha256(data).hexdigest() != sums[name]:
            raise PackError(path, "checksum does not match (the file was changed or damaged)", name)
    toml = files.pop("deck.toml")
    deck = _deck(path, toml)
    for name, data in files.items():
        check_svg(path, name, data)
    if stray := sorted(set(files) - pictures(deck)):
        raise PackError(path, "no card uses this picture", stray[0])
    if manifest["deck"].get("id") != deck.id:
        raise PackError(path, f"the manifest names deck {manifest['deck'].get('id')!r}, deck.toml is {deck.id!r}")
    return Pack(path, deck, toml, files, manifest)


def pictures(deck: Deck) -> set[str]:
    """The deck's own pictures that travel with it: its emblem and card art named `art/NAME.svg`."""
    named = {c.art for c in deck.cards if c.art} | ({deck.emblem} if deck.emblem else set())
    return {n for n in named if _ART_NAME.match(n)}


def _read_regular(path: Path) -> bytes:
    """The file's bytes: a regular file only (no pipe, device or folder), read no further than the limit."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise PackError(path, "not a regular file")
        with path.open("rb") as f:
            raw = f.read(MAX_PACK_BYTES + 1)
    except OSError as e:
        raise PackError(path, f"cannot read the file: {e.strerror}") from None
    if len(raw) > MAX_PACK_BYTES:
        raise PackError(path, f"the pack is larger than {MAX_PACK_BYTES // (1024 * 1024)} MB")
    return raw


def _check_entry(path: Path, info: zipfile.ZipInfo) -> str:
    name = info.filename
    shown = name.encode("unicode_escape").decode("ascii")[:120]
    pure = PurePosixPath(name)
    if "\\" in name or name.startswith("/") or pure.is_absolute() or ".." in pure.parts or ":" in name:
        raise PackError(path, "a path that leaves the pack is refused", shown)
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackError(path, "a symbolic link is refused", shown)
    if info.is_dir():
        raise PackError(path, "a folder entry is refused", shown)
    if info.flag_bits & 0x1:
        raise PackError(path, "an encrypted file is refused", shown)
    if name not in ("manifest.json", "deck.toml") and not _ART_NAME.match(name):
        raise PackError(path, "not a file a deck pack holds (manifest.json, deck.toml, art/NAME.svg)", shown)
    limit = MAX_IMAGE_BYTES if name.startswith("art/") else MAX_FILE_BYTES
    if info.file_size > limit:
        raise PackError(path, f"file is too large ({info.file_size} bytes; at most {limit})", shown)
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise PackError(path, "compressed beyond any real deck (a zip bomb?)", shown)
    return name


def _inflate(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Inflate one entry, stopping at its declared size: a zip that lies about sizes gains nothing."""
    try:
        with zf.open(info) as f:
            data = f.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as e:
        raise PackError(path, f"damaged in the zip ({e})", info.filename) from None
    if len(data) != info.file_size:
        raise PackError(path, "its size differs from what the zip says", info.filename)
    return data


def _manifest(path: Path, data: bytes) -> dict[str, Any]:
    def no_twins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ValueError("a key appears twice")
        return dict(pairs)

    try:
        manifest = json.loads(data.decode("utf-8"), object_pairs_hook=no_twins)
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise PackError(path, f"not valid JSON ({str(e)[:80]})", "manifest.json") from None
    if not isinstance(manifest, dict):
        raise PackError(path, "must be a JSON object", "manifest.json")
    version = manifest.get("format")
    if type(version) is not int:
        raise PackError(path, "has no format version", "manifest.json")
    if version > FORMAT:
        raise PackError(path, f"made by a newer version of the game (pack format {version}); update the game")
    if version < 1:
        raise PackError(path, f"unknown pack format {version}", "manifest.json")
    if not isinstance(manifest.get("sha256"), dict) or not all(
        isinstance(v, str) for v in manifest["sha256"].values()
    ):
        raise PackError(path, "has no checksums", "manifest.json")
    if not isinstance(manifest.get("deck"), dict):
        raise PackError(path, "does not name its deck", "manifest.json")
    return manifest


def _deck(path: Path, toml: bytes) -> Deck:
    """Validate deck.toml exactly as `check-deck` does a file (its messages, with the pack's name)."""
    with tempfile.TemporaryDirectory(prefix="technomagic-pack-") as tmp:
        file = Path(tmp) / "deck.toml"
        file.write_bytes(toml)
        problems = check_files([file])
        if problems:
            first = problems[0]
            where = f"deck.toml:{first.line}" if first.line else "deck.toml"
            text = str(first).split(": ", 1)[1] if first.line else str(first).removeprefix(f"{file}: ")
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise PackError(path, text + more, where)
        try:
            data = tomllib.loads(toml.decode("utf-8"))
            if "deck" not in data:
                raise PackError(path, "holds a scenario, not a deck", "deck.toml")
            deck = load_deck(file, data)
        except ContentErrors as e:  # pragma: no cover - check_files found the same
            raise PackError(path, str(e.errors[0]), "deck.toml") from None
    return Deck(deck.id, deck.kind, deck.name, deck.cards, path, deck.description, deck.color, deck.emblem)


def check_svg(path: Path, name: str, data: bytes) -> None:
    """An SVG that only draws: no DTD or entities, no scripts, no event handlers, no references outside."""
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise PackError(path, "an SVG with a DTD or entities is refused", name)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise PackError(path, f"not a valid SVG ({e})", name) from None
    if root.tag not in (f"{_SVG_NS}svg", "svg"):
        raise PackError(path, "not an SVG picture", name)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in _SVG_BANNED:
            raise PackError(path, f"an SVG with <{tag}> is refused", name)
        for attr, value in element.attrib.items():
            local = attr.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                raise PackError(path, f"an SVG with an event handler ({local}) is refused", name)
            if (attr == _XLINK_HREF or local == "href") and not value.strip().startswith("#"):
                raise PackError(path, "an SVG that refers to something outside itself is refused", name)
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                raise PackError(path, "an SVG that refers to something outside itself is refused", name)
        if tag == "style" and element.text and ("@import" in element.text or "url(" in element.text):
            raise PackError(path, "an SVG whose style loads something is refused", name)


# --- installing ---------------------------------------------------------------------------------------


def installed_path(decks_dir: Path, deck_id: str) -> Path | None:
    """The user's deck file that has `deck_id`, if any (whatever its file name)."""
    for file in sorted(decks_dir.glob("*.toml")) if decks_dir.is_dir() else []:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        deck = data.get("deck")
        if isinstance(deck, dict) and deck.get("id") == deck_id:
            return file
    return None


def install(pack: Pack, decks_dir: Path, *, replace: bool = False, keep_both: bool = False) -> Path:
    """Write the pack's deck into `decks_dir`; returns the deck file.

    A user deck with the same id raises `DeckClash` unless `replace` (the old file is moved to
    `decks_dir/replaced/`, never deleted) or `keep_both` (the new deck gets a free id, its cards too)."""
    decks_dir.mkdir(parents=True, exist_ok=True)
    deck_id, toml = pack.deck.id, pack.toml
    existing = installed_path(decks_dir, deck_id)
    if existing is not None and keep_both:
        deck_id = _free_id(decks_dir, deck_id)
        toml = _renamed(toml, pack.deck, deck_id)
        existing = None
    if existing is not None and not replace:
        raise DeckClash(deck_id, existing)
    target = decks_dir / f"{deck_id}.toml"
    if existing is not None:
        aside = decks_dir / "replaced" / f"{existing.stem}-{datetime.now():%Y%m%d-%H%M%S}.toml"
        aside.parent.mkdir(exist_ok=True)
        existing.replace(aside)
    for name, data in pack.art.items():
        (decks_dir / name).parent.mkdir(exist_ok=True)
        _write(decks_dir / name, data)
    _write(target, toml)
    return target


def _write(path: Path, data: bytes) -> None:
    write_atomically(path, lambda f: f.write(data), "wb")


def _free_id(decks_dir: Path, deck_id: str) -> str:
    n = 2
    while installed_path(decks_dir, f"{deck_id}-{n}") is not None or (decks_dir / f"{deck_id}-{n}.toml").exists():
        n += 1
    return f"{deck_id}-{n}"


def _renamed(toml: bytes, deck: Deck, new_id: str) -> bytes:
    """The deck's TOML with a new deck id and each card id given the same suffix (comments and order kept)."""
    suffix = new_id.removeprefix(deck.id)
    text = rename_ids(toml.decode("utf-8"), deck.id, new_id, [c.id for c in deck.cards], suffix)
    data = tomllib.loads(text)
    ids = [c.get("id") for c in data.get("cards", [])]
    if data["deck"].get("id") != new_id or ids != [c.id + suffix for c in deck.cards]:
        file = DeckFile(Path(f"{new_id}.toml"), toml.decode("utf-8"))  # ids written another way: write anew
        file.rename(new_id, suffix)
        text = file.dumps()
    return text.encode("utf-8")
