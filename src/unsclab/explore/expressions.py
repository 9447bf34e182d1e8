"""Constraint expressions of a search space, compiled once and evaluated on numpy feature arrays.

A constraint (``size <= 27 and elected_AG >= 3``) may use comparisons, ``and`` / ``or`` /
``not``, ``+ - * /`` and ``abs`` / ``min`` / ``max``; anything else is refused by
:func:`compile_constraint` before evaluation, with a message naming what is not allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from typing import Any

import numpy as np

from unsclab.explore.schema import MAX_CONSTRAINT_CHARS

_BINOPS = {ast.Add: np.add, ast.Sub: np.subtract, ast.Mult: np.multiply, ast.Div: np.true_divide}
_CMPOPS = {ast.Lt: np.less, ast.LtE: np.less_equal, ast.Gt: np.greater, ast.GtE: np.greater_equal,
           ast.Eq: np.equal, ast.NotEq: np.not_equal}
_FUNCS = {"abs": lambda x: np.abs(x), "min": np.minimum, "max": np.maximum}


def compile_constraint(expr: str) -> tuple[ast.AST, set[str]]:
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


def evaluate(node: ast.AST, env: Mapping[str, Any]) -> Any:
    """The value of a compiled constraint over ``env`` (feature arrays): a boolean array."""
    if isinstance(node, ast.Expression):
        return evaluate(node.body, env)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in ("true", "True"):
            return True
        if node.id in ("false", "False"):
            return False
        return env[node.id]
    if isinstance(node, ast.BoolOp):
        vals = [np.asarray(evaluate(v, env), dtype=bool) for v in node.values]
        op = np.logical_and if isinstance(node.op, ast.And) else np.logical_or
        out = vals[0]
        for v in vals[1:]:
            out = op(out, v)
        return out
    if isinstance(node, ast.UnaryOp):
        val = evaluate(node.operand, env)
        return np.logical_not(val) if isinstance(node.op, ast.Not) else np.negative(val)
    if isinstance(node, ast.BinOp):
        return _BINOPS[type(node.op)](evaluate(node.left, env), evaluate(node.right, env))
    if isinstance(node, ast.Compare):
        left = evaluate(node.left, env)
        out = True
        for op, comp in zip(node.ops, node.comparators, strict=True):
            right = evaluate(comp, env)
            out = np.logical_and(out, _CMPOPS[type(op)](left, right))
            left = right
        return out
    if isinstance(node, ast.Call):
        return _FUNCS[node.func.id](*[evaluate(a, env) for a in node.args])
    raise ValueError(f"unexpected {type(node).__name__}")  # pragma: no cover (checked by compile_constraint)


def range_hint(tree: ast.AST, feats, valid) -> str:
    """For ``feature <op> value``: the feature's range among the valid candidates, as a hint."""
    body = tree.body if isinstance(tree, ast.Expression) else tree
    if isinstance(body, ast.Compare) and isinstance(body.left, ast.Name) and body.left.id in feats:
        vals = feats[body.left.id][valid]
        if len(vals) and np.issubdtype(np.asarray(vals).dtype, np.number):
            lo, hi = np.min(vals), np.max(vals)
            return f" ({body.left.id} ranges from {_fmt(lo)} to {_fmt(hi)} in the space)"
    return ""


def _fmt(x: Any) -> str:
    x = x.item() if isinstance(x, np.generic) else x
    return f"{x:.4g}" if isinstance(x, float) else str(x)
