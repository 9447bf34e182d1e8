"""Reader of the World Politics Data Lab list of vetoed Security Council drafts (1946–2022)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from unsclab.data.reading import csv_with_header, source_path
from unsclab.errors import DataError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


_WPDL_NAMES = {"USSR": "RUS", "Russia": "RUS", "USA": "USA", "UK": "GBR", "China": "CHN",
               "France": "FRA"}


def read_vetoes_wpdl(path: str | Path | None = None) -> pd.DataFrame:
    """The World Politics Data Lab list of vetoed drafts (214 rows, 1946-02-16 … 2022-07-08).

    Columns: ``date`` (datetime64), ``year`` (int16), ``draft``, ``meeting_record``,
    ``agenda_item``, ``crisis_topic``, ``region`` (string), ``member_veto`` (string: the
    ``member_veto1..3`` names as the source spells them, ``;``-joined), ``vetoed_by`` (string:
    the same as ISO3 codes, USSR and Russia both ``RUS``, ``;``-joined in source order),
    ``n_vetoes`` (int8), ``line`` (int32). The dummy columns (``China`` … ``france_uk``) are not
    kept: the source's README notes that 26 rows disagree with ``member_veto*``.
    """
    import pandas as pd

    p = source_path("wpdl_vetoes", path)
    file, rows, header = csv_with_header(p)
    need = ["year", "date", "draft", "meeting_record", "agenda_item", "crisis_topic", "region",
            "member_veto1", "member_veto2", "member_veto3"]
    header = [h.strip().lstrip("\ufeff") for h in header]
    for n in need:
        if n not in header:
            raise DataError(f"column {n!r} is missing", file=file, line=1, field=n)
    ix = {n: header.index(n) for n in need}
    recs = []
    for line, row in rows:
        if len(row) != len(header):
            raise DataError(f"row has {len(row)} fields; expected {len(header)}", file=file,
                            line=line)
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", row[ix["date"]].strip())
        if not m:
            raise DataError(f"{row[ix['date']]!r} is not a date; expected M/D/YYYY", file=file,
                            line=line, field="date")
        date = f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"
        raw = [row[ix[f"member_veto{k}"]].strip() for k in (1, 2, 3)]
        raw = [r for r in raw if r]
        for r in raw:
            if r not in _WPDL_NAMES:
                raise DataError(f"unknown vetoing member {r!r}; expected one of "
                                f"{', '.join(_WPDL_NAMES)}", file=file, line=line,
                                field="member_veto")
        recs.append((pd.Timestamp(date), int(m[3]), row[ix["draft"]].strip(),
                     row[ix["meeting_record"]].strip(), row[ix["agenda_item"]].strip(),
                     row[ix["crisis_topic"]].strip(), row[ix["region"]].strip(), ";".join(raw),
                     ";".join(_WPDL_NAMES[r] for r in raw), len(raw), line))
    cols = ["date", "year", "draft", "meeting_record", "agenda_item", "crisis_topic", "region",
            "member_veto", "vetoed_by", "n_vetoes", "line"]
    df = pd.DataFrame.from_records(recs, columns=cols)
    return df.astype({"year": "int16", "draft": "string", "meeting_record": "string",
                      "agenda_item": "string", "crisis_topic": "string", "region": "string",
                      "member_veto": "string", "vetoed_by": "string", "n_vetoes": "int8",
                      "line": "int32"})
