"""The report's sections: for each, its charts and the tables of the numbers they show, with
the sample sizes. Both renderers (HTML and PDF) lay out these same sections, so the two
files say the same thing. Pure: formatting only, no database and no statistics."""

from __future__ import annotations

from dataclasses import dataclass, field

from kyujin.analytics.schemas import SalaryCell, SkillDemandCell
from kyujin.core.analytics import MIN_SAMPLE
from kyujin.reports import charts
from kyujin.reports.content import PREFECTURES_SHOWN, ReportContent

WITHHELD = "withheld"
UNKNOWN = "(unknown / 不明)"
DEFINITIONS = [
    "Every figure is computed from the job postings stored in kyujin that match the "
    "filters shown, by the same services as GET /v1/analytics/... .",
    f"n is the sample size. A figure over fewer than {MIN_SAMPLE} postings is withheld: "
    f"its n is shown, its value is not ({WITHHELD}).",
    "Share: postings mentioning a skill / all postings in the group. Required: at least one "
    "mention is in a required section (必須); preferred: mentioned only as nice to have (歓迎).",
    "Salary: annual JPY; a posting counts once, at the midpoint of its range (or its one "
    "bound). Percentiles are type 7 (linear interpolation, as numpy and Excel's "
    "PERCENTILE.INC). Box plots show p25 to p75 with the median; they have no whiskers, "
    "because no minimum or maximum is computed.",
    "Experience bands are the minimum years a posting asks for: 0-2, 3-4, 5-9, 10+, or "
    "unstated when it names none.",
    "Lift of skills A and B: P(A and B) / (P(A) P(B)); 1 is chance, 2 twice as often as "
    "chance. Withheld when fewer than 5 postings mention both.",
    "Months are calendar months of the date a posting was listed (posted, or stored when "
    "the source gave no date); the last month may be partial. Change is against the "
    "previous month, in percentage points of share.",
]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    caption: str = ""


@dataclass(frozen=True)
class Block:
    chart: charts.Chart | None = None
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    key: str  # the HTML id
    title: str
    intro: str
    blocks: list[Block] = field(default_factory=list)


def percent(value: float | None) -> str:
    return WITHHELD if value is None else f"{value:.1%}"


def yen(value: int | None) -> str:
    return WITHHELD if value is None else f"{value:,}"


def build(content: ReportContent) -> list[Section]:
    return [
        _summary(content),
        _skills(content),
        _cooccurrence(content),
        _salaries(content),
        _trends(content),
    ]


def _summary(content: ReportContent) -> Section:
    overall = content.salary_by_language.overall
    top_skill = content.skills.overall.skills[0].skill if content.skills.overall.skills else "-"
    top_language = (
        content.languages.overall.skills[0].skill if content.languages.overall.skills else "-"
    )
    filters = content.filters()
    facts = [
        ["Matching postings / 対象求人数", f"{content.n:,}"],
        ["Filters / 条件", _filters_text(filters)],
        ["Postings stating a salary / 給与記載あり", f"{overall.n:,}"],
        ["Annual salary p25 / 年収 第1四分位 (JPY)", yen(overall.p25)],
        ["Annual salary median / 年収 中央値 (JPY)", yen(overall.median)],
        ["Annual salary p75 / 年収 第3四分位 (JPY)", yen(overall.p75)],
        ["Most demanded skill / 最多スキル", top_skill],
        ["Most demanded language / 最多言語", top_language],
        ["Latest listing / 最新掲載日", str(content.trends.latest or "-")],
    ]
    cells = content.prefectures.segments
    shown = cells[:PREFECTURES_SHOWN]
    labels = [cell.value or UNKNOWN for cell in shown]
    counts = [cell.n for cell in shown]
    rest = sum(cell.n for cell in cells[PREFECTURES_SHOWN:])
    if rest:
        labels.append("other / その他")
        counts.append(rest)
    rows = [[label, f"{n:,}", percent(n / content.n if content.n else None)]
            for label, n in zip(labels, counts, strict=True)]  # fmt: skip
    return Section(
        key="summary",
        title="Summary / 概要",
        intro="The market these postings describe, in a few numbers.",
        blocks=[
            Block(table=Table(["", "value / 値"], facts)),
            Block(
                chart=charts.count_bars(
                    labels, counts, "Postings by prefecture / 都道府県別求人数", "postings / 求人数"
                ),
                table=Table(["prefecture / 都道府県", "postings (n)", "share"], rows),
            ),
        ],
    )


def _filters_text(filters: dict[str, object]) -> str:
    if not filters:
        return "none: every stored posting / 全求人"
    parts = []
    for name, value in filters.items():
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        parts.append(f"{name}={shown}")
    return "; ".join(parts)


