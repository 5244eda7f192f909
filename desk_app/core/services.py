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
from desk_app.core.audit_view import AuditViewService
from desk_app.core.auth import Authorizer, StaffService
from desk_app.core.awareness import AwarenessService
from desk_app.core.backup import BackupResult, BackupService
from desk_app.core.cases import CaseService
from desk_app.core.catalogue import ContentService
from desk_app.core.convocations import ConvocationService
from desk_app.core.directory import ServiceDirectory
from desk_app.core.legalisation import LegalisationService
from desk_app.core.mediators import MediatorService, mediator_call_filter
from desk_app.core.office import OfficeService
from desk_app.core.office_settings import FROM_LOCAL_FILE, OfficeSettingsService
from desk_app.core.practices import PracticeService
from desk_app.core.queue import QueueService
from desk_app.core.reports import ReportService
from desk_app.core.retention import RetentionResult, RetentionService
from desk_app.core.settings import Settings
from desk_app.core.translations import TranslationService
from desk_app.db import migrate
from desk_app.db.engine import Database
from desk_app.errors import DeskError

if TYPE_CHECKING:
    from desk_app.core.auth import Actor

log = logging.getLogger(__name__)


#: What the retention purge cleared (the name it had before the purge covered more than appointments and cases).
PurgeResult = RetentionResult


@dataclass(frozen=True)
class DailyRuns:
    """The daily jobs this call ran: ``None`` for a job another desk ran today, or that could not run.

    Attributes:
        failed: job name -> why it could not run (no office yet, no permission, ``pg_dump`` missing ...);
            a job missing here and ``None`` above was done today already.
    """

    purge: RetentionResult | None
    backup: BackupResult | None
    failed: dict[str, DeskError] = field(default_factory=dict)


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
    retention: RetentionService
    backups: BackupService
    #: Office-wide settings (issue 12): retention, idle lock, board texts ... stored in the database.
    office_settings: OfficeSettingsService
    #: The audit viewer's reads and export (issue 12).
    audit_view: AuditViewService
    #: Practices shared with the Questura's Immigration Office, coordination meetings, handling times (issue 16).
    practices: PracticeService
    #: Awareness sessions in the reception centres, their counts and handouts (issue 16).
    awareness: AwarenessService
    #: The territorial services directory: partners' entries, the office's review, search and referrals (issue 15).
    directory: ServiceDirectory
    #: Pure data (no database): built here so every caller shares one parsed table.
    legalisation: LegalisationService = field(default_factory=LegalisationService)

    @property
    def training(self) -> bool:
        """This is the training office's database (:func:`desk_app.core.training.is_training`): every export and
        sheet made from it carries the training mark."""
        from desk_app.core.training import is_training

        return is_training(self.settings)

    @classmethod
    def build(cls, settings: Settings, db: Database | None = None, clock: Clock | None = None) -> CoreServices:
        """Build the services (no database work happens here)."""
        db = db or Database(settings.database_url, passfile=settings.paths.pgpass_file)
        clock = clock or SystemClock()
        audit = AuditLog(db, clock, key_folder=settings.paths.config)  # the key and checkpoint: outside the database
        authorizer = Authorizer(audit)
        office_code = settings.office_code or None
        content = ContentService(db, authorizer, clock, office_code)
        # Tickets that need a mediator wait until theirs is there (or a desk overrides).
        queue = QueueService(db, authorizer, clock, office_code, call_filters=[mediator_call_filter])
        mediators = MediatorService(db, authorizer, clock, office_code)
        appointments = AppointmentService(db, authorizer, queue, clock, office_code, settings.retention_days)
        # Until the office sets them, the retention period and idle lock are what this PC's settings file says.
        office_settings = OfficeSettingsService(db, authorizer, clock, office_code,
                                                {name: getattr(settings, name) for name in FROM_LOCAL_FILE})
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
            mediators=mediators,
            retention=RetentionService(db, authorizer, clock, office_code, settings.retention_days,
                                       settings.paths.backups, office_settings=office_settings),
            backups=BackupService(db, authorizer, clock, office_code, settings.paths.backups,
                                  settings.backups_kept),
            office_settings=office_settings,
            audit_view=AuditViewService(db, authorizer, clock, office_code),
            directory=ServiceDirectory(db, authorizer, clock, office_code),
            practices=PracticeService(db, authorizer, clock, office_code),
            awareness=AwarenessService(db, authorizer, mediators, content, clock, office_code),
        )

    def upgrade_schema(self) -> migrate.UpgradeResult:
        """Migrate to the newest schema, copying an existing SQLite file to the backups folder first."""
        self.settings.paths.ensure()
        return migrate.upgrade(self.db, self.settings.paths.backups, keep=self.settings.backups_kept,
                               clock=self.clock)

    def close_previous_days(self) -> int:
        """Close tickets left open on earlier days: what ``desk-admin day close`` does, run at every start; then
        store the report summaries of the days now closed (:meth:`ReportService.summarize_closed_days`).

        Returns how many tickets were closed; 0 when there is nothing to close or no single office yet (first run).
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
        try:  # the closed days' report summaries (issue 11): yesterday, or once the whole history, in chunks
            summarized = self.reports.summarize_closed_days(Actor.system("app-start"))
        except DeskError as exc:
            log.info("report summaries at start skipped: %s", exc)
        else:
            if summarized:
                log.info("stored the report summaries of %d closed days", summarized)
        return closed

    def purge_expired_personal_data(self, actor: Actor) -> RetentionResult:
        """The retention purge of the office (:meth:`RetentionService.purge`): everything personal older
        than the ``retention_days`` setting, in one transaction; rows and counts stay. Needs
        ``purge_personal_data``; audited; idempotent."""
        return self.retention.purge(actor)

    def run_daily_jobs(self, actor: Actor, *, backup: bool = True) -> DailyRuns:
        """Today's retention purge and backup, unless another desk (or a scheduled job) ran them today.

        What every desk runs at start and every so often while running, and ``desk-admin daily`` from
        cron or the Task Scheduler. Each job is claimed once per day in the database; a job that fails
        (or is not allowed to ``actor``, or finds no office yet) is logged and left for the next try.
        ``backup=False`` skips the backup: desks on a shared PostgreSQL server leave it to the scheduled
        ``desk-admin daily`` of the server's administrator (a dump of the whole office on whichever desk PC
        started first would scatter copies of everyone's data).
        """
        runs: dict[str, object] = {}
        failed: dict[str, DeskError] = {}
        jobs = [("purge", self.retention.run_daily)] + ([("backup", self.backups.run_daily)] if backup else [])
        for name, job in jobs:
            try:
                runs[name] = job(actor)
            except DeskError as exc:
                log.info("daily %s not run: %s", name, exc)
                runs[name], failed[name] = None, exc
        purged, copied = runs.get("purge"), runs.get("backup")
        assert purged is None or isinstance(purged, RetentionResult)
        assert copied is None or isinstance(copied, BackupResult)
        if purged is not None:
            log.info("daily retention purge: %d rows, %d backups deleted", purged.total, purged.backups)
        if copied is not None:
            log.info("daily backup: %s", copied.copy.name)
        return DailyRuns(purged, copied, failed)

    def close(self) -> None:
        self.db.dispose()
