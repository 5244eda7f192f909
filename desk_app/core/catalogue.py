"""The procedure catalogue: shipped data, its per-office copy in the database, and what sheets need from it.

The catalogue is data (``resources/content/catalogue.toml``, Italian source;
``resources/content/translations/<lang>.po``, translations). :meth:`ContentService.load`
copies it into the database of one office, idempotently:

* a text or procedure an office edited (``edited``) is never overwritten by a reload;
* every other text follows the shipped file;
* a procedure whose checklist (items, requirement, condition, fee or Italian wording)
  changed gets a new :class:`~desk_app.db.models_content.ProcedureVersion`; cases keep
  pointing at the version they were checked against.

Texts are addressed by dotted keys (``proc.RF-NO.name``, ``proc.RF-NO.step.2``,
``item.passport``, ``cond.parent_over_65``, ``place.sui.name``, ``label.documents``,
``exploit.sign.3``). :func:`text_digest` of the Italian text is what a translation
records as its source; a differing digest makes the translation stale.

Every rule carries its own source (:class:`Source`: the act and article or the official
page, its address, the day it was checked, and what of it is still "to verify"). A
procedure's ``sources`` cover its name, summary and steps unless a text names its own; a
checklist line's ``source`` (else its fee's, else the procedure's) covers that line, and is
frozen with the checklist version (``sources`` of the item JSON). :meth:`Catalogue.rule_sources`
lists them for ``desk-admin content show`` and the sheets' footer.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock, staff_time
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.office import resolve_office
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import clean_choice, clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.models import Office
from desk_app.db.models_content import (
    PROCEDURE_KINDS,
    REQUIREMENTS,
    ContentText,
    Procedure,
    ProcedureVersion,
)
from desk_app.errors import ConflictError, NotFoundError, ValidationError
from desk_app.resources import resource_path

SOURCE_LANGUAGE = "it"
#: Right-to-left languages among :data:`~desk_app.core.queue.LANGUAGES`.
RTL_LANGUAGES = frozenset({"ar", "ur"})
#: Each language's name in itself, for pickers and sheet headers.
LANGUAGE_NAMES = {
    "it": "Italiano", "en": "English", "fr": "Français", "es": "Español", "ro": "Română", "sq": "Shqip",
    "uk": "Українська", "ar": "العربية", "ur": "اردو", "bn": "বাংলা", "pa": "ਪੰਜਾਬੀ", "hi": "हिन्दी",
    "zh": "中文（简体）",
}
MAX_TEXT = 2000


def text_digest(text: str) -> str:
    """SHA-256 (hex) of a text: what a translation records as the Italian version it translates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_catalogue_path() -> Path:
    return resource_path("content", "catalogue.toml")


# -- the shipped catalogue, parsed --------------------------------------------------------------------------------
#: A sheet's source title cuts a page's description after a colon beyond :data:`_TITLE_MAX` characters (keeping
#: at least :data:`_TITLE_MIN`), and drops explanations in brackets longer than :data:`_GLOSS_MIN`.
_TITLE_MIN, _TITLE_MAX, _GLOSS_MIN = 12, 160, 30


#: A letter that numbers a clause, closed by its bracket: "lett. a)", "b-bis)". It opens no bracket of its own.
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s,;]))[a-z](?:-(?:bis|ter|quater))?\)")  # not "(a)": a bracket


def _without_glosses(text: str) -> str:
    """``text`` without the explanations in brackets it carries ("art. 10 (carta di soggiorno ...: ...)"):
    a bracket of more than :data:`_GLOSS_MIN` characters goes, a short one ("(Testo unico immigrazione)")
    stays. Brackets are matched from the start, and the letters numbering clauses ("lett. a)") are not taken for
    the end of one; an unmatched bracket leaves ``text`` as it is."""
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
    groups: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")" and i not in enumerators and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    if depth:
        return text
    kept, cursor = [], 0
    for first, last in groups:
        if last - first - 2 > _GLOSS_MIN:
            kept.append(text[cursor:first].rstrip())
            cursor = last
    kept.append(text[cursor:])
    return "".join(kept)


