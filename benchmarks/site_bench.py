"""The directory's public site and HSDS exchange over 2,000 services: generation time against the I/O floor.

    python benchmarks/site_bench.py [--services 2000] [--rounds 3]

No database: 2,000 published :class:`DirectoryService` values built here (one organisation per ten services, each
service with Italian texts, a document, a place with hours, a phone, and English and Arabic drafts of its name and
description), as ``ServiceDirectory.published()`` hands them to ``desk-admin directory site``.

Measured in one run, rounds interleaved so a busy machine slows them alike:

* ``site``: :func:`build_site` into an empty folder: 13 languages x (one page per entry + index + category pages +
  search index), the fonts copied;
* ``floor``: the same files written again from bytes already in memory (the pages ``site`` wrote, read back
  first): what the disk alone costs, the floor any generator sits on;
* ``hsds export`` / ``hsds import``: :func:`export_hsds` + ``json.dumps`` of the same services, and
  :func:`import_hsds` of that JSON back into values (every field checked).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk_app.core.directory_types import (
    CATEGORIES,
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)
from desk_app.core.hsds import export_hsds, import_hsds
from desk_app.documents.site import build_site, shipped_texts


def services(count: int) -> list[DirectoryService]:
    orgs = [DirectoryOrganisation(str(uuid.uuid5(uuid.NAMESPACE_URL, f"org{n}")), f"Ente di prova {n}",
                                  "Associazione del territorio.") for n in range(max(1, count // 10))]
    place_hours = (OpeningHours(1, clock_time(9), clock_time(12, 30)), OpeningHours(3, clock_time(14), clock_time(17)))
    result = []
    for n in range(count):
        uid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"service{n}"))
        category = CATEGORIES[n % len(CATEGORIES)]
        italian = {"name": f"Servizio {n}: sportello di {category.replace('_', ' ')}",
                   "description": f"Ascolto, orientamento e accompagnamento (servizio numero {n}), su appuntamento "
                                  "o negli orari di apertura.",
                   "eligibility": "Persone residenti o domiciliate nella provincia di Lodi.",
                   "documents.1": "Documento d'identità"}
        texts = {"it": {k: Localised(v, "it", "reviewed", v) for k, v in italian.items()},
                 "en": {"name": Localised(f"Service {n}", "en", "draft", italian["name"]),
                        "description": Localised(f"Listening and guidance (service {n}).", "en", "draft",
                                                 italian["description"])},
                 "ar": {"name": Localised(f"الخدمة {n}", "ar", "draft", italian["name"])}}
        place = DirectoryLocation(str(uuid.uuid5(uuid.NAMESPACE_URL, f"place{n % 300}")), f"Sede {n % 300}",
                                  Address(f"Via Esempio {n % 300}", "26900", "Lodi"), place_hours)
        result.append(DirectoryService(
            uid=uid, organisation=orgs[n % len(orgs)], texts=texts, documents=1, categories=(category,),
            languages=("it", "en"), locations=(place,), contacts=(Contact("phone", f"0371 000 {n % 1000:03d}"),),
            free=n % 2 == 0, last_confirmed=date(2026, 11, 1), updated_at=datetime(2026, 11, 2, tzinfo=UTC)))
    return result


def floor(folder: Path, files: dict[Path, bytes]) -> None:
    """The same tree written from memory."""
    for relative, data in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    values = services(args.services)
    texts = shipped_texts()
    work = Path(tempfile.mkdtemp(prefix="sportello-site-bench-"))
    timings: dict[str, list[float]] = {"site": [], "floor": [], "hsds export": [], "hsds import": []}
    result = None
    try:
        for round_ in range(args.rounds):
            target = work / f"site{round_}"
            start = time.perf_counter()
            result = build_site(target, values, texts)
            timings["site"].append(time.perf_counter() - start)
            files = {p.relative_to(target): p.read_bytes() for p in target.rglob("*") if p.is_file()}
            copy = work / f"floor{round_}"
            start = time.perf_counter()
            floor(copy, files)
            timings["floor"].append(time.perf_counter() - start)
            shutil.rmtree(target)
            shutil.rmtree(copy)
            start = time.perf_counter()
            text = json.dumps(export_hsds(values), ensure_ascii=False)
            timings["hsds export"].append(time.perf_counter() - start)
            start = time.perf_counter()
            back = import_hsds(json.loads(text))
            timings["hsds import"].append(time.perf_counter() - start)
            assert len(back.services) == len(values)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert result is not None
    print(f"{args.services} services, {result.pages} pages, {result.bytes / 1e6:.1f} MB "
          f"(HSDS JSON {len(text.encode('utf-8')) / 1e6:.1f} MB), {args.rounds} rounds, median / best:")
    for name, samples in timings.items():
        print(f"  {name:12} {statistics.median(samples):7.2f} s / {min(samples):7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
