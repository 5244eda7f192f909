"""Screenshots for the README: the clerk workspace, its document checklist, the walk-in dialog, the display board,
a printed ticket, a "bring next time" sheet, the appointments of the day, the booking dialog and a mediator's agenda.

Runs the real app on a throw-away demo office (``--home`` in a temp folder, the demo's simulated morning
stopped at 10:15) and saves PNGs to ``docs/screenshots/``. Needs a display: run it under Xvfb::

    xvfb-run -a -s "-screen 0 1600x900x24" python scripts/take_screenshots.py

The ticket and the sheet are the PDFs the app prints, rasterised with ``pdftoppm`` (poppler-utils) when available.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)


def settle(window: Any) -> None:
    wait_until(lambda: window.runtime.worker.pending == 0)
    pause(0.3)


def pause(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def checklist_screenshots(window: Any, sheets: Any) -> None:
    """The checklist tab with a case half checked, in Arabic, and its "bring next time" sheet as printed."""
    workspace = window.workspace
    panel = workspace.checklist
    workspace.toggle_checklist()
    wait_until(lambda: panel.ui.procedureCombo.count() > 0)
    panel.ui.languageCombo.setCurrentIndex(panel.ui.languageCombo.findData("ar"))
    panel.ui.practiceEdit.setText("LO/RF/2026/0187")
    panel.ui.procedureCombo.setCurrentIndex(0)  # the first procedure of the ticket's service
    panel.attach()
    wait_until(lambda: panel.case is not None)
    settle(window)
    for row, state, note in ((0, "presented", ""), (1, "presented", ""), (2, "presented", ""),
                             (4, "missing", "portata una sola marca"), (5, "presented", ""),
                             (6, "missing", ""), (8, "not_applicable", "")):
        if row >= panel.model.rowCount():
            break
        panel.ui.itemsView.selectRow(row)
        panel.ui.itemNoteEdit.setText(note)
        panel.mark_selected(state)
        settle(window)
    panel.ui.noteEdit.setPlainText("Torna giovedì con la marca e il certificato di idoneità alloggiativa.")
    panel.ui.itemsView.selectRow(6)
    settle(window)
    window.grab().save(str(OUT / "checklist.png"))
    panel.ui.bilingualCheck.setChecked(True)
    panel.output_sheet("missing", "print")
    wait_until(lambda: bool(sheets.written))
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile",
                        str(sheets.written[-1][1]), str(OUT / "missing-sheet-ar")], check=True)
    panel.ui.bilingualCheck.setChecked(False)
    workspace.toggle_checklist()  # back to the queue for the next screenshots
    settle(window)


#: Today's RF appointments of the screenshots: time, name, practice number, language, needs a mediator.
APPOINTMENTS = (
    ("09:00", "Mohamed Abdelrahman", "LO/RF/2026/0142", "ar", True),
    ("09:00", "Elena Popescu", "LO/RF/2026/0151", "ro", False),
    ("09:20", "Ardit Hoxha", "LO/RF/2026/0163", "sq", False),
    ("09:40", "Fatima Zahra Benali", "LO/RF/2026/0170", "ar", True),
    ("10:00", "Muhammad Asif", "LO/RF/2026/0174", "ur", True),
    ("10:20", "Oksana Kovalenko", "LO/RF/2026/0181", "uk", False),
    ("10:40", "Amina Haddad", "LO/RF/2026/0187", "ar", True),
    ("10:40", "Wei Zhang", "LO/RF/2026/0190", "zh", False),
    ("11:00", "Nana Mensah", "LO/RF/2026/0196", "en", False),
    ("11:20", "Karim Mansour", "LO/RF/2026/0203", "ar", True),
    ("12:00", "Luis Quispe", "LO/RF/2026/0210", "es", False),
)


def appointments_setup(settings: Any, today: Any) -> None:
    """An RF calendar, two mediators and today's appointments as the office would have them at 10:15:
    some checked in, one missed, a mediator booked for most of those who need one, answers from the mediator."""
    from desk_app.clock import ManualClock, zone
    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD
    from desk_app.core.schedule import at_local
    from desk_app.gui.app import connect_core

    def at(day: Any, hh_mm: str) -> datetime:
        hour, minute = hh_mm.split(":")
        return at_local(day, clock_time(int(hour), int(minute)), "Europe/Rome")

    clock = ManualClock(datetime.combine(today, clock_time(7, 30), zone()))
    core = connect_core(settings, clock)
    actor = Actor.system("screenshots")
    # Every day of the week, so the screenshots work whatever day they are taken on.
    core.appointments.set_calendar(actor, "RF", hours="mon-sun 09:00-12:30", slot_minutes=20, capacity=2)
    # The demo office already has AR1 and UR1 (with the same logins): add them only on an office without them.
    # Their hours are widened to every day either way.
    roster = {m.code for m in core.mediators.roster(actor)}
    if "AR1" not in roster:
        core.mediators.add_mediator(actor, "AR1", "Amina El Idrissi", {"ar": 4, "fr": 3},
                                    organisation="Coop. Il Ponte", username="mediatrice1")
    core.mediators.set_availability(actor, "AR1", "mon-sun 09:00-13:00 in_person; mon-sun 14:00-16:00 phone")
    if "UR1" not in roster:
        core.mediators.add_mediator(actor, "UR1", "Imran Qureshi", {"ur": 4, "pa": 3}, username="mediatore2")
    core.mediators.set_availability(actor, "UR1", "mon-sun 09:00-13:00 phone")
    booked = {}
    for hh_mm, name, practice, language, mediator in APPOINTMENTS:
        booked[name] = core.appointments.book(actor, "RF", at(today, hh_mm), person_name=name,
                                              practice_number=practice, language=language, needs_mediator=mediator)
    mediator_bookings = [core.mediators.book(actor, mode="in_person", desk_code=desk, mediator_code="AR1",
                                             appointment_id=booked[name].id)
                         for name, desk in (("Mohamed Abdelrahman", "D1"), ("Fatima Zahra Benali", "D2"),
                                            ("Amina Haddad", "D1"))]
    core.mediators.book(actor, mode="phone", desk_code="D2", mediator_code="UR1",
                        appointment_id=booked["Muhammad Asif"].id)
    monday = today - timedelta(days=today.weekday())
    # nor the demo's own appointment day (the next working day): its mediators are booked there already
    demo_day = today + timedelta(days=1)
    while demo_day.weekday() >= 5:
        demo_day += timedelta(days=1)
    other_days = [monday + timedelta(days=i) for i in range(7)
                  if monday + timedelta(days=i) not in (today, demo_day)][:2]
    shifts = [core.mediators.book(actor, "ar", at(other_days[0], "09:00"), at(other_days[0], "11:00"),
                                  mode="in_person", desk_code="D4", mediator_code="AR1"),
              core.mediators.book(actor, "fr", at(other_days[1], "14:00"), at(other_days[1], "15:00"),
                                  mode="phone", desk_code="D3", mediator_code="AR1")]
    amina = core.staff.login("mediatrice1", DEMO_PASSWORD)
    for booking in (mediator_bookings[0], mediator_bookings[1], shifts[0]):
        core.mediators.confirm(amina, booking.entry.id)
    core.mediators.decline(amina, shifts[1].entry.id, "corso di formazione quel pomeriggio")
    core.staff.logout(amina)
    for moment, names in (("09:04", ("Mohamed Abdelrahman", "Elena Popescu")), ("09:43", ("Fatima Zahra Benali",)),
                          ("10:09", ("Muhammad Asif",))):
        clock.set(at(today, moment))
        for name in names:
            core.appointments.check_in(actor, booked[name].id)
    clock.set(at(today, "10:15"))
    core.appointments.mark_no_shows(actor)  # Ardit Hoxha, 09:20, did not come
    core.close()


def appointments_screenshots(window: Any) -> None:
    """The day view after a check-in, the booking dialog explaining why the mediator cannot come, then the
    mediator's own agenda after logging in as the mediator."""
    from screenshot_support import log_in

    from desk_app.gui.booking_models import AppointmentTableModel

    view = window.open_appointments()
    view.resize(1280, 700)
    settle(window)
    # the window opens on the desk's first service with a calendar (LAV on the demo's D1): show RF's day
    wait_until(lambda: view.calendar_codes is not None)
    view.set_service("RF")
    wait_until(lambda: view.service_code() == "RF" and view.appointments_model.rowCount() > 0)
    settle(window)
    names = [view.appointments_model.index(r, AppointmentTableModel.NAME).data()
             for r in range(view.appointments_model.rowCount())]
    view.ui.appointmentsView.selectRow(names.index("Oksana Kovalenko"))
    view.check_in()  # 10:15 for 10:20: on time, appointment priority
    settle(window)
    view.ui.appointmentsView.selectRow(names.index("Amina Haddad"))
    pause(0.3)
    view.grab().save(str(OUT / "appointments.png"))

    booking = view.open_booking()
    settle(window)
    booking.ui.slotCombo.setCurrentIndex(next(i for i in range(booking.ui.slotCombo.count())
                                              if booking.ui.slotCombo.itemText(i).startswith("11:20")))
    booking.ui.nameEdit.setText("Samir Haddad")
    booking.ui.practiceEdit.setText("LO/RF/2026/0215")
    booking.set_language("ar")
    booking.ui.mediatorBox.setChecked(True)
    settle(window)
    booking.ui.mediatorCombo.setCurrentIndex(booking.ui.mediatorCombo.findData("AR1"))
    booking.ui.modeCombo.setCurrentIndex(booking.ui.modeCombo.findData("video"))
    booking.book()  # AR1 works in person or by phone, not by video: the appointment is booked, the mediator is not
    settle(window)
    booking.grab().save(str(OUT / "booking.png"))
    booking.close()
    view.close()

    window.sessions.lock("")
    log_in(window, "mediatrice1", until=lambda: window.agenda is not None)
    agenda = window.agenda
    waiting = [r for r in range(agenda.model.rowCount()) if agenda.model.row_object(r).status == "booked"]
    agenda.ui.agendaView.selectRow(waiting[0] if waiting else 0)  # one still to answer: Confirm is enabled
    pause(0.3)
    window.grab().save(str(OUT / "mediator-agenda.png"))


