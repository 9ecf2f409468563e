"""Exports and imports: ideas out to CSV, XLSX, Markdown, JSON and PDF, decks to print-and-play, ideas back in.

Every file is written atomically (a temporary file, then a rename): a crash never leaves half a file.
"""

#: The one list of the idea exports: the command line's --format, the screens' save dialog and `tabular.export`
#: all take it from here (importing it costs nothing: no database, no Qt). A test checks that they agree.
EXPORT_FORMATS = ("csv", "xlsx", "md", "json", "pdf")
