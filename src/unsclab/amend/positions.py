"""Blocs and declared positions on reform, each citing the document it is read in.

The built-in table is ``amend/data/positions.toml`` (read its header for the format). A user's
file (``unsclab amend DESIGN --positions FILE``) has the same ``[[bloc]]`` and ``[[position]]``
tables and an optional ``[weights]`` table (:mod:`unsclab.amend.support`); its blocs and
positions are added to the built-in ones, a position for the same holder and family replacing
the built-in one.

Rules checked, each failure naming the file, line and field: every position cites a source; its
``support`` is a number in [0, 1]; its family is known; its holder is a bloc id or the ISO3 code
of a UN member state; no holder and family twice in one file; no state twice in a bloc.
"""

from __future__ import annotations

__all__ = ["BUILTIN", "Bloc", "Position", "Positions", "load_positions"]

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from unsclab.amend.families import FAMILIES
from unsclab.errors import UnsclabError

BUILTIN = "unsclab/amend/data/positions.toml"


@dataclass(frozen=True)
class Bloc:
    """A group of states, with whether its full member list was read in the source."""

    id: str
    name: str
    members: tuple[str, ...]
    complete: bool
    source: str
    note: str = ""


@dataclass(frozen=True)
class Position:
    """A declared stance of a bloc or a state toward a family of designs."""

    holder: str
    family: str
    support: float
    source: str
    note: str = ""
    file: str = BUILTIN
    line: int | None = None


@dataclass(frozen=True)
class Positions:
    """Blocs and positions, merged from the built-in table and any user files."""

    blocs: dict[str, Bloc]
    positions: tuple[Position, ...]
    weights: dict[str, float] = field(default_factory=dict)
    files: tuple[str, ...] = (BUILTIN,)

    def blocs_of(self, iso3: str) -> list[Bloc]:
        return [b for b in self.blocs.values() if iso3 in b.members]

    def stance(self, iso3: str, family: str) -> tuple[float | None, list[Position]]:
        """The state's declared stance toward ``family`` and the positions it rests on.

        A position of the state itself wins; else the mean over its blocs' positions; ``None``
        when nothing is declared.
        """
        own = [p for p in self.positions if p.holder == iso3 and p.family == family]
        if own:
            return own[-1].support, own[-1:]
        ids = {b.id for b in self.blocs_of(iso3)}
        found = [p for p in self.positions if p.holder in ids and p.family == family]
        if not found:
            return None, []
        return sum(p.support for p in found) / len(found), found


def _err(message: str, file: str, line: int | None, field_name: str) -> UnsclabError:
    return UnsclabError(message, file=file, line=line, field=field_name)


def _text(entry: dict, key: str, file: str, line: int | None, where: str, required=True) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise _err(f"expected a non-empty text ({key} is required)", file, line, f"{where}.{key}")
    return value.strip()


def _members(value: Any, file: str, line: int | None, where: str) -> tuple[str, ...]:
    from unsclab.groups import GROUPS
    from unsclab.states import group_members, is_member

    if isinstance(value, str) and value.startswith("group:") and value[6:] in GROUPS:
        return group_members(value[6:])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err("expected a list of ISO3 codes or 'group:AG' (a UN regional group)",
                   file, line, f"{where}.members")
    codes = [v.strip().upper() for v in value]
    for code in codes:
        if not is_member(code):
            raise _err(f"unknown state {code!r}; expected the ISO3 code of a UN member state",
                       file, line, f"{where}.members")
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise _err(f"{code} is listed twice; expected each state once", file, line,
                       f"{where}.members")
        seen.add(code)
    return tuple(codes)


