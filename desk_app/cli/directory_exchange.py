"""``desk-admin directory`` exchange commands (issue 15): HSDS 3.0 files, the partners' spreadsheet, the public site.

``directory export-hsds FILE`` writes the published entries as HSDS 3.0 JSON; ``directory import-hsds FILE`` reads
one (every entry checked first, then written for review); ``directory template FILE [--filled]`` writes the XLSX
template partners fill offline (``--filled``: with the entries the acting person may edit); ``directory
import-xlsx FILE`` imports a filled one, printing every wrong cell by sheet, row and column; ``directory site FOLDER
--base-url URL`` writes the static multilingual site of the published entries.

Published entries are public information (the site shows them to anyone): exporting them and building the site
need no actor; importing and a filled template need ``--user`` (office staff or a partner).

The ``directory`` command group may be made by the directory's own commands too: :func:`directory_group` returns it
whichever module comes first, so both add their sub-commands to one group.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desk_app.cli import CliContext, DeskAdmin
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import output_file


def directory_group(commands: argparse._SubParsersAction[argparse.ArgumentParser]
                    ) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The sub-commands of ``desk-admin directory``: made here if no module made the group yet."""
    parser = commands.choices.get("directory")
    if parser is None:
        parser = commands.add_parser("directory", help="territorial services directory")
        parser.add_subparsers(dest="directory_command", required=True)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("the directory command has no sub-commands")  # pragma: no cover - a bug of ours


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = directory_group(commands)
    export = group.add_parser("export-hsds", help="published entries as HSDS 3.0 JSON")
    export.add_argument("file", metavar="FILE.json")
    export.add_argument("--office", metavar="CODE")
    export.set_defaults(func=export_hsds)
    import_ = group.add_parser("import-hsds", help="read an HSDS 3.0 JSON file (entries go to review)")
    import_.add_argument("file", metavar="FILE.json")
    import_.set_defaults(func=import_hsds)
    template = group.add_parser("template", help="the XLSX template partners fill offline")
    template.add_argument("file", metavar="FILE.xlsx")
    template.add_argument("--filled", action="store_true",
                          help="with the entries you may edit (a partner: your organisation's)")
    template.set_defaults(func=write_template)
    xlsx = group.add_parser("import-xlsx", help="read a filled XLSX template (entries go to review)")
    xlsx.add_argument("file", metavar="FILE.xlsx")
    xlsx.set_defaults(func=import_xlsx)
    site = group.add_parser("site", help="the static multilingual site of the published entries")
    site.add_argument("folder", metavar="FOLDER")
    site.add_argument("--base-url", default="", metavar="URL",
                      help="where the folder will be published (for the referral sheets' QR codes)")
    site.add_argument("--office", metavar="CODE")
    site.set_defaults(func=build_site)


def export_hsds(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.hsds import write_hsds

    path = output_file(args.file)
    services = ctx.core().directory.published(office_code=args.office)
    count = write_hsds(path, services)
    ctx.emit({"file": str(path), "services": count},
             ctx.t(DeskAdmin.tr("{count} published services written to {file} (HSDS 3.0)."), count=count,
                   file=str(path)))
    return 0


def _store(ctx: CliContext, organisations: Any, services: Any, skipped: dict[str, int] | None = None) -> int:
    from desk_app.core.directory_exchange import store_entries

    actor = ctx.actor()
    result = store_entries(ctx.core().directory, actor, list(organisations), list(services))
    lines = [ctx.t(DeskAdmin.tr("{organisations} organisations and {services} services imported, to be reviewed "
                                "before publication."), organisations=result.organisations, services=result.services)]
    if skipped:
        lines.append(ctx.t(DeskAdmin.tr("HSDS fields Sportello does not keep, left out: {fields}"),
                           fields=", ".join(f"{name} ({count})" for name, count in sorted(skipped.items()))))
    ctx.emit({"organisations": result.organisations, "services": result.services, "skipped": skipped or {}}, lines)
    return 0


def import_hsds(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.hsds import read_hsds

    ctx.actor()  # who imports, before reading a large file
    found = read_hsds(args.file)
    return _store(ctx, found.organisations, found.services, dict(found.skipped))


def write_template(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.directory_xlsx import write_template as write

    path = output_file(args.file)
    directory = ctx.core().directory
    names = {code: text.text for code, text in directory.category_names("it").items() if text.status != "missing"}
    services: list[Any] = []
    organisations: list[Any] = []
    if args.filled:
        actor = ctx.actor()
        services = directory.services(actor)
        organisations = directory.organisations(actor)
    write(path, services, organisations, names)
    ctx.emit({"file": str(path), "services": len(services)},
             ctx.t(DeskAdmin.tr("Template written to {file} ({count} services filled in)."), file=str(path),
                   count=len(services)))
    return 0


def import_xlsx(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.core.directory_xlsx import SpreadsheetError, read_workbook

    ctx.actor()  # who imports, before reading the file
    directory = ctx.core().directory
    names = {code: text.text for code, text in directory.category_names("it").items() if text.status != "missing"}
    try:
        found = read_workbook(args.file, names)
    except SpreadsheetError as exc:
        # every wrong cell on its own line, so a partner corrects the file in one go
        print(f"desk-admin: {exc.message(ctx.lang)}", file=sys.stderr)
        for problem in exc.problems[1:]:
            print(f"  {problem.message(ctx.lang)}", file=sys.stderr)
        return exc.exit_code
    return _store(ctx, found.organisations, found.services)


def build_site(ctx: CliContext, args: argparse.Namespace) -> int:
    from desk_app.documents.site import build_site as build
    from desk_app.documents.site import entry_url, office_texts

    core = ctx.core()
    directory = core.directory
    services = directory.published(office_code=args.office)
    categories = {lang: directory.category_names(lang, office_code=args.office) for lang in LANGUAGES}
    texts = office_texts(lambda lang: core.content.texts(lang, args.office), categories)
    result = build(args.folder, services, texts)
    first = entry_url(args.base_url, "it", services[0].uid) if services else ""
    ctx.emit({"folder": str(result.folder), "entries": result.entries, "pages": result.pages, "bytes": result.bytes,
              "example": first},
             ctx.t(DeskAdmin.tr("Site written to {folder}: {entries} entries, {pages} pages in {languages} "
                                "languages ({megabytes} MB)."), folder=str(result.folder), entries=result.entries,
                   pages=result.pages, languages=len(LANGUAGES), megabytes=f"{result.bytes / 1e6:.1f}"))
    return 0


__all__ = ["directory_group", "register"]
