"""The words full-text search indexes and looks up, the same on SQLite and PostgreSQL.

Japanese is written without spaces, so a word index cannot find 決済 inside 決済基盤の開発.
Like Lucene's CJK analyzer, runs of kanji, hiragana and katakana are indexed as overlapping
bigrams (決済基盤 -> 決済 済基 基盤) and a query term becomes the phrase of its bigrams, which
finds the term anywhere in a run. Latin text is split into words of letters and digits, with
the symbols of technology names spelled out (C# -> csharp, C++ -> cpp), so both databases'
tokenizers see only letters and digits and agree on every token.

Everything is NFKC-normalised and case-folded first (ＰＨＰ = PHP = php, ｶﾀｶﾅ = カタカナ).
Latin words lose their diacritics (café = cafe) and the katakana middle dot separates
words (Python・Go), as SQLite's unicode61 tokenizer reads them: every path then holds the
same tokens.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

# Kanji (with the iteration mark 々 and 〆), hiragana, katakana with the prolonged sound mark;
# not the middle dot ・ (U+30FB), a separator ("Python・Go・Java").
_CJK = "\u3005\u3006\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[0-9a-z\u00c0-\u024f]+(?:\+\+|#)?")
_CJK_RUN = re.compile(rf"[{_CJK}]")
_FIRST_CJK = "\u3005"  # the lowest code point of _CJK; Latin tokens are all below it
# Between a document's words and the last characters of its CJK runs: a letter to every
# tokenizer (SQLite's unicode61, PostgreSQL's parser, whitespace), and not one _TOKEN reads,
# so no query asks for it and no phrase reaches across it.
_RUN_ENDS = "ω"
MAX_TOKENS_PER_TERM = 32  # a query term longer than this is cut (a pasted sentence)


def _plain(word: str) -> str:
    """A Latin word without its diacritics (café -> cafe, naïve -> naive)."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _spell(word: str) -> str:
    word = _plain(word)
    if word.endswith("++"):
        return word[:-2] + "pp"
    if word.endswith("#"):
        return word[:-1] + "sharp"
    return word


def _tokens(text: str) -> Iterable[tuple[str, bool]]:
    """(token, is a CJK run) in order."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    for match in _TOKEN.finditer(folded):
        word = match.group()
        if _CJK_RUN.match(word):
            yield word, True
        else:
            yield _spell(word), False


def _bigrams(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def document(*parts: str | None) -> str:
    """The index form of a posting's text: space-separated tokens.

    The same tokens as ``_tokens`` gives, built with C-level calls (findall, map over
    character pairs): a posting is indexed on every import, and this was a fifth of it.
    """
    out: list[str] = []
    extend, append = out.extend, out.append
    # The last character of each CJK run of two or more begins no bigram of it, so a lone
    # character asked for as a prefix (q=円) would miss it in 年収600万円; unless another
    # token begins with it, it is indexed on its own too, after every other token and a
    # separator no query holds (q=go円 must not find a posting whose text ends in "Go").
    ends: dict[str, None] = {}
    for part in parts:
        if not part:
            continue
        for word in _TOKEN.findall(unicodedata.normalize("NFKC", part).casefold()):
            if word[0] >= _FIRST_CJK:  # every CJK character sorts after every Latin one
                if len(word) == 1:
                    append(word)
                else:
                    extend(map(operator.add, word, word[1:]))
                    ends[word[-1]] = None
            elif word[-1] in "+#" or not word.isascii():
                append(_spell(word))
            else:
                append(word)
    if ends:
        # only those no token begins with already: a prefix query finds those anyway, and
        # each token more is an entry more in the GIN index on every import (half of them)
        begun = {token[0] for token in out}
        missing = [ch for ch in ends if ch not in begun]
        for ch in missing:  # each after a separator: no phrase reads two of them together
            append(_RUN_ENDS)
            append(ch)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Phrase:
    """Tokens that must appear next to each other, in order; ``prefix`` when the last one is
    a lone kanji or kana, which matches any bigram it starts."""

    tokens: tuple[str, ...]
    prefix: bool = False


def query(q: str) -> list[Phrase]:
    """The phrases a search string asks for, all of which must match (terms are ANDed)."""
    phrases: list[Phrase] = []
    for term in q.split():
        tokens: list[str] = []
        prefix = False
        for token, cjk in _tokens(term):
            if cjk:
                prefix = len(token) == 1
                tokens.extend(_bigrams(token))
            else:
                prefix = False
                tokens.append(token)
        if tokens:
            phrase = Phrase(tuple(tokens[:MAX_TOKENS_PER_TERM]), prefix)
            if phrase not in phrases:
                phrases.append(phrase)
    return phrases


def fts5_query(phrases: Iterable[Phrase]) -> str:
    """SQLite FTS5 MATCH syntax; tokens hold only letters and digits, so quoting is safe."""
    return " AND ".join('"' + " ".join(p.tokens) + '"' + ("*" if p.prefix else "") for p in phrases)


def tsquery_loose(phrases: Iterable[Phrase]) -> str:
    """Every token of every phrase, ANDed, without adjacency: a superset of ``tsquery``'s
    matches that a GIN index answers without re-reading each row's document."""
    words = []
    for p in phrases:
        tokens = list(p.tokens)
        if p.prefix:
            tokens[-1] += ":*"
        words.extend(tokens)
    return " & ".join(words)


def tsquery(phrases: Iterable[Phrase]) -> str:
    """PostgreSQL to_tsquery('simple', ...) syntax: <-> for adjacency, :* for a prefix."""
    parts = []
    for p in phrases:
        words = list(p.tokens)
        if p.prefix:
            words[-1] += ":*"
        parts.append("(" + " <-> ".join(words) + ")")
    return " & ".join(parts)
