"""The directory exchanged as Open Referral HSDS 3.0 JSON (issue 15): export of published values, import to values.

Qt-free and database-free: :func:`export_hsds` turns :class:`~desk_app.core.directory_types.DirectoryService`
values into HSDS 3.0 objects, :func:`import_hsds` turns HSDS JSON back into values (ids kept), refusing bad input
with one sentence (:class:`~desk_app.errors.ValidationError` ``hsds_invalid``, naming where in the file and what).
Storing imported values is the directory service's work (``desk_app.core.directory``).

The file is one page of the HSDS 3.0 API's ``/organizations`` answer with full objects (the API's ``Page``
envelope: ``total_items`` ... ``contents``), each organisation carrying its ``services``, each service its
``service_at_locations`` with the ``location`` embedded (address, accessibility) and the service's opening hours
at that place as ``schedules``. A bare JSON list of organisations imports too.

Mapping (Sportello -> HSDS 3.0):

* service texts: ``name``, ``description``, ``eligibility`` -> ``eligibility_description``, ``cost`` ->
  ``fees_description``, ``application`` -> ``application_process``; ``documents.<n>`` -> ``required_documents``;
* ``free`` -> ``cost_options`` (one option: ``amount`` 0 when free; ``option`` ``fee`` without amount when paid;
  none when not said); ``last_confirmed`` -> ``assured_date``; ``updated_at`` -> ``last_modified`` (UTC);
* contacts: phones -> ``phones`` (label -> ``description``), e-mails -> ``email`` (the first) and ``contacts``
  (the others, label -> ``name``), websites -> ``url`` / ``website`` (the first) and, for the others, the
  extension below; an imported entry lists its contacts phones first, then e-mails, then websites;
* opening hours -> ``schedules`` of the ``service_at_location``: ``freq`` WEEKLY, ``byday`` (days with the same
  hours in one schedule, e.g. ``MO,TU,WE``), ``opens_at``/``closes_at`` as ``HH:MM`` local time of the office
  (Europe/Rome: HSDS asks for an offset, which changes twice a year, so the schedule's ``description`` says the
  zone instead), the note -> ``notes``;
* languages spoken -> ``languages`` (ISO 639-1 ``code``).

Extensions (HSDS 3.0 has no translations and no categories of its own): ``attributes`` with a taxonomy term,
documented here so another system can read them:

* a category: ``link_type`` ``category``, ``taxonomy_term`` of taxonomy ``sportello-category`` with the code of
  :data:`~desk_app.core.directory_types.CATEGORIES`;
* a translation: ``link_type`` ``translation-reviewed`` or ``translation-draft``, ``value`` the translated text,
  ``taxonomy_term`` of taxonomy ``sportello-translation`` with ``code`` the field (``name``, ``documents.2`` ...)
  and ``language`` the ISO 639-1 code; only reviewed and draft translations are exported (a stale one is no
  longer a translation of the Italian text);
* one more website of a service: ``link_type`` ``website``, ``value`` its address;
* :attr:`DirectoryService.extra` items: ``link_type`` ``extra``, term code the key, ``value`` the value.

Ids: organisations, services and locations keep their UUIDs both ways; the objects Sportello does not keep ids
for (schedules, phones, languages ...) get UUIDs derived from their owner's (:func:`uuid.uuid5`), so the same
directory always exports the same file.
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from desk_app.core.catalogue import LANGUAGE_NAMES
from desk_app.core.directory_types import (
    CATEGORIES,
    SERVICE_STATUSES,
    SERVICE_TEXT_FIELDS,
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)
from desk_app.core.validation import clean_text, parse_date, write_atomically
from desk_app.errors import DeskError, ValidationError

HSDS_VERSION = "3.0"
#: The namespace of the derived ids (uuid5 of the owner's id and the object's place in it).
ID_NAMESPACE = uuid.UUID("6f1c3e52-9a0e-4f55-9b0c-2c1d7d1f5a15")
#: Weekday 1..7 <-> iCal day (HSDS ``byday``).
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CATEGORY_TAXONOMY = "sportello-category"
TRANSLATION_TAXONOMY = "sportello-translation"
EXTRA_TAXONOMY = "sportello-extra"
TIMEZONE_NOTE = "Orari in ora locale italiana (Europe/Rome)."
#: Longest accepted text of a name and of any other text (as the content catalogue's texts).
MAX_NAME = 200
MAX_LONG_TEXT = 2000
#: HSDS service field of each Sportello text field.
TEXT_FIELDS_HSDS = {"name": "name", "description": "description", "eligibility": "eligibility_description",
                    "cost": "fees_description", "application": "application_process"}


def _names(text: str) -> frozenset[str]:
    """The field names of a space-separated list."""
    return frozenset(text.split())


#: Every field HSDS 3.0 defines on the objects the import reads (from the compiled schemas of
#: ``openreferral/specification`` 3.0; tests/test_hsds.py checks this table against them). A field outside it is
#: refused as unknown; a defined field Sportello does not keep (``funding``, ``programs`` ...) is skipped and
#: counted in :attr:`HsdsImport.skipped`.
HSDS_FIELDS: dict[str, frozenset[str]] = {
    "organization": _names("id name alternate_name description email website tax_status tax_id "
                           "year_incorporated legal_status logo uri parent_organization_id funding contacts "
                           "phones locations programs organization_identifiers attributes metadata services"),
    "service": _names("id organization_id program_id name alternate_name description url email status "
                      "interpretation_services application_process fees_description wait_time fees "
                      "accreditations eligibility_description minimum_age maximum_age assured_date "
                      "assurer_email licenses alert last_modified phones schedules service_areas "
                      "service_at_locations languages organization funding cost_options program "
                      "required_documents contacts attributes metadata"),
    "service_at_location": _names("id service_id location_id description contacts phones schedules location "
                                  "attributes metadata service"),
    "location": _names("id location_type url organization_id name alternate_name description transportation "
                       "latitude longitude external_identifier external_identifier_type languages addresses "
                       "contacts accessibility phones schedules attributes metadata"),
    "address": _names("id location_id attention address_1 address_2 city region state_province postal_code "
                      "country address_type attributes metadata"),
    "accessibility": _names("id location_id description details url attributes metadata"),
    "schedule": _names("id service_id location_id service_at_location_id valid_from valid_to dtstart timezone "
                       "until count wkst freq interval byday byweekno bymonthday byyearday description opens_at "
                       "closes_at schedule_link attending_type notes attributes metadata"),
    "phone": _names("id location_id service_id organization_id contact_id service_at_location_id number "
                    "extension type description languages attributes metadata"),
    "language": _names("id service_id location_id phone_id name code note attributes metadata"),
    "cost_option": _names("id service_id valid_from valid_to option currency amount amount_description "
                          "attributes metadata"),
    "required_document": _names("id service_id document uri attributes metadata"),
    "contact": _names("id organization_id service_id service_at_location_id location_id name title department "
                      "email phones attributes metadata"),
    "attribute": _names("id link_id taxonomy_term_id link_type link_entity value taxonomy_term metadata"),
    "taxonomy_term": _names("id code name description parent_id taxonomy taxonomy_detail language taxonomy_id "
                            "term_uri metadata"),
}
#: The API page envelope around the organisations.
PAGE_FIELDS = _names("total_items total_pages page_number size first_page last_page empty contents")


def derived_id(owner: str, what: str) -> str:
    """A stable UUID for an object Sportello keeps no id for: ``uuid5(namespace, owner + "/" + what)``."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{owner}/{what}"))


