"""Input rules shared by every service: codes, free text, dates, choices.

Every check raises :class:`~desk_app.errors.ValidationError` with one sentence;
nothing is stored when one fails because services validate before they write.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from desk_app.errors import ValidationError

CODE_RE = re.compile(r"[A-Z0-9][A-Z0-9_-]*")
USERNAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
#: Explicit embedding/override/isolate controls: used to disguise text (e.g. "exe.pdf" spoofing), never needed
#: in a name or a note. ZWJ/ZWNJ (U+200C/U+200D) stay allowed: Indic and Perso-Arabic spelling needs them.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


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


def clean_code(value: str | None, field: str, max_len: int = 16) -> str:
    """An identifier typed by staff (office, desk, service code): upper-cased, ``[A-Z0-9_-]``."""
    text = clean_text(value, field, max_len=64).upper()
    if len(text) > max_len or not CODE_RE.fullmatch(text):
        raise ValidationError("bad_code", value=text[:40], max=max_len)
    return text


def clean_username(value: str | None) -> str:
    """A login name: lower-cased, 2-32 of ``[a-z0-9._-]``."""
    text = clean_text(value, "username", max_len=64).lower()
    if not (2 <= len(text) <= 32) or not USERNAME_RE.fullmatch(text):
        raise ValidationError("bad_code", value=text[:40], max=32)
    return text


def clean_choice(value: str | None, field: str, allowed: Iterable[str]) -> str:
    """``value`` if it is one of ``allowed`` (case-sensitive), else :class:`ValidationError`."""
    options = tuple(allowed)
    text = (value or "").strip()
    if text not in options:
        raise ValidationError("bad_choice", field=field, value=text[:40], allowed=", ".join(options))
    return text


def parse_date(value: str | date) -> date:
    """An ISO date (``YYYY-MM-DD``); impossible dates such as 2026-02-30 are refused."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError) as exc:
        raise ValidationError("bad_date", value=str(value)[:40]) from exc


def parse_date_range(start: str | date, end: str | date) -> tuple[date, date]:
    """Both dates parsed; ``start`` must not be after ``end``."""
    first, last = parse_date(start), parse_date(end)
    if first > last:
        raise ValidationError("bad_range", start=first.isoformat(), end=last.isoformat())
    return first, last
