"""Screenshots of the awareness-sessions window (issue 16) for the README, and the slides rendered to PNG.

A throw-away demo office (``--home`` in a temp folder, its centres and sessions from the demo data); the supervisor
``responsabile`` opens the window, selects a held session (its counts), then prepares a new one and asks the roster
who can come (a mediator busy at the counter or at another session shows why). Saved to ``docs/screenshots/``::

    xvfb-run -a python scripts/awareness_screenshots.py
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from screenshot_support import OUT, demo_home, desk_window, grab, log_in, settle, wait_until


def main() -> int:
    from PySide6.QtCore import QDateTime

    home, settings = demo_home("sportello-awareness-shots-", desk="")
    _app, window = desk_window(settings, home)
    log_in(window, "responsabile")
    window.awareness.action.trigger()
    dialog = window.awareness.window
    assert dialog is not None
    wait_until(lambda: dialog.model.rowCount() > 0)
    held = next(n for n, row in enumerate(dialog.model.rows) if row.status == "held")
    dialog.table.selectRow(held)
    settle(window)
    planned = next(row for row in dialog.model.rows if row.status == "planned" and row.mediator_code)
    # the same mediator, the same morning, another centre: the roster says she is busy
    start = planned.starts_at.astimezone() + timedelta(minutes=30)
    dialog.when_edit.setDateTime(QDateTime(datetime.combine(start.date(), time(start.hour, start.minute))))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(planned.language))
    dialog.organisation_edit.setText("Numero Verde Antitratta")
    dialog.check_mediators()
    settle(window)
    grab(dialog, "awareness-window.png")
    window.shutdown()
    print("saved", OUT / "awareness-window.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
