"""The registry of raw source files unsclab reads.

Each :class:`Source` names a file by its path relative to the data folder (the folder
``$UNSCLAB_DATA`` points at), its SHA-256 and the public URL of the
pinned original: a raw GitHub URL at the commit given in the data README. A copy whose hash
differs is refused (see :mod:`unsclab.data.fetch`).

Licences: Sciences Po UNSC votes CC BY 4.0 (attribution: MARTIN, Benoît, 2026, "UNSC votes since
1946 Database", data.sciencespo, V1, Atelier de cartographie de Sciences Po / GRAM); WPDL veto
list MIT; DPPA membership: UN Peace and Security Data Hub (terms of the Data Hub); unvotes MIT,
data CC0 (Voeten et al., Harvard Dataverse hdl:1902.1/12379); mledoze/countries ODbL 1.0; World
Bank via datahub PDDL 1.0; GA ideal points 1946-2025 and Voeten v33 roll calls CC0 (Harvard
Dataverse doi:10.7910/DVN/LEJUQZ and hdl:1902.1/12379), both pinned at secondary mirrors
(``mirror=True``).
"""

from __future__ import annotations

__all__ = ["Source", "SOURCES", "source", "source_names"]

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One raw source file."""

    name: str  # short id used by readers and the CLI
    path: str  # relative to the data folder (``$UNSCLAB_DATA``)
    sha256: str
    url: str  # the pinned original
    title: str
    licence: str
    note: str = ""
    attribution: str = ""  # the citation the licence asks for (shipped in the snapshot manifest)
    origin: str = ""  # the publisher's own page for the dataset
    mirror: bool = False  # ``url`` is a secondary copy by a third party, not the publisher's


_GH = "https://raw.githubusercontent.com"

SOURCES: tuple[Source, ...] = (
    Source(
        name="sciencespo_votes",
        path="sc_votes_sciencespo/UNSC_votes_1946-2025.csv",
        sha256="82f67c1392c1599e62fcbcdf81cbebbe266e09e745086d525849bf4b210af16c",
        url=f"{_GH}/AtelierCartographie/bd-unsc/a7e64be044f60e33fb46e8d6dc228720be9ec9a2/"
        "src/lib/data/Clean%20BD%20pour%20export%20%E2%80%93%20UNSC%20votes%201946-2025.csv",
        title="UNSC votes since 1946 Database (Sciences Po, MARTIN 2026, V1)",
        licence="CC BY 4.0",
        note="renamed from 'Clean BD pour export – UNSC votes 1946-2025.csv'; bytes identical",
        attribution=('MARTIN, Benoît, 2026, "UNSC votes since 1946 Database", '
            'data.sciencespo, V1, Atelier de cartographie de Sciences Po / GRAM (CC '
            'BY 4.0)'),
        origin=('https://data.sciencespo.fr/ (the pinned URL is the Atelier de '
            "cartographie's own repository)"),
    ),
    Source(
        name="wpdl_vetoes",
        path="sc_vetoes_wpdl/unsc_vetoes_1946_sept2022.csv",
        sha256="d6b65d698d8f4e5a6eddcd922e7659b40e22d262940f1440b51360929d87ab74",
        url=f"{_GH}/world-politics-datalab/vetoes-un-security-council/"
        "661c5246872143cf16e500e4e7f2f70a45df5ac8/unsc_vetoes_1946_sept2022.csv",
        title="List of UN Security Council vetoes 1946-2022 (World Politics Data Lab)",
        licence="MIT",
        attribution=('World Politics Data Lab, "List of UN Security Council vetoes '
            '1946-2022" (MIT)'),
        origin=('https://github.com/world-politics-datalab/vetoes-un-security-council'),
    ),
    Source(
        name="dppa_membership",
        path="sc_membership_dppa/DPPA-SCMembership.csv",
        sha256="cd0cd5af751afc999b3e5d9e3a8b41cbdb45ea41700cb5b9b368de2ee13246fa",
        url=f"{_GH}/AnDrea-ai29/imf-replizierung/408726e49f28e77d0e7ed604e404566f84da65d3/"
        "data/raw/unsc/DPPA-SCMembership.csv",
        title="DPPA-SCMembership (UN Peace and Security Data Hub)",
        licence="UN Peace and Security Data Hub terms",
        note="secondary mirror: the pinned URL is an unrelated third party's copy (the Data Hub "
        "publishes no fixed version); the registered bytes are a copy rebuilt from a text copy "
        "with LF line endings, so a download will never match the hash and is refused. unsclab "
        "does not need this file: Council membership is derived from the record's ballots and "
        "the published election results; DPPA serves only as a cross-check",
        attribution=('UN Department of Political and Peacebuilding Affairs, Peace and '
            'Security Data Hub, "DPPA-SCMembership"'),
        origin=('https://psdata.un.org/dataset/DPPA-SCMembership'),
        mirror=True,
    ),
    Source(
        name="ga_votes",
        path="ga_unvotes/un_votes.rda",
        sha256="cf814a48bc536e8f87f8e027942ac515fe6aae9d63cd71dd88ed718b14887e87",
        url=f"{_GH}/dgrtwo/unvotes/7eb7034314ff79c49c9e0785fcd9d216fa04cf14/data/un_votes.rda",
        title="unvotes: UN General Assembly votes (Voeten et al.)",
        licence="MIT (package); data CC0",
        attribution=('Erik Voeten, Anton Strezhnev and Michael Bailey, "United Nations '
            'General Assembly Voting Data", Harvard Dataverse, hdl:1902.1/12379 '
            '(CC0), as packaged in the R package unvotes (David Robinson)'),
        origin=('https://hdl.handle.net/1902.1/12379'),
    ),
    Source(
        name="ga_roll_calls",
        path="ga_unvotes/un_roll_calls.rda",
        sha256="ff2070ae600cfd32176c6d149637306b9b677d6b910f48bec59a15357d673b4b",
        url=f"{_GH}/dgrtwo/unvotes/7eb7034314ff79c49c9e0785fcd9d216fa04cf14/data/"
        "un_roll_calls.rda",
        title="unvotes: UN General Assembly roll calls",
        licence="MIT (package); data CC0",
        attribution=('Erik Voeten, Anton Strezhnev and Michael Bailey, "United Nations '
            'General Assembly Voting Data", Harvard Dataverse, hdl:1902.1/12379 '
            '(CC0), as packaged in the R package unvotes (David Robinson)'),
        origin=('https://hdl.handle.net/1902.1/12379'),
    ),
    Source(
        name="ga_issues",
        path="ga_unvotes/un_roll_call_issues.rda",
        sha256="eec1b509ebce692c242b842837d5d861b52b65b2868a7c66f573d4a87d2eb0be",
        url=f"{_GH}/dgrtwo/unvotes/7eb7034314ff79c49c9e0785fcd9d216fa04cf14/data/"
        "un_roll_call_issues.rda",
        title="unvotes: UN General Assembly roll-call issues",
        licence="MIT (package); data CC0",
        attribution=('Erik Voeten, Anton Strezhnev and Michael Bailey, "United Nations '
            'General Assembly Voting Data", Harvard Dataverse, hdl:1902.1/12379 '
            '(CC0), as packaged in the R package unvotes (David Robinson)'),
        origin=('https://hdl.handle.net/1902.1/12379'),
    ),
    Source(
        name="undl_scrape",
        path="undl_scrape_2021/UN_DATA.csv.zip",
        sha256="2f4db50f94c82f497e57a1643e55e007d62fb73db897c4c47b016894389860ba",
        url=f"{_GH}/navyanawal0310/un-votes-intelligence-platform/"
        "b1a33e9f13e44a213373dc4baf927cda041488ff/data/raw/downloads/UN%20DATA.csv.zip",
        title="UN Digital Library voting records, GA and SC, to 2021 (scrape, entry of "
        "2022-01-29)",
        licence="none stated (empty LICENSE); UN Digital Library data: non-commercial use with "
        "attribution",
        note="for checks and derived facts only (ballot cross-check, subject coding); its raw "
        "rows are never shipped in the package or the snapshot",
        attribution="United Nations Dag Hammarskjöld Library, Voting Data "
        "(digitallibrary.un.org), as scraped to 2021",
        origin="https://digitallibrary.un.org/search?cc=Voting+Data",
        mirror=True,
    ),
    Source(
        name="countries",
        path="countries_mledoze/countries.json",
        sha256="69e45428770b8750c89a54ac6e6c91131c56cac930ec63551f9ee6d2a179f2da",
        url=f"{_GH}/mledoze/countries/5e9f370050f83ad2ba4cb885f75d66114badf72c/countries.json",
        title="mledoze/countries",
        licence="ODbL 1.0",
        attribution=('mledoze/countries contributors, "countries" (ODbL 1.0); tables derived '
            'from it are derivative databases under the ODbL'),
        origin=('https://github.com/mledoze/countries'),
    ),
    Source(
        name="population",
        path="worldbank_datasets/population.csv",
        sha256="7d2dd6a17f5ed7916de1f89a9c116791e64d207f2e2f6ce47c57e1ab46f0088a",
        url=f"{_GH}/datasets/population/425fc447a53a26c767a15a7de60c4cc2478a0595/"
        "data/population.csv",
        title="World Bank SP.POP.TOTL (datahub datasets/population)",
        licence="PDDL 1.0",
        attribution=('World Bank, World Development Indicators, SP.POP.TOTL (via the datahub '
            'package datasets/population, PDDL 1.0)'),
        origin=('https://data.worldbank.org/indicator/SP.POP.TOTL'),
    ),
    Source(
        name="gdp",
        path="worldbank_datasets/gdp.csv",
        sha256="f0a8408195646dbb1a9d7fc4424e2d302ee5380d0ec8834793f12ca25cbd7e2c",
        url=f"{_GH}/datasets/gdp/822019c80142c162e4ca4eb1a63699ae36075078/data/gdp.csv",
        title="World Bank NY.GDP.MKTP.CD (datahub datasets/gdp)",
        licence="PDDL 1.0",
        attribution=('World Bank, World Development Indicators, NY.GDP.MKTP.CD (via the '
            'datahub package datasets/gdp, PDDL 1.0)'),
        origin=('https://data.worldbank.org/indicator/NY.GDP.MKTP.CD'),
    ),
    Source(
        name="ga_ideal_points",
        path="ga_idealpoints_voeten/Idealpointestimates1946-2025.tab",
        sha256="156bb24075dd7124ced3659c9c9c72b0999f9ebd7e822fb30904271ca6ad5478",
        url=f"{_GH}/s-geffroy/cvs/10db2f99a9dbfa105a4c9be35625d96bc29d83b4/"
        "data_sources/un_voting/Idealpointestimates1946-2025.tab",
        title="UN General Assembly ideal points 1946-2025 (Bailey, Strezhnev and Voeten)",
        licence="CC0 (Harvard Dataverse terms)",
        note="secondary mirror: a byte copy of the Dataverse data file 13642025 kept in the "
        "repository s-geffroy/cvs",
        attribution=('Voeten, Strezhnev & Bailey, "United Nations General Assembly Voting '
            'Data", Harvard Dataverse, doi:10.7910/DVN/LEJUQZ, file '
            'Idealpointestimates1946-2025.tab; Bailey, Strezhnev & Voeten, J. Conflict '
            'Resolution 61(2) (2017) 430-456 (CC0)'),
        origin="https://doi.org/10.7910/DVN/LEJUQZ",
        mirror=True,
    ),
    Source(
        name="ga_votes_v33",
        path="ga_votes_voeten_v33/ungaVoting_003.csv",
        sha256="42948eab4adac8302b78a02ca08e4ef0a82a752320bf634b8b26eb7a5dd2bf12",
        url=f"{_GH}/Pigeon-Effect/Mapping-UNGA-Voting-Alliances/"
        "704abe1ef8f4d6dacf9de804572d28bdeeb1b348/docs/static/ungaVoting_003.csv",
        title="UN General Assembly roll calls 1946 - June 2024 (Voeten v33, reshaped)",
        licence="CC0 (Harvard Dataverse terms); the reshaping repository states no licence",
        note="secondary mirror, reshaped by Pigeon-Effect/Mapping-UNGA-Voting-Alliances (one "
        "column per state, states merged into successors); not the Dataverse file's layout",
        attribution=('Voeten, "United Nations General Assembly Voting Data", Harvard '
            'Dataverse, hdl:1902.1/12379, version 33 (2024-06-24) (CC0)'),
        origin="https://hdl.handle.net/1902.1/12379",
        mirror=True,
    ),
)

_BY_NAME = {s.name: s for s in SOURCES}


def source_names() -> list[str]:
    return [s.name for s in SOURCES]


def source(name: str) -> Source:
    """The registered :class:`Source` called ``name`` (or whose ``path`` is ``name``)."""
    from unsclab.errors import DataError

    if name in _BY_NAME:
        return _BY_NAME[name]
    for s in SOURCES:
        if s.path == name:
            return s
    raise DataError(
        f"unknown source {name!r}; expected one of {', '.join(_BY_NAME)}", field="source"
    )
