"""Median time to write one instruction sheet (procedure RF-NO) per language, as PDF (Qt) and as DOCX.

    python benchmarks/documents_bench.py [--repeat 7]

Beside each language it times a bare one-paragraph page through the same writers, in
the same run, so the figures separate the cost of our layout from the fixed cost of a
file. Target: < 150 ms per page. The sheet content is built once (database reads are
not timed); fonts are registered before timing starts, as at app start-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from contact_sheets import demo_core

from desk_app.core.queue import LANGUAGES
from desk_app.core.sheets import Block, Line, Sheet, SheetBuilder
from desk_app.documents.docx import write_docx
from desk_app.documents.fonts import register_fonts
from desk_app.documents.pdf import ensure_gui, write_pdf

TARGET_MS = 150


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: first use of each font and code path
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    ensure_gui()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        builder = SheetBuilder(demo_core(work).content)
        bare = Sheet("instructions", "it", "Bare", (Block("text", Line("Una pagina con un solo paragrafo.", "it")),),
                     "reviewed")
        bare_pdf = median_ms(lambda: write_pdf(bare, work / "bare.pdf"), args.repeat)
        bare_docx = median_ms(lambda: write_docx(bare, work / "bare.docx"), args.repeat)
        print(f"{'lang':5} {'pages':>5} {'PDF ms':>8} {'DOCX ms':>8}")
        print(f"{'bare':5} {1:>5} {bare_pdf:8.1f} {bare_docx:8.1f}")
        worst = 0.0
        for lang in LANGUAGES:
            sheet = builder.instructions("RF-NO", lang)
            pdf_ms = median_ms(lambda s=sheet: write_pdf(s, work / "sheet.pdf"), args.repeat)
            docx_ms = median_ms(lambda s=sheet: write_docx(s, work / "sheet.docx"), args.repeat)
            pages = (work / "sheet.pdf").read_bytes().count(b"/Type /Page\n") or \
                (work / "sheet.pdf").read_bytes().count(b"/Type /Page ")
            worst = max(worst, pdf_ms / max(pages, 1), docx_ms / max(pages, 1))
            print(f"{lang:5} {pages:>5} {pdf_ms:8.1f} {docx_ms:8.1f}")
        print(f"worst per page: {worst:.1f} ms (target < {TARGET_MS} ms) -> {'ok' if worst < TARGET_MS else 'SLOW'}")


if __name__ == "__main__":
    main()
