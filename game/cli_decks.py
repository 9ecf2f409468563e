"""`technomagic deck list|export|install`: decks as files a trainer hands to a colleague (see game/io/deckpack)."""

import argparse
import json
import sys
from pathlib import Path


def add_commands(commands: argparse._SubParsersAction) -> None:
    deck = commands.add_parser("deck", help="list decks, export one as a .tmdeck file, install a .tmdeck file")
    what = deck.add_subparsers(dest="deck_command", required=True)
    listing = what.add_parser("list", help="every deck the game plays with: shipped, yours, and yours replacing ours")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    out = what.add_parser("export", help="write one deck, with its card art, into a .tmdeck file")
    out.add_argument("deck_id", metavar="DECK_ID")
    out.add_argument("--out", required=True, type=Path, metavar="FILE.tmdeck")
    install = what.add_parser(
        "install",
        help="check a .tmdeck file whole, then add its deck to your decks",
        description="Nothing is written unless the whole pack is valid. When you already have a deck with the "
        "same id, choose --replace (your old file is kept in cards/replaced/) or --keep-both (the new deck "
        "gets a free id).",
    )
    install.add_argument("file", type=Path, metavar="FILE.tmdeck")
    clash = install.add_mutually_exclusive_group()
    clash.add_argument("--replace", action="store_true", help="replace your deck with the same id")
    clash.add_argument("--keep-both", action="store_true", help="install under a new id beside yours")


def run(args: argparse.Namespace, data_dir: Path, lang: str) -> int:
    from game import paths
    from game.domain.content import load_content
    from game.io import deckpack

    decks_dir = paths.user_decks_dir(data_dir)
    if args.deck_command == "install":
        try:
            pack = deckpack.read(args.file)
            target = deckpack.install(pack, decks_dir, replace=args.replace, keep_both=args.keep_both)
        except deckpack.PackError as e:
            return _fail(str(e))
        except deckpack.DeckClash as e:
            return _fail(f"{args.file}: {e}; add --replace or --keep-both")
        except OSError as e:
            return _fail(f"{args.file}: nothing installed: cannot write {e.filename}: {e.strerror}")
        print(f"installed deck {pack.deck.name.get(lang)} ({len(pack.deck.cards)} cards) as {target}")
        return 0
    content = load_content([paths.shipped("cards"), decks_dir], [paths.shipped("scenarios")])
    shipped = {p.stem for p in paths.shipped("cards").glob("*.toml")}
    if args.deck_command == "export":
        deck = content.decks.get(args.deck_id)
        if deck is None:
            return _fail(f"no deck with the id {args.deck_id!r}; `technomagic deck list` shows them")
        try:
            deckpack.build(deck, args.out)
        except OSError as e:
            return _fail(f"cannot write {args.out}: {e.strerror or e}")
        print(f"wrote deck {deck.id} ({len(deck.cards)} cards) to {args.out}")
        return 0
    rows = []
    for deck in content.decks.values():
        mine = deck.path.parent != paths.shipped("cards")
        origin = ("replaces shipped" if deck.id in shipped else "yours") if mine else "shipped"
        rows.append({"id": deck.id, "kind": deck.kind, "name": deck.name.get(lang), "cards": len(deck.cards),
                     "origin": origin, "path": str(deck.path)})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(row["id"], row["kind"], row["cards"], row["origin"], row["name"], sep="\t")
    for problem in content.problems:
        print(f"technomagic: skipped: {problem}", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"technomagic: {message}".replace("\n", " "), file=sys.stderr)
    return 2
