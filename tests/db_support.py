"""Database helpers shared by the test modules (conftest imports them too).

A module of its own, not conftest: ``from conftest import ...`` is ambiguous once
sub-folders have their own conftest.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

DEMO_SETUP: dict[str, Any] = {
    "office": {"code": "LODI", "name": "Prefettura di Lodi", "address": "Corso Umberto I 40, 26900 Lodi"},
    "service": [
        {"code": "RF", "name": "Ricongiungimento familiare", "prefix": "R", "target_wait_minutes": 20},
        {"code": "LAV", "name": "Lavoro e flussi", "prefix": "N", "target_wait_minutes": 20},
        {"code": "LEG", "name": "Legalizzazioni", "prefix": "L", "target_wait_minutes": 15},
    ],
    "desk": [
        {"code": "D1", "name": "Sportello 1", "services": ["RF", "LAV"]},
        {"code": "D2", "name": "Sportello 2", "services": ["RF", "LAV", "LEG"]},
        {"code": "D3", "name": "Sportello 3", "services": ["LEG"]},
    ],
}


def truncate_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")]
        if tables:
            # audit_event refuses TRUNCATE (migration 0008): lift its triggers for this transaction only
            guarded = [t for t in tables if t == "audit_event"]
            with conn.transaction():
                for table in guarded:
                    conn.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')
                conn.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
                for table in guarded:
                    conn.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')


def fresh_sqlite(template: Path, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "sportello.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"
