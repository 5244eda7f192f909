"""Terminology glossary: the concepts the issue names, the check that flags another term, the shipped drafts."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue
from desk_app.core.glossary import Glossary, check
from desk_app.core.services import CoreServices
from desk_app.core.translations import shipped

#: The concepts issue 14 asks the glossary to hold.
REQUIRED = {"nulla_osta", "permesso_di_soggiorno", "asseverazione", "questura", "prefettura", "testo_unico",
            "marca_da_bollo", "apostille", "ricongiungimento", "coesione"}


def test_glossary_holds_the_concepts_and_languages() -> None:
    glossary = Glossary.read()
    assert {c.key for c in glossary.concepts} >= REQUIRED
    assert {"en", "fr", "es"} <= glossary.languages()
    italian = " ".join(t.text for t in Catalogue.read().texts.values()).casefold()
    for concept in glossary.concepts:  # every concept is one the catalogue really uses
        assert any(form in italian for form in concept.italian), concept.key


def test_check_flags_another_term_for_a_concept() -> None:
    glossary = Glossary.read()
    entries = [
        ("item.x", "Asseverazione del consulente del lavoro", "Sworn statement by the labour consultant", True),
        ("item.y", "Asseverazione del consulente del lavoro", "Asseverazione (certification) by a consultant", True),
        ("item.z", "Permesso di soggiorno valido", "Valid stay permit", True),
        ("item.w", "Permesso di soggiorno valido", "", True),  # missing: not a terminology finding
    ]
    findings = check(glossary, "en", entries)
    assert [(f.key, f.concept) for f in findings] == [("item.x", "asseverazione"), ("item.z",
                                                                                      "permesso_di_soggiorno")]
    without_urdu = replace(glossary, concepts=tuple(
        replace(c, terms={lang: t for lang, t in c.terms.items() if lang != "ur"}) for c in glossary.concepts))
    assert check(without_urdu, "ur", entries) == []  # a language without terms for a concept: not checked


def test_current_shipped_drafts_follow_the_glossary() -> None:
    italian = {key: text.text for key, text in Catalogue.read().texts.items()}
    glossary = Glossary.read()
    for lang, entries in shipped().items():
        current = [e for e in entries if italian.get(e[0]) == e[1]]  # stale ones are not printed
        assert check(glossary, lang, current) == [], lang


def test_cli_reports_glossary_findings(services: CoreServices, system_actor: Actor, office: Any,
                                       staff: dict[str, Actor], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from cli_support import Cli

    services.content.load(system_actor)
    url = services.db.url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        pytest.skip("the CLI reads the same rows on PostgreSQL; checked once, on the SQLite file")
    cli = Cli(tmp_path, url, capsys).anonymous
    code, out, _ = cli("translations", "glossary", "--lang", "en", json_output=True)
    assert code == 0 and json.loads(out)["findings"] == []
    services.content.edit_text(staff["supervisor"], "item.marca_bollo", "en", "Tax stamp (marca da bollo)")
    code, out, _ = cli("translations", "glossary", "--lang", "en", json_output=True)
    data = json.loads(out)
    assert code == 1 and [(f["key"], f["concept"]) for f in data["findings"]] == [("item.marca_bollo",
                                                                                    "marca_da_bollo")]


def test_one_digit_style_per_language() -> None:
    """Digits are Western in every language, as the sheets print amounts, dates and article numbers: Bengali
    drafts mixed Bengali digits (৬ মাস) with Western ones (603-bis) on one sheet."""
    native = {"bn": "০১২৩৪৫৬৭৮৯", "hi": "०१२३४५६७८९", "pa": "੦੧੨੩੪੫੬੭੮੯", "ar": "٠١٢٣٤٥٦٧٨٩", "ur": "۰۱۲۳۴۵۶۷۸۹"}
    drafts = shipped()
    for lang, digits in native.items():
        mixed = [key for key, _, msgstr, _ in drafts[lang] if any(d in msgstr for d in digits)]
        assert mixed == [], lang


def test_every_concept_has_terms_in_all_12_languages() -> None:
    from desk_app.core.translations import TARGET_LANGUAGES

    glossary = Glossary.read()
    assert len(TARGET_LANGUAGES) == 12
    for concept in glossary.concepts:
        assert set(concept.terms) >= set(TARGET_LANGUAGES), (concept.key, set(TARGET_LANGUAGES) - set(concept.terms))
        assert all(all(t.strip() for t in terms) for terms in concept.terms.values()), concept.key


def test_inconsistencies_of_issue_14_are_fixed() -> None:
    """Albanian: one word for nulla osta (autorizim) and another for the permit (leje); Urdu: the Prefettura is
    masculine everywhere; Bengali, Ukrainian, Chinese: the 2020 emersione does not share the word of legalisation."""
    glossary = Glossary.read()
    by_concept = {c.key: c for c in glossary.concepts}
    drafts = shipped()
    nulla_osta, permit = by_concept["nulla_osta"].terms["sq"], by_concept["permesso_di_soggiorno"].terms["sq"]
    assert not any(a in b or b in a for a in nulla_osta for b in permit)
    for key, italian, text, _ in drafts["sq"]:
        if "nulla osta" in italian.casefold():
            assert "autorizim" in text.casefold() and "leje (nulla osta)" not in text.casefold(), key
    feminine = re.compile(r"پریفیکچر[^۔:؛]*?(کرتی|دیتی|سکتی|بلاتی|لیتی) ہے")
    for key, italian, text, _ in drafts["ur"]:
        if "prefettura" in italian.casefold():
            assert "پریفیکچر" in text and not feminine.search(text), key
    for lang, entries in drafts.items():
        legalisation = by_concept["legalizzazione"].terms[lang]
        emersione = by_concept["emersione"].terms[lang]
        assert not any(a in b or b in a for a in legalisation for b in emersione), lang
        for key, _, text, _ in entries:
            if key.startswith("proc.EMER."):
                assert not any(term in text.casefold() for term in legalisation), (lang, key)



def test_po_export_gives_each_entry_the_glossary_terms_it_needs(services: CoreServices, system_actor: Actor,
                                                               office: Any, staff: dict[str, Actor],
                                                               tmp_path: Path) -> None:
    """The PO file a translator receives names, on every entry whose Italian names a glossary concept, the
    renderings the glossary accepts in that language (the ones the check holds translations to); an entry that
    names no concept gets no glossary line."""
    import polib

    services.content.load(system_actor)
    path = tmp_path / "sq.po"
    services.translations.export_po(staff["supervisor"], "sq", path)
    po = polib.pofile(str(path))
    glossary = {c.key: c for c in Glossary.read().concepts}
    named = [e for e in po if "nulla osta" in e.msgid.casefold()]
    assert named, "the catalogue names the nulla osta"
    expected = "glossary: nulla osta -> " + " | ".join(f'"{t}"' for t in glossary["nulla_osta"].terms["sq"])
    for entry in named:
        assert any(line.startswith(expected) for line in entry.comment.splitlines()[1:]), entry.msgctxt
    bollo = po.find("Marca da bollo", msgctxt="item.marca_bollo")
    assert bollo is not None and any(line.startswith("glossary: marca da bollo -> ")
                                     for line in bollo.comment.splitlines())
    plain = [e for e in po if not any(form in e.msgid.casefold() for c in glossary.values() for form in c.italian)]
    assert plain and all("glossary:" not in e.comment for e in plain)
