"""The partners' spreadsheet (issue 15): an XLSX template an organisation fills offline, and its import as values.

:func:`write_template` writes one sheet per table with Italian headers (``Enti``, ``Servizi``, ``Sedi``,
``Orari``, ``Documenti``, ``Lingue``, ``Contatti``), drop-down lists (data validation) for categories, languages,
weekdays, yes/no, contact kinds and service status, an ``Istruzioni`` sheet first, and optionally the entries the
organisation already has (with their ids, so a re-import updates them instead of adding copies).

:func:`read_workbook` reads a filled template into :class:`~desk_app.core.directory_types.DirectoryService`
values. Every cell is checked; every problem is named by sheet, row and column in Italian (or English), e.g.
«Foglio «Orari», riga 4, colonna «Apre»: L'orario «9h» non è valido (formato HH:MM).». When any row is wrong,
:class:`SpreadsheetError` lists them all and nothing is returned, so nothing is stored. Storing is the directory
service's work (``ServiceDirectory.put_service``), which checks each value again with its own rules.

Rows refer to each other by name: a service names its organisation (``Ente``), an hour row its service and place
(``Servizio``, ``Sede``). Names must be unique within their sheet. A new row without an id gets a stable one
(``uuid5`` of the organisation's and the row's names), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from desk_app.core.directory_types import (
    CATEGORIES,
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)
from desk_app.core.validation import clean_text, write_atomically
from desk_app.errors import DeskError, ValidationError

ID_NAMESPACE = uuid.UUID("0e3b7f0a-51c4-4b9e-a5f2-7a57a1d2c0de")
WEEKDAYS_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")
YES_NO = {"sì": True, "no": False, "non indicato": None}
CONTACT_KINDS_IT = {"telefono": "phone", "e-mail": "email", "sito web": "website"}
STATUS_IT = {"attivo": "active", "temporaneamente chiuso": "temporarily closed", "non attivo": "inactive",
             "cessato": "defunct"}
#: Category names used when the office has none of its own (the office's names come from the directory service).
CATEGORY_NAMES_IT: dict[str, str] = {
    "health": "Salute", "work": "Lavoro", "housing": "Casa", "italian_courses": "Corsi di italiano",
    "legal_aid": "Assistenza legale", "anti_trafficking": "Antitratta e sfruttamento lavorativo",
    "children_schools": "Bambini e scuola", "social_services": "Servizi sociali", "registry": "Anagrafe",
    "food_basic_needs": "Cibo e beni di prima necessità", "violence_women": "Antiviolenza",
    "disability": "Disabilità",
}
#: Lengths (characters), as the directory service allows them.
MAX_NAME = 160
MAX_FIELD = 1000
MAX_DESCRIPTION = 2000
MAX_DOCUMENT = 300
MAX_NOTE = 120
ROWS = 500  # rows each drop-down list covers


@dataclass(frozen=True)
class Column:
    """One column of a sheet: its Italian header, whether it must be filled, its width and drop-down list."""

    header: str
    required: bool = False
    width: int = 18
    choices: str = ""  # a named list of the Elenchi sheet, or "ref:<sheet>" for the names of another sheet


SHEETS: dict[str, tuple[Column, ...]] = {
    "Enti": (Column("ID", width=38), Column("Nome", True, 34), Column("Descrizione", width=50),
             Column("Sito web", width=30), Column("E-mail", width=28), Column("Telefono", width=16)),
    "Servizi": (Column("ID", width=38), Column("Ente", True, 28, "ref:Enti"), Column("Nome", True, 34),
                Column("Descrizione", width=50), Column("Chi può rivolgersi", width=40),
                Column("Come accedere", width=40), Column("Costo", width=30),
                Column("Gratuito", width=12, choices="gratuito"), Column("Categoria 1", True, 26, "categorie"),
                Column("Categoria 2", width=26, choices="categorie"),
                Column("Categoria 3", width=26, choices="categorie"),
                Column("Stato", width=22, choices="stati"),
                Column("Confermato il", width=14)),
    "Sedi": (Column("ID", width=38), Column("Ente", True, 28, "ref:Enti"), Column("Nome della sede", True, 28),
             Column("Indirizzo", True, 30), Column("CAP", True, 8), Column("Comune", True, 18),
             Column("Provincia", width=10), Column("Accessibilità", width=30), Column("Latitudine", width=12),
             Column("Longitudine", width=12)),
    "Orari": (Column("Servizio", True, 34, "ref:Servizi"), Column("Sede", True, 28, "ref:Sedi"),
              Column("Giorno", width=14, choices="giorni"), Column("Apre", width=8), Column("Chiude", width=8),
              Column("Nota", width=30)),
    "Documenti": (Column("Servizio", True, 34, "ref:Servizi"), Column("Documento da portare", True, 50)),
    "Lingue": (Column("Servizio", True, 34, "ref:Servizi"), Column("Lingua parlata", True, 26, "lingue")),
    "Contatti": (Column("Servizio", True, 34, "ref:Servizi"), Column("Tipo", True, 12, "contatti"),
                 Column("Valore", True, 34), Column("Etichetta", width=26)),
}
#: The column of another sheet whose names a "ref:" column offers.
NAME_COLUMN = {"Enti": "Nome", "Servizi": "Nome", "Sedi": "Nome della sede"}

INSTRUCTIONS = (
    "Modello per descrivere i servizi del vostro ente nella guida ai servizi del territorio",
    "",
    "1. Compilate i fogli in questo ordine: Enti, Sedi, Servizi, poi Orari, Documenti, Lingue e Contatti.",
    "2. Le colonne con * sono obbligatorie. Scrivete in italiano: i traduttori del progetto tradurranno i testi.",
    "3. Lasciate vuota la colonna ID per un ente, una sede o un servizio nuovo; non cambiate gli ID già scritti.",
    "4. Nei fogli Servizi e Sedi, «Ente» è il nome scritto nel foglio Enti; in Orari, Documenti, Lingue e "
    "Contatti, «Servizio» è il nome scritto nel foglio Servizi e «Sede» quello del foglio Sedi.",
    "5. Orari: una riga per giorno e fascia (per esempio lunedì 09:00-12:30 e lunedì 14:00-17:00). Per un "
    "servizio offerto in una sede senza orari fissi, scrivete servizio e sede e lasciate vuoti giorno e ore.",
    "6. Ore nel formato HH:MM (09:00). Date nel formato GG/MM/AAAA o AAAA-MM-GG.",
    "7. Usate gli elenchi a tendina per categorie, lingue, giorni, tipo di contatto e stato.",
    "8. Non rinominate i fogli né le intestazioni. Se una riga ha un errore, il file intero non viene "
    "importato e il messaggio dice foglio, riga e colonna da correggere.",
    "9. Non scrivete dati personali degli utenti: solo informazioni sul servizio.",
)


class SpreadsheetError(ValidationError):
    """A filled template with problems: ``problems`` holds one sentence-error per wrong cell, in sheet order."""

    def __init__(self, code: str, problems: Sequence[DeskError] = (), **params: Any) -> None:
        self.problems = list(problems)
        super().__init__(code, **params)


@dataclass(frozen=True)
class WorkbookImport:
    """A filled template as values: organisations (with or without services) and services (``state`` draft)."""

    organisations: tuple[DirectoryOrganisation, ...]
    services: tuple[DirectoryService, ...]
    counts: Mapping[str, int] = field(default_factory=dict)


def _language_choices() -> list[tuple[str, str]]:
    """``(label, code)`` of every language a service may say it speaks: «arabo (ar)», Italian names from CLDR."""
    from babel import Locale

    from desk_app.core.queue import LANGUAGES

    try:
        from desk_app.core.directory import SPOKEN_LANGUAGES
        codes: Sequence[str] = SPOKEN_LANGUAGES
    except ImportError:  # pragma: no cover - the directory service is not there: the 13 languages of the sheets
        codes = LANGUAGES
    names = Locale.parse("it").languages
    return [(f"{names.get(code, code)} ({code})", code) for code in codes]


# -- the template ---------------------------------------------------------------------------------------------------
def write_template(path: str | Path, services: Iterable[DirectoryService] = (),
                   organisations: Iterable[DirectoryOrganisation] = (),
                   category_names: Mapping[str, str] | None = None) -> Path:
    """Write the template (with ``services`` and ``organisations`` already filled in, if given)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    names = {**CATEGORY_NAMES_IT, **(category_names or {})}
    lists: dict[str, list[str]] = {
        "categorie": [names[c] for c in CATEGORIES], "lingue": [label for label, _c in _language_choices()],
        "giorni": list(WEEKDAYS_IT), "gratuito": list(YES_NO), "contatti": list(CONTACT_KINDS_IT),
        "stati": list(STATUS_IT)}
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = "Istruzioni"
    for n, line in enumerate(INSTRUCTIONS, start=1):
        cell = guide.cell(row=n, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if n == 1:
            cell.font = Font(bold=True, size=14)
    guide.column_dimensions["A"].width = 110
    elenchi = book.create_sheet("Elenchi")
    list_ranges: dict[str, str] = {}
    for col, (key, values) in enumerate(lists.items(), start=1):
        letter = elenchi.cell(row=1, column=col).column_letter
        elenchi.cell(row=1, column=col, value=key).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            elenchi.cell(row=row, column=col, value=value)
        list_ranges[key] = f"Elenchi!${letter}$2:${letter}${len(values) + 1}"
        elenchi.column_dimensions[letter].width = 30
    elenchi.sheet_state = "hidden"
    header_fill = PatternFill("solid", fgColor="DDE7F0")
    sheets = {}
    for title, columns in SHEETS.items():
        sheet = book.create_sheet(title)
        sheets[title] = sheet
        for col, column in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=col, value=column.header + (" *" if column.required else ""))
            cell.font = Font(bold=True)
            cell.fill = header_fill
            sheet.column_dimensions[cell.column_letter].width = column.width
        sheet.freeze_panes = "A2"
    for title, columns in SHEETS.items():
        sheet = sheets[title]
        for col, column in enumerate(columns, start=1):
            if not column.choices:
                continue
            letter = sheet.cell(row=1, column=col).column_letter
            if column.choices.startswith("ref:"):
                other = column.choices.removeprefix("ref:")
                ref_col = [c.header for c in SHEETS[other]].index(NAME_COLUMN[other]) + 1
                ref_letter = sheets[other].cell(row=1, column=ref_col).column_letter
                formula = f"{other}!${ref_letter}$2:${ref_letter}${ROWS + 1}"
            else:
                formula = list_ranges[column.choices]
            rule = DataValidation(type="list", formula1=f"={formula}", allow_blank=not column.required,
                                  showErrorMessage=True, errorTitle="Valore non ammesso",
                                  error="Scegliete un valore dell'elenco.")
            rule.add(f"{letter}2:{letter}{ROWS + 1}")
            sheet.add_data_validation(rule)
    _fill(sheets, list(services), list(organisations), names)
    target = Path(path)
    write_atomically(target, lambda tmp: book.save(str(tmp)))
    return target


