# ruff: noqa: E501 - the English vocabularies below read better as unbroken patterns.
"""What the user asked for, read from one English message: the intent, the task it names
and the changes it wants. Pure: the caller passes the current time in the user's zone.

Order matters: the specific requests (tags, reminders, recurrence, renames) are tried
before the general ones (complete, delete, change, list), and anything that is not a
question or a command about an existing task is a new task."""

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta
from todo_common.datestyle import calendar_day

from chat_service.domain.cannot import Cannot, read_cannot
from chat_service.domain.matching import position
from chat_service.domain.recurrence import (
    REPEAT_WORDS,
    Bound,
    Recurrence,
    bounded,
    first_due,
    into_next_day,
    take_recurrence,
    take_start_month,
    take_until,
)
from chat_service.domain.text import (
    MASK,
    NUMBER,
    NUMBERED,
    Scanner,
    fix_command_typos,
    mashed,
    normalise,
    respell_command_verb,
    respell_day_words,
    respell_texted_question,
)
from chat_service.domain.when import (
    ANY_WEEKDAY,
    DEFAULT_TIME,
    MONTH,
    PARTS_OF_DAY,
    When,
    take_date,
    take_days,
    take_offset,
    take_reminder,
    take_when,
)

Intent = Literal[
    "add",
    "complete",
    "reopen",
    "delete",
    "update",
    "list",
    "search",
    "show",
    "done_yet",
    "greet",
    "help",
    "thanks",
    "bye",
    "cancel",
    "delete_all",
    "delete_done",
    "hide_done",
    "reminders",
    "undo",
    "retarget",
    "cannot",
    "move_all",
    "complete_all",
    "unclear",
    "skip",
    "chat",
    "time",
    "lower_listed",
    "no_such_day",
]
MUTATING: frozenset[str] = frozenset({"complete", "reopen", "delete", "update", "skip"})

SUGGESTED_TAGS = ("Work", "Personal", "Shopping", "Health", "Finance", "Learning", "Urgent")
# Words people use for a list, mapped to the suggested tag they mean.
TAG_SYNONYMS = {
    "work": "Work",
    "job": "Work",
    "office": "Work",
    "personal": "Personal",
    "home": "Personal",
    "private": "Personal",
    "family": "Personal",
    "shopping": "Shopping",
    "grocery": "Shopping",
    "groceries": "Shopping",
    "health": "Health",
    "fitness": "Health",
    "medical": "Health",
    "finance": "Finance",
    "finances": "Finance",
    "money": "Finance",
    "bills": "Finance",
    "budget": "Finance",
    "learning": "Learning",
    "study": "Learning",
    "studies": "Learning",
    "school": "Learning",
    "urgent": "Urgent",
}
_NOT_TAGS = frozenset(
    {"todo", "to-do", "task", "tasks", "main", "daily", "big", "own", "usual", "list", "the", "my"}
)


@dataclass(frozen=True)
class Changes:
    """Fields to set on a task (new or existing). None and False mean 'leave as is'."""

    title: str | None = None
    description: str | None = None
    priority: str | None = None
    priority_step: int = 0
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    due: When | None = None
    clear_due: bool = False
    shift: relativedelta | None = None
    remind_minutes: int | None = None
    remind_at: When | None = None
    clear_reminder: bool = False
    rrule: str | None = None
    rrule_at: time | None = None
    # "every 3 days from when I last did it": "completion" (the task's repeat_from); None
    # leaves it as it is ("due" for a new task).
    repeat_from: str | None = None
    clear_rrule: bool = False
    # Said as a stop ("stop the rent reminder", "stop the rent series"; `_read_stop`):
    # "reminder" clears the reminder, or ends the series of a repeating task without one;
    # "series" ends the series; "said" is a line starting "stop"/"turn off" about reminders or
    # repeats that names no task, never added as a task. A stop that matches no task says so plainly.
    stop: str | None = None
    # A correction naming only a day ("no, I meant Friday") keeps the task's time of day.
    keep_time: bool = False
    # A reminder asked for with no time ("remind me later to call the bank"): the task is
    # added and the reply asks when.
    ask_remind: bool = False
    # "Move yoga" with no day said: the task named is asked when to move it to (planner).
    ask_due: bool = False
    # A reminder time that is also the due time when the task has none (the answer to that
    # question: "at 5pm").
    remind_sets_due: bool = False
    # Words that correct the title ("make that oat milk"): they replace the title's words they
    # end with (text.retitled).
    retitle: str | None = None
    # A new task said for several days ("gym tuesday and thursday"): one task each; `due` is
    # the first of them.
    dues: tuple[When, ...] = ()
    # The reminder itself was moved ("snooze the kickoff call reminder to 1pm on monday"): only
    # remind_at changes; a time said without a day keeps the reminder's day, and the reply says
    # the due time stays.
    reminder_moved: bool = False
    # The reminder moved by an amount ("push the reminder back an hour", "remind me 15 minutes
    # earlier"): remind_at plus this (negative: earlier); nothing else changes.
    remind_shift: relativedelta | None = None
    # Said with "push", "postpone", "delay", "defer", "put off", "snooze": never earlier; a task
    # already due on or after the new time stays where it is (and the reply says so).
    later_only: bool = False
    # A correction of the morning / evening of the due time ("I meant am", "it's 7:45 in the
    # morning not evening"): "am" or "pm", on the task's own day, at `meridiem_at` when a time
    # was said, else at its own time of day.
    meridiem: str | None = None
    meridiem_at: time | None = None

    def any(self) -> bool:
        return self != Changes()

    def any_but_title(self) -> bool:
        return replace(self, title=None) != Changes()


@dataclass(frozen=True)
class Filters:
    status: str = "open"
    priority: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    due: str | None = None
    due_after: datetime | None = None
    due_before: datetime | None = None
    sort: str | None = None
    order: str | None = None
    limit: int = 50
    # Completed within a window ("what did I finish this week?"): its bounds (from, before) and
    # how the reply names it ("this week"). The API lists by due date, not completion, so the
    # list_tasks tool filters completed tasks by completed_at.
    completed_after: datetime | None = None
    completed_before: datetime | None = None
    completed_when: str | None = None
    # How the reply names a due_after/due_before window: "tomorrow", "next week".
    due_when: str | None = None
    # "Which client has the most open tasks?": the open tasks counted per tag; the noun the
    # question used for a tag ("client").
    count_by_tag: str | None = None
    # "What's due this week for cs101?": the word after "for" / "in", which filters the list
    # when it is one of the user's tags (planner._list looks), else is left out as before.
    tag_said: str | None = None
    # "Show me the rest" after a list that ended "...and N more": the next tasks of that listing
    # (planner._list_rest).
    rest: bool = False
    # "What should I do first?": the open tasks in the order to do them (planner.first_things_first:
    # overdue and due today, then by priority, then by due time), the first few shown.
    first: bool = False
    # "Move my 8pm tasks to 9pm": the open tasks due at this time of day (planner._move_clock).
    at_clock: time | None = None


@dataclass(frozen=True)
class Request:
    intent: Intent
    # Words naming an existing task; `pronoun` when the user said "it" / "that".
    ref: str | None = None
    pronoun: bool = False
    changes: Changes = field(default_factory=Changes)
    filters: Filters = field(default_factory=Filters)
    query: str | None = None
    # A verb from "I paid the bill" that helps tell candidates apart; with `verb_required`
    # ("paid the bill", no "I") only a task whose title has it is meant.
    verb_hint: str | None = None
    verb_required: bool = False
    # The answer to "which one do you mean?", when this request repeats an earlier one.
    selector: str | None = None
    # What to do instead when no task matches `ref` ("make the bed every morning" is a new
    # task unless a task called "bed" exists); for a move of a group named by a word that may
    # be the user's own tag ("all errands tasks"), when no open task has that tag; for a new
    # task and a `then` that reads as a to-do too ("make dinner and delete old photos"), that
    # to-do ('Delete old photos'), offered when no task matches the `then`'s `ref`.
    fallback: "Request | None" = None
    # For a move of a group whose words could also be one task's name ("move the work tasks
    # to friday"): that one task's reading, taken when an open task is called exactly `ref`.
    one_task: "Request | None" = None
    # For "cannot": what was asked of the assistant that no tool does ("can you text me my list?").
    cannot: Cannot | None = None
    # For "add": the further tasks of a message that says "add" again ("add milk. also add
    # bread"), each added as `changes` is.
    also: tuple[Changes, ...] = ()
    # Something said about the last task with no command ("it's for work", "that's urgent"):
    # that task only while the last reply named it (planner); else which task is asked.
    said_of_last: bool = False
    # Read with a misspelled command verb ("resechdule the plumbr to tuesday"): only a task
    # whose title has every word of `ref` is meant; else `fallback` (the words as a new task).
    whole_ref: bool = False
    # For "delete": the repeating task's series ends with it ("delete the gym series", "delete
    # gym for good"); else only this one goes and the series goes on with its next one.
    whole_series: bool = False
    # A second command said in the same message, about another task ("mark call mom as done,
    # and push the dentist back an hour"): done after this one, and told after it.
    then: "Request | None" = None
    # Words of the message after a sentence's end or "also" / "then" that start with a command
    # verb but read as no command ("add call mom. also mark yoga"): not acted on, and told so
    # (never a task title holding them). When they read as a to-do, `then` is that new task,
    # its `ref` the name its words give ('yoga', 'table'): added when no open task has that
    # name ("add call mom. set the table" adds 'Set the table').
    unread: str | None = None
    # "When is the next yoga?": open tasks only (a repeating task's done one has its title).
    open_only: bool = False
    # "Tag the weekly report": all the words after "tag the", the tag's with them. A task
    # they name whole ('Weekly report') is the one meant and its tag is asked (planner);
    # else the last word is the tag of the task the others name, as `ref` and `changes` say.
    tag_or_name: str | None = None


# -- shared pieces ---------------------------------------------------------------------------
_PRONOUN = re.compile(
    r"^(?:it|that|this|that\s+one|this\s+one|the\s+(?:last|latest|previous|new|same)\s+(?:one|task)|"
    r"the\s+(?:one|task)(?:\s+i\s+just\s+(?:added|created|made|mentioned))?|that\s+task|this\s+task|"
    r"the\s+task|them|those|these)$",
    re.IGNORECASE,
)
_POLITE_LEAD = re.compile(
    r"^(?:(?:hey|hi|hello|ok|okay|so|well|um|uh|oh|and|also|now|then|alright|right|actually|please|pls|plz|kindly|"
    r"great|thanks|cool)[,!.]?\s+|"
    # "sure add eggs", "sounds good, make it 5pm": a yes before a command (not "perfect the
    # speech", "sure-fire plan": only when a command word follows).
    r"(?:sure|yes|yeah|yep|yup|perfect|sounds\s+(?:good|great|perfect))[,!.]?\s+"
    r"(?=(?:add|create|make|move|delete|remove|mark|set|change|put|rename|push|remind|tag|show|list|"
    r"complete|finish|can|could|would|please)\b))*"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|i(?:'d|\s+would)\s+like\s+you\s+to\s+|i\s+want\s+you\s+to\s+|"
    r"please\s+|go\s+ahead\s+and\s+|help\s+me\s+)?",
    re.IGNORECASE,
)
# Words after which "thanks", "please", "thank you" are what is said, the title's ("say thanks",
# "send thanks", "write a thank you"), not words to the assistant (quick-add.ts, SAID_BEFORE).
_SAYING = ("say", "send", "write", "give", "express", "offer", "a", "my", "our")
_NOT_SAID = "".join(rf"(?<!\b{word})" for word in _SAYING)
_POLITE_TAIL = re.compile(
    _NOT_SAID
    + r"(?:[\s,]+(?:please|pls|thanks|thank\s+you|for\s+me|now|for\s+now|right\s+now|again))+[\s.!?]*$|[\s.!?]+$|"
    # "the VAT return is due 10.12., set that": the statement is the request.
    r",\s*(?:(?:please\s+)?(?:set|add|note|save|put\s+down|write\s+down)\s+(?:that|it|this)(?:\s+(?:up|down))?"
    r"(?:\s+please)?)[\s.!?]*$",
    re.IGNORECASE,
)
PRIO_WORDS = (
    r"(?P<prio>very\s+important|very\s+high|extremely\s+important|super\s+important|highest|top|critical|urgent|asap|"
    r"high|important|medium|normal|moderate|regular|mid|low|lowest|not\s+important|unimportant|not\s+urgent)"
)
_PRIO_MAP = {
    "very important": "VERY_IMPORTANT",
    "very high": "VERY_IMPORTANT",
    "extremely important": "VERY_IMPORTANT",
    "super important": "VERY_IMPORTANT",
    "highest": "VERY_IMPORTANT",
    "top": "VERY_IMPORTANT",
    "critical": "VERY_IMPORTANT",
    "urgent": "VERY_IMPORTANT",
    "asap": "HIGH",  # as the web quick-add reads it (frontend/lib/quick-add.ts)
    "high": "HIGH",
    "important": "HIGH",
    "medium": "MEDIUM",
    "normal": "MEDIUM",
    "moderate": "MEDIUM",
    "regular": "MEDIUM",
    "mid": "MEDIUM",
    "low": "LOW",
    "lowest": "LOW",
    "not important": "LOW",
    "unimportant": "LOW",
    "not urgent": "LOW",
}


def priority_word(word: str) -> str | None:
    """'urgent' -> VERY_IMPORTANT, 'high' -> HIGH, also the API names themselves."""
    key = " ".join(word.lower().replace("_", " ").replace("-", " ").split())
    if key.upper().replace(" ", "_") in ("VERY_IMPORTANT", "HIGH", "MEDIUM", "LOW"):
        return key.upper().replace(" ", "_")
    return _PRIO_MAP.get(key)


def tag_name(word: str) -> str:
    """A tag as the user wrote it ("#cs101" is cs101, "#CS101" CS101), in the canonical case
    when it is a suggested tag ("#work" is Work, as task-service saves it). A tag the user
    already has is saved in their spelling of it (tools.add_task / add_tag)."""
    word = word.strip().lstrip("#")
    for tag in SUGGESTED_TAGS:
        if tag.lower() == word.lower():
            return tag
    return word


def _clean_ref(text: str) -> str:
    """'the groceries task' -> 'groceries'; quotes kept as the exact words."""
    once = _clean_ref_once(text)
    return once if once.startswith(("'", '"')) else _clean_ref_once(once)


def _clean_ref_once(text: str) -> str:
    ref = text.strip().strip(" ,.!?:;")
    quoted = re.fullmatch(r"""["'](.+)["']""", ref)
    if quoted:
        return quoted.group(1).strip()
    ref = re.sub(r"^(?:on|for|from|about|of|to|with|in)\s+", "", ref, flags=re.IGNORECASE)
    ref = re.sub(r"^(?:the|my|a|an|our|that|this)\s+", "", ref, flags=re.IGNORECASE)
    ref = re.sub(
        r"^(?:task|todo|to-do|item|reminder)s?\s+(?:called|named|titled|to|for|about|of)?\s*",
        "",
        ref,
        flags=re.IGNORECASE,
    )
    ref = re.sub(r"^(?:one|thing)\s+(?:about|for|to)\s+", "", ref, flags=re.IGNORECASE)
    ref = re.sub(r"\s+(?:task|todo|to-do|item|one|thing|reminder)s?$", "", ref, flags=re.IGNORECASE)
    ref = re.sub(
        r"\s+(?:on|from|in|off)\s+(?:my|the)\s+(?:list|tasks|to-?do\s*list)$", "", ref, flags=re.IGNORECASE
    )
    quoted = re.fullmatch(r"""["'](.+)["']""", ref.strip())
    return quoted.group(1).strip() if quoted else ref.strip()


def _target(ref_text: str | None) -> tuple[str | None, bool]:
    """(reference words, pronoun?) from the words naming a task."""
    if ref_text is None:
        return None, True
    raw = ref_text.strip().strip(" ,.!?")
    if not raw or _PRONOUN.match(raw):
        return None, True
    ref = _clean_ref(raw)
    if not ref or _PRONOUN.match(ref):
        return None, True
    return ref, False


def _req(intent: Intent, ref_text: str | None, changes: Changes | None = None, **kw: object) -> Request:
    ref, pronoun = _target(ref_text)
    return Request(intent, ref=ref, pronoun=pronoun, changes=changes or Changes(), **kw)  # type: ignore[arg-type]


# -- attributes of a task, taken out of the text ---------------------------------------------
# The quick-add box's priority marks ("!high", "!!", "!p1"), so the same line works in both.
_BANG_PRIORITY = {
    "!!": "VERY_IMPORTANT",
    "!!!": "VERY_IMPORTANT",
    **dict.fromkeys(("urgent", "important", "very", "1", "p1"), "VERY_IMPORTANT"),
    **dict.fromkeys(("high", "hi", "h", "2", "p2"), "HIGH"),
    **dict.fromkeys(("medium", "med", "m", "normal", "3", "p3"), "MEDIUM"),
    **dict.fromkeys(("low", "lo", "l", "4", "p4"), "LOW"),
}
# A mark: "!!", "!!!", or "!" and a word (group 2).
_MARK = r"(!!!?|!([a-z0-9]+))"
_BANG = re.compile(r"(?:^|(?<=[\s\u2063]))" + _MARK + r"(?=\s|$|[,.;?])", re.IGNORECASE)


def _mark_priority(m: re.Match[str]) -> str | None:
    """The priority a match of _MARK stands for, if it is one."""
    return _BANG_PRIORITY.get((m.group(2) or m.group(1)).lower())


def _take_bang_priority(scan: Scanner) -> str | None:
    priority = None
    for m in list(_BANG.finditer(scan.masked)):
        value = _mark_priority(m)
        if value:
            scan.mask(m.start(), m.end())
            priority = value  # the last one wins, as in quick-add
    return priority


_NOT_IMPORTANT = (
    r"(?:not|isn'?t|is\s+not|'s\s+not)\s+(?:(?:that|so|very|too|really|particularly|terribly|super|all\s+that)\s+)?"
    r"(?:important|urgent|pressing|a\s+priority|(?:a\s+)?high[- ]priority)(?:\s+at\s+all)?"
)


def take_priority(scan: Scanner, *, asked: bool = False) -> str | None:
    """The priority a new task's words say. A word is read only where it says the priority,
    as the web quick-add reads it (frontend/lib/quick-add.ts saysPriority): see _says_priority
    ("Reply to urgent emails", "critical path review" stay titles). `asked`: the message ended
    with "?" ("add is it urgent?"), so words at its end ask, not say."""
    if bang := _take_bang_priority(scan):
        return bang
    lead = r"(?:(?:^|[,;(]\s*|\s)(?:and\s+|with\s+|as\s+(?:a\s+)?|at\s+|it'?s\s+|it\s+is\s+|this\s+is\s+|that'?s\s+|that\s+is\s+|make\s+it\s+|mark\s+it\s+(?:as\s+)?|set\s+it\s+(?:to|as)\s+|priority\s*[:=]?\s*)*)"
    suffix = r"(?:[- ](?:priority|prio|pri|importance))"
    # (priority, words, read anywhere, "important" alone: only after ",", "-", "(" or "it's")
    patterns: tuple[tuple[str, str, bool, bool], ...] = (
        # "not urgent", "not that important", "isn't very urgent": Low, never the priority
        # the last word names ("add water plants, not urgent" was Very important).
        ("LOW", _NOT_IMPORTANT + r"\b[:!)]*", False, False),
        (
            "VERY_IMPORTANT",
            # "urgent care" is a place; "mission critical" words of the title; "top",
            # "highest", "very high" only named a priority ("top priority"; "Put it on top").
            r"(?:very\s+(?:important|urgent)|extremely\s+important|super\s+important|"
            r"(?:very\s+high|highest|top)(?=" + suffix + r")|urgent(?:ly)?(?![ -]care\b)|"
            r"(?<!mission[- ])(?<!business[- ])(?<!safety[- ])(?<!time[- ])critical)" + suffix + r"?\b[:!)]*",
            False,
            False,
        ),
        ("HIGH", r"(?:high|hi)" + suffix + r"\b[:!)]*", False, False),
        # "asap" is High, as in the web quick-add ("Fix login bug ASAP!"), not a due date, and
        # read wherever it is said, as the web box reads it.
        ("HIGH", r"(?:asap|as\s+soon\s+as\s+possible)" + suffix + r"?\b[:!)]*", True, False),
        ("HIGH", r"priority\s*[:=]?\s*high\b[:!)]*", False, False),
        ("HIGH", r"(?<!not\s)(?<!\bun)important\b[:!)]*", False, True),
        ("MEDIUM", r"(?:medium|normal|moderate|regular|mid)" + suffix + r"\b[:!)]*", False, False),
        (
            "LOW",
            r"(?:(?:low|lowest)" + suffix + r"|unimportant|no\s+rush|"
            r"no\s+hurry|priority\s*[:=]?\s*low|whenever(?:\s+i\s+(?:can|get\s+(?:a\s+chance|time|around\s+to\s+it)))?|"
            r"when\s+i\s+(?:get|have)\s+(?:a\s+chance|time))\b[:!)]*",
            False,
            False,
        ),
    )
    for priority, words, anywhere, clause_only in patterns:
        for m in scan.find_all(lead + r"(?P<words>" + words + r")"):
            if anywhere or _says_priority(scan.masked + ("?" if asked else ""), m, clause_only=clause_only):
                scan.mask(m.start(), m.end())
                return priority
    return None


_SAID_WITH = re.compile(r"(?:it'?s|it\s+is|this\s+is|that'?s|that\s+is)\s+$", re.IGNORECASE)
_ARTICLE = re.compile(r"(?:a|an|another|one\s+more|some)?(?:\s*\b(?:new|quick))?", re.IGNORECASE)
# "put call mom urgent on my list", "add fix prod urgent to my list": where it goes, not the title.
_ON_THE_LIST = re.compile(
    r"\b(?:to|on|onto)\s+(?:my|the)\s+(?:[\w-]+\s+)?(?:list|to-?do\s*list|todos?|tasks)\b", re.IGNORECASE
)
_TAG_MARK = re.compile(r"(?<![\w&#])#[A-Za-z][\w-]{0,31}")


def _says_priority(masked: str, m: re.Match[str], *, clause_only: bool) -> bool:
    """Whether the priority words m found ("urgent", group "words") say the task's priority
    rather than describe a thing in its title ("Reply to urgent emails", "Deal with urgent
    mail", "critical path review", "Is it urgent?"), as the web quick-add reads them
    (quick-add.ts saysPriority): at the end of the message once dates, repeats and tags are
    taken out ("fix prod urgent tomorrow", "call mom, urgent and due friday"), at the end of a
    part of it ("fix prod - urgent, tomorrow", "fix prod (urgent)"), with ":" ("urgent: fix
    prod"), "urgently" anywhere (not before "?"), or named a priority at the start ("urgent
    priority fix prod"). "important" alone (`clause_only`) only at the end of a part after ",",
    "-", "(" or "it's". And the assistant's own: before a task noun right after "add" ("add an
    urgent task to fix the server", "add a high priority task: ...")."""
    words = m.group("words")
    start = m.start("words")
    after = _ON_THE_LIST.sub(" ", _TAG_MARK.sub(" ", masked[m.end() :].replace(MASK, " ")))
    before = masked[:start].replace(MASK, " ")
    if re.match(r"\s*\?", after):
        return False
    if words.endswith(":"):
        return True
    head = _ADD_LEAD.sub("", before.strip(), count=1).strip() if before.strip() else ""
    if _ARTICLE.fullmatch(head) and re.match(r"\s*" + _TASK_NOUN, after, re.IGNORECASE):
        return True  # "add an urgent task to ..."
    said_with = _SAID_WITH.search(before) is not None
    ends_part = bool(
        re.match(r"\s*(?:(?:and|&)\s*)?[.!]*\s*$", after)
        or re.match(r"\s*(?:[,;)]|[-\u2013\u2014](?:\s|$))", after)
    )
    if clause_only and not said_with:
        return ends_part and bool(re.search(r"(?:^|[,;(]|\s[-\u2013\u2014])\s*$", before))
    if ends_part or re.match(r"urgently\b", words, re.IGNORECASE):
        return True
    suffixed = re.search(r"[- ](?:priority|prio|pri|importance)\b[:!)]*$", words, re.IGNORECASE)
    return suffixed is not None and not head


def take_tags(scan: Scanner) -> list[str]:
    tags: list[str] = []

    def add(tag: str) -> None:
        if tag.lower() not in (t.lower() for t in tags):
            tags.append(tag)

    while m := scan.take(r"(?<![\w&#])#([A-Za-z][\w-]{0,31})"):
        add(tag_name(m.group(1)))
    m = scan.take(
        r"\b(?:to|on|in|into|onto|under|for)\s+(?:my|the|our)\s+([\w-]+)\s+(?:list|tasks|to-?do\s+list|category|folder|bucket|project)\b"
    )
    if m and m.group(1).lower() not in _NOT_TAGS:
        add(TAG_SYNONYMS.get(m.group(1).lower(), tag_name(m.group(1))))
    m = scan.take(
        r"\b(?:tag(?:ged)?|label(?:l?ed)?|categori[sz]ed?)\s+(?:it\s+|this\s+)?(?:as\s+|with\s+|under\s+)?(?:the\s+)?#?([\w-]+)"
        r"(?:\s*(?:,|and|&)\s*#?([\w-]+))?(?:\s+tags?)?"
    )
    if m:
        for word in m.groups():
            if word:
                add(tag_name(word))
    m = scan.take(
        r"\bfor\s+(?:my\s+|the\s+)?(work|personal|health|finances?|learning|shopping|the\s+office|job|school)\b"
        r"(?=\s*(?:$|[,.;!?)\u2063]))"
    )
    if m:
        add(TAG_SYNONYMS.get(m.group(1).lower().removeprefix("the "), "Work"))
    m = scan.take(r"^\s*(work|personal|shopping|health|finance|learning)\s*[:\-]\s+")
    if m:
        add(tag_name(m.group(1)))
    m = scan.take(r"\s*\((work|personal|shopping|health|finance|learning)\)")
    if m:
        add(tag_name(m.group(1)))
    return tags


_TASK_NOUN = r"(?:task|todo|to-do|to\s+do|item|entry|reminder|note)s?\b"
# Asking for a reminder, as "remind me" does: "set (me) a reminder", "send me a reminder",
# "give me a reminder", "I need a reminder". ("Send a reminder to John" asks for none.)
_A_REMINDER = (
    r"(?:(?:set|create|add|make)\s+(?:me\s+)?|(?:send|give)\s+me\s+|(?:i|we)(?:\s+need|\s+want|\s+would\s+like|'d\s+like)\s+)"
    r"(?:a\s+)?reminder"
)
# "Ping me / alert me / notify me to ...": a task with a reminder, as "remind me to ..." is.
_REMIND_ME_TO = r"(?:ping|alert|notify)\s+me\s+to\b"
_INTRO = r"(?:\s*(?:called|named|titled|saying|that\s+says|for\s+me\s+to|to|about|:|-)(?=\s|$))?"
_ADD_LEADS = (
    # Verbs that only mean "add" ...
    r"(?:add|create|new|insert|log|record|capture|jot\s+down|write\s+down|note\s+down|enter|save|track)\b"
    r"(?:\s+(?:me\s+)?(?:a|an|the|another|one\s+more|some)?\s*(?:new\s+|quick\s+|recurring\s+|repeating\s+)?"
    + _TASK_NOUN
    + r")?"
    + _INTRO,
    # ... and verbs that belong to a title unless a task noun follows ("make a task to").
    r"(?:make|put|set\s+up|schedule|plan|open)\s+(?:me\s+)?(?:a|an|another|one\s+more)\s*(?:new\s+|quick\s+|recurring\s+)?"
    + _TASK_NOUN
    + _INTRO,
    r"(?:new|another)\s+(?:task|todo|to-do|item)\s*(?:called|named|titled|to|for|:|-)?",
    r"(?:task|todo|to-do|to\s+do|reminder|note\s+to\s+self)\s*[:\-]",
    r"(?:please\s+)?remind\s+me\s+(?:to|that|about|of)\b",
    _REMIND_ME_TO,
    _A_REMINDER + r"\s+(?:to|that|about)\b",
    r"(?:don't|do\s+not|dont)\s+(?:let\s+me\s+)?forget\s+(?:to|about)?",
    r"(?:remember|make\s+sure|be\s+sure)\s+(?:to|that\s+i)\b",
    r"(?:i|we)\s+(?:really\s+|also\s+|still\s+)?(?:need|have|want|ought|got|must|should|gotta|plan|intend|hope)(?:\s+to)?\b",
    r"(?:i|we)'(?:ve|d|ll)\s+(?:got\s+to|like\s+to|need\s+to|have\s+to|want\s+to|better)\b",
    r"i'm\s+(?:going\s+to|gonna|supposed\s+to|planning\s+to)\b",
    r"(?:need|have|got|gotta|must|should)(?:\s+to)?\b",
    r"(?:there's|there\s+is)\s+(?:a|an)\b",
)
_ADD_LEAD = re.compile(r"^(?:" + "|".join(_ADD_LEADS) + r")\s*[:\-]?\s*", re.IGNORECASE)
_POLITE_WORDS = r"please|pls|thanks|thank\s+you"
_TAIL_WORDS = (
    r"and|for\s+me|sometime|someday|soon|at\s+some\s+point|eventually|"
    r"later|to\s+(?:my|the)\s+(?:list|to-?do\s*list|todos?|tasks)|on\s+(?:my|the)\s+(?:list|to-?do\s*list)|"
    r"to\s+(?:my|the)\s+list|due|by|on|at|for|in|from|starting|with|as|a|an|the|to|this|of|every|each"
)
_TITLE_TAIL = re.compile(
    r"(?:[\s,;:\-]+|\b(?:"
    + "".join(rf"(?<!\b{word}\s)" for word in _SAYING)
    + "(?:"
    + _POLITE_WORDS
    + ")|"
    + _TAIL_WORDS
    + r")\b)+$",
    re.IGNORECASE,
)
# The same, keeping polite words that end the title (read_add: said before a repeat).
_TITLE_TAIL_BUT_POLITE = re.compile(r"(?:[\s,;:\-]+|\b(?:" + _TAIL_WORDS + r")\b)+$", re.IGNORECASE)
# Polite words ending what is left of a new task's line (the taken words masked after them).
_POLITE_LAST = re.compile(
    r"(?<![\w'\u2019-])(?:" + _POLITE_WORDS + r")(?=[\s,.;:!?" + MASK + r"]*$)", re.IGNORECASE
)
# "it" at the end of a title is the object of its verb ("wrap it", "fix it", "return it"), so
# it stays; "it" alone ("add it", "put it on my list") and a command about the task ("..., do
# it tomorrow", "... and make it monthly", "..., remind me about it at 5") whose other words
# were taken out are no title.
_IT_TAIL = re.compile(
    r"(?:^|[\s,;:\-]+(?:(?:and|then|so)\s+)?(?:do|make|set|schedule|put|mark|tag|label|have|"
    r"remind\s+me\s+(?:about|of))\s+)it$",
    re.IGNORECASE,
)
_FILLER = re.compile(r"\b(?:sometime|someday|at\s+some\s+point|eventually)\b", re.IGNORECASE)
# The one who does it, left at the head of a title once its day was taken ("monday I drive the
# kids to school at 7:45", "tomorrow I'll call mom"): not a word of the title. ("I need to",
# "we have to" are add leads.) Not a verb that says something else of the user ("I am ...",
# "I can ...", "I have a ...", "I think ..."), nor an "I" in the middle ("ask if I can leave").
_SUBJECT = re.compile(
    r"^(?:i|we)(?:'ll|\s+will|\s+shall)?\s+(?!(?:am|was|were|are|is|be|can|could|would|may|might|did|do|does|"
    r"don't|didn't|can't|cannot|won't|wouldn't|think|guess|feel|wonder|know|have|had|has|just|also|too|and|or)\b)"
    r"(?=[a-z])",
    re.IGNORECASE,
)


def clean_title(
    text: str, *, keep_long: bool = False, keep_polite: bool = False, keep_about: bool = False
) -> str:
    """What is left of a message once its dates, tags and commands are taken out.
    `keep_polite`: polite words ending it are the title's ("Say thank you" of "say thank you
    weekly"), not words to the assistant. `keep_about`: a leading "about" is the title's."""
    intro = r"^(?:to|that|of|and)\s+" if keep_about else r"^(?:to|that|about|of|and)\s+"
    tail = _TITLE_TAIL_BUT_POLITE if keep_polite else _TITLE_TAIL
    title = " ".join(text.split())
    quoted = re.search(r""""([^"]+)"|(?:^|\s)'([^']+)'(?=$|[\s,.!?])""", title)
    if quoted:
        title = (quoted.group(1) or quoted.group(2)).strip()
        return title if keep_long else shorten_title(title)
    title = _ADD_LEAD.sub("", title, count=1).strip()
    title = _SUBJECT.sub("", title, count=1)
    for _ in range(3):
        before = title
        title = _FILLER.sub("", title)
        title = tail.sub("", " ".join(title.split())).strip(" ,;:-")
        title = _IT_TAIL.sub("", title).strip(" ,;:-")
        title = re.sub(intro, "", title, flags=re.IGNORECASE)
        if title == before:
            break
    title = re.sub(r"\s*\(\s*\)", "", title)  # brackets a date was taken out of: "Email Bob (tomorrow)"
    title = re.sub(r"\s+([,.;:!?])", r"\1", title).strip(" ,;:-")
    if title and title[0].islower() and not any(c.isupper() for c in title.split(maxsplit=1)[0]):
        # A capital first, unless the first word has capitals of the user's own ("iPhone
        # backup", "eBay listing" stay as typed), as the web's quick-add titles.
        title = title[0].upper() + title[1:]
    return title if keep_long else shorten_title(title)


MAX_TITLE = 200


def shorten_title(title: str) -> str:
    """A title the API takes (200 characters): a long one ends at a word, with an ellipsis."""
    if len(title) <= MAX_TITLE:
        return title
    cut = title[: MAX_TITLE - 1]
    if " " in cut and not title[MAX_TITLE - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "\u2026"


def _attributes(scan: Scanner, now: datetime, *, asked: bool = False) -> Changes:
    """Dates, recurrence, reminder, priority and tags said anywhere in the text."""
    minutes = take_reminder(scan)
    recurrence = take_recurrence(scan)
    if recurrence is not None:
        # "bin day is every friday", "trash day is every other monday": the rule said of the
        # thing ('Bin day', as "bin day every friday"), no "is" left in the title.
        scan.take(r"(?<=\w)\s+(?:is|are)(?=\s*" + MASK + r")")
    # "every morning until dec 20": the series' last day, before the date is read as its first.
    bound = take_until(scan, now) if recurrence else None
    # "tuesday and thursday" without "every": a task for each day, not one that repeats.
    days = take_days(scan, now) if recurrence is None else []
    before = scan.masked
    when = days[0] if days else take_when(scan, now, recurrence.at if recurrence else None)
    said = "".join(c for c, m in zip(before, scan.masked, strict=True) if c != m)
    if (
        recurrence is not None
        and (recurrence.at == PARTS_OF_DAY["night"] or re.search(r"\bnight", said, re.IGNORECASE))
        and when is not None
        and when.time_given
        and when.at.hour == 0
    ):
        # "every friday night at 12", "every weeknight at 12": the midnight that ends that
        # night, on the next day (Saturday 00:00; Tuesday to Saturday), as the web reads it.
        recurrence = replace(recurrence, rrule=into_next_day(recurrence.rrule))
    if recurrence and (when is None or not when.date_given):
        start = take_start_month(scan, now)
        if start is not None:
            # "every sunday starting january (at 6pm)": the series' first day, its time said or not.
            at = when.at.timetz() if when else DEFAULT_TIME.replace(tzinfo=now.tzinfo)
            when = When(
                datetime.combine(start, at), date_given=True, time_given=when is not None and when.time_given
            )
    # Tags before the priority, so that "fix prod urgent for work" ends with the priority word.
    tags = take_tags(scan)
    priority = take_priority(scan, asked=asked)
    if recurrence is None:
        # "... and make it repeat" said after the date: recurrence words may follow it.
        recurrence = take_recurrence(scan)
    scan.take(REPEAT_WORDS)
    changes = Changes(
        priority=priority,
        add_tags=tuple(tags),
        due=when,
        remind_minutes=minutes,
        rrule=recurrence.rrule if recurrence else None,
        rrule_at=recurrence.at if recurrence else None,
        repeat_from=_repeat_from(recurrence),
        dues=tuple(days) if len(days) > 1 and recurrence is None else (),
    )
    return _with_bound(changes, bound, now)


def _repeat_from(recurrence: Recurrence | None) -> str | None:
    """ "completion" when the rule was said to count from when each one is done."""
    return "completion" if recurrence is not None and recurrence.from_completion else None


def _with_bound(changes: Changes, bound: Bound | None, now: datetime) -> Changes:
    """The rule ending where the user said ("for 3 weeks" counts from the first due day)."""
    first = series_due(changes, now)
    if bound is None or changes.rrule is None or first is None:
        return changes
    return replace(changes, rrule=bounded(changes.rrule, bound, first.at))


def series_due(changes: Changes, now: datetime) -> When | None:
    """The due time of a new recurring task: the first occurrence at the time given."""
    if changes.rrule is None:
        return changes.due
    due = changes.due
    at = due.at.timetz().replace(tzinfo=None) if due and due.time_given else changes.rrule_at
    start = due.at.date() if due and due.date_given else None
    first = first_due(changes.rrule, now, at, start)
    return When(first, date_given=True, time_given=at is not None)


# -- reading a message ---------------------------------------------------------------------
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|howdy|yo|hallo|greetings|good\s+(?:morning|afternoon|evening|day))(?:\s+there)?\b[\s!.,]*",
    re.IGNORECASE,
)
_HELP = re.compile(
    r"\b(?:what\s+(?:else\s+)?can\s+you\s+do|what\s+do\s+you\s+do|how\s+(?:can|do)\s+you\s+help|what\s+are\s+you\s+able|"
    r"what\s+can\s+i\s+(?:say|ask|do\s+here)|how\s+does\s+(?:this|it)\s+work|how\s+do\s+i\s+use|who\s+are\s+you|"
    r"what\s+are\s+you|^help(?:\s+me)?$|^help\b|what\s+are\s+your\s+(?:features|capabilities)|how\s+are\s+you)",
    re.IGNORECASE,
)


