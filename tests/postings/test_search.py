"""Search: full text in English and Japanese, filters on facts, facets, sorting, cursors."""

import base64
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kyujin.errors import InvalidInput
from kyujin.postings import search, service
from kyujin.postings.schemas import ImportSummary, PostingIn
from kyujin.postings.search_index import SearchIndex
from kyujin.postings.search_schemas import SearchPage, SearchQuery
from tests.support.factories import posting_in


def run_import(session: Session, records: list[PostingIn]) -> None:
    service.import_batch(session, records, default_source="import", summary=ImportSummary())


# Every test runs twice: searched in the database, and through a search index built from
# the same (uncommitted) rows just before each search.
_index: dict[str, SearchIndex | None] = {"index": None}


@pytest.fixture(autouse=True, params=["database", "index"])
def search_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    _index["index"] = SearchIndex(tmp_path / "search-index") if request.param == "index" else None
    yield request.param
    _index["index"] = None


def find(session: Session, **params: Any) -> SearchPage:
    index = _index["index"]
    if index is None:
        return search.search(session, SearchQuery(**params))
    index.write(session)
    return search.search_with_index(session, index, SearchQuery(**params))


def ids(page: SearchPage) -> list[str]:
    return [i.external_id for i in page.items]


@pytest.fixture
def market(db_session: Session) -> Session:
    run_import(
        db_session,
        [
            posting_in(
                external_id="py",
                title="Python Backend Engineer",
                company="Acme K.K.",
                company_size="startup",
                company_industry="SaaS",
                description="Requirements\n- Python and Django\n- PostgreSQL\n"
                "Salary: ¥8M–¥12M\nFully remote. Visa sponsorship available.\nJLPT N3",
                posted_at="2026-10-03",
            ),
            posting_in(
                external_id="java",
                title="Java Engineer",
                company="株式会社サクラ銀行",
                company_size="large",
                company_industry="金融",
                description="【必須】Spring Boot での開発経験3年以上\n年収600万円～900万円\n"
                "ビジネスレベルの日本語\n原則出社\n東京都千代田区",
                posted_at="2026-10-02",
            ),
            posting_in(
                external_id="go",
                title="決済基盤エンジニア",
                company="株式会社ペイ",
                company_size="medium",
                description="Go で決済基盤を開発します。C# の経験があれば尚可。\n"
                "月給40万〜60万円\nリモート可（週2出社）\n大阪府大阪市",
                posted_at="2026-10-01",
            ),
        ],
    )
    return db_session


def test_full_text_english_and_japanese(market: Session) -> None:
    assert ids(find(market, q="python")) == ["py"]
    assert ids(find(market, q="PYTHON django")) == ["py"]
    assert ids(find(market, q="決済基盤")) == ["go"]
    assert ids(find(market, q="決済")) == ["go"]  # two characters inside a longer word
    assert ids(find(market, q="基盤 go")) == ["go"]
    assert ids(find(market, q="c#")) == ["go"]
    assert ids(find(market, q="ｐｙｔｈｏｎ")) == ["py"]  # full-width
    assert ids(find(market, q="python 決済")) == []
    assert ids(find(market, q="100%")) == []
    assert ids(find(market, q="!!")) == []


def test_filters_on_facts(market: Session) -> None:
    assert ids(find(market, skill=["Python"])) == ["py"]
    assert ids(find(market, skill=["python"])) == ["py"]  # canonical name, any case
    assert ids(find(market, skill=[" ＰＹＴＨＯＮ "])) == ["py"]  # any width, spaces around
    assert ids(find(market, skill=["Java"])) == []
    assert ids(find(market, skill=["Java"], expand_skills=True)) == ["java"]
    assert ids(find(market, skill=["Python", "Go"], skill_mode="any")) == ["py", "go"]
    assert ids(find(market, skill=["Python", "Go"])) == []
    assert ids(find(market, remote=["full", "hybrid"])) == ["py", "go"]
    assert ids(find(market, visa_sponsorship=True)) == ["py"]
    assert ids(find(market, japanese_max="N3")) == ["py"]
    assert ids(find(market, japanese_max="N2")) == ["py", "java"]
    # Annual JPY overlap: 月給40万〜60万円 is 4.8M-7.2M a year.
    assert ids(find(market, salary_min=7_000_000)) == ["py", "java", "go"]
    assert ids(find(market, salary_min=7_500_000)) == ["py", "java"]
    assert ids(find(market, salary_max=5_000_000)) == ["go"]
    assert ids(find(market, max_years_experience=2)) == ["py", "go"]  # unstated counts
    assert ids(find(market, prefecture=["大阪府"])) == ["go"]
    assert ids(find(market, size_band=["large"])) == ["java"]
    assert ids(find(market, industry=["finance"])) == ["java"]
    assert ids(find(market, company="サクラ銀行")) == ["java"]
    assert ids(find(market, posted_since=date(2026, 10, 2))) == ["py", "java"]


