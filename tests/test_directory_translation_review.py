"""``desk-admin translations review --directory`` marks the services directory's drafts reviewed (issue 15): the
texts of the coverage table's ``DIR`` document, and nothing of the procedures' sheets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk_app.core.auth import Actor
from desk_app.core.directory import directory_keys
from desk_app.core.services import CoreServices


def test_cli_reviews_the_directory(services: CoreServices, staff: dict[str, Actor], system_actor: Actor,
                                   tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli_support import Cli

    url = services.db.url.render_as_string(hide_password=False)
    if not url.startswith("sqlite"):
        pytest.skip("the CLI writes the same rows on PostgreSQL; checked once, on the SQLite file")
    services.content.load(system_actor)
    services.directory.load_file(staff["admin"])
    before = services.translations.statuses("en")
    keys = directory_keys(services.content.texts("it"))
    drafts = [k for k in keys if before.get(k) == "draft"]
    assert drafts  # the demo directory ships English drafts
    assert services.translations.coverage()["DIR"]["en"].counts.get("draft") == len(drafts)
    supervisor = Cli(tmp_path, url, capsys).as_user("supervisor", "supervisor-password")
    code, out, err = supervisor("translations", "review", "--lang", "en", "--directory", json_output=True)
    assert code == 0, err
    data = json.loads(out)
    assert data["reviewed"] == len(drafts)
    after = services.translations.statuses("en")
    assert all(after[k] == "reviewed" for k in drafts)
    assert services.translations.coverage()["DIR"]["en"].counts.get("draft", 0) == 0
    # the procedures' sheets are untouched
    assert {k for k, v in before.items() if v == "draft" and not k.startswith("dir.")} \
        == {k for k, v in after.items() if v == "draft"}
