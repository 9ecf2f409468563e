"""The command line: no command runs the game; check-deck, self-test, search, export and import are for people,
scripts and CI."""

import argparse
import os
import sys
from pathlib import Path

from game import APP_NAME, __version__

#: `game.store.models.STATUSES`, repeated so that `--help` needs no database import (a test checks they agree).
STATUSES = ("new", "planned", "tried", "working", "dropped")
SEARCH_LIMIT = 1000
EXPORT_FORMATS = ("csv", "xlsx", "md", "json", "pdf")
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
    commands.add_parser("self-test", help="play one scripted solo round offscreen and check the library")
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
        help="language of the headers, words and dates (default: the --lang before the command, else the system's)",
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
    _library_parser(commands)
    return parser


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


def _open(data_dir: Path, library: str | None):
    """The chosen library (see --library), or None after saying on stderr why it cannot be opened."""
    from game.store.db import LibraryError
    from game.store.engine import BadLibraryUrl, chosen_url, open_url

    try:
        return open_url(chosen_url(data_dir, library))
    except (LibraryError, BadLibraryUrl) as e:
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

    problems = check_files(paths)
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

    engine = _open(data_dir, library)
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


def export(
    data_dir: Path,
    fmt: str,
    out: Path,
    query: str,
    statuses: list[str],
    tag: str,
    lang: str,
    library: str | None = None,
) -> int:
    from sqlalchemy.exc import DatabaseError

    from game.io import tabular
    from game.store import ideas

    engine = _open(data_dir, library)
    if engine is None:
        return 2
    flt = ideas.IdeaFilter(query=query, statuses=tuple(dict.fromkeys(statuses)), tag=tag)
    try:
        count = tabular.export(engine, flt, out, fmt, lang)
    except OSError as e:
        print(f"technomagic: cannot write {out}: {e.strerror or e}", file=sys.stderr)
        return 2
    except DatabaseError as e:
        print(f"technomagic: cannot read the library: {e.orig}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"wrote {count} ideas to {out}")
    return 0


def import_file(data_dir: Path, path: Path, maps: list[str], library: str | None = None) -> int:
    from sqlalchemy.exc import DatabaseError

    from game.io import importer

    kind = path.suffix.lower()
    if kind not in (".json", ".csv"):
        print(f"technomagic: {path}: import reads .json and .csv files", file=sys.stderr)
        return 2
    chosen: dict[str, str] = {}
    for item in maps:
        column, equals, field = item.rpartition("=")
        if not equals or not column.strip() or kind != ".csv":
            print(f"technomagic: --map {item!r}: COLUMN=FIELD, for CSV files only", file=sys.stderr)
            return 2
        chosen[column.strip()] = field.strip()
    engine = _open(data_dir, library)
    if engine is None:
        return 2
    try:
        if kind == ".csv":
            mapping = None
            if chosen:  # what was asked, and the recognised columns for the other fields
                suggested = importer.csv_preview(path, rows=0)[2]
                mapping = {c: f for c, f in suggested.items() if f not in chosen.values()} | chosen
            result = importer.import_csv(engine, path, mapping)
        else:
            result = importer.import_json(engine, path)
    except importer.ImportError_ as e:
        print(f"technomagic: {e}", file=sys.stderr)
        return 2
    except DatabaseError as e:
        print(f"technomagic: {path}: nothing was imported: the library refused it ({e.orig})", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    for note in result.errors:
        print(f"technomagic: note: {note}", file=sys.stderr)
    print(f"added {result.added}, skipped {result.skipped_duplicates} duplicates")
    return 0


def main(argv: list[str] | None = None) -> int:
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
    if args.command == "search":
        return search(data_dir, args.query, args.status, args.tag, args.json, args.limit, args.library)
    if args.command == "export":
        lang = args.export_lang or args.lang or _system_language()
        return export(data_dir, args.format, args.out, args.query, args.status, args.tag, lang, args.library)
    if args.command == "import":
        return import_file(data_dir, args.file, args.map, args.library)
    from game.ui.app import run

    return run(data_dir, exit_when_shown=args.exit_when_shown, lang=args.lang, library=args.library)