def _plans_a_stretch(body: str) -> bool:
    """'Help me plan the weekend', 'help me organise my day': not the general help, but that
    stretch's tasks (cannot._planning, planner._plan_a_stretch)."""
    planning = read_cannot(body) if re.match(r"help\s+me\s+\w", body, re.IGNORECASE) else None
    return planning is not None and planning.ask is not None


_THANKS = re.compile(
    r"^(?:thanks|thank\s+you|thx|ty|cheers|great|perfect|awesome|cool|nice|ok|okay|got\s+it|sounds\s+good|good|"
    r"wonderful|excellent|brilliant|lovely|sweet|alright|fine|yes|yep|yeah)(?:[\s,!.]+(?:thanks|thank\s+you|so\s+much|a\s+lot|"
    r"very\s+much|again|mate|buddy))*[\s!.]*$",
    re.IGNORECASE,
)
# A message that only acknowledges, praises or ends the talk: "ok great", "cool cool", "nice
# one", "ok sounds good", "got it 👍", "that's all", "no that's it", "all good", "bye". Each was
# a new task ('Great', 'Nice one', 'All good'), and "no that's it" right after an add renamed
# the task 'That's it'. "done" / "all done" are not here: they complete the last task.
_ACK = (
    r"(?:ok(?:ay|ey)?|k+|alright|sure|cool|great|perfect|awesome|nice(?:\s+one)?|good(?:\s+(?:stuff|job|work|bot))?|"
    r"great\s+(?:stuff|job|work)|well\s+done|excellent|brilliant|lovely|sweet|fine|amazing|wonderful|neat|super|"
    r"yes(?:\s+please)?|yep|yeah|yup|thanks?|thank\s+you|thx|ty|cheers|got\s+it|noted|understood|will\s+do|"
    r"sounds\s+(?:good|great|perfect)|that\s+works|works\s+for\s+me|(?:much\s+)?appreciated|appreciate\s+it|"
    r"love\s+it|you\s+rock|lol|haha+|okey\s+dokey|so\s+much|a\s+lot|very\s+much|again|mate|buddy|"
    # "that's great", "this is perfect": praise for the last turn, no task named 'That's great'.
    r"(?:that'?s|that\s+is|this\s+is)\s+(?:(?:so|really|very|just|pretty)\s+)?(?:great|good|nice|cool|awesome|amazing|"
    r"wonderful|perfect|fine|ok|okay|brilliant|excellent|lovely|helpful|fantastic|neat|super|useful)|"
    "\U0001f44d|\U0001f64f|\U0001f60a|\U0001f642|\u2764\ufe0f?)"
)
_CLOSER = (
    r"(?:that'?s\s+(?:all|it|everything)(?:\s+for\s+(?:now|today))?|that\s+is\s+all|nothing\s+(?:else|more)|"
    r"(?:i'?m|i\s+am|we'?re)\s+(?:good|all\s+set)|all\s+(?:good|set)|(?:good)?\s*bye(?:\s+bye)?|"
    r"see\s+(?:ya|you)(?:\s+later)?|talk\s+(?:to\s+you\s+)?later|good\s*night)"
)
_ONLY_ACK = re.compile(
    r"^(?:(?:no|nope|nah)[,!.]*\s+)?(?:"
    + _ACK
    + "|"
    + _CLOSER
    + r")(?:[\s,!.]+(?:"
    + _ACK
    + "|"
    + _CLOSER
    + r"))*[\s!.]*$",
    re.IGNORECASE,
)
# Talk that is no task and asks nothing of the assistant, by an explicit list: the weather
# ("it's raining", "it's so cold today", "the weather is nice") and a statement ending with a
# tag question ("the weather is nice, isn't it", "that was fun, wasn't it?"). "The car needs
# oil", "the dog needs a bath" and "taxes are due friday" are tasks.
_SMALL_TALK = re.compile(
    r"^(?:(?:oh|wow|ugh|man|well)[,!]?\s+)?(?:it'?s|it\s+is|the\s+weather(?:'s|\s+is))\s+(?:(?:so|really|very|pretty|quite|still|finally|"
    r"such|a\s+bit|kind\s+of|kinda)\s+)*(?:raining|snowing|pouring|drizzling|sunny|cloudy|windy|foggy|rainy|snowy|stormy|"
    r"cold|chilly|hot|warm|freezing|humid|nice|lovely|beautiful|gorgeous|awful|terrible|horrible|miserable|grey|gray|"
    r"(?:a\s+)?(?:nice|lovely|beautiful|gorgeous|rainy|sunny|cold|hot|warm|grey|gray|miserable)\s+day)"
    r"(?:\s+(?:today|outside|out|out\s+there|here|again|now|tonight|this\s+(?:morning|afternoon|evening)))?[\s!.]*$",
    re.IGNORECASE,
)
# A friendly question about the assistant ("how's your day going?", "how was your weekend",
# "how's it going", "what's up"): answered in kind, never a task ('Mate, how's your day going').
# "how are you" asks what it can do (_HELP).
_HOW_IS_YOUR_DAY = re.compile(
    r"^(?:(?:and|so)\s+)?(?:how(?:'?s|\s+is|\s+was|\s+has|\s+have|\s+are)\s+(?:"
    r"(?:your|ur|the)\s+(?:day|morning|afternoon|arvo|evening|night|week|weekend)(?:\s+(?:been|going))?|"
    r"(?:it|things|life|everything)(?:\s+(?:been|going))?|you\s+been|you\s+going)(?:\s+(?:so\s+far|today|then|mate|buddy))*|"
    r"how\s+(?:ya|you)\s+going|what'?s\s+up|whats\s+up|wassup|sup)[\s?!.]*$",
    re.IGNORECASE,
)
# Thanks and then more after a comma or a stop: "thanks mate, how's your day going?", "cheers,
# what's due today?": the thanks said, what follows is read on its own.
_THANKS_THEN = re.compile(
    r"^(?:thanks|thank\s+you|thx|ty|ta|cheers)(?:\s+(?:so\s+much|a\s+lot|heaps|again|mate|buddy))*\s*[,.!;]+\s*(?=\S)",
    re.IGNORECASE,
)
_WEATHER_IS_BAD = re.compile(r"^the\s+weather(?:'s|\s+is)\s+(?:so\s+|really\s+|very\s+|pretty\s+)?bad$", re.I)


def _command_after_small_talk(body: str, now: datetime) -> Request | None:
    """'The weather is bad, move the picnic to sunday': small talk, then after ',', ';', '.' or a
    dash (and 'so'), a command about a task it names: that command alone (before: a task
    'The weather is bad, move the picnic'). Only a named task's change, never 'it'."""
    for m in re.finditer(r"\s*(?:[,;.]|\s[\u2014\u2013-])\s*(?:so\s+)?", body):
        head, tail = body[: m.start()].strip(), body[m.end() :]
        if not tail or not (_SMALL_TALK.match(head) or _WEATHER_IS_BAD.match(head)):
            continue
        said = parse(tail, now)
        if said.intent in MUTATING and said.ref and not said.pronoun and said.fallback is None:
            return said
        return None
    return None


_TAG_QUESTION = re.compile(
    r"\b(?:is|are|was|were|'s)\b.*,\s*(?:isn'?t|aren'?t|wasn'?t|weren'?t|doesn'?t|don'?t|didn'?t|won'?t|can'?t|hasn'?t|"
    r"haven'?t)\s+(?:it|they|he|she|we|you|there|that|this)[\s?!.]*$",
    re.IGNORECASE,
)
_UNDO = re.compile(
    r"^(?:(?:undo|revert|reverse)(?:\s+(?:that|it|this|what\s+you\s+(?:just\s+)?did|"
    r"(?:(?:the|that|my|your)\s+)?(?:last|previous|latest)\s+(?:one|thing|change|edit|step|action)|"
    r"(?:the|that|this|my|your)\s+(?:last\s+)?(?:change|edit|step|action|delete|deletion|rename|move)))?|"
    r"take\s+(?:that|it)\s+back|change\s+(?:it|that)\s+back|put\s+(?:it|that)\s+back\s+(?:the\s+way|how)\s+it\s+was)[\s!.]*$",
    re.IGNORECASE,
)
# What people say before "undo" when something went wrong: "oops, undo", "wait no, undo that".
_OOPS = re.compile(
    r"^(?:(?:oops(?:ie)?|whoops|wait|no|nope|sorry|ugh|argh|ah|oh(?:\s+no)?|h+m+|actually|shoot|dang|damn|"
    r"hold\s+on|my\s+bad|wrong\s+one|that'?s\s+wrong|not\s+that)[,!.;:]*\s+)+",
    re.IGNORECASE,
)
_MUSING = re.compile(
    r"^(?:h+m+|hm+|huh|u+m+|u+h+|er+m*|lol|haha+|what|wait|oops|whoops|wtf)[\s!.?]*$", re.IGNORECASE
)
_CANCEL = re.compile(
    r"^(?:never\s*mind|nevermind|cancel(?:\s+that)?|forget\s+(?:it|that)|no|nope|neither|none|none\s+of\s+them|"
    r"(?:no|nope)[,.!]?\s+(?:thanks|thank\s+you|thx)|"
    r"stop|leave\s+it|don't|do\s+nothing)[\s!.]*$",
    re.IGNORECASE,
)
# A list the user keeps tasks on: "my list", "the shopping list", "my to do list", "my tasks"
# ("drop milk off my shopping list", "take eggs off the grocery list": the thing is the task).
_A_LIST = r"(?:my|the|your)\s+(?:(?:to\s+do|[\w-]+)\s*)?(?:list|tasks|to-?dos)\b"
_DELETE_ALL = re.compile(
    r"^(?:delete|remove|clear|erase|wipe|purge|trash|drop|scrap|ditch|get\s+rid\s+of)\s+(?:out\s+)?(?:all|everything|every\s+(?:single\s+)?task|"
    r"all\s+(?:of\s+)?(?:my\s+|the\s+)?(?:tasks|todos|items)|my\s+(?:whole|entire)\s+list|the\s+(?:whole|entire)\s+list|"
    r"my\s+list|all\s+of\s+them)\b",
    re.IGNORECASE,
)
_PAST_VERB_EXCLUDE = frozenset(
    [
        "need",
        "needed",
        "want",
        "wanted",
        "decided",
        "planned",
        "started",
        "forgot",
        "tried",
        "used",
        "liked",
        "loved",
        "hoped",
        "asked",
        "added",
        "created",
        "scheduled",
        "missed",
        "wondered",
        "noticed",
        "remembered",
        "realized",
        "realised",
        "thought",
        "think",
        "guess",
        "hate",
        "hated",
        "wished",
        "meant",
        "received",
        "got",
        "heard",
        "felt",
    ]
)
_IRREGULAR_PAST = (
    "paid|bought|wrote|sent|took|made|went|gave|fed|ran|sold|found|built|met|spoke|ate|drove|swept|brought|"
    "caught|taught|left|kept|spent|threw|saw|told|wore|hung|won|chose|flew|grew|rang|sang|swam|woke|read|did|"
    "put|cut|set|shut|sorted|fixed|cleaned|washed|called|emailed|finished"
)


# A last word of "!!" or "!!!" is quick-add's priority mark ("buy milk !!"), not punctuation.
_BANG_TAIL = re.compile(r"\s(!!!?)[\s.?]*$")


def _strip_polite(text: str) -> str:
    text = _POLITE_LEAD.sub("", text, count=1)
    mark = _BANG_TAIL.search(text)
    if mark:
        text = text[: mark.start()]
    text = _POLITE_TAIL.sub("", text)
    if mark:
        text = f"{text} {mark.group(1)}"
    return text.strip()


# "..., it's due next saturday", "... — it is due friday", "..., which is due monday": the
# same as "..., due next saturday" (before: "it's" stayed in the title, and "it is" / "which
# is" read the whole message as a task's name to move).
_IT_IS_DUE = re.compile(
    r"\s*(?:,|;|\s[\u2014\u2013-])\s*(?:it'?s|it\s+is|which\s+is|that'?s|that\s+is)\s+due\s+",
    re.IGNORECASE,
)


# "..., it is important", "... - it's really urgent", ". it's very important", "..., this is top
# priority": the same as "..., important" after a new task (before: "it is" read the whole
# message as a task's name to change, and "it's really" stayed in the title; after a '.' the
# title kept it).
_IT_IS_IMPORTANT = re.compile(
    r"\s*(?:,|;|\.|\s[\u2014\u2013-])\s*(?:it'?s|it\s+is|that'?s|that\s+is|this\s+is)\s+"
    r"(?:(?:really|so|quite|pretty|also|definitely)\s+)?(?P<prio>(?:(?:very|super|extremely)\s+)?(?:important|urgent)|"
    r"(?:high|top)\s+priority)[\s.!]*$",
    re.IGNORECASE,
)


def _importance_said_after(body: str, now: datetime) -> str:
    """'tomorrow I need to buy a gift for Sam, it is important' -> '... for Sam, important',
    when the words before are a new task; else the message as it is."""
    m = _IT_IS_IMPORTANT.search(body)
    if m is None or not m.start():
        return body
    head = parse(body[: m.start()], now)
    if head.intent != "add" or not head.changes.title:
        return body
    return f"{body[: m.start()]}, {m.group('prio')}"


# "i'm done", "im done", "i am all done" alone: closing words, whatever the last reply was
# about (right after "Added 'Buy milk'." they mean nothing more to add, not that the milk is
# bought). "i'm done with it" and "i'm done with the report" are not this.
IM_DONE = re.compile(r"^(?:i'?m|i\s+am)\s+(?:all\s+|now\s+)?(?:done|finished)[\s!.]*$", re.IGNORECASE)


# A European date, day.month. with its closing dot or a year ("10.12.", "10.12.2026"): read
# as "10 December" before the closing dot is taken for the sentence's. Not after a noun that
# numbers things (text.NUMBERED: "version 3.5.", "chapter 3.2.", "room 10.12."), nor "3.5
# hours" (no closing dot), nor a day or month that cannot be.
_EURO_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(?:(\d{4})\b|(?![\w.]))", re.IGNORECASE)
_MONTH_WORDS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]


# Before a dotted number with its closing dot and no year, words that make it a time: "meet at
# 10.12." is 10:12 (quick-add.ts, DOTTED_DATE); "on 10.12.", "10.12." and "at 10.12.2026" dates.
_TIME_WORD_BEFORE = re.compile(r"(?:\bat|\baround|@|~)\s*$", re.IGNORECASE)


def _euro_date(m: re.Match[str]) -> str:
    if NUMBERED.search(m.string, 0, m.start()):
        return m.group(0)
    if not m.group(3) and _TIME_WORD_BEFORE.search(m.string, 0, m.start()):
        return f"{m.group(1)}.{m.group(2)}"  # its dot, as the web takes it with the time
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        date(int(year) if year else 2000, month, day)  # 2000: a leap year, 29.2. is a day
    except ValueError:
        return m.group(0)
    return f"{day} {_MONTH_WORDS[month - 1]}" + (f" {year}" if year else "")