@dataclass(frozen=True)
class Source:
    """Where a rule comes from.

    Attributes:
        key: key of ``[sources]`` in the catalogue.
        citation: the act and article, or the official page, in Italian.
        url: its address, if it has one.
        checked_on: ISO date on which it was last read.
        verify: what of it could not be confirmed (then every rule citing it is "to verify").
        short: how a user's sheet names it, when :meth:`title` cannot cut the citation to it.
    """

    key: str
    citation: str
    url: str
    checked_on: str
    verify: str = ""
    short: str = ""

    def title(self) -> str:
        """The citation as a sheet prints it: the act and article, or the page's name, without the explanations
        in brackets or after a colon (what the article or page says, for the office: :meth:`full_label`).

        Why: a user's sheet lists every source of its procedure, and at full length a one-page sheet ran onto a
        second page. ``short`` (the file's ``short``) gives it where the citation's own shape does not."""
        if self.short:
            return self.short
        head = _without_glosses(self.citation.strip())
        # "publisher: page: description" keeps the page: the last colon before the limit, else the first after it
        colon = head.rfind(": ", _TITLE_MIN, _TITLE_MAX)
        colon = colon if colon > 0 else head.find(": ", _TITLE_MIN)
        if len(head) > _TITLE_MAX and colon > 0:
            head = head[:colon]
        return head.rstrip(" ,;") or self.citation  # a citation that is one long bracket stays whole

    def label(self) -> str:
        """One line for a sheet's footer: :meth:`title`, check date, and "da verificare" when something of it could
        not be confirmed. The address and what is unconfirmed are for the office (:meth:`full_label`: the CLI's
        ``content show``, the administration window): 13 sources with their addresses took a page of their own on
        the family reunification sheet."""
        return self.title() + f" (verificata il {self.checked_on})" + (" – da verificare" if self.verify else "")

    def full_label(self) -> str:
        """:meth:`label` with the whole citation (``desk-admin content show``, the office's own reading)."""
        text = self.citation + (f" – {self.url}" if self.url else "") + f" (verificata il {self.checked_on})"
        return text + (f" – da verificare: {self.verify}" if self.verify else "")


#: A label as :meth:`Source.full_label` writes it, as checklist versions freeze it (and as every label read before
#: the sheets shortened them): citation, address, check day, and the doubt with or without what it is.
_FULL_LABEL = re.compile(r"^(?P<citation>.+?)(?: – (?P<url>https?://\S+))? \(verificata il (?P<day>\d{4}-\d{2}-\d{2})\)"
                         r"(?P<doubt> – da verificare(?::.*)?)?$", re.S)


def sheet_label(label: str, known: Mapping[str, str]) -> str:
    """The form a sheet prints (:meth:`Source.label`) of a label frozen with a checklist version.

    ``known`` maps the catalogue's full labels to their sheet labels (its ``short`` titles included); a label
    frozen from an older reading of a source, or by an office's own procedure, is read back from its shape; one
    of another shape is printed as it is."""
    if label in known:
        return known[label]
    found = _FULL_LABEL.match(label)
    if found is None:
        return label
    return Source("", found["citation"], found["url"] or "", found["day"], "?" if found["doubt"] else "").label()


@dataclass(frozen=True)
class SourceText:
    """An Italian text of the catalogue and, if it is not certain, what the office must confirm.

    ``sources`` are keys of the catalogue's ``[sources]``: the text's own, or those of its procedure.
    """

    key: str
    text: str
    verify: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemSpec:
    """One line of a procedure's checklist as the catalogue declares it.

    Attributes:
        key: the item (its text is ``item.<key>``).
        requirement: ``required``, ``optional`` or ``conditional``.
        condition: key of the condition (text ``cond.<condition>``) for a conditional item, else ``""``.
        fee: key of ``[fees]`` whose amount the item costs, else ``""``.
        quantity: how many of the fee (e.g. two revenue stamps).
        verify: what the office must confirm about this line, if anything.
    """

    key: str
    requirement: str
    condition: str = ""
    fee: str = ""
    quantity: int = 1
    verify: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fee:
    """An amount, in euro cents, optionally per period (``month``), with its source and any doubt."""

    key: str
    amount_cents: int
    per: str = ""
    sources: tuple[str, ...] = ()
    verify: str = ""


