"""Short, safe reprs of arbitrary values, for error messages."""

from __future__ import annotations

import reprlib

__all__ = ["show"]


def show(value: object) -> str:
    """Return a short repr of *value* for an error message, whatever the value."""
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        # Hostile values: a list nested 100,000 deep, an int of more digits than
        # Python converts to text (sys.get_int_max_str_digits()).
        text = _short_repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _short_repr(value: object) -> str:
    if isinstance(value, int):
        return f"<an integer of {value.bit_length()} bits>"
    try:
        return reprlib.repr(value)  # depth-limited
    except (RecursionError, ValueError):
        return f"<{type(value).__name__}>"
