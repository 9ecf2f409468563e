"""The command line: no command runs the game; check-deck, self-test, search, export and import are for people,
scripts and CI."""

import argparse
import os
import sys
from pathlib import Path

from game import APP_NAME, __version__
from game.io import EXPORT_FORMATS

#: `game.store.models.STATUSES`, repeated so that `--help` needs no database import (a test checks they agree).
STATUSES = ("new", "planned", "tried", "working", "dropped")
SEARCH_LIMIT = 1000
_ONE_LINE = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="technomagic", description=APP_NAME)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the library and settings live (default: $TECHNOMAGIC_HOME or the system's user data folder)",
    )
    parser.add_argument("--lang", choices=("ru", "en"), help="UI language for this run")
    parser.add_argument(
        "--library",
        metavar="URL",
        help="the idea library: sqlite:///FILE or postgresql://user@host/db (default: $TECHNOMAGIC_LIBRARY, "
        "else the one chosen in Settings, else library.sqlite3 in the data folder); passwords come from "
        "~/.pgpass, PGPASSWORD or a service file",
    )
    parser.add_argument(
        "--exit-when-shown", action="store_true", help="start normally and exit 0 once the home window is first painted"
    )
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check-deck", help="validate deck or scenario TOML files")
    check.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    commands.add_parser("self-test", help="play every step of a solo round and a workshop offscreen")
    search = commands.add_parser(
        "search",
        help="find ideas in the library (stems ru/en words)",
        description="Print the ideas matching QUERY, newest saved first: ID, STATUS, FOCUS, DUE and TITLE, "
        'tab-separated, one idea a line. An empty QUERY ("") lists every idea that passes the filters.',
    )
    search.add_argument("query", metavar="QUERY", help="words to find; Russian and English word forms match")
    search.add_argument(
        "--status", action="append", choices=STATUSES, default=[], help="only ideas with this status (repeatable)"
    )
    search.add_argument("--tag", default="", help="only ideas with this tag")
    search.add_argument("--json", action="store_true", help="print a JSON array of the ideas with all their fields")
    search.add_argument(
        "--limit",
        type=_positive_int,
        default=SEARCH_LIMIT,
        metavar="N",
        help=f"print at most N ideas (default {SEARCH_LIMIT})",
    )
    export = commands.add_parser(
        "export",
        help="write ideas from the library to a CSV, XLSX, Markdown, JSON or PDF file",
        description="Write the ideas that pass the filters (every idea without filters) to FILE, replacing it "
        "in one step. CSV, XLSX, Markdown and PDF are for people, in the language of --lang; JSON keeps every "
        "field and is what `technomagic import` reads back.",
    )
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="the kind of file to write")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write")
    export.add_argument("--query", default="", metavar="Q", help="only ideas with these words (any word form)")
    export.add_argument(
        "--status", action="append", choices=STATUSES, default=[], help="only ideas with this status (repeatable)"
    )
    export.add_argument("--tag", default="", help="only ideas with this tag")
    export.add_argument(
        "--lang",
        dest="export_lang",
        choices=("ru", "en"),
        help="language of the headers and words (default: the --lang before the command, else the game's setting, "
        "else the system's)",
    )
    export.add_argument(
        "--delimiter",
        choices=(",", ";", "tab"),
        help="for CSV: what separates the cells (default: ';' for Russian, as Russian Excel expects; ',' for English)",
    )
    load = commands.add_parser(
        "import",
        help="merge ideas from a JSON or CSV file into the library",
        description="Add the ideas of FILE (.json from `technomagic export`, or .csv) that the library does not "
        "have yet: an idea with the same title and text is skipped. A file with any error adds nothing; the "
        "error says where it is.",
    )
    load.add_argument("file", type=Path, metavar="FILE", help="a .json or .csv file")
    load.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help='for CSV: the idea field a column fills, e.g. "Owner=promise_who"; "Column=" leaves it out '
        "(repeatable; our own headers and common names are recognised without it)",
    )
    from game.cli_decks import add_commands as add_deck_commands

    add_deck_commands(commands)
    _backup_commands(commands)
    _library_parser(commands)
    return parser


