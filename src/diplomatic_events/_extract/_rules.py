"""Event rules: read meeting, agreement and exercise mentions from each clause.

A sentence is cut into clauses at subordinating phrases (", as", " amid ", " in
response to ", ", which ", ", and " before a new verb, ...).  Each clause is read for
trigger words (tables in ``rules/triggers.json``) and their arguments: who (the
coordinated subject before the trigger, "with X and Y", "between X and Y",
"X-Y <agreement>"), when (the nearest date), where (the nearest place), and status
(future markers, negation, the status verb nearest the mention).  What one sentence
says about an event is an *observation*; :mod:`._assemble` merges observations of one
event across sentences.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Final, TypeVar

import attr
import attrs

from diplomatic_events._extract._gazetteer import (
    _ascii_lowered,
    _lowered,
    _range_words,
    fold_lower,
    phrase_keyword,
    words,
)
from diplomatic_events._extract._temporal import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    DateMention,
    resolve,
)
from diplomatic_events._fastcheck import new_location, new_partial_date
from diplomatic_events.vocab import (
    AgreementKind,
    AgreementStatus,
    Domain,
    ExerciseStatus,
    LocationKind,
    MeetingFormat,
    MeetingStatus,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Sequence

    from diplomatic_events._dates import PartialDate
    from diplomatic_events._extract._gazetteer import Gazetteer, Phrases
    from diplomatic_events._extract._mentions import Mention, Person
    from diplomatic_events._extract._text import Sentence
    from diplomatic_events._models import Location

__all__ = ["AgreementObs", "ExerciseObs", "MeetingObs", "Reader"]

#: The enum members the rules use, as module constants: a member read from its class
#: goes through the enum metaclass's ``__getattr__`` hook (tens of nanoseconds a read,
#: compiled or not), a Final name is a C static when compiled.
_KIND_OTHER: Final = AgreementKind.OTHER
_KIND_TREATY: Final = AgreementKind.TREATY
_AGR_IN_FORCE: Final = AgreementStatus.IN_FORCE
_AGR_PROPOSED: Final = AgreementStatus.PROPOSED
_AGR_RATIFIED: Final = AgreementStatus.RATIFIED
_AGR_SIGNED: Final = AgreementStatus.SIGNED
_AGR_TERMINATED: Final = AgreementStatus.TERMINATED
_EX_HELD: Final = ExerciseStatus.HELD
_EX_ONGOING: Final = ExerciseStatus.ONGOING
_EX_PLANNED: Final = ExerciseStatus.PLANNED
_LOC_CITY: Final = LocationKind.CITY
_LOC_COUNTRY: Final = LocationKind.COUNTRY
_LOC_OTHER: Final = LocationKind.OTHER
_LOC_REGION: Final = LocationKind.REGION
_LOC_SEA: Final = LocationKind.SEA
_LOC_VENUE: Final = LocationKind.VENUE
_FMT_IN_PERSON: Final = MeetingFormat.IN_PERSON
_FMT_PHONE: Final = MeetingFormat.PHONE
_FMT_VIRTUAL: Final = MeetingFormat.VIRTUAL
_FMT_WORKING_MEAL: Final = MeetingFormat.WORKING_MEAL
_MEET_HELD: Final = MeetingStatus.HELD
_MEET_SCHEDULED: Final = MeetingStatus.SCHEDULED

#: Most mentions looked at in one clause; beyond that a clause is a list, not prose.
MAX_CLAUSE_MENTIONS: Final = 60
#: Most agreement head words read in one clause ("MoU MoU MoU ..." is no prose either).
MAX_CLAUSE_HEADS: Final = 60


def _holds_any(text: str, needles: Iterable[str]) -> bool:
    """Whether *text* holds one of *needles*."""
    for needle in needles:  # noqa: SIM110 - any() of a generator is the slower form
        if needle in text:
            return True
    return False


def _spots(text: str, needles: Iterable[str]) -> list[int]:
    """The offsets where one of *needles* starts in *text*, sorted."""
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            out.append(at)
            at = text.find(needle, at + 1)
    out.sort()
    return out


class _Gated:
    """A compiled pattern behind literal needles, at least one of which every match holds.

    A text (the searched range, lower-cased with :func:`fold_lower` for a
    case-insensitive pattern) holding none of the needles cannot match, so the regex
    engine is not started; otherwise the pattern runs as it would alone.
    """

    __slots__ = ("fold", "needles", "pattern", "scan", "starts", "subs", "words")

    def __init__(
        self,
        pattern: re.Pattern[str],
        needles: tuple[str, ...] | frozenset[str] | re.Pattern[str],
        starts: re.Pattern[str] | None = None,
    ) -> None:
        """Needles as a tuple are substrings; as a frozenset, whole words (see below).

        *starts*, if given, is a case-sensitive pattern that matches where each match
        of the pattern starts, each of its matches ending before the next place such a
        match can start: :meth:`search` tries the pattern only there (a case-insensitive
        pattern that starts with a boundary gives the engine no letters to skip to).

        Substrings are looked for one by one with ``in``: even many of them take fewer
        instructions so than one regex alternation of them, whose engine tests each
        character of the range against the set of their first characters. Needles as a
        pattern (for a case-sensitive pattern) are a search every match's range holds a
        match of: an alternation after a literal that the engine skips to (a space
        before a noun) can take fewer than many substrings.
        """
        self.pattern = pattern
        self.needles = needles
        self.fold = bool(pattern.flags & re.IGNORECASE)
        self.starts = starts
        # The needles by their kind, told apart once here rather than at each test
        # (isinstance of re.Pattern reads the module's attribute at every call).
        self.scan: re.Pattern[str] | None = needles if isinstance(needles, re.Pattern) else None
        self.words: frozenset[str] | None = needles if isinstance(needles, frozenset) else None
        self.subs: tuple[str, ...] = needles if isinstance(needles, tuple) else ()

    def possible(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``string[pos:endpos]`` holds a needle.

        A frozenset of needles holds words (in lower case) that every match shows as a
        whole run of letters: they are looked up in the range's :func:`words` (cached,
        shared with the gazetteer's phrase lists), which compare as a case-insensitive
        pattern does, and so hold the lower case of what a case-sensitive one matches.
        A clause's words are found once, where substrings would be looked for one by one;
        a range's are looked up by its offsets, neither copied nor hashed again.
        """
        scan = self.scan
        if scan is not None:
            return scan.search(string, pos, endpos) is not None
        ranged = pos > 0 or endpos < len(string)
        needed = self.words
        if needed is not None:
            # The words of string[pos:endpos], as words() of the range's copy finds them.
            present = _range_words(string, pos, endpos)[0] if ranged else words(string)
            return not needed.isdisjoint(present)
        subs = self.subs
        if ranged and not self.fold and endpos - pos > 64:
            # str.find reads string[pos:endpos] in place: the test below without the copy
            # (which, for a short range, is the cheaper of the two).
            for needle in subs:  # noqa: SIM110 - any() of a generator is the slower form
                if string.find(needle, pos, endpos) >= 0:
                    return True
            return False
        part = string[pos:endpos] if ranged else string
        if self.fold:
            part = fold_lower(part)
        return _holds_any(part, subs)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Like :meth:`re.Pattern.search`."""
        if not self.possible(string, pos, endpos):
            return None
        if self.starts is not None:
            # The leftmost place where the pattern matches is the search's match.
            for start in self.starts.finditer(string, pos, endpos):
                found = self.pattern.match(string, start.start(), endpos)
                if found is not None:
                    return found
            return None
        return self.pattern.search(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Like :meth:`re.Pattern.finditer`."""
        if not self.possible(string, pos, endpos):
            return iter(())
        return self.pattern.finditer(string, pos, endpos)


_GROUP: Final = _Gated(
    re.compile(
        r"\b(?:(?:the|both|their) (?:(?P<n>two|three|four|five|six|seven) )?"
        r"|(?P<n3>three|four|five|six|seven) )(?:world |major |great )?"
        r"(?:(?P<people>leaders|men|prime ministers|presidents|pair|of them)"
        r"|governments|countries|nations"
        r"|sides|allies|delegations|states|ministers|partners|powers)\b"
        r"|\bthe (?P<n2>two|three) (?=agreed|also|have|had|will|would|are|were|signed|met)",
        re.IGNORECASE,
    ),
    frozenset(
        {
            "leaders",
            "men",
            "ministers",
            "presidents",
            "pair",
            "them",
            "governments",
            "countries",
            "nations",
            "sides",
            "allies",
            "delegations",
            "states",
            "partners",
            "powers",
            "two",
            "three",
        }
    ),
    # The first two letters of the pattern's first words (the, their, both, three, four,
    # five, six, seven) as re.IGNORECASE matches them, after no word character (the
    # "\b" before them); the second letter is one, so no match starts inside these.
    re.compile(r"[BFSTbfst\u017f](?<!\w.)[EHIOehio\u0130\u0131]"),
)
_PRONOUN: Final = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
_VENUE: Final = _Gated(
    re.compile(
        r"(?:at(?<!\wat)|in(?<!\win)|to(?<!\wto)) (?:the |his |her |their )?"  # (X)
        r"(?P<v>(?:[A-Z][\w'\u2019.-]* ){0,3}(?:[A-Z][\w'\u2019.-]* )?"
        r"(?:Palace|House|Hall|Residence|residence|Castle|Tower|Centre|Center|Hotel|hotel|Building"
        r"|Villa|Retreat|Museum|Fortress|Estate|Manor|Lodge|Chancellery|Kremlin|Office|Lawn"
        r"|Guest House|Guesthouse|Pavilion|Cosmodrome|Street)"
        r"(?:(?: of(?: the)?)? [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2})?)"
        r"(?P<on> on (?:the )?(?:[a-z-]+ )?(?:island of )?[A-Z][\w'\u2019-]*)?"
    ),
    # The venue noun, after the space each match has before it ("Guest House" holds
    # " House"); its alternatives share their first letters, so the engine tries few.
    re.compile(
        r" (?:Building|C(?:astle|ent(?:er|re)|hancellery|osmodrome)|Estate|Fortress"
        r"|Guesthouse|H(?:all|o(?:tel|use))|Kremlin|L(?:awn|odge)|M(?:anor|useum)|Office"
        r"|Pa(?:lace|vilion)|Re(?:sidence|treat)|Street|Tower|Villa|hotel|residence)"
    ),
)
_CAP_RUN: Final = re.compile(r"[A-Z][\w'\u2019.-]*(?: (?:of |de |al-)?[A-Z][\w'\u2019.-]*){0,4}")
_DIRECTION: Final = (
    r"(?:northern|southern|eastern|western|central|north-eastern|south-eastern|north-western|"
    r"south-western|northeastern|southeastern|northwestern|southwestern)"
)
_WORD_CHAR: Final = re.compile(r"\w")
_DIRECTION_BEFORE: Final = re.compile(_DIRECTION + r" $")
_PLACE_PREP: Final = re.compile(
    r"(?:in(?<!\win)|at(?<!\wat)|near(?<!\wnear)|out(?<!\wout) of|off(?<!\woff)"  # (X)
    r"|outside(?<!\woutside)|over(?<!\wover))(?: the)?"
    r"(?: (?P<dir0>northern|southern|eastern|western|central))?"
    r"(?: port of| city of| province of| region of| island of)? "
    r"(?P<dir>(?:northern|southern|eastern|western|central|north|south|east|west|"
    r"north-eastern|south-eastern|north-western|south-western|northeastern|southeastern|"
    r"northwestern|southwestern) )?(?=[A-Z])"
)
# "Miyazaki Prefecture", "Riau Islands", "Baturaja Air Base": a place by its last word.
_PLACE_NAME: Final = _Gated(
    re.compile(
        # The capital first, then no word character before it (as "\b" before it), so the
        # engine skips to capitals; a word is never given back (a space follows each).
        r"[A-Z](?<!\w.)[\w'\u2019-]*+(?: [A-Z][\w'\u2019-]*+){0,2} "
        r"(?:Prefecture|Province|Island|Islands|Peninsula|Air Base|"
        r"Naval Base|Base|Bay|Port|Harbour|Harbor|Strait|Atoll|Archipelago|Region|County|Oblast)\b"
    ),
    # Each place noun, whole (after a space, before a boundary): "Base" of "Air Base" too.
    frozenset(
        {
            "prefecture",
            "province",
            "island",
            "islands",
            "peninsula",
            "base",
            "bay",
            "port",
            "harbour",
            "harbor",
            "strait",
            "atoll",
            "archipelago",
            "region",
            "county",
            "oblast",
        }
    ),
)
#: A base named after its place: "RAAF Base Darwin", "Joint Base Elmendorf-Richardson".
_BASE_NAME: Final = _Gated(
    re.compile(
        r"\b(?:[A-Z]{2,6}|Joint|Naval|Air|Army|Marine Corps) Base "
        r"[A-Z][\w'\u2019]*(?:-[A-Z][\w'\u2019]*)?"
    ),
    (" Base ",),
)
_LIST_LEAD: Final = _Gated(
    re.compile(r"\b(?:include|includes|including|such as)\b"),
    frozenset({"include", "includes", "including", "such"}),
)
_TOPIC: Final = _Gated(
    re.compile(
        r"(?:discussed(?<!\wdiscussed)|concurred(?<!\wconcurred) on|agreed(?<!\wagreed) on"  # (X)
        r"|talked(?<!\wtalked) about|focused(?<!\wfocused) on"
        r"|exchanged(?<!\wexchanged) views on|talks(?<!\wtalks) on"
        r"|discussions(?<!\wdiscussions) on|touched(?<!\wtouched) on)\s+(?P<t>[^.;:]{3,160})"
    ),
    # Each phrase's first word, whole (after a boundary, before a space).
    frozenset(
        {
            "discussed",
            "concurred",
            "agreed",
            "talked",
            "focused",
            "exchanged",
            "talks",
            "discussions",
            "touched",
        }
    ),
)
_TOPIC_PARTS: Final = re.compile(r" and |, ")
_TOPIC_STOP: Final = re.compile(r"\s(?:during|at|in order|while|when|after|before|as|to)\s|,")
_TOPIC_LEAD: Final = re.compile(
    r"^(?:the )?(?:situations?|issues?|developments?|matters?) (?:in|of|regarding|concerning) "
    r"|^(?:bolstering|strengthening|deepening|boosting|expanding|enhancing|promoting|improving) "
    r"|^(?:the )?(?:start of )?"
)


def _without_lead(text: str) -> str:
    """``_TOPIC_LEAD.sub("", text)``, without a search past the start.

    Each branch of the pattern is anchored at the start, so its only match is the one
    there (which the last branch, all optional, always makes).
    """
    found = _TOPIC_LEAD.match(text)
    return text if found is None else text[found.end() :]


