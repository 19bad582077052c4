"""`newsfeed tail`: print the records of a topic as JSON lines."""

from __future__ import annotations

import sys

from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.settings import Settings
from pipeline.stream import topics
from pipeline.stream.kafka import client_options, message_limit


async def tail(settings: Settings, name: str = topics.CLEAN, follow: bool = True) -> int:
    """Every record of topic `name` from its beginning; then, with `follow`, new ones as they come."""
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=None, enable_auto_commit=False,
                                max_partition_fetch_bytes=message_limit(settings))
    await consumer.start()
    printed = 0
    try:
        assigned = [TopicPartition(settings.topic(name), p) for p in range(topics.partitions(settings, name))]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        ends = await consumer.end_offsets(assigned)
        while True:
            for messages in (await consumer.getmany(timeout_ms=500)).values():
                for message in messages:
                    sys.stdout.buffer.write(message.value + b"\n")
                    printed += 1
            sys.stdout.flush()
            if not follow and all([await consumer.position(tp) >= ends[tp] for tp in assigned]):
                break
    finally:
        await consumer.stop()
    return printed
