"""The translations review window (issue 14): a translator marks a language's drafts reviewed, by entry or sheet.

**Settings > Translation review…** (enabled for a role that may edit content: supervisor, administrator) opens
:class:`TranslationReviewWindow`: pick a language, pick a sheet (a procedure's instruction sheet, or the
labour-exploitation sheet, or **Services of the area**: every text of the services directory, keys
``dir.<uid>.<field>`` and ``dir.category.<code>``, the coverage table's ``DIR`` document), and read each of its
texts with the Italian source, the translation and its state:

* *draft* - translated, not yet reviewed: selectable, **Mark selected reviewed** marks it;
* *reviewed* - done;
* *stale* - the Italian changed since it was translated: shown as needing work and not markable (it has to be
  translated again first, in the PO file);
* *missing* - not translated yet: not markable either.

**Mark the whole sheet reviewed** marks every draft of the sheet. Below the table the chosen text's translation
can be corrected (or written, for a missing or stale one) and saved with **Save translation**: the core's
:meth:`~desk_app.core.catalogue.ContentService.edit_text` stores it as reviewed against the current Italian
(permission ``edit_content``). The marking itself is the core's
:meth:`~desk_app.core.catalogue.ContentService.review_translations` (permission ``edit_content``, audited), which
refuses stale and missing rows again below the UI; the window only reports its counts. Other windows (the
administration window) open it through :meth:`TranslationReviewMenu.open`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui.appointments import bring_forward
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.catalogue import ReviewResult
    from desk_app.core.services import CoreServices
    from desk_app.errors import DeskError
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import UserDialogs

#: Background of a row by state: stale and missing rows need work (translation first), drafts wait for review.
#: (The core's catalogue modules are imported where used: this module is on the desk window's start-up path,
#: which must not load the database layers, tests/gui/test_startup_imports.py.)
STATE_COLOURS = {"stale": QColor(255, 222, 200), "missing": QColor(250, 210, 210), "draft": QColor(255, 250, 225),
                 "reviewed": QColor(225, 245, 225)}
COLUMNS = 4  # state, key, Italian, translation
RLE, PDF = "\u202b", "\u202c"  # right-to-left embedding and its end
#: The services directory's sheet: desk_app.core.directory.COVERAGE_DOCUMENT (not imported here: start-up path).
DIRECTORY_SHEET = "DIR"


@dataclass(frozen=True)
class ReviewEntry:
    """One text of a sheet in one language: its key, the Italian source, the translation ("" if none), its state."""

    key: str
    italian: str
    translation: str
    status: str


@dataclass(frozen=True)
class ReviewSheet:
    """A sheet (procedure code, or ``EXPLOIT``) with its Italian name and its texts; ``status`` the worst of them."""

    code: str
    name: str
    entries: tuple[ReviewEntry, ...]

    @property
    def status(self) -> str:
        from desk_app.core.translations import worst

        return worst(e.status for e in self.entries)

    def counts(self) -> dict[str, int]:
        counts = {"reviewed": 0, "draft": 0, "stale": 0, "missing": 0}
        for entry in self.entries:
            counts[entry.status] += 1
        return counts


def review_sheets(core: CoreServices, lang: str, office_code: str | None = None) -> list[ReviewSheet]:
    """Every sheet of the office with its texts' Italian, ``lang`` translation and state (runs on the worker).

    Reads only what a sheet prints (the office's texts, no personal data), as the printouts do: no permission.
    """
    from desk_app.core.catalogue import SOURCE_LANGUAGE
    from desk_app.core.translations import EXPLOITATION, exploitation_keys, sheet_keys, translation_status

    italian = core.content.texts(SOURCE_LANGUAGE, office_code)
    target = core.content.texts(lang, office_code)

    def sheet(code: str, name: str, keys: Iterable[str]) -> ReviewSheet:
        entries = []
        for key in dict.fromkeys(keys):
            source = italian.get(key)
            if source is None:  # a key the office's Italian lacks is nothing to review
                continue
            row = target.get(key)
            entries.append(ReviewEntry(key, source.text, row.text if row is not None else "",
                                       translation_status(source, row)))
        return ReviewSheet(code, name, tuple(entries))

    sheets = [sheet(p.code, p.name, sheet_keys(p.code, p.step_count, p.place,
                                               [{"key": i.key, "condition": i.condition} for i in p.items], italian))
              for p in core.content.procedures(office_code)]
    title = italian.get("exploit.title")
    sheets.append(sheet(EXPLOITATION, title.text if title is not None else EXPLOITATION, exploitation_keys(italian)))
    from desk_app.core.directory import COVERAGE_DOCUMENT, directory_keys

    if directory := directory_keys(italian):  # the services directory (issue 15): named by the window (tr)
        sheets.append(sheet(COVERAGE_DOCUMENT, COVERAGE_DOCUMENT, directory))
    return sheets


class TranslationReviewWindow(QDialog):
    """Language picker, the sheets with their state, and the selected sheet's texts with the review buttons.

    Attributes:
        language: the language picker (the 12 target languages, each by its own name).
        sheet_list: the sheets, each with its worst state and counts.
        table: the selected sheet's texts: state, key, Italian, translation.
        mark_button / sheet_button: mark the selected drafts / every draft of the sheet reviewed.
        result_label: what the last marking did (counts from the core).
        sheets: what was read last, in the list's order.
    """

    def __init__(self, runtime: Runtime, actor: Actor, dialogs: UserDialogs, parent: QWidget | None = None) -> None:
        from desk_app.core.catalogue import LANGUAGE_NAMES
        from desk_app.core.translations import TARGET_LANGUAGES

        super().__init__(parent)
        self.runtime, self.actor, self.dialogs = runtime, actor, dialogs
        self.sheets: list[ReviewSheet] = []
        self._typed: tuple[str, str] | None = None
        self.setWindowTitle(self.tr("Translation review"))
        self.language = QComboBox()
        for code in TARGET_LANGUAGES:
            self.language.addItem(f"{LANGUAGE_NAMES[code]} ({code})", code)
        self.language.currentIndexChanged.connect(lambda _: self.reload())
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        legend = QLabel(self.tr("Drafts can be marked reviewed. Stale texts (the Italian changed) and missing ones "
                                "must be translated first."))
        legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addWidget(legend, 1)

        self.sheet_list = QListWidget()
        self.sheet_list.setWordWrap(True)
        self.sheet_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.sheet_list.currentRowChanged.connect(lambda _: self._show_sheet())
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("State"), self.tr("Key"), self.tr("Italian"),
                                              self.tr("Translation")])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sheet_list)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 900])

        self.mark_button = QPushButton(self.tr("&Mark selected reviewed"))
        self.mark_button.clicked.connect(self.mark_selected)
        self.sheet_button = QPushButton(self.tr("Mark the whole &sheet reviewed"))
        self.sheet_button.clicked.connect(self.mark_sheet)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        # correcting one text: the chosen row's translation, saved as reviewed
        self.editor = QPlainTextEdit()
        self.editor.setMaximumHeight(90)
        self.editor.setTabChangesFocus(True)
        editor_label = QLabel(self.tr("Translation of the chosen &text:"))
        editor_label.setBuddy(self.editor)
        self.save_button = QPushButton(self.tr("Sa&ve translation"))
        self.save_button.clicked.connect(self.save_translation)
        self.table.currentCellChanged.connect(lambda *_: self._show_current())
        editing = QHBoxLayout()
        editing.addWidget(editor_label)
        editing.addWidget(self.editor, 1)
        editing.addWidget(self.save_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.mark_button)
        buttons.addWidget(self.sheet_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(editing)
        layout.addLayout(buttons)
        self.resize(1200, 720)
        self._update_buttons()

    # -- labels -----------------------------------------------------------------------------------------------------
    def state_label(self, status: str) -> str:
        """The state as the window shows it (stale and missing say that they need a translation)."""
        return {"draft": self.tr("draft"), "reviewed": self.tr("reviewed"),
                "stale": self.tr("stale: translate again"), "missing": self.tr("missing: translate first")}[status]

    def sheet_name(self, sheet: ReviewSheet) -> str:
        """The sheet's name: the procedure's Italian name, or the directory's own (a staff text)."""
        return self.tr("Services of the area") if sheet.code == DIRECTORY_SHEET else sheet.name

    def _sheet_text(self, sheet: ReviewSheet) -> str:
        counts = sheet.counts()
        return self.tr("%1 — %2\n%3 · draft %4, reviewed %5, stale %6, missing %7") \
            .replace("%1", sheet.code).replace("%2", self.sheet_name(sheet)) \
            .replace("%3", self.state_label(sheet.status)) \
            .replace("%4", str(counts["draft"])).replace("%5", str(counts["reviewed"])) \
            .replace("%6", str(counts["stale"])).replace("%7", str(counts["missing"]))

    # -- reading ----------------------------------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return str(self.language.currentData())

    def reload(self) -> None:
        """Read the sheets of the chosen language (on the worker) and show them, keeping the chosen sheet."""
        core = self.runtime.core
        if core is None:
            return

        def prepare() -> Callable[[], tuple[str, list[ReviewSheet]]]:
            lang = self.lang  # the language chosen when the read starts (a coalesced read may wait)
            return lambda: (lang, review_sheets(core, lang))

        Operation.prepared(self, prepare, self.runtime.operations) \
            .coalesce("review-read").success(self._loaded).failure(title=self.windowTitle()).run()

    def _loaded(self, result: tuple[str, list[ReviewSheet]]) -> None:
        lang, sheets = result
        if lang != self.lang:  # the language changed while this was read: its own read follows
            return
        current = self.current_sheet()
        chosen = current.code if current is not None else None
        self.sheets = sheets
        self.sheet_list.blockSignals(True)
        self.sheet_list.clear()
        for sheet in sheets:
            item = QListWidgetItem(self._sheet_text(sheet))
            item.setBackground(QBrush(STATE_COLOURS[sheet.status]))
            self.sheet_list.addItem(item)
        row = next((n for n, s in enumerate(sheets) if s.code == chosen), 0 if sheets else -1)
        self.sheet_list.setCurrentRow(row)
        self.sheet_list.blockSignals(False)
        self._show_sheet()

    def current_sheet(self) -> ReviewSheet | None:
        row = self.sheet_list.currentRow()
        return self.sheets[row] if 0 <= row < len(self.sheets) else None

    def _show_sheet(self) -> None:
        from desk_app.core.catalogue import RTL_LANGUAGES

        sheet = self.current_sheet()
        entries = sheet.entries if sheet is not None else ()
        rtl = self.lang in RTL_LANGUAGES
        self.table.clearSelection()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (self.state_label(entry.status), entry.key, entry.italian, entry.translation)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.key)
                item.setBackground(QBrush(STATE_COLOURS[entry.status]))
                flags = Qt.ItemFlag.ItemIsEnabled
                if entry.status == "draft":  # only a draft of the current Italian can be reviewed
                    flags |= Qt.ItemFlag.ItemIsSelectable
                else:
                    item.setToolTip(self.tr("Not markable: %1").replace("%1", self.state_label(entry.status))
                                    if entry.status != "reviewed" else self.tr("Already reviewed"))
                item.setFlags(flags)
                if column == 3 and rtl and text:
                    # The cell's paragraph direction is the window's (left to right): an embedding makes the
                    # Arabic or Urdu sentence read right to left, its full stop and brackets at the right end.
                    item.setText(f"{RLE}{text}{PDF}")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._show_current()
        self._update_buttons()

    def current_entry(self) -> ReviewEntry | None:
        """The text of the table's current row (the one the editor shows), if any."""
        sheet = self.current_sheet()
        row = self.table.currentRow()
        return sheet.entries[row] if sheet is not None and 0 <= row < len(sheet.entries) else None

    def _show_current(self) -> None:
        entry = self.current_entry()
        typed, self._typed = self._typed, None  # (key, text) typed before a refused save: only for that text
        self.editor.setPlainText(typed[1] if typed is not None and entry is not None and entry.key == typed[0]
                                 else entry.translation if entry is not None else "")
        self.editor.setEnabled(entry is not None)
        self.save_button.setEnabled(entry is not None)

    def _update_buttons(self) -> None:
        sheet = self.current_sheet()
        self.mark_button.setEnabled(bool(self.selected_keys()))
        self.sheet_button.setEnabled(sheet is not None and any(e.status == "draft" for e in sheet.entries))

    def selected_keys(self) -> list[str]:
        """Keys of the selected rows (only drafts can be selected)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        keys = []
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsSelectable:
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return keys

    # -- marking ----------------------------------------------------------------------------------------------------
    def mark_selected(self) -> None:
        """Mark the selected drafts reviewed."""
        self._mark(self.selected_keys())

    def mark_sheet(self) -> None:
        """Mark every text of the chosen sheet reviewed: the core reviews its drafts and counts the rest."""
        sheet = self.current_sheet()
        if sheet is not None:
            self._mark([e.key for e in sheet.entries])

    def _mark(self, keys: list[str]) -> None:
        core = self.runtime.core
        if core is None or not keys:
            return
        actor, lang = self.actor, self.lang
        Operation(self, lambda: core.content.review_translations(actor, lang, keys), self.runtime.operations) \
            .busy(self.mark_button, self.sheet_button).success(self._marked).failure(title=self.windowTitle()).run()

    def save_translation(self) -> None:
        """Store the editor's text as the chosen text's translation (reviewed, against the current Italian)."""
        core = self.runtime.core
        entry = self.current_entry()
        if core is None or entry is None:
            return
        actor, lang, key, text = self.actor, self.lang, entry.key, self.editor.toPlainText()
        expected = entry.translation  # as read: a translation someone saved meanwhile is not overwritten unseen
        Operation(self, lambda: core.content.edit_text(actor, key, lang, text, expected=expected),
                  self.runtime.operations) \
            .busy(self.save_button, self.mark_button, self.sheet_button) \
            .success(lambda _: self._saved(key)).failure(lambda exc: self._refused(exc, key, text)).run()

    def _refused(self, exc: DeskError, key: str, text: str) -> None:
        """A save refused: say why in place; if the translation changed meanwhile, read the sheet again and put
        the typed text back, so a second save replaces the new one knowingly."""
        self.result_label.setText(exc.message(self.runtime.language))
        if exc.code == "text_changed_meanwhile":
            self._typed = (key, text)
            self.reload()

    def _saved(self, key: str) -> None:
        self.result_label.setText(self.tr("Translation of %1 saved and marked reviewed.").replace("%1", key))
        self.reload()

    def _marked(self, result: ReviewResult) -> None:
        from desk_app.core.catalogue import LANGUAGE_NAMES

        self.result_label.setText(
            self.tr("%1: %2 marked reviewed, %3 already reviewed; not markable: %4 stale, %5 missing.")
            .replace("%1", LANGUAGE_NAMES[result.lang]).replace("%2", str(result.reviewed))
            .replace("%3", str(result.already)).replace("%4", str(result.stale)).replace("%5", str(result.missing)))
        self.reload()


class TranslationReviewMenu(QObject):
    """**Settings > Translation review…** of a desk window, enabled for a role that may edit content.

    Attributes:
        action: the menu action.
        window: the review window while open (closed at lock and logout).
    """

    def __init__(self, desk: MainWindow, menu: QMenu) -> None:
        super().__init__(desk)
        self.desk = desk
        self.window: TranslationReviewWindow | None = None
        self.action = QAction(self.tr("&Translation review…"), desk)
        self.action.triggered.connect(self.open)
        menu.addAction(self.action)
        desk.sessions.started.connect(lambda *_: self._update())
        desk.sessions.ended.connect(lambda *_: self.close())
        self._update()

    def _update(self) -> None:
        session = self.desk.sessions.session
        self.action.setEnabled(session is not None and session.actor.can("edit_content")
                               and self.desk.runtime.core is not None)

    def open(self) -> None:
        """Open (or raise) the review window for the logged-in person; nothing for a role that may not review."""
        session = self.desk.sessions.session
        if session is None or not session.actor.can("edit_content"):
            return
        if self.window is not None and self.window.actor != session.actor:
            self.close()
        if self.window is None:
            self.window = TranslationReviewWindow(self.desk.runtime, session.actor, self.desk.seams.dialogs,
                                                  self.desk)
            self.window.reload()
        bring_forward(self.window)

    def close(self) -> None:
        """Close the window when the session ends (the next person opens their own)."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self._update()


__all__ = ["ReviewEntry", "ReviewSheet", "TranslationReviewMenu", "TranslationReviewWindow", "review_sheets"]
