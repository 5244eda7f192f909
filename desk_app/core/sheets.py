"""What the three user sheets say, in one language, as plain data for the PDF and DOCX renderers.

* the **instruction sheet** of a procedure (what it is, steps, documents, where);
* the **"bring next time" sheet** of a case (its missing items only, with the office address and next steps);
* the **labour-exploitation sheet** (rights, warning signs, the 800 290 290 number, where to get help).

Each line carries the language it is actually in and its translation status: a
missing or stale translation falls back to the Italian line (the sheet then says it
is not fully translated), so an outdated translation never reaches a user. The
renderers only lay the :class:`Sheet` out; every wording decision is made here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desk_app.clock import local_day
from desk_app.core.cases import CaseView
from desk_app.core.catalogue import (
    LANGUAGE_NAMES,
    RTL_LANGUAGES,
    SOURCE_LANGUAGE,
    Catalogue,
    ChecklistItem,
    ContentService,
    ProcedureView,
    exploitation_counts,
    sheet_label,
    text_digest,
)
from desk_app.core.queue import LANGUAGES
from desk_app.core.translations import translation_status, worst
from desk_app.core.validation import clean_choice
from desk_app.db.models_content import ContentText

if TYPE_CHECKING:
    from desk_app.core.directory_types import DirectoryService
    from desk_app.db.models import Office

SHEET_KINDS = ("instructions", "missing", "exploitation", "referral")

#: A source's label as :meth:`desk_app.core.catalogue.Source.label` writes it.
_SOURCE_LABEL = re.compile(r"^(?P<title>.+) \(verificata il (?P<day>\d{4}-\d{2}-\d{2})\)(?P<doubt> – da verificare)?$")


def _numbers(numbers: list[int]) -> str:
    """``1, 3-6, 9``: runs of consecutive source numbers joined."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def sources_paragraph(labels: list[str]) -> str:
    """A sheet's sources in one Italian paragraph: the numbered titles, then the days they were checked and
    which are still to verify, each said once ("[1] D.Lgs. 286/1998, art. 29; [2] ... Verificate il
    2026-12-02: 1, 3-6; il 2026-11-20: 2. Da verificare: 3, 4.").

    Why not each label whole: with a dozen sources (family reunification: 13) "(verificata il ...)" and
    "da verificare" repeated after each took most of the paragraph and pushed the Urdu sheet onto a third
    page. A label of another shape is kept whole."""
    titles: list[str] = []
    days: dict[str, list[int]] = {}
    doubtful: list[int] = []
    for n, label in enumerate(labels, start=1):
        found = _SOURCE_LABEL.match(label)
        if found is None:
            titles.append(f"[{n}] {label}")
            continue
        titles.append(f"[{n}] {found['title']}")
        days.setdefault(found["day"], []).append(n)
        if found["doubt"]:
            doubtful.append(n)
    text = "; ".join(titles) + "."
    if days:
        text += " Verificate il " + "; il ".join(f"{day}: {_numbers(ns)}" for day, ns in
                                                  sorted(days.items(), reverse=True)) + "."
    if doubtful:
        text += f" Da verificare: {_numbers(doubtful)}."
    return text



@dataclass(frozen=True)
class Line:
    """One piece of text of a sheet.

    Attributes:
        text: what is printed.
        lang: the language ``text`` is in (``it`` when a translation was missing or stale).
        status: ``reviewed``, ``draft``, ``stale`` or ``missing`` (translation status of the source key).
        italian: the Italian text, printed beside it on bilingual sheets (empty when ``lang`` is ``it``).
        verify: the fact is still "to verify": printed with an asterisk.
    """

    text: str
    lang: str
    status: str = "reviewed"
    italian: str = ""
    verify: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", protect_tokens(self.text, self.lang in RTL_LANGUAGES))

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES


@dataclass(frozen=True)
class Block:
    """A paragraph of a sheet.

    ``kind`` is ``title``, ``subtitle``, ``heading``, ``text``, ``step`` (numbered), ``item``
    (a checklist line with a ``detail``), ``bullet``, ``callout`` (the free number), ``note`` (small print) or
    ``qr`` (a caption, and in ``detail`` the address the renderers encode as a QR code: the referral sheet).
    """

    kind: str
    line: Line
    detail: Line | None = None
    number: int | None = None


