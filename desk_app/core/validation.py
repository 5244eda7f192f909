"""Input rules shared by every service: codes, free text, numbers and ids, dates, choices, files written.

Every check raises :class:`~desk_app.errors.ValidationError` (or another
:class:`~desk_app.errors.DeskError`) with one sentence; nothing is stored when one
fails because services validate before they write. Files are written whole or not
at all (:func:`write_atomically`), and an ``OSError`` is named for what it is
(:func:`file_error`: a full disk is "the disk is full", never "database unreachable").
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from desk_app.errors import DeskError, ValidationError

CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
#: Explicit embedding/override/isolate controls: used to disguise text (e.g. "exe.pdf" spoofing), never needed
#: in a name or a note. ZWJ/ZWNJ (U+200C/U+200D) stay allowed: Indic and Perso-Arabic spelling needs them.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
#: The largest value of an ``Integer`` column on PostgreSQL (``int4``): every id and count column. SQLite stores
#: 64 bits, but one limit for both backends keeps a number valid on the one exactly when it is on the other.
DB_INT_MAX = 2**31 - 1
#: Dates Sportello handles: wide enough for any office's history and bookings, narrow enough that date arithmetic
#: (a week after, the day before) never leaves Python's range and no one books for the year 9999.
DATE_MIN = date(2000, 1, 1)
DATE_MAX = date(2099, 12, 31)


def clean_text(value: str | None, field: str, max_len: int, *, required: bool = True, multiline: bool = False) -> str:
    """Return ``value`` normalised (NFC, trimmed) or raise :class:`ValidationError`.

    Refuses control characters (tabs and, unless ``multiline``, newlines too),
    directional marks and overrides, and text longer than ``max_len`` characters.
    An empty result is refused when ``required``, else returned as ``""``.
    """
    text = unicodedata.normalize("NFC", value or "").strip()
    if not text:
        if required:
            raise ValidationError("required", field=field)
        return ""
    allowed_controls = {"\n"} if multiline else set()
    for ch in text:
        if ch in BIDI_CONTROLS:
            raise ValidationError("bidi_controls", field=field)
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in allowed_controls) or category in {"Cs", "Co", "Cn"} or ch in "\u2028\u2029":
            raise ValidationError("control_chars", field=field)
    if len(text) > max_len:
        raise ValidationError("too_long", field=field, max=max_len)
    return text


def clean_name(value: str | None, field: str, max_len: int, *, required: bool = True) -> str:
    """A person's name as typed or pasted: invisible direction marks removed, never refused, then :func:`clean_text`.

    Arabic or Urdu names copied from a document or a mail often carry RLM/LRM/ALM marks or embeddings
    around them. In a name they carry no meaning; removed, they can disguise nothing either, so the clerk
    never sees a refusal for a character they cannot see.
    """
    text = "".join(ch for ch in (value or "") if ch not in BIDI_CONTROLS)
    return clean_text(text, field, max_len, required=required)


def clean_code(value: str | None, field: str, max_len: int = 16) -> str:
    """An identifier typed by staff (office, desk, service code): upper-cased, ``[A-Z0-9_-]``."""
    text = clean_text(value, field, max_len=64).upper()
    if len(text) > max_len or not CODE_RE.fullmatch(text):
        raise ValidationError("bad_code", value=text[:40], max=max_len)
    return text


def clean_username(value: str | None) -> str:
    """A login name: lower-cased, 2-32 of ``[a-z0-9._-]``."""
    text = clean_text(value, "username", max_len=32).lower()  # the rule's own limit: "over 32", not "over 64"
    if len(text) < 2 or not USERNAME_RE.fullmatch(text):
        raise ValidationError("bad_username", value=text[:40])
    return text


def clean_choice(value: str | None, field: str, allowed: Iterable[str]) -> str:
    """``value`` if it is one of ``allowed`` (case-sensitive), else :class:`ValidationError`."""
    options = tuple(allowed)
    text = (value or "").strip()
    if text not in options:
        raise ValidationError("bad_choice", field=field, value=text[:40], allowed=", ".join(options))
    return text


def clean_int(value: object, field: str, minimum: int, maximum: int = DB_INT_MAX) -> int:
    """``value`` as an ``int`` from ``minimum`` to ``maximum`` (both included), else :class:`ValidationError`.

    Accepts an ``int`` or its decimal text; ``bool`` is refused (``True`` is not a count).
    """
    if isinstance(value, bool):
        raise ValidationError("bad_number", field=field, value=str(value))
    try:
        number = value if isinstance(value, int) else int(str(value).strip())
    except ValueError as exc:
        raise ValidationError("bad_number", field=field, value=str(value)[:40]) from exc
    if not minimum <= number <= maximum:
        raise ValidationError("out_of_range", field=field, value=str(number)[:40], min=minimum, max=maximum)
    return number


def clean_id(value: object, field: str) -> int:
    """A row id typed by staff (case, appointment, booking, ticket): 1 to :data:`DB_INT_MAX`.

    An id beyond the column's range can name no row: it is refused with one sentence before any query,
    instead of an ``OverflowError`` (SQLite, beyond 2^63) or a ``DataError`` (PostgreSQL, beyond 2^31).
    """
    return clean_int(value, field, 1, DB_INT_MAX)


def check_date(day: date) -> date:
    """``day`` if it lies from :data:`DATE_MIN` to :data:`DATE_MAX`, else :class:`ValidationError`."""
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError("date_out_of_range", value=day.isoformat(), min=DATE_MIN.isoformat(),
                              max=DATE_MAX.isoformat())
    return day


def parse_date(value: str | date) -> date:
    """An ISO date (``YYYY-MM-DD``) from :data:`DATE_MIN` to :data:`DATE_MAX`.

    Impossible dates such as 2026-02-30 are refused, and so are extreme ones (9999-12-31, 0001-01-01):
    a day after or before them would overflow, and no office works then.
    """
    if isinstance(value, date):
        return check_date(value)
    try:
        day = date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as exc:
        raise ValidationError("bad_date", value=str(value)[:40]) from exc
    return check_date(day)


def parse_date_range(start: str | date, end: str | date) -> tuple[date, date]:
    """Both dates parsed; ``start`` must not be after ``end``."""
    first, last = parse_date(start), parse_date(end)
    if first > last:
        raise ValidationError("bad_range", start=first.isoformat(), end=last.isoformat())
    return first, last


# -- files the app writes ------------------------------------------------------------------------------------------
def file_error(exc: OSError, path: str | os.PathLike[str]) -> DeskError:
    """The one sentence for an ``OSError`` met writing ``path``: a full disk, a folder, a file in the way."""
    shown = str(path)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DeskError("disk_full", path=shown)
    if isinstance(exc, IsADirectoryError) or exc.errno == errno.EISDIR:
        return ValidationError("is_a_folder", path=shown)
    if isinstance(exc, (NotADirectoryError, FileExistsError)) or exc.errno == errno.ENOTDIR:
        # a folder on the way is a file: name the first one
        for parent in [Path(shown), *Path(shown).parents]:
            if parent.exists() and not parent.is_dir():
                return ValidationError("not_a_folder", path=str(parent))
        return ValidationError("not_a_folder", path=shown)
    return DeskError("cannot_write", path=shown, reason=exc.strerror or type(exc).__name__)


def ensure_folder(folder: str | os.PathLike[str]) -> Path:
    """Create ``folder`` (and its parents) unless it exists; a file in the way is refused with one sentence."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(exc, path) from exc
    if not path.is_dir():
        raise ValidationError("not_a_folder", path=str(path))
    return path


