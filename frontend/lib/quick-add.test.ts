import { describe, expect, it } from "vitest";
import { misspelledDayWord, oneEditApart, parseQuickAdd, wallClock, zonedTimeToUtc, zoneOffsetMinutes } from "./quick-add";

// Thursday 14 March 2030, 10:30 in Paris (UTC+1 in winter time).
const PARIS = { now: new Date("2030-03-14T09:30:00Z"), timeZone: "Europe/Paris" };
const NEW_YORK = { now: new Date("2030-03-14T15:30:00Z"), timeZone: "America/New_York" }; // 11:30 EDT

const parse = (text: string, options = PARIS) => parseQuickAdd(text, options);

describe("the example from the issue", () => {
  it("parses every field", () => {
    const r = parse("Pay rent every month on the 1st #Finance !high tomorrow 9am");
    expect(r.title).toBe("Pay rent");
    expect(r.tags).toEqual(["Finance"]);
    expect(r.priority).toBe("HIGH");
    // "tomorrow" is the 15th; the first 1st of the month from then on is 1 April, 09:00 CEST.
    expect(r.dueAt).toBe("2030-04-01T07:00:00.000Z");
    expect(r.dueHasTime).toBe(true);
    expect(r.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(r.tokens.map((t) => t.kind)).toEqual(["recurrence", "tag", "priority", "due"]);
  });

  it("reads the start date and time in the user's zone, not UTC", () => {
    const r = parse("Pay rent every month on the 1st #Finance !high tomorrow 9am", NEW_YORK);
    expect(r.dueAt).toBe("2030-04-01T13:00:00.000Z"); // 09:00 EDT on the first 1st from tomorrow
  });

  it("knows which day tomorrow is just before midnight local (already tomorrow in UTC)", () => {
    // 23:30 on the 14th in New York is 03:30 on the 15th in UTC.
    const late = { now: new Date("2030-03-15T03:30:00Z"), timeZone: "America/New_York" };
    expect(parse("call mom tomorrow 9am", late).dueAt).toBe("2030-03-15T13:00:00.000Z");
  });
});

describe("title", () => {
  it("keeps plain text as it is", () => {
    const r = parse("Buy oat milk");
    expect(r).toMatchObject({ title: "Buy oat milk", tags: [], priority: null, dueAt: null, rrule: null, remindAt: null });
    expect(r.tokens).toEqual([]);
  });

  it("collapses the gaps the parsed words leave", () => {
    expect(parse("Write #Work report !low for Sam").title).toBe("Write report for Sam");
  });

  it("drops a connector word before the date", () => {
    expect(parse("Submit taxes by friday").title).toBe("Submit taxes");
    expect(parse("Dentist on tuesday at 3pm").title).toBe("Dentist");
  });

  it("joins the punctuation a date leaves behind to the word before it, and drops brackets it empties", () => {
    expect(parse("Call mom tomorrow.").title).toBe("Call mom.");
    expect(parse("Call mom tmrw.").title).toBe("Call mom.");
    expect(parse("Buy milk tomorrow?").title).toBe("Buy milk?");
    expect(parse("Dentist at 3pm!").title).toBe("Dentist!");
    expect(parse("Email Bob (tomorrow)").title).toBe("Email Bob");
    expect(parse("Email Bob (tomorrow) about the trip").title).toBe("Email Bob about the trip");
    expect(parse("Finish slides (tomorrow 9am), then rehearse").title).toBe("Finish slides, then rehearse");
    // Typed punctuation elsewhere stays as it is.
    expect(parse("Buy milk, eggs (free range) and bread.").title).toBe("Buy milk, eggs (free range) and bread.");
  });

  it("can be empty when everything was syntax", () => {
    expect(parse("#Work !high tomorrow").title).toBe("");
  });
});

describe("tags", () => {
  it("collects several, keeping their spelling and dropping case-insensitive duplicates", () => {
    expect(parse("plan trip #Travel #family #travel").tags).toEqual(["Travel", "family"]);
  });

  it("allows dashes and digits but not a bare #", () => {
    const r = parse("ticket # 42 #q3-goals");
    expect(r.tags).toEqual(["q3-goals"]);
    expect(r.title).toBe("ticket # 42");
  });

  it("does not take a # inside a word", () => {
    expect(parse("learn C#").tags).toEqual([]);
    expect(parse("learn C#").title).toBe("learn C#");
  });

  it("keeps at most ten", () => {
    const text = Array.from({ length: 12 }, (_, i) => `#t${i}`).join(" ");
    expect(parse(`x ${text}`).tags).toHaveLength(10);
  });
});

describe("priority", () => {
  it.each([
    ["!urgent", "VERY_IMPORTANT"],
    ["!!", "VERY_IMPORTANT"],
    ["!1", "VERY_IMPORTANT"],
    ["!high", "HIGH"],
    ["!h", "HIGH"],
    ["!medium", "MEDIUM"],
    ["!low", "LOW"],
    ["!L", "LOW"],
  ])("%s → %s", (word, priority) => {
    const r = parse(`Water plants ${word}`);
    expect(r.priority).toBe(priority);
    expect(r.title).toBe("Water plants");
  });

  it("ignores unknown words and exclamations inside text", () => {
    const r = parse("Wow! this is !great");
    expect(r.priority).toBeNull();
    expect(r.title).toBe("Wow! this is !great");
  });

  it("lets the last one win", () => {
    expect(parse("a !low !urgent").priority).toBe("VERY_IMPORTANT");
  });

  // "asap" stayed in the title and set nothing.
  it.each(["Fix login bug asap", "Fix login bug ASAP", "asap Fix login bug", "Fix login bug ASAP!", "Fix login bug, Asap"])(
    "%s: asap is high priority, taken out of the title, with no due date",
    (text) => {
      const r = parse(text);
      expect(r).toMatchObject({ title: "Fix login bug", priority: "HIGH", dueAt: null, rrule: null });
      expect(r.tokens.map((t) => t.kind)).toEqual(["priority"]);
    },
  );

  it("reads asap only as a word of its own, and as one of the marks (the last one wins)", () => {
    expect(parse("Reply to asaps thread asap")).toMatchObject({ title: "Reply to asaps thread", priority: "HIGH" });
    expect(parse("Fix asap-ish bug #asap asap")).toMatchObject({ title: "Fix asap-ish bug", tags: ["asap"], priority: "HIGH" });
    expect(parse("Fix bug asap !low").priority).toBe("LOW");
    expect(parse("Fix bug !low asap").priority).toBe("HIGH");
    expect(parse("Fix bug asap tomorrow")).toMatchObject({ title: "Fix bug", priority: "HIGH", dueAt: "2030-03-15T08:00:00.000Z" });
  });
});

describe("recurrence", () => {
  it.each([
    ["Stand-up every day", "FREQ=DAILY"],
    ["Stand-up daily", "FREQ=DAILY"],
    ["Review every week", "FREQ=WEEKLY"],
    ["Review weekly", "FREQ=WEEKLY"],
    ["Gym every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["Gym every monday", "FREQ=WEEKLY;BYDAY=MO"],
    ["Gym every mon, wed and fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
    ["Gym every Friday and Monday", "FREQ=WEEKLY;BYDAY=MO,FR"],
    ["Water every other day", "FREQ=DAILY;INTERVAL=2"],
    ["Bins every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"],
    ["Bins every other tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
    ["Invoice every month", "FREQ=MONTHLY"],
    ["Invoice every 15th", "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["Invoice every 3 months on the 2nd", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2"],
    ["Taxes yearly", "FREQ=YEARLY"],
    ["Taxes every year", "FREQ=YEARLY"],
    ["Call grandma every week on sunday", "FREQ=WEEKLY;BYDAY=SU"],
  ])("%s → %s", (text, rrule) => {
    const r = parse(text);
    expect(r.rrule).toBe(rrule);
    expect(r.title).toBe(text.split(/ (every|daily|weekly|yearly)/)[0]);
  });

  it.each([
    // The title kept "on the 1st of" and the rent was due every month on the 14th (today + 1).
    ["Pay rent on the 1st of every month #Finance", "Pay rent", "FREQ=MONTHLY;BYMONTHDAY=1", "2030-04-01T07:00:00.000Z"],
    ["Pay rent the 1st of each month", "Pay rent", "FREQ=MONTHLY;BYMONTHDAY=1", "2030-04-01T07:00:00.000Z"],
    ["Water plants on the 20th of every month", "Water plants", "FREQ=MONTHLY;BYMONTHDAY=20", "2030-03-20T08:00:00.000Z"],
    // "every night" was no rule at all: the title kept "every" and the task was due once.
    ["Read 20 pages every night at 10pm #reading", "Read 20 pages", "FREQ=DAILY", "2030-03-14T21:00:00.000Z"],
    ["Walk the dog every evening", "Walk the dog", "FREQ=DAILY", "2030-03-14T17:00:00.000Z"], // 18:00 today
    ["Read every night", "Read", "FREQ=DAILY", "2030-03-14T19:00:00.000Z"], // 20:00 today
    ["Meditate every morning", "Meditate", "FREQ=DAILY", "2030-03-15T08:00:00.000Z"], // 09:00 has passed: tomorrow
  ])("%s: the day of the month or the part of the day as the rule", (text, title, rrule, dueAt) => {
    expect(parse(text)).toMatchObject({ title, rrule, dueAt });
  });

  it("starts a dateless weekly rule on its next matching day at 09:00", () => {
    // Thursday 14 March → Monday 18 March, 09:00 Paris.
    expect(parse("Gym every monday").dueAt).toBe("2030-03-18T08:00:00.000Z");
  });

  it("starts a dateless monthly rule on the next such day of the month", () => {
    expect(parse("Rent every month on the 1st").dueAt).toBe("2030-04-01T07:00:00.000Z"); // 09:00 CEST
  });

  it("starts a dateless daily rule tomorrow when 09:00 has passed today", () => {
    expect(parse("Stretch every day").dueAt).toBe("2030-03-15T08:00:00.000Z");
  });

  it("uses a time given beside the rule", () => {
    const r = parse("Stretch every day at 6pm");
    expect(r.rrule).toBe("FREQ=DAILY");
    expect(r.dueAt).toBe("2030-03-14T17:00:00.000Z");
    expect(r.title).toBe("Stretch");
  });
});

describe("due dates", () => {
  it("defaults a date without a time to 09:00", () => {
    const r = parse("Buy flowers saturday");
    expect(r.dueAt).toBe("2030-03-16T08:00:00.000Z");
    expect(r.dueHasTime).toBe(false);
  });

  it("makes 'today' after 09:00 due at the end of the day instead of already overdue", () => {
    expect(parse("Send report today").dueAt).toBe("2030-03-14T22:59:00.000Z"); // 23:59 Paris
  });

  it("reads relative times", () => {
    expect(parse("Check oven in 2 hours").dueAt).toBe("2030-03-14T11:30:00.000Z");
  });

  it("reads 'next week' and explicit dates", () => {
    expect(parse("Plan sprint on March 20 at 14:00").dueAt).toBe("2030-03-20T13:00:00.000Z");
  });

  it("crosses a daylight-saving change in the zone, not in UTC", () => {
    // Paris moves to summer time on 31 March 2030: 09:00 local is 07:00 UTC from then.
    expect(parse("Call bank April 2 9am").dueAt).toBe("2030-04-02T07:00:00.000Z");
  });
});

describe("reminders", () => {
  it("remind me 30m before → 30 minutes before the due time", () => {
    const r = parse("Flight tomorrow 9am remind me 30m before");
    expect(r.remindOffsetMinutes).toBe(30);
    expect(r.remindAt).toBe("2030-03-15T07:30:00.000Z");
    expect(r.title).toBe("Flight");
  });

  it.each([
    ["remind 1 hour before", 60],
    ["remind me 2h before", 120],
    ["remind me a day before", 1440],
    ["remind me 15 minutes early", 15],
  ])("%s", (words, minutes) => {
    const r = parse(`Pay bill friday 5pm ${words}`);
    expect(r.remindOffsetMinutes).toBe(minutes);
    expect(new Date(r.dueAt!).getTime() - new Date(r.remindAt!).getTime()).toBe(minutes * 60_000);
    expect(r.title).toBe("Pay bill");
  });

  it("remind me at a time is an absolute reminder, separate from the due date", () => {
    const r = parse("Submit form friday 5pm remind me tomorrow at 8am");
    expect(r.dueAt).toBe("2030-03-15T16:00:00.000Z");
    expect(r.remindAt).toBe("2030-03-15T07:00:00.000Z");
    expect(r.title).toBe("Submit form");
  });

  it("a bare 'remind me' reminds at the due time", () => {
    const r = parse("remind me to call Ana tomorrow 6pm");
    expect(r.remindAt).toBe(r.dueAt);
    expect(r.title).toBe("to call Ana");
  });

  it("without a due date an offset has nothing to count from", () => {
    const r = parse("Stretch remind me 10m before");
    expect(r.remindOffsetMinutes).toBe(10);
    expect(r.remindAt).toBeNull();
    expect(r.dueAt).toBeNull();
  });
});

describe("misspelled day words", () => {
  // "Call mom tomorow" kept the misspelling in the title and had no due date.
  it.each([
    ["tomorow", "tomorrow"],
    ["tmorrow", "tomorrow"],
    ["tomorrw", "tomorrow"],
    ["tomorroww", "tomorrow"],
    ["Tomorow", "tomorrow"],
    ["todya", "today"],
    ["tonigth", "tonight"],
    ["tonght", "tonight"],
    ["firday", "friday"],
    ["fryday", "friday"],
    ["frieday", "friday"],
    ["FRIDYA", "friday"],
    ["moday", "monday"],
    ["mondya", "monday"],
    ["teusday", "tuesday"],
    ["wednsday", "wednesday"],
    ["wedensday", "wednesday"],
    ["thrusday", "thursday"],
    ["satruday", "saturday"],
    ["sundy", "sunday"],
    ["next weeek", "next week"],
    ["this weeknd", "this weekend"],
  ])("reads %j as %j", (typo, word) => {
    const r = review(`Call mom ${typo}`);
    const right = review(`Call mom ${word}`);
    expect(right.dueAt).not.toBeNull();
    expect(r).toMatchObject({ title: "Call mom", dueAt: right.dueAt, dueHasTime: right.dueHasTime });
    // The chip (and its keep button) names the words as typed.
    expect(r.tokens.map((t) => t.text)).toEqual([typo]);
  });

  it.each([
    ["Dentist on firday at 3pm", "Dentist on friday at 3pm"],
    ["pay rent firday", "pay rent friday"],
    ["Call mom tomorow at 5", "Call mom tomorrow at 5"],
    ["Call mom sundy evening", "Call mom sunday evening"],
    ["Gym every firday", "Gym every friday"],
    ["Gym every mondya and thrusday at 7", "Gym every monday and thursday at 7"],
    ["Bins every other teusday", "Bins every other tuesday"],
    ["Pay bill firday 5pm remind me 1 hour before", "Pay bill friday 5pm remind me 1 hour before"],
    ["Submit form remind me tomorow at 8am", "Submit form remind me tomorrow at 8am"],
  ])("reads %j by the rules of %j", (typo, right) => {
    const { tokens, ...r } = review(typo);
    const { tokens: rightTokens, ...expected } = review(right);
    expect(r).toEqual(expected);
    expect(tokens.map((t) => t.kind)).toEqual(rightTokens.map((t) => t.kind));
    expect(r.dueAt ?? r.remindAt).not.toBeNull();
  });

  it("keeps a misspelled day word in the title, as typed, where the real word would stay", () => {
    // As "Buy Sunday roast tomorrow": of two days the last one is the due date.
    expect(review("Buy Sundy roast tomorow")).toMatchObject({ title: "Buy Sundy roast", dueAt: "2026-11-27T14:00:00.000Z" });
    expect(review("Call mom tomorow's number firday")).toMatchObject({ title: "Call mom tomorow's number" });
  });

  // Real words one letter from a day word (and the plurals) are words of the title.
  it.each(["Buy a sundae", "Sundry items", "Hot toddy", "Toady boss", "Tokay wine", "Gym mondays", "Call Frida", "Plan weeks", "Send todays report"])(
    "leaves %j a title and still reads a misspelled day word after it",
    (title) => {
      expect(review(`${title} firday`)).toMatchObject({ title, dueAt: "2026-11-27T14:00:00.000Z" });
    },
  );

  it("leaves words under 5 letters, tags and words joined to others as typed", () => {
    expect(review("Review tody frdy notes tomorow")).toMatchObject({ title: "Review tody frdy notes", dueAt: "2026-11-27T14:00:00.000Z" });
    expect(review("Plan #firday mid-firday firday.com tomorow")).toMatchObject({
      title: "Plan mid-firday firday.com",
      tags: ["firday"],
      dueAt: "2026-11-27T14:00:00.000Z",
    });
  });

  it("keeps a misspelled day word whose chip the user took back, and reads the others", () => {
    const r = parseQuickAdd("Call mom tomorow firday", { ...REVIEW, keep: ["tomorow"] });
    expect(r).toMatchObject({ title: "Call mom tomorow", dueAt: "2026-11-27T14:00:00.000Z" });
    expect(r.tokens).toEqual([{ kind: "due", text: "firday", start: 17, end: 23 }]);
  });

  it("counts one edit: a letter inserted, deleted, changed, or two adjacent ones swapped", () => {
    expect(["tomorow", "tomorrrow", "tomorrov", "tomorrwo", "otmorrow"].every((w) => oneEditApart(w, "tomorrow"))).toBe(true);
    expect(["tomorrow", "tommorow", "tomorr", "morrow", "tomorrowww"].some((w) => oneEditApart(w, "tomorrow"))).toBe(false);
    expect(misspelledDayWord("Firday")).toBe("friday");
    // One letter from two day words: the one that starts the same, else none.
    expect([misspelledDayWord("moday"), misspelledDayWord("sonday"), misspelledDayWord("munday")]).toEqual(["monday", "sunday", "monday"]);
    expect([misspelledDayWord("friday"), misspelledDayWord("sundae"), misspelledDayWord("tody")]).toEqual([null, null, null]);
  });
});

describe("possessive day words", () => {
  // "Review today's notes" was "Review 's notes", due today: the day word was read out of its possessive.
  it.each([
    "Review today's notes",
    "Review today’s notes",
    "Read tonight's menu",
    "Review tomorrow's agenda",
    "Prep monday's meeting",
    "Friday's standup notes",
    "Review Sunday’s sermon",
    "Check yesterday's log",
    "Plan next week's menu",
    "Review this week's tasks",
    "Prep the weekend's plan",
    "Plan Friday night's dinner",
    "Share tmrw's plan",
    "Review today's",
  ])("keeps %j whole as the title, with no due date", (text) => {
    expect(review(text)).toMatchObject({ title: text, dueAt: null, rrule: null, remindAt: null, tokens: [] });
  });

  it("reads the other dates of the line, not the possessive one", () => {
    expect(review("Send tonight's menu monday")).toMatchObject({ title: "Send tonight's menu", dueAt: "2026-11-30T14:00:00.000Z" });
    expect(review("Review today's notes at 5pm")).toMatchObject({ title: "Review today's notes", dueAt: "2026-11-26T22:00:00.000Z" });
    expect(review("Review today's notes remind me at 5pm")).toMatchObject({
      title: "Review today's notes",
      dueAt: null,
      remindAt: "2026-11-26T22:00:00.000Z",
    });
    expect(review("Review friday’s notes every week")).toMatchObject({
      title: "Review friday’s notes",
      rrule: "FREQ=WEEKLY",
      dueAt: review("Review notes every week").dueAt,
    });
  });

  it("makes no rule of a possessive: 'every monday's standup' is words of the title", () => {
    expect(review("Prep every monday's standup")).toMatchObject({ title: "Prep every monday's standup", rrule: null, dueAt: null });
    expect(review("Review every day's log")).toMatchObject({ title: "Review every day's log", rrule: null, dueAt: null });
    expect(review("Prep monday's standup weekly")).toMatchObject({ title: "Prep monday's standup", rrule: "FREQ=WEEKLY" });
  });
});

describe("a day word inside a hyphenated word, and all-caps TMR", () => {
  // "Fix tmrw-bug" was titled "Fix -bug", due tomorrow: chrono read the day word out of the hyphenated word.
  it.each([
    "Fix tmrw-bug",
    "Fix the tomorrow-bug",
    "Ship pre-tomorrow build",
    "Plan mid-march review",
    "Read Q3-friday notes",
    "Fix bug-tmrw",
  ])("keeps %j whole as the title, with no due date", (text) => {
    expect(parse(text)).toMatchObject({ title: text, dueAt: null, tokens: [] });
  });

  it("still reads a date next to a hyphenated word, and one that is all hyphens ('2030-03-20')", () => {
    expect(parse("Fix tmrw-bug friday")).toMatchObject({ title: "Fix tmrw-bug", dueAt: "2030-03-15T08:00:00.000Z" });
    expect(parse("Follow-up tomorrow")).toMatchObject({ title: "Follow-up", dueAt: "2030-03-15T08:00:00.000Z" });
    expect(parse("Review 2030-03-20")).toMatchObject({ title: "Review", dueAt: "2030-03-20T08:00:00.000Z" });
    expect(parse("Standup monday-friday").title).toBe("Standup");
  });

  it("makes no rule of a repeat word inside a hyphenated word ('Fix daily-build')", () => {
    expect(parse("Fix daily-build")).toMatchObject({ title: "Fix daily-build", rrule: null, dueAt: null, tokens: [] });
    expect(parse("Send weekly-report")).toMatchObject({ title: "Send weekly-report", rrule: null, dueAt: null });
    expect(parse("Send weekly-report weekly")).toMatchObject({ title: "Send weekly-report", rrule: "FREQ=WEEKLY" });
  });

  // "TMR scan" was titled "scan", due tomorrow: TMR in capitals is an acronym (tumour, transcranial
  // magnetic, triple modular redundancy), not a shorthand anyone shouts.
  it("keeps an all-caps TMR in the title, and reads tmr/Tmr as tomorrow", () => {
    expect(parse("TMR scan")).toMatchObject({ title: "TMR scan", dueAt: null, tokens: [] });
    expect(parse("Book TMR scan tomorrow")).toMatchObject({ title: "Book TMR scan", dueAt: "2030-03-15T08:00:00.000Z" });
    expect(parse("scan tmr")).toMatchObject({ title: "scan", dueAt: "2030-03-15T08:00:00.000Z" });
    expect(parse("Tmr call mom")).toMatchObject({ title: "Call mom", dueAt: "2030-03-15T08:00:00.000Z" });
  });
});

describe("well-known spellings of tomorrow and tonight", () => {
  // "tommorow" and "2moro" are two letters from the word (or have a digit): the one-letter rule
  // for misspelled day words did not read them, and "Call mom tommorow" had no due date.
  it("reads every common spelling of tomorrow as tomorrow, and names it as typed", () => {
    const spellings = ["tomorrow", "tomorow", "tommorrow", "tommorow", "Tommorow", "tmrw", "TMRW", "tmr", "2moro", "2morrow", "2MORO"];
    for (const spelling of spellings) {
      const r = review(`Call mom ${spelling}`);
      expect(r, spelling).toMatchObject({ title: "Call mom", dueAt: "2026-11-27T14:00:00.000Z", dueHasTime: false });
      expect(r.tokens.map((t) => t.text)).toEqual([spelling]);
    }
  });

  it.each(["tonite", "Tonite"])("reads %j as tonight", (spelling) => {
    const r = review(`Call mom ${spelling}`);
    expect(r).toMatchObject({ title: "Call mom", dueAt: review("Call mom tonight").dueAt, dueHasTime: true });
    expect(r.dueAt).toBe("2026-11-27T01:00:00.000Z");
    expect(r.tokens.map((t) => t.text)).toEqual([spelling]);
  });

  it.each([
    ["Call mom 2morrow at 5", "Call mom tomorrow at 5"],
    ["Dinner tonite at 9", "Dinner tonight at 9"],
    ["Submit form remind me 2moro at 8am", "Submit form remind me tomorrow at 8am"],
    ["Gym tommorow 7am remind me 1 hour before", "Gym tomorrow 7am remind me 1 hour before"],
  ])("reads %j by the rules of %j", (typed, right) => {
    const { tokens, ...r } = review(typed);
    const { tokens: rightTokens, ...expected } = review(right);
    expect(r).toEqual(expected);
    expect(tokens.map((t) => t.kind)).toEqual(rightTokens.map((t) => t.kind));
    expect(r.dueAt ?? r.remindAt).not.toBeNull();
  });

  it("keeps them in the title where the real word would stay", () => {
    // A possessive, as "tomorrow's agenda"; a tag; a chip taken back.
    expect(review("Plan 2moro's agenda")).toMatchObject({ title: "Plan 2moro's agenda", dueAt: null });
    expect(review("Plan #2moro tonite")).toMatchObject({ title: "Plan", tags: ["2moro"], dueAt: "2026-11-27T01:00:00.000Z" });
    const r = parseQuickAdd("Call mom 2moro tonite", { ...REVIEW, keep: ["2moro"] });
    expect(r).toMatchObject({ title: "Call mom 2moro", dueAt: "2026-11-27T01:00:00.000Z" });
    expect(r.tokens).toEqual([{ kind: "due", text: "tonite", start: 15, end: 21 }]);
  });

  it("is a short list: other shortenings stay as typed", () => {
    expect([misspelledDayWord("Tommorow"), misspelledDayWord("2moro"), misspelledDayWord("2MORROW"), misspelledDayWord("tonite")]).toEqual([
      "tomorrow",
      "tomorrow",
      "tomorrow",
      "tonight",
    ]);
    // "tdy" (temporary duty) and "2day" ("2day shipping") are other words too.
    for (const text of ["Call mom tdy", "Call mom 2day", "Call mom 2nite"]) expect(review(text)).toMatchObject({ title: text, dueAt: null });
  });
});

describe("time zone helpers", () => {
  it("converts a wall-clock time to UTC on both sides of a DST change", () => {
    expect(zonedTimeToUtc(2030, 1, 10, 9, 0, "Europe/Paris").toISOString()).toBe("2030-01-10T08:00:00.000Z");
    expect(zonedTimeToUtc(2030, 7, 10, 9, 0, "Europe/Paris").toISOString()).toBe("2030-07-10T07:00:00.000Z");
    expect(zonedTimeToUtc(2030, 7, 10, 9, 0, "Asia/Kolkata").toISOString()).toBe("2030-07-10T03:30:00.000Z");
  });

  it("reads offsets and wall clocks", () => {
    expect(zoneOffsetMinutes(new Date("2030-01-10T08:00:00Z"), "America/New_York")).toBe(-300);
    expect(wallClock(new Date("2030-03-14T09:30:00Z"), "Europe/Paris")).toMatchObject({
      year: 2030,
      month: 3,
      day: 14,
      hour: 10,
      minute: 30,
      weekday: 4,
    });
  });
});

// Thursday 26 November 2026 (Thanksgiving), 13:15 in New York (EST, UTC-5): the user review.
const REVIEW = { now: new Date("2026-11-26T18:15:00Z"), timeZone: "America/New_York" };
const review = (text: string, now = REVIEW.now) => parseQuickAdd(text, { ...REVIEW, now });

describe("choosing the due date among several date-like words", () => {
  it("takes the explicit date and time at the end, leaving 'for the week' in the title", () => {
    const r = review("Buy groceries for the week #Home !high today 6pm");
    expect(r.title).toBe("Buy groceries for the week");
    expect(r.tags).toEqual(["Home"]);
    expect(r.priority).toBe("HIGH");
    expect(r.dueAt).toBe("2026-11-26T23:00:00.000Z"); // 18:00 EST today
    expect(r.dueHasTime).toBe(true);
    expect(r.tokens.find((t) => t.kind === "due")?.text).toBe("today 6pm");
  });

  it("does not read 'the week' as a date: 'Plan the week ahead monday' is due Monday", () => {
    const r = review("Plan the week ahead monday");
    expect(r.title).toBe("Plan the week ahead");
    expect(r.dueAt).toBe("2026-11-30T14:00:00.000Z"); // Monday 30 November, 09:00 EST
    expect(r.dueHasTime).toBe(false);
  });

  it("of two equally specific dates takes the last one and keeps the other in the title", () => {
    const r = review("Buy Sunday roast tomorrow");
    expect(r.title).toBe("Buy Sunday roast");
    expect(r.dueAt).toBe("2026-11-27T14:00:00.000Z");
  });

  it("prefers a date with a time over a bare month name", () => {
    const r = review("Draft March report tomorrow 9am");
    expect(r.title).toBe("Draft March report");
    expect(r.dueAt).toBe("2026-11-27T14:00:00.000Z");
  });

  // Words chrono would read as a date but that are part of the title.
  const titles = [
    "Plan the week",
    "Buy groceries for the week",
    "Review the day",
    "Write day plan",
    "Wait a second",
    "Plan the second week",
    "Take pills for 5 days",
    "Plan march budget",
    "Review of the 2nd week of march",
    "may the force be with you",
    "Pay May rent",
    "Buy Sun cream",
    "SAT prep",
    "Run 5k",
    "5k run with Sam",
  ];

  it("leaves 'the week after next' alone rather than reading 'the week after' as a week from now", () => {
    // Not "Plan next" due in a week, as before; chrono has no reading of the whole phrase.
    expect(review("Plan the week after next")).toMatchObject({ title: "Plan the week after next", dueAt: null });
  });

  it.each(titles)("keeps every word of %j when it has no date", (title) => {
    const r = review(title);
    expect(r.title).toBe(title);
    expect(r.dueAt).toBeNull();
  });

  const dates = ["tomorrow 9am", "today 6pm", "friday", "next week", "in 2 days", "on Dec 3 at 14:00", "at 5"];
  const pairs = titles.flatMap((title) => dates.map((date) => [title, date]));

  it.each(pairs)("%j + %j: the title keeps its words and the date is read as if alone", (title, date) => {
    const r = review(`${title} ${date}`);
    expect(r.title).toBe(title);
    expect(r.dueAt).toBe(review(date).dueAt);
    expect(r.dueAt).not.toBeNull();
  });

  it.each([
    ["in 2 weeks", "2026-12-10T14:00:00.000Z"],
    // Its Monday, as the assistant reads it (chrono's today + 7, Dec 3, before).
    ["next week", "2026-11-30T14:00:00.000Z"],
    ["within a week", "2026-12-03T14:00:00.000Z"],
    ["a week from now", "2026-12-03T14:00:00.000Z"],
    ["the day after tomorrow", "2026-11-28T14:00:00.000Z"],
    ["by March", "2027-03-01T14:00:00.000Z"],
    ["in March", "2027-03-01T14:00:00.000Z"],
    ["on sat", "2026-11-28T14:00:00.000Z"],
  ])("still reads %j as a date", (date, dueAt) => {
    const r = review(`Pay bills ${date}`);
    expect(r.title).toBe("Pay bills");
    expect(r.dueAt).toBe(dueAt);
  });
});

describe("an hour without am/pm", () => {
  it.each([
    ["Call Bob at 5", "2026-11-26T22:00:00.000Z"], // 13:15 → 17:00 today
    ["Call Bob at 9", "2026-11-27T14:00:00.000Z"], // 8–11 am: 09:00 has passed → tomorrow 09:00 (was 21:00 today)
    ["Call Bob at 5:30", "2026-11-26T22:30:00.000Z"], // 17:30 today
    ["Call Bob at 1", "2026-11-27T18:00:00.000Z"], // 13:00 has just passed → tomorrow 13:00 (was 01:00)
    ["Call Bob at 12", "2026-11-27T17:00:00.000Z"], // noon has passed → tomorrow noon (was midnight)
    ["Call Bob today at 5", "2026-11-26T22:00:00.000Z"],
  ])("%s at 13:15 is the assistant's hour (1–7 pm, 8–11 am), today while ahead, else tomorrow", (text, dueAt) => {
    const r = review(text);
    expect(r.title).toBe("Call Bob");
    expect(r.dueAt).toBe(dueAt);
    expect(r.dueHasTime).toBe(true);
  });

  it("at 11 when it is 10:00 is 11:00 today", () => {
    expect(review("Call Bob at 11", new Date("2026-11-26T15:00:00Z")).dueAt).toBe("2026-11-26T16:00:00.000Z");
  });

  // Friday 27 November 2026 in Paris, as the assistant reads the same lines
  // (services/chat/tests/test_quick_add_parity.py, test_a_bare_hour_without_a_day).
  const paris = (text: string, clock: string) => {
    const r = parseQuickAdd(text, { now: zonedTimeToUtc(2026, 11, 27, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris"), timeZone: "Europe/Paris" });
    return [r.title, r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null];
  };
  it.each([
    ["Call John at 5", "17:17", "2026-11-28 17:00"], // was tomorrow 05:00
    ["Pick up kids at 3:30", "17:17", "2026-11-28 15:30"], // was tomorrow 03:30
    ["Call John at 8", "17:17", "2026-11-28 08:00"], // was today 20:00
    ["Call John at 9:30", "17:17", "2026-11-28 09:30"], // was today 21:30
    ["Call John at 7:45", "17:17", "2026-11-27 19:45"],
    ["Call John at 5", "08:30", "2026-11-27 17:00"],
    ["Call John at 8", "08:30", "2026-11-28 08:00"], // was today 20:00
    ["Call John at 9", "08:30", "2026-11-27 09:00"],
    ["Pick up kids at 3:30", "13:10", "2026-11-27 15:30"],
    ["Call John at 1", "13:10", "2026-11-28 13:00"], // was tomorrow 01:00
    ["Call John at 11", "22:10", "2026-11-28 11:00"],
    ["Call John at 5", "03:00", "2026-11-27 17:00"], // was today 05:00
  ])("%s typed at %s (Paris) is %s, as the assistant reads it", (text, clock, due) => {
    const [title, dueAt] = paris(text, clock);
    expect(title).toBe(text.replace(/ at .*/, ""));
    expect(dueAt).toBe(due);
  });

  it.each([
    ["Call Bob at 5am", "2026-11-27T10:00:00.000Z"],
    ["Call Bob at 5pm", "2026-11-26T22:00:00.000Z"],
    ["Call Bob at 17:30", "2026-11-26T22:30:00.000Z"],
    ["Call Bob at 09:30", "2026-11-27T14:30:00.000Z"], // 24-hour: 09:30 has passed today
    ["Call Bob at noon", "2026-11-27T17:00:00.000Z"],
    ["Call Bob tomorrow 9am", "2026-11-27T14:00:00.000Z"],
  ])("keeps %s as typed", (text, dueAt) => {
    expect(review(text).dueAt).toBe(dueAt);
  });

  it("applies to an absolute reminder too", () => {
    const r = review("Call Bob remind me at 5");
    expect(r.remindAt).toBe("2026-11-26T22:00:00.000Z");
    expect(r.title).toBe("Call Bob");
  });
});

describe("an hour without am/pm on a day other than today", () => {
  // It is Thursday 26 November, 13:15 EST: "tomorrow" and "friday" are the 27th.
  it.each([
    ["Call Bob tomorrow at 5", "2026-11-27T22:00:00.000Z"], // 17:00
    ["Call Bob friday at 3", "2026-11-27T20:00:00.000Z"], // 15:00
    ["Call Bob tomorrow at 1", "2026-11-27T18:00:00.000Z"], // 13:00
    ["Call Bob tomorrow at 6", "2026-11-27T23:00:00.000Z"], // 18:00
    ["Call Bob tomorrow at 5:30", "2026-11-27T22:30:00.000Z"], // 17:30
    ["Call Bob on Dec 3 at 4", "2026-12-03T21:00:00.000Z"], // 16:00
    ["Call Bob thursday at 5", "2026-12-03T22:00:00.000Z"], // next Thursday, 17:00
    ["Dinner with Bob tomorrow at 7", "2026-11-28T00:00:00.000Z"], // 19:00, as the assistant reads it
    ["Call Bob tomorrow at 8", "2026-11-27T13:00:00.000Z"], // 08:00
    ["Call Bob tomorrow at 11", "2026-11-27T16:00:00.000Z"], // 11:00
    ["Call Bob tomorrow at 12", "2026-11-27T17:00:00.000Z"], // noon
  ])("%s: 1–7 is pm, 8–11 am, 12 noon", (text, dueAt) => {
    const r = review(text);
    expect(r.title).toBe(text.replace(/ (tomorrow|friday|thursday|on Dec 3) at .*/, ""));
    expect(r.dueAt).toBe(dueAt);
    expect(r.dueHasTime).toBe(true);
  });

  it.each([
    ["Call Bob tomorrow at 5am", "2026-11-27T10:00:00.000Z"],
    ["Call Bob tomorrow at 5 pm", "2026-11-27T22:00:00.000Z"],
    ["Call Bob tomorrow at 5:30am", "2026-11-27T10:30:00.000Z"],
    ["Call Bob tomorrow at 05:00", "2026-11-27T10:00:00.000Z"],
    ["Call Bob tomorrow at 17:00", "2026-11-27T22:00:00.000Z"],
    ["Call Bob friday at 3 in the morning", "2026-11-27T08:00:00.000Z"],
  ])("keeps %s as typed", (text, dueAt) => {
    expect(review(text).dueAt).toBe(dueAt);
  });

  it("reads the chat assistant's examples the same way", () => {
    const call = review("remind me to call mom tomorrow at 5");
    expect(call).toMatchObject({ title: "to call mom", dueAt: "2026-11-27T22:00:00.000Z", remindAt: "2026-11-27T22:00:00.000Z" });
    expect(review("pay rent friday at 3")).toMatchObject({ title: "pay rent", dueAt: "2026-11-27T20:00:00.000Z" });
  });

  it("applies to an absolute reminder on another day", () => {
    expect(review("Call Bob remind me tomorrow at 5").remindAt).toBe("2026-11-27T22:00:00.000Z");
  });
});

describe("an hour without am/pm in a repeating task", () => {
  // The hour is the one people mean (1–7 pm, 8–11 am, 12 noon), whenever the line is typed; it
  // was the next such hour from now, so the app's own example made a 21:30 stand-up after 09:30.
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 26, hour + 5, 15)); // Thu 26 Nov, hour:15 EST
  const localTime = (iso: string | null) =>
    new Date(iso ?? "").toLocaleString("en-US", { timeZone: "America/New_York", weekday: "short", hour: "numeric", minute: "2-digit" });

  it.each([6, 13, 22])("Stand-up every weekday at 9:30 typed at %i:15 is at 9:30 AM", (hour) => {
    const r = review("Stand-up every weekday at 9:30 #Work", at(hour));
    expect(r).toMatchObject({ title: "Stand-up", rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", tags: ["Work"], dueHasTime: true });
    expect(localTime(r.dueAt)).toBe(hour < 9 ? "Thu 9:30 AM" : "Fri 9:30 AM");
  });

  it.each([
    ["Gym every day at 7", 6, "Thu 7:00 PM"],
    ["Gym every day at 7", 13, "Thu 7:00 PM"],
    ["Gym every day at 7", 22, "Fri 7:00 PM"],
    ["Lunch every day at 12", 13, "Fri 12:00 PM"],
    ["Lunch every day at 12", 6, "Thu 12:00 PM"],
    ["Team meeting every other monday at 10", 13, "Mon 10:00 AM"],
    ["Yoga every tuesday at 6:30", 6, "Tue 6:30 PM"],
    ["Take pills daily at 9", 13, "Fri 9:00 AM"],
    ["Meds every day at 10 tomorrow", 13, "Fri 10:00 AM"],
  ])("%s typed at %i:15 starts %s", (text, hour, expected) => {
    const r = review(text, at(hour));
    expect(r.rrule).not.toBeNull();
    expect(localTime(r.dueAt)).toBe(expected);
  });

  it("keeps an hour with am/pm or in 24-hour form as typed", () => {
    expect(localTime(review("Gym every day at 7am", at(6)).dueAt)).toBe("Thu 7:00 AM");
    expect(localTime(review("Gym every day at 07:00", at(13)).dueAt)).toBe("Fri 7:00 AM");
    expect(localTime(review("Gym every day at 21:30", at(13)).dueAt)).toBe("Thu 9:30 PM");
  });

  it("reads the bare hour of a task that does not repeat the same way (today while ahead)", () => {
    // Was Thu 7:00 AM (the next 7 o'clock); the assistant's is 19:00.
    expect(localTime(review("Gym at 7", at(6)).dueAt)).toBe("Thu 7:00 PM");
    expect(localTime(review("Gym at 7am", at(6)).dueAt)).toBe("Thu 7:00 AM");
  });
});

describe("a part of the day without a time", () => {
  // It is Thursday 26 November, 13:15 EST. The hours are the assistant's (PARTS_OF_DAY):
  // morning 9, afternoon 15, evening 18, night 20. They were all 09:00 ("tonight" 23:59).
  it.each([
    ["Call mom on sunday evening", "2026-11-29T23:00:00.000Z"], // Sunday 18:00
    ["Call mom sunday afternoon", "2026-11-29T20:00:00.000Z"], // Sunday 15:00
    ["Call mom tomorrow afternoon", "2026-11-27T20:00:00.000Z"], // Friday 15:00
    ["Call mom friday night", "2026-11-28T01:00:00.000Z"], // Friday 20:00
    ["Call mom tonight", "2026-11-27T01:00:00.000Z"], // today 20:00
    ["Call mom this evening", "2026-11-26T23:00:00.000Z"], // today 18:00
    ["Call mom in the evening", "2026-11-26T23:00:00.000Z"],
    ["Call mom tomorrow morning", "2026-11-27T14:00:00.000Z"], // 09:00, as before
  ])("%s → %s", (text, dueAt) => {
    const r = review(text);
    expect(r.title).toBe("Call mom");
    expect(r.dueAt).toBe(dueAt);
    expect(r.dueHasTime).toBe(true);
  });

  it("takes 'in the' along with the part of the day", () => {
    expect(review("Call mom in the evening").tokens.map((t) => t.text)).toEqual(["in the evening"]);
  });

  it("is today by the end of the day once that part has passed, not tomorrow or overdue", () => {
    const at2130 = new Date("2026-11-27T02:30:00Z"); // Thursday 21:30 EST
    expect(review("Call mom this evening", at2130).dueAt).toBe("2026-11-27T04:59:00.000Z"); // today 23:59
    expect(review("Call mom tonight", at2130).dueAt).toBe("2026-11-27T04:59:00.000Z");
  });

  it("lets a time typed win over the part's hour", () => {
    expect(review("Call mom tomorrow evening at 7").dueAt).toBe("2026-11-28T00:00:00.000Z"); // 19:00
    expect(review("Call mom tomorrow afternoon at 4:30").dueAt).toBe("2026-11-27T21:30:00.000Z"); // 16:30
  });

  it("starts a repeating one at the part's hour; the chip names the words read", () => {
    const r = review("Mow the lawn every saturday morning");
    expect(r).toMatchObject({ title: "Mow the lawn", rrule: "FREQ=WEEKLY;BYDAY=SA", dueAt: "2026-11-28T14:00:00.000Z" });
    // chrono's match began with the blanks of "every saturday": the chip said "ay morning".
    expect(r.tokens.map((t) => t.text)).toEqual(["every saturday", "morning"]);
  });

  it.each(["Evening walk", "Good morning routine", "Night owl book club", "Afternoon tea with Jo"])(
    "leaves %j a title: a part of the day alone, followed by more words, is no date",
    (title) => {
      expect(review(title)).toMatchObject({ title, dueAt: null, tokens: [] });
      expect(review(`${title} tomorrow`)).toMatchObject({ title, dueAt: "2026-11-27T14:00:00.000Z" });
    },
  );
});

describe("a recurrence that pins its days, with a start date", () => {
  it("starts the app's placeholder example on the first 1st from tomorrow", () => {
    const r = review("Pay rent every month on the 1st #Finance !high tomorrow 9am");
    expect(r.title).toBe("Pay rent");
    expect(r.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(r.dueAt).toBe("2026-12-01T14:00:00.000Z"); // 1 December, 09:00 EST
    expect(r.dueHasTime).toBe(true);
  });

  it.each([
    ["Gym every monday tomorrow 6pm", "2026-11-30T23:00:00.000Z"], // Fri → Monday 18:00
    ["Gym every monday at 6pm", "2026-11-30T23:00:00.000Z"], // a time alone: from today
    ["Standup every weekday saturday", "2026-11-30T14:00:00.000Z"], // Sat → Monday 09:00
    ["Rent every month on the 1st Dec 1", "2026-12-01T14:00:00.000Z"], // already a 1st: kept
    ["Invoice every 15th next week", "2026-12-15T14:00:00.000Z"],
  ])("%s → %s", (text, dueAt) => {
    expect(review(text).dueAt).toBe(dueAt);
  });

  it.each([
    ["Review every week friday", "2026-11-27T14:00:00.000Z"],
    ["Stretch every day tomorrow 7am", "2026-11-27T12:00:00.000Z"],
  ])("keeps the date of a rule that does not pin days: %s", (text, dueAt) => {
    expect(review(text).dueAt).toBe(dueAt);
  });

  it("reminds relative to the moved first due date", () => {
    const r = review("Pay rent every month on the 1st tomorrow 9am remind me 1 hour before");
    expect(r.remindAt).toBe("2026-12-01T13:00:00.000Z");
  });
});

describe("words kept in the title (options.keep, from a chip's button)", () => {
  const keep = (text: string, kept: string[]) => parseQuickAdd(text, { ...REVIEW, keep: kept });

  it("leaves a kept recurrence word in the title and repeats nothing", () => {
    expect(keep("Weekly review notes", ["weekly"])).toMatchObject({
      title: "Weekly review notes",
      rrule: null,
      dueAt: null,
      tokens: [],
    });
    // Compared trimmed and case-insensitively.
    expect(keep("Daily standup", [" DAILY "])).toMatchObject({ title: "Daily standup", rrule: null, tokens: [] });
    // Another rule of the line still counts.
    expect(keep("Weekly review notes every friday", ["weekly"])).toMatchObject({
      title: "Weekly review notes",
      rrule: "FREQ=WEEKLY;BYDAY=FR",
    });
  });

  it("goes on to the next match, of the same rule or of another one", () => {
    expect(keep("Weekly review notes monthly", ["Weekly"])).toMatchObject({
      title: "Weekly review notes",
      rrule: "FREQ=MONTHLY",
    });
    expect(keep("Every day counts: water plants every 2 days", ["every day"])).toMatchObject({
      title: "Every day counts: water plants",
      rrule: "FREQ=DAILY;INTERVAL=2",
    });
  });

  it("does not let a later rule read the kept words: 'every friday' kept is not a Friday due date", () => {
    const r = keep("Review notes every friday at 9", ["every friday"]);
    expect(r.title).toBe("Review notes every friday");
    expect(r.rrule).toBeNull();
    expect(r.dueAt).toBe("2026-11-27T14:00:00.000Z"); // "at 9" alone: 09:00 has passed, tomorrow 09:00
    expect(r.tokens.map((t) => t.text)).toEqual(["at 9"]);
  });

  it("drops a kept date, with or without its connector word, and takes the other date of the line", () => {
    for (const kept of ["by friday", "friday"]) {
      expect(keep("Submit taxes by friday", [kept])).toMatchObject({ title: "Submit taxes by friday", dueAt: null });
    }
    const r = keep("Buy Sunday roast tomorrow", ["tomorrow"]);
    expect(r.title).toBe("Buy roast tomorrow");
    expect(r.dueAt).toBe("2026-11-29T14:00:00.000Z"); // Sunday 09:00 EST
  });

  it("keeps reminder words whole: no 'remind me' is taken out of a kept 'remind me 30m before'", () => {
    const r = keep("Flight tomorrow 9am remind me 30m before", ["remind me 30m before"]);
    expect(r).toMatchObject({ title: "Flight remind me 30m before", remindAt: null, remindOffsetMinutes: null });
    expect(r.dueAt).toBe("2026-11-27T14:00:00.000Z");

    const bare = keep("remind me to call Ana tomorrow 6pm", ["remind me"]);
    expect(bare).toMatchObject({ title: "remind me to call Ana", remindAt: null, remindOffsetMinutes: null });
    expect(bare.dueAt).toBe("2026-11-27T23:00:00.000Z");
  });

  it("keeps tags and priorities, and lets an earlier priority count", () => {
    const r = keep("Pay rent every month on the 1st #Finance !high tomorrow 9am", ["#finance", "!HIGH"]);
    expect(r).toMatchObject({ title: "Pay rent #Finance !high", tags: [], priority: null, rrule: "FREQ=MONTHLY;BYMONTHDAY=1" });
    expect(keep("a !low !urgent", ["!urgent"])).toMatchObject({ title: "a !urgent", priority: "LOW" });
  });
});

describe("a weekday named on that same weekday is next week's", () => {
  // Friday 27 November 2026 in Paris (UTC+1): "friday" is Friday 4 December, whatever the time of
  // day and whether a time is given, as the assistant reads it (the evaluation contract: a weekday
  // is "the next such day after today"). chrono dated it today until noon (or until the time
  // given), next week after, and "friday at 3" next week from 03:00.
  const friday = (hhmm: string) => ({ now: new Date(`2026-11-27T${hhmm}:00+01:00`), timeZone: "Europe/Paris" });
  const NEXT_FRIDAY_9 = "2026-12-04T08:00:00.000Z";
  const NEXT_FRIDAY_15 = "2026-12-04T14:00:00.000Z";
  const NEXT_FRIDAY_17 = "2026-12-04T16:00:00.000Z";
  const NEXT_FRIDAY_18 = "2026-12-04T17:00:00.000Z";
  const lines: Array<[string, string, boolean]> = [
    ["Pay rent friday", NEXT_FRIDAY_9, false],
    ["Pay rent on friday", NEXT_FRIDAY_9, false],
    ["Pay rent by friday", NEXT_FRIDAY_9, false],
    ["Pay rent due friday", NEXT_FRIDAY_9, false],
    ["Pay rent fri", NEXT_FRIDAY_9, false],
    ["Pay rent Fri.", NEXT_FRIDAY_9, false],
    ["Pay rent FRIDAY", NEXT_FRIDAY_9, false],
    ["Pay rent firday", NEXT_FRIDAY_9, false],
    ["Pay rent this friday", NEXT_FRIDAY_9, false], // as the assistant reads it (see below)
    ["Pay rent this fri", NEXT_FRIDAY_9, false],
    ["Pay rent next friday", NEXT_FRIDAY_9, false], // the next Friday after today: not two weeks on
    ["Pay rent friday next week", NEXT_FRIDAY_9, false],
    ["Pay rent friday at 3pm", NEXT_FRIDAY_15, true],
    ["Pay rent friday 3pm", NEXT_FRIDAY_15, true],
    ["Pay rent friday at 15:00", NEXT_FRIDAY_15, true],
    ["Pay rent friday at 3", NEXT_FRIDAY_15, true], // 1–7 is pm on another day
    ["Pay rent Fri at 5pm", NEXT_FRIDAY_17, true],
    ["Pay rent friday evening", NEXT_FRIDAY_18, true],
    ["Pay rent friday 9am", NEXT_FRIDAY_9, true],
  ];

  // 02:00 (before 3am), 08:00 (before 09:00), 10:00 (after 09:00), 13:00 (after noon), 16:00
  // (after 3pm, before 5pm and the evening): each of these had lines read as today.
  it.each(["02:00", "08:00", "10:00", "13:00", "16:00"])("on a Friday at %s", (hhmm) => {
    for (const [text, dueAt, dueHasTime] of lines) {
      const r = parseQuickAdd(text, friday(hhmm));
      expect({ text, title: r.title, dueAt: r.dueAt, dueHasTime: r.dueHasTime }).toEqual({ text, title: "Pay rent", dueAt, dueHasTime });
    }
  });

  it("reads the issue's examples on a Friday morning, after noon and after 3pm as next Friday", () => {
    for (const hhmm of ["10:00", "13:00", "16:00"]) {
      expect(parseQuickAdd("pay rent friday", friday(hhmm)).dueAt).toBe(NEXT_FRIDAY_9);
      expect(parseQuickAdd("friday at 3pm", friday(hhmm)).dueAt).toBe(NEXT_FRIDAY_15);
      expect(parseQuickAdd("friday at 3", friday(hhmm)).dueAt).toBe(NEXT_FRIDAY_15);
    }
  });

  it("takes Friday in the user's zone: just past midnight in Paris is still Thursday in UTC and New York", () => {
    const now = new Date("2026-11-26T23:30:00Z"); // Fri 00:30 in Paris, Thu 18:30 in New York
    expect(parseQuickAdd("Pay rent friday", { now, timeZone: "Europe/Paris" }).dueAt).toBe(NEXT_FRIDAY_9);
    expect(parseQuickAdd("Pay rent friday", { now, timeZone: "America/New_York" }).dueAt).toBe("2026-11-27T14:00:00.000Z");
    expect(parseQuickAdd("Pay rent friday", { now, timeZone: "UTC" }).dueAt).toBe("2026-11-27T09:00:00.000Z");
  });

  it("moves a reminder named by a weekday the same way", () => {
    const r = parseQuickAdd("Submit form friday 5pm remind me friday at 8am", friday("07:00"));
    expect(r).toMatchObject({ title: "Submit form", dueAt: NEXT_FRIDAY_17, remindAt: "2026-12-04T07:00:00.000Z" });
  });

  // Guards (pass before and after): other days, other weekdays, dates, and repeating tasks.
  it.each([
    ["Pay rent friday", "2026-11-25T10:00:00+01:00", "2026-11-27T08:00:00.000Z"], // Wednesday: the coming Friday
    ["Pay rent friday at 3pm", "2026-11-25T16:00:00+01:00", "2026-11-27T14:00:00.000Z"],
    ["Pay rent friday at 3", "2026-11-25T16:00:00+01:00", "2026-11-27T14:00:00.000Z"],
    ["Pay rent this friday", "2026-11-25T10:00:00+01:00", "2026-11-27T08:00:00.000Z"],
    ["Pay rent friday", "2026-11-26T23:00:00+01:00", "2026-11-27T08:00:00.000Z"], // Thursday night: tomorrow
    ["Pay rent friday", "2026-11-28T10:00:00+01:00", NEXT_FRIDAY_9], // Saturday: six days on
    ["Pay rent saturday", "2026-11-27T10:00:00+01:00", "2026-11-28T08:00:00.000Z"], // Friday: tomorrow
    ["Pay rent thursday", "2026-11-27T10:00:00+01:00", "2026-12-03T08:00:00.000Z"],
    ["Pay rent Nov 27", "2026-11-27T08:00:00+01:00", "2026-11-27T08:00:00.000Z"], // a date: today
    ["Pay rent Friday Nov 27", "2026-11-27T08:00:00+01:00", "2026-11-27T08:00:00.000Z"],
    ["Pay rent today", "2026-11-27T08:00:00+01:00", "2026-11-27T08:00:00.000Z"],
    ["Pay rent tonight", "2026-11-27T10:00:00+01:00", "2026-11-27T19:00:00.000Z"],
    ["Pay rent at 3pm", "2026-11-27T10:00:00+01:00", "2026-11-27T14:00:00.000Z"],
  ])("%s at %s → %s", (text, now, dueAt) => {
    expect(parseQuickAdd(text, { now: new Date(now), timeZone: "Europe/Paris" })).toMatchObject({ title: "Pay rent", dueAt });
  });

  it.each([
    ["Pay rent every friday", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T08:00:00.000Z"], // still ahead today
    ["Pay rent every friday at 3pm", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T14:00:00.000Z"],
    ["Pay rent every fri at 3", "FREQ=WEEKLY;BYDAY=FR", "2026-11-27T14:00:00.000Z"],
  ])("leaves the first instance of a rule's own days as it was: %s on a Friday at 08:00", (text, rrule, dueAt) => {
    expect(parseQuickAdd(text, friday("08:00"))).toMatchObject({ title: "Pay rent", rrule, dueAt });
  });

  it.each([
    ["Pay rent every week friday", "FREQ=WEEKLY", NEXT_FRIDAY_9],
    ["Pay rent weekly friday at 3pm", "FREQ=WEEKLY", NEXT_FRIDAY_15],
    ["Pay rent friday weekly", "FREQ=WEEKLY", NEXT_FRIDAY_9],
  ])("reads a weekday that starts a repeating task the same way: %s on a Friday at 08:00", (text, rrule, dueAt) => {
    expect(parseQuickAdd(text, friday("08:00"))).toMatchObject({ title: "Pay rent", rrule, dueAt });
  });
});

describe("today's date typed without a year is today, whatever the hour", () => {
  // Friday 27 November 2026 in Paris (UTC+1). chrono's forwardDate compares a date without a year
  // with the reference instant as if at noon: from 12:00 "Nov 27" was 27 November 2027 (and
  // "Nov 27 at 10am" from 10:00). Today's date is today: by 23:59 when 09:00 has passed, as "today".
  const friday = (hhmm: string) => ({ now: new Date(`2026-11-27T${hhmm}:00+01:00`), timeZone: "Europe/Paris" });
  const TODAY_2359 = "2026-11-27T22:59:00.000Z";
  const dates = ["Pay rent Nov 27", "Pay rent 27 Nov", "Pay rent November 27th", "Pay rent 11/27", "Pay rent 27/11", "Pay rent Friday Nov 27", "Pay rent on Nov 27"];

  it.each(["12:30", "13:00", "16:00", "23:30"])("on 27 November at %s", (hhmm) => {
    for (const text of dates) {
      const r = parseQuickAdd(text, friday(hhmm));
      expect({ text, title: r.title, dueAt: r.dueAt, dueHasTime: r.dueHasTime }).toEqual({ text, title: "Pay rent", dueAt: TODAY_2359, dueHasTime: false });
    }
  });

  it("keeps a time given with today's date today, even once it has passed", () => {
    expect(parseQuickAdd("Pay rent Nov 27 at 10am", friday("13:00")).dueAt).toBe("2026-11-27T09:00:00.000Z"); // like "today at 10am"
    expect(parseQuickAdd("Pay rent Nov 27 at 10am", friday("10:30")).dueAt).toBe("2026-11-27T09:00:00.000Z");
    expect(parseQuickAdd("Pay rent Nov 27 at 5", friday("13:00")).dueAt).toBe("2026-11-27T16:00:00.000Z"); // the next 5 o'clock today
    expect(parseQuickAdd("Pay rent 27/11 at 3", friday("13:00")).dueAt).toBe("2026-11-27T14:00:00.000Z");
  });

  it("takes today in the user's zone: 22:00 in New York is already the 28th in UTC", () => {
    const now = new Date("2026-11-28T03:00:00Z");
    expect(parseQuickAdd("Pay rent Nov 27", { now, timeZone: "America/New_York" }).dueAt).toBe("2026-11-28T04:59:00.000Z");
    expect(parseQuickAdd("Pay rent Nov 28", { now, timeZone: "America/New_York" }).dueAt).toBe("2026-11-28T14:00:00.000Z");
  });

  it("reads today's date on 31 December as this year's", () => {
    const now = new Date("2026-12-31T15:00:00Z");
    expect(parseQuickAdd("Pay rent Dec 31", { now, timeZone: "UTC" }).dueAt).toBe("2026-12-31T23:59:00.000Z");
  });

  // Guards (pass before and after): the morning, yesterday's date (next year's, as the
  // assistant reads it), tomorrow's, a year typed.
  it.each([
    ["Pay rent Nov 27", "10:00", TODAY_2359],
    ["Pay rent Nov 27", "08:00", "2026-11-27T08:00:00.000Z"],
    ["Pay rent Nov 27 at 5pm", "13:00", "2026-11-27T16:00:00.000Z"],
    ["Pay rent Nov 26", "13:00", "2027-11-26T08:00:00.000Z"],
    ["Pay rent 26/11", "13:00", "2027-11-26T08:00:00.000Z"],
    ["Pay rent Nov 28", "13:00", "2026-11-28T08:00:00.000Z"],
    ["Pay rent 11/27/2026", "13:00", TODAY_2359],
    ["Pay rent Nov 27 2027", "13:00", "2027-11-27T08:00:00.000Z"],
  ])("%s at %s → %s", (text, hhmm, dueAt) => {
    expect(parseQuickAdd(text, friday(hhmm))).toMatchObject({ title: "Pay rent", dueAt });
  });
});

describe("coming before a weekday", () => {
  // Wednesday 25 November 2026, 10:00 in Paris: the coming Friday is the 27th. "coming" stayed in
  // the title ("Pay rent coming"); the assistant takes it with the weekday.
  const WEDNESDAY = { now: new Date("2026-11-25T10:00:00+01:00"), timeZone: "Europe/Paris" };
  const FRIDAY_1300 = { now: new Date("2026-11-27T13:00:00+01:00"), timeZone: "Europe/Paris" };

  it.each([
    ["Pay rent coming friday", "2026-11-27T08:00:00.000Z"],
    ["Pay rent this coming friday", "2026-11-27T08:00:00.000Z"],
    ["Pay rent by this coming friday", "2026-11-27T08:00:00.000Z"],
    ["Pay rent the coming friday", "2026-11-27T08:00:00.000Z"],
    ["Pay rent coming Fri", "2026-11-27T08:00:00.000Z"],
    ["Pay rent coming friday at 5pm", "2026-11-27T16:00:00.000Z"],
    ["Pay rent coming sat", "2026-11-28T08:00:00.000Z"], // "sat" with a word that makes it a date
    ["Pay rent this coming wed", "2026-12-02T08:00:00.000Z"], // today is Wednesday: next week's
  ])("%s", (text, dueAt) => {
    expect(parseQuickAdd(text, WEDNESDAY)).toMatchObject({ title: "Pay rent", dueAt });
  });

  it("reads coming friday typed on a Friday as next Friday, as friday", () => {
    expect(parseQuickAdd("Pay rent coming friday", FRIDAY_1300)).toMatchObject({ title: "Pay rent", dueAt: "2026-12-04T08:00:00.000Z" });
    expect(parseQuickAdd("Pay rent this coming friday", FRIDAY_1300)).toMatchObject({ title: "Pay rent", dueAt: "2026-12-04T08:00:00.000Z" });
  });

  // Guards (pass before and after): "coming" elsewhere stays in the title.
  it.each([
    ["Coming out party friday", "Coming out party"],
    ["Upcoming review friday", "Upcoming review"],
    ["Plan the coming week", "Plan the coming week"],
  ])("%s", (text, title) => {
    expect(parseQuickAdd(text, WEDNESDAY).title).toBe(title);
  });
});

describe("weekday abbreviations", () => {
  // Wednesday 25 November 2026, 10:00 in Paris.
  const WEDNESDAY = { now: new Date("2026-11-25T10:00:00+01:00"), timeZone: "Europe/Paris" };

  it("reads tues as Tuesday (chrono knows tue, thur, thurs but not tues)", () => {
    for (const text of ["Pay rent tues", "Pay rent Tues.", "Pay rent on tues", "Pay rent TUES"]) {
      expect({ text, ...parseQuickAdd(text, WEDNESDAY) }).toMatchObject({ text, title: "Pay rent", dueAt: "2026-12-01T08:00:00.000Z" });
    }
    expect(parseQuickAdd("Dentist tues at 3pm", WEDNESDAY)).toMatchObject({ title: "Dentist", dueAt: "2026-12-01T14:00:00.000Z" });
    expect(parseQuickAdd("Gym every tues", WEDNESDAY)).toMatchObject({ title: "Gym", rrule: "FREQ=WEEKLY;BYDAY=TU" });
  });

  it("keeps sun, sat and wed with a dot in the title as without (chrono read sun. as Sunday)", () => {
    expect(parseQuickAdd("Lie in the sun.", WEDNESDAY)).toMatchObject({ title: "Lie in the sun.", dueAt: null });
    expect(parseQuickAdd("Sun. cream", WEDNESDAY)).toMatchObject({ title: "Sun. cream", dueAt: null });
    expect(parseQuickAdd("Finally sat.", WEDNESDAY)).toMatchObject({ title: "Finally sat.", dueAt: null });
  });

  // Guards (pass before and after): the other abbreviations, with or without a dot, and sun, sat,
  // wed with a connector or a time.
  it.each([
    ["Pay rent fri", "2026-11-27T08:00:00.000Z"],
    ["Pay rent Fri.", "2026-11-27T08:00:00.000Z"],
    ["Pay rent FRI", "2026-11-27T08:00:00.000Z"],
    ["Pay rent mon", "2026-11-30T08:00:00.000Z"],
    ["Pay rent Mon.", "2026-11-30T08:00:00.000Z"],
    ["Pay rent tue", "2026-12-01T08:00:00.000Z"],
    ["Pay rent thu", "2026-11-26T08:00:00.000Z"],
    ["Pay rent thur", "2026-11-26T08:00:00.000Z"],
    ["Pay rent Thurs.", "2026-11-26T08:00:00.000Z"],
    ["Pay rent on Sat.", "2026-11-28T08:00:00.000Z"],
    ["Pay rent by sun", "2026-11-29T08:00:00.000Z"],
    ["Pay rent sat at 5pm", "2026-11-28T16:00:00.000Z"],
    ["Pay rent 5pm sat", "2026-11-28T16:00:00.000Z"],
    ["Pay rent wed 3pm", "2026-12-02T14:00:00.000Z"],
  ])("%s", (text, dueAt) => {
    expect(parseQuickAdd(text, WEDNESDAY)).toMatchObject({ title: "Pay rent", dueAt });
  });

  it.each(["Sun cream", "SAT prep", "wed", "Pay rent sat", "Sat down with Bob"])("keeps %s as words", (text) => {
    expect(parseQuickAdd(text, WEDNESDAY)).toMatchObject({ title: text, dueAt: null });
  });
});

describe("weekdays after 'every' separated only by spaces are one list, as the assistant reads them", () => {
  // Friday 27 November 2026, 12:00 in Paris (UTC+1). Before, only the first day was the rule, the
  // rest stayed in the title ("gym wednesday") or was read as a date that pushed the first due a
  // week later (Mon 7 Dec from "friday"). Expected values: services/chat parse() of the same lines.
  const now = { now: new Date("2026-11-27T12:00:00+01:00"), timeZone: "Europe/Paris" };

  it.each([
    ["gym every monday wednesday friday at 7am", "gym", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-30T06:00:00.000Z"],
    ["gym every mon wed fri at 7am", "gym", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-30T06:00:00.000Z"],
    ["gym every tue thu", "gym", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-12-01T08:00:00.000Z"],
    ["gym every tuesday thursday at 6pm", "gym", "FREQ=WEEKLY;BYDAY=TU,TH", "2026-12-01T17:00:00.000Z"],
    ["standup every monday friday", "standup", "FREQ=WEEKLY;BYDAY=MO,FR", "2026-11-30T08:00:00.000Z"],
    ["yoga every sat sun at 9", "yoga", "FREQ=WEEKLY;BYDAY=SA,SU", "2026-11-28T08:00:00.000Z"], // 9: am on a repeat
    ["gym weekly on monday wednesday", "gym", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-30T08:00:00.000Z"],
    ["gym weekly on monday", "gym", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T08:00:00.000Z"],
  ])("%s", (text, title, rrule, dueAt) => {
    expect(parseQuickAdd(text, now)).toMatchObject({ title, rrule, dueAt });
  });

  it("starts today when one of the days is today and its hour is ahead", () => {
    const early = { now: new Date("2026-11-27T08:00:00+01:00"), timeZone: "Europe/Paris" };
    expect(parseQuickAdd("Pay rent every monday friday", early)).toMatchObject({
      title: "Pay rent",
      rrule: "FREQ=WEEKLY;BYDAY=MO,FR",
      dueAt: "2026-11-27T08:00:00.000Z",
    });
  });

  // Guards: these read the same before and after.
  it.each([
    ["gym every monday, wednesday and friday at 7am", "gym", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-11-30T06:00:00.000Z"],
    ["prep every monday friday's standup", "prep friday's standup", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T08:00:00.000Z"],
    ["every monday call Friday's team", "Call Friday's team", "FREQ=WEEKLY;BYDAY=MO", "2026-11-30T08:00:00.000Z"],
    ["call mom every weekday", "call mom", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-11-30T08:00:00.000Z"],
    ["gym every week on monday and wednesday", "gym", "FREQ=WEEKLY;BYDAY=MO,WE", "2026-11-30T08:00:00.000Z"],
  ])("guard: %s", (text, title, rrule, dueAt) => {
    expect(parseQuickAdd(text, now)).toMatchObject({ title, rrule, dueAt });
  });
});

describe("a series said with its end, as the assistant reads it (20cec1e)", () => {
  // Friday 27 November 2026, 14:25 in Paris (UTC+1): the first morning slot is tomorrow's. The
  // series ends at the end of its last day in the user's zone, as UTC (UNTIL=…T225959Z in Paris);
  // "for 3 weeks" counts from the first due day. Before, "until dec 20" was the first due day (the
  // series began on the 20th and never ended) and "until christmas", "for 3 weeks" stayed in the
  // title. Expected values: services/chat parse() of the same lines (tests/test_series_end.py).
  const paris = { now: new Date("2026-11-27T14:25:00+01:00"), timeZone: "Europe/Paris" };
  const daily = (until: string) => `FREQ=DAILY;UNTIL=${until}`;

  it.each([
    ["take vitamins every morning until dec 20", "take vitamins", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["practice piano every day until christmas", "practice piano", "2026-11-28T08:00:00.000Z", daily("20261225T225959Z")],
    ["practice piano every day until Christmas Day", "practice piano", "2026-11-28T08:00:00.000Z", daily("20261225T225959Z")],
    ["journal every night till xmas", "journal", "2026-11-27T19:00:00.000Z", daily("20261225T225959Z")],
    ["journal every night until new year's eve", "journal", "2026-11-27T19:00:00.000Z", daily("20261231T225959Z")],
    ["call grandma every sunday through christmas eve", "call grandma", "2026-11-29T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=SU;UNTIL=20261224T225959Z"],
    ["physio exercises every day for 3 weeks", "physio exercises", "2026-11-28T08:00:00.000Z", daily("20261218T225959Z")],
    ["stretch every day for the next 10 days", "stretch", "2026-11-28T08:00:00.000Z", daily("20261207T225959Z")],
    ["every day for the next 10 days stretch", "Stretch", "2026-11-28T08:00:00.000Z", daily("20261207T225959Z")],
    ["stretch every day for another 2 weeks", "stretch", "2026-11-28T08:00:00.000Z", daily("20261211T225959Z")],
    ["stretch every day for two weeks", "stretch", "2026-11-28T08:00:00.000Z", daily("20261211T225959Z")],
    ["stretch every day for 1 month", "stretch", "2026-11-28T08:00:00.000Z", daily("20261227T225959Z")],
    ["stretch every day for 2 months", "stretch", "2026-11-28T08:00:00.000Z", daily("20270127T225959Z")],
    ["stretch every week for a year", "stretch", "2026-11-28T08:00:00.000Z", "FREQ=WEEKLY;UNTIL=20271127T225959Z"],
    ["standup every weekday till friday at 9:30", "standup", "2026-11-30T08:30:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T225959Z"],
    ["standup every weekday till friday", "standup", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261204T225959Z"],
    ["yoga every tuesday until the 15th", "yoga", "2026-12-01T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261215T225959Z"],
    ["gym every monday until the end of the month", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T225959Z"],
    ["gym every monday until monday", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261130T225959Z"],
    ["gym every monday until 20 dec", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261220T225959Z"],
    ["water plants every 2 days until the 15th", "water plants", "2026-11-28T08:00:00.000Z", "FREQ=DAILY;INTERVAL=2;UNTIL=20261215T225959Z"],
    ["water plants every 2 days through dec 15", "water plants", "2026-11-28T08:00:00.000Z", "FREQ=DAILY;INTERVAL=2;UNTIL=20261215T225959Z"],
    // A day of the month alone after any of the words, not only "until" (it was "water plants
    // through the 15th", a series without an end), and "the Nth of <month>" after them.
    ["water plants every 2 days through the 15th", "water plants", "2026-11-28T08:00:00.000Z", "FREQ=DAILY;INTERVAL=2;UNTIL=20261215T225959Z"],
    ["stretch every day till the 15th", "stretch", "2026-11-28T08:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day thru the 15th", "stretch", "2026-11-28T08:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day up to the 15th", "stretch", "2026-11-28T08:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day ending on the 15th", "stretch", "2026-11-28T08:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day through the 15th at 8pm", "stretch", "2026-11-27T19:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day until the 15th of december", "stretch", "2026-11-28T08:00:00.000Z", daily("20261215T225959Z")],
    ["stretch every day through the 15th of december at 8pm", "stretch", "2026-11-27T19:00:00.000Z", daily("20261215T225959Z")],
    ["gym every monday thru dec 20", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261220T225959Z"],
    ["stretch every day ending on dec 20", "stretch", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["stretch every day up to dec 20", "stretch", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day until dec 20 at 8pm", "meds", "2026-11-27T19:00:00.000Z", daily("20261220T225959Z")],
    ["meds every evening until dec 20", "meds", "2026-11-27T17:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day thru dec 20", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day til dec 20", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day ending dec 20", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day up to and including dec 20", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day until 12/20", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day until december 20th", "meds", "2026-11-28T08:00:00.000Z", daily("20261220T225959Z")],
    ["meds every day until next friday", "meds", "2026-11-28T08:00:00.000Z", daily("20261204T225959Z")],
    ["meds every day until tomorrow", "meds", "2026-11-28T08:00:00.000Z", daily("20261128T225959Z")],
    // "next week" is its Monday, "next month" its 1st, "next weekend" Saturday, as the assistant reads them.
    ["practice every day until next week", "practice", "2026-11-28T08:00:00.000Z", daily("20261130T225959Z")],
    ["practice every day until next month", "practice", "2026-11-28T08:00:00.000Z", daily("20261201T225959Z")],
    ["practice every day until next weekend", "practice", "2026-11-28T08:00:00.000Z", daily("20261205T225959Z")],
    ["practice every day until the weekend", "practice", "2026-11-28T08:00:00.000Z", daily("20261128T225959Z")],
  ])("%s", (text, title, dueAt, rrule) => {
    expect(parseQuickAdd(text, paris)).toMatchObject({ title, dueAt, rrule });
  });

  it("counts 'for a week' from the start date given", () => {
    expect(parseQuickAdd("take pills daily for a week starting monday", paris)).toMatchObject({
      dueAt: "2026-11-30T08:00:00.000Z",
      rrule: daily("20261206T225959Z"),
    });
  });

  it("keeps tags and priority said with it", () => {
    expect(parseQuickAdd("gym every day until friday #health !high", paris)).toMatchObject({
      title: "gym",
      tags: ["health"],
      priority: "HIGH",
      rrule: daily("20261204T225959Z"),
      dueAt: "2026-11-28T08:00:00.000Z",
    });
  });

  it("ends at the end of that day where the user is (New York: 04:59:59 UTC the next day)", () => {
    const wednesday = { now: new Date("2026-11-25T09:30:00-05:00"), timeZone: "America/New_York" };
    expect(parseQuickAdd("take vitamins every morning until dec 20", wednesday)).toMatchObject({
      title: "take vitamins",
      dueAt: "2026-11-26T14:00:00.000Z",
      rrule: daily("20261221T045959Z"),
    });
    expect(parseQuickAdd("physio exercises every day for 3 weeks", wednesday).rrule).toBe(daily("20261217T045959Z"));
    expect(parseQuickAdd("standup every weekday till friday", wednesday).rrule).toBe(
      "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261128T045959Z",
    );
    expect(parseQuickAdd("meds every day until the end of the week", wednesday).rrule).toBe(daily("20261128T045959Z"));
    expect(parseQuickAdd("practice every day until next week", wednesday).rrule).toBe(daily("20261201T045959Z"));
    const friday = { now: new Date("2026-11-27T08:00:00-05:00"), timeZone: "America/New_York" };
    expect(parseQuickAdd("take vitamins every morning until dec 20", friday)).toMatchObject({
      dueAt: "2026-11-27T14:00:00.000Z",
      rrule: daily("20261221T045959Z"),
    });
  });

  // Guards (the same before and after): a time, the length of each session, a day before the
  // first one, words that are no day, and "until" without a rule are read as before.
  it.each([
    ["study every day for 2 hours", "study for 2 hours", "2026-11-28T08:00:00.000Z", "FREQ=DAILY"],
    ["read until chapter 5 tomorrow", "read until chapter 5", "2026-11-28T08:00:00.000Z", null],
    ["stay until the end tomorrow", "stay until the end", "2026-11-28T08:00:00.000Z", null],
    ["buy gifts before christmas", "buy gifts before christmas", null, null],
    // Without a repeat the words are read as before: nothing, or the date alone.
    ["read chapters 1 up to 5", "read chapters 1 up to 5", null, null],
    ["read up to the 15th", "read up to the 15th", null, null],
    ["read chapters 1 up to 5 tomorrow", "read chapters 1 up to 5", "2026-11-28T08:00:00.000Z", null],
  ])("guard: %s", (text, title, dueAt, rrule) => {
    expect(parseQuickAdd(text, paris)).toMatchObject({ title, dueAt, rrule });
  });

  it("guard: reads 'until 5pm' as the time, not an end ('until' out of the title, as the assistant reads it)", () => {
    expect(parseQuickAdd("every day until 5pm check email", paris)).toMatchObject({
      title: "Check email",
      dueAt: "2026-11-27T16:00:00.000Z",
      rrule: "FREQ=DAILY",
    });
  });

  // As the assistant reads them: a day before the first due day sets no end.
  it.each([
    ["gym every monday until tomorrow", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO"],
    ["meds every day until the end of the week", "meds", "2026-11-28T08:00:00.000Z", "FREQ=DAILY"],
  ])("%s", (text, title, dueAt, rrule) => {
    expect(parseQuickAdd(text, paris)).toMatchObject({ title, dueAt, rrule });
  });
});

describe("after work, after lunch", () => {
  // Friday 27 November 2026 in Paris (UTC+1). "after work" is 18:00 and "after lunch" 13:00, the
  // assistant's hours (services/chat domain/when.py, PARTS_OF_DAY): today while that hour is
  // ahead, else tomorrow, as "in the evening"; with a day, that day. They stayed in the title.
  const at = (iso: string) => ({ now: new Date(iso), timeZone: "Europe/Paris" });
  const FRIDAY_1425 = at("2026-11-27T14:25:00+01:00");
  const FRIDAY_1900 = at("2026-11-27T19:00:00+01:00");
  const FRIDAY_1230 = at("2026-11-27T12:30:00+01:00");

  it.each([
    ["call mom after work", FRIDAY_1425, "call mom", "2026-11-27T17:00:00.000Z"], // today 18:00
    ["call mom after work", FRIDAY_1900, "call mom", "2026-11-28T17:00:00.000Z"], // past: tomorrow
    ["call mom after lunch", FRIDAY_1230, "call mom", "2026-11-27T12:00:00.000Z"], // today 13:00
    ["call mom after lunch", FRIDAY_1425, "call mom", "2026-11-28T12:00:00.000Z"],
    ["call mom tomorrow after work", FRIDAY_1425, "call mom", "2026-11-28T17:00:00.000Z"],
    ["call mom after work tomorrow", FRIDAY_1900, "call mom", "2026-11-28T17:00:00.000Z"],
    ["call mom after lunch tomorrow", FRIDAY_1230, "call mom", "2026-11-28T12:00:00.000Z"],
    ["call mom friday after work", FRIDAY_1425, "call mom", "2026-12-04T17:00:00.000Z"],
    ["call mom after work on monday", FRIDAY_1425, "call mom", "2026-11-30T17:00:00.000Z"],
    ["After work drinks with Ann", FRIDAY_1425, "Drinks with Ann", "2026-11-27T17:00:00.000Z"],
  ])("%s", (text, options, title, dueAt) => {
    expect(parseQuickAdd(text, options)).toMatchObject({ title, dueAt, dueHasTime: true, rrule: null });
  });

  it("is the hour of a repeating task", () => {
    expect(parseQuickAdd("stretch every day after work", FRIDAY_1425)).toMatchObject({
      title: "stretch",
      rrule: "FREQ=DAILY",
      dueAt: "2026-11-27T17:00:00.000Z",
    });
  });

  it.each(["call mom after workout", "fix after work-related issues", "Afterwork party"])("guard: %s stays a title", (text) => {
    expect(parseQuickAdd(text, FRIDAY_1425)).toMatchObject({ title: text, dueAt: null, tokens: [] });
  });
});

describe("at lunch, at lunchtime", () => {
  // Friday 27 November 2026 in Paris (UTC+1). "at lunch" / "at lunchtime" is 12:00, as the
  // assistant reads it (services/chat domain/when.py): today while ahead, else tomorrow; with a
  // day, that day. It stayed in the title with no due date.
  const at = (iso: string) => ({ now: new Date(iso), timeZone: "Europe/Paris" });
  const FRIDAY_0700 = at("2026-11-27T07:00:00+01:00");
  const FRIDAY_1717 = at("2026-11-27T17:17:00+01:00");

  it.each([
    ["call mom at lunch", FRIDAY_0700, "call mom", "2026-11-27T11:00:00.000Z"], // today 12:00
    ["call mom at lunch", FRIDAY_1717, "call mom", "2026-11-28T11:00:00.000Z"], // past: tomorrow
    ["lunch with sam at lunch", FRIDAY_1717, "lunch with sam", "2026-11-28T11:00:00.000Z"],
    ["call mom at lunchtime", FRIDAY_0700, "call mom", "2026-11-27T11:00:00.000Z"],
    ["call mom monday at lunch", FRIDAY_1717, "call mom", "2026-11-30T11:00:00.000Z"],
    ["call mom at lunch tomorrow", FRIDAY_0700, "call mom", "2026-11-28T11:00:00.000Z"],
  ])("%s", (text, options, title, dueAt) => {
    expect(parseQuickAdd(text, options)).toMatchObject({ title, dueAt, dueHasTime: true, rrule: null });
  });

  it.each(["lunch with sam", "lunchbox for kids"])("guard: %s stays a title", (text) => {
    expect(parseQuickAdd(text, FRIDAY_1717)).toMatchObject({ title: text, dueAt: null, tokens: [] });
  });
});

describe("twice a week, three times a week, twice a month", () => {
  // Friday 27 November 2026, 14:25 in Paris. How often without which days: the days are chosen
  // (Mondays and Thursdays; Mondays, Wednesdays and Fridays; the 1st and the 15th), as the
  // assistant chooses them, and the chip names them ("Every Mon and Thu"). They stayed in the
  // title ("gym twice a week"), without a repeat.
  const paris = { now: new Date("2026-11-27T14:25:00+01:00"), timeZone: "Europe/Paris" };

  it.each([
    ["gym twice a week", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TH"],
    ["gym 2x a week", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TH"],
    ["gym two times per week", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TH"],
    ["gym three times a week", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
    ["gym 3x a week at 7am", "gym", "2026-11-30T06:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
    ["pay bills twice a month", "pay bills", "2026-12-01T08:00:00.000Z", "FREQ=MONTHLY;BYMONTHDAY=1,15"],
    ["gym twice a week until dec 20", "gym", "2026-11-30T08:00:00.000Z", "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261220T225959Z"],
  ])("%s", (text, title, dueAt, rrule) => {
    expect(parseQuickAdd(text, paris)).toMatchObject({ title, dueAt, rrule });
  });

  it("starts twice a month on the first of its days from now (the 15th on the 2nd)", () => {
    const second = { now: new Date("2026-12-02T10:00:00+01:00"), timeZone: "Europe/Paris" };
    expect(parseQuickAdd("pay bills twice a month", second).dueAt).toBe("2026-12-15T08:00:00.000Z");
  });

  it.each(["take pills twice a day", "pay bills three times a month", "gym 13x a week"])("guard: %s is no rule", (text) => {
    expect(parseQuickAdd(text, paris)).toMatchObject({ title: text, rrule: null, dueAt: null });
  });
});

describe("next and a weekday is the next such day after today, as the assistant reads it", () => {
  // chrono's "next friday" is next week's Friday: said on a Wednesday it was nine days on, while
  // the assistant (services/chat domain/when.py, next_weekday) reads the coming Friday. Said on a
  // Friday both are the Friday a week on. "friday next week" is still next week's Friday.
  const FRIDAY = { now: new Date("2026-11-27T14:25:00+01:00"), timeZone: "Europe/Paris" };
  const WEDNESDAY = { now: new Date("2026-11-25T10:00:00+01:00"), timeZone: "Europe/Paris" };

  it.each([
    ["call mom next friday", FRIDAY, "2026-12-04T08:00:00.000Z"],
    ["call mom next monday", FRIDAY, "2026-11-30T08:00:00.000Z"],
    ["call mom next sunday", FRIDAY, "2026-11-29T08:00:00.000Z"], // was Dec 6
    ["call mom next saturday", FRIDAY, "2026-11-28T08:00:00.000Z"], // was Dec 5
    ["call mom next friday", WEDNESDAY, "2026-11-27T08:00:00.000Z"], // was Dec 4
    ["call mom next monday", WEDNESDAY, "2026-11-30T08:00:00.000Z"],
    ["call mom next sunday", WEDNESDAY, "2026-11-29T08:00:00.000Z"], // was Dec 6
    ["call mom next wednesday", WEDNESDAY, "2026-12-02T08:00:00.000Z"],
    ["call mom next fri at 5pm", WEDNESDAY, "2026-11-27T16:00:00.000Z"],
    ["call mom on next friday", WEDNESDAY, "2026-11-27T08:00:00.000Z"],
    ["call mom next firday", WEDNESDAY, "2026-11-27T08:00:00.000Z"],
    // Guards: next week's Friday, said so.
    ["call mom friday next week", WEDNESDAY, "2026-12-04T08:00:00.000Z"],
    ["call mom friday next week", FRIDAY, "2026-12-04T08:00:00.000Z"],
  ])("%s", (text, options, dueAt) => {
    expect(parseQuickAdd(text, options)).toMatchObject({ title: "call mom", dueAt });
  });

  it("ends a series said with it on that day", () => {
    expect(parseQuickAdd("meds every day until next friday", WEDNESDAY).rrule).toBe("FREQ=DAILY;UNTIL=20261127T225959Z");
  });
});

describe("what a user found on Friday 27 Nov 2026 at 17:17 in Paris, read as the assistant reads it", () => {
  // services/chat/tests/test_quick_add_parity.py pins the assistant to the same values.
  const at = (clock: string, day = 27, month = 11) =>
    zonedTimeToUtc(2026, month, day, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule, remind: local(r.remindAt), offset: r.remindOffsetMinutes };
  };

  it.each([
    // Was "Pay rent on the 1st", due tomorrow 09:00, FREQ=MONTHLY (the 28th of each month).
    ["Pay rent on the 1st every month #finance !high", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent on the 1st #finance every month", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent monthly on the 1st", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent on the first of every month", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent every month on the last day", "Pay rent", "2026-11-30 09:00", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    ["Pay rent on the last day every month", "Pay rent", "2026-11-30 09:00", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    // Guards (read so before too).
    ["Pay rent on the 15th of every month", "Pay rent", "2026-12-15 09:00", "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["Pay rent every month on the 1st", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent every 2 months on the 1st", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1"],
    ["Take 2 pills every month", "Take 2 pills", "2026-11-28 09:00", "FREQ=MONTHLY"],
    ["Pay rent the 1st every month", "Pay rent the 1st", "2026-11-28 09:00", "FREQ=MONTHLY"],
  ])("a day of the month said with a monthly rule: %s", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it.each([
    // Was "Pay bills every", due Mon 09:00, no repeat.
    ["Pay bills every last day of the month", "Pay bills"],
    // Was "Pay bills on the of", FREQ=MONTHLY from yesterday.
    ["Pay bills on the last day of every month", "Pay bills"],
    // Was "Pay bills of each month", due yesterday, no repeat.
    ["Pay bills last day of each month", "Pay bills"],
  ])("the last day of every month: %s", (text, title) => {
    expect(read(text)).toMatchObject({ title, due: "2026-11-30 09:00", rrule: "FREQ=MONTHLY;BYMONTHDAY=-1" });
  });

  it("starts the last day of the month on that month's last day, or the next month's once it has passed", () => {
    expect(read("Pay bills every last day of the month", at("10:00", 10, 2)).due).toBe("2026-02-28 09:00");
    expect(read("Pay bills every last day of the month", at("17:17", 30)).due).toBe("2026-12-31 09:00");
    expect(read("Pay bills every last day of the month at 6pm", at("17:17", 30)).due).toBe("2026-11-30 18:00");
  });

  it.each([
    // Was "Stretch break the due time", the reminder at the due time.
    ["Stretch break today 17:31 remind me at the due time", "2026-11-27 17:31", 0],
    ["Stretch break today 17:31 remind me when it's due", "2026-11-27 17:31", 0],
    ["Stretch break today 17:31 remind me 10 minutes before", "2026-11-27 17:21", 10],
  ])("a reminder said with the due time: %s", (text, remind, offset) => {
    expect(read(text)).toMatchObject({ title: "Stretch break", due: "2026-11-27 17:31", remind, offset });
  });

  it("keeps 'remind me at the due time' whole out of the title even without a due date", () => {
    expect(read("Stretch break remind me at the due time")).toMatchObject({ title: "Stretch break", due: null, remind: null, offset: 0 });
  });

  it.each([
    // A repeat with no day starts at its first slot after now (guards: read so before too).
    ["08:00", "2026-11-27 09:00"],
    ["17:17", "2026-11-28 09:00"],
  ])("Water the plants every 2 weeks typed at %s starts %s", (clock, due) => {
    expect(read("Water the plants every 2 weeks", at(clock))).toMatchObject({ title: "Water the plants", due, rrule: "FREQ=WEEKLY;INTERVAL=2" });
  });
});

describe("what a user found on Friday 27 Nov 2026 at 17:17 in Paris, second round", () => {
  const at = (clock: string, day = 27, month = 11) =>
    zonedTimeToUtc(2026, month, day, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule, priority: r.priority };
  };

  it.each([
    // Each was the whole line as the title, no priority.
    ["Call the plumber urgent", "Call the plumber"],
    ["urgent: fix prod", "fix prod"],
    ["Fix prod - urgent", "Fix prod"],
    ["Fix prod urgent!", "Fix prod"],
    ["Fix prod (urgent)", "Fix prod"],
    ["Call mom, it's urgent", "Call mom"],
    ["Call mom urgently", "Call mom"],
    ["urgent-priority fix prod", "fix prod"],
  ])("the word urgent is Very important, as the assistant reads it: %s", (text, title) => {
    expect(read(text)).toMatchObject({ title, priority: "VERY_IMPORTANT" });
  });

  it.each([
    // Was the whole line, no priority; with the word urgent alone it would have been Very important.
    ["Water plants, not urgent", "Water plants"],
    ["Water plants not that urgent", "Water plants"],
    ["Fix prod - it's not urgent at all", "Fix prod"],
  ])("not urgent is Low, as the assistant reads it: %s", (text, title) => {
    expect(read(text)).toMatchObject({ title, priority: "LOW" });
  });

  it.each([
    // Guards: a place, or part of another word, stays in the title (read so before too).
    "urgent care appointment",
    "Book urgent care",
    "Visit the urgent-care clinic",
    "Sort nonurgent mail",
    "Sort non-urgent mail",
    "Fix prod urgent-ish",
    // An adjective before a noun, or a question, is part of the title (read Very important
    // since fa9e9da: "Reply to emails", "Is it?").
    "Reply to urgent emails",
    "Is it urgent?",
    "Deal with urgent mail",
    "Urgent meeting with boss",
    "Sort the urgent ones first",
    "Ask whether it's urgent?",
  ])("keeps %s as it is", (text) => {
    expect(read(text)).toMatchObject({ title: text, priority: null });
  });

  it("lets a mark say the priority, the word urgent then staying in the title; urgent with a date", () => {
    expect(read("Fix bug urgent !low")).toMatchObject({ title: "Fix bug urgent", priority: "LOW" });
    expect(read("Fix prod !urgent")).toMatchObject({ title: "Fix prod", priority: "VERY_IMPORTANT" });
    expect(read("#urgent fix prod")).toMatchObject({ title: "fix prod", priority: null });
    expect(read("Call mom urgent tomorrow at 5")).toMatchObject({ title: "Call mom", due: "2026-11-28 17:00", priority: "VERY_IMPORTANT" });
  });

  it.each([
    // Where the word says the priority: at the end (what else the line says taken out), at the
    // end of a part, at the start before ":" "," "-" (each so before too: guards).
    ["Fix prod urgent", "Fix prod"],
    ["Fix prod urgent #work tomorrow", "Fix prod"],
    ["Fix prod urgent every day", "Fix prod"],
    ["Call mom, urgent", "Call mom"],
    ["urgent, fix prod", "fix prod"],
    ["urgent - fix prod", "fix prod"],
    ["Reply to the emails, it's urgent", "Reply to the emails"],
    ["Reply to the emails urgently", "Reply to the emails"],
    ["Reply to urgent emails, urgent", "Reply to urgent emails"],
  ])("reads urgent where it says the priority: %s", (text, title) => {
    expect(read(text)).toMatchObject({ title, priority: "VERY_IMPORTANT" });
  });

  it.each([
    // The assistant's other priority words (parse.py, take_priority); each was the whole line
    // as the title, no priority.
    ["Fix bug critical", "Fix bug", "VERY_IMPORTANT"],
    ["critical: fix prod", "fix prod", "VERY_IMPORTANT"],
    ["Fix bug critical tomorrow 9am", "Fix bug", "VERY_IMPORTANT"],
    ["Fix bug, very important", "Fix bug", "VERY_IMPORTANT"],
    ["Fix bug top priority", "Fix bug", "VERY_IMPORTANT"],
    ["Call customers high priority", "Call customers", "HIGH"],
    ["high priority: call sam", "call sam", "HIGH"],
    ["Call mom, important", "Call mom", "HIGH"],
    ["Call mom, it's important", "Call mom", "HIGH"],
    ["Tidy the shed, medium priority", "Tidy the shed", "MEDIUM"],
    ["Clean garage low priority", "Clean garage", "LOW"],
    ["Clean garage, not important", "Clean garage", "LOW"],
    ["Clean garage - unimportant", "Clean garage", "LOW"],
    ["Fix typo, not a priority", "Fix typo", "LOW"],
  ])("reads the assistant's priority words where they say it: %s", (text, title, priority) => {
    expect(read(text)).toMatchObject({ title, priority });
  });

  it.each([
    // Guards: words of the title (the first three read so before too, the rest had no reading).
    "critical path review",
    "Review the critical path",
    "Very important meeting prep",
    "Call high priority customers",
    "Remember something important",
    "Fix prod mission critical",
    "Put it on top",
    "Is it critical?",
    "Explain why this is urgent to the team",
  ])("keeps %s as its title, with no priority", (text) => {
    expect(read(text)).toMatchObject({ title: text, priority: null });
  });

  it.each([
    // Each was a one-off task titled with the rule's words ("Pack lunches every weeknight"),
    // due today 20:00 or with no date. Fri 27 Nov is a weeknight: today's 20:00 is still ahead.
    ["Pack lunches every weeknight 8pm", "Pack lunches", "2026-11-27 20:00"],
    ["Pack lunches every weeknight", "Pack lunches", "2026-11-27 20:00"],
    ["Pack lunches weeknights", "Pack lunches", "2026-11-27 20:00"],
    ["Homework on weeknights at 7pm", "Homework", "2026-11-27 19:00"],
    ["Pack lunches every week night", "Pack lunches", "2026-11-27 20:00"],
  ])("reads %s as Monday to Friday", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due, rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" });
  });

  it("starts a weeknight rule typed on a weekend, or after its hour, on the next weeknight", () => {
    expect(read("Pack lunches every weeknight", at("21:00"))).toMatchObject({ due: "2026-11-30 20:00" });
    expect(read("Pack lunches every weeknight", at("10:00", 28))).toMatchObject({ due: "2026-11-30 20:00" });
    // Guards: a word of the title; "every weekday" keeps its 09:00 (both so before too).
    expect(read("Weeknight dinner ideas")).toMatchObject({ title: "Weeknight dinner ideas", rrule: null, due: null });
    expect(read("Stand-up every weekday")).toMatchObject({ title: "Stand-up", due: "2026-11-30 09:00" });
  });

  it.each([
    // No date before, the words in the title: chrono read "10 december" and the blanks the tag
    // and the mark left after it as the month alone ("december"), dropped as incidental.
    ["File VAT return (Umsatzsteuer) by 10 december #admin !urgent", "File VAT return (Umsatzsteuer)", "2026-12-10 09:00"],
    ["Pay 10 december !high", "Pay", "2026-12-10 09:00"],
    ["Pay by 10 dec #bills #admin", "Pay", "2026-12-10 09:00"],
    // A dotted date with a trailing dot or a year is day.month, as written in Europe (before:
    // "10.12." no date, "10.12.2026" 12 October).
    ["Quote for Kessler logo 10.12.", "Quote for Kessler logo", "2026-12-10 09:00"],
    ["Quote for Kessler logo 10.12.2026", "Quote for Kessler logo", "2026-12-10 09:00"],
    ["Meet Anna 1.3. at 10am", "Meet Anna", "2027-03-01 10:00"],
    ["Pay by 10.12.", "Pay", "2026-12-10 09:00"],
  ])("reads the date of %s", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });

  it.each([
    // Guards: numbers with dots stay words (all read so before too).
    "Update to v1.2",
    "Takes 3.5 hours",
    "Version 2.10 release",
    "Update to version 2.10.",
    "Read chapter 3.2.",
    "Pay 31.2.",
    "Pay 12.13.",
    "Read 1.2.3",
    "Buy 2.5 kg rice.",
  ])("keeps the numbers of %s in the title", (text) => {
    expect(read(text)).toMatchObject({ title: text, due: null });
  });

  it("reads a dotted date as any other date: today's is today, yesterday's next year's", () => {
    expect(read("Pay 27.11.")).toMatchObject({ title: "Pay", due: "2026-11-27 23:59" });
    expect(read("Pay 26.11.")).toMatchObject({ title: "Pay", due: "2027-11-26 09:00" });
  });

  it.each([
    // Without a repeat "starting <day>" is the day it is due, as the assistant reads it; each
    // was titled "<title> starting" with that due date.
    ["Gym starting monday", "Gym", "2026-11-30 09:00"],
    ["Gym starting monday at 7am", "Gym", "2026-11-30 07:00"],
    ["Gym starting monday 6pm #health", "Gym", "2026-11-30 18:00"],
    ["New job starting dec 1", "New job", "2026-12-01 09:00"],
    ["Report starting tomorrow", "Report", "2026-11-28 09:00"],
  ])("reads %s as due that day", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due, rrule: null });
  });

  it("keeps 'starting' and 'from' words of the title without a repeat", () => {
    // Guards (so before too): no day after it, a possessive, "from" without a repeat.
    expect(read("Starting line practice")).toMatchObject({ title: "Starting line practice", due: null });
    expect(read("Prep starting friday's standup")).toMatchObject({ title: "Prep starting friday's standup", due: null });
    expect(read("Email from mom friday")).toMatchObject({ title: "Email from mom", due: "2026-12-04 09:00" });
  });

  it.each([
    // "next week" is its Monday, as the assistant and "starting next week" read it (before:
    // chrono's today + 7, Fri 4 Dec).
    ["Call mom next week", "2026-11-30 09:00"],
    ["Call mom next week at 5pm", "2026-11-30 17:00"],
    ["Call mom by next week", "2026-11-30 09:00"],
    // Guards (so before too): a week from today, and a weekday of next week.
    ["Call mom in a week", "2026-12-04 09:00"],
    ["Call mom in 1 week", "2026-12-04 09:00"],
    ["Call mom friday next week", "2026-12-04 09:00"],
  ])("reads %s as due %s", (text, due) => {
    expect(read(text)).toMatchObject({ title: "Call mom", due, rrule: null });
  });

  it("reads next week as its Monday on a Sunday, and in Los Angeles", () => {
    expect(read("Call mom next week", at("10:00", 29))).toMatchObject({ due: "2026-11-30 09:00" });
    const la = parseQuickAdd("Call mom next week", { now: zonedTimeToUtc(2026, 11, 27, 20, 0, "America/Los_Angeles"), timeZone: "America/Los_Angeles" });
    expect(new Date(la.dueAt ?? "").toLocaleString("sv-SE", { timeZone: "America/Los_Angeles" }).slice(0, 16)).toBe("2026-11-30 09:00");
  });

  it.each([
    // Each was titled "<title> starting" (or "... from"), the date the first due day.
    ["Yoga every monday starting monday", "Yoga", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Standup every weekday starting dec 1", "Standup", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    // "next week" is its Monday, as the assistant reads it (before: chrono's Dec 4, so Dec 8).
    ["Gym every tuesday starting next week", "Gym", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU"],
    ["Gym every tuesday starting next month", "Gym", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU"],
    ["Gym every tuesday from next week", "Gym", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU"],
    ["Yoga every monday starting on monday", "Yoga", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Yoga every monday starting from monday", "Yoga", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Yoga every monday from monday", "Yoga", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Yoga every monday starting sat", "Yoga", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Run every day starting friday", "Run", "2026-12-04 09:00", "FREQ=DAILY"],
    ["Run every day starting dec 3 at 7am", "Run", "2026-12-03 07:00", "FREQ=DAILY"],
    ["Run every day starting tomorrow at 7", "Run", "2026-11-28 19:00", "FREQ=DAILY"],
    ["Run every day starting at 7am", "Run", "2026-11-28 07:00", "FREQ=DAILY"],
    ["Gym every tuesday at 6pm starting dec 1", "Gym", "2026-12-01 18:00", "FREQ=WEEKLY;BYDAY=TU"],
    ["Water the plants every 2 weeks starting monday", "Water the plants", "2026-11-30 09:00", "FREQ=WEEKLY;INTERVAL=2"],
    ["Pay rent every month on the 1st starting january", "Pay rent", "2027-01-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Yoga every monday starting dec 7 until dec 31", "Yoga", "2026-12-07 09:00", "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T225959Z"],
  ])("a repeat starting on a day starts there, as the assistant reads it: %s", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it.each([
    // Guards (read so before too): no day after "from", a possessive, no repeat.
    ["Email from mom every monday", "Email from mom", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Data from march every monday", "Data from march", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Prep every monday starting friday's standup", "Prep starting friday's standup", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO"],
    ["Starting line practice", "Starting line practice", null, null],
    // The Tuesday of next week, "next week" its Monday (Dec 8 before, from chrono's Dec 4).
    ["Gym every tuesday next week", "Gym", "2026-12-01 09:00", "FREQ=WEEKLY;BYDAY=TU"],
  ])("keeps the words of %s", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it("leaves 'starting monday' in the title when its chip is taken back", () => {
    const r = parseQuickAdd("Yoga every monday starting dec 7", { now: at("17:17"), timeZone: "Europe/Paris", keep: ["starting dec 7"] });
    expect(r).toMatchObject({ title: "Yoga starting dec 7", rrule: "FREQ=WEEKLY;BYDAY=MO" });
  });

  it.each([
    // Each was titled "Pay rent on the" / "Pay rent by the", due that day.
    ["Pay rent on the last day of the month", "2026-11-30 09:00"],
    ["Pay rent by the last day of the month", "2026-11-30 09:00"],
    ["Pay rent on the last day of next month", "2026-12-31 09:00"],
    ["Pay rent on the last day of the month at 6pm", "2026-11-30 18:00"],
  ])("the last day of the month said once is one task due then: %s", (text, due) => {
    expect(read(text)).toMatchObject({ title: "Pay rent", due, rrule: null });
  });

  it("reads the last day of the month in the month it is typed", () => {
    expect(read("Pay rent on the last day of the month", at("10:00", 10, 2))).toMatchObject({ title: "Pay rent", due: "2026-02-28 09:00", rrule: null });
    // On that day after 09:00: by the end of the day, as "today" is.
    expect(read("Pay rent on the last day of the month", at("17:17", 30))).toMatchObject({ title: "Pay rent", due: "2026-11-30 23:59", rrule: null });
  });

  it.each([
    // Guards (read so before too): every month is a repeat.
    ["Pay bills on the last day of every month", "Pay bills"],
    ["Pay bills every last day of the month", "Pay bills"],
    ["Pay rent last day of the month", "Pay rent"],
  ])("keeps reading %s as before", (text, title) => {
    const r = read(text);
    expect(r).toMatchObject({ title, due: "2026-11-30 09:00" });
    expect(r.rrule).toBe(text.includes("every") ? "FREQ=MONTHLY;BYMONTHDAY=-1" : null);
  });

  it.each([
    // Was titled "Pay bills", due 31 Mar 2027 (the month read as the first due day), no end.
    ["Pay bills every last day of the month until march", "Pay bills", "2026-11-30 09:00", "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20270331T215959Z"],
    ["Run every day until march", "Run", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20270331T215959Z"],
    ["Pay bills every month on the 1st till dec", "Pay bills", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20261231T225959Z"],
    // This month: its end.
    ["Run every day until november", "Run", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20261130T225959Z"],
    // Guards (read so before too): the end of a month, a day of the month, a word that begins
    // like a month, no rule.
    ["Run every day through the end of march", "Run", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20270331T215959Z"],
    ["Run every day until march 5", "Run", "2026-11-28 09:00", "FREQ=DAILY;UNTIL=20270305T225959Z"],
    ["Run every day until marching band", "Run until marching band", "2026-11-28 09:00", "FREQ=DAILY"],
    ["Read until march", "Read", "2027-03-01 09:00", null],
  ])("a series until a month ends on its last day: %s", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it.each([
    // Was titled "Pay rent on the 45th" (or "... on the 45th of"), FREQ=MONTHLY due tomorrow.
    "Pay rent every month on the 45th",
    "Pay rent monthly on the 45th",
    "Pay rent on the 45th of every month",
    "Pay rent on the 45th every month",
    "Pay rent every month on the 0th",
    "Pay rent every 2 months on the 32nd",
    // Guard (read so before too).
    "Pay rent every 45th",
  ])("a day of the month no month has is no rule, its words stay in the title: %s", (text) => {
    expect(read(text)).toMatchObject({ title: text, due: null, rrule: null });
  });

  it("keeps the words of a monthly rule said with no such day, and reads the rest", () => {
    // Was "Pay rent on the 45th", FREQ=MONTHLY from tomorrow.
    expect(read("Pay rent every month #rent on the 45th")).toMatchObject({ title: "Pay rent every month on the 45th", rrule: null, due: null });
    expect(read("Pay rent every month on the 45th tomorrow")).toMatchObject({ title: "Pay rent every month on the 45th", rrule: null, due: "2026-11-28 09:00" });
    // Guards (read so before too): the 31st is a day of some months, a monthly rule without a day.
    expect(read("Pay rent every month on the 31st")).toMatchObject({ title: "Pay rent", rrule: "FREQ=MONTHLY;BYMONTHDAY=31", due: "2026-12-31 09:00" });
    expect(read("Take 2 pills every month")).toMatchObject({ title: "Take 2 pills", rrule: "FREQ=MONTHLY" });
  });

  it.each([
    // The documented bare-hour rule ("today at 5": the next of 5:00 and 17:00 still ahead, else
    // 17:00); the assistant is being brought to read it so (services/chat, another change).
    ["07:00", "2026-11-27 08:00"],
    ["13:00", "2026-11-27 20:00"],
    ["17:17", "2026-11-27 20:00"],
    // Both passed: 20:00, overdue, as "today at 6pm" typed at 21:00 is.
    ["21:00", "2026-11-27 20:00"],
  ])("Call mom today at 8 typed at %s is due %s", (clock, due) => {
    expect(read("Call mom today at 8", at(clock))).toMatchObject({ title: "Call mom", due, rrule: null });
  });

  it("leaves the word urgent in the title when its chip is taken back", () => {
    const r = parseQuickAdd("Call the plumber urgent", { now: at("17:17"), timeZone: "Europe/Paris", keep: ["urgent"] });
    expect(r).toMatchObject({ title: "Call the plumber urgent", priority: null });
  });
});

describe("a bare hour said with a repeat's part of the day, as the assistant reads it", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const at = (clock: string, day = 27) => zonedTimeToUtc(2026, 11, day, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // Each was read by the bare-hour rule alone (8–11 am): 09:00 / 08:00 from tomorrow morning.
    ["Pack lunches every weeknight at 9", "Pack lunches", "2026-11-27 21:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["Read to the kids every night at 9", "Read to the kids", "2026-11-27 21:00", "FREQ=DAILY"],
    ["Walk the dog every evening at 8", "Walk the dog", "2026-11-27 20:00", "FREQ=DAILY"],
    ["Walk the dog at 8 every evening", "Walk the dog", "2026-11-27 20:00", "FREQ=DAILY"],
    ["Walk the dog every evening at 8:30", "Walk the dog", "2026-11-27 20:30", "FREQ=DAILY"],
    ["Lock up every night at 11", "Lock up", "2026-11-27 23:00", "FREQ=DAILY"],
    ["Walk the dog every evening at 8 starting tomorrow", "Walk the dog", "2026-11-28 20:00", "FREQ=DAILY"],
    // "every morning" says am: was 19:00 (1–7 pm).
    ["Run every morning at 7", "Run", "2026-11-28 07:00", "FREQ=DAILY"],
  ])("reads %s in the rule's half of the day", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it("starts the rule tomorrow once that hour has passed today", () => {
    expect(read("Read to the kids every night at 9", at("21:30"))).toMatchObject({ due: "2026-11-28 21:00" });
  });

  it.each([
    // Guards (read so before too): a part of the day said with the day, am/pm or a 24-hour time
    // said outright, a bare hour with no part of the day, a rule with no part of the day.
    ["Call dad friday evening at 8", "Call dad", "2026-12-04 20:00", null],
    ["Take out trash tomorrow night at 10", "Take out trash", "2026-11-28 22:00", null],
    ["Stretch every morning at 9", "Stretch", "2026-11-28 09:00", "FREQ=DAILY"],
    ["Read every night at 9pm", "Read", "2026-11-27 21:00", "FREQ=DAILY"],
    ["Run every evening at 7am", "Run", "2026-11-28 07:00", "FREQ=DAILY"],
    ["Read every night at 09:00", "Read", "2026-11-28 09:00", "FREQ=DAILY"],
    ["Call John at 9", "Call John", "2026-11-28 09:00", null],
    ["Call John at 5", "Call John", "2026-11-28 17:00", null],
    ["Stretch every day at 9", "Stretch", "2026-11-28 09:00", "FREQ=DAILY"],
    ["Stand-up every weekday at 7", "Stand-up", "2026-11-27 19:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"],
    ["Nap every afternoon at 3", "Nap", "2026-11-28 15:00", "FREQ=DAILY"],
  ])("keeps reading %s as before", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });
});

describe("a dotted time, as written in Europe", () => {
  // Friday 27 Nov 2026, 17:17 in Paris; pins chrono's reading (all read so before this test).
  const at = (clock: string) => zonedTimeToUtc(2026, 11, 27, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt) };
  };

  it.each([
    ["Meet Anna at 10.30", "Meet Anna", "2026-11-28 10:30"],
    ["Call the bank at 9.15", "Call the bank", "2026-11-28 09:15"],
    ["Dinner 7.45pm", "Dinner", "2026-11-27 19:45"],
    ["Dinner at 7.45", "Dinner", "2026-11-27 19:45"],
    ["Meet Anna friday at 10.30.", "Meet Anna.", "2026-12-04 10:30"],
    ["Meet Anna at 10.30 on 1.12.", "Meet Anna", "2026-12-01 10:30"],
  ])("reads %s as that time, out of the title", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });

  it("reads a dotted time typed in the morning as today's", () => {
    expect(read("Meet Anna at 10.30", at("07:00"))).toMatchObject({ title: "Meet Anna", due: "2026-11-27 10:30" });
  });

  it.each([
    // Without "at" and am/pm a dotted number stays words unless it is a date.
    ["Version 2.10 release", "Version 2.10 release", null],
    ["Takes 3.5 hours", "Takes 3.5 hours", null],
    ["Update to v1.2", "Update to v1.2", null],
    ["Meet Anna 10.30", "Meet Anna 10.30", null],
    ["Quote 10.12.", "Quote", "2026-12-10 09:00"],
  ])("keeps reading %s as before", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });
});

describe("next month is its 1st, as the assistant reads it (start of the period, as next week is its Monday)", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const at = (clock: string, day = 27, month = 11) =>
    zonedTimeToUtc(2026, month, day, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // Each was chrono's same day next month, Sun 27 Dec.
    ["pay rent next month", "pay rent", "2026-12-01 09:00"],
    ["dentist next month at 10", "dentist", "2026-12-01 10:00"],
    ["Call mom by next month", "Call mom", "2026-12-01 09:00"],
    ["Book flights next month at 5pm", "Book flights", "2026-12-01 17:00"],
  ])("reads %s as the 1st of next month", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due, rrule: null });
  });

  it("reads next month typed on the 31st, and in December, as the next month's 1st", () => {
    expect(read("pay rent next month", at("10:00", 31, 12))).toMatchObject({ due: "2027-01-01 09:00" });
    expect(read("pay rent next month", zonedTimeToUtc(2027, 1, 31, 10, 0, "Europe/Paris"))).toMatchObject({ due: "2027-02-01 09:00" });
  });

  it.each([
    // Guards (so before too): a month from today, a weekday of next month's words, a possessive.
    ["pay rent in a month", "pay rent", "2026-12-27 09:00"],
    ["pay rent in 1 month", "pay rent", "2026-12-27 09:00"],
    ["Plan next month's budget", "Plan next month's budget", null],
    ["pay rent on the last day of next month", "pay rent", "2026-12-31 09:00"],
  ])("keeps reading %s as before", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });
});

describe("12 said with the night is midnight", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const at = (clock: string) => zonedTimeToUtc(2026, 11, 27, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // Each was noon (tonight's at 12:00 today, already past).
    ["Lock up every night at 12", "Lock up", "2026-11-28 00:00", "FREQ=DAILY"],
    ["Lock up every night at 12:30", "Lock up", "2026-11-28 00:30", "FREQ=DAILY"],
    ["Call Sam tonight at 12", "Call Sam", "2026-11-28 00:00", null],
    ["Call Sam at 12 tonight", "Call Sam", "2026-11-28 00:00", null],
    ["Call Sam tonight at midnight", "Call Sam", "2026-11-28 00:00", null],
    ["Call Sam friday night at 12", "Call Sam", "2026-12-05 00:00", null],
  ])("reads %s as midnight", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it("reads tonight at 12 typed in the morning as the coming midnight", () => {
    expect(read("Call Sam tonight at 12", at("09:00"))).toMatchObject({ due: "2026-11-28 00:00" });
  });

  it.each([
    // Guards (so before too): 12 without the night is noon, am/pm said outright, other hours of the night.
    ["Lunch every day at 12", "Lunch", "2026-11-28 12:00", "FREQ=DAILY"],
    ["Lunch at 12", "Lunch", "2026-11-28 12:00", null],
    ["Read every night at 9", "Read", "2026-11-27 21:00", "FREQ=DAILY"],
    ["Read every night at 11", "Read", "2026-11-27 23:00", "FREQ=DAILY"],
    ["Read every night at 12pm", "Read", "2026-11-28 12:00", "FREQ=DAILY"],
    ["Call Sam at midnight", "Call Sam", "2026-11-28 00:00", null],
    ["Walk every evening at 8", "Walk", "2026-11-27 20:00", "FREQ=DAILY"],
  ])("keeps reading %s as before", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });
});

describe("a time after @, around or ~, as the assistant reads it", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const at = (clock: string) => zonedTimeToUtc(2026, 11, 27, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt) };
  };

  it.each([
    // Each was the whole line as the title, no due date; "~10:30" and "@ 10:30" left "~" / "@" in it.
    ["Meet Anna @ 10.30", "Meet Anna", "2026-11-28 10:30"],
    ["Meet Anna around 10.30", "Meet Anna", "2026-11-28 10:30"],
    ["Meet Anna around 10", "Meet Anna", "2026-11-28 10:00"],
    ["Meet Anna ~10:30", "Meet Anna", "2026-11-28 10:30"],
    ["Meet Anna @ 10:30", "Meet Anna", "2026-11-28 10:30"],
    ["Meet Anna around 10pm", "Meet Anna", "2026-11-27 22:00"],
    ["Call the bank around 5", "Call the bank", "2026-11-28 17:00"],
    ["Call the bank @ 09.30", "Call the bank", "2026-11-28 09:30"],
    ["Meet Anna tomorrow @ 10.30", "Meet Anna", "2026-11-28 10:30"],
    ["Meet Anna friday around 3", "Meet Anna", "2026-12-04 15:00"],
  ])("reads %s as that time, out of the title", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });

  it("reads a time around 10.30 typed in the morning as today's", () => {
    expect(read("Meet Anna around 10.30", at("07:00"))).toMatchObject({ title: "Meet Anna", due: "2026-11-27 10:30" });
  });

  it.each([
    // Guards (so before too): amounts, an address, "~" before a number alone.
    ["Walk around 10 minutes", "Walk around 10 minutes"],
    ["Invite around 10 people", "Invite around 10 people"],
    ["Costs around 10.50 euros", "Costs around 10.50 euros"],
    ["Email bob@10.30", "Email bob@10.30"],
    ["Buy ~10 apples", "Buy ~10 apples"],
    ["Walk around 10 km", "Walk around 10 km"],
  ])("keeps %s as words", (text, title) => {
    expect(read(text)).toMatchObject({ title, due: null });
  });
});

describe("a day of next month, 12am at night, and 12 on a weekday's night, as the assistant reads them", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const at = (clock: string, day = 27, month = 11, year = 2026) =>
    zonedTimeToUtc(year, month, day, ...(clock.split(":").map(Number) as [number, number]), "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, now = at("17:17")) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // Each was the 1st of next month with "on the 15th" left in the title (the 3rd's "at 10" tomorrow's).
    ["Dentist next month on the 15th", "Dentist", "2026-12-15 09:00"],
    ["Dentist next month on the 3rd at 10", "Dentist", "2026-12-03 10:00"],
    ["Dentist on the 15th next month", "Dentist", "2026-12-15 09:00"],
    ["Dentist the 15th of next month", "Dentist", "2026-12-15 09:00"],
  ])("reads %s as that day of next month", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due, rrule: null });
  });

  it("reads a day next month has not as its last, and December's next month as January", () => {
    expect(read("Dentist on the 31st next month", at("10:00", 10, 1, 2027))).toMatchObject({ title: "Dentist", due: "2027-02-28 09:00" });
    expect(read("Dentist next month on the 15th", at("10:00", 31, 12))).toMatchObject({ title: "Dentist", due: "2027-01-15 09:00" });
  });

  it.each([
    // Each was today 00:00 (already past) or Friday 00:00, the midnight that begins the night.
    ["Lock up tonight at 12am", "Lock up", "2026-11-28 00:00"],
    ["Lock up at 12am tonight", "Lock up", "2026-11-28 00:00"],
    ["Lock up friday night at 12am", "Lock up", "2026-12-05 00:00"],
  ])("reads %s as the midnight that ends that night", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due, rrule: null });
  });

  it.each([
    // Each repeated at the midnight that begins the night (BYDAY=FR at 00:00).
    ["Lock up every friday night at 12", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=SA"],
    ["Lock up every friday night at 12am", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=SA"],
    ["Lock up every friday night at 12:30", "2026-11-28 00:30", "FREQ=WEEKLY;BYDAY=SA"],
    ["Lock up every saturday night at 12", "2026-11-29 00:00", "FREQ=WEEKLY;BYDAY=SU"],
    ["Lock up every weeknight at 12", "2026-11-28 00:00", "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA"],
    ["Lock up every weeknight at 12 starting monday", "2026-12-01 00:00", "FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA"],
  ])("repeats %s at the midnight that ends that night", (text, due, rrule) => {
    expect(read(text)).toMatchObject({ title: "Lock up", due, rrule });
  });

  it.each([
    // Guards (so before too).
    ["pay rent next month", "pay rent", "2026-12-01 09:00", null],
    ["Dentist next month on the 45th", "Dentist on the 45th", "2026-12-01 09:00", null],
    ["Plan next month's budget", "Plan next month's budget", null, null],
    ["Lock up tomorrow at 12am", "Lock up", "2026-11-28 00:00", null],
    ["Lock up friday at 12am", "Lock up", "2026-12-04 00:00", null],
    ["Lock up every night at 12", "Lock up", "2026-11-28 00:00", "FREQ=DAILY"],
    ["Lock up every friday night at 9", "Lock up", "2026-11-27 21:00", "FREQ=WEEKLY;BYDAY=FR"],
    ["Lock up every friday at 12am", "Lock up", "2026-12-04 00:00", "FREQ=WEEKLY;BYDAY=FR"],
    ["Lunch every friday at 12", "Lunch", "2026-12-04 12:00", "FREQ=WEEKLY;BYDAY=FR"],
  ])("keeps reading %s as before", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });
});

describe("before/until/till, 'wait till … to', a night of the title, nightly, 'bob@10:30' (user test, h88)", () => {
  // Friday 27 Nov 2026, 17:17 in Paris.
  const now = zonedTimeToUtc(2026, 11, 27, 17, 17, "Europe/Paris");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(0, 16) : null);
  const read = (text: string, keep?: string[]) => {
    const r = parseQuickAdd(text, { now, timeZone: "Europe/Paris", keep });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // "before", "until", "till" before a date are its connector, as "by" is (the assistant's LEAD).
    ["renew visa before jan 15", "renew visa", "2027-01-15 09:00"],
    ["pay rent till friday", "pay rent", "2026-12-04 09:00"],
    ["pay rent until friday", "pay rent", "2026-12-04 09:00"],
    ["call bank before 5pm", "call bank", "2026-11-28 17:00"],
    // Waiting till a day to do something is doing it that day.
    ["wait till monday to call bank", "call bank", "2026-11-30 09:00"],
    ["Wait until 8pm to call bank", "Call bank", "2026-11-27 20:00"],
    ["hold off till friday to book flights", "book flights", "2026-12-04 09:00"],
    // "night" after a word of the title names the thing; the time is the rest.
    ["movie night at 8", "movie night", "2026-11-28 08:00"],
    ["date night saturday at 7pm", "date night", "2026-11-28 19:00"],
    ["game night friday", "game night", "2026-12-04 09:00"],
    ["game night", "game night", null],
    // The "@" glued to a word goes with the time, as "bob @10:30" and "bob at 10:30".
    ["bob@10:30", "bob", "2026-11-28 10:30"],
    ["bob@10pm", "bob", "2026-11-27 22:00"],
  ])("reads %s", (text, title, due) => {
    expect(read(text)).toEqual({ title, due, rrule: null });
  });

  it.each([
    ["movie night every friday at 9pm", "movie night", "2026-11-27 21:00", "FREQ=WEEKLY;BYDAY=FR"],
    // "nightly" is "every night": daily at 20:00, a bare hour at night.
    ["water plants nightly", "water plants", "2026-11-27 20:00", "FREQ=DAILY"],
    ["water plants nightly at 9", "water plants", "2026-11-27 21:00", "FREQ=DAILY"],
    ["water plants nightly at 12", "water plants", "2026-11-28 00:00", "FREQ=DAILY"],
  ])("repeats %s", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });

  it("keeps the whole line when the chip of 'wait till … to' is kept", () => {
    expect(read("wait till monday to call bank", ["wait till monday to"])).toEqual({ title: "wait till monday to call bank", due: null, rrule: null });
  });

  it.each([
    // Guards (so before too).
    ["count the till friday", "count the till", "2026-12-04 09:00", null],
    ["wait till the kids sleep to call bank", "wait till the kids sleep to call bank", null, null],
    ["call mom friday night", "call mom", "2026-12-04 20:00", null],
    ["call mom tomorrow night", "call mom", "2026-11-28 20:00", null],
    ["call mom at night", "call mom", "2026-11-27 20:00", null],
    ["call mom evening at 8", "call mom", "2026-11-27 20:00", null],
    ["late night snack", "late night snack", null, null],
    ["girls' night out saturday", "girls' night out", "2026-11-28 09:00", null],
    ["water plants every night", "water plants", "2026-11-27 20:00", "FREQ=DAILY"],
    ["water plants every friday night", "water plants", "2026-11-27 20:00", "FREQ=WEEKLY;BYDAY=FR"],
    ["fortnightly review", "Review", "2026-11-28 09:00", "FREQ=WEEKLY;INTERVAL=2"],
    ["bob at 10:30", "bob", "2026-11-28 10:30", null],
    ["bob@10", "bob@10", null, null],
    ["bob@10.30", "bob@10.30", null, null],
    ["mail bob@example.com at 5", "mail bob@example.com", "2026-11-28 17:00", null],
  ])("keeps reading %s as before", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });
});

describe("a frequency word is the repeat first in the line or with no title after it, else a word of the title", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York: the clock of services/chat/tests/test_quick_add_parity.py.
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null);
  const read = (text: string, keep?: string[]) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York", keep });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule };
  };

  it.each([
    // Was 'Cancel subscription' every month, 'Buy the newspaper' every day, 'Review the report' every week.
    ["Cancel monthly subscription", "Cancel monthly subscription", null],
    ["Buy the daily newspaper", "Buy the daily newspaper", null],
    ["Review the weekly report", "Review the weekly report", null],
    ["Print the fortnightly rota", "Print the fortnightly rota", null],
    ["Renew the yearly membership", "Renew the yearly membership", null],
    ["Fix the nightly build", "Fix the nightly build", null],
    ["Submit the monthly report by friday", "Submit the monthly report", "2026-11-27 09:00"],
  ])("keeps a frequency word a title word follows, with no repeat: %s", (text, title, due) => {
    expect(read(text)).toEqual({ title, due, rrule: null });
  });

  it("keeps the tags, marks and dates of a line with a frequency word inside", () => {
    const r = parseQuickAdd("Cancel monthly subscription #money !high tomorrow", { now, timeZone: "America/New_York" });
    expect(r).toMatchObject({ title: "Cancel monthly subscription", tags: ["money"], priority: "HIGH", rrule: null });
    expect(local(r.dueAt)).toBe("2026-11-26 09:00");
    expect(r.tokens.map((t) => t.kind).sort()).toEqual(["due", "priority", "tag"]);
  });

  it.each([
    // The title ends before it: only dates, times, tags, marks, priority words or a reminder follow.
    ["Pay rent monthly", "Pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["water plants weekly #home", "water plants", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["call mom weekly on sunday", "call mom", "2026-11-29 09:00", "FREQ=WEEKLY;BYDAY=SU"],
    ["call mom weekly sunday", "call mom", "2026-11-29 09:00", "FREQ=WEEKLY"],
    ["backup daily at 2am", "backup", "2026-11-26 02:00", "FREQ=DAILY"],
    ["Pay rent monthly !high", "Pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["Fix prod daily urgent", "Fix prod", "2026-11-26 09:00", "FREQ=DAILY"],
    ["take pills daily remind me 30m before", "take pills", "2026-11-26 09:00", "FREQ=DAILY"],
    ["Pay rent monthly on the 1st", "Pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["Pay rent monthly, tomorrow", "Pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    // First in the line, before the title (also after a tag or a mark).
    ["Weekly review", "Review", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["Daily standup at 10am", "Standup", "2026-11-25 10:00", "FREQ=DAILY"],
    ["Monthly report on the 15th", "Report", "2026-12-15 09:00", "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["#work weekly review", "Review", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["Weekly review of the monthly report", "Review of the monthly report", "2026-11-26 09:00", "FREQ=WEEKLY"],
    // Both: the one with no title after it is the repeat, as another rule of the line is
    // ("Weekly review every friday"); the first stays a title word.
    ["Weekly review notes monthly", "Weekly review notes", "2026-11-26 09:00", "FREQ=MONTHLY"],
    // Another rule of the line, as before.
    ["Review the weekly report every friday", "Review the weekly report", "2026-11-27 09:00", "FREQ=WEEKLY;BYDAY=FR"],
    ["Send the weekly-report weekly", "Send the weekly-report", "2026-11-26 09:00", "FREQ=WEEKLY"],
  ])("repeats %s", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });

  it("keeps a frequency word the user kept, inside or last", () => {
    expect(read("Pay rent monthly", ["monthly"])).toEqual({ title: "Pay rent monthly", due: null, rrule: null });
    expect(read("Weekly review notes monthly", ["monthly"])).toEqual({ title: "Review notes monthly", due: "2026-11-26 09:00", rrule: "FREQ=WEEKLY" });
  });

  it.each([
    // services/chat/tests/test_quick_add_parity.py, test_a_frequency_word_first_is_the_repeat_as_on_the_web,
    // typed here without the assistant's "add" (its title is capitalised; the web's as typed, but
    // capitalised when a repeat said first leaves it, h106).
    ["weekly review", "Review", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["daily standup", "Standup", "2026-11-26 09:00", "FREQ=DAILY"],
    ["weekly review friday", "Review", "2026-11-27 09:00", "FREQ=WEEKLY"],
    ["monthly report", "Report", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["daily standup at 10am", "Standup", "2026-11-25 10:00", "FREQ=DAILY"],
    ["monthly report on the 15th", "Report", "2026-12-15 09:00", "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["monthly report due friday", "Report", "2026-11-27 09:00", "FREQ=MONTHLY"],
    ["nightly walk", "Walk", "2026-11-25 20:00", "FREQ=DAILY"],
    ["yearly checkup", "Checkup", "2026-11-26 09:00", "FREQ=YEARLY"],
    ["annually renew passport", "Renew passport", "2026-11-26 09:00", "FREQ=YEARLY"],
    ["weekly review every friday", "weekly review", "2026-11-27 09:00", "FREQ=WEEKLY;BYDAY=FR"],
    ["daily-build fix", "daily-build fix", null, null],
    ["weekly's recap", "weekly's recap", null, null],
    ["fortnightly review", "Review", "2026-11-26 09:00", "FREQ=WEEKLY;INTERVAL=2"],
    ["cancel monthly subscription", "cancel monthly subscription", null, null],
    ["buy the daily newspaper", "buy the daily newspaper", null, null],
    ["review the weekly report", "review the weekly report", null, null],
  ])("reads %s as the assistant does", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });
});

describe("a reminder at the due time, a polite word after a repeat, a monthly title word and a repeat first (h106)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York: the clock of services/chat/tests/test_quick_add_parity.py,
  // which pins the assistant to the same values.
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null);
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    return { title: r.title, due: local(r.dueAt), rrule: r.rrule, remind: local(r.remindAt), offset: r.remindOffsetMinutes };
  };

  it.each([
    // Was 'Refill inhaler time': "remind me at" was read as a bare "remind me".
    ["Refill inhaler in 4 minutes remind me at time"],
    ["Refill inhaler in 4 minutes remind me on time"],
    // Guards (read so before too).
    ["Refill inhaler in 4 minutes remind me at due time"],
    ["Refill inhaler in 4 minutes remind me when it's due"],
    ["Refill inhaler in 4 minutes remind me at the due time"],
  ])("reminds at the due time: %s", (text) => {
    expect(read(text)).toEqual({ title: "Refill inhaler", due: "2026-11-25 09:34", rrule: null, remind: "2026-11-25 09:34", offset: 0 });
  });

  it("keeps reading 'remind me at 5pm' as the reminder's own time", () => {
    expect(read("Refill inhaler tomorrow remind me at 5pm")).toMatchObject({ title: "Refill inhaler", remind: "2026-11-25 17:00", offset: null });
  });

  it.each([
    // Was the whole line as the title, no repeat.
    ["pay rent monthly please", "pay rent", "FREQ=MONTHLY"],
    ["pay rent monthly, please", "pay rent", "FREQ=MONTHLY"],
    ["pay rent monthly pls", "pay rent", "FREQ=MONTHLY"],
    ["pay rent monthly thanks", "pay rent", "FREQ=MONTHLY"],
    // Typed punctuation stays, as after any words taken ("Dentist at 3pm!": 'Dentist!').
    ["water plants weekly thank you!", "water plants!", "FREQ=WEEKLY"],
    ["pay rent monthly please #home", "pay rent", "FREQ=MONTHLY"],
  ])("reads a polite word after a repeat as no title: %s", (text, title, rrule) => {
    expect(read(text)).toMatchObject({ title, rrule });
  });

  it.each([
    // Guards (read so before too): a polite word with title after it is the title's.
    ["cancel monthly thanks card order", "cancel monthly thanks card order", null],
  ])("keeps a polite word the title goes on after: %s", (text, title, rrule) => {
    expect(read(text)).toMatchObject({ title, rrule });
  });

  it.each([
    // Was 'pay monthly rent on the 1st', no due date, no repeat.
    ["pay monthly rent on the 1st", "pay monthly rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["pay monthly rent on the 15th #home", "pay monthly rent", "2026-12-15 09:00", "FREQ=MONTHLY;BYMONTHDAY=15"],
    ["pay monthly rent on the last day", "pay monthly rent", "2026-11-30 09:00", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    // Guards (read so before too): no day of the month said, or one no month has, or a date.
    ["cancel monthly subscription", "cancel monthly subscription", null, null],
    ["pay monthly rent on the 45th", "pay monthly rent on the 45th", null, null],
    // "weekly" is no monthly rule; the day of the month alone is the date, as the assistant reads it (h111).
    ["pay weekly rent on the 1st", "pay weekly rent", "2026-12-01 09:00", null],
  ])("reads a day of the month with 'monthly' among the title words as the monthly rule: %s", (text, title, due, rrule) => {
    expect(read(text)).toMatchObject({ title, due, rrule });
  });

  it.each([
    // Was 'review', 'review docs', 'standup': the repeat's words left the front, the title's first letter stayed small.
    ["weekly review friday", "Review", "FREQ=WEEKLY"],
    ["Weekly review", "Review", "FREQ=WEEKLY"],
    ["#work weekly review", "Review", "FREQ=WEEKLY"],
    ["every monday review docs", "Review docs", "FREQ=WEEKLY;BYDAY=MO"],
    ["daily standup at 10am", "Standup", "FREQ=DAILY"],
    // Guards (read so before too): the user's own capitals, and a title that was first already.
    ["weekly iPhone backup", "iPhone backup", "FREQ=WEEKLY"],
    ["weekly NASA briefing", "NASA briefing", "FREQ=WEEKLY"],
    ["review docs weekly", "review docs", "FREQ=WEEKLY"],
    ["Weekly review notes monthly", "Weekly review notes", "FREQ=MONTHLY"],
  ])("capitalises the title a repeat said first leaves: %s", (text, title, rrule) => {
    expect(read(text)).toMatchObject({ title, rrule });
  });

  it.each([
    // Was 'call mom', 'pay rent': the line's capital went with the date said first.
    ["Tomorrow call mom", "Call mom"],
    ["Friday 3pm pay rent", "Pay rent"],
    ["Next monday email the landlord", "Email the landlord"],
    // Guards (read so before too): typed in lower case, the user's own capitals, a date not first, a tag first.
    ["tomorrow call mom", "call mom"],
    ["Tomorrow iPhone backup", "iPhone backup"],
    ["call mom tomorrow", "call mom"],
    ["#Home tomorrow water plants", "water plants"],
  ])("gives the title the line's capital when a date said first leaves the front: %s", (text, title) => {
    expect(read(text).title).toBe(title);
  });

  it("keeps the user's own capitals of the title 'wait till … to' leaves (was 'IPhone sync')", () => {
    expect(read("Wait till friday to iPhone sync")).toMatchObject({ title: "iPhone sync", due: "2026-11-27 09:00" });
    expect(read("Wait till friday to call bank")).toMatchObject({ title: "Call bank", due: "2026-11-27 09:00" });
  });
});

describe("a day of the month said alone, and a polite word after a repeat with a date after it (h111)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York: the clock of services/chat/tests/test_quick_add_parity.py.
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string, at = now, timeZone = "America/New_York") => {
    const r = parseQuickAdd(text, { now: at, timeZone });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone }).slice(0, 16) : null;
    return { title: r.title, due, rrule: r.rrule };
  };

  it.each([
    // Each was the whole line as the title, no date. The assistant's readings
    // (services/chat domain/when.py, take_date): the next such day after today, at 09:00 as
    // "pay rent on friday" is.
    ["pay rent on the 1st", "pay rent", "2026-12-01 09:00"],
    ["pay rent on the 15th", "pay rent", "2026-12-15 09:00"],
    ["pay rent on the 31st", "pay rent", "2026-12-31 09:00"],
    ["pay rent by the 2nd", "pay rent", "2026-12-02 09:00"],
    ["pay rent before the 3rd", "pay rent", "2026-12-03 09:00"],
    ["pay rent on the 30th", "pay rent", "2026-11-30 09:00"],
    // Today's day of the month is next month's: "the next such day after today", as a weekday's.
    ["pay rent on the 25th", "pay rent", "2026-12-25 09:00"],
    ["on the 1st pay rent", "pay rent", "2026-12-01 09:00"],
    ["pay rent on the 1st at 5pm", "pay rent", "2026-12-01 17:00"],
    ["pay rent on the 1st at 5", "pay rent", "2026-12-01 17:00"],
    ["pay rent on the 1st #home !high", "pay rent", "2026-12-01 09:00"],
    ["pay rent on the 15", "pay rent", "2026-12-15 09:00"],
  ])("reads %s as the next such day of a month", (text, title, due) => {
    expect(read(text)).toEqual({ title, due, rrule: null });
  });

  it("reads the 31st as the next month that has one, and a day by the user's clock", () => {
    // 31 January: not February (no 31st), 31 March; the 30th as well.
    const jan31 = zonedTimeToUtc(2027, 1, 31, 10, 0, "America/New_York");
    expect(read("pay rent on the 31st", jan31).due).toBe("2027-03-31 09:00");
    expect(read("pay rent on the 30th", jan31).due).toBe("2027-03-30 09:00");
    expect(read("pay rent on the 1st", jan31).due).toBe("2027-02-01 09:00");
    expect(read("pay rent on the 31st", zonedTimeToUtc(2027, 1, 30, 10, 0, "America/New_York")).due).toBe("2027-01-31 09:00");
    // 23:30 on 30 November in New York is 1 December in UTC: the 1st is tomorrow there.
    expect(read("pay rent on the 1st", zonedTimeToUtc(2026, 11, 30, 23, 30, "America/New_York")).due).toBe("2026-12-01 09:00");
    // 00:30 on 1 December in Paris (still 30 November in UTC): today is the 1st there, the next is January's.
    expect(read("pay rent on the 1st", zonedTimeToUtc(2026, 12, 1, 0, 30, "Europe/Paris"), "Europe/Paris").due).toBe("2027-01-01 09:00");
  });

  it.each([
    // Was 'Dentist on the': chrono's date starts at "3rd", and "the" stayed with the connector.
    ["Dentist on the 3rd of december", "Dentist", "2026-12-03 09:00"],
    ["Dentist by the 3rd december", "Dentist", "2026-12-03 09:00"],
  ])("takes the 'the' of %s with its date", (text, title, due) => {
    expect(read(text)).toEqual({ title, due, rrule: null });
  });

  it.each([
    // Guards (read so before too): no connector, a day no month has, title words on both sides,
    // a date with its month, a day of the month inside a word.
    ["buy 1st aid kit", "buy 1st aid kit", null],
    ["the 1st draft", "the 1st draft", null],
    ["pay rent on the 45th", "pay rent on the 45th", null],
    ["pay rent on the 0th", "pay rent on the 0th", null],
    ["comment on the 1st draft", "comment on the 1st draft", null],
    ["meet on the 3rd floor", "meet on the 3rd floor", null],
    ["do it for the 1st time", "do it for the 1st time", null],
    ["won the 1st prize", "won the 1st prize", null],
    ["Rent on the 1.5", "Rent on the 1.5", null],
    ["Dentist on the 15th next month", "Dentist", "2026-12-15 09:00"],
    ["Pay rent on the 1st every month", "Pay rent", "2026-12-01 09:00"],
  ])("keeps reading %s as before", (text, title, due) => {
    expect(read(text)).toMatchObject({ title, due });
  });

  it.each([
    // Was 'pay rent monthly please' due tomorrow, no repeat: the date after "please" kept it a
    // title word, and "monthly" with it. The assistant: 'Pay rent', tomorrow, every month.
    ["pay rent monthly please tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly please, tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly tomorrow please", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly please #home tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly please at 5pm", "pay rent", "2026-11-25 17:00", "FREQ=MONTHLY"],
    ["water plants weekly please by friday 5pm", "water plants", "2026-11-27 17:00", "FREQ=WEEKLY"],
    // Was 'pay rent please': a rule said in words, then "please" and the date.
    ["pay rent every month please tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    // Guards (read so before too): the repeat and the date in any other order.
    ["tomorrow pay rent monthly please", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent tomorrow monthly", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent tomorrow monthly please", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
  ])("gives %s its date and its repeat", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });

  it.each([
    // Guards (read so before too): title words after the polite word, polite words before the
    // repeat, no repeat at all.
    ["pay rent monthly please call mom tomorrow", "pay rent monthly please call mom", "2026-11-26 09:00", null],
    ["Say thank you weekly", "Say thank you", "2026-11-26 09:00", "FREQ=WEEKLY"],
  ])("keeps the polite words of %s in the title", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, rrule });
  });

  it("drops the polite words after a repeat the user kept in the title, as after any title word (h144)", () => {
    // Was 'pay rent monthly please': polite words ending the title are dropped with or without a repeat.
    const r = parseQuickAdd("pay rent monthly please tomorrow", { now, timeZone: "America/New_York", keep: ["monthly"] });
    expect(r).toMatchObject({ title: "pay rent monthly", rrule: null });
  });
});

describe("a day of the month in a title, 'till the 3rd' and polite words with a repeat, as the assistant reads them (h113)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York: the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_a_day_of_the_month_in_a_title_as_on_the_web and test_polite_words_and_a_repeat_as_on_the_web
  // pin the assistant to the same readings (typed there after "add"; its titles capitalised).
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null;
    return { title: r.title, due, priority: r.priority, rrule: r.rrule };
  };

  it.each([
    // Was 'pay rent on the 1st' with no date: the priority word after the day made it a title word.
    ["pay rent on the 1st urgent", "pay rent", "2026-12-01 09:00", "VERY_IMPORTANT", null],
    ["pay rent on the 1st high priority", "pay rent", "2026-12-01 09:00", "HIGH", null],
    ["pay rent by the 15th low priority", "pay rent", "2026-12-15 09:00", "LOW", null],
    // Guards (read so before too): a day of the month with title words on both sides, "to", "1.5".
    ["comment on the 1st draft", "comment on the 1st draft", null, null, null],
    ["go to the 2nd floor", "go to the 2nd floor", null, null, null],
    ["do it for the 1st time", "do it for the 1st time", null, null, null],
    ["meet on the 3rd floor", "meet on the 3rd floor", null, null, null],
    ["go to the 2nd", "go to the 2nd", null, null, null],
    ["Rent on the 1.5", "Rent on the 1.5", null, null, null],
    ["fix the 2nd floor urgent", "fix the 2nd floor", null, "VERY_IMPORTANT", null],
    // Guards (read so before too): dates.
    ["pay bills till the 3rd", "pay bills", "2026-12-03 09:00", null, null],
    ["pay bills until the 3rd", "pay bills", "2026-12-03 09:00", null, null],
    ["pay rent on the 1st", "pay rent", "2026-12-01 09:00", null, null],
    ["dentist on the 3rd of december", "dentist", "2026-12-03 09:00", null, null],
    ["report due by the 15th", "report", "2026-12-15 09:00", null, null],
    ["pay rent on the 1st at 5pm", "pay rent", "2026-12-01 17:00", null, null],
    ["on the 1st pay rent", "pay rent", "2026-12-01 09:00", null, null],
    ["pay rent on the 2nd, urgent", "pay rent", "2026-12-02 09:00", "VERY_IMPORTANT", null],
    ["pay rent on the 1st every month", "pay rent", "2026-12-01 09:00", null, "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["buy 1st aid kit", "buy 1st aid kit", null, null, null],
    ["won the 1st prize", "won the 1st prize", null, null, null],
  ])("reads a day of the month in %s as the assistant does", (text, title, due, priority, rrule) => {
    expect(read(text)).toEqual({ title, due, priority, rrule });
  });

  it.each([
    // Guards (read so before too): polite words after a repeat go with it, before it stay.
    ["pay rent monthly thanks tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly thank you tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly pls tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent please monthly", "pay rent please", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["Say thank you weekly", "Say thank you", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["pay rent please every month", "pay rent please", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent please tomorrow monthly", "pay rent please", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly please call mom tomorrow", "pay rent monthly please call mom", "2026-11-26 09:00", null],
    ["cancel monthly please card order", "cancel monthly please card order", null, null],
    ["pay rent monthly please tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent monthly tomorrow thanks", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["pay rent every month thanks tomorrow", "pay rent", "2026-11-26 09:00", "FREQ=MONTHLY"],
    ["water plants weekly thank you!", "water plants!", "2026-11-26 09:00", "FREQ=WEEKLY"],
    ["cancel monthly thanks card order", "cancel monthly thanks card order", null, null],
  ])("reads the polite words of %s as the assistant does", (text, title, due, rrule) => {
    expect(read(text)).toEqual({ title, due, priority: null, rrule });
  });
});

describe("a numeric date either way round is read in the reader's order of day and month (user test, h115)", () => {
  // Wednesday 25 Nov 2026, 14:30 in London; Tom's browser says en-GB. Expected values: the
  // assistant's (services/chat tests/test_quick_add_parity.py, Europe/London is day first).
  const now = new Date("2026-11-25T14:30:00Z");
  const read = (text: string, locale: string, timeZone = "Europe/London") => {
    const r = parseQuickAdd(text, { now, timeZone, locale });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    ["dentist 03/02 at 4pm", "en-GB", "dentist", "2027-02-03 16:00"],
    ["dentist 3/2", "en-GB", "dentist", "2027-02-03 09:00"],
    ["pay invoice 03/02/2027", "en-GB", "pay invoice", "2027-02-03 09:00"],
    ["pay invoice 03-02-2027", "en-GB", "pay invoice", "2027-02-03 09:00"],
    ["pay invoice on 1/12/27", "en-GB", "pay invoice", "2027-12-01 09:00"],
    ["dentist 03/02 at 4pm", "de-DE", "dentist", "2027-02-03 16:00"],
    ["dentist 03/02 at 4pm", "en-AU", "dentist", "2027-02-03 16:00"],
  ])("reads %s day first for a reader in %s", (text, locale, title, due) => {
    expect(read(text, locale)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): month first where the reader writes it so, and a date that
    // reads one way only is that date for every reader.
    ["dentist 03/02 at 4pm", "en-US", "dentist", "2027-03-02 16:00"],
    ["dentist 03/02 at 4pm", "en-CA", "dentist", "2027-03-02 16:00"],
    ["dentist 03/02 at 4pm", "ja-JP", "dentist", "2027-03-02 16:00"],
    ["pay invoice 03-02-2027", "en-US", "pay invoice", "2027-03-02 09:00"],
    ["dentist 14/01", "en-GB", "dentist", "2027-01-14 09:00"],
    ["dentist 3/14", "en-GB", "dentist", "2027-03-14 09:00"],
    ["dentist 10.12.", "en-US", "dentist", "2026-12-10 09:00"],
    ["dentist 2027-03-02", "en-GB", "dentist", "2027-03-02 09:00"],
    ["score 3-2 win", "en-GB", "score 3-2 win", null],
  ])("reads %s as before for a reader in %s", (text, locale, title, due) => {
    expect(read(text, locale)).toEqual([title, due]);
  });
});

describe("a part of the day after a date, two days said, and 'the till' before a day of the month (user tests, h123)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py;
  // the expected readings are the assistant's for the same lines (typed there after "add").
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // Was 'pay rent on the 3rd' due tomorrow 09:00: "in the" kept chrono from joining the day and
    // the part of the day, and the part alone (a time) outranked the day.
    ["pay rent on the 3rd in the morning", "pay rent", "2026-12-03 09:00"],
    ["pay rent on the 3rd in the afternoon", "pay rent", "2026-12-03 15:00"],
    ["pay rent on the 3rd in the evening", "pay rent", "2026-12-03 18:00"],
    ["pay rent next month on the 3rd in the morning", "pay rent", "2026-12-03 09:00"],
    // Was 'pay rent on friday' due tomorrow; 'pay rent tomorrow' (the right day by chance).
    ["pay rent on friday in the morning", "pay rent", "2026-11-27 09:00"],
    ["pay rent tomorrow in the morning", "pay rent", "2026-11-26 09:00"],
    ["call mom friday in the evening", "call mom", "2026-11-27 18:00"],
  ])("reads the part of the day of %s on the day said", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): the part of the day joined without "in the", a time, alone.
    ["pay rent on the 3rd morning", "pay rent", "2026-12-03 09:00"],
    ["pay rent on the 3rd at night", "pay rent", "2026-12-03 20:00"],
    ["pay rent on the 3rd at 5pm", "pay rent", "2026-12-03 17:00"],
    ["call mom in the evening", "call mom", "2026-11-25 18:00"],
    ["Call Bob friday at 3 in the morning", "Call Bob", "2026-11-27 03:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A day of the month said alone and another day: the other day is the due date and "on the
    // 1st" stays words of the title, as the assistant reads both orders. Was 'pay rent tomorrow'
    // due on the 1st.
    ["pay rent tomorrow on the 1st", "pay rent on the 1st", "2026-11-26 09:00"],
    // Guard (read so before too).
    ["pay rent on the 1st tomorrow", "pay rent on the 1st", "2026-11-26 09:00"],
    ["pay rent on the 1st next week", "pay rent on the 1st", "2026-11-30 09:00"],
  ])("takes the other day of %s, not the day of the month", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // "till" after "the" is the cash drawer, and "the 3rd" without a connector is no date, as the
    // assistant reads it (when.py TILL). Was 'count the' due on the 3rd.
    ["count the till the 3rd", "count the till the 3rd", null],
    ["empty my till the 1st", "empty my till the 1st", null],
    // Guards (read so before too).
    ["count the till on the 3rd", "count the till", "2026-12-03 09:00"],
    ["count the till friday", "count the till", "2026-11-27 09:00"],
    ["pay bills till the 3rd", "pay bills", "2026-12-03 09:00"],
  ])("reads the till of %s as the assistant does", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });
});

describe("a part of the day and a day in either order, and a weekday before a day of the month (user tests, h126)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_a_day_and_its_part_in_either_order_as_on_the_web pins the assistant to the
  // same readings (typed there after "add"; its titles capitalised).
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // Was 'pay rent on dec' due tomorrow 03:00: chrono read "3 in the morning" as a time and
    // dropped the date.
    ["pay rent on dec 3 in the morning", "pay rent", "2026-12-03 09:00"],
    ["pay rent on december 3 in the afternoon", "pay rent", "2026-12-03 15:00"],
    ["pay rent on dec 3 at night", "pay rent", "2026-12-03 20:00"],
    ["pay rent 12/3 in the morning", "pay rent", "2026-12-03 09:00"],
    // Was 'call mom in the' due today: chrono joined the part and the day but lost the day.
    ["call mom in the evening friday", "call mom", "2026-11-27 18:00"],
    ["call mom in the evening on friday", "call mom", "2026-11-27 18:00"],
    ["call mom in the morning tomorrow", "call mom", "2026-11-26 09:00"],
    ["call mom evening friday", "call mom", "2026-11-27 18:00"],
    ["call mom at night friday", "call mom", "2026-11-27 20:00"],
    ["call mom in the afternoon on dec 3", "call mom", "2026-12-03 15:00"],
    ["pay rent in the morning on the 3rd", "pay rent", "2026-12-03 09:00"],
    ["pay rent in the morning on the 3rd of december", "pay rent", "2026-12-03 09:00"],
    // Was 'call mom friday in the' due today 19:00: a time after the day and its part.
    ["call mom friday in the evening at 7", "call mom", "2026-11-27 19:00"],
    // Was 'call mom at 5 in the' due today 18:00.
    ["call mom at 5 in the evening friday", "call mom", "2026-11-27 17:00"],
  ])("reads %s as the day at the part's hour", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it("reads a time after a part of the day and a day in the part's half of the day", () => {
    // Was 'call mom in the' due today 19:00. The assistant is due the same, titled 'Call mom in the evening'.
    expect(read("call mom in the evening friday at 7")).toEqual(["call mom", "2026-11-27 19:00"]);
  });

  it.each([
    // Guards (read so before too): a part inside a time, a part that names a thing, a day then
    // "in the" and a part, a part in the title.
    ["Call Bob friday at 3 in the morning", "Call Bob", "2026-11-27 03:00"],
    ["movie night friday", "movie night", "2026-11-27 09:00"],
    ["pay rent dec 3 in the evening", "pay rent", "2026-12-03 18:00"],
    ["pay rent on the 3rd in the morning", "pay rent", "2026-12-03 09:00"],
    ["call mom tomorrow in the evening", "call mom", "2026-11-26 18:00"],
    // The web's reading, not the assistant's ('Walk' at 18:00): a part of the day before the
    // title's other words is a word of it ("Evening walk", "Morning run"), as without a date.
    ["Evening walk on the 3rd", "Evening walk", "2026-12-03 09:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A weekday then a day of the month said alone: the weekday, "on the 1st" words of the
    // title, as the assistant reads both orders. Was 'pay rent' due on the 1st.
    ["pay rent friday on the 1st", "pay rent on the 1st", "2026-11-27 09:00"],
    ["pay rent on friday on the 1st", "pay rent on the 1st", "2026-11-27 09:00"],
    ["pay rent fri on the 1st", "pay rent on the 1st", "2026-11-27 09:00"],
    // Guard (read so before too).
    ["pay rent on the 1st friday", "pay rent on the 1st", "2026-11-27 09:00"],
  ])("takes the weekday of %s, not the day of the month", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });
});

describe("a day and a time said apart, title words between them, are one due time (h131)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_a_day_and_a_time_said_apart_as_on_the_web pins the assistant to the same readings
  // (typed there after "add"; its titles capitalised).
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // Were due today (or tomorrow, for a bare hour gone by) at the time, the day left in the title.
    ["call mom friday about taxes at 5pm", "call mom about taxes", "2026-11-27 17:00"],
    ["dentist tuesday for the checkup at 10am", "dentist for the checkup", "2026-12-01 10:00"],
    ["meet anna on dec 3 re budget at 3pm", "meet anna re budget", "2026-12-03 15:00"],
    ["gym tomorrow with sam at 7", "gym with sam", "2026-11-26 19:00"],
    ["call mom at 5pm about taxes friday", "call mom about taxes", "2026-11-27 17:00"],
    ["call mom at 5 about taxes friday", "call mom about taxes", "2026-11-27 17:00"],
    ["call mom friday about taxes at 8", "call mom about taxes", "2026-11-27 08:00"],
    ["call mom dec 3 about taxes at 9.30", "call mom about taxes", "2026-12-03 09:30"],
    ["call mom friday about taxes at 17:30", "call mom about taxes", "2026-11-27 17:30"],
    ["call mom friday about taxes around 5", "call mom about taxes", "2026-11-27 17:00"],
    ["call mom friday about taxes at noon", "call mom about taxes", "2026-11-27 12:00"],
    ["call mom friday about taxes in the evening", "call mom about taxes", "2026-11-27 18:00"],
    ["call mom friday about taxes after work", "call mom about taxes", "2026-11-27 18:00"],
    ["call mom friday about taxes at lunch", "call mom about taxes", "2026-11-27 12:00"],
    ["call mom friday for 2 hours at 5pm", "call mom for 2 hours", "2026-11-27 17:00"],
    ["book 3pm slot friday", "book slot", "2026-11-27 15:00"],
    ["call mom tomorrow about taxes at 5pm", "call mom about taxes", "2026-11-26 17:00"],
    ["call mom next week about taxes at 5pm", "call mom about taxes", "2026-11-30 17:00"],
    ["call mom in 3 days about taxes at 5pm", "call mom about taxes", "2026-11-28 17:00"],
    ["pay rent next month about taxes at 5pm", "pay rent about taxes", "2026-12-01 17:00"],
    // Today and a bare hour: the first of 8:00 and 20:00 still ahead, as "today at 8" is.
    ["call mom today about taxes at 8", "call mom about taxes", "2026-11-25 20:00"],
    ["call mom today about taxes at 5pm", "call mom about taxes", "2026-11-25 17:00"],
    // A day of the month said alone, a time apart from it.
    ["pay rent on the 1st about taxes at 5pm", "pay rent about taxes", "2026-12-01 17:00"],
    ["call mom on the 1st about taxes at 5", "call mom about taxes", "2026-12-01 17:00"],
    // "wait till monday to …" and a time.
    ["wait till monday to call bank at 5pm", "call bank", "2026-11-30 17:00"],
  ])("reads %s as the day at the time", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Two days and a time: the day the rules for two days take (the weekday, or the other day
    // than a day of the month said alone), at the time; the other day words of the title. Were
    // 'pay rent tomorrow' due 1 December 17:00, 'pay rent friday on the 1st' due today 17:00.
    ["pay rent tomorrow on the 1st at 5pm", "pay rent on the 1st", "2026-11-26 17:00"],
    ["pay rent friday on the 1st at 5pm", "pay rent on the 1st", "2026-11-27 17:00"],
    ["pay rent at 5pm on the 1st tomorrow", "pay rent on the 1st", "2026-11-26 17:00"],
  ])("reads %s as the other day at the time", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): a time alone is today's while ahead, else tomorrow's; a day
    // with its time; a day and its time next to each other; a second time stays in the title.
    ["call mom about taxes at 5pm", "call mom about taxes", "2026-11-25 17:00"],
    ["call mom about taxes at 8", "call mom about taxes", "2026-11-26 08:00"],
    ["call mom friday about taxes tomorrow at 5pm", "call mom friday about taxes", "2026-11-26 17:00"],
    ["call mom friday at 3pm about taxes at 5pm", "call mom about taxes at 5pm", "2026-11-27 15:00"],
    ["call mom at 3pm friday about taxes at 5pm", "call mom about taxes at 5pm", "2026-11-27 15:00"],
    ["call mom about taxes at 5pm on friday", "call mom about taxes", "2026-11-27 17:00"],
    ["submit report by friday before 5pm", "submit report", "2026-11-27 17:00"],
    ["pay rent on the 1st at 5pm", "pay rent", "2026-12-01 17:00"],
    ["pay rent tomorrow on the 1st", "pay rent on the 1st", "2026-11-26 09:00"],
    ["call mom friday about taxes", "call mom about taxes", "2026-11-27 09:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A day at a part of the day and a time apart: that day at the time, a bare hour in the
    // part's half, 12 at night the midnight that ends it. Were 'call mom about taxes at 9' due at
    // the part's hour (20:00, 18:00), 'call mom friday about taxes' due Thursday 00:00.
    ["call mom tonight about taxes at 9", "call mom about taxes", "2026-11-25 21:00"],
    ["call mom tonight about taxes at 12", "call mom about taxes", "2026-11-26 00:00"],
    ["call mom friday about taxes at 12 at night", "call mom about taxes", "2026-11-28 00:00"],
    // The assistant reads these at 08:00, 10:00, 12:00, 'evening' / 'night' left in the title (and
    // 'morning', at 17:00): the web reads them as it reads "friday evening at 8", "tomorrow night
    // at 10", "friday night at 12".
    ["call mom friday night about taxes at 12", "call mom about taxes", "2026-11-28 00:00"],
    ["call mom friday evening about taxes at 8", "call mom about taxes", "2026-11-27 20:00"],
    ["call mom tomorrow night about taxes at 10", "call mom about taxes", "2026-11-26 22:00"],
    ["call mom friday morning about taxes at 5pm", "call mom about taxes", "2026-11-27 17:00"],
  ])("reads %s as the day at the time, in the part of the day said", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it("reads a day and a time said apart as it reads them said together", () => {
    for (const [day, time] of [
      ["friday", "at 5"],
      ["tomorrow", "at 8"],
      ["today", "at 8"],
      ["friday", "at midnight"],
      ["dec 3", "at 9.30"],
      ["on the 3rd", "at 7"],
      ["tonight", "at 9"],
      ["friday evening", "at 8"],
      ["friday", "at 12 at night"],
    ])
      expect(read(`call mom ${day} about taxes ${time}`)).toEqual(read(`call mom about taxes ${day} ${time}`));
  });

  it("keeps the time of a day and a time said apart in the reminder and the repeat", () => {
    const r = parseQuickAdd("review every week friday about taxes at 5pm remind me 30m before", { now, timeZone: "America/New_York" });
    expect([r.title, r.rrule, r.dueAt, r.remindAt]).toEqual(["review about taxes", "FREQ=WEEKLY", "2026-11-27T22:00:00.000Z", "2026-11-27T21:30:00.000Z"]);
    expect(r.tokens.filter((token) => token.kind === "due").map((token) => token.text)).toEqual(["friday", "at 5pm"]);
  });
});

