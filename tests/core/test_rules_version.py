"""Stored facts carry RULES_VERSION; a change in extraction output must bump it.

The test hashes the extractor's output (taxonomy version left out: the taxonomy has its own
hash) over the samples and the tuning fixtures. When the output changes, bump RULES_VERSION
in kyujin/core/extract.py and record the new hash here; `kyujin reextract` then recomputes
stored postings.
"""

import hashlib
import json
from pathlib import Path

from kyujin.core.extract import RULES_VERSION, default_extractor, extract, facts_to_dict

ROOT = Path(__file__).parents[2]
# facts version ("<RULES_VERSION>.<taxonomy hash>") -> sha256 of the output, 16 hex digits.
RECORDED = {"215.54746075a5df5df7": "7ef205701ee521bf"}


def output_hash() -> str:
    digest = hashlib.sha256()
    lines = (ROOT / "samples" / "postings.jsonl").read_text().splitlines()
    for name in ("tuning.jsonl", "tuning_extra.jsonl", "traps.jsonl"):
        lines += (ROOT / "tests" / "fixtures" / "japan_facts" / name).read_text().splitlines()
    for line in lines:
        record = json.loads(line)
        text = record.get("description") or record["text"]
        facts = facts_to_dict(extract(text, title=record.get("title")))
        facts.pop("taxonomy_version")
        digest.update(json.dumps(facts, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:16]


def test_output_matches_the_recorded_rules_version() -> None:
    version, got = default_extractor().version, output_hash()
    assert RECORDED.get(version) == got, (
        f"extraction output is {got} under facts version {version}. If extraction code "
        f"changed, bump RULES_VERSION (now {RULES_VERSION!r}) in kyujin/core/extract.py; then "
        "record the new version and hash here (a taxonomy edit changes the version itself)"
    )
