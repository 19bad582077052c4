from __future__ import annotations

import json
import signal
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = Path(__file__).parent.parent / "schemas"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_pages() -> list[dict]:
    return load_jsonl(FIXTURES / "pages" / "seeds.jsonl")


@pytest.fixture(scope="session")
def html_pages() -> list[dict]:
    return load_jsonl(FIXTURES / "pages" / "html.jsonl")


@pytest.fixture(scope="session")
def validators():
    from jsonschema import Draft202012Validator, FormatChecker

    def build(name: str) -> Draft202012Validator:
        schema = json.loads((SCHEMAS / f"{name}.v1.json").read_text())
        Draft202012Validator.check_schema(schema)
        return Draft202012Validator(schema, format_checker=FormatChecker())

    return {name: build(name) for name in ("raw_page", "article", "dead_letter")}


@pytest.fixture
def finishes_within() -> Callable[[float], AbstractContextManager[None]]:
    """A guard for inputs that once made a rule run for minutes or years (a pattern backtracking
    every way a line can be split, a loop comparing each copy with every other): the test fails
    at `seconds` instead of hanging the suite. The bound is orders of magnitude above the time
    the code takes; it is no speed test. The regular-expression engine checks for signals while
    it backtracks, so a runaway match is stopped too."""

    @contextmanager
    def guard(seconds: float) -> Iterator[None]:
        def stop(signum: int, frame: object) -> None:
            raise TimeoutError(f"still running after {seconds} s")

        previous = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    return guard
