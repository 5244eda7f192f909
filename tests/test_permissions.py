"""Every public method of every service in ``CoreServices`` checks permission AND office, or is listed here.

How it works:

* :func:`test_every_public_method_is_classified` enumerates the public methods of each service (the fields
  of :class:`CoreServices`) and fails for one that is in none of the three tables below, and for a table
  entry that no longer exists. A new method therefore fails until someone decides which it is.
* :data:`GUARDED` gives, per method, the permission(s) it needs and a call with valid arguments. Each is
  called on a real database (SQLite file and PostgreSQL) holding two offices, LODI (the services' office)
  and BBB: (a) by an actor of LODI whose role lacks the permission (the most privileged such role) and
  (b) by an actor of BBB whose role has it. Both must raise :class:`PermissionDeniedError` (``permission_denied``,
  then ``other_office``) and leave the refusal in the audit log. Two methods say otherwise, by name:
  ``staff.list_staff`` filters (an admin of BBB sees BBB's staff only) and ``audit.verify`` is database-wide.
* :func:`test_guarded_methods_reach_the_authorizer` reads each guarded method's source (and the helpers and
  other services it calls) and checks it reaches ``Authorizer.require`` and ``require_office``/``office_for``.
* :data:`PURE_READS` lists, short and with the reason, what needs neither: called on the same database they
  must write nothing at all, and their return types carry no personal field.
* :data:`NOT_ACTOR_CALLS`: the login itself, the audit writer and the authorizer: the machinery, not uses of it.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import textwrap
import typing
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from db_support import DEMO_SETUP, fresh_sqlite, truncate_pg
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.clock import ManualClock
from desk_app.core import auth
from desk_app.core.auth import PERMISSIONS, Actor, new_account
from desk_app.core.catalogue import Catalogue
from desk_app.core.directory_types import (
    Address,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
)
from desk_app.core.office import clean_setup
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.translations import shipped
from desk_app.db.models import AuditEvent
from desk_app.db.schema import Base
from desk_app.errors import PermissionDeniedError

START = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
SLOT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BBB_SETUP: dict[str, Any] = {
    "office": {"code": "BBB", "name": "Prefettura di B"},
    "service": [{"code": "RF", "name": "Ricongiungimento", "prefix": "R"}],
    "desk": [{"code": "D1", "name": "Sportello 1", "services": ["RF"]}],
}
SETUP_TOML = """
[office]
code = "LODI"
name = "Prefettura di Lodi"

[[service]]
code = "RF"
name = "Ricongiungimento familiare"
prefix = "R"
"""
#: Most privileged first: a method is refused to the strongest role that lacks its permission.
ROLE_ORDER = ("admin", "supervisor", "clerk", "mediator", "display", "partner")
#: Fields of ``CoreServices`` that are not services.
NOT_SERVICES = {"settings": "the settings file", "db": "the database itself", "clock": "the clock seam"}


@dataclasses.dataclass
class World:
    """The database the calls run on: offices LODI and BBB, LODI's catalogue, a case, a PO file, a set-up file."""

    core: CoreServices
    lodi_id: int
    bbb_id: int
    case_id: int
    po_file: Path
    setup_file: Path
    export_file: Path
    clerk: Actor


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    home = tmp_path_factory.mktemp("permissions")
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        truncate_pg(url)
    else:
        url = fresh_sqlite(request.getfixturevalue("sqlite_template"), home / "data")
    system = Actor.system("test:permissions")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url, "office_code": "LODI"},
                                                environ={}), clock=ManualClock(START))
        try:
            lodi = core.offices.apply(system, DEMO_SETUP)
            bbb = core.offices.apply(system, BBB_SETUP)
            core.content.load(system)
            core.staff.add_staff(system, "lodi-clerk", "Clerk L", "clerk", "long-enough-pw", "LODI")
            core.staff.add_staff(system, "bbb-clerk", "Clerk B", "clerk", "long-enough-pw", "BBB")
            case = core.cases.open_case(system, "RF-NO", "it", practice_number="LO/1")
            po_file = home / "en.po"
            core.translations.export_po(system, "en", po_file)
            setup_file = home / "setup.toml"
            setup_file.write_text(SETUP_TOML, encoding="utf-8")
            yield World(core, lodi.id, bbb.id, case.id, po_file, setup_file, home / "export.po",
                        core.staff.login("lodi-clerk", "long-enough-pw"))
        finally:
            core.close()
            if request.param == "postgresql":
                truncate_pg(url)


Call = Callable[[CoreServices, World, Actor], object]


