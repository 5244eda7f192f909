"""The public "app" of the territorial directory (issue 15): a static, offline multilingual site of published entries.

:func:`build_site` writes ONE folder of plain HTML, CSS and JavaScript that needs no server: it works opened from
``file://`` (a USB stick at the counter or in a reception centre) and from any web host, with no network at all
(no CDN, no web fonts from elsewhere: the shipped Noto fonts are copied into ``assets/fonts`` so Arabic, Nastaliq
Urdu, Devanagari, Bengali, Gurmukhi and Chinese render on a PC that has none of them).

Layout (stable addresses: the referral sheet's QR code points to :func:`entry_url`)::

    index.html                   each language by its own name
    <lang>/index.html            search box, categories, every entry
    <lang>/category-<code>.html  the entries of one category
    <lang>/<uid>.html            one entry
    <lang>/search-index.js       the prebuilt search index of that language (a script, since browsers refuse
                                 fetch() of a JSON file from file://)
    assets/site.css, site.js, fonts/

Every page exists in the 13 languages (:data:`~desk_app.core.queue.LANGUAGES`); Arabic and Urdu pages are
``dir="rtl"``. A text without a current translation is shown in Italian, marked ``lang="it"`` and with a note
saying so (the same rule as the printed sheets); a draft translation carries the draft note. The search reads the
query from ``?q=`` or ``#q=`` too, so a link (or a test) can open a page with a search done.

Labels come from a :class:`SiteTexts` (the content catalogue's ``label.*`` texts with their translations, through
the same draft / reviewed / stale workflow); weekday and language names and dates from CLDR (Babel).
"""

from __future__ import annotations

import html
import json
import shutil
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desk_app.core.catalogue import LANGUAGE_NAMES, RTL_LANGUAGES
from desk_app.core.directory_types import CATEGORIES, DirectoryService, Localised
from desk_app.core.queue import LANGUAGES
from desk_app.core.validation import ensure_folder
from desk_app.documents.fonts import LATIN, SCRIPT_FONTS, font_dir

#: The labels a page prints (content keys ``label.<key>``), with the Italian used when the catalogue has none.
LABELS: dict[str, str] = {
    "site_title": "Servizi del territorio",
    "site_search": "Cerca un servizio",
    "site_categories": "Categorie",
    "site_all": "Tutti i servizi",
    "site_none": "Nessun servizio trovato.",
    "site_back": "Torna all'elenco",
    "site_italian": "Alcuni testi sono in italiano: la traduzione manca o non è aggiornata.",
    "site_confirmed": "Informazioni confermate dall'ente il",
    "site_address": "Indirizzo",
    "site_print": "Stampa",
    "site_language": "Lingua",
    "dir_about": "Il servizio",
    "dir_eligibility": "Chi può rivolgersi",
    "dir_application": "Come accedere",
    "dir_hours": "Orari di apertura",
    "dir_contacts": "Contatti",
    "dir_phone": "Telefono",
    "dir_email": "E-mail",
    "dir_website": "Sito web",
    "dir_cost": "Costo",
    "dir_free": "Gratuito",
    "dir_paid": "A pagamento",
    "dir_languages": "Lingue parlate",
    "dir_reconfirm": "L'ente non ha confermato di recente queste informazioni: telefonate prima di andare.",
    "dir_temporarily_closed": "Il servizio è temporaneamente chiuso: telefonate prima di andare.",
    "documents": "Documenti da portare",
    "draft_note": "Traduzione non ancora revisionata: in caso di dubbio vale il testo italiano.",
    "disclaimer": "Foglio informativo: non sostituisce le comunicazioni ufficiali dell'ufficio.",
}
#: Babel's locale of each language (Punjabi in Gurmukhi, Chinese simplified).
BABEL_LOCALES = {"pa": "pa_Guru", "zh": "zh_Hans"}
CURRENT = ' aria-current="page"'


def entry_url(base_url: str, lang: str, uid: str) -> str:
    """The stable address of an entry's page: ``<base>/<lang>/<uid>.html`` (what the referral sheet's QR holds).

    ``base_url`` is where the folder is published (``https://servizi.example.it/lodi``); an empty one gives the
    path relative to the folder's root.
    """
    base = base_url.rstrip("/")
    return f"{base}/{lang}/{uid}.html" if base else f"{lang}/{uid}.html"


