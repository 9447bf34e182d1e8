"""``decide(design, ballot)``: the Charter's arithmetic, the one decision rule of unsclab.

A ballot gives each state's vote — ``Y`` (in favour), ``N`` (against), ``A`` (abstention) or
``NV`` (present and not voting, or absent). :func:`decide` seats the states in the design (named
holders in their seats, the others in the design's unnamed seats), then applies the rule:

1. **Procedural matters** (Charter Art. 27(2)): adopted with ``procedural_quota`` affirmative
   votes; nobody holds a veto.
2. **Substantive matters** (Art. 27(3)): adopted with ``quota`` affirmative votes unless
   ``veto.negatives`` veto holders vote against. Abstention and absence never veto, as in the
   Council's practice since 1946 (ICJ, *Namibia* Advisory Opinion, 1971, para. 22), unless the
   design asks for the literal reading (``veto.abstention_blocks``). Any extra majority clause
   (``rule.majorities``) must be met too. A design may add ``rule.alternatives``: other ways
   for a substantive draft to pass (each a quota, optionally a veto and majority clauses, e.g.
   a larger majority that overrides the veto); a draft that meets one is adopted.
   A design with vote weights (``rule.weighted_quota``; :mod:`unsclab.designs.sharing`) also
   needs the weights of the seats voting yes to reach the weighted quota, on every decision.
3. **Vetoed or failed.** Following the UN's own count of vetoes (Dag Hammarskjöld Library, "Veto
   List", research.un.org/en/docs/sc/quick/veto), a draft is *vetoed* when it had the votes
   needed and veto holders blocked it; a draft short of the quota *failed* for lack of the
   required majority, whatever the permanent members voted.

The result is a :class:`Decision` with the counts, who vetoed, how many votes it fell short by
and a one-sentence reason.

A seat held jointly by a regional organisation votes under the organisation's code (``EU``,
``AU``: ``{"EU": "Y"}``); its member states, represented by it, are not on the ballot.
"""

from __future__ import annotations

__all__ = ["VOTES", "Ballot", "Decision", "decide"]

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from unsclab import states
from unsclab.designs.model import Design
from unsclab.errors import BallotError

VOTES = ("Y", "N", "A", "NV")
_ALIASES = {
    "Y": "Y", "YES": "Y", "FOR": "Y",
    "N": "N", "NO": "N", "AGAINST": "N",
    "A": "A", "ABSTAIN": "A", "ABSTENTION": "A",
    "NV": "NV", "NOT VOTING": "NV", "ABSENT": "NV", "X": "NV",
}

Outcome = Literal["adopted", "vetoed", "failed"]


@dataclass(frozen=True)
class Ballot:
    """Each state's vote (ISO3 → ``Y``/``N``/``A``/``NV``), and optionally which seat class a
    state sits in (needed only where unnamed seats differ in powers, e.g. new permanent seats
    with a veto but no named holders)."""

    votes: Mapping[str, str]
    seats: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        clean: dict[str, str] = {}
        for raw_code, raw_vote in self.votes.items():
            code = str(raw_code).strip().upper()
            vote = _ALIASES.get(str(raw_vote).strip().upper())
            if vote is None:
                raise BallotError(f"{code} has vote {raw_vote!r}; expected Y, N, A or NV")
            if code in clean:
                raise BallotError(f"{code} appears twice in the ballot; expected each state once")
            clean[code] = vote
        object.__setattr__(self, "votes", MappingProxyType(clean))
        object.__setattr__(
            self, "seats", MappingProxyType({k.upper(): v for k, v in self.seats.items()})
        )

    @classmethod
    def from_lists(
        cls,
        yes: Iterable[str] = (),
        no: Iterable[str] = (),
        abstain: Iterable[str] = (),
        not_voting: Iterable[str] = (),
        seats: Mapping[str, str] | None = None,
    ) -> Ballot:
        """A ballot from lists of ISO3 codes; a state in two lists is refused."""
        votes: dict[str, str] = {}
        for vote, codes in (("Y", yes), ("N", no), ("A", abstain), ("NV", not_voting)):
            for raw in codes:
                code = raw.strip().upper()
                if code in votes:
                    raise BallotError(
                        f"{code} appears twice in the ballot ({votes[code]} and {vote}); "
                        "expected each state once"
                    )
                votes[code] = vote
        return cls(votes, seats or {})


