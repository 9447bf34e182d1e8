"""Search spaces: a family of councils described in a TOML file, validated, enumerated or sampled.

A search space file has five parts (reference: ``docs/explore.md``)::

    [search]                 # id, name, budget (designs at most), seed, chunk_size, p5, year
    [rule]                   # veto = ["one", "two", "none", "deferred"]; quota or quota_fraction
    [[seats]]                # one table per family of seats: kind, group, count (choices), and
                             # veto / term_years / re_eligible / eligible where they apply
    [[constraints]]          # expr = "size <= 27", over the features below or objective labels
    [[objectives]]           # name (a registered objective), direction, its parameters

Choices are written as a list (``count = [0, 1, 2]``), a range (``count = {min = 3, max = 6}``,
optional ``step``) or a single value. Each combination of choices is one candidate council; it
becomes a real :class:`~unsclab.designs.Design` (:meth:`Space.design`), whose id is a hash of
the values that define it, so every design is rebuilt from its row.

The veto rule
    ``one``: the P5 and the seat families with ``veto = true`` hold the Charter's veto;
    ``two``: the same holders, but a veto needs two negative votes (Gould & Rablen 2017);
    ``none``: nobody holds a veto; ``deferred``: the P5 keep their veto, the families with
    ``veto = true`` hold it in law but do not exercise it until a review (as in A/59/L.64).

Features usable in constraints
    ``size``, ``quota``, ``quota_fraction``, ``veto`` (the rule, a string), ``negatives``,
    ``veto_holders`` (seats exercising a veto), ``new_vetoes``, ``deferred_vetoes``, ``p5``,
    ``p5_veto``, ``permanent``, ``long_term``, ``elected``, and per regional group ``G``:
    ``seats_G``, ``permanent_G``, ``long_term_G``, ``elected_G``, ``veto_G`` (the P5 count in
    their own groups: China in APG, Russia in EEG, France, the UK and the US in WEOG); per seat
    family, ``count_<id>`` (hyphens as underscores). Constraints that name an objective's label
    are applied after evaluation (``coleman_act >= 0.02``).

Duplicates are removed before anything is evaluated: a family with no seats, a veto flag under
``veto = "none"``, or a quota fraction that rounds to the same quota as an earlier one does not
make a new council.
"""

from __future__ import annotations

__all__ = ["Space", "SpaceError", "load_space", "parse_space", "ENUMERATE_LIMIT", "FEATURE_HELP"]

import ast
import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from unsclab.designs.io import _field_lines, _line_for, _problems_from_validation
from unsclab.designs.model import Design, check_group, check_slug
from unsclab.errors import Problem, UnsclabError
from unsclab.groups import GROUPS, OPEN
from unsclab.inputs import parse_toml

#: Choices of one field of a search space (a range such as ``count = {max = 100000000}`` once
#: tried to build a list of 10**8 values).
MAX_CHOICES = 1_000
#: Characters of one constraint (a 20,000-term sum overflowed Python's parser).
MAX_CONSTRAINT_CHARS = 2_000
#: Designs one search may evaluate.
MAX_BUDGET = 1_000_000

#: Spaces with at most this many combinations are enumerated in full (then sampled down to the
#: budget if needed); larger ones are sampled by rejection, seeded.
ENUMERATE_LIMIT = 250_000
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")
VETO_RULES = ("one", "two", "none", "deferred")
FEATURE_HELP = (
    "size, quota, quota_fraction, veto, negatives, veto_holders, new_vetoes, deferred_vetoes, p5, "
    "p5_veto, permanent, long_term, elected, seats_G / permanent_G / long_term_G / elected_G / "
    "veto_G for G in AG, APG, EEG, GRULAC, WEOG, open; count_<family id>"
)


class SpaceError(UnsclabError):
    """A search space file that cannot be read, is invalid, or describes no council."""


# -- the file's schema ---------------------------------------------------------------------------


