"""Company name keys, size bands and industries."""

import pytest

from kyujin.core.companies import (
    INDUSTRIES,
    industry_of,
    name_key,
    size_band_for_employees,
    size_band_of,
)


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (
            ["株式会社メルカリ", "㈱メルカリ", "メルカリ", "（株）メルカリ", "メルカリ株式会社"],
            "メルカリ",
        ),
        (["Mercari, Inc.", "MERCARI", "Mercari Inc", "mercari  inc."], "mercari"),
        (["Google Japan G.K.", "Google Japan", "google"], "google"),
        (["Acme Co., Ltd.", "ACME CO.,LTD.", "Acme Corporation"], "acme"),
        (["ＬＩＮＥヤフー株式会社", "LINEヤフー"], "lineヤフー"),
    ],
)
def test_spellings_of_one_company_share_a_key(spellings: list[str], key: str) -> None:
    assert {name_key(s) for s in spellings} == {key}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Japan Airlines", "Airlines"),  # "Japan" is dropped only as a suffix
        ("Zinc", "Z"),  # a legal form is a separate word
        ("株式会社サクラペイメント", "株式会社サクラ"),
    ],
)
def test_different_companies_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_a_name_that_is_only_a_legal_form_keeps_itself() -> None:
    assert name_key("株式会社") == "株式会社"
    assert name_key("  Inc.  ") == "inc"


@pytest.mark.parametrize(
    ("employees", "band"),
    [(1, "small"), (299, "small"), (300, "medium"), (999, "medium"), (1000, "large")],
)
def test_size_band_by_employees(employees: int, band: str) -> None:
    assert size_band_for_employees(employees) == band


@pytest.mark.parametrize(
    ("label", "band"),
    [
        ("Enterprise", "large"),
        ("mid", "medium"),
        ("大企業", "large"),
        ("スタートアップ", "startup"),
        ("huge", None),
    ],
)
def test_size_band_labels(label: str, band: str | None) -> None:
    assert size_band_of(label) == band


@pytest.mark.parametrize(
    ("label", "industry"),
    [
        ("Financial Services", "finance"),
        ("金融・保険", "finance"),
        ("fintech", "finance"),
        ("SIer", "si"),
        ("受託開発", "si"),
        ("E-commerce", "ecommerce"),
        ("EC", "ecommerce"),
        ("Game development", "gaming"),
        ("SaaS", "saas"),
        ("Manufacturing / IoT", "manufacturing"),
        ("Internet", "web"),
        ("Chemicals", "other"),
        ("saas", "saas"),
    ],
)
def test_industry_of(label: str, industry: str) -> None:
    assert industry_of(label) == industry
    assert industry in INDUSTRIES


def test_short_codes_match_whole_words_only() -> None:
    # "ec" inside "Tech" or "si" inside "Design" does not name an industry.
    assert industry_of("Design agency") == "other"
    assert industry_of("Tech") == "other"
