"""Running a search: resuming, the Dask path, the output folder and the CLI."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from unsclab.explore import SpaceError, explore, parse_space

RESULT_COLUMNS = ["id", "coleman_act", "penrose_distance", "middle_powers", "m.gini_power_per_person",
                  "feasible", "pareto", "design_toml"]


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a[RESULT_COLUMNS].reset_index(drop=True),
                                  b[RESULT_COLUMNS].reset_index(drop=True))


def test_resume_after_interruption_gives_the_same_result(tiny_text, tmp_path):
    space = parse_space(tiny_text, "tiny.toml")
    whole = explore(space, out=tmp_path / "whole")
    part = explore(space, out=tmp_path / "cut", max_chunks=3)
    assert not part.complete and part.evaluated == 3 * 7
    assert len(list((tmp_path / "cut" / "parts").glob("*.parquet"))) == 3
    calls = []
    resumed = explore(space, out=tmp_path / "cut", progress=lambda d, t: calls.append(d))
    assert resumed.complete and resumed.info["resumed_chunks"] == 3
    assert calls[0] == 21  # the finished chunks were not recomputed
    _same(whole.table, resumed.table)
    on_disk = pd.read_parquet(tmp_path / "cut" / "designs.parquet")
    _same(whole.table, on_disk)
    front = json.loads((tmp_path / "cut" / "pareto.json").read_text())
    assert front["evaluated"] == whole.evaluated
    assert [p["id"] for p in front["pareto"]] == list(whole.pareto["id"])
    from unsclab.designs import load_design

    for p in front["pareto"]:
        d = load_design(tmp_path / "cut" / "pareto" / f"{p['id']}.toml")
        assert d == space.design(whole.table.set_index("id").loc[p["id"]].to_dict() | {"id": p["id"]})


def test_in_memory_equals_on_disk(tiny_text, tmp_path):
    space = parse_space(tiny_text, "tiny.toml")
    _same(explore(space).table, explore(space, out=tmp_path / "o").table)


def test_folder_of_another_search_is_refused(tiny_text, tmp_path):
    explore(parse_space(tiny_text, "tiny.toml"), out=tmp_path / "o", max_chunks=1)
    with pytest.raises(SpaceError, match="this folder holds another search"):
        explore(parse_space(tiny_text, "tiny.toml"), out=tmp_path / "o", seed=99, budget=10)


def test_dask_local_cluster_gives_the_same_result(tiny_text, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    space = parse_space(tiny_text, "tiny.toml")
    local = explore(space)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = explore(space, client=client, out=tmp_path / "dask")
    _same(local.table, remote.table)


def test_unreachable_scheduler(tiny_text):
    from unsclab.errors import UnsclabError

    with pytest.raises(UnsclabError, match="expected 'local' or a scheduler address"):
        explore(parse_space(tiny_text, "tiny.toml"), scheduler="nowhere")


def test_cli_json(tiny_text, tmp_path):
    from typer.testing import CliRunner

    from unsclab.cli.main import app

    path = tmp_path / "tiny.toml"
    path.write_text(tiny_text)
    res = CliRunner().invoke(app, ["explore", str(path), "--out", str(tmp_path / "o"), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["evaluated"] == parse_space(tiny_text, "tiny.toml").candidates()[1]["candidates"]
    assert doc["pareto"] and {"id", "objectives"} <= set(doc["pareto"][0])
    assert set(doc["pareto"][0]["objectives"]) == {"coleman_act", "penrose_distance", "middle_powers"}


def test_cli_bad_file_one_line(tiny_text, tmp_path):
    from typer.testing import CliRunner

    from unsclab.cli.main import app

    path = tmp_path / "bad.toml"
    path.write_text(tiny_text.replace('name = "coleman_act"', 'name = "able_to_act"'))
    res = CliRunner().invoke(app, ["explore", str(path)])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}:")
    assert "objectives[1].name: unknown objective 'able_to_act'" in lines[0]
    # under --json the same problem is the web's error envelope on stdout
    res = CliRunner().invoke(app, ["explore", str(path), "--json"])
    import json

    problem = json.loads(res.stdout)["error"]["problems"][0]
    assert res.exit_code == 1 and problem["file"] == str(path)
    assert problem["field"] == "objectives[1].name"


def test_every_design_rebuilds_from_the_table(tiny_text, tmp_path):
    from unsclab.explore import design_from_table

    space = parse_space(tiny_text, "tiny.toml")
    result = explore(space, out=tmp_path / "o")
    for design_id in list(result.table["id"])[::9]:
        d = design_from_table(tmp_path / "o" / "designs.parquet", design_id)
        assert d.id == design_id and d == result.design(design_id)
    assert (result.pareto["design_toml"] != "").all()
    assert (result.table.loc[~result.table["pareto"], "design_toml"] == "").all()


def test_plot_writes_a_png(tiny_text, tmp_path):
    pytest.importorskip("matplotlib")
    from unsclab.explore.plot import plot_results

    result = explore(parse_space(tiny_text, "tiny.toml"))
    path = plot_results(result, tmp_path / "f.png", references=("status-quo",))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
