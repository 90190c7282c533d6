"""The agreement rules' shortcuts decide as the code they replace.

Each test holds the plain form a shortcut of ``_rules`` stands for and checks that both
agree on news-like and odd text (status verbs that overlap or tie, ratification
contexts in and out of the clause, letters just before a clause's start).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _rules
from diplomatic_events._extract._gazetteer import load
from diplomatic_events._extract._text import Sentence
from diplomatic_events.vocab import AgreementStatus

if TYPE_CHECKING:
    import re

PIECES = [
    "agreement",
    "the accord",
    "signed",
    "sign",
    "plan to sign",
    "entered into",
    "entered into force",
    "ratified",
    "would still have to be ratified",
    "parliament",
    "replaces",
    "replaced",
    "scrapped",
    "negotiating",
    "that",
    "which will",
    "Japan",
    "x",
    "-",
    " ",
    ", ",
    "\u2019",
    "\u0130",
    "\u017f",
]


def _plain_status_matches(
    reader: _rules.Reader, start: int, end: int, s: Sentence
) -> list[tuple[AgreementStatus, list[re.Match[str]]]]:
    """The status verbs of text[start:end] as every list's search gives them."""
    gaz, text = reader.gaz, reader.text
    ratification_ok = gaz.regex["ratification_context"].search(text, s.start, s.end) is not None
    found = []
    for value, phrases in gaz.status_regex.items():
        status = AgreementStatus(value)
        if status is AgreementStatus.RATIFIED and not ratification_ok:
            continue
        found.append((status, list(phrases.finditer(text, start, end))))
    return found


def _plain_agreement_status(  # noqa: PLR0913, PLR0917 - the method's arguments
    reader: _rules.Reader,
    clause: _rules.Clause,
    start: int,
    end: int,
    s: Sentence,
    next_head: int | None,
) -> tuple[AgreementStatus | None, int | None]:
    """Reader._agreement_status as written before: a keyed sort and min()."""
    text = reader.text
    facts = _rules._ClauseFacts(reader, clause)
    hits: list[tuple[int, int, AgreementStatus]] = []
    for status, matches in _plain_status_matches(reader, clause.start, clause.end, s):
        for m in matches:
            at = m.start()
            if start <= at < end and status is not AgreementStatus.PROPOSED:
                continue
            if (
                at >= end
                and facts.relative_pronoun(end, at)
                and _rules._relative_subject(text, end, at)
            ):
                continue
            if next_head is not None and end < next_head <= at:
                continue
            verb = m.group().lower()
            if verb in {"replaces", "supersedes", "replace", "supersede"}:
                if at >= end:
                    continue
                hits.append((at, m.end(), AgreementStatus.IN_FORCE))
                continue
            if status is AgreementStatus.RATIFIED and _rules._NOT_YET.search(
                text, max(clause.start, at - 20), at
            ):
                continue
            hits.append((at, m.end(), status))
    if not hits:
        return None, None
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, AgreementStatus]] = []
    reach = -1
    for h in hits:
        if h[1] <= reach:
            continue
        kept.append(h)
        reach = h[1]
    best = min(kept, key=lambda h: max(h[0] - end, start - h[1], 0))
    status = best[2]
    if status is AgreementStatus.SIGNED and _rules._FUTURE_SIGN.search(
        text[max(clause.start, best[0] - 30) : best[0]]
    ):
        status = AgreementStatus.PROPOSED
    return status, best[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=14),
    st.integers(0, 60),
    st.integers(0, 200),
    st.integers(0, 200),
    st.integers(1, 12),
    st.one_of(st.none(), st.integers(0, 200)),
)
@example(["Japan", " ", "entered into", " ", "the accord"], 0, 0, 24, 9, None)
@example(["parliament", " ", "ratified", " ", "the accord"], 11, 0, 22, 10, None)
@example(["the accord", " ", "replaces", " ", "agreement", " ", "signed"], 0, 0, 0, 10, 20)
def test_status_matches_and_choice_as_plain(  # noqa: PLR0913, PLR0917 - drawn values
    pieces: list[str],
    clause_start: int,
    clause_size: int,
    at: int,
    size: int,
    next_head: int | None,
) -> None:
    """The clause's status verbs, and the status chosen for a mention, are as before.

    A status listed without a verb gives no hit: lists are compared by their verbs.
    """
    text = " ".join(pieces)
    clause_start = min(clause_start, len(text))
    clause_end = min(len(text), clause_start + clause_size)
    start = min(clause_start + at, clause_end)
    end = min(start + size, clause_end)
    gaz = load()
    _gazetteer.clear_caches()
    reader = _rules.Reader(text, None, gaz, [], [], [], {})
    clause = _rules.Clause(clause_start, clause_end, background=False)
    s = Sentence(0, len(text), "body", 0)
    facts = _rules._ClauseFacts(reader, clause)
    found = [
        (status, [m.span() for m in ms]) for status, ms in reader._status_matches(facts, s) if ms
    ]
    plain = [
        (status, [m.span() for m in ms])
        for status, ms in _plain_status_matches(reader, clause_start, clause_end, s)
        if ms
    ]
    assert found == plain
    expected = _plain_agreement_status(reader, clause, start, end, s, next_head)
    assert reader._agreement_status(facts, start, end, s, next_head) == expected


