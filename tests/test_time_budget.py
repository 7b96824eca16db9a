"""A rule that runs past its time budget is stopped and reported; the other rules' findings stay."""
from __future__ import annotations

import re
import threading
import time

from lint import budget
from lint.findings import Hit, Severity
from lint.kinds import Kind
from lint.rules import Rule, load_rules
from lint.runner import Session


class Catastrophic(Kind):
    """A deliberately slow kind: one regular expression that backtracks exponentially."""

    name = "catastrophic"

    def check(self, text):
        re.search(r"(a+)+$", "a" * 40 + "b")  # never ends in a lifetime
        yield Hit(0, 1, "never reached")


class Dawdling(Kind):
    """Slow between its findings, as a kind on a thread (no signal) is caught."""

    name = "dawdling"

    def check(self, text):
        for start in range(len(text.text)):
            time.sleep(0.05)
            yield Hit(start, start + 1, "a letter")


def _session_with(kind: type[Kind], monkeypatch) -> Session:
    slow = Rule(id="style/slow", kind=kind.name, severity=Severity.WARNING, message="slow", summary="Slow.",
                description="", fire=(), quiet=(), checker=kind("style/slow", "slow", {}))
    session = Session()
    linter = session.linter(session.settings_for(None))
    monkeypatch.setattr(linter, "rules", (slow, *load_rules()))
    linter._plans.clear()
    monkeypatch.setattr(budget, "MINIMUM_SECONDS", 0.5)
    monkeypatch.setattr(session, "linter", lambda settings: linter)
    return session


ARTICLE = "Dam repairs begin\n\nEngineers began repairs on Monday, the authority said.\n\nAdvertisement\n"


def test_a_rule_stuck_in_a_regular_expression_is_stopped_and_named(monkeypatch):
    session = _session_with(Catastrophic, monkeypatch)
    started = time.monotonic()
    result = session.check_text("story.txt", ARTICLE, settings=session.settings_for(None).__class__(select=("style/slow", "chrome")))
    assert time.monotonic() - started < 5
    assert result.error is not None and "style/slow" in result.error.reason and "time budget" in result.error.reason
    assert [f.rule for f in result.findings] == ["chrome/advertising"]  # the other rules' findings stay


def test_off_the_main_thread_the_budget_is_checked_between_findings(monkeypatch):
    session = _session_with(Dawdling, monkeypatch)
    outcome = {}

    def work():
        settings = session.settings_for(None).__class__(select=("style/slow", "chrome"))
        outcome["result"] = session.check_text("story.txt", ARTICLE, settings=settings)

    worker = threading.Thread(target=work)
    started = time.monotonic()
    worker.start()
    worker.join(20)
    result = outcome["result"]
    assert time.monotonic() - started < 5
    assert result.error is not None and "style/slow" in result.error.reason
    assert "chrome/advertising" in {f.rule for f in result.findings}


class SlowToLoad(Kind):
    """A kind whose first use builds a table (as the word tables are built once per install)."""

    name = "slow-to-load"
    loaded = False

    def check(self, text):
        if not SlowToLoad.loaded:
            with budget.paused():
                time.sleep(0.8)  # longer than the whole budget
            SlowToLoad.loaded = True
        yield Hit(0, 1, "checked")


def test_one_time_loading_is_not_charged_to_the_rule_on_either_thread(monkeypatch):
    """A table built on a rule's first use must not get the rule stopped half-way: the build
    would never finish, and the rule would be stopped again on every run."""
    session = _session_with(SlowToLoad, monkeypatch)
    settings = session.settings_for(None).__class__(select=("style/slow",))
    result = session.check_text("story.txt", ARTICLE, settings=settings)
    assert result.error is None and [f.rule for f in result.findings] == ["style/slow"]

    SlowToLoad.loaded = False
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(result=session.check_text("story.txt", ARTICLE, settings=settings)))
    worker.start()
    worker.join(20)
    assert outcome["result"].error is None and [f.rule for f in outcome["result"].findings] == ["style/slow"]


def test_the_budget_still_runs_after_a_pause(monkeypatch):
    monkeypatch.setattr(budget, "MINIMUM_SECONDS", 0.3)
    stopped = False
    try:
        with budget.time_limit(0.3):
            with budget.paused():
                time.sleep(0.4)
            re.search(r"(a+)+$", "a" * 40 + "b")
    except budget.OverBudget:
        stopped = True
    assert stopped


def test_a_check_leaves_the_callers_alarm_handler_and_timer_as_they_were(monkeypatch):
    import signal

    session = _session_with(Catastrophic, monkeypatch)
    calls = []

    def callers(signum, frame):
        calls.append(signum)

    previous = signal.signal(signal.SIGALRM, callers)
    try:
        result = session.check_text("story.txt", ARTICLE, settings=session.settings_for(None).__class__(select=("style/slow", "chrome")))
        assert "style/slow" in result.error.reason  # stopped under the handler the check installed
        assert signal.getsignal(signal.SIGALRM) is callers
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no alarm left to go off later
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert calls == []
