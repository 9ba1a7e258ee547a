"""Factory functions with keyword defaults for test data."""

from __future__ import annotations

import itertools
import json
from datetime import date
from typing import Any

from kyujin.postings.schemas import PostingIn

_counter = itertools.count(1)


def posting_data(**overrides: Any) -> dict[str, Any]:
    n = next(_counter)
    data: dict[str, Any] = {
        "source": "test",
        "external_id": f"ext-{n}",
        "title": f"Backend Engineer {n}",
        "company": "株式会社テスト",
        "description": "Python と PostgreSQL を使った API 開発。\nRequirements: 3+ years.",
        "url": f"https://jobs.example.jp/{n}",
        "location": "東京都渋谷区",
        "posted_at": date(2026, 10, 1).isoformat(),
    }
    data.update(overrides)
    return data


def posting_in(**overrides: Any) -> PostingIn:
    return PostingIn.model_validate(posting_data(**overrides))


def jsonl(*records: dict[str, Any] | str) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode()
