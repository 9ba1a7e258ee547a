"""kyujin: job-market intelligence and matching for backend engineers in Japan."""

__version__ = "0.1.0"
