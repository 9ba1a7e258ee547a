"""Extraction of many postings across processes, for bulk imports.

Extraction is pure Python and holds the GIL, so threads do not help; processes do. Each
process builds the extractor once (about 0.4 s) and then reads postings sent in chunks.
The import's own process keeps the database work.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from kyujin.core import search_text
from kyujin.core.extract import default_extractor
from kyujin.core.model import PostingFacts

# (title, company, description) -> (facts, search document)
Item = tuple[str, str | None, str]
Analysed = tuple[PostingFacts, str]
Analyse = Callable[[Sequence[Item]], list[Analysed]]
# Postings per message to a process: large enough that pickling overhead is small, small
# enough that a batch of 500 spreads over the processes.
CHUNK = 25


def analyse_one(item: Item) -> Analysed:
    title, company, description = item
    facts = default_extractor().extract(description, title=title)
    return facts, search_text.document(title, company, description)


def analyse(items: Sequence[Item]) -> list[Analysed]:
    """In this process."""
    return [analyse_one(item) for item in items]


def _warm() -> None:
    default_extractor()


class ExtractorPool:
    """``processes`` extraction processes; ``analyse`` is a drop-in for the function above.

    Processes are started with forkserver, not fork: the importing process may hold threads
    (queue workers, connection pools) that a fork would copy in an unknown state.
    """

    def __init__(self, processes: int) -> None:
        context = multiprocessing.get_context("forkserver")
        self._executor = ProcessPoolExecutor(
            max_workers=processes, mp_context=context, initializer=_warm
        )

    def analyse(self, items: Sequence[Item]) -> list[Analysed]:
        return list(self._executor.map(analyse_one, items, chunksize=CHUNK))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
