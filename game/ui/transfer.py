"""Export and import from the screens: file dialogs, a CSV column-mapping preview, and long work kept off
the UI thread (the window stays alive while 100 000 ideas are written)."""

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from game.io import EXPORT_FORMATS
from game.ui.widgets import tr, trn

IDEA_FORMATS = EXPORT_FORMATS


def format_filters() -> dict[str, str]:
    return {
        "csv": tr("Spreadsheet, CSV (*.csv)"),
        "xlsx": tr("Excel workbook (*.xlsx)"),
        "md": tr("Markdown for a wiki (*.md)"),
        "json": tr("JSON, to import again (*.json)"),
        "pdf": tr("PDF handout (*.pdf)"),
    }


class _Finished(QObject):
    """Says on the UI thread that the work of `run_off_ui` has ended (emitted from its thread)."""

    finished = Signal()


def run_off_ui(parent: QWidget, label: str, work: Callable[[], Any]) -> Any:
    """Run `work` in a thread while a progress dialog keeps the window responsive; re-raise its error.

    The window waits in Qt's own event loop, which holds no Python lock while nothing happens: a loop of ours
    polling the thread took that lock back fifty times a second, and an import of 100 000 ideas a second longer."""
    outcome: dict[str, Any] = {}
    finished, loop = _Finished(), QEventLoop()
    finished.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def target() -> None:
        try:
            outcome["value"] = work()
        except Exception as e:  # handed back to the UI thread below, where it is shown or raised
            outcome["error"] = e
        finally:
            finished.finished.emit()

    thread = threading.Thread(target=target, daemon=True)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setValue(0)  # (Qt shows the dialog after the minimum duration only once it has a value)
    thread.start()
    loop.exec()  # until the thread's signal (queued: it is seen even when the work ends before this line)
    thread.join()
    progress.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def choose_export_path(parent: QWidget, suggested: str, formats=IDEA_FORMATS) -> tuple[Path, str] | None:
    filters = format_filters()
    path, chosen = QFileDialog.getSaveFileName(
        parent, tr("Export ideas"), suggested, ";;".join(filters[f] for f in formats)
    )
    if not path:
        return None
    fmt = Path(path).suffix.lstrip(".").lower()
    if fmt not in formats:
        fmt = next((f for f in formats if filters[f] == chosen), formats[0])
        path = f"{path}.{fmt}"
    return Path(path), fmt


class CsvOptionsDialog(QDialog):
    """What separates the cells of a CSV file: the spreadsheet that opens it decides (Russian Excel wants ';')."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export ideas"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Separate the cells with:")))
        self.delimiter = QComboBox(self)
        self.delimiter.addItem(tr("Semicolon ; (Excel in Russian and most of Europe)"), ";")
        self.delimiter.addItem(tr("Comma , (Excel in English, Google Sheets)"), ",")
        self.delimiter.addItem(tr("Tab"), "\t")
        self.delimiter.setCurrentIndex(0 if lang == "ru" else 1)
        layout.addWidget(self.delimiter)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Export"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


def export_ideas(parent: QWidget, engine, flt, lang: str, suggested: str, title: str) -> str | None:
    """Ask where (and for CSV, with what between the cells), write the ideas in the chosen format, and say what
    was written (or why not, or what had to change)."""
    from game.io import tabular

    chosen = choose_export_path(parent, suggested)
    if chosen is None:
        return None
    path, fmt = chosen
    delimiter = None
    if fmt == "csv":
        options = CsvOptionsDialog(lang, parent)
        if options.exec() != QDialog.DialogCode.Accepted:
            return None
        delimiter = options.delimiter.currentData()
    try:
        if fmt == "pdf":  # painted with Qt: on the UI thread, with a busy cursor
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                count = tabular.export(engine, flt, path, fmt, lang, title)
            finally:
                QApplication.restoreOverrideCursor()
        else:
            count = run_off_ui(
                parent, tr("Exporting…"), lambda: tabular.export(engine, flt, path, fmt, lang, title, delimiter)
            )
    except OSError as e:
        message = tr("Could not write {0}: {1}").format(path, e.strerror or e)
        QMessageBox.warning(parent, tr("Export ideas"), message)
        return message
    said = tr("{0} written to {1}").format(trn("%n ideas", int(count)), path)
    warnings = [warning.render(tr) for warning in getattr(count, "warnings", ())]
    if warnings:
        QMessageBox.warning(parent, tr("Export ideas"), "\n".join([said, *warnings]))
        return " ".join([said, *warnings])
    return said


def field_label(field: str, lang: str) -> str:
    """An idea field as the export's column headers name it in the UI language."""
    from game.io.tabular import COLUMNS

    column = COLUMNS.get(field)
    return (column.ru if lang == "ru" else column.en) if column else field


