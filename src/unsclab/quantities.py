"""One name, one unit and one definition for every quantity unsclab shows.

The CLI's tables, the web pages, the reports and the figures all label a quantity through
:func:`quantity`, so "power to act" is a percentage called "power to act" everywhere, never
``act 0.0259`` in one place and "2.59%" in another. Each entry says how its value is written
(:func:`format_value`) and what it means (shown as a table footnote, a tooltip or the
glossary page).

Kinds: ``percent`` (a share or probability in [0, 1], written as a percentage), ``number`` (a
plain decimal, e.g. expected seats), ``index`` (a unitless measure in [0, 1], 3 decimals),
``int``, ``count`` (an integer written with thousands separators: ``3,203``) and ``text``.
"""

from __future__ import annotations

__all__ = ["Quantity", "QUANTITIES", "quantity", "format_value", "column_digits", "glossary"]

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Quantity:
    """A quantity as users read it: ``name`` (full), ``short`` (for narrow tables), ``kind``."""

    key: str
    name: str
    short: str
    kind: str = "percent"
    definition: str = ""
    digits: int | None = None

    @property
    def unit(self) -> str:
        return {"percent": "%", "number": "", "index": "", "int": "", "count": "",
                "text": ""}[self.kind]


_Q = Quantity
_ENTRIES = (
    _Q("coleman_act", "Power to act", "Act",
       definition="Coleman's power of the Council to act: the share of all yes/no vote "
                  "combinations of the seats that adopt a draft (each seat votes yes or no with "
                  "equal probability)."),
    _Q("banzhaf", "Banzhaf power", "Banzhaf",
       definition="Normalised Banzhaf index: the share of all decisive swings that a seat (or "
                  "state, group) holds; the shares add up to 100%."),
    _Q("penrose", "Penrose power", "Penrose",
       definition="Absolute Banzhaf (Penrose) index: the probability that a seat's vote decides "
                  "the outcome when every seat votes yes or no with equal probability."),
    _Q("shapley_shubik", "Shapley–Shubik power", "Shapley–Shubik",
       definition="Shapley–Shubik index: the share of all orderings of the seats in which a "
                  "seat is the one that first makes the coalition winning."),
    _Q("ternary_banzhaf", "Banzhaf power with abstention", "Banzhaf (abst.)",
       definition="Ternary Banzhaf index: as Banzhaf power, but each seat votes yes, abstains or "
                  "votes no with equal probability, and a permanent member's abstention is no "
                  "veto (the Council's practice)."),
    _Q("ternary_shapley_shubik", "Shapley–Shubik power with abstention", "SS (abst.)",
       definition="Ternary Shapley–Shubik index: the probability that a seat's vote settles the "
                  "outcome when the seats vote one by one in a random order, each yes, abstain "
                  "or no with equal probability; a permanent member's abstention is no veto."),
    _Q("ternary_penrose", "Penrose power with abstention", "Penrose (abst.)",
       definition="Ternary Penrose measure: the probability that a seat's vote decides the "
                  "outcome when every seat votes yes, abstains or votes no with equal "
                  "probability; a permanent member's abstention is no veto."),
    _Q("owen", "Owen value", "Owen",
       definition="Owen value: Shapley–Shubik power when the blocs given act as a priori "
                  "unions (shares among the unions, then within each)."),
    _Q("banzhaf_owen", "Banzhaf–Owen value", "Bz–Owen",
       definition="Banzhaf–Owen value: Penrose power when the blocs given act as a priori "
                  "unions (Banzhaf among the unions, then within each)."),
    _Q("rae", "Rae index", "Rae",
       definition="The probability that the outcome agrees with the seat's vote (yes and no "
                  "equally likely)."),
    _Q("nevison", "Nevison index", "Nevison",
       definition="The probability that a draft passes given that the seat votes yes."),
    _Q("koenig_braeuninger", "König–Bräuninger inclusiveness", "KB",
       definition="The share of winning coalitions the seat belongs to."),
    _Q("public_help_theta", "Public Help index θ", "PH θ",
       definition="Winning coalitions containing the seat, as a share of all such memberships."),
    _Q("felsenthal", "Felsenthal index", "Felsenthal",
       definition="Deegan–Packel over the smallest minimal winning coalitions only."),
    _Q("minimal_winning", "Minimal winning coalitions", "MWC", kind="int",
       definition="The number of minimal winning coalitions the seat belongs to."),
    _Q("coleman_prevent", "Power to prevent", "Prevent",
       definition="Coleman's power to prevent action: the share of winning vote combinations "
                  "that the seat alone can turn into losing ones."),
    _Q("coleman_initiate", "Power to initiate", "Initiate",
       definition="Coleman's power to initiate action: the share of losing vote combinations "
                  "that the seat alone can turn into winning ones."),
    _Q("holler", "Holler power", "Holler",
       definition="Holler's public good index: the share of minimal winning coalitions a seat "
                  "belongs to."),
    _Q("deegan_packel", "Deegan–Packel power", "Deegan–Packel",
       definition="Deegan–Packel index: power shared equally within each minimal winning "
                  "coalition, averaged over those coalitions."),
    _Q("johnston", "Johnston power", "Johnston",
       definition="Johnston index: each swing counted as 1/k when k members of the coalition "
                  "are decisive in it."),
    _Q("p5_power_share", "P5 share of power", "P5 power",
       definition="The five permanent members' (China, France, Russia, the UK, the US) "
                  "combined share of Banzhaf power."),
    _Q("p5_ternary_banzhaf_share", "P5 share of power with abstention", "P5 (abst.)",
       definition="The five permanent members' combined share of Banzhaf power when each seat "
                  "may also abstain and a permanent member's abstention is no veto (ternary "
                  "Banzhaf)."),
    _Q("representation_factor", "Representation factor", "Repr.", kind="number", digits=2,
       definition="Share of expected Banzhaf power (seat power times the probability of "
                  "holding the seat) over the share of the square root of population among the "
                  "193 members: 1 is equitable, above 1 over-represented (Gould & Rablen 2016)."),
    _Q("power_share", "Share of power", "Power",
       definition="The group's share of Banzhaf power: expected seats held times the power of "
                  "each seat."),
    _Q("seats", "Expected seats", "Seats", kind="number", digits=2,
       definition="Seats held on average by the group's members (permanent seats count fully; "
                  "elected seats by how often its members hold them)."),
    _Q("seat_share", "Share of seats", "Seat share",
       definition="Expected seats as a share of all seats on the Council."),
    _Q("membership_share", "Share of UN members", "Members",
       definition="The group's share of the 193 UN member states."),
    _Q("population_share", "Share of world population", "Population",
       definition="The group's share of the member states' population."),
    _Q("population_with_permanent_seat", "Population with a permanent seat", "Pop. perm.",
       definition="Share of the member states' population living in a state that holds a "
                  "permanent seat."),
    _Q("penrose_distance", "Distance from Penrose's ideal", "Penrose distance", kind="index",
       definition="Half the sum of |share of power − share of √population| over states: 0 when "
                  "every state's power is proportional to the square root of its population "
                  "(Penrose's square-root law), 1 the farthest."),
    _Q("gini_power_per_person", "Gini of power per person", "Gini", kind="index",
       definition="Gini coefficient of voting power among the world's people: 0 when each "
                  "person's state has power proportional to its population, near 1 when a few "
                  "hold it all."),
    _Q("years_per_decade", "Years on the Council per decade", "Years/decade", kind="number",
       digits=2,
       definition="Expected years in ten that the state sits on the Council."),
    _Q("expected_seats", "Expected seats", "Seats", kind="number", digits=2,
       definition="Seats held on average by the bloc's members."),
    _Q("adoption_rate", "Drafts adopted", "Adopted",
       definition="Share of the recorded draft resolutions put to the vote that the design "
                  "would adopt (most likely outcome over the draws)."),
    _Q("quota", "Quota", "Quota", kind="int",
       definition="Affirmative votes needed to adopt a substantive decision."),
    _Q("size", "Seats", "Seats", kind="int", definition="Seats on the Council."),
    _Q("accuracy", "Accuracy", "Accuracy",
       definition="Share of hidden votes whose most likely predicted vote was the real one."),
    _Q("log_loss", "Log-loss", "Log-loss", kind="index",
       definition="Mean negative log-probability given to the real vote (lower is better)."),
    # the historical record (unsclab record summary|vetoes|state; the record's web pages)
    _Q("record_decisions", "Decisions", "All", kind="count",
       definition="Votes the record holds (on drafts, amendments, parts of drafts, procedural "
                  "questions, Secretary-General nominations), adopted or not."),
    _Q("record_adopted", "Adopted", "Adopted", kind="count",
       definition="Votes that adopted the text, by a vote or without one (every member "
                  "recorded not voting)."),
    _Q("record_vetoed", "Vetoed", "Vetoed", kind="count",
       definition="Votes that failed because a permanent member voted no, each vote once "
                  "however many members voted no (every vote type)."),
    _Q("record_lack_of_majority", "Lack of majority", "No majority", kind="count",
       definition="Votes that failed for want of the affirmative votes required, no "
                  "permanent member's negative vote deciding it."),
    _Q("record_vetoes_dhl", "Vetoes (Library's definition)", "Vetoes (DHL)", kind="count",
       definition="Each vetoed draft resolution or amendment once per meeting, once for each "
                  "permanent member voting no, as the Dag Hammarskjöld Library's veto list "
                  "counts; not votes on parts of a draft nor Secretary-General ballots."),
    _Q("record_vetoes_all", "Vetoes (every negative vote)", "Vetoes (all)", kind="count",
       definition="Every negative vote of a permanent member on a vote that failed for it "
                  "(drafts, amendments, separate and part votes, Secretary-General ballots), "
                  "once for each member."),
    _Q("record_votes", "Votes", "Votes", kind="count",
       definition="Votes of this kind in the record."),
)