def _parse_file(text: str, file: str) -> tuple[list[Bloc], list[Position], dict[str, float]]:
    from unsclab.designs.io import _field_lines

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _err(f"not valid TOML ({err})", file, None, "file") from None
    lines = _field_lines(text)
    unknown = set(data) - {"bloc", "position", "weights"}
    if unknown:
        key = min(unknown)
        raise _err("unknown table; expected [[bloc]], [[position]] or [weights]",
                   file, lines.get((key,)), key)
    blocs = []
    for i, entry in enumerate(data.get("bloc", [])):
        line, where = lines.get(("bloc", i)), f"bloc[{i + 1}]"
        blocs.append(Bloc(
            id=_text(entry, "id", file, lines.get(("bloc", i, "id"), line), where),
            name=_text(entry, "name", file, line, where, required=False) or entry.get("id", ""),
            members=_members(entry.get("members"), file, lines.get(("bloc", i, "members"), line),
                             where),
            complete=bool(entry.get("complete", False)),
            source=_text(entry, "source", file, lines.get(("bloc", i, "source"), line), where),
            note=_text(entry, "note", file, line, where, required=False)))
    positions = [_position(entry, i, file, lines) for i, entry in enumerate(data.get("position", []))]
    weights = data.get("weights", {})
    if not isinstance(weights, dict):
        raise _err("expected a table of name = number", file, lines.get(("weights",)), "weights")
    for name, value in weights.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _err(f"expected a number, got {value!r}", file, lines.get(("weights", name)),
                       f"weights.{name}")
    return blocs, positions, {k: float(v) for k, v in weights.items()}


def _position(entry: dict, i: int, file: str, lines: dict) -> Position:
    where = f"position[{i + 1}]"

    def at(key: str) -> int | None:
        return lines.get(("position", i, key), lines.get(("position", i)))

    family = _text(entry, "family", file, at("family"), where)
    if family not in FAMILIES:
        raise _err(f"unknown family {family!r}; expected one of {', '.join(FAMILIES)}",
                   file, at("family"), f"{where}.family")
    support = entry.get("support")
    if isinstance(support, bool) or not isinstance(support, (int, float)) \
            or not 0.0 <= float(support) <= 1.0:
        raise _err(f"expected a probability between 0 and 1, got {support!r}",
                   file, at("support"), f"{where}.support")
    return Position(
        holder=_text(entry, "holder", file, at("holder"), where),
        family=family, support=float(support),
        source=_text(entry, "source", file, at("source"), where),
        note=_text(entry, "note", file, at("note"), where, required=False),
        file=file, line=at("holder"))


def _check_holders(positions: list[Position], blocs: dict[str, Bloc]) -> None:
    from unsclab.states import is_member

    seen: dict[tuple[str, str, str], Position] = {}
    for p in positions:
        if p.holder not in blocs and not is_member(p.holder):
            raise _err(f"unknown bloc or state {p.holder!r}; expected a bloc id "
                       f"({', '.join(blocs)}) or the ISO3 code of a UN member state",
                       p.file, p.line, "holder")
        key = (p.file, p.holder, p.family)
        if key in seen:
            raise _err(f"{p.holder} has a second position on {p.family!r} (first at line "
                       f"{seen[key].line}); expected one per holder and family",
                       p.file, p.line, "holder")
        seen[key] = p


@cache
def _builtin() -> tuple[tuple[Bloc, ...], tuple[Position, ...]]:
    text = resources.files("unsclab.amend").joinpath("data/positions.toml").read_text("utf-8")
    blocs, positions, _ = _parse_file(text, BUILTIN)
    return tuple(blocs), tuple(positions)


def load_positions(*paths: str | Path, builtin: bool = True) -> Positions:
    """The built-in blocs and positions, with each user file in ``paths`` laid over them
    (``builtin=False``: the files alone, e.g. the positions of 1963 for the backtest)."""
    blocs_b, positions_b = _builtin() if builtin else ((), ())
    blocs = {b.id: b for b in blocs_b}
    positions = list(positions_b)
    weights: dict[str, float] = {}
    files = [BUILTIN] if builtin else []
    for path in paths:
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as err:
            raise _err(f"cannot read the positions file ({err.strerror})", str(p), None,
                       "file") from None
        new_blocs, new_positions, new_weights = _parse_file(text, str(p))
        blocs.update({b.id: b for b in new_blocs})
        _check_holders(new_positions, blocs)
        replaced = {(q.holder, q.family) for q in new_positions}
        positions = [q for q in positions if (q.holder, q.family) not in replaced] + new_positions
        weights.update(new_weights)
        files.append(str(p))
    _check_holders([q for q in positions if q.file == BUILTIN], blocs)
    return Positions(blocs, tuple(positions), weights, tuple(files))
