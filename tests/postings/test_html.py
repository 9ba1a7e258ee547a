import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from kyujin.core.extract import extract
from kyujin.postings.html import html_to_text, looks_like_html, text_to_html
from kyujin.postings.schemas import PostingIn

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
DESCRIPTION = (FIXTURES / "description_ja.html").read_text()


def test_japanese_posting_keeps_headings_lists_and_fields_on_their_own_lines() -> None:
    text = html_to_text(DESCRIPTION)
    assert (
        "【必須】\n\n"
        "- Go言語での開発経験3年以上\n"
        "- RDBMS（PostgreSQL / MySQL）を用いたWebアプリケーション開発経験\n"
        "- AWSまたはGCPでの本番運用経験\n"
        "- 日本語：ビジネスレベル（JLPT N2以上）\n\n"
        "【歓迎】\n\n"
        "- Kubernetesを用いたコンテナ運用の経験\n"
        "- 決済・金融ドメインでの開発経験\n"
        "- 英語でのドキュメント読解\n\n"
        "開発環境\n\n"
    ) in text
    # Table cells: a label and its value on consecutive lines, as the field readers expect.
    assert "勤務地\n東京都渋谷区道玄坂1-2-3 渋谷ヒルズ12F\n給与\n年収600万円〜900万円\n" in text
    # <br><br> is a blank line, a single <br> a line break.
    assert "交通費全額支給\n書籍購入・カンファレンス参加費補助\n\nリモートワーク手当" in text
    # Entities decoded; the source's line break inside a Japanese sentence is no space.
    assert "<応募について> 書類選考 → 面接2回 → 内定 （約3週間）" in text
    assert "取扱高の拡大に伴い、決済基盤チームの" in text
    assert "- Payments or fintech background & PCI DSS knowledge" in text
    assert "Salary: ¥6M–¥9M per year, depending on experience.\nHybrid:" in text
    # Script and style are dropped; so are the empty list item and the comment.
    for absent in ("dataLayer", "color:", "share buttons", "\n-\n", "- \n"):
        assert absent not in text
    assert "\n\n\n" not in text and text == text.strip()
    assert text.startswith("募集背景\n\n当社は") and text.endswith("シェアする")


