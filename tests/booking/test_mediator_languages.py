"""A mediator's languages and levels can be changed (issue 12): checked first, replaced whole, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.core.auth import Actor
from desk_app.core.services import CoreServices
from desk_app.db.models import AuditEvent
from desk_app.errors import NotFoundError, PermissionDeniedError, ValidationError


def test_languages_are_replaced_and_the_change_audited(services: CoreServices, staff: dict[str, Actor]) -> None:
    mediators, supervisor = services.mediators, staff["supervisor"]
    mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4, "fr": 3})
    changed = mediators.set_languages(supervisor, "AR1", {"ar": 4, "EN": 2})
    assert dict(changed.languages) == {"ar": 4, "en": 2}
    assert [m.code for m in mediators.roster(staff["clerk"], "en")] == ["AR1"]
    assert mediators.roster(staff["clerk"], "fr") == []  # no longer offered for French
    detail = services.db.read(lambda s: s.execute(select(AuditEvent.detail).where(
        AuditEvent.action == "mediator.languages")).scalar_one())
    assert "fr" in str(detail) and "en" in str(detail)


@pytest.mark.parametrize(("languages", "code"), [({}, "required"), ({"ar": 5}, "bad_choice"),
                                                 ({"xx": 2}, "bad_choice"), ({"ar": True}, "bad_choice")])
def test_bad_languages_store_nothing(services: CoreServices, staff: dict[str, Actor], languages: dict[str, int],
                                     code: str) -> None:
    mediators, supervisor = services.mediators, staff["supervisor"]
    mediators.add_mediator(supervisor, "AR1", "Samira", {"ar": 4})
    with pytest.raises(ValidationError) as refused:
        mediators.set_languages(supervisor, "AR1", languages)
    assert refused.value.code == code
    assert dict(mediators.roster(supervisor)[0].languages) == {"ar": 4}


def test_only_the_roster_keepers_change_languages(services: CoreServices, staff: dict[str, Actor]) -> None:
    services.mediators.add_mediator(staff["supervisor"], "AR1", "Samira", {"ar": 4})
    with pytest.raises(PermissionDeniedError):
        services.mediators.set_languages(staff["clerk"], "AR1", {"ar": 1})
    with pytest.raises(NotFoundError):
        services.mediators.set_languages(staff["supervisor"], "NOPE", {"ar": 1})
