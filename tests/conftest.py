"""Shared test set-up.

Tests read the raw sources through ``UNSCLAB_DATA``. When it is unset and the workplace's
``../shared/data`` mirror exists beside the checkout, point it there.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SHARED = ROOT.parent / "shared" / "data"

if "UNSCLAB_DATA" not in os.environ and _SHARED.is_dir():
    os.environ["UNSCLAB_DATA"] = str(_SHARED)


def pytest_sessionstart(session):
    """In CI the data mirror and Chromium must be there: skipping their tests would hide failures."""
    import shutil

    if not os.environ.get("CI"):
        return
    data = os.environ.get("UNSCLAB_DATA")
    if not (data and Path(data).is_dir()):
        raise RuntimeError(
            f"CI run without the data mirror: UNSCLAB_DATA={data!r} and {_SHARED} is missing"
        )
    if not shutil.which("chromium"):
        raise RuntimeError("CI run without chromium: 'make test' installs Debian's chromium package")
