/**
 * The quick-add parser: one line of text → the fields of a new task. Pure: the current instant
 * and the user's IANA time zone are parameters, so tests pin them.
 *
 *   "Pay rent every month on the 1st #Finance !high tomorrow 9am"
 *   → title "Pay rent", tags ["Finance"], priority HIGH, rrule "FREQ=MONTHLY;BYMONTHDAY=1",
 *     due 09:00 (in timeZone) on the first 1st of a month from tomorrow on
 *
 * Syntax (anywhere in the line, any order):
 *   #tag                      a tag (letters, digits, - _ /; up to 32 characters; at most 10)
 *   !urgent !! !1             VERY_IMPORTANT     !high !h !2   HIGH
 *   !medium !m !3             MEDIUM             !low !l !4    LOW
 *   asap (a word of its own, any case)                  HIGH (no due date)
 *   urgent, urgently, it's urgent, urgent: (not "urgent care"), critical, very important, top
 *   priority VERY_IMPORTANT; high priority, ", important" HIGH; medium priority MEDIUM; not
 *   urgent, isn't that urgent, not important, low priority, unimportant LOW: as the assistant
 *   reads them (services/chat domain/parse.py, take_priority), when no mark is given, and only
 *   where they say the priority: at the end ("Fix prod urgent", "Fix prod - urgent", "…,
 *   urgent", the tags and dates aside), at the start before ":" "," "-" ("urgent: fix prod",
 *   "high priority: call sam"), "it's urgent", "urgently". Before a noun or asked about they are
 *   words of the title ("Reply to urgent emails", "critical path review", "Is it urgent?")
 *   every day|week|month|year|weekday, every 2 weeks, every other day, every monday and friday,
 *   every mon wed fri, weekly on monday wednesday,
 *   every month on the 1st, the 1st of every month, every 15th, every evening (daily at 18:00),
 *   on the 1st every month, monthly on the 1st, every month #rent on the 15th (the day said
 *   anywhere in the line of a monthly rule, "on the ..."), every month on the last day, every
 *   last day of the month, on the last day of every month, last day of each month (BYMONTHDAY=-1,
 *   due on the month's last day), as the assistant reads them (domain/recurrence.py),
 *   daily, weekly, monthly, yearly, weekdays, every weeknight / weeknights / on weeknights
 *   (Mon–Fri, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", at "tonight"'s 20:00 unless a time is said),
 *   twice a week / 2x a week (Mon and Thu), three times a week / 3x a week (Mon, Wed and Fri),
 *   twice a month (the 1st and 15th), as the assistant chooses those days       → rrule
 *   (a day no month has, "every month on the 45th", "on the 0th": no rule, the words stay)
 *   remind me 30m before, remind 1 hour before, remind me at 8am, remind me tomorrow 6pm,
 *   remind me at the due time, remind me at time / on time, remind me when it's due (at the due
 *   time, the phrase taken whole, as the assistant reads it)
 *   a date/time in English (chrono-node): tomorrow 9am, friday, next week, in 2 hours, 3/14 …
 *   a dotted date with a trailing dot or a year is day.month, as written in Europe: "10.12.",
 *   "10.12.2026" are 10 December ("3/14", "10/12/2026" stay chrono's month/day); "v1.2", "3.5
 *   hours", "Version 2.10 release", "version 2.10.", "chapter 3.2.", "at 9.05" are no dates
 *   a dotted time after "at" or with am/pm is that time, as written in Europe (chrono's own
 *   reading): "Meet Anna at 10.30" 10:30, "at 9.15" 09:15, "7.45pm" 19:45, the bare hour read
 *   as "at 10:30" is; without either ("Meet Anna 10.30") it stays words unless it is a date
 *   a time after "@", "around" or "~" is read as after "at", as the assistant reads it: "Meet Anna
 *   @ 10.30", "around 10.30", "~10:30" 10:30, "around 10" 10:00, "around 5" 17:00; not an amount
 *   ("around 10 people", "around 10.50 euros", "~10 apples")
 * A day word misspelled by one letter ("tomorow", "firday", "wedensday", "tonigth"; a word of 5
 * letters or more) is read as that word, by the same rules; real words one letter away ("sundae",
 * "sundry", "toddy", "mondays") are not. So are a few common spellings: "tommorow", "2moro",
 * "2morrow", "tonite" (and chrono's own "tmrw", "tmr"), and "tues" (chrono reads "tue", "thu",
 * "thur", "thurs", "fri" …, not "tues"). "arvo" after a day word, "this" or "the" is the
 * afternoon ("sat arvo", "in the arvo"), "wk" after "this", "every", "a" or a number is a week
 * ("this wk", "3 times a wk"), and a word one letter from "remind" before "me" is "remind"
 * ("remnd me"; not "rewind me"), as the assistant reads them. The title keeps the typed
 * spelling of what it keeps.
 * A weekday is the next such day after today, in timeZone, as the assistant reads it (the
 * evaluation contract): typed on a Friday, "friday", "fri", "on/by/due friday", "this friday",
 * "friday at 3pm", "friday at 3", "friday evening" are all next week's Friday, whatever the time
 * of day; on a Wednesday they are the coming Friday. "coming friday", "this coming friday" are read
 * the same way, "coming" taken with the weekday. An abbreviation ("fri", "Thurs.", "tues") is the
 * weekday; "sun", "sat", "wed" (with or without a dot) are words of the title ("Sun cream", "SAT
 * prep") unless a connector ("on", "by", "due", "until", "this", "next", "coming" …) or a time
 * ("sat at 5pm") goes with them. "next friday" is the next Friday after today, as the assistant
 * reads it: on a Wednesday the coming Friday (chrono's was nine days on), on a Friday the one a
 * week on; "next sunday" typed on a Friday is in two days. "friday next week" is the Friday of next
 * week (chrono's reading, and the assistant's). "next week" alone is its Monday, as the assistant
 * reads it (typed on a Sunday, tomorrow); "in a week", "in 1 week" are today + 7. "next month" is its
 * 1st ("dentist next month at 10": Dec 1 10:00 typed in November), as the assistant reads it;
 * "next month on the 15th", "on the 15th next month", "the 15th of next month" that day (a shorter
 * month's last); "in a month" is the same day next month. "on the 1st", "by the 2nd", "before the 15th" (a day
 * of the month alone after on/by/before/until/till/for) is the next such day after today, as the
 * assistant reads it ("on the 31st" the next month that has one); "buy 1st aid kit", "the 1st
 * draft", "comment on the 1st draft" stay titles. A date typed ("Friday Nov 27") is that date. The same
 * holds for a weekday that starts a repeating task ("Review every week friday": from next Friday
 * on) or names a reminder; the rule's own words have their own first instance ("every friday"
 * typed on a Friday before 09:00 is due today). Weekdays after "every" (or "weekly on") separated
 * only by spaces are one list, as the assistant reads them: "Gym every monday wednesday friday",
 * "every mon wed fri", "weekly on monday wednesday" repeat on each of those days from the first
 * one after now; a day word with a possessive ends the list ("Prep every monday friday's standup":
 * Mondays, titled "Prep friday's standup").
 * A day and month without a year are the first such date from today on: today's date ("Nov 27",
 * "27/11", "11/27" typed on 27 November, in timeZone) is today whatever the hour (chrono made it
 * next year's from noon), yesterday's ("Nov 26") next year's, as the assistant reads them.
 * A date without a time is due at 09:00 (or at 23:59 when that is today and 09:00 has passed).
 * "on the last day of the month" (also "by the", "of next month"), said without "every"/"each",
 * is one task due that day, the words out of the title; "every last day of the month" repeats.
 * A part of the day is the assistant's hour for it: "sunday evening" 18:00, "tomorrow afternoon"
 * 15:00, "tonight" 20:00, "morning" 09:00 (by 23:59 when that is today and it has passed); with a
 * day before or after it, also with "in the" ("friday in the evening", "in the evening friday",
 * "on dec 3 in the morning", "in the morning on the 3rd"), that day at its hour; also after
 * "during the", "by the" ("call mom during the evening"), and after words of the title before a
 * word that may follow a date ("call mom evening about taxes", "… evening please"); first before
 * other words ("Evening walk", "Evening at the park") it stays in the title. A weekday and its
 * part after a time ("at 8pm friday evening") are that day at that time, the part taken too. "after work" is 18:00 and "after
 * lunch" 13:00, read as a time typed: today while ahead, else tomorrow ("call mom after work" at
 * 19:00 is tomorrow 18:00), or the day said with it ("friday after work"), as the assistant reads
 * them; "after workout" stays in the title. "at lunch" / "at lunchtime" (also "around", "by",
 * "for", "over" lunch) is 12:00 the same way ("lunch with sam at lunch" at 17:17: "lunch with
 * sam", tomorrow 12:00), as the assistant reads it.
 * An hour without am/pm ("at 5", "at 5:30") is 1–7 pm, 8–11 am, 12 noon, as the assistant reads
 * it (services/chat domain/when.py, _guess_meridiem): with no day given it is today while that
 * is still ahead, else tomorrow ("Call John at 5" at 17:17 is tomorrow 17:00, "at 8" at 17:17
 * tomorrow 08:00; before, the next such hour within 12 hours: 05:00, 20:00); on another day
 * ("tomorrow at 5", "friday at 3") 17:00, 15:00. "today at 5" alone is the next of 5:00 and
 * 17:00 still ahead today ("today at 8" is 08:00 typed at 07:00, 20:00 at 13:00 or 17:17).
 * So is the hour of a repeating task ("Stand-up every weekday at 9:30" is 09:30 whenever it is
 * typed), which starts at that hour's next time, unless the rule names a part of the day: with
 * "every evening", "every night", "every weeknight" (or "every afternoon") an hour 1–11 is pm
 * ("Read to the kids every night at 9" 21:00, "Walk the dog every evening at 8" 20:00), with
 * "every morning" am ("Run every morning at 7" 07:00), as the assistant reads an hour said with
 * a part of the day; 12 stays noon, but with the night it is midnight: "Lock up every night at
 * 12" 00:00, "tonight at 12", "at 12 tonight", "tonight at midnight", "tonight at 12am" the
 * midnight that ends tonight, "friday night at 12" Saturday 00:00 (chrono's was noon); a
 * weekday's night repeats on the next day ("every friday night at 12": BYDAY=SA, "every
 * weeknight at 12" Tuesday to Saturday). A part said with the day ("friday evening at 8", "tomorrow
 * night at 10") was already read so (20:00, 22:00). "5am", "5 pm", "17:30", "09:30" are as typed.
 * "before", "until", "till" before a date are its connector, as "by" is ("renew visa before jan
 * 15", "pay rent till friday"; "count the till friday" keeps its till), as the assistant reads them;
 * "wait till monday to call bank" (also "hold off") is 'call bank' due Monday. "night" right after
 * a word of the title is part of it ("movie night every friday at 9pm", "game night friday");
 * "nightly" is "every night". A time glued to a word by "@" ("bob@10:30") is read as "bob @10:30".
 * Of several dates in the line the most specific wins, then the last; the others stay in the
 * title, as do words chrono would misread ("for the week", "a second", "march" alone).
 * A day and a time said apart, title words between them, are one due time, as the assistant
 * reads them and as they read said together: "call mom friday about taxes at 5pm" is 'call mom
 * about taxes' Friday 17:00 ("at 5 about taxes friday", "on the 1st about taxes at 5pm" too;
 * "today … at 8" the first of 08:00 and 20:00 still ahead); the day is the one the rules for
 * two days take ("pay rent tomorrow on the 1st at 5pm": tomorrow 17:00, 'pay rent on the 1st');
 * with a day's part ("tonight about taxes at 9", "friday evening … at 8") the hour is in that
 * part (21:00, 20:00). A time alone is today's or tomorrow's, as above.
 * Days said as a list ("monday and friday", "monday or friday", "monday, friday"), without a time
 * of their own: the first of them, the others words of the title, with a time apart or without
 * ("call mom monday and friday about taxes at 5pm": Monday 17:00, 'call mom and friday about
 * taxes'), as the assistant reads them; a day with its own time is still the more specific
 * ("call mom monday and friday at 5pm": Friday 17:00).
 * An hour said before a part of the day is in that part ("at 9 in the evening" 21:00, "around 9
 * in the evening", "friday at 9 in the evening"; "at 7 in the morning" 07:00), with "at" or
 * without ("pay rent 3 in the evening" 15:00, "7 in the afternoon" 19:00), as the assistant
 * reads it: at or in the night 1–5 are the small hours ("at 2 in the night" 02:00), 12 in the
 * morning the midnight that begins it ("friday at 12 in the morning": Friday 00:00). A number
 * after a noun that numbers things is the title's ("read chapter 3 in the afternoon": 'read
 * chapter 3' at 15:00; "read page 12 tomorrow", "fix bug 12 tomorrow": tomorrow 09:00), as the
 * assistant reads it. "this evening" (morning, afternoon) with an hour said apart is today at the
 * hour in that part ("this evening about taxes at 8": 'about taxes' today 20:00), as "tonight" is. A day of the month said alone with a part of the day and another day ("on the 1st in
 * the morning friday"): the other day at that part (Friday 09:00, 'on the 1st' in the title). A
 * weekday said with "tonight", "this evening", "this morning", "this afternoon" ("this evening
 * friday", "friday tonight") is that weekday at the part's hour (today when it is today's), not
 * today's part with the weekday in the title or dropped.
 * A possessive is words of the title, neither a date nor a rule: "Review today's notes",
 * "Read tonight's menu", "Plan next week's menu", "Prep every monday's standup" stay whole.
 * So is a day or repeat word inside a hyphenated word ("Fix tmrw-bug", "Fix daily-build") and "TMR"
 * in capitals (an acronym: "TMR scan"; "tmr", "Tmr" are tomorrow).
 * A frequency word alone (daily, nightly, weekly, fortnightly, monthly, yearly, annually) is the
 * repeat first in the line ("Weekly review": "Review" every week) or with nothing of the title
 * after it, only dates, times, tags, marks, priority words, a reminder or polite words ending the
 * line ("Pay rent monthly", "water plants weekly #home", "call mom weekly sunday", "backup daily
 * at 2am", "pay rent monthly please"); with title words before and after it, it is one of them and
 * sets no repeat ("Cancel monthly subscription", "Buy the daily newspaper", "Review the weekly
 * report"), as the assistant reads it, but "monthly" so with a day of the month said in the line
 * is the monthly rule on that day ("Pay monthly rent on the 1st": 'Pay monthly rent',
 * BYMONTHDAY=1). Of a first one and a last one, the last is the repeat ("Weekly review notes
 * monthly": "Weekly review notes" every month), as another rule of the line is ("Weekly review
 * every friday": Fridays). Polite words ending the title after any repeat ("please", "pls",
 * "thanks", "thank you"; dates, tags and marks after them aside: "pay rent monthly please
 * tomorrow") go with it, as the assistant drops them.
 * A repeat said before the title ("weekly review", "every monday review docs", "#work weekly
 * review") leaves it with a capital first letter ('Review'), as the assistant's titles have,
 * unless its first word has capitals of the user's own ("weekly iPhone backup": 'iPhone backup').
 * Words the user keeps (options.keep: token texts, e.g. "weekly" from the chip of "Weekly review
 * notes") stay in the title: no rule takes them, and the parser reads the rest of the line as
 * if they were ordinary title words ("Weekly review every friday" still repeats on Fridays).
 * A recurrence without a date starts at its first occurrence from now ("Water the plants every 2
 * weeks" typed at 08:00 is due today 09:00, at 17:17 tomorrow 09:00, as the assistant's
 * recurrence.first_due reads it); one that pins its days
 * ("on the 1st", "every monday") starts at its first occurrence on or after the date given.
 * A series said with its end ends that day, as the assistant reads it (services/chat
 * domain/recurrence.py, take_until): "every morning until dec 20", "every day till friday",
 * "every sunday through christmas eve", "every monday thru dec 20", "ending (on) dec 20", "up to
 * dec 20", "until christmas", "until new year's eve", "until the end of the month", "until the
 * 15th", "through the 15th" (a day of the month alone after any of these words), "until the 15th
 * of december", "until march" (a month alone: its last day), "every day for 3 weeks", "for the
 * next 10 days" (counted from the first due day)
 * → UNTIL at 23:59:59 of that day in timeZone, written in UTC ("FREQ=DAILY;UNTIL=20261220T225959Z"
 * in Paris); the first due is the rule's first slot, and a time said with the end ("till friday at
 * 9:30") is the task's time. "until 5pm" is the time, "for 2 hours" words of the title; an end before the first
 * due day sets none. These words end a series only after a rule: without one, "read chapters 1 up
 * to 5" is a title.
 * A series said with its start starts there, as the assistant reads it: "Yoga every monday
 * starting monday", "every weekday starting dec 1", "starting on/from monday", "starting
 * tomorrow at 7am", "starting next week" (its Monday) or "next month" (its 1st), "from monday" (a
 * day after "from": "from 9 to 5" is a time) → the first due is the rule's first slot on or after
 * that day, and the words leave the title; a time said elsewhere ("every tuesday at 6pm starting
 * dec 1") is its time. Without a rule "starting <day>" is the day the task is due ("Gym starting
 * monday": "Gym" due Monday, as the assistant reads it); "from" and "starting" without a day
 * ("Starting line practice") are words of the title.
 */