@dataclasses.dataclass(frozen=True)
class Guard:
    """A guarded method: the permissions that let an actor call it (any of them), and a call with valid arguments.

    Attributes:
        office: ``refuse`` (an actor of another office is refused), ``filter`` (they see their own office's
            rows only) or ``database-wide`` (nothing belongs to an office).
    """

    permissions: tuple[str, ...]
    call: Call
    office: str = "refuse"


def in_transaction(work: Callable[[CoreServices, World, Actor, Session], object]) -> Call:
    """A building block that runs inside the caller's write transaction."""
    return lambda c, w, a: c.db.write(lambda session: work(c, w, a, session))


def guard(permission: str | tuple[str, ...], call: Call, office: str = "refuse") -> Guard:
    return Guard((permission,) if isinstance(permission, str) else permission, call, office)


_UID = "00000000-0000-4000-8000-000000000015"
_DIR_EDIT = ("edit_own_directory", "manage_directory")
_DIR_READ = ("refer", "edit_own_directory", "manage_directory")
_BOOK = {"person_name": "Mario Rossi", "practice_number": None, "language": None, "needs_mediator": False}
_DAYS = ("2026-12-01", "2026-12-07")
_DATES = (date(2026, 12, 1), date(2026, 12, 7))

GUARDED: dict[str, Guard] = {
    "audit.verify": guard("verify_audit", lambda c, w, a: c.audit.verify(a), office="database-wide"),
    "audit.reanchor": guard("manage_db", lambda c, w, a: c.audit.reanchor(a), office="database-wide"),
    "staff.add_staff": guard("manage_staff", lambda c, w, a: c.staff.add_staff(
        a, "new-clerk", "New", "clerk", "long-enough-pw", "LODI")),
    "staff.add_staff_in": guard("manage_staff", in_transaction(lambda c, w, a, s: c.staff.add_staff_in(
        s, a, new_account("new-clerk", "New", "clerk", "long-enough-pw"), "LODI"))),
    "staff.list_staff": guard("manage_staff", lambda c, w, a: c.staff.list_staff(a), office="filter"),
    "staff.set_password": guard("manage_staff", lambda c, w, a: c.staff.set_password(
        a, "lodi-clerk", "taken-over-pw")),
    "staff.set_active": guard("manage_staff", lambda c, w, a: c.staff.set_active(a, "lodi-clerk", False)),
    "offices.apply": guard("manage_setup", lambda c, w, a: c.offices.apply(a, DEMO_SETUP)),
    "offices.apply_file": guard("manage_setup", lambda c, w, a: c.offices.apply_file(a, w.setup_file)),
    "offices.set_active": guard("manage_setup", lambda c, w, a: c.offices.set_active(a, "desk", "D3", False,
                                                                                     "LODI")),
    "offices.apply_in": guard("manage_setup", in_transaction(lambda c, w, a, s: c.offices.apply_in(
        s, a, clean_setup(DEMO_SETUP)))),
    "queue.issue_ticket": guard("issue", lambda c, w, a: c.queue.issue_ticket(a, "RF")),
    "queue.issue_ticket_in": guard("issue", in_transaction(lambda c, w, a, s: c.queue.issue_ticket_in(s, a, "RF"))),
    "queue.call_next": guard("serve_queue", lambda c, w, a: c.queue.call_next(a, "D1")),
    "queue.recall": guard("serve_queue", lambda c, w, a: c.queue.recall(a, "D1")),
    "queue.start_serving": guard("serve_queue", lambda c, w, a: c.queue.start_serving(a, "D1")),
    "queue.finish": guard("serve_queue", lambda c, w, a: c.queue.finish(a, "D1")),
    "queue.no_show": guard("serve_queue", lambda c, w, a: c.queue.no_show(a, "D1")),
    "queue.park": guard("serve_queue", lambda c, w, a: c.queue.park(a, "D1")),
    "queue.resume": guard("serve_queue", lambda c, w, a: c.queue.resume(a, 10**6, "D1")),
    "queue.transfer": guard("serve_queue", lambda c, w, a: c.queue.transfer(a, 10**6, "LAV", "D1")),
    "queue.transfer_targets": guard("serve_queue", lambda c, w, a: c.queue.transfer_targets(a)),
    "queue.cancel": guard("serve_queue", lambda c, w, a: c.queue.cancel(a, 10**6, "D1")),
    "queue.reactivate": guard("serve_queue", lambda c, w, a: c.queue.reactivate(a, 10**6, "D1")),
    "queue.current_ticket": guard("view_queue", lambda c, w, a: c.queue.current_ticket(a, "D1")),
    "queue.tickets": guard("view_queue", lambda c, w, a: c.queue.tickets(a)),
    "queue.summary": guard("view_queue", lambda c, w, a: c.queue.summary(a)),
    "queue.close_day": guard("close_day", lambda c, w, a: c.queue.close_day(a)),
    "queue.recent_calls": guard("view_calls", lambda c, w, a: c.queue.recent_calls(a)),
    "content.load": guard("manage_setup", lambda c, w, a: c.content.load(a)),
    "content.load_in": guard("manage_setup", in_transaction(lambda c, w, a, s: c.content.load_in(
        s, a, Catalogue.read(), shipped()))),
    "content.edit_text": guard("edit_content", lambda c, w, a: c.content.edit_text(
        a, "proc.RF-NO.name", "it", "Nuovo nome")),
    "content.set_checklist": guard("edit_content", lambda c, w, a: c.content.set_checklist(a, "RF-NO", [], {})),
    "content.review_translations": guard("edit_content", lambda c, w, a: c.content.review_translations(
        a, "en", ["item.passport"])),
    "cases.open_case": guard("work_cases", lambda c, w, a: c.cases.open_case(a, "RF-NO", "it")),
    "cases.get": guard("work_cases", lambda c, w, a: c.cases.get(a, w.case_id)),
    "cases.find_by_practice": guard("work_cases", lambda c, w, a: c.cases.find_by_practice(a, "LO/1")),
    "cases.reopen": guard("work_cases", lambda c, w, a: c.cases.reopen(a, w.case_id)),
    "cases.mark_item": guard("work_cases", lambda c, w, a: c.cases.mark_item(a, w.case_id, "x", "presented")),
    "cases.set_note": guard("work_cases", lambda c, w, a: c.cases.set_note(a, w.case_id, "nota")),
    "cases.close": guard("work_cases", lambda c, w, a: c.cases.close(a, w.case_id, "complete")),
    "cases.purge_practice_numbers": guard("purge_personal_data",
                                          lambda c, w, a: c.cases.purge_practice_numbers(a, 90)),
    # shared practices with the Questura (issue 16)
    "practices.send": guard("share_practices", lambda c, w, a: c.practices.send(
        a, "RF-NO", "opinion_family", "2026-12-10", practice_number="LO/P1")),
    "practices.answer": guard("share_practices", lambda c, w, a: c.practices.answer(a, 1, "risposta")),
    "practices.send_back": guard("share_practices", lambda c, w, a: c.practices.send_back(a, 1, "incomplete")),
    "practices.send_again": guard("share_practices", lambda c, w, a: c.practices.send_again(
        a, 1, "opinion_family", "2026-12-10")),
    "practices.close": guard("share_practices", lambda c, w, a: c.practices.close(a, 1)),
    "practices.get": guard("share_practices", lambda c, w, a: c.practices.get(a, 1)),
    "practices.waiting": guard("share_practices", lambda c, w, a: c.practices.waiting(a)),
    "practices.inbox": guard("share_practices", lambda c, w, a: c.practices.inbox(a)),
    "practices.find": guard("share_practices", lambda c, w, a: c.practices.find(a, "LO/1")),
    "practices.meeting_list": guard("coordinate_practices", lambda c, w, a: c.practices.meeting_list(a, 5)),
    "practices.record_meeting": guard("coordinate_practices", lambda c, w, a: c.practices.record_meeting(a, 5, [])),
    "practices.meetings": guard("coordinate_practices", lambda c, w, a: c.practices.meetings(a)),
    "practices.handling_times": guard("export_reports", lambda c, w, a: c.practices.handling_times(
        a, "2026-11-01", "2026-11-30")),
    "practices.purge_practice_numbers": guard("purge_personal_data",
                                              lambda c, w, a: c.practices.purge_practice_numbers(a, 90)),
    "translations.export_po": guard("edit_content", lambda c, w, a: c.translations.export_po(
        a, "en", w.export_file)),
    "translations.import_po": guard("edit_content", lambda c, w, a: c.translations.import_po(a, "en", w.po_file)),
    "reports.counts": guard("export_reports", lambda c, w, a: c.reports.counts(a, "2026-11-01", "2026-11-30")),
    "reports.today": guard("export_reports", lambda c, w, a: c.reports.today(a)),
    "reports.summarize_closed_days": guard("close_day", lambda c, w, a: c.reports.summarize_closed_days(a)),
    "reports.breakdowns": guard("export_reports", lambda c, w, a: c.reports.breakdowns(
        a, "2026-11-01", "2026-11-30")),
    "reports.indicators": guard("export_reports", lambda c, w, a: c.reports.indicators(a, "2026-Q3")),
    "reports.record_print": guard("work_cases", lambda c, w, a: c.reports.record_print(a, "instructions", "ar")),
    "appointments.set_calendar": guard("manage_calendar", lambda c, w, a: c.appointments.set_calendar(
        a, "RF", hours="mon-fri 09:00-12:00", slot_minutes=20, capacity=1)),
    "appointments.calendar": guard("book_appointments", lambda c, w, a: c.appointments.calendar(a, "RF")),
    "appointments.add_closure": guard("manage_calendar", lambda c, w, a: c.appointments.add_closure(
        a, "2026-12-24", "Vigilia")),
    "appointments.slots": guard("book_appointments", lambda c, w, a: c.appointments.slots(a, "RF", _DAYS[0])),
    "appointments.book": guard("book_appointments", lambda c, w, a: c.appointments.book(
        a, "RF", SLOT, person_name="Mario Rossi")),
    "appointments.book_in": guard("book_appointments", in_transaction(lambda c, w, a, s: c.appointments.book_in(
        s, a, "RF", SLOT, **_BOOK))),
    "appointments.move": guard("book_appointments", lambda c, w, a: c.appointments.move(a, 1, SLOT)),
    "appointments.cancel": guard("book_appointments", lambda c, w, a: c.appointments.cancel(a, 1, "motivo")),
    "appointments.cancel_in": guard("book_appointments", in_transaction(lambda c, w, a, s: c.appointments.cancel_in(
        s, a, 1, "motivo"))),
    "appointments.get": guard("book_appointments", lambda c, w, a: c.appointments.get(a, 1)),
    "appointments.search": guard("book_appointments", lambda c, w, a: c.appointments.search(a, "Rossi")),
    "appointments.day": guard("book_appointments", lambda c, w, a: c.appointments.day(a, _DAYS[0])),
    "appointments.check_in": guard(("book_appointments", "issue"), lambda c, w, a: c.appointments.check_in(a, 1)),
    "appointments.no_show": guard("book_appointments", lambda c, w, a: c.appointments.no_show(a, 1)),
    "appointments.mark_no_shows": guard("book_appointments", lambda c, w, a: c.appointments.mark_no_shows(a)),
    "appointments.purge_personal_data": guard("purge_personal_data",
                                              lambda c, w, a: c.appointments.purge_personal_data(a)),
    "convocations.convoke": guard("book_appointments", lambda c, w, a: c.convocations.convoke(
        a, "RF", SLOT, procedure_code="RF-NO", practice_number="P/1", person_name="Mario Rossi")),
    "convocations.confirm": guard("book_appointments", lambda c, w, a: c.convocations.confirm(a, 1)),
    "convocations.rebook": guard("book_appointments", lambda c, w, a: c.convocations.rebook(a, 1, SLOT)),
    "convocations.history": guard("book_appointments", lambda c, w, a: c.convocations.history(a, "P/1")),
    "convocations.for_appointment": guard("book_appointments",
                                          lambda c, w, a: c.convocations.for_appointment(a, 1)),
    "mediators.add_mediator": guard("manage_mediators", lambda c, w, a: c.mediators.add_mediator(
        a, "M9", "Nome", {"ar": 3})),
    "mediators.set_availability": guard("manage_mediators", lambda c, w, a: c.mediators.set_availability(
        a, "M9", "mon 09:00-12:00 in_person")),
    "mediators.set_languages": guard("manage_mediators", lambda c, w, a: c.mediators.set_languages(
        a, "M9", {"ar": 2})),
    "mediators.add_exception": guard("manage_mediators", lambda c, w, a: c.mediators.add_exception(
        a, "M9", _DAYS[0], available=False)),
    "mediators.roster": guard("book_mediators", lambda c, w, a: c.mediators.roster(a)),
    "mediators.book": guard("book_mediators", lambda c, w, a: c.mediators.book(
        a, "ar", SLOT, SLOT + timedelta(hours=1))),
    "mediators.cancel_booking": guard("book_mediators", lambda c, w, a: c.mediators.cancel_booking(a, 1)),
    "mediators.confirm": guard("own_bookings", lambda c, w, a: c.mediators.confirm(a, 1)),
    "mediators.decline": guard("own_bookings", lambda c, w, a: c.mediators.decline(a, 1, "motivo")),
    "mediators.mark_present": guard(("own_bookings", "book_mediators"),
                                    lambda c, w, a: c.mediators.mark_present(a, 1)),
    "mediators.my_agenda": guard("own_bookings", lambda c, w, a: c.mediators.my_agenda(a, *_DAYS)),
    "mediators.my_agenda_ics": guard("own_bookings", lambda c, w, a: c.mediators.my_agenda_ics(a, *_DAYS)),
    "mediators.agenda": guard("book_mediators", lambda c, w, a: c.mediators.agenda(a, "M1", *_DAYS)),
    "mediators.agenda_ics": guard("book_mediators", lambda c, w, a: c.mediators.agenda_ics(a, "M1", *_DAYS)),
    "mediators.override": guard("serve_queue", lambda c, w, a: c.mediators.override(a, 1, "motivo")),
    "mediators.waiting_for_mediator": guard("view_queue", lambda c, w, a: c.mediators.waiting_for_mediator(a)),
    "mediators.ticket_bookings": guard("book_mediators", lambda c, w, a: c.mediators.ticket_bookings(a, 1)),
    "retention.purge": guard("purge_personal_data", lambda c, w, a: c.retention.purge(a, dry_run=True)),
    "retention.run_daily": guard("purge_personal_data", lambda c, w, a: c.retention.run_daily(a)),
    "retention.last_runs": guard("purge_personal_data", lambda c, w, a: c.retention.last_runs(a)),
    "backups.backup": guard("manage_db", lambda c, w, a: c.backups.backup(a)),
    "backups.run_daily": guard("manage_db", lambda c, w, a: c.backups.run_daily(a)),
    "backups.copies": guard("manage_db", lambda c, w, a: c.backups.copies(a)),
    "backups.other_connections": guard("manage_db", lambda c, w, a: c.backups.other_connections(a)),
    "backups.restore": guard("manage_db", lambda c, w, a: c.backups.restore(a, w.export_file, force=True)),
    "staff.set_role": guard("manage_staff", lambda c, w, a: c.staff.set_role(a, "lodi-clerk", "supervisor")),
    "staff.set_office": guard("manage_staff", lambda c, w, a: c.staff.set_office(a, "lodi-clerk", "LODI")),
    "staff.unlock": guard("manage_staff", lambda c, w, a: c.staff.unlock(a, "lodi-clerk")),
    "staff.reset_password": guard("manage_staff", lambda c, w, a: c.staff.reset_password(a, "lodi-clerk")),
    "audit_view.events": guard("verify_audit", lambda c, w, a: c.audit_view.events(a)),
    "audit_view.export_csv": guard("verify_audit", lambda c, w, a: c.audit_view.export_csv(a, w.export_file)),
    "office_settings.change": guard("manage_setup", lambda c, w, a: c.office_settings.change(
        a, {"board_message": "Avviso"})),
    "office_settings.change_ticket_line": guard("manage_setup", lambda c, w, a: c.office_settings.change_ticket_line(
        a, "ar", "يرجى الانتظار.")),
    "office_settings.ticket_line_authors": guard("manage_setup",
                                                 lambda c, w, a: c.office_settings.ticket_line_authors(a)),
    "mediators.who_is_free": guard("book_mediators", lambda c, w, a: c.mediators.who_is_free(
        a, "ar", SLOT, SLOT + timedelta(minutes=30))),
    "mediators.book_in": guard("book_mediators", in_transaction(lambda c, w, a, s: c.mediators.book_in(
        s, a, "ar", SLOT, SLOT + timedelta(hours=1)))),
    "awareness.save_centre": guard("run_awareness", lambda c, w, a: c.awareness.save_centre(a, "CAS-X", "CAS X")),
    "awareness.centres": guard("run_awareness", lambda c, w, a: c.awareness.centres(a)),
    "awareness.plan": guard("run_awareness", lambda c, w, a: c.awareness.plan(
        a, "CAS-X", SLOT, 90, "ar", "Numero Verde Antitratta")),
    "awareness.book_mediator": guard("run_awareness", lambda c, w, a: c.awareness.book_mediator(a, 1)),
    "awareness.record": guard("run_awareness", lambda c, w, a: c.awareness.record(a, 1, {("f", "18-25"): 3})),
    "awareness.cancel": guard("run_awareness", lambda c, w, a: c.awareness.cancel(a, 1, "motivo")),
    "awareness.get": guard("run_awareness", lambda c, w, a: c.awareness.get(a, 1)),
    "awareness.sessions": guard("run_awareness", lambda c, w, a: c.awareness.sessions(a, *_DATES)),
    "awareness.counts": guard("export_reports", lambda c, w, a: c.awareness.counts(a, "2026-11")),
    "awareness.handout": guard("run_awareness", lambda c, w, a: c.awareness.handout(a, 1)),
    # the services directory (issue 15): a partner's own entries, the office's review, the counter's referrals
    "directory.put_organisation": guard(_DIR_EDIT, lambda c, w, a: c.directory.put_organisation(
        a, DirectoryOrganisation(_UID, "Associazione"))),
    "directory.organisations": guard(_DIR_READ, lambda c, w, a: c.directory.organisations(a)),
    "directory.put_location": guard(_DIR_EDIT, lambda c, w, a: c.directory.put_location(
        a, _UID, DirectoryLocation("", "Sede", Address("Via Roma 1", "26900", "Lodi")))),
    "directory.put_service": guard(_DIR_EDIT, lambda c, w, a: c.directory.put_service(a, DirectoryService(
        _UID, DirectoryOrganisation(_UID, "Associazione"), {"it": {"name": Localised("Servizio", "it")}},
        categories=("health",)))),
    "directory.submit": guard(_DIR_EDIT, lambda c, w, a: c.directory.submit(a, _UID)),
    "directory.publish": guard("manage_directory", lambda c, w, a: c.directory.publish(a, _UID)),
    "directory.withdraw": guard("manage_directory", lambda c, w, a: c.directory.withdraw(a, _UID, "motivo")),
    "directory.reject_revision": guard("manage_directory", lambda c, w, a: c.directory.reject_revision(
        a, _UID, "motivo")),
    "directory.confirm": guard(_DIR_EDIT, lambda c, w, a: c.directory.confirm(a, _UID)),
    "directory.link_partner": guard("manage_directory", lambda c, w, a: c.directory.link_partner(
        a, "lodi-clerk", _UID)),
    "directory.my_organisation": guard("edit_own_directory", lambda c, w, a: c.directory.my_organisation(a)),
    "directory.services": guard(_DIR_EDIT, lambda c, w, a: c.directory.services(a)),
    "directory.service": guard(_DIR_READ, lambda c, w, a: c.directory.service(a, _UID)),
    "directory.search": guard("refer", lambda c, w, a: c.directory.search(a, "casa")),
    "directory.refer": guard("refer", lambda c, w, a: c.directory.refer(a, _UID, "ar")),
    "directory.referral_counts": guard("export_reports", lambda c, w, a: c.directory.referral_counts(
        a, "2026-11-01", "2026-11-30")),
    "directory.load_file": guard("manage_directory", lambda c, w, a: c.directory.load_file(a)),
}

