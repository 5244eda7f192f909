"""Appointment calendars and closures of the administration window (issue 12).

For the chosen service: the weekly opening hours (``mon-fri 09:00-12:30, mon-thu 14:00-16:00``, read with the core's
own parser as the user types), the slot length, the places per slot, the early and late check-in windows and how far
ahead people may book; Save is one audited :meth:`~desk_app.core.appointments.AppointmentService.set_calendar`. Below,
closures: any day with a reason, and the Italian national holidays and the patron saint's day of the office's town
(:mod:`desk_app.core.holidays`) of the coming year offered as a checklist; each checked day is one audited
:meth:`~desk_app.core.appointments.AppointmentService.add_closure` (for the whole office), and the editor says how many
booked appointments fall on those days (they stay booked: the office moves them). ``manage_calendar`` (administrators
and supervisors) edits; anyone else reads.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.clock import local_day
from desk_app.core.holidays import Holiday, closures_to_offer, town_of
from desk_app.core.schedule import parse_weekly
from desk_app.core.validation import clean_text
from desk_app.errors import ConflictError, DeskError
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.appointments import CalendarView
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime

_ERROR_STYLE = "color: #b00020;"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: The same days as an Italian clerk writes them (the core's parser reads both, :mod:`desk_app.core.schedule`).
_DAYS_IT = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")
#: How far ahead holidays are offered.
OFFER_DAYS = 366


def describe_hours(calendar: CalendarView, lang: str = "en") -> str:
    """The calendar's hours in the pattern the field takes, in the clerk's language.

    Consecutive days with the same hours are one range, as people write them (``lun-ven 09:00-12:30,
    lun-gio 14:00-16:00`` in Italian, ``mon-fri ...`` otherwise); :func:`~desk_app.core.schedule.parse_weekly`
    reads the text back to the same periods. What is stored does not change.
    """
    names = _DAYS_IT if lang == "it" else _DAYS
    by_hours: dict[tuple[str, str], list[int]] = {}
    for period in calendar.hours:
        by_hours.setdefault((f"{period.start:%H:%M}", f"{period.end:%H:%M}"), []).append(period.weekday)
    parts: list[tuple[int, str, str]] = []  # (first day, start, text): in week order, mornings first
    for (start, end), days in by_hours.items():
        runs: list[list[int]] = []
        for day in sorted(set(days)):
            if runs and day == runs[-1][-1] + 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        for run in runs:
            span = names[run[0]] if len(run) == 1 else f"{names[run[0]]}-{names[run[-1]]}"
            parts.append((run[0], start, f"{span} {start}-{end}"))
    return ", ".join(text for _day, _start, text in sorted(parts))


class CalendarEditor(QWidget):
    """One service's calendar, and the office's closures.

    Attributes:
        serviceBox: the service whose calendar is shown.
        hoursEdit, slotSpin, capacitySpin, earlySpin, lateSpin, horizonSpin: the calendar's fields.
        holidays: the offered holidays, checkable, in date order.
        messageLabel: the first problem, a refusal of the core, or what was done.
    """

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.allowed = actor.can("manage_calendar")
        self.serviceBox = QComboBox()
        office = runtime.office
        for service in office.services if office is not None else ():
            self.serviceBox.addItem(f"{service.code} — {service.name}", service.code)
        self.serviceBox.currentIndexChanged.connect(lambda _: self.reload())
        self.hoursEdit = QLineEdit()
        self.hoursEdit.setObjectName("hoursEdit")
        self.hoursEdit.setPlaceholderText(self.tr("mon-fri 09:00-12:30, mon-thu 14:00-16:00"))
        self.slotSpin, self.capacitySpin = QSpinBox(), QSpinBox()
        self.earlySpin, self.lateSpin, self.horizonSpin = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, low, high, value in ((self.slotSpin, 5, 240, 20), (self.capacitySpin, 1, 50, 1),
                                       (self.earlySpin, 0, 240, 15), (self.lateSpin, 0, 240, 15),
                                       (self.horizonSpin, 1, 365, 60)):
            spin.setRange(low, high)
            spin.setValue(value)
        self.saveButton = QPushButton(self.tr("&Save the calendar"))
        self.saveButton.clicked.connect(self.save)
        self.hoursEdit.textChanged.connect(self.validate)
        calendar = QGroupBox(self.tr("Appointment calendar"))
        form = QFormLayout(calendar)
        form.addRow(self.tr("Service"), self.serviceBox)
        form.addRow(self.tr("Opening hours (weekly)"), self.hoursEdit)
        form.addRow(self.tr("Slot length (minutes)"), self.slotSpin)
        form.addRow(self.tr("Places per slot"), self.capacitySpin)
        form.addRow(self.tr("Check-in from (minutes before)"), self.earlySpin)
        form.addRow(self.tr("Check-in until (minutes after)"), self.lateSpin)
        form.addRow(self.tr("Bookable ahead (days)"), self.horizonSpin)
        form.addRow("", self.saveButton)

        today = local_day(runtime.core.clock.now()) if runtime.core is not None else date(2000, 1, 1)
        self.dayEdit = QDateEdit(QDate(today.year, today.month, today.day))
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat("dd/MM/yyyy")  # as every date of the app (stored as a date)
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("reasonEdit")
        self.closeDayButton = QPushButton(self.tr("Close this &day"))
        self.closeDayButton.clicked.connect(self.close_day)
        self.reasonEdit.textChanged.connect(self.validate)
        self.holidays = QListWidget()
        town = town_of(office.name, office.address) if office is not None else None
        self.offered: list[Holiday] = closures_to_offer(today, OFFER_DAYS, town)
        for holiday in self.offered:
            item = QListWidgetItem(f"{holiday.day:%d/%m/%Y}  {holiday.name}"
                                   + ("  " + self.tr("(patron saint)") if holiday.local else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.holidays.addItem(item)
        self.holidaysButton = QPushButton(self.tr("Close the &checked holidays"))
        self.holidaysButton.clicked.connect(self.close_holidays)
        closures = QGroupBox(self.tr("Closures (whole office)"))
        one = QHBoxLayout()
        one.addWidget(self.dayEdit)
        one.addWidget(self.reasonEdit, 1)
        one.addWidget(self.closeDayButton)
        closures_layout = QVBoxLayout(closures)
        closures_layout.addLayout(one)
        closures_layout.addWidget(QLabel(self.tr("National holidays and the patron saint's day of the coming year:")))
        closures_layout.addWidget(self.holidays, 1)
        closures_layout.addWidget(self.holidaysButton, 0, Qt.AlignmentFlag.AlignRight)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.noteLabel = QLabel(self.tr("Read only: your role may not change calendars and closures."))
        self.noteLabel.setVisible(not self.allowed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.noteLabel)
        layout.addWidget(calendar)
        layout.addWidget(closures, 1)
        layout.addWidget(self.messageLabel)
        for widget in (self.hoursEdit, self.slotSpin, self.capacitySpin, self.earlySpin, self.lateSpin,
                       self.horizonSpin, self.saveButton, self.dayEdit, self.reasonEdit, self.closeDayButton,
                       self.holidays, self.holidaysButton):
            widget.setEnabled(self.allowed)
        self.validate()

    def service_code(self) -> str:
        return str(self.serviceBox.currentData() or "")

    # -- what is typed ---------------------------------------------------------------------------------------------
    def validate(self) -> bool:
        """Read the hours with the core's parser as typed; say the problem; enable the buttons."""
        problem = ""
        try:
            parse_weekly(self.hoursEdit.text())
        except DeskError as exc:
            problem = exc.message(self.runtime.language)
        reason_ok = True
        try:
            clean_text(self.reasonEdit.text(), "reason", 200)
        except DeskError:
            reason_ok = False
        if problem or self.messageLabel.styleSheet():
            self._say(problem, error=True)
        self.saveButton.setEnabled(self.allowed and not problem and bool(self.service_code()))
        self.closeDayButton.setEnabled(self.allowed and reason_ok)
        return not problem

    def _say(self, text: str, *, error: bool) -> None:
        self.messageLabel.setStyleSheet(_ERROR_STYLE if error and text else "")
        self.messageLabel.setText(text)

    def _refused(self, exc: DeskError) -> None:
        self._say(exc.message(self.runtime.language), error=True)

    # -- database --------------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the chosen service's calendar (none yet: the fields keep their defaults)."""
        core, code = self.runtime.core, self.service_code()
        if core is None or not code:
            return
        actor, appointments = self.actor, core.appointments

        def loaded_or_none() -> CalendarView | None:
            from desk_app.errors import NotFoundError

            try:
                return appointments.calendar(actor, code)
            except NotFoundError:
                return None

        Operation(self, loaded_or_none, self.runtime.operations).coalesce("load").success(self.show_calendar) \
            .failure(self._refused).run()

    def show_calendar(self, calendar: CalendarView | None) -> None:
        if calendar is None:
            self.hoursEdit.clear()
            return
        self.hoursEdit.setText(describe_hours(calendar, self.runtime.language))
        self.slotSpin.setValue(calendar.slot_minutes)
        self.capacitySpin.setValue(calendar.capacity)
        self.earlySpin.setValue(calendar.early_minutes)
        self.lateSpin.setValue(calendar.late_minutes)
        self.horizonSpin.setValue(calendar.horizon_days)

    def save(self) -> None:
        core, code = self.runtime.core, self.service_code()
        if core is None or not code or not self.validate():
            return
        actor, appointments, hours = self.actor, core.appointments, self.hoursEdit.text()
        numbers = {"slot_minutes": self.slotSpin.value(), "capacity": self.capacitySpin.value(),
                   "early_minutes": self.earlySpin.value(), "late_minutes": self.lateSpin.value(),
                   "horizon_days": self.horizonSpin.value()}
        Operation(self, lambda: appointments.set_calendar(actor, code, hours=hours, **numbers),
                  self.runtime.operations).busy(self.saveButton) \
            .success(lambda view: self._saved(view, code)) \
            .failure(self._refused).run()

    def _saved(self, view: CalendarView, code: str) -> None:
        self.show_calendar(view)
        self._say(self.tr("Calendar of %1 saved.").replace("%1", code), error=False)

    def close_day(self) -> None:
        core = self.runtime.core
        if core is None:
            return
        picked = self.dayEdit.date()
        self._close([(date(picked.year(), picked.month(), picked.day()), self.reasonEdit.text())])

    def close_holidays(self) -> None:
        checked = [(h.day, h.name) for row, h in enumerate(self.offered)
                   if self.holidays.item(row).checkState() == Qt.CheckState.Checked]
        if checked:
            self._close(checked)

    def _close(self, days: list[tuple[date, str]]) -> None:
        """Close each day (one audited core call each); say how many days and how many booked appointments."""
        core = self.runtime.core
        if core is None:
            return
        actor, appointments = self.actor, core.appointments

        def work() -> tuple[int, int, int]:
            closed = booked = skipped = 0
            for day, reason in days:
                try:
                    booked += appointments.add_closure(actor, day, reason)
                except ConflictError as exc:  # one day asked: the refusal in place; holidays: the others go on
                    if exc.code != "closure_exists" or len(days) == 1:
                        raise
                    skipped += 1
                    continue
                closed += 1
            return closed, booked, skipped

        Operation(self, work, self.runtime.operations).busy(self.closeDayButton, self.holidaysButton) \
            .success(self._closed).failure(self._refused).run()

    def _closed(self, done: tuple[int, int, int]) -> None:
        closed, booked, skipped = done
        text = self.tr("%1 days closed; booked appointments on them: %2 (they stay booked: move them).") \
            .replace("%1", str(closed)).replace("%2", str(booked))
        if skipped:
            text += " " + self.tr("%1 of the days chosen were closed already.").replace("%1", str(skipped))
        self._say(text, error=False)


__all__ = ["CalendarEditor", "describe_hours"]
