# ruff: noqa: E501 - the English vocabularies below read better as unbroken patterns.
"""Requests the assistant has no tool for, asked of the assistant: "can you text me my list?",
"please call my dentist for me", "send my tasks to my phone". Pure.

Only the form of the request tells them from to-dos with the same verbs: "text mom about
dinner", "email John the report tomorrow" and "call dentist friday" are things the user
will do, and stay new tasks. A request is asked of the assistant when it is put to it
("can you / could you / would you / I'd like you to ..."), asks for it to be done "for me",
makes the user its recipient ("text me ...", "email me ..."), or is about the assistant's
own list ("send my tasks ...", "share my list ...", "... to my phone / calendar")."""

import re
from dataclasses import dataclass

# What each verb asks for, as "I can't ..." says it.
_DOING = {
    "text": "send text messages",
    "sms": "send text messages",
    "whatsapp": "send messages",
    "message": "send messages",
    "email": "send emails",
    "e-mail": "send emails",
    "mail": "send mail",
    "call": "make phone calls",
    "phone": "make phone calls",
    "ring": "make phone calls",
    "dial": "make phone calls",
    "facetime": "make phone calls",
    "send": "send anything outside this app",
    "forward": "send anything outside this app",
    "share": "share anything outside this app",
    "post": "post anything online",
    "tweet": "post anything online",
    "sync": "sync with other apps or calendars",
    "export": "export your list to other apps",
    "print": "print",
    "order": "order or buy things",
    "buy": "order or buy things",
    "purchase": "order or buy things",
    "book": "make bookings",
    "reserve": "make bookings",
    "pay": "make payments",
    "alarm": "set alarms on your phone",
    "calendar": "reach your calendar",
}
_VERB = r"(?P<verb>text|sms|whatsapp|message|e-?mail|mail|call|phone|ring|dial|facetime|send|forward|share|post|tweet|sync|export|print|order|buy|purchase|book|reserve|pay)"
# "Set an alarm", "wake me up": a phone's job, whoever it is asked of.
_ALARM = re.compile(
    r"^(?:please\s+)?(?:(?:set|make|create|start)\s+(?:me\s+|up\s+)?(?:an?\s+|my\s+)?(?:alarm|timer)|wake\s+me(?:\s+up)?)\b",
    re.IGNORECASE,
)
# Put to the assistant: "can you ...", "could you please ...", "I'd like you to ...".
_ASKED = re.compile(
    r"^(?:(?:hey|hi|ok|okay|so|and|also|now|then|oh|um|actually|please)[,!.]?\s+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)|would\s+you\s+mind|i(?:'d|\s+would)\s+like\s+you\s+to|"
    r"i\s+(?:want|need)\s+you\s+to|are\s+you\s+able\s+to|is\s+it\s+possible\s+(?:for\s+you\s+)?to)\s+"
    r"(?:please\s+|also\s+|just\s+|quickly\s+)*",
    re.IGNORECASE,
)
_THING_PRONOUN = r"\s*(?:me\s+)?(?:it|this|that|them|these|those|everything|all)?\s*"
_FOR_ME = re.compile(r"\s+for\s+me(?:\s+please)?[\s.!?]*$", re.IGNORECASE)
_LIST = r"(?:(?:my|our)\s+(?:whole\s+|entire\s+|full\s+|current\s+|task\s+|to-?do\s+)?(?:list|lists|tasks|to-?dos|to-?do\s+list|task\s+list|agenda|reminders)|(?:this|the\s+whole|the\s+entire)\s+(?:list|task\s+list|to-?do\s+list)|(?:these|all\s+(?:of\s+)?(?:my|the|these))\s+tasks)\b"
_DEVICE = r"\b(?:to|on|onto|into|with|in)\s+(?:my|the|a)\s+(?:(?:google|outlook|apple|icloud|work|phone'?s?)\s+)?(?P<device>phone|cell(?:\s*phone)?|mobile|smartphone|iphone|android|watch|calendar)\b"
# Not asked of the assistant after all: a rename ("call it X"), a sort ("order them by date",
# "order my tasks"), a reminder, which is the app's own ("send me a reminder").
_NOT_ASKED = re.compile(
    r"^(?:call\s+(?:it|that|this|them)\b|order\s+(?:them|it|my|the|these|those|all)\b.*\b(?:by|alphabetical(?:ly)?|in\s+[\w-]+\s+order|(?:newest|oldest|important)\s+first)\b|order\s+(?:them|these|those|(?:my|the|our)\s+(?:whole\s+|entire\s+)?(?:tasks|list|to-?dos|to-?do\s+list|task\s+list))(?:[\s,]+(?:please|pls|for\s+me))*[\s.!?]*$|send\s+me\s+(?:an?\s+)?(?:reminders?|notifications?|alerts?)\b)",
    re.IGNORECASE,
)
_REQUEST_TAIL = re.compile(
    r"(?:[\s,]+(?:please|pls|thanks|thank\s+you|for\s+me))+[\s.!?]*$|[\s.!?]+$", re.IGNORECASE
)


@dataclass(frozen=True)
class Cannot:
    """A request no tool can do."""

    doing: str  # what the assistant can't do: "make phone calls"
    # The request as a to-do the user could add instead ("call my dentist"); None when it is
    # about the list itself (sending it, sharing it) or is for the user ("wake me up", "call
    # me at 5"), which a reminder does.
    task: str | None
    about_list: bool = False
    # What to ask instead, when the request was about a stretch of time ("can you sort out my
    # week?"): the question that shows it ("What's due this week?").
    ask: str | None = None