@dataclass(frozen=True)
class Decision:
    """The outcome of one vote under a design."""

    outcome: Outcome
    procedural: bool
    yes: int
    no: int
    abstain: int
    not_voting: int
    required: int
    vetoed_by: tuple[str, ...]
    short_by: int
    reason: str
    seating: Mapping[str, str]  # ISO3 → seat class
    unmet_majorities: tuple[int, ...] = ()  # 1-based indices of rule.majorities not met
    warnings: tuple[str, ...] = ()  # seats left empty, members missing, states out of group
    yes_weight: int | None = None  # weights of the seats in favour (weighted designs only)
    required_weight: int | None = None  # rule.weighted_quota

    @property
    def adopted(self) -> bool:
        return self.outcome == "adopted"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (the shape printed by ``unsclab decide --json``)."""
        return {
            "outcome": self.outcome,
            "procedural": self.procedural,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "not_voting": self.not_voting,
            "required": self.required,
            "vetoed_by": list(self.vetoed_by),
            "short_by": self.short_by,
            "reason": self.reason,
            "seating": dict(self.seating),
            "unmet_majorities": list(self.unmet_majorities),
            "warnings": list(self.warnings),
            **({"yes_weight": self.yes_weight, "required_weight": self.required_weight}
               if self.required_weight is not None else {}),
        }


def _check_seats(design: Design, ballot: Ballot) -> None:
    """Every ``seats`` entry names a known state that votes and a class of the design: a seat
    given to a state that casts no vote, or in a class that does not exist, is a mistake to
    report, not to ignore."""
    known = ", ".join(c.id for c in design.seats)
    ids = {c.id for c in design.seats}
    for code, cls_id in ballot.seats.items():
        if not states.known_state(code) and code not in design.organisations:
            raise BallotError(f"seat for {code!r}: unknown state code; expected the ISO3 code "
                              "of a UN member state", field="seats")
        if cls_id not in ids:
            raise BallotError(f"{code} is given seat class {cls_id!r}; expected one of {known}",
                              field="seats")
        if code not in ballot.votes:
            raise BallotError(f"{code} is given a seat in {cls_id!r} but casts no vote; list it "
                              "as voting yes, no, abstaining or not voting", field="seats")


def seat_ballot(design: Design, ballot: Ballot, *, groups: str = "strict") -> dict[str, str]:
    """Assign each state of the ballot to a seat class of the design (ISO3 → class id), as
    :func:`unsclab.seating.seat_ballot` does: named holders and the seats the ballot names
    first, everyone else in an ordinary seat of its own group (then an open one); seats with
    other powers (an unnamed veto, an extra majority) only where the ballot says."""
    from unsclab.seating import seat_ballot as _seat

    _check_seats(design, ballot)
    return _seat(design, ballot.votes, ballot.seats, groups=groups).seats


def decide(design: Design, ballot: Ballot | Mapping[str, str], *, procedural: bool = False,
           groups: str = "strict") -> Decision:
    """Decide a vote under ``design``.

    Parameters
    ----------
    design : Design
        The council.
    ballot : Ballot or mapping ISO3 → vote
        Each sitting state's vote (at least one). States are seated by
        :func:`unsclab.seating.seat_ballot`. Seats of named holders missing from the ballot count
        as not voting (absent), as do unfilled seats; ``Decision.warnings`` says which.
    procedural : bool
        Decide as a procedural matter (Art. 27(2)): no veto, ``procedural_quota`` applies.
    groups : "strict" or "loose"
        "strict": a state sits only in a seat of its regional group or an open one (an error
        otherwise); "loose" seats it anywhere left and warns (for the historical record).

    Returns
    -------
    Decision

    Examples
    --------
    Draft S/2024/312 (18 April 2024, admission of Palestine), vetoed by the United States 12-1-2:

    >>> from unsclab.designs import load_design
    >>> d = decide(load_design("status-quo"), Ballot.from_lists(
    ...     yes="DZA ECU GUY JPN MLT MOZ KOR SLE SVN FRA RUS CHN".split(),
    ...     no=["USA"], abstain=["GBR", "CHE"]))
    >>> d.outcome, d.vetoed_by
    ('vetoed', ('USA',))
    >>> d.reason
    'Vetoed by the United States: 12 in favour, 1 against, 2 abstentions.'
    """
    if not isinstance(ballot, Ballot):
        ballot = Ballot(ballot)
    if not ballot.votes:
        raise BallotError("the ballot is empty; expected the votes of the states that sit "
                          "(--yes, --no, --abstain, --not-voting)")
    from unsclab.seating import seat_ballot as _seat

    _check_seats(design, ballot)
    placed = _seat(design, ballot.votes, ballot.seats, groups=groups)
    seating = placed.seats
    warnings = (*placed.warnings, *_missing(design, ballot.votes))
    votes = ballot.votes
    counts = {v: 0 for v in VOTES}
    for vote in votes.values():
        counts[vote] += 1
    not_voting = design.size - counts["Y"] - counts["N"] - counts["A"]
    rule = design.rule
    required = rule.procedural if procedural else rule.quota
    short_by = max(0, required - counts["Y"])

    vetoed_by: tuple[str, ...] = ()
    unmet: tuple[int, ...] = ()
    if not procedural:
        vetoed_by = _vetoed_by(design, rule.veto, seating, votes)
        unmet = _unmet(rule.majorities, seating, votes)
    else:
        unmet = tuple(
            j + 1
            for j, maj in enumerate(rule.majorities)
            if maj.applies_to == "all"
            and sum(1 for code, cls in seating.items() if cls in maj.classes and votes[code] == "Y")
            < maj.at_least
        )

    yes_weight, need_weight = _weights(design, seating, votes)
    tally = _tally(counts["Y"], counts["N"], counts["A"], not_voting)
    if yes_weight is not None:
        tally += f" (weight {yes_weight} in favour of {design.total_weight})"
    if short_by > 0:
        outcome: Outcome = "failed"
        vetoed_by = ()
        plural = "s" if short_by > 1 else ""
        reason = (f"Failed for lack of the required majority: {tally}; {short_by} vote{plural} "
                  f"short of the {required} required.")
    elif need_weight is not None and yes_weight < need_weight:
        outcome, vetoed_by = "failed", ()
        reason = (f"Failed for lack of the required weighted majority: {tally}; weight "
                  f"{need_weight - yes_weight} short of the {need_weight} required.")
    elif vetoed_by:
        outcome = "vetoed"
        names = _join([_holder_name(design, c) for c in vetoed_by])
        reason = f"Vetoed by {names}: {tally}."
    elif unmet:
        outcome = "failed"
        clauses = "; ".join(_majority_text(design, j) for j in unmet)
        reason = f"Failed: {tally}, but the extra majority was not met ({clauses})."
    else:
        outcome = "adopted"
        kind = " (procedural)" if procedural else ""
        reason = f"Adopted{kind}: {tally}."
    alternative = None if procedural or outcome == "adopted" else _alternative(
        design, seating, votes, counts["Y"])
    if alternative is not None:
        outcome, vetoed_by, short_by, unmet = "adopted", (), 0, ()
        note = design.rule.alternatives[alternative - 1].note
        reason = (f"Adopted under alternative {alternative} of the rule"
                  + (f" ({note})" if note else "") + f": {tally}.")
    return Decision(
        outcome=outcome,
        procedural=procedural,
        yes=counts["Y"],
        no=counts["N"],
        abstain=counts["A"],
        not_voting=not_voting,
        required=required,
        vetoed_by=vetoed_by,
        short_by=short_by,
        reason=reason,
        seating=MappingProxyType(seating),
        unmet_majorities=unmet,
        warnings=warnings,
        yes_weight=yes_weight,
        required_weight=need_weight,
    )


def _weights(design: Design, seating: Mapping[str, str],
             votes: Mapping[str, str]) -> tuple[int | None, int | None]:
    """The weights of the seats in favour and the weighted quota (None, None when unweighted)."""
    need = design.rule.weighted_quota
    if need is None:
        return None, None
    weights = design.class_weights()
    return sum(weights[cls] for code, cls in seating.items() if votes[code] == "Y"), need


def _holder_name(design: Design, code: str) -> str:
    """A state's name, or the name of the organisation holding a shared seat."""
    org = design.organisation_name(code)
    if org is not None:  # organisations take the article: "the European Union"
        return org if org.lower().startswith("the ") else f"the {org}"
    return states.state_name(code)


