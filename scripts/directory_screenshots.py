"""Screenshots of the services directory (issue 15) for the README, and its referral sheets rendered from PDF.

A throw-away demo office (``--home`` in a temp folder) with the Lodi demo directory and a public site address;
``operatore1`` calls an Arabic-speaking person and opens the search (Ctrl+K), types «italiano»: the results and the
Arabic referral sheet's preview (``directory-search.png``); the sheet is printed and its first page rendered with
pdftoppm (``referral-ar.png``); the same entry's sheet in Urdu, Hindi, Bengali, Punjabi and Chinese
(``referral-<lang>.png``); a partner account edits its organisation's entries (``directory-partner.png``) and saves a
change of a published one, which waits as its revision (``directory-partner-revision.png``); the administrator
reviews it with what it changes (``directory-review.png``)::

    xvfb-run -a python scripts/directory_screenshots.py      (or QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

from pathlib import Path

from screenshot_support import (
    OUT,
    demo_settings,
    desk_window,
    grab,
    log_in,
    open_admin,
    render_first_page,
    settle,
    switch_user,
    wait_until,
)

SITE = "https://servizi.example.org/lodi"
SHEET_LANGUAGES = ("ar", "ur", "hi", "bn", "pa", "zh")


def render(pdf: Path, target: Path) -> None:
    """The first page of ``pdf`` as a PNG at 80 dpi (poppler)."""
    render_first_page(pdf, target, 80)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD, create_demo_office
    from desk_app.core.sheets import SheetBuilder
    from desk_app.documents.pdf import write_pdf
    from desk_app.documents.site import entry_url
    from desk_app.gui.app import connect_core

    home, settings = demo_settings("sportello-directory-shots-")
    # the core stays open: the referral sheets in the other languages are built on it after the search
    core = connect_core(settings)
    system = Actor.system("screenshots")
    create_demo_office(core, system)
    core.directory.load_file(system)
    core.office_settings.change(system, {"directory_site_url": SITE})
    organisation = next(o for o in core.directory.organisations(system) if "CPIA" in o.name)
    core.staff.add_staff(system, "partner-cpia", "Segreteria CPIA", "partner", DEMO_PASSWORD, None)
    core.directory.link_partner(system, "partner-cpia", organisation.uid)
    core.queue.issue_ticket(system, core.offices.view(None).services[0].code, language="ar")

    _app, window = desk_window(settings, home, size=(1280, 800))
    sheets = window.seams.sheets
    log_in(window, "operatore1")
    workspace = window.workspace
    assert workspace is not None
    workspace.call_next()
    settle(window)
    dialog = window.directory.open()
    assert dialog is not None
    settle(window)
    # The person at the desk speaks Arabic (the demo's simulated day decides which ticket D1 calls: say so here).
    dialog.languageCombo.setCurrentIndex(dialog.languageCombo.findData("ar"))
    QTest.keyClicks(dialog.wordsEdit, "italiano")
    settle(window)
    wait_until(lambda: dialog.sheet is not None and dialog.sheet.lang == "ar")
    settle(window)
    grab(dialog, "directory-search.png")
    QTest.keyClick(dialog.wordsEdit, Qt.Key.Key_Return)  # prints, and the referral is counted
    settle(window)
    _, printed, sheet = sheets.written[-1]
    render(printed, OUT / "referral-ar.png")
    service = core.directory.service(system, sheet.meta["service"])
    builder = SheetBuilder(core.content)
    for lang in SHEET_LANGUAGES[1:]:
        pdf = write_pdf(builder.referral(service, lang, bilingual=True, entry_url=entry_url(SITE, lang, service.uid)),
                        home / f"referral-{lang}.pdf")
        render(pdf, OUT / f"referral-{lang}.png")

    switch_user(window, "partner-cpia")
    partner = window.partner
    assert partner is not None
    wait_until(lambda: partner.current is not None)
    settle(window)
    grab(window, "directory-partner.png")
    # a published entry changed by its partner: it stays published, the change waits as its revision
    partner.descriptionEdit.setPlainText(partner.descriptionEdit.toPlainText() + " Da gennaio anche corsi serali.")
    partner.save()
    wait_until(lambda: partner.current is not None and partner.current.revision is not None)
    settle(window)
    grab(window, "directory-partner-revision.png")

    switch_user(window, "admin")
    admin = open_admin(window)
    admin.resize(1100, 700)
    review = admin.directory_review
    admin.tabs.setCurrentWidget(review)
    wait_until(lambda: review.model.rowCount() > 0)
    revised = next(n for n, s in enumerate(review.model.services) if s.revision is not None)
    review.view.selectRow(revised)
    wait_until(lambda: not review.changesView.isHidden())
    settle(window)
    grab(admin, "directory-review.png")
    window.shutdown()
    core.close()
    names = ["directory-search.png", "directory-partner.png", "directory-partner-revision.png", "directory-review.png",
             *(f"referral-{lang}.png" for lang in SHEET_LANGUAGES)]
    print("saved", *(OUT / name for name in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
