"""Text helpers shared by the parsers: a scanner that takes phrases out of a message
(so what is left is the title), number words and word tokens for matching."""

import re
import unicodedata
from dataclasses import dataclass, field

# Taken phrases are replaced by this invisible separator: it is neither a word character
# nor whitespace, so later patterns can neither match it nor run across it.
MASK = "\u2063"
# A possessive after a phrase, or after a part of the day after it ("friday night's dinner").
# A word joined to the phrase by a hyphen, before or after it.
_HYPHEN_BEFORE = re.compile(r"[^\W_]-\Z")
_HYPHEN_AFTER = re.compile(r"-[^\W_]")
_POSSESSIVE = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?'s(?![^\W_])", re.IGNORECASE)

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
}
# Longest first, so "a couple of" wins over "a".
NUMBER = r"(?:\d{1,4}|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + ")"


# Nouns that number things ("chapter 3", "room 10", "episode 5", "week 3"): the number after
# them is words of the title, no hour nor date, as on the web (quick-add.ts NUMBERING_NOUN).
NUMBERING_NOUN = (
    r"(?:chapter|ch|section|sec|page|p|pp|step|part|no|nr|item|figure|fig|table|rule|v|ver|version|release|"
    r"build|room|level|lesson|episode|ep|season|unit|week|module|lecture|exercise|question|problem|act|scene|"
    r"volume|vol|issue|bug|ticket|pr|task|round|stage|phase|sprint|floor|gate|platform|row|seat)"
)
# Such a noun ending the text before a number ("read chapter " of "read chapter 3 in the
# afternoon"; quick-add.ts NUMBER_OF), searched with the number's start as the end.
NUMBER_OF = re.compile(r"(?<![^\W_])" + NUMBERING_NOUN + r"\.?\s+$", re.IGNORECASE)
# Such a noun right before a number with dots ("version 3.5.", "chapter 3.2.", "v1.2."; the web's
# NUMBERED).
NUMBERED = re.compile(r"(?<![^\W_])" + NUMBERING_NOUN + r"\.?\s*$", re.IGNORECASE)


def number(word: str) -> int:
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def normalise(message: str) -> str:
    """One line, straight quotes, single spaces."""
    text = unicodedata.normalize("NFKC", message)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


@dataclass
class Scanner:
    """Finds phrases in a message and masks them, keeping positions stable."""

    text: str
    masked: str = field(init=False)
    # Where a new task's own words begin, after "add" ("add weekly review": 4), so that a word
    # said first in them can be read as the web quick-add reads a line's first word
    # (recurrence._take_rule); None when the text is not a new task's line.
    lead: int | None = None

    def __post_init__(self) -> None:
        self.masked = self.text

    def find(self, pattern: str | re.Pattern[str]) -> re.Match[str] | None:
        """The first match, but not one that ends right before a possessive 's ("today's
        notes", "next week's menu", "every monday's standup") nor one inside a hyphenated word
        ("Fix tmrw-bug", "Fix daily-build", "bug-tmrw"): words of a title, not a date or a
        repeat (the web quick-add's rules too, frontend/lib/quick-add.ts possessiveAt and
        inHyphenatedWord). A phrase with hyphens of its own ("2030-03-20") is whole."""
        compiled = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
        for match in compiled.finditer(self.masked):
            if not _POSSESSIVE.match(self.masked, match.end()) and not self._in_hyphenated_word(match):
                return match
        return None

    def _in_hyphenated_word(self, match: re.Match[str]) -> bool:
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        end = match.start() + len(match.group().rstrip())
        if start >= end:
            return False
        return bool(_HYPHEN_BEFORE.search(self.masked, 0, start)) or bool(
            _HYPHEN_AFTER.match(self.masked, end)
        )

    def find_all(self, pattern: str | re.Pattern[str]) -> list[re.Match[str]]:
        """Every match `find` would give, in order (it gives the first)."""
        compiled = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
        return [
            match
            for match in compiled.finditer(self.masked)
            if not _POSSESSIVE.match(self.masked, match.end()) and not self._in_hyphenated_word(match)
        ]

    def take_at(self, pattern: str | re.Pattern[str], pos: int) -> re.Match[str] | None:
        """A match starting at `pos`, taken; none that `find` would pass over (a possessive's,
        one inside a hyphenated word)."""
        compiled = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
        match = compiled.match(self.masked, pos)
        if match is None or _POSSESSIVE.match(self.masked, match.end()) or self._in_hyphenated_word(match):
            return None
        self.mask(match.start(), match.end())
        return match

    def take(self, pattern: str | re.Pattern[str]) -> re.Match[str] | None:
        match = self.find(pattern)
        if match is not None:
            self.mask(match.start(), match.end())
        return match

    def mask(self, start: int, end: int) -> None:
        self.masked = self.masked[:start] + MASK * (end - start) + self.masked[end:]

    def rest(self) -> str:
        """What is not taken, as plain text."""
        return " ".join(self.masked.replace(MASK, " ").split())

    def has(self, pattern: str) -> bool:
        return self.find(pattern) is not None


