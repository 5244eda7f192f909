"""The partners' spreadsheet template (issue 15): sheets, Italian headers, drop-down lists, and the import of a
filled template with every wrong cell named by sheet, row and column (nothing returned when any is wrong)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desk_app.core.directory_xlsx import SHEETS, SpreadsheetError, read_workbook, write_template
from desk_app.core.hsds import same_directory
from tests.directory_samples import anti_trafficking, italian_course


def _italian_only(service: Any) -> Any:
    """What a template carries of a service: its Italian texts (translations are the translators' work), and of
    its organisation one phone number (the ``Telefono`` column of ``Enti``)."""
    org = service.organisation
    phones = tuple(replace(c, label="") for c in org.contacts if c.kind == "phone")[:1]
    return replace(service, organisation=replace(org, contacts=phones), texts={"it": service.texts["it"]},
                   state="draft", updated_at=None, extra={})


def test_template_has_sheets_headers_lists_and_instructions(tmp_path: Path) -> None:
    path = write_template(tmp_path / "modello.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Istruzioni", "Elenchi", *SHEETS]
    assert book["Elenchi"].sheet_state == "hidden"
    assert "Enti, Sedi, Servizi" in str(book["Istruzioni"]["A3"].value)
    assert [c.value for c in book["Orari"][1]] == ["Servizio *", "Sede *", "Giorno", "Apre", "Chiude", "Nota"]
    lists = {str(dv.sqref): dv.formula1 for dv in book["Servizi"].data_validations.dataValidation}
    assert lists["I2:I501"] == "=Elenchi!$A$2:$A$13"  # categories
    assert lists["B2:B501"] == "=Enti!$B$2:$B$501"  # the organisation, by name
    elenchi = book["Elenchi"]
    assert [elenchi.cell(row=r, column=1).value for r in (2, 5)] == ["Salute", "Corsi di italiano"]
    assert "arabo (ar)" in [elenchi.cell(row=r, column=2).value for r in range(2, 80)]
    assert elenchi.cell(row=2, column=3).value == "lunedì"
    giorni = {str(dv.sqref): dv.formula1 for dv in book["Orari"].data_validations.dataValidation}
    assert giorni["C2:C501"] == "=Elenchi!$C$2:$C$8"


def test_a_filled_template_round_trips(tmp_path: Path) -> None:
    services = [italian_course(), anti_trafficking()]
    path = write_template(tmp_path / "ente.xlsx", services)
    result = read_workbook(path)
    assert result.counts == {"organisations": 2, "services": 2, "locations": 2}
    assert same_directory(result.services, [_italian_only(s) for s in services])


def _filled(tmp_path: Path) -> Path:
    """A template filled as a partner would, by hand, with Excel's own cell types (times, numbers)."""
    path = write_template(tmp_path / "vuoto.xlsx")
    book = load_workbook(path)
    book["Enti"].append([None, "Caritas Esempio", "Centro di ascolto.", None, None, 3710000444])
    book["Sedi"].append([None, "Caritas Esempio", "Centro di ascolto", "Via Prova 1", 26900, "Lodi", "lo"])
    book["Servizi"].append([None, "Caritas Esempio", "Pacchi alimentari", "Distribuzione di cibo.", None, None,
                            None, "sì", "Cibo e beni di prima necessità", None, None, None, "15/11/2026"])
    book["Orari"].append(["Pacchi alimentari", "Centro di ascolto", "Martedì", time(9, 30), 0.5, None])
    book["Lingue"].append(["Pacchi alimentari", "francese (fr)"])
    book["Documenti"].append(["Pacchi alimentari", "ISEE"])
    book["Contatti"].append(["Pacchi alimentari", "telefono", "0371 000 555", None])
    book.save(path)
    return path


def test_a_template_filled_by_hand_imports(tmp_path: Path) -> None:
    result = read_workbook(_filled(tmp_path))
    (service,) = result.services
    assert service.text("name").text == "Pacchi alimentari" and service.categories == ("food_basic_needs",)
    assert service.free is True and service.last_confirmed == date(2026, 11, 15)
    (place,) = service.locations
    assert place.address.postcode == "26900" and place.address.province == "LO"
    assert [(h.weekday, h.opens, h.closes) for h in place.hours] == [(2, time(9, 30), time(12))]
    assert service.languages == ("fr",) and service.document_texts()[0].text == "ISEE"
    assert result.organisations[0].contacts[0].value == "3710000444"
    again = read_workbook(_filled(tmp_path / "again"))  # the same file twice: the same ids
    assert again.services[0].uid == service.uid and again.services[0].locations[0].uid == place.uid


def _break(path: Path, sheet: str, row: int, column: int, value: Any) -> Path:
    book = load_workbook(path)
    book[sheet].cell(row=row, column=column).value = value  # cell(value=None) would leave the old value
    book.save(path)
    return path


@pytest.mark.parametrize(("sheet", "row", "column", "value", "says"), [
    ("Orari", 2, 4, "9h", "Foglio «Orari», riga 2, colonna «Apre»: L'orario «9h» non è valido"),
    ("Orari", 2, 3, "Lunedi mattina", "Foglio «Orari», riga 2, colonna «Giorno»: Valore «Lunedi mattina»"),
    ("Orari", 2, 5, "08:00", "colonna «Chiude»: L'orario di chiusura 08:00 non viene dopo"),
    ("Servizi", 2, 2, "Ente inesistente", "Foglio «Servizi», riga 2, colonna «Ente»: «Ente inesistente» non è "
                                          "scritto nel foglio «Enti»"),
    ("Servizi", 2, 3, None, "Foglio «Servizi», riga 2, colonna «Nome»: Il campo «Nome» è obbligatorio"),
    ("Servizi", 2, 9, "Astrologia", "colonna «Categoria 1»: Valore «Astrologia» non ammesso"),
    ("Servizi", 2, 13, "31/02/2026", "colonna «Confermato il»"),
    ("Servizi", 2, 1, "non-un-id", "colonna «ID»: L'identificativo «non-un-id» non è un UUID"),
    ("Sedi", 2, 9, "novanta", "Foglio «Sedi», riga 2, colonna «Latitudine»"),
    ("Documenti", 2, 2, "x" * 301, "colonna «Documento da portare»"),
    ("Contatti", 2, 2, "fax", "colonna «Tipo»: Valore «fax» non ammesso"),
    ("Enti", 3, 2, "Caritas Esempio", "Foglio «Enti», riga 3, colonna «Nome»: «Caritas Esempio» è scritto due "
                                      "volte"),
])
def test_wrong_cells_are_named_in_italian(tmp_path: Path, sheet: str, row: int, column: int, value: Any,
                                          says: str) -> None:
    path = _break(_filled(tmp_path), sheet, row, column, value)
    with pytest.raises(SpreadsheetError) as caught:
        read_workbook(path)
    error = caught.value
    assert error.code == "xlsx_problems"
    sentences = [p.message("it") for p in error.problems]
    assert any(says in s for s in sentences), sentences
    assert "nulla salvato" in error.message("it") and says.split(":")[0] in error.message("it")


def test_every_problem_is_listed(tmp_path: Path) -> None:
    path = _break(_break(_filled(tmp_path), "Orari", 2, 4, "mattina"), "Lingue", 2, 2, "klingon")
    with pytest.raises(SpreadsheetError) as caught:
        read_workbook(path)
    assert [p.params["sheet"] for p in caught.value.problems] == ["Orari", "Lingue"]


def test_a_renamed_header_or_sheet_or_another_file_is_refused(tmp_path: Path) -> None:
    path = _break(_filled(tmp_path), "Sedi", 1, 5, "Codice postale")
    with pytest.raises(SpreadsheetError) as caught:
        read_workbook(path)
    assert caught.value.problems[0].message("it") == ("Foglio «Sedi»: manca la colonna «CAP» (non rinominate le "
                                                      "intestazioni del modello).")
    book = load_workbook(path)
    del book["Lingue"]
    book.save(path)
    with pytest.raises(SpreadsheetError) as caught:
        read_workbook(path)
    assert "Manca il foglio «Lingue»" in caught.value.problems[-1].message("it")
    other = tmp_path / "lettera.xlsx"
    other.write_text("non un foglio", encoding="utf-8")
    with pytest.raises(SpreadsheetError) as caught:
        read_workbook(other)
    assert caught.value.code == "xlsx_not_workbook"
