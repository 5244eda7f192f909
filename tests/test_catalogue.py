"""The procedure catalogue: shipped data, idempotent per-office loading, office edits, checklist versions, cases."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from desk_app.clock import local_time
from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue, ItemSpec
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.db.models_content import ContentText, ProcedureVersion
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from desk_app.resources import resource_path

#: Every procedure DOMAIN.md names (and those issue 14 added), with the service of the demo office
#: (desk_app/core/demo.py) it belongs to.
EXPECTED = {
    "NO-LAV": "LAV", "NO-STAG": "LAV", "RF-NO": "RF", "RF-PI": "RF", "COES": "RF", "CONV-ST": "CONV",
    "CONV-SG": "CONV", "ADI": "ADI", "TEST-A2": "ADI", "ART27": "LAV", "BLU": "LAV", "RIC": "LAV", "EMER": "LAV",
    "LEG": "LEG",
    # added for issue 14: foreign documents for use in Italy, sworn translations, citizenship (L. 91/1992)
    "LEG-EST": "LEG", "TRAD": "LEG", "SLP": "INFO", "CITT": "INFO",
    # issue 14, second pass: family members of EU/Italian citizens (D.Lgs. 30/2007, filed at the Questura: the RF
    # desks explain it like COES), conversions at 18 (art. 32 TU) and to self-employment (art. 26 TU), entries
    # outside the quotas (art. 23 TU training abroad, D.L. 145/2024 family carers), multi-year seasonal (art. 24 TU).
    "UE-FAM": "RF", "CONV-18": "CONV", "CONV-AUT": "CONV", "FORM-23": "LAV", "ASS-FAM": "LAV",
    "NO-STAG-PL": "LAV",
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.read()


@pytest.fixture
def loaded(services: CoreServices, system_actor: Actor, office: Any) -> CoreServices:
    services.content.load(system_actor)
    return services


def test_shipped_catalogue_has_every_procedure_with_a_checklist(catalogue: Catalogue) -> None:
    assert {p.code: p.service for p in catalogue.procedures} == EXPECTED
    for procedure in catalogue.procedures:
        assert any(i.requirement == "required" for i in procedure.items), procedure.code
        assert procedure.step_count >= 2, procedure.code
        for item in procedure.items:
            assert catalogue.texts[f"item.{item.key}"].text
            if item.requirement == "conditional":
                assert catalogue.texts[f"cond.{item.condition}"].text.startswith("solo")
    coes = next(p for p in catalogue.procedures if p.code == "COES")
    assert (coes.kind, coes.place) == ("redirect", "questura")


def test_uncertain_facts_ship_flagged_to_verify(catalogue: Catalogue) -> None:
    by_code = {p.code: p for p in catalogue.procedures}
    stamps = {code: next(i for i in p.items if i.key == "marca_bollo") for code, p in by_code.items()
              if any(i.key == "marca_bollo" for i in p.items)}
    # DOMAIN.md: "marca da bollo €16 (? how many)" for NO-LAV, "(? one per relative)" for RF-NO.
    assert stamps["NO-LAV"].verify and stamps["RF-NO"].verify and stamps["LEG"].verify
    assert catalogue.fees[stamps["RF-NO"].fee].amount_cents == 1600
    assert catalogue.texts["proc.RF-PI.step.1"].verify  # Lodi phone numbers (?)
    assert catalogue.texts["proc.CONV-ST.summary"].verify  # whether quotas still apply (?)
    assert all(i.verify for i in by_code["BLU"].items if i.key == "passport_work_visa")  # no checklist gathered


def test_catalogue_errors_name_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "catalogue.toml"
    text = resource_path("content", "catalogue.toml").read_text(encoding="utf-8")
    broken.write_text(text.replace('{ key = "pec", need = "required", source = ["ali"] }',
                                   '{ key = "nope", need = "required" }', 1), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Catalogue.read(broken)
    assert "unknown item nope" in caught.value.message("en")
    broken.write_text(text.replace('source = ["tu-29"] }', 'source = ["nowhere"] }', 1), encoding="utf-8")
    with pytest.raises(ValidationError) as unsourced:
        Catalogue.read(broken)
    assert "unknown source nowhere" in unsourced.value.message("en")


def test_load_is_idempotent_and_keeps_office_edits(loaded: CoreServices, system_actor: Actor,
                                                   staff: dict[str, Actor]) -> None:
    procedures = loaded.content.procedures()
    assert [p.code for p in procedures] == list(EXPECTED)
    again = loaded.content.load(system_actor)
    assert not again.changed and again.versions_added == ()
    loaded.content.edit_text(staff["supervisor"], "proc.RF-NO.summary", "it", "Testo dell'ufficio.")
    third = loaded.content.load(system_actor)
    assert third.texts_kept == 1 and not third.changed
    assert loaded.content.texts("it")["proc.RF-NO.summary"].text == "Testo dell'ufficio."


def test_clerk_may_not_edit_content(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError):
        loaded.content.edit_text(staff["clerk"], "item.passport", "it", "Altro")


def test_case_keeps_its_checklist_version_after_a_catalogue_update(
        loaded: CoreServices, system_actor: Actor, staff: dict[str, Actor], catalogue: Catalogue) -> None:
    clerk = staff["clerk"]
    old_case = loaded.cases.open_case(clerk, "RF-NO", "ar", practice_number="lo/2026/123")
    assert old_case.version == 1 and old_case.practice_number == "LO/2026/123"
    # A new catalogue release drops the PEC line from NO-LAV and adds one to RF-NO.
    rf = next(p for p in catalogue.procedures if p.code == "RF-NO")
    extra = ItemSpec("pec", "optional")
    updated = dataclasses.replace(catalogue, procedures=tuple(
        dataclasses.replace(p, items=(*p.items, extra)) if p is rf else p for p in catalogue.procedures))
    result = loaded.content.load(system_actor, updated)
    assert result.versions_added == ("RF-NO",)
    assert loaded.content.procedure("RF-NO").version == 2
    new_case = loaded.cases.open_case(clerk, "RF-NO", "it")
    assert new_case.version == 2 and new_case.items[-1].key == "pec"
    reread = loaded.cases.get(clerk, old_case.id)
    assert reread.version == 1 and [i.key for i in reread.items] == [i.key for i in rf.items]


def test_editing_an_item_text_freezes_a_new_version(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    case = loaded.cases.open_case(staff["clerk"], "COES", "fr")
    loaded.content.edit_text(staff["supervisor"], "item.photos", "it", "4 fototessere a colori")
    assert loaded.content.procedure("COES").version == 2
    assert next(i for i in loaded.content.procedure("COES").items if i.key == "photos").text_it.startswith("4 foto")
    assert next(i for i in loaded.cases.get(staff["clerk"], case.id).items
                if i.key == "photos").item.text_it.startswith("4 fotografie")


def test_office_checklist_edit_survives_reload(loaded: CoreServices, system_actor: Actor,
                                               staff: dict[str, Actor]) -> None:
    view = loaded.content.set_checklist(staff["supervisor"], "TEST-A2", [
        ItemSpec("id_document", "required"), ItemSpec("convocation_letter", "required"),
        ItemSpec("photos", "optional")])
    assert view.version == 2 and view.edited
    loaded.content.load(system_actor)
    assert [i.key for i in loaded.content.procedure("TEST-A2").items] == ["id_document", "convocation_letter",
                                                                          "photos"]


def test_checklist_at_the_counter(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    ticket = loaded.queue.issue_ticket(clerk, "RF", language="ur")
    case = loaded.cases.open_case(clerk, "RF-PI", "ur", practice_number="P-77", ticket_id=ticket.id)
    assert case.ticket_number == ticket.number and {i.state for i in case.items} == {"pending"}
    case = loaded.cases.mark_item(clerk, case.id, "passport_family_visa", "presented")
    case = loaded.cases.mark_item(clerk, case.id, "host_declaration", "missing", note="manca la firma")
    case = loaded.cases.mark_item(clerk, case.id, "insurance_parent", "not_applicable")
    assert [i.key for i in case.missing] == ["host_declaration"]
    assert case.missing[0].note == "manca la firma"
    assert {i.key for i in case.pending_required} == {"nulla_osta", "civil_status_records", "marca_bollo"}
    with pytest.raises(NotFoundError):
        loaded.cases.mark_item(clerk, case.id, "not_an_item", "missing")
    closed = loaded.cases.close(clerk, case.id, "incomplete", note="torna giovedì")
    assert (closed.status, closed.outcome, closed.note) == ("closed", "incomplete", "torna giovedì")
    with pytest.raises(ConflictError):
        loaded.cases.mark_item(clerk, case.id, "nulla_osta", "presented")
    # Next visit: found by practice number (audited), reopened, same checklist.
    found = loaded.cases.find_by_practice(staff["clerk2"], " p-77 ")
    assert [c.id for c in found] == [case.id]
    reopened = loaded.cases.reopen(staff["clerk2"], case.id)
    assert (reopened.status, reopened.visits, reopened.outcome) == ("open", 2, None)
    assert [i.key for i in reopened.missing] == ["host_declaration"]
    lookups = loaded.db.read(lambda s: s.execute(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "case.lookup")).scalar_one())
    assert lookups == 1


def test_mediator_may_not_open_cases(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    with pytest.raises(PermissionDeniedError):
        loaded.cases.open_case(staff["mediator"], "LEG", "it")


def test_unknown_procedure_and_unloaded_catalogue(services: CoreServices, staff: dict[str, Actor],
                                                  system_actor: Actor) -> None:
    with pytest.raises(NotFoundError) as caught:
        services.cases.open_case(staff["clerk"], "RF-NO", "it")
    assert caught.value.code == "no_catalogue"
    services.content.load(system_actor)
    with pytest.raises(NotFoundError) as caught:
        services.cases.open_case(staff["clerk"], "XYZ", "it")
    assert caught.value.code == "unknown_procedure"
    versions = services.db.read(lambda s: s.execute(select(func.count(ProcedureVersion.id))).scalar_one())
    assert versions == len(EXPECTED)


def test_retention_clears_practice_numbers(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    clerk = staff["clerk"]
    case = loaded.cases.open_case(clerk, "LEG", "en", practice_number="X1")
    loaded.cases.close(clerk, case.id, "complete")
    assert loaded.cases.purge_practice_numbers(staff["admin"], 0) == 1
    assert loaded.cases.get(clerk, case.id).practice_number is None
    assert loaded.cases.find_by_practice(clerk, "X1") == []


def test_demo_office_comes_with_the_catalogue(services: CoreServices, system_actor: Actor) -> None:
    from desk_app.core.demo import create_demo_office
    from desk_app.core.sheets import SheetBuilder

    first = create_demo_office(services, system_actor)
    assert first.catalogue is not None and first.catalogue.procedures_added == len(EXPECTED)
    assert {p.code for p in services.content.procedures("LODI")} == set(EXPECTED)
    # Sheets print straight away, translated (shipped drafts).
    sheet = SheetBuilder(services.content).instructions("NO-LAV", "fr")
    assert sheet.status == "draft" and sheet.blocks[0].line.lang == "fr"
    # A second run changes nothing.
    again = create_demo_office(services, system_actor)
    assert again.catalogue is not None and not again.catalogue.changed and not again.staff_created


def test_every_procedure_maps_to_a_service_of_the_demo_office(catalogue: Catalogue) -> None:
    from desk_app.core.demo import DEMO_OFFICE

    services = {service["code"] for service in DEMO_OFFICE["service"]}
    assert {p.service for p in catalogue.procedures} <= services


def test_every_rule_carries_its_own_source_with_a_check_date(catalogue: Catalogue) -> None:
    for procedure in catalogue.procedures:
        rules = catalogue.rule_sources(procedure.code)
        keys = {key for key, _ in rules}
        expected = {f"proc.{procedure.code}.summary"} | {f"proc.{procedure.code}.step.{n}"
                                                          for n in range(1, procedure.step_count + 1)}
        assert expected | {f"item.{i.key}" for i in procedure.items} == keys, procedure.code
        for _, source in rules:
            assert source.citation and len(source.checked_on) == 10 and source.checked_on.startswith("20")
    for fee in catalogue.fees.values():
        assert fee.sources, fee.key
    # Facts that could not be confirmed at their source stay flagged "to verify".
    assert catalogue.source_table["blu"].verify and catalogue.source_table["fees-permit"].verify
    assert all(f.verify for f in catalogue.fees.values() if "fees-permit" in f.sources)


#: Steps and checklist lines that still rest on their procedure's sources: no source read on 2/12/2026 states
#: them (who books the fingerprints, the employer's identity document ...). Every other step and line names its own.
INHERITING = {
    "NO-LAV step 5", "NO-LAV item employer_id", "NO-STAG step 4", "NO-STAG item employer_id",
    "RF-NO item inps_domestic", "RF-PI step 3", "RF-PI item nulla_osta", "RF-PI item civil_status_records",
    "CONV-ST step 3", "CONV-ST item employer_id", "ADI item id_document", "ADI item civic_course_certificate",
    "ART27 item passport_work_visa", "ART27 item employment_contract", "BLU item passport_work_visa",
    "LEG-EST item original_document", "LEG-EST item id_document", "SLP item permit", "SLP item codice_fiscale",
    "CITT step 2", "CONV-AUT step 3",
}


def test_steps_and_checklist_lines_name_their_own_source(catalogue: Catalogue) -> None:
    """Issue 14, item 1: a step or a checklist line cites the act and article, or the page, that states it, not
    only its procedure's; the few no source states are listed above (a new step or line must name its own)."""
    import tomllib

    data = tomllib.loads(resource_path("content", "catalogue.toml").read_text(encoding="utf-8"))
    inheriting = set()
    for procedure in data["procedures"]:
        for n, step in enumerate(procedure["steps"], 1):
            if not (isinstance(step, dict) and step.get("source")):
                inheriting.add(f"{procedure['code']} step {n}")
        inheriting |= {f"{procedure['code']} item {i['key']}" for i in procedure["items"] if not i.get("source")}
    assert inheriting == INHERITING
    steps = sum(len(p["steps"]) for p in data["procedures"])
    lines = sum(len(p["items"]) for p in data["procedures"])
    own_steps = steps - sum(" step " in k for k in INHERITING)
    own_lines = lines - sum(" item " in k for k in INHERITING)
    assert own_steps >= 74 and own_lines >= 165
    # a user's sheet names each source briefly (act and article, or the page), the CLI in full
    assert all(len(source.title()) <= 180 for source in catalogue.source_table.values())
    tu29 = catalogue.source_table["tu-29-c3bbis"]
    assert tu29.title() == ("D.Lgs. 286/1998, art. 29 c. 3 lett. b-bis), inserita dal D.Lgs. 3 ottobre 2008, n. 160; "
                            "circolare del Ministero dell'Interno 17 febbraio 2009, n. 737")  # "lett. b-bis)" whole
    assert catalogue.source_table["tu"].title() == "D.Lgs. 25 luglio 1998, n. 286 (Testo unico immigrazione)"
    assert tu29.full_label().startswith(tu29.citation) and tu29.citation not in tu29.label()
    assert tu29.verify and tu29.label().endswith(" – da verificare") and tu29.full_label().endswith(tu29.verify)


