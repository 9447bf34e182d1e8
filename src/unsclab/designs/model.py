"""The :class:`Design` model: a council described as data.

A design lists its seat classes (permanent, long-term renewable, two-year elected; per UN
regional group or open; with named holders where a proposal names them), the decision rule
(quotas, who holds a veto and how many negative votes a veto needs, any extra majority clause)
and its sources. Designs are immutable and validated; every cross-field problem is reported with
the field it concerns, so a design file's author can find it.

The decision rule follows the Charter and the Council's practice:

- Article 27(2): procedural decisions need ``procedural_quota`` affirmative votes, no veto.
- Article 27(3): other decisions need ``quota`` affirmative votes "including the concurring votes
  of the permanent members". Since 1946 the Council has treated a permanent member's abstention
  or absence as no bar to adoption (first in 1946, S/PV.39; upheld by the ICJ, *Legal
  Consequences for States of the Continued Presence of South Africa in Namibia*, Advisory
  Opinion, I.C.J. Reports 1971, p. 16, para. 22). So by default only *negative* votes of veto
  holders block; ``veto.abstention_blocks = true`` models the literal reading instead.
- ``veto.negatives`` is the number of negative votes of veto holders needed to block: 1 in the
  Charter; 2 in the "two vetoes" proposal (Gould & Rablen, "Reform of the United Nations
  Security Council: equity and efficiency", Public Choice 173 (2017) 145–168).
"""

from __future__ import annotations

__all__ = [
    "Design",
    "SeatClass",
    "Rule",
    "Veto",
    "Majority",
    "Alternative",
    "Source",
    "Assumption",
    "Seat",
    "STATUSES",
    "SEAT_KINDS",
]

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, StrictBool, StrictInt, field_validator, model_validator

from unsclab.designs import limits as L
from unsclab.designs.base import Frozen as _Frozen
from unsclab.designs.sharing import DerivedWeight, SharedSeat, check_weight
from unsclab.errors import DesignError
from unsclab.groups import GROUPS, OPEN

STATUSES = ("historical", "in-force", "tabled", "proposed", "hypothetical")
SEAT_KINDS = ("permanent", "long-term", "elected")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_slug(value: str) -> str:
    """An identifier of lower-case letters, digits and hyphens (design and seat-class ids)."""
    if not _SLUG.match(value):
        raise ValueError(
            f"expected lower-case letters, digits and hyphens (e.g. 'elected-africa'), got {value!r}"
        )
    return value


def check_group(value: str) -> str:
    """A UN regional group code or ``open``."""
    if value not in GROUPS and value != OPEN:
        raise ValueError(
            f"expected a UN regional group ({', '.join(GROUPS)}) or '{OPEN}', got {value!r}"
        )
    return value


def _count(description: str, default: object = ..., low: int = 1, high: int = L.MAX_SEATS):
    """An integer field bounded by ``low`` … ``high`` (see :mod:`unsclab.designs.limits`)."""
    return Field(default, ge=low, le=high, description=description)


def _text(description: str | None = None, default: object = None, high: int = L.MAX_NAME_CHARS,
          low: int = 0):
    return Field(default, min_length=low, max_length=high, description=description)


def _codes(description: str):
    return Field((), max_length=L.MAX_SEATS, description=description)


class Source(_Frozen):
    """A document a design rests on."""

    title: str = _text("Title or short description of the document.", ..., low=1)
    symbol: str | None = _text("UN document symbol, e.g. 'A/59/L.64'.")
    date: str | None = _text("Date of the document, YYYY[-MM[-DD]].", high=10)
    url: str | None = _text("Where the document can be read.")
    note: str | None = _text("What the design takes from this source.", high=L.MAX_TEXT_CHARS)

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not _DATE.match(value):
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return value


class Assumption(_Frozen):
    """A figure the design assumes rather than reads from its sources."""

    field: str = _text("The field concerned, e.g. 'rule.quota'.", ..., low=1)
    note: str = _text("What is assumed and why.", ..., high=L.MAX_TEXT_CHARS, low=1)