def parse(message: str, now: datetime) -> Request:
    """Read one message. `now` is aware, in the user's timezone."""
    raw = normalise(_EURO_DATE.sub(_euro_date, message))
    if not raw:
        return Request("unclear")
    greeting = _GREETING.match(raw)
    body = raw[greeting.end() :] if greeting else raw
    body = _IT_IS_DUE.sub(", due ", body)
    body = _importance_said_after(body, now)
    body = respell_texted_question(body)  # "wat do i hav tmrw"
    if (_HELP.search(body) or _HELP.search(raw)) and not _plans_a_stretch(body):
        return Request("help")
    if greeting and not body.strip(" !.,?"):
        return Request("greet")
    if _THANKS.match(body):
        return Request("thanks")
    if _CANCEL.match(body):
        return Request("cancel")
    if _UNDO.match(body) or _UNDO.match(_strip_polite(_OOPS.sub("", body))):
        return Request("undo")  # "oops, undo that please" too: else it would be a task
    if _MUSING.match(body):
        return Request("unclear")  # "hmm" is no task
    if IM_DONE.match(body):
        return Request("bye")  # "i'm done": the talk is over (not a task named "i'm")
    if _ONLY_ACK.match(body):
        # "that's all", "bye": the talk is over; "ok great", "nice one": thanks for the last turn.
        return Request("bye" if re.search(_CLOSER, body, re.IGNORECASE) else "thanks")
    if _SMALL_TALK.match(body) or _TAG_QUESTION.search(body):
        return Request("chat")  # "it's raining", "the weather is nice, isn't it" are no tasks
    if _HOW_IS_YOUR_DAY.match(body):
        return Request("chat", query="how")
    thanks = _THANKS_THEN.match(body)
    if thanks:
        return parse(body[thanks.end() :], now)
    oops = _OOPS.match(body)
    if oops and re.match(_COMMAND_VERB, body[oops.end() :], re.IGNORECASE):
        # "oops delete the mate one", "wait, mark milk done": the command (not a task 'Oops ...').
        said = parse(body[oops.end() :], now)
        if said.intent in MUTATING:
            return said
    after_talk = _command_after_small_talk(body, now)
    if after_talk is not None:
        return after_talk  # "the weather is bad, move the picnic to sunday": the command
    cannot = read_cannot(body)
    if cannot is not None:
        if cannot.ask and cannot.doing.startswith("plan "):
            # "Help me plan the weekend", "can you sort out my week": that stretch's tasks, as
            # its question ("What do I have this weekend?") lists them (planner._list).
            shown = parse(cannot.ask, now)
            if shown.intent == "list" and cannot.ask == "What's due this week?":
                # "Plan my week": the calendar week, Monday to Sunday, and what is overdue.
                monday = datetime.combine(
                    now.date() - timedelta(days=now.weekday()), time(0, 0), tzinfo=now.tzinfo
                )
                week = Filters(
                    status="open", due_before=monday + timedelta(days=7), due_when="by Sunday", sort="due_at"
                )
                return replace(shown, filters=week, cannot=cannot)
            if shown.intent == "list":
                return replace(shown, cannot=cannot)
        return Request("cannot", cannot=cannot)  # "can you text me my list?" is no task
    several = _read_several_adds(body, now) or _read_several_tasks(body, now)
    if several is not None:
        return several
    text = _BANG_AFTER_TO.sub(_bang_as_word, respell_day_words(fix_command_typos(_strip_polite(body))))
    text = when_said_last(text, now)
    if not text:
        return Request("greet" if greeting else "unclear")
    if body.rstrip().endswith("?") and _read_statement(text, now) is not None:
        return Request("unclear")  # "isn't that important?", "it's due friday?" ask, not say
    said_day = _NO_SUCH_MONTH_DAY.search(text)
    day = next((g for g in said_day.groups() if g), "1") if said_day else "1"
    if said_day and not 1 <= int(day) <= 31:
        # "pay rent every month on the 45th": no month has it, so nothing is added and the
        # reply asks which day (before: a task repeating BYMONTHDAY=45).
        return _no_such_day(day, text, now)
    if _NONE_URGENT.match(text):
        return Request("lower_listed")  # "none of this is urgent": the tasks just listed
    if _THE_REST.match(text):
        return Request("list", filters=Filters(rest=True))  # "show me the rest" of the last list
    date_said = _DATE_STATEMENT.match(text)
    if date_said:
        # "today is friday", "is tomorrow saturday?": the date told (planner._small_talk), no task.
        day, weekday = date_said.group("day") or date_said.group("qday"), date_said.group("weekday")
        return Request(
            "time", ref=f"{day.lower()} {weekday.lower()}", query="?" if date_said.group("qday") else None
        )
    for reader in (
        _read_meridiem,
        _read_said_then_command,
        _read_statement,
        _read_reminders_list,
        _read_delete_done,
        _read_delete_all,
        _read_sort,
        _read_shift_reminder,
        _read_move_reminder,
        _read_correction,
        _read_two_changes,
        _read_skip,
        _read_stop,
        _read_clear_recurrence,
        _read_set_recurrence,
        _read_remove_tag,
        _read_add_tag,
        _read_remind_that,
        _read_reminder,
        _read_rename,
        _read_description,
        _read_reopen,
        _read_complete_all,
        _read_complete,
        _read_clear_due,
        _read_priority,
        _read_move_clock,
        _read_move_all,
        _read_due_or_new,
        _read_move_asked,
        _read_delete,
        _read_list,
        _read_search,
        _read_show,
    ):
        found = reader(text, now)
        if found is not None:
            return _two_commands_or(text, _command_misspelled(text, found, now), now)
    # "add is it urgent?": the "?" the polite tail took away still asks, not says.
    asked = body.rstrip().endswith("?")
    if _STOP_SAID.match(text):
        return Request("update", query=text, changes=Changes(stop="said"))  # "stop by the bank": no task
    if (asked or _ASKS.match(text)) and not _SAYS_ADD.search(text):
        return Request("unclear")  # "do i hav anything on?", "call mom tomorrow?": asked, not said
    return _two_commands_or(text, _command_misspelled(text, read_add(text, now, asked=asked), now), now)


# "Mark call mom and yoga as done, and push the dentist back an hour": two commands, each about
# its own task, where the whole would be a new task or a task name holding the second command.
# Only before a command verb, and only when both halves read as a change of a task they name,
# or the first as a new task ("add call mom tomorrow. also mark yoga as done").
_COMMAND_VERB = (
    r"(?:mark|move|push|postpone|reschedule|delay|bump|delete|remove|complete|finish|rename|set|make|change|"
    r"tag|label|check\s+off|tick\s+off|cross\s+off|untag|reopen|skip)\b"
)
# Where a second command may start: after a sentence's end (". ", "; ", "! "), a comma, or
# "and" / "then" / "also" (each with the others after it: ", and then", "and also").
_NEXT_COMMAND = re.compile(
    r"(?:\s*[,;.!]\s*(?:(?:and|then|also)\s+)*|\s+(?:and|then|also)\s+(?:(?:then|also)\s+)?)(?="
    + _COMMAND_VERB
    + ")",
    re.IGNORECASE,
)


def _two_commands_or(text: str, reading: Request, now: datetime) -> Request:
    """Two commands said in one message, when the message read as one is a new task or a
    command whose task name holds the second command ('delete milk and move the dentist to
    friday' named a task 'milk and move the dentist to friday'); else `reading`."""
    if reading.intent == "add" or (reading.ref and _NEXT_COMMAND.search(reading.ref)):
        return _read_two_commands(text, reading, now) or reading
    return reading


def _read_two_commands(text: str, reading: Request, now: datetime) -> Request | None:
    """'mark call mom and yoga as done, and push the dentist back an hour': the first command,
    then the second (`then`), each read as said alone. None unless the second starts with a
    command verb and reads as a change of a task its words name, and the first does too or
    is a new task ('add buy oat milk tomorrow at 8 and make yoga high priority': 'Buy oat
    milk' added, then 'Yoga' made high priority; never a task titled with the command).

    A second part that is only a command verb and a name, which reads as a to-do as well
    ('add wash the shirt and remove the stain', 'make dinner and delete old photos'), is that
    command when a task of that name is there; else that to-do ('Delete old photos', its
    `fallback`) is offered (planner._plan looks first). 'pick up kids
    and make dinner' is no command at all ("make dinner" alone is a new task): two to-dos,
    as _read_several_tasks reads it; 'add salt and pepper', 'call mom and dad', 'add review
    and merge PR' have no command after "and" and stay one task."""
    for join in _NEXT_COMMAND.finditer(text):
        said_second = text[join.end() :]
        first, second = parse(text[: join.start()], now), parse(said_second, now)
        if first.intent in MUTATING and first.ref and not first.pronoun and _of_it(second):
            # "mark the report as done and make it high priority": 'it' is the report.
            second = replace(second, ref=first.ref, pronoun=False)
        if all(_names_a_task(r) for r in (first, second)):
            return replace(first, then=second)
        if (
            first.intent == "add"
            and first.changes.title
            and first.then is None
            and _names_a_task(replace(second, then=None))
        ):
            # "make dinner and move the dentist to friday": a new task 'Make dinner', then the
            # move ("add call mom. mark yoga as done. delete milk": the second has its own then).
            # "make dinner and delete old photos": with no task 'Old photos', 'Delete old
            # photos' is offered as a to-do (planner._plan).
            todo = read_add(said_second, now) if _reads_as_a_todo(said_second, second) else None
            return replace(first, then=second, fallback=todo)
    if reading.intent == "add":
        for join in _NEXT_COMMAND.finditer(text):
            if not _ENDS_A_SENTENCE.search(join.group()):
                continue
            first = parse(text[: join.start()], now)
            if first.intent == "add" and first.changes.title:
                # "add call mom tomorrow. also mark yoga": 'Call mom' added, "mark yoga" told
                # as not acted on (before: a task 'Call mom. also mark yoga'); "add call mom.
                # set the table": 'Set the table' too, when no task is called 'table'.
                said = text[join.end() :].strip(" .;!")
                return replace(first, unread=said, then=_unread_as_a_todo(said, now))
    return None


def _unread_as_a_todo(said: str, now: datetime) -> Request | None:
    """Words starting with a command verb that read as no command ('set the table', 'mark
    yoga'), as a new task, its `ref` the name the words after the verb give ('table',
    'yoga'); None unless they read as one titled task."""
    todo = parse(said, now)
    verb = re.match(_COMMAND_VERB, said, re.IGNORECASE)
    name = _clean_ref(said[verb.end() :]) if verb else ""
    if todo.intent != "add" or not todo.changes.title or todo.also or todo.then or todo.unread or not name:
        return None
    return replace(todo, ref=name)


# A join that ends what was said before it, so that a command verb after it starts another
# request: ". ", "; ", "! ", "also", "then" (not a bare "and" or comma: "add milk and make dinner").
_ENDS_A_SENTENCE = re.compile(r"[.;!]|\b(?:also|then)\b", re.IGNORECASE)


def _reads_as_a_todo(said: str, command: Request) -> bool:
    """Whether the words of a command are only its verb and the task's name ('remove the
    stain', 'complete the form'), which a to-do could be called too; not 'mark yoga as done',
    'move the dentist to friday', 'make yoga high priority' (a change said)."""
    verb_and_name = said.split(None, 1)
    return (
        command.intent in ("delete", "complete")
        and command.changes == Changes()
        and len(verb_and_name) == 2
        and _clean_ref(verb_and_name[1]) == command.ref
    )


def _names_a_task(r: Request) -> bool:
    return bool(r.intent in MUTATING and r.ref and r.fallback is None and r.then is None and not r.whole_ref)


def _of_it(r: Request) -> bool:
    return r.intent in MUTATING and r.pronoun and not r.ref and r.then is None and not r.said_of_last


def _command_misspelled(text: str, reading: Request, now: datetime) -> Request:
    """'resechdule the plumbr to tuesday same time', 'mvoe the dentist to friday', 'makr call
    mom as done': read with the verb the first word misspells, when that reads as a command on a
    task named by its words; only a task with every word of the name is meant (`whole_ref`),
    else the message as it read before (`reading`, mostly a new task). 'movie night friday',
    'park the car' are words, no slips."""
    respelled = respell_command_verb(text)
    if respelled is None:
        return reading
    command = parse(respelled, now)
    if command.intent not in MUTATING or not command.ref:
        return reading
    return replace(command, whole_ref=True, fallback=reading)


# Where a message says "add" again: "add milk. also add bread", "add milk and add eggs",
# "add milk; add eggs", "add milk, then add eggs". Only the verb said again splits: "buy salt
# and pepper", "add tom and jerry dvd" are one task.
_ADD_AGAIN = re.compile(
    r"(?:\s*[.;!,]\s*(?:(?:and|also|then|plus),?\s+)*|\s+(?:(?:and|also|then|plus),?\s+)+)(?=add\s+\S)",
    re.IGNORECASE,
)


def _read_several_adds(body: str, now: datetime) -> Request | None:
    """A message that adds a task, then says "add" again for another: one add each, each
    read on its own (its own date, priority, tags). None unless every part is a titled task."""
    lead = _POLITE_LEAD.sub("", body, count=1)
    if not re.match(r"add\s", lead, re.IGNORECASE):
        return None
    parts = [p for p in _ADD_AGAIN.split(lead) if p.strip()]
    if len(parts) < 2:
        return None
    adds = [parse(part, now) for part in parts]
    if any(a.intent != "add" or not a.changes.title or a.also for a in adds):
        return None
    return replace(adds[0], also=tuple(a.changes for a in adds[1:]))


# Several tasks said in one sentence, each starting with its own verb: "add buy eggs, call the
# vet and pay the electricity bill", "I need to buy eggs, call the vet and pay the bill". Only
# where every part starts with such a verb and what it is done to: "buy salt and pepper",
# "pick up eggs, milk and bread", "research and write the report", "finish the report and
# send it" stay one task. A verb that is also a noun ("water", "file", "order", "clean", ...)
# starts a task only before "the", "a", "my", ... ("buy bread and water bottles" is one).
_TASK_VERB = (
    r"(?:buy|call|pay|email|e-mail|book|cancel|pick\s+up|send|schedule|renew|wash|feed|fix|repair|submit|prepare|"
    r"visit|take\s+out|grab|get|mow|vacuum|cook|tidy|sweep|refill|fill\s+out|review|write|read|sign|collect|"
    r"make|do|ring|text|ping|message|order|return|contact|invite|confirm|reply(?:\s+to)?|bring|ask|tell|thank|install|"
    r"download|upload|register(?:\s+for)?|apply(?:\s+for)?|back\s+up|follow\s+up(?:\s+with|\s+on)?|sort\s+out|clear\s+out|throw\s+out|put\s+away|"
    # "stop by the bank and call mom": two errands (not "stop the rent reminder"); "drop off
    # the package and buy milk" too (not "drop the dentist").
    r"stop\s+by|swing\s+by|drop\s+(?:off|by|in\s+on))\s+"
    r"(?!(?:it|them|him|her|one|and|or|then|i|you|we|they|to|for|with|at|on|in|by|from)\b)\S"
)
_VERB_OR_NOUN = (
    r"(?:water|file|post|check|mail|walk|charge|dust|iron|pack|update|print|phone|empty|mop|plan|clean)"
)
_TASK_VERB_OR_NOUN = (
    _VERB_OR_NOUN
    + r"\s+(?:the|a|an|my|our|your|his|her|their|this|that|these|those|some|all|up|out|off|\d+)\b"
)
_STARTS_TASK = r"(?:" + _TASK_VERB + "|" + _TASK_VERB_OR_NOUN + r")"
# The first of several tasks is where a verb goes ("add water plants, buy milk and call mom"):
# a word that is also a noun starts it before any object.
_STARTS_FIRST_TASK = (
    r"(?:" + _STARTS_TASK + "|" + _VERB_OR_NOUN + r"\s+(?!(?:and|or|then|&|plus|it|them)\b)[a-z0-9])"
)
_TASKS_JOINED = (
    r"(?:\s*[,;.!]\s*(?:(?:and|then|also|&|plus)\s+)*|\s+(?:and|&|then|plus|also)\s+(?:(?:then|also)\s+)?)"
)
_NEXT_TASK = re.compile(_TASKS_JOINED + "(?=" + _STARTS_TASK + ")", re.IGNORECASE)
# "..., all tomorrow", "all three due friday", "both on monday": a date for every task.
_FOR_ALL = re.compile(
    r"(?:\s*,\s*|\s+)(?:all|both|each)(?:\s+of\s+(?:them|these|those)|\s+(?:two|three|four|five|six))?"
    r"\s+(?P<when>.+)$",
    re.IGNORECASE,
)


def _read_several_tasks(body: str, now: datetime) -> Request | None:
    """'add buy eggs, call the vet and pay the bill': one add each, each read on its own (a
    date said after the last is that task's). A date said once for all of them, before them
    ('tomorrow I need to buy eggs, call the vet and pay the bill') or after ('..., all
    tomorrow'), is each one's that says no day of its own. None unless there are several
    parts and every one starts with a task verb; a reminder asked for ('remind me to ...')
    is not split."""
    text = respell_day_words(_strip_polite(body))
    if not _NEXT_TASK.search(text):
        return None
    shared = None
    if m := _FOR_ALL.search(text):
        when, leftover = _when_only(m.group("when"), now)
        if when is not None and not leftover:
            text, shared = text[: m.start()], m.group("when")
    rest, lead_date = _after_task_lead(text, now)
    if rest is None:
        return None
    if lead_date is not None:
        if shared is not None:
            return None
        shared = lead_date
    if not re.match(_STARTS_FIRST_TASK, rest, re.IGNORECASE):
        return None
    parts = [p for p in _NEXT_TASK.split(rest) if p.strip()]
    if len(parts) < 2:
        return None
    # After "add" / "I need to", every part is a task to do: "cancel netflix" too (alone it
    # deletes a task: "add buy milk and cancel netflix" was one task, 'Buy milk and cancel netflix').
    after_date = text[len(lead_date) :].lstrip(" ,:-") if lead_date is not None else text
    led = _ADD_LEAD.match(after_date) is not None

    def read(part: str) -> Request:
        return read_add(part, now) if led and re.match(r"cancel\b", part, re.IGNORECASE) else parse(part, now)

    adds = []
    for part in parts:
        said = read(part)
        due = said.changes.due
        if shared is not None and said.intent == "add" and (due is None or not due.date_given):
            said = read(f"{part} {shared}")
        if said.intent != "add" or not said.changes.title or said.also or said.changes.dues:
            return None
        adds.append(said)
    return replace(adds[0], also=tuple(a.changes for a in adds[1:]))


def _after_task_lead(text: str, now: datetime) -> tuple[str | None, str | None]:
    """What follows 'add' / 'I need to' and a date said first ('tomorrow I need to', 'add for
    friday:'), and that date; (None, None) for 'remind me to ...'."""
    if _ASKS_REMINDER.match(text):
        return None, None
    text = _ADD_LEAD.sub("", text, count=1)
    date_said = None
    words = [] if re.match(_STARTS_FIRST_TASK, text, re.IGNORECASE) else text.split()
    for n in range(min(5, len(words) - 1), 0, -1):
        head = " ".join(words[:n]).rstrip(",:")
        when, leftover = _when_only(head, now)
        after = _ADD_LEAD.sub("", " ".join(words[n:]).lstrip(",:- "), count=1)
        if when is not None and not leftover and re.match(_STARTS_FIRST_TASK, after, re.IGNORECASE):
            text, date_said = after, head
            break
    if _ASKS_REMINDER.match(text):
        return None, None
    return text, date_said


def _polite_before_a_repeat(scan: Scanner) -> bool:
    """Whether the polite words that end a new task's title come before its repeat ("Say thank
    you weekly", "pay rent please monthly"): words of the title, as on the web (quick-add.ts
    takePoliteWords). After it ("pay rent monthly please tomorrow") they go with it."""
    polite = _POLITE_LAST.search(scan.masked)
    return polite is not None and take_recurrence(Scanner(scan.text[polite.end() :])) is not None


# A lead that is only the verb ("add"), and "about" first after a date taken after it (read_add).
_BARE_ADD = re.compile(
    r"(?:add|create|new|insert|log|record|capture|enter|save|track)\s*[:\-]?\s*", re.IGNORECASE
)
_ABOUT_AFTER_A_DATE = re.compile(r"[\s,]*" + MASK + r"[\s," + MASK + r"]*(?=about\s)", re.IGNORECASE)


def read_add(text: str, now: datetime, *, asked: bool = False) -> Request:
    """A new task: its title and everything said about it."""
    text = respell_day_words(text)  # parse() has; a declined request's task has not
    # "add buy milk, not for work": the words say which tag it has not (before: 'Buy milk,
    # not', tagged Work).
    text = _NOT_FOR_A_TAG.sub("", text)
    text, remind_said, remind_when = _and_remind_me(text, now)
    lead = _ADD_LEAD.match(text)
    scan = Scanner(text, lead=lead.end() if lead else 0)
    changes = _attributes(scan, now, asked=asked)
    rest = scan.rest()
    # "add tonight about taxes at 9": 'About taxes', the words typed after the date, as on the
    # web; "add about taxes tonight", "add a task tonight about taxes": 'Taxes' ("about" the intro).
    about = False
    if (
        lead is not None
        and _BARE_ADD.fullmatch(lead.group())
        and _ABOUT_AFTER_A_DATE.match(scan.masked, lead.end())
    ):
        about = True
        rest = " ".join(scan.masked[lead.end() :].replace(MASK, " ").split())
    if re.search(r"\b(?:to|on|onto)\s+(?:my|the)\s+(?:[\w-]+\s+)?list\b", text, re.IGNORECASE):
        rest = re.sub(r"^(?:put|stick|throw|pop)\s+", "", rest, flags=re.IGNORECASE)  # "put eggs on my list"
    title = clean_title(
        rest,
        keep_long=True,
        keep_polite=changes.rrule is not None and _polite_before_a_repeat(scan),
        keep_about=about,
    )
    description = None
    if len(title) > MAX_TITLE:  # a long message: the title is its start, the description all of it
        title, description = shorten_title(title), title
    if not title and raw_question(text):
        return Request("unclear")
    if title and mashed(title) and not _ADD_LEAD.match(text) and not changes.any():
        return Request("unclear")  # "asdfghjkl" is no task; "add asdfghjkl" is one
    due = series_due(changes, now)
    minutes = changes.remind_minutes
    remind_at = _reminder_on_due_day(remind_when, due)
    asks = bool(_ASKS_REMINDER.match(text))
    if minutes is None and remind_at is None and due is not None and (asks or remind_said):
        minutes = 0  # "remind me to call mom at 5": remind at the due time
    # "remind me later to call the bank": when is later? Asked, unless it was left open on purpose.
    ask = (asks or remind_said) and due is None and minutes is None and not _ANY_TIME.search(text)
    return Request(
        "add",
        changes=replace(
            changes,
            title=title or None,
            description=description,
            due=due,
            remind_minutes=minutes,
            remind_at=remind_at,
            ask_remind=ask,
        ),
    )


# "... and remind me saturday morning", ", and remind me about it at 5", "... and remind me":
# a reminder of the task said before: at its due time when the words after "remind me" are the
# due time ("add milk and remind me saturday morning"), at the time they say when the task has
# its own ("add dentist monday at 3pm and remind me at 1pm": Monday 13:00).
_AND_REMIND_ME = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:and|then|also)\s+)*(?:please\s+)?remind\s+me(?:\s+(?:about|of)\s+(?:it|them|that))?"
    r"(?:\s+(?P<when>\S.*?))?[\s.!]*$",
    re.IGNORECASE,
)


def _and_remind_me(text: str, now: datetime) -> tuple[str, bool, When | None]:
    """'add milk, eggs and bread to my shopping list and remind me saturday morning' -> ('add
    milk, eggs and bread to my shopping list saturday morning', True, None): the reminder asked
    for after the task, taken out, its time kept as the task's. When the task says its own due
    time and the reminder's words do not complete it (both say a day, or both a time: 'add
    dentist friday at 3pm and remind me saturday morning', '... monday at 3pm and remind me at
    1pm'), they are the reminder's: ('add dentist friday at 3pm', True, <Saturday 9:00>).
    (text, False, None) when there is none, or the words after "remind me" are no time ("and
    remind me to call bob" is a title's)."""
    m = _AND_REMIND_ME.search(text)
    head = text[: m.start()] if m is not None else ""
    if m is None or not head.strip(" ,"):
        return text, False, None
    said = m.group("when")
    if said is not None:
        when, leftover = _when_only(said, now)
        if when is None or leftover:
            return text, False, None
        if _reminder_apart(head, when, now):
            return head.strip(), True, when
    return f"{head} {said or ''}".strip(), True, None


def _reminder_apart(task: str, reminder: When | None, now: datetime) -> bool:
    """Whether the words of a task say its own due time and the reminder's time is no part of
    it: both say a day, or both a time of day ('dentist friday at 3pm' and 'saturday morning',
    'dentist monday at 3pm' and 'at 1pm'; not 'dentist monday' and 'at 1pm')."""
    changes = _attributes(Scanner(task), now)
    due = series_due(changes, now)
    if reminder is not None and changes.dues:
        # "gym tuesday and thursday at 7am and remind me at 6am": a time alone, on each day.
        return not reminder.date_given and any(d.time_given or d.time_implied for d in changes.dues)
    if reminder is None or due is None:
        return False
    return (due.date_given and reminder.date_given) or (
        (due.time_given or due.time_implied) and (reminder.time_given or reminder.time_implied)
    )


def _reminder_on_due_day(reminder: When | None, due: When | None) -> When | None:
    """The reminder said after a task with its own due time: a time alone ('remind me at 1pm')
    is on the task's due day, not today."""
    if reminder is None or due is None or reminder.date_given:
        return reminder
    at = datetime.combine(due.at.date(), reminder.at.timetz())
    return When(at, date_given=True, time_given=True)


# A time left open on purpose: "remind me to clean the garage sometime" asks no "when?".
_ANY_TIME = re.compile(
    r"\b(?:sometime|someday|some\s+day|at\s+some\s+point|eventually|whenever|no\s+rush|no\s+hurry)\b", re.I
)


# The answer to "No month has a 45th day ... Which day of the month should it repeat on?":
# "the 15th", "15", "on the 1st", "the last day", "last".
_MONTH_DAY_ANSWER = re.compile(
    r"^(?:ok(?:ay)?[,!.]?\s+|sorry[,!.]?\s+|oops[,!.]?\s+|i\s+meant\s+|make\s+it\s+)*(?:on\s+)?(?:the\s+)?"
    r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?|(?P<last>last)(?:\s+day)?|(?P<first>first)(?:\s+day)?)"
    r"(?:\s+of\s+(?:the|every|each)\s+month)?(?:\s+please)?[.!]?$",
    re.IGNORECASE,
)


def read_month_day_answer(message: str, asked_about: str, now: datetime) -> Request | None:
    """'the last day' said to "no month has a 45th day, which day?" after `asked_about` ('pay
    rent every month on the 45th'): that message with the day said instead, when it then
    reads as a task or change with a monthly rule; None otherwise."""
    m = _MONTH_DAY_ANSWER.match(normalise(message).strip())
    said = _NO_SUCH_MONTH_DAY.search(asked_about)
    if m is None or said is None:
        return None
    if m.group("day") and not 1 <= int(m.group("day")) <= 31:
        return _no_such_day(m.group("day"), asked_about, now)
    if m.group("last"):
        day = "last day"
    elif m.group("first"):
        day = "1st"
    else:
        n = int(m.group("day"))
        day = f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    request = parse(_with_month_day(asked_about, said, day), now)
    if request.intent not in ("add", "update") or not request.changes.rrule:
        return None
    return request