def _empty_breakdowns() -> object:
    from desk_app.core.reports import DIMENSIONS, Breakdowns

    return Breakdowns("Lodi", date(2026, 11, 1), date(2026, 11, 30), {d: [] for d in DIMENSIONS})


def _empty_indicators() -> object:
    from desk_app.core.reports import Indicators

    return Indicators("Lodi", date(2026, 7, 1), date(2026, 9, 30), "2026-Q3", [], [], [], 0)


def _empty_awareness() -> object:
    from desk_app.core.awareness import AwarenessCounts

    return AwarenessCounts("Lodi", date(2026, 11, 1), date(2026, 11, 30), "2026-11", [], [], 0, 0)


#: Methods that need no permission: nothing personal is read, nothing is changed. Keep this short.
PURE_READS: dict[str, tuple[str, Call]] = {
    "staff.count": ("how many accounts exist: a number", lambda c, w, a: c.staff.count()),
    "offices.view": ("the office, its services and desks: printed on every ticket",
                     lambda c, w, a: c.offices.view("LODI")),
    "offices.offices": ("the office codes", lambda c, w, a: c.offices.offices()),
    "offices.prefixes_in_use": ("ticket letters printed today and their service codes: on every ticket",
                                lambda c, w, a: c.offices.prefixes_in_use("LODI")),
    "queue.today": ("the office's date, from the clock", lambda c, w, a: c.queue.today()),
    "queue.actions_for_desk": ("answers from its arguments and the actor's role; reads no database",
                               lambda c, w, a: c.queue.actions_for_desk(a, "D1", None, None)),
    "content.procedures": ("the procedure catalogue: public instructions", lambda c, w, a: c.content.procedures()),
    "content.procedure": ("one procedure of it", lambda c, w, a: c.content.procedure("RF-NO")),
    "content.texts": ("the catalogue's texts in one language", lambda c, w, a: c.content.texts("en")),
    "content.office": ("the office's name and address, printed on sheets", lambda c, w, a: c.content.office()),
    "translations.statuses": ("translation progress of those texts",
                              lambda c, w, a: c.translations.statuses("en")),
    "translations.coverage": ("the same, per document", lambda c, w, a: c.translations.coverage()),
    "translations.procedure_texts": ("a procedure's Italian texts, sources and translation states",
                                      lambda c, w, a: c.translations.procedure_texts("RF-NO")),
    "reports.to_csv": ("formats rows counts() returned (that is guarded); no database",
                       lambda c, w, a: c.reports.to_csv([])),
    "reports.write_csv": ("the same, into a file", lambda c, w, a: c.reports.write_csv([], w.export_file)),
    "reports.breakdowns_csv": ("formats what breakdowns() returned (that is guarded); no database",
                               lambda c, w, a: c.reports.breakdowns_csv(_empty_breakdowns())),
    "reports.indicators_csv": ("formats what indicators() returned (that is guarded); no database",
                               lambda c, w, a: c.reports.indicators_csv(_empty_indicators())),
    "appointments.clean_person": ("validates what the caller typed; no database",
                                  lambda c, w, a: c.appointments.clean_person("Mario Rossi", "P/1", "it")),
    "office_settings.current": ("the office's rules and its public board and sheet texts",
                                lambda c, w, a: c.office_settings.current()),
    "legalisation.countries": ("the legalisation table shipped with the app; no database",
                               lambda c, w, a: c.legalisation.countries()),
    "legalisation.country": ("one country of it", lambda c, w, a: c.legalisation.country("FR")),
    "legalisation.advise": ("what that table says for a country", lambda c, w, a: c.legalisation.advise("FR")),
    "awareness.counts_csv": ("formats what counts() returned (that is guarded); no database",
                             lambda c, w, a: c.awareness.counts_csv(_empty_awareness())),
    "directory.published": ("the published entries of the services directory: public information (the public site)",
                            lambda c, w, a: c.directory.published("en")),
    "directory.category_names": ("the names of the directory's categories", lambda c, w, a:
                                 c.directory.category_names("en")),
}

