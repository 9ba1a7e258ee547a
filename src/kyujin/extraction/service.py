"""Extraction as a use case: text in, typed facts out (the core does the work)."""

from __future__ import annotations

from kyujin.core.extract import default_extractor, facts_to_dict
from kyujin.core.facts import salary
from kyujin.core.model import Location, Period, PostingFacts
from kyujin.extraction.schemas import FactsOut


def extract_facts(text: str, *, title: str | None = None) -> PostingFacts:
    return default_extractor().extract(text, title=title)


def to_out(facts: PostingFacts) -> FactsOut:
    return FactsOut.model_validate(facts_to_dict(facts))


def annual_jpy(amount: float, currency: str, period: Period) -> int | None:
    """A stated salary as yen a year, at the extractor's rate table."""
    return salary.annual_jpy(amount, currency, period, rates=default_extractor().rates)


def location_of(place: str) -> Location | None:
    """The prefecture and city a place as a source writes it names ("Shibuya, Tokyo, JP",
    東京都渋谷区), read as the extractor reads a posting's workplace."""
    return default_extractor().extract(place).location


def facts_version() -> str:
    """Changes whenever stored facts would come out differently (taxonomy or rules)."""
    return default_extractor().version
