"""Run a search: evaluate every candidate, in-process or on a Dask cluster, and keep the results.

Candidates are evaluated in chunks of ``[search] chunk_size`` designs. With an output folder,
each finished chunk is written at once as a Parquet part (``parts/part-00012.parquet``, written
to a temporary file and renamed) and recorded in ``manifest.json``; a search that is stopped
(Ctrl-C, a lost machine) and run again with the same space, seed and folder evaluates only the
chunks that are missing. Candidate generation is deterministic (seeded), so chunk ``k`` always
holds the same designs; the manifest keeps a hash of the candidates' ids and refuses a folder
that belongs to a different search.

When every chunk is done the folder also holds ``designs.parquet`` (the union of the parts, in
candidate order, with ``feasible`` and ``pareto`` columns), ``pareto.parquet``, ``pareto.json``
and one design file per design on the front (``pareto/<id>.toml``, loadable with
``unsclab.designs.load_design``).
"""

from __future__ import annotations

__all__ = ["explore", "ExploreResult", "evaluate_rows", "design_from_table", "METRICS"]

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from unsclab.explore.lock import folder_lock
from unsclab.errors import UnsclabError
from unsclab.explore.evaluation import Evaluation
from unsclab.explore.pareto import pareto_mask
from unsclab.explore.expressions import evaluate
from unsclab.explore.space import Space, SpaceError, parse_space
from unsclab.explore.store import (
    WRITE_ERRORS,
    atomic_json,
    atomic_parquet,
    check_folder,
    design_from_table,
    open_manifest,
    write_final,
)

#: Measures stored for every design, whatever the objectives (column ``m.<name>``).
METRICS = ("coleman_act", "penrose_distance", "gini_power_per_person",
           "population_with_permanent_seat", "p5_power_share")


# -- evaluating a chunk (runs in a worker) -------------------------------------------------------


def evaluate_rows(space: Space, rows: list[dict]) -> list[dict]:
    """Evaluate candidate rows (dicts with ``id``, the dimensions and features): build each
    design, compute the stored measures and the objectives, keep its TOML. A design that fails
    to build gets NaN values and its error text (it is then never feasible)."""
    from unsclab.designs.io import design_to_toml

    out = []
    keep_toml = space.spec.search.store_toml
    for row in rows:
        rec = dict(row)
        try:
            design = space.design(row)
            ev = Evaluation(design)
            rec["m.coleman_act"] = ev.coleman_act
            for name, value in ev.representation.items():
                rec["m." + name] = value
            for obj in space.objectives:
                rec[obj.label] = float(obj.func(design, ev))
            rec["design_toml"] = design_to_toml(design) if keep_toml else ""
            rec["error"] = ""
        except UnsclabError as err:
            for name in METRICS:
                rec.setdefault("m." + name, math.nan)
            for obj in space.objectives:
                rec[obj.label] = math.nan
            rec["design_toml"] = ""
            rec["error"] = str(err).replace("\n", "; ")
        out.append(rec)
    return out


def _chunk_task(text: str, file: str | None, rows: list[dict]) -> list[dict]:
    """What a Dask worker runs: parse the space (cached per process) and evaluate the rows."""
    return evaluate_rows(parse_space(text, file), rows)


# -- results -------------------------------------------------------------------------------------


