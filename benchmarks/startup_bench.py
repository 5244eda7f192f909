"""Start-up and live-update figures of the desk application.

1. Cold start, side by side in one run: a fresh interpreter opening a bare PySide6 window versus ``desk-app``
   (the real ``main()``), both to "interactive" (the first event-loop turn after the window is shown) and, for
   the app, to "ready" (database connected and migrated in the background, office read, login enabled).
   Target: interactive <= 3x the bare window.
2. Live update with 2,000 tickets in the day, all waiting for the desk: time from another desk's commit
   to the clerk's queue view showing it (the change feed, the background re-read of the changed ticket, the
   model update and the view's layout and paint pass), on SQLite and PostgreSQL, and the part of it spent
   after the feed delivered the change. Target < 50 ms. For comparison, a full reload of the list, and a
   check that the incrementally updated list equals the core's full list.

    QT_QPA_PLATFORM=offscreen python benchmarks/startup_bench.py [--runs 7] [--pg postgresql://postgres@127.0.0.1/postgres]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import time, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
QTimer.singleShot(0, lambda: (print("interactive", time.perf_counter(), flush=True), app.quit()))
app.exec()
"""

APP = """
import sys, time
from PySide6.QtCore import QTimer
from desk_app.gui import app as gui
build = gui.build_main_window
def instrumented(*args, **kwargs):
    window = build(*args, **kwargs)
    QTimer.singleShot(0, lambda: print("interactive", time.perf_counter(), flush=True))
    window.ready.connect(lambda: (print("ready", time.perf_counter(), flush=True), window.close()))
    return window
gui.build_main_window = instrumented
sys.exit(gui.main(["--home", sys.argv[1], "--desk", "D1"]))
"""


def spawn(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; return the marks it printed, in ms from the spawn."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"child failed ({result.returncode}):\n{result.stderr[-3000:]}")
    out = result.stdout
    # perf_counter is CLOCK_MONOTONIC on Linux: comparable across processes.
    return {line.split()[0]: (float(line.split()[1]) - start) * 1000 for line in out.splitlines()
            if line.split() and line.split()[0] in {"interactive", "ready"}}


def prepare_home(home: Path) -> None:
    """A migrated SQLite database with the demo office, so "ready" means the login page, not the wizard."""
    from desk_app.core.auth import Actor
    from desk_app.core.demo import create_demo_office
    from desk_app.core.settings import Settings
    from desk_app.gui.app import connect_core

    core = connect_core(Settings.load(home=home, environ={}))
    create_demo_office(core, Actor.system("bench"))
    core.close()


def cold_start(runs: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="sportello-bench-"))
    prepare_home(home)
    bare, interactive, ready = [], [], []
    for _ in range(runs):  # interleaved, so machine noise hits both alike
        bare.append(spawn(BARE)["interactive"])
        marks = spawn(APP, str(home))
        interactive.append(marks["interactive"])
        ready.append(marks["ready"])
    b, i, r = (statistics.median(x) for x in (bare, interactive, ready))
    print(f"cold start, median of {runs} (ms):")
    print(f"  bare PySide6 window, interactive   {b:7.0f}")
    print(f"  desk-app, interactive (login page) {i:7.0f}   ({i / b:.2f}x bare)")
    print(f"  desk-app, ready (db + office)      {r:7.0f}")


def live_update(url: str, label: str, tickets: int) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desk_app.core.auth import Actor
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.gui.app import build_main_window, connect_core
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams

    app = QApplication.instance() or QApplication(sys.argv[:1])
    home = Path(tempfile.mkdtemp(prefix="sportello-live-"))
    settings = Settings.load(home=home, overrides={"db_url": url, "desk_code": "D1"}, environ={})
    system = Actor.system("bench")
    core = connect_core(settings)
    core.offices.apply(system, {"office": {"code": "LODI", "name": "Prefettura di Lodi"},
                                "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}],
                                "desk": [{"code": "D1", "name": "Sportello 1", "services": ["RF"]}]})
    core.staff.add_staff(system, "clerk", "Clerk", "clerk", "clerk-password", "LODI")
    other = CoreServices.build(settings)
    for _ in range(tickets):
        other.queue.issue_ticket(system, "RF")

    def wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError
            QCoreApplication.processEvents()
            time.sleep(0.0005)

    window = build_main_window(settings, Seams(RecordingDialogs(), CountingChime(),
                                               PdfTicketPrinter(home / "t")))
    window.show()
    window.start()
    wait(lambda: window.runtime.office is not None)
    window.login_page.ui.usernameEdit.setText("clerk")
    window.login_page.ui.passwordEdit.setText("clerk-password")
    window.login_page.ui.loginButton.click()
    wait(lambda: window.workspace is not None and window.workspace.tickets_model.rowCount() == tickets)
    workspace = window.workspace
    delivered: list[float] = []
    window.runtime.changed.connect(lambda _: delivered.append(time.perf_counter()))
    total, after_feed = [], []
    for n in range(15):
        delivered.clear()
        rows = workspace.tickets_model.rowCount()
        start = time.perf_counter()
        other.queue.issue_ticket(system, "RF")
        wait(lambda: workspace.tickets_model.rowCount() == rows + 1)  # noqa: B023 - evaluated inside the loop
        QCoreApplication.processEvents()  # the view's layout and paint of the change belong to "shown"
        end = time.perf_counter()
        if n >= 2:  # warm-up
            total.append((end - start) * 1000)
            after_feed.append((end - delivered[0]) * 1000)
    full = []
    for _ in range(5):
        start = time.perf_counter()
        workspace.schedule_refresh()
        wait(lambda: workspace.runtime.worker.pending == 0)
        QCoreApplication.processEvents()
        full.append((time.perf_counter() - start) * 1000)
    truth = other.queue.tickets(system, desk_code="D1")
    exact = workspace.tickets_model.tickets() == truth
    window.close()
    other.close()
    core.close()
    print(f"live update, {label}, {tickets} tickets waiting at the desk, median of {len(total)} (ms):")
    print(f"  commit by another desk -> queue view updated   {statistics.median(total):6.1f}"
          f"  (max {max(total):.1f})")
    print(f"  feed delivered -> queue view updated          {statistics.median(after_feed):6.1f}"
          f"  (max {max(after_feed):.1f})")
    print(f"  full reload of the list, for comparison       {statistics.median(full):6.1f}"
          f"  (max {max(full):.1f})")
    print(f"  list equal to the core's full list after the updates: {exact}")
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="admin URL of a PostgreSQL server (a scratch database is created and dropped)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    cold_start(args.runs)
    live_update(f"sqlite:///{tempfile.mkdtemp(prefix='sportello-live-db-')}/bench.sqlite3", "SQLite",
                args.tickets)
    import psycopg

    name = f"sportello_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.pg, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        base = args.pg.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        live_update(f"{base}/{name}", "PostgreSQL", args.tickets)
    finally:
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
