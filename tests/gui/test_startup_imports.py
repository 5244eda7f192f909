"""The desk window appears before the heavy modules load (DESIGN.md "Startup"; benchmarks/startup_bench.py).

SQLAlchemy, psycopg and the core are imported on the worker thread once the window is up. A module on the
start-up path that imports them at its top (the ticket printer did, through the sheets) costs about a second
before the login page shows. This checks which modules the start-up path has loaded, in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STARTUP_PATH = """
import json, sys
from PySide6.QtWidgets import QApplication
from desk_app.core.settings import Settings
from desk_app.gui import app as gui
settings = Settings.load(home=sys.argv[1], environ={})
qt = QApplication([])
seams = gui.default_seams(settings)
gui.prepare_application(qt, settings)
window = gui.build_main_window(settings, seams)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {"sqlalchemy", "psycopg", "alembic", "reportlab"}
                        or m in {"desk_app.core.queue", "desk_app.core.services", "desk_app.db.engine"})))
"""


def test_the_window_is_built_without_the_database_layers(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", STARTUP_PATH, str(tmp_path)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == [], f"imported before the window shows: {loaded}"
