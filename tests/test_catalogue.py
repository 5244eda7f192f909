"""The procedure catalogue: shipped data, idempotent per-office loading, office edits, checklist versions, cases."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desk_app.core.auth import Actor
from desk_app.core.catalogue import Catalogue, ItemSpec
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.db.models_content import ProcedureVersion
from desk_app.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from desk_app.resources import resource_path

#: Every procedure DOMAIN.md names, with the service it belongs to.
EXPECTED = {
    "NO-LAV": "LAV", "NO-STAG": "LAV", "RF-NO": "RF", "RF-PI": "RF", "COES": "RF", "CONV-ST": "LAV",
    "CONV-SG": "LAV", "ADI": "INT", "TEST-A2": "INT", "ART27": "LAV", "BLU": "LAV", "RIC": "LAV", "EMER": "LAV",
    "LEG": "LEG",
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
    broken.write_text(text.replace('{ key = "pec", need = "required" }', '{ key = "nope", need = "required" }',
                                   1), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Catalogue.read(broken)
    assert "unknown item nope" in caught.value.message("en")


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
