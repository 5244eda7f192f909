"""The database password and TLS (issue 17, item 4).

* The password is never in ``settings.toml``, the process list (``--db``) or any output: it lives in the system
  keyring (``keyring``) or, where there is none, a 0600 libpq pgpass file in the config folder.
* ``sslmode=verify-full`` against a real PostgreSQL server with a certificate of our own CA: this module starts a
  throwaway cluster (``initdb``/``pg_ctl`` in a temporary folder, a free port, ``ssl=on``, TLS-only ``pg_hba.conf``
  with SCRAM passwords), so the password really is needed and really comes from the pgpass file or the keyring.
  Without ``initdb`` those tests are skipped loudly, and fail under ``CI=true``.
"""

from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import socket
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from cli_support import Cli
from keyring.backend import KeyringBackend
from keyring.backends import null

from desk_app.db import credentials
from desk_app.db.engine import Database
from desk_app.errors import DatabaseError, ValidationError

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SUPERUSER_PASSWORD = "tls-test-Secret-42"


# -- a keyring for the test: the keyring package's own backend API, kept in memory -------------------------------
class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps its secrets in this process (what the Secret Service does on a desktop)."""

    priority = 5  # type: ignore[assignment]  # keyring declares it a class property

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine without a keyring (a server, a container): the pgpass file is used."""
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


# -- a throwaway PostgreSQL cluster with TLS -----------------------------------------------------------------------
@dataclass(frozen=True)
class TlsServer:
    port: int
    ca: Path
    wrong_ca: Path

    def url(self, host: str = "localhost", ca: Path | None = None, sslmode: str = "verify-full") -> str:
        return (f"postgresql://postgres@{host}:{self.port}/postgres?sslmode={sslmode}"
                f"&sslrootcert={ca or self.ca}")


def _no_server(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(f"SKIPPING THE POSTGRESQL TLS TESTS - {reason}")


def _certificates(folder: Path) -> tuple[Path, Path, Path, Path]:
    """A CA, a server certificate for ``localhost`` signed by it, and a second, unrelated CA."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)  # certificates are checked against the real clock by OpenSSL, not ours
    valid = (now - dt.timedelta(days=1), now + dt.timedelta(days=3650))  # faketime +400 days stays inside

    def ca(name: str) -> tuple[Any, Any]:
        key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(valid[0]).not_valid_after(valid[1])
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                             data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                             crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(key, hashes.SHA256()))
        return key, cert

    ca_key, ca_cert = ca("Sportello test CA")
    _, other_cert = ca("Somebody else's CA")
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_cert.subject).public_key(server_key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(valid[0]).not_valid_after(valid[1])
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    paths = folder / "ca.crt", folder / "other-ca.crt", folder / "server.crt", folder / "server.key"
    paths[0].write_bytes(ca_cert.public_bytes(pem))
    paths[1].write_bytes(other_cert.public_bytes(pem))
    paths[2].write_bytes(server_cert.public_bytes(pem))
    paths[3].write_bytes(server_key.private_bytes(pem, serialization.PrivateFormat.TraditionalOpenSSL,
                                                  serialization.NoEncryption()))
    return paths


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    """A PostgreSQL cluster of its own, TLS only, SCRAM passwords, on a free port; stopped and removed after."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
                   if p.split("/")[4].isdigit() else 0) or ([shutil.which("initdb")] if shutil.which("initdb") else [])
    if not found:
        _no_server("no initdb (install the PostgreSQL server package)")
    bindir = Path(found[-1]).parent
    run_as: dict[str, Any] = {}
    owner = None
    if os.geteuid() == 0:  # initdb refuses root: the cluster runs as the postgres system user
        import pwd

        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _no_server("running as root and there is no 'postgres' system user to run the cluster as")
        assert owner is not None
        run_as = {"user": owner.pw_uid, "group": owner.pw_gid}
    root = Path(tempfile.mkdtemp(prefix="sportello-tls-"))
    data = root / "data"
    client = root / "client"
    client.mkdir()
    ca, wrong_ca, server_crt, server_key = _certificates(client)
    pwfile = root / "pw"
    pwfile.write_text(SUPERUSER_PASSWORD + "\n", encoding="utf-8")
    shutil.move(server_crt, root / "server.crt")
    shutil.move(server_key, root / "server.key")
    os.chmod(root / "server.key", 0o600)
    if owner is not None:
        for path in (root, pwfile, root / "server.crt", root / "server.key"):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    port = _free_port()

    def run(*command: str) -> None:
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd=root, **run_as)

    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth-local=trust",
            "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "--no-sync")
        (data / "pg_hba.conf").write_text(
            "local all all trust\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
            "hostssl all all ::1/128 scram-sha-256\n", encoding="utf-8")  # no plain-text host line: TLS or nothing
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(f"\nport = {port}\nlisten_addresses = 'localhost'\nunix_socket_directories = '{root}'\n"
                       f"ssl = on\nssl_cert_file = '{root / 'server.crt'}'\nssl_key_file = '{root / 'server.key'}'\n"
                       "fsync = off\nshared_buffers = 16MB\nmax_connections = 20\n")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "-t", "60", "start")
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"the throwaway PostgreSQL did not start: {exc.stderr!r} {log}")
    try:
        yield TlsServer(port, ca, wrong_ca)
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], capture_output=True,
                       timeout=60, cwd=root, **run_as)
        shutil.rmtree(root, ignore_errors=True)


