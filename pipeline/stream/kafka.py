"""Broker connection options from Settings, for aiokafka clients and for Faust apps."""

from __future__ import annotations

import ssl
from typing import Any

import faust

from pipeline.settings import Settings

DEFAULT_WEB_PORT = 6066


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if "SSL" not in settings.security_protocol.upper():
        return None
    from aiokafka.helpers import create_ssl_context

    return create_ssl_context(cafile=settings.ssl_cafile, certfile=settings.ssl_certfile, keyfile=settings.ssl_keyfile)


def bootstrap(settings: Settings) -> str:
    if not settings.bootstrap_servers:
        raise ValueError("no broker configured: set KAFKA_BOOTSTRAP_SERVERS (or use `newsfeed run`)")
    return settings.bootstrap_servers


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments every aiokafka client (producer, consumer, admin) takes."""
    options: dict[str, Any] = {
        "bootstrap_servers": bootstrap(settings),
        "security_protocol": settings.security_protocol.upper(),
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.sasl_mechanism:
        options.update(
            sasl_mechanism=settings.sasl_mechanism.upper(),
            sasl_plain_username=settings.sasl_username,
            sasl_plain_password=settings.sasl_password,
        )
    return options


def faust_credentials(settings: Settings) -> faust.types.auth.CredentialsT | None:
    context = ssl_context(settings)
    if settings.sasl_mechanism:
        return faust.SASLCredentials(
            username=settings.sasl_username, password=settings.sasl_password,
            mechanism=settings.sasl_mechanism.upper(), ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None


def message_limit(settings: Settings) -> int:
    """Largest message any topic takes: a dead letter keeps a whole page, and JSON-escaping or
    base64 (for bytes that are not UTF-8) makes it up to about twice as big."""
    return 2 * settings.max_page_bytes + 1024 * 1024


def faust_options(settings: Settings, web_port: int | None = None) -> dict[str, Any]:
    """faust.App settings. Web (metrics) only when a port is given: workers on one host need their own."""
    limit = message_limit(settings)
    return {
        "broker": [f"kafka://{server.strip()}" for server in bootstrap(settings).split(",")],
        "broker_credentials": faust_credentials(settings),
        # A group join waits about half the session timeout; Faust's 60 s default makes every start slow.
        "broker_session_timeout": settings.session_timeout_s,
        "broker_heartbeat_interval": max(0.5, settings.session_timeout_s / 5),
        "producer_max_request_size": limit,
        "consumer_max_fetch_size": limit,
        "producer_acks": -1,
        "consumer_auto_offset_reset": "earliest",
        "topic_partitions": settings.partitions,
        "topic_replication_factor": settings.replication_factor,
        # Table state is rebuilt from the changelog topics on start: nothing on disk to lose or clean.
        "store": "memory://",
        "datadir": settings.data_dir,
        "web_enabled": web_port is not None,
        "web_port": web_port or DEFAULT_WEB_PORT,
        "web_in_thread": False,
        "autodiscover": False,
    }
