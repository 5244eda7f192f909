"""Terminology glossary of the user sheets and the check that keeps translations to it.

The glossary (``resources/content/glossary.toml``) lists concepts (nulla osta, permesso di
soggiorno, asseverazione, Questura, Prefettura, Testo unico, marca da bollo, Apostille,
ricongiungimento, coesione, ...): the Italian forms that name each one and, per language, the
renderings translators use. :func:`check` flags a translation whose Italian names a concept
while the translation uses none of that language's renderings: another word for a glossary
concept. A language with no rendering for a concept is not checked for it (its translator
fills the glossary in first). Plain Python: no Qt, no database.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.catalogue import ShippedTranslation
from desk_app.errors import ValidationError
from desk_app.resources import resource_path


def default_glossary_path() -> Path:
    return resource_path("content", "glossary.toml")


@dataclass(frozen=True)
class Concept:
    """One glossary concept: its Italian forms and, per language, the accepted renderings (lower case)."""

    key: str
    italian: tuple[str, ...]
    terms: dict[str, tuple[str, ...]]
    note: str = ""


@dataclass(frozen=True)
class Finding:
    """A translation that names ``concept`` in Italian but uses none of ``expected`` in ``lang``."""

    lang: str
    key: str
    concept: str
    expected: tuple[str, ...]
    translation: str


@dataclass(frozen=True)
class Glossary:
    """The parsed glossary. Build it with :meth:`read`."""

    version: str
    checked_on: str
    concepts: tuple[Concept, ...]

    @classmethod
    def read(cls, path: Path | None = None) -> Glossary:
        """Parse the glossary; raise :class:`ValidationError` ``bad_catalogue`` if it is malformed."""
        path = path or default_glossary_path()
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            concepts = []
            for entry in data["concept"]:
                italian = tuple(str(v).casefold() for v in entry["it"])
                if not italian:
                    raise ValueError(f"concept {entry['key']}: no Italian form")
                terms = {str(lang): tuple(str(v).casefold() for v in values) for lang, values in entry.items()
                         if lang not in ("key", "note", "it") and isinstance(values, list)}
                concepts.append(Concept(str(entry["key"]), italian, terms, str(entry.get("note", ""))))
            meta = data["glossary"]
            return cls(str(meta["version"]), str(meta["checked_on"]), tuple(concepts))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
            raise ValidationError("bad_catalogue", path=str(path), reason=reason) from exc

    def languages(self) -> set[str]:
        """Languages with at least one rendering in the glossary."""
        return {lang for concept in self.concepts for lang in concept.terms}


def check(glossary: Glossary, lang: str, entries: Iterable[ShippedTranslation]) -> list[Finding]:
    """Every entry of ``lang`` (PO-style ``(key, italian, translation, draft)``) that names a glossary concept
    in Italian and renders it with none of the glossary's terms for ``lang``. Empty translations are skipped."""
    findings = []
    for key, italian, translation, _draft in entries:
        source, target = italian.casefold(), translation.casefold()
        if not target.strip():
            continue
        for concept in glossary.concepts:
            expected = concept.terms.get(lang, ())
            if expected and any(form in source for form in concept.italian) and not any(
                    term in target for term in expected):
                findings.append(Finding(lang, key, concept.key, expected, translation))
    return findings


def glossary_hints(glossary: Glossary, lang: str, italian: str) -> list[str]:
    """The translator's comment lines for one Italian text: for each concept it names, the renderings
    ``lang`` accepts and the concept's note (``glossary: nulla osta -> "autorizim" (note)``). A concept with
    no rendering in ``lang`` is named too, so the translator knows to fill the glossary in first."""
    source, hints = italian.casefold(), []
    for concept in glossary.concepts:
        if any(form in source for form in concept.italian):
            terms = concept.terms.get(lang, ())
            accepted = " | ".join(f'"{t}"' for t in terms) if terms else "no term yet: add one to the glossary"
            note = f" ({concept.note})" if concept.note else ""
            hints.append(f"glossary: {concept.italian[0]} -> {accepted}{note}")
    return hints
