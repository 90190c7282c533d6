"""The clause rules' shortcuts decide as the code they replace.

Each test holds the plain form a shortcut of ``_rules`` stands for and checks that
both agree on news-like and odd text (case variants, curly apostrophes, hyphens and
letters just before a clause's start, letters that fold in odd ways).
"""

from __future__ import annotations

import itertools
import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _rules
from diplomatic_events._extract._gazetteer import load

PIECES = [
    "virtual",
    "by video link",
    "phone call",
    "over dinner",
    "will",
    "is due to",
    "postponed",
    "cancelled",
    "did not meet",
    "company",
    "Ltd",
    "took part",
    "last year's edition",
    " ",
    ", ",
    "-",
    "x",
    "\u2019",
    "'",
    "\u0130",
    "\u017f",
    "\u2013",
    "\n",
    "Japan",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=12),
    st.integers(0, 120),
    st.integers(0, 120),
)
@example(["x", "virtual", " talks"], 1, 20)
@example(["-", "phone call"], 1, 20)
@example(["Ltd", "company"], 3, 20)
def test_clause_holds_is_search_of_the_clause_copy(
    pieces: list[str], start: int, size: int
) -> None:
    """_ClauseFacts.holds finds a match where a search of the clause's own copy does."""
    text = "".join(pieces)
    start = min(start, len(text))
    end = min(len(text), start + size)
    gaz = load()
    _gazetteer.clear_caches()
    reader = _rules.Reader(text, None, gaz, [], [], [], {})
    facts = _rules._ClauseFacts(reader, _rules.Clause(start, end, background=False))
    for name, phrases in [*gaz.regex.items(), *gaz.status_regex.items()]:
        expected = phrases.search(text[start:end]) is not None
        assert facts.holds(phrases) is expected, (name, text, start, end)


#: Rule patterns gated by words or a pattern, and phrases that match them.
_WORD_GATED = {
    "_VENUE": ["at the Guest House", "in Akasaka Palace", "to the hotel", "at the Palaces"],
    "_TOPIC": ["discussed trade ties", "exchanged views on security", "talks on trade"],
    "_PLACE_NAME": ["Okinawa Prefecture", "Yokota Air Base", "Subic Bay", "Jeju Islands"],
    "_EXERCISE_CAPITALISED": ["the Pacific Vanguard naval exercise", "the Cobra Gold war games"],
    "_VISIT": ["visited", "travelled", "trip"],
    "_EDITION": ["opening ceremony", "exercise sites", "editions"],
    "_MEETING_CUT": [", when ", " days after ", "before the summit, ", ", and he later "],
    "_HOLD_VERB": ["kicked off", "staged", "conducted"],
    "_PRIOR_TO": ["prior to"],
    "_TOGETHER_WITH": [", together with"],
    "_LIST_LEAD": ["including", "such as"],
    "_COMING_ENCOUNTER": ["is a summit on Monday", "are the talks in Tokyo on Sunday"],
    "_GROUP": [
        "both sides",
        "The Two Leaders",
        "\u017fix countries",
        "the two will",
        "their world powers",
        "FIVE nations",
        "S\u0130X countries",
        "f\u0131ve states",
        "three six nations",
        "the two Major Powers",
    ],
}
_GLUE = ["", " ", "-", "x", "'", "\u2019", ", ", "_", "2", ".", "\u0130", "\u017f", "s", "A"]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(_WORD_GATED)),
    st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 3)), min_size=1, max_size=5),
    st.integers(0, 4),
    st.integers(0, 4),
)
def test_word_gated_patterns_find_what_their_pattern_finds(
    name: str, parts: list[tuple[str, int]], cut: int, trim: int
) -> None:
    """A rule pattern gated by words finds, in any range, what its plain pattern finds."""
    gated = getattr(_rules, name)
    assert not isinstance(gated.needles, tuple)
    phrases = _WORD_GATED[name]
    text = "".join(glue + phrases[k % len(phrases)] for glue, k in parts)
    for pos, endpos in ((0, len(text)), (cut, len(text) - trim)):
        plain = [m.span() for m in gated.pattern.finditer(text, pos, endpos)]
        assert [m.span() for m in gated.finditer(text, pos, endpos)] == plain
        first = gated.search(text, pos, endpos)
        assert (first.span() if first else None) == (plain[0] if plain else None)


def test_word_gated_probes_match() -> None:
    """Each probe phrase above is a match of its pattern (the test is not vacuous)."""
    for name, phrases in _WORD_GATED.items():
        for phrase in phrases:
            assert getattr(_rules, name).search(phrase) is not None, (name, phrase)


