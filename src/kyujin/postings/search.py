"""Search over postings: full text, a filter on every extracted fact, facet counts, sorting.

Bounded work per query, however common the term: the total is counted up to COUNT_CAP
matches (beyond that it is reported as a lower bound), facets are counted over the newest
FACET_SAMPLE matches (exact when there are no more), and relevance ranks the newest RANK_CAP
matches. Pagination is by keyset on (sort key, id), and for relevance on the rank within the
set the first page ranked (``Ranked``), so pages stay stable while postings are added.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import chain
from math import prod
from typing import Any, NamedTuple, TypeVar

import structlog
import tantivy
from sqlalchemy import ColumnElement, Select, false, func, or_, select, tuple_
from sqlalchemy.orm import Session

from kyujin.core import search_text
from kyujin.core.companies import name_key
from kyujin.core.facts.location import prefecture_name
from kyujin.core.taxonomy import default_taxonomy
from kyujin.db.models import Company, Posting, PostingSkill
from kyujin.errors import InvalidInput
from kyujin.postings import repository, search_index
from kyujin.postings.schemas import PostingSummary
from kyujin.postings.search_schemas import FacetValue, SearchPage, SearchQuery

log = structlog.get_logger(__name__)

COUNT_CAP = 10_000
FACET_SAMPLE = 2_000
RANK_CAP = 2_000
MAX_QUERY_TERMS = 10
SNIPPET_CHARS = 200
TOP_SKILLS = 30
TOP_PREFECTURES = 20
# Japanese levels from least to most demanding: "at most N3" is none, N5, N4, N3.
JAPANESE_ORDER = ("none", "N5", "N4", "N3", "N2", "N1", "native")
# Annual JPY bands (lower bounds) for the salary facet.
SALARY_BANDS = (0, 4_000_000, 6_000_000, 8_000_000, 10_000_000, 15_000_000)
YEARS_BANDS = (0, 1, 3, 5, 10)


def _skill_names(label: str, expand: bool) -> list[str]:
    taxonomy = default_taxonomy()
    name = taxonomy.resolve(label)
    if name is None:
        raise InvalidInput(f"skill {label!r} is not in the taxonomy")
    names = [name]
    if expand:
        names.extend(taxonomy.descendants(name))
    return names


def _has_skill(names: Sequence[str]) -> ColumnElement[bool]:
    return Posting.id.in_(select(PostingSkill.posting_id).where(PostingSkill.skill.in_(names)))


def _prefectures(labels: Iterable[str]) -> list[str]:
    """Prefecture names for the labels a query gives (Tokyo, 東京都, tokyo-to), or 400."""
    names = []
    for label in labels:
        name = prefecture_name(label)
        if name is None:
            raise InvalidInput(f"prefecture {label!r} is not a prefecture of Japan")
        names.append(name)
    return names


def japanese_at_most(level: str) -> tuple[str, ...]:
    """The Japanese levels a posting may ask for under japanese_max=level."""
    return JAPANESE_ORDER[: JAPANESE_ORDER.index(level) + 1]


def _company_where(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return repository.any_of(Posting.company_id.expression, select(Company.id).where(condition))


def conditions(query: SearchQuery) -> list[ColumnElement[bool]]:
    """The WHERE clauses of every filter (not full text)."""
    return [clause for _, clause in facet_conditions(query)]


def facet_conditions(query: SearchQuery) -> list[tuple[str | None, ColumnElement[bool]]]:
    """Each filter's WHERE clause with the facet it narrows (None: no facet), so that a
    facet can be counted without its own filter."""
    where: list[tuple[str | None, ColumnElement[bool]]] = []
    if query.skill:
        sets = [_skill_names(s, query.expand_skills) for s in query.skill]
        if query.skill_mode == "all":
            where.extend(("skill", _has_skill(names)) for names in sets)
        else:
            where.append(("skill", _has_skill([n for names in sets for n in names])))
    if query.category:
        category = select(PostingSkill.posting_id).where(PostingSkill.category.in_(query.category))
        where.append((None, Posting.id.in_(category)))
    low = func.coalesce(Posting.salary_annual_min_jpy, Posting.salary_annual_max_jpy)
    high = func.coalesce(Posting.salary_annual_max_jpy, Posting.salary_annual_min_jpy)
    if query.salary_min is not None:
        where.append(("salary_jpy", high >= query.salary_min))
    if query.salary_max is not None:
        where.append(("salary_jpy", low <= query.salary_max))
    if query.japanese_max is not None:
        allowed = japanese_at_most(query.japanese_max)
        where.append(("japanese_level", Posting.japanese_level.in_(allowed)))
    if query.remote:
        where.append(("remote", Posting.remote.in_(query.remote)))
    if query.visa_sponsorship is not None:
        where.append(("visa_sponsorship", Posting.visa_sponsorship.is_(query.visa_sponsorship)))
    if query.employment_type:
        where.append(("employment_type", Posting.employment_type.in_(query.employment_type)))
    if query.max_years_experience is not None:
        # A posting that states no minimum asks for none.
        years = or_(
            Posting.min_years_experience.is_(None),
            Posting.min_years_experience <= query.max_years_experience,
        )
        where.append(("min_years_experience", years))
    if query.prefecture:
        where.append(("prefecture", Posting.prefecture.in_(_prefectures(query.prefecture))))
    if query.company is not None:
        where.append((None, _company_where(Company.name_key == name_key(query.company))))
    if query.size_band:
        where.append(("size_band", _company_where(Company.size_band.in_(query.size_band))))
    if query.industry:
        where.append(("industry", _company_where(Company.industry.in_(query.industry))))
    if query.foreign_affiliated is not None:
        where.append(
            (None, _company_where(Company.foreign_affiliated.is_(query.foreign_affiliated)))
        )
    if query.posted_since is not None:
        where.append((None, Posting.listed_on >= query.posted_since))
    if query.source:
        where.append((None, Posting.source.in_(query.source)))
    if query.exclude_source:
        where.append((None, Posting.source.not_in(query.exclude_source)))
    return where


# --- cursors ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ranked:
    """Where a relevance cursor is: ``offset`` ranks already shown, of the ranking of the
    postings up to id ``bound`` (the newest when the first page was made) and, through the
    search index, in the window of keys from ``low`` (None: every document). Pinning the
    set keeps postings added later off the pages. Their order can still move: BM25's term
    weights and average length change with every insert, so a multi-term query's pages may
    repeat or skip an item across a page boundary (docs/architecture.md)."""

    offset: int
    bound: int
    low: int | None = None

    def to_json(self) -> list[int | None]:
        return [self.offset, self.bound, self.low]

    @classmethod
    def of(cls, value: Any) -> Ranked:
        if not (isinstance(value, list) and len(value) == 3):
            raise ValueError("key")
        offset, bound, low = value
        # type() is, not isinstance: JSON's true is an int to Python (a 500 in SQL)
        if not (type(offset) is int and 0 <= offset <= RANK_CAP):
            raise ValueError("offset")
        if not (type(bound) is int and 1 <= bound < 2**63):
            raise ValueError("bound")
        if low is not None and not (type(low) is int and 0 <= low < 2**63):
            raise ValueError("low")
        return cls(offset, bound, low)


def encode_cursor(sort: str, key: Any, posting_id: int) -> str:
    raw = json.dumps([sort, key, posting_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, int]:
    """(key, posting id) of a cursor this API issued for ``sort``. The key: the day listed
    (newest), the salary (salary), or a ``Ranked`` position (relevance)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, key, posting_id = json.loads(raw)
        if kind != sort:
            raise ValueError("sort")
        # (JSON's true and false are ints to Python: PostgreSQL compared an id with a boolean)
        if type(posting_id) is not int or not 1 <= posting_id < 2**63:
            raise ValueError("id")
        if sort == "newest":
            key = date.fromisoformat(key)
        elif sort == "salary":
            # salary_sort is the annual JPY, or -1 for none, in a 64-bit column: another key
            # is none this API gave (and overflowed the index's sort key)
            if type(key) is not int or not -1 <= key < 2**63:
                raise ValueError("key")
        else:
            key = Ranked.of(key)
        return key, posting_id
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        raise InvalidInput(
            f"cursor {cursor!r} is not one this API issued for sort={sort}"
        ) from None


