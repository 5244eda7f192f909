"""Who works where: what a logged-in window needs, built at login and dropped at logout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.office import OfficeView
    from desk_app.core.services import CoreServices


@dataclass(frozen=True)
class DeskSession:
    """A staff member logged in at a desk.

    Attributes:
        core: the core services (used only from the background worker).
        actor: the logged-in staff member.
        office: the office set-up (services, desks), read at start.
        desk_code: this PC's desk.
        language: staff-interface language (``it``/``en``), for the core's messages.
    """

    core: CoreServices
    actor: Actor
    office: OfficeView
    desk_code: str
    language: str

    @property
    def desk_name(self) -> str:
        return next((d.name for d in self.office.desks if d.code == self.desk_code), self.desk_code)

    @property
    def desk_services(self) -> tuple[str, ...]:
        """Codes of the services this desk calls."""
        return next((d.service_codes for d in self.office.desks if d.code == self.desk_code), ())
