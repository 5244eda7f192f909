"""The office's review of the services directory (issue 15): a tab of the administration window.

Lists the entries partners submitted and those whose organisation has not confirmed them for longer than the office
allows (office setting ``directory_reconfirm_days``), or every entry; shows the selected one as its Italian referral
sheet (what the counter would print); **Publish** puts it on the counter's search, the export and the public site,
**Withdraw** (with a reason, audited) takes it off. A published entry with a partner's pending revision is listed
too ("revisione in attesa"): the preview shows the revision's sheet and, above it, what it changes against the
published content field by field; **Publish** makes the revision the published content, **Reject revision** drops it
(the published content stays). The core decides who may (``manage_directory``): for anyone else the buttons stay
greyed and the list is the core's refusal.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui.directory_models import DirectoryServicesModel, ServiceRole, state_label
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.auth import Actor
    from desk_app.core.directory_types import DirectoryService
    from desk_app.core.sheets import Sheet
    from desk_app.errors import DeskError
    from desk_app.gui.runtime import Runtime

log = logging.getLogger(__name__)


class DirectoryReview(QWidget):
    """Submitted entries and entries to re-confirm, with publish and withdraw.

    Signals:
        loaded(int): the list shows this many entries.

    Attributes:
        model: the entries of the chosen view.
        message: the last feedback line.
    """

    loaded = Signal(int)
    VIEWS = ("review", "reconfirm", "all")

    def __init__(self, runtime: Runtime, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runtime, self.actor = runtime, actor
        self.message = ""
        self.viewCombo = QComboBox(self)
        self.viewCombo.setObjectName("viewCombo")
        for code, label in (("review", self.tr("To review: submitted entries and revisions")),
                            ("reconfirm", self.tr("To be confirmed again by the organisation")),
                            ("all", self.tr("Every entry"))):
            self.viewCombo.addItem(label, code)
        self.model = DirectoryServicesModel(self, with_state=True)
        self.view = QTableView(self)
        self.view.setObjectName("reviewList")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(DirectoryServicesModel.SERVICE,
                                                          QHeaderView.ResizeMode.Stretch)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("reviewPreview")
        # what a pending revision changes against the published content (hidden when there is none)
        self.changesView = QTextEdit(self)
        self.changesView.setObjectName("revisionChanges")
        self.changesView.setReadOnly(True)
        self.changesView.setAcceptRichText(False)
        self.changesView.hide()
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setPlaceholderText(self.tr("reason for withdrawing or rejecting (kept in the audit log)"))
        self.reasonEdit.setMaxLength(10 * 300)  # a longer paste stays whole: the check says too long
        self.publishButton = QPushButton(self.tr("&Publish"), self)
        self.withdrawButton = QPushButton(self.tr("&Withdraw"), self)
        self.rejectButton = QPushButton(self.tr("&Reject revision"), self)
        self.rejectButton.setEnabled(False)  # only for an entry with a pending revision
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.publish_action = QAction(self.tr("Publish the entry"), self)
        self.publish_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.publish_action.triggered.connect(self.publish)
        self.addAction(self.publish_action)
        self.publishButton.clicked.connect(self.publish)
        self.withdrawButton.clicked.connect(self.withdraw)
        self.rejectButton.clicked.connect(self.reject_revision)
        allowed = actor.can("manage_directory")
        self.publishButton.setEnabled(allowed)
        self.withdrawButton.setEnabled(allowed)
        self.publish_action.setEnabled(allowed)

        top = QHBoxLayout()
        show_label = QLabel(self.tr("&Show:"))
        show_label.setBuddy(self.viewCombo)
        top.addWidget(show_label)
        top.addWidget(self.viewCombo, 1)
        splitter = QSplitter(self)
        splitter.setObjectName("reviewSplitter")
        splitter.addWidget(self.view)
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.addWidget(self.changesView)
        right.addWidget(self.preview)
        right.setSizes([180, 420])
        splitter.addWidget(right)
        splitter.setSizes([560, 480])
        buttons = QHBoxLayout()
        buttons.addWidget(self.publishButton)
        buttons.addWidget(self.reasonEdit, 1)
        buttons.addWidget(self.withdrawButton)
        buttons.addWidget(self.rejectButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.viewCombo.currentIndexChanged.connect(lambda *_: self.reload())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._selected())

    def reload(self, keep: str | None = None) -> None:
        """Read the entries of the chosen view (on the worker)."""
        core = self.runtime.core
        if core is None:
            return
        directory, actor, chosen = core.directory, self.actor, self.viewCombo.currentData()
        selected = self.selected()
        keep = keep or (selected.uid if selected is not None else None)

        def read() -> list[DirectoryService]:
            if chosen == "review":  # submitted entries and published ones with a partner's revision
                found = {s.uid: s for s in directory.services(actor, state="submitted")}
                found |= {s.uid: s for s in directory.services(actor, revised_only=True)}
                from desk_app.core.directory import normalise

                return sorted(found.values(), key=lambda v: (normalise(v.organisation.name),
                                                             normalise(v.text("name").text)))
            return directory.services(actor, reconfirm_only=chosen == "reconfirm")

        def shown(services: list[DirectoryService]) -> None:
            self.model.set_services(services)
            row = self.model.row_of(keep) if keep else -1
            if services:
                self.view.selectRow(max(row, 0))
            else:
                self.preview.clear()
                self._show_changes(None)  # nothing selected: no revision's changes left on screen
            self.loaded.emit(len(services))

        Operation(self, read, self.runtime.operations).coalesce("load").success(shown).failure(self._refused).run()

    def selected(self) -> DirectoryService | None:
        index: QModelIndex = self.view.selectionModel().currentIndex()
        return index.data(ServiceRole) if index.isValid() else None

    def _selected(self) -> None:
        service = self.selected()
        core = self.runtime.core
        self._show_changes(service)
        if service is None or core is None:
            self.preview.clear()
            return
        from desk_app.core.sheets import SheetBuilder

        content, directory, actor, uid = core.content, core.directory, self.actor, service.uid

        def build() -> Sheet:
            current = directory.service(actor, uid, "it")
            # a pending revision is what the office reviews: its sheet is what publishing would give
            return SheetBuilder(content).referral(current.revision or current, "it")

        Operation(self, build, self.runtime.operations).coalesce("preview").success(self._show_sheet) \
            .failure(lambda exc: self.preview.setPlainText(exc.message(self.runtime.language))).run()

    def field_label(self, name: str) -> str:
        """A field of an entry in the staff language (for the list of changes)."""
        labels = {"name": self.tr("Name"), "description": self.tr("Description"),
                  "eligibility": self.tr("Who may go"), "cost": self.tr("Cost"),
                  "application": self.tr("How to access"), "documents": self.tr("Documents to bring"),
                  "categories": self.tr("Categories"), "languages": self.tr("Languages spoken"),
                  "free": self.tr("Free of charge"), "status": self.tr("Status"), "contacts": self.tr("Contacts"),
                  "locations": self.tr("Places and opening hours")}
        return labels.get(name, name)

    def _show_changes(self, service: DirectoryService | None) -> None:
        """Above the sheet: what the pending revision changes, field by field (published text, then revised)."""
        revision = service.revision if service is not None else None
        self.rejectButton.setEnabled(revision is not None and self.actor.can("manage_directory"))
        if service is None or revision is None:
            self.changesView.clear()
            self.changesView.hide()
            return
        from desk_app.clock import local_time
        from desk_app.core.directory_revision import changes

        found = changes(service, revision)
        # stored in UTC; shown on the office's clock (the directory's offices are Italian: the default zone)
        saved = f"{local_time(revision_at):%d/%m/%Y %H:%M}" if (revision_at := service.revision_at) else ""
        lines = [self.tr("Revision by %1 (%2), awaiting review. Changes against the published entry:")
                 .replace("%1", service.revision_by).replace("%2", saved)]
        for name, before, after in found:
            lines += ["", f"■ {self.field_label(name)}", self.tr("published:") + " " + (before or "—"),
                      self.tr("revised:") + " " + (after or "—")]
        if not found:
            lines += ["", self.tr("No field differs from the published entry.")]
        self.changesView.setPlainText("\n".join(lines))
        self.changesView.show()

    def _show_sheet(self, sheet: Sheet) -> None:
        from desk_app.documents.pdf import build_document

        document = build_document(sheet)
        document.setDocumentMargin(12)  # on paper the page margins; on screen, room from the frame and scroll bar
        document.setParent(self.preview)
        previous = self.preview.document()
        ours = previous is not None and previous.parent() is self.preview  # asked before: Qt deletes its default one
        self.preview.setDocument(document)
        if ours:
            previous.deleteLater()  # one sheet's document (and its QR image) at a time, all day long

    def publish(self) -> None:
        """Ctrl+Enter: publish the selected entry."""
        self._act("publish")

    def withdraw(self) -> None:
        """Take the selected entry off the counter, the export and the site, with the reason typed."""
        self._act("withdraw")

    def reject_revision(self) -> None:
        """Drop the selected entry's pending revision (the published content stays), with the reason typed."""
        self._act("reject")

    def _act(self, how: str) -> None:
        service, core = self.selected(), self.runtime.core
        if service is None or core is None or not self.actor.can("manage_directory"):
            return
        directory, actor, uid, reason = core.directory, self.actor, service.uid, self.reasonEdit.text()

        def done(stored: DirectoryService) -> None:
            self.reasonEdit.clear()
            self.say(self.tr("“%1” is now %2.").replace("%1", stored.text("name").text)
                     .replace("%2", state_label(stored.state)))
            self.reload()

        works = {"publish": lambda: directory.publish(actor, uid),
                 "withdraw": lambda: directory.withdraw(actor, uid, reason),
                 "reject": lambda: directory.reject_revision(actor, uid, reason)}
        work = works[how]
        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .busy(self.publishButton, self.withdrawButton, self.rejectButton).run()

    def _refused(self, exc: DeskError) -> None:
        self.say(exc.message(self.runtime.language), refused=True)

    def say(self, text: str, refused: bool = False) -> None:
        self.message = text
        self.messageLabel.setStyleSheet("color: #b00020;" if refused else "color: #0a6b2d;")
        self.messageLabel.setText(text)


__all__ = ["DirectoryReview"]
