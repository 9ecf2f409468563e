# ruff: noqa: E501  (a table of file contents: one case a line reads best)
"""Bad and tricky files to import: every way a file has been seen to break an import, and more.

    python tests/io/nasty.py DIR     write them into DIR (to try by hand: technomagic import DIR/…)

`make(folder)` writes them and returns `Nasty(path, expect, why)` for each: `expect` is "refused" (exit 2, one
line), "imported" (exit 0) or "either" (a file that may be read either way, but never with a traceback). The test
in test_nasty_files.py runs `technomagic import` on every one.
"""

import codecs
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ENVELOPE = {"format": "technomagic-ideas", "version": 1}


@dataclass(frozen=True)
class Nasty:
    path: Path
    expect: str  # "refused", "imported" or "either"
    why: str


def _json_document(ideas: list | str) -> str:
    body = ideas if isinstance(ideas, str) else json.dumps(ideas, ensure_ascii=False)
    return '{"format": "technomagic-ideas", "version": 1, "ideas": ' + body + "}"


def _idea(**fields) -> str:
    """One idea as JSON text; a value given as `RAW(...)` is put in as it is (escapes JSON could not write)."""
    parts = []
    for name, value in {"title": "A title", **fields}.items():
        parts.append(f'"{name}": ' + (value.text if isinstance(value, RAW) else json.dumps(value, ensure_ascii=False)))
    return "{" + ", ".join(parts) + "}"


@dataclass(frozen=True)
class RAW:
    text: str


