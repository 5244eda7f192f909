"""The case reference on a "bring next time" sheet keeps its reading order inside right-to-left text."""

from __future__ import annotations

from typing import Any

from desk_app.core.sheets import LRI, PDI, SheetBuilder


def test_practice_number_is_one_ltr_isolate_in_arabic(services: Any, system_actor: Any, office: Any,
                                                      staff: Any) -> None:
    services.content.load(system_actor)
    case = services.cases.open_case(staff["clerk"], "RF-NO", "ar", practice_number="LO/RF/2026/0187")
    sheet = SheetBuilder(services.content).missing(case, bilingual=True)
    reference = f"{LRI}{case.id} / LO/RF/2026/0187{PDI}"
    line = next(b.line for b in sheet.blocks if reference in b.line.text)
    assert line.rtl or line.lang == "it"
    assert line.text.count(LRI) == 1  # the digits inside are not isolated a second time