# -- tokens for matching task references -----------------------------------------------------
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "to",
        "of",
        "for",
        "on",
        "in",
        "at",
        "by",
        "with",
        "from",
        "and",
        "or",
        "is",
        "are",
        "be",
        "it",
        "me",
        "i",
        "task",
        "tasks",
        "todo",
        "todos",
        "to-do",
        "item",
        "items",
        "one",
        "thing",
        "called",
        "named",
        "titled",
        "about",
        "please",
        "list",
    ]
)
_IRREGULAR = {
    "paid": "pay",
    "bought": "buy",
    "wrote": "write",
    "written": "write",
    "sent": "send",
    "took": "take",
    "taken": "take",
    "made": "make",
    "did": "do",
    "done": "do",
    "went": "go",
    "gone": "go",
    "gave": "give",
    "given": "give",
    "fed": "feed",
    "ran": "run",
    "got": "get",
    "sold": "sell",
    "found": "find",
    "built": "build",
    "met": "meet",
    "spoke": "speak",
    "ate": "eat",
    "eaten": "eat",
    "drove": "drive",
    "swept": "sweep",
    "brought": "bring",
    "caught": "catch",
    "taught": "teach",
    "left": "leave",
    "kept": "keep",
    "spent": "spend",
    "threw": "throw",
    "thrown": "throw",
    "saw": "see",
    "seen": "see",
    "told": "tell",
    "wore": "wear",
    "hung": "hang",
    "won": "win",
    "began": "begin",
    "chose": "choose",
    "flew": "fly",
    "grew": "grow",
    "knew": "know",
    "rang": "ring",
    "sang": "sing",
    "swam": "swim",
    "woke": "wake",
    "children": "child",
}
_WORD = re.compile(r"[\w']+")


def stem(word: str) -> str:
    """A light English stem, enough to match 'taxes' with 'tax' and 'called' with 'call'."""
    w = word.lower().strip("'")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh")):
        if w.endswith(suffix) and len(w) - len(suffix) >= (2 if suffix != "ies" else 3):
            return w[: -len(suffix)] + repl
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if w.endswith("ed") and len(w) > 4:
        w = w[:-2]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls" else w
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def keywords(text: str) -> list[str]:
    """The words of a reference that carry meaning, in order, unstemmed."""
    return [w for w in words(text) if w not in STOPWORDS]


def stems(text: str) -> list[str]:
    return [stem(w) for w in keywords(text)]


# Six consonants in a row ('y' counts as a vowel) occur in almost no English word
# ("latchstring") and in nearly every keyboard mash ("asdfghjkl", "zxcvbnm", "sdfsdf").
_MASHED = re.compile(r"[b-df-hj-np-tv-xz]{6}", re.IGNORECASE)


def mashed(text: str) -> bool:
    """True when every word of `text` is a run of letters typed without meaning."""
    found = re.findall(r"[^\W\d_]+", text)
    return bool(found) and all(_MASHED.search(word) for word in found)