@dataclass
class SiteTexts:
    """The labels and category names of the site in each language.

    Attributes:
        labels: lang -> label key (without ``label.``) -> text; missing keys fall back to the Italian (marked).
        categories: lang -> category code -> name (as :meth:`ServiceDirectory.category_names` gives them).
    """

    labels: Mapping[str, Mapping[str, Localised]] = field(default_factory=dict)
    categories: Mapping[str, Mapping[str, Localised]] = field(default_factory=dict)

    def label(self, lang: str, key: str) -> Localised:
        found = self.labels.get(lang, {}).get(key)
        if found is not None and found.text:
            return found
        italian = self.labels.get("it", {}).get(key)
        text = italian.text if italian is not None and italian.text else LABELS.get(key, key)
        return Localised(text, "it", "reviewed" if lang == "it" else "missing", text)

    def category(self, lang: str, code: str) -> Localised:
        found = self.categories.get(lang, {}).get(code)
        if found is not None and found.text:
            return found
        italian = self.categories.get("it", {}).get(code)
        text = italian.text if italian is not None and italian.text else code.replace("_", " ")
        return Localised(text, "it", "reviewed" if lang == "it" else "missing", text)


def shipped_texts(categories: Mapping[str, Mapping[str, Localised]] | None = None) -> SiteTexts:
    """The labels of the shipped catalogue (Italian) with the shipped PO drafts (status ``draft``, or
    ``reviewed`` when not fuzzy; a draft translating an older Italian text is left out as stale)."""
    import tomllib

    from desk_app.core.catalogue import default_catalogue_path
    from desk_app.core.translations import shipped

    catalogue = tomllib.loads(default_catalogue_path().read_text(encoding="utf-8"))
    italian = {**LABELS, **{k: v for k, v in catalogue.get("labels", {}).items() if isinstance(v, str)}}
    labels: dict[str, dict[str, Localised]] = {"it": {k: Localised(v, "it", "reviewed", v) for k, v in
                                                      italian.items()}}
    for lang, entries in shipped().items():
        for key, source, translation, draft in entries:
            name = key.removeprefix("label.")
            if key.startswith("label.") and translation and source == italian.get(name):
                labels.setdefault(lang, {})[name] = Localised(translation, lang, "draft" if draft else "reviewed",
                                                              source)
    return SiteTexts(labels, categories or {})


def office_texts(texts_of: Callable[[str], Mapping[str, Any]],
                 categories: Mapping[str, Mapping[str, Localised]]) -> SiteTexts:
    """The labels as the office's content holds them (``ContentService.texts(lang)``: the translators' reviewed
    and draft rows, stale ones left out), over the shipped ones for a label the office has not loaded yet."""
    from desk_app.core.translations import translation_status

    shipped_labels = shipped_texts().labels
    italian = texts_of("it")
    labels: dict[str, dict[str, Localised]] = {lang: dict(values) for lang, values in shipped_labels.items()}
    for lang in LANGUAGES:
        rows = italian if lang == "it" else texts_of(lang)
        for key in LABELS:
            source = italian.get(f"label.{key}")
            if source is None:
                continue  # not in the office's content: the shipped label stays
            if lang == "it":
                labels["it"][key] = Localised(source.text, "it", "reviewed", source.text)
                continue
            row = rows.get(f"label.{key}")
            status = translation_status(source, row)
            labels.setdefault(lang, {}).pop(key, None)
            if row is not None and status in ("reviewed", "draft"):
                labels[lang][key] = Localised(row.text, lang, status, source.text)
    return SiteTexts(labels, categories)


@dataclass(frozen=True)
class SiteResult:
    """What :func:`build_site` wrote: the folder, how many entries, pages and bytes."""

    folder: Path
    entries: int
    pages: int
    bytes: int


# -- the pages ------------------------------------------------------------------------------------------------------
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _babel(lang: str) -> str:
    return BABEL_LOCALES.get(lang, lang)


