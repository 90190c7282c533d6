"""The models' rules, each enforced at construction, and their ids."""

# The tests write `expected == actual` (STYLE.md), which SIM300 calls a Yoda condition.

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomatic_events import (
    Agreement,
    AgreementStatus,
    Article,
    EventSet,
    Exercise,
    ExerciseStatus,
    Location,
    Meeting,
    MeetingStatus,
    PartialDate,
    Party,
    PartyKind,
    Span,
    StatusChange,
    ValidationError,
    _models,
)
from strategies import models

JAPAN = Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN")
FRANCE = Party(kind=PartyKind.COUNTRY, name="France", country="FRA")
US = Party(kind=PartyKind.COUNTRY, name="United States", country="USA")


def paths(info: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    """Return the problem paths of a caught ValidationError."""
    return [p.path for p in info.value.problems]


def changes(*steps: tuple[str, str | None]) -> tuple[StatusChange, ...]:
    """Build a status history from (status, date) pairs."""
    return tuple(
        StatusChange(
            status=AgreementStatus(status),
            date=None if date is None else PartialDate.parse(date),
        )
        for status, date in steps
    )


def agreement(**overrides: Any) -> Agreement:
    """Build a valid agreement, with some fields replaced."""
    fields: dict[str, Any] = {
        "name": "Reciprocal Access Agreement",
        "acronym": "RAA",
        "parties": (JAPAN, FRANCE),
        "history": changes(("signed", "2024-05-02")),
    }
    return Agreement(**(fields | overrides))


def meeting(**overrides: Any) -> Meeting:
    """Build a valid meeting, with some fields replaced."""
    fields: dict[str, Any] = {
        "participants": (JAPAN, FRANCE),
        "status": MeetingStatus.HELD,
        "date": PartialDate.parse("2024-05-02"),
        "location": Location(name="Paris", country="FRA"),
    }
    return Meeting(**(fields | overrides))


def exercise(**overrides: Any) -> Exercise:
    """Build a valid exercise, with some fields replaced."""
    fields: dict[str, Any] = {
        "participants": (JAPAN, US),
        "status": ExerciseStatus.PLANNED,
        "name": "Balikatan",
    }
    return Exercise(**(fields | overrides))


# ---- text fields ---------------------------------------------------------------------

TEXT_FIELDS: list[tuple[str, Any, str]] = [
    ("Party.name", lambda v: Party(kind=PartyKind.ORGANIZATION, name=v), "$.name"),
    (
        "Party.title",
        lambda v: Party(kind=PartyKind.PERSON, name="Fumio Kishida", title=v),
        "$.title",
    ),
    (
        "Party.aliases",
        lambda v: Party(kind=PartyKind.ORGANIZATION, name="NATO", aliases=("OTAN", v)),
        "$.aliases[1]",
    ),
    ("Location.name", lambda v: Location(name=v), "$.name"),
    ("Meeting.date_text", lambda v: meeting(date_text=v), "$.date_text"),
    ("Meeting.topics", lambda v: meeting(topics=(v,)), "$.topics[0]"),
    ("Meeting.outcomes", lambda v: meeting(outcomes=(v,)), "$.outcomes[0]"),
    (
        "StatusChange.date_text",
        lambda v: StatusChange(status=AgreementStatus.SIGNED, date_text=v),
        "$.date_text",
    ),
    ("Agreement.name", lambda v: agreement(name=v), "$.name"),
    ("Agreement.acronym", lambda v: agreement(acronym=v), "$.acronym"),
    ("Agreement.purpose", lambda v: agreement(purpose=v), "$.purpose"),
    ("Exercise.name", lambda v: exercise(name=v), "$.name"),
    ("Exercise.date_text", lambda v: exercise(date_text=v), "$.date_text"),
    ("Article.title", lambda v: Article(text="x", title=v), "$.title"),
    ("Article.url", lambda v: Article(text="x", url=v), "$.url"),
    ("Article.outlet", lambda v: Article(text="x", outlet=v), "$.outlet"),
    ("Article.dateline", lambda v: Article(text="x", dateline=v), "$.dateline"),
]


@pytest.mark.parametrize(("field", "build", "path"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
@pytest.mark.parametrize("value", ["", " Paris", "Paris ", "\tParis", "Paris\n", "\u3000Paris"])
def test_text_fields_reject_empty_and_surrounding_whitespace(
    field: str, build: Any, path: str, value: str
) -> None:
    """Every text field rejects the empty string and leading or trailing whitespace."""
    del field
    with pytest.raises(ValidationError) as info:
        build(value)

    assert [path] == paths(info)


@pytest.mark.parametrize(("field", "build", "path"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
def test_text_fields_reject_non_strings(field: str, build: Any, path: str) -> None:
    """Every text field rejects a value that is not a string."""
    del field
    with pytest.raises(ValidationError) as info:
        build(5)

    assert [path] == paths(info)


@pytest.mark.parametrize(("field", "build", "path"), TEXT_FIELDS, ids=[f[0] for f in TEXT_FIELDS])
def test_text_fields_accept_inner_whitespace(field: str, build: Any, path: str) -> None:
    """Whitespace inside a text is kept as written."""
    del field, path
    build("Prime  Minister\nof Japan")


def test_article_text_may_be_empty_or_padded() -> None:
    """An article's text is kept exactly as read, whitespace and all."""
    assert " \n" == Article(text=" \n").text


# ---- country codes -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["jpn", "XXX", "JP", "JPNX", "392", ""])
def test_party_country_must_be_alpha3(code: str) -> None:
    """A party's country must be an assigned upper-case alpha-3 code, named in the error."""
    with pytest.raises(ValidationError) as info:
        Party(kind=PartyKind.COUNTRY, name="Japan", country=code)

    assert (["$.country"], True) == (paths(info), repr(code) in str(info.value))


@pytest.mark.parametrize("code", ["jpn", "XXX", "JP"])
def test_location_country_must_be_alpha3(code: str) -> None:
    """A location's country must be an assigned upper-case alpha-3 code, named in the error."""
    with pytest.raises(ValidationError) as info:
        Location(name="Tokyo", country=code)

    assert (["$.country"], True) == (paths(info), repr(code) in str(info.value))


def test_country_code_must_be_a_string() -> None:
    """A number is not a country code."""
    with pytest.raises(ValidationError) as info:
        Party(kind=PartyKind.COUNTRY, name="Japan", country=392)  # type: ignore[arg-type]

    assert ["$.country"] == paths(info)


@pytest.mark.parametrize("kind", [PartyKind.COUNTRY, PartyKind.GOVERNMENT, PartyKind.MILITARY])
def test_state_parties_require_country(kind: PartyKind) -> None:
    """Countries, governments and armed forces need a country code."""
    with pytest.raises(ValidationError) as info:
        Party(kind=kind, name="Japan")

    assert (["$.country"], True) == (paths(info), kind.value in str(info.value))


@pytest.mark.parametrize("kind", [PartyKind.PERSON, PartyKind.ORGANIZATION])
def test_other_parties_may_omit_country(kind: PartyKind) -> None:
    """Persons and organizations may have no country."""
    assert Party(kind=kind, name="Someone").country is None


def test_only_persons_have_titles() -> None:
    """A title on anything but a person is rejected, naming the kind."""
    with pytest.raises(ValidationError) as info:
        Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN", title="Prime Minister")

    assert (["$.title"], True) == (paths(info), "'country'" in str(info.value))


def test_party_kind_must_be_enum_member() -> None:
    """A kind given as its string value is rejected: enums are not coerced."""
    with pytest.raises(ValidationError) as info:
        Party(kind="country", name="Japan", country="JPN")  # type: ignore[arg-type]

    assert ["$.kind"] == paths(info)


def test_aliases_are_distinct() -> None:
    """A party lists each alias once."""
    with pytest.raises(ValidationError) as info:
        Party(kind=PartyKind.MILITARY, name="Japan Self-Defense Forces", country="JPN",
              aliases=("SDF", "SDF"))  # fmt: skip

    assert ["$.aliases"] == paths(info)


# ---- participants and parties ---------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda ps: meeting(participants=ps), "$.participants"),
        (lambda ps: agreement(parties=ps), "$.parties"),
        (lambda ps: exercise(participants=ps), "$.participants"),
    ],
    ids=["Meeting", "Agreement", "Exercise"],
)
def test_at_least_two_parties(build: Any, path: str) -> None:
    """Meetings, agreements and exercises need at least two parties."""
    with pytest.raises(ValidationError) as info:
        build((JAPAN,))

    assert [path] == paths(info)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda ps: meeting(participants=ps), "$.participants"),
        (lambda ps: agreement(parties=ps), "$.parties"),
        (lambda ps: exercise(participants=ps), "$.participants"),
    ],
    ids=["Meeting", "Agreement", "Exercise"],
)
def test_parties_must_be_distinct(build: Any, path: str) -> None:
    """The same party twice counts once, so two copies of one party are not enough."""
    japan_again = Party(kind=PartyKind.COUNTRY, name="Nippon", country="JPN")
    with pytest.raises(ValidationError) as info:
        build((JAPAN, japan_again))

    assert [f"{path}[1]", path] == paths(info)