def _skill_table(cell: SkillDemandCell) -> Table:
    rows = [
        [f.skill, f.category, f"{f.postings:,}", f"{f.required:,}", f"{f.preferred:,}",
         percent(f.share), percent(f.required_share), percent(f.preferred_share)]
        for f in cell.skills
    ]  # fmt: skip
    return Table(
        ["skill", "category", "postings", "required", "preferred only", "share",
         "required share", "preferred share"],
        rows,
        caption=f"n = {cell.n:,} postings (the denominator of each share)",
    )  # fmt: skip


def _skills(content: ReportContent) -> Section:
    return Section(
        key="skill-demand",
        title="Skill demand / スキル需要",
        intro="The share of postings that mention each skill: dark, required (必須); light, "
        "only preferred (歓迎); grey, mentioned where the posting states neither.",
        blocks=[
            Block(
                chart=charts.skill_bars(content.skills.overall, "All skills / 全スキル"),
                table=_skill_table(content.skills.overall),
            ),
            Block(
                chart=charts.skill_bars(
                    content.languages.overall, "Languages / プログラミング言語"
                ),
                table=_skill_table(content.languages.overall),
            ),
        ],
    )


def _cooccurrence(content: ReportContent) -> Section:
    view = content.cooccurrence
    rows = []
    for i, a in enumerate(view.skills):
        for b in view.skills[i + 1 :]:
            pair = view.pair(a, b)
            together = pair.postings if pair is not None else 0
            lift = None if pair is None else pair.lift
            share = None if pair is None else pair.share
            rows.append([a, b, f"{together:,}", percent(share),
                         WITHHELD if lift is None else f"{lift:.2f}"])  # fmt: skip
    subjects = {row.skill: row.postings for row in view.rows}
    return Section(
        key="cooccurrence",
        title="Skills asked for together / 共起スキル",
        intro="For the most demanded skills, how much more often each pair appears in the same "
        "posting than chance would have it (lift).",
        blocks=[
            Block(
                chart=charts.cooccurrence_heatmap(
                    view, "Lift between the most demanded skills / スキル間のリフト"
                ),
                table=Table(
                    [
                        "skill A",
                        "skill B",
                        "postings with both (n)",
                        "share of A's postings",
                        "lift",
                    ],
                    rows,
                    caption="Postings mentioning A: "
                    + ", ".join(f"{s} {n:,}" for s, n in subjects.items()),
                ),
            )
        ],
    )


def _salary_table(cells: list[SalaryCell], labels: list[str], first: str) -> Table:
    rows = [[label, f"{c.n:,}", yen(c.p25), yen(c.median), yen(c.p75)]
            for c, label in zip(cells, labels, strict=True)]  # fmt: skip
    return Table([first, "n", "p25 (JPY)", "median (JPY)", "p75 (JPY)"], rows)


def _salaries(content: ReportContent) -> Section:
    by_language = content.salary_by_language
    by_experience = content.salary_by_experience
    overall = by_language.overall
    lang_labels = [g.value or UNKNOWN for g in by_language.groups]
    band_labels = [f"{g.value} years" if g.value != "unstated" else "unstated / 記載なし"
                   for g in by_experience.groups]  # fmt: skip
    return Section(
        key="salaries",
        title="Salaries / 年収",
        intro=f"Annual salary of the {overall.n:,} postings stating one (of {content.n:,}). A "
        "posting naming several languages counts in each.",
        blocks=[
            Block(
                chart=charts.salary_boxes(by_language.groups, lang_labels, "By language / 言語別"),
                table=_salary_table(by_language.groups, lang_labels, "language"),
            ),
            Block(
                chart=charts.salary_boxes(
                    by_experience.groups, band_labels, "By years of experience asked / 経験年数別"
                ),
                table=_salary_table(by_experience.groups, band_labels, "experience"),
            ),
        ],
    )


def _trends(content: ReportContent) -> Section:
    trends = content.trends
    header = ["month", "postings (n)", "change", *(s.skill for s in trends.skills)]
    rows = []
    for i, total in enumerate(trends.totals):
        row = [total.month, f"{total.n:,}", "-" if total.change is None else f"{total.change:+,}"]
        for series in trends.skills:
            cell = series.months[i]
            if cell.share is None:
                row.append(f"{WITHHELD} ({cell.postings:,})")
            else:
                change = "" if cell.change is None else f"; {cell.change * 100:+.1f}pt"
                row.append(f"{percent(cell.share)} ({cell.postings:,}{change})")
        rows.append(row)
    caption = (
        "Per language: share of the month's postings (postings mentioning it; change vs the "
        "previous month in percentage points)"
    )
    latest = f"; the last month runs to {trends.latest}" if trends.latest else ""
    return Section(
        key="trends",
        title="Trends / 推移",
        intro="Postings listed per month and the share of them that mention each of the most "
        f"demanded languages{latest}. A month of fewer than 5 postings has no share.",
        blocks=[
            Block(
                chart=charts.trend_lines(trends, "Languages by month / 月別の言語需要"),
                table=Table(header, rows, caption),
            )
        ],
    )
