"""Login does not tell which names exist, and concurrent wrong guesses get at most five passwords checked.

Timing is not measured here (that would be a timed test): every path of :meth:`StaffService.login` is shown
to make exactly one argon2 verification, against a hash with the same parameters, through the module's real
hasher seam (``desk_app.core.auth._hasher``, a real :class:`argon2.PasswordHasher` that also counts).
The lockout race runs in real processes (``spawn``) against one account, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from typing import Any

import argon2
import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from desk_app.core import auth
from desk_app.core.services import CoreServices
from desk_app.core.settings import Settings
from desk_app.db.models import AuditEvent, Staff
from desk_app.errors import AuthError

PROCESSES = 8
GUESSES_EACH = 3


class CountingHasher(PasswordHasher):
    """A real argon2id hasher that remembers which hash each verification was made against."""

    def __init__(self, **params: Any) -> None:
        super().__init__(**params)
        self.verified: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verified.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


def _counting(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    hasher = CountingHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(auth, "_hasher", hasher)
    return hasher


def _password_hash(core: CoreServices, username: str) -> str:
    return core.db.read(lambda s: s.execute(select(Staff.password_hash).where(Staff.username == username))
                        .scalar_one())


def test_every_login_path_verifies_one_argon2_hash_of_the_same_cost(services, staff, monkeypatch):
    """Unknown, malformed, disabled, locked, wrong and right: one verification each, same argon2 parameters."""
    hasher = _counting(monkeypatch)
    real = _password_hash(services, "clerk")
    services.staff.set_active(staff["admin"], "clerk2", False)
    attempts = {
        "unknown name": ("nobody-here", "whatever-pw"),
        "malformed name": ("x", "whatever-pw"),
        "empty name": ("", ""),
        "disabled account": ("clerk2", "clerk2-password"),
        "wrong password": ("clerk", "not-the-password"),
        "right password": ("clerk", "clerk-password"),
    }
    for what, (username, password) in attempts.items():
        hasher.verified.clear()
        with contextlib.suppress(AuthError):
            services.staff.login(username, password)
        assert len(hasher.verified) == 1, what
        assert argon2.extract_parameters(hasher.verified[0]) == argon2.extract_parameters(real), what
        if what in {"wrong password", "right password"}:
            assert hasher.verified[0] == real
        else:  # a dummy hash, never the account's own
            assert hasher.verified[0] != real and hasher.verified[0] != _password_hash(services, "clerk2")
    # a locked account is refused without checking its password, but still pays for one verification
    for _ in range(auth.MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            services.staff.login("clerk", "wrong-again")
    hasher.verified.clear()
    with pytest.raises(AuthError) as locked:
        services.staff.login("clerk", "clerk-password")
    assert locked.value.code == "account_locked"
    assert len(hasher.verified) == 1 and hasher.verified[0] != real


def test_unknown_disabled_and_wrong_get_the_same_sentence(services, staff):
    services.staff.set_active(staff["admin"], "clerk2", False)
    sentences = set()
    for username, password in (("nobody", "pw-pw-pw-pw"), ("clerk2", "clerk2-password"), ("clerk", "nope")):
        with pytest.raises(AuthError) as err:
            services.staff.login(username, password)
        sentences.add(err.value.message("it"))
    assert sentences == {"Nome utente o password errati."}
    outcomes = services.db.read(lambda s: list(s.execute(
        select(AuditEvent.outcome).where(AuditEvent.action == "login").order_by(AuditEvent.id)).scalars()))
    assert outcomes[-3:] == ["unknown", "disabled", "failed"]  # the audit log still tells the admin why


def test_a_password_changed_during_the_check_does_not_log_in(services, staff, monkeypatch):
    """The outcome is decided on the row as it is in the write transaction, not as it was read before."""
    class ChangingHasher(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            ok = super().verify(hash, password)
            if ok and password == "clerk-password":  # the admin resets it while argon2 runs
                monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
                services.staff.set_password(staff["admin"], "clerk", "brand-new-password")
            return ok

    monkeypatch.setattr(auth, "_hasher", ChangingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    with pytest.raises(AuthError) as err:
        services.staff.login("clerk", "clerk-password")
    assert err.value.code == "bad_credentials"
    assert services.staff.login("clerk", "brand-new-password").username == "clerk"


def test_an_attempt_that_dies_during_the_check_still_counts(services, staff, monkeypatch):
    """The attempt is counted before argon2 runs: killing the check (here: it raises) cannot reset the allowance."""
    class DyingHasher(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            raise RuntimeError("the desk process died here")

    monkeypatch.setattr(auth, "_hasher", DyingHasher(time_cost=1, memory_cost=1024, parallelism=1))
    for _ in range(2):
        with pytest.raises(RuntimeError):
            services.staff.login("clerk", "any-guess")
    failed = services.db.read(lambda s: s.execute(select(Staff.failed_logins).where(Staff.username == "clerk"))
                              .scalar_one())
    assert failed == 2


# -- eight processes guessing at once ------------------------------------------------------------------------------
def guessing_desk(url: str, home: str, real_hash: str, start: Any) -> dict[str, Any]:
    """One desk PC guessing wrong passwords for ``clerk``; returns its checks of the real hash and its answers."""
    hasher = CountingHasher(**_COSTLY)
    auth._hasher = hasher  # this process's own module: the seam the service uses
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": url}, environ={}))
    codes = []
    try:
        core.db.ping()
        start.wait()  # a barrier: every process is ready, then all guess at once
        for n in range(GUESSES_EACH):
            try:
                core.staff.login("clerk", f"guess-{n}")
                codes.append("ok")
            except AuthError as exc:
                codes.append(exc.code)
    finally:
        core.close()
    return {"checked": sum(1 for h in hasher.verified if h == real_hash), "codes": codes}


#: Costly enough (tens of milliseconds) that eight processes' checks overlap, as at real desks.
_COSTLY: dict[str, Any] = {"time_cost": 2, "memory_cost": 16 * 1024, "parallelism": 1}


@pytest.mark.slow
def test_eight_processes_guessing_one_account_check_at_most_five_passwords(services, system_actor, office, db_url,
                                                                          home, monkeypatch):
    monkeypatch.setattr(auth, "_hasher", PasswordHasher(**_COSTLY))
    services.staff.add_staff(system_actor, "clerk", "Clerk", "clerk", "clerk-password", "LODI")
    real = _password_hash(services, "clerk")
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Barrier(PROCESSES)
    with ctx.Pool(PROCESSES) as pool:
        jobs = [pool.apply_async(guessing_desk, (db_url, str(home), real, start)) for _ in range(PROCESSES)]
        results = [job.get(timeout=300) for job in jobs]

    checked = sum(r["checked"] for r in results)
    codes = [c for r in results for c in r["codes"]]
    assert len(codes) == PROCESSES * GUESSES_EACH and "ok" not in codes
    assert checked == auth.MAX_FAILED_LOGINS, results  # never more, and the lockout came after exactly five
    assert codes.count("bad_credentials") <= auth.MAX_FAILED_LOGINS - 1
    # the audit log agrees: five checked wrong passwords (the fifth locked the account), the rest refused unchecked
    outcomes = dict(services.db.read(lambda s: s.execute(
        select(AuditEvent.outcome, func.count()).where(AuditEvent.action == "login", AuditEvent.actor == "clerk")
        .group_by(AuditEvent.outcome)).all()))
    assert outcomes.get("failed", 0) + outcomes.get("lockout", 0) == auth.MAX_FAILED_LOGINS, outcomes
    assert outcomes.get("lockout") == 1
    locked_until = services.db.read(lambda s: s.execute(select(Staff.locked_until).where(Staff.username == "clerk"))
                                    .scalar_one())
    assert locked_until is not None and locked_until > services.clock.now()