class SeatClass(_Frozen):
    """A class of identical seats: same kind, group, term and veto status."""

    id: str = _text("Short identifier, lower-case letters, digits and hyphens.", ...,
                    high=L.MAX_ID_CHARS)
    kind: Literal["permanent", "long-term", "elected"]
    count: StrictInt = Field(description=f"Number of seats in the class (1 … {L.MAX_SEATS}).")
    group: str = Field(OPEN, description="UN regional group (AG, APG, EEG, GRULAC, WEOG) or 'open'.")
    label: str | None = _text("Human-readable name of the class.")
    holders: tuple[str, ...] = _codes("ISO3 codes of named holders, if any.")
    term_years: StrictInt | None = Field(None, description="Term length (1 … "
                                   f"{L.MAX_TERM_YEARS} years); none for permanent seats.")
    re_eligible: StrictBool = Field(False, description="Whether a retiring member may be re-elected at once.")
    constituency: str | None = _text(
        "A cross-regional constituency the seat is reserved for, e.g. 'SIDS'.")
    eligible: tuple[str, ...] = _codes(
        "ISO3 codes of the states eligible for the seat, where restricted.")
    note: str | None = _text(high=L.MAX_TEXT_CHARS)
    weight: StrictInt | DerivedWeight | None = Field(
        None, description="Vote weight of each seat (default 1), counted by rule.weighted_quota: "
        f"a whole number (1 … {L.MAX_SEAT_WEIGHT}) or a mix derived from the holder.")
    shared: SharedSeat | None = Field(
        None, description="The seat is held jointly by a regional organisation (count = 1).")

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))

    _weight = field_validator("weight", mode="before")(classmethod(lambda cls, v: check_weight(v)))

    @field_validator("count")
    @classmethod
    def _positive(cls, value: int) -> int:
        if not 1 <= value <= L.MAX_SEATS:
            raise ValueError(f"expected a whole number of seats from 1 to {L.MAX_SEATS} "
                             f"(one per UN member state at most), got {L.shown(value)}")
        return value

    _group = field_validator("group")(classmethod(lambda cls, v: check_group(v)))

    @field_validator("holders", "eligible")
    @classmethod
    def _codes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for code in value:
            if not _ISO3.match(code):
                raise ValueError(f"expected ISO3 codes in upper case (e.g. 'IND'), got {code!r}")
        if len(set(value)) != len(value):
            dup = sorted({c for c in value if value.count(c) > 1})
            raise ValueError(f"each state may be listed once; repeated: {', '.join(dup)}")
        return value

    @field_validator("term_years")
    @classmethod
    def _term(cls, value: int | None) -> int | None:
        if value is not None and not 1 <= value <= L.MAX_TERM_YEARS:
            raise ValueError(f"expected a term of 1 to {L.MAX_TERM_YEARS} years, "
                             f"got {L.shown(value)}")
        return value

    @model_validator(mode="after")
    def _kind_rules(self) -> SeatClass:
        if self.kind == "permanent" and self.term_years is not None:
            raise ValueError("a permanent seat has no term; remove term_years")
        if self.kind != "permanent" and self.term_years is None:
            raise ValueError(f"a {self.kind} seat needs term_years (e.g. 2)")
        if len(self.holders) > self.count:
            raise ValueError(
                f"{len(self.holders)} named holders for {self.count} seats; expected at most {self.count}"
            )
        return self


