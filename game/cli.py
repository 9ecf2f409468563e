"""The command line: no command runs the game; check-deck and self-test are for people and CI."""

import argparse
import sys
from pathlib import Path

from game import APP_NAME, __version__


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
    return parser


def check_deck(paths: list[Path]) -> int:
    from game.domain.content import check_files

    problems = check_files(paths)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(paths)} file(s) valid")
    return 2 if problems else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check-deck":
        return check_deck(args.paths)
    if args.command == "self-test":
        from game.ui.selftest import self_test

        return self_test(args.lang or "en")
    from game import paths
    from game.ui.app import run

    try:
        data_dir = paths.user_data_dir(args.data_dir)
    except OSError as e:
        print(f"technomagic: cannot use the data folder: {e}", file=sys.stderr)
        return 2
    return run(data_dir, exit_when_shown=args.exit_when_shown, lang=args.lang)