def _with_month_day(text: str, said: re.Match[str], day: str) -> str:
    """`text` with `day` ('15th', 'last day') in place of the day _NO_SUCH_MONTH_DAY found."""
    wrong = next(g for g in said.groups() if g)
    start = said.start(said.groups().index(wrong) + 1)
    end = said.end(said.groups().index(wrong) + 1)
    tail = re.match(r"(?:st|nd|rd|th)?(?:\s+day)?", text[end:])
    end += tail.end() if tail else 0
    if text[:start].rstrip().lower().endswith("every"):
        day = "last day of the month" if day == "last day" else day  # "every 45th" -> "every 15th"
    return text[:start] + day + text[end:]


def _no_such_day(day: str, text: str, now: datetime) -> Request:
    """No month has `day`, said in `text`: nothing is done, and the reply asks which day. The
    task `text` is about, when it changes one ("make it repeat every month on the 32nd": the
    reply says nothing was changed, not that nothing was added)."""
    said = _NO_SUCH_MONTH_DAY.search(text)
    reading = parse(_with_month_day(text, said, "1st"), now) if said else None
    if reading is None or reading.intent not in MUTATING:
        return Request("no_such_day", query=day)
    return Request("no_such_day", query=day, ref=reading.ref, pronoun=reading.pronoun or reading.ref is None)


def read_when_answer(message: str, now: datetime) -> When | None:
    """The time a message says and nothing else ('at 5pm', 'in 2 hours', 'tomorrow morning',
    'remind me at 5', a bare '5'), as the answer to "when should I remind you?"; None for
    any other message."""
    text = _strip_polite(normalise(_EURO_DATE.sub(_euro_date, message)))
    text = re.sub(r"^(?:ok(?:ay)?|sure|yes|yeah)[,!.]?\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(?:(?:please\s+)?(?:remind|ping|alert|notify)\s+me(?:\s+about\s+it)?|make\s+it)\s+",
        "",
        text,
        flags=re.I,
    )
    if _BARE_HOUR.match(text):
        text = "at " + re.sub(r"^at\s+", "", text, flags=re.IGNORECASE)
    when, leftover = _when_only(text, now)
    return when if when is not None and not leftover else None


# The answer to "Which tag should I add to 'Weekly report'?": "work", "#errands", "the home
# tag", "work and finance", "tag it home". Not a word that declines ("no", "never mind").
_TAG_ANSWER = re.compile(
    r"^(?:(?:tag|label)\s+it\s+(?:as\s+|with\s+)?|use\s+|make\s+it\s+)?(?:the\s+|a\s+)?"
    r"(?P<tags>#?[\w-]+(?:\s*(?:,|\band\b|&)\s*#?[\w-]+){0,4})(?:\s+(?:tags?|labels?))?$",
    re.IGNORECASE,
)
_NO_TAG = re.compile(
    r"^(?:no|nope|nah|none|nothing|neither|cancel|skip|stop|undo|nevermind|forget|help|thanks|ok|okay|"
    r"yes|yeah|sure|bye|hi|hello|it|that|this|them|both|all|tag|tags|any|whatever)$",
    re.IGNORECASE,
)


def read_tag_answer(message: str) -> tuple[str, ...] | None:
    """The tags a message says and nothing else, as the answer to "which tag should I add?";
    None for any other message (a command, "never mind", "no")."""
    text = _strip_polite(normalise(message)).strip()
    m = _TAG_ANSWER.match(text)
    if m is None:
        return None
    said = [w.strip().lstrip("#") for w in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("tags"))]
    if not all(said) or any(_NO_TAG.match(w) for w in said):
        return None
    return tuple(tag_name(w) for w in said)


_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|ok|okay|please|please\s+do|do\s+it|go\s+ahead|add\s+it|yes\s+please|sure\s+thing|"
    r"that'?d\s+be\s+great|sounds\s+good)(?:[\s,!.]+(?:please|thanks|thank\s+you|add\s+it|do\s+it|go\s+ahead))*[\s!.]*$",
    re.IGNORECASE,
)


def edit_said_alone(request: Request, message: str) -> Changes | None:
    """The changes of a message that reads as a new task with no title and says no add verb
    ("and high priority", "tonight", "#work", "also every monday"): a follow-up about the last
    task, so an edit of it. None when it is no such message ("add tomorrow" still asks what the
    task is called; days for several tasks are a new task's)."""
    c = request.changes
    if request.intent != "add" or c.title or c.dues or not c.any():
        return None
    if says_add(message):
        return None
    return replace(c, description=None, ask_remind=False)


def says_add(message: str) -> bool:
    """Whether the message starts with a verb that only means "add" ("add", "create", "remind
    me to", ...)."""
    return bool(_ADD_LEAD.match(_strip_polite(normalise(message))))


def says_yes(message: str) -> bool:
    return bool(_YES.match(normalise(message)))


_ASKS_REMINDER = re.compile(
    r"^(?:please\s+)?(?:remind\s+me|" + _REMIND_ME_TO + "|" + _A_REMINDER + r")\b", re.IGNORECASE
)
# The words that, followed by "to ..." or "that ...", ask for a task with a reminder.
_REMINDER_ASK = r"(?:(?:please\s+)?remind\s+me|(?:ping|alert|notify)\s+me|" + _A_REMINDER + r")"
_ASK_THEN_WHEN = re.compile(r"^" + _REMINDER_ASK + r"\s+", re.IGNORECASE)
_ASK_TO = re.compile(r"(?:^|(?<=[\s,;:-]))" + _REMINDER_ASK + r"\s+(?:to|that)\s+\S", re.IGNORECASE)


_WAIT_TILL = re.compile(
    r"^(?P<lead>add\s+)?(?:wait|hold\s+off)\s+(?:until|till|til)\s+(?P<when>.+?)\s+to\s+(?P<task>\S.*)$", re.I
)


def when_said_last(text: str, now: datetime) -> str:
    """A reminder asked for with its time said before the task, 'remind me at 5 to call mom',
    'set a reminder for tomorrow at 9 to pay rent', 'at 5, remind me to call mom', as 'remind
    me to call mom at 5' says it, so both are read alike (a new task, reminded at its due
    time). Only a time or a date moves: 'remind me at 5 about the dentist' (a task there is)
    and any other text come back as they are."""
    wait = _WAIT_TILL.match(text)
    if wait and _only_when(wait.group("when"), now):
        # "wait till monday to call bank": 'Call bank' due Monday (the web quick-add's reading).
        return f"{wait.group('lead') or ''}{wait.group('task')} {wait.group('when')}"
    lead = _ASK_THEN_WHEN.match(text)
    if lead:
        rest = text[lead.end() :]
        to = re.search(r"[\s,]+(?P<to>to|that)\s+(?=\S)", rest, re.IGNORECASE)
        if to and to.start() > 0 and _only_when(rest[: to.start()], now):
            said, task = rest[: to.start()].strip(" ,"), rest[to.end() :]
            if _reminder_apart(task, _when_only(said, now)[0], now):
                # "remind me at 1pm to call the dentist monday at 3pm": the task has its own time.
                return f"{lead.group(0)}{to.group('to')} {task}, remind me {said}"
            return f"{lead.group(0)}{to.group('to')} {task} {said}"
        return text
    ask = _ASK_TO.search(text)
    if ask and ask.start() > 0:
        head = text[: ask.start()].rstrip(" ,;:-")
        if _only_when(head, now):
            if _reminder_apart(text[ask.end() - 1 :], _when_only(head, now)[0], now):
                return f"{text[ask.start() :]}, remind me {head}"
            return f"{text[ask.start() :]} {head}"
    return text


def _only_when(words: str, now: datetime) -> bool:
    """Whether the words say when and nothing else, as _attributes reads it: a date or a
    time ('at 5', 'tomorrow at 9', 'in 2 hours'), several days ('monday and tuesday'), a
    repeat ('every monday'), or 'later'."""
    if re.fullmatch(r"\s*(?:later|soon|sometime|someday|eventually|at\s+some\s+point)\s*", words, re.I):
        return True  # "remind me later to call mom", as "remind me to call mom later"
    scan = Scanner(words)
    repeats = take_recurrence(scan) is not None
    days = [] if repeats else take_days(scan, now)
    when = take_when(scan, now)
    leftover = re.sub(r"\b(?:on|at|in|for|by|the|please)\b", "", scan.rest(), flags=re.IGNORECASE)
    return (repeats or bool(days) or when is not None) and not leftover.strip(" ,.!?")


# A leading "do" asks when someone follows it ("do I have anything tomorrow", "do you remember
# ...", "do we have milk") or a verb a few words on ("do the kids have school tomorrow", "do
# any of my tasks have a due date"). Else it is a chore: "do the dishes", "do taxes by friday".
_DO_ASKS = (
    r"do\s+(?:(?:i|you|u|we|they|he|she|y'?all|anyone|anybody)\b"
    r"|(?:(?!(?:and|or|then|so|to|before|after|by|on|at|in)\b)[\w'-]+\s+){1,4}"
    r"(?:have|need|want|know|remember|look|seem|go|come|belong|contain|include|mention|say|mean|"
    r"matter|count|work|exist|repeat|recur|show|appear|cost|happen|fit|expire)\b)"
)


# A question by its first words ("is the gym on", "can you ...", "will it rain", "how do i"),
# and the words that make a question a request for a new task all the same ("do I need to call
# mom", "can you add milk", "could you remind me").
_ASKS = re.compile(
    r"^(?:(?:what|when|where|why|how|who|which)(?:'s|\s+(?:is|are|was|were|do|does|did|can|could|should|will|would|have|has|am))\b|"
    + _DO_ASKS
    + r"|(?:is|are|was|were|does|did|can|could|should|would|will|shall|am)\s+"
    r"(?:i|you|u|we|they|he|she|it|there|this|that|my|the|anything|any)\b"
    r"|(?:have|has)\s+(?:i|you|u|we|they|he|she|it)\b)",
    re.IGNORECASE,
)
_SAYS_ADD = re.compile(
    r"\b(?:add|remind\w*|need\s+to|have\s+to|got\s+to|gotta|must|create|new\s+task|(?:ping|alert|notify)\s+me|"
    r"schedule|set\s+up|note|put\s+down|write\s+down|save)\b",
    re.IGNORECASE,
)


def raw_question(text: str) -> bool:
    return text.rstrip().endswith("?") or bool(
        re.match(
            r"^(?:what|when|where|why|how|who|which|is|are|"
            + _DO_ASKS
            + r"|does|did|can|could|should|would|will)\b",
            text,
            re.I,
        )
    )


# A correction of what was just done: "no, I meant Friday", "sorry, 4pm", "actually make it
# 10", "make it 2 hours before instead". It changes the task last worked on; it is never a task.
_SAYS_WRONG = r"(?:(?:no|nope|sorry|oops|whoops|wait|oh|actually|my\s+bad|correction|hmm+|ah|ugh)[,!.;:]*\s+)"
_CORRECTION = re.compile(
    r"^(?P<wrong>" + _SAYS_WRONG + r"+)?"
    r"(?:(?P<meant>i\s+meant|i\s+mean|i\s+said|i\s+wanted|meant|it\s+should\s+be|should\s+be|make\s+that|change\s+that\s+to)\s+"
    r"|(?P<make>(?:make|change|set|switch)\s+(?:it|that|this)\s+(?:to\s+)?))?"
    r"(?P<value>.+?)(?P<instead>,?\s+instead|,?\s+not\s+[^,]+)?$",
    re.IGNORECASE,
)
_BARE_HOUR = re.compile(r"^(?:at\s+)?(?:[1-9]|1[0-2])(?:[:.][0-5]\d)?$")


# "It's 7:45 in the morning not evening", "I meant am", "in the morning, not evening", "that
# should be morning": the due time of the task in focus is the other half of the day. A word
# alone ("morning", "pm") is no correction: a lead, a time or a "not ..." must come with it.
_HALF = (
    r"(?:a\.?m\.?|p\.?m\.?|in\s+the\s+(?:morning|evening|afternoon)|(?:the\s+)?(?:morning|evening|afternoon)|"
    r"at\s+night|tonight)"
)
_MERIDIEM_FIX = re.compile(
    r"^(?P<wrong>" + _SAYS_WRONG + r"+)?"
    r"(?P<lead>(?:i\s+meant|i\s+mean|i\s+said|it'?s|it\s+is|that'?s|that\s+is|(?:it|that|this)\s+(?:should|needs\s+to)\s+be|"
    r"should\s+be|make\s+(?:it|that)|(?:it|that)\s+was|(?:it|that)\s+is)\s+)?"
    r"(?:at\s+)?(?P<time>\d{1,2}(?:[:.][0-5]\d)?\s*)?(?P<half>" + _HALF + r")"
    r"(?P<not>\s*,?\s*(?:and\s+|but\s+)?not\s+(?:in\s+the\s+|at\s+|the\s+)?"
    + _HALF.replace("(?:the\\s+)?", "")
    + r")?"
    r"[\s.!]*$",
    re.IGNORECASE,
)


def _read_meridiem(text: str, now: datetime) -> Request | None:
    m = _MERIDIEM_FIX.match(text)
    if m is None or not (m.group("wrong") or m.group("lead") or m.group("time") or m.group("not")):
        return None
    lead = (m.group("lead") or "").strip().lower()
    if m.group("time") and not m.group("not") and not re.match(r"(?:it|that)(?:'s|\s+is)$", lead):
        return None  # "sorry, I meant 4pm", "make it 7:45 am": a correction of the time (_read_correction)
    half = m.group("half").lower()
    meridiem = "am" if re.match(r"a|in\s+the\s+morning|(?:the\s+)?morning", half) else "pm"
    at = None
    if m.group("time"):
        hour, _, minute = m.group("time").strip().replace(".", ":").partition(":")
        if not 1 <= int(hour) <= 12:
            return None
        at = time(int(hour) % 12, int(minute or 0))
    return Request("update", pronoun=True, changes=Changes(meridiem=meridiem, meridiem_at=at))


# "No, I meant the other one", "wrong one": the last change went to the wrong task.
_OTHER_ONE = re.compile(
    r"^" + _SAYS_WRONG + r"*(?:(?:i\s+meant|i\s+mean|i\s+wanted)\s+|not\s+that\s+one[,;]?\s+)?"
    r"(?:(?:the\s+)?other\s+(?:one|task)(?:\s+instead)?|(?:(?:that'?s|that\s+was|you\s+(?:changed|picked|got))\s+)?"
    r"(?:the\s+)?wrong\s+(?:one|task))$",
    re.IGNORECASE,
)


def _read_correction(text: str, now: datetime) -> Request | None:
    if _OTHER_ONE.match(text):
        return Request("retarget")
    m = _CORRECTION.match(text)
    if not m or not (m.group("wrong") or m.group("meant") or m.group("make") or m.group("instead")):
        return None
    changes = _corrected_value(m.group("value"), now)
    if changes is None and m.group("meant") and m.group("meant").lower().startswith("i "):
        ref, _ = _target(m.group("value"))
        return Request("retarget", ref=ref) if ref else None  # "no, I meant the dentist appointment"
    if changes is None:
        # "Make that oat milk", "change that to oat milk": the title was wrong.
        said = " ".join((m.group("meant") or m.group("make") or "").lower().split())
        strong = said in ("make that", "change that to") or re.match(
            r"(?:change|switch) (?:it|that) to$", said
        )
        plain = _plain_words(m.group("value"), now) if strong else None
        return _req("update", None, Changes(retitle=plain)) if plain else None
    said_wrong = bool(m.group("wrong") or m.group("meant") or m.group("instead"))
    if changes.due is not None and said_wrong:
        changes = replace(changes, keep_time=True)
    return _req("update", None, changes)


# A correction of what was just added, said loosely: "no, oat milk", "I meant oat milk", "oat
# milk instead". Read so only right after an add (planner.understand); otherwise these are a
# "no, I meant the other task" or a new task, as before.
_LOOSE_CORRECTION = re.compile(
    r"^(?:(?:(?:no|nope|sorry|oops|whoops|my\s+bad|wait|correction)[,!.;:]*\s+)+(?:i\s+meant\s+|i\s+mean\s+|it\s+should\s+be\s+|make\s+that\s+)?"
    r"|(?:(?:actually|sorry|oh)[,!.;:]*\s+)?(?:i\s+meant|i\s+mean|it\s+should\s+be)\s+|(?=.+?,?\s+instead$))"
    r"(?P<value>.+?)(?:,?\s+instead)?$",
    re.IGNORECASE,
)


def read_title_correction(message: str, now: datetime) -> str | None:
    """The words of a loose correction of a title ('no, oat milk' -> 'oat milk'), when they
    are plain words (no date, priority or command: 'no, thanks', 'no, tomorrow' are not)."""
    text = _strip_polite(normalise(message))
    if _OTHER_ONE.match(text):
        return None
    m = _LOOSE_CORRECTION.match(text)
    return _plain_words(m.group("value"), now) if m else None


def _plain_words(value: str, now: datetime) -> str | None:
    """`value` when it reads as nothing but words of a title."""
    value = value.strip(" ,.!?\"'")
    if not value or _PRONOUN.match(value) or _corrected_value(value, now) is not None:
        return None
    request = parse(value, now)
    if request.intent != "add" or request.changes != Changes(title=request.changes.title):
        return None
    return value


def _corrected_value(value: str, now: datetime) -> Changes | None:
    """What a correction sets: a reminder offset, a time (a bare "10" too), a date, a
    priority or a repeat. None when the value is none of these."""
    value = value.strip(" ,.!?")
    scan = Scanner("remind me " + value)
    minutes = take_reminder(scan)
    if minutes is not None and scan.rest().lower() in ("remind me", ""):
        return Changes(remind_minutes=minutes)
    if _BARE_HOUR.match(value):
        value = "at " + re.sub(r"^at\s+", "", value, flags=re.IGNORECASE)
    when, leftover = _when_only(value, now)
    if when is not None and not leftover:
        return Changes(due=when)
    priority = priority_word(re.sub(r"[- ](?:priority|prio)$", "", value, flags=re.IGNORECASE))
    if priority:
        return Changes(priority=priority)
    scan = Scanner(value)
    recurrence = take_recurrence(scan)
    if recurrence is not None:
        when = take_when(scan, now, recurrence.at)
        if not re.sub(r"\b(?:at|on|to|the)\b", "", scan.rest(), flags=re.IGNORECASE).strip(" ,.!?"):
            return Changes(
                rrule=recurrence.rrule, rrule_at=recurrence.at, repeat_from=_repeat_from(recurrence), due=when
            )
    return None


# "Clear completed tasks", "delete all my done tasks", "remove finished ones", "clean up the
# tasks I've completed": the completed tasks, deleted (at most planner.MAX_DELETED, undoable).
_DONE_WORD = r"(?:completed|complete|done|finished|checked[- ]off|ticked[- ]off|crossed[- ]off)"
_DELETE_DONE = re.compile(
    # Not "hide" or "archive": those ask to keep the tasks out of sight, not to lose them.
    r"^(?:delete|remove|clear|erase|wipe|purge|trash|bin|clean\s+up|clean\s+out|clear\s+out|clear\s+away|get\s+rid\s+of)"
    r"\s+(?:out\s+)?(?:all\s+(?:of\s+)?|every\s+)?(?:my\s+|the\s+|those\s+|these\s+)?(?:"
    + _DONE_WORD
    + r"(?:\s+(?:tasks?|todos?|to-dos?|items?|ones|stuff|things))?|(?:tasks?|todos?|to-dos?|items?|ones|stuff|things|everything)\s+"
    r"(?:(?:that\s+)?(?:i'?ve|i\s+have|we'?ve|i|that\s+are|that'?s|which\s+are|already|marked(?:\s+as)?)\s+)*"
    + _DONE_WORD
    + r")(?:\s+(?:from|off)\s+(?:my|the)\s+(?:list|tasks))?$",
    re.IGNORECASE,
)


def _read_delete_done(text: str, now: datetime) -> Request | None:
    if _DELETE_DONE.match(text):
        return Request("delete_done", filters=Filters(status="completed"))
    if _HIDE_DONE.match(text):
        return Request("hide_done")
    return None


# "Hide completed tasks", "archive my finished ones": out of sight is where they already are.
_HIDE_DONE = re.compile(
    r"^(?:hide|archive|put\s+away)\s+(?:all\s+(?:of\s+)?)?(?:my\s+|the\s+|those\s+|these\s+)?"
    + _DONE_WORD
    + r"(?:\s+(?:tasks?|todos?|to-dos?|items?|ones|stuff|things))?$",
    re.IGNORECASE,
)


# "What reminders do I have?", "show my reminders", "any reminders set?": the reminders to come.
_REMINDERS_LIST = re.compile(
    r"^(?:(?:what|which)(?:'s|\s+are|\s+is)?\s+(?:all\s+)?(?:my\s+|the\s+)?(?:upcoming\s+|next\s+)?reminders?"
    r"(?:\s+(?:do\s+i\s+have|have\s+i\s+got|are\s+(?:there|set|on|coming\s+up)|is\s+(?:there|set|next)|i\s+have|coming\s+up))?"
    r"|(?:show|list|see|view|check|give|tell)\s+(?:me\s+)?(?:all\s+)?(?:of\s+)?(?:my\s+|the\s+)?(?:upcoming\s+|next\s+)?reminders"
    r"|(?:do\s+i\s+have\s+|are\s+there\s+)?any\s+(?:upcoming\s+)?reminders(?:\s+(?:set|coming\s+up|on))?"
    r"|(?:my\s+|upcoming\s+)reminders)[?.!\s]*$",
    re.IGNORECASE,
)


def _read_reminders_list(text: str, now: datetime) -> Request | None:
    return Request("reminders") if _REMINDERS_LIST.match(text) else None


def _read_delete_all(text: str, now: datetime) -> Request | None:
    # "Drop everything" too (before: a task 'everything' looked for); "drop all the kids off at
    # school" is an errand.
    return Request("delete_all") if _DELETE_ALL.match(text) and not _DROP_ERRAND.match(text) else None


