"""Search of the services directory over 2,000 published services: the core's index against a naive scan.

    python benchmarks/directory_bench.py [--services 2000] [--rounds 30] [--pg postgresql://postgres@127.0.0.1:5432/postgres]

A throwaway SQLite file (and, with ``--pg``, a throwaway PostgreSQL database, created, migrated and dropped here), one
process. The directory: the shipped Lodi demo's 21 services copied with varied names, places and categories up to
``--services`` entries (each with its Italian texts, documents, a location and, for every other one, English
drafts), loaded through :meth:`ServiceDirectory.load_file`, so the database holds what partners would have written.

Measured, interleaved query by query so a busy machine slows both alike:

* ``search``: :meth:`ServiceDirectory.search` as the counter calls it (permission check, ONE fingerprint query of
  the database, then the in-memory index);
* ``check`` / ``old check``: the freshness check alone, as ``search`` makes it (one query: office, counts, newest
  changes, the re-confirmation setting) and as the first version made it (three reads: the office, the fingerprint,
  the office settings), each in its own read transaction, interleaved;
* ``baseline``: the naive way, in the same process: :meth:`ServiceDirectory.published` for the language (every
  published service read and built), then every query word looked for in each service's texts;
* ``rebuild``: the first search after a change (the index rebuilt from the database); the first search in each
  language builds its index before the timed rounds.

Both must return the same services (checked, as sets of uids) for the queries they share.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk_app.core.auth import Actor
from desk_app.core.directory import normalise, read_directory_file
from desk_app.core.directory_types import SERVICE_TEXT_FIELDS, DirectoryService
from desk_app.core.office_settings import read_settings
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db import models_directory as m
from desk_app.db.models_content import ContentText
from desk_app.resources import resource_path

SETUP = {"office": {"code": "LODI", "name": "Lodi"},
         "service": [{"code": "RF", "name": "RF", "prefix": "R"}],
         "desk": [{"code": "D1", "name": "D1", "services": ["RF"]}]}
TOWNS = [("Lodi", "26900"), ("Codogno", "26845"), ("Casalpusterlengo", "26841"), ("Sant'Angelo Lodigiano", "26866"),
         ("Lodi Vecchio", "26855"), ("Zelo Buon Persico", "26839"), ("Tavazzano con Villavesco", "26838"),
         ("Castiglione d'Adda", "26823")]
#: (words, category, place, language, lang): what a clerk types in a few keystrokes.
QUERIES: list[tuple[str, str | None, str | None, str | None, str]] = [
    ("italiano", None, None, None, "it"),
    ("corsi ital", None, None, None, "it"),
    ("casa", None, "Codogno", None, "it"),
    ("", "health", None, None, "it"),
    ("medico", "health", "Lodi", None, "it"),
    ("", None, None, "ar", "it"),
    ("sfruttamento lavoro", None, None, None, "it"),
    ("courses", None, None, None, "en"),
    ("consultorio", None, "268", None, "it"),
    ("zzzz", None, None, None, "it"),
]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def directory_file(path: Path, count: int, seed: int = 7) -> None:
    """A TOML directory of ``count`` services made from the demo's, with varied names, towns and categories."""
    organisations, services, categories = read_directory_file(resource_path("directory", "lodi.toml"))
    rng = random.Random(seed)
    lines = []
    for code, names in categories.items():
        lines.append(f"[categories.{code}]")
        lines += [f"{lang} = {_q(text)}" for lang, text in names.items()]
    per_org = max(1, count // len(organisations))
    made = 0
    for o, organisation in enumerate(organisations):
        lines += ["[[organisation]]", f"key = {_q(f'org-{o}')}", f"name = {_q(organisation.name)}"]
        own = [s for s in services if s.organisation.uid == organisation.uid] or services
        for n in range(per_org if o < len(organisations) - 1 else count - made):
            town, postcode = rng.choice(TOWNS)
            lines += ["[[organisation.location]]", f"key = {_q(f'loc-{o}-{n}')}", f"name = {_q('Sede ' + town)}",
                      f"street = {_q(f'Via Roma {n + 1}')}", f"postcode = {_q(postcode)}", f"city = {_q(town)}",
                      'hours = ["lun-ven 09:00-12:30"]']
        for n in range(per_org if o < len(organisations) - 1 else count - made):
            template: DirectoryService = own[n % len(own)]
            lines += ["[[organisation.service]]", f"key = {_q(f'svc-{o}-{n}')}"]
            for name in SERVICE_TEXT_FIELDS:
                text = template.text(name).text
                if text:
                    lines.append(f"{name} = {_q(text + (f' ({n})' if name == 'name' else ''))}")
            lines.append("documents = [" + ", ".join(_q(d.text) for d in template.document_texts()) + "]")
            cats = list(template.categories) + ([rng.choice(list(categories))] if rng.random() < 0.3 else [])
            lines.append("categories = [" + ", ".join(_q(c) for c in dict.fromkeys(cats)) + "]")
            lines.append("languages = [" + ", ".join(_q(c) for c in template.languages) + "]")
            lines.append(f"locations = [{_q(f'loc-{o}-{n}')}]")
            if n % 2 == 0:
                english = template.text("name", "en")
                lines.append(f"translations.en = {{ name = {_q(english.text + f' ({n})')} }}")
            made += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def naive(core: CoreServices, words: str, category: str | None, place: str | None, language: str | None,
          lang: str) -> list[DirectoryService]:
    """The baseline: read every published service in ``lang`` and look for each word in its texts."""
    wanted = normalise(words).split()
    found = []
    for service in core.directory.published(lang):
        if category and category not in service.categories:
            continue
        if language and language not in service.languages:
            continue
        if place and not any(normalise(place) in normalise(f"{loc.address.city} {loc.address.postcode}")
                             for loc in service.locations):
            continue
        haystack = normalise(" ".join([service.organisation.name]
                                      + [t.text for ln in {"it", lang} for t in service.texts.get(ln, {}).values()]))
        if all(w in haystack for w in wanted):
            found.append(service)
    return found


def old_check(core: CoreServices, clerk: Actor) -> tuple[object, ...]:
    """The first version's freshness check: the office, one fingerprint statement, the office settings (3 reads)."""

    def work(session: Session) -> tuple[object, ...]:
        office = core.directory.auth.office_for(session, clerk, None)
        s, o, loc, t = m.DirectoryService, m.DirectoryOrganisation, m.DirectoryLocation, ContentText
        found = session.execute(select(
            select(func.count(s.id)).where(s.office_id == office.id).scalar_subquery(),
            select(func.count(s.id)).where(s.office_id == office.id, s.state == "published").scalar_subquery(),
            select(func.max(s.updated_at)).where(s.office_id == office.id).scalar_subquery(),
            select(func.max(o.updated_at)).where(o.office_id == office.id).scalar_subquery(),
            select(func.max(loc.updated_at)).where(loc.office_id == office.id).scalar_subquery(),
            select(func.max(t.updated_at)).where(t.office_id == office.id).scalar_subquery(),
        )).one()
        return (*tuple(found), read_settings(session, office).values.get("directory_reconfirm_days", 365))

    return core.db.read(work)


def new_check(core: CoreServices) -> object:
    """The freshness check ``search`` makes now: one query (the office's id known after the first search)."""
    office_id = core.directory._office_ids[None]
    return core.db.read(lambda session: core.directory._fingerprint(session, office_id))


def _ms(samples: list[float]) -> str:
    """Median / 95th percentile / max, in ms."""
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"{statistics.median(ordered) * 1000:.1f} / {p95 * 1000:.1f} / {ordered[-1] * 1000:.1f}"


def run(url: str, home: Path, count: int, rounds: int) -> dict[str, str]:
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))
    core.upgrade_schema()
    system = Actor.system("bench")
    core.offices.apply(system, SETUP)
    source = home / "directory.toml"
    directory_file(source, count)
    started = time.perf_counter()
    loaded = core.directory.load_file(system, source)
    load_s = time.perf_counter() - started
    clerk = Actor("bench-clerk", "clerk", None, None)
    search: list[float] = []
    baseline: list[float] = []
    rebuild: list[float] = []
    check: list[float] = []
    check_old: list[float] = []
    for lang in {q[4] for q in QUERIES}:  # the first search in a language builds its index: measured below
        core.directory.search(clerk, "", lang=lang)
    for _ in range(rounds):
        for words, category, place, language, lang in QUERIES:
            t0 = time.perf_counter()
            hits = core.directory.search(clerk, words, category, place, language, lang, limit=500)
            t1 = time.perf_counter()
            slow = naive(core, words, category, place, language, lang)
            t2 = time.perf_counter()
            search.append(t1 - t0)
            baseline.append(t2 - t1)
            t3 = time.perf_counter()
            new_check(core)
            t4 = time.perf_counter()
            old_check(core, clerk)
            check.append(t4 - t3)
            check_old.append(time.perf_counter() - t4)
            if not (words.strip() and place and place.isdigit()):  # the baseline's place is a substring
                assert {s.uid for s in hits} >= {s.uid for s in slow} or len(hits) == 500, (words, category)
    for _ in range(max(3, rounds // 5)):
        core.directory._indexes.clear()  # what a change elsewhere does to the cached index
        t0 = time.perf_counter()
        core.directory.search(clerk, "italiano")
        rebuild.append(time.perf_counter() - t0)
    core.close()
    return {"services": str(loaded.services), "load": f"{load_s:.1f} s", "search": _ms(search),
            "baseline": _ms(baseline), "rebuild": _ms(rebuild), "check": _ms(check), "old check": _ms(check_old),
            "speed-up": f"{statistics.median(baseline) / statistics.median(search):.0f}x"}


@contextlib.contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    import psycopg

    name = f"bench_dir_{uuid.uuid4().hex[:8]}"
    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield plain.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--pg", help="PostgreSQL admin URL: also measure there")
    args = parser.parse_args(argv)
    runs: list[tuple[str, Callable[[Path], dict[str, str]]]] = [
        ("SQLite", lambda home: run(f"sqlite:///{home / 'bench.sqlite'}", home, args.services, args.rounds))]
    if args.pg:
        def on_pg(home: Path) -> dict[str, str]:
            with pg_database(args.pg) as url:
                return run(url, home, args.services, args.rounds)

        runs.append(("PostgreSQL", on_pg))
    print("| backend | services | load | search, median / p95 / max ms | naive baseline, median / p95 / max ms "
          "| index rebuild, median / p95 / max ms | speed-up | freshness check (1 query), median / p95 / max ms "
          "| old check (3 reads), median / p95 / max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, measure in runs:
        with tempfile.TemporaryDirectory() as folder:
            r = measure(Path(folder))
        print(f"| {label} | {r['services']} | {r['load']} | {r['search']} | {r['baseline']} | {r['rebuild']} "
              f"| {r['speed-up']} | {r['check']} | {r['old check']} |")


if __name__ == "__main__":
    main()
