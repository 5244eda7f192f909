"""The training office (issue 12, item 5; the project's WP5 training): a practice database for new staff.

``desk-app --training`` opens the desk app on a database of its own, filled with the demo office
(:func:`desk_app.core.firstrun.load_live_demo`), so a new clerk can issue, call and print without touching the
office's real queue. Everything it writes lives in one folder, ``<data>/training`` of this PC's profile
(``--home DIR``: ``DIR/data/training``), laid out as a ``--home`` of its own: its SQLite file, settings, audit key,
logs, backups and the PDF files that stand in for printouts.

How it can never reach the real database:

* :func:`training_settings` builds the settings from that folder alone, with the environment left out (no
  ``DESK_APP_DB``, no ``DESK_APP_HOME``), and forces the database to the SQLite file inside it whatever any
  settings file says; :func:`check_training_database` refuses any other URL before a connection is opened;
* a training database that holds an office other than the demo office is refused too
  (:func:`prepare_training_office`, through :func:`~desk_app.core.demo.create_demo_office`'s own guard);
* tickets and sheets go to PDF files in the training folder, never to a printer (the GUI's training seams), and
  each carries :data:`TRAINING_MARK`.

:func:`reset_training` empties the folder's database (and its audit checkpoints, which name rows of that
database) so the next start loads a fresh demo office: one step, nothing else of the PC is touched.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.core.settings import ENV_HOME, AppPaths, Settings
from desk_app.errors import ConflictError

if TYPE_CHECKING:
    from desk_app.core.services import CoreServices
    from desk_app.core.sheets import Sheet

#: Shown on every window, the board and every printout of the training office (Italian: the office's language;
#: the board and the printouts also say it in English).
TRAINING_MARK = "ESERCITAZIONE"
TRAINING_MARK_BILINGUAL = "ESERCITAZIONE · TRAINING"
#: On every report, list or sheet exported from the training office (issue 12): in the title of a PDF or DOCX, in
#: the first row of each XLSX sheet (the documents are in Italian; the English is for an English staff interface).
EXPORT_MARK = "ESERCITAZIONE — dati non reali"
EXPORT_MARK_EN = "TRAINING — not real data"
#: Before the extension of every file exported from the training office: a CSV carries its mark only there, so a
#: spreadsheet reads its rows as those of a real export.
EXPORT_SUFFIX = "-ESERCITAZIONE"
#: The folder of the training office, inside this PC's data folder.
TRAINING_FOLDER = "training"
#: Where tickets and sheets of the training office go as PDF files, inside the training folder.
PRINTOUTS_FOLDER = "stampe"
#: The SQLite file of the training office (the name a normal data folder uses, inside the training folder).
_DATABASE_FILES = ("sportello.sqlite3", "sportello.sqlite3-wal", "sportello.sqlite3-shm")


def training_root(real: AppPaths) -> Path:
    """The training office's folder for a PC whose own folders are ``real``."""
    return real.data / TRAINING_FOLDER


def training_settings(real: Settings) -> Settings:
    """The settings of the training office of the PC whose settings are ``real``.

    Read from the training folder's own ``settings.toml`` (the environment is left out), with the staff language
    and this PC's desk and screen taken from ``real``; the database is always the training folder's SQLite file
    and no ticket printer is set, whatever that file says.
    """
    root = training_root(real.paths)
    settings = Settings.load(home=root, environ={})
    for name in ("language", "desk_code", "display_screen", "ticket_paper"):
        settings.values[name] = getattr(real, name)
    settings.values["db_url"] = ""  # the SQLite file of the training folder (Settings.database_url)
    settings.values["ticket_printer"] = ""
    settings.training = True
    settings.problems.extend(real.problems)
    return settings


def is_training(settings: Settings) -> bool:
    """Whether ``settings`` open the training office's database: a training run (``desk-app --training``), or any
    run (the CLI's ``--home`` or ``--db``) on the SQLite file of a training folder (``.../training/data/``)."""
    if settings.training:
        return True
    url = settings.database_url
    if not url.startswith("sqlite:///"):
        return False
    folder = Path(url.removeprefix("sqlite:///")).parent
    return folder.name == "data" and folder.parent.name == TRAINING_FOLDER


def export_mark(training: bool, lang: str = "it") -> str:
    """The mark of an export (:data:`EXPORT_MARK`, or its English for ``lang`` "en"); empty outside training."""
    if not training:
        return ""
    return EXPORT_MARK_EN if lang == "en" else EXPORT_MARK


