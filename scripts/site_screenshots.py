"""Screenshots of the directory's public static site (issue 15), one page in every script, in headless Chromium.

A throw-away demo office with the Lodi demo directory (published); the site is generated as ``desk-admin directory
site`` does, opened from ``file://`` in headless Chromium WITHOUT the machine's fonts (only Liberation, which has no
Arabic, Indic or Chinese letters: every such glyph comes from the site's own ``assets/fonts``), and one entry page
is photographed per script: ``site-it.png`` (Latin), ``site-uk.png`` (Cyrillic), ``site-ar.png`` (Arabic, RTL),
``site-ur.png`` (Nastaliq, RTL), ``site-hi.png`` (Devanagari), ``site-bn.png`` (Bengali), ``site-pa.png``
(Gurmukhi), ``site-zh.png`` (Chinese), and the Italian and Arabic indexes with a search done from the address
(``site-search-it.png``, ``site-search-ar.png``). The demo entries are in Italian only; one of them gets a
translator's drafts of its name and description first (:data:`DRAFTS`), so each script shows in the pictures::

    python scripts/site_screenshots.py [--out docs/screenshots] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk_app.core.auth import Actor  # noqa: E402 - after the path set-up above
from desk_app.core.demo import create_demo_office  # noqa: E402
from desk_app.core.directory_types import Localised  # noqa: E402
from desk_app.core.queue import LANGUAGES  # noqa: E402
from desk_app.core.services import CoreServices  # noqa: E402
from desk_app.core.settings import Settings  # noqa: E402
from desk_app.documents.site import build_site, office_texts  # noqa: E402
from tests.site_browser import find_chromium, run_chromium  # noqa: E402

SCRIPTS = ("it", "uk", "ar", "ur", "hi", "bn", "pa", "zh")
#: The demo directory is in Italian only (translating it is the translators' work): for the pictures, one entry gets
#: a translator's drafts of its name and description in each script, stored as drafts through the directory service.
DRAFTED = "Corsi di italiano per stranieri (livelli A1, A2, B1)"
DRAFTS = {
    "en": ("Italian courses for foreigners (levels A1, A2, B1)",
           "Free Italian language courses in the morning, afternoon or evening, with an entry test to choose the "
           "level. The A2 certificate counts for the EU long-term residence permit and for the integration "
           "agreement."),
    "uk": ("Курси італійської мови для іноземців (рівні A1, A2, B1)",
           "Безкоштовні курси італійської мови вранці, вдень або ввечері, зі вступним тестом для вибору рівня. "
           "Сертифікат A2 зараховується для дозволу ЄС для довгострокових резидентів і для угоди про інтеграцію."),
    "ar": ("دروس اللغة الإيطالية للأجانب (المستويات A1 وA2 وB1)",
           "دروس مجانية في اللغة الإيطالية صباحًا أو بعد الظهر أو مساءً، مع اختبار دخول لاختيار المستوى. شهادة A2 "
           "صالحة لتصريح الإقامة الأوروبي طويل الأمد ولاتفاقية الاندماج."),
    "ur": ("غیر ملکیوں کے لیے اطالوی زبان کے کورس (لیول A1، A2، B1)",
           "صبح، دوپہر یا شام کو اطالوی زبان کے مفت کورس، لیول چننے کے لیے داخلہ ٹیسٹ کے ساتھ۔ A2 سرٹیفکیٹ طویل مدتی "
           "رہائش کے یورپی اجازت نامے اور انضمام کے معاہدے کے لیے قابلِ قبول ہے۔"),
    "hi": ("विदेशियों के लिए इतालवी भाषा पाठ्यक्रम (स्तर A1, A2, B1)",
           "सुबह, दोपहर या शाम को इतालवी भाषा के मुफ़्त पाठ्यक्रम, स्तर चुनने के लिए प्रवेश परीक्षा के साथ। A2 प्रमाणपत्र "
           "दीर्घकालिक निवासियों के लिए यूरोपीय संघ परमिट और एकीकरण समझौते के लिए मान्य है।"),
    "bn": ("বিদেশিদের জন্য ইতালীয় ভাষা কোর্স (স্তর A1, A2, B1)",
           "সকাল, দুপুর বা সন্ধ্যায় বিনামূল্যে ইতালীয় ভাষা কোর্স, স্তর বেছে নেওয়ার জন্য ভর্তি পরীক্ষাসহ। A2 সনদ "
           "দীর্ঘমেয়াদি বসবাসের ইইউ অনুমতিপত্র এবং একীকরণ চুক্তির জন্য গ্রহণযোগ্য।"),
    "pa": ("ਵਿਦੇਸ਼ੀਆਂ ਲਈ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਦੇ ਕੋਰਸ (ਪੱਧਰ A1, A2, B1)",
           "ਸਵੇਰੇ, ਦੁਪਹਿਰ ਜਾਂ ਸ਼ਾਮ ਨੂੰ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਦੇ ਮੁਫ਼ਤ ਕੋਰਸ, ਪੱਧਰ ਚੁਣਨ ਲਈ ਦਾਖਲਾ ਟੈਸਟ ਨਾਲ। A2 ਸਰਟੀਫਿਕੇਟ ਲੰਬੇ "
           "ਸਮੇਂ ਦੇ ਨਿਵਾਸੀਆਂ ਲਈ ਯੂਰਪੀ ਸੰਘ ਪਰਮਿਟ ਅਤੇ ਏਕੀਕਰਨ ਸਮਝੌਤੇ ਲਈ ਮੰਨਿਆ ਜਾਂਦਾ ਹੈ।"),
    "zh": ("外国人意大利语课程（A1、A2、B1级）",
           "免费意大利语课程，上午、下午或晚上上课，通过入学测试确定级别。A2证书可用于申请欧盟长期居留许可和融合协议。"),
}
SEARCHES = (("it", "italiano"), ("ar", "الإيطالية"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--keep", type=Path, help="also keep the generated site in this folder")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("site_screenshots: Chromium is not installed (Debian package chromium)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="sportello-site-shots-"))
    settings = Settings.load(home=work / "home", overrides={"language": "it"}, environ={})
    core = CoreServices.build(settings)
    try:
        core.upgrade_schema()
        system = Actor.system("screenshots")
        create_demo_office(core, system)
        core.directory.load_file(system)
        entry = next(s for s in core.directory.published() if s.text("name").text == DRAFTED)
        italian = entry.texts["it"]
        texts_in = {"it": dict(italian)} | {
            lang: {"name": Localised(name, lang, "draft", italian["name"].text),
                   "description": Localised(about, lang, "draft", italian["description"].text)}
            for lang, (name, about) in DRAFTS.items()}
        core.directory.put_service(system, replace(entry, texts=texts_in))
        services = core.directory.published()
        categories = {lang: core.directory.category_names(lang) for lang in LANGUAGES}
        texts = office_texts(lambda lang: core.content.texts(lang), categories)
    finally:
        core.close()
    site = args.keep or work / "site"
    result = build_site(site, services, texts)
    print(f"site: {result.entries} entries, {result.pages} pages, {result.bytes / 1e6:.1f} MB in {site}")
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in SCRIPTS:
        target = args.out / f"site-{lang}.png"
        run_chromium(chromium, work / "chromium", (site / lang / f"{entry.uid}.html").as_uri(), screenshot=target,
                     size=(900, 1400))
        print(target)
    for lang, query in SEARCHES:
        target = args.out / f"site-search-{lang}.png"
        run_chromium(chromium, work / "chromium", f"{(site / lang / 'index.html').as_uri()}?q={quote(query)}",
                     screenshot=target, size=(900, 900))
        print(target)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
