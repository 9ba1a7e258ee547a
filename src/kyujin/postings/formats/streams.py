"""Reading the start of a stream to decide how to read it, then reading it all."""

from __future__ import annotations

from typing import Protocol


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...
    def readline(self, size: int = -1, /) -> bytes: ...


class Replay:
    """A binary stream whose first bytes were already read: they are read again first."""

    def __init__(self, head: bytes, rest: Readable) -> None:
        self._head, self._rest = head, rest

    def read(self, size: int = -1, /) -> bytes:
        if not self._head:
            return self._rest.read(size)
        if 0 <= size < len(self._head):
            head, self._head = self._head[:size], self._head[size:]
            return head
        head, self._head = self._head, b""
        if size < 0:
            return head + self._rest.read()
        return head + self._rest.read(size - len(head)) if size > len(head) else head

    def readline(self, size: int = -1, /) -> bytes:
        if not self._head:
            return self._rest.readline(size)
        end = self._head.find(b"\n") + 1 or len(self._head) + 1
        if size >= 0:
            end = min(end, size)
        if end <= len(self._head):
            line, self._head = self._head[:end], self._head[end:]
            return line
        line, self._head = self._head, b""
        if line.endswith(b"\n"):
            return line
        return line + self._rest.readline(size - len(line) if size >= 0 else -1)


def peek(stream: Readable, size: int) -> tuple[bytes, Replay]:
    """Up to ``size`` first bytes, and a stream that reads them again."""
    head = b""
    while len(head) < size:
        chunk = stream.read(size - len(head))
        if not chunk:
            break
        head += chunk
    return head, Replay(head, stream)
