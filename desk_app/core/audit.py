"""Append-only audit log: refused by the database, keyed hash chain, head kept outside the database.

Three defences, each against someone the one before does not stop:

1. **The database refuses changes** (migration ``0008``): on PostgreSQL triggers raise on ``UPDATE``,
   ``DELETE`` and ``TRUNCATE`` of ``audit_event``; on SQLite ``BEFORE UPDATE``/``BEFORE DELETE`` triggers
   ``RAISE(ABORT)``. That stops an application bug, a careless ``DELETE`` in a SQL console and a database
   account that does not own the table. The owner can drop the triggers: hence 2 and 3.
2. **A keyed chain.** Each row's ``hash`` is HMAC-SHA256, under a secret key kept outside the database,
   over the row's key id, the previous row's hash and the row's canonical JSON. Someone who can write the
   database but cannot read the key can no longer edit a row and recompute the chain (the first releases
   used a public SHA-256 chain: anyone could). ``key_id`` (a fingerprint of the key, not the key) says which
   key signed a row.
3. **A head checkpoint outside the database.** After each commit the appending process writes the id and
   hash of its last row, signed with the key, to a file next to the key (``audit-head-<db>.json``, one per
   database). Deleting rows from the end, or every row, leaves the checkpoint naming a row that is gone,
   and re-growing the chain gives that id another hash: :meth:`AuditLog.verify` reports both. The file is
   replaced atomically (temporary file, then rename), under a file lock, and only ever moves forward, so
   several desk processes on one PC never put it back to an older row.

Where the key lives, and why a file. The key is ``audit.key`` in the PC's config folder (``--home``
moves it with everything else), 32 random bytes in hex, made 0600 on the first append; keys of other
PCs go in ``audit-keys/*.key`` beside it, for verifying only. Not in the database (that is what it must
survive), not in the data folder with the SQLite file and its backups (a copied database or backup, the
likeliest leak, then does not carry it), not in ``settings.toml`` (printed, copied between PCs) and not
in an environment variable (inherited by every child process, seen in crash reports). On one PC with
SQLite this protects against whoever gets the database file or a backup; it does not protect against
someone who can read this OS user's profile (they hold the key too), which is why the database triggers
come first. A shared PostgreSQL office has one chain written by every desk PC, so every PC that verifies
must know every key that signed: give every desk PC the same ``audit.key`` (copy it, 0600, into each
PC's config folder when installing it). A PC that has none makes its own rather than refusing to work
(logging in must not depend on it); its rows then carry its own key id, and ``verify`` elsewhere
reports them as signed with a key it does not hold until that PC's ``audit.key`` is copied into
``audit-keys/`` (an unknown key id is a failure: a forger can invent one too).

Each PC's checkpoint anchors the rows up to the last one *it* appended or verified. On a shared
database, truncating rows written after that by other PCs is seen by the PCs that wrote them (or by a
later ``verify`` here, which also moves this PC's checkpoint to the head it verified).

Rows written before the key (the first releases' unkeyed SHA-256 chain, ``key_id`` NULL) stay as they
are: the first keyed append writes an ``audit.keyed`` row after them, whose keyed hash covers the last
unkeyed row's hash, so rewriting the old segment breaks that row. :meth:`AuditLog.verify` checks the old
segment as a plain SHA-256 chain, counts it as ``legacy`` and refuses any unkeyed row after the key began.

Appends are serialised (PostgreSQL advisory transaction lock; SQLite's ``BEGIN IMMEDIATE``) so the chain
never forks, and ``prev_hash`` is unique as a backstop.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock
from filelock import Timeout as FileLockTimeout
from sqlalchemy import event as orm_event
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desk_app.clock import Clock, SystemClock
from desk_app.db.engine import Database
from desk_app.db.models import AuditEvent
from desk_app.errors import AuditChainError
from desk_app.private_files import PRIVATE_FILE, make_private_folder, restrict

if TYPE_CHECKING:
    from desk_app.core.auth import Actor

log = logging.getLogger(__name__)

GENESIS = "0" * 64
#: Arbitrary constant naming the PostgreSQL advisory lock that serialises audit appends.
_PG_AUDIT_LOCK = 7_240_113
#: This PC's own key, in the config folder.
KEY_FILE = "audit.key"
#: Folder beside it with other PCs' keys (``*.key``), read to verify their rows.
KEYRING_FOLDER = "audit-keys"
_KEY_BYTES = 32
_KEY_ID_LABEL = b"sportello audit key id v1"
#: The action of the row that starts the keyed chain after rows of the unkeyed first releases.
KEY_START_ACTION = "audit.keyed"
#: ``Session.info`` entry: the last row this transaction appended, for the checkpoint after commit.
_PENDING_HEAD = "desk_app.audit_head"


@dataclass(frozen=True)
class AuditActor:
    """Who did it: the staff member, or a named system actor (``cli:root``, ``scheduler``)."""

    name: str
    staff_id: int | None = None
    office_id: int | None = None


def _canonical(at: datetime, prev_hash: str, row: Mapping[str, Any]) -> bytes:
    payload = {
        "at": at.isoformat(timespec="microseconds"),
        "office_id": row["office_id"],
        "actor": row["actor"],
        "staff_id": row["staff_id"],
        "action": row["action"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "outcome": row["outcome"],
        "detail": row["detail"],
    }
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return (prev_hash + body).encode("utf-8")


def _row_hash(key_id: str | None, key: bytes | None, at: datetime, prev_hash: str, row: Mapping[str, Any]) -> str:
    """The row's ``hash``: SHA-256 for an unkeyed (legacy) row, HMAC-SHA256 under ``key`` for a keyed one."""
    canonical = _canonical(at, prev_hash, row)
    if key_id is None or key is None:
        return hashlib.sha256(canonical).hexdigest()
    return hmac.new(key, key_id.encode("ascii") + b"\n" + canonical, hashlib.sha256).hexdigest()


