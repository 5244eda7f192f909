"""The legalisation table in the administration window (issue 12), read-only.

Each destination country of ``resources/content/legalisation.toml`` (:class:`~desk_app.core.legalisation.
LegalisationService`) with what documents for it need (EU regulation, Hague apostille, full legalisation, or not
known), where that comes from, when it was checked, and what is still "to verify" (such rows are marked and
tinted). The table is shipped data, changed with the program, not in the office: there is no editing here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desk_app.gui.operations import Operation
from desk_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desk_app.core.legalisation import Country
    from desk_app.gui.runtime import Runtime

#: What each status of the table means for a document going there.
_REQUIREMENTS = {
    "eu": QT_TRANSLATE_NOOP("LegalisationView", "EU country: nothing for the documents of Regulation (EU) "
                                                "2016/1191 (civil status, residence...), else apostille"),
    "party": QT_TRANSLATE_NOOP("LegalisationView", "Hague Convention party: apostille (unless a treaty exempts)"),
    "not_party": QT_TRANSLATE_NOOP("LegalisationView",
                                   "Not a Hague party: full legalisation (Prefettura, then consulate)"),
    "unknown": QT_TRANSLATE_NOOP("LegalisationView", "Not confirmed: full legalisation (the path that needs no "
                                                     "accession), to verify"),
}
_VERIFY_TINT = "#fff3cd"


def requirement(status: str) -> str:
    """The requirement of a country status, in the interface language."""
    return QCoreApplication.translate("LegalisationView", _REQUIREMENTS.get(status, status))


class LegalisationView(QWidget):
    """Country, requirement, source, check date and "to verify", one row per country.

    Attributes:
        table: the rows (column 0 holds the ISO code as data).
        countries: as last read.
    """

    def __init__(self, runtime: Runtime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.countries: list[Country] = []
        headers = [self.tr("Country"), self.tr("Requirement"), self.tr("Source"), self.tr("Checked on"),
                   self.tr("To verify")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        note = QLabel(self.tr("Shipped with the program (read-only here): each answer of the legalisation helper "
                              "comes from this table. Rows marked ⚠ are still to verify: check them before relying "
                              "on them."))
        note.setWordWrap(True)
        self.messageLabel = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.messageLabel)

    def reload(self) -> None:
        """Read the table (a file, on the worker like everything the window reads)."""
        core = self.runtime.core
        if core is None:
            return
        legalisation = core.legalisation
        Operation(self, legalisation.countries, self.runtime.operations).coalesce("load") \
            .success(self.show_countries) \
            .failure(lambda exc: self.messageLabel.setText(exc.message(self.runtime.language))).run()

    def show_countries(self, countries: list[Country]) -> None:
        self.countries = countries
        lang = self.runtime.language
        self.table.setRowCount(len(countries))
        for row, country in enumerate(countries):
            since = " (" + self.tr("since %1").replace("%1", country.since) + ")" if country.since else ""
            cells = [f"{'⚠ ' if country.verify else ''}{country.name(lang)} ({country.code})",
                     requirement(country.status) + since, country.source, country.checked_on, country.verify]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if country.verify:
                    item.setBackground(QBrush(QColor(_VERIFY_TINT)))
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, country.code)
                self.table.setItem(row, column, item)
        # Fixed widths: the long sentences are cut, and shown whole in the tooltip.
        for column, width in enumerate((170, 240, 200, 80)):
            self.table.setColumnWidth(column, width)
        self.messageLabel.setText(self.tr("%n country(ies), %1 to verify", "", len(countries))
                                  .replace("%1", str(sum(1 for c in countries if c.verify))))


__all__ = ["LegalisationView", "requirement"]
