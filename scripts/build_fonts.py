"""Copy the Noto fonts shipped under ``desk_app/resources/fonts`` from Debian's packages and subset the CJK font.

Run on Debian/Ubuntu after ``apt-get install fonts-noto-core fonts-noto-cjk`` (and ``pip install brotli``, npm
on the PATH)::

    python scripts/build_fonts.py

Noto Nastaliq Urdu comes from the npm package ``@fontsource/noto-nastaliq-urdu`` (Google Fonts' version 3.007, as
woff2, decompressed to TTF here), not from Debian: Debian's 2.000 is mis-shaped by Qt 6.11 (WORKAROUND: an initial
nun 308 units below the baseline; see tests/test_print_nastaliq.py, which compares Qt's glyph positions with
HarfBuzz's and fails on 2.000).

Noto Sans CJK is a 19 MB CFF collection; the app needs Simplified Chinese only,
so the Regular and Bold faces are cut to GB 2312 (the 6,763 hanzi of everyday
Chinese) plus ASCII, Latin-1, general punctuation and CJK punctuation. That keeps
office edits of the Chinese texts printable while all fonts stay under 15 MB.
The fonts are OFL-1.1: their licence files are copied beside them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "desk_app" / "resources" / "fonts"
NOTO_CORE = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
#: Faces copied whole from Debian: Latin/Cyrillic, Arabic (Naskh), Devanagari, Gurmukhi, Bengali.
CORE_FACES = [
    f"{family}-{style}.ttf"
    for family in ("NotoSans", "NotoNaskhArabic", "NotoSansDevanagari", "NotoSansGurmukhi", "NotoSansBengali")
    for style in ("Regular", "Bold")
]
LICENCES = {
    "/usr/share/doc/fonts-noto-core/copyright": "LICENSE-noto-core.txt",
    "/usr/share/doc/fonts-noto-cjk/copyright": "LICENSE-noto-cjk.txt",
}


def gb2312_characters() -> str:
    """Every character encoded by GB 2312 (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    chars = []
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def subset_cjk(style: str) -> Path:
    """Write ``NotoSansCJKsc-<style>.otf`` cut to GB 2312 and common punctuation."""
    collection = TTCollection(str(NOTO_CJK / f"NotoSansCJK-{style}.ttc"))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_languages = ["*"]
    options.drop_tables += ["VORG", "vhea", "vmtx"]  # vertical layout is never used on these sheets
    unicodes = {ord(c) for c in gb2312_characters()}
    unicodes |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    unicodes |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | {0x20AC}
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    target = TARGET / f"NotoSansCJKsc-{style}.otf"
    font.save(str(target))
    return target


def fix_bold_weight(path: Path) -> None:
    """Give a Bold face the OS/2 weight 700 if it says 400.

    Debian's NotoNastaliqUrdu-Bold.ttf declares usWeightClass 400, the same as the
    Regular: Qt then cannot tell them apart and set every Urdu line in bold.
    """
    if not path.stem.endswith("-Bold"):
        return
    font = TTFont(str(path))
    if font["OS/2"].usWeightClass < 700:
        font["OS/2"].usWeightClass = 700
        font.save(str(path))


#: The npm package (pinned: the glyph-position test was run against this version) and its files per style.
NASTALIQ_PACKAGE = "@fontsource/noto-nastaliq-urdu@5.3.0"
NASTALIQ_FILES = {"Regular": "noto-nastaliq-urdu-arabic-400-normal.woff2",
                  "Bold": "noto-nastaliq-urdu-arabic-700-normal.woff2"}


def nastaliq_from_npm() -> None:
    """Write ``NotoNastaliqUrdu-<style>.ttf`` (3.007) from the fontsource package's woff2 files."""
    import subprocess
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "--silent", NASTALIQ_PACKAGE], cwd=tmp, check=True, capture_output=True)
        [archive] = Path(tmp).glob("*.tgz")
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        for style, name in NASTALIQ_FILES.items():
            font = TTFont(str(Path(tmp) / "package" / "files" / name))
            font.flavor = None  # woff2 -> plain TrueType (needs brotli)
            target = TARGET / f"NotoNastaliqUrdu-{style}.ttf"
            font.save(str(target))
            fix_bold_weight(target)
        shutil.copyfile(Path(tmp) / "package" / "LICENSE", TARGET / "LICENSE-noto-nastaliq-urdu.txt")


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    for face in CORE_FACES:
        shutil.copyfile(NOTO_CORE / face, TARGET / face)
        fix_bold_weight(TARGET / face)
    nastaliq_from_npm()
    for style in ("Regular", "Bold"):
        subset_cjk(style)
    for source, name in LICENCES.items():
        shutil.copyfile(source, TARGET / name)
    total = sum(p.stat().st_size for p in TARGET.iterdir())
    print(f"{len(list(TARGET.iterdir()))} files, {total / 1e6:.1f} MB in {TARGET}")


if __name__ == "__main__":
    main()
