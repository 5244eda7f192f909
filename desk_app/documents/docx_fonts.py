"""Embeds the shipped fonts in a DOCX, the way Word does, so a Windows PC shows the sheet without installing fonts.

Word keeps embedded fonts as *obfuscated* TrueType parts (ECMA-376 Part 1, 17.8.1 and 17.8.3.3):
``word/fonts/fontN.odttf``, related from ``word/fontTable.xml`` by ``w:embedRegular`` / ``w:embedBold``
with a ``w:fontKey`` GUID whose 16 bytes, in reverse order, are XORed over the font's first 32 bytes.
``w:embedTrueTypeFonts`` in ``settings.xml`` asks Word to keep them when the clerk saves the file again,
``w:saveSubsetFonts`` to keep them subset. LibreOffice reads the same parts.

Noto Sans is subset once per process to the Latin, Cyrillic and punctuation blocks (0.8 s; 512 KB -> about
120 KB), so any edit in a European language still prints; the script fonts (175-485 KB) are embedded whole:
subsetting Nastaliq took 3.4 s per document, and a whole font keeps every edit in the script printable.
Word embeds TrueType outlines only: the CFF-based Noto Sans CJK is not embedded; Chinese runs name a
Windows font first instead (see :data:`desk_app.documents.docx.WINDOWS_EAST_ASIAN`).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from lxml import etree  # type: ignore[import-untyped]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
#: Elements of CT_Settings that come before ``w:embedTrueTypeFonts``, in schema order.
_SETTINGS_BEFORE = ("writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
                    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
                    "printFractionalCharacterWidth", "printFormsData")
#: What the Latin subset keeps: Latin (Basic to Extended-B, Extended Additional), combining marks, Cyrillic,
#: general punctuation (no-break hyphen, isolates, word joiner), currency, letterlike symbols and arrows.
LATIN_SUBSET = frozenset({*range(0x20, 0x250), *range(0x2B0, 0x370), *range(0x400, 0x530), *range(0x1E00, 0x1F00),
                          *range(0x2000, 0x2070), *range(0x20A0, 0x20D0), *range(0x2100, 0x2200)})


@dataclass(frozen=True)
class EmbeddedFamily:
    """A family to embed: its name as the runs name it, its regular and bold files, and whether to subset
    it to :data:`LATIN_SUBSET`."""

    name: str
    regular: Path
    bold: Path | None = None
    latin_subset: bool = False


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def obfuscate(font: bytes, key: str) -> bytes:
    """XOR the first 32 bytes of ``font`` with the GUID ``key`` ("{XXXXXXXX-...}"), bytes in reverse order."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


@cache
def subset_font(path: Path, unicodes: frozenset[int] = LATIN_SUBSET) -> bytes:
    """The TrueType font at ``path`` cut to ``unicodes``, layout tables kept whole (cached per process)."""
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(str(path))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=set(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def document_text(docx: Path) -> str:
    """Every character of ``word/document.xml``'s text (what the embedded fonts must cover)."""
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return "".join(node.text or "" for node in root.iter(_w("t")))


def embed_fonts(docx: Path, families: Iterable[EmbeddedFamily]) -> list[str]:
    """Embed ``families`` into the DOCX at ``docx``, in place.

    Returns the part names written. A family already in the font table gets its embed elements added;
    a new one gets a ``w:font`` entry.
    """
    with zipfile.ZipFile(docx) as archive:
        entries = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    table = etree.fromstring(entries["word/fontTable.xml"])
    rels_name = "word/_rels/fontTable.xml.rels"
    rels = etree.fromstring(entries[rels_name]) if rels_name in entries else etree.Element(
        f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    written = []
    number = sum(1 for name in entries if name.startswith("word/fonts/"))
    for family in families:
        font = next((f for f in table.findall(_w("font")) if f.get(_w("name")) == family.name), None)
        if font is None:
            font = etree.SubElement(table, _w("font"))
            font.set(_w("name"), family.name)
            etree.SubElement(font, _w("charset")).set(_w("val"), "00")
            etree.SubElement(font, _w("family")).set(_w("val"), "auto")
            etree.SubElement(font, _w("pitch")).set(_w("val"), "variable")
        for tag in ("embedRegular", "embedBold"):
            for old in font.findall(_w(tag)):
                font.remove(old)
        for tag, path in (("embedRegular", family.regular), ("embedBold", family.bold)):
            if path is None:
                continue
            number += 1
            key = "{" + str(uuid.uuid4()).upper() + "}"
            part = f"fonts/font{number}.odttf"
            data = subset_font(path) if family.latin_subset else path.read_bytes()
            entries[f"word/{part}"] = obfuscate(data, key)
            rel_id = f"rIdFont{number}"
            rel = etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship")
            rel.set("Id", rel_id)
            rel.set("Type", FONT_REL)
            rel.set("Target", part)
            embed = etree.SubElement(font, _w(tag))
            embed.set(f"{{{R}}}id", rel_id)
            embed.set(_w("fontKey"), key)
            written.append(f"word/{part}")
    entries["word/fontTable.xml"] = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
    entries[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)

    types = etree.fromstring(entries["[Content_Types].xml"])
    if not any(d.get("Extension") == "odttf" for d in types.findall(f"{{{CONTENT_TYPES}}}Default")):
        default = etree.Element(f"{{{CONTENT_TYPES}}}Default")
        default.set("Extension", "odttf")
        default.set("ContentType", OBFUSCATED_FONT)
        types.insert(0, default)
    entries["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)

    settings = etree.fromstring(entries["word/settings.xml"])
    for tag in ("embedTrueTypeFonts", "saveSubsetFonts"):
        if settings.find(_w(tag)) is None:
            index = 0
            for position, child in enumerate(settings):
                if etree.QName(child).localname in (*_SETTINGS_BEFORE, "embedTrueTypeFonts", "embedSystemFonts"):
                    index = position + 1
            settings.insert(index, etree.Element(_w(tag)))
    entries["word/settings.xml"] = etree.tostring(settings, xml_declaration=True, encoding="UTF-8", standalone=True)

    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return written