def test_status_probes_hit() -> None:
    """Verbs of two statuses overlap in the probes (the choice above is not vacuous)."""
    text = "Japan plan to sign the accord that entered into force"
    gaz = load()
    _gazetteer.clear_caches()
    reader = _rules.Reader(text, None, gaz, [], [], [], {})
    clause = _rules.Clause(0, len(text), background=False)
    facts = _rules._ClauseFacts(reader, clause)
    s = Sentence(0, len(text), "body", 0)
    spans = sorted(m.span() for _, ms in reader._status_matches(facts, s) for m in ms)
    assert spans == [(6, 18), (14, 18), (35, 47), (35, 53)]
    for start, end in ((23, 29), (0, 5)):
        expected = _plain_agreement_status(reader, clause, start, end, s, None)
        assert reader._agreement_status(facts, start, end, s) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "trade", "free trade", "security", "tradesman"])))
@example(["xtrade", " ", "trade"])
@example(["free trade"])
def test_topic_search_from_its_first_place(pieces: list[str]) -> None:
    """A topic's whole-word search from the topic's first place finds the first match."""
    low = " ".join(pieces).lower()
    for topic, _, pattern in _rules._gated_words(load().topic_words, 0):
        at = low.find(topic)
        first = pattern.search(low, at) if at >= 0 else None
        plain = pattern.search(low)
        assert (first.span() if first else None) == (plain.span() if plain else None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Alliance", "alliance", "one", "signed one", "2"])))
@example(["x", "Alliance"])
@example(["_Alliance", " ", "Alliances"])
@example(["signed one"])
def test_word_gates_of_agreement_mentions(pieces: list[str]) -> None:
    """A clause with a match of the alliance or "one" pattern holds its word."""
    text = "".join(pieces)
    present = _gazetteer.words(text)
    if _rules._ALLIANCE_WORD.search(text):
        assert "alliance" in present
    if _rules._ONE.search(text):
        assert "one" in present
    if _rules._JOINT_STATEMENT.search(text):
        assert not present.isdisjoint(_rules._STATEMENT_WORDS)


def _plain_named_agreement(
    reader: _rules.Reader, hs: int, he: int, clause: _rules.Clause
) -> tuple[int, int, str | None, str | None, object, str, bool] | None:
    """Reader._named_agreement as written before: each word tested by its calls."""
    text = reader.text
    window = text[max(clause.start, hs - 80) : hs]
    words = window.split(" ")
    taken: list[str] = []
    inner: str | None = None
    for w in reversed(words[:-1] if window.endswith(" ") else words):
        bracket = _rules._BRACKETED_ACRONYM.fullmatch(w)
        if bracket is not None and not taken and inner is None:
            inner = bracket.group("a")
            taken.insert(0, w)
        elif (
            w
            and (w[0].isupper() or w in {"and", "of", "on", "for", "the"})
            and not w.endswith((",", "."))
        ):
            taken.insert(0, w)
        else:
            break
    while taken and taken[0] in {"and", "of", "on", "for", "the", "The"}:
        taken.pop(0)
    if inner is not None and taken and taken[0].startswith("("):
        return None
    tail_end = _rules._title_tail(text, he, clause.end)
    if not taken and tail_end == he:
        return None
    he = tail_end
    name_start = hs - len(" ".join(taken)) - 1 if taken else hs
    name = text[name_start:he]
    acronym = None
    tail = _rules._ALIAS.match(text, he)
    if tail is not None:
        acronym = tail.group("a")
    if inner is not None:
        acronym = acronym or inner
        name = name.replace(f" ({inner})", "")
    return (name_start, he, name.strip(), acronym, reader._kind_of(name), "named", False)


_NAME_WORDS = [
    "Reciprocal",
    "Access",
    "and",
    "of",
    "the",
    "The",
    "(RAA)",
    "(INF)",
    "(x)",
    "(",
    "",
    "new",
    "Cross,",
    "Forces.",
    "\u00c9tat",
    "\u00e9tat",
    "\u0130zmir",
    "\u01c5ubrovnik",
    "1998",
    "_Pact",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=14), st.integers(0, 40))
@example(["the", "Intermediate-Range", "Nuclear", "Forces", "(INF)"], 0)
@example(["(INF)", "(RAA)", "Forces"], 0)
def test_named_agreement_as_plain(words: list[str], lead: int) -> None:
    """The walk back over a name's capitalised words takes the words it took before."""
    text = " ".join([*words, "Treaty of Peace (TP) and more"])
    hs = text.rindex("Treaty")
    he = hs + len("Treaty")
    gaz = load()
    _gazetteer.clear_caches()
    reader = _rules.Reader(text, None, gaz, [], [], [], {})
    clause = _rules.Clause(min(lead, hs), len(text), background=False)
    expected = _plain_named_agreement(reader, hs, he, clause)
    assert reader._named_agreement(hs, he, clause) == expected
