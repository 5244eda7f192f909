"""A partner's revision of a PUBLISHED directory entry (issue 15) on SQLite and PostgreSQL: the entry stays
published and found with its last published content until the office publishes the revision (which replaces it,
translations of changed texts going stale) or rejects it (which keeps it); the partner cannot publish it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from desk_app.clock import ManualClock
from desk_app.core.auth import Actor
from desk_app.core.directory_revision import changes
from desk_app.core.directory_types import DirectoryService, Localised, OpeningHours, text_key
from desk_app.core.hsds import export_hsds
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.errors import ConflictError, PermissionDeniedError

START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
COURSE = "Corsi di italiano per stranieri (livelli A1, A2, B1)"
ADDED = " Nuovo: laboratorio zeugmatico del venerdì."


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def _course(services: CoreServices, actor: Actor) -> DirectoryService:
    found = [s for s in services.directory.services(actor) if s.text("name").text == COURSE]
    assert len(found) == 1
    return found[0]


def _partner_of_cpia(services: CoreServices, staff: dict[str, Actor], system_actor: Actor) -> Actor:
    services.directory.load_file(staff["admin"])
    services.staff.add_staff(system_actor, "partner1", "Partner Uno", "partner", "partner1-password", "LODI")
    cpia = next(o for o in services.directory.organisations(staff["admin"]) if o.name == "CPIA Lodi")
    services.directory.link_partner(staff["admin"], "partner1", cpia.uid)
    return services.staff.login("partner1", "partner1-password")


def _revised(entry: DirectoryService, *, description: str, friday_evening: bool = False) -> DirectoryService:
    """The entry as the partner's editor sends it back: Italian texts only, one of them changed."""
    italian = dict(entry.texts["it"]) | {"description": Localised(description, "it")}
    locations = entry.locations
    if friday_evening:
        first = locations[0]
        locations = (dataclasses.replace(first, hours=(*first.hours, OpeningHours(5, time(18), time(21)))),
                     *locations[1:])
    return dataclasses.replace(entry, texts={"it": italian}, locations=locations, revision=None)


def _actions(services: CoreServices, uid: str) -> list[str]:
    return services.db.read(lambda s: [e.action for e in s.execute(
        select(AuditEvent).where(AuditEvent.object_id == uid).order_by(AuditEvent.id)).scalars()
        if e.action.startswith(("directory.", "denied:"))])


def test_the_counter_keeps_the_published_entry_while_a_revision_waits_and_publishing_swaps_it(
        services: CoreServices, staff: dict[str, Actor], system_actor: Actor, clock: ManualClock) -> None:
    partner = _partner_of_cpia(services, staff, system_actor)
    clerk, supervisor = staff["clerk"], staff["supervisor"]
    entry = _course(services, partner)
    old_description = entry.text("description").text
    old_hours = entry.locations[0].hours
    assert entry.revision is None
    english_before = services.directory.service(clerk, entry.uid, "en").text("name", "en")
    assert english_before.lang == "en"

    clock.advance(timedelta(minutes=1))
    saved = services.directory.put_service(partner, _revised(entry, description=old_description + ADDED,
                                                             friday_evening=True))
    # The entry stays published with its published content; the revision travels beside it.
    assert saved.state == "published" and saved.text("description").text == old_description
    assert saved.revision is not None and saved.revision.text("description").text == old_description + ADDED
    assert saved.revision_by == "partner1" and saved.revision_at is not None
    # The counter's search finds it, with the old text and the old hours; so do the sheet's read, export, site.
    hits = services.directory.search(clerk, "italiano stranieri")
    assert entry.uid in [h.uid for h in hits]
    hit = next(h for h in hits if h.uid == entry.uid)
    assert hit.text("description").text == old_description and hit.revision is None
    assert hit.locations[0].hours == old_hours
    assert services.directory.search(clerk, "zeugmatico") == []
    counter_read = services.directory.service(clerk, entry.uid, "ar")
    assert counter_read.text("description").text == old_description and counter_read.revision is None
    published = [s for s in services.directory.published() if s.uid == entry.uid]
    assert len(published) == 1 and published[0].revision is None
    assert ADDED.strip() not in str(export_hsds(services.directory.published()))
    assert services.directory.service(clerk, entry.uid, "en").text("name", "en") == english_before
    # The partner keeps editing its revision (replacing it), and sees it; it may not publish it.
    again = services.directory.put_service(partner, _revised(entry,
                                                             description=old_description + ADDED + " Xilofonico."))
    assert again.revision is not None and again.revision.text("description").text.endswith("Xilofonico.")
    assert _course(services, partner).revision == again.revision
    with pytest.raises(PermissionDeniedError):
        services.directory.publish(partner, entry.uid)
    with pytest.raises(PermissionDeniedError):
        services.directory.reject_revision(partner, entry.uid)
    assert services.directory.search(clerk, "xilofonico") == []
    # The office's review list shows it, with what changed against the published content.
    waiting = services.directory.services(supervisor, revised_only=True)
    assert [s.uid for s in waiting] == [entry.uid]
    assert waiting[0].revision is not None
    diff = changes(waiting[0], waiting[0].revision)
    assert [name for name, _, _ in diff] == ["description"]
    assert diff[0][1] == old_description and diff[0][2].endswith("Xilofonico.")

    clock.advance(timedelta(minutes=1))
    done = services.directory.publish(supervisor, entry.uid)
    assert done.state == "published" and done.revision is None
    assert done.text("description").text == old_description + ADDED + " Xilofonico."
    new_hits = services.directory.search(clerk, "xilofonico")
    assert [h.uid for h in new_hits] == [entry.uid]
    assert services.directory.services(supervisor, revised_only=True) == []
    # The published Italian changed: its translations are stale; the unchanged name keeps its English.
    statuses = services.translations.statuses("en")
    assert statuses[text_key(entry.uid, "name")] != "stale"
    assert services.directory.service(clerk, entry.uid, "en").text("name", "en") == english_before
    assert _actions(services, entry.uid)[-5:] == ["directory.revision", "directory.revision",
                                                  "denied:manage_directory", "denied:manage_directory",
                                                  "directory.publish"]
    with pytest.raises(ConflictError) as nothing:
        services.directory.publish(supervisor, entry.uid)  # published, nothing pending: nothing to publish
    assert nothing.value.code == "directory_wrong_state"