def _vetoed_by(design: Design, veto, seating: Mapping[str, str],
               votes: Mapping[str, str]) -> tuple[str, ...]:
    """The veto holders whose votes block under ``veto`` (empty when they do not)."""
    sitting = [code for code, cls in seating.items() if cls in veto.classes]
    if veto.abstention_blocks:
        # Literal Art. 27(3): anything but a concurring vote blocks, absence included.
        absent = [h for c in veto.classes for h in _class_holders(design.seat_class(c))
                  if h not in votes]
        blockers = [code for code in sitting if votes[code] != "Y"] + absent
        empty = sum(design.seat_class(c).count for c in veto.classes) - len(sitting) - len(absent)
        blocking = len(blockers) + empty
    else:
        blockers = [code for code in sitting if votes[code] == "N"]
        blocking = len(blockers)
    return tuple(blockers) if veto.classes and blocking >= veto.negatives else ()


def _class_holders(seat_class) -> tuple[str, ...]:
    """The named holders of a class, or the organisation holding its shared seat."""
    return (seat_class.shared.holder,) if seat_class.shared is not None else seat_class.holders


def _unmet(majorities, seating: Mapping[str, str], votes: Mapping[str, str]) -> tuple[int, ...]:
    """1-based indices of the majority clauses the affirmative votes do not meet."""
    return tuple(
        j + 1
        for j, maj in enumerate(majorities)
        if sum(1 for code, cls in seating.items() if cls in maj.classes and votes[code] == "Y")
        < maj.at_least
    )


