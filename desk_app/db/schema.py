"""The whole schema: importing this module registers every model on ``Base.metadata``.

Each feature that adds tables adds its model module to the imports below;
Alembic's ``env.py`` and the models-vs-migrations test import this module.
"""

from __future__ import annotations

from desk_app.db import (
    models,  # noqa: F401  (registers core tables)
    models_admin,  # noqa: F401  (office-wide settings)
    models_awareness,  # noqa: F401  (awareness sessions in reception centres, issue 16)
    models_booking,  # noqa: F401  (appointments, convocations, mediators)
    models_breakdowns,  # noqa: F401  (per-day parts of the breakdowns report, issue 11)
    models_content,  # noqa: F401  (procedures, checklists, texts, cases)
    models_directory,  # noqa: F401  (territorial services directory, issue 15)
    models_maintenance,  # noqa: F401  (daily purge and backup runs)
    models_practices,  # noqa: F401  (Prefettura-Questura shared practices, meetings)
    models_reports,  # noqa: F401  (per-day summaries of the counts report)
)
from desk_app.db.base import Base

metadata = Base.metadata
