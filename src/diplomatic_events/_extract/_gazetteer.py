"""The extractor's knowledge: data tables under ``diplomatic_events/rules/``, checked and compiled.

Tables are JSON files shipped as package data.
:func:`load` reads them once (on the first call of ``extract``), checks their shape and
every country code, and compiles them into dictionaries and regular expressions.
A malformed table raises :class:`~diplomatic_events.exceptions.InvalidRulesError`
naming the table and what is wrong, so a broken rule set is never mistaken for bad input.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
import sys
from typing import TYPE_CHECKING, Any, Final

import attr

from diplomatic_events.exceptions import InvalidRulesError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = [
    "Entry",
    "Gazetteer",
    "Phrases",
    "load",
    "normalize",
    "phrase_list",
    "phrase_regex",
    "tokens",
    "words",
]

#: One token: an abbreviation with inner dots ("U.S.", "D.C."), a word (letters and
#: digits with inner apostrophes), or any other single non-space character.
#: Each branch is a plain sequence with no nested repetition, so matching is linear.
TOKEN: Final = re.compile(r"(?:[A-Z]\.){2,}|[^\W_](?:[\w'\u2019]*[^\W_])?|\S")
_SPACE: Final = re.compile(r"\s+")

#: Kinds of entry, from the highest priority to the lowest: when a phrase appears in
#: two tables, the earlier kind wins ("Singapore" is a country before it is a capital).
KINDS: Final = (
    "not_party",
    "exercise",
    "sea",
    "region",
    "acronym",
    "force",
    "org",
    "country",
    "territory",
    "seat",
    "demonym",
    "title",
    "honorific",
)


# attr.s rather than attrs.define/frozen: mypyc compiles attr.s classes as native
# classes, with fast attribute access. Native classes keep none of the __eq__,
# __hash__ and __repr__ attrs writes, so records compare and hash by identity in both
# builds (eq=False); the extractor never compares two records by value.
@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Entry:
    """What a phrase of the gazetteer names.

    Attributes:
        kind: One of :data:`KINDS`.
        code: The ISO alpha-3 code of the state concerned, or None.
        canonical: The canonical name (an organization's name, a title as written,
            an exercise's name, an acronym's full name).
        extra: A second value where the table has one (an acronym's agreement kind).
    """

    kind: str
    code: str | None
    canonical: str
    extra: str | None = None


def normalize(text: str) -> str:
    """Collapse whitespace and curly apostrophes so a phrase has one lookup key."""
    if (
        text.isascii()
        and text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        # Printable ASCII holds no whitespace but " " and no curly apostrophe: with no
        # " " doubled, leading or trailing it is its own key, found without the regex.
        return text
    return _SPACE.sub(" ", text.replace("\u2019", "'")).strip()


def tokens(text: str) -> list[str]:
    """Split a phrase into the tokens :data:`TOKEN` finds."""
    return TOKEN.findall(text)


def phrase_regex(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """Compile literal phrases into one alternation bounded by non-word characters.

    Longer phrases come first so the longest one wins; every branch is a literal, so
    the pattern runs in time linear in the text.
    """
    alts = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(_source(alts, bounded=True), flags)


def _source(alts: list[str], *, bounded: bool) -> str:
    """The source of a phrase list's pattern of *alts* (distinct, longest first).

    Bounded lists as :func:`phrase_regex` writes them; unbounded ones (clause cuts,
    which carry their own spaces and commas) as plain literals.
    """
    if not bounded:
        return "|".join(re.escape(c) for c in alts) or "(?!)"
    body = "|".join(re.escape(p).replace("'", "['\u2019]") for p in alts) or "(?!)"
    return rf"(?<![\w-]){'(?:' + body + ')'}(?![\w])"


#: A maximal run of letters: the unit a phrase's keyword is looked up by.
_LETTERS: Final = re.compile(r"[^\W\d_]+")
#: Letters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not
#: map to it (dotted and dotless i, long s).
_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
#: The ASCII bytes, deleted by ``bytes.translate`` to leave those of other characters.
_ASCII_BYTES: Final = bytes(range(0x80))
#: The length from which :func:`fold_lower` lowers mostly ASCII text by its bytes.
_BULK_LOWER: Final = 512
_WORDS_CACHE: Final[dict[str, frozenset[str]]] = {}
_WORDS_CACHE_SIZE: Final = 512


def fold_lower(text: str) -> str:
    """Lower-case *text* as ``re.IGNORECASE`` compares it, keeping its length.

    ``str.lower`` alone leaves three letters that the flag matches to ASCII ones
    (dotted and dotless i, long s), and U+0130 is the one letter whose lower case is
    two characters long; they are folded first. So ``in`` and lower-case patterns
    find, at the same offsets, what a case-insensitive pattern finds in the original.
    """
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        return text.translate(_FOLD).lower()
    if len(text) < _BULK_LOWER:
        return text.lower()
    # str.lower maps a text holding other characters char by char. When those are their
    # own lower case (curly quotes, dashes: the lower case of the few they are, read as a
    # text, is that text), only the ASCII letters change, which bytes.lower maps in bulk
    # (the cheaper way past a few hundred characters). A capital sigma, whose lower case
    # depends on its neighbours, is never its own.
    raw = text.encode("utf-8", "surrogatepass")
    others = raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if others.lower() != others:
        return text.lower()
    return raw.lower().decode("utf-8", "surrogatepass")


#: For the UTF-8 bytes of a text: each ASCII letter to its lower case, every other ASCII
#: byte to a space, and the bytes of other characters (all above 0x7f) unchanged.
_ASCII_LETTERS: Final = bytes(
    b if b >= 0x80 else (ord(chr(b).lower()) if chr(b).isalpha() else 0x20) for b in range(256)
)


#: ``_ASCII_LETTERS`` but for the bytes of other characters, which become spaces too.
_ASCII_ONLY: Final = bytes(b if b < 0x80 else 0x20 for b in _ASCII_LETTERS)


def _letter_runs(text: str) -> list[str]:
    """``_LETTERS.findall(fold_lower(text))``, found by splitting instead of regex search.

    The ASCII characters that are not letters become spaces (at the same places: they
    are one byte each in UTF-8), and ``split`` cuts at them and at other whitespace,
    which is never a letter either. So each letter run lies within one piece; a piece
    of ASCII letters is one run, and the runs of a piece with other characters are
    found in it by the pattern as in the whole (it looks at nothing around a run).

    Only those other pieces are folded, each on its own: folding maps each character
    by itself (to one character, never to an ASCII non-letter or a space), but for a
    capital sigma, whose final form depends on letters around it, so a text holding one
    is folded whole first.

    A text whose other characters are none of them letters (curly quotes, dashes) has
    only runs of ASCII letters, cut by those characters as by ASCII non-letters: they
    all become spaces, and no piece needs the pattern (nor folding, which maps no
    non-letter to a letter: the three letters it folds are letters already).
    """
    if text.isascii():  # fold_lower is str.lower here, which the table does
        return text.encode().translate(_ASCII_LETTERS).decode().split()
    raw = text.encode("utf-8", "surrogatepass")
    if _LETTERS.search(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")) is None:
        return raw.translate(_ASCII_ONLY).decode().split()
    whole = "\u03a3" in text
    if whole:
        raw = fold_lower(text).encode("utf-8", "surrogatepass")
    pieces = raw.translate(_ASCII_LETTERS)
    out: list[str] = []
    for piece in pieces.decode("utf-8", "surrogatepass").split():
        if piece.isascii():
            out.append(piece)
        else:
            out += _LETTERS.findall(piece if whole else fold_lower(piece))
    return out


def words(text: str) -> frozenset[str]:
    """Return the lower-cased letter runs of *text* (cached for the texts seen last)."""
    found = _WORDS_CACHE.get(text)
    if found is None:
        found = frozenset(_letter_runs(text))
        if len(_WORDS_CACHE) >= _WORDS_CACHE_SIZE:
            _WORDS_CACHE.clear()
        _WORDS_CACHE[text] = found
    return found


#: The words of the ranges searched last, each with those that are keywords of a phrase
#: list (kept in step: a list with new keywords clears it), by (string, start, end).
_RANGES: Final[dict[tuple[str, int, int], tuple[frozenset[str], frozenset[str]]]] = {}
#: Every phrase list's keywords.
_KEYWORDS: Final[list[frozenset[str]]] = [frozenset()]


class _LastRange:
    """The range asked for last and its entry of ``_RANGES``.

    Most questions ask about the range of the one before (a clause, list after
    list): they are answered by comparing three fields, without making, hashing and
    looking up a key. Emptied whenever ``_RANGES`` is.

    It also keeps the text an indexed search lower-cased last (``folded``, the
    :func:`_lowered` copy of ``folded_of``): searches are of one article's text.
    """

    __slots__ = ("endpos", "folded", "folded_of", "found", "pos", "string")

    def __init__(self) -> None:
        self.string: str | None = None
        self.pos = 0
        self.endpos = 0
        self.found: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
        self.folded_of: str | None = None
        self.folded = ""

    def forget(self) -> None:
        """Let no range match (and keep no text alive)."""
        self.string = None
        self.folded_of = None
        self.folded = ""


_LAST_RANGE: Final = _LastRange()


def clear_caches() -> None:
    """Forget the words and lower-cased copies of the texts searched so far.

    :func:`~diplomatic_events._extract.extract` calls it before and after each
    article, so no article's lookups are served from another's (a benchmark that reads
    the same text again measures a first reading) and no text outlives its call.
    """
    _WORDS_CACHE.clear()
    _RANGES.clear()
    _LAST_RANGE.forget()
    _LOWER_CACHE.clear()
    _ASCII_LOWER_CACHE.clear()


def _range_words(string: str, pos: int, endpos: int) -> tuple[frozenset[str], frozenset[str]]:
    """The :func:`words` of ``string[pos:endpos]``, and the phrase lists' keywords among them.

    Offsets are not negative. Cached, so asking again (one clause for each of many
    phrase lists) neither copies nor hashes the range, and each list looks its own
    keywords up among the few that are there.
    """
    last = _LAST_RANGE
    if string is last.string and pos == last.pos and endpos == last.endpos:
        return last.found
    key = (string, pos, endpos)
    found = _RANGES.get(key)
    if found is None:
        present = words(string if pos == 0 and endpos >= len(string) else string[pos:endpos])
        if len(_RANGES) >= _WORDS_CACHE_SIZE:
            _RANGES.clear()  # (the last range's entry stays right: no keyword changed)
        found = _RANGES[key] = (present, present & _KEYWORDS[0])
    last.string = string
    last.pos = pos
    last.endpos = endpos
    last.found = found
    return found


def _whole_runs(low: str, *, bounded: bool) -> list[re.Match[str]]:
    """The letter runs of the lower-cased phrase *low* that every match shows whole.

    A run counts when letters cannot extend it in the text: it is delimited inside the
    phrase by a non-letter, or sits at an edge the pattern bounds (``bounded``).
    """
    return [
        run
        for run in _LETTERS.finditer(low)
        if (bounded or run.start() > 0) and (bounded or run.end() < len(low))
    ]


def _keyword(phrase: str, *, bounded: bool) -> str | None:
    """The longest (first of the longest) ASCII run :func:`_whole_runs` finds, if any."""
    best: str | None = None
    for run in _whole_runs(phrase.lower(), bounded=bounded):
        word = run.group()
        if word.isascii() and (best is None or len(word) > len(best)):
            best = word
    return best


_LOWER_CACHE: Final[dict[str, str]] = {}


def phrase_keyword(phrase: str) -> str | None:
    """The keyword of a whole-word phrase (bounded at both ends): see :func:`_keyword`."""
    return _keyword(phrase, bounded=True)


def _lowered(text: str) -> str:
    found = _LOWER_CACHE.get(text)
    if found is None:
        found = fold_lower(text)
        if len(_LOWER_CACHE) >= _WORDS_CACHE_SIZE:
            _LOWER_CACHE.clear()
        _LOWER_CACHE[text] = found
    return found


#: The lower-cased texts searched last, encoded to ASCII (see _ascii_lowered).
_ASCII_LOWER_CACHE: Final[dict[str, bytes]] = {}


def _ascii_lowered(text: str) -> bytes:
    """``_lowered(text)`` in ASCII, one ``?`` for each other character (cached).

    One byte for each character, at the same offsets: the date scan and the rules'
    substring tests read their copies from it, made once per article.
    """
    found = _ASCII_LOWER_CACHE.get(text)
    if found is None:
        found = _lowered(text).encode("ascii", "replace")
        if len(_ASCII_LOWER_CACHE) >= _WORDS_CACHE_SIZE:
            _ASCII_LOWER_CACHE.clear()
        _ASCII_LOWER_CACHE[text] = found
    return found


def _trie(items: Iterable[str]) -> str:
    """A pattern matching exactly *items* (lower-case literals), prefixes shared.

    At each node the branches start with different characters, and a phrase that is
    a prefix of another makes the rest optional (greedy), so the longest phrase that
    fits is tried first, as in a longest-first alternation.
    """
    children: dict[str, list[str]] = {}
    terminal = False
    for item in items:
        if item:
            children.setdefault(item[0], []).append(item[1:])
        else:
            terminal = True
    if not children:
        return ""
    alts = [
        ("['\u2019]" if ch == "'" else re.escape(ch)) + _trie(rests)
        for ch, rests in sorted(children.items())
    ]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if terminal:
        return f"(?:{body})?"
    return body


def _fast_pattern(alts: list[str], *, bounded: bool) -> re.Pattern[str] | None:
    """The phrase list as a case-sensitive trie over :func:`fold_lower`-ed text.

    It matches at the same offsets as the case-insensitive alternation over the
    original text, about three times as fast. None when a phrase is not ASCII (the
    equivalence is only argued for ASCII), apart from a curly apostrophe whose
    straight twin is listed too (the straight one matches both).
    """
    lowered = {p.lower() for p in alts}
    items: set[str] = set()
    for phrase in lowered:
        straight = phrase.replace("\u2019", "'")
        if not straight.isascii() or (straight != phrase and straight not in lowered):
            return None
        items.add(straight)
    if not items or (not bounded and any("'" in item for item in items)):
        return None  # an unbounded list matches its apostrophes literally
    if not bounded:
        return re.compile(_trie(items))
    by_first: dict[str, list[str]] = {}
    for item in items:
        by_first.setdefault(item[0], []).append(item[1:])
    # The first character is a literal (so the engine can skip to it), then the
    # left bound is checked behind it: two characters back, neither a word character
    # nor a hyphen before the phrase.
    body = "|".join(
        ("['\u2019]" if ch == "'" else re.escape(ch)) + r"(?<![\w-].)" + _trie(rests)
        for ch, rests in sorted(by_first.items())
    )
    return re.compile(rf"(?:{body})(?![\w])")


#: A phrase list's index: each keyword, to where it starts in each phrase it is the
#: keyword of and the other words of that phrase shown whole (None for none: no set
#: comparison to make).
Index = dict[str, tuple[tuple[int, frozenset[str] | None], ...]]


def _index_and_groups(
    alts: Iterable[str], *, bounded: bool
) -> tuple[Index, dict[tuple[str, int], list[str]]] | None:
    """Index phrases by keyword (see :class:`Phrases`), and group them by keyword and offset.

    The phrases of each (keyword, offset) pair keep their order in *alts*. None when a
    phrase is not ASCII (apart from curly apostrophes: the equivalence of lower case
    and ``re.IGNORECASE`` is only argued for ASCII) or has no keyword.
    """
    index: dict[str, set[tuple[int, frozenset[str]]]] = {}
    groups: dict[tuple[str, int], list[str]] = {}
    for phrase in alts:
        low = phrase.lower().replace("\u2019", "'")
        runs = _whole_runs(low, bounded=bounded)
        if not low.isascii() or not runs:
            return None
        key = max(runs, key=lambda run: len(run.group()))  # the first longest: the keyword
        others = frozenset(run.group() for run in runs) - {key.group()}
        index.setdefault(key.group(), set()).add((key.start(), others))
        groups.setdefault((key.group(), key.start()), []).append(phrase)
    # An entry is left out when another at the same offset needs only some of its words.
    return {
        key: tuple(
            (offset, others or None)
            for offset, others in sorted(
                (
                    (offset, others)
                    for offset, others in entries
                    if not any(o == offset and less < others for o, less in entries)
                ),
                key=lambda entry: (entry[0], sorted(entry[1])),
            )
        )
        for key, entries in index.items()
    }, groups


class Phrases:
    """A compiled phrase list: a keyword gate, an index or a fast scan, the exact pattern.

    Each phrase has a keyword: its longest run of letters that any match of the phrase
    shows as a whole run of letters of the searched text (lower-cased as
    :func:`fold_lower` writes it, the set :func:`words` gives; shared by every list).

    A list whose phrases are ASCII has an index (``index``): each keyword, to where it
    starts in the phrases it is the keyword of, and their other words shown whole. A
    match of a phrase shows all those words in the searched range, and its keyword at
    that distance from its start in the range's lower-cased copy, which has the same
    offsets. So the pattern is tried only there, for the phrases whose words are all in
    the range: leftmost first, and each past the last match, as ``finditer`` steps.

    A list without an index looks its keywords up in the range's words first (``keys``)
    and stops when none is there; then a case-sensitive trie of the phrases scans the
    lower-cased text (``fast``) and the pattern matches at each place it finds. Either
    way callers get the very matches the original pattern gives (the same spans of the
    same string, searched over the same range).

    When the index finds every place by one keyword at one offset, they are matched
    with the alternation of just the phrases with that keyword at that offset
    (``groups``), in the pattern's order: any phrase matching at a place has its
    keyword there (and its other words in the range), so the first of them to match is
    the pattern's match, found without trying every other phrase.
    """

    __slots__ = ("_parts", "fast", "groups", "index", "keys", "pattern", "words")

    def __init__(
        self,
        pattern: re.Pattern[str],
        keys: frozenset[str] | None,
        fast: re.Pattern[str] | None = None,
        index: Index | None = None,
        groups: dict[tuple[str, int], str] | None = None,
    ) -> None:
        """Wrap *pattern*; ``keys`` None means no gate, ``fast`` None no fast scan.

        ``index`` None means no index (see above); ``groups`` (for some (keyword,
        offset) pairs of the index, the case-insensitive pattern source of their
        phrases) None means none.
        """
        self.pattern = pattern
        self.keys = keys
        self.fast = fast
        self.index = index
        self.groups = groups or {}
        #: The groups' patterns, compiled when first used.
        self._parts: dict[tuple[str, int], re.Pattern[str]] = {}
        #: The index's keywords.
        self.words = frozenset(index or ())
        if not self.words <= _KEYWORDS[0]:
            _KEYWORDS[0] |= self.words
            _RANGES.clear()  # the new keywords were not looked for
            _LAST_RANGE.forget()

    def possible(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``string[pos:endpos]`` holds a keyword (so a match is possible)."""
        if self.keys is None:
            return True
        part = string if pos <= 0 and endpos >= len(string) else string[pos:endpos]
        return not self.keys.isdisjoint(words(part))

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like :meth:`re.Pattern.search`."""
        if self.index is not None:
            found = self._indexed(string, pos, endpos, first=True)
            return found[0] if found else None
        if not self.possible(string, pos, endpos):
            return None
        if self.fast is None:
            return self.pattern.search(string, pos, endpos)
        hit = self.fast.search(_lowered(string), pos, endpos)
        return None if hit is None else self.pattern.match(string, hit.start(), endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Like :meth:`re.Pattern.finditer`."""
        if self.index is not None:
            return iter(self._indexed(string, pos, endpos, first=False))
        if not self.possible(string, pos, endpos):
            return iter(())
        if self.fast is None:
            return self.pattern.finditer(string, pos, endpos)
        return self._finditer(string, pos, endpos)

    def scan(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Like :meth:`finditer` without the keyword gate or the index: the same matches.

        For one pass over a whole long text, where building the text's word set
        costs more than the fast scan it would spare.
        """
        if self.fast is None:
            return self.pattern.finditer(string, pos, endpos)
        return self._finditer(string, pos, endpos)

    def _finditer(self, string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        match = self.pattern.match
        for hit in self.fast.finditer(_lowered(string), pos, endpos) if self.fast else ():
            found = match(string, hit.start(), endpos)
            if found is not None:  # pragma: no branch - the scans agree
                yield found

    def _indexed(self, string: str, pos: int, endpos: int, *, first: bool) -> list[re.Match[str]]:
        """The matches in [pos, endpos) (only the first, if *first*), by the index."""
        # The pattern reads [pos, endpos) clipped to the string, while str.find and
        # slices read a negative offset from the end (and clip an end past the string).
        if pos < 0 or endpos < 0:
            pos, endpos = max(pos, 0), max(endpos, 0)
        # The range of the last question, most often, is read here without the call.
        memo = _LAST_RANGE
        if string is memo.string and pos == memo.pos and endpos == memo.endpos:
            present, known = memo.found
        else:
            present, known = _range_words(string, pos, endpos)
        keys = self.words & known
        if not keys:
            return []
        index = self.index or {}
        if string is memo.folded_of:
            folded = memo.folded
        else:
            folded = memo.folded = _lowered(string)
            memo.folded_of = string
        spots: list[int] = []
        # The (keyword, offset) pair of the places found, while they have only one.
        pair: tuple[str, int] | None = None
        several = False
        for key in keys:
            for offset, others in index[key]:
                # The phrase's other words (if any) are all in the range.
                if others is None or others <= present:
                    at = folded.find(key, pos, endpos)
                    if at >= 0:
                        if pair is None:
                            pair = (key, offset)
                        elif pair[1] != offset or pair[0] != key:
                            several = True
                    while at >= 0:
                        spots.append(at - offset)
                        at = folded.find(key, at + 1, endpos)
        if not spots:
            return []
        if len(spots) > 1:
            # A place found twice (by two keywords) is tried once all the same: the
            # loop below moves past each place it tries (a phrase is never empty, so
            # neither is a match).
            spots.sort()
        pattern = self.pattern
        if pair is not None and not several:
            # A group's pattern compiled already is found by one lookup.
            part = self._parts.get(pair)
            if part is None and pair in self.groups:
                part = self._part(pair)
            if part is not None:
                pattern = part
        match = pattern.match
        out: list[re.Match[str]] = []
        final = spots[-1]  # past the last place, where a match ends matters no more
        last = pos  # no match starts before the range, nor inside the last match
        for at in spots:
            if at >= last:
                found = match(string, at, endpos)
                if found is None:
                    last = at + 1
                else:
                    out.append(found)
                    if first or at == final:
                        break
                    last = found.end()
        return out

    def _part(self, pair: tuple[str, int]) -> re.Pattern[str]:
        """The pattern of the phrases of *pair* (see above)."""
        found = self._parts.get(pair)
        if found is None:
            found = self._parts[pair] = re.compile(self.groups[pair], re.IGNORECASE)
        return found

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        """The matched strings, like :meth:`re.Pattern.findall` (the lists have no groups)."""
        return [m.group() for m in self.finditer(string, pos, endpos)]


def phrase_list(items: Iterable[str], *, bounded: bool = True) -> Phrases:
    """Compile *items* behind a keyword gate and a fast scan, and index them.

    Bounded lists compile as :func:`phrase_regex` does; unbounded ones (clause cuts,
    which carry their own spaces and commas) as plain case-insensitive literals.
    """
    alts = sorted({p for p in items if p}, key=lambda p: (-len(p), p))
    pattern = re.compile(_source(alts, bounded=bounded), re.IGNORECASE)
    keys = [_keyword(p, bounded=bounded) for p in alts]
    gate = None if None in keys else frozenset(k for k in keys if k)
    found = _index_and_groups(alts, bounded=bounded) if alts else None
    if found is None:
        return Phrases(pattern, gate, _fast_pattern(alts, bounded=bounded))
    index, groups = found
    # A pair naming every phrase would match with the whole pattern: no group for it.
    parts = {
        pair: _source(group, bounded=bounded)
        for pair, group in groups.items()
        if len(group) < len(alts)
    }
    return Phrases(pattern, gate, _fast_pattern(alts, bounded=bounded), index, parts)


@attr.s(auto_attribs=True, slots=True, eq=False, frozen=True)
class Gazetteer:
    """Every table, compiled for lookup.

    Attributes:
        phrases: Surface form (normalized) to entry.
        first_words: The first token of every phrase, to the most tokens a phrase starting
            with it has (tokens that start none are skipped at once).
        force_nouns: Nouns that, after a state's name or demonym, name its armed forces.
        bloc_members: Small blocs and their member states.
        capitals: Each state's capital by code ("the Philippine capital").
        agreement_heads: Common nouns naming an instrument, to the kind they imply.
        named_heads: Capitalised nouns that end an agreement's proper name.
        kind_keywords: (phrase, kind) pairs, first match wins.
        topic_words: Words that make a generic agreement mention specific.
        generic_modifiers: Words that do not.
        exercise_nouns: Common nouns for an exercise.
        domains: Words that set an exercise's domain.
        regex: Compiled trigger lists by name.
        force_noun: A force noun right after a state's name ("French Army").
        status_regex: Compiled agreement-status triggers by status value.
        exercise_status_regex: Compiled exercise-status triggers by status value.
    """

    phrases: dict[str, Entry]
    first_words: dict[str, int]
    force_nouns: frozenset[str]
    bloc_members: dict[str, tuple[str, ...]]
    capitals: dict[str, str]
    agreement_heads: dict[str, str]
    named_heads: frozenset[str]
    kind_keywords: tuple[tuple[str, str], ...]
    topic_words: tuple[str, ...]
    generic_modifiers: frozenset[str]
    exercise_nouns: frozenset[str]
    domains: dict[str, str]
    regex: dict[str, Phrases]
    force_noun: re.Pattern[str]
    status_regex: dict[str, Phrases]
    exercise_status_regex: dict[str, Phrases]


# ---- checking --------------------------------------------------------------------------


def _read(name: str) -> dict[str, Any]:
    try:
        raw = importlib.resources.files("diplomatic_events.rules").joinpath(name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidRulesError(name, f"cannot be read: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InvalidRulesError(name, f"is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InvalidRulesError(name, f"expected a JSON object, got {type(data).__name__}")
    return data


def _str_list(table: str, data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InvalidRulesError(table, f"{key!r}: expected a list of non-empty strings")
    return value


def _str_map(table: str, data: Mapping[str, Any], key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in value.items()
    ):
        raise InvalidRulesError(table, f"{key!r}: expected an object of strings")
    return value


def _codes(table: str, key: str, mapping: Mapping[str, str], known: frozenset[str]) -> None:
    for name, code in mapping.items():
        if code and code not in known:
            raise InvalidRulesError(
                table, f"{key}[{name!r}]: {code!r} is not an ISO 3166-1 alpha-3 code"
            )


@functools.cache
def load() -> Gazetteer:
    """Read, check and compile every table (once per process).

    Raises:
        InvalidRulesError: if a table is missing, not JSON, or of the wrong shape,
            or names a country code pycountry does not know.
    """
    import pycountry  # noqa: PLC0415 - loaded with the tables, not on import

    known = frozenset(c.alpha_3 for c in pycountry.countries)
    entries: dict[str, dict[str, Entry]] = {k: {} for k in KINDS}

    countries = _read("countries.json")
    short = _str_map("countries.json", countries, "short_forms")
    demonyms = _str_map("countries.json", countries, "demonyms")
    seats = _str_map("countries.json", countries, "seats")
    territories = _str_map("countries.json", countries, "territories")
    capitals = _str_map("countries.json", countries, "capitals")
    for code in capitals:
        if code not in known:
            raise InvalidRulesError("countries.json", f"capitals: {code!r} is not a code")
    ignored = set(_str_list("countries.json", countries, "ignored_names"))
    for key, mapping in (("short_forms", short), ("demonyms", demonyms), ("seats", seats)):
        _codes("countries.json", key, mapping, known)
    _codes("countries.json", "territories", territories, known)
    for code in territories:
        if code not in known:
            raise InvalidRulesError("countries.json", f"territories: {code!r} is not a code")
    for country in pycountry.countries:
        code = country.alpha_3
        for field in ("name", "common_name", "official_name"):
            name = getattr(country, field, None)
            if not name or "," in name or "(" in name or name in ignored:
                continue
            if code in territories:
                entries["territory"][normalize(name)] = Entry("territory", territories[code], name)
            else:
                entries["country"][normalize(name)] = Entry("country", code, name)
    for name, code in short.items():
        entries["country"][normalize(name)] = Entry("country", code, name)
    for name, code in demonyms.items():
        entries["demonym"][normalize(name)] = Entry("demonym", code, name)
    for name, code in seats.items():
        entries["seat"][normalize(name)] = Entry("seat", code, name)

    parties = _read("parties.json")
    titles = _str_map("parties.json", parties, "titles")
    for name, canonical in titles.items():
        entries["title"][normalize(name)] = Entry("title", None, canonical)
    for name in _str_list("parties.json", parties, "honorifics"):
        entries["honorific"][normalize(name)] = Entry("honorific", None, name)
    forces = _str_map("parties.json", parties, "forces")
    _codes("parties.json", "forces", forces, known)
    for name, code in forces.items():
        entries["force"][normalize(name)] = Entry("force", code, name)
    for name, canonical in _str_map("parties.json", parties, "organizations").items():
        entries["org"][normalize(name)] = Entry("org", None, canonical)
    blocs_raw = parties.get("bloc_members")
    if not isinstance(blocs_raw, dict):
        raise InvalidRulesError("parties.json", "'bloc_members': expected an object")
    blocs: dict[str, tuple[str, ...]] = {}
    for bloc, members in blocs_raw.items():
        if not isinstance(members, list) or not all(m in known for m in members):
            raise InvalidRulesError(
                "parties.json", f"bloc_members[{bloc!r}]: expected alpha-3 codes"
            )
        blocs[bloc] = tuple(members)
    force_nouns = frozenset(_str_list("parties.json", parties, "force_nouns"))

    places = _read("places.json")
    for name in _str_list("places.json", places, "seas"):
        entries["sea"][normalize(name)] = Entry("sea", None, name)
    regions = _str_map("places.json", places, "regions")
    _codes("places.json", "regions", regions, known)
    for name, code in regions.items():
        entries["region"][normalize(name)] = Entry("region", code or None, name)
    for name in _str_list("places.json", places, "not_parties"):
        entries["not_party"][normalize(name)] = Entry("not_party", None, name)

    agreements = _read("agreements.json")
    heads = _str_map("agreements.json", agreements, "heads")
    acronyms_raw = agreements.get("acronyms")
    if not isinstance(acronyms_raw, dict):
        raise InvalidRulesError("agreements.json", "'acronyms': expected an object")
    for acr, value in acronyms_raw.items():
        if not (
            isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
        ):
            raise InvalidRulesError("agreements.json", f"acronyms[{acr!r}]: expected [name, kind]")
        entries["acronym"][normalize(acr)] = Entry("acronym", None, value[0], value[1])
    kw_raw = agreements.get("kind_keywords")
    if not isinstance(kw_raw, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in kw_raw
    ):
        raise InvalidRulesError("agreements.json", "'kind_keywords': expected [phrase, kind] pairs")

    exercises = _read("exercises.json")
    for name in _str_list("exercises.json", exercises, "named"):
        entries["exercise"][normalize(name)] = Entry("exercise", None, name)

    phrases: dict[str, Entry] = {}
    for kind in reversed(KINDS):
        phrases.update(entries[kind])
    # Plurals of acronyms ("RAAs") name the same kind of instrument.
    for acr, entry in entries["acronym"].items():
        phrases.setdefault(acr + "s", entry)
    first_words: dict[str, int] = {}
    for key in phrases:
        toks = tokens(key)
        if toks:
            first_words[toks[0]] = max(first_words.get(toks[0], 0), len(toks))

    triggers = _read("triggers.json")
    regex: dict[str, Phrases] = {}
    for key in (
        "meeting",
        "meeting_virtual",
        "meeting_phone",
        "meeting_meal",
        "future",
        "meeting_negation",
        "meeting_cancel",
        "ratification_context",
        "agreement_negation",
        "participation",
        "non_participation",
        "past_edition",
        "sport_words",
    ):
        regex[key] = phrase_list(_str_list("triggers.json", triggers, key))
    cuts = _str_list("triggers.json", triggers, "context_cut")
    regex["context_cut"] = phrase_list(cuts, bounded=False)
    status_regex = _status_table(triggers, "agreement_status")
    exercise_status_regex = _status_table(triggers, "exercise_status")
    regex["agreement_head"] = phrase_list(heads)
    nouns = sorted(force_nouns, key=lambda n: (-len(n), n))
    force_noun = re.compile(
        r" (?P<f>" + "|".join(re.escape(n) for n in nouns) + r")(?P<pos>['\u2019]s)?(?![\w'\u2019])"
    )
    regex["exercise_noun"] = phrase_list(_str_list("exercises.json", exercises, "nouns"))
    topic_words = tuple(_str_list("agreements.json", agreements, "topic_words"))
    regex["company"] = phrase_list(_str_list("agreements.json", agreements, "company_words"))

    domains = _str_map("exercises.json", exercises, "domains")
    return Gazetteer(
        phrases=phrases,
        first_words=first_words,
        force_nouns=force_nouns,
        bloc_members=blocs,
        capitals=capitals,
        agreement_heads=heads,
        named_heads=frozenset(_str_list("agreements.json", agreements, "named_heads")),
        kind_keywords=tuple((p[0], p[1]) for p in kw_raw),
        topic_words=topic_words,
        generic_modifiers=frozenset(_str_list("agreements.json", agreements, "generic_modifiers")),
        exercise_nouns=frozenset(_str_list("exercises.json", exercises, "nouns")),
        domains=domains,
        regex=regex,
        force_noun=force_noun,
        status_regex=status_regex,
        exercise_status_regex=exercise_status_regex,
    )


def _status_table(triggers: Mapping[str, Any], key: str) -> dict[str, Phrases]:
    table = triggers.get(key)
    if not isinstance(table, dict):
        raise InvalidRulesError("triggers.json", f"{key!r}: expected an object of lists")
    return {status: phrase_list(_str_list("triggers.json", table, status)) for status in table}
