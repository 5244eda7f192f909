"""Office-wide settings (issue 12): stored once in the database, read by every desk, changed live.

What every desk of one office must agree on lives here, not in each PC's ``settings.toml``: the retention period
of personal data, the idle lock, the service-level target, the waiting-room board's texts, and the office address
and opening hours printed on the sheets. The settings file keeps what belongs to one PC (database URL, printers,
screen, UI language, this PC's desk).

Each setting is declared once in :data:`OFFICE_SETTINGS` with the :class:`~desk_app.core.settings.Setting` record
the settings file uses, and the two that moved from the file (``retention_days``, ``idle_lock_minutes``) reuse the
file's declarations, so the bounds are one and the same. Until an office sets one of those two, its value is what
this PC's settings file said (the upgrade changes nothing by itself); every other setting without a row has its
declared default.

A change is one call (:meth:`OfficeSettingsService.change`): every value is checked first (a refused value stores
nothing), then the rows, one audit event with the new values and one change-feed notice
(``office_settings``/``changed``) are written in one transaction; every desk re-reads on the notice.

The office's own ticket lines (issue 12) live in the same table, one row per language named ``ticket_line.<code>``
(:data:`TICKET_LINE_PREFIX`): the public "wait until your number appears on the screen" line printed on every
walk-in ticket, in place of the line shipped in ``resources/ticket_lines.toml``.
:meth:`OfficeSettingsService.change_ticket_line` changes one language (an empty text deletes the row: the shipped
line is printed again), audited (``office.ticket_line``) and announced with the same ``office_settings`` notice;
:attr:`OfficeSettings.ticket_lines` carries them to every desk, and the desk passes them to the ticket printout
(the documents layer reads no database).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, staff_time
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.office import resolve_office
from desk_app.core.queue import LANGUAGES
from desk_app.core.settings import SETTINGS, Setting, coerce
from desk_app.core.validation import clean_choice, clean_name, clean_text
from desk_app.db.engine import Database
from desk_app.db.feed import Change, notify
from desk_app.db.models import Office
from desk_app.db.models_admin import OfficeSetting
from desk_app.errors import ConflictError, ValidationError

_LOCAL = {s.name: s for s in SETTINGS}

#: The office-wide settings, in the order the administration window shows them.
OFFICE_SETTINGS: tuple[Setting, ...] = (
    _LOCAL["retention_days"],
    _LOCAL["idle_lock_minutes"],
    Setting("service_level_percent", int, 80,
            "Share of tickets (percent) to be called within their service's target wait.", minimum=1, maximum=100),
    Setting("board_title", str, "", "Title over the waiting-room board; empty means the office name.",
            max_length=80),
    Setting("board_message", str, "", "A line of notice under the board (closures, delays).", max_length=200),
    Setting("address", str, "", "Office address printed on the sheets.", max_length=240),
    Setting("sheet_hours", str, "", "Opening hours printed on the sheets (several lines allowed).",
            max_length=400),
    # Issue 15: a directory entry not confirmed by its organisation for longer is flagged for re-confirmation.
    Setting("directory_reconfirm_days", int, 365,
            "Days after which a services-directory entry not confirmed by its organisation is flagged.",
            minimum=30, maximum=1825),
    # Issue 15: where the public services site is published; the referral sheet's QR code points to the entry there.
    Setting("directory_site_url", str, "",
            "Address of the public services site (https://...); empty: referral sheets carry no QR code.",
            max_length=200),
)
BY_NAME: dict[str, Setting] = {s.name: s for s in OFFICE_SETTINGS}
#: Settings that once lived in each PC's settings file: their default is this PC's value there.
FROM_LOCAL_FILE = ("retention_days", "idle_lock_minutes")
#: Texts that may hold several lines.
_MULTILINE = frozenset({"sheet_hours"})
#: The data-protection and account-security rules: the administrator's alone. The rest: ``manage_setup``
#: (administrators and supervisors).
_ADMIN_ONLY = frozenset({"retention_days", "idle_lock_minutes"})


#: Row names of the office's own ticket lines: ``ticket_line.<language code>``.
TICKET_LINE_PREFIX = "ticket_line."
#: The longest ticket line: two of them (Italian and the person's language) still fit an 80 mm receipt with the
#: number and the training mark, in every language (tests/test_print_ticket.py lays them out). Measured: at 100
#: characters the fullest receipt is Chinese at 94 % of the page (Urdu 78 %); at 160 Urdu and Chinese overflow it.
#: The shipped lines are 14 (Chinese) to 69 (Romanian) characters long.
TICKET_LINE_MAX = 100
#: Who may change the ticket lines: the office's public texts, as the board's (administrators and supervisors).
TICKET_LINE_PERMISSION = "manage_setup"


def clean_ticket_line(language: str, text: str | None) -> str:
    """The office's line for ``language`` (a ticket language of :data:`~desk_app.core.queue.LANGUAGES`), checked:
    one line (line breaks and tabs of a pasted text become spaces), at most :data:`TICKET_LINE_MAX` characters, no
    other control characters; invisible direction marks
    (RLM/LRM/ALM, embeddings) pasted with an Arabic or Urdu line are removed, as in names. ``""`` (empty or blank)
    means "the shipped line". What the editor calls as the user types; raises :class:`ValidationError`."""
    clean_choice(language, "language", LANGUAGES)
    if text:  # a line pasted from a document brings its line breaks and tabs: one line, so they are spaces
        text = " ".join(text.replace("\t", " ").splitlines())
    return clean_name(text, "ticket_line", TICKET_LINE_MAX, required=False)


def permission_for(name: str) -> str:
    """The permission a change of the setting ``name`` needs (the administration window greys the others)."""
    return "manage_db" if name in _ADMIN_ONLY else "manage_setup"


def clean_value(name: str, raw: Any) -> Any:
    """The value ``raw`` for the office setting ``name``, converted and checked (bounds, length, no control
    characters); raises :class:`ValidationError` naming the field. What the editor calls as the user types."""
    setting = BY_NAME.get(name)
    if setting is None:
        raise ValidationError("unknown_setting", name=str(name)[:48], allowed=", ".join(sorted(BY_NAME)))
    if setting.type is str:
        text = clean_text(str(raw) if raw is not None else "", name, setting.max_length, required=False,
                          multiline=name in _MULTILINE)
        if name == "directory_site_url" and text and (not text.startswith(("https://", "http://"))
                                                      or any(c.isspace() for c in text)):
            raise ValidationError("bad_website", value=text[:60])  # printed as a QR code: it must be an address
        return text
    if isinstance(raw, str):
        raw = raw.strip()
    return coerce(setting, raw)


@dataclass(frozen=True)
class OfficeTicketLine:
    """The office's own ticket line of one language, printed in place of the shipped one.

    Attributes:
        language: the language code.
        text: the line as the office wrote it (its own text: no native speaker of the project checked it).
        changed_at: when it was last changed (UTC); who did is :meth:`OfficeSettingsService.ticket_line_authors`.
    """

    language: str
    text: str
    changed_at: datetime


@dataclass(frozen=True)
class OfficeSettings:
    """The office-wide settings of one office, as every desk reads them.

    Attributes:
        office_id: the office.
        office_code: its code.
        values: name -> value for every name of :data:`OFFICE_SETTINGS`.
        stored: the names that have a value of their own (the rest are defaults).
        ticket_lines: language -> the office's own ticket line, for the languages that have one (the others print
            the shipped line).
    """

    office_id: int
    office_code: str
    values: dict[str, Any] = field(default_factory=dict)
    stored: frozenset[str] = frozenset()
    ticket_lines: dict[str, OfficeTicketLine] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def ticket_texts(self) -> dict[str, str]:
        """Language -> the office's own line: what the ticket printout takes in place of the shipped lines."""
        return {code: line.text for code, line in self.ticket_lines.items()}


