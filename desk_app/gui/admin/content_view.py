"""Content of the administration window (issue 12): which documents need translation work, in which language.

A table model of the office's documents (each procedure's instruction sheet and the exploitation sheet) by target
language, each cell the worst state of the texts that document prints
(:meth:`~desk_app.core.translations.TranslationService.coverage`): a text whose Italian changed is ``stale`` until
translated again. The work itself is done in the translation review window
(:mod:`desk_app.gui.translation_review`), opened from here for a role that may edit content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget

from desk_app.core.translations import TARGET_LANGUAGES, CoverageCell
from desk_app.gui.admin.content_editor import ContentEditor
from desk_app.gui.admin.legalisation_view import LegalisationView
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.gui.runtime import Runtime

_Index = QModelIndex | QPersistentModelIndex
#: Cell colours by state: the eye finds the work before reading (the letter says it too, for colour-blind staff).
_COLOURS = {"reviewed": "#d4edda", "draft": "#fff3cd", "stale": "#f8d7da", "missing": "#e2e3e5"}
_LETTERS = {"reviewed": "✓", "draft": "B", "stale": "!", "missing": "—"}


class CoverageModel(QAbstractTableModel):
    """Documents (rows) by target language (columns): the worst state and how many texts need work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents: list[str] = []
        self.cells: dict[str, dict[str, CoverageCell]] = {}

    def set_coverage(self, coverage: dict[str, dict[str, CoverageCell]]) -> None:
        self.beginResetModel()
        self.cells = coverage
        self.documents = sorted(coverage)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.documents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(TARGET_LANGUAGES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return TARGET_LANGUAGES[section] if orientation == Qt.Orientation.Horizontal else self.documents[section]

    def cell(self, row: int, column: int) -> CoverageCell | None:
        return self.cells.get(self.documents[row], {}).get(TARGET_LANGUAGES[column])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        found = self.cell(index.row(), index.column())
        if found is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            pending = found.total - found.counts.get("reviewed", 0)
            return f"{_LETTERS.get(found.status, '?')} {pending}" if pending else _LETTERS["reviewed"]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(_COLOURS.get(found.status, "#ffffff")))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ContentView(QWidget):
    """The coverage table and the way to the translation review; the Italian texts' editor; the legalisation table.

    Attributes:
        model: the coverage.
        reviewButton: opens the translation review window (hidden when there is none, disabled for other roles).
        pages: the three pages (coverage, Italian texts, legalisation).
        editor: the Italian texts of a procedure (:mod:`desk_app.gui.admin.content_editor`); a save reloads the
            coverage.
        legalisation: the legalisation table, read-only (:mod:`desk_app.gui.admin.legalisation_view`).
    """

    def __init__(self, runtime: Runtime, actor: Actor, open_review: Callable[[], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self._pages_read = False
        self.model = CoverageModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        legend = QLabel(self.tr("Each cell: the worst state of the texts a document prints in that language, and "
                                "how many need work. ✓ reviewed · B draft · ! stale (the Italian changed: translate "
                                "again) · — missing."))
        legend.setWordWrap(True)
        self.reviewButton = QPushButton(self.tr("Open the &translation review…"))
        self.reviewButton.setVisible(open_review is not None)
        self.reviewButton.setEnabled(actor.can("edit_content"))
        if open_review is not None:
            self.reviewButton.clicked.connect(lambda: open_review())
        self.messageLabel = QLabel()
        self.messageLabel.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reviewButton)
        coverage = QWidget()
        layout = QVBoxLayout(coverage)
        layout.addWidget(legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.editor = ContentEditor(runtime, actor)
        self.editor.saved.connect(lambda _key: self.reload())
        self.legalisation = LegalisationView(runtime)
        self.pages = QTabWidget()
        self.pages.addTab(coverage, self.tr("Translation co&verage"))
        self.pages.addTab(self.editor, self.tr("&Italian texts"))
        self.pages.addTab(self.legalisation, self.tr("&Legalisation table"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

    def reload(self) -> None:
        """Read the coverage (on the worker); the editor and the legalisation table read theirs when first shown."""
        core = self.runtime.core
        if core is None:
            return
        if not self._pages_read:
            self._pages_read = True
            self.editor.reload()
            self.legalisation.reload()
        translations = core.translations
        Operation(self, translations.coverage, self.runtime.operations).coalesce("load") \
            .success(self.model.set_coverage) \
            .failure(lambda exc: self.messageLabel.setText(exc.message(self.runtime.language))).run()


__all__ = ["ContentView", "CoverageModel"]