def main() -> int:
    # screenshot_support builds on this module's waiting helpers: imported here, once they exist
    from screenshot_support import demo_home, desk_window, log_in

    from desk_app.clock import ManualClock, local_day, zone
    from desk_app.core.demo import simulate_day
    from desk_app.gui.seams import RecordingDialogs

    today = local_day(datetime.now(zone()))
    morning = datetime.combine(today, clock_time(10, 15), zone())

    def morning_so_far(core: Any, actor: Any) -> None:
        core.content.load(actor)
        simulate_day(core, today, stop_at=morning)

    home, settings = demo_home("sportello-shots-", display_screen=0, populate=morning_so_far)
    appointments_setup(settings, today)

    _app, window = desk_window(settings, home, clock=ManualClock(morning), size=(1400, 820),
                               dialogs=RecordingDialogs())
    printer, sheets = window.seams.printer, window.seams.sheets
    log_in(window, "operatore1", until=lambda: window.workspace is not None)
    workspace = window.workspace
    if workspace.current is None:
        workspace.counter_actions["call_next"].trigger()
        settle(window)
    workspace.ui.ticketsView.selectRow(0)
    window.grab().save(str(OUT / "workspace.png"))
    checklist_screenshots(window, sheets)

    window.open_walk_in()
    dialog = window.walk_in
    dialog.language_buttons["ar"].click()
    pause(0.3)
    dialog.grab().save(str(OUT / "walk-in.png"))
    dialog.issue("RF")
    wait_until(lambda: bool(printer.written))
    pause(0.3)
    dialog.grab().save(str(OUT / "walk-in-issued.png"))  # no ticket printer: "salvato in PDF: ticket-R001.pdf"
    dialog.close()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(printer.written[-1]),
                        str(OUT / "ticket-ar")], check=True)

    board = window.open_board()
    settle(window)
    if workspace.current is not None and workspace.current.status == "called":
        workspace.counter_actions["recall"].trigger()  # the board chimes and shows this desk's call on top
    settle(window)
    pause(1.0)  # the feed delivers the recall to the board
    board.grab().save(str(OUT / "display-board.png"))
    board.close()
    appointments_screenshots(window)
    window.close()
    print(f"screenshots in {OUT.relative_to(ROOT)}: " + ", ".join(sorted(p.name for p in OUT.glob("*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
