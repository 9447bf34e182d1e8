"""Blocs of states that reform debates speak of, each with its source.

A bloc is a named list of ISO3 codes. Users can pass their own (``--bloc NAME=ISO3,ISO3``).
"""

from __future__ import annotations

__all__ = ["Bloc", "BLOCS", "bloc", "parse_bloc"]

from dataclasses import dataclass

from unsclab.errors import UnsclabError


@dataclass(frozen=True)
class Bloc:
    """A named group of states and where its membership comes from."""

    id: str
    name: str
    members: tuple[str, ...]
    source: str


def _african_union() -> tuple[str, ...]:
    from unsclab.states import member_states

    return tuple(s.iso3 for s in member_states() if s.group == "AG")


BLOCS: dict[str, Bloc] = {
    b.id: b
    for b in (
        Bloc("P5", "Permanent five", ("CHN", "FRA", "RUS", "GBR", "USA"),
             "Charter of the United Nations, Art. 23(1)."),
        Bloc("G4", "Group of Four", ("BRA", "DEU", "IND", "JPN"),
             "Co-sponsors of draft A/59/L.64 (6 July 2005) seeking permanent seats; G4 joint "
             "statements at the IGN (e.g. 7 March 2024)."),
        Bloc("UfC", "Uniting for Consensus (core)",
             ("ARG", "CAN", "COL", "CRI", "ITA", "MLT", "MEX", "PAK", "KOR", "SMR", "ESP", "TUR"),
             "Uniting for Consensus ministerial joint press release, 20 September 2023, "
             "Permanent Mission of Italy to the UN (italyun.esteri.it): Argentina, Canada, "
             "Colombia, Costa Rica, Italy, Malta, Mexico, Pakistan, Republic of Korea, San "
             "Marino, Spain, Türkiye."),
        Bloc("AU", "African Union (UN members)", (),
             "African Union member states that are UN members: the 54 states of the UN African "
             "Group (the AU's 55th member, the Sahrawi Arab Democratic Republic, is not a UN "
             "member). Constitutive Act of the African Union (2000); Morocco rejoined in 2017."),
        Bloc("SWP-middle-powers", "Middle powers (SWP 2024)",
             ("TUR", "ISR", "EGY", "SAU", "KAZ", "IND", "IDN", "ETH", "KEN", "ZAF", "MEX", "BRA"),
             "German Institute for International and Security Affairs (SWP), study of twelve "
             "'middle powers' published 23 January 2024 (as reported by Euractiv, 2024; the "
             "list cited by President Tokayev's office). The list of a think tank, not an "
             "official category."),
        Bloc("MIKTA", "MIKTA middle powers", ("MEX", "IDN", "KOR", "TUR", "AUS"),
             "MIKTA, informal partnership of Mexico, Indonesia, the Republic of Korea, Türkiye "
             "and Australia, founded on the margins of UNGA 68 (September 2013)."),
    )
}


def bloc(bloc_id: str) -> Bloc:
    """A built-in bloc by id (case-insensitive)."""
    for key, value in BLOCS.items():
        if key.lower() == bloc_id.lower():
            if key == "AU":
                return Bloc(value.id, value.name, _african_union(), value.source)
            return value
    raise UnsclabError(f"unknown bloc {bloc_id!r}; expected one of {', '.join(BLOCS)} "
                       "or NAME=ISO3,ISO3,...", field="bloc")


def parse_bloc(spec: str) -> Bloc:
    """``"G4"`` (built-in) or ``"mine=KAZ,UZB,KGZ"`` (user-defined)."""
    from unsclab.states import known_state

    if "=" not in spec:
        return bloc(spec)
    name, _, codes = spec.partition("=")
    members = tuple(c.strip().upper() for c in codes.split(",") if c.strip())
    if not name.strip() or not members:
        raise UnsclabError(f"bloc {spec!r}: expected NAME=ISO3,ISO3,...", field="bloc")
    unknown = [c for c in members if not known_state(c)]
    if unknown:
        raise UnsclabError(f"bloc {name!r}: unknown state code(s) {', '.join(unknown)}", field="bloc")
    return Bloc(name.strip(), name.strip(), members, "user-defined")
