"""Errors kg reports to its users."""

from __future__ import annotations


class KgError(Exception):
    """Any error kg reports to a user as ``error: <message>`` with a non-zero exit."""


class InputError(KgError):
    """Bad input at a place in a file: reads ``path:line: what was expected``
    (``path: ...`` when the file could not be read at all)."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line  # None for a file that could not be read at all
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class ValidationError(KgError):
    """A graph that does not conform to the SHACL shapes."""

    def __init__(self, report: str, count: int) -> None:
        self.report = report
        self.count = count
        super().__init__(f"the graph has {count} SHACL violation(s):\n{report}")
