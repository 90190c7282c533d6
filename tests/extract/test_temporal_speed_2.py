"""Tests holding the sentence splitter's shortcuts to the code they replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _text

#: The caption needles, their pieces and the characters the shortcuts look for.
_PIECES = st.sampled_from(
    [
        "Photo",
        "Photos: ",
        "Picture",
        "Credit",
        "Credits: ",
        "Image: ",
        ":",
        ": ",
        "(AP)",
        "(left)",
        "(",
        "via Reuters",
        "/Pool",
        "/",
        ", left,",
        ", center,",
        ", ",
        "Kim",
        "x",
        " ",
        "\n",
    ]
)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_text_needles_keep_every_caption(text: str) -> None:
    """Each line of a text is a caption by the text's needles as by a search of the line."""
    needles = _text._needles(text)
    for line in text.split("\n"):
        assert _text._is_caption(line, needles) == (_text._CAPTION.search(line) is not None)


@given(st.text(max_size=40))
def test_text_needles_on_any_text(text: str) -> None:
    """So on any text."""
    needles = _text._needles(text)
    for line in text.split("\n"):
        assert _text._is_caption(line, needles) == (_text._CAPTION.search(line) is not None)
