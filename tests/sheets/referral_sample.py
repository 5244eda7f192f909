"""A directory service written by hand, as the directory core hands it to the referral sheet (issue 15).

The sheet tests do not need the directory tables: they take a :class:`DirectoryService` value, the plain-data
contract of ``desk_app.core.directory_types``. Fictional contacts; texts translated in some languages only, so the
Italian fallback shows too.
"""

from __future__ import annotations

from datetime import date, time

from desk_app.core.directory_types import (
    Address,
    Contact,
    DirectoryLocation,
    DirectoryOrganisation,
    DirectoryService,
    Localised,
    OpeningHours,
)

SERVICE_UID = "6f1c2a8e-3b7d-4c21-9a55-0e4d2b7c9f10"
ENTRY_URL = f"https://servizi.example.org/lodi/ar/{SERVICE_UID}.html"

ITALIAN = {
    "name": "Corsi di italiano per adulti stranieri",
    "description": "Corsi gratuiti di lingua italiana dal livello A1 al B1, di mattina e di sera, con il test A2 "
                   "per il permesso di soggiorno UE di lungo periodo.",
    "eligibility": "Persone dai 16 anni in su, con o senza permesso di soggiorno.",
    "application": "Iscrizione di persona in segreteria, senza appuntamento.",
    "cost": "Si paga solo il libro di testo (circa €15).",
    "documents.1": "Documento d'identità o passaporto",
    "documents.2": "Codice fiscale, se lo avete",
}
TRANSLATED = {
    "ar": {"name": "دورات اللغة الإيطالية للبالغين الأجانب",
           "description": "دورات مجانية في اللغة الإيطالية من المستوى A1 إلى B1، صباحًا ومساءً، مع اختبار A2 "
                          "لتصريح الإقامة الأوروبي طويل الأمد.",
           "eligibility": "الأشخاص من سن 16 عامًا فما فوق، مع تصريح إقامة أو بدونه.",
           "documents.1": "وثيقة هوية أو جواز سفر"},
    "ur": {"name": "غیر ملکی بالغوں کے لیے اطالوی زبان کے کورس",
           "description": "A1 سے B1 تک اطالوی زبان کے مفت کورس، صبح اور شام، طویل مدتی یورپی رہائشی اجازت نامے کے "
                          "لیے A2 ٹیسٹ کے ساتھ۔",
           "documents.1": "شناختی دستاویز یا پاسپورٹ"},
    "hi": {"name": "विदेशी वयस्कों के लिए इतालवी भाषा पाठ्यक्रम",
           "description": "A1 से B1 स्तर तक इतालवी भाषा के निःशुल्क पाठ्यक्रम, सुबह और शाम, दीर्घकालिक यूरोपीय "
                          "निवास परमिट के लिए A2 परीक्षा के साथ।",
           "documents.1": "पहचान पत्र या पासपोर्ट"},
    "bn": {"name": "বিদেশি প্রাপ্তবয়স্কদের জন্য ইতালীয় ভাষার কোর্স",
           "documents.1": "পরিচয়পত্র বা পাসপোর্ট"},
    "pa": {"name": "ਵਿਦੇਸ਼ੀ ਬਾਲਗਾਂ ਲਈ ਇਤਾਲਵੀ ਭਾਸ਼ਾ ਦੇ ਕੋਰਸ",
           "documents.1": "ਪਛਾਣ ਪੱਤਰ ਜਾਂ ਪਾਸਪੋਰਟ"},
    "zh": {"name": "外国成人意大利语课程",
           "description": "免费意大利语课程，从A1到B1级，上午和晚上上课，并提供欧盟长期居留许可所需的A2考试。",
           "documents.1": "身份证件或护照"},
    "en": {"name": "Italian courses for foreign adults",
           "description": "Free Italian language courses from level A1 to B1, in the morning and in the evening, "
                          "with the A2 test for the EU long-term residence permit.",
           "eligibility": "People aged 16 and over, with or without a residence permit.",
           "application": "Enrol in person at the office, no appointment needed.",
           "cost": "You only pay for the textbook (about €15).",
           "documents.1": "Identity document or passport",
           "documents.2": "Tax code (codice fiscale), if you have one"},
}


def sample_service(*, last_confirmed: date | None = date(2026, 10, 15), needs_reconfirmation: bool = False,
                   status: str = "active", uid: str = SERVICE_UID) -> DirectoryService:
    """The CPIA's Italian courses: two places, morning and evening hours, three languages spoken."""
    texts: dict[str, dict[str, Localised]] = {"it": {k: Localised(v, "it", "reviewed", v) for k, v in ITALIAN.items()}}
    for lang, fields in TRANSLATED.items():
        texts[lang] = {k: Localised(v, lang, "draft", ITALIAN[k]) for k, v in fields.items()}
    organisation = DirectoryOrganisation(
        "0b7e5d1a-9c3f-4e8b-b2a6-5f4c3d2e1a09", "CPIA di Lodi", "Centro Provinciale per l'Istruzione degli Adulti",
        website="https://cpia-lodi.example.org", email="segreteria@cpia-lodi.example.org")
    morning = DirectoryLocation(
        "a3d9c6b2-1e4f-4a7b-8c5d-2f6e9b0a1c34", "Sede di Lodi", Address("Via Fleming 12", "26900", "Lodi"),
        (OpeningHours(1, time(9), time(12, 30)), OpeningHours(2, time(9), time(12, 30)),
         OpeningHours(3, time(9), time(12, 30)), OpeningHours(4, time(9), time(12, 30)),
         OpeningHours(5, time(9), time(12, 30)), OpeningHours(2, time(18), time(20), "corsi serali"),
         OpeningHours(4, time(18), time(20), "corsi serali")),
        accessibility="Ingresso senza gradini")
    second = DirectoryLocation(
        "c7e1f2a3-5b6d-4e8f-9a0b-1c2d3e4f5a6b", "Sede di Codogno", Address("Viale Resistenza 3", "26845", "Codogno"),
        (OpeningHours(6, time(9), time(12), "solo su appuntamento"),))
    return DirectoryService(
        uid, organisation, texts, documents=2, categories=("italian_courses",), languages=("it", "en", "ar"),
        locations=(morning, second),
        contacts=(Contact("phone", "0371 000 123"), Contact("email", "iscrizioni@cpia-lodi.example.org")),
        free=True, status=status, state="published", last_confirmed=last_confirmed,
        needs_reconfirmation=needs_reconfirmation)
