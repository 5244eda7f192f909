"""``TranslationService.procedure_texts`` (issue 12's Italian texts editor): a procedure's editable Italian texts with
sources, "to verify" and each language's translation state, and how an Italian edit turns them stale. Both backends."""

from __future__ import annotations

from typing import Any

import pytest

from desk_app.core.translations import TARGET_LANGUAGES
from desk_app.errors import NotFoundError


def test_texts_in_sheet_order_with_sources_and_stale_after_an_edit(services: Any, system_actor: Any,
                                                                    staff: Any) -> None:
    services.content.load(system_actor)
    procedure = services.content.procedure("RF-NO")
    states = services.translations.procedure_texts("RF-NO")
    keys = [s.key for s in states]
    assert keys[:3] == ["proc.RF-NO.name", "proc.RF-NO.summary", "proc.RF-NO.step.1"]
    assert [k for k in keys if k.startswith("item.")] == [f"item.{i.key}" for i in procedure.items]
    assert all(s.sources and all("verificata il" in label for label in s.sources) for s in states)
    assert set(states[0].statuses) == set(TARGET_LANGUAGES) and not states[0].edited
    translated = [lang for lang in TARGET_LANGUAGES if states[0].statuses[lang] != "missing"]
    assert translated and "stale" not in states[0].statuses.values()
    services.content.edit_text(staff["supervisor"], "proc.RF-NO.name", "it", "Nulla osta al ricongiungimento")
    after = {s.key: s for s in services.translations.procedure_texts("RF-NO")}
    name = after["proc.RF-NO.name"]
    assert name.text == "Nulla osta al ricongiungimento" and name.edited
    assert [lang for lang in translated if name.statuses[lang] == "stale"] == translated
    assert set(translated) <= set(name.needs_work)
    assert after["proc.RF-NO.summary"].statuses == states[1].statuses  # the other texts are untouched


def test_unknown_procedure_and_no_catalogue(services: Any, system_actor: Any, office: Any) -> None:
    with pytest.raises(NotFoundError) as empty:
        services.translations.procedure_texts("RF-NO")
    assert empty.value.code == "no_catalogue"
    services.content.load(system_actor)
    with pytest.raises(NotFoundError) as unknown:
        services.translations.procedure_texts("NOPE")
    assert unknown.value.code == "unknown_procedure"