def _fill(sheets: Mapping[str, Any], services: list[DirectoryService], organisations: list[DirectoryOrganisation],
          names: Mapping[str, str]) -> None:
    orgs = {o.uid: o for o in organisations}
    for service in services:
        orgs.setdefault(service.organisation.uid, service.organisation)
    for org in orgs.values():
        phone = next((c.value for c in org.contacts if c.kind == "phone"), "")
        sheets["Enti"].append([org.uid, org.name, org.description, org.website, org.email, phone])
    places: dict[str, tuple[str, DirectoryLocation]] = {}
    languages = dict((code, label) for label, code in _language_choices())
    status = {v: k for k, v in STATUS_IT.items()}
    free = {v: k for k, v in YES_NO.items()}
    for service in services:
        italian = service.texts.get("it", {})

        def it(name: str, texts: Mapping[str, Localised] = italian) -> str:
            found = texts.get(name)
            return found.text if found else ""
        cats = [names[c] for c in service.categories][:3]
        sheets["Servizi"].append([
            service.uid, service.organisation.name, it("name"), it("description"), it("eligibility"),
            it("application"), it("cost"), free[service.free], *(cats + [""] * (3 - len(cats))),
            status.get(service.status, "attivo"),
            service.last_confirmed.strftime("%d/%m/%Y") if service.last_confirmed else ""])
        for location in service.locations:
            places.setdefault(location.uid, (service.organisation.name, location))
            if not location.hours:
                sheets["Orari"].append([it("name"), location.name, "", "", "", ""])
            for h in location.hours:
                sheets["Orari"].append([it("name"), location.name, WEEKDAYS_IT[h.weekday - 1], f"{h.opens:%H:%M}",
                                        f"{h.closes:%H:%M}", h.note])
        for text in service.document_texts("it"):
            sheets["Documenti"].append([it("name"), text.text])
        for code in service.languages:
            sheets["Lingue"].append([it("name"), languages.get(code, code)])
        kinds = {v: k for k, v in CONTACT_KINDS_IT.items()}
        for contact in service.contacts:
            sheets["Contatti"].append([it("name"), kinds[contact.kind], contact.value, contact.label])
    for org_name, loc in places.values():
        sheets["Sedi"].append([loc.uid, org_name, loc.name, loc.address.street, loc.address.postcode,
                               loc.address.city, loc.address.province, loc.accessibility, loc.latitude,
                               loc.longitude])


