"""The desk application: Qt widgets, item models and dialogs over :mod:`desk_app.core`.

Entry point and boot order: :mod:`desk_app.gui.app`.
"""
