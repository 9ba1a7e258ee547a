"""Extraction of many postings across processes, for bulk imports.

Extraction is pure Python and holds the GIL, so threads do not help; processes do. Each
process builds the extractor once (about 0.4 s) and then reads postings sent in chunks.
The import's own process keeps the database work.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from kyujin.core import search_text
from kyujin.core.extract import default_extractor
from kyujin.core.model import PostingFacts

# (title, company, description) -> (facts, search document)
Item = tuple[str, str | None, str]
Analysed = tuple[PostingFacts, str]
Analyse = Callable[[Sequence[Item]], list[Analysed]]
# What a pool's processes are given (``Item``, or a caller's own hashable item) and what
# they make of it: ``analyse_one``'s result, or a caller's function that goes on from there
# (an import builds the rows it will write, so that its own process, which waits on the
# database, has less to do).
Key = TypeVar("Key", bound=Hashable)
Result = TypeVar("Result")
# Starts extracting items a later ``analyse`` call will ask for.
Prefetch = Callable[[Sequence[Any]], None]
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


def _each(work: Callable[[Key], Result], items: Sequence[Key]) -> list[Result]:
    return [work(item) for item in items]


class ExtractorPool(Generic[Key, Result]):
    """``processes`` extraction processes that run ``work`` (a module-level function, sent
    by name) on each item; with ``analyse_one``, ``analyse`` is a drop-in for the function
    above.

    ``prefetch`` starts extracting the items of a coming batch and returns at once, so that
    the processes extract it while the caller writes the batch before; ``analyse`` then
    takes those results instead of extracting again. Results not asked for are dropped
    after two more prefetches, so a long import holds at most three batches of them.

    Processes are started with forkserver, not fork: the importing process may hold threads
    (queue workers, connection pools) that a fork would copy in an unknown state.
    """

    def __init__(self, processes: int, work: Callable[[Key], Result]) -> None:
        context = multiprocessing.get_context("forkserver")
        self._executor = ProcessPoolExecutor(
            max_workers=processes, mp_context=context, initializer=_warm
        )
        self._work = work
        # item -> (the future of its chunk, its place in the chunk); newest prefetch first.
        self._ahead: list[dict[Key, tuple[Future[list[Result]], int]]] = [{}, {}]

    def prefetch(self, items: Sequence[Key]) -> None:
        started: dict[Key, tuple[Future[list[Result]], int]] = {}
        for first in range(0, len(items), CHUNK):
            chunk = list(items[first : first + CHUNK])
            future = self._executor.submit(_each, self._work, chunk)
            for place, item in enumerate(chunk):
                started[item] = (future, place)
        self._ahead = [started, self._ahead[0]]

    def analyse(self, items: Sequence[Key]) -> list[Result]:
        found: list[tuple[Future[list[Result]], int] | None] = []
        for item in items:
            entry = None
            for ahead in self._ahead:
                entry = ahead.pop(item, None)
                if entry is not None:
                    break
            found.append(entry)
        missing = [item for item, entry in zip(items, found, strict=True) if entry is None]
        computed = iter(self._executor.map(self._work, missing, chunksize=CHUNK))
        return [next(computed) if entry is None else entry[0].result()[entry[1]] for entry in found]

    def close(self) -> None:
        self._ahead = [{}, {}]
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ExtractorPool[Key, Result]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
