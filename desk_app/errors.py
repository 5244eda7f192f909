"""Typed errors with one clear sentence for the user, in the staff language.

Every known failure (bad input, unknown code, refused permission, stale ticket,
unreachable database) is a :class:`DeskError` subclass. It carries a message
``code`` and its ``params``; :meth:`DeskError.message` renders the sentence in
the staff language through the one staff-text catalogue (:mod:`desk_app.i18n`,
context ``DeskError``: the Italian lives in ``translations/sportello_it.ts``).
``str(error)`` is the English sentence, for logs.

Plain Python, no Qt and no database imports: every layer may raise these.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from desk_app.core.names import action_name, language_name, mode_name, role_name, status_name
from desk_app.i18n import QT_TRANSLATE_NOOP, translate

#: Message code -> English source (the sentence's ``str.format`` fields are the error's ``params``).
MESSAGES: dict[str, str] = {
    # input
    "required": QT_TRANSLATE_NOOP("DeskError", "The field “{field}” is required."),
    "too_long": QT_TRANSLATE_NOOP("DeskError", "The field “{field}” is longer than {max} characters."),
    "control_chars": QT_TRANSLATE_NOOP("DeskError", "The field “{field}” contains control characters that are not "
                                                    "allowed."),
    "bidi_controls": QT_TRANSLATE_NOOP("DeskError", "The field “{field}” contains text-direction marks that are not "
                                                    "allowed."),
    "bad_code": QT_TRANSLATE_NOOP("DeskError", "The code “{value}” is not valid: use 1 to {max} letters, digits, - "
                                               "or _ (no spaces)."),
    "bad_username": QT_TRANSLATE_NOOP("DeskError", "The user name “{value}” is not valid: use 2 to 32 letters, digits, "
                                                   "dots, - or _, starting with a letter or a digit (no spaces)."),
    "bad_choice": QT_TRANSLATE_NOOP("DeskError", "Value “{value}” is not allowed for “{field}”; allowed: {allowed}."),
    "choose_one": QT_TRANSLATE_NOOP("DeskError", "Choose one of the list for “{field}”."),
    "bad_date": QT_TRANSLATE_NOOP("DeskError", "The date “{value}” is not valid (format YYYY-MM-DD)."),
    "bad_range": QT_TRANSLATE_NOOP("DeskError", "Invalid date range: {start} is after {end}."),
    "bad_number": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not a valid number for “{field}”."),
    "weak_password": QT_TRANSLATE_NOOP("DeskError", "The password must be at least {min} characters long."),
    "duplicate": QT_TRANSLATE_NOOP("DeskError", "{kind} “{value}” already exists."),
    "bad_setting": QT_TRANSLATE_NOOP("DeskError", "Setting “{name}”: {reason}"),
    "unknown_setting": QT_TRANSLATE_NOOP("DeskError", "There is no setting “{name}”; the settings are: {allowed}."),
    "office_setting": QT_TRANSLATE_NOOP("DeskError", "“{name}” is a setting of the whole office, not of this PC: "
                                                     "change it in Administration → Office."),
    "bad_setup_file": QT_TRANSLATE_NOOP("DeskError", "Setup file “{path}” cannot be read: {reason}"),
    "demo_refused": QT_TRANSLATE_NOOP("DeskError", "The database already holds office “{office}”: the demo loads "
                                                   "only into an empty database (use --home with a scratch folder)."),
    "office_exists": QT_TRANSLATE_NOOP("DeskError", "The database already holds office “{office}”: the first-run "
                                                    "set-up creates an office only in an empty database."),
    "training_database": QT_TRANSLATE_NOOP("DeskError", "The training office opens only its own practice "
                                                        "database, never the office's real one."),
    "closure_exists": QT_TRANSLATE_NOOP("DeskError", "{day} is already closed (“{reason}”): the closure is not "
                                                     "added twice."),
    "service_has_tickets": QT_TRANSLATE_NOOP("DeskError", "The service “{value}” still has {count} tickets open "
                                                          "today: it can be taken out of use once they are done "
                                                          "or transferred."),
    "demo_day_done": QT_TRANSLATE_NOOP("DeskError", "Day {day} already has tickets: the demo does not simulate it "
                                                    "twice."),
    "db_missing": QT_TRANSLATE_NOOP("DeskError", "The database file “{path}” does not exist (it is created at first "
                                                 "start or by “desk-admin db upgrade”)."),
    # bounds, dates and files (issue 17: every bad input one sentence, nothing stored)
    "out_of_range": QT_TRANSLATE_NOOP("DeskError", "“{value}” is out of range for “{field}”: allowed from {min} to "
                                                   "{max}."),
    "number_too_large": QT_TRANSLATE_NOOP("DeskError", "A number is too large for the database: at most {max}."),
    "date_out_of_range": QT_TRANSLATE_NOOP("DeskError", "The date {value} is outside the dates Sportello handles "
                                                        "({min} to {max})."),
    "day_close_future": QT_TRANSLATE_NOOP("DeskError", "Only earlier days can be closed: {day} is after today "
                                                       "({today})."),
    "disk_full": QT_TRANSLATE_NOOP("DeskError", "The disk is full: “{path}” could not be written. Free some space "
                                                "and try again."),
    "is_a_folder": QT_TRANSLATE_NOOP("DeskError", "“{path}” is a folder: give the name of a file to write."),
    "not_a_folder": QT_TRANSLATE_NOOP("DeskError", "“{path}” is a file, not a folder."),
    "cannot_write": QT_TRANSLATE_NOOP("DeskError", "“{path}” cannot be written: {reason}."),
    "setting_ignored": QT_TRANSLATE_NOOP("DeskError", "Settings file “{path}”: {name} = {value} is not allowed "
                                                      "({reason}); the default {default} is used."),
    # lookups
    "unknown_office": QT_TRANSLATE_NOOP("DeskError", "Unknown office: “{value}”."),
    "no_office": QT_TRANSLATE_NOOP("DeskError", "No office is set up: run “desk-admin setup” or “desk-admin demo”."),
    "unknown_service": QT_TRANSLATE_NOOP("DeskError", "Unknown service: “{value}”."),
    "unknown_desk": QT_TRANSLATE_NOOP("DeskError", "Unknown desk: “{value}”."),
    "unknown_staff": QT_TRANSLATE_NOOP("DeskError", "Unknown staff member: “{value}”."),
    "last_admin": QT_TRANSLATE_NOOP("DeskError", "This is the last active administrator: make another account "
                                                  "administrator first."),
    "unknown_ticket": QT_TRANSLATE_NOOP("DeskError", "Ticket “{value}” not found for today."),
    "service_inactive": QT_TRANSLATE_NOOP("DeskError", "The service “{value}” is not active."),
    # queue
    "queue_empty": QT_TRANSLATE_NOOP("DeskError", "No ticket is waiting for desk {desk}."),
    "queue_held_back": QT_TRANSLATE_NOOP("DeskError", "No ticket can be called for desk {desk}: {count} waiting for "
                                                      "their mediator (see “mediators waiting”)."),
    "desk_busy": QT_TRANSLATE_NOOP("DeskError", "Desk {desk} already has ticket {number} in progress: finish it "
                                                "first."),
    "desk_idle": QT_TRANSLATE_NOOP("DeskError", "Desk {desk} has no ticket in progress."),
    "ticket_taken": QT_TRANSLATE_NOOP("DeskError", "Ticket {number} was already called by desk {desk}."),
    "ticket_wrong_state": QT_TRANSLATE_NOOP("DeskError", "Ticket {number} is “{status}”: cannot {action}."),
    "ticket_other_day": QT_TRANSLATE_NOOP("DeskError", "Ticket {number} belongs to another day ({day})."),
    "ticket_ambiguous": QT_TRANSLATE_NOOP("DeskError", "There are two tickets {number} today (a prefix moved to "
                                                       "another service): pick it from the list."),
    "prefix_in_use": QT_TRANSLATE_NOOP("DeskError", "Prefix “{prefix}” was already used today by another service: "
                                                    "reuse it from tomorrow."),
    "same_service": QT_TRANSLATE_NOOP("DeskError", "Ticket {number} is already in service {service}."),
    "transfer_target": QT_TRANSLATE_NOOP("DeskError", "Transfer a ticket to one place: a service, a desk or a "
                                         "colleague."),
    # auth
    "bad_credentials": QT_TRANSLATE_NOOP("DeskError", "Wrong username or password."),
    "account_locked": QT_TRANSLATE_NOOP("DeskError", "Account locked after too many attempts: try again in {minutes} "
                                                     "minutes."),
    "permission_denied": QT_TRANSLATE_NOOP("DeskError", "Permission denied: role “{role}” may not {action}."),
    "other_office": QT_TRANSLATE_NOOP("DeskError", "Acting on another office is not allowed."),
    "needs_person": QT_TRANSLATE_NOOP("DeskError", "Only a staff member may {action}: run it with --user NAME and "
                                                   "that person's password (--system acts for no one)."),
    "no_actor": QT_TRANSLATE_NOOP("DeskError", "Say who acts: --user NAME (with that person's password) or, for "
                                               "this machine's own jobs, --system."),
    "no_password_source": QT_TRANSLATE_NOOP("DeskError", "No terminal to ask for the password of “{user}”: use "
                                                         "--password-stdin or the DESK_APP_PASSWORD variable."),
    "system_not_owner": QT_TRANSLATE_NOOP("DeskError", "--system is for the owner of the database file “{path}” "
                                                       "(OS user {owner}): run it as that user, or log in with "
                                                       "--user NAME."),
    "system_setup_only": QT_TRANSLATE_NOOP("DeskError", "--system sets up only an empty database, together with its "
                                                        "first administrator (--admin NAME): then log in as them "
                                                        "with --user NAME."),
    "password_in_url": QT_TRANSLATE_NOOP("DeskError", "The database password must not be written in the URL "
                                                      "({where}: others can read it there): store it with "
                                                      "“desk-admin --system config --db-password”."),
    # database
    "db_unreachable": QT_TRANSLATE_NOOP("DeskError", "Database not reachable ({target}): {reason}"),
    "db_not_sqlite": QT_TRANSLATE_NOOP("DeskError", "The file “{path}” is not a Sportello (SQLite) database."),
    "db_network_share": QT_TRANSLATE_NOOP("DeskError", "The database file “{path}” is on a network share ({fstype}): "
                                                       "SQLite corrupts data there. Use a PostgreSQL server for "
                                                       "several desks."),
    "db_bad_url": QT_TRANSLATE_NOOP("DeskError", "Invalid database URL: “{url}”."),
    "db_outdated": QT_TRANSLATE_NOOP("DeskError", "The database schema is at revision {current}, {head} is needed: "
                                                  "run “desk-admin db upgrade”."),
    "db_schema": QT_TRANSLATE_NOOP("DeskError", "The database schema does not match this version of Sportello "
                                                "({reason}): run “desk-admin db upgrade”."),
    "db_busy": QT_TRANSLATE_NOOP("DeskError", "The database is busy, try again shortly."),
    # backups and restore (issue 17)
    "backup_corrupt": QT_TRANSLATE_NOOP("DeskError", "The backup copy “{path}” failed its integrity check ({reason}): "
                                                     "it was not kept."),
    "backup_tool_missing": QT_TRANSLATE_NOOP("DeskError", "“{tool}” is not installed on this PC: PostgreSQL backups "
                                                          "and restores need the PostgreSQL client tools (package "
                                                          "postgresql-client)."),
    "backup_failed": QT_TRANSLATE_NOOP("DeskError", "{tool} failed: {reason}"),
    "backup_missing": QT_TRANSLATE_NOOP("DeskError", "The backup file “{path}” does not exist."),
    "backup_not_ours": QT_TRANSLATE_NOOP("DeskError", "The file “{path}” is not a Sportello backup for this database "
                                                      "({reason})."),
    "restore_needs_force": QT_TRANSLATE_NOOP("DeskError", "A restore replaces the whole database: close every desk, "
                                                          "then repeat with --force (a copy of the current database "
                                                          "is taken first)."),
    "restore_needs_force_pg": QT_TRANSLATE_NOOP("DeskError", "A restore replaces the whole database ({connected} other "
                                                             "connections open now): close every desk, then repeat "
                                                             "with --force (a copy of the current database is taken "
                                                             "first)."),
    "db_tls": QT_TRANSLATE_NOOP("DeskError", "The database server's certificate was refused ({target}): {reason} "
                                             "(check sslrootcert and the server name in the URL)."),
    # content catalogue, cases, translations
    "unknown_procedure": QT_TRANSLATE_NOOP("DeskError", "Unknown procedure: “{value}”."),
    "unknown_case": QT_TRANSLATE_NOOP("DeskError", "Counter case {value} not found."),
    "unknown_item": QT_TRANSLATE_NOOP("DeskError", "Document “{value}” is not on the checklist of procedure "
                                                   "{procedure}."),
    "unknown_text": QT_TRANSLATE_NOOP("DeskError", "Unknown text: “{value}”."),
    "text_changed_meanwhile": QT_TRANSLATE_NOOP("DeskError", "The text ({lang}) was changed meanwhile by {who} on "
                                                             "{when}; it now reads: “{current}”. Nothing was saved: "
                                                             "read it, then save again to replace it."),
    "case_closed": QT_TRANSLATE_NOOP("DeskError", "Case {value} is closed: reopen it before changing it."),
    "case_documents_open": QT_TRANSLATE_NOOP("DeskError", "The case is not complete: {missing} document(s) missing "
                                                          "and {pending} required still to check."),
    "no_catalogue": QT_TRANSLATE_NOOP("DeskError", "The procedure catalogue is not loaded: run “desk-admin content "
                                                   "load”."),
    "bad_catalogue": QT_TRANSLATE_NOOP("DeskError", "Catalogue “{path}” is not valid: {reason}"),
    "bad_po_file": QT_TRANSLATE_NOOP("DeskError", "Translation file “{path}” is not valid: {reason}"),
    "po_wrong_language": QT_TRANSLATE_NOOP("DeskError", "The file “{path}” is for language “{found}”, not "
                                                        "“{expected}”."),
    "unknown_country": QT_TRANSLATE_NOOP("DeskError", "Country “{value}” is not in the legalisation table "
                                                      "(desk-admin legalisation --list)."),
    "domestic_use": QT_TRANSLATE_NOOP("DeskError", "“{value}” is Italy: an Italian document used in Italy needs no "
                                                   "legalisation."),
    # appointments, convocations, mediators
    "bad_time": QT_TRANSLATE_NOOP("DeskError", "The time “{value}” is not valid (format HH:MM)."),
    "bad_hours": QT_TRANSLATE_NOOP("DeskError", "Hours “{value}” not valid: write for example “mon-fri 09:00-12:30”."),
    "bad_period": QT_TRANSLATE_NOOP("DeskError", "Invalid period: the end ({end}) must come after the start "
                                                 "({start})."),
    "period_or_dates": QT_TRANSLATE_NOOP("DeskError", "Give either --period or --from and --to, not both."),
    "no_calendar": QT_TRANSLATE_NOOP("DeskError", "Service {service} has no appointment calendar."),
    "slot_not_offered": QT_TRANSLATE_NOOP("DeskError", "No slot of {service} starts on {day} at {time}: see "
                                                       "“appointments slots”."),
    "slot_closed": QT_TRANSLATE_NOOP("DeskError", "{service} is closed on {day}: {reason}"),
    "slot_past": QT_TRANSLATE_NOOP("DeskError", "The slot of {day} at {time} has already begun."),
    "slot_beyond_horizon": QT_TRANSLATE_NOOP("DeskError", "Bookings are taken at most {days} days ahead."),
    "slot_full": QT_TRANSLATE_NOOP("DeskError", "The slot of {service} on {day} at {time} is full ({capacity} "
                                                "places)."),
    "person_has_appointment": QT_TRANSLATE_NOOP("DeskError", "This person already has an appointment ({service}, "
                                                             "{day} at {time}): move it instead of booking another."),
    "unknown_appointment": QT_TRANSLATE_NOOP("DeskError", "Appointment {value} not found."),
    "appointment_wrong_state": QT_TRANSLATE_NOOP("DeskError", "Appointment {id} is “{status}”: cannot {action}."),
    "appointment_other_day": QT_TRANSLATE_NOOP("DeskError", "Appointment {id} is for {day}, not today."),
    "appointment_not_due": QT_TRANSLATE_NOOP("DeskError", "Appointment {id} is on {day} at {time}: it can be marked "
                                             "as not shown only from then (before, cancel it)."),
    "unknown_convocation": QT_TRANSLATE_NOOP("DeskError", "Convocation {value} not found."),
    "convocation_wrong_state": QT_TRANSLATE_NOOP("DeskError", "Convocation {id} is “{status}”: cannot {action}."),
    "unknown_mediator": QT_TRANSLATE_NOOP("DeskError", "Unknown mediator: “{value}”."),
    "not_a_mediator": QT_TRANSLATE_NOOP("DeskError", "User “{value}” is not linked to a mediator of the roster."),
    "unknown_mediator_booking": QT_TRANSLATE_NOOP("DeskError", "Mediator booking {value} not found."),
    "mediator_booking_wrong_state": QT_TRANSLATE_NOOP("DeskError", "Booking {id} is “{status}”: cannot {action}."),
    "not_own_booking": QT_TRANSLATE_NOOP("DeskError", "Booking {id} belongs to another mediator."),
    "mediator_no_language": QT_TRANSLATE_NOOP("DeskError", "Mediator {mediator} does not work in “{language}”."),
    "mediator_absent": QT_TRANSLATE_NOOP("DeskError", "Mediator {mediator} is absent on {day} ({reason})."),
    "mediator_unavailable": QT_TRANSLATE_NOOP("DeskError", "Mediator {mediator} is not available on {day} "
                                                           "{start}-{end} ({mode}); available that day: {windows}."),
    "mediator_busy": QT_TRANSLATE_NOOP("DeskError", "Mediator {mediator} is already booked on {day} {start}-{end}."),
    "no_mediator_free": QT_TRANSLATE_NOOP("DeskError", "No mediator for “{language}” is free on {day} {start}-{end} "
                                                       "({mode}): {reasons}"),
    "ticket_no_mediator": QT_TRANSLATE_NOOP("DeskError", "Ticket {number} does not need a mediator."),
    # territorial services directory (issue 15)
    "unknown_directory_entry": QT_TRANSLATE_NOOP("DeskError", "Directory entry “{value}” not found."),
    "not_own_organisation": QT_TRANSLATE_NOOP("DeskError", "This entry belongs to another organisation: a partner "
                                                           "changes only their own organisation's entries."),
    "not_a_partner": QT_TRANSLATE_NOOP("DeskError", "The account “{value}” does not have the partner organisation "
                                                    "role."),
    "partner_unlinked": QT_TRANSLATE_NOOP("DeskError", "The account “{value}” is not linked to an organisation of "
                                                       "the directory yet: ask the office to link it."),
    "directory_wrong_state": QT_TRANSLATE_NOOP("DeskError", "The entry “{name}” is “{status}”: cannot {action}."),
    "hours_order": QT_TRANSLATE_NOOP("DeskError", "Opening hours of {day}: the opening time {opens} must come "
                                                  "before the closing time {closes}."),
    "hours_overlap": QT_TRANSLATE_NOOP("DeskError", "Opening hours of {day} overlap: {first} and {second}."),
    "bad_phone": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not a telephone number (digits, spaces and an "
                                                "initial +)."),
    "bad_email": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not an e-mail address."),
    "bad_website": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not a web address (it begins with https://)."),
    "bad_postcode": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not an Italian postcode (five digits)."),
    # shared practices with the Questura (issue 16)
    "unknown_practice": QT_TRANSLATE_NOOP("DeskError", "Shared practice {value} not found."),
    "practice_already_shared": QT_TRANSLATE_NOOP("DeskError", "Practice “{value}” is already with the other office "
                                                              "(shared practice {id}): answer or close that one."),
    "practice_not_your_turn": QT_TRANSLATE_NOOP("DeskError", "Shared practice {value} is not waiting on your office "
                                                             "for this: it may have moved meanwhile."),
    "practice_not_owner": QT_TRANSLATE_NOOP("DeskError", "Only the office that opened shared practice {value} can "
                                                         "send it again or close it."),
    "practice_closed": QT_TRANSLATE_NOOP("DeskError", "Shared practice {value} is closed."),
    # awareness sessions in the reception centres (issue 16)
    "unknown_centre": QT_TRANSLATE_NOOP("DeskError", "Unknown reception centre: “{value}”."),
    "unknown_awareness_session": QT_TRANSLATE_NOOP("DeskError", "Awareness session {value} not found."),
    "awareness_in_past": QT_TRANSLATE_NOOP("DeskError", "A session cannot be planned for {day} at {time}: that "
                                                        "time has already passed."),
    "awareness_not_started": QT_TRANSLATE_NOOP("DeskError", "The session of {day} at {time} has not begun yet: "
                                                            "its attendance can be recorded from then."),
    "awareness_wrong_state": QT_TRANSLATE_NOOP("DeskError", "Session {id} is “{status}”: cannot {action}."),
    "referrals_over_attendees": QT_TRANSLATE_NOOP("DeskError", "{referrals} referrals for {attendees} people "
                                                               "present: there cannot be more referrals than "
                                                               "people."),
    "audit_broken": QT_TRANSLATE_NOOP("DeskError", "Audit log tampered with at row {id}: {reason}"),
    "audit_row_changed": QT_TRANSLATE_NOOP("DeskError", "Audit log tampered with at row {id}: the row was changed "
                                                        "after it was written."),
    "audit_row_missing": QT_TRANSLATE_NOOP("DeskError", "Audit log tampered with at row {id}: the row before it was "
                                                        "deleted or changed."),
    "audit_unkeyed": QT_TRANSLATE_NOOP("DeskError", "Audit log tampered with at row {id}: a row without the key after "
                                                    "the keyed chain began."),
    "audit_truncated": QT_TRANSLATE_NOOP("DeskError", "Audit log truncated: row {id}, the last one this PC wrote or "
                                                      "checked, is missing (the log now ends at row {last})."),
    "audit_unknown_key": QT_TRANSLATE_NOOP("DeskError", "Audit log row {id} is signed with key {key_id}, which this "
                                                        "PC does not hold: copy the audit.key of the PC that wrote it "
                                                        "into “{folder}”, or the row is forged."),
    "audit_checkpoint_bad": QT_TRANSLATE_NOOP("DeskError", "The audit checkpoint “{path}” was altered or cannot be "
                                                           "read ({reason})."),
    "audit_key_bad": QT_TRANSLATE_NOOP("DeskError", "The audit key file “{path}” cannot be read or is not a key "
                                                    "({reason})."),
    "audit_key_unwritable": QT_TRANSLATE_NOOP("DeskError", "The audit key file “{path}” cannot be created: {reason}"),
    # directory exchange (issue 15): HSDS 3.0 files and the partners' spreadsheet; {reason} is another error's sentence
    "hsds_invalid": QT_TRANSLATE_NOOP("DeskError", "The HSDS file “{path}” cannot be imported, at {where}: {reason}"),
    "file_unreadable": QT_TRANSLATE_NOOP("DeskError", "The file cannot be read ({reason})."),
    "not_utf8": QT_TRANSLATE_NOOP("DeskError", "The file is not UTF-8 text."),
    "not_json": QT_TRANSLATE_NOOP("DeskError", "The file is not valid JSON (see line:column)."),
    "hsds_not_object": QT_TRANSLATE_NOOP("DeskError", "A JSON object was expected here."),
    "hsds_not_list": QT_TRANSLATE_NOOP("DeskError", "A JSON list was expected here."),
    "hsds_not_text": QT_TRANSLATE_NOOP("DeskError", "A text was expected here."),
    "hsds_unknown_field": QT_TRANSLATE_NOOP("DeskError", "“{name}” is not a field of HSDS 3.0."),
    "hsds_bad_uuid": QT_TRANSLATE_NOOP("DeskError", "The id “{value}” is not a UUID."),
    "hsds_duplicate_id": QT_TRANSLATE_NOOP("DeskError", "The id “{value}” is used twice (first at {first})."),
    "hsds_wrong_link": QT_TRANSLATE_NOOP("DeskError", "“{value}” should be the id of the object it belongs to "
                                                      "({expected})."),
    "hsds_bad_datetime": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not a date and time (format "
                                                        "YYYY-MM-DDTHH:MM:SSZ)."),
    "hsds_bad_hours": QT_TRANSLATE_NOOP("DeskError", "The closing time {closes} is not after the opening time "
                                                     "{opens}."),
    "bad_language": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not an ISO 639-1 language code (two letters, "
                                                   "such as ar)."),
    "site_folder_in_use": QT_TRANSLATE_NOOP("DeskError", "The folder “{path}” already holds other files: the site is "
                                                         "written only into an empty folder or over a site built "
                                                         "before."),
    "xlsx_not_workbook": QT_TRANSLATE_NOOP("DeskError", "The file “{path}” is not an Excel workbook (.xlsx)."),
    "xlsx_problems": QT_TRANSLATE_NOOP("DeskError", "The spreadsheet “{path}” was not imported ({count} problem(s), "
                                                    "nothing stored). {first}"),
    "xlsx_cell": QT_TRANSLATE_NOOP("DeskError", "Sheet “{sheet}”, row {row}, column “{column}”: {reason}"),
    "xlsx_missing_sheet": QT_TRANSLATE_NOOP("DeskError", "The sheet “{sheet}” is missing: start from the template "
                                                         "(desk-admin directory template FILE)."),
    "xlsx_missing_column": QT_TRANSLATE_NOOP("DeskError", "Sheet “{sheet}”: the column “{column}” is missing (do "
                                                          "not rename the template's headers)."),
    "xlsx_unknown_name": QT_TRANSLATE_NOOP("DeskError", "“{value}” is not written in the sheet “{sheet}”."),
    "xlsx_duplicate_name": QT_TRANSLATE_NOOP("DeskError", "“{value}” is written twice in this column (first in row "
                                                          "{first})."),
    "import_entry": QT_TRANSLATE_NOOP("DeskError", "The entry “{name}” cannot be imported (nothing was stored): "
                                                   "{reason}"),
}


#: Field code -> the field's name as the clerk reads it on screen (a sentence never shows "person_name").
FIELD_NAMES: dict[str, str] = {
    "person_name": QT_TRANSLATE_NOOP("DeskField", "Name and surname"),
    "practice_number": QT_TRANSLATE_NOOP("DeskField", "Practice number"),
    "note": QT_TRANSLATE_NOOP("DeskField", "Notes"),
    "reason": QT_TRANSLATE_NOOP("DeskField", "Reason"),
    "display_name": QT_TRANSLATE_NOOP("DeskField", "Name"),
    "name": QT_TRANSLATE_NOOP("DeskField", "Name"),
    "services": QT_TRANSLATE_NOOP("DeskField", "Services"),
    "organisation": QT_TRANSLATE_NOOP("DeskField", "Organisation"),
    "username": QT_TRANSLATE_NOOP("DeskField", "User name"),
    "password": QT_TRANSLATE_NOOP("DeskField", "Password"),
    "search": QT_TRANSLATE_NOOP("DeskField", "Search"),
    "languages": QT_TRANSLATE_NOOP("DeskField", "Languages"),
    "mode": QT_TRANSLATE_NOOP("DeskField", "Mode"),
    "outcome": QT_TRANSLATE_NOOP("DeskField", "Outcome"),
    "priority": QT_TRANSLATE_NOOP("DeskField", "Priority"),
    "prefix": QT_TRANSLATE_NOOP("DeskField", "Ticket letter"),
    "target_wait_minutes": QT_TRANSLATE_NOOP("DeskField", "Target wait (minutes)"),
    "desk": QT_TRANSLATE_NOOP("DeskField", "Desk"),
    "office": QT_TRANSLATE_NOOP("DeskField", "Office"),
    "ticket": QT_TRANSLATE_NOOP("DeskField", "Ticket"),
    "country": QT_TRANSLATE_NOOP("DeskField", "Country"),
    "document": QT_TRANSLATE_NOOP("DeskField", "Document"),
    "issuer": QT_TRANSLATE_NOOP("DeskField", "Issued by"),
    "level": QT_TRANSLATE_NOOP("DeskField", "Level"),
    "role": QT_TRANSLATE_NOOP("DeskField", "Role"),
    "state": QT_TRANSLATE_NOOP("DeskField", "State"),
    "text": QT_TRANSLATE_NOOP("DeskField", "Text"),
    "retention_days": QT_TRANSLATE_NOOP("DeskField", "Keep for (days)"),
    "service_level_percent": QT_TRANSLATE_NOOP("DeskField", "Service level (%)"),
    "board_title": QT_TRANSLATE_NOOP("DeskField", "Board title"),
    "board_message": QT_TRANSLATE_NOOP("DeskField", "Board notice"),
    "address": QT_TRANSLATE_NOOP("DeskField", "Address"),
    "sheet_hours": QT_TRANSLATE_NOOP("DeskField", "Opening hours"),
    "directory_reconfirm_days": QT_TRANSLATE_NOOP("DeskField", "Re-confirm directory entries after (days)"),
    "directory_site_url": QT_TRANSLATE_NOOP("DeskField", "Public services site"),
    "person": QT_TRANSLATE_NOOP("DeskField", "Person"),
    "object_type": QT_TRANSLATE_NOOP("DeskField", "Object"),
    "object_id": QT_TRANSLATE_NOOP("DeskField", "Object id"),
    "categories": QT_TRANSLATE_NOOP("DeskField", "Categories"),
    "description": QT_TRANSLATE_NOOP("DeskField", "Description"),
    "eligibility": QT_TRANSLATE_NOOP("DeskField", "Who can use it"),
    "cost": QT_TRANSLATE_NOOP("DeskField", "Cost"),
    "application": QT_TRANSLATE_NOOP("DeskField", "How to access it"),
    "city": QT_TRANSLATE_NOOP("DeskField", "Town"),
    "postcode": QT_TRANSLATE_NOOP("DeskField", "Postcode"),
    "contact": QT_TRANSLATE_NOOP("DeskField", "Contact"),
    "procedure": QT_TRANSLATE_NOOP("DeskField", "Procedure"),
    "due_date": QT_TRANSLATE_NOOP("DeskField", "Due date"),
    "decision": QT_TRANSLATE_NOOP("DeskField", "Decision"),
    "min_days": QT_TRANSLATE_NOOP("DeskField", "Days waiting at least"),
    "practice": QT_TRANSLATE_NOOP("DeskField", "Shared practice"),
    "case": QT_TRANSLATE_NOOP("DeskField", "Counter case"),
    "limit": QT_TRANSLATE_NOOP("DeskField", "How many"),
    "centre": QT_TRANSLATE_NOOP("DeskField", "Reception centre"),
    "managing_body": QT_TRANSLATE_NOOP("DeskField", "Managing body"),
    "operator_organisation": QT_TRANSLATE_NOOP("DeskField", "Anti-trafficking organisation"),
    "operator_name": QT_TRANSLATE_NOOP("DeskField", "Operator"),
    "minutes": QT_TRANSLATE_NOOP("DeskField", "Duration (minutes)"),
    "people": QT_TRANSLATE_NOOP("DeskField", "People present"),
    "referrals": QT_TRANSLATE_NOOP("DeskField", "Referrals"),
    "age_band": QT_TRANSLATE_NOOP("DeskField", "Age band"),
    "sex": QT_TRANSLATE_NOOP("DeskField", "Sex"),
    "language": QT_TRANSLATE_NOOP("DeskField", "Language"),
    "group_language": QT_TRANSLATE_NOOP("DeskField", "Language group"),
    "ticket_line": QT_TRANSLATE_NOOP("DeskField", "Ticket line"),
    "service": QT_TRANSLATE_NOOP("DeskField", "Service"),
    "mediator": QT_TRANSLATE_NOOP("DeskField", "Mediator"),
    "code": QT_TRANSLATE_NOOP("DeskField", "Code"),
    "email": QT_TRANSLATE_NOOP("DeskField", "E-mail"),
    "website": QT_TRANSLATE_NOOP("DeskField", "Website"),
    "location": QT_TRANSLATE_NOOP("DeskField", "Place"),
    "province": QT_TRANSLATE_NOOP("DeskField", "Province"),
    "label": QT_TRANSLATE_NOOP("DeskField", "Label"),
    "requirement": QT_TRANSLATE_NOOP("DeskField", "Requirement"),
    "period": QT_TRANSLATE_NOOP("DeskField", "Period"),
    "free": QT_TRANSLATE_NOOP("DeskField", "Free of charge"),
    "accessibility": QT_TRANSLATE_NOOP("DeskField", "Accessibility"),
    "tickets": QT_TRANSLATE_NOOP("DeskField", "Tickets"),
    "convocation": QT_TRANSLATE_NOOP("DeskField", "Convocation"),
}


def _day_text(value: Any, lang: str) -> Any:
    """A day named in a sentence: ``dd/mm/yyyy`` in Italian for a date or an ISO date text, else as given."""
    if lang != "it":
        return value
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:  # a text that only looks like a day is left as it was
            return value
    return value


class DeskError(Exception):
    """Base of every known, user-explainable failure.

    Attributes:
        code: key into :data:`MESSAGES`.
        params: values substituted into the sentence. Values that name an action
            or a status or a role or a language are translated too (keys ``action``, ``status``, ``role`` and
            ``language``), and so are field codes
            (keys ``field`` and ``kind``, :data:`FIELD_NAMES`: the name the clerk reads on screen) and a mediator's mode
            (``mode``; ``windows`` as ``(start, end, mode)`` triples; ``reasons`` as ``(who, DeskError)``).
    """

    exit_code: ClassVar[int] = 2
    default_code: ClassVar[str] = "required"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.default_code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "it") -> str:
        """The one-sentence explanation in ``lang`` (``it`` or ``en``)."""
        params = dict(self.params)
        if "action" in params:
            params["action"] = action_name(str(params["action"]), lang)
        if "status" in params:
            params["status"] = status_name(str(params["status"]), lang)
        if "role" in params:  # «operatore», not the code «clerk»
            params["role"] = role_name(str(params["role"]), lang)
        for key in ("field", "kind"):  # «Nome utente», «Servizio», never the code «username» or «service»
            if key in params and str(params[key]) in FIELD_NAMES:
                params[key] = translate(lang, "DeskField", FIELD_NAMES[str(params[key])])
        if "day" in params:  # 04/12/2026 in Italian, as every screen writes a day; ISO (2026-12-04) in English
            params["day"] = _day_text(params["day"], lang)
        if "language" in params:  # «Arabo», not the code «ar»
            params["language"] = language_name(str(params["language"]), lang)
        if "mode" in params:  # a mediator's mode, and the (start, end, mode) windows of a mediator refusal
            params["mode"] = mode_name(str(params["mode"]), lang)
        if "windows" in params and not isinstance(params["windows"], str):
            params["windows"] = ", ".join(f"{start}-{end} {mode_name(mode, lang)}"
                                          for start, end, mode in params["windows"]) or "-"
        if "reasons" in params and not isinstance(params["reasons"], str):  # (who, DeskError) refusals
            params["reasons"] = "; ".join(f"{who}: {why.message(lang)}" for who, why in params["reasons"]) or "-"
        for key, value in params.items():  # another error's sentence inside this one, in the same language
            if isinstance(value, DeskError):
                params[key] = value.message(lang)
        source = MESSAGES.get(self.code)
        template = translate(lang, "DeskError", source) if source is not None else self.code
        try:
            return template.format(**params)
        except (KeyError, IndexError):  # a bug in a call site must not hide the error itself
            return f"{template} {params}"


class ValidationError(DeskError):
    """Input that breaks a rule (length, characters, format, range)."""


class NotFoundError(DeskError):
    """An unknown code, name or number."""


class ConflictError(DeskError):
    """The state moved under us: a stale or repeated action, a duplicate, a busy desk."""


class QueueEmptyError(DeskError):
    """Nothing to call: not an error for the user, but "nothing to do" (CLI exit 3)."""

    exit_code = 3


class AuthError(DeskError):
    """Login refused: wrong credentials, locked or disabled account."""


class PermissionDeniedError(DeskError):
    """The acting staff member's role does not allow the action."""

    default_code = "permission_denied"


class DatabaseError(DeskError):
    """The database cannot be used: unreachable, not a database, on a network share, outdated."""


class AuditChainError(DeskError):
    """The audit hash chain does not verify."""

    default_code = "audit_broken"