# -- export ---------------------------------------------------------------------------------------------------------
def export_hsds(services: Iterable[DirectoryService],
                organisations: Iterable[DirectoryOrganisation] = ()) -> dict[str, Any]:
    """The HSDS 3.0 page of organisations with their services (plain JSON values, ready for :func:`json.dumps`).

    ``services`` are exported as given (the caller passes the published ones); ``organisations`` adds
    organisations that have no service to export. Organisations and services keep the order they come in.
    """
    orgs: dict[str, DirectoryOrganisation] = {o.uid: o for o in organisations}
    by_org: dict[str, list[DirectoryService]] = {uid: [] for uid in orgs}
    for service in services:
        orgs.setdefault(service.organisation.uid, service.organisation)
        by_org.setdefault(service.organisation.uid, []).append(service)
    contents = [_organisation(orgs[uid], by_org[uid]) for uid in by_org]
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}


def write_hsds(path: str | Path, services: Iterable[DirectoryService],
               organisations: Iterable[DirectoryOrganisation] = ()) -> int:
    """Write the HSDS file (UTF-8, whole or not at all); returns how many services it holds."""
    page = export_hsds(services, organisations)
    text = json.dumps(page, ensure_ascii=False, indent=2) + "\n"
    write_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return sum(len(org["services"]) for org in page["contents"])


def _organisation(org: DirectoryOrganisation, services: list[DirectoryService]) -> dict[str, Any]:
    emails = [c for c in org.contacts if c.kind == "email"]
    websites = [c for c in org.contacts if c.kind == "website"]
    result: dict[str, Any] = {
        "id": org.uid, "name": org.name, "description": org.description,
        "email": org.email or None, "website": org.website or None,
        "phones": [_phone(org.uid, n, c, organization_id=org.uid)
                   for n, c in enumerate(x for x in org.contacts if x.kind == "phone")],
        "contacts": [_contact(org.uid, n, c, organization_id=org.uid) for n, c in enumerate(emails)],
        "attributes": [_attribute(org.uid, "organization", "website", f"website.{n}", EXTRA_TAXONOMY, "website",
                                  c.value) for n, c in enumerate(websites)],
        "services": [_service(s) for s in services],
    }
    return _without_nulls(result)


