"""Login cost per path (unknown, disabled, locked, wrong, right) and the cost of the keyed audit append.

    python benchmarks/audit_login_bench.py [--rounds 40] [--pg postgresql://postgres@127.0.0.1:5432/postgres]

Production argon2 parameters (argon2-cffi defaults), a throwaway SQLite file (and, with ``--pg``, a throwaway
PostgreSQL database, created, migrated and dropped here), one process. Baseline in the same run: one bare
argon2 verification of the account's hash, the floor every login path should sit on. Rounds of the paths are
interleaved (unknown, wrong, disabled, locked, right, bare, ...) so a busy machine slows them alike.

The audit part appends ``--events`` events with :meth:`AuditLog.record_now` (HMAC chain, the checkpoint's row
checked and the checkpoint file moved after each commit) against the same call with the checkpoint left out,
interleaved, to show what the file outside the database costs.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select

from desk_app.core import auth
from desk_app.core.audit import AuditActor
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import Staff
from desk_app.errors import AuthError

SETUP = {"office": {"code": "LODI", "name": "Lodi"},
         "service": [{"code": "RF", "name": "RF", "prefix": "R"}],
         "desk": [{"code": "D1", "name": "D1", "services": ["RF"]}]}


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"{statistics.median(ordered) * 1000:.1f} / {ordered[int(len(ordered) * 0.95) - 1] * 1000:.1f}"


def run(url: str, home: Path, rounds: int, events: int) -> None:
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))
    core.upgrade_schema()
    system = auth.Actor.system("bench")
    core.offices.apply(system, SETUP)
    for name in ("known", "disabled", "locked"):
        core.staff.add_staff(system, name, name, "clerk", "the-password", "LODI")
    core.staff.set_active(system, "disabled", False)
    hasher: PasswordHasher = auth._hasher
    known_hash = core.db.read(lambda s: s.execute(select(Staff.password_hash)
                                                  .where(Staff.username == "known")).scalar_one())

    def login(name: str, password: str) -> Callable[[], None]:
        def attempt() -> None:
            with contextlib.suppress(AuthError):
                core.staff.login(name, password)
        return attempt

    def bare() -> None:
        with contextlib.suppress(VerificationError):
            hasher.verify(known_hash, "wrong")

    def wrong_then_reset() -> None:
        login("known", "wrong")()

    def relock() -> None:
        core.staff.set_password(system, "locked", "the-password")  # clears the lock: lock it again, not timed
        for _ in range(auth.MAX_FAILED_LOGINS):
            login("locked", "wrong")()

    relock()
    paths: dict[str, Callable[[], None]] = {
        "unknown name": login("nobody", "wrong"),
        "known name, wrong password": wrong_then_reset,
        "disabled account": login("disabled", "the-password"),
        "locked account": login("locked", "the-password"),
        "known name, right password": login("known", "the-password"),
        "baseline: bare argon2 verify": bare,
    }
    samples: dict[str, list[float]] = {name: [] for name in paths}
    login("nobody", "x")()  # the dummy hash is made once, on the first unknown name
    for n in range(rounds):
        if n % 4 == 3:  # keep "known" below the lockout: one right login resets its counter
            login("known", "the-password")()
        for name, attempt in paths.items():
            start = time.perf_counter()
            attempt()
            samples[name].append(time.perf_counter() - start)
    print(f"\n{core.db.dialect}: login, {rounds} rounds (p50 / p95 ms)")
    for name, values in samples.items():
        print(f"  {name:32} {_ms(values)}")

    actor = AuditActor("bench")
    keyed: list[float] = []
    rows_only: list[float] = []
    with_checkpoint = core.audit._checkpoint_holds
    for n in range(events):  # interleaved, so both see the same load
        for variant, samples_of in ((with_checkpoint, keyed), (lambda *_: False, rows_only)):
            core.audit._checkpoint_holds = variant  # type: ignore[method-assign]
            start = time.perf_counter()
            core.audit.record_now(actor, "bench.event", "bench", n)
            samples_of.append(time.perf_counter() - start)
    core.audit._checkpoint_holds = with_checkpoint  # type: ignore[method-assign]
    print(f"{core.db.dialect}: audit append, {events} events each (p50 / p95 ms)")
    print(f"  {'keyed row + checkpoint file':32} {_ms(keyed)}")
    print(f"  {'keyed row, checkpoint left out':32} {_ms(rows_only)}")
    core.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--pg", help="PostgreSQL admin URL (a throwaway database is created there)")
    args = parser.parse_args()
    auth._hasher = PasswordHasher()  # production parameters
    p = auth._hasher
    print(f"argon2id time_cost={p.time_cost} memory_cost={p.memory_cost} KiB parallelism={p.parallelism}")
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/bench.sqlite3", Path(tmp) / "home", args.rounds, args.events)
        if args.pg:
            import psycopg

            name = f"sportello_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
                try:
                    base = args.pg.rsplit("/", 1)[0]
                    run(f"postgresql+psycopg://{base.split('://', 1)[1]}/{name}", Path(tmp) / "home-pg", args.rounds,
                        args.events)
                finally:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
