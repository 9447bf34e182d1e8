"""The editor's form covers every field of the design format, in real Chromium.

Round trip: a design drawn into the form and read back from it (form → JSON → the server's
model → TOML) is the design it was drawn from, for every catalogue design and for a design that
uses every field; the only changes are those that keep an edited design honest (its own id and
name, ``hypothetical``, and a first source saying where it started instead of the real
design's sources). Then the fields that used to be TOML-only are edited in the form and the
numbers checked against counts of winning coalitions done by hand.
"""

from __future__ import annotations

import base64
import re

import pytest

from test_browser import ARTIFACTS, open_page, page, server  # noqa: F401  (Chromium fixtures)
from unsclab.designs import catalog_ids, design_to_dict, load_design, parse_design

pytestmark = [pytest.mark.browser]

AUTO = "Edited in the unsclab editor, starting from "

# every field of the format, with values no catalogue design has (read back exactly)
EVERY_FIELD = '''
id = "every-field-edited"
name = "A council with every field"
year = 2031
status = "proposed"
summary = "Eight seats: three permanent (a veto deferred for one), a long-term seat and four elected."

[rule]
quota = 5
procedural_quota = 4

[rule.veto]
classes = ["permanent"]
negatives = 2
deferred = ["new-permanent"]
review_after_years = 12
abstention_blocks = true

[[rule.majorities]]
classes = ["elected"]
at_least = 2
applies_to = "all"
note = "two of the elected seats must agree"

[[rule.alternatives]]
quota = 6
note = "six votes override the veto"

[rule.alternatives.veto]
classes = ["new-permanent"]
negatives = 1

[[rule.alternatives.majorities]]
classes = ["long-term", "elected"]
at_least = 3

[[seats]]
id = "permanent"
kind = "permanent"
count = 2
label = "Permanent (named)"
holders = ["FRA", "GBR"]

[[seats]]
id = "new-permanent"
kind = "permanent"
count = 1
group = "AG"
label = "New permanent, Africa"
eligible = ["NGA", "ZAF", "EGY"]
note = "one of three"

[[seats]]
id = "long-term"
kind = "long-term"
count = 1
group = "APG"
term_years = 4
re_eligible = true
constituency = "ASEAN"

[[seats]]
id = "elected"
kind = "elected"
count = 4
term_years = 2

[[sources]]
title = "Edited in the unsclab editor, starting from a test; the original's sources do not vouch for the changes"

[[sources]]
title = "A proposal read in a test"
symbol = "A/00/L.0"
date = "2031-01-02"
url = "https://undocs.org/A/00/L.0"
note = "the whole design"

[[assumptions]]
field = "rule.quota"
note = "assumed for the test"
'''


def _permalink(toml: str) -> str:
    return "#toml=" + base64.urlsafe_b64encode(toml.encode()).decode().rstrip("=")


def _read_back(page) -> str:
    """Make the form post what it holds (no field changed) and return the TOML it produced."""
    page.dispatch_event('#design-form [data-field="name"]', "change")
    page.wait_for_selector("#status:has-text('edited')")
    return page.locator("#toml").input_value()


@pytest.mark.parametrize("design_id", list(catalog_ids()))
def test_every_catalogue_design_round_trips_through_the_form(server, page, design_id):  # noqa: F811
    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/editor?from={design_id}")
    got = design_to_dict(parse_design(_read_back(page), file="form"))
    want = design_to_dict(load_design(design_id))
    assert got["sources"][0]["title"].startswith(AUTO + want["name"])
    assert len(got["sources"]) == 1  # the real design's sources do not vouch for the edit
    want.update(id=f"{design_id}-edited", name=want["name"] + " (edited)",
                status="hypothetical", sources=got["sources"])
    assert got == want


def test_a_design_with_every_field_round_trips_through_the_form(server, page):  # noqa: F811
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{server}/editor" + _permalink(EVERY_FIELD))
    page.wait_for_selector('[data-field="rule.alternatives[1].quota"]')
    # each list of tables has its fields in the form
    for field in ("rule.majorities[1].at_least", "rule.majorities[1].applies_to",
                  "rule.alternatives[1].majorities[1].at_least", "rule.alternatives[1].veto.negatives",
                  "sources[2].symbol", "sources[2].url", "assumptions[1].note", "seats[2].note",
                  "year", "status"):
        assert page.locator(f'[data-field="{field}"]').count() == 1, field
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor-every-field.png"), full_page=True)
    assert parse_design(_read_back(page), file="form") == parse_design(EVERY_FIELD, file="input")


def _act(page) -> str:
    return page.locator("#r-act").inner_text()


