"""Translation status (missing / draft / reviewed / stale), coverage table, PO export and import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
import pytest

from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue
from desk_app.core.services import CoreServices
from desk_app.core.sheets import SheetBuilder
from desk_app.core.translations import TARGET_LANGUAGES, shipped
from desk_app.errors import ValidationError


@pytest.fixture
def loaded(services: CoreServices, system_actor: Actor, office: Any) -> CoreServices:
    services.content.load(system_actor)
    return services


def test_shipped_drafts_cover_every_text_of_every_language() -> None:
    italian = {key: text.text for key, text in Catalogue.read().texts.items()}
    drafts = shipped()
    assert set(drafts) == set(TARGET_LANGUAGES)
    for lang, entries in drafts.items():
        by_key = {key: (msgid, msgstr, draft) for key, msgid, msgstr, draft in entries}
        assert set(by_key) == set(italian), lang
        for key, (msgid, msgstr, draft) in by_key.items():
            # Each draft records the Italian it translates: the current one, so none ships stale.
            assert msgid == italian[key] and msgstr.strip() and draft, (lang, key)


def test_shipped_drafts_are_draft_and_unshipped_texts_missing(services: CoreServices, system_actor: Actor,
                                                             office: Any) -> None:
    # Ship the Arabic and English drafts without the LEG procedure's own texts.
    drafts = {lang: [e for e in entries if not (lang in ("ar", "en") and e[0].startswith("proc.LEG."))]
              for lang, entries in shipped().items()}
    services.content.load(system_actor, translations=drafts)
    statuses = services.translations.statuses("ar")
    assert statuses["proc.RF-NO.name"] == "draft"
    assert statuses["proc.LEG.name"] == "missing"
    table = services.translations.coverage()
    assert table["RF-NO"]["ur"].status == "draft" and table["EXPLOIT"]["zh"].status == "draft"
    assert table["LEG"]["en"].status == "missing" and table["LEG"]["en"].counts["missing"] > 0
    assert {cell.status for row in table.values() for lang, cell in row.items() if lang not in ("ar", "en")} == {
        "draft"}


def test_editing_the_italian_makes_translations_stale(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    loaded.content.edit_text(staff["supervisor"], "exploit.call", "it",
                             "Chiamata gratuita e anonima, attiva giorno e notte.")
    assert loaded.translations.statuses("fr")["exploit.call"] == "stale"
    assert loaded.translations.coverage()["EXPLOIT"]["fr"].status == "stale"
    # The sheet prints the current Italian instead of the outdated French line, and says so.
    sheet = SheetBuilder(loaded.content).exploitation("fr")
    callout = next(b for b in sheet.blocks if b.kind == "callout")
    assert callout.detail is not None and callout.detail.text.startswith("Chiamata gratuita")
    assert callout.detail.status == "stale" and sheet.status == "stale"
    # Translating it again clears the flag.
    loaded.content.edit_text(staff["supervisor"], "exploit.call", "fr", "Appel gratuit et anonyme, jour et nuit.")
    assert loaded.translations.statuses("fr")["exploit.call"] == "reviewed"


def test_po_round_trip(services: CoreServices, system_actor: Actor, staff: dict[str, Actor],
                      tmp_path: Path) -> None:
    # Albanian shipped without one text, which the translator then adds.
    drafts = shipped()
    drafts["sq"] = [e for e in drafts["sq"] if e[0] != "item.original_document"]
    loaded = services
    loaded.content.load(system_actor, translations=drafts)
    supervisor = staff["supervisor"]
    path = tmp_path / "sq.po"
    count = loaded.translations.export_po(supervisor, "sq", path)
    po = polib.pofile(str(path))
    assert len(po) == count == len(loaded.translations.statuses("sq"))
    entry = po.find("Marca da bollo", msgctxt="item.marca_bollo")
    assert entry is not None and entry.msgstr == "Pullë takse (marca da bollo)" and "fuzzy" in entry.flags
    legal = po.find("Documento originale con firma autografa (non copie, non documenti con firma digitale)",
                    msgctxt="item.original_document")
    assert legal is not None and legal.msgstr == ""
    # The translator reviews one draft and translates one missing entry.
    entry.flags.remove("fuzzy")
    legal.msgstr = "Dokumenti origjinal me firmë të shkruar me dorë (jo kopje, jo firmë dixhitale)"
    po.save(str(path))
    result = loaded.translations.import_po(supervisor, "sq", path)
    assert (result.imported, result.stale) == (2, 0) and result.unchanged > 60
    statuses = loaded.translations.statuses("sq")
    # Not flagged fuzzy by the translator: both count as reviewed.
    assert (statuses["item.marca_bollo"], statuses["item.original_document"]) == ("reviewed", "reviewed")
    assert statuses["item.passport"] == "draft"
    assert loaded.content.texts("sq")["item.original_document"].text.startswith("Dokumenti origjinal")
    # Importing the same file again changes nothing.
    assert loaded.translations.import_po(supervisor, "sq", path).imported == 0


def test_po_made_before_an_italian_edit_imports_as_stale(loaded: CoreServices, staff: dict[str, Actor],
                                                         tmp_path: Path) -> None:
    supervisor = staff["supervisor"]
    path = tmp_path / "es.po"
    loaded.translations.export_po(supervisor, "es", path)
    loaded.content.edit_text(supervisor, "item.codice_fiscale", "it", "Codice fiscale (tessera sanitaria)")
    po = polib.pofile(str(path))
    entry = po.find("Codice fiscale", msgctxt="item.codice_fiscale")
    assert entry is not None
    entry.msgstr, entry.flags = "Código fiscal", []
    po.save(str(path))
    result = loaded.translations.import_po(supervisor, "es", path)
    assert result.stale == 1
    assert loaded.translations.statuses("es")["item.codice_fiscale"] == "stale"


def test_po_of_another_language_is_refused(loaded: CoreServices, staff: dict[str, Actor], tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    loaded.translations.export_po(staff["supervisor"], "uk", path)
    with pytest.raises(ValidationError) as caught:
        loaded.translations.import_po(staff["supervisor"], "ro", path)
    assert caught.value.code == "po_wrong_language"


def test_reload_keeps_imported_translations(loaded: CoreServices, staff: dict[str, Actor], system_actor: Actor,
                                            tmp_path: Path) -> None:
    path = tmp_path / "bn.po"
    loaded.translations.export_po(staff["supervisor"], "bn", path)
    po = polib.pofile(str(path))
    entry = po.find("Ufficio", msgctxt="label.office")
    assert entry is not None
    entry.msgstr, entry.flags = "দপ্তর", []
    po.save(str(path))
    loaded.translations.import_po(staff["supervisor"], "bn", path)
    assert loaded.content.load(system_actor).texts_kept >= 1
    assert loaded.content.texts("bn")["label.office"].text == "দপ্তর"
