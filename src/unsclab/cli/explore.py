"""CLI: ``unsclab explore SPACE.toml`` — search a space of council designs for the Pareto front."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from unsclab.cli.common import console, print_json, user_errors
from unsclab.cli.options import seed_option


def register(app: typer.Typer) -> None:
    app.command("explore")(explore_command)


@user_errors
def explore_command(
    space_file: Path = typer.Argument(..., help="Search space file (TOML), e.g. examples/explore-small.toml of the source distribution."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler",
        help="Where to evaluate: omit for this process; 'local' starts a Dask LocalCluster on "
             "127.0.0.1; tcp://HOST:PORT uses a running Dask scheduler."),
    workers: int = typer.Option(2, "--workers", min=1,
                                help="Worker processes of the local Dask cluster."),
    out: Optional[Path] = typer.Option(
        None, "--out",
        help="Folder for incremental results (Parquet parts, manifest, designs.parquet, "
             "pareto.json, pareto/*.toml). Default: explore-<search id>. Running again with the "
             "same folder resumes."),
    seed: Optional[int] = seed_option(None, "Sampling seed (default: the file's)."),
    budget: Optional[int] = typer.Option(None, "--budget", min=1, max=1_000_000,
                                         help="Evaluate at most this many designs (default: the file's)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document instead of a table."),
    top: int = typer.Option(20, "--top", min=1, help="Rows of the Pareto front shown in the table."),
    plot: Optional[Path] = typer.Option(
        None, "--plot", help="Also draw the designs, the front and catalogue proposals (PNG)."),
) -> None:
    """Search a space of council designs; print the Pareto front and write the full table.

    Example: unsclab explore examples/explore-small.toml --out explore-small --json
    """
    from unsclab.explore import explore, load_space

    if plot is not None:  # before any work
        from unsclab._files import check_target

        check_target(plot, field="--plot", suffixes=(".png", ".svg", ".pdf"))
    space = load_space(space_file)
    outdir = out if out is not None else Path(f"explore-{space.id}")
    show_progress = not as_json
    if show_progress:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        cons = console()
        bar = Progress("[progress.description]{task.description}", BarColumn(),
                       MofNCompleteColumn(), TimeRemainingColumn(), console=cons, transient=True)
        task = bar.add_task(f"explore {space.id}", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        with bar:
            result = explore(space, out=outdir, seed=seed, budget=budget, scheduler=scheduler,
                             workers=workers, progress=progress)
    else:
        result = explore(space, out=outdir, seed=seed, budget=budget, scheduler=scheduler,
                         workers=workers)
    if plot is not None and result.complete:
        from unsclab.errors import UnsclabError
        from unsclab.explore.plot import plot_results

        try:
            plot_results(result, plot)
        except ImportError:
            raise UnsclabError("--plot needs matplotlib; install unsclab[plot]",
                               field="--plot") from None
    if as_json:
        print_json(result.to_json())
        return
    _print(result, top)


def _print(result, top: int) -> None:
    from rich.table import Table

    cons = console()
    info = result.info
    how = ("every valid design" if info["mode"] == "enumerated"
           else f"a seeded sample (seed {info['seed']})")
    cons.print(f"{result.space.id}: evaluated {result.evaluated} designs ({how} of "
               f"{info['combinations']} combinations); "
               f"{int(result.table['feasible'].sum())} feasible, "
               f"{len(result.pareto)} on the Pareto front.")
    table = Table(title=f"Pareto front (first {min(top, len(result.pareto))})")
    table.add_column("id")
    table.add_column("seats", justify="right")
    table.add_column("quota", justify="right")
    table.add_column("veto")
    for o in result.space.objectives:
        arrow = "↑" if o.direction == "maximise" else "↓"
        table.add_column(f"{o.label} {arrow}", justify="right")
    for _, row in result.pareto.head(top).iterrows():
        table.add_row(row["id"], str(int(row["f.size"])), str(int(row["f.quota"])),
                      f"{row['veto']} ({int(row['f.veto_holders'])})",
                      *[f"{row[o.label]:.4g}" for o in result.space.objectives])
    cons.print(table)
    if result.out:
        cons.print(f"Full table: {result.out / 'designs.parquet'}; front: "
                   f"{result.out / 'pareto.json'}, designs in {result.out / 'pareto'}/")