def _choices(value: Any, kind: type, what: str) -> tuple:
    """A list / range table / single value → a tuple of distinct values of ``kind``."""
    if isinstance(value, dict):
        extra = set(value) - {"min", "max", "step"}
        if extra or "min" not in value or "max" not in value:
            raise ValueError(f"expected a range as {{min = …, max = …, step = …}}, got {value!r}")
        lo, hi, step = value["min"], value["max"], value.get("step", 1)
        for x in (lo, hi, step):
            _check_type(x, kind if kind is not bool else int, what)
        if step <= 0:
            raise ValueError(f"expected a positive step, got {step!r}")
        if lo > hi:
            raise ValueError(f"empty range: min {lo!r} is above max {hi!r}")
        n = math.floor((hi - lo) / step + 1e-9) + 1
        if n > MAX_CHOICES:  # refused by size, before a list of 10**8 values is built
            raise ValueError(f"the range has {n} values; expected at most {MAX_CHOICES} "
                             "choices per field (a larger step narrows it)")
        if kind is int:
            items = list(range(lo, hi + 1, step))
        else:
            count = int(math.floor((hi - lo) / step + 1e-9)) + 1
            items = [round(lo + i * step, 10) for i in range(count)]
    elif isinstance(value, list):
        items = value
        if len(items) > MAX_CHOICES:
            raise ValueError(f"{len(items)} choices; expected at most {MAX_CHOICES} per field")
    else:
        items = [value]
    if not items:
        raise ValueError("expected at least one choice; an empty list leaves nothing to search")
    out: list = []
    for x in items:
        _check_type(x, kind, what)
        x = float(x) if kind is float else x
        if x not in out:
            out.append(x)
    return tuple(out)


def _check_type(x: Any, kind: type, what: str) -> None:
    ok = (isinstance(x, bool) if kind is bool else
          isinstance(x, int) and not isinstance(x, bool) if kind is int else
          isinstance(x, (int, float)) and not isinstance(x, bool) if kind is float else
          isinstance(x, kind))
    if not ok:
        raise ValueError(f"expected {what}, got {x!r}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SearchSpec(_Strict):
    id: str = Field(description="Short id, lower-case letters, digits and hyphens; prefixes design ids.")
    name: str = ""
    year: int = Field(2025, ge=1945, le=2200)
    budget: int = Field(10_000, ge=1, le=MAX_BUDGET,
                        description="Evaluate at most this many designs (sample above).")
    seed: int = Field(0, ge=0, description="Seed of the sampling (the CLI's --seed overrides it).")
    chunk_size: int = Field(500, ge=1, description="Designs per Parquet part.")
    p5: bool = Field(True, description="Keep the five permanent members as named permanent seats.")
    review_after_years: int = Field(15, ge=1, description="Review of deferred vetoes (veto = deferred).")
    store_toml: bool = Field(False, description="Keep every design's TOML in the table (the front's "
                                                "is always kept; any row rebuilds its design).")

    _slug = field_validator("id")(classmethod(lambda cls, v: check_slug(v)))


class RuleSpec(_Strict):
    veto: Any = ("one",)
    quota: Any = None
    quota_fraction: Any = None

    @field_validator("veto")
    @classmethod
    def _veto(cls, v: Any) -> tuple:
        out = _choices(list(v) if isinstance(v, tuple) else v, str, "a veto rule")
        for x in out:
            if x not in VETO_RULES:
                raise ValueError(f"expected veto rules among {', '.join(VETO_RULES)}, got {x!r}")
        return out

    @field_validator("quota")
    @classmethod
    def _quota(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, int, "a whole number of affirmative votes")
        if min(out) < 1:
            raise ValueError(f"expected quotas of at least 1, got {min(out)}")
        return out

    @field_validator("quota_fraction")
    @classmethod
    def _fraction(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, float, "a fraction of the seats between 0 and 1")
        for x in out:
            if not 0 < x <= 1:
                raise ValueError(f"expected a fraction of the seats in (0, 1], got {x!r}")
        return out


class SeatFamily(_Strict):
    id: str | None = None
    kind: Literal["permanent", "long-term", "elected"]
    group: str = OPEN
    label: str | None = None
    count: Any
    veto: Any = (False,)
    term_years: Any = None
    re_eligible: Any = None
    eligible: tuple[str, ...] = ()
    eligible_bloc: str | None = None

    _slug = field_validator("id")(classmethod(lambda cls, v: v if v is None else check_slug(v)))
    _group = field_validator("group")(classmethod(lambda cls, v: check_group(v)))

    @field_validator("count")
    @classmethod
    def _count(cls, v: Any) -> tuple:
        out = _choices(v, int, "a whole number of seats")
        if min(out) < 0:
            raise ValueError(f"expected counts of at least 0, got {min(out)}")
        return out

    @field_validator("veto", "re_eligible")
    @classmethod
    def _bools(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        return _choices(list(v) if isinstance(v, tuple) else v, bool, "true or false")

    @field_validator("term_years")
    @classmethod
    def _terms(cls, v: Any) -> tuple | None:
        if v is None:
            return None
        out = _choices(v, int, "a whole number of years")
        if min(out) < 1:
            raise ValueError(f"expected terms of at least 1 year, got {min(out)}")
        return out


class ConstraintSpec(_Strict):
    expr: str = Field(min_length=1)
    note: str | None = None


class ObjectiveSpec(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)
    name: str
    direction: Literal["maximise", "minimise"] | None = None
    label: str | None = None


class SpaceFile(_Strict):
    search: SearchSpec
    rule: RuleSpec = RuleSpec()
    seats: tuple[SeatFamily, ...] = Field(min_length=1)
    constraints: tuple[ConstraintSpec, ...] = ()
    objectives: tuple[ObjectiveSpec, ...] = Field(min_length=1)


# -- constraint expressions ----------------------------------------------------------------------

_BINOPS = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: np.true_divide}
_CMPOPS = {ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater, ast.GtE: np.greater_equal,
           ast.Eq: np.equal, ast.NotEq: np.not_equal}
_FUNCS = {"abs": lambda x: np.abs(x), "min": np.minimum, "max": np.maximum}


def _compile(expr: str) -> tuple[ast.AST, set[str]]:
    """Parse a constraint; ValueError naming what is not allowed."""
    if len(expr) > MAX_CONSTRAINT_CHARS:  # refused by size: Python's parser recurses
        raise ValueError(f"a constraint of {len(expr)} characters; expected at most "
                         f"{MAX_CONSTRAINT_CHARS}")
    try:
        tree = ast.parse(expr.strip(), mode="eval")
    except RecursionError:
        raise ValueError("a constraint nested too deeply; expected a simpler expression") from None
    except SyntaxError as err:
        raise ValueError(f"cannot parse {expr!r} ({err.msg}); expected e.g. 'size <= 27'") from None
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Name) and node.func.id in _FUNCS) or node.keywords:
                raise ValueError(f"only abs(), min() and max() may be called in {expr!r}")
        elif isinstance(node, ast.Constant):
            if not isinstance(node.value, (int, float, str, bool)):
                raise ValueError(f"unexpected constant {node.value!r} in {expr!r}")
        elif not isinstance(node, (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not,
                                   ast.USub, ast.BinOp, ast.Compare, ast.Load,
                                   *_BINOPS, *_CMPOPS)):
            raise ValueError(f"{type(node).__name__} is not allowed in a constraint ({expr!r}); "
                             "use comparisons, and/or/not, + - * / and abs/min/max")
    names -= set(_FUNCS) | {"true", "false", "True", "False"}
    return tree, names


