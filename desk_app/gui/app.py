"""``desk-app``: the composition root of the desk application.

Boot order (each step logs):

1. parse the command line (``--home DIR``, ``--db URL``, ``--lang``, ``--desk``, ``--board``, ``--training``);
2. settings (:meth:`Settings.load`: command line > ``DESK_APP_DB`` > ``settings.toml`` > defaults); with
   ``--training`` those of the training office instead (:mod:`desk_app.core.training`: its own folder and
   database, the demo office; every window and printout marked, see :mod:`desk_app.gui.training`);
3. logging to ``<logs>/desk-app.log`` (never to a missing ``sys.stdout`` of a windowed build); from step 4 on,
   uncaught errors and Qt's own messages go there too, and an uncaught error shows a crash dialog naming it;
4. ``QApplication``, translations (the app's ``.qm``, built with the package, and Qt's ``qtbase``), bundled fonts;
5. the seams (dialogs, ticket printer, chime) and the runtime with the one background worker;
6. the main window over the runtime, shown at once on the login page;
7. in the background (the runtime): database + migrations + core services, then the office (or the
   first-run wizard), then the change feed.

With ``--board`` steps 6-7 build the display board alone instead (a PC of its own in the
waiting room): no login; the board opens full screen on the ``display_screen`` setting's
screen once the office is read, and follows the change feed.

Quitting closes the window; its shutdown is the runtime's, the one way out: drain
the worker, stop the feed, log the clerk out, close the database. Nothing is global:
everything is built here and passed on.
The heavy modules (SQLAlchemy, psycopg, the core) are imported on the worker
thread in step 7, so the window appears without waiting for them.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desk_app.clock import Clock
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings
    from desk_app.gui.board import BoardApp
    from desk_app.gui.main_window import MainWindow
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams

log = logging.getLogger("desk_app.gui")


def parse_args(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (``-platform offscreen`` ...)."""
    parser = argparse.ArgumentParser(prog="desk-app", description=f"{APP_NAME}: the desk application.")
    parser.add_argument("--home", help="keep every file the app writes under this folder")
    parser.add_argument("--db", help="database URL (default: the SQLite file in the data folder)")
    parser.add_argument("--lang", choices=("it", "en"), help="staff interface language")
    parser.add_argument("--desk", help="this PC's desk code")
    parser.add_argument("--board", action="store_true",
                        help="open only the display board, full screen on the display_screen setting's screen")
    parser.add_argument("--training", action="store_true",
                        help="open the training office: a practice database with the demo office (issue 12)")
    parser.add_argument("--reset-training", action="store_true",
                        help="with --training: empty the practice database first (a fresh demo office)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_known_args(argv)


def log_file(settings: Settings) -> Path:
    """The application's log file (the crash dialog names it)."""
    return settings.paths.logs / "desk-app.log"


def setup_logging(settings: Settings) -> None:
    """Log to a rotating file in the logs folder (and to stderr when there is one)."""
    settings.paths.ensure()
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    handler = RotatingFileHandler(log_file(settings), maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    from desk_app.private_files import restrict

    restrict(log_file(settings))  # a log from an older version may be 0644: errors name files and people's actions
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if sys.stderr is not None:  # a windowed build has no console streams
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)  # the details (migrations, connections) go to the log file only
        root.addHandler(console)


def connect_core(settings: Settings, clock: Clock | None = None) -> CoreServices:
    """Open the database, bring the schema up to date, close earlier days and build the core services.

    Runs on the worker.
    """
    from desk_app.core.services import CoreServices

    core = CoreServices.build(settings, clock=clock)
    try:
        result = core.upgrade_schema()
        core.close_previous_days()
    except BaseException:
        core.close()
        raise
    log.info("database %s ready (schema %s)", core.db.describe(), ", ".join(sorted(result.after)))
    return core


def default_seams(settings: Settings) -> Seams:
    """The real dialogs, the configured ticket printer and the shipped chime."""
    from desk_app.gui.printing import SystemTicketPrinter
    from desk_app.gui.seams import QtDialogs, Seams, SoundEffectChime
    from desk_app.resources import resource_path

    return Seams(QtDialogs(), SoundEffectChime(resource_path("sounds", "chime.wav")),
                 SystemTicketPrinter(settings.ticket_printer, settings.ticket_paper))


def prepare_application(app: QApplication, settings: Settings) -> None:
    """Translations and fonts (step 4)."""
    from desk_app.gui.fonts import register_bundled_fonts
    from desk_app.gui.i18n import install_translators

    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The translators are parented to the application, which keeps them alive.
    install_translators(app, settings.language)
    register_bundled_fonts()


def build_runtime(settings: Settings, seams: Seams, clock: Clock | None = None) -> Runtime:
    """The one runtime of the app with its worker (step 5); nothing connects before ``start()``."""
    if settings.training:  # the practice database only, the demo office loaded into it (desk_app.gui.training)
        from desk_app.gui.training import build_training_runtime

        return build_training_runtime(settings, seams, clock)
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.worker import DbWorker

    worker = DbWorker()
    runtime = Runtime(settings, worker, seams.dialogs, lambda: connect_core(settings, clock))
    worker.setParent(runtime)
    return runtime


def build_main_window(settings: Settings, seams: Seams, clock: Clock | None = None) -> MainWindow:
    """The window over its runtime (steps 5-6); call ``start()`` on it to connect (step 7)."""
    from desk_app.gui.main_window import MainWindow

    runtime = build_runtime(settings, seams, clock)
    window = MainWindow(runtime, seams)
    runtime.setParent(window)
    return window


def build_board_app(settings: Settings, seams: Seams, clock: Clock | None = None) -> BoardApp:
    """The display board alone over its runtime (``--board``); call ``start()`` on it to connect."""
    from desk_app.gui.board import BoardApp

    runtime = build_runtime(settings, seams, clock)
    board_app = BoardApp(runtime, seams.chime)
    runtime.setParent(board_app)
    return board_app


def show_setting_problems(settings: Settings, seams: Seams, parent: QWidget | None) -> None:
    """Tell the clerk, once the window is up, which values of the settings file were refused (defaults used)."""
    from PySide6.QtCore import QTimer

    text = "\n\n".join(problem.message(settings.language) for problem in settings.problems)
    QTimer.singleShot(0, lambda: seams.dialogs.warn(parent, APP_NAME, text))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``desk-app`` gui-script: the whole run under ``umask 077``, so every file the app
    writes (database, logs, settings, backups) is its owner's alone (:mod:`desk_app.private_files`)."""
    from desk_app.private_files import owner_only_umask

    with owner_only_umask():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    from desk_app.core.settings import Settings
    from desk_app.errors import DeskError

    try:
        settings = Settings.load(home=args.home, overrides={"db_url": args.db, "language": args.lang,
                                                            "desk_code": args.desk})
        settings.paths.ensure()  # ``--home`` a file: one sentence, not a traceback
        if args.training:  # its own folder and database (desk_app.core.training)
            from desk_app.core.training import reset_training, training_settings

            settings = training_settings(settings)
            settings.paths.ensure()
            if args.reset_training:
                reset_training(settings)
    except DeskError as exc:
        if sys.stderr is not None:
            print(f"desk-app: {exc.message('it')}", file=sys.stderr)
        return 2
    setup_logging(settings)
    log.info("%s %s starting, home %s", APP_NAME, __version__, settings.paths.data.parent)
    for problem in settings.problems:  # e.g. idle_lock_minutes = 40000: the default is used, the app starts
        log.warning("%s", problem)  # (the console gets it too); the window shows it in the staff language

    from PySide6.QtWidgets import QApplication

    from desk_app.gui.crash import install_crash_handlers

    app = QApplication([sys.argv[0] if sys.argv else "desk-app", *qt_args])
    if settings.training:
        from desk_app.gui.training import training_seams

        seams = training_seams(settings)
    else:
        seams = default_seams(settings)
    install_crash_handlers(seams.dialogs, log_file(settings))
    prepare_application(app, settings)
    if args.board:
        board_app = build_board_app(settings, seams)
        if settings.training:
            from desk_app.gui.training import TrainingMarker

            app.installEventFilter(TrainingMarker(board_app))
        board_app.start()
        code = app.exec()
        board_app.shutdown()
        log.info("%s display board stopped (exit %s)", APP_NAME, code)
        return code
    if settings.training:
        from desk_app.gui.training import build_training_window

        window = build_training_window(settings, seams)
    else:
        window = build_main_window(settings, seams)
    window.show()
    window.start()
    if settings.problems:
        show_setting_problems(settings, seams, window)
    code = app.exec()
    window.shutdown()
    log.info("%s stopped (exit %s)", APP_NAME, code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