def test_group_starts_are_the_letters_ignorecase_matches() -> None:
    """_GROUP's start pattern holds each letter that re.IGNORECASE matches to its own."""
    starts = _rules._GROUP.starts
    assert starts is not None
    first, second = re.findall(r"\[[^]]*\]", starts.pattern)
    for letters, cls in (("bfst", first), ("ehio", second)):
        held = set(cls[1:-1].encode().decode("unicode_escape"))
        folding = re.compile("[" + letters + "]", re.IGNORECASE)
        expected = {chr(c) for c in range(sys.maxunicode + 1) if folding.fullmatch(chr(c))}
        assert held == expected, letters


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghinostuvwxISTsft \u0130\u0131\u017f-'", max_size=40))
def test_ascii_copy_finds_the_needles_the_fold_holds(text: str) -> None:
    """The fold's ASCII copy holds each hint and stem in each range as the fold does."""
    fold = _gazetteer.fold_lower(text)
    copy = _gazetteer._ascii_lowered(text).decode("ascii")
    assert len(copy) == len(fold) == len(text)
    needles = [
        *_rules._AGREEMENT_HINTS,
        *_rules._EXERCISE_HINTS,
        *_rules._SERIES_NOUNS,
        *_rules._SERIES_ORDINALS,
        *_rules._NON_PARTY_STEMS,
        "this",
        "fist",
    ]
    for a, b in itertools.combinations(range(len(text) + 1), 2):
        for needle in needles:
            assert (needle in copy[a:b]) is (needle in fold[a:b])
            if needle in _rules._NON_PARTY_STEMS and needle in text[a:b]:
                assert needle in copy[a:b]