def _eval(node: ast.AST, env: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval(node.body, env)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in ("true", "True"):
            return True
        if node.id in ("false", "False"):
            return False
        return env[node.id]
    if isinstance(node, ast.BoolOp):
        vals = [np.asarray(_eval(v, env), dtype=bool) for v in node.values]
        op = np.logical_and if isinstance(node.op, ast.And) else np.logical_or
        out = vals[0]
        for v in vals[1:]:
            out = op(out, v)
        return out
    if isinstance(node, ast.UnaryOp):
        val = _eval(node.operand, env)
        return np.logical_not(val) if isinstance(node.op, ast.Not) else np.negative(val)
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](_eval(node.left, env), _eval(node.right, env))
    if isinstance(node, ast.Compare):
        left = _eval(node.left, env)
        out = True
        for op, comp in zip(node.ops, node.comparators, strict=True):
            right = _eval(comp, env)
            out = np.logical_and(out, _CMPOPS[type(op)](left, right))
            left = right
        return out
    if isinstance(node, ast.Call):
        return _FUNCS[node.func.id](*[_eval(a, env) for a in node.args])
    raise ValueError(f"unexpected {type(node).__name__}")  # pragma: no cover (checked by _compile)


# -- the validated space --------------------------------------------------------------------------


@dataclass(frozen=True)
class Dim:
    """One dimension of the space: a column of the parameter table and its choices."""

    name: str  # column name, e.g. "elected-ag.count"
    field: str  # where it is written in the file, e.g. "seats[3].count"
    values: tuple


@dataclass(frozen=True)
class Constraint:
    expr: str
    field: str
    line: int | None
    tree: ast.AST
    names: frozenset[str]
    after: bool  # names an objective: applied after evaluation


@dataclass(frozen=True)
class BoundObjective:
    label: str  # column name
    name: str  # registered objective
    direction: str  # maximise / minimise
    params: dict
    func: Any  # f(design, evaluation) -> float