_VERBISH: Final = re.compile(
    r"^(?:agreed|confirmed|welcomed|said|vowed|pledged|decided|signed|held|also)\b"
)
_ONE: Final = _Gated(
    re.compile(
        r"\b(?:negotiating|negotiate|signed|sign|signing|concluded|conclude|ratified|seeking|seek)"
        r" one\b"
    ),
    (" one",),
)
# "X(?<!\wX)" is "\bX" for a literal X that starts with a word character (no word
# character before X), written literal first so the engine skips ahead to X instead
# of trying a word boundary at every offset; the patterns marked (X) below use it.
_BETWEEN: Final = re.compile(r"between(?<!\wbetween)\b")  # (X)
_HEAD_LOWER: Final = re.compile(r"[a-z]")
_STOP_MOD: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "of",
        "to",
        "for",
        "with",
        "and",
        "in",
        "on",
        "by",
        "at",
        "from",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "one",
        "two",
        "three",
        "nine",
        "any",
        "some",
        "every",
        "no",
        "which",
        "who",
        "whose",
        "each",
        "other",
        "all",
        "more",
        "most",
        "such",
        "latest",
        "first",
        "between",
        "among",
        "against",
    ]
)
_VERBS: Final = frozenset(
    [
        "sign",
        "signs",
        "seal",
        "seals",
        "agree",
        "agrees",
        "ink",
        "inks",
        "reach",
        "reaches",
        "conclude",
        "concludes",
        "approve",
        "approves",
        "ratify",
        "ratifies",
        "announce",
        "announces",
        "strike",
        "strikes",
        "clinch",
        "clinches",
        "back",
        "backs",
        "reject",
        "rejects",
        "oppose",
        "opposes",
        "share",
        "shares",
        "is",
        "are",
        "was",
        "were",
    ]
)
_IDIOM: Final = _Gated(
    re.compile(r"\b(?:a|the) (?:great|good|big) deal\b|\bdeal with\b|\bdeal of\b", re.IGNORECASE),
    ("deal",),
)
_KEEP_ING: Final = frozenset(
    {"policing", "servicing", "cross-servicing", "training", "peacekeeping"}
)
_FUTURE_SIGN: Final = re.compile(
    r"(?:will(?<!\wwill)|to(?<!\wto)|would(?<!\wwould)|plan(?<!\wplan)s? to"  # (X)
    r"|plan(?<!\wplan) to|aim(?<!\waim) to|expected(?<!\wexpected) to"
    r"|intend(?<!\wintend)s? to)\s+(?:\w+\s+)?$"
)
_ACCESSION: Final = re.compile(r"\s(?:membership|accession|bid to join|application)\b")
_POSTMOD_DATE: Final = re.compile(r"\s+of\s+")
_DATE_EXCLUDE: Final = re.compile(
    r"(?:by(?<!\wby)|dating(?<!\wdating) from|since(?<!\wsince)|dates(?<!\wdates) from"  # (X)
    r"|established(?<!\westablished) in|first(?<!\wfirst) staged in|before(?<!\wbefore)"
    r"|arrived(?<!\warrived)(?: in [\w' ]{2,20})? on"
    r"|to(?<!\wto)|until(?<!\wuntil)|through(?<!\wthrough))\s+(?:the\s+)?$"
)
_EXERCISE_NAMED: Final = _Gated(
    re.compile(
        r"\b[Ee]xercise (?P<n>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})"
        r"|[\"\u201c](?P<q>[A-Z][^\"\u201d\n]{2,40})[\"\u201d] "
        r"(?=(?:joint |naval |military )*"
        r"(?:drills|exercise|exercises|maneuvers|manoeuvres|war games))"
        r"|(?:exercise|drills|maneuvers) [\"\u201c](?P<q2>[A-Z][^\"\u201d\n]{2,40})[\"\u201d]"
    ),
    ("xercise ", '"', "“"),
)
#: "the Pacific Dragon missile-defence exercise": a capitalised name before the exercise
#: noun and at most two lower-case modifiers; a name holding a state, or one known place
#: ("the Panama Canal protection exercise"), is a modifier instead.
_EXERCISE_CAPITALISED: Final = _Gated(
    re.compile(
        r"the (?<!\wthe )(?P<c>[A-Z][a-z][\w-]*(?: [A-Z][a-z][\w-]*){1,3})"  # (X)
        r"(?= (?:[a-z][\w-]* ){0,2}(?:exercise|drills|maneuvers|manoeuvres|war games)\b)"
    ),
    # The noun the lookahead reads, whole (after a space, before a boundary).
    frozenset({"exercise", "drills", "maneuvers", "manoeuvres", "games"}),
)
_ALIAS: Final = re.compile(r"(?:[\s-]*\d{2,4})?\s\((?P<a>(?:New )?[A-Z][A-Z0-9-]{1,9})\)")
_EXERCISE_REF: Final = _Gated(
    re.compile(
        r"\b(?:planning (?:event|conference|meeting)|planners?|ahead of|in preparation for"
        r"|rehearsal)\b[^.]{0,40}$"
    ),
    ("planning ", "planner", "ahead of", "in preparation for", "rehearsal"),
)
_EXERCISE_QUALIFIER: Final = re.compile(  # (X)
    r"(?:joint(?<!\wjoint)|military(?<!\wmilitary)|naval(?<!\wnaval)"
    r"|multinational(?<!\wmultinational)|combined(?<!\wcombined)|bilateral(?<!\wbilateral)"
    r"|trilateral(?<!\wtrilateral)|live-fire(?<!\wlive-fire)|large-scale(?<!\wlarge-scale)"
    r"|annual(?<!\wannual)|air(?<!\wair)|maritime(?<!\wmaritime))\b"
)
#: Substrings (any case) that hint at an agreement or an exercise's participants; a
#: sentence with none of them skips those rules.
_AGREEMENT_HINTS: Final = (
    "agreement",
    "accord",
    "pact",
    "treaty",
    "treaties",
    "deal",
    "declaration",
    "protocol",
    "memorandum",
    "convention",
    "arrangement",
    "mou",
    "alliance",
    "membership",
    "accession",
    "framework",
    "joint statement",
    "joint communiqu",
)
#: A joint statement or communiqué: an agreement only when the text says it was signed.
_STATEMENT_ON: Final = re.compile(r" on (?P<w>[a-z][\w-]*(?: [a-z][\w-]*){0,9})")
_JOINT_STATEMENT: Final = re.compile(  # (X)
    r"joint (?<!\wjoint )(?:statement|communiqu[e\u00e9])\b", re.IGNORECASE
)
_EXERCISE_HINTS: Final = (
    "part",
    "join",
    "from",
    "host",
    "involv",
    "bring",
    "pair",
    "contribut",
    "edition",
    "location",
    "site",
    "venue",
    "ceremony",
    "observer",
    "invited",
    "held",
    "staged",
    "place",
)
# "the second round was held in Washington last December", "the first 2+2 meeting, held
# in New Delhi in September 2018", "the inaugural round in Tokyo in April 2022": an earlier
# (or later) session of the series the article reports, with its own place and date.
#: Nouns one of which every match of _SERIES_ROUND holds (in lower case).
_SERIES_NOUNS: Final = ("round", "session", "meeting", "dialogue")
_SERIES_ROUND: Final = _Gated(
    re.compile(
        r"\b(?:the|its|their)\s+(?:first|second|third|fourth|fifth|sixth|inaugural|previous"
        r"|last|latest|next|earlier|preceding)\s+(?:(?:such|annual|[\"\u201c]?[\w+-]+"
        r"[\"\u201d]?)\s+){0,2}?(?:round|session|meeting|dialogue)\b",
        re.IGNORECASE,
    ),
    _SERIES_NOUNS,
)
#: Words one of which every match of _SERIES_ROUND holds (in lower case).
_SERIES_ORDINALS: Final = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "inaugural",
    "previous",
    "last",
    "latest",
    "next",
    "earlier",
    "preceding",
)
_SERIES_TAIL: Final = re.compile(r",?\s+(?:(?:was|were|is|will be)\s+)?(?:held\s+)?(?:in|at)\s+")
_PLANNING: Final = re.compile(r"planning (?<!\wplanning )(?:event|conference|meeting)\b")  # (X)
_NOUN_TRIGGER: Final = re.compile(  # (X)
    r"(?:meeting(?<!\wmeeting)|meetings(?<!\wmeetings)|talks(?<!\wtalks)|summit(?<!\wsummit)"
    r"|summits(?<!\wsummits)|negotiations(?<!\wnegotiations)|round(?<!\wround)"
    r"|planning event(?<!\wplanning event)|planning conference(?<!\wplanning conference))\b"
)
_VISIT: Final = _Gated(
    re.compile(  # (X)
        r"(?:visit(?<!\wvisit)(?:s|ed|ing)?|trip(?<!\wtrip)|travel(?<!\wtravel)(?:ed|led)?)\b"
    ),
    frozenset(
        {"visit", "visits", "visited", "visiting", "trip", "travel", "traveled", "travelled"}
    ),
)
_EDITION: Final = _Gated(
    re.compile(
        r"\b(?:edition|editions|exercise locations|exercise sites|opening ceremony|the ceremony)\b"
    ),
    # A word of each phrase, whole.
    frozenset({"edition", "editions", "locations", "sites", "ceremony"}),
)
#: Before an exercise's name: "The previous joint Russian-Belarusian Zapad exercise".
_PREVIOUS_BEFORE: Final = re.compile(r"\b[Tt]he (?:previous|prior|preceding)\b[^.,;]{0,40}$")
#: Between two items of a list of places: "Russia and Belarus", "Guam, Saipan".
_LIST_GAP: Final = re.compile(r",? and |, ")
#: "It is being held at ...", "They took place in ...": the exercise just told of.
_IT_HELD: Final = re.compile(
    r"\s*(?:It|They) (?:(?:is|are|was|were|will be)(?: also)?(?: being)? (?:held|staged"
    r"|conducted)|(?:takes|take|took|is taking|are taking) place)\b"
)
_THIS_YEAR: Final = re.compile(r"\bthis year['\u2019]s\b", re.IGNORECASE)
#: A relative pronoun that is the subject of the verb after it ("that will scrap"),
#: unlike "that the two capitals signed in 2000", whose verb acts on the noun before.
_AUXILIARIES: Final = frozenset(
    {
        "will", "would", "could", "can", "may", "might", "should", "shall", "also", "then",
        "is", "are", "was", "were", "to", "be", "been", "has", "have", "had", "not", "further",
    }
)  # fmt: skip
_RELATIVE_SUBJECT: Final = re.compile(
    rf"\b(?:that|which)(?:\s+(?:{'|'.join(sorted(_AUXILIARIES))}))*\s+$"
)
#: How far before a verb :func:`_relative_subject` looks first.
_RELATIVE_WINDOW: Final = 80


def _relative_subject(text: str, start: int, end: int) -> bool:
    r"""Whether ``_RELATIVE_SUBJECT.search(text, start, end)`` finds a match.

    The match ends at *end*, so one that starts within the last ``_RELATIVE_WINDOW``
    characters is found by searching them alone (``\b`` still sees the character
    before). One that starts earlier leaves in that window only whitespace, the whole
    auxiliaries after it and the tail of the word before them, so the whole range is
    searched only then; otherwise each instrument of a long clause would search the
    stretch before every status verb of it again.
    """
    lo = max(start, end - _RELATIVE_WINDOW)
    if _RELATIVE_SUBJECT.search(text, lo, end) is not None:
        return True
    if lo == start:
        return False
    inner = text[lo:end].split()[1:]  # the first word may be cut by the window
    if any(word not in _AUXILIARIES for word in inner):
        return False
    return _RELATIVE_SUBJECT.search(text, start, end) is not None


#: Capitalised words ending in an instrument's head ("1951 Mutual Defense Treaty").
_NAMED_INSTRUMENT: Final = re.compile(
    r"\s+(?:[A-Z][\w'\u2019-]*\s+){0,5}"
    r"(?:Treaty|Agreement|Accord|Pact|Alliance|Declaration|Convention|Protocol|Charter)\b"
)
#: An applicant's wish to join an instrument (the applicant is not yet a party).
_BID_TO_JOIN: Final = _Gated(
    re.compile(
        r"\b(?:bid|bids|application|applied|applies|apply|applying|seeks?|seeking|hopes?|wants?)"
        r" to (?:join|accede to)\s+(?:the\s+)?$"
    ),
    (" to join", " to accede to"),
)
#: The rest of a name up to its acronym ("... Agreement for Trans-Pacific Partnership (").
_NAME_GOES_ON: Final = re.compile(r"(?: (?:for|of|on|and|the|[A-Z][\w'\u2019-]*)){0,8} ?\(?")
#: ", and in <direction> <Name> province": a further place of what the sentence states.
_AND_PLACE: Final = re.compile(r", and (?:in|at|off|near|around|across|from) ")
#: A finite verb right after a state: the state is a new clause's subject.
_FINITE_VERB: Final = re.compile(
    r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|becomes|became|signed|agreed"
    r"|said|says|also|plans|hopes|wants)\b"
)
#: ", as the only ...": an apposition describing the instrument just named.
_APPOSITION: Final = re.compile(r",\s+as\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}$")
#: A purpose after an instrument's head: " to <verb> <object>" (lower case).
_PURPOSE: Final = re.compile(
    r" to (?P<w>(?:restore|establish|end|resume|normalise|normalize|reopen|boost|expand|curb"
    r"|ease|settle|share|protect|build|develop|resolve|demarcate|cut|reduce|supply|export"
    r"|import|send|ship|lift)(?: [a-z][\w-]*){1,3})"
)
#: Private people after a demonym: not the state ("American business executives").
_PRIVATE_PEOPLE: Final = re.compile(
    r" (?:business|executives|companies|firms|investors|students|tourists|citizens|fans"
    r"|journalists|reporters|workers|shipbuilders?|farmers|exporters|consumers)\b"
)
_TOWN_BEFORE: Final = re.compile(  # (X)
    r"(?:in(?<!\win)|at(?<!\wat)) (?P<t>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?), $"
)
_SAME_PARTICIPANTS: Final = re.compile(  # (X)
    r"the(?<!\wthe) same (?:(?:two|three|four|five|six|seven|eight|\d+) )?"
    r"(?:navies|countries|nations|participants|forces|armies|militaries|partners)\b"
)
#: An obligation still ahead of a status verb ("has to be ratified").
_NOT_YET: Final = re.compile(  # (X)
    r"(?:to(?<!\wto)|must(?<!\wmust)|should(?<!\wshould)|would(?<!\wwould)|will(?<!\wwill)"
    r"|could(?<!\wcould)|can(?<!\wcan)|may(?<!\wmay)) (?:still )?be $"
)
#: Post-modifiers of an instrument: "of friendship", "on economic, trade and
#: investment cooperation".
_POST_OF: Final = re.compile(
    r" (?:of|on) ((?:(?!and\b)[a-z][\w-]*,? ){0,2}(?!and\b)[a-z][\w-]*"
    r"(?:,? and [a-z][\w-]*(?: [a-z][\w-]*)?)?)"
)
#: A space then a capital: a name goes on ("Agreement on Defence" vs "agreement on defence").
_SPACE_CAPITAL: Final = re.compile(r" [A-Z]")
_THEY_LOWER: Final = re.compile(r"they(?<!\wthey)\b")  # (X)
_THEY: Final = re.compile(r"\s*They\b")
_BRACKETED_ACRONYM: Final = re.compile(r"\((?P<a>[A-Z][A-Z0-9-]{1,9})\)")
_SPLIT_AND: Final = re.compile(r", and |; |, but |, which |, who |, where | ahead of ")
#: The kind of clause each cut word opens (any other: "rel").
_CUT_KINDS: Final = {"and": "and", "but": "and", "ahead of": "ahead"}
#: The same cuts but " ahead of ", for a sentence without it: a branch that never
#: matches leaves the scan unchanged, and the rest start only at "," or ";".
_SPLIT_AND_NOT_AHEAD: Final = re.compile(r", (?:and|but|which|who|where) |; ")
#: What every cut of _SPLIT_AND starts with.
_SPLIT_HEADS: Final = (", ", "; ", " ahead of ")


def _split_matches(
    text: str, start: int, end: int, *, ahead: bool, heads_in: str
) -> list[re.Match[str]]:
    """``finditer`` of the clause cuts over text[start:end], tried only where one can start.

    The pattern is _SPLIT_AND, or _SPLIT_AND_NOT_AHEAD when not *ahead*. Each branch
    starts with one of the heads, so every match starts at one of the places found;
    the matches are those the pattern makes there, leftmost first and each after the
    last (none is empty), as ``finditer`` steps.

    The heads are looked for in *heads_in*, a copy of *text* at the same offsets that
    holds each head wherever *text* does (the fold's ASCII copy: the heads are ASCII in
    lower case). A place it adds ("Ahead of") holds no head in *text*, so no branch
    matches there and the matches are the same.
    """
    pattern = _SPLIT_AND if ahead else _SPLIT_AND_NOT_AHEAD
    spots: list[int] = []
    for head in _SPLIT_HEADS if ahead else _SPLIT_HEADS[:2]:
        at = heads_in.find(head, start, end)
        while at >= 0:
            spots.append(at)
            at = heads_in.find(head, at + 1, end)
    spots.sort()  # the heads start with different characters: no place twice
    out: list[re.Match[str]] = []
    last = start
    for at in spots:
        if at >= last:
            found = pattern.match(text, at, end)
            if found is not None:
                out.append(found)
                last = found.end()
    return out


#: After a state: it objects to or warns about the event ("China objected to the drills",
#: "North Korea, which has warned of ...", "China's objection"): a critic, not a party.
_CRITIC_AFTER: Final = re.compile(
    r"(?:(?:['\u2019]s?)? (?:objection|protest|criticism|condemnation|opposition|warning)s?\b"
    r"|(?:,? which)? (?:has |have |had |also |long |strongly |on \w+ ){0,3}"
    r"(?:objected|objects|protested|protests|condemned|condemns|criticised|criticized"
    r"|criticises|criticizes|denounced|denounces|warned|warns|opposed|opposes|slammed"
    r"|slams|rejected|rejects)\b)"
)
#: A word start that every match of _CRITIC_AFTER holds, one for each of its words
#: ("object": objection, objected, objects; "critic": criticism, criticised ...;
#: "oppos": opposition, opposed, opposes; "warn": warning, warned, warns).
_CRITIC_STEMS: Final = (
    "object",
    "protest",
    "critic",
    "condemn",
    "oppos",
    "warn",
    "denounc",
    "slam",
    "reject",
)
#: Before a state: a target, a broker or a mediator ("aimed at North Korea", "brokered by
#: China", "under the auspices of Turkey"), not a party.
_NON_PARTY_BEFORE: Final = re.compile(
    r"\b(?:aimed at|directed at|targeting|targeted at|to deter|to counter|brokered by"
    r"|mediated by|under the auspices of|with the mediation of|facilitated by"
    r"|(?:intelligence|information|data) (?:on|about)"
    r"|(?:other|third) (?:nations|countries|states|partners),? (?:including|such as|like))"
    r"(?: the| both| its)?(?:(?: [\w-]+){1,3} and)? ?$"
)
#: A word start that every match of _NON_PARTY_BEFORE holds, one for each of its phrases
#: ("mediat": mediated, mediation; "target": targeting, targeted).
_NON_PARTY_STEMS: Final = (
    "aimed",
    "directed",
    "target",
    "deter",
    "counter",
    "brokered",
    "mediat",
    "auspices",
    "facilitated",
    "intelligence",
    "information",
    "data",
    "other",
    "third",
)
#: "<instrument>, concluded in 2014, under which information is passed": applied now.
_UNDER_WHICH_PRESENT: Final = re.compile(
    r"[^.;]{0,80}?, under (?:which|whose terms) (?:[\w-]+ ){1,3}?"
    r"(?:is|are|can|may|remains|continues|allows|lets|gives)\b"
)
#: After a person: a speaker about an exercise is not taking part in it.
_SPEAKER: Final = re.compile(r",? (?:said|says|told|added|noted|stated)\b")
#: After a capital: "Vienna talks", "the Geneva summit": a place, not a party.
_SEAT_AS_PLACE: Final = re.compile(r" (?:talks|summit|meeting|negotiations|conference)\b")
#: Where a meeting clause holds a second encounter of its own: "whom X met earlier",
#: "a day after X called on Y", "since 2018, when X met Y", "the first meeting, held in ...".
_MEETING_CUT: Final = _Gated(
    re.compile(
        r", when |, whom | a day after | days? after | the day after | weeks? after "
        r"|, held (?=in |at |on )|\bbefore the (?=\w+, )|\bafter the (?=\w+, )"
        r"|,? and (?:he |she )?later "
    ),
    # A word of each phrase, whole (between spaces or commas, or after a boundary).
    frozenset({"when", "whom", "after", "held", "before", "later"}),
)


