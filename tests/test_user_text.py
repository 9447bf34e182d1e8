"""Nothing internal in what users read: catalogue text, templates, messages, help and captions.

Users read the catalogue (its TOML text), the pages and reports (templates, scripts), and every
string the code prints (messages, ``--help``, captions, notes). None of it may carry working
notes: confidence codes like ``[M]``, search logs ("Searched …", "this session"), paths of this
repository or of the data mirror (``../shared/data``), or files a user does not have
(``docs/designs.md``, ``README.md §1``). Docstrings and comments, read by developers, are not
scanned.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import unsclab

ROOT = Path(unsclab.__file__).parent
INTERNAL = re.compile(
    r"\[[MVC](?:\]|:| [a-z]|, )|\breference notes\b|\bSearched\b|this session|\.\./shared|shared/data|README\.md|"
    r"\bdocs/[\w-]+\.md|data/SOURCES\.md|/work/|reference-models|\bTODO\b|\bFIXME\b")


def _toml_strings(node, where):
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _toml_strings(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _toml_strings(v, f"{where}[{i}]")


def _docstring_nodes(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _python_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def user_text():
    for path in sorted((ROOT / "designs" / "catalog").glob("*.toml")):
        yield from _toml_strings(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    for path in sorted(ROOT.rglob("*")):
        if path.suffix in (".html", ".js", ".css", ".j2"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                yield f"{path.relative_to(ROOT)}:{n}", line
        elif path.suffix == ".py":
            yield from _python_strings(path)


def test_the_scan_reads_every_kind_of_source():
    where = [w for w, _ in user_text()]
    assert any(w.startswith("g4-2005.toml.assumptions") for w in where)
    assert any(w.startswith("web/templates/") for w in where)
    assert any(w.startswith("cli/designs.py") for w in where)
    assert any(w.startswith("report/figures") for w in where)


def test_the_pattern_catches_what_it_should():
    for bad in ("quota [M]", "[M: not read]", "[V abstract]", "([V] a report)",
                "taken from the reference notes", "Searched (this session): x",
                "(../shared/data/README.md §1)", "check its spelling against docs/designs.md"):
        assert INTERNAL.search(bad), bad
    for fine in ("read in A/59/L.64", "assumed", "https://undocs.org/A/59/L.64"):
        assert not INTERNAL.search(fine), fine


def test_nothing_internal_in_user_text():
    hits = [f"{where}: {text.strip()[:120]}" for where, text in user_text()
            if INTERNAL.search(text)]
    assert not hits, "\n".join(hits)


# What the docs pages and the README may not say (they link each other, so docs/*.md is fine).
DOCS_INTERNAL = re.compile(
    r"\[[MVC](?:\]|:| [a-z]|, )|\breference notes\b|\bSearched\b|this session|\.\./shared|"
    r"shared/data|/work/|reference-models")


def test_nothing_internal_in_the_docs():
    repo = ROOT.parent.parent
    pages = sorted((repo / "docs").glob("*.md")) + [repo / "README.md"]
    if not (repo / "docs").is_dir():
        pytest.skip("the docs pages are not beside the installed package")
    hits = [f"{page.name}:{n}: {line.strip()[:120]}" for page in pages
            for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
            if DOCS_INTERNAL.search(line)]
    assert not hits, "\n".join(hits)


OFFICIAL = ("https://undocs.org/", "https://press.un.org/", "https://www.un.org/",
            "https://documents.un.org/", "https://digitallibrary.un.org/")
UN_SYMBOL = re.compile(r"^(A|S|GA|SC|E)/")


def test_un_documents_link_to_the_official_copy():
    from unsclab.designs import load_catalog

    missing = [f"{d.id}: {s.symbol} -> {s.url}" for d in load_catalog() for s in d.sources
               if s.symbol and UN_SYMBOL.match(s.symbol)
               and not (s.url or "").startswith(OFFICIAL)]
    assert not missing, "\n".join(missing)
