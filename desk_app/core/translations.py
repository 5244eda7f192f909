"""Translations of the catalogue: status per text and language, coverage for supervisors, PO export and import.

Italian is the source. A translation row records the digest of the Italian text it
translates, so its status is derived, never guessed:

* ``missing``: no translation;
* ``stale``: the Italian text changed since (digests differ); sheets then print the Italian line;
* ``draft``: drafted (by the project or a colleague), not yet checked by a translator;
* ``reviewed``: checked by a translator.

PO files (one per language) are the exchange format with professional translators:
``msgctxt`` is the text key, ``msgid`` the Italian text, ``msgstr`` the translation,
and the ``fuzzy`` flag means draft — a translator clears it when the entry is reviewed.
Importing records the ``msgid`` as the translated source, so a PO made before an
Italian edit imports as stale instead of silently passing as current. The shipped
drafts under ``resources/content/translations`` use the same format.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from sqlalchemy import select
from sqlalchemy.orm import Session

from desk_app import __version__
from desk_app.clock import Clock, SystemClock
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.catalogue import (
    LANGUAGE_NAMES,
    MAX_TEXT,
    SOURCE_LANGUAGE,
    Catalogue,
    ContentService,
    ShippedTranslation,
    exploitation_counts,
    text_digest,
)
from desk_app.core.directory import COVERAGE_DOCUMENT, directory_keys
from desk_app.core.office import resolve_office
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import clean_choice, clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.models_content import ContentText, Procedure, ProcedureVersion
from desk_app.errors import ValidationError
from desk_app.resources import resource_path

#: Every status, best first; a group of texts takes the worst status among its texts.
TRANSLATION_STATUSES = ("reviewed", "draft", "stale", "missing")
TARGET_LANGUAGES = tuple(lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE)
EXPLOITATION = "EXPLOIT"


def translation_status(source: ContentText | None, row: ContentText | None) -> str:
    """Status of ``row`` (a translation, or ``None``) against ``source`` (the Italian row)."""
    if source is not None and row is source:
        return "reviewed"
    if row is None or not row.text.strip():
        return "missing"
    if source is not None and row.source_digest != source.source_digest:
        return "stale"
    return row.status


def worst(statuses: Iterable[str]) -> str:
    """The worst of ``statuses`` (``reviewed`` for none)."""
    return max(statuses, key=TRANSLATION_STATUSES.index, default="reviewed")


# -- shipped PO files ---------------------------------------------------------------------------------------------
def translations_dir() -> Path:
    return resource_path("content", "translations")


def read_po(path: Path, expected_lang: str | None = None) -> tuple[str, list[ShippedTranslation]]:
    """Language and entries ``(key, italian, translation, is_draft)`` of a PO file.

    Raises :class:`ValidationError` if the file cannot be parsed, has no ``Language``
    header, or names another language than ``expected_lang``.
    """
    try:
        _check_strings(Path(path).read_text(encoding="utf-8"), path)
        po = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise ValidationError("bad_po_file", path=str(path), reason=str(exc).splitlines()[0][:200]) from exc
    lang = po.metadata.get("Language", "").strip().lower().replace("_", "-").split("-")[0]
    if lang not in LANGUAGES:
        raise ValidationError("bad_po_file", path=str(path), reason=f"Language header {lang or '-'}")
    if expected_lang is not None and lang != expected_lang:
        raise ValidationError("po_wrong_language", path=str(path), found=lang, expected=expected_lang)
    entries = [(e.msgctxt or "", e.msgid, e.msgstr, "fuzzy" in e.flags) for e in po if not e.obsolete and e.msgctxt]
    return lang, entries


#: A PO keyword line (``msgid "..."``, ``msgstr[0] "..."``) or a continuation line (``"..."``): its string must be
#: closed by an unescaped quote at the end of the line.
_PO_LINE = re.compile(r'^(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*(".*)$')
_PO_STRING = re.compile(r'^"(?:[^"\\]|\\.)*"$')


def _check_strings(text: str, path: Path) -> None:
    """Refuse a PO file with a string left open (``msgstr "abc`` without its closing quote).

    polib reads such a line by dropping its last character, so a translation would be stored cut short
    without a word; an import must refuse the file instead, naming the line.
    """
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _PO_LINE.match(line)
        if match is None or not _PO_STRING.match(match.group(1).strip()):
            raise ValueError(f"line {number}: string not closed or not a PO line: {line[:60]}")


def shipped(folder: Path | None = None) -> dict[str, list[ShippedTranslation]]:
    """The shipped translations, per language."""
    folder = folder or translations_dir()
    result: dict[str, list[ShippedTranslation]] = {}
    for path in sorted(folder.glob("*.po")):
        lang, entries = read_po(path)
        result[lang] = entries
    return result


# -- coverage -----------------------------------------------------------------------------------------------------
def sheet_keys(procedure_code: str, step_count: int, place: str, items: Iterable[Mapping[str, object]],
               all_keys: Iterable[str]) -> list[str]:
    """Every text key the instruction sheet of a procedure prints (labels included)."""
    keys = [f"proc.{procedure_code}.name", f"proc.{procedure_code}.summary"]
    keys += [f"proc.{procedure_code}.step.{n}" for n in range(1, step_count + 1)]
    keys += [f"place.{place}.name", f"place.{place}.details"]
    for item in items:
        keys.append(f"item.{item['key']}")
        if item.get("condition"):
            keys.append(f"cond.{item['condition']}")
    keys += sorted(k for k in all_keys if k.startswith("label."))
    return keys


def exploitation_keys(all_keys: Iterable[str]) -> list[str]:
    keys = list(all_keys)
    counts = exploitation_counts(keys)
    fixed = ["title", "intro", "signs_title", "rights_title", "call_title", "call", "help_title"]
    result = [f"exploit.{name}" for name in fixed]
    for group, count in counts.items():
        result += [f"exploit.{group}.{n}" for n in range(1, count + 1)]
    return result + sorted(k for k in keys if k.startswith("label."))


@dataclass(frozen=True)
class CoverageCell:
    """How far one document (a procedure's instruction sheet, or the exploitation sheet) is translated."""

    status: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@cache
def _shipped_catalogue() -> Catalogue:
    """The shipped catalogue, for its sources: it does not change while the program runs (parsed once, ~17 ms)."""
    return Catalogue.read()


@dataclass(frozen=True)
class TextState:
    """One Italian text of a procedure as the content editor shows it (issue 12).

    Attributes:
        key: the text key (``proc.RF-NO.name``, ``item.passport``...).
        text: the office's current Italian.
        verify: what is still "to verify" about it (empty: nothing).
        edited: the office changed it (catalogue reloads keep it).
        changed_on: ISO date of its last change (catalogue load or office edit).
        sources: its sources as printed (act or page, address, check date, doubts); a condition shows those of the
            lines it qualifies; empty for an office's own text.
        statuses: per target language, its translation's status (:data:`TRANSLATION_STATUSES`).
    """

    key: str
    text: str
    verify: str
    edited: bool
    changed_on: str
    sources: tuple[str, ...]
    statuses: dict[str, str]

    @property
    def needs_work(self) -> tuple[str, ...]:
        """The target languages whose translation is not reviewed against the current Italian."""
        return tuple(lang for lang in TARGET_LANGUAGES if self.statuses.get(lang) != "reviewed")


@dataclass(frozen=True)
class ImportResult:
    """What :meth:`TranslationService.import_po` did.

    Attributes:
        imported: entries written. ``stale``: of those, entries translated from an older Italian text.
        unchanged: entries equal to what the database holds. ``skipped``: empty or unknown keys.
    """

    lang: str
    imported: int
    stale: int
    unchanged: int
    skipped: int


class TranslationService:
    """Status, coverage and PO exchange of the office's content translations."""

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code

    def _rows(self, session: Session, office_id: int) -> dict[str, dict[str, ContentText]]:
        rows: dict[str, dict[str, ContentText]] = {}
        for row in session.execute(select(ContentText).where(ContentText.office_id == office_id)).scalars():
            rows.setdefault(row.lang, {})[row.key] = row
        return rows

    def statuses(self, lang: str, office_code: str | None = None) -> dict[str, str]:
        """Status of every Italian text's translation into ``lang``, by key."""
        lang = clean_choice(lang, "language", LANGUAGES)

        def work(session: Session) -> dict[str, str]:
            office = resolve_office(session, office_code or self.office_code)
            rows = self._rows(session, office.id)
            italian, target = rows.get(SOURCE_LANGUAGE, {}), rows.get(lang, {})
            if lang == SOURCE_LANGUAGE:
                return {key: "reviewed" for key in italian}
            return {key: translation_status(source, target.get(key)) for key, source in italian.items()}

        return self.db.read(work)

    def coverage(self, office_code: str | None = None) -> dict[str, dict[str, CoverageCell]]:
        """Document x language: for each procedure code (and ``EXPLOIT``), per language, the worst status and counts.

        A document counts as ``reviewed`` in a language only when every text it prints is.
        """

        def work(session: Session) -> dict[str, dict[str, CoverageCell]]:
            office = resolve_office(session, office_code or self.office_code)
            rows = self._rows(session, office.id)
            italian = rows.get(SOURCE_LANGUAGE, {})
            documents: dict[str, list[str]] = {}
            procedures = session.execute(select(Procedure, ProcedureVersion.items).join(
                ProcedureVersion, (ProcedureVersion.procedure_id == Procedure.id)
                & (ProcedureVersion.version == Procedure.current_version))
                .where(Procedure.office_id == office.id, Procedure.active.is_(True))
                .order_by(Procedure.position)).all()
            for procedure, items in procedures:
                documents[procedure.code] = sheet_keys(procedure.code, procedure.step_count, procedure.place, items,
                                                       italian)
            documents[EXPLOITATION] = exploitation_keys(italian)
            if directory := directory_keys(italian):  # the services directory's texts (issue 15), as one document
                documents[COVERAGE_DOCUMENT] = directory
            table: dict[str, dict[str, CoverageCell]] = {}
            for document, keys in documents.items():
                table[document] = {}
                for lang in TARGET_LANGUAGES:
                    target = rows.get(lang, {})
                    counts = Counter(translation_status(italian.get(k), target.get(k)) for k in keys)
                    table[document][lang] = CoverageCell(worst(counts), dict(counts))
            return table

        return self.db.read(work)

    def procedure_texts(self, code: str, office_code: str | None = None) -> list[TextState]:
        """The Italian texts of procedure ``code`` an editor may change: name, summary, steps, checklist lines and
        their conditions, in sheet order, each with its sources and its translations' statuses.

        A pure read of public instructions (no permission); editing goes through
        :meth:`~desk_app.core.catalogue.ContentService.edit_text`.

        Raises:
            NotFoundError: ``unknown_procedure`` / ``no_catalogue``.
        """
        code = clean_code(code, "procedure")
        catalogue = _shipped_catalogue()

        def work(session: Session) -> list[TextState]:
            office = resolve_office(session, office_code or self.office_code)
            procedure = ContentService._procedure(session, office.id, code)
            items = session.execute(select(ProcedureVersion.items).where(
                ProcedureVersion.procedure_id == procedure.id,
                ProcedureVersion.version == procedure.current_version)).scalar() or []
            keys = [f"proc.{code}.name", f"proc.{code}.summary"]
            keys += [f"proc.{code}.step.{n}" for n in range(1, procedure.step_count + 1)]
            item_sources: dict[str, tuple[str, ...]] = {}
            for item in items:
                keys.append(f"item.{item['key']}")
                labels = item.get("sources") or ()
                item_sources[f"item.{item['key']}"] = tuple(str(s) for s in labels) if isinstance(labels, list) else ()
                if item.get("condition"):
                    keys.append(f"cond.{item['condition']}")
                    # A condition has no source of its own: the lines it qualifies carry it.
                    condition = f"cond.{item['condition']}"
                    item_sources[condition] = tuple(dict.fromkeys(
                        item_sources.get(condition, ()) + item_sources[f"item.{item['key']}"]))
            rows = self._rows(session, office.id)
            italian = rows.get(SOURCE_LANGUAGE, {})
            result = []
            for key in dict.fromkeys(keys):
                source = italian.get(key)
                if source is None:  # a step count beyond the texts: nothing to edit
                    continue
                shipped_text = catalogue.texts.get(key)
                labels = item_sources.get(key) or tuple(  # the office reads each source whole (address, doubt)
                    catalogue.source_table[s].full_label() for s in (shipped_text.sources if shipped_text else ())
                    if s in catalogue.source_table)
                result.append(TextState(
                    key, source.text, source.verify, source.edited,
                    source.updated_at.date().isoformat() if source.updated_at else "", labels,
                    {lang: translation_status(source, rows.get(lang, {}).get(key)) for lang in TARGET_LANGUAGES}))
            return result

        return self.db.read(work)

    # -- PO exchange ------------------------------------------------------------------------------------------------
    def export_po(self, actor: Actor, lang: str, path: Path, office_code: str | None = None) -> int:
        """Write every Italian text and its ``lang`` translation to a PO file; return the number of entries.

        Drafts and stale entries are flagged ``fuzzy``; a stale entry carries the
        translation of the older Italian text in a translator comment. An entry whose Italian names a glossary
        concept carries the terms the glossary accepts for ``lang`` (issue 14: the terms the translator uses, the
        same ones ``translations glossary`` checks).
        """
        self.auth.require(actor, "edit_content", "translations", lang)
        lang = clean_choice(lang, "language", TARGET_LANGUAGES)
        from desk_app.core.glossary import Glossary, glossary_hints

        glossary = Glossary.read()

        def work(session: Session) -> polib.POFile:
            office = resolve_office(session, office_code or self.office_code)
            self.auth.require_office(actor, office.id, session)
            rows = self._rows(session, office.id)
            italian, target = rows.get(SOURCE_LANGUAGE, {}), rows.get(lang, {})
            po = polib.POFile(wrapwidth=0)
            po.metadata = {
                "Project-Id-Version": f"Sportello content {__version__}",
                "Language": lang,
                "MIME-Version": "1.0",
                "Content-Type": "text/plain; charset=UTF-8",
                "Content-Transfer-Encoding": "8bit",
                "X-Source-Language": SOURCE_LANGUAGE,
                "X-Office": office.code,
            }
            for key in sorted(italian):
                source, row = italian[key], target.get(key)
                status = translation_status(source, row)
                entry = polib.POEntry(msgctxt=key, msgid=source.text, msgstr="")
                comments = [f"{LANGUAGE_NAMES[lang]}: {status}"]
                comments += glossary_hints(glossary, lang, source.text)
                if source.verify:
                    comments.append(f"to verify (office): {source.verify}")
                if status in ("draft", "reviewed"):
                    entry.msgstr = row.text  # type: ignore[union-attr]
                elif status == "stale":
                    comments.append(f"old translation, of an earlier Italian text: {row.text}")  # type: ignore[union-attr]
                if status in ("draft", "stale"):
                    entry.flags.append("fuzzy")
                entry.comment = "\n".join(comments)
                po.append(entry)
            return po

        po = self.db.read(work)
        path.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(path))
        return len(po)

    def import_po(self, actor: Actor, lang: str, path: Path, office_code: str | None = None) -> ImportResult:
        """Read a translator's PO file into the office's texts (the rows become office edits).

        Entries without a translation or with an unknown key are skipped; ``fuzzy`` ones
        import as draft, the others as reviewed; each records its ``msgid`` as source.
        """
        self.auth.require(actor, "edit_content", "translations", lang)
        lang = clean_choice(lang, "language", TARGET_LANGUAGES)
        _, entries = read_po(path, expected_lang=lang)
        # The same rules as an edit in the app (ContentService.edit_text), for every entry before anything is
        # written: one text with a direction override, a control character or 10,000 characters refuses the file.
        entries = [(key, msgid, clean_text(msgstr, key, MAX_TEXT, required=False, multiline=True), draft)
                   for key, msgid, msgstr, draft in entries]
        now = self.clock.now()

        def work(session: Session) -> ImportResult:
            office = resolve_office(session, office_code or self.office_code)
            self.auth.require_office(actor, office.id, session)
            rows = self._rows(session, office.id)
            italian, target = rows.get(SOURCE_LANGUAGE, {}), rows.get(lang, {})
            imported = stale = unchanged = skipped = 0
            for key, msgid, msgstr, draft in entries:
                text = msgstr.strip()
                if key not in italian or not text:
                    skipped += 1
                    continue
                digest, status = text_digest(msgid.strip()), "draft" if draft else "reviewed"
                row = target.get(key)
                if row is not None and (row.text, row.source_digest, row.status) == (text, digest, status):
                    unchanged += 1
                    continue
                if row is None:
                    row = ContentText(office_id=office.id, key=key, lang=lang, verify="")
                    session.add(row)
                row.text, row.source_digest, row.status = text, digest, status
                row.edited, row.updated_at, row.updated_by = True, now, actor.username[:64]
                imported += 1
                if digest != italian[key].source_digest:
                    stale += 1
            self.auth.audit_log.record(session, actor.audit, "translations.import", "translations", lang,
                                       detail={"imported": imported, "stale": stale, "file": path.name})
            return ImportResult(lang, imported, stale, unchanged, skipped)

        return self.db.write(work)
