import pytest

from kyujin.core import search_text
from kyujin.core.search_text import Phrase


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("決済基盤の開発",), "決済 済基 基盤 盤の の開 開発 ω 発"),
        (("ＰＨＰ と Python",), "php と python"),
        (("C# / C++ / F#",), "csharp cpp fsharp"),
        (("ｶﾀｶﾅ",), "カタ タカ カナ ω ナ"),
        (("日", None, "", "Go"), "日 go"),
        (("Café élan", "株式会社テスト"), "cafe elan 株式 式会 会社 社テ テス スト ω ト"),
        (("a+b 3年以上",), "a b 3 年以 以上 ω 上"),
        (("年収600万円、月給50万円",), "年収 600 万円 月給 50 万円 ω 収 ω 円 ω 給"),
        # a run end that begins another token already is found by a prefix: not repeated
        (("円滑な年収600万円",), "円滑 滑な な年 年収 600 万円 ω 収"),
        (("円滑に",), "円滑 滑に ω に"),
        (("円滑",), "円滑 ω 滑"),
        (("年収と収入",), "年収 収と と収 収入 ω 入"),
    ],
)
def test_document_tokens(parts: tuple[str | None, ...], expected: str) -> None:
    assert search_text.document(*parts) == expected


def test_document_tokens_are_those_the_query_side_reads() -> None:
    text = "Senior Go エンジニア（決済基盤）C# 歓迎 ＡＷＳ"
    from_query = [t for p in search_text.query(text) for t in p.tokens]
    words, *ends = search_text.document(text).split(" ω ")
    assert words.split() == from_query
    assert ends == ["ア", "盤", "迎"]  # each CJK run's last character, once, apart


def test_a_lone_character_is_found_wherever_it_is_written() -> None:
    """Every character of a run begins a bigram of it or is one of its run ends, so a lone
    character, a prefix, finds it at the end of a word too (q=円 in 600万円)."""
    text = "年収600万円 エンジニア 決済基盤"
    document = search_text.document(text).split()
    for ch in "年収万円エンジニア決済基盤":
        assert any(token.startswith(ch) for token in document), ch
    assert search_text.query("ω") == []  # the separator before the run ends: never asked for


def test_query_phrases_prefix_and_limits() -> None:
    assert search_text.query("決済 Go go 日") == [
        Phrase(("決済",)),
        Phrase(("go",)),
        Phrase(("日",), prefix=True),
    ]
    long = search_text.query("あ" * 100)[0]
    assert len(long.tokens) == search_text.MAX_TOKENS_PER_TERM


def test_database_query_syntax() -> None:
    phrases = search_text.query("決済基盤 日 c#")
    assert search_text.fts5_query(phrases) == '"決済 済基 基盤" AND "日"* AND "csharp"'
    assert search_text.tsquery(phrases) == "(決済 <-> 済基 <-> 基盤) & (日:*) & (csharp)"


def test_tsquery_loose_ands_every_token_of_every_phrase() -> None:
    phrases = search_text.query("大規模 python")
    assert search_text.tsquery(phrases) == "(大規 <-> 規模) & (python)"
    assert search_text.tsquery_loose(phrases) == "大規 & 規模 & python"
    assert search_text.tsquery_loose(search_text.query("決")) == "決:*"
