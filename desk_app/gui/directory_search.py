"""The counter's search of the territorial services directory and its referral sheet (issue 15).

Ctrl+K in the clerk's workspace: the clerk types the person's need ("italiano", "casa", "medico"), optionally picks
a category, a place and a language spoken there; the results follow the typing (one coalesced search on the worker
per pause: while one runs, only the newest question waits). Arrows pick an entry, its referral sheet is previewed
in the person's language (the current ticket's, by default), bilingual with Italian if wanted; Ctrl+P prints it,
Ctrl+S saves it as PDF. A sheet handed out records a referral in the core (:meth:`ServiceDirectory.refer`), linked to
the desk's ticket and its open case: counted for the monitoring by day, category and language, without a name.

Keys: the need field has the focus; Up/Down move in the results from there; Enter or Ctrl+P prints, Ctrl+S saves;
Esc closes. Italian labels: Alt+B need («bisogno»), Alt+C category, Alt+O place («luogo»), Alt+P language spoken
(«lingua parlata»), Alt+L sheet language, Alt+I bilingual (English: Alt+N, Alt+C, Alt+O, Alt+G, Alt+L, Alt+B).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui.directory_models import DirectoryServicesModel, ServiceRole
from desk_app.gui.labels import language_choice
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.directory_types import DirectoryService, Localised
    from desk_app.core.sheets import Sheet
    from desk_app.errors import DeskError
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReferralContext:
    """Who the referral is for, as the workspace knows it when the sheet is handed out (no name).

    Attributes:
        ticket_id: the ticket at the desk, if any.
        case_id: its open case, if any.
        language: the person's language (the ticket's or the case's), if known.
    """

    ticket_id: int | None = None
    case_id: int | None = None
    language: str | None = None


@dataclass(frozen=True)
class SearchQuery:
    words: str
    category: str | None
    place: str
    language: str | None


#: Result columns that fit their text up to this share of the table's width (the service takes the rest).
_CAPPED_COLUMNS = {DirectoryServicesModel.ORGANISATION: 0.28, DirectoryServicesModel.PLACE: 0.18}


class DirectorySearchDialog(QDialog):
    """Search, preview and print the referral sheet (see the module docstring).

    Args:
        session: the clerk at the desk.
        runtime: operations.
        seams: the sheet printer and dialogs.
        context: asked when a sheet is handed out: the desk's ticket, case and the person's language.

    Signals:
        results_shown(int): a search answered and the list shows this many entries (tests wait on it).
        preview_shown(object): the preview shows this :class:`Sheet`.
        referred(int): a sheet was handed out and the core recorded referral ``id``.

    Attributes:
        model: the results.
        sheet: the sheet in the preview, if any.
        searches: how many searches reached the core (coalescing keeps it below the keystrokes).
    """

    results_shown = Signal(int)
    preview_shown = Signal(object)
    referred = Signal(int)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams,
                 context: Callable[[], ReferralContext], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk_app.core.directory import SPOKEN_LANGUAGES  # core loaded: someone is logged in
        from desk_app.core.directory_types import CATEGORIES
        from desk_app.core.queue import LANGUAGES

        self.setObjectName("directorySearch")
        self.setWindowTitle(self.tr("Services of the territory"))
        self.session, self.runtime, self.seams, self.context = session, runtime, seams, context
        self.sheet: Sheet | None = None
        self.searches = 0
        self._site_url = ""
        self._preview_request = 0

        self.wordsEdit = QLineEdit(self)
        self.wordsEdit.setObjectName("wordsEdit")
        self.wordsEdit.setPlaceholderText(self.tr("What does the person need? e.g. italiano, casa, medico"))
        self.wordsEdit.setClearButtonEnabled(True)
        self.categoryCombo = QComboBox(self)
        self.categoryCombo.addItem(self.tr("every category"), None)
        for code in CATEGORIES:
            self.categoryCombo.addItem(code, code)  # names follow from the core (content texts) once read
        self.placeEdit = QLineEdit(self)
        self.placeEdit.setPlaceholderText(self.tr("town, postcode or province"))
        self.spokenCombo = QComboBox(self)
        self.spokenCombo.addItem(self.tr("any language"), None)
        for code in SPOKEN_LANGUAGES:
            self.spokenCombo.addItem(_spoken_name(code, session.language), code)
        form = QFormLayout()
        form.addRow(self.tr("&Need:"), self.wordsEdit)
        filters = QHBoxLayout()
        category_label, place_label, spoken_label = (QLabel(self.tr("&Category:")), QLabel(self.tr("Place (&o):")),
                                                     QLabel(self.tr("Lan&guage spoken:")))
        category_label.setBuddy(self.categoryCombo)
        place_label.setBuddy(self.placeEdit)
        spoken_label.setBuddy(self.spokenCombo)
        for widget in (category_label, self.categoryCombo, place_label, self.placeEdit, spoken_label,
                       self.spokenCombo):
            filters.addWidget(widget)
        form.addRow(filters)

        self.model = DirectoryServicesModel(self)
        self.resultsView = QTableView(self)
        self.resultsView.setObjectName("resultsView")
        self.resultsView.setModel(self.model)
        self.resultsView.verticalHeader().hide()
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.resultsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DirectoryServicesModel.SERVICE, QHeaderView.ResizeMode.Stretch)
        # The service is what the clerk reads: the organisation and the place fit their text up to a share of
        # the width (:meth:`_fit_columns`), longer names elided with the whole name as a tooltip.
        for column in _CAPPED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.resultsView.setWordWrap(False)
        self.resultsView.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.countLabel = QLabel(self)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        self.languageCombo = QComboBox(self)
        for code in LANGUAGES:
            self.languageCombo.addItem(language_choice(code), code)
        self.bilingualCheck = QCheckBox(self.tr("&Bilingual (with Italian)"), self)
        self.bilingualCheck.setChecked(True)
        self.statusLabel = QLabel(self)
        self.statusLabel.setWordWrap(True)
        self.printButton = QPushButton(self.tr("&Print"), self)
        self.pdfButton = QPushButton(self.tr("&Save PDF"), self)
        self.printButton.setEnabled(False)
        self.pdfButton.setEnabled(False)
        sheet_bar = QHBoxLayout()
        language_label = QLabel(self.tr("Sheet &language:"))
        language_label.setBuddy(self.languageCombo)
        for part in (language_label, self.languageCombo, self.bilingualCheck):
            sheet_bar.addWidget(part)
        sheet_bar.addStretch(1)
        sheet_bar.addWidget(self.printButton)
        sheet_bar.addWidget(self.pdfButton)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.resultsView, 1)
        left_layout.addWidget(self.countLabel)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.statusLabel)
        right_layout.addLayout(sheet_bar)
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("directorySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 540])  # the results: the service names read whole
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)

        self.print_action = self._action(self.tr("Print the referral sheet"), "Ctrl+P", lambda: self.hand_out("print"))
        self.pdf_action = self._action(self.tr("Save the referral sheet as PDF"), "Ctrl+S",
                                       lambda: self.hand_out("pdf"))
        self.printButton.clicked.connect(self.print_action.trigger)
        self.pdfButton.clicked.connect(self.pdf_action.trigger)
        self.wordsEdit.textChanged.connect(lambda *_: self.search())
        self.placeEdit.textChanged.connect(lambda *_: self.search())
        self.categoryCombo.currentIndexChanged.connect(lambda *_: self.search())
        self.spokenCombo.currentIndexChanged.connect(lambda *_: self.search())
        self.languageCombo.currentIndexChanged.connect(lambda *_: self.show_preview())
        self.bilingualCheck.toggled.connect(lambda *_: self.show_preview())
        self.resultsView.selectionModel().currentRowChanged.connect(lambda *_: self.show_preview())
        self.resultsView.activated.connect(lambda *_: self.hand_out("print"))
        self.wordsEdit.installEventFilter(self)
        self.placeEdit.installEventFilter(self)
        self.resultsView.viewport().installEventFilter(self)  # its width moves with the splitter and scrollbar
        self.resize(1100, 680)

    def _action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- opening -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open for the person at the desk: their language for the sheet, the need field focused, a first search."""
        person = self.context()
        index = self.languageCombo.findData(person.language or "it")
        self.languageCombo.setCurrentIndex(max(index, 0))
        self.wordsEdit.setFocus()
        self.wordsEdit.selectAll()
        core, lang = self.session.core, self.session.language
        office_settings = core.office_settings

        def read() -> tuple[dict[str, Localised], str]:
            names = core.directory.category_names("it" if lang not in ("it", "en") else lang)
            return names, str(office_settings.current().values.get("directory_site_url", "") or "")

        Operation(self, read, self.runtime.operations).success(self._prepared) \
            .failure(lambda exc: log.info("directory names not read: %s", exc)).run()
        self.search()

    def _prepared(self, read: tuple[dict[str, Localised], str]) -> None:
        names, self._site_url = read
        for row in range(1, self.categoryCombo.count()):
            name = names.get(str(self.categoryCombo.itemData(row)))
            if name is not None and name.text:
                self.categoryCombo.setItemText(row, name.text)
        self.show_preview()

    # -- searching -----------------------------------------------------------------------------------------------
    def query(self) -> SearchQuery:
        return SearchQuery(self.wordsEdit.text(), self.categoryCombo.currentData(), self.placeEdit.text(),
                           self.spokenCombo.currentData())

    def search(self) -> None:
        """Ask the core (coalesced: while a search runs, only the newest question waits, and is read when it starts)."""
        directory, actor = self.session.core.directory, self.session.actor

        def prepare() -> Callable[[], list[DirectoryService]]:
            query = self.query()
            self.searches += 1
            return lambda: directory.search(actor, query.words, query.category, query.place or None,
                                            query.language)

        Operation.prepared(self, prepare, self.runtime.operations).coalesce("search") \
            .success(self._show_results).failure(self._search_failed).run()

    def _show_results(self, services: list[DirectoryService]) -> None:
        if self.runtime.operations.waiting(self, "search"):
            return  # a newer question follows at once: no flicker of an answer already outdated
        selected = self.selected()
        self.model.set_services(services)
        self._fit_columns()
        row = self.model.row_of(selected.uid) if selected is not None else -1
        if services:
            self.resultsView.selectRow(max(row, 0))
        else:
            self.show_preview()
        self.countLabel.setText(self.tr("%n service(s) found", "", len(services)))
        self.results_shown.emit(len(services))

    def _fit_columns(self) -> None:
        """The organisation and the place as wide as their names, but never more than their share of the table
        (:data:`_CAPPED_COLUMNS`): the rest is the service's (stretched)."""
        view = self.resultsView
        for column, share in _CAPPED_COLUMNS.items():
            wanted = max(view.sizeHintForColumn(column), view.horizontalHeader().sectionSizeHint(column))
            view.setColumnWidth(column, min(wanted, max(80, int(view.viewport().width() * share))))

    def _search_failed(self, exc: DeskError) -> None:
        self.countLabel.setText(exc.message(self.session.language))

    def selected(self) -> DirectoryService | None:
        index: QModelIndex = self.resultsView.selectionModel().currentIndex()
        return index.data(ServiceRole) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search fields move in the results; Enter prints the chosen entry's sheet; the results'
        columns follow their width."""
        if event.type() == QEvent.Type.Resize and watched is self.resultsView.viewport():
            self._fit_columns()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
                current = self.resultsView.currentIndex().row()
                step = -1 if key == Qt.Key.Key_Up else 1
                self.resultsView.selectRow(min(max(current + step, 0), self.model.rowCount() - 1))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None:
                self.hand_out("print")
                return True
        return super().eventFilter(watched, event)

    # -- the sheet -----------------------------------------------------------------------------------------------
    def _build(self) -> Callable[[], Sheet] | None:
        service = self.selected()
        if service is None:
            return None
        from desk_app.core.sheets import SheetBuilder

        core = self.session.core
        lang = self.languageCombo.currentData() or "it"
        bilingual = self.bilingualCheck.isChecked()
        site = self._site_url
        uid = service.uid

        def build() -> Sheet:
            # Re-read in the sheet's language: the search answered with the clerk's texts only.
            entry = core.directory.service(self.session.actor, uid, lang)
            url = ""
            if site:
                from desk_app.documents.site import entry_url

                url = entry_url(site, lang, uid)
            return SheetBuilder(core.content).referral(entry, lang, bilingual=bilingual, entry_url=url)

        return build

    def show_preview(self) -> None:
        """Build the selected entry's sheet on the worker and show it (the newest request wins)."""
        build = self._build()
        self._preview_request += 1
        request = self._preview_request
        enabled = build is not None
        self.printButton.setEnabled(enabled)
        self.pdfButton.setEnabled(enabled)
        self.print_action.setEnabled(enabled)
        self.pdf_action.setEnabled(enabled)
        if build is None:
            self.sheet = None
            self.preview.clear()
            self.statusLabel.clear()
            return

        def shown(sheet: Sheet) -> None:
            if request == self._preview_request:
                self._show_sheet(sheet)

        Operation(self, build, self.runtime.operations).coalesce("preview").success(shown).run()

    def _show_sheet(self, sheet: Sheet) -> None:
        from desk_app.documents.pdf import build_document
        from desk_app.gui.labels import TRANSLATION_STATUS_LABELS, staff_label

        self.sheet = sheet
        document = build_document(sheet)
        document.setDocumentMargin(12)  # on paper the page margins; on screen, room from the frame and scroll bar
        document.setParent(self.preview)
        previous = self.preview.document()
        ours = previous is not None and previous.parent() is self.preview  # asked before: Qt deletes its default one
        self.preview.setDocument(document)
        if ours:
            previous.deleteLater()  # one sheet's document (and its QR image) at a time, all day long
        self.statusLabel.setText(self.tr("Translation into %1: %2").replace("%1", language_choice(sheet.lang))
                                 .replace("%2", staff_label(TRANSLATION_STATUS_LABELS, sheet.status)))
        self.preview_shown.emit(sheet)

    def hand_out(self, how: str) -> None:
        """Print (``print``) or save (``pdf``) the previewed sheet; then the core records the referral."""
        sheet, service = self.sheet, self.selected()
        if sheet is None or service is None or sheet.meta.get("service") != service.uid:
            return  # nothing chosen, or the preview of the newly chosen entry is still being built
        if how == "print":
            done = self.seams.sheets.print_sheet(self, sheet)
        else:
            done = self.seams.sheets.save_pdf(self, sheet) is not None
        if not done:
            return
        person = self.context()
        directory, actor, uid, lang = self.session.core.directory, self.session.actor, sheet.meta["service"], sheet.lang
        # The need the clerk searched by, when the entry answers it; else the core takes the entry's first category.
        category = self.categoryCombo.currentData()
        category = category if category in service.categories else None

        def refer() -> int:
            return directory.refer(actor, uid, lang, ticket_id=person.ticket_id, case_id=person.case_id,
                                   category=category)

        Operation(self, refer, self.runtime.operations).success(self._referred) \
            .failure(title=self.tr("Referral not recorded")).run()

    def _referred(self, referral_id: int) -> None:
        self.statusLabel.setText(self.tr("Sheet handed out; the referral is counted (no name is kept)."))
        self.referred.emit(referral_id)


def _spoken_name(code: str, staff_language: str) -> str:
    """A spoken language by its CLDR name in the staff language, with its code."""
    from desk_app.core.referral_sheet import language_name

    return f"{language_name(code, staff_language if staff_language in ('it', 'en') else 'it')} ({code})"


__all__ = ["DirectorySearchDialog", "ReferralContext"]
