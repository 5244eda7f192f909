"""The office's own ticket lines (issue 12): stored in the database beside the office settings, checked with the
core's text rule (direction marks removed, one line, 100 characters), permission-bound, audited, announced on the
change feed, an empty line back to the shipped one; on SQLite and PostgreSQL."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from desk_app.core.auth import Actor
from desk_app.core.office_settings import TICKET_LINE_MAX, TICKET_LINE_PREFIX, clean_ticket_line
from desk_app.core.queue import LANGUAGES
from desk_app.core.services import CoreServices
from desk_app.db.engine import Database
from desk_app.db.feed import Change, ChangeFeed
from desk_app.db.models import AuditEvent
from desk_app.db.models_admin import OfficeSetting
from desk_app.documents.tickets import office_ticket_lines, ticket_lines
from desk_app.errors import ConflictError, PermissionDeniedError, ValidationError

ARABIC = "يرجى الانتظار حتى يظهر رقمك على شاشة القاعة."
RLM, ALM, RLO = "\u200f", "\u061c", "\u202e"


def _events(core: CoreServices, action: str) -> list[AuditEvent]:
    return core.db.read(lambda s: list(s.execute(select(AuditEvent).where(AuditEvent.action == action)
                                                 .order_by(AuditEvent.id)).scalars()))


def _rows(core: CoreServices) -> dict[str, OfficeSetting]:
    return core.db.read(lambda s: {r.name: r for r in s.execute(select(OfficeSetting)).scalars()})


def test_the_rule_is_the_core_text_rule_with_direction_marks_removed() -> None:
    assert clean_ticket_line("ar", f"{RLM}{ARABIC}{ALM} ") == ARABIC  # pasted with marks: cleaned, not refused
    assert clean_ticket_line("ur", f"{RLO}abc") == "abc"  # an override disguises nothing once removed
    assert clean_ticket_line("it", "   ") == ""  # blank: the shipped line
    # A line pasted with its line breaks or tabs is one line: they are spaces; other control characters refused.
    assert clean_ticket_line("it", "due\nrighe") == "due righe" and clean_ticket_line("it", "tab\there") == "tab here"
    assert clean_ticket_line("it", "a\r\nb") == "a b"
    for bad, code in (("bell\x07", "control_chars"), ("nul\x00", "control_chars"),
                      ("x" * (TICKET_LINE_MAX + 1), "too_long")):
        with pytest.raises(ValidationError) as refused:
            clean_ticket_line("it", bad)
        assert refused.value.code == code and refused.value.params["field"] == "ticket_line"
    assert "Riga del biglietto" in ValidationError("too_long", field="ticket_line", max=100).message("it")
    with pytest.raises(ValidationError) as refused:
        clean_ticket_line("xx", "Hello")
    assert refused.value.code == "bad_choice"
    # Every shipped line passes the rule the office's lines are held to.
    shipped = ticket_lines()
    assert set(LANGUAGES) <= set(shipped)
    for code in LANGUAGES:
        assert clean_ticket_line(code, shipped[code].wait) == shipped[code].wait, code


def test_a_line_is_stored_audited_and_restored(services: CoreServices, office, staff: dict[str, Actor]) -> None:
    service = services.office_settings
    assert service.current().ticket_lines == {}
    changed = service.change_ticket_line(staff["supervisor"], "ar", f"{RLM}{ARABIC}")
    line = changed.ticket_lines["ar"]
    assert (line.language, line.text) == ("ar", ARABIC)
    assert changed.ticket_texts() == {"ar": ARABIC}
    row = _rows(services)[f"{TICKET_LINE_PREFIX}ar"]
    assert (row.value, row.changed_by) == (ARABIC, "supervisor") and row.changed_at is not None
    assert service.ticket_line_authors(staff["admin"]) == {"ar": "supervisor"}
    # The office settings themselves are untouched; another read (another desk) sees the line.
    assert service.current()["board_title"] == "" and service.current().ticket_lines["ar"].text == ARABIC
    # The same text again writes nothing and audits nothing.
    service.change_ticket_line(staff["admin"], "ar", ARABIC + " ")
    assert [e.detail for e in _events(services, "office.ticket_line")] == [{"language": "ar", "text": ARABIC}]
    # Italian too: the line every ticket prints.
    service.change_ticket_line(staff["admin"], "it", "Attenda il suo numero sullo schermo, grazie.")
    assert list(service.current().ticket_lines) == ["it", "ar"]  # in the languages' order
    # An empty line: the row goes, the shipped line is printed again.
    restored = service.change_ticket_line(staff["admin"], "ar", "")
    assert "ar" not in restored.ticket_lines and f"{TICKET_LINE_PREFIX}ar" not in _rows(services)
    assert _events(services, "office.ticket_line")[-1].detail == {"language": "ar", "restored": True}
    assert service.ticket_line_authors(staff["admin"]) == {"it": "admin"}
    # Restoring what is not set writes nothing.
    before = len(_events(services, "office.ticket_line"))
    service.change_ticket_line(staff["admin"], "ar", "  ")
    assert len(_events(services, "office.ticket_line")) == before


def test_a_refused_line_stores_nothing_and_only_manage_setup_changes(services: CoreServices, office,
                                                                     staff: dict[str, Actor]) -> None:
    service = services.office_settings
    with pytest.raises(ValidationError):
        service.change_ticket_line(staff["admin"], "en", "x" * (TICKET_LINE_MAX + 1))
    with pytest.raises(ValidationError):
        service.change_ticket_line(staff["admin"], "de", "Bitte warten")
    for who in ("clerk", "mediator"):
        if who not in staff:
            continue
        with pytest.raises(PermissionDeniedError):
            service.change_ticket_line(staff[who], "en", "Please wait.")
        with pytest.raises(PermissionDeniedError):
            service.ticket_line_authors(staff[who])
    assert _rows(services) == {} and service.current().ticket_lines == {}
    assert _events(services, "denied:manage_setup")


def test_a_stored_line_this_release_refuses_falls_back_to_the_shipped_one(services: CoreServices, office,
                                                                          staff: dict[str, Actor]) -> None:
    services.office_settings.change_ticket_line(staff["admin"], "en", "Please wait for your number.")

    def spoil(session):
        office_id = services.offices.view().id
        row = session.get(OfficeSetting, (office_id, f"{TICKET_LINE_PREFIX}en"))
        row.value = "x" * (TICKET_LINE_MAX + 5)  # edited by hand, or by a newer release
        session.add(OfficeSetting(office_id=office_id, name=f"{TICKET_LINE_PREFIX}zz", value="?",
                                  changed_at=row.changed_at, changed_by="x"))

    services.db.write(spoil)
    assert services.office_settings.current().ticket_lines == {}


def test_every_desk_hears_of_a_line(services: CoreServices, office, staff: dict[str, Actor], db_url: str) -> None:
    listener = Database(db_url)
    feed = ChangeFeed(listener, office_id=services.offices.view().id)
    feed.start_listening()
    try:
        services.office_settings.change_ticket_line(staff["admin"], "uk", "Зачекайте, будь ласка.")
        got: list[Change] = []
        deadline = time.monotonic() + 10
        while not got and time.monotonic() < deadline:
            got += feed.wait(0.2)
        assert [(c.kind, c.action, c.data) for c in got] == [
            ("office_settings", "changed", {"names": [f"{TICKET_LINE_PREFIX}uk"]})]
    finally:
        feed.stop()
        listener.dispose()


def test_the_documents_layer_merges_what_it_is_given() -> None:
    shipped = ticket_lines()
    merged = office_ticket_lines({"ar": ARABIC, "en": ""})
    assert merged["ar"].wait == ARABIC and merged["ar"].office and not merged["ar"].verified
    assert merged["ar"].rtl and merged["ar"].name == shipped["ar"].name
    assert merged["en"] == shipped["en"] and not merged["en"].office  # an empty text: the shipped line
    assert office_ticket_lines() == dict(shipped) and office_ticket_lines({"zz": "?"}) == dict(shipped)


def test_a_language_code_with_spaces_names_the_row_by_its_code(services: CoreServices, office,
                                                                staff: dict[str, Actor]) -> None:
    """A caller's " ar " is the code "ar": the line is stored under it and printed (a review found the row named
    "ticket_line. ar", saved, audited and never printed)."""
    changed = services.office_settings.change_ticket_line(staff["supervisor"], " ar ", ARABIC)
    assert changed.ticket_lines["ar"].text == ARABIC
    assert set(_rows(services)) >= {TICKET_LINE_PREFIX + "ar"}
    assert not any(" " in name for name in _rows(services))


def test_a_save_over_a_line_changed_meanwhile_is_refused(services: CoreServices, office,
                                                         staff: dict[str, Actor]) -> None:
    """``expected``: the line the editor read; a line another person saved since is not overwritten."""
    service = services.office_settings
    service.change_ticket_line(staff["admin"], "hi", "पहली पंक्ति", expected="")
    events = len(_events(services, "office.ticket_line"))
    with pytest.raises(ConflictError) as refused:
        service.change_ticket_line(staff["supervisor"], "hi", "दूसरी पंक्ति", expected="")
    assert refused.value.code == "text_changed_meanwhile"
    message = refused.value.message("it")
    assert "nel frattempo" in message and "admin" in message and "पहली पंक्ति" in message
    assert service.current().ticket_texts() == {"hi": "पहली पंक्ति"}
    assert len(_events(services, "office.ticket_line")) == events  # nothing stored, nothing audited
    service.change_ticket_line(staff["supervisor"], "hi", "दूसरी पंक्ति", expected="पहली पंक्ति")
    assert service.current().ticket_texts() == {"hi": "दूसरी पंक्ति"}