@dataclass
class ExploreResult:
    """The outcome of :func:`explore`.

    ``table`` has one row per evaluated design, in candidate order: ``id``, the dimensions'
    values, features (``f.*``), stored measures (``m.*``), one column per objective (its label),
    ``feasible``, ``pareto``, ``design_toml`` and ``error``. ``complete`` is False when the run
    stopped early (``max_chunks``); then ``feasible`` and ``pareto`` are not computed.
    """

    space: Space
    table: Any  # pandas.DataFrame
    info: dict
    out: Path | None = None
    complete: bool = True
    objectives: list[str] = field(default_factory=list)

    @property
    def evaluated(self) -> int:
        return len(self.table)

    @property
    def pareto(self):
        """The rows on the Pareto front, best first on the first objective."""
        if "pareto" not in self.table:
            return self.table.iloc[:0]
        first = self.space.objectives[0]
        return self.table[self.table["pareto"]].sort_values(
            [first.label, "id"], ascending=[first.direction == "minimise", True], kind="stable")

    def design(self, design_id: str):
        """The :class:`~unsclab.designs.Design` of a row, rebuilt from its parameters."""
        rows = self.table[self.table["id"] == design_id]
        if rows.empty:
            raise UnsclabError(f"no design {design_id!r} in the results", field="id")
        return self.space.design(rows.iloc[0].to_dict())

    def to_json(self, limit: int | None = None) -> dict:
        """JSON-ready summary: ``evaluated`` and ``pareto`` (each design's id, objective values,
        parameters)."""
        front = self.pareto
        params = [d.name for d in self.space.dims]
        items = []
        for _, row in front.iterrows():
            items.append({
                "id": row["id"],
                "objectives": {o: _num(row[o]) for o in self.objectives},
                "size": int(row["f.size"]), "quota": int(row["f.quota"]),
                "params": {p: _num(row[p]) for p in params},
            })
            if limit is not None and len(items) >= limit:
                break
        return {
            "space": self.space.id,
            "file": self.space.file,
            "evaluated": self.evaluated,
            "feasible": int(self.table["feasible"].sum()) if "feasible" in self.table else None,
            "complete": self.complete,
            "objectives": [{"label": o.label, "name": o.name, "direction": o.direction,
                            **({"params": o.params} if o.params else {})}
                           for o in self.space.objectives],
            "search": self.info,
            "out": str(self.out) if self.out else None,
            "pareto_size": int(len(front)),
            "pareto": items,
        }


def _num(x: Any) -> Any:
    if isinstance(x, np.generic):
        x = x.item()
    if isinstance(x, float) and math.isnan(x):
        return None
    return x


# -- the run -------------------------------------------------------------------------------------