# --- the search ------------------------------------------------------------------------------


def _snippet(text: str, terms: Sequence[str]) -> str:
    lowered = text.lower()
    for term in terms:
        at = lowered.find(term.lower())
        if at >= 0:
            start = max(0, at - SNIPPET_CHARS // 4)
            prefix = "…" if start else ""
            return prefix + text[start : start + SNIPPET_CHARS].replace("\n", " ")
    return text[:SNIPPET_CHARS].replace("\n", " ")


FACETS = (
    "remote",
    "japanese_level",
    "visa_sponsorship",
    "employment_type",
    "prefecture",
    "salary_jpy",
    "min_years_experience",
    "skill",
    "size_band",
    "industry",
)
# What each column of a facet sample counts for (see _FACET_COLUMNS).
FACETS_READ = (
    "remote",
    "japanese_level",
    "visa_sponsorship",
    "employment_type",
    "prefecture",
    "salary_jpy",
    "min_years_experience",
    "skill",
    "size_band",
    "industry",
)


# The facet columns a sample reads, in FACETS order ("skill" reads skill_list).
_FACET_COLUMNS = (
    Posting.remote,
    Posting.japanese_level,
    Posting.visa_sponsorship,
    Posting.employment_type,
    Posting.prefecture,
    Posting.salary_sort,
    Posting.min_years_experience,
    Posting.skill_list,
    Company.size_band,
    Company.industry,
)


def _sample(session: Session, base: Base) -> tuple[list[tuple[Any, ...]], bool]:
    """The facet columns of the newest FACET_SAMPLE matches; whether that is all of them."""
    select_ids, newest = base
    stmt = (
        select_ids.with_only_columns(*_FACET_COLUMNS)
        .outerjoin(Company, Company.id == Posting.company_id)
        .order_by(newest.desc())
        .limit(FACET_SAMPLE + 1)
    )
    # Plain tuples through the connection: the ORM's row loading cost more than the query.
    rows = [tuple(row) for row in session.connection().execute(stmt)]
    return rows[:FACET_SAMPLE], len(rows) <= FACET_SAMPLE


def _band_labels(bounds: Sequence[int]) -> list[str]:
    return [
        f"{low}-{bounds[i + 1]}" if i + 1 < len(bounds) else f"{low}+"
        for i, low in enumerate(bounds)
    ]


_SALARY_LABELS = _band_labels(SALARY_BANDS)
_YEARS_LABELS = _band_labels(YEARS_BANDS)


def _band_counts(
    values: Iterable[Any], bounds: Sequence[int], labels: Sequence[str]
) -> Counter[str]:
    counts = Counter(v for v in values if v is not None and v >= bounds[0])
    banded: Counter[str] = Counter()
    for value, n in counts.items():
        banded[labels[bisect_right(bounds, value) - 1]] += n
    return banded


def _count(rows: Sequence[tuple[Any, ...]], names: Collection[str]) -> dict[str, list[FacetValue]]:
    """Value counts per facet in ``names``, column by column (C-speed Counters)."""
    columns = dict(zip(FACETS_READ, zip(*rows, strict=True), strict=True)) if rows else {}
    tops = {"skill": TOP_SKILLS, "prefecture": TOP_PREFECTURES}
    out: dict[str, list[FacetValue]] = {}
    for name in names:
        values = columns.get(name, ())
        if name == "salary_jpy":
            counter = _band_counts(values, SALARY_BANDS, _SALARY_LABELS)
        elif name == "min_years_experience":
            counter = _band_counts(values, YEARS_BANDS, _YEARS_LABELS)
        elif name == "skill":
            counter = Counter(chain.from_iterable(v.split("\t") for v in values if v))
        elif name == "visa_sponsorship":
            counter = Counter(str(bool(v)).lower() for v in values if v is not None)
        else:
            counter = Counter(v for v in values if v is not None)
        out[name] = [
            FacetValue(value=v, count=c) for v, c in _ranked(name, counter)[: tops.get(name)]
        ]
    return out


def _ranked(name: str, counter: Counter[str]) -> list[tuple[str, int]]:
    """Values by count, equal counts in the order the search index gives them (bands in
    their order, other values by value), so that both paths list the same facet values,
    the top ones of a cut-off facet included."""
    if name in ("salary_jpy", "min_years_experience"):
        labels = _SALARY_LABELS if name == "salary_jpy" else _YEARS_LABELS
        order = {label: i for i, label in enumerate(labels)}
        return sorted(counter.items(), key=lambda item: (-item[1], order[item[0]]))
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


# SELECT posting.id of the matches, and the column that orders them newest id first.
Base = tuple[Select[Any], ColumnElement[Any]]
BaseFor = Callable[[Sequence[ColumnElement[bool]]], Base]


def _base_for(session: Session, query: SearchQuery, phrases: Sequence[Any]) -> BaseFor:
    """The matches of the query's text (if any) under a given list of filters."""
    if phrases:
        return lambda where: repository.matching(session, phrases, where)
    nothing = [false()] if query.q and query.q.split() else []  # only punctuation in q

    def plain(where: Sequence[ColumnElement[bool]]) -> Base:
        return select(Posting.id).where(*nothing, *where), Posting.id.expression

    return plain


def _facets(
    session: Session,
    where: Sequence[tuple[str | None, ColumnElement[bool]]],
    base_for: BaseFor,
) -> tuple[dict[str, list[FacetValue]], bool]:
    """Facet counts over the matches. Disjunctive, as shoppers expect: a facet whose filter
    is set is counted without that filter (remote=full still shows how many hybrid
    postings there are), by one more sampled query per such facet."""
    rows, exact = _sample(session, base_for([clause for _, clause in where]))
    filtered = {name for name, _ in where if name is not None}
    facets = _count(rows, [name for name in FACETS if name not in filtered])
    for name in sorted(filtered):
        others = [clause for facet, clause in where if facet != name]
        own_rows, own_exact = _sample(session, base_for(others))
        facets.update(_count(own_rows, [name]))
        exact = exact and own_exact
    return {name: facets[name] for name in FACETS}, exact


def _read_query(query: SearchQuery) -> tuple[list[str], list[search_text.Phrase], str]:
    """The query's terms, its phrases, and its sort (the default filled in), or 400."""
    terms = query.q.split() if query.q else []
    if len(terms) > MAX_QUERY_TERMS:
        raise InvalidInput(f"q has {len(terms)} terms; at most {MAX_QUERY_TERMS} are allowed")
    phrases = search_text.query(query.q or "")
    sort = query.sort or ("relevance" if phrases else "newest")
    if sort == "relevance" and not phrases:
        raise InvalidInput("sort=relevance needs a q")
    return terms, phrases, sort


def run(
    session: Session, query: SearchQuery, index: search_index.SearchIndex | None, database: str
) -> SearchPage:
    """The search, through the search index when there is one built for this database
    (brought up to date with the outbox first), else in the database: also when the index
    can no longer follow it (it missed pruned changes, or the database was recreated)
    until `kyujin index rebuild` has run."""
    if index is not None and index.ready_for(database):
        try:
            index.sync(session, database)
        except search_index.IndexNotReady as error:
            log.warning("search index unusable, searching the database", error=str(error))
        else:
            try:
                return search_with_index(session, index, query)
            except ValueError as error:
                # Tantivy refuses a prefix that begins over 16,384 terms (a bare ValueError);
                # the database reads any prefix, at its own pace
                if "max expansions" not in str(error):
                    raise
                log.info("prefix too wide for the search index, searching the database")
    elif index is not None and index.tell_once("not built"):
        # after an upgrade to a version whose index is laid out anew, too
        log.warning(
            "search index not built for this database, searching the database until "
            "`kyujin index rebuild`",
            path=str(index.path),
        )
    return search(session, query)


def search(session: Session, query: SearchQuery) -> SearchPage:
    terms, phrases, sort = _read_query(query)
    repository.prepare_search(session)
    keyed = facet_conditions(query)
    filters = [clause for _, clause in keyed]
    base_for = _base_for(session, query, phrases)
    base, _ = base_for(filters)

    total = (
        session.scalar(select(func.count()).select_from(base.limit(COUNT_CAP + 1).subquery())) or 0
    )
    total_exact = total <= COUNT_CAP
    facets, facets_exact = _facets(session, keyed, base_for) if query.facets else ({}, True)

    after = decode_cursor(query.cursor, sort) if query.cursor else None
    limit = query.limit
    if sort == "relevance":
        at = after[0] if after is not None else Ranked(0, repository.last_posting_id(session))
        scored = repository.ranked(
            session,
            phrases,
            filters,
            cap=RANK_CAP,
            bound=at.bound,
            offset=at.offset,
            limit=limit + 1,
        )
        ids = [posting_id for posting_id, _ in scored]
        keys = {posting_id: Ranked(at.offset + n + 1, at.bound) for n, posting_id in enumerate(ids)}
    else:
        column = Posting.listed_on if sort == "newest" else Posting.salary_sort
        stmt = base.add_columns(column)
        if after is not None:
            stmt = stmt.where(tuple_(column, Posting.id) < tuple_(after[0], after[1]))
        rows = session.execute(
            stmt.order_by(column.desc(), Posting.id.desc()).limit(limit + 1)
        ).all()
        ids = [row[0] for row in rows]
        keys = {row[0]: row[1] for row in rows}
    return _page(
        session,
        query,
        sort,
        terms,
        ids,
        keys,
        total if total_exact else COUNT_CAP,
        total_exact,
        facets,
        facets_exact,
    )


# What a result shows: the columns it is made of, not the whole row (the posting's facts
# and HTML are most of a row, and loading them took most of a page's time).
_SUMMARY_COLUMNS = (
    Posting.id,
    Posting.source,
    Posting.external_id,
    Posting.title,
    Posting.company_name,
    Posting.location_text,
    Posting.url,
    Posting.posted_on,
    Posting.description,
)


def _page(
    session: Session,
    query: SearchQuery,
    sort: str,
    terms: Sequence[str],
    ids: list[int],
    keys: dict[int, Any],
    total: int,
    total_exact: bool,
    facets: dict[str, list[FacetValue]],
    facets_exact: bool,
    total_estimate: int | None = None,
) -> SearchPage:
    """The page of ``ids`` (one more than the limit when there is a next page) with its
    postings loaded, and the cursor after it."""
    limit = query.limit
    more = len(ids) > limit
    ids = ids[:limit]
    postings = (
        {p.id: p for p in session.execute(select(*_SUMMARY_COLUMNS).where(Posting.id.in_(ids)))}
        if ids
        else {}
    )
    items = [
        PostingSummary(
            id=p.id,
            source=p.source,
            external_id=p.external_id,
            title=p.title,
            company=p.company_name,
            location=p.location_text,
            url=p.url,
            posted_at=p.posted_on,
            snippet=_snippet(p.description, terms),
        )
        for p in (postings[i] for i in ids if i in postings)
    ]
    next_cursor = None
    if more and ids:
        last = ids[-1]
        key = keys[last]
        if isinstance(key, date):
            key = key.isoformat()
        elif isinstance(key, Ranked):
            key = key.to_json()
        next_cursor = encode_cursor(sort, key, last)
    return SearchPage(
        items=items,
        next_cursor=next_cursor,
        total=total,
        total_exact=total_exact,
        total_estimate=total_estimate,
        facets=facets,
        facets_exact=facets_exact,
        sort=sort,
        ranked=min(total, RANK_CAP) if sort == "relevance" else None,
    )


# --- through the search index -----------------------------------------------------------
#
# The same query, filters, facets, sorts and cursors, answered by the search index
# (kyujin.postings.search_index) instead of the database, which only loads the page's
# postings. Work is bounded as on the database, by windows of the newest documents: a query
# is run over the newest documents that its terms' document frequencies say hold enough
# matches (``_Estimate``: each filter and phrase independent; a range a third), at least
# WINDOW_START of them; then, if they hold fewer, over a window as wide as the density of
# matches seen says is enough (at least WINDOW_GROWTH times wider), and so on to all of
# them, until the window holds enough matches for the page, the facet sample and
# the ranking. The total and the facets are counted over that window (exact when it is every
# document, else the total is a lower bound and the facets are over the newest matches), and
# a common term costs the matching of a few thousand documents, not of every one it is in.
# A page sorted by salary, or past a cursor, takes its own windows on its sort key.
WINDOW_START = 1_000
WINDOW_GROWTH = 2
WINDOW_MARGIN = 1.25  # matches a window is planned for, over those needed

# Terms aggregations count per segment and merge; asking each segment for this many
# values keeps the top counts exact for facets with fewer distinct values (skills: ~1,000).
_SEGMENT_TERMS = 5_000


class _Clause(NamedTuple):
    """A filter as an index query, the facet it sets (None: no facet), and the share of the
    documents it is estimated to admit (``_Estimate``)."""

    facet: str | None
    query: tantivy.Query
    share: float


# The share of the documents a range admits, which the index has no statistics for: the
# guess PostgreSQL's planner makes for an inequality (DEFAULT_INEQ_SEL).
RANGE_SHARE = 1 / 3


class _Estimate:
    """Shares of the documents that terms are in, from the index's document frequencies
    (microseconds each): what plans the first window of a search."""

    def __init__(self, searcher: tantivy.Searcher) -> None:
        self.searcher = searcher
        self.documents = max(int(searcher.num_docs), 1)

    def terms(self, field: str, values: Iterable[str]) -> float:
        found = sum(int(self.searcher.doc_freq(field, value)) for value in values)
        return min(1.0, found / self.documents)

    def text(self, phrases: Sequence[search_text.Phrase]) -> float:
        """Every phrase independent of the others; each no commoner than its rarest token
        (a prefix: any share)."""
        share = 1.0
        for phrase in phrases:
            if not phrase.prefix and phrase.tokens:
                share *= min(self.terms("body", [token]) for token in phrase.tokens)
        return share


def _index_conditions(
    schema: tantivy.Schema, query: SearchQuery, estimate: _Estimate
) -> list[_Clause]:
    """``facet_conditions`` as index queries, each with its estimated share."""
    q = tantivy.Query
    integer = tantivy.FieldType.Integer

    def terms(facet: str | None, field: str, values: Iterable[str]) -> _Clause:
        # Term queries, not a term set: Tantivy reads a term set's every posting into a bit
        # set first (~1 ms for a value a third of the documents hold), while a term's
        # postings are skipped through to the few documents the other clauses leave
        # (measured: 1.7 ms against 0.1). A constant score: a filter does not rank.
        values = list(values)
        if len(values) == 1:
            found = q.term_query(schema, field, values[0])
        else:
            found = q.boolean_query(
                [(tantivy.Occur.Should, q.term_query(schema, field, value)) for value in values]
            )
        return _Clause(facet, q.const_score_query(found, 1.0), estimate.terms(field, values))

    def at_least(facet: str | None, field: str, low: int) -> _Clause:
        return _Clause(facet, q.range_query(schema, field, integer, low, None), RANGE_SHARE)

    def at_most(facet: str | None, field: str, high: int) -> _Clause:
        return _Clause(facet, q.range_query(schema, field, integer, None, high), RANGE_SHARE)

    where: list[_Clause] = []
    if query.skill:
        sets = [_skill_names(s, query.expand_skills) for s in query.skill]
        if query.skill_mode == "all":
            where.extend(terms("skill", "skill", names) for names in sets)
        else:
            where.append(terms("skill", "skill", [n for names in sets for n in names]))
    if query.category:
        where.append(terms(None, "category", query.category))
    if query.salary_min is not None:
        where.append(at_least("salary_jpy", "salary_high", query.salary_min))
    if query.salary_max is not None:
        where.append(at_most("salary_jpy", "salary_low", query.salary_max))
    if query.japanese_max is not None:
        where.append(
            terms("japanese_level", "japanese_level", japanese_at_most(query.japanese_max))
        )
    if query.remote:
        where.append(terms("remote", "remote", query.remote))
    if query.visa_sponsorship is not None:
        where.append(
            terms("visa_sponsorship", "visa", ["true" if query.visa_sponsorship else "false"])
        )
    if query.employment_type:
        where.append(terms("employment_type", "employment_type", query.employment_type))
    if query.max_years_experience is not None:
        # -1 stands for "states no minimum", which asks for none.
        where.append(at_most("min_years_experience", "min_years", query.max_years_experience))
    if query.prefecture:
        where.append(terms("prefecture", "prefecture", _prefectures(query.prefecture)))
    if query.company is not None:
        where.append(terms(None, "company_key", [name_key(query.company)]))
    if query.size_band:
        where.append(terms("size_band", "size_band", query.size_band))
    if query.industry:
        where.append(terms("industry", "industry", query.industry))
    if query.foreign_affiliated is not None:
        value = "true" if query.foreign_affiliated else "false"
        where.append(terms(None, "foreign_affiliated", [value]))
    if query.posted_since is not None:
        since = (query.posted_since - date(1970, 1, 1)).days
        # windows are of the newest documents, which a date bound admits: no narrowing
        where.append(at_least(None, "listed_on", since)._replace(share=1.0))
    if query.source:
        where.append(terms(None, "source", query.source))
    if query.exclude_source:
        left_out = terms(None, "source", query.exclude_source)
        where.append(
            _Clause(
                None,
                q.boolean_query(
                    [(tantivy.Occur.Must, q.all_query()), (tantivy.Occur.MustNot, left_out.query)]
                ),
                max(0.0, 1.0 - left_out.share),
            )
        )
    return where


def _all_of(parts: Sequence[tantivy.Query]) -> tantivy.Query:
    if not parts:
        return tantivy.Query.all_query()
    if len(parts) == 1:
        return parts[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, part) for part in parts])


