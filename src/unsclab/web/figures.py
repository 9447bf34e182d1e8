"""The pages' figures as inline SVG (drawn by :mod:`unsclab.report.figures`, cached by
:mod:`unsclab.web.service`)."""

from __future__ import annotations

__all__ = ["group_svg", "pareto_svg", "years_svg", "replay_svg"]

from functools import lru_cache

from unsclab.views import occupancy_text
from unsclab.web import service, store

# Figures of catalogue designs are deterministic (seeded, from cached results): kept, like the
# results, for the life of the process (bounded) and on disk (unsclab.web.store).


def group_svg(design_id: str, view) -> str:
    from unsclab.report.figures import group_power

    return service.figure_svg(group_power, view)


def _designs(ids: tuple[str, ...]):
    return tuple(service.catalog_design(i) for i in ids)


@lru_cache(maxsize=128)
def pareto_svg(ids: tuple[str, ...]) -> str:
    from unsclab.report.figures import act_vs_equality

    return store.cached_svg("pareto", _designs(ids), lambda: service.figure_svg(
        act_vs_equality, [service.catalog_view(i) for i in ids]))


@lru_cache(maxsize=128)
def years_svg(ids: tuple[str, ...], code: str) -> str:
    from unsclab.report.figures import years_per_decade

    def draw() -> str:
        designs = list(_designs(ids))
        occ = [service.occupancy_of(d) for d in designs]  # before the figure lock
        return service.figure_svg(years_per_decade, designs, code,
                                  occupancy=service.occupancy_of,
                                  occupancy_note=occupancy_text(occ[0].method))

    return store.cached_svg("years", _designs(ids), draw, code)


@lru_cache(maxsize=128)
def replay_svg(ids: tuple[str, ...]) -> str:
    from unsclab.report.figures import replay_adoption

    def draw() -> str:
        views = [service.catalog_view(i) for i in ids]
        rp = views[0]["replay"]
        return service.figure_svg(replay_adoption, {v["design"]["id"]: v["replay"]["by_year"]
                                                    for v in views},
                                  since=rp["since"], draws=rp["draws"], seed=rp["seed"])

    return store.cached_svg("replay", _designs(ids), draw)