def test_participants_must_be_parties() -> None:
    """A participant that is not a Party is rejected with its index."""
    with pytest.raises(ValidationError) as info:
        meeting(participants=(JAPAN, "France"))

    assert ["$.participants[1]"] == paths(info)


def test_lists_become_tuples() -> None:
    """A list given for a sequence field is stored as a tuple."""
    assert (JAPAN, FRANCE) == meeting(participants=[JAPAN, FRANCE]).participants


def test_other_iterables_are_rejected() -> None:
    """A generator is not silently consumed: sequence fields take tuples or lists."""
    with pytest.raises(ValidationError) as info:
        meeting(participants=(p for p in (JAPAN, FRANCE)))

    assert ["$.participants"] == paths(info)


# ---- exercise dates -------------------------------------------------------------------


def test_exercise_start_not_after_end() -> None:
    """An exercise ending before it starts is rejected, and the error names both fields."""
    with pytest.raises(ValidationError) as info:
        exercise(start=PartialDate.parse("2024-05"), end=PartialDate.parse("2024-04-30"))

    message = str(info.value)
    assert (["$.end"], True, True) == (paths(info), "'start'" in message, "'end'" in message)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2024-05", "2024-05-01"),
        ("2024", "2024-01"),
        ("2024-05-01", "2024-05-01"),
        ("2024", "2024"),
    ],
)
def test_exercise_overlapping_dates_accepted(start: str, end: str) -> None:
    """A start and end whose ranges overlap are consistent: a month may end on its first day."""
    built = exercise(start=PartialDate.parse(start), end=PartialDate.parse(end))

    assert (start, end) == (str(built.start), str(built.end))


