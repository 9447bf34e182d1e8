"""A figure of a search: every design, the Pareto front, and catalogue proposals for reference."""

from __future__ import annotations

__all__ = ["objective_values", "plot_results", "REFERENCE_DESIGNS"]

import os
from pathlib import Path

from unsclab._files import output_file
from unsclab.explore.evaluation import Evaluation
from unsclab.explore.space import Space

#: Catalogue designs drawn for reference (those with a fixed rule; see unsclab designs list).
REFERENCE_DESIGNS = ("status-quo", "g4-2005", "ezulwini-2005", "ufc-2005", "ufc-2024",
                     "hlp-2004-a", "hlp-2004-b")


def objective_values(space: Space, design) -> dict[str, float]:
    """The space's objectives evaluated on any design (e.g. a catalogue proposal)."""
    ev = Evaluation(design)
    return {o.label: float(o.func(design, ev)) for o in space.objectives}


def plot_results(result, path: str | os.PathLike[str], *,
                 references: tuple[str, ...] = REFERENCE_DESIGNS) -> Path:
    """Scatter the designs on pairs of objectives (first against each other one), front in
    colour, reference designs labelled; write a PNG to ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from unsclab.designs import catalog_ids, load_design

    space = result.space
    objs = space.objectives
    table = result.table
    pairs = [(objs[0], o) for o in objs[1:]] or [(objs[0], objs[0])]
    cols = min(3, len(pairs))
    rows = -(-len(pairs) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(5.2 * cols, 4.4 * rows), squeeze=False)
    refs = []
    for rid in references:
        if rid in catalog_ids():
            d = load_design(rid)
            refs.append((rid, objective_values(space, d)))
    feas = table[table["feasible"]]
    infeas = table[~table["feasible"]]
    front = table[table["pareto"]]
    for ax, (x, y) in zip(axes.flat, pairs):
        ax.scatter(infeas[x.label], infeas[y.label], s=4, c="#d0d0d0", label="infeasible",
                   rasterized=True)
        ax.scatter(feas[x.label], feas[y.label], s=6, c="#8fb3d9", label="feasible",
                   rasterized=True)
        ax.scatter(front[x.label], front[y.label], s=28, c="#c0392b", edgecolors="black",
                   linewidths=0.4, label="Pareto front", zorder=3)
        for rid, vals in refs:
            ax.scatter(vals[x.label], vals[y.label], marker="D", s=30, c="#f1c40f",
                       edgecolors="black", linewidths=0.5, zorder=4)
            ax.annotate(rid, (vals[x.label], vals[y.label]), fontsize=7, xytext=(3, 3),
                        textcoords="offset points")
        ax.set_xlabel(f"{x.label} ({'higher' if x.direction == 'maximise' else 'lower'} is better)")
        ax.set_ylabel(f"{y.label} ({'higher' if y.direction == 'maximise' else 'lower'} is better)")
        ax.grid(alpha=0.3)
    for ax in list(axes.flat)[len(pairs):]:
        ax.axis("off")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    handles.append(plt.Line2D([], [], marker="D", ls="", mfc="#f1c40f", mec="black"))
    labels.append("catalogue proposal")
    fig.legend(handles, labels, loc="lower center", ncol=4, frameon=False)
    fig.suptitle(f"unsclab explore — {space.spec.search.name or space.id}: {result.evaluated} "
                 f"designs, {int(table['feasible'].sum())} feasible, {len(front)} on the front",
                 fontsize=11)
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    out = Path(path)
    try:
        with output_file(out, field="--plot", suffix=out.suffix or ".png") as tmp:
            fig.savefig(tmp, dpi=130, format=(out.suffix.lstrip(".") or "png"))
    finally:
        plt.close(fig)
    return out
