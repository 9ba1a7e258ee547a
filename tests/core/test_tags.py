"""A board's tag line read for visa sponsorship and the JLPT level."""

import pytest

from kyujin.core.extract import extract
from kyujin.core.tags import tag_facts
from kyujin.core.text import fold


@pytest.mark.parametrize(
    ("text", "visa", "japanese"),
    [
        ("Tags: remote-ok, visa-sponsor, N2", True, "N2"),
        ("タグ：フルリモート／ビザサポートあり／JLPT N1", True, "N1"),
        ("Tags: no-visa-sponsorship, n3", False, "N3"),
        ("Tags: #Go #visa-sponsorship #N2", True, "N2"),
        # not whole items: a product name, a word
        ("Keywords: N1 Cloud, visa", None, None),
        # not a tag line
        ("We use N2 boxes and our visa-sponsor team helps.", None, None),
    ],
)
def test_tags(text: str, visa: bool | None, japanese: str | None) -> None:
    facts = extract(text)
    assert (facts.visa_sponsorship, facts.japanese_level) == (visa, japanese)


def test_a_sentence_wins_over_a_tag() -> None:
    text = "Tags: visa-sponsor, N2\nWe cannot sponsor visas. Japanese: JLPT N1 required."
    facts = extract(text)
    assert (facts.visa_sponsorship, facts.japanese_level) == (False, "N1")


def test_a_tag_has_its_span() -> None:
    text = fold("Title\nTags: remote-ok, visa-sponsor, N2")
    value, span = tag_facts(text)["visa_sponsorship"]
    assert value is True and text[span.start : span.end] == "visa-sponsor"