# ---- agreement history ----------------------------------------------------------------


def test_history_never_runs_backwards() -> None:
    """A history moving to a lower lifecycle rank is rejected at that entry."""
    with pytest.raises(ValidationError) as info:
        agreement(history=changes(("signed", None), ("negotiating", None)))

    assert ["$.history[1].status"] == paths(info)


def test_history_dates_never_decrease() -> None:
    """A history whose dates go back in time is rejected at that entry."""
    with pytest.raises(ValidationError) as info:
        agreement(history=changes(("negotiating", "2024-03"), ("signed", "2023")))

    assert ["$.history[1].date"] == paths(info)


def test_history_dates_compare_across_undated_steps() -> None:
    """An undated step does not reset the date order."""
    with pytest.raises(ValidationError) as info:
        agreement(
            history=changes(("negotiating", "2024-03"), ("signed", None), ("ratified", "2024-01"))
        )

    assert ["$.history[2].date"] == paths(info)


def test_history_in_force_and_suspended_share_a_rank() -> None:
    """An agreement in force can be suspended and applied again."""
    steps = changes(("signed", "2020"), ("in_force", "2021"), ("suspended", "2022"),
                    ("in_force", "2023"))  # fmt: skip

    assert AgreementStatus.IN_FORCE == agreement(history=steps).status


def test_history_needs_an_entry() -> None:
    """An agreement without any status is rejected."""
    with pytest.raises(ValidationError) as info:
        agreement(history=())

    assert ["$.history"] == paths(info)


def test_status_and_date_are_the_last_entry() -> None:
    """An agreement's status and date are those of its latest history entry."""
    built = agreement(
        history=changes(("negotiating", "2023"), ("signed", "2024-05-02"), ("ratified", None))
    )

    assert (AgreementStatus.RATIFIED, None) == (built.status, built.date)


