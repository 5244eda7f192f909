"""The one adapter from the core's change feed to Qt signals.

:class:`~desk_app.db.feed.ChangeFeed` calls back on its own daemon thread. This
object lives on the UI thread, so signals emitted from the feed thread are
queued and their slots run on the UI thread, where widgets may be touched.
The :class:`~desk_app.gui.runtime.Runtime` owns the one feed of the app and
re-emits its changes to the views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desk_app.clock import Clock
    from desk_app.db.engine import Database
    from desk_app.db.feed import Change, ChangeFeed

#: SQLite ``PRAGMA data_version`` polling period of a desk window, seconds. The poll reads a counter in shared
#: memory (a few microseconds, no table read), so 40 polls a second cost nothing measurable, while the core's
#: default of 100 ms added up to 100 ms (50 on average) between another desk's commit and this desk seeing it.
#: PostgreSQL does not poll: LISTEN wakes the feed at once.
DESK_POLL_INTERVAL = 0.025


class LiveFeed(QObject):
    """Every change another desk (or this one) commits, as Qt signals.

    Args:
        db: the database to listen to.
        office_id: only this office's changes are delivered.
        poll_interval: SQLite ``data_version`` polling period, seconds (default :data:`DESK_POLL_INTERVAL`).
        clock: stamps the feed's own ``resync`` changes (the core's clock).

    Signals:
        changed(list): a batch of :class:`~desk_app.db.feed.Change`, in commit order.
            A ``resync`` change means changes may have been missed (after a reconnection): reload.
        connection_changed(bool): the listening connection was lost (``False``) or is back (``True``).
    """

    changed = Signal(list)
    connection_changed = Signal(bool)

    def __init__(self, db: Database, office_id: int, poll_interval: float = DESK_POLL_INTERVAL,
                 parent: QObject | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        from desk_app.db.feed import ChangeFeed  # SQLAlchemy is loaded by now; keep it off the startup path

        self._feed: ChangeFeed = ChangeFeed(db, office_id, poll_interval=poll_interval,
                                            on_status=self.connection_changed.emit, clock=clock)

    def listen(self) -> None:
        """Connect and start listening (the work of an operation: connecting may wait for a down server).

        Run it on the background worker: work submitted after it runs after the feed listens, so a load
        submitted next cannot miss a change committed in between.
        """
        self._feed.start(self._deliver)

    def _deliver(self, changes: list[Change]) -> None:
        self.changed.emit(changes)  # from the feed thread: queued to the UI thread

    def stop(self) -> None:
        """Stop listening (waits up to 2 s for the feed thread); harmless if it never started."""
        self._feed.stop()
