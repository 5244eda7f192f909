"""Render every language's instruction sheet (procedure RF-NO, page 1) and compose contact sheets of the PNGs.

    python scripts/contact_sheets.py [--out docs/screenshots] [--dpi 50]

Needs ``pdftoppm`` (poppler-utils). Works on a throw-away SQLite office with the shipped
catalogue, so it shows exactly what a clerk would print after ``desk-admin content load``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from desk_app.core.auth import Actor
from desk_app.core.catalogue import LANGUAGE_NAMES
from desk_app.core.queue import LANGUAGES
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.sheets import SheetBuilder
from desk_app.documents.fonts import families, register_fonts
from desk_app.documents.pdf import ensure_gui, write_pdf

PER_IMAGE = 5
LABEL_HEIGHT = 28


def demo_builder(home: Path) -> SheetBuilder:
    """A SheetBuilder over a fresh SQLite office with the shipped catalogue loaded."""
    settings = Settings.load(home=home, overrides={"db_url": f"sqlite:///{home}/sheets.sqlite3"}, environ={})
    core = CoreServices.build(settings)
    core.upgrade_schema()
    actor = Actor.system("cli:contact-sheets")
    core.offices.apply(actor, {"office": {"code": "LODI", "name": "Prefettura di Lodi",
                                          "address": "Corso Umberto I 40, 26900 Lodi"}})
    core.content.load(actor)
    return SheetBuilder(core.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--dpi", type=int, default=50)
    parser.add_argument("--procedure", default="RF-NO")
    args = parser.parse_args()
    ensure_gui()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        builder = demo_builder(work)
        pages = []
        for lang in LANGUAGES:
            pdf = write_pdf(builder.instructions(args.procedure, lang), work / f"{lang}.pdf")
            subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", "-f", "1", "-l", "1", "-singlefile",
                            str(pdf), str(work / lang)], check=True)
            pages.append((lang, QImage(str(work / f"{lang}.png"))))
        args.out.mkdir(parents=True, exist_ok=True)
        for index in range(0, len(pages), PER_IMAGE):
            group = pages[index:index + PER_IMAGE]
            width, height = group[0][1].width(), group[0][1].height()
            sheet = QImage(width * len(group), height + LABEL_HEIGHT, QImage.Format.Format_RGB32)
            sheet.fill(QColor("white"))
            painter = QPainter(sheet)
            for column, (lang, page) in enumerate(group):
                label_font = QFont()
                label_font.setFamilies(families(lang))
                label_font.setPointSize(11)
                painter.setFont(label_font)
                painter.drawText(QRect(column * width, 0, width, LABEL_HEIGHT), Qt.AlignmentFlag.AlignCenter,
                                 f"{lang} – {LANGUAGE_NAMES[lang]}")
                painter.drawImage(column * width, LABEL_HEIGHT, page)
                painter.setPen(QColor(180, 180, 180))
                painter.drawRect(column * width, LABEL_HEIGHT, width - 1, height - 1)
                painter.setPen(QColor("black"))
            painter.end()
            target = args.out / f"instructions-{args.procedure.lower()}-{index // PER_IMAGE + 1}.png"
            sheet.save(str(target))
            print(target, f"{target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
