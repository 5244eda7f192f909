"""The "Incontri di sensibilizzazione" window (issue 16): plan sessions in the reception centres, book their
mediator on the roster (conflicts shown before saving), record the counts, save handouts and slides.

For supervisors and admins (``run_awareness``). Every database call is an :class:`~desk_app.gui.operations.Operation`
on the worker; the core decides every rule (past dates, double bookings, bad counts) and its one sentence is
shown. Keyboard: every field has a mnemonic, Enter in the table selects, Alt+P plans, Alt+R records.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QDateTime, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.training import export_path, mark_sheet
from desk_app.gui.combo_fit import follow_tooltip, show_names_whole
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.awareness import CentreView, SessionView
    from desk_app.core.mediators import MediatorFreeView
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

#: The languages of the groups (the core's ``LANGUAGES``, repeated here: the window builds without the core).
GROUP_LANGUAGES = ("ar", "ur", "bn", "pa", "hi", "fr", "en", "es", "ro", "sq", "uk", "zh", "it")
SEXES = ("f", "m", "x")
BANDS = ("u18", "18-25", "26-35", "36-50", "o50")
#: How far back and ahead the list reaches.
LIST_DAYS = 90


class SessionsModel(QAbstractTableModel):
    """The sessions as a table: when, centre, language, status, mediator, people, referrals."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[SessionView] = []
        self.tz = "Europe/Rome"
        self.lang = "it"
        self.headers = [self.tr("When"), self.tr("Centre"), self.tr("Language"), self.tr("Status"),
                        self.tr("Mediator"), self.tr("People"), self.tr("Referrals")]

    def set_rows(self, rows: list[SessionView], tz: str, lang: str) -> None:
        self.beginResetModel()
        self.rows, self.tz, self.lang = rows, tz, lang
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:  # a long centre name, elided in its column
            return view.centre_name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        from desk_app.gui.labels import status_label

        if column == 0:
            from desk_app.clock import zone

            local = view.starts_at.astimezone(zone(self.tz))  # the office's wall clock, dd/mm/yyyy as elsewhere
            return f"{local:%d/%m/%Y %H:%M} ({view.minutes}')"
        if column == 1:
            return view.centre_name
        if column == 2:
            from desk_app.gui.labels import LANGUAGE_LABELS, staff_label

            return staff_label(LANGUAGE_LABELS, view.language)
        if column == 3:
            return status_label(view.status, self.lang)
        if column == 4:
            if view.mediator_code is None:
                return "—"
            return f"{view.mediator_code} · {status_label(view.mediator_status or '', self.lang)}"
        if column == 5:
            return str(view.attendees) if view.status == "held" else ""
        return str(view.referrals) if view.status == "held" else ""


