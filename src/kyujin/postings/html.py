"""HTML descriptions to the clean text that extraction and search read, and back.

Job boards publish descriptions in HTML. The extractor reads line structure: headings on
their own lines (Requirements, 【必須】), bulleted requirement lists, label/value fields
(勤務地 then 東京都渋谷区). So block elements become line breaks, paragraphs and headings
are set apart by one blank line, list items become lines starting with "- ", and table
cells each get a line, so a 勤務地 | 東京都渋谷区 row reads as a field and its value.

Parsing is Lexbor's (selectolax), a C HTML5 parser: it decodes entities and repairs
unclosed tags the way browsers do. Markers (private-use characters) are inserted before
and after block elements, the text is taken in one C call, whitespace collapses as a
browser shows it, and the markers become line breaks. Measured on the development machine
(shared, so ±30%): 0.34 ms for a 4.5 KB description (~75 us/KB: a fixed ~45 us to set up
a Lexbor document, then the parse, ~0.8 us per marker inserted and the regex passes) and
0.48 ms for a 12.6 KB page (~38 us/KB).
"""

from __future__ import annotations

import re
from html import escape, unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Private-use characters marking breaks and bullets, inserted into the tree; removed from
# the input beforehand so that the source cannot fake one.
_LINE = "\ue000"  # a line break
_PARAGRAPH = "\ue001"  # a blank line
_BULLET = "\ue002"  # "- " before a list item's text
_BR = "\ue003"  # a line break; two in a row (<br><br>) make a blank line
_LIST = "\ue004"  # a blank line, even before the first item of the list
_ITEM_END = "\ue005"  # a line break; right after a bullet, the item was empty
_MARKS_ALL = "\ue000\ue001\ue002\ue003\ue004\ue005"
_MARKERS = re.compile(f"[{_MARKS_ALL}]")

# What each element inserts before and after itself. Headings and paragraphs are set apart
# by a blank line (the extractor looks for headings on their own lines); table rows need
# nothing of their own, their cells do.
_PARAGRAPH_TAGS = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "figure",
    "form",
    "fieldset",
    "address",
    "details",
    "dl",
    "hr",
]
_LINE_TAGS = ["div", "dt", "dd", "th", "td", "caption", "figcaption", "summary", "legend"]
_PRE = (_PARAGRAPH, _PARAGRAPH)  # a tuple of its own, recognised by identity below
_MARKS: dict[str, tuple[str, str]] = {
    **{tag: (_PARAGRAPH, _PARAGRAPH) for tag in _PARAGRAPH_TAGS},
    "pre": _PRE,
    **{tag: (_LINE, _LINE) for tag in _LINE_TAGS},
    **{tag: (_LIST, _PARAGRAPH) for tag in ("ul", "ol", "table")},
    "li": (_LINE + _BULLET, _ITEM_END),
    "br": ("", _BR),
}
# Keyed by Lexbor's tag ids (integers: cheaper to read than names), taken from the library.
_ELEMENTS = LexborHTMLParser("")
_MARKS_BY_ID = {_ELEMENTS.create_node(tag).tag_id: marks for tag, marks in _MARKS.items()}
_DROPPED = ["script", "style", "noscript", "template", "iframe", "svg"]  # code, not text

_TAG = re.compile(r"<[A-Za-z/!]")
_ANY_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
# A source line break between two East Asian characters is no space (CSS Text 3 segment
# breaks): 取扱高の拡大に伴い、<newline>決済 reads as one run of text. The pattern opens
# with the newline so that the regex engine skips to newlines.
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60"
_CJK_BREAK = re.compile(f"\n(?<=[{_CJK}]\n)[ \t\r\n]*(?=[{_CJK}])")
_LINE_SPACES = re.compile(r"[ \t\r\f\v\xa0\u200b\ufeff]+")
_AROUND_NEWLINE = re.compile(r" *\n *")
# C0 and C1 controls: PostgreSQL text cannot hold NUL and PostingIn refuses the rest.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Markers are resolved by regex passes that open with a marker (the engine skips to it)
# and fixed replacements: a Python callback per break would cost as much as the parse.
_EMPTY_ITEM = re.compile("\ue002[ \ue000\ue001\ue003\ue004]*\ue005")
_BULLET_RUN = re.compile("\ue002[ \ue000-\ue004]+")  # <li><p>Go</p>: the bullet takes "Go"
_TWO_BR = re.compile("\ue003[ \ue000\ue001\ue005]*\ue003")
_BEFORE_ITEM = re.compile("\ue001(?=[ \ue000\ue001\ue003\ue005]*\ue002)")  # items: no gap
_LINE_RUN = re.compile("\n\n+")
_PARAGRAPH_RUN = re.compile("\ue001[\ue001\n]*")
_BLANK_LINES = re.compile("\n\n\n+")

# Tags that mark text as HTML; "Map<K, V>", "<5 years" or "C++ <3" do not match.
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|span|strong|b|i|u|em|small|font|a|img"
    r"|table|thead|tbody|tr|td|th|section|article|header|footer|blockquote|pre|code)"
    r"(?:\s[^<>]*)?/?|!--.*?--)>",
    re.IGNORECASE | re.DOTALL,
)


