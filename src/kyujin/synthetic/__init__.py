"""Synthetic job postings for benchmarks and demos: ``generate(count, seed)``.

Pure Python (no web, database or queue import). The postings are drawn from the market the
seed notes describe (market.py: languages by company size, industry and foreign
affiliation; salary by experience band, language and company), written in the formats the
extractor reads (phrasing.py), and carry the planted facts under ``truth`` so extraction
can be checked against them. ``kyujin generate --count N --seed S`` writes them as JSON
Lines.
"""

from kyujin.synthetic.generator import SOURCE, generate, lines

__all__ = ["SOURCE", "generate", "lines"]
