"""The opening hours printed on the sheets come from the office's settings (``sheet_hours``, issue 12)."""

from __future__ import annotations

from typing import Any

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.core.sheets import LRI, PDI, Sheet, SheetBuilder, plain_text

HOURS = "lunedì-venerdì 9:00-12:30\nmartedì e giovedì anche 14:30-16:00"


def _where(sheet: Sheet) -> list[str]:
    """The texts of the "where" part of ``sheet``: after its last heading (the notes that follow are not texts)."""
    last = max(i for i, block in enumerate(sheet.blocks) if block.kind == "heading")
    return [block.line.text for block in sheet.blocks[last + 1:] if block.kind == "text"]


def test_sheets_print_the_office_hours_once_set(services: CoreServices, system_actor: Actor, office: Any,
                                                staff: dict[str, Actor]) -> None:
    services.content.load(system_actor)
    builder = SheetBuilder(services.content)
    before = _where(builder.instructions("RF-NO", "it"))
    assert not any("9:00" in plain_text(text) for text in before)  # nothing set: no hours line
    services.office_settings.change(staff["supervisor"], {"sheet_hours": HOURS})
    italian = _where(builder.instructions("RF-NO", "it"))
    hours = [text for text in italian if "Orari di apertura" in text]
    assert len(hours) == 1 and len(italian) == len(before) + 1
    assert plain_text(hours[0]) == "Orari di apertura: lunedì-venerdì 9:00-12:30; martedì e giovedì anche 14:30-16:00"
    assert italian.index(hours[0]) == italian.index("Corso Umberto I 40, 26900 Lodi") + 1  # under the address
    arabic = [text for text in _where(builder.instructions("RF-NO", "ar")) if "lunedì" in text]
    assert len(arabic) == 1  # the Italian lines, each isolated left to right inside the right-to-left sheet
    assert f"{LRI}lunedì" in arabic[0] and arabic[0].count(LRI) >= 2 and arabic[0].endswith(PDI)


def test_hours_are_printed_for_the_office_only_and_go_when_cleared(services: CoreServices, system_actor: Actor,
                                                                   office: Any, staff: dict[str, Actor]) -> None:
    services.content.load(system_actor)
    builder = SheetBuilder(services.content)
    services.office_settings.change(staff["admin"], {"sheet_hours": HOURS})
    assert any("9:00-12:30" in plain_text(t) for t in _where(builder.instructions("RF-NO", "it")))
    questura = next(code for code, place in _procedure_places(services).items() if place == "questura")
    assert not any("9:00-12:30" in plain_text(t) for t in _where(builder.instructions(questura, "it")))  # not ours
    services.office_settings.change(staff["admin"], {"sheet_hours": ""})
    assert not any("9:00-12:30" in plain_text(t) for t in _where(builder.instructions("RF-NO", "it")))


def _procedure_places(services: CoreServices) -> dict[str, str]:
    from desk_app.core.catalogue import Catalogue

    return {procedure.code: procedure.place for procedure in Catalogue.read().procedures}
