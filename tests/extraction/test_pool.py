from kyujin.core.extract import extract
from kyujin.core.search_text import document
from kyujin.extraction.pool import ExtractorPool, analyse, analyse_one

ITEMS = [
    ("Go Engineer", "株式会社テスト", "【必須】Go言語での開発経験3年以上\n年収600万〜900万円"),
    ("Backend", None, "Python and PostgreSQL; fully remote. JLPT N2."),
    ("空", None, "特になし"),
]


def test_analyse_gives_facts_and_the_search_document() -> None:
    results = analyse(ITEMS)
    for (title, company, text), (facts, doc) in zip(ITEMS, results, strict=True):
        assert facts == extract(text, title=title)
        assert doc == document(title, company, text)
    assert [s.skill for s in results[0][0].skills] == ["Go"]


def test_a_pool_of_processes_gives_the_same_results_in_order() -> None:
    many = ITEMS * 20
    with ExtractorPool(2, analyse_one) as pool:
        assert pool.analyse(many) == analyse(many)


def test_prefetched_items_give_the_same_results_as_extracting_them_then() -> None:
    many = [(f"{title} {n}", company, text) for n in range(12) for title, company, text in ITEMS]
    with ExtractorPool(2, analyse_one) as pool:
        pool.prefetch(many[:20])
        pool.prefetch(many[20:30])
        # Prefetched, not prefetched, and in another order than prefetched.
        asked = many[25:36] + many[:10][::-1]
        assert pool.analyse(asked) == analyse(asked)
        # Asked again: taken once, so extracted again, with the same results.
        assert pool.analyse(many[:3]) == analyse(many[:3])


def test_prefetched_items_never_asked_for_are_dropped() -> None:
    with ExtractorPool(2, analyse_one) as pool:
        for n in range(4):
            pool.prefetch([(f"t{n}", None, f"Go and Rust {n}")])
        held = sum(len(ahead) for ahead in pool._ahead)
    assert held == 2  # the last two prefetches only
