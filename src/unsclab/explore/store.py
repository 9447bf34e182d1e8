"""The results folder of a search: its manifest, the Parquet parts and final tables, written
atomically (a temporary file renamed), and designs rebuilt from a results table.

The manifest (``manifest.json``) records what search the folder belongs to (the space's hash,
the candidates' ids, the chunk size) and the parts written so far; a folder of another search is
refused, naming what changed.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from unsclab._files import atomic_path
from unsclab.errors import UnsclabError
from unsclab.explore.space import Space, SpaceError, parse_space

if TYPE_CHECKING:
    from unsclab.explore.run import ExploreResult

#: Version of the folder's layout, in its manifest.
FORMAT = 1

#: what a read-only file system, a full disk or a missing permission raise
WRITE_ERRORS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM,
                 errno.ENOTDIR, errno.EEXIST}


def check_folder(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise SpaceError("is not a folder; expected a folder for the results (it is created "
                         "when missing)", file=str(outdir), field="--out")


def write_final(result: ExploreResult) -> None:
    from unsclab.designs.io import parse_design, save_design

    out = result.out
    meta = {"unsclab.explore.space": result.space.text,
            "unsclab.explore.file": result.space.file or ""}
    atomic_parquet(result.table, out / "designs.parquet", meta)
    front = result.pareto
    atomic_parquet(front, out / "pareto.parquet", meta)
    atomic_json(result.to_json(), out / "pareto.json")
    folder = out / "pareto"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.toml"):
        old.unlink(missing_ok=True)
    if len(front) <= 500:
        for _, row in front.iterrows():
            save_design(parse_design(row["design_toml"]), folder / f"{row['id']}.toml")


def open_manifest(outdir: Path, space: Space, seed: int, budget: int, ids_hash: str,
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
    atomic_json(manifest, path)
    return manifest


def atomic_json(obj: Any, path: Path) -> None:
    _atomic_write(path, lambda fh: fh.write(json.dumps(obj, indent=1, default=_jsonable).encode()))


def atomic_parquet(frame, path: Path, metadata: dict[str, str] | None = None) -> None:
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
