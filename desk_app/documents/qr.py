"""QR codes on printed sheets (issue 15: the referral sheet points to its entry on the public site).

Made with `segno <https://segno.readthedocs.io>`_ (pure Python, ISO/IEC 18004), error correction level M (15% of
the code may be smudged or folded away and it still reads), with the standard quiet zone of four modules. The
image is a PNG with whole pixels per module, so neither Qt nor Word resamples a module edge into grey.
"""

from __future__ import annotations

import io

#: Printed width of the code on the sheets, millimetres: a phone camera reads a version 4-6 code from ~25 cm.
QR_MM = 34
#: Quiet zone around the code, in modules (ISO/IEC 18004 asks for 4).
QR_BORDER = 4
#: Pixels per module of the PNG (sharp at 300 dpi and 34 mm for versions up to ~10).
QR_SCALE = 12


def qr_png(data: str, *, scale: int = QR_SCALE) -> bytes:
    """A PNG of ``data`` as a QR code (black on white, quiet zone included)."""
    import segno

    code = segno.make_qr(data, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QR_BORDER, dark="black", light="white")
    return buffer.getvalue()


def qr_matrix(data: str) -> list[list[bool]]:
    """The modules of the code of ``data`` (``True`` = dark), without the quiet zone: what a test compares."""
    import segno

    code = segno.make_qr(data, error="m", boost_error=False)
    return [[bool(module) for module in row] for row in code.matrix]


__all__ = ["QR_BORDER", "QR_MM", "qr_matrix", "qr_png"]