#: The machinery itself, called with no acting ``Actor`` (or being the check).
NOT_ACTOR_CALLS: dict[str, str] = {
    "staff.login": "authentication: there is no actor before it (its lockout rules: test_auth_audit)",
    "staff.logout": "records the actor's own logout, nothing else",
    "audit.record": "the append every guarded method writes with, inside its transaction (an AuditActor)",
    "audit.record_now": "the same in a transaction of its own (refusals)",
    "authorizer.require": "the permission check",
    "authorizer.require_office": "the office check",
    "authorizer.office_for": "the office check, resolving the service's office",
}

#: Fields a pure read must never return (the users' identity and the staff's secrets).
PERSONAL_FIELDS = {"person_name", "practice_number", "person_key", "password_hash", "username", "display_name"}


# -- enumeration ---------------------------------------------------------------------------------------------------
def services_of(core: CoreServices) -> dict[str, object]:
    return {f.name: getattr(core, f.name) for f in dataclasses.fields(CoreServices) if f.name not in NOT_SERVICES}


def public_methods(service: object) -> set[str]:
    """Public functions, static and class methods of the service's class and its bases (not properties)."""
    names: set[str] = set()
    for klass in type(service).__mro__[:-1]:
        for name, raw in vars(klass).items():
            if not name.startswith("_") and (inspect.isfunction(raw) or isinstance(raw, staticmethod | classmethod)):
                names.add(name)
    return names


