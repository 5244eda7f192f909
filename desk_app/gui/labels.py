"""Names the staff interface shows for core codes, and the public lines printed on tickets.

Staff names (priorities, outcomes, languages as the clerk reads them) are
English source strings marked with ``QT_TRANSLATE_NOOP`` (:mod:`desk_app.i18n`)
so ``lupdate`` collects them; :func:`staff_label` translates them at display
time. Roles and statuses are the core's own tables (:mod:`desk_app.core.names`):
only GUI-only names live here.

The public side (a language's own name in its own script, the "wait for your
number" sentence) is content, not staff-UI text: it comes from
``desk_app/resources/ticket_lines.toml`` (read by :mod:`desk_app.documents.tickets`); an office may print its
own "wait" line instead (the administration window's ticket lines), the names stay the file's.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desk_app.core.names import LANGUAGE_STAFF_NAMES, ROLE_NAMES, status_name
from desk_app.documents.tickets import ticket_lines  # one reader of ticket_lines.toml
from desk_app.i18n import QT_TRANSLATE_NOOP

_CONTEXT = "Labels"


PRIORITY_LABELS: dict[str, str] = {
    "ordinary": QT_TRANSLATE_NOOP("Labels", "Ordinary"),
    "appointment": QT_TRANSLATE_NOOP("Labels", "Appointment"),
    "elderly": QT_TRANSLATE_NOOP("Labels", "Elderly"),
    "pregnancy": QT_TRANSLATE_NOOP("Labels", "Pregnancy"),
    "disability": QT_TRANSLATE_NOOP("Labels", "Disability"),
}

#: Why the mediator gate holds a waiting ticket back (:class:`~desk_app.core.mediators.WaitingForMediator`).
HELD_REASON_LABELS: dict[str, str] = {
    "no_language": QT_TRANSLATE_NOOP("Labels", "no language given"),
    "no_booking": QT_TRANSLATE_NOOP("Labels", "no mediator booked"),
    "booked_later": QT_TRANSLATE_NOOP("Labels", "mediator booked for later"),
    "not_present": QT_TRANSLATE_NOOP("Labels", "mediator not here yet"),
}

OUTCOME_LABELS: dict[str, str] = {
    "completed": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "missing_documents": QT_TRANSLATE_NOOP("Labels", "Documents missing"),
    "redirected": QT_TRANSLATE_NOOP("Labels", "Redirected to another office"),
    "not_competent": QT_TRANSLATE_NOOP("Labels", "Not our competence"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

# The 13 languages by their name in the staff's language (one table, in the core: refusals name them too).
LANGUAGE_LABELS = LANGUAGE_STAFF_NAMES


#: How a counter case's visit ended (the core's ``CASE_OUTCOMES``).
CASE_OUTCOME_LABELS: dict[str, str] = {
    "complete": QT_TRANSLATE_NOOP("Labels", "Complete: every document presented"),
    "incomplete": QT_TRANSLATE_NOOP("Labels", "Incomplete: documents missing"),
    "redirected": QT_TRANSLATE_NOOP("Labels", "Redirected to another office"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn by the user"),
}

#: What the clerk recorded for a checklist item (the core's ``ITEM_STATES``).
ITEM_STATE_LABELS: dict[str, str] = {
    "pending": QT_TRANSLATE_NOOP("Labels", "To check"),
    "presented": QT_TRANSLATE_NOOP("Labels", "Presented"),
    "missing": QT_TRANSLATE_NOOP("Labels", "Missing"),
    "not_applicable": QT_TRANSLATE_NOOP("Labels", "Not applicable"),
}

#: Whether a checklist item is always needed (the core's ``REQUIREMENTS``); conditional items add their condition.
REQUIREMENT_LABELS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Labels", "Required"),
    "optional": QT_TRANSLATE_NOOP("Labels", "Optional"),
    "conditional": QT_TRANSLATE_NOOP("Labels", "Conditional"),
}

#: Translation status of a user sheet, as the clerk must see it before printing.
TRANSLATION_STATUS_LABELS: dict[str, str] = {
    "reviewed": QT_TRANSLATE_NOOP("Labels", "reviewed by a translator"),
    "draft": QT_TRANSLATE_NOOP("Labels", "draft, not yet reviewed by a translator"),
    "stale": QT_TRANSLATE_NOOP("Labels", "out of date (the Italian changed): those lines print in Italian"),
    "missing": QT_TRANSLATE_NOOP("Labels", "missing: those lines print in Italian"),
}


def staff_label(table: dict[str, str], code: str | None, context: str = _CONTEXT) -> str:
    """The translated staff name of ``code`` in ``table`` (the code itself if unknown, "" for ``None``)."""
    if code is None:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(context, source) if source else code


def role_label(role: str) -> str:
    """A staff role as the core names it (context ``Role``), in the interface language."""
    return staff_label(ROLE_NAMES, role, "Role")


def language_choice(code: str) -> str:
    """A language as pickers show it: the staff name and, when it differs, its own name ("Arabic · العربية")."""
    own = ticket_lines().get(code)
    staff = staff_label(LANGUAGE_LABELS, code)
    return f"{staff} · {own.name}" if own and own.name != staff else staff


def status_label(status: str, lang: str) -> str:
    """A ticket status as the core names it, in the staff language."""
    return status_name(status, lang)


