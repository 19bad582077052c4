"""The command line the contract promises."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.cli import EVAL_AREAS, build_parser


def newsfeed(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def test_help_lists_every_contract_command() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices
    assert {"process", "run", "worker", "ingest", "tail", "eval"} <= set(commands)


@pytest.mark.parametrize("area", EVAL_AREAS)
def test_every_evaluation_has_its_own_options(area: str) -> None:
    done = newsfeed("eval", area, "--help")
    assert done.returncode == 0, done.stderr
    assert f"newsfeed eval {area}" in done.stdout


def test_worker_without_a_broker_says_so_and_exits_2() -> None:
    done = newsfeed("worker", "extract", env={"KAFKA_BOOTSTRAP_SERVERS": ""})
    assert done.returncode == 2
    assert "KAFKA_BOOTSTRAP_SERVERS" in done.stderr and "Traceback" not in done.stderr
