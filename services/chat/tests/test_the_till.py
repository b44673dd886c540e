""" "till" after "the", "a", "my" ... is a noun (the cash drawer), no "until": "count the till
friday" is 'Count the till' due Friday (before: 'Count'). "till friday" alone and "before jan
15" are still the due date, as "by"."""

from datetime import UTC, datetime

import pytest
from chat_service.domain.parse import parse

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("add count the till friday #finance", "Count the till", "2026-12-04"),
        ("empty my till on monday", "Empty my till", "2026-11-30"),
        ("fix the till", "Fix the till", None),
        # unchanged: "till <day>" and "before <date>" set the due date
        ("pay rent till friday", "Pay rent", "2026-12-04"),
        ("renew student visa before jan 15 !high", "Renew student visa", "2027-01-15"),
    ],
)
def test_till_as_a_noun(message: str, title: str, due: str | None) -> None:
    changes = parse(message, NOW).changes
    assert changes.title == title
    assert (changes.due.at.date().isoformat() if changes.due else None) == due


def test_the_tag_stays() -> None:
    assert parse("add count the till friday #finance", NOW).changes.add_tags == ("Finance",)
