"""The one settings object: defaults, overridden by environment variables, overridden by flags.

Every setting has an environment variable (listed in the README) so that containers and
Kubernetes manifests configure workers without flags.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _env(name: str) -> str:
    return f"NEWSFEED_{name.upper()}"


@dataclass(frozen=True)
class Settings:
    # Broker. None means: start the embedded broker (newsfeed run) or fail (newsfeed worker).
    bootstrap_servers: str | None = field(default=None, metadata={"env": "KAFKA_BOOTSTRAP_SERVERS"})
    security_protocol: str = field(default="PLAINTEXT", metadata={"env": "KAFKA_SECURITY_PROTOCOL"})
    ssl_cafile: str | None = field(default=None, metadata={"env": "KAFKA_SSL_CAFILE"})
    ssl_certfile: str | None = field(default=None, metadata={"env": "KAFKA_SSL_CERTFILE"})
    ssl_keyfile: str | None = field(default=None, metadata={"env": "KAFKA_SSL_KEYFILE"})
    sasl_mechanism: str | None = field(default=None, metadata={"env": "KAFKA_SASL_MECHANISM"})
    sasl_username: str | None = field(default=None, metadata={"env": "KAFKA_SASL_USERNAME"})
    sasl_password: str | None = field(default=None, metadata={"env": "KAFKA_SASL_PASSWORD"})
    # Topics.
    topic_prefix: str = ""
    partitions: int = 8
    replication_factor: int = 1
    # Faust session timeout: a group join waits about half of it.
    session_timeout_s: float = 10.0
    # Where Faust keeps table state (RocksDB or memory) per worker.
    data_dir: str = ".newsfeed-data"
    # Limits.
    max_page_bytes: int = 10 * 1024 * 1024
    stage_timeout_s: float = 30.0
    # Child processes for CPU-heavy stage work (extraction) in one worker or in `process`.
    processes: int = field(default_factory=lambda: os.cpu_count() or 1)
    dedup_window_days: float = 7.0
    # Dedup steps hold records this long and decide them in raw-topic order (docs/streaming.md).
    dedup_grace_s: float = 2.0
    log_level: str = "INFO"
    log_format: str = "json"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f.metadata.get("env", _env(f.name)))
            if raw not in (None, ""):
                values[f.name] = _coerce(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"

    @property
    def embedded(self) -> bool:
        return not self.bootstrap_servers


def _coerce(kind: Any, raw: str) -> Any:
    text = str(kind)
    if "int" in text:
        return int(raw)
    if "float" in text:
        return float(raw)
    return raw


def environment_variables() -> dict[str, str]:
    """Setting name -> the environment variable that sets it (for docs and `--help`)."""
    return {f.name: f.metadata.get("env", _env(f.name)) for f in fields(Settings)}