class Space:
    """A validated search space. Build with :func:`load_space` or :func:`parse_space`."""

    def __init__(self, spec: SpaceFile, text: str, file: str | None,
                 families: list[tuple[str, SeatFamily, tuple[str, ...]]],
                 constraints: list[Constraint], objectives: list[BoundObjective]) -> None:
        self.spec = spec
        self.text = text
        self.file = file
        self.families = families  # (class id, family, resolved eligible list)
        self.constraints = constraints
        self.objectives = objectives
        self.dims = self._dims()

    # -- identity ---------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.spec.search.id

    @cached_property
    def key(self) -> str:
        """Hash of the space's content (not its layout or comments)."""
        blob = json.dumps(self.spec.model_dump(mode="json"), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()

    # -- dimensions -------------------------------------------------------------------------

    def _dims(self) -> list[Dim]:
        r = self.spec.rule
        dims = [Dim("veto", "rule.veto", r.veto)]
        if r.quota is not None:
            dims.append(Dim("quota", "rule.quota", r.quota))
        else:
            dims.append(Dim("quota_fraction", "rule.quota_fraction", r.quota_fraction))
        for i, (cid, fam, _) in enumerate(self.families):
            where = f"seats[{i + 1}]"
            dims.append(Dim(f"{cid}.count", f"{where}.count", fam.count))
            if fam.kind != "elected":
                dims.append(Dim(f"{cid}.veto", f"{where}.veto", fam.veto))
            if fam.kind != "permanent":
                dims.append(Dim(f"{cid}.term_years", f"{where}.term_years", fam.term_years))
                dims.append(Dim(f"{cid}.re_eligible", f"{where}.re_eligible", fam.re_eligible))
        return dims

    @property
    def combinations(self) -> int:
        """Number of combinations of choices (before removing invalid and duplicate ones)."""
        return math.prod(len(d.values) for d in self.dims)

    def _columns(self, digits: np.ndarray) -> dict[str, np.ndarray]:
        cols = {}
        for j, d in enumerate(self.dims):
            kind = object if isinstance(d.values[0], str) else None
            arr = np.array(d.values, dtype=kind)
            cols[d.name] = arr[digits[:, j]]
        return cols

    def features(self, digits: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
        """Features of candidates given by choice indices (one row per candidate, one column per
        dimension): ``(features, valid, redundant)``, all vectorised."""
        from unsclab.explore.evaluation import context

        n = len(digits)
        cols = self._columns(digits)
        p5 = self.spec.search.p5
        veto = cols["veto"].astype(str)
        exercised = (veto == "one") | (veto == "two")
        deferred = veto == "deferred"
        zero = np.zeros(n, dtype=np.int64)
        f: dict[str, np.ndarray] = {}
        size = zero + (5 if p5 else 0)
        kinds = {"permanent": zero + (5 if p5 else 0), "long-term": zero.copy(), "elected": zero.copy()}
        by_group = {g: {k: zero.copy() for k in ("seats", "permanent", "long_term", "elected", "veto")}
                    for g in (*GROUPS, OPEN)}
        p5_veto = (veto != "none") & p5
        if p5:
            ctx = context()
            for c in P5:
                g = ctx.group[ctx.index[c]] or OPEN
                by_group[g]["seats"] += 1
                by_group[g]["permanent"] += 1
                by_group[g]["veto"] += p5_veto.astype(np.int64)
        new_vetoes = zero.copy()
        deferred_vetoes = zero.copy()
        redundant = np.zeros(n, dtype=bool)
        for cid, fam, _ in self.families:
            count = cols[f"{cid}.count"].astype(np.int64)
            f["count_" + cid.replace("-", "_")] = count
            size = size + count
            kinds[fam.kind] += count
            g = by_group[fam.group]
            g["seats"] += count
            g[fam.kind.replace("-", "_")] += count
            empty = count == 0
            idx = {d.name: j for j, d in enumerate(self.dims)}
            for dname in (f"{cid}.veto", f"{cid}.term_years", f"{cid}.re_eligible"):
                if dname in idx:
                    redundant |= empty & (digits[:, idx[dname]] != 0)
            if fam.kind != "elected":
                flag = cols[f"{cid}.veto"].astype(bool)
                new_vetoes += count * (flag & exercised)
                deferred_vetoes += count * (flag & deferred)
                g["veto"] += count * (flag & exercised)
                redundant |= (veto == "none") & (digits[:, idx[f"{cid}.veto"]] != 0)
        veto_holders = new_vetoes + np.where(p5_veto, 5, 0)
        if "quota" in cols:
            quota = cols["quota"].astype(np.int64)
        else:
            fr = cols["quota_fraction"].astype(float)
            quota = np.ceil(fr * size - 1e-9).astype(np.int64)
            j = [d.name for d in self.dims].index("quota_fraction")
            for k, other in enumerate(self.dims[j].values):
                earlier = digits[:, j] > k
                redundant |= earlier & (np.ceil(other * size - 1e-9).astype(np.int64) == quota)
        valid = (size >= 1) & (quota >= 1) & (quota <= size)
        valid &= ~((veto == "one") & (veto_holders < 1))
        valid &= ~((veto == "two") & (veto_holders < 2))
        valid &= ~(deferred & (deferred_vetoes < 1))
        negatives = np.where(veto == "two", 2, np.where(veto_holders > 0, 1, 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            qf = np.where(size > 0, quota / np.maximum(size, 1), 0.0)
        f.update({
            "size": size, "quota": quota, "quota_fraction": qf, "veto": veto,
            "negatives": negatives, "veto_holders": veto_holders, "new_vetoes": new_vetoes,
            "deferred_vetoes": deferred_vetoes, "p5": np.full(n, p5), "p5_veto": p5_veto,
            "permanent": kinds["permanent"], "long_term": kinds["long-term"],
            "elected": kinds["elected"],
        })
        for g, table in by_group.items():
            for k, arr in table.items():
                f[f"{k}_{g}"] = arr
        return f, valid, redundant

    def _structural(self, feats: dict[str, np.ndarray], n: int) -> list[np.ndarray]:
        out = []
        for c in self.constraints:
            if c.after:
                continue
            val = np.broadcast_to(np.asarray(_eval(c.tree, feats), dtype=bool), (n,))
            out.append(val)
        return out

    # -- candidates ---------------------------------------------------------------------------

    def candidates(self, seed: int | None = None, budget: int | None = None):
        """The designs to evaluate, as a pandas DataFrame (one row per design: ``id``, the
        dimensions' values and the features), and a dict describing how they were chosen.

        At most ``budget`` designs (default: the file's). Spaces of up to
        :data:`ENUMERATE_LIMIT` combinations are enumerated; if more designs pass the
        constraints than the budget allows, ``budget`` of them are drawn without replacement
        with ``numpy.random.default_rng(seed)``. Larger spaces are sampled by rejection with the
        same generator. Raises :class:`SpaceError` when no design is left, naming the constraint
        that no design meets where there is one.
        """
        import pandas as pd

        seed = self.spec.search.seed if seed is None else seed
        budget = self.spec.search.budget if budget is None else budget
        rng = np.random.default_rng(seed)
        radix = np.array([len(d.values) for d in self.dims], dtype=np.int64)
        total = self.combinations
        if total <= ENUMERATE_LIMIT:
            idx = np.arange(total, dtype=np.int64)
            digits = _decode(idx, radix)
            feats, valid, redundant = self.features(digits)
            cons = self._structural(feats, len(digits))
            self._check_possible(feats, valid & ~redundant, cons, sampled=False)
            keep = valid & ~redundant
            for c in cons:
                keep &= c
            rows = np.flatnonzero(keep)
            feasible = len(rows)
            mode = "enumerated"
            if feasible > budget:
                rows = np.sort(rng.choice(rows, size=budget, replace=False))
                mode = "sampled"
            digits = digits[rows]
            feats = {k: v[rows] for k, v in feats.items()}
        else:
            mode = "sampled"
            feasible = None
            batch = max(4 * budget, 20_000)
            chosen: list[np.ndarray] = []
            seen: set[bytes] = set()
            got = 0
            first = True
            for _ in range(200):
                digits_b = np.stack([rng.integers(0, r, size=batch) for r in radix], axis=1)
                feats_b, valid, redundant = self.features(digits_b)
                cons = self._structural(feats_b, batch)
                if first:
                    self._check_possible(feats_b, valid & ~redundant, cons, sampled=True)
                    first = False
                keep = valid & ~redundant
                for c in cons:
                    keep &= c
                for i in np.flatnonzero(keep):
                    key = digits_b[i].tobytes()
                    if key in seen:
                        continue
                    seen.add(key)
                    chosen.append(digits_b[i])
                    got += 1
                    if got >= budget:
                        break
                if got >= budget:
                    break
            digits = np.stack(chosen)
            feats, _, _ = self.features(digits)
        cols = self._columns(digits)
        table = pd.DataFrame({d.name: _plain(cols[d.name]) for d in self.dims})
        for name in ("size", "quota", "quota_fraction", "veto_holders", "negatives",
                     "permanent", "long_term", "elected"):
            table["f." + name] = feats[name]
        table.insert(0, "id", [self.design_id(r) for r in table[[d.name for d in self.dims]]
                               .to_dict("records")])
        info = {"mode": mode, "combinations": total, "feasible": feasible,
                "candidates": len(table), "seed": seed, "budget": budget}
        return table, info

    def _check_possible(self, feats, valid, cons, *, sampled: bool) -> None:
        where = "sampled design" if sampled else "design in the space"
        if not valid.any():
            raise SpaceError(
                f"the space is empty: no {where} is a valid council (check the quotas against "
                "the sizes and that a veto rule has veto holders)", file=self.file,
                line=_line_for(("seats",), _field_lines(self.text)), field="seats")
        structural = [c for c in self.constraints if not c.after]
        for c, val in zip(structural, cons, strict=True):
            if not (val & valid).any():
                hint = _range_hint(c.tree, feats, valid)
                raise SpaceError(f"impossible constraint: no {where} satisfies {c.expr!r}{hint}",
                                 file=self.file, line=c.line, field=c.field)
        both = valid.copy()
        for val in cons:
            both &= val
        if not both.any():
            raise SpaceError(f"no {where} satisfies all the constraints together "
                             f"({'; '.join(c.expr for c in structural)})",
                             file=self.file, line=structural[0].line if structural else None,
                             field="constraints")

    # -- designs ------------------------------------------------------------------------------

    def design_key(self, row: Mapping[str, Any]) -> dict:
        """The values that define the design of a row (duplicates share them)."""
        size = (5 if self.spec.search.p5 else 0) + sum(int(row[f"{cid}.count"])
                                                      for cid, _, _ in self.families)
        quota = (int(row["quota"]) if "quota" in row
                 else math.ceil(float(row["quota_fraction"]) * size - 1e-9))
        fams = []
        for cid, fam, _ in self.families:
            count = int(row[f"{cid}.count"])
            if not count:
                continue
            entry = [cid, count]
            if fam.kind != "elected":
                entry.append(bool(row[f"{cid}.veto"]) and row["veto"] != "none")
            if fam.kind != "permanent":
                entry += [int(row[f"{cid}.term_years"]), bool(row[f"{cid}.re_eligible"])]
            fams.append(entry)
        return {"p5": self.spec.search.p5, "veto": str(row["veto"]), "quota": quota, "seats": fams}

    def design_id(self, row: Mapping[str, Any]) -> str:
        blob = json.dumps(self.design_key(row), sort_keys=True)
        return f"{self.id}-{hashlib.sha1(blob.encode()).hexdigest()[:10]}"

    def design_dict(self, row: Mapping[str, Any]) -> dict:
        """The design of a row as a plain dict (the shape of a design file)."""
        key = self.design_key(row)
        search = self.spec.search
        seats: list[dict] = []
        if search.p5:
            seats.append({"id": "permanent", "label": "Permanent members (P5)", "kind": "permanent",
                          "count": 5, "group": OPEN, "holders": list(P5)})
        flagged = []
        famd = {cid: (fam, elig) for cid, fam, elig in self.families}
        for entry in key["seats"]:
            cid, count = entry[0], entry[1]
            fam, elig = famd[cid]
            seat = {"id": cid, "kind": fam.kind, "count": count, "group": fam.group}
            if fam.label:
                seat["label"] = fam.label
            if fam.kind != "permanent":
                seat["term_years"] = entry[-2]
                seat["re_eligible"] = entry[-1]
            if elig:
                seat["eligible"] = list(elig)
            if fam.kind != "elected" and entry[2]:
                flagged.append(cid)
            seats.append(seat)
        veto: dict[str, Any] = {}
        rule = key["veto"]
        if rule in ("one", "two"):
            veto["classes"] = (["permanent"] if search.p5 else []) + flagged
            veto["negatives"] = 2 if rule == "two" else 1
        elif rule == "deferred":
            veto["classes"] = ["permanent"] if search.p5 else []
            veto["deferred"] = flagged
            veto["review_after_years"] = search.review_after_years
        size = sum(s["count"] for s in seats)
        kinds = {k: sum(s["count"] for s in seats if s["kind"] == k)
                 for k in ("permanent", "long-term", "elected")}
        desc = (f"{size} seats ({kinds['permanent']} permanent, {kinds['long-term']} long-term, "
                f"{kinds['elected']} elected), quota {key['quota']}, veto: {rule}")
        return {
            "id": self.design_id(row),
            "name": f"{search.name or search.id}: {desc}",
            "year": search.year,
            "status": "hypothetical",
            "summary": f"Generated by unsclab explore from search space {search.id!r}: {desc}.",
            "rule": {"quota": key["quota"], "procedural_quota": key["quota"], "veto": veto},
            "seats": seats,
            "sources": [{
                "title": f"unsclab explore, search space {search.id!r}",
                "note": "A point of a design space, not a tabled proposal; rebuilt from its "
                        "parameters by unsclab.explore.Space.design.",
            }],
            "assumptions": [{
                "field": "rule.procedural_quota",
                "note": "Taken equal to the substantive quota.",
            }],
        }

    def design(self, row: Mapping[str, Any]) -> Design:
        """The :class:`Design` of one row of the candidates (or results) table."""
        from unsclab.designs.io import design_from_dict

        return design_from_dict(self.design_dict(row))

    def param_row(self, row: Mapping[str, Any]) -> dict:
        """Only the dimensions' values of a row."""
        return {d.name: _scalar(row[d.name]) for d in self.dims}


def _plain(arr: np.ndarray) -> list:
    return [_scalar(x) for x in arr.tolist()]


def _scalar(x: Any) -> Any:
    if isinstance(x, np.generic):
        return x.item()
    return x


def _decode(idx: np.ndarray, radix: np.ndarray) -> np.ndarray:
    """Mixed-radix digits of ``idx`` (first dimension most significant)."""
    digits = np.zeros((len(idx), len(radix)), dtype=np.int32)
    rest = idx.copy()
    for j in range(len(radix) - 1, -1, -1):
        digits[:, j] = rest % radix[j]
        rest //= radix[j]
    return digits


def _range_hint(tree: ast.AST, feats, valid) -> str:
    body = tree.body if isinstance(tree, ast.Expression) else tree
    if isinstance(body, ast.Compare) and isinstance(body.left, ast.Name) and body.left.id in feats:
        vals = feats[body.left.id][valid]
        if len(vals) and np.issubdtype(np.asarray(vals).dtype, np.number):
            lo, hi = np.min(vals), np.max(vals)
            return f" ({body.left.id} ranges from {_fmt(lo)} to {_fmt(hi)} in the space)"
    return ""


def _fmt(x: Any) -> str:
    x = _scalar(x)
    return f"{x:.4g}" if isinstance(x, float) else str(x)


# -- parsing ------------------------------------------------------------------------------------

_DEFAULT_IDS = {"AG": "ag", "APG": "apg", "EEG": "eeg", "GRULAC": "grulac", "WEOG": "weog",
                OPEN: "open"}


def parse_space(text: str, file: str | None = None) -> Space:
    """Parse and validate a search space from TOML text (see the module docstring).

    Raises :class:`SpaceError` with one line per problem: file, line, field, what was expected.
    """
    return _parse_cached(text, file)


@lru_cache(maxsize=32)
def _parse_cached(text: str, file: str | None) -> Space:
    from unsclab.explore.objectives import OBJECTIVES, bind

    data = parse_toml(text, file, error=SpaceError)
    lines = _field_lines(text)
    try:
        spec = SpaceFile.model_validate(data)
    except ValidationError as err:
        problems = _problems_from_validation(err, file, lines, model=SpaceFile)
        raise SpaceError(problems=problems) from None

    problems: list[Problem] = []

    def problem(msg: str, loc: tuple) -> None:
        field = ""
        for part in loc:
            field += f"[{part + 1}]" if isinstance(part, int) else ("." if field else "") + part
        problems.append(Problem(msg, file=file, line=_line_for(loc, lines), field=field))

    # rule
    r = spec.rule
    if r.quota is not None and r.quota_fraction is not None:
        problem("give quota or quota_fraction, not both", ("rule", "quota_fraction"))
    if r.quota is None and r.quota_fraction is None:
        problem("expected quota (affirmative votes) or quota_fraction (of the seats), "
                "e.g. quota_fraction = [0.6]", ("rule",))
    # families
    families: list[tuple[str, SeatFamily, tuple[str, ...]]] = []
    ids: set[str] = {"permanent"} if spec.search.p5 else set()
    for i, fam in enumerate(spec.seats):
        loc = ("seats", i)
        cid = fam.id or f"{fam.kind}-{_DEFAULT_IDS[fam.group]}"
        if cid in ids:
            problem(f"seat family id {cid!r} is used twice (the P5 class is 'permanent'); "
                    "give each family its own id", loc + ("id",))
        ids.add(cid)
        updates: dict[str, Any] = {}
        if fam.kind == "elected" and "veto" in fam.model_fields_set and any(fam.veto):
            problem("elected seats cannot hold a veto; use kind = \"permanent\" or \"long-term\"",
                    loc + ("veto",))
        if fam.kind == "permanent":
            for key in ("term_years", "re_eligible"):
                if getattr(fam, key) is not None:
                    problem(f"a permanent seat has no term; remove {key}", loc + (key,))
        else:
            if fam.term_years is None:
                if fam.kind == "long-term":
                    problem("a long-term family needs term_years, e.g. [4, 6]", loc + ("kind",))
                updates["term_years"] = (2,)
            if fam.re_eligible is None:
                updates["re_eligible"] = (False,)
        elig: tuple[str, ...] = ()
        if fam.eligible and fam.eligible_bloc:
            problem("give eligible or eligible_bloc, not both", loc + ("eligible_bloc",))
        elif fam.eligible or fam.eligible_bloc:
            elig, msg = _eligible(fam)
            if msg:
                problem(msg, loc + ("eligible_bloc" if fam.eligible_bloc else "eligible",))
        if updates:
            fam = fam.model_copy(update=updates)
        families.append((cid, fam, elig))
    # objectives
    objectives: list[BoundObjective] = []
    labels: set[str] = set()
    for i, obj in enumerate(spec.objectives):
        loc = ("objectives", i)
        if obj.name not in OBJECTIVES:
            problem(f"unknown objective {obj.name!r}; expected one of {', '.join(sorted(OBJECTIVES))}",
                    loc + ("name",))
            continue
        params = dict(obj.model_extra or {})
        try:
            func = bind(obj.name, params)
        except ValueError as err:
            key, _, msg = str(err).partition(": ")
            problem(msg, loc + ((key,) if key in params else ("name",)))
            continue
        label = obj.label or _default_label(obj.name, params)
        if label in labels:
            problem(f"two objectives are labelled {label!r}; give one a distinct label",
                    loc + ("label",))
        labels.add(label)
        objectives.append(BoundObjective(label, obj.name, obj.direction
                                         or OBJECTIVES[obj.name].direction, params, func))
    # constraints
    constraints: list[Constraint] = []
    # feature names come from a one-row dry run of the features
    feature_names: set[str] = set()
    if not problems:
        probe = Space(spec, text, file, families, [], objectives)
        feature_names = set(probe.features(np.zeros((1, len(probe.dims)), dtype=np.int64))[0])
    for i, con in enumerate(spec.constraints):
        loc = ("constraints", i, "expr")
        try:
            tree, names = _compile(con.expr)
        except ValueError as err:
            problem(str(err), loc)
            continue
        if not feature_names:
            continue
        unknown = sorted(names - feature_names - labels)
        if unknown:
            problem(f"unknown name {unknown[0]!r} in {con.expr!r}; expected features ({FEATURE_HELP}) "
                    f"or objective labels ({', '.join(sorted(labels)) or 'none'})", loc)
            continue
        after = bool(names & labels)
        if after and names & feature_names - labels:
            problem(f"{con.expr!r} mixes objectives and features; write two constraints", loc)
            continue
        constraints.append(Constraint(con.expr, f"constraints[{i + 1}].expr",
                                      _line_for(loc, lines), tree, frozenset(names), after))
    if problems:
        raise SpaceError(problems=problems)
    return Space(spec, text, file, families, constraints, objectives)


def _default_label(name: str, params: dict) -> str:
    if not params:
        return name
    parts = []
    for k in sorted(params):
        v = params[k]
        parts.append("+".join(map(str, v)) if isinstance(v, list) else str(v))
    return f"{name}[{','.join(parts)}]"


def _eligible(fam: SeatFamily) -> tuple[tuple[str, ...], str | None]:
    from unsclab.blocs import parse_bloc
    from unsclab.states import is_member, state

    if fam.eligible_bloc:
        try:
            members = parse_bloc(fam.eligible_bloc).members
        except UnsclabError as err:
            return (), err.problems[0].message
        codes = tuple(c for c in members if fam.group == OPEN or state(c).group == fam.group)
        if not codes:
            return (), f"no member of bloc {fam.eligible_bloc!r} belongs to group {fam.group}"
        return codes, None
    for c in fam.eligible:
        if not is_member(c):
            return (), f"unknown state code {c!r}; expected ISO3 codes of UN member states"
        if fam.group != OPEN and state(c).group != fam.group:
            return (), f"{c} belongs to {state(c).group}, not to this family's group {fam.group}"
    return tuple(fam.eligible), None


def load_space(path: str | Path) -> Space:
    """Read and validate a search space file (at most 1 MiB, a regular file)."""
    from unsclab.inputs import read_text

    text = read_text(path, error=SpaceError, what="a search space TOML file")
    return parse_space(text, file=str(path))