def _service(service: DirectoryService) -> dict[str, Any]:
    uid = service.uid
    italian = service.texts.get("it", {})
    phones = [c for c in service.contacts if c.kind == "phone"]
    emails = [c for c in service.contacts if c.kind == "email"]
    websites = [c for c in service.contacts if c.kind == "website"]
    result: dict[str, Any] = {"id": uid, "organization_id": service.organisation.uid, "status": service.status}
    for ours, theirs in TEXT_FIELDS_HSDS.items():
        text = italian.get(ours)
        result[theirs] = text.text if text is not None else ("" if ours == "name" else None)
    result["url"] = websites[0].value if websites else None
    result["email"] = emails[0].value if emails else None
    result["assured_date"] = service.last_confirmed.isoformat() if service.last_confirmed else None
    if service.updated_at is not None:
        moment = service.updated_at if service.updated_at.tzinfo else service.updated_at.replace(tzinfo=UTC)
        result["last_modified"] = moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
    result["phones"] = [_phone(uid, n, c, service_id=uid) for n, c in enumerate(phones)]
    # The first e-mail is the service's own field; labelled or further ones are HSDS contacts.
    result["contacts"] = [_contact(uid, n, c, service_id=uid) for n, c in enumerate(emails[1:], start=1)]
    if emails and emails[0].label:
        result["contacts"].insert(0, _contact(uid, 0, emails[0], service_id=uid))
    result["languages"] = [{"id": derived_id(uid, f"language.{code}"), "service_id": uid, "code": code,
                            "name": LANGUAGE_NAMES.get(code, code)} for code in service.languages]
    result["required_documents"] = [
        {"id": derived_id(uid, f"documents.{n}"), "service_id": uid, "document": text.text}
        for n, text in enumerate(service.document_texts("it"), start=1)]
    result["cost_options"] = _cost_options(service)
    result["service_at_locations"] = [_service_at_location(service, loc) for loc in service.locations]
    attributes = [_attribute(uid, "service", "category", f"category.{code}", CATEGORY_TAXONOMY, code)
                  for code in service.categories]
    for lang in sorted(service.texts):
        if lang == "it":
            continue
        for name, text in service.texts[lang].items():
            if text.lang != lang or text.status not in ("reviewed", "draft"):
                continue  # a fallback to Italian, or a stale translation: not a translation of today's text
            attributes.append(_attribute(uid, "service", f"translation-{text.status}", f"translation.{lang}.{name}",
                                         TRANSLATION_TAXONOMY, name, text.text, language=lang))
    attributes += [_attribute(uid, "service", "website", f"website.{n}", EXTRA_TAXONOMY, "website", c.value)
                   for n, c in enumerate(websites[1:], start=1)]
    attributes += [_attribute(uid, "service", "extra", f"extra.{key}", EXTRA_TAXONOMY, key, value)
                   for key, value in sorted(service.extra.items())]
    result["attributes"] = attributes
    return _without_nulls(result)


def _cost_options(service: DirectoryService) -> list[dict[str, Any]]:
    if service.free is None:
        return []
    option: dict[str, Any] = {"id": derived_id(service.uid, "cost"), "service_id": service.uid,
                              "option": "free" if service.free else "fee", "currency": "EUR"}
    if service.free:
        option["amount"] = 0
    cost = service.texts.get("it", {}).get("cost")
    if cost is not None and cost.text:
        option["amount_description"] = cost.text
    return [option]


def _service_at_location(service: DirectoryService, loc: DirectoryLocation) -> dict[str, Any]:
    sal_id = derived_id(service.uid, f"at.{loc.uid}")
    location: dict[str, Any] = {
        "id": loc.uid, "location_type": "physical", "organization_id": service.organisation.uid, "name": loc.name,
        "latitude": loc.latitude, "longitude": loc.longitude,
        "addresses": [{"id": derived_id(loc.uid, "address"), "location_id": loc.uid, "address_1": loc.address.street,
                       "city": loc.address.city, "state_province": loc.address.province,
                       "postal_code": loc.address.postcode, "country": loc.address.country,
                       "address_type": "physical"}],
        "accessibility": ([{"id": derived_id(loc.uid, "accessibility"), "location_id": loc.uid,
                            "description": loc.accessibility}] if loc.accessibility else []),
    }
    return {"id": sal_id, "service_id": service.uid, "location_id": loc.uid,
            "schedules": _schedules(sal_id, service.uid, loc.uid, loc.hours),
            "location": _without_nulls(location)}