def _read_clear_recurrence(text: str, now: datetime) -> Request | None:
    patterns = (
        r"^(?:stop|quit|end|cancel|disable|turn\s+off|remove|delete|clear|drop|kill)\s+(?:the\s+)?(?:repeating|recurring|"
        r"recurrence|repetition|repeats?|series|schedule)(?:\s+(?:of|on|for|from|in))?\s+(?P<ref>.+)$",
        r"^(?:stop|end)\s+(?P<ref>.+?)\s+(?:from\s+)?(?:repeating|recurring)(?:\s+any\s*more)?$",
        r"^(?:make|set|turn|change)\s+(?P<ref>.+?)\s+(?:into\s+)?(?:a\s+)?(?:one[- ]?(?:off|time)(?:\s+task)?|non[- ]?recurring|"
        r"not\s+(?:repeat|recurr?)\w*|stop\s+repeating|single)$",
        r"^(?:don't|do\s+not|no\s+longer)\s+(?:repeat|recur)\s+(?P<ref>.+?)(?:\s+any\s*more)?$",
        r"^(?P<ref>.+?)\s+(?:should\s+no\s+longer|should\s+not|shouldn't|doesn't|does\s+not|no\s+longer|won't|will\s+not|"
        r"must\s+not|need\s+not|needn't)\s+"
        r"(?:need\s+to\s+|have\s+to\s+)?(?:repeat|recur)\w*(?:\s+any\s*more)?$",
        r"^(?:stop|end)\s+(?:the\s+)?(?:repeat|recurr?)\w*(?:\s+for\s+(?P<ref>.+))?$",
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            return _req("update", m.groupdict().get("ref"), Changes(clear_rrule=True))
    return None


_STOP_VERB = r"(?:stop|cancel|kill|disable|turn\s+off|switch\s+off|silence|mute)"
_STOP_NOTICE = r"(?:reminders?|alerts?|notifications?)"
_STOP_REMINDER = (
    rf"^{_STOP_VERB}\s+(?:the\s+|my\s+|that\s+|this\s+)?(?P<ref>.+?)(?:'s)?\s+{_STOP_NOTICE}$",
    rf"^{_STOP_VERB}\s+(?:the\s+|my\s+|all\s+)?{_STOP_NOTICE}\s+(?:for|on|about|of|from|to)\s+(?P<ref>.+)$",
    r"^(?:stop|quit)\s+reminding\s+me\s+(?:about|of|to)\s+(?P<ref>.+?)(?:\s+any\s*more)?$",
    rf"^no\s+more\s+{_STOP_NOTICE}\s+(?:for|about|of|on|to)\s+(?P<ref>.+)$",
    rf"^no\s+more\s+(?P<ref>.+?)\s+{_STOP_NOTICE}$",
)
_STOP_SERIES = (
    r"^(?:stop|cancel|end|kill|quit|drop)\s+(?:the\s+|my\s+)?(?P<ref>.+?)(?:'s)?\s+"
    r"(?:series|repeats?|repetitions?|recurrences?)$",
    r"^(?:stop|cancel|end|kill|quit)\s+(?:the\s+|my\s+)?"
    r"(?P<ref>(?:daily|weekly|monthly|yearly|annual|fortnightly|biweekly|nightly)\s+.+)$",
)
# A stop of reminders or repeats that names no task the readers above found ("stop
# reminding me so often", "turn off all notifications"): never a task unless "add" / "remind
# me to" was said. A stop of anything else is an errand like any other ("stop by the bank
# tomorrow", "turn off the heating before we leave"): added.
_STOP_SAID = re.compile(
    r"^(?:stop|turn\s+off|switch\s+off|disable|deactivate)\b.*\b"
    r"(?:remind\w*|alerts?|notifications?|series|repeat\w*|recurr\w*|repetitions?)\b",
    re.IGNORECASE,
)


def _read_stop(text: str, now: datetime) -> Request | None:
    """'Stop the rent reminder', 'stop reminding me about rent', 'no more reminders for rent':
    the task's reminder goes (or, without one, its series: people call a repeating task a
    reminder). 'Stop the rent series', 'cancel the monthly rent': its series ends, it stays."""
    for patterns, changes in (
        (_STOP_REMINDER, Changes(clear_reminder=True, stop="reminder")),
        (_STOP_SERIES, Changes(clear_rrule=True, stop="series")),
    ):
        for pattern in patterns:
            m = re.match(pattern, text, re.IGNORECASE)
            if m and not re.fullmatch(
                rf"(?:(?:the|my|all|that|this|its?)\b\s*)*{_STOP_NOTICE}?", m["ref"], re.I
            ):
                return _req("update", m["ref"], changes)
    return None


def _read_set_recurrence(text: str, now: datetime) -> Request | None:
    # "Add X every day" is a new task; "make it repeat" / "set X to repeat" is not.
    if _ADD_LEAD.match(text) and not re.match(r"^(?:make|set|have)\b", text, re.I):
        return None
    says_repeat = re.search(r"\b(?:repeat|recurr?)\w*", text, re.IGNORECASE)
    names_task = re.match(r"^(?:make|set|have|turn|switch|change)\s+(?:the|my|our)\s+", text, re.I)
    pronoun_lead = re.match(
        r"^(?:make|set|change|have|turn|switch)\s+(?:it|this|that)(?:\s+one)?\b", text, re.I
    )
    if not says_repeat and not pronoun_lead and not names_task:
        return None
    scan = Scanner(text)
    recurrence = take_recurrence(scan)
    if recurrence is None:
        return None
    bound = take_until(scan, now)
    when = take_when(scan, now, recurrence.at)
    scan.take(REPEAT_WORDS)
    rest = scan.rest()
    rest = re.sub(
        r"^(?:make|set|change|have|turn|switch|let|update|repeat|recur)\s+", "", rest, flags=re.IGNORECASE
    )
    rest = re.sub(
        r"\s+(?:to|so\s+(?:that\s+)?it|should|will|so\s+it\s+will|into\s+a|a|as)$", "", rest, flags=re.I
    )
    rest = re.sub(r"\s+(?:task|series)$", "", rest, flags=re.I).strip()
    changes = Changes(
        rrule=recurrence.rrule, rrule_at=recurrence.at, repeat_from=_repeat_from(recurrence), due=when
    )
    changes = _with_bound(changes, bound, now)
    request = _req("update", rest or None, changes)
    if names_task and not says_repeat:
        return replace(request, fallback=read_add(text, now))
    return request


def _read_remove_tag(text: str, now: datetime) -> Request | None:
    verbs = r"(?:remove|delete|drop|take|clear|strip|get\s+rid\s+of)"
    patterns = (
        verbs + r"\s+(?:the\s+)?(?:tags?|labels?)\s+#?(?P<tag>[\w-]+)\s+(?:from|off|on)\s+(?P<ref>.+)$",
        verbs + r"\s+(?:the\s+)?#?(?P<tag>[\w-]+)\s+(?:tag|label)\s+(?:from|off|on)\s+(?P<ref>.+)$",
        verbs + r"\s+(?:the\s+)?#?(?P<tag>[\w-]+)\s+(?:tag|label)(?P<ref>)$",
        verbs + r"\s+#(?P<tag>[\w-]+)\s+(?:from|off)\s+(?P<ref>.+)$",
        r"untag\s+(?P<ref>.+?)\s+(?:as|from)\s+#?(?P<tag>[\w-]+)$",
        r"untag\s+#?(?P<tag>[\w-]+)\s+(?:from)\s+(?P<ref>.+)$",
        r"(?P<ref>.+?)\s+(?:is\s+no\s+longer|isn't|is\s+not|shouldn't\s+be|should\s+not\s+be)\s+(?:tagged\s+(?:as\s+)?)?#?"
        r"(?P<tag>work|personal|shopping|health|finance|learning)(?:\s+any\s*more)?$",
    )
    for pattern in patterns:
        m = re.match("^" + pattern, text, re.IGNORECASE)
        if m:
            return _req("update", m.group("ref") or None, Changes(remove_tags=(tag_name(m.group("tag")),)))
    m = _NOT_FOR_TAG.match(text)
    if m and not _ADD_LEAD.match(text) and not re.search(r"[,;:\-\u2013(]", m.group("ref")):
        # "it's not for work", "that isn't a work task", "the report is not for my job": the
        # tag that word names comes off (before: a new task 'It's not', tagged Work).
        def named(word: str) -> str:
            return tag_name(word) if word.startswith("#") else TAG_SYNONYMS[word.lower()]

        new = (named(m.group("new")),) if m.group("new") else ()
        return _req("update", m.group("ref"), Changes(remove_tags=(named(m.group("tag")),), add_tags=new))
    return None


# A day of the month said with a monthly repeat: "every month on the 45th", "monthly on the
# 0th", "on the 45th of every month", "every 45th (of the month)", "every 2 months on the 40th".
_NO_SUCH_MONTH_DAY = re.compile(
    r"\b(?:(?:every|each)\s+(?:(?:other|\d+|two|three|six)\s+)?months?|monthly)\s+on\s+the\s+(?P<day>\d{1,3})(?:st|nd|rd|th)?\b|"
    r"\bthe\s+(?P<day2>\d{1,3})(?:st|nd|rd|th)?\s+(?:day\s+)?of\s+(?:every|each|the)\s+month\b|"
    r"\bevery\s+(?P<day3>\d{1,3})(?:st|nd|rd|th)\b(?!\s+(?:day|week|month|year|hour))",
    re.IGNORECASE,
)
# "None of this is urgent", "none of these are important", "nothing here is urgent": said of
# the tasks just listed (planner._lower_listed), not a task called 'None of this'.
_NONE_URGENT = re.compile(
    r"^(?:but\s+|well,?\s+|actually,?\s+)?(?:none\s+of\s+(?:this|these|them|those|it|that|my\s+tasks)(?:\s+(?:tasks|stuff|things|ones))?|"
    r"nothing\s+(?:here|there|on\s+(?:the|my|this)\s+list)|they(?:'re|\s+are)\s+not|these\s+are\s+not|these\s+aren't)"
    r"\s*(?:is|are|'s|'re)?\s*(?:really\s+|actually\s+|that\s+|so\s+)?(?:urgent|important|high\s+priority|a\s+priority|pressing)"
    r"(?:\s+(?:at\s+all|any\s*more|really))?[.!]*$",
    re.IGNORECASE,
)
_TAG_WORDS = (
    r"work|job|office|personal|home|private|family|shopping|grocery|groceries|health|fitness|medical|"
    r"finances?|money|bills|budget|learning|study|studies|school"
)
# ", not for work", " - it's not a work thing", " (not work related)" at the end of a new task.
_NOT_FOR_A_TAG = re.compile(
    r"(?:\s*[,;.\-\u2013]\s*|\s+\(\s*|\s+)(?:but\s+)?(?:(?:it's|it\s+is|its|that's|it\u2019s)\s+)?not\s+(?:really\s+)?"
    r"(?:for\s+|an?\s+)?(?:my\s+|the\s+)?(?:#?(?:"
    + _TAG_WORDS
    + r"))(?:[\s-]+(?:task|thing|stuff|item|related))?\s*\)?[.!]?$",
    re.IGNORECASE,
)
_NOT_FOR_TAG = re.compile(
    r"^(?:no,?\s+|actually,?\s+)?(?P<ref>.+?)(?:\s+(?:is|are)\s+(?:not|no\s+longer)|\s+(?:isn't|aren't)|(?:'s|\u2019s)\s+(?:not|no\s+longer))"
    r"\s+(?:really\s+|actually\s+)?(?:for\s+|about\s+|part\s+of\s+|(?:an?\s+))?(?:my\s+|the\s+)?"
    r"(?P<tag>#[\w-]+|" + _TAG_WORDS + r")(?:[\s-]+(?:task|thing|stuff|item|related|one))?(?:\s+any\s*more)?"
    # "it's not for work, it's personal": the other tag goes on.
    r"(?:\s*[,;.]\s*(?:it's|it\s+is|its|that's|it\u2019s)\s+(?:for\s+|an?\s+)?(?:my\s+)?(?P<new>#[\w-]+|"
    + _TAG_WORDS
    + r")(?:[\s-]+(?:task|thing|stuff|item|related|one))?)?[.!]?$",
    re.IGNORECASE,
)


def _read_add_tag(text: str, now: datetime) -> Request | None:
    tag_list = r"#?(?P<tags>[\w-]+(?:\s*(?:,|and|&)\s*#?[\w-]+)*)"
    patterns = (
        r"(?:tag|label|categori[sz]e|classify)\s+(?P<ref>.+?)\s+(?:as|with|under|in|to|into)\s+(?:a\s+|the\s+)?"
        + tag_list
        + r"(?:\s+(?:tags?|labels?|category))?$",
        r"(?:add|put|attach|apply|give|set)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+"
        + tag_list
        + r"\s+(?:to|on|for)\s+(?P<ref>.+)$",
        r"(?:add|put|attach|apply|give|set)\s+(?:the\s+|a\s+|an\s+)?#?(?P<tags>[\w-]+)\s+(?:tag|label)\s+(?:to|on|for)\s+(?P<ref>.+)$",
        r"(?:add|put|attach|apply)\s+#(?P<tags>[\w-]+)\s+(?:to|on)\s+(?P<ref>.+)$",
        r"(?:move|file)\s+(?P<ref>.+?)\s+(?:under|in|into|on|to)\s+(?:my\s+|the\s+)?#?(?P<tags>[\w-]+)\s+"
        r"(?:list|tag|category|folder|bucket|project)$",
        r"put\s+(?P<ref>.+?)\s+(?:under|in|into)\s+(?:my\s+|the\s+)?#?(?P<tags>[\w-]+)\s+(?:tag|category|folder|bucket|project)$",
        r"(?:file|put)\s+(?P<ref>.+?)\s+under\s+#?(?P<tags>[\w-]+)$",
        r"(?P<ref>.+?)\s+(?:is|should\s+be)\s+(?:tagged|labell?ed|categori[sz]ed)\s+(?:as\s+|with\s+)?"
        + tag_list
        + r"$",
        r"mark\s+(?P<ref>.+?)\s+as\s+(?:a\s+)?(?P<tags>work|personal|shopping|health|finance|learning)(?:\s+task)?$",
        # "tag it family", "label this urgent-stuff": the tag right after the pronoun.
        r"(?:tag|label)\s+(?P<ref>it|this|that|this\s+one|that\s+one|the\s+last\s+one)\s+"
        + tag_list
        + r"(?:\s+(?:tags?|labels?))?$",
        # "add a tag family", "add the tag family", "add the family tag", "give it the tag
        # family": the task in focus (said alone or after another change of a task).
        r"(?:add|put|attach|apply|give\s+it|set)\s+(?:the\s+|a\s+|an\s+)?(?:tags?|labels?)\s+"
        + tag_list
        + r"(?:\s+(?:to|on)\s+(?:it|this|that))?$",
        r"(?:add|put|attach|apply|give\s+it|set)\s+(?:the\s+|a\s+|an\s+)?#?(?P<tags>[\w-]+)\s+(?:tag|label)"
        r"(?:\s+(?:to|on)\s+(?:it|this|that))?$",
    )
    # "tag the second one work", "label #2 home" after a list: the tag right after the place.
    placed = r"(?:tag|label)\s+(?P<ref>.+?)\s+" + tag_list + r"(?:\s+(?:tags?|labels?))?$"
    # "tag the essay econ": the task "the ..." names, then its tag, the last word (before: a
    # new task 'Econ' tagged essay). A task must match the words, as for "tag essay with econ".
    named = r"(?:tag|label)\s+(?:the|my|this|that)\s+(?P<ref>[^,;:#]+?)\s+#?(?P<tags>[\w-]+)$"
    for pattern in (*patterns, placed, named):
        m = re.match("^" + pattern, text, re.IGNORECASE)
        if m and (pattern != placed or position(m.group("ref")) is not None):
            words = [w for w in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("tags")) if w.strip("# ")]
            tags = tuple(tag_name(w.strip()) for w in words)
            request = _req("update", m.groupdict().get("ref"), Changes(add_tags=tags))
            if pattern == named and not text[: m.start("tags")].endswith("#"):
                return replace(request, tag_or_name=f"{m.group('ref')} {m.group('tags')}")
            return request
    return None


# "Remind me that the rent is due tomorrow", "remind me my passport expires on friday": a
# reminder about something said as a fact, with its date. The subject names the task ("rent":
# "Pay rent"); a due verb says only when it is due, another verb is part of what happens
# ("Passport expires").
_REMIND_THAT = re.compile(
    r"^(?:remind\s+me|(?:ping|alert|notify)\s+me|" + _A_REMINDER + r")\s+(?:that\s+)?(?P<subject>.+?)\s+"
    r"(?:(?P<due>(?:is|are|'s|was|were|will\s+be)\s+(?:now\s+|also\s+)?due(?:\s+back)?|(?:is|are|'s|will\s+be))|"
    r"(?P<verb>expires?|expiring|runs?\s+out|ends?|starts?|begins?|closes?|opens?|renews?|happens?|is\s+(?:expiring|ending|"
    r"starting|closing|happening)))\s+(?P<when>.+)$",
    re.IGNORECASE,
)


def _read_remind_that(text: str, now: datetime) -> Request | None:
    """'Remind me that the rent is due tomorrow': the task the subject names is due then (at
    its own time of day, if it has one) with a reminder at that time; a new task "Rent" so,
    when none is."""
    m = _REMIND_THAT.match(text)
    if m is None:
        return None
    when, leftover = _when_only(m.group("when"), now)
    ref, _ = _target(m.group("subject"))
    if when is None or leftover or ref is None or not when.date_given:
        return None
    verb = m.group("verb")
    said = ref + " " + re.sub(r"^is\s+", "", verb, flags=re.IGNORECASE) if verb else ref
    title = clean_title(said)
    update = Changes(due=when, keep_time=True, remind_minutes=0)
    added = Request("add", changes=Changes(title=title, due=when, remind_minutes=0))
    return replace(_req("update", m.group("subject"), update), fallback=added)


_REMINDER_NOUN = r"(?:reminders?|alerts?|notifications?)"
_MOVE_REMINDER = re.compile(
    r"^(?:snooze|move|push|change|reschedule|shift|set|update|bump|delay|postpone|put|make|switch)\s+"
    r"(?:(?:the|my|this|that|its)\s+)?(?:"
    r"(?P<ref>.+?)(?:'s)?\s+"
    + _REMINDER_NOUN
    + r"|"
    + _REMINDER_NOUN
    + r"\s+(?:for|on|of|about)\s+(?P<ref2>.+?)|"
    r"(?P<bare>" + _REMINDER_NOUN + r"))"
    r"\s+(?:back\s+|forward\s+|out\s+)?(?:to|until|till|til|for|at)\s+(?P<when>.+)$",
    re.IGNORECASE,
)


# "Push the reminder back an hour", "move the dentist reminder 30 minutes earlier", "remind me
# an hour later": the reminder moves by that much. "back", "later", "out" or a verb that only
# delays (push, delay, postpone, snooze) is later; "earlier", "forward", "up", "sooner" earlier.
_AMOUNT = (
    r"(?P<n>(?:"
    + NUMBER
    + r"|a\s+couple\s+of|a\s+few)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)|half\s+an\s+hour)"
)
_LATER = r"back|later|out"
_EARLIER = r"earlier|forward|up|sooner"
_SHIFT_REMINDER = re.compile(
    r"^(?P<verb>snooze|move|push|shift|bump|delay|postpone|put\s+off|put|set|change|bring|pull|make)\s+"
    r"(?:(?:the|my|this|that|its)\s+)?(?:"
    r"(?P<ref>.+?)(?:'s)?\s+"
    + _REMINDER_NOUN
    + r"|"
    + _REMINDER_NOUN
    + r"\s+(?:for|on|of|about)\s+(?P<ref2>.+?)|"
    + _REMINDER_NOUN
    + r")"
    r"(?:\s+(?P<dir>"
    + _LATER
    + "|"
    + _EARLIER
    + r"))?\s+(?:by\s+)?"
    + _AMOUNT
    + r"(?:\s+(?P<dir2>"
    + _LATER
    + "|"
    + _EARLIER
    + r"))?$",
    re.IGNORECASE,
)
_REMIND_ME_SHIFT = re.compile(
    r"^remind\s+me(?:\s+(?:about|of|for)\s+(?P<ref>.+?))?\s+"
    + _AMOUNT
    + r"\s+(?P<dir>later|earlier|sooner)(?:\s+(?:about|of|for)\s+(?P<ref2>.+?))?(?:\s+instead)?$",
    re.IGNORECASE,
)


def _read_shift_reminder(text: str, now: datetime) -> Request | None:
    """'Push the reminder back an hour', 'push the dentist reminder back 30 minutes', 'move the
    reminder an hour later', 'remind me 15 minutes earlier', 'remind me about the dentist an
    hour later': the task's reminder moves by that amount (`remind_shift`), nothing else.
    'Move' / 'change' / 'set' need a direction said; 'remind me ...' needs 'later' or
    'earlier' ('remind me an hour before' is a reminder before the due time, as before)."""
    m = _SHIFT_REMINDER.match(text) or _REMIND_ME_SHIFT.match(text)
    if m is None:
        return None
    said = [d.lower() for d in (m.groupdict().get("dir"), m.groupdict().get("dir2")) if d]
    verb = (m.groupdict().get("verb") or "").lower()
    if verb in ("bring", "pull"):
        earlier = not said or all(re.fullmatch(_EARLIER, d) for d in said)
    elif said:
        earlier = any(re.fullmatch(_EARLIER, d) for d in said)
        if earlier and any(re.fullmatch(_LATER, d) for d in said):
            return None  # "push it back an hour earlier": no one reading
    elif verb in ("snooze", "push", "bump", "delay", "postpone", "put off"):
        earlier = False
    else:
        return None  # "move the reminder an hour": which way?
    amount = m.group("n")
    if re.fullmatch(r"half\s+an\s+hour", amount, re.IGNORECASE):
        offset: relativedelta | None = relativedelta(minutes=30)
    else:
        amount = re.sub(r"^a\s+couple\s+of\b", "2", amount, flags=re.IGNORECASE)
        amount = re.sub(r"^a\s+few\b", "3", amount, flags=re.IGNORECASE)
        offset = take_offset(Scanner(amount))
    if offset is None:
        return None
    ref = m.groupdict().get("ref") or m.groupdict().get("ref2")
    if ref is not None and re.fullmatch(r"(?:the|my|a)\s+task|task|it|that|this", ref, re.IGNORECASE):
        ref = None
    return _req("update", ref, Changes(remind_shift=-offset if earlier else offset))


def _read_move_reminder(text: str, now: datetime) -> Request | None:
    """'Snooze the Kessler kickoff call reminder to 1pm on monday', 'move my reminder for the
    dentist to 5pm', 'change its reminder to tomorrow at 9': the task's reminder moves, its due
    time stays (`reminder_moved`). None unless the rest is only a time."""
    m = _MOVE_REMINDER.match(text)
    if m is None:
        return None
    when, leftover = _when_only(m.group("when"), now)
    if when is None or leftover:
        return None
    ref = m.group("ref") or m.group("ref2")
    if ref is not None and re.fullmatch(r"(?:the|my|a)\s+task|task", ref, re.IGNORECASE):
        ref = None
    return _req("update", ref, Changes(remind_at=when, reminder_moved=True))


def _reminder_when(scan: Scanner, now: datetime) -> When | None:
    """The time a reminder is asked for. "Yesterday" is a date here ("remind me about the
    report yesterday at 5": yesterday 17:00, its time else 9:00), never words of the task's
    name (before: the task 'report yesterday', or today at 5): the reminder is set as asked
    and the reply says it is in the past, as for a reminder moved there (planner._after_due).
    "yesterday's notes" stays words."""
    said = scan.take(r"\b(?:on\s+|for\s+)?yesterday\b(?!['\u2019]s)")
    when = take_when(scan, now)
    if said is None or (when is not None and when.date_given):
        return when
    clock = when.at.time() if when is not None and when.time_given else DEFAULT_TIME
    day = datetime.combine(now.date() - timedelta(days=1), clock, tzinfo=now.tzinfo)
    return When(at=day, date_given=True, time_given=when is not None and when.time_given)


def _read_reminder(text: str, now: datetime) -> Request | None:
    clear = re.match(
        r"^(?:remove|delete|cancel|clear|turn\s+off|disable|drop|stop)\s+(?:the\s+|my\s+|all\s+|this\s+|that\s+)?"
        r"(?:reminders?|alerts?|notifications?)"
        r"(?:\s+(?:for|on|from|of|about|to)\s+(?P<ref>.+))?$|^(?:don't|do\s+not|no\s+need\s+to)\s+remind\s+me\s+(?:about|of)\s+(?P<ref2>.+)$",
        text,
        re.IGNORECASE,
    )
    if clear:
        return _req("update", clear.group("ref") or clear.group("ref2"), Changes(clear_reminder=True))
    lead = re.match(
        r"^(?:remind\s+me|set\s+(?:up\s+)?(?:a\s+|the\s+)?reminder|add\s+(?:a\s+)?reminder|create\s+(?:a\s+)?reminder|"
        r"alert\s+me|notify\s+me|ping\s+me|(?:give|send)\s+me\s+a\s+reminder)\b",
        text,
        re.IGNORECASE,
    )
    if not lead or re.match(r"^(?:remind\s+me\s+(?:to|that)\b|" + _REMIND_ME_TO + ")", text, re.IGNORECASE):
        return None  # "remind me to call mom", "ping me to call mom": a new task
    if re.match(
        r"^\w+\s+(?:up\s+|me\s+)?(?:a\s+|the\s+)?reminder\s+(?:to|that)\s+(?!(?:the|my|it|this|that)\b)",
        text,
        re.IGNORECASE,
    ):
        return None  # "set a reminder to call mom", "send me a reminder to ...": a new task
    scan = Scanner(text)
    scan.mask(0, lead.end())
    minutes = None
    m = scan.take(
        r"\b(?:(\d{1,4}|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty-five|sixty)\s+(minutes?|mins?|hours?|hrs?|days?|weeks?)|"
        r"(half\s+an\s+hour)|(the\s+(?:day|night|evening)))\s+(?:before(?:hand)?|earlier|ahead(?:\s+of\s+time)?|in\s+advance|prior)"
        r"(?:\s+(?:to|of))?"
    )
    if m:
        from chat_service.domain.text import number

        if m.group(3):
            minutes = 30
        elif m.group(4):
            minutes = 1440
        else:
            unit = m.group(2).lower()
            factor = (
                1
                if unit.startswith("m")
                else 60
                if unit.startswith("h")
                else 1440
                if unit.startswith("d")
                else 10080
            )
            minutes = number(m.group(1)) * factor
    when = None if minutes is not None else _reminder_when(scan, now)
    rest = re.sub(r"^(?:about|of|for|on|to|regarding)\s+", "", scan.rest(), flags=re.IGNORECASE)
    # "remind me about the kickoff call at 12 instead": the reminder moves there.
    rest, instead = re.subn(r"[\s,]+instead$", "", rest, flags=re.IGNORECASE)
    # "remind me about it again tomorrow at 8", "remind me again at 9": the task in focus.
    rest = re.sub(r"(?:^|[\s,]+)(?:again|once\s+more)$", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"^(?:it|that|this)\s*$", "", rest, flags=re.IGNORECASE)
    if minutes is None and when is None:
        minutes = 0
    moved = bool(instead) and when is not None
    return _req("update", rest or None, Changes(remind_minutes=minutes, remind_at=when, reminder_moved=moved))


# -- two changes in one sentence: "make flights due friday and high priority" -------------------
# The words joining them: "and", "and also", "&", "plus", a comma (with or without those).
_JOIN = re.compile(r"\s*,\s*(?:(?:and|plus)\s+(?:also\s+)?)?|\s+(?:and|&|plus)\s+(?:also\s+)?", re.IGNORECASE)
_EDIT_LEAD = re.compile(
    r"^(?:change|set(?!\s+up\b)|make|move|update|mark|put|switch|reschedule|bump|tag|label|remind|edit)\b",
    re.IGNORECASE,
)


def _read_two_changes(text: str, now: datetime) -> Request | None:
    """'Change book flights to urgent and due tomorrow at 5pm', 'make flights due friday and
    high priority', 'set flights due monday, high priority', 'make the report urgent and tag
    it work', 'move the dentist to friday at 3 and remind me an hour before': one edit of one
    task (the first part names it) with every change said. The first part is read as a
    single edit; each part after a joining word must be a change and nothing else ("move
    salt and pepper to friday" is one task's name)."""
    if not _EDIT_LEAD.match(text) or _explicit_rename(text) is not None:
        return None
    for join in _JOIN.finditer(text):
        head = _single_edit(text[: join.start()], now)
        if head is None or (head.ref is None and not head.pronoun):
            continue
        more = _changes_said(text[join.end() :], now)
        if more is None:
            continue
        merged = _merged(head.changes, more)
        if merged is not None:
            return replace(head, changes=merged)
    return None


# "The garage isn't that important, make it low", "that's urgent, make it high priority",
# "oh and it's for work, tag it work": something said about a task, then a command about it.
# The statement is a subject and "is" / "isn't" / "'s" ... ("call mom's friend, tag it
# personal" is a new task, as before).
_STATEMENT = re.compile(
    r"^(?:(?:it|that|this|this\s+one|that\s+one|there|which)(?:'s|\s+is|\s+was)\b|"
    r"(?:(?:the|my|our|this|that|it|these|those|they)\b[\w' -]*?|[\w-]+)\s+"
    r"(?:is|isn't|is\s+not|are|aren't|are\s+not|was|wasn't|seems|looks|feels|sounds)\b)",
    re.IGNORECASE,
)
_THEN_COMMAND = re.compile(r"\s*(?:[,;:]|\.|\s[\u2014\u2013-])\s+|\s+so\s+", re.IGNORECASE)


def _read_said_then_command(text: str, now: datetime) -> Request | None:
    """A statement, then a change of the task it is about after a comma (or ';', '.', a
    dash, 'so'): that change of the last task ("it"), as the command alone would be read.
    The statement itself changes nothing; a statement with no command after it is not this."""
    if not _STATEMENT.match(text) or _ADD_LEAD.match(text):
        return None
    for join in reversed(list(_THEN_COMMAND.finditer(text))):
        head, tail = text[: join.start()], _POLITE_LEAD.sub("", text[join.end() :], count=1)
        if not _EDIT_LEAD.match(tail) or not _STATEMENT.match(head):
            continue
        changes = _change_alone(tail, now)
        if changes is None:
            continue
        said = parse(head, now)
        if said.fallback is not None and _DUE_STATEMENT.match(head):
            said = replace(said, fallback=None)  # "the report is due friday, make it high": that task
        if (
            said.intent == "update"
            and said.fallback is None
            and not said.changes.title
            and not said.said_of_last
        ):
            # "the report is due friday, make it high priority": both changes, of that task.
            both = _merged(said.changes, changes)
            return replace(said, changes=both) if both is not None else None
        if said.intent not in ("add", "unclear") and not said.said_of_last:
            return None
        # The statement's priority and tags are no command ("isn't that important" is not
        # High); a date it says is ("it's due friday, make it high priority").
        c = said.changes
        when = Changes(
            due=c.due,
            remind_minutes=c.remind_minutes,
            rrule=c.rrule,
            rrule_at=c.rrule_at,
            repeat_from=c.repeat_from,
        )
        return Request("update", pronoun=True, changes=_merged(when, changes) or changes)
    return None


# "That's urgent", "it's for work", "it's due friday", "it isn't that important" right after
# a task was named: a statement about it that is a change of it, with no command word.
_STATEMENT_OF_IT = re.compile(
    r"^(?:(?:it|that|this|this\s+one|that\s+one)(?:'s|\s+is)(?P<not>\s+not|n't)?|(?P<bare>isn't|is\s+not))\s+(?P<said>.+)$",
    re.IGNORECASE,
)
# "The garage isn't that important": a task named, and not important.
_STATEMENT_OF_TASK = re.compile(
    r"^(?P<ref>(?:[\w'-]+\s+){0,5}?[\w'-]+)\s+(?:is|are)(?P<not>\s+not|n't)\s+(?P<said>.+)$", re.IGNORECASE
)


