"""The allowed values of the models' enumerated fields.

Each enum's values are the lower-case strings used in JSON.
"""

from __future__ import annotations

import enum

__all__ = [
    "AGREEMENT_LIFECYCLE",
    "AgreementKind",
    "AgreementStatus",
    "Domain",
    "ExerciseStatus",
    "LocationKind",
    "MeetingFormat",
    "MeetingStatus",
    "PartyKind",
]


class PartyKind(enum.Enum):
    """What kind of actor a :class:`~diplomatic_events.Party` is."""

    COUNTRY = "country"
    GOVERNMENT = "government"
    PERSON = "person"
    ORGANIZATION = "organization"
    MILITARY = "military"


class MeetingStatus(enum.Enum):
    """Whether a meeting took place, is arranged, is only proposed, or was called off."""

    HELD = "held"
    SCHEDULED = "scheduled"
    PROPOSED = "proposed"
    CANCELLED = "cancelled"


class MeetingFormat(enum.Enum):
    """How the participants met."""

    IN_PERSON = "in_person"
    VIRTUAL = "virtual"
    PHONE = "phone"
    WORKING_MEAL = "working_meal"


class AgreementKind(enum.Enum):
    """What an agreement governs."""

    RECIPROCAL_ACCESS = "reciprocal_access"
    ACQUISITION_CROSS_SERVICING = "acquisition_cross_servicing"
    STATUS_OF_FORCES = "status_of_forces"
    DEFENCE_COOPERATION = "defence_cooperation"
    TRADE = "trade"
    TREATY = "treaty"
    MEMORANDUM = "memorandum"
    OTHER = "other"


class AgreementStatus(enum.Enum):
    """A step on an agreement's lifecycle; see :data:`AGREEMENT_LIFECYCLE`."""

    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


#: The rank of each status on the treaty lifecycle.
#: A status history never moves to a lower rank.
#: ``in_force`` and ``suspended`` share a rank, because an instrument in force can be
#: suspended and later applied again; ``terminated`` is final.
AGREEMENT_LIFECYCLE: dict[AgreementStatus, int] = {
    AgreementStatus.PROPOSED: 0,
    AgreementStatus.NEGOTIATING: 1,
    AgreementStatus.SIGNED: 2,
    AgreementStatus.RATIFIED: 3,
    AgreementStatus.IN_FORCE: 4,
    AgreementStatus.SUSPENDED: 4,
    AgreementStatus.TERMINATED: 5,
}


class ExerciseStatus(enum.Enum):
    """Where a military exercise stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    HELD = "held"
    CANCELLED = "cancelled"


class Domain(enum.Enum):
    """The warfighting domain an exercise trains in."""

    LAND = "land"
    SEA = "sea"
    AIR = "air"
    JOINT = "joint"


class LocationKind(enum.Enum):
    """What kind of place a :class:`~diplomatic_events.Location` names."""

    VENUE = "venue"
    CITY = "city"
    REGION = "region"
    COUNTRY = "country"
    SEA = "sea"
    OTHER = "other"