describe("an hour in the evening, a part of the day with two days, tonight with a weekday, a list of days (h132)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_quick_add_leftovers_as_on_the_web pins the assistant to the same readings (typed
  // there after "add"; its titles capitalised).
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, "America/New_York");
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: "America/New_York" });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: "America/New_York" }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // Were due today 18:00 (the evening's hour), 'at 9' left in the title: chrono reads "in the
    // morning", "in the afternoon" with an hour, not "in the evening".
    ["call mom at 9 in the evening", "call mom", "2026-11-25 21:00"],
    ["call mom at 9:30 in the evening", "call mom", "2026-11-25 21:30"],
    ["call mom around 9 in the evening", "call mom", "2026-11-25 21:00"],
    ["call mom at 9pm in the evening", "call mom", "2026-11-25 21:00"],
    ["call mom at 5 in the evening", "call mom", "2026-11-25 17:00"],
    ["call mom at 9 in the night", "call mom", "2026-11-25 21:00"],
    // Were due Friday (tomorrow) 09:00, 'in the evening' left in the title.
    ["call mom friday at 9 in the evening", "call mom", "2026-11-27 21:00"],
    ["call mom tomorrow at 9 in the evening", "call mom", "2026-11-26 21:00"],
    ["call mom dec 3 at 9 in the evening", "call mom", "2026-12-03 21:00"],
    // Was 'call mom around' ("7 in the morning" without its "around").
    ["call mom around 7 in the morning", "call mom", "2026-11-26 07:00"],
  ])("reads %s as the hour in that part of the day", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too).
    ["call mom at 7 in the morning", "call mom", "2026-11-26 07:00"],
    ["call mom friday at 7 in the morning", "call mom", "2026-11-27 07:00"],
    ["call mom at 3 in the afternoon", "call mom", "2026-11-25 15:00"],
    ["call mom at 9 in the evening friday", "call mom", "2026-11-27 21:00"],
    ["call mom at 9 in the evening on friday", "call mom", "2026-11-27 21:00"],
    ["call mom friday in the evening at 9", "call mom", "2026-11-27 21:00"],
    ["call mom at 9 tonight", "call mom", "2026-11-25 21:00"],
    ["call mom at 9 at night", "call mom", "2026-11-25 21:00"],
    ["pay rent dec 3 in the evening", "pay rent", "2026-12-03 18:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it("reads an hour in the evening with a repeat in the evening", () => {
    const r = parseQuickAdd("call mom every day at 9 in the evening", { now, timeZone: "America/New_York" });
    expect([r.title, r.rrule, r.dueAt]).toEqual(["call mom", "FREQ=DAILY", "2026-11-26T02:00:00.000Z"]);
  });

  it.each([
    // A day of the month said alone yields to another day, its part of the day going with that
    // day. Were 'pay rent friday' due 1 December 09:00, 'pay rent' due 1 December 09:00.
    ["pay rent on the 1st in the morning friday", "pay rent on the 1st", "2026-11-27 09:00"],
    ["pay rent friday on the 1st in the morning", "pay rent on the 1st", "2026-11-27 09:00"],
    ["pay rent on the 1st in the evening tomorrow", "pay rent on the 1st", "2026-11-26 18:00"],
    // Guard: the day of the month alone at its part (read so before too).
    ["pay rent on the 1st in the morning", "pay rent", "2026-12-01 09:00"],
  ])("reads %s as the other day at the part's hour", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Were today at the part's hour ('friday' left in the title after "tonight"): the weekday
    // named is the day, the part its hour.
    ["call mom this evening friday", "call mom", "2026-11-27 18:00"],
    ["call mom friday this evening", "call mom", "2026-11-27 18:00"],
    ["call mom this morning friday", "call mom", "2026-11-27 09:00"],
    ["call mom this afternoon friday", "call mom", "2026-11-27 15:00"],
    ["call mom this evening on friday", "call mom", "2026-11-27 18:00"],
    // The web as "friday night" (the assistant too since h136; it read tonight, 'friday' left in its title).
    ["call mom tonight friday", "call mom", "2026-11-27 20:00"],
    ["call mom friday tonight", "call mom", "2026-11-27 20:00"],
    // Guards (read so before too).
    ["call mom this evening", "call mom", "2026-11-25 18:00"],
    ["call mom tonight", "call mom", "2026-11-25 20:00"],
  ])("reads %s as the weekday at the part's hour", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it("reads tonight and today's weekday as tonight", () => {
    // Friday 27 Nov 2026, 09:30 in New York: the weekday said is today, and "tonight" is its night
    // (as the assistant reads it since h136; it read "this evening friday" typed on a Friday as next week's).
    const friday = { now: zonedTimeToUtc(2026, 11, 27, 9, 30, "America/New_York"), timeZone: "America/New_York" };
    for (const [text, due] of [
      ["call mom tonight friday", "2026-11-28T01:00:00.000Z"],
      ["call mom this evening friday", "2026-11-27T23:00:00.000Z"],
      ["call mom friday this evening", "2026-11-27T23:00:00.000Z"],
    ])
      expect([text, parseQuickAdd(text, friday).dueAt]).toEqual([text, due]);
  });

  it.each([
    // Days said as a list, a time apart: the first of them, as the assistant reads it. Was
    // 'call mom monday and about taxes' due Friday 17:00.
    ["call mom monday and friday about taxes at 5pm", "call mom and friday about taxes", "2026-11-30 17:00"],
    ["call mom monday and friday about taxes at 5", "call mom and friday about taxes", "2026-11-30 17:00"],
    ["pay rent monday or tuesday about the flat at 5pm", "pay rent or tuesday about the flat", "2026-11-30 17:00"],
    ["call mom tomorrow and friday about taxes at 5pm", "call mom and friday about taxes", "2026-11-26 17:00"],
    // Was 'call mom monday, about taxes' due Friday 17:00 (the assistant keeps the comma: 'Call mom, friday about taxes').
    ["call mom monday, friday about taxes at 5pm", "call mom friday about taxes", "2026-11-30 17:00"],
    // And without a time, the same day: was 'call mom monday and about taxes' due Friday 09:00.
    ["call mom monday and friday about taxes", "call mom and friday about taxes", "2026-11-30 09:00"],
    ["call mom monday or friday", "call mom or friday", "2026-11-30 09:00"],
    // Was 'call mom friday' due Monday.
    ["call mom friday and monday", "call mom and monday", "2026-11-27 09:00"],
  ])("reads %s as the first day of the list", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): a day with its own time; days not said as a list, the last.
    ["call mom monday and friday at 5pm", "call mom monday", "2026-11-27 17:00"],
    ["call mom monday about taxes friday", "call mom monday about taxes", "2026-11-27 09:00"],
    ["call mom monday about taxes friday at 5pm", "call mom monday about taxes", "2026-11-27 17:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });
});

