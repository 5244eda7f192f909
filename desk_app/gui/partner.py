"""The page a ``partner`` account lands on (issue 15): its organisation's entries of the services directory.

A person of a body of the local network (a Comune office, the ASST, a CPIA, an association) describes its services
in Italian: name, description, who may go, how to access, cost, documents to bring, categories, languages spoken,
contacts and each place's opening hours. Saving stores the Italian; the change of a published entry becomes its
pending revision (shown "revisione in attesa"): the counter keeps the published text until the office publishes the
revision, and the form shows (and keeps editing) the revision meanwhile; **Submit for review** hands a draft to
the office; **Confirm still right** tells the office the entry is still correct (its "last confirmed" date, which
the counter and the public site show).
The core decides everything: which organisation the account may edit, what a state allows, what is refused.

Opening hours are typed one interval per line in the form the spreadsheet template uses:
``lun-ven 09:00-12:30``, ``mar 14:00-16:00 solo su appuntamento``. Contacts: ``telefono: 0371 …``,
``email: …``, ``sito: https://…``.

Keys: Ctrl+N new service, Ctrl+S save, Ctrl+Shift+S submit, Ctrl+Shift+C confirm, arrows in the list.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.gui.directory_models import DirectoryServicesModel, ServiceRole, state_label
from desk_app.gui.operations import Operation

if TYPE_CHECKING:
    from desk_app.core.directory_types import (
        Contact,
        DirectoryOrganisation,
        DirectoryService,
        Localised,
        OpeningHours,
    )
    from desk_app.errors import DeskError
    from desk_app.gui.runtime import Runtime
    from desk_app.gui.seams import Seams
    from desk_app.gui.session import DeskSession

log = logging.getLogger(__name__)
#: Italian words of the contact lines (the partner writes Italian), and back.
CONTACT_WORDS = {"phone": "telefono", "email": "email", "website": "sito"}
_WORD_KINDS = {"telefono": "phone", "tel": "phone", "phone": "phone", "email": "email", "e-mail": "email",
               "mail": "email", "pec": "email", "sito": "website", "web": "website", "website": "website"}
_DAYS = ("lun", "mar", "mer", "gio", "ven", "sab", "dom")


def hours_text(hours: tuple[OpeningHours, ...]) -> str:
    """Opening intervals as the lines the partner edits (``lun 09:00-12:30 note``), in weekday order."""
    return "\n".join(f"{_DAYS[h.weekday - 1]} {h.opens:%H:%M}-{h.closes:%H:%M}{' ' + h.note if h.note else ''}"
                     for h in sorted(hours, key=lambda h: (h.weekday, h.opens)))


def parse_hours(text: str) -> tuple[OpeningHours, ...]:
    """The lines typed back into intervals (the spreadsheet template's parser: one sentence for a bad line)."""
    from desk_app.core.directory import _parse_hours

    return _parse_hours([line for line in text.splitlines() if line.strip()])


def contacts_text(contacts: tuple[Contact, ...]) -> str:
    return "\n".join(f"{CONTACT_WORDS.get(c.kind, c.kind)}: {c.value}" for c in contacts)


def parse_contacts(text: str) -> tuple[Contact, ...]:
    """``telefono: 0371 …`` lines into contacts; the core checks each value (a bad one: one sentence)."""
    from desk_app.core.directory_types import Contact
    from desk_app.errors import ValidationError

    contacts = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.strip().lower().startswith(("http://", "https://")):  # an address typed alone is the website
            kind: str | None = "website"
            value = line
        else:
            word, _, value = line.partition(":")
            kind = _WORD_KINDS.get(word.strip().lower())
        if kind is None or not value.strip():
            raise ValidationError("bad_choice", field="contacts", value=line.strip()[:40],
                                  allowed="telefono, email, sito")
        contacts.append(Contact(kind, value.strip()))
    return tuple(contacts)


class PartnerPage(QWidget):
    """The partner's list of its organisation's entries and the editor of the selected one.

    Signals:
        refreshed(): the list shows a fresh read.
        saved(object): the core stored the entry (the :class:`DirectoryService` as stored).

    Attributes:
        organisation: the account's organisation, once read.
        model: the entries.
        current: the entry in the editor (``None``: a new one).
        message: the last feedback line.
        edit_actions: ``new``, ``save``, ``submit``, ``confirm`` (each with its key).
    """

    refreshed = Signal()
    saved = Signal(object)

    def __init__(self, session: DeskSession, runtime: Runtime, seams: Seams, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desk_app.core.directory import SPOKEN_LANGUAGES
        from desk_app.core.directory_types import CATEGORIES

        self.setObjectName("partnerPage")
        self.session, self.runtime, self.seams = session, runtime, seams
        self.organisation: DirectoryOrganisation | None = None
        self.current: DirectoryService | None = None
        self.message = ""
        self._hours: dict[str, str] = {}  # location uid -> the lines typed
        self._location = ""
        self._spoken = SPOKEN_LANGUAGES

        self.titleLabel = QLabel(self)
        font = self.titleLabel.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.titleLabel.setFont(font)
        intro = QLabel(self.tr("Describe your services in Italian: the project's translators translate them, the "
                               "office reviews and publishes them. Every change is checked by the office again."))
        intro.setWordWrap(True)
        self.model = DirectoryServicesModel(self, with_state=True)
        self.listView = QTableView(self)
        self.listView.setObjectName("partnerList")
        self.listView.setModel(self.model)
        self.listView.verticalHeader().hide()
        self.listView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.listView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.listView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.listView.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.listView.horizontalHeader().setSectionResizeMode(DirectoryServicesModel.SERVICE,
                                                              QHeaderView.ResizeMode.Stretch)

        self.nameEdit = QLineEdit(self)
        self.nameEdit.setObjectName("nameEdit")
        self.descriptionEdit = self._text_box()
        self.eligibilityEdit = self._text_box()
        self.applicationEdit = self._text_box()
        self.costEdit = QLineEdit(self)
        self.freeCombo = QComboBox(self)
        for value, label in ((None, self.tr("not said")), (True, self.tr("free of charge")),
                             (False, self.tr("not free (say the cost)"))):
            self.freeCombo.addItem(label, value)
        self.documentsEdit = self._text_box()
        self.documentsEdit.setPlaceholderText(self.tr("one document per line"))
        self.categoryList = QListWidget(self)
        self.categoryList.setObjectName("categoryList")
        for code in CATEGORIES:
            item = QListWidgetItem(code, self.categoryList)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.categoryList.setMaximumHeight(120)
        self.languagesEdit = QLineEdit(self)
        self.languagesEdit.setPlaceholderText(self.tr("codes, e.g. it, en, ar, fr"))
        self.contactsEdit = self._text_box()
        self.contactsEdit.setPlaceholderText("telefono: 0371 …\nemail: …\nsito: https://…")
        self.locationCombo = QComboBox(self)
        self.hoursEdit = self._text_box()
        self.hoursEdit.setObjectName("hoursEdit")
        self.hoursEdit.setPlaceholderText("lun-ven 09:00-12:30\nmar 14:00-16:00 solo su appuntamento")
        self.stateLabel = QLabel(self)
        self.stateLabel.setWordWrap(True)
        form = QFormLayout()
        for label, widget in ((self.tr("Na&me of the service:"), self.nameEdit),
                              (self.tr("&Description:"), self.descriptionEdit),
                              (self.tr("&Who may go:"), self.eligibilityEdit),
                              (self.tr("How to &access:"), self.applicationEdit),
                              (self.tr("Cos&t:"), self.freeCombo), ("", self.costEdit),
                              (self.tr("Documents to &bring:"), self.documentsEdit),
                              (self.tr("Categor&ies:"), self.categoryList),
                              (self.tr("&Languages spoken:"), self.languagesEdit),
                              (self.tr("C&ontacts:"), self.contactsEdit),
                              (self.tr("&Place:"), self.locationCombo),
                              (self.tr("Opening &hours:"), self.hoursEdit)):
            form.addRow(label, widget)
        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.stateLabel)
        editor_layout.addLayout(form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)

        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        self.newButton, self.saveButton = QPushButton(self), QPushButton(self)
        self.submitButton, self.confirmButton = QPushButton(self), QPushButton(self)
        self.edit_actions: dict[str, QAction] = {}
        for name, text, key, slot, button in (
                ("new", self.tr("&New service"), "Ctrl+N", self.new_service, self.newButton),
                ("save", self.tr("&Save"), "Ctrl+S", self.save, self.saveButton),
                ("submit", self.tr("Submit for &review"), "Ctrl+Shift+S", self.submit, self.submitButton),
                ("confirm", self.tr("&Confirm still right"), "Ctrl+Shift+C", self.confirm, self.confirmButton)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button.setText(f"{text}  ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
            button.clicked.connect(action.trigger)
            self.edit_actions[name] = action
        buttons = QHBoxLayout()
        for button in (self.newButton, self.saveButton, self.submitButton, self.confirmButton):
            buttons.addWidget(button)
        buttons.addStretch(1)

        splitter = QSplitter(self)
        splitter.setObjectName("partnerSplitter")
        splitter.addWidget(self.listView)
        splitter.addWidget(scroll)
        splitter.setSizes([420, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(self.titleLabel)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.messageLabel)
        layout.addLayout(buttons)
        self.listView.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.locationCombo.currentIndexChanged.connect(lambda *_: self._location_chosen())
        self._show(None)

    def _text_box(self) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setTabChangesFocus(True)  # Tab moves on, as in every other field: the form is keyboard-driven
        box.setMaximumHeight(80)
        return box

    # -- reading -------------------------------------------------------------------------------------------------
    def schedule_refresh(self, select_uid: str | None = None) -> None:
        """Read the organisation and its entries (on the worker); keep or move the selection to ``select_uid``."""
        directory, actor = self.session.core.directory, self.session.actor
        keep = select_uid or (self.current.uid if self.current is not None else None)

        def read() -> tuple[DirectoryOrganisation, list[DirectoryService], dict[str, Localised]]:
            return directory.my_organisation(actor), directory.services(actor), directory.category_names("it")

        def shown(read: tuple[DirectoryOrganisation, list[DirectoryService], dict[str, Localised]]) -> None:
            self.organisation, services, names = read
            for row in range(self.categoryList.count()):  # the categories by their Italian names, as the site
                item = self.categoryList.item(row)
                name = names.get(str(item.data(Qt.ItemDataRole.UserRole)))
                if name is not None and name.text:
                    item.setText(name.text)
            self.titleLabel.setText(self.tr("Services of %1").replace("%1", self.organisation.name))
            self.model.set_services(services)
            row = self.model.row_of(keep) if keep else -1
            if row < 0 and services and self.current is None:
                row = 0
            if row >= 0:
                self.listView.selectRow(row)
            self._update_actions()
            self.refreshed.emit()

        Operation(self, read, self.runtime.operations).coalesce("load").success(shown) \
            .failure(self._refused).run()

    def _selected(self) -> None:
        index: QModelIndex = self.listView.selectionModel().currentIndex()
        self._show(index.data(ServiceRole) if index.isValid() else None)

    def _show(self, current: DirectoryService | None) -> None:
        self.current = current
        # the form shows what the partner last wrote: its pending revision of a published entry, if any
        service = current.revision or current if current is not None else None
        text = (lambda name: service.text(name).text) if service is not None else (lambda name: "")
        self.nameEdit.setText(text("name"))
        self.descriptionEdit.setPlainText(text("description"))
        self.eligibilityEdit.setPlainText(text("eligibility"))
        self.applicationEdit.setPlainText(text("application"))
        self.costEdit.setText(text("cost"))
        self.freeCombo.setCurrentIndex(self.freeCombo.findData(service.free) if service is not None else 0)
        self.documentsEdit.setPlainText("\n".join(d.text for d in service.document_texts()) if service else "")
        categories = set(service.categories) if service is not None else set()
        for row in range(self.categoryList.count()):
            item = self.categoryList.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in categories
                               else Qt.CheckState.Unchecked)
        self.languagesEdit.setText(", ".join(service.languages) if service is not None else "it")
        self.contactsEdit.setPlainText(contacts_text(service.contacts) if service is not None else "")
        self._hours = {loc.uid: hours_text(loc.hours) for loc in service.locations} if service else {}
        self._location = ""
        self.locationCombo.blockSignals(True)
        self.locationCombo.clear()
        for location in (service.locations if service is not None else ()):
            self.locationCombo.addItem(f"{location.name} – {location.address.one_line()}", location.uid)
        self.locationCombo.blockSignals(False)
        self._location_chosen()
        if service is None:
            self.stateLabel.setText(self.tr("A new service: saved as a draft of your organisation."))
        else:
            confirmed = f"{service.last_confirmed:%d/%m/%Y}" if service.last_confirmed else self.tr("never")
            line = self.tr("State: %1 · last confirmed: %2").replace("%1", state_label(service.state)) \
                .replace("%2", confirmed)
            if current is not None and current.revision is not None:
                line += " · " + self.tr("revision pending: the office reviews your changes; until it publishes "
                                        "them the counter shows the published text")
            if service.needs_reconfirmation:
                line += " · " + self.tr("the office asks you to confirm it is still right")
            self.stateLabel.setText(line)
        self._update_actions()

    def _location_chosen(self) -> None:
        if self._location:
            self._hours[self._location] = self.hoursEdit.toPlainText()
        self._location = str(self.locationCombo.currentData() or "")
        self.hoursEdit.setEnabled(bool(self._location))
        self.hoursEdit.setPlainText(self._hours.get(self._location, ""))

    def _update_actions(self) -> None:
        state = self.current.state if self.current is not None else ""
        self.edit_actions["submit"].setEnabled(state == "draft")
        self.edit_actions["confirm"].setEnabled(state in ("draft", "submitted", "published"))
        self.edit_actions["save"].setEnabled(self.organisation is not None and state != "withdrawn")

    # -- writing -------------------------------------------------------------------------------------------------
    def new_service(self) -> None:
        """Ctrl+N: an empty form for a new service of the organisation."""
        self.listView.selectionModel().clear()
        self._show(None)
        self.nameEdit.setFocus()

    def edited(self) -> DirectoryService:
        """The entry as the form says (Italian only: the partner's own words); raises on a bad line."""
        from desk_app.core.directory_types import DirectoryService, Localised

        assert self.organisation is not None
        self._location_chosen()  # the hours typed for the place on screen
        fields = {"name": self.nameEdit.text(), "description": self.descriptionEdit.toPlainText(),
                  "eligibility": self.eligibilityEdit.toPlainText(),
                  "application": self.applicationEdit.toPlainText(), "cost": self.costEdit.text()}
        documents = [line.strip() for line in self.documentsEdit.toPlainText().splitlines() if line.strip()]
        fields.update({f"documents.{n}": text for n, text in enumerate(documents, start=1)})
        italian = {name: Localised(text.strip(), "it", "reviewed", text.strip()) for name, text in fields.items()}
        categories = tuple(str(self.categoryList.item(row).data(Qt.ItemDataRole.UserRole))
                           for row in range(self.categoryList.count())
                           if self.categoryList.item(row).checkState() == Qt.CheckState.Checked)
        languages = tuple(code.strip().lower() for code in self.languagesEdit.text().replace(";", ",").split(",")
                          if code.strip())
        base = self.current
        shown = (base.revision or base) if base is not None else None  # the places as the form shows them
        locations = tuple(dataclasses.replace(loc, hours=parse_hours(self._hours.get(loc.uid, "")))
                          for loc in (shown.locations if shown is not None else ()))
        values: dict[str, Any] = {"texts": {"it": italian}, "documents": len(documents), "categories": categories,
                  "languages": languages, "free": self.freeCombo.currentData(),
                  "contacts": parse_contacts(self.contactsEdit.toPlainText()), "locations": locations}
        if base is None:
            return DirectoryService("", self.organisation, state="draft", **values)
        return dataclasses.replace(base, revision=None, **values)

    def save(self) -> None:
        """Ctrl+S: store the Italian; the core says what it did (a published entry keeps its published content
        and gets the change as its pending revision)."""
        from desk_app.errors import DeskError

        if self.organisation is None:
            return
        try:
            entry = self.edited()
        except DeskError as exc:  # a bad line of hours or contacts: said before anything is sent
            self.say(exc.message(self.session.language), refused=True)
            return
        directory, actor = self.session.core.directory, self.session.actor

        def stored(service: DirectoryService) -> None:
            if service.revision is not None:
                self.say(self.tr("Saved as a revision awaiting the office's review: the published entry stays "
                                 "as it is until the office publishes it."))
            else:
                self.say(self.tr("Saved. State: %1.").replace("%1", state_label(service.state)))
            self.saved.emit(service)
            self.current = service
            self.schedule_refresh(service.uid)

        self._run(lambda: directory.put_service(actor, entry), stored)

    def submit(self) -> None:
        """Ctrl+Shift+S: hand the draft to the office for review."""
        self._transition("submit", self.tr("Sent to the office for review."))

    def confirm(self) -> None:
        """Ctrl+Shift+C: the entry is still right (its "last confirmed" date becomes today)."""
        self._transition("confirm", self.tr("Thank you: the entry is confirmed as still right today."))

    def _transition(self, name: str, done: str) -> None:
        service = self.current
        if service is None or not self.edit_actions[name].isEnabled():
            return
        directory, actor, uid = self.session.core.directory, self.session.actor, service.uid
        act = directory.submit if name == "submit" else directory.confirm

        def finished(stored: DirectoryService) -> None:
            self.say(done)
            self.schedule_refresh(stored.uid)

        self._run(lambda: act(actor, uid), finished)

    def _run(self, work: Callable[[], DirectoryService], done: Callable[[DirectoryService], object]) -> None:
        Operation(self, work, self.runtime.operations).success(done).failure(self._refused) \
            .busy(*self.edit_actions.values()).run()

    def _refused(self, exc: DeskError) -> None:
        self.say(exc.message(self.session.language), refused=True)

    def say(self, text: str, refused: bool = False) -> None:
        self.message = text
        self.messageLabel.setStyleSheet("color: #b00020;" if refused else "color: #0a6b2d;")
        self.messageLabel.setText(text)


__all__ = ["PartnerPage", "contacts_text", "hours_text", "parse_contacts", "parse_hours"]
