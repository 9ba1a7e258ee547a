"""``extract(text, *, title=None) -> PostingFacts``: skills and facts, each with its span.

Usable with nothing else running::

    from kyujin.core.extract import extract
    facts = extract("【必須】Go言語での開発経験3年以上 / 年収600万〜900万円 / フルリモート")
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from functools import cache
from typing import Any

from kyujin.core.bilingual import in_blank, in_english_part, japanese_statement, japanese_view
from kyujin.core.chrome import page_chrome
from kyujin.core.conversation import candidate_parts, questions, topics_only
from kyujin.core.employer import drop_employer_text
from kyujin.core.facts.languages import names_something_else, parse_languages
from kyujin.core.facts.location import parse_location, stated_as_workplace
from kyujin.core.facts.salary import DEFAULT_RATES, parse_salary
from kyujin.core.facts.work import (
    parse_employment,
    parse_remote,
    parse_title_years,
    parse_visa,
    parse_years,
)
from kyujin.core.fields import (
    employment_from_fields,
    export_fields,
    language_from_fields,
    salary_from_fields,
    visa_from_fields,
    years_from_fields,
)
from kyujin.core.forms import unticked_options
from kyujin.core.markup import strip_markup
from kyujin.core.model import FACT_FIELDS, PostingFacts, SkillMention, Span
from kyujin.core.ranges import RangeSet
from kyujin.core.revisions import Revision, read_revision
from kyujin.core.roles import blank, other_positions
from kyujin.core.sections import Sections, find_sections, leading_title_end, role_fields
from kyujin.core.skills import SkillMatcher, drop_role_repeats
from kyujin.core.tags import tag_facts
from kyujin.core.taxonomy import Taxonomy, default_taxonomy
from kyujin.core.text import prepare
from kyujin.core.triggers import Triggers

# A title is context only (which skills the role is about): it has no sections.
_NO_SECTIONS = Sections("", [], [], frozenset(), frozenset())

# Bumped whenever extraction output changes, so that `kyujin reextract` recomputes stored
# facts; tests/core/test_rules_version.py fails when output changes and this does not.
RULES_VERSION = "215"


# Field names of exports that hold pay or the employment type (kyujin.core.fields).
_EXPORT_HINT = re.compile(
    r"下限|上限|_min|min_|minvalue|\"min\"|salary_|employment_?type|employmenttype"
    r"|visa_|_level"
    # a YAML or flow map's "min: 8000000", XML's <min>; an export's years
    r"|(?<![a-z])min\s?[:>]|monthsofexperience|experience_?years|years_?(?:of_?)?experience"
)
# Facts read from an export's fields when the text states them nowhere else.
_EXPORTED = (
    "salary",
    "employment_type",
    "visa_sponsorship",
    "japanese_level",
    "english_level",
    "min_years_experience",
)
# Facts read from the title when the text does not state them (salary, years and the
# employment type have their own title readers).
_IN_TITLES = ("remote", "visa_sponsorship", "japanese_level", "english_level")


class Extractor:
    """A loaded taxonomy and its automata; build once, call ``extract`` many times."""

    def __init__(self, taxonomy: Taxonomy, *, rates: Mapping[str, float] = DEFAULT_RATES) -> None:
        self.taxonomy = taxonomy
        self.matcher = SkillMatcher(taxonomy)
        self.rates = dict(rates)
        self.version = f"{RULES_VERSION}.{taxonomy.version}"

    def extract(self, text: str, *, title: str | None = None) -> PostingFacts:
        cleaned = strip_markup(text) if text else None
        if cleaned is None:
            return self._extract(text, title)
        # read without its markup; every span is mapped back into ``text``
        facts = self._extract(cleaned.text, title, cleaned.quoted)
        facts.skills = [
            m._replace(start=start, end=end, surface=text[start:end])
            for m in facts.skills
            for start, end in [(cleaned.start(m.start), cleaned.end(m.end))]
        ]
        if facts.salary is not None and facts.salary.start is not None:
            end = facts.salary.end if facts.salary.end is not None else facts.salary.start
            facts.salary = replace(
                facts.salary, start=cleaned.start(facts.salary.start), end=cleaned.end(end)
            )
        facts.spans = {
            name: Span(cleaned.start(span.start), cleaned.end(span.end))
            for name, span in facts.spans.items()
        }
        return facts

    def _extract(
        self, text: str, title: str | None, quoted: Sequence[tuple[int, int]] = ()
    ) -> PostingFacts:
        facts = PostingFacts(taxonomy_version=self.taxonomy.version)
        if not text and not title:
            return facts
        prepared = prepare(text)
        folded = prepared.folded
        triggers = Triggers(folded)
        title_skills: frozenset[str] = frozenset()
        folded_title = ""
        if title:
            prepared_title = prepare(title)
            folded_title = prepared_title.folded
            title_skills = frozenset(
                m.skill for m in self.matcher.find(prepared_title, _NO_SECTIONS)
            )
        others = (
            other_positions(folded, folded_title, triggers)
            + unticked_options(text)
            # the job board's page around the posting: other jobs, pay widgets, footers
            + page_chrome(folded, triggers)
            # the candidate's own messages and profile in a conversation
            + candidate_parts(folded)
        )
        if others:
            # a posting that lists several positions: read the advertised one's block and
            # what they share, the others blanked (offsets unchanged); a form's unticked
            # options likewise
            text = blank(text, sorted(others))
            prepared = prepare(text)
            folded = prepared.folded
            triggers = Triggers(folded)
        sections = find_sections(folded, triggers)
        mentions = self.matcher.find(prepared, sections, title_skills=title_skills)
        title_end = leading_title_end(text)
        kept = [m for m in mentions if m.start >= title_end] if title_end else mentions
        roles = RangeSet(role_fields(text))
        if roles:  # "Role: DevOps" names the job, as a title does
            kept = [m for m in kept if m.start not in roles]
        kept = drop_employer_text(kept, text, sections)
        kept = [
            m
            for m in kept
            if m.category != "spoken_language" or not names_something_else(folded, m.start, m.end)
        ]
        facts.skills = drop_role_repeats(kept, text)
        found = self._read_facts(folded, sections, folded_title, mentions, triggers)
        asked = questions(folded)
        if asked:
            # a conversation's questions state nothing ("業務委託での参画は可能でしょうか？",
            # "Is visa sponsorship available?"): the facts are read from the answers
            self._read_without(blank(folded, asked), found, mentions, folded_title)
            # pay and languages: what a question asks about stays for its answer
            topics = topics_only(folded, asked)
            topic_triggers = Triggers(topics)
            found["salary"] = (
                parse_salary(topics, rates=self.rates, triggers=topic_triggers),
                None,
            )
            found["japanese_level"], found["english_level"] = parse_languages(
                topics, sections, topic_triggers
            )
        salary = found["salary"][0]
        if salary is None and folded_title:
            # "【年収700万〜1,000万円】バックエンドエンジニア": pay stated only in the title
            # has no span in the text
            in_title = parse_salary(folded_title, rates=self.rates)
            if in_title is not None:
                found["salary"] = (replace(in_title, start=None, end=None), None)
        if any(found[name][0] is None for name in _EXPORTED) and _EXPORT_HINT.search(folded):
            # an export's fields, when the text states the fact nowhere else
            exported = export_fields(folded)
            if found["salary"][0] is None:
                found["salary"] = (salary_from_fields(exported, self.rates), None)
            if found["employment_type"][0] is None:
                by_field = employment_from_fields(exported)
                if by_field is not None:
                    found["employment_type"] = (by_field[0], Span(by_field[1][1], by_field[1][2]))
            if found["visa_sponsorship"][0] is None:
                visa = visa_from_fields(exported)
                if visa is not None:
                    found["visa_sponsorship"] = (visa[0], Span(visa[1][1], visa[1][2]))
            for name, language in (("japanese_level", "ja"), ("english_level", "en")):
                if found[name][0] is None:
                    level = language_from_fields(exported, language)
                    if level is not None:
                        found[name] = (level[0], Span(level[1][1], level[1][2]))
            if found["min_years_experience"][0] is None:
                years = years_from_fields(exported)
                if years is not None:
                    found["min_years_experience"] = (years[0], Span(years[1][1], years[1][2]))
        if found["min_years_experience"][0] is None and folded_title:
            # the title's figure has no span: spans point into the text
            found["min_years_experience"] = (parse_title_years(folded_title), None)
        if found["visa_sponsorship"][0] is None or found["japanese_level"][0] is None:
            # "Tags: remote-ok, visa-sponsor, N2": a board's tags, when no sentence states them
            for name, tagged in tag_facts(folded).items():
                if found[name][0] is None:
                    found[name] = tagged
        if folded_title and any(found[name][0] is None for name in _IN_TITLES):
            # "Backend Engineer (Go) – Fully Remote – Visa Sponsorship", 【フルリモート】
            # ［英語力不問］: conditions a board packs into the title, when the text does
            # not state them (no span: spans point into the text)
            title_triggers = Triggers(folded_title)
            titled: dict[str, Any] = {
                "remote": parse_remote(folded_title, title_triggers)[0],
                "visa_sponsorship": parse_visa(folded_title, title_triggers)[0],
            }
            titled["japanese_level"], titled["english_level"] = (
                level for level, _ in parse_languages(folded_title, _NO_SECTIONS, title_triggers)
            )
            for name in _IN_TITLES:
                if found[name][0] is None and titled[name] is not None:
                    found[name] = (titled[name], None)
        spans: dict[str, Span] = {}
        for name in FACT_FIELDS:
            value, span = found[name]
            setattr(facts, name, value)
            if span is not None:
                spans[name] = span
        facts.spans = spans
        if not text.isascii() and self._read_in_english(folded, facts):
            view = japanese_view(folded)
            if view is not None:
                self._japanese_governs(facts, view, sections, folded_title, mentions)
        revision = read_revision(folded, triggers, quoted)
        if revision is not None:
            if asked:
                # (a question after a correction states nothing either: "Is it possible to
                # work fully remote?" — "Sorry, hybrid only")
                revision = Revision(
                    topics_only(revision.corrections, asked), topics_only(revision.current, asked)
                )
            self._revised(facts, revision, sections, folded_title, mentions)
        return facts

    def _revised(
        self,
        facts: PostingFacts,
        revision: Revision,
        sections: Sections,
        folded_title: str,
        mentions: list[SkillMention],
    ) -> None:
        """A posting that revises itself: each fact its corrections state wins, then each
        its current text states; the rest stay as read from the whole text."""
        reads = [
            self._read_facts(view, sections, folded_title, mentions)
            for view in (revision.corrections, revision.current)
        ]
        for name in FACT_FIELDS:
            for found in reads:
                value, span = found[name]
                if value is None:
                    continue
                if name == "salary":
                    facts.salary = value
                elif value != getattr(facts, name):
                    setattr(facts, name, value)
                    if span is not None:
                        facts.spans[name] = span
                break

    def _read_facts(
        self,
        view: str,
        sections: Sections,
        folded_title: str,
        mentions: list[SkillMention],
        triggers: Triggers | None = None,
    ) -> dict[str, tuple[Any, Span | None]]:
        """The facts stated in ``view``: the text, or the text with parts blanked (of its
        length). ``triggers``: the view's, when the caller has them."""
        triggers = triggers or Triggers(view)
        found: dict[str, tuple[Any, Span | None]] = {
            "salary": (parse_salary(view, rates=self.rates, triggers=triggers), None)
        }
        found["japanese_level"], found["english_level"] = parse_languages(view, sections, triggers)
        found["remote"] = parse_remote(view, triggers)
        found["visa_sponsorship"] = parse_visa(view, triggers)
        found["employment_type"] = parse_employment(view, triggers, folded_title)
        found["min_years_experience"] = parse_years(view, sections, triggers)
        remote = found["remote"][0]
        found["location"] = parse_location(
            view, triggers, remote, names=[(m.start, m.end) for m in mentions]
        )
        return found

    @staticmethod
    def _read_without(
        view: str,
        found: dict[str, tuple[Any, Span | None]],
        mentions: list[SkillMention],
        folded_title: str,
    ) -> None:
        """Remote, visa, employment type and place read again from ``view`` (the text with
        its questions blanked)."""
        triggers = Triggers(view)
        found["remote"] = parse_remote(view, triggers)
        found["visa_sponsorship"] = parse_visa(view, triggers)
        found["employment_type"] = parse_employment(view, triggers, folded_title)
        found["location"] = parse_location(
            view, triggers, found["remote"][0], names=[(m.start, m.end) for m in mentions]
        )

    @staticmethod
    def _read_in_english(folded: str, facts: PostingFacts) -> bool:
        """Some fact was read from a part of the text written in English."""
        starts = [span.start for span in facts.spans.values()]
        if facts.salary is not None and facts.salary.start is not None:
            starts.append(facts.salary.start)
        return any(in_english_part(folded, start) for start in starts)

    def _japanese_governs(
        self,
        facts: PostingFacts,
        view: str,
        document_sections: Sections,
        folded_title: str,
        mentions: list[SkillMention],
    ) -> None:
        """Each fact read from the English half of a bilingual posting, read again from its
        Japanese half alone: where that says otherwise, the Japanese governs."""
        spans = facts.spans
        english = {name for name, span in spans.items() if in_blank(view, span.start, span.end)}
        salary = facts.salary
        salary_english = (
            salary is not None
            and salary.start is not None
            and salary.end is not None
            and in_blank(view, salary.start, salary.end)
        )
        if not english and not salary_english:
            return
        triggers = Triggers(view)
        # the document's sections, found in the whole text: blanking the English parts
        # moves no Japanese line out from under its heading
        sections = document_sections
        if salary_english and salary is not None:
            again = parse_salary(view, rates=self.rates, triggers=triggers)
            if (
                again is not None
                and again.start is not None
                and japanese_statement(view, again.start)
                and (again.min, again.max, again.period) != (salary.min, salary.max, salary.period)
            ):
                facts.salary = again
        found: dict[str, tuple[Any, Span | None]] = {}
        if english & {"japanese_level", "english_level"}:
            found["japanese_level"], found["english_level"] = parse_languages(
                view, sections, triggers
            )
        if "remote" in english:
            found["remote"] = parse_remote(view, triggers)
        if "visa_sponsorship" in english:
            found["visa_sponsorship"] = parse_visa(view, triggers)
        if "employment_type" in english:
            found["employment_type"] = parse_employment(view, triggers, folded_title)
        if "min_years_experience" in english:
            found["min_years_experience"] = parse_years(view, sections, triggers)
        if "location" in english:
            found["location"] = parse_location(
                view, triggers, facts.remote, names=[(m.start, m.end) for m in mentions]
            )
        located, located_span = found.get("location", (None, None))
        if (
            located is not None
            and facts.location is not None
            and (
                located.prefecture == facts.location.prefecture
                and None in (located.city, facts.location.city)
            )
        ):
            del found["location"]  # one half only less precise: "東京" beside "Koto, Tokyo"
        elif located_span is not None and not stated_as_workplace(view, located_span):
            # the Japanese half names a place but not as the workplace: an agency's address in
            # its introduction before a client's English job description
            del found["location"]
        for name, (value, span) in found.items():
            if name not in english:
                continue  # read with its pair (the languages), not from the English half
            changed = value is not None and value != getattr(facts, name)
            if changed and span is not None and japanese_statement(view, span.start):
                setattr(facts, name, value)
                spans[name] = span


@cache
def default_extractor() -> Extractor:
    return Extractor(default_taxonomy())


def extract(text: str, *, title: str | None = None) -> PostingFacts:
    """Extract with the taxonomy shipped with kyujin (loaded on first use)."""
    return default_extractor().extract(text, title=title)


def facts_to_dict(facts: PostingFacts) -> dict[str, Any]:
    """The stable JSON shape of ``kyujin extract`` and ``POST /v1/extract``."""
    return {
        "skills": [
            {
                "skill": m.skill,
                "category": m.category,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "requirement": m.requirement,
            }
            for m in facts.skills
        ],
        "salary": asdict(facts.salary) if facts.salary else None,
        "japanese_level": facts.japanese_level,
        "english_level": facts.english_level,
        "remote": facts.remote,
        "visa_sponsorship": facts.visa_sponsorship,
        "employment_type": facts.employment_type,
        "min_years_experience": facts.min_years_experience,
        "location": asdict(facts.location) if facts.location else None,
        "spans": {name: [span.start, span.end] for name, span in facts.spans.items()},
        "taxonomy_version": facts.taxonomy_version,
    }
