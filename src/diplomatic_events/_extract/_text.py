"""Sections and sentences: where each part of a news text starts and ends.

News text has a shape: a headline line, photo captions, a dateline ("PARIS -",
"MUSCAT, Oman (AP) -", "Tokyo, Jan. 6 (Jiji Press)--") opening the body, then body
paragraphs.  This module finds those parts and splits them into sentences with
character offsets into the original text, so every later stage can quote the source
exactly.  Every pattern here is a bounded or single-level repetition: linear time.
"""

from __future__ import annotations

import re
from typing import Final

import attr

from diplomatic_events._extract._temporal import MONTH_ABBREVIATIONS

__all__ = ["Sections", "Sentence", "split"]

#: Longest sentence we read as one; longer runs (no full stop for a megabyte) are cut
#: into pieces of this size so that no later stage sees unbounded input.
MAX_SENTENCE: Final = 1200

# "PARIS -", "BANGKOK -", "MUSCAT, Oman (AP) -", "Tokyo, Jan. 6 (Jiji Press)--", "Beijing -".
_DATELINE: Final = re.compile(
    r"(?P<place>[A-Z][A-Za-z'\u2019.]{1,24}(?: [A-Z][A-Za-z'\u2019.]{1,24}){0,2})"
    r"(?:, [A-Z][\w.]{0,14}(?: \d{1,2})?){0,2}"
    r"(?: ?\([^()\n]{1,30}\))?"
    r" ?(?:--|[\u2013\u2014-]) ?"
)
# Photo captions: credits, "(left)", "Photo:", "(Reuters)" and the like. Each branch
# opens with a literal character, so a search skips to those by table lookup rather
# than trying every offset ("P(?<!\wP)" is "\bP": no word character before the P).
_CAPTION: Final = re.compile(
    r"\((?:AP|AFP|Reuters|Kyodo|Xinhua|Courtesy photo|Photo|File photo|Getty Images)[^()\n]{0,60}\)"
    r"|\((?:left|right|centre|center)\)"
    r"|P(?<!\wP)(?:hoto|icture)s?: |C(?<!\wC)redits?: |I(?<!\wI)mages?: "
    r"|via Reuters|/Pool\b|, (?:left|right|centre|center),",
)
#: Every match of :data:`_CAPTION` starts with one of these (each branch opens with its
#: own), so a line without any is no caption.
_CAPTION_NEEDLES: Final = (
    "(",
    "Photo",
    "Picture",
    "Credit",
    "Image",
    "via Reuters",
    "/Pool",
    ", left,",
    ", right,",
    ", centre,",
    ", center,",
)
#: The needles of the branches that go on to ": " ("Photo: ", "Credits: "): in a text
#: without a colon no match starts where they do (no other branch opens with their
#: first letters).
_COLON_NEEDLES: Final = ("Photo", "Picture", "Credit", "Image")
#: The other needles.
_OTHER_NEEDLES: Final = tuple(
    needle for needle in _CAPTION_NEEDLES if needle not in _COLON_NEEDLES and needle != "/Pool"
)
# A sentence ends at . ! ? (and closing quotes or brackets) before space and an
# opening capital, digit or quote.
_END: Final = re.compile(r"[.!?][\"\u201d\u2019)\]]{0,3}(?=\s+[\"\u201c\u2018(]?[A-Z0-9])")
_ABBREV: Final = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Lt",
        "Col",
        "Capt",
        "Adm",
        "Maj",
        "Sgt",
        "Cmdr",
        "Rev",
        "St",
        "No",
        "Nos",
        *MONTH_ABBREVIATIONS,
        "Md",
        "Ft",
        "Vol",
        "vs",
        "etc",
        "Inc",
        "Co",
        "Corp",
        "Ltd",
        "Jr",
        "Sr",
        "Gov",
        "Sen",
        "Rep",
        "Pres",
        "Prof",
        "Mt",
        "Brig",
        "Lt.Col",
    ]
)
_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


