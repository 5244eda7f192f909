"""The referral sheet (issue 15): one service of the territorial directory, in the user's language.

The counter refers a person to a service of the local network (a health centre, a job centre, a CPIA Italian
school, a legal-aid desk ...) and hands them this sheet: what the service is, who may go, where it is and when it
is open, how to reach it, what to bring, what it costs, which languages are spoken there, and a QR code pointing
to the same entry on the public site. It is a :class:`~desk_app.core.sheets.Sheet` like the others, so it goes
through the same PDF/DOCX path, the same bilingual Italian line and the same translation notes.

Where each word comes from:

* the service's own texts (name, description, eligibility, access, cost, documents): the partner's Italian and its
  translations through the content workflow (:class:`~desk_app.core.directory_types.Localised`), printed in
  Italian when the translation is missing or stale;
* headings: content texts ``label.referral`` / ``label.dir_*`` of the catalogue, translated in the PO files;
* weekday and language names: CLDR through Babel (no translator has to write "Monday" thirteen times);
* proper nouns (organisation, place, street) and contacts: as the partner wrote them, never translated, left to
  right in their own paragraph or isolated in right-to-left text;
* the source: the organisation itself, with the day it last confirmed the entry; an entry never confirmed, or
  older than the office allows, carries a "to verify" line asking the user to phone first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from desk_app.clock import local_day
from desk_app.core.catalogue import RTL_LANGUAGES, SOURCE_LANGUAGE
from desk_app.core.directory_types import Contact, DirectoryLocation, DirectoryService, Localised, OpeningHours
from desk_app.core.sheets import LRI, PDI, Block, Line, Sheet, format_date

if TYPE_CHECKING:
    from desk_app.core.sheets import SheetBuilder, _Texts

#: Line separator inside one paragraph (Qt and the DOCX writer both break the line there).
LINE_BREAK = "\u2028"
#: Label of each contact kind (content keys).
CONTACT_LABELS = {"phone": "label.dir_phone", "email": "label.dir_email", "website": "label.dir_website"}


@lru_cache(maxsize=32)
def weekday_names(lang: str) -> tuple[str, ...]:
    """Monday ... Sunday in ``lang`` (CLDR, wide form), first letter upper-cased where the script has cases."""
    from babel.dates import get_day_names

    names = get_day_names("wide", locale=lang)
    return tuple(_capitalised(names[n]) for n in range(7))


@lru_cache(maxsize=32)
def _language_names(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(lang).languages)


def language_name(code: str, lang: str) -> str:
    """The name of language ``code`` in ``lang`` (CLDR): ``language_name("ar", "it")`` is ``arabo``; the code
    itself when CLDR has no name for it."""
    return _language_names(lang).get(code) or code


def format_list(items: list[str], lang: str) -> str:
    """``a, b e c`` in the list pattern of ``lang`` (CLDR)."""
    from babel.lists import format_list as cldr_list

    return cldr_list(items, locale=lang) if items else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _time(value: object) -> str:
    return f"{value:%H:%M}"


def hours_lines(hours: Iterable[OpeningHours], lang: str) -> list[tuple[str, str]]:
    """The opening hours of a place as ``(text in lang, text in Italian)`` lines, one per run of weekdays.

    Consecutive days open at the same times share a line (``Lunedì – Venerdì: 09:00-12:30``); a day open twice
    lists both intervals. A time range is one left-to-right token (``09:00-12:30``), so right-to-left text keeps
    it whole. A note ("solo su appuntamento") is the partner's Italian, printed as written.
    """
    by_day: dict[int, list[OpeningHours]] = {}
    for interval in sorted(hours, key=lambda h: (h.weekday, h.opens)):
        by_day.setdefault(interval.weekday, []).append(interval)

    def times(day: int) -> str:
        return ", ".join(f"{_time(h.opens)}-{_time(h.closes)}" for h in by_day[day])

    def notes(day: int) -> str:
        return "; ".join(dict.fromkeys(h.note.strip() for h in by_day[day] if h.note.strip()))

    runs: list[list[int]] = []
    for day in sorted(by_day):
        if runs and runs[-1][-1] == day - 1 and (times(day), notes(day)) == (times(runs[-1][0]), notes(runs[-1][0])):
            runs[-1].append(day)
        else:
            runs.append([day])
    lines = []
    for run in runs:
        note = notes(run[0])
        pair = []
        for language in (lang, SOURCE_LANGUAGE):
            names = weekday_names(language)
            days = names[run[0] - 1] if len(run) == 1 else f"{names[run[0] - 1]} – {names[run[-1] - 1]}"
            typed = f" ({LRI}{note}{PDI})" if note and language in RTL_LANGUAGES else (f" ({note})" if note else "")
            pair.append(f"{days}: {times(run[0])}{typed}")
        lines.append((pair[0], pair[1]))
    return lines


def _line(text: Localised) -> Line:
    """A sheet line from a directory text (Italian source or its translation, with its status)."""
    if text.lang == SOURCE_LANGUAGE:
        return Line(text.text, SOURCE_LANGUAGE, text.status, "")
    return Line(text.text, text.lang, text.status, text.italian)


def _neutral(lines: Iterable[str], lang: str) -> Line:
    """Proper nouns, an address, a contact: the partner's words, never translated, one per printed line.

    In the sheet's language (so a right-to-left sheet keeps them on its right edge), each left-to-right isolated
    there so its own order survives the bidi algorithm; no Italian line under them (they are the same words).
    """
    rtl = lang in RTL_LANGUAGES
    return Line(LINE_BREAK.join(f"{LRI}{text}{PDI}" if rtl else text for text in lines if text), lang)


def _place_blocks(t: _Texts, location: DirectoryLocation) -> list[Block]:
    """A place: its name and address (and access note), then its opening hours in one block."""
    blocks = [Block("text", _neutral((location.name, location.address.one_line(), location.accessibility), t.lang))]
    if location.hours:
        pairs = hours_lines(location.hours, t.lang)
        label = t.line("label.dir_hours")
        text = LINE_BREAK.join([f"{label.text}:", *(text for text, _ in pairs)])
        italian = LINE_BREAK.join([f"{label.italian or label.text}:", *(italian for _, italian in pairs)])
        # Weekday names are CLDR's, not a translator's: the line is as good as its label.
        blocks.append(Block("text", Line(text, t.lang, label.status, italian if t.lang != SOURCE_LANGUAGE else "")))
    return blocks


def _contact_lines(t: _Texts, service: DirectoryService) -> list[str]:
    """``Telefono: 0371 …`` lines: the service's contacts, then the organisation's website and e-mail."""
    contacts = list(service.contacts) or list(service.organisation.contacts)
    known = {(c.kind, c.value) for c in contacts}
    organisation = service.organisation
    for kind, value in (("website", organisation.website), ("email", organisation.email)):
        if value and (kind, value) not in known:
            contacts.append(Contact(kind, value))
    lines = []
    for contact in contacts:
        label = t.line(CONTACT_LABELS.get(contact.kind, "label.dir_contacts")).text
        value = contact.value + (f" ({contact.label})" if contact.label else "")
        lines.append(f"{label}: {LRI}{value}{PDI}" if t.lang in RTL_LANGUAGES else f"{label}: {value}")
    return lines


def build_referral(builder: SheetBuilder, service: DirectoryService, lang: str, *, bilingual: bool = False,
                   entry_url: str = "", today: date | None = None, office_code: str | None = None) -> Sheet:
    """The referral sheet of ``service`` in ``lang`` (see the module docstring); used by
    :meth:`SheetBuilder.referral <desk_app.core.sheets.SheetBuilder.referral>`.

    ``entry_url``: the entry on the public site, printed and encoded as a QR code (none without it);
    ``today``: the date printed, by default the office's local day from the clock seam.
    """
    t = builder._texts(lang, office_code)
    office = builder.content.office(office_code)
    name = _line(service.text("name", t.lang))
    blocks = [Block("title", name), Block("subtitle", _neutral((service.organisation.name,), t.lang)),
              Block("subtitle", t.line("label.referral"))]
    printed_day = today or local_day(builder.content.clock.now(), office.timezone)
    blocks.append(Block("text", t.compose(t.line("label.date"), format_date(printed_day), sep=": ")))
    if service.status == "temporarily closed":
        blocks.append(Block("callout", t.line("label.dir_temporarily_closed")))
    if service.needs_reconfirmation or service.last_confirmed is None:
        warning = t.line("label.dir_reconfirm")
        blocks.append(Block("text", Line(warning.text, warning.lang, warning.status, warning.italian, True)))
    for field_name, label in (("description", "label.dir_about"), ("eligibility", "label.dir_eligibility"),
                              ("application", "label.dir_application")):
        text = service.text(field_name, t.lang)
        if text.text.strip():
            blocks += [Block("heading", t.line(label)), Block("text", _line(text))]
    if service.locations:
        blocks.append(Block("heading", t.line("label.where")))
        for location in service.locations:
            blocks += _place_blocks(t, location)
    contacts = _contact_lines(t, service)
    if contacts:
        heading = t.line("label.dir_contacts")
        blocks += [Block("heading", heading),
                   Block("text", Line(LINE_BREAK.join(contacts), heading.lang, heading.status))]
    documents = [d for d in service.document_texts(t.lang) if d.text.strip()]
    if documents:
        blocks.append(Block("heading", t.line("label.documents")))
        blocks += [Block("item", _line(document)) for document in documents]
    cost = service.text("cost", t.lang)
    if service.free is not None or cost.text.strip():
        blocks.append(Block("heading", t.line("label.dir_cost")))
        if service.free is not None:
            blocks.append(Block("text", t.line("label.dir_free" if service.free else "label.dir_paid")))
        if cost.text.strip():
            blocks.append(Block("text", _line(cost)))
    if service.languages:
        names = [language_name(code, t.lang) for code in service.languages]
        italian = format_list([language_name(code, SOURCE_LANGUAGE) for code in service.languages], SOURCE_LANGUAGE)
        blocks += [Block("heading", t.line("label.dir_languages")),
                   Block("text", Line(format_list(names, t.lang), t.lang, "reviewed",
                                      italian if t.lang != SOURCE_LANGUAGE else ""))]
    if entry_url:
        # The caption in the user's language; the address byte-exact (it is what the code encodes).
        blocks.append(Block("qr", t.line("label.dir_qr"), Line(entry_url, SOURCE_LANGUAGE)))
    confirmed = (f"confermata dall'ente il {format_date(service.last_confirmed)}" if service.last_confirmed
                 else "mai confermata dall'ente")
    source = f"{service.organisation.name}: scheda del servizio, {confirmed}"
    return builder._finish("referral", t, name, blocks, bilingual,
                           {"service": service.uid, "organisation": service.organisation.name}, [source])


__all__ = ["build_referral", "format_list", "hours_lines", "language_name", "weekday_names"]
