"""A streaming XLSX writer for one sheet of rows: the least Office Open XML that Excel, LibreOffice and openpyxl
read as a typed workbook.

Why not a library: the 100 000 ideas of bench/io.py (3.2 million cells), already in memory, take XlsxWriter's
constant-memory mode with `write_row` about 18 s of CPU and openpyxl's write-only mode with lxml about 23 s (measured
on 2026-12-01 with XlsxWriter 3.3 and openpyxl 3.1), nearly all of it their work per cell in Python. Here a page of
rows is made column by column, a comprehension a column, and compressed by a thread of its own while the next page
is made: about 2 s of CPU for the same rows. openpyxl leaves the frozen app (it stays a test dependency: the tests
read our workbooks with it, and LibreOffice opens them).

Cells: ints and floats as numbers; dates and times as serials with their number format; every string
as an inline string, which a spreadsheet never takes for a formula (text stays text), without the characters
XML cannot hold and cut at Excel's 32 767 characters. The sheet has a bold, frozen header row that is printed on
every page, column widths and an auto-filter over the rows written.
"""

import queue
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from itertools import chain, repeat
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

MAX_CELL = 32_767
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EPOCH = datetime(1899, 12, 30)  # serial 0 of the 1900 date system (1900-03-01 onwards, as Excel counts)
_DAY_EPOCH = _EPOCH.date()
_HEADER, _DATE, _TIME = 1, 2, 3  # the styles (cellXfs) below


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text(value: str, changed: dict[str, int] | None = None) -> str:
    """A string as a workbook can hold it; `changed` counts the cells that lost characters ("dropped") or were
    cut at MAX_CELL ("cut")."""
    clean = _ILLEGAL.sub("", value)
    if changed is not None:
        if len(clean) != len(value):
            changed["dropped"] += 1
        if len(clean) > MAX_CELL:
            changed["cut"] += 1
    return clean[:MAX_CELL]


#: What a column's cells hold (`write_sheet`): text, or numbers shown as they are, as dates or as times.
TEXT, NUMBER, DATE, TIME = "text", "number", "date", "time"
_STYLES = {NUMBER: "", DATE: f' s="{_DATE}"', TIME: f' s="{_TIME}"'}
#: A cell that needs more than copying: XML's special characters, or characters a workbook cannot hold.
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def date_serial(day: date) -> int:
    """A date as a spreadsheet counts it (for a DATE column)."""
    return (day - _DAY_EPOCH).days


def time_serial(moment: datetime) -> float:
    """A moment as a spreadsheet counts it, days and the fraction of the day (for a TIME column)."""
    since = (moment if moment.tzinfo is None else moment.replace(tzinfo=None)) - _EPOCH
    return since.days + (since.seconds + since.microseconds / 1e6) / 86400


def _texts(values: Sequence[str | None], changed: dict[str, int] | None) -> Sequence[str | None]:
    """A column's strings as a workbook's XML holds them. Checked all at once in C: almost every page needs
    nothing, and only the cells that do are made again one by one."""
    joined = "".join(filter(None, values))
    if not _SPECIAL.search(joined) and (len(joined) <= MAX_CELL or max(map(len, filter(None, values))) <= MAX_CELL):
        return values
    return [_escape(text(value, changed)) if value and _needs_work(value) else value for value in values]


def _needs_work(value: str) -> bool:
    return len(value) > MAX_CELL or _SPECIAL.search(value) is not None


def _escape(value: str) -> str:
    """`&`, `<`, `>` and a carriage return (which XML would read as a line feed) as XML writes them."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _cells(
    letter: str, kind: str, numbers: list[str], values: Sequence[Any], changed: dict[str, int] | None
) -> list[str]:
    """One column's cells of a page, "" for an empty one (a cell left out)."""
    if kind == TEXT:
        start, shown = f'<c r="{letter}', _texts(values, changed)
        if shown is values:
            return [
                f'{start}{n}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>' if value else ""
                for n, value in zip(numbers, values, strict=True)
            ]
        # a cell of control characters alone stays, empty
        return [
            f'{start}{n}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>' if given else ""
            for n, given, value in zip(numbers, values, shown, strict=True)
        ]
    start, style = f'<c r="{letter}', _STYLES[kind]
    return [
        f"{start}{n}\"{style}><v>{value!r}</v></c>" if value is not None else ""
        for n, value in zip(numbers, values, strict=True)
    ]