def key_id_of(key: bytes) -> str:
    """The key's public fingerprint stored in ``audit_event.key_id`` (16 hex digits; it does not reveal the key)."""
    return hmac.new(key, _KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def database_identity(db: Database) -> str:
    """Which database a checkpoint belongs to: the SQLite file's absolute path, or PostgreSQL host, port, name."""
    if db.is_sqlite:
        path = db.sqlite_path
        return f"sqlite:{path.resolve() if path is not None else ':memory:'}"
    url = db.url
    return f"postgresql://{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def _write_atomically(folder: Path, target: Path, content: str, *, durable: bool) -> Path:
    """Write ``content`` to a new 0600 temporary file in ``folder`` (``durable``: and sync it); return its path."""
    fd, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


class AuditKeys:
    """The chain's keys held on this PC: its own (to sign) and other PCs' (to verify their rows)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    @property
    def key_file(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def keyring(self) -> Path:
        return self.folder / KEYRING_FOLDER

    @staticmethod
    def _read(path: Path) -> bytes:
        try:
            key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise AuditChainError("audit_key_bad", path=str(path), reason=type(exc).__name__) from exc
        if len(key) < _KEY_BYTES:
            raise AuditChainError("audit_key_bad", path=str(path), reason=f"{len(key)} bytes")
        return key

    def own(self, *, create: bool) -> tuple[str, bytes] | None:
        """This PC's key as ``(key id, key)``; made (0600, atomically) if missing and ``create``, else ``None``.

        Several processes of one PC may race to make it: the file appears whole or not at all
        (``os.link`` of a finished temporary file fails if another got there first), and the loser
        uses the winner's key.
        """
        if not self.key_file.exists():
            if not create:
                return None
            try:
                make_private_folder(self.folder)
                tmp = _write_atomically(self.folder, self.key_file, secrets.token_bytes(_KEY_BYTES).hex() + "\n",
                                        durable=True)  # once per PC, and losing it would orphan every row
                try:
                    os.link(tmp, self.key_file)
                except FileExistsError:
                    pass  # another desk process of this PC made it a moment ago: use that one
                finally:
                    tmp.unlink()
            except OSError as exc:
                raise AuditChainError("audit_key_unwritable", path=str(self.key_file), reason=str(exc)) from exc
            log.info("audit key created: %s", self.key_file)
        restrict(self.key_file)
        key = self._read(self.key_file)
        return key_id_of(key), key

    def held(self) -> dict[str, bytes]:
        """Every key this PC can verify with, by key id: its own and those in :data:`KEYRING_FOLDER`."""
        keys: dict[str, bytes] = {}
        if self.keyring.is_dir():
            for path in sorted(self.keyring.glob("*.key")):
                key = self._read(path)
                keys[key_id_of(key)] = key
        own = self.own(create=False)
        if own is not None:
            keys[own[0]] = own[1]
        return keys


@dataclass(frozen=True)
class Checkpoint:
    """The last row this PC appended or verified, as the checkpoint file holds it."""

    id: int
    hash: str
    key_id: str


class HeadCheckpoint:
    """The head checkpoint file of one database on this PC (see the module docstring, point 3)."""

    def __init__(self, folder: Path, identity: str, keys: AuditKeys | None = None) -> None:
        self.folder = Path(folder)
        self.identity = identity
        #: Where to find the key of a checkpoint signed by an earlier key of this PC (moved to the keyring).
        self.keys = keys
        tag = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
        self.path = self.folder / f"audit-head-{tag}.json"
        self._lock_path = self.folder / f"audit-head-{tag}.lock"

    def _mac(self, key: bytes, id_: int, hash_: str, key_id: str) -> str:
        body = json.dumps({"database": self.identity, "id": id_, "hash": hash_, "key_id": key_id}, sort_keys=True)
        return hmac.new(key, b"checkpoint\n" + body.encode("utf-8"), hashlib.sha256).hexdigest()

    def read(self, keys: Mapping[str, bytes]) -> Checkpoint | None:
        """The checkpoint, ``None`` if this PC has none; :class:`AuditChainError` if it was altered or unreadable.

        ``keys`` are tried first; a checkpoint signed with another key is checked against every key this PC
        holds (its earlier own key, moved into the keyring when the office's shared key was installed).
        """
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AuditChainError("audit_checkpoint_bad", path=str(self.path), reason=str(exc)) from exc
        try:
            data = json.loads(raw)
            found = Checkpoint(int(data["id"]), str(data["hash"]), str(data["key_id"]))
            mac, database = str(data["mac"]), str(data["database"])
        except (ValueError, KeyError, TypeError) as exc:
            raise AuditChainError("audit_checkpoint_bad", path=str(self.path), reason="not a checkpoint") from exc
        key = keys.get(found.key_id)
        if key is None and self.keys is not None:
            key = self.keys.held().get(found.key_id)
        if key is None:
            raise AuditChainError("audit_checkpoint_bad", path=str(self.path), reason=f"key {found.key_id} not held")
        if database != self.identity or not hmac.compare_digest(mac, self._mac(key, found.id, found.hash,
                                                                                 found.key_id)):
            raise AuditChainError("audit_checkpoint_bad", path=str(self.path), reason="signature does not match")
        return found

    def advance(self, key_id: str, key: bytes, id_: int, hash_: str, *, force: bool = False) -> None:
        """Move the checkpoint to row ``id_`` unless it already names that row or a later one.

        Under a file lock shared by this PC's desk processes, so a late writer never puts it back; an
        altered checkpoint is left as it is (it is evidence, and ``verify`` reports it). ``force``
        replaces it whatever it holds (:meth:`AuditLog.reanchor` only, which records what it replaced).
        """
        make_private_folder(self.folder)
        with FileLock(str(self._lock_path), timeout=10, mode=PRIVATE_FILE):
            if not force:
                try:
                    current = self.read({key_id: key})
                except AuditChainError as exc:
                    log.warning("audit checkpoint not moved: %s", exc)
                    return
                if current is not None and current.id >= id_:
                    return
            content = json.dumps({"database": self.identity, "id": id_, "hash": hash_, "key_id": key_id,
                                  "mac": self._mac(key, id_, hash_, key_id)}, indent=1) + "\n"
            # Not synced: that cost 16 ms per event (measured, benchmarks/audit_login_bench.py), and SQLite's own
            # commits (WAL, synchronous=NORMAL) are not synced either: after a power cut the rename keeps the
            # file whole, old or new, and at worst it names a last row the database lost too.
            tmp = _write_atomically(self.folder, self.path, content, durable=False)
            try:
                os.replace(tmp, self.path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise


@dataclass(frozen=True)
class VerifyResult:
    """A chain that verified.

    Attributes:
        count: events in the chain.
        head: the last event's hash.
        legacy: events at its start written before the key (checked as a plain SHA-256 chain, anchored by
            the keyed row that follows them).
        checkpoint: id of the row this PC's checkpoint named (found, with its hash); ``None`` if this PC
            had none yet (then deleting the end of the log could not be ruled out this time).
        key_ids: the keys that signed rows, by key id.
    """

    count: int
    head: str
    legacy: int = 0
    checkpoint: int | None = None
    key_ids: tuple[str, ...] = ()


class AuditLog:
    """Writes and verifies audit events.

    ``key_folder`` holds the key, the other PCs' keys and the checkpoints: the config folder
    (:class:`~desk_app.core.settings.AppPaths`); default the config folder of the user's profile.
    """

    def __init__(self, db: Database, clock: Clock | None = None, *, key_folder: Path | None = None) -> None:
        self.db = db
        self.clock = clock or SystemClock()
        if key_folder is None:
            from desk_app.core.settings import AppPaths

            key_folder = AppPaths.resolve().config
        self.keys = AuditKeys(key_folder)
        self.checkpoint = HeadCheckpoint(Path(key_folder), database_identity(db), self.keys)
        self._signing: tuple[str, bytes] | None = None

    def _signing_key(self) -> tuple[str, bytes]:
        if self._signing is None:
            self._signing = self.keys.own(create=True)
        assert self._signing is not None
        return self._signing

    def record(
        self,
        session: Session,
        actor: AuditActor,
        action: str,
        object_type: str = "",
        object_id: str | int = "",
        *,
        outcome: str = "ok",
        detail: Mapping[str, Any] | None = None,
    ) -> AuditEvent:
        """Append an event inside the caller's write transaction (it commits or rolls back with it).

        Once the transaction commits, this PC's head checkpoint moves to the event. Do not append inside
        a savepoint that may roll back on its own (the checkpoint would name a row that was never kept).
        """
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
        head = session.execute(select(AuditEvent.id, AuditEvent.hash, AuditEvent.key_id)
                               .order_by(AuditEvent.id.desc()).limit(1)).first()
        key_id, key = self._signing_key()
        prev_hash = head.hash if head is not None else GENESIS
        if head is not None and head.key_id is None:  # rows of the unkeyed first releases: start the keyed chain
            marker = self._append(session, key_id, key, prev_hash, AuditActor("system:audit"), KEY_START_ACTION,
                                  "audit_event", head.id, "ok", {"key_id": key_id, "last_unkeyed_row": head.id})
            prev_hash = marker.hash
        added = self._append(session, key_id, key, prev_hash, actor, action, object_type, object_id, outcome,
                             detail)
        if self._checkpoint_holds(session, key_id, key):
            self._checkpoint_after_commit(session, key_id, key, added)
        return added

    def _checkpoint_holds(self, session: Session, key_id: str, key: bytes) -> bool:
        """Whether the row this PC's checkpoint names is still there, unchanged (so moving it on is right).

        Rows are never deleted or rewritten in normal work: if that row is gone or different, the log was
        tampered with (or the database replaced, e.g. by an older copy), and moving the checkpoint past new
        rows would hide it. Then the checkpoint stays as evidence for :meth:`verify` and the event is still
        stored (logging in and working must go on).
        """
        try:
            current = self.checkpoint.read({key_id: key})
        except AuditChainError as exc:
            log.error("audit checkpoint not moved: %s", exc)
            return False
        if current is None:
            return True
        found = session.execute(select(AuditEvent.hash).where(AuditEvent.id == current.id)).scalar()
        if found is None or not hmac.compare_digest(found, current.hash):
            log.error("audit checkpoint %s names row %s, which is missing or changed: not moved (audit verify "
                      "tells more)", self.checkpoint.path, current.id)
            return False
        return True

    def _append(self, session: Session, key_id: str, key: bytes, prev_hash: str, actor: AuditActor, action: str,
                object_type: str, object_id: str | int, outcome: str,
                detail: Mapping[str, Any] | None) -> AuditEvent:
        at = self.clock.now()
        row: dict[str, Any] = {
            "office_id": actor.office_id,
            "actor": actor.name[:64],
            "staff_id": actor.staff_id,
            "action": action[:48],
            "object_type": object_type[:32],
            "object_id": str(object_id)[:64],
            "outcome": outcome[:16],
            "detail": json.loads(json.dumps(dict(detail or {}), default=str)),
        }
        added = AuditEvent(at=at, prev_hash=prev_hash, key_id=key_id,
                           hash=_row_hash(key_id, key, at, prev_hash, row), **row)
        session.add(added)
        session.flush()
        return added

    def _checkpoint_after_commit(self, session: Session, key_id: str, key: bytes, added: AuditEvent) -> None:
        """Move the checkpoint to ``added`` once ``session`` commits (never before: a rolled-back row is no head)."""
        first = _PENDING_HEAD not in session.info
        session.info[_PENDING_HEAD] = (added.id, added.hash)
        if not first:
            return

        def committed(done: Session) -> None:
            head = done.info.pop(_PENDING_HEAD, None)
            if head is None:
                return
            try:
                self.checkpoint.advance(key_id, key, *head)
            except (OSError, FileLockTimeout) as exc:  # the event is stored; the next append or verify moves it
                log.warning("audit checkpoint %s not written: %s", self.checkpoint.path, exc)

        def rolled_back(done: Session) -> None:
            done.info.pop(_PENDING_HEAD, None)

        orm_event.listen(session, "after_commit", committed)
        orm_event.listen(session, "after_rollback", rolled_back)

    def record_now(self, actor: AuditActor, action: str, object_type: str = "", object_id: str | int = "",
                   *, outcome: str = "ok", detail: Mapping[str, Any] | None = None) -> None:
        """Append an event in a transaction of its own (for refusals, whose own transaction rolled back)."""
        self.db.write(lambda s: self.record(s, actor, action, object_type, object_id, outcome=outcome, detail=detail))

    def verify(self, actor: Actor) -> VerifyResult:
        """Walk the whole chain and check it against this PC's keys and checkpoint.

        Raises :class:`AuditChainError` naming the first row that was edited, inserted or deleted
        (``audit_row_changed``, ``audit_row_missing``), an unkeyed row after the keyed chain began
        (``audit_unkeyed``), a row signed with a key this PC does not hold (``audit_unknown_key``), a
        checkpoint whose row is missing (``audit_truncated``: the end or all of the log was deleted) or
        different (``audit_row_changed``), and a checkpoint file that was altered (``audit_checkpoint_bad``).
        On success this PC's checkpoint moves to the head it verified.

        Needs ``verify_audit``. The chain is one for the whole database (every office appends to it),
        so there is no office to check: the result holds counts and hashes, nothing personal.
        """
        from desk_app.core.auth import Authorizer  # auth.py imports this module

        Authorizer(self).require(actor, "verify_audit", "audit")
        keys = self.keys.held()
        checkpoint = self.checkpoint.read(keys)
        result, last_id = self.db.read(lambda session: self._walk(session, keys, checkpoint))
        if last_id is not None:
            key_id, key = self._signing_key()
            try:
                self.checkpoint.advance(key_id, key, last_id, result.head)
            except (OSError, FileLockTimeout) as exc:
                log.warning("audit checkpoint %s not written: %s", self.checkpoint.path, exc)
        return result

    def reanchor(self, actor: Actor) -> VerifyResult:
        """Accept the end of the log as it is now, on record: after restoring an older copy of the database.

        A restore (or a database replaced at the same place) loses the events after the copy was taken,
        so this PC's checkpoint names a row that is gone, and :meth:`verify` keeps saying so. This checks
        every row and key as :meth:`verify` does, but not the checkpoint; then appends ``audit.reanchor``,
        whose detail keeps the checkpoint it replaces (so the gap stays in the log, signed), and moves the
        checkpoint to that event. A chain that is broken inside is refused as by :meth:`verify`.

        Needs ``manage_db`` (it is what follows a ``db restore``); database-wide like :meth:`verify`.
        """
        from desk_app.core.auth import Authorizer  # auth.py imports this module

        Authorizer(self).require(actor, "manage_db", "audit")
        keys = self.keys.held()
        try:
            replaced: dict[str, Any] = {}
            old = self.checkpoint.read(keys)
            if old is not None:
                replaced = {"id": old.id, "hash": old.hash, "key_id": old.key_id}
        except AuditChainError as exc:
            replaced = {"unreadable": exc.code}
        self.db.read(lambda session: self._walk(session, keys, None))
        key_id, key = self._signing_key()

        def work(session: Session) -> AuditEvent:
            return self.record(session, actor.audit, "audit.reanchor", "audit_event", "",
                               detail={"replaced_checkpoint": replaced})

        added = self.db.write(work)
        self.checkpoint.advance(key_id, key, added.id, added.hash, force=True)
        return self.verify(actor) if actor.can("verify_audit") else VerifyResult(0, added.hash)

    def _walk(self, session: Session, keys: Mapping[str, bytes],
              checkpoint: Checkpoint | None) -> tuple[VerifyResult, int | None]:
        """Check every row against ``keys`` (and ``checkpoint``, if any); the result and the last row's id."""
        expected_prev = GENESIS
        count = legacy = 0
        last_id: int | None = None
        keyed = anchored = False
        signed: list[str] = []
        for row in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars().yield_per(1000):
            if row.prev_hash != expected_prev:
                raise AuditChainError("audit_row_missing", id=row.id)
            key: bytes | None = None
            if row.key_id is None:
                if keyed:
                    raise AuditChainError("audit_unkeyed", id=row.id)
                legacy += 1
            else:
                keyed = True
                key = keys.get(row.key_id)
                if key is None:
                    raise AuditChainError("audit_unknown_key", id=row.id, key_id=row.key_id,
                                          folder=str(self.keys.keyring))
                if row.key_id not in signed:
                    signed.append(row.key_id)
            content = {"office_id": row.office_id, "actor": row.actor, "staff_id": row.staff_id,
                       "action": row.action, "object_type": row.object_type, "object_id": row.object_id,
                       "outcome": row.outcome, "detail": row.detail}
            if not hmac.compare_digest(_row_hash(row.key_id, key, row.at, row.prev_hash, content), row.hash):
                raise AuditChainError("audit_row_changed", id=row.id)
            if checkpoint is not None and row.id == checkpoint.id:
                if not hmac.compare_digest(row.hash, checkpoint.hash):
                    raise AuditChainError("audit_row_changed", id=row.id)
                anchored = True
            expected_prev = row.hash
            last_id = row.id
            count += 1
        if checkpoint is not None and not anchored:
            raise AuditChainError("audit_truncated", id=checkpoint.id, last=last_id or 0)
        result = VerifyResult(count, expected_prev, legacy, checkpoint.id if checkpoint else None, tuple(signed))
        return result, last_id