def _schedules(sal_id: str, service_uid: str, location_uid: str,
               hours: Iterable[OpeningHours]) -> list[dict[str, Any]]:
    """Days with the same hours and note in one weekly schedule (``byday`` MO,TU,...), in weekday order."""
    groups: dict[tuple[time, time, str], list[int]] = {}
    for interval in sorted(hours, key=lambda h: (h.weekday, h.opens)):
        groups.setdefault((interval.opens, interval.closes, interval.note), []).append(interval.weekday)
    result = []
    for (opens, closes, note), days in groups.items():
        byday = ",".join(WEEKDAYS[d - 1] for d in days)
        schedule: dict[str, Any] = {
            "id": derived_id(sal_id, f"schedule.{byday}.{opens:%H%M}-{closes:%H%M}.{note}"),
            "service_id": service_uid, "location_id": location_uid, "service_at_location_id": sal_id,
            "freq": "WEEKLY", "wkst": "MO", "byday": byday, "opens_at": f"{opens:%H:%M}",
            "closes_at": f"{closes:%H:%M}", "description": TIMEZONE_NOTE}
        if note:
            schedule["notes"] = note
        result.append(schedule)
    return result


def _phone(owner: str, n: int, contact: Contact, **link: str) -> dict[str, Any]:
    phone = {"id": derived_id(owner, f"phone.{n}"), **link, "number": contact.value}
    if contact.label:
        phone["description"] = contact.label
    return phone


def _contact(owner: str, n: int, contact: Contact, **link: str) -> dict[str, Any]:
    result = {"id": derived_id(owner, f"contact.{n}"), **link, "email": contact.value}
    if contact.label:
        result["name"] = contact.label
    return result


def _attribute(owner: str, entity: str, link_type: str, what: str, taxonomy: str, code: str,
               value: str | None = None, *, language: str | None = None) -> dict[str, Any]:
    term_id = derived_id(taxonomy, f"{language or ''}/{code}")
    term: dict[str, Any] = {"id": term_id, "code": code, "name": code, "taxonomy": taxonomy,
                            "description": f"Sportello {taxonomy}: {code}"}
    if language:
        term["language"] = language
    attribute: dict[str, Any] = {"id": derived_id(owner, what), "link_id": owner, "link_entity": entity,
                                 "link_type": link_type, "taxonomy_term_id": term_id, "taxonomy_term": term}
    if value is not None:
        attribute["value"] = value
    return attribute


def _without_nulls(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop ``None`` values and empty lists: HSDS fields are optional, and ``null`` fails their string types."""
    return {k: v for k, v in obj.items() if v is not None and v != []}


# -- import ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class HsdsImport:
    """What an HSDS file holds, as values.

    Attributes:
        services: every service, ``state`` ``submitted`` (the office reviews what comes from elsewhere).
        organisations: every organisation, with or without services.
        skipped: HSDS fields Sportello does not keep (``service.funding`` ...) -> how many times they were met.
    """

    services: tuple[DirectoryService, ...]
    organisations: tuple[DirectoryOrganisation, ...]
    skipped: Mapping[str, int] = field(default_factory=dict)


class _RefusedError(Exception):
    """Internal: where in the file, and the sentence saying what is wrong there."""

    def __init__(self, where: str, reason: DeskError) -> None:
        super().__init__(where)
        self.where = where
        self.reason = reason


def read_hsds(path: str | Path) -> HsdsImport:
    """Read and check an HSDS file; a file that is not UTF-8 JSON, or not HSDS, is refused with one sentence."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError("hsds_invalid", path=shown, where="-",
                              reason=ValidationError("file_unreadable", reason=exc.strerror or type(exc).__name__)
                              ) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValidationError("hsds_invalid", path=shown, where=f"byte {exc.start}",
                              reason=ValidationError("not_utf8")) from exc
    except json.JSONDecodeError as exc:
        raise ValidationError("hsds_invalid", path=shown, where=f"{exc.lineno}:{exc.colno}",
                              reason=ValidationError("not_json")) from exc
    return import_hsds(data, source=shown)


def import_hsds(data: Any, *, source: str = "-") -> HsdsImport:
    """HSDS JSON (the page, a list of organisations, or one organisation) as values; ids kept.

    Raises:
        ValidationError: ``hsds_invalid`` naming the place (``contents[0].services[2].phones[0]``) and the reason:
            an unknown field, a missing required one, a value of the wrong type, an id that is not a UUID or is
            used twice, an unknown category, weekday, language or status, a text too long or with control
            characters.
    """
    reader = _Reader()
    try:
        if isinstance(data, dict) and "contents" not in data and "id" in data:
            data = [data]  # one organisation on its own
        if isinstance(data, dict):
            reader.fields(data, PAGE_FIELDS, "")
            contents = data.get("contents", [])
            where = "contents"
        else:
            contents, where = data, ""
        organisations: list[DirectoryOrganisation] = []
        services: list[DirectoryService] = []
        for n, org in enumerate(reader.items(contents, where or "[]")):
            organisation, own = reader.organisation(org, f"{where}[{n}]")
            organisations.append(organisation)
            services.extend(own)
    except _RefusedError as refused:
        raise ValidationError("hsds_invalid", path=source, where=refused.where or "/",
                              reason=refused.reason) from None
    return HsdsImport(tuple(services), tuple(organisations), dict(reader.skipped))