# Command words people mistype ("udpate", "delte", "prioirty"). Only a swapped pair of
# letters, one letter missing or one letter doubled: a different letter ("remote" for
# "remove") is a word of its own. Real words one slip away are never touched.
_COMMAND_WORDS = ("update", "delete", "remove", "complete", "rename", "change", "reschedule", "postpone")
_ANYWHERE_WORDS = ("priority",)
_REAL_WORDS = frozenset({"compete", "chang"})


def _slips(word: str) -> set[str]:
    out: set[str] = set()
    for i in range(len(word) - 1):
        out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # swapped pair
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])  # a letter missing
    for i in range(len(word)):
        out.add(word[:i] + word[i] + word[i:])  # a letter doubled
    out.discard(word)
    return out - _REAL_WORDS


_SLIPS: dict[str, str] = {}
for _word in _COMMAND_WORDS + _ANYWHERE_WORDS:
    for _slip in _slips(_word):
        _SLIPS.setdefault(_slip, _word)
_ANYWHERE_SLIPS = {slip for slip, word in _SLIPS.items() if word in _ANYWHERE_WORDS}


def _fix_case(slip: str, word: str) -> str:
    return word.capitalize() if slip[:1].isupper() else word


# "remnd me to call mum", "remidn me at 5", "remimd me": a word one letter from "remind"
# before "me" is "remind", unless it is a word of its own ("rewind me the tape", "that reminds
# me"). A copy of NEAR_REMIND_WORDS in frontend/lib/quick-add.ts.
_REMIND_ME_SLIP = re.compile(r"\b([A-Za-z]{5,7})(?=\s+me\b)")
_NEAR_REMIND_WORDS = frozenset(("rewind", "remand", "rebind", "refind", "remint", "reminds"))


def _remind_said(m: re.Match[str]) -> str:
    slip = m.group(1)
    if slip.lower() in _NEAR_REMIND_WORDS or not one_edit_apart(slip.lower(), "remind"):
        return slip
    return _fix_case(slip, "remind")


def fix_command_typos(text: str) -> str:
    """'udpate the call task to high prioirty' -> 'update the call task to high priority': the
    first word when it is a mistyped command, 'priority' anywhere, and 'remind' before 'me'."""
    first = re.match(r"[A-Za-z]+", text)
    if first and len(first.group()) >= 4:
        word = _SLIPS.get(first.group().lower())
        if word is not None and word in _COMMAND_WORDS:
            text = _fix_case(first.group(), word) + text[first.end() :]
    text = _REMIND_ME_SLIP.sub(_remind_said, text)

    def anywhere(m: re.Match[str]) -> str:
        slip = m.group().lower()
        return _fix_case(m.group(), _SLIPS[slip]) if slip in _ANYWHERE_SLIPS else m.group()

    return re.sub(r"[A-Za-z]{6,}", anywhere, text)


# A command verb misspelled by a letter, or by two in a long verb ("resechdule the plumber to
# tuesday", "mvoe the dentist to friday", "fnish the report"): the message is read again with
# the verb (parse.py keeps it only when it then reads as that command on a task that exists).
# The first letter must be right, and a real word is never a slip: the words below are those
# of /usr/share/dict/american-english-large that close to a verb ("movie", "park", "remote",
# "compete", "finnish", "mask", ...; the inflections of the verbs are read elsewhere).
_VERBS_SLIPPED = (
    "reschedule",
    "postpone",
    "complete",
    "rename",
    "delete",
    "remove",
    "finish",
    "move",
    "mark",
)
_NEAR_VERB_WORDS = frozenset(
    re.findall(
        r"\w+",
        """
    compete competed competes compleat complect complected completed completely completer
    completers completes completest complex complexes complice compline complot complots
    compote compute couplet couplets delate deleted deletes deplete finfish finis finnish
    mack mar mara marc mare marg mari marka marks marl mars mart marx mary mask mirk mode moe
    moke mole mope more mote moue moved mover moves movie murk postcode posthole postponed
    postponer postponers postpones remote removed remover removes renamed renames rescheduled
    reschedules rewove
    """,
    )
)