class AwarenessWindow(QDialog):
    """Plan, book, record and print the awareness sessions of the office."""

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runtime, self.seams = session, runtime, seams
        self.setWindowTitle(self.tr("Awareness sessions in the reception centres"))
        self.centres: list[CentreView] = []
        self.model = SessionsModel(self)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a centre too long for its column: "…" + tooltip
        self.table.setWordWrap(False)
        #: The session to select once the list is read again (the one just planned), even when a change-feed
        #: reload started while the plan was saved would otherwise reselect the previous one.
        self._select_next: int | None = None
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        sessions_label = QLabel(self.tr("&Sessions (last and next %1 days)").replace("%1", str(LIST_DAYS)), self)
        sessions_label.setBuddy(self.table)
        left.addWidget(sessions_label)
        left.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(self._plan_box())
        right.addWidget(self._record_box())
        right.addStretch(1)
        layout.addLayout(right, 2)
        self.resize(1180, 640)
        # a mediator's decline, another supervisor's plan: the list follows the change feed
        runtime.changed.connect(self.on_changes)
        self.reload()

    def on_changes(self, changes: list[Any]) -> None:
        """Reload when a session or a mediator booking changed (a decline shows at once)."""
        if any(getattr(c, "kind", "") in ("awareness_session", "mediator_booking", "resync")
               for c in changes):
            current = self.current
            self.reload(self._select_next if self._select_next is not None
                        else current.id if current is not None else None)

    # -- building ----------------------------------------------------------------------------------------------
    def _today(self) -> date:
        """The office's day now, through the core's clock (the seam tests move), never this PC's wall clock."""
        from desk_app.clock import local_day

        return local_day(self.session.core.clock.now())

    def _plan_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plan a session"), self)
        form = QFormLayout(box)
        self.centre_combo = QComboBox(box)
        # "CAS Via ... — Coop. ...": wide enough to read, the whole name in the (wider) list and the tooltip
        self.centre_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.centre_combo.setMinimumContentsLength(28)
        follow_tooltip(self.centre_combo)
        form.addRow(self.tr("&Centre"), self.centre_combo)
        self.when_edit = QDateTimeEdit(box)
        self.when_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when_edit.setCalendarPopup(True)
        form.addRow(self.tr("&Date and time"), self.when_edit)
        self.minutes_spin = QSpinBox(box)
        self.minutes_spin.setRange(30, 480)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setValue(90)
        form.addRow(self.tr("D&uration (minutes)"), self.minutes_spin)
        self.language_combo = QComboBox(box)
        from desk_app.gui.labels import language_choice

        for code in GROUP_LANGUAGES:  # shown by name ("Arabo · العربية"), the code kept as the item's data
            self.language_combo.addItem(language_choice(code), code)
        form.addRow(self.tr("&Language group"), self.language_combo)
        self.organisation_edit = QLineEdit(box)
        self.organisation_edit.setMaxLength(10 * 120)  # a longer paste stays whole: the check says too long
        form.addRow(self.tr("Anti-trafficking &organisation"), self.organisation_edit)
        self.operator_edit = QLineEdit(box)
        self.operator_edit.setMaxLength(10 * 80)  # a longer paste stays whole: the check says too long
        form.addRow(self.tr("Op&erator"), self.operator_edit)
        self.mediator_combo = QComboBox(box)
        form.addRow(self.tr("&Mediator"), self.mediator_combo)
        self.free_label = QLabel(box)
        self.free_label.setWordWrap(True)
        form.addRow(self.free_label)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("C&heck mediators"), box)
        self.check_button.clicked.connect(self.check_mediators)
        self.plan_button = QPushButton(self.tr("&Plan"), box)
        self.plan_button.clicked.connect(self.plan)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.plan_button)
        form.addRow(buttons)
        next_week = self._today() + timedelta(days=7)
        self.when_edit.setDateTime(QDateTime(next_week.year, next_week.month, next_week.day, 10, 0, 0))
        self.mediator_combo.addItem(self.tr("No mediator"), "")
        self.mediator_combo.addItem(self.tr("Best free mediator"), "*")
        return box

    def _record_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Selected session"), self)
        grid = QGridLayout(box)
        self.selected_label = QLabel(self.tr("No session selected"), box)
        self.selected_label.setWordWrap(True)
        self.selected_label.setMinimumHeight(3 * self.selected_label.fontMetrics().height())
        grid.addWidget(self.selected_label, 0, 0, 1, 6)
        sex_names = {"f": self.tr("Women"), "m": self.tr("Men"), "x": self.tr("Other / not said")}
        band_names = {"u18": self.tr("under 18"), "18-25": "18-25", "26-35": "26-35", "36-50": "36-50",
                      "o50": self.tr("over 50")}
        for column, band in enumerate(BANDS, start=1):
            grid.addWidget(QLabel(band_names[band], box), 1, column)
        self.counts: dict[tuple[str, str], QSpinBox] = {}
        for row, sex in enumerate(SEXES, start=2):
            grid.addWidget(QLabel(sex_names[sex], box), row, 0)
            for column, band in enumerate(BANDS, start=1):
                spin = QSpinBox(box)
                spin.setRange(0, 500)
                spin.setAccessibleName(f"{sex_names[sex]} {band_names[band]}")
                self.counts[(sex, band)] = spin
                grid.addWidget(spin, row, column)
        self.referrals_spin = QSpinBox(box)
        self.referrals_spin.setRange(0, 500)
        referrals_label = QLabel(self.tr("Re&ferrals to the anti-trafficking service"), box)
        referrals_label.setBuddy(self.referrals_spin)
        grid.addWidget(referrals_label, 5, 0, 1, 4)
        grid.addWidget(self.referrals_spin, 5, 4, 1, 2)
        self.record_button = QPushButton(self.tr("&Record as held"), box)
        self.record_button.clicked.connect(self.record)
        self.reason_edit = QLineEdit(box)
        self.reason_edit.setPlaceholderText(self.tr("Reason for cancelling"))
        self.cancel_button = QPushButton(self.tr("Ca&ncel session"), box)
        self.cancel_button.clicked.connect(self.cancel_session)
        self.slides_button = QPushButton(self.tr("Sa&ve slides (PDF)…"), box)
        self.slides_button.clicked.connect(lambda: self.save_document(slides=True))
        self.handout_button = QPushButton(self.tr("Save handou&t (PDF)…"), box)
        self.handout_button.clicked.connect(lambda: self.save_document(slides=False))
        self.pptx_button = QPushButton(self.tr("Save slides as PPT&X (to edit)…"), box)
        self.pptx_button.clicked.connect(lambda: self.save_document(slides=True, pptx=True))
        grid.addWidget(self.record_button, 6, 0, 1, 6)
        grid.addWidget(self.reason_edit, 7, 0, 1, 4)
        grid.addWidget(self.cancel_button, 7, 4, 1, 2)
        grid.addWidget(self.slides_button, 8, 0, 1, 3)
        grid.addWidget(self.handout_button, 8, 3, 1, 3)
        grid.addWidget(self.pptx_button, 9, 0, 1, 6)
        return box

    # -- reading -----------------------------------------------------------------------------------------------
    @property
    def current(self) -> SessionView | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def reload(self, select_id: int | None = None) -> None:
        core, actor = self.session.core, self.session.actor
        today = self._today()

        def read() -> tuple[list[CentreView], list[SessionView], str]:
            return (core.awareness.centres(actor),
                    core.awareness.sessions(actor, today - timedelta(days=LIST_DAYS),
                                            today + timedelta(days=LIST_DAYS)),
                    core.offices.view().timezone)

        Operation(self, read, self.runtime.operations).coalesce("reload") \
            .success(lambda result: self._loaded(*result, select_id)).run()

    def _loaded(self, centres: list[CentreView], rows: list[SessionView], tz: str, select_id: int | None) -> None:
        self.centres = centres
        chosen = self.centre_combo.currentData()
        self.centre_combo.clear()
        for centre in centres:
            self.centre_combo.addItem(f"{centre.name} — {centre.managing_body}", centre.code)
        show_names_whole(self.centre_combo)
        if chosen:
            self.centre_combo.setCurrentIndex(max(0, self.centre_combo.findData(chosen)))
        self.model.set_rows(rows, tz, self.session.language)
        self.table.resizeColumnsToContents()
        # a long centre name must not push the mediator and the counts out of sight: elided, whole in its tooltip
        cap = max(160, self.table.viewport().width() * 2 // 5)
        if self.table.columnWidth(1) > cap:
            self.table.setColumnWidth(1, cap)
        if select_id is None:
            select_id = self._select_next
        if select_id is not None:
            for n, row in enumerate(rows):
                if row.id == select_id:
                    # current and selected: the buttons ("Save slides") act on this row, not the one before
                    self.table.setCurrentIndex(self.model.index(n, 0))
                    self.table.selectRow(n)
                    if select_id == self._select_next:
                        self._select_next = None
        self._selected()

    def _selected(self) -> None:
        view = self.current
        planned = view is not None and view.status == "planned"
        recordable = view is not None and view.status in ("planned", "held")
        for widget in (*self.counts.values(), self.referrals_spin, self.record_button):
            widget.setEnabled(recordable)
        self.cancel_button.setEnabled(planned)
        self.reason_edit.setEnabled(planned)
        self.slides_button.setEnabled(view is not None)
        self.handout_button.setEnabled(view is not None)
        self.pptx_button.setEnabled(view is not None)
        if view is None:
            self.selected_label.setText(self.tr("No session selected"))
            return
        self.selected_label.setText(f"#{view.id} · {view.centre_name} · {view.operator_organisation}"
                                    + (f" · {view.operator_name}" if view.operator_name else ""))
        present = {(sex, band): n for sex, band, n in view.attendance}
        for key, spin in self.counts.items():
            spin.setValue(present.get(key, 0))
        self.referrals_spin.setValue(view.referrals)

    # -- actions -----------------------------------------------------------------------------------------------
    def _starts_at(self) -> datetime:
        local = self.when_edit.dateTime().toPython()
        assert isinstance(local, datetime)
        from desk_app.clock import zone

        # the office's wall clock, whatever this PC's time zone
        return local.replace(tzinfo=zone(self.model.tz)).astimezone(UTC)

    def check_mediators(self) -> None:
        """Who of the roster could come then, and why not (busy at the counter or at another session ...)."""
        core, actor = self.session.core, self.session.actor
        language, start = self.language_combo.currentData(), self._starts_at()
        end = start + timedelta(minutes=self.minutes_spin.value())
        Operation(self, lambda: core.mediators.who_is_free(actor, language, start, end), self.runtime.operations) \
            .success(self._show_free).busy(self.check_button).run()

    def _show_free(self, free: list[MediatorFreeView]) -> None:
        current = self.mediator_combo.currentData()
        while self.mediator_combo.count() > 2:
            self.mediator_combo.removeItem(2)
        lines = []
        for view in free:
            if view.free:
                self.mediator_combo.addItem(f"{view.code} — {view.display_name}", view.code)
                lines.append(f"✔ {view.code} {view.display_name}")
            else:
                assert view.refusal is not None
                lines.append(f"✘ {view.code}: {view.refusal.message(self.session.language)}")
        self.free_label.setText("\n".join(lines) or self.tr("No mediator of the roster works in this language."))
        if current:
            self.mediator_combo.setCurrentIndex(max(0, self.mediator_combo.findData(current)))

    def plan(self) -> None:
        core, actor = self.session.core, self.session.actor
        mediator = self.mediator_combo.currentData() or ""
        values = (self.centre_combo.currentData() or "", self._starts_at(), self.minutes_spin.value(),
                  self.language_combo.currentData(), self.organisation_edit.text(), self.operator_edit.text())
        Operation(self, lambda: core.awareness.plan(actor, *values, mediator_code=mediator if mediator != "*" else None,
                                                    any_mediator=mediator == "*"), self.runtime.operations) \
            .success(lambda view: self._done(self.tr("Session planned."), view)) \
            .failure(self._refused).busy(self.plan_button).run()

    def record(self) -> None:
        view = self.current
        if view is None:
            return
        core, actor = self.session.core, self.session.actor
        counts = {key: spin.value() for key, spin in self.counts.items()}
        referrals = self.referrals_spin.value()
        Operation(self, lambda: core.awareness.record(actor, view.id, counts, referrals,
                                                      mediator_present=True if view.mediator_code else None),
                  self.runtime.operations) \
            .success(lambda done: self._done(self.tr("Session recorded."), done)) \
            .failure(self._refused).busy(self.record_button).run()

    def cancel_session(self) -> None:
        view = self.current
        if view is None:
            return
        core, actor, reason = self.session.core, self.session.actor, self.reason_edit.text()
        Operation(self, lambda: core.awareness.cancel(actor, view.id, reason), self.runtime.operations) \
            .success(lambda done: self._done(self.tr("Session cancelled; its mediator is free again."), done)) \
            .failure(self._refused).busy(self.cancel_button).run()

    def save_document(self, *, slides: bool, pptx: bool = False) -> None:
        """Save the slides (PDF, or PPTX to adapt them) or the handout of the selected session, in its language."""
        view = self.current
        if view is None:
            return
        kind = "slides" if slides else "volantino"
        suffix = "pptx" if pptx else "pdf"
        path = self.seams.dialogs.save_file(self, self.tr("Save as PPTX") if pptx else self.tr("Save as PDF"),
                                            f"sensibilizzazione_{view.id}_{view.language}_{kind}.{suffix}",
                                            "PowerPoint (*.pptx)" if pptx else "PDF (*.pdf)")
        if path is None:
            return
        core, actor = self.session.core, self.session.actor
        path = export_path(path, core.training)

        def write() -> None:
            from desk_app.core.validation import write_atomically

            sheet = core.awareness.handout(actor, view.id)
            if core.training:  # the training office's handouts are marked (desk_app.core.training)
                sheet = mark_sheet(sheet)
            if pptx:
                from desk_app.documents.slides_pptx import write_pptx

                write_atomically(path, lambda temporary: write_pptx(sheet, temporary))
            elif slides:
                from desk_app.documents.slides import write_slides

                write_atomically(path, lambda temporary: write_slides(sheet, temporary))
            else:
                from desk_app.documents.pdf import write_pdf

                write_atomically(path, lambda temporary: write_pdf(sheet, temporary))

        Operation(self, write, self.runtime.operations) \
            .success(lambda _: self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))) \
            .failure(self._refused).run()

    def _done(self, text: str, view: SessionView) -> None:
        self.message.setText(text)
        self._select_next = view.id
        self.reload(view.id)

    def _refused(self, error: Any) -> None:
        self.message.setText(error.message(self.session.language))


__all__ = ["AwarenessWindow", "SessionsModel"]
