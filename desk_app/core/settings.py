"""Declared settings and the folders the app writes to.

Every setting is declared once in :data:`SETTINGS` (name, type, default,
description). Values come, highest first, from the command line, the
environment (``DESK_APP_DB``), the settings file ``settings.toml`` in the config
folder, then the declared default.

``--home DIR`` (or ``DESK_APP_HOME``) moves every folder the app writes under
``DIR`` so tests and demos never touch a real profile.

Every folder is its owner's alone (0700) and so is the settings file (0600)
(:mod:`desk_app.private_files`). The database password is never a setting: a
``db_url`` with one is refused on the command line (``--db``: others see it in the
process list) and in ``config``; it lives in the keyring or the pgpass file
(:mod:`desk_app.db.credentials`). ``DESK_APP_DB`` may carry one (the environment
is the user's own); one left in an older settings file is moved out by
:meth:`Settings.move_password_out`.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from desk_app import APP_ID
from desk_app.core.validation import DB_INT_MAX, clean_text, file_error, write_atomically
from desk_app.errors import ValidationError
from desk_app.private_files import PRIVATE_FILE, make_private_folder, restrict, write_private_text

ENV_HOME = "DESK_APP_HOME"
ENV_DB = "DESK_APP_DB"
SETTINGS_FILE = "settings.toml"
PGPASS_FILE = "pgpass"


@dataclass(frozen=True)
class Setting:
    """One declared setting.

    Attributes:
        name: key in ``settings.toml``.
        type: ``str``, ``int`` or ``bool``.
        default: value when nothing else sets it.
        description: what it does, for the settings dialog and ``desk-admin config``.
        choices: allowed values, if the setting is an enumeration.
        minimum: lowest allowed value of an ``int`` setting.
        maximum: highest allowed value of an ``int`` setting (every ``int`` setting has one: a value the code
            multiplies, such as minutes into Qt's 32-bit millisecond timer, must not overflow).
        max_length: longest allowed value of a ``str`` setting.
    """

    name: str
    type: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int = 500


SETTINGS: tuple[Setting, ...] = (
    Setting("db_url", str, "", "Database URL; empty means the SQLite file in the data folder."),
    Setting("language", str, "it", "Language of the staff interface.", choices=("it", "en")),
    Setting("office_code", str, "", "Office this PC works for; empty means the only office in the database."),
    Setting("desk_code", str, "", "The desk (counter) this PC stands at."),
    Setting("idle_lock_minutes", int, 5, "Minutes without input before the screen locks.", minimum=1,
            maximum=480),
    Setting("ticket_printer", str, "", "Printer name for tickets (printed at once, no dialog); empty means each "
            "ticket is saved as ticket-<number>.pdf in Sportello/biglietti of the Documents folder."),
    Setting("ticket_paper", str, "receipt80", "Ticket paper size.", choices=("receipt80", "a4")),
    Setting("display_screen", int, 1, "Screen number of the display board (0 is the primary).", minimum=0,
            maximum=15),
    Setting("backups_kept", int, 10, "How many automatic SQLite backups to keep.", minimum=1, maximum=1000),
    Setting("retention_days", int, 90, "Days personal data (names, practice numbers) is kept.", minimum=1,
            maximum=3650),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class AppPaths:
    """Folders the app writes to. Created on demand by :meth:`ensure`."""

    data: Path
    config: Path
    logs: Path
    backups: Path

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """Paths under ``home`` (argument, else ``$DESK_APP_HOME``), else the platform's user folders."""
        home = home or os.environ.get(ENV_HOME) or None
        if home:
            root = Path(home).expanduser().resolve()
            return cls(root / "data", root / "config", root / "logs", root / "backups")
        dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
        data = Path(dirs.user_data_dir)
        return cls(data, Path(dirs.user_config_dir), Path(dirs.user_log_dir), data / "backups")

    def ensure(self) -> AppPaths:
        """Create the folders (0700; an existing one is narrowed to 0700, a file in it is not touched)."""
        for folder in (self.data, self.config, self.logs, self.backups):
            try:
                make_private_folder(folder)
            except OSError as exc:  # ``--home`` a file, a file in the way, a full disk: one sentence
                raise file_error(exc, folder) from exc
        return self

    @property
    def default_sqlite(self) -> Path:
        return self.data / "sportello.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / SETTINGS_FILE

    @property
    def pgpass_file(self) -> Path:
        """The libpq password file for the database password where there is no keyring (0600)."""
        return self.config / PGPASS_FILE


def password_in_url(url: str) -> bool:
    """True if the database URL ``url`` carries a password (``postgresql://user:secret@host/db``)."""
    if "@" not in url or ":" not in url:
        return False
    from sqlalchemy.engine import make_url  # only needed when there is a URL to look at
    from sqlalchemy.exc import ArgumentError

    try:
        return bool(make_url(url).password)
    except (ArgumentError, ValueError):
        return False


def coerce(setting: Setting, raw: Any) -> Any:
    """Convert ``raw`` to the setting's type and check it, raising :class:`ValidationError`."""
    try:
        if setting.type is bool:
            if isinstance(raw, str):
                lowered = raw.strip().lower()
                if lowered not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                    raise ValueError(raw)
                value: Any = lowered in {"1", "true", "yes", "on"}
            else:
                value = bool(raw)
        elif setting.type is int:
            if isinstance(raw, bool):
                raise ValueError(raw)
            value = int(raw)
        else:
            if not isinstance(raw, (str, int, float)):  # a TOML table or list where a text belongs
                raise TypeError(raw)
            value = str(raw)
    except (TypeError, ValueError) as exc:
        raise ValidationError("bad_setting", name=setting.name,
                              reason=f"{str(raw)[:40]!r}: {setting.type.__name__}") from exc
    if setting.choices and value not in setting.choices:
        raise ValidationError("bad_choice", field=setting.name, value=str(value)[:40],
                              allowed=", ".join(setting.choices))
    if setting.type is int:
        low = setting.minimum if setting.minimum is not None else -DB_INT_MAX
        high = setting.maximum if setting.maximum is not None else DB_INT_MAX
        if not low <= value <= high:
            raise ValidationError("out_of_range", field=setting.name, value=str(value)[:40], min=low, max=high)
    if setting.type is str:
        clean_text(value, setting.name, setting.max_length, required=False)  # no control characters, not too long
    return value


def allowed_values(setting: Setting) -> str:
    """What ``setting`` accepts, in a few language-neutral characters (``1-480``, ``it, en``)."""
    if setting.choices:
        return ", ".join(setting.choices)
    if setting.type is int:
        return f"{setting.minimum}-{setting.maximum}"
    if setting.type is bool:
        return "true, false"
    return f"<= {setting.max_length}"


@dataclass
class Settings:
    """Resolved settings plus the paths they came with."""

    paths: AppPaths
    values: dict[str, Any] = field(default_factory=dict)
    #: Values of the settings file that were refused (``setting_ignored``), their defaults used instead: the app
    #: starts anyway and shows these sentences; ``desk-admin config NAME=VALUE`` rewrites the value.
    problems: list[ValidationError] = field(default_factory=list)
    #: The training office's settings (:func:`desk_app.core.training.training_settings`): every window and
    #: printout says so, and the database can only be the training folder's own.
    training: bool = False

    def __getattr__(self, name: str) -> Any:
        if name in _BY_NAME:
            return self.values.get(name, _BY_NAME[name].default)
        raise AttributeError(name)

    @property
    def database_url(self) -> str:
        """The URL to open: the configured one, else the SQLite file in the data folder."""
        return self.values.get("db_url") or f"sqlite:///{self.paths.default_sqlite}"

    @classmethod
    def load(
        cls,
        home: str | os.PathLike[str] | None = None,
        overrides: Mapping[str, Any] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Settings:
        """Resolve paths and settings: overrides > environment > settings file > defaults."""
        env = os.environ if environ is None else environ
        paths = AppPaths.resolve(home if home is not None else env.get(ENV_HOME))
        values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
        problems: list[ValidationError] = []
        if paths.settings_file.is_file():
            try:
                stored = tomllib.loads(paths.settings_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ValidationError("bad_setup_file", path=str(paths.settings_file), reason=str(exc)) from exc
            for name, raw in stored.items():
                if name in _BY_NAME:  # unknown keys from a newer version are kept on disk, ignored here
                    try:
                        values[name] = coerce(_BY_NAME[name], raw)
                    except ValidationError:  # an out-of-bounds value must not stop the app: the default, said
                        problems.append(ValidationError(
                            "setting_ignored", path=str(paths.settings_file), name=name, value=repr(raw)[:40],
                            reason=allowed_values(_BY_NAME[name]), default=repr(_BY_NAME[name].default)))
        if env.get(ENV_DB):
            values["db_url"] = env[ENV_DB]
        for name, raw in (overrides or {}).items():
            if raw is not None:
                if name == "db_url" and password_in_url(str(raw)):  # a command-line argument: others see it
                    raise ValidationError("password_in_url", where="--db")
                values[name] = coerce(_BY_NAME[name], raw)
        return cls(paths, values, problems)

    def move_password_out(self) -> str | None:
        """Move a password found in the settings file's ``db_url`` (an older version kept it there) to the
        keyring or the pgpass file, and rewrite the file without it. Returns where it went, or ``None``."""
        from sqlalchemy.engine import make_url

        from desk_app.db import credentials

        if not self.paths.settings_file.is_file():
            return None
        stored = tomllib.loads(self.paths.settings_file.read_text(encoding="utf-8"))
        url_text = stored.get("db_url")
        if not isinstance(url_text, str) or not password_in_url(url_text):
            return None
        url = make_url(url_text)
        where = credentials.store_password(url, url.password or "", self.paths.pgpass_file)
        stored["db_url"] = url._replace(password=None).render_as_string(hide_password=False)  # set() skips None
        if self.values.get("db_url") == url_text:
            self.values["db_url"] = stored["db_url"]
        self._write(stored)
        return where

    def _write(self, stored: Mapping[str, Any]) -> None:
        """Write ``stored`` as the settings file, created 0600, atomically: a temporary file beside it, flushed
        to disk, then renamed over it, so a crash or a full disk leaves the old file whole (and says so)."""
        import tomli_w  # only needed when writing

        self.paths.ensure()
        text = tomli_w.dumps(dict(stored))
        write_atomically(self.paths.settings_file, lambda temporary: write_private_text(temporary, text),
                         mode=PRIVATE_FILE)
        restrict(self.paths.settings_file)

    def save(self, **changes: Any) -> None:
        """Validate ``changes``, apply them and write them to the settings file (defaults are removed)."""
        for name, raw in changes.items():
            if name not in _BY_NAME:
                from desk_app.core.office_settings import BY_NAME as OFFICE_SETTINGS  # a layer above this one

                if name in OFFICE_SETTINGS:  # the board's title, retention ...: the office's, in the database
                    raise ValidationError("office_setting", name=name)
                raise ValidationError("unknown_setting", name=str(name)[:48], allowed=", ".join(sorted(_BY_NAME)))
            if name == "db_url" and password_in_url(str(raw)):
                raise ValidationError("password_in_url", where="config db_url")
            self.values[name] = coerce(_BY_NAME[name], raw)
        stored: dict[str, Any] = {}
        if self.paths.settings_file.is_file():
            stored = tomllib.loads(self.paths.settings_file.read_text(encoding="utf-8"))
        for name in changes:
            if self.values[name] == _BY_NAME[name].default:
                stored.pop(name, None)
            else:
                stored[name] = self.values[name]
        self._write(stored)
