"""What each decision is about: subject, countries and region concerned, peace operations,
regional arrangements — a documented rule-based coding of the titles.

The text coded is the decision's title: for adopted resolutions the UN Digital Library's title
with its bracketed subject ("[on extension of the mandate of the UN Mission in …]"; about a
quarter are cut at ~150 characters with "[...]" in both the Library and the Sciences Po copy),
for drafts not adopted the agenda item. Rules, applied in order (first match wins for the
subject); each is a regular expression over the title, case-insensitive:

``subject``
    ``membership`` (admission, application for membership), ``appointments and elections``
    (Secretary-General, International Court of Justice, prosecutor), ``sanctions`` (sanctions,
    embargo, measures imposed, panel of experts, asset freeze), ``peace operations`` (a UN
    mission, force, operation or office, or its acronym; the African Union's missions; a
    multinational force), ``justice and tribunals``
    (tribunal, criminal court, residual mechanism), ``terrorism`` (terrorism, ISIL, Al-Qaida,
    Taliban), ``non-proliferation`` (nuclear, non-proliferation, weapons of mass destruction,
    chemical weapons), ``thematic protection`` (children, women, civilians, humanitarian,
    refugees), ``conflict and ceasefire`` (ceasefire, hostilities, aggression, complaint,
    attack, withdrawal, situation, question, military, occupied), else ``other``.
``countries``
    every state named in the title (UN names, common and historical names; longest match
    first, so "Guinea-Bissau" is not also "Guinea"), plus Palestine and Kosovo when named;
    a title that names none inherits the countries most often named beside an operation's or
    body's acronym it names (UNMISS, UNPROFOR, UNITA …), else those of the first resolution
    it cites.
``region``
    the region of the countries named: Africa, Americas, Asia-Pacific, Europe, Middle East
    (Western Asia and Iran, without the Caucasus, Cyprus and Türkiye, which are Europe);
    ``several`` when they span regions; ``thematic`` when none is named.
``peace_operation``
    for adopted resolutions that name a UN operation: ``establishes`` (establishment, decides to
    establish), ``ends`` (termination, final extension, withdrawal, liquidation), ``renews``
    (extension, renewal of the mandate), else empty.
``regional_arrangement``
    an adopted resolution that names a regional organisation (African Union and its missions,
    ECOWAS, the EU and its forces, NATO, the OAS, the League of Arab States, the CIS, OSCE,
    SADC, IGAD, ECCAS) and authorizes, mandates, supports or endorses its action (Charter
    Chapter VIII, Art. 52-54).

The coding is tested on a hand-coded sample (``tests/record/fixtures/hand_coded.csv``) and its
accuracy measured (docs/record.md).
"""

from __future__ import annotations

__all__ = ["REGIONS", "SUBJECTS", "code_decisions", "region_of"]

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: A UN peace operation named in a title: the phrase (any case) or its acronym (capitals).
_UN_OP = (r"(?i:\b(UN|United Nations)\b[^\]]{0,60}\b(Mission|Force|Operation|Observer|"
          r"Observers|Office|Assistance|Stabilization|Transitional|Interim|Protection|"
          r"Verification|Peacekeeping|Emergency Force|Support)\b|peace-?keeping)|"
          r"\bUN(?!ITA\b)[A-Z]{2,}\b|\bMINU[A-Z]+\b|\bMONU[A-Z]+\b|\bONU[A-Z]+\b|"
          r"\bBINU[A-Z]+\b|\bAMISOM\b|\bATMIS\b|\bAUSSOM\b|(?i:African Union Mission|"
          r"multinational (?:force|security presence))")
_UN_OP_RE = re.compile(_UN_OP)
#: The UN's own operations only (the peace_operation flag): not the AU's or multinational ones.
_UN_ONLY_RE = re.compile(_UN_OP.split("|\\bAMISOM")[0])
SUBJECTS = (
    ("membership", r"admission|membership|application"),
    ("appointments and elections", (r"secretary-general\b.*appoint|appoint.*secretary-general|"
                                    r"international court of justice|\bICJ\b|prosecutor|"
                                    r"secret vote")),
    ("sanctions", (r"sanction|embargo|measures imposed|panel of experts|asset freeze|"
                   r"travel ban|arms export|measures against")),
    ("peace operations", _UN_OP),
    ("justice and tribunals", r"tribunal|criminal court|residual mechanism"),
    ("terrorism", r"terroris|\bISIL\b|Da'esh|Al-Qaida|Taliban"),
    ("non-proliferation", (r"nuclear|non-proliferation|weapons of mass destruction|"
                           r"chemical weapons|1540")),
    ("thematic protection", r"children|women|civilian|humanitarian|refugee|prisoners of war"),
    ("conflict and ceasefire", (r"cease-?fire|hostilities|aggression|complaint|attack|"
                                r"withdrawal|situation|question|incident|military|occupied")),
)
REGIONS = ("Africa", "Americas", "Asia-Pacific", "Europe", "Middle East", "several", "thematic")
_ESTABLISH = re.compile(r"establishment|decides to establish|\bestablish(es|ing)?\b|"
                        r"setting up|creation", re.IGNORECASE)