def _read_statement(text: str, now: datetime) -> Request | None:
    """A statement about the task just named that says a change of it and nothing else:
    "that's urgent" (Very important), "it's important" (High), "it's not that important" /
    "it isn't urgent" / "isn't that important" (Low), "it's for work" (tag Work), "it's due
    friday" / "it's for friday" (due then, at the task's own time of day or the default). The
    last task only while the last reply named it (`said_of_last`). "The garage isn't that
    important" is that task, Low. Anything else ("it's raining", "that's urgent, i think")
    is not this."""
    if raw_question(text) or _ADD_LEAD.match(text):
        return None
    m = _STATEMENT_OF_IT.match(text)
    if m:
        negated = bool(m.group("not") or m.group("bare"))
        changes = _said_of(m.group("said"), now, negated=negated)
        if changes is None:
            return None
        return Request("update", pronoun=True, changes=changes, said_of_last=True)
    m = _STATEMENT_OF_TASK.match(text)
    if m is None or _LIST_LEAD.match(text) or _PRONOUN.match(m.group("ref")):
        return None
    changes = _said_of(m.group("said"), now, negated=True)
    if changes is None:
        return None
    if re.search(_NOT_ONE_TASK, m.group("ref"), re.IGNORECASE):
        return Request("unclear")  # "my tasks aren't urgent", "we aren't that important": no one task
    return _req("update", m.group("ref"), changes)


# Subjects that name no one task: the list, everything, a person.
_NOT_ONE_TASK = (
    r"\b(?:tasks|list|lists|to-?dos|todos|everything|anything|nothing|something|all|none|any|"
    r"i|we|you|they|he|she|people|everyone|anyone)\b"
)


def _said_of(said: str, now: datetime, *, negated: bool) -> Changes | None:
    """The change 'it is <said>' (or 'it isn't <said>') tells, each part of "urgent and due
    friday" one; None when any part is no such change."""
    if negated:
        return Changes(priority="LOW") if re.fullmatch(_NOT_IMPORTANT, "not " + said, re.I) else None
    parts = [p for p in _JOIN.split(said) if p and p.strip()]
    merged: Changes | None = Changes()
    for part in parts:
        one = _one_said_of(part, now)
        if one is None or merged is None:
            return None
        merged = _merged(merged, one)
    return merged if merged is not None and merged.any() else None


def _one_said_of(said: str, now: datetime) -> Changes | None:
    said = re.sub(r"^(?:really|actually|also|now|definitely|quite|pretty)\s+", "", said.strip(), flags=re.I)
    scan = Scanner(said)
    priority = take_priority(scan)
    if priority and not scan.rest():
        return Changes(priority=priority)
    if not re.match(r"(?:due|for|on|by|at)\b", said, re.IGNORECASE):
        return None  # "it's friday", "it's 5pm" say what the day or the time is
    scan = Scanner(said)
    tags = take_tags(scan)
    if tags and not scan.rest():
        return Changes(add_tags=tuple(tags))
    when, leftover = _when_only(said, now)
    if when is None or leftover:
        return None
    return Changes(due=when, keep_time=when.date_given and not when.time_given)


def _single_edit(text: str, now: datetime) -> Request | None:
    """An edit of one task's priority, due date, tags, reminder or repeat; None otherwise."""
    for reader in (_read_priority, _read_due, _read_add_tag, _read_reminder, _read_set_recurrence):
        found = reader(text, now)
        if found is not None:
            ok = found.intent == "update" and found.fallback is None and not found.changes.title
            return found if ok else None
    return None


def _changes_said(text: str, now: datetime) -> Changes | None:
    """The changes the words after the first say: one, or several joined ("high priority and
    tagged work"); None when any part is not a change."""
    change = _change_alone(text, now)
    if change is not None:
        return change
    for join in _JOIN.finditer(text):
        first = _change_alone(text[: join.start()], now)
        rest = _changes_said(text[join.end() :], now) if first is not None else None
        if first is not None and rest is not None:
            return _merged(first, rest)
    return None


def _change_alone(text: str, now: datetime) -> Changes | None:
    """'due tomorrow at 5pm', 'to friday', 'high priority', 'urgent', 'tag it work', 'tagged
    work', 'remind me an hour before', 'make it repeat weekly': a change of a task named
    before; None for any other words."""
    text = text.strip(" ,.!?")
    if not text:
        return None
    text = re.sub(r"^(?:then|also)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(
        r"^(?:(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?|(?:tag|label)\s+(?:as|with)\s+)",
        "tag it ",
        text,
        flags=re.IGNORECASE,
    )
    for said in (text, "make it " + text):
        for reader in (_read_add_tag, _read_reminder, _read_set_recurrence, _read_priority, _read_due):
            found = reader(said, now)
            if found is not None:
                if (
                    found.intent == "update"
                    and found.pronoun
                    and found.fallback is None
                    and not found.changes.title
                ):
                    return found.changes
                break
    return None


def _merged(first: Changes, second: Changes) -> Changes | None:
    """Both sets of changes in one; None when they set one field two ways."""
    values: dict[str, object] = {}
    unset = Changes()
    for name in first.__dataclass_fields__:
        a, b, default = getattr(first, name), getattr(second, name), getattr(unset, name)
        if isinstance(a, tuple):
            values[name] = tuple(dict.fromkeys((*a, *b)))
        elif a in (default, b):
            values[name] = b
        elif b == default:
            values[name] = a
        else:
            return None
    return Changes(**values)  # type: ignore[arg-type]


def _explicit_rename(text: str) -> Request | None:
    """A rename said as one: 'rename X to Y', 'change the title of X to Y', 'call it Y'."""
    patterns = (
        r"^(?:rename|retitle)\s+(?P<ref>.+?)\s+(?:to|as|into)\s+(?P<new>.+)$",
        r"^(?:change|update|edit|set|fix)\s+(?:the\s+)?(?:title|name|wording|text)\s+(?:of|for|on)\s+(?P<ref>.+?)\s+to\s+(?P<new>.+)$",
        r"^(?:change|update|edit)\s+(?P<ref>.+?)\s+to\s+(?:say|read)\s+(?P<new>.+)$",
        r"^(?:call|name|rename|retitle|title)\s+(?P<ref>it|that|this|that\s+one|this\s+one)\s+(?P<new>.+?)(?:\s+instead)?$",
        r"^(?:change|update|set)\s+(?:the\s+)?(?:title|name)\s+to\s+(?P<new>.+)$",
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            new = m.group("new").strip().strip("\"'")
            ref = m.groupdict().get("ref")
            return _req("update", ref, Changes(title=new[:1].upper() + new[1:]))
    return None


def _read_rename(text: str, now: datetime) -> Request | None:
    explicit = _explicit_rename(text)
    if explicit is not None:
        return _renamed_then_changed(explicit, now)
    # "Change X to Y": a rename unless Y is a priority or a date (read further on), or starts
    # with one ("change X to urgent and due tomorrow": changes, never the name "Urgent and ...").
    m = re.match(
        r"^(?:change|edit|update|switch|correct)\s+(?P<ref>.+?)\s+(?:to|into)\s+(?P<new>.+)$",
        text,
        re.IGNORECASE,
    )
    if m:
        new = m.group("new").strip().strip("\"'")
        when, leftover = _when_only(" to " + new, now)
        plain_new = re.sub(r"\s+(?:priority|prio|importance)$", "", new, flags=re.IGNORECASE)
        if priority_word(plain_new) or (when is not None and not leftover) or take_recurrence(Scanner(new)):
            return None
        if _change_alone(_JOIN.split(new, maxsplit=1)[0], now) is not None:
            return None  # "due friday", "tagged work", "urgent and due friday": changes
        return _req("update", m.group("ref"), Changes(title=new[:1].upper() + new[1:]))
    return None


# "... and make it high priority", ", then tag it work", "and remind me at 5": a command about
# the task just renamed, said after its new name.
_IT_COMMAND = re.compile(
    r"(?:then\s+|also\s+)?(?:(?:make|set|mark|tag|label|move|put|change|schedule|have)\s+it\b|remind\s+me\b)",
    re.IGNORECASE,
)


def _renamed_then_changed(rename: Request, now: datetime) -> Request:
    """'rename groceries to weekly groceries and make it high priority': the new name is
    'Weekly groceries' and the task is made High too (before: renamed 'Weekly groceries and make
    it high priority'). Only a command about "it" (or "remind me") after the name splits it:
    "rename flights to urgent and due friday" is still that name."""
    title = rename.changes.title or ""
    for join in _JOIN.finditer(title):
        head, tail = title[: join.start()].strip(), title[join.end() :]
        if not head or not _IT_COMMAND.match(tail):
            continue
        changes = _changes_said(tail, now)
        if changes is not None and not changes.title:
            both = _merged(replace(rename.changes, title=head), changes)
            if both is not None:
                return replace(rename, changes=both)
    return rename


def _read_description(text: str, now: datetime) -> Request | None:
    m = re.match(
        r"^(?:add|set|put|attach|write|include)\s+(?:a\s+|the\s+|this\s+)?(?:note|description|details?|comment)\s+"
        r"(?:to|on|for)\s+(?P<ref>.+?)(?:\s*:\s*|\s+saying\s+|\s+that\s+says\s+|\s*-\s+)(?P<text>.+)$",
        text,
        re.IGNORECASE,
    )
    if m:
        return _req("update", m.group("ref"), Changes(description=m.group("text").strip()))
    return None


def _read_reopen(text: str, now: datetime) -> Request | None:
    patterns = (
        r"^(?:reopen|re-open|unmark|uncheck|untick|uncomplete|un-complete|restore|reactivate)\s+(?P<ref>.+?)(?:\s+again)?$",
        r"^(?:undo|revert)\s+(?:completing|finishing|the\s+completion\s+of)\s+(?P<ref>.+)$",
        r"^(?:mark|set|make|put)\s+(?P<ref>.+?)\s+(?:as\s+|back\s+to\s+)?(?:not\s+done|undone|incomplete|not\s+complete(?:d)?|"
        r"not\s+finished|open|unfinished|pending|to\s*do|active|uncompleted)(?:\s+again)?$",
        r"^(?P<ref>.+?)\s+(?:is|was)(?:n't|\s+not)\s+(?:actually\s+)?(?:done|finished|complete(?:d)?)(?:\s+yet|\s+after\s+all)?$",
        r"^(?:i|we)\s+(?:didn't|did\s+not|haven't|have\s+not)\s+(?:actually\s+|really\s+)?(?:finish|finished|complete|completed|do|done)\s+"
        r"(?P<ref>.+?)(?:\s+yet|\s+after\s+all)?$",
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            return _req("reopen", m.group("ref"))
    return None


# A line that asks for a task to be done ("finish the essay today", "mark X as done"), not one
# that says it was.
_DONE_ORDER = re.compile(
    r"^(?:complete|finish|close|resolve|mark|set|check|tick|cross|strike|flag|make)\b", re.IGNORECASE
)
# When something was done, said after it: "... today", "... this morning", "... just now" (and
# "the report due today": the task said by its due day).
_DONE_WHEN = re.compile(
    r"(?:\s+due)?\s+(?:today|earlier(?:\s+today)?|this\s+(?:morning|afternoon|evening)|just(?:\s+now)?|yesterday|last\s+night)$",
    re.IGNORECASE,
)


def _read_complete(text: str, now: datetime) -> Request | None:
    if raw_question(text):
        return None
    done = r"(?:done|complete|completed|finished|off|resolved|taken\s+care\s+of|sorted|handled|checked\s+off|ticked\s+off)"
    patterns = (
        r"^(?:mark|set|check|tick|cross|flag|make)\s+(?P<ref>.+?)\s+(?:as\s+)?" + done + r"$",
        r"^(?:check|tick|cross|strike)\s+off\s+(?P<ref>.+)$",
        # "cross milk off my list", "tick the eggs off my shopping list": done, as "cross off
        # milk" is (a "strike/take X off my list" deletes: _read_delete).
        r"^(?:check|tick|cross)\s+(?P<ref>.+?)\s+off\s+(?:of\s+)?" + _A_LIST + r"$",
        r"^(?:done|finished|completed)\s*[:\-]\s*(?P<ref>.+)$",
        r"^(?:complete|finish|close|resolve|completed|finished)\s+(?P<ref>.+)$",
        r"^done\s+with\s+(?P<ref>.+)$",
        r"^(?:i'm|i\s+am|we're|we\s+are)\s+(?:all\s+|now\s+)?(?:done|finished|through)\s+(?:with\s+)?(?P<ref>.+)$",
        r"^(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+|now\s+)?(?:finished|completed|done|did|taken\s+care\s+of|"
        r"took\s+care\s+of|handled|sorted(?:\s+out)?|dealt\s+with|ticked\s+off|checked\s+off)\s+(?P<ref>.+)$",
        r"^(?P<ref>.+?)\s+(?:is|are|was|were|has\s+been|have\s+been|'s)\s+(?:all\s+|now\s+|finally\s+|also\s+|already\s+)?"
        + done
        + r"(?:\s+(?:now|too|as\s+well|also|already|today|earlier(?:\s+today)?|this\s+(?:morning|afternoon|evening)|yesterday))?$",
        r"^(?P<ref>(?:it|that|this)(?:\s+one)?)\s*(?:'s|is)\s+" + done + r"$",
        r"^(?P<ref>.+?)\s*[-:,]?\s+(?:done|finished|completed)$",
    )
    if re.match(r"^all\s+done$", text, re.IGNORECASE):
        return _req("complete", None)  # not a task named 'all' (planner.understand reads it)
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            ref = m.group("ref")
            if not _DONE_ORDER.match(text):
                # Said of what was done ("I finished studying for stats today"), a time at the end
                # is when it was done, not a due date: it was a new task 'Finished studying for
                # stats', due today 9:00 and overdue (user test, session 21).
                ref = _DONE_WHEN.sub("", ref)
            if take_when(Scanner(ref), now) is not None:
                return None  # "Finish the essay by Friday" is a new task
            request = _req("complete", ref)
            if re.match(r"^finish\s", text, re.IGNORECASE):
                return replace(request, fallback=read_add(text, now))
            return request
    if re.match(r"^(?:done|finished|completed|all\s+done|i\s+did\s+it|it'?s\s+done)$", text, re.IGNORECASE):
        return _req("complete", None)
    m = re.match(
        r"^(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+|now\s+)?(?P<verb>[a-z]+ed|"
        + _IRREGULAR_PAST
        + r")\s+(?P<ref>.+)$",
        text,
        re.IGNORECASE,
    )
    if (
        m
        and m.group("verb").lower() not in _PAST_VERB_EXCLUDE
        and not re.search(
            r"\b(?:tomorrow|tonight|next|every|later|need|want|have\s+to)\b", m.group("ref"), re.IGNORECASE
        )
    ):
        from chat_service.domain.text import stem

        ref, pronoun = _target(m.group("ref"))
        return Request("complete", ref=ref, pronoun=pronoun, verb_hint=stem(m.group("verb")))
    return _read_done_without_i(text, now)


# Past forms that are also the present ("read", "set") or nouns ("saw") say nothing without "I".
_PAST_ALONE = "|".join(
    w for w in _IRREGULAR_PAST.split("|") if w not in ("read", "put", "cut", "set", "shut", "saw")
)
_NOT_PAST = frozenset(
    {"shed", "embed", "shred", "sled", "bled", "bred", "fled", "naked", "wicked", "sacred", "hundred"}
)


def _read_done_without_i(text: str, now: datetime) -> Request | None:
    """'paid the electricity bill', 'called mom too': done, when a task's title has that
    verb ('Pay electricity bill'); otherwise the message is a new task, as before."""
    m = re.match(
        r"^(?:just\s+|already\s+|finally\s+)?(?P<verb>[a-z]{2,}(?<!e)ed|" + _PAST_ALONE + r")\s+(?P<ref>.+?)"
        r"(?:\s+(?:too|as\s+well|already|just\s+now|today|yesterday|this\s+morning))?$",
        text,
        re.IGNORECASE,
    )
    if not m or m.group("verb").lower() in _PAST_VERB_EXCLUDE | _NOT_PAST:
        return None
    if take_when(Scanner(m.group("ref")), now) is not None:
        return None  # "moved the meeting to Friday" says what to do, not what was done
    ref, _ = _target(m.group("ref"))
    if ref is None:
        return None
    from chat_service.domain.text import stem

    verb = stem(m.group("verb"))
    return Request("complete", ref=ref, verb_hint=verb, verb_required=True, fallback=read_add(text, now))


# "skip the next gym", "skip this week's gym", "skip gym this week", "skip the next one".
_SKIP = re.compile(
    r"^skip\s+(?:over\s+)?"
    r"(?P<lead>(?:the\s+)?(?:next|upcoming|coming)\s+(?:(?:occurrence|instance|session|one)\s+of\s+)?|"
    r"(?:this|today|tonight|tomorrow)(?:\s+week)?'s\s+|this\s+week's\s+|(?:the\s+)?(?:occurrence|instance)\s+of\s+)?"
    r"(?P<ref>.+?)"
    r"(?P<tail>\s+(?:(?:for\s+)?this\s+week|this\s+time|just\s+(?:this\s+)?once|this\s+once|once|for\s+now|"
    r"today|tonight|tomorrow|next\s+time))?[.!]*$",
    re.IGNORECASE,
)


def _read_skip(text: str, now: datetime) -> Request | None:
    """'skip the next gym', 'skip this week's gym', 'skip gym this week': the repeating task's
    coming occurrence is skipped (the task moves to its next one). A plain 'skip breakfast'
    is that when a task 'Breakfast' exists, else a new task as before."""
    m = _SKIP.match(text)
    if not m:
        return None
    said = m.group("ref")
    request = _req("skip", "it" if re.fullmatch(r"(?:one|it|that|this)", said, re.IGNORECASE) else said)
    if m.group("lead") or m.group("tail") or request.pronoun:
        return request
    return replace(request, fallback=read_add(text, now))


def _read_clear_due(text: str, now: datetime) -> Request | None:
    m = re.match(
        r"^(?:remove|clear|delete|drop|take\s+off|unset|cancel)\s+(?:the\s+)?(?:due\s+date|deadline|due\s+time|date|due)\s+"
        r"(?:from|of|on|for)\s+(?P<ref>.+)$|^(?P<ref2>.+?)\s+(?:has|needs|should\s+have)\s+no\s+(?:due\s+date|deadline)$|"
        r"^(?:remove|clear|delete|drop)\s+(?:the\s+|its\s+)?(?:due\s+date|deadline)$",
        text,
        re.IGNORECASE,
    )
    if m:
        return _req("update", m.group("ref") or m.group("ref2"), Changes(clear_due=True))
    return None


# A quick-add mark after "to" or "as" ("set milk to !low") is the priority word it stands
# for. Elsewhere a mark keeps quick-add's meaning: "set up the printer !high" is a new task.
_BANG_WORDS = {"VERY_IMPORTANT": "urgent", "HIGH": "high", "MEDIUM": "medium", "LOW": "low"}
_BANG_AFTER_TO = re.compile(r"(?<=\b(?:to|as) )" + _MARK + r"(?=\s*[.!?]*$)", re.IGNORECASE)


def _bang_as_word(m: re.Match[str]) -> str:
    value = _mark_priority(m)
    return _BANG_WORDS[value] if value else m.group(0)


def _read_priority(text: str, now: datetime) -> Request | None:
    step = re.match(
        r"^(?P<dir>raise|increase|bump(?:\s+up)?|boost|lower|decrease|reduce|drop)\s+(?:the\s+)?(?:priority|importance)\s+"
        r"(?:of|for|on)\s+(?P<ref>.+)$",
        text,
        re.IGNORECASE,
    )
    if step:
        up = step.group("dir").lower().split()[0] in ("raise", "increase", "bump", "boost")
        return _req("update", step.group("ref"), Changes(priority_step=1 if up else -1))
    m = re.match(r"^(?P<verb>prioriti[sz]e|deprioriti[sz]e|escalate)\s+(?P<ref>.+)$", text, re.IGNORECASE)
    if m:
        chosen = "LOW" if m.group("verb").lower().startswith("de") else "HIGH"
        return _req("update", m.group("ref"), Changes(priority=chosen))
    suffix = r"(?:[- ](?:priority|prio|importance))?(?:\s+(?:task|one|item))?(?:\s+instead)?$"
    patterns = (
        r"^(?:change|set|update|make|switch|put)\s+(?:the\s+)?(?:priority|importance)\s+(?:of|for|on)\s+(?P<ref>.+?)\s+"
        r"(?:to|as|at)\s+" + PRIO_WORDS + suffix,
        r"^(?:change|set|update|make|switch)\s+(?P<ref>.+?)(?:'s|s')?\s+(?:priority|importance)\s+(?:to|as|at)\s+"
        + PRIO_WORDS
        + suffix,
        r"^(?:make|set|mark|flag|change|update|bump|put|move|switch|turn|raise|lower)\s+(?P<ref>.+?)\s+(?:to\s+|as\s+|at\s+|into\s+)?"
        r"(?:a\s+|an\s+)?(?:very\s+)?" + PRIO_WORDS + suffix,
        r"^(?P<ref>.+?)\s+(?:is|should\s+be|needs\s+to\s+be|must\s+be)\s+(?:a\s+|an\s+|of\s+)?"
        + PRIO_WORDS
        + suffix,
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            word = m.group("prio")
            prefix = text[: m.start("prio")].lower()
            priority: str | None = (
                "VERY_IMPORTANT" if prefix.rstrip().endswith("very") else priority_word(word)
            )
            if priority:
                return _req("update", m.group("ref"), Changes(priority=priority))
    return None


# The verbs of a move that only ever makes a task later.
_LATER_VERB = re.compile(r"^(?:postpone|push|delay|defer|put\s+off|snooze)\b", re.IGNORECASE)
_DUE_VERBS = (
    r"^(?:move|reschedule|re-schedule|postpone|push(?:\s+back)?|delay|defer|change|set(?!\s+up\b)|update|make|shift|put\s+off|put|bump|"
    r"snooze|bring\s+forward|pull\s+forward|move\s+up)\s+"
)


# The priorities "urgent", "high priority", "low priority" tasks have, as a list filters them.
_PRIORITY_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"urgent|very\s+important|critical|top\s+priority", ("VERY_IMPORTANT",)),
    (r"high[- ]priority|important|high\s+prio|priority\s+tasks|high", ("VERY_IMPORTANT", "HIGH")),
    (r"low[- ]priority|low\s+prio|unimportant|low", ("LOW",)),
    (r"(?:medium|normal)[- ]priority", ("MEDIUM",)),
)


def _priority_group(scan: Scanner) -> tuple[str, ...]:
    """The priorities of the group the words name ("high priority tasks"), taken out."""
    for pattern, priorities in _PRIORITY_GROUPS:
        if scan.take(r"\b(?:" + pattern + r")\b"):
            return priorities
    return ()


def _tag_group(scan: Scanner) -> tuple[str, ...]:
    """The tags of the group the words name, taken out: "#errands", "tagged errands",
    "work tasks" (a list's word and a plural noun: "the shopping list" is a task's name)."""
    tags: list[str] = []
    while m := scan.take(r"(?<![\w&])#([\w-]+)"):
        tags.append(tag_name(m.group(1)))
    m = scan.take(r"\b(?:tagged|labell?ed|with\s+(?:the\s+)?tag)\s+(?:as\s+|with\s+)?#?([\w-]+)")
    if m:
        tags.append(tag_name(m.group(1)))
    for word, tag in TAG_SYNONYMS.items():
        if tag != "Urgent" and scan.take(rf"\b{word}(?=\s+(?:tasks|to-?dos|items|stuff|things|ones)\b)"):
            tags.append(tag)
    return tuple(dict.fromkeys(tags))


# -- every task of a day at once: "move everything from today to tomorrow" -----------------
# Words that say "all the tasks" ...
_ALL_TASKS = r"\b(?:all|every|everything|tasks|todos|to-dos|items|stuff|things|ones)\b"
# ... and the words around them that name nothing ("all of my tasks that are due ...").
_ALL_FILLER = frozenset(
    re.findall(
        r"\S+",
        "all every everything of my the tasks task todos todo to-dos items stuff things ones that thats which are is "
        "were was due from for on scheduled planned left remaining rest open still i have had else",
    )
)
_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|tomorrow|yesterday|overdue)\b", re.IGNORECASE)


def _read_move_all(text: str, now: datetime) -> Request | None:
    """'Move everything from today to tomorrow', 'push all overdue tasks to tomorrow', 'move
    all of today's tasks to monday', 'push today's tasks back a day', 'move all work tasks to
    friday', 'move all high priority tasks to tomorrow', 'push this week's tasks to next week'
    (each a week later): every open task of that day, tag or priority to the new day. Without
    a group ('move everything to friday') it asks which; a phrase with other words ('move the
    laundry tasks to friday') is not one."""
    verb = re.match(_DUE_VERBS, text, re.IGNORECASE)
    if not verb or not re.search(_ALL_TASKS + "|" + _RELATIVE_DAY.pattern, text, re.IGNORECASE):
        return None
    rest = text[verb.end() :]
    target: Changes | None = None
    head = ""
    next_week = re.match(
        r"^(?P<head>.+?)\s+(?:to|until|till|into)\s+(?:next|the\s+following)\s+week$", rest, re.I
    )
    if next_week:
        # A group to next week: each on the same weekday and time a week later.
        head, target = next_week.group("head"), Changes(shift=relativedelta(weeks=1))
    for split in [] if target else re.finditer(r"\s+(?:to|until|till|for|into|onto)\s+", rest, re.IGNORECASE):
        when, leftover = _when_only(rest[split.start() :], now)
        if when is not None and not leftover:
            later = bool(_LATER_VERB.match(text))
            head, target = rest[: split.start()], Changes(due=when, keep_time=True, later_only=later)
            break
    if target is None:
        shift = re.match(
            r"^(?P<head>.+?)\s+(?:(?:back|out|forward|ahead)\s+)?(?:by\s+)?(?P<n>"
            + NUMBER
            + r"\s+(?:days?|weeks?))(?:\s+(?:later|back|ahead))?$",
            rest,
            re.IGNORECASE,
        )
        offset = take_offset(Scanner(shift.group("n"))) if shift else None
        if shift is None or offset is None:
            return None
        head, target = shift.group("head"), Changes(shift=offset)
    filters = _tasks_named(head, now, moving=True)
    if filters is None:
        # "move all errands tasks to friday": a word no known tag is may be one of the user's
        # own tags; if the user has no open task tagged so, the words are read as before.
        filters = _own_tag_group(head, now, moving=True)
        if filters is None:
            return None
        return Request("move_all", changes=target, filters=filters, fallback=_read_due(text, now))
    request = Request("move_all", changes=target, filters=filters)
    if (filters.tags or filters.priority) and not re.search(r"\b(?:all|every|everything|each)\b", head, re.I):
        # "move the work tasks to friday": a task may be called "Work tasks"; if one is, it is meant.
        return replace(request, ref=head.strip(), one_task=_read_due(text, now))
    return request


