"""Exports and imports: ideas out to CSV, XLSX, Markdown, JSON and PDF, decks to print-and-play, ideas back in.

Every file is written atomically (a temporary file, then a rename): a crash never leaves half a file.
"""