def _aggregation(name: str) -> dict[str, Any]:
    if name == "salary_jpy":
        return {"range": {"field": "salary_band", "ranges": _ranges(SALARY_BANDS)}}
    if name == "min_years_experience":
        return {"range": {"field": "min_years", "ranges": _ranges(YEARS_BANDS)}}
    size = {"skill": TOP_SKILLS, "prefecture": TOP_PREFECTURES}.get(name, 100)
    field = search_index.TERM_FACETS[name]
    return {"terms": {"field": field, "size": size, "segment_size": _SEGMENT_TERMS}}


def _ranges(bounds: Sequence[int]) -> list[dict[str, int]]:
    return [
        {"from": low, "to": bounds[i + 1]} if i + 1 < len(bounds) else {"from": low}
        for i, low in enumerate(bounds)
    ]


def _facet_values(name: str, result: dict[str, Any]) -> list[FacetValue]:
    buckets = result.get("buckets", [])
    if name in ("salary_jpy", "min_years_experience"):
        bounds = SALARY_BANDS if name == "salary_jpy" else YEARS_BANDS
        labels = _SALARY_LABELS if name == "salary_jpy" else _YEARS_LABELS
        by_low = {int(b["from"]): int(b["doc_count"]) for b in buckets if "from" in b}
        counted = [(labels[i], by_low.get(low, 0)) for i, low in enumerate(bounds)]
        counted = [(label, n) for label, n in counted if n]
        counted.sort(key=lambda item: -item[1])  # stable: bands in order among equals
        return [FacetValue(value=label, count=n) for label, n in counted]
    values = [(str(b["key"]), int(b["doc_count"])) for b in buckets if b["doc_count"]]
    values.sort(key=lambda item: (-item[1], item[0]))
    return [FacetValue(value=value, count=n) for value, n in values]


