"""Qt-free domain rules and use-case services. Never import PySide6 here."""
