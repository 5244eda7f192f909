"""What the screenshot scripts share: a throw-away demo home, the desk window over it, logging in, grabbing a PNG.

Each ``scripts/*_screenshots.py`` photographs the real app on a demo office made for the occasion in a temp folder,
so it never touches a real office's data. The waiting helpers (:func:`~take_screenshots.wait_until`,
:func:`~take_screenshots.settle`) stay in ``take_screenshots.py``; this module builds on them. Typical use::

    home, settings = demo_home("sportello-admin-shots-")
    app, window = desk_window(settings, home)
    log_in(window, "admin")
    grab(window, "admin-settings.png")

Heavy modules (Qt, the core) are imported inside the functions, as the scripts themselves do, so that importing
this module costs nothing before ``sys.path`` points at the project.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
#: Where every screenshot goes.
OUT = ROOT / "docs" / "screenshots"

from take_screenshots import pause, settle, wait_until  # noqa: E402 - the scripts folder is on the path of every script

__all__ = ["OUT", "demo_home", "demo_settings", "desk_window", "grab", "log_in", "open_admin", "pause",
           "render_first_page", "settle", "switch_user", "wait_until"]


def demo_settings(prefix: str, desk: str = "D1", **overrides: Any) -> tuple[Path, Any]:
    """A new empty home in a temp folder named ``prefix...`` and its Italian-speaking settings at ``desk``.

    ``desk=""`` is a PC with no desk (supervisor, back office). ``overrides`` are further settings
    (``display_screen=0`` ...). The machine's environment is ignored, so the pictures do not depend on it.
    Also makes sure :data:`OUT` exists.
    """
    from desk_app.core.settings import Settings

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix=prefix))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": desk, **overrides}, environ={})
    return home, settings


def demo_home(prefix: str, desk: str = "D1", *, clock: Any = None,
              populate: Callable[[Any, Any], None] | None = None, **overrides: Any) -> tuple[Path, Any]:
    """:func:`demo_settings`, with the demo office created in its database and the database closed again.

    ``populate(core, actor)``, when given, runs next on the same open core (the system actor ``screenshots``):
    extra data a script needs before the window opens. ``clock`` is the core's clock (``None``: the real one).
    """
    from desk_app.core.auth import Actor
    from desk_app.core.demo import create_demo_office
    from desk_app.gui.app import connect_core

    home, settings = demo_settings(prefix, desk, **overrides)
    core = connect_core(settings, clock)
    try:
        actor = Actor.system("screenshots")
        create_demo_office(core, actor)
        if populate is not None:
            populate(core, actor)
    finally:
        core.close()
    return home, settings


def desk_window(settings: Any, home: Path, *, clock: Any = None, size: tuple[int, int] | None = None,
                dialogs: Any = None) -> tuple[Any, Any]:
    """The QApplication and the desk app's main window over ``settings``, shown, started and connected.

    Nothing reaches a printer or a sound card: tickets go as PDFs to ``home/tickets`` (80 mm receipts), sheets to
    ``home/sheets``, dialogs are :class:`~desk_app.gui.seams.RecordingDialogs` saving to ``home`` unless
    ``dialogs`` is given; the seams are on ``window.seams``. ``size`` resizes the window before it is shown.
    Returns once the office is loaded; keep the application referenced for as long as the window lives.
    """
    from PySide6.QtWidgets import QApplication

    from desk_app.gui.app import build_main_window, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    seams = Seams(RecordingDialogs(save_folder=home) if dialogs is None else dialogs, CountingChime(),
                  PdfTicketPrinter(home / "tickets", "receipt80"), PdfSheetPrinter(home / "sheets"))
    window = build_main_window(settings, seams, clock)
    if size is not None:
        window.resize(*size)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None)
    return app, window


def log_in(window: Any, username: str, until: Callable[[], bool] | None = None) -> None:
    """Log ``username`` in on the window's login page with the demo password, then wait until the work is done.

    ``until`` is what "logged in" means for the picture (default: a session exists), e.g. the console has its
    first dashboard.
    """
    from desk_app.core.demo import DEMO_PASSWORD

    page = window.login_page
    page.ui.usernameEdit.setText(username)
    page.ui.passwordEdit.setText(DEMO_PASSWORD)
    page.ui.loginButton.click()
    wait_until(until or (lambda: window.sessions.session is not None))
    settle(window)


def switch_user(window: Any, username: str, until: Callable[[], bool] | None = None) -> None:
    """Lock the desk (the staff member at it steps away) and :func:`log_in` ``username`` in their place."""
    window.sessions.lock("")
    settle(window)
    log_in(window, username, until)


def open_admin(window: Any) -> Any:
    """The administration window, opened from the desk window's menu as the user logged in would (and settled)."""
    window.admin.action.trigger()
    admin = window.admin.window
    assert admin is not None, "the user logged in may not open the administration window"
    settle(window)
    return admin


def grab(widget: Any, name: str) -> Path:
    """``widget`` as it is on screen now, saved as ``docs/screenshots/<name>``; returns the path."""
    target = OUT / name
    widget.grab().save(str(target))
    return target


def render_first_page(pdf: Path, target: Path, dpi: int) -> Path:
    """The first page of ``pdf`` as the PNG ``target`` at ``dpi`` (poppler's ``pdftoppm``, which must be there)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(target.with_suffix(""))], check=True)
    return target
