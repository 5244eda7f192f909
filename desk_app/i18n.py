"""Staff text without Qt: the one catalogue (Qt Linguist's ``translations/sportello_<lang>.ts``) read by every layer.

English is the source language everywhere. The GUI translates with ``self.tr()`` and Qt's ``.qm`` files; the Qt-free
layers (core, errors, ``desk-admin``) mark their English sources so ``pyside6-lupdate`` collects them into the same
``.ts``, with their context:

* ``QT_TRANSLATE_NOOP("Context", "source")`` for table entries and sentences (returns the source unchanged);
* ``SomeContext.tr("source", "", n)`` on a :class:`Context` subclass for plurals (``%n``): lupdate extracts a call
  with a count as a numerus entry only in the ``X.tr(source, disambiguation, n)`` form, and ``X`` is its context;
* a ``#:`` comment on the line before becomes the translator's comment.

At build time (``setup.py`` and ``scripts/build_translations.py``) each ``.ts`` is compiled twice, from the same file:
``lrelease`` writes the ``.qm`` for Qt and :func:`write_compiled` writes ``sportello_<lang>.json``
(``{context: {source: translation | [plural forms]}}``) next to it, which :func:`translate` reads here. English has a
catalogue too, with its plural forms only (``lupdate -pluralonly``): every other English text is its own source.
"""

from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from desk_app.resources import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "sportello"
SOURCE_LANGUAGE = "en"
#: Staff UI languages. Italian is the default.
STAFF_LANGUAGES = ("it", "en")

Entry = str | list[str]
Compiled = dict[str, dict[str, Entry]]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Qt's translation marker, typed and Qt-free: returns ``source`` unchanged.

    ``lupdate`` collects ``QT_TRANSLATE_NOOP("Context", "text")`` calls by name, whatever the function behind it
    (PySide6's own version is typed as returning ``object`` and would pull Qt into the core).
    """
    del context  # only lupdate reads it
    return source


def compiled_dir() -> Path:
    """Where the compiled catalogues are (``.qm`` and ``.json``): package data, built from ``translations/*.ts``."""
    return resource_path("translations")


def plural_index(lang: str, n: int) -> int:
    """Which numerus form ``n`` takes in ``lang`` (Qt's rules; Italian and English: singular for 1 only)."""
    del lang  # every staff language so far has the same two-form rule
    return 0 if n == 1 else 1


@cache
def catalogue(lang: str) -> Compiled:
    """The compiled catalogue of ``lang`` (empty, with a warning, if the checkout was never built)."""
    path = compiled_dir() / f"{CATALOGUE}_{lang}.json"
    try:
        data: Compiled = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        log.warning("translation %s not found: staff text stays in English", path)
        return {}
    return data


def translate(lang: str, context: str, source: str, n: int | None = None) -> str:
    """``source`` (English, marked in ``context``) in ``lang``; with ``n``, the right plural form and ``%n`` -> n.

    Falls back to the English source when the catalogue has no translation.
    """
    entry = catalogue(lang).get(context, {}).get(source)
    if isinstance(entry, list):
        text = entry[min(plural_index(lang, n if n is not None else 1), len(entry) - 1)] if entry else source
    else:
        text = entry or source
    return text.replace("%n", str(n)) if n is not None else text


@dataclass(frozen=True)
class Message:
    """A marked English source, rendered later in the staff language (``str.format`` fields in ``params``)."""

    context: str
    source: str
    n: int | None = None

    def render(self, lang: str, **params: Any) -> str:
        text = translate(lang, self.context, self.source, self.n)
        return text.format(**params) if params else text


class Context:
    """Base of a Qt-free translation context: ``MyContext.tr(source)`` or ``MyContext.tr(source, "", n)``.

    The class name is the context in the ``.ts``, as for a widget's ``self.tr()``; this is the only form in which
    ``lupdate`` records a Python call with a count as a plural (numerus) message.
    """

    @classmethod
    def tr(cls, source: str, disambiguation: str | None = None, n: int | None = None) -> Message:
        del disambiguation  # not used by the catalogues so far
        return Message(cls.__name__, source, n)


def read_ts(ts_file: Path) -> Compiled:
    """The finished and unfinished translations of a ``.ts`` file (as ``lrelease`` keeps them; obsolete ones not)."""
    compiled: Compiled = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            if message.get("numerus") == "yes":
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if any(forms):
                    compiled.setdefault(name, {})[source] = forms
            elif translation.text:
                compiled.setdefault(name, {})[source] = translation.text
    return compiled


def write_compiled(ts_file: Path, target: Path) -> Path:
    """Write the Qt-free compiled form of ``ts_file`` (``sportello_it.ts`` -> ``target/sportello_it.json``)."""
    target.mkdir(parents=True, exist_ok=True)
    out = target / ts_file.with_suffix(".json").name
    fresh = out.with_suffix(".json.new")
    fresh.write_text(json.dumps(read_ts(ts_file), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                     encoding="utf-8")
    fresh.replace(out)
    return out
