"""The database stops answering: a banner, actions disabled, nothing typed lost, reconnection by itself.

The window reaches PostgreSQL through a small TCP proxy of this test. Closing
the proxy (and cutting its open connections) is what a dead server or network
looks like to the app, and it leaves the shared server on 5432 alone.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from .conftest import WAIT_MS, press


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; :meth:`stop` refuses and cuts connections, :meth:`start` reopens."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._server: socket.socket | None = None
        self._links: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(16)
        self.port = server.getsockname()[1]
        self._server = server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return  # closed by stop()
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._links += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        if self._server is not None:
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() so the port is freed
            self._server.close()
            self._server = None
        with self._lock:
            links, self._links = self._links, []
        for sock in links:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


@pytest.fixture
def backend() -> str:
    """This test is about a server going away: PostgreSQL only."""
    return "postgresql"


@pytest.fixture
def proxy(pg_url: str) -> Iterator[TcpProxy]:
    tcp = TcpProxy(("127.0.0.1", 5432))
    tcp.start()
    yield tcp
    tcp.stop()


@pytest.mark.postgres
def test_banner_while_the_database_is_away(qtbot: QtBot, open_desk: Any, log_in: Any, proxy: TcpProxy,
                                           pg_url: str, staff: Any, services: Any) -> None:
    services.queue.issue_ticket(staff["clerk2"], "RF")
    url = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    desk = open_desk("D1", url=url)
    desk.window.runtime.retry_interval_ms = 300
    log_in(desk, "clerk")
    window, workspace = desk.window, desk.workspace
    assert not window.banner.isVisible()
    press(qtbot, desk, Qt.Key.Key_F2)
    assert window.walk_in is not None
    window.walk_in.language_buttons["uk"].click()  # the clerk has started a ticket for someone

    proxy.stop()
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert not workspace.counter_actions["call_next"].isEnabled()
    assert not any(b.isEnabled() for b in window.walk_in.service_buttons.values())
    services.queue.issue_ticket(staff["clerk2"], "RF")  # the office goes on working meanwhile

    proxy.start()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: workspace.counter_actions["call_next"].isEnabled(), timeout=WAIT_MS)
    assert window.walk_in.chosen_language() == "uk"  # nothing typed was lost
    # What happened while away shows up (the feed resynchronised), and the counter works again.
    qtbot.waitUntil(lambda: workspace.tickets_model.rowCount() == 2, timeout=WAIT_MS)
    window.walk_in.close()
    press(qtbot, desk, Qt.Key.Key_F5)
    assert workspace.current is not None and workspace.current.number == "R001"
    assert [kind for kind, _, _ in desk.dialogs.shown] == []


@pytest.mark.postgres
def test_down_at_start_the_window_waits_and_connects_by_itself(qtbot: QtBot, open_desk: Any, log_in: Any,
                                                               proxy: TcpProxy, pg_url: str, staff: Any) -> None:
    """The runtime's boot: the login page says the database does not answer, and it tries again until it does."""
    url = pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    proxy.stop()
    desk = open_desk("D1", url=url, wait_ready=False)
    page = desk.window.login_page
    qtbot.waitUntil(lambda: "raggiungibile" in page.ui.officeLabel.text(), timeout=WAIT_MS)
    assert not page.ui.loginButton.isEnabled()
    with qtbot.waitSignal(desk.window.ready, timeout=WAIT_MS):
        proxy.start()  # the next attempt (every few seconds) gets through
    assert page.ui.loginButton.isEnabled()
    log_in(desk, "clerk")
    assert desk.window.workspace is not None and desk.dialogs.shown == []