def _backup_commands(commands) -> None:
    """`check-library` and `backup list|now|restore` (the library's safety, see README "Backups")."""
    commands.add_parser(
        "check-library",
        help="check every page of the library (PRAGMA integrity_check): exit 0 when sound, 2 when not",
    )
    backup = commands.add_parser("backup", help="list, take or restore backups of the library")
    actions = backup.add_subparsers(dest="backup_action", required=True)
    actions.add_parser("list", help="every backup, newest first: name, date, ideas")
    now = actions.add_parser("now", help="take a checked backup now")
    now.add_argument("--if-changed", action="store_true", help="only when the library changed since the last one")
    restore = actions.add_parser(
        "restore",
        help="put a backup in place of the library (the current file is set aside, never deleted)",
    )
    restore.add_argument("which", metavar="latest|NAME", help="`latest` (the newest good backup) or a backup's name")


def library_problem(e) -> str:
    """One line for a library that cannot be used: what is wrong, and the command that puts it right."""
    from game.store import backup

    line = f"technomagic: {e}"
    if not isinstance(e.path, Path):  # a server's library: no file of ours to restore
        return line
    if e.kind == "unwritable":
        return line + " (free some space or make the folder writable, then try again)"
    if e.kind == "newer":
        return line
    good = backup.latest_good(e.path.parent)
    if good is None:
        return line + "; no backup to restore"
    return line + f"; restore the backup of {good[0].taken:%Y-%m-%d %H:%M} ({good[1]} ideas): technomagic backup " \
        "restore latest"


def _open_for_reading(data_dir: Path):
    """The library for `search` and `export`; in a folder that takes no writes, read-only. None: said already."""
    from game.store.db import LibraryError, open_library, open_library_read_only

    try:
        return open_library(data_dir)
    except LibraryError as e:
        if e.kind == "unwritable":
            try:
                engine = open_library_read_only(data_dir)
            except LibraryError:
                pass
            else:
                print(f"technomagic: note: {data_dir} takes no writes; the library is read-only", file=sys.stderr)
                return engine
        print(library_problem(e), file=sys.stderr)
        return None


def check_library_command(data_dir: Path) -> int:
    from game.store.db import DB_NAME, LibraryError, check_library

    path = data_dir / DB_NAME
    if not path.exists():
        print(f"technomagic: {path}: no library yet", file=sys.stderr)
        return 2
    try:
        count = check_library(path, full=True)
    except LibraryError as e:
        print(library_problem(e), file=sys.stderr)
        return 2
    print(f"{path}: ok, {count} ideas")
    return 0


def backup_command(data_dir: Path, action: str, which: str = "", if_changed: bool = False) -> int:
    from game.store import backup

    try:
        if action == "list":
            for b in backup.backups(data_dir):
                count = b.ideas()
                shown = "damaged" if count is None else f"{count} ideas"
                print(b.name, f"{b.taken:%Y-%m-%d %H:%M:%S}", shown, b.reason or "-", sep="\t")
            return 0
        if action == "now":
            if if_changed and not backup.changed_since_last(data_dir):
                print("unchanged since the last backup")
                return 0
            if if_changed and hasattr(os, "nice"):  # the game's background backup: the game comes first
                os.nice(10)
            made = backup.take(data_dir, "" if if_changed else "manual")
            if made is None:
                print(f"technomagic: {data_dir / backup.DB_NAME}: no library to back up", file=sys.stderr)
                return 2
            print(f"{made.path}: {made.ideas()} ideas")
            return 0
        if _game_is_running(data_dir):
            print(f"technomagic: {data_dir}: the game is open on this folder; close it, then restore", file=sys.stderr)
            return 2
        chosen, count, aside = backup.restore(data_dir, which)
    except backup.BackupError as e:
        print(f"technomagic: {e}", file=sys.stderr)
        return 2
    kept = f"; the library it replaced is kept as {aside}" if aside else ""
    print(f"restored {chosen.name} ({count} ideas){kept}")
    return 0