def read_settings(session: Session, office: Office, local_defaults: Mapping[str, Any] | None = None) -> OfficeSettings:
    """The settings of ``office`` inside the caller's transaction (the retention purge reads its period here).

    A stored value this release refuses (written by a newer one, or edited by hand) is ignored: its default is
    used, a desk never stops over it.
    """
    values: dict[str, Any] = {}
    for setting in OFFICE_SETTINGS:
        default = setting.default
        if setting.name in FROM_LOCAL_FILE and local_defaults and setting.name in local_defaults:
            default = local_defaults[setting.name]
        values[setting.name] = default
    values["address"] = office.address or ""
    stored: set[str] = {"address"} if office.address else set()
    lines: dict[str, OfficeTicketLine] = {}
    for row in session.execute(select(OfficeSetting).where(OfficeSetting.office_id == office.id)).scalars():
        if row.name.startswith(TICKET_LINE_PREFIX):
            language = row.name.removeprefix(TICKET_LINE_PREFIX)
            try:
                text = clean_ticket_line(language, row.value)
            except ValidationError:  # a language or a text this release refuses: the shipped line is printed
                continue
            if text:
                lines[language] = OfficeTicketLine(language, text, row.changed_at)
        elif row.name in BY_NAME and row.name != "address":
            try:
                values[row.name] = clean_value(row.name, row.value)
            except ValidationError:
                continue
            stored.add(row.name)
    ordered = {code: lines[code] for code in LANGUAGES if code in lines}
    return OfficeSettings(office.id, office.code, values, frozenset(stored), ordered)


