"""A partner organisation's and the Questura's logins reach none of the office's own screens (issues 15 and 16):
the display board (live calls), the administration window (set-up, calendars, translation state), this PC's desk
and ticket printer. Found by a newcomer's try: both could open F12 and the administration window read-only."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desk_app.core.auth import Actor

from .conftest import settle


@pytest.mark.parametrize("role", ["partner", "questura"])
def test_outside_bodies_get_no_office_screen(qtbot: QtBot, open_desk: Any, log_in: Any, services: Any,
                                            system_actor: Actor, office: Any, staff: dict[str, Actor],
                                            role: str) -> None:
    services.staff.add_staff(system_actor, f"{role}1", "Ente esterno", role, f"{role}1-password", "LODI")
    if role == "partner":
        services.directory.load_file(system_actor)
        organisation = services.directory.organisations(system_actor)[0]
        services.directory.link_partner(system_actor, "partner1", organisation.uid)
    desk = open_desk("D1")
    window = desk.window
    assert window.board_action.isEnabled()  # before anyone logs in, a desk PC may show the board
    log_in(desk, f"{role}1")
    settle(qtbot, desk)
    assert window.workspace is None
    for action in (window.board_action, window.admin.action, window.desk_choice_action, window.printer_action):
        assert not action.isEnabled(), action.text()
    assert window.open_board() is None and window.board is None
    # The office's own staff keep them.
    window.sessions.lock("")
    log_in(desk, "admin")
    assert window.board_action.isEnabled() and window.admin.action.isEnabled()
    assert window.printer_action.isEnabled()