@dataclass(frozen=True)
class ProcedureSpec:
    code: str
    service: str
    kind: str
    place: str
    step_count: int
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class Catalogue:
    """The parsed catalogue file. Build it with :meth:`read`."""

    version: str
    checked_on: str
    sources: str
    texts: dict[str, SourceText]
    procedures: tuple[ProcedureSpec, ...]
    fees: dict[str, Fee]
    source_table: dict[str, Source] = field(default_factory=dict)

    def item_sources(self, spec: ProcedureSpec, item: ItemSpec) -> tuple[str, ...]:
        """Source keys of one checklist line: its own, else its fee's, else its procedure's."""
        if item.sources:
            return item.sources
        if item.fee and self.fees[item.fee].sources:
            return self.fees[item.fee].sources
        return self.texts[f"proc.{spec.code}.name"].sources

    def rule_sources(self, code: str) -> list[tuple[str, Source]]:
        """Every rule of procedure ``code`` (its summary, steps and checklist lines, by text key) with each source.

        Raises:
            KeyError: for a code the catalogue does not hold.
        """
        spec = next(p for p in self.procedures if p.code == code) if any(
            p.code == code for p in self.procedures) else None
        if spec is None:
            raise KeyError(code)
        keys = [f"proc.{code}.summary"] + [f"proc.{code}.step.{n}" for n in range(1, spec.step_count + 1)]
        result = [(key, self.source_table[s]) for key in keys for s in self.texts[key].sources]
        result += [(f"item.{item.key}", self.source_table[s]) for item in spec.items
                   for s in self.item_sources(spec, item)]
        return result

    @classmethod
    def read(cls, path: Path | None = None) -> Catalogue:
        """Parse and check a catalogue file; raise :class:`ValidationError` ``bad_catalogue`` on any inconsistency."""
        path = path or default_catalogue_path()
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            return _parse(data)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise ValidationError("bad_catalogue", path=str(path), reason=reason) from exc