def test_status_date_of_last_dated_entry() -> None:
    """The date is the last entry's date, not an earlier one's."""
    built = agreement(history=changes(("negotiating", "2023"), ("signed", "2024-05-02")))

    assert (AgreementStatus.SIGNED, "2024-05-02") == (built.status, str(built.date))


# ---- spans ----------------------------------------------------------------------------


def test_span_start_not_negative() -> None:
    """A span cannot start before the text does."""
    with pytest.raises(ValidationError) as info:
        Span(start=-1, end=2, text="abc")

    assert ["$.start"] == paths(info)


@pytest.mark.parametrize("end", [3, 2])
def test_span_end_after_start(end: int) -> None:
    """A span is never empty or reversed, and the error names both offsets."""
    with pytest.raises(ValidationError) as info:
        Span(start=3, end=end, text="")

    message = str(info.value)
    assert (["$.end"], True, True) == (paths(info), "'start'" in message, "'end'" in message)


def test_span_text_length_matches_offsets() -> None:
    """The quote has exactly end - start characters."""
    with pytest.raises(ValidationError) as info:
        Span(start=0, end=5, text="Japa")

    assert ["$.text"] == paths(info)


def test_span_offsets_must_be_integers() -> None:
    """A bool or float offset is rejected."""
    with pytest.raises(ValidationError) as info:
        Span(start=False, end=1.0, text="J")  # type: ignore[arg-type]

    assert ["$.start", "$.end"] == paths(info)


# ---- event sets ----------------------------------------------------------------------

SOURCE = "Japan and France met in Paris."


def test_event_set_evidence_quotes_article() -> None:
    """Evidence that does not quote the article exactly is rejected with its path."""
    wrong = meeting(evidence=(Span(start=0, end=5, text="Paris"),))
    with pytest.raises(ValidationError) as info:
        EventSet(article=Article(text=SOURCE), meetings=(wrong,))

    assert ["$.meetings[0].evidence[0]"] == paths(info)


def test_event_set_evidence_past_the_end() -> None:
    """Evidence beyond the end of the article is rejected."""
    wrong = exercise(evidence=(Span(start=28, end=33, text="Paris"),))
    with pytest.raises(ValidationError) as info:
        EventSet(article=Article(text=SOURCE), exercises=(wrong,))

    assert (["$.exercises[0].evidence[0]"], True) == (paths(info), "past" in str(info.value))


def test_event_set_evidence_quoting_accepted() -> None:
    """Evidence that quotes the article exactly is accepted."""
    right = agreement(evidence=(Span(start=24, end=29, text="Paris"),))

    assert (right,) == EventSet(article=Article(text=SOURCE), agreements=(right,)).agreements


def test_event_set_without_article_skips_quote_check() -> None:
    """Without a source, evidence is only checked for its own consistency."""
    free = meeting(evidence=(Span(start=100, end=105, text="Paris"),))

    assert (free,) == EventSet(meetings=(free,)).meetings


@pytest.mark.parametrize(
    ("field", "item"),
    [("parties", JAPAN), ("meetings", meeting()), ("agreements", agreement()),
     ("exercises", exercise())],
)  # fmt: skip
def test_event_set_ids_unique(field: str, item: Any) -> None:
    """Two items with the same id in one collection are rejected at the second."""
    fields: dict[str, Any] = {field: (item, item)}
    with pytest.raises(ValidationError) as info:
        EventSet(**fields)

    assert [f"$.{field}[1]"] == paths(info)


def test_event_set_same_id_different_content_rejected() -> None:
    """Two parties that differ only in name share an id, so they cannot both be listed."""
    nippon = Party(kind=PartyKind.COUNTRY, name="Nippon", country="JPN")
    with pytest.raises(ValidationError) as info:
        EventSet(parties=(JAPAN, nippon))

    assert ["$.parties[1]"] == paths(info)


def test_event_set_outcomes_resolve() -> None:
    """A meeting's outcome must be the id of an agreement in the set."""
    raa = agreement()
    ok = meeting(outcomes=(raa.id,))
    dangling = meeting(outcomes=("agreement:0000000000000000",), date=PartialDate(year=2023))
    with pytest.raises(ValidationError) as info:
        EventSet(meetings=(ok, dangling), agreements=(raa,))

    assert ["$.meetings[1].outcomes[0]"] == paths(info)