describe("a number of the title before a part of the day, an hour before it without 'at', a part before polite words, 'this evening' apart from its hour (h136)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_parts_of_the_day_h136_as_on_the_web pins the assistant to the same readings (typed
  // there after "add"; its titles capitalised).
  const zone = "America/New_York";
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, zone);
  const friday = zonedTimeToUtc(2026, 11, 27, 9, 30, zone);
  const read = (text: string, at = now) => {
    const r = parseQuickAdd(text, { now: at, timeZone: zone });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // A number after a noun that numbers things is the title's; the part of the day alone is the
    // time. Were 'read chapter' 15:00 (chrono's "3 in the afternoon"), 'read page' 00:00 …
    ["read chapter 3 in the afternoon", "read chapter 3", "2026-11-25 15:00"],
    ["read chapter 3 in the morning", "read chapter 3", "2026-11-26 09:00"],
    ["read chapter 3 at night", "read chapter 3", "2026-11-25 20:00"],
    ["read page 12 in the morning", "read page 12", "2026-11-26 09:00"],
    ["do step 2 in the afternoon", "do step 2", "2026-11-25 15:00"],
    ["clean room 4 in the afternoon", "clean room 4", "2026-11-25 15:00"],
    ["finish level 10 in the evening", "finish level 10", "2026-11-25 18:00"],
    ["do lesson 3 in the morning", "do lesson 3", "2026-11-26 09:00"],
    ["watch episode 5 at night", "watch episode 5", "2026-11-25 20:00"],
    ["watch season 2 in the afternoon", "watch season 2", "2026-11-25 15:00"],
    ["read part 1 in the afternoon", "read part 1", "2026-11-25 15:00"],
    ["study unit 7 in the morning", "study unit 7", "2026-11-26 09:00"],
    ["plan week 3 in the afternoon", "plan week 3", "2026-11-25 15:00"],
    ["read ch. 3 in the afternoon", "read ch. 3", "2026-11-25 15:00"],
    // … and before a day: were 'read page' tomorrow 12:00, 'watch episode' Friday 12:00.
    ["read page 12 tomorrow", "read page 12", "2026-11-26 09:00"],
    ["watch episode 12 friday", "watch episode 12", "2026-11-27 09:00"],
    ["clean room 10 tomorrow", "clean room 10", "2026-11-26 09:00"],
    ["finish level 10 in the evening friday", "finish level 10", "2026-11-27 18:00"],
  ])("keeps the number of %s in the title", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A number with dots after such a noun is no date either (one list, NUMBERING_NOUN). Were 10
    // December, 1 February.
    ["clean room 10.12.", "clean room 10.12.", null],
    ["fix issue 1.2.", "fix issue 1.2.", null],
    // Guards (read so before too).
    ["read chapter 10.12.", "read chapter 10.12.", null],
    ["pay rent 10.12.", "pay rent", "2026-12-10 09:00"],
  ])("reads %s", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): the number with its own time, and the noun with "at".
    ["read chapter 3 at 5pm", "read chapter 3", "2026-11-25 17:00"],
    ["read chapter 3 tonight", "read chapter 3", "2026-11-25 20:00"],
    ["read chapter 3 tomorrow at 9", "read chapter 3", "2026-11-26 09:00"],
    ["read chapter 3 tomorrow in the afternoon", "read chapter 3", "2026-11-26 15:00"],
    ["read chapter at 3 in the afternoon", "read chapter", "2026-11-25 15:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // An hour said before a part of the day without "at" is in that part, as with "at". Were
    // 'pay rent 3' 18:00, 'pay rent 8' Friday 18:00, 'call mom 9' 20:00, tomorrow 07:00.
    ["pay rent 3 in the evening", "pay rent", "2026-11-25 15:00"],
    ["pay rent 9 in the evening", "pay rent", "2026-11-25 21:00"],
    ["pay rent friday 8 in the evening", "pay rent", "2026-11-27 20:00"],
    ["call mom 9 in the night", "call mom", "2026-11-25 21:00"],
    ["call mom 2 in the night", "call mom", "2026-11-26 02:00"],
    ["call mom 7 in the afternoon", "call mom", "2026-11-25 19:00"],
    // "in the night" is the night's: 1–5 the small hours, as "at night" is. Were 14:00, 15:00.
    ["call mom at 2 in the night", "call mom", "2026-11-26 02:00"],
    ["call mom at 3 in the night", "call mom", "2026-11-26 03:00"],
    // 12 in the morning is the midnight that begins the morning. Were 12:00.
    ["call mom 12 in the morning", "call mom", "2026-11-26 00:00"],
    ["call mom at 12 in the morning", "call mom", "2026-11-26 00:00"],
    ["call mom friday at 12 in the morning", "call mom", "2026-11-27 00:00"],
  ])("reads %s as the hour in that part of the day", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too).
    ["pay rent 10 in the evening", "pay rent", "2026-11-25 22:00"],
    ["pay rent 11 in the evening", "pay rent", "2026-11-25 23:00"],
    ["pay rent 7:30 in the evening", "pay rent", "2026-11-25 19:30"],
    ["pay rent 3 in the morning", "pay rent", "2026-11-26 03:00"],
    ["pay rent 3 in the afternoon", "pay rent", "2026-11-25 15:00"],
    ["pay rent 11 at night", "pay rent", "2026-11-25 23:00"],
    ["call mom at 9 in the night", "call mom", "2026-11-25 21:00"],
    ["call mom at 12 in the night", "call mom", "2026-11-26 00:00"],
    ["call mom at 12 in the afternoon", "call mom", "2026-11-25 12:00"],
    ["call mom at 12 at night", "call mom", "2026-11-26 00:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A part of the day after title words, before a word that may follow a date, is the time, as
    // at the end of the line. Were the whole line, no date.
    // Polite words after it are dropped, as the assistant drops them (h144; was 'call mom please').
    ["call mom evening please", "call mom", "2026-11-25 18:00"],
    ["call mom evening about taxes", "call mom about taxes", "2026-11-25 18:00"],
    ["call mom evening with sam", "call mom with sam", "2026-11-25 18:00"],
    // "during the", "by the" before it as "in the". Were 'call mom during the', 'call mom by the'.
    ["call mom during the evening", "call mom", "2026-11-25 18:00"],
    ["call mom by the evening", "call mom", "2026-11-25 18:00"],
    // A time before a weekday and its part: the part goes with the day. Were 'call mom evening',
    // the second at 08:00.
    ["call mom at 8pm friday evening", "call mom", "2026-11-27 20:00"],
    ["call mom at 8 friday evening", "call mom", "2026-11-27 20:00"],
    ["call mom at 8pm on friday evening", "call mom", "2026-11-27 20:00"],
  ])("reads %s with the part of the day as the time", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): first in the line with a word after it, it is the title's.
    ["Evening walk", "Evening walk", null],
    ["Evening at the park", "Evening at the park", null],
    ["Morning with sam", "Morning with sam", null],
    ["call mom evening", "call mom", "2026-11-25 18:00"],
    ["call mom friday evening", "call mom", "2026-11-27 18:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // "this evening" and an hour said apart: today at the hour in that part, as "tonight … at
    // 9" is. Were tomorrow 08:00, 'this evening' left in the title.
    ["this evening about taxes at 8", "about taxes", "2026-11-25 20:00"],
    ["call mom this evening about taxes at 8", "call mom about taxes", "2026-11-25 20:00"],
    ["this afternoon about taxes at 3", "about taxes", "2026-11-25 15:00"],
    ["call mom this morning about taxes at 11", "call mom about taxes", "2026-11-25 11:00"],
    // Guards (read so before too).
    ["tonight about taxes at 9", "about taxes", "2026-11-25 21:00"],
    ["call mom this evening at 8", "call mom", "2026-11-25 20:00"],
  ])("reads %s as today at the hour in that part", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): a weekday with tonight, also typed on that weekday.
    ["call mom tonight friday", now, "call mom", "2026-11-27 20:00"],
    ["call mom friday tonight", now, "call mom", "2026-11-27 20:00"],
    ["call mom tonight on friday", now, "call mom", "2026-11-27 20:00"],
    ["call mom tonight friday at 9", now, "call mom", "2026-11-27 21:00"],
    ["call mom tonight friday", friday, "call mom", "2026-11-27 20:00"],
    ["call mom friday tonight", friday, "call mom", "2026-11-27 20:00"],
    ["call mom this evening friday", friday, "call mom", "2026-11-27 18:00"],
  ])("reads %s as the weekday at the part's hour", (text, at, title, due) => {
    expect(read(text, at)).toEqual([title, due]);
  });

  it.each([
    // "sun", "sat", "wed" next to "tonight" / "this afternoon" are words, as alone. Were Sunday
    // 15:00 'lie in the', Saturday 20:00 with no title.
    ["lie in the sun this afternoon", "lie in the sun", "2026-11-25 15:00"],
    ["sat tonight", "sat", "2026-11-25 20:00"],
    ["call mom wed tonight", "call mom wed", "2026-11-25 20:00"],
  ])("reads %s with the word in the title", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): with a connector they are the weekday.
    ["relax on sat tonight", "relax", "2026-11-28 20:00"],
    ["call mom by friday tonight", "call mom", "2026-11-27 20:00"],
    ["call mom tonight by friday", "call mom by friday", "2026-11-25 20:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });
});