# Planning a stretch of time, put to the assistant: "can you sort out my week", "could you help
# me plan tomorrow", "please organise my day", "help me plan the weekend". Said plainly ("plan
# my week") it is a task the user will do; "can you sort my tasks" is a sort, "can you plan the
# party" a task, as before: only a day, a week, ... (or the schedule, the calendar) is planned.
_PLAN = re.compile(
    r"^(?:help\s+me\s+(?:to\s+)?)?(?:sort\s+out|sort|organi[sz]e|plan(?:\s+out)?|arrange|manage|figure\s+out|"
    r"schedule|prioriti[sz]e|optimi[sz]e|structure|work\s+out)\s+"
    r"(?P<span>(?:(?:(?:my|the|this|next|our)\s+)*(?:whole\s+|entire\s+)?(?:week|day|weekend|month|morning|afternoon|"
    r"evening|schedule|calendar|time)|today|tomorrow|tonight|(?:the\s+)?rest\s+of\s+(?:the|my|this)\s+(?:day|week))"
    r"(?:\s+(?:today|tomorrow|tonight))?)(?:\s+(?:out|for\s+me|please))*[\s.!?]*$",
    re.IGNORECASE,
)
_SPAN_QUESTIONS = (
    (r"\bnext\s+week\b", "What's due next week?"),
    (r"\bnext\s+weekend\b", "What do I have next weekend?"),
    (r"\bweekend\b", "What do I have this weekend?"),
    (r"\bweek\b", "What's due this week?"),
    (r"\btomorrow\b", "What's due tomorrow?"),
    (r"\b(?:today|tonight|day|morning|afternoon|evening)\b", "What's due today?"),
)


def _planning(text: str, asked: bool) -> Cannot | None:
    """'Can you sort out my week?': no tool plans, but the list of that week is there."""
    request = re.sub(r"^(?:please|pls)\s+", "", text, flags=re.IGNORECASE)
    m = _PLAN.match(request)
    # Said plainly, "sort out my week" is a to-do of the user's; "plan my weekend", "plan my
    # week", "plan the week", "plan next week", "plan next weekend" ask what is on it.
    weekend = (
        re.fullmatch(r"(?:my\s+|our\s+)?(?:my|the|this|next)\s+week(?:end)?", m.group("span"), re.IGNORECASE)
        if m
        else None
    )
    plain_weekend = weekend is not None and re.match(r"plan\b", request, re.IGNORECASE)
    if m is None or not (
        asked or request != text or re.match(r"help\s+me\b", request, re.IGNORECASE) or plain_weekend
    ):
        return None
    span = m.group("span")
    ask = next((q for pattern, q in _SPAN_QUESTIONS if re.search(pattern, span, re.IGNORECASE)), None)
    yours = re.sub(r"\b(?:my|our)\b", "your", span, flags=re.IGNORECASE).lower()
    return Cannot(f"plan {yours} for you", None, about_list=True, ask=ask or "What's on my list?")


def read_cannot(text: str) -> Cannot | None:
    """The request `text` makes of the assistant that it has no tool for, if it is one."""
    text = text.strip()
    asked_first = _ASKED.match(text)
    planning = _planning(text[asked_first.end() :] if asked_first else text, asked_first is not None)
    if planning is not None:
        return planning
    if _ALARM.match(text):
        return Cannot(_DOING["alarm"], None)
    asked = _ASKED.match(text)
    request = text[asked.end() :] if asked else re.sub(r"^please\s+", "", text, flags=re.IGNORECASE)
    if asked and _ALARM.match(request):
        return Cannot(_DOING["alarm"], None)
    verb = re.match(_VERB + r"\b", request, re.IGNORECASE)
    device = re.search(_DEVICE, request, re.IGNORECASE)
    calendar = device is not None and device.group("device").lower() == "calendar"
    sends = re.match(
        r"(?:send|sync|export|add|put|copy|share|forward|text|email|e-mail|mail)\b", request, re.I
    )
    if device is not None and sends:
        # "send my tasks to my phone", "add the dentist to my google calendar friday"
        thing = request[sends.end() : device.start()]
        if re.search(_LIST, request, re.IGNORECASE) or re.fullmatch(_THING_PRONOUN, thing, re.IGNORECASE):
            return Cannot(_DOING["calendar" if calendar else "send"], None, about_list=True)
        task = request[: device.start()] + request[device.end() :]
        if re.match(r"(?:add|put|copy)\b", task, re.IGNORECASE):
            task = task.split(None, 1)[1] if len(task.split(None, 1)) > 1 else ""
        return Cannot(_DOING["calendar" if calendar else "send"], _as_task(task))
    if verb is None or _NOT_ASKED.match(request):
        return None
    doing = _DOING[verb.group("verb").lower().replace("e-mail", "email")]
    rest = request[verb.end() :]
    if re.match(r"\s+(?:me\s+)?" + _LIST, rest, re.IGNORECASE):
        return Cannot(doing, None, about_list=True)  # "text me my list", "share my tasks with Sam"
    if re.match(r"\s+me\b", rest, re.IGNORECASE):
        return Cannot(doing, None)  # "call me at 5": a reminder is what the app can do
    if asked or _FOR_ME.search(request):
        return Cannot(doing, _as_task(request))
    return None


def _as_task(request: str) -> str | None:
    """The request as words a task could be added with: 'call my dentist'."""
    words = _REQUEST_TAIL.sub("", _FOR_ME.sub("", request)).strip(" ,.!?")
    return words[:1].lower() + words[1:] if words else None
