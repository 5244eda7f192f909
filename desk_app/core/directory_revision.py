"""A partner's revision of a PUBLISHED directory entry, kept aside until the office reviews it (issue 15).

The rule: a published entry stays published, and found at the counter, with its LAST PUBLISHED content while the
partner's change waits. So the partner's save of a published entry does not touch the live rows (the Italian
``content_text`` rows under :func:`~desk_app.core.directory_types.text_key`, the contacts, the places and their
hours, the categories, languages, status and cost); it stores the whole checked entry as ONE JSON snapshot in
``directory_service.pending`` (with ``pending_at`` / ``pending_by``). Publishing applies the snapshot through the
same write path as any save (so a changed Italian text makes its translations stale as usual) and clears it;
rejecting it (:meth:`ServiceDirectory.reject_revision`) only clears it.

Why a snapshot column rather than pending ``content_text`` keys: a revision is more than texts. Hours, addresses,
contacts and categories live in their own rows, and locations are shared by the organisation's services, so
editing them in place would change the published content of every service given there. Pending text keys would
also show up in the translators' PO export and coverage (every ``dir.`` Italian key is translatable) and invite
translating words the office may never publish. One snapshot is written and read as a whole, needs no new table,
is invisible to search, export and site by construction, and a second save by the partner simply replaces it.

This module holds the pure parts: the snapshot's JSON shape (:func:`snapshot` / :func:`from_snapshot`), the plain
value of a revision (:func:`revision_value`) and the field-by-field list of what changed (:func:`changes`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from desk_app.core.directory_types import (
    SERVICE_TEXT_FIELDS,
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)

#: The snapshot's format; a different one is not read (none exists: the column is as new as this module).
SNAPSHOT_VERSION = 1


def _hours(hours: tuple[OpeningHours, ...]) -> list[list[object]]:
    return [[h.weekday, h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M"), h.note] for h in hours]


def snapshot(cleaned: Any) -> dict[str, Any]:
    """The JSON of a checked entry (a :class:`desk_app.core.directory.CleanService`), translations left out: a
    partner writes Italian only."""
    return {
        "v": SNAPSHOT_VERSION,
        "uid": cleaned.uid,
        "organisation_uid": cleaned.organisation_uid,
        "italian": dict(cleaned.italian),
        "documents": list(cleaned.documents),
        "categories": list(cleaned.categories),
        "languages": list(cleaned.languages),
        "free": cleaned.free,
        "status": cleaned.status,
        "contacts": [[c.kind, c.value, c.label] for c in cleaned.contacts],
        "locations": [{"uid": loc.uid, "name": loc.name, "street": loc.address.street,
                       "postcode": loc.address.postcode, "city": loc.address.city,
                       "province": loc.address.province, "country": loc.address.country,
                       "latitude": loc.latitude, "longitude": loc.longitude, "accessibility": loc.accessibility,
                       "hours": _hours(loc.hours)} for loc in cleaned.locations],
        "extra": dict(cleaned.extra),
    }


@dataclass(frozen=True)
class Snapshot:
    """A revision read back: the same parts as ``CleanService`` (without ``last_confirmed`` and translations)."""

    uid: str
    organisation_uid: str
    italian: dict[str, str]
    documents: tuple[str, ...]
    categories: tuple[str, ...]
    languages: tuple[str, ...]
    free: bool | None
    status: str
    contacts: tuple[Contact, ...]
    locations: tuple[DirectoryLocation, ...]
    extra: dict[str, str]


def from_snapshot(data: Mapping[str, Any]) -> Snapshot:
    """The revision stored by :func:`snapshot` (it was checked before it was stored)."""
    locations = tuple(
        DirectoryLocation(str(loc["uid"]), str(loc["name"]),
                          Address(str(loc["street"]), str(loc["postcode"]), str(loc["city"]), str(loc["province"]),
                                  str(loc["country"])),
                          tuple(OpeningHours(int(h[0]), time.fromisoformat(str(h[1])), time.fromisoformat(str(h[2])),
                                             str(h[3])) for h in loc["hours"]),
                          loc["latitude"], loc["longitude"], str(loc["accessibility"]))
        for loc in data["locations"])
    return Snapshot(
        uid=str(data["uid"]), organisation_uid=str(data["organisation_uid"]),
        italian={str(k): str(v) for k, v in data["italian"].items()},
        documents=tuple(str(d) for d in data["documents"]), categories=tuple(data["categories"]),
        languages=tuple(data["languages"]), free=data["free"], status=str(data["status"]),
        contacts=tuple(Contact(str(k), str(v), str(label)) for k, v, label in data["contacts"]),
        locations=locations, extra={str(k): str(v) for k, v in data["extra"].items()})


def revision_value(data: Mapping[str, Any], organisation: DirectoryOrganisation, last_confirmed: date | None,
                   updated_at: datetime | None) -> DirectoryService:
    """The revision as a plain entry (Italian texts, state ``published``: what it becomes once published)."""
    snap = from_snapshot(data)
    texts = {name: Localised(text, "it", "reviewed", text) for name, text in snap.italian.items() if text}
    texts |= {f"documents.{n}": Localised(text, "it", "reviewed", text)
              for n, text in enumerate(snap.documents, start=1)}
    return DirectoryService(
        uid=snap.uid, organisation=organisation, texts={"it": texts}, documents=len(snap.documents),
        categories=snap.categories, languages=snap.languages, locations=snap.locations, contacts=snap.contacts,
        free=snap.free, status=snap.status, state="published", last_confirmed=last_confirmed,
        updated_at=updated_at, extra=dict(snap.extra))


#: The fields :func:`changes` compares, in the order it lists them (Italian labels are the GUI's business).
CHANGE_FIELDS: tuple[str, ...] = (*SERVICE_TEXT_FIELDS, "documents", "categories", "languages", "free", "status",
                                  "contacts", "locations")


def _field(service: DirectoryService, name: str) -> str:
    """One field of an entry as a short text, for the review's before/after list."""
    if name in SERVICE_TEXT_FIELDS:
        return service.text(name).text
    if name == "documents":
        return "\n".join(d.text for d in service.document_texts())
    if name in ("categories", "languages"):
        return ", ".join(getattr(service, name))
    if name == "free":
        return {True: "yes", False: "no", None: ""}[service.free]
    if name == "status":
        return service.status
    if name == "contacts":
        return "\n".join(" ".join(p for p in (c.kind, c.value, c.label) if p) for c in service.contacts)
    lines = []
    for loc in service.locations:
        address = loc.address
        hours = "; ".join(f"{h.weekday} {h.opens:%H:%M}-{h.closes:%H:%M}{' ' + h.note if h.note else ''}"
                          for h in loc.hours)
        lines.append(f"{loc.name}, {address.street}, {address.postcode} {address.city} ({address.province})"
                     f"{' - ' + loc.accessibility if loc.accessibility else ''} [{hours}]")
    return "\n".join(lines)


def changes(published: DirectoryService, revision: DirectoryService) -> list[tuple[str, str, str]]:
    """What the revision changes, field by field: ``(field, published text, revised text)`` for each field of
    :data:`CHANGE_FIELDS` that differs, in that order (Italian texts compared as stored)."""
    found = []
    for name in CHANGE_FIELDS:
        before, after = _field(published, name), _field(revision, name)
        if before != after:
            found.append((name, before, after))
    return found


__all__ = ["CHANGE_FIELDS", "SNAPSHOT_VERSION", "Snapshot", "changes", "from_snapshot", "revision_value",
           "snapshot"]
