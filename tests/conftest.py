"""Shared test set-up.

Tests read the raw sources through ``UNSCLAB_DATA``. When it is unset and the workplace's
``../shared/data`` mirror exists beside the checkout, point it there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SHARED = ROOT.parent / "shared" / "data"

if "UNSCLAB_DATA" not in os.environ and _SHARED.is_dir():
    os.environ["UNSCLAB_DATA"] = str(_SHARED)


def _in_ci() -> bool:
    """CI is on when ``CI`` is set to anything but an empty string, 0, false or no."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def pytest_sessionstart(session):
    """In CI the data mirror and Chromium must be there: skipping their tests would hide failures."""
    import shutil

    if not _in_ci():
        return
    data = os.environ.get("UNSCLAB_DATA")
    if not (data and Path(data).is_dir()):
        raise RuntimeError(
            f"CI run without the data mirror: UNSCLAB_DATA={data!r} and {_SHARED} is missing"
        )
    if not shutil.which("chromium"):
        raise RuntimeError("CI run without chromium: 'make test' installs Debian's chromium package")


# In CI no test may be skipped: a missing optional dependency (playwright, fastapi, schemathesis,
# matplotlib, dask, ...) or data file would otherwise turn its tests into silent skips. Each skip,
# of a test or of a whole module (importorskip at import), is reported as a failure instead.

def _fail_skip(report) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI (CI={os.environ.get('CI')!r}): {reason}"



@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if _in_ci():
        _fail_skip(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    report = yield
    if _in_ci():
        _fail_skip(report)
    return report
