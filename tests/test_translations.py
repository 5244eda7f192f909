"""Translation status (missing / draft / reviewed / stale), coverage table, PO export and import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polib
import pytest

from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue
from desk_app.core.services import CoreServices
from desk_app.core.sheets import SheetBuilder, plain_text
from desk_app.core.translations import TARGET_LANGUAGES, shipped
from desk_app.errors import ValidationError


@pytest.fixture
def loaded(services: CoreServices, system_actor: Actor, office: Any) -> CoreServices:
    services.content.load(system_actor)
    return services


#: Italian texts corrected for issue 14 (law and treaty review) after the drafts were made: a language whose
#: translator has not redone them ships them stale (printed in Italian) or missing, never as current.
CORRECTED = {"item.job_centre_check", "proc.RF-NO.summary", "proc.ADI.summary", "proc.ADI.step.3",
             "proc.BLU.summary"}
NEW_TEXTS = {"item.asseverazione", "item.adult_child_invalidity", "item.parent_dependency", "item.permit_card_fee",
             "item.permit_contribution", "item.postal_fee", "item.blue_card_contract", "cond.adult_child",
             "cond.parent", "label.stale_note", "label.sources", "label.reviewed_note", "proc.ADI.step.4",
             "cond.marriage"}
#: Procedures (and their places and checklist lines) issue 14 added: drafted in all 12 languages since.
NEW_PREFIXES = ("proc.LEG-EST.", "proc.TRAD.", "proc.SLP.", "proc.CITT.", "cond.family_members", "place.citt.",
                "place.tribunale.",
                "item.foreign_birth_record", "item.foreign_criminal_records", "item.italian_b1_certificate",
                "item.citizenship_fee", "item.marriage_record", "item.foreign_apostille", "item.italian_translation",
                "item.document_to_translate", "item.translation_text", "item.translator_id")


def test_shipped_drafts_are_current_stale_or_missing_never_wrongly_current() -> None:
    italian = {key: text.text for key, text in Catalogue.read().texts.items()}
    drafts = shipped()
    assert set(drafts) == set(TARGET_LANGUAGES)
    for lang, entries in drafts.items():
        by_key = {key: (msgid, msgstr, draft) for key, msgid, msgstr, draft in entries}
        assert {k for k in set(italian) - set(by_key) if not k.startswith(NEW_PREFIXES)} <= NEW_TEXTS, lang
        for key, (msgid, msgstr, draft) in by_key.items():
            assert key in italian and msgstr.strip() and draft, (lang, key)  # every shipped draft is a draft
            # Each draft records the Italian it translates: the current one, or an older one (stale).
            assert msgid == italian[key] or key in CORRECTED, (lang, key)
    # The asseverazione is a professional's certification, not a sworn statement, and not the job centre's.
    for lang in ("en", "fr", "es"):
        by_key = {key: (msgid, msgstr) for key, msgid, msgstr, _ in drafts[lang]}
        assert by_key["item.asseverazione"][0] == italian["item.asseverazione"]
        text = by_key["item.asseverazione"][1].lower()
        assert not any(word in text for word in ("sworn", "affidavit", "jurada", "serment")), lang
        assert by_key["item.job_centre_check"][0] == italian["item.job_centre_check"]
        assert "asseverazione" not in by_key["item.job_centre_check"][1].lower(), lang


#: The Italian of ``item.job_centre_check`` before issue 14 corrected it, and the Arabic draft made from it (which
#: called the asseverazione a declaration and gave it to the job centre).
OLD_JOB_CENTRE_IT = ("Asseverazione o verifica del Centro per l'Impiego sulla mancanza di lavoratori "
                     "disponibili in Italia")
OLD_JOB_CENTRE_AR = ("إقرار (asseverazione) أو تحقق من مركز التشغيل (Centro per l'Impiego) "
                     "بعدم وجود عمال متاحين في إيطاليا")


def test_corrected_italian_turns_old_translations_stale_on_the_sheet(services: CoreServices,
                                                                      system_actor: Actor, office: Any) -> None:
    # The Arabic drafts as they shipped before issue 14's redrafting: the old job-centre line, no asseverazione.
    drafts = {lang: [e for e in entries if not (lang == "ar" and e[0] in ("item.job_centre_check",
                                                                          "item.asseverazione"))]
              for lang, entries in shipped().items()}
    drafts["ar"].append(("item.job_centre_check", OLD_JOB_CENTRE_IT, OLD_JOB_CENTRE_AR, True))
    services.content.load(system_actor, translations=drafts)
    statuses = services.translations.statuses("ar")
    assert statuses["item.job_centre_check"] == "stale" and statuses["item.asseverazione"] == "missing"
    assert services.translations.statuses("en")["item.job_centre_check"] == "draft"
    sheet = SheetBuilder(services.content).instructions("NO-LAV", "ar")
    line = next(b.line for b in sheet.blocks if b.kind == "item" and "Centro per l'Impiego" in b.line.text)
    assert line.lang == "it" and line.status == "stale"  # the wrong Arabic wording is never printed
    notes = [b.line for b in sheet.blocks if b.kind == "note"]
    arabic = services.content.texts("ar")
    assert any(n.text == arabic["label.stale_note"].text for n in notes)  # the footer says so, in Arabic now
    cited = [plain_text(line.text) for b in sheet.blocks if b.kind == "note"
             for line in (b.line, b.detail) if line is not None]
    assert any("art. 44" in n and "2026-12-02" in n for n in cited)  # and cites each rule's source


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
    # Urdu now has drafts of every text issue 14 corrected or added: the whole sheet is draft, none missing.
    assert table["RF-NO"]["ur"].status == "draft" and table["RF-NO"]["ur"].counts.get("missing", 0) == 0
    assert table["EXPLOIT"]["fr"].status == "draft"
    assert table["LEG"]["en"].status == "missing" and table["LEG"]["en"].counts["missing"] > 0
    # Every other document is draft, or stale/missing where issue 14 corrected or added Italian texts.
    assert {cell.status for row in table.values() for lang, cell in row.items() if lang not in ("ar", "en")} <= {
        "draft", "stale", "missing"}
    assert table["RF-PI"]["fr"].status == "draft"


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


def test_a_reviewer_marks_a_whole_sheet_reviewed_and_the_footer_says_which(
        loaded: CoreServices, staff: dict[str, Actor], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    builder = SheetBuilder(loaded.content)
    italian = loaded.content.texts("it")
    draft = builder.exploitation("en")
    assert draft.status == "draft"
    assert any(b.line.text == loaded.content.texts("en")["label.draft_note"].text for b in draft.blocks)
    from desk_app.core.translations import exploitation_keys

    result = loaded.content.review_translations(staff["supervisor"], "en", exploitation_keys(italian))
    assert result.reviewed > 10 and result.stale == result.missing == 0
    reviewed = builder.exploitation("en")
    english = loaded.content.texts("en")
    notes = [b.line.text for b in reviewed.blocks if b.kind == "note"]
    assert reviewed.status == "reviewed" and english["label.reviewed_note"].text in notes
    assert english["label.draft_note"].text not in notes
    # A changed Italian source turns its translation stale: the footer now says so, not "not yet reviewed".
    loaded.content.edit_text(staff["supervisor"], "exploit.call", "it", "Chiamata gratuita, attiva giorno e notte.")
    stale = builder.exploitation("en")
    notes = [b.line.text for b in stale.blocks if b.kind == "note"]
    assert stale.status == "stale" and english["label.stale_note"].text in notes
    assert english["label.draft_note"].text not in notes
    # A stale line cannot be "reviewed": it must be translated again.
    again = loaded.content.review_translations(staff["supervisor"], "en", ["exploit.call", "exploit.title"])
    assert (again.reviewed, again.already, again.stale) == (0, 1, 1)
    assert loaded.translations.statuses("en")["exploit.call"] == "stale"


def test_clerk_may_not_review_translations(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    from desk_app.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        loaded.content.review_translations(staff["clerk"], "fr", ["item.passport"])
    assert loaded.translations.statuses("fr")["item.passport"] == "draft"


def test_cli_reviews_a_procedure_sheet(loaded: CoreServices, staff: dict[str, Actor], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from cli_support import Cli

    url = loaded.db.url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        pytest.skip("the CLI writes the same rows on PostgreSQL; checked once, on the SQLite file")
    supervisor = Cli(tmp_path, url, capsys).as_user("supervisor", "supervisor-password")
    code, out, err = supervisor("translations", "review", "--lang", "es", "--procedure", "NO-LAV", json_output=True)
    assert code == 0, err
    data = json.loads(out)
    assert data["reviewed"] > 10 and data["stale"] == data["missing"] == 0  # Spanish drafts cover NO-LAV
    statuses = loaded.translations.statuses("es")
    assert statuses["item.asseverazione"] == "reviewed" and statuses["proc.NO-LAV.name"] == "reviewed"
    assert statuses["proc.RF-NO.name"] == "draft"  # another sheet: untouched


def test_every_language_drafts_every_current_italian_text() -> None:
    """Issue 14: the corrected and the added texts (new procedures included) are drafted in all 12 languages,
    each against the current Italian, so no sheet prints an Italian line for want of a translation."""
    italian = {key: text.text for key, text in Catalogue.read().texts.items()}
    drafts = shipped()
    assert len(drafts) == 12
    for lang, entries in drafts.items():
        by_key = {key: (msgid, msgstr, draft) for key, msgid, msgstr, draft in entries}
        assert set(italian) - set(by_key) == set(), lang
        stale = sorted(key for key, (msgid, _, _) in by_key.items() if msgid != italian[key])
        assert stale == [], lang
        assert all(draft and msgstr.strip() for _, msgstr, draft in by_key.values()), lang  # drafts, not reviewed


def test_drafts_keep_numbers_and_the_legal_distinctions() -> None:
    """Every number of the Italian (days, euros, articles, years) reappears in each new or redrafted translation;
    the asseverazione is nowhere a sworn statement or the job centre's; invalidità totale stays total."""
    import re

    italian = {key: text.text for key, text in Catalogue.read().texts.items()}
    redrafted = CORRECTED | NEW_TEXTS | {k for k in italian if k.startswith(NEW_PREFIXES)}
    sworn = {"en": "sworn", "fr": "serment", "es": "jurada", "ar": "إقرار", "ur": "حلف نامہ", "bn": "হলফনামা",
             "hi": "शपथ-पत्र", "pa": "ਹਲਫ਼ਨਾਮਾ", "uk": "засвідчення", "sq": "vërtetim", "ro": "declarație"}

    def numbers(text: str) -> list[str]:
        return sorted(n.replace(".", "").replace(",", "") for n in re.findall(r"\d+(?:[.,]\d+)*", text))

    for lang, entries in shipped().items():
        by_key = {key: msgstr for key, _, msgstr, _ in entries}
        for key in sorted(redrafted):
            # Arabic writes "one year" in words in one sentence; every other number is kept as digits.
            wanted = [n for n in numbers(italian[key]) if not (n == "1" and key == "proc.ADI.summary")]
            got = numbers(by_key[key].replace("\u202f", "").replace("10 000", "10000"))
            assert all(got.count(n) >= wanted.count(n) for n in set(wanted)), (lang, key, wanted, got)
        assert "invalidità totale" in by_key["item.adult_child_invalidity"] or lang in ("en", "fr", "es"), lang
        certification = by_key["item.asseverazione"].casefold()
        assert "asseverazione" in certification, lang
        if lang in sworn:
            assert sworn[lang] not in certification, lang
        assert "asseverazione" not in by_key["item.job_centre_check"].casefold(), lang

