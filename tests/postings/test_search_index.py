"""The search index follows the database through its outbox (search_change)."""

from pathlib import Path
from typing import Any

import pytest
import tantivy
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from structlog.testing import capture_logs

from kyujin.core import search_text
from kyujin.db.models import SearchChange
from kyujin.postings import search, search_index, service
from kyujin.postings.schemas import ImportSummary, PostingIn
from kyujin.postings.search_index import IndexNotReady, SearchIndex, database_identity
from kyujin.postings.search_schemas import SearchPage, SearchQuery
from tests.support.factories import posting_in

DB = "sqlite:///kyujin-test.db"


def run_import(session: Session, records: list[PostingIn]) -> None:
    service.import_batch(session, records, default_source="import", summary=ImportSummary())


def find(session: Session, index: SearchIndex, **params: Any) -> SearchPage:
    return search.run(session, SearchQuery(**params), index, DB)


def ids(page: SearchPage) -> set[str]:
    return {item.external_id for item in page.items}


@pytest.fixture
def index(tmp_path: Path) -> SearchIndex:
    return SearchIndex(tmp_path / "index")


def test_an_index_not_built_leaves_search_to_the_database(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(db_session, [posting_in(external_id="a", description="Kotlin and Spring.")])
    assert not index.ready_for(DB)
    assert ids(find(db_session, index, q="kotlin")) == {"a"}
    assert index.num_docs() == 0
    with pytest.raises(IndexNotReady, match="not built for this database"):
        index.sync(db_session, DB)


def test_every_write_reaches_the_index_through_the_outbox(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(
        db_session,
        [
            posting_in(external_id="a", description="Kotlin and Spring.", company="Kumo"),
            posting_in(external_id="b", description="Elixir and Phoenix.", company="Sora"),
        ],
    )
    assert index.rebuild(db_session, DB) == 2
    assert index.ready_for(DB) and not index.ready_for("sqlite:///another.db")
    assert index.sync(db_session, DB) == 0  # nothing changed since
    assert ids(find(db_session, index, q="kotlin")) == {"a"}

    # Created through the API's service: found at the next search.
    service.create_posting(
        db_session, posting_in(source="api", external_id="c", description="Zig.")
    )
    assert ids(find(db_session, index, q="zig")) == {"c"}
    # The text of a posting changed by a re-import: the old word is gone.
    run_import(db_session, [posting_in(external_id="a", description="Scala.", company="Kumo")])
    assert ids(find(db_session, index, q="kotlin")) == set()
    assert ids(find(db_session, index, q="scala")) == {"a"}
    # A company's attributes changed by an import: its other postings follow.
    run_import(
        db_session,
        [posting_in(external_id="d", description="Go.", company="Sora", company_size="large")],
    )
    assert ids(find(db_session, index, size_band=["large"])) == {"b", "d"}
    assert index.num_docs() == 4
    assert index.sync(db_session, DB) == 0


def test_the_outbox_holds_each_change_in_order(db_session: Session) -> None:
    before = db_session.scalar(select(func.coalesce(func.max(SearchChange.seq), 0)))
    run_import(db_session, [posting_in(external_id="x"), posting_in(external_id="y")])
    run_import(db_session, [posting_in(external_id="x", description="Changed.")])
    rows = db_session.execute(
        select(SearchChange.seq, SearchChange.posting_id)
        .where(SearchChange.seq > before)
        .order_by(SearchChange.seq)
    ).all()
    x, y = sorted(posting_id for _, posting_id in rows[:2])
    assert [posting_id for _, posting_id in rows] in ([x, y, x], [y, x, x])


def test_an_index_ahead_of_its_database_must_be_rebuilt(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(db_session, [posting_in(external_id="a")])
    index.rebuild(db_session, DB)
    index._save_state(DB, 10**9)  # as if the database had been recreated under it
    with pytest.raises(IndexNotReady, match="rebuild the index"):
        index.sync(db_session, DB)


def test_database_identity_hides_the_password() -> None:
    identity = database_identity("postgresql+psycopg://kyujin:s3cret@db:5432/kyujin")
    assert "s3cret" not in identity and identity.endswith("@db:5432/kyujin")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # The same local database over TCP and over its Unix socket, or another driver.
        (
            "postgresql+psycopg://kyujin@127.0.0.1:5433/kyujin",
            "postgresql+psycopg://kyujin@/kyujin?host=/run/postgresql&port=5433",
            True,
        ),
        (
            "postgresql+psycopg://k@localhost/kyujin",
            "postgresql+asyncpg://k@[::1]:5432/kyujin",
            True,
        ),
        ("postgresql+psycopg://k@/kyujin", "postgresql://k@localhost:5432/kyujin", True),
        # Different databases, servers, ports or users stay apart.
        (
            "postgresql+psycopg://k@127.0.0.1/kyujin",
            "postgresql+psycopg://k@127.0.0.1/other",
            False,
        ),
        (
            "postgresql+psycopg://k@127.0.0.1/kyujin",
            "postgresql+psycopg://k@db.internal/kyujin",
            False,
        ),
        ("postgresql+psycopg://k@127.0.0.1:5433/kyujin", "postgresql+psycopg://k@/kyujin", False),
        (
            "postgresql+psycopg://k@127.0.0.1/kyujin",
            "postgresql+psycopg://j@127.0.0.1/kyujin",
            False,
        ),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/b.db", False),
        ("sqlite:////tmp/a.db", "sqlite:////tmp/a.db", True),
    ],
)
def test_database_identity_names_the_database_not_the_route(
    first: str, second: str, same: bool
) -> None:
    assert (database_identity(first) == database_identity(second)) is same


# --- bounded work: windows of the newest documents ----------------------------------------


@pytest.fixture
def forty_days(db_session: Session, index: SearchIndex) -> Session:
    """40 postings on 40 days; every third one mentions Rust; salaries differ per posting."""
    records = [
        posting_in(
            external_id=f"p{day:02d}",
            description=("Rust services.\n" if day % 3 == 0 else "Kotlin services.\n")
            + f"Salary: ¥{4 + day % 11}M–¥{16 + day % 7}M\n"
            + ("Fully remote." if day % 2 else "Hybrid: 2 days in the office."),
            posted_at=f"2026-09-{day:02d}" if day <= 30 else f"2026-10-{day - 30:02d}",
        )
        for day in range(1, 41)
    ]
    run_import(db_session, records)
    index.rebuild(db_session, DB)
    return db_session


def small_windows(monkeypatch: pytest.MonkeyPatch, start: int) -> None:
    monkeypatch.setattr(search, "WINDOW_START", start)
    monkeypatch.setattr(search, "WINDOW_GROWTH", 2)
    monkeypatch.setattr(search, "FACET_SAMPLE", 4)
    monkeypatch.setattr(search, "RANK_CAP", 4)
    # the first window of WINDOW_START documents, not planned from the terms' frequencies
    monkeypatch.setattr(search, "_first_window", lambda need, share: float(start))


def every_page(session: Session, index: SearchIndex, **params: Any) -> list[str]:
    seen: list[str] = []
    cursor = None
    while True:
        page = search.search_with_index(
            session, index, SearchQuery(**params, limit=3, cursor=cursor)
        )
        seen += [item.external_id or "" for item in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


@pytest.mark.parametrize("sort", ["newest", "salary"])
def test_windows_give_the_same_pages_as_one_pass_over_every_match(
    forty_days: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch, sort: str
) -> None:
    everything = every_page(forty_days, index, q="rust", sort=sort)
    assert len(everything) == 13
    small_windows(monkeypatch, 2)
    assert every_page(forty_days, index, q="rust", sort=sort) == everything
    assert every_page(forty_days, index, q="rust", sort=sort, remote=["full"]) == [
        i for i in everything if int(i[1:]) % 2
    ]


def test_the_total_and_facets_of_a_window_are_a_lower_bound_and_a_sample(
    forty_days: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = search.search_with_index(forty_days, index, SearchQuery(q="services"))
    assert (exact.total, exact.total_exact, exact.facets_exact) == (40, True, True)
    assert exact.total_estimate is None  # the total is every match
    assert sum(v.count for v in exact.facets["remote"]) == 40
    rare_query = SearchQuery(q="rust", remote=["full"], salary_min=21_000_000, limit=3)
    rare_exact = search.search_with_index(forty_days, index, rare_query)
    assert rare_exact.total == 2  # days 27 and 33
    small_windows(monkeypatch, 2)
    page = search.search_with_index(
        forty_days, index, SearchQuery(q="services", limit=3, sort="newest")
    )
    # 2 matches in the newest 2 documents: 4 (FACET_SAMPLE) want 5 with the margin
    assert (page.total, page.total_exact, page.facets_exact) == (5, False, False)
    assert page.total_estimate == 40  # every document of the window matched: so would all
    assert sum(v.count for v in page.facets["remote"]) == 5
    assert [i.external_id for i in page.items] == ["p40", "p39", "p38"]
    # a rare match widens the window to every document: the total is exact again, and so
    # are the facets counted with every filter; a facet whose filter is set counts the
    # matches of the other filters, more of them, in a narrower window: a sample
    rare = search.search_with_index(forty_days, index, rare_query)
    assert (rare.total, rare.total_exact, rare.facets_exact) == (2, True, False)
    assert rare.items == rare_exact.items
    assert rare.facets["skill"] == rare_exact.facets["skill"]
    # rust and that salary: days 6, 12, 27 and 33, all needed for FACET_SAMPLE (4)
    assert sum(v.count for v in rare_exact.facets["remote"]) == 4
    assert rare.facets["remote"] == rare_exact.facets["remote"]
    # rust and remote: 7 postings, of which the newest 4 are counted for the salary facet
    assert sum(v.count for v in rare_exact.facets["salary_jpy"]) == 7
    assert 4 <= sum(v.count for v in rare.facets["salary_jpy"]) < 7
    # one match in the newest 2 documents, two in 10, four (FACET_SAMPLE) in 25: a sample
    some = search.search_with_index(
        forty_days, index, SearchQuery(q="rust", remote=["full"], sort="newest", limit=3)
    )
    assert (some.total, some.total_exact) == (4, False)  # days 21, 27, 33, 39
    # 4 matches in the newest 25 documents: 6 or so in 40 (there are 7: days 3 to 39)
    assert some.total_estimate == round(4 / 25 * 40)
    assert sum(v.count for v in some.facets["skill"] if v.value == "Rust") == 4
    # relevance ranks the matches of the newest window that holds RANK_CAP of them
    ranked = search.search_with_index(
        forty_days, index, SearchQuery(q="rust", sort="relevance", limit=3)
    )
    assert not ranked.total_exact and ranked.total >= 4
    assert {i.external_id for i in ranked.items} <= {"p39", "p36", "p33", "p30", "p27", "p24"}


def test_windows_hold_whole_buckets_and_end_with_every_document() -> None:
    windows = search._Windows([(50, 10), (40, 30), (30, 100), (20, 500)])  # highest first
    assert windows.holding(5) == (50, 10)
    assert windows.holding(10) == (50, 10)
    assert windows.holding(11) == (40, 40)
    assert windows.holding(141) == (None, 640)  # the last bucket: every document
    assert windows.holding(10_000) == (None, 640)
    below = search._Windows([(50, 10), (40, 30), (30, 100), (20, 500)], below=35)
    assert below.holding(1) == (30, 100)
    assert below.holding(101) == (None, 600)
    assert search._Windows([]).holding(1) == (None, 0)


@pytest.mark.parametrize("key", sorted(search_index.KEY_BUCKET))
def test_a_window_from_a_bucket_is_asked_of_its_bucket_field_with_the_same_documents(
    forty_days: Session, index: SearchIndex, key: str
) -> None:
    searcher = index.searcher()
    schema = index.schema
    buckets = index.key_buckets(index.reader(), key)
    assert len(buckets) > 5

    def count(query: Any) -> int:
        return int(searcher.search(query, limit=1, count=True).count)

    def bound(field: str, value: int) -> str:  # a range's lower bound, as Tantivy shows it
        number = [name for name, _, _ in search_index.FIELDS].index(field)
        return f"Included(Term(field={number}, type=I64, {value}))"

    seen = 0
    for low, documents in buckets:  # highest first: each window holds the ones before
        seen += documents
        (window,) = search._at_least(schema, key, low)
        # the bound is the bucket's number, not the key
        bucket_field = search_index.WINDOW_FIELDS[key]
        assert bound(bucket_field, low // search_index.KEY_BUCKET[key]) in repr(window)
        assert count(window) == seen
        by_key = tantivy.Query.range_query(schema, key, tantivy.FieldType.Integer, low, None)
        assert count(by_key) == seen
    # a bound inside a bucket (a cursor's) is asked of the key itself
    low = buckets[1][0] + 1
    (inside,) = search._at_least(schema, key, low)
    assert bound(key, low) in repr(inside)
    by_key = tantivy.Query.range_query(schema, key, tantivy.FieldType.Integer, low, None)
    assert count(inside) == count(by_key) <= buckets[0][1] + buckets[1][1]


def _old_index(path: Path) -> None:
    """An index with an older kyujin's fields in ``path``, which says it holds DB."""
    path.mkdir(parents=True, exist_ok=True)
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_integer_field("listed_on", indexed=True, fast=True)
    old = tantivy.Index(builder.build(), path=str(path))
    writer = old.writer(heap_size=15_000_000, num_threads=1)
    document = tantivy.Document()
    document.add_integer("id", 99)
    writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    (path / search_index.STATE_FILE).write_text(f'{{"database": "{DB}", "seq": 0}}')


def test_an_older_kyujins_index_is_left_to_it_and_rebuilt_beside_it(
    db_session: Session, tmp_path: Path
) -> None:
    run_import(db_session, [posting_in(external_id="a", description="Kotlin and Spring.")])
    root = tmp_path / "index"
    _old_index(root)  # before layouts, an index lived in the directory itself
    _old_index(root / "index-000000000000")  # another version's layout
    before = sorted(p.name for p in root.iterdir())

    index = SearchIndex(root)
    assert index.path == root / search_index.layout()
    assert not index.ready_for(DB)  # not built by this version
    with capture_logs() as logs:
        assert ids(find(db_session, index, q="kotlin")) == {"a"}  # from the database
        assert ids(find(db_session, index, q="kotlin")) == {"a"}
    # said once, so that a slower search after an upgrade is explained in the log
    assert [entry["event"] for entry in logs if entry["log_level"] == "warning"] == [
        "search index not built for this database, searching the database until "
        "`kyujin index rebuild`"
    ]
    assert search_index.sync_if_built(db_session, root, DB) == 0
    assert index.rebuild(db_session, DB) == 1
    assert index.ready_for(DB) and index.num_docs() == 1
    assert ids(find(db_session, index, q="kotlin")) == {"a"}
    # the older indexes are untouched, for the servers that still read them
    assert sorted(p.name for p in root.iterdir()) == sorted([*before, index.path.name])
    old = tantivy.Index.open(str(root))
    old.reload()
    assert old.searcher().num_docs == 1
    (root / "index-backup-2026").mkdir()  # not an index of kyujin's: not listed
    (other,) = [entry for entry in index.other_layouts() if "index-0" in entry]
    assert other == str(root / "index-000000000000")
    # the older files in the directory itself are named, not the directory, which holds
    # the new index too
    assert index.other_layouts()[0].startswith(f"the files directly in {root} (meta.json")
    assert len(index.other_layouts()) == 2


def test_the_layout_changes_with_the_fields_and_the_document_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    now = search_index.layout()
    monkeypatch.setattr(search_index, "DOCUMENT_VERSION", search_index.DOCUMENT_VERSION + 1)
    assert search_index.layout() != now
    monkeypatch.undo()
    monkeypatch.setattr(search_index, "FIELDS", search_index.FIELDS[:-1])
    assert search_index.layout() != now


def test_an_index_of_another_schema_in_its_layout_is_left_to_the_database_until_rebuilt(
    db_session: Session, tmp_path: Path
) -> None:
    run_import(db_session, [posting_in(external_id="a", description="Kotlin and Spring.")])
    root = tmp_path / "index"
    _old_index(root / search_index.layout())  # fields that hash alike, or another Tantivy

    index = SearchIndex(root)
    assert not index.ready_for(DB)  # it says it was built for DB, but it cannot be read
    assert ids(find(db_session, index, q="kotlin")) == {"a"}  # from the database
    with pytest.raises(IndexNotReady, match="another version of kyujin"):
        index.num_docs()
    assert index.rebuild(db_session, DB) == 1
    assert index.ready_for(DB) and index.num_docs() == 1
    assert ids(find(db_session, index, q="kotlin")) == {"a"}
    # a process that opened the directory before the rebuild reads the new index
    assert SearchIndex(root).ready_for(DB)


class _Found:
    def __init__(self, count: int) -> None:
        self.count = count


def _count(found: Any) -> int:
    return int(found.count)


def test_widening_jumps_to_the_window_the_density_of_matches_calls_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search, "WINDOW_START", 100)
    monkeypatch.setattr(search, "WINDOW_GROWTH", 2)
    monkeypatch.setattr(search, "_first_window", lambda need, share: 100.0)  # unplanned
    windows = search._Windows([(key, 100) for key in range(99, 67, -1)])  # 32 x 100 documents
    asked: list[int | None] = []

    def run(matches_per_hundred: int) -> Any:
        def one(low: int | None) -> Any:
            asked.append(low)
            return _Found(windows.sizes[99 - low] * matches_per_hundred // 100 if low else 0)

        return one

    low, result = search._widening(windows, 30, run(5), _count)
    # 5 in 100 documents: 30 want 600, 750 with the margin
    assert (asked, low, result.count) == ([99, 92], 92, 40)
    asked.clear()
    low, result = search._widening(windows, 12, run(10), _count)
    assert asked == [99, 98]  # 12 want 150 with the margin, but at least twice as wide
    asked.clear()
    assert search._widening(windows, 1000, run(5), _count)[0] is None
    assert asked == [99, None]  # 1,000 at 1 in 20 want 25,000 documents: there are 3,200
    asked.clear()
    assert search._widening(windows, 3, run(0), _count)[0] is None
    assert asked == [99, None]  # none in the first window: straight to every document


def test_a_cjk_phrase_is_asked_for_by_the_bigrams_that_pin_its_characters() -> None:
    cover = search_index._cover
    assert cover(["決済", "済基", "基盤"]) == [(0, "決済"), (2, "基盤")]
    assert cover(["エン", "ンジ", "ジニ", "ニア"]) == [(0, "エン"), (2, "ジニ"), (3, "ニア")]
    assert cover(["開発"]) == [(0, "開発")]
    assert cover(["spring", "boot"]) == [(0, "spring"), (1, "boot")]  # words: every one
    # a word between bigrams keeps its neighbours
    assert cover(["決済", "api", "基盤"]) == [(0, "決済"), (1, "api"), (2, "基盤")]


def test_a_long_japanese_phrase_matches_only_where_it_is_written_whole(
    db_session: Session, index: SearchIndex
) -> None:
    run_import(
        db_session,
        [
            posting_in(external_id="whole", description="大規模トラフィックの経験"),
            # every bigram of the phrase, but never all in a row
            posting_in(external_id="parts", description="大規模 模トラ トラフィ フィック"),
        ],
    )
    index.rebuild(db_session, DB)
    page = search.search_with_index(db_session, index, SearchQuery(q="大規模トラフィック"))
    assert [item.external_id for item in page.items] == ["whole"]


def test_the_outbox_is_pruned_to_its_newest_rows_and_an_index_behind_them_rebuilds(
    db_session: Session, index: SearchIndex
) -> None:
    from kyujin.postings import repository

    def rows() -> int:
        return int(db_session.scalar(select(func.count()).select_from(SearchChange)) or 0)

    run_import(db_session, [posting_in(external_id="a", description="Kotlin.")])
    index.rebuild(db_session, DB)
    for n in range(4):
        run_import(db_session, [posting_in(external_id=f"b{n}", description="Gleam.")])
    before = rows()  # other tests may have left rows; numbers may start anywhere
    with pytest.raises(ValueError, match="at least one"):
        repository.prune_search_changes(db_session, 0)
    last, _ = repository.search_changes_after(db_session, 0)
    assert repository.prune_search_changes(db_session, keep=2) == before - 2
    assert repository.search_changes_pruned_through(db_session) == last - 2
    assert repository.prune_search_changes(db_session, keep=2) == 0  # nothing more to do
    assert rows() == 2
    # the index applied up to its rebuild, before the rows now gone: it missed changes
    with pytest.raises(IndexNotReady, match=r"pruned up to .*rebuild the index"):
        index.sync(db_session, DB)
    assert find(db_session, index, q="gleam").total == 4  # the database answers meanwhile
    index.rebuild(db_session, DB)
    run_import(db_session, [posting_in(external_id="c", description="Gleam.")])
    assert index.sync(db_session, DB) == 1  # caught up since the rebuild: fine
    assert ids(find(db_session, index, q="gleam")) == {"b0", "b1", "b2", "b3", "c"}


def test_the_first_window_is_as_wide_as_the_estimated_share_of_matches_calls_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search, "WINDOW_START", 100)
    windows = search._Windows([(key, 100) for key in range(99, 67, -1)])  # 32 x 100 documents
    asked: list[int | None] = []

    def one(low: int | None) -> Any:  # 5 matches in 100 documents
        asked.append(low)
        return _Found(windows.sizes[99 - low] * 5 // 100 if low is not None else 160)

    # 30 at an estimated 1 in 20 want 600 documents, 750 with the margin: one pass
    assert search._widening(windows, 30, one, _count, share=0.05)[0] == 92
    assert asked == [92]
    asked.clear()
    # an estimate too high is corrected by the density seen, as without one
    assert search._widening(windows, 30, one, _count, share=0.5)[0] == 92
    assert asked == [99, 92]  # 75 documents wanted: WINDOW_START (100) at least
    asked.clear()
    # a term in no document: straight to every document
    assert search._widening(windows, 30, one, _count, share=0.0)[0] is None
    assert asked == [None]
    assert search._first_window(30, 0.05) == 750
    assert search._first_window(30, 1.0) == 100


def test_shares_are_estimated_from_document_frequencies(
    forty_days: Session, index: SearchIndex
) -> None:
    estimate = search._Estimate(index.searcher())
    assert estimate.documents == 40
    assert estimate.terms("remote", ["full"]) == 0.5  # odd days
    assert estimate.terms("remote", ["full", "hybrid"]) == 1.0
    assert estimate.terms("body", ["rust"]) == 13 / 40
    # a phrase is no commoner than its rarest token; phrases are taken as independent
    assert estimate.text(search_text.query("rust services")) == 13 / 40 * 40 / 40
    assert estimate.text(search_text.query("rust")) * estimate.text(
        search_text.query("kotlin")
    ) == pytest.approx(13 / 40 * 27 / 40)
    clauses = search._index_conditions(
        index.schema,
        SearchQuery(remote=["full"], salary_min=5_000_000, posted_since="2026-09-01"),
        estimate,
    )
    assert [(c.facet, c.share) for c in clauses] == [
        ("salary_jpy", search.RANGE_SHARE),  # no statistics for a range
        ("remote", 0.5),
        (None, 1.0),  # a date bound admits the newest documents, which windows hold
    ]


def test_facets_without_a_filter_take_a_narrower_window_than_one_far_over_the_sample(
    forty_days: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "WINDOW_START", 2)
    monkeypatch.setattr(search, "FACET_SAMPLE", 4)
    monkeypatch.setattr(search, "RANK_CAP", 40)
    # relevance ranks all 40 matches; the facets want 4, 5 with the margin, of 40 days
    page = search.search_with_index(
        forty_days, index, SearchQuery(q="services", sort="relevance", limit=3)
    )
    assert (page.total, page.total_exact) == (40, True)
    assert page.facets_exact is False
    assert sum(v.count for v in page.facets["remote"]) == 5
    filtered = search.search_with_index(
        forty_days, index, SearchQuery(q="services", sort="relevance", remote=["full"], limit=3)
    )
    assert (filtered.total, filtered.total_exact) == (20, True)
    assert sum(v.count for v in filtered.facets["salary_jpy"]) < 20
    monkeypatch.setattr(search, "FACET_SAMPLE", 40)
    exact = search.search_with_index(
        forty_days, index, SearchQuery(q="services", sort="relevance", limit=3)
    )
    assert exact.facets_exact and sum(v.count for v in exact.facets["remote"]) == 40


def legacy_on(
    session: Session,
    index: SearchIndex,
    monkeypatch: pytest.MonkeyPatch,
    days: set[int],
    *,
    rank_cap: int,
) -> None:
    """40 postings, one a day, "legacy" on ``days``, remote on odd days; indexed, with
    windows small enough for them (a facet sample of 2)."""
    run_import(
        session,
        [
            posting_in(
                external_id=f"p{day:02d}",
                description=("Legacy COBOL batch.\n" if day in days else "Kotlin services.\n")
                + ("Fully remote." if day % 2 else "Hybrid: 2 days in the office."),
                posted_at=f"2026-09-{day:02d}" if day <= 30 else f"2026-10-{day - 30:02d}",
            )
            for day in range(1, 41)
        ],
    )
    index.rebuild(session, DB)
    monkeypatch.setattr(search, "WINDOW_START", 2)
    monkeypatch.setattr(search, "WINDOW_GROWTH", 2)
    monkeypatch.setattr(search, "FACET_SAMPLE", 2)
    monkeypatch.setattr(search, "RANK_CAP", rank_cap)


def test_facets_without_a_filter_widen_when_the_matches_are_not_even_in_time(
    db_session: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    legacy_on(db_session, index, monkeypatch, set(range(1, 9)), rank_cap=40)
    # 8 matches in 40 documents: the sample (2) in 13 of them, were they even; they are
    # the oldest 8, so the facets are counted over every document
    page = search.search_with_index(
        db_session, index, SearchQuery(q="legacy", sort="relevance", limit=3)
    )
    assert (page.total, page.total_exact) == (8, True)
    assert page.facets_exact
    assert {v.value: v.count for v in page.facets["remote"]} == {"full": 4, "hybrid": 4}


def test_a_commit_by_this_process_or_another_renews_the_histograms(
    forty_days: Session, index: SearchIndex
) -> None:
    def documents(at: SearchIndex) -> list[tuple[int, int]]:
        return at.key_buckets(at.reader(), "salary_key")

    def fresh() -> list[tuple[int, int]]:
        return SearchIndex(index.root).key_buckets(index.reader(), "salary_key")

    before = documents(index)
    assert sum(n for _, n in before) == 40
    run_import(forty_days, [posting_in(external_id="new", description="Gleam.")])
    assert index.sync(forty_days, DB) == 1
    assert sum(n for _, n in documents(index)) == 41  # this process wrote
    # another process re-imports a posting at another salary: as many documents as before
    other = SearchIndex(index.root)
    old_reader = index.reader()
    run_import(forty_days, [posting_in(external_id="new", description="Gleam. ¥30M–¥40M")])
    assert other.sync(forty_days, DB) == 1
    assert documents(index) == fresh() != index.key_buckets(old_reader, "salary_key")
    # a search that opened its reader before that commit and counts after it: what it
    # caches is not served to the searches after the commit
    assert index.key_buckets(old_reader, "salary_key") != fresh()
    assert documents(index) == fresh()


def test_a_stale_histogram_does_not_make_the_estimate_exceed_every_document(
    forty_days: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_windows(monkeypatch, 2)
    real = index.key_buckets

    def before_the_newest_20(reader: search_index.Reader, field: str) -> list[tuple[int, int]]:
        return real(reader, field)[20:]  # cached before the newest 20 days were written

    monkeypatch.setattr(index, "key_buckets", before_the_newest_20)
    page = search.search_with_index(
        forty_days, index, SearchQuery(q="services", limit=3, sort="newest")
    )
    assert not page.total_exact
    assert page.total_estimate == 40  # every document matches; not more than there are


def test_facets_without_a_filter_widen_no_further_than_the_searchs_window(
    db_session: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 11 matches: none among the newest 13 documents
    legacy_on(db_session, index, monkeypatch, {1, 2, 3, *range(20, 28)}, rank_cap=4)
    page = search.search_with_index(
        db_session, index, SearchQuery(q="legacy", sort="relevance", limit=3)
    )
    # the ranking window holds some of the 11 (days 20-27), not all
    assert not page.total_exact and 4 <= page.total < 11
    # the facets' narrower window holds none of them: widened to the search's window, and
    # no further, so they count its matches, as a sample
    assert sum(v.count for v in page.facets["remote"]) == page.total
    assert not page.facets_exact


def test_a_prefix_matches_however_many_bigrams_it_begins(
    db_session: Session, index: SearchIndex
) -> None:
    """ "3年" asks for 3 followed by any bigram starting with 年. Tantivy's phrase-prefix
    query took the first 50 such bigrams only, so with more in the index most matches were
    lost while the total claimed to be exact. Both paths agree now."""
    kana = (
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
    )
    records = [
        posting_in(external_id=f"k{n}", description=f"経験3年{ch}以上")
        for n, ch in enumerate(kana + "アイウエオカキクケコ")
    ]
    run_import(db_session, records)
    index.rebuild(db_session, DB)
    query = SearchQuery(q="3年", limit=100, facets=False)
    by_index = search.search_with_index(db_session, index, query)
    by_database = search.search(db_session, query)
    assert len(records) > 50
    assert by_index.total == by_database.total == len(records) and by_index.total_exact
    assert ids(by_index) == ids(by_database) == {r.external_id for r in records}
    alone = SearchQuery(q="年", limit=100, facets=False)  # one token: a prefix of a term
    assert ids(search.search_with_index(db_session, index, alone)) == ids(by_database)


def test_posted_since_bounds_the_estimate_and_makes_a_window_reaching_it_exact(
    forty_days: Session, index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No document listed before posted_since can match: the estimate extrapolates over
    the documents since, and a window reaching back to it holds every match."""
    small_windows(monkeypatch, 2)
    # Since 2026-10-01 (days 31-40) every posting matches "services": the window that holds
    # the 5 wanted is every match's share, over the 10 documents since, not all 40
    october = search.search_with_index(
        forty_days,
        index,
        SearchQuery(q="services", posted_since="2026-10-01", limit=3, sort="newest"),
    )
    assert (october.total, october.total_exact, october.total_estimate) == (5, False, 10)
    # Rust since then: days 33, 36 and 39, fewer than wanted, so the window widens back
    # past October 1st: it holds every match that can be, and the total is exact
    rust = search.search_with_index(
        forty_days,
        index,
        SearchQuery(q="rust", posted_since="2026-10-01", limit=3, sort="newest"),
    )
    assert (rust.total, rust.total_exact, rust.total_estimate) == (3, True, None)


def test_accents_and_the_middle_dot_read_alike_on_both_paths(
    db_session: Session, index: SearchIndex
) -> None:
    """SQLite's tokenizer folds diacritics and drops ・; the index and PostgreSQL read the
    documents search_text writes: it folds and separates the same way."""
    run_import(
        db_session,
        [
            posting_in(external_id="accent", description="Café backend, naïve Bayes"),
            posting_in(external_id="plain", description="cafe platform"),
            posting_in(external_id="dot", description="Python・Go・Java の開発"),
        ],
    )
    index.rebuild(db_session, DB)
    for q, expected in [
        ("café", {"accent", "plain"}),
        ("naive", {"accent"}),
        ("Python・Go", {"dot"}),
        ("Go Java", {"dot"}),
        ("・", set()),
    ]:
        query = SearchQuery(q=q, facets=False)
        by_index = search.search_with_index(db_session, index, query)
        by_database = search.search(db_session, query)
        assert ids(by_index) == ids(by_database) == expected, q


def test_a_prefix_wider_than_the_index_expands_is_searched_in_the_database(
    db_session: Session, index: SearchIndex
) -> None:
    """Tantivy refuses a prefix that begins over 16,384 terms: one posting listing 17,000
    bigrams that start with 年 made "3年" a 500 for everyone. The database reads it."""
    many = " ".join("年" + chr(0x4E00 + i) for i in range(17_000))
    run_import(
        db_session,
        [
            posting_in(external_id="list", description="経験3年以上\n" + many),
            posting_in(external_id="other", description="経験3年以上のエンジニア"),
        ],
    )
    index.rebuild(db_session, DB)
    page = find(db_session, index, q="3年")
    assert ids(page) == {"list", "other"} and page.total_exact
