"""Calling ``desk-admin`` in tests the way a person does: as a staff member with a password, or ``--system``.

``desk-admin`` has no default actor (issue 17): every command that acts for someone needs ``--user NAME``
and that person's password, or the machine owner's ``--system``. :class:`Cli` runs :func:`desk_app.cli.main`
in-process over a test's ``--home`` and database, feeding the password on standard input
(``--password-stdin``, the first line) exactly as a script would::

    cli = Cli(home, db_url, capsys)
    cli.system("setup", "--file", "office.toml", "--admin", "admin", "--password-stdin", stdin=ADMIN_PASSWORD)
    admin = cli.as_user("admin", ADMIN_PASSWORD)
    code, out, err = admin("staff", "list", json_output=True)

A command's own standard input (the new password of ``staff add --password-stdin``) follows on the next line
(``stdin=``).
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desk_app.cli import main
from desk_app.core.demo import DEMO_PASSWORD

#: The first administrator the CLI tests create with ``--system setup ... --admin admin``.
ADMIN = "admin"
ADMIN_PASSWORD = "admin-password-1"
__all__ = ["ADMIN", "ADMIN_PASSWORD", "DEMO_PASSWORD", "Cli"]


@dataclass(frozen=True)
class Cli:
    """``desk-admin --home HOME --db URL [--user NAME --password-stdin | --system] ARGS``, run in-process.

    Calling it returns ``(exit code, stdout, stderr)``. Without an identity (:meth:`anonymous`) it passes none,
    as for commands that act for nobody (``legalisation``) or to test the refusal.
    """

    home: Path
    db_url: str
    capsys: Any
    user: str | None = None
    password: str | None = None
    system_mode: bool = False

    def as_user(self, user: str, password: str) -> Cli:
        """The same command line acting as staff member ``user``, logging in with ``password``."""
        return replace(self, user=user, password=password, system_mode=False)

    @property
    def system(self) -> Cli:
        """The same command line in the machine owner's ``--system`` mode."""
        return replace(self, user=None, password=None, system_mode=True)

    @property
    def anonymous(self) -> Cli:
        """The same command line with no identity at all."""
        return replace(self, user=None, password=None, system_mode=False)

    def argv(self, *args: str, json_output: bool = False) -> list[str]:
        argv = ["--home", str(self.home), "--db", self.db_url] + (["--json"] if json_output else [])
        if self.system_mode:
            argv.append("--system")
        elif self.user is not None:
            argv += ["--user", self.user, "--password-stdin"]
        return argv + list(args)

    def __call__(self, *args: str, json_output: bool = False, stdin: str | None = None) -> tuple[int, str, str]:
        lines = [self.password or ""] if self.user is not None and not self.system_mode else []
        if stdin is not None:
            lines.append(stdin)
        previous = sys.stdin
        if lines:
            sys.stdin = io.StringIO("".join(f"{line}\n" for line in lines))
        try:
            code = main(self.argv(*args, json_output=json_output))
        finally:
            sys.stdin = previous
        out, err = self.capsys.readouterr()
        return code, out, err
