"""Compute the catalogue's results when the server starts, so that no visitor waits for them.

Every catalogue design's results (:func:`unsclab.web.service.catalog_view`: power, groups,
representation, replay) and the comparison figures of the default selection and of the whole
catalogue take about half a minute of CPU on a small machine; a page that needed them all would
outlast the request deadline. :func:`start` computes them in one background thread at start-up
(``unsclab serve`` does; ``create_app(warm=True)``), one design after another, and
:func:`status` says how far it got (``GET /api/status``).
"""

from __future__ import annotations

__all__ = ["start", "status", "DEFAULT_COMPARE"]

import logging
import threading

from unsclab.web.compute import settle

log = logging.getLogger("unsclab.web")

#: the compare page's selection when none is given
DEFAULT_COMPARE = ("status-quo", "g4-2005", "ufc-2005", "ezulwini-2005")

_STATE = {"done": 0, "total": 0, "ready": False, "running": False}
_LOCK = threading.Lock()


def _run() -> None:
    from unsclab.web import figures, service

    ids = tuple(service.catalog_ids())
    _STATE["total"] = len(ids)
    try:
        for design_id in ids:
            service.catalog_view(design_id)
            _STATE["done"] += 1
        for chosen in (DEFAULT_COMPARE, ids):
            figures.pareto_svg(chosen)
            figures.years_svg(chosen, "IND")
            with_replay = tuple(i for i in chosen if service.catalog_view(i)["replay"])
            if with_replay:
                figures.replay_svg(with_replay)
        _record_pages()
        import gc

        gc.collect()  # once, in this thread: what is garbage now is not frozen
        settle()
        _STATE["ready"] = True
    except Exception:  # pragma: no cover - a bug; the pages compute on demand instead
        log.exception("warming the catalogue failed")
    finally:
        _STATE["running"] = False


def _record_pages() -> None:
    """The record the record pages read (loaded once per process)."""
    from unsclab.web.pages import record

    record._record()
    record._trends()


def start() -> None:
    """Start the warm-up thread once per process."""
    with _LOCK:
        if _STATE["running"] or _STATE["ready"]:
            return
        _STATE["running"] = True
    threading.Thread(target=_run, name="unsclab-warm", daemon=True).start()


def status() -> dict:
    """How many catalogue designs have their results, and whether every page is ready."""
    return {"catalogue_results": _STATE["done"], "catalogue_designs": _STATE["total"],
            "ready": _STATE["ready"], "warming": _STATE["running"]}