def _game_is_running(data_dir: Path) -> bool:
    from game.instance import held_by_another

    return held_by_another(data_dir)


def _library_parser(commands) -> None:
    library = commands.add_parser("library", help="move a library between SQLite and PostgreSQL")
    actions = library.add_subparsers(dest="library_command", required=True)
    copy = actions.add_parser(
        "copy",
        help="copy every round, idea and note from one library to another",
        description="Copy the library at FROM_URL into the one at TO_URL (made if it does not exist), ids kept. "
        "Run it again after an interruption: it goes on where it stopped. The counts are checked at the end; "
        "exit 2 with one line on any failure.",
    )
    copy.add_argument("source", metavar="FROM_URL", help="sqlite:///FILE or postgresql://user@host/db")
    copy.add_argument("target", metavar="TO_URL", help="an empty library, or one this copy was interrupted on")


def _open(data_dir: Path, library: str | None, reading: bool = False):
    """The chosen library (see --library), or None after saying on stderr, in one line, why it cannot be opened.
    `reading`: search and export also read the data folder's file when the folder takes no writes."""
    from game.store.db import LibraryError
    from game.store.engine import BadLibraryUrl, chosen_url, default_url, open_url

    try:
        url = chosen_url(data_dir, library)
        if reading and url == default_url(data_dir):
            return _open_for_reading(data_dir)
        return open_url(url)
    except LibraryError as e:
        print(library_problem(e), file=sys.stderr)
        return None
    except BadLibraryUrl as e:
        print(f"technomagic: {e}", file=sys.stderr)
        return None


def library_copy(source_url: str, target_url: str) -> int:
    """`technomagic library copy FROM TO`: exit 0 with the counts, or 2 with one line."""
    from sqlalchemy.exc import SQLAlchemyError

    from game.store.copy import CopyError, copy_library
    from game.store.db import LibraryError
    from game.store.engine import BadLibraryUrl, open_url, safe_url

    engines = []
    try:
        for url in (source_url, target_url):
            engines.append(open_url(url))
        result = copy_library(*engines, progress=_progress_line)
    except (LibraryError, BadLibraryUrl, CopyError) as e:
        _progress_line(0, 0)
        print(f"technomagic: library copy: {e}", file=sys.stderr)
        return 2
    except SQLAlchemyError as e:
        _progress_line(0, 0)
        reason = " ".join(str(getattr(e, "orig", None) or e).split())
        print(f"technomagic: library copy: stopped ({reason}); run it again to go on", file=sys.stderr)
        return 2
    finally:
        for engine in engines:
            engine.dispose()
    _progress_line(0, 0)
    total = result.total
    again = " (went on after an interrupted copy)" if result.resumed else ""
    print(f"copied to {safe_url(target_url)}: {total['play_session']} rounds, {total['idea']} ideas, "
          f"{total['idea_note']} notes{again}")  # fmt: skip
    return 0


def _progress_line(done: int, total: int) -> None:
    """On a terminal, `done/total` on one line rewritten in place; (0, 0) ends that line."""
    if sys.stderr.isatty():
        print(f"\r{done}/{total}" if total else "\r", end="" if total else "\n", file=sys.stderr, flush=True)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def check_deck(paths: list[Path]) -> int:
    from game.domain.content import check_files

    problems: list = check_files([p for p in paths if p.suffix.lower() != ".tmdeck"])
    for pack in (p for p in paths if p.suffix.lower() == ".tmdeck"):
        from game.io import deckpack

        try:
            deckpack.read(pack)
        except deckpack.PackError as e:
            problems.append(e)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(paths)} file(s) valid")
    return 2 if problems else 0


