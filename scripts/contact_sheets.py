"""Render every page of every kind of user sheet in all 13 languages and compose labelled PNG contact sheets.

    python scripts/contact_sheets.py [--out docs/screenshots] [--dpi 40] [--keep DIR]

One image per sheet kind (``contact-<kind>.png``): a cell per language with its pages
side by side, each thumbnail labelled "language · name · kind · p. page/pages". Kinds: the instructions
of RF-NO (modelli S1/S2), RF-PI (phone numbers, hours), EMER (F24, D.L. 34/2020), the
"bring next time" sheet of an RF-NO case, and the labour-exploitation sheet (art.
18-ter). Pages are rendered by the same ``write_pdf`` the clerk prints with, then
rasterised by ``pdftoppm`` (poppler-utils) and downscaled to thumbnails; ``--keep DIR``
also keeps the PDFs and full-size pages, to look at them closely.

Works on a throw-away SQLite office with the shipped catalogue, so it shows exactly
what a clerk would print after ``desk-admin content load``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from desk_app.core.auth import Actor
from desk_app.core.catalogue import LANGUAGE_NAMES
from desk_app.core.queue import LANGUAGES
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.core.sheets import Sheet, SheetBuilder
from desk_app.documents.fonts import families, register_fonts
from desk_app.documents.pdf import ensure_gui, write_pdf

#: Full-size rendering resolution (what ``--keep`` keeps); thumbnails are scaled down from it.
RENDER_DPI = 100
LABEL_HEIGHT = 22
TITLE_HEIGHT = 34
GAP = 8
#: Items of the RF-NO case left missing on the "bring next time" sheet (S1/S2, a revenue stamp, income).
MISSING_ITEMS = ("host_consent", "marca_bollo", "income", "civil_status_records")
FSI, PDI = "\u2068", "\u2069"


@dataclass(frozen=True)
class Kind:
    """One sheet kind on one contact sheet: a file slug, a label and how to build its sheet in a language."""

    slug: str
    label: str
    build: Callable[[str], Sheet]


def demo_core(home: Path) -> CoreServices:
    """Core services over a fresh SQLite office with the shipped catalogue loaded."""
    settings = Settings.load(home=home, overrides={"db_url": f"sqlite:///{home}/sheets.sqlite3"}, environ={})
    core = CoreServices.build(settings)
    core.upgrade_schema()
    actor = Actor.system("cli:contact-sheets")
    core.offices.apply(actor, {"office": {"code": "LODI", "name": "Prefettura di Lodi",
                                          "address": "Corso Umberto I 40, 26900 Lodi"}})
    core.content.load(actor)
    return core


def kinds(core: CoreServices) -> list[Kind]:
    """The sheet kinds shown, in order."""
    actor = Actor.system("cli:contact-sheets")
    builder = SheetBuilder(core.content)
    case = core.cases.open_case(actor, "RF-NO", "it", practice_number="LO/RF/2026/0187")
    for key in MISSING_ITEMS:
        case = core.cases.mark_item(actor, case.id, key, "missing")
    day = date(2026, 11, 24)  # a fixed date: the images change only when the sheets do

    def instructions(code: str) -> Kind:
        return Kind(f"instructions-{code.lower()}", f"instructions {code}",
                    lambda lang: builder.instructions(code, lang))

    return [instructions("RF-NO"), instructions("RF-PI"), instructions("EMER"),
            Kind("missing-rf-no", "bring next time RF-NO", lambda lang: builder.missing(case, lang, today=day)),
            Kind("exploitation", "exploitation", builder.exploitation)]


def render_pages(sheet: Sheet, work: Path, stem: str) -> list[QImage]:
    """Every page of ``sheet`` as an image at :data:`RENDER_DPI`, through the PDF the clerk would print."""
    pdf = write_pdf(sheet, work / f"{stem}.pdf")
    subprocess.run(["pdftoppm", "-r", str(RENDER_DPI), "-png", str(pdf), str(work / stem)], check=True)
    pages = sorted(work.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [QImage(str(p)) for p in pages]


def label_font(lang: str, size: float = 8.5, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families(lang))
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def grid_columns(count: int, cell_width: int, cell_height: int, aspect: float = 1.6) -> int:
    """How many languages per row make the sheet closest to ``aspect`` (width / height)."""
    return min(range(1, count + 1),
               key=lambda n: abs(n * cell_width / (-(-count // n) * cell_height) - aspect))


def compose(kind: Kind, pages: dict[str, list[QImage]], dpi: int) -> QImage:
    """One contact sheet: a cell per language (its pages side by side) in a grid, each thumbnail labelled."""
    scale = dpi / RENDER_DPI
    first = next(iter(pages.values()))[0]
    width, height = round(first.width() * scale), round(first.height() * scale)
    most = max(len(p) for p in pages.values())
    cell_width, cell_height = most * (width + GAP) + 2 * GAP, LABEL_HEIGHT + height + 2 * GAP
    per_row = grid_columns(len(pages), cell_width, cell_height)
    rows = -(-len(pages) // per_row)
    sheet = QImage(GAP + per_row * cell_width, TITLE_HEIGHT + rows * cell_height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setFont(label_font("it", 11, bold=True))
    painter.drawText(QRect(GAP, 0, sheet.width() - 2 * GAP, TITLE_HEIGHT), Qt.AlignmentFlag.AlignVCenter,
                     f"Sportello · {kind.label} · {len(pages)} languages · every page "
                     f"({sum(len(p) for p in pages.values())}) · scripts/contact_sheets.py")
    for index, (lang, images) in enumerate(pages.items()):
        row, cell = divmod(index, per_row)
        top = TITLE_HEIGHT + row * cell_height
        for column, page in enumerate(images):
            left = GAP + cell * cell_width + column * (width + GAP)
            painter.setPen(QColor("black"))
            painter.setFont(label_font(lang))
            # The language's own name isolated, so an Arabic or Urdu name cannot reorder the label around it.
            painter.drawText(QRect(left, top, width, LABEL_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{lang} · {FSI}{LANGUAGE_NAMES[lang]}{PDI} · {kind.slug} · p. {column + 1}/{len(images)}")
            thumb = page.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(left, top + LABEL_HEIGHT, thumb)
            painter.setPen(QColor(170, 170, 170))
            painter.drawRect(left, top + LABEL_HEIGHT, width - 1, height - 1)
        if cell:  # a faint rule between languages
            painter.setPen(QColor(220, 220, 220))
            x = GAP + cell * cell_width - GAP // 2
            painter.drawLine(x, top, x, top + cell_height - GAP)
    painter.end()
    return sheet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--dpi", type=int, default=40, help="thumbnail resolution (pages are rendered at 100)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="also keep the PDFs and full-size pages here")
    args = parser.parse_args()
    ensure_gui()
    register_fonts()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        core = demo_core(work)
        try:
            for kind in kinds(core):
                pages = {lang: render_pages(kind.build(lang), work, f"{kind.slug}-{lang}") for lang in LANGUAGES}
                target = args.out / f"contact-{kind.slug}.png"
                # Grey levels only: a quarter of the size of colour, and the headings stay legible.
                image = compose(kind, pages, args.dpi).convertToFormat(QImage.Format.Format_Grayscale8)
                image.save(str(target), quality=0)  # PNG from the suffix; 0 = smallest file
                print(target, f"{sum(len(p) for p in pages.values())} pages", f"{target.stat().st_size // 1024} KB")
        finally:
            core.close()
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for path in [*work.glob("*.pdf"), *work.glob("*.png")]:
                shutil.copy2(path, args.keep / path.name)


if __name__ == "__main__":
    main()
