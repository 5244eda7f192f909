"""The territorial services directory (issue 15): partners write, the office publishes, the counter searches and refers.

Who does what (permissions in :data:`desk_app.core.auth.PERMISSIONS`, checked here, below any UI):

* a ``partner`` account (``edit_own_directory``) is linked to one organisation (:meth:`ServiceDirectory.link_partner`)
  and writes that organisation's services, locations and contacts in Italian, submits them and confirms they are
  still right; any other organisation's entry is refused (``not_own_organisation``);
* supervisors and administrators (``manage_directory``) write any entry, publish, withdraw and link partners;
* clerks (``refer``) search the published entries and record a referral; the monitoring reads only counts
  (``export_reports``).

Life of an entry: ``draft`` -> ``submitted`` -> ``published`` (or ``withdrawn``). A partner's change to an entry
the office already published does NOT unpublish it: the entry stays published, and the counter search, referral
sheets, HSDS export and public site keep serving its last published content, while the change waits as a pending
revision (a JSON snapshot on the service row; why a snapshot: :mod:`desk_app.core.directory_revision`). The partner
sees and keeps editing its revision; :meth:`ServiceDirectory.publish` makes it the published content (translations
of changed Italian texts go stale as usual), :meth:`ServiceDirectory.reject_revision` drops it. A partner's change
to a ``submitted`` entry keeps it ``submitted``: the office publishes what it reviewed. Every change is one audited
transaction.

Texts: a service's translatable fields (:data:`~desk_app.core.directory_types.SERVICE_TEXT_FIELDS` and each
document to bring) are ``content_text`` rows of the office under :func:`~desk_app.core.directory_types.text_key`,
Italian the source. So the translators' workflow covers them with no code of its own: a changed Italian text makes
its translations ``stale`` (the digest differs), :meth:`TranslationService.export_po` / ``import_po`` carry them
(every Italian key of the office), ``ContentService.edit_text`` / ``review_translations`` edit and review them, and
:meth:`TranslationService.coverage` counts them as the document ``DIR``. Organisation names are proper nouns and
never translated; the organisation's description, location names and opening-hour notes stay Italian.

Search (:meth:`ServiceDirectory.search`) answers from an in-memory index of the published entries per office and
language, rebuilt only when a cheap fingerprint of the office's directory and texts changes (another desk's edit
included); see ``benchmarks/directory_bench.py`` and ``docs/benchmarks.md``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
import tomllib
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, local_day
from desk_app.core import directory_revision as revision
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.catalogue import MAX_TEXT, SOURCE_LANGUAGE, text_digest
from desk_app.core.directory_types import (
    CATEGORIES,
    ENTRY_STATES,
    SERVICE_STATUSES,
    SERVICE_TEXT_FIELDS,
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
    text_key,
)
from desk_app.core.office_settings import read_settings
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import clean_choice, clean_id, clean_int, clean_text, clean_username, parse_date_range
from desk_app.db import models_directory as m
from desk_app.db.engine import Database
from desk_app.db.models import Office, Staff, Ticket
from desk_app.db.models_admin import OfficeSetting
from desk_app.db.models_content import Case, ContentText
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from desk_app.resources import resource_path

#: Languages a service may say it speaks (ISO 639-1): the 13 of the sheets and those most spoken by the newcomers
#: of Lombardy that the sheets lack. An unknown code is refused with one sentence (``bad_choice``).
SPOKEN_LANGUAGES: tuple[str, ...] = tuple(dict.fromkeys((
    *LANGUAGES, "de", "pt", "ru", "pl", "bg", "mk", "sr", "hr", "bs", "el", "tr", "ku", "fa", "ps", "ta", "si",
    "ml", "ne", "tl", "vi", "ko", "ja", "th", "wo", "ff", "am", "ti", "so", "ha", "yo", "ig", "ak", "tw", "sw",
    "ln", "ka", "hy", "mn", "uz", "ky", "tk", "az", "kk", "be", "sk", "cs", "hu", "nl", "sv", "lt", "lv", "et",
)))
CONTACT_KINDS: tuple[str, ...] = m.CONTACT_KINDS

#: Lengths (characters): the service's name, each longer field, each document to bring, notes and labels.
MAX_NAME = 160
MAX_FIELD = 1000
MAX_DESCRIPTION = MAX_TEXT
MAX_DOCUMENT = 300
MAX_NOTE = 120
#: How many of each a service or location may have: enough for any real entry, bounded for the printed sheet.
MAX_DOCUMENTS = 30
MAX_LOCATIONS = 20
MAX_HOURS = 28
MAX_CONTACTS = 10
MAX_WORDS = 12
#: The key prefix of every directory text (services and the category names).
KEY_PREFIX = "dir."
#: The coverage document of the directory (:meth:`TranslationService.coverage`).
COVERAGE_DOCUMENT = "DIR"
_FIELD_LIMITS = {"name": MAX_NAME, "description": MAX_DESCRIPTION, "eligibility": MAX_FIELD, "cost": MAX_FIELD,
                 "application": MAX_FIELD}
_PHONE_RE = re.compile(r"\+?[0-9][0-9 ./()-]{1,38}[0-9]")
_EMAIL_RE = re.compile(r"[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}")
_WEBSITE_RE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s]*)?")
_POSTCODE_RE = re.compile(r"[0-9]{5}")
_PROVINCE_RE = re.compile(r"[A-Z]{2}")
_WEEKDAYS_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
#: Stable ids of the shipped demo entries: ``uuid5`` of their keys in this namespace (the same on every PC).
DEMO_NAMESPACE = uuid.UUID("6f1f3c1e-2b7a-5d0e-9a35-0c1d2e3f4a5b")


def category_key(code: str) -> str:
    """The content key of a category's name: ``dir.category.<code>``."""
    return f"{KEY_PREFIX}category.{code}"


def directory_keys(keys: Iterable[str]) -> list[str]:
    """Of ``keys``, those of the directory (services' texts and category names), sorted: the ``DIR`` document."""
    return sorted(k for k in keys if k.startswith(KEY_PREFIX))


# -- validation ---------------------------------------------------------------------------------------------------
def clean_uid(value: str | None, field_name: str = "uid") -> str:
    """A UUID string (any case, braces and hyphens as :class:`uuid.UUID` reads them), returned lower-case canonical."""
    text = clean_text(value, field_name, 64)
    try:
        return str(uuid.UUID(text))
    except ValueError as exc:
        raise NotFoundError("unknown_directory_entry", value=text[:40]) from exc


def _new_or_clean_uid(value: str) -> str:
    return clean_uid(value) if (value or "").strip() else str(uuid.uuid4())


def clean_contact(contact: Contact) -> Contact:
    """A phone number, e-mail or web address checked for its kind; one sentence when it is not one."""
    kind = clean_choice(contact.kind, "kind", CONTACT_KINDS)
    value = clean_text(contact.value, "contact", 300)
    if kind == "phone" and not _PHONE_RE.fullmatch(value):
        raise ValidationError("bad_phone", value=value[:40])
    if kind == "email" and not _EMAIL_RE.fullmatch(value):
        raise ValidationError("bad_email", value=value[:60])
    if kind == "website" and not _WEBSITE_RE.fullmatch(value):
        raise ValidationError("bad_website", value=value[:60])
    return Contact(kind, value, clean_text(contact.label, "label", MAX_NOTE, required=False))


def _clean_contacts(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    cleaned = tuple(clean_contact(c) for c in contacts)
    if len(cleaned) > MAX_CONTACTS:
        raise ValidationError("out_of_range", field="contact", value=str(len(cleaned)), min=0, max=MAX_CONTACTS)
    return cleaned


def clean_hours(hours: Iterable[OpeningHours]) -> tuple[OpeningHours, ...]:
    """Opening intervals checked: weekday 1-7, opening before closing, no two overlapping on one day; sorted."""
    cleaned = []
    for interval in hours:
        weekday = clean_int(interval.weekday, "weekday", 1, 7)
        if not isinstance(interval.opens, time) or not isinstance(interval.closes, time):
            raise ValidationError("bad_time", value=f"{interval.opens}-{interval.closes}"[:40])
        if interval.opens >= interval.closes:
            raise ValidationError("hours_order", day=_WEEKDAYS_IT[weekday - 1], opens=interval.opens.strftime("%H:%M"),
                                  closes=interval.closes.strftime("%H:%M"))
        cleaned.append(OpeningHours(weekday, interval.opens.replace(second=0, microsecond=0),
                                    interval.closes.replace(second=0, microsecond=0),
                                    clean_text(interval.note, "note", MAX_NOTE, required=False)))
    if len(cleaned) > MAX_HOURS:
        raise ValidationError("out_of_range", field="sheet_hours", value=str(len(cleaned)), min=0, max=MAX_HOURS)
    cleaned.sort(key=lambda h: (h.weekday, h.opens))
    for before, after in itertools.pairwise(cleaned):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise ValidationError("hours_overlap", day=_WEEKDAYS_IT[before.weekday - 1],
                                  first=f"{before.opens:%H:%M}-{before.closes:%H:%M}",
                                  second=f"{after.opens:%H:%M}-{after.closes:%H:%M}")
    return tuple(cleaned)


def clean_location(location: DirectoryLocation) -> DirectoryLocation:
    """A location with its address, coordinates and hours checked (a new one gets a fresh uid)."""
    address = location.address
    postcode = clean_text(address.postcode, "postcode", 16)
    if not _POSTCODE_RE.fullmatch(postcode):
        raise ValidationError("bad_postcode", value=postcode[:16])
    province = clean_text(address.province, "province", 8).upper()
    if not _PROVINCE_RE.fullmatch(province):
        raise ValidationError("bad_code", value=province[:8], max=2)
    country = clean_text(address.country, "country", 8).upper()
    if country != "IT":
        raise ValidationError("bad_choice", field="country", value=country[:8], allowed="IT")
    cleaned_address = Address(clean_text(address.street, "address", 160), postcode,
                              clean_text(address.city, "city", 80), province, country)
    latitude, longitude = location.latitude, location.longitude
    if (latitude is None) != (longitude is None):
        raise ValidationError("required", field="longitude" if longitude is None else "latitude")
    if latitude is not None and longitude is not None and (
            not (isinstance(latitude, int | float) and isinstance(longitude, int | float))
            or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)):
        raise ValidationError("out_of_range", field="latitude", value=f"{latitude}, {longitude}"[:40],
                              min="-90, -180", max="90, 180")
    return DirectoryLocation(
        _new_or_clean_uid(location.uid), clean_text(location.name, "name", MAX_NAME), cleaned_address,
        clean_hours(location.hours), None if latitude is None else float(latitude),
        None if longitude is None else float(longitude),
        clean_text(location.accessibility, "accessibility", 300, required=False))