def test_every_to_verify_note_fits_where_it_is_stored(catalogue: Catalogue) -> None:
    """A "to verify" note of a text is stored with it (``content_text.verify``): one longer than the column would
    make `content load` fail on PostgreSQL (and be cut nowhere else)."""
    limit = ContentText.__table__.c.verify.type.length
    assert limit and all(len(t.verify) <= limit for t in catalogue.texts.values())


def test_law_corrections_of_issue_14(catalogue: Catalogue) -> None:
    texts = catalogue.texts
    by_code = {p.code: p for p in catalogue.procedures}
    # Art. 29 c. 1 c) and d) TU: adult children only with total invalidity; parents only under conditions.
    summary = texts["proc.RF-NO.summary"].text
    assert "invalidità totale" in summary and "non hanno altri figli" in summary and "65 anni" in summary
    assert {"adult_child_invalidity", "parent_dependency"} <= {i.key for i in by_code["RF-NO"].items}
    assert texts["proc.RF-NO.step.5"].verify  # the 48 hours, like RF-PI's
    # Two separate requirements (art. 22 c. 2 TU; art. 44 DL 73/2022), not alternatives.
    no_lav = {i.key: i for i in by_code["NO-LAV"].items}
    assert no_lav["job_centre_check"].requirement == no_lav["asseverazione"].requirement == "required"
    assert "Asseverazione" not in texts["item.job_centre_check"].text
    assert no_lav["asseverazione"].sources == ("dl73-44",) and no_lav["job_centre_check"].sources == ("tu-22",)
    # DPR 179/2011: spoken A2 and civic knowledge besides 30 credits; illness/disability exemption.
    adi = texts["proc.ADI.summary"].text
    assert "30 crediti" in adi and "A2" in adi and "cultura civica" in adi and "disabilità" in adi
    # Permit fees on COES and the conversions; Blue Card contract length and salary threshold.
    for code in ("COES", "CONV-ST", "CONV-SG"):
        fees = {i.fee for i in by_code[code].items}
        assert {"permesso_elettronico", "bollo"} <= fees and fees & {"contributo_40", "contributo_50"}, code
    assert {"contributo_100", "permesso_elettronico", "postale"} <= {i.fee for i in by_code["SLP"].items}
    assert catalogue.fees["permesso_elettronico"].amount_cents == 3046
    assert catalogue.fees["postale"].amount_cents == 3000
    assert "6 mesi" in texts["proc.BLU.summary"].text and texts["proc.BLU.summary"].verify