def test_a_rejected_revision_keeps_the_published_content(services: CoreServices, staff: dict[str, Actor],
                                                         system_actor: Actor, clock: ManualClock) -> None:
    partner = _partner_of_cpia(services, staff, system_actor)
    supervisor, clerk = staff["supervisor"], staff["clerk"]
    entry = _course(services, partner)
    old_description = entry.text("description").text
    clock.advance(timedelta(minutes=1))
    services.directory.put_service(partner, _revised(entry, description="Testo sbagliato.", friday_evening=True))
    with pytest.raises(PermissionDeniedError):
        services.directory.reject_revision(clerk, entry.uid)
    rejected = services.directory.reject_revision(supervisor, entry.uid, "testo da rivedere")
    assert rejected.state == "published" and rejected.revision is None
    assert rejected.text("description").text == old_description
    assert rejected.locations[0].hours == entry.locations[0].hours
    assert services.directory.search(clerk, "sbagliato") == []
    assert entry.uid in [h.uid for h in services.directory.search(clerk, "italiano")]
    assert _course(services, partner).revision is None
    with pytest.raises(ConflictError) as twice:
        services.directory.reject_revision(supervisor, entry.uid)
    assert twice.value.code == "directory_wrong_state"
    assert _actions(services, entry.uid)[-3:] == ["directory.revision", "denied:manage_directory",
                                                  "directory.reject_revision"]
    # A later publish has nothing to apply: the content stays the published one.
    with pytest.raises(ConflictError):
        services.directory.publish(supervisor, entry.uid)
    assert services.directory.service(clerk, entry.uid).text("description").text == old_description


def test_publishing_a_revision_makes_changed_translations_stale(services: CoreServices, staff: dict[str, Actor],
                                                               system_actor: Actor, clock: ManualClock) -> None:
    partner = _partner_of_cpia(services, staff, system_actor)
    supervisor = staff["supervisor"]
    entry = _course(services, partner)
    key = text_key(entry.uid, "name")
    assert services.translations.statuses("en")[key] != "stale"
    italian = dict(entry.texts["it"]) | {"name": Localised("Corsi di italiano per adulti stranieri", "it")}
    clock.advance(timedelta(minutes=1))
    services.directory.put_service(partner, dataclasses.replace(entry, texts={"it": italian}, revision=None))
    assert services.translations.statuses("en")[key] != "stale"  # nothing published yet
    services.directory.publish(supervisor, entry.uid)
    assert services.translations.statuses("en")[key] == "stale"
    assert services.directory.service(staff["clerk"], entry.uid, "en").text("name", "en").status == "stale"
