"""Benchmarks, run from the repo root (``make bench``).

- ``python -m bench.extract_speed``: full extraction speed beside a spaCy PhraseMatcher baseline.
"""
