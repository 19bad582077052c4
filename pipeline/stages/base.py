"""What every stage shares: the rejection a stage raises for a record it cannot turn into output."""

from __future__ import annotations

from typing import Any, Protocol

Record = dict[str, Any]


class Rejected(Exception):
    """A record that must leave the pipeline as a dead letter.

    `reason` is a stable, machine-readable code (see `pipeline.records.REASONS`);
    the message is for humans.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class Stage(Protocol):
    name: str

    def run(self, record: Record) -> Record: ...