class Veto(_Frozen):
    """Who holds a veto, and what a veto needs."""

    classes: tuple[str, ...] = Field((), max_length=L.MAX_SEAT_CLASSES,
                                     description="Seat classes whose members hold a veto.")
    negatives: StrictInt = _count("Negative votes of veto holders needed to block (1 in the Charter).",
                            1)
    deferred: tuple[str, ...] = Field(
        (), max_length=L.MAX_SEAT_CLASSES,
        description="Seat classes that hold a veto in law but do not exercise it until a review.",
    )
    review_after_years: StrictInt | None = _count(
        "Years after entry into force when deferred vetoes are reviewed.", None,
        high=L.MAX_REVIEW_YEARS)
    abstention_blocks: StrictBool = Field(
        False,
        description="Literal reading of Art. 27(3): a veto holder's abstention or absence blocks.",
    )


class Majority(_Frozen):
    """An extra clause: at least ``at_least`` affirmative votes among the seats of ``classes``."""

    classes: tuple[str, ...] = Field(min_length=1, max_length=L.MAX_SEAT_CLASSES)
    at_least: StrictInt = _count("Affirmative votes needed among the seats of ``classes``.")
    applies_to: Literal["substantive", "all"] = "substantive"
    note: str | None = _text(high=L.MAX_TEXT_CHARS)


class Alternative(_Frozen):
    """Another way for a substantive decision to pass, tried when the main rule fails: at least
    ``quota`` affirmative votes, no veto under ``veto`` (none by default) and every clause of
    ``majorities`` -- e.g. a larger majority that overrides the veto."""

    quota: StrictInt = _count("Affirmative votes needed under this alternative.")
    veto: Veto = Veto()
    majorities: tuple[Majority, ...] = Field((), max_length=L.MAX_MAJORITIES)
    note: str | None = _text(high=L.MAX_TEXT_CHARS)


class Rule(_Frozen):
    """The decision rule (Charter Art. 27 and its variants)."""

    quota: StrictInt = _count("Affirmative votes needed on substantive matters.")
    procedural_quota: StrictInt | None = _count(
        "Affirmative votes needed on procedural matters (default: quota).", None)
    veto: Veto = Veto()
    majorities: tuple[Majority, ...] = Field((), max_length=L.MAX_MAJORITIES)
    alternatives: tuple[Alternative, ...] = Field(
        (), max_length=L.MAX_ALTERNATIVES,
        description="Other ways for a substantive decision to pass (any one suffices).")

    weighted_quota: StrictInt | None = Field(
        None, ge=1, le=L.MAX_SEATS * L.MAX_SEAT_WEIGHT,
        description="Vote weight needed in favour (the weights of the seats voting yes, summed), "
        "on every decision, as well as quota.")

    @property
    def procedural(self) -> int:
        """The procedural quota, defaulting to the substantive one."""
        return self.procedural_quota if self.procedural_quota is not None else self.quota


@dataclass(frozen=True)
class Seat:
    """One seat of a design: its class, position in the class and named holder, if any."""

    seat_class: str
    index: int
    holder: str | None
    kind: str
    group: str
    veto: bool
    weight: int = 1
    shared: bool = False  # held by a regional organisation (``holder`` is its code)

    @property
    def name(self) -> str:
        return self.holder or f"{self.seat_class}-{self.index + 1}"