// English only: the other locales would more than double the parser's size.
import * as chrono from "chrono-node/en";
import { readsDayFirst } from "./time";
import { addDays, wallClock, zonedTimeToUtc, zoneOffsetMinutes } from "./zoned-time";

export { wallClock, zonedTimeToUtc, zoneOffsetMinutes, type WallClock } from "./zoned-time";

export type Priority = "VERY_IMPORTANT" | "HIGH" | "MEDIUM" | "LOW";

export type QuickAddTokenKind = "tag" | "priority" | "due" | "recurrence" | "reminder";

export interface QuickAddToken {
  kind: QuickAddTokenKind;
  /** The words of the input this token came from. */
  text: string;
  start: number;
  end: number;
}

export interface QuickAddResult {
  title: string;
  tags: string[];
  priority: Priority | null;
  /** ISO 8601 UTC, or null. */
  dueAt: string | null;
  /** True when the text named a time of day (not only a date). */
  dueHasTime: boolean;
  rrule: string | null;
  /**
   * "completion" when the repeat was said to count from when each one is done ("every 3 days
   * from when I last did it", "after completion"); else "due", the API's default.
   */
  repeatFrom: "due" | "completion";
  /** ISO 8601 UTC, or null. */
  remindAt: string | null;
  /** "remind me 30m before" → 30 (remindAt is dueAt minus this when there is a due date). */
  remindOffsetMinutes: number | null;
  tokens: QuickAddToken[];
}

export interface QuickAddOptions {
  now: Date;
  /** IANA zone, e.g. "Europe/Paris"; dates in the text are read as wall-clock time there. */
  timeZone: string;
  /**
   * The reader's locale (the browser's when not given): a numeric date either way round
   * ("03/02", "3/2/2027") is read in its order of day and month, as the app writes dates for
   * them (lib/time.ts readsDayFirst): 3 February in "en-GB", March 2 in "en-US".
   */
  locale?: string;
  /**
   * Words to leave in the title: texts of tokens (QuickAddToken.text) from an earlier parse,
   * compared case-insensitively and trimmed. A match with such a text is not taken, nor is
   * anything overlapping it; other matches still are.
   */
  keep?: readonly string[];
}

export const MAX_TAGS = 10;
const DEFAULT_HOUR = 9;
/** "till" as a connector; after "the", "a", "my" … it is the cash drawer ("count the till friday"), as when.py TILL. */
const TILL = String.raw`(?<!\b(?:the|a|my|our|this|your)\s+)till`;
/** Connector words right before a date, taken with it (Line.connectorBefore). */
const CONNECTOR_BEFORE = new RegExp(String.raw`(?:^|\s)((?:due|by|on|at|before|until|${TILL})\s+)$`, "i");

// -- misspelled day words --------------------------------------------------------------------

/** The day words read when misspelled by one letter (chrono reads them spelled right). */
const DAY_WORDS = [
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
];
/** Shorter words are too easily another word ("tody", "frdy" stay as typed). */
const MIN_MISSPELLED_LENGTH = 5;
/**
 * Words one letter from a day word that are words of titles, never read as the day ("Buy a
 * sundae", "Hot toddy"): the plurals ("mondays", "weeks"), the other words of
 * /usr/share/dict/american-english-large one edit from a day word, "todays" and the name Frida.
 */
const NOT_MISSPELLED = new Set([
  "toady",
  "toddy",
  "tokay",
  "todays",
  "sunda",
  "sundae",
  "sundas",
  "sundry",
  "frida",
  ...DAY_WORDS.map((word) => `${word}s`),
]);

/** True when `a` is `b` with one letter inserted, deleted or changed, or two adjacent ones swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length - shorter.length !== 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

/**
 * Common spellings further than one letter from the day word, or with a digit; chrono already
 * reads "tmrw" and "tmr". And "tues", an abbreviation chrono lacks, read as its "tue". Not "tdy"
 * (temporary duty) nor "2day" ("2day shipping"): other words too.
 */
const KNOWN_SPELLINGS: Record<string, string> = {
  tmrw: "tomorrow",
  tommorow: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  tonite: "tonight",
  // "Tues." as "tue.", which chrono reads with its dot.
  tues: "tue",
};

/**
 * The day word `word` is a misspelling of ("Firday" → "friday", "2moro" → "tomorrow"), or null.
 * One letter from two ("moday": today, monday) it is the one with its first letter, if only one has.
 */
export function misspelledDayWord(word: string): string | null {
  const lower = word.toLowerCase();
  if (Object.hasOwn(KNOWN_SPELLINGS, lower)) return KNOWN_SPELLINGS[lower];
  if (!/^\p{L}+$/u.test(lower) || lower.length < MIN_MISSPELLED_LENGTH) return null;
  if (NOT_MISSPELLED.has(lower) || DAY_WORDS.includes(lower)) return null;
  const near = DAY_WORDS.filter((day) => oneEditApart(lower, day));
  const likely = near.length > 1 ? near.filter((day) => day[0] === lower[0]) : near;
  return likely.length === 1 ? likely[0] : null;
}

/**
 * A word alone (letters, or letters and digits: "2moro"): not part of a #tag, an !mark, an
 * address, a hyphenated or it's-word.
 */
