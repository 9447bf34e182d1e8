"""Reading and writing designs as TOML, and the built-in catalogue.

A design file is TOML (see ``docs/designs.md`` and the files in ``designs/catalog/``). Loading
reports every problem with the file, the line where it can be found, the field and what was
expected; saving writes a complete file atomically, so a failed save leaves nothing behind.
``load_design(save(d)) == d`` for every valid design.
"""

from __future__ import annotations

__all__ = [
    "load_design",
    "parse_design",
    "design_to_toml",
    "design_summary",
    "save_design",
    "catalog_ids",
    "load_catalog",
]

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from unsclab._files import atomic_path
from unsclab.designs.model import Design
from unsclab.errors import DesignError, Problem
from unsclab.inputs import parse_toml, read_text

_TOP_ORDER = ("id", "name", "year", "status", "summary", "rule", "seats", "sources", "assumptions")


# -- locating fields in TOML text -----------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\-\"]+)\s*=")


def _field_lines(text: str) -> dict[tuple[Any, ...], int]:
    """Map each TOML field path to the line where it is written.

    Paths use pydantic's ``loc`` form: ``("seats", 2, "count")`` for the ``count`` key of the
    third ``[[seats]]`` table. Only the plain TOML used by design files is understood
    (headers, array-of-tables headers, ``key = value`` and dotted keys); anything else simply
    has no line.
    """
    lines: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    arrays: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            parts = tuple(p.strip().strip('"') for p in header.group(2).split("."))
            if header.group(1) == "[[":
                arrays[parts] = arrays.get(parts, -1) + 1
                # parent arrays keep their current index
                current = _with_indices(parts, arrays)
            else:
                current = _with_indices(parts, arrays)
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            path = current + tuple(p.strip().strip('"') for p in key.group(1).split("."))
            lines.setdefault(path, number)
    return lines


def _with_indices(parts: tuple[str, ...], arrays: dict[tuple[str, ...], int]) -> tuple[Any, ...]:
    out: list[Any] = []
    for i in range(len(parts)):
        out.append(parts[i])
        prefix = parts[: i + 1]
        if prefix in arrays:
            out.append(arrays[prefix])
    return tuple(out)


