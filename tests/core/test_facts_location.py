"""Workplace location: the workplace field wins; a fully remote role with no office has none."""

import pytest

from kyujin.core.extract import extract


def place(text: str) -> tuple[str, str | None] | None:
    location = extract(text).location
    return (location.prefecture, location.city) if location else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("【勤務地】東京都渋谷区道玄坂", ("Tokyo", "Shibuya")),
        ("本社：大阪府大阪市北区\n【勤務地】東京都港区六本木", ("Tokyo", "Minato")),
        ("Visa and relocation support.\nLocation: Fukuoka (Tenjin)", ("Fukuoka", "Fukuoka")),
        ("Our HQ is in Osaka.\nWork location: Nagoya, Aichi", ("Aichi", "Nagoya")),
        ("Location: Tokyo", ("Tokyo", None)),
        ("Location: Fully remote within Japan, office in Shibuya", ("Tokyo", "Shibuya")),
        ("Remote OK (no office visits needed). Office: Minato-ku, Tokyo", ("Tokyo", "Minato")),
    ],
)
def test_workplace(text: str, expected: tuple[str, str | None]) -> None:
    assert place(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A remote-first team spread from Hokkaido to Okinawa; we have no office.\nFully remote.",
        "Fully remote. We are an office-less company founded in Osaka.",
        "【勤務地】フルリモート（全国どこでも可）\n【会社所在地】東京都千代田区",
        "Location: Fully remote (Japan)\nHeadquarters: Fukuoka",
        "当社はオフィスを持たないフルリモートの会社です（登記上の本店：東京都港区）",
    ],
)
def test_fully_remote_without_an_office_has_no_location(text: str) -> None:
    assert place(text) is None
