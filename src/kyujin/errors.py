"""Errors that services raise; api/errors.py maps each to an HTTP status."""

from __future__ import annotations


class KyujinError(Exception):
    """Base for errors a caller can act on; the message is shown to the caller."""


class NotFound(KyujinError):
    pass


class Conflict(KyujinError):
    pass


class InvalidInput(KyujinError):
    pass


class NotAcceptable(KyujinError):
    """None of the representations of a resource is one the request's Accept header allows."""
