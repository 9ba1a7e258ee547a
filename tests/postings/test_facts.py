"""Facts are extracted on the way in, stored with their version, and recomputed when stale."""

from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kyujin.db.models import Posting, PostingSkill
from kyujin.extraction.service import facts_version
from kyujin.postings import service
from kyujin.postings.schemas import ImportSummary
from tests.support.factories import posting_in

DESCRIPTION = (
    "【必須スキル】\n・Pythonでの開発経験3年以上\n・PostgreSQL\n【歓迎スキル】\n・Kubernetes\n"
    "【給与】年収600万円～900万円\n【勤務地】東京都港区\nフルリモート\n日本語：N2以上"
)


def test_import_stores_facts_and_skills(db_session: Session) -> None:
    service.import_batch(
        db_session,
        [posting_in(external_id="f1", description=DESCRIPTION)],
        default_source="t",
        summary=ImportSummary(),
    )
    posting = db_session.scalars(select(Posting)).one()
    assert posting.facts_version == facts_version()
    assert (posting.salary_annual_min_jpy, posting.salary_annual_max_jpy) == (6_000_000, 9_000_000)
    assert (posting.japanese_level, posting.remote, posting.min_years_experience) == (
        "N2",
        "full",
        3,
    )
    assert (posting.prefecture, posting.city) == ("Tokyo", "Minato")
    rows = {(s.skill, s.requirement) for s in db_session.scalars(select(PostingSkill))}
    assert {("Python", "required"), ("PostgreSQL", "required"), ("Kubernetes", "preferred")} <= rows


def test_get_shows_the_facts_with_spans(client: TestClient, admin_headers: dict[str, str]) -> None:
    created = client.post(
        "/v1/postings", headers=admin_headers, json={"title": "Backend", "description": DESCRIPTION}
    ).json()
    facts = client.get(f"/v1/postings/{created['id']}").json()["facts"]
    python = next(s for s in facts["skills"] if s["skill"] == "Python")
    assert DESCRIPTION[python["start"] : python["end"]] == "Python"
    assert facts["salary"]["start"] < facts["salary"]["end"]
    start, end = facts["spans"]["japanese_level"]
    assert "N2" in DESCRIPTION[start:end]
    assert facts["location"] == {"prefecture": "Tokyo", "city": "Minato"}


def test_changed_text_is_re_extracted(db_session: Session) -> None:
    service.import_batch(
        db_session,
        [posting_in(external_id="c", description="Java と Oracle")],
        default_source="t",
        summary=ImportSummary(),
    )
    service.import_batch(
        db_session,
        [posting_in(external_id="c", description="Go と Redis")],
        default_source="t",
        summary=ImportSummary(),
    )
    db_session.expire_all()
    skills = set(db_session.scalars(select(PostingSkill.skill)))
    assert {"Go", "Redis"} <= skills and "Java" not in skills


def test_reextract_recomputes_only_stale_postings(db_session: Session) -> None:
    service.import_batch(
        db_session,
        [posting_in(external_id=f"r{i}", description=DESCRIPTION) for i in range(3)],
        default_source="t",
        summary=ImportSummary(),
    )
    first_id = min(db_session.scalars(select(Posting.id)))
    db_session.execute(
        update(Posting)
        .where(Posting.id == first_id)
        .values(facts_version="0.old", japanese_level=None)
    )
    db_session.expire_all()
    assert service.count_stale(db_session) == 1
    done, last = service.reextract(db_session, after_id=0, limit=10)
    assert (done, last) == (1, first_id)
    assert service.reextract(db_session, after_id=last, limit=10)[0] == 0
    db_session.expire_all()
    assert db_session.get(Posting, first_id).japanese_level == "N2"
    assert service.count_stale(db_session) == 0