def test_extra_majorities_and_alternatives_are_edited_in_the_form(server, page):  # noqa: F811
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/editor?from=status-quo")
    assert _act(page) == "2.59%"  # 53/2048
    page.click('[data-add-item="rule.majorities"]')
    field = page.locator('[data-field="rule.majorities[1].at_least"]')
    field.wait_for()
    # the new majority is among the elected seats (five classes, one per group); ask for 8 of
    # the 10: P5 all yes and 8, 9 or 10 elected yes, C(10,8) + C(10,9) + C(10,10) = 56 of 2^15
    # profiles = 0.17%
    boxes = page.locator('[data-classes="rule.majorities[1].classes"]')
    ticked = [boxes.nth(i).get_attribute("value") for i in range(boxes.count())
              if boxes.nth(i).is_checked()]
    assert ticked == [c.id for c in load_design("status-quo").seats if c.kind == "elected"]
    field.fill("8")
    expect(page.locator("#r-act")).to_have_text("0.17%")
    assert "[[rule.majorities]]" in page.locator("#toml").input_value()
    # an impossible clause is named next to its field
    field.fill("0")
    error = page.locator('.field-error[data-for="rule.majorities[1].at_least"]')
    error.wait_for(state="visible")
    assert "greater than or equal to 1" in error.inner_text()
    page.click('[data-remove-item="rule.majorities[1]"]')
    expect(page.locator("#r-act")).to_have_text("2.59%")
    # a veto override: 13 yes votes pass without the P5. Under the rule, P5 all yes and at
    # least 4 of 10 elected: 2^10 - (1 + 10 + 45 + 120) = 848; at least 13 of 15: 105 + 15 + 1
    # = 121; both: 56; so 848 + 121 - 56 = 913 of 2^15 = 2.79%
    page.click('[data-add-item="rule.alternatives"]')
    quota = page.locator('[data-field="rule.alternatives[1].quota"]')
    quota.wait_for()
    quota.fill("13")
    expect(page.locator("#r-act")).to_have_text("2.79%")
    toml = page.locator("#toml").input_value()
    assert re.search(r"\[\[rule\.alternatives\]\]\s+quota = 13", toml)


def test_own_sources_and_assumptions_are_kept_with_the_honest_first_source(server, page):  # noqa: F811
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/editor?from=g4-2005")
    assert "A/59/L.64" in page.locator('[data-list="sources"]').inner_text()  # shown, not edited
    page.click('[data-add-item="sources"]')
    title = page.locator('[data-field="sources[2].title"]')
    title.wait_for()
    title.fill("My reading of the 2005 debate")
    page.fill('[data-field="sources[2].url"]', "https://press.un.org/en/2005/ga10367.doc.htm")
    expect(page.locator("#toml")).to_have_value(re.compile("ga10367"))
    page.click('[data-add-item="assumptions"]')
    note = page.locator('[data-field="assumptions[7].note"]')  # after the draft's six
    note.wait_for()
    note.fill("my own assumption")
    expect(page.locator("#toml")).to_have_value(re.compile("my own assumption"))
    with page.expect_download() as dl:
        page.click("#download-toml")
    saved = parse_design(open(dl.value.path(), encoding="utf-8").read(), file="download")
    assert [s.title for s in saved.sources][1:] == ["My reading of the 2005 debate"]
    assert saved.sources[0].title.startswith(AUTO + "G4 draft resolution 2005")
    assert saved.assumptions[-1].note == "my own assumption"
    assert saved.name == load_design("g4-2005").name + " (edited)" and saved.status == "hypothetical"


def test_vote_weights_and_a_shared_seat_are_in_the_form(server, page):  # noqa: F811
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1400, "height": 900})
    open_page(page, f"{server}/editor?from=status-quo")
    # the P5 weigh 2 each (10 in all), the ten elected seats 1 each, and 16 of the 20 must be
    # in favour besides the 9 votes and the veto: the P5 yes and at least 6 of the 10 elected,
    # C(10,6) + ... + C(10,10) = 210 + 120 + 45 + 10 + 1 = 386 of 2^15 profiles = 1.18%
    page.locator('[data-field="seats[1].weight"]').fill("2")
    page.locator('[data-field="rule.weighted_quota"]').fill("16")
    expect(page.locator("#r-act")).to_have_text("1.18%")
    toml = page.locator("#toml").input_value()
    assert "weighted_quota = 16" in toml and re.search(r"\bweight = 2\b", toml)
    # a seat held by a regional organisation shows its holder and members in the form
    open_page(page, f"{server}/editor?from=eu-seat-2016")
    members = page.locator('[data-field$=".shared.members"]')
    assert members.count() == 1
    shared = load_design("eu-seat-2016")
    want = next(c.shared for c in shared.seats if c.shared)
    assert set(members.input_value().replace(" ", "").split(",")) == set(want.members)
