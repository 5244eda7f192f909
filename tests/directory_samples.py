"""Directory values built in tests (issue 15): two services of fictional Lodi-area organisations, every text field,
translations in every script (one a draft, one stale)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from desk_app.core.directory_types import (
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)

ORG_CPIA = DirectoryOrganisation(
    uid="0b7f2a44-3c1d-4c6e-9a51-5f0b2e7d8a11", name="CPIA Lodi",
    description="Centro provinciale per l'istruzione degli adulti: corsi di italiano e licenza media.",
    website="https://cpia.example.it", email="segreteria@cpia.example.it",
    contacts=(Contact("phone", "0371 000 111", "Segreteria"), Contact("email", "corsi@cpia.example.it", "Corsi")))
ORG_SOMASCHI = DirectoryOrganisation(
    uid="1c8e3b55-4d2e-4d7f-8b62-6a1c3f8e9b22", name="Associazione Esempio Antitratta",
    description="Sportello antitratta e contro lo sfruttamento lavorativo.")

#: Translations of a service's name, in each script of the 13 languages.
NAMES = {
    "en": "Italian courses for adults", "fr": "Cours d'italien pour adultes", "ar": "دورات اللغة الإيطالية للكبار",
    "ur": "بالغوں کے لیے اطالوی زبان کے کورس", "hi": "वयस्कों के लिए इतालवी भाषा पाठ्यक्रम",
    "bn": "প্রাপ্তবয়স্কদের জন্য ইতালীয় ভাষা কোর্স", "pa": "ਬਾਲਗਾਂ ਲਈ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਦੇ ਕੋਰਸ",
    "zh": "成人意大利语课程", "uk": "Курси італійської мови для дорослих",
}
DESCRIPTIONS = {
    "en": "Free Italian courses from A1 to B1, with the A2 test.",
    "ar": "دورات مجانية في اللغة الإيطالية من المستوى A1 إلى B1، مع اختبار A2.",
    "ur": "اطالوی زبان کے مفت کورس A1 سے B1 تک، A2 ٹیسٹ کے ساتھ۔",
    "hi": "A1 से B1 तक मुफ़्त इतालवी पाठ्यक्रम, A2 परीक्षा के साथ।",
    "bn": "A1 থেকে B1 পর্যন্ত বিনামূল্যে ইতালীয় কোর্স, A2 পরীক্ষাসহ।",
    "pa": "A1 ਤੋਂ B1 ਤੱਕ ਮੁਫ਼ਤ ਇਤਾਲਵੀ ਕੋਰਸ, A2 ਟੈਸਟ ਨਾਲ।",
    "zh": "从A1到B1的免费意大利语课程，包括A2考试。",
}


def _texts(italian: dict[str, str], translations: dict[str, dict[str, str]],
           status: str = "reviewed") -> dict[str, dict[str, Localised]]:
    texts: dict[str, dict[str, Localised]] = {"it": {k: Localised(v, "it", "reviewed", v) for k, v in italian.items()}}
    for lang, fields in translations.items():
        texts[lang] = {k: Localised(v, lang, status, italian[k]) for k, v in fields.items()}
    return texts


def italian_course() -> DirectoryService:
    """A full service: every text, two documents, two places with hours, contacts of each kind, translations."""
    italian = {"name": "Corsi di italiano per adulti",
               "description": "Corsi gratuiti di italiano dal livello A1 al B1, con il test A2.",
               "eligibility": "Persone dai 16 anni in su, con o senza permesso di soggiorno.",
               "cost": "Gratuito; il libro di testo costa 15 euro.",
               "application": "Iscrizione in segreteria negli orari di apertura.",
               "documents.1": "Documento d'identità o passaporto", "documents.2": "Codice fiscale"}
    translations = {lang: {"name": NAMES[lang], **({"description": DESCRIPTIONS[lang]} if lang in DESCRIPTIONS
                                                    else {})} for lang in NAMES}
    texts = _texts(italian, translations)
    texts["fr"]["name"] = Localised(NAMES["fr"], "fr", "draft", italian["name"])
    return DirectoryService(
        uid="2d9f4c66-5e3f-4e80-9c73-7b2d4a9fac33", organisation=ORG_CPIA, texts=texts, documents=2,
        categories=("italian_courses", "children_schools"), languages=("it", "en", "ar"),
        locations=(
            DirectoryLocation("3ea05d77-6f40-4f91-8d84-8c3e5bab0d44", "Sede di Lodi",
                              Address("Via Esempio 12", "26900", "Lodi"),
                              (OpeningHours(1, time(9), time(12, 30)), OpeningHours(2, time(9), time(12, 30)),
                               OpeningHours(3, time(14), time(17), "solo su appuntamento")),
                              latitude=45.3142, longitude=9.5034, accessibility="Ingresso senza gradini"),
            DirectoryLocation("4fb16e88-7051-4aa2-9e95-9d4f6cbc1e55", "Sede di Codogno",
                              Address("Piazza Prova 3", "26845", "Codogno"),
                              (OpeningHours(4, time(9), time(13)),))),
        contacts=(Contact("phone", "0371 000 222", "Corsi serali"), Contact("phone", "800 000 333"),
                  Contact("email", "italiano@cpia.example.it"), Contact("email", "serali@cpia.example.it", "Serali"),
                  Contact("website", "https://cpia.example.it/italiano"),
                  Contact("website", "https://cpia.example.it/test-a2")),
        free=True, status="active", state="published", last_confirmed=date(2026, 11, 20),
        updated_at=datetime(2026, 11, 21, 8, 30, tzinfo=UTC), extra={"codice_meccanografico": "LOMM000000"})


def anti_trafficking() -> DirectoryService:
    """A smaller service: no locations, paid-unknown cost, stale translation (not exported)."""
    italian = {"name": "Sportello antitratta", "description": "Ascolto e aiuto a chi è sfruttato nel lavoro.",
               "application": "Chiamate il numero verde 800 290 290, anche in forma anonima."}
    texts = _texts(italian, {"en": {"name": "Anti-trafficking help desk"}})
    texts["ar"] = {"name": Localised("مكتب مكافحة الاتجار", "ar", "stale", "Sportello antitratta (vecchio)")}
    return DirectoryService(
        uid="5ac27f99-8162-4bb3-8fa6-ae5a7dcd2f66", organisation=ORG_SOMASCHI, texts=texts,
        categories=("anti_trafficking", "legal_aid"), languages=("it", "en", "fr"),
        contacts=(Contact("phone", "800 290 290", "Numero verde nazionale"),), free=None, status="temporarily closed",
        last_confirmed=None)


def sample_services() -> list[DirectoryService]:
    return [italian_course(), anti_trafficking()]
