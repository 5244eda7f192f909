"""``desk-admin directory`` review commands (issue 15): the office's side of the territorial services directory.

``directory list [--state S] [--reconfirm]`` the entries for review (a partner: its organisation's); ``directory
search [WORDS] [--category C] [--place P] [--language L] [--lang L]`` what the counter finds; ``directory show UID
[--lang L]`` one entry; ``directory publish|withdraw|confirm|reject-revision UID`` its review (``list --revised``:
the published entries with a partner's pending revision, marked ``✎``; ``publish`` makes the revision the published
content, ``reject-revision`` drops it); ``directory link-partner USER ORG_UID``
links a partner account to its organisation; ``directory load [FILE]`` writes a directory TOML file (default the
shipped Lodi demo). Every command acts for ``--user`` (the core decides what that person may do).

The exchange commands (HSDS, XLSX, site) live in :mod:`desk_app.cli.directory_exchange`, in the same group.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desk_app.cli import CliContext, DeskAdmin
from desk_app.cli.directory_exchange import directory_group
from desk_app.core.directory_types import CATEGORIES, ENTRY_STATES, DirectoryService
from desk_app.core.queue import LANGUAGES


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = directory_group(commands)
    listing = group.add_parser("list", help="entries of the directory for review")
    listing.add_argument("--state", choices=ENTRY_STATES)
    listing.add_argument("--reconfirm", action="store_true", help="only those to be confirmed again")
    listing.add_argument("--revised", action="store_true", help="only those with a partner's pending revision")
    listing.add_argument("--lang", choices=LANGUAGES, default="it")
    listing.set_defaults(func=list_entries)
    search = group.add_parser("search", help="published entries, as the counter searches them")
    search.add_argument("words", nargs="*")
    search.add_argument("--category", choices=CATEGORIES)
    search.add_argument("--place", metavar="TOWN|POSTCODE")
    search.add_argument("--language", metavar="CODE", help="a language spoken at the service")
    search.add_argument("--lang", choices=LANGUAGES, default="it", help="the user's language")
    search.set_defaults(func=search_entries)
    show = group.add_parser("show", help="one entry with its texts")
    show.add_argument("uid")
    show.add_argument("--lang", choices=LANGUAGES, default="it")
    show.set_defaults(func=show_entry)
    for name, what in (("publish", "publish an entry"), ("withdraw", "withdraw an entry"),
                       ("confirm", "the organisation confirms an entry is still right"),
                       ("reject-revision", "drop a partner's pending revision (the published content stays)")):
        command = group.add_parser(name, help=what)
        command.add_argument("uid")
        if name in ("withdraw", "reject-revision"):
            command.add_argument("--reason", default="")
        command.set_defaults(func=review, review=name)
    link = group.add_parser("link-partner", help="link a partner account to its organisation")
    link.add_argument("username")
    link.add_argument("organisation_uid")
    link.set_defaults(func=link_partner)
    load = group.add_parser("load", help="write a directory TOML file (default: the shipped Lodi demo)")
    load.add_argument("file", nargs="?")
    load.add_argument("--state", choices=ENTRY_STATES, default="published")
    load.set_defaults(func=load_file)


def _line(service: DirectoryService, lang: str) -> str:
    flag = (" !" if service.needs_reconfirmation else "") + (" ✎" if service.revision is not None else "")
    places = ", ".join(dict.fromkeys(loc.address.city for loc in service.locations))
    return (f"{service.uid}  {service.state:<9} {service.text('name', lang).text} — {service.organisation.name}"
            f" [{', '.join(service.categories)}]{' · ' + places if places else ''}{flag}")


def list_entries(ctx: CliContext, args: argparse.Namespace) -> int:
    entries = ctx.core().directory.services(ctx.actor(), state=args.state, reconfirm_only=args.reconfirm,
                                            lang=args.lang, revised_only=args.revised)
    lines = [_line(s, args.lang) for s in entries]
    lines.append(ctx.t(DeskAdmin.tr("%n entry(ies) (! = to be confirmed again by the organisation)", "",
                                    len(entries))))
    ctx.emit(entries, lines)
    return 0


def search_entries(ctx: CliContext, args: argparse.Namespace) -> int:
    found = ctx.core().directory.search(ctx.actor(), " ".join(args.words), args.category, args.place,
                                        args.language, args.lang)
    ctx.emit(found, [_line(s, args.lang) for s in found] or [ctx.t(DeskAdmin.tr("No service found."))])
    return 0 if found else 3


def show_entry(ctx: CliContext, args: argparse.Namespace) -> int:
    entry = ctx.core().directory.service(ctx.actor(), args.uid, args.lang)
    lines = [_line(entry, args.lang)]
    for name in ("description", "eligibility", "cost", "application"):
        text = entry.text(name, args.lang)
        if text.text:
            marker = "" if text.lang == args.lang else f" ({text.status}: it)"
            lines.append(f"  {name}{marker}: {text.text}")
    lines += [f"  - {doc.text}" for doc in entry.document_texts(args.lang)]
    for location in entry.locations:
        lines.append(f"  @ {location.name}: {location.address.one_line()}")
        lines += [f"      {h.weekday} {h.opens:%H:%M}-{h.closes:%H:%M} {h.note}".rstrip() for h in location.hours]
    lines += [f"  {c.kind}: {c.value} {c.label}".rstrip() for c in entry.contacts]
    lines.append(f"  last_confirmed: {entry.last_confirmed or '-'}; languages: {', '.join(entry.languages)}")
    ctx.emit(entry, lines)
    return 0


def review(ctx: CliContext, args: argparse.Namespace) -> int:
    directory, actor = ctx.core().directory, ctx.actor()
    if args.review == "publish":
        entry = directory.publish(actor, args.uid)
    elif args.review == "withdraw":
        entry = directory.withdraw(actor, args.uid, args.reason)
    elif args.review == "reject-revision":
        entry = directory.reject_revision(actor, args.uid, args.reason)
    else:
        entry = directory.confirm(actor, args.uid)
    ctx.emit(entry, _line(entry, "it"))
    return 0


def link_partner(ctx: CliContext, args: argparse.Namespace) -> int:
    link = ctx.core().directory.link_partner(ctx.actor(), args.username, args.organisation_uid)
    ctx.emit(link, f"{link.username} -> {link.organisation_name} ({link.organisation_uid})")
    return 0


def load_file(ctx: CliContext, args: argparse.Namespace) -> int:
    result = ctx.core().directory.load_file(ctx.actor(), Path(args.file) if args.file else None, state=args.state)
    ctx.emit(result, ctx.t(DeskAdmin.tr("{organisations} organisations, {services} services, {locations} "
                                        "locations written"), organisations=result.organisations,
                           services=result.services, locations=result.locations))
    return 0
