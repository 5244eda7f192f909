"""Wiring of the core services over one database, shared by the CLI and the GUI composition roots.

Boot order: settings -> database (refuses a network share, checks it is a
database) -> migrations (SQLite safety copy first) -> services. No globals:
whoever builds :class:`CoreServices` passes it on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk_app.clock import Clock, SystemClock
from desk_app.core.appointments import AppointmentService
from desk_app.core.audit import AuditLog
from desk_app.core.auth import Authorizer, StaffService
from desk_app.core.cases import CaseService
from desk_app.core.catalogue import ContentService
from desk_app.core.convocations import ConvocationService
from desk_app.core.legalisation import LegalisationService
from desk_app.core.mediators import MediatorService, mediator_call_filter
from desk_app.core.office import OfficeService
from desk_app.core.queue import QueueService
from desk_app.core.reports import ReportService
from desk_app.core.settings import Settings
from desk_app.core.translations import TranslationService
from desk_app.db import migrate
from desk_app.db.engine import Database

if TYPE_CHECKING:
    from desk_app.core.auth import Actor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurgeResult:
    """What the retention purge cleared: appointments whose names and practice numbers were blanked, and
    cases whose practice number was."""

    appointments: int
    cases: int

    @property
    def total(self) -> int:
        return self.appointments + self.cases


@dataclass
class CoreServices:
    """Every core service, built over one :class:`Database`."""

    settings: Settings
    db: Database
    clock: Clock
    audit: AuditLog
    authorizer: Authorizer
    staff: StaffService
    offices: OfficeService
    queue: QueueService
    content: ContentService
    cases: CaseService
    translations: TranslationService
    reports: ReportService
    appointments: AppointmentService
    convocations: ConvocationService
    mediators: MediatorService
    #: Pure data (no database): built here so every caller shares one parsed table.
    legalisation: LegalisationService = field(default_factory=LegalisationService)

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None, clock: Clock | None = None) -> CoreServices:
        """Build the services (no database work happens here)."""
        db = db or Database(settings.database_url)
        clock = clock or SystemClock()
        audit = AuditLog(db, clock)
        authorizer = Authorizer(audit)
        office_code = settings.office_code or None
        content = ContentService(db, authorizer, clock, office_code)
        # Tickets that need a mediator wait until theirs is there (or a desk overrides).
        queue = QueueService(db, authorizer, clock, office_code, call_filters=[mediator_call_filter])
        appointments = AppointmentService(db, authorizer, queue, clock, office_code, settings.retention_days)
        return cls(
            settings=settings,
            db=db,
            clock=clock,
            audit=audit,
            authorizer=authorizer,
            staff=StaffService(db, audit, clock),
            offices=OfficeService(db, authorizer, clock),
            queue=queue,
            content=content,
            cases=CaseService(db, authorizer, content, clock, office_code),
            translations=TranslationService(db, authorizer, clock, office_code),
            reports=ReportService(db, authorizer, office_code),
            appointments=appointments,
            convocations=ConvocationService(db, authorizer, appointments, clock),
            mediators=MediatorService(db, authorizer, clock, office_code),
        )

    def upgrade_schema(self) -> migrate.UpgradeResult:
        """Migrate to the newest schema, copying an existing SQLite file to the backups folder first."""
        self.settings.paths.ensure()
        return migrate.upgrade(self.db, self.settings.paths.backups, keep=self.settings.backups_kept,
                               clock=self.clock)

    def close_previous_days(self) -> int:
        """Close tickets left open on earlier days: what ``desk-admin day close`` does, run at every start.

        Returns how many were closed; 0 when there is nothing to close or no single office yet (first run).
        """
        from desk_app.core.auth import Actor
        from desk_app.errors import DeskError

        try:
            closed = self.queue.close_day(Actor.system("app-start"))
        except DeskError as exc:  # no office yet, or several offices and none chosen: nothing to do here
            log.info("day close at start skipped: %s", exc)
            return 0
        if closed:
            log.info("closed %d tickets left open on earlier days", closed)
        return closed

    def purge_expired_personal_data(self, actor: Actor) -> PurgeResult:
        """The retention purge of the office: personal data older than the ``retention_days`` setting.

        Appointments lose names and practice numbers once they ended that long ago, cases their practice
        number once closed that long ago; rows and counts stay. Needs ``purge_personal_data``; audited.
        Each part is idempotent, so a run that fails half-way is completed by running it again.
        """
        appointments = self.appointments.purge_personal_data(actor)
        cases = self.cases.purge_practice_numbers(actor, self.settings.retention_days)
        return PurgeResult(appointments, cases)

    def close(self) -> None:
        self.db.dispose()