def test_unknown_skill_is_a_clear_error(market: Session) -> None:
    with pytest.raises(InvalidInput, match="not in the taxonomy"):
        find(market, skill=["Cobolt"])


def test_facets_count_the_result(market: Session) -> None:
    page = find(market)
    assert page.total == 3 and page.total_exact and page.facets_exact
    facets = {name: {v.value: v.count for v in values} for name, values in page.facets.items()}
    assert facets["remote"] == {"full": 1, "onsite": 1, "hybrid": 1}
    assert facets["size_band"] == {"startup": 1, "large": 1, "medium": 1}
    assert facets["skill"]["Python"] == 1 and facets["skill"]["Go"] == 1
    narrowed = find(market, remote=["full", "hybrid"])
    assert narrowed.total == 2
    # Disjunctive: the remote facet ignores the remote filter (the onsite posting stays
    # countable, to widen the choice); every other facet counts the narrowed result.
    remote = {v.value: v.count for v in narrowed.facets["remote"]}
    assert remote == {"full": 1, "onsite": 1, "hybrid": 1}
    sizes = {v.value: v.count for v in narrowed.facets["size_band"]}
    assert sum(sizes.values()) == 2
    both = find(market, remote=["full", "hybrid"], size_band=["startup"])
    remote = {v.value: v.count for v in both.facets["remote"]}
    sizes = {v.value: v.count for v in both.facets["size_band"]}
    assert both.total == 1 and remote == {"full": 1} and sum(sizes.values()) == 2


def test_sort_by_salary_and_relevance(market: Session) -> None:
    assert ids(find(market, sort="salary")) == ["py", "java", "go"]
    page = find(market, q="engineer")
    assert page.sort == "relevance" and set(ids(page)) == {"py", "java"}
    with pytest.raises(InvalidInput, match="needs a q"):
        find(market, sort="relevance")