def write_sheet(
    path: Path,
    sheet_name: str,
    header: list[str],
    widths: list[int],
    kinds: list[str],
    pages: Iterable[Sequence[Sequence[Any]]],
    date_format: str,
    time_format: str,
    changed: dict[str, int] | None = None,
) -> int:
    """Write `header` and the rows of `pages` as the only sheet of a workbook at `path`; returns how many rows
    were written.

    A page is some rows given as their columns, one sequence of values for each of `kinds` (TEXT: strings;
    NUMBER: ints or floats; DATE and TIME: `date_serial`s and `time_serial`s; None or "" leaves a cell empty).
    Column by column, a page's cells are made by one comprehension each, and its rows joined and written at once:
    per cell Python does no more than format a string."""
    letters = [column_letter(n) for n in range(len(header))]
    last = letters[-1]
    written = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, content in _package(sheet_name, date_format, time_format).items():
            book.writestr(name, content)
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet, _Writer(sheet.write) as write:
            write(_sheet_start(widths).encode())
            top = "".join(
                f'<c r="{letter}1" t="inlineStr" s="{_HEADER}"><is><t>{escape(label)}</t></is></c>'
                for letter, label in zip(letters, header, strict=True)
            )
            write(f'<row r="1">{top}</row>'.encode())
            for columns in pages:
                count = len(columns[0])
                numbers = [str(n) for n in range(written + 2, written + 2 + count)]  # every cell names its row
                cells = [
                    _cells(letter, kind, numbers, values, changed)
                    for letter, kind, values in zip(letters, kinds, columns, strict=True)
                ]
                starts = [f'<row r="{n}">' for n in numbers]
                write("".join(chain.from_iterable(zip(starts, *cells, repeat("</row>")))).encode())
                written += count
            write(
                f'</sheetData><autoFilter ref="A1:{last}{written + 1}"/>'
                '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                "</worksheet>".encode()
            )
    return written


class _Writer:
    """Writes bytes in a thread of its own, a few pages behind: the compression (zlib, which lets go of the GIL)
    of one page runs while the next is made. An error in the thread is raised in the caller's at its next write or
    at the end; an error in the caller's ends the thread."""

    def __init__(self, write: Callable[[bytes], object], ahead: int = 3) -> None:
        self._write = write
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=ahead)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="xlsx writer", daemon=True)

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:  # after an error the rest is taken and dropped: the caller never waits
                try:
                    self._write(data)
                except BaseException as e:  # handed to the caller's thread, raised there
                    self._error = e

    def __call__(self, data: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(data)

    def __enter__(self) -> "_Writer":
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, *_details: object) -> None:
        self._queue.put(None)
        self._thread.join()
        if kind is None and self._error is not None:
            raise self._error


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _sheet_start(widths: list[int]) -> str:
    cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, start=1))
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr>'
        '<sheetViews><sheetView workbookViewId="0" tabSelected="1">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    )


def _package(sheet_name: str, date_format: str, time_format: str) -> dict[str, str]:
    """Every part but the sheet: content types, relationships, the workbook (with the header printed on every
    page and the filter's range), and the styles (a bold header, the date and the time formats)."""
    quoted = "'" + sheet_name.replace("'", "''") + "'"
    return {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name={quoteattr(sheet_name)} sheetId="1" r:id="rId1"/></sheets>'
            f'<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(quoted)}!$1:$1'
            "</definedName></definedNames></workbook>"
        ),
        "xl/styles.xml": (
            f'{_XML}<styleSheet xmlns="{_MAIN}">'
            f'<numFmts count="2"><numFmt numFmtId="164" formatCode={quoteattr(date_format)}/>'
            f"<numFmt numFmtId=\"165\" formatCode={quoteattr(time_format)}/></numFmts>"
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        ),
    }