@dataclass(frozen=True)
class Sheet:
    """A whole sheet in one language.

    Attributes:
        kind: one of :data:`SHEET_KINDS`.
        lang: the user's language.
        blocks: the paragraphs in reading order.
        status: the worst translation status of its lines (the clerk sees it before printing).
    """

    kind: str
    lang: str
    title: str
    blocks: tuple[Block, ...]
    status: str
    bilingual: bool = False
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES

    def lines(self) -> list[Line]:
        """Every line, details included, in order (for tests and text extraction)."""
        result = []
        for block in self.blocks:
            result.append(block.line)
            if block.detail is not None:
                result.append(block.detail)
        return result


LRI, PDI = "\u2066", "\u2069"
NBSP, NBHY, WJ = "\u00a0", "\u2011", "\u2060"

#: One word of a code, an amount or a number: Latin letters and digits joined by inner punctuation
#: ("S1/S2", "603-bis", "D.L", "€14.62", "2026-12-01", "LO/RF/2026/0187"). Final punctuation stays outside.
_WORD = r"[A-Za-z0-9€]+(?:[./:,+×\-\u2011]\u2060?[A-Za-z0-9€]+)*"
#: A token: one word with a digit, or an upper-case code with inner punctuation ("RF-NO", "D.L"), followed by
#: more words with a digit after single (no-break) spaces: "800 290 290", "0371 447 407", "D.L. 34/2020".
_TOKEN = re.compile(
    rf"(?<![A-Za-z0-9€])(?:(?=[A-Za-z€./:,+×\-\u2011\u2060]*\d){_WORD}|[A-Z]+(?:[./\-\u2011]\u2060?[A-Z0-9]+)+)"
    rf"(?:\.?[ \u00a0](?=[A-Za-z€./:,+×\-\u2011\u2060]*\d){_WORD})*(?![A-Za-z0-9€])")
_ISOLATED = re.compile(f"({LRI}[^{PDI}]*{PDI})")
#: Web addresses and e-mail (PEC) addresses: kept whole and byte-exact (no joiners or no-break hyphens, which
#: would break a copied link), isolated as one token in right-to-left text. Final punctuation stays outside.
_ADDRESS = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s\u2066-\u2069]*[^\s.,;:!?)\]\u2066-\u2069]"
                      r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _unbreakable(token: str) -> str:
    """``token`` with no line-break opportunity inside: no-break spaces and hyphens, a word joiner after each slash."""
    return re.sub(f"/(?!{WJ})", "/" + WJ, token.replace(" ", NBSP).replace("-", NBHY))


def protect_tokens(text: str, rtl: bool) -> str:
    """Keep codes, article numbers, amounts, dates and phone numbers whole and in their own order.

    Every token (see :data:`_TOKEN`) loses its inner break opportunities, so a line never breaks inside
    "800 290 290" or "18-ter"; in right-to-left text the whole token is also wrapped in a left-to-right
    isolate (U+2066 ... U+2069). Isolating only its digits let the bidi algorithm reorder the parts:
    "S1/S2" showed as "2S1/S", "18-ter" as "ter-18". Text already inside an isolate is left alone, so
    the function can run again on composed lines.
    """
    parts = _ISOLATED.split(text)
    for index in range(0, len(parts), 2):  # the odd parts are isolates already
        pieces = []
        last = 0
        for address in _ADDRESS.finditer(parts[index]):  # addresses first: their inner words are no codes
            pieces.append(_protect_plain(parts[index][last:address.start()], rtl))
            pieces.append(f"{LRI}{address.group(0)}{PDI}" if rtl else address.group(0))
            last = address.end()
        pieces.append(_protect_plain(parts[index][last:], rtl))
        parts[index] = "".join(pieces)
    return "".join(parts)


def _protect_plain(text: str, rtl: bool) -> str:
    return _TOKEN.sub(lambda m: f"{LRI}{_unbreakable(m.group(0))}{PDI}" if rtl else _unbreakable(m.group(0)), text)


