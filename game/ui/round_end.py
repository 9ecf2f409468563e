"""A round's end, solo or workshop: saved to the idea library (or kept in a file when it cannot be), then its
summary with Export, Report and Play again."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from game.io.atomic import write_text_atomically
from game.ui.library import ServerAway
from game.ui.screen_stack import Screen
from game.ui.widgets import tr, trn

if TYPE_CHECKING:
    from game.domain.round import Round
    from game.ui.main_window import MainWindow
    from game.ui.screens import SummaryScreen


class RoundEnd:
    """Finishes the window's round in play and shows its summary; `saved_note` says where its ideas went."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.saved_note = ""
        self.saved_ids: list[int] = []
        self._finishing = False

    def finish(self) -> None:
        win = self.window
        rnd = win.round
        assert rnd is not None
        if self._finishing:
            return  # a second Finish while the first one waits for the library
        from game.ui.transfer import run_off_ui

        self._finishing = True
        try:  # off the UI thread: a library busy with an import elsewhere is waited for, the window keeps painting
            ids = run_off_ui(win, tr("Saving to the idea library…"), lambda: win.library.save(rnd, win.lang))
        except ServerAway as e:  # the game plays on; the round goes to the library once its server is back
            kept = self.keep_round_file(rnd)
            self.saved_note = tr(
                "The library server ({0}) cannot be reached: your round waits in {1} and is sent when it is back."
            ).format(e, kept.parent)
            ids = []
        except OSError as e:  # the library is broken: keep the round in a file, say where
            try:
                kept = self.keep_round_file(rnd)
            except OSError as kept_error:  # the folder takes no writes either: the round stays open, in memory
                win.statusBar().showMessage(
                    tr("Could not save to the library ({0}), nor keep the round in {1} ({2}). The round stays open: "
                       "free some space or fix the folder, then finish again.").format(
                        e, win.data_dir / "unsaved", kept_error.strerror or kept_error
                    )
                )  # fmt: skip
                win.show_round()
                return
            self.saved_note = tr("Could not save to the library ({0}). Your round is kept in {1}").format(e, kept)
            ids = []
        else:
            self.saved_note = tr("Saved to the idea library: {0}.").format(trn("%n ideas", len(ids)))
        finally:
            self._finishing = False
        self.saved_ids = ids
        win.saver.forget()
        win.workshop.round_ended()
        self.show_summary()

    def keep_round_file(self, rnd: Round) -> Path:
        folder = self.window.data_dir / "unsaved"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"round-{time.strftime('%Y%m%d-%H%M%S')}-{rnd.uid[:8]}.json"
        write_text_atomically(path, json.dumps(json.loads(rnd.to_json()), ensure_ascii=False, indent=1))
        return path

    def rounds_sent(self, count: int) -> None:
        """Rounds that waited for the library's server reached it: the summary on the screen says so."""
        self.saved_note = tr("The library is back: rounds that waited, saved now: {0}.").format(count)
        summary = self.window.stack.get(Screen.SUMMARY)
        if summary is not None:
            summary.saved.setText(self.saved_note)

    def show_summary(self) -> None:
        from game.ui.screens import SummaryScreen

        win = self.window
        assert win.round is not None
        summary = SummaryScreen(win.round, win.lang, self.saved_note, win)
        summary.play_again.connect(win.flow(win.round).show_start)
        summary.open_library.connect(win.show_library)
        summary.go_home.connect(win.show_home)
        summary.export.connect(lambda: self._export(summary))
        summary.report.connect(lambda: self._report(summary))
        room = win.workshop.room
        if room is not None and room.is_open and room.ws is win.round:  # the phones still see the end
            from game.ui.room_panel import report_switch

            summary.add_room_control(report_switch(room, summary))
        win.stack.show_screen(Screen.SUMMARY, summary, self.show_summary)

    def _export(self, summary: SummaryScreen) -> None:
        from game.ui.transfer import export_ideas

        win = self.window
        engine = win.library.engine()
        if engine is None or not self.saved_ids:
            summary.saved.setText(self.saved_note)
            return
        from game.store.ideas import IdeaFilter

        title = win.round.scenario.name.get(win.lang)
        said = export_ideas(win, engine, IdeaFilter(ids=tuple(self.saved_ids)), win.lang, tr("round"), title)
        if said:
            summary.saved.setText(said)

    def _report(self, summary: SummaryScreen) -> None:
        from game.ui.transfer import report_round

        said = report_round(self.window, self.window.round, self.window.lang)
        if said:
            summary.saved.setText(said)
