"""The assembly's compiled copies and shortcuts give what the models and the old code give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events import PartyKind
from diplomatic_events import _models as models
from diplomatic_events._dates import PartialDate
from diplomatic_events._extract import _assemble as assemble
from diplomatic_events.vocab import AGREEMENT_LIFECYCLE, AgreementStatus
from strategies import agreements, exercises, meetings, partial_dates, parties


@given(partial_dates())
def test_date_text_is_str(date: PartialDate) -> None:
    """A date is written as the model writes it (ids of meetings and exercises hold it)."""
    assert assemble._date_text(date) == str(date)


@given(partial_dates())
def test_earliest_and_latest_are_the_models(date: PartialDate) -> None:
    """The first and last days a date may mean are the model's."""
    assert assemble._earliest(date) == date.earliest()
    assert assemble._latest(date) == date.latest()


@given(partial_dates(), partial_dates())
def test_not_before_is_ge(a: PartialDate, b: PartialDate) -> None:
    """Dates compare as the model orders them."""
    assert assemble._not_before(a, b) is (a >= b)


def test_leap_days() -> None:
    """February's last day in leap and common years, as the model gives it."""
    for year in (1900, 2000, 2023, 2024):
        date = PartialDate(year=year, month=2)
        assert assemble._latest(date) == date.latest()


@given(parties(kinds=list(PartyKind)))
def test_id_of_a_party_is_its_id(party: models.Party) -> None:
    """A party's id read from its slot is the model's, whether cached yet or not."""
    fresh = assemble._id_of(party)
    assert fresh == models._party_id(party)
    assert assemble._id_of(party) == party.id == fresh


@given(meetings(), agreements(), exercises())
def test_id_of_an_event_is_its_id(
    meeting: models.Meeting, agreement: models.Agreement, exercise: models.Exercise
) -> None:
    """An event's id read from its slot, cached by _with_id or not, is the model's."""
    for event in (meeting, agreement, exercise):
        assert assemble._id_of(event) == event.id
    cached = assemble._with_id(meeting, assemble._meeting_key(meeting))
    assert assemble._id_of(cached) == models._meeting_id(meeting)


ascii_names = st.text(alphabet=st.characters(max_codepoint=127))


@given(ascii_names)
def test_ascii_slug_is_the_models(name: str) -> None:
    """An ASCII name of any punctuation ("Self-Defense Forces") slugs as the model slugs it."""
    assert assemble._slug_of(name) == models._slug(name)


@given(st.one_of(ascii_names, st.text()))
def test_alnum_words_are_the_regexs(name: str) -> None:
    """A name's words are the runs of [a-z0-9] of its lower-cased form."""
    assert assemble._alnum_words(name) == assemble._NON_ALNUM.sub(" ", name.lower()).split()


def test_names_with_punctuation() -> None:
    """Hyphens, dots and apostrophes separate words; a name of none has the digest."""
    for name in ("Self-Defense Forces", "U.S. Army", "People's Army", "Task_Force", "--", " "):
        assert assemble._slug_of(name) == models._slug(name)
        assert assemble._alnum_words(name) == assemble._NON_ALNUM.sub(" ", name.lower()).split()


def _history_before(
    raw: list[tuple[AgreementStatus, PartialDate | None, str | None, bool, int]],
) -> tuple[models.StatusChange, ...]:
    # The history as worked out before its one-observation shortcut, on every list.
    explicit = [h for h in raw if not h[3]]
    chosen = explicit or raw[:1]
    by_rank: dict[int, tuple[AgreementStatus, PartialDate | None, str | None]] = {}
    for status, date, text, _, _ in chosen:
        rank = AGREEMENT_LIFECYCLE[status]
        current = by_rank.get(rank)
        if current is None or (current[1] is None and (date is not None or current[2] is None)):
            by_rank[rank] = (status, date, text)
    out: list[models.StatusChange] = []
    last: PartialDate | None = None
    for rank in sorted(by_rank):
        status, date, text = by_rank[rank]
        if date is not None and last is not None and date.latest() < last.earliest():
            date = None
        if date is not None:
            last = date
        out.append(models.StatusChange(status=status, date=date, date_text=text))
    return tuple(out)


observations = st.lists(
    st.tuples(
        st.sampled_from(list(AgreementStatus)),
        st.none() | partial_dates(),
        st.sampled_from([None, "2019", "on Thursday"]),
        st.booleans(),
        st.integers(0, 9),
    ),
    min_size=1,
    max_size=4,
)


@given(observations)
def test_history_is_the_one_before(
    raw: list[tuple[AgreementStatus, PartialDate | None, str | None, bool, int]],
) -> None:
    """An agreement's history, of one observation or several, is the one worked out before."""
    assert assemble._history(raw) == _history_before(raw)


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), min_size=1, max_size=4))
def test_spans_of_one_are_those_of_its_repeats(keys: list[tuple[int, int]]) -> None:
    """A lone span is quoted as the same span repeated is (the sorted set of the spans)."""
    spans = [(min(k), max(k) + 1) for k in keys]
    assembler = assemble.Assembler("x" * 50, None, [])
    for span in spans:
        assert assembler.spans([span]) == assembler.spans([span, span])
    assert [(s.start, s.end) for s in assembler.spans(spans)] == sorted(set(spans))
