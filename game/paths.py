"""The one place that knows where shipped data and user data live.

Shipped data (`cards/`, `scenarios/`, `assets/`) is found, in this order: inside a frozen app
(`sys._MEIPASS`), inside an installed wheel (`game/_data/`), then in the source checkout.
User data: `--data-dir`, else `TECHNOMAGIC_HOME`, else the platform's user data folder.
"""

import os
import sys
from pathlib import Path

SHIPPED = ("cards", "scenarios", "assets")
_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_root() -> Path:
    """The folder that holds `cards/`, `scenarios/` and `assets/` for this installation."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen)] if frozen else []
    candidates += [_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent]
    for root in candidates:
        if (root / "cards").is_dir() and (root / "scenarios").is_dir():
            return root
    raise FileNotFoundError("shipped game data not found; looked in: " + ", ".join(str(c) for c in candidates))


def shipped(name: str) -> Path:
    if name not in SHIPPED:
        raise ValueError(f"unknown shipped folder {name!r}")
    return shipped_root() / name


def asset(*parts: str) -> Path:
    return shipped("assets").joinpath(*parts)


def user_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder, created if missing."""
    if override:
        path = Path(override)
    elif os.environ.get("TECHNOMAGIC_HOME"):
        path = Path(os.environ["TECHNOMAGIC_HOME"])
    else:
        from platformdirs import user_data_dir as platform_dir

        path = Path(platform_dir("technomagic", appauthor=False))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_decks_dir(data_dir: Path) -> Path:
    """Users' own decks: they may replace (same deck id) or extend the shipped ones."""
    return data_dir / "cards"


def user_scenarios_dir(data_dir: Path) -> Path:
    return data_dir / "scenarios"