def test_event_set_schema_version_is_current() -> None:
    """An event set always has the current schema version."""
    with pytest.raises(ValidationError) as info:
        EventSet(schema_version=0)

    assert ["$.schema_version"] == paths(info)


def test_event_set_may_be_empty() -> None:
    """A set with no events is valid: text without events is not an error."""
    assert ((), (), ()) == (EventSet().meetings, EventSet().agreements, EventSet().exercises)


# ---- ids -----------------------------------------------------------------------------


def test_meeting_built_twice_has_same_id() -> None:
    """The same meeting built twice, in any participant order and status, gets one id."""
    first = meeting()
    again = meeting(participants=(FRANCE, JAPAN), status=MeetingStatus.SCHEDULED)

    assert first.id == again.id


def test_meeting_id_changes_with_content() -> None:
    """A meeting on another date is another meeting."""
    assert meeting().id != meeting(date=PartialDate.parse("2024-05-03")).id


def _digest(*parts: str) -> str:
    """The documented hash: BLAKE2b, 8-byte digest, of the parts joined by U+001F."""
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).hexdigest()


def test_party_id_recipe() -> None:
    """Party ids follow the documented recipe."""
    assert [
        "country:JPN",
        "government:FRA",
        "person:JPN:fumio-kishida",
        "military:JPN:japan-self-defense-forces",
        "organization:nato",
    ] == [
        JAPAN.id,
        Party(kind=PartyKind.GOVERNMENT, name="French government", country="FRA").id,
        Party(
            kind=PartyKind.PERSON, name="Fumio Kishida", country="JPN", title="Prime Minister"
        ).id,
        Party(kind=PartyKind.MILITARY, name="Japan Self-Defense Forces", country="JPN").id,
        Party(kind=PartyKind.ORGANIZATION, name="NATO").id,
    ]


def test_meeting_id_recipe() -> None:
    """A meeting id hashes the sorted participant ids, '|', the date and the place name."""
    expected = "meeting:" + _digest("country:FRA", "country:JPN", "|", "2024-05-02", "Paris")

    assert expected == meeting().id


def test_meeting_id_recipe_missing_parts() -> None:
    """Missing date and place are hashed as empty strings."""
    expected = "meeting:" + _digest("country:FRA", "country:JPN", "|", "", "")

    assert expected == meeting(date=None, location=None).id


def test_agreement_id_recipe() -> None:
    """An agreement id hashes the sorted party ids, '|', and the case-folded acronym."""
    expected = "agreement:" + _digest("country:FRA", "country:JPN", "|", "raa")

    assert (expected, expected) == (
        agreement().id,
        agreement(history=changes(("in_force", "2025")), name="RAA between them").id,
    )


def test_agreement_id_recipe_without_acronym() -> None:
    """Lacking an acronym, an agreement id hashes the slug of its name."""
    expected = "agreement:" + _digest(
        "country:FRA", "country:JPN", "|", "reciprocal-access-agreement"
    )

    assert expected == agreement(acronym=None).id


def test_exercise_id_recipe() -> None:
    """An exercise id hashes the sorted participant ids, '|', the name's slug and the start."""
    expected = "exercise:" + _digest("country:JPN", "country:USA", "|", "balikatan", "2024-04")

    assert expected == exercise(start=PartialDate.parse("2024-04")).id


# ---- immutability, pickling, all problems at once ------------------------------------


def test_models_are_frozen() -> None:
    """Assigning to a field raises: models are changed with attrs.evolve."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        JAPAN.name = "Nippon"  # type: ignore[misc]


def test_evolve_validates() -> None:
    """attrs.evolve runs the same checks as construction."""
    with pytest.raises(ValidationError) as info:
        attrs.evolve(JAPAN, country="jpn")

    assert ["$.country"] == paths(info)


@given(models())
def test_property_every_model_pickles_equal(model: object) -> None:
    """Every valid instance of every model pickles and unpickles equal."""
    assert model == pickle.loads(pickle.dumps(model))  # noqa: S301 - our own bytes


@given(models())
def test_property_id_is_the_contents_after_pickling_and_evolve(model: object) -> None:
    """An id read before pickling or evolving is the id the copy computes afresh."""
    if not hasattr(model, "id"):
        return
    before = model.id
    copied = pickle.loads(pickle.dumps(model))  # noqa: S301 - our own bytes
    rebuilt = attrs.evolve(model)  # type: ignore[misc]

    assert (before, before) == (copied.id, rebuilt.id)


def test_id_is_not_a_field() -> None:
    """The id is derived: not an attrs field, not an argument, not assignable."""
    assert "id" not in attrs.fields_dict(Meeting)
    assert "id" not in attrs.asdict(JAPAN)
    with pytest.raises(TypeError):
        Party(kind=PartyKind.COUNTRY, name="Japan", country="JPN", id="x")  # type: ignore[call-arg]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        JAPAN.id = "country:FRA"  # type: ignore[misc]
    assert "country:JPN" == JAPAN.id


def test_evolved_instance_gets_its_own_id() -> None:
    """Evolving a model with other content gives it the other content's id."""
    first = meeting()
    assert first.id  # read, so a stale copy of it would show below
    moved = attrs.evolve(first, location=Location(name="Tokyo"))

    assert moved.id != first.id
    assert moved.id == meeting(location=Location(name="Tokyo")).id