def test_extraction_reads_the_cleaned_text_as_it_reads_a_plain_posting() -> None:
    facts = extract(html_to_text(DESCRIPTION))
    required = {m.skill for m in facts.skills if m.requirement == "required"}
    preferred = {m.skill for m in facts.skills if m.requirement == "preferred"}
    assert {"Go", "PostgreSQL", "MySQL", "AWS"} <= required
    assert "Kubernetes" in preferred
    assert facts.salary is not None
    assert (facts.salary.min, facts.salary.max, facts.salary.period) == (6e6, 9e6, "annual")
    assert facts.location is not None
    assert (facts.location.prefecture, facts.location.city) == ("Tokyo", "Shibuya")
    assert facts.min_years_experience == 3


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>a</p><p>b</p>", "a\n\nb"),
        ("<div>a<p>b</p>c</div>", "a\n\nb\n\nc"),
        ("<div><div>a</div></div><div>b</div>", "a\nb"),
        ("<h3>Requirements</h3><ul><li>Go</li><li>SQL</li></ul>", "Requirements\n\n- Go\n- SQL"),
        ("<ul><li><p>Go</p></li><li><p>SQL</p></li><li></li></ul><p>x</p>", "- Go\n- SQL\n\nx"),
        ("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n\n- b\n- c"),
        ("<ol><li>one<br>two</li></ol>", "- one\ntwo"),
        ("<li>a<li>b", "- a\n- b"),
        ("Requirements:<br><br>- Go<br>- SQL", "Requirements:\n\n- Go\n- SQL"),
        ("<p>a</p>\n\n\n<p>b</p><br><br><br>c", "a\n\nb\n\nc"),
        ("<table><tr><th>給与</th><td>年収600万円</td></tr></table>", "給与\n年収600万円"),
        ("<pre>line 1\nline 2</pre>", "line 1\nline 2"),
        ("<b>Go</b>言語 &amp; <i>Rust</i>&nbsp;&nbsp;x", "Go言語 & Rust x"),
        ("<p>日本語の\n  文章</p><p>two\nwords</p>", "日本語の文章\n\ntwo words"),
        ("<script>var a = '<p>x</p>';</script><style>p{}</style><noscript>JS!</noscript>ok", "ok"),
        ("<html><head><title>T</title></head><body><p>x</p></body></html>", "x"),
        ("<p>a<!-- hidden --></p>", "a"),
        ("", ""),
        ("<p></p>", ""),
    ],
)
def test_structure(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_text_without_tags_keeps_its_line_breaks() -> None:
    assert html_to_text("Requirements\n - Go  3 years\n\n\n\nR&amp;D") == (
        "Requirements\n- Go 3 years\n\nR&D"
    )


def test_no_control_characters_survive() -> None:
    text = html_to_text("<p>a\x00b\x01c&#1;d\x7f\x9be</p><p>f\x0bg</p>")
    assert text == "abcde\n\nf g"
    assert html_to_text("plain\x00text\x1b") == "plaintext"


def test_the_source_cannot_fake_a_break_marker() -> None:
    assert html_to_text("a\ue000b\ue002<p>c</p>") == "ab\n\nc"


def test_lone_surrogates_do_not_break_the_parse() -> None:
    assert html_to_text("x\ud800y<p>z</p>") == "x?y\n\nz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Go</p>", True),
        ("a<br>b", True),
        ("a<br/>b", True),
        ('<div class="x">', True),
        ("</LI>", True),
        ("<!-- x -->", True),
        ("Map<K, V> and List<String>", False),
        ("<5 years, C++ <3", False),
        ("年収600万円 <応募について>", False),
        ("plain text", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_text_to_html_round_trips_through_html_to_text() -> None:
    text = "Intro line\nsecond line\n\nRequirements\n\n- Go\n- <SQL> & more\n\nEnd"
    html = text_to_html(text)
    assert html == (
        "<p>Intro line<br>second line</p><p>Requirements</p>"
        "<ul><li>Go</li><li>&lt;SQL&gt; &amp; more</li></ul><p>End</p>"
    )
    assert html_to_text(html) == text


def test_cleaning_time_grows_linearly() -> None:
    """A guard against quadratic behaviour, far above the ~0.1 ms per KB measured."""
    big = DESCRIPTION * 100  # 450 KB
    started = time.perf_counter()
    text = html_to_text(big)
    elapsed = time.perf_counter() - started
    assert text.count("【必須】") == 100
    assert elapsed < 2.0


# PostingIn cleans HTML wherever a record comes from (JSON Lines, the API, the readers).


def test_description_html_alone_gives_the_clean_description() -> None:
    record = PostingIn(title="Backend", description_html="<h3>必須</h3><ul><li>Go</li></ul>")
    assert record.description == "必須\n\n- Go"
    assert record.description_html == "<h3>必須</h3><ul><li>Go</li></ul>"


def test_html_sent_as_description_is_kept_as_html_and_cleaned() -> None:
    record = PostingIn(title="Backend", description="<p>Go &amp; SQL</p><p>Tokyo</p>")
    assert record.description == "Go & SQL\n\nTokyo"
    assert record.description_html == "<p>Go &amp; SQL</p><p>Tokyo</p>"


def test_html_description_beside_given_html_keeps_the_given_html() -> None:
    record = PostingIn(title="T", description="<p>short</p>", description_html="<div>long</div>")
    assert (record.description, record.description_html) == ("short", "<div>long</div>")


def test_plain_description_is_left_alone() -> None:
    record = PostingIn(title="T", description="Go <5 years\n- SQL", description_html=None)
    assert (record.description, record.description_html) == ("Go <5 years\n- SQL", None)


def test_html_without_text_is_rejected_clearly() -> None:
    with pytest.raises(ValidationError, match="description_html holds no text"):
        PostingIn(title="T", description_html="<p> </p><img src='x.png'>")
    with pytest.raises(ValidationError, match="description holds HTML but no text"):
        PostingIn(title="T", description="<br><br>")


def test_control_characters_in_html_are_cleaned_from_the_text_but_refused_in_the_original() -> None:
    with pytest.raises(ValidationError, match="description_html"):
        PostingIn(title="T", description_html="<p>a\x00b</p>")


def test_blocks_nested_too_deep_are_read_without_the_parser() -> None:
    """Lexbor's parse of nested blocks costs depth squared (80,000 <div>s: 8 s): past
    MAX_BLOCK_DEPTH the tags become line breaks instead, and the text is kept."""
    import time

    from kyujin.postings.html import MAX_BLOCK_DEPTH, too_deep

    deep = "<div>" * 80_000 + "<p>Go engineer</p><ul><li>Python</li></ul>" + "</div>" * 80_000
    assert too_deep(deep)
    started = time.process_time()
    assert html_to_text(deep) == "Go engineer\n\nPython"
    assert time.process_time() - started < 3
    shallow = "<div>" * MAX_BLOCK_DEPTH + "x" * 30_000 + "</div>" * MAX_BLOCK_DEPTH
    assert not too_deep(shallow)
    siblings = "<div><p>Go</p></div>" * 5_000  # many blocks, none deep
    assert not too_deep(siblings)


def test_a_page_nested_too_deep_is_reported_not_parsed() -> None:
    import io

    from kyujin.postings.formats import read_jsonld

    page = b"<html><body>" + b"<div>" * 5_000 + b"</div>" * 5_000 + b"</body></html>"
    (record,) = read_jsonld(io.BytesIO(page), name="deep.html")
    assert (record.position, record.error) == (
        "deep.html",
        "HTML nested over 1,000 blocks deep: not parsed",
    )


def test_a_clean_text_given_with_its_html_is_kept_as_it_is() -> None:
    # What kyujin export writes: the clean text may show a tag as text (the source said
    # "Write &lt;div&gt;"); read again as HTML it lost the tags' words.
    record = PostingIn(
        title="T",
        description="Write <div> and <template> tags daily.",
        description_html="<p>Write &lt;div&gt; and &lt;template&gt; tags daily.</p>",
    )
    assert record.description == "Write <div> and <template> tags daily."
