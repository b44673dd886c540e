import { describe, expect, it } from "vitest";
import { parseQuickAdd, wallClock, zonedTimeToUtc, zoneOffsetMinutes } from "./quick-add";

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
    expect(r.dueAt).toBe("2030-03-15T08:00:00.000Z"); // 09:00 Paris
    expect(r.dueHasTime).toBe(true);
    expect(r.rrule).toBe("FREQ=MONTHLY;BYMONTHDAY=1");
    expect(r.tokens.map((t) => t.kind)).toEqual(["recurrence", "tag", "priority", "due"]);
  });

  it("reads tomorrow 9am in the user's zone, not UTC", () => {
    const r = parse("Pay rent every month on the 1st #Finance !high tomorrow 9am", NEW_YORK);
    expect(r.dueAt).toBe("2030-03-15T13:00:00.000Z"); // 09:00 EDT
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