describe("polite words ending the line, a bare number next to a day, a dotted time after 'at' (h144)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_polite_words_a_bare_number_and_a_dotted_time_h144_as_on_the_web pins the assistant
  // to the same readings (typed there after "add"; its titles capitalised, the end's punctuation gone).
  const zone = "America/New_York";
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, zone);
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: zone });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16) : null;
    return [r.title, due];
  };

  it.each([
    // Polite words with nothing of the title after them are words to no one, with or without a
    // repeat. Were all kept: 'call mom please', 'pay rent please' …
    ["call mom please", "call mom", null],
    ["call mom pls", "call mom", null],
    ["call mom thanks", "call mom", null],
    ["call mom thank you", "call mom", null],
    ["call mom, please", "call mom", null],
    ["pay rent please tomorrow", "pay rent", "2026-11-26 09:00"],
    ["call mom tomorrow, thanks", "call mom", "2026-11-26 09:00"],
    ["call mom please #home", "call mom", null],
    // … and the part of the day before them is the time. Was 'call mom evening, thanks!', no date.
    ["call mom evening, thanks!", "call mom!", "2026-11-25 18:00"],
    ["call mom evening.", "call mom.", "2026-11-25 18:00"],
    // The first one said after a word that says it stays. Was 'say thanks please'.
    ["say thanks please", "say thanks", null],
  ])("drops the polite words of %s", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): first in the line, alone, said, or inside the title.
    ["please bring cake", "please bring cake", null],
    ["pls call mom", "pls call mom", null],
    ["thanks", "thanks", null],
    ["say thanks", "say thanks", null],
    ["say thank you", "say thank you", null],
    ["send thanks", "send thanks", null],
    ["write a thank you", "write a thank you", null],
    ["write thanks card", "write thanks card", null],
    ["give thanks tomorrow", "give thanks", "2026-11-26 09:00"],
  ])("keeps the polite words of %s", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // A bare number next to a day is the title's, as "meet anna 10.30" is: a time is said with
    // "at", am/pm, a colon or a part of the day. Were 10:00, 15:00 (chrono read two digits as the hour).
    ["pay rent 10 tomorrow", "pay rent 10", "2026-11-26 09:00"],
    ["pay rent tomorrow 10", "pay rent 10", "2026-11-26 09:00"],
    ["pay rent 15 tomorrow", "pay rent 15", "2026-11-26 09:00"],
    ["pay rent 10 on friday", "pay rent 10", "2026-11-27 09:00"],
    ["pay rent friday 10", "pay rent 10", "2026-11-27 09:00"],
    ["pay rent 10 tomorrow morning", "pay rent 10", "2026-11-26 09:00"],
  ])("keeps the number of %s in the title", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // Guards (read so before too): the hour said as one.
    ["call mom 5 tomorrow", "call mom 5", "2026-11-26 09:00"],
    ["pay rent tomorrow at 10", "pay rent", "2026-11-26 10:00"],
    ["pay rent tomorrow 10am", "pay rent", "2026-11-26 10:00"],
    ["pay rent tomorrow 10:30", "pay rent", "2026-11-26 10:30"],
    ["pay rent 10 in the evening", "pay rent", "2026-11-25 22:00"],
  ])("reads %s as before", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });

  it.each([
    // "at 10.12." is a time ("at", "around", "@" before it), "on 10.12." and "10.12." a date
    // (day.month, the dotted form's order), "at 10.12.2026" a date with its year (was 12 October).
    // The dot typed at the end stays, as after any time ("Meet Anna friday at 10.30.").
    ["meet at 10.12.", "meet.", "2026-11-25 10:12"],
    ["meet around 10.12.", "meet.", "2026-11-25 10:12"],
    ["meet at 10.12. tomorrow", "meet", "2026-11-26 10:12"],
    ["meet at 10.12.2026", "meet", "2026-12-10 09:00"],
    ["meet on 10.12.", "meet", "2026-12-10 09:00"],
    ["meet 10.12.", "meet", "2026-12-10 09:00"],
    ["meet on 10.12. at 3pm", "meet", "2026-12-10 15:00"],
  ])("reads %s", (text, title, due) => {
    expect(read(text)).toEqual([title, due]);
  });
});