def split_isolates(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(segment, isolated)`` pieces, each left-to-right isolate (marks included) on its own."""
    return [(part, index % 2 == 1) for index, part in enumerate(_ISOLATED.split(text)) if part]


def isolate_numbers(text: str) -> str:
    """Right-to-left form of :func:`protect_tokens` (kept for callers of the old name)."""
    return protect_tokens(text, rtl=True)


def plain_text(text: str) -> str:
    """``text`` without the invisible marks :func:`protect_tokens` adds, for comparisons and extraction."""
    for mark in (LRI, PDI, WJ):
        text = text.replace(mark, "")
    return text.replace(NBSP, " ").replace(NBHY, "-")


#: Emoji and pictographs, with their joiners, variation selectors, skin tones, keycaps and flag tags: no shipped
#: font has them (they printed as boxes), and a sheet for the public does not need them.
_EMOJI = re.compile("(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\U000E0020-\U000E007F]"
                    "[\uFE0E\uFE0F\u20E3\U0001F3FB-\U0001F3FF]*\u200D?)+|[\uFE0F\u20E3]")


def strip_emoji(text: str) -> str:
    """``text`` without emoji (a clerk's "ok 👍"), spaces tidied. Letters, digits and ordinary symbols stay."""
    return re.sub(r"[ \t]{2,}", " ", _EMOJI.sub("", text)).strip()


def format_date(day: date) -> str:
    """A date as printed for users: the Italian ``dd/mm/yyyy`` (the ticket's format too), on every sheet."""
    return f"{day:%d/%m/%Y}"


def format_amount(cents: int) -> str:
    """``€16`` or ``€14.62``: language-neutral; no space, so bidi keeps the sign before the number in RTL text."""
    euros, rest = divmod(cents, 100)
    return f"€{euros}" if rest == 0 else f"€{euros}.{rest:02d}"


class _Texts:
    """Resolves keys to :class:`Line` objects in one language with the Italian fallback rules."""

    def __init__(self, italian: dict[str, ContentText], target: dict[str, ContentText], lang: str) -> None:
        self.italian, self.target, self.lang = italian, target, lang

    def line(self, key: str, *, source_text: str | None = None) -> Line:
        """The line for ``key``. ``source_text`` pins the Italian wording (a frozen checklist's), which a
        translation must match to be used."""
        source = self.italian.get(key)
        italian = source_text if source_text is not None else (source.text if source else key)
        verify = bool(source and source.verify)
        if self.lang == SOURCE_LANGUAGE:
            return Line(italian, SOURCE_LANGUAGE, "reviewed", "", verify)
        row = self.target.get(key)
        if source_text is not None and row is not None and row.source_digest != text_digest(source_text):
            status = "stale"
        else:
            status = translation_status(source, row)
        if status in ("missing", "stale") or row is None:
            return Line(italian, SOURCE_LANGUAGE, status, "", verify)
        return Line(row.text, self.lang, status, italian, verify)

    def compose(self, *parts: Line | str, sep: str = " · ") -> Line:
        """Join lines and language-neutral strings (amounts) into one line in the sheet language."""
        lines = [p for p in parts if isinstance(p, Line)]
        text = sep.join(p.text if isinstance(p, Line) else p for p in parts)
        italian = sep.join(p.italian or p.text if isinstance(p, Line) else p for p in parts)
        translated = all(p.lang == self.lang for p in lines)
        return Line(text, self.lang if translated else SOURCE_LANGUAGE, worst(p.status for p in lines),
                    italian if translated and self.lang != SOURCE_LANGUAGE else "", any(p.verify for p in lines))


class SheetBuilder:
    """Builds :class:`Sheet` objects from the office's catalogue. No permission needed except for cases."""

    def __init__(self, content: ContentService) -> None:
        self.content = content
        self._catalogue: Catalogue | None = None
        self._sheet_labels: dict[str, str] = {}

    def _shipped(self) -> Catalogue:
        """The shipped catalogue, read once, with its full labels mapped to the sheet's (:func:`sheet_label`)."""
        if self._catalogue is None:
            self._catalogue = Catalogue.read()
            self._sheet_labels = {s.full_label(): s.label() for s in self._catalogue.source_table.values()}
        return self._catalogue

    def _item_sources(self, labels: Iterable[str]) -> list[str]:
        """The sheet labels of a checklist line's frozen sources (full labels, or older ones)."""
        self._shipped()
        return [sheet_label(label, self._sheet_labels) for label in labels]

    def _text_sources(self, keys: list[str]) -> list[str]:
        """Labels of the shipped sources of ``keys`` (summary, steps), in order, once each."""
        catalogue = self._shipped()
        labels: list[str] = []
        for key in keys:
            text = catalogue.texts.get(key)
            for source in (text.sources if text else ()):
                label = catalogue.source_table[source].label()
                if label not in labels:
                    labels.append(label)
        return labels

    def _texts(self, lang: str, office_code: str | None) -> _Texts:
        lang = clean_choice((lang or "").strip().lower(), "language", LANGUAGES)
        italian = self.content.texts(SOURCE_LANGUAGE, office_code)
        target = italian if lang == SOURCE_LANGUAGE else self.content.texts(lang, office_code)
        return _Texts(italian, target, lang)

    def _item(self, t: _Texts, item: ChecklistItem) -> Block:
        text = t.line(f"item.{item.key}", source_text=item.text_it)
        if item.verify:
            text = Line(text.text, text.lang, text.status, text.italian, True)
        parts: list[Line | str] = [t.line(f"cond.{item.condition}", source_text=item.condition_it)
                                   if item.condition else t.line(f"label.{item.requirement}")]
        if item.amount_cents is not None:
            amount = format_amount(item.amount_cents)
            if item.quantity > 1:
                amount = f"{item.quantity} × {amount}"
            parts.append(amount)
            if item.per == "month":
                parts.append(t.line("label.per_month"))
        detail = t.compose(*parts)
        return Block("item", text, detail)

    def _finish(self, kind: str, t: _Texts, title: Line, blocks: list[Block], bilingual: bool,
                meta: dict[str, str], sources: list[str] | None = None) -> Sheet:
        """Close a sheet: its sources (each with its check date), then what is to verify, what is not
        translated from the current Italian (stale), what is not yet reviewed (draft), and the disclaimer."""
        lines = [line for b in blocks for line in (b.line, b.detail) if line is not None]
        if sources:
            # Citations of Italian acts stay in Italian (they name the act as published), left to right; one
            # small-print paragraph, numbered, so a long list does not push the sheet onto another page.
            blocks.append(Block("note", t.line("label.sources"), Line(sources_paragraph(sources), SOURCE_LANGUAGE)))
        if any(line.verify for line in lines):
            blocks.append(Block("note", t.line("label.verify_note")))
        status = worst(line.status for line in lines)
        statuses = {line.status for line in lines}
        if statuses & {"stale", "missing"}:
            blocks.append(Block("note", t.line("label.stale_note")))
        if "draft" in statuses:
            blocks.append(Block("note", t.line("label.draft_note")))
        elif t.lang != SOURCE_LANGUAGE and statuses == {"reviewed"}:  # every line checked by a translator
            blocks.append(Block("note", t.line("label.reviewed_note")))
        blocks.append(Block("note", t.line("label.disclaimer")))
        meta = {"language": LANGUAGE_NAMES[t.lang], **meta}
        return Sheet(kind, t.lang, title.text, tuple(blocks), status, bilingual and t.lang != SOURCE_LANGUAGE, meta)

    def instructions(self, procedure_code: str, lang: str, *, bilingual: bool = False,
                     office_code: str | None = None) -> Sheet:
        """The instruction sheet of a procedure in ``lang``."""
        procedure = self.content.procedure(procedure_code, office_code)
        office = self.content.office(office_code)
        t = self._texts(lang, office_code)
        prefix = f"proc.{procedure.code}"
        title = t.line(f"{prefix}.name")
        blocks = [Block("title", title), Block("subtitle", t.line("label.instructions")),
                  Block("heading", t.line("label.what_it_is")), Block("text", t.line(f"{prefix}.summary")),
                  Block("heading", t.line("label.steps"))]
        blocks += [Block("step", t.line(f"{prefix}.step.{n}"), number=n) for n in range(1, procedure.step_count + 1)]
        blocks.append(Block("heading", t.line("label.documents")))
        blocks += [self._item(t, item) for item in procedure.items]
        blocks += self._where(t, procedure, office.address, self._office_hours(office))
        sources = self._text_sources([f"{prefix}.summary"]
                                     + [f"{prefix}.step.{n}" for n in range(1, procedure.step_count + 1)])
        sources += [label for item in procedure.items for label in self._item_sources(item.sources)]
        return self._finish("instructions", t, title, blocks, bilingual,
                            {"procedure": procedure.code, "version": str(procedure.version)},
                            list(dict.fromkeys(sources)))

    def _office_hours(self, office: Office) -> str:
        """The opening hours the office prints on its sheets (office setting ``sheet_hours``, issue 12; empty:
        none), read at each sheet: a change in the administration window shows on the next sheet printed."""
        from desk_app.core.office_settings import read_settings

        return str(self.content.db.read(lambda s: read_settings(s, office))["sheet_hours"])

    def _where(self, t: _Texts, procedure: ProcedureView, address: str, hours: str = "") -> list[Block]:
        blocks = [Block("heading", t.line("label.where")), Block("text", t.line(f"place.{procedure.place}.name"))]
        if procedure.place in ("sui", "leg"):  # both desks are in the Prefettura building: its address and hours
            if address:
                blocks.append(Block("text", Line(address, t.lang)))
            if hours.strip():
                blocks.append(Block("text", self._hours_line(t, hours)))
        blocks.append(Block("text", t.line(f"place.{procedure.place}.details")))
        return blocks

    @staticmethod
    def _hours_line(t: _Texts, hours: str) -> Line:
        """"Opening hours: ..." with the office's own lines, as typed in Italian (each isolated left to right in a
        right-to-left sheet, or its times and words would be reordered)."""
        # The label the directory's referral sheet prints too (issue 15); an office whose texts predate it gets
        # the Italian word.
        label = t.line("label.dir_hours") if "label.dir_hours" in t.italian else Line("Orari di apertura",
                                                                                       SOURCE_LANGUAGE)
        rtl = t.lang in RTL_LANGUAGES
        typed = "; ".join(f"{LRI}{line.strip()}{PDI}" if rtl else line.strip()
                          for line in hours.splitlines() if line.strip())
        return t.compose(label, typed, sep=": ")

    def missing(self, case: CaseView, lang: str | None = None, *, bilingual: bool = False,
                today: date | None = None, office_code: str | None = None) -> Sheet:
        """The "bring next time" sheet of a case: its missing items only, in the case's language by default.

        ``today`` is the date printed on the sheet; by default the office's local day from the clock seam.
        """
        t = self._texts(lang or case.language, office_code)
        procedure = self.content.procedure(case.procedure_code, office_code)
        office = self.content.office(office_code)
        title = t.line("label.missing")
        reference = [f"{case.id}"] + ([case.practice_number] if case.practice_number else [])
        # One left-to-right isolate for the whole reference: a practice number mixes letters, digits and
        # slashes ("LO/RF/2026/0187"), and isolating its digits alone let RTL text reorder its parts.
        printed_day = today or local_day(self.content.clock.now(), office.timezone)
        blocks = [Block("title", title), Block("subtitle", t.line(f"proc.{case.procedure_code}.name")),
                  Block("text", t.compose(t.line("label.case"), f"{LRI}{' / '.join(reference)}{PDI}", sep=": ")),
                  Block("text", t.compose(t.line("label.date"), format_date(printed_day), sep=": "))]
        missing = case.missing
        blocks.append(Block("text", t.line("label.missing_intro" if missing else "label.missing_none")))
        for entry in missing:
            block = self._item(t, entry.item)
            note_text = strip_emoji(entry.note or "")
            if note_text:  # the clerk's own words, in Italian, as typed, under the translated label
                # Italian inside a right-to-left line: isolated, or its final full stop moves to the wrong end.
                typed = f"{LRI}{note_text}{PDI}" if t.lang in RTL_LANGUAGES else note_text
                note = t.compose(t.line("label.clerk_note"), typed, sep=": ")
                block = Block("item", block.line, t.compose(block.detail, note) if block.detail else note)
            blocks.append(block)
        blocks.append(Block("heading", t.line("label.steps")))
        blocks.append(Block("text", t.line("label.missing_next")))
        blocks += self._where(t, procedure, office.address, self._office_hours(office))
        sources = list(dict.fromkeys(label for entry in missing for label in self._item_sources(entry.item.sources)))
        return self._finish("missing", t, title, blocks, bilingual,
                            {"procedure": case.procedure_code, "case": str(case.id), "version": str(case.version)},
                            sources)

    def exploitation(self, lang: str, *, bilingual: bool = False, office_code: str | None = None) -> Sheet:
        """The labour-exploitation awareness sheet (WP2)."""
        t = self._texts(lang, office_code)
        counts = exploitation_counts(t.italian)
        title = t.line("exploit.title")
        blocks = [Block("title", title), Block("text", t.line("exploit.intro")),
                  Block("callout", t.line("exploit.call_title"), t.line("exploit.call")),
                  Block("heading", t.line("exploit.signs_title"))]
        blocks += [Block("bullet", t.line(f"exploit.sign.{n}")) for n in range(1, counts["sign"] + 1)]
        blocks.append(Block("heading", t.line("exploit.rights_title")))
        blocks += [Block("bullet", t.line(f"exploit.right.{n}")) for n in range(1, counts["right"] + 1)]
        blocks.append(Block("heading", t.line("exploit.help_title")))
        blocks += [Block("bullet", t.line(f"exploit.help.{n}")) for n in range(1, counts["help"] + 1)]
        return self._finish("exploitation", t, title, blocks, bilingual, {}, self._text_sources(["exploit.intro"]))

    def referral(self, service: DirectoryService, lang: str, *, bilingual: bool = False, entry_url: str = "",
                 today: date | None = None, office_code: str | None = None) -> Sheet:
        """The referral sheet of a directory service (issue 15; :mod:`desk_app.core.referral_sheet`), with a QR
        code of ``entry_url`` (the entry on the public site) when given."""
        from desk_app.core.referral_sheet import build_referral

        return build_referral(self, service, lang, bilingual=bilingual, entry_url=entry_url, today=today,
                              office_code=office_code)
