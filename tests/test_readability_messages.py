"""The readability checks say whose threshold it is, name reading ages past school, and quote a hard sentence."""

from __future__ import annotations

import json

from cli_helpers import plancheck

SHORT_BUT_LONG_WORDED = "The market for temporary accommodation is another barrier."
TANGLED = ("Because the number of families who are placed in temporary accommodation has grown every year since "
           "2019, and because the council, which has no housing stock of its own, must rent rooms from private "
           "landlords at whatever price the market sets, spending on this service has doubled.")
PLAIN = "We fixed the roads. We cut the grass. We kept the libraries open. We helped people find work."
GRADUATE = ("Comprehensive organisational transformation necessitates sophisticated interdepartmental "
            "collaboration, facilitating sustainable operational efficiencies across multidisciplinary "
            "administrative functions.")


def reading_check(tmp_path, text: str) -> dict:
    plan = tmp_path / "plan.md"
    plan.write_text(f"# Plan\n\n## Housing\n\n{text}\n", encoding="utf-8")
    result = plancheck(plan, "--select", "readability.reading-age", "--format", "json")
    check, = [c for c in json.loads(result.stdout)["documents"][0]["checks"] if c["id"] == "readability.reading-age"]
    return check


def test_the_threshold_is_plancheck_s_default_not_the_letter_s(tmp_path):
    for text in (" ".join([PLAIN] * 5), " ".join([GRADUATE] * 5)):
        message = reading_check(tmp_path, text)["message"]
        assert "a reading ease of 50 (plancheck's default, from GOV.UK and Plain English Campaign guidance)" \
            in message
        assert "asked for" not in message


def test_a_reading_age_past_18_is_graduate_level(tmp_path):
    check = reading_check(tmp_path, " ".join([GRADUATE] * 5))
    assert check["status"] == "fail"
    assert "graduate level" in check["message"] and "reading age" not in check["message"]
    plain = reading_check(tmp_path, " ".join([PLAIN] * 5))
    assert "reading age " in plain["message"] and "graduate" not in plain["message"]


def test_the_hardest_sentence_is_long_and_tangled_not_short_with_long_words(tmp_path):
    text = " ".join([PLAIN, SHORT_BUT_LONG_WORDED, TANGLED, PLAIN])
    evidence = reading_check(tmp_path, text)["evidence"]
    assert evidence[0]["quote"].startswith("Because the number of families")
    alone = reading_check(tmp_path, " ".join([PLAIN, SHORT_BUT_LONG_WORDED, PLAIN]))["evidence"]
    assert alone[0]["quote"] == SHORT_BUT_LONG_WORDED


def test_the_hardest_sentence_is_quoted_alone_with_its_place(tmp_path):
    evidence = reading_check(tmp_path, " ".join([PLAIN, TANGLED]))["evidence"][0]
    assert evidence["quote"].startswith("Because") and "reading ease" not in evidence["quote"]
    assert evidence["section"] == "Plan › Housing"
