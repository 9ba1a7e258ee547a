"""Extraction-quality evaluations, run from the repo root (``make eval``).

- ``python -m evaluation.skillspan``: SkillSpan tech postings (MIT), skill spans.
- ``python -m evaluation.japan_facts``: the Japan-facts fixtures, facts and skills.
"""
