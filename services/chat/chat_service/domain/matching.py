"""Which of the user's tasks a reference like "the groceries task" names. Pure.

A candidate must contain the reference's words (light stemming, prefixes and near
spellings count); the best-scoring candidates are kept, and when more than one is left
the user is asked which one they mean."""

import difflib
import re
from collections.abc import Sequence
from typing import Any

from chat_service.domain.text import keywords, stem, stems, words

Task = dict[str, Any]
_ORDINALS = {
    "first": 0,
    "1st": 0,
    "1": 0,
    "one": 0,
    "second": 1,
    "2nd": 1,
    "2": 1,
    "two": 1,
    "third": 2,
    "3rd": 2,
    "3": 2,
    "three": 2,
    "last": -1,
    "latter": -1,
    "former": 0,
}
_ALL = re.compile(
    r"^(?:both(?:\s+of\s+them)?|all(?:\s+of\s+them)?|either|each|all\s+\w+|both\s+\w+)$", re.IGNORECASE
)


def _normal(text: str) -> str:
    return " ".join(w for w in words(text) if w not in ("the", "a", "an", "my"))


def _word_matches(ref_stem: str, candidates: set[str]) -> bool:
    if ref_stem in candidates:
        return True
    for word in candidates:
        if len(ref_stem) >= 3 and word.startswith(ref_stem):
            return True
        if len(word) >= 4 and ref_stem.startswith(word):
            return True
        if len(ref_stem) >= 5 and difflib.SequenceMatcher(None, ref_stem, word).ratio() >= 0.85:
            return True
    return False


def score(ref: str, task: Task) -> float:
    """0..1: how much of the reference the task's title (fully) or its description and
    tags (half) contain."""
    wanted = stems(ref) or [stem(w) for w in words(ref)]
    if not wanted:
        return 0.0
    title = {stem(w) for w in words(str(task.get("title", "")))} | set(words(str(task.get("title", ""))))
    other_text = str(task.get("description", "")) + " " + " ".join(task.get("tags") or [])
    other = {stem(w) for w in words(other_text)}
    total = 0.0
    for ref_stem in wanted:
        if _word_matches(ref_stem, title):
            total += 1.0
        elif _word_matches(ref_stem, other):
            total += 0.5
    return total / len(wanted)


def is_exact(ref: str, task: Task) -> bool:
    return _normal(ref) == _normal(str(task.get("title", "")))


def best_matches(
    ref: str, tasks: Sequence[Task], verb_hint: str | None = None, *, verb_required: bool = False
) -> list[Task]:
    """The tasks `ref` most likely names: an exact title wins; otherwise every task tied
    for the best score of at least one half. With `verb_required`, only tasks whose title
    has the verb ('paid the bill' names 'Pay the bill', not 'Bill Gates biography')."""
    if verb_required and verb_hint:
        verb = {verb_hint, verb_hint + "e"}  # "baked" -> "bak": "Bake"
        tasks = [t for t in tasks if verb & {stem(w) for w in words(str(t.get("title", "")))}]
    exact = [t for t in tasks if is_exact(ref, t)]
    if exact:
        return exact[:1] if len(exact) == 1 else exact
    scored = [(score(ref, t), t) for t in tasks]
    scored = [(s, t) for s, t in scored if s >= 0.5]
    if not scored:
        return []
    top = max(s for s, _ in scored)
    best = [t for s, t in scored if s == top]
    if len(best) > 1 and verb_hint:
        with_verb = [t for t in best if verb_hint in {stem(w) for w in words(str(t.get("title", "")))}]
        if len(with_verb) == 1:
            return with_verb
    return best


def select(selector: str, candidates: Sequence[Task]) -> list[Task]:
    """The candidates an answer to "which one?" picks: 'the first one', 'both', 'the bank one'."""
    answer = re.sub(
        r"^(?:the|i\s+mean|i\s+meant|it's|it\s+is|oh|um|just)\s+", "", selector.strip(" .!?"), flags=re.I
    )
    answer = re.sub(r"\s+(?:one|task|please)$", "", answer, flags=re.IGNORECASE).strip()
    if _ALL.match(answer):
        return list(candidates)
    ordinal = re.sub(r"^(?:the\s+)?", "", answer.lower())
    if ordinal in _ORDINALS and candidates:
        index = _ORDINALS[ordinal]
        return [candidates[index]] if -len(candidates) <= index < len(candidates) else []
    return best_matches(answer, candidates)


_AND = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&|plus|as\s+well\s+as)\s+", re.IGNORECASE)
MAX_PARTS = 4


def split_refs(ref: str) -> list[str]:
    """The names in a reference to several tasks ('team sync and pick up kids' -> 'team
    sync', 'pick up kids'); [] when it names one (or more than MAX_PARTS)."""
    parts = [_bare(p) for p in _AND.split(ref) if keywords(p)]
    return parts if 1 < len(parts) <= MAX_PARTS else []


def _bare(name: str) -> str:
    """'the laundry task' -> 'laundry', as the reply quotes it."""
    name = re.sub(r"^(?:the|my|our|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+(?:task|one|item|thing)s?$", "", name, flags=re.IGNORECASE)


def names_whole(ref: str, tasks: Sequence[Task]) -> bool:
    """Whether one of `tasks` has every word of `ref` in its title ('Call mom and dad')."""
    return any(is_exact(ref, t) or score(ref, t) >= 1.0 for t in tasks)


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "last": -1,
}
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), 1)
}
_POSITION = re.compile(
    r"^(?:the\s+)?(?:"
    r"(?P<word>" + "|".join(_ORDINAL_WORDS) + r")|(?P<nth>\d{1,2})(?:st|nd|rd|th)|"
    r"(?:number|no\.?|num|#)\s*(?P<n>\d{1,2})|(?:number|no\.?)\s+(?P<nword>"
    + "|".join(_NUMBER_WORDS)
    + r")|(?:task|item)\s+(?:number\s+|no\.?\s*|#\s*)?(?P<n2>\d{1,2})"
    r")(?:\s+(?:one|task|item|thing))?(?:\s+(?:on|in)\s+(?:the|my|that|this)\s+list)?$",
    re.IGNORECASE,
)


def position(ref: str | None) -> int | None:
    """The place in a list the words name ("second", "2nd one", "number 2", "number two", "#2",
    "task 2": 2; "last": -1), or None when they name a task by its words."""
    m = _POSITION.match((ref or "").strip())
    if not m:
        return None
    if m.group("word"):
        return _ORDINAL_WORDS[m.group("word").lower()]
    if m.group("nword"):
        return _NUMBER_WORDS[m.group("nword").lower()]
    n = int(m.group("nth") or m.group("n") or m.group("n2"))
    return n if n > 0 else None
