"""What the web app computes, with its limits and caches; no FastAPI here.

- :class:`Limits` bound the work one request may ask for: body size, seats and seat classes of
  a posted design, designs per comparison, Monte Carlo draws (for replay), and a timeout.
- Catalogue results are cached for the life of the process (the catalogue is read-only) and in
  the user cache between processes (:mod:`unsclab.web.store`); results of posted designs are
  cached by the design's content (an LRU of bounded size).
- The only files written are those checked caches: the catalogue and the working folder are
  never touched.
"""

from __future__ import annotations

__all__ = ["Limits", "DEFAULT_LIMITS", "parse_posted_design", "catalog_view", "view_of",
           "check_work", "catalog_summaries", "catalog_design", "occupancy_of", "replay_of"]

import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from unsclab.designs import design_from_dict, load_catalog, parse_design
from unsclab.designs.io import catalog_ids
from unsclab.designs.model import Design
from unsclab.errors import DesignError, UnsclabError
from unsclab.inputs import parse_json


@dataclass(frozen=True)
class Limits:
    """Bounds on what one request may ask for (see docs/web.md)."""

    max_body_bytes: int = 256 * 1024
    max_seats: int = 200
    max_seat_classes: int = 40
    max_compare: int = 40  # the whole catalogue (13 designs) and room to grow
    max_draws: int = 2_000
    timeout_seconds: float = 20.0
    max_concurrent_jobs: int = 4

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


DEFAULT_LIMITS = Limits()


class WorkLimitError(UnsclabError):
    """A request asks for more work than the server's limits allow (HTTP 413)."""


def check_work(design: Design, limits: Limits) -> None:
    """Refuse a design larger than the limits, naming the field and the bound."""
    problems = []
    from unsclab.errors import Problem

    if design.size > limits.max_seats:
        problems.append(Problem(f"this server computes designs of at most {limits.max_seats} "
                                f"seats, got {design.size}", field="seats"))
    if len(design.seats) > limits.max_seat_classes:
        problems.append(Problem(f"this server computes designs of at most "
                                f"{limits.max_seat_classes} seat classes, got {len(design.seats)}",
                                field="seats"))
    if problems:
        raise WorkLimitError(problems=problems)


