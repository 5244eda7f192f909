"""Documents for users and supervisors: the multilingual sheets as PDF (Qt text engine) and DOCX.

This package may import Qt; :mod:`desk_app.core` never does. Multilingual text goes
through Qt's ``QTextDocument`` (bidi, Arabic and Nastaliq shaping, Indic conjuncts,
CJK line breaking): see DESIGN.md for why not reportlab.
"""