def search(
    data_dir: Path, query: str, statuses: list[str], tag: str, as_json: bool, limit: int, library: str | None = None
) -> int:
    import json

    from game.store import ideas

    engine = _open(data_dir, library, reading=True)
    if engine is None:
        return 2
    try:
        flt = ideas.IdeaFilter(query=query, statuses=tuple(dict.fromkeys(statuses)), tag=tag)
        found = ideas.find(engine, flt, ideas.Order(), offset=0, limit=limit)
        more = ideas.count(engine, flt) - len(found) if len(found) == limit and not as_json else 0
    finally:
        engine.dispose()
    if as_json:
        print(json.dumps([ideas.to_json_dict(idea) for idea in found], ensure_ascii=False, indent=2))
        return 0
    for idea in found:
        due = idea.promise_due.isoformat() if idea.promise_due else ""
        print(idea.id, idea.status, idea.focus, due, idea.title.translate(_ONE_LINE), sep="\t")
    if more > 0:
        print(f"… {more} more; use --limit", file=sys.stderr)
    return 0


def _system_language() -> str:
    """Russian when the environment's locale is, else English (the GUI asks Qt; the command line needs no Qt)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if value := os.environ.get(name):
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def _language(chosen: str | None, data_dir: Path) -> str:
    """The language as the app chooses it: --lang, else the game's setting (settings.ini), else the system's."""
    if chosen:
        return chosen
    import configparser

    settings = configparser.ConfigParser(interpolation=None)
    try:
        settings.read(data_dir / "settings.ini", encoding="utf-8")
        preference = settings.get("General", "language", fallback="")
    except (configparser.Error, OSError, UnicodeDecodeError):
        preference = ""
    return preference if preference in ("ru", "en") else _system_language()


def _translate(lang: str):
    """The project's catalogue for `lang` (errors and results of export and import are said in the UI's language)."""
    from game.io.messages import translator

    return translator(lang)


def export(data_dir: Path, fmt: str, out: Path, query: str, statuses: list[str], tag: str, lang: str,
           delimiter: str | None = None, ui_lang: str = "en", library: str | None = None) -> int:  # fmt: skip
    from sqlalchemy.exc import DatabaseError

    from game.io import tabular
    from game.io.messages import Message, shown_path, tr
    from game.store import ideas

    translate = _translate(ui_lang)
    engine = _open(data_dir, library, reading=True)
    if engine is None:
        return 2
    flt = ideas.IdeaFilter(query=query, statuses=tuple(dict.fromkeys(statuses)), tag=tag)
    try:
        count = tabular.export(engine, flt, out, fmt, lang, delimiter={"tab": "\t"}.get(delimiter, delimiter))
    except OSError as e:
        said = Message(tr("cannot write {0}: {1}"), shown_path(out), e.strerror or str(e))
        print(f"technomagic: {said.render(translate)}", file=sys.stderr)
        return 2
    except DatabaseError as e:
        print(f"technomagic: cannot read the library: {e.orig}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(Message(tr("wrote {0} ideas to {1}"), int(count), shown_path(out)).render(translate))
    for warning in getattr(count, "warnings", ()):
        print(f"technomagic: {shown_path(out)}: {warning.render(translate)}", file=sys.stderr)
    return 0


def import_file(data_dir: Path, path: Path, maps: list[str], lang: str = "en", library: str | None = None) -> int:
    """Exit 0 with what was added, or 2 with one line on stderr naming the file (and line, field) and nothing
    added: whatever the file holds, never a traceback."""
    from sqlalchemy.exc import DatabaseError

    from game.io import importer
    from game.io.messages import Message, one_line, shown_path, tr

    translate = _translate(lang)

    def fail(message: Message) -> int:
        print(f"technomagic: {message.render(translate)}", file=sys.stderr)
        return 2

    kind = path.suffix.lower()
    if kind not in (".json", ".csv"):
        return fail(Message(tr("{0}: import reads .json and .csv files"), shown_path(path)))
    chosen: dict[str, str] = {}
    for item in maps:
        column, equals, field = item.rpartition("=")
        if not equals or not column.strip() or kind != ".csv":
            return fail(Message(tr("--map {0}: COLUMN=FIELD, for CSV files only"), one_line(repr(item))))
        chosen[column.strip()] = field.strip()
    engine = _open(data_dir, library)
    if engine is None:
        return 2
    try:
        if kind == ".csv":
            mapping = None
            if chosen:  # what was asked, and the recognised columns for the other fields
                suggested = importer.csv_preview(path, rows=0).mapping
                mapping = {c: f for c, f in suggested.items() if f not in chosen.values()} | chosen
            result = importer.import_csv(engine, path, mapping)
        else:
            result = importer.import_json(engine, path)
    except importer.ImportError_ as e:
        print(f"technomagic: {e.render(translate)}", file=sys.stderr)
        return 2
    except DatabaseError as e:
        message = tr("{0}: nothing was imported: the library refused it ({1})")
        return fail(Message(message, shown_path(path), one_line(str(e.orig))))
    except (MemoryError, RecursionError) as e:  # a file made to exhaust what checks it: said, not a traceback
        message = tr("{0}: nothing was imported: the file is too large or too deep to check ({1})")
        return fail(Message(message, shown_path(path), type(e).__name__))
    finally:
        engine.dispose()
    for note in result.errors:
        text = note.render(translate) if isinstance(note, Message) else one_line(str(note))
        print(f"technomagic: {Message(tr('note: {0}'), text).render(translate)}", file=sys.stderr)
    said = Message(tr("added {0}, skipped {1} duplicates"), result.added, result.skipped_duplicates)
    print(said.render(translate))
    return 0


def _quiet_broken_pipe() -> None:
    """The reader of our output went away (`technomagic search "" | head`): stop writing, without a word."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) == ["stem-worker"]:  # an import's helper process (no --help)
        import gc

        from game.store.stemworker import serve

        gc.disable()  # what it makes holds no cycles (lists of texts, freed as they go): no collector's passes
        return serve()
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, where a reader gone away is caught, not at exit
        return code
    except BrokenPipeError:
        _quiet_broken_pipe()
        return 0