def clean_organisation(organisation: DirectoryOrganisation) -> DirectoryOrganisation:
    """An organisation with its texts and contacts checked (a new one gets a fresh uid)."""
    website = clean_text(organisation.website, "website", 300, required=False)
    email = clean_text(organisation.email, "email", 160, required=False)
    if website:
        clean_contact(Contact("website", website))
    if email:
        clean_contact(Contact("email", email))
    return DirectoryOrganisation(
        _new_or_clean_uid(organisation.uid), clean_text(organisation.name, "organisation", MAX_NAME),
        clean_text(organisation.description, "description", MAX_DESCRIPTION, required=False, multiline=True),
        website, email, _clean_contacts(organisation.contacts))


@dataclass(frozen=True)
class CleanService:
    """A service checked for writing: its Italian texts by field, documents, codes and the other languages' texts.

    ``translations``: language -> field -> (text, status ``draft``/``reviewed``), what an import carried.
    """

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
    last_confirmed: date | None
    extra: dict[str, str]
    translations: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)


def clean_service(service: DirectoryService) -> CleanService:
    """Check every part of ``service`` before anything is written; one sentence for the first thing wrong.

    Italian texts come from ``service.texts["it"]`` (``name`` required), documents from ``documents.1`` ... in
    order; at least one category of :data:`CATEGORIES`; languages of :data:`SPOKEN_LANGUAGES`; status of
    :data:`SERVICE_STATUSES`; contacts and locations as :func:`clean_contact` / :func:`clean_location`.
    """
    italian_in = service.texts.get(SOURCE_LANGUAGE, {})
    italian: dict[str, str] = {}
    for name in SERVICE_TEXT_FIELDS:
        found = italian_in.get(name)
        italian[name] = clean_text(found.text if found else "", name, _FIELD_LIMITS[name], required=name == "name",
                                   multiline=name != "name")
    documents = []
    for n in range(1, service.documents + 1):
        found = italian_in.get(f"documents.{n}")
        text = clean_text(found.text if found else "", "document", MAX_DOCUMENT, required=False)
        if text:
            documents.append(text)
    if len(documents) > MAX_DOCUMENTS:
        raise ValidationError("out_of_range", field="document", value=str(len(documents)), min=0, max=MAX_DOCUMENTS)
    categories = tuple(dict.fromkeys(clean_choice(c, "categories", CATEGORIES) for c in service.categories))
    if not categories:
        raise ValidationError("required", field="categories")
    languages = tuple(dict.fromkeys(clean_choice((code or "").strip().lower(), "languages", SPOKEN_LANGUAGES)
                                    for code in service.languages))
    if service.free not in (True, False, None):
        raise ValidationError("bad_choice", field="free", value=str(service.free)[:10], allowed="True, False, None")
    locations = tuple(clean_location(loc) for loc in service.locations)
    if len(locations) > MAX_LOCATIONS:
        raise ValidationError("out_of_range", field="address", value=str(len(locations)), min=0, max=MAX_LOCATIONS)
    extra = {clean_text(str(k), "extra", 48): clean_text(str(v), "extra", 500, required=False, multiline=True)
             for k, v in dict(service.extra).items()}
    translations: dict[str, dict[str, tuple[str, str]]] = {}
    wanted = set(SERVICE_TEXT_FIELDS) | {f"documents.{n}" for n in range(1, len(documents) + 1)}
    for lang, texts in service.texts.items():
        if lang == SOURCE_LANGUAGE:
            continue
        lang = clean_choice(lang, "language", LANGUAGES)
        for name, localised in texts.items():
            if name not in wanted or localised.lang != lang or localised.status not in ("draft", "reviewed"):
                continue  # a fallback to the Italian, or a field the entry no longer has: nothing to store
            text = clean_text(localised.text, name, MAX_DESCRIPTION, required=False, multiline=True)
            if text:
                translations.setdefault(lang, {})[name] = (text, localised.status)
    return CleanService(
        uid=_new_or_clean_uid(service.uid), organisation_uid=clean_uid(service.organisation.uid, "organisation"),
        italian=italian, documents=tuple(documents), categories=categories, languages=languages, free=service.free,
        status=clean_choice(service.status, "status", SERVICE_STATUSES), contacts=_clean_contacts(service.contacts),
        locations=locations, last_confirmed=service.last_confirmed, extra=extra, translations=translations)


# -- search -------------------------------------------------------------------------------------------------------
#: A word: letters and digits (``\\w`` without ``_``), and the combining marks that are part of words: Latin
#: accents (dropped by :func:`normalise` anyway), the vowel signs and viramas of the Indic scripts (U+0900-U+0DFF
#: less the dandas; ``\\w`` alone splits ``स्वास्थ्य`` into letters), Arabic harakat, and the joiners ZWNJ/ZWJ.
_WORD_RE = re.compile("(?:[^\\W_]|[\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u0610-\u061a\u064b-\u065f"
                      "\u0670\u06d6-\u06ed\u200c\u200d])+")