def ssl_in_use(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(conn.exec_driver_sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar())


# -- TLS -----------------------------------------------------------------------------------------------------------
def test_verify_full_connects_to_the_right_server(tls_server: TlsServer, tmp_path: Path, no_keyring: None) -> None:
    passfile = tmp_path / "pgpass"
    credentials.write_pgpass(passfile, Database(tls_server.url()).url, SUPERUSER_PASSWORD)
    db = Database(tls_server.url(), passfile=passfile)
    try:
        db.ping()
        assert ssl_in_use(db)
        assert SUPERUSER_PASSWORD not in db.describe()
    finally:
        db.dispose()


@pytest.mark.parametrize(("host", "wrong_ca", "expected"), [
    ("localhost", True, "certificate verify failed"),
    ("127.0.0.1", False, "does not match host name"),
])
def test_verify_full_refuses_a_wrong_ca_or_name_with_one_sentence(tls_server: TlsServer, tmp_path: Path, host: str,
                                                                  wrong_ca: bool, expected: str) -> None:
    db = Database(tls_server.url(host, tls_server.wrong_ca if wrong_ca else None), passfile=tmp_path / "none")
    try:
        with pytest.raises(DatabaseError) as refused:
            db.ping()
    finally:
        db.dispose()
    assert refused.value.code == "db_tls"
    text = refused.value.message("it")
    assert text.startswith("Il certificato del server di database è stato rifiutato") and expected in text
    assert "\n" not in text


def test_the_server_takes_no_plain_connection_and_no_missing_password(tls_server: TlsServer, tmp_path: Path,
                                                                       no_keyring: None) -> None:
    for url in (tls_server.url(sslmode="disable"), tls_server.url()):  # no TLS; TLS but no password anywhere
        db = Database(url, passfile=tmp_path / "absent")
        try:
            with pytest.raises(DatabaseError) as refused:
                db.ping()
        finally:
            db.dispose()
        assert refused.value.code == "db_unreachable"


def test_desk_admin_keeps_the_password_in_pgpass_and_never_shows_it(tls_server: TlsServer, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str],
                                                                    no_keyring: None,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    cli = Cli(home, tls_server.url(), capsys).system
    code, out, err = cli("config", "--db-password", "--password-stdin", stdin=SUPERUSER_PASSWORD)
    passfile = home / "config" / "pgpass"
    assert code == 0 and f"Password del database salvata in: {passfile}" in out
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert SUPERUSER_PASSWORD in passfile.read_text(encoding="utf-8")
    code, out, err = cli("db", "upgrade")  # libpq reads the pgpass file; TLS verified
    assert code == 0, err
    code, out, _ = cli("config")
    assert code == 0 and f"db_password = {passfile}" in out
    for text in (out, err, *(p.read_text(encoding="utf-8") for p in (home / "config").glob("*.toml"))):
        assert SUPERUSER_PASSWORD not in text
    # the change feed's own listening connection gets the same TLS parameters and password file
    from desk_app.db.feed import ChangeFeed

    db = Database(tls_server.url(), passfile=passfile)
    feed = ChangeFeed(db)
    try:
        feed.start_listening()
        assert feed._conn is not None and feed._conn.pgconn.ssl_in_use
    finally:
        feed.stop()
        db.dispose()


def test_a_password_from_the_keyring_is_used_and_never_shown(tls_server: TlsServer, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"
    cli = Cli(home, tls_server.url(), capsys).system
    code, out, _ = cli("config", "--db-password", "--password-stdin", stdin=SUPERUSER_PASSWORD)
    assert code == 0 and "Password del database salvata in: keyring" in out
    key = f"postgres@localhost:{tls_server.port}/postgres"
    assert memory_keyring.secrets == {(credentials.KEYRING_SERVICE, key): SUPERUSER_PASSWORD}
    assert not (home / "config" / "pgpass").exists()
    code, out, err = cli("db", "check")
    assert code == 0 and SUPERUSER_PASSWORD not in out + err
    code, out, _ = cli("--json", "config")
    assert '"db_password": "keyring"' in out and SUPERUSER_PASSWORD not in out


def test_a_url_with_its_password_may_come_on_standard_input(tls_server: TlsServer, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str], no_keyring: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """``--db -``: the URL, password included, from stdin's first line, so it never is an argument (``ps``)."""
    import io

    from desk_app.cli import main

    with_password = tls_server.url().replace("postgres@", f"postgres:{SUPERUSER_PASSWORD}@")
    monkeypatch.setattr("sys.stdin", io.StringIO(with_password + "\n"))
    argv = ["--home", str(tmp_path / "home"), "--db", "-", "--system", "db", "check"]
    assert main(argv) == 0 and not any(SUPERUSER_PASSWORD in a for a in argv)
    out, err = capsys.readouterr()
    assert "Database in ordine." in out and SUPERUSER_PASSWORD not in out + err


# -- no password in arguments, settings or output (no server needed) ----------------------------------------------
@pytest.mark.parametrize("args", [
    ("--db", "postgresql://sportello:s3cret-pw@db-server/sportello", "--system", "db", "check"),
    ("--system", "config", "db_url=postgresql://sportello:s3cret-pw@db-server/sportello"),
])
def test_a_password_in_the_url_is_refused(args: tuple[str, ...], tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from desk_app.cli import main

    home = tmp_path / "home"
    assert main(["--home", str(home), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "s3cret-pw" not in err
    assert err.startswith("desk-admin: La password del database non va scritta nell'URL")
    assert not any("s3cret-pw" in p.read_text(errors="replace") for p in home.rglob("*") if p.is_file())


def test_a_password_left_in_an_old_settings_file_is_moved_out(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              no_keyring: None) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    settings_file = home / "config" / "settings.toml"
    settings_file.write_text('db_url = "postgresql://sportello:old:pw@db-server:5433/sportello"\n', encoding="utf-8")
    from desk_app.cli import main

    code = main(["--home", str(home), "--system", "config"])
    out, err = capsys.readouterr()
    passfile = home / "config" / "pgpass"
    assert code == 0 and f"spostata in: {passfile}" in out
    assert "old:pw" not in settings_file.read_text(encoding="utf-8") and "old:pw" not in out + err
    assert passfile.read_text(encoding="utf-8") == "db-server:5433:sportello:sportello:old\\:pw\n"
    assert "db_url = 'postgresql://sportello@db-server:5433/sportello'" in out
    assert credentials.password_source(Database("postgresql://sportello@db-server:5433/sportello").url,
                                       passfile) == str(passfile)


def test_a_bad_url_is_named_without_its_password() -> None:
    with pytest.raises(DatabaseError) as refused:
        Database("postgresql://sportello:s3cret-pw@db-server:notaport/sportello")
    assert "s3cret-pw" not in refused.value.message("it")


def test_validation_error_is_raised_before_anything_is_written(tmp_path: Path) -> None:
    from desk_app.core.settings import Settings

    settings = Settings.load(home=tmp_path / "h", environ={})
    with pytest.raises(ValidationError) as refused:
        settings.save(db_url="postgresql://u:pw123456@h/d")
    assert refused.value.code == "password_in_url"
    assert not settings.paths.settings_file.exists()