def _edits(a: str, b: str) -> int:
    """Letters inserted, deleted, changed or two side by side swapped to make `b` of `a`."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def respell_command_verb(text: str) -> str | None:
    """'resechdule the plumbr to tuesday' -> 'reschedule the plumbr to tuesday': the text with
    its first word read as the command verb it misspells (one letter off, two for a verb of 8
    letters or more), or None when it is no such slip (a verb, a real word, two verbs as close)."""
    first = re.match(r"[A-Za-z]+", text)
    if not first:
        return None
    word = first.group().lower()
    if word in _VERBS_SLIPPED or word in _NEAR_VERB_WORDS or len(word) < 3:
        return None
    near = {
        verb
        for verb in _VERBS_SLIPPED
        if verb[0] == word[0] and _edits(word, verb) <= (2 if len(verb) >= 8 else 1)
    }
    if len(near) != 1:
        return None
    return _fix_case(first.group(), near.pop()) + text[first.end() :]


# -- misspelled day words ----------------------------------------------------------------------
# A day word misspelled by one letter ("tomorow", "firday", "wendesday") or written one of a few
# common ways ("2moro", "tonite") is read as the day, as the web quick-add reads it. The lists
# below are a copy of those of frontend/lib/quick-add.ts (DAY_WORDS, MIN_MISSPELLED_LENGTH,
# NOT_MISSPELLED, KNOWN_SPELLINGS, oneEditApart): change both together.
_DAY_WORDS = (
    "today",
    "tonight",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "next",
    "week",
    "weekend",
)
# Shorter words are too easily another word ("tody", "frdy" stay as typed).
_MIN_MISSPELLED_LENGTH = 5
# Words one letter from a day word that are words of titles ("Buy a sundae", "Hot toddy"): the
# plurals ("mondays", "weeks"), the other words of /usr/share/dict/american-english-large one
# edit from a day word, "todays" and the name Frida. Not "weeknd": the web reads "this weeknd"
# as the weekend (so "Buy The Weeknd tickets" is due on Saturday in both).
_NOT_MISSPELLED = frozenset(
    ("toady", "toddy", "tokay", "todays", "sunda", "sundae", "sundas", "sundry", "frida")
) | {f"{word}s" for word in _DAY_WORDS}
# Common spellings further than one letter away, or with a digit. Not "tdy" (temporary duty)
# nor "2day" ("2day shipping"): other words too. And "tues", which the web's chrono lacks, as
# "tue" (the date rules here read both).
_KNOWN_SPELLINGS = {
    "tmrw": "tomorrow",
    "tommorow": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "tonite": "tonight",
    "tues": "tue",
}
# A word alone: not part of a #tag, an !mark, an address, a hyphenated word or a possessive
# ("tomorow's notes" stays as typed, a title's words).
_LONE_WORD = re.compile(r"(?<![\w#!@'/.\-])[^\W_]+(?![\w@'/\-]|\.[^\W\d_])")


def one_edit_apart(a: str, b: str) -> bool:
    """True when `a` is `b` with one letter inserted, deleted or changed, or two adjacent ones swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff if len(diff) == 2 else (0, 0)
        return j == i + 1 and (a[i], a[j]) == (b[j], b[i])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) - len(shorter) != 1:
        return False
    i = 0
    while i < len(shorter) and longer[i] == shorter[i]:
        i += 1
    return longer[i + 1 :] == shorter[i:]


def misspelled_day_word(word: str) -> str | None:
    """The day word `word` misspells ("Firday" -> "friday", "2moro" -> "tomorrow"), or None. One
    letter from two ("moday": today, monday) it is the one with its first letter, if only one has."""
    lower = word.lower()
    if lower in _KNOWN_SPELLINGS:
        return _KNOWN_SPELLINGS[lower]
    if not lower.isalpha() or len(lower) < _MIN_MISSPELLED_LENGTH:
        return None
    if lower in _NOT_MISSPELLED or lower in _DAY_WORDS:
        return None
    near = [day for day in _DAY_WORDS if one_edit_apart(lower, day)]
    likely = [day for day in near if day[0] == lower[0]] if len(near) > 1 else near
    return likely[0] if len(likely) == 1 else None


