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


def test_a_reader_that_goes_away_is_not_an_error(tmp_path) -> None:
    from .conftest import FIXTURES

    seeds = FIXTURES / "pages" / "seeds.jsonl"
    many = tmp_path / "many.jsonl"
    many.write_text(seeds.read_text() * 200)
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "process", "-i", str(many), "-o", "-", "--processes", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout.readline().startswith(b"{")
    process.stdout.close()
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 141
    assert b"Traceback" not in errors