#: An accent on a Latin letter (after NFKD): typed or not, the same word.
_LATIN_ACCENT_RE = re.compile("(?<=[\x00-\u024f])[\u0300-\u036f]+")
_CJK_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def normalise(text: str) -> str:
    """Case-folded, with the accents of Latin letters dropped (``Città`` and ``citta`` match); other scripts kept."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFC", _LATIN_ACCENT_RE.sub("", unicodedata.normalize("NFKD", folded)))


def words_of(text: str) -> list[str]:
    """The searchable words of a text: :func:`normalise`, split on non-word characters; a run of Chinese characters
    also gives each of its suffixes, so that a query word found anywhere inside it matches (there are no spaces)."""
    found: list[str] = []
    for word in _WORD_RE.findall(normalise(text)):
        found.append(word)
        if not word.isascii() and _CJK_RE.search(word):
            found.extend(word[i:] for i in range(1, min(len(word), 24)))
    return found


@dataclass
class _Index:
    """The published entries of one office in one language, with an inverted index of their words."""

    fingerprint: tuple[Any, ...]
    services: list[DirectoryService]
    tokens: list[str]
    postings: dict[str, set[int]]
    name_words: list[set[str]]
    places: list[set[str]]
    sort_names: list[str]

    def matching(self, word: str) -> set[int]:
        """Entries with a word starting with ``word``."""
        start = bisect.bisect_left(self.tokens, word)
        found: set[int] = set()
        for token in self.tokens[start:]:
            if not token.startswith(word):
                break
            found |= self.postings[token]
        return found


#: A text row as :meth:`ServiceDirectory._texts` reads it: ``key``, ``lang``, ``text``, ``source_digest``, ``status``.
TextRow = Any

# -- results ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReferralCounts:
    """Referrals of a period, anonymous counts only (for the monitoring reports).

    Attributes:
        rows: (category, language, referrals), sorted.
        by_category / by_language: the same summed; ``total`` all of them.
    """

    office: str
    first: date
    last: date
    rows: list[tuple[str, str, int]]
    by_category: dict[str, int]
    by_language: dict[str, int]
    total: int


@dataclass(frozen=True)
class PartnerLink:
    """Which organisation a partner account edits (``organisation_uid`` empty when it is linked to none)."""

    username: str
    organisation_uid: str
    organisation_name: str


@dataclass(frozen=True)
class LoadResult:
    """What :meth:`ServiceDirectory.load_file` wrote."""

    organisations: int
    services: int
    locations: int


class ServiceDirectory:
    """Organisations, services and locations of the office's directory; review, search, referrals.

    Args:
        office_code: the office this PC works for (``None``: the only one).
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code or None
        self._indexes: dict[tuple[int, str], _Index] = {}
        self._office_ids: dict[str | None, int] = {}  # office code -> id, for the one-query freshness check
        self._lock = threading.Lock()

    # -- permission helpers ---------------------------------------------------------------------------------------
    def _require_any(self, actor: Actor, actions: Sequence[str], object_type: str = "", object_id: str = "") -> None:
        """Return if ``actor`` may do one of ``actions``; else refuse (audited) naming the last one."""
        if any(actor.can(action) for action in actions):
            return
        self.auth.require(actor, actions[-1], object_type, object_id)

    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    def _partner_organisation(self, session: Session, actor: Actor) -> int | None:
        if actor.staff_id is None:
            return None
        return session.execute(select(m.DirectoryPartner.organisation_id)
                               .where(m.DirectoryPartner.staff_id == actor.staff_id)).scalar()

    def _may_edit(self, session: Session, actor: Actor, organisation: m.DirectoryOrganisation) -> None:
        """Office staff with ``manage_directory`` edit every organisation of their office; a partner
        (``edit_own_directory``) only the one it is linked to (refusal audited as ``denied:not_own_organisation``)."""
        if actor.can("manage_directory"):
            return
        self.auth.require(actor, "edit_own_directory", "directory_organisation", organisation.uid, session=session)
        if self._partner_organisation(session, actor) != organisation.id:
            raise PermissionDeniedError("not_own_organisation")

    def _audited(self, actor: Actor, work: Any, *, write: bool = True) -> Any:
        """Run ``work`` in a write (or read) transaction; a ``not_own_organisation`` refusal is audited once that
        transaction is over (``denied:not_own_organisation``), in a transaction of its own."""
        try:
            return self.db.write(work) if write else self.db.read(work)
        except PermissionDeniedError as exc:
            if exc.code == "not_own_organisation":
                self.auth.audit_log.record_now(actor.audit, "denied:not_own_organisation", "directory", "",
                                               outcome="denied")
            raise

    # -- rows -----------------------------------------------------------------------------------------------------
    @staticmethod
    def _organisation_row(session: Session, office_id: int, uid: str) -> m.DirectoryOrganisation:
        row = session.execute(select(m.DirectoryOrganisation).where(m.DirectoryOrganisation.uid == uid)).scalar()
        if row is None or row.office_id != office_id:
            raise NotFoundError("unknown_directory_entry", value=uid)
        return row

    @staticmethod
    def _service_row(session: Session, office_id: int, uid: str) -> m.DirectoryService:
        row = session.execute(select(m.DirectoryService).where(m.DirectoryService.uid == uid)).scalar()
        if row is None or row.office_id != office_id:
            raise NotFoundError("unknown_directory_entry", value=uid)
        return row

    def _today(self, office: Office) -> date:
        return local_day(self.clock.now(), office.timezone or "Europe/Rome")

    # -- organisations and locations ------------------------------------------------------------------------------
    def put_organisation(self, actor: Actor, organisation: DirectoryOrganisation) -> DirectoryOrganisation:
        """Create (``uid`` empty or new) or change an organisation; return it as stored.

        Creating one needs ``manage_directory``; changing one needs it too, or ``edit_own_directory`` for the
        partner's own organisation. Audited (``directory.organisation``).
        """
        self._require_any(actor, ("edit_own_directory", "manage_directory"), "directory_organisation",
                          organisation.uid)
        cleaned = clean_organisation(organisation)
        now = self.clock.now()

        def work(session: Session) -> DirectoryOrganisation:
            office = self._office(session, actor)
            row = session.execute(select(m.DirectoryOrganisation)
                                  .where(m.DirectoryOrganisation.uid == cleaned.uid)).scalar()
            if row is None:
                self.auth.require(actor, "manage_directory", "directory_organisation", cleaned.uid, session=session)
                row = m.DirectoryOrganisation(office_id=office.id, uid=cleaned.uid)
                session.add(row)
                created = True
            else:
                if row.office_id != office.id:
                    raise NotFoundError("unknown_directory_entry", value=cleaned.uid)
                self._may_edit(session, actor, row)
                created = False
            row.name, row.description = cleaned.name, cleaned.description
            row.website, row.email = cleaned.website, cleaned.email
            row.updated_at, row.updated_by = now, actor.username[:64]
            session.flush()
            self._write_contacts(session, cleaned.contacts, organisation_id=row.id)
            self.auth.audit_log.record(session, actor.audit, "directory.organisation", "directory_organisation",
                                       row.uid, detail={"created": created, "name": row.name})
            return self._organisation_value(session, row)

        return self._audited(actor, work)

    def organisations(self, actor: Actor) -> list[DirectoryOrganisation]:
        """The office's organisations by name; a partner sees only its own. Needs ``manage_directory``,
        ``edit_own_directory`` or ``refer``."""
        self._require_any(actor, ("refer", "edit_own_directory", "manage_directory"), "directory_organisation")

        def work(session: Session) -> list[DirectoryOrganisation]:
            office = self._office(session, actor)
            query = select(m.DirectoryOrganisation).where(m.DirectoryOrganisation.office_id == office.id)
            if not (actor.can("manage_directory") or actor.can("refer")):
                query = query.where(m.DirectoryOrganisation.id == self._partner_organisation(session, actor))
            rows = session.execute(query.order_by(m.DirectoryOrganisation.name)).scalars().all()
            return [self._organisation_value(session, row) for row in rows]

        return self.db.read(work)

    def put_location(self, actor: Actor, organisation_uid: str, location: DirectoryLocation) -> DirectoryLocation:
        """Create or change a location of an organisation (same rights as changing the organisation); the
        services given there are marked changed (their ``updated_at``). Audited (``directory.location``)."""
        self._require_any(actor, ("edit_own_directory", "manage_directory"), "directory_location", location.uid)
        org_uid = clean_uid(organisation_uid, "organisation")
        cleaned = clean_location(location)
        now = self.clock.now()

        def work(session: Session) -> DirectoryLocation:
            office = self._office(session, actor)
            organisation = self._organisation_row(session, office.id, org_uid)
            self._may_edit(session, actor, organisation)
            row = self._upsert_location(session, office.id, organisation, cleaned, now)
            self.auth.audit_log.record(session, actor.audit, "directory.location", "directory_location", row.uid,
                                       detail={"organisation": organisation.uid})
            return self._location_value(row)

        return self._audited(actor, work)

    def _upsert_location(self, session: Session, office_id: int, organisation: m.DirectoryOrganisation,
                         cleaned: DirectoryLocation, now: datetime) -> m.DirectoryLocation:
        row = session.execute(select(m.DirectoryLocation).where(m.DirectoryLocation.uid == cleaned.uid)).scalar()
        if row is None:
            row = m.DirectoryLocation(office_id=office_id, organisation_id=organisation.id, uid=cleaned.uid)
            session.add(row)
        elif row.organisation_id != organisation.id:
            raise PermissionDeniedError("not_own_organisation")
        address = cleaned.address
        values = (cleaned.name, address.street, address.postcode, address.city, address.province, address.country,
                  cleaned.latitude, cleaned.longitude, cleaned.accessibility, _hours_json(cleaned.hours))
        current = (row.name, row.street, row.postcode, row.city, row.province, row.country, row.latitude,
                   row.longitude, row.accessibility, row.hours)
        if values != current:
            (row.name, row.street, row.postcode, row.city, row.province, row.country, row.latitude, row.longitude,
             row.accessibility, row.hours) = values
            row.updated_at = now
        session.flush()
        return row

    # -- services -------------------------------------------------------------------------------------------------
    def put_service(self, actor: Actor, service: DirectoryService, *, state: str | None = None) -> DirectoryService:
        """Create or change a service (upsert by ``service.uid``; empty: a new uid); return it as stored, in Italian.

        Everything is checked first (:func:`clean_service`): a refused value stores nothing. The Italian texts are
        written as the office's ``content_text`` source rows (a changed one makes its translations stale; a field
        left empty drops its texts in every language). Texts in other languages (``Localised`` with their own
        ``lang`` and status ``draft``/``reviewed``: what an import carries) are stored only for an actor who may
        ``edit_content``; a partner writes Italian. ``service.locations`` are written too (upsert by uid) and
        become the service's places, in order.

        State: a new entry lands in ``submitted`` (the review queue) unless office staff (``manage_directory``)
        pass ``state`` explicitly (``"published"`` publishes at once; ``service.state``, whose contract default is
        ``"published"``, is ignored here so that forgetting ``state`` never publishes); an existing one keeps its
        own unless they pass ``state`` (their change writes the live content at once and leaves a partner's pending
        revision as it is: publishing that later replaces the content with the revision). Anyone else passing
        ``state`` is refused (``PermissionDeniedError``,
        audited). A partner (``edit_own_directory``, own organisation only) makes a new entry a
        ``draft``; its change to a ``submitted`` one keeps it ``submitted`` (the office publishes what it
        reviewed); its change to a ``published`` one is kept as the entry's pending revision, the
        published content and state untouched (audited ``directory.revision``; the returned value carries it as
        ``revision``); it cannot change a ``withdrawn`` one. Audited (``directory.service``).
        """
        self._require_any(actor, ("edit_own_directory", "manage_directory"), "directory_service", service.uid)
        cleaned = clean_service(service)
        if state is not None:
            state = clean_choice(state, "state", ENTRY_STATES)
            # choosing the state (publishing, above all) is the office's review decision
            self.auth.require(actor, "manage_directory", "directory_service", service.uid)
        now = self.clock.now()

        def work(session: Session) -> DirectoryService:
            office = self._office(session, actor)
            organisation = self._organisation_row(session, office.id, cleaned.organisation_uid)
            self._may_edit(session, actor, organisation)
            row = session.execute(select(m.DirectoryService).where(m.DirectoryService.uid == cleaned.uid)).scalar()
            manager = actor.can("manage_directory")
            if row is not None and row.office_id != office.id:
                raise NotFoundError("unknown_directory_entry", value=cleaned.uid)
            if row is not None and row.organisation_id != organisation.id:
                # moving an entry to another organisation: the office's decision, and it must be able to edit both
                self.auth.require(actor, "manage_directory", "directory_service", cleaned.uid, session=session)
            if row is None:
                new_state = (state or "submitted") if manager else "draft"
                row = m.DirectoryService(office_id=office.id, uid=cleaned.uid, created_at=now)
                session.add(row)
                created = True
            else:
                created = False
                if manager:
                    new_state = state or row.state
                elif row.state == "withdrawn":
                    raise ConflictError("directory_wrong_state", name=cleaned.italian["name"], status=row.state,
                                        action="edit_own_directory")
                elif row.state == "published":
                    # the published content stays what the counter serves: the change waits for the review
                    return self._save_revision(session, office, organisation, row, cleaned, now, actor)
                else:
                    new_state = "draft" if row.state == "draft" else "submitted"
            self._apply(session, office, organisation, row, cleaned, now, actor, new_state, manager=manager)
            self.auth.audit_log.record(session, actor.audit, "directory.service", "directory_service", row.uid,
                                       detail={"created": created, "state": row.state,
                                               "organisation": organisation.uid})
            return self._values(session, office, [row], (SOURCE_LANGUAGE,), with_revision=True)[0]

        return self._audited(actor, work)

    def _apply(self, session: Session, office: Office, organisation: m.DirectoryOrganisation,
               row: m.DirectoryService, cleaned: CleanService, now: datetime, actor: Actor, new_state: str, *,
               manager: bool) -> None:
        """Write ``cleaned`` as the entry's live (counter-visible) content: columns, Italian texts, contacts,
        places. The caller audits."""
        row.organisation_id = organisation.id
        row.state, row.status, row.free = new_state, cleaned.status, cleaned.free
        row.categories, row.languages = list(cleaned.categories), list(cleaned.languages)
        row.documents = len(cleaned.documents)
        row.extra = dict(cleaned.extra)
        if cleaned.last_confirmed is not None and manager:  # an import carries the organisation's own date
            row.last_confirmed = cleaned.last_confirmed
        row.updated_at, row.updated_by = now, actor.username[:64]
        session.flush()
        self._write_texts(session, office.id, row.uid, cleaned, now, actor, translations=actor.can("edit_content"))
        self._write_contacts(session, cleaned.contacts, service_id=row.id)
        session.execute(delete(m.DirectoryServiceAtLocation)
                        .where(m.DirectoryServiceAtLocation.service_id == row.id))
        for position, location in enumerate(cleaned.locations):
            place = self._upsert_location(session, office.id, organisation, location, now)
            session.add(m.DirectoryServiceAtLocation(service_id=row.id, location_id=place.id, position=position))
        session.flush()

    def _save_revision(self, session: Session, office: Office, organisation: m.DirectoryOrganisation,
                       row: m.DirectoryService, cleaned: CleanService, now: datetime,
                       actor: Actor) -> DirectoryService:
        """A partner's change of a published entry: kept as the pending snapshot (replacing an earlier one), the
        live content untouched (:mod:`desk_app.core.directory_revision`). Audited (``directory.revision``)."""
        for location in cleaned.locations:  # refused now, not when the office publishes
            owner = session.execute(select(m.DirectoryLocation.organisation_id)
                                    .where(m.DirectoryLocation.uid == location.uid)).scalar()
            if owner is not None and owner != organisation.id:
                raise PermissionDeniedError("not_own_organisation")
        replaced = row.pending is not None
        row.pending, row.pending_at, row.pending_by = revision.snapshot(cleaned), now, actor.username[:64]
        session.flush()
        self.auth.audit_log.record(session, actor.audit, "directory.revision", "directory_service", row.uid,
                                   detail={"state": row.state, "replaced": replaced,
                                           "organisation": organisation.uid})
        return self._values(session, office, [row], (SOURCE_LANGUAGE,), with_revision=True)[0]

    def _write_texts(self, session: Session, office_id: int, uid: str, cleaned: CleanService, now: datetime,
                     actor: Actor, *, translations: bool) -> None:
        """The Italian source rows of the service (and, when allowed, translations); drop texts of gone fields."""
        # Every key the service can have, by name: an IN list uses the (office, key, lang) index, where a prefix
        # LIKE may scan the office's texts once per service (SQLite uses no index for LIKE by default).
        possible = [text_key(uid, name) for name in SERVICE_TEXT_FIELDS]
        possible += [text_key(uid, f"documents.{n}") for n in range(1, MAX_DOCUMENTS + 1)]
        existing = {(row.key, row.lang): row for row in session.execute(select(ContentText).where(
            ContentText.office_id == office_id, ContentText.key.in_(possible))).scalars()}
        wanted = {text_key(uid, name): text for name, text in cleaned.italian.items() if text}
        wanted |= {text_key(uid, f"documents.{n}"): text for n, text in enumerate(cleaned.documents, start=1)}
        who = actor.username[:64]
        for key, text in wanted.items():
            row = existing.get((key, SOURCE_LANGUAGE))
            if row is None:
                row = ContentText(office_id=office_id, key=key, lang=SOURCE_LANGUAGE, verify="")
                session.add(row)
                existing[(key, SOURCE_LANGUAGE)] = row
            elif row.text == text:
                continue
            row.text, row.source_digest, row.status = text, text_digest(text), "reviewed"
            row.edited, row.updated_at, row.updated_by = True, now, who
        for (key, lang), row in list(existing.items()):
            if key not in wanted:
                session.delete(row)
                del existing[(key, lang)]
        if translations:
            for lang, texts in cleaned.translations.items():
                for name, (text, status) in texts.items():
                    key = text_key(uid, name)
                    if key not in wanted:
                        continue
                    digest = text_digest(wanted[key])
                    row = existing.get((key, lang))
                    if row is None:
                        row = ContentText(office_id=office_id, key=key, lang=lang, verify="")
                        session.add(row)
                    elif (row.text, row.source_digest, row.status) == (text, digest, status):
                        continue
                    row.text, row.source_digest, row.status = text, digest, status
                    row.edited, row.updated_at, row.updated_by = True, now, who
        session.flush()

    @staticmethod
    def _write_contacts(session: Session, contacts: Sequence[Contact], *, service_id: int | None = None,
                        organisation_id: int | None = None) -> None:
        owner = (m.DirectoryContact.service_id == service_id if service_id is not None
                 else m.DirectoryContact.organisation_id == organisation_id)
        session.execute(delete(m.DirectoryContact).where(owner))
        for position, contact in enumerate(contacts):
            session.add(m.DirectoryContact(service_id=service_id, organisation_id=organisation_id, position=position,
                                           kind=contact.kind, value=contact.value, label=contact.label))
        session.flush()

    def _transition(self, actor: Actor, uid: str, action: str, allowed_from: tuple[str, ...], target: str, *,
                    partner_allowed: bool, detail: Mapping[str, Any] | None = None) -> DirectoryService:
        permissions = ("edit_own_directory", "manage_directory") if partner_allowed else ("manage_directory",)
        self._require_any(actor, permissions, "directory_service", uid)
        service_uid = clean_uid(uid)
        now = self.clock.now()

        def work(session: Session) -> DirectoryService:
            office = self._office(session, actor)
            row = self._service_row(session, office.id, service_uid)
            if partner_allowed:
                self._may_edit(session, actor, session.get(m.DirectoryOrganisation, row.organisation_id))  # type: ignore[arg-type]
            else:
                self.auth.require(actor, "manage_directory", "directory_service", service_uid, session=session)
            pending_publish = action == "publish_directory_entry" and row.pending is not None
            if row.state not in allowed_from and not pending_publish:
                name = session.execute(select(ContentText.text).where(
                    ContentText.office_id == office.id, ContentText.key == text_key(row.uid, "name"),
                    ContentText.lang == SOURCE_LANGUAGE)).scalar() or row.uid
                raise ConflictError("directory_wrong_state", name=name, status=row.state, action=action)
            before = row.state
            revised = action == "publish_directory_entry" and row.pending is not None
            if revised:  # the reviewed revision becomes the published content (translations of changed texts stale)
                organisation = session.get(m.DirectoryOrganisation, row.organisation_id)
                assert organisation is not None  # a foreign key of the row
                self._apply(session, office, organisation, row, self._pending_clean(row), now, actor, target,
                            manager=False)
                row.pending, row.pending_at, row.pending_by = None, None, ""
            row.state = target or row.state  # confirming keeps the state
            if action == "confirm_directory_entry":
                row.last_confirmed = self._today(office)
            row.updated_at, row.updated_by = now, actor.username[:64]
            session.flush()
            extra = {"revision": True} if revised else {}
            self.auth.audit_log.record(session, actor.audit, f"directory.{action.split('_')[0]}", "directory_service",
                                       row.uid, detail={"from": before, "to": row.state, **extra, **(detail or {})})
            return self._values(session, office, [row], (SOURCE_LANGUAGE,), with_revision=True)[0]

        return self._audited(actor, work)

    def submit(self, actor: Actor, service_uid: str) -> DirectoryService:
        """A draft goes to the office for review (``submitted``). The partner of its organisation, or office
        staff with ``manage_directory``. Audited."""
        return self._transition(actor, service_uid, "submit_directory_entry", ("draft",), "submitted",
                                partner_allowed=True)

    def publish(self, actor: Actor, service_uid: str) -> DirectoryService:
        """The office publishes the entry: the counter, the export and the public site show it. From ``draft``,
        ``submitted`` or ``withdrawn``, or a ``published`` one with a partner's pending revision, which then
        replaces the published content (Italian texts, hours, contacts, places, codes; the translations of changed
        texts go stale) and is cleared. Needs ``manage_directory``; audited."""
        return self._transition(actor, service_uid, "publish_directory_entry", ("draft", "submitted", "withdrawn"),
                                "published", partner_allowed=False)

    @staticmethod
    def _pending_clean(row: m.DirectoryService) -> CleanService:
        snap = revision.from_snapshot(row.pending or {})
        return CleanService(uid=row.uid, organisation_uid=snap.organisation_uid, italian=snap.italian,
                            documents=snap.documents, categories=snap.categories, languages=snap.languages,
                            free=snap.free, status=snap.status, contacts=snap.contacts, locations=snap.locations,
                            last_confirmed=None, extra=snap.extra)

    def reject_revision(self, actor: Actor, service_uid: str, reason: str = "") -> DirectoryService:
        """The office turns down a partner's pending revision of a published entry: the revision is dropped, the
        published content and state stay as they are. Needs ``manage_directory``; audited with the reason
        (``directory.reject_revision``); ``directory_wrong_state`` when the entry has no pending revision."""
        self.auth.require(actor, "manage_directory", "directory_service", service_uid)
        uid = clean_uid(service_uid)
        why = clean_text(reason, "reason", 300, required=False)

        def work(session: Session) -> DirectoryService:
            office = self._office(session, actor)
            row = self._service_row(session, office.id, uid)
            if row.pending is None:
                name = session.execute(select(ContentText.text).where(
                    ContentText.office_id == office.id, ContentText.key == text_key(row.uid, "name"),
                    ContentText.lang == SOURCE_LANGUAGE)).scalar() or row.uid
                raise ConflictError("directory_wrong_state", name=name, status=row.state,
                                    action="reject_directory_revision")
            by = row.pending_by
            row.pending, row.pending_at, row.pending_by = None, None, ""
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "directory.reject_revision", "directory_service",
                                       row.uid, detail={"state": row.state, "revision_by": by,
                                                        **({"reason": why} if why else {})})
            return self._values(session, office, [row], (SOURCE_LANGUAGE,), with_revision=True)[0]

        return self.db.write(work)

    def withdraw(self, actor: Actor, service_uid: str, reason: str = "") -> DirectoryService:
        """The office hides the entry (``withdrawn``) from the counter, the export and the site; kept, publishable
        again. A partner's pending revision is kept too (publishing the entry again applies it; reject it first to
        publish the old content). Needs ``manage_directory``; audited with the reason."""
        why = clean_text(reason, "reason", 300, required=False)
        return self._transition(actor, service_uid, "withdraw_directory_entry", ("draft", "submitted", "published"),
                                "withdrawn", partner_allowed=False, detail={"reason": why} if why else None)

    def confirm(self, actor: Actor, service_uid: str) -> DirectoryService:
        """The organisation says the entry is still right: ``last_confirmed`` becomes today (the office's day), which
        clears ``needs_reconfirmation``. Its partner, or office staff with ``manage_directory``; state unchanged;
        audited."""
        return self._transition(actor, service_uid, "confirm_directory_entry", ENTRY_STATES[:3], "",
                                partner_allowed=True)

    # -- partners -------------------------------------------------------------------------------------------------
    def link_partner(self, actor: Actor, username: str, organisation_uid: str) -> PartnerLink:
        """Link a ``partner`` account of the office to the one organisation it edits (replacing an earlier link).
        Needs ``manage_directory``; audited."""
        self.auth.require(actor, "manage_directory", "staff", username)
        name = clean_username(username)
        org_uid = clean_uid(organisation_uid, "organisation")
        now = self.clock.now()

        def work(session: Session) -> PartnerLink:
            office = self._office(session, actor)
            staff = session.execute(select(Staff).where(Staff.username == name)).scalar()
            if staff is None or staff.office_id != office.id:
                raise NotFoundError("unknown_staff", value=name)
            if staff.role != "partner":
                raise ValidationError("not_a_partner", value=name)
            organisation = self._organisation_row(session, office.id, org_uid)
            link = session.get(m.DirectoryPartner, staff.id)
            if link is None:
                session.add(m.DirectoryPartner(staff_id=staff.id, organisation_id=organisation.id, linked_at=now,
                                               linked_by=actor.username[:64]))
            else:
                link.organisation_id, link.linked_at, link.linked_by = organisation.id, now, actor.username[:64]
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "directory.link_partner", "staff", staff.id,
                                       detail={"organisation": organisation.uid})
            return PartnerLink(name, organisation.uid, organisation.name)

        return self.db.write(work)

    def my_organisation(self, actor: Actor) -> DirectoryOrganisation:
        """The organisation a partner account edits (``partner_unlinked`` when the office has not linked it)."""
        self.auth.require(actor, "edit_own_directory", "directory_organisation")

        def work(session: Session) -> DirectoryOrganisation:
            self._office(session, actor)
            organisation_id = self._partner_organisation(session, actor)
            row = session.get(m.DirectoryOrganisation, organisation_id) if organisation_id else None
            if row is None:
                raise NotFoundError("partner_unlinked", value=actor.username)
            return self._organisation_value(session, row)

        return self.db.read(work)

    # -- reading --------------------------------------------------------------------------------------------------
    def services(self, actor: Actor, *, state: str | None = None, organisation_uid: str | None = None,
                 reconfirm_only: bool = False, lang: str = SOURCE_LANGUAGE,
                 revised_only: bool = False) -> list[DirectoryService]:
        """Entries in every state, for review: office staff (``manage_directory``) see the office's, a partner its
        organisation's, each with its pending ``revision``. Filter by ``state``, organisation, only those that
        ``needs_reconfirmation``, or only those with a pending revision (``revised_only``); texts in Italian and
        ``lang``. Sorted by organisation then name."""
        self._require_any(actor, ("edit_own_directory", "manage_directory"), "directory_service")
        if state is not None:
            state = clean_choice(state, "state", ENTRY_STATES)
        lang = clean_choice(lang, "language", LANGUAGES)
        org_uid = clean_uid(organisation_uid, "organisation") if organisation_uid else None

        def work(session: Session) -> list[DirectoryService]:
            office = self._office(session, actor)
            query = select(m.DirectoryService).where(m.DirectoryService.office_id == office.id)
            if not actor.can("manage_directory"):
                query = query.where(m.DirectoryService.organisation_id == self._partner_organisation(session, actor))
            if state is not None:
                query = query.where(m.DirectoryService.state == state)
            if revised_only:
                query = query.where(m.DirectoryService.pending.is_not(None))
            if org_uid is not None:
                query = query.where(m.DirectoryService.organisation_id == self._organisation_row(
                    session, office.id, org_uid).id)
            values = self._values(session, office, session.execute(query).scalars().all(),
                                  tuple(dict.fromkeys((SOURCE_LANGUAGE, lang))), with_revision=True)
            if reconfirm_only:
                values = [v for v in values if v.needs_reconfirmation]
            return sorted(values, key=lambda v: (normalise(v.organisation.name), normalise(v.text("name").text)))

        return self.db.read(work)

    def service(self, actor: Actor, service_uid: str, lang: str | None = None) -> DirectoryService:
        """One entry with its texts in ``lang`` (``None``: every language). A published one for anyone who may
        ``refer``; any state for ``manage_directory`` and for the partner of its organisation."""
        self._require_any(actor, ("refer", "edit_own_directory", "manage_directory"), "directory_service",
                          service_uid)
        uid = clean_uid(service_uid)
        langs = LANGUAGES if lang is None else tuple(dict.fromkeys((SOURCE_LANGUAGE,
                                                                   clean_choice(lang, "language", LANGUAGES))))

        def work(session: Session) -> DirectoryService:
            office = self._office(session, actor)
            row = self._service_row(session, office.id, uid)
            if row.state != "published" and not actor.can("manage_directory"):
                if not actor.can("edit_own_directory"):
                    raise NotFoundError("unknown_directory_entry", value=uid)
                self._may_edit(session, actor, session.get(m.DirectoryOrganisation, row.organisation_id))  # type: ignore[arg-type]
            editor = actor.can("manage_directory") or actor.can("edit_own_directory")
            return self._values(session, office, [row], langs, with_revision=editor)[0]

        return self._audited(actor, work, write=False)

    def published(self, lang: str | None = None, office_code: str | None = None) -> list[DirectoryService]:
        """Every published entry of the office, by organisation and name, with texts in Italian and ``lang``
        (``None``: all 13 languages: the HSDS export and the public site). Public information: no permission."""
        langs = LANGUAGES if lang is None else tuple(dict.fromkeys((SOURCE_LANGUAGE,
                                                                   clean_choice(lang, "language", LANGUAGES))))

        def work(session: Session) -> list[DirectoryService]:
            from desk_app.core.office import resolve_office

            office = resolve_office(session, office_code or self.office_code)
            rows = session.execute(select(m.DirectoryService).where(
                m.DirectoryService.office_id == office.id, m.DirectoryService.state == "published")).scalars().all()
            values = self._values(session, office, rows, langs)
            return sorted(values, key=lambda v: (normalise(v.organisation.name), normalise(v.text("name").text)))

        return self.db.read(work)

    def category_names(self, lang: str = SOURCE_LANGUAGE, office_code: str | None = None) -> dict[str, Localised]:
        """Each category's name in ``lang`` (the Italian when the translation is missing or stale; the code itself
        when the office has no name for it), in :data:`CATEGORIES` order. Public texts: no permission."""
        lang = clean_choice(lang, "language", LANGUAGES)

        def work(session: Session) -> dict[str, Localised]:
            from desk_app.core.office import resolve_office

            office = resolve_office(session, office_code or self.office_code)
            texts = self._texts(session, office.id, [category_key(c) for c in CATEGORIES], (SOURCE_LANGUAGE, lang))
            return {code: _localised(texts, category_key(code), lang) or Localised(code, "it", "missing", code)
                    for code in CATEGORIES}

        return self.db.read(work)

    # -- search and referrals -------------------------------------------------------------------------------------
    def search(self, actor: Actor, words: str = "", category: str | None = None, place: str | None = None,
               language: str | None = None, lang: str = SOURCE_LANGUAGE, limit: int = 50) -> list[DirectoryService]:
        """Published entries matching everything given, best first; texts in Italian and ``lang``.

        Args:
            words: every word must begin a word of the entry (its texts in Italian and in ``lang``, its
                organisation, its categories' names, its places); accents and case do not matter. Entries whose
                name holds the words come first, then by name.
            category: a code of :data:`CATEGORIES`.
            place: a town (or its beginning), a postcode or a province code of one of the entry's locations.
            language: an ISO code the service must speak (:data:`SPOKEN_LANGUAGES`).
            lang: the user's language (one of the 13), for the texts and the matching.
            limit: at most this many (1-500).

        Needs ``refer``. Answers from an index kept per office and language, rebuilt when the directory or its texts
        changed (another desk's edit included).
        """
        self.auth.require(actor, "refer", "directory", "search")
        query = clean_text(words, "search", 200, required=False)
        wanted = list(dict.fromkeys(words_of(query)))[:MAX_WORDS]
        if category:
            category = clean_choice(category, "categories", CATEGORIES)
        place_words = words_of(clean_text(place, "place", 80, required=False)) if place else []
        if language:
            language = clean_choice(language.strip().lower(), "languages", SPOKEN_LANGUAGES)
        lang = clean_choice(lang, "language", LANGUAGES)
        limit = clean_int(limit, "limit", 1, 500)
        index = self._index(actor, lang)
        candidates: set[int] | None = None
        for word in wanted:
            found = index.matching(word)
            candidates = found if candidates is None else candidates & found
            if not candidates:
                return []
        chosen = range(len(index.services)) if candidates is None else candidates
        hits: list[tuple[int, str, int]] = []
        for i in chosen:
            service = index.services[i]
            if category and category not in service.categories:
                continue
            if language and language not in service.languages:
                continue
            if place_words and not all(any(p.startswith(w) for p in index.places[i]) for w in place_words):
                continue
            in_name = sum(1 for w in wanted if any(t.startswith(w) for t in index.name_words[i]))
            hits.append((-in_name, index.sort_names[i], i))
        hits.sort()
        return [index.services[i] for _, _, i in hits[:limit]]

    def _index(self, actor: Actor, lang: str) -> _Index:
        """The office's search index for ``lang``, checked against the database in ONE query per search, rebuilt
        in one read transaction when its fingerprint moved.

        The fingerprint (:meth:`_fingerprint`): counts of the office's services (all, published), the
        newest change of its services, organisations, locations and texts, the office's time zone and day, the
        stored re-confirmation age. Any desk's or process's committed change moves one of them, so the next search
        anywhere sees it (the index is never trusted without that read). A change made at the very same clock
        instant as the one before it and counting nothing new (possible only with a frozen test clock) would not be
        seen until the next change.

        Why one query: on PostgreSQL each round trip of a read costs ~0.1-0.3 ms idle and far more on a loaded
        server; the office's row, the settings and the fingerprint were three reads (p95 60-76 ms under load).
        The office's id is remembered per office code after the first search (ids never change; a removed office
        sends the search back to the full lookup, which names the error). A dropped text needs no count of its
        own: texts are dropped only by :meth:`put_service`, which moves the service's ``updated_at``.
        """

        def work(session: Session) -> _Index:
            known = self._office_ids.get(self.office_code)
            stamp: tuple[Any, ...] | None = None
            office: Office | None = None
            if known is not None:
                self.auth.require_office(actor, known, session)
                stamp = self._fingerprint(session, known)
            if known is None or stamp is None:  # first search of this instance, or the office is gone
                office = self._office(session, actor)
                known = office.id
                self._office_ids[self.office_code] = known
                stamp = self._fingerprint(session, known)
                if stamp is None:  # pragma: no cover - the office was just read in this transaction
                    raise NotFoundError("no_office")
            key = (known, lang)
            with self._lock:
                cached = self._indexes.get(key)
            if cached is not None and cached.fingerprint == stamp:
                return cached
            if office is None:
                office = self._office(session, actor)
            rows = session.execute(select(m.DirectoryService).where(
                m.DirectoryService.office_id == office.id, m.DirectoryService.state == "published")).scalars().all()
            values = self._values(session, office, rows, tuple(dict.fromkeys((SOURCE_LANGUAGE, lang))))
            names = self._texts(session, office.id, [category_key(c) for c in CATEGORIES], (SOURCE_LANGUAGE, lang))
            built = _build_index(stamp, values, names, lang)
            with self._lock:
                self._indexes[key] = built
            return built

        return self.db.read(work)

    def _fingerprint(self, session: Session, office_id: int) -> tuple[Any, ...] | None:
        """Everything a search's answer depends on, in one query; ``None`` when the office no longer exists."""
        s, o, loc, t, st = m.DirectoryService, m.DirectoryOrganisation, m.DirectoryLocation, ContentText, OfficeSetting
        found = session.execute(select(
            Office.timezone,
            select(func.count(s.id)).where(s.office_id == office_id).scalar_subquery(),
            select(func.count(s.id)).where(s.office_id == office_id, s.state == "published").scalar_subquery(),
            select(func.max(s.updated_at)).where(s.office_id == office_id).scalar_subquery(),
            select(func.max(o.updated_at)).where(o.office_id == office_id).scalar_subquery(),
            select(func.max(loc.updated_at)).where(loc.office_id == office_id).scalar_subquery(),
            select(func.max(t.updated_at)).where(t.office_id == office_id).scalar_subquery(),
            select(st.value).where(st.office_id == office_id, st.name == "directory_reconfirm_days")
            .scalar_subquery(),
        ).where(Office.id == office_id)).one_or_none()
        if found is None:
            return None
        timezone = found[0] or "Europe/Rome"
        # the raw stored value is enough to tell a change; _values reads it through read_settings when rebuilding
        return (*tuple(found), local_day(self.clock.now(), timezone))

    def refer(self, actor: Actor, service_uid: str, lang: str, ticket_id: int | None = None,
              case_id: int | None = None, category: str | None = None) -> int:
        """Record that the counter referred a user, speaking ``lang``, to a published service; return its id.

        ``category``: the need the referral answers (one of the service's categories; default its first).
        ``ticket_id`` / ``case_id``: the visit, when there is one (of this office). The record holds no name and
        no free text: office, day, service, category, language, and those two links. Needs ``refer``; audited.
        """
        self.auth.require(actor, "refer", "directory_service", service_uid)
        uid = clean_uid(service_uid)
        lang = clean_choice(lang, "language", LANGUAGES)
        ticket = clean_id(ticket_id, "ticket") if ticket_id is not None else None
        case = clean_id(case_id, "case") if case_id is not None else None
        if category is not None:
            category = clean_choice(category, "categories", CATEGORIES)

        def work(session: Session) -> int:
            office = self._office(session, actor)
            row = self._service_row(session, office.id, uid)
            if row.state != "published":
                raise NotFoundError("unknown_directory_entry", value=uid)
            chosen = category or (row.categories[0] if row.categories else "")
            if chosen not in row.categories:
                raise ValidationError("bad_choice", field="categories", value=chosen,
                                      allowed=", ".join(row.categories))
            if ticket is not None and session.execute(select(Ticket.office_id).where(
                    Ticket.id == ticket)).scalar() != office.id:
                raise NotFoundError("unknown_ticket", value=str(ticket))
            if case is not None and session.execute(select(Case.office_id).where(
                    Case.id == case)).scalar() != office.id:
                raise NotFoundError("unknown_case", value=str(case))
            referral = m.DirectoryReferral(office_id=office.id, day=self._today(office), service_uid=row.uid,
                                           category=chosen, language=lang, ticket_id=ticket, case_id=case)
            session.add(referral)
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "directory.refer", "directory_service", row.uid,
                                       detail={"category": chosen, "language": lang, "referral": referral.id})
            return referral.id

        return self.db.write(work)

    def referral_counts(self, actor: Actor, start: str | date, end: str | date) -> ReferralCounts:
        """Referrals made from ``start`` to ``end`` (office days, both included) by category and language: counts,
        never who. Needs ``export_reports``."""
        self.auth.require(actor, "export_reports", "directory_referral")
        first, last = parse_date_range(start, end)

        def work(session: Session) -> ReferralCounts:
            office = self._office(session, actor)
            return referral_counts_in(session, office, first, last)

        return self.db.read(work)

    # -- the shipped demo directory -------------------------------------------------------------------------------
    def load_file(self, actor: Actor, path: Path | None = None, *, state: str = "published") -> LoadResult:
        """Write the organisations, locations and services of a directory TOML file (default: the shipped Lodi demo,
        ``resources/directory/lodi.toml``) in ``state``; idempotent (stable uids: ``uuid5`` of each entry's key
        when it has no ``uid``). The category names (Italian, with the file's drafted translations) come too.
        Needs ``manage_directory``; one audited transaction; a bad value refuses the whole file."""
        self.auth.require(actor, "manage_directory", "directory", "load")
        state = clean_choice(state, "state", ENTRY_STATES)
        source = path or resource_path("directory", "lodi.toml")
        organisations, services, categories = read_directory_file(Path(source))
        now = self.clock.now()

        def work(session: Session) -> LoadResult:
            office = self._office(session, actor)
            self._write_category_names(session, office.id, categories, now, actor)
            org_rows: dict[str, m.DirectoryOrganisation] = {}
            for organisation in organisations:
                cleaned = clean_organisation(organisation)
                row = session.execute(select(m.DirectoryOrganisation)
                                      .where(m.DirectoryOrganisation.uid == cleaned.uid)).scalar()
                if row is None:
                    row = m.DirectoryOrganisation(office_id=office.id, uid=cleaned.uid)
                    session.add(row)
                elif row.office_id != office.id:
                    raise NotFoundError("unknown_directory_entry", value=cleaned.uid)
                row.name, row.description, row.website, row.email = (cleaned.name, cleaned.description,
                                                                      cleaned.website, cleaned.email)
                row.updated_at, row.updated_by = now, actor.username[:64]
                session.flush()
                self._write_contacts(session, cleaned.contacts, organisation_id=row.id)
                org_rows[row.uid] = row
            places: set[str] = set()
            for service in services:
                cleaned_service = clean_service(service)
                organisation_row = org_rows.get(cleaned_service.organisation_uid) or self._organisation_row(
                    session, office.id, cleaned_service.organisation_uid)
                row_s = session.execute(select(m.DirectoryService)
                                        .where(m.DirectoryService.uid == cleaned_service.uid)).scalar()
                if row_s is None:
                    row_s = m.DirectoryService(office_id=office.id, uid=cleaned_service.uid, created_at=now)
                    session.add(row_s)
                elif row_s.office_id != office.id:
                    raise NotFoundError("unknown_directory_entry", value=cleaned_service.uid)
                row_s.organisation_id, row_s.state, row_s.status = organisation_row.id, state, cleaned_service.status
                row_s.free, row_s.categories = cleaned_service.free, list(cleaned_service.categories)
                row_s.languages, row_s.documents = list(cleaned_service.languages), len(cleaned_service.documents)
                row_s.extra, row_s.last_confirmed = dict(cleaned_service.extra), cleaned_service.last_confirmed
                row_s.updated_at, row_s.updated_by = now, actor.username[:64]
                session.flush()
                self._write_texts(session, office.id, row_s.uid, cleaned_service, now, actor, translations=True)
                self._write_contacts(session, cleaned_service.contacts, service_id=row_s.id)
                session.execute(delete(m.DirectoryServiceAtLocation)
                                .where(m.DirectoryServiceAtLocation.service_id == row_s.id))
                for position, location in enumerate(cleaned_service.locations):
                    place = self._upsert_location(session, office.id, organisation_row, location, now)
                    places.add(place.uid)
                    session.add(m.DirectoryServiceAtLocation(service_id=row_s.id, location_id=place.id,
                                                             position=position))
                session.flush()
            result = LoadResult(len(org_rows), len(services), len(places))
            self.auth.audit_log.record(session, actor.audit, "directory.load", "directory", Path(source).name[:60],
                                       detail={"organisations": result.organisations, "services": result.services,
                                               "state": state})
            return result

        return self.db.write(work)

    def _write_category_names(self, session: Session, office_id: int,
                              categories: Mapping[str, Mapping[str, str]], now: datetime, actor: Actor) -> None:
        """The category names as content texts: Italian source, other languages as drafts (never over an office
        edit of the same text)."""
        existing = {(row.key, row.lang): row for row in session.execute(select(ContentText).where(
            ContentText.office_id == office_id,
            ContentText.key.startswith(f"{KEY_PREFIX}category.", autoescape=True))).scalars()}
        for code, names in categories.items():
            italian = names.get(SOURCE_LANGUAGE, "")
            if not italian:
                continue
            key, digest = category_key(code), text_digest(italian)
            for lang, text in names.items():
                row = existing.get((key, lang))
                if row is not None and (row.edited and row.updated_by != actor.username[:64]):
                    continue
                if row is None:
                    row = ContentText(office_id=office_id, key=key, lang=lang, verify="")
                    session.add(row)
                status = "reviewed" if lang == SOURCE_LANGUAGE else "draft"
                if (row.text, row.source_digest, row.status) == (text, digest, status):
                    continue
                row.text, row.source_digest, row.status = text, digest, status
                row.edited, row.updated_at, row.updated_by = False, now, "directory"
        session.flush()

    # -- building the plain values --------------------------------------------------------------------------------
    @staticmethod
    def _texts(session: Session, office_id: int, keys: Sequence[str] | None,
               langs: Sequence[str]) -> dict[tuple[str, str], TextRow]:
        """The texts ``keys`` (``None``: every directory text) in ``langs``, as plain rows (key, lang, text,
        source_digest, status): a whole office's directory is tens of thousands of them, ORM objects cost 3x."""
        query = select(ContentText.key, ContentText.lang, ContentText.text, ContentText.source_digest,
                       ContentText.status).where(ContentText.office_id == office_id,
                                                 ContentText.lang.in_(tuple(langs)))
        if keys is None:
            query = query.where(ContentText.key.startswith(KEY_PREFIX, autoescape=True))
        else:
            query = query.where(ContentText.key.in_(tuple(keys)))
        return {(row.key, row.lang): row for row in session.execute(query)}

    def _values(self, session: Session, office: Office, rows: Sequence[m.DirectoryService],
                langs: Sequence[str], *, with_revision: bool = False) -> list[DirectoryService]:
        """The plain :class:`DirectoryService` of ``rows``, read in a few set queries (not one per service); with
        ``with_revision`` a pending revision is attached (``revision``), for the partner and the office only."""
        if not rows:
            return []
        service_ids = [row.id for row in rows]
        org_ids = sorted({row.organisation_id for row in rows})
        organisations = {row.id: row for row in session.execute(
            select(m.DirectoryOrganisation).where(m.DirectoryOrganisation.id.in_(org_ids))).scalars()}
        contacts: dict[tuple[str, int], list[Contact]] = {}
        for c in session.execute(select(m.DirectoryContact).where(
                (m.DirectoryContact.service_id.in_(service_ids)) | (m.DirectoryContact.organisation_id.in_(org_ids)))
                .order_by(m.DirectoryContact.position)).scalars():
            owner = ("s", c.service_id) if c.service_id is not None else ("o", c.organisation_id or 0)
            contacts.setdefault(owner, []).append(Contact(c.kind, c.value, c.label))
        places: dict[int, list[DirectoryLocation]] = {}
        for link, location in session.execute(
                select(m.DirectoryServiceAtLocation, m.DirectoryLocation)
                .join(m.DirectoryLocation, m.DirectoryLocation.id == m.DirectoryServiceAtLocation.location_id)
                .where(m.DirectoryServiceAtLocation.service_id.in_(service_ids))
                .order_by(m.DirectoryServiceAtLocation.position)).all():
            places.setdefault(link.service_id, []).append(self._location_value(location))
        if len(rows) > 200:  # most of the office: one pass over its directory texts beats a long IN list
            texts = self._texts(session, office.id, None, langs)
        else:
            keys = [text_key(row.uid, name) for row in rows for name in SERVICE_TEXT_FIELDS]
            keys += [text_key(row.uid, f"documents.{n}") for row in rows for n in range(1, row.documents + 1)]
            texts = self._texts(session, office.id, keys, langs)
        reconfirm_days = int(read_settings(session, office).values.get("directory_reconfirm_days", 365))
        today = self._today(office)
        org_values = {oid: DirectoryOrganisation(o.uid, o.name, o.description, o.website, o.email,
                                                 tuple(contacts.get(("o", oid), ())))
                      for oid, o in organisations.items()}
        values = []
        for row in rows:
            fields = [*SERVICE_TEXT_FIELDS, *(f"documents.{n}" for n in range(1, row.documents + 1))]
            by_lang: dict[str, dict[str, Localised]] = {}
            for lang in langs:
                found = {name: loc for name in fields
                         if (loc := _localised(texts, text_key(row.uid, name), lang)) is not None}
                by_lang[lang] = found
            stale = row.last_confirmed is None or (today - row.last_confirmed) > timedelta(days=reconfirm_days)
            values.append(DirectoryService(
                uid=row.uid, organisation=org_values[row.organisation_id], texts=by_lang, documents=row.documents,
                categories=tuple(row.categories or ()), languages=tuple(row.languages or ()),
                locations=tuple(places.get(row.id, ())), contacts=tuple(contacts.get(("s", row.id), ())),
                free=row.free, status=row.status, state=row.state, last_confirmed=row.last_confirmed,
                needs_reconfirmation=stale, updated_at=row.updated_at, extra=dict(row.extra or {}),
                revision=(revision.revision_value(row.pending, org_values[row.organisation_id], row.last_confirmed,
                                                  row.pending_at)
                          if with_revision and row.pending is not None else None),
                revision_by=row.pending_by if with_revision and row.pending is not None else "",
                revision_at=row.pending_at if with_revision and row.pending is not None else None))
        return values

    @staticmethod
    def _organisation_value(session: Session, row: m.DirectoryOrganisation) -> DirectoryOrganisation:
        contacts = tuple(Contact(c.kind, c.value, c.label) for c in session.execute(
            select(m.DirectoryContact).where(m.DirectoryContact.organisation_id == row.id)
            .order_by(m.DirectoryContact.position)).scalars())
        return DirectoryOrganisation(row.uid, row.name, row.description, row.website, row.email, contacts)

    @staticmethod
    def _location_value(row: m.DirectoryLocation) -> DirectoryLocation:
        hours = tuple(OpeningHours(int(str(h[0])), time.fromisoformat(str(h[1])), time.fromisoformat(str(h[2])),
                                   str(h[3]) if len(h) > 3 else "") for h in row.hours or ())
        return DirectoryLocation(row.uid, row.name, Address(row.street, row.postcode, row.city, row.province,
                                                            row.country),
                                 hours, row.latitude, row.longitude, row.accessibility)


