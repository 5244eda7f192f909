"""The territorial services directory as plain data (issue 15): what the core hands to every reader of it.

The directory service (``desk_app.core.directory``) stores organisations, their services and locations; the
referral sheet, the HSDS 3.0 export and the public static site all read :class:`DirectoryService` values built
here, never database rows, so each of them can be written and tested on its own.

Vocabulary follows Open Referral's Human Services Data Specification 3.0 (organization, service, location,
service_at_location, schedule, phone, language, required_document, cost_option) where it has a word for the
thing; ids are UUID strings because HSDS requires them to be (``format: uuid``) and because a directory
exchanged with other systems must keep an entry's id across export and import.

Texts: the organisation's own words are written in Italian by the partner (the source); each translatable field
has a content key (:func:`text_key`) in the same ``content_text`` table, PO files and draft / reviewed / stale
workflow as the sheets, so the project's translators translate directory entries with the tools they already use.
A :class:`Localised` says which language a text is actually in (Italian when the translation is missing or
stale) and its status, exactly like a sheet's line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

#: Categories of need a user is searched and referred by (codes; their names are content texts
#: ``dir.category.<code>`` in every language). Order: how the counter lists them.
CATEGORIES: tuple[str, ...] = (
    "health",             # ASST, consultori, vaccinations, mental health
    "work",               # job centres (Centro per l'impiego), training, unions
    "housing",            # housing services, emergency shelter
    "italian_courses",    # CPIA and volunteer Italian schools
    "legal_aid",          # legal advice, asylum and residence-permit counselling
    "anti_trafficking",   # anti-trafficking and labour-exploitation services (numero verde 800 290 290)
    "children_schools",   # school enrolment, childcare, minors
    "social_services",    # Comune social services, income support
    "registry",           # anagrafe, residence, identity card
    "food_basic_needs",   # food banks, clothes, Caritas centres of listening
    "violence_women",     # anti-violence centres (1522)
    "disability",         # disability and care services
)

#: The life of an entry: a partner writes a ``draft`` and ``submitted`` it; the office ``published`` it (only
#: published entries reach the counter's referrals, the export and the public site); ``withdrawn`` hides it.
ENTRY_STATES: tuple[str, ...] = ("draft", "submitted", "published", "withdrawn")

#: HSDS service status, as published (``active``, ``inactive``, ``defunct``, ``temporarily closed``).
SERVICE_STATUSES: tuple[str, ...] = ("active", "inactive", "defunct", "temporarily closed")

#: Translatable fields of a service (each a content key :func:`text_key`); ``documents`` items are keyed
#: ``documents.<n>`` (``n`` from 1).
SERVICE_TEXT_FIELDS: tuple[str, ...] = ("name", "description", "eligibility", "cost", "application")


def text_key(service_uid: str, field_name: str) -> str:
    """The content key of one translatable text of a service: ``dir.<uid>.<field>`` (at most 80 characters)."""
    return f"dir.{service_uid}.{field_name}"


@dataclass(frozen=True)
class Localised:
    """One text in the language it is actually in.

    Attributes:
        text: what is shown or printed.
        lang: the language of ``text`` (``it`` when the translation is missing or stale).
        status: ``reviewed``, ``draft``, ``stale`` or ``missing`` (as :data:`TRANSLATION_STATUSES`).
        italian: the Italian source (bilingual sheets print it beside the text).
    """

    text: str
    lang: str
    status: str = "reviewed"
    italian: str = ""


@dataclass(frozen=True)
class OpeningHours:
    """One opening interval (HSDS ``schedule``: weekly, ``byday``, ``opens_at``/``closes_at``).

    ``weekday`` 1 = Monday ... 7 = Sunday; ``note`` (Italian, short) such as "solo su appuntamento".
    """

    weekday: int
    opens: time
    closes: time
    note: str = ""


@dataclass(frozen=True)
class Address:
    """A postal address in Italy (HSDS ``address``: address_1, city, region, postal_code, country)."""

    street: str
    postcode: str
    city: str
    province: str = "LO"
    country: str = "IT"

    def one_line(self) -> str:
        """``Via Fanfulla 12, 26900 Lodi (LO)``."""
        return f"{self.street}, {self.postcode} {self.city} ({self.province})"


@dataclass(frozen=True)
class Contact:
    """A way to reach a service or organisation: ``kind`` is ``phone``, ``email`` or ``website``."""

    kind: str
    value: str
    label: str = ""


@dataclass(frozen=True)
class DirectoryLocation:
    """A place where a service is given (HSDS ``location`` + ``service_at_location``)."""

    uid: str
    name: str
    address: Address
    hours: tuple[OpeningHours, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    accessibility: str = ""


@dataclass(frozen=True)
class DirectoryOrganisation:
    """A body of the local network (Comune, ASST, CPIA, association ...). Its name is a proper noun: never
    translated. ``description`` is Italian (the organisation's own words)."""

    uid: str
    name: str
    description: str = ""
    website: str = ""
    email: str = ""
    contacts: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class DirectoryService:
    """One service of an organisation, as the counter, the sheet, the export and the site read it.

    Attributes:
        uid: HSDS id (UUID string), stable across export and import.
        organisation: who gives it.
        texts: language -> field -> :class:`Localised` for every field of :data:`SERVICE_TEXT_FIELDS` and every
            ``documents.<n>``; ``texts["it"]`` always holds the Italian source. Use :meth:`text`.
        documents: how many documents to bring there are (their texts are ``documents.1`` ...).
        categories: codes of :data:`CATEGORIES`.
        languages: ISO 639-1 codes of the languages spoken at the service (without interpretation).
        free: True when the service costs nothing, False when it costs something (see the ``cost`` text),
            None when not said.
        status: HSDS status (:data:`SERVICE_STATUSES`).
        state: where it is in the office's review (:data:`ENTRY_STATES`), as read. Writing ignores it:
            :meth:`ServiceDirectory.put_service` makes a new entry ``submitted`` unless office staff pass its
            ``state=`` argument (this default must never publish by omission).
        last_confirmed: when the organisation last confirmed the entry is right (HSDS ``assured_date``).
        needs_reconfirmation: older than the office's allowed age (or never confirmed).
        updated_at: last change (UTC).
        revision: a partner's change of a published entry waiting for the office's review (Italian texts only,
            ``state`` "published", no revision of its own); ``None`` when there is none, and always ``None`` in
            what the counter, the sheets, the export and the site read (they serve the published content).
        revision_by / revision_at: who saved that revision and when (UTC).
    """

    uid: str
    organisation: DirectoryOrganisation
    texts: Mapping[str, Mapping[str, Localised]]
    documents: int = 0
    categories: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    locations: tuple[DirectoryLocation, ...] = ()
    contacts: tuple[Contact, ...] = ()
    free: bool | None = None
    status: str = "active"
    state: str = "published"
    last_confirmed: date | None = None
    needs_reconfirmation: bool = False
    updated_at: datetime | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    revision: DirectoryService | None = None
    revision_by: str = ""
    revision_at: datetime | None = None

    def text(self, field_name: str, lang: str = "it") -> Localised:
        """The field in ``lang`` (falling back to the Italian source, status ``missing``); an empty Italian
        :class:`Localised` when the service has no such text."""
        wanted = self.texts.get(lang, {}).get(field_name)
        if wanted is not None:
            return wanted
        italian = self.texts.get("it", {}).get(field_name)
        if italian is None:
            return Localised("", "it", "reviewed", "")
        return Localised(italian.text, "it", "reviewed" if lang == "it" else "missing", italian.text)

    def document_texts(self, lang: str = "it") -> list[Localised]:
        """The documents to bring, in order, in ``lang`` (with the same fallback as :meth:`text`)."""
        return [self.text(f"documents.{n}", lang) for n in range(1, self.documents + 1)]


__all__ = [
    "CATEGORIES",
    "ENTRY_STATES",
    "SERVICE_STATUSES",
    "SERVICE_TEXT_FIELDS",
    "Address",
    "Contact",
    "DirectoryLocation",
    "DirectoryOrganisation",
    "DirectoryService",
    "Localised",
    "OpeningHours",
    "text_key",
]
