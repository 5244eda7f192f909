"""Screenshots of the office-wide changes that reach running desks (issue 12) for the README.

A throw-away demo office (``--home`` in a temp folder, a morning of tickets simulated): the board with the office's
title and notice (``admin-board-texts.png``), the supervisor console with the services below the office's
service-level target marked (``admin-service-level.png``), the "Services and desks" tab with a service out of use
(``admin-out-of-use.png``) and the mediators tab editing a mediator's languages (``admin-mediator-languages.png``),
all to ``docs/screenshots/``::

    QT_QPA_PLATFORM=offscreen python scripts/admin_live_screenshots.py   # or under xvfb-run -a
"""

from __future__ import annotations

import shutil
from typing import Any

from screenshot_support import (
    OUT,
    demo_settings,
    desk_window,
    grab,
    log_in,
    open_admin,
    settle,
    switch_user,
    wait_until,
)

NAMES = ("admin-board-texts.png", "admin-service-level.png", "admin-out-of-use.png", "admin-mediator-languages.png")


def live_office(settings: Any) -> None:
    """The live demo (a morning of tickets), a spare free desk D7 and the office's board texts and target."""
    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_OFFICE, DEMO_PASSWORD
    from desk_app.core.firstrun import load_live_demo
    from desk_app.gui.app import connect_core

    core = connect_core(settings)
    load_live_demo(core, Actor.system("screenshots"))
    admin = core.staff.login("admin", DEMO_PASSWORD)
    # A spare desk, free (the simulated morning keeps the others serving): the one taken out of use below.
    core.offices.apply(admin, {**DEMO_OFFICE, "desk": [*DEMO_OFFICE["desk"],
                                                       {"code": "D7", "name": "Sportello 7", "services": ["INFO"]}]})
    core.office_settings.change(admin, {"board_title": "Sportello Unico per l'Immigrazione · Legalizzazioni",
                                        "board_message": "Martedì 24 dicembre lo sportello chiude alle 12:00 · "
                                                         "On 24 December the office closes at 12:00",
                                        "service_level_percent": 85})
    core.close()


def main() -> int:
    from desk_app.gui.admin.live import ServiceLevelMarks

    home, settings = demo_settings("sportello-live-shots-")
    live_office(settings)
    _app, window = desk_window(settings, home)
    log_in(window, "operatore1")
    board = window.open_board()
    assert board is not None
    board.resize(1280, 720)
    wait_until(lambda: board.notice.isVisible())
    settle(window)
    grab(board, NAMES[0])
    board.close()

    switch_user(window, "responsabile")
    console = window.console
    assert console is not None
    marks = console.findChild(ServiceLevelMarks)
    assert marks is not None
    wait_until(lambda: marks.target is not None and console.dashboard is not None)
    settle(window)
    marks.paint()
    grab(window, NAMES[1])

    switch_user(window, "admin")
    admin_window = open_admin(window)
    office = admin_window.office_editor
    admin_window.tabs.setCurrentWidget(office)
    wait_until(lambda: office.office is not None)
    table = office.desks.table
    d7 = [table.item(r, 0).text() for r in range(table.rowCount())].index("D7")
    table.setCurrentCell(d7, 1)
    office.toggle_active("desk")
    wait_until(lambda: office.office is not None and not office.office.desks[d7].active)
    settle(window)
    table.scrollToBottom()
    table.setCurrentCell(d7, 0)
    grab(admin_window, NAMES[2])

    mediators = admin_window.mediator_editor
    admin_window.tabs.setCurrentWidget(mediators)
    wait_until(lambda: mediators.model.rowCount() > 0)
    mediators.view.selectRow(0)
    mediators.selectedLanguagesEdit.setText("ar 4, fr 3, en 5")  # a level the roster does not have, said as typed
    grab(admin_window, NAMES[3])
    window.shutdown()
    shutil.rmtree(home, ignore_errors=True)
    print("saved", *(OUT / n for n in NAMES))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
