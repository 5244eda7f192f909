"""The PostgreSQL password, kept out of the settings file, the process list and every output.

A database URL (``--db``, ``DESK_APP_DB``, ``db_url`` in ``settings.toml``) carries no password.
The password lives in one of two places, looked up when the database is opened:

1. the system keyring through the ``keyring`` package (Windows Credential Locker, macOS
   Keychain, the Secret Service of a Linux desktop), under the service :data:`KEYRING_SERVICE`
   and the key ``user@host:port/database`` (:func:`credential_key`);
2. where no keyring backend exists (a server, a container, ``PYTHON_KEYRING_BACKEND`` set to
   ``keyring.backends.null.Keyring``), a libpq password file (``pgpass`` format, 0600) in the
   app's config folder, handed to libpq as the ``passfile`` connection parameter. libpq reads
   it itself and ignores it when it is readable by others.

Backends that store in plain text (``keyrings.alt``) or refuse everything (``fail``, ``null``)
count as no keyring: the pgpass file is then the honest choice, a 0600 file in a 0700 folder.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

#: The keyring service the database passwords are stored under.
KEYRING_SERVICE = "sportello-db"
DEFAULT_PORT = 5432

_PASSWORD_IN_URL = re.compile(r"(://[^:/@?#]*:)[^@/?#]*@")


def mask_url(text: str) -> str:
    """``text`` with any ``user:password@`` of a URL shown as ``user:***@`` (for messages of unparsable URLs)."""
    return _PASSWORD_IN_URL.sub(r"\1***@", text)


def has_password(url: URL) -> bool:
    return bool(url.password)


def credential_key(url: URL) -> str:
    """The keyring key of ``url``'s account: ``user@host:port/database``."""
    return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or DEFAULT_PORT}/{url.database or ''}"


def keyring_backend() -> Any | None:
    """The system keyring backend, or ``None`` where there is no usable one (see the module docstring)."""
    try:
        import keyring
        from keyring.backend import KeyringBackend
    except ImportError:  # pragma: no cover - a dependency; absent only in a broken install
        return None
    try:
        backend = keyring.get_keyring()
        priority = float(getattr(backend, "priority", 0) or 0)
    except Exception:  # a backend that cannot even start is no keyring
        log.info("keyring unavailable", exc_info=True)
        return None
    module = type(backend).__module__
    if not isinstance(backend, KeyringBackend) or priority <= 0 or module.startswith(
            ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        return None
    return backend


def _pgpass_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _pgpass_fields(url: URL) -> list[str]:
    return [_pgpass_escape(str(v)) for v in (url.host or "localhost", url.port or DEFAULT_PORT,
                                              url.database or "*", url.username or "*")]


def _split_pgpass(line: str) -> list[str]:
    fields, current, escaped = [], "", False
    for ch in line:
        if escaped:
            current += "\\" + ch
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ":":
            fields.append(current)
            current = ""
        else:
            current += ch
    fields.append(current)
    return fields


def write_pgpass(passfile: Path, url: URL, password: str) -> None:
    """Put ``url``'s account with ``password`` into ``passfile`` (replacing its earlier line), 0600."""
    from desk_app.private_files import make_private_folder, write_private_text

    key = _pgpass_fields(url)
    kept = []
    if passfile.is_file():
        kept = [line for line in passfile.read_text(encoding="utf-8").splitlines()
                if line.strip() and _split_pgpass(line)[:4] != key]
    make_private_folder(passfile.parent)
    tmp = passfile.with_name(f".{passfile.name}.{os.getpid()}.tmp")
    write_private_text(tmp, "\n".join([*kept, ":".join([*key, _pgpass_escape(password)])]) + "\n")
    os.replace(tmp, passfile)


def store_password(url: URL, password: str, passfile: Path) -> str:
    """Keep ``password`` for ``url``'s account: in the keyring if there is one (returns ``"keyring"``),
    else in ``passfile`` (returns its path)."""
    backend = keyring_backend()
    if backend is not None:
        backend.set_password(KEYRING_SERVICE, credential_key(url), password)
        return "keyring"
    write_pgpass(passfile, url, password)
    return str(passfile)


def password_source(url: URL, passfile: Path | None) -> str:
    """Where ``url``'s password would come from: ``"keyring"``, the pgpass file's path, or ``""`` (none)."""
    backend = keyring_backend()
    if backend is not None and backend.get_password(KEYRING_SERVICE, credential_key(url)):
        return "keyring"
    if passfile is not None and passfile.is_file():
        key = _pgpass_fields(url)
        for line in passfile.read_text(encoding="utf-8").splitlines():
            if _split_pgpass(line)[:4] == key:
                return str(passfile)
    return ""


def resolve(url: URL, passfile: Path | None) -> URL:
    """``url`` as it is opened: a PostgreSQL URL without a password gets the keyring's (in memory only), or
    libpq's ``passfile`` parameter pointing at ``passfile`` when that exists."""
    if url.password or url.get_backend_name() not in {"postgresql", "postgres"}:
        return url
    backend = keyring_backend()
    if backend is not None:
        try:
            secret = backend.get_password(KEYRING_SERVICE, credential_key(url))
        except Exception:  # a locked or broken keyring: the pgpass file then
            log.warning("keyring lookup failed", exc_info=True)
            secret = None
        if secret:
            return url.set(password=secret)
    if passfile is not None and passfile.is_file() and "passfile" not in url.query:
        return url.update_query_dict({"passfile": str(passfile)})
    return url


__all__ = ["KEYRING_SERVICE", "credential_key", "has_password", "keyring_backend", "mask_url", "password_source",
           "resolve", "store_password", "write_pgpass"]