def output_file(value: str | os.PathLike[str]) -> Path:
    """A file the user asked to write (``-o FILE``): not an existing folder, its folder creatable."""
    path = Path(value).expanduser()
    if not str(value).strip():
        raise ValidationError("required", field="-o")
    if path.is_dir():
        raise ValidationError("is_a_folder", path=str(path))
    ensure_folder(path.parent if str(path.parent) else ".")
    return path


def write_atomically(path: str | os.PathLike[str], write: Callable[[Path], object], *,
                     mode: int | None = None) -> Path:
    """Write ``path`` whole or not at all: ``write(temporary)`` fills a file beside it, then it replaces ``path``.

    The temporary file is flushed to disk (``fsync``) before the rename, and the folder after it, so a crash
    or a full disk leaves either the old file or the new one, never half of one. ``mode`` (e.g. ``0o600``)
    is set on the new file; by default an existing file's mode is kept. An ``OSError`` becomes one sentence
    (:func:`file_error`) and the temporary file is removed.
    """
    target = output_file(path)
    if mode is None and target.exists():
        mode = target.stat().st_mode & 0o7777
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp" + target.suffix, dir=target.parent)
    os.close(fd)
    temp = Path(temporary)
    try:
        write(temp)
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        if shutil.disk_usage(target.parent).free < _FULL_MARGIN:
            # Some writers (Qt's PDF writer) drop a failed write without a word: a disk left with no free
            # block after writing is taken as the full disk it almost surely was, not as a finished file.
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise file_error(exc, target) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


#: Free bytes below which a disk counts as full after a write (two blocks of 4 KiB).
_FULL_MARGIN = 8192


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened (Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
