"""A newcomer's test in Italian: the calendar tab speaks Italian days and dates, the counter's directory results
give the width to the service, the shared-practices procedure is readable whole."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.core.auth import Actor
from desk_app.core.schedule import parse_weekly

from .conftest import WAIT_MS, press, settle


class _Calendar:
    """Just what :func:`describe_hours` reads of a :class:`~desk_app.core.appointments.CalendarView`."""

    def __init__(self, spec: str) -> None:
        self.hours = parse_weekly(spec)


def test_hours_are_written_as_people_write_them_and_read_back_the_same() -> None:
    from desk_app.gui.admin.calendar_editor import describe_hours

    spec = "mon-fri 09:00-12:30, mon-thu 14:00-16:00, sat 09:00-11:00"
    calendar: Any = _Calendar(spec)
    italian = describe_hours(calendar, "it")
    assert italian == "lun-ven 09:00-12:30, lun-gio 14:00-16:00, sab 09:00-11:00"
    assert describe_hours(calendar) == spec
    assert parse_weekly(italian) == calendar.hours  # what is stored does not change
    gaps: Any = _Calendar("mon 09:00-12:00, wed 09:00-12:00, thu 09:00-12:00")
    assert describe_hours(gaps, "it") == "lun 09:00-12:00, mer-gio 09:00-12:00"


def test_the_calendar_tab_in_italian(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, services: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "supervisor")
    desk.window.admin.action.trigger()
    settle(qtbot, desk)
    window = desk.window.admin.window
    assert window is not None
    editor = window.calendar_editor
    assert editor.hoursEdit.placeholderText() == "lun-ven 09:00-12:30, lun-gio 14:00-16:00"
    editor.serviceBox.setCurrentIndex(editor.serviceBox.findData("RF"))
    settle(qtbot, desk)
    editor.hoursEdit.setText("lun-ven 09:00-12:30; lun-gio 14:00-16:00")  # typed in Italian: accepted
    assert editor.saveButton.isEnabled() and not editor.messageLabel.text()
    editor.saveButton.click()
    settle(qtbot, desk)
    assert len(services.appointments.calendar(staff["supervisor"], "RF").hours) == 9
    assert editor.hoursEdit.text() == "lun-ven 09:00-12:30, lun-gio 14:00-16:00"
    assert editor.dayEdit.displayFormat() == "dd/MM/yyyy"
    first = editor.holidays.item(0).text()
    assert re.match(r"\d\d/\d\d/\d{4}  ", first) and first.startswith(f"{editor.offered[0].day:%d/%m/%Y}")
    editor.grab().save("/tmp/tester_polish_calendar.png")


def test_directory_results_give_the_width_to_the_service(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                         services: Any, system_actor: Actor, staff: Any) -> None:
    from desk_app.gui.directory_models import DirectoryServicesModel as Model

    services.content.load(system_actor)
    services.directory.load_file(system_actor)
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.window.directory.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT_MS)
    settle(qtbot, desk)
    view = dialog.resultsView
    assert view.columnWidth(Model.ORGANISATION) <= max(80, int(view.viewport().width() * 0.28))
    assert view.columnWidth(Model.SERVICE) > view.columnWidth(Model.ORGANISATION)
    index = dialog.model.index(0, Model.SERVICE)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()  # the whole name where it is elided
    grab = view.grab()
    assert not grab.isNull()
    grab.save("/tmp/tester_polish_directory.png")


def test_the_practice_procedure_reads_whole(qtbot: QtBot, open_desk: Any, log_in: Any, services: Any,
                                            system_actor: Actor, staff: Any) -> None:
    services.content.load(system_actor)
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window = desk.window.practices.window
    assert window is not None
    page = window.page
    qtbot.waitUntil(lambda: page.procedure_combo.count() > 0, timeout=WAIT_MS)
    settle(qtbot, desk)
    combo = page.procedure_combo
    metrics = combo.fontMetrics()
    longest = max(range(combo.count()), key=lambda n: metrics.horizontalAdvance(combo.itemText(n)))
    combo.setCurrentIndex(longest)
    settle(qtbot, desk)
    assert combo.view().minimumWidth() >= metrics.horizontalAdvance(combo.itemText(longest))  # the open list
    assert combo.toolTip() == combo.itemText(longest)
    assert combo.width() >= metrics.horizontalAdvance("x" * 36)  # not the 277 px cut at "(decre"
    window.grab().save("/tmp/tester_polish_practices.png")
