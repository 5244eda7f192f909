"""The names staff read for core codes (actions, roles, statuses): one table each, English sources.

Each entry is marked for the one staff-text catalogue (:mod:`desk_app.i18n`), in its own context (``Action``,
``Role``, ``Status``); the CLI, the error messages and the GUI all name them from here.
"""

from __future__ import annotations

from desk_app.i18n import QT_TRANSLATE_NOOP, translate

#: What a role may do (the keys of :data:`desk_app.core.auth.PERMISSIONS`), as messages name it.
ACTION_NAMES: dict[str, str] = {
    "issue": QT_TRANSLATE_NOOP("Action", "issue tickets"),
    "call": QT_TRANSLATE_NOOP("Action", "call"),
    "recall": QT_TRANSLATE_NOOP("Action", "recall"),
    "serve": QT_TRANSLATE_NOOP("Action", "start serving"),
    "finish": QT_TRANSLATE_NOOP("Action", "finish"),
    "no_show": QT_TRANSLATE_NOOP("Action", "mark as no-show"),
    "park": QT_TRANSLATE_NOOP("Action", "park"),
    "resume": QT_TRANSLATE_NOOP("Action", "resume"),
    "transfer": QT_TRANSLATE_NOOP("Action", "transfer"),
    "cancel": QT_TRANSLATE_NOOP("Action", "cancel"),
    "reactivate": QT_TRANSLATE_NOOP("Action", "reactivate"),
    "serve_queue": QT_TRANSLATE_NOOP("Action", "serve the queue"),
    "manage_staff": QT_TRANSLATE_NOOP("Action", "manage staff"),
    "manage_setup": QT_TRANSLATE_NOOP("Action", "set up office, desks and services"),
    "export_reports": QT_TRANSLATE_NOOP("Action", "export counts"),
    "verify_audit": QT_TRANSLATE_NOOP("Action", "verify the audit log"),
    "close_day": QT_TRANSLATE_NOOP("Action", "close the day"),
    "view_queue": QT_TRANSLATE_NOOP("Action", "view the queue"),
    "view_calls": QT_TRANSLATE_NOOP("Action", "see the display board's calls"),
    "manage_db": QT_TRANSLATE_NOOP("Action", "manage the database"),
    "work_cases": QT_TRANSLATE_NOOP("Action", "work on counter cases"),
    "view_cases": QT_TRANSLATE_NOOP("Action", "look up cases"),
    "edit_content": QT_TRANSLATE_NOOP("Action", "edit procedures and texts"),
    "book_appointments": QT_TRANSLATE_NOOP("Action", "handle appointments"),
    "book_mediators": QT_TRANSLATE_NOOP("Action", "book mediators"),
    "manage_calendar": QT_TRANSLATE_NOOP("Action", "set up appointment calendars"),
    "manage_mediators": QT_TRANSLATE_NOOP("Action", "manage the mediator roster"),
    "purge_personal_data": QT_TRANSLATE_NOOP("Action", "purge expired personal data"),
    "own_bookings": QT_TRANSLATE_NOOP("Action", "handle their own bookings"),
    "check_in": QT_TRANSLATE_NOOP("Action", "check in"),
    "move": QT_TRANSLATE_NOOP("Action", "move"),
    "confirm": QT_TRANSLATE_NOOP("Action", "confirm"),
    "decline": QT_TRANSLATE_NOOP("Action", "decline"),
    "mark_present": QT_TRANSLATE_NOOP("Action", "mark present"),
    "rebook": QT_TRANSLATE_NOOP("Action", "rebook"),
    "first_setup": QT_TRANSLATE_NOOP("Action", "set up an empty database"),
    "edit_own_directory": QT_TRANSLATE_NOOP("Action", "edit their organisation's entries of the services directory"),
    "manage_directory": QT_TRANSLATE_NOOP("Action", "review and publish the services directory"),
    "refer": QT_TRANSLATE_NOOP("Action", "search the services directory and refer users"),
    "submit_directory_entry": QT_TRANSLATE_NOOP("Action", "submit for review"),
    "publish_directory_entry": QT_TRANSLATE_NOOP("Action", "publish"),
    "withdraw_directory_entry": QT_TRANSLATE_NOOP("Action", "withdraw"),
    "confirm_directory_entry": QT_TRANSLATE_NOOP("Action", "confirm as still right"),
    "reject_directory_revision": QT_TRANSLATE_NOOP("Action", "reject the pending revision"),
    "share_practices": QT_TRANSLATE_NOOP("Action", "work on practices shared with the other office"),
    "coordinate_practices": QT_TRANSLATE_NOOP("Action", "prepare and record coordination meetings"),
    "run_awareness": QT_TRANSLATE_NOOP("Action", "run awareness sessions in the reception centres"),
    "record": QT_TRANSLATE_NOOP("Action", "record"),
}

