"""Median time to build and write one referral sheet (issue 15) per language, beside the RF-NO instruction sheet.

    python benchmarks/referral_bench.py [--repeat 7]

The referral sheet of the demo directory's Italian-course entry (two places, hours, contacts, documents, languages
spoken, QR code) is built by the core (weekday and language names from CLDR) and written as PDF (Qt) and DOCX; in
the same run the RF-NO instruction sheet goes through the same writers, the baseline of issue 4's figures. Target:
< 150 ms per page, as the other sheets. Database reads are not timed (the entry is read once); fonts are
registered before timing, as at app start-up. ``build ms`` is the core's build, with its reads of the sheet's
labels (the content texts of the language) from the SQLite file.
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

from desk_app.core.auth import Actor
from desk_app.core.queue import LANGUAGES
from desk_app.core.sheets import SheetBuilder
from desk_app.documents.docx import write_docx
from desk_app.documents.fonts import register_fonts
from desk_app.documents.pdf import ensure_gui, write_pdf
from desk_app.documents.site import entry_url

TARGET_MS = 150
SITE = "https://servizi.example.org/lodi"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: first use of each font, code path and CLDR locale
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def pages(pdf: Path) -> int:
    data = pdf.read_bytes()
    return data.count(b"/Type /Page\n") or data.count(b"/Type /Page ") or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    ensure_gui()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        core = demo_core(work)
        system = Actor.system("bench:referral")
        core.directory.load_file(system)
        entry = next(s for s in core.directory.published() if "italian_courses" in s.categories)
        service = core.directory.service(system, entry.uid)  # every language, read once
        builder = SheetBuilder(core.content)
        print(f"{'lang':5} {'RF-NO PDF':>10} {'RF-NO DOCX':>10} {'build ms':>9} {'pages':>5} {'PDF ms':>7} "
              f"{'DOCX ms':>8}")
        worst = 0.0
        for lang in LANGUAGES:
            url = entry_url(SITE, lang, service.uid)
            baseline = builder.instructions("RF-NO", lang)
            base_ms = median_ms(lambda s=baseline: write_pdf(s, work / "base.pdf"), args.repeat)
            base_docx = median_ms(lambda s=baseline: write_docx(s, work / "base.docx"), args.repeat)
            build_ms = median_ms(lambda lg=lang, u=url: builder.referral(service, lg, bilingual=True, entry_url=u),
                                 args.repeat)
            sheet = builder.referral(service, lang, bilingual=True, entry_url=url)
            pdf_ms = median_ms(lambda s=sheet: write_pdf(s, work / "referral.pdf"), args.repeat)
            docx_ms = median_ms(lambda s=sheet: write_docx(s, work / "referral.docx"), args.repeat)
            count = pages(work / "referral.pdf")
            worst = max(worst, pdf_ms / count, docx_ms / count)
            print(f"{lang:5} {base_ms:10.1f} {base_docx:10.1f} {build_ms:9.1f} {count:>5} {pdf_ms:7.1f} "
                  f"{docx_ms:8.1f}")
        core.close()
        print(f"worst per page (write): {worst:.1f} ms (target < {TARGET_MS} ms) -> "
              f"{'ok' if worst < TARGET_MS else 'SLOW'}")


if __name__ == "__main__":
    main()