# -- the import -----------------------------------------------------------------------------------------------------
class _Rows:
    """The rows of one sheet as ``{header: value}``, with their row numbers; problems are collected, not raised."""

    def __init__(self, sheet: Any, title: str, problems: list[DeskError]) -> None:
        self.title = title
        self.problems = problems
        self.columns = SHEETS[title]
        found = [str(c.value or "").removesuffix("*").strip() for c in next(sheet.iter_rows(max_row=1))] \
            if sheet.max_row >= 1 else []
        self.positions: dict[str, int] = {}
        for column in self.columns:
            if column.header not in found:
                problems.append(ValidationError("xlsx_missing_column", sheet=title, column=column.header))
            else:
                self.positions[column.header] = found.index(column.header)
        self.rows: list[tuple[int, dict[str, Any]]] = []
        if len(self.positions) < len(self.columns):
            return
        for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            row = {h: values[i] if i < len(values) else None for h, i in self.positions.items()}
            if all(v is None or str(v).strip() == "" for v in row.values()):
                continue
            self.rows.append((number, row))

    def refuse(self, row: int, column: str, reason: DeskError) -> None:
        self.problems.append(ValidationError("xlsx_cell", sheet=self.title, row=row, column=column, reason=reason))

    def text(self, row: int, values: Mapping[str, Any], column: str, max_len: int, *,
             multiline: bool = False) -> str:
        spec = next(c for c in self.columns if c.header == column)
        value = values.get(column)
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a CAP or a phone number Excel turned into a number
        try:
            return clean_text("" if value is None else str(value), column, max_len, required=spec.required,
                              multiline=multiline)
        except ValidationError as exc:
            self.refuse(row, column, exc)
            return ""