def referral_counts_in(session: Session, office: Office, first: date, last: date) -> ReferralCounts:
    """:meth:`ServiceDirectory.referral_counts` inside the caller's read (the monitoring indicators use it)."""
    r = m.DirectoryReferral
    rows = [(str(c), str(lang), int(n)) for c, lang, n in session.execute(
        select(r.category, r.language, func.count(r.id)).where(r.office_id == office.id, r.day >= first,
                                                                 r.day <= last)
        .group_by(r.category, r.language).order_by(r.category, r.language)).all()]
    by_category: Counter[str] = Counter()
    by_language: Counter[str] = Counter()
    for category, lang, count in rows:
        by_category[category] += count
        by_language[lang] += count
    return ReferralCounts(office.code, first, last, rows, dict(sorted(by_category.items())),
                          dict(sorted(by_language.items())), sum(by_category.values()))


def _localised(texts: Mapping[tuple[str, str], TextRow], key: str, lang: str) -> Localised | None:
    """The text ``key`` in ``lang`` as a :class:`Localised` (the Italian, marked, when the translation is missing or
    stale); ``None`` when there is no Italian either."""
    source = texts.get((key, SOURCE_LANGUAGE))
    if source is None:
        return None
    if lang == SOURCE_LANGUAGE:
        return Localised(source.text, SOURCE_LANGUAGE, "reviewed", source.text)
    row = texts.get((key, lang))
    if row is None or not row.text.strip():
        return Localised(source.text, SOURCE_LANGUAGE, "missing", source.text)
    if row.source_digest != source.source_digest:
        return Localised(source.text, SOURCE_LANGUAGE, "stale", source.text)
    return Localised(row.text, lang, row.status, source.text)


