"""Screenshots of the shared practices with the Questura (issue 16) for the README.

A throw-away demo office (``--home`` in a temp folder, the demo's practices of realistic ages); ``questura1`` logs
in and lands on its inbox (``practices-questura.png``); the clerk ``operatore1`` opens the window with Ctrl+Shift+Q
and shows everything open (``practices-clerk.png``); the meeting list the supervisor ``responsabile`` writes is
rendered too (``practices-meeting.pdf`` in the temp folder, page 1 as ``practices-meeting.png`` when ``pdftoppm``
is there), and the window where the meeting's decisions are recorded (``practices-decisions.png``)::

    xvfb-run -a python scripts/practices_screenshots.py
"""

from __future__ import annotations

import shutil

from screenshot_support import (
    OUT,
    demo_home,
    desk_window,
    grab,
    log_in,
    render_first_page,
    settle,
    switch_user,
    wait_until,
)


def main() -> int:
    from desk_app.gui.seams import RecordingDialogs

    home, settings = demo_home("sportello-practices-shots-")
    dialogs = RecordingDialogs(save_folder=home)
    _app, window = desk_window(settings, home, size=(1280, 800), dialogs=dialogs)
    log_in(window, "questura1")
    settle(window)
    grab(window, "practices-questura.png")

    switch_user(window, "operatore1")
    practices = window.practices.open()
    assert practices is not None
    settle(window)
    practices.page.filter_combo.setCurrentIndex(2)  # all open
    settle(window)
    grab(practices, "practices-clerk.png")

    switch_user(window, "responsabile")
    dialogs.answers.append(1)  # 10 working days
    window.practices.export_meeting_list()
    wait_until(lambda: window.practices.last_written is not None)
    written = window.practices.last_written
    assert written is not None
    decisions = window.practices.open_decisions()  # the meeting's decisions, one per practice listed
    assert decisions is not None
    decisions.days_combo.setCurrentIndex(0)  # 5 working days
    settle(window)
    wait_until(lambda: bool(decisions.practices))
    decisions.set_decision(0, "new_due_date")
    if len(decisions.practices) > 1:
        decisions.set_decision(1, "remind")
        decisions.note_box(1).setText("Sollecito via PEC")
    settle(window)
    grab(decisions, "practices-decisions.png")
    if shutil.which("pdftoppm"):
        render_first_page(written, OUT / "practices-meeting.png", 80)
    window.shutdown()
    print("saved", OUT / "practices-questura.png", OUT / "practices-clerk.png", OUT / "practices-meeting.png",
          OUT / "practices-decisions.png", written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
