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
    "Source",
    "Assumption",
    "Seat",
    "STATUSES",
    "SEAT_KINDS",
]

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from unsclab.errors import DesignError, Problem
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


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Source(_Frozen):
    """A document a design rests on."""

    title: str = Field(min_length=1, description="Title or short description of the document.")
    symbol: str | None = Field(None, description="UN document symbol, e.g. 'A/59/L.64'.")
    date: str | None = Field(None, description="Date of the document, YYYY[-MM[-DD]].")
    url: str | None = Field(None, description="Where the document can be read.")
    note: str | None = Field(None, description="What the design takes from this source.")

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not _DATE.match(value):
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return value


class Assumption(_Frozen):
    """A figure the design assumes rather than reads from its sources."""

    field: str = Field(min_length=1, description="The field concerned, e.g. 'rule.quota'.")
    note: str = Field(min_length=1, description="What is assumed and why.")


class SeatClass(_Frozen):
    """A class of identical seats: same kind, group, term and veto status."""

    id: str = Field(description="Short identifier, lower-case letters, digits and hyphens.")
    kind: Literal["permanent", "long-term", "elected"]
    count: int = Field(description="Number of seats in the class (≥ 1).")
    group: str = Field(OPEN, description="UN regional group (AG, APG, EEG, GRULAC, WEOG) or 'open'.")
    label: str | None = Field(None, description="Human-readable name of the class.")
    holders: tuple[str, ...] = Field((), description="ISO3 codes of named holders, if any.")
    term_years: int | None = Field(None, description="Term length; none for permanent seats.")
    re_eligible: bool = Field(False, description="Whether a retiring member may be re-elected at once.")
    constituency: str | None = Field(
        None, description="A cross-regional constituency the seat is reserved for, e.g. 'SIDS'."
    )
    eligible: tuple[str, ...] = Field(
        (), description="ISO3 codes of the states eligible for the seat, where restricted."
    )
    note: str | None = None

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))

    @field_validator("count")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError(f"expected a whole number of seats ≥ 1, got {value}")
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
        if value is not None and value < 1:
            raise ValueError(f"expected a term of at least 1 year, got {value}")
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

    classes: tuple[str, ...] = Field((), description="Seat classes whose members hold a veto.")
    negatives: int = Field(
        1, description="Negative votes of veto holders needed to block (1 in the Charter)."
    )
    deferred: tuple[str, ...] = Field(
        (),
        description="Seat classes that hold a veto in law but do not exercise it until a review.",
    )
    review_after_years: int | None = Field(
        None, description="Years after entry into force when deferred vetoes are reviewed."
    )
    abstention_blocks: bool = Field(
        False,
        description="Literal reading of Art. 27(3): a veto holder's abstention or absence blocks.",
    )


class Majority(_Frozen):
    """An extra clause: at least ``at_least`` affirmative votes among the seats of ``classes``."""

    classes: tuple[str, ...] = Field(min_length=1)
    at_least: int = Field(ge=1)
    applies_to: Literal["substantive", "all"] = "substantive"
    note: str | None = None


class Rule(_Frozen):
    """The decision rule (Charter Art. 27 and its variants)."""

    quota: int = Field(description="Affirmative votes needed on substantive matters.")
    procedural_quota: int | None = Field(
        None, description="Affirmative votes needed on procedural matters (default: quota)."
    )
    veto: Veto = Veto()
    majorities: tuple[Majority, ...] = ()

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

    id: str = Field(description="Short identifier, lower-case letters, digits and hyphens.")
    name: str = Field(min_length=1)
    year: int = Field(ge=1945, le=2200)
    status: Literal["historical", "in-force", "tabled", "proposed", "hypothetical"]
    summary: str = ""
    seats: tuple[SeatClass, ...] = Field(min_length=1)
    rule: Rule
    sources: tuple[Source, ...] = Field(min_length=1)
    assumptions: tuple[Assumption, ...] = ()

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))

    @model_validator(mode="after")
    def _cross_checks(self) -> Design:
        problems = list(_cross_problems(self))
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
        """Every seat, class by class, named holders first within a class."""
        out: list[Seat] = []
        for c in self.seats:
            for i in range(c.count):
                holder = c.holders[i] if i < len(c.holders) else None
                out.append(Seat(c.id, i, holder, c.kind, c.group, c.id in self.veto_classes))
        return out

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
        from unsclab import states

        data = self.model_dump()
        named = set(self.named_holders)
        unplaced: list[str] = []
        placed: list[str] = []
        for raw in codes:
            code = raw.strip().upper()
            if not states.known_state(code):
                raise DesignError(f"unknown state code {code!r}; expected an ISO3 code of a UN "
                                  "member state", field="holders")
            if code in named:
                continue
            group = states.state(code).group
            for seat in data["seats"]:
                free = seat["count"] - len(seat["holders"])
                fits = seat["group"] == group or seat["group"] == "open"
                allowed = not seat["eligible"] or code in seat["eligible"]
                if seat["kind"] in kinds and free > 0 and fits and allowed:
                    seat["holders"] = (*seat["holders"], code)
                    named.add(code)
                    placed.append(code)
                    break
            else:
                unplaced.append(code)
        if placed:
            data["id"] = f"{self.id}-holders"
            data["assumptions"] = (*data["assumptions"], {
                "field": "seats.holders",
                "note": f"Scenario, not part of the proposal: {', '.join(placed)} assumed to hold "
                        f"unnamed {'/'.join(kinds)} seats."})
        return Design.model_validate(data), unplaced

    def replace(self, **changes: object) -> Design:
        """A validated copy with some top-level fields changed."""
        data = self.model_dump()
        data.update(changes)
        return Design.model_validate(data)


