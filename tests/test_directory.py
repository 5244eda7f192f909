"""The territorial services directory core (issue 15) on SQLite and PostgreSQL: partners edit only their own
organisation, the office publishes, translations go stale, re-confirmation by the clock, search, anonymous referrals,
bad input refused with one sentence and nothing stored."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.directory import ReferralCounts, category_key, normalise, words_of
from desk_app.core.directory_types import (
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
    text_key,
)
from desk_app.core.services import CoreServices
from desk_app.db import models_directory as m
from desk_app.db.models import AuditEvent
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError

START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def _org(name: str = "Associazione Prova") -> DirectoryOrganisation:
    return DirectoryOrganisation("", name, "Descrizione.")


def _service(org: DirectoryOrganisation, name: str = "Sportello di prova", *, uid: str = "",
             categories: tuple[str, ...] = ("legal_aid",), languages: tuple[str, ...] = ("it", "en"),
             documents: tuple[str, ...] = ("Passaporto",), description: str = "Consulenza gratuita.",
             locations: tuple[DirectoryLocation, ...] = (), contacts: tuple[Contact, ...] = ()) -> DirectoryService:
    texts = {"name": name, "description": description}
    italian = {k: Localised(v, "it") for k, v in texts.items()}
    italian |= {f"documents.{n}": Localised(t, "it") for n, t in enumerate(documents, start=1)}
    return DirectoryService(uid, org, {"it": italian}, documents=len(documents), categories=categories,
                            languages=languages, locations=locations, contacts=contacts, free=True)


def _place(city: str = "Lodi", postcode: str = "26900") -> DirectoryLocation:
    return DirectoryLocation("", "Sede", Address("Via Roma 1", postcode, city),
                             (OpeningHours(1, time(9), time(12)),))


def _partner(services: CoreServices, system: Actor, username: str) -> Actor:
    services.staff.add_staff(system, username, username.title(), "partner", f"{username}-password", "LODI")
    return services.staff.login(username, f"{username}-password")


def _count(services: CoreServices, model: Any) -> int:
    return int(services.db.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one()))


def _audit(services: CoreServices, action: str) -> list[tuple[str, str]]:
    return services.db.read(lambda s: [(e.action, e.outcome) for e in s.execute(
        select(AuditEvent).where(AuditEvent.action == action)).scalars()])


def test_demo_directory_loads_published_and_idempotently(services: CoreServices, staff: dict[str, Actor]) -> None:
    first = services.directory.load_file(staff["admin"])
    assert first.services >= 20 and first.organisations >= 10
    published = services.directory.published("it")
    assert len(published) == first.services
    assert all(s.state == "published" for s in published)
    names = {s.organisation.name for s in published}
    assert {"Comune di Lodi", "ASST Lodi", "CPIA Lodi", "Caritas Lodigiana", "Centro per l'impiego di Lodi"} <= names
    trafficking = [s for s in published if "anti_trafficking" in s.categories]
    assert any(c.value == "800 290 290" for s in trafficking for c in s.contacts)
    assert any(c.value == "1522" for s in published for c in s.contacts)
    again = services.directory.load_file(staff["admin"])
    assert again == first
    assert len(services.directory.published()) == first.services  # same uids: updated, not doubled
    assert services.directory.category_names("ar")["health"].text == "الصحة"
    assert services.directory.category_names("it")["health"].text == "Salute"
    assert _audit(services, "directory.load") == [("directory.load", "ok")] * 2


def test_partner_edits_only_their_own_organisation(services: CoreServices, staff: dict[str, Actor],
                                                   system_actor: Actor) -> None:
    admin = staff["admin"]
    own = services.directory.put_organisation(admin, _org("Associazione Uno"))
    other = services.directory.put_organisation(admin, _org("Associazione Due"))
    theirs = services.directory.put_service(admin, _service(other, "Servizio altrui"), state="draft")
    partner = _partner(services, system_actor, "partner1")
    with pytest.raises(NotFoundError) as unlinked:
        services.directory.my_organisation(partner)
    assert unlinked.value.code == "partner_unlinked"
    link = services.directory.link_partner(admin, "partner1", own.uid)
    assert (link.organisation_uid, link.organisation_name) == (own.uid, "Associazione Uno")
    assert services.directory.my_organisation(partner).uid == own.uid

    created = services.directory.put_service(partner, _service(own, "Sportello legale"))
    assert created.state == "draft"
    assert services.directory.submit(partner, created.uid).state == "submitted"
    with pytest.raises(PermissionDeniedError) as refused:
        services.directory.publish(partner, created.uid)
    assert refused.value.code == "permission_denied"
    assert services.directory.publish(staff["supervisor"], created.uid).state == "published"
    # A partner's change to a published entry waits for the office as a revision; the entry stays published.
    changed = services.directory.put_service(partner, dataclasses.replace(
        _service(own, "Sportello legale gratuito"), uid=created.uid))
    assert changed.state == "published" and changed.text("name").text == "Sportello legale"
    assert changed.revision is not None and changed.revision.text("name").text == "Sportello legale gratuito"

    # Another organisation's entry: refused in the core, audited, nothing changed.
    for attempt in (
        lambda: services.directory.put_service(partner, dataclasses.replace(_service(other, "Mio"), uid=theirs.uid)),
        lambda: services.directory.put_service(partner, _service(other, "Nuovo")),
        lambda: services.directory.put_organisation(partner, dataclasses.replace(other, name="Preso")),
        lambda: services.directory.confirm(partner, theirs.uid),
        lambda: services.directory.put_location(partner, other.uid, _place()),
    ):
        with pytest.raises(PermissionDeniedError) as denied:
            attempt()
        assert denied.value.code == "not_own_organisation"
    assert len(_audit(services, "denied:not_own_organisation")) == 5
    assert services.directory.service(admin, theirs.uid).text("name").text == "Servizio altrui"
    assert {s.uid for s in services.directory.services(partner)} == {created.uid}
    assert [o.uid for o in services.directory.organisations(partner)] == [own.uid]
    # A draft of another organisation is not visible to the partner either.
    with pytest.raises(PermissionDeniedError):
        services.directory.service(partner, theirs.uid)
    # Only partner accounts are linked; a clerk may not edit anything.
    with pytest.raises(ValidationError) as not_partner:
        services.directory.link_partner(admin, "clerk", own.uid)
    assert not_partner.value.code == "not_a_partner"
    with pytest.raises(PermissionDeniedError):
        services.directory.put_service(staff["clerk"], _service(own))
    withdrawn = services.directory.withdraw(admin, created.uid, "chiuso per ferie")
    assert withdrawn.state == "withdrawn"
    with pytest.raises(ConflictError) as frozen:
        services.directory.put_service(partner, dataclasses.replace(_service(own, "Ancora"), uid=created.uid))
    assert frozen.value.code == "directory_wrong_state"
    assert _audit(services, "directory.withdraw") == [("directory.withdraw", "ok")]


def test_an_actor_of_another_office_is_refused(services: CoreServices, staff: dict[str, Actor],
                                               system_actor: Actor) -> None:
    services.offices.apply(system_actor, {"office": {"code": "BBB", "name": "Prefettura di B"},
                                          "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}]})
    services.directory.office_code = "LODI"
    own = services.directory.put_organisation(staff["admin"], _org())
    bbb = Actor("bbb-admin", "admin", None, services.offices.view("BBB").id)
    with pytest.raises(PermissionDeniedError) as refused:
        services.directory.put_service(bbb, _service(own))
    assert refused.value.code == "other_office"


def test_translations_go_stale_when_the_italian_changes(services: CoreServices, staff: dict[str, Actor],
                                                        clock: ManualClock, tmp_path: Any) -> None:
    admin, supervisor = staff["admin"], staff["supervisor"]
    org = services.directory.put_organisation(admin, _org())
    entry = services.directory.put_service(admin, _service(org, "Sportello casa"))
    key = text_key(entry.uid, "name")
    services.content.edit_text(supervisor, key, "en", "Housing desk")
    clock.advance(timedelta(minutes=1))
    assert services.translations.statuses("en")[key] == "reviewed"
    english = services.directory.service(admin, entry.uid, "en").text("name", "en")
    assert (english.text, english.lang, english.status, english.italian) == ("Housing desk", "en", "reviewed",
                                                                             "Sportello casa")
    coverage = services.translations.coverage()
    assert coverage["DIR"]["en"].counts.get("reviewed", 0) == 1
    po = tmp_path / "en.po"
    services.translations.export_po(supervisor, "en", po)
    assert f'msgctxt "{key}"' in po.read_text(encoding="utf-8")

    services.directory.put_service(admin, dataclasses.replace(_service(org, "Sportello per la casa"), uid=entry.uid))
    assert services.translations.statuses("en")[key] == "stale"
    stale = services.directory.service(admin, entry.uid, "en").text("name", "en")
    assert (stale.text, stale.lang, stale.status) == ("Sportello per la casa", "it", "stale")
    assert services.translations.coverage()["DIR"]["en"].counts.get("stale") == 1
    # An unchanged Italian text keeps its translation current; a dropped document loses its texts.
    services.directory.put_service(admin, dataclasses.replace(_service(org, "Sportello per la casa", documents=()),
                                                              uid=entry.uid))
    assert text_key(entry.uid, "documents.1") not in services.translations.statuses("en")


def test_reconfirmation_is_flagged_by_age_on_the_clock(services: CoreServices, staff: dict[str, Actor],
                                                       clock: ManualClock, system_actor: Actor) -> None:
    admin = staff["admin"]
    org = services.directory.put_organisation(admin, _org())
    entry = services.directory.put_service(admin, _service(org))
    assert entry.last_confirmed is None and entry.needs_reconfirmation
    partner = _partner(services, system_actor, "partner2")
    services.directory.link_partner(admin, "partner2", org.uid)
    confirmed = services.directory.confirm(partner, entry.uid)
    assert confirmed.last_confirmed == date(2026, 12, 2) and not confirmed.needs_reconfirmation
    assert confirmed.state == entry.state
    clock.advance(timedelta(days=365))
    assert not services.directory.service(admin, entry.uid).needs_reconfirmation
    clock.advance(timedelta(days=1))
    assert services.directory.service(admin, entry.uid).needs_reconfirmation
    assert [s.uid for s in services.directory.services(admin, reconfirm_only=True)] == [entry.uid]
    services.office_settings.change(admin, {"directory_reconfirm_days": 400})
    assert not services.directory.service(admin, entry.uid).needs_reconfirmation
    assert _audit(services, "directory.confirm") == [("directory.confirm", "ok")]


def test_search_by_words_category_place_and_language(services: CoreServices, staff: dict[str, Actor],
                                                     clock: ManualClock) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.directory.load_file(admin)
    found = services.directory.search(clerk, "corsi italiano")
    assert found and found[0].organisation.name == "CPIA Lodi"
    # accents and case do not matter; every word must match
    assert services.directory.search(clerk, "CITTÀ") == services.directory.search(clerk, "citta")
    assert services.directory.search(clerk, "italiano zzzz") == []
    health = services.directory.search(clerk, "", category="health")
    assert health and all("health" in s.categories for s in health)
    codogno = services.directory.search(clerk, place="Codogno")
    assert codogno and all(any(loc.address.city == "Codogno" for loc in s.locations) for s in codogno)
    assert {s.uid for s in services.directory.search(clerk, place="26845")} == {s.uid for s in codogno}
    arabic = services.directory.search(clerk, language="ar")
    assert arabic and all("ar" in s.languages for s in arabic)
    # the user's language: its translations are searched and returned
    english = services.directory.search(clerk, "courses", lang="en")
    assert english and english[0].text("name", "en").lang == "en"
    assert english[0].text("name", "en").text.startswith("Italian courses")
    by_category_name = services.directory.search(clerk, "Salute")
    assert by_category_name and all("health" in s.categories for s in by_category_name)
    # a change elsewhere is seen at the next search (the index follows the database)
    cpia = found[0]
    services.directory.withdraw(admin, cpia.uid)
    assert cpia.uid not in {s.uid for s in services.directory.search(clerk, "corsi italiano")}
    with pytest.raises(ValidationError) as unknown:
        services.directory.search(clerk, category="astrology")
    assert unknown.value.code == "bad_choice"
    with pytest.raises(PermissionDeniedError):
        services.directory.search(staff["mediator"], "casa")


def test_words_are_normalised_for_every_script() -> None:
    assert normalise("Città") == "citta"
    assert words_of("Corsi d'italiano") == ["corsi", "d", "italiano"]
    assert "语课程" in words_of("意大利语课程")  # Chinese: a word inside a run of characters is found
    assert words_of("स्वास्थ्य") == ["स्वास्थ्य"]  # Indic vowel signs are kept, not stripped as accents


def test_referrals_are_counted_without_names(services: CoreServices, staff: dict[str, Actor],
                                             system_actor: Actor) -> None:
    admin, clerk = staff["admin"], staff["clerk"]
    services.directory.load_file(admin)
    cpia = services.directory.search(clerk, "corsi italiano")[0]
    trafficking = services.directory.search(clerk, category="anti_trafficking")[0]
    ticket = services.queue.issue_ticket(clerk, "RF")
    services.directory.refer(clerk, cpia.uid, "ar", ticket_id=ticket.id)
    services.directory.refer(clerk, cpia.uid, "ar")
    services.directory.refer(clerk, trafficking.uid, "pa", category="work")
    counts = services.directory.referral_counts(admin, "2026-12-01", "2026-12-31")
    assert counts.total == 3
    assert counts.by_category == {"italian_courses": 2, "work": 1}
    assert counts.by_language == {"ar": 2, "pa": 1}
    assert ("italian_courses", "ar", 2) in counts.rows
    assert services.directory.referral_counts(admin, "2026-11-01", "2026-11-30").total == 0
    personal = {"person_name", "practice_number", "username", "display_name", "staff_id"}
    assert not {f.name for f in dataclasses.fields(ReferralCounts)} & personal
    assert not set(m.DirectoryReferral.__table__.columns.keys()) & personal
    with pytest.raises(PermissionDeniedError):
        services.directory.referral_counts(clerk, "2026-12-01", "2026-12-31")
    with pytest.raises(ValidationError):
        services.directory.refer(clerk, cpia.uid, "ar", category="housing")  # not one of the service's needs
    with pytest.raises(NotFoundError) as no_ticket:
        services.directory.refer(clerk, cpia.uid, "ar", ticket_id=10**6)
    assert no_ticket.value.code == "unknown_ticket"
    services.directory.withdraw(admin, cpia.uid)
    with pytest.raises(NotFoundError):
        services.directory.refer(clerk, cpia.uid, "ar")
    assert _count(services, m.DirectoryReferral) == 3
    assert len(_audit(services, "directory.refer")) == 3


@pytest.mark.parametrize(("change", "code"), [
    (lambda s: dataclasses.replace(s, texts={"it": {"name": Localised("x" * 161, "it")}}), "too_long"),
    (lambda s: dataclasses.replace(s, texts={"it": {"name": Localised("Nome\x07", "it")}}), "control_chars"),
    (lambda s: dataclasses.replace(s, texts={"it": {"name": Localised("Nome \u202e", "it")}}), "bidi_controls"),
    (lambda s: dataclasses.replace(s, texts={"it": {}}), "required"),
    (lambda s: dataclasses.replace(s, categories=("astrology",)), "bad_choice"),
    (lambda s: dataclasses.replace(s, categories=()), "required"),
    (lambda s: dataclasses.replace(s, languages=("xx",)), "bad_choice"),
    (lambda s: dataclasses.replace(s, status="open"), "bad_choice"),
    (lambda s: dataclasses.replace(s, contacts=(Contact("phone", "chiamami"),)), "bad_phone"),
    (lambda s: dataclasses.replace(s, contacts=(Contact("email", "a@b"),)), "bad_email"),
    (lambda s: dataclasses.replace(s, contacts=(Contact("fax", "0371"),)), "bad_choice"),
    (lambda s: dataclasses.replace(s, locations=(_place(postcode="2690"),)), "bad_postcode"),
    (lambda s: dataclasses.replace(s, locations=(dataclasses.replace(_place(), hours=(
        OpeningHours(1, time(12), time(9)),)),)), "hours_order"),
    (lambda s: dataclasses.replace(s, locations=(dataclasses.replace(_place(), hours=(
        OpeningHours(2, time(9), time(12)), OpeningHours(2, time(11), time(13)))),)), "hours_overlap"),
    (lambda s: dataclasses.replace(s, locations=(dataclasses.replace(_place(), hours=(
        OpeningHours(8, time(9), time(12)),)),)), "out_of_range"),
    (lambda s: dataclasses.replace(s, uid="not-a-uuid"), "unknown_directory_entry"),
])
def test_bad_input_is_one_sentence_and_stores_nothing(services: CoreServices, staff: dict[str, Actor],
                                                      change: Any, code: str) -> None:
    admin = staff["admin"]
    org = services.directory.put_organisation(admin, _org())
    before = (_count(services, m.DirectoryService), _count(services, m.DirectoryLocation))
    with pytest.raises((ValidationError, NotFoundError)) as refused:
        services.directory.put_service(admin, change(_service(org)))
    assert refused.value.code == code
    sentence = refused.value.message("it")
    assert sentence and "{" not in sentence  # one sentence, every field filled in
    assert (_count(services, m.DirectoryService), _count(services, m.DirectoryLocation)) == before


def test_category_names_fall_back_to_the_code_without_a_loaded_directory(services: CoreServices, office: Any) -> None:
    names = services.directory.category_names("en")
    assert names["health"].text == "health" and names["health"].status == "missing"
    assert category_key("health") == "dir.category.health"