class _Page:
    """What one language's pages share: its labels, names from CLDR, and how a text in another language shows."""

    def __init__(self, lang: str, texts: SiteTexts) -> None:
        from babel import Locale

        self.lang = lang
        self.texts = texts
        self.rtl = lang in RTL_LANGUAGES
        self.locale = Locale.parse(_babel(lang))
        self.days = [self.locale.days["format"]["wide"][n] for n in range(7)]
        self.italian_shown = False

    def fresh(self) -> _Page:
        """Ready for the next page of the same language (CLDR data loaded once per language, not per page)."""
        self.italian_shown = False
        return self

    def label(self, key: str) -> str:
        return self.show(self.texts.label(self.lang, key))

    def show(self, text: Localised, tag: str = "span") -> str:
        """``text`` escaped; one in another language than the page's is marked with its own ``lang``/``dir``."""
        if text.lang == self.lang or not text.text:
            return _e(text.text)
        self.italian_shown = True
        return f'<{tag} lang="{text.lang}" dir="ltr" class="fallback">{_e(text.text)}</{tag}>'

    def italian(self, text: str) -> str:
        """A text the partner wrote only in Italian (an hours note, a contact's label): marked as Italian."""
        if self.lang == "it":
            return _e(text)
        self.italian_shown = True
        return f'<span lang="it" dir="ltr" class="fallback">{_e(text)}</span>'

    def language_name(self, code: str) -> str:
        return str(self.locale.languages.get(code) or LANGUAGE_NAMES.get(code) or code)

    def date(self, day: date) -> str:
        from babel.dates import format_date

        return str(format_date(day, "long", locale=self.locale))

    def frame(self, title: str, body: str, *, depth: int, this: str, description: str = "") -> str:
        """A whole page: head, language switcher (to ``this`` page in every language), body, footer."""
        up = "../" * depth
        switcher = "".join(
            f'<li><a href="{up}{lang}/{this}" lang="{lang}" hreflang="{lang}"'
            f'{CURRENT if lang == self.lang else ""}>{_e(LANGUAGE_NAMES[lang])}</a></li>'
            for lang in LANGUAGES)
        navigation = _e(self.texts.label(self.lang, "site_language").text)
        header = (f'<header><a class="home" href="{up}{self.lang}/index.html">{self.label("site_title")}</a>\n'
                  f'<nav class="languages" aria-label="{navigation}"><ul>{switcher}</ul></nav></header>\n')
        footer = f'<footer><p>{self.label("disclaimer")}</p></footer>\n'
        # after everything else: whether any text of the page (labels too) fell back to the Italian
        note = f'<p class="note italian">{self.label("site_italian")}</p>' if self.italian_shown else ""
        head = (f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                f"<title>{title}</title>\n"
                + (f'<meta name="description" content="{_e(description)}">\n' if description else "")
                + f'<link rel="stylesheet" href="{up}assets/site.css">\n')
        return (f'<!DOCTYPE html>\n<html lang="{self.lang}" dir="{"rtl" if self.rtl else "ltr"}">\n<head>\n{head}'
                f'</head>\n<body class="script-{_script(self.lang)}">\n{header}<main>\n{note}{body}\n</main>\n'
                f"{footer}</body>\n</html>\n")


def _script(lang: str) -> str:
    return {"ar": "arabic", "ur": "nastaliq", "hi": "devanagari", "bn": "bengali", "pa": "gurmukhi",
            "zh": "cjk"}.get(lang, "latin")


def _text(service: DirectoryService, name: str, lang: str) -> Localised:
    """The field in ``lang``, or its current Italian when the translation is missing or stale (whatever text a
    stale value still carries: it translates an Italian text that has changed since)."""
    found = service.text(name, lang)
    if found.status in ("stale", "missing") and found.lang != "it":
        italian = service.text(name, "it")
        return Localised(italian.text, "it", found.status, italian.text)
    return found


def _documents(service: DirectoryService, lang: str) -> list[Localised]:
    return [_text(service, f"documents.{n}", lang) for n in range(1, service.documents + 1)]


