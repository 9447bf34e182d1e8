"""Shared test set-up.

Tests read the raw sources through ``UNSCLAB_DATA``. When it is unset and the workplace's
``../shared/data`` mirror exists beside the checkout, point it there.

Tests that need the raw sources carry the ``data`` marker. Outside CI, where the sources can be
found neither in ``UNSCLAB_DATA`` nor in the user cache, they are skipped with a reason that says
how to provide them; under CI the sources are mandatory and no test may be skipped.
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


def _sources_available() -> bool:
    from unsclab.data.fetch import locate
    from unsclab.data.registry import source_names
    from unsclab.errors import DataError

    try:
        for name in source_names():
            locate(name, download=False)
    except DataError:
        return False
    return True


def pytest_collection_modifyitems(config, items):
    needs = [item for item in items if item.get_closest_marker("data")]
    if needs and not _in_ci() and not _sources_available():
        skip = pytest.mark.skip(reason="needs the raw data sources: set UNSCLAB_DATA to a folder "
                                       "holding them, or run 'unsclab data fetch' (README, 'Data')")
        for item in needs:
            item.add_marker(skip)


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