# "move my 8pm tasks to 9pm", "move my 8pm to 9pm", "move the 8 pm ones to 9": the open tasks
# due at one time of day to another time, on their own day (which day: planner._move_clock).
_CLOCK_SAID = r"(?:\d{1,2}(?:[:.][0-5]\d)?\s*[ap]\.?m\.?|\d{1,2}:[0-5]\d|noon|midnight)"
_MOVE_CLOCK = re.compile(
    r"^(?:move|push|shift|change|reschedule|put|bump|switch)\s+(?:all\s+(?:of\s+)?)?(?:my|the|all)\s+"
    r"(?:(?:tasks?|things|stuff|items|to-?dos|ones)\s+(?:due\s+|at\s+)?)?(?:at\s+)?(?P<from>"
    + _CLOCK_SAID
    + r")"
    r"(?:\s+(?:tasks?|ones|things|stuff|items|to-?dos))?\s+(?:to|until|till)\s+(?:at\s+)?"
    r"(?P<to>" + _CLOCK_SAID + r"|\d{1,2}(?:[:.][0-5]\d)?)$",
    re.IGNORECASE,
)


def _clock_of(said: str, now: datetime, meridiem: str | None = None) -> time | None:
    if meridiem and re.fullmatch(r"\d{1,2}(?:[:.][0-5]\d)?", said):
        said += meridiem  # "the 8 pm ones to 9": 9 pm
    when, leftover = _when_only("at " + said, now)
    return when.at.time() if when is not None and not leftover and when.time_given else None


def _read_move_clock(text: str, now: datetime) -> Request | None:
    m = _MOVE_CLOCK.match(text.strip().rstrip(".!"))
    if not m:
        return None
    start = _clock_of(m.group("from"), now)
    said_meridiem = re.search(r"[ap]\.?m", m.group("from"), re.IGNORECASE)
    to = _clock_of(m.group("to"), now, said_meridiem.group(0).replace(".", "") if said_meridiem else None)
    if start is None or to is None:
        return None
    due = When(at=datetime.combine(now.date(), to, tzinfo=now.tzinfo), date_given=False, time_given=True)
    return Request("move_all", changes=Changes(due=due), filters=Filters(at_clock=start))


# "mark all overdue tasks as done", "check off today's tasks", "complete all work tasks", "I
# finished everything for today": the group is read as a bulk move's is (_tasks_named).
_COMPLETE_GROUP = (
    r"^(?:mark|set|check|tick|cross|flag)\s+(?P<head>.+?)\s+(?:as\s+)?(?:done|complete|completed|finished|off)$",
    r"^(?:check|tick|cross)\s+off\s+(?P<head>.+)$",
    r"^(?:complete|finish|close)\s+(?P<head>.+)$",
    r"^(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+)?(?:finished|completed|done|did)\s+(?P<head>.+)$",
)


def _read_complete_all(text: str, now: datetime) -> Request | None:
    """'Mark all overdue tasks as done', 'mark everything due today as done', 'mark all
    shopping tasks done', 'I finished everything for today': every open task of that day, tag
    or priority is completed. Before, the words were searched for as one task's name ('all
    overdue') or, with a day in them, added as a task ('Mark everything as done'). Without a
    group ('mark everything as done') it asks which; other words ('mark the boxes as done',
    'finish the report by friday') are read as before."""
    for pattern in _COMPLETE_GROUP:
        m = re.match(pattern, text, re.IGNORECASE)
        if m is None:
            continue
        head = m.group("head")
        filters = _tasks_named(head, now)
        if filters is None:
            # "mark all errands tasks done": the user's own tag when an open task has it.
            filters = _own_tag_group(head, now)
            if filters is None:
                return None
            return Request("complete_all", filters=filters, fallback=_read_complete(text, now))
        request = Request("complete_all", filters=filters)
        if (filters.tags or filters.priority) and not re.search(
            r"\b(?:all|every|everything|each)\b", head, re.I
        ):
            # "mark the work tasks done": a task may be called "Work tasks"; if one is, it is meant.
            return replace(request, ref=head.strip(), one_task=_read_complete(text, now))
        return request
    return None


def _tasks_named(head: str, now: datetime, moving: bool = False) -> Filters | None:
    """The open tasks 'all of today's tasks', 'everything overdue', 'tasks from friday',
    'this week's tasks', 'all work tasks', 'high priority tasks' name, as list filters (no
    filter: all tasks, no group said); None when the words name tasks otherwise ('the
    laundry tasks', 'friday drinks', 'the work laptop order'). "This week" here is the
    calendar week, Monday to Sunday, overdue ones of it included (a question "what's due this
    week?" lists the next 7 days: _read_list); in a group to move (`moving`) said on a Sunday,
    the coming week."""
    text = re.sub(r"(?<=\w)'s?\b", "", head.lower())  # "today's" -> "today"
    scan = Scanner(text)
    tags = _tag_group(scan)  # first: "#urgent" is a tag, "urgent tasks" a priority
    filters = Filters(status="open", priority=_priority_group(scan), tags=tags)
    if scan.take(r"\b(?:overdue|late|past[- ]due|missed)\b"):
        filters = replace(filters, due="overdue")
    elif scan.take(r"\b(?:this|the\s+current|the)\s+week\b"):
        # A group to move or mark done "this week" is the calendar week, Monday to Sunday
        # (said on a Friday: Monday's to Sunday's, not the next 7 days up to Thursday, which
        # is what a question "what's due this week?" lists, due=week).
        monday = datetime.combine(now.date() - timedelta(days=now.weekday()), time(0, 0), tzinfo=now.tzinfo)
        if moving and now.weekday() == 6:
            # Said on a Sunday, "push everything due this week to ..." means the coming week:
            # Monday (tomorrow) to Sunday, not the week ending today (a Sunday begins the week
            # where weeks start on Sunday). Only for a move; "mark everything due this week as
            # done" on a Sunday is the week ending today. A Saturday is in this week wherever
            # weeks start: its "this week" is the week ending tomorrow, and the reply names it.
            monday += timedelta(days=7)
        filters = replace(
            filters,
            due_after=monday - timedelta(seconds=1),
            due_before=monday + timedelta(days=7),
            due_when="this week",
        )
    elif scan.take(r"\byesterday\b"):
        filters = _day_window(filters, (now - timedelta(days=1)).date(), now)
    else:
        when = take_when(scan, now)
        if when is not None and (not when.date_given or when.time_given):
            return None  # "everything at 5pm" is not a day's tasks
        if when is not None and when.at.date() == now.date():
            filters = replace(filters, due="today")
        elif when is not None:
            filters = _day_window(filters, when.at.date(), now)
    if any(word not in _ALL_FILLER for word in re.findall(r"[\w-]+", scan.rest())):
        return None
    if not re.search(_ALL_TASKS, text) and (
        filters.tags or filters.priority or not _RELATIVE_DAY.search(text)
    ):
        return None  # "move friday to monday", "move shopping to saturday": a task's name
    return filters


# Words after "all" that are no tag of the user's ("move all of them to friday").
_NOT_OWN_TAGS = frozenset(("them", "these", "those", "it", "other", "others", "rest", "same", "this", "next"))


def _own_tag_group(head: str, now: datetime, moving: bool = False) -> Filters | None:
    """The group 'all errands tasks', 'every errands task', 'all my errands', 'all of
    friday's errands tasks' name when 'errands' is a tag: the one word of `head` that, read as
    '#errands', makes it a group. Only with all / every / each ("the laundry tasks" names a
    task); None when no word or several would."""
    if not re.search(r"\b(?:all|every|everything|each)\b", head, re.IGNORECASE):
        return None
    found: list[Filters] = []
    for word in re.findall(r"(?<![#\w'-])[a-z][a-z-]*(?![\w'-])", head, re.IGNORECASE):
        if word.lower() in _ALL_FILLER | _NOT_OWN_TAGS or priority_word(word):
            continue
        filters = _tasks_named(re.sub(rf"\b{word}\b", "#" + word, head, count=1), now, moving)
        if filters is not None and filters.tags:
            found.append(filters)
    return found[0] if len(found) == 1 else None


def _day_window(filters: Filters, day: date, now: datetime) -> Filters:
    start = datetime.combine(day, time(0, 0), tzinfo=now.tzinfo)
    # due_after is strict: a second before midnight takes a task due at midnight.
    return replace(filters, due_after=start - timedelta(seconds=1), due_before=start + timedelta(days=1))


# "Taxes are due friday", "the report is due monday": a statement of when a thing is due. The
# open task it names is due then; a new task of that name when none is (before: 'Taxes are'
# added, and 'the report' a task to find or nothing).
_DUE_STATEMENT = re.compile(r"^(?P<ref>.+?)\s+(?:is|are|'s)\s+due\s+(?P<when>.+)$", re.IGNORECASE)


# "Bin day is friday", "the party is on saturday": a thing said to be on a day, read as "is due"
# (before: 'Bin day is' added). Only a day or date ("the meeting is at 10" reads as before), and
# not when the thing itself says when ("today is friday") or asks ("what is friday").
_DAY_STATEMENT = re.compile(r"^(?P<ref>.+?)\s+(?:is|are|'s)\s+(?P<when>.+)$", re.IGNORECASE)


# "Today is friday", "is tomorrow saturday?": the date, told back (no task 'Is friday').
_DATE_STATEMENT = re.compile(
    r"^(?:(?:so|oh|and|ok|okay)[\s,]+)?(?:(?P<day>today|tomorrow|yesterday)\s+(?:is|was|'s)|"
    r"(?:is|was)\s+(?P<qday>today|tomorrow|yesterday))\s+(?:a\s+)?(?P<weekday>" + ANY_WEEKDAY + r")"
    r"(?:\s*,?\s*(?:right|isn't\s+it|no))?[\s.!?]*$",
    re.IGNORECASE,
)
# "Friday is bin day": the day said first. Not what the day is like ("monday is a holiday",
# "today is busy"), nor a date said of a day ("today is friday").
_NOT_A_THING = re.compile(
    r"(?:a|an|so|very|too|not|going|gonna|busy|free|off|fine|good|bad|great|ok|okay|sunny|rainy|cold|hot|warm|"
    r"over|done|late|early|here|there|fun|nice|perfect|better|worse|best|worst|when|the\s+day|my\s+day)\b",
    re.IGNORECASE,
)
# "The meeting is at 10": a time alone said of a thing.
_AT_TIME = re.compile(r"(?:at|@)\s*\d", re.IGNORECASE)


# "Move yoga", "reschedule the dentist": a move with no day said. Not "move house", "move to
# Berlin", "move out", "move it" (a pronoun).
_MOVE_NO_WHEN = re.compile(
    r"^(?:move|reschedule|re-schedule|postpone|push\s+back|put\s+off|defer)\s+"
    r"(?!(?:to|into|in|out|on|up|down|back|forward|over|away|house|home|along|ahead)\b)(?P<ref>.+)$",
    re.IGNORECASE,
)


def _read_move_asked(text: str, now: datetime) -> Request | None:
    """'Move yoga' with no day: the open task 'Yoga' is asked when to move it to
    (planner._ask_move_when); with no such task, the words are a new task 'Move yoga' as
    before (the fallback). Anything said beyond the name ("move yoga #work") is read as before."""
    m = _MOVE_NO_WHEN.match(text)
    if not m:
        return None
    ref, pronoun = _target(m.group("ref"))
    added = read_add(text, now)
    if ref is None or pronoun or added.intent != "add" or added.changes.any_but_title():
        return None
    return Request("update", ref=ref, changes=Changes(ask_due=True), fallback=added)


def _read_due_or_new(text: str, now: datetime) -> Request | None:
    found = _read_due(text, now)
    m = _DUE_STATEMENT.match(text)
    day_only = False
    if m is None and found is None:
        m = _DAY_STATEMENT.match(text)
        day_only = m is not None
    if m is None or raw_question(text) or _LIST_LEAD.match(text):
        return found
    ref, said = m.group("ref"), m.group("when")
    if day_only:
        # "friday is bin day", "tomorrow is my birthday": read as "bin day is friday".
        first, rest = _when_only(ref, now)
        thing = said.strip(" .!")
        if (
            first is not None
            and first.date_given
            and not rest
            and take_when(Scanner(thing), now) is None
            and take_recurrence(Scanner(thing)) is None
            and not _NOT_A_THING.match(thing)
            and not _PRONOUN.match(thing)
        ):
            ref, said = thing, ref
    if _PRONOUN.match(ref) or re.search(_NOT_ONE_TASK, ref, re.IGNORECASE) or _LISTY.search(ref):
        return found
    if day_only and (
        _QUESTION_WORD.fullmatch(ref.strip())
        or re.match(r"(?:what|which|who|when|where|how|why|there|here)\b", ref, re.IGNORECASE)
        or take_when(Scanner(ref), now) is not None
        or take_recurrence(Scanner(ref)) is not None
    ):
        return found
    when, leftover = _when_only(said, now)
    # A time alone ("the meeting is at 10") moves that task to then on its own day, else adds it.
    time_only = day_only and when is not None and not when.date_given and _AT_TIME.match(said.strip())
    if when is None or leftover or (day_only and not when.date_given and not time_only):
        return found
    if found is None:
        found = _req("update", ref, Changes(due=when))  # "taxes are due friday"
    title = clean_title(re.sub(r"^the\s+", "", ref, flags=re.IGNORECASE) if time_only else ref)
    if found.intent != "update" or found.fallback is not None or found.pronoun or not title:
        return found
    return replace(found, fallback=Request("add", changes=Changes(title=title, due=when)))


# "What is due on monday?": a question, no task called "what" (_read_list answers it).
_QUESTION_WORD = re.compile(r"(?:what|which|who|anything|something|nothing|everything)", re.IGNORECASE)


# "put the bins out", "put up the shelves", "put the washing away": "put" and a particle is a
# chore, whatever date follows; "put the dentist on friday" moves the task to the date.
_PUT_PARTICLE = re.compile(r"\b(?:out|away|up|down|together|aside)\b", re.IGNORECASE)


def _puts_a_chore(text: str, verb: re.Match[str], now: datetime) -> bool:
    """Whether 'put ...' says a new task rather than a move: the words besides the date hold
    a particle ("put the bins out friday") or a repeat ("put the bins out every sunday at
    7pm": a move never makes a task repeat)."""
    if verb.group(0).strip().lower() != "put":
        return False
    rest = text[verb.end() :]
    if take_recurrence(Scanner(rest)) is not None:
        return True
    scan = Scanner(rest)
    take_when(scan, now)
    return bool(_PUT_PARTICLE.search(scan.rest()))


def _read_due(text: str, now: datetime) -> Request | None:
    m = re.match(
        r"^(?P<ref>.+?)\s+(?:is|should\s+be|will\s+be|needs\s+to\s+be\s+done|must\s+be\s+done|'s)\s+(?:now\s+)?due\s+(?P<when>.+)$|"
        r"^(?:the\s+)?(?:deadline|due\s+date)\s+(?:for|of|on)\s+(?P<ref2>.+?)\s+is\s+(?:now\s+)?(?P<when2>.+)$",
        text,
        re.IGNORECASE,
    )
    if m and not _QUESTION_WORD.fullmatch((m.group("ref") or m.group("ref2") or "").strip()):
        tail = m.group("when") or m.group("when2")
        when, leftover = _when_only(tail, now)
        if when is not None and not leftover:
            return _req("update", m.group("ref") or m.group("ref2"), Changes(due=when))
    now_on = _NOW_ON.match(text)
    if now_on and not raw_question(text):
        # "The dentist is now on friday", "the standup is now at 10": that task is due then
        # (before: a new task 'The dentist is now'). "It" needs "on": "it's now 5pm" tells the time.
        when, leftover = _when_only(now_on.group("when"), now)
        pronoun = _PRONOUN.match(now_on.group("ref").strip())
        if when is not None and not leftover and (not pronoun or now_on.group("on")):
            return _req("update", now_on.group("ref"), Changes(due=when))
    do_it = re.match(
        r"^(?:do|have|get|finish)\s+(?:it|that|this)(?:\s+done)?\s+(?P<when>.+)$", text, re.IGNORECASE
    )
    if do_it:
        # "do it tonight", "have that done by friday": the last task is due then ("do the
        # laundry tonight" is a new task).
        when, leftover = _when_only(do_it.group("when"), now)
        if when is not None and not leftover:
            return _req("update", None, Changes(due=when))
    verb = re.match(_DUE_VERBS, text, re.IGNORECASE)
    if not verb or _ADD_LEAD.match(text) or _puts_a_chore(text, verb, now):
        return None
    rest = text[verb.end() :]
    rest = re.sub(
        r"^(?:the\s+)?(?:due\s+date|deadline|due\s+time|date|time|due)\s+(?:of|for|on)\s+",
        "",
        rest,
        flags=re.IGNORECASE,
    )
    # "to tuesday same time", "to friday at the same time": the task's time of day is kept.
    same = _SAME_TIME.search(rest)
    if same:
        rest = rest[: same.start()]
    shifting = verb.group(0).lower().split()[0] in (
        "postpone",
        "push",
        "delay",
        "defer",
        "snooze",
        "bump",
        "put",
    )
    if shifting:
        shift = re.match(
            r"^(?P<ref>.+?)\s+(?:(?:back|out|forward)\s+)?(?:by|for)?\s*(?P<n>(?:\d+|an?|one|two|three|four|five|six|seven|a\s+couple\s+of|"
            r"a\s+few)\s+(?:minutes?|mins?|hours?|days?|weeks?|months?))$|^(?P<ref2>.+?)\s+(?P<n2>(?:an?|one|\d+)\s+(?:day|week|hour|month)s?)$",
            rest,
            re.IGNORECASE,
        )
        if shift:
            offset = take_offset(Scanner(shift.group("n") or shift.group("n2")))
            if offset is not None:
                return _req("update", shift.group("ref") or shift.group("ref2"), Changes(shift=offset))
    # The first "to"/"for"/"until" whose tail is a date and nothing else splits the task's
    # name from the new date ("Move the Monday call to Friday").
    splits = list(re.finditer(r"\s+(?:to|for|until|till)\s+", rest, re.IGNORECASE))
    for split in splits:
        head, tail = rest[: split.start()], rest[split.start() :]
        when, leftover = _when_only(tail, now)
        if when is not None and not leftover and head.strip():
            later = bool(_LATER_VERB.match(text))
            return _req("update", head, Changes(due=when, keep_time=same is not None, later_only=later))
    scan = Scanner(rest)
    when = take_when(scan, now)
    if when is None:
        return None
    ref = re.sub(r"\s+(?:to|for|until|till|on|at|by|due)$", "", scan.rest(), flags=re.IGNORECASE)
    return _req("update", ref or None, Changes(due=when, keep_time=same is not None))


_NOW_ON = re.compile(
    r"^(?P<ref>.+?)\s*(?:\s(?:is|are)|'s|\u2019s)\s+now\s+(?:(?P<on>on|for)\s+)?(?P<when>.+)$", re.IGNORECASE
)
_SAME_TIME = re.compile(
    r"(?:\s*,\s*|\s+)(?:at\s+|for\s+)?(?:the\s+)?same\s+time(?:\s+as\s+(?:before|now|it\s+is))?$",
    re.IGNORECASE,
)


def _when_only(text: str, now: datetime) -> tuple[When | None, str]:
    scan = Scanner(text)
    when = take_when(scan, now)
    leftover = re.sub(
        r"\b(?:to|for|until|till|on|at|by|due|the|instead|please|then)\b", "", scan.rest(), flags=re.I
    )
    return when, leftover.strip(" ,.!?")


# What may follow a delete, about the task deleted: "..., that wasn't a task", "..., it was a
# mistake", "..., stop it completely", "- get rid of it for good". Not part of the task's name.
_AFTER_A_DELETE = re.compile(
    r"\s*(?:[,;.]|\s[\u2014\u2013-])\s*(?:(?:that|it|this)(?:'s|\s+is|\s+was|\s+wasn'?t|\s+isn'?t|\s+was\s+not|\s+is\s+not)\s+"
    r"(?:(?:not\s+)?(?:a|my|meant\s+to\s+be\s+a|supposed\s+to\s+be\s+a)\s+(?:task|mistake|typo)|wrong|an\s+accident|"
    r"by\s+mistake|a\s+mistake)|(?:i\s+)?(?:added|made)\s+(?:it|that|this)\s+by\s+mistake|my\s+mistake|"
    r"(?:just\s+|please\s+)?(?:stop|delete|remove|drop|cancel|end|scrap|bin|get\s+rid\s+of)\s+(?:it|that|this|them)"
    r"(?:\s+(?:completely|entirely|altogether|totally|for\s+good|please))?)[\s.!]*$",
    re.IGNORECASE,
)