def test_every_public_method_is_classified(world: World) -> None:
    found = {f"{field}.{name}" for field, service in services_of(world.core).items()
             for name in public_methods(service)}
    assert set(NOT_SERVICES) | set(services_of(world.core)) == {f.name for f in dataclasses.fields(CoreServices)}
    tables = (set(GUARDED), set(PURE_READS), set(NOT_ACTOR_CALLS))
    assert not (tables[0] & tables[1] or tables[0] & tables[2] or tables[1] & tables[2])
    unclassified = found - set().union(*tables)
    assert not unclassified, f"new public methods: add each to GUARDED (with a call) or, if pure, PURE_READS: " \
                             f"{sorted(unclassified)}"
    assert not set().union(*tables) - found, "entries for methods that are gone"


def test_guarded_methods_take_the_acting_actor() -> None:
    for name in GUARDED:
        field, method = name.split(".")
        klass = typing.get_type_hints(CoreServices)[field]
        parameters = list(inspect.signature(getattr(klass, method)).parameters)
        assert "actor" in parameters[1:3], name  # after self (and the session of a building block)


# -- the calls -----------------------------------------------------------------------------------------------------
def _role(permissions: tuple[str, ...], has: bool) -> str:
    return next(r for r in ROLE_ORDER if any(p in PERMISSIONS[r] for p in permissions) == has)