QUANTITIES: dict[str, Quantity] = {q.key: q for q in _ENTRIES}


def quantity(key: str) -> Quantity:
    """The quantity ``key``; an unknown key (e.g. a newly registered power index) gets its
    registry title, or its key in words, as the name."""
    if key in QUANTITIES:
        return QUANTITIES[key]
    name = key.replace("_", " ").capitalize()
    try:
        from unsclab.power import INDICES

        if key in INDICES:
            name = INDICES[key].title
    except ImportError:  # pragma: no cover - power is part of the package
        pass
    return Quantity(key, name, name)


def format_value(value, kind: str = "percent", digits: int | None = None) -> str:
    """Write ``value`` the way every unsclab output writes a quantity of ``kind``.

    Percentages have two decimals (``2.59%``), three significant digits when below 0.1% so a
    small share never reads as zero; ``index`` has three decimals; ``number`` two.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "int":
        return f"{int(value)}"
    if kind == "count":
        return f"{int(value):,}"
    x = float(value)
    if kind == "percent":
        pct = 100 * x
        if digits is None and 0 < abs(pct) < 0.1:
            return f"{pct:.3g}%"
        return f"{pct:.{2 if digits is None else digits}f}%"
    if kind == "index":
        return f"{x:.{3 if digits is None else digits}f}"
    return f"{x:.{2 if digits is None else digits}f}"


def column_digits(values, kind: str = "percent") -> int | None:
    """Decimals that write every value of a column alike and show at least two significant
    digits of its smallest non-zero value (percentages: 2 to 6 decimals)."""
    if kind != "percent":
        return None
    small = [abs(100 * float(v)) for v in values
             if isinstance(v, (int, float)) and not isinstance(v, bool) and v]
    if not small or min(small) >= 0.1:
        return 2
    return min(6, max(2, 1 - math.floor(math.log10(min(small)))))


def glossary() -> list[Quantity]:
    """Every defined quantity, in the order above (the web's glossary and ``--explain``)."""
    return list(_ENTRIES)
