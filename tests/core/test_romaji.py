import pytest

from kyujin.core.extract import extract
from kyujin.core.romaji import romaji_edits

POSTING = (
    "Koyo keitai: seishain (FT / perm)\n"
    "Kinmuchi: Tokyo-to Minato-ku Shiba 4-chome\n"
    "Nenshu: 600man yen ~ 900man yen (base). Shoyo twice a year on top.\n"
    "Work style: shukkin 2 days a week, zaitaku the other 3.\n\n"
    "Hissu / Must\n- Go in production\n- Nihongo: bijinesu reberu (JLPT N2 ijo)\n\n"
    "Biza sapoto ari — we sponsor the Engineer/Specialist in Humanities visa.\n"
)


def test_a_posting_in_english_with_romaji_terms() -> None:
    facts = extract(POSTING)
    assert facts.employment_type == "full_time"
    assert facts.salary is not None
    assert (facts.salary.min, facts.salary.max, facts.salary.period) == (6e6, 9e6, "annual")
    assert (facts.remote, facts.japanese_level, facts.visa_sponsorship) == ("hybrid", "N2", True)
    # spans point into the text as given
    span = facts.spans["employment_type"]
    assert POSTING[span.start : span.end] == "seishain"


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Koyo keitai: keiyaku shain (1yr, koshin ari)", "employment_type", "contract"),
        ("Employment: haken shain, dispatched to our client", "employment_type", "dispatch"),
        ("Keiken 3 nen ijo in server-side development", "min_years_experience", 3),
        ("Zaitaku: none. Shukkin mainichi.", "remote", "onsite"),
        ("Biza sapoto nashi — you must already hold a work visa", "visa_sponsorship", False),
    ],
)
def test_romaji_terms(text: str, field: str, value: object) -> None:
    assert getattr(extract(text), field) == value


def test_an_hourly_rate_in_romaji() -> None:
    salary = extract("Jikyu: 3,500 yen/h").salary
    assert salary is not None and (salary.min, salary.period) == (3500, "hourly")


@pytest.mark.parametrize(
    "text",
    [
        # English words that hold a romaji key, and particles or counters out of place
        "Our manager has 10 years in management; the ari gallery is nearby.",
        "The Shibuya mansion and the ka-ching of the nen-ready team",
        "Haken is also a Dutch word? No: hakenkreuz is not matched inside a word.",
    ],
)
def test_english_words_are_left(text: str) -> None:
    changed = {text[start:end].lower() for start, end, _ in romaji_edits(text)}
    assert changed <= {"haken"}


def test_a_figure_before_man_is_pay_only_when_written_as_one() -> None:
    assert [j for _, _, j in romaji_edits("Nenshu 600man, 700 man yen")] == ["年収", "万", "万円"]
    assert romaji_edits("We are a 5 man team") == []


def test_a_term_inside_a_handle_is_left() -> None:
    # a user name is not the word: "u/nihongo_jouzu_janai" asks nothing about Japanese
    assert romaji_edits("Q (u/nihongo_jouzu_janai): Japanese level?") == []
    assert romaji_edits("@nihongo and nihongo_bot") == []
    assert [j for _, _, j in romaji_edits("Nihongo: N2")] == ["日本語"]