#: Patterns of the rules below, compiled once.
_OF_CAPITAL: Final = re.compile(r" (?:of|on|for) (?:the )?[A-Z]")
_DEFENCE_COOPERATION: Final = re.compile(  # (X)
    r"defen(?<!\wdefen)[cs]e (?:cooperation|collaboration|co-operation)\b"
)
_WITH_SOON: Final = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:[\w-]+\s){0,3}?with\b")
_TRILATERAL_WORD: Final = re.compile(r"trilateral(?<!\wtrilateral)\b")  # (X)
_HOLD_VERB: Final = _Gated(
    re.compile(  # (X)
        r"(?:hold(?<!\whold)|held(?<!\wheld)|conduct(?<!\wconduct)(?:ed)?"
        r"|kicked off(?<!\wkicked off)|began(?<!\wbegan)|stage(?<!\wstage)d?"
        r"|launch(?<!\wlaunch))\b"
    ),
    frozenset(
        {"hold", "held", "conduct", "conducted", "kicked", "began", "stage", "staged", "launch"}
    ),
)
_HOSTED_BY_WORD: Final = re.compile(r"hosted by\b")
_BILATERAL_WORD: Final = re.compile(r"bilateral(?<!\wbilateral)\b")  # (X)
_ALLIANCE_WORD: Final = re.compile(r"Alliance(?<!\wAlliance)\b")  # (X)
_COUNT_BEFORE: Final = re.compile(
    r"(?<![\d,])(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+$"
)
_DEFINITE_BEFORE: Final = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
_UNTIL_BEFORE: Final = re.compile(r"\b(?:until|through|till|to)\s+$")
_TRAILING_BRACKET: Final = re.compile(r"\s*\([^)]*\)$")
_PRIOR_TO: Final = _Gated(re.compile(r"prior to(?<!\wprior to)\b"), frozenset({"prior"}))  # (X)
_MEETINGS_WITH: Final = re.compile(r"^(?: meetings| talks)? with\b")
_NEGATED_BEFORE: Final = _Gated(
    re.compile(r"\b(?:not|no|without)\b(?: \w+){0,3} $"), ("no", "without")
)
_NOT_AN: Final = _Gated(re.compile(r"\b(?:does not amount|is not|not an?)\b"), ("not",))
_SPACES: Final = re.compile(r"\s+")
_ENABLING_BEFORE: Final = re.compile(
    r"(?:facilitate(?<!\wfacilitate)|facilitating(?<!\wfacilitating)"  # (X)
    r"|enabling(?<!\wenabling)|enable(?<!\wenable)|enables(?<!\wenables)|able(?<!\wable) to"
    r"|allow(?<!\wallow)|allows(?<!\wallows)|allowing(?<!\wallowing)|permit(?<!\wpermit)"
    r"|permits(?<!\wpermits)|permitting(?<!\wpermitting))\s+(?:\w+\s+){0,2}$"
)
_YEAR_DIGITS: Final = re.compile(r"(?:19|20)\d\d")
_SIDELINES_WITH: Final = _Gated(
    re.compile(
        r"on the sidelines of (?<!\won the sidelines of )(?:a|an|the) [^.;,]{0,60}?"  # (X)
        r"\b(?:meeting|summit|talks|conference)\s+with\b"
    ),
    ("on the sidelines of ",),
)
_SEE_PEOPLE: Final = _Gated(
    re.compile(r"\b(?:would|will) see (?:both of them|the two leaders|them both)\b"), (" see ",)
)
_TOGETHER_WITH: Final = _Gated(re.compile(r",? together with\b"), frozenset({"together"}))
_CALL_ON: Final = re.compile(r"\b(?:called|calls|call) on\b|\bcourtesy call\b")
_AFTER_TALKS: Final = re.compile(r"(?:After|Following) (?:the|their) (?:talks|meeting|dialogue)\b")
_WITH_OR_BETWEEN: Final = re.compile(r"\s(?:with|between)\b")
_APPROVED_BEFORE: Final = re.compile(r"\b(?:approved|ratified|endorsed)\s+$")
_PARTICIPANTS_OR: Final = re.compile(r"participants or $")
_NOT_YET_WORDS: Final = re.compile(r"not yet(?<!\wnot yet)\b")  # (X)
_YEARISH: Final = re.compile(r"\d{4}|\d+-year")
#: "the five-point declaration", "a 12-point plan": a count of points names nothing.
_POINTS: Final = re.compile(
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-point", re.IGNORECASE
)
_ARTICLE_BEFORE: Final = re.compile(r"\b(?:an?|its|their|his|her)\s+$")
_THIS_YEARS_BEFORE: Final = re.compile(r"\b(?:the|this|that|this year['\u2019]s|the annual)\s+$")
_HOSTED_BY: Final = re.compile(r"hosted by")


# attr.s rather than attrs.define/frozen: mypyc compiles attr.s classes as native
# classes, with fast attribute access. Native classes keep none of the __eq__,
# __hash__ and __repr__ attrs writes, so records compare and hash by identity in both
# builds (eq=False); the extractor never compares two records by value. Their __init__
# is written out (init=False) so that mypyc compiles it too: the one attrs writes is run
# by the interpreter. attrs.evolve calls it with the field names as keywords.
@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class MeetingObs:
    """What one clause says about a meeting."""

    sentence: int
    section: str
    parties: list[Mention]
    status: MeetingStatus
    date: PartialDate | None
    date_text: str | None
    location: Location | None
    format: MeetingFormat | None
    topics: list[str]
    span: tuple[int, int]
    series: bool = False  # a session of the series told in passing, with its own place and date
    follows: bool = False  # "After the talks, ...": on the day of the talks just told

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        sentence: int,
        section: str,
        parties: list[Mention],
        status: MeetingStatus,
        date: PartialDate | None,
        date_text: str | None,
        location: Location | None,
        format: MeetingFormat | None,  # noqa: A002 - the field's name, as attrs.evolve passes it
        topics: list[str],
        span: tuple[int, int],
        series: bool = False,
        follows: bool = False,
    ) -> None:
        """Make the record from its fields."""
        self.sentence = sentence
        self.section = section
        self.parties = parties
        self.status = status
        self.date = date
        self.date_text = date_text
        self.location = location
        self.format = format
        self.topics = topics
        self.span = span
        self.series = series
        self.follows = follows


@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class AgreementObs:
    """What one clause says about an agreement."""

    sentence: int
    section: str
    name: str | None
    acronym: str | None
    kind: AgreementKind
    level: str  # "named", "specific", "generic" or "anaphor"
    parties: list[Mention]
    status: AgreementStatus | None
    date: PartialDate | None
    date_text: str | None
    default: bool
    span: tuple[int, int]
    position: int
    purpose: str | None = None

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        sentence: int,
        section: str,
        name: str | None,
        acronym: str | None,
        kind: AgreementKind,
        level: str,
        parties: list[Mention],
        status: AgreementStatus | None,
        date: PartialDate | None,
        date_text: str | None,
        default: bool,
        span: tuple[int, int],
        position: int,
        purpose: str | None = None,
    ) -> None:
        """Make the record from its fields."""
        self.sentence = sentence
        self.section = section
        self.name = name
        self.acronym = acronym
        self.kind = kind
        self.level = level
        self.parties = parties
        self.status = status
        self.date = date
        self.date_text = date_text
        self.default = default
        self.span = span
        self.position = position
        self.purpose = purpose


#: The status list last read by :meth:`Reader._status_matches`, with the keywords of its
#: indexed phrase lists (found once, not for each clause).
_STATUS_KEYWORDS: Final[list[tuple[list[tuple[AgreementStatus, Phrases]], frozenset[str]]]] = []


@attr.s(auto_attribs=True, slots=True, eq=False, init=False)
class ExerciseObs:
    """What one clause says about an exercise."""

    sentence: int
    section: str
    name: str | None
    past: bool
    reference: bool
    parties: list[Mention]
    excluded: list[Mention]
    status: ExerciseStatus | None
    start: PartialDate | None
    end: PartialDate | None
    date_text: str | None
    locations: list[Location]
    domain: Domain | None
    span: tuple[int, int]
    position: int

    def __init__(  # noqa: PLR0913, PLR0917 - the record's fields, as attrs would take them
        self,
        sentence: int,
        section: str,
        name: str | None,
        past: bool,
        reference: bool,
        parties: list[Mention],
        excluded: list[Mention],
        status: ExerciseStatus | None,
        start: PartialDate | None,
        end: PartialDate | None,
        date_text: str | None,
        locations: list[Location],
        domain: Domain | None,
        span: tuple[int, int],
        position: int,
    ) -> None:
        """Make the record from its fields."""
        self.sentence = sentence
        self.section = section
        self.name = name
        self.past = past
        self.reference = reference
        self.parties = parties
        self.excluded = excluded
        self.status = status
        self.start = start
        self.end = end
        self.date_text = date_text
        self.locations = locations
        self.domain = domain
        self.span = span
        self.position = position


#: One of the three kinds of observation.
_Obs = TypeVar("_Obs", MeetingObs, AgreementObs, ExerciseObs)


class Clause:
    """A stretch of a sentence read on its own.

    ``kind`` is ``main``, ``and`` (a verb phrase sharing the main clause's subject),
    ``rel`` (", which ...", ", where ..."), ``ahead`` ("ahead of a formal round ...")
    or ``background`` (", as ...", " amid ...").

    A plain class, not an attrs one: mypyc builds it without calling the Python
    ``__init__`` attrs writes (clauses are never compared, copied or printed).
    """

    __slots__ = ("background", "end", "kind", "start")

    def __init__(self, start: int, end: int, background: bool, kind: str = "main") -> None:
        """Hold the clause's span, whether it is background, and its kind."""
        self.start = start
        self.end = end
        self.background = background
        self.kind = kind


#: Each enum's members by value, as the enum's constructor finds them, without its
#: call through the interpreter.
_AGREEMENT_KINDS: Final[dict[str, AgreementKind]] = {k.value: k for k in AgreementKind}
_DOMAINS: Final[dict[str, Domain]] = {d.value: d for d in Domain}
_EXERCISE_STATUSES: Final[dict[str, ExerciseStatus]] = {e.value: e for e in ExerciseStatus}


#: The agreement-status table last converted by :func:`_statuses`, and its list.
_STATUS_LIST: list[tuple[dict[str, Phrases], list[tuple[AgreementStatus, Phrases]]]] = []


def _statuses(table: dict[str, Phrases]) -> list[tuple[AgreementStatus, Phrases]]:
    """The status table's entries with their statuses, in table order (shared: read only).

    Built once for the gazetteer's table (the last one seen), not for each article.
    """
    if not _STATUS_LIST or _STATUS_LIST[0][0] is not table:
        _STATUS_LIST[:] = [(table, [(AgreementStatus(v), rx) for v, rx in table.items()])]
    return _STATUS_LIST[0][1]


