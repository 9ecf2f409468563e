"""The command line: no command runs the game; check-deck, self-test and search are for people and CI."""

import argparse
import sys
from pathlib import Path

from game import APP_NAME, __version__

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
    return parser


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


def search(data_dir: Path, query: str, statuses: list[str], tag: str, as_json: bool, limit: int) -> int:
    import json

    from game.store import ideas
    from game.store.db import LibraryError, open_library

    try:
        engine = open_library(data_dir)
    except LibraryError as e:
        print(f"technomagic: {e}", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check-deck":
        return check_deck(args.paths)
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
        return search(data_dir, args.query, args.status, args.tag, args.json, args.limit)
    from game.ui.app import run

    return run(data_dir, exit_when_shown=args.exit_when_shown, lang=args.lang)