def json_cases() -> dict[str, tuple[str, bytes | str]]:
    """name → (expect, content) of the JSON files."""
    deep = 10_000
    c: dict[str, tuple[str, bytes | str]] = {
        "nested-lists-10000": ("refused", "[" * deep + "]" * deep),
        "nested-objects-10000": ("refused", '{"a":' * deep + "1" + "}" * deep),
        "nested-in-title": ("refused", _json_document("[" + _idea(title=RAW("[" * deep + "]" * deep)) + "]")),
        "nested-in-checks": ("refused", _json_document("[" + _idea(checks=RAW('{"a":' * deep + "1" + "}" * deep)) + "]")),
        "integer-5000-digits": ("refused", _json_document("[" + _idea(score=RAW("9" * 5000)) + "]")),
        "integer-5000-digits-top": ("refused", "9" * 5000),
        "integer-19-digits": ("refused", _json_document([{"title": "a", "score": 10**18}])),
        "integer-19-digits-dots": ("refused", _json_document([{"title": "a", "dots": 9_223_372_036_854_775_807}])),
        "negative-dots": ("refused", _json_document([{"title": "a", "dots": -2}])),
        "negative-score": ("refused", _json_document([{"title": "a", "score": -1}])),
        "score-over-checks": ("refused", _json_document([{"title": "a", "score": 21}])),
        "dots-over-cap": ("refused", _json_document([{"title": "a", "dots": 1_000_001}])),
        "score-float": ("refused", _json_document([{"title": "a", "score": 1.5}])),
        "score-huge-float": ("refused", _json_document("[" + _idea(score=RAW("1e400")) + "]")),
        "score-nan": ("refused", _json_document("[" + _idea(score=RAW("NaN")) + "]")),
        "score-infinity": ("refused", _json_document("[" + _idea(dots=RAW("-Infinity")) + "]")),
        "score-true": ("refused", _json_document([{"title": "a", "score": True}])),
        "checks-nan": ("refused", _json_document("[" + _idea(checks=RAW('{"simple": NaN}')) + "]")),
        "checks-not-bool": ("refused", _json_document([{"title": "a", "checks": {"simple": [1, 2]}}])),
        "checks-many": ("refused", _json_document([{"title": "a", "checks": {f"c{i}": True for i in range(500)}}])),
        "duplicate-ideas-key": ("refused", '{"format": "technomagic-ideas", "version": 1, "ideas": [{"title": "a"}], '
                                           '"ideas": [{"title": "b"}]}'),
        "duplicate-title-key": ("refused", _json_document('[{"title": "a", "title": "b"}]')),
        "duplicate-format-key": ("refused", '{"format": "x", "format": "technomagic-ideas", "version": 1, "ideas": []}'),
        "surrogate-title": ("refused", _json_document("[" + _idea(title=RAW('"\\ud800"')) + "]")),
        "surrogate-text": ("refused", _json_document("[" + _idea(text=RAW('"a\\udfff b"')) + "]")),
        "surrogate-tag": ("refused", _json_document("[" + _idea(tags=RAW('["\\ud800"]')) + "]")),
        "surrogate-note": ("refused", _json_document("[" + _idea(notes=RAW('[{"on": "2026-01-01", "text": "\\ud83d"}]'))
                                                     + "]")),
        "surrogate-team": ("refused", _json_document("[" + _idea(team=RAW('"\\udc80"')) + "]")),
        "surrogate-card": ("refused", _json_document("[" + _idea(lens_card=RAW('"\\ud800"')) + "]")),
        "surrogate-checks-key": ("refused", _json_document("[" + _idea(checks=RAW('{"\\ud800": true}')) + "]")),
        "surrogate-unknown-key": ("either", _json_document('[{"title": "a", "\\ud800": 1}]')),
        "surrogate-in-format": ("refused", '{"format": "\\ud800", "version": 1, "ideas": []}'),
        "surrogate-pair-ok": ("imported", _json_document("[" + _idea(title=RAW('"tree \\ud83c\\udf84"')) + "]")),
        "nul-escaped": ("refused", _json_document("[" + _idea(title=RAW('"a\\u0000b"')) + "]")),
        "escape-escaped": ("refused", _json_document("[" + _idea(text=RAW('"\\u001b[31mred"')) + "]")),
        "c1-escaped": ("refused", _json_document("[" + _idea(player=RAW('"\\u0085"')) + "]")),
        "nul-raw": ("refused", _json_document('[{"title": "a\x00b"}]')),
        "c1-raw": ("refused", _json_document('[{"title": "next line\x85"}]')),
        "c1-raw-in-key": ("refused", _json_document('[{"title": "a", "k\x9b": 1}]')),
        "vt-raw-outside": ("refused", _json_document('[{"title": "a"}\x0b]')),
        "tab-and-newline-escaped-ok": ("imported", _json_document([{"title": "a\tb", "text": "x\ny\r\nz"}])),
        "created-9999-west": ("refused", _json_document([{"title": "a", "created_at": "9999-12-31T23:59:59-05:00"}])),
        "created-0001-east": ("refused", _json_document([{"title": "a", "created_at": "0001-01-01T00:00:00+05:00"}])),
        "created-9999-utc": ("refused", _json_document([{"title": "a", "created_at": "9999-12-31T23:59:59+00:00"}])),
        "created-9999-naive": ("refused", _json_document([{"title": "a", "created_at": "9999-12-31T23:59:59"}])),
        "created-0001-naive": ("refused", _json_document([{"title": "a", "created_at": "0001-01-01T00:00:00"}])),
        "created-2100-last-hour": ("refused", _json_document([{"title": "a", "created_at": "2100-12-31T23:30:00+00:00"}])),
        "created-1899": ("refused", _json_document([{"title": "a", "created_at": "1899-12-31T12:00:00+00:00"}])),
        "updated-2101": ("refused", _json_document([{"title": "a", "updated_at": "2101-01-01T00:00:00+00:00"}])),
        "created-ok": ("imported", _json_document([{"title": "a", "created_at": "2026-12-15T10:00:00+03:00"}])),
        "due-9999": ("refused", _json_document([{"title": "a", "promise_due": "9999-12-31"}])),
        "due-0001": ("refused", _json_document([{"title": "a", "promise_due": "0001-01-01"}])),
        "due-not-a-date": ("refused", _json_document([{"title": "a", "promise_due": "2026-02-30"}])),
        "note-on-1000": ("refused", _json_document([{"title": "a", "notes": [{"on": "1000-01-01", "text": "x"}]}])),
        "title-81": ("refused", _json_document([{"title": "t" * 81}])),
        "title-5mb": ("refused", _json_document([{"title": "t" * 5_000_000}])),
        "text-501": ("refused", _json_document([{"title": "a", "text": "x" * 501}])),
        "team-huge": ("refused", _json_document([{"title": "a", "team": "T" * 1000}])),
        "player-41": ("refused", _json_document([{"title": "a", "player": "P" * 41}])),
        "who-301": ("refused", _json_document([{"title": "a", "promise_who": "w" * 301}])),
        "first-step-301": ("refused", _json_document([{"title": "a", "promise_first_step": "w" * 301}])),
        "success-sign-301": ("refused", _json_document([{"title": "a", "promise_success_sign": "w" * 301}])),
        "note-2001": ("refused", _json_document([{"title": "a", "notes": [{"on": "2026-01-01", "text": "n" * 2001}]}])),
        "tags-100000": ("refused", _json_document([{"title": "a", "tags": [f"t{i}" for i in range(100_000)]}])),
        "tags-21": ("refused", _json_document([{"title": "a", "tags": [f"t{i}" for i in range(21)]}])),
        "tag-41": ("refused", _json_document([{"title": "a", "tags": ["x" * 41]}])),
        "card-id-81": ("refused", _json_document([{"title": "a", "lens_card": "c" * 81}])),
        "limits-exactly-ok": ("imported", _json_document([{
            "title": "t" * 80, "text": "x" * 500, "player": "p" * 40, "team": "T" * 40, "promise_who": "w" * 300,
            "tags": [f"{i:02d}" + "g" * 38 for i in range(20)], "score": 20, "dots": 1000,
            "notes": [{"on": "1900-01-01", "text": "n" * 2000}], "promise_due": "2100-12-31",
        }])),
        "no-title-takes-text": ("imported", _json_document([{"text": "First line of the text\nsecond"}])),
        "empty": ("refused", ""),
        "bom-only": ("refused", codecs.BOM_UTF8),
        "whitespace-only": ("refused", " \n\t\n"),
        "null": ("refused", "null"),
        "true": ("refused", "true"),
        "number": ("refused", "12"),
        "string": ("refused", '"ideas"'),
        "empty-list": ("imported", "[]"),
        "empty-object": ("refused", "{}"),
        "list-of-null": ("refused", "[null]"),
        "list-of-numbers": ("refused", "[1, 2]"),
        "list-of-lists": ("refused", "[[]]"),
        "ideas-null": ("refused", '{"format": "technomagic-ideas", "version": 1, "ideas": null}'),
        "version-true": ("refused", '{"format": "technomagic-ideas", "version": true, "ideas": []}'),
        "version-float": ("refused", '{"format": "technomagic-ideas", "version": 1.0, "ideas": []}'),
        "version-huge": ("refused", '{"format": "technomagic-ideas", "version": 1' + "0" * 5000 + ', "ideas": []}'),
        "truncated": ("refused", _json_document([{"title": "a"}])[:-5]),
        "trailing-garbage": ("refused", _json_document([{"title": "a"}]) + "xyz"),
        "trailing-comma": ("refused", '[{"title": "a"},]'),
        "single-quotes": ("refused", "[{'title': 'a'}]"),
        "title-number": ("refused", '[{"title": 5}]'),
        "title-null": ("refused", '[{"title": null}]'),
        "title-object": ("refused", '[{"title": {"a": 1}}]'),
        "status-list": ("refused", '[{"title": "a", "status": []}]'),
        "status-unhashable": ("refused", '[{"title": "a", "status": {"x": 1}}]'),
        "focus-list": ("refused", '[{"title": "a", "focus": ["wow"]}]'),
        "notes-dict": ("refused", '[{"title": "a", "notes": {"on": "2026-01-01"}}]'),
        "note-text-number": ("refused", '[{"title": "a", "notes": [{"on": "2026-01-01", "text": 5}]}]'),
        "tags-nested": ("refused", '[{"title": "a", "tags": [["x"]]}]'),
        "binary-garbage": ("refused", bytes(range(256)) * 4),
        "png": ("refused", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "latin1-json": ("refused", '[{"title": "café"}]'.encode("latin-1")),
        "utf16-json-bom": ("imported", codecs.BOM_UTF16_LE + '[{"title": "ёлка"}]'.encode("utf-16-le")),
        "utf16-json-no-bom": ("refused", '[{"title": "ёлка"}]'.encode("utf-16-le")),
        "utf32-json-bom": ("imported", codecs.BOM_UTF32_LE + '[{"title": "ёлка 2"}]'.encode("utf-32-le")),
        "utf16-bom-odd-bytes": ("refused", codecs.BOM_UTF16_LE + b"[\x00{\x00x"),
        "bom-then-garbage": ("refused", codecs.BOM_UTF8 + b"\xff\xfe\xfd"),
        "crlf-ok": ("imported", _json_document([{"title": "crlf"}]).replace(", ", ",\r\n")),
        "unknown-keys-many": ("imported", _json_document([{"title": "many keys", **{f"k{i}": i for i in range(5000)}}])),
        "unknown-key-newline": ("imported", _json_document([{"title": "odd key", "a\nb": 1}])),
        "id-text": ("imported", _json_document([{"title": "id as text", "id": "x", "session_id": {}}])),
        "status-number": ("refused", _json_document([{"title": "a", "status": 1}])),
        "status-russian-label": ("refused", _json_document([{"title": "a", "status": "в планах"}])),
        "note-on-null": ("refused", _json_document([{"title": "a", "notes": [{"on": None, "text": "x"}]}])),
        "note-extra-keys": ("imported", _json_document([{"title": "note keys", "notes": [{"on": "2026-01-01", "text": "x", "by": "me"}]}])),
        "due-number": ("refused", _json_document([{"title": "a", "promise_due": 20261215}])),
        "due-datetime": ("refused", _json_document([{"title": "a", "promise_due": "2026-12-15T10:00:00"}])),
        "created-number": ("refused", _json_document([{"title": "a", "created_at": 0}])),
        "created-empty": ("refused", _json_document([{"title": "a", "created_at": ""}])),
        "created-no-zone-ok": ("imported", _json_document([{"title": "no zone", "created_at": "2026-12-15T10:00:00"}])),
        "checks-empty-key": ("imported", _json_document([{"title": "empty check key", "checks": {"": True}}])),
        "checks-key-81": ("refused", _json_document([{"title": "a", "checks": {"c" * 81: True}}])),
        "title-and-text-blank": ("refused", _json_document([{"title": " \n\t", "text": "  "}])),
        "title-line-separator": ("either", _json_document([{"title": "a\u2028b"}])),
        "title-rtl-override": ("either", _json_document([{"title": "evil\u202egnp.exe"}])),
        "title-zero-width": ("imported", _json_document([{"title": "zero\u200bwidth"}])),
        "key-10000-chars": ("imported", _json_document([{"title": "long key", "k" * 10_000: 1}])),
        "ideas-1000-ok": ("imported", _json_document([{"title": f"idea {i}", "text": "x" * 400} for i in range(1000)])),
        "version-string": ("refused", '{"format": "technomagic-ideas", "version": "1", "ideas": []}'),
        "format-list": ("refused", '{"format": ["technomagic-ideas"], "version": 1, "ideas": []}'),
        "ideas-string": ("refused", '{"format": "technomagic-ideas", "version": 1, "ideas": "[]"}'),
        "ideas-100000-nulls": ("refused", _json_document("[" + ",".join(["null"] * 100_000) + "]")),
        "empty-objects-5000000": ("refused", "[" + "{}," * 5_000_000 + "{}]"),
        "empty-lists-5000000": ("refused", "[" + "[]," * 5_000_000 + "[]]"),
    }
    return c


def _csv(rows: list[str], encoding: str = "utf-8", newline: str = "\n") -> bytes:
    return newline.join(rows).encode(encoding) + newline.encode(encoding)


def csv_cases() -> dict[str, tuple[str, bytes | str]]:
    million = ",".join(f"c{i}" for i in range(1_000_000))
    c: dict[str, tuple[str, bytes | str]] = {
        "header-1000000-columns": ("refused", "Idea," + million + "\nx\n"),
        "header-1000000-columns-no-title": ("refused", million + "\n"),
        "header-1001-columns": ("refused", "Idea," + ",".join(f"c{i}" for i in range(1000)) + "\nx\n"),
        "cp1251-semicolon": ("imported", _csv(["Идея;Кто;Срок", "Чай в очереди;Анна;15.12.2026"], "cp1251")),
        "cp1251-semicolon-crlf": ("imported", _csv(["Идея;Текст", "Кофе;Горячий кофе у входа"], "cp1251", "\r\n")),
        "utf16-tabs": ("imported", codecs.BOM_UTF16_LE + _csv(["Idea\tWho", "Тёплые полотенца\tАнна"], "utf-16-le")),
        "utf16-be": ("imported", codecs.BOM_UTF16_BE + _csv(["Idea,Who", "Полотенца BE,Oleg"], "utf-16-be")),
        "excel-sep-line": ("imported", "sep=;\nИдея;Кто\nПеченье к кофе;Анна\n"),
        "excel-sep-line-quoted": ("imported", '"sep=;"\nIdea;Who\nCookies with coffee;Anna\n'),
        "sep-line-then-bad-date": ("refused", "sep=;\nIdea;By when\nA;31.02.2026\n"),
        "delimiter-in-text": ("imported", "Idea;Who\n\"Tea, coffee, and cake\";Anna\n\"Milk, sugar\";Oleg\n"),
        "nul": ("refused", "Idea\nTea\x00 time\n"),
        "vertical-tab": ("refused", "Idea\nTea\x0btime\n"),
        "escape-char": ("refused", "Idea\n\x1b[31mred\n"),
        "c1-char": ("refused", "Idea\nNEL\x85\n"),
        "delete-char": ("refused", "Idea\nDEL\x7f\n"),
        "score-negative": ("refused", "Idea,Score\nA,-1\n"),
        "score-19-digits": ("refused", "Idea,Score\nA,9223372036854775807\n"),
        "score-arabic-digit": ("refused", "Idea,Score\nA,٣\n"),
        "score-superscript": ("refused", "Idea,Score\nA,²\n"),
        "score-float": ("refused", "Idea,Score\nA,1.5\n"),
        "score-plus": ("refused", "Idea,Score\nA,+5\n"),
        "score-over": ("refused", "Idea,Score\nA,21\n"),
        "dots-negative": ("refused", "Idea,Dots\nA,-2\n"),
        "dots-huge": ("refused", "Idea,Dots\nA,99999999999999999999\n"),
        "dots-ok": ("imported", "Idea,Dots,Score\nDots fine,1000,20\n"),
        "due-9999": ("refused", "Idea,By when\nA,31.12.9999\n"),
        "due-0001": ("refused", "Idea,By when\nA,0001-01-01\n"),
        "due-1899": ("refused", "Idea,By when\nA,31.12.1899\n"),
        "saved-9999-west": ("refused", "Idea,Saved\nA,9999-12-31T23:59:59-05:00\n"),
        "saved-0001-east": ("refused", "Idea,Saved\nA,0001-01-01T00:00:00+05:00\n"),
        "saved-9999-utc": ("refused", "Idea,Saved\nA,9999-12-31T23:59:59+00:00\n"),
        "saved-9999-local": ("refused", "Idea,Saved\nA,9999-12-31 23:59\n"),
        "saved-0001-local": ("refused", "Idea,Saved\nA,0001-01-01 00:00\n"),
        "saved-words-9999": ("refused", "Idea,Saved\nA,\"31 December 9999, 23:59\"\n"),
        "saved-iso-ok": ("imported", "Idea,Saved\nSaved fine,2026-12-15 14:05\n"),
        "note-year-1000": ("refused", "Idea,Notes\nA,1000-01-01: old\n"),
        "title-81": ("refused", "Idea\n" + "t" * 81 + "\n"),
        "text-501": ("refused", "Idea,Text\nA," + "x" * 501 + "\n"),
        "text-only-long-first-line": ("refused", "Text\n" + "x" * 600 + "\n"),
        "text-only-ok": ("imported", "Text\n" + "y" * 200 + "\nmore\n"),
        "cell-200000": ("refused", "Idea\n" + "z" * 200_000 + "\n"),
        "team-huge": ("refused", "Idea,Team\nA," + "T" * 1000 + "\n"),
        "player-41": ("refused", "Idea,Player\nA," + "P" * 41 + "\n"),
        "who-301": ("refused", "Idea,Who\nA," + "w" * 301 + "\n"),
        "tags-100000": ("refused", 'Idea,Tags\nA,"' + ",".join(f"t{i}" for i in range(100_000)) + '"\n'),
        "tag-41": ("refused", "Idea,Tags\nA," + "g" * 41 + "\n"),
        "note-2001": ("refused", "Idea,Notes\nA," + "n" * 2001 + "\n"),
        "card-81": ("refused", "Idea,Lens card\nA," + "c" * 81 + "\n"),
        "unclosed-quote": ("refused", 'Idea\n"unclosed\nmore\n'),
        "stray-quote": ("refused", 'Idea\nA\n"a"b\n'),
        "empty": ("refused", ""),
        "bom-only": ("refused", codecs.BOM_UTF8),
        "newlines-only": ("refused", "\n\n\n"),
        "header-only": ("imported", "Idea,Who\n"),
        "no-title-column": ("refused", "Who,When\nAnna,\n"),
        "binary-garbage": ("refused", bytes(range(256)) * 4),
        "png": ("refused", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "mixed-utf8-cp1251": ("refused", "Idea\nЧай\n".encode() + "Кофе\n".encode("cp1251")),
        "utf8-bom-then-cp1251": ("refused", codecs.BOM_UTF8 + b"Idea\n" + "Кофе\n".encode("cp1251")),
        "utf16-bom-odd": ("refused", codecs.BOM_UTF16_LE + b"I\x00d\x00e"),
        "status-unknown": ("refused", "Idea,Status\nA,done\n"),
        "lone-cr-lines": ("either", "Idea\rA\rB\r"),
        "column-name-newline": ("imported", '"Idea","Odd\nname"\nNewline header,x\n'),
        "column-names-many-unknown": ("imported", "Idea," + ",".join(f"extra{i}" for i in range(900)) + "\nMany,1\n"),
        "surrogate-free-emoji": ("imported", "Idea\nЁлка 🎄\n"),
        "header-duplicate-names": ("imported", "Idea,Idea\nFirst wins,second\n"),
        "header-quoted-newline-only": ("refused", '"\n"\nx\n'),
        "sep-line-empty": ("either", "sep=\nIdea\nA\n"),
        "sep-line-bom": ("imported", "\ufeffsep=;\nIdea;Who\nBOM and sep;Anna\n"),
        "delimiters-only": ("refused", ";;;;\n;;;;\n"),
        "row-2000-cells": ("imported", "Idea,Who\nWide row," + ",".join("x" * 2000) + "\n"),
        "title-blank-text-ok": ("imported", "Idea,Text\n  ,Only the text here\n"),
        "status-russian": ("imported", "Идея;Статус;Фокус\nПо-русски;в планах;План Б\n"),
        "saved-russian-words": ("imported", 'Идея;Сохранено\nСлова;"1 декабря 2026, 00:05"\n'),
        "saved-dotted": ("imported", "Idea,Saved\nDotted,15.12.2026\n"),
        "notes-several": ("imported", 'Idea,Notes\nNoted,"2026-12-03: one\nmore\n2026-12-05: two"\n'),
        "notes-bad-date": ("refused", 'Idea,Notes\nA,"2026-02-30: x"\n'),
        "due-us-order": ("refused", "Idea,Due\nA,12/15/2026\n"),
        "tab-separated-quoted": ("imported", 'Idea\tWho\n"Tab, quoted"\t"Anna"\n'),
        "crlf-inside-quotes": ("imported", 'Idea,Text\r\nCRLF,"a\r\nb"\r\n'),
        "ragged-rows": ("imported", "Idea,Who,Due\nShort row\nLong row,Anna,15.12.2026,extra,more\n"),
        "map-to-ignored-only": ("refused", "ID,Session\n1,2\n"),
        "koi8-r": ("either", "Идея;Кто\nЧай;Анна\n".encode("koi8_r")),
        "cp866": ("either", "Идея;Кто\nЧай;Анна\n".encode("cp866")),
        "cp1252": ("imported", "Idea;Who\nCafé crème;Zoë\n".encode("cp1252")),
        "utf32": ("imported", codecs.BOM_UTF32_LE + "Idea\nUTF-32 idea\n".encode("utf-32-le")),
        "formula-apostrophe": ("imported", "Idea\n'=1+2\n''=kept\n"),
    }
    return c


def _write(path: Path, content: bytes | str) -> None:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def special_files(folder: Path) -> list[Nasty]:
    """Files that are not plain files, and plain files with names that break lines and terminals."""
    made: list[Nasty] = []

    def add(path: Path, expect: str, why: str, create: Callable[[Path], None]) -> None:
        try:
            create(path)
        except (OSError, ValueError, NotImplementedError) as e:  # a platform without FIFOs or such names
            print(f"nasty: skipped {why}: {e}", file=sys.stderr)
            return
        made.append(Nasty(path, expect, why))

    good = _json_document([{"title": "named oddly"}])
    add(folder / "fifo.json", "refused", "a named pipe (must not hang)", lambda p: os.mkfifo(p))
    add(folder / "fifo.csv", "refused", "a named pipe, CSV", lambda p: os.mkfifo(p))
    add(folder / "zero.json", "refused", "a symlink to /dev/zero (must not eat memory)",
        lambda p: p.symlink_to("/dev/zero"))  # fmt: skip
    add(folder / "zero.csv", "refused", "a symlink to /dev/zero, CSV", lambda p: p.symlink_to("/dev/zero"))
    add(folder / "urandom.csv", "refused", "a symlink to /dev/urandom", lambda p: p.symlink_to("/dev/urandom"))
    add(folder / "devnull.json", "refused", "a symlink to /dev/null", lambda p: p.symlink_to("/dev/null"))
    add(folder / "dir.json", "refused", "a folder", lambda p: p.mkdir())
    add(folder / "dangling.json", "refused", "a symlink to nothing", lambda p: p.symlink_to(folder / "nowhere"))
    add(folder / "loop.json", "refused", "a symlink loop", lambda p: p.symlink_to(p))
    add(folder / "missing.csv", "refused", "no such file", lambda p: None)
    add(folder / "link-to-good.json", "imported", "a symlink to a good file",
        lambda p: (_write(folder / "target.data", _json_document([{"title": "through a link"}])),
                   p.symlink_to(folder / "target.data")))  # fmt: skip
    add(folder / "sparse-over-limit.json", "refused", "a sparse file of 201 MB (the size limit while reading)",
        lambda p: os.truncate(_write(p, b"[") or p, 201 * 2**20))  # fmt: skip
    add(folder / "new\nline.json", "refused", "a file name with a newline (the message stays one line)",
        lambda p: _write(p, '[{"title": 5}]'))  # fmt: skip
    add(folder / "new\nline-ok.json", "imported", "a good file whose name has a newline", lambda p: _write(p, good))
    add(folder / "tab\tand\rcr.csv", "refused", "a name with a tab and a CR", lambda p: _write(p, "Idea,Score\nA,-1\n"))
    add(folder / "esc\x1b[31m.json", "refused", "a name with a terminal escape", lambda p: _write(p, "{}"))
    add(folder / "ёлка 🎄 – ideas.json", "refused", "a name in Russian with an emoji", lambda p: _write(p, "null"))
    if sys.platform != "darwin":  # macOS refuses names that are not UTF-8
        add(Path(os.fsdecode(os.fsencode(folder) + b"/bad\xff\xfename.json")), "refused",
            "a name that is not UTF-8", lambda p: _write(p, "[1]"))  # fmt: skip
    return made


def make(folder: Path) -> list[Nasty]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for suffix, cases in ((".json", json_cases()), (".csv", csv_cases())):
        for name, (expect, content) in cases.items():
            path = folder / f"{name}{suffix}"
            _write(path, content)
            made.append(Nasty(path, expect, name))
    return made + special_files(folder)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "nasty-files")
    for nasty in make(target):
        print(nasty.expect, nasty.path, sep="\t")
