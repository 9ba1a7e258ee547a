"""Facts held in an export's fields: CSV rows under a header, "key,value" lines, JSON pairs.

ATS and aggregator exports are pasted as text with the facts in named fields rather than in
prose: ``salary_min,salary_max,salary_currency,salary_period`` over ``85000,120000,USD,YEAR``,
``給与下限（年収・万円）,420``, ``"compensation": {"currency": "JPY", "min": 600000, "max": 750000,
"interval": "month"}``, ``employment_type`` ``FULL_TIME``. These are read when the text states
the fact nowhere else. Works on folded text; every value keeps its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

from kyujin.core.facts.salary import PLAUSIBLE_JPY, annual_jpy, guess_period
from kyujin.core.model import EmploymentType, Period, Salary

Field = tuple[str, int, int]  # value, start, end
V = TypeVar("V")

# (a quoted cell may hold line breaks: a CSV record's description or skills spans lines)
_CELL = re.compile(r'"(?:[^"]|"")*"|[^,\n]*')
_MAX_RECORD_LINES = 40  # lines one CSV record may span inside its quoted cells
_PAIR_LINE = re.compile(r"(?m)^[ \t]*([^,:\n]{1,40}?)[ \t]*[,:：][ \t]*([^,\n]*?)[ \t]*$")
_JSON_PAIR = re.compile(r'"([a-z_][\w.-]{0,40})"\s?:\s?("(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?)')
_JSON_OBJECT = re.compile(r'"([a-z_][\w-]{0,40})"\s?:\s?\{([^{}\n]*)\}')


def _cells(line: str, offset: int) -> list[Field]:
    cells = []
    position = 0
    while position <= len(line):
        m = _CELL.match(line, position)
        assert m is not None  # the pattern matches the empty string
        raw = m.group()
        start, end = offset + m.start(), offset + m.end()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw, start, end = raw[1:-1], start + 1, end - 1
        cells.append((raw.strip(), start, end))
        position = m.end() + 1
    return cells


def export_fields(folded: str) -> dict[str, Field]:
    """Named values of the text's exports: a CSV header with the row under it, "key,value" and
    "key: value" lines, JSON pairs (a nested object's keys prefixed with its own key)."""
    found: dict[str, Field] = {}
    lines = folded.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for i, line in enumerate(lines[:-1]):
        if line.count(",") < 3:
            continue
        header = _cells(line, offsets[i])
        row_index = i + 1
        while row_index < len(lines) and lines[row_index].startswith("#"):
            row_index += 1
        if row_index >= len(lines):
            continue
        record = lines[row_index]
        last = row_index
        while record.count('"') % 2 and last + 1 < min(len(lines), row_index + _MAX_RECORD_LINES):
            last += 1
            record += "\n" + lines[last]  # a quoted cell goes on
        row = _cells(record, offsets[row_index])
        if len(row) != len(header) or any(_CELL_IS_NUMBER.fullmatch(h[0]) for h in header):
            continue
        for (name, _, _), value in zip(header, row, strict=True):
            if name and value[0]:
                found.setdefault(name, value)
    _nested(folded, found)
    for m in _PAIR_LINE.finditer(folded):
        if m.group(2):
            found.setdefault(m.group(1).strip(), (m.group(2), m.start(2), m.end(2)))
    for obj in _JSON_OBJECT.finditer(folded):
        for pair in _JSON_PAIR.finditer(folded, obj.start(2), obj.end(2)):
            _json_value(found, f"{obj.group(1)}.{pair.group(1)}", pair)
    for pair in _JSON_PAIR.finditer(folded):
        _json_value(found, pair.group(1), pair)
    return found


_CELL_IS_NUMBER = re.compile(r"-?\d[\d.,]*")

# Nested structures, their keys joined by dots ("salary.min", "basesalary.value.minvalue"):
# YAML blocks and pretty-printed JSON by their indentation, flow maps on one line
# ("salary: {min: 8000000, max: 11000000, currency: JPY, unit: YEAR}"), XML elements and their
# attributes (<salary currency="JPY" period="MONTH"><min>350000</min>), KEY=value lines.
_BLOCK_LINE = re.compile(r'(?m)^([ \t-]*)"?([\w.@-]{1,40})"?[ \t]*:[ \t]*(.*?)[ \t]*,?[ \t]*$')
_FLOW_MAP = re.compile(r'"?([\w.-]{1,40})"?[ \t]*:[ \t]*\{([^{}\n]*)\}')
_FLOW_PAIR = re.compile(r'"?([\w.-]{1,40})"?[ \t]*:[ \t]*("[^"\n]*"|[^,}\n]+)')
_XML_TAG = re.compile(r"<(/?)([\w:-]{1,40})((?:\s[^<>]*?)?)(/?)>")
_XML_ATTRIBUTE = re.compile(r'([\w:-]{1,40})\s?=\s?"([^"<>\n]*)"')
_ENV_LINE = re.compile(r"(?m)^[ \t]*([^\W\d][\w.]{0,40})[ \t]*=[ \t]*(\"?)([^\"\n]*)\2[ \t]*$")
_INI_SECTION = re.compile(r"(?m)^[ \t]*\[([^\[\]\n]{1,40})\][ \t]*$")
_MAX_DEPTH = 8


def _nested(folded: str, found: dict[str, Field]) -> None:
    """Add the fields of the text's nested structures to ``found`` (see above)."""
    if ":" in folded:
        path: list[tuple[int, str]] = []  # (indent, key) of the blocks the line is inside
        for m in _BLOCK_LINE.finditer(folded):
            indent = len(m.group(1))
            while path and path[-1][0] >= indent:
                path.pop()
            key, value = m.group(2), m.group(3)
            if value in ("", "{", "[") and len(path) < _MAX_DEPTH:
                path.append((indent, key))
                continue
            name = ".".join([*(k for _, k in path), key])
            if value.startswith("{") and value.endswith("}"):
                for pair in _FLOW_PAIR.finditer(folded, m.start(3) + 1, m.end(3) - 1):
                    inner, at, to = pair.group(2).strip(), pair.start(2), pair.end(2)
                    if inner.startswith('"') and inner.endswith('"'):
                        inner, at, to = inner[1:-1], at + 1, to - 1
                    found.setdefault(f"{name}.{pair.group(1)}", (inner, at, to))
                continue
            start, end = m.start(3), m.end(3)
            if value.startswith('"') and value.endswith('"') and len(value) >= 2:
                value, start, end = value[1:-1], start + 1, end - 1
            if path:
                found.setdefault(name, (value, start, end))
        for flow in _FLOW_MAP.finditer(folded):
            for pair in _FLOW_PAIR.finditer(folded, flow.start(2), flow.end(2)):
                value, start, end = pair.group(2).strip(), pair.start(2), pair.end(2)
                if value.startswith('"') and value.endswith('"'):
                    value, start, end = value[1:-1], start + 1, end - 1
                found.setdefault(f"{flow.group(1)}.{pair.group(1)}", (value, start, end))
    if "<" in folded:
        tags: list[str] = []
        for tag in _XML_TAG.finditer(folded):
            closing, name, attributes, empty = tag.groups()
            if closing:
                if name in tags:
                    del tags[tags.index(name) :]
                continue
            prefix = ".".join([*tags[-(_MAX_DEPTH - 1) :], name])
            for attribute in _XML_ATTRIBUTE.finditer(attributes or ""):
                at = tag.start(3) + attribute.start(2)
                found.setdefault(
                    f"{prefix}.{attribute.group(1)}",
                    (attribute.group(2), at, at + len(attribute.group(2))),
                )
            if empty:
                continue
            text_end = folded.find("<", tag.end())
            if text_end > tag.end() and folded.startswith(f"</{name}>", text_end):
                text = folded[tag.end() : text_end]
                found.setdefault(prefix, (text.strip(), tag.end(), text_end))
            else:
                tags.append(name)
    if "=" in folded:
        sections = [(m.start(), m.group(1).strip()) for m in _INI_SECTION.finditer(folded)]
        for m in _ENV_LINE.finditer(folded):
            section = next((name for at, name in reversed(sections) if at < m.start()), None)
            name = f"{section}.{m.group(1)}" if section else m.group(1)
            found.setdefault(name, (m.group(3), m.start(3), m.end(3)))


def _json_value(found: dict[str, Field], key: str, pair: re.Match[str]) -> None:
    value, start, end = pair.group(2), pair.start(2), pair.end(2)
    if value.startswith('"'):
        value, start, end = value[1:-1], start + 1, end - 1
    found.setdefault(key, (value, start, end))


_PAY_KEY = r"(?:salary|pay|compensation|base_?salary|basesalary|給与|年収|月給|賃金|報酬|単価)"
_UNIT_NOTE = r"(?:\s?[(（][^)）\n]{0,15}[)）])?"  # "給与下限（年収・万円）"
_MIN_KEY = re.compile(
    rf"(?:{_PAY_KEY}[\w.・、 -]*?[_. ]?(?:min(?:imum|value)?|下限|from)"
    rf"|(?:min(?:imum)?|下限)[_. ]?{_PAY_KEY}){_UNIT_NOTE}"
)
_MAX_KEY = re.compile(
    rf"(?:{_PAY_KEY}[\w.・、 -]*?[_. ]?(?:max(?:imum|value)?|上限|to)"
    rf"|(?:max(?:imum)?|上限)[_. ]?{_PAY_KEY}){_UNIT_NOTE}"
)
_CURRENCY_KEY = re.compile(rf"(?:{_PAY_KEY}[\w.]*[_. ])?(?:currency(?:_?code)?|通貨)")
_PERIOD_KEY = re.compile(
    rf"(?:{_PAY_KEY}[\w.]*[_. ])?(?:period|interval|unit(?:_?text)?|単位|期間)"
)
_TYPE_KEY = re.compile(rf"{_PAY_KEY}[_. ]?(?:type|kind|basis|区分|種別|形態)")
_PERIODS: Mapping[str, Period] = {
    "year": "annual", "yearly": "annual", "annual": "annual", "annually": "annual", "年": "annual",
    "年収": "annual", "年俸": "annual",
    "month": "monthly", "monthly": "monthly", "月": "monthly", "月給": "monthly",
    "月額": "monthly",
    "hour": "hourly", "hourly": "hourly", "時間": "hourly", "時": "hourly", "時給": "hourly",
}  # fmt: skip
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def _find(found: Mapping[str, Field], key: re.Pattern[str]) -> tuple[str, Field] | None:
    """The first field whose name, or the end of its dotted path ("jobs.job.salary.min" ends
    with "salary.min"), ``key`` names."""
    for name, value in found.items():
        if key.fullmatch(name):
            return name, value
        at = name.find(".")
        while at >= 0:
            if key.fullmatch(name, at + 1):
                return name[at + 1 :], value
            at = name.find(".", at + 1)
    return None


def salary_from_fields(found: Mapping[str, Field], rates: Mapping[str, float]) -> Salary | None:
    low, high = _find(found, _MIN_KEY), _find(found, _MAX_KEY)
    if low is None and high is None:
        return None
    keys = " ".join(k for k, _ in (f for f in (low, high) if f is not None))
    currency_field = _find(found, _CURRENCY_KEY)
    currency = currency_field[1][0].upper() if currency_field else "JPY"
    if currency not in rates:
        return None
    period_field = _find(found, _PERIOD_KEY)
    period: Period | None = None
    unit = ""
    if period_field is not None:
        unit = period_field[1][0].lower()
        period = _PERIODS.get(unit.removeprefix("1 ").removeprefix("per "))  # "1 HOUR"
    type_field = _find(found, _TYPE_KEY)
    if period is None and type_field is not None:
        # "salary_type,年収" beside "salary_unit,万円"
        period = _PERIODS.get(type_field[1][0].lower())
    period = period or (
        "monthly"
        if "月" in keys
        else "hourly"
        if "時給" in keys
        else "annual"
        if "年" in keys
        else None
    )
    scale = 10_000 if "万円" in keys or unit in ("万円", "万") else 1

    def amount(field: tuple[str, Field] | None) -> float | None:
        if field is None:
            return None
        number = _NUMBER.fullmatch(field[1][0].replace(" ", ""))
        return None if number is None else float(number.group().replace(",", "")) * scale

    a, b = amount(low), amount(high)
    if a is None and b is None:
        return None
    rate = rates[currency]
    first = a if a is not None else b
    assert first is not None
    period = period or guess_period(first * rate)
    lo, hi = PLAUSIBLE_JPY[period]
    if not all(lo <= v * rate <= hi for v in (a, b) if v is not None):
        return None
    spans = [f[1] for f in (low, high) if f is not None]
    return Salary(
        currency=currency,
        min=a,
        max=b,
        period=period,
        annual_min_jpy=None if a is None else annual_jpy(a, currency, period, rates=rates),
        annual_max_jpy=None if b is None else annual_jpy(b, currency, period, rates=rates),
        start=min(s[1] for s in spans),
        end=max(s[2] for s in spans),
    )


_EMPLOYMENT_KEY = re.compile(r"employment(?:_?type)?|employmenttype|雇用形態|job_?type|雇用区分")
_EMPLOYMENT_VALUES: Mapping[str, EmploymentType] = {
    "full_time": "full_time", "full-time": "full_time", "fulltime": "full_time",
    "permanent": "full_time", "正社員": "full_time",
    "contract": "contract", "temporary": "contract", "fixed_term": "contract",
    "契約社員": "contract",
    "contractor": "freelance", "freelance": "freelance", "業務委託": "freelance",
    "dispatch": "dispatch", "派遣": "dispatch",
}  # fmt: skip


def _valued(
    found: Mapping[str, Field], key: re.Pattern[str], values: Mapping[str, V]
) -> tuple[V, Field] | None:
    """The value ``values`` gives the first field named by ``key``, with the field."""
    field = _find(found, key)
    if field is None:
        return None
    value = values.get(field[1][0].strip().lower())
    return None if value is None else (value, field[1])


def employment_from_fields(found: Mapping[str, Field]) -> tuple[EmploymentType, Field] | None:
    return _valued(found, _EMPLOYMENT_KEY, _EMPLOYMENT_VALUES)


# Other facts an export holds in fields: "visa_support,あり", "en_level,不問", "jp_level,N2以上".
_VISA_KEY = re.compile(r"visa(?:[_ ]?(?:support|sponsorship|sponsor))?|ビザ(?:サポート|支援)?")
_VISA_VALUES: Mapping[str, bool] = {
    "あり": True, "有": True, "可": True, "yes": True, "true": True, "○": True, "◯": True,
    "available": True,
    "なし": False, "無": False, "不可": False, "no": False, "false": False, "×": False,
}  # fmt: skip
_LANGUAGE_KEYS = {
    "ja": re.compile(r"(?:ja|jp|jpn|japanese)[_ ]?(?:level|skill)|日本語(?:レベル|力)?"),
    "en": re.compile(r"(?:en|eng|english)[_ ]?(?:level|skill)|英語(?:レベル|力)?"),
}
_LANGUAGE_VALUE = re.compile(
    r"(?P<jlpt>n[1-5])|(?P<none>不問|不要|none|not required|n/a)|(?P<native>ネイティブ|native)"
    r"|(?P<business>ビジネス|business|fluent)|(?P<conversational>日常会話|conversational)"
    r"|(?P<basic>基礎|basic|読み書き)"
)


# How low a level is: native 0, N1 1, business / N2 2, conversational / N3 3, basic / N4 4.
_LOWNESS = {"native": 0, "business": 2, "conversational": 3, "basic": 4}


def _lowness(m: re.Match[str]) -> int:
    jlpt = m.group("jlpt")
    return int(jlpt[1]) if jlpt else _LOWNESS.get(m.lastgroup or "native", 0)


def visa_from_fields(found: Mapping[str, Field]) -> tuple[bool, Field] | None:
    return _valued(found, _VISA_KEY, _VISA_VALUES)


def language_from_fields(found: Mapping[str, Field], language: str) -> tuple[str, Field] | None:
    """The level a language's field gives: "N2" (Japanese), "business", "none", ..."""
    field = _find(found, _LANGUAGE_KEYS[language])
    if field is None:
        return None
    value = field[1][0].strip().lower()
    m = _LANGUAGE_VALUE.match(value)
    if m is None or (m.group("jlpt") and language != "ja"):
        return None
    if "or" in value or "/" in value or "または" in value:
        # alternatives ("NATIVE_OR_FLUENT", "N1/N2"): the lower is enough
        m = max(
            (a for a in _LANGUAGE_VALUE.finditer(value) if a.lastgroup != "none"),
            key=_lowness,
            default=m,
        )
    if m.group("jlpt"):
        return m.group("jlpt").upper(), field[1]
    kind = m.lastgroup or "none"
    if language == "ja" and kind in ("business", "conversational", "basic"):
        kind = {"business": "N2", "conversational": "N3", "basic": "N4"}[kind]
    return kind, field[1]


# The minimum experience an export gives: "MIN_YEARS=6", "experience_years": 3, JSON-LD's
# "monthsOfExperience": 36 (whole years, rounded down), 必要経験年数: 2.
_YEARS_KEY = re.compile(
    r"min(?:imum)?_?(?:years?|yrs)(?:_?(?:of_?)?experience)?|(?:min(?:imum)?_?)?experience_?years?"
    r"|(?:min(?:imum)?_?)?years_?(?:of_?)?experience|(?:必要|最低)?経験年数"
)
_MONTHS_KEY = re.compile(r"(?:min(?:imum)?_?)?months_?of_?experience|experience_?months")
_WHOLE_NUMBER = re.compile(r"\d{1,3}")


def years_from_fields(found: Mapping[str, Field]) -> tuple[int, Field] | None:
    for key, divisor in ((_YEARS_KEY, 1), (_MONTHS_KEY, 12)):
        field = _find(found, key)
        if field is None:
            continue
        number = _WHOLE_NUMBER.fullmatch(field[1][0].strip().rstrip("+"))
        if number is not None and int(number.group()) // divisor <= 30:
            return int(number.group()) // divisor, field[1]
    return None