def parse_posted_design(body: bytes, content_type: str) -> Design:
    """A design from a request body: TOML text, or JSON (a design, or ``{"design": {...}}``,
    or ``{"toml": "..."}``). Every problem is a :class:`DesignError` naming the field."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise DesignError("the request body is not UTF-8 text", field="body") from None
    # Only types a browser cannot send to another origin without asking (CORS preflight):
    # text/plain, forms and a missing type are refused, so no web page can post here.
    if ctype == "application/toml":
        return parse_design(text, file="request")
    if ctype != "application/json":
        raise UnsupportedMedia("expected a body of type application/json or application/toml, "
                               f"got {ctype or 'none'!r}", field="body")
    data = parse_json(text, field="body") if text.strip() else None
    if not isinstance(data, dict):
        raise DesignError("expected a JSON object: a design, {\"design\": {...}} or "
                          "{\"toml\": \"...\"}", field="body")
    if set(data) == {"toml"} or (set(data) <= {"toml", "options"} and "toml" in data):
        if not isinstance(data["toml"], str):
            raise DesignError("expected TOML text", field="toml")
        return parse_design(data["toml"], file="request")
    if "design" in data and set(data) <= {"design", "options"}:
        inner = data["design"]
        if not isinstance(inner, dict):
            raise DesignError("expected a design as a JSON object", field="design")
        return design_from_dict(_without_size(inner), file="request")
    return design_from_dict(_without_size(data), file="request")


def _without_size(data: dict[str, Any]) -> dict[str, Any]:
    """``size`` is derived (GET /api/designs/{id} adds it): accepted back and ignored."""
    return {k: v for k, v in data.items() if k != "size"}


@lru_cache(maxsize=1)
def catalog_summaries() -> tuple[dict[str, Any], ...]:
    """The catalogue as ``unsclab designs list --json`` prints it (cached)."""
    from unsclab.views import design_summary

    return tuple(design_summary(d) for d in load_catalog())


def catalog_design(design_id: str) -> Design:
    """A catalogue design by id; a :class:`DesignError` (404) for an unknown id."""
    if design_id not in catalog_ids():
        raise UnknownDesign(
            f"no catalogue design {design_id!r}; expected one of {', '.join(catalog_ids())}",
            field="id")
    from unsclab.designs import load_design

    return load_design(design_id)


class UnsupportedMedia(UnsclabError):
    """A body of a type the API does not read (HTTP 415)."""


class UnknownDesign(DesignError):
    """No catalogue design by that id (HTTP 404)."""


#: results of catalogue designs, computed once per process (the catalogue is read-only) and
#: kept on disk between processes (:mod:`unsclab.web.store`)
CATALOG_VIEWS: dict[str, dict[str, Any]] = {}
#: catalogue results without their replay yet (the first stage of :mod:`unsclab.web.progress`)
POWER_VIEWS: dict[str, dict[str, Any]] = {}
_VIEW_LOCKS: dict[str, threading.Lock] = {}  # one per design: others are not held up
_VIEW_LOCK = threading.Lock()  # guards _VIEW_LOCKS


def _lock_of(design_id: str) -> threading.Lock:
    with _VIEW_LOCK:
        return _VIEW_LOCKS.setdefault(design_id, threading.Lock())


_OCCUPANCIES: OrderedDict = OrderedDict()  # (id, seats) -> Occupancy, LRU of 256
_OCC_LOCK = threading.Lock()


def occupancy_of(design: Design):
    """Who fills the unnamed seats of ``design`` (``occupancy_for(design, "auto")`` with the
    view's draws and seed), cached by the design's id and seats — all it depends on, so the
    editor's variants of a design that change only its rule reuse it."""
    from unsclab.evaluate import occupancy_for
    from unsclab.views import DRAWS, SEED

    key = (design.id, tuple(design.seats))
    with _OCC_LOCK:
        hit = _OCCUPANCIES.get(key)
        if hit is not None:
            _OCCUPANCIES.move_to_end(key)
            return hit
    occ = occupancy_for(design, "auto", draws=DRAWS, seed=SEED)
    with _OCC_LOCK:
        _OCCUPANCIES[key] = occ
        while len(_OCCUPANCIES) > 256:
            _OCCUPANCIES.popitem(last=False)
    return occ


def catalog_view(design_id: str) -> dict[str, Any]:
    """Results of a catalogue design with its history replay: from memory, else from the disk
    cache, else computed (once, even when several requests ask at the same time)."""
    from unsclab.web import store

    view = CATALOG_VIEWS.get(design_id)
    if view is None:
        with _lock_of(design_id):
            view = CATALOG_VIEWS.get(design_id)
            if view is None:
                design = catalog_design(design_id)
                view = store.cached_view(design, lambda: _full_view(design))
                CATALOG_VIEWS[design_id] = view
                POWER_VIEWS.pop(design_id, None)
    return view


def stored_view(design_id: str) -> dict[str, Any] | None:
    """Results of a catalogue design if they are in memory or on disk; None (computing nothing)
    when they are not."""
    from unsclab.web import store

    view = CATALOG_VIEWS.get(design_id)
    if view is None and (view := store.stored_view(catalog_design(design_id))) is not None:
        view = CATALOG_VIEWS.setdefault(design_id, view)
    return view


def power_view(design_id: str) -> dict[str, Any]:
    """The results of a catalogue design without its replay (``replay`` None), the first and
    cheaper stage (its occupancy is shared with the full view)."""
    from unsclab.views import design_view

    view = CATALOG_VIEWS.get(design_id) or POWER_VIEWS.get(design_id)
    if view is None:
        design = catalog_design(design_id)
        view = design_view(design, replay=False, occupancy=occupancy_of(design))
        POWER_VIEWS.setdefault(design_id, view)
    return view


def _full_view(design: Design) -> dict[str, Any]:
    """:func:`unsclab.views.design_view` of a catalogue design, reusing its first stage."""
    from unsclab.views import replay_of as _replay

    view = dict(power_view(design.id))
    notes = list(view["notes"])
    view["replay"] = _replay(design, notes)
    view["notes"] = notes
    return view


POSTED_REPLAY_NOTE = ("History replay is not computed for an edited or posted design (about a "
                      "second each); the API computes it with POST /api/evaluate?replay=true.")


@lru_cache(maxsize=256)
def view_of(design: Design, replay: bool = False) -> dict[str, Any]:
    """Results of any design, cached by its content (designs are immutable and hashable).
    Without ``replay`` the view's ``replay`` is None, with a note saying how to ask for it."""
    from unsclab.views import design_view

    view = design_view(design, replay=replay, occupancy=occupancy_of(design))
    if not replay:
        view["notes"] = [*view["notes"], POSTED_REPLAY_NOTE]
    return view


@lru_cache(maxsize=64)
def replay_of(design_id: str, since: int, draws: int, seed: int) -> dict[str, Any]:
    """``{replay, notes}`` of a catalogue design for other parameters than the page's."""
    from unsclab.views import replay_of as _replay

    notes: list[str] = []
    return {"replay": _replay(catalog_design(design_id), notes, since=since, draws=draws,
                              seed=seed), "notes": notes}


# pyplot keeps global state: draw one figure at a time
_FIGURE_LOCK = threading.Lock()


@lru_cache(maxsize=128)
def seat_svg(design: Design) -> str:
    """The seat diagram of a design as inline SVG (cached)."""
    from unsclab.report.figures import seat_diagram, to_svg

    with _FIGURE_LOCK:
        return to_svg(seat_diagram(design))


def figure_svg(make, *args, **kwargs) -> str:
    """Any figure of :mod:`unsclab.report.figures` as inline SVG (not cached)."""
    from unsclab.report.figures import to_svg

    with _FIGURE_LOCK:
        return to_svg(make(*args, **kwargs))
