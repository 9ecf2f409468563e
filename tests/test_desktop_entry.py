"""The menu entry: a template that desktop-file-validate accepts, and an installed entry that starts the app from a
folder whose path has spaces (and worse) in it."""

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"


def validate(path: Path) -> str:
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    return (done.stdout + done.stderr).strip() + ("" if done.returncode == 0 else f" (exit {done.returncode})")


def exec_arguments(entry: Path) -> list[str]:
    """The Exec line as a desktop runs it (the Desktop Entry spec): the value's escapes (\\\\ is \\), then its
    arguments, split at spaces outside double quotes; inside them \\ escapes " ` $ and itself."""
    [line] = [line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")]
    value = line.removeprefix("Exec=").replace("\\\\", "\\")
    arguments, current, quoted, chars = [], "", False, iter(value)
    for char in chars:
        if quoted and char == "\\":
            following = next(chars)
            assert following in '"`$\\', f"{following!r} may not be escaped in Exec"
            current += following
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            arguments, current = [*arguments, current] if current else arguments, ""
        else:
            assert quoted or char not in '"`$\\', f"{char!r} must be quoted in Exec"
            current += char
    assert not quoted, "an Exec quote is never closed"
    return [*arguments, current] if current else arguments


def test_the_template_validates():
    assert validate(PACKAGING / "technomagic.desktop") == ""


@pytest.mark.parametrize("folder", ["My apps/Техномагия впечатлений", 'odd "quoted" $HOME `x` \\ folder'])
def test_the_installed_entry_validates_and_starts_the_app_from_a_folder_with_spaces(tmp_path, folder):
    app = tmp_path / folder
    app.mkdir(parents=True)
    for name in ("technomagic.desktop", "install-desktop-entry.sh"):
        shutil.copy(PACKAGING / name, app / name)
    started = tmp_path / "started"
    program = app / "technomagic"  # stands in for the frozen app: says it was started, and with what
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > {shlex.quote(str(started))}\n', encoding="utf-8")
    program.chmod(0o755)
    menu = tmp_path / "xdg"
    done = subprocess.run(["sh", str(app / "install-desktop-entry.sh")], capture_output=True, text=True,
                          env={**os.environ, "XDG_DATA_HOME": str(menu)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    entry = menu / "applications" / "technomagic.desktop"
    assert validate(entry) == ""
    arguments = exec_arguments(entry)
    assert arguments == [str(program)]
    subprocess.run(arguments, check=True, timeout=30)
    assert started.read_text(encoding="utf-8") == f"{program}\n"
    icon = next(line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Icon="))
    assert icon.removeprefix("Icon=").replace("\\\\", "\\") == str(app / "technomagic.svg")
