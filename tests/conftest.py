from __future__ import annotations

import json
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
