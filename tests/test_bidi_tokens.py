"""Codes, article numbers, amounts, dates and phone numbers keep their order and never break inside.

Reference: python-bidi (the Unicode Bidirectional Algorithm, isolates included) for the visual order, and
Qt's own layout with the shipped fonts for what the PDF prints.
"""

from __future__ import annotations

import os
import re

import pytest
from bidi import get_display

from desk_app.core.sheets import LRI, PDI, Line, plain_text, protect_tokens

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKENS = ["S1/S2", "V2", "A2", "F24", "18-ter", "603-bis", "€16", "€14.62", "01/12/2026", "800 290 290",
          "0371 447 407", "LO/RF/2026/0187", "D.L. 34/2020", "RF-NO", "730"]
#: Sentences with a slot for a token (Arabic and Urdu, with the token in the middle and at the end).
SENTENCES = {
    "ar": ["قدّم النموذج {} في المكتب.", "المادة {}", "اتصل بالرقم {} مجانًا"],
    "ur": ["فارم {} کے ساتھ آئیں۔", "دفعہ {}", "نمبر {} پر کال کریں"],
}


def _visual(text: str) -> str:
    """The left-to-right display order of right-to-left ``text``, without the invisible marks."""
    return plain_text(get_display(text, base_dir="R"))


def _digit_only_isolation(text: str) -> str:
    """What the sheets did before: isolate the digits of a token only."""
    return re.sub(r"€?\d+(?:[ .,:/-]\d+)*", lambda m: f"{LRI}{m.group(0)}{PDI}", text)


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_whole_tokens_keep_their_order_in_rtl_text(lang: str) -> None:
    for sentence in SENTENCES[lang]:
        for token in TOKENS:
            text = sentence.format(token)
            printed = Line(text, lang).text
            assert printed.count(LRI) == 1 and printed.count(PDI) == 1, (token, printed)  # one isolate, whole
            assert token in _visual(printed), (lang, token, _visual(printed))
    # The reference algorithm does tell the difference: isolating the digits alone scrambles these.
    for token, scrambled in (("S1/S2", "2S1/S"), ("F24", "24F"), ("18-ter", "ter-18"), ("603-bis", "bis-603")):
        assert scrambled in _visual(_digit_only_isolation(SENTENCES[lang][0].format(token)))


def test_ltr_text_keeps_tokens_unbroken_but_not_isolated() -> None:
    line = Line("Portate il modello F24 e chiamate 800 290 290 (art. 18-ter).", "it")
    assert LRI not in line.text
    assert "800\u00a0290\u00a0290" in line.text and "18\u2011ter" in line.text
    assert plain_text(line.text) == "Portate il modello F24 e chiamate 800 290 290 (art. 18-ter)."


def test_protect_tokens_is_idempotent_and_leaves_words_alone() -> None:
    text = "مطلوب S1/S2 و 800 290 290 و RF-NO."
    once = protect_tokens(text, rtl=True)
    assert protect_tokens(once, rtl=True) == once
    assert protect_tokens("nulla osta (Comune)", rtl=True) == "nulla osta (Comune)"
    assert plain_text(once) == text


@pytest.mark.parametrize("lang", ["ar", "ur", "hi"])
def test_qt_prints_tokens_in_order_and_on_one_line(lang: str) -> None:
    """Qt's layout with the shipped fonts: each token runs left to right and no line ends inside it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    from desk_app.documents.fonts import families, register_fonts
    from desk_app.documents.pdf import ensure_gui

    ensure_gui()
    register_fonts()
    words = {"ar": "قدّم النموذج", "ur": "فارم کے ساتھ", "hi": "फ़ॉर्म जमा करें"}[lang]
    text = Line(" ".join(f"{words} {token}" for token in TOKENS), lang).text
    font = QFont()
    font.setFamilies(families(lang))
    font.setPixelSize(40)
    for width in (450, 600, 800):  # narrow columns: many chances to break inside a token
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if lang != "hi" else Qt.LayoutDirection.LeftToRight)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(line)
        layout.endLayout()
        breaks = {line.textStart() for line in lines[1:]}
        plain = plain_text(text)
        for token in TOKENS:
            start = 0
            for _ in range(plain.count(token)):
                # Map the token back to the printed string (marks included) by walking both strings.
                start = _find_printed(text, token, start)
                end = start + len(_printed_token(text, start, token))
                assert not any(start < b < end for b in breaks), (lang, width, token)
                line = next(ln for ln in lines if ln.textStart() <= start < ln.textStart() + ln.textLength())
                # Positions strictly inside the token (a cursor at its edge may sit on the RTL side).
                inner = [i for i in range(start, end) if text[i] not in (LRI, PDI, "\u2060")][1:]
                xs = [line.cursorToX(i)[0] for i in inner]
                assert xs == sorted(xs) and (len(xs) < 2 or xs[0] < xs[-1]), (lang, token, xs)  # left to right
                start = end


def _find_printed(text: str, token: str, start: int) -> int:
    """Index in ``text`` (with marks) where ``token`` (without marks) starts, at or after ``start``."""
    for index in range(start, len(text)):
        if plain_text(_printed_token(text, index, token)) == token:
            return index
    raise AssertionError(f"{token} not found in {text!r}")


def _printed_token(text: str, index: int, token: str) -> str:
    """The shortest piece of ``text`` from ``index`` that reads as ``token`` once the marks are removed."""
    for end in range(index + len(token), min(len(text), index + 3 * len(token)) + 1):
        piece = text[index:end]
        if plain_text(piece) == token:
            return piece
        if len(plain_text(piece)) > len(token):
            break
    return ""


@pytest.mark.parametrize("address", ["https://www.interno.gov.it/it/temi/immigrazione-2024",
                                     "www.prefettura.it/lodi", "sui.pref_lodi2@interno.it",
                                     "protocollo.preflo@pec.interno.it"])
@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_web_and_mail_addresses_stay_whole_and_exact(lang: str, address: str) -> None:
    for sentence in SENTENCES[lang]:
        printed = Line(sentence.format(address), lang).text
        # One isolate around the whole address, nothing inserted inside it (a copied link must still work).
        assert f"{LRI}{address}{PDI}" in printed, printed
        assert address in _visual(printed), (lang, address, _visual(printed))
    assert protect_tokens(f"Scrivere a {address}.", rtl=False) == f"Scrivere a {address}."
