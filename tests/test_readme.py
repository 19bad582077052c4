"""The README's two set-up commands are what CI and users run: keep them true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"^python3 -m venv .*$", text, flags=re.MULTILINE)


def test_readme_has_the_main_job_and_the_test_command() -> None:
    main_job, tests = readme_commands()[:2]
    assert main_job.endswith("newsfeed run --until-idle")
    assert tests.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    tests = readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert tests in ci_lines