class _Reader:
    """One pass over the HSDS objects: checks each field it meets and remembers the ids seen."""

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.skipped: dict[str, int] = {}

    # -- shape
    def fields(self, obj: Any, allowed: frozenset[str], where: str, kind: str = "",
               kept: Iterable[str] | None = None) -> dict[str, Any]:
        if not isinstance(obj, dict):
            raise _RefusedError(where, ValidationError("hsds_not_object"))
        for key in obj:
            if key not in allowed:
                raise _RefusedError(where, ValidationError("hsds_unknown_field", name=str(key)[:60]))
        if kept is not None:
            keep = set(kept)
            for key, value in obj.items():
                if key not in keep and value not in (None, "", []):
                    name = f"{kind}.{key}"
                    self.skipped[name] = self.skipped.get(name, 0) + 1
        return obj

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise _RefusedError(where, ValidationError("hsds_not_list"))
        return value

    def text(self, obj: Mapping[str, Any], key: str, where: str, *, required: bool = False,
             max_len: int = MAX_LONG_TEXT, multiline: bool = True) -> str:
        value = obj.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise _RefusedError(f"{where}.{key}", ValidationError("hsds_not_text"))
        try:
            return clean_text(value, key, max_len, required=required, multiline=multiline)
        except ValidationError as exc:
            raise _RefusedError(f"{where}.{key}", exc) from None

    def uid(self, obj: Mapping[str, Any], where: str, kind: str, *, unique: bool = True) -> str:
        value = obj.get("id")
        if value is None:
            raise _RefusedError(where, ValidationError("required", field="id"))
        try:
            text = str(uuid.UUID(str(value))) if isinstance(value, str) else ""
        except ValueError:
            text = ""
        if not text:
            raise _RefusedError(f"{where}.id", ValidationError("hsds_bad_uuid", value=str(value)[:60]))
        if unique:
            seen = self.ids.get(f"{kind}:{text}")
            if seen is not None:
                raise _RefusedError(f"{where}.id", ValidationError("hsds_duplicate_id", value=text, first=seen))
            self.ids[f"{kind}:{text}"] = where
        return text

    def link(self, obj: Mapping[str, Any], key: str, expected: str, where: str) -> None:
        """A reference to the owning object (``service_id`` ...) must name it, when given."""
        value = obj.get(key)
        if value is not None and str(value).lower() != expected:
            raise _RefusedError(f"{where}.{key}", ValidationError("hsds_wrong_link", value=str(value)[:60],
                                                              expected=expected))

    # -- objects
    def organisation(self, obj: Any, where: str) -> tuple[DirectoryOrganisation, list[DirectoryService]]:
        self.fields(obj, HSDS_FIELDS["organization"], where, "organization",
                    kept=("id", "name", "description", "email", "website", "phones", "contacts", "attributes",
                          "services"))
        uid = self.uid(obj, where, "organization")
        name = self.text(obj, "name", where, required=True, max_len=MAX_NAME, multiline=False)
        if "description" not in obj:
            raise _RefusedError(where, ValidationError("required", field="description"))
        contacts = [*self.phones(obj, where, "organization_id", uid), *self.emails(obj, where, "organization_id", uid)]
        for n, attribute in enumerate(self.items(obj.get("attributes"), f"{where}.attributes")):
            at = f"{where}.attributes[{n}]"
            link_type, _code, value, _lang = self.attribute(attribute, at, uid)
            if link_type != "website":
                raise _RefusedError(f"{at}.link_type", ValidationError("bad_choice", field="link_type",
                                                                        value=link_type[:60], allowed="website"))
            contacts.append(Contact("website", value))
        organisation = DirectoryOrganisation(
            uid=uid, name=name, description=self.text(obj, "description", where),
            website=self.text(obj, "website", where, max_len=MAX_NAME, multiline=False),
            email=self.text(obj, "email", where, max_len=MAX_NAME, multiline=False),
            contacts=tuple(contacts))
        services = [self.service(s, f"{where}.services[{n}]", organisation)
                    for n, s in enumerate(self.items(obj.get("services"), f"{where}.services"))]
        return organisation, services

    def service(self, obj: Any, where: str, org: DirectoryOrganisation) -> DirectoryService:
        self.fields(obj, HSDS_FIELDS["service"], where, "service",
                    kept=("id", "organization_id", "name", "description", "url", "email", "status",
                          "application_process", "fees_description", "eligibility_description", "assured_date",
                          "last_modified", "phones", "contacts", "languages", "cost_options",
                          "required_documents", "service_at_locations", "attributes"))
        uid = self.uid(obj, where, "service")
        self.link(obj, "organization_id", org.uid, where)
        status = obj.get("status")
        if status is None:
            raise _RefusedError(where, ValidationError("required", field="status"))
        if status not in SERVICE_STATUSES:
            raise _RefusedError(f"{where}.status", ValidationError("bad_choice", field="status", value=str(status)[:60],
                                                               allowed=", ".join(SERVICE_STATUSES)))
        italian: dict[str, Localised] = {}
        for ours, theirs in TEXT_FIELDS_HSDS.items():
            text = self.text(obj, theirs, where, required=ours == "name",
                             max_len=MAX_NAME if ours == "name" else MAX_LONG_TEXT, multiline=ours != "name")
            if text:
                italian[ours] = Localised(text, "it", "reviewed", text)
        documents = 0
        for n, doc in enumerate(self.items(obj.get("required_documents"), f"{where}.required_documents")):
            at = f"{where}.required_documents[{n}]"
            self.fields(doc, HSDS_FIELDS["required_document"], at, "required_document", kept=("id", "service_id",
                                                                                              "document"))
            self.uid(doc, at, "required_document")
            self.link(doc, "service_id", uid, at)
            text = self.text(doc, "document", at, required=True, max_len=MAX_NAME, multiline=False)
            documents += 1
            italian[f"documents.{documents}"] = Localised(text, "it", "reviewed", text)
        contacts = [*self.phones(obj, where, "service_id", uid)]
        email = self.text(obj, "email", where, max_len=MAX_NAME, multiline=False)
        emails = self.emails(obj, where, "service_id", uid)
        if email and email not in [c.value for c in emails]:
            emails.insert(0, Contact("email", email))
        contacts += emails
        url = self.text(obj, "url", where, max_len=MAX_NAME, multiline=False)
        if url:
            contacts.append(Contact("website", url))
        categories: list[str] = []
        extra: dict[str, str] = {}
        translations: dict[str, dict[str, Localised]] = {}
        for n, attribute in enumerate(self.items(obj.get("attributes"), f"{where}.attributes")):
            at = f"{where}.attributes[{n}]"
            link_type, code, value, lang = self.attribute(attribute, at, uid)
            if link_type == "category":
                if code not in CATEGORIES:
                    raise _RefusedError(f"{at}.taxonomy_term.code",
                                   ValidationError("bad_choice", field="code", value=code[:60],
                                                   allowed=", ".join(CATEGORIES)))
                categories.append(code)
            elif link_type in ("translation-reviewed", "translation-draft"):
                if lang not in LANGUAGE_NAMES or lang == "it":
                    raise _RefusedError(f"{at}.taxonomy_term.language", ValidationError(
                        "bad_choice", field="language", value=lang[:60],
                        allowed=", ".join(k for k in LANGUAGE_NAMES if k != "it")))
                base = code.split(".")[0]
                if (base not in SERVICE_TEXT_FIELDS and base != "documents") or code not in italian:
                    raise _RefusedError(f"{at}.taxonomy_term.code", ValidationError(
                        "bad_choice", field="code", value=code[:60], allowed=", ".join(sorted(italian))))
                review = link_type.removeprefix("translation-")
                translations.setdefault(lang, {})[code] = Localised(value, lang, review, italian[code].text)
            elif link_type == "website":
                contacts.append(Contact("website", value))
            elif link_type == "extra":
                extra[code] = value
            else:
                raise _RefusedError(f"{at}.link_type", ValidationError(
                    "bad_choice", field="link_type", value=link_type[:60],
                    allowed="category, translation-reviewed, translation-draft, website, extra"))
        languages = []
        for n, language in enumerate(self.items(obj.get("languages"), f"{where}.languages")):
            at = f"{where}.languages[{n}]"
            self.fields(language, HSDS_FIELDS["language"], at, "language", kept=("id", "service_id", "code", "name"))
            self.uid(language, at, "language")
            self.link(language, "service_id", uid, at)
            code = self.text(language, "code", at, required=True, max_len=3, multiline=False).lower()
            if not code.isascii() or not code.isalpha() or len(code) < 2:
                raise _RefusedError(f"{at}.code", ValidationError("bad_language", value=code))
            if code not in languages:
                languages.append(code)
        free = self.free(obj, where, uid)
        locations = tuple(self.service_at_location(sal, f"{where}.service_at_locations[{n}]", uid)
                          for n, sal in enumerate(self.items(obj.get("service_at_locations"),
                                                             f"{where}.service_at_locations")))
        assured = self.text(obj, "assured_date", where, max_len=10, multiline=False)
        try:
            last_confirmed = parse_date(assured) if assured else None
        except ValidationError as exc:
            raise _RefusedError(f"{where}.assured_date", exc) from None
        modified = self.text(obj, "last_modified", where, max_len=40, multiline=False)
        updated_at = None
        if modified:
            try:
                updated_at = datetime.fromisoformat(modified.replace("Z", "+00:00"))
            except ValueError:
                raise _RefusedError(f"{where}.last_modified", ValidationError("hsds_bad_datetime",
                                                                          value=modified)) from None
            if updated_at.tzinfo is None:
                updated_at = updated_at.replace(tzinfo=UTC)
        texts: dict[str, Mapping[str, Localised]] = {"it": italian, **translations}
        return DirectoryService(
            uid=uid, organisation=org, texts=texts, documents=documents, categories=tuple(categories),
            languages=tuple(languages), locations=locations, contacts=tuple(contacts), free=free,
            status=str(status), state="submitted", last_confirmed=last_confirmed, updated_at=updated_at,
            extra=extra)

    def free(self, obj: Mapping[str, Any], where: str, uid: str) -> bool | None:
        options = self.items(obj.get("cost_options"), f"{where}.cost_options")
        if not options:
            return None
        free = True
        for n, option in enumerate(options):
            at = f"{where}.cost_options[{n}]"
            self.fields(option, HSDS_FIELDS["cost_option"], at, "cost_option",
                        kept=("id", "service_id", "option", "currency", "amount", "amount_description"))
            self.uid(option, at, "cost_option")
            self.link(option, "service_id", uid, at)
            amount = option.get("amount")
            if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float))
                                       or not math.isfinite(amount) or amount < 0):
                raise _RefusedError(f"{at}.amount", ValidationError("bad_number", field="amount",
                                                                     value=str(amount)[:40]))
            if amount != 0 and option.get("option") != "free":
                free = False
        return free

    def phones(self, obj: Mapping[str, Any], where: str, link: str, owner: str) -> list[Contact]:
        result = []
        for n, phone in enumerate(self.items(obj.get("phones"), f"{where}.phones")):
            at = f"{where}.phones[{n}]"
            self.fields(phone, HSDS_FIELDS["phone"], at, "phone", kept=("id", link, "number", "description"))
            self.uid(phone, at, "phone")
            self.link(phone, link, owner, at)
            result.append(Contact("phone", self.text(phone, "number", at, required=True, max_len=40, multiline=False),
                                  self.text(phone, "description", at, max_len=MAX_NAME, multiline=False)))
        return result

    def emails(self, obj: Mapping[str, Any], where: str, link: str, owner: str) -> list[Contact]:
        result = []
        for n, contact in enumerate(self.items(obj.get("contacts"), f"{where}.contacts")):
            at = f"{where}.contacts[{n}]"
            self.fields(contact, HSDS_FIELDS["contact"], at, "contact", kept=("id", link, "email", "name"))
            self.uid(contact, at, "contact")
            self.link(contact, link, owner, at)
            email = self.text(contact, "email", at, max_len=MAX_NAME, multiline=False)
            if email:
                result.append(Contact("email", email, self.text(contact, "name", at, max_len=MAX_NAME,
                                                                multiline=False)))
        return result

    def attribute(self, obj: Any, where: str, owner: str) -> tuple[str, str, str, str]:
        """``(link_type, term code, value, term language)`` of an extension attribute."""
        self.fields(obj, HSDS_FIELDS["attribute"], where, "attribute")
        self.uid(obj, where, "attribute")
        self.link(obj, "link_id", owner, where)
        term = obj.get("taxonomy_term")
        if term is None:
            raise _RefusedError(where, ValidationError("required", field="taxonomy_term"))
        self.fields(term, HSDS_FIELDS["taxonomy_term"], f"{where}.taxonomy_term")
        self.uid(term, f"{where}.taxonomy_term", "taxonomy_term", unique=False)
        link_type = self.text(obj, "link_type", where, required=True, max_len=40, multiline=False)
        code = self.text(term, "code", f"{where}.taxonomy_term", required=True, max_len=80, multiline=False)
        value = self.text(obj, "value", where, max_len=MAX_LONG_TEXT)
        lang = self.text(term, "language", f"{where}.taxonomy_term", max_len=8, multiline=False)
        return link_type, code, value, lang

    def service_at_location(self, obj: Any, where: str, service_uid: str) -> DirectoryLocation:
        self.fields(obj, HSDS_FIELDS["service_at_location"], where, "service_at_location",
                    kept=("id", "service_id", "location_id", "schedules", "location"))
        self.uid(obj, where, "service_at_location")
        self.link(obj, "service_id", service_uid, where)
        loc = obj.get("location")
        if loc is None:
            raise _RefusedError(where, ValidationError("required", field="location"))
        at = f"{where}.location"
        self.fields(loc, HSDS_FIELDS["location"], at, "location",
                    kept=("id", "location_type", "organization_id", "name", "latitude", "longitude", "addresses",
                          "accessibility"))
        # A location may serve several services: its id repeats across them, so it is not checked for unique.
        uid = self.uid(loc, at, "location", unique=False)
        self.link(obj, "location_id", uid, where)
        addresses = self.items(loc.get("addresses"), f"{at}.addresses")
        if not addresses:
            raise _RefusedError(at, ValidationError("required", field="addresses"))
        address_at = f"{at}.addresses[0]"
        first = self.fields(addresses[0], HSDS_FIELDS["address"], address_at, "address",
                            kept=("id", "location_id", "address_1", "city", "state_province", "postal_code",
                                  "country", "address_type"))
        address = Address(
            street=self.text(first, "address_1", address_at, required=True, max_len=MAX_NAME, multiline=False),
            postcode=self.text(first, "postal_code", address_at, required=True, max_len=10, multiline=False),
            city=self.text(first, "city", address_at, required=True, max_len=MAX_NAME, multiline=False),
            province=self.text(first, "state_province", address_at, max_len=40, multiline=False) or "LO",
            country=self.text(first, "country", address_at, max_len=2, multiline=False) or "IT")
        accessibility = ""
        for n, item in enumerate(self.items(loc.get("accessibility"), f"{at}.accessibility")):
            self.fields(item, HSDS_FIELDS["accessibility"], f"{at}.accessibility[{n}]", "accessibility",
                        kept=("id", "location_id", "description"))
            accessibility = accessibility or self.text(item, "description", f"{at}.accessibility[{n}]")
        hours: list[OpeningHours] = []
        for n, schedule in enumerate(self.items(obj.get("schedules"), f"{where}.schedules")):
            hours += self.schedule(schedule, f"{where}.schedules[{n}]")
        return DirectoryLocation(
            uid=uid, name=self.text(loc, "name", at, max_len=MAX_NAME, multiline=False), address=address,
            hours=tuple(sorted(hours, key=lambda h: (h.weekday, h.opens))),
            latitude=self.coordinate(loc, "latitude", at, 90), longitude=self.coordinate(loc, "longitude", at, 180),
            accessibility=accessibility)

    def coordinate(self, obj: Mapping[str, Any], key: str, where: str, bound: float) -> float | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
            raise _RefusedError(f"{where}.{key}", ValidationError("bad_number", field=key, value=str(value)[:40]))
        return float(value)

    def schedule(self, obj: Any, where: str) -> list[OpeningHours]:
        self.fields(obj, HSDS_FIELDS["schedule"], where, "schedule",
                    kept=("id", "service_id", "location_id", "service_at_location_id", "freq", "wkst", "byday",
                          "opens_at", "closes_at", "description", "notes"))
        self.uid(obj, where, "schedule")
        if obj.get("freq", "WEEKLY") != "WEEKLY":
            raise _RefusedError(f"{where}.freq", ValidationError("bad_choice", field="freq",
                                                                  value=str(obj.get("freq"))[:40], allowed="WEEKLY"))
        byday = self.text(obj, "byday", where, required=True, max_len=40, multiline=False)
        days = []
        for part in byday.split(","):
            code = part.strip().upper()
            if code not in WEEKDAYS:
                raise _RefusedError(f"{where}.byday", ValidationError("bad_choice", field="byday", value=part[:10],
                                                                  allowed=", ".join(WEEKDAYS)))
            days.append(WEEKDAYS.index(code) + 1)
        opens = self.time(obj, "opens_at", where)
        closes = self.time(obj, "closes_at", where)
        if closes <= opens:
            raise _RefusedError(f"{where}.closes_at", ValidationError("hsds_bad_hours", opens=f"{opens:%H:%M}",
                                                                  closes=f"{closes:%H:%M}"))
        note = self.text(obj, "notes", where, max_len=MAX_NAME, multiline=False)
        return [OpeningHours(day, opens, closes, note) for day in days]

    def time(self, obj: Mapping[str, Any], key: str, where: str) -> time:
        text = self.text(obj, key, where, required=True, max_len=20, multiline=False)
        try:
            # "09:00", "09:00:00", "09:00Z", "09:00+01:00": the local time of day is what the office publishes.
            moment = time.fromisoformat(text.removesuffix("Z"))
        except ValueError:
            raise _RefusedError(f"{where}.{key}", ValidationError("bad_time", value=text[:20])) from None
        return moment.replace(tzinfo=None, second=0, microsecond=0)


def same_directory(a: Iterable[DirectoryService], b: Iterable[DirectoryService]) -> bool:
    """Whether two lists of services say the same (ignoring ``state``, ``needs_reconfirmation`` and the order of
    contacts of different kinds): what a round trip through HSDS keeps."""
    return [_comparable(s) for s in a] == [_comparable(s) for s in b]


def _comparable(service: DirectoryService) -> Any:
    def contacts(items: Iterable[Contact]) -> list[Contact]:
        order = {"phone": 0, "email": 1, "website": 2}
        return sorted(items, key=lambda c: order.get(c.kind, 3))
    org = service.organisation
    return (service.uid, org.uid, org.name, org.description, org.website, org.email, contacts(org.contacts),
            {lang: dict(fields) for lang, fields in service.texts.items() if fields}, service.documents,
            service.categories, service.languages, service.locations, contacts(service.contacts), service.free,
            service.status, service.last_confirmed,
            service.updated_at.astimezone(UTC) if service.updated_at else None, dict(service.extra))


__all__ = [
    "HSDS_FIELDS",
    "HSDS_VERSION",
    "HsdsImport",
    "derived_id",
    "export_hsds",
    "import_hsds",
    "read_hsds",
    "same_directory",
    "write_hsds",
]