def _index_facets(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    text: Sequence[tantivy.Query],
    text_share: float,
    where: Sequence[_Clause],
    windows: _Windows,
    low: int | None,
    density: float,
) -> tuple[dict[str, list[FacetValue]], bool]:
    """Every facet, disjunctive as in ``_facets``, and whether over every match: one
    aggregation for the facets without a filter, over the matches in the window from key
    ``low`` (None: all); one more per facet whose filter is set, over the matches of the
    other filters in the narrowest window up to that one that holds FACET_SAMPLE of them
    (fewer filters match more, so often in less).

    ``density`` is the share of the documents of that window that match (0: none seen).
    Where that says the window holds far more than FACET_SAMPLE matches, the facets
    without a filter are counted from the narrowest window it says holds enough, widened
    (up to that window) while it holds fewer, as matches need not be even in time; and a facet
    whose filter is set plans its first window from it, its filter's estimated share taken
    out."""
    filtered = {clause.facet for clause in where if clause.facet is not None}
    plain = [name for name in FACETS if name not in filtered]
    matches = _all_of([*text, *(clause.query for clause in where)])
    plain_request = {name: _aggregation(name) for name in plain}
    plain_request[_COUNTED] = {"value_count": {"field": "id"}}

    def aggregate_plain(plain_low: int | None) -> dict[str, Any]:
        scope = _all_of([matches, *_at_least(schema, "newest_key", plain_low)])
        return dict(searcher.aggregate(scope, plain_request))

    out: dict[str, list[FacetValue]] = {}
    exact = True
    if plain:
        if density > 0 and windows.holding(_first_window(FACET_SAMPLE, density))[1] < (
            windows.documents(low) / WINDOW_GROWTH
        ):  # from the narrowest window the density says holds the sample, widened if not
            plain_low, result = _widening(
                windows, FACET_SAMPLE, aggregate_plain, _counted, widest=low, share=density
            )
        else:
            plain_low, result = low, aggregate_plain(low)
        for name in plain:
            out[name] = _facet_values(name, result.get(name, {}))
        exact = plain_low is None
    for name in sorted(filtered):
        kept = [clause for clause in where if clause.facet != name]
        others = [*text, *(clause.query for clause in kept)]
        if density > 0:  # what matched, with this facet's filters taken out
            dropped = prod(clause.share for clause in where if clause.facet == name)
            share = min(1.0, density / dropped)
        else:
            share = text_share * prod(clause.share for clause in kept)
        request = {name: _aggregation(name), _COUNTED: {"value_count": {"field": "id"}}}

        def aggregate(
            own_low: int | None, others: list[tantivy.Query] = others, request: Any = request
        ) -> dict[str, Any]:
            scope = _all_of([*others, *_at_least(schema, "newest_key", own_low)])
            return dict(searcher.aggregate(scope, request))

        own_low, own = _widening(
            windows, FACET_SAMPLE, aggregate, _counted, widest=low, share=share
        )
        exact = exact and own_low is None
        out[name] = _facet_values(name, own.get(name, {}))
    return {name: out[name] for name in FACETS}, exact


