"""Screenshots of the counter's mediator path and the appointments window (issue 10) for the README.

A throw-away demo office (``--home`` in a temp folder), this morning simulated up to 10:15 on the clock seam, the
appointments of the main screenshots, one more Arabic mediator (AR2, in person) and a walk-in Arabic ticket that
needs a mediator. ``operatore1`` at desk D1 then: sees the ticket held (why, for which language), opens the mediator
dialog with Ctrl+M, books AR2 in person, marks them present (the ticket becomes callable), and the appointments
window is shown searching a name, with move and cancel, and the booking dialog telling who can come before saving.
Offscreen Qt is enough::

    QT_QPA_PLATFORM=offscreen python scripts/counter_day_screenshots.py
"""

from __future__ import annotations

from datetime import datetime
from datetime import time as clock_time

from screenshot_support import demo_home, desk_window, grab, log_in, pause, settle, wait_until


def main() -> int:
    from desk_app.clock import ManualClock, local_day, zone
    from desk_app.core.auth import Actor
    from desk_app.core.demo import simulate_day
    from desk_app.gui.app import connect_core
    from desk_app.gui.seams import RecordingDialogs

    today = local_day(datetime.now(zone()))
    morning = datetime.combine(today, clock_time(10, 15), zone())
    home, settings = demo_home("sportello-counter-shots-", display_screen=0,
                               populate=lambda core, _actor: simulate_day(core, today, stop_at=morning))
    actor = Actor.system("screenshots")
    core = connect_core(settings, ManualClock(morning))
    # Every day of the week, so the screenshots work whatever day they are taken on.
    core.appointments.set_calendar(actor, "RF", hours="mon-sun 09:00-12:30", slot_minutes=20, capacity=2)
    if "AR2" not in {m.code for m in core.mediators.roster(actor)}:
        core.mediators.add_mediator(actor, "AR2", "Youssef Benali", {"ar": 3}, organisation="Coop. Il Ponte")
        core.mediators.set_availability(actor, "AR2", "mon-sun 09:00-13:00 in_person")
    for hh_mm, name, practice, language in (("10:40", "Amina Haddad", "LO/RF/2026/0187", "ar"),
                                            ("10:40", "Wei Zhang", "LO/RF/2026/0190", "zh"),
                                            ("11:00", "Nana Mensah", "LO/RF/2026/0196", "en"),
                                            ("11:20", "Karim Haddad", "LO/RF/2026/0203", "ar")):
        hour, minute = hh_mm.split(":")
        core.appointments.book(actor, "RF", datetime.combine(today, clock_time(int(hour), int(minute)), zone()),
                               person_name=name, practice_number=practice, language=language,
                               needs_mediator=language == "ar")
    held = core.queue.issue_ticket(actor, "RF", language="ar", needs_mediator=True)
    core.close()

    _app, window = desk_window(settings, home, clock=ManualClock(morning), size=(1400, 820),
                               dialogs=RecordingDialogs())
    log_in(window, "operatore1", until=lambda: window.workspace is not None)
    workspace = window.workspace
    model = workspace.tickets_model
    wait_until(lambda: model.row_of(held.id) >= 0 and model.held(held.id) is not None)
    workspace.ui.ticketsView.selectRow(model.row_of(held.id))
    workspace.ui.ticketsView.scrollTo(model.index(model.row_of(held.id), 0))
    pause(0.3)
    grab(window, "mediator-held.png")

    dialog = workspace.open_mediator()
    assert dialog is not None
    wait_until(lambda: dialog.state is not None)
    dialog.whoCombo.setCurrentIndex(dialog.whoCombo.findData("AR2"))
    dialog.book()
    settle(window)
    wait_until(lambda: dialog.state is not None and bool(dialog.state.bookings))
    pause(0.3)
    grab(dialog, "mediator-dialog.png")
    dialog.mark_present()
    settle(window)
    wait_until(lambda: model.held(held.id) is None)
    dialog.close()
    workspace.ui.ticketsView.selectRow(model.row_of(held.id))
    pause(0.3)
    grab(window, "mediator-callable.png")

    view = window.open_appointments()
    assert view is not None
    view.resize(1280, 720)
    settle(window)
    view.searchEdit.setText("haddad")
    view.search()
    settle(window)
    wait_until(lambda: view.searching is not None and view.appointments_model.rowCount() > 0)
    view.ui.appointmentsView.selectRow(0)
    pause(0.3)
    grab(view, "appointments-search.png")
    view.show_day()
    settle(window)
    booking = view.open_booking()
    settle(window)
    booking.ui.slotCombo.setCurrentIndex(next(i for i in range(booking.ui.slotCombo.count())
                                              if booking.ui.slotCombo.itemText(i).startswith("11:20")))
    booking.ui.nameEdit.setText("Samir Haddad")
    booking.set_language("ar")
    booking.ui.mediatorBox.setChecked(True)
    settle(window)
    booking.ui.modeCombo.setCurrentIndex(booking.ui.modeCombo.findData("phone"))
    settle(window)
    wait_until(lambda: bool(booking.mediatorPreviewLabel.text()))
    pause(0.3)
    grab(booking, "booking-preview.png")
    booking.close()
    view.close()
    window.close()
    print("screenshots in docs/screenshots: mediator-held.png, mediator-dialog.png, mediator-callable.png, "
          "appointments-search.png, booking-preview.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
