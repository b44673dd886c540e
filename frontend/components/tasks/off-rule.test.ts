import { describe, expect, it } from "vitest";
import { firstSlot, localDay, offRule } from "./off-rule";

// 2030-01-07 is a Monday.
describe("offRule", () => {
  it("says what the series stays when the due day is off the rule's days", () => {
    expect(offRule("FREQ=WEEKLY;BYDAY=MO", "2030-01-08", "due")).toBe("every Monday");
    expect(offRule("FREQ=WEEKLY;BYDAY=MO,TH", "2030-01-09", "due")).toBe("every Monday and Thursday");
    expect(offRule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2030-01-12", "due")).toBe("every weekday");
    expect(offRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2030-01-08", "due")).toBe("every other Monday");
    expect(offRule("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", "2030-01-08", "due")).toBe("every 3 weeks on Friday");
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=1", "2030-01-02", "due")).toBe("on the 1st");
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=1,15", "2030-01-16", "due")).toBe("on the 1st and 15th");
    expect(offRule("weekdays", "2030-01-13", "due")).toBe("every weekday");
  });

  it("says nothing on the rule's days, without a pinned day, repeating from completion, or undated (guards)", () => {
    expect(offRule("FREQ=WEEKLY;BYDAY=MO", "2030-01-07", "due")).toBeNull();
    expect(offRule("FREQ=WEEKLY;BYDAY=MO,TH", "2030-01-10", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=1", "2030-02-01", "due")).toBeNull();
    // These go on from wherever the instance is: moving it moves the series.
    expect(offRule("FREQ=WEEKLY", "2030-01-08", "due")).toBeNull();
    expect(offRule("FREQ=DAILY", "2030-01-08", "due")).toBeNull();
    expect(offRule("FREQ=WEEKLY;BYDAY=MO", "2030-01-08", "completion")).toBeNull();
    expect(offRule(null, "2030-01-08", "due")).toBeNull();
    expect(offRule("FREQ=WEEKLY;BYDAY=MO", "", "due")).toBeNull();
  });

  it("says what a series on placed weekdays (the 1st Monday) or in some months only stays", () => {
    // Before: null, as if the series went on from the moved instance (dateutil keeps the rule's days).
    expect(offRule("FREQ=MONTHLY;BYDAY=1MO", "2030-01-08", "due")).toBe("on the 1st Monday");
    expect(offRule("FREQ=MONTHLY;BYDAY=-1FR", "2030-01-24", "due")).toBe("on the last Friday");
    expect(offRule("FREQ=MONTHLY;BYDAY=1MO,3MO", "2030-01-14", "due")).toBe("on the 1st and 3rd Monday");
    expect(offRule("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "2026-12-01", "due")).toBe("on the 1st Monday of Jan, Apr, Jul and Oct");
    // The 1st Monday, but of a month the rule leaves out.
    expect(offRule("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "2026-12-07", "due")).toBe("on the 1st Monday of Jan, Apr, Jul and Oct");
    expect(offRule("FREQ=MONTHLY;BYMONTH=3,9;BYMONTHDAY=15", "2030-04-15", "due")).toBe("on the 15th of Mar and Sep");
    expect(offRule("FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "2030-05-20", "due")).toBe("on the last Monday of May");
    expect(offRule("FREQ=WEEKLY;BYMONTH=6,7;BYDAY=SA", "2030-08-03", "due")).toBe("every Saturday in Jun and Jul");
    // Guards: on the rule's days (2030-01-07: 1st Monday; 2030-01-25: last Friday; 2027-01-04: 1st Monday of Jan).
    expect(offRule("FREQ=MONTHLY;BYDAY=1MO", "2030-01-07", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYDAY=-1FR", "2030-01-25", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "2027-01-04", "due")).toBeNull();
    expect(offRule("FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "2030-05-27", "due")).toBeNull();
    // The day comes from the series' start, or the rule is too involved to read here: nothing said.
    expect(offRule("FREQ=MONTHLY;BYMONTH=1,4,7,10", "2026-12-01", "due")).toBeNull();
    expect(offRule("FREQ=YEARLY;BYDAY=1MO", "2030-01-08", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2030-01-08", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYDAY=1MO", "2030-01-08", "completion")).toBeNull();
  });

  it("says what a series on the month's last day stays when one instance moves off it", () => {
    // Before: BYMONTHDAY=-1 was no pinned day, so never off it.
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-01-15", "due")).toBe("on the last day");
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-02-27", "due")).toBe("on the last day");
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=15,-1", "2030-01-16", "due")).toBe("on the 15th and the last day");
    // Guards: on the month's last day (28, 30, 31, a leap February), and on a day it names.
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-01-31", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-02-28", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-04-30", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2032-02-29", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=15,-1", "2030-01-15", "due")).toBeNull();
    expect(offRule("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-01-15", "completion")).toBeNull();
  });

  it("reads an instant as the browser's calendar day", () => {
    expect(localDay(new Date(2030, 0, 7, 23, 30).toISOString())).toBe("2030-01-07");
  });
});

// 2030-01-12 is a Saturday.
describe("firstSlot", () => {
  it("is the rule's first day on or after a due day its days leave out", () => {
    expect(firstSlot("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2030-01-12", "due")).toEqual({ date: "2030-01-14", first: "the first weekday" });
    expect(firstSlot("FREQ=WEEKLY;BYDAY=WE", "2030-01-12", "due")).toEqual({ date: "2030-01-16", first: "the first Wednesday" });
    expect(firstSlot("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2030-01-11", "due")?.date).toBe("2030-01-14");
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=1", "2030-01-05", "due")).toEqual({ date: "2030-02-01", first: "the next 1st of a month" });
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=31", "2030-04-05", "due")?.date).toBe("2030-05-31");
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=1,15", "2030-12-20", "due")?.date).toBe("2031-01-01");
  });

  it("is the rule's first placed weekday, in its months, for a quarterly or monthly series", () => {
    // Tue 1 Dec 2026, "the first Monday of each quarter": Mon 4 Jan 2027. Before: null (kept Tue 1 Dec).
    expect(firstSlot("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "2026-12-01", "due")).toEqual({
      date: "2027-01-04",
      first: "the next 1st Monday of Jan, Apr, Jul or Oct",
    });
    expect(firstSlot("FREQ=MONTHLY;BYDAY=-1FR", "2030-01-26", "due")).toEqual({ date: "2030-02-22", first: "the next last Friday of a month" });
    expect(firstSlot("FREQ=MONTHLY;BYMONTH=3,9;BYMONTHDAY=15", "2030-03-16", "due")?.date).toBe("2030-09-15");
    expect(firstSlot("FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO", "2030-06-01", "due")?.date).toBe("2031-05-26");
    expect(firstSlot("FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", "2030-01-05", "due")).toEqual({ date: "2030-03-31", first: "the last day of Mar, Jun, Sep or Dec" });
    // Guard: on the rule's day already.
    expect(firstSlot("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=1MO", "2027-04-05", "due")).toBeNull();
  });

  it("is the month's last day for a series on it", () => {
    // Before: null (BYMONTHDAY=-1 pinned no day), so the series started off its own day.
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-02-05", "due")).toEqual({ date: "2030-02-28", first: "the last day of the month" });
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=1,-1", "2030-01-05", "due")).toEqual({ date: "2030-01-31", first: "the next 1st or last day of a month" });
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=-1", "2030-04-30", "due")).toBeNull();
  });

  it("is null when the due day fits, the rule pins no days, it repeats from completion, or undated (guards)", () => {
    expect(firstSlot("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2030-01-14", "due")).toBeNull();
    expect(firstSlot("FREQ=MONTHLY;BYMONTHDAY=5", "2030-01-05", "due")).toBeNull();
    expect(firstSlot("FREQ=WEEKLY", "2030-01-12", "due")).toBeNull();
    expect(firstSlot("FREQ=DAILY", "2030-01-12", "due")).toBeNull();
    expect(firstSlot("FREQ=WEEKLY;BYDAY=MO", "2030-01-12", "completion")).toBeNull();
    expect(firstSlot(null, "2030-01-12", "due")).toBeNull();
    expect(firstSlot("FREQ=WEEKLY;BYDAY=MO", "", "due")).toBeNull();
  });
});