def _hours_json(hours: Iterable[OpeningHours]) -> list[list[object]]:
    return [[h.weekday, h.opens.strftime("%H:%M"), h.closes.strftime("%H:%M"), h.note] for h in hours]


def _build_index(stamp: tuple[Any, ...], values: list[DirectoryService],
                 category_names: Mapping[tuple[str, str], TextRow], lang: str) -> _Index:
    services = sorted(values, key=lambda v: normalise(v.text("name").text))
    postings: dict[str, set[int]] = {}
    name_words: list[set[str]] = []
    places: list[set[str]] = []
    sort_names: list[str] = []
    langs = tuple(dict.fromkeys((SOURCE_LANGUAGE, lang)))
    for i, service in enumerate(services):
        texts: list[str] = [service.organisation.name]
        for code in service.categories:
            texts += [row.text for ln in langs if (row := category_names.get((category_key(code), ln))) is not None]
        for ln in langs:
            texts += [loc.text for loc in service.texts.get(ln, {}).values()]
        where: set[str] = set()
        for location in service.locations:
            address = location.address
            for word in words_of(f"{address.city} {address.postcode} {address.province}"):
                where.add(word)
            texts += [location.name, address.city]
        for word in set(words_of(" ".join(texts))) | where:
            postings.setdefault(word, set()).add(i)
        name = service.text("name", lang).text
        name_words.append(set(words_of(f"{service.text('name').text} {name}")))
        places.append(where)
        sort_names.append(normalise(service.text("name").text))
    return _Index(stamp, services, sorted(postings), postings, name_words, places, sort_names)


