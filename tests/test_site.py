"""The public static site of the directory (issue 15): pages, stable addresses, fallbacks, and a real browser.

The browser tests open the generated folder from ``file://`` in headless Chromium with NO machine fonts (see
tests/site_browser.py): search from the address (``?q=``), right-to-left layout of Arabic and Urdu, and the
site's own fonts loaded for every script. Without Chromium they skip loudly, and fail under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from desk_app.core.directory_types import Localised
from desk_app.core.queue import LANGUAGES
from desk_app.documents.site import SiteTexts, build_site, entry_url, fold, shipped_texts
from desk_app.errors import ValidationError
from tests.directory_samples import anti_trafficking, italian_course, sample_services
from tests.site_browser import find_chromium, run_chromium

COURSE = italian_course().uid
HELP = anti_trafficking().uid


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "servizi"
    categories = {"it": {"italian_courses": Localised("Corsi di italiano", "it"),
                         "anti_trafficking": Localised("Antitratta e sfruttamento", "it")},
                  "ar": {"italian_courses": Localised("دورات اللغة الإيطالية", "ar")}}
    result = build_site(folder, sample_services(), shipped_texts(categories))
    assert result.entries == 2
    return folder


def test_entry_url_is_stable() -> None:
    assert entry_url("https://servizi.example.it/lodi/", "ur", COURSE) == \
        f"https://servizi.example.it/lodi/ur/{COURSE}.html"
    assert entry_url("", "it", COURSE) == f"it/{COURSE}.html"


def test_one_page_per_entry_and_language(site: Path) -> None:
    for lang in LANGUAGES:
        for uid in (COURSE, HELP):
            assert (site / lang / f"{uid}.html").is_file()
        assert (site / lang / "index.html").is_file() and (site / lang / "search-index.js").is_file()
    ar = (site / "ar" / f"{COURSE}.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in ar
    assert '<html lang="ur" dir="rtl">' in (site / "ur" / f"{COURSE}.html").read_text("utf-8")
    assert '<html lang="hi" dir="ltr">' in (site / "hi" / f"{COURSE}.html").read_text("utf-8")
    assert "دورات اللغة الإيطالية للكبار" in ar
    assert "الاثنين" in ar  # Monday, from CLDR
    assert "20 نوفمبر 2026" in ar  # last confirmed, as Arabic writes a date


def test_missing_and_stale_translations_show_the_italian_marked(site: Path) -> None:
    # the Arabic name of the anti-trafficking desk is stale: its page shows the Italian, marked as Italian
    page = (site / "ar" / f"{HELP}.html").read_text("utf-8")
    assert '<h1><span lang="it" dir="ltr" class="fallback">Sportello antitratta</span></h1>' in page
    assert "مكتب مكافحة الاتجار" not in page
    assert 'class="note italian"' in page
    # a draft translation says it is a draft; an Italian page has no such notes
    assert '<p class="note">' in (site / "fr" / f"{COURSE}.html").read_text("utf-8")  # the French name is a draft
    assert '<p class="note">' not in (site / "en" / f"{COURSE}.html").read_text("utf-8")
    italian = (site / "it" / f"{COURSE}.html").read_text("utf-8")
    assert 'class="note italian"' not in italian and 'class="fallback"' not in italian
    assert "temporaneamente chiuso" in (site / "it" / f"{HELP}.html").read_text("utf-8")


def test_no_network_address_in_the_site(site: Path) -> None:
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text("utf-8")
            # partners' own websites are links; nothing the page loads comes from elsewhere
            assert not re.search(r'(src|href)="(https?:)?//(?!cpia\.example\.it)', text), path
            assert "@import" not in text and "fetch(" not in text, path


def test_the_index_is_prebuilt_and_folded(site: Path) -> None:
    script = (site / "it" / "search-index.js").read_text("utf-8")
    index = json.loads(script.removeprefix("window.DIRECTORY_INDEX = ").rstrip().rstrip(";"))
    assert [row[0] for row in index] == [COURSE, HELP]
    assert "identita" in index[0][3] and "corsi di italiano" in index[0][3]
    assert fold("  Identità   CITTÀ ") == "identita citta"
    assert fold("पाठ्यक्रम") == "पाठ्यक्रम"  # Indic vowel signs and viramas are kept


def test_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "tesi.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        build_site(tmp_path, sample_services(), SiteTexts())
    assert caught.value.code == "site_folder_in_use"
    assert (tmp_path / "tesi.docx").read_text("utf-8") == "mine"


def test_a_rebuild_drops_withdrawn_entries(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    build_site(folder, sample_services(), SiteTexts(), languages=("it",))
    build_site(folder, [italian_course()], SiteTexts(), languages=("it",))
    assert (folder / "it" / f"{COURSE}.html").is_file() and not (folder / "it" / f"{HELP}.html").exists()


# -- in a real browser ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None:
        message = "Chromium is not installed (Debian package chromium): the site is NOT checked in a browser"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def _dom(chromium: str, site: Path, tmp_path: Path, address: str) -> str:
    path, _, query = address.partition("?")
    return run_chromium(chromium, tmp_path / "chromium", (site / path).as_uri() + (f"?{query}" if query else ""))


def _visible(dom: str) -> list[str]:
    return re.findall(r'<li data-uid="([0-9a-f-]+)"(?! hidden)', dom)


@pytest.mark.parametrize(("address", "found"), [
    ("it/index.html?q=italiano", [COURSE]),
    ("it/index.html?q=ANTITRATTA", [HELP]),
    ("it/index.html?q=codice+fiscale", [COURSE]),
    ("it/index.html?q=nulla+di+simile", []),
    ("it/index.html", [COURSE, HELP]),
    ("ar/index.html?q=%D8%AF%D9%88%D8%B1%D8%A7%D8%AA", [COURSE]),  # دورات
    ("zh/index.html?q=%E6%84%8F%E5%A4%A7%E5%88%A9", [COURSE]),  # 意大利, inside a word: Chinese has no spaces
    ("hi/index.html?q=%E0%A4%87%E0%A4%A4%E0%A4%BE%E0%A4%B2%E0%A4%B5%E0%A5%80", [COURSE]),  # इतालवी
])
def test_search_in_the_browser(chromium: str, site: Path, tmp_path: Path, address: str, found: list[str]) -> None:
    dom = _dom(chromium, site, tmp_path, address)
    assert f'data-results="{len(found)}"' in dom, dom[:400]
    assert _visible(dom) == found
    assert ('<p id="none" class="status">' in dom) == (not found)


PROBE = """<!DOCTYPE html><html><body><pre id="out">waiting</pre>
<iframe id="page" src="{src}" width="900" height="1300"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {{
  var doc = this.contentDocument, win = this.contentWindow;
  doc.fonts.ready.then(function () {{
    var range = doc.createRange();
    range.selectNodeContents(doc.querySelector("h1"));
    var h1 = range.getBoundingClientRect();
    var loaded = [];
    doc.fonts.forEach(function (f) {{ if (f.status === "loaded") {{ loaded.push(f.family.replace(/"/g, "")); }} }});
    document.getElementById("out").textContent = JSON.stringify({{
      direction: win.getComputedStyle(doc.body).direction, left: h1.left, right: h1.right,
      width: doc.documentElement.clientWidth, fonts: loaded,
      title: doc.querySelector("h1").textContent}});
  }});
}});
</script></body></html>"""


@pytest.mark.parametrize(("lang", "direction", "font"), [
    ("it", "ltr", "Noto Sans"), ("ar", "rtl", "Noto Naskh Arabic"), ("ur", "rtl", "Noto Nastaliq Urdu"),
    ("hi", "ltr", "Noto Sans Devanagari"), ("bn", "ltr", "Noto Sans Bengali"), ("pa", "ltr", "Noto Sans Gurmukhi"),
    ("zh", "ltr", "Noto Sans CJK SC"), ("uk", "ltr", "Noto Sans"),
])
def test_direction_and_own_fonts_in_the_browser(chromium: str, site: Path, tmp_path: Path, lang: str,
                                                direction: str, font: str) -> None:
    probe = site / f"probe-{lang}.html"
    probe.write_text(PROBE.format(src=f"{lang}/{COURSE}.html"), encoding="utf-8")
    try:
        dom = run_chromium(chromium, tmp_path / "chromium", probe.as_uri())
    finally:
        probe.unlink()
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found and found.group(1) != "waiting", dom[:400]
    result = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert result["direction"] == direction
    assert font in result["fonts"], result["fonts"]  # the site's own file, with no machine fonts to fall back on
    middle = result["width"] / 2
    if direction == "rtl":  # the title hugs the right margin
        assert result["left"] > middle - 200 and result["right"] > middle
    else:
        assert result["left"] < middle