def read_workbook(path: str | Path, category_names: Mapping[str, str] | None = None) -> WorkbookImport:
    """A filled template as values; every wrong cell named in one :class:`SpreadsheetError` (nothing returned).

    Raises:
        SpreadsheetError: ``xlsx_not_workbook`` (not an XLSX file), ``xlsx_problems`` (the problems, each a
            ``xlsx_cell`` / ``xlsx_missing_sheet`` / ``xlsx_missing_column`` error, in ``problems``).
    """
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    shown = str(path)
    try:
        book = load_workbook(str(path), read_only=True, data_only=True)
    except (OSError, BadZipFile, InvalidFileException, KeyError, ValueError) as exc:
        raise SpreadsheetError("xlsx_not_workbook", path=shown) from exc
    problems: list[DeskError] = []
    try:
        tables: dict[str, _Rows] = {}
        for title in SHEETS:
            if title not in book.sheetnames:
                problems.append(ValidationError("xlsx_missing_sheet", sheet=title))
                continue
            tables[title] = _Rows(book[title], title, problems)
    finally:
        book.close()
    if problems:
        raise _problems(shown, problems)
    result = _values(tables, {**CATEGORY_NAMES_IT, **(category_names or {})}, problems)
    if problems:
        raise _problems(shown, problems)
    return result