def _entry_page(service: DirectoryService, page: _Page) -> str:
    lang = page.lang
    name = _text(service, "name", lang)
    parts = [f'<p class="organisation">{_e(service.organisation.name)}</p>',
             f"<h1>{page.show(name)}</h1>"]
    if service.status == "temporarily closed":
        parts.append(f'<p class="warning">{page.label("dir_temporarily_closed")}</p>')
    if service.needs_reconfirmation:
        parts.append(f'<p class="warning">{page.label("dir_reconfirm")}</p>')
    if any(t.status == "draft" and t.lang == lang for t in service.texts.get(lang, {}).values()):
        parts.append(f'<p class="note">{page.label("draft_note")}</p>')
    for key, heading in (("description", "dir_about"), ("eligibility", "dir_eligibility"),
                         ("application", "dir_application")):
        text = _text(service, key, lang)
        if text.text:
            parts.append(f'<section><h2>{page.label(heading)}</h2><p>{page.show(text)}</p></section>')
    documents = [t for t in _documents(service, lang) if t.text]
    if documents:
        items = "".join(f"<li>{page.show(t)}</li>" for t in documents)
        parts.append(f'<section><h2>{page.label("documents")}</h2><ul>{items}</ul></section>')
    cost = _text(service, "cost", lang)
    if service.free is not None or cost.text:
        said = page.label("dir_free" if service.free else "dir_paid") if service.free is not None else ""
        detail = f" – {page.show(cost)}" if cost.text else ""
        parts.append(f'<section><h2>{page.label("dir_cost")}</h2><p>{said}{detail}</p></section>')
    for location in service.locations:
        rows = "".join(
            f'<tr><th scope="row">{_e(page.days[h.weekday - 1])}</th>'
            f'<td><bdi dir="ltr">{h.opens:%H:%M}–{h.closes:%H:%M}</bdi>'
            + (f" {page.italian(h.note)}" if h.note else "") + "</td></tr>" for h in location.hours)
        hours = (f'<h3>{page.label("dir_hours")}</h3><table class="hours">{rows}</table>' if rows else "")
        parts.append(f'<section class="place"><h2>{_e(location.name) or page.label("site_address")}</h2>'
                     f'<p class="address"><bdi dir="ltr">{_e(location.address.one_line())}</bdi></p>'
                     + (f"<p>{page.italian(location.accessibility)}</p>"
                        if location.accessibility else "") + f"{hours}</section>")
    contacts = []
    for contact in (*service.contacts, *service.organisation.contacts):
        value = _e(contact.value)
        if contact.kind == "phone":
            link = f'<a href="tel:{_e(contact.value.replace(" ", ""))}">{value}</a>'
        elif contact.kind == "email":
            link = f'<a href="mailto:{value}">{value}</a>'
        else:
            link = f'<a href="{value}">{value}</a>'
        label = page.label({"phone": "dir_phone", "email": "dir_email"}.get(contact.kind, "dir_website"))
        extra = f" ({page.italian(contact.label)})" if contact.label else ""
        contacts.append(f'<li>{label}: <bdi dir="ltr">{link}</bdi>{extra}</li>')
    if contacts:
        parts.append(f'<section><h2>{page.label("dir_contacts")}</h2><ul class="contacts">{"".join(contacts)}'
                     "</ul></section>")
    if service.languages:
        names = ", ".join(_e(page.language_name(code)) for code in service.languages)
        parts.append(f'<section><h2>{page.label("dir_languages")}</h2><p>{names}</p></section>')
    if service.categories:
        links = "".join(f'<li><a href="category-{code}.html">{page.show(page.texts.category(lang, code))}</a></li>'
                        for code in service.categories)
        parts.append(f'<ul class="chips">{links}</ul>')
    if service.last_confirmed:
        parts.append(f'<p class="confirmed">{page.label("site_confirmed")} {_e(page.date(service.last_confirmed))}'
                     "</p>")
    parts.append(f'<p class="actions"><a href="index.html">{page.label("site_back")}</a> '
                 f'<button type="button" onclick="window.print()">{page.label("site_print")}</button></p>')
    return page.frame(f"{_e(name.text)} – {_e(service.organisation.name)}", f'<article>{"".join(parts)}</article>',
                      depth=1, this=f"{service.uid}.html", description=_text(service, "description", lang).text[:160])


def _summary(service: DirectoryService, page: _Page) -> str:
    name = _text(service, "name", page.lang)
    return (f'<li data-uid="{service.uid}"><a href="{service.uid}.html">{page.show(name)}</a>'
            f' <span class="organisation">{_e(service.organisation.name)}</span></li>')