#: The plain forms of rule patterns rewritten to start with a literal or a class the
#: engine skips to ("X(?<!\wX)" for "\bX"), with phrases about them (a trailing space
#: lets the lead patterns, which end at the end of the text, match).
_PLAIN_SOURCES = {
    "_VENUE": (
        (
            r"\b(?:at|in|to) (?:the |his |her |their )?"
            r"(?P<v>(?:[A-Z][\w'\u2019.-]* ){0,3}(?:[A-Z][\w'\u2019.-]* )?"
            r"(?:Palace|House|Hall|Residence|residence|Castle|Tower|Centre|Center|Hotel|hotel"
            r"|Building"
            r"|Villa|Retreat|Museum|Fortress|Estate|Manor|Lodge|Chancellery|Kremlin|Office|Lawn"
            r"|Guest House|Guesthouse|Pavilion|Cosmodrome|Street)"
            r"(?:(?: of(?: the)?)? [A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2})?)"
            r"(?P<on> on (?:the )?(?:[a-z-]+ )?(?:island of )?[A-Z][\w'\u2019-]*)?"
        ),
        ["at the Guest House", "in Akasaka Palace on Oahu", "to the hotel", "cat Palace"],
    ),
    "_PLACE_NAME": (
        (
            r"\b[A-Z][\w'\u2019-]*(?: [A-Z][\w'\u2019-]*){0,2} "
            r"(?:Prefecture|Province|Island|Islands|Peninsula|Air Base|"
            r"Naval Base|Base|Bay|Port|Harbour|Harbor|Strait|Atoll|Archipelago|Region|County"
            r"|Oblast)\b"
        ),
        ["Okinawa Prefecture", "Yokota Air Base", "Ko'olau-Pali Bay", "X Y Z W Base", "aB Bay"],
    ),
    "_TOPIC": (
        (
            r"\b(?:discussed|concurred on|agreed on|talked about|focused on|exchanged views on|"
            r"talks on|discussions on|touched on)\s+(?P<t>[^.;:]{3,160})"
        ),
        ["discussed trade ties", "exchanged views on security", "retalks on x", "talks on"],
    ),
    "_VISIT": (
        r"\b(?:visit|visits|visited|visiting|trip|travel|traveled|travelled)\b",
        ["visited", "travelled", "trip", "visitor", "revisit", "travelle"],
    ),
    "_HOLD_VERB": (
        r"\b(?:hold|held|conduct|conducted|kicked off|began|stage|staged|launch)\b",
        ["kicked off", "staged", "conducted", "conducting", "upheld", "launches"],
    ),
    "_COMING_ENCOUNTER": (
        (
            r"\b(?:is|are) (?:a|an|the) (?:[\w-]+ ){0,2}"
            r"(?:dinner|lunch|meeting|summit|talks|visit|trip)\b(?: [\w-]+){0,3} on "
            r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
        ["is a summit on Monday", "are the talks in Tokyo on Sunday", "this a trip on Friday"],
    ),
    "_PLACE_PREP": (
        (
            r"\b(?:in|at|near|out of|off|outside|over)(?: the)?"
            r"(?: (?P<dir0>northern|southern|eastern|western|central))?"
            r"(?: port of| city of| province of| region of| island of)? "
            r"(?P<dir>(?:northern|southern|eastern|western|central|north|south|east|west|"
            r"north-eastern|south-eastern|north-western|south-western|northeastern|southeastern|"
            r"northwestern|southwestern) )?(?=[A-Z])"
        ),
        ["in the northern port of Da", "out of Guam", "inside Japan", "off south-western Jeju"],
    ),
    "_ENABLING_BEFORE": (
        (
            r"\b(?:facilitate|facilitating|enabling|enable|enables|able to|allow|allows"
            r"|allowing|permit|permits|permitting)\s+(?:\w+\s+){0,2}$"
        ),
        ["able to hold ", "enables the ", "unable to ", "permits joint "],
    ),
    "_DATE_EXCLUDE": (
        (
            r"\b(?:by|dating from|since|dates from|established in|first staged in|before"
            r"|arrived(?: in [\w' ]{2,20})? on"
            r"|to|until|through)\s+(?:the\s+)?$"
        ),
        ["arrived in Hanoi on ", "first staged in ", "since the ", "ditto ", "by "],
    ),
    "_TOPIC_NOUN": (
        (
            r"\b(?:situations?|war|crisis|conflict|peace|stability|tensions?|developments?|issues?"
            r"|invasion|hegemony|presence|interests?|investment|troops|forces|policing|ties"
            r"|relations|trade|exports|imports|influence|role|security)"
            r" (?:in|at|near|off) (?:the )?$"
        ),
        ["situations in the ", "tension off ", "postwar in ", "issues near "],
    ),
    "_EXERCISE_QUALIFIER": (
        (
            r"\b(?:joint|military|naval|multinational|combined|bilateral|trilateral|live-fire"
            r"|large-scale|annual|air|maritime)\b"
        ),
        ["the joint drills", "live-fire", "large-scale air", "repair", "navals", "an annual"],
    ),
    "_NOUN_TRIGGER": (
        (
            r"\b(?:meeting|meetings|talks|summit|summits|negotiations|round|planning event"
            r"|planning conference)\b"
        ),
        ["meetings", "planning conference", "summitry", "around", "the talks", "round"],
    ),
    "_TOWN_BEFORE": (
        r"\b(?:in|at) (?P<t>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+)?), $",
        ["in Hanoi, ", "at Camp David, ", "sat Down, ", "in Ko'olau Pali, "],
    ),
    "_SAME_PARTICIPANTS": (
        (
            r"\bthe same (?:(?:two|three|four|five|six|seven|eight|\d+) )?"
            r"(?:navies|countries|nations|participants|forces|armies|militaries|partners)\b"
        ),
        ["the same two navies", "the same 12 forces", "bathe same nations", "the same armies"],
    ),
    "_NOT_YET": (
        r"\b(?:to|must|should|would|will|could|can|may) (?:still )?be $",
        ["has to be ", "must still be ", "pecan be ", "would be "],
    ),
    "_FUTURE_SIGN": (
        r"\b(?:will|to|would|plans? to|plan to|aim to|expected to|intends? to)\s+(?:\w+\s+)?$",
        ["plans to ", "intends to formally ", "into ", "will "],
    ),
}


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(sorted(_PLAIN_SOURCES)),
    st.lists(st.tuples(st.sampled_from(_GLUE), st.integers(0, 5)), min_size=1, max_size=5),
    st.integers(0, 4),
    st.integers(0, 4),
)
def test_rewritten_patterns_match_as_their_plain_forms(
    name: str, parts: list[tuple[str, int]], cut: int, trim: int
) -> None:
    """A rule pattern written literal first matches where, and as, its plain form does."""
    source, phrases = _PLAIN_SOURCES[name]
    plain = re.compile(source)
    rule = getattr(_rules, name)
    pattern = rule.pattern if isinstance(rule, _rules._Gated) else rule
    text = "".join(glue + phrases[k % len(phrases)] for glue, k in parts)
    for pos, endpos in ((0, len(text)), (cut, len(text) - trim)):
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, endpos)]
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, endpos)] == expected
        for at in range(len(text) + 1):
            first = plain.match(text, at, endpos)
            again = pattern.match(text, at, endpos)
            assert (first and first.span()) == (again and again.span()), (text, at)


def test_plain_source_probes_match() -> None:
    """Most probe phrases above match their plain form (the comparison is not vacuous)."""
    for name, (source, phrases) in _PLAIN_SOURCES.items():
        hits = [phrase for phrase in phrases if re.search(source, phrase)]
        assert len(hits) >= 2, (name, hits)


def test_rewritten_patterns_on_each_phrase() -> None:
    """Each probe phrase between any two glue pieces matches as the plain form does."""
    for name, (source, phrases) in _PLAIN_SOURCES.items():
        plain = re.compile(source)
        rule = getattr(_rules, name)
        pattern = rule.pattern if isinstance(rule, _rules._Gated) else rule
        for phrase, before, after in itertools.product(phrases, _GLUE, ["", *_GLUE]):
            text = before + phrase + after
            expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == expected, text
