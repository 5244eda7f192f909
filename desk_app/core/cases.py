"""Cases: the checklist of a procedure, checked at the counter for one user over one or more visits.

The clerk attaches a procedure to the current ticket (a case: procedure, optional
practice number, language), marks each item presented / missing / not applicable,
adds notes and an outcome. A case is frozen to the checklist version current when
it was opened: a later catalogue update changes new cases only. On the user's next
visit the clerk finds the case by its practice number (an audited personal-data
lookup) and reopens it.

Cases hold no names. The practice number is personal data: it is cleared by
:meth:`CaseService.purge_practice_numbers` after the retention period, which the appointment
retention purge runs too (:meth:`~desk_app.core.services.CoreServices.purge_expired_personal_data`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.core.auth import Actor, Authorizer
from desk_app.core.catalogue import ChecklistItem, ContentService
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import clean_choice, clean_code, clean_text
from desk_app.db.engine import Database
from desk_app.db.models import Office, Ticket
from desk_app.db.models_content import CASE_OUTCOMES, ITEM_STATES, Case, CaseItem, Procedure, ProcedureVersion
from desk_app.errors import ConflictError, NotFoundError, ValidationError

PRACTICE_MAX = 40
NOTE_MAX = 1000
ITEM_NOTE_MAX = 300


@dataclass(frozen=True)
class CaseItemView:
    """A checklist line of a case with what the clerk recorded for it."""

    item: ChecklistItem
    state: str
    note: str

    @property
    def key(self) -> str:
        return self.item.key


@dataclass(frozen=True)
class CaseView:
    """A case as the desk shows it.

    Attributes:
        version: the checklist version the case was checked against (not necessarily the current one).
        ticket_number: number of the ticket it was opened or last reopened with, if any.
    """

    id: int
    procedure_code: str
    version: int
    practice_number: str | None
    language: str
    status: str
    outcome: str | None
    note: str
    visits: int
    opened_at: datetime
    updated_at: datetime
    ticket_number: str | None
    items: tuple[CaseItemView, ...]

    @property
    def missing(self) -> tuple[CaseItemView, ...]:
        """Items marked missing: what the "bring next time" sheet lists."""
        return tuple(i for i in self.items if i.state == "missing")

    @property
    def pending_required(self) -> tuple[CaseItemView, ...]:
        """Required items nobody has looked at yet."""
        return tuple(i for i in self.items if i.state == "pending" and i.item.requirement == "required")


def _practice(value: str | None) -> str | None:
    text = clean_text(value, "practice_number", PRACTICE_MAX, required=False)
    return text.upper() or None


class CaseService:
    """Opens, updates, finds and closes cases. Every call needs ``work_cases``."""

    def __init__(self, db: Database, authorizer: Authorizer, content: ContentService, clock: Clock | None = None,
                 office_code: str | None = None) -> None:
        self.db = db
        self.auth = authorizer
        self.content = content
        self.clock = clock or SystemClock()
        self.office_code = office_code

    def open_case(self, actor: Actor, procedure_code: str, language: str = "it", *,
                  practice_number: str | None = None, ticket_id: int | None = None) -> CaseView:
        """Start a case on the procedure's current checklist version; every item starts ``pending``."""
        self.auth.require(actor, "work_cases", "procedure", procedure_code)
        code = clean_code(procedure_code, "procedure")
        language = clean_choice((language or "").strip().lower(), "language", LANGUAGES)
        practice = _practice(practice_number)
        now = self.clock.now()

        def work(session: Session) -> CaseView:
            office = self._office(session, actor)
            procedure = ContentService._procedure(session, office.id, code)
            version = session.execute(select(ProcedureVersion).where(
                ProcedureVersion.procedure_id == procedure.id,
                ProcedureVersion.version == procedure.current_version)).scalar_one()
            if ticket_id is not None:
                self._ticket(session, office.id, ticket_id)
            case = Case(office_id=office.id, procedure_version_id=version.id, ticket_id=ticket_id,
                        practice_number=practice, language=language, status="open", note="", visits=1,
                        opened_at=now, updated_at=now, staff_id=actor.staff_id)
            session.add(case)
            session.flush()
            session.add_all(CaseItem(case_id=case.id, item_key=str(item["key"]), position=n, state="pending",
                                     note="", updated_at=now) for n, item in enumerate(version.items))
            session.flush()
            self.auth.audit_log.record(session, actor.audit, "case.open", "case", case.id,
                                       detail={"procedure": code, "practice_number": bool(practice)})
            return self._view(session, case)

        return self.db.write(work)

    def get(self, actor: Actor, case_id: int) -> CaseView:
        self.auth.require(actor, "work_cases", "case", case_id)
        return self.db.read(lambda s: self._view(s, self._case(s, actor, case_id)))

    def find_by_practice(self, actor: Actor, practice_number: str) -> list[CaseView]:
        """Cases of the office with this practice number, newest first. Audited (personal data)."""
        self.auth.require(actor, "work_cases", "case", "")
        practice = _practice(practice_number)
        if practice is None:
            return []

        def work(session: Session) -> list[CaseView]:
            office = self._office(session, actor)
            cases = session.execute(select(Case).where(Case.office_id == office.id, Case.practice_number == practice)
                                    .order_by(Case.opened_at.desc(), Case.id.desc())).scalars().all()
            self.auth.audit_log.record(session, actor.audit, "case.lookup", "case",
                                       ",".join(str(c.id) for c in cases)[:64], detail={"found": len(cases)})
            return [self._view(session, c) for c in cases]

        return self.db.write(work)

    def reopen(self, actor: Actor, case_id: int, ticket_id: int | None = None) -> CaseView:
        """The user is back: the case is open again (same checklist version), one more visit, outcome cleared."""
        self.auth.require(actor, "work_cases", "case", case_id)
        now = self.clock.now()

        def work(session: Session) -> CaseView:
            case = self._case(session, actor, case_id)
            if ticket_id is not None:
                self._ticket(session, case.office_id, ticket_id)
                case.ticket_id = ticket_id
            if case.status == "closed":
                case.visits += 1
            case.status, case.outcome, case.closed_at, case.updated_at = "open", None, None, now
            self.auth.audit_log.record(session, actor.audit, "case.reopen", "case", case.id)
            return self._view(session, case)

        return self.db.write(work)

    def mark_item(self, actor: Actor, case_id: int, item_key: str, state: str, note: str | None = None) -> CaseView:
        """Record what the clerk saw for one item; ``note`` (if given) replaces the item's note."""
        self.auth.require(actor, "work_cases", "case", case_id)
        state = clean_choice(state, "state", ITEM_STATES)
        clean_note = None if note is None else clean_text(note, "note", ITEM_NOTE_MAX, required=False)
        now = self.clock.now()

        def work(session: Session) -> CaseView:
            case = self._open_case(session, actor, case_id)
            values: dict[str, object] = {"state": state, "updated_at": now}
            if clean_note is not None:
                values["note"] = clean_note
            changed = session.execute(update(CaseItem).where(CaseItem.case_id == case.id,
                                                             CaseItem.item_key == item_key)
                                      .values(**values).returning(CaseItem.item_key)).scalar()
            if changed is None:
                raise NotFoundError("unknown_item", value=item_key, procedure=self._code(session, case))
            case.updated_at = now
            session.flush()
            session.expire_all()
            return self._view(session, self._case(session, actor, case_id))

        return self.db.write(work)

    def set_note(self, actor: Actor, case_id: int, note: str) -> CaseView:
        self.auth.require(actor, "work_cases", "case", case_id)
        text = clean_text(note, "note", NOTE_MAX, required=False, multiline=True)

        def work(session: Session) -> CaseView:
            case = self._open_case(session, actor, case_id)
            case.note, case.updated_at = text, self.clock.now()
            return self._view(session, case)

        return self.db.write(work)

    def close(self, actor: Actor, case_id: int, outcome: str, note: str | None = None, *,
              despite_open_documents: bool = False) -> CaseView:
        """End this visit with an outcome (``complete``, ``incomplete``, ``redirected``, ``withdrawn``).

        ``complete`` while documents are marked missing contradicts itself and is refused
        (``case_documents_open``, saying how many are missing and how many required are unchecked) unless
        ``despite_open_documents``. Required documents merely unchecked do not block here (a case closed
        from the command line or a script may not have been ticked item by item); the desk asks the clerk
        about both first and offers to close as ``incomplete`` with the "bring next time" sheet instead.
        """
        self.auth.require(actor, "work_cases", "case", case_id)
        outcome = clean_choice(outcome, "outcome", CASE_OUTCOMES)
        text = None if note is None else clean_text(note, "note", NOTE_MAX, required=False, multiline=True)
        now = self.clock.now()

        def work(session: Session) -> CaseView:
            case = self._open_case(session, actor, case_id)
            if outcome == "complete" and not despite_open_documents:
                view = self._view(session, case)
                if view.missing:
                    raise ConflictError("case_documents_open", missing=len(view.missing),
                                        pending=len(view.pending_required))
            case.status, case.outcome, case.closed_at, case.updated_at = "closed", outcome, now, now
            if text is not None:
                case.note = text
            self.auth.audit_log.record(session, actor.audit, "case.close", "case", case.id,
                                       detail={"outcome": outcome})
            return self._view(session, case)

        return self.db.write(work)

    def purge_practice_numbers(self, actor: Actor, older_than_days: int) -> int:
        """Clear the practice number of the office's cases closed more than ``older_than_days`` ago.

        The retention purge (see :meth:`CoreServices.purge_expired_personal_data`): the cases and their
        checklists stay, for the counts. Returns how many were cleared. Needs ``purge_personal_data``; audited.
        """
        self.auth.require(actor, "purge_personal_data", "case", "purge")
        if isinstance(older_than_days, bool) or not isinstance(older_than_days, int) or older_than_days < 0:
            raise ValidationError("bad_number", value=str(older_than_days)[:20], field="retention_days")
        cutoff = self.clock.now() - timedelta(days=older_than_days)

        def work(session: Session) -> int:
            office = self._office(session, actor)
            ids = session.execute(update(Case).where(Case.office_id == office.id, Case.status == "closed",
                                                     Case.closed_at < cutoff, Case.practice_number.is_not(None))
                                  .values(practice_number=None).returning(Case.id)
                                  .execution_options(synchronize_session=False)).scalars().all()
            if ids:
                self.auth.audit_log.record(session, actor.audit, "case.purge", "office", office.code,
                                           detail={"cleared": len(ids), "days": older_than_days})
            return len(ids)

        return self.db.write(work)

    # -- helpers --------------------------------------------------------------------------------------------------
    def _office(self, session: Session, actor: Actor) -> Office:
        return self.auth.office_for(session, actor, self.office_code)

    @staticmethod
    def _ticket(session: Session, office_id: int, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None or ticket.office_id != office_id:
            raise NotFoundError("unknown_ticket", value=str(ticket_id))
        return ticket

    def _case(self, session: Session, actor: Actor, case_id: int) -> Case:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFoundError("unknown_case", value=str(case_id))
        self.auth.require_office(actor, case.office_id, session)
        return case

    def _open_case(self, session: Session, actor: Actor, case_id: int) -> Case:
        case = self._case(session, actor, case_id)
        if case.status != "open":
            raise ConflictError("case_closed", value=case.id)
        return case

    @staticmethod
    def _code(session: Session, case: Case) -> str:
        return session.execute(select(Procedure.code).join(ProcedureVersion).where(
            ProcedureVersion.id == case.procedure_version_id)).scalar_one()

    @classmethod
    def _view(cls, session: Session, case: Case) -> CaseView:
        version = session.get(ProcedureVersion, case.procedure_version_id)
        assert version is not None
        code = cls._code(session, case)
        recorded = {i.item_key: i for i in session.execute(
            select(CaseItem).where(CaseItem.case_id == case.id)).scalars()}
        items = []
        for raw in version.items:
            item = ChecklistItem.from_json(raw)
            row = recorded.get(item.key)
            items.append(CaseItemView(item, row.state if row else "pending", row.note if row else ""))
        ticket_number = session.execute(select(Ticket.number).where(Ticket.id == case.ticket_id)).scalar() \
            if case.ticket_id else None
        return CaseView(case.id, code, version.version, case.practice_number, case.language, case.status,
                        case.outcome, case.note, case.visits, case.opened_at, case.updated_at, ticket_number,
                        tuple(items))