#: Staff roles as the staff read them.
ROLE_NAMES: dict[str, str] = {
    "display": QT_TRANSLATE_NOOP("Role", "display board"),
    "clerk": QT_TRANSLATE_NOOP("Role", "clerk"),
    "mediator": QT_TRANSLATE_NOOP("Role", "mediator"),
    "supervisor": QT_TRANSLATE_NOOP("Role", "supervisor"),
    "admin": QT_TRANSLATE_NOOP("Role", "administrator"),
    "partner": QT_TRANSLATE_NOOP("Role", "partner organisation"),
    "questura": QT_TRANSLATE_NOOP("Role", "Questura, Immigration Office"),
    "system": QT_TRANSLATE_NOOP("Role", "machine owner (--system)"),
}

#: Statuses of tickets, appointments, convocations and mediator bookings.
STATUS_NAMES: dict[str, str] = {
    "waiting": QT_TRANSLATE_NOOP("Status", "waiting"),
    "called": QT_TRANSLATE_NOOP("Status", "called"),
    "serving": QT_TRANSLATE_NOOP("Status", "being served"),
    "parked": QT_TRANSLATE_NOOP("Status", "parked"),
    "done": QT_TRANSLATE_NOOP("Status", "done"),
    "no_show": QT_TRANSLATE_NOOP("Status", "no-show"),
    "cancelled": QT_TRANSLATE_NOOP("Status", "cancelled"),
    "closed": QT_TRANSLATE_NOOP("Status", "closed at end of day"),
    "booked": QT_TRANSLATE_NOOP("Status", "booked"),
    "checked_in": QT_TRANSLATE_NOOP("Status", "checked in"),
    "sent": QT_TRANSLATE_NOOP("Status", "sent"),
    "confirmed": QT_TRANSLATE_NOOP("Status", "confirmed"),
    "attended": QT_TRANSLATE_NOOP("Status", "attended"),
    "rebooked": QT_TRANSLATE_NOOP("Status", "rebooked"),
    "declined": QT_TRANSLATE_NOOP("Status", "declined"),
    "draft": QT_TRANSLATE_NOOP("Status", "draft"),
    "submitted": QT_TRANSLATE_NOOP("Status", "submitted for review"),
    "published": QT_TRANSLATE_NOOP("Status", "published"),
    "withdrawn": QT_TRANSLATE_NOOP("Status", "withdrawn"),
    "planned": QT_TRANSLATE_NOOP("Status", "planned"),
    "held": QT_TRANSLATE_NOOP("Status", "held"),
}


def _name(table: dict[str, str], context: str, code: str, lang: str) -> str:
    source = table.get(code)
    return translate(lang, context, source) if source is not None else code


def action_name(action: str, lang: str) -> str:
    """An action as messages name it ("issue tickets"), in ``lang``; the code itself if unknown."""
    return _name(ACTION_NAMES, "Action", action, lang)


def role_name(role: str, lang: str) -> str:
    """A staff role ("administrator"), in ``lang``; the code itself if unknown."""
    return _name(ROLE_NAMES, "Role", role, lang)


def status_name(status: str, lang: str) -> str:
    """A ticket, appointment, convocation or booking status ("waiting"), in ``lang``; the code itself if unknown."""
    return _name(STATUS_NAMES, "Status", status, lang)


#: How a mediator takes part (the core's ``MEDIATOR_MODES``), as refusals name it: the GUI's mode labels.
MODE_NAMES: dict[str, str] = {
    "in_person": QT_TRANSLATE_NOOP("Mode", "in person"),
    "phone": QT_TRANSLATE_NOOP("Mode", "by phone"),
    "video": QT_TRANSLATE_NOOP("Mode", "by video"),
}


def mode_name(mode: str, lang: str) -> str:
    """A mediator's mode ("in person"), in ``lang``; the code itself if unknown."""
    return _name(MODE_NAMES, "Mode", mode, lang)


# The languages of the sheets and tickets by their name for the staff ("Arabic", «Arabo»), context "Labels" as
# the GUI's (:data:`desk_app.gui.labels.LANGUAGE_LABELS` is this table; catalogue.LANGUAGE_NAMES are endonyms).
LANGUAGE_STAFF_NAMES: dict[str, str] = {
    "it": QT_TRANSLATE_NOOP("Labels", "Italian"),
    "en": QT_TRANSLATE_NOOP("Labels", "English"),
    "fr": QT_TRANSLATE_NOOP("Labels", "French"),
    "es": QT_TRANSLATE_NOOP("Labels", "Spanish"),
    "ro": QT_TRANSLATE_NOOP("Labels", "Romanian"),
    "sq": QT_TRANSLATE_NOOP("Labels", "Albanian"),
    "uk": QT_TRANSLATE_NOOP("Labels", "Ukrainian"),
    "ar": QT_TRANSLATE_NOOP("Labels", "Arabic"),
    "ur": QT_TRANSLATE_NOOP("Labels", "Urdu"),
    "bn": QT_TRANSLATE_NOOP("Labels", "Bengali"),
    "pa": QT_TRANSLATE_NOOP("Labels", "Punjabi"),
    "hi": QT_TRANSLATE_NOOP("Labels", "Hindi"),
    "zh": QT_TRANSLATE_NOOP("Labels", "Chinese"),
}


def language_name(code: str, lang: str) -> str:
    """A language of the users ("ar") by its name for the staff («Arabo»), in ``lang``; the code itself if
    unknown."""
    return _name(LANGUAGE_STAFF_NAMES, "Labels", code, lang)