describe("a weekday's place in the month, some months of the year, 'every 2nd tuesday', from completion (h150)", () => {
  // Wednesday 25 Nov 2026, 09:30 in New York, the clock of services/chat/tests/test_quick_add_parity.py,
  // whose test_a_weekdays_place_and_months_h150_as_on_the_web and test_from_completion_h150_as_on_the_web
  // pin the assistant to the same readings (typed there after "add"; its titles capitalised).
  const zone = "America/New_York";
  const now = zonedTimeToUtc(2026, 11, 25, 9, 30, zone);
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: zone });
    const due = r.dueAt ? new Date(r.dueAt).toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16) : null;
    return [r.title, due, r.rrule];
  };

  it.each([
    // User test (h146): were 'Report of each month' on the month's last day from Dec 31, and a
    // one-off 'Quarterly review on the first of Jan, Apr, Jul and Oct' due Monday.
    ["Monthly report on the last Friday of each month #Work", "Monthly report", "2026-11-27 09:00", "FREQ=MONTHLY;BYDAY=-1FR"],
    ["Quarterly review on the first Monday of Jan, Apr, Jul and Oct", "Quarterly review", "2027-01-04 09:00", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO"],
    ["Quarterly review on the first Monday of every quarter", "Quarterly review", "2027-01-04 09:00", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYDAY=1MO"],
    ["review every first monday of june", "review", "2027-06-07 09:00", "FREQ=YEARLY;BYMONTH=6;BYDAY=1MO"],
    // A weekday's place with a monthly rule, or with "every". Were the 1st, the 2nd, the
    // month's last day, or no repeat ('review every first').
    ["review every 3 months on the first monday", "review", "2026-12-07 09:00", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO"],
    ["review every quarter on the first monday", "review", "2026-12-07 09:00", "FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO"],
    ["review monthly on the 2nd tuesday", "review", "2026-12-08 09:00", "FREQ=MONTHLY;BYDAY=2TU"],
    ["review every month on the last friday", "review", "2026-11-27 09:00", "FREQ=MONTHLY;BYDAY=-1FR"],
    ["review on the first monday of every month", "review", "2026-12-07 09:00", "FREQ=MONTHLY;BYDAY=1MO"],
    ["1:1 on the 2nd tuesday of the month 3 pm", "1:1", "2026-12-08 15:00", "FREQ=MONTHLY;BYDAY=2TU"],
    ["review every first monday", "review", "2026-12-07 09:00", "FREQ=MONTHLY;BYDAY=1MO"],
    ["review every last friday", "review", "2026-11-27 09:00", "FREQ=MONTHLY;BYDAY=-1FR"],
    ["review every 3rd thursday", "review", "2026-12-17 09:00", "FREQ=MONTHLY;BYDAY=3TH"],
    // "every 2nd tuesday" is every other Tuesday. Were the 2nd of each month from Wednesday, and 'review every second'.
    ["1:1 every 2nd tuesday 3 pm", "1:1", "2026-12-01 15:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
    ["1:1 every second tuesday", "1:1", "2026-12-01 09:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
  ])("reads %s", (text, title, due, rrule) => {
    expect(read(text)).toEqual([title, due, rrule]);
  });

  it.each([
    // Guards (read so before too).
    ["taxes every 3 months on the 15th", "taxes", "2026-12-15 09:00", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15"],
    ["pay rent every month on the last day", "pay rent", "2026-11-30 09:00", "FREQ=MONTHLY;BYMONTHDAY=-1"],
    ["report every 2nd", "report", "2026-12-02 09:00", "FREQ=MONTHLY;BYMONTHDAY=2"],
    ["pay rent on the 1st every month", "pay rent", "2026-12-01 09:00", "FREQ=MONTHLY;BYMONTHDAY=1"],
    ["1:1 every other tuesday", "1:1", "2026-12-01 09:00", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"],
  ])("reads %s as before", (text, title, due, rrule) => {
    expect(read(text)).toEqual([title, due, rrule]);
  });

  it.each([
    // Were 'water plants from when I last did it' (… 'after completion', …), repeating from its due date.
    "water plants every 3 days from when I last did it",
    "water plants every 3 days after completion",
    "water plants every 3 days from completion",
    "water plants every 3 days, counting from when I finish it",
    "water plants every 3 days from the last completion",
  ])("reads %s as repeating from completion", (text) => {
    const r = parseQuickAdd(text, { now, timeZone: zone });
    expect([...read(text), r.repeatFrom]).toEqual(["water plants", "2026-11-26 09:00", "FREQ=DAILY;INTERVAL=3", "completion"]);
  });

  it.each([
    // Guards: no such words, or no repeat to count from.
    ["water plants every 3 days", "water plants"],
    ["water plants after completion", "water plants after completion"],
  ])("reads %s as repeating from the due date", (text, title) => {
    const r = parseQuickAdd(text, { now, timeZone: zone });
    expect([r.title, r.repeatFrom]).toEqual([title, "due"]);
  });
});

describe("'arvo', 'wk', 'tmrw' and 'remnd me' as the assistant reads them (h148, a user in Sydney)", () => {
  // Friday 27 Nov 2026, 15:00 in Sydney: the clock of services/chat/tests/test_talk_typed_as_texted.py.
  const zone = "Australia/Sydney";
  const now = zonedTimeToUtc(2026, 11, 27, 15, 0, zone);
  const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString("sv-SE", { timeZone: zone }).slice(0, 16) : null);
  const read = (text: string) => {
    const r = parseQuickAdd(text, { now, timeZone: zone });
    return [r.title, local(r.dueAt), r.rrule];
  };

  it.each([
    // Were 'pick up parcel sat arvo' with no date, 'call nan arvo' at 09:00.
    ["pick up parcel sat arvo", "pick up parcel", "2026-11-28 15:00"],
    ["call nan sunday arvo", "call nan", "2026-11-29 15:00"],
    ["call nan tmrw arvo", "call nan", "2026-11-28 15:00"],
  ])("reads %j: arvo after a day word is the afternoon", (text, title, due) => {
    expect(read(text)).toEqual([title, due, null]);
  });

  it.each([
    // Were 'gym every wk' and 'gym 3 times a wk' with no repeat.
    ["gym every wk", "gym", "2026-11-28 09:00", "FREQ=WEEKLY"],
    ["gym 3 times a wk", "gym", "2026-11-30 09:00", "FREQ=WEEKLY;BYDAY=MO,WE,FR"],
  ])("reads %j: wk after every or a number is a week", (text, title, due, rrule) => {
    expect(read(text)).toEqual([title, due, rrule]);
  });

  it("reads 'remnd me' as 'remind me' (was: 'remnd me to call mum', no reminder)", () => {
    const r = parseQuickAdd("remnd me to call mum at 3:30 tmrw", { now, timeZone: zone });
    expect([r.title, local(r.dueAt), r.remindOffsetMinutes]).toEqual(["to call mum", "2026-11-28 15:30", 0]);
  });

  it.each([
    // Guards: elsewhere the words are the title's.
    ["Arvo Part concert friday", "Arvo Part concert", "2026-12-04 09:00"],
    ["review the WK 12 report friday", "review the WK 12 report", "2026-12-04 09:00"],
    ["rewind me the tape friday", "rewind me the tape", "2026-12-04 09:00"],
  ])("keeps %j in the title", (text, title, due) => {
    expect(read(text)).toEqual([title, due, null]);
  });
});
