from __future__ import annotations

import os
import time

from pipeline.isolation import ChildPool, Failure, run_stages
from pipeline.stages.base import Rejected


class Misbehaving:
    """A stage whose behaviour the record chooses: to test what the pool does with each."""

    name = "extract"

    def run(self, record):
        action = record["action"]
        if action == "hang":
            time.sleep(60)
        if action == "crash":
            os._exit(3)
        if action == "reject":
            raise Rejected("no_article_text", "nothing here")
        if action == "bug":
            raise KeyError("oops")
        return {**record, "pid": os.getpid()}


def misbehaving_stages():
    return [Misbehaving()]


def test_run_stages_turns_rejections_and_bugs_into_failures() -> None:
    stages = misbehaving_stages()
    assert run_stages(stages, {"action": "ok"})["action"] == "ok"
    rejected = run_stages(stages, {"action": "reject"})
    assert isinstance(rejected, Failure) and (rejected.stage, rejected.reason) == ("extract", "no_article_text")
    bug = run_stages(stages, {"action": "bug"})
    assert isinstance(bug, Failure) and bug.reason == "stage_error" and "KeyError" in bug.message
    assert bug.record == {"action": "bug"}


def test_pool_replaces_children_that_hang_or_die() -> None:
    with ChildPool(misbehaving_stages, size=1, timeout=1.5, stage="extract") as pool:
        first = pool.call({"action": "ok"})
        started = time.monotonic()
        hung = pool.call({"action": "hang", "url": "https://a.example/"})
        assert time.monotonic() - started < 10
        assert isinstance(hung, Failure) and hung.reason == "timeout" and hung.record["url"] == "https://a.example/"
        crashed = pool.call({"action": "crash"})
        assert isinstance(crashed, Failure) and crashed.reason == "worker_crashed"
        after = pool.call({"action": "ok"})
        assert after["action"] == "ok" and after["pid"] != first["pid"]
