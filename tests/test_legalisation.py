"""Legalisation helper: every country resolves, EU regulation, Apostille, legalisation + consulate, flags, refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk_app.cli import main
from desk_app.core.legalisation import (
    FORMALITIES,
    LegalisationService,
    LegalisationTable,
    default_table_path,
)
from desk_app.errors import NotFoundError, ValidationError

#: DOMAIN.md: Hague status of the territory's origin countries ("believed" and "unknown" ones ship flagged).
PARTIES = {"AL", "IN", "MD", "EC", "PE", "CN", "SN", "PK", "BD"}
BELIEVED_PARTIES = {"MA", "TN", "UA"}
UNKNOWN = {"NG", "TG", "CI"}
EU_STATES = {"AT", "BE", "BG", "CY", "HR", "DK", "EE", "FI", "FR", "DE", "GR", "IE", "LV", "LT", "LU", "MT", "NL",
             "PL", "PT", "CZ", "RO", "SK", "SI", "ES", "SE", "HU"}


@pytest.fixture(scope="module")
def helper() -> LegalisationService:
    return LegalisationService()


def test_table_holds_domain_facts_with_source_and_date(helper: LegalisationService) -> None:
    countries = helper.table.countries
    assert EU_STATES | PARTIES | BELIEVED_PARTIES | UNKNOWN | {"EG"} <= set(countries)
    assert {c for c, v in countries.items() if v.status == "eu"} == EU_STATES
    assert all(countries[c].status == "party" and not countries[c].verify for c in PARTIES)
    assert all(countries[c].status == "party" and countries[c].verify for c in BELIEVED_PARTIES)
    assert all(countries[c].status == "unknown" and countries[c].verify for c in UNKNOWN)
    assert countries["EG"].status == "not_party" and countries["CN"].since == "2023-11"
    for country in countries.values():
        assert country.name_it and country.name_en and country.source, country.code
        assert len(country.checked_on) == 10 and country.checked_on.startswith("20"), country.code


@pytest.mark.parametrize("document", [None, "civil_status", "school", "notarial"])
def test_every_country_resolves_by_code_and_names(helper: LegalisationService, document: str | None) -> None:
    for country in helper.countries():
        for spelling in (country.code, country.code.lower(), country.name_it, country.name_en.upper()):
            advice = helper.advise(spelling, document)
            assert advice.country == country and advice.formality in FORMALITIES, spelling
            assert advice.flagged == bool(advice.verify)
            assert advice.checked_on == country.checked_on and advice.source == country.source
            assert advice.lines("it", helper.table) and advice.lines("en", helper.table)


@pytest.mark.parametrize("document", ["civil_status", "residence", "criminal_record"])
def test_eu_destination_and_covered_document_needs_nothing(helper: LegalisationService, document: str) -> None:
    for code in EU_STATES:
        advice = helper.advise(code, document)
        assert (advice.formality, advice.office, advice.consulate, advice.checklist) == ("none", None, False, ())
        assert advice.legal_basis == "Reg. (UE) 2016/1191"
    assert "Nessuna formalità" in helper.advise("RO", document).lines("it", helper.table)[1]


@pytest.mark.parametrize("document", ["school", "medical", "company", "notarial", "judicial", "vehicle"])
def test_eu_destination_and_uncovered_document_gets_an_apostille(helper: LegalisationService, document: str) -> None:
    for code in EU_STATES:
        advice = helper.advise(code, document)
        assert advice.formality == "apostille" and not advice.consulate, (code, document)
        assert advice.office in ("prefettura", "procura") and advice.checklist


def test_eu_destination_without_document_type_names_the_exempt_ones(helper: LegalisationService) -> None:
    advice = helper.advise("Germania")
    assert advice.formality == "apostille" and advice.office is None
    assert set(advice.exempt_documents) == {"civil_status", "residence", "criminal_record"}
    assert "Prefettura" in advice.office_name_it and "Procura" in advice.office_name_it


def test_hague_party_gets_an_apostille(helper: LegalisationService) -> None:
    for code in PARTIES:
        advice = helper.advise(code, "civil_status")  # the EU regulation does not reach outside the EU
        assert (advice.formality, advice.office, advice.consulate, advice.flagged) == (
            "apostille", "prefettura", False, True)  # flagged only by the proxy rule of the LEG checklist
        assert advice.verify == tuple(v for v in advice.verify if "delega" in v)


def test_egypt_needs_legalisation_then_its_consulate(helper: LegalisationService) -> None:
    advice = helper.advise("EG", "civil_status")
    assert (advice.formality, advice.office, advice.consulate) == ("legalisation", "prefettura", True)
    assert not any("Convenzione" in v for v in advice.verify)
    assert "consolato di Egitto" in " ".join(advice.lines("it", helper.table))
    assert "consulate of Egypt" in " ".join(advice.lines("en", helper.table))
    keys = [line.key for line in advice.checklist]
    assert keys[:3] == ["original_document", "destination_country", "id_or_proxy"]
    assert "marca_bollo" not in keys  # the stamp line is for foreign consulates' documents only


def test_issuer_decides_the_office(helper: LegalisationService) -> None:
    assert helper.advise("EG", "criminal_record").office == "procura"
    assert helper.advise("EG", "notarial").office == "procura"
    assert helper.advise("EG", "tax").office == "prefettura"
    assert helper.advise("EG", "civil_status", issuer="judicial").office == "procura"  # explicit issuer wins
    private = helper.advise("AL", "private_deed")
    assert private.office == "procura" and any("autenticare" in line for line in private.lines("it", helper.table))
    consular = helper.advise("EG", "consular")
    assert (consular.formality, consular.office, consular.consulate) == ("legalisation", "prefettura", False)
    stamp = next(line for line in consular.checklist if line.key == "marca_bollo")
    assert stamp.requirement == "required" and stamp.verify


@pytest.mark.parametrize("code", sorted(BELIEVED_PARTIES | UNKNOWN))
def test_unsure_countries_say_so(helper: LegalisationService, code: str) -> None:
    advice = helper.advise(code, "school")
    assert advice.flagged and advice.verify[0] == advice.country.verify
    assert any(line.startswith("* DA VERIFICARE") for line in advice.lines("it", helper.table))
    assert any(line.startswith("* TO VERIFY") for line in advice.lines("en", helper.table))
    # Unknown status: the legalisation path, which does not rely on an unconfirmed accession.
    expected = ("legalisation", True) if code in UNKNOWN else ("apostille", False)
    assert (advice.formality, advice.consulate) == expected


def test_bad_input_is_refused_with_one_clear_message(helper: LegalisationService) -> None:
    with pytest.raises(NotFoundError) as unknown:
        helper.advise("Atlantide")
    assert unknown.value.code == "unknown_country"
    assert unknown.value.message("it").startswith("Lo Stato «Atlantide» non è nella tabella")
    for value, code in (("", "required"), ("  ", "required"), ("IT", "domestic_use"), ("Italia", "domestic_use")):
        with pytest.raises(ValidationError) as caught:
            helper.advise(value)
        assert caught.value.code == code, value
    with pytest.raises(ValidationError) as document:
        helper.advise("EG", "passport")
    assert document.value.code == "bad_choice" and "civil_status" in document.value.message("en")
    with pytest.raises(ValidationError) as issuer:
        helper.advise("EG", "civil_status", issuer="embassy")
    assert issuer.value.code == "bad_choice"


def test_a_broken_table_is_refused(tmp_path: Path) -> None:
    text = default_table_path().read_text(encoding="utf-8")
    broken = tmp_path / "legalisation.toml"
    broken.write_text(text.replace('status = "not_party"', 'status = "maybe"'), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        LegalisationTable.read(broken)
    assert caught.value.code == "bad_catalogue" and "maybe" in caught.value.message("en")


def test_cli_answers_in_json_and_refuses_unknown_country(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    assert main(["--home", home, "--json", "legalisation", "--country", "eg", "--document", "civil_status"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["formality"], data["office"], data["consulate"]) == ("legalisation", "prefettura", True)
    assert data["country"]["code"] == "EG" and data["checked_on"]
    assert main(["--home", home, "--lang", "en", "legalisation", "--country", "RO", "--document", "residence"]) == 0
    assert "No formality needed" in capsys.readouterr().out
    assert main(["--home", home, "legalisation", "--country", "ZZ"]) == 2
    assert capsys.readouterr().err.strip().startswith("desk-admin: Lo Stato «ZZ» non è nella tabella")
    assert main(["--home", home, "--json", "legalisation", "--list"]) == 0
    assert len(json.loads(capsys.readouterr().out)["countries"]) == len(LegalisationTable.read().countries)


def test_core_services_share_the_helper(tmp_path: Path) -> None:
    from desk_app.core.services import CoreServices
    from desk_app.core.settings import Settings

    settings = Settings.load(home=tmp_path, overrides={"db_url": f"sqlite:///{tmp_path / 'x.sqlite3'}"}, environ={})
    core = CoreServices.build(settings)
    try:
        assert core.legalisation.advise("PK", "school").formality == "apostille"
    finally:
        core.close()
