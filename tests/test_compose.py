"""docker-compose.yml and deploy/ (Docker and Kubernetes cannot run here): every command is a real
`newsfeed` command, every stage has its own scalable service, and settings reach the workers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.cli import build_parser
from pipeline.settings import environment_variables
from pipeline.stream.topics import STAGES

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
MANIFESTS = [doc for path in sorted((ROOT / "deploy").glob("*.yaml")) for doc in yaml.safe_load_all(path.read_text()) if doc]
KNOWN_ENV = set(environment_variables().values())


def parses(command: list[str]) -> bool:
    assert command[0] == "newsfeed", command
    try:
        build_parser().parse_args(command[1:])
    except SystemExit:
        return False
    return True


def containers() -> list[dict]:
    return [c for doc in MANIFESTS if doc["kind"] in ("Deployment", "Job") for c in doc["spec"]["template"]["spec"]["containers"]]


@pytest.mark.parametrize("name", [name for name, service in COMPOSE["services"].items() if "command" in service])
def test_every_compose_command_is_a_real_newsfeed_command(name) -> None:
    assert parses(COMPOSE["services"][name]["command"])


def test_only_the_broker_runs_something_else() -> None:
    others = [name for name, service in COMPOSE["services"].items() if "command" not in service]
    assert others == ["kafka"] and COMPOSE["services"]["kafka"]["image"].startswith("apache/kafka:")


def test_every_stage_has_a_service_that_can_be_scaled() -> None:
    for stage in STAGES:
        service = COMPOSE["services"][stage]
        assert service["command"] == ["newsfeed", "worker", stage]
        # --scale needs no fixed container name and no host port
        assert "container_name" not in service and "ports" not in service
        assert service["depends_on"]["topics"]["condition"] == "service_completed_successfully"
        assert service["build"] == "."


def test_compose_settings_are_ones_the_workers_read() -> None:
    for service in COMPOSE["services"].values():
        if "command" in service:
            assert set(service["environment"]) <= KNOWN_ENV
            assert service["environment"]["KAFKA_BOOTSTRAP_SERVERS"] == "kafka:9092"


def test_kubernetes_runs_every_stage_from_real_commands_and_shared_settings() -> None:
    commands = [c["command"] for c in containers()]
    assert all(parses(command) for command in commands)
    assert sorted(c[2] for c in commands if c[1] == "worker") == sorted(STAGES)
    [config] = [doc for doc in MANIFESTS if doc["kind"] == "ConfigMap"]
    assert set(config["data"]) <= KNOWN_ENV
    for container in containers():
        assert {"configMapRef": {"name": config["metadata"]["name"]}} in container["envFrom"]
        assert {e["name"] for e in container.get("env", [])} <= KNOWN_ENV
