"""Seams to the outside world (Picard's ``UserDialogService``, Vorta's keyring ABCs).

Widgets never call ``QMessageBox``, ``QInputDialog``, the printer or the sound
card directly: they get these small services from the composition root, and
tests pass fakes that record what would have been shown, printed or played.
The clock seam is the core's :class:`~desk_app.clock.Clock`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from desk_app.gui.printing import TicketPrinter
    from desk_app.gui.sheet_printing import SheetPrinter

log = logging.getLogger(__name__)


class UserDialogs(Protocol):
    """Message boxes and simple questions."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def warn(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        """``True`` if the user agreed."""
        ...

    def choose(self, parent: QWidget | None, title: str, label: str, options: Sequence[str]) -> int | None:
        """Index of the chosen option, or ``None`` when cancelled."""
        ...

    def save_file(self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str) -> Path | None:
        """Where to save a file (``suggested_name`` proposed in the user's documents), or ``None`` when cancelled."""
        ...


class QtDialogs:
    """The real dialogs (window-modal, so the rest of the app keeps updating)."""

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, label: str, options: Sequence[str]) -> int | None:
        item, ok = QInputDialog.getItem(parent, title, label, list(options), 0, False)
        return list(options).index(item) if ok and item in options else None

    def save_file(self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str) -> Path | None:
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested_name), name_filter)
        return Path(chosen) if chosen else None


class Chime(Protocol):
    """The display board's call sound."""

    def play(self) -> None: ...


class SoundEffectChime:
    """Plays a WAV through QtMultimedia; the module loads on first use, not at start-up.

    A chime that cannot sound (QtMultimedia or its system audio library missing, no
    audio device, an unreadable file) is logged once with its cause and is silent
    from then on: a sound must never interrupt the board or a desk.

    Args:
        path: the WAV file (``desk_app/resources/sounds/chime.wav``).
        volume: 0.0-1.0.

    Attributes:
        failed: the error that silenced the chime, if any.
    """

    def __init__(self, path: Path, volume: float = 1.0) -> None:
        self.path = path
        self.volume = volume
        self._effect: Any = None
        self.failed: BaseException | None = None

    def play(self) -> None:
        if self.failed is not None:
            return
        try:
            if self._effect is None:
                if not self.path.is_file():
                    raise FileNotFoundError(str(self.path))
                from PySide6.QtMultimedia import QSoundEffect

                effect = QSoundEffect()
                # QSoundEffect loads and decodes in the background: a bad file or no audio backend shows up
                # later as status Error, not as an exception here.
                effect.statusChanged.connect(self._status_changed)
                effect.setSource(QUrl.fromLocalFile(str(self.path)))
                effect.setVolume(self.volume)
                self._effect = effect
            self._effect.play()
        except Exception as exc:  # noqa: BLE001 - whatever breaks the sound, the call itself must go on
            self._off(exc)

    def _status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if self._effect is not None and self._effect.status() == QSoundEffect.Status.Error and self.failed is None:
            self._off(OSError(f"QtMultimedia could not load or play {self.path.name}"))

    def _off(self, exc: BaseException) -> None:
        self.failed = exc
        log.warning("the call chime is off: it cannot play %s (%s: %s)", self.path, type(exc).__name__, exc,
                    exc_info=exc)


@dataclass
class Seams:
    """Everything the windows need from outside: built once by the composition root.

    Attributes:
        dialogs: message boxes and questions.
        chime: the board's call sound.
        printer: where tickets go (printer, print dialog or PDF files).
        sheets: where the user sheets of the checklist go (print dialog, save dialog, or PDF files).
    """

    dialogs: UserDialogs
    chime: Chime
    printer: TicketPrinter
    sheets: SheetPrinter = field(default_factory=lambda: _qt_sheet_printer())


def _qt_sheet_printer() -> SheetPrinter:
    from desk_app.gui.sheet_printing import QtSheetPrinter

    return QtSheetPrinter()


@dataclass
class RecordingDialogs:
    """Dialogs that show nothing and remember what they were asked (tests, screenshots, benchmarks).

    Attributes:
        shown: ``(kind, title, text)`` of every message.
        answers: indexes :meth:`choose` returns in turn (``None`` = cancel); default: the first option.
        agree: what :meth:`confirm` answers.
        save_folder: where :meth:`save_file` saves (under the suggested name); ``None`` answers "cancelled".
    """

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answers: list[int | None] = field(default_factory=list)
    agree: bool = True
    save_folder: Path | None = None

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("warning", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.agree

    def choose(self, parent: QWidget | None, title: str, label: str, options: Sequence[str]) -> int | None:
        self.shown.append(("choose", title, label))
        return self.answers.pop(0) if self.answers else 0

    def save_file(self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str) -> Path | None:
        self.shown.append(("save", title, suggested_name))
        return self.save_folder / suggested_name if self.save_folder is not None else None


@dataclass
class CountingChime:
    """A silent chime that counts how often it would have sounded."""

    played: int = 0

    def play(self) -> None:
        self.played += 1