def _chips(page: _Page, used: Sequence[str], current: str | None = None) -> str:
    items = [f'<li><a href="index.html"{CURRENT if current is None else ""}>'
             f'{page.label("site_all")}</a></li>']
    items += [f'<li><a href="category-{code}.html"{CURRENT if code == current else ""}>'
              f'{page.show(page.texts.category(page.lang, code))}</a></li>' for code in used]
    return f'<nav aria-label="{_e(page.texts.label(page.lang, "site_categories").text)}"><ul class="chips">' \
           f'{"".join(items)}</ul></nav>'


def _index_page(services: Sequence[DirectoryService], page: _Page, used: Sequence[str]) -> str:
    search = (f'<form class="search" role="search" onsubmit="return false"><label for="q">'
              f'{page.label("site_search")}</label> <input id="q" name="q" type="search" autocomplete="off"></form>'
              f'<p id="status" class="status" aria-live="polite"></p>'
              f'<p id="none" class="status" hidden>{page.label("site_none")}</p>')
    entries = "".join(_summary(s, page) for s in services)
    body = (f'<h1>{page.label("site_title")}</h1>{search}{_chips(page, used)}'
            f'<ul id="entries" class="entries">{entries}</ul>'
            f'<script src="search-index.js"></script><script src="../assets/site.js"></script>')
    return page.frame(_e(page.texts.label(page.lang, "site_title").text), body, depth=1, this="index.html")


def _category_page(code: str, services: Sequence[DirectoryService], page: _Page, used: Sequence[str]) -> str:
    name = page.texts.category(page.lang, code)
    entries = "".join(_summary(s, page) for s in services)
    body = f'<h1>{page.show(name)}</h1>{_chips(page, used, code)}<ul class="entries">{entries}</ul>'
    return page.frame(_e(name.text), body, depth=1, this=f"category-{code}.html")


def _root_page(texts: SiteTexts) -> str:
    items = "".join(f'<li><a href="{lang}/index.html" lang="{lang}" dir="{"rtl" if lang in RTL_LANGUAGES else "ltr"}"'
                    f'>{_e(LANGUAGE_NAMES[lang])} – {_e(texts.label(lang, "site_title").text)}</a></li>'
                    for lang in LANGUAGES)
    return ('<!DOCTYPE html>\n<html lang="it" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{_e(texts.label("it", "site_title").text)}</title>\n'
            '<link rel="stylesheet" href="assets/site.css">\n</head>\n<body class="script-latin">\n'
            f'<main><h1>{_e(texts.label("it", "site_title").text)}</h1><ul class="choose">{items}</ul></main>\n'
            '</body>\n</html>\n')


