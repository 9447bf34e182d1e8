"""The trail of one replayed decision as short lines of plain text (``unsclab replay
--decision``): the real votes seat by seat, then each simulated seat with how many states held
it in the draws, its likeliest holders and their votes, and "and N others"."""

from __future__ import annotations

__all__ = ["trail_lines"]

import textwrap
from typing import Any

_LETTERS = "Y in favour, A abstained, N against, NV did not vote."
_CAST = (("Y", "in favour"), ("A", "abstained"), ("N", "against"), ("NV", "did not vote"))
_RARE = 0.05   # a seat filled in fewer draws than this shows its likeliest holder only


def _wrap(text: str, width: int, indent: int) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(text, width=width, initial_indent=pad, subsequent_indent=pad + "  ",
                         break_on_hyphens=False) or [pad]


def _pct(p: float) -> str:
    from unsclab.replay.trail import share_text

    return share_text(p)


def _real_lines(seats: list[dict[str, Any]], width: int) -> list[str]:
    by_seat: dict[str, list[str]] = {}
    for s in seats:
        by_seat.setdefault(s["seat"], []).append(f"{s['name']} {s['vote']}")
        if "p_sits" in s:
            by_seat[s["seat"]][-1] += f" (sits in {_pct(s['p_sits'])} of draws)"
    out = ["Real votes (members who sat that day):"]
    for seat, votes in by_seat.items():
        out += _wrap(f"{seat}: " + ", ".join(votes), width, 2)
    out += _wrap(_LETTERS, width, 2)
    moves = sorted((s for s in seats if s.get("p_new_permanent")),
                   key=lambda s: -s["p_new_permanent"])
    if moves:
        shown = ", ".join(f"{s['name']} in {_pct(s['p_new_permanent'])}" for s in moves[:3])
        rest = f" and {len(moves) - 3} others in fewer" if len(moves) > 3 else ""
        out += _wrap(f"A real member holds a new permanent seat in some draws ({shown}{rest}); "
                     "its own seat is then filled in the simulation.", width, 2)
    return out


def _holder_line(h: dict[str, Any], width: int) -> list[str]:
    head = f"{h['name']} {_pct(h['p_holds'])}"
    if h["source"] == "real":
        return _wrap(f"{head}: sat that day, real vote {h['vote']}", width, 4)
    if h["source"] == "members":  # a shared seat (unsclab.replay.shared)
        return _wrap(f"{head}: {h['why']}, so {h['vote']}", width, 4)
    q = h["p"]
    text = f"{head}: predicted Y {q['Y']:.2f}, A {q['A']:.2f}, N {q['N']:.2f}"
    c = h.get("closest")
    if c:
        from unsclab.states import state_name

        text += f" (closest: {state_name(c['state'])}, {c['agreement']:.2f}, {c['vote']})"
    return _wrap(text, width, 4)


def _simulated_lines(seats: list[dict[str, Any]], width: int) -> list[str]:
    from unsclab.replay.trail import HOW_SHORT

    years = sorted({h["closest"]["ga_year"] for s in seats for h in s["holders"]
                    if h.get("closest")})
    ga = f" in {', '.join(map(str, years))}" if years else ""
    out = _wrap("Simulated seats, with the share of draws each state held them; a holder "
                "that sat that day votes as it did, the others as predicted from the real "
                "votes on this draft, weighted by their earlier Council votes and their GA "
                f"agreement{ga} with each voter (closest: the voter they agreed with most in "
                "the GA, and its vote):", width, 0)
    for s in seats:
        n = s["holders_count"]
        cast = ", ".join(f"{word} {_pct(s['votes_cast'][k])}" for k, word in _CAST
                         if s["votes_cast"][k] > 0)
        how = HOW_SHORT.get(s.get("kind"), s["how"])
        out += _wrap(f"{s['seat']} — {how}; filled in {_pct(s['p_filled'])} of draws by "
                     f"{n} state{'s' if n != 1 else ''}; votes: {cast}.", width, 2)
        holders = s["holders"][:1] if s["p_filled"] < _RARE else s["holders"]
        for h in holders:
            out += _holder_line(h, width)
        others = n - len(holders)
        if others > 0:
            share = s["p_filled"] - sum(h["p_holds"] for h in holders)
            out += _wrap(f"and {others} other{'s' if others > 1 else ''} ({_pct(share)} of "
                         "draws).", width, 4)
    return out


def trail_lines(tr: dict[str, Any], width: int = 80) -> list[str]:
    """The trail ``tr`` (:func:`unsclab.replay.trail.trail`) as lines of at most ``width``
    characters."""
    p = {"adopted": tr["p_adopted"], "vetoed": tr["p_vetoed"], "failed": tr["p_failed"]}
    out = _wrap(f"{tr['symbol']} ({tr['date']}, {tr['subject']}) {tr['title']}", width, 0)
    out += _wrap(f"Recorded: {tr['recorded_reason']}", width, 0)
    out += _wrap(f"Under {tr['design']}: {tr['modal']} with probability {p[tr['modal']]:.2f} "
                 f"(adopted {p['adopted']:.2f}, vetoed {p['vetoed']:.2f}, failed "
                 f"{p['failed']:.2f}).", width, 0)
    out += _wrap(f"Rule: {tr['rule']}", width, 0)
    real = [s for s in tr["seats"] if "holders" not in s]
    simulated = [s for s in tr["seats"] if "holders" in s]
    out += _real_lines(real, width)
    if simulated:
        out += _simulated_lines(simulated, width)
    if tr["reason"]:
        out += _wrap(f"How the rule decided (draw {tr['example_draw']}): {tr['reason']}",
                     width, 0)
    return out
