"""Mentions: states, governments, persons, organizations, armed forces, places.

One pass over the text's tokens looks phrases up in the gazetteer (longest match
first, only at tokens that start some phrase).  Then:

* "<state or demonym> Army/Navy/Air Force/Armed Forces ..." becomes an armed force;
  lower-case "forces/troops" after a state marks the state as sending forces;
* a title ("President", "Prime Minister", "Col.", "his Australian counterpart")
  followed by capitalised words names a person; the state or force just before the
  title (or "of the U.S. Army" just after the name) is the person's state;
* later mentions of a person by surname or given name are found by lookup
  (coreference), and a person with no stated state takes the state that a bloc's
  membership or the article's most-mentioned unclaimed state implies.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Final, NamedTuple

import attr

from diplomatic_events._extract._gazetteer import Entry, Gazetteer, normalize
from diplomatic_events._extract._temporal import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Mention", "Person", "find_mentions"]

#: Most mentions read from one text; the rest of a pathological text is ignored.
MAX_MENTIONS: Final = 20_000

#: Characters that part a title from the state or office before it.
_GAP_STOPS: Final = frozenset(".;:()\n-\u2013\u2014,")
_TITLE_GAP: Final = frozenset(
    {
        "newly",
        "elected",
        "acting",
        "then",
        "former",
        "outgoing",
        "incoming",
        "new",
        "interim",
        "de",
        "facto",
    }
)
_PARTICLES: Final = frozenset(
    {"von", "der", "van", "de", "da", "du", "bin", "al", "la", "le", "di", "del"}
)
_NOT_NAMES: Final = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "And",
        "But",
        "For",
        "With",
        "By",
        "From",
        "To",
        "As",
        "It",
        "He",
        "She",
        "They",
        "This",
        "That",
        "These",
        "Those",
        *WEEKDAY_NAMES,
        *MONTH_NAMES,
        *MONTH_ABBREVIATIONS,
        "Said",
        "Says",
        "Has",
        "Had",
        "Was",
        "Were",
        "Is",
        "Are",
        "Will",
        "Would",
        "Who",
        "Whose",
        "Which",
        "While",
        "After",
        "Before",
        "During",
        "Minister",
        "President",
        "Prime",
        "Secretary",
        "General",
        "Army",
        "Navy",
        "Force",
        "Forces",
        "Command",
        "Defense",
        "Defence",
        "Ministry",
        "Government",
        "Office",
        "Department",
        "Council",
        "Commission",
        "Agency",
        "Palace",
        "House",
    ]
)
#: :data:`TOKEN`, except that a run of one repeated symbol ("((((", "....") is one
#: token: no phrase starts with one, and a flood of them costs one step, not millions.
#: That is ``(?:[A-Z]\.){2,}|[^\W_](?:[\w'\u2019]*[^\W_])?|(?P<c>[^\w\s])(?P=c)+|\S``
#: written to open with one ``\S`` (so the engine skips spaces in C) whose character the
#: lookbehinds then test, branch by branch in the same order; the word branch matches
#: alternate runs of letters or digits and of ``_'\u2019`` (disjoint, so nothing
#: backtracks), ending on letters or digits: the same longest word.
_SCAN_TOKEN: Final = re.compile(
    r"\S(?:(?<=[A-Z])\.(?:[A-Z]\.)+"
    r"|(?<=[^\W_])[^\W_]*(?:[_'\u2019]+[^\W_]+)*"
    r"|(?<=(?P<c>[^\w\s]))(?P=c)+|)"
)
_OWN_ROLE: Final = re.compile(r"[\w. ]{0,20}, [a-z]")
_SENTENCE_BREAK: Final = re.compile(r"[a-z]\.\s|\n")
_OF_AFTER: Final = re.compile(r",?(?: [\w-]+){0,3} of(?: the)? ")
_HOSTED_BY: Final = re.compile(r"\bhosted by (?:[A-Z][\w.]* ){0,3}$")
_BY_START: Final = operator.attrgetter("start")
_LOCATIVE: Final = frozenset({"in", "at", "near", "outside", "off", "across", "around", "into"})


# attr.s rather than attrs.define/frozen: mypyc compiles attr.s classes as native
# classes, with fast attribute access. Native classes keep none of the __eq__,
# __hash__ and __repr__ attrs writes, so records compare and hash by identity in both
# builds (eq=False); the extractor never compares two records by value. The __init__
# is written out (init=False) so that mypyc compiles it too: the one attrs writes is
# run by the interpreter, some thousands of instructions a record.
@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class Person:
    """A person introduced by a title, and everything learnt about them.

    Attributes:
        name: Their name as first written in full.
        title: Their title (canonical), or None.
        code: Their state, once known.
        keys: Name tokens that refer to them later (surname, given name).
        stated: Whether the state was stated next to a mention (not inferred).
        org: The organization they speak for, if that is what the text gives.
    """

    name: str
    title: str | None
    code: str | None
    keys: set[str]
    stated: bool = False
    org: str | None = None

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        name: str,
        title: str | None,
        code: str | None,
        keys: set[str],
        stated: bool = False,
        org: str | None = None,
    ) -> None:
        """Make the record from its fields."""
        self.name = name
        self.title = title
        self.code = code
        self.keys = keys
        self.stated = stated
        self.org = org


@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class Mention:
    """A stretch of text naming something the rules care about.

    Attributes:
        start: Offset of the first character.
        end: Offset past the last one.
        kind: ``country``, ``demonym``, ``seat``, ``military``, ``force_of`` (a state's
            unnamed forces), ``person``, ``government`` (an unnamed office holder),
            ``org``, ``place``, ``sea``, ``region``, ``exercise``, ``acronym``,
            ``title``, ``honorific`` or ``not_party``.
        name: The canonical name.
        code: The state concerned, or None.
        possessive: Whether it ends in 's.
        person: Index into the person table for persons.
        extra: A second value (an acronym's agreement kind).

    Its preposition (:attr:`prep`) is given to the constructor, or read from the text
    when first asked for (:meth:`read_prep_from`); a copy by ``attrs.evolve`` that
    keeps the start reads the same one.
    """

    start: int
    end: int
    kind: str
    name: str
    code: str | None = None
    possessive: bool = False
    person: int | None = None
    extra: str | None = None
    #: The preposition once known (see :attr:`prep`).
    _prep: str | None = None
    #: The text to read the preposition from while it is not known yet, else None.
    _source: str | None = None
    #: Whether its kind is one that stands for a state (see :attr:`is_state`), told
    #: once from the kind (which no mention changes; a copy by ``attrs.evolve``, which
    #: leaves this out, tells it again from its own).
    _state_kind: bool = attr.ib(init=False, default=False)

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        start: int,
        end: int,
        kind: str,
        name: str,
        code: str | None = None,
        possessive: bool = False,
        person: int | None = None,
        extra: str | None = None,
        prep: str | None = None,
        source: str | None = None,
    ) -> None:
        """Make the record from its fields.

        ``source`` (which ``attrs.evolve`` passes on) is the text to read the
        preposition from when it is first asked for, while ``prep`` is not known yet.
        """
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.code = code
        self.possessive = possessive
        self.person = person
        self.extra = extra
        self._prep = prep
        self._source = source
        self._state_kind = kind in _STATE_KINDS

    def read_prep_from(self, text: str) -> None:
        """Read :attr:`prep` from *text* (the one it was found in) when first asked for."""
        self._source = text

    @property
    def prep(self) -> str | None:
        """The preposition before it ("in", "to", "with", ...), or None."""
        # Most mentions' preposition is never asked for: it is read on the first question.
        source = self._source
        if source is not None:
            self._prep = _preposition(source, self.start)
            self._source = None
        return self._prep

    @property
    def is_state(self) -> bool:
        """Whether it stands for a state (directly or through a person, office or force)."""
        return self.code is not None and self._state_kind

    @property
    def is_locative(self) -> bool:
        """Whether it is the object of a place preposition ("in Paris")."""
        return self.prep in _LOCATIVE


_STATE_KINDS: Final = frozenset(
    {"country", "demonym", "seat", "military", "force_of", "person", "government"}
)


class _Tokens(NamedTuple):
    """The tokens of a text: where each starts, and its string (which gives its end)."""

    starts: list[int]
    words: list[str]


def _tokens(text: str, limit: int) -> _Tokens:
    """The tokens of ``text[:limit]``, as :data:`_SCAN_TOKEN` finds them.

    No token holds a space or a newline, so the text is cut at both first (in C; a
    newline becomes a space, one character for one, so offsets stay); a piece of
    letters and digits alone is one token (the word branch's whole match), and only
    the other pieces are scanned, each on its own: a scan from a piece's start finds
    the tokens a scan of the whole text finds there, since none crosses its edges.
    """
    starts: list[int] = []
    words: list[str] = []
    pos = 0
    head = text if limit >= len(text) else text[:limit]
    for piece in head.replace("\n", " ").split(" "):
        size = len(piece)
        if size:
            if piece.isalnum():
                starts.append(pos)
                words.append(piece)
            else:
                _piece_tokens(text, piece, pos, starts, words)
        pos += size + 1
    return _Tokens(starts, words)


def _piece_tokens(text: str, piece: str, pos: int, starts: list[int], words: list[str]) -> None:
    """Add the tokens of ``piece`` (not empty, no space or newline, not all alphanumeric).

    ``piece`` starts at ``pos``. The common shapes are cut by hand, each as
    :data:`_SCAN_TOKEN` would; a scan of the piece alone reads the rest.
    """
    # A mark is a character neither alphanumeric (word, so [^\W_]) nor a space (\S):
    # one that no alphanumeric character follows is a token of its own, as it makes
    # no run of itself, nor (after one letter) initials, nor a word with an apostrophe.
    size = len(piece)
    first = piece[0]
    end = piece[-1]
    word = piece[:-1]
    if word.isalnum() and not end.isspace():
        # "Tokyo,", "RAA)": a word and a mark (the piece is not all alphanumeric).
        starts.append(pos)
        starts.append(pos + size - 1)
        words.append(word)
        words.append(end)
    elif size == 1:
        # "\u2013": a mark alone, or a space other than " " (no token).
        if not end.isspace():
            starts.append(pos)
            words.append(end)
    elif (
        first.isalnum() and end.isalnum() and piece.replace("\u2019", "").replace("'", "").isalnum()
    ):
        # "China\u2019s": letters and digits joined by apostrophes are one word (no
        # full stop, so no initials).
        starts.append(pos)
        words.append(piece)
    elif (
        not first.isalnum()
        and not first.isspace()
        and (piece[1:].isalnum() or (piece[1:-1].isalnum() and not end.isspace()))
    ):
        # "\u201cfree", "(RAA)": a mark, a word, and a mark unless the word ends it.
        starts.append(pos)
        words.append(first)
        if end.isalnum():
            starts.append(pos + 1)
            words.append(piece[1:])
        else:
            starts.append(pos + 1)
            words.append(piece[1:-1])
            starts.append(pos + size - 1)
            words.append(end)
    else:
        # Up to two marks may end the piece, each a token of its own: two unlike marks
        # make no run, and a mark ends the word before it (no word, nor initials,
        # runs on into a mark that no alphanumeric character follows).
        body = piece
        tail = ""
        if not end.isalnum() and not end.isspace():
            mark = piece[-2]
            if mark.isalnum():
                body, tail = word, end
            elif mark != end and not mark.isspace():
                body, tail = piece[:-2], piece[-2:]
        parts = body.split("-") if "-" in body else []
        if parts and all(part.isalnum() for part in parts):
            # "Indo-Pacific", "Indo-Pacific.”": words with single hyphens between
            # them, each hyphen a token, then the marks.
            for part in parts:
                starts.append(pos)
                words.append(part)
                pos += len(part)
                starts.append(pos)
                words.append("-")
                pos += 1
            del starts[-1], words[-1]  # no hyphen after the last word
            pos -= 1
            for mark in tail:
                starts.append(pos)
                words.append(mark)
                pos += 1
        else:
            for m in _SCAN_TOKEN.finditer(text, pos, pos + size):
                starts.append(m.start())
                words.append(m.group())


def _raw_mentions(text: str, gaz: Gazetteer, tokens: _Tokens) -> list[Mention]:
    starts, words = tokens
    out: list[Mention] = []
    phrases = gaz.phrases
    n = len(words)
    openers, prefixes, _ = _tables(gaz)
    free = 0  # tokens before this one are inside a mention already found
    # Compiled, a plain loop with one lookup a token is quicker than a C-level
    # compress(map(openers.__contains__, ...)) and a second lookup at each opener.
    for i in range(n):
        if i < free:
            continue
        # The tokens that may open a name (a first word, or one with "'s").
        word = words[i]
        opener = openers.get(word)
        if opener is None:
            continue
        if len(out) >= MAX_MENTIONS:
            break
        # The longest run of tokens whose key is a phrase (or a phrase with "'s"), grown
        # one token at a time while the key still begins some phrase or its "'s" form.
        # The opener alone is the first run: its outcome comes with the opener.
        size_max, found, grows, follows = opener
        if grows:
            s = starts[i]
            after = s + len(word)
            if (
                follows is not None
                and size_max > 1
                and i + 1 < n
                and starts[i + 1] == after + 1
                and text[after] == " "
                and words[i + 1].isalnum()
                and words[i + 1] not in follows
            ):
                # The run of two tokens keys as the opener's key, " " and the next
                # word (alphanumeric, so printable and without "\u2019"), which
                # begins no phrase: the loop below would stop there, finding nothing.
                grows = False
        if grows:
            for size in range(2, min(size_max, n - i) + 1):
                end = starts[i + size - 1] + len(words[i + size - 1])
                raw = text[s:end]
                if "\n" in raw:
                    break  # and so does every longer run
                plain = raw.isascii() and "  " not in raw and "\t" not in raw
                key = raw if plain else normalize(raw)
                entry = phrases.get(key)
                if entry is not None:
                    found = (size, entry, False)
                elif key.endswith("'s"):  # (a key, ASCII or normalized, holds no \u2019)
                    entry = phrases.get(key[:-2])
                    if entry is not None:
                        found = (size, entry, True)
                if not _grows(key, raw, plain, prefixes):
                    break
        if found is None:
            continue
        size, entry, possessive = found
        s = starts[i]
        if entry.kind == "exercise" and s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum():
            continue  # "Trans-Pacific Partnership": a name inside a longer name
        last = i + size - 1
        out.append(_from_entry(s, starts[last] + len(words[last]), entry, possessive))
        free = i + size
    return out


def _grows(key: str, raw: str, plain: bool, prefixes: frozenset[str]) -> bool:
    """Whether a longer run than ``raw`` (whose key is ``key``) may still be a phrase.

    A longer run's key extends this key when this key is normalized: it is, or it is
    plain and printable (its only spaces are single " "). A plain key with another
    control character may differ from a longer run's normalized key, so it never
    stops the growth.
    """
    return key in prefixes or (plain and not raw.isprintable())


#: What an opener is: the most tokens a name it opens has, the name the opener
#: alone makes (run size, entry, possessive) or None, whether longer runs may make
#: one, and the words that may follow it after one " " in such a run (None: any).
_Opener = tuple[int, tuple[int, Entry, bool] | None, bool, frozenset[str] | None]
#: Force starts, and the length of each.
_ForceStarts = tuple[frozenset[str], int]
_TABLES: Final[list[tuple[Gazetteer, dict[str, _Opener], frozenset[str], _ForceStarts]]] = []


def _tables(gaz: Gazetteer) -> tuple[dict[str, _Opener], frozenset[str], _ForceStarts]:
    """The openers, key prefixes and force starts of a gazetteer (built once per gazetteer).

    Openers are the first words of the names, each also with "'s" and "\u2019s" after
    it; a token is its own text, so what it makes alone is known in advance. Key
    prefixes are every leading part of every phrase and of the phrase with "'s": a
    key that is none of them cannot grow into a phrase; an opener's followers are the
    words that its printable key, " " and the word make a key prefix of. Force
    starts are " " and the first two characters of a force noun (the first one of a
    noun of one; none is empty): :attr:`Gazetteer.force_noun` matches only where the
    text's next characters, as many as a start has, are one of them.
    """
    if not _TABLES or _TABLES[0][0] is not gaz:
        prefixes = frozenset(
            form[:k]
            for phrase in gaz.phrases
            for form in (phrase, phrase + "'s")
            for k in range(1, len(form) + 1)
        )
        # By a leading word, the leading parts of what follows it and one " ".
        after: dict[str, set[str]] = {}
        for phrase in gaz.phrases:
            for form in (phrase, phrase + "'s"):
                head, space, rest = form.partition(" ")
                if space:
                    after.setdefault(head, set()).update(rest[:k] for k in range(1, len(rest) + 1))
        followers = {head: frozenset(rests) for head, rests in after.items()}
        nothing: frozenset[str] = frozenset()
        openers: dict[str, _Opener] = {}
        longest = gaz.first_words.get
        for first in gaz.first_words:
            for word in (first, first + "'s", first + "\u2019s"):
                size_max = longest(word)
                if size_max is None:
                    size_max = longest(word[:-2])
                    if size_max is None:  # pragma: no cover - "'s" after a first word
                        continue
                # A token holds no space, so the run of one token is the word itself.
                plain = word.isascii()
                key = word if plain else normalize(word)
                found: tuple[int, Entry, bool] | None = None
                entry = gaz.phrases.get(key)
                if entry is not None:
                    found = (1, entry, False)
                elif key.endswith(("'s", "\u2019s")):
                    entry = gaz.phrases.get(key[:-2])
                    if entry is not None:
                        found = (1, entry, True)
                openers[word] = (
                    size_max,
                    found,
                    _grows(key, word, plain, prefixes),
                    followers.get(key, nothing) if word.isprintable() else None,
                )
        # (All of one length: two characters of each noun, or one if a noun has one.)
        lead = min((len(noun) for noun in gaz.force_nouns), default=1)
        lead = 2 if lead >= 2 else 1
        force_starts = frozenset(" " + noun[:lead] for noun in gaz.force_nouns)
        _TABLES[:] = [(gaz, openers, prefixes, (force_starts, 1 + lead))]
    return _TABLES[0][1], _TABLES[0][2], _TABLES[0][3]


_KINDS: Final = {"force": "military", "territory": "place"}


def _from_entry(start: int, end: int, entry: Entry, possessive: bool) -> Mention:
    kind = _KINDS.get(entry.kind, entry.kind)
    # Every field by position: a call without keywords is the quicker one.
    return Mention(start, end, kind, entry.canonical, entry.code, possessive, None, entry.extra)


def find_mentions(
    text: str, gaz: Gazetteer, limit: int | None = None
) -> tuple[list[Mention], list[Person]]:
    """Find every mention in ``text[:limit]``, with persons and their coreference resolved."""
    tokens = _tokens(text, len(text) if limit is None else limit)
    raw = _raw_mentions(text, gaz, tokens)
    mentions = _forces(text, raw, gaz)
    persons: list[Person] = []
    mentions = _persons(text, mentions, tokens, persons, gaz.named_heads)
    mentions = _corefer(mentions, tokens, persons)
    # A mention's preposition depends on its start alone (and the text): each reads it
    # when first asked, the inference (which tells places from parties by it) or later.
    for m in mentions:
        m.read_prep_from(text)
    _infer_person_states(text, mentions, persons, gaz)
    for m in mentions:
        if m.kind == "person" and m.person is not None:
            m.code = persons[m.person].code
    return mentions, persons


def _forces(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    # "French Army", "Ghana Armed Forces", "Japanese troops": a state's armed forces.
    out: list[Mention] = []
    regex = gaz.force_noun
    force_starts, width = _tables(gaz)[2]
    for m in mentions:
        match = (
            regex.match(text, m.end)
            if m.kind in {"country", "demonym"}
            and not m.possessive
            and text[m.end : m.end + width] in force_starts
            else None
        )
        if match is None:
            out.append(m)
            continue
        noun = match.group("f")
        possessive = match.group("pos") is not None
        if noun[0].isupper():
            name = normalize(text[m.start : match.end("f")])
            out.append(Mention(m.start, match.end(), "military", name, m.code, possessive))
        else:
            out.append(Mention(m.start, match.end(), "force_of", m.name, m.code, possessive))
    return out


def _is_name_token(word: str) -> bool:
    if not word:
        return False
    # An ASCII character is upper-case if it is one of "A" to "Z": told by its code,
    # without a call of str.isupper.
    initial = ord(word[0])
    if not (65 <= initial <= 90 if initial < 128 else word[0].isupper()):
        return False
    return word not in _NOT_NAMES and not word.isupper()


def _persons(
    text: str,
    mentions: list[Mention],
    tokens: _Tokens,
    persons: list[Person],
    heads: frozenset[str] = frozenset(),
) -> list[Mention]:
    out: list[Mention] = []
    by_name: dict[str, int] = {}
    known = _Known(persons)
    # The end and state of the last person whose state a word before the title
    # stated ("U.S. Secretary of State A"), for a coordinated "and <title> B".
    stated_end = -1
    stated_code: str | None = None
    # The last person mention kept, whose title "his counterpart" takes.
    latest: Mention | None = None
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if m.kind not in {"title", "honorific"}:
            out.append(m)
            if m.kind == "person" and m.person is not None:
                latest = m
            i += 1
            continue
        # A chain of titles ("Air Force Maj. Gen.") ends at the last one.
        j = i
        while (
            j + 1 < len(mentions)
            and mentions[j + 1].kind in {"title", "honorific"}
            and _adjacent(text, mentions[j].end, mentions[j + 1].start)
        ):
            j += 1
        last = mentions[j]
        name_start, name_end = _name_after(text, tokens, last.end)
        title = next((x.name for x in mentions[i : j + 1] if x.kind == "title"), None)
        affiliation, org = _affiliation_before(text, out, m.start)
        if title == "counterpart":
            title = (
                None if latest is None or latest.person is None else persons[latest.person].title
            )
        if name_start is None:
            # "the Australian defence minister", "his Australian counterpart": an office.
            if affiliation is not None and last.kind == "title":
                out.append(
                    Mention(m.start, last.end, "government", title or last.name, affiliation)
                )
            i = j + 1
            continue
        if _names_instrument(text, name_start, heads):
            # "General Security of Military Information Agreement": a title word
            # opening an instrument's proper name makes no person.
            i = j + 1
            continue
        name = normalize(text[name_start:name_end])
        after = _affiliation_after(text, mentions, j + 1, name_end)
        code = affiliation or after
        shared: str | None = None
        if (
            code is None
            and org is None
            and text[stated_end : m.start] == " and "
            and not _OWN_ROLE.match(text, name_end, name_end + 25)
        ):
            # "U.S. Secretary of State A and Defense Secretary B": B is A's state
            # (not a list's last item, nor one whose own role follows the name).
            shared = stated_code
        index = by_name.get(name)
        if index is None:
            index = known.match(name)
        if index is None:
            index = len(persons)
            words = [w for w in name.replace(".", " ").split() if len(w) > 1 and w[0].isupper()]
            keys = {words[-1], words[0]} if words else set()
            persons.append(
                Person(name, title, code or shared, keys, stated=code is not None, org=org)
            )
            known.add(index)
        else:
            person = persons[index]
            if len(name) > len(person.name):
                person.name = name
                known.add(index)
            if person.title is None:
                person.title = title
            if person.code is None and code is not None:
                person.code, person.stated = code, True
            elif person.code is None:
                person.code = shared
        by_name[name] = index
        listed = any(
            x.kind == "person"
            and m.start - x.end < 60
            and not _SENTENCE_BREAK.search(text, x.end, m.start)
            for x in out[-4:]
        )
        stated_end, stated_code = (
            (name_end, affiliation) if affiliation and not listed else (-1, None)
        )
        latest = Mention(name_start, name_end, "person", name, code, person=index)
        out.append(latest)
        # Skip gazetteer mentions swallowed by the name.
        i = j + 1
        while i < len(mentions) and mentions[i].start < name_end:
            i += 1
    return out


@functools.cache
def _instrument_name(heads: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(map(re.escape, heads)))
    return re.compile(rf"(?:(?:[A-Z][\w'-]*|of|on|for|and|the|in)\s+){{0,8}}?(?:{alternatives})\b")


def _names_instrument(text: str, start: int, heads: frozenset[str]) -> bool:
    # Capitalised words (with "of", "on", ... between) running on into an
    # instrument's head noun ("Agreement", "Treaty") are the instrument's name.
    if not heads:
        return False
    end = min(len(text), start + 120)
    # A match ends in a head noun inside the window: a window holding none has none.
    window = text[start:end]
    if not any(head in window for head in heads):
        return False
    return _instrument_name(heads).match(text, start, end) is not None


def _adjacent(text: str, end: int, start: int) -> bool:
    return start - end <= 2 and not text[end:start].strip(" ")


def _name_after(text: str, tokens: _Tokens, pos: int) -> tuple[int | None, int]:
    starts, strings = tokens
    n = len(starts)
    k = bisect_left(starts, pos)  # the first token starting at pos or after
    # "his Australian counterpart, Jane Smith": allow one comma.
    if k < n and strings[k] == "," and starts[k] - pos <= 1:
        k += 1
    if k >= n or starts[k] - pos > 2:
        return None, pos
    first = k
    words = 0
    last_end = pos
    while k < n and words < 5:
        s = starts[k]
        word = strings[k]
        gap = text[last_end:s] if words else ""
        if words and (len(gap) > 1 or "\n" in gap):
            break
        base = word.removesuffix("'s").removesuffix("\u2019s")
        if _is_name_token(base) or (words and word in _PARTICLES):
            last_end = s + len(base)
            words += 1
            k += 1
            if base != word:
                break
            # An initial: "Gary J. Volesky".
            if len(word) == 1 and k < n and strings[k] == ".":
                last_end = starts[k] + 1  # the "." after it
                k += 1
            continue
        break
    if words == 0:
        return None, pos
    # Trailing particles are not part of a name.
    name_start = starts[first]
    name = text[name_start:last_end]
    while name.split()[-1] in _PARTICLES:
        shorter = name.rsplit(" ", 1)[0]
        if shorter == name:
            break  # no space to cut at ("Jean\x0cde"): keep it rather than loop forever
        name = shorter
    return name_start, name_start + len(name)


def _affiliation_before(
    text: str, before: list[Mention], title_start: int
) -> tuple[str | None, str | None]:
    # The state, force or office right before a title: "French President",
    # "Australia's newly elected Prime Minister", "Thai Chief of Defense Forces",
    # "U.S. Navy Rear Adm.", "European Commission President" (an organization).
    for m in reversed(before[-3:]):
        # The length first: the gap to the last mention kept may be most of the text.
        if title_start - m.end > 25:
            break
        gap = text[m.end : title_start]
        # (One space, the most common gap, holds neither a stop nor a word.)
        if gap != " ":
            words = gap.replace("'s", " ").replace("\u2019s", " ").split()
            if not _GAP_STOPS.isdisjoint(gap) or not set(words) <= _TITLE_GAP:
                break
        if m.kind == "org":
            return None, m.name
        if m.kind in {"country", "demonym", "seat", "military", "force_of", "government"}:
            return m.code, None
        if m.kind not in {"title", "honorific"}:
            break
        title_start = m.start
    return None, None


def _affiliation_after(text: str, mentions: list[Mention], k: int, name_end: int) -> str | None:
    # "Col. Drew Conover of the U.S. Army", "Gen. X, commander of the U.S. Army Pacific".
    for m in mentions[k : k + 3]:
        between = text[name_end : m.start]
        if len(between) > 40:
            break
        # (What the pattern matches ends in " of " or " of the ".)
        if (
            m.code
            and m.kind in {"military", "country", "force_of"}
            and between.endswith((" of ", " of the "))
            and _OF_AFTER.fullmatch(between)
        ):
            return m.code
    return None


#: The length of the pieces of names that :class:`_Known` indexes persons by.
_GRAM: Final = 3
#: Up to this many persons, :class:`_Known` scans them all (cheaper than an index).
_SCAN_PERSONS: Final = 24
#: The lengths of the longer pieces that :class:`_Known` also indexes persons by: names
#: over a few letters share every short piece, so only long ones tell them apart.
_LONG_GRAMS: Final = (8, 16)


class _Known:
    """The persons known so far, looked up by :meth:`match`.

    A few persons are scanned in order. From :data:`_SCAN_PERSONS` on, an index is
    built and kept: each bucket lists, in ascending order, the persons whose name ends
    in a word (by that word) or holds a piece of up to :data:`_GRAM` characters or of
    a length in :data:`_LONG_GRAMS` (by that piece). A person whose name grows is added
    under its new name's keys and stays under the old ones, so a bucket may hold
    persons that no longer fit: :meth:`match` checks each.
    """

    def __init__(self, persons: list[Person]) -> None:
        self.persons = persons
        self.by_last: dict[str, list[int]] = {}
        self.by_gram: dict[str, list[int]] = {}
        self.indexed = False

    def add(self, index: int) -> None:
        """Index ``persons[index]`` under its (new) name, once there is an index."""
        if not self.indexed:
            return
        name = self.persons[index].name
        words = name.split()
        if words:
            self._file(self.by_last, words[-1:], index)
        grams = {name[k : k + n] for n in range(1, _GRAM + 1) for k in range(len(name) - n + 1)}
        grams.update(name[k : k + n] for n in _LONG_GRAMS for k in range(len(name) - n + 1))
        self._file(self.by_gram, grams, index)

    @staticmethod
    def _file(table: dict[str, list[int]], keys: Iterable[str], index: int) -> None:
        # Each bucket stays in ascending order, without repeats.
        for key in keys:
            bucket = table.get(key)
            if bucket is None:
                table[key] = [index]
            elif bucket[-1] < index:
                bucket.append(index)
            else:
                k = bisect_left(bucket, index)
                if bucket[k] != index:
                    bucket.insert(k, index)

    def match(self, name: str) -> int | None:
        """The first person whose name ends in *name*'s last word or holds *name*."""
        words = name.split()
        if not words:
            return None
        persons = self.persons
        last = words[-1]
        if not self.indexed:
            if len(persons) < _SCAN_PERSONS:
                for index, person in enumerate(persons):
                    if last == person.name.split()[-1] or name in person.name:
                        return index
                return None
            self.indexed = True
            for index in range(len(persons)):
                self.add(index)
        # Through the buckets, as the scan of every person in order would find.
        found = next(
            (
                i
                for i in self.by_last.get(last, ())
                if (held := persons[i].name.split()) and held[-1] == last
            ),
            None,
        )
        # Every person holding the name holds each of its pieces: the fewest are read.
        grams = {name[k : k + _GRAM] for k in range(max(len(name) - _GRAM + 1, 1))}
        grams.update(name[k : k + n] for n in _LONG_GRAMS for k in range(len(name) - n + 1))
        bucket = min((self.by_gram.get(gram, ()) for gram in grams), key=len)
        for i in bucket:
            if found is not None and i >= found:
                break
            if name in persons[i].name:
                return i
        return found


def _corefer(mentions: list[Mention], tokens: _Tokens, persons: list[Person]) -> list[Mention]:
    # Later mentions by surname or given name: "Sato and Dupont welcomed ...".
    owners: dict[str, int] = {}
    clashes: set[str] = set()
    for index, person in enumerate(persons):
        for key in person.keys:
            if key in owners and owners[key] != index:
                clashes.add(key)
            owners[key] = index
    for key in clashes:
        owners.pop(key, None)
    if not owners:
        return mentions
    starts, words = tokens
    extra: list[Mention] = []
    get = owners.get
    # A word whose base (below) is a key is the key followed by nothing, "'s", "\u2019s"
    # or "\u2019s's": one set lookup a token keeps those spelt so, the only ones that
    # can name an owner.
    forms = {f for key in owners for f in (key, key + "'s", key + "\u2019s", key + "\u2019s's")}
    # The starts bisected directly: the same answers as a bisection keyed by start,
    # without a call of the key at each step.
    mention_starts = [m.start for m in mentions]
    for i in range(len(words)):
        word = words[i]
        if word not in forms:
            continue
        s = starts[i]
        # Only a word ending in "s" can lose a possessive suffix.
        base = word.removesuffix("'s").removesuffix("\u2019s") if word[-1] == "s" else word
        owner = get(base)
        if owner is None:
            continue
        k = bisect_right(mention_starts, s) - 1
        if k >= 0 and mentions[k].start <= s < mentions[k].end:
            continue  # inside a mention
        extra.append(
            Mention(s, s + len(base), "person", persons[owner].name, None, base != word, owner)
        )
        if len(extra) > MAX_MENTIONS:
            break
    if any(mention_starts[k] > mention_starts[k + 1] for k in range(len(mentions) - 1)):
        merged = mentions + extra
        merged.sort(key=_BY_START)
        return merged
    # Both lists in order of start (extra by its tokens): merged so, a mention before a
    # word at the same start, they are in the order the stable sort of both gives.
    merged = []
    b = 0
    for m in mentions:
        while b < len(extra) and extra[b].start < m.start:
            merged.append(extra[b])
            b += 1
        merged.append(m)
    merged.extend(extra[b:])
    return merged


_HOST_SENTENCE_BREAK: Final = re.compile(r"\. |\n")


class _Hosts:
    """The places named in a sentence before a host's first mention, answered in O(log n).

    Built on the first question only: one pass over the text and the mentions, instead of
    a pass over both for every host (quadratic in a text of many hosts).
    """

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self._text = text
        self._mentions = mentions
        self._built = False
        self._break_starts: list[int] = []
        self._break_ends: list[int] = []
        self._place_starts: list[int] = []
        self._place_codes: list[str] = []
        #: For each place, the index of the first place of the run of the same code
        #: that it ends.
        self._run_starts: list[int] = []

    def _build(self) -> None:
        self._built = True
        # ". " and "\n" never overlap, so these are all the occurrences of either, in
        # order of start and of end alike.
        for b in _HOST_SENTENCE_BREAK.finditer(self._text):
            self._break_starts.append(b.start())
            self._break_ends.append(b.end())
        for m in self._mentions:
            if m.kind in {"country", "demonym", "seat"} and m.code and m.is_locative:
                k = len(self._place_codes)
                same = k and self._place_codes[-1] == m.code
                self._run_starts.append(self._run_starts[-1] if same else k)
                self._place_starts.append(m.start)
                self._place_codes.append(m.code)

    def only_place_before(self, start: int) -> str | None:
        """The one state of the places in the sentence before ``start``, if just one.

        The sentence starts after the last ". " or newline that ends by ``start``.
        """
        if not self._built:
            self._build()
        k = bisect_right(self._break_ends, start) - 1
        sentence_start = self._break_starts[k] if k >= 0 else -1
        lo = bisect_right(self._place_starts, sentence_start)
        hi = bisect_left(self._place_starts, start)
        if hi > lo and self._run_starts[hi - 1] <= lo:
            return self._place_codes[hi - 1]
        return None


def _infer_person_states(
    text: str, mentions: list[Mention], persons: list[Person], gaz: Gazetteer
) -> None:
    unknown = [i for i, p in enumerate(persons) if p.code is None and p.org is None]
    if not unknown:
        return
    claimed = {p.code for p in persons if p.code}
    all_starts: list[int] = []  # (listed at the first bloc, the only one to read them)
    blocs_seen = 0
    # A bloc's leaders listed together: the one member state no other leader holds.
    for m in mentions:
        members = gaz.bloc_members.get(m.name) if m.kind == "org" else None
        if not members:
            continue
        blocs_seen += 1
        if blocs_seen > 20:
            break
        if not all_starts:
            all_starts = [x.start for x in mentions]
        lo = bisect_left(all_starts, m.start - 300)
        hi = bisect_right(all_starts, m.end + 300)
        window = [x for x in mentions[lo:hi] if x.kind == "person"]
        open_members = [c for c in members if c not in claimed]
        nameless = {
            x.person for x in window if x.person is not None and persons[x.person].code is None
        }
        if len(open_members) == 1 and len(nameless) == 1:
            index = nameless.pop()
            assert index is not None  # noqa: S101 - persons always carry an index
            persons[index].code = open_members[0]
            claimed.add(open_members[0])
    # Each person's mentions in order (the first fifty: all that the last step reads).
    persons_at: list[Mention] = []
    mentions_of: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and m.person is not None:
            persons_at.append(m)
            own = mentions_of.setdefault(m.person, [])
            if len(own) < 50:
                own.append(m)
    # The host of a gathering in a state's place: "a summit in the Argentine capital
    # hosted by President X".
    hosts = _Hosts(text, mentions)
    for index in unknown:
        if persons[index].code is not None:
            continue
        first = mentions_of[index][0] if index in mentions_of else None
        if first is None or not _HOSTED_BY.search(text, max(0, first.start - 45), first.start):
            continue
        place = hosts.only_place_before(first.start)
        if place is not None:
            persons[index].code = place
    # Otherwise the most-mentioned state that no person met in the same sentences holds
    # ("Prime Minister Taro Sato" beside "French President Jean Dupont" in an
    # article about Japan and France).
    if all(persons[index].code is not None for index in unknown):
        return  # (the counts below would go unread)
    # A plain dict, not a Counter (whose methods are interpreted Python even compiled).
    counts: dict[str, int] = {}
    for m in mentions:
        code = m.code
        if code and m.kind in {"country", "demonym", "seat"} and not m.is_locative:
            counts[code] = counts.get(code, 0) + 1
    # The states mentioned three times or more, most-mentioned first and, at equal
    # counts, first-mentioned first (a stable sort, reversed stably): the order
    # Counter.most_common gave, less the states too rarely mentioned to be taken.
    ranked = sorted(
        (code for code, count in counts.items() if count >= 3),
        key=counts.__getitem__,
        reverse=True,
    )
    if not ranked:
        return
    starts = [m.start for m in persons_at]
    for index in unknown:
        if persons[index].code is not None:
            continue
        near: set[str] = set()
        for m in mentions_of.get(index, ()):
            lo = bisect_left(starts, m.start - 250)
            hi = bisect_right(starts, m.start + 250)
            for other in persons_at[lo : min(hi, lo + 50)]:
                code = persons[other.person or 0].code if other.person != index else None
                if code:
                    near.add(code)
        for code in ranked:
            if code not in near:
                persons[index].code = code
                break


def _preposition(text: str, start: int) -> str | None:
    # The nearest preposition before a mention, over at most a determiner and two other
    # words: "in Paris", "at the Kremlin", "in southern Japan", "to the capital, Niamey".
    lo = start - 40 if start > 40 else 0
    if start > lo and text[start - 1] == " ":
        # Most often the last word before the space decides alone; it is read without
        # splitting the window. It runs back to the space before it, or to the window's
        # start: a word of printable characters holds no whitespace (every whitespace
        # character but " " is unprintable), so it is the window's last word.
        cut = text.rfind(" ", lo, start - 1)
        word = text[cut + 1 if cut >= 0 else lo : start - 1]
        # (An alphanumeric word is printable, and the cheaper test.)
        if word and (word.isalnum() or word.isprintable()):
            # As the first step of _preposition_in on it: where that returns at once.
            bare = _BARE.get(word.strip(","), "")
            if bare in _PREPOSITIONS:
                if bare != "of":
                    return bare
            elif bare not in _DETERMINERS:
                end = word[-1]
                if end in ".;:" or (
                    end == "," and bare not in _PLACE_NOUNS and not word[0].isupper()
                ):
                    return None
    return _preposition_in(text[lo:start].split())


def _preposition_in(words: list[str]) -> str | None:
    # The preposition by the words of the window before a mention, as _preposition
    # finds it. The last four words, read in place rather than copied out:
    # words[first:] are they.
    last = len(words) - 1
    first = last - 3 if last > 3 else 0
    others = 0
    k = last + 1
    while k > first:
        k -= 1
        word = words[k]
        # Its bare form (commas stripped, lower-cased), where that is one of the words
        # the tests ask about, else "" (as the bare form of commas alone): see _BARE.
        bare = _BARE.get(word.strip(","), "")
        if bare in _PREPOSITIONS:
            if bare == "of" and k > first and words[k - 1].lower() in _AROUND:
                return "in"  # "on the outskirts of Beijing": in and around it
            return bare
        if bare in _DETERMINERS:
            continue
        others += 1
        # A word split off at whitespace is not empty: its last character is the end
        # the tests ask about.
        end = word[-1]
        if others > 2 or end in ".;:":
            return None
        if end == "," and bare not in _PLACE_NOUNS:
            if k == last and word[0].isupper() and k > first and words[k - 1].lower() in _LOCATIVE:
                return words[k - 1].lower()  # "in <Town>, <State>": where the town is
            return None
    return None


_PLACE_NOUNS: Final = frozenset({"capital", "city", "port", "town"})
_AROUND: Final = frozenset({"outskirts", "suburbs", "edge", "heart", "centre", "center"})
_PREPOSITIONS: Final = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "off",
        "to",
        "from",
        "with",
        "between",
        "of",
        "by",
        "across",
        "around",
        "into",
        "visit",
        "visiting",
        "visited",
        "for",
        "and",
    ]
)
_DETERMINERS: Final = frozenset({"the", "its", "his", "her", "their", "a", "an"})
#: Every spelling whose lower-case form is a preposition, determiner or place noun
#: above, mapped to that form: each of its letters in either case. A word lowers to
#: one of them only so: no character but these letters lowers to an ASCII letter,
#: except the Kelvin sign (to "k", which none of them holds). The bare form of a word
#: that is none of them is not asked for, only whether it is one of them.
_BARE: Final[dict[str, str]] = {
    "".join(letters): word
    for word in _PREPOSITIONS | _DETERMINERS | _PLACE_NOUNS
    for letters in itertools.product(*[(c, c.upper()) for c in word])
}