# Lexbor's tree builder looks through the open elements each time one of these opens (the
# HTML5 "p element in button scope" check), so their nesting costs depth squared: 80,000
# nested <div>s in a 400 KB description took 8 s to parse. Real pages nest a few dozen.
_BLOCK_TAG = re.compile(
    rb"<(/?)(?:address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset"
    rb"|figcaption|figure|footer|header|hgroup|main|menu|nav|ol|section|summary|ul)[\s/>]",
    re.IGNORECASE,
)
MAX_BLOCK_DEPTH = 1_000
_DEPTH_CHECKED_FROM = 20_000  # characters: below, the worst case parses in milliseconds


def too_deep(html: str | bytes) -> bool:
    """Whether block elements nest over MAX_BLOCK_DEPTH deep (the parse would take
    seconds to hours); text under _DEPTH_CHECKED_FROM characters is never."""
    if len(html) < _DEPTH_CHECKED_FROM:
        return False
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
    depth = 0
    for tag in _BLOCK_TAG.finditer(raw):
        depth = max(depth - 1, 0) if tag.group(1) else depth + 1
        if depth > MAX_BLOCK_DEPTH:
            return True
    return False


def looks_like_html(text: str) -> bool:
    """Whether the text holds common HTML tags (one regex search; no parsing)."""
    return "<" in text and _LOOKS_LIKE_HTML.search(text) is not None


def _mark_breaks(root: LexborNode) -> None:
    # Collected first: changing the tree while traversing it crashes Lexbor.
    marks_of = _MARKS_BY_ID.get
    marked = [(node, marks) for node in root.traverse() if (marks := marks_of(node.tag_id))]
    for node, (before, after) in marked:
        if before:
            node.insert_before(before)
        node.insert_after(after)
    for pre in root.css("pre") if any(marks is _PRE for _, marks in marked) else ():
        # Its newlines are content, not formatting.
        texts = [node for node in pre.traverse(include_text=True) if node.is_text_node]
        for node in texts:
            value = node.text_content
            if value and "\n" in value:
                node.replace_with(value.replace("\n", _LINE))


def _resolve_markers(text: str) -> str:
    """Breaks and bullets for the markers in whitespace-collapsed text."""
    if _BULLET in text:
        while True:  # an empty item inside an empty item needs a second pass
            text, found = _EMPTY_ITEM.subn(_LINE, text)
            if not found:
                break
        text = _BULLET_RUN.sub(_BULLET, text)
        text = _BEFORE_ITEM.sub(_LINE, text)
    if text.count(_BR) > 1:
        text = _TWO_BR.sub(_PARAGRAPH, text)
    text = text.replace(_LIST, _PARAGRAPH)
    for mark in (_LINE, _BR, _ITEM_END):
        text = text.replace(mark, "\n")
    for old, new in ((" \n", "\n"), ("\n ", "\n"), (" \ue001", "\ue001"), ("\ue001 ", "\ue001")):
        text = text.replace(old, new)
    text = _LINE_RUN.sub("\n", text).replace("\n\ue001", "\ue001")
    return _PARAGRAPH_RUN.sub("\n\n", text).replace(_BULLET, "- ")


def _plain(text: str) -> str:
    """Text without tags: its line breaks are its structure and stay."""
    if "&" in text:
        text = unescape(text)
    text = _LINE_SPACES.sub(" ", text)
    return _AROUND_NEWLINE.sub("\n", text)


def html_to_text(html: str) -> str:
    """Clean text of an HTML fragment or page: one line per block, "- " list items, at most
    one blank line in a row, entities decoded, no script/style, no control characters.

    Text holding no tag at all is read as plain text, keeping its line breaks (a browser
    would join the lines, but such "HTML" is plain text that a source labelled so)."""
    if any(mark in html for mark in _MARKS_ALL):
        html = _MARKERS.sub("", html)
    if not _TAG.search(html):
        text = _plain(html)
    elif too_deep(html):  # not parsed: its tags become line breaks
        text = _plain(_ANY_TAG.sub("\n", html))
        text = _AROUND_NEWLINE.sub("\n", text)
    else:
        # Bytes: Lexbor reads UTF-8, and handing it bytes saves selectolax a slower
        # conversion; a lone surrogate (valid in JSON) becomes "?". Scripting on, as in a
        # browser running scripts: <noscript> holds one text node, dropped with it.
        tree = LexborHTMLParser(html.encode("utf-8", "replace"), scripting=True)
        tree.strip_tags(_DROPPED, recursive=True)
        root = tree.body or tree.root
        if root is None:
            return ""
        _mark_breaks(root)
        text = root.text()
        if "\n" in text:
            text = _CJK_BREAK.sub("", text)
        # str.split() collapses all whitespace (nbsp, ideographic space, \x1c-\x1f) in C.
        text = _resolve_markers(" ".join(text.split()))
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    if _CONTROLS.search(text):
        text = _CONTROLS.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _block_html(lines: list[str]) -> str:
    html: list[str] = []
    items: list[str] = []
    para: list[str] = []
    for line in [*lines, ""]:  # the empty line at the end flushes what is open
        if line.startswith("- "):
            if para:
                html.append("<p>" + "<br>".join(para) + "</p>")
                para = []
            items.append(f"<li>{escape(line[2:])}</li>")
            continue
        if items:
            html.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            para.append(escape(line))
    if para:
        html.append("<p>" + "<br>".join(para) + "</p>")
    return "".join(html)


def text_to_html(text: str) -> str:
    """HTML for clean text, the inverse of ``html_to_text``: blank-line separated blocks
    become paragraphs, runs of "- " lines become lists, other line breaks become <br>."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    return "".join(_block_html(block.split("\n")) for block in blocks)