_COUNTED = "_counted"  # an aggregation's count of the documents it ran over


def _counted(result: dict[str, Any]) -> int:
    return int(result.get(_COUNTED, {}).get("value") or 0)


class _Windows:
    """Windows over the documents from the highest sort key down (below ``below`` when set),
    from ``buckets``: (lowest key, documents), highest first (``SearchIndex.key_buckets``)."""

    def __init__(self, buckets: Sequence[tuple[int, int]], below: int | None = None) -> None:
        self.lows: list[int] = []
        self.sizes: list[int] = []  # documents from the top down to each bucket's end
        seen = 0
        for low, count in buckets:
            if below is not None and low > below:
                continue
            seen += count
            self.lows.append(low)
            self.sizes.append(seen)

    def documents(self, low: int | None) -> int:
        """Documents in the window of lowest key ``low`` (None: every one)."""
        if low is not None:
            i = bisect_left(self.lows, -low, key=lambda key: -key)
            if i < len(self.lows) and self.lows[i] == low:
                return self.sizes[i]
        return self.sizes[-1] if self.sizes else 0

    def reaching(self, key: int) -> int:
        """Documents in the narrowest window holding every key from ``key`` up (its bucket
        whole: an upper bound on the documents of those keys)."""
        for low, size in zip(self.lows, self.sizes, strict=True):
            if low <= key:
                return size
        return self.sizes[-1] if self.sizes else 0

    def holding(self, documents: float) -> tuple[int | None, int]:
        """(lowest key, documents) of the narrowest window of at least ``documents``
        documents; the key is None when that is every document."""
        i = bisect_left(self.sizes, documents)
        if i >= len(self.sizes) - 1:
            return None, self.sizes[-1] if self.sizes else 0
        return self.lows[i], self.sizes[i]


