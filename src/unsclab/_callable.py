"""``unsclab.power(...)`` and ``unsclab.replay(...)``: packages that can be called.

``unsclab.power`` and ``unsclab.replay`` are packages (the engines); the notebook API wants the
same names as functions (:func:`unsclab.api.power`, :func:`unsclab.api.replay`). Giving the
package module a class with ``__call__`` keeps both: ``unsclab.power.banzhaf`` is the index,
``unsclab.power("status-quo", by="group")`` the DataFrame-backed result.
"""

from __future__ import annotations

__all__ = ["make_callable"]

import importlib
import sys
import types


def make_callable(module_name: str, target: str) -> None:
    """Make the module ``module_name`` callable as the function ``target`` ("pkg.mod.func")."""
    where, _, attr = target.rpartition(".")

    class CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):
            return getattr(importlib.import_module(where), attr)(*args, **kwargs)

    sys.modules[module_name].__class__ = CallableModule
