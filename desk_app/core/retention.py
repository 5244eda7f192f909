"""The retention purge: personal data older than the office's retention period is removed, counts stay.

What is personal, and when it expires (``retention_days`` days, the office-wide setting of
:mod:`desk_app.core.office_settings`; until the office sets it, this PC's settings-file value):

* appointments (and so convocations, whose person lives on their appointment):
  name, practice number, the name key and the free-text cancel reason, once the
  appointment *ended* that long ago; the row, its status, times and convocation
  outcome stay, so daily and no-show counts are unchanged;
* cases: practice number and the clerk's free-text note, once closed that long
  ago, or left open and untouched that long;
* tickets: the free-text note written at finish, once the ticket was issued that
  long ago (tickets carry no name);
* mediator bookings: the free-text decline reason, once the booking ended that
  long ago (bookings carry no user data otherwise), and the change-feed rows of
  that age (the feed repeats the reason to the booking desk);
* backup copies taken before the cutoff (they hold the same data): deleted; the
  younger SQLite copies get the same purge (with ``secure_delete``), so no copy
  keeps what the database no longer holds. A PostgreSQL dump cannot be edited:
  it keeps the data until it is deleted, by the rotation (daily copies: four weeks
  at most) or by this purge once older than the retention period.

Bytes, not only values: on SQLite the purge runs with ``PRAGMA secure_delete`` on,
so the old cells are overwritten with zeros, and checkpoints the WAL afterwards
(``TRUNCATE``), so no old frame keeps a copy. On PostgreSQL the touched tables are
vacuumed afterwards so the dead row versions are reclaimed (PostgreSQL does not
zero reclaimed space: overwritten in time, not at once).

The purge runs by itself once a day (:meth:`RetentionService.run_daily`, from
whichever desk starts first or is running): the claim is the
``maintenance_run`` row ``("purge", office, day)`` inserted in the *same*
transaction as the purge with ``ON CONFLICT DO NOTHING``, so exactly one desk
purges per office and day, and a purge that fails rolls its claim back with it
for the next desk to retry. An admin (or supervisor) runs it on demand too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, create_engine, delete, func, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool
from sqlalchemy.sql.elements import ColumnElement

from desk_app.clock import Clock, SystemClock, local_day
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.backup import backups_before, delete_backups, list_copies
from desk_app.db.engine import SQLITE_BUSY_TIMEOUT_MS, Database, table_of
from desk_app.db.models import ChangeLog, Office, Ticket
from desk_app.db.models_booking import Appointment, Convocation, MediatorBooking
from desk_app.db.models_content import Case
from desk_app.db.models_maintenance import MaintenanceRun
from desk_app.db.models_practices import MeetingDecision, PracticeStep, SharedPractice
from desk_app.errors import ValidationError

if TYPE_CHECKING:
    from desk_app.core.office_settings import OfficeSettingsService

log = logging.getLogger(__name__)

#: Tables the purge rewrites (vacuumed on PostgreSQL afterwards).
_PURGED_TABLES = ("appointment", "checklist_case", "ticket", "mediator_booking")
#: How long the WAL checkpoint after a purge may wait for desks that are reading (then the next one does it).
CHECKPOINT_WAIT_MS = 500


@dataclass(frozen=True)
class RetentionResult:
    """What a purge removed (or, with ``dry_run``, would remove). Counts only, never a name.

    Attributes:
        office_code: the office purged.
        cutoff: data older than this instant (now minus ``retention_days``) was purged.
        appointments: appointments whose name, practice number and cancel reason were blanked.
        convocations: of those, how many were convocation attempts.
        cases: cases whose practice number and note were cleared.
        ticket_notes: tickets whose finish note was cleared.
        mediator_bookings: mediator bookings whose decline reason was cleared.
        backups: backup copies older than the cutoff, deleted.
        dry_run: nothing was changed; the counts say what a purge would do.
        backups_cleaned: younger SQLite backup copies that held some of the purged data and were purged too.
        shared_practices: practices shared with the Questura, closed that long, whose practice number and the
            notes of their steps and meeting decisions were cleared (issue 16).
    """

    office_code: str
    cutoff: datetime
    retention_days: int
    appointments: int
    convocations: int
    cases: int
    ticket_notes: int
    mediator_bookings: int
    backups: int
    dry_run: bool = False
    backups_cleaned: int = 0
    shared_practices: int = 0

    @property
    def total(self) -> int:
        """Rows that lost personal data (convocations are counted among their appointments; backups apart)."""
        return self.appointments + self.cases + self.ticket_notes + self.mediator_bookings + self.shared_practices


def _insert_for(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


class RetentionService:
    """The office's retention purge, on demand and once a day.

    Args:
        retention_days: the retention period when there are no ``office_settings`` (the local setting).
        backups_dir: the backups folder, whose copies older than the cutoff are deleted.
        office_settings: the office-wide settings; when given, the purge reads the office's ``retention_days``
            there, in its own transaction (``retention_days`` is then only the default of an office that has none).
    """

    def __init__(self, db: Database, authorizer: Authorizer, clock: Clock | None, office_code: str | None,
                 retention_days: int, backups_dir: Path,
                 office_settings: OfficeSettingsService | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.clock = clock or SystemClock()
        self.office_code = office_code or None
        self.retention_days = retention_days
        self.backups_dir = backups_dir
        self.office_settings = office_settings

    # -- the purge -----------------------------------------------------------------------------------------------
    def purge(self, actor: Actor, *, dry_run: bool = False) -> RetentionResult:
        """Remove the office's personal data older than the retention period; return the counts.

        With ``dry_run`` nothing changes and the counts say what would go (for the confirmation the
        GUI and ``--dry-run`` show). Needs ``purge_personal_data``; audited (counts only). Idempotent:
        a second run finds nothing left to purge.
        """
        self.auth.require(actor, "purge_personal_data", "office", self.office_code or "")
        result = self.db.write(lambda session: self._purge_in(session, actor, dry_run, claim=None))
        assert result is not None  # without a claim the purge always runs
        return self._after(result)

    def run_daily(self, actor: Actor) -> RetentionResult | None:
        """The purge of today, if no desk has run it yet today; ``None`` when one has (or is running it).

        Safe to call from every desk at once, at start and every so often while running: the claim row
        and the purge share one transaction, so exactly one caller purges and a failed purge leaves no claim.
        Needs ``purge_personal_data``.
        """
        self.auth.require(actor, "purge_personal_data", "office", self.office_code or "")
        result = self.db.write(lambda session: self._purge_in(session, actor, False, claim=True))
        return None if result is None else self._after(result)

    def last_runs(self, actor: Actor, limit: int = 7) -> list[tuple[date, str, str]]:
        """The office's latest daily purges: ``(day, outcome, actor)``, newest first. Needs ``purge_personal_data``."""
        self.auth.require(actor, "purge_personal_data", "office", self.office_code or "")

        def work(session: Session) -> list[tuple[date, str, str]]:
            office = self.auth.office_for(session, actor, self.office_code)
            rows = session.execute(
                select(MaintenanceRun.day, MaintenanceRun.outcome, MaintenanceRun.actor)
                .where(MaintenanceRun.job == "purge", MaintenanceRun.scope == office.code)
                .order_by(MaintenanceRun.day.desc()).limit(max(1, min(limit, 366)))).all()
            return [(r.day, r.outcome, r.actor) for r in rows]

        return self.db.read(work)

    # -- inside the transaction ------------------------------------------------------------------------------------
    def _days_in(self, session: Session, office: Office) -> int:
        """The office's retention period, read in the purge's own transaction."""
        if self.office_settings is None:
            return self.retention_days
        from desk_app.core.office_settings import read_settings  # office_settings imports auth, as this does

        return int(read_settings(session, office, {"retention_days": self.retention_days})["retention_days"])

    def _cutoff(self, days: int) -> datetime:
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise ValidationError("bad_setting", name="retention_days", reason=">= 1")
        return self.clock.now() - timedelta(days=days)

    def _purge_in(self, session: Session, actor: Actor, dry_run: bool,
                  claim: bool | None) -> RetentionResult | None:
        office = self.auth.office_for(session, actor, self.office_code)
        days = self._days_in(session, office)
        cutoff = self._cutoff(days)
        now = self.clock.now()
        if claim:
            won = session.execute(
                _insert_for(session)(table_of(MaintenanceRun))
                .values(job="purge", scope=office.code, day=local_day(now, office.timezone), started_at=now,
                        actor=actor.username[:64], outcome="running", detail={})
                .on_conflict_do_nothing(index_elements=["job", "scope", "day"])
                .returning(table_of(MaintenanceRun).c.job)
            ).scalar()
            if won is None:
                return None
        secure = session.get_bind().dialect.name == "sqlite" and not dry_run
        if secure:
            # The old cells and freed pages are overwritten with zeros as the rows change, not just unlinked.
            session.execute(text("PRAGMA secure_delete = ON"))
        counts = self._counts(session, office, cutoff)
        if not dry_run:
            self._blank(session, office, cutoff, now)
            if secure:  # the pooled connection goes back to the queue's hot path without the extra writes
                session.execute(text("PRAGMA secure_delete = OFF"))
            detail: dict[str, object] = {**counts, "before": cutoff.isoformat(), "retention_days": days}
            self.auth.audit_log.record(session, actor.audit, "retention.purge", "office", office.code, detail=detail)
            if claim:
                session.execute(
                    update(MaintenanceRun)
                    .where(MaintenanceRun.job == "purge", MaintenanceRun.scope == office.code,
                           MaintenanceRun.day == local_day(now, office.timezone))
                    .values(outcome="ok", finished_at=self.clock.now(), detail=counts)
                    .execution_options(synchronize_session=False))
        return RetentionResult(office.code, cutoff, days, counts["appointments"],
                               counts["convocations"], counts["cases"], counts["ticket_notes"],
                               counts["mediator_bookings"], 0, dry_run,
                               shared_practices=counts["shared_practices"])

    @staticmethod
    def _expired(office: Office, cutoff: datetime) -> dict[str, ColumnElement[bool]]:
        """The rows of each kind still holding personal data older than ``cutoff``."""
        return {
            "appointments": and_(Appointment.office_id == office.id, Appointment.purged_at.is_(None),
                                 Appointment.ends_at < cutoff),
            "cases": and_(Case.office_id == office.id,
                          or_(Case.practice_number.is_not(None), Case.note != ""),
                          or_(and_(Case.status == "closed", Case.closed_at < cutoff),
                              and_(Case.status != "closed", Case.updated_at < cutoff))),
            "ticket_notes": and_(Ticket.office_id == office.id, Ticket.note.is_not(None), Ticket.issued_at < cutoff),
            "mediator_bookings": and_(MediatorBooking.office_id == office.id,
                                      MediatorBooking.decline_reason.is_not(None), MediatorBooking.ends_at < cutoff),
            "shared_practices": and_(SharedPractice.office_id == office.id, SharedPractice.status == "closed",
                                     SharedPractice.closed_at < cutoff, SharedPractice.purged_at.is_(None)),
        }

    def _counts(self, session: Session, office: Office, cutoff: datetime) -> dict[str, int]:
        expired = self._expired(office, cutoff)
        models = {"appointments": Appointment, "cases": Case, "ticket_notes": Ticket,
                  "mediator_bookings": MediatorBooking, "shared_practices": SharedPractice}
        counts = {name: int(session.execute(select(func.count()).select_from(models[name]).where(where))
                            .scalar_one()) for name, where in expired.items()}
        counts["convocations"] = int(session.execute(
            select(func.count(Convocation.id)).join(Appointment, Appointment.id == Convocation.appointment_id)
            .where(expired["appointments"])).scalar_one())
        return counts

    def _blank(self, session: Session, office: Office, cutoff: datetime, now: datetime) -> None:
        expired = self._expired(office, cutoff)
        plain = {"synchronize_session": False}
        session.execute(update(Appointment).where(expired["appointments"])
                        .values(person_name=None, practice_number=None, person_key=None, cancel_reason=None,
                                purged_at=now).execution_options(**plain))
        session.execute(update(Case).where(expired["cases"]).values(practice_number=None, note="")
                        .execution_options(**plain))
        session.execute(update(Ticket).where(expired["ticket_notes"]).values(note=None).execution_options(**plain))
        session.execute(update(MediatorBooking).where(expired["mediator_bookings"]).values(decline_reason=None)
                        .execution_options(**plain))
        # Shared practices (issue 16): the number and the messages go, the steps' times stay for handling times.
        shared = select(SharedPractice.id).where(expired["shared_practices"]).scalar_subquery()
        session.execute(update(PracticeStep).where(PracticeStep.practice_id.in_(shared)).values(note="")
                        .execution_options(**plain))
        session.execute(update(MeetingDecision).where(MeetingDecision.practice_id.in_(shared)).values(note="")
                        .execution_options(**plain))
        session.execute(update(SharedPractice).where(expired["shared_practices"])
                        .values(practice_number=None, purged_at=now).execution_options(**plain))
        # The SQLite change feed repeats a decline reason to the booking desk; day close prunes it after a
        # day, but a database no desk closed for months would keep it.
        session.execute(delete(ChangeLog).where(ChangeLog.office_id == office.id, ChangeLog.at < cutoff)
                        .execution_options(**plain))

    # -- after the commit --------------------------------------------------------------------------------------
    def _after(self, result: RetentionResult) -> RetentionResult:
        """Backups older than the cutoff, then the bytes: WAL checkpoint (SQLite) or VACUUM (PostgreSQL)."""
        old = backups_before(self.backups_dir, result.cutoff)
        if not result.dry_run:
            delete_backups(old)
            if result.total:
                self._reclaim()
        cleaned = self._purge_copies(result) if self.db.is_sqlite else 0
        return replace(result, backups=len(old), backups_cleaned=cleaned)

    def _purge_copies(self, result: RetentionResult) -> int:
        """The same purge in every younger SQLite copy (read-only counting on a dry run); how many held some.

        A copy that cannot be read or purged (an old schema, damage) is logged and left: deleting it is the
        administrator's decision, and the retention purge deletes it anyway once it is older than the cutoff.
        """
        cleaned = 0
        now = self.clock.now()
        for copy in list_copies(self.backups_dir):
            if copy.taken_at < result.cutoff or copy.path.suffix != ".sqlite3":
                continue
            target = f"file:{copy.path}?mode=ro&uri=true" if result.dry_run else str(copy.path)
            engine = create_engine(f"sqlite:///{target}", poolclass=NullPool)
            try:
                with engine.begin() as conn:
                    if not result.dry_run:
                        conn.exec_driver_sql("PRAGMA secure_delete = ON")
                    session = Session(bind=conn)
                    office = session.execute(select(Office).where(Office.code == result.office_code)).scalar()
                    if office is None:
                        continue
                    counts = self._counts(session, office, result.cutoff)
                    if not any(counts.values()):
                        continue
                    if not result.dry_run:
                        self._blank(session, office, result.cutoff, now)
                        session.flush()
                    cleaned += 1
            except SQLAlchemyError as exc:
                log.warning("retention: backup copy %s not purged: %s", copy.name, str(exc).splitlines()[0])
            finally:
                engine.dispose()
        return cleaned

    def _reclaim(self) -> None:
        """Best effort: a desk reading at that moment only delays it to the next checkpoint or autovacuum."""
        try:
            if self.db.is_sqlite:
                with self.db.engine.connect() as conn:
                    # TRUNCATE holds the write lock while it waits for readers: wait briefly, never stall desks.
                    conn.exec_driver_sql(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
                    try:
                        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                    finally:
                        conn.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
                    if busy:
                        log.info("retention: WAL checkpoint incomplete (a desk was reading); done at the next")
            else:
                with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                    conn.exec_driver_sql("VACUUM " + ", ".join(_PURGED_TABLES))
        except Exception:  # the purge itself is committed; reclaiming space must not turn it into a failure
            log.exception("retention: reclaiming the purged rows' space failed")


__all__ = ["RetentionResult", "RetentionService"]
