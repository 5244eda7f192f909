"""Files and folders the app writes are its owner's alone: 0600 files, 0700 folders.

What Sportello writes holds personal data or secrets (the database and its ``-wal``/``-shm``
companions, backups, logs, ``settings.toml``, the pgpass file, key files), so nobody but the OS
user running it may read them. Two layers, because either alone can be undone by accident:

* both entry points run under :func:`owner_only_umask` (``umask 077``), so whatever is created
  while they run, by us or by a library (SQLite, logging, shutil), starts private;
* where a file or folder is made, :func:`restrict` narrows it explicitly, which also repairs
  files left readable by an older version (created 0644 in 0755 folders).

On Windows POSIX modes do not apply: the app's folders live in the user's own profile
(``%LOCALAPPDATA%``), whose inherited ACL already grants only that user (and administrators);
:func:`restrict` does nothing there.

Standard library only: the desk application imports this before any heavy module.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
OWNER_ONLY_UMASK = 0o077


@contextmanager
def owner_only_umask() -> Iterator[None]:
    """Run the block with ``umask 077`` (files 0600, folders 0700), restoring the previous mask after.

    The umask is per process: the entry points wrap their whole run in this, and restoring it keeps
    a test that calls an entry point in-process from changing the mask of the test run.
    """
    if os.name != "posix":  # pragma: no cover - Windows: the profile folders' ACL does this
        yield
        return
    previous = os.umask(OWNER_ONLY_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def restrict(path: str | os.PathLike[str]) -> None:
    """Make ``path`` (a file: 0600, a folder: 0700) its owner's alone, if it exists and is ours.

    A path owned by someone else (a folder chosen with ``--home`` that belongs to another user, a
    file of root's) is left as it is: changing it would fail, and it is not ours to change.
    """
    if os.name != "posix":  # pragma: no cover - Windows: see the module docstring
        return
    target = Path(path)
    try:
        info = target.stat()
    except OSError:
        return
    if info.st_uid != os.geteuid():
        return
    wanted = PRIVATE_FOLDER if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE
    if stat.S_IMODE(info.st_mode) & 0o077 or stat.S_IMODE(info.st_mode) & wanted != wanted:
        os.chmod(target, wanted)


def make_private_folder(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` and its missing parents as 0700 folders (an existing one is narrowed to 0700)."""
    folder = Path(path)
    missing = []
    parent = folder
    while not parent.exists() and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    for created in (*missing, folder):
        restrict(created)
    return folder


def write_private_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, created 0600 from the first byte (never readable by others)."""
    target = Path(path)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    restrict(target)


__all__ = ["OWNER_ONLY_UMASK", "PRIVATE_FILE", "PRIVATE_FOLDER", "make_private_folder", "owner_only_umask",
           "restrict", "write_private_text"]