def _keys(value: Any, where: str) -> tuple[str, ...]:
    """A ``source`` field: one key or a list of keys."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError(f"{where}: source must be a key or a list of keys")


def _source(key: str, value: Any, default: tuple[str, ...] = ()) -> SourceText:
    if isinstance(value, str):
        return SourceText(key, value.strip(), "", default)
    if isinstance(value, Mapping):
        return SourceText(key, str(value["text"]).strip(), str(value.get("verify", "")).strip(),
                          _keys(value.get("source"), key) or default)
    raise TypeError(f"{key}: a text must be a string or a table with 'text'")


def _parse(data: Mapping[str, Any]) -> Catalogue:
    texts: dict[str, SourceText] = {}
    table = {
        key: Source(key, str(entry["citation"]).strip(), str(entry.get("url", "")).strip(),
                    str(entry["checked_on"]), str(entry.get("verify", "")).strip(), str(entry.get("short", "")).strip())
        for key, entry in data.get("sources", {}).items()
    }

    def known(keys: tuple[str, ...], where: str) -> tuple[str, ...]:
        for key in keys:
            if key not in table:
                raise ValueError(f"{where}: unknown source {key}")
        return keys

    def add(key: str, value: Any, default: tuple[str, ...] = ()) -> None:
        if key in texts:
            raise ValueError(f"duplicate text key {key}")
        texts[key] = _source(key, value, default)
        known(texts[key].sources, key)

    for name, value in data["labels"].items():
        add(f"label.{name}", value)
    for place, entry in data["places"].items():
        add(f"place.{place}.name", entry["name"])
        add(f"place.{place}.details", entry["details"])
    for name, value in data["conditions"].items():
        add(f"cond.{name}", value)
    for name, value in data["items"].items():
        add(f"item.{name}", value)
    fees = {
        key: Fee(key, int(entry["amount_cents"]), str(entry.get("per", "")),
                 known(_keys(entry.get("source"), f"fee {key}"), f"fee {key}"), str(entry.get("verify", "")).strip())
        for key, entry in data.get("fees", {}).items()
    }
    procedures = []
    for entry in data["procedures"]:
        code = entry["code"]
        if entry["kind"] not in PROCEDURE_KINDS:
            raise ValueError(f"{code}: unknown kind {entry['kind']}")
        if f"place.{entry['place']}.name" not in texts:
            raise ValueError(f"{code}: unknown place {entry['place']}")
        own = known(_keys(entry.get("sources"), code), code)
        if not own:
            raise ValueError(f"{code}: a procedure needs its sources")
        add(f"proc.{code}.name", entry["name"], own)
        add(f"proc.{code}.summary", entry["summary"], own)
        for number, step in enumerate(entry["steps"], start=1):
            add(f"proc.{code}.step.{number}", step, own)
        items = []
        for raw in entry["items"]:
            item = ItemSpec(
                key=raw["key"], requirement=raw["need"], condition=raw.get("condition", ""),
                fee=raw.get("fee", ""), quantity=int(raw.get("quantity", 1)), verify=raw.get("verify", ""),
                sources=known(_keys(raw.get("source"), f"{code}/{raw['key']}"), f"{code}/{raw['key']}"),
            )
            if f"item.{item.key}" not in texts:
                raise ValueError(f"{code}: unknown item {item.key}")
            if item.requirement not in REQUIREMENTS:
                raise ValueError(f"{code}/{item.key}: unknown requirement {item.requirement}")
            if (item.requirement == "conditional") != bool(item.condition):
                raise ValueError(f"{code}/{item.key}: a conditional item needs a condition, and only it")
            if item.condition and f"cond.{item.condition}" not in texts:
                raise ValueError(f"{code}/{item.key}: unknown condition {item.condition}")
            if item.fee and item.fee not in fees:
                raise ValueError(f"{code}/{item.key}: unknown fee {item.fee}")
            items.append(item)
        if not items:
            raise ValueError(f"{code}: a procedure needs a checklist")
        if len({i.key for i in items}) != len(items):
            raise ValueError(f"{code}: an item is listed twice")
        procedures.append(ProcedureSpec(code, entry["service"], entry["kind"], entry["place"],
                                        len(entry["steps"]), tuple(items)))
    exploitation = data["exploitation"]
    exploit_sources = known(_keys(exploitation.get("sources"), "exploitation"), "exploitation")
    for name in ("title", "intro", "signs_title", "rights_title", "call_title", "call", "help_title"):
        add(f"exploit.{name}", exploitation[name], exploit_sources)
    for group, singular in (("signs", "sign"), ("rights", "right"), ("help", "help")):
        for number, value in enumerate(exploitation[group], start=1):
            add(f"exploit.{singular}.{number}", value, exploit_sources)
    meta = data["catalogue"]
    return Catalogue(str(meta["version"]), str(meta["checked_on"]), str(meta.get("sources", "")), texts,
                     tuple(procedures), fees, table)


def exploitation_counts(keys: Iterable[str]) -> dict[str, int]:
    """How many numbered ``exploit.<group>.<n>`` texts exist per group (``sign``, ``right``, ``help``)."""
    counts = {"sign": 0, "right": 0, "help": 0}
    for key in keys:
        parts = key.split(".")
        if len(parts) == 3 and parts[0] == "exploit" and parts[1] in counts:
            counts[parts[1]] = max(counts[parts[1]], int(parts[2]))
    return counts


# -- views ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChecklistItem:
    """One line of a frozen checklist (a :class:`ProcedureVersion` item), with its Italian wording."""

    key: str
    requirement: str
    condition: str
    amount_cents: int | None
    per: str
    quantity: int
    verify: str
    text_it: str
    condition_it: str
    sources: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChecklistItem:
        """An item of a frozen version; ``sources`` (labels of :class:`Source`) are absent in older versions."""
        return cls(
            str(data["key"]), str(data["requirement"]), str(data.get("condition", "")),
            None if data.get("amount_cents") is None else int(data["amount_cents"]), str(data.get("per", "")),
            int(data.get("quantity", 1)), str(data.get("verify", "")), str(data["text_it"]),
            str(data.get("condition_it", "")), tuple(str(s) for s in data.get("sources", ())),
        )


@dataclass(frozen=True)
class ProcedureView:
    """A procedure of one office with its current checklist.

    Attributes:
        version: number of the current checklist version; ``version_id`` its row id.
        verify: True if any text or item of it is still "to verify".
    """

    id: int
    code: str
    name: str
    service_code: str
    kind: str
    place: str
    step_count: int
    version: int
    version_id: int
    items: tuple[ChecklistItem, ...]
    edited: bool
    verify: bool = False


@dataclass(frozen=True)
class LoadResult:
    """What :meth:`ContentService.load` changed.

    Attributes:
        texts_added / texts_updated: rows inserted / changed to follow the shipped files.
        texts_kept: rows left alone because the office edited them.
        procedures_added: procedures new to this office.
        versions_added: procedure codes that got a new checklist version.
    """

    catalogue_version: str
    texts_added: int = 0
    texts_updated: int = 0
    texts_kept: int = 0
    procedures_added: int = 0
    versions_added: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return bool(self.texts_added or self.texts_updated or self.procedures_added or self.versions_added)


@dataclass(frozen=True)
class ReviewResult:
    """What :meth:`ContentService.review_translations` did: drafts marked reviewed, ones already reviewed, and
    the stale and missing ones it could not review (they need translating first)."""

    lang: str
    reviewed: int
    already: int
    stale: int
    missing: int


#: A shipped translation entry: (key, Italian source text it translates, translation, is_draft).
ShippedTranslation = tuple[str, str, str, bool]


def _snapshot(spec: ProcedureSpec, fees: Mapping[str, Fee], italian: Mapping[str, ContentText],
              catalogue: Catalogue | None = None) -> list[dict[str, Any]]:
    """The JSON items of a checklist version, with Italian wording as the office has it now and, when the
    shipped ``catalogue`` is given, each line's sources (frozen with the version, as labels)."""
    items = []
    for item in spec.items:
        fee = fees.get(item.fee) if item.fee else None
        sources: list[str] = []
        if catalogue is not None:
            if f"proc.{spec.code}.name" in catalogue.texts and (not item.fee or item.fee in catalogue.fees):
                keys = catalogue.item_sources(spec, item)
            else:  # a procedure the office made itself: only the line's own sources
                keys = item.sources
            sources = [catalogue.source_table[k].full_label() for k in keys if k in catalogue.source_table]
        fee_verify = fee.verify if fee else ""
        items.append({
            "key": item.key,
            "requirement": item.requirement,
            "condition": item.condition,
            "amount_cents": fee.amount_cents if fee else None,
            "per": fee.per if fee else "",
            "quantity": item.quantity,
            "verify": item.verify or italian[f"item.{item.key}"].verify or fee_verify,
            "text_it": italian[f"item.{item.key}"].text,
            "condition_it": italian[f"cond.{item.condition}"].text if item.condition else "",
            "sources": sources,
        })
    return items


