"""Sportello: front office for the immigration counters of a Prefettura (SUI and Legalizzazioni)."""

__version__ = "0.1.0"
APP_NAME = "Sportello"
APP_ID = "sportello"
