"""The Council's history under a design: ``unsclab replay`` and :func:`unsclab.replay`."""

from __future__ import annotations

__all__ = ["replay", "replay_tables"]

from unsclab.designs.model import Design
from unsclab.tables import Column, Table


def _outcome_columns(first: Column) -> list[Column]:
    return [first,
            Column("decisions", header="Decisions", kind="int",
                   definition="Draft resolutions put to the vote in the record."),
            Column("adopted_text", header="Adopted (history)", short="Adopted",
                   definition="Drafts whose most likely outcome under the design is adoption "
                              "(in brackets: adopted in history)."),
            Column("vetoed", header="Vetoed", kind="int",
                   definition="Drafts whose most likely outcome is a veto."),
            Column("failed", header="Failed", kind="int",
                   definition="Drafts whose most likely outcome is too few votes in favour."),
            Column("changed", header="Changed", kind="int",
                   definition="Drafts whose most likely outcome differs from history."),
            Column("vetoed_now_adopted", header="Vetoed, now adopted", short="Veto→adopted",
                   kind="int", definition="Drafts vetoed in history that the design adopts."),
            Column("adopted_now_failed", header="Adopted, now not", short="Adopted→not",
                   kind="int",
                   definition="Drafts adopted in history that the design does not adopt.")]


def replay_tables(summary: dict) -> list[Table]:
    def rows(items):
        return [{"name": name, **r, "adopted_text": f"{r['adopted']} ({r['historical_adopted']})"}
                for name, r in items]

    by_decade = rows([("all", summary), *summary["by_decade"].items()])
    by_subject = rows(summary["by_subject"].items())
    return [Table("Most likely outcomes by decade (history in brackets)",
                  _outcome_columns(Column("name", header="Decade")), by_decade),
            Table("By subject (title keywords)",
                  _outcome_columns(Column("name", header="Subject")), by_subject)]


def replay(design: str | Design, *, since: int = 1946, until: int = 2025, draws: int = 1000,
           seed: int = 1):
    """Replay every recorded vote from ``since`` to ``until`` under ``design``
    (:func:`unsclab.replay.replay`), as ``unsclab replay``.

    Returns a :class:`~unsclab.api.Result`: ``frame`` has one row per decision (index
    ``symbol``) with ``date``, ``history`` and ``modal`` (most likely outcome: adopted, vetoed or
    failed) and the probabilities ``p_adopted``, ``p_vetoed``, ``p_failed``; ``tables`` are the
    totals by decade and subject.
    """
    from unsclab.api.result import Result
    from unsclab.designs import load_design
    from unsclab.errors import UnsclabError
    from unsclab.replay import replay as run

    d = design if isinstance(design, Design) else load_design(design)
    if since > until:
        raise UnsclabError(f"since {since} is after until {until}", field="since")
    res = run(d, period=(since, until), draws=draws, seed=seed, keep_votes=False)
    summary = res.to_dict()
    return Result(res.decisions_table(), replay_tables(summary), summary, index="symbol")