@given(models())
def test_property_every_model_rebuilds_equal(model: object) -> None:
    """Rebuilding any valid instance from its own fields gives an equal instance."""
    assert model == attrs.evolve(model)  # type: ignore[misc]


def test_validation_error_lists_every_problem() -> None:
    """One error names every bad field, not just the first."""
    with pytest.raises(ValidationError) as info:
        Exercise(
            participants=(JAPAN,),
            status="planned",  # type: ignore[arg-type]
            name=" Balikatan",
            start=PartialDate(year=2025),
            end=PartialDate(year=2024),
            locations=(Location(name="Luzon"), "Manila"),  # type: ignore[arg-type]
            evidence=(Span(start=0, end=1, text="B"), None),  # type: ignore[arg-type]
        )

    assert [
        "$.participants",
        "$.status",
        "$.name",
        "$.locations[1]",
        "$.end",
        "$.evidence[1]",
    ] == paths(info)


def test_validation_error_is_value_error_and_pickles() -> None:
    """ValidationError is a ValueError and crosses process boundaries intact."""
    with pytest.raises(ValueError, match="JP") as info:
        Location(name="Tokyo", country="JP")
    assert isinstance(info.value, ValidationError)
    error = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own bytes

    assert (info.value.problems, str(info.value)) == (error.problems, str(error))


def test_article_published_must_be_a_date() -> None:
    """A datetime is not a publication date: the time of day would be lost silently."""
    with pytest.raises(ValidationError) as info:
        Article(text="x", published=dt.datetime(2024, 5, 3, tzinfo=dt.UTC))

    assert ["$.published"] == paths(info)


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda v: Party(kind=PartyKind.ORGANIZATION, name=v), "$.name"),
        (lambda v: Location(name=v), "$.name"),
        (lambda v: Article(text=v), "$.text"),
        (lambda v: Span(start=0, end=len(v), text=v), "$.text"),
    ],
    ids=["Party.name", "Location.name", "Article.text", "Span.text"],
)
def test_lone_surrogates_rejected(build: Any, path: str) -> None:
    """Text with a lone surrogate, which no UTF-8 JSON can hold, is rejected at construction."""
    with pytest.raises(ValidationError) as info:
        build("a\ud800b")

    assert [path] == paths(info)


def test_span_offsets_stay_within_what_json_readers_hold() -> None:
    """A span ending past 2**53 - 1 is rejected, so every JSON reader can hold its offsets."""
    with pytest.raises(ValidationError) as info:
        Span(start=2**60, end=2**60 + 1, text="a")

    assert ["$.end"] == [p.path for p in info.value.problems]


def test_huge_year_is_a_validation_error() -> None:
    """A year with thousands of digits gives a ValidationError, not a ValueError from repr."""
    with pytest.raises(ValidationError) as info:
        PartialDate(year=10**5000)

    assert ["$.year"] == [p.path for p in info.value.problems]


@given(
    st.text(alphabet=st.sampled_from(["a", "Z", "7", " ", "\t", "_", "-", "\xe9", "\u0130"]))
    | st.text()
)
def test_slug_fast_path_is_the_pattern(name: str) -> None:
    """Plain ASCII names skip the slug pattern: the slug is the pattern's all the same."""
    expected = _models._SLUG.sub("-", name.casefold()).strip("-") or _models._digest(name)
    assert _models._slug(name) == expected