def _items_digest(items: list[dict[str, Any]]) -> str:
    return text_digest(json.dumps(items, sort_keys=True, ensure_ascii=False))


class ContentService:
    """Loads the catalogue into an office and answers what the counter and the printouts need.

    Reading the catalogue needs no permission (it holds nothing personal); loading it
    needs ``manage_setup``, editing texts ``edit_content``. Changes are audited.
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code

    # -- loading --------------------------------------------------------------------------------------------------
    def load(self, actor: Actor, catalogue: Catalogue | None = None,
             translations: Mapping[str, list[ShippedTranslation]] | None = None,
             office_code: str | None = None) -> LoadResult:
        """Copy the shipped catalogue and translations into the office's database; idempotent.

        Args:
            catalogue: default the shipped ``catalogue.toml``.
            translations: per language, default the shipped PO files (:func:`~desk_app.core.translations.shipped`).
        """
        from desk_app.core.translations import shipped  # the PO reader imports this module

        self.auth.require(actor, "manage_setup", "catalogue")
        catalogue = catalogue or Catalogue.read()
        translations = shipped() if translations is None else translations
        return self.db.write(lambda session: self.load_in(session, actor, catalogue, translations, office_code))

    def load_in(self, session: Session, actor: Actor, catalogue: Catalogue,
                translations: Mapping[str, list[ShippedTranslation]], office_code: str | None = None) -> LoadResult:
        """:meth:`load` inside the caller's write transaction (the first-run set-up loads the catalogue
        together with the new office). Needs ``manage_setup`` in that office."""
        self.auth.require(actor, "manage_setup", "catalogue", session=session)
        now = self.clock.now()
        office = resolve_office(session, office_code or self.office_code)
        self.auth.require_office(actor, office.id, session)
        existing = {(t.key, t.lang): t for t in session.execute(
            select(ContentText).where(ContentText.office_id == office.id)).scalars()}
        counts = {"added": 0, "updated": 0, "kept": 0}

        def upsert(key: str, lang: str, text: str, source: str, status: str, verify: str = "") -> None:
            row = existing.get((key, lang))
            if row is None:
                row = ContentText(office_id=office.id, key=key, lang=lang, text=text, source_digest=source,
                                  status=status, verify=verify, edited=False, updated_at=now,
                                  updated_by=f"catalogue {catalogue.version}")
                session.add(row)
                existing[(key, lang)] = row
                counts["added"] += 1
            elif row.edited:
                counts["kept"] += 1
            elif (row.text, row.source_digest, row.status, row.verify) != (text, source, status, verify):
                row.text, row.source_digest, row.status, row.verify = text, source, status, verify
                row.updated_at, row.updated_by = now, f"catalogue {catalogue.version}"
                counts["updated"] += 1

        for source in catalogue.texts.values():
            upsert(source.key, SOURCE_LANGUAGE, source.text, text_digest(source.text), "reviewed", source.verify)
        for lang, entries in translations.items():
            if lang == SOURCE_LANGUAGE or lang not in LANGUAGES:
                continue
            for key, msgid, msgstr, draft in entries:
                if key in catalogue.texts and msgstr.strip():
                    upsert(key, lang, msgstr.strip(), text_digest(msgid.strip()), "draft" if draft else "reviewed")
        session.flush()
        italian = {k: t for (k, lang), t in existing.items() if lang == SOURCE_LANGUAGE}
        procedures = {p.code: p for p in session.execute(
            select(Procedure).where(Procedure.office_id == office.id)).scalars()}
        added, versioned = 0, []
        for position, spec in enumerate(catalogue.procedures):
            procedure = procedures.get(spec.code)
            if procedure is None:
                procedure = Procedure(office_id=office.id, code=spec.code, service_code=spec.service,
                                      kind=spec.kind, place=spec.place, position=position,
                                      step_count=spec.step_count, current_version=0, active=True,
                                      edited=False, updated_at=now)
                session.add(procedure)
                session.flush()
                added += 1
            elif procedure.edited:
                continue
            else:
                procedure.service_code, procedure.kind, procedure.place = spec.service, spec.kind, spec.place
                procedure.position, procedure.step_count = position, spec.step_count
            if self._new_version(session, procedure, _snapshot(spec, catalogue.fees, italian, catalogue),
                                 f"catalogue {catalogue.version}", now):
                versioned.append(spec.code)
        result = LoadResult(catalogue.version, counts["added"], counts["updated"], counts["kept"], added,
                            tuple(versioned))
        if result.changed:
            self.auth.audit_log.record(session, actor.audit, "catalogue.load", "office", office.code, detail={
                "version": catalogue.version, "texts_added": result.texts_added,
                "texts_updated": result.texts_updated, "versions": list(result.versions_added)})
        return result

    @staticmethod
    def _new_version(session: Session, procedure: Procedure, items: list[dict[str, Any]], source: str,
                     now: Any) -> bool:
        """Freeze ``items`` as the procedure's next checklist version unless they equal the current one."""
        digest = _items_digest(items)
        current = session.execute(select(ProcedureVersion.digest).where(
            ProcedureVersion.procedure_id == procedure.id,
            ProcedureVersion.version == procedure.current_version)).scalar()
        if current == digest:
            return False
        procedure.current_version += 1
        session.add(ProcedureVersion(procedure_id=procedure.id, version=procedure.current_version, digest=digest,
                                     items=items, source=source[:64], created_at=now))
        procedure.updated_at = now
        session.flush()
        return True

    # -- editing by the office ------------------------------------------------------------------------------------
    def edit_text(self, actor: Actor, key: str, lang: str, text: str, *, reviewed: bool = True,
                  office_code: str | None = None, expected: str | None = None) -> None:
        """Change one text of the office; it then survives catalogue reloads.

        Editing an Italian text makes its translations stale and, for a checklist item or
        condition, gives every procedure that uses it a new checklist version (open cases
        keep theirs). A translation edited here records the current Italian as its source.

        ``expected`` is the text the editor read (a missing translation reads as ""): when given, the edit is
        stored only if the text is still that one, checked inside the writing transaction, so two people editing
        the same text never overwrite each other unknowingly.

        Raises:
            ConflictError: ``text_changed_meanwhile`` (who changed it and when; nothing stored).
        """
        self.auth.require(actor, "edit_content", "content_text", key)
        lang = clean_choice(lang, "language", LANGUAGES)
        body = clean_text(text, "text", MAX_TEXT, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> None:
            office = resolve_office(session, office_code or self.office_code)
            self.auth.require_office(actor, office.id, session)
            if expected is not None:  # PostgreSQL: hold the row, so a save committed meanwhile is seen below
                session.execute(select(ContentText.id).where(ContentText.office_id == office.id,
                                                             ContentText.key == key, ContentText.lang == lang)
                                .with_for_update())
            source = self._text_row(session, office.id, key, SOURCE_LANGUAGE)
            row = source if lang == SOURCE_LANGUAGE else session.execute(select(ContentText).where(
                ContentText.office_id == office.id, ContentText.key == key, ContentText.lang == lang)).scalar()
            if expected is not None and (row.text if row is not None else "") != expected:
                raise ConflictError("text_changed_meanwhile", value=key, lang=lang,
                                    current=(row.text if row is not None else "")[:80] or "—",
                                    who=(row.updated_by if row is not None else "") or "?",
                                    when=staff_time(row.updated_at if row is not None else None, office.timezone))
            if row is None:
                row = ContentText(office_id=office.id, key=key, lang=lang, verify="")
                session.add(row)
            row.text = body
            row.source_digest = text_digest(body) if lang == SOURCE_LANGUAGE else source.source_digest
            row.status = "reviewed" if (reviewed or lang == SOURCE_LANGUAGE) else "draft"
            row.edited, row.updated_at, row.updated_by = True, now, actor.username[:64]
            session.flush()
            if lang == SOURCE_LANGUAGE and key.startswith(("item.", "cond.")):
                self._refreeze_users_of(session, office.id, key, now, actor)
            self.auth.audit_log.record(session, actor.audit, "content.edit", "content_text", f"{key}/{lang}")

        self.db.write(work)

    def review_translations(self, actor: Actor, lang: str, keys: Iterable[str],
                            office_code: str | None = None) -> ReviewResult:
        """A translator's review: mark the ``lang`` translations of ``keys`` "reviewed" (a whole sheet is its keys).

        Only a draft of the *current* Italian text can be reviewed: a stale translation (its Italian changed
        since) must be translated again, and a missing one written first; both are counted, not changed.
        Reviewed rows become office edits (a reload keeps them). Needs ``edit_content``; audited.
        """
        self.auth.require(actor, "edit_content", "translations", lang)
        lang = clean_choice(lang, "language", tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE))
        wanted = list(dict.fromkeys(keys))
        now = self.clock.now()

        def work(session: Session) -> ReviewResult:
            office = resolve_office(session, office_code or self.office_code)
            self.auth.require_office(actor, office.id, session)
            rows = {(t.key, t.lang): t for t in session.execute(select(ContentText).where(
                ContentText.office_id == office.id, ContentText.key.in_(wanted),
                ContentText.lang.in_((SOURCE_LANGUAGE, lang)))).scalars()}
            counts = {"reviewed": 0, "already": 0, "stale": 0, "missing": 0}
            for key in wanted:
                source = rows.get((key, SOURCE_LANGUAGE))
                if source is None:
                    raise NotFoundError("unknown_text", value=key)
                row = rows.get((key, lang))
                if row is None or not row.text.strip():
                    counts["missing"] += 1
                elif row.source_digest != source.source_digest:
                    counts["stale"] += 1
                elif row.status == "reviewed":
                    counts["already"] += 1
                else:
                    row.status, row.edited, row.updated_at, row.updated_by = "reviewed", True, now, actor.username[:64]
                    counts["reviewed"] += 1
            self.auth.audit_log.record(session, actor.audit, "translations.review", "translations", lang,
                                       detail={"keys": len(wanted), **counts})
            return ReviewResult(lang, counts["reviewed"], counts["already"], counts["stale"], counts["missing"])

        return self.db.write(work)

    def _refreeze_users_of(self, session: Session, office_id: int, key: str, now: Any, actor: Actor) -> None:
        """New checklist versions for the procedures whose items show the edited Italian text."""
        kind, name = key.split(".", 1)
        italian = {t.key: t for t in session.execute(select(ContentText).where(
            ContentText.office_id == office_id, ContentText.lang == SOURCE_LANGUAGE)).scalars()}
        for procedure in session.execute(select(Procedure).where(Procedure.office_id == office_id)).scalars():
            items = self._current_items(session, procedure)
            field_name = "key" if kind == "item" else "condition"
            if not any(i[field_name] == name for i in items):
                continue
            refreshed = []
            for item in items:
                item = dict(item)
                item["text_it"] = italian[f"item.{item['key']}"].text
                item["condition_it"] = italian[f"cond.{item['condition']}"].text if item["condition"] else ""
                refreshed.append(item)
            self._new_version(session, procedure, refreshed, f"edit by {actor.username}", now)

    def set_checklist(self, actor: Actor, code: str, items: list[ItemSpec], fees: Mapping[str, Fee] | None = None,
                      office_code: str | None = None) -> ProcedureView:
        """Replace a procedure's checklist (office edit): a new version; the procedure then survives reloads.

        ``items`` refer to texts the office already has (``item.<key>``, ``cond.<condition>``).
        """
        self.auth.require(actor, "edit_content", "procedure", code)
        code = clean_code(code, "procedure")
        shipped = Catalogue.read()
        fees = fees if fees is not None else shipped.fees
        now = self.clock.now()
        for item in items:
            clean_choice(item.requirement, "requirement", REQUIREMENTS)
            if item.fee and item.fee not in fees:
                raise NotFoundError("unknown_text", value=f"fee {item.fee}")

        def work(session: Session) -> ProcedureView:
            office = resolve_office(session, office_code or self.office_code)
            self.auth.require_office(actor, office.id, session)
            procedure = self._procedure(session, office.id, code)
            italian = {t.key: t for t in session.execute(select(ContentText).where(
                ContentText.office_id == office.id, ContentText.lang == SOURCE_LANGUAGE)).scalars()}
            for item in items:
                for key in (f"item.{item.key}", f"cond.{item.condition}" if item.condition else None):
                    if key and key not in italian:
                        raise NotFoundError("unknown_text", value=key)
            spec = ProcedureSpec(procedure.code, procedure.service_code, procedure.kind, procedure.place,
                                 procedure.step_count, tuple(items))
            self._new_version(session, procedure, _snapshot(spec, fees, italian, shipped), f"edit by {actor.username}",
                              now)
            procedure.edited = True
            self.auth.audit_log.record(session, actor.audit, "procedure.edit", "procedure", code,
                                       detail={"version": procedure.current_version})
            return self._view(session, procedure)

        return self.db.write(work)

    # -- reading --------------------------------------------------------------------------------------------------
    def procedures(self, office_code: str | None = None) -> list[ProcedureView]:
        """Active procedures of the office in catalogue order (empty if the catalogue was never loaded)."""

        def work(session: Session) -> list[ProcedureView]:
            office = resolve_office(session, office_code or self.office_code)
            rows = session.execute(select(Procedure).where(Procedure.office_id == office.id,
                                                           Procedure.active.is_(True))
                                   .order_by(Procedure.position, Procedure.code)).scalars()
            return [self._view(session, p) for p in rows]

        return self.db.read(work)

    def procedure(self, code: str, office_code: str | None = None) -> ProcedureView:
        code = clean_code(code, "procedure")

        def work(session: Session) -> ProcedureView:
            office = resolve_office(session, office_code or self.office_code)
            return self._view(session, self._procedure(session, office.id, code))

        return self.db.read(work)

    def texts(self, lang: str, office_code: str | None = None) -> dict[str, ContentText]:
        """Every text row of ``lang`` for the office, by key (detached rows: read their attributes)."""
        lang = clean_choice(lang, "language", LANGUAGES)

        def work(session: Session) -> dict[str, ContentText]:
            office = resolve_office(session, office_code or self.office_code)
            rows = session.execute(select(ContentText).where(ContentText.office_id == office.id,
                                                             ContentText.lang == lang)).scalars().all()
            return {r.key: r for r in rows}

        return self.db.read(work)

    def office(self, office_code: str | None = None) -> Office:
        """The office row (name and address are printed on the sheets)."""
        return self.db.read(lambda s: resolve_office(s, office_code or self.office_code))

    # -- helpers --------------------------------------------------------------------------------------------------
    @staticmethod
    def _text_row(session: Session, office_id: int, key: str, lang: str) -> ContentText:
        row = session.execute(select(ContentText).where(ContentText.office_id == office_id, ContentText.key == key,
                                                        ContentText.lang == lang)).scalar()
        if row is None:
            raise NotFoundError("unknown_text", value=key)
        return row

    @staticmethod
    def _procedure(session: Session, office_id: int, code: str) -> Procedure:
        procedure = session.execute(select(Procedure).where(Procedure.office_id == office_id,
                                                            Procedure.code == code)).scalar()
        if procedure is None:
            if session.execute(select(Procedure.id).where(Procedure.office_id == office_id).limit(1)).scalar() is None:
                raise NotFoundError("no_catalogue")
            raise NotFoundError("unknown_procedure", value=code)
        return procedure

    @staticmethod
    def _current_items(session: Session, procedure: Procedure) -> list[dict[str, Any]]:
        return list(session.execute(select(ProcedureVersion.items).where(
            ProcedureVersion.procedure_id == procedure.id,
            ProcedureVersion.version == procedure.current_version)).scalar_one())

    @classmethod
    def _view(cls, session: Session, procedure: Procedure) -> ProcedureView:
        version = session.execute(select(ProcedureVersion).where(
            ProcedureVersion.procedure_id == procedure.id,
            ProcedureVersion.version == procedure.current_version)).scalar_one()
        items = tuple(ChecklistItem.from_json(i) for i in version.items)
        prefix = f"proc.{procedure.code}."
        name = session.execute(select(ContentText.text).where(
            ContentText.office_id == procedure.office_id, ContentText.key == f"{prefix}name",
            ContentText.lang == SOURCE_LANGUAGE)).scalar() or procedure.code
        text_verify = session.execute(select(ContentText.id).where(
            ContentText.office_id == procedure.office_id, ContentText.key.startswith(prefix, autoescape=True),
            ContentText.lang == SOURCE_LANGUAGE, ContentText.verify != "").limit(1)).scalar() is not None
        return ProcedureView(procedure.id, procedure.code, name, procedure.service_code, procedure.kind,
                             procedure.place, procedure.step_count, version.version, version.id, items,
                             procedure.edited, text_verify or any(i.verify for i in items))