def explore(
    space: Space,
    *,
    out: str | os.PathLike[str] | None = None,
    seed: int | None = None,
    budget: int | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    client: Any = None,
    max_chunks: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExploreResult:
    """Evaluate the space's candidates and return every design with the Pareto front.

    Parameters
    ----------
    space : Space
        From :func:`unsclab.explore.load_space`.
    out : path, optional
        Folder for incremental results (Parquet parts + manifest); an existing folder of the same
        search is resumed. Without it, results stay in memory.
    seed, budget : int, optional
        Override the file's ``[search] seed`` and ``budget``.
    scheduler : None, "local" or "tcp://HOST:PORT"
        None evaluates in this process; ``"local"`` starts a Dask ``LocalCluster`` on
        127.0.0.1 with ``workers`` single-threaded worker processes; an address connects to a
        running Dask scheduler.
    client : dask.distributed.Client, optional
        Use this client (takes precedence over ``scheduler``).
    max_chunks : int, optional
        Stop after evaluating this many chunks (the result is then incomplete); for tests and
        for running a search in slices.
    progress : callable(done, total), optional
        Called after each chunk with the number of designs done and the total.
    """
    seed = space.spec.search.seed if seed is None else seed
    budget = space.spec.search.budget if budget is None else budget
    cands, info = space.candidates(seed, budget)
    info["chunk_size"] = size = space.spec.search.chunk_size
    chunks = [cands.iloc[i:i + size] for i in range(0, len(cands), size)]
    ids_hash = hashlib.sha256("\n".join(cands["id"]).encode()).hexdigest()

    outdir = Path(out) if out is not None else None
    if outdir is None:
        return _explore(space, cands, chunks, ids_hash, info, seed, budget, None, scheduler,
                        workers, client, max_chunks, progress)
    check_folder(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with folder_lock(outdir):
            return _explore(space, cands, chunks, ids_hash, info, seed, budget, outdir,
                            scheduler, workers, client, max_chunks, progress)
    except OSError as err:
        if err.errno not in WRITE_ERRORS:
            raise
        raise SpaceError(f"cannot write the results ({err.strerror or type(err).__name__}); "
                         "choose another --out", file=str(outdir), field="--out") from None


def _explore(space, cands, chunks, ids_hash, info, seed, budget, outdir, scheduler, workers,
             client, max_chunks, progress) -> ExploreResult:
    import pandas as pd

    size = info["chunk_size"]
    manifest: dict[str, Any] | None = None
    done: dict[int, Any] = {}  # chunk index -> DataFrame (memory) or Path (disk)
    if outdir is not None:
        manifest = open_manifest(outdir, space, seed, budget, ids_hash, len(cands), size, info)
        for k, name in manifest["parts"].items():
            path = outdir / "parts" / name
            if path.exists():
                done[int(k)] = path
    pending = [k for k in range(len(chunks)) if k not in done]
    if max_chunks is not None:
        pending = pending[:max_chunks]
    info["resumed_chunks"] = len(done)
    total = len(cands)
    done_designs = sum(len(chunks[k]) for k in done)
    if progress:
        progress(done_designs, total)

    def finish(k: int, records: list[dict]) -> None:
        nonlocal done_designs
        frame = pd.DataFrame.from_records(records)
        if outdir is not None:
            name = f"part-{k:05d}.parquet"
            atomic_parquet(frame, outdir / "parts" / name)
            manifest["parts"][str(k)] = name
            atomic_json(manifest, outdir / "manifest.json")
            done[k] = outdir / "parts" / name
        else:
            done[k] = frame
        done_designs += len(frame)
        if progress:
            progress(done_designs, total)

    if pending:
        if client is None and scheduler is None:
            for k in pending:
                finish(k, evaluate_rows(space, chunks[k].to_dict("records")))
        else:
            _run_dask(space, chunks, pending, finish, scheduler, workers, client)

    complete = len(done) == len(chunks)
    frames = [done[k] if not isinstance(done[k], Path) else pd.read_parquet(done[k])
              for k in sorted(done)]
    table = (pd.concat(frames, ignore_index=True) if frames
             else cands.iloc[:0].copy())
    labels = [o.label for o in space.objectives]
    result = ExploreResult(space, table, info, outdir, complete, labels)
    if complete and len(table):
        _finalise(result)
        if outdir is not None:
            write_final(result)
    return result


def _finalise(result: ExploreResult) -> None:
    """Add ``feasible`` (no error, objectives defined, post-evaluation constraints met) and
    ``pareto`` (non-dominated among feasible designs)."""
    space, table = result.space, result.table
    labels = result.objectives
    values = table[labels].to_numpy(dtype=float)
    feasible = (table["error"] == "").to_numpy() & ~np.isnan(values).any(axis=1)
    env = {label: table[label].to_numpy(dtype=float) for label in labels}
    for c in space.constraints:
        if c.after:
            met = np.asarray(evaluate(c.tree, env), dtype=bool)
            feasible &= np.broadcast_to(met, feasible.shape)
    table["feasible"] = feasible
    masked = np.where(feasible[:, None], values, np.nan)
    table["pareto"] = front = pareto_mask(masked, [o.direction for o in space.objectives])
    if not space.spec.search.store_toml:
        from unsclab.designs.io import design_to_toml

        for i in np.flatnonzero(front):
            row = table.iloc[i].to_dict()
            table.iat[i, table.columns.get_loc("design_toml")] = design_to_toml(space.design(row))


# -- Dask ---------------------------------------------------------------------------------------


def _run_dask(space: Space, chunks, pending, finish, scheduler, workers, client) -> None:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:  # pragma: no cover
        raise UnsclabError("Dask is not installed; install unsclab[explore] or run without "
                           "--scheduler", field="scheduler") from None
    own_client = own_cluster = None
    if client is None:
        if scheduler == "local":
            own_cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1,
                                       processes=True, host="127.0.0.1",
                                       dashboard_address=None)
            own_client = client = Client(own_cluster)
        elif isinstance(scheduler, str) and scheduler.startswith(("tcp://", "tls://")):
            try:
                own_client = client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as err:
                raise UnsclabError(f"cannot reach the Dask scheduler at {scheduler} ({err})",
                                   field="scheduler") from None
        else:
            raise UnsclabError(f"expected 'local' or a scheduler address like tcp://HOST:PORT, "
                               f"got {scheduler!r}", field="scheduler")
    try:
        futures = {}
        for k in pending:
            fut = client.submit(_chunk_task, space.text, space.file,
                                chunks[k].to_dict("records"), pure=False,
                                key=f"explore-{space.id}-{k}-{os.getpid()}-{id(chunks)}")
            futures[fut] = k
        for fut in as_completed(futures):
            finish(futures[fut], fut.result())
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


