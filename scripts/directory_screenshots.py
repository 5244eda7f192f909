"""Screenshots of the services directory (issue 15) for the README, and its referral sheets rendered from PDF.

A throw-away demo office (``--home`` in a temp folder) with the Lodi demo directory and a public site address;
``operatore1`` calls an Arabic-speaking person and opens the search (Ctrl+K), types «italiano»: the results and the
Arabic referral sheet's preview (``directory-search.png``); the sheet is printed and its first page rendered with
pdftoppm (``referral-ar.png``); the same entry's sheet in Urdu, Hindi, Bengali, Punjabi and Chinese
(``referral-<lang>.png``); a partner account edits its organisation's entries (``directory-partner.png``); the
administrator reviews the submitted ones (``directory-review.png``)::

    xvfb-run -a python scripts/directory_screenshots.py      (or QT_QPA_PLATFORM=offscreen)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
OUT = ROOT / "docs" / "screenshots"
SITE = "https://servizi.example.org/lodi"
SHEET_LANGUAGES = ("ar", "ur", "hi", "bn", "pa", "zh")


def render(pdf: Path, target: Path) -> None:
    """The first page of ``pdf`` as a PNG at 80 dpi (poppler)."""
    stem = target.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   check=True)


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from take_screenshots import settle, wait_until

    from desk_app.core.auth import Actor
    from desk_app.core.demo import DEMO_PASSWORD, create_demo_office
    from desk_app.core.settings import Settings
    from desk_app.core.sheets import SheetBuilder
    from desk_app.documents.pdf import write_pdf
    from desk_app.documents.site import entry_url
    from desk_app.gui.app import build_main_window, connect_core, prepare_application
    from desk_app.gui.printing import PdfTicketPrinter
    from desk_app.gui.seams import CountingChime, RecordingDialogs, Seams
    from desk_app.gui.sheet_printing import PdfSheetPrinter

    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="sportello-directory-shots-"))
    settings = Settings.load(home=home, overrides={"language": "it", "desk_code": "D1"}, environ={})
    core = connect_core(settings)
    system = Actor.system("screenshots")
    create_demo_office(core, system)
    core.directory.load_file(system)
    core.office_settings.change(system, {"directory_site_url": SITE})
    organisation = next(o for o in core.directory.organisations(system) if "CPIA" in o.name)
    core.staff.add_staff(system, "partner-cpia", "Segreteria CPIA", "partner", DEMO_PASSWORD, None)
    core.directory.link_partner(system, "partner-cpia", organisation.uid)
    core.queue.issue_ticket(system, core.offices.view(None).services[0].code, language="ar")

    app = QApplication([sys.argv[0]])
    prepare_application(app, settings)
    sheets = PdfSheetPrinter(home / "sheets")
    seams = Seams(RecordingDialogs(save_folder=home), CountingChime(), PdfTicketPrinter(home / "tickets", "receipt80"),
                  sheets)
    window = build_main_window(settings, seams, None)
    window.resize(1280, 800)
    window.show()
    window.start()
    wait_until(lambda: window.runtime.office is not None)

    def log_in(username: str) -> None:
        page = window.login_page
        page.ui.usernameEdit.setText(username)
        page.ui.passwordEdit.setText(DEMO_PASSWORD)
        page.ui.loginButton.click()
        wait_until(lambda: window.sessions.session is not None)
        settle(window)

    log_in("operatore1")
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
    dialog.grab().save(str(OUT / "directory-search.png"))
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

    window.sessions.lock("")
    settle(window)
    log_in("partner-cpia")
    partner = window.partner
    assert partner is not None
    wait_until(lambda: partner.current is not None)
    settle(window)
    window.grab().save(str(OUT / "directory-partner.png"))
    partner.save()  # a published entry changed by its partner goes back to the office's review
    settle(window)

    window.sessions.lock("")
    settle(window)
    log_in("admin")
    window.admin.action.trigger()
    admin = window.admin.window
    assert admin is not None
    admin.resize(1100, 700)
    review = admin.directory_review
    admin.tabs.setCurrentWidget(review)
    wait_until(lambda: review.model.rowCount() > 0)
    settle(window)
    admin.grab().save(str(OUT / "directory-review.png"))
    window.shutdown()
    core.close()
    names = ["directory-search.png", "directory-partner.png", "directory-review.png",
             *(f"referral-{lang}.png" for lang in SHEET_LANGUAGES)]
    print("saved", *(OUT / name for name in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
