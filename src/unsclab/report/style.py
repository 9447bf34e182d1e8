"""One style for every unsclab figure: colours, markers, fonts, captions.

Colours are the Okabe–Ito palette (Okabe, M. & Ito, K. (2008), "Color Universal Design (CUD):
how to make figures and presentations that are friendly to colorblind people",
jfly.uni-koeln.de/color/), which stays distinguishable under the common colour-vision
deficiencies. Each UN regional group keeps its colour in every figure; seat kinds are told apart
by marker shape as well as by label, so the figures survive greyscale printing.

Nothing here imports matplotlib at module level: :func:`rc` returns the settings and
:func:`use` applies them inside a function that has already imported it.
"""

from __future__ import annotations

__all__ = [
    "GROUP_COLOURS",
    "KIND_MARKERS",
    "KIND_LABELS",
    "DESIGN_COLOURS",
    "DESIGN_MARKERS",
    "design_marker",
    "ACCENT",
    "rc",
    "group_colour",
    "design_colour",
    "add_caption",
]

#: Okabe–Ito colours by UN regional group; ``open`` (a seat of no group) is neutral grey.
GROUP_COLOURS: dict[str, str] = {
    "AG": "#E69F00",  # orange
    "APG": "#56B4E9",  # sky blue
    "EEG": "#009E73",  # bluish green
    "GRULAC": "#D55E00",  # vermillion
    "WEOG": "#0072B2",  # blue
    "open": "#BBBBBB",  # grey
}

#: A cycle for designs (figures that compare designs), kept apart from the groups' colours so
#: a colour means one thing: black, then the dark colours of Paul Tol's qualitative schemes
#: (P. Tol, "Colour schemes", SRON/EPS/TN/09-002, 2021: indigo, wine, olive, purple, teal-grey)
#: and a grey (the light grey is the open seats'); designs are told apart by marker shape too (:data:`DESIGN_MARKERS`).
DESIGN_COLOURS: tuple[str, ...] = (
    "#000000", "#332288", "#882255", "#999933", "#AA4499", "#5F7F7F", "#777777",
)
DESIGN_MARKERS: tuple[str, ...] = ("o", "s", "D", "^", "v", "P", "X", "*")

ACCENT = "#CC79A7"  # reddish purple: the Pareto front, highlights

#: Marker per seat kind: square permanent, diamond long-term, circle elected.
KIND_MARKERS: dict[str, str] = {"permanent": "s", "long-term": "D", "elected": "o"}
KIND_LABELS: dict[str, str] = {
    "permanent": "Permanent seat",
    "long-term": "Long-term (renewable) seat",
    "elected": "Two-year elected seat",
}

CAPTION_SIZE = 7.5


def rc() -> dict[str, object]:
    """matplotlib rcParams shared by every figure."""
    return {
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.titlesize": 11,
        "axes.titleweight": "bold",
        "axes.labelsize": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "legend.fontsize": 8,
        "legend.frameon": False,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "figure.facecolor": "white",
        "svg.fonttype": "none",
    }


def group_colour(group: str | None) -> str:
    """Colour of a regional group (grey for ``open`` or unknown)."""
    return GROUP_COLOURS.get(group or "open", GROUP_COLOURS["open"])


def design_colour(i: int) -> str:
    """Colour of the ``i``-th design in a comparison."""
    return DESIGN_COLOURS[i % len(DESIGN_COLOURS)]


def design_marker(i: int) -> str:
    """Marker of the ``i``-th design in a comparison."""
    return DESIGN_MARKERS[i % len(DESIGN_MARKERS)]


def add_caption(fig, text: str) -> None:
    """Write the source caption under the figure (small, grey, wrapped, left-aligned)."""
    import textwrap

    width_in = fig.get_size_inches()[0]
    chars = max(40, int(width_in * 15.5))
    wrapped = "\n".join(textwrap.fill(p, chars) for p in text.split("\n"))
    # below everything drawn so far (tick labels included), in figure coordinates
    renderer = fig.canvas.get_renderer()
    bottoms = [ax.get_tightbbox(renderer).y0 for ax in fig.axes if ax.get_visible()]
    y = (min(bottoms) / fig.bbox.height - 0.02) if bottoms else 0.0
    fig.text(0.01, min(y, 0.0) if not bottoms else y, wrapped, ha="left", va="top",
             fontsize=CAPTION_SIZE, color="#444444", transform=fig.transFigure)
