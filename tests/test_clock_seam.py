"""Time comes only through the clock seam (:mod:`desk_app.clock`), so no rule can depend on the machine's date.

A service that read the wall clock passed its tests only on the day they were written (a prefix rule in
``core/office.py`` once did). This test reads the source of every module and fails on any direct read of the
wall clock outside :mod:`desk_app.clock`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import desk_app

PACKAGE = Path(desk_app.__file__).parent
SEAM = PACKAGE / "clock.py"
#: Receivers whose methods below read the wall clock (``datetime.now()``, ``date.today()``, ``time.time()`` ...).
CLOCK_OWNERS = {"datetime", "date", "time", "dt", "QDateTime", "QDate", "QTime"}
WALL_CLOCK_CALLS = {"now", "utcnow", "today", "time", "time_ns", "localtime", "gmtime", "ctime", "currentDateTime",
                    "currentDate", "currentTime", "currentDateTimeUtc", "currentMSecsSinceEpoch",
                    "currentSecsSinceEpoch"}
#: ``from time import time`` and the like bring a wall-clock reader in under a bare name.
WALL_CLOCK_IMPORTS = {("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"),
                      ("time", "ctime")}


def _receiver(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def wall_clock_reads(source: str, filename: str = "<source>") -> list[str]:
    """Every place in ``source`` that reads the wall clock, as ``line: code``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in WALL_CLOCK_CALLS and _receiver(node.func.value) in CLOCK_OWNERS:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [f"{node.lineno}: from {node.module} import {alias.name}" for alias in node.names
                      if (node.module, alias.name) in WALL_CLOCK_IMPORTS]
    return found


def test_the_detector_finds_each_way_of_reading_the_clock() -> None:
    source = "\n".join([
        "from datetime import UTC, date, datetime",
        "from time import time",
        "import datetime as dt",
        "a = datetime.now(UTC)",
        "b = date.today()",
        "c = dt.datetime.utcnow()",
        "d = QDateTime.currentDateTime()",
        "e = clock.now()",  # the seam itself: allowed
        "f = time.monotonic()",  # a duration, not a date: allowed
    ])
    assert [line.split(":")[0] for line in wall_clock_reads(source)] == ["2", "4", "5", "6", "7"]


@pytest.mark.parametrize("path", sorted(p for p in PACKAGE.rglob("*.py") if p != SEAM and "forms" not in p.parts),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_reads_the_wall_clock_but_the_seam(path: Path) -> None:
    assert wall_clock_reads(path.read_text(encoding="utf-8"), str(path)) == []
