"""The Qt model of directory entries (issue 15), shared by the counter's search, the partner's window and the office
review tab: one row per :class:`~desk_app.core.directory_types.DirectoryService`, texts in Italian (the staff read
the partner's own words)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from desk_app.core.directory_types import DirectoryService

_Index = QModelIndex | QPersistentModelIndex
#: The row's :class:`DirectoryService` (for views and tests).
ServiceRole = int(Qt.ItemDataRole.UserRole) + 1


def state_label(state: str) -> str:
    """An entry's review state in the staff language."""
    labels = {"draft": QCoreApplication.translate("DirectoryModel", "draft"),
              "submitted": QCoreApplication.translate("DirectoryModel", "submitted for review"),
              "published": QCoreApplication.translate("DirectoryModel", "published"),
              "withdrawn": QCoreApplication.translate("DirectoryModel", "withdrawn")}
    return labels.get(state, state)


class DirectoryServicesModel(QAbstractTableModel):
    """Entries as rows: service, organisation, place, and (``with_state``) review state and last confirmation.

    Attributes:
        services: the rows, in the order the core gave them.
    """

    SERVICE, ORGANISATION, PLACE, STATE, CONFIRMED = range(5)

    def __init__(self, parent: Any = None, *, with_state: bool = False) -> None:
        super().__init__(parent)
        self.services: list[DirectoryService] = []
        self.with_state = with_state

    def set_services(self, services: list[DirectoryService]) -> None:
        self.beginResetModel()
        self.services = list(services)
        self.endResetModel()

    def service(self, row: int) -> DirectoryService | None:
        return self.services[row] if 0 <= row < len(self.services) else None

    def row_of(self, uid: str) -> int:
        return next((n for n, s in enumerate(self.services) if s.uid == uid), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.services)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else (5 if self.with_state else 3)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Service"), self.tr("Organisation"), self.tr("Place"), self.tr("State"),
                self.tr("Confirmed on"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        service = self.service(index.row()) if index.isValid() else None
        if service is None:
            return None
        if role == ServiceRole:
            return service
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.SERVICE:
                return service.text("name").text
            if column == self.ORGANISATION:
                return service.organisation.name
            if column == self.PLACE:
                return ", ".join(dict.fromkeys(loc.address.city for loc in service.locations))
            if column == self.STATE:  # a published entry may carry a partner's revision waiting for review
                pending = " · " + self.tr("revision pending") if service.revision is not None else ""
                return state_label(service.state) + pending
            if column == self.CONFIRMED:
                confirmed = f"{service.last_confirmed:%d/%m/%Y}" if service.last_confirmed else "—"
                return f"{confirmed} ⚠" if service.needs_reconfirmation else confirmed
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (self.SERVICE, self.ORGANISATION, self.PLACE):
            return self.data(index)  # the whole name where the column elides it
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.CONFIRMED and service.needs_reconfirmation:
            return self.tr("To be confirmed again by the organisation")
        return None


__all__ = ["DirectoryServicesModel", "ServiceRole", "state_label"]