def test_a_relevance_page_says_how_many_matches_are_ranked(
    db_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Paging by relevance ends after the ranked matches while total counts them all: the
    # page says so, rather than leave a client to wonder where the rest went.
    monkeypatch.setattr(search, "RANK_CAP", 3)
    run_import(
        db_session, [posting_in(external_id=f"r{n}", title="Rust engineer") for n in range(5)]
    )
    page = find(db_session, q="rust", limit=2)
    assert (page.total, page.ranked) == (5, 3)
    seen = ids(page)
    while page.next_cursor:
        page = find(db_session, q="rust", limit=2, cursor=page.next_cursor)
        seen += ids(page)
    assert len(seen) == len(set(seen)) == 3
    assert find(db_session, q="rust", sort="newest").ranked is None


@pytest.mark.parametrize("sort", ["newest", "salary", "relevance"])
def test_pagination_is_stable_while_postings_are_added(
    db_session: Session, backend: str, search_engine: str, sort: str
) -> None:
    run_import(
        db_session,
        [
            posting_in(
                external_id=f"p{i}",
                posted_at=date(2026, 9, 1),
                description=f"Python engineer. 年収{500 + i * 10}万円" + " python" * (i % 3),
            )
            for i in range(7)
        ],
    )
    q = "python" if sort == "relevance" else None
    first = find(db_session, q=q, sort=sort, limit=3)
    run_import(db_session, [posting_in(external_id="newcomer", description="python 年収2000万円")])
    second = find(db_session, q=q, sort=sort, limit=3, cursor=first.next_cursor)
    third = find(db_session, q=q, sort=sort, limit=3, cursor=second.next_cursor)
    seen = [i.external_id for page in (first, second, third) for i in page.items]
    assert len(seen) == len(set(seen))  # nothing repeated
    if sort == "relevance":
        # The pages rank the postings there were at the first page: the newcomer waits for
        # a new search, and nothing seen moves or is skipped, though BM25 (SQLite's, the
        # index's) rescored every one of them when it came.
        assert sorted(seen) == sorted(f"p{i}" for i in range(7))
        assert third.next_cursor is None
        again = find(db_session, q=q, sort=sort, limit=10)
        assert "newcomer" in ids(again)
    else:
        assert seen == [f"p{i}" for i in range(6, -1, -1)]
        assert third.next_cursor is None


def test_foreign_cursor_is_rejected(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="not one this API issued"):
        find(db_session, cursor="bm9wZQ")
    newest = search.encode_cursor("newest", "2026-01-01", 5)
    with pytest.raises(InvalidInput, match="sort=salary"):
        find(db_session, cursor=newest, sort="salary")


@pytest.mark.parametrize(
    ("sort", "key", "posting_id"),
    [
        ("newest", "2026-01-01", True),  # PostgreSQL compared bigint < boolean: a 500
        ("salary", -(2**63), 5),  # overflowed the index's 64-bit sort key: a 500
        ("salary", -2, 5),  # no posting sorts below -1 (no salary)
        ("salary", False, 5),
        ("relevance", [0, True, None], 1),  # SQLAlchemy refused a comparison with True: a 500
        ("relevance", [True, 5, None], 1),
    ],
)
def test_a_forged_cursor_is_a_clear_error(
    db_session: Session, sort: str, key: object, posting_id: object
) -> None:
    raw = json.dumps([sort, key, posting_id]).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    with pytest.raises(InvalidInput, match="not one this API issued"):
        find(db_session, cursor=cursor, sort=sort, **({"q": "go"} if sort == "relevance" else {}))


def test_snippet_shows_the_text_around_the_match(db_session: Session) -> None:
    text = "前置き。" * 100 + "ここに Kubernetes の経験。" + "後書き。" * 100
    run_import(db_session, [posting_in(external_id="s", description=text)])
    (item,) = find(db_session, q="kubernetes").items
    assert "Kubernetes" in item.snippet and item.snippet.startswith("…")


def test_reextract_keeps_the_index(db_session: Session) -> None:
    run_import(db_session, [posting_in(external_id="r", description="Rust と Kafka")])
    service.reextract(db_session, after_id=0, limit=10, force=True)
    assert ids(find(db_session, q="kafka")) == ["r"]
    assert ids(find(db_session, skill=["Rust"])) == ["r"]


def test_an_updated_posting_is_found_by_its_new_text_only(db_session: Session) -> None:
    run_import(db_session, [posting_in(external_id="u", description="Ruby on Rails")])
    run_import(db_session, [posting_in(external_id="u", description="Elixir and Phoenix")])
    assert ids(find(db_session, q="elixir")) == ["u"]
    assert ids(find(db_session, q="ruby")) == []


@pytest.mark.parametrize(
    "params",
    [
        {"q": "python"},
        {"q": "バックエンド"},
        {"q": "api", "remote": ["full", "hybrid"]},
        {"q": "engineer", "skill": ["Java"], "expand_skills": True},
        {"q": "エンジニア", "size_band": ["large", "medium"], "japanese_max": "N2"},
    ],
)
def test_relevance_pages_hold_exactly_the_matches(db_session: Session, params: dict) -> None:
    """Ranked pages, read to the end, give every match once, best first: the same set the
    newest-first order gives (another query path), with scores that never rise."""
    from kyujin.synthetic.generator import generate

    run_import(db_session, [PostingIn.model_validate(r) for r in generate(150, seed=11)])
    expected = []
    page = find(db_session, sort="newest", limit=100, facets=False, **params)
    expected.extend(ids(page))
    while page.next_cursor:
        page = find(
            db_session, sort="newest", limit=100, facets=False, cursor=page.next_cursor, **params
        )
        expected.extend(ids(page))
    assert expected, f"the fixture has no match for {params}"
    seen: list[str] = []
    positions: list[search.Ranked] = []
    cursor = None
    while True:
        page = find(db_session, sort="relevance", limit=7, facets=False, cursor=cursor, **params)
        seen.extend(ids(page))
        if page.next_cursor:
            positions.append(search.decode_cursor(page.next_cursor, "relevance")[0])
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(expected)
    assert [p.offset for p in positions] == [7 * (n + 1) for n in range(len(positions))]
    assert len({(p.bound, p.low) for p in positions}) <= 1  # one ranked set throughout


def test_a_japanese_word_matches_only_where_it_is_written_whole(db_session: Session) -> None:
    """Every bigram of 大規模トラフィック, but not in one run, is not the word: PostgreSQL
    narrows by the bigrams first, then checks the phrase; SQLite's FTS5 phrase does both."""
    run_import(
        db_session,
        [
            posting_in(external_id="whole", description="大規模トラフィックを捌く決済基盤"),
            posting_in(external_id="apart", description="大規模トップのトラフィック分析"),
            posting_in(external_id="other", description="Go と PostgreSQL", company="Acme"),
        ],
    )
    for params in ({}, {"company": "株式会社テスト"}, {"sort": "newest"}):
        page = find(db_session, q="大規模トラフィック", **params)
        assert ids(page) == ["whole"], params
        assert page.total == 1


def test_a_lone_character_is_found_at_the_end_of_a_word(db_session: Session) -> None:
    """円 ends 万円 and begins no bigram there; it is found all the same, and no phrase
    reaches from a posting's last word into the run ends indexed after it."""
    run_import(
        db_session,
        [
            posting_in(external_id="yen", description="年収600万円〜"),
            posting_in(external_id="start", description="円滑なコミュニケーション"),
            posting_in(external_id="none", description="報酬は応相談"),
            posting_in(external_id="go", description="決済基盤をGo", company="Acme"),
            posting_in(external_id="days", description="休み：木金土 / 勤務：平日"),
        ],
    )
    assert sorted(ids(find(db_session, q="円"))) == ["start", "yen"]
    # two run ends are not next to each other: 土 and 日 end runs, 土・日 is not written
    assert ids(find(db_session, q="土・日")) == []
    assert ids(find(db_session, q="土")) == ["days"]
    assert ids(find(db_session, q="盤")) == ["go"]
    assert ids(find(db_session, q="go盤")) == []
    assert ids(find(db_session, q="盤をgo")) == ["go"]


def test_postings_by_source_and_without_one(db_session: Session) -> None:
    """source= keeps the postings of any of its sources; exclude_source= leaves them out
    (generated postings: exclude_source=kyujin-synthetic)."""
    run_import(
        db_session,
        [
            posting_in(source="boardA", external_id="a1", description="Go engineer"),
            posting_in(source="boardA", external_id="a2", description="Go and Rust"),
            posting_in(source="boardB", external_id="b1", description="Go on AWS"),
            posting_in(source="kyujin-synthetic", external_id="s1", description="Go, synthetic"),
        ],
    )
    assert sorted(ids(find(db_session, q="go", source=["boardA"]))) == ["a1", "a2"]
    assert sorted(ids(find(db_session, source=["boardA", "boardB"]))) == ["a1", "a2", "b1"]
    kept = find(db_session, q="go", exclude_source=["kyujin-synthetic"])
    assert sorted(ids(kept)) == ["a1", "a2", "b1"] and kept.total == 3
    assert ids(find(db_session, source=["boardA"], exclude_source=["boardA"])) == []
    assert ids(find(db_session, source=["nowhere"])) == []
    page = find(db_session, exclude_source=["boardA", "kyujin-synthetic"])
    assert ids(page) == ["b1"] and sum(v.count for v in page.facets["remote"]) <= 1


def test_equal_facet_counts_are_listed_as_the_search_index_lists_them() -> None:
    """By value among equal counts (bands in their order), whatever order the rows came
    in: both paths then cut a long facet at the same values."""
    rows = [("Rust\tGo",), ("Go\tAda",), ("Zig\tAda",)]
    counted = search._count(
        [tuple(row[0] if name == "skill" else None for name in search.FACETS_READ) for row in rows],
        ["skill"],
    )
    assert [(v.value, v.count) for v in counted["skill"]] == [
        ("Ada", 2),
        ("Go", 2),
        ("Rust", 1),
        ("Zig", 1),
    ]


def test_a_control_character_in_a_filter_value_is_refused() -> None:
    # PostgreSQL text cannot hold NUL: company=a%00b was a 500 there.
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="company"):
        SearchQuery(company="a\x00b")
