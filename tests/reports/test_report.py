"""A report over a small labelled market: every section is there, its numbers are those of a
brute-force count over the stored rows (tests/analytics/market.py), withheld figures read
"withheld", Japanese labels are drawn from a real Japanese font, the PDF has its pages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from sqlalchemy.orm import Session

from kyujin.analytics import service
from kyujin.analytics.schemas import SalariesQuery, SalaryCell, SkillDemandCell
from kyujin.errors import InvalidInput
from kyujin.reports import charts, content, output
from kyujin.reports.schemas import ReportQuery
from tests.analytics import market
from tests.analytics.market import Row
from tests.reports.support import pdf_page_count, tables, withheld_cells

SECTIONS = ["summary", "skill-demand", "cooccurrence", "salaries", "trends", "definitions"]


@pytest.fixture
def stored(db_session: Session) -> list[Row]:
    market.load(db_session, market.dated_postings())
    return market.rows(db_session)


def report(session: Session, **params: Any) -> tuple[content.ReportContent, HTMLParser, bytes]:
    figures = content.gather(session, ReportQuery(**params))
    html, pdf = output.render(figures)
    assert html is not None and pdf is not None
    return figures, HTMLParser(html), pdf


def yen(value: int | None) -> str:
    return "withheld" if value is None else f"{value:,}"


def percent(value: float | None) -> str:
    return "withheld" if value is None else f"{value:.1%}"


def test_every_section_holds_the_brute_force_figures(
    db_session: Session, stored: list[Row]
) -> None:
    figures, document, _ = report(db_session, top=6)
    assert [s.attributes["id"] for s in document.css("section")] == SECTIONS
    assert figures.n == len(stored)

    summary = dict(tuple(row) for row in tables(document, "summary")[0][1:])
    overall = market.salary_cell(r.salary for r in stored if r.salary is not None)
    assert summary["Matching postings / 対象求人数"] == f"{len(stored):,}"
    assert summary["Annual salary median / 年収 中央値 (JPY)"] == yen(overall["median"])
    assert summary["Postings stating a salary / 給与記載あり"] == str(overall["n"])

    skills_table, languages_table = tables(document, "skill-demand")
    expected = market.skill_cell(stored, 6)["skills"]
    assert [row[0] for row in skills_table[1:]] == [s["skill"] for s in expected]
    assert [row[2] for row in skills_table[1:]] == [str(s["postings"]) for s in expected]
    assert [row[5] for row in skills_table[1:]] == [percent(s["share"]) for s in expected]
    languages = market.skill_cell(stored, 6, "language")["skills"]
    assert [(r[0], r[3]) for r in languages_table[1:]] == [
        (s["skill"], str(s["required"])) for s in languages
    ]

    by_language, by_experience = tables(document, "salaries")
    groups = market.salary_groups(stored, "language")
    assert len(by_language) - 1 == len(groups)
    for label, n, p25, median, p75 in by_language[1:]:
        group = groups[label]
        assert (n, p25, median, p75) == (
            str(group["n"]), yen(group["p25"]), yen(group["median"]), yen(group["p75"])
        )  # fmt: skip
    bands = market.salary_groups(stored, "experience")
    for label, n, _, median, _ in by_experience[1:]:
        band = "unstated" if label.startswith("unstated") else label.removesuffix(" years")
        assert (n, median) == (str(bands[band]["n"]), yen(bands[band]["median"]))


def test_cooccurrence_and_trends_are_the_analytics_answers(
    db_session: Session, stored: list[Row]
) -> None:
    figures, document, _ = report(db_session, cooccurrence_skills=4, until="2026-10", months=8)
    (pairs,) = tables(document, "cooccurrence")
    subjects = figures.cooccurrence.skills
    assert len(subjects) == 4 and len(pairs) - 1 == 6  # the pairs of 4 skills
    top = [s["skill"] for s in market.skill_cell(stored, 4)["skills"]]
    assert subjects == top
    for a, b, together, _, lift in pairs[1:]:
        with_a = {r.id for r in stored if a in r.skills}
        with_b = {r.id for r in stored if b in r.skills}
        both = len(with_a & with_b)
        assert together == str(both)
        expected = both * len(stored) / (len(with_a) * len(with_b))
        assert lift == ("withheld" if both < 5 else f"{expected:.2f}")

    (trend,) = tables(document, "trends")
    months = [row[0] for row in trend[1:]]
    assert months == market.MONTHS[:] and trend[0][:3] == ["month", "postings (n)", "change"]
    per_month = {m: sum(1 for r in stored if r.attrs["listed_on"].strftime("%Y-%m") == m)
                 for m in market.MONTHS}  # fmt: skip
    assert [row[1] for row in trend[1:]] == [str(per_month[m]) for m in months]
    # 2026-05 has fewer than 5 postings: every share of it is withheld, not a number.
    thin = next(row for row in trend[1:] if row[0] == "2026-05")
    assert per_month["2026-05"] < 5
    assert all(cell.startswith("withheld (") for cell in thin[3:])
    assert sum(c.startswith("withheld") for c in withheld_cells(document, "trends")) >= len(
        thin[3:]
    )


def test_small_cells_show_withheld_not_numbers(db_session: Session, stored: list[Row]) -> None:
    # A segment of under 5 postings: every share and salary figure is withheld.
    segments = {
        (remote, industry, size): [
            r for r in stored
            if (r.attrs["remote"], r.attrs["industry"], r.attrs["size_band"])
            == (remote, industry, size)
        ]
        for remote in ("full", "hybrid", "onsite")
        for industry in market.INDUSTRIES
        for size in market.SIZES
    }  # fmt: skip
    remote, industry, size = next(k for k, rows in segments.items() if 1 <= len(rows) < 5)
    params = {"remote": [remote], "industry": [industry], "size_band": [size]}
    figures, document, pdf = report(db_session, **params)
    assert figures.n == len(segments[remote, industry, size])
    summary = dict(tuple(row) for row in tables(document, "summary")[0][1:])
    assert summary["Annual salary median / 年収 中央値 (JPY)"] == "withheld"
    for row in tables(document, "skill-demand")[0][1:]:
        assert row[5:] == ["withheld", "withheld", "withheld"]  # shares
        assert row[2].isdigit()  # counts are still shown
    for table in tables(document, "salaries"):
        for row in table[1:]:
            assert row[2:] == ["withheld"] * 3
    assert "withheld" in withheld_cells(document, "summary")
    # The charts say so too rather than drawing bars of nothing.
    assert "withheld" in figures.skills.overall.model_dump_json()
    assert pdf_page_count(pdf) >= 7


def test_salary_groups_under_five_are_withheld(db_session: Session, stored: list[Row]) -> None:
    # A segment (industry and remote policy) with an experience band of 1 to 4 salaries.
    filters = next(
        {"industry": [industry], "remote": [remote]}
        for industry in market.INDUSTRIES
        for remote in ("full", "hybrid", "onsite")
        if any(
            1 <= g["n"] < 5
            for g in market.salary_groups(
                [
                    r
                    for r in stored
                    if (r.attrs["industry"], r.attrs["remote"]) == (industry, remote)
                ],
                "experience",
            ).values()
        )
    )
    figures, document, _ = report(db_session, **filters)
    answer = service.salary_figures(db_session, SalariesQuery(**filters, by="experience"))
    assert figures.salary_by_experience == answer
    small = [g for g in answer.groups if g.withheld]
    assert small
    rows = {row[0]: row for row in tables(document, "salaries")[1][1:]}
    for group in small:
        label = "unstated / 記載なし" if group.value == "unstated" else f"{group.value} years"
        assert rows[label][1] == str(group.n)
        assert rows[label][2:] == ["withheld"] * 3
    for group in answer.groups:
        if not group.withheld:
            label = "unstated / 記載なし" if group.value == "unstated" else f"{group.value} years"
            assert rows[label][3] == f"{group.median:,}"


def test_the_pdf_has_a_page_per_chart_and_embeds_the_japanese_font(
    db_session: Session, stored: list[Row]
) -> None:
    figures, _, pdf = report(db_session)
    # Title page; prefectures; two skill charts; co-occurrence; two salary charts; trends.
    assert pdf_page_count(pdf) == 8
    # A table too long for its page goes on over the next pages.
    figures, _, pdf = report(db_session, cooccurrence_skills=15)
    pairs = len(figures.cooccurrence.skills) * (len(figures.cooccurrence.skills) - 1) // 2
    assert pairs > 60
    assert pdf_page_count(pdf) > 8
    assert b"IPAexGothic" in pdf and b"/FontFile2" in pdf  # embedded TrueType (Type 42)
    assert b"/Subtype /Type3" not in pdf


def test_japanese_labels_are_drawn_with_the_japanese_font() -> None:
    with charts.style():
        svg = charts.to_svg(
            charts.count_bars(["東京都", "大阪府"], [12, 7], "都道府県別", "求人数").figure()
        )
    # Text is drawn as glyph paths (no font needed to view it), Japanese from IPAex Gothic;
    # glyph 0 would be the empty box of a missing character.
    assert "<text" not in svg
    glyphs = set(re.findall(r'id="(IPAexGothic|DejaVuSans)-(\d+)"', svg))
    assert any(font == "IPAexGothic" for font, _ in glyphs)
    assert ("IPAexGothic", "0") not in glyphs and ("DejaVuSans", "0") not in glyphs


def test_the_html_is_self_contained_and_bilingual(db_session: Session, stored: list[Row]) -> None:
    _, document, _ = report(db_session, title="市場レポート Q4")
    html = document.html or ""
    assert document.css_first("h1").text() == "市場レポート Q4"
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert 'src="http' not in html and "url(http" not in html
    assert len(document.css("figure svg")) == 7
    titles = [h.text() for h in document.css("h2")]
    assert "Skill demand / スキル需要" in titles and "Salaries / 年収" in titles
    assert "@font-face" in html and "data:font/ttf;base64," in html


def test_bad_filters_are_refused_before_any_work(db_session: Session) -> None:
    with pytest.raises(InvalidInput, match="Cobolt"):
        content.check(ReportQuery(skill=["Cobolt"]))
    with pytest.raises(InvalidInput, match="prefecture"):
        content.check(ReportQuery(prefecture=["Atlantis"]))


def test_withheld_groups_get_no_box_and_say_so() -> None:
    cells = [
        SalaryCell(
            value="Go", n=12, p25=6_000_000, median=7_000_000, p75=8_000_000, withheld=False
        ),
        SalaryCell(value="COBOL", n=3, p25=None, median=None, p75=None, withheld=True),
    ]
    with charts.style():
        fig = charts.salary_boxes(cells, ["Go", "COBOL"], "by language").figure()
        fig.canvas.draw()
    (ax,) = fig.axes
    assert len(ax.patches) == 1  # one box: Go's
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["COBOL (withheld, n=3)", "Go (n=12)"]
    with charts.style():
        empty = charts.skill_bars(
            SkillDemandCell(value=None, n=3, withheld=True, skills=[]), "skills"
        ).figure()
    assert [t.get_text() for t in empty.texts] == ["skills: withheld: 3 postings (< 5)"]