def _audit_since(core: CoreServices, after: int) -> list[tuple[str, str]]:
    return core.db.read(lambda s: [(e.action, e.outcome) for e in s.execute(
        select(AuditEvent).where(AuditEvent.id > after).order_by(AuditEvent.id)).scalars()])


def _last_audit_id(core: CoreServices) -> int:
    return int(core.db.read(lambda s: s.execute(select(func.coalesce(func.max(AuditEvent.id), 0))).scalar_one()))


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_refused_to_a_role_without_the_permission(world: World, name: str) -> None:
    spec = GUARDED[name]
    role = _role(spec.permissions, has=False)
    actor = Actor(f"lacking-{role}", role, None, world.lodi_id)
    before = _last_audit_id(world.core)
    with pytest.raises(PermissionDeniedError) as refused:
        spec.call(world.core, world, actor)
    assert refused.value.code == "permission_denied", f"{name} as {role}"
    assert refused.value.params["action"] in spec.permissions
    assert (f"denied:{refused.value.params['action']}", "denied") in _audit_since(world.core, before)


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_refused_to_an_actor_of_another_office(world: World, name: str) -> None:
    spec = GUARDED[name]
    role = _role(spec.permissions, has=True)
    actor = Actor(f"bbb-{role}", role, None, world.bbb_id)
    before = _last_audit_id(world.core)
    if spec.office == "filter":  # staff.list_staff: an admin of BBB sees BBB's staff, none of LODI's
        listed = spec.call(world.core, world, actor)
        assert isinstance(listed, list) and {s.office_code for s in listed} == {"BBB"}
        assert "bbb-clerk" in {s.username for s in listed}
        return
    if spec.office == "database-wide":  # audit.verify: one chain for all offices, a count and a hash
        assert spec.call(world.core, world, actor) is not None
        return
    with pytest.raises(PermissionDeniedError) as refused:
        spec.call(world.core, world, actor)
    assert refused.value.code == "other_office", f"{name} as {role} of BBB"
    assert ("denied:other_office", "denied") in _audit_since(world.core, before)