def _uniq_codes(ms: Sequence[Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        code = m.code
        if code and code not in out and m.is_state:
            out.append(code)
    return out


def _two_codes(ms: Sequence[Mention]) -> bool:
    """``len(_uniq_codes(ms)) >= 2``, stopping at the second code, with no list."""
    first = ""
    for m in ms:
        code = m.code
        if code and m.is_state:
            if not first:
                first = code
            elif code != first:
                return True
    return False


class Reader:
    """Reads one article's sentences in order, keeping discourse state between them."""

    def __init__(  # noqa: PLR0913, PLR0917 - one article's whole analysis, passed once
        self,
        text: str,
        published: dt.date | None,
        gaz: Gazetteer,
        mentions: list[Mention],
        persons: list[Person],
        dates: list[DateMention],
        exercise_aliases: dict[str, str],
    ) -> None:
        """Prepare lookups over the article's mentions and dates."""
        self.text = text
        self.published = published
        self.gaz = gaz
        self.mentions = mentions
        self.persons = persons
        self.starts = [m.start for m in mentions]
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        self.exercise_aliases = exercise_aliases
        # "Sea Breeze 2017", "Justified Accord 2024": a year in a name dates nothing.
        self.name_years = {
            d.start
            for m in mentions
            if m.kind == "exercise"
            for d in self.dates_within(m.end, m.end + 3)
        }
        self.last_group: list[Mention] = []
        self.last_person: Mention | None = None
        #: The last two persons of different states named ("the pair", "the two leaders").
        self.last_persons: list[Mention] = []
        #: The last persons of different states named, latest last ("the three men").
        self.recent_persons: list[Mention] = []
        self.last_agreement: AgreementObs | None = None
        #: The last pair of states an agreement was stated between, for a named
        #: instrument whose parties are only "the two countries" or one side.
        self.agreement_group: list[Mention] = []
        self.meetings: list[MeetingObs] = []
        self.agreements: list[AgreementObs] = []
        self.exercises: list[ExerciseObs] = []
        #: The first mention of each state among the parties of the exercise
        #: observations that are no past edition, by state in reading order: of all of
        #: them, and of those of each name (what _dedupe of their parties keeps).
        self._present_parties: dict[str, Mention] = {}
        self._present_parties_by_name: dict[str | None, dict[str, Mention]] = {}
        #: The text lower-cased by fold_lower (cached by the gazetteer, whose scans fold it).
        self.folded = _lowered(text)
        #: The fold with each code point past ASCII a ``?`` (the same offsets), where the
        #: rules look for their hint and stem substrings (each ASCII, in lower case and
        #: free of ``?``: one occurs in it where it occurs in the fold; and ``in`` reads a
        #: one-byte text as is, where it widens each needle to a two-byte text's width).
        self.ascii_folded = _ascii_lowered(text).decode("ascii")
        #: Whether the article reports a sport (see :meth:`sport`), once asked.
        self._sport: bool | None = None
        self.exercise_year: int | None = None
        #: States that object to, warn about or condemn an exercise ("China's objection to
        #: the India-US exercise"): critics, never participants of a later anaphoric mention.
        self.exercise_critics: set[str] = set()
        self.section = "body"
        self.sentence_bounds = (0, 0)
        self.dateline: Location | None = None
        self.dateline_paragraph = -1
        self._statuses = _statuses(gaz.status_regex)
        # Pure tests of the text at one offset, asked again by several rules.
        self._critics_after: dict[int, bool] = {}
        #: Where a stem of _CRITIC_STEMS or of _NON_PARTY_STEMS starts in the fold's ASCII
        #: copy, sorted (found when :meth:`_critic_after` or :meth:`bystander` first asks).
        self._critic_spots: list[int] | None = None
        self._non_party_spots: list[int] | None = None
        self._non_party_before: dict[int, bool] = {}
        #: Phrase-list matches in the sentence read, by list, and the sentence's words.
        self._scans: dict[str, list[re.Match[str]]] = {}
        #: For each of those lists, its matches' starts and the furthest end of the
        #: matches before each one (searched by :meth:`_phrases` by bisection).
        self._scan_reach: dict[str, tuple[list[int], list[int]]] = {}
        self._sentence_words: frozenset[str] | None = None
        self._resolved: dict[
            tuple[int, bool, int | None], tuple[DateMention, PartialDate | None]
        ] = {}

    # ---- lookups ---------------------------------------------------------------------

    def sport(self) -> bool:
        """Whether the article reports a sport: two sport words or more in its start.

        Found when a rule first asks (an article with no meeting to read never does).
        """
        if self._sport is None:
            text = self.text
            sport_words = self.gaz.regex["sport_words"]
            limit = min(len(text), 200_000)
            # Each match shows a keyword of the list whole and matches do not overlap, so
            # fewer than two keyword occurrences in the folded text mean fewer than two
            # matches, without the scan.
            keys = sport_words.keys
            low = self.folded if limit == len(text) else fold_lower(text[:limit])
            if (
                keys is not None
                and limit == len(text)
                and all(key.isascii() and "?" not in key for key in keys)
            ):
                # An ASCII key without "?" occurs in the fold's ASCII copy where it occurs
                # in the fold (the same offsets): the same counts, from a one-byte text.
                low = self.ascii_folded
            if keys is not None and sum(low.count(key) for key in keys) < 2:
                self._sport = False
            else:
                found = sport_words.scan(text, 0, limit)
                self._sport = len(list(itertools.islice(found, 2))) >= 2  # two are enough
        return self._sport

    def within(self, start: int, end: int) -> list[Mention]:
        """Return the mentions that start in [start, end)."""
        starts = self.starts
        i = bisect_left(starts, start)
        # The starts from i on are sorted and at or after start: the scan stops where
        # bisect_left(starts, end) would, or at the cap the slice takes. A span holds a
        # few mentions, fewer steps than a second bisection.
        stop = min(len(starts), i + MAX_CLAUSE_MENTIONS)
        j = i
        while j < stop and starts[j] < end:
            j += 1
        return self.mentions[i:j]

    def dates_within(self, start: int, end: int) -> list[DateMention]:
        """Return the date mentions that start in [start, end)."""
        starts = self.date_starts
        i = bisect_left(starts, start)
        # As in within(): a short scan from i, to the cap of 20.
        stop = min(len(starts), i + 20)
        j = i
        while j < stop and starts[j] < end:
            j += 1
        return self.dates[i:j]

    def clauses(self, s: Sentence) -> list[Clause]:
        """Cut the sentence read (*s*) at subordinating phrases and clause-joining commas."""
        text = self.text
        cuts: list[tuple[int, str]] = []
        lead = "main"
        for m in self._sentence_finditer(self.gaz.regex["context_cut"]):
            phrase = m.group().strip(" ,").lower()
            if phrase == "as" and text.startswith("well as ", m.end()):
                continue  # ", as well as from Armenia": the list goes on
            if phrase == "in mind":
                # "With China in mind, Japan has ...": the lead-in is background.
                cuts.append((m.end(), "main"))
                lead = "background"
                continue
            cuts.append(
                (
                    m.start(),
                    "rel" if phrase in {"following", "after", "since the"} else "background",
                )
            )
        # Looked for in the fold's one-byte ASCII copy, which holds the phrase wherever the
        # text does: where only the copy does ("Ahead of"), _SPLIT_AND matches as
        # _SPLIT_AND_NOT_AHEAD does (its extra branch matches nowhere).
        low = self.ascii_folded
        ahead = low.find(" ahead of ", s.start, s.end) >= 0
        for m in _split_matches(text, s.start, s.end, ahead=ahead, heads_in=low):
            word = m.group().strip(" ,;")
            if word == "and":
                nxt = self.within(m.end(), m.end() + 40)
                if (
                    nxt
                    and nxt[0].start - m.end() < 5
                    and nxt[0].is_state
                    and not _FINITE_VERB.match(text, nxt[0].end)
                ):
                    continue  # ", and Japan": a list, not a new clause ("and Japan has": one)
            kind = _CUT_KINDS.get(word, "rel")
            if m.group() == "; ":
                kind = "main"
            cuts.append((m.start(), kind))
        cuts.sort()
        out: list[Clause] = []
        cursor, kind = s.start, lead
        for pos, new_kind in cuts:
            if pos > cursor:
                out.append(Clause(cursor, pos, kind == "background", kind))
            cursor, kind = max(cursor, pos), new_kind
        if s.end > cursor:  # the clauses before it are never empty
            out.append(Clause(cursor, s.end, kind == "background", kind))
        return out

    def resolve_date(self, d: DateMention, *, future: bool) -> PartialDate | None:
        """Resolve a date mention with the article's publication date and anchors."""
        # resolve() is pure and its other inputs are fixed for the article (the year
        # before d), so a mention read again with the same future and exercise year
        # resolves as before; the memo holds d itself, so its id is not reused.
        key = (id(d), future, self.exercise_year)
        found = self._resolved.get(key)
        if found is not None and found[0] is d:
            return found[1]
        start, _ = resolve(
            d,
            self.published,
            future=future,
            anchor_year=self.year_before(d.start),
            context_year=self.exercise_year,
        )
        self._resolved[key] = (d, start)
        return start

    def year_before(self, position: int) -> int | None:
        """The last year stated before *position* ("in 2019 ... two years later")."""
        i = bisect_left(self.date_starts, position)
        for d in reversed(self.dates[max(0, i - 30) : i]):
            if d.year is not None:
                return d.year
        return None

    def _exercise_noun_in(self) -> bool:
        """Whether the sentence read names an exercise noun."""
        start, end = self.sentence_bounds  # unpacked: a starred call is a generic one
        return bool(self._phrases("exercise_noun", start, end))

    def _sentence_finditer(self, phrases: Phrases) -> Iterator[re.Match[str]]:
        """``phrases.finditer`` over the sentence read.

        A list with an index searches by it; otherwise its keyword gate looks the
        list's keys up in the words of the sentence (found once here), and it scans as
        :meth:`Phrases.scan` does when one is there.
        """
        start, end = self.sentence_bounds  # unpacked: a starred call is a generic one
        if phrases.index is not None:
            return phrases.finditer(self.text, start, end)
        if phrases.keys is not None:
            if self._sentence_words is None:
                self._sentence_words = _range_words(self.text, start, end)[0]
            if phrases.keys.isdisjoint(self._sentence_words):
                return iter(())
        return phrases.scan(self.text, start, end)

    def _phrases(self, key: str, start: int, end: int) -> list[re.Match[str]]:
        """The matches of phrase list *key* in [start, end), from one scan a sentence.

        The sentence's own matches inside a range of it are the range's, as long as none
        crosses either end and the range does not end inside a word: scanning the range
        then steps through the same positions and tries the same phrases there (the
        closing word-character test reads the same character). Otherwise it is scanned.
        """
        text = self.text
        s_start, s_end = self.sentence_bounds
        found = self._scans.get(key)
        if found is None:
            found = self._scans[key] = list(self._sentence_finditer(self.gaz.regex[key]))
        if (start, end) == (s_start, s_end):
            return found
        if (
            s_start <= start
            and end <= s_end
            and (end == s_end or _WORD_CHAR.match(text, end) is None)
        ):
            # The matches are in start order: those starting before an offset are a
            # prefix of them, and one of them crosses the offset when the furthest end
            # among them lies past it (a range of many clauses is not read match by
            # match for each clause).
            reach = self._scan_reach.get(key)
            if reach is None:
                ends = (t.end() for t in found)
                reach = self._scan_reach[key] = (
                    [t.start() for t in found],
                    list(itertools.accumulate(ends, max, initial=-1)),
                )
            starts, furthest = reach
            first = bisect_left(starts, start)
            last = bisect_left(starts, end)
            if furthest[first] <= start and furthest[last] <= end:
                # Past the starts before end, those at end: bisect_right(starts, end)
                # (a slice from first that ends before it is empty either way).
                while last < len(starts) and starts[last] == end:
                    last += 1
                return [t for t in found[first:last] if t.end() <= end]
        return list(self.gaz.regex[key].finditer(text, start, end))

    @staticmethod
    def _this_sentences(observations: list[_Obs], s: Sentence) -> Iterator[_Obs]:
        """The observations of sentence *s* so far, the latest first.

        Sentences are read in text order and never overlap, and each observation is
        appended while its sentence is read, with the sentence's span: those of the
        sentence read are the tail of the list, and no earlier one has its span.
        """
        span = (s.start, s.end)
        return itertools.takewhile(lambda o: o.span == span, reversed(observations))

    # ---- the sentence loop -----------------------------------------------------------

    def read(self, index: int, s: Sentence) -> None:
        """Read one sentence, appending observations."""
        self.section = s.section
        self.sentence_bounds = (s.start, s.end)
        self._scans.clear()
        self._scan_reach.clear()
        self._sentence_words = None
        # Cut only when a rule family reads them; each clause's lookups are shared by
        # the families (see _ClauseFacts).
        clauses: list[Clause] | None = None
        shared: list[_ClauseFacts] = []
        sentence_mentions = self.within(s.start, s.end)
        before = (len(self.meetings), len(self.agreements), len(self.exercises))
        # One search per kind decides whether the sentence is worth reading clause by clause.
        text = self.text
        kinds = {m.kind for m in sentence_mentions}
        # The sentence's part of the article's fold is fold_lower of the sentence but for
        # a Greek sigma whose final form depends on letters beyond the sentence: only
        # ASCII needles are looked for in it, so the tests below read the same (and read
        # the same in its ASCII copy, the needles holding no "?").
        low = self.ascii_folded[s.start : s.end]
        if "acronym" in kinds or _holds_any(low, _AGREEMENT_HINTS):
            clauses = self.clauses(s)
            shared = [_ClauseFacts(self, clause) for clause in clauses]
            for facts in shared:
                self._agreements(index, s, facts, clauses)
        if (
            "exercise" in kinds
            or self._exercise_noun_in()
            or (self.exercises and _holds_any(low, _EXERCISE_HINTS))
            or self.exercise_aliases
        ):
            if clauses is None:
                clauses = self.clauses(s)
                shared = [_ClauseFacts(self, clause) for clause in clauses]
            for facts in shared:
                self._exercises(index, s, facts)
        # The sport test is asked last: the searches before it change nothing but caches.
        if (
            self._phrases("meeting", s.start, s.end) or _SEE_PEOPLE.search(text, s.start, s.end)
        ) and not self.sport():
            exercise_clauses = {o.span for o in self.exercises[before[2] :] if not o.reference}
            exercise_sentence = (s.start, s.end) in exercise_clauses
            if clauses is None:
                clauses = self.clauses(s)
                shared = [_ClauseFacts(self, clause) for clause in clauses]
            for facts in shared:
                clause = facts.clause
                parts = self._meeting_parts(clause)
                for part in parts:
                    if (
                        exercise_sentence
                        and part.start == clause.start
                        and not _PLANNING.search(self.text, clause.start, clause.end)
                    ):
                        # An exercise's opening ceremony "hosted by" its hosts is no meeting;
                        # "since 2018, when X met Y" inside it still is.
                        continue
                    self._meetings(
                        index,
                        s,
                        facts if part is clause else _ClauseFacts(self, part),
                        sentence_mentions,
                    )
        # The series gate folds the sentence as ``low`` is folded: the same test. A match
        # also holds an ordinal; without one the rule reads nothing and changes nothing.
        if (
            _holds_any(low, _SERIES_NOUNS)
            and _holds_any(low, _SERIES_ORDINALS)
            and not self.sport()
        ):
            self._series_rounds(index, s)
        # Discourse state for "the two governments" and "he".
        new_groups = (
            [m.parties for m in self.meetings[before[0] :]]
            + [a.parties for a in self.agreements[before[1] :] if a.level != "anaphor"]
            if len(self.meetings) > before[0] or len(self.agreements) > before[1]
            else []
        )
        for group in reversed(new_groups):
            if _two_codes(group):
                self.last_group = [m for m in group if m.is_state]
                break
        else:
            run = self._coordinated(sentence_mentions)
            if _two_codes(run):
                self.last_group = run
        persons = [m for m in sentence_mentions if m.kind == "person"]
        if persons:
            self.last_person = persons[0]
        for m in persons:
            if m.code:
                self.last_persons = [p for p in self.last_persons if p.code != m.code][-1:]
                self.last_persons.append(m)
                self.recent_persons = [p for p in self.recent_persons if p.code != m.code][-6:]
                self.recent_persons.append(m)

    def _coordinated(self, ms: list[Mention]) -> list[Mention]:
        states = [m for m in ms if m.is_state and not m.is_locative]
        best: list[Mention] = []
        best_codes = 0  # len(_uniq_codes(best)), kept as best changes
        run: list[Mention] = []
        for m in states:
            if run and self._joined(run[-1], m):
                run.append(m)
            else:
                run = [m]
            codes = len(_uniq_codes(run))
            if codes > best_codes:
                best = list(run)
                best_codes = codes
        return best

    def _joined(self, a: Mention, b: Mention) -> bool:
        gap = self.text[a.end : b.start]
        if len(gap) > 30:
            return False
        words = gap.replace(",", " ").replace("-", " ").replace("\u2013", " ").split()
        titled = b.kind == "person" and a.kind == "person"
        return all(
            w in {"and", "&", "his", "her", "its", "their", "the", "as", "well", "or"}
            or (titled and w[:1].isupper())  # "A and <state> Defence Minister B": B's title
            for w in words
        )

    # ---- parties -----------------------------------------------------------------------

    def bystander(self, m: Mention) -> bool:
        """A state named as a critic, a target, a broker or a venue, not as a party."""
        text = self.text
        if m.kind == "seat" and _SEAT_AS_PLACE.match(text, m.end):
            return True
        if not m.is_state and m.kind != "demonym":
            return False
        if self._critic_after(m.end):
            return True
        before = self._non_party_before.get(m.start)
        if before is None:
            at = max(0, m.start - 40)
            # A lead without a stem of the pattern's phrases cannot match it. The stems
            # are in lower-case ASCII, which the fold keeps, at the same offsets: one in
            # the lead starts in its part of the fold (and of the fold's ASCII copy).
            spots = self._non_party_spots
            if spots is None:
                spots = self._non_party_spots = _spots(self.ascii_folded, _NON_PARTY_STEMS)
            i = bisect_left(spots, at)
            before = self._non_party_before[m.start] = (
                i < len(spots)
                and spots[i] < m.start
                and _NON_PARTY_BEFORE.search(text[at : m.start]) is not None
            )
        return before

    def _critic_after(self, end: int) -> bool:
        """Whether a critic's words follow a state named up to *end* (memo per offset)."""
        found = self._critics_after.get(end)
        if found is None:
            window = min(len(self.text), end + 60)
            spots = self._critic_spots
            if spots is None:
                spots = self._critic_spots = _spots(self.ascii_folded, _CRITIC_STEMS)
            # The pattern is case-sensitive and each match holds a stem, in lower-case
            # ASCII, which the fold and its ASCII copy keep at the same offsets: a window
            # of the copy where no stem starts cannot match, and the engine is not run.
            i = bisect_left(spots, end)
            found = self._critics_after[end] = (
                i < len(spots)
                and spots[i] < window
                and _CRITIC_AFTER.match(self.text, end, window) is not None
            )
        return found

    def _participation(self, facts: _ClauseFacts) -> bool:
        return facts.holds(self.gaz.regex["participation"])

    def subject_run(self, clause: Clause, position: int) -> list[Mention]:
        """The coordinated states just before *position* in the clause."""
        ms = [
            m
            for m in self.within(clause.start, position)
            if m.code
            and ((m.is_state and not m.is_locative and m.kind != "military") or m.kind == "person")
        ]
        # "<State> Defence Minister <Name>": the state is the person's, not a party.
        ms = [
            m
            for k, m in enumerate(ms)
            if not (
                m.kind != "person"
                and k + 1 < len(ms)
                and ms[k + 1].kind == "person"
                and ms[k + 1].code == m.code
                and ms[k + 1].start - m.end < 40
            )
        ]
        if not ms:
            return []
        if min(position, len(self.text)) - ms[-1].end > 90:  # len(text[end:position]), uncopied
            return []
        run = [ms[-1]]
        for m in reversed(ms[:-1]):
            if self._joined(m, run[0]):
                run.insert(0, m)
            else:
                break
        return run

    def list_after(self, position: int, end: int) -> list[Mention]:
        """States in a list right after *position* ("with Australia and Britain")."""
        out: list[Mention] = []
        cursor = position
        for m in self.within(position, end):
            if not m.is_state:
                continue
            gap = self.text[cursor : m.start]
            if out and not self._joined(out[-1], m):
                break
            if not out and len(gap) > 60:
                break
            out.append(m)
            cursor = m.end
        return out

    def group(self, clause_text: str) -> list[Mention]:
        """Resolve "the two governments" / "both countries" to the last group named."""
        match = _GROUP.search(clause_text)
        if match is None:
            if _THEY.match(clause_text) and len(_uniq_codes(self.last_group)) == 2:
                return list(self.last_group)  # "They also agreed to ...": the last pair
            return []
        n = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(
            fold_lower(match.group("n") or match.group("n2") or match.group("n3") or "")
        )
        if (
            n is None
            and match.group().lower().startswith("both ")
            and len(_uniq_codes(self.last_group)) > 2
        ):
            n = 2  # "both sides" after a gathering of more: two of them, not all
        group = self.last_group
        if (
            match.group("people") is not None
            and n in {None, 2}
            and len(_uniq_codes(self.last_persons)) == 2
        ):
            group = self.last_persons  # "the two leaders last met": the last two named
        elif (
            match.group("people") is not None
            and n is not None
            and n > 2
            and len(_uniq_codes(self.recent_persons)) >= n
            and len(_uniq_codes(group)) != n
        ):
            group = self.recent_persons[-n:]  # "the three men": the last three named
        if not group:
            return []
        if (
            n is not None
            and len(_uniq_codes(group)) != n
            and not (
                len(_uniq_codes(group)) == n + 1 and clause_text[: match.start()].endswith("and ")
            )
        ):
            return []  # "Iran and the six powers": the seven named before
        return list(group)

    # ---- meetings ----------------------------------------------------------------------

    def _meetings(
        self, index: int, s: Sentence, facts: _ClauseFacts, sentence_mentions: list[Mention]
    ) -> None:
        text = self.text
        regex = self.gaz.regex
        clause = facts.clause
        triggers = [
            t
            for t in self._phrases("meeting", clause.start, clause.end)
            if not (
                t.group()[0].isupper()
                and t.start() > s.start
                and _SPACE_CAPITAL.match(text, t.end())
            )  # "a Visiting Forces Agreement": a word of a name
        ]
        if not triggers:
            # "he would see both of them in <city> on <date>": seeing people is meeting them.
            triggers = list(_SEE_PEOPLE.finditer(text, clause.start, clause.end))
        if not triggers:
            return
        ctext = facts.text
        if facts.holds(regex["meeting_negation"]):
            return
        trigger = triggers[0]
        if _HOST_GREETS.match(text, trigger.start(), clause.end):
            return  # "X welcomed the two leaders at the villa": a host, not a party to the talks
        ms = facts.mentions
        parties = facts.without_bystanders(self._meeting_parties(facts, trigger, sentence_mentions))
        together = _TOGETHER_WITH.search(ctext)
        if together is not None:
            # "he would see both of them ..., together with A and B": the pair named
            # before takes part beside those listed.
            pair = self.group(ctext[: together.start()])
            codes = set(_uniq_codes(parties))
            parties = [*(m for m in pair if m.code not in codes), *parties]
        # "one-on-one meetings with A, B and C": one bilateral meeting with each.
        groups = [parties]
        listed = self._plural_meeting_list(clause, triggers)
        if listed and len(listed) >= 2:
            subject = facts.subject_run(trigger.start()) or (
                [self.last_person] if self.last_person is not None else []
            )
            if subject:
                groups = [[*subject, other] for other in listed]
        gathering = _SIDELINES_WITH.search(text, clause.start, clause.end)
        if gathering is not None and _two_codes(parties):
            # "A and B held talks on the sidelines of a trilateral meeting with C": the
            # gathering is a meeting of its own, of the states named as taking part.
            met = [m for m in parties if m.start < gathering.start()]
            if _two_codes(met):
                parties = met  # the pair that met, not those at the gathering
                groups = [parties]
            others = self.list_after(gathering.end(), clause.end)
            wider = [*parties, *(m for m in others if m.code not in _uniq_codes(parties))]
            if len(_uniq_codes(wider)) > len(_uniq_codes(parties)):
                groups = [*groups, wider]
        future = (
            facts.holds(regex["future"])
            or bool(_PRIOR_TO.search(ctext))
            or _COMING_ENCOUNTER.search(ctext) is not None
        )
        status = _MEET_SCHEDULED if future else _MEET_HELD
        if facts.holds(regex["meeting_cancel"]):
            return  # a called-off meeting is not annotated (ANNOTATION: held or scheduled)
        date, date_text = self._date_near(clause, trigger.start(), future=future)
        if date is not None and self.published is not None and not future:
            if date.earliest() > self.published:
                status = _MEET_SCHEDULED
        elif date is not None and self.published is not None and date.latest() < self.published:
            status = _MEET_HELD
        location = self._meeting_location(clause, ms, visit=_VISIT.search(ctext) is not None)
        if text.startswith(", where", clause.start) and clause.start > s.start:
            # "leaves on Saturday for Abu Dhabi, where he is due to meet ...": the trip's
            # destination and date are the meeting's.
            before = Clause(s.start, clause.start, clause.background, "main")
            place = self.within(max(s.start, clause.start - 40), clause.start)
            if location is None and place and place[-1].end == clause.start:
                last = place[-1]
                if last.code and last.kind in {"seat", "place", "region", "country"}:
                    kind = _LOC_COUNTRY if last.kind == "country" else _LOC_CITY
                    location = new_location(text[last.start : last.end], last.code, kind)
            if date is None:
                date, date_text = self._date_near(before, clause.start, future=future)
        if (
            location is None
            and self.dateline is not None
            and s.paragraph == self.dateline_paragraph
        ):
            location = self.dateline  # "NAIROBI, Kenya - ... hosted ... for the mid planning event"
        if location is None and self.dateline is not None and self.dateline.name:
            # "Biden arrived in Geneva on Tuesday and held talks with ...": the dateline
            # city, named again as where the clause takes place.
            city = self.dateline.name
            at = ctext.find(f" in {city}")
            if at >= 0 and not ctext[at + 4 + len(city) : at + 5 + len(city)].isalpha():
                location = self.dateline
        if text.startswith((", who ", ", which "), clause.start):
            # "a dinner on Saturday with X, who is also in Buenos Aires for the summit":
            # the relative clause tells more of the encounter just named.
            codes = set(_uniq_codes(parties))
            same = next(
                (
                    o
                    for o in self._this_sentences(self.meetings, s)
                    if set(_uniq_codes(o.parties)) == codes
                ),
                None,
            )
            if same is not None:
                status, date, date_text = same.status, same.date, same.date_text
        fmt = None
        if facts.holds(regex["meeting_virtual"]):
            fmt = _FMT_VIRTUAL
        elif facts.holds(regex["meeting_phone"]):
            fmt = _FMT_PHONE
        elif location is not None:
            fmt = _FMT_IN_PERSON
        elif facts.holds(regex["meeting_meal"]):
            fmt = _FMT_WORKING_MEAL
        topics = self._topics(ctext)
        for group in groups:
            if not _two_codes(group):
                continue
            self.meetings.append(
                MeetingObs(
                    index,
                    s.section,
                    group,
                    status,
                    date,
                    date_text,
                    location,
                    fmt,
                    topics,
                    (s.start, s.end),
                    follows=_AFTER_TALKS.match(text, s.start, s.end) is not None
                    and _CALL_ON.search(text, s.start, s.end) is not None,
                )
            )

    def _series_rounds(self, index: int, s: Sentence) -> None:
        """A session of the series under report, told with its own place and date."""
        text = self.text
        pair = next(
            (o.parties for o in self.meetings if _two_codes(o.parties)),
            self.last_group,
        )
        if not _two_codes(pair):
            return
        for match in _SERIES_ROUND.finditer(text, s.start, s.end):
            tail = _SERIES_TAIL.match(text, match.end(), s.end)
            if tail is None:
                continue
            end = min(s.end, tail.end() + 60)
            nxt = _SERIES_ROUND.search(text, match.end(), end)
            if nxt is not None:
                end = nxt.start()
            ms = self.within(match.start(), end)
            if _two_codes([m for m in ms if m.is_state and not m.is_locative]):
                continue  # "the first round between A and B": the meeting rule reads it
            place = next(
                (
                    m
                    for m in ms
                    if m.start == tail.end()
                    and m.code
                    and m.kind in {"seat", "country", "place", "region"}
                ),
                None,
            )
            window = Clause(tail.end(), end, background=False, kind="rel")
            date, date_text = self._date_near(window, tail.end(), future=False)
            if place is None or date is None or self.published is None:
                continue
            status = _MEET_HELD
            if date.earliest() > self.published:
                status = _MEET_SCHEDULED
            kind = _LOC_COUNTRY if place.kind == "country" else _LOC_CITY
            name = text[place.start : place.end]
            location = new_location(name, place.code, kind)
            # The series is the pair's: its states, not the persons of this session.
            states = [
                attrs.evolve(m, kind="country", person=None)
                for m in _dedupe_codes([m for m in pair if m.is_state])
            ]
            self.meetings.append(
                MeetingObs(
                    index,
                    s.section,
                    states,
                    status,
                    date,
                    date_text,
                    location,
                    _FMT_IN_PERSON,
                    [],
                    (s.start, s.end),
                    series=True,
                )
            )

    def _meeting_parts(self, clause: Clause) -> list[Clause]:
        """Cut a clause where a second encounter is told ("whom X met", ", when X met Y")."""
        cuts = [m.start() for m in _MEETING_CUT.finditer(self.text, clause.start, clause.end)]
        if not cuts:
            return [clause]
        out: list[Clause] = []
        cursor, kind = clause.start, clause.kind
        for pos in cuts:
            if pos > cursor:
                out.append(Clause(cursor, pos, clause.background, kind))
            cursor, kind = pos, "rel"
        out.append(Clause(cursor, clause.end, background=False, kind="rel"))
        return out

    def _plural_meeting_list(self, clause: Clause, triggers: list[re.Match[str]]) -> list[Mention]:
        for t in triggers:
            word = t.group().lower()
            if word in {"meetings", "one-on-one", "talks", "bilateral meeting"}:
                tail = self.text[t.end() : clause.end]
                match = _MEETINGS_WITH.match(tail)
                if match:
                    return self.list_after(t.end() + match.end(), clause.end)
        return []

    def _meeting_parties(
        self, facts: _ClauseFacts, trigger: re.Match[str], sentence_mentions: list[Mention]
    ) -> list[Mention]:
        text = self.text
        clause, ms = facts.clause, facts.mentions
        # "the president's visit to France": the visitor and the place visited.
        at = trigger.start()
        before = [m for m in ms if m.end <= at and at - m.end <= 12]
        if before and before[-1].possessive and before[-1].is_state:
            dest = [
                m
                for m in ms
                if m.start >= trigger.end() and m.prep in {"to", "with"} and m.is_state
            ]
            if dest:
                return [before[-1], dest[0]]
        persons = [m for m in ms if m.kind == "person" and m.code]
        if text.startswith(", whom", clause.start):
            # "<Person>, whom X met earlier": the person before "whom" is met.
            before = self.within(max(0, clause.start - 80), clause.start)
            if before and before[-1].kind == "person" and before[-1].code:
                persons = [before[-1], *persons]
                ms = [before[-1], *ms]
        if _two_codes(persons):
            return persons
        states = [
            m
            for m in ms
            if (m.is_state and (not m.is_locative or m.kind == "person") and m.kind != "demonym")
            or (
                m.kind == "demonym"
                and not m.is_locative
                and not _PRIVATE_PEOPLE.match(text, m.end)  # "American business executives"
            )
        ]
        states = [
            m
            for m in states
            if not (m.kind == "seat" and m.prep in {"in", "at"})
            and not (m.prep == "from" and text.startswith(",", m.end))  # "From <capital>, ..."
        ]
        run = facts.subject_run(trigger.start())
        if _two_codes(run):
            listed = self.list_after(trigger.end(), clause.end)
            tail = text[trigger.end() : clause.end]
            return run + (listed if _WITH_OR_BETWEEN.match(tail) else [])
        # Persons stand for their state: drop the bare state when its leader is named.
        person_codes = {m.code for m in persons}
        parties = persons + [m for m in states if m.kind != "person" and m.code not in person_codes]
        ctext = facts.text
        if not _two_codes(parties):
            parties += facts.group()
        if not _two_codes(parties) and _PRONOUN.search(ctext) and self.last_person is not None:
            parties.append(self.last_person)
        if (
            not _two_codes(parties)
            and not any(m.kind == "person" for m in parties)
            and _THEY_LOWER.search(ctext)
            and len(_uniq_codes(self.last_persons)) == 2
        ):
            # "they last met in September", "since they sat down in <Town>, <State>".
            pair = _uniq_codes(self.last_persons)
            parties = [m for m in parties if m.code in pair] + self.last_persons
        if not _two_codes(parties):
            # A fragment of a longer sentence ("as he arrives for a meeting"): its persons.
            parties += [m for m in sentence_mentions if m.kind == "person" and m.code]
        noun = _NOUN_TRIGGER.search(ctext) is not None
        if (
            noun
            and not _two_codes(parties)
            and any(
                m.kind == "person" and m.code is None and self.persons[m.person or 0].org
                for m in ms
            )
        ):
            # An organization's envoy at a summit: the states of the last group named.
            parties += self.last_group
        if noun and not _two_codes(parties) and _BILATERAL_WORD.search(ctext):
            parties += self.last_group
        return parties

    def _meeting_location(
        self, clause: Clause, ms: list[Mention], *, visit: bool
    ) -> Location | None:
        text = self.text
        venue = _VENUE.search(text, clause.start, clause.end)
        dest = {"to", "visit", "visited", "visiting"} if visit else set()
        code = next(
            (
                m.code
                for m in ms
                if m.is_locative and m.code and m.kind in {"seat", "country", "place", "region"}
            ),
            None,
        )
        if venue is not None:
            name = venue.group("v").strip()
            words = name.split(" ")
            while len(words) > 1 and (_is_date_word(words[-1]) or words[-1] in {"of", "the"}):
                words.pop()  # "at the White House Monday"
            name = " ".join(words)
            on = venue.group("on")
            if on is not None and not _is_date_word(on.split()[-1]):
                # "at the Capella hotel on the resort island of Sentosa"
                name = text[venue.start("v") : venue.end("on")]
            return new_location(name, code, _LOC_VENUE)
        for kinds, kind in (
            ({"region", "place"}, _LOC_REGION),
            ({"seat"}, _LOC_CITY),
        ):
            for m in ms:
                # _topic_place last: it is pure, so asking it only of a candidate is the same.
                if (
                    m.kind in kinds
                    and (m.is_locative or m.prep in dest)
                    and not _topic_place(text, m)
                ):
                    name = text[m.start : m.end].removesuffix("'s").removesuffix("\u2019s")
                    venue_like = m.kind == "region" and m.prep == "at"
                    place_kind = _LOC_VENUE if venue_like else kind
                    return new_location(name, m.code, place_kind)
        for m in ms:
            # "in the Philippine capital", "to the Austrian capital": that state's capital.
            if (
                m.kind == "demonym"
                and m.code
                and (m.is_locative or m.prep in dest)
                and text.startswith(" capital", m.end)
                and not text[m.end + 8 : m.end + 9].isalpha()
            ):
                capital = self.gaz.capitals.get(m.code)
                if capital is not None:
                    return new_location(capital, m.code, _LOC_CITY)
        for m in ms:
            if (
                m.kind == "country"
                and (m.prep == "in" or m.prep in dest)
                and not _topic_place(text, m)
            ):
                town = _TOWN_BEFORE.search(text, max(0, m.start - 30), m.start)
                if town is not None and m.prep == "in":
                    # "in <Town>, <State>": the place before the state's name.
                    return new_location(town.group("t"), m.code, _LOC_CITY)
                name = text[m.start : m.end].removesuffix("'s").removesuffix("\u2019s")
                return new_location(name, m.code, _LOC_COUNTRY)
        return None

    def _topics(self, ctext: str) -> list[str]:
        out: list[str] = []
        for match in _TOPIC.finditer(ctext):
            body = match.group("t")
            stop = _TOPIC_STOP.search(body)
            if stop is not None:
                body = body[: stop.start()]
            for part in _TOPIC_PARTS.split(body):
                if _VERBISH.match(part.strip()):
                    break
                topic = _without_lead(part.strip()).strip(" \u201c\u201d\"'")
                topic = _without_lead(topic).strip()
                if topic and len(topic) < 80 and topic not in out:
                    out.append(topic)
        return out[:8]

    # ---- dates -------------------------------------------------------------------------

    def _date_near(
        self, clause: Clause, position: int, *, future: bool, skip: tuple[int, int] | None = None
    ) -> tuple[PartialDate | None, str | None]:
        best: DateMention | None = None
        best_distance = 10**9
        for d in self.dates_within(clause.start, clause.end):
            if (skip is not None and skip[0] <= d.start < skip[1]) or d.start in self.name_years:
                continue
            distance = abs(d.start - position)
            if distance >= best_distance:
                continue  # no nearer, excluded or not
            lead = self.text[max(clause.start, d.start - 20) : d.start]
            if _DATE_EXCLUDE.search(lead):
                continue
            best, best_distance = d, distance
        if best is None:
            return None, None
        return self.resolve_date(best, future=future), best.text.strip()

    # ---- agreements --------------------------------------------------------------------

    def _agreements(
        self, index: int, s: Sentence, facts: _ClauseFacts, clauses: list[Clause]
    ) -> None:
        text = self.text
        clause, ctext = facts.clause, facts.text
        if facts.holds(self.gaz.regex["company"]):
            return
        found = self._agreement_mentions(facts)
        joined = -1
        # Each pattern below is tried only where a literal that all its matches hold is;
        # "not" first ends at not_end, so no text before that holds it.
        not_at = ctext.find("not")
        not_end = clause.start + not_at + 3 if not_at >= 0 else clause.end + 3
        for k, (start, end, name, acronym, kind, level, plural) in enumerate(found):
            next_head = found[k + 1][0] if k + 1 < len(found) else clause.end
            lead = text[max(clause.start, start - 30) : start]
            if (
                level != "named"
                and "as" in lead
                and _APPOSITION.search(lead)
                and any(o.level == "named" for o in self._this_sentences(self.agreements, s))
            ):
                continue  # "<Treaty> ..., as the only arms control treaty": the same one
            if (" to " in lead and _BID_TO_JOIN.search(lead)) or (
                joined >= 0 and _NAME_GOES_ON.fullmatch(text, joined, start)
            ):
                joined = end
                continue  # "its bid to join the CPTPP": not a party yet
            if (("no" in lead or "without" in lead) and _NEGATED_BEFORE.search(lead)) or (
                not_end <= start and _NOT_AN.search(text[clause.start : start])
            ):
                continue
            self._agreement(
                index, s, facts, clauses, start, end, name, acronym, kind, level, plural, next_head
            )
        # "approved Finland's membership": ratification of an accession.
        for m in facts.mentions:
            if m.possessive and m.is_state and _ACCESSION.match(text, m.end):
                lead = text[max(clause.start, m.start - 25) : m.start]
                if _APPROVED_BEFORE.search(lead) and not _NOT_YET_WORDS.search(lead):
                    subject = facts.subject_run(m.start - len(lead) + lead.rfind("approved"))
                    parties = [x for x in subject if x.code != m.code] + [m]
                    date, date_text = self._date_near(clause, m.start, future=False)
                    if _two_codes(parties):
                        self.agreements.append(
                            AgreementObs(
                                index,
                                s.section,
                                "accession protocol",
                                None,
                                _KIND_TREATY,
                                "specific",
                                parties,
                                _AGR_RATIFIED,
                                date,
                                date_text,
                                default=False,
                                span=(s.start, s.end),
                                position=m.start,
                            )
                        )

    def _agreement_mentions(
        self, facts: _ClauseFacts
    ) -> list[tuple[int, int, str | None, str | None, AgreementKind, str, bool]]:
        text = self.text
        gaz = self.gaz
        clause, ms = facts.clause, facts.mentions
        out: list[tuple[int, int, str | None, str | None, AgreementKind, str, bool]] = []
        blocked = [(m.start, m.end) for m in ms if m.kind in {"exercise", "not_party", "org"}]
        covered: list[tuple[int, int]] = []
        # Acronyms from the table and those defined in the text ("... Agreement (RAA)").
        for m in ms:
            if m.kind == "acronym":
                plural = text[m.start : m.end].endswith("s") and not m.name.endswith("s")
                full = m.name
                kind = _kind(m.extra)
                acronym = (
                    text[m.start : m.end].removesuffix("s") if plural else text[m.start : m.end]
                )
                out.append((m.start, m.end, full, acronym, kind, "named", plural))
                covered.append((m.start, m.end))
        # Heads come in order and each span a head covers starts at or before it, so a
        # later head is inside one of them when it starts before the furthest end.
        taken = _SpanIndex(blocked + covered)
        reach = -1
        heads = facts.finditer(gaz.regex["agreement_head"])
        for head in itertools.islice(heads, MAX_CLAUSE_HEADS):
            hs, he = head.span()
            if hs < reach or taken.holds(hs):
                continue
            word = text[hs:he]  # the match, found in the article's text
            capital = word[0].isupper() and self.section != "headline"
            if capital and hs == clause.start and _title_tail(text, he, clause.end) == he:
                capital = False
            if capital and _HEAD_LOWER.search(word) and word.lower() != "mou":
                if _LATER_HEAD.match(text, he):
                    continue  # "Abraham Accords Declaration": the later head ends the name
                named = self._named_agreement(hs, he, clause)
                if named is not None:
                    out.append(named)
                    covered.append((named[0], named[1]))
                    reach = max(reach, named[1]) if named[0] < named[1] else reach
                    continue
                continue
            out.append(self._common_agreement(hs, he, clause, word))
            covered.append((hs, he))
            reach = max(reach, he) if hs < he else reach
        # Named instruments whose head is not in the common list ("Anglo-Japanese Alliance").
        # Each match shows "alliance" whole among the clause's words (no word character
        # on either side), and a joint statement one of _STATEMENT_WORDS: the spans
        # taken by the heads are indexed only for a clause that may hold either.
        alliance = "alliance" in facts.present
        statement = not facts.present.isdisjoint(_STATEMENT_WORDS)
        if alliance or statement:
            taken = _SpanIndex(blocked + covered)
        for match in _ALLIANCE_WORD.finditer(facts.text) if alliance else ():
            hs = clause.start + match.start()
            if taken.holds(hs):
                continue
            named = self._named_agreement(hs, clause.start + match.end(), clause)
            if (named is not None and named[2] and " " in named[2]) or (
                named is not None and "-" in (named[2] or "")
            ):
                out.append(named)
        statements = _JOINT_STATEMENT.finditer(text, clause.start, clause.end) if statement else ()
        for j in statements:
            if taken.holds(j.start()):
                continue
            # "a joint statement on deepening their comprehensive partnership": its subject
            # names it.
            end = j.end()
            on = _STATEMENT_ON.match(text, end, clause.end)
            if on is not None:
                subject = on.group("w").split()
                while subject and subject[-1] in _STOP_MOD:
                    subject.pop()
                if len(subject) >= 2:
                    end = on.start("w") + len(" ".join(subject))
            name = text[j.start() : end].lower()
            out.append((j.start(), end, name, None, _KIND_OTHER, "statement", False))
        # "is currently negotiating one with the Philippines": the last acronym named.
        # Each match shows "one" whole among the clause's words.
        ones = _ONE.finditer(text, clause.start, clause.end) if "one" in facts.present else ()
        for match in ones:
            last = next((o for o in reversed(out) if o[3]), None) or (
                (
                    0,
                    0,
                    self.last_agreement.name,
                    self.last_agreement.acronym,
                    self.last_agreement.kind,
                    "named",
                    False,
                )
                if self.last_agreement is not None and self.last_agreement.acronym
                else None
            )
            if last is None:
                continue
            s1, e1 = match.end() - 3, match.end()
            out.append((s1, e1, last[2], last[3], last[4], "named", False))
        out.sort(key=lambda o: o[0])
        return out

    def _named_agreement(
        self, hs: int, he: int, clause: Clause
    ) -> tuple[int, int, str | None, str | None, AgreementKind, str, bool] | None:
        text = self.text
        # Walk back over capitalised words and connectors:
        # "Acquisition and Cross Servicing Agreement".
        window = text[max(clause.start, hs - 80) : hs]
        words = window.split(" ")
        taken: list[str] = []
        inner: str | None = None
        # The words are taken last first, then put in text order.
        for w in reversed(words[:-1] if window.endswith(" ") else words):
            # Every match of the acronym's pattern starts with a bracket.
            bracket = _BRACKETED_ACRONYM.fullmatch(w) if w.startswith("(") else None
            if bracket is not None and not taken and inner is None:
                # "the Intermediate-Range Nuclear Forces (INF) Treaty": the acronym
                # sits inside the name.
                inner = bracket.group("a")
                taken.append(w)
                continue
            if not w:
                break
            # An ASCII character is upper-case if it is one of "A" to "Z": told by its
            # code, without a call of str.isupper.
            initial = ord(w[0])
            if (
                (65 <= initial <= 90 if initial < 128 else w[0].isupper())
                or w in {"and", "of", "on", "for", "the"}
            ) and not w.endswith((",", ".")):
                taken.append(w)
            else:
                break
        taken.reverse()
        while taken and taken[0] in {"and", "of", "on", "for", "the", "The"}:
            taken.pop(0)
        if inner is not None and taken and taken[0].startswith("("):
            return None
        # "Treaty of Peace, Diplomatic Relations and Full Normalization", "Agreement on
        # the Maintenance of Peace ... along the Line of Actual Control": the name goes on.
        tail_end = _title_tail(text, he, clause.end)
        if not taken and tail_end == he:
            return None
        he = tail_end
        name_start = hs - len(" ".join(taken)) - 1 if taken else hs
        name = text[name_start:he]
        acronym = None
        tail = _ALIAS.match(text, he)
        if tail is not None:
            acronym = tail.group("a")
        if inner is not None:
            acronym = acronym or inner
            name = name.replace(f" ({inner})", "")
        kind = self._kind_of(name)
        return (name_start, he, name.strip(), acronym, kind, "named", False)

    def _common_agreement(
        self, hs: int, he: int, clause: Clause, word: str
    ) -> tuple[int, int, str | None, str | None, AgreementKind, str, bool]:
        text = self.text
        gaz = self.gaz
        s_start, s_end = self.sentence_bounds
        # Pre-modifiers: "a police co-operation agreement", "its military cooperation agreement".
        window = text[max(clause.start, hs - 60) : hs]
        words = window.split()
        if window and not window[-1].isspace():
            words = []
        mods: list[str] = []
        for w in reversed(words):
            bare = w.strip("\u201c\u201d\"'")
            low = bare.lower()
            if not bare or bare.endswith((",", ".", ";", ":")) or low in _STOP_MOD:
                break
            if (
                low.endswith(("ed", "ing"))
                and low not in _KEEP_ING
                and low not in gaz.generic_modifiers
            ):
                break
            if low in _VERBS:
                break
            mods.insert(0, bare)
            if len(mods) >= 5:
                break
        start = hs - (len(" ".join(mods)) + 1 if mods else 0)
        # Post-modifiers: "declaration of friendship", "protocol of accession",
        # "declaration on security cooperation".
        post = _POST_OF.match(text[he : min(clause.end, he + 70)])
        end = he
        # The sentence's generic name for the head, worked out once when first needed.
        generic: str | None = None
        if post is not None:
            words = post.group(1).split()
            while words and (words[-1] in _STOP_MOD or words[-1].endswith(",")):
                words.pop()
            # "on economic, trade and investment cooperation": a list joined by "and".
            listed = any(w.endswith(",") for w in words)
            if words and not any(w in _STOP_MOD and not (listed and w == "and") for w in words):
                end = he + len(post.group()) - len(post.group(1)) + len(" ".join(words))
        elif (
            not word[0].isupper()
            and (generic := self._generic_name(word, text[s_start:s_end])) == word.lower()
        ):
            # "an agreement to restore diplomatic relations": the purpose names it (when
            # no topic of the sentence does, as in "a defence cooperation agreement").
            purpose = _PURPOSE.match(text, he, min(clause.end, he + 60))
            if purpose is not None:
                words = purpose.group("w").split()
                while words and words[-1] in _STOP_MOD:
                    words.pop()
                if len(words) >= 2 and not any(w in _STOP_MOD for w in words[1:]):
                    end = purpose.start("w") + len(" ".join(words))
        inside = self.within(start, end)
        # "the Algiers agreement", "the Minsk accords": a seat right before the head
        # names the place the instrument was made, not a party to it.
        place = next(
            (
                m
                for m in inside
                if m.kind == "seat"
                and text[m.end : hs] == " "
                and _DEFINITE_BEFORE.search(text[max(clause.start, m.start - 6) : m.start])
            ),
            None,
        )
        state_spans = [(m.start, m.end) for m in inside if m.code and m is not place]
        kept = [
            w
            for w in mods
            if (not _YEARISH.fullmatch(w) or w.endswith("year")) and not _POINTS.fullmatch(w)
        ]
        name_words = [w for w in kept if not _is_state_word(w, state_spans, text)]
        content = [w for w in name_words if w.lower() not in gaz.generic_modifiers]
        plural = word.lower().endswith("s") and word.lower() != "mous"
        lead = text[max(clause.start, start - 12) : start]
        if plural and _COUNT_BEFORE.search(lead):
            return (start, end, None, None, _KIND_OTHER, "skip", True)
        post_text = text[he:end]
        name = " ".join([*name_words, word]) + post_text
        name = _SPACES.sub(" ", name).strip()
        definite = bool(_DEFINITE_BEFORE.search(text[max(clause.start, start - 6) : start]))
        if place is not None and not post_text:
            level = "named"
        elif content or post_text:
            level = "specific"
        elif definite:
            level = "anaphor"
        else:
            level = "generic"
        kind = self._kind_of(name)
        # fold_lower: a case-insensitive head may hold a long s or a dotted capital I.
        head_kind = gaz.agreement_heads.get(fold_lower(word))
        if head_kind:
            kind = _kind(head_kind) if kind is _KIND_OTHER else kind
        if level == "generic":
            lateral = next(
                (w.lower() for w in mods if w.lower() in {"bilateral", "trilateral"}), None
            )
            if lateral:
                name = f"{lateral} {word.lower()}"
            elif generic is not None:
                name = generic
            else:
                name = self._generic_name(word, text[s_start:s_end])
        idiom = _IDIOM.search(text, max(clause.start, start - 2), min(clause.end, he + 6))
        if idiom is not None and not (
            idiom.group().lower() == "deal with"
            and (mods or definite or _ARTICLE_BEFORE.search(lead))
        ):  # "to deal with", not "the trade deal with Iran"
            return (start, end, None, None, _KIND_OTHER, "skip", False)
        return (start, end, name, None, kind, level, plural)

    def _generic_name(self, head: str, ctext: str) -> str:
        low = ctext.lower()
        if "defen" in low and _DEFENCE_COOPERATION.search(low):  # every match holds "defen"
            spelling = "defense" if "defense" in low else "defence"
            return f"{spelling} cooperation {head.lower()}"
        # words() folds case itself, and the text's words are likely found already;
        # lower() first differs from that only for a dotted capital I (two characters).
        present = words(low if "\u0130" in ctext else ctext)
        for topic, key, pattern in _gated_words(self.gaz.topic_words, 0):
            if key is None or key in present:
                # A match is the topic itself between word boundaries (which read the
                # text before a start offset too): none starts before its first place.
                at = low.find(topic)
                if at >= 0 and pattern.search(low, at):
                    return f"{topic} {head.lower()}"
        return head.lower()

    def _kind_of(self, name: str) -> AgreementKind:
        low = name.lower()
        for phrase, kind in self.gaz.kind_keywords:
            if phrase in low:
                return _kind(kind)
        return _KIND_OTHER

    def _agreement(  # noqa: PLR0913, PLR0917 - a mention's parts, read by one rule
        self,
        index: int,
        s: Sentence,
        facts: _ClauseFacts,
        clauses: list[Clause],
        start: int,
        end: int,
        name: str | None,
        acronym: str | None,
        kind: AgreementKind,
        level: str,
        plural: bool,
        next_head: int,
    ) -> None:
        if level == "skip":
            return
        text = self.text
        clause = facts.clause
        status, trigger_pos = self._agreement_status(facts, start, end, s, next_head)
        if level == "statement":
            # "Trump and Kim signed a joint statement": signed, so an agreement;
            # one merely issued or released is not.
            if status is not _AGR_SIGNED or trigger_pos is None or trigger_pos > start:
                return
            level = "specific"
        # A date written into the name ("the 2007 declaration") is the instrument's
        # origin, not the date of its status.
        date, date_text = (None, None)
        if status is not None:
            date, date_text = self._date_near(
                clause,
                trigger_pos if trigger_pos is not None else start,
                future=False,
                skip=(start, end),
            )
            # "X in 2002 and Y (LEMOA) in 2016": a date right after a name is its own.
            follow = (  # every match starts with a space
                _OWN_DATE.match(text, end, min(clause.end, end + 24))
                if text.startswith(" ", end)
                else None
            )
            right = self.dates_within(follow.end(), follow.end() + 1) if follow else []
            if right and (trigger_pos is None or trigger_pos < start):
                resolved = self.resolve_date(right[0], future=False)
                if resolved is not None:
                    date, date_text = resolved, right[0].text.strip()
            own = [d for d in self.dates_within(start, end) if d.kind == "year"]
            year = own[0].year if own and own[0].end_year is None else None
            if status is _AGR_SIGNED and year is not None:
                # "a 1998 general agreement" was signed in 1998, whatever else the
                # clause dates.
                date, date_text = _safe_date(year, None, None), own[0].text.strip()
        if (
            status is _AGR_IN_FORCE
            and trigger_pos is not None
            and text.startswith(("replaces", "supersedes"), trigger_pos)
        ):
            date, date_text = None, None  # applied until replaced: no entry into force stated
        if (
            status is _AGR_SIGNED
            and (trigger_pos is None or trigger_pos >= start)
            # every match holds ", under " within its first 88 characters
            and text.find(", under ", end, min(s.end, next_head, end + 88)) >= 0
            and _UNDER_WHICH_PRESENT.match(text, end, min(s.end, next_head))
        ):
            status, date, date_text = _AGR_IN_FORCE, None, None
        default = False
        if status is None and level != "anaphor":
            post = _POSTMOD_DATE.match(text, end, min(clause.end, end + 6))
            dates_after = self.dates_within(end, min(clause.end, end + 8))
            if post is not None and dates_after and dates_after[0].start == post.end():
                after = dates_after[0]
                if after.kind == "year" and after.end_year is not None:
                    # "the Anglo-Japanese Alliance of 1902-1923": an instrument that ended.
                    status = _AGR_TERMINATED
                    date = new_partial_date(after.end_year, None, None)
                else:
                    status = _AGR_SIGNED
                    date = self.resolve_date(after, future=False)
                date_text = after.text
            else:
                status, default = _AGR_IN_FORCE, True
        parties_groups = self._agreement_parties(
            facts, clauses, start, end, trigger_pos, plural, level, s, next_head
        )
        if (
            plural
            and acronym is None
            and level != "named"
            and len(parties_groups) == 1
            and status is not _AGR_TERMINATED  # "ended military agreements with"
        ):
            # "military agreements", "normalization deals", "15 agreements": a count of
            # instruments, not the name of one; a list of partners ("agreements with A
            # and B") still gives one record each.
            group = facts.without_bystanders(parties_groups[0])
            if trigger_pos is not None and len(_uniq_codes(group)) == 2:
                self.agreement_group = [m for m in group if m.is_state]
            return
        for group in parties_groups:
            parties = facts.without_bystanders(group)
            obs = AgreementObs(
                index,
                s.section,
                name,
                acronym,
                kind,
                level,
                parties,
                status,
                date,
                date_text,
                default,
                (s.start, s.end),
                start,
            )
            sides = len(_uniq_codes(parties))
            if level == "anaphor" or sides >= 2:
                self.agreements.append(obs)
                self.last_agreement = obs
                if sides == 2:
                    self.agreement_group = [m for m in parties if m.is_state]
        if status is not _AGR_SIGNED or trigger_pos is None:
            return
        signers = [m for m in facts.subject_run(trigger_pos or start) if m.kind == "person"]
        if _two_codes(signers):
            # "A and B signed a declaration ... in Athens on Thursday":
            # leaders signing together met.
            location = self._meeting_location(clause, facts.mentions, visit=False)
            self.meetings.append(
                MeetingObs(
                    index,
                    s.section,
                    signers,
                    _MEET_HELD,
                    date,
                    date_text,
                    location,
                    _FMT_IN_PERSON if location else None,
                    [],
                    (s.start, s.end),
                )
            )

    def _status_matches(
        self, facts: _ClauseFacts, s: Sentence
    ) -> list[tuple[AgreementStatus, list[re.Match[str]]]]:
        """Every status verb of the clause, by status in table order (once per clause)."""
        found = facts.statuses
        if found is None:
            found = []
            statuses = self._statuses
            if not _STATUS_KEYWORDS or _STATUS_KEYWORDS[0][0] is not statuses:
                keywords = frozenset(
                    w for _, rx in statuses if rx.index is not None for w in rx.words
                )
                _STATUS_KEYWORDS[:] = [(statuses, keywords)]
            # The indexed lists' keywords in the clause: a list holds none of the
            # clause's words exactly when it holds none of these.
            present = facts.present & _STATUS_KEYWORDS[0][1]
            for status, regex in statuses:
                # An indexed list finds nothing in a clause without one of its keywords
                # (its search looks them up in the same words of the same range first).
                if regex.index is not None and regex.words.isdisjoint(present):
                    continue
                matches = list(facts.finditer(regex))
                # A status without a match gives no hit whether listed or not: the
                # sentence is searched for a ratification context only when it counts.
                if (
                    status is _AGR_RATIFIED
                    and matches
                    and self.gaz.regex["ratification_context"].search(self.text, s.start, s.end)
                    is None
                ):
                    continue
                found.append((status, matches))
            facts.statuses = found
        return found

    def _agreement_status(
        self, facts: _ClauseFacts, start: int, end: int, s: Sentence, next_head: int | None = None
    ) -> tuple[AgreementStatus | None, int | None]:
        text = self.text
        clause = facts.clause
        # (start, minus end, order found, status): sorted plainly, by start, the longer
        # first, equal spans in the order found (as a stable sort by the first two).
        hits: list[tuple[int, int, int, AgreementStatus]] = []
        for status, matches in self._status_matches(facts, s):
            for m in matches:
                at, stop = m.span()  # the match is the article's text[at:stop]
                if start <= at < end and status is not _AGR_PROPOSED:
                    continue
                if (
                    at >= end
                    # a relative pronoun, which every match holds, before the verb
                    and facts.relative_pronoun(end, at)
                    and _relative_subject(text, end, at)
                ):
                    continue  # "an FTA that will scrap tariffs": the verb is the purpose's
                if next_head is not None and end < next_head <= at:
                    continue  # "The deal replaces an interim accord that ... struck": the other's
                # The verbs read here are 7 to 10 characters long.
                if 7 <= stop - at <= 10 and text[at:stop].lower() in {
                    "replaces",
                    "supersedes",
                    "replace",
                    "supersede",
                }:
                    if at >= end:
                        continue  # "The deal replaces an interim accord": the new one
                    # "an interim accord" that a new deal replaces is applied until then.
                    hits.append((at, -stop, len(hits), _AGR_IN_FORCE))
                    continue
                if status is _AGR_RATIFIED and _NOT_YET.search(
                    text, max(clause.start, at - 20), at
                ):
                    continue  # "would still have to be ratified": not yet
                hits.append((at, -stop, len(hits), status))
        if not hits:
            return None, None
        # A longer trigger that contains a shorter one wins ("plan to sign" over "sign").
        # In this order every hit kept so far starts at or before the next one, so the
        # next lies inside one of them exactly when it ends no later than the furthest
        # end kept (and none can lie inside it: an equal span is dropped as inside).
        # Of those kept, the first nearest to the mention is the best.
        hits.sort()
        best_at, best_distance, status = -1, -1, _AGR_PROPOSED
        reach = -1
        for at, minus_end, _, hit_status in hits:
            if -minus_end <= reach:
                continue
            reach = -minus_end
            # The gap between the hit and the mention (0 where they overlap).
            distance = at - end if at > end else max(start + minus_end, 0)
            if best_at < 0 or distance < best_distance:
                best_at, best_distance, status = at, distance, hit_status
        if status is _AGR_SIGNED and _FUTURE_SIGN.search(
            text[max(clause.start, best_at - 30) : best_at]
        ):
            status = _AGR_PROPOSED
        return status, best_at

    def _agreement_parties(  # noqa: PLR0913, PLR0917 - a mention's parts, read by one rule
        self,
        facts: _ClauseFacts,
        clauses: list[Clause],
        start: int,
        end: int,
        trigger_pos: int | None,
        plural: bool,
        level: str,
        s: Sentence,
        next_head: int,
    ) -> list[list[Mention]]:
        text = self.text
        clause = facts.clause
        ms = facts.states()
        if level == "named":
            ms = [m for m in ms if not (m.kind == "seat" and start <= m.start < end)]
        # "X-Y <agreement>": a hyphen pair in or just before the name.
        pair = [m for m in self.within(max(clause.start, start - 40), end) if m.is_state]
        hyphen: list[Mention] = []
        for a, b in itertools.pairwise(pair):
            if text[a.end : b.start] in {"-", "\u2013"} and b.end >= start - 2:
                hyphen = [a, b] if not hyphen else [*hyphen, b]
        # "between X and Y" after the mention, "with X and Y".
        between: list[Mention] = []
        limit = min(clause.end, end + 60, next_head)
        match = (
            _BETWEEN.search(text, end, limit)
            if limit > end and text.find("between", end, limit) >= 0  # held by every match
            else None
        )
        if match is not None:
            between = self.list_after(match.end(), clause.end)
            bloc = next(
                (
                    m
                    for m in self.within(match.end(), min(clause.end, match.end() + 40))
                    if m.kind == "org"
                ),
                None,
            )
            if bloc is not None and not _two_codes(between):
                # "a security agreement between Moscow and NATO": one state and a bloc.
                return [between]
        with_list: list[Mention] = []
        wmatch = (
            _WITH_SOON.match(text[end : clause.end])
            if text.find("with", end, clause.end) >= 0  # held by every match
            else None
        )
        if wmatch is not None:
            with_list = self.list_after(end + wmatch.end(), clause.end)
        anchor = min(start, trigger_pos) if trigger_pos is not None else start
        subject = facts.subject_run(anchor)
        if (
            not subject
            and clause.kind == "and"
            and clause is not (main := next((c for c in clauses if c.kind == "main"), clauses[0]))
        ):
            # A later clause shares the sentence's subject: "Japan has concluded ..., and is
            # negotiating one with the Philippines".
            states = [
                m for m in self.within(main.start, main.end) if m.is_state and not m.is_locative
            ]
            subject = states[:1]
            for m in states[1:]:
                if not self._joined(subject[-1], m):
                    break
                subject.append(m)
        if (
            clause.kind == "rel"
            and not _two_codes(subject + with_list)
            and text.startswith(", which", clause.start)
        ):
            # "<Capital>, which also hosts American troops under a ... Agreement with the
            # United States": the state before "which" is the subject.
            before = self.within(max(s.start, clause.start - 40), clause.start)
            if before and before[-1].is_state and before[-1].end == clause.start:
                subject = [before[-1], *subject]
        group = facts.group()
        if (
            level == "named"
            and group
            and len(_uniq_codes(self.agreement_group)) == len(_uniq_codes(group))
        ):
            group = list(self.agreement_group)  # the two states the instruments bind
        if group and not (hyphen or between):
            subject = group
        if with_list:
            with_codes = _uniq_codes(with_list)
            base = [m for m in subject if m.code not in with_codes]
            if len(with_codes) >= 2 and (plural or not base):
                if base:
                    return [[*base, other] for other in _dedupe(with_list)]
                return [with_list]
            return [[*base, *with_list]]
        if _two_codes(hyphen):
            return [hyphen]
        if _two_codes(between):
            return [between]
        if hyphen and subject:
            return [[*subject, *hyphen]]
        lead = max(clause.start, start - 20)
        trilateral = text.find("trilateral", lead, end) >= 0 and _TRILATERAL_WORD.search(
            text[lead:end]
        )
        if trilateral:
            states = [m for m in self.within(s.start, s.end) if m.is_state]
            return [states]
        if _two_codes(subject):
            return [subject]
        # Possessive before the mention, plus the clause's other states.
        if level == "anaphor":
            return [subject + group]
        states = [m for m in ms if not (m.kind == "demonym" and m.start >= end)]
        if _two_codes(states):
            return [states]
        if _two_codes(states + group):
            return [states + group]
        if level == "named" and not states:
            # "It leaves <Treaty>, which caps ..., as the only treaty still binding
            # Washington and Moscow": a named instrument takes the sentence's states.
            sentence_states = [
                m for m in self.within(s.start, s.end) if m.is_state and not m.is_locative
            ]
            if len(_uniq_codes(sentence_states)) == 2:
                return [sentence_states]
        if level == "named":
            last = self.agreement_group or self.last_group
            codes = _uniq_codes(last)
            state_codes = _uniq_codes(states)
            if len(codes) == 2 and set(state_codes) <= set(codes):
                # "India signed the <Agreement> in 2002" in a report on two states' ties:
                # a named instrument with one side stated binds the pair under discussion.
                return [states + [m for m in last if m.code not in state_codes]]
        return [states]

    # ---- exercises ---------------------------------------------------------------------

    def _exercises(self, index: int, s: Sentence, facts: _ClauseFacts) -> None:
        text = self.text
        gaz = self.gaz
        clause, ctext, ms = facts.clause, facts.text, facts.mentions
        hits: list[tuple[int, int, str | None]] = [
            (m.start, m.end, _clean_exercise_name(m.name)) for m in ms if m.kind == "exercise"
        ]
        if hits or self._exercise_noun_in():
            self.exercise_critics |= {
                m.code
                for m in ms
                if m.code and (m.is_state or m.kind == "demonym") and self._critic_after(m.end)
            }
        for match in _EXERCISE_NAMED.finditer(text, clause.start, clause.end):
            raw = match.group("n") or match.group("q") or match.group("q2") or ""
            span = (
                match.span("n")
                if match.group("n")
                else match.span("q")
                if match.group("q")
                else match.span("q2")
            )
            if any(a <= span[0] < b for a, b, _ in hits):
                continue
            name = _clean_exercise_name(raw)
            if name and name.split()[0] not in {"The", "This", "It"}:
                hits.append((span[0], span[1], name))
        for match in _EXERCISE_CAPITALISED.finditer(text, clause.start, clause.end):
            a, b = match.span("c")
            if any(x <= a < y or a <= x < b for x, y, _ in hits) or any(
                (m.start < b and a < m.end and (m.is_state or m.kind in {"demonym", "org"}))
                or (m.start <= a and b <= m.end)  # "the Panama Canal protection exercise"
                for m in ms
            ):
                continue
            name = _clean_exercise_name(match.group("c"))
            if name:
                hits.append((a, b, name))
        for alias, name in self.exercise_aliases.items():
            for match in _word_pattern(alias, 0).finditer(ctext):
                pos = clause.start + match.start()
                if not any(a <= pos < b for a, b, _ in hits):
                    hits.append((pos, pos + len(alias), name))
        if not hits:
            for match in self._phrases("exercise_noun", clause.start, clause.end):
                lead = text[max(clause.start, match.start() - 40) : match.start()]
                word = match.group().lower()
                if _ENABLING_BEFORE.search(lead):
                    # "an accord to facilitate joint drills", "forces will be able to hold
                    # joint exercises, including live-fire drills": drills in general.
                    break
                if (
                    bool(self.exercises)
                    or _EXERCISE_QUALIFIER.search(lead)
                    or (
                        _THIS_YEARS_BEFORE.search(lead)
                        and word in {"exercise", "drills", "exercises", "maneuvers", "manoeuvres"}
                    )
                    or word
                    in {
                        "drills",
                        "war games",
                        "wargames",
                        "naval drills",
                        "maneuvers",
                        "manoeuvres",
                    }
                ):
                    hits.append((match.start(), match.end(), None))
                    break
        participation = self._participation(facts) if hits else False
        if not hits:
            # The participation search is left to last wherever it decides nothing.
            current_here = bool(self.exercises) and self.exercises[-1].span == (s.start, s.end)
            if clause.background and not (
                current_here
                and ctext.lstrip(" ,").lower().startswith("while ")
                and self._participation(facts)
            ):
                # "amid rising tensions involving China": context, not a participant; but
                # "..., while X, Y and Z are participating for the first time"
                # goes on listing the current exercise's participants.
                return
            if not self.exercises:
                return
            participation = self._participation(facts)
            if not (
                participation
                or (clause.kind == "rel" and current_here)
                or (clause.kind == "and" and current_here and _AND_PLACE.match(ctext))
                or _EDITION.search(ctext)
                or (_IT_HELD.match(ctext) and self.exercises[-1].sentence >= index - 1)
            ):
                return
            hits.append((clause.start, clause.start, "__current__"))
        hits.sort()
        start, end, name = hits[0]
        if name is None:
            named_hit = next((h for h in hits if h[2]), None)
            if named_hit is not None:
                start, end, name = named_hit
        lead = text[max(s.start, start - 60) : start]
        reference = _EXERCISE_REF.search(lead) is not None
        past = (
            facts.holds(gaz.regex["past_edition"])
            or (name not in {None, "__current__"} and _PREVIOUS_BEFORE.search(lead) is not None)
        ) and not _THIS_YEAR.search(ctext)
        excluded: list[Mention] = []
        if any(
            not _PARTICIPANTS_OR.search(ctext[max(0, x.start() - 20) : x.start()])
            for x in gaz.regex["non_participation"].finditer(ctext)
        ):
            # "are attending as observer nations", "was once among the participants".
            excluded = [m for m in ms if m.is_state]
            parties: list[Mention] = []
        else:
            parties = [
                m
                for m in facts.without_bystanders(
                    self._exercise_parties(facts, start, participation)
                )
                if not (m.kind == "person" and _SPEAKER.match(text, m.end))
            ]
            if past and not parties and name and name != "__current__":
                # "Last year's edition of <Name> was held in ...": the same participants.
                parties = list(self._present_parties_by_name.get(name, {}).values())
            if past and _SAME_PARTICIPANTS.search(ctext):
                # "Last year's edition, with the same four navies, ...": the participants
                # of the edition read so far.
                parties = _dedupe(parties + list(self._present_parties.values()))
        if name in {None, "__current__"} and self.exercise_critics:
            # "Since the Chinese side had breached them, ... the exercise": a critic named
            # again is still no participant.
            parties = [m for m in parties if m.code not in self.exercise_critics]
        status = None
        date = end_date = None
        date_text = None
        if not reference:
            status = self._exercise_status(ctext)
            if name is None and status is None and not participation:
                if not self.exercises:
                    return  # "an accord to facilitate joint drills": drills in general
                name = "__current__"
            date, end_date, date_text = self._exercise_dates(clause, status)
            if name and name != "__current__":
                year = _YEAR_DIGITS.search(text[end : end + 6])
                if year is not None and not past:
                    self.exercise_year = int(year.group())
        locations = self._exercise_locations(clause, ms, s.end)
        domain = None
        present = facts.present
        for (_word, key, pattern), value in zip(
            _gated_words(tuple(gaz.domains), re.IGNORECASE), gaz.domains.values(), strict=True
        ):
            if (key is None or key in present) and pattern.search(ctext):
                # Domain(value) looks a string value up in this map; it is called only
                # for one missing there, to raise the same error.
                domain = _DOMAINS.get(value) or Domain(value)
                break
        self.exercises.append(
            ExerciseObs(
                index,
                s.section,
                name,
                past,
                reference,
                parties,
                excluded,
                status,
                date,
                end_date,
                date_text,
                locations,
                domain,
                (s.start, s.end),
                start,
            )
        )
        if not past:
            named = self._present_parties_by_name.setdefault(name, {})
            for m in parties:
                if m.code:
                    self._present_parties.setdefault(m.code, m)
                    named.setdefault(m.code, m)

    def _exercise_parties(
        self, facts: _ClauseFacts, position: int, participation: bool
    ) -> list[Mention]:
        clause = facts.clause
        states = [m for m in facts.mentions if m.is_state and not m.is_locative]
        if participation:
            return states
        out = facts.subject_run(position)
        # Modifiers of the exercise: "the U.S.-Ukrainian co-hosted",
        # "Indonesia-United States joint",
        # "the biennial Australia-United States exercise".
        anchors = [position] + [
            n.start() for n in self._phrases("exercise_noun", clause.start, clause.end)
        ]
        for anchor in anchors:
            for m in states:
                gap = self.text[m.end : anchor]
                if m.start < anchor and len(gap) < 45 and "," not in gap and "." not in gap:
                    out.append(m)
        ctext = facts.text
        trigger_verbs = _HOLD_VERB.search(ctext)
        if trigger_verbs is not None:
            out += facts.subject_run(clause.start + trigger_verbs.start())
        out += facts.group()
        between = _BETWEEN.search(self.text, position, clause.end)
        if between is not None:
            out += self.list_after(between.end(), clause.end)
        return _dedupe(out)

    def _exercise_status(self, ctext: str) -> ExerciseStatus | None:
        found: list[tuple[int, ExerciseStatus]] = []
        for value, regex in self.gaz.exercise_status_regex.items():
            match = regex.search(ctext)
            if match is not None:
                # As for Domain above: the map, and the enum only to raise.
                found.append(
                    (match.start(), _EXERCISE_STATUSES.get(value) or ExerciseStatus(value))
                )
        if not found:
            return None
        order = {_EX_PLANNED: 0, _EX_ONGOING: 1, _EX_HELD: 2}
        return min(found, key=lambda f: (order.get(f[1], 3), f[0]))[1]

    def _exercise_dates(
        self, clause: Clause, status: ExerciseStatus | None
    ) -> tuple[PartialDate | None, PartialDate | None, str | None]:
        future = status is _EX_PLANNED
        start: PartialDate | None = None
        end: PartialDate | None = None
        text_out: str | None = None
        for d in self.dates_within(clause.start, clause.end):
            lead = self.text[max(clause.start, d.start - 20) : d.start]
            if d.start in self.name_years or _NAMED_INSTRUMENT.match(self.text, d.end):
                continue  # "the 1951 Mutual Defense Treaty" dates the treaty
            if _UNTIL_BEFORE.search(lead):
                if start is not None or end is None:
                    first, _ = resolve(
                        d, self.published, future=future, context_year=self.exercise_year
                    )
                    end = first
                continue
            if _DATE_EXCLUDE.search(lead):
                continue
            first, last = resolve(
                d,
                self.published,
                future=future,
                anchor_year=self.year_before(d.start),
                context_year=self.exercise_year,
            )
            if start is None and first is not None:
                start, text_out = first, d.text.strip()
                if last is not None:
                    end = last
            elif (
                start is not None
                and start.month is None
                and d.kind == "abs"
                and d.year is None
                and d.rel is None
                and d.month is not None
            ):
                # "Last year's edition, held in April": the month of that year.
                start = _safe_date(start.year, d.month, d.day) or start
            elif start is None and text_out is None:
                text_out = d.text.strip()
        if start is not None and end is not None and end.latest() < start.earliest():
            end = None
        return start, end, text_out

    def _exercise_locations(
        self, clause: Clause, ms: list[Mention], sentence_end: int
    ) -> list[Location]:
        text = self.text
        out: list[Location] = []
        names: set[str] = set()

        def add(name: str, code: str | None, kind: LocationKind) -> None:
            name = name.strip(" ,.").removesuffix("'s").removesuffix("\u2019s")
            if name and name not in names and len(out) < 20 and name not in self.gaz.force_nouns:
                names.add(name)
                out.append(new_location(name, code, kind))

        known = {(m.start, m.end): m for m in ms}
        place: Mention | None = None  # the last place read, for "in Russia and Belarus"
        for m in ms:
            listed = (
                place is not None
                and m.kind in {"seat", "country"}
                and _LIST_GAP.fullmatch(text, place.end, m.start) is not None
            )
            place = m if m.is_locative or listed else None
            if listed and not m.is_locative:
                # "at training grounds in Russia and Belarus": the list shares the "in".
                add(
                    text[m.start : m.end],
                    m.code,
                    _LOC_CITY if m.kind == "seat" else _LOC_COUNTRY,
                )
                continue
            direction = (
                _DIRECTION_BEFORE.search(text[max(clause.start, m.start - 16) : m.start])
                if m.kind == "country" and m.is_locative
                else None
            )
            if direction is not None:
                # "in southern Japan": a region of the state.
                add(direction.group() + text[m.start : m.end], m.code, _LOC_REGION)
                continue
            if m.kind in {"sea", "region", "place"} and (m.is_locative or m.kind == "sea"):
                add(
                    text[m.start : m.end],
                    m.code,
                    _LOC_SEA if m.kind == "sea" else _LOC_REGION,
                )
            elif m.kind in {"seat", "country"} and m.is_locative:
                add(
                    text[m.start : m.end],
                    m.code,
                    _LOC_CITY if m.kind == "seat" else _LOC_COUNTRY,
                )
            elif (
                m.kind == "country"
                and m.prep == "by"
                and _HOSTED_BY.search(text[max(clause.start, m.start - 30) : m.start])
            ):
                add(text[m.start : m.end], m.code, _LOC_COUNTRY)
        hosted = _HOSTED_BY_WORD.search(text[clause.start : clause.end])
        if hosted is not None:
            for m in self.list_after(clause.start + hosted.end(), clause.end):
                if m.kind == "country":
                    add(text[m.start : m.end], m.code, _LOC_COUNTRY)
        for match in _PLACE_PREP.finditer(text, clause.start, clause.end):
            run = _CAP_RUN.match(text, match.end())
            if run is None or (run.start(), run.end()) in known:
                continue
            if any(m.start <= run.start() < m.end and m.kind != "seat" for m in ms):
                continue
            name = run.group()
            if _is_date_word(name):
                continue
            side = match.group("dir") or (
                match.group("dir0") + " " if match.group("dir0") else None
            )
            if side:
                add(f"{side}{name}", None, _LOC_REGION)
            else:
                add(name, None, _LOC_OTHER)
        bases = [(b.start(), b.end()) for b in _BASE_NAME.finditer(text, clause.start, clause.end)]
        for a, b in bases:  # "RAAF Base Darwin", "Joint Base Elmendorf-Richardson"
            add(text[a:b], None, _LOC_REGION)
        for run in _PLACE_NAME.finditer(text, clause.start, clause.end):
            if not any(a <= run.start() < b for a, b in bases):
                add(run.group(), None, _LOC_REGION)
        lead = _LIST_LEAD.search(text, clause.start, clause.end)
        if lead is not None:
            for run in _CAP_RUN.finditer(text, lead.end(), sentence_end):
                if not any(m.start <= run.start() < m.end for m in ms) and not _is_date_word(
                    run.group()
                ):
                    add(run.group(), None, _LOC_OTHER)
        return out


_DATE_WORDS: Final = frozenset(
    [
        *MONTH_NAMES,
        *MONTH_ABBREVIATIONS,
        *WEEKDAY_NAMES,
    ]
)


_TOPIC_NOUN: Final = re.compile(
    r"(?:situation(?<!\wsituation)s?|war(?<!\wwar)|crisis(?<!\wcrisis)"  # (X)
    r"|conflict(?<!\wconflict)|peace(?<!\wpeace)|stability(?<!\wstability)"
    r"|tension(?<!\wtension)s?|development(?<!\wdevelopment)s?|issue(?<!\wissue)s?"
    r"|invasion(?<!\winvasion)|hegemony(?<!\whegemony)|presence(?<!\wpresence)"
    r"|interest(?<!\winterest)s?|investment(?<!\winvestment)|troops(?<!\wtroops)"
    r"|forces(?<!\wforces)|policing(?<!\wpolicing)|ties(?<!\wties)|relations(?<!\wrelations)"
    r"|trade(?<!\wtrade)|exports(?<!\wexports)|imports(?<!\wimports)"
    r"|influence(?<!\winfluence)|role(?<!\wrole)|security(?<!\wsecurity))"
    r" (?:in|at|near|off) (?:the )?$"
)


def _topic_place(text: str, m: Mention) -> bool:
    # "the situations in Ukraine and Gaza" names a topic, not where a meeting was.
    tail = text[max(0, m.start - 7) : m.start].removesuffix("\n")
    if not tail.endswith((" in ", " at ", " near ", " off ", " the ")):
        return False  # the pattern ends in one of these (before an optional newline)
    return _TOPIC_NOUN.search(text, max(0, m.start - 40), m.start) is not None


#: Between a name and its own date: "<Name> (ACR) in 2016".
_OWN_DATE: Final = re.compile(r"(?: \([A-Z][A-Z0-9-]{1,9}\))? (?:in|on) (?:the )?")
#: "The most closely watched encounter is a dinner on Saturday with ...": a coming one.
_COMING_ENCOUNTER: Final = _Gated(
    re.compile(
        r"(?:is(?<!\wis)|are(?<!\ware)) (?:a|an|the) (?:[\w-]+ ){0,2}"  # (X)
        r"(?:dinner|lunch|meeting|summit|talks|visit|trip)\b(?: [\w-]+){0,3} on "
        r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    ),
    frozenset(day.lower() for day in WEEKDAY_NAMES),  # whole (after a space, before a boundary)
)
#: A host greeting the parties of an encounter told elsewhere.
_HOST_GREETS: Final = re.compile(
    r"(?:welcomed|welcomes|greeted|greets) (?:the (?:two|three|four) |both |the )"
    r"(?:leaders|presidents|prime ministers|delegations|ministers|men)\b"
)
#: A further capitalised head right after a head ("Accords Declaration").
_LATER_HEAD: Final = re.compile(
    r" (?:[A-Z][\w'\u2019-]* ){0,2}(?:Treaty|Agreement|Accord|Pact|Declaration|Convention"
    r"|Protocol|Charter|Arrangement|Memorandum)\b"
)
_TITLE_WORD: Final = re.compile(r" ?(?P<w>[A-Z][\w'\u2019-]*|[a-z]+|,)")
_TITLE_LINKS: Final = frozenset({"of", "on", "and", "the", "for", "along", "in"})


class _SpanIndex:
    """Which offsets lie inside any of some spans [start, end), by bisection."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue  # an empty span holds nothing
            if self._ends and a <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], b)
            else:
                self._starts.append(a)
                self._ends.append(b)

    def holds(self, at: int) -> bool:
        """Whether some span has start <= at < end."""
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


def _title_tail(text: str, he: int, limit: int) -> int:
    """Where a capitalised instrument name that goes on after its head ends.

    "Treaty of Peace, Diplomatic Relations and Full Normalization": linking words,
    capitalised words and commas inside a list that ends in "and <Word>"; the name
    must go on with "of"/"on"/"between"/"for" and end on a capitalised word.
    """
    first = _OF_CAPITAL.match(text[he : min(limit, he + 12)])
    if first is None:
        return he
    end = he
    pos = he
    words = 0
    pending_comma = False
    while words < 16:
        m = _TITLE_WORD.match(text, pos, limit)
        if m is None:
            break
        w = m.group("w")
        if w == ",":
            if text.startswith(", ", m.start()) is False:
                break
            # A comma only inside a list of capitalised words closed by "and <Word>".
            rest = text[m.end() : min(limit, m.end() + 80)]
            seg = rest.split(",", 1)[0]
            if not _SPACE_CAPITAL.match(rest) or " and " not in seg:
                break
            pending_comma = True
        elif w[0].isupper():
            if _is_date_word(w):
                break  # "Agreement on Tuesday"
            end = m.end()
            pending_comma = False
        elif w not in _TITLE_LINKS or (w == "in" and not text.startswith(" the ", m.end())):
            break
        pos = m.end()
        words += 1
    del pending_comma
    return end


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str, flags: int) -> re.Pattern[str]:
    """A whole-word pattern for *word*, compiled once (table words, an article's aliases)."""
    return re.compile(rf"\b{re.escape(word)}\b", flags)


@functools.lru_cache(maxsize=64)
def _gated_words(
    items: tuple[str, ...], flags: int
) -> tuple[tuple[str, str | None, re.Pattern[str]], ...]:
    """Each table word with its whole-word pattern and a keyword that any match shows.

    The keyword is a letter run that every match of the pattern shows whole, so when it
    is not among :func:`words` of the text the search cannot match (None: no gate).
    """
    return tuple((w, phrase_keyword(w), _word_pattern(w, flags)) for w in items)


def _safe_date(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return new_partial_date(year, month, day)
    except ValueError:
        return None


def _is_date_word(name: str) -> bool:
    return name.split(maxsplit=1)[0].rstrip(".") in _DATE_WORDS


def _strip_edition_tail(raw: str) -> str:
    r"""Drop an edition tail ("Malabar 2024", "Cobra Gold '24", "Talisman Sabre 23-25").

    The same result as ``re.sub(r"(?:[\s-]*(?:\d{2,4}|'\d{2}))+$", "", raw)``, in
    time linear in the tail: that pattern splits a run of digits into 2-4-digit pieces
    in exponentially many ways, and tried them all when a letter followed the run.  It
    cuts the longest suffix made of pieces (2-4 digits, or an apostrophe and 2 digits),
    each after any spaces and hyphens; this walks back from the end, marking each start
    whose suffix is such a sequence, and stops at the first other character.
    """
    # ``$`` also matches before a final newline (and no suffix ending in one is a piece).
    newline = raw.endswith("\n")
    n = len(raw) - newline
    # ok[k]: raw[i + 1 + k : n] is empty or a sequence of pieces, for the current i.
    ok = [True, False, False, False]
    cut = n
    digits = 0  # the length of the run of digits that starts at i
    for i in range(n - 1, -1, -1):
        ch = raw[i]
        if ch.isdecimal():  # ``\d``
            digits += 1
            here = (digits >= 2 and ok[1]) or (digits >= 3 and ok[2]) or (digits >= 4 and ok[3])
        elif ch == "'":  # digits: the run after the apostrophe
            here = digits >= 2 and ok[2]
            digits = 0
        elif ch.isspace() or ch == "-":  # ``\s``; a piece must follow
            here = ok[0] and i + 1 < n
            digits = 0
        else:
            break
        # here: raw[i:n] is a sequence of at least one piece.
        ok = [here, *ok[:3]]
        if here:
            cut = i
    return raw[:cut] + raw[n:]


def _clean_exercise_name(raw: str) -> str | None:
    name = _strip_edition_tail(raw.strip()).strip(" -")
    name = _TRAILING_BRACKET.sub("", name).strip()
    return name or None


def _dedupe_codes(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out: list[Mention] = []
    for m in ms:
        if m.code and m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return out


def _dedupe(ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    seen: set[str] = set()
    for m in ms:
        if m.code and m.code not in seen:
            seen.add(m.code)
            out.append(m)
    return out


def _is_state_word(word: str, spans: list[tuple[int, int]], text: str) -> bool:
    bare = word.strip("-\u2013")
    return any(bare and bare in text[a:b] for a, b in spans)


def _kind(value: str | None) -> AgreementKind:
    # AgreementKind(value) finds a string value by this very map, and raises ValueError
    # (read as OTHER) for one it lacks.
    return _AGREEMENT_KINDS.get(value or "other", _KIND_OTHER)


# ---- per-clause lookups, shared by the rule families


class _ClauseFacts:
    """What the rules look up in one clause, shared by its rule families and mentions.

    Each value depends only on the article (text, mentions) and on discourse state
    (``last_group``, ``last_persons``, ``recent_persons``) that only :meth:`Reader.read`
    changes, after the rules, so every family and mention of the clause reads the same;
    lists handed out are fresh copies, as the lookups return.
    """

    __slots__ = (
        "_bystanders",
        "_group",
        "_pronouns",
        "_reader",
        "_runs",
        "_states",
        "clause",
        "mentions",
        "present",
        "statuses",
        "text",
    )

    def __init__(self, reader: Reader, clause: Clause) -> None:
        """Cut out the clause's text, mentions and words; the rest is found when asked for."""
        self._reader = reader
        self.clause = clause
        self.text = reader.text[clause.start : clause.end]
        self.mentions = reader.within(clause.start, clause.end)
        self._states: list[Mention] | None = None
        #: The clause's :func:`words` (every family looks its phrase lists up in them),
        #: from the gazetteer's cache of the article's ranges: an indexed list searched
        #: over the clause reads the same entry (that of the sentence, for a clause that
        #: is the whole sentence), and the clause's text is not hashed again.
        self.present = _range_words(reader.text, clause.start, clause.end)[0]
        self._group: list[Mention] | None = None
        self._runs: dict[int, list[Mention]] = {}
        self._bystanders: dict[int, tuple[Mention, bool]] = {}
        #: The agreement rules' status verbs of the clause (see Reader._status_matches).
        self.statuses: list[tuple[AgreementStatus, list[re.Match[str]]]] | None = None
        self._pronouns: tuple[list[int], list[int]] | None = None

    def relative_pronoun(self, start: int, end: int) -> bool:
        """Whether "that" or "which" lies wholly in the article's text[start:end].

        As ``text.find(word, start, end) >= 0`` for a range inside the clause: the
        words' places in the clause are found once, so a clause with many instruments
        and status verbs does not search the same stretch again for each pair.
        """
        if self._pronouns is None:
            text, lo, hi = self._reader.text, self.clause.start, self.clause.end
            found: list[list[int]] = [[], []]
            for places, word in zip(found, ("that", "which"), strict=True):
                at = text.find(word, lo, hi)
                while at >= 0:
                    places.append(at)
                    at = text.find(word, at + 1, hi)
            self._pronouns = (found[0], found[1])
        for places, size in zip(self._pronouns, (4, 5), strict=True):
            # The first place at or after start ends first: the word fits if that one does.
            i = bisect_left(places, start)
            if i < len(places) and places[i] + size <= end:
                return True
        return False

    def states(self) -> list[Mention]:
        """The clause's mentions of states (shared: not to be changed)."""
        if self._states is None:
            self._states = [m for m in self.mentions if m.is_state]
        return self._states

    def finditer(self, phrases: Phrases) -> Iterator[re.Match[str]]:
        """``phrases.finditer`` over the clause.

        A list with an index searches by it; otherwise its keyword gate looks the
        list's keys up in :attr:`present` (the clause's words), and it scans as
        :meth:`Phrases.scan` does when one is there.
        """
        if phrases.index is not None:
            return phrases.finditer(self._reader.text, self.clause.start, self.clause.end)
        if phrases.keys is not None and phrases.keys.isdisjoint(self.present):
            return iter(())
        return phrases.scan(self._reader.text, self.clause.start, self.clause.end)

    def holds(self, phrases: Phrases) -> bool:
        """Whether ``phrases.search`` of the clause's text finds a match.

        The keyword gate is read in :attr:`present`. The article's text is searched
        over the clause's range instead of the clause's own copy, sharing the article's
        lower-cased copy and the cached words of its ranges. Past the clause's start a
        phrase's bounds read the same characters either way (the search stops at its
        end as the copy does), and at the start its lookbehind (no word character or
        hyphen before a bounded phrase) passes in the copy: the article reads the same
        unless the character before the start is one of those, and then a match at the
        start is looked for in the copy (one anchored try) before the rest is searched.
        """
        if phrases.keys is not None and phrases.keys.isdisjoint(self.present):
            return False
        text, start = self._reader.text, self.clause.start
        if start > 0:
            before = text[start - 1]
            if (before.isalnum() or before in "_-") and phrases.pattern.match(self.text):
                return True
        return phrases.search(text, start, self.clause.end) is not None

    def group(self) -> list[Mention]:
        """:meth:`Reader.group` of the clause's text."""
        if self._group is None:
            self._group = self._reader.group(self.text)
        return list(self._group)

    def subject_run(self, position: int) -> list[Mention]:
        """:meth:`Reader.subject_run` of the clause before *position*."""
        run = self._runs.get(position)
        if run is None:
            run = self._runs[position] = self._reader.subject_run(self.clause, position)
        return list(run)

    def without_bystanders(self, ms: list[Mention]) -> list[Mention]:
        """Drop critics, targets, brokers and venues (:meth:`Reader.bystander`) from *ms*.

        Each mention is judged once; *ms* itself is returned when none is dropped.
        """
        judged = self._bystanders  # each verdict keeps its mention, so ids stay unique
        out: list[Mention] = []
        for m in ms:
            verdict = judged.get(id(m))
            if verdict is None:
                verdict = judged[id(m)] = (m, self._reader.bystander(m))
            if not verdict[1]:
                out.append(m)
        return out if len(out) != len(ms) else ms


#: The words of a joint statement's head, one of which each shows whole.
_STATEMENT_WORDS: Final = frozenset({"statement", "communique", "communiqu\u00e9"})
