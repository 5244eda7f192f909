"""``desk-admin directory list|search|show|publish|withdraw|confirm|link-partner|load`` (issue 15), both backends."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from cli_support import ADMIN, ADMIN_PASSWORD, Cli

from desk_app.core.directory import DEMO_NAMESPACE

SETUP_TOML = """
[office]
code = "LODI"
name = "Prefettura di Lodi"

[[service]]
code = "RF"
name = "Ricongiungimento familiare"
prefix = "R"
"""


@pytest.fixture
def admin(home: Path, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    cli = Cli(home, db_url, capsys)
    path = tmp_path / "office.toml"
    path.write_text(SETUP_TOML, encoding="utf-8")
    assert cli.system("setup", "--file", str(path), "--admin", ADMIN, "--password-stdin", stdin=ADMIN_PASSWORD)[0] == 0
    return cli.as_user(ADMIN, ADMIN_PASSWORD)


def test_the_office_reviews_the_directory_from_the_command_line(admin: Cli) -> None:
    code, out, _ = admin("directory", "load", json_output=True)
    assert code == 0 and json.loads(out)["services"] >= 20
    code, out, _ = admin("directory", "list", json_output=True)
    entries = json.loads(out)
    assert code == 0 and len(entries) >= 20 and {e["state"] for e in entries} == {"published"}
    code, out, _ = admin("directory", "search", "corsi", "italiano", json_output=True)
    found = json.loads(out)
    assert code == 0 and found[0]["organisation"]["name"] == "CPIA Lodi"
    uid = found[0]["uid"]
    code, out, _ = admin("directory", "show", uid, "--lang", "en")
    assert code == 0 and "Italian courses" in out and "Via Salvemini 3" in out
    assert admin("directory", "withdraw", uid, "--reason", "sospeso")[0] == 0
    code, out, _ = admin("directory", "list", "--state", "withdrawn", json_output=True)
    assert [e["uid"] for e in json.loads(out)] == [uid]
    assert admin("directory", "search", "corsi", "italiano", "--place", "Lodi", json_output=True)[1].count(uid) == 0
    assert admin("directory", "publish", uid)[0] == 0
    code, out, _ = admin("directory", "confirm", uid, json_output=True)
    assert code == 0 and json.loads(out)["needs_reconfirmation"] is False
    assert admin("directory", "search", "zzzz")[0] == 3  # nothing found: "nothing to do"


def test_a_partner_is_linked_and_refused_elsewhere(admin: Cli) -> None:
    assert admin("directory", "load")[0] == 0
    assert admin("staff", "add", "partner1", "--name", "CPIA", "--role", "partner", "--password-stdin",
                 stdin="partner-password-1")[0] == 0
    cpia = str(uuid.uuid5(DEMO_NAMESPACE, "organisation:cpia-lodi"))
    code, out, _ = admin("directory", "link-partner", "partner1", cpia)
    assert code == 0 and "CPIA Lodi" in out
    partner = admin.as_user("partner1", "partner-password-1")
    code, out, _ = partner("directory", "list", json_output=True)
    assert code == 0 and {e["organisation"]["name"] for e in json.loads(out)} == {"CPIA Lodi"}
    code, _, err = partner("directory", "publish", json.loads(out)[0]["uid"])
    assert code == 2 and err.count("\n") == 1  # one clear line, refused in the core
    code, _, err = admin("directory", "link-partner", "admin", cpia)
    assert code == 2 and err.strip()
    code, _, err = admin("directory", "show", "not-a-uid")
    assert code == 2 and "not-a-uid" in err


def test_a_pending_revision_is_listed_and_rejected_from_the_command_line(admin: Cli, home: Path,
                                                                          db_url: str) -> None:
    import dataclasses

    from desk_app.core.directory_types import Localised
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings

    assert admin("directory", "load")[0] == 0
    assert admin("staff", "add", "partner1", "--name", "CPIA", "--role", "partner", "--password-stdin",
                 stdin="partner-password-1")[0] == 0
    cpia = str(uuid.uuid5(DEMO_NAMESPACE, "organisation:cpia-lodi"))
    assert admin("directory", "link-partner", "partner1", cpia)[0] == 0
    core = CoreServices.build(Settings.load(home=home, overrides={"db_url": db_url}, environ={}))
    try:
        partner = core.staff.login("partner1", "partner-password-1")
        entry = core.directory.services(partner)[0]
        italian = dict(entry.texts["it"]) | {"cost": Localised("Contributo di 20 euro.", "it")}
        core.directory.put_service(partner, dataclasses.replace(entry, texts={"it": italian}))
    finally:
        core.close()
    code, out, _ = admin("directory", "list", "--revised", json_output=True)
    listed = json.loads(out)
    assert code == 0 and [e["uid"] for e in listed] == [entry.uid] and listed[0]["state"] == "published"
    code, out, _ = admin("directory", "list", "--revised")
    assert code == 0 and "✎" in out
    code, out, _ = admin("directory", "reject-revision", entry.uid, "--reason", "costo da verificare",
                         json_output=True)
    assert code == 0 and json.loads(out)["revision"] is None
    assert json.loads(admin("directory", "list", "--revised", json_output=True)[1]) == []
    code, _, err = admin("directory", "reject-revision", entry.uid)
    assert code != 0 and err.count("\n") == 1  # nothing pending: one clear line