def _alternative(design: Design, seating, votes, yes: int) -> int | None:
    """The first of ``rule.alternatives`` (1-based) that the ballot meets, if any."""
    for k, alt in enumerate(design.rule.alternatives):
        if (yes >= alt.quota and not _vetoed_by(design, alt.veto, seating, votes)
                and not _unmet(alt.majorities, seating, votes)):
            return k + 1
    return None


def _missing(design: Design, votes: Mapping[str, str]) -> list[str]:
    """Warnings for named members absent from the ballot and seats nobody fills."""
    out = []
    absent = [h for h in (*design.named_holders, *design.organisations) if h not in votes]
    if absent:
        out.append(f"not on the ballot, counted as not voting: {', '.join(absent)} (named "
                   f"member{'s' if len(absent) > 1 else ''} of {design.id!r})")
    empty = design.size - len(votes) - len(absent)
    if empty > 0:
        out.append(f"{empty} of the {design.size} seats have no state on the ballot and count "
                   "as not voting")
    return out


def _tally(yes: int, no: int, abstain: int, not_voting: int) -> str:
    parts = [f"{yes} in favour", f"{no} against",
             f"{abstain} abstention" + ("" if abstain == 1 else "s")]
    if not_voting:
        parts.append(f"{not_voting} not voting")
    return ", ".join(parts)


def _join(names: list[str]) -> str:
    names = [_with_article(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _with_article(name: str) -> str:
    """'United States' → 'the United States' (names that take an article in English)."""
    lower = name.lower()
    if lower.startswith(("united ", "russian federation", "democratic republic", "republic of",
                         "netherlands", "philippines", "soviet union", "union of", "ussr")):
        return "the " + name
    return name


def _majority_text(design: Design, index: int) -> str:
    maj = design.rule.majorities[index - 1]
    return f"at least {maj.at_least} in favour among {', '.join(maj.classes)}"
