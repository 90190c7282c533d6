"""The errors diplomatic-events raises.

Every error shares the root :class:`DiplomaticEventsError` and also subclasses the
built-in it resembles, so ``except ValueError`` keeps working for callers that do
not know this library.
The error type says whose fault it is: bad input (:class:`ValidationError`,
:class:`DecodeError`, :class:`SchemaVersionError`) or a broken rule set shipped
with or added to the extractor (:class:`InvalidRulesError`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DecodeError",
    "DiplomaticEventsError",
    "InvalidRulesError",
    "Problem",
    "SchemaVersionError",
    "ValidationError",
]


class DiplomaticEventsError(Exception):
    """The root of every error this library raises on purpose."""


@attrs.frozen
class Problem:
    """One reason a value is invalid, and where it is.

    Attributes:
        path: A JSONPath-like location, ``$`` for the value itself,
            ``$.meetings[0].participants[1].country`` for a nested field.
        reason: What was expected and what was found.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        """Render as ``path: reason``."""
        return f"{self.path}: {self.reason}"

    def under(self, prefix: str) -> Problem:
        """Return this problem re-rooted below *prefix* (a path starting with ``$``)."""
        return Problem(prefix + self.path[1:], self.reason)


class ValidationError(DiplomaticEventsError, ValueError):
    """A value does not satisfy a model's rules.

    Lists every problem found, each with the path to the field and the reason.

    Attributes:
        problems: The problems, in the order they were found.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        """Create the error from one or more problems."""
        self.problems = tuple(problems)
        super().__init__(self._message())

    @classmethod
    def single(cls, path: str, reason: str) -> ValidationError:
        """Create an error holding one problem."""
        return cls((Problem(path, reason),))

    def _message(self) -> str:
        n = len(self.problems)
        head = "1 validation problem" if n == 1 else f"{n} validation problems"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        """Pickle by problems, so errors cross process boundaries intact."""
        return (type(self), (self.problems,))


class DecodeError(DiplomaticEventsError, ValueError):
    """A document is not well-formed JSON of the expected shape.

    Attributes:
        reason: What is wrong and, where known, where (line and column, or byte offset).
    """

    def __init__(self, reason: str) -> None:
        """Create the error from its reason."""
        self.reason = reason
        super().__init__(reason)

    def __reduce__(self) -> tuple[type[DecodeError], tuple[str]]:
        """Pickle by reason."""
        return (type(self), (self.reason,))


class SchemaVersionError(ValidationError):
    """A document's ``schema_version`` is newer than this library understands.

    Attributes:
        found: The version in the document.
        supported: The newest version this library reads.
    """

    def __init__(self, found: int, supported: int) -> None:
        """Create the error from the version found and the newest one supported."""
        self.found = found
        self.supported = supported
        super().__init__(
            (
                Problem(
                    "$.schema_version",
                    f"version {found} is newer than this library supports ({supported}); "
                    "upgrade diplomatic-events to read it",
                ),
            )
        )

    def __reduce__(self) -> tuple[type[SchemaVersionError], tuple[int, int]]:  # type: ignore[override]
        """Pickle by versions."""
        return (type(self), (self.found, self.supported))


class InvalidRulesError(DiplomaticEventsError, ValueError):
    """A rule or vocabulary table of the extractor is malformed.

    This is a fault of the rule set (shipped or user-supplied), not of the text
    being extracted.

    Attributes:
        table: The table's name or file.
        reason: What is wrong with it.
    """

    def __init__(self, table: str, reason: str) -> None:
        """Create the error from the table and the reason."""
        self.table = table
        self.reason = reason
        super().__init__(f"rule table {table!r}: {reason}")

    def __reduce__(self) -> tuple[type[InvalidRulesError], tuple[str, str]]:
        """Pickle by table and reason."""
        return (type(self), (self.table, self.reason))
