"""Typed errors with one clear sentence for the user, in Italian or English.

Every known failure (bad input, unknown code, refused permission, stale ticket,
unreachable database) is a :class:`DeskError` subclass. It carries a message
``code`` and its ``params``; :meth:`DeskError.message` renders the sentence in
the staff language. ``str(error)`` is the English sentence, for logs.

Plain Python, no Qt and no database imports: every layer may raise these.
"""

from __future__ import annotations

from typing import Any, ClassVar

#: Staff UI languages. Italian is the default.
STAFF_LANGUAGES = ("it", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # input
    "required": {"it": "Il campo «{field}» è obbligatorio.", "en": "The field “{field}” is required."},
    "too_long": {
        "it": "Il campo «{field}» supera i {max} caratteri.",
        "en": "The field “{field}” is longer than {max} characters.",
    },
    "control_chars": {
        "it": "Il campo «{field}» contiene caratteri di controllo non ammessi.",
        "en": "The field “{field}” contains control characters that are not allowed.",
    },
    "bidi_controls": {
        "it": "Il campo «{field}» contiene segni di direzione del testo non ammessi.",
        "en": "The field “{field}” contains text-direction marks that are not allowed.",
    },
    "bad_code": {
        "it": "Il codice «{value}» non è valido: usare da 1 a {max} lettere, cifre, - o _ (senza spazi).",
        "en": "The code “{value}” is not valid: use 1 to {max} letters, digits, - or _ (no spaces).",
    },
    "bad_choice": {
        "it": "Valore «{value}» non ammesso per «{field}»; ammessi: {allowed}.",
        "en": "Value “{value}” is not allowed for “{field}”; allowed: {allowed}.",
    },
    "bad_date": {
        "it": "La data «{value}» non è valida (formato AAAA-MM-GG).",
        "en": "The date “{value}” is not valid (format YYYY-MM-DD).",
    },
    "bad_range": {
        "it": "Intervallo di date non valido: {start} è dopo {end}.",
        "en": "Invalid date range: {start} is after {end}.",
    },
    "bad_number": {
        "it": "«{value}» non è un numero valido per «{field}».",
        "en": "“{value}” is not a valid number for “{field}”.",
    },
    "weak_password": {
        "it": "La password deve avere almeno {min} caratteri.",
        "en": "The password must be at least {min} characters long.",
    },
    "duplicate": {
        "it": "Esiste già {kind} «{value}».",
        "en": "{kind} “{value}” already exists.",
    },
    "bad_setting": {
        "it": "Impostazione «{name}»: {reason}",
        "en": "Setting “{name}”: {reason}",
    },
    "bad_setup_file": {
        "it": "File di configurazione «{path}» non leggibile: {reason}",
        "en": "Setup file “{path}” cannot be read: {reason}",
    },
    "demo_refused": {
        "it": "Il database contiene già l'ufficio «{office}»: la demo si carica solo in un database vuoto "
        "(usare --home con una cartella di prova).",
        "en": "The database already holds office “{office}”: the demo loads only into an empty database "
        "(use --home with a scratch folder).",
    },
    "demo_day_done": {
        "it": "La giornata {day} ha già dei biglietti: la demo non la simula una seconda volta.",
        "en": "Day {day} already has tickets: the demo does not simulate it twice.",
    },
    "db_missing": {
        "it": "Il file di database «{path}» non esiste (verrà creato al primo avvio o con «desk-admin db upgrade»).",
        "en": "The database file “{path}” does not exist (it is created at first start or by “desk-admin db upgrade”).",
    },
    # lookups
    "unknown_office": {"it": "Ufficio sconosciuto: «{value}».", "en": "Unknown office: “{value}”."},
    "no_office": {
        "it": "Nessun ufficio configurato: eseguire «desk-admin setup» o «desk-admin demo».",
        "en": "No office is set up: run “desk-admin setup” or “desk-admin demo”.",
    },
    "unknown_service": {"it": "Servizio sconosciuto: «{value}».", "en": "Unknown service: “{value}”."},
    "unknown_desk": {"it": "Sportello sconosciuto: «{value}».", "en": "Unknown desk: “{value}”."},
    "unknown_staff": {"it": "Operatore sconosciuto: «{value}».", "en": "Unknown staff member: “{value}”."},
    "unknown_ticket": {
        "it": "Biglietto «{value}» non trovato per oggi.",
        "en": "Ticket “{value}” not found for today.",
    },
    "unknown_priority": {
        "it": "Classe di priorità sconosciuta: «{value}».",
        "en": "Unknown priority class: “{value}”.",
    },
    "unknown_language": {"it": "Lingua sconosciuta: «{value}».", "en": "Unknown language: “{value}”."},
    "unknown_outcome": {"it": "Esito sconosciuto: «{value}».", "en": "Unknown outcome: “{value}”."},
    "service_inactive": {
        "it": "Il servizio «{value}» non è attivo.",
        "en": "The service “{value}” is not active.",
    },
    "desk_no_services": {
        "it": "Lo sportello «{value}» non serve alcun servizio.",
        "en": "Desk “{value}” serves no service.",
    },
    # queue
    "queue_empty": {
        "it": "Nessun biglietto in attesa per lo sportello {desk}.",
        "en": "No ticket is waiting for desk {desk}.",
    },
    "queue_held_back": {
        "it": "Nessun biglietto chiamabile per lo sportello {desk}: {count} in attesa del mediatore "
        "(vedere «mediators waiting»).",
        "en": "No ticket can be called for desk {desk}: {count} waiting for their mediator "
        "(see “mediators waiting”).",
    },
    "desk_busy": {
        "it": "Lo sportello {desk} ha già il biglietto {number} in corso: chiuderlo prima.",
        "en": "Desk {desk} already has ticket {number} in progress: finish it first.",
    },
    "desk_idle": {
        "it": "Lo sportello {desk} non ha un biglietto in corso.",
        "en": "Desk {desk} has no ticket in progress.",
    },
    "ticket_taken": {
        "it": "Il biglietto {number} è già stato chiamato dallo sportello {desk}.",
        "en": "Ticket {number} was already called by desk {desk}.",
    },
    "ticket_wrong_state": {
        "it": "Il biglietto {number} è «{status}»: impossibile {action}.",
        "en": "Ticket {number} is “{status}”: cannot {action}.",
    },
    "ticket_other_day": {
        "it": "Il biglietto {number} è di un altro giorno ({day}).",
        "en": "Ticket {number} belongs to another day ({day}).",
    },
    "ticket_ambiguous": {
        "it": "Oggi ci sono due biglietti {number} (un prefisso è passato a un altro servizio): "
        "sceglierlo dalla lista.",
        "en": "There are two tickets {number} today (a prefix moved to another service): pick it from the list.",
    },
    "prefix_in_use": {
        "it": "Il prefisso «{prefix}» è già stato usato oggi da un altro servizio: riusarlo da domani.",
        "en": "Prefix “{prefix}” was already used today by another service: reuse it from tomorrow.",
    },
    "same_service": {
        "it": "Il biglietto {number} è già nel servizio {service}.",
        "en": "Ticket {number} is already in service {service}.",
    },
    "day_counter_full": {
        "it": "Numeri esauriti per il servizio {service} oggi.",
        "en": "No numbers left for service {service} today.",
    },
    # auth
    "bad_credentials": {"it": "Nome utente o password errati.", "en": "Wrong username or password."},
    "account_locked": {
        "it": "Account bloccato dopo troppi tentativi: riprovare tra {minutes} minuti.",
        "en": "Account locked after too many attempts: try again in {minutes} minutes.",
    },
    "account_disabled": {"it": "Account disattivato.", "en": "Account disabled."},
    "permission_denied": {
        "it": "Permesso negato: il ruolo «{role}» non può {action}.",
        "en": "Permission denied: role “{role}” may not {action}.",
    },
    "other_office": {
        "it": "Operazione su un altro ufficio non consentita.",
        "en": "Acting on another office is not allowed.",
    },
    # database
    "db_unreachable": {
        "it": "Database non raggiungibile ({target}): {reason}",
        "en": "Database not reachable ({target}): {reason}",
    },
    "db_not_sqlite": {
        "it": "Il file «{path}» non è un database Sportello (SQLite).",
        "en": "The file “{path}” is not a Sportello (SQLite) database.",
    },
    "db_network_share": {
        "it": "Il file di database «{path}» è su una cartella di rete ({fstype}): SQLite lì corrompe i dati. "
        "Usare un server PostgreSQL per più postazioni.",
        "en": "The database file “{path}” is on a network share ({fstype}): SQLite corrupts data there. "
        "Use a PostgreSQL server for several desks.",
    },
    "db_bad_url": {"it": "Indirizzo di database non valido: «{url}».", "en": "Invalid database URL: “{url}”."},
    "db_outdated": {
        "it": "Lo schema del database è alla versione {current}, serve {head}: eseguire «desk-admin db upgrade».",
        "en": "The database schema is at revision {current}, {head} is needed: run “desk-admin db upgrade”.",
    },
    "db_schema": {
        "it": "Lo schema del database non corrisponde a questa versione di Sportello ({reason}): "
        "eseguire «desk-admin db upgrade».",
        "en": "The database schema does not match this version of Sportello ({reason}): "
        "run “desk-admin db upgrade”.",
    },
    "db_busy": {
        "it": "Il database è occupato, riprovare tra poco.",
        "en": "The database is busy, try again shortly.",
    },
    # content catalogue, cases, translations
    "unknown_procedure": {"it": "Procedura sconosciuta: «{value}».", "en": "Unknown procedure: “{value}”."},
    "unknown_case": {"it": "Pratica allo sportello n. {value} non trovata.", "en": "Counter case {value} not found."},
    "unknown_item": {
        "it": "Il documento «{value}» non è nella lista della procedura {procedure}.",
        "en": "Document “{value}” is not on the checklist of procedure {procedure}.",
    },
    "unknown_text": {"it": "Testo sconosciuto: «{value}».", "en": "Unknown text: “{value}”."},
    "case_closed": {
        "it": "La pratica {value} è chiusa: riaprirla prima di modificarla.",
        "en": "Case {value} is closed: reopen it before changing it.",
    },
    "no_catalogue": {
        "it": "Catalogo delle procedure non caricato: eseguire «desk-admin content load».",
        "en": "The procedure catalogue is not loaded: run “desk-admin content load”.",
    },
    "bad_catalogue": {
        "it": "Catalogo «{path}» non valido: {reason}",
        "en": "Catalogue “{path}” is not valid: {reason}",
    },
    "bad_po_file": {
        "it": "File di traduzione «{path}» non valido: {reason}",
        "en": "Translation file “{path}” is not valid: {reason}",
    },
    "po_wrong_language": {
        "it": "Il file «{path}» è per la lingua «{found}», non «{expected}».",
        "en": "The file “{path}” is for language “{found}”, not “{expected}”.",
    },
    "unknown_country": {
        "it": "Lo Stato «{value}» non è nella tabella delle legalizzazioni (desk-admin legalisation --list).",
        "en": "Country “{value}” is not in the legalisation table (desk-admin legalisation --list).",
    },
    "domestic_use": {
        "it": "«{value}» è l'Italia: un documento italiano da usare in Italia non va legalizzato.",
        "en": "“{value}” is Italy: an Italian document used in Italy needs no legalisation.",
    },
    # appointments, convocations, mediators
    "bad_time": {
        "it": "L'orario «{value}» non è valido (formato HH:MM).",
        "en": "The time “{value}” is not valid (format HH:MM).",
    },
    "bad_hours": {
        "it": "Orario «{value}» non valido: scrivere ad esempio «lun-ven 09:00-12:30».",
        "en": "Hours “{value}” not valid: write for example “mon-fri 09:00-12:30”.",
    },
    "bad_period": {
        "it": "Periodo non valido: la fine ({end}) deve venire dopo l'inizio ({start}).",
        "en": "Invalid period: the end ({end}) must come after the start ({start}).",
    },
    "no_calendar": {
        "it": "Il servizio {service} non ha un calendario appuntamenti.",
        "en": "Service {service} has no appointment calendar.",
    },
    "slot_not_offered": {
        "it": "Nessun turno di {service} inizia il {day} alle {time}: vedere «appointments slots».",
        "en": "No slot of {service} starts on {day} at {time}: see “appointments slots”.",
    },
    "slot_closed": {
        "it": "{service} è chiuso il {day}: {reason}",
        "en": "{service} is closed on {day}: {reason}",
    },
    "slot_past": {
        "it": "Il turno del {day} alle {time} è già iniziato.",
        "en": "The slot of {day} at {time} has already begun.",
    },
    "slot_beyond_horizon": {
        "it": "Si prenota al massimo {days} giorni in anticipo.",
        "en": "Bookings are taken at most {days} days ahead.",
    },
    "slot_full": {
        "it": "Il turno di {service} del {day} alle {time} è pieno ({capacity} posti).",
        "en": "The slot of {service} on {day} at {time} is full ({capacity} places).",
    },
    "person_has_appointment": {
        "it": "Questa persona ha già un appuntamento ({service}, {day} alle {time}): "
        "spostarlo invece di prenotarne un altro.",
        "en": "This person already has an appointment ({service}, {day} at {time}): "
        "move it instead of booking another.",
    },
    "unknown_appointment": {"it": "Appuntamento {value} non trovato.", "en": "Appointment {value} not found."},
    "appointment_wrong_state": {
        "it": "L'appuntamento {id} è «{status}»: impossibile {action}.",
        "en": "Appointment {id} is “{status}”: cannot {action}.",
    },
    "appointment_other_day": {
        "it": "L'appuntamento {id} è per il {day}, non per oggi.",
        "en": "Appointment {id} is for {day}, not today.",
    },
    "unknown_convocation": {"it": "Convocazione {value} non trovata.", "en": "Convocation {value} not found."},
    "convocation_wrong_state": {
        "it": "La convocazione {id} è «{status}»: impossibile {action}.",
        "en": "Convocation {id} is “{status}”: cannot {action}.",
    },
    "unknown_mediator": {"it": "Mediatore sconosciuto: «{value}».", "en": "Unknown mediator: “{value}”."},
    "not_a_mediator": {
        "it": "L'utente «{value}» non è collegato a un mediatore dell'elenco.",
        "en": "User “{value}” is not linked to a mediator of the roster.",
    },
    "unknown_mediator_booking": {
        "it": "Prenotazione del mediatore {value} non trovata.",
        "en": "Mediator booking {value} not found.",
    },
    "mediator_booking_wrong_state": {
        "it": "La prenotazione {id} è «{status}»: impossibile {action}.",
        "en": "Booking {id} is “{status}”: cannot {action}.",
    },
    "not_own_booking": {
        "it": "La prenotazione {id} è di un altro mediatore.",
        "en": "Booking {id} belongs to another mediator.",
    },
    "mediator_no_language": {
        "it": "Il mediatore {mediator} non lavora in «{language}».",
        "en": "Mediator {mediator} does not work in “{language}”.",
    },
    "mediator_absent": {
        "it": "Il mediatore {mediator} è assente il {day} ({reason}).",
        "en": "Mediator {mediator} is absent on {day} ({reason}).",
    },
    "mediator_unavailable": {
        "it": "Il mediatore {mediator} non è disponibile il {day} {start}-{end} ({mode}); "
        "disponibilità quel giorno: {windows}.",
        "en": "Mediator {mediator} is not available on {day} {start}-{end} ({mode}); available that day: {windows}.",
    },
    "mediator_busy": {
        "it": "Il mediatore {mediator} è già prenotato il {day} {start}-{end}.",
        "en": "Mediator {mediator} is already booked on {day} {start}-{end}.",
    },
    "no_mediator_free": {
        "it": "Nessun mediatore per «{language}» libero il {day} {start}-{end} ({mode}): {reasons}",
        "en": "No mediator for “{language}” is free on {day} {start}-{end} ({mode}): {reasons}",
    },
    "ticket_no_mediator": {
        "it": "Il biglietto {number} non richiede un mediatore.",
        "en": "Ticket {number} does not need a mediator.",
    },
    "audit_broken": {
        "it": "Registro di audit alterato alla riga {id}: {reason}",
        "en": "Audit log tampered with at row {id}: {reason}",
    },
}