class OfficeSettingsService:
    """Reads and changes the office-wide settings.

    Args:
        office_code: the office this PC works for (``None``: the only one).
        local_defaults: this PC's settings-file values of :data:`FROM_LOCAL_FILE`, the defaults of an office
            that has not set them yet.
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None, local_defaults: Mapping[str, Any] | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code or None
        self.local_defaults = dict(local_defaults or {})

    def current(self, office_code: str | None = None) -> OfficeSettings:
        """The office's settings. Needs no permission: every desk (and the board, before any login) applies
        them, and they hold the office's rules and public texts, nothing personal."""
        return self.db.read(lambda s: read_settings(s, resolve_office(s, office_code or self.office_code),
                                                    self.local_defaults))

    def change(self, actor: Actor, changes: Mapping[str, Any], office_code: str | None = None) -> OfficeSettings:
        """Set the settings in ``changes`` (name -> value) for the office, all or none; return the new settings.

        Every value is checked first (:func:`clean_value`); each name needs :func:`permission_for` (the retention
        period and the idle lock: administrators; the rest: also supervisors), in the actor's own office.
        Values equal to the current ones are not written; if something changed, one ``office.settings`` audit
        event lists the new values and one ``office_settings`` change notice tells every desk.
        """
        names = sorted(changes)
        for name in names:
            self.auth.require(actor, permission_for(name), "office", office_code or self.office_code or "")
        cleaned = {name: clean_value(name, changes[name]) for name in names}

        def work(session: Session) -> OfficeSettings:
            office = self.auth.office_for(session, actor, office_code or self.office_code)
            before = read_settings(session, office, self.local_defaults)
            changed = {name: value for name, value in cleaned.items()
                       if value != before.values[name] or (name not in before.stored and name != "address")}
            if not changed:
                return before
            now = self.clock.now()
            for name, value in changed.items():
                if name == "address":  # the office row keeps it: the sheets and the ticket read it there
                    office.address = value
                    continue
                row = session.get(OfficeSetting, (office.id, name))
                if row is None:
                    session.add(OfficeSetting(office_id=office.id, name=name, value=str(value), changed_at=now,
                                              changed_by=actor.username[:64]))
                else:
                    row.value, row.changed_at, row.changed_by = str(value), now, actor.username[:64]
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "office.settings", "office", office.code,
                                       detail={"changed": changed})
            notify(session, Change("office_settings", "changed", office.id, now, {"names": sorted(changed)}))
            return read_settings(session, office, self.local_defaults)

        return self.db.write(work)

    def change_ticket_line(self, actor: Actor, language: str, text: str | None,
                           office_code: str | None = None, *, expected: str | None = None) -> OfficeSettings:
        """Set the office's own ticket line for ``language`` (``""``: back to the shipped line); return the settings.

        Needs ``manage_setup`` in the actor's own office; the text is checked by :func:`clean_ticket_line`. The
        same text again writes nothing; a change writes the row (with who and when), one ``office.ticket_line``
        audit event (the language, the new text or ``restored``) and one ``office_settings`` notice every desk
        re-reads on (``names``: ``["ticket_line.<code>"]``).

        ``expected`` is the office's line the editor read (``""``: none, the shipped one printed): when given, the
        change is made only if the stored line is still that one, checked inside the writing transaction, so two
        people editing the same line never overwrite each other unseen (``ConflictError`` ``text_changed_meanwhile``
        with who and when; nothing stored).
        """
        self.auth.require(actor, TICKET_LINE_PERMISSION, "office", office_code or self.office_code or "")
        language = clean_choice(language, "language", LANGUAGES)  # " ar" is "ar": the row's name must be the code
        cleaned = clean_ticket_line(language, text)
        name = TICKET_LINE_PREFIX + language

        def work(session: Session) -> OfficeSettings:
            office = self.auth.office_for(session, actor, office_code or self.office_code)
            row = session.get(OfficeSetting, (office.id, name), with_for_update=expected is not None)
            if expected is not None and (row.value if row is not None else "") != expected:
                raise ConflictError("text_changed_meanwhile", lang=language,
                                    current=(row.value if row is not None else "")[:80] or "—",
                                    who=(row.changed_by if row is not None else "") or "?",
                                    when=staff_time(row.changed_at if row is not None else None, office.timezone))
            if (row.value if row is not None else "") == cleaned:
                return read_settings(session, office, self.local_defaults)
            now = self.clock.now()
            if not cleaned:
                assert row is not None  # the row's value differs from "": there is one
                session.delete(row)
            elif row is None:
                session.add(OfficeSetting(office_id=office.id, name=name, value=cleaned, changed_at=now,
                                          changed_by=actor.username[:64]))
            else:
                row.value, row.changed_at, row.changed_by = cleaned, now, actor.username[:64]
            session.flush()
            detail: dict[str, Any] = {"language": language}
            detail.update({"text": cleaned} if cleaned else {"restored": True})
            self.auth.audit_log.record(session, actor.audit, "office.ticket_line", "office", office.code,
                                       detail=detail)
            notify(session, Change("office_settings", "changed", office.id, now, {"names": [name]}))
            return read_settings(session, office, self.local_defaults)

        return self.db.write(work)

    def ticket_line_authors(self, actor: Actor, office_code: str | None = None) -> dict[str, str]:
        """Language -> the account that last changed the office's own ticket line (the editor shows who and when).

        Account names are not public texts, unlike the lines (:meth:`current`): needs ``manage_setup`` in the
        actor's own office.
        """
        self.auth.require(actor, TICKET_LINE_PERMISSION, "office", office_code or self.office_code or "")

        def work(session: Session) -> dict[str, str]:
            office = self.auth.office_for(session, actor, office_code or self.office_code)
            rows = session.execute(select(OfficeSetting.name, OfficeSetting.changed_by).where(
                OfficeSetting.office_id == office.id,
                OfficeSetting.name.startswith(TICKET_LINE_PREFIX, autoescape=True))).all()
            return {name.removeprefix(TICKET_LINE_PREFIX): who for name, who in rows}

        return self.db.read(work)


__all__ = ["BY_NAME", "FROM_LOCAL_FILE", "OFFICE_SETTINGS", "TICKET_LINE_MAX", "TICKET_LINE_PERMISSION",
           "TICKET_LINE_PREFIX", "OfficeSettings", "OfficeSettingsService", "OfficeTicketLine", "clean_ticket_line",
           "clean_value", "permission_for", "read_settings"]
