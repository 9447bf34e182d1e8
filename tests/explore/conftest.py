"""Shared fixtures of the explorer's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "explore-small.toml"

# A space of 3 x 2 x 2 x 2 x 3 x 2 = 144 combinations (veto rule, quota fraction, the African
# permanent seat's count and veto flag, APG and AG elected counts); 96 distinct councils once
# the duplicates are dropped (see test_space.py); a few seconds to evaluate in full.
TINY = """
[search]
id = "tiny"
budget = 1000
seed = 3
chunk_size = 7

[rule]
veto = ["one", "two", "none"]
quota_fraction = [0.6, 0.67]

[[seats]]
kind = "permanent"
group = "AG"
count = [0, 1]
veto = [false, true]

[[seats]]
kind = "elected"
group = "APG"
count = {min = 2, max = 4}

[[seats]]
kind = "elected"
group = "AG"
count = [3, 4]

[[seats]]
kind = "elected"
group = "EEG"
count = 1

[[seats]]
kind = "elected"
group = "GRULAC"
count = 2

[[seats]]
kind = "elected"
group = "WEOG"
count = 2

[[objectives]]
name = "coleman_act"

[[objectives]]
name = "penrose_distance"

[[objectives]]
name = "bloc_power_share"
bloc = "SWP-middle-powers"
label = "middle_powers"
"""


@pytest.fixture
def tiny_text() -> str:
    return TINY
