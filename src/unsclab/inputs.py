"""Reading TOML and JSON that users give, with bounds on size, nesting and numbers.

Design files, search spaces and posted designs are small (a few KB). A hostile or broken input
must not make unsclab read without end (``designs validate /dev/zero``), recurse past Python's
stack (5,000 nested arrays), or fail inside the parser (integers of more than 4,300 digits,
CPython's ``sys.int_info.default_max_str_digits``): each is refused with one line naming the file.
"""

from __future__ import annotations

__all__ = ["read_text", "parse_toml", "parse_json", "check_depth", "MAX_INPUT_BYTES", "MAX_DEPTH"]

import json
import os
import re
import stat
import sys
import tomllib
from typing import Any

from unsclab.errors import DesignError, UnsclabError

#: Bytes of a design file, search space or posted design (the catalogue's largest is about 7 KB).
MAX_INPUT_BYTES = 1024 * 1024
#: Nesting of tables and arrays (a design needs 4: ``rule.majorities[].classes[]``).
MAX_DEPTH = 16


def read_text(path: str | os.PathLike[str], *, error: type[UnsclabError] = DesignError,
              limit: int = MAX_INPUT_BYTES, what: str = "a design TOML file") -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes, read without blocking on
    devices or pipes; every failure is ``error`` naming the file."""
    name = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb", buffering=0) as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise error(f"is a folder; expected {what}", file=name)
            if not stat.S_ISREG(info.st_mode):
                raise error(f"not a regular file; expected {what}", file=name)
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise error(f"no such file; expected {what}", file=name) from None
    except IsADirectoryError:
        raise error(f"is a folder; expected {what}", file=name) from None
    except OSError as err:
        raise error(f"cannot read the file ({err.strerror or err})", file=name) from None
    if len(data) > limit:
        raise error(f"the file is larger than {limit} bytes; expected {what}", file=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise error(f"not UTF-8 text (byte {err.start + 1}); expected {what}",
                    file=name) from None


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def parse_toml(text: str, file: str | None = None, *,
               error: type[UnsclabError] = DesignError) -> dict[str, Any]:
    """Parse TOML text within the size and depth bounds."""
    _check_size(text, file, error)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = _AT_LINE.search(msg)
        raise error(f"TOML syntax error: {msg}", file=file,
                    line=int(m.group(1)) if m else None) from None
    except RecursionError:
        raise error(_too_deep(), file=file) from None
    except ValueError as err:  # e.g. an integer over the interpreter's digit limit
        raise error(f"TOML value refused: {_value_problem(err)}", file=file) from None
    check_depth(data, file, error)
    return data


def parse_json(text: str, file: str | None = None, *,
               error: type[UnsclabError] = DesignError, field: str | None = None) -> Any:
    """Parse JSON text within the size and depth bounds."""
    _check_size(text, file, error)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise error(f"JSON syntax error: {err.msg} (line {err.lineno}, column {err.colno})",
                    file=file, line=err.lineno, field=field) from None
    except RecursionError:
        raise error(_too_deep(), file=file, field=field) from None
    except ValueError as err:
        raise error(f"JSON value refused: {_value_problem(err)}", file=file,
                    field=field) from None
    check_depth(data, file, error, field=field)
    return data


def check_depth(data: Any, file: str | None = None, error: type[UnsclabError] = DesignError,
                *, field: str | None = None, limit: int = MAX_DEPTH) -> None:
    """Refuse tables and arrays nested more than ``limit`` deep (checked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children = value.values() if isinstance(value, dict) else (
            value if isinstance(value, list | tuple) else ())
        for child in children:
            if isinstance(child, dict | list | tuple):
                if depth + 1 > limit:
                    raise error(_too_deep(limit), file=file, field=field)
                stack.append((child, depth + 1))


def _check_size(text: str, file: str | None, error: type[UnsclabError]) -> None:
    if len(text) > MAX_INPUT_BYTES:
        raise error(f"the input is larger than {MAX_INPUT_BYTES} characters", file=file)


def _too_deep(limit: int = MAX_DEPTH) -> str:
    return f"tables and arrays nested too deeply; expected at most {limit} levels"


def _value_problem(err: ValueError) -> str:
    text = str(err)
    if "digits" in text:  # CPython's "Exceeds the limit (4300 digits) for integer string ..."
        return f"a number has more than {sys.get_int_max_str_digits()} digits"
    return text if len(text) <= 120 else text[:119] + "…"
