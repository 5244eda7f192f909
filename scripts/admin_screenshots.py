"""Screenshots of the administration window (issue 12) for the README: office settings, staff, audit log.

A throw-away demo office (``--home`` in a temp folder); ``admin`` logs in, changes a setting and resets a password,
and each tab is grabbed to ``docs/screenshots/`` (``admin-settings.png``, ``admin-services.png``,
``admin-calendar.png``, ``admin-mediators.png``, ``admin-content.png``, ``admin-staff.png``, ``admin-audit.png``,
``admin-ticket-lines.png``: an Arabic line pasted with an RLM mark, saved without it),
plus the settings tab as the supervisor ``responsabile`` sees it (``admin-settings-supervisor.png``)::

    QT_QPA_PLATFORM=offscreen python scripts/admin_screenshots.py
"""

from __future__ import annotations

from screenshot_support import OUT, demo_home, desk_window, grab, log_in, open_admin, settle, switch_user, wait_until


def main() -> int:
    home, settings = demo_home("sportello-admin-shots-")
    _app, window = desk_window(settings, home)
    log_in(window, "admin")
    admin = open_admin(window)
    editor = admin.settings_editor
    editor.fields["board_message"].setText("Martedì 24 dicembre lo sportello chiude alle 12:00")
    editor.fields["sheet_hours"].setPlainText("lunedì-venerdì 9:00-12:30\nmartedì e giovedì anche 14:30-16:00")
    editor.save()
    settle(window)
    editor.fields["service_level_percent"].setValue(85)
    editor.fields["board_title"].setText("x" * 81)  # a problem shown as typed
    grab(admin, "admin-settings.png")
    editor.fields["board_title"].setText("")
    editor.fields["service_level_percent"].setValue(80)

    office = admin.office_editor
    admin.tabs.setCurrentWidget(office)
    wait_until(lambda: office.office is not None)
    table = office.services.table
    codes = [table.item(r, 0).text() for r in range(table.rowCount())]
    table.item(codes.index("LAV"), 3).setText("0")  # a problem shown as typed, with its line
    grab(admin, "admin-services.png")
    table.item(codes.index("LAV"), 3).setText("30")

    calendar = admin.calendar_editor
    admin.tabs.setCurrentWidget(calendar)
    calendar.serviceBox.setCurrentIndex(calendar.serviceBox.findData("RF"))
    settle(window)
    grab(admin, "admin-calendar.png")

    mediators = admin.mediator_editor
    admin.tabs.setCurrentWidget(mediators)
    wait_until(lambda: mediators.model.rowCount() > 0)
    mediators.view.selectRow(0)
    grab(admin, "admin-mediators.png")

    content = admin.content_view
    admin.tabs.setCurrentWidget(content)
    wait_until(lambda: content.model.rowCount() > 0)
    grab(admin, "admin-content.png")

    staff = admin.staff_editor
    admin.tabs.setCurrentWidget(staff)
    wait_until(lambda: staff.model.rowCount() > 0)
    staff.view.selectRow(next(i for i, s in enumerate(staff.model.rows) if s.username == "operatore1"))
    staff.reset_password()
    settle(window)
    grab(admin, "admin-staff.png")

    audit = admin.audit_viewer
    admin.tabs.setCurrentWidget(audit)
    audit.actionEdit.setText("staff.")
    audit.search()
    settle(window)
    audit.actionEdit.setText("")
    audit.search()
    settle(window)
    audit.verify()
    settle(window)
    grab(admin, "admin-audit.png")

    lines = admin.ticket_lines_editor
    admin.tabs.setCurrentWidget(lines)
    wait_until(lambda: lines.current is not None)
    lines.choose("ar")
    lines.lineEdit.setText("\u200fيرجى الانتظار حتى يظهر رقمك على شاشة القاعة.")  # pasted with an RLM mark
    lines.save()
    wait_until(lambda: lines.messageLabel.text().startswith("Salvat"))
    wait_until(lambda: "(" in lines.model.source("ar"))
    settle(window)
    grab(admin, "admin-ticket-lines.png")

    switch_user(window, "responsabile")
    supervisor = open_admin(window)
    grab(supervisor, "admin-settings-supervisor.png")
    window.shutdown()
    print("saved", *(OUT / n for n in ("admin-settings.png", "admin-services.png", "admin-calendar.png",
                                       "admin-mediators.png", "admin-content.png", "admin-staff.png",
                                       "admin-audit.png", "admin-ticket-lines.png", "admin-settings-supervisor.png")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