def _main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check-deck":
        return check_deck(args.paths)
    if args.command == "library":
        return library_copy(args.source, args.target)
    if args.command == "self-test":
        from game.ui.selftest import self_test

        return self_test(args.lang or "en")
    from game import paths

    try:
        data_dir = paths.user_data_dir(args.data_dir)
    except OSError as e:
        print(f"technomagic: cannot use the data folder: {e}", file=sys.stderr)
        return 2
    from game.io import atomic

    atomic.record_pending_in(data_dir)  # an export killed half-way is cleaned at the next start
    if args.command == "check-library":
        return check_library_command(data_dir)
    if args.command == "backup":
        which, if_changed = getattr(args, "which", ""), getattr(args, "if_changed", False)
        return backup_command(data_dir, args.backup_action, which, if_changed)
    if args.command == "search":
        return search(data_dir, args.query, args.status, args.tag, args.json, args.limit, args.library)
    if args.command == "export":
        ui_lang = _language(args.lang, data_dir)
        lang = args.export_lang or ui_lang
        return export(data_dir, args.format, args.out, args.query, args.status, args.tag, lang, args.delimiter, ui_lang,
                      args.library)  # fmt: skip
    if args.command == "import":
        return import_file(data_dir, args.file, args.map, _language(args.lang, data_dir), args.library)
    if args.command == "deck":
        from game import cli_decks

        return cli_decks.run(args, data_dir, _language(args.lang, data_dir))
    from game.ui.app import run

    return run(data_dir, exit_when_shown=args.exit_when_shown, lang=args.lang, library=args.library)