def _line_for(path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> int | None:
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _dotted(loc: tuple[Any, ...]) -> str:
    """``("seats", 2, "count")`` → ``seats[3].count`` (1-based: the third [[seats]] table)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            text = str(part)
            if not text.isprintable():  # a key with a line break or a tab: shown quoted, so
                text = repr(text)       # that a problem stays one line
            out += ("." if out else "") + text
    return out


def _undotted(field: str) -> tuple[Any, ...]:
    """Inverse of :func:`_dotted`, for problems raised with a dotted field."""
    out: list[Any] = []
    for part in field.split("."):
        m = re.match(r"^([^\[]+)((?:\[\d+\])*)$", part)
        if not m:
            out.append(part)
            continue
        out.append(m.group(1))
        out.extend(int(i) - 1 for i in re.findall(r"\[(\d+)\]", m.group(2)))
    return tuple(out)


# -- friendly messages for pydantic's errors ------------------------------------------------


class _Shown(str):
    """A shortened repr that formats as itself under ``!r``."""

    def __repr__(self) -> str:
        return str(self)



def _shown(value: Any, width: int = 60) -> str:
    """``repr(value)``, cut short: a message stays one readable line whatever was posted."""
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _model_at(model, loc: tuple) -> Any:
    """The pydantic model whose table holds the key at ``loc`` (None if it cannot be told)."""
    import typing

    from pydantic import BaseModel

    def models_in(annotation):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield annotation
        for arg in typing.get_args(annotation):
            yield from models_in(arg)

    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        found = list(models_in(field.annotation)) if field is not None else []
        if not found:
            return None
        model = found[0]
    return model


def _message(error: dict[str, Any], model=None) -> str:
    kind = error["type"]
    value = _Shown(_shown(error.get("input")))
    if kind == "extra_forbidden":
        import difflib

        table = _model_at(model or Design, tuple(error["loc"]))
        keys = list(getattr(table, "model_fields", {}))
        if not keys:
            return "unknown key"
        close = difflib.get_close_matches(str(error["loc"][-1]), keys, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown key; {hint}expected one of {', '.join(keys)}"
    if kind == "missing":
        return "required field is missing"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {value!r}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {value!r}"
    if kind in ("string_type",):
        return f"expected text, got {value!r}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}, got {value!r}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, got {value!r}"
    if kind == "model_type" or kind == "model_attributes_type":
        return f"expected a table, got {value!r}"
    if kind == "too_short":
        return "expected at least one entry"
    if kind in ("greater_than_equal", "less_than_equal"):
        return error["msg"].replace("Input should be", "expected a value") + f", got {value!r}"
    if kind in ("too_long", "string_too_long"):
        return error["msg"].replace("should have", "expected").replace("Tuple", "a list") \
            .replace("String", "text") + f", got {value!r}"
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    return error["msg"]


def _problems_from_validation(err: ValidationError, file: str | None, lines,
                              model=None) -> list[Problem]:
    """One problem per validation error; ``model`` (default :class:`Design`) names the keys a
    table accepts when a key is unknown."""
    problems = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        problems.append(
            Problem(_message(e, model), file=file, line=_line_for(loc, lines) if lines else None,
                    field=_dotted(loc) or None)
        )
    return problems


# -- public API ------------------------------------------------------------------------------


def parse_design(text: str, file: str | None = None) -> Design:
    """Parse and validate a design from TOML text.

    Raises :class:`~unsclab.errors.DesignError` listing every problem found, each with
    ``file``, ``line`` (where it can be found) and ``field``.
    """
    data = parse_toml(text, file=file)
    return design_from_dict(data, file=file, text=text)


def design_from_dict(data: dict[str, Any], file: str | None = None, text: str | None = None) -> Design:
    """Validate a design given as a plain dict (as parsed from TOML or JSON)."""
    lines = _field_lines(text) if text is not None else None
    try:
        return Design.model_validate(data)
    except ValidationError as err:
        raise DesignError(problems=_problems_from_validation(err, file, lines)) from None
    except DesignError as err:
        raise DesignError(
            problems=[
                Problem(p.message, file=file,
                        line=_line_for(_undotted(p.field), lines) if (lines and p.field) else None,
                        field=p.field)
                for p in err.problems
            ]
        ) from None


def load_design(ref: str | os.PathLike[str] | Design) -> Design:
    """Load a design from a catalogue id (e.g. ``"g4-2005"``) or a TOML file path."""
    if isinstance(ref, Design):
        return ref
    text_ref = os.fspath(ref)
    if not text_ref.strip():
        raise DesignError("expected a catalogue id or a design TOML file, got an empty name")
    path = Path(text_ref)
    if path.suffix == ".toml" or os.sep in text_ref or path.exists():
        text = read_text(path, what="a design TOML file or a catalogue id")
        return parse_design(text, file=text_ref)
    if text_ref in catalog_ids():
        return _catalog_design(text_ref)
    raise DesignError(
        f"no catalogue design {text_ref!r} and no such file; see 'unsclab designs list' "
        f"(catalogue ids: {', '.join(catalog_ids())})"
    )


def design_to_dict(design: Design) -> dict[str, Any]:
    """A plain dict of the design (no None values), in a readable key order."""
    data = design.model_dump(mode="json", exclude_none=True)
    return {k: data[k] for k in _TOP_ORDER if k in data}


def design_summary(design: Design) -> dict[str, Any]:
    """One catalogue row: the shape of ``unsclab designs list --json`` and ``GET /api/designs``."""
    kinds = design.count_by_kind()
    veto = design.rule.veto
    return {
        "id": design.id,
        "name": design.name,
        "year": design.year,
        "status": design.status,
        "seats": design.size,
        "permanent": kinds["permanent"],
        "long_term": kinds["long-term"],
        "elected": kinds["elected"],
        "quota": design.rule.quota,
        "veto_holders": sum(c.count for c in design.seats if c.id in veto.classes),
        "veto_negatives": veto.negatives if veto.classes else None,
        "sources": [s.symbol or s.title for s in design.sources],
    }


def design_to_toml(design: Design) -> str:
    """The design as TOML text; ``parse_design(design_to_toml(d)) == d``."""
    return tomli_w.dumps(design_to_dict(design))


def save_design(design: Design, path: str | os.PathLike[str]) -> Path:
    """Write the design to ``path`` atomically (temporary file, then rename)."""
    target = Path(path)
    text = design_to_toml(design)
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return target


def _catalog_dir():
    return resources.files("unsclab.designs").joinpath("catalog")


@cache
def catalog_ids() -> tuple[str, ...]:
    """Ids of the built-in catalogue designs, in catalogue order (by year, then id)."""
    designs = [_catalog_design(p.name.removesuffix(".toml"))
               for p in _catalog_dir().iterdir() if p.name.endswith(".toml")]
    return tuple(d.id for d in sorted(designs, key=lambda d: (d.year, d.id)))


@cache
def _catalog_design(design_id: str) -> Design:
    entry = _catalog_dir().joinpath(f"{design_id}.toml")
    design = parse_design(entry.read_text(encoding="utf-8"), file=f"catalog/{design_id}.toml")
    if design.id != design_id:
        raise DesignError(f"id {design.id!r} differs from the file name", file=f"catalog/{design_id}.toml",
                          field="id")
    return design


def load_catalog() -> list[Design]:
    """Every built-in catalogue design, in catalogue order."""
    return [_catalog_design(i) for i in catalog_ids()]
