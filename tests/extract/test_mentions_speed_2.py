"""Property tests holding more of find_mentions' fast paths to the code they replace."""

from __future__ import annotations

import bisect

from hypothesis import example, given, settings
from hypothesis import strategies as st

from diplomatic_events._extract import _gazetteer, _mentions

#: Words that open names (in every case, with "'s"), persons' titles and names, long
#: words and others.
_WORDS = st.sampled_from(
    [
        "the",
        "The",
        "THE",
        "tHe",
        "the's",
        "the\u2019s",
        "Philippines",
        "Phil",
        "ippines",
        "Polynesia",
        "Foreign",
        "Ministry",
        "Arab",
        "United",
        "States",
        "Emirates",
        "China\u2019s",
        "Cote",
        "C\u00f4te",
        "d'Ivoire",
        "d\u2019Ivoire",
        "Trans",
        "France",
        "France's",
        "France\u2019s",
        "French",
        "Army",
        "President",
        "president",
        "Prime",
        "Minister",
        "Emmanuel",
        "Macron",
        "Macron's",
        "Macron\u2019s",
        "Macron\u2019s's",
        "macron",
        "Sato",
        "Kishida",
        "Fumio",
        "Xi",
        "Jinping",
        "of",
        "and",
        "in",
        "Paris",
        "Indo-Pacific",
        "South",
        "Pacific",
        "New",
        "Caledonia",
        "Self-Defense",
        "Forces",
        "RAA",
        "\u00c9mile",
        "\u00e9t\u00e9",
        "Zo\u00eb",
        ",",
        ".",
        "(",
        ")",
        "a" * 59,
        "A" * 60,
        "T" * 61,
        "t" * 75,
    ]
)
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", "-", "", "\xa0", "\x0c", "\t", " \x00"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORDS | st.text(alphabet="aTtPé'\u2019. ,", max_size=6), max_size=30))
    return "".join(word + draw(_GAPS) for word in words)


def _described(
    text: str,
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    mentions, persons = _mentions.find_mentions(text, _gazetteer.load())
    return (
        [
            (m.start, m.end, m.kind, m.name, m.code, m.possessive, m.person, m.extra, m.prep)
            for m in mentions
        ],
        [(p.name, p.title, p.code, sorted(p.keys), p.stated, p.org) for p in persons],
    )


@settings(max_examples=300, deadline=None)
@given(_texts())
@example("President Emmanuel Macron spoke. Macron's, Macron\u2019s's and Emmanuel agreed.")
def test_coreferent_mentions_are_every_owned_word(text: str) -> None:
    """Coreference finds every word naming one person by a key, outside the mentions."""
    gaz = _gazetteer.load()
    tokens = _mentions._tokens(text, len(text))
    raw = _mentions._forces(text, _mentions._raw_mentions(text, gaz, tokens), gaz)
    persons: list[_mentions.Person] = []
    mentions = _mentions._persons(text, raw, tokens, persons, gaz.named_heads)
    merged = _mentions._corefer(mentions, tokens, persons)
    # Every word whose base (less "'s" or "\u2019s") is one person's key, outside the
    # mentions, as the lookup of every word finds them.
    owners: dict[str, set[int]] = {}
    for index, person in enumerate(persons):
        for key in person.keys:
            owners.setdefault(key, set()).add(index)
    starts = [m.start for m in mentions]
    expected = []
    for start, word in zip(tokens.starts, tokens.words, strict=True):
        base = word.removesuffix("'s").removesuffix("\u2019s")
        k = bisect.bisect_right(starts, start) - 1
        inside = k >= 0 and mentions[k].start <= start < mentions[k].end
        if len(owners.get(base, ())) == 1 and not inside:
            expected.append((start, start + len(base), min(owners[base]), base != word))
    added = [m for m in merged if all(m is not x for x in mentions)]
    assert [(m.start, m.end, m.person, m.possessive) for m in added] == expected


@settings(max_examples=300, deadline=None)
@given(_texts())
@example("the Philippines and the Phil ippines, French Polynesia, the\x0cUnited Arab Emirates")
@example("China\u2019s Foreign Ministry, the United\x00 States, C\u00f4te d\u2019Ivoire")
def test_mentions_are_those_found_without_the_followers(text: str) -> None:
    """A run stopped early by its opener's followers would have found nothing."""
    openers = _mentions._tables(_gazetteer.load())[0]
    fast = _described(text)
    saved = dict(openers)
    openers.update((word, (*opener[:3], None)) for word, opener in saved.items())
    try:
        slow = _described(text)
    finally:
        openers.update(saved)
    assert fast == slow


def test_followers_are_the_words_making_a_key_prefix() -> None:
    """A word follows an opener where the opener's key, " " and it make a key prefix."""
    gaz = _gazetteer.load()
    openers, prefixes, _ = _mentions._tables(gaz)
    words = {word for phrase in gaz.phrases for word in phrase.split()}
    words.update(word[:k] for word in list(words) for k in range(1, len(word)))
    for opener, (_, _, _, follows) in openers.items():
        if follows is None:
            assert not opener.isprintable()
            continue
        key = _gazetteer.normalize(opener)
        for word in words:
            assert (word in follows) == (f"{key} {word}" in prefixes), (opener, word)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aB-.,\u201d\u2019'_(\xa0 A1", max_size=16))
@example("Indo-Pacific.\u201d Japan-France, Indo-Pacific-- U.S.-A.\u201d Self-B_.")
def test_tokens_are_the_token_pattern_matches(text: str) -> None:
    """Hyphenated words with marks after them: the tokens the pattern finds."""
    tokens = _mentions._tokens(text, len(text))
    expected = [(m.start(), m.group()) for m in _mentions._SCAN_TOKEN.finditer(text)]
    assert list(zip(tokens.starts, tokens.words, strict=True)) == expected


def test_name_tokens_are_the_reference() -> None:
    """Every word of one, two or three characters: a name token as str.isupper tells."""
    for code in range(0x3000):
        char = chr(code)
        for word in ("", char, char + "a", char + "A", char + "ab", "President"):
            expected = (
                bool(word)
                and word[0].isupper()
                and word not in _mentions._NOT_NAMES
                and not word.isupper()
            )
            assert _mentions._is_name_token(word) == expected, word
