"""The record's pages and API (issue 11): filters in the URL, decision and state pages, trends,
CSV and JSON, one-line errors."""

from __future__ import annotations



def test_browse_filters_in_the_url(client):
    r = client.get("/record?vetoed_by=CHN&to=1999")
    assert r.status_code == 200
    # China's vetoes to 1999 on every negative vote (the Republic of China in 1955, the
    # People's Republic from 1972): S/3502, S/10771, S/10786, S/1997/18, S/1999/201
    assert "5 decisions" in r.text and "S/10771" in r.text
    assert 'value="CHN" selected' in r.text


def test_decision_page_names_at_the_time(client):
    from unsclab.record import Record

    d = Record.load().decisions
    did = int(d.loc[d["symbol"] == "S/RES/82(1950)", "id"].iloc[0])
    r = client.get(f"/record/decisions/{did}")
    assert r.status_code == 200
    assert "Republic of China" in r.text and "Union of Soviet Socialist Republics" in r.text
    assert "digitallibrary.un.org/record/280535" in r.text


def test_api_json_and_csv(client):
    r = client.get("/api/record/decisions", params={"q": "1559"})
    data = r.json()["data"]
    assert r.status_code == 200 and data[0]["tally"] == "9-0-6"
    r = client.get("/api/record/trends.csv")
    assert r.status_code == 200 and r.text.startswith("year,adopted,vetoed")
    # 2024: 46 resolutions (2722-2767, with 2760 added from SC/15900)
    row = next(t for t in client.get("/api/record/trends").json()["data"] if t["year"] == 2024)
    assert row["adopted"] == 46


def test_state_page_and_errors(client):
    r = client.get("/api/record/states/Zaire")
    assert r.json()["data"]["years_on_the_council"][:4] == [1982, 1983, 1990, 1991]
    assert client.get("/record/states/CIV").status_code == 200
    r = client.get("/api/record/decisions", params={"region": "afrika"})
    assert r.status_code == 400 and "did you mean Africa?" in r.json()["error"]["message"]
    assert client.get("/api/record/decisions/99999").status_code == 404