# -- the directory file format (demo and bulk loads) --------------------------------------------------------------
def _stable_uid(data: Mapping[str, Any], kind: str) -> str:
    uid = str(data.get("uid", "")).strip()
    if uid:
        return uid
    key = str(data.get("key", "")).strip()
    if not key:
        raise ValidationError("required", field="key")
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}"))


def parse_hours(value: Any) -> tuple[OpeningHours, ...]:
    """``["lun-ven 09:00-12:30", "mar 14:00-16:00 solo su appuntamento"]`` -> opening intervals."""
    days = {"lun": 1, "mar": 2, "mer": 3, "gio": 4, "ven": 5, "sab": 6, "dom": 7}
    result: list[OpeningHours] = []
    for line in value or ():
        parts = str(line).split(maxsplit=2)
        if len(parts) < 2:
            raise ValidationError("bad_hours", value=str(line)[:40])
        span, times = parts[0].lower(), parts[1]
        first, _, last = span.partition("-")
        if first not in days or (last and last not in days):
            raise ValidationError("bad_hours", value=str(line)[:40])
        opens_text, _, closes_text = times.partition("-")
        try:
            opens, closes = time.fromisoformat(opens_text), time.fromisoformat(closes_text)
        except ValueError as exc:
            raise ValidationError("bad_hours", value=str(line)[:40]) from exc
        note = parts[2] if len(parts) > 2 else ""
        for weekday in range(days[first], days[last or first] + 1):
            result.append(OpeningHours(weekday, opens, closes, note))
    return tuple(result)