#: Human names of actions, used inside permission and state messages.
ACTION_NAMES: dict[str, dict[str, str]] = {
    "issue": {"it": "emettere biglietti", "en": "issue tickets"},
    "call": {"it": "chiamare", "en": "call"},
    "recall": {"it": "richiamare", "en": "recall"},
    "serve": {"it": "iniziare il servizio", "en": "start serving"},
    "finish": {"it": "concludere", "en": "finish"},
    "no_show": {"it": "segnare assente", "en": "mark as no-show"},
    "park": {"it": "sospendere", "en": "park"},
    "resume": {"it": "riprendere", "en": "resume"},
    "transfer": {"it": "trasferire", "en": "transfer"},
    "cancel": {"it": "annullare", "en": "cancel"},
    "reactivate": {"it": "riattivare", "en": "reactivate"},
    "serve_queue": {"it": "servire la coda", "en": "serve the queue"},
    "manage_staff": {"it": "gestire il personale", "en": "manage staff"},
    "manage_setup": {"it": "configurare ufficio, sportelli e servizi", "en": "set up office, desks and services"},
    "export_reports": {"it": "esportare i conteggi", "en": "export counts"},
    "verify_audit": {"it": "verificare il registro di audit", "en": "verify the audit log"},
    "close_day": {"it": "chiudere la giornata", "en": "close the day"},
    "view_queue": {"it": "vedere la coda", "en": "view the queue"},
    "view_calls": {"it": "vedere le chiamate del tabellone", "en": "see the display board's calls"},
    "manage_db": {"it": "gestire il database", "en": "manage the database"},
    "work_cases": {"it": "gestire le pratiche allo sportello", "en": "work on counter cases"},
    "view_cases": {"it": "consultare le pratiche", "en": "look up cases"},
    "edit_content": {"it": "modificare procedure e testi", "en": "edit procedures and texts"},
    "book_appointments": {"it": "gestire gli appuntamenti", "en": "handle appointments"},
    "book_mediators": {"it": "prenotare mediatori", "en": "book mediators"},
    "manage_calendar": {"it": "configurare i calendari degli appuntamenti", "en": "set up appointment calendars"},
    "manage_mediators": {"it": "gestire l'elenco dei mediatori", "en": "manage the mediator roster"},
    "purge_personal_data": {"it": "cancellare i dati personali scaduti", "en": "purge expired personal data"},
    "own_bookings": {"it": "gestire le proprie prenotazioni", "en": "handle their own bookings"},
    "check_in": {"it": "registrare l'arrivo", "en": "check in"},
    "move": {"it": "spostare", "en": "move"},
    "confirm": {"it": "confermare", "en": "confirm"},
    "decline": {"it": "rifiutare", "en": "decline"},
    "mark_present": {"it": "segnare presente", "en": "mark present"},
    "rebook": {"it": "riprenotare", "en": "rebook"},
}