class CsvMappingDialog(QDialog):
    """The first rows of a CSV file, and for each of its columns the idea field it fills."""

    def __init__(self, headers: list[str], rows: list[list[str]], mapping: dict[str, str], fields: list[str],
                 parent: QWidget | None = None, lang: str = "en", encoding: str = "",
                 delimiter: str = ","):  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("Import a CSV file"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Choose which idea field each column fills; columns set to “skip” are ignored.")))
        self.read_as = QLabel(self)
        if encoding:
            shown = {";": tr("semicolons"), ",": tr("commas"), "\t": tr("tabs")}.get(delimiter, repr(delimiter))
            self.read_as.setText(tr("Read as {0}, cells separated by {1}.").format(encoding, shown))
        layout.addWidget(self.read_as)
        self.table = QTableWidget(len(rows) + 1, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.combos: list[QComboBox] = []
        for col, header in enumerate(headers):
            combo = QComboBox(self.table)
            combo.addItem(tr("skip"), "")
            for field in fields:
                combo.addItem(field_label(field, lang), field)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(header, ""))))
            self.table.setCellWidget(0, col, combo)
            self.combos.append(combo)
            for row, values in enumerate(rows, 1):
                self.table.setItem(row, col, QTableWidgetItem(values[col] if col < len(values) else ""))
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        self.headers = headers
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Import"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in zip(self.headers, self.combos, strict=True) if c.currentData()}


def import_ideas(parent: QWidget, engine, lang: str = "en") -> str | None:
    """Ask for a JSON or CSV file, show a CSV's columns, and merge it into the library (all or nothing)."""
    from game.io import importer

    name, _ = QFileDialog.getOpenFileName(parent, tr("Import ideas"), "", tr("Ideas (*.json *.csv)"))
    if not name:
        return None
    path = Path(name)
    try:
        if path.suffix.lower() == ".csv":
            preview = importer.csv_preview(path)
            dialog = CsvMappingDialog(preview.headers, preview.rows, preview.mapping, importer.CSV_FIELDS, parent,
                                      lang, preview.encoding, preview.delimiter)  # fmt: skip
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            mapping = dialog.mapping()
            result = run_off_ui(parent, tr("Importing…"), lambda: importer.import_csv(engine, path, mapping))
        else:
            result = run_off_ui(parent, tr("Importing…"), lambda: importer.import_json(engine, path))
    except importer.ImportError_ as e:
        message = tr("Nothing was imported: {0}").format(e.render(tr))
        QMessageBox.warning(parent, tr("Import ideas"), message)
        return message
    return tr("Imported {0}; {1} already in the library.").format(
        trn("%n ideas", result.added), trn("%n ideas", result.skipped_duplicates)
    )


def report_round(parent: QWidget, rnd, lang: str) -> str | None:
    """The session report of a round, as PDF or HTML, where the person chooses."""
    from datetime import UTC, datetime

    from game.io import report

    filters = {"pdf": tr("PDF report (*.pdf)"), "html": tr("Web page (*.html)")}
    name, chosen = QFileDialog.getSaveFileName(parent, tr("Session report"), tr("report"), ";;".join(filters.values()))
    if not name:
        return None
    fmt = Path(name).suffix.lstrip(".").lower()
    if fmt not in filters:
        fmt = next((f for f, label in filters.items() if label == chosen), "pdf")
        name = f"{name}.{fmt}"
    session = report.round_session(rnd, lang, datetime.now(UTC).isoformat())
    try:
        report.write_session_report(session, report.round_idea_dicts(rnd), Path(name), lang, fmt, content=rnd.content)
    except OSError as e:
        message = tr("Could not write {0}: {1}").format(name, e.strerror or e)
        QMessageBox.warning(parent, tr("Session report"), message)
        return message
    return tr("Report written to {0}").format(name)


def print_deck(parent: QWidget, deck, lang: str) -> str | None:
    """A deck as cut-out cards on A4 or US Letter."""
    from game.io import pdf

    filters = {"a4": tr("Cards on A4 (*.pdf)"), "letter": tr("Cards on US Letter (*.pdf)")}
    name, chosen = QFileDialog.getSaveFileName(parent, tr("Print this deck"), deck.id, ";;".join(filters.values()))
    if not name:
        return None
    paper = next((p for p, label in filters.items() if label == chosen), "a4")
    path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    try:
        pages = pdf.write_print_and_play(deck, path, lang, paper)
    except OSError as e:
        message = tr("Could not write {0}: {1}").format(path, e.strerror or e)
        QMessageBox.warning(parent, tr("Print this deck"), message)
        return message
    return tr("{0} pages of cards written to {1}").format(pages, path)