_END = re.compile(r"termination|terminat|final (extension|period)|liquidation|closure|"
                  r"\bwithdrawal of the (UN|United Nations)", re.IGNORECASE)
_RENEW = re.compile(r"extension|extend|renewal|renew", re.IGNORECASE)
_REGIONAL = re.compile(r"African Union|Organization of African Unity|\bOAU\b|\bAU\b|\bAMISOM\b|\bATMIS\b|\bAUSSOM\b|\bAFISMA\b|"
                       r"\bMISCA\b|ECOWAS|ECOMOG|Economic Community of West African|"
                       r"European Union|\bEUFOR\b|\bEU\b|\bNATO\b|North Atlantic Treaty|"
                       r"Organization of American States|\bOAS\b|League of Arab States|"
                       r"Arab League|Commonwealth of Independent States|\bCIS\b|\bOSCE\b|"
                       r"\bSADC\b|\bIGAD\b|\bECCAS\b|Multinational Joint Task Force")
_ACTS = re.compile(r"authori[sz]|mandate|support|endors|deploy|renewal of the authori|"
                   r"peace-?keeping force|fund for", re.IGNORECASE)
#: Places the Council names that are not member states.
_PLACES = {"palestin": "PSE", "occupied territories": "PSE", "gaza": "PSE",
           "kosovo": "XKX", "western sahara": "ESH", "south west africa": "NAM",
           "southern rhodesia": "ZWE", "east timor": "TLS", "kashmir": "IND;PAK",
           "india-pakistan": "IND;PAK", "former yugoslavia": "YUG", "korea": "KOR",
           "leopoldville": "COD", "congo (capital leopoldville)": "COD", "the congo": "COD",
           "unita": "AGO", "transjordan": "JOR", "indonesian": "IDN", "aghanistan": "AFG",
           "iraq-kuwait": "IRQ;KWT", "greek": "GRC", "spanish question": "ESP"}
#: Regions the Council names without a state (when no state is named).
_REGION_WORDS = (("Middle East", (r"middle east|arab territories|palestin|golan|sinai|suez|"
                                  r"\bUNDOF\b|\bUNEF\b|disengagement observer")),
                 ("Africa", r"\bafrica\b|great lakes|sahel|horn of africa|apartheid"),
                 ("Americas", r"central america|latin america|caribbean"),
                 ("Europe", r"yugoslavia|balkans"),
                 ("Asia-Pacific", r"south-east asia|indochina"))
_PLACE_REGION = {"PSE": "Middle East", "XKX": "Europe", "ESH": "Africa"}
_CAUCASUS_EUROPE = {"ARM", "AZE", "GEO", "CYP", "TUR"}


@cache
def _region_table() -> dict[str, str]:
    import json

    from unsclab.data.fetch import locate
    from unsclab.data.readers import project_table

    out = {}
    for c in json.loads(locate("countries", download=False).read_text(encoding="utf-8")):
        region, sub = c.get("region", ""), c.get("subregion", "")
        code = c["cca3"]
        if region == "Asia" and sub == "Western Asia":
            out[code] = "Europe" if code in _CAUCASUS_EUROPE else "Middle East"
        elif code == "IRN":
            out[code] = "Middle East"
        elif region in ("Asia", "Oceania"):
            out[code] = "Asia-Pacific"
        elif region in ("Africa", "Americas", "Europe"):
            out[code] = region
    for r in project_table("historical_states.csv"):
        succ = r["successor"].split(";")[0]
        out.setdefault(r["iso3"], out.get(succ, "Europe" if r["group"] == "EEG" else ""))
    out.update(_PLACE_REGION)
    out.update({"YMD": "Middle East", "TWN": "Asia-Pacific"})
    return out


