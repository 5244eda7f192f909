"""``desk-admin directory export-hsds | import-hsds | template | import-xlsx | site`` on SQLite and PostgreSQL
(issue 15): entries imported through the directory service go to review, the published ones go out as HSDS and as
the static site, and a wrong spreadsheet stores nothing."""

from __future__ import annotations

import json
import re
from datetime import time
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, Cli
from openpyxl import load_workbook

from desk_app.core.directory_exchange import store_entries
from desk_app.core.hsds import export_hsds, read_hsds, write_hsds
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.errors import PermissionDeniedError, ValidationError
from tests.directory_samples import anti_trafficking, italian_course, sample_services


@pytest.fixture
def admin(home: Path, db_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    cli = Cli(home, db_url, capsys)
    assert cli.system("demo", "--tickets", "1", "--waiting", "0")[0] == 0
    return cli.as_user("admin", DEMO_PASSWORD)


def _core(home: Path, db_url: str) -> CoreServices:
    return CoreServices.build(Settings.load(home=home, overrides={"db_url": db_url}, environ={}))


def test_hsds_in_review_then_out_with_the_site(admin: Cli, home: Path, db_url: str, tmp_path: Path) -> None:
    incoming = tmp_path / "altro-sistema.json"
    write_hsds(incoming, sample_services())
    code, out, err = admin("directory", "import-hsds", str(incoming))
    assert code == 0, err
    assert "2 services imported" in out or "2 servizi" in out
    core = _core(home, db_url)
    try:
        actor = core.staff.login("admin", DEMO_PASSWORD)
        states = {s.uid: s.state for s in core.directory.services(actor)}
        assert states[italian_course().uid] == "submitted" and states[anti_trafficking().uid] == "submitted"
        mine = {italian_course().uid, anti_trafficking().uid}
        assert not mine & {s.uid for s in core.directory.published()}  # nothing public before the office's review
        core.directory.publish(actor, italian_course().uid)
        stored = core.directory.service(actor, italian_course().uid, "ur")
        assert stored.text("name", "ur").text == "بالغوں کے لیے اطالوی زبان کے کورس"  # the translation came along
    finally:
        core.close()
    outgoing = tmp_path / "export.json"
    code, out, err = admin.anonymous("directory", "export-hsds", str(outgoing))  # public data: no actor needed
    assert code == 0, err
    exported = read_hsds(outgoing)
    exported_uids = [s.uid for s in exported.services]
    assert italian_course().uid in exported_uids and anti_trafficking().uid not in exported_uids
    course = next(s for s in exported.services if s.uid == italian_course().uid)
    assert course.locations[0].hours[2].note == "solo su appuntamento"
    site = tmp_path / "sito"
    code, out, err = admin.anonymous("directory", "site", str(site), "--base-url", "https://servizi.example.it",
                                     json_output=True)
    assert code == 0, err
    example = json.loads(out)["example"]  # the first published entry's address, as the QR codes hold them
    assert re.fullmatch(r"https://servizi\.example\.it/it/[0-9a-f-]{36}\.html", example), example
    assert (site / example.removeprefix("https://servizi.example.it/")).is_file()
    page = (site / "ur" / f"{italian_course().uid}.html").read_text("utf-8")
    assert '<html lang="ur" dir="rtl">' in page and "بالغوں کے لیے" in page
    assert not (site / "it" / f"{anti_trafficking().uid}.html").exists()  # not published


def test_a_bad_hsds_file_stores_nothing(admin: Cli, tmp_path: Path) -> None:
    path = tmp_path / "rotto.json"
    page = export_hsds(sample_services())
    page["contents"][1]["services"][0]["status"] = "aperto"
    path.write_text(json.dumps(page), encoding="utf-8")
    code, _out, err = admin("directory", "import-hsds", str(path))
    assert code == 2 and "contents[1].services[0].status" in err and "«aperto»" in err
    code, _out, err = admin("directory", "export-hsds", str(tmp_path / "vuoto.json"))
    assert code == 0
    assert anti_trafficking().uid not in {s.uid for s in read_hsds(tmp_path / "vuoto.json").services}


def test_a_value_the_directory_refuses_stops_the_whole_import(admin: Cli, home: Path, db_url: str) -> None:
    from dataclasses import replace

    good = italian_course()
    bad = replace(anti_trafficking(), categories=())  # the directory needs a category
    core = _core(home, db_url)
    try:
        actor = core.staff.login("admin", DEMO_PASSWORD)
        with pytest.raises(ValidationError) as caught:
            store_entries(core.directory, actor, [], [good, bad])
        assert caught.value.code == "import_entry" and "Sportello antitratta" in caught.value.message("it")
        assert good.uid not in {s.uid for s in core.directory.services(actor)}  # the good one was not written either
        clerk = core.staff.login("operatore1", DEMO_PASSWORD)
        with pytest.raises(PermissionDeniedError):
            store_entries(core.directory, clerk, [], [good])
    finally:
        core.close()


def test_spreadsheet_template_filled_and_imported(admin: Cli, home: Path, db_url: str, tmp_path: Path) -> None:
    template = tmp_path / "modello.xlsx"
    code, _out, err = admin("directory", "template", str(template))
    assert code == 0, err
    book = load_workbook(template)
    book["Enti"].append([None, "Caritas Esempio", "Centro di ascolto.", None, None, "0371 000 444"])
    book["Sedi"].append([None, "Caritas Esempio", "Centro di ascolto", "Via Prova 1", "26900", "Lodi", "LO"])
    book["Servizi"].append([None, "Caritas Esempio", "Pacchi alimentari", "Distribuzione di cibo.", None, None,
                            None, "sì", "Cibo e beni di prima necessità"])
    book["Orari"].append(["Pacchi alimentari", "Centro di ascolto", "martedì", time(9, 30), "mezzogiorno"])
    book.save(template)
    code, _out, err = admin("directory", "import-xlsx", str(template))
    assert code == 2
    assert "Foglio «Orari», riga 2, colonna «Chiude»: L'orario «mezzogiorno» non è valido" in err
    assert "nulla salvato" in err
    book["Orari"]["E2"] = "12:00"
    book.save(template)
    code, _out, err = admin("directory", "import-xlsx", str(template))
    assert code == 0, err
    core = _core(home, db_url)
    try:
        actor = core.staff.login("admin", DEMO_PASSWORD)
        (service,) = [s for s in core.directory.services(actor) if s.text("name").text == "Pacchi alimentari"]
        assert service.text("name").text == "Pacchi alimentari" and service.state == "submitted"
        assert [(h.weekday, h.opens, h.closes) for h in service.locations[0].hours] == [(2, time(9, 30), time(12))]
    finally:
        core.close()
    filled = tmp_path / "compilato.xlsx"
    code, _out, err = admin("directory", "template", str(filled), "--filled")
    assert code == 0, err
    assert "Pacchi alimentari" in [row[2] for row in load_workbook(filled)["Servizi"].iter_rows(values_only=True)]