# -- the source: every guarded method reaches the Authorizer -------------------------------------------------------
CHECKS = {"require", "require_office", "office_for"}


def _checks_reached(owner: object, method: str, seen: set[tuple[type, str]]) -> set[str]:
    """Authorizer calls in ``owner.method`` and in the methods of ``owner`` and of other services it calls."""
    klass = type(owner)
    if (klass, method) in seen:
        return set()
    seen.add((klass, method))
    raw = inspect.getattr_static(klass, method)
    function = raw.__func__ if isinstance(raw, staticmethod | classmethod) else raw
    found: set[str] = set()
    for node in ast.walk(ast.parse(textwrap.dedent(inspect.getsource(function)))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, target = node.func.attr, node.func.value
        if name in CHECKS:
            found.add(name)
        elif isinstance(target, ast.Name) and target.id in ("self", "cls", klass.__name__) and hasattr(klass, name):
            found |= _checks_reached(owner, name, seen)
        elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
            other = getattr(owner, target.attr, None)  # another service: self.queue.issue_ticket_in(...)
            if type(other).__module__.startswith("desk_app.core.") and hasattr(type(other), name):
                found |= _checks_reached(other, name, seen)
    return found


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_guarded_methods_reach_the_authorizer(world: World, name: str) -> None:
    field, method = name.split(".")
    reached = _checks_reached(services_of(world.core)[field], method, set())
    assert "require" in reached, f"{name} never checks a permission"
    if GUARDED[name].office == "refuse":
        assert reached & {"require_office", "office_for"}, f"{name} never checks the office"


# -- pure reads ----------------------------------------------------------------------------------------------------
def _row_counts(core: CoreServices) -> dict[str, int]:
    return core.db.read(lambda s: {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                                   for t in Base.metadata.sorted_tables})


def _fields(hint: Any, seen: set[Any]) -> set[str]:
    """Every field name reachable from a type: dataclass fields, table columns, inside containers."""
    if typing.get_origin(hint) is not None:  # list[X], dict[K, V], X | None, tuple[...]
        return set().union(*(_fields(arg, seen) for arg in typing.get_args(hint)), set())
    if not isinstance(hint, type) or hint in seen:
        return set()
    seen.add(hint)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return {f.name for f in dataclasses.fields(hint)} | set().union(
            *(_fields(hints[f.name], seen) for f in dataclasses.fields(hint)), set())
    table = getattr(hint, "__table__", None)
    return set(table.columns.keys()) if table is not None else set()


@pytest.mark.parametrize("name", sorted(PURE_READS))
def test_pure_reads_change_nothing_and_return_nothing_personal(world: World, name: str) -> None:
    reason, call = PURE_READS[name]
    assert reason
    before = _row_counts(world.core)
    result = call(world.core, world, world.clerk)
    assert _row_counts(world.core) == before, f"{name} wrote to the database"
    field, method = name.split(".")
    returned = typing.get_type_hints(getattr(type(services_of(world.core)[field]), method)).get("return")
    assert not _fields(returned, set()) & PERSONAL_FIELDS, f"{name} returns personal fields"
    assert result is not None or returned is type(None)
