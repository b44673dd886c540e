"""Which task a reference names, and answers to "which one?"."""

from chat_service.domain.matching import best_matches, score, select

BANK = {"id": "1", "title": "Call the bank"}
SCHOOL = {"id": "2", "title": "Call the school"}
TAX = {"id": "3", "title": "File the tax return", "description": "forms from the accountant"}
MILK = {"id": "4", "title": "Buy milk"}
OAT = {"id": "5", "title": "Buy oat milk"}


def test_scores() -> None:
    assert score("groceries", {"title": "Buy groceries"}) == 1.0
    assert score("taxes", TAX) == 1.0
    assert score("accountant", TAX) == 0.5
    assert score("dentist", BANK) == 0.0
    assert score("grocries", {"title": "Buy groceries"}) == 1.0  # a typo


def test_ties_are_ambiguous() -> None:
    assert best_matches("call", [BANK, SCHOOL]) == [BANK, SCHOOL]


def test_exact_title_wins() -> None:
    assert best_matches("buy milk", [OAT, MILK]) == [MILK]


def test_better_score_wins() -> None:
    assert best_matches("call the bank", [BANK, SCHOOL]) == [BANK]


def test_irrelevant_results_are_dropped() -> None:
    assert best_matches("spaceship", [BANK, MILK]) == []


def test_verb_hint_breaks_ties() -> None:
    pay = {"id": "6", "title": "Pay the electricity bill"}
    check = {"id": "7", "title": "Check the electricity bill"}
    assert best_matches("electricity bill", [pay, check], verb_hint="pay") == [pay]


def test_select() -> None:
    assert select("The bank one", [BANK, SCHOOL]) == [BANK]
    assert select("the second one", [BANK, SCHOOL]) == [SCHOOL]
    assert select("both", [BANK, SCHOOL]) == [BANK, SCHOOL]
    assert select("the dentist", [BANK, SCHOOL]) == []