_Result = TypeVar("_Result")


def _widening(
    windows: _Windows,
    need: int,
    run: Callable[[int | None], _Result],
    count: Callable[[_Result], int],
    *,
    widest: int | None = None,
    share: float = 1.0,
) -> tuple[int | None, _Result]:
    """``run`` over the newest documents (``_first_window``: as many as ``share``, the
    estimated share of the documents that match, says hold ``need`` matches), then over
    wider windows until one holds ``need`` matches (``count`` of a result) or is every
    document, or the window of lowest key ``widest``: the lowest key of that window and its
    result. The next window is as wide as the density of matches seen so far says holds
    ``need`` (with a margin), and at least WINDOW_GROWTH times wider; with none seen, it is
    every document."""
    wanted = _first_window(need, share)
    while True:
        low, docs = windows.holding(wanted)
        widest_yet = widest is not None and (low is None or low <= widest)
        if widest_yet:
            low = widest  # no wider than that one
        result = run(low)
        found = count(result)
        if low is None or widest_yet or found >= need:
            return low, result
        wanted = docs * max(WINDOW_GROWTH, WINDOW_MARGIN * need / found) if found else float("inf")


def _first_window(need: int, share: float) -> float:
    """Documents of the first window: enough, with the margin, for ``need`` matches if
    ``share`` of the documents match, and at least WINDOW_START (none match: every one)."""
    if share <= 0:
        return float("inf")
    return max(float(WINDOW_START), WINDOW_MARGIN * need / share)


