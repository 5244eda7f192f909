"""Screenshots of the supervisor's console and reports window (issue 11) for the README.

A throw-away demo office (``--home`` in a temp folder): ten earlier working days and this morning simulated up to
11:30 on the clock seam, with eight walk-ins waiting and every desk at work as the live demo leaves it, then
``responsabile`` logs in (no desk) and the console and the reports window of the last two weeks are grabbed to
``docs/screenshots/``, with the first page of the PDF export. Offscreen Qt is enough::

    QT_QPA_PLATFORM=offscreen python scripts/supervisor_screenshots.py
"""

from __future__ import annotations

from datetime import datetime, timedelta
from datetime import time as clock_time
from typing import Any

from screenshot_support import OUT, demo_home, desk_window, grab, log_in, render_first_page, settle, wait_until


def main() -> int:
    from PySide6.QtCore import QDate

    from desk_app.clock import ManualClock, local_day, zone
    from desk_app.core.demo import simulate_day

    today = local_day(datetime.now(zone()))
    morning = datetime.combine(today, clock_time(11, 30), zone())

    def past_days(core: Any, _actor: Any) -> None:
        day, done = today, 0
        while done < 10:
            day -= timedelta(days=1)
            if day.weekday() < 5:
                simulate_day(core, day, tickets=140 + 7 * done, seed=done)
                done += 1
        simulate_day(core, today, tickets=170, stop_at=morning, waiting=8)  # as the live demo: every desk at work

    # the walk-ins of the live demo arrive at 11:30 too
    home, settings = demo_home("sportello-console-shots-", desk="", clock=ManualClock(morning), populate=past_days)
    _app, window = desk_window(settings, home, clock=ManualClock(morning), size=(1400, 900))
    log_in(window, "responsabile", until=lambda: window.console is not None and window.console.dashboard is not None)
    grab(window, "supervisor-console.png")

    console = window.console
    console.open_reports()
    reports = console._reports_window
    reports.period_combo.setCurrentIndex(0)
    start = today - timedelta(days=14)
    reports.from_edit.setDate(QDate(start.year, start.month, start.day))
    reports.to_edit.setDate(QDate(today.year, today.month, today.day))
    reports.load()
    wait_until(lambda: bool(reports.rows))
    settle(window)
    grab(reports, "reports.png")
    reports.export("pdf")
    settle(window)
    pdf = next(home.glob("conteggi_*.pdf"))
    render_first_page(pdf, OUT / "counts-pdf.png", 70)
    reports.by_combo.setCurrentIndex(reports.by_combo.findData("hour"))  # a breakdown of the reports window
    settle(window)
    grab(reports, "reports-by-hour.png")
    reports.export_breakdowns("pdf")
    settle(window)
    wait_until(lambda: any(home.glob("prospetti_*.pdf")))
    breakdowns = next(home.glob("prospetti_*.pdf"))
    render_first_page(breakdowns, OUT / "breakdowns-pdf.png", 70)
    window.shutdown()
    print("saved", *(OUT / n for n in ("supervisor-console.png", "reports.png", "counts-pdf.png",
                                       "reports-by-hour.png", "breakdowns-pdf.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
