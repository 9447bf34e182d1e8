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

import errno
import hashlib
import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from unsclab._files import atomic_path
from unsclab.explore.lock import folder_lock
from unsclab.errors import UnsclabError
from unsclab.explore.evaluation import Evaluation
from unsclab.explore.pareto import pareto_mask
from unsclab.explore.expressions import evaluate
from unsclab.explore.space import Space, SpaceError, parse_space

#: Measures stored for every design, whatever the objectives (column ``m.<name>``).
METRICS = ("coleman_act", "penrose_distance", "gini_power_per_person",
           "population_with_permanent_seat", "p5_power_share")
FORMAT = 1


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
    _check_folder(outdir)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        with folder_lock(outdir):
            return _explore(space, cands, chunks, ids_hash, info, seed, budget, outdir,
                            scheduler, workers, client, max_chunks, progress)
    except OSError as err:
        if err.errno not in _WRITE_ERRORS:
            raise
        raise SpaceError(f"cannot write the results ({err.strerror or type(err).__name__}); "
                         "choose another --out", file=str(outdir), field="--out") from None


#: what a read-only file system, a full disk or a missing permission raise
_WRITE_ERRORS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM,
                 errno.ENOTDIR, errno.EEXIST}


def _check_folder(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise SpaceError("is not a folder; expected a folder for the results (it is created "
                         "when missing)", file=str(outdir), field="--out")


def _explore(space, cands, chunks, ids_hash, info, seed, budget, outdir, scheduler, workers,
             client, max_chunks, progress) -> ExploreResult:
    import pandas as pd

    size = info["chunk_size"]
    manifest: dict[str, Any] | None = None
    done: dict[int, Any] = {}  # chunk index -> DataFrame (memory) or Path (disk)
    if outdir is not None:
        manifest = _open_manifest(outdir, space, seed, budget, ids_hash, len(cands), size, info)
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
            _atomic_parquet(frame, outdir / "parts" / name)
            manifest["parts"][str(k)] = name
            _atomic_json(manifest, outdir / "manifest.json")
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
            _write_final(result)
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
            feasible &= np.broadcast_to(np.asarray(evaluate(c.tree, env), dtype=bool), feasible.shape)
    table["feasible"] = feasible
    masked = np.where(feasible[:, None], values, np.nan)
    table["pareto"] = front = pareto_mask(masked, [o.direction for o in space.objectives])
    if not space.spec.search.store_toml:
        from unsclab.designs.io import design_to_toml

        for i in np.flatnonzero(front):
            row = table.iloc[i].to_dict()
            table.iat[i, table.columns.get_loc("design_toml")] = design_to_toml(space.design(row))


def _write_final(result: ExploreResult) -> None:
    from unsclab.designs.io import parse_design, save_design

    out = result.out
    meta = {"unsclab.explore.space": result.space.text,
            "unsclab.explore.file": result.space.file or ""}
    _atomic_parquet(result.table, out / "designs.parquet", meta)
    front = result.pareto
    _atomic_parquet(front, out / "pareto.parquet", meta)
    _atomic_json(result.to_json(), out / "pareto.json")
    folder = out / "pareto"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink(missing_ok=True)
    if len(front) <= 500:
        for _, row in front.iterrows():
            save_design(parse_design(row["design_toml"]), folder / f"{row['id']}.toml")


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


# -- files --------------------------------------------------------------------------------------


def _open_manifest(outdir: Path, space: Space, seed: int, budget: int, ids_hash: str,
                   n: int, size: int, info: dict) -> dict:
    (outdir / "parts").mkdir(parents=True, exist_ok=True)
    path = outdir / "manifest.json"
    expected = {"format": FORMAT, "space": space.id, "space_key": space.key, "seed": seed,
                "budget": budget, "candidates": n, "chunk_size": size, "ids_sha256": ids_hash}
    if path.exists():
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise SpaceError(f"cannot read the manifest ({err}); remove the folder or choose "
                             "another --out", file=str(path)) from None
        # the same candidates in the same chunks make a safe resume (a seed that changes
        # nothing, as in an enumerated space, is fine)
        for key in ("format", "space_key", "ids_sha256", "chunk_size"):
            if manifest.get(key) != expected[key]:
                what = {"space_key": "the search space changed",
                        "ids_sha256": "the candidates differ: seed or budget changed",
                        "chunk_size": "chunk_size changed", "format": "older format"}[key]
                raise SpaceError(f"this folder holds another search ({what}); choose another "
                                 "--out or remove it", file=str(path), field=key)
        return manifest
    manifest = {**expected, "file": space.file, "search": info, "space_text": space.text,
                "parts": {}}
    _atomic_json(manifest, path)
    return manifest


def _atomic_json(obj: Any, path: Path) -> None:
    _atomic_write(path, lambda fh: fh.write(json.dumps(obj, indent=1, default=_jsonable).encode()))


def _atomic_parquet(frame, path: Path, metadata: dict[str, str] | None = None) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                               **{k: v.encode() for k, v in metadata.items()}})
    _atomic_write(path, lambda fh: pq.write_table(table, fh))


def design_from_table(path: str | os.PathLike[str], design_id: str):
    """Rebuild a design from a results table (``designs.parquet`` or ``pareto.parquet``): the
    table carries its search space in its metadata, and each row its parameters, e.g.
    ``design_from_table("out/explore/designs.parquet", "small-f8ada2b1bc")`` after
    ``unsclab explore examples/explore-small.toml --out out/explore``.
    """
    import pyarrow.parquet as pq

    meta = pq.read_schema(path).metadata or {}
    text = meta.get(b"unsclab.explore.space")
    if text is None:
        raise UnsclabError("no search space in the table's metadata; expected designs.parquet "
                           "written by unsclab explore", file=str(path))
    space = parse_space(text.decode(), meta.get(b"unsclab.explore.file", b"").decode() or None)
    table = pq.read_table(path).to_pandas()
    rows = table[table["id"] == design_id]
    if rows.empty:
        raise UnsclabError(f"no design {design_id!r} in the table", file=str(path), field="id")
    return space.design(rows.iloc[0].to_dict())


def _atomic_write(path: Path, write: Callable[[Any], Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        write(fh)


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, np.generic):
        return obj.item()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")