# Short words said for a day word, read as it only where that day word goes, after the word
# before it ("sat arvo", "sunday arvo", "this arvo", "in the arvo": Australian for the
# afternoon; "this wk", "every wk", "2 wks"): elsewhere they are words of the title ("Arvo Part
# concert", "WK 12 report"). A copy of SHORT_DAY_WORDS in frontend/lib/quick-add.ts.
_WEEKDAY_SAID = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?"
)
_SHORT_DAY_WORDS: dict[str, tuple[str, str]] = {
    "arvo": ("afternoon", rf"this|the|today|tomorrow|tmrw|every|each|{_WEEKDAY_SAID}"),
    "wk": ("week", r"this|next|last|every|each|per|a|one|\d+"),
    "wks": ("weeks", r"\d+|two|three|four|five|six|few|couple\s+of"),
}


def short_day_word(word: str, before: str) -> str | None:
    """The day word `word` is said for after the text `before` it ("arvo" after "sat " ->
    "afternoon", "wk" after "this " -> "week"), or None."""
    said = _SHORT_DAY_WORDS.get(word.lower())
    if said is None or not re.search(rf"(?:^|[^\w'])(?:{said[1]})\s+$", before, re.IGNORECASE):
        return None
    return said[0]


def respell_day_words(text: str) -> str:
    """'call mom tomorow' -> 'call mom tomorrow', 'sat arvo' -> 'sat afternoon', so the date
    rules read the day."""

    def respell(m: re.Match[str]) -> str:
        day = misspelled_day_word(m.group()) or short_day_word(m.group(), m.string[: m.start()])
        if day is None:
            return m.group()
        return day.capitalize() if m.group()[:1].isupper() else day

    return _LONE_WORD.sub(respell, text)


# -- a question typed as texted ----------------------------------------------------------------
# "wat do i hav tmrw", "wut r my tasks": a question word typed as texted, first, is that word,
# and in such a question "hav", "u", "r", "ur" are "have", "you", "are", "your".
_TEXTED_QUESTION_WORD = re.compile(r"^(?:wat|wut|wot|wht)(?=\s)", re.IGNORECASE)
_TEXTED_WORDS = {"hav": "have", "u": "you", "r": "are", "ur": "your"}


def respell_texted_question(text: str) -> str:
    """'wat do i hav tmrw' -> 'what do i have tmrw'; any other text as it is."""
    if not _TEXTED_QUESTION_WORD.match(text):
        return text
    text = _TEXTED_QUESTION_WORD.sub(lambda m: _fix_case(m.group(), "what"), text)
    return re.sub(
        r"(?<![\w'#@])(?:hav|u|r|ur)(?![\w'@])",
        lambda m: _TEXTED_WORDS[m.group().lower()],
        text,
        flags=re.IGNORECASE,
    )


# -- correcting a title ----------------------------------------------------------------------
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|some)\s+", re.IGNORECASE)


def retitled(title: str, said: str) -> str:
    """The title once corrected by the words said: "Buy milk" and "oat milk" -> "Buy oat
    milk". The words said replace the title's words they end with (the longest such run, the
    last one in the title); said again with the title's first word (its verb, "buy oat milk")
    they are the whole title; when nothing overlaps they replace all but that first word ("Buy
    milk" and "bread" -> "Buy bread"), and are the whole title of a one-word title."""
    new = _LEADING_ARTICLE.sub("", " ".join(said.split())).split()
    old = title.split()
    if not new:
        return title
    key = [stem(w.strip(",.;:!?")) for w in old]
    said_key = [stem(w.strip(",.;:!?")) for w in new]
    if len(new) > 1 and old and said_key[0] == key[0]:
        return _capitalised(" ".join(new))
    for k in range(len(new), 0, -1):
        for i in range(len(old) - k, -1, -1):
            if key[i : i + k] == said_key[-k:]:
                return _capitalised(" ".join(old[:i] + new + old[i + k :]))
    if len(old) > 1:
        return " ".join(old[:1] + new)
    return _capitalised(" ".join(new))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