# attr.s rather than attrs.define/frozen: mypyc compiles attr.s classes as native
# classes, with fast attribute access. Native classes keep none of the __eq__,
# __hash__ and __repr__ attrs writes, so records compare and hash by identity in both
# builds (eq=False); the extractor never compares two records by value. The __init__
# is written out (init=False) so that mypyc compiles it too: the one attrs writes is
# run by the interpreter, some thousands of instructions a record. Not frozen (a
# native class keeps no __setattr__ either, so it never was in the compiled build):
# the __init__ stores each field directly, where object.__setattr__ past a frozen
# class's guard is a call of its own per field. Records are never changed once made.
@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class Sentence:
    """A sentence of the text.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        section: ``headline``, ``caption`` or ``body``.
        paragraph: The index of its paragraph (line).
    """

    start: int
    end: int
    section: str
    paragraph: int

    def __init__(self, start: int, end: int, section: str, paragraph: int) -> None:
        """Make the record from its fields."""
        self.start = start
        self.end = end
        self.section = section
        self.paragraph = paragraph


@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class Sections:
    """The parts of an article.

    Attributes:
        sentences: Every sentence in text order.
        dateline: The dateline's place as written ("PARIS"), or None.
        dateline_span: Its offsets, or None.
    """

    sentences: tuple[Sentence, ...]
    dateline: str | None
    dateline_span: tuple[int, int] | None

    def __init__(
        self,
        sentences: tuple[Sentence, ...],
        dateline: str | None,
        dateline_span: tuple[int, int] | None,
    ) -> None:
        """Make the record from its fields (compiled, as :class:`Sentence`'s)."""
        self.sentences = sentences
        self.dateline = dateline
        self.dateline_span = dateline_span


def split(text: str) -> Sections:
    """Find the headline, captions, dateline and sentences of *text*."""
    # The runs between newlines (found with str.find) that are not all spaces, each
    # with its offsets; an empty run is no line, and "".isspace() is False, so it is
    # tested apart.
    lines: list[tuple[int, int, str]] = []
    pos = 0
    size = len(text)
    while pos < size:
        newline = text.find("\n", pos)
        if newline < 0:
            newline = size
        if newline > pos:
            run = text[pos:newline]
            if not run.isspace():
                lines.append((pos, newline, run))
        pos = newline + 1
    sentences: list[Sentence] = []
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    body_started = False
    needles = _needles(text)
    for index, (line_start, end, line) in enumerate(lines):
        start = line_start
        section = "body"
        if index == 0 and len(lines) > 1 and _looks_like_headline(line):
            section = "headline"
        elif _is_caption(line, needles) and not (
            not body_started and dateline is None and _has_dateline(line)
        ):
            section = "caption"  # but "WOODSIDE, Calif. (AP) -" opens the body
        elif not body_started and dateline is None:
            stripped = line.lstrip()
            match = _dateline(stripped)
            lead = len(line) - len(stripped)
            if match is not None and _is_dateline(match.group("place")):
                dateline = match.group("place").strip()
                dateline_span = (
                    start + lead + match.start("place"),
                    start + lead + match.end("place"),
                )
                start += lead + match.end()
                body_started = True
            elif (
                index + 1 < len(lines)
                and _single_sentence(line)
                and not _has_dateline(lines[index + 1][2])
                and index > 0
                and _is_present_tense_caption(line)
            ):
                section = "caption"
        if section == "body":
            body_started = True
        sentences.extend(_sentences(text, start, end, section, index))
    return Sections(tuple(sentences), dateline, dateline_span)


def _needles(text: str) -> tuple[str, ...]:
    """The needles of :data:`_CAPTION_NEEDLES` that *text* holds, or may hold.

    A needle absent from the text is absent from each of its lines, and so is a match
    of the pattern that starts with it. A text without a colon holds no match of the
    four needles before ": ": one look for a colon (a single character, found far
    faster than a longer needle) stands for their four scans of a text that has none,
    and one for "/" for the scan for "/Pool".
    """
    found = [needle for needle in _OTHER_NEEDLES if needle in text]
    if ":" in text:
        found += [needle for needle in _COLON_NEEDLES if needle in text]
    if "/" in text and "/Pool" in text:
        found.append("/Pool")
    return tuple(found)


def _looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) < 250 and not stripped.endswith((".", ".\u201d", '."'))


def _is_dateline(place: str) -> bool:
    # A dateline's place is in capitals ("PARIS") or a capitalised name of one to three
    # words; sentences that merely start with a dash-joined phrase are not datelines.
    return place.isupper() or len(place.split()) <= 3