ROLE_NAMES: dict[str, dict[str, str]] = {
    "display": {"it": "tabellone", "en": "display board"},
    "clerk": {"it": "operatore", "en": "clerk"},
    "mediator": {"it": "mediatore", "en": "mediator"},
    "supervisor": {"it": "responsabile", "en": "supervisor"},
    "admin": {"it": "amministratore", "en": "administrator"},
}

STATUS_NAMES: dict[str, dict[str, str]] = {
    "waiting": {"it": "in attesa", "en": "waiting"},
    "called": {"it": "chiamato", "en": "called"},
    "serving": {"it": "in servizio", "en": "being served"},
    "parked": {"it": "sospeso", "en": "parked"},
    "done": {"it": "concluso", "en": "done"},
    "no_show": {"it": "assente", "en": "no-show"},
    "cancelled": {"it": "annullato", "en": "cancelled"},
    "closed": {"it": "chiuso a fine giornata", "en": "closed at end of day"},
    "booked": {"it": "prenotato", "en": "booked"},
    "checked_in": {"it": "arrivato", "en": "checked in"},
    "sent": {"it": "inviata", "en": "sent"},
    "confirmed": {"it": "confermato", "en": "confirmed"},
    "attended": {"it": "presentato", "en": "attended"},
    "rebooked": {"it": "riprenotato", "en": "rebooked"},
    "declined": {"it": "rifiutato", "en": "declined"},
}


def localized(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    """Return ``table[key][lang]``, falling back to English, then to the key itself."""
    entry = table.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry.get("en") or key


class DeskError(Exception):
    """Base of every known, user-explainable failure.

    Attributes:
        code: key into :data:`MESSAGES`.
        params: values substituted into the sentence. Values that name an action
            or a status are translated too (keys ``action`` and ``status``).
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
            params["action"] = localized(ACTION_NAMES, str(params["action"]), lang)
        if "status" in params:
            params["status"] = localized(STATUS_NAMES, str(params["status"]), lang)
        template = localized(MESSAGES, self.code, lang)
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