def fold(text: str) -> str:
    """Text as the search compares it: lower case, accents dropped (NFKD), each run of spaces one space.

    The same rule as ``site.js``'s ``fold`` (the index is folded here, the query there).
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Only the Latin accents (U+0300-U+036F) go: Indic vowel signs and viramas are combining marks that spell the word.
    kept = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return " ".join(kept.split())


def _index_entry(service: DirectoryService, lang: str, texts: SiteTexts) -> list[str]:
    """``[uid, name, organisation, folded words to search]`` of one entry in ``lang`` (and its Italian)."""
    words = [_text(service, f, lang).text for f in ("name", "description", "eligibility")]
    words += [service.text(f, "it").text for f in ("name", "description")] if lang != "it" else []
    words += [service.organisation.name, *(loc.address.city for loc in service.locations),
              *(texts.category(lang, c).text for c in service.categories)]
    words += [t.text for t in _documents(service, lang)]
    return [service.uid, _text(service, "name", lang).text, service.organisation.name, fold(" ".join(words))]


# -- the folder -----------------------------------------------------------------------------------------------------
def build_site(folder: str | Path, services: Iterable[DirectoryService], texts: SiteTexts | None = None, *,
               languages: Sequence[str] = LANGUAGES,
               progress: Callable[[str], None] | None = None) -> SiteResult:
    """Write the site of ``services`` (the published ones: the caller's choice) into ``folder``.

    The folder is made anew: what a previous build left there (an entry withdrawn since) is removed, but only
    when the folder is a site built here (it holds ``assets/site.js``) or empty; any other folder is refused
    (``site_folder_in_use``), so a mistyped path never deletes someone's documents.
    """
    import gc

    from desk_app.errors import ValidationError

    texts = texts or shipped_texts()
    target = Path(folder)
    if target.exists() and any(target.iterdir()) and not (target / "assets" / "site.js").is_file():
        raise ValidationError("site_folder_in_use", path=str(target))
    ensure_folder(target)
    for child in target.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    entries = list(services)
    # Tens of thousands of short-lived strings: with the directory's values (and whatever the caller holds) out of
    # the collector's way, its full passes stop rescanning them (~25% of the build's time for 2,000 entries).
    gc.freeze()
    try:
        return _build(target, entries, texts, languages, progress)
    finally:
        gc.unfreeze()


def _build(target: Path, entries: list[DirectoryService], texts: SiteTexts, languages: Sequence[str],
           progress: Callable[[str], None] | None) -> SiteResult:
    used = [code for code in CATEGORIES if any(code in s.categories for s in entries)]
    written = 0
    size = 0

    def write(path: Path, text: str) -> None:
        nonlocal written, size
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += path.suffix == ".html"
        size += len(data)

    assets = ensure_folder(target / "assets")
    write(assets / "site.css", _css())
    write(assets / "site.js", SITE_JS)
    fonts = ensure_folder(assets / "fonts")
    for name in sorted({*LATIN[1], *(n for _family, files in SCRIPT_FONTS.values() for n in files)}):
        shutil.copyfile(font_dir() / name, fonts / name)
        size += (fonts / name).stat().st_size
    for licence in font_dir().glob("LICENSE*"):
        shutil.copyfile(licence, fonts / licence.name)
    write(target / "index.html", _root_page(texts))
    for lang in languages:
        if progress is not None:
            progress(lang)
        out = ensure_folder(target / lang)
        page = _Page(lang, texts)
        for service in entries:
            write(out / f"{service.uid}.html", _entry_page(service, page.fresh()))
        write(out / "index.html", _index_page(entries, page.fresh(), used))
        for code in used:
            write(out / f"category-{code}.html",
                  _category_page(code, [s for s in entries if code in s.categories], page.fresh(), used))
        index = [_index_entry(s, lang, texts) for s in entries]
        write(out / "search-index.js",
              "window.DIRECTORY_INDEX = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n")
    return SiteResult(target, len(entries), written, size)


def _css() -> str:
    faces = []
    for family, files in (LATIN, *SCRIPT_FONTS.values()):
        for name in files:
            weight = 700 if "Bold" in name else 400
            kind = "opentype" if name.endswith(".otf") else "truetype"
            faces.append(f'@font-face{{font-family:"{family}";src:url("fonts/{name}") format("{kind}");'
                         f"font-weight:{weight};font-display:swap}}")
    # By the lang attribute, not by page: a language's own name in the switcher, or an Italian text on an Urdu
    # page, takes its script's font wherever it stands (script fonts have no Latin letters: Noto Sans after).
    latin = ",".join(f'[lang="{lang}"]' for lang in LANGUAGES if lang not in SCRIPT_FONTS)
    rules = [f'{latin}{{font-family:"{LATIN[0]}",sans-serif}}']
    rules += [f'[lang="{lang}"]{{font-family:"{family}","{LATIN[0]}",sans-serif}}'
              for lang, (family, _files) in SCRIPT_FONTS.items()]
    return "\n".join(faces) + "\n" + "\n".join(rules) + "\n" + SITE_CSS


SITE_CSS = """
:root{--ink:#1a1a1a;--muted:#555;--line:#ccc;--accent:#0b5cad;--warn:#8a4b00;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--bg);line-height:1.5;font-size:17px}
body.script-nastaliq{line-height:2.2}
body.script-arabic,body.script-nastaliq{font-size:19px}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;
  padding:.6rem 1rem;border-bottom:1px solid var(--line);background:#f4f6f8}
header .home{font-weight:700;color:var(--ink);text-decoration:none}
nav.languages ul,.chips,.choose{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .6rem}
nav.languages a{font-size:.9rem}
[aria-current=page]{font-weight:700;color:var(--ink)}
main{max-width:46rem;margin:0 auto;padding:1rem}
a{color:var(--accent)}
h1{font-size:1.6rem;margin:.3rem 0 .8rem}
h2{font-size:1.15rem;margin:1.2rem 0 .3rem}
h3{font-size:1rem;margin:.6rem 0 .2rem}
.organisation,.confirmed,.status{color:var(--muted)}
.entries{padding:0;list-style:none}.entries li{padding:.45rem 0;border-bottom:1px solid var(--line)}
.entries .organisation{display:block;font-size:.9rem}
.chips{margin:.8rem 0}.chips a{display:inline-block;padding:.1rem .6rem;border:1px solid var(--line);
  border-radius:1rem;text-decoration:none}
.search input{font:inherit;padding:.35rem .5rem;width:100%;max-width:28rem;border:1px solid #888;border-radius:.3rem}
.warning{border-inline-start:4px solid var(--warn);padding:.3rem .7rem;background:#fff4e5}
.note{border-inline-start:4px solid var(--line);padding:.3rem .7rem;background:#f6f6f6;font-size:.95rem}
table.hours th{text-align:start;font-weight:400;padding-inline-end:1rem}
footer{max-width:46rem;margin:2rem auto 1rem;padding:0 1rem;color:var(--muted);font-size:.85rem}
.choose{flex-direction:column;font-size:1.2rem}
button{font:inherit}
[hidden]{display:none!important}
@media print{
  header,nav,.search,.actions,.chips,#status{display:none!important}
  body{font-size:11pt;color:#000}main{max-width:none;padding:0}
  a{color:#000;text-decoration:none}
  .contacts a[href^=http]::after{content:" (" attr(href) ")"}
  .warning,.note{background:none;border:1px solid #000}
  section{break-inside:avoid}
}
"""

SITE_JS = r"""// Search of the directory in the browser: no server, no network. The index is window.DIRECTORY_INDEX
// (search-index.js of this language): [uid, name, organisation, folded words]. A query (typed, or given as
// ?q=... or #q=...) keeps the entries in which every query word starts a word of the entry (or occurs in it, for
// Chinese, which has no spaces).
(function () {
  "use strict";
  var index = window.DIRECTORY_INDEX || [];
  var input = document.getElementById("q");
  var list = document.getElementById("entries");
  var status = document.getElementById("status");
  var none = document.getElementById("none");
  if (!input || !list) { return; }
  function fold(text) {
    // the same rule as desk_app.documents.site.fold: lower case, Latin accents dropped, spaces squeezed
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/\s+/)
      .filter(Boolean).join(" ");
  }
  var cjk = /[\u3400-\u9fff\uf900-\ufaff]/;
  function matches(words, query) {
    for (var i = 0; i < query.length; i++) {
      var q = query[i];
      if (cjk.test(q)) { if (words.indexOf(q) < 0) { return false; } continue; }
      if (words.indexOf(q) !== 0 && words.indexOf(" " + q) < 0) { return false; }
    }
    return true;
  }
  var items = {};
  Array.prototype.forEach.call(list.children, function (li) { items[li.getAttribute("data-uid")] = li; });
  function run() {
    var query = fold(input.value).split(" ").filter(Boolean);
    var shown = 0;
    index.forEach(function (entry) {
      var li = items[entry[0]];
      if (!li) { return; }
      var ok = query.length === 0 || matches(entry[3], query);
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.documentElement.setAttribute("data-results", String(shown));
    // isolated left to right, so an Arabic or Urdu page shows "2 / 21" and not "21 / 2"
    if (status) { status.textContent = query.length ? "\u2066" + shown + " / " + index.length + "\u2069" : ""; }
    if (none) { none.hidden = shown !== 0; }
  }
  function fromAddress() {
    var found = /[?#&]q=([^&#]*)/.exec(window.location.search + window.location.hash);
    if (found) { input.value = decodeURIComponent(found[1].replace(/\+/g, " ")); }
  }
  input.addEventListener("input", run);
  window.addEventListener("hashchange", function () { fromAddress(); run(); });
  fromAddress();
  run();
}());
"""


__all__ = ["LABELS", "SiteResult", "SiteTexts", "build_site", "entry_url", "fold", "office_texts", "shipped_texts"]
