"""CLI: ``unsclab amend`` — could a design pass? The Article 108 game.

``unsclab amend DESIGN`` plays the game for one design; ``amend backtest`` scores the model on
the 1963 vote; ``amend apriori`` prints the GA's two-thirds game since 1945; ``amend coalition``
builds a coalition from like-minded partners.
"""

from __future__ import annotations

import typer
from typer.core import TyperGroup

from unsclab.cli.common import console, print_json, split_codes, user_errors
from unsclab.cli.options import OCCUPANCIES, choice_option, draws_option, seed_option


class _DesignByDefault(TyperGroup):
    """``unsclab amend g4-2005`` runs the ``design`` command: a name that is not a subcommand
    is taken as a design."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["design", *args]
        return super().parse_args(ctx, args)


amend_app = typer.Typer(
    cls=_DesignByDefault, no_args_is_help=True, rich_markup_mode=None,
    help="Could a design pass? Charter Article 108: two thirds of the General Assembly (129 of "
         "193), then ratification by two thirds of the members including all five permanent "
         "members.\n\n'unsclab amend DESIGN' is short for 'unsclab amend design DESIGN'.\n\n"
         "Example: unsclab amend g4-2005 --state KAZ")

_POSITIONS = typer.Option(None, "--positions", help="TOML file of blocs, positions and [weights] "
                          "laid over the built-in ones (repeatable).")
_WEIGHT = typer.Option(None, "--weight", help="Change a weight of the support model, NAME=VALUE "
                       "(repeatable; an unknown NAME lists the names).")


def _setup(positions, weight, draws, seed, threshold, occupancy):
    from unsclab.amend.analysis import setup
    from unsclab.amend.support import parse_weight

    weights = dict(parse_weight(w) for w in (weight or []))
    return setup(tuple(positions or ()), weights, draws=draws, seed=seed, threshold=threshold,
                 occupancy=occupancy)


def _emit(result: dict, as_json: bool, show: str, *args) -> None:
    """``result`` as one JSON document, or as tables by ``amend_output.<show>`` (given
    ``*args`` in place of ``result`` where it needs other arguments)."""
    if as_json:
        print_json(result)
        return
    from unsclab.cli import amend_output

    getattr(amend_output, show)(console(), *(args or (result,)))


@amend_app.command("design")
@user_errors
def design_cmd(
    design: str = typer.Argument(..., help="Catalogue id or path to a design TOML file."),
    state: str | None = typer.Option(None, "--state", help="ISO3 code: show this state's terms."),
    positions: list[str] | None = _POSITIONS,
    weight: list[str] | None = _WEIGHT,
    draws: int = draws_option(),
    seed: int = seed_option(),
    threshold: int | None = typer.Option(None, "--threshold",
                                            help="Yes votes needed (default two thirds: 129)."),
    occupancy: str = choice_option("--occupancy", "uniform", OCCUPANCIES,
                                   "How unnamed seats are filled: uniform, elections or auto."),
    changes: bool = typer.Option(True, "--changes/--no-changes",
                                 help="Also play small changes of the design."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Expected yes votes, P(GA), P(ratification), each P5's ratification, pivotal states.

    Example: unsclab amend g4-2005 --state KAZ --weight alignment=0.5
    """
    from unsclab.amend.analysis import analyse
    from unsclab.designs import load_design

    st = _setup(positions, weight, draws, seed, threshold, occupancy)
    _emit(analyse(load_design(design), st, state=state, changes=changes), as_json, "show")


@amend_app.command("backtest")
@user_errors
def backtest_cmd(
    weight: list[str] | None = _WEIGHT,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Predict every vote on GA resolution 1991 A (XVIII) of 1963 from what was known then.

    Example: unsclab amend backtest --json
    """
    from unsclab.amend.backtest import backtest
    from unsclab.amend.support import Weights, parse_weight

    res = backtest(weights=Weights().with_(dict(parse_weight(w) for w in (weight or []))))
    _emit(res, as_json, "show_backtest")


@amend_app.command("apriori")
@user_errors
def apriori_cmd(
    every: int = typer.Option(5, "--every", help="Show every n-th year (and the last)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """The GA's two-thirds game a priori since 1945: Coleman's power to act at ⌈2n/3⌉ of n.

    Example: unsclab amend apriori --every 10
    """
    from unsclab.amend.apriori import history

    rows = history()
    _emit({"rows": rows}, as_json, "show_apriori", rows, max(1, every))


@amend_app.command("coalition")
@user_errors
def coalition_cmd(
    design: str = typer.Argument(..., help="Catalogue id or path to a design TOML file."),
    partners: str = typer.Option(..., "--partners", help="Like-minded partners, ISO3,ISO3,..."),
    positions: list[str] | None = _POSITIONS,
    weight: list[str] | None = _WEIGHT,
    threshold: int | None = typer.Option(None, "--threshold", help="Yes votes needed."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """The states cheapest to win after PARTNERS, and the GA arithmetic as they join.

    Example: unsclab amend coalition kazakhstan-principles --partners KAZ,QAT,TUR,IDN
    """
    from unsclab.amend.changes import coalition
    from unsclab.amend.game import ga_threshold
    from unsclab.amend.support import support
    from unsclab.designs import load_design

    st = _setup(positions, weight, 1, 1, threshold, "uniform")
    sup = support(load_design(design), st.positions, st.weights)
    res = coalition(sup, split_codes(partners), ga_threshold(len(sup.states), threshold))
    res["design"] = design
    _emit(res, as_json, "show_coalition")


def register(app: typer.Typer) -> None:
    app.add_typer(amend_app, name="amend")