def test_content_show_prints_each_rule_with_its_source(loaded: CoreServices, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from cli_support import Cli

    url = loaded.db.url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        pytest.skip("the CLI reads the same rows on PostgreSQL; checked once, on the SQLite file")
    code, out, err = Cli(tmp_path, url, capsys).anonymous("content", "show", "NO-LAV", json_output=True)
    assert code == 0, err
    data = json.loads(out)
    items = {i["key"]: i for i in data["items"]}
    assert any("art. 44" in s and "2026-12-02" in s for s in items["asseverazione"]["sources"])
    assert all(t["sources"] for t in data["texts"]) and all(i["sources"] for i in data["items"])


def test_procedures_added_for_issue_14_cite_their_law(catalogue: Catalogue) -> None:
    by_code = {p.code: p for p in catalogue.procedures}
    texts = catalogue.texts
    assert {"l91", "dlci-citt"} <= set(texts["proc.CITT.name"].sources)
    assert "10 anni" in texts["proc.CITT.summary"].text and "B1" in texts["proc.CITT.summary"].text
    assert texts["proc.CITT.step.3"].verify  # oath deadline not re-read at its source
    assert by_code["TRAD"].kind == "redirect" and by_code["TRAD"].place == "tribunale"
    assert "Apostille" in texts["proc.LEG-EST.summary"].text and by_code["LEG-EST"].service == "LEG"
    assert texts["proc.SLP.summary"].sources == ("tu-9",) and catalogue.source_table["tu-9"].verify


def test_second_pass_procedures_of_issue_14_follow_their_law(catalogue: Catalogue) -> None:
    """The procedures added in the second pass: each fact cites its act, and what was read only in secondary pages
    stays flagged "to verify" (its source carries the doubt, so every sheet citing it prints the asterisk)."""
    by_code = {p.code: p for p in catalogue.procedures}
    texts = catalogue.texts
    table = catalogue.source_table

    def items(code: str) -> dict[str, ItemSpec]:
        return {i.key: i for i in by_code[code].items}

    # D.Lgs. 30/2007 art. 10: Questura after 3 months, 5-year card; art. 23: also relatives of Italian citizens.
    ue = texts["proc.UE-FAM.summary"]
    assert "3 mesi" in ue.text and "5 anni" in ue.text and "italiani" in ue.text and ue.verify
    assert (by_code["UE-FAM"].kind, by_code["UE-FAM"].place) == ("redirect", "questura")
    assert items("UE-FAM")["dependency_proof"].condition == "dependent_relative"
    assert "~art10" in table["dlgs30-10"].url and table["dlgs30-23"].verify
    # Art. 32 TU: the Labour Ministry's opinion only for unaccompanied minors (D.P.R. 394/1999 art. 14-bis: 90 days).
    assert items("CONV-18")["ministry_opinion"].condition == "unaccompanied_minor"
    assert "90 giorni" in texts["proc.CONV-18.step.1"].text and texts["proc.CONV-18.step.1"].sources == (
        "dpr394-14bis",)
    # Art. 26 TU: the competent authority's certificate (under 3 months), resources, income; the quota doubt flagged.
    conv_aut = items("CONV-AUT")
    assert {"no_impediment_certificate", "business_resources", "minimum_income"} <= set(conv_aut)
    assert all(conv_aut[k].sources == ("tu-26",) for k in ("no_impediment_certificate", "minimum_income"))
    assert "quote" in texts["proc.CONV-AUT.summary"].verify and "quote" in table["tu-26"].verify
    # Art. 23 c. 2-bis TU (D.L. 20/2023): outside the quotas after an approved training programme abroad.
    assert "fuori dalle quote" in texts["proc.FORM-23.summary"].text
    assert "training_certificate" in items("FORM-23") and "~art23" in table["tu-23"].url
    # D.L. 145/2024: up to 10,000 a year, carers of people with disability or aged 80+, filed through agencies.
    carers = texts["proc.ASS-FAM.summary"]
    assert "10.000" in carers.text and "80 anni" in carers.text and carers.verify and table["dl145-assist"].verify
    assert items("ASS-FAM")["agency_mandate"].requirement == "required"
    # Art. 24 TU: multi-year seasonal clearance, up to 3 years, one seasonal entry in the previous 5 years.
    multi = texts["proc.NO-STAG-PL.summary"]
    assert "3 anni" in multi.text and "5 anni" in multi.text and multi.verify
    assert items("NO-STAG-PL")["previous_seasonal_entry"].sources == ("tu-24-pl",)
    for code in ("UE-FAM", "CONV-18", "CONV-AUT", "FORM-23", "ASS-FAM", "NO-STAG-PL"):
        law = table[texts[f"proc.{code}.name"].sources[0]]  # the act the procedure rests on, read for this pass
        assert law.checked_on == "2026-12-02" and law.url.startswith("https://www.normattiva.it/"), code


def test_a_stale_expected_text_is_refused_and_stores_nothing(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    """Two supervisors edit the same text: the second save, made against the text it read, is refused whole."""
    key, first, second = "proc.RF-NO.name", staff["supervisor"], staff["admin"]
    read = loaded.content.texts("it")[key].text  # what both editors loaded
    loaded.content.edit_text(first, key, "it", "Nulla osta al ricongiungimento", expected=read)
    before_text = loaded.content.texts("it")[key].text
    before_statuses = next(s for s in loaded.translations.procedure_texts("RF-NO") if s.key == key).statuses
    before_audit = loaded.db.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent)).scalar())
    with pytest.raises(ConflictError) as refused:
        loaded.content.edit_text(second, key, "it", "Ricongiungimento (testo del secondo)", expected=read)
    assert refused.value.code == "text_changed_meanwhile"
    changed_at = loaded.db.read(lambda s: s.execute(select(ContentText.updated_at).where(
        ContentText.key == key, ContentText.lang == "it")).scalar())
    when = f"{local_time(changed_at, 'Europe/Rome'):%d/%m/%Y %H:%M}"
    assert first.username in refused.value.message("it") and when in refused.value.message("it")
    assert refused.value.message("en").startswith(f"The text (it) was changed meanwhile by {first.username} on "
                                                  f"{when}; it now reads: “Nulla osta al ricongiungimento”.")
    assert loaded.content.texts("it")[key].text == before_text == "Nulla osta al ricongiungimento"
    after_statuses = next(s for s in loaded.translations.procedure_texts("RF-NO") if s.key == key).statuses
    assert after_statuses == before_statuses
    assert loaded.db.read(lambda s: s.execute(select(func.count()).select_from(AuditEvent)).scalar()) == before_audit
    # Against the text now stored (what a re-read shows), the same save passes; without expected it always does.
    loaded.content.edit_text(second, key, "it", "Ricongiungimento (testo del secondo)", expected=before_text)
    assert loaded.content.texts("it")[key].text == "Ricongiungimento (testo del secondo)"
    loaded.content.edit_text(first, key, "it", "Nulla osta al ricongiungimento")
    assert loaded.content.texts("it")[key].text == "Nulla osta al ricongiungimento"


def test_expected_text_of_a_missing_translation_is_empty(loaded: CoreServices, staff: dict[str, Actor]) -> None:
    key, missing = "proc.RF-NO.name", "en"  # its English taken away: a translation not written yet
    loaded.db.write(lambda s: s.execute(delete(ContentText).where(ContentText.key == key,
                                                                  ContentText.lang == missing)))
    with pytest.raises(ConflictError):
        loaded.content.edit_text(staff["supervisor"], key, missing, "Testo", expected="un testo mai scritto")
    assert key not in loaded.content.texts(missing) or not loaded.content.texts(missing)[key].text
    loaded.content.edit_text(staff["supervisor"], key, missing, "Testo", expected="")
    assert loaded.content.texts(missing)[key].text == "Testo"