def _problems(path: str, problems: list[DeskError]) -> SpreadsheetError:
    return SpreadsheetError("xlsx_problems", problems, path=path, count=len(problems), first=problems[0])


def _uid(table: _Rows, row: int, values: Mapping[str, Any], *names: str) -> str:
    raw = str(values.get("ID") or "").strip()
    if not raw:
        return str(uuid.uuid5(ID_NAMESPACE, "/".join(names)))
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        table.refuse(row, "ID", ValidationError("hsds_bad_uuid", value=raw[:40]))
        return str(uuid.uuid5(ID_NAMESPACE, raw))


def _unique(table: _Rows, row: int, column: str, name: str, seen: dict[str, int]) -> None:
    key = name.casefold()
    if name and key in seen:
        table.refuse(row, column, ValidationError("xlsx_duplicate_name", value=name, first=seen[key]))
    seen.setdefault(key, row)


def _reference(table: _Rows, row: int, column: str, name: str, known: Mapping[str, Any], other: str) -> Any:
    if not name:
        return None
    found = known.get(name.casefold())
    if found is None:
        table.refuse(row, column, ValidationError("xlsx_unknown_name", value=name, sheet=other))
    return found


def _choice(table: _Rows, row: int, column: str, value: str, allowed: Mapping[str, Any]) -> Any:
    folded = {k.casefold(): v for k, v in allowed.items()}
    if value.casefold() not in folded:
        table.refuse(row, column, ValidationError("bad_choice", field=column, value=value[:40],
                                                  allowed=", ".join(allowed)))
        return None
    return folded[value.casefold()]


