"""Keep the Russian translation in step with the code: extract, then compile.

    python tools/i18n.py          update assets/translations/technomagic_ru.ts and compile the .qm
    python tools/i18n.py --check  exit 1 if a string in the code has no finished Russian translation
    python tools/i18n.py --set "English" "Русский"   add or change one translation, then update as above
    python tools/i18n.py --set "%n ideas" "%n идея|%n идеи|%n идей" --set-en "%n ideas" "%n idea|%n ideas"
        a plural (`trn("%n ideas", n)`): Russian has three forms, English two (its own small catalogue)

Every UI string goes through `tr("…")` (context "Game"; English is the source language). We extract those
literals with `ast` rather than lupdate, whose Python parser gives module-level `tr` calls the wrong context.
"""

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "translations" / "technomagic_ru.ts"
QM = TS.with_suffix(".qm")
TS_EN = TS.with_name("technomagic_en.ts")  # English plural forms only: the source is English already
CONTEXT = "Game"


def extract(package: Path = ROOT / "game") -> dict[str, list[str]]:
    """Every literal passed to tr(...), with where it is used (file:line)."""
    found: dict[str, list[str]] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            arg = node.args[0]
            if name in ("tr", "trn") and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def read_ts(path: Path = TS) -> dict[str, str]:
    if not path.exists():
        return {}
    done = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
            forms = [form.text or "" for form in translation.findall("numerusform")]
            done[message.findtext("source", "")] = "|".join(forms) if forms else translation.text or ""
    return done


def write_ts(strings: dict[str, list[str]], done: dict[str, str], path: Path = TS, language: str = "ru_RU") -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, places in strings.items():
        message = ET.SubElement(context, "message")
        for file in dict.fromkeys(place.rsplit(":", 1)[0] for place in places):
            ET.SubElement(message, "location", filename=f"../../{file}")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if "%n" in source:  # a plural: one form per number class of the language
            message.set("numerus", "yes")
            for form in (done.get(source) or "").split("|"):
                ET.SubElement(translation, "numerusform").text = form
        elif done.get(source):
            translation.text = done[source]
        if not done.get(source):
            translation.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    tmp = path.with_suffix(".tmp")
    tmp.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    tmp.replace(path)


def compile_qm() -> None:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    for ts in (TS, TS_EN):
        if ts.exists():
            subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def plurals(strings: dict[str, list[str]]) -> dict[str, list[str]]:
    return {source: places for source, places in strings.items() if "%n" in source}


def missing() -> list[str]:
    done, english = read_ts(), read_ts(TS_EN)
    gaps = [s for s in extract() if not done.get(s)]
    return gaps + [f"{s} (English plural forms)" for s in plurals(extract()) if not english.get(s)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--set", nargs=2, action="append", default=[], metavar=("SOURCE", "RUSSIAN"))
    parser.add_argument("--set-en", nargs=2, action="append", default=[], metavar=("SOURCE", "ENGLISH_FORMS"))
    args = parser.parse_args()
    if args.check:
        gaps = missing()
        for source in gaps:
            print(f"no Russian translation: {source!r}")
        return 1 if gaps else 0
    done = read_ts()
    done.update(dict(args.set))
    write_ts(extract(), done)
    english = read_ts(TS_EN)
    english.update(dict(args.set_en))
    write_ts(plurals(extract()), english, TS_EN, "en_US")
    compile_qm()
    gaps = missing()
    print(f"{TS.relative_to(ROOT)}: {len(extract())} strings, {len(gaps)} without Russian")
    return 0


if __name__ == "__main__":
    sys.exit(main())
