"""A local server that other web sites cannot use (issue 16): Host check, body types, headers,
OPTIONS and 405 ``Allow``."""

from __future__ import annotations

import pytest

from unsclab.designs import design_to_toml, load_design

TOML = design_to_toml(load_design("status-quo"))


@pytest.mark.parametrize("ctype", ["text/plain", "text/plain; charset=utf-8",
                                   "application/x-www-form-urlencoded", "multipart/form-data",
                                   "text/toml", None])
def test_only_json_and_toml_bodies_are_read(client, ctype):
    # text/plain and forms are what a page on another site can post without a preflight
    headers = {"content-type": ctype} if ctype else {}
    r = client.post("/api/evaluate", content=TOML.encode(), headers=headers)
    assert r.status_code == 415, r.text
    assert "expected a body of type application/json or application/toml" in r.text
    ok = client.post("/api/evaluate", content=TOML.encode(),
                     headers={"content-type": "application/toml"})
    assert ok.status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.evil.example", "localhost.",
                                  "192.168.1.10:8000"])
def test_other_host_names_are_refused(client, host):
    # DNS rebinding: a name the attacker controls, resolving to 127.0.0.1
    for method, path in (("GET", "/"), ("GET", "/api/designs"), ("POST", "/api/evaluate")):
        r = client.request(method, path, headers={"host": host})
        assert r.status_code == 400, (method, path, r.status_code)
        assert r.json()["error"]["problems"][0]["field"] == "Host"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000",
                                  "LOCALHOST"])
def test_loopback_names_are_served(client, host):
    assert client.get("/api/designs", headers={"host": host}).status_code == 200


def test_allowed_hosts_are_configurable(monkeypatch):
    from fastapi.testclient import TestClient

    from unsclab.web.app import create_app

    with TestClient(create_app(allowed_hosts=["council.example"]),
                    base_url="http://council.example") as c:
        assert c.get("/api/designs").status_code == 200
    monkeypatch.setenv("UNSCLAB_ALLOWED_HOSTS", "a.example, b.example")
    with TestClient(create_app(), base_url="http://b.example") as c:
        assert c.get("/api/designs").status_code == 200
        assert c.get("/api/designs", headers={"host": "c.example"}).status_code == 400


@pytest.mark.parametrize("path", ["/", "/designs/status-quo", "/api/designs", "/no-such-page",
                                  "/api/designs/nonesuch", "/static/style.css"])
def test_security_headers_on_every_response(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-eval" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(("path", "allow"), [
    ("/api/evaluate", {"POST", "OPTIONS"}),
    ("/api/designs", {"GET", "OPTIONS"}),
    ("/designs/status-quo", {"GET", "OPTIONS"}),
])
def test_options_and_405_say_which_methods_are_allowed(client, path, allow):
    r = client.options(path)
    assert r.status_code == 204 and set(r.headers["allow"].split(", ")) == allow
    wrong = "PUT" if "POST" in allow else "DELETE"
    r = client.request(wrong, path)
    assert r.status_code == 405
    assert set(r.headers["allow"].replace(" ", "").split(",")) >= allow - {"OPTIONS", "HEAD"}
    assert r.json()["error"]["status"] == 405


def test_options_on_an_unknown_path_is_404(client):
    assert client.options("/no-such-page").status_code == 404