def region_of(iso3: str) -> str:
    """The agenda region of a state (see the module docstring)."""
    return _region_table().get(iso3, "")


@cache
def _name_patterns() -> list[tuple[re.Pattern, str]]:
    from unsclab.record_names import _aliases

    names = {k: v for k, v in _aliases().items() if len(k) >= 4 and not k.isupper()}
    names.update(_PLACES)
    for short in ("iraq", "iran", "mali", "chad", "peru", "cuba", "oman", "togo", "fiji"):
        names.setdefault(short, _aliases().get(short, ""))
    items = sorted(((k, v) for k, v in names.items() if v), key=lambda kv: -len(kv[0]))
    return [(re.compile(rf"(?<![\w-]){re.escape(k)}(?![\w-])"), v) for k, v in items]


def countries_in(title: str) -> list[str]:
    """The states named in ``title``, longest name first, each span used once."""
    from unsclab.record_names import _fold

    text = _fold(title)
    found: list[str] = []
    for pattern, code in _name_patterns():
        if pattern.search(text):
            text = pattern.sub(" ", text)
            for c in code.split(";"):
                if c not in found:
                    found.append(c)
    return found


def _subject(title: str) -> str:
    for name, rule in SUBJECTS:
        hit = _UN_OP_RE.search(title) if rule is _UN_OP else re.search(rule, title, re.IGNORECASE)
        if hit:
            return name
    return "other"


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z-]{2,})\)|\b(UN[A-Z]{2,}|MINU[A-Z]+|MONU[A-Z]+|"
                      r"ONU[A-Z]+|BINU[A-Z]+)\b")
_CITED = re.compile(r"resolutions? (\d{1,4}) \((\d{4})\)")


def _inherited(titles: list[str], numbers: list, found: list[list[str]]) -> list[list[str]]:
    """Countries for titles that name none: those of the operation or body whose acronym
    they name (the countries most often named beside it), else those of the first resolution
    they cite ("measures imposed by resolution 2146 (2014)")."""
    from collections import Counter

    by_acronym: dict[str, Counter] = {}
    by_number: dict[int, list[str]] = {}
    for title, num, codes in zip(titles, numbers, found):
        if codes:
            for m in _ACRONYM.finditer(title):
                by_acronym.setdefault(m[1] or m[2], Counter())[";".join(codes)] += 1
            if num is not None:
                by_number[int(num)] = codes
    out = []
    for title, codes in zip(titles, found):
        if not codes:
            for m in _ACRONYM.finditer(title):
                hit = by_acronym.get(m[1] or m[2])
                if hit:
                    codes = hit.most_common(1)[0][0].split(";")
                    break
        if not codes:
            for m in _CITED.finditer(title):
                if int(m[1]) in by_number:
                    codes = by_number[int(m[1])]
                    break
        out.append(codes)
    return out


def code_decisions(decisions: pd.DataFrame) -> pd.DataFrame:
    """``subject``, ``countries``, ``region``, ``peace_operation``, ``regional_arrangement``
    for every row of ``decisions`` (aligned on its index)."""
    import pandas as pd

    titles = decisions["title"].astype(str).tolist()
    numbers = [None if pd.isna(n) else int(n) for n in decisions["resolution_number"]]
    found_all = _inherited(titles, numbers, [countries_in(t) for t in titles])
    rows = []
    for title, outcome, found in zip(titles, decisions["outcome"].astype(str), found_all):
        regions = {region_of(c) for c in found} - {""}
        if not regions:
            regions = {name for name, rule in _REGION_WORDS if re.search(rule, title, re.IGNORECASE)}
        region = ("thematic" if not regions else regions.pop() if len(regions) == 1
                  else "several")
        op = ""
        if outcome == "adopted" and _UN_ONLY_RE.search(title):
            op = ("establishes" if _ESTABLISH.search(title) else "ends" if _END.search(title)
                  else "renews" if _RENEW.search(title) else "")
        regional = bool(outcome == "adopted" and _REGIONAL.search(title) and _ACTS.search(title))
        rows.append((_subject(title), ";".join(found), region, op, regional))
    out = pd.DataFrame(rows, index=decisions.index,
                       columns=["subject", "countries", "region", "peace_operation",
                                "regional_arrangement"])
    return out.astype({"subject": pd.CategoricalDtype([s for s, _ in SUBJECTS] + ["other"]),
                       "countries": "string", "region": pd.CategoricalDtype(list(REGIONS)),
                       "peace_operation": "string", "regional_arrangement": "bool"})
