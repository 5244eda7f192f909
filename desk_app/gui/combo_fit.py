"""Combos whose items are long names (a procedure, a reception centre and its managing body): the closed combo
keeps a sensible width, the open list and the tooltips show every name whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

#: Room for the list's frame, margins and scrollbar, beyond the longest text.
_POPUP_PADDING = 48


def show_names_whole(combo: QComboBox) -> None:
    """Give every item its text as a tooltip and the open list the width of the longest text.

    Call it after filling ``combo``; the combo's current text is its tooltip as the choice changes (connect
    once with :func:`follow_tooltip`)."""
    metrics = combo.view().fontMetrics()
    widest = 0
    for row in range(combo.count()):
        text = combo.itemText(row)
        combo.setItemData(row, text, Qt.ItemDataRole.ToolTipRole)
        widest = max(widest, metrics.horizontalAdvance(text))
    combo.view().setMinimumWidth(widest + _POPUP_PADDING)
    combo.setToolTip(combo.currentText())


def follow_tooltip(combo: QComboBox) -> None:
    """The combo's tooltip is the whole text of its current item (a closed combo elides long names)."""
    combo.currentIndexChanged.connect(lambda _: combo.setToolTip(combo.currentText()))


__all__ = ["follow_tooltip", "show_names_whole"]