const LONE_WORD = /(?<![\p{L}\p{N}#!@_'’/.\-])[\p{L}\p{N}]+(?![\p{L}\p{N}@_'’/\-]|\.\p{L})/gu;

/** A misspelled word of the input: at start..end in the respelled text, inputStart..inputEnd as typed. */
interface Respelled {
  start: number;
  end: number;
  inputStart: number;
  inputEnd: number;
}

const WEEKDAY_SAID = String.raw`mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?`;
/**
 * Short words said for a day word, read as it only where that day word goes, after the word
 * before it ("sat arvo", "sunday arvo", "this arvo", "in the arvo": Australian for the
 * afternoon; "this wk", "every wk", "2 wks"): elsewhere they are words of the title ("Arvo Part
 * concert", "WK 12 report"). A copy of _SHORT_DAY_WORDS in services/chat domain/text.py.
 */
const SHORT_DAY_WORDS: Record<string, [string, RegExp]> = {
  arvo: ["afternoon", new RegExp(String.raw`(?:^|[^\p{L}\p{N}_'])(?:this|the|today|tomorrow|tmrw|every|each|${WEEKDAY_SAID})\s+$`, "iu")],
  wk: ["week", /(?:^|[^\p{L}\p{N}_'])(?:this|next|last|every|each|per|a|one|\d+)\s+$/iu],
  wks: ["weeks", /(?:^|[^\p{L}\p{N}_'])(?:\d+|two|three|four|five|six|few|couple\s+of)\s+$/iu],
};

/** The day word `word` is said for after the text `before` it ("arvo" after "sat " → "afternoon"), or null. */
function shortDayWord(word: string, before: string): string | null {
  const lower = word.toLowerCase();
  if (!Object.hasOwn(SHORT_DAY_WORDS, lower)) return null;
  const [day, after] = SHORT_DAY_WORDS[lower];
  return after.test(before) ? day : null;
}

/** Words of their own one letter from "remind" ("rewind me the tape", "that reminds me"). */
const NEAR_REMIND_WORDS = new Set(["rewind", "remand", "rebind", "refind", "remint", "reminds"]);

/**
 * "remnd me", "remidn me": a word one letter from "remind" before "me" is "remind", as the
 * assistant reads it (services/chat domain/text.py fix_command_typos, _NEAR_REMIND_WORDS).
 */
function remindSlip(word: string, after: string): string | null {
  const lower = word.toLowerCase();
  if (!/^\s+me\b/i.test(after) || NEAR_REMIND_WORDS.has(lower)) return null;
  return oneEditApart(lower, "remind") ? "remind" : null;
}

/** The input with its misspelled day words respelled ("call mom tomorow" → "call mom tomorrow"). */
function respellDayWords(input: string): { text: string; words: Respelled[] } {
  const words: Respelled[] = [];
  let text = "";
  let copied = 0;
  for (const match of input.matchAll(LONE_WORD)) {
    const inputEnd = match.index + match[0].length;
    const day =
      misspelledDayWord(match[0]) ??
      shortDayWord(match[0], input.slice(0, match.index)) ??
      remindSlip(match[0], input.slice(inputEnd));
    if (!day) continue;
    text += input.slice(copied, match.index);
    words.push({ start: text.length, end: text.length + day.length, inputStart: match.index, inputEnd });
    text += day;
    copied = inputEnd;
  }
  return { text: text + input.slice(copied), words };
}

// -- the text being consumed ------------------------------------------------------------------

/** Indexes into the text the rules read. */
interface Span {
  start: number;
  end: number;
}

/** How kept texts are compared: "  Weekly " and "weekly" are the same words. */
function keepKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The input with consumed spans blanked out (same length, so indexes stay valid). Words kept in
 * the title are blanked out of what the rules read, but not out of the title. The rules read
 * misspelled day words respelled ("tomorow" as "tomorrow"), so their indexes are into that text;
 * the title and the tokens are the input as typed.
 */
class Line {
  /** What the title is made of: the input without the consumed spans. */
  private chars: string[];
  /** What the rules read: also without the kept words, so nothing takes them or reads across them. */
  private visible: string[];
  readonly tokens: QuickAddToken[] = [];
  private readonly keep: Set<string>;
  private readonly held: Span[] = [];
  private readonly respelled: Respelled[];
  /** The frequency word takeRecurrence read as the repeat ("monthly" of "Pay rent monthly"), if any. */
  bareWord: Span | null = null;

  constructor(
    readonly input: string,
    keep: readonly string[] = [],
    titleWords: readonly Span[] = [],
  ) {
    const read = respellDayWords(input);
    // UTF-16 code units, like the indexes RegExp and chrono report.
    this.chars = input.split("");
    this.visible = read.text.split("");
    this.respelled = read.words;
    this.keep = new Set(keep.map(keepKey).filter(Boolean));
    // Words already known to be the title's ("monthly" of "Cancel monthly subscription"): held, as kept words are.
    for (const span of titleWords) {
      this.held.push(span);
      for (let i = span.start; i < span.end; i++) this.visible[i] = " ";
    }
  }

  /** Where `index` of the text the rules read is in the input; inside a respelled word, its start or end. */
  private inInput(index: number, side: "start" | "end"): number {
    let shift = 0;
    for (const word of this.respelled) {
      if (index <= word.start) break;
      if (index < word.end) return side === "start" ? word.inputStart : word.inputEnd;
      shift = word.inputEnd - word.end;
    }
    return index + shift;
  }

  /** The words of the input from `start` to `end` of the text the rules read. */
  typed(start: number, end: number): string {
    return this.input.slice(this.inInput(start, "start"), this.inInput(end, "end"));
  }

  /**
   * True when the words from `start` to `end` are to stay in the title: the user kept this text,
   * or they overlap words kept. A kept span is held: the rules after this one no longer see it.
   */
  kept(start: number, end: number): boolean {
    if (this.held.some((span) => start < span.end && span.start < end)) return true;
    if (!this.keep.has(keepKey(this.typed(start, end)))) return false;
    this.held.push({ start, end });
    for (let i = start; i < end; i++) this.visible[i] = " ";
    return true;
  }

  /** Whether words of the title are left before and after the words from `start` to `end`. */
  titleAround(start: number, end: number): { before: boolean; after: boolean } {
    const word = /[\p{L}\p{N}]/u;
    return {
      before: word.test(this.chars.slice(0, this.inInput(start, "start")).join("")),
      after: word.test(this.chars.slice(this.inInput(end, "end")).join("")),
    };
  }

  /** Where in the input the title's first word starts (its length when there is none). */
  titleStart(): number {
    const at = this.chars.findIndex((char) => /[\p{L}\p{N}]/u.test(char));
    return at === -1 ? this.chars.length : at;
  }

  get heldCount(): number {
    return this.held.length;
  }

  get text(): string {
    return this.visible.join("");
  }

  consume(kind: QuickAddTokenKind, start: number, end: number): void {
    const [from, to] = this.drop(start, end);
    this.tokens.push({ kind, text: this.input.slice(from, to).trim(), start: from, end: to });
  }

  /** Takes the words from `start` to `end` out of the title, as no field; where they are in the input. */
  drop(start: number, end: number): [number, number] {
    for (let i = start; i < end; i++) this.visible[i] = " ";
    const [from, to] = [this.inInput(start, "start"), this.inInput(end, "end")];
    for (let i = from; i < to; i++) this.chars[i] = " ";
    return [from, to];
  }

  /** The title's words before `start` of the text the rules read, as they stand now. */
  remainingBefore(start: number): string {
    return this.chars.slice(0, this.inInput(start, "start")).join("");
  }

  /**
   * Also consume connector words ("due", "by", "on", "at", "before", "until", "till") right
   * before `start`, as the assistant reads them (when.py, LEAD); "the till" is a noun (when.TILL).
   */
  connectorBefore(start: number): number {
    const before = this.text.slice(0, start);
    const match = CONNECTOR_BEFORE.exec(before);
    return match ? start - match[1].length : start;
  }

  remaining(): string {
    return this.chars
      .join("")
      .replace(/\s+/g, " ")
      .trim()
      // What a date taken out leaves around it: brackets with nothing in them ("Email Bob
      // (tomorrow)"), and punctuation after a gap ("Call mom tomorrow.") joins the word before.
      .replace(/\s*\(\s*\)/g, "")
      .replace(/\s+([.!?,;:])(?=\s|$)/g, "$1")
      .replace(/^(?:[,;:\-–]\s*)+|(?:\s*[,;:\-–])+$/g, "")
      .replace(/\s+(?:due|by|on|at|and)$/i, "")
      .trim();
  }
}

/**
 * True when the words ending at `end` are a possessive ("today's notes", "friday’s standup",
 * "next week's menu"): words of the title, which no rule reads as a date or a repeat.
 */
function possessiveAt(text: string, end: number): boolean {
  return /^['’]s(?![\p{L}\p{N}])/iu.test(text.slice(end));
}

/**
 * True when the date words from `start` to `end` are part of a hyphenated word ("Fix tmrw-bug",
 * "Q3-friday", "bug-tmrw"): words of the title. A date with hyphens of its own ("2030-03-20",
 * "monday-friday") is not, as chrono's text spans all of it.
 */
function inHyphenatedWord(text: string, start: number, end: number): boolean {
  return /[\p{L}\p{N}]-$/u.test(text.slice(0, start)) || /^-[\p{L}\p{N}]/u.test(text.slice(end));
}

/** chrono's "tmr" typed in capitals is an acronym ("TMR scan": tumour, transcranial magnetic …), not tomorrow. */
const ACRONYM = /^TMR$/;

// -- tags and priority -----------------------------------------------------------------------

const TAG = /(^|\s)#([\p{L}\p{N}_\-/]{1,32})(?=\s|$|[,.;!?])/gu;

function takeTags(line: Line): string[] {
  const tags: string[] = [];
  for (const match of line.text.matchAll(TAG)) {
    const start = match.index + match[1].length;
    if (line.kept(start, start + match[2].length + 1)) continue;
    line.consume("tag", start, start + match[2].length + 1);
    if (tags.length < MAX_TAGS && !tags.some((t) => t.toLowerCase() === match[2].toLowerCase())) tags.push(match[2]);
  }
  return tags;
}

const PRIORITY_WORDS: Record<string, Priority> = {
  "!!": "VERY_IMPORTANT",
  "!!!": "VERY_IMPORTANT",
  urgent: "VERY_IMPORTANT",
  important: "VERY_IMPORTANT",
  very: "VERY_IMPORTANT",
  "1": "VERY_IMPORTANT",
  p1: "VERY_IMPORTANT",
  high: "HIGH",
  hi: "HIGH",
  h: "HIGH",
  "2": "HIGH",
  p2: "HIGH",
  medium: "MEDIUM",
  med: "MEDIUM",
  m: "MEDIUM",
  normal: "MEDIUM",
  "3": "MEDIUM",
  p3: "MEDIUM",
  low: "LOW",
  lo: "LOW",
  l: "LOW",
  "4": "LOW",
  p4: "LOW",
  asap: "HIGH",
};

/** A mark ("!high", "!!"), or "asap" as a word of its own, with its "!" ("Fix login bug ASAP!"). */
const PRIORITY = /(^|\s)(?:(!!!?|!([a-z0-9]+))(?=\s|$|[,.;?])|(asap)!*(?=\s|$|[,.;:?]))/giu;

/**
 * Words that say a priority, as the assistant reads them (services/chat domain/parse.py,
 * take_priority), when no mark is given: "urgent", "urgently", "critical", "very important",
 * "extremely important", "super important", "very urgent", "top priority", "highest priority"
 * Very important; "high priority" ("high-prio", "hi priority"), "important" after "," "-" "("
 * or "it's" High; "medium priority", "normal priority" Medium; "low priority", "lowest
 * priority", "unimportant", "not urgent", "not important", "isn't that urgent", "it's not
 * urgent at all", "not a priority" Low (never the priority of the word after "not"). With
 * "it's" / "it is" / "this is" / "that's" / "as" / "as a" before them and ":" "!" after them
 * taken along. Not "urgent care" (a place: "urgent care appointment"), "mission critical", nor
 * inside a word ("nonurgent", "non-urgent", "urgent-ish", "critical-path"). Only where they
 * say the priority: see saysPriority ("critical path review", "Reply to urgent emails" stay).
 * Group "lead": "it's"; "ly": "urgently"; "suffix": "priority", said with the word.
 */
function priorityWords(core: string): RegExp {
  return new RegExp(
    String.raw`(?<=^|[\s,;(])((?:(?<lead>it['’]?s|it\s+is|this\s+is|that['’]?s)\s+|as(?:\s+a)?\s+)?(?:${core})(?![\p{L}\p{N}_'’-])[:!]*)`,
    "giu",
  );
}
const SUFFIX = String.raw`(?<suffix>[- ](?:priority|prio|pri|importance))`;
const NOT_SO = String.raw`(?:not|isn['’]?t|is\s+not)\s+(?:(?:that|so|very|too|really|particularly|terribly|super|all\s+that)\s+)?`;
const PRIORITY_PHRASES: Array<{ pattern: RegExp; value: Priority; clauseOnly?: boolean }> = [
  {
    // Low first: "not urgent" is never the Very important of "urgent".
    pattern: priorityWords(String.raw`${NOT_SO}(?:urgent|important|pressing|a\s+priority|(?:a\s+)?high[- ]priority)(?:\s+at\s+all)?|unimportant|(?:low|lowest)${SUFFIX}`),
    value: "LOW",
  },
  {
    pattern: priorityWords(
      String.raw`(?:very\s+(?:important|urgent)|extremely\s+important|super\s+important|(?:very\s+high|top|highest)(?=[- ](?:priority|prio|importance))|urgent(?<ly>ly)?(?![- ]care\b)|(?<!(?:mission|business|safety|time)[- ])critical)${SUFFIX}?`,
    ),
    value: "VERY_IMPORTANT",
  },
  { pattern: priorityWords(String.raw`(?:high|hi)${SUFFIX}`), value: "HIGH" },
  { pattern: priorityWords(String.raw`(?<!(?:not|un)\s*)important`), value: "HIGH", clauseOnly: true },
  { pattern: priorityWords(String.raw`(?:medium|normal|moderate|regular|mid)${SUFFIX}`), value: "MEDIUM" },
];

/**
 * True when the priority words matched say the task's priority rather than describe a thing in
 * its title: an adjective before a noun is part of the title ("Reply to urgent emails", "Deal
 * with urgent mail", "critical path review"), and so is one asked about ("Is it urgent?"). They
 * say it at the end of the line (what the line says besides, tags, dates, repeats, already taken
 * out: "Fix prod urgent tomorrow"), at the end of a part of it ("Fix prod - urgent", "Call mom,
 * urgent", "Fix prod (urgent)"), with ":" ("urgent: fix prod"), at the start before "," or "-"
 * ("urgent, fix prod"; "it's urgent" too, at the end of a part: "Call mom, it's urgent"), as
 * "urgently" anywhere (not before "?"), or named a priority at the start ("urgent-priority fix
 * prod", "high priority: call"). `clauseOnly` ("important" alone: "Call mom, important", not
 * "Remember something important"): only at the end of a part after ",", "-", "(" or "it's",
 * or with ":".
 */
function saysPriority(text: string, match: RegExpMatchArray, clauseOnly = false): boolean {
  const start = match.index ?? 0;
  const words = match[1];
  const after = text.slice(start + words.length);
  const groups = match.groups ?? {};
  if (/^\s*\?/.test(after)) return false;
  if (/:$/.test(words)) return true;
  const endsPart = /^[.!]*\s*$/.test(after) || /^\s*(?:[,;)]|[-–—](?:\s|$))/.test(after);
  if (clauseOnly && !groups.lead) return endsPart && /(?:^|[,;(]|\s[-–—])\s*$/.test(text.slice(0, start));
  if (endsPart || groups.ly) return true;
  return groups.suffix !== undefined && text.slice(0, start).trim() === "";
}

/** "!high", "!!", "asap": the priority a mark says, and whether it was a mark ("asap" is a word). */
function takePriorityMarks(line: Line): { priority: Priority | null; marked: boolean } {
  let priority: Priority | null = null;
  let marked = false;
  for (const match of line.text.matchAll(PRIORITY)) {
    const marker = match[2] ?? match[0].slice(match[1].length);
    const value = PRIORITY_WORDS[(match[3] ?? match[4] ?? marker).toLowerCase()];
    if (!value) continue;
    const start = match.index + match[1].length;
    if (line.kept(start, start + marker.length)) continue;
    line.consume("priority", start, start + marker.length);
    priority = value; // the last one wins
    marked = match[4] === undefined;
  }
  return { priority, marked };
}

/**
 * The priority the words say ("urgent", "not urgent", "high priority"), read once the tags, dates and repeats are
 * taken out, so that "Fix prod urgent tomorrow" ends with it; null when they say none.
 */
function takePriorityWords(line: Line): Priority | null {
  for (const { pattern, value, clauseOnly } of PRIORITY_PHRASES) {
    for (const match of line.text.matchAll(pattern)) {
      if (!saysPriority(line.text, match, clauseOnly)) continue;
      if (line.kept(match.index, match.index + match[1].length)) continue;
      line.consume("priority", match.index, match.index + match[1].length);
      return value;
    }
  }
  return null;
}

// -- recurrence ------------------------------------------------------------------------------

const DAY_NAMES: Array<[RegExp, string]> = [
  [/^mo(n(day)?)?s?$/i, "MO"],
  [/^tu(e(s(day)?)?)?s?$/i, "TU"],
  [/^we(d(nesday)?)?s?$/i, "WE"],
  [/^th(u(r(s(day)?)?)?)?s?$/i, "TH"],
  [/^fr(i(day)?)?s?$/i, "FR"],
  [/^sa(t(urday)?)?s?$/i, "SA"],
  [/^su(n(day)?)?s?$/i, "SU"],
];
const DAY_ORDER = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const DAY = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?`;
// Days in a list: "mon, wed and fri", and days separated only by spaces ("monday wednesday
// friday", "mon wed fri"), as the assistant reads them; a day word followed by more of a word or
// a possessive ("every monday friday's standup") ends the list before it.
const DAY_LIST = String.raw`${DAY}(?:(?:\s*(?:,|and|&|\+)\s*|\s+)${DAY}(?![\w'’]))*`;

function dayCodes(list: string): string[] {
  const codes = new Set<string>();
  for (const word of list.split(/\s*(?:,|\band\b|&|\+)\s*|\s+/i)) {
    const found = DAY_NAMES.find(([pattern]) => pattern.test(word.trim()));
    if (found) codes.add(found[1]);
  }
  return DAY_ORDER.filter((code) => codes.has(code));
}

const WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

interface RecurrenceRule {
  pattern: RegExp;
  rrule: (match: RegExpMatchArray) => string | null;
  /** A frequency word alone ("monthly"): the repeat only first in the line or with no title after it (parseQuickAdd). */
  bare?: boolean;
}

const UNIT_FREQ: Record<string, string> = { day: "DAILY", week: "WEEKLY", month: "MONTHLY", year: "YEARLY" };

function withInterval(freq: string, interval: number): string {
  return interval > 1 ? `FREQ=${freq};INTERVAL=${interval}` : `FREQ=${freq}`;
}

/**
 * How many times a week or a month, as the assistant reads it (services/chat
 * domain/recurrence.py, _TIMES_A): the days are chosen, and the chip names them ("Every Mon and
 * Thu"). "three times a month", "twice a day" are no rule.
 */
const TIMES_A_RULES: Record<string, string> = {
  "2 week": "FREQ=WEEKLY;BYDAY=MO,TH",
  "3 week": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
  "2 month": "FREQ=MONTHLY;BYMONTHDAY=1,15",
};

/**
 * A day of the month as the assistant reads it (services/chat domain/recurrence.py, _take_rule):
 * "1st", "15", "first", "last" (BYMONTHDAY=-1), with "day" after it or not ("the last day").
 */
const MONTH_DAY = String.raw`(\d{1,2}|first|last)(?:st|nd|rd|th)?(?:\s+day)?\b(?!\s+${DAY}\b)`;

/** The place of a weekday in its month ("the last Friday", "the 1st Monday"), as the assistant reads it (recurrence.py, _PLACE). */
const PLACE = String.raw`(first|second|third|fourth|last|1st|2nd|3rd|4th)`;
const PLACES: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: -1 };
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// Months in a list: "Jan, Apr, Jul and Oct", "january and july", "mar/jun/sep/dec".
const MONTH_LIST = String.raw`${MONTH_WORD}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\/\s*|\+\s*)${MONTH_WORD}(?![\p{L}]))*`;

/** "last", "fri" → "-1FR". */
function placed(place: string, day: string): string {
  return `${PLACES[place.toLowerCase()]}${dayCodes(day)[0]}`;
}

/** "Jan, Apr, Jul and Oct" → "1,4,7,10", in the year's order. */
function monthNumbers(list: string): string {
  const found = new Set<number>();
  for (const word of list.match(new RegExp(MONTH_WORD, "giu")) ?? []) {
    const lower = word.toLowerCase();
    found.add(MONTH_STARTS.findIndex((start) => lower.startsWith(start)) + 1);
  }
  return [...found].sort((a, b) => a - b).join(",");
}

/**
 * "on the first Monday", "on the 2nd tuesday (of the month)" anywhere in the line of a monthly
 * rule said without its day ("every 3 months on the first monday"), as the assistant reads it
 * (recurrence.py, _ON_PLACED_DAY): the rule's day.
 */
const ON_PLACED_DAY = new RegExp(String.raw`\bon\s+the\s+${PLACE}\s+(${DAY})\b(?:\s+of\s+(?:the|each|every)\s+month\b)?`, "gi");

function monthlyOn(word: string, interval: number): string | null {
  const lower = word.toLowerCase();
  const day = lower === "last" ? -1 : lower === "first" ? 1 : Number(lower);
  if (day !== -1 && (day < 1 || day > 31)) return null;
  return `${withInterval("MONTHLY", interval)};BYMONTHDAY=${day}`;
}

/**
 * "on the 1st", "on the last day" anywhere in the line of a monthly rule said without its day
 * ("Pay rent on the 1st every month", "every month #rent on the 15th"), as the assistant reads
 * it (recurrence.py, _monthly_day): the rule's day. Not "on the 1st of march" (a date).
 */
const ON_MONTH_DAY = new RegExp(String.raw`\bon\s+the\s+${MONTH_DAY}(?!\s+of\b)`, "gi");

const RECURRENCE_RULES: RecurrenceRule[] = [
  {
    // (on) the last Friday of each month, the 1st Monday of every month, every 2nd Tuesday of the month
    pattern: new RegExp(String.raw`\b(?:on\s+)?(?:the\s+|every\s+|each\s+)?${PLACE}\s+(${DAY})\s+of\s+(?:every|each|the)\s+month\b`, "i"),
    rrule: (m) => `FREQ=MONTHLY;BYDAY=${placed(m[1], m[2])}`,
  },
  {
    // the first Monday of Jan, Apr, Jul and Oct; of every quarter (those four); every last Friday
    // of June (one month only with "every": "the first monday of june" is one day)
    pattern: new RegExp(
      String.raw`\b(?:(?:every|each)\s+(?:the\s+)?${PLACE}\s+(${DAY})\s+(?:of|in)\s+(${MONTH_LIST})|(?:on\s+)?(?:the\s+)?${PLACE}\s+(${DAY})\s+(?:of|in)\s+(?:((?:every|each|the)\s+quarter)|(${MONTH_WORD}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\/\s*|\+\s*)${MONTH_WORD}(?![\p{L}]))+)))(?![\p{L}])(?:\s+(?:every|each)\s+year\b)?`,
      "iu",
    ),
    rrule: (m) =>
      m[1]
        ? `FREQ=YEARLY;BYMONTH=${monthNumbers(m[3])};BYDAY=${placed(m[1], m[2])}`
        : `FREQ=YEARLY;BYMONTH=${m[6] ? "1,4,7,10" : monthNumbers(m[7])};BYDAY=${placed(m[4], m[5])}`,
  },
  {
    // every first Monday, every last Friday, every 3rd Thursday: that place in each month ("every
    // 2nd Tuesday" is every other week, below, as people mostly mean it)
    pattern: new RegExp(String.raw`\b(?:every|each)\s+(first|third|fourth|last|1st|3rd|4th)\s+(${DAY})\b`, "i"),
    rrule: (m) => `FREQ=MONTHLY;BYDAY=${placed(m[1], m[2])}`,
  },
  {
    // twice a week, 2x a week, two times per week, three times a week, 3x a week, twice a month
    pattern: /\b(twice|(?:two|2)\s+times|2\s*x|(?:three|3)\s+times|3\s*x)\s+(?:a|per)\s+(week|month)\b/i,
    rrule: (m) => TIMES_A_RULES[`${/^(?:tw|2)/i.test(m[1]) ? 2 : 3} ${m[2].toLowerCase()}`] ?? null,
  },
  {
    // (on) the 1st of every month, the 15th of each month, (on) the last day of every month,
    // the first of every month; on the 1st every month; every last day of the month
    pattern: new RegExp(
      String.raw`\b(?:(?:on\s+)?(?:the\s+)?${MONTH_DAY}\s+of\s+(?:every|each)|on\s+the\s+${MONTH_DAY}\s+(?:every|each)|every\s+(?:the\s+)?${MONTH_DAY}\s+of\s+the)\s+month\b`,
      "i",
    ),
    rrule: (m) => monthlyOn(m[1] ?? m[2] ?? m[3], 1),
  },
  {
    // every month on the 1st / every 2 months on the 15th / monthly on the 1st / every month on the last day
    pattern: new RegExp(String.raw`\b(?:every\s+(?:(other)\s+|(\d{1,2})\s+)?months?|each\s+month|monthly)\s+on\s+(?:the\s+)?${MONTH_DAY}`, "i"),
    rrule: (m) => monthlyOn(m[3], m[1] ? 2 : Number(m[2] ?? 1)),
  },
  {
    // every week on monday and thursday
    pattern: new RegExp(String.raw`\bevery\s+(?:(other)\s+|(\d{1,2})\s+)?weeks?\s+on\s+(${DAY_LIST})\b`, "i"),
    rrule: (m) => `${withInterval("WEEKLY", m[1] ? 2 : Number(m[2] ?? 1))};BYDAY=${dayCodes(m[3]).join(",")}`,
  },
  {
    pattern: /\bevery\s+(?:week\s*day|weekday)s?\b|\bweekdays\b|\bon\s+weekdays\b/i,
    rrule: () => WEEKDAYS,
  },
  {
    // every weeknight, weeknights, on weeknights: Monday to Friday, at night's hour (PART_HOURS)
    // unless a time is said, as the assistant reads it (services/chat domain/recurrence.py).
    pattern: /\bevery\s+week\s*nights?\b|\b(?:on\s+)?week\s*nights\b/i,
    rrule: () => WEEKDAYS,
  },
  {
    // every morning, every evening, every night: every day, at that part's hour (PART_HOURS)
    pattern: /\bevery\s+(?:morning|afternoon|evening|night)\b/i,
    rrule: () => "FREQ=DAILY",
  },
  {
    pattern: /\bevery\s+weekends?\b/i,
    rrule: () => "FREQ=WEEKLY;BYDAY=SA,SU",
  },
  {
    // every monday, every mon, wed and fri, every other tuesday, every 2nd (second) tuesday
    pattern: new RegExp(String.raw`\bevery\s+((?:other|second|2nd)\s+)?(${DAY_LIST})\b`, "i"),
    rrule: (m) => `${withInterval("WEEKLY", m[1] ? 2 : 1)};BYDAY=${dayCodes(m[2]).join(",")}`,
  },
  {
    // every 15th (of the month)
    pattern: new RegExp(String.raw`\bevery\s+(\d{1,2})(?:st|nd|rd|th)(?!\s+${DAY}\b)(?:\s+of\s+(?:the|each|every)\s+month)?\b`, "i"),
    rrule: (m) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? `FREQ=MONTHLY;BYMONTHDAY=${day}` : null;
    },
  },
  {
    // every day, every 2 weeks, every other month, every year
    pattern: /\bevery\s+(?:(other)\s+|(\d{1,3})\s+)?(day|week|month|year)s?\b/i,
    rrule: (m) => withInterval(UNIT_FREQ[m[3].toLowerCase()], m[1] ? 2 : Number(m[2] ?? 1)),
  },
  {
    // every quarter: every 3 months, as the assistant reads it
    pattern: /\bevery\s+quarter\b/i,
    rrule: () => "FREQ=MONTHLY;INTERVAL=3",
  },
  {
    // weekly on monday wednesday, weekly on mon and thu
    pattern: new RegExp(String.raw`\bweekly\s+on\s+(${DAY_LIST})\b`, "i"),
    rrule: (m) => `FREQ=WEEKLY;BYDAY=${dayCodes(m[1]).join(",")}`,
  },
  {
    // nightly: daily at night's hour (PART_HOURS), as "every night" and the assistant (recurrence.py)
    pattern: /\b(daily|nightly|weekly|fortnightly|monthly|yearly|annually)\b/i,
    bare: true,
    rrule: (m) =>
      ({
        daily: "FREQ=DAILY",
        nightly: "FREQ=DAILY",
        weekly: "FREQ=WEEKLY",
        fortnightly: "FREQ=WEEKLY;INTERVAL=2",
        monthly: "FREQ=MONTHLY",
        yearly: "FREQ=YEARLY",
        annually: "FREQ=YEARLY",
      })[m[1].toLowerCase()] ?? null,
  },
];

/**
 * True when the line says a day of the month no month has ("on the 45th", "on the 0th"): a
 * monthly rule said with it is no rule, its words stay in the title.
 */
function saysNoMonthDay(line: Line): boolean {
  return [...line.text.matchAll(ON_MONTH_DAY)].some((match) => monthlyOn(match[1], 1) === null);
}

/**
 * Polite words ending the title ("please", "pls", "thanks", "thank you"), as the assistant drops
 * them from a request (services/chat domain/parse.py, _POLITE_TAIL; recurrence.py reads "monthly
 * please" as the repeat wherever the line goes on).
 */
const POLITE_WORD = /please|pls|thanks|thank\s+you/giu;
const POLITE_END = /(?<![\p{L}\p{N}'’-])(?:please|pls|thanks|thank\s+you)(?:[\s,]+(?:please|pls|thanks|thank\s+you))*(?=[\s.,;!?]*$)/iu;

/**
 * Words after which polite words are what is said, the title's ("say thanks", "send thanks",
 * "write a thank you"), as the assistant reads them (domain/parse.py, _SAYING).
 */
const SAID_BEFORE = /(?<![\p{L}\p{N}'’-])(?:say|send|write|give|express|offer|a|my|our)\s+$/iu;

/**
 * Polite words with nothing of the title after them are words to no one, dropped as the
 * assistant drops them: "call mom evening please" 'call mom', "call mom please tomorrow",
 * "call mom, thanks" (typed punctuation stays: "call mom please!" 'call mom!'). Read once the dates, tags and priority words are taken out. After a
 * repeat they go with it: "Pay rent monthly please", and so "pay rent monthly please tomorrow"
 * (before, 'pay rent monthly please' due tomorrow, no repeat: the date after "please" kept it a
 * title word, and "monthly" with it), "pay rent monthly tomorrow please", "Pay rent every month
 * please tomorrow". They stay before a repeat ("Say thank you weekly"), first in the line
 * ("please bring cake"), alone ("thanks") and after a word that says them ("say thanks").
 */
function takePoliteWords(line: Line): void {
  const rule = line.tokens.find((token) => token.kind === "recurrence");
  const polite = POLITE_END.exec(line.text);
  if (!polite) return;
  const [start, end] = [polite.index, polite.index + polite[0].length];
  const around = line.titleAround(start, end);
  if (around.after || line.kept(start, end)) return;
  if (rule) {
    if (line.typed(0, start).length < rule.end) return;
    line.consume("recurrence", start, end);
    return;
  }
  // "say thanks please": from the first polite word not said ('say thanks').
  const from = [...polite[0].matchAll(POLITE_WORD)].map((word) => start + word.index).find((at) => !SAID_BEFORE.test(line.remainingBefore(at)));
  // With the comma before them ("call mom evening, thanks!": 'call mom!').
  if (around.before && from !== undefined) line.drop(from - (/,\s*$/.exec(line.text.slice(0, from))?.[0].length ?? 0), end);
}

function takeRecurrence(line: Line): string | null {
  // Words a rule read as no rule ("every month on the 45th": no month has a 45th); no other rule
  // takes them or part of them (before, "every month" of it was a monthly rule from tomorrow).
  const nonsense: Array<{ start: number; end: number }> = [];
  for (const rule of RECURRENCE_RULES) {
    // Every match of the rule in turn, so that a kept one ("Weekly review") lets a later one count.
    for (const match of line.text.matchAll(new RegExp(rule.pattern, `${rule.pattern.flags}g`))) {
      const rrule = rule.rrule(match);
      const start = match.index;
      const end = start + match[0].length;
      if (nonsense.some((span) => start < span.end && span.start < end)) continue;
      if (!rrule) nonsense.push({ start, end });
      if (!rrule || rrule.endsWith("BYDAY=")) continue;
      if (/^FREQ=MONTHLY(?:;INTERVAL=\d+)?$/.test(rrule) && saysNoMonthDay(line)) continue;
      if (possessiveAt(line.text, end) || inHyphenatedWord(line.text, start, end)) continue;
      if (line.kept(start, end)) continue;
      line.consume("recurrence", start, end);
      if (rule.bare) line.bareWord = { start, end };
      return /^FREQ=MONTHLY(?:;INTERVAL=\d+)?$/.test(rrule) ? withMonthDay(line, rrule) : rrule;
    }
  }
  return null;
}

/**
 * "from when I last did it", "after completion", "from completion", "after it's done", "counting
 * from when I finish it" with a repeat: the next one counts from when this one is done (the
 * task's repeat_from), as the assistant reads it (recurrence.py, _FROM_COMPLETION). Before, words
 * of the title, and the series repeated from its due date.
 */
const DID = String.raw`(?:did|do|does|finish(?:ed|es)?|complete[ds]?|check(?:ed)?\s+(?:it\s+)?off|mark(?:ed)?\s+it\s+(?:as\s+)?(?:done|complete))`;
const FROM_COMPLETION = new RegExp(
  String.raw`\b(?:(?:counting|counted|repeating|repeat|starting)\s+)?(?:from|after)\s+(?:` +
    String.raw`(?:the\s+)?(?:last\s+)?completion` +
    String.raw`|(?:(?:when|the\s+(?:day|time|moment))\s+)?i\s+(?:last\s+)?${DID}(?:\s+it)?` +
    String.raw`|(?:when|the\s+(?:day|time|moment))\s+it(?:['’]s|\s+is|\s+was|\s+gets)\s+(?:done|completed|finished)` +
    String.raw`|it(?:['’]s|\s+is|\s+was)\s+(?:done|completed|finished)` +
    String.raw`)(?![\p{L}\p{N}'’-])`,
  "giu",
);

function takeFromCompletion(line: Line): boolean {
  for (const match of line.text.matchAll(FROM_COMPLETION)) {
    const [start, end] = [match.index, match.index + match[0].length];
    if (line.kept(start, end)) continue;
    line.consume("recurrence", start, end);
    return true;
  }
  return false;
}

/** A plain monthly rule with its day said elsewhere in the line ("on the 1st every month", "every 3 months on the first monday"). */
function withMonthDay(line: Line, rrule: string): string {
  for (const match of line.text.matchAll(ON_PLACED_DAY)) {
    const start = match.index;
    const end = start + match[0].length;
    if (possessiveAt(line.text, end) || line.kept(start, end)) continue;
    line.consume("recurrence", start, end);
    return `${rrule};BYDAY=${placed(match[1], match[2])}`;
  }
  for (const match of line.text.matchAll(ON_MONTH_DAY)) {
    const ruled = monthlyOn(match[1], 1);
    const start = match.index;
    const end = start + match[0].length;
    if (!ruled || possessiveAt(line.text, end) || line.kept(start, end)) continue;
    line.consume("recurrence", start, end);
    return `${rrule};${ruled.split(";").pop()}`;
  }
  return rrule;
}

/**
 * "Pay monthly rent on the 1st": "monthly" among the title's words (titleWords, parseQuickAdd)
 * and a day of the month said in the line is the monthly rule on that day, the word staying in
 * the title, as the assistant reads it (recurrence.py, _take_rule). Without a day
 * ("Cancel monthly subscription") no rule.
 */
function monthlyOfTitle(line: Line, titleWords: readonly Span[]): string | null {
  if (!titleWords.some((span) => /^monthly$/i.test(line.typed(span.start, span.end)))) return null;
  const rrule = withMonthDay(line, "FREQ=MONTHLY");
  return pinsDays(rrule) ? rrule : null;
}

type LocalDate = { year: number; month: number; day: number };

/** True when the rule fixes which days it falls on (BYDAY or BYMONTHDAY), not only how often. */
function pinsDays(rrule: string): boolean {
  return /;BY(?:DAY|MONTHDAY)=/.test(rrule);
}

/**
 * The first day of the rule on or after `from`, at hour:minute in the zone, that is still ahead
 * of now. A recurrence given without a date starts from today; with a start date ("every month
 * on the 1st tomorrow") its first due date is the first 1st from tomorrow on, not tomorrow.
 */
function firstOccurrence(rrule: string, from: LocalDate, hour: number, minute: number, options: QuickAddOptions): Date {
  const parts = Object.fromEntries(rrule.split(";").map((p) => p.split("=") as [string, string]));
  for (let offset = 0; offset < 400; offset++) {
    const d = addDays(from.year, from.month, from.day, offset);
    if (parts.BYMONTH && !parts.BYMONTH.split(",").map(Number).includes(d.month)) continue;
    if (parts.BYDAY) {
      // "MO", or a place in the month: "1MO" the first Monday, "-1FR" the last Friday.
      const code = DAY_ORDER[(d.weekday + 6) % 7];
      const [fromStart, fromEnd] = [Math.ceil(d.day / 7), -Math.ceil((daysInMonth(d.year, d.month) - d.day + 1) / 7)];
      if (!parts.BYDAY.split(",").some((day) => day === code || day === `${fromStart}${code}` || day === `${fromEnd}${code}`)) continue;
    } else if (parts.BYMONTHDAY) {
      // "FREQ=MONTHLY;BYMONTHDAY=1,15" (twice a month): any of the days; -1 the month's last.
      const days = parts.BYMONTHDAY.split(",").map(Number);
      if (!days.includes(d.day) && !(days.includes(-1) && d.day === daysInMonth(d.year, d.month))) continue;
    }
    const instant = zonedTimeToUtc(d.year, d.month, d.day, hour, minute, options.timeZone);
    if (instant.getTime() > options.now.getTime()) return instant;
  }
  const next = addDays(from.year, from.month, from.day, 1);
  return zonedTimeToUtc(next.year, next.month, next.day, hour, minute, options.timeZone);
}

// -- how long a series runs: "until Dec 20", "for 3 weeks" ------------------------------------

/**
 * The end of a series said after its rule, as the assistant reads it (services/chat
 * domain/recurrence.py, take_until): its last day ("until Dec 20"), or how long it runs from
 * its first due day ("for 3 weeks"), known once the first due is.
 */
type SeriesEnd = { lastDay: LocalDate } | { span: { unit: "day" | "week" | "month" | "year"; amount: number } };

/** The assistant's number words (services/chat domain/text.py, NUMBER_WORDS). */
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  "forty-five": 45,
  sixty: 60,
  ninety: 90,
  "a couple of": 2,
  "a couple": 2,
  "couple of": 2,
  "a few": 3,
  few: 3,
  several: 3,
};
const NUMBER = String.raw`(?:\d{1,4}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((word) => word.replace(/\s+/g, String.raw`\s+`))
  .join("|")})`;
/** "for 3 weeks", "for the next 10 days", "for another 2 weeks"; not "for 2 hours", "for 3 days ago". */
const SERIES_SPAN = new RegExp(
  String.raw`\bfor\s+(?:the\s+next\s+|another\s+)?(${NUMBER})\s+(day|week|month|year)s?\b(?!\s+(?:ago|later))`,
  "gi",
);
const UNTIL_WORDS = /\b(until|till|til|through|thru|ending(?:\s+on)?|up\s+to(?:\s+and\s+including)?)\s+/gi;
/** Days a series ends on that are no date chrono reads; only as a series end ("buy gifts before christmas" stays words). */
const HOLIDAY = /^(?:(christmas\s+eve)|(christmas(?:\s+day)?|xmas)|(new\s+year['’]?s\s+eve))\b/i;
const END_OF = /^(?:the\s+)?end\s+of\s+(?:(?:the\s+|this\s+)?(week|month)|(next)\s+month)\b/i;
/**
 * Days the assistant reads otherwise than chrono (services/chat domain/when.py, take_date): "next
 * week" is its Monday, "next month" its 1st, "the weekend" / "this weekend" the coming Saturday
 * (today on a Saturday) and "next weekend" the one after on a weekday. Not "next week friday".
 */
const NEXT_WEEK_OR_MONTH = /^(?:the\s+)?(?:beginning\s+of\s+|start\s+of\s+)?next\s+(week|month)\b(?!\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun))/i;
const WEEKEND = /^(this|next|the)\s+weekend\b/i;

/** The assistant's day for "next week" (its Monday) or "next month" (its 1st), from `today`. */
function nextWeekOrMonth(unit: string, today: ReturnType<typeof wallClock>): LocalDate {
  const day =
    unit.toLowerCase() === "week"
      ? addDays(today.year, today.month, today.day, ((1 - today.weekday + 6) % 7) + 1)
      : { ...addMonths({ year: today.year, month: today.month, day: 1 }, 1), day: 1 };
  return { year: day.year, month: day.month, day: day.day };
}
/**
 * "until the 15th", "through the 15th", "till the 15th", "up to the 15th": a day of the month
 * alone after any of the words, as the assistant reads it (recurrence.py, _DAY_OF_MONTH).
 */
const DAY_OF_MONTH = /^the\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s+of\b)/i;
/**
 * "until march", "through the end of march", "till dec": a month named without a day; the
 * series ends on its last day, the first such month from this one on. Not "until march 5".
 */
const MONTH_ALONE =
  /^(?:the\s+end\s+of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![\p{L}\p{N}'’-])(?!\s*(?:\d|the\b))/iu;
const MONTH_STARTS = ["ja", "f", "mar", "ap", "may", "jun", "jul", "au", "s", "o", "n", "d"];

function numberValue(word: string): number {
  const lower = word.trim().toLowerCase().replace(/\s+/g, " ");
  return /^\d+$/.test(lower) ? Number(lower) : (NUMBER_WORDS[lower] ?? 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `months` months on from the date, the day clipped to the month's last (Jan 31 + 1 month: Feb 28). */
function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + date.month - 1 + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function compareDays(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The day written from `start` of the line's text, without a time ("dec 20" of "dec 20 at 8pm",
 * "friday" of "friday at 9:30"), and where its words end; null when the words there are no day
 * ("5pm", "chapter 5") or are a possessive ("friday's meeting").
 */
function dayAt(text: string, start: number, options: QuickAddOptions): { day: LocalDate; end: number } | null {
  const hit = findDates(text, start, options)[0];
  // chrono's "15th of december" leaves out the "the" of "until the 15th of december".
  const the = /^the\s+/i.exec(text.slice(start))?.[0].length ?? 0;
  const saidHere = (found: DateHit | undefined): found is DateHit =>
    found !== undefined && (found.start === start || found.start === start + the) && found.hasDate;
  if (!saidHere(hit)) return null;
  if (!hit.hasTime) return { day: hit.wall, end: hit.end };
  // A time said with the day is the task's time ("until dec 20 at 8pm"): the day alone ends the series.
  let end = hit.end;
  for (;;) {
    const cut = /\s+\S+\s*$/.exec(text.slice(start, end));
    if (!cut) return null;
    end = start + cut.index;
    const shorter = findDates(text.slice(0, end), start, options)[0];
    if (saidHere(shorter) && !shorter.hasTime) return { day: shorter.wall, end: shorter.end };
  }
}

/**
 * Takes the end of a series said after its rule: "until Dec 20", "till friday", "through christmas
 * eve", "thru dec 20", "ending (on) dec 20", "up to dec 20", "through the 15th", "until the end
 * of the month", "for 3 weeks", "for the next 10 days". Before, the date was
 * read as the first due day and the series never ended. Only a day: "until 5pm" is the task's
 * time, "for 2 hours" how long each one takes, and "until it's done" words of the title.
 */
function takeSeriesEnd(line: Line, options: QuickAddOptions): SeriesEnd | null {
  for (const span of line.text.matchAll(SERIES_SPAN)) {
    if (line.kept(span.index, span.index + span[0].length)) continue;
    line.consume("recurrence", span.index, span.index + span[0].length);
    const unit = span[2].toLowerCase() as "day" | "week" | "month" | "year";
    return { span: { unit, amount: numberValue(span[1]) } };
  }
  const today = wallClock(options.now, options.timeZone);
  for (const lead of line.text.matchAll(UNTIL_WORDS)) {
    const from = lead.index + lead[0].length;
    const said = line.text.slice(from);
    let found: { day: LocalDate; end: number } | null = null;
    const holiday = HOLIDAY.exec(said);
    const endOf = END_OF.exec(said);
    const dayOfMonth = DAY_OF_MONTH.exec(said);
    const next = NEXT_WEEK_OR_MONTH.exec(said);
    const weekend = WEEKEND.exec(said);
    const month = MONTH_ALONE.exec(said);
    if (month) {
      const number = MONTH_STARTS.findIndex((start) => month[1].toLowerCase().startsWith(start)) + 1;
      const year = number >= today.month ? today.year : today.year + 1;
      found = { day: { year, month: number, day: daysInMonth(year, number) }, end: from + month[0].length };
    } else if (next) {
      found = { day: nextWeekOrMonth(next[1], today), end: from + next[0].length };
    } else if (weekend) {
      const inDays = (6 - today.weekday + 7) % 7 + (weekend[1].toLowerCase() === "next" && today.weekday >= 1 && today.weekday <= 5 ? 7 : 0);
      const day = addDays(today.year, today.month, today.day, inDays);
      found = { day: { year: day.year, month: day.month, day: day.day }, end: from + weekend[0].length };
    } else if (holiday) {
      const [month, day] = holiday[1] ? [12, 24] : holiday[2] ? [12, 25] : [12, 31];
      const thisYear = { year: today.year, month, day };
      found = { day: compareDays(thisYear, today) >= 0 ? thisYear : { ...thisYear, year: today.year + 1 }, end: from + holiday[0].length };
    } else if (endOf) {
      // The end of the week is its Friday (today on a Friday), of the month its last day.
      const day =
        endOf[1]?.toLowerCase() === "week"
          ? addDays(today.year, today.month, today.day, (5 - today.weekday + 7) % 7)
          : addMonths({ year: today.year, month: today.month, day: 31 }, endOf[2] ? 1 : 0);
      found = { day: { year: day.year, month: day.month, day: endOf[2] ? daysInMonth(day.year, day.month) : day.day }, end: from + endOf[0].length };
    } else if (dayOfMonth) {
      const wanted = Number(dayOfMonth[1]);
      for (let months = 0; months < 3 && !found; months++) {
        const candidate = addMonths({ year: today.year, month: today.month, day: wanted }, months);
        if (candidate.day === wanted && compareDays(candidate, today) > 0) found = { day: candidate, end: from + dayOfMonth[0].length };
      }
    } else {
      found = dayAt(line.text, from, options);
    }
    if (!found || possessiveAt(line.text, found.end) || line.kept(lead.index, found.end)) continue;
    line.consume("recurrence", lead.index, found.end);
    return { lastDay: found.day };
  }
  return null;
}

/**
 * The rule ending on the series' last day, at its end (23:59:59) in the user's zone, as UTC:
 * "FREQ=DAILY;UNTIL=20261220T225959Z" in Paris, as the assistant writes it. `first` is the
 * series' first due day there ("for 3 weeks" counts from it). A last day before the first due
 * day sets no end (the series would have no task), nor does a rule that already has COUNT.
 */
function bounded(rrule: string, end: SeriesEnd, first: LocalDate, options: QuickAddOptions): string {
  let last: LocalDate;
  if ("span" in end) {
    const { unit, amount } = end.span;
    const after =
      unit === "day" || unit === "week"
        ? addDays(first.year, first.month, first.day, amount * (unit === "week" ? 7 : 1))
        : addMonths(first, amount * (unit === "year" ? 12 : 1));
    last = addDays(after.year, after.month, after.day, -1);
  } else {
    last = end.lastDay;
  }
  if (/COUNT=/i.test(rrule) || compareDays(last, first) < 0) return rrule;
  const instant = new Date(zonedTimeToUtc(last.year, last.month, last.day, 23, 59, options.timeZone).getTime() + 59_000);
  return `${rrule};UNTIL=${instant.toISOString().replace(/[-:]|\.\d{3}/g, "")}`;
}

/**
 * "starting monday", "starting from dec 1", "starting on monday", "starting tomorrow at 7am",
 * "starting next week", and "from monday" (a day: "from 9 to 5" is a time) after a repeat: the
 * day the series starts, as the assistant reads it (services/chat domain/parse.py; "next week" is
 * its Monday, "next month" its 1st). Its first due day is the rule's first slot on or after that
 * day. Before, the date was the first due day but the word "starting" stayed in the title.
 */
const STARTING = /\b(?:(starting)(?:\s+(?:from|on))?|from)\s+/gi;

function takeStart(line: Line, options: QuickAddOptions, repeating: boolean, half: Half = null): DateHit | null {
  for (const lead of line.text.matchAll(STARTING)) {
    // Without a repeat only "starting" ("Gym starting monday": due Monday); "from" is a word of
    // the title there ("Email from mom friday").
    if (!repeating && !lead[1]) continue;
    const from = lead.index + lead[0].length;
    // "starting" read as "on", so that what needs a connector to be a date is one ("starting
    // sat", "starting january"); not "from" ("Data from march every monday" keeps its words).
    const text = lead[1] ? line.text.slice(0, lead.index) + "on".padEnd(lead[0].length) + line.text.slice(from) : line.text;
    const hit = findDates(text, lead.index, options, repeating, half)[0];
    if (!hit || hit.start > from || !/^(?:(?:on|at)\s+)?$/i.test(line.text.slice(from, Math.max(from, hit.start)))) continue;
    if (!lead[1] && !hit.hasDate) continue;
    if (line.kept(lead.index, hit.end)) continue;
    line.consume("due", lead.index, hit.end);
    const words = text.slice(Math.max(from, hit.start), hit.end);
    const next = NEXT_WEEK_OR_MONTH.exec(words);
    if (!next || next[0].length !== words.length) return hit;
    const day = nextWeekOrMonth(next[1], wallClock(options.now, options.timeZone));
    return { ...hit, hasDate: true, wall: { ...hit.wall, ...day } };
  }
  return null;
}

// -- reminders -------------------------------------------------------------------------------

const UNIT_MINUTES: Array<[RegExp, number]> = [
  [/^m(in(ute)?s?)?$/i, 1],
  [/^h((ou)?rs?)?$/i, 60],
  [/^d(ays?)?$/i, 1440],
  [/^w(eeks?)?$/i, 10080],
];

const REMIND_BEFORE =
  /\bremind(?:\s+me)?\s+(?:(an?)|(\d{1,4}))\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+(?:before|early|earlier|ahead)\b/gi;
const REMIND_AT = /\b(remind(?:\s+me)?)(?:\s+(?:at|on))?\b/gi;
/**
 * "remind me at the due time", "remind me at time", "remind me on time", "remind me when it's
 * due": at the due time (offset 0), the whole phrase taken, as the assistant reads it
 * (services/chat domain/when.py, take_reminder).
 */
const REMIND_AT_DUE = /\bremind(?:\s+me)?\s+(?:(?:at|on)\s+(?:(?:the\s+)?due\s+)?time|when\s+(?:it(?:['’]s|\s+is)\s+)?due)\b/gi;

// -- dates -----------------------------------------------------------------------------------

interface DateHit {
  wall: { year: number; month: number; day: number; hour: number; minute: number };
  hasTime: boolean;
  /** True when the words name a day (a date, a weekday, "tomorrow", "in 2 days"), not only a time. */
  hasDate: boolean;
  /** True when the time is a part of the day ("evening"), not a time typed ("at 6pm"). */
  partOfDay: boolean;
  /** True for a day of the month said alone, without a time ("on the 1st"; DAY_OF_A_MONTH). */
  monthDayAlone?: boolean;
  /** True for a day of the month said alone, with or without a time ("on the 1st at 5pm"). */
  monthDay?: boolean;
  /** True when the hour was said without am/pm or a part of the day ("at 5"): resolveBareHour's. */
  bareHour?: boolean;
  /** True for 12 said with the night ("at 12 at night"): the midnight that ends the night's day. */
  nightsEnd?: boolean;
  /** The time's words when they were said apart from the day's ("friday about taxes at 5pm"; pickDue). */
  apart?: Span;
  start: number;
  end: number;
}

/** Words that give a bare amount of time a direction: "in 2 days", "next week", "3 days later". */
const DIRECTED =
  /\b(?:in|within|next|last|past|this|later|from\s+now|ago|tomorrow|yesterday|today)\b|^[+-]/i;
/** A word before a lone month name or weekday abbreviation that makes it a date ("by March"). */
const DATE_CONNECTOR = /(?:^|\s)((?:in|by|due|until|till|before|on)\s+)$/i;
/**
 * Weekday abbreviations that are also common words ("Sun cream", "SAT prep", "wed"), with or
 * without a dot ("Lie in the sun.", which chrono reads as "sun." the weekday).
 */
const WORDLIKE_WEEKDAY = /^(?:sun|sat|wed)\.?$/i;
/** "coming", "this coming", "the coming" before a weekday ("this coming friday"): taken with it, as the assistant does. */
const COMING = /(?:^|\s)((?:this\s+|the\s+)?coming\s+)$/i;
/** A part of the day alone, which is also a word of titles ("Evening walk", "Good morning routine"). */
const LONE_PART_OF_DAY = /^(?:morning|afternoon|evening|night)$/i;
/** Words before a lone part of the day that make it a time ("in the evening", "during the evening", "at night"), as the assistant's. */
const PART_CONNECTOR = /(?:^|\s)((?:in\s+the|during\s+the|by\s+the|at|by)\s+)$/i;
/**
 * "night" right after a word of the title names a thing ("movie night", "game night", "girls'
 * night"), not a time; after a day, a connector or a rule's words it is the night ("friday night",
 * "at night", "every friday night"). Other parts of the day after a word are times ("call mom
 * evening at 8"), as the assistant reads them (when.py, _PART_BEFORE).
 */
const NIGHT_OF = new RegExp(String.raw`(?:^|\s)(?!(?:at|by|to|the|this|that|every|each|on|in|for|until|till|before|last|next|same|one|tomorrow|tmrw?|today|${DAY})\s)[\p{L}'’]+ $`, "iu");

/**
 * chrono reads some words of an ordinary title as dates; those are left in the title:
 * an amount of time without a direction ("for the week", "the day", "a second", "5 days"),
 * a month name without a day ("march", "2nd week of march") unless "in/by/due/until/before"
 * precedes it, and "sun"/"sat"/"wed" alone unless such a word precedes it; a part of the day
 * alone ("Evening walk", "Evening at the park") unless "in the"/"during the"/"at"/"by" precedes it,
 * it ends the line, or words of the title precede it and a word that may follow a date follows it
 * ("call mom evening please", AFTER_A_DAY). "coming" or
 * "this coming" before a weekday is taken with it ("coming sat" is a date, as "on sat" is).
 * Returns the length of that connector word to take along with the date, or null when incidental.
 */
function connectorOrIncidental(result: chrono.ParsedResult, textBefore: string, textAfter: string): number | null {
  const c = result.start;
  const words = result.text.trim();
  if (/^night\b/i.test(words) && NIGHT_OF.test(textBefore)) return null;
  if (LONE_PART_OF_DAY.test(words)) {
    const connector = PART_CONNECTOR.exec(textBefore);
    if (connector) return connector[1].length;
    if (/^[\s.,;!?]*$/.test(textAfter)) return 0; // it ends the line ("call mom evening, thanks!")
    // "call mom evening please", "call mom evening about taxes": after words of the title, before
    // a word that may follow a date, the time, as the assistant reads it (when.py _part_in_title).
    return /[\p{L}\p{N}]/u.test(textBefore) && AFTER_A_DAY.test(textAfter) ? 0 : null;
  }
  if (c.isCertain("weekday") && !c.isCertain("day")) {
    const coming = COMING.exec(textBefore);
    if (coming) return coming[1].length;
  }
  if (result.tags().has("result/relativeDate") && !DIRECTED.test(words)) return null;
  const monthOnly = c.isCertain("month") && !c.isCertain("day") && !c.isCertain("weekday") && !c.isCertain("year");
  if (!monthOnly && !WORDLIKE_WEEKDAY.test(words)) return 0;
  const connector = DATE_CONNECTOR.exec(textBefore);
  return connector ? connector[1].length : null;
}

/**
 * "after work" (18:00) and "after lunch" (13:00), which chrono does not read: the assistant's
 * hours for them (services/chat domain/when.py, PARTS_OF_DAY), as a time typed ("at 6pm"), so
 * that they go with a day said before or after them ("tomorrow after work", "after work on
 * friday"; chrono loses the day of "evening tomorrow", whose hour is only implied) and alone
 * are today's, or tomorrow's once that hour has passed (chrono's forwardDate), as the assistant
 * reads them. Not "after workout", "after work-related".
 */
const AFTER_PART: chrono.Parser = {
  pattern: () => /(?<![\p{L}\p{N}])after\s+(work|lunch)(?![\p{L}\p{N}'’-])/iu,
  extract: (context, match) =>
    context
      .createParsingComponents({ hour: match[1].toLowerCase() === "work" ? 18 : 13, minute: 0, meridiem: chrono.Meridiem.PM })
      .addTag("parser/afterPart"),
};
/**
 * "at lunch" / "at lunchtime" (also "around", "by", "for", "over" lunch; "lunchtime" alone) is
 * 12:00, read as a time typed, as the assistant reads them (services/chat domain/when.py, take_when).
 */
const AT_LUNCH: chrono.Parser = {
  pattern: () =>
    /(?<![\p{L}\p{N}])(?:(?:at|around|by|for|over)\s+lunch|(?:(?:at|by|around|before|until)\s+)?lunchtime)(?![\p{L}\p{N}'’-])/iu,
  extract: (context) =>
    context.createParsingComponents({ hour: 12, minute: 0, meridiem: chrono.Meridiem.PM }).addTag("parser/atLunch"),
};
/**
 * Nouns that number things ("chapter 3", "room 10", "episode 5", "week 3"), as the assistant's
 * (services/chat domain/text.py NUMBERING_NOUN): the number after them is words of the title.
 */
const NUMBERING_NOUN = String.raw`(?:chapter|ch|section|sec|page|p|pp|step|part|no|nr|item|figure|fig|table|rule|v|ver|version|release|build|room|level|lesson|episode|ep|season|unit|week|module|lecture|exercise|question|problem|act|scene|volume|vol|issue|bug|ticket|pr|task|round|stage|phase|sprint|floor|gate|platform|row|seat)`;
/** Words before a number with dots that make it a number, not a date ("version 2.10.", "chapter 3.2.", "at 9.05." a time). */
const NUMBERED = new RegExp(String.raw`\b(?:at|around|${NUMBERING_NOUN})\.?\s*$`, "i");
/** The words of NUMBERED that make it a time. */
const TIME_WORD_BEFORE = /\b(?:at|around)\s*$/i;
/**
 * Such a noun right before a reading that starts with a number: the number is the title's, not an
 * hour ("read chapter 3 in the afternoon": 'read chapter 3' 15:00, chrono's was 'read chapter' at
 * "3 in the afternoon"; "read page 12 tomorrow" was 'read page' tomorrow 12:00).
 */
const NUMBER_OF = new RegExp(String.raw`(?:^|[^\p{L}\p{N}])${NUMBERING_NOUN}\.?\s+$`, "iu");
/**
 * A dotted date with a trailing dot or a year ("10.12.", "10.12.2026", "1.3."), as it is
 * written in Europe: day.month (chrono read "10.12.2026" as 12 October, and "10.12." not at all).
 * Without a year, the first such date from today on. Not a number with one dot ("v1.2", "3.5
 * hours", "Version 2.10 release"), nor after "v", "version", "chapter", "step" … ("version 2.10.",
 * "chapter 3.2."), nor a day or
 * month no calendar has ("31.2.", "12.13.").
 */
const DOTTED_DATE: chrono.Parser = {
  pattern: () => /(\d{1,2})\.(\d{1,2})\.(\d{4}(?![\p{L}\p{N}.]))?(?![\p{L}\p{N}]|\.\d)/iu,
  extract: (context, match) => {
    // chrono tries the pattern again from each next character ("1.2." of "31.2."): what is
    // before the match is checked in the whole text.
    const before = context.text.slice(0, match.index);
    const [day, month] = [Number(match[1]), Number(match[2])];
    const year = match[3] ? Number(match[3]) : undefined;
    // "at 10.12." is a time; "at 10.12.2026" a date still (was 12 October, chrono's).
    if (/[\p{L}\p{N}.,]$/u.test(before) || (NUMBERED.test(before) && !(year !== undefined && TIME_WORD_BEFORE.test(before)))) return null;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year ?? 2024, month)) return null;
    const components = context.createParsingComponents({ day, month }).addTag("parser/dottedDate");
    if (year !== undefined) components.assign("year", year);
    return components;
  },
};
/**
 * A time after "@", "around" or "~" ("@ 10.30", "around 10", "~10:30", "around 7pm"), as the
 * assistant reads it (services/chat domain/when.py, _take_clock): as "at" would be (a bare hour
 * by the rule below, "09:30" and "17:30" as typed); "~" only with minutes or am/pm ("~10 items").
 * Not an amount ("around 10 people", "around 10.50 euros", "around 10 minutes"), nor "bob@10".
 */
const ABOUT_TIME: chrono.Parser = {
  pattern: () =>
    /(?:@\s*|around\s+|(~)\s*)([01]?\d|2[0-3])(?:[.:]([0-5]\d))?(?:\s*([ap])\.?m\b\.?)?(?![\p{L}\p{N}]|[.,]\d)(?!\s*(?:%|€|\$|£|(?:euros?|eur|dollars?|usd|gbp|pounds?|people|persons?|times|percent|items?|min(?:ute)?s?|h|hours?|hrs?|days?|weeks?|months?|years?|km|kg|miles?)\b))/iu,
  extract: (context, match) => {
    const [, tilde, hour, minute, half] = match;
    if (/[\p{L}\p{N}]$/u.test(context.text.slice(0, match.index)) || (tilde && !minute && !half)) return null;
    const components = context.createParsingComponents({ hour: Number(hour) % (half ? 12 : 24), minute: Number(minute ?? 0) });
    if (half) components.assign("meridiem", half.toLowerCase() === "a" ? chrono.Meridiem.AM : chrono.Meridiem.PM);
    if (half?.toLowerCase() === "p") components.assign("hour", (Number(hour) % 12) + 12);
    // "09:30", "17:30" are meant as typed.
    else if (!half && (hour.startsWith("0") || Number(hour) > 12)) components.assign("meridiem", Number(hour) < 12 ? chrono.Meridiem.AM : chrono.Meridiem.PM);
    return components.addTag("parser/aboutTime");
  },
};
/**
 * "next month on the 15th", "on the 15th next month", "the 3rd of next month": that day of next
 * month (its last when the month is shorter; toHit), as the assistant reads it (when.py).
 */
const NEXT_MONTH_DAY: chrono.Parser = {
  pattern: () =>
    /(?<![\p{L}\p{N}])(?:(?:(?:on|by|for|until)\s+)?(?:the\s+)?(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s+(?:of\s+)?next\s+month|next\s+month\s*,?\s+(?:on|by)\s+the\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\s+of\b))(?![\p{L}\p{N}'’])/iu,
  extract: (context, match) => {
    const ref = context.reference.getDateWithAdjustedTimezone();
    const { year, month } = addMonths({ year: ref.getFullYear(), month: ref.getMonth() + 1, day: 1 }, 1);
    const day = Math.min(Number(match[1] ?? match[2]), daysInMonth(year, month));
    return context.createParsingComponents({ year, month, day }).addTag("parser/nextMonthDay");
  },
};
/**
 * Words that may follow a day of the month said alone and leave it a date ("on the 1st at 5pm",
 * "by the 15th please", "on the 3rd in the morning", and priority words: "on the 1st urgent",
 * "on the 1st high priority", as the assistant reads them, services/chat domain/when.py
 * _AFTER_A_DAY; before, 'pay rent on the 1st' with no date); another word after it ("on the 1st
 * draft", "on the 3rd floor") makes it words of the title when the title has words before it too.
 */
const AFTER_A_DAY = /^\s+(?:at|around|about|from|in|and|then|to|with|for|please|pls|thanks|thank|latest|morning|afternoon|evening|night|noon|midnight|remind|before|by|until|till|urgent|urgently|critical|important|unimportant|asap|very|top|highest|high|lowest|low|medium|not)(?![\p{L}\p{N}'’-])/iu;
/**
 * "on the 1st", "by the 2nd", "before the 15th", "until the 31st" (also "till", "for"; "on the 15"
 * without its ending): the next such day of a month after today, at the usual hour of a date
 * (09:00, or the time said), as the assistant reads it (services/chat domain/when.py, take_date):
 * typed on the 25th, "on the 25th" is next month's; "on the 31st" is the next month that has a
 * 31st (typed on 30 January, 31 March). Before, the words stayed in the title and no date was set.
 * Not without its connector ("buy 1st aid kit", "the 1st draft"), not "on the 1st of march"
 * (chrono's date), not a day no month has ("on the 45th"), and not with words of the title on
 * both sides ("Comment on the 1st draft", "Meet on the 3rd floor": the assistant's reading,
 * 'Comment draft', is not taken here).
 */
const DAY_OF_A_MONTH_WORDS = String.raw`(?:on|by|before|until|${TILL}|for)\s+the\s+(\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}'’-]|[.,:]\d)(?!\s+of\b)`;
const DAY_OF_A_MONTH: chrono.Parser = {
  pattern: () => new RegExp(DAY_OF_A_MONTH_WORDS, "iu"),
  extract: (context, match) => {
    const at = match.index ?? 0;
    const [before, after] = [context.text.slice(0, at), context.text.slice(at + match[0].length)];
    // "won the 1st prize", "upon the 2nd": no connector of its own.
    if (/[\p{L}\p{N}]$/u.test(before)) return null;
    if (/[\p{L}\p{N}]/u.test(before) && /^\s+[\p{L}]/u.test(after) && !AFTER_A_DAY.test(after)) return null;
    const wanted = Number(match[1]);
    const ref = context.reference.getDateWithAdjustedTimezone();
    const today = { year: ref.getFullYear(), month: ref.getMonth() + 1, day: ref.getDate() };
    for (let months = 0; months < 3; months++) {
      const { year, month } = addMonths({ ...today, day: 1 }, months);
      const day = { year, month, day: wanted };
      if (wanted >= 1 && wanted <= daysInMonth(year, month) && compareDays(day, today) > 0)
        return context.createParsingComponents(day).addTag("parser/dayOfAMonth");
    }
    return null;
  },
};
/**
 * A numeric date that reads either way round ("03/02", "3/2/2027", "03-02-2027"), for a reader
 * who writes the day first: day/month, as the assistant reads it for such a reader's zone
 * (services/chat domain/when.py, _calendar_date). The words chrono's own reading takes (its
 * month/day); a date that reads only one way ("3/14", "14/01") is left to it.
 */
const DAY_FIRST_DATE: chrono.Parser = {
  pattern: () => /(?<![\d/])(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|-\d)/,
  extract: (context, match) => {
    const [, first, separator, second, year] = match;
    const [day, month] = [Number(first), Number(second)];
    // chrono reads "-" only with a year ("03-02" may be a score); day > 12 reads one way only.
    if ((separator === "-" && !year) || day < 1 || day > 12 || month < 1 || month > 12) return null;
    const components = context.createParsingComponents({ day, month }).addTag("parser/dayFirstDate");
    if (year) components.assign("year", year.length === 2 ? 2000 + Number(year) : Number(year));
    return components;
  },
};
/** A day said (a day of a month, a weekday, "tomorrow"), without a time. */
const isDayAlone = (c: chrono.ParsingComponents) => (c.isCertain("day") || c.isCertain("weekday")) && !c.isCertain("hour");
/** A part of the day said alone ("morning", not "this morning", "3 in the morning"). */
const isLonePart = (result: chrono.ParsingResult) =>
  LONE_PART_OF_DAY.test(result.text.trim()) && !result.start.isCertain("hour") && !isDayAlone(result.start);
/** chrono's "3 in the morning", "3 at night": an hour said with a part of the day (03:00). */
const HOUR_AND_PART = /^(\d{1,2})\s+(?:in\s+the\s+(?:morning|afternoon|evening|night)|at\s+night)$/i;
/** An hour right before its part of the day ("3 in the morning", "at 7 in the morning", "11 at night"), without am/pm. */
const HOUR_BEFORE_PART = /(?<![\p{L}\p{N}.,:/'’-])(\d{1,2})(?:[:.]\d{2})?\s+(?:in\s+the\s+(morning|afternoon|evening|night)|at\s+(night))$/iu;
/**
 * The hour of a bare `hour` said before the part of the day `part`, as the assistant reads it
 * (services/chat domain/when.py, _guess_meridiem): in the morning 1–11 am and 12 the midnight that
 * begins the morning ("12 in the morning" 00:00); at or in the night 1–5 the small hours, else the
 * evening; in the afternoon or evening pm (12 noon). null: 12 at night, the midnight that ends the
 * night (toHit), or an hour no part has ("13 in the evening").
 */
function partHour(hour: number, part: string): number | null {
  if (hour < 1 || hour > 12) return null;
  if (/morning/i.test(part)) return hour % 12;
  if (/night/i.test(part)) return hour === 12 ? null : hour <= 5 ? hour : hour + 12;
  return hour === 12 ? 12 : hour + 12;
}
/** `components` at the hour partHour gives, meridiem and all; unchanged when it gives none. */
function atPartHour(components: chrono.ParsingComponents, hour: number, part: string): chrono.ParsingComponents {
  const inPart = partHour(hour, part);
  if (inPart === null) return components;
  components.assign("hour", inPart);
  components.assign("meridiem", inPart < 12 ? chrono.Meridiem.AM : chrono.Meridiem.PM);
  return components;
}
/**
 * The time of `time` in the part of the day `part` said after it ("at 9 in the evening" 21:00,
 * "around 7 in the morning" 07:00, "at 2 in the night" 02:00): a bare hour in that part
 * (partHour), as the assistant reads it (services/chat domain/when.py, _in_part); a time with
 * am/pm stays as said ("at 9pm in the evening").
 */
function hourInPart(time: chrono.ParsingComponents, part: string): chrono.ParsingComponents {
  const components = time.clone().addTags(time.tags());
  if (time.isCertain("meridiem")) return components;
  return atPartHour(components, components.get("hour") ?? 0, part);
}
/** "this evening", "tonight" …: today's part of the day, a weekday's when one is said with it ("this evening friday"). */
const THIS_PART_WORDS = /^(?:this\s+(?:morning|afternoon|evening)|tonight)$/i;
/**
 * The day of `day` at the part of the day of `part`: its hour implied, so that a time said after
 * them keeps to that half of the day ("friday in the evening at 7": 19:00), as chrono's "friday
 * evening at 7" does; toHit gives the part's hour from the words.
 */
function dayAtPart(day: chrono.ParsingComponents, part: chrono.ParsingComponents | undefined): chrono.ParsingComponents {
  // clone() leaves the tags behind ("parser/dayOfAMonth", "parser/nextMonthDay": toHit reads them).
  const components = day.clone().addTags(day.tags());
  if (!part) return components;
  for (const unit of ["hour", "minute", "meridiem"] as const) {
    const value = part.get(unit);
    if (value !== null) components.imply(unit, value);
  }
  return components.addTags(part.tags());
}
/**
 * A day and a part of the day said together, in either order: one date, that day at the part's
 * hour, as the assistant reads them (services/chat domain/when.py). This runs on the readings of
 * the parsers, before chrono's refiners join or drop them:
 * - "on the 3rd in the morning", "friday in the evening": chrono joins a day and a part only
 *   with nothing, "at", "on" … between them ("on the 3rd morning"); with "in the" the part alone
 *   (a time) outranked the day, which stayed in the title.
 * - "on dec 3 in the morning", "12/3 at night": chrono read the day's number with the part as a
 *   time ("3 in the morning", 03:00 tomorrow), longer than the date, which it dropped ('pay rent
 *   on dec').
 * - "in the evening friday", "in the morning on the 3rd", "evening tomorrow": "in the"/"at"/"by"
 *   before the part goes with them. chrono joined them but took the part for the date and lost
 *   the day (today 18:00, 'call mom in the').
 * - "friday on the 1st": the weekday; the day of the month said alone stays words of the title,
 *   as in "on the 1st friday" and "tomorrow on the 1st" (pickDue). chrono made them one date,
 *   the 1st. So with a part of the day: "on the 1st in the morning friday", "friday on the 1st in
 *   the morning" are Friday 09:00, 'on the 1st' in the title, as the assistant reads them (the
 *   part went with the 1st: 1 December).
 * - "at 9 in the evening", "around 9 in the evening", "at 9:30 in the night": the hour in that
 *   part (hourInPart: 21:00, 21:30), as the assistant reads it. chrono reads "in the morning",
 *   "in the afternoon" after its own hours only: the part alone (18:00) outranked the time, and
 *   'at 9' stayed in the title.
 * - "this evening friday", "friday tonight": the weekday at the part's hour (toHit: today when
 *   the weekday is today's), as the assistant reads "this evening friday". chrono's was today's
 *   evening, or tonight with 'friday' left in the title.
 * A part inside another reading ("friday at 3 in the morning": 03:00) is left to chrono.
 */
/**
 * A bare number next to a day ("pay rent 10 tomorrow", "pay rent tomorrow 10", "call mom 5
 * friday") is words of the title, as the assistant reads it and as "meet anna 10.30" is: a time
 * is said with "at", am/pm, a colon or a part of the day. chrono read two digits as the hour
 * (10:00) and one digit not at all ('call mom 5').
 */
const BARE_NUMBER_BY_A_DAY: chrono.Refiner = {
  refine: (context, results) => {
    const end = (result: chrono.ParsingResult) => result.index + result.text.length;
    const bare = (result: chrono.ParsingResult) => /^\d{1,2}$/.test(result.text.trim()) && result.start.isCertain("hour") && !result.start.isCertain("day");
    const next = (a: chrono.ParsingResult, b: chrono.ParsingResult) => end(a) <= b.index && /^\s+(?:on\s+)?$/i.test(context.text.slice(end(a), b.index));
    return results.filter((number) => !(bare(number) && results.some((day) => isDayAlone(day.start) && (next(number, day) || next(day, number)))));
  },
};
const DAY_AND_PART: chrono.Refiner = {
  refine: (context, results) => {
    const end = (result: chrono.ParsingResult) => result.index + result.text.length;
    const within = (inner: chrono.ParsingResult, outer: chrono.ParsingResult) =>
      inner !== outer && inner.index >= outer.index && end(inner) <= end(outer);
    const between = (first: chrono.ParsingResult | number, last: chrono.ParsingResult) =>
      context.text.slice(typeof first === "number" ? first : end(first), last.index);
    // Of the days ending (or starting) at the same place, the longest ("next month on the 3rd").
    const longest = (days: chrono.ParsingResult[]) => days.sort((a, b) => end(b) - b.index - (end(a) - a.index))[0];
    const dropped = new Set<chrono.ParsingResult>();
    const joined: chrono.ParsingResult[] = [];
    const join = (start: number, last: number, day: chrono.ParsingResult, part: chrono.ParsingResult | undefined, ...taken: chrono.ParsingResult[]) => {
      joined.push(context.createParsingResult(start, context.text.slice(start, last), dayAtPart(day.start, part?.start)));
      for (const result of [day, ...taken]) dropped.add(result);
    };
    const monthDay = (result: chrono.ParsingResult) => result.tags().has("parser/dayOfAMonth");
    for (const weekday of results) {
      if (!weekday.start.isCertain("weekday") || weekday.start.isCertain("day")) continue;
      for (const day of results) if (monthDay(day) && day.index >= end(weekday) && /^,?\s*$/.test(between(weekday, day))) dropped.add(day);
    }
    // chrono's own "3 in the morning", "at 7 in the afternoon", "11 at night": the hour in that
    // part as partHour reads it (chrono's "12 in the morning" was noon, "7 in the afternoon" 07:00).
    for (const time of results) {
      const said = HOUR_BEFORE_PART.exec(time.text);
      if (said && time.start.isCertain("hour") && !/\d\s*[ap]\.?m/i.test(time.text)) atPartHour(time.start, Number(said[1]), said[2] ?? said[3]);
    }
    for (const part of results) {
      if (!isLonePart(part)) continue;
      const time = results.find(
        (time) => time.start.isCertain("hour") && !isDayAlone(time.start) && end(time) <= part.index && /^\s+in\s+the\s+$/i.test(between(time, part)),
      );
      if (time) {
        joined.push(context.createParsingResult(time.index, context.text.slice(time.index, end(part)), hourInPart(time.start, part.text)));
        // chrono's "7 in the morning" of "around 7 in the morning" too.
        for (const result of results) if (result.index >= time.index && end(result) <= end(part)) dropped.add(result);
        continue;
      }
      // A bare hour chrono did not read ("pay rent 3 in the evening", "9 in the night"), but
      // not the number of a date ("on dec 3 in the evening": below).
      const said = HOUR_BEFORE_PART.exec(context.text.slice(0, end(part)));
      if (!said || results.some((result) => result !== part && result.index <= said.index && said.index < end(result))) continue;
      const hour = context.createParsingComponents({ hour: Number(said[1]), minute: Number(/[:.](\d{2})/.exec(said[0])?.[1] ?? 0) });
      joined.push(context.createParsingResult(said.index, said[0], atPartHour(hour, Number(said[1]), part.text)));
      dropped.add(part);
    }
    // The days said without a time, but those taken by a reading above.
    const days = () => results.filter((result) => isDayAlone(result.start) && !dropped.has(result));
    for (const part of results) {
      if (!THIS_PART_WORDS.test(part.text.trim()) || dropped.has(part)) continue;
      const apart = /^\s*,?\s*(?:on\s+)?$/i;
      const said = (day: chrono.ParsingResult) =>
        day !== part &&
        day.start.isCertain("weekday") &&
        !day.start.isCertain("day") &&
        ((end(day) <= part.index && apart.test(between(day, part))) || (day.index >= end(part) && apart.test(between(part, day))));
      // "lie in the sun this afternoon", "sat tonight": "sun", "sat", "wed" without a connector
      // stay words, as alone (connectorOrIncidental); chrono would join them to the part.
      const word = (day: chrono.ParsingResult) => WORDLIKE_WEEKDAY.test(day.text.trim()) && !DATE_CONNECTOR.test(context.text.slice(0, day.index));
      for (const day of days()) if (said(day) && word(day)) dropped.add(day);
      const weekday = days().find(said);
      if (weekday) join(Math.min(weekday.index, part.index), Math.max(end(weekday), end(part)), weekday, part, part);
    }
    for (const part of results) {
      if (!isLonePart(part) || dropped.has(part) || results.some((other) => within(part, other))) continue;
      const after = longest(days().filter((day) => day.index >= end(part) && /^\s+(?:on\s+)?(?:the\s+)?$/i.test(between(part, day))));
      // "at 8pm friday evening": chrono joins the time and the day first, and the part was left
      // in the title; the day and its part are joined here, and chrono joins the time to them.
      const timed = (day: chrono.ParsingResult) =>
        /^\s*,?\s*$/.test(between(day, part)) &&
        results.some((time) => time.start.isCertain("hour") && !isDayAlone(time.start) && end(time) <= day.index && /^\s*,?\s*(?:on\s+)?$/i.test(between(time, day)));
      const before = longest(
        // A day of the month said alone yields to another day after the part, which takes it.
        days().filter(
          (day) =>
            end(day) <= part.index &&
            (/^\s+in\s+the\s+$/i.test(between(day, part)) || timed(day)) &&
            !(monthDay(day) && after && !monthDay(after)),
        ),
      );
      if (before) join(before.index, end(part), before, part, part);
      else if (after) {
        const start = part.index - (PART_CONNECTOR.exec(context.text.slice(0, part.index))?.[1].length ?? 0);
        join(start, end(after), after, part, part);
      }
    }
    for (const time of results) {
      const hour = HOUR_AND_PART.exec(time.text);
      if (!hour || !time.start.isCertain("hour")) continue;
      const day = longest(days().filter((day) => day.index < time.index && end(day) === time.index + hour[1].length));
      if (day) join(day.index, end(time), day, results.find((part) => isLonePart(part) && end(part) === end(time)), time);
    }
    return [...results.filter((result) => !dropped.has(result)), ...joined].sort((a, b) => a.index - b.index);
  },
};
const reader = chrono.casual.clone();
// First: of two readings of the same words, chrono keeps the first ("10.12.2026" as day.month).
reader.parsers.unshift(DOTTED_DATE);
reader.parsers.push(AFTER_PART, AT_LUNCH, ABOUT_TIME, NEXT_MONTH_DAY, DAY_OF_A_MONTH);
// First: on the readings of the parsers, before chrono's refiners join or drop them.
reader.refiners.unshift(DAY_AND_PART, BARE_NUMBER_BY_A_DAY);
/** The reader of a reader who writes the day first (QuickAddOptions.locale). */
const dayFirstReader = reader.clone();
dayFirstReader.parsers.unshift(DAY_FIRST_DATE);

/** Time-of-day words whose hour chrono has already placed in the day ("noon", "this evening at 8"). */
const DAY_PART = /\b(?:noon|midday|midnight|morning|afternoon|evening|night|tonight)\b/i;

/**
 * A part of the day named without a time ("sunday evening", "tomorrow afternoon", "tonight") is
 * due at the assistant's hour for it (services/chat domain/when.py, PARTS_OF_DAY); chrono only
 * implies an hour for these, which was dropped for 09:00. "this evening", "tonight" are today.
 */
const PART_HOURS: Array<[RegExp, number]> = [
  [/\bmorning\b/i, 9],
  [/\bafternoon\b/i, 15],
  [/\bevening\b/i, 18],
  [/\b(?:tonight|night|nightly|week\s*nights?)\b/i, 20],
];
/** Words of the night, with which 12 is midnight ("every night at 12", "tonight at 12"). */
const NIGHT = /\b(?:tonight|night|nightly|week\s*nights?|midnight)\b/i;
const THIS_PART = /\b(?:this\s+(?:morning|afternoon|evening)|tonight)\b/i;
/** A zero-padded hour ("09:30", "at 05") is a 24-hour time, meant as typed. */
const ZERO_PADDED_HOUR = /(?:^|\s)0\d(?:[:.]\d{2})?\b/;

/**
 * On a day other than today, a bare hour 1–7 is in the afternoon or evening, 8–11 in the
 * morning, 12 noon: the assistant's rule (services/chat domain/when.py, _guess_meridiem).
 */
const LAST_PM_HOUR = 7;

/**
 * The half of the day a bare hour 1–11 is in, when words say it; null: the rule above. "night":
 * pm, and 12 is midnight (00:00), not noon.
 */
type Half = "am" | "pm" | "night" | null;

/**
 * The half of the day a repeat's part of the day says, as the assistant reads a part said with
 * an hour (services/chat domain/when.py, _guess_meridiem): "every morning" am, "every
 * afternoon", "every evening", "every night", "every weeknight" pm; null for any other rule.
 */
function ruleHalf(ruleWords: string): Half {
  if (/\bmorning\b/i.test(ruleWords)) return "am";
  if (NIGHT.test(ruleWords)) return "night";
  return /\b(?:afternoon|evening)\b/i.test(ruleWords) ? "pm" : null;
}

/**
 * "at 5" without am/pm, without a day: the hour people mean, as the assistant reads it
 * (services/chat domain/when.py, take_when and _guess_meridiem): 1–7 pm, 8–11 am, 12 noon, today
 * while that is still ahead, else tomorrow ("at 5" is 17:00 today at 13:15, 17:00 tomorrow at
 * 17:17; "at 8" at 17:17 is tomorrow 08:00). On a day named explicitly that is today ("today at
 * 5"), the first of 5:00 and 17:00 still ahead (else 17:00). On any other named day the hour people
 * mean too: "tomorrow at 5" 17:00, "friday at 9" 09:00. So is the hour of a repeating task,
 * whatever the time now: "every day at 7" is 19:00 every day, starting today if that hour is
 * still ahead, else tomorrow (a rule that pins its days moves it on).
 */
function resolveBareHour(
  wall: DateHit["wall"],
  hasDate: boolean,
  repeating: boolean,
  options: QuickAddOptions,
  half: Half = null,
): DateHit["wall"] {
  const now = wallClock(options.now, options.timeZone);
  const isToday = wall.year === now.year && wall.month === now.month && wall.day === now.day;
  const tomorrow = addDays(now.year, now.month, now.day, 1);
  const isAhead = (d: { year: number; month: number; day: number; hour: number }) =>
    zonedTimeToUtc(d.year, d.month, d.day, d.hour, wall.minute, options.timeZone).getTime() > options.now.getTime();
  if (repeating || !hasDate || !isToday) {
    const twelve = wall.hour % 12;
    // The part of the day of the rule says the half of the day of 1–11 ("every night at 9": 21:00).
    // "every night at 12" is midnight, "every day at 12" noon.
    const hour = twelve === 0 ? (half === "night" ? 0 : 12) : half ? twelve + (half === "am" ? 0 : 12) : twelve <= LAST_PM_HOUR ? twelve + 12 : twelve;
    if (hasDate) return { ...wall, hour };
    const today = { year: now.year, month: now.month, day: now.day, hour, minute: wall.minute };
    return isAhead(today) ? today : { year: tomorrow.year, month: tomorrow.month, day: tomorrow.day, hour, minute: wall.minute };
  }
  const am = wall.hour % 12;
  const candidates = [
    { ...now, hour: am },
    { ...now, hour: am + 12 },
  ];
  const chosen = candidates.find(isAhead) ?? candidates[1];
  return { year: chosen.year, month: chosen.month, day: chosen.day, hour: chosen.hour, minute: wall.minute };
}

/**
 * True when the words name a weekday without a date ("friday", "on fri", "this friday", "friday
 * at 3pm") and chrono dated it today, in the user's zone: today is that weekday. chrono's
 * forwardDate keeps it today until noon or until the time given; the rule (the assistant's, and
 * the evaluation contract's: "the next such day after today") is the same weekday next week.
 */
/**
 * "next friday" (not "friday next week" nor "next week friday"), said on a day other than
 * Friday: chrono's is next week's Friday, the assistant's the coming one (the next such day after
 * today, services/chat domain/when.py next_weekday: on a Wednesday the Friday two days on, on a
 * Friday the one a week on). The weekday's date as the assistant reads it, or null.
 */
const NEXT_WEEKDAY = /\bnext\s+(?:mon|tue|wed|thu|fri|sat|sun)/i;
function nextWeekday(c: chrono.ParsedResult["start"], text: string, options: QuickAddOptions): LocalDate | null {
  if (!c.isCertain("weekday") || c.isCertain("day") || c.isCertain("month")) return null;
  if (!NEXT_WEEKDAY.test(text) || /\bweek\b/i.test(text)) return null;
  const today = wallClock(options.now, options.timeZone);
  const ahead = ((c.get("weekday") ?? 0) - today.weekday + 7) % 7 || 7;
  const { year, month, day } = addDays(today.year, today.month, today.day, ahead);
  return { year, month, day };
}

function weekdayNamedToday(c: chrono.ParsedResult["start"], wall: DateHit["wall"], options: QuickAddOptions): boolean {
  if (!c.isCertain("weekday") || c.isCertain("day") || c.isCertain("month")) return false;
  const today = wallClock(options.now, options.timeZone);
  return wall.year === today.year && wall.month === today.month && wall.day === today.day && c.get("weekday") === today.weekday;
}

/**
 * True when the words name today's day and month without a year ("Nov 27", "27/11", "Friday Nov
 * 27" typed on 27 November, in the user's zone) and chrono dated them another year. chrono's
 * forwardDate moves a date without a year to next year once it is before the reference instant,
 * and a date without a time counts as its noon: after 12:00 today's date was next year's, and
 * "Nov 27 at 10am" was so from 10:00. Today's date is today, like "today" (by 23:59 when 09:00 has
 * passed; "Nov 27 at 10am" typed at 13:00 is overdue, like "today at 10am"). Yesterday's date
 * ("Nov 26") stays next year's, as the assistant reads it.
 */
function todaysDateTyped(c: chrono.ParsedResult["start"], wall: DateHit["wall"], options: QuickAddOptions): boolean {
  if (c.isCertain("year") || !c.isCertain("day") || !c.isCertain("month")) return false;
  const today = wallClock(options.now, options.timeZone);
  return wall.year !== today.year && wall.month === today.month && wall.day === today.day;
}

function toHit(result: chrono.ParsedResult, start: number, end: number, options: QuickAddOptions, repeating: boolean, half: Half = null): DateHit {
  const c = result.start;
  const partHour = c.isCertain("hour") ? undefined : PART_HOURS.find(([words]) => words.test(result.text))?.[1];
  const partOfDay = partHour !== undefined;
  const hasTime = c.isCertain("hour") || partOfDay;
  let hasDate = c.isCertain("day") || c.isCertain("weekday") || c.isCertain("month");
  let wall = {
    year: c.get("year") ?? 0,
    month: c.get("month") ?? 1,
    day: c.get("day") ?? 1,
    hour: partHour ?? (hasTime ? (c.get("hour") ?? 0) : DEFAULT_HOUR),
    minute: hasTime && !partOfDay ? (c.get("minute") ?? 0) : 0,
  };
  if (THIS_PART.test(result.text) && !c.isCertain("weekday")) {
    // chrono moves "this evening" to tomorrow once its own hour for it (20:00) has passed.
    const today = wallClock(options.now, options.timeZone);
    wall = { ...wall, year: today.year, month: today.month, day: today.day };
    // Today's, as "tonight" is: an hour said apart is in that part ("this evening about taxes at 8": 20:00; pickDue).
    hasDate = true;
  }
  if (todaysDateTyped(c, wall, options)) wall = { ...wall, year: wallClock(options.now, options.timeZone).year };
  // "tonight friday" typed on a Friday: tonight (DAY_AND_PART), not next week's.
  if (weekdayNamedToday(c, wall, options) && !THIS_PART.test(result.text)) {
    const { year, month, day } = addDays(wall.year, wall.month, wall.day, 7);
    wall = { ...wall, year, month, day };
  }
  const weekday = nextWeekday(c, result.text, options);
  if (weekday) wall = { ...wall, ...weekday };
  // "next week" (not "in a week", nor "next week friday") is its Monday, "next month" (not "in a
  // month") its 1st, as the assistant reads them and as "starting next week" is (chrono's are a
  // week and a month from today).
  const next = NEXT_WEEK_OR_MONTH.exec(result.text.trim());
  if (next && !c.isCertain("weekday")) wall = { ...wall, ...nextWeekOrMonth(next[1], wallClock(options.now, options.timeZone)) };
  // "next month on the 15th": NEXT_MONTH_DAY's day, not the 1st.
  if (result.tags().has("parser/nextMonthDay")) wall = { ...wall, year: c.get("year") ?? wall.year, month: c.get("month") ?? wall.month, day: c.get("day") ?? 1 };
  const bareHour =
    hasTime &&
    !c.isCertain("meridiem") &&
    wall.hour >= 1 &&
    wall.hour <= 12 &&
    !DAY_PART.test(result.text) &&
    !ZERO_PADDED_HOUR.test(result.text);
  if (bareHour) wall = resolveBareHour(wall, hasDate, repeating, options, half);
  const twelve = c.isCertain("meridiem") ? wall.hour === 0 && /\b12(?:[:.]\d\d)?\s*a/i.test(result.text) : wall.hour === 12;
  let nightsEnd = false;
  if (c.isCertain("hour") && twelve && NIGHT.test(result.text)) {
    // "tonight at 12", "friday night at 12", "tonight at midnight", "tonight at 12am": the
    // midnight that ends that night (chrono's is noon, or today's 00:00 for 12am), or the coming
    // one when no day is said.
    const night = hasDate ? wall : wallClock(options.now, options.timeZone);
    const { year, month, day } = addDays(night.year, night.month, night.day, 1);
    wall = { ...wall, year, month, day, hour: 0 };
    nightsEnd = true;
  }
  const monthDay = result.tags().has("parser/dayOfAMonth");
  return { wall, hasTime, hasDate, partOfDay, monthDayAlone: monthDay && !hasTime, monthDay, bareHour, nightsEnd, start, end };
}

/**
 * The text as chrono is given it: each run of blanks one space (where words were taken out, a
 * tag or a mark, many are left), and where each of its characters is in the text. chrono reads
 * a month name followed by many blanks ("10 december" and the blanks of "#admin !urgent") as
 * the month alone, longer than the date before it, and lost the date.
 */
function compacted(text: string): { text: string; at: number[] } {
  let out = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]) && i > 0 && /\s/.test(text[i - 1])) continue;
    out += /\s/.test(text[i]) ? " " : text[i];
    at.push(i);
  }
  return { text: out, at };
}

/**
 * The date expressions in `text` from `from` on, in order, without the incidental ones.
 * `repeating`: the line has a recurrence, which changes how a bare hour is read.
 */
function findDates(text: string, from: number, options: QuickAddOptions, repeating = false, half: Half = null): DateHit[] {
  const reference = { instant: options.now, timezone: zoneOffsetMinutes(options.now, options.timeZone) };
  const hits: DateHit[] = [];
  let position = from;
  reading: while (position < text.length) {
    const read = compacted(text.slice(position));
    for (const result of (readsDayFirst(options.locale) ? dayFirstReader : reader).parse(read.text, reference, { forwardDate: true })) {
      // chrono's text can begin or end with the blanks of words taken ("every saturday morning").
      const first = result.index + (/^\s*/.exec(result.text)?.[0].length ?? 0);
      const last = result.index + result.text.trimEnd().length;
      if (last <= first) continue;
      const start = position + read.at[first];
      const end = position + read.at[last - 1] + 1;
      const titleWords =
        possessiveAt(text, end) ||
        inHyphenatedWord(text, start, end) ||
        ACRONYM.test(result.text.trim()) ||
        (/^\d/.test(result.text.trim()) && NUMBER_OF.test(text.slice(0, start)));
      const connector = titleWords ? null : connectorOrIncidental(result, text.slice(0, start), text.slice(end));
      if (connector === null) {
        // chrono may have merged the incidental words with a date after them ("the week at 5",
        // "march at 5"), or read the day of a possessive ("next week's menu"): read again from
        // the next word.
        position = start + (/^\S+/.exec(text.slice(start))?.[0].length ?? 1);
        continue reading;
      }
      // "on the last day of the month", "on the 3rd of december": chrono's words start at "last",
      // at "3rd"; "the" goes with them (it stayed: 'Dentist on the').
      const the = /^(?:last\s+day\s+of|\d{1,2}(?:st|nd|rd|th))\b/i.test(result.text.trimStart()) ? (/(?:^|\s)(the\s+)$/i.exec(text.slice(0, start))?.[1].length ?? 0) : 0;
      // "bob@10:30": the "@" goes with the time, as "bob @10:30" does.
      const at = /[\p{L}\p{N}]@$/u.test(text.slice(0, start)) ? 1 : 0;
      hits.push({ ...toHit(result, start, end, options, repeating, half), start: start - connector - the - at });
    }
    break;
  }
  return hits;
}

/** Of several date expressions, the most specific (a day and a time, then a time, then a day), and of equals the last one. */
function mostSpecific(hits: DateHit[]): DateHit | null {
  const rank = (hit: DateHit) => (hit.hasTime ? 2 : 0) + (hit.monthDayAlone ? 0.5 : hit.hasDate ? 1 : 0);
  return hits.reduce<DateHit | null>((best, hit) => (!best || rank(hit) >= rank(best) ? hit : best), null);
}

/**
 * The due date among several date expressions: the most specific (a day and a time, then a
 * time, then a day), and of equals the last one, so a date typed at the end of the line wins.
 * A day of the month said alone yields to any other day ("pay rent tomorrow on the 1st", "pay
 * rent on the 1st tomorrow": tomorrow, 'pay rent on the 1st'), as the assistant reads both
 * orders (services/chat domain/when.py). The others stay in the title.
 * A time and a day said apart, title words between them ("call mom friday about taxes at 5pm",
 * "call mom at 5 about taxes friday", "pay rent on the 1st about taxes at 5pm"), are one due
 * time, that day at that time, the words between them in the title, as the assistant reads them
 * (when.py, take_when: a day and a time each taken from anywhere in the line) and as they read
 * said together ("today … at 8" as "today at 8": the first of 08:00 and 20:00 still ahead). The
 * day is the one the rules above take of the days said without a time; the time said with a day
 * of the month alone goes with the other day ("pay rent tomorrow on the 1st at 5pm": tomorrow
 * 17:00, 'pay rent on the 1st'). A time alone is today's or tomorrow's as before. Of days said
 * as a list ("monday and friday"), the first (firstOfList). `text`: the line the hits are in,
 * read again for that time.
 */
function pickDue(hits: DateHit[], text: string, options: QuickAddOptions, repeating: boolean, half: Half): DateHit | null {
  const best = mostSpecific(hits);
  if (!best?.hasTime) return best && firstOfList(best, hits, text);
  if (best.hasDate && best.partOfDay) {
    // "tonight about taxes at 9", "friday evening … at 8": that day at the time, in the part's half.
    const time = mostSpecific(hits.filter((hit) => hit.hasTime && !hit.hasDate && !hit.partOfDay));
    return time ? dayAtTime(best, time, options, true, ruleHalf(text.slice(best.start, best.end))) : best;
  }
  const last = mostSpecific(hits.filter((hit) => hit.hasDate && !hit.hasTime));
  if (!last) return best;
  const day = firstOfList(last, hits, text);
  const time = !best.hasDate ? best : best.monthDay && !day.monthDay ? timeOfMonthDay(best, text, options, repeating, half) : null;
  return time ? dayAtTime(day, time, options, repeating, half) : best;
}

/** What joins days said as a list: "monday and friday", "monday or friday", "tomorrow, friday". */
const LIST_JOINER = /^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|&|\+)\s+)$/i;

/**
 * The first of the days said as a list with `day` ("call mom monday and friday about taxes at
 * 5pm": Monday, 'call mom and friday about taxes'), as the assistant reads them (when.py,
 * take_date: the first weekday said); `day` when it is no day said alone, or in no list. Days
 * not said as a list ("monday about taxes friday") are read as before: the last.
 */
function firstOfList(day: DateHit, hits: DateHit[], text: string): DateHit {
  const listed = (hit: DateHit) => hit.hasDate && !hit.hasTime && !hit.monthDayAlone;
  if (!listed(day)) return day;
  for (;;) {
    const first = day;
    // chrono's "monday," takes the comma of "monday, friday".
    const joiner = (hit: DateHit) => (text[hit.end - 1] === "," ? "," : "") + text.slice(hit.end, first.start);
    const before = hits.find((hit) => listed(hit) && hit.end <= first.start && LIST_JOINER.test(joiner(hit)));
    if (!before) return day;
    day = before;
  }
}

/**
 * The day of `day` at the time of `time`, said apart: a bare hour read on that day as
 * resolveBareHour reads it with `repeating` and `half` ("today … at 8": 20:00 at 17:17), 12 at
 * night the midnight that ends that day. The time's words are `apart`, to take out too.
 */
function dayAtTime(day: DateHit, time: DateHit, options: QuickAddOptions, repeating: boolean, half: Half): DateHit {
  let wall = { ...day.wall, hour: time.wall.hour, minute: time.wall.minute };
  if (time.bareHour) wall = resolveBareHour(wall, true, repeating, options, half);
  const nightsEnd = time.nightsEnd || (time.bareHour && half === "night" && wall.hour === 0);
  if (nightsEnd) {
    const { year, month, day: date } = addDays(wall.year, wall.month, wall.day, 1);
    wall = { ...wall, year, month, day: date };
  }
  return { ...day, wall, hasTime: true, partOfDay: time.partOfDay, monthDayAlone: false, bareHour: time.bareHour, nightsEnd, apart: { start: time.start, end: time.end } };
}

/**
 * The time said with a day of the month alone, read as one date by chrono ("on the 1st at 5pm",
 * "at 5pm on the 1st"): `text` read again without the day's words, or null.
 */
function timeOfMonthDay(hit: DateHit, text: string, options: QuickAddOptions, repeating: boolean, half: Half): DateHit | null {
  const day = new RegExp(DAY_OF_A_MONTH_WORDS, "iu").exec(text.slice(hit.start, hit.end));
  if (!day) return null;
  const [from, to] = [hit.start + day.index, hit.start + day.index + day[0].length];
  const without = text.slice(0, from) + " ".repeat(to - from) + text.slice(to, hit.end);
  return findDates(without, hit.start, options, repeating, half).find((time) => time.hasTime && !time.hasDate) ?? null;
}

function toInstant(hit: DateHit, options: QuickAddOptions): Date {
  const { year, month, day, hour, minute } = hit.wall;
  const instant = zonedTimeToUtc(year, month, day, hour, minute, options.timeZone);
  if ((!hit.hasTime || hit.partOfDay) && instant.getTime() <= options.now.getTime()) {
    // "today" after 09:00, "tonight" after 20:00: due by the end of the day rather than overdue.
    const endOfDay = zonedTimeToUtc(year, month, day, 23, 59, options.timeZone);
    if (endOfDay.getTime() > options.now.getTime()) return endOfDay;
  }
  return instant;
}

/**
 * The date expressions of the line but those the user kept (with or without the connector word
 * before them: "by friday", "friday"). Once a kept one is held the line is read again, as its
 * words may have changed how chrono read the words around them.
 */
function datesNotKept(line: Line, options: QuickAddOptions, repeating: boolean, half: Half): DateHit[] {
  for (;;) {
    const dates = findDates(line.text, 0, options, repeating, half);
    const heldBefore = line.heldCount;
    const kept = dates.filter((d) => line.kept(line.connectorBefore(d.start), d.end) || line.kept(d.start, d.end));
    if (kept.length === 0 || line.heldCount === heldBefore) return dates.filter((d) => !kept.includes(d));
  }
}

// -- the parser ------------------------------------------------------------------------------

/**
 * A frequency word alone ("daily", "weekly", "monthly" …) is the repeat when it is the line's
 * first word ("Weekly review") or when nothing of the title follows it ("Pay rent monthly",
 * "call mom weekly sunday", "backup daily at 2am"); with title words on both sides ("Cancel
 * monthly subscription", "Buy the daily newspaper") it is a word of the title, and the line is
 * read again with it held there. Of a first word and a last one ("Weekly review notes monthly"),
 * the last is the repeat, as another rule of the line would be ("Weekly review every friday").
 */
export function parseQuickAdd(input: string, options: QuickAddOptions): QuickAddResult {
  const titleWords: Span[] = [];
  let firstWord: QuickAddResult | null = null;
  for (;;) {
    const { result, line } = readLine(input, options, titleWords);
    const word = line.bareWord;
    if (!word) return firstWord ?? result;
    const around = line.titleAround(word.start, word.end);
    if (!around.after) return result;
    // First in the line: the repeat, unless a frequency word after it has no title after it.
    if (!around.before) {
      if (firstWord) return firstWord;
      firstWord = result;
    }
    titleWords.push(word);
  }
}

/**
 * The title with its first letter a capital ("review" → "Review"), unless its first word has
 * capitals of the user's own ("iPhone backup", "NASA briefing" stay as typed).
 */
function capitalised(title: string): string {
  return /^\p{Ll}[^\s\p{Lu}]*(?:\s|$)/u.test(title) ? title.charAt(0).toUpperCase() + title.slice(1) : title;
}

function readLine(input: string, options: QuickAddOptions, titleWords: readonly Span[]): { result: QuickAddResult; line: Line } {
  const line = new Line(input, options.keep, titleWords);
  const tags = takeTags(line);
  // A mark ("!low") says it outright; the words only when there is none, as the assistant reads them.
  const marks = takePriorityMarks(line);

  let remindOffsetMinutes: number | null = null;
  let remindAt: Date | null = null;
  const before = [...line.text.matchAll(REMIND_BEFORE)].find((m) => !line.kept(m.index, m.index + m[0].length));
  const atDue = [...line.text.matchAll(REMIND_AT_DUE)].find((m) => !line.kept(m.index, m.index + m[0].length));
  if (before) {
    const amount = before[1] ? 1 : Number(before[2]);
    const unit = UNIT_MINUTES.find(([pattern]) => pattern.test(before[3]))?.[1] ?? 1;
    remindOffsetMinutes = amount * unit;
    line.consume("reminder", before.index, before.index + before[0].length);
  } else if (atDue) {
    remindOffsetMinutes = 0;
    line.consume("reminder", atDue.index, atDue.index + atDue[0].length);
  } else {
    for (const at of line.text.matchAll(REMIND_AT)) {
      const afterWords = at.index + at[0].length;
      // Only a date right after the words ("remind me tomorrow 6pm"); chrono reads the "at" of
      // "remind me at 5" itself, as it needs it to take a bare 5 for a time.
      const afterRemind = at.index + at[1].length;
      const first = findDates(line.text, afterRemind, options)[0];
      const hit = first && /^\s*(?:(?:at|on)\s+)?$/i.test(line.text.slice(afterRemind, first.start)) ? first : null;
      if (line.kept(at.index, hit ? hit.end : afterWords)) continue;
      line.consume("reminder", at.index, hit ? hit.end : afterWords);
      if (hit) remindAt = toInstant(hit, options);
      else remindOffsetMinutes = 0; // bare "remind me": at the due time
      break;
    }
  }

  let rrule = takeRecurrence(line) ?? monthlyOfTitle(line, titleWords);
  const repeatFrom = rrule && takeFromCompletion(line) ? "completion" : "due";
  // "every night at 9": the rule's part of the day says the half of the day of a bare hour.
  const half = rrule ? ruleHalf(line.tokens.find((token) => token.kind === "recurrence")?.text ?? "") : null;
  // "call mom evening, thanks!": polite words ending the line, out before the dates are read.
  if (!rrule) takePoliteWords(line);
  // "every morning until dec 20": the series' last day, taken before the date is read as its first.
  const seriesEnd = rrule ? takeSeriesEnd(line, options) : null;

  // "every monday starting dec 7": the day the series starts; without a repeat ("Gym starting
  // monday") the day the task is due, as the assistant reads it.
  const start = takeStart(line, options, rrule !== null, half);

  let dueAt: Date | null = null;
  let dueHasTime = false;
  let capital = false;
  const dates = datesNotKept(line, options, rrule !== null, half);
  let hit = pickDue(dates, line.text, options, rrule !== null, half);
  if (start) {
    // The day from "starting …", its time from there or from a time said elsewhere ("every
    // tuesday at 6pm starting dec 1"); another day said stays in the title.
    const time = start.hasTime ? undefined : dates.filter((d) => d.hasTime && !d.hasDate).pop();
    if (time) line.consume("due", line.connectorBefore(time.start), time.end);
    hit = time ? { ...start, hasTime: true, partOfDay: time.partOfDay, wall: { ...start.wall, hour: time.wall.hour, minute: time.wall.minute } } : start;
  } else if (hit) {
    // "wait till monday to call bank": 'call bank' due Monday, the waiting said by the date.
    const from = line.connectorBefore(hit.start);
    const wait = /^\s*(?:wait|hold\s+off)\s+$/i.test(line.text.slice(0, from)) && /^(?:until|till)\s/i.test(line.text.slice(from));
    const to = wait ? /^\s+to\s+(?=\S)/i.exec(line.text.slice(hit.end)) : null;
    const waitFrom = line.text.search(/\S/);
    if (!to) line.consume("due", from, hit.end);
    else if (line.kept(waitFrom, hit.end + to[0].length)) hit = null;
    else {
      line.consume("due", waitFrom, hit.end + to[0].length);
      capital = /^\p{Lu}/u.test(line.input.slice(waitFrom)); // "Wait till …": 'Call bank'
    }
    // "call mom friday about taxes at 5pm": the time said apart from the day.
    if (hit?.apart) line.consume("due", line.connectorBefore(hit.apart.start), hit.apart.end);
  }
  if (hit) dueHasTime = hit.hasTime;
  if (rrule && (!hit || pinsDays(rrule))) {
    // The first due date is a day of the rule: from the date given, or from today.
    const from = hit?.hasDate ? hit.wall : wallClock(options.now, options.timeZone);
    // "every evening": the part's hour, unless a time was given.
    const ruleWords = line.tokens.find((token) => token.kind === "recurrence")?.text ?? "";
    const partHour = PART_HOURS.find(([words]) => words.test(ruleWords))?.[1];
    const [hour, minute] = hit?.hasTime ? [hit.wall.hour, hit.wall.minute] : [partHour ?? DEFAULT_HOUR, 0];
    // "every friday night at 12", "every weeknight at 12": the midnight that ends that night,
    // Saturday 00:00 (Tuesday to Saturday), as the assistant reads it.
    const said = line.tokens.map((token) => (token.kind === "due" || token.kind === "recurrence" ? token.text : "")).join(" ");
    if (hour === 0 && /\b(?:week\s*)?night/i.test(said) && rrule.startsWith("FREQ=WEEKLY")) {
      rrule = rrule.replace(/BYDAY=([A-Z,]+)/, (_, days: string) => `BYDAY=${DAY_ORDER.filter((d, i) => days.includes(DAY_ORDER[(i + 6) % 7])).join(",")}`);
    }
    dueAt = firstOccurrence(rrule, from, hour, minute, options);
  } else if (hit) {
    dueAt = toInstant(hit, options);
  }

  if (rrule && seriesEnd && dueAt) rrule = bounded(rrule, seriesEnd, wallClock(dueAt, options.timeZone), options);

  const priority = marks.marked ? marks.priority : (takePriorityWords(line) ?? marks.priority);
  takePoliteWords(line);

  if (remindOffsetMinutes !== null && dueAt) {
    remindAt = new Date(dueAt.getTime() - remindOffsetMinutes * 60_000);
  }

  // "weekly review": a repeat said before the title leaves it capitalised, as the assistant's are.
  if (line.tokens.some((token) => token.kind === "recurrence" && token.start < line.titleStart())) capital = true;
  // "Tomorrow call mom": the line's capital goes with the date said first to the title ('Call
  // mom', as the assistant's); "tomorrow call mom" typed in lower case stays 'call mom'.
  const lead = line.tokens.find((token) => token.start === line.input.search(/\S/));
  if (lead?.kind === "due" && lead.start < line.titleStart() && /^\p{Lu}/u.test(line.input.slice(lead.start))) capital = true;
  line.tokens.sort((a, b) => a.start - b.start);
  const title = line.remaining();
  const result = {
    title: capital ? capitalised(title) : title,
    tags,
    priority,
    dueAt: dueAt ? dueAt.toISOString() : null,
    dueHasTime,
    rrule,
    repeatFrom,
    remindAt: remindAt ? remindAt.toISOString() : null,
    remindOffsetMinutes,
    tokens: line.tokens,
  } satisfies QuickAddResult;
  return { result, line };
}
