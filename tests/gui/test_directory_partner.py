"""A partner of the services directory at work (issue 15): it lands on its own organisation's entries, edits the
Italian and the hours, submits, confirms; the office reviews in the administration window and publishes or
withdraws. Every step is the core's (permissions, states, audit), driven from the keyboard."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.clock import local_day
from desk_app.core.auth import Actor
from desk_app.core.directory_types import Localised

from .conftest import WAIT_MS, press, settle


@pytest.fixture
def partner(services: Any, system_actor: Actor, office: Any, staff: dict[str, Actor]) -> str:
    """A ``partner`` account linked to the first organisation of the Lodi demo directory; its uid."""
    services.content.load(system_actor)
    services.directory.load_file(system_actor)
    organisation = services.directory.organisations(system_actor)[0]
    services.staff.add_staff(system_actor, "partner1", "Ente partner", "partner", "partner1-password", "LODI")
    services.directory.link_partner(system_actor, "partner1", organisation.uid)
    return str(organisation.uid)


def _log_in_partner(qtbot: QtBot, desk: Any, log_in: Any) -> Any:
    log_in(desk, "partner1")
    page = desk.window.partner
    assert page is not None and desk.window.workspace is None and desk.window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.current is not None, timeout=WAIT_MS)
    return page


def _select_all_and_type(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for number, line in enumerate(text.split("\n")):  # QTest types no "\n": Enter between the lines
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def test_a_partner_sees_only_its_organisation_and_edits_hours_and_texts(
        qtbot: QtBot, open_desk: Any, log_in: Any, services: Any, system_actor: Actor, partner: str) -> None:
    desk = open_desk("")
    page = _log_in_partner(qtbot, desk, log_in)
    assert not [shown for shown in desk.dialogs.shown if shown[0] == "choose"]  # no desk asked for
    own = services.directory.services(system_actor, organisation_uid=partner)
    assert {s.uid for s in page.model.services} == {s.uid for s in own}
    assert all(s.organisation.uid == partner for s in page.model.services)
    assert page.organisation is not None and page.organisation.name in page.titleLabel.text()
    # The first entry with a place: new hours typed as the template writes them, a sentence changed, Ctrl+S.
    row = next(n for n, s in enumerate(page.model.services) if s.locations)
    page.listView.selectRow(row)
    entry = page.current
    assert entry is not None and entry.state == "published"
    _select_all_and_type(qtbot, page.hoursEdit, "lun-ven 08:30-13:00\ngio 14:00-17:00 solo su appuntamento")
    _select_all_and_type(qtbot, page.eligibilityEdit, "Tutte le persone residenti o domiciliate.")
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS):
        press(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, desk)
    stored = services.directory.service(system_actor, entry.uid, "it")
    # A published entry changed by its partner stays published with its published content (the counter still
    # finds it as it was); the change waits for the office as the entry's revision.
    assert stored.state == "published"
    assert stored.text("eligibility").text == entry.text("eligibility").text
    assert stored.locations[0].hours == entry.locations[0].hours
    assert stored.revision is not None
    first = stored.revision.locations[0]
    assert [(h.weekday, f"{h.opens:%H:%M}", f"{h.closes:%H:%M}") for h in first.hours if h.opens.hour == 8] == [
        (d, "08:30", "13:00") for d in range(1, 6)]
    assert any(h.weekday == 4 and h.note == "solo su appuntamento" for h in first.hours)
    assert stored.revision.text("eligibility").text == "Tutte le persone residenti o domiciliate."
    assert page.message == page.tr("Saved as a revision awaiting the office's review: the published entry stays "
                                   "as it is until the office publishes it.")
    # The page shows the revision (state line and list) and keeps it in the form for further editing.
    qtbot.waitUntil(lambda: page.current is not None and page.current.revision is not None, timeout=WAIT_MS)
    assert page.eligibilityEdit.toPlainText() == "Tutte le persone residenti o domiciliate."
    assert page.model.tr("revision pending") in page.model.data(page.model.index(
        page.model.row_of(entry.uid), page.model.STATE))
    # A bad line is refused in one sentence, before anything is sent; nothing changes.
    _select_all_and_type(qtbot, page.hoursEdit, "lunedi mattina")
    press(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "lunedi mattina" in page.messageLabel.text()
    revision = services.directory.service(system_actor, entry.uid, "it").revision
    assert revision is not None and revision.locations[0].hours == first.hours


def test_a_partner_writes_a_new_service_submits_and_confirms_it(
        qtbot: QtBot, open_desk: Any, log_in: Any, services: Any, system_actor: Actor, partner: str,
        staff: dict[str, Actor]) -> None:
    desk = open_desk("")
    page = _log_in_partner(qtbot, desk, log_in)
    before = page.model.rowCount()
    press(qtbot, desk, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.current is None and page.nameEdit.hasFocus()
    qtbot.keyClicks(page.nameEdit, "Sportello di orientamento al lavoro")
    _select_all_and_type(qtbot, page.descriptionEdit, "Aiuto a scrivere il curriculum e a cercare lavoro.")
    _select_all_and_type(qtbot, page.documentsEdit, "Passaporto\nCurriculum, se lo avete")
    _select_all_and_type(qtbot, page.contactsEdit, "telefono: 0371 000 999")
    _select_all_and_type(qtbot, page.languagesEdit, "it, fr")
    # A category, checked with the space bar on its row.
    page.categoryList.setFocus()
    page.categoryList.setCurrentRow([page.categoryList.item(r).data(Qt.ItemDataRole.UserRole)
                                     for r in range(page.categoryList.count())].index("work"))
    qtbot.keyClick(page.categoryList, Qt.Key.Key_Space)
    with qtbot.waitSignal(page.saved, timeout=WAIT_MS) as saved:
        press(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=WAIT_MS)
    uid = saved.args[0].uid
    stored = services.directory.service(system_actor, uid, "it")
    assert stored.state == "draft" and stored.organisation.uid == partner
    assert stored.categories == ("work",) and stored.languages == ("it", "fr") and stored.documents == 2
    assert [c.value for c in stored.contacts] == ["0371 000 999"]
    qtbot.waitUntil(lambda: page.current is not None and page.current.uid == uid, timeout=WAIT_MS)
    assert page.edit_actions["submit"].isEnabled()
    press(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: services.directory.service(system_actor, uid, "it").state == "submitted",
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.current is not None and page.current.state == "submitted", timeout=WAIT_MS)
    press(qtbot, desk, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot, desk)
    confirmed = services.directory.service(system_actor, uid, "it")
    assert confirmed.last_confirmed == local_day(services.clock.now(), "Europe/Rome")
    assert not confirmed.needs_reconfirmation
    # Every step is in the audit log, under the partner's name.
    from desk_app.core.audit_view import AuditFilter

    events = services.audit_view.events(staff["admin"], AuditFilter(object_id=uid))
    assert {"directory.submit", "directory.confirm"} <= {e.action for e in events}
    assert {e.actor for e in events if e.action.startswith("directory.")} == {"partner1"}


def test_the_office_reviews_submitted_entries_and_publishes_or_withdraws(
        qtbot: QtBot, open_desk: Any, log_in: Any, services: Any, system_actor: Actor, partner: str,
        staff: dict[str, Actor]) -> None:
    entry = services.directory.services(system_actor, organisation_uid=partner)[0]
    partner_actor = services.staff.login("partner1", "partner1-password")
    italian = dict(entry.texts["it"]) | {"description": Localised("Descrizione rivista dall'ente.", "it")}
    # a change by the partner: the entry stays published, its revision waits in the review list
    services.directory.put_service(partner_actor, dataclasses.replace(entry, texts={"it": italian}))
    waiting = services.directory.service(system_actor, entry.uid, "it")
    assert waiting.state == "published" and waiting.revision is not None
    desk = open_desk("D1")
    log_in(desk, "admin")
    desk.window.admin.open()
    window = desk.window.admin.window
    assert window is not None
    review = window.directory_review
    window.tabs.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=WAIT_MS)
    assert review.model.services[0].uid == entry.uid
    qtbot.waitUntil(lambda: entry.organisation.name in review.preview.toPlainText(), timeout=WAIT_MS)
    # the revision's sheet, and above it what changed against the published content
    qtbot.waitUntil(lambda: "Descrizione rivista dall'ente." in review.preview.toPlainText(), timeout=WAIT_MS)
    assert not review.changesView.isHidden() and review.rejectButton.isEnabled()
    changes = review.changesView.toPlainText()
    assert review.field_label("description") in changes and "Descrizione rivista dall'ente." in changes
    assert review.field_label("name") not in changes  # only what differs
    review.view.setFocus()
    qtbot.keyClick(review.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter publishes
    qtbot.waitUntil(lambda: services.directory.service(system_actor, entry.uid, "it").revision is None,
                    timeout=WAIT_MS)
    published = services.directory.service(staff["clerk"], entry.uid, "it")
    assert published.state == "published"
    assert published.text("description").text == "Descrizione rivista dall'ente."
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=WAIT_MS)  # nothing left to review
    # Every entry: withdraw one with a reason.
    review.viewCombo.setCurrentIndex(review.viewCombo.findData("all"))
    qtbot.waitUntil(lambda: review.model.rowCount() > 1, timeout=WAIT_MS)
    review.view.selectRow(review.model.row_of(entry.uid))
    qtbot.keyClicks(review.reasonEdit, "Servizio sospeso per lavori")
    qtbot.mouseClick(review.withdrawButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.directory.service(system_actor, entry.uid, "it").state == "withdrawn",
                    timeout=WAIT_MS)
    assert entry.uid not in {s.uid for s in services.directory.search(staff["clerk"], "")}
    # A clerk's administration window shows the tab, but the buttons stay greyed (the core would refuse).
    desk.window.admin.close()
    clerk_window = _clerk_admin(qtbot, open_desk, log_in)
    assert not clerk_window.directory_review.publishButton.isEnabled()


def test_the_office_rejects_a_revision_and_the_published_entry_stays(
        qtbot: QtBot, open_desk: Any, log_in: Any, services: Any, system_actor: Actor, partner: str,
        staff: dict[str, Actor]) -> None:
    entry = services.directory.services(system_actor, organisation_uid=partner)[0]
    partner_actor = services.staff.login("partner1", "partner1-password")
    italian = dict(entry.texts["it"]) | {"eligibility": Localised("Solo su invito.", "it")}
    services.directory.put_service(partner_actor, dataclasses.replace(entry, texts={"it": italian}))
    desk = open_desk("D1")
    log_in(desk, "admin")
    desk.window.admin.open()
    window = desk.window.admin.window
    assert window is not None
    review = window.directory_review
    window.tabs.setCurrentWidget(review)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Solo su invito." in review.changesView.toPlainText(), timeout=WAIT_MS)
    qtbot.keyClicks(review.reasonEdit, "Testo non corretto")
    qtbot.mouseClick(review.rejectButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.directory.service(system_actor, entry.uid, "it").revision is None,
                    timeout=WAIT_MS)
    kept = services.directory.service(staff["clerk"], entry.uid, "it")
    assert kept.state == "published" and kept.text("eligibility").text == entry.text("eligibility").text
    qtbot.waitUntil(lambda: review.model.rowCount() == 0, timeout=WAIT_MS)
    assert review.changesView.isHidden() and not review.rejectButton.isEnabled()


def _clerk_admin(qtbot: QtBot, open_desk: Any, log_in: Any) -> Any:
    desk = open_desk("D2")
    log_in(desk, "clerk")
    desk.window.admin.open()
    assert desk.window.admin.window is not None
    return desk.window.admin.window


def test_a_partner_account_not_linked_yet_is_told_so_and_sees_no_entry(
        qtbot: QtBot, open_desk: Any, log_in: Any, services: Any, system_actor: Actor, partner: str) -> None:
    services.staff.add_staff(system_actor, "partner2", "Ente senza scheda", "partner", "partner2-password", "LODI")
    desk = open_desk("")
    log_in(desk, "partner2")
    page = desk.window.partner
    assert page is not None
    qtbot.waitUntil(lambda: bool(page.message), timeout=WAIT_MS)
    assert "partner2" in page.message and page.model.rowCount() == 0  # the core's sentence: ask the office
    assert not page.edit_actions["save"].isEnabled()
    # Ctrl+S, even with a name typed, stores nothing: the account has no organisation.
    before = len(services.directory.services(system_actor))
    qtbot.keyClicks(page.nameEdit, "Servizio senza ente")
    press(qtbot, desk, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(services.directory.services(system_actor)) == before