def marked_title(title: str, mark: str) -> str:
    """``title`` with the training ``mark`` in front (``title`` itself when there is no mark)."""
    return f"{mark} · {title}" if mark else title


def export_path(path: str | os.PathLike[str], training: bool) -> Path:
    """``path`` with :data:`EXPORT_SUFFIX` before its extension for a training export (once: a name that has it
    keeps it); ``path`` unchanged outside training."""
    path = Path(path)
    if not training or path.stem.endswith(EXPORT_SUFFIX):
        return path
    return path.with_name(f"{path.stem}{EXPORT_SUFFIX}{path.suffix}")


def mark_sheet(sheet: Sheet) -> Sheet:
    """``sheet`` as the training office prints it: "ESERCITAZIONE" before its title and a band on top.

    The band is public text, in Italian and English whatever the sheet's language (as the board's headings): a sheet
    for a user in another language keeps it so.
    """
    from desk_app.core.sheets import Block, Line

    band = Block("callout", Line(f"{EXPORT_MARK} · {EXPORT_MARK_EN}", "it"),
                 Line("Foglio di prova dell'ufficio di esercitazione: non vale come informazione per l'utente. · "
                      "Practice sheet of the training office: not information for a user.", "it"))
    return dataclasses.replace(sheet, title=f"{TRAINING_MARK} — {sheet.title}", blocks=(band, *sheet.blocks))


def printouts_folder(settings: Settings) -> Path:
    """Where the training office's tickets and sheets are written as PDF files."""
    return settings.paths.data / PRINTOUTS_FOLDER


def check_training_database(settings: Settings) -> str:
    """The database URL of the training ``settings``; refuses (``training_database``) any URL but the SQLite file
    of the training folder, so a training run can never open the office's real database."""
    expected = f"sqlite:///{settings.paths.default_sqlite}"
    if not settings.training or settings.database_url != expected \
            or settings.paths.data.parent.name != TRAINING_FOLDER:
        raise ConflictError("training_database")
    return expected


@dataclass(frozen=True)
class TrainingReset:
    """What :func:`reset_training` removed (file names, for the log)."""

    removed: tuple[str, ...]


def reset_training(settings: Settings) -> TrainingReset:
    """Remove the training office's database and its audit checkpoints; the next start loads the demo again.

    Only the training folder is touched (checked first with :func:`check_training_database`); run it while no
    training window is open on this PC (the desk app resets before it connects, see ``--reset-training``).
    """
    check_training_database(settings)
    removed: list[str] = []
    candidates = [settings.paths.data / name for name in _DATABASE_FILES]
    candidates += sorted(settings.paths.config.glob("audit-head-*.json"))
    for path in candidates:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path.name)
    return TrainingReset(tuple(removed))


def prepare_training_office(core: CoreServices) -> bool:
    """Load the demo office into an empty training database (runs on the worker). ``True`` if it was loaded.

    A database already holding the demo office is used as it is (the trainee's work of earlier days stays until
    a reset); one holding any other office is refused (``demo_refused``): it is not a training database.
    """
    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_OFFICE
    from desk_app.core.firstrun import load_live_demo

    codes = core.offices.offices()
    if codes:
        demo = DEMO_OFFICE["office"]
        for code in codes:
            if (code, core.offices.view(code).name) != (demo["code"], demo["name"]):
                raise ConflictError("demo_refused", office=code)
        return False
    load_live_demo(core, Actor.system("training"))
    return True


def training_command(real_home: str | os.PathLike[str] | None) -> list[str]:
    """The arguments that start the desk app on the training office (the menu entry starts it so)."""
    arguments = ["--training"]
    home = real_home or os.environ.get(ENV_HOME)
    if home:
        arguments += ["--home", str(home)]
    return arguments


__all__ = ["EXPORT_MARK", "EXPORT_MARK_EN", "EXPORT_SUFFIX", "PRINTOUTS_FOLDER", "TRAINING_FOLDER", "TRAINING_MARK",
           "TRAINING_MARK_BILINGUAL", "TrainingReset", "check_training_database", "export_mark", "export_path",
           "is_training", "mark_sheet", "marked_title", "prepare_training_office", "printouts_folder",
           "reset_training", "training_command", "training_root", "training_settings"]
