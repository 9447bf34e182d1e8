#!/usr/bin/env python
"""Rebuild the embedded data snapshot ``src/unsclab/data/snapshot/`` from the raw sources.

Reads the registered sources from ``$UNSCLAB_DATA`` (the layout of the staged data folder; each
file's SHA-256 is verified against ``unsclab.data.registry``) and writes one Parquet file per
registered table (``unsclab.data.tables``) plus ``manifest.json`` (build date, source hashes,
attributions and licences, table hashes and coverage). The build is deterministic: the same
sources and project tables give the same rows (``content_sha256``) and, with the same pyarrow,
the same bytes. Set ``SOURCE_DATE_EPOCH`` to fix the build date.

Usage::

    UNSCLAB_DATA=/path/to/data python scripts/build_snapshot.py          # rewrite the snapshot
    UNSCLAB_DATA=/path/to/data python scripts/build_snapshot.py --check  # exit 1 if it differs

Whoever changes something that feeds the snapshot (a reader, a builder, a committed table such
as corrections.csv) reruns this script and commits the result.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unsclab.data.snapshot import build_snapshot, read_manifest  # noqa: E402

OUT = ROOT / "src" / "unsclab" / "data" / "snapshot"


def differences(a: dict, b: dict) -> list[str]:
    """What differs between two manifests, ignoring the build date and version."""
    out = []
    if a["sources"] != b["sources"]:
        out.append("sources differ")
    for name in sorted(set(a["tables"]) | set(b["tables"])):
        ta, tb = a["tables"].get(name), b["tables"].get(name)
        if ta is None or tb is None:
            out.append(f"table {name}: only in {'the rebuild' if ta is None else 'the snapshot'}")
            continue
        for k in ("content_sha256", "key", "rows", "years", "schema_version", "inputs"):
            if ta[k] != tb[k]:
                out.append(f"table {name}: {k} differs")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="build into a temporary folder and compare with the committed snapshot")
    args = ap.parse_args()
    folder = os.environ.get("UNSCLAB_DATA")
    if not folder:
        sys.exit("error: set UNSCLAB_DATA to the folder holding the raw sources")
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            new = build_snapshot(Path(tmp), Path(folder))
        diff = differences(read_manifest(OUT), new)
        for line in diff:
            print(line)
        print("snapshot is current" if not diff else "snapshot differs: rerun without --check")
        return 1 if diff else 0
    manifest = build_snapshot(OUT, Path(folder))
    total = sum(t["size"] for t in manifest["tables"].values())
    for name, t in manifest["tables"].items():
        print(f"{name:16} {t['rows']:>8} rows  {t['size']:>9} bytes  years {t['years']}")
    print(f"wrote {OUT.relative_to(ROOT)} ({total / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