def _at_least(schema: tantivy.Schema, field: str, low: int | None) -> list[tantivy.Query]:
    """The documents of sort key ``field`` >= ``low``: asked of the key's bucket field when
    ``low`` is the low of a bucket (as windows are), else of the key."""
    if low is None:
        return []
    bucket, remainder = divmod(low, search_index.KEY_BUCKET[field])
    if remainder == 0:
        field, low = search_index.WINDOW_FIELDS[field], bucket
    return [tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, low, None)]


def search_with_index(
    session: Session, index: search_index.SearchIndex, query: SearchQuery
) -> SearchPage:
    """``search`` answered by the search index (which the caller has synced)."""
    terms, phrases, sort = _read_query(query)
    schema = index.schema
    reader = index.reader()
    searcher = reader.searcher
    text = search_index.body_query(schema, phrases)
    if terms and not phrases:  # only punctuation in q
        text = [tantivy.Query.empty_query()]
    estimate = _Estimate(searcher)
    where = _index_conditions(schema, query, estimate)
    # no phrase but a text query: q was only punctuation, which matches nothing
    text_share = estimate.text(phrases) if phrases else 0.0 if text else 1.0
    share = text_share * prod(clause.share for clause in where)
    matches = _all_of([*text, *(clause.query for clause in where)])
    after = decode_cursor(query.cursor, sort) if query.cursor else None
    limit = query.limit
    need = max(
        limit + 1,
        FACET_SAMPLE if query.facets else 0,
        RANK_CAP if sort == "relevance" else 0,
    )

    # The window of the newest documents that holds ``need`` matches (or every document):
    # the total and the facets are counted over it, and the first page of "newest" and the
    # ranking of "relevance" are taken from it.
    def first(low: int | None) -> tantivy.SearchResult:
        scope = _all_of([matches, *_at_least(schema, "newest_key", low)])
        if sort == "relevance":
            return searcher.search(scope, limit=RANK_CAP, count=True)
        if sort == "newest" and after is None:
            return searcher.search(scope, limit=limit + 1, count=True, order_by_field="newest_key")
        return searcher.search(scope, limit=1, count=True)

    newest = _Windows(index.key_buckets(reader, "newest_key"))
    low, result = _widening(newest, need, first, _matches, share=share)
    # posted_since: no document listed before it can match, so a window reaching it holds
    # every match, and only the documents since count toward the estimate
    since = (
        search_index.newest_key(query.posted_since, 0) if query.posted_since is not None else None
    )
    if since is not None and low is not None and low <= since:
        low = None
    total = _matches(result)
    total_exact = low is None
    in_window = newest.documents(low)
    # at most 1, should a histogram and the searcher ever disagree
    density = min(1.0, total / in_window) if in_window else 0.0
    keys: dict[int, Any] = {}
    if sort == "relevance":
        if after is None:
            at = Ranked(0, repository.last_posting_id(session), low)
        else:  # the set the first page ranked: up to its newest id, in its window
            at = after[0]
            pinned = tantivy.Query.range_query(
                schema, "id", tantivy.FieldType.Integer, None, at.bound
            )
            scope = _all_of([matches, pinned, *_at_least(schema, "newest_key", at.low)])
            result = searcher.search(scope, limit=RANK_CAP, count=True)
        found = searcher.fast_field_values("id", [address for _, address in result.hits])
        ids = [int(posting_id) for posting_id in found if posting_id is not None]
        scored = sorted(
            zip(ids, (float(score) for score, _ in result.hits), strict=True),
            key=_by_score,
        )
        ids = [posting_id for posting_id, _ in scored[at.offset : at.offset + limit + 1]]
        keys = {
            posting_id: Ranked(at.offset + n + 1, at.bound, at.low)
            for n, posting_id in enumerate(ids)
        }
    else:
        field = "newest_key" if sort == "newest" else "salary_key"
        if sort == "salary" or after is not None:
            bounded, below = matches, None
            if after is not None:
                below = (
                    search_index.newest_key(after[0], after[1])
                    if sort == "newest"
                    else search_index.salary_key(after[0], after[1])
                )
                upper = tantivy.Query.range_query(
                    schema, field, tantivy.FieldType.Integer, None, below, include_upper=False
                )
                bounded = _all_of([matches, upper])

            # windows on the sort key itself, from the cursor down
            def below_cursor(page_low: int | None) -> tantivy.SearchResult:
                scope = _all_of([bounded, *_at_least(schema, field, page_low)])
                return searcher.search(scope, limit=limit + 1, count=True, order_by_field=field)

            windows = _Windows(index.key_buckets(reader, field), below)
            _, result = _widening(windows, limit + 1, below_cursor, _matches, share=share)
        ids = []
        for sort_key, _ in result.hits:
            posting_id = int(sort_key) & search_index.MAX_ID
            value = int(sort_key) >> search_index.ID_BITS
            keys[posting_id] = (
                date(1970, 1, 1) + timedelta(days=value) if sort == "newest" else value - 1
            )
            ids.append(posting_id)
    facets, facets_exact = (
        _index_facets(searcher, schema, text, text_share, where, newest, low, density)
        if query.facets
        else ({}, True)
    )
    # every match, if the newest window's share of matches holds for the whole index (at
    # most every document: the density is at most 1)
    eligible = newest.reaching(since) if since is not None else int(searcher.num_docs)
    every = None if total_exact else max(total, round(density * eligible))
    return _page(
        session,
        query,
        sort,
        terms,
        ids,
        keys,
        total,
        total_exact,
        facets,
        facets_exact,
        total_estimate=every,
    )


def _by_score(row: tuple[int, float]) -> tuple[float, int]:
    return (-row[1], -row[0])


def _matches(result: tantivy.SearchResult) -> int:
    return int(result.count)  # type: ignore[attr-defined]  # in the bindings, not the stub