def _cross_problems(design: Design):
    """Problems that involve several fields; each names the field to fix."""
    ids = [c.id for c in design.seats]
    seen: set[str] = set()
    for i, cid in enumerate(ids):
        if cid in seen:
            yield Problem(f"seat class id {cid!r} is used twice; expected unique ids",
                          field=f"seats[{i + 1}].id")
        seen.add(cid)
    size = design.size
    rule = design.rule
    if not 1 <= rule.quota <= size:
        yield Problem(f"expected a quota between 1 and the council's {size} seats, got {rule.quota}",
                      field="rule.quota")
    if rule.procedural_quota is not None and not 1 <= rule.procedural_quota <= size:
        yield Problem(
            f"expected a procedural quota between 1 and the council's {size} seats, "
            f"got {rule.procedural_quota}",
            field="rule.procedural_quota",
        )
    known = ", ".join(repr(c) for c in ids)
    veto = rule.veto
    for key in ("classes", "deferred"):
        for name in getattr(veto, key):
            if name not in seen:
                yield Problem(f"no seat class {name!r}; expected one of {known}",
                              field=f"rule.veto.{key}")
    both = set(veto.classes) & set(veto.deferred)
    if both:
        yield Problem(f"{', '.join(sorted(both))} cannot hold a veto and a deferred veto at once",
                      field="rule.veto.deferred")
    holders = sum(c.count for c in design.seats if c.id in veto.classes)
    all_known = all(name in seen for name in veto.classes)
    if veto.classes and all_known and not 1 <= veto.negatives <= holders:
        yield Problem(
            f"expected between 1 and the {holders} veto holders' votes, got {veto.negatives}",
            field="rule.veto.negatives",
        )
    if not veto.classes and veto.negatives != 1:
        yield Problem("a number of negative votes is given but no class holds a veto",
                      field="rule.veto.negatives")
    if veto.deferred and veto.review_after_years is None:
        yield Problem("deferred vetoes need review_after_years (e.g. 15)",
                      field="rule.veto.review_after_years")
    for j, maj in enumerate(rule.majorities):
        missing = [n for n in maj.classes if n not in seen]
        for name in missing:
            yield Problem(f"no seat class {name!r}; expected one of {known}",
                          field=f"rule.majorities[{j + 1}].classes")
        if not missing:
            pool = sum(c.count for c in design.seats if c.id in maj.classes)
            if maj.at_least > pool:
                yield Problem(f"expected at most the {pool} seats of those classes, got {maj.at_least}",
                              field=f"rule.majorities[{j + 1}].at_least")
    owner: dict[str, str] = {}
    for i, c in enumerate(design.seats):
        for h in c.holders:
            if h in owner:
                yield Problem(f"{h} already holds a seat in class {owner[h]!r}",
                              field=f"seats[{i + 1}].holders")
            owner[h] = c.id
    yield from _holder_problems(design)
    yield from _pool_problems(design)


def _pool_problems(design: Design):
    """Every unnamed seat needs states to fill it: no more free seats than eligible states."""
    from unsclab.occupancy import seat_pool

    for i, c in enumerate(design.seats):
        free = c.count - len(c.holders)
        if free <= 0:
            continue
        pool = seat_pool(design, c)
        if free > len(pool):
            yield Problem(f"{free} unnamed seats but only {len(pool)} eligible states to fill them",
                          field=f"seats[{i + 1}].count")


def _holder_problems(design: Design):
    """Named holders and eligible states must be known states of the right group."""
    from unsclab import states

    for i, c in enumerate(design.seats):
        for key in ("holders", "eligible"):
            for code in getattr(c, key):
                if not states.known_state(code):
                    yield Problem(f"unknown state code {code!r}; expected an ISO3 code of a UN "
                                  "member state", field=f"seats[{i + 1}].{key}")
                    continue
                group = states.state(code).group
                if c.group != OPEN and group and group != c.group:
                    yield Problem(f"{code} belongs to {group}, not to this class's group {c.group}",
                                  field=f"seats[{i + 1}].{key}")