class Design(_Frozen):
    """A validated, immutable description of a Security Council.

    Build one from a TOML file with :func:`unsclab.designs.load_design`, or in Python::

        >>> from unsclab.designs import load_design
        >>> d = load_design("status-quo")
        >>> d.size, d.rule.quota
        (15, 9)
    """

    id: str = _text("Short identifier, lower-case letters, digits and hyphens.", ...,
                    high=L.MAX_ID_CHARS)
    name: str = _text(None, ..., low=1)
    year: StrictInt = Field(ge=1945, le=2200)
    status: Literal["historical", "in-force", "tabled", "proposed", "hypothetical"]
    summary: str = _text(None, "", high=L.MAX_TEXT_CHARS)
    seats: tuple[SeatClass, ...] = Field(min_length=1, max_length=L.MAX_SEAT_CLASSES)
    rule: Rule
    sources: tuple[Source, ...] = Field(min_length=1, max_length=L.MAX_SOURCES)
    assumptions: tuple[Assumption, ...] = Field((), max_length=L.MAX_ASSUMPTIONS)

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))

    @model_validator(mode="after")
    def _cross_checks(self) -> Design:
        from unsclab.designs.checks import cross_problems

        problems = list(cross_problems(self))
        if problems:
            # Not a ValueError: pydantic passes it through, keeping our field paths.
            raise DesignError(problems=problems)
        return self

    # -- derived facts ---------------------------------------------------------------------

    @property
    def size(self) -> int:
        """Total number of seats."""
        return sum(c.count for c in self.seats)

    def seat_class(self, class_id: str) -> SeatClass:
        """The seat class with this id (KeyError if none)."""
        for c in self.seats:
            if c.id == class_id:
                return c
        raise KeyError(class_id)

    @property
    def veto_classes(self) -> frozenset[str]:
        """Classes whose holders can block (deferred vetoes excluded)."""
        return frozenset(self.rule.veto.classes)

    def seat_list(self) -> list[Seat]:
        """Every seat, class by class, named holders first within a class (a shared seat's
        holder is its organisation's code)."""
        out: list[Seat] = []
        weights = self.class_weights()
        for c in self.seats:
            for i in range(c.count):
                holder = c.holders[i] if i < len(c.holders) else None
                if c.shared is not None:
                    holder = c.shared.holder
                out.append(Seat(c.id, i, holder, c.kind, c.group, c.id in self.veto_classes,
                                weights[c.id], c.shared is not None))
        return out

    def class_weights(self) -> dict[str, int]:
        """Vote weight of one seat of each class (1 unless ``weight`` says otherwise)."""
        from unsclab.designs.sharing import class_weights

        return class_weights(self)

    @property
    def total_weight(self) -> int:
        """Sum of the vote weights of all seats."""
        weights = self.class_weights()
        return sum(weights[c.id] * c.count for c in self.seats)

    @property
    def organisations(self) -> dict[str, str]:
        """Code of each organisation holding a shared seat → its seat class."""
        return {c.shared.holder: c.id for c in self.seats if c.shared is not None}

    def organisation_name(self, code: str) -> str | None:
        """Name of the organisation with this code, if one holds a shared seat."""
        return next((c.shared.name for c in self.seats if c.shared and c.shared.holder == code),
                    None)

    @property
    def represented(self) -> dict[str, str]:
        """Member states of shared seats that hold no other seat → the seat class standing for
        them (they are left out of every other seat's pool)."""
        return {m: c.id for c in self.seats if c.shared is not None
                and not c.shared.members_hold_other_seats for m in c.shared.members}

    @property
    def named_holders(self) -> dict[str, str]:
        """ISO3 of each named holder → its seat class."""
        return {h: c.id for c in self.seats for h in c.holders}

    def count_by_kind(self) -> dict[str, int]:
        """Seats by kind (permanent, long-term, elected)."""
        out = {k: 0 for k in SEAT_KINDS}
        for c in self.seats:
            out[c.kind] += c.count
        return out

    def with_holders(self, codes: list[str] | tuple[str, ...],
                     kinds: tuple[str, ...] = ("permanent",)) -> tuple[Design, list[str]]:
        """A scenario: the states ``codes`` take unnamed seats of the given kinds.

        Each state takes a free unnamed seat of its own regional group (else an ``open`` one) in
        the first class of a kind in ``kinds`` that has one, in catalogue order — e.g. the G4
        and two African states as holders of the new permanent seats of A/59/L.64. Returns the
        validated design (its id suffixed ``-holders``, the scenario recorded as an assumption)
        and the codes that found no seat.
        """
        from unsclab.designs.scenarios import with_holders

        return with_holders(self, codes, kinds)

    def replace(self, **changes: object) -> Design:
        """A validated copy with some top-level fields changed."""
        data = self.model_dump()
        data.update(changes)
        return Design.model_validate(data)
