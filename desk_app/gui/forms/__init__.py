"""Modules generated from the Designer forms in ``ui/`` by ``scripts/build_forms.py``. Do not edit them."""
