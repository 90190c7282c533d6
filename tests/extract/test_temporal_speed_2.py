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


#: Datelines and their pieces.
_DATELINE_PIECES = st.sampled_from(
    [
        "PARIS",
        "Tokyo",
        ", Jan. 6",
        ", Oman",
        " (AP)",
        " (Jiji Press)",
        " ",
        "-",
        "--",
        "\u2013",
        "\u2014",
        "x",
        "A",
    ]
)


@given(st.one_of(st.lists(_DATELINE_PIECES, max_size=8).map("".join), st.text(max_size=30)))
def test_dateline_is_the_patterns_match(line: str) -> None:
    """The dash-gated dateline match is the pattern's match."""
    found, plain = _text._dateline(line), _text._DATELINE.match(line)
    assert (found and found.span()) == (plain and plain.span())


@given(
    st.one_of(
        st.lists(
            st.sampled_from(["A.", ". ", "x", " ", "!", "?\u201d", "B", "\t"]), max_size=10
        ).map("".join),
        st.text(max_size=30),
    )
)
def test_single_sentence_is_the_patterns_search(line: str) -> None:
    """A line is one sentence when a search of it finds no end."""
    assert _text._single_sentence(line) == (
        _text._END.search(line.strip()) is None and len(line) < 400
    )
