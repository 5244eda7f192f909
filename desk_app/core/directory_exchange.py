"""Imported directory entries into the office's directory (issue 15): HSDS files and partners' spreadsheets.

The readers (:mod:`desk_app.core.hsds`, :mod:`desk_app.core.directory_xlsx`) give values; :func:`store_entries`
checks every one of them with the directory service's own rules first (so a value it would refuse stops the whole
import before anything is written), then writes them through :class:`~desk_app.core.directory.ServiceDirectory`,
whose methods check the actor's permission and office and audit each change: office staff (``manage_directory``)
may import any organisation; a partner (``edit_own_directory``) only its own organisation's entries, as drafts.

Imported services go to review: office staff import them as ``submitted`` (a changed published entry too: the office
publishes what it has reviewed); a partner's follow the partner rules of ``put_service``.

Limitation: each organisation and service is written in its own transaction (the directory service's unit). The
checks before writing (values, and for a partner the organisation) make a refusal half-way unlikely, but a database
error in the middle leaves the entries written so far; importing the same file again is idempotent (ids kept).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desk_app.core.auth import Actor
from desk_app.core.directory import ServiceDirectory, clean_organisation, clean_service
from desk_app.core.directory_types import DirectoryOrganisation, DirectoryService
from desk_app.errors import DeskError, PermissionDeniedError, ValidationError


@dataclass(frozen=True)
class StoreResult:
    """How many organisations and services an import wrote."""

    organisations: int
    services: int


def check_entries(organisations: Iterable[DirectoryOrganisation], services: Iterable[DirectoryService]) -> None:
    """Every value as the directory service would check it; the first refused one named (``import_entry``)."""
    for organisation in organisations:
        try:
            clean_organisation(organisation)
        except DeskError as exc:
            raise ValidationError("import_entry", name=organisation.name[:80], reason=exc) from None
    for service in services:
        try:
            clean_service(service)
        except DeskError as exc:
            raise ValidationError("import_entry", name=service.text("name").text[:80], reason=exc) from None


def store_entries(directory: ServiceDirectory, actor: Actor, organisations: Sequence[DirectoryOrganisation],
                  services: Sequence[DirectoryService]) -> StoreResult:
    """Check, then write ``organisations`` (those of ``services`` too) and ``services``; see the module docstring.

    Raises:
        ValidationError: ``import_entry`` (a value the directory refuses; nothing written).
        PermissionDeniedError: the actor may not write directory entries, or (a partner) an entry of another
            organisation is in the file (nothing written).
    """
    orgs = {o.uid: o for o in organisations}
    for service in services:
        orgs.setdefault(service.organisation.uid, service.organisation)
    check_entries(orgs.values(), services)
    office_staff = actor.can("manage_directory")
    if not office_staff:
        own = directory.my_organisation(actor)  # refused for an actor who is no partner
        for uid in orgs:
            if uid != own.uid:
                raise PermissionDeniedError("not_own_organisation")
    for organisation in orgs.values():
        directory.put_organisation(actor, organisation)
    for service in services:
        directory.put_service(actor, service, state="submitted" if office_staff else None)
    return StoreResult(len(orgs), len(services))


__all__ = ["StoreResult", "check_entries", "store_entries"]