def _time(table: _Rows, row: int, column: str, value: Any) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel's fraction of a day
        total = round(value * 24 * 60)
        return time(total // 60, total % 60)
    text = str(value or "").strip().replace(".", ":")
    try:
        hours, _, minutes = text.partition(":")
        return time(int(hours), int(minutes or 0))
    except ValueError:
        table.refuse(row, column, ValidationError("bad_time", value=text[:20]))
        return None


def _date(table: _Rows, row: int, column: str, value: Any) -> Any:
    from desk_app.core.validation import parse_date

    if value is None or str(value).strip() == "":
        return None
    if isinstance(value, datetime):
        value = value.date().isoformat()
    text = str(value).strip()
    if "/" in text:
        day, _, rest = text.partition("/")
        month, _, year = rest.partition("/")
        text = f"{year}-{month.zfill(2)}-{day.zfill(2)}"
    try:
        return parse_date(text)
    except ValidationError as exc:
        table.refuse(row, column, exc)
        return None


def _number(table: _Rows, row: int, column: str, value: Any, bound: float) -> float | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        number = float("nan")
    if not -bound <= number <= bound:
        table.refuse(row, column, ValidationError("bad_number", field=column, value=str(value)[:20]))
        return None
    return number


def _values(tables: Mapping[str, _Rows], category_names: Mapping[str, str],
            problems: list[DeskError]) -> WorkbookImport:
    enti, sedi, servizi = tables["Enti"], tables["Sedi"], tables["Servizi"]
    orgs: dict[str, DirectoryOrganisation] = {}
    seen: dict[str, int] = {}
    for row, v in enti.rows:
        name = enti.text(row, v, "Nome", MAX_NAME)
        _unique(enti, row, "Nome", name, seen)
        phone = enti.text(row, v, "Telefono", 40)
        orgs[name.casefold()] = DirectoryOrganisation(
            uid=_uid(enti, row, v, name), name=name,
            description=enti.text(row, v, "Descrizione", MAX_DESCRIPTION, multiline=True),
            website=enti.text(row, v, "Sito web", MAX_NAME), email=enti.text(row, v, "E-mail", MAX_NAME),
            contacts=(Contact("phone", phone),) if phone else ())
    places: dict[str, tuple[DirectoryOrganisation | None, DirectoryLocation]] = {}
    seen = {}
    for row, v in sedi.rows:
        org = _reference(sedi, row, "Ente", sedi.text(row, v, "Ente", MAX_NAME), orgs, "Enti")
        name = sedi.text(row, v, "Nome della sede", MAX_NAME)
        _unique(sedi, row, "Nome della sede", name, seen)
        latitude = _number(sedi, row, "Latitudine", v.get("Latitudine"), 90)
        longitude = _number(sedi, row, "Longitudine", v.get("Longitudine"), 180)
        places[name.casefold()] = (org, DirectoryLocation(
            uid=_uid(sedi, row, v, org.name if org else "", name), name=name,
            address=Address(sedi.text(row, v, "Indirizzo", MAX_NAME), sedi.text(row, v, "CAP", 5),
                            sedi.text(row, v, "Comune", 80), sedi.text(row, v, "Provincia", 2).upper() or "LO"),
            latitude=latitude, longitude=longitude,
            accessibility=sedi.text(row, v, "Accessibilità", 300)))
    categories = {name: code for code, name in category_names.items()}
    seen = {}
    drafts: dict[str, dict[str, Any]] = {}
    for row, v in servizi.rows:
        org = _reference(servizi, row, "Ente", servizi.text(row, v, "Ente", MAX_NAME), orgs, "Enti")
        name = servizi.text(row, v, "Nome", MAX_NAME)
        _unique(servizi, row, "Nome", name, seen)
        italian = {"name": name,
                   "description": servizi.text(row, v, "Descrizione", MAX_DESCRIPTION, multiline=True),
                   "eligibility": servizi.text(row, v, "Chi può rivolgersi", MAX_FIELD, multiline=True),
                   "application": servizi.text(row, v, "Come accedere", MAX_FIELD, multiline=True),
                   "cost": servizi.text(row, v, "Costo", MAX_FIELD, multiline=True)}
        cats = []
        for column in ("Categoria 1", "Categoria 2", "Categoria 3"):
            text = servizi.text(row, v, column, 80)
            if text:
                code = _choice(servizi, row, column, text, categories)
                if code and code not in cats:
                    cats.append(code)
        free_text = servizi.text(row, v, "Gratuito", 20)
        status_text = servizi.text(row, v, "Stato", 40)
        drafts[name.casefold()] = {
            "uid": _uid(servizi, row, v, org.name if org else "", name), "org": org, "italian": italian,
            "categories": tuple(cats), "free": _choice(servizi, row, "Gratuito", free_text, YES_NO)
            if free_text else None,
            "status": _choice(servizi, row, "Stato", status_text, STATUS_IT) if status_text else "active",
            "confirmed": _date(servizi, row, "Confermato il", v.get("Confermato il")),
            "documents": [], "languages": [], "contacts": [], "hours": {}}
    orari = tables["Orari"]
    for row, v in orari.rows:
        service = _reference(orari, row, "Servizio", orari.text(row, v, "Servizio", MAX_NAME), drafts, "Servizi")
        place = _reference(orari, row, "Sede", orari.text(row, v, "Sede", MAX_NAME), places, "Sedi")
        day_text = orari.text(row, v, "Giorno", 20)
        hours = service["hours"].setdefault(place[1].uid, []) if service and place else []
        if not day_text and v.get("Apre") in (None, "") and v.get("Chiude") in (None, ""):
            continue  # the service is given there, without fixed hours
        day = None
        if day_text:
            day = _choice(orari, row, "Giorno", day_text, {d: n for n, d in enumerate(WEEKDAYS_IT, start=1)})
        else:
            orari.refuse(row, "Giorno", ValidationError("required", field="Giorno"))
        opens = _time(orari, row, "Apre", v.get("Apre"))
        closes = _time(orari, row, "Chiude", v.get("Chiude"))
        if opens and closes and closes <= opens:
            orari.refuse(row, "Chiude", ValidationError("hsds_bad_hours", opens=f"{opens:%H:%M}",
                                                         closes=f"{closes:%H:%M}"))
        elif day and opens and closes:
            hours.append(OpeningHours(day, opens, closes, orari.text(row, v, "Nota", MAX_NOTE)))
    documenti = tables["Documenti"]
    for row, v in documenti.rows:
        service = _reference(documenti, row, "Servizio", documenti.text(row, v, "Servizio", MAX_NAME), drafts,
                             "Servizi")
        text = documenti.text(row, v, "Documento da portare", MAX_DOCUMENT)
        if service and text:
            service["documents"].append(text)
    lingue = tables["Lingue"]
    languages = {label: code for label, code in _language_choices()}
    languages.update({code: code for code in list(languages.values())})
    for row, v in lingue.rows:
        service = _reference(lingue, row, "Servizio", lingue.text(row, v, "Servizio", MAX_NAME), drafts, "Servizi")
        text = lingue.text(row, v, "Lingua parlata", 60)
        code = _choice(lingue, row, "Lingua parlata", text, languages) if text else None
        if service and code and code not in service["languages"]:
            service["languages"].append(code)
    contatti = tables["Contatti"]
    for row, v in contatti.rows:
        service = _reference(contatti, row, "Servizio", contatti.text(row, v, "Servizio", MAX_NAME), drafts,
                             "Servizi")
        kind_text = contatti.text(row, v, "Tipo", 20)
        kind = _choice(contatti, row, "Tipo", kind_text, CONTACT_KINDS_IT) if kind_text else None
        value = contatti.text(row, v, "Valore", MAX_NAME)
        if service and kind and value:
            service["contacts"].append(Contact(kind, value, contatti.text(row, v, "Etichetta", MAX_NOTE)))
    by_uid = {loc.uid: loc for _org, loc in places.values()}
    services = []
    for draft in drafts.values():
        if draft["org"] is None:
            continue
        texts = {k: Localised(t, "it", "reviewed", t) for k, t in draft["italian"].items() if t}
        for n, text in enumerate(draft["documents"], start=1):
            texts[f"documents.{n}"] = Localised(text, "it", "reviewed", text)
        locations = tuple(DirectoryLocation(by_uid[uid].uid, by_uid[uid].name, by_uid[uid].address,
                                            tuple(sorted(hours, key=lambda h: (h.weekday, h.opens))),
                                            by_uid[uid].latitude, by_uid[uid].longitude, by_uid[uid].accessibility)
                          for uid, hours in draft["hours"].items())
        services.append(DirectoryService(
            uid=draft["uid"], organisation=draft["org"], texts={"it": texts}, documents=len(draft["documents"]),
            categories=draft["categories"], languages=tuple(draft["languages"]), locations=locations,
            contacts=tuple(draft["contacts"]), free=draft["free"], status=draft["status"] or "active",
            state="draft", last_confirmed=draft["confirmed"]))
    counts = {"organisations": len(orgs), "services": len(services), "locations": len(places)}
    return WorkbookImport(tuple(orgs.values()), tuple(services), counts)


__all__ = ["SHEETS", "SpreadsheetError", "WorkbookImport", "read_workbook", "write_template"]
