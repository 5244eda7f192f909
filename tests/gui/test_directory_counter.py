"""The services directory at the counter (issue 15): Ctrl+K, a few keystrokes, the referral sheet in the person's
language printed and the referral counted, linked to the desk's ticket, without a name."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desk_app.clock import local_day
from desk_app.core.auth import Actor
from desk_app.core.sheets import plain_text

from .conftest import WAIT_MS, press, settle

SITE = "https://servizi.example.org/lodi"


@pytest.fixture
def directory(services: Any, system_actor: Actor, office: Any) -> Any:
    """The office with the shipped catalogue (the sheet's labels), the Lodi demo directory and a public site."""
    services.content.load(system_actor)
    services.directory.load_file(system_actor)
    services.office_settings.change(system_actor, {"directory_site_url": SITE})
    return services.directory


def _open_search(qtbot: QtBot, desk: Any) -> Any:
    press(qtbot, desk, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = desk.window.directory.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    settle(qtbot, desk)
    return dialog


def test_a_clerk_finds_a_service_in_a_few_keys_and_prints_the_sheet_in_the_persons_language(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: dict[str, Actor], services: Any, directory: Any,
        tmp_path: Any) -> None:
    services.queue.issue_ticket(staff["clerk"], "RF", language="ar")
    desk = open_desk("D1")
    log_in(desk, "clerk")
    press(qtbot, desk, Qt.Key.Key_F5)  # the Arabic-speaking person is at the desk
    ticket = desk.workspace.current
    assert ticket is not None and ticket.language == "ar"
    dialog = _open_search(qtbot, desk)
    assert dialog.wordsEdit.hasFocus()
    assert dialog.languageCombo.currentData() == "ar"  # the sheet speaks the person's language
    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT_MS, check_params_cb=lambda s: s.lang == "ar"):
        qtbot.keyClicks(dialog.wordsEdit, "italiano")
        settle(qtbot, desk)
    # Coalesced: the search asked at opening runs, the eight keystrokes wait as one question (the newest).
    assert dialog.searches <= 3
    expected = directory.search(staff["clerk"], "italiano")
    assert expected and [s.uid for s in dialog.model.services] == [s.uid for s in expected]
    # Down from the need field moves in the results; the preview follows in Arabic.
    if len(expected) > 1:
        with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT_MS):
            qtbot.keyClick(dialog.wordsEdit, Qt.Key.Key_Down)
        settle(qtbot, desk)
    chosen = dialog.selected()
    assert chosen is not None and dialog.sheet is not None and dialog.sheet.meta["service"] == chosen.uid
    assert dialog.sheet.lang == "ar" and dialog.sheet.rtl
    assert "CPIA" in dialog.preview.toPlainText() or chosen.organisation.name in dialog.preview.toPlainText()
    # Enter prints the chosen entry's sheet; the core records the referral, linked to the desk's ticket.
    with qtbot.waitSignal(dialog.referred, timeout=WAIT_MS):
        qtbot.keyClick(dialog.wordsEdit, Qt.Key.Key_Return)
    settle(qtbot, desk)
    how, path, sheet = desk.sheets.written[-1]
    assert how == "print" and sheet.kind == "referral" and sheet.lang == "ar"
    assert path.name.endswith(f"invio-servizio-{chosen.uid[:8]}-ar.pdf")
    text = plain_text(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                     text=True).stdout)
    url = f"{SITE}/ar/{chosen.uid}.html"
    assert url in text
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-png", str(path), str(tmp_path / "page")], check=True)
    decoded = [r.text for page in sorted(tmp_path.glob("page-*.png"))
               for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(page.read_bytes())))]
    assert decoded == [url]
    from desk_app.db.models_directory import DirectoryReferral

    with services.db.engine.connect() as conn:
        rows = conn.execute(select(DirectoryReferral.service_uid, DirectoryReferral.language,
                                   DirectoryReferral.ticket_id, DirectoryReferral.category)).all()
    assert rows == [(chosen.uid, "ar", ticket.id, chosen.categories[0])]
    today = local_day(services.clock.now(), "Europe/Rome")  # the office's day, as the referral row has it
    counts = directory.referral_counts(staff["supervisor"], today.isoformat(), today.isoformat())
    assert counts.total == 1  # counted for the monitoring, with no name anywhere in the row
    from desk_app.db.models_reports import PrintRecord

    with services.db.engine.connect() as conn:
        printed = conn.execute(select(PrintRecord.kind, PrintRecord.language)).all()
    assert [tuple(row) for row in printed] == [("referral", "ar")]  # and the sheet among the sheets printed


def test_filters_narrow_the_results_and_a_category_is_the_referrals_need(
        qtbot: QtBot, open_desk: Any, log_in: Any, staff: dict[str, Actor], services: Any, directory: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    dialog = _open_search(qtbot, desk)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT_MS)
    everything = dialog.model.rowCount()
    index = dialog.categoryCombo.findData("legal_aid")
    # Alt+C reaches the category, then the arrows choose it (the list updates as it changes).
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert dialog.categoryCombo.hasFocus()
    with qtbot.waitSignal(dialog.results_shown, timeout=WAIT_MS):
        dialog.categoryCombo.setCurrentIndex(index)
    settle(qtbot, desk)
    legal = directory.search(staff["clerk"], "", "legal_aid")
    assert 0 < dialog.model.rowCount() == len(legal) < everything
    assert all("legal_aid" in s.categories for s in dialog.model.services)
    assert dialog.categoryCombo.currentText() != "legal_aid"  # the category's Italian name, from the core
    spoken = dialog.spokenCombo.findData("ar")
    with qtbot.waitSignal(dialog.results_shown, timeout=WAIT_MS):
        dialog.spokenCombo.setCurrentIndex(spoken)
    settle(qtbot, desk)
    assert all("ar" in s.languages for s in dialog.model.services)
    assert [s.uid for s in dialog.model.services] == [s.uid for s in directory.search(staff["clerk"], "", "legal_aid",
                                                                                        None, "ar")]
    qtbot.keyClicks(dialog.wordsEdit, "zzzzqqq")
    settle(qtbot, desk)
    assert dialog.model.rowCount() == 0 and dialog.sheet is None
    assert not dialog.printButton.isEnabled()  # nothing to print, nothing to count
    # Ctrl+P with nothing chosen records nothing.
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk)
    assert desk.sheets.written == []
    today = local_day(services.clock.now(), "Europe/Rome").isoformat()
    assert directory.referral_counts(staff["supervisor"], today, today).total == 0


def test_the_search_closes_at_lock(qtbot: QtBot, open_desk: Any, log_in: Any, staff: Any, directory: Any) -> None:
    desk = open_desk("D1")
    log_in(desk, "clerk")
    dialog = _open_search(qtbot, desk)
    assert dialog is not None
    desk.window.activateWindow()
    press(qtbot, desk, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert desk.window.directory.dialog is None
    assert not desk.window.directory.action.isEnabled()
