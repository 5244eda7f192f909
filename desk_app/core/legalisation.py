"""Legalisation helper: what an Italian public document needs before it is used in another country.

The answer to "document type X, issued by Y, to be used in country Z" is one of three
formalities (:data:`FORMALITIES`), decided by the first rule that applies (:data:`RULES`, the
answer's ``rule`` names it):

* ``treaty``: a bilateral or multilateral treaty in force between Italy and Z for that
  document kind (the Italy-Germany convention of 7 June 1969, the Brussels convention of
  25 May 1987, ...): ``none``;
* ``eu_regulation``: Z is an EU state and the kind is one of Reg. (EU) 2016/1191 art. 2: ``none``;
* ``hague``: Z is a party to the Hague Convention of 5/10/1961 (EU states included): ``apostille``;
* ``consular``: otherwise, or when Z's status is not confirmed: ``legalisation`` by the Italian
  office, then by Z's consulate in Italy (the path that relies on no unconfirmed accession);
* ``for_use_in_italy``: a foreign consulate's document to be used in Italy: the Prefettura
  legalises it, unless a treaty with that consulate's state exempts it.

A treaty whose parties or scope are not confirmed (``verify``) never decides: the answer
keeps the formal path and names the possible exemption "to verify".

Which Italian office acts depends on who issued the document: the Procura for notarial and
judicial documents, the Prefettura for documents of Comuni, schools, hospitals/ATS, Chamber
of Commerce, Agenzia delle Entrate, Motorizzazione and foreign consulates in Italy.

Every fact is data (``resources/content/legalisation.toml``) with its source and "checked
on" date; a country the sources are unsure about carries ``verify`` and every answer about
it is flagged. A country whose status is ``unknown`` gets the legalisation path, flagged:
it is the path that does not rely on an unconfirmed accession. The checklist is the LEG
procedure's checklist of the catalogue, narrowed to the case. Plain Python: no Qt, no
database.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk_app.core.catalogue import Catalogue
from desk_app.core.validation import clean_choice, clean_text
from desk_app.errors import NotFoundError, ValidationError
from desk_app.i18n import Context, Message
from desk_app.resources import resource_path

FORMALITIES = ("none", "apostille", "legalisation")
RULES = ("treaty", "eu_regulation", "hague", "consular", "for_use_in_italy")
COUNTRY_STATUSES = ("eu", "party", "not_party", "unknown")
OFFICES = ("prefettura", "procura")
#: The catalogue procedure whose checklist the helper hands out.
LEG_PROCEDURE = "LEG"
#: Condition of the LEG checklist line that applies only to foreign consulates' documents used in Italy.
CONSULAR_CONDITION = "consular"
#: Codes and names that mean Italy itself: nothing to legalise for use in Italy.
_ITALY = {"it", "ita", "italia", "italy"}


def default_table_path() -> Path:
    return resource_path("content", "legalisation.toml")


@dataclass(frozen=True)
class Country:
    """A destination country of the table.

    Attributes:
        code: ISO 3166-1 alpha-2 code.
        status: one of :data:`COUNTRY_STATUSES`.
        since: when it joined the Hague Convention, if the sources say (``YYYY-MM``).
        source: where the status comes from (a sentence, resolved from the table's ``[sources]``).
        checked_on: ISO date of the last check.
        verify: what the office must confirm; empty when the sources agree.
    """

    code: str
    name_it: str
    name_en: str
    status: str
    source: str
    checked_on: str
    since: str = ""
    verify: str = ""

    def name(self, lang: str) -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class Treaty:
    """A treaty that removes every formality between Italy and its ``parties`` for its ``documents`` kinds.

    Attributes:
        parties: ISO code -> date from which it applies with Italy (``""`` when the source gives none).
        party_verify: ISO code -> what is still to verify about that party.
        verify: what is not confirmed about the treaty as a whole; a treaty with ``verify`` never decides.
    """

    key: str
    name: str
    ratification: str
    parties: dict[str, str]
    documents: frozenset[str]
    scope: str
    source: str
    checked_on: str
    verify: str = ""
    party_verify: dict[str, str] = field(default_factory=dict)

    def covers(self, country: str, document: str) -> bool:
        return country in self.parties and document in self.documents

    def basis(self, country: str) -> str:
        """The treaty as the answer cites it: name, ratification act and, if known, the date it applies."""
        since = self.parties.get(country, "")
        return f"{self.name}, {self.ratification}" + (f", in vigore con l'Italia dal {since}" if since else "")


@dataclass(frozen=True)
class Issuer:
    """Who issued or signed the document, and which office legalises it."""

    kind: str
    office: str
    name_it: str
    name_en: str
    for_use_in_italy: bool = False

    def name(self, lang: str) -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class DocumentType:
    """A kind of document and who usually issues it."""

    kind: str
    issuer: str
    name_it: str
    name_en: str
    needs_authentication: bool = False

    def name(self, lang: str) -> str:
        return self.name_it if lang == "it" else self.name_en


@dataclass(frozen=True)
class ChecklistLine:
    """A line of the LEG checklist that applies to the answer (Italian wording of the catalogue)."""

    key: str
    requirement: str
    text_it: str
    condition: str = ""
    condition_it: str = ""
    verify: str = ""


@dataclass(frozen=True)
class LegalisationTable:
    """The parsed ``legalisation.toml``. Build it with :meth:`read`."""

    version: str
    checked_on: str
    eu_regulation: str
    eu_documents: frozenset[str]
    offices: dict[str, tuple[str, str]]
    issuers: dict[str, Issuer]
    documents: dict[str, DocumentType]
    countries: dict[str, Country]
    treaties: tuple[Treaty, ...] = ()
    eu_conditions: dict[str, str] = field(default_factory=dict)
    eu_source: str = ""
    eu_checked_on: str = ""

    @classmethod
    def read(cls, path: Path | None = None) -> LegalisationTable:
        """Parse and check the table; raise :class:`ValidationError` ``bad_catalogue`` on any inconsistency."""
        path = path or default_table_path()
        try:
            return _parse(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise ValidationError("bad_catalogue", path=str(path), reason=reason) from exc


def _parse(data: Mapping[str, Any]) -> LegalisationTable:
    sources = {str(k): str(v) for k, v in data["sources"].items()}
    offices = {key: (str(v["name_it"]), str(v["name_en"])) for key, v in data["offices"].items()}
    if set(offices) != set(OFFICES):
        raise ValueError(f"offices must be exactly {', '.join(OFFICES)}")
    issuers = {}
    for kind, entry in data["issuers"].items():
        if entry["office"] not in offices:
            raise ValueError(f"issuer {kind}: unknown office {entry['office']}")
        issuers[kind] = Issuer(kind, entry["office"], entry["name_it"], entry["name_en"],
                               bool(entry.get("for_use_in_italy", False)))
    documents = {}
    for kind, entry in data["documents"].items():
        if entry["issuer"] not in issuers:
            raise ValueError(f"document {kind}: unknown issuer {entry['issuer']}")
        documents[kind] = DocumentType(kind, entry["issuer"], entry["name_it"], entry["name_en"],
                                       bool(entry.get("needs_authentication", False)))
    eu_documents = frozenset(data["eu_regulation"]["documents"])
    if not eu_documents <= set(documents):
        raise ValueError(f"eu_regulation: unknown documents {sorted(eu_documents - set(documents))}")
    treaties = []
    for entry in data.get("treaties", []):
        kinds = frozenset(entry["documents"])
        if not kinds <= set(documents):
            raise ValueError(f"treaty {entry['key']}: unknown documents {sorted(kinds - set(documents))}")
        treaties.append(Treaty(str(entry["key"]), str(entry["name"]), str(entry["ratification"]),
                               {str(k).upper(): str(v) for k, v in entry["parties"].items()}, kinds,
                               str(entry.get("scope", "")), str(entry["source"]), str(entry["checked_on"]),
                               str(entry.get("verify", "")).strip(),
                               {str(k).upper(): str(v) for k, v in entry.get("party_verify", {}).items()}))
    countries: dict[str, Country] = {}
    for entry in data["countries"]:
        code = str(entry["code"]).upper()
        if len(code) != 2 or not code.isalpha() or code in countries or code.lower() in _ITALY:
            raise ValueError(f"country code {code!r}: two letters, once, not Italy")
        if entry["status"] not in COUNTRY_STATUSES:
            raise ValueError(f"{code}: unknown status {entry['status']}")
        if entry["source"] not in sources:
            raise ValueError(f"{code}: unknown source {entry['source']}")
        verify = str(entry.get("verify", "")).strip()
        if (entry["status"] == "unknown" or not str(entry["checked_on"])) and not verify:
            raise ValueError(f"{code}: an unknown status or an unchecked entry must say what to verify")
        countries[code] = Country(code, entry["name_it"], entry["name_en"], entry["status"],
                                  sources[entry["source"]], str(entry["checked_on"]), str(entry.get("since", "")),
                                  verify)
    for treaty in treaties:
        unknown = set(treaty.parties) - set(countries)
        if unknown:
            raise ValueError(f"treaty {treaty.key}: unknown parties {sorted(unknown)}")
    meta = data["table"]
    regulation = data["eu_regulation"]
    conditions = {str(k): str(v) for k, v in regulation.get("conditions", {}).items()}
    eu_source = f"{regulation['name']}" + (f" – {regulation['url']}" if regulation.get("url") else "")
    return LegalisationTable(str(meta["version"]), str(meta["checked_on"]), str(regulation["name"]),
                             eu_documents, offices, issuers, documents, countries, tuple(treaties), conditions,
                             eu_source, str(regulation.get("checked_on", "")))


@dataclass(frozen=True)
class Advice:
    """What to do with one document for one destination.

    Attributes:
        formality: one of :data:`FORMALITIES`. With no document type given, the answer for a
            document the EU regulation does not cover; ``exempt_documents`` then lists the
            types that need nothing (EU destinations only).
        office: ``prefettura`` or ``procura`` (``None`` when nothing is due, or when the issuer
            is unknown: ``office_name`` then names both).
        consulate: True when the destination's consulate in Italy must legalise after the office.
        checklist: the LEG checklist lines that apply (empty when nothing is due).
        flagged: True when a fact behind the answer is still "to verify"; ``verify`` says which.
    """

    country: Country
    document: DocumentType | None
    issuer: Issuer | None
    formality: str
    office: str | None
    office_name_it: str
    office_name_en: str
    consulate: bool
    checklist: tuple[ChecklistLine, ...]
    exempt_documents: tuple[str, ...]
    flagged: bool
    verify: tuple[str, ...]
    source: str
    checked_on: str
    legal_basis: str
    rule: str = "hague"
    notes: tuple[str, ...] = ()

    def lines(self, lang: str, table: LegalisationTable) -> list[str]:
        """The answer as sentences for the clerk, in ``lang`` (``it`` or ``en``)."""
        def say(message: Message, **params: Any) -> str:
            return message.render(lang, **params)

        country = self.country.name(lang)
        what = self.document.name(lang) if self.document else say(Legalisation.tr("Italian public document"))
        head = f"{what} → {country} ({self.country.code})"
        if self.issuer is not None:
            head += say(Legalisation.tr(", issued by: {issuer}"), issuer=self.issuer.name(lang))
        result = [head]
        if self.formality != "none" and self.issuer is not None and self.issuer.for_use_in_italy:
            result.append(say(Legalisation.tr("Legalisation by the Prefettura, for use in Italy.")))
        elif self.formality == "none":
            result.append(say(Legalisation.tr("No formality needed: {basis}."), basis=self.legal_basis))
        elif self.formality == "apostille":
            result.append(say(Legalisation.tr("Apostille (Hague Convention of 5/10/1961).")))
            if self.country.since:
                result.append(say(Legalisation.tr("In force between Italy and {country} since {day}."), country=country,
                                  day=self.country.since))
        else:
            result.append(say(Legalisation.tr("Legalisation, then legalisation by the consulate of {country} in "
                                              "Italy."), country=country))
        if self.formality != "none":
            office = self.office_name_it if lang == "it" else self.office_name_en  # content: the table's own names
            result.append(say(Legalisation.tr("Where: {office}"), office=office))
        if self.exempt_documents:
            names = "; ".join(table.documents[k].name(lang) for k in self.exempt_documents)
            result.append(say(Legalisation.tr("No formality for: {documents}."), documents=names))
        if self.document is not None and self.document.needs_authentication:
            result.append(say(Legalisation.tr("Have it authenticated by a notary or public official first.")))
        for line in self.checklist:
            text = line.text_it + (f" ({line.condition_it})" if line.condition_it else "")
            requirement = _REQUIREMENT_NAMES.get(line.requirement)
            label = say(requirement) if requirement is not None else line.requirement
            result.append(f"  [{label}] {text}{' *' if line.verify else ''}")
        result += [f"  {note}" for note in self.notes]  # content of the table, in Italian
        for point in self.verify:
            #: a point the office has not confirmed yet
            result.append(say(Legalisation.tr("* TO VERIFY: {point}"), point=point))
        #: which rule decided the answer (a treaty, the EU regulation, the Hague Convention, consular legalisation)
        result.append(say(Legalisation.tr("Decided by: {basis}"), basis=self.legal_basis))
        result.append(say(Legalisation.tr("Source: {source}; checked on {day}"), source=self.source,
                          day=self.checked_on or "-"))
        return result


class Legalisation(Context):
    """Translation context of the legalisation helper's answers (:meth:`Advice.lines`)."""


#: How a document of the legalisation checklist is needed.
_REQUIREMENT_NAMES = {"required": Legalisation.tr("required"), "optional": Legalisation.tr("optional"),
                      #: the document is needed only in some cases
                      "conditional": Legalisation.tr("conditional")}


def _fold(value: str) -> str:
    """Case- and accent-insensitive form of a country name ("Perù" = "peru", "Côte d'Ivoire" = "cote d'ivoire")."""
    decomposed = unicodedata.normalize("NFKD", value.casefold().replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


class LegalisationService:
    """Answers the counter's legalisation questions from the shipped table and the LEG checklist.

    Needs no permission and touches no database: it holds no personal data.
    """

    def __init__(self, table: LegalisationTable | None = None, catalogue: Catalogue | None = None) -> None:
        self._table = table
        self._catalogue = catalogue

    @property
    def table(self) -> LegalisationTable:
        """The table, read on first use (the CLI and GUI start faster for it)."""
        if self._table is None:
            self._table = LegalisationTable.read()
        return self._table

    def countries(self) -> list[Country]:
        """Every country of the table, by Italian name."""
        return sorted(self.table.countries.values(), key=lambda c: _fold(c.name_it))

    def country(self, value: str | None) -> Country:
        """A country by ISO code or by Italian or English name.

        Raises:
            ValidationError: ``required`` for an empty value; ``domestic_use`` for Italy.
            NotFoundError: ``unknown_country`` for anything else not in the table.
        """
        text = clean_text(value, "country", 80)
        folded = _fold(text)
        if folded in _ITALY:
            raise ValidationError("domestic_use", value=text)
        found = self.table.countries.get(text.upper())
        if found is None:
            found = next((c for c in self.table.countries.values()
                          if folded in (_fold(c.name_it), _fold(c.name_en))), None)
        if found is None:
            raise NotFoundError("unknown_country", value=text[:40])
        return found

    def advise(self, country: str, document: str | None = None, issuer: str | None = None) -> Advice:
        """What to do with ``document`` (a type of :attr:`LegalisationTable.documents`) issued by ``issuer``
        (a kind of :attr:`LegalisationTable.issuers`, default the document's usual issuer) to use it in ``country``.

        Raises:
            ValidationError: empty country, Italy, or a document type / issuer kind not in the table.
            NotFoundError: ``unknown_country``.
        """
        table = self.table
        destination = self.country(country)
        doc = table.documents[clean_choice(document, "document", sorted(table.documents))] if document else None
        if issuer:
            who: Issuer | None = table.issuers[clean_choice(issuer, "issuer", sorted(table.issuers))]
        else:
            who = table.issuers[doc.issuer] if doc else None
        verify = [destination.verify] if destination.verify else []
        notes: list[str] = []
        exempt: tuple[str, ...] = ()
        legal_basis = "Convenzione dell'Aia del 5/10/1961"
        source, checked_on = destination.source, destination.checked_on
        consulate = False
        kind = doc.kind if doc is not None else ("consular" if who is not None and who.for_use_in_italy else None)
        treaty = None
        if kind is not None:
            for candidate in table.treaties:
                if not candidate.covers(destination.code, kind):
                    continue
                if candidate.verify:  # not confirmed: named, never deciding
                    verify.append(f"possibile esenzione: {candidate.basis(destination.code)} – {candidate.verify}")
                elif treaty is None:
                    treaty = candidate
        if treaty is not None:
            formality, rule, legal_basis = "none", "treaty", treaty.basis(destination.code)
            source, checked_on = treaty.source, treaty.checked_on
            if destination.code in treaty.party_verify:
                verify.append(f"{treaty.name}: {treaty.party_verify[destination.code]}")
        elif who is not None and who.for_use_in_italy:
            # A foreign consulate's document for use in Italy: the Prefettura legalises it, whatever the
            # destination's Hague status (the country is then the consulate's state).
            formality, rule, legal_basis = "legalisation", "for_use_in_italy", "D.P.R. 445/2000, art. 33"
        elif (destination.status == "eu" and doc is not None and doc.kind in table.eu_documents
              and doc.kind not in table.eu_conditions):
            formality, rule, legal_basis = "none", "eu_regulation", table.eu_regulation
            source, checked_on = table.eu_source, table.eu_checked_on
        elif destination.status in ("eu", "party"):
            formality, rule = "apostille", "hague"
            if destination.status == "eu" and doc is not None and doc.kind in table.eu_conditions:
                notes.append(f"Nessuna formalità {table.eu_conditions[doc.kind]} ({table.eu_regulation}).")
            if destination.status == "eu" and doc is None:
                exempt = tuple(sorted(k for k in table.eu_documents if k not in table.eu_conditions))
                exempt += tuple(sorted({k for t in table.treaties if not t.verify and destination.code in t.parties
                                        for k in t.documents if k in table.documents} - set(exempt)))
        else:  # not_party, or unknown: the path that needs no accession to be true
            formality, rule, consulate = "legalisation", "consular", True
            legal_basis = ("legalizzazione consolare (lo Stato non è parte della Convenzione dell'Aia in vigore "
                           "con l'Italia)")
        office = None if formality == "none" or who is None else who.office
        if formality == "none":
            office_it = office_en = ""
        elif office is not None:
            office_it, office_en = table.offices[office]
        else:
            office_it = " / ".join(f"{table.offices[o][0]}" for o in OFFICES) + " (secondo chi ha rilasciato l'atto)"
            office_en = " / ".join(f"{table.offices[o][1]}" for o in OFFICES) + " (depending on the issuer)"
        checklist = () if formality == "none" else self._checklist(who)
        verify += [f"{line.text_it}: {line.verify}" for line in checklist if line.verify]
        return Advice(destination, doc, who, formality, office, office_it, office_en, consulate, checklist, exempt,
                      bool(verify), tuple(verify), source, checked_on, legal_basis, rule, tuple(notes))

    def _checklist(self, issuer: Issuer | None) -> tuple[ChecklistLine, ...]:
        """The LEG checklist; its consular-only line only for a foreign consulate's document."""
        catalogue = self._catalogue = self._catalogue or Catalogue.read()
        procedure = next(p for p in catalogue.procedures if p.code == LEG_PROCEDURE)
        lines = []
        for item in procedure.items:
            consular = item.condition == CONSULAR_CONDITION
            if consular and not (issuer is not None and issuer.for_use_in_italy):
                continue
            text = catalogue.texts[f"item.{item.key}"]
            # For a consulate's document the condition is met: the line is simply required.
            requirement, condition = ("required", "") if consular else (item.requirement, item.condition)
            lines.append(ChecklistLine(item.key, requirement, text.text, condition,
                                       catalogue.texts[f"cond.{condition}"].text if condition else "",
                                       item.verify or text.verify))
        return tuple(lines)