def _dateline(line: str) -> re.Match[str] | None:
    """``_DATELINE.match(line)``: never a match in a line without a dash, which it ends with."""
    if "-" in line or "\u2013" in line or "\u2014" in line:
        return _DATELINE.match(line)
    return None


def _has_dateline(line: str) -> bool:
    match = _dateline(line.lstrip())
    # "PARIS -", or a credited dateline in title case: "Geneva (AFP) -".
    return match is not None and (match.group("place").isupper() or "(" in match.group())


def _single_sentence(line: str) -> bool:
    if len(line) >= 400:
        return False
    # A match of _END starts at a mark with more after it (the lookahead's space): the
    # pattern tried only there finds one exactly when a search of the line would.
    stripped = line.strip()
    last = len(stripped) - 1
    for mark in ".!?":
        k = stripped.find(mark, 0, last)
        while k >= 0:
            if _END.match(stripped, k) is not None:
                return False
            k = stripped.find(mark, k + 1, last)
    return True


_CAPTION_VERB: Final = re.compile(
    r"\b(?:welcomes|greets|arrives|arrive|speaks|poses|pose|shakes|shake|laughs|face|faces|"
    r"attends|talks with|walks|walk|listens|waves|inspects|reviews|smiles)\b"
)


#: Most places :func:`_is_caption` tries the pattern at before it searches the line.
_CAPTION_TRIES: Final = 8


def _is_caption(line: str, needles: tuple[str, ...] = _CAPTION_NEEDLES) -> bool:
    # A match starts where a needle does: trying the pattern only there finds one exactly
    # when a search of the line would, without trying it at every other "(" or capital
    # on the way. A line of many needles is searched whole (at most that many tries).
    tries = 0
    for needle in needles:
        k = line.find(needle)
        while k >= 0:
            if _CAPTION.match(line, k) is not None:
                return True
            tries += 1
            if tries == _CAPTION_TRIES:
                return _CAPTION.search(line) is not None
            k = line.find(needle, k + 1)
    return False


def _is_present_tense_caption(line: str) -> bool:
    # "X welcomes Y as he arrives for a meeting ..." just before a dateline paragraph.
    return _CAPTION_VERB.search(line) is not None


def _sentences(text: str, start: int, end: int, section: str, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    cursor = start
    # The matches of a scan with :data:`_END`, found by trying it only at each ". ! ?"
    # (found with str.find): a match starts with one of them and holds no other, so
    # the scan goes on from its end to the next of them, and tries each in turn.
    marks: list[int] = []
    for mark in ".!?":
        k = text.find(mark, start, end)
        while k >= 0:
            marks.append(k)
            k = text.find(mark, k + 1, end)
    marks.sort()
    for dot in marks:
        if dot + 1 == end:
            continue  # nothing after the mark: no space for the pattern's lookahead
        match = _END.match(text, dot, end)
        if match is None:
            continue
        stop = match.end()
        if _is_abbreviation(text, cursor, dot):
            continue
        out.extend(_cut(text, cursor, stop, section, paragraph))
        cursor = stop
    out.extend(_cut(text, cursor, end, section, paragraph))
    return out


def _is_abbreviation(text: str, cursor: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    before = text[max(cursor, dot - 12) : dot]
    token = _last_word(before)
    if token is None:
        return False
    return token in _ABBREV or len(token) == 1 or "." in token


def _last_word(before: str) -> str | None:
    r"""What ``re.search(r"(?:[A-Za-z]\.)*[A-Za-z]{1,5}$", before)`` matches, or None.

    The match ends in the ASCII letters that end *before*: up to five of them when
    there are more (a letter before the five cannot end an "X." pair), else all of them
    and, leftmost, every "X." pair before them.
    """
    size = len(before)
    start = len(before.rstrip(_LETTERS))
    if start == size:
        return None
    if size - start > 5:
        return before[size - 5 :]
    while start >= 2 and before[start - 1] == "." and before[start - 2] in _LETTERS:
        start -= 2
    return before[start:]


def _cut(text: str, start: int, end: int, section: str, paragraph: int) -> list[Sentence]:
    # Trim spaces, then cut overlong runs into bounded pieces at a space where possible.
    out: list[Sentence] = []
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        space = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        piece_end = space if space > start else limit
        out.append(Sentence(start, piece_end, section, paragraph))
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, section, paragraph))
    return out
