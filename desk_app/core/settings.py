"""Declared settings and the folders the app writes to.

Every setting is declared once in :data:`SETTINGS` (name, type, default,
description). Values come, highest first, from the command line, the
environment (``DESK_APP_DB``), the settings file ``settings.toml`` in the config
folder, then the declared default.

``--home DIR`` (or ``DESK_APP_HOME``) moves every folder the app writes under
``DIR`` so tests and demos never touch a real profile.
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
from desk_app.errors import ValidationError

ENV_HOME = "DESK_APP_HOME"
ENV_DB = "DESK_APP_DB"
SETTINGS_FILE = "settings.toml"


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
    """

    name: str
    type: type
    default: Any
    description: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("db_url", str, "", "Database URL; empty means the SQLite file in the data folder."),
    Setting("language", str, "it", "Language of the staff interface.", choices=("it", "en")),
    Setting("office_code", str, "", "Office this PC works for; empty means the only office in the database."),
    Setting("desk_code", str, "", "The desk (counter) this PC stands at."),
    Setting("idle_lock_minutes", int, 5, "Minutes without input before the screen locks.", minimum=1),
    Setting("ticket_printer", str, "", "Printer name for tickets; empty means ask with the print dialog."),
    Setting("ticket_paper", str, "receipt80", "Ticket paper size.", choices=("receipt80", "a4")),
    Setting("display_screen", int, 1, "Screen number of the display board (0 is the primary).", minimum=0),
    Setting("backups_kept", int, 10, "How many automatic SQLite backups to keep.", minimum=1),
    Setting("retention_days", int, 90, "Days personal data (names, practice numbers) is kept.", minimum=1),
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
        for folder in (self.data, self.config, self.logs, self.backups):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @property
    def default_sqlite(self) -> Path:
        return self.data / "sportello.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / SETTINGS_FILE


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
            value = str(raw)
    except (TypeError, ValueError) as exc:
        raise ValidationError("bad_setting", name=setting.name, reason=f"{raw!r}: {setting.type.__name__}") from exc
    if setting.choices and value not in setting.choices:
        raise ValidationError("bad_choice", field=setting.name, value=value, allowed=", ".join(setting.choices))
    if setting.minimum is not None and value < setting.minimum:
        raise ValidationError("bad_setting", name=setting.name, reason=f">= {setting.minimum}")
    return value


@dataclass
class Settings:
    """Resolved settings plus the paths they came with."""

    paths: AppPaths
    values: dict[str, Any] = field(default_factory=dict)

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
        if paths.settings_file.is_file():
            try:
                stored = tomllib.loads(paths.settings_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ValidationError("bad_setup_file", path=str(paths.settings_file), reason=str(exc)) from exc
            for name, raw in stored.items():
                if name in _BY_NAME:  # unknown keys from a newer version are kept on disk, ignored here
                    values[name] = coerce(_BY_NAME[name], raw)
        if env.get(ENV_DB):
            values["db_url"] = env[ENV_DB]
        for name, raw in (overrides or {}).items():
            if raw is not None:
                values[name] = coerce(_BY_NAME[name], raw)
        return cls(paths, values)

    def save(self, **changes: Any) -> None:
        """Validate ``changes``, apply them and write them to the settings file (defaults are removed)."""
        import tomli_w  # only needed when writing

        for name, raw in changes.items():
            if name not in _BY_NAME:
                raise ValidationError("bad_setting", name=name, reason="?")
            self.values[name] = coerce(_BY_NAME[name], raw)
        stored: dict[str, Any] = {}
        if self.paths.settings_file.is_file():
            stored = tomllib.loads(self.paths.settings_file.read_text(encoding="utf-8"))
        for name in changes:
            if self.values[name] == _BY_NAME[name].default:
                stored.pop(name, None)
            else:
                stored[name] = self.values[name]
        self.paths.ensure()
        self.paths.settings_file.write_text(tomli_w.dumps(stored), encoding="utf-8")
