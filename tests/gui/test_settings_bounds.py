"""A settings file with an out-of-bounds value: the desk application starts anyway and says so (issue 17).

``idle_lock_minutes = 40000`` used to stop ``desk-app`` from starting (40,000 minutes overflow Qt's 32-bit
millisecond timer). Now the file's value is refused with one sentence, the default (5 minutes) is used, and
the window shows the sentence once it is up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desk_app.gui.app import show_setting_problems
from desk_app.gui.seams import Seams

from .conftest import WAIT_MS


def test_out_of_bounds_idle_lock_starts_with_the_default_and_a_message(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                                      staff: Any, tmp_path: Path) -> None:
    config = tmp_path / "desk-D1-0" / "config"  # the home open_desk gives its first window
    config.mkdir(parents=True)
    (config / "settings.toml").write_text("idle_lock_minutes = 40000\n", encoding="utf-8")
    desk = open_desk("D1")
    assert desk.settings.idle_lock_minutes == 5 and [p.code for p in desk.settings.problems] == ["setting_ignored"]
    show_setting_problems(desk.settings, Seams(desk.dialogs, desk.chime, desk.printer, desk.sheets), desk.window)
    qtbot.waitUntil(lambda: bool(desk.warnings()), timeout=WAIT_MS)
    (text,) = desk.warnings()
    assert "idle_lock_minutes = 40000" in text and "non è ammesso (1-480)" in text and "predefinito 5" in text
    log_in(desk, "clerk")
    assert desk.window.sessions.idle_watcher.timer.interval() == 5 * 60_000  # not an overflowed timer
    desk.window.grab().save(str(tmp_path / "settings-problem-window.png"))