def _read_delete(text: str, now: datetime) -> Request | None:
    said = _AFTER_A_DELETE.search(text)
    if said and said.start():
        # "delete the mate one, that wasn't a task", "I don't want the gym task anymore, stop it
        # completely": the delete said before it.
        found = _read_delete(text[: said.start()], now)
        if found is not None and found.ref and not found.pronoun:
            return found
    patterns = (
        # "trash goes out every other wednesday night", "bin day is friday": the noun, no command.
        r"^(?!(?:trash|bin|scrap)\s+(?:goes|go|gets|needs|is|are|day|days|pickup|collection|cans?|bags?|bins?|truck)\b)"
        r"(?:delete|remove|erase|trash|cancel|drop|discard|scrap|scratch|ditch|kill|nuke|bin|get\s+rid\s+of|forget(?:\s+about)?|"
        r"take\s+off|cross\s+out|strike)\s+(?P<ref>.+?)(?:\s+(?:from|off)\s+" + _A_LIST + ")?$",
        # "take milk off my shopping list": the thing taken off is the task.
        r"^take\s+(?P<ref>.+?)\s+(?:from|off|out\s+of)\s+" + _A_LIST + "$",
        r"^(?:i|we)\s+(?:don't|do\s+not|no\s+longer)\s+(?:need|have|want)\s+to\s+(?P<ref>.+?)(?:\s+any\s*more)?$",
        # "I don't want the gym task anymore", "I no longer need the milk": that task goes.
        r"^(?:i|we)\s+(?:don'?t|do\s+not)\s+(?:need|want)\s+(?P<ref>.+?)\s+(?:any\s*more|any\s+longer)$",
        r"^(?:i|we)\s+no\s+longer\s+(?:need|want)\s+(?P<ref>.+?)$",
        r"^(?P<ref>.+?)\s+(?:is|are)\s+(?:no\s+longer\s+needed|not\s+needed\s+any\s*more|cancell?ed|off|not\s+happening)$",
        r"^never\s*mind\s+(?:about\s+)?(?P<ref>.+)$",
        r"^(?P<ref>.+?)\s*(?:-|:|,|\.)\s*(?:just\s+|please\s+|you\s+can\s+)?(?:delete|remove|drop|scrap)\s+(?:it|that|this)$",
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            ref, whole_series = _series_said(m.group("ref"))
            # "I don't need to water the plants any more", "yoga is no longer needed": for good.
            whole_series = whole_series or bool(re.search(r"\b(?:any\s*more|no\s+longer)\b", text, re.I))
            if re.match(r"drop\s", text, re.IGNORECASE):
                dropped = _read_drop(text, ref, now)
                return dropped and replace(dropped, whole_series=whole_series)
            return _req("delete", ref, whole_series=whole_series)
    return None


# A delete said of a repeating task's whole series: "the (whole) gym series", "gym for good",
# "gym and stop repeating", "gym and all future ones".
_WHOLE_SERIES = re.compile(
    r"^(?:(?:the|my)\s+)?(?:(?:whole|entire)\s+)?(?P<ref>.+?)(?:'s)?\s*,?\s+"
    r"(?:(?:whole\s+|entire\s+)?series|for\s+good|forever|permanently|"
    r"(?:and\s+)?(?:(?:stop|end)\s+(?:it\s+|the\s+series\s+)?(?:repeating|recurring)|"
    r"(?:its|the)\s+(?:whole\s+|entire\s+)?series|all\s+(?:the\s+)?(?:future|next|later|coming)\s+ones))$",
    re.IGNORECASE,
)


def _series_said(ref: str) -> tuple[str, bool]:
    """The task a delete names, and whether its whole series was said."""
    m = _WHOLE_SERIES.match(ref.strip())
    return (m["ref"], True) if m else (ref, False)


# "Drop" deletes and starts an errand. "Drop off the package", "drop by the bank", "drop in on
# grandma", "drop the package off", "drop the kids off at school" are errands ("drop X off my
# list" is no errand) ...
_DROP_ERRAND = re.compile(
    r"^drop\s+(?:off|by|in\s+(?:on|at))\s|"
    r"^drop\s+\S.*?\s+off(?:$|\s+(?!" + _A_LIST + "))",
    re.IGNORECASE,
)
# ... as is "drop X at <a place>": "drop the kids at school tomorrow", "drop mom at the airport
# friday" (a time read out of the words first: "drop the dentist at 3" names a task) ...
_AT_A_PLACE = re.compile(r"\sat\s+(?!\d)\S", re.IGNORECASE)
# ... while "the dentist task", "from my list", "it", "everything" say a task is meant.
_SAYS_A_TASK = re.compile(
    r"\b(?:tasks?|items?|to-?dos?|entry|entries|reminders?)\b|"
    r"\b(?:from|off)\s+" + _A_LIST + "|"
    r"^drop\s+(?:everything|all|both|each|every|any)\b",
    re.IGNORECASE,
)


def _read_drop(text: str, ref_text: str, now: datetime) -> Request | None:
    """'Drop off the package', 'drop by the bank', 'drop mom at the airport friday': an errand,
    None (the message is a new task). 'Drop the dentist task', 'drop X from my list', 'drop it':
    a delete, as before. A plain 'drop X': the task whose title has every word of X is
    deleted, else the message is a new task ('drop the rental car'), as 'skip breakfast' is."""
    if _DROP_ERRAND.match(text):
        return None
    scan = Scanner(ref_text)
    when = take_when(scan, now)
    if _AT_A_PLACE.search(" " + scan.rest()):
        return None
    # "Drop the dentist tomorrow": the task 'Dentist' if there is one, else a new task for tomorrow.
    request = _req("delete", scan.rest() if when is not None and scan.rest().strip() else ref_text)
    if request.pronoun or _SAYS_A_TASK.search(text):
        return request
    return replace(request, whole_ref=True, fallback=read_add(text, now))


# -- the order of a list ---------------------------------------------------------------------
# How people ask for an order, as list_tasks' sort and order; the first that matches wins.
_SORT_PHRASES: tuple[tuple[str, str, str | None], ...] = (
    (
        r"(?:by|in\s+order\s+of|according\s+to)\s+(?:the\s+|their\s+)?(?:date|time|when)\s+(?:i\s+)?(?:added|created)(?:\s+them)?|"
        r"by\s+creation(?:\s+date)?",
        "created_at",
        "asc",
    ),
    (
        r"(?:by|in\s+order\s+of|according\s+to)\s+(?:the\s+|their\s+)?(?:due\s+dates?|due\s+times?|deadlines?|dates?|due|"
        r"when\s+(?:they'?re|they\s+are)\s+due)|(?:due[- ]date|deadline|date)\s+order|chronological(?:ly)?(?:\s+order)?|"
        r"soonest(?:\s+due)?(?:\s+first)?",
        "due_at",
        None,
    ),
    (
        r"(?:by|in\s+order\s+of|according\s+to)\s+(?:the\s+|their\s+)?(?:priority|priorities|importance|urgency)|"
        r"(?:priority|importance)\s+order|most\s+(?:important|urgent)\s+first|highest\s+priority\s+first",
        "priority",
        None,
    ),
    (
        r"(?:by|in\s+order\s+of)\s+(?:the\s+|their\s+)?(?:names?|titles?)|alphabetical(?:ly)?(?:\s+order)?|a\s*(?:to|-)\s*z",
        "title",
        None,
    ),
    (
        r"newest(?:\s+first)?|latest|most\s+recent(?:ly\s+added)?(?:\s+first)?|recently\s+added",
        "created_at",
        "desc",
    ),
    (r"oldest(?:\s+first)?", "created_at", "asc"),
)
_REVERSED = re.compile(r"\b(?:desc(?:ending)?|in\s+reverse(?:\s+order)?|reversed?|backwards?)\b")


def read_sort(text: str) -> tuple[str | None, str | None, str]:
    """The sort and order a message asks for ('by due date' -> due_at, 'newest first' ->
    created_at desc; 'in reverse' flips it), and the message in lower case without those
    words."""
    low = text.lower()
    for pattern, sort, order in _SORT_PHRASES:
        m = re.search(r"\b(?:" + pattern + r")\b", low)
        if m is None:
            continue
        rest = low[: m.start()] + " " + low[m.end() :]
        flipped = _REVERSED.search(rest)
        if flipped:
            rest = rest[: flipped.start()] + " " + rest[flipped.end() :]
            order = "asc" if order == "desc" else "desc"
        return sort, order, rest
    return None, None, low


_SORT_VERB = re.compile(
    r"^(?:sort|re-?sort|order|re-?order|arrange|rearrange|organi[sz]e|reorgani[sz]e|rank|put)\s+",
    re.IGNORECASE,
)
# What a sort may name besides the order: the list, and the filters read_filters reads.
_SORTABLE = frozenset(
    re.findall(
        r"\S+",
        "my our the all of whole entire full current open remaining pending outstanding task tasks list lists "
        "to-do to-dos todo todos to do item items things stuff everything them these those it in order please first "
        "today today's tonight tomorrow tomorrow's overdue this week week's completed done finished high low medium "
        "urgent important priority tagged",
    )
)


def _read_sort(text: str, now: datetime) -> Request | None:
    """'Sort my list by priority', 'order my tasks by due date', 'put them in alphabetical
    order': the list, in that order. 'Sort the photos by date' is a task to do."""
    verb = _SORT_VERB.match(text)
    if verb is None:
        return None
    sort, _, rest = read_sort(text[verb.end() :])
    named = [w for w in re.findall(r"#?[\w'-]+", rest) if not w.startswith("#")]
    if sort is None:
        return _read_sort_unsaid(verb.group(0), rest, named, text, now)
    if any(w not in _SORTABLE and w not in TAG_SYNONYMS for w in named):
        return None
    return Request("list", filters=read_filters(text, now))


# The list itself, as "sort my list" names it with no order said ("sort my stuff" is a chore).
_THE_LIST = re.compile(r"\b(?:tasks?|list|lists|to-?dos?|todos?|to\s+do|them)\b")


def _read_sort_unsaid(verb: str, rest: str, named: list[str], text: str, now: datetime) -> Request | None:
    """'Sort my list', 'organise my tasks', 'put them in order', no order said: the list in
    the API's default order, most important first (priority, then due date)."""
    if verb.lower().startswith("put") and not re.search(r"\bin\s+order\b", rest):
        return None  # "put them" alone asks for no order
    if not _THE_LIST.search(rest) or any(
        w not in _SORTABLE and w not in TAG_SYNONYMS and w != "out" for w in named
    ):
        return None
    return Request("list", filters=replace(read_filters(text, now), sort="priority"))


# -- questions -------------------------------------------------------------------------------
_LIST_LEAD = re.compile(
    r"^(?:what(?:'s|\s+is|\s+are|\s+do|\s+did|\s+have|\s+else)?|whats|show|list|display|give\s+me|tell\s+me|which|how\s+many|"
    r"do\s+i\s+have|have\s+i|anything|any|read|see|view|get|are\s+there|is\s+there|let\s+me\s+see|can\s+i\s+see|"
    r"remind\s+me\s+what|where\s+am\s+i|am\s+i)\b",
    re.IGNORECASE,
)
_LISTY = re.compile(
    r"\b(?:tasks?|to-?dos?|to\s+do|list|lists|due|overdue|late|agenda|plate|schedule|pending|open|left|remaining|outstanding|"
    r"completed|done|finished|finish|accomplished|accomplish|achieved|priority|priorities|urgent|important|everything|anything|next|today|tomorrow|this\s+week|"
    r"tagged|up\s+to|on\s+for|coming\s+up|upcoming|have\s+to\s+do|need\s+to\s+do|should\s+i\s+do|all)\b|#\w",
    re.IGNORECASE,
)


# A question about a day that may have no list word: "what do I have on monday?", "am I free
# on friday?", "anything on the 4th?", "what about saturday?" ("get groceries on saturday" is a
# task, so only these leads).
_DAY_QUESTION_LEAD = re.compile(
    r"^(?:what(?:'s|\s+is|\s+are|\s+do|\s+have)?(?!\s+time\b)|whats|which|do\s+i\s+have|have\s+i\s+got|anything|"
    r"any|is\s+there|are\s+there|am\s+i\s+(?:busy|free))\b",
    re.IGNORECASE,
)
_WHAT_ABOUT_DAY = re.compile(
    r"^(?:(?:and|so|ok|okay)[,\s]+)?(?:(?:what|how)\s+about|and)\s+(?P<day>.+)$", re.I
)


# "Did I finish anything today?", "have I done anything this week": what was completed then
# (before: a task called 'anything today' was looked for). "Did I finish the report?" is no list.
_DID_I_ANY = re.compile(
    r"^(?:did|have)\s+(?:i|we)\s+(?:already\s+|actually\s+|really\s+)?(?:finish(?:ed)?|complete(?:d)?|do|done|"
    r"get\s+done|got\s+done|tick(?:ed)?\s+off|check(?:ed)?\s+off|cross(?:ed)?\s+off)\s+"
    r"(?:anything|something|much|any\s+(?:tasks?|things?|to-?dos?))\b|"
    r"^(?:did|have)\s+(?:i|we)\s+(?:get|got|gotten)\s+(?:anything|something|much|any\s+(?:tasks?|things?))\s+done\b",
    re.IGNORECASE,
)
# "Which client has the most open tasks?", "what project has the most to do?": counted per tag.
_MOST_BY_TAG = re.compile(
    r"^(?:which|what)\s+(?P<noun>client|customer|project|tag|list|category|account|area|label)s?\s+"
    r"(?:has|have|'s\s+got|has\s+got)\s+(?:the\s+)?(?:most|more|biggest\s+number\s+of)\s+"
    r"(?:open\s+|pending\s+|unfinished\s+|outstanding\s+)?(?:tasks|to-?dos|things|items|work|to\s+do|stuff)\b",
    re.IGNORECASE,
)


def _read_list(text: str, now: datetime) -> Request | None:
    if _DID_I_ANY.match(text):
        # "did I get anything done today": read as "did I get done anything today".
        said = re.sub(
            r"\b(get|got|gotten)\s+(anything|something|much|any\s+\w+)\s+done\b", r"\1 done \2", text
        )
        return Request("list", filters=read_filters(said, now))
    most = _MOST_BY_TAG.match(text)
    if most:
        return Request(
            "list", filters=Filters(status="open", limit=100, count_by_tag=most.group("noun").lower())
        )
    day_asked = _day_asked(text, now) is not None
    follow_up = _WHAT_ABOUT_DAY.match(text)
    if follow_up and (
        _day_asked(follow_up.group("day"), now, whole=True) is not None
        or re.fullmatch(r"(?:for\s+)?(?:today|tonight|tomorrow)", follow_up.group("day"), re.I)
    ):
        # "what about monday?" after a day's list: that day's list (a task's name is asked about).
        return Request("list", filters=read_filters(follow_up.group("day"), now))
    if not _LIST_LEAD.match(text) or _what_time_is_task(text):
        return None
    if (
        not _LISTY.search(text)
        and not (day_asked and _DAY_QUESTION_LEAD.match(text))
        and not _WHAT_FIRST.search(text.lower())  # "what should I work on first?"
    ):
        return None
    if re.search(
        r"\b(?:about|regarding|related\s+to|mentioning|matching|containing|called|named)\b",
        text,
        re.IGNORECASE,
    ):
        return None
    return Request("list", filters=read_filters(text, now))


# "What should I do first?", "what's most important?", "what to do next": what to do, in the
# order to do it (no filter to the important ones: a task due tonight may come first). "What
# should I do now?" reaches here as "what should i do" (_strip_polite takes a last "now"), so
# the question said with nothing after it is this one too.
_WHAT_FIRST = re.compile(
    r"\b(?:what(?:'?s|\s+is)\s+next(?!\s+(?:week|weekend|month|year|\w*day)\b)|"
    r"what(?:\s+(?:should|shall|must|do|can)\s+i)?\s+(?:to\s+)?(?:do|work\s+on|tackle|start\s+(?:with|on))\s+"
    r"(?:next|now|first)|what\s+(?:should|shall)\s+i\s+(?:do|work\s+on|tackle)$|what(?:'?s|\s+is)\s+(?:the\s+)?most\s+important(?:\s+(?:thing|one|task)s?)?)\b"
)


def read_filters(text: str, now: datetime) -> Filters:
    # The order asked for first, so its words ("most important first") filter nothing.
    sort, order, low = read_sort(text)
    said = _WHAT_FIRST.search(low) if sort is None else None
    what_first = said is not None
    if said is not None:
        low = low[: said.start()] + " " + low[said.end() :]
    status = "open"
    if re.search(r"\b(?:completed|done|finished|accomplished|checked\s+off)\b", low) and not re.search(
        r"\b(?:not\s+(?:done|completed|finished)|still|left|remaining|to\s+be\s+done)\b", low
    ):
        status = "completed"
    if re.search(
        r"\b(?:all\s+(?:my\s+)?tasks\s+including|including\s+(?:the\s+)?(?:completed|done|finished)|every\s+task|all\s+tasks\s+ever)\b",
        low,
    ):
        status = "all"
    priority = _priority_group(Scanner(low))
    tags: list[str] = [tag_name(t) for t in re.findall(r"#([\w-]+)", text)]
    m = re.search(
        r"\b(?:tagged|labell?ed|with\s+(?:the\s+)?tag)\s+(?:as\s+|with\s+)?#?([\w-]+)", text, re.IGNORECASE
    )
    if m:
        tags.append(tag_name(m.group(1)))
    for word, tag in TAG_SYNONYMS.items():
        if tag != "Urgent" and re.search(
            rf"\b(?:my\s+|the\s+)?{word}\s+(?:tasks|list|to-?dos|items|stuff|things)\b", low
        ):
            tags.append(tag)
    tags = list(dict.fromkeys(tags))
    tag_said = None if tags else _tag_said(text)
    due = None
    due_after = due_before = None
    due_when = None
    if re.search(r"\b(?:overdue|late|past\s+due|missed)\b", low):
        due = "overdue"
    elif re.search(r"(?<!after\s)\btomorrow\b", low):  # "the day after tomorrow" is a day asked
        start = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        due_after, due_before, due_when = start, start + timedelta(days=1), "tomorrow"
    elif re.search(r"\b(?:today|tonight|this\s+evening|this\s+afternoon)\b", low):
        due = "today"
    elif re.search(r"\bnext\s+week\b", low):
        # The calendar week after this one, Monday to Sunday (as "last week" is for what was
        # done); due_after is strict: a second before Monday's midnight takes a task due then.
        today = now.replace(hour=0, minute=0, second=0, microsecond=0)
        monday = today + timedelta(days=7 - now.weekday())
        due_after, due_before, due_when = (
            monday - timedelta(seconds=1),
            monday + timedelta(days=7),
            "next week",
        )
    elif re.search(r"\b(?:this\s+week|next\s+(?:7|seven)\s+days|coming\s+week|week)\b", low):
        due = "week"
    elif re.search(r"\b(?:no|without\s+a?)\s+(?:due\s+date|deadline)\b", low):
        due = "none"
    elif (days := _day_asked(low, now)) is not None:
        # "anything on friday?", "what's due saturday", "this weekend": due on those days only.
        first, after, due_when = days
        start = datetime.combine(first, time(0, 0), tzinfo=now.tzinfo)
        due_after, due_before = (
            start - timedelta(seconds=1),
            datetime.combine(after, time(0, 0), tzinfo=now.tzinfo),
        )
    completed_after = completed_before = completed_when = None
    if _ASKS_WHAT_WAS_DONE.search(low) and not re.search(
        r"\b(?:still|left|remaining|not|to\s+do|need)\b", low
    ):
        # "What did I finish this week?": what was completed then, not what is due then.
        status, due, due_after, due_before, due_when = "completed", None, None, None, None
        completed_after, completed_before, completed_when = _done_window(low, now)
        sort, order = "completed_at", order or "desc"
    elif status == "completed" and sort is None:
        sort, order = "completed_at", "desc"  # "what have I completed?": the latest first
    limit = 50
    if what_first or re.search(
        r"\b(?:what'?s\s+next|what\s+(?:should|do)\s+i\s+do\s+(?:next|now|first)|top\s+\d+|most\s+important)\b",
        low,
    ):
        limit = 5
    return Filters(
        first=what_first,
        status=status,
        priority=priority,
        tags=tuple(tags),
        due=due,
        due_after=due_after,
        due_before=due_before,
        sort=sort,
        order=order,
        limit=limit,
        completed_after=completed_after,
        completed_before=completed_before,
        completed_when=completed_when,
        due_when=due_when,
        tag_said=tag_said,
    )


# "What's due this week for cs101?", "anything due tomorrow for work?", "what's due in
# cs101 this week": the word after the last "for" / "in" of a list question may be a tag of
# the user's; not a word of days and times ("for friday", "in december") or of the list.
_FOR_A_TAG = re.compile(
    r"\b(?:for|in)\s+(?:my\s+|the\s+|our\s+)?#?(?P<tag>[a-z][\w-]*)(?:\s+(?:class|course|project|tag))?"
    r"(?:\s+(?:today|tonight|tomorrow|this\s+week(?:end)?|next\s+week))?\s*[?.!]*$",
    re.IGNORECASE,
)
_NOT_A_TAG_SAID = re.compile(
    r"(?:today|tonight|tomorrow|now|later|soon|week|weekend|month|year|days?|hours?|morning|afternoon|"
    r"evening|night|me|myself|us|you|it|them|this|that|these|those|next|all|everything|anything|total|"
    r"general|order|advance|progress|list|tasks?|to-?dos?|calendar|agenda|schedule|plate|queue|future|"
    r"time|a|an|" + ANY_WEEKDAY + "|" + MONTH + r")",
    re.IGNORECASE,
)


# "Show me the rest", "show more", "the rest?", "and the others?": the next tasks of the list
# last shown ("mark the rest as done", "get some rest" are other requests).
_THE_REST = re.compile(
    r"^(?:(?:and|ok(?:ay)?|so|then)\b[\s,]*)?(?:(?:can|could)\s+(?:you|i)\s+(?:please\s+)?|please\s+)?"
    r"(?:(?:show|give|list|tell|see)\s+(?:me\s+|us\s+)?)?"
    r"(?:the\s+)?(?:rest|others|other\s+(?:ones|tasks)|remaining\s+(?:ones|tasks)|more(?:\s+tasks)?|next\s+(?:ones|page|few))"
    r"(?:\s+(?:of\s+them|of\s+the\s+list|please|too))?[\s?.!]*$",
    re.IGNORECASE,
)


def _tag_said(text: str) -> str | None:
    m = _FOR_A_TAG.search(text)
    return None if m is None or _NOT_A_TAG_SAID.fullmatch(m.group("tag")) else m.group("tag")


# The day a question ends with: "(on / for / due / this / next) friday", "dec 4", "the 4th",
# "4 december", "12/4", "the day after tomorrow"; or a weekend.
_DAY_ASKED = re.compile(
    r"(?:^|\s)(?P<day>(?:(?:on|for|due|this|next|coming)\s+)*(?:the\s+)?(?:"
    + ANY_WEEKDAY
    + r"|"
    + MONTH
    + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + MONTH
    + r"|\d{1,2}/\d{1,2}|\d{1,2}(?:st|nd|rd|th)|day\s+after\s+tomorrow))\.?$",
    re.IGNORECASE,
)
_WEEKEND_ASKED = re.compile(
    r"(?:^|\s)(?:(?:on|over|for|during|due)\s+)?(?P<which>this|next|the|coming)\s+weekend$", re.IGNORECASE
)


def _day_asked(text: str, now: datetime, *, whole: bool = False) -> tuple[date, date, str] | None:
    """The days a question ends by naming ("anything on friday?", "what's due dec 4", "what
    do I have this weekend"): the first, the day after the last, and how the reply names them
    ("on Friday", "this weekend"). With `whole`, only when the day is all the text says. A day
    is read as a due date is (a weekday is the next such day after today). Before, the list
    was every open task, and "what do I have on monday" searched for the word "monday"."""
    said = text.strip().lower()
    today = now.date()
    weekend = _WEEKEND_ASKED.search(said)
    if weekend and (not whole or weekend.start() == 0):
        upcoming = weekend.group("which") == "next"
        if today.weekday() >= 5 and not upcoming:
            first = today  # said on a Saturday or Sunday: the rest of this one
        else:
            first = today + timedelta(days=(5 - today.weekday()) % 7 or 7)  # the coming Saturday
            if upcoming and today.weekday() < 5:
                first += timedelta(days=7)  # "next weekend" on a weekday: the one after, as a due date is
        after = first + timedelta(days=7 - first.weekday())  # the Monday after it
        return first, after, ("next weekend" if upcoming else "this weekend")
    m = _DAY_ASKED.search(said)
    if m is None or (whole and m.start("day") != 0):
        return None
    day = re.sub(r"^(?:(?:on|for|due|this|next|coming)\s+)*", "", m.group("day"))
    if re.match(r"^\d", day) and re.match(r"^\d{1,2}(?:st|nd|rd|th)$", day):
        day = "the " + day  # "on the 4th"
    found, _ = take_date(Scanner("on " + day), today, now)
    if found is None:
        return None
    return found.day, found.day + timedelta(days=1), _day_named(found.day, now)


def _day_named(day: date, now: datetime) -> str:
    """How a list names the day it is for: 'today', 'tomorrow', 'on Friday', 'on Fri, Dec 4'
    ('on Fri 4 Dec' in London: datestyle.calendar_day)."""
    today = now.date()
    ahead = (day - today).days
    if ahead in (0, 1):
        return "today" if ahead == 0 else "tomorrow"
    if 1 < ahead < 7:
        return f"on {day:%A}"
    return f"on {calendar_day(day, now.tzinfo, year=day.year != today.year and ahead >= 180)}"


# "What did I do / finish / get done ...", "what have I completed ...", "what I've done".
_ASKS_WHAT_WAS_DONE = re.compile(
    r"\b(?:did|have|'ve)\s+(?:i|we)\s+(?:(?:already|actually|really)\s+)?(?:do|done|finish(?:ed)?|complete(?:d)?|"
    r"get\s+done|got\s+done|accomplish(?:ed)?|achieve(?:d)?|tick(?:ed)?\s+off|check(?:ed)?\s+off|cross(?:ed)?\s+off)\b|"
    r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:finished|completed|done|accomplished|got\s+done|gotten\s+done)\b"
)


def _done_window(low: str, now: datetime) -> tuple[datetime | None, datetime | None, str | None]:
    """The span of completion times the words name: today, yesterday, this or last week
    (from Monday), this month; (None, None, None) for all time."""
    today = datetime.combine(now.date(), time(0, 0), tzinfo=now.tzinfo)
    monday = today - timedelta(days=now.weekday())
    if re.search(r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b", low):
        return today, today + timedelta(days=1), "today"
    if re.search(r"\byesterday\b", low):
        return today - timedelta(days=1), today, "yesterday"
    if re.search(r"\b(?:last|past|previous)\s+week\b", low):
        return monday - timedelta(days=7), monday, "last week"
    if re.search(r"\b(?:this|the)\s+week\b|\bweek\b", low):
        return monday, monday + timedelta(days=7), "this week"
    if re.search(r"\bthis\s+month\b", low):
        first = today.replace(day=1)
        return first, first + relativedelta(months=1), "this month"
    return None, None, None


def _read_search(text: str, now: datetime) -> Request | None:
    m = re.match(
        r"^(?:find|search(?:\s+for)?|look\s+(?:up|for)|lookup|seek|locate|grep)\s+(?:me\s+)?(?:for\s+)?(?P<q>.+)$",
        text,
        re.IGNORECASE,
    )
    if m is None:
        m = re.match(
            r"^(?:do\s+i\s+have|have\s+i\s+got|is\s+there|are\s+there|any|anything|what(?:'s|\s+is|\s+do\s+i\s+have)?|show\s+me|"
            r"list|which)\s+(?:any(?:thing)?|a|an|some|my)?\s*(?:tasks?|to-?dos?|items?|things?|stuff|one)?\s*"
            r"(?:about|regarding|related\s+to|mentioning|matching|containing|called|named|with|for|on|to\s+do\s+with)\s+(?P<q>.+?)\??$",
            text,
            re.IGNORECASE,
        )
    if m is None:
        return None
    query = re.sub(
        r"^(?:any(?:thing|\s+tasks?)?|every(?:thing)?|all|tasks?|to-?dos?|items?|stuff|things?|the\s+tasks?)\s+"
        r"(?:about|regarding|related\s+to|for|on|with|mentioning|matching|containing|called|named|to\s+do\s+with)\s+",
        "",
        m.group("q").strip(),
        flags=re.IGNORECASE,
    )
    query = re.sub(r"^(?:about|for|on|the\s+word)\s+", "", query, flags=re.IGNORECASE)
    query = re.sub(r"^(?:the|my|a|an)\s+", "", query.strip(" ?.!\"'"), flags=re.IGNORECASE)
    if not query:
        return None
    return Request("search", query=query, filters=Filters(status="all"))


# "Did I already call mom?": whether the task 'Call mom' is done. Not "did I add milk?" nor
# "did I forget anything?", which ask about the list rather than name a task.
_DID_I = re.compile(
    r"^did\s+(?:i|we)\s+(?:already\s+|ever\s+|actually\s+|really\s+|even\s+)?(?P<ref>.+?)"
    r"(?:\s+(?:already|yet|or\s+not|yet\s+or\s+not))?$",
    re.IGNORECASE,
)
_DID_I_NOT_A_TASK = re.compile(
    r"^(?:add|create|make|put|set|schedule|save|enter|write\s+down|note|list|forget|miss|tell|say|ask|mention|"
    r"mean|want|need|have|get|lose|delete|remove|change|move|mark|type)\b",
    re.IGNORECASE,
)


# "What time is it?", "what's the time": the clock, not a task called 'it'.
_WHAT_TIME = re.compile(
    r"^(?:(?:do\s+you\s+know|(?:can|could)\s+you\s+tell\s+me)\s+)?(?:what\s+time\s+(?:is\s+it|it\s+is)|what(?:'s|\s+is)\s+the\s+time)"
    r"(?:\s+(?:now|right\s+now|here))?[\s?!.]*$",
    re.IGNORECASE,
)
# "When is the next yoga?", "when's my next dentist appointment": the open one.
_NEXT = re.compile(
    r"^(?:the\s+|my\s+)?next\s+(?!(?:week|month|year|weekend|time|\w+day)\b|\w+'s\b)(?=\S)", re.IGNORECASE
)


# "What time is the next yoga", "what time is yoga tomorrow": one task's due time, the open one
# (before: a list of the day's tasks). Not when the words left are a list's ('my next task').
_WHAT_TIME_IS = re.compile(
    r"^what\s+time\s+is\s+(?P<ref>.+?)(?:\s+due)?(?P<day>\s+(?:today|tonight|tomorrow))?(?:\s+due)?\??$",
    re.IGNORECASE,
)


def _what_time_is_task(text: str) -> str | None:
    m = _WHAT_TIME_IS.match(text)
    if m is None or _WHAT_TIME.match(text):
        return None
    ref = m.group("ref")
    if _NEXT.match(ref):
        ref = _NEXT.sub("", ref)
    elif not m.group("day"):
        return None
    if (
        not ref.strip()
        or _LISTY.search(ref)
        or re.match(r"(?:it|this|that|everything|anything)\b", ref, re.I)
    ):
        return None
    return ref


def _read_show(text: str, now: datetime) -> Request | None:
    if _WHAT_TIME.match(text):
        return Request("time")
    asked = _what_time_is_task(text)
    if asked:
        return replace(_req("show", asked), open_only=True)
    when = re.match(
        r"^(?:when\s+is|when's|what\s+time\s+is)\s+(?P<ref>.+?)(?:\s+due)?\??$", text, re.IGNORECASE
    )
    if when and _NEXT.match(when.group("ref")):
        return replace(_req("show", _NEXT.sub("", when.group("ref"))), open_only=True)
    patterns = (
        r"^(?:when\s+is|when's|what\s+time\s+is|when\s+do\s+i\s+(?:need|have)\s+to(?:\s+do)?)\s+(?P<ref>.+?)(?:\s+due)?\??$",
        r"^(?:tell\s+me\s+(?:more\s+)?about|show\s+me|show|details\s+(?:of|for|on|about)|what\s+about|"
        r"what(?:'s|\s+is)\s+the\s+(?:status|deadline|due\s+date|priority)\s+(?:of|for|on))\s+(?P<ref>.+?)\??$",
        # "is it urgent?", "is the report important?": that task, its priority shown (before:
        # a task matching 'it urgent' looked for).
        r"^is\s+(?P<ref>.+?)\s+(?:(?:very|really|that|so)\s+)?(?:urgent|important|critical|high\s+priority|"
        r"a\s+priority)\??$",
        r"^(?:is|did\s+i\s+(?:finish|complete|do))\s+(?P<ref>.+?)(?:\s+(?:done|finished|complete(?:d)?))?\??$",
    )
    for pattern in patterns:
        m = re.match(pattern, text, re.IGNORECASE)
        if m:
            return _req("show", m.group("ref"))
    m = _DID_I.match(text)
    if m and not _DID_I_NOT_A_TASK.match(m.group("ref")):
        return _req("done_yet", m.group("ref"))
    if raw_question(text) and not _ADD_LEAD.match(text):
        return Request("unclear")
    return None