#: The name the partner page first imported (``desk_app.gui.partner``).
_parse_hours = parse_hours


def read_directory_file(path: Path) -> tuple[list[DirectoryOrganisation], list[DirectoryService],
                                              dict[str, dict[str, str]]]:
    """Parse a directory TOML file: ``[[organisation]]`` with nested ``[[organisation.location]]`` and
    ``[[organisation.service]]`` tables, and ``[categories.<code>]`` names per language. Values are checked when
    written (:meth:`ServiceDirectory.load_file`); here only the shape."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("bad_catalogue", path=str(path), reason=str(exc).splitlines()[0][:200]) from exc
    organisations: list[DirectoryOrganisation] = []
    services: list[DirectoryService] = []
    try:
        for org in data.get("organisation", []):
            contacts = tuple(Contact(**c) for c in org.get("contact", []))
            organisation = DirectoryOrganisation(_stable_uid(org, "organisation"), org["name"],
                                                 org.get("description", ""), org.get("website", ""),
                                                 org.get("email", ""), contacts)
            organisations.append(organisation)
            locations = {}
            for loc in org.get("location", []):
                locations[loc["key"]] = DirectoryLocation(
                    _stable_uid(loc, "location"), loc["name"],
                    Address(loc["street"], str(loc["postcode"]), loc["city"], loc.get("province", "LO")),
                    parse_hours(loc.get("hours")), loc.get("latitude"), loc.get("longitude"),
                    loc.get("accessibility", ""))
            for svc in org.get("service", []):
                italian = {name: Localised(svc[name], "it", "reviewed", svc[name])
                           for name in SERVICE_TEXT_FIELDS if svc.get(name)}
                documents = list(svc.get("documents", []))
                italian |= {f"documents.{n}": Localised(t, "it", "reviewed", t)
                            for n, t in enumerate(documents, start=1)}
                texts: dict[str, dict[str, Localised]] = {"it": italian}
                for lang, fields in svc.get("translations", {}).items():
                    texts[lang] = {name: Localised(text, lang, "draft", italian.get(name, Localised("", "it")).text)
                                   for name, text in fields.items()}
                confirmed = svc.get("last_confirmed")
                services.append(DirectoryService(
                    uid=_stable_uid(svc, "service"), organisation=organisation, texts=texts,
                    documents=len(documents), categories=tuple(svc.get("categories", ())),
                    languages=tuple(svc.get("languages", ())),
                    locations=tuple(locations[k] for k in svc.get("locations", ())),
                    contacts=tuple(Contact(**c) for c in svc.get("contact", [])), free=svc.get("free"),
                    status=svc.get("status", "active"),
                    last_confirmed=confirmed if isinstance(confirmed, date) else None,
                    extra={str(k): str(v) for k, v in svc.get("extra", {}).items()}))
    except (KeyError, TypeError) as exc:
        raise ValidationError("bad_catalogue", path=str(path), reason=f"missing or wrong field {exc}"[:200]) from exc
    categories = {str(code): {str(k): str(v) for k, v in names.items()}
                  for code, names in data.get("categories", {}).items()}
    return organisations, services, categories


__all__ = [
    "CONTACT_KINDS",
    "COVERAGE_DOCUMENT",
    "KEY_PREFIX",
    "SPOKEN_LANGUAGES",
    "CleanService",
    "LoadResult",
    "PartnerLink",
    "ReferralCounts",
    "ServiceDirectory",
    "category_key",
    "clean_contact",
    "clean_hours",
    "clean_location",
    "clean_organisation",
    "clean_service",
    "clean_uid",
    "directory_keys",
    "normalise",
    "parse_hours",
    "read_directory_file",
    "referral_counts_in",
    "words_of",
]
