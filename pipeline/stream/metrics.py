"""Per-step counts by outcome and latency, for the worker's log lines and its web page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class StepMetrics:
    outcomes: Counter = field(default_factory=Counter)
    dead_letter_reasons: Counter = field(default_factory=Counter)
    seconds_total: float = 0.0
    seconds_max: float = 0.0

    def count(self, outcome: str, seconds: float, reason: str | None = None) -> None:
        self.outcomes[outcome] += 1
        if reason is not None:
            self.dead_letter_reasons[reason] += 1
        self.seconds_total += seconds
        self.seconds_max = max(self.seconds_max, seconds)

    def snapshot(self) -> dict:
        records = sum(self.outcomes.values())
        return {
            "records": records,
            "outcomes": dict(self.outcomes),
            "dead_letter_reasons": dict(self.dead_letter_reasons),
            "latency_mean_ms": round(1000 * self.seconds_total / records, 2) if records else None,
            "latency_max_ms": round(1000 * self.seconds_max, 2),
        }


class Metrics:
    def __init__(self) -> None:
        self.steps: dict[str, StepMetrics] = {}

    def step(self, name: str) -> StepMetrics:
        return self.steps.setdefault(name, StepMetrics())

    def snapshot(self) -> dict:
        return {name: step.snapshot() for name, step in self.steps.items()}
